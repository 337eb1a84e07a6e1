"""A report's elements (`Section`, `Table`) and how its cells write numbers: `fmt`, `signed`, a value with its
interval and n (`with_interval`, `no_interval`), the methods behind the intervals.
"""

from __future__ import annotations

import itertools
import math
import re
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


# Characters a run's text can hold (an answer, a case id, a model name, a server's message) that a terminal, a
# Markdown renderer or a browser does not show as text: C0 and C1 controls but the line break and the tab (an ESC
# starts a terminal colour or cursor sequence; a NUL or a BEL shows nothing or rings), DEL, the bidirectional
# embeddings, overrides and isolates (U+202E turned the rest of a table row around: "abc\u202edcba" showed
# "abcabcd"), the Arabic letter mark, zero-width space, word joiner and invisible operators, a byte order mark in
# the middle of a text, the interlinear annotation marks. Each is written as its escape (`\x1b`, `\u202e`), the
# same in every report. Left as they are: the zero-width joiner and non-joiner (emoji sequences, Persian, Indic
# scripts) and the left-to-right and right-to-left marks (RTL prose), which change no layout beyond their own text.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)


def _escape_of(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every character that shows no glyph and can break a report's layout or a terminal (`_INVISIBLE`)
    written as its escape: `esc\x1b[31mred` instead of red text in the terminal and a swallowed byte elsewhere."""
    return _INVISIBLE.sub(_escape_of, text)


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


def score_figure(value: Any) -> str:
    """A case's score as `figure` writes it, held off 0 and 100 (`off_the_bounds`): a score of 99.96 printed
    `100.0` beside a case that missed part of a point."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    return off_the_bounds(value)


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
    for more in range(digits + 1, digits + 3):  # -99.96 (points of a 0-100 scale) is not -100.0, every point lost
        if abs(float(text)) != SCALE_BOUNDS[1] or abs(float(text) - value) < ZERO_HAIR:
            break
        text = f"{value:+.{more}f}"
    return text if text[0] in "+-" else "+" + text


SCALE_BOUNDS = (0.0, 100.0)  # a score's and a pass rate's ends: every point of every case, or none
FRACTION_BOUNDS = (0.0, 1.0)  # hit@k's, recall's, MRR's and nDCG's ends
ZERO_HAIR = 1e-9  # below this a difference is a float's rounding error (-1e-12), not a measured one


NO_WIDTH = " (no width: every case changed alike)"  # an interval of a difference that is a point: no precision


def with_interval(
    value: Any,
    interval: dict[str, Any] | None,
    digits: int = 1,
    sign: bool = False,
    bounds: tuple[float, float] | None = None,
) -> str:
    """`52.3 [44.1, 60.2]` (or `+3.1 [-4.0, +10.2]` with sign); the value alone without an interval, and
    `+3.1 [no 95% interval at n=4]` when one was computed and the n cannot give it (a bare difference reads
    as a result). `bounds`: the scale's ends, which a value or an end is not rounded to (default 0 and 100)."""
    bounds = SCALE_BOUNDS if bounds is None else bounds
    value = finite(value)
    if interval:
        interval = {**interval, "low": finite(interval.get("low")), "high": finite(interval.get("high"))}
    text = signed(value, digits) if sign else off_the_bounds(value, digits, bounds)
    missing = no_interval(interval)
    if missing is not None and value is not None:
        return f"{text} {missing}"
    if not interval or interval.get("low") is None or interval.get("high") is None or value is None:
        return text
    low, high = interval["low"], interval["high"]
    if sign:
        alike = NO_WIDTH if low == high and value else ""
        return f"{text} [{_signed(low, digits)}, {_signed(high, digits)}]{alike}"
    # an end is held off the scale's bounds as the value is: an upper end of 99.97 printed `100.0`, as if the
    # interval reached every point of every case
    return f"{text} [{off_the_bounds(float(low), digits, bounds)}, {off_the_bounds(float(high), digits, bounds)}]"


def off_the_bounds(value: Any, digits: int = 1, bounds: tuple[float, float] = SCALE_BOUNDS) -> str:
    """`fmt`, with as many more decimals (up to 2) as keep a figure that is not 0 or 100 from printing as 0 or 100:
    a mean score of 99.96 (13 cases of 100 and one of 99.5) printed `100.0`, every point of every case, and 0.04
    `0.0`, nothing covered. `bounds`: another scale's ends (hit@k, recall: 0 and 1)."""
    text = fmt(value, digits)
    if not isinstance(value, float) or not math.isfinite(value):
        return text
    for more in range(digits + 1, digits + 3):
        if float(text) not in bounds or abs(float(text) - value) < ZERO_HAIR:  # -1e-12: a float's noise, not a figure
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
