"""Aggregates of a run's case records: per model and mode, RAG without vs with, models pairwise.

Plain Python over the case records (no pytest). Every statistic carries its n; with
`intervals=True` means come with their 95% interval (`stats.mean_ci`; the case is the unit when a case was
asked several times: its samples are averaged first), pass rates and the judge's agreement with the exact rate
interval (`stats.wilson`: mid-p; with repeats, `stats.mean_ci` of the per-case shares), latency percentiles with
order-statistic intervals, and differences as paired per-case differences; the RAG uplift per category is
Holm-corrected over every model's categories that can be significant at their n, one family per run, and each
model's uplift over the run's models, another (`holm_verdicts`). With repeats the case is the unit everywhere:
category means, retrieval quality (n = cases), the judge's kappa and Spearman.

Speed has one definition per metric: `decode_tok_s` is the token-weighted decode rate of
`bench.stats.decode_tok_s` (sum of output_tokens - 1 over sum of E2E - TTFT), per model and mode
here and in the models compared; a case record's `decode_tok_s` is that request's 1 / TPOT.
Norag and rag are never pooled: every row is one model in one mode.
"""

from __future__ import annotations

import itertools
import math
import numbers
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ..stats.closed_pairs import ModeScores

Key = TypeVar("Key")  # what names a difference in a family: a category, or (model, category)

RETRIEVAL_FIELDS = ("hit_at_k", "recall_at_k", "mrr_at_k", "ndcg_at_k", "bm25_dense_overlap")
RETRIEVAL_STAGES = ("bm25", "dense", "fused", "reranked")
STAGE_FIELDS = ("hit_at_k", "mrr_at_k", "ndcg_at_k")


def _num(value: Any) -> float | None:
    """A measured figure as a float; None for what is no measurement: None, a bool, text, NaN and an infinity (an inf
    latency kept made the p50 one of 8 answers beside its interval's n=7, the mean inf, and the decode rate of every
    answer of the model none). Text is none even where it reads as a number ("0.3"): the gate's `_timing` leaves it
    out, and a report that counted it drew its latency from other answers than the verdict beside it."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    out = float(value)
    return out if math.isfinite(out) else None


def seconds(case: dict[str, Any], field: str) -> float | None:
    """An answer's `ttft_s` or `e2e_s` where it is a time at all: finite and not negative; None otherwise. A TTFT of
    -0.5 s (a clock stepped back, a hand-edited file) was one of the TTFT p50's answers and its n."""
    value = _num(case.get(field))
    return value if value is not None and value >= 0 else None


def _decode_times(case: dict[str, Any]) -> tuple[float | None, float | None]:
    """(TTFT, E2E) for the decode rate: both None where the first token came after the last, which leaves no decode
    time - summed in, an E2E of -2 s beside a TTFT of 0.1 s raised a model's decode tok/s from 46.6 to 114.7."""
    ttft, e2e = seconds(case, "ttft_s"), seconds(case, "e2e_s")
    return (None, None) if ttft is not None and e2e is not None and e2e < ttft else (ttft, e2e)


def _round(value: Any, digits: int = 4) -> float | None:
    """A figure as results.json keeps it: at least three digits more than any report shows (scores at 1, seconds at
    3), so that the report rounds once. Kept at 2 digits, a mean of 44.4464 was stored as 44.45 and printed 44.5
    beside its interval's estimate 44.4464; hit@k at 3 digits (0.7446 -> 0.745 -> 0.75) and seconds at 4 likewise."""
    number = _num(value)
    return None if number is None else round(number, digits)


SECONDS = 6  # digits kept of a latency in seconds (reports show 2-3)


def _mean(values: Iterable[Any]) -> float | None:
    numbers = [v for v in (_num(x) for x in values) if v is not None]
    return sum(numbers) / len(numbers) if numbers else None


def _percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile; None without values, and for a tail percentile (p95: 20, p99: 100) from fewer values
    than `stats.min_count_for_quantile` asks - it would only be the largest value seen."""
    if not values:
        return None
    if q > 50:
        from ..stats import min_count_for_quantile

        if len(values) < min_count_for_quantile(q):
            return None
    import numpy as np

    return float(np.percentile(np.asarray(values, dtype=float), q))


def scored(cases: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records that have a score (errored cases have none). A score that is no finite number on the 0-100 scale
    (inf or 150 from a custom scorer, a string, a bool) is a scoring error, as in the comparison
    (`compare.scorers.valid_score`, its one definition): an inf averaged in made the summary's mean inf and its
    results.json unreadable (Infinity), a 150 printed a mean of 150 [150, 150] beside a comparison that counted it
    as 0."""
    from ..compare.scorers import valid_score

    return [c for c in cases if valid_score(c.get("score"))]


def _passed(case: dict[str, Any]) -> bool:
    """Passed, and graded: a sample with an error or no valid score counts as not passed (the comparison's rule)."""
    from ..compare.scorers import errored

    return bool(case.get("passed")) and not errored(case)


def _case_means(values: Iterable[tuple[Any, float]]) -> list[float]:
    """The per-case means of (case id, value) pairs, cases in first-seen order."""
    groups: dict[Any, list[float]] = defaultdict(list)
    for case_id, value in values:
        groups[case_id].append(value)
    return [sum(g) / len(g) for g in groups.values()]


def _numbers(values: Iterable[tuple[Any, Any]]) -> list[tuple[Any, float]]:
    """The (case id, value) pairs whose value is a number."""
    return [(case_id, number) for case_id, number in ((i, _num(v)) for i, v in values) if number is not None]


def _case_mean(values: Iterable[tuple[Any, float]]) -> float | None:
    """The mean of the per-case means of (case id, value) pairs: the case is the unit, as in the intervals."""
    means = _case_means(values)
    return sum(means) / len(means) if means else None


def rate_interval(shares: Sequence[float]) -> dict[str, Any]:
    """A rate in percent with its 95% interval, the case the unit (`shares`: each case's share of its samples that
    count, 0..1): the exact rate interval (`stats.wilson`) when every case counted or not whole, else the interval of
    the mean of the shares (`stats.mean_ci`)."""
    from ..stats import mean_ci, wilson

    if all(share in (0.0, 1.0) for share in shares):
        return wilson(int(sum(shares)), len(shares)).to_dict()
    return mean_ci([100 * share for share in shares]).to_dict()


def group_by(cases: Iterable[dict[str, Any]], *keys: str) -> dict[tuple[Any, ...], list[dict[str, Any]]]:
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for case in cases:
        groups[tuple(case.get(k, "norag" if k == "mode" else None) for k in keys)].append(case)
    return dict(groups)


def decode_rate(cases: Iterable[dict[str, Any]]) -> float | None:
    """The token-weighted decode tok/s of case records (errored and one-token answers contribute nothing)."""
    from ..bench.stats import decode_tok_s

    # a NaN or infinite timing is no measurement (`_num`): summed in, one such answer made the rate of all of them None
    return decode_tok_s((_num(c.get("output_tokens")), *_decode_times(c)) for c in cases)


def _interval(result: Any) -> dict[str, Any] | None:
    return result.to_dict() if result is not None else None


def model_rows(
    cases: list[dict[str, Any]], memory: dict[str, dict[str, Any]] | None = None, intervals: bool = True
) -> list[dict[str, Any]]:
    """Per model and mode: n, errors, pass rate, mean score, latency and speed, per category, memory."""
    memory = memory or {}
    rows: list[dict[str, Any]] = []
    for (model, mode), group in group_by(cases, "model", "mode").items():
        ok = scored(group)
        by_category = sorted(group_by(ok, "category").items(), key=lambda kv: str(kv[0]))
        distinct = {c["scenario_id"] for c in group}
        passes = [_passed(c) for c in group]
        ttft = [v for v in (seconds(c, "ttft_s") for c in ok) if v is not None]
        e2e = [v for v in (seconds(c, "e2e_s") for c in ok) if v is not None]
        mem = memory.get(model, {})
        row: dict[str, Any] = {
            "model": model,
            "mode": mode,
            "cases": len(distinct),
            "samples": len(group),
            "errors": len(group) - len(ok),
            "passed": sum(passes),
            # with repeats the case is the unit (its samples averaged first), as in the intervals printed beside
            # these: pooled over samples, a case asked more often (another repeat errored) weighed more, and the
            # figure was not the one its interval is about (46.7 printed with an interval around 43.75)
            "pass_rate": _round(100 * (_case_mean((c["scenario_id"], float(p)) for c, p in zip(group, passes)) or 0), 1)
            if passes
            else None,
            "mean_score": _round(_case_mean((c["scenario_id"], float(c["score"])) for c in ok)),
            "mean_ttft_s": _round(_mean(ttft), SECONDS),
            "ttft_p50_s": _round(_percentile(ttft, 50), SECONDS),
            "ttft_p95_s": _round(_percentile(ttft, 95), SECONDS),
            "mean_e2e_s": _round(_mean(e2e), SECONDS),
            "e2e_p50_s": _round(_percentile(e2e, 50), SECONDS),
            "e2e_p95_s": _round(_percentile(e2e, 95), SECONDS),
            "decode_tok_s": _round(decode_rate(ok)),
            "total_output_tokens": int(sum(_num(c.get("output_tokens")) or 0 for c in ok)),
            "categories": {
                k[0]: _round(_case_mean((c["scenario_id"], float(c["score"])) for c in v)) for k, v in by_category
            },
            "category_cases": {k[0]: len({c["scenario_id"] for c in v}) for k, v in by_category},  # each mean's n
            "suites": {
                k[0]: _round(_mean(c["score"] for c in v))
                for k, v in sorted(group_by(ok, "suite").items(), key=lambda kv: str(kv[0]))
            },
            "memory_source": mem.get("source"),
            "peak_memory_mib": mem.get("peak_mib"),
            "steady_memory_mib": mem.get("steady_mib"),
        }
        if intervals:
            row["intervals"] = _model_intervals(group, ok)
            row["category_intervals"] = {k[0]: _score_interval(v) for k, v in by_category}
        rows.append(row)
    return rows


def _score_interval(records: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The mean score of some scored records with its 95% interval, the case the unit (`stats.mean_ci`)."""
    from ..stats import mean_ci

    return _interval(mean_ci([c["score"] for c in records], clusters=[c["scenario_id"] for c in records]))


def _model_intervals(group: list[dict[str, Any]], ok: list[dict[str, Any]]) -> dict[str, Any]:
    from ..stats import mean_ci, quantile_ci, wilson

    repeated = len({c["scenario_id"] for c in group}) < len(group)
    clusters = [c["scenario_id"] for c in ok]
    out: dict[str, Any] = {
        "mean_score": _interval(mean_ci([c["score"] for c in ok], clusters=clusters if repeated else None)),
    }
    passes = [1.0 if _passed(c) else 0.0 for c in group]
    if repeated:
        ci = mean_ci([100 * p for p in passes], clusters=[c["scenario_id"] for c in group])
        out["pass_rate"] = _interval(ci)
    else:
        out["pass_rate"] = _interval(wilson(int(sum(passes)), len(passes)))
    for name, field, q in (
        ("ttft_p50_s", "ttft_s", 50),
        ("ttft_p95_s", "ttft_s", 95),
        ("e2e_p50_s", "e2e_s", 50),
        ("e2e_p95_s", "e2e_s", 95),
    ):
        values = [seconds(c, field) for c in ok]
        out[name] = _interval(quantile_ci([v for v in values if v is not None], q))
    return out


def dead_side(groups: dict[str, list[dict[str, Any]]]) -> list[str]:
    """The names whose every sample errored: a comparison with them measures their server, not a model."""
    return [name for name, group in groups.items() if group and all(c.get("error") for c in group)]


NOT_COMPARED = "not compared: every case of {} errored - its server failed, nothing was measured of the model"


def per_case_means(cases: Iterable[dict[str, Any]], errors_as_zero: bool = False) -> dict[str, dict[str, float]]:
    """scenario_id -> {"score": mean over samples, "pass": share of samples passed}: scored samples only, or
    with `errors_as_zero` an errored sample too, as score 0 and not passed (what a paired comparison needs: a
    model must not gain from the cases it failed to answer, which would otherwise drop out of its side)."""
    out: dict[str, dict[str, float]] = {}
    if errors_as_zero:  # a score that is no number in 0-100 (NaN from a custom scorer's 0/0) is a scoring error too,
        # as in the gate - the comparison's one definition: it had dropped the case from the pair without a word
        from ..compare.scorers import errored

        cases = [{**c, "score": 0.0, "passed": False} if errored(c) else c for c in cases]
    for (case_id,), samples in group_by(scored(cases), "scenario_id").items():
        out[case_id] = {
            "score": sum(float(s["score"]) for s in samples) / len(samples),
            "pass": sum(bool(s.get("passed")) for s in samples) / len(samples),
        }
    return out


def rag_rows(cases: list[dict[str, Any]], intervals: bool = True) -> list[dict[str, Any]]:
    """Per model: score without and with RAG on the same cases, the uplift (paired, with its interval),
    per category, retrieval quality per stage, and retrieval/generation timings."""
    rag_cases = [c for c in cases if c.get("mode") == "rag"]
    if not rag_cases:
        return []
    rows = []
    run_diffs: dict[tuple[str, str], Any] = {}  # (model, category) -> its paired difference: one family per run
    category_flips: dict[tuple[str, str], dict[str, float]] = {}  # (model, category) -> per case, RAG - no RAG
    model_diffs: dict[str, Any] = {}  # model -> its uplift over all its paired cases: another family per run
    model_flips: dict[str, dict[str, float]] = {}  # model -> per case, RAG - no RAG: the uplifts tested jointly
    for model in dict.fromkeys(c["model"] for c in rag_cases):
        mine = [c for c in cases if c["model"] == model]
        norag = per_case_means((c for c in mine if c.get("mode", "norag") == "norag"), errors_as_zero=True)
        rag = per_case_means((c for c in mine if c.get("mode") == "rag"), errors_as_zero=True)
        paired = sorted(set(norag) & set(rag))
        rag_records = [c for c in mine if c.get("mode") == "rag"]
        row: dict[str, Any] = {"model": model, "paired_cases": len(paired)}
        dead = dead_side(
            {
                f"{model} (norag)": [c for c in mine if c.get("mode", "norag") == "norag"],
                f"{model} (rag)": rag_records,
            }
        )
        if paired and dead:
            row.update(score_norag=None, score_rag=None, uplift=None, categories={})
            row["not_compared"] = NOT_COMPARED.format(" and ".join(dead))
        elif paired:
            before = [norag[i]["score"] for i in paired]
            after = [rag[i]["score"] for i in paired]
            mean_before, mean_after = sum(before) / len(before), sum(after) / len(after)
            pass_norag = sum(norag[i]["pass"] for i in paired) / len(paired)
            pass_rag = sum(rag[i]["pass"] for i in paired) / len(paired)
            row.update(
                score_norag=_round(mean_before),
                score_rag=_round(mean_after),
                uplift=_round(mean_after - mean_before),
                pass_rate_norag=_round(100 * pass_norag, 1),
                pass_rate_rag=_round(100 * pass_rag, 1),
            )
            row["pass_change"] = _round(100 * (pass_rag - pass_norag), 1)
            if intervals:
                from ..stats import paired_difference, pass_rate_change

                model_diffs[model] = paired_difference(before, after)
                model_flips[model] = {i: rag[i]["score"] - norag[i]["score"] for i in paired}
                row["uplift_interval"] = model_diffs[model].to_dict()
                passes = [norag[i]["pass"] for i in paired], [rag[i]["pass"] for i in paired]
                row["pass_change_interval"] = pass_rate_change(*passes)
                row["pass_rate_norag_interval"], row["pass_rate_rag_interval"] = (rate_interval(p) for p in passes)
            category_of = {c["scenario_id"]: c.get("category") for c in rag_records}
            categories: dict[str, dict[str, Any]] = {}
            diffs: dict[str, Any] = {}
            for category in sorted({str(category_of[i]) for i in paired}):
                ids = [i for i in paired if str(category_of[i]) == category]
                b = _mean(norag[i]["score"] for i in ids)
                a = _mean(rag[i]["score"] for i in ids)
                categories[category] = {"norag": _round(b), "rag": _round(a), "uplift": _round(a - b), "n": len(ids)}  # type: ignore[operator]
                if intervals:  # a difference without its interval is not a result (with n=1-3: says it has none)
                    from ..stats import paired_difference

                    diffs[category] = paired_difference(
                        [norag[i]["score"] for i in ids], [rag[i]["score"] for i in ids]
                    )
                    categories[category]["uplift_interval"] = diffs[category].to_dict()
                    category_flips[(model, category)] = {i: rag[i]["score"] - norag[i]["score"] for i in ids}
            run_diffs.update({(model, category): diff for category, diff in diffs.items()})
            row["categories"] = categories
        else:  # no case run both ways: the RAG score alone, on the terms of the table's note and "Models compared"
            # (over cases, an errored sample as 0); pooled over answers without the errors it was a third figure
            row.update(
                score_norag=None,
                score_rag=_round(_mean(v["score"] for v in rag.values())),
                uplift=None,
                categories={},
            )
        retrieved = [(c["scenario_id"], c["retrieval"]) for c in rag_records if c.get("retrieval")]
        retrievals = [r for _, r in retrieved]
        # the case is the unit: a case asked several times retrieves for each answer, and counting each answer made n
        # the answers (16 for 8 cases asked twice); a case's answers are averaged first
        for name in RETRIEVAL_FIELDS:
            row[f"mean_{name}"] = _round(_case_mean(_numbers((i, r.get(name)) for i, r in retrieved)))
        # the retrieval means are over the cases that name their documents: their own n (cases)
        hits = _case_means(_numbers((i, r.get("hit_at_k")) for i, r in retrieved))
        row["retrieval_n"] = len(hits)
        if intervals and hits:
            row["hit_at_k_interval"] = rate_interval(hits)
        row["stages"] = {
            stage: {
                name: _round(
                    _case_mean(_numbers((i, (r.get("stages") or {}).get(stage, {}).get(name)) for i, r in retrieved))
                )
                for name in STAGE_FIELDS
            }
            for stage in RETRIEVAL_STAGES
            if any(stage in (r.get("stages") or {}) for r in retrievals)
        }
        retrieval_ms = [v for v in (_num(c.get("retrieval_ms")) for c in rag_records) if v is not None]
        generation_ms = [v for v in (_num(c.get("generation_ms")) for c in rag_records) if v is not None]
        row.update(
            retrieval_ms_p50=_round(_percentile(retrieval_ms, 50), 1),
            retrieval_ms_mean=_round(_mean(retrieval_ms), 1),
            generation_ms_p50=_round(_percentile(generation_ms, 50), 1),
            generation_ms_mean=_round(_mean(generation_ms), 1),
            retrieval_ms_n=len(retrieval_ms),
            generation_ms_n=len(generation_ms),
            rerank=sorted({str(r.get("rerank", "?")) for r in retrievals}),
        )
        if intervals:
            from ..stats import quantile_ci

            row["retrieval_ms_p50_interval"] = quantile_ci(retrieval_ms, 50).to_dict()
            row["generation_ms_p50_interval"] = quantile_ci(generation_ms, 50).to_dict()
        rows.append(row)
    _add_category_verdicts(rows, run_diffs, category_flips)
    _add_uplift_verdicts(rows, model_diffs, model_flips)
    return rows


def _add_uplift_verdicts(
    rows: list[dict[str, Any]], model_diffs: dict[str, Any], model_flips: dict[str, dict[str, float]]
) -> None:
    """The models' uplifts as one family (`holm_verdicts`), as `uplift_holm`: each model's 95% interval is its own,
    and with three models one of them leaves out 0 by chance up to three times as often as one model's does. They
    are tested jointly on the cases they share (a case's no-RAG and RAG answers swapped in every model at once):
    Holm over them needed p <= 0.05 / 3 where 6 cases can give 2/64 at best, and RAG raising every case of each of
    three models read "not significant" for all three."""
    by_model = {row["model"]: row for row in rows}
    for model, verdict in holm_verdicts(model_diffs, flips=model_flips).items():
        by_model[model]["uplift_holm"] = verdict


def _add_category_verdicts(
    rows: list[dict[str, Any]],
    run_diffs: dict[tuple[str, str], Any],
    category_flips: dict[tuple[str, str], dict[str, float]],
) -> None:
    """Every model's category uplifts as one family (`holm_verdicts`): per model, three models with one 6-case
    category each rising in all 6 (p 2/64 = 0.031) all printed "better with RAG", a family-wise false-alarm rate up
    to three times alpha. A category's uplifts in the run's models are one unit, tested jointly on its cases (a
    case's no-RAG and RAG answers swapped in every model at once), Holm across the categories (their cases differ):
    Holm over every model x category made the same three read "not significant" (0.094) beside the models' uplifts,
    over the same six cases, read "better with RAG"."""
    by_model = {row["model"]: row for row in rows}
    units = {key: key[1] for key in run_diffs}
    for (model, category), verdict in holm_verdicts(run_diffs, flips=category_flips, units=units).items():
        by_model[model]["categories"][category].update(verdict)


def holm_verdicts(
    diffs: dict[Key, Any],
    alpha: float = 0.05,
    flips: dict[Key, dict[str, float]] | None = None,
    units: dict[Key, Any] | None = None,
) -> dict[Key, dict[str, Any]]:
    """The correction over a family of paired differences (the run's categories; each model's uplift; the pairs of
    models): each one's adjusted p (`p_holm`), whether it is significant after the correction (`significant_holm`)
    and the family's size. With k differences the chance that some one looks significant when nothing changed grows
    with k; after the correction it stays at most `alpha`. A difference whose n cannot give a significant p at all -
    the sign-flip test's smallest two-sided p is 2 / 2^n, 0.0625 at n = 5 - is left out of the family (`p_holm`
    None, `outside_family` True) instead of making the others' threshold stricter (Tarone 1990, its first step):
    which ones those are follows from n alone, before any score, so the family-wise false-alarm rate stays at most
    `alpha` (`benchmarks/rag_category_family.py`: 0.000-0.030 under no uplift; the power to find a real uplift in an
    8- or 14-case category beside 2-5-case ones rose from 0.022 / 0.159 to 0.091 / 0.408). A difference with no test
    (n < 2) is never in it.

    Without `flips`: Holm over the members. With `flips` (per difference, its per-case changes) the differences of
    one unit (`units`; all in one where not given) are tested jointly on the cases they share, two-sided, and Holm
    adjusts across the units (`stats.stepdown`): they are measured on the same cases, and Holm treating them as
    unrelated needed p <= 0.05 / k, below the smallest p of 6 cases - RAG raising every case of three models read
    "not significant" for each."""
    from ..stats import stepdown

    members = _family_members(diffs, alpha)
    # without flips every member is a unit of its own: `stepdown` is then Holm's step-down exactly
    p_family = stepdown(
        [float(diffs[name].p_value) for name in members],
        [(flips or {}).get(name) for name in members],
        units=None if units is None else [units[name] for name in members],
        two_sided=True,
    )
    # `joint`: tested jointly within units (the report's note says how it was adjusted)
    return _family_verdicts(diffs, dict(zip(members, p_family)), alpha, joint=flips is not None)


def _family_members(diffs: dict[Key, Any], alpha: float) -> list[Key]:
    """The differences in the family: those whose n can reach p <= alpha at all (Tarone's first step)."""
    return [
        name for name, diff in diffs.items() if diff.p_value is not None and (diff.min_p is None or diff.min_p <= alpha)
    ]


def _family_verdicts(
    diffs: dict[Key, Any], adjusted: dict[Key, float], alpha: float, **marks: bool
) -> dict[Key, dict[str, Any]]:
    """Each difference's fields after the correction: its adjusted p (None outside the family), the verdict, the
    family's size, whether Tarone's rule left it out, and `marks` (how it was adjusted)."""
    return {
        name: {
            "p_holm": adjusted.get(name),
            "significant_holm": name in adjusted and adjusted[name] <= alpha,
            "family": len(adjusted),
            "outside_family": diff.p_value is not None and name not in adjusted,
            **marks,
        }
        for name, diff in diffs.items()
    }


def pair_verdicts(
    diffs: dict[tuple[str, str, str], Any],
    flips: dict[tuple[str, str, str], dict[str, float]],
    alpha: float = 0.05,
    draws: int | None = None,
) -> dict[tuple[str, str, str], dict[str, Any]]:
    """The verdicts of every pair of models x mode (`holm_verdicts`' fields): with three or four models, every one
    on the same cases in a mode, a closed test over the groupings of the models (`stats.closed_pairs`, `closed`
    True) - pairs sharing a model are tested together, the case's answers permuted among the models of a group: one
    model of three losing every case of 6 read "no significant difference" under Holm across the pairs (3 x 2/64)
    and reads "worse" (2/64). Else - two models (where the closed test is the pair's joint test already), more work
    than `stats.closed_pairs.within_budget` allows (5+ models, more than 30 cases, 4 models x 2 modes above 15
    cases), or models that ran different cases - a pair's modes jointly, Holm across the pairs.
    Tarone's rule leaves out the same comparisons either way. `draws`: relabellings drawn per grouping where they
    are too many to enumerate (`stats.closed_pairs.DRAWS` unless given; benchmarks use fewer)."""
    from ..stats.closed_pairs import DRAWS, closed_pair_p_values, within_budget

    modes = _complete_modes(_family_members(diffs, alpha), flips)
    if (
        modes is None
        or max((len(m.models) for m in modes.values()), default=0) < 3
        or not within_budget([len(m.models) for m in modes.values()], [len(m.cases) for m in modes.values()])
    ):
        return holm_verdicts(diffs, alpha, flips=flips, units={key: key[:2] for key in diffs})
    adjusted = {
        # never below its own exact p where its own grouping was drawn
        key: max(p, float(diffs[key].p_value))
        for key, p in closed_pair_p_values(modes, draws=draws or DRAWS).items()
    }
    return _family_verdicts(diffs, adjusted, alpha, joint=True, closed=True)


def _complete_modes(
    members: list[tuple[str, str, str]], flips: dict[tuple[str, str, str], dict[str, float]]
) -> dict[str, ModeScores] | None:
    """Per mode of the family's pairs, its models' scores relative to the first model (`stats.closed_pairs`'
    ModeScores: only differences enter) - or None where in some mode a pair of its models is not in the family or
    compared them on other cases: a case some model did not run has no relabelling among them."""
    import numpy as np

    from ..stats.closed_pairs import ModeScores

    modes: dict[str, ModeScores] = {}
    for mode in dict.fromkeys(key[2] for key in members):
        keys = [key for key in members if key[2] == mode]
        models = list(dict.fromkeys(name for key in keys for name in key[:2]))
        ids = sorted(flips[keys[0]])
        for x, y in itertools.combinations(models, 2):
            if (x, y, mode) not in keys or sorted(flips[(x, y, mode)]) != ids:
                return None
        relative = [[0.0] * len(ids)] + [[flips[(models[0], y, mode)][i] for i in ids] for y in models[1:]]
        modes[mode] = ModeScores(tuple(models), tuple(ids), np.array(relative))
    return modes


def judge_agreement(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per model and mode where a judge graded: mean judge score and how often it agrees with keywords."""
    from ..stats import cohen_kappa, spearman

    rows = []
    # every answer the judge failed on: one it was to decide (`assert_with: judge`) is the case's error, with no
    # score, and was not counted ("judge errors 0" beside answers it had failed on)
    errors = {
        key: sum(1 for c in group if (c.get("judge") or {}).get("error"))
        for key, group in group_by(cases, "model", "mode").items()
    }
    for (model, mode), group in group_by(scored(cases), "model", "mode").items():
        graded = [c for c in group if (c.get("judge") or {}).get("score") is not None]
        if not graded:
            continue
        keyword_pass = [bool(c.get("keyword_passed", c.get("passed"))) for c in graded]
        ids = [c["scenario_id"] for c in graded]
        judge_pass = [bool(c["judge"]["passed"]) for c in graded]
        # the case is the unit, as in the pass rates: with repeats a case's answers are averaged first
        agreed = _case_means((c["scenario_id"], float(a == b)) for c, a, b in zip(graded, keyword_pass, judge_pass))
        rows.append(
            {
                "model": model,
                "mode": mode,
                "n": len(graded),
                "cases": len(set(ids)),
                "judge_errors": errors[(model, mode)],
                # over cases, as the summary's mean score: pooled over answers, the keyword score of the same
                # answers was another figure (45.8 beside the summary's 46.0) wherever repeats were uneven
                "mean_judge_score": _round(
                    _case_mean(_numbers((c["scenario_id"], c["judge"]["score"]) for c in graded))
                ),
                "mean_keyword_score": _round(_case_mean((c["scenario_id"], float(c["score"])) for c in graded)),
                "agreement_pct": _round(100 * sum(agreed) / len(agreed), 1),
                "agreement_interval": rate_interval(agreed),
                # the case is the unit (with repeats its answers are resampled together / averaged: n = cases)
                "kappa": cohen_kappa(keyword_pass, judge_pass, clusters=ids).to_dict(),
                "spearman": spearman(
                    [c["score"] for c in graded], [c["judge"]["score"] for c in graded], clusters=ids
                ).to_dict(),
            }
        )
    return rows


def model_comparison(
    cases: list[dict[str, Any]],
    memory: dict[str, dict[str, Any]] | None = None,
    benchmarks: list[dict[str, Any]] | None = None,
    rag_table: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The headline table, one row per model and mode - runs with and without RAG are never pooled - (mean
    score over cases with its interval, the RAG uplift on the rag row, pass rate, TTFT p50, decode tok/s,
    the benchmark's output throughput, peak memory), and every pair of models compared on the same cases.
    `rag_table`: `rag_rows(cases)` when the caller has it already (it is the costliest part of the aggregates)."""
    from ..stats import mean_ci, paired_difference, verdict

    memory = memory or {}
    bench = {b["model"]: b.get("summary", {}) for b in benchmarks or []}
    models = list(dict.fromkeys(c["model"] for c in cases))
    rag = {r["model"]: r for r in (rag_rows(cases, intervals=True) if rag_table is None else rag_table)}
    groups = group_by(cases, "model", "mode")
    rows = []
    for model in models:
        for mode in ("norag", "rag"):
            group = groups.get((model, mode))
            if not group:
                continue
            per_case = per_case_means(group, errors_as_zero=True)  # compared with the pairs below: on their terms
            ok = scored(group)
            passes = [_passed(c) for c in group]
            ttft = [v for v in (seconds(c, "ttft_s") for c in ok) if v is not None]
            rows.append(
                {
                    "model": model,
                    "mode": mode,
                    "score": mean_ci([v["score"] for v in per_case.values()]).to_dict() if per_case else None,
                    "uplift": rag.get(model, {}).get("uplift_interval") if mode == "rag" else None,
                    # the case the unit, as the summary's pass rate of the same model and mode (pooled over samples
                    # it was another figure wherever a case had fewer samples than another)
                    "pass_rate": _round(
                        100 * (_case_mean((c["scenario_id"], float(p)) for c, p in zip(group, passes)) or 0), 1
                    ),
                    "ttft_p50_s": _round(_percentile(ttft, 50), SECONDS),
                    "decode_tok_s": _round(decode_rate(ok)),
                    "output_throughput": _round(bench.get(model, {}).get("output_throughput")),
                    "peak_memory_mib": (memory.get(model) or {}).get("peak_mib"),
                    "memory_source": (memory.get(model) or {}).get("source"),
                }
            )
    pairs: list[dict[str, Any]] = []
    diffs: dict[tuple[str, str, str], Any] = {}  # (a, b, mode) -> the paired difference b - a
    flips: dict[tuple[str, str, str], dict[str, float]] = {}  # (a, b, mode) -> per case, b - a
    skipped: list[dict[str, Any]] = []
    for i, first in enumerate(models):
        for second in models[i + 1 :]:
            for mode in ("norag", "rag"):
                mine = [c for c in cases if c["model"] == first and c.get("mode", "norag") == mode]
                theirs = [c for c in cases if c["model"] == second and c.get("mode", "norag") == mode]
                a, b = per_case_means(mine, errors_as_zero=True), per_case_means(theirs, errors_as_zero=True)
                ids = sorted(set(a) & set(b))
                if not ids:
                    if a and b:  # both ran in this mode, on other cases: said in results.json, not left out
                        skipped.append(
                            {"a": first, "b": second, "mode": mode, "n": 0, "difference": None, "p_value": None}
                            | {"verdict": "not compared: no case in common"}
                        )
                    continue
                dead = dead_side({f"{first} ({mode})": mine, f"{second} ({mode})": theirs})
                if dead:  # no verdict on a dead server (B - A -100.0 [-100.0, -100.0] worse): outside the family
                    skipped.append(
                        {"a": first, "b": second, "mode": mode, "n": len(ids), "difference": None, "p_value": None}
                        | {"verdict": NOT_COMPARED.format(" and ".join(dead))}
                    )
                    continue
                diff = paired_difference([a[k]["score"] for k in ids], [b[k]["score"] for k in ids])
                pairs.append({"a": first, "b": second, "mode": mode, "n": len(ids), "difference": diff.to_dict()})
                diffs[(first, second, mode)] = diff
                flips[(first, second, mode)] = {k: b[k]["score"] - a[k]["score"] for k in ids}
    # every pair x mode verdict of the run is one family, as the gate's rules: a pair's modes tested jointly on their
    # cases (a case's answers of the two models swapped in both modes at once), Holm across the pairs
    # (`holm_verdicts`): Holm over pairs x modes made a model losing every case in both modes at n=6 read "no
    # significant difference" (0.0625) beside one other model
    family = pair_verdicts(diffs, flips)
    for pair, (key, diff) in zip(pairs, diffs.items()):
        pair["p_value"] = diff.p_value
        pair["p_holm"] = family[key]["p_holm"]
        pair["outside_family"] = family[key]["outside_family"]
        significant = family[key]["significant_holm"] and diff.estimate is not None
        pair["verdict"] = verdict(diff) if significant else "no significant difference"
        pair["family"] = family[key]["family"]
        pair["joint"] = True
        pair["closed"] = bool(family[key].get("closed"))
    return {"rows": rows, "pairs": pairs + skipped}


def aggregate_document(
    cases: list[dict[str, Any]],
    memory: dict[str, dict[str, Any]] | None = None,
    intervals: bool = True,
    benchmarks: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The document's `aggregates` section; the comparison across models and the judge's agreement are
    computed with the intervals (at the end of the run)."""
    out: dict[str, Any] = {"models": model_rows(cases, memory, intervals), "rag": rag_rows(cases, intervals)}
    if intervals:
        out["comparison"] = model_comparison(cases, memory, benchmarks, rag_table=out["rag"])
        out["judge"] = judge_agreement(cases)
        out["vision"] = vision_rows(cases, memory)
    return out


def vision_rows(cases: list[dict[str, Any]], memory: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The image cases per model and mode (never pooled: an image case run with and without RAG), as the seed's
    OCRBench table: accuracy (`stats.wilson`: mid-p), seconds per sample, samples per second over the wall time of
    its image cases, peak memory, per category. Passed means passed and graded (`_passed`, the summary's rule) in
    the accuracy and in each category alike; seconds per sample are over the graded answers, as the summary's
    latency (an answer whose scoring or judge failed has a timing but is left out there too)."""
    from ..stats import wilson

    memory = memory or {}
    rows = []
    for (model, mode), group in group_by([c for c in cases if c.get("images")], "model", "mode").items():
        passed = sum(_passed(c) for c in group)
        e2e = [v for v in (seconds(c, "e2e_s") for c in scored(group)) if v is not None]
        measured = [c for c in group if not c.get("cached") and not c.get("reused")]  # asked in this run
        spans = [
            (float(c["finished_at"]) - float(c.get("e2e_s") or 0), float(c["finished_at"]))
            for c in measured
            if c.get("finished_at") is not None
        ]
        wall = (max(e for _, e in spans) - min(s for s, _ in spans)) if spans else None
        by_category = sorted(group_by(group, "category").items(), key=lambda kv: str(kv[0]))
        categories = {k[0]: _round(100 * sum(_passed(c) for c in v) / len(v), 1) for k, v in by_category}
        rows.append(
            {
                "model": model,
                "mode": mode,
                "n": len(group),
                "errors": len(group) - len(scored(group)),  # all n: nothing of the model measured (the report says so)
                "accuracy": wilson(passed, len(group)).to_dict(),
                "s_per_sample": _round(_mean(e2e), SECONDS),
                "s_per_sample_n": len(e2e),
                "samples_per_s": _round(len(measured) / wall, SECONDS) if wall else None,
                "peak_memory_mib": (memory.get(model) or {}).get("peak_mib"),
                "memory_source": (memory.get(model) or {}).get("source"),
                "categories": categories,
                "category_n": {k[0]: len(v) for k, v in by_category},
            }
        )
    return rows
