"""One model and mode compared case by case (`compare_group`: paired score and pass-rate differences, speed
statistics), the gate rules evaluated on it (`evaluate_rule`), the family of the quality rules that Tarone's rule
keeps - the sign-flip rules one unit tested jointly, Holm across the units (`joint_stepdown`) -, setting each rule's
status (`decide`), and the table's corrected verdicts
(`holm_quality_verdicts`).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..results.sections import signed
from ..stats import (
    detectable,
    detectable_pass,
    differences,
    exact_floor_mean,
    joint_stepdown,
    mcnemar_exact,
    min_cases_mean,
    min_cases_pass,
    min_count_for_quantile,
    noninferiority_mean,
    noninferiority_pass,
    p_text,
    paired_difference,
    pass_rate_change,
    stepdown,
    tarone_family,
    verdict,
    within_reach,
)
from .gate import METRICS, QUALITY, FailRule
from .runs import Key
from .scorers import errored

ALPHA = 0.05
SPEED_NOTE = "threshold only, no significance: the run is the unit"


def _case_score(samples: list[dict[str, Any]]) -> float:
    """Mean score of a case's samples; an errored sample scores 0."""
    return sum(0.0 if errored(s) else float(s["score"]) for s in samples) / len(samples)


def _case_pass(samples: list[dict[str, Any]]) -> float:
    """Share of a case's samples that passed, in percent; an errored sample failed."""
    return 100.0 * sum(1 for s in samples if not errored(s) and s.get("passed")) / len(samples)


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(float(value), digits)


def _timing(value: Any) -> float | None:
    """A measured time or count: a finite, non-negative number (not a bool); None otherwise. NaN or inf from an
    older or foreign results.json is no measurement: as a value it made a percentile NaN, and the rule "ok"."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    number = float(value)
    return number if math.isfinite(number) and number >= 0 else None


def invalid_timings(samples: Sequence[Mapping[str, Any]], metric: str) -> int:
    """How many answered, asked requests carry a timing of `metric` that is no measurement (NaN, inf, negative,
    text): the fields its statistic is taken from, as `_run_statistic` leaves them out."""
    fields = ("output_tokens", "e2e_s", "ttft_s") if metric == "decode_tok_s" else (METRICS[metric][0],)
    return sum(
        1
        for s in samples
        if not errored(s)
        and not s.get("cached")
        and any(s.get(f) is not None and _timing(s.get(f)) is None for f in fields)
    )


def _run_statistic(samples: list[dict[str, Any]], metric: str) -> tuple[float | None, int, str | None]:
    """The run-level statistic of a speed metric over its successful requests: (value, n, why not). Only finite,
    non-negative timings count; a statistic that cannot be computed is "why not" (the rule is not checked)."""
    field, stat, _, _ = METRICS[metric]
    # a cache hit sent no request: a timing it carries (a run written otherwise, a hand edit) measured nothing today
    ok = [s for s in samples if not errored(s) and not s.get("cached")]
    invalid = invalid_timings(samples, metric)
    left_out = f"; {invalid} timing(s) not a finite, non-negative number left out" if invalid else ""
    if metric == "decode_tok_s":  # the one definition (token-weighted, as vLLM's bench), from results.aggregate
        from ..results.aggregate import decode_rate

        # a request counts with its output tokens and both times valid (decode_rate takes e2e - ttft)
        timed = [
            s
            for s in ok
            if (_timing(s.get("output_tokens")) or 0) > 1
            and _timing(s.get("e2e_s")) is not None
            and (s.get("ttft_s") is None or _timing(s.get("ttft_s")) is not None)
        ]
        left_out = f"; {invalid} request(s) with a time or token count not a finite, non-negative number left out"
        left_out = left_out if invalid else ""
        if not timed:
            return None, 0, f"no timed request with more than one output token (n=0{left_out})"
        rate = decode_rate(timed)
        if rate is None or not math.isfinite(rate) or rate < 0:
            return (
                None,
                len(timed),
                (
                    f"no decode time measured (n={len(timed)}: end-to-end time equals TTFT{left_out})"
                    if rate is None
                    else f"cannot be computed (decode rate {rate}; n={len(timed)}{left_out})"
                ),
            )
        return rate, len(timed), None
    values = [v for v in (_timing(s.get(field)) for s in ok) if v is not None]
    q = 50.0 if stat == "p50" else 95.0
    need = min_count_for_quantile(q)
    if len(values) < need:
        return None, len(values), f"too few requests (n={len(values)}{left_out}) for a p{q:g}: needs {need}"
    value = float(np.percentile(values, q))
    if not math.isfinite(value):  # cannot happen with finite values; never a NaN that reads "ok"
        return None, len(values), f"cannot be computed (p{q:g} = {value}; n={len(values)})"
    return value, len(values), None


def timed_out(sample: Mapping[str, Any]) -> bool:
    """A request the client gave up on (--llm-request-timeout): it has no timing, yet it took at least the timeout."""
    error = sample.get("error")
    return not sample.get("cached") and isinstance(error, Mapping) and error.get("type") == "timeout"


# a stand-in for "longer than anything measured" in a percentile (inf would make np.percentile NaN between two)
_UNBOUNDED = 1e12


def _latency_bounds(
    samples: list[dict[str, Any]], metric: str, timeout_s: float | None
) -> tuple[float, float, int, int] | None:
    """The lowest and highest a latency percentile of `samples` can be when its timed-out requests (`timed_out`) are
    counted - their time is not recorded: at least the request timeout for the end-to-end time (at least the slowest
    answered request where the run does not record its timeout), anything for the TTFT -, how many timed out and how
    many requests it counts; None when none did or the percentile cannot be taken. Left out, 8 of 14 requests timing
    out after 120 s read "e2e_p50 ok" from the 6 that answered. The highest is inf where a timed-out request sets
    the percentile."""
    field, stat, _, _ = METRICS[metric]
    known = [v for s in samples if not errored(s) and not s.get("cached") if (v := _timing(s.get(field))) is not None]
    lost = sum(1 for s in samples if timed_out(s) and _timing(s.get(field)) is None)
    q = 50.0 if stat == "p50" else 95.0
    if not lost or len(known) + lost < min_count_for_quantile(q):
        return None
    if field == "e2e_s":
        low = max([v for v in (timeout_s, *known) if v is not None], default=0.0)
    else:
        low = 0.0
    lowest = float(np.percentile(known + [low] * lost, q))
    highest = float(np.percentile(known + [_UNBOUNDED] * lost, q))
    return lowest, (math.inf if highest >= _UNBOUNDED / 10 else highest), lost, len(known) + lost


def _timeout_text(bounds: tuple[Any, Any], timeouts: tuple[float | None, float | None], metric: str) -> str:
    """The speed row's words for the requests that timed out, by run, and how the statistic counts them."""
    parts = []
    for label, bound, timeout_s in (("baseline", bounds[0], timeouts[0]), ("new run", bounds[1], timeouts[1])):
        if bound is not None:
            after = f" after {timeout_s:g} s" if timeout_s else ""
            parts.append(f"{bound[2]} request(s) of the {label} timed out{after}")
    how = (
        "counted as taking at least the timeout (the value shown is the lowest the statistic can be)"
        if METRICS[metric][0] == "e2e_s"
        else "their TTFT is not recorded (the value shown counts it as 0: the lowest the statistic can be)"
    )
    return f"{' and '.join(parts)}: {how}; {SPEED_NOTE}"


def _speed_metrics(
    b: list[list[dict[str, Any]]],
    n: list[list[dict[str, Any]]],
    timeouts: tuple[float | None, float | None] = (None, None),
) -> dict[str, Any]:
    """The speed metrics of one group, per case lists of samples of the baseline (`b`) and the new run (`n`);
    `timeouts`: each run's request timeout in seconds (settings.request_timeout_s), where it records one."""
    metrics: dict[str, Any] = {}
    b_in, n_in = b, n
    # speed over the cases timed in both runs: a case answered from the cache or errored in one run would make the
    # two statistics describe different cases (3 long answers against 6 mixed ones read as +90%)
    # the load each run was measured under: its most cases in flight (concurrency x replicas). A request timed under
    # another load is left out of that run's statistic: with --llm-cache a model's first miss is asked alone, in the
    # test's thread, before its scheduler starts; a run resumed (--llm-resume) at another --llm-concurrency reuses
    # the requests its first part timed at the old load - mixed in, they moved its p50 by a third
    flights = [max((_load(s) for samples in side for s in samples if _timed(s)), default=None) for side in (b, n)]

    def at_load(samples: list[dict[str, Any]], load: int | None) -> list[dict[str, Any]]:
        return [s for s in samples if not (_timed(s) and _load(s) != load)]

    b, n = [at_load(s, flights[0]) for s in b], [at_load(s, flights[1]) for s in n]
    other = {
        run: sum(1 for samples in side for s in samples if _timed(s) and _load(s) != load)
        for run, side, load in (("base", b_in, flights[0]), ("new", n_in, flights[1]))
    }
    both = [i for i in range(len(b)) if any(map(_timed, b[i])) and any(map(_timed, n[i]))]
    b_all = [s for i in both for s in b[i]]
    n_all = [s for i in both for s in n[i]]
    # a case whose request timed out in one run is measured too: at least the timeout, never left out of a latency
    measured = [
        i
        for i in range(len(b))
        if any(_timed(s) or timed_out(s) for s in b[i]) and any(_timed(s) or timed_out(s) for s in n[i])
    ]
    b_out, n_out = [s for i in measured for s in b[i]], [s for i in measured for s in n[i]]
    other_text = "".join(
        f"; {k} request(s) of the {label} timed under another load (in_flight) left out"
        for k, label in ((other["base"], "baseline"), (other["new"], "new run"))
        if k
    )
    other_load = (
        f"not comparable: measured with {flights[0]} request(s) in flight in the baseline, {flights[1]} now "
        "(concurrency x replicas); compare speed at the same load"
        if flights[0] is not None and flights[1] is not None and flights[0] != flights[1]
        else None
    )
    untimed = None
    if not both:  # say why nothing was timed in both runs, not "too few requests (n=0)"
        timed_b, timed_n = (sum(1 for samples in side if any(map(_timed, samples))) for side in (b, n))
        cached = sum(1 for samples in n for s in samples if s.get("cached"))
        untimed = (
            f"no case timed in both runs ({timed_b} of {len(b)} case(s) timed in the baseline, {timed_n} of {len(n)} "
            "in the new run"
            + (f"; {cached} answer(s) of the new run came from the answer cache, which has no timing" if cached else "")
            + "): speed not measured"
        )
    for metric in METRICS:
        if metric in QUALITY:
            continue
        base_value, n_base, why_b = _run_statistic(b_all, metric)
        new_value, n_new, why_n = _run_statistic(n_all, metric)
        why = other_load or untimed or why_b or why_n
        if other_load:
            base_value = new_value = None
        bounds = (
            (_latency_bounds(b_out, metric, timeouts[0]), _latency_bounds(n_out, metric, timeouts[1]))
            if metric != "decode_tok_s" and not other_load and both
            else (None, None)
        )
        if bounds != (None, None):  # the requests that timed out count: the statistic's lowest and highest
            # both runs over the same cases: those timed or timed out in both (a run without timeouts: exact)
            exact_b, exact_n = _run_statistic(b_out, metric), _run_statistic(n_out, metric)
            b_low, b_high = bounds[0][:2] if bounds[0] else (exact_b[0], exact_b[0])
            n_low, n_high = bounds[1][:2] if bounds[1] else (exact_n[0], exact_n[0])
            if b_low is not None and n_low is not None and b_high is not None and n_high is not None:
                base_value, new_value = b_low, n_low
                n_base = bounds[0][3] if bounds[0] else exact_b[1]
                n_new = bounds[1][3] if bounds[1] else exact_n[1]
                why = None
        change = None if base_value is None or new_value is None else new_value - base_value
        metrics[metric] = {
            "base": _round(base_value, 4),
            "new": _round(new_value, 4),
            "estimate": _round(change, 4),
            # unrounded, for the rule and the relative change (popped with "_cases"): 4 decimals of a second are up
            # to 2.5% of a 2 ms TTFT, and a rise of 19.8% read as 20.2% - past `ttft_p50:20%`
            "_exact": (base_value, change),
            "n": min(n_base, n_new),
            "n_base": n_base,
            "n_new": n_new,
            "cases_timed_in_both": len(both),
            "other_load": other,
            "method": why
            or f"run statistic over the {len(both)} of {len(b)} cases timed in both runs{other_text}; {SPEED_NOTE}",
            "verdict": why or SPEED_NOTE,
        }
        if bounds != (None, None) and change is not None:
            text = _timeout_text(bounds, timeouts, metric)
            metrics[metric].update(method=text, verdict=text, _bounds=(b_low, b_high, n_low, n_high))
    return metrics


def compare_group(
    base: dict[Key, list[dict[str, Any]]],
    new: dict[Key, list[dict[str, Any]]],
    ids: list[str],
    model: str,
    mode: str,
    seed: int = 0,
    base_model: str | None = None,
    timeouts: tuple[float | None, float | None] = (None, None),
) -> dict[str, Any]:
    """One model and mode compared on the cases `ids`; `timeouts`: each run's request timeout (`_speed_metrics`)."""
    b = [base[(model, mode, i)] for i in ids]
    n = [new[(model, mode, i)] for i in ids]
    metrics: dict[str, Any] = {}
    score_b, score_n = [_case_score(s) for s in b], [_case_score(s) for s in n]
    diff = paired_difference(score_b, score_n, seed=seed)
    metrics["score"] = within_reach(
        {
            "base": _round(float(np.mean(score_b)), 4),
            "new": _round(float(np.mean(score_n)), 4),
            **diff.to_dict(),
            "verdict": verdict(diff, True),
        },
        float(np.mean(score_b)),
    )
    pass_b, pass_n = [_case_pass(s) for s in b], [_case_pass(s) for s in n]
    entry = pass_rate_change([v / 100 for v in pass_b], [v / 100 for v in pass_n], 1 - ALPHA, seed)
    entry["verdict"] = (
        "no significant difference"
        if not entry["significant"] or not entry["estimate"]
        else ("better" if entry["estimate"] > 0 else "worse")
    )
    metrics["pass_rate"] = within_reach(
        {"base": _round(float(np.mean(pass_b)), 4), "new": _round(float(np.mean(pass_n)), 4), **entry},
        float(np.mean(pass_b)),
    )
    metrics.update(_speed_metrics(b, n, timeouts))
    for entry in metrics.values():
        base_value, estimate = entry.get("_exact") or (entry.get("base"), entry.get("estimate"))
        entry["relative_pct"] = (
            round(100 * estimate / base_value, 2) if base_value not in (None, 0) and estimate is not None else None
        )
    flips = [
        {
            "scenario_id": i,
            "change": "pass -> fail" if bp >= 50 else "fail -> pass",
            # 4 decimals, as the metrics' means: at 2, a flip from 61.004 to 60.996 read "61.0 -> 61.0"
            "score_base": _round(sb, 4),
            "score_new": _round(sn, 4),
            "error_new": any(errored(s) for s in ns),
            **({"same_score": same_score_flip(bs, ns)} if _round(sb, 4) == _round(sn, 4) else {}),
        }
        for i, bp, np_, sb, sn, bs, ns in zip(ids, pass_b, pass_n, score_b, score_n, b, n)
        if (bp >= 50) != (np_ >= 50)
    ]
    deltas = sorted(
        (
            {"scenario_id": i, "base": _round(sb), "new": _round(sn), "delta": _round(sn - sb)}
            for i, sb, sn in zip(ids, score_b, score_n)
        ),
        key=lambda d: d["delta"] or 0,
    )
    repeats = max(len(s) for s in b + n)
    not_asked = {
        run: {flag: sum(1 for group in samples for s in group if s.get(flag)) for flag in ("cached", "reused")}
        for run, samples in (("base", b), ("new", n))
    }
    return {
        "model": model,
        "base_model": base_model or model,
        "mode": mode,
        "n": len(ids),
        "repeats": repeats,
        "samples_base": sum(len(s) for s in b),
        "samples_new": sum(len(s) for s in n),
        "metrics": metrics,
        "mcnemar": mcnemar_exact([v >= 50 for v in pass_b], [v >= 50 for v in pass_n]).to_dict(),
        "not_asked": not_asked,
        "flips": flips,
        "score_deltas": deltas,
        "_cases": (score_b, score_n, pass_b, pass_n, _within_variance(b, n)),
        "_ids": list(ids),  # the case of each of _cases' values: the gate flips a case in every rule at once
    }


def same_score_flip(base: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]) -> str:
    """Why a case changed verdict with the same (mean) score in both runs, in a few words: shown bare, "61.0 -> 61.0
    pass -> fail" read as a verdict the numbers contradict. The score is not all that decides pass/fail: with
    --llm-repeat the share of samples that passed does, a judge's verdict under --llm-judge-assert, a forbidden claim
    found, or the case's threshold."""
    if len(base) > 1 or len(new) > 1:
        passes = [sum(1 for s in side if not errored(s) and s.get("passed")) for side in (base, new)]
        return (
            f"same mean score; {passes[0]} of {len(base)} sample(s) passed in the baseline, {passes[1]} of "
            f"{len(new)} now: more than half must pass"
        )
    judged = [which for which, side in (("baseline", base), ("new run", new)) if side[0].get("assert_with") == "judge"]
    if judged:
        return f"same score; pass/fail in the {' and '.join(judged)} is the judge's verdict (--llm-judge-assert)"
    forbidden = [which for which, side in (("baseline", base), ("new run", new)) if side[0].get("forbidden_found")]
    if forbidden:
        return f"same score; a forbidden claim was found in the {' and '.join(forbidden)}'s answer, which fails it"
    thresholds = [side[0].get("threshold") for side in (base, new)]
    if thresholds[0] != thresholds[1]:
        return f"same score; threshold {thresholds[0]} in the baseline, {thresholds[1]} now"
    return (
        "same score; the records' pass/fail is not their score against the threshold (a custom scorer or a hand edit)"
    )


def holm_quality_verdicts(groups: list[dict[str, Any]], gated_worse: set[tuple[str, str, str]]) -> None:
    """'better' / 'worse' in the comparison table (and "significantly better/worse" in its summary) only where the
    two-sided test stays significant after the correction over every quality metric x model x mode compared, as
    the report's model pairs are (results/aggregate.py): uncorrected, a rerun of one model under no change, 2 modes x
    score and pass rate, read "significantly better/worse" somewhere in up to 0.108 [0.090, 0.129] of comparisons
    of graded 14-case suites (benchmarks/null_verdicts.py, 1,000 draws). The rows are one unit tested jointly on the
    cases they share (a case's baseline and new answers swapped in every model and mode at once; two-sided max-T,
    `stats.stepdown`): the score rows by their per-case changes, the pass-rate rows by their per-case changes of
    the share passed, whose sign-flip test McNemar's exact test is. Holm over every row needed 0.05 / 4 for 2 modes,
    below what 6 cases can give, and a model gaining in every case in both modes read "no significant difference".
    Each entry keeps its own p and gets its `p_holm`; a row whose rule the gate failed (`gated_worse`: model, mode,
    metric) keeps "worse": the one-sided test of the regression found it, and a failed gate beside "no significant
    difference" would contradict itself."""
    keyed = [((g["model"], g["mode"], m), g["metrics"][m]) for g in groups for m in QUALITY if m in g["metrics"]]
    tested = [(key, e) for key, e in keyed if e.get("p_value") is not None and e.get("estimate") is not None]
    changes = {(g["model"], g["mode"], m): _per_case_changes(g, m) for g in groups for m in QUALITY}
    p_family = stepdown([float(e["p_value"]) for _, e in tested], [changes[key] for key, _ in tested], two_sided=True)
    adjusted = {id(e): p for (_, e), p in zip(tested, p_family)}
    for key, entry in keyed:
        p_holm = adjusted.get(id(entry))
        entry["p_holm"] = p_holm
        entry["family"] = len(tested)
        if key in gated_worse:  # the gate failed the rule: "worse", even where the two-sided test alone is not
            # significant (5 of 9 cases 100 -> 0: one-sided p 1/32 fails score:5, two-sided 2/32 read "no significant
            # difference" beside a failed gate); the report says why beside it
            entry["verdict"] = "worse"
            continue
        if entry.get("verdict") in ("better", "worse") and (p_holm is None or p_holm > ALPHA):
            entry["verdict"] = "no significant difference"


def mark_failed_speed_rows(groups: list[dict[str, Any]], results: list[dict[str, Any]]) -> None:
    """A speed row whose gate rule failed says so in the table's verdict column: it read "threshold only, no
    significance: the run is the unit" beside "SLOWER" in the gate's table and the summary, as a quality row read "no
    significant difference" beside a failed gate (`holm_quality_verdicts`). The speed rule has no significance test
    (the run is the unit), so the verdict names the rule, not a test."""
    failed = {(r["model"], r["mode"], r["metric"]): r for r in results if r["failed"] and r.get("kind") == "speed"}
    for g in groups:
        for metric, entry in g["metrics"].items():
            rule = failed.get((g["model"], g["mode"], metric))
            if rule is not None:
                entry["verdict"] = f"worse: past the gate's {rule['rule']} ({SPEED_NOTE})"


def _per_case_changes(group: dict[str, Any], metric: str) -> dict[str, float]:
    """Per case id, new - baseline of a quality metric (`_cases`, `_ids`): the score, or the share of its samples
    passed - McNemar's exact test is the sign-flip test of those (-100, 0, +100), so the pass-rate rows join the score
    rows' unit in `holm_quality_verdicts`."""
    score_b, score_n, pass_b, pass_n, _ = group["_cases"]
    before, after = (score_b, score_n) if metric == "score" else (pass_b, pass_n)
    ids = group.get("_ids") or [str(i) for i in range(len(before))]
    return {str(i): float(a - b) for i, b, a in zip(ids, before, after, strict=True)}


def _load(sample: dict[str, Any]) -> int:
    """The requests in flight when the sample was timed (`in_flight`; a record without it was asked alone)."""
    value = sample.get("in_flight")
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value) or value < 1:
        return 1
    return int(float(value))


def _timed(sample: dict[str, Any]) -> bool:
    """A sample with a measured request: not from the answer cache, not errored, its end-to-end time a finite,
    non-negative number (one reused by --llm-resume keeps the timing of the run that asked it)."""
    return not sample.get("cached") and not errored(sample) and _timing(sample.get("e2e_s")) is not None


def answers_not_asked(groups: list[dict[str, Any]]) -> dict[str, Any] | None:
    """How many compared answers each run did not ask itself: from the answer cache (--llm-cache) or reused
    from an earlier run (--llm-resume), with the text that says so; None when every answer was asked. Such
    an answer is compared as it is (its quality is the model's, asked in an earlier run); it has no timing,
    so the speed rules see only the requests sent."""
    counts = {
        run: {
            flag: sum(g.get("not_asked", {}).get(run, {}).get(flag, 0) for g in groups) for flag in ("cached", "reused")
        }
        for run in ("base", "new")
    }
    samples = {"base": sum(g["samples_base"] for g in groups), "new": sum(g["samples_new"] for g in groups)}
    if not any(v for run in counts.values() for v in run.values()):
        return None
    parts = []
    for run, label in (("new", "this run"), ("base", "the baseline")):
        cached, reused = counts[run]["cached"], counts[run]["reused"]
        if cached or reused:
            how = " and ".join(
                text
                for text, k in (
                    (f"{cached} from the answer cache", cached),
                    (f"{reused} reused by --llm-resume", reused),
                )
                if k
            )
            parts.append(f"{label}: {cached + reused} of {samples[run]} compared answers were not asked in it ({how})")
    text = (
        "; ".join(parts) + ". Their quality is compared as it is - the answer of the same model (the cache key holds "
        "the model's files and launch options; for an attached server its URL, name, /v1/models - with the content of "
        "the folder it names, when that is a folder here - and vLLM version) asked "
        "in an earlier run; they have no timing, so the speed rules use only the requests sent."
    )
    if counts["new"]["cached"] + counts["new"]["reused"] == samples["new"]:
        text += " Every answer of this run is an earlier one: the verdict says nothing about today's server."
    return {**counts, "samples": samples, "text": text}


def _within_variance(b: list[list[dict[str, Any]]], n: list[list[dict[str, Any]]]) -> float | None:
    """Mean within-case variance of the score between samples, base plus new (None without repeats)."""
    parts = []
    for samples in (b, n):
        variances = [
            float(np.var([0.0 if errored(s) else float(s["score"]) for s in group], ddof=1))
            for group in samples
            if len(group) > 1
        ]
        if not variances:
            return None
        parts.append(float(np.mean(variances)))
    return sum(parts)


def evaluate_rule(rule: FailRule, group: dict[str, Any], seed: int = 0) -> dict[str, Any]:
    """One rule on one group, before the family correction (quality rules carry their one-sided p)."""
    entry = group["metrics"][rule.metric]
    base = entry.get("base")
    out: dict[str, Any] = {
        "rule": rule.text,
        "describe": rule.describe(),
        "model": group["model"],
        "base_model": group.get("base_model", group["model"]),
        "mode": group["mode"],
        "metric": rule.metric,
        "estimate": entry.get("estimate"),
        "n": entry.get("n"),
        "base": base,
        "new": entry.get("new"),
        "relative_pct": entry.get("relative_pct"),
        "failed": False,
        "p_value": None,
    }
    if rule.is_quality:
        return _quality_rule(rule, group, out, seed)
    if entry.get("estimate") is None:
        return {**out, "status": f"not checked: {entry.get('verdict')}", "kind": "speed"}
    if entry.get("_bounds") is not None:  # requests timed out: the statistic is known within bounds
        return _bounded_rule(rule, entry, out)
    base, estimate = entry.get("_exact") or (base, entry["estimate"])  # unrounded, when the group has them
    worse_by = -estimate if rule.higher_is_better else estimate
    if rule.relative:
        if base is None:
            return {**out, "status": "not checked (no baseline value)", "kind": "speed"}
        if base == 0:  # no relative change exists; "not checked" passed a rise from 0 to any time
            return _relative_from_zero(rule, out, worse_by)
        worse_by = 100 * worse_by / abs(base)
    out["worsening"] = round(worse_by, 4)
    # every statistic says its n: the requests each run's statistic came from (a review found "SLOWER" from 2)
    other = entry.get("other_load") or {}
    left_out = "".join(
        f", {k} of the {label} timed under another load left out"
        for k, label in ((other.get("base"), "baseline"), (other.get("new"), "new run"))
        if k
    )
    counts = (
        f"from {entry.get('n_base')} and {entry.get('n_new')} requests{left_out}; "
        if entry.get("n_new") is not None
        else ""
    )
    out.update(n_base=entry.get("n_base"), n_new=entry.get("n_new"), threshold=rule.threshold, unit=speed_unit(rule))
    if past_threshold(worse_by, rule.threshold):
        return {**out, "status": f"SLOWER, past the threshold ({counts}{SPEED_NOTE})", "failed": True, "kind": "speed"}
    return {**out, "status": f"ok ({counts}{SPEED_NOTE})", "kind": "speed"}


def _bounded_rule(rule: FailRule, entry: Mapping[str, Any], out: dict[str, Any]) -> dict[str, Any]:
    """A latency rule where requests timed out (`_latency_bounds`): SLOWER when even the least the worsening can be
    is past the threshold, ok when even the most it can be is not, else not checked - the requests that timed out
    could put the statistic on either side."""
    b_low, b_high, n_low, n_high = entry["_bounds"]
    if rule.relative:
        least = 100 * (n_low / b_high - 1) if b_high not in (0, math.inf) else -math.inf
        most = 100 * (n_high / b_low - 1) if b_low > 0 else math.inf
    else:
        least, most = n_low - b_high, n_high - b_low
    out.update(
        n_base=entry.get("n_base"),
        n_new=entry.get("n_new"),
        threshold=rule.threshold,
        unit=speed_unit(rule),
        worsening=round(least, 4) if math.isfinite(least) else None,
    )
    counts = f"from {entry.get('n_base')} and {entry.get('n_new')} requests; {entry.get('verdict')}"
    if past_threshold(least, rule.threshold):
        return {**out, "status": f"SLOWER, past the threshold ({counts})", "failed": True, "kind": "speed"}
    if not past_threshold(most, rule.threshold):
        return {**out, "status": f"ok ({counts})", "kind": "speed"}
    shown = "any" if not math.isfinite(most) else f"{most:+.3g}{speed_unit(rule)}"
    return {
        **out,
        "status": f"not checked: the requests that timed out leave the worsening anywhere from "
        f"{least:+.3g}{speed_unit(rule)} to {shown}, on both sides of the threshold ({counts})",
        "kind": "speed",
    }


def _relative_from_zero(rule: FailRule, out: dict[str, Any], worse_by: float) -> dict[str, Any]:
    """A relative speed rule against a baseline of 0 (a clock too coarse, a hand edit): any worsening from 0 is
    past every relative threshold, none is within it. Said so, with the absolute rule that measures it."""
    out.update(threshold=rule.threshold, unit=speed_unit(rule), from_zero=True)
    if worse_by > 0:
        status = f"SLOWER, past the threshold ({_from_zero_text(out)})"
        return {**out, "status": status, "failed": True, "kind": "speed"}
    return {**out, "status": f"ok (no worsening from 0 in the baseline; {SPEED_NOTE})", "kind": "speed"}


def _from_zero_text(result: Mapping[str, Any]) -> str:
    metric = str(result.get("metric"))
    unit = METRICS[metric][3] if metric in METRICS else ""
    return (
        f"from 0 {unit} in the baseline to {result.get('new')} {unit}: any worsening from 0 is past a relative "
        f"threshold of {result.get('threshold'):g}%. Fix: gate {metric} with an absolute threshold "
        f"({metric}:0.1, in {unit}); {SPEED_NOTE}"
    )


def speed_unit(rule: FailRule) -> str:
    """The unit a speed rule's worsening and threshold are in: % for a relative rule, else the metric's (s, tok/s)."""
    return "%" if rule.relative else f" {METRICS[rule.metric][3]}"


def speed_worsening_text(result: Mapping[str, Any]) -> str:
    """A speed rule's worsening in its own unit, 3 significant digits ("+0.03 s", "+25%"; + is worse whatever the
    metric): rounded to one decimal, a rise of 0.03 s read "+0.0" beside the SLOWER it had failed."""
    worsening = result.get("worsening")
    if worsening is None:
        return "-"
    threshold = result.get("threshold")
    digits = 3
    # more significant digits where 3 would show the threshold itself: a rise of 20.04% read "+20% (past 20%)"
    while isinstance(threshold, float | int) and digits < 6 and f"{worsening:.{digits}g}" == f"{threshold:.{digits}g}":
        digits += 1
    return f"{worsening:+.{digits}g}{result.get('unit') or ''}"


def speed_verdict_text(result: Mapping[str, Any]) -> str:
    """A failed speed rule in the summary: its worsening and threshold in the rule's unit, the relative change beside
    an absolute rule (where the baseline's value is not 0), and the requests each run's statistic came from. It had
    printed only the relative change - "+14.2%" for `ttft_p50:0.01` - and no n; against a baseline of 0 it raised,
    and the regression read as a failed comparison."""
    if result.get("from_zero"):
        return f"worse {_from_zero_text(result)}"
    unit = result.get("unit") or ""
    parts = [f"past {result.get('threshold'):g}{unit}"]
    if unit != "%" and result.get("relative_pct") is not None:
        parts.append(f"{signed(result['relative_pct'])}%")  # +0.04% is not `+0.0%`
    if result.get("n_base") is not None and result.get("n_new") is not None:
        parts.append(f"n={result['n_base']} and {result['n_new']} requests")
    return f"worse by {speed_worsening_text(result)} ({'; '.join(parts)}; {SPEED_NOTE})"


def past_threshold(worse_by: float, threshold: float) -> bool:
    """Worse by more than the threshold: exactly the threshold is not past it, also when floating point makes a rise
    from 0.7 s to 0.84 s 20.000000000000004% (`ttft_p50:20%` failed it)."""
    return worse_by > threshold and not math.isclose(worse_by, threshold, rel_tol=1e-9, abs_tol=1e-12)


def _quality_rule(rule: FailRule, group: dict[str, Any], out: dict[str, Any], seed: int) -> dict[str, Any]:
    score_b, score_n, pass_b, pass_n, within = group["_cases"]
    before, after = (score_b, score_n) if rule.metric == "score" else (pass_b, pass_n)
    base_mean = float(np.mean(before))
    margin = rule.threshold * abs(base_mean) / 100 if rule.relative else rule.threshold
    unit = "points" if rule.metric == "score" else "pp"
    binary = rule.metric == "pass_rate" and all(v in (0.0, 100.0) for v in pass_b + pass_n)
    changes = list(-differences(before, after))  # base - new per case
    # only the cases that can get worse by more than the margin count for the smallest p a rule can reach (and so
    # for Tarone's family), its power and what it can detect: the baseline's passing cases for pass/fail, those
    # above the margin for a mean (a new value is never below 0). The baseline is fixed before the new run.
    n = len(before)
    if binary:
        able = sum(1 for v in pass_b if v == 100.0)
        limit = f"only {able} of the {n} cases passed in the baseline, so at most {able} can go pass -> fail"
        test = noninferiority_pass([v == 100.0 for v in pass_b], [v == 100.0 for v in pass_n], margin, ALPHA)
    else:
        able = sum(1 for v in before if v > margin + 1e-9)
        what = (
            f"scored more than {margin:g} points"
            if rule.metric == "score"
            else f"passed more than {margin:g}% of their samples"
        )
        limit = f"only {able} of the {n} cases {what} in the baseline, so only they can fall by more than {margin:g}"
        test = noninferiority_mean(changes, margin, ALPHA, seed, ceiling=before)
        ids = group.get("_ids") or [str(i) for i in range(n)]
        # per case, the worsening past the margin: the sign-flip rules of the comparison are tested jointly (`decide`)
        flip = {str(i): c - margin for i, c in zip(ids, changes, strict=True) if math.isfinite(c)}
        out = {**out, "_flip": flip if test.n >= 2 else None}
    limited = able < n

    def minimum_detectable(alpha: float) -> Any:
        """What this rule catches 80% of the time at level alpha (alpha / K beside K - 1 other rules: `decide`)."""
        if binary:  # exact binomial power, McNemar's discreteness included
            return detectable_pass(n, margin, rule.text, changes, alpha, able=able)
        return detectable(
            changes,
            margin,
            unit,
            rule.text,
            exact_floor=exact_floor_mean(able, margin, alpha),
            within_var=within if rule.metric == "score" else None,
            repeats=group.get("repeats", 1),
            alpha=alpha,
            min_cases=min_cases_mean(n, able, alpha) if limited else None,
            limit=limit if limited else None,
        )

    mde = minimum_detectable(ALPHA)
    return {
        **out,
        "kind": "quality",
        "margin": round(margin, 4),
        "worsening": None if test.estimate is None else round(test.estimate, 4),
        "bound": None if test.bound is None else round(test.bound, 4),
        "p_value": test.p_value,
        "min_p": test.min_p,
        "p_at_floor": test.p_at_floor,
        "able": able,  # the cases that can get worse by more than the margin
        "limit": limit if limited else None,
        "test": test.to_dict(),
        "detectable": mde.to_dict(),
        "_detectable_at": minimum_detectable,  # popped by decide
    }


def decide(results: list[dict[str, Any]]) -> None:
    """The quality rules of the whole comparison that Tarone's rule keeps (`_family`), adjusted together - the
    sign-flip rules jointly, Holm across them and each McNemar rule (`joint_stepdown`); set status and failed."""
    quality = [i for i, r in enumerate(results) if r.get("kind") == "quality" and r["p_value"] is not None]
    members, k = _family(results, quality)
    flips = [results[i].get("_flip") for i in members]
    adjusted: list[float | None] = [None] * len(results)
    for index, p_family in zip(members, joint_stepdown([results[i]["p_value"] for i in members], flips), strict=True):
        adjusted[index] = p_family
    family = len(members)
    family_ps = [results[i]["p_value"] for i in members]
    jointly = sum(1 for f in flips if f is not None)
    for index, (result, p_holm) in enumerate(zip(results, adjusted)):
        if result.get("kind") != "quality":
            continue
        result["p_holm"] = p_holm  # unrounded, as p_value: rounding made a Monte Carlo floor of 2e-05 read 0
        result["family"] = family
        left_out = index in quality and index not in members  # could reach p <= alpha, not alpha / k
        p, n, margin = result["p_value"], result["n"], result["margin"]
        worsening, bound, min_p = result["worsening"], result["bound"], result["min_p"]
        floor = bool(result.get("p_at_floor"))  # a Monte Carlo p at its floor: "<2e-05"
        why_limited = f" ({result['limit']})" if result.get("limit") else ""
        stats = f"n={n}, p={p_text(p, floor)}" if p is not None else f"n={n}"
        if p_holm is not None and family > 1:
            # "<" only where this p (at its floor: an upper bound) sets the adjusted one, not another rule's
            rank = sum(1 for q in family_ps if p is not None and q < p)
            holm_floor = floor and p is not None and abs(p_holm - (family - rank) * p) <= 1e-9 * p_holm
            stats += f", Holm p={p_text(p_holm, holm_floor)} over {family} rules"
            if jointly > 1 and result.get("_flip") is not None:
                stats += f" (the {jointly} sign-flip rules jointly, on their shared cases)"
        at_level = result.pop("_detectable_at", None)
        if at_level is not None and index in members and family > 1:
            _family_detectable(result, at_level(ALPHA / family), family)
        if p_holm is not None and p_holm <= ALPHA:
            result.update(failed=True, status=f"REGRESSION: worse by more than {margin:g} ({stats})")
        elif min_p is not None and min_p > ALPHA:
            result["status"] = (
                f"cannot be significant at n={n}{why_limited}: the smallest p any outcome could give is {min_p:.3g} "
                f"> {ALPHA:g} - not failed ({stats}){what_would_check(result)}"
            )
        elif left_out:
            result["status"] = (
                f"cannot be significant at n={n} beside the other rules{why_limited}: the smallest p any outcome "
                f"could give is {min_p:.3g} > {ALPHA:g}/{k} (Tarone's family of the {family} rules that can) - not "
                f"failed ({stats}){beside_others(result, k)}"
            )
        elif worsening is not None and worsening > margin:
            why = (
                f"significant alone, not after Holm over {family} rules"
                if p is not None and p <= ALPHA
                else "not significant"
            )
            result["status"] = f"past threshold, within noise - not failed ({why}; {stats}){what_would_check(result)}"
        else:
            # not shown worse - and where the noise hides a worsening of twice the threshold, not shown fine either:
            # "ok" alone read as a check the n could not make (score:5 at 8 cases with sd 7 catches 11.9 points)
            weak = not (result.get("detectable") or {}).get("checkable", True)
            result["status"] = f"ok ({stats}){what_would_check(result) if weak else ''}"
        result["bound_text"] = "-inf" if bound is None else beside_margin(bound, margin)
        result["worsening_text"] = "-" if worsening is None else beside_margin(worsening, margin)
    for result in results:
        result.pop("_detectable_at", None)
        result.pop("_flip", None)


def _family(results: list[dict[str, Any]], quality: list[int]) -> tuple[list[int], int]:
    """Tarone's family over units (`tarone_family`): the sign-flip rules are one unit, tested jointly
    (`joint_stepdown`: the case flips in every rule at once, so together they can reach no smaller p than the best
    of them alone - its smallest p is the unit's), each other rule is one. Of the sign-flip unit only the rules that
    can reach alpha / K stay: a rule that cannot would only widen the maximum the others are measured against.
    Returns the member rules (indices into `results`) and K."""
    joint = [i for i in quality if results[i].get("_flip") is not None]
    units: list[list[int]] = [[i] for i in quality if i not in joint] + ([joint] if joint else [])
    min_ps = [min(_min_p(results[i]) for i in unit) for unit in units]
    chosen, k = tarone_family(min_ps)
    level = ALPHA / k if k else ALPHA
    members = [i for j in chosen for i in units[j] if len(units[j]) == 1 or _min_p(results[i]) <= level * (1 + 1e-9)]
    return sorted(members), k


def _min_p(result: Mapping[str, Any]) -> float:
    """A rule's smallest possible p (0 when unknown: it can be anything)."""
    value = result.get("min_p")
    return 0.0 if value is None else float(value)


def cases_to_reach(result: Mapping[str, Any], level: float) -> int | None:
    """The fewest cases at which a quality rule could be significant at `level` at all, the baseline's share of cases
    that can get worse by more than the margin kept; None when no number can (none of them can)."""
    n, able = int(result["n"]), int(result.get("able") or 0)
    if result.get("metric") == "score":
        return min_cases_mean(n, able, level) or None
    return min_cases_pass(float(result["margin"]), level, share=able / n if n else 0.0)


def beside_others(result: Mapping[str, Any], k: int) -> str:
    """What a rule Tarone's family left out needs: it could be significant alone, not at alpha / k beside the others -
    so what it catches alone (`what_would_check`) is no help; the cases at which it could reach alpha / k are."""
    cases = cases_to_reach(result, ALPHA / k)
    alone = f"gate it alone (--fail {result['rule']}; in pytest --llm-compare-fail)"
    return f"; to check it: {alone}, or at least {cases} cases" if cases else f"; to check it: {alone}"


def what_would_check(result: Mapping[str, Any]) -> str:
    """What a rule that was not failed for want of evidence needs, said where its status is read (the summary's
    "not shown fine either", the rule table): a total collapse at n=3 or 3 of 10 cases falling 100 -> 0 printed "not
    failed" with the cases or repeats that could check it only in the text under the gate's table. The fewest cases
    at which it could be significant at all (`cases_to_reach`), or from its minimum detectable effect (`detectable`)
    what this n catches 80% of the time and the cases (or --llm-repeat) that would catch twice the threshold."""
    found = result.get("detectable") or {}
    # beside K - 1 other rules Holm needs p <= alpha / K: what it catches then (`_family_detectable`)
    beside = (found.get("in_family") or {}).get("worsening")
    unit = "points" if result.get("metric") == "score" else "pp"
    cases, repeats, caught = found.get("cases_needed"), found.get("repeats_needed"), found.get("worsening")
    if caught is None:  # no outcome can be significant at this n (n=1 included: no sd, no detectable effect)
        return _cases_to_check(result)
    best = " at best" if "at best" in str(found.get("text")) else ""  # McNemar's power: no case fail -> pass
    text = f"; at n={result.get('n')} it catches a worsening of {caught:.3g} {unit} 80% of the time{best}"
    if beside is not None:
        text += f" alone, {beside:.3g} beside the other rules (Holm)"
    if found.get("checkable"):
        return text
    more = ([f"about {cases} cases"] if cases else []) + (
        [f"{repeats} repeats of each case (--llm-repeat {repeats})"] if repeats else []
    )
    if more:
        alone = " as the only rule" if beside is not None else ""
        text += f"; {' or '.join(more)} would catch {2 * float(result['margin']):g} {unit}{alone}"
    return text


def _cases_to_check(result: Mapping[str, Any]) -> str:
    """The cases a rule no outcome can fail at this n needs, or why no number of cases can (`what_would_check`)."""
    cases = cases_to_reach(result, ALPHA)
    same_share = " at the baseline's share of cases that can fall" if result.get("limit") else ""
    if cases:
        return f"; to check it: at least {cases} cases{same_share} (--llm-repeat does not help: the case is the unit)"
    fix = "more cases scoring above it" if result.get("metric") == "score" else "more cases passing"
    return f"; no number of cases can check it{same_share}: a smaller threshold, or a baseline with {fix}"


def beside_margin(value: float, margin: float, least: int = 2, most: int = 4) -> str:
    """A quality rule's worsening or bound, signed, with the decimals (`least` to `most`) that tell it from the
    rule's margin: at 2, a bound of 5.004 read "+5.00" beside "> 5" and REGRESSION, and 4.996 read the same beside
    "ok". Written by the reports' `signed`: zero (or a float's hair off it: -0.0 from a negated 0) reads +0.00, and a
    value that rounds to zero keeps its sign and one significant digit (-0.001 read "-0.00" beside a rule)."""
    for digits in range(least, most + 1):
        if f"{value:.{digits}f}" != f"{margin:.{digits}f}":
            return signed(value, digits)
    return signed(value, least)


def _family_detectable(result: dict[str, Any], in_family: Any, family: int) -> None:
    """Add to a rule's minimum detectable effect what it catches beside the other rules of its Holm family: Holm
    fails it for sure only at p <= alpha / K (at alpha / (K - 1) ... alpha once other rules failed first), so the
    effect computed at alpha alone overstates the power when K > 1. At alpha / K it understates it a little."""
    unit = "points" if result["metric"] == "score" else "pp"
    level = ALPHA / family
    text = (
        f"; with Holm over the {family} rules of this comparison it needs p <= {level:.3g} (more only if another "
        "rule fails first): "
    )
    if in_family.worsening is None:
        text += f"no outcome at n={result['n']} reaches it"
    else:
        best = " at best" if "at best" in in_family.text else ""  # the exact pass-rate power: no fail -> pass
        text += f"then it catches {in_family.worsening:.3g} {unit} 80% of the time{best}"
    result["detectable"]["text"] += text
    result["detectable"]["in_family"] = {"rules": family, "alpha": level, "worsening": in_family.to_dict()["worsening"]}
