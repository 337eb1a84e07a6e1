"""The throughput benchmark's section (vllm-bench-compatible figures, the protocol) and how a speed figure of
one run is written (`SPEED_FIGURES` significant digits).
"""

from __future__ import annotations

import math
from typing import Any

from .elements import Section, Table, fmt

BENCH_FIELDS = (
    "completed",
    "failed",
    "duration",
    "request_throughput",
    "output_throughput",
    "prompt_throughput",
    "total_token_throughput",
    "mean_ttft_ms",
    "median_ttft_ms",
    "p95_ttft_ms",
    "p99_ttft_ms",
    "mean_tpot_ms",
    "median_tpot_ms",
    "p95_tpot_ms",
    "mean_itl_ms",
    "p95_itl_ms",
    "mean_e2el_ms",
    "median_e2el_ms",
    "p95_e2el_ms",
    "p99_e2el_ms",
    "decode_tok_s",
)


def bench_section(doc: dict[str, Any]) -> Section | None:
    runs = doc.get("benchmarks") or []
    if not runs:
        return None
    headers = ["metric", *(r["model"] for r in runs)]
    rows = [[name, *(bench_cell(r["summary"], name) for r in runs)] for name in BENCH_FIELDS]
    rows.append(
        [
            "peak memory MiB",
            *(
                f"{fmt((r.get('memory') or {}).get('peak_mib'))} ({(r.get('memory') or {}).get('source', 'none')})"
                for r in runs
            ),
        ]
    )
    differ = [key for key, _ in PROTOCOL if len({repr((r.get("config") or {}).get(key)) for r in runs}) > 1]
    rows[:0] = [
        [f"protocol: {label}", *(fmt((r.get("config") or {}).get(key)) for r in runs)]
        for key, label in PROTOCOL
        if key in differ
    ]
    config = runs[0].get("config", {})
    same = [f"{label} {fmt(config.get(key))}" for key, label in PROTOCOL if key not in differ]
    note = (
        f"Protocol{' (the rest differs between models: see the protocol rows)' if differ else ''}: "
        f"{', '.join(same) or '-'}; warm-up requests excluded. Field names as in "
        "`vllm bench serve` JSON results; decode_tok_s (ours) = sum(output tokens - 1) / sum(E2EL - TTFT), "
        "token-weighted. Percentiles (median = p50) over the completed requests (n = completed; TPOT: those with "
        "more than one output token), with their 95% order-statistic interval where results.json has it ('open': "
        "the n cannot bound that end); a tail percentile from fewer requests than it needs (p95: 20, p99: 100) is "
        "not estimated and says so. ITL pools the gaps of every request, which are not independent: no interval. "
        "Rates and means are of this one run: another run varies as a whole (the run is the unit of speed); rates, "
        f"times and percentiles are shown to {SPEED_FIGURES} significant digits (no decimals from 100 up), what one "
        "run can say."
    )
    return Section(
        "benchmark", "Throughput benchmark (vllm bench serve fields)", [note], Table(headers, rows), terminal=True
    )


PROTOCOL = (
    ("concurrency", "concurrency"),
    ("num_requests", "requests"),
    ("warmup_requests", "warm-up requests"),
    ("max_tokens", "max_tokens"),
    ("temperature", "temperature"),
    ("endpoint", "endpoint"),
)


def bench_cell(summary: dict[str, Any], name: str) -> str:
    """A benchmark figure: a percentile with its order-statistic interval, `too few requests (n=8; p95 needs 20)`
    where it is not estimated, else the value."""
    key = "p50" + name[len("median") :] if name.startswith("median_") else name
    why = (summary.get("percentiles_not_reported") or {}).get(key)
    if summary.get(name) is None and why:
        return _too_few(str(why))
    interval = (summary.get("percentile_intervals") or {}).get(key)
    value = summary.get(name)
    digits = decimals_for(value, SPEED_FIGURES)
    text = fmt(value, digits)
    if value is None or not interval:
        return text
    low, high = (fmt(float(v), digits) if v is not None else "open" for v in interval)
    return f"{text} [{low}, {high}]"


SPEED_FIGURES = 3  # significant digits of a speed figure of one run: another run differs by more than 0.1-1%


def speed_figure(value: Any) -> str:
    """A speed figure of one run to `SPEED_FIGURES` significant digits: `12.3` s/sample, not `12.345`."""
    return fmt(value, decimals_for(value, SPEED_FIGURES))


def decimals_for(value: Any, figures: int) -> int:
    """The decimals that show a number to `figures` significant digits, never rounding its whole part (`1235`,
    `23.5`, `3.21`, `0.0123`): at 2 decimals a benchmark printed 4523.71 tok/s and 12.35 ms, precision one run
    does not have."""
    if not isinstance(value, float) or not math.isfinite(value) or value == 0:
        return 1
    return max(0, figures - 1 - math.floor(math.log10(abs(value))))


def _too_few(why: str) -> str:
    """`too few requests (n=8) for a p99: needs 100` (bench/stats.py) -> `too few requests (n=8; p99 needs 100)`."""
    head, _, need = why.partition(" for a ")
    return f"{head[:-1]}; {need.replace(': needs', ' needs')})" if head.endswith(")") and need else why
