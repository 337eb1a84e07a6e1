"""Summary statistics over per-request records, named and defined as in
`vllm bench serve`'s JSON result (vllm/benchmarks/serve.py, `calculate_metrics`):

- completed / failed: successful / failed measured requests;
- total_input_tokens / total_output_tokens: `usage` prompt/completion tokens
  summed over *successful* requests;
- request_throughput = completed / duration; output_throughput = output
  tokens / duration; total_token_throughput = (input + output) / duration;
- TTFT, E2EL per successful request; TPOT per request with output_tokens > 1:
  (e2el - ttft) / (output_tokens - 1); ITL: every inter-chunk gap of every
  successful request, pooled;
- for each of ttft/tpot/itl/e2el: mean_, median_, std_ (population, numpy's
  default, as vLLM), p50_, p95_, p99_ (numpy linear interpolation), in ms.

Three differences on purpose: a statistic with no data is None (vLLM reports 0);
a tail percentile from fewer values than it needs is None - p95 below 20 values,
p99 below 100 (the threshold of the per-model aggregates, `stats.min_count_for_quantile`:
below it the "p99" of 64 requests is only their largest value) -, with
`percentiles_not_reported` saying why ("too few requests (n=8) for a p99: needs 100");
and there are extras: prompt_throughput = input tokens / duration,
decode_tok_s (below), requests_without_usage and error_counts for diagnosis, and
percentile_intervals: each reported percentile's distribution-free 95% order-statistic interval in ms
(`stats.quantile_ci`; an end the n cannot bound is None; none for ITL: the gaps of one request are not
independent values).

decode_tok_s, the one definition used everywhere in pytest-llmeval (benchmark summary,
per-model aggregates, models compared, gate): sum(output_tokens - 1) / sum(e2el - ttft)
over the successful requests with output_tokens > 1 - tokens decoded after the first one
per second of decoding, token-weighted. It is the reciprocal of the token-weighted mean
TPOT, and equals 1 / vLLM's mean ITL when every stream chunk carries one token. vLLM's
own mean_tpot_ms is request-weighted (the plain mean of per-request TPOTs), so
1000 / mean_tpot_ms lets short answers weigh as much as long ones; it is not used.
For one request decode_tok_s is that request's 1 / TPOT.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

PERCENTILES: tuple[float, ...] = (50, 95, 99)
METRICS = ("ttft", "tpot", "itl", "e2el")


def _get(record: Any, name: str) -> Any:
    return record[name] if isinstance(record, Mapping) else getattr(record, name)


def distribution(
    values_s: list[float],
    name: str,
    percentiles: Iterable[float] = PERCENTILES,
    notes: dict[str, str] | None = None,
    intervals: dict[str, list[float | None]] | None = None,
) -> dict[str, Any]:
    """mean_/median_/std_/pNN_ `name`_ms from values in seconds; None for each when there are none. A tail
    percentile (above p50) from fewer values than `stats.min_count_for_quantile` asks (p95: 20, p99: 100) is None
    too - it would only be about the largest value seen - and `notes` (when given) gets why, under its key;
    `intervals` (when given) gets each reported percentile's 95% order-statistic interval, under its key."""
    keys = ["mean", "median", "std", *(f"p{_pword(p)}" for p in percentiles)]
    if not values_s:
        return {f"{k}_{name}_ms": None for k in keys}
    # Imported here: the plugin validates --llm-bench-* options (importing this package)
    # in every pytest run, and numpy is most of that import's cost.
    import numpy as np

    arr = np.asarray(values_s, dtype=float) * 1000.0
    out: dict[str, Any] = {
        f"mean_{name}_ms": float(np.mean(arr)),
        f"median_{name}_ms": float(np.median(arr)),
        f"std_{name}_ms": float(np.std(arr)),
    }
    for p in percentiles:
        key = f"p{_pword(p)}_{name}_ms"
        why = too_few(len(arr), p, "inter-token gaps" if name == "itl" else "requests")
        if why is not None:
            out[key] = None
            if notes is not None:
                notes[key] = why
            continue
        out[key] = float(np.percentile(arr, p))
        if intervals is not None and name != "itl":  # gaps of one request are not independent: no interval
            intervals[key] = percentile_interval(values_s, p)
    return out


def percentile_interval(values_s: list[float], p: float) -> list[float | None]:
    """The distribution-free 95% order-statistic interval of the p-th percentile, in ms ([low, high]; None for an
    end the n cannot bound: `stats.quantile_ci`)."""
    from ..stats.intervals import quantile_ci

    ci = quantile_ci(values_s, p)
    return [None if ci.low is None else 1000.0 * ci.low, None if ci.high is None else 1000.0 * ci.high]


def too_few(n: int, p: float, what: str = "requests") -> str | None:
    """Why a p-th percentile of n values is not reported ("too few requests (n=8) for a p99: needs 100"), or None
    when it is: the threshold of results/aggregate.py and the comparison (`stats.min_count_for_quantile`)."""
    if p <= 50:
        return None
    from ..stats.intervals import min_count_for_quantile

    need = min_count_for_quantile(p)
    return f"too few {what} (n={n}) for a p{_pword(p)}: needs {need}" if n < need else None


def _pword(p: float) -> str:
    return str(int(p)) if int(p) == p else str(p)


def tpot_s(record: Any) -> float | None:
    """vLLM's TPOT of one request: (e2el - ttft) / (output_tokens - 1), for output_tokens > 1."""
    out = _get(record, "output_tokens")
    ttft, e2el = _get(record, "ttft_s"), _get(record, "e2el_s")
    if not out or out <= 1 or ttft is None or e2el is None:
        return None
    return (e2el - ttft) / (out - 1)


def decode_tok_s(requests: Iterable[tuple[Any, Any, Any]]) -> float | None:
    """Token-weighted decode rate of (output_tokens, ttft_s, e2e_s) triples: sum(output_tokens - 1) /
    sum(e2e_s - ttft_s) over the requests with output_tokens > 1 and both times known; None without any."""
    tokens = 0.0
    seconds = 0.0
    for out, ttft, e2e in requests:
        if out is None or ttft is None or e2e is None or isinstance(out, bool) or out <= 1:
            continue
        tokens += float(out) - 1
        seconds += float(e2e) - float(ttft)
    return tokens / seconds if tokens and seconds > 0 else None


def _rate(numerator: float, duration_s: float) -> float | None:
    return numerator / duration_s if duration_s > 0 else None


def summarize(records: Iterable[Any], duration_s: float, percentiles: Iterable[float] = PERCENTILES) -> dict[str, Any]:
    """The run summary (vLLM field names, ms for latencies, tokens/s and req/s for rates)."""
    records = list(records)
    percentiles = tuple(percentiles)
    ok = [r for r in records if _get(r, "success")]
    failed = [r for r in records if not _get(r, "success")]
    total_in = sum(_get(r, "prompt_tokens") or 0 for r in ok)
    total_out = sum(_get(r, "output_tokens") or 0 for r in ok)
    ttfts = [_get(r, "ttft_s") for r in ok if _get(r, "ttft_s") is not None]
    e2els = [_get(r, "e2el_s") for r in ok if _get(r, "e2el_s") is not None]
    tpots = [t for t in (tpot_s(r) for r in ok) if t is not None]
    itls = [gap for r in ok for gap in _get(r, "itl_s")]
    summary: dict[str, Any] = {
        "duration": duration_s,
        "completed": len(ok),
        "failed": len(failed),
        "total_input_tokens": total_in,
        "total_output_tokens": total_out,
        "request_throughput": _rate(len(ok), duration_s),
        "output_throughput": _rate(total_out, duration_s),
        "total_token_throughput": _rate(total_in + total_out, duration_s),
        "prompt_throughput": _rate(total_in, duration_s),
    }
    notes: dict[str, str] = {}
    intervals: dict[str, list[float | None]] = {}
    for name, values in (("ttft", ttfts), ("tpot", tpots), ("itl", itls), ("e2el", e2els)):
        summary.update(distribution(values, name, percentiles, notes, intervals))
    summary["decode_tok_s"] = decode_tok_s((_get(r, "output_tokens"), _get(r, "ttft_s"), _get(r, "e2el_s")) for r in ok)
    summary["requests_without_usage"] = sum(1 for r in ok if not _get(r, "usage_reported"))
    summary["error_counts"] = dict(Counter(_get(r, "error") or "unknown error" for r in failed).most_common(5))
    # the tail percentiles left out, each with why (p95 needs 20 requests, p99 100; ITL counts every gap)
    summary["percentiles_not_reported"] = notes
    # each reported percentile's 95% order-statistic interval [low, high] in ms, over the requests of this run (a
    # whole-run shift - another machine, another load - is not in it); none for ITL, whose gaps within one request
    # are not independent
    summary["percentile_intervals"] = intervals
    return summary
