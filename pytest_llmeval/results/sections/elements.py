"""A report's elements (`Section`, `Table`) and how its cells write numbers: `fmt`, `signed`, a value with its
interval and n (`with_interval`, `no_interval`), the methods behind the intervals.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Any]]


@dataclass
class Section:
    key: str  # stable id: "summary", "categories", "rag", "benchmark", "cases", ...
    title: str
    paragraphs: list[str] = field(default_factory=list)
    table: Table | None = None
    terminal: bool = False  # part of the short terminal summary
    level: int = 2
    # paragraph i begins with leads[i] (a failed case's model, mode and id), which report.md writes in bold; the
    # paragraphs themselves stay plain text, as every format shows them (report.md escapes what is markup there)
    leads: list[str] = field(default_factory=list)


def _no_negative_zero(text: str) -> str:
    """`-0.0` (a bound a hair below zero, rounded) read as garbled beside `+19.0`: zero has no sign."""
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text


def fmt(value: Any, digits: int = 1) -> str:
    """A cell's number; `-` for None and for NaN or an infinity, which no measurement gives: a case whose TTFT was
    recorded as NaN printed `nan` in the cases table of report.md and report.html, where the summary leaves it out."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return _no_negative_zero(f"{value:.{digits}f}") if math.isfinite(value) else "-"
    return str(value)


def figure(value: Any, digits: int = 1) -> str:
    """A measured figure of one answer (a score, hit@k, ms, tok/s) with `digits` decimals whether the record holds it
    as an int or a float: a scorer or a JSON writer that gives whole numbers printed `40` and hit@k `1` in the cases
    table beside `40.0` and `1.00` for the same kind of figure elsewhere. Counts stay `fmt`'s (120 tokens)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return fmt(float(value), digits)
    return fmt(value, digits)


def finite(value: Any) -> Any:
    """A stored figure as the recorder writes it: a NaN or an infinity is null there (`recorder.to_json`), so one
    in a hand-edited or foreign results.json reads as no figure - it printed `+inf [-1.1, +19.4]`, `+nan` and a mean
    `- [-, 77.1]` with a bound that was no number. Anything else is returned as it is."""
    return None if isinstance(value, float) and not math.isfinite(value) else value


def signed(value: Any, digits: int = 1) -> str:
    value = finite(value)
    return "-" if value is None else _signed(value, digits)


def _signed(value: float, digits: int) -> str:
    """`+3.1`, `+0.0` for zero (or a float's hair off it), and a value that rounds to zero keeps its sign and one
    significant digit (`-0.05`): a bound of -0.047 printed `+0.0` put 0 inside an interval that leaves it out."""
    if abs(value) < ZERO_HAIR:
        value = 0.0
    text = _no_negative_zero(f"{value:+.{digits}f}")
    if value and float(text) == 0:
        return f"{value:+.1g}"
    return text if text[0] in "+-" else "+" + text


ZERO_HAIR = 1e-9  # below this a difference is a float's rounding error (-1e-12), not a measured one


NO_WIDTH = " (no width: every case changed alike)"  # an interval of a difference that is a point: no precision


def with_interval(value: Any, interval: dict[str, Any] | None, digits: int = 1, sign: bool = False) -> str:
    """`52.3 [44.1, 60.2]` (or `+3.1 [-4.0, +10.2]` with sign); the value alone without an interval, and
    `+3.1 [no 95% interval at n=4]` when one was computed and the n cannot give it (a bare difference reads
    as a result)."""
    value = finite(value)
    if interval:
        interval = {**interval, "low": finite(interval.get("low")), "high": finite(interval.get("high"))}
    text = signed(value, digits) if sign else off_the_bounds(value, digits)
    missing = no_interval(interval)
    if missing is not None and value is not None:
        return f"{text} {missing}"
    if not interval or interval.get("low") is None or interval.get("high") is None or value is None:
        return text
    low, high = interval["low"], interval["high"]
    if sign:
        alike = NO_WIDTH if low == high and value else ""
        return f"{text} [{_signed(low, digits)}, {_signed(high, digits)}]{alike}"
    return f"{text} [{fmt(float(low), digits)}, {fmt(float(high), digits)}]"


SCALE_BOUNDS = (0.0, 100.0)  # a score's and a pass rate's ends: every point of every case, or none


def off_the_bounds(value: Any, digits: int = 1) -> str:
    """`fmt`, with as many more decimals (up to 2) as keep a figure that is not 0 or 100 from printing as 0 or 100:
    a mean score of 99.96 (13 cases of 100 and one of 99.5) printed `100.0`, every point of every case, and 0.04
    `0.0`, nothing covered."""
    text = fmt(value, digits)
    if not isinstance(value, float) or not math.isfinite(value):
        return text
    for more in range(digits + 1, digits + 3):
        if float(text) not in SCALE_BOUNDS or float(text) == value:
            break
        text = fmt(value, more)
    return text


def no_interval(interval: dict[str, Any] | None, say_n: bool = True) -> str | None:
    """`[no 95% interval at n=4]` for an interval computed without either bound (its n cannot give one), where a
    bare number or [-inf, +inf] would read as a result; None otherwise. `say_n` False: `[no 95% interval]`, for a
    cell that says its n after it."""
    if not interval or interval.get("low") is not None or interval.get("high") is not None or interval.get("n") is None:
        return None
    at_n = f" at n={interval['n']}" if say_n else ""
    return f"[no {interval.get('confidence') or 0.95:.0%} interval{at_n}]"


def methods(entries: Any, labels: Iterable[str] | None = None) -> str:
    """The distinct methods of some intervals (as stats/ names them), for a note; "-" without any. With `labels`
    (one per entry: the table's row names) and more than one method, each method names its rows: a method's
    details (how many cases fell or rose) belong to one row and, pooled into one list, read as the whole table's."""
    rows: dict[str, list[str]] = {}
    for label, entry in zip(labels or itertools.repeat(""), entries):
        if isinstance(entry, dict) and entry.get("method"):
            rows.setdefault(str(entry["method"]), []).append(label)
    if len(rows) > 1 and labels is not None:
        return "; ".join(f"{', '.join(dict.fromkeys(names))}: {method}" for method, names in rows.items())
    return "; ".join(rows) or "-"


def row_names(rows: list[dict[str, Any]]) -> list[str]:
    """A summary row's name in a note: its model, and its mode where the run has both."""
    both = len({r.get("mode", "norag") for r in rows}) > 1
    return [f"{r['model']} {r.get('mode', 'norag')}" if both else str(r["model"]) for r in rows]


def interval_of(agg: dict[str, Any], name: str) -> dict[str, Any] | None:
    return (agg.get("intervals") or {}).get(name)


def memory(agg: dict[str, Any]) -> str:
    if agg.get("peak_memory_mib") is None:
        return "-"
    return f"{agg['peak_memory_mib']:.0f} ({agg.get('memory_source')})"


def with_n(value: Any, n: Any, text: str | None = None) -> str:
    """`53.3 (n=3)`; the value alone when n is unknown (a results.json written before n was recorded)."""
    shown = fmt(value) if text is None else text
    return shown if n is None or value is None else f"{shown} (n={n})"
