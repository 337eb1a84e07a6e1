"""Models compared: each model's figures side by side, the pairs of models compared case by case, and the
judge's agreement with the keyword scorer.
"""

from __future__ import annotations

import math
from typing import Any

from ...stats.agreement import ORDERING_DRAWS
from .elements import Section, Table, fmt, methods, off_the_bounds, row_names, with_interval, with_n
from .rag import NOT_PAIRED, mode_cases, paired_basis
from .summary import (
    DECODE_NOTE,
    NOT_MEASURED,
    SPEED_NOTE,
    all_errored,
    in_flight_note,
    latency_cell,
    pass_rate_cell,
    percentile_cell,
)


def models_section(doc: dict[str, Any]) -> Section | None:
    """The headline table: one row per model and mode (never pooled across modes), with intervals."""
    comparison = doc["aggregates"].get("comparison") or {}
    rows_in = comparison.get("rows") or []
    if not rows_in:
        return None

    def ci(entry: dict[str, Any] | None, sign: bool = False) -> str:
        if not entry:
            return "-"
        return with_interval(entry.get("estimate"), entry, sign=sign) + f" (n={entry.get('n')})"

    # the summary's row of the same model and mode: its pass rate has its interval and n (the case is the unit);
    # the comparison's own pass_rate is pooled over samples and, with uneven repeats, differed from it
    summary = {(a["model"], a.get("mode", "norag")): a for a in doc["aggregates"].get("models") or []}
    rag_rows = {r["model"]: r for r in doc["aggregates"].get("rag") or []}
    ran = mode_cases(doc)

    def dead(r: dict[str, Any]) -> dict[str, Any] | None:
        """The summary row when every sample of this model and mode errored: nothing was measured of the model."""
        a = summary.get((r["model"], r.get("mode", "norag")))
        return a if a and all_errored(a) else None

    def score_cell(r: dict[str, Any]) -> str:
        a = dead(r)
        if a is not None:  # 0.0 [0.0, 21.5] read as a measured score, beside pairs saying nothing was measured
            return f"{NOT_MEASURED} (n={a.get('cases')})"
        return ci(r.get("score"))

    def uplift_cell(r: dict[str, Any]) -> str:
        rag = (rag_rows.get(r["model"]) or {}) if r.get("mode") == "rag" else {}
        if rag.get("not_compared"):
            return "not compared: a side errored throughout (see the RAG table)"
        if rag.get("paired_cases") == 0:  # `-` read as an uplift not computed for some other reason
            return NOT_PAIRED
        basis = paired_basis(rag, ran) if rag and r.get("uplift") else None
        if basis is None:
            return ci(r.get("uplift"), True)
        # the uplift is over the cases run both ways, not the difference of the two rows' scores (of 8 and 6 cases)
        return with_interval(r["uplift"].get("estimate"), r["uplift"], sign=True) + f" (n={basis})"

    def pass_cell(r: dict[str, Any]) -> str:
        a = summary.get((r["model"], r.get("mode", "norag")))
        if a is None:
            return fmt(r.get("pass_rate"))
        return with_n(a.get("pass_rate"), a.get("cases"), pass_rate_cell(a))

    def ttft_cell(r: dict[str, Any]) -> str:
        a = summary.get((r["model"], r.get("mode", "norag")))
        if a is None:
            return percentile_cell(r.get("ttft_p50_s"), None, 3)
        return latency_cell(a, "ttft_p50_s", 3, always_n=True)  # n answers: the score's n beside it is cases

    rows = [
        [
            r["model"],
            r.get("mode", "-"),
            score_cell(r),
            uplift_cell(r),
            pass_cell(r),
            ttft_cell(r),
            fmt(r.get("decode_tok_s")),
            fmt(r.get("output_throughput")),
            "-" if r.get("peak_memory_mib") is None else f"{r['peak_memory_mib']:.0f} ({r.get('memory_source')})",
        ]
        for r in rows_in
    ]
    headers = [
        "model",
        "mode",
        "score [95% CI]",
        "RAG uplift [95% CI]",
        "pass % [95% CI]",
        "TTFT p50 s [95% CI]",
        "decode tok/s",
        "bench output tok/s",
        "peak mem MiB",
    ]
    note = (
        "One row per model and mode: runs with and without RAG are not pooled. Score: mean over cases (n; an "
        "errored sample counts as 0 here and in the pairs; the summary above leaves it out) with "
        f"its 95% interval ({methods((r.get('score') for r in rows_in), row_names(rows_in))}); uplift (rag rows): "
        "paired per-case difference with RAG - without; pass %: as in the summary (n cases, its interval). "
        + DECODE_NOTE
        + " "
        + SPEED_NOTE
        + in_flight_note(doc)
        + _bench_basis(doc, rows_in)
    )
    models = {r["model"] for r in rows_in}
    return Section(
        "models",
        "Models compared",
        [note],
        Table(headers, rows),
        terminal=len(models) > 1 or any(r.get("uplift") for r in rows_in),
    )


def _bench_basis(doc: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    """Where "bench output tok/s" comes from: the load test's protocol and n, per model (a rate at concurrency 8
    read beside the cases' own decode tok/s as if both were one request's); "" without a benchmark figure."""
    shown = {r["model"] for r in rows if r.get("output_throughput") is not None}
    runs = [b for b in doc.get("benchmarks") or [] if b.get("model") in shown]
    if not runs:
        return ""
    each = "; ".join(
        f"{b['model']}: concurrency {(b.get('config') or {}).get('concurrency')}, "
        f"n={(b.get('summary') or {}).get('completed')} requests completed"
        for b in runs
    )
    return (
        f" bench output tok/s: the throughput benchmark's output tokens per second of all requests together ({each});"
        " the same figure on both modes' rows (the benchmark has no RAG)."
    )


def _p_text(pair: dict[str, Any]) -> str:
    """`0.0312 (0.0312)`: the pair's own p and its adjusted p, written as every p of the reports (`stats.p_text`):
    `<0.00025` at a drawn test's floor, as the RAG table writes the same test's p - this column wrote `0.00025`
    there -, and `-` for what is no p (a NaN or 0 in a hand-edited results.json printed `0 (nan)`)."""
    from ...stats import p_text
    from ..adjusted_floor import adjusted_at_floor

    difference = pair.get("difference") or {}
    p, adjusted = pair.get("p_value", difference.get("p_value")), pair.get("p_holm")
    if p_text(p) == "-":
        return "-"
    floor = bool(difference.get("p_at_floor")) and p == difference.get("p_value")
    return p_text(p, floor) + (
        f" ({p_text(adjusted, adjusted_at_floor(p, adjusted, floor))})" if adjusted is not None else ""
    )


NO_COMMON = "not compared: no case in common"


def _uncompared_pairs(comparison: dict[str, Any]) -> list[dict[str, Any]]:
    """The pairs of models run in the same mode that got no pair row: they share no case (the aggregate skips a
    pair without a common case), which had left them out of the table without a word."""
    rows = comparison.get("rows") or []
    models = list(dict.fromkeys(r["model"] for r in rows))
    modes = {(r["model"], r.get("mode", "norag")) for r in rows}
    have = {(p["a"], p["b"], p.get("mode", "norag")) for p in comparison.get("pairs") or []}
    missing = []
    for i, first in enumerate(models):
        for second in models[i + 1 :]:
            for mode in ("norag", "rag"):
                if (first, mode) in modes and (second, mode) in modes and (first, second, mode) not in have:
                    missing.append({"a": first, "b": second, "mode": mode, "n": 0, "difference": None})
    return missing


def _family_words(tested: list[dict[str, Any]]) -> str:
    """How the p in brackets was adjusted, as the document says: in a results.json written before `joint`, Holm over
    every pair x mode; else what was done - a pair's modes tested jointly only where two of its modes are in the
    family, Holm across the pairs that have a member in it, and the comparisons Tarone's rule left out named. Every
    run said "a pair's modes tested jointly ... Holm across the 3 pair(s)", also with one mode run, with a pair of 4
    cases outside the family (Holm went across 2), and where no comparison's n could reach 0.05 at all."""
    if not any(p.get("joint") for p in tested):
        return f"Holm's correction over the {len(tested)} comparison(s) of this run (p Holm <= 0.05)."
    family = [p for p in tested if p.get("p_holm") is not None]
    outside = [p for p in tested if p.get("outside_family")]
    named = ", ".join(f"{p['b']} - {p['a']} {p['mode']} (n={p['n']})" for p in outside)
    if not family:
        if not outside:  # every comparison of one case: no test at all (p "-")
            return (
                "the correction over the comparisons of this run - here none can be: no comparison has the two "
                "cases a paired test needs (n<2)."
            )
        return (
            f"the correction over the comparisons of this run - here none can be: the {len(outside)} comparison(s) "
            "whose n cannot reach p 0.05 at all (the smallest two-sided p of n cases is 2/2^n, 0.0625 at n=5; no p "
            f"Holm in brackets): {named}."
        )
    units = list(dict.fromkeys((p["a"], p["b"]) for p in family))
    joint = any(sum((p["a"], p["b"]) == unit for p in family) > 1 for unit in units)
    how = []
    if any(p.get("closed") for p in family):
        models = len({name for p in family for name in (p["a"], p["b"])})
        both = len({p["mode"] for p in family}) > 1
        how.append(
            f"a closed test over every grouping of the {models} models (pairs sharing a model tested together: a "
            "case's answers permuted among the models of a group"
            + (", in both modes at once where the group is the same" if both else "")
            + "; a pair's p in brackets the largest of the groupings that join it)"
        )
        joint = False
        units = units[:1]
    if joint:
        how.append(
            "a pair's modes tested jointly on the cases they share (a case's answers of the two models swapped in "
            "both modes at once)"
        )
    if len(units) > 1 or joint:
        how.append(f"Holm across the {len(units)} pair(s)")
    left_out = (
        f"; {len(outside)} comparison(s) whose n cannot reach p 0.05 at all left out of the family (no p Holm in "
        f"brackets): {named}"
        if outside
        else ""
    )
    if not how:  # one comparison in the family: its p is its own
        return (
            "the correction over the comparisons of this run: one comparison's n can reach p 0.05, so its p in "
            f"brackets is its own{left_out} (p Holm <= 0.05)."
        )
    threshold = "adjusted p in brackets" if any(p.get("closed") for p in family) else "p Holm"
    return (
        f"the correction over the {len(family)} comparison(s) of this run in the family: {', '.join(how)}"
        f"{left_out} ({threshold} <= 0.05)."
    )


def _p_header(tested: list[dict[str, Any]]) -> str:
    """The adjusted p's column: "p (Holm)" but where the closed test over the models' groupings adjusted it."""
    return "p (closed test)" if any(p.get("closed") for p in tested) else "p (Holm)"


def model_pairs_section(doc: dict[str, Any]) -> Section | None:
    comparison = doc["aggregates"].get("comparison") or {}
    pairs = comparison.get("pairs") or []
    missing = _uncompared_pairs(comparison)
    if not pairs and not missing:
        return None
    rows = [
        [
            f"{p['b']} - {p['a']}",
            p["mode"],
            p["n"],
            with_interval(p["difference"].get("estimate"), p["difference"], sign=True) if p["difference"] else "-",
            _p_text(p),
            p["verdict"],
        ]
        for p in pairs
    ]
    rows += [[f"{p['b']} - {p['a']}", p["mode"], 0, "-", "-", NO_COMMON] for p in missing]
    names = [f"{row[0]} {row[1]}" for row in rows]
    tested = [p for p in pairs if p.get("difference")]
    how = methods((p.get("difference") for p in pairs), names[: len(pairs)])
    note = (
        "Difference of mean scores, paired per case, with its 95% interval"
        + (f" ({how})" if how != "-" else "")
        + "; an errored sample counts as score 0 here, as in a comparison with a baseline (a model gains nothing "
        "from the cases it failed to answer); 'better' or 'worse' only when the paired test is significant after "
        + _family_words(tested)
    )
    if not tested:  # "with its 95% interval (-)" and "over the 2 comparison(s)" where no pair was tested
        note = "No pair of models was compared: each row says why."
    return Section(
        "model_pairs",
        "Model against model (paired on the same cases)",
        [note],
        Table(["pair", "mode", "n", "difference [95% CI]", _p_header(tested), "verdict"], rows),
        terminal=True,
        level=3,
    )


def judge_section(doc: dict[str, Any]) -> Section | None:
    """The judge's agreement with the keyword scorer, per model and mode; a judge that errored on every answer of a
    model and mode has no figure, and its row says so with its first error (it had no row: the section, or the
    whole of it, was missing, as if no judge had been asked)."""
    rows_in = doc["aggregates"].get("judge") or []
    errored = judge_errors(doc.get("cases") or [])
    failed = judge_failures(errored, {(r["model"], r["mode"]) for r in rows_in})
    if not rows_in and not failed:
        return None
    rows = [
        [
            r["model"],
            r["mode"],
            r["n"],
            off_the_bounds(r.get("mean_keyword_score")),
            off_the_bounds(r.get("mean_judge_score")),
            _agreement(r),
            _cases_n(r, _kappa_cell(r.get("kappa") or {}), r.get("kappa")),
            _cases_n(r, _spearman_cell(r.get("spearman") or {}), r.get("spearman")),
            _judge_errors_cell(r, errored.get((r["model"], r["mode"]))),
        ]
        for r in rows_in
    ]
    rows += [[f["model"], f["mode"], 0, "-", "-", "-", "-", "-", judge_failure_cell(f)] for f in failed]
    return Section(
        "judge",
        "Keyword scorer against the LLM judge",
        [
            "Agreement on pass/fail and on scores, over the answers both graded (n). Keyword and judge score: mean "
            "over cases (a case graded several times: its answers averaged first), as the summary's mean score. Every "
            "interval and p here is "
            "over cases (a case graded several times is one unit, its answers are not independent: its n = cases is "
            "shown where that differs from n). agree %: share of the answers both scorers pass or both fail, with its "
            "95% interval "
            f"({methods(r.get('agreement_interval') for r in rows_in)}; a case graded several times counts its share "
            "of answers once). Cohen's kappa over the answers, with its 95% interval where the raters vary enough for "
            "one: a bootstrap over cases (a case's answers kept together) joined with the interval of the agreement, "
            "so that agreeing on every one of a few cases does not read as certain agreement. Spearman's rho on the "
            "scores (with repeats: on the cases' mean scores), with its 95% interval from 4 cases (Fisher z with the "
            "Bonett-Wright variance; a perfect order taken as one swap short of it, so that it is not certain at any "
            "n) and its p (from the orderings of the cases: every one up to 8 cases, 20,000 drawn up to 30).",
            *([FAILED_JUDGE_NOTE] if failed else []),
            *(
                [SOME_ERRORS_NOTE]
                if any(r.get("judge_errors") and (r["model"], r["mode"]) in errored for r in rows_in)
                else []
            ),
        ],
        Table(
            [
                "model",
                "mode",
                "n",
                "keyword score",
                "judge score",
                "agree % [95% CI]",
                "kappa [95% CI]",
                "spearman",
                "judge errors",
            ],
            rows,
        ),
        terminal=True,
    )


FAILED_JUDGE_NOTE = (
    "A row with n = 0: the judge errored on every answer of that model and mode, so it graded none and there is "
    "no figure to give; its judge errors say on how many answers and the first error (secrets hidden). Fix what "
    "the error names (the judge's URL, model or key) and grade the run again: python -m pytest_llmeval rescore RUN "
    "--llm-judge URL@MODEL."
)
SOME_ERRORS_NOTE = (
    "judge errors: on how many of the answers it was given the judge errored, with the first error (secrets hidden); "
    "the figures are of the answers it graded. Fix what the error names and grade the run again: python -m "
    "pytest_llmeval rescore RUN --llm-judge URL@MODEL."
)
FIRST_ERROR_CHARS = 200  # how much of a judge's first error its row shows


def _judge_errors_cell(row: dict[str, Any], errored: dict[str, Any] | None) -> Any:
    """`errored on 2 of 14 answers (first: ...)` where the judge errored on some answers of the row's model and mode
    (a bare 2 said neither of how many nor what); the aggregate's count where the records do not tell (0 or none)."""
    count = row.get("judge_errors", 0)
    if not count or errored is None:
        return count
    return judge_failure_cell(errored)


def judge_failures(
    errored: dict[tuple[str, str], dict[str, Any]], graded: set[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Of `errored` (`judge_errors`), each model and mode whose every judged answer has a judge error and no grade
    (not in `graded`, the judge rows of the aggregates): {model, mode, errors, answers, first_error}, the first
    error as it was recorded."""
    return [failed for key, failed in errored.items() if key not in graded and failed["graded"] == 0]


def judge_errors(cases: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Each model and mode where the judge errored on an answer: {model, mode, errors, answers, graded,
    first_error} - answers the judge was given, those it graded, the first error as it was recorded."""
    from ..aggregate import group_by

    # every record: an answer the judge failed on is the case's error (stage "judge"), with no score
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for (model, mode), group in group_by(cases, "model", "mode").items():
        judged = [c["judge"] for c in group if isinstance(c.get("judge"), dict)]
        errors = [j for j in judged if j.get("error")]
        if errors:
            out[(model, mode)] = {
                "model": model,
                "mode": mode,
                "errors": len(errors),
                "answers": len(judged),
                "graded": sum(1 for j in judged if j.get("score") is not None),
                "first_error": str(errors[0]["error"]),
            }
    return out


def judge_failure_cell(failed: dict[str, Any]) -> str:
    """`errored on 14 of 14 answers (first: HTTP 401 ...)`: the first error with every secret hidden - the keys this
    process knows, a credential a header or key field carries, a URL's userinfo and query -, on one line, cut."""
    from ...serving.client import hide_secrets

    first = " ".join(hide_secrets(str(failed["first_error"])).split())
    if len(first) > FIRST_ERROR_CHARS:
        first = first[: FIRST_ERROR_CHARS - 3] + "..."
    return f"errored on {failed['errors']} of {failed['answers']} answers (first: {first})"


KAPPA_UNDEFINED = "undefined: a scorer gave every answer the same verdict (see agree %)"


def _kappa_cell(entry: dict[str, Any]) -> str:
    """kappa with its interval; where it is undefined (a scorer passed or failed every answer), why - a bare `-`
    beside agree % 100.0 read as a statistic lost, not as one the data cannot give."""
    if entry.get("value") is None and "undefined" in str(entry.get("method") or ""):
        return KAPPA_UNDEFINED
    return with_interval(entry.get("value"), entry, 2)


def _spearman_cell(entry: dict[str, Any]) -> str:
    """rho with its interval (`[no 95% interval at n=3]` below 4 cases) and p; where it is undefined, why: fewer
    than 3 cases, or one scorer's scores all alike."""
    if entry.get("value") is None and "undefined" in str(entry.get("method") or ""):
        n = entry.get("n")
        if isinstance(n, int) and n < 3:
            return f"undefined at n={n}: needs 3 cases"
        return "undefined: a scorer gave every answer the same score"
    return with_interval(entry.get("value"), entry, 2) + _spearman_p(entry)


def _spearman_p(entry: dict[str, Any]) -> str:
    """` (p=0.012)`; where the p (scipy's, from the t distribution) is below the smallest p any ordering of n cases
    can give (2 / n!: the two perfect orderings), that smallest p: rho 1.00 of 3 cases printed `(p=0)`, where the
    exact p is 0.33; "" without a p."""
    p, n = entry.get("p_value"), entry.get("n")
    if p is None:
        return ""
    floor = 2 / math.factorial(n) if isinstance(n, int) and 0 < n <= 20 else 0.0
    if p < floor:
        return f" (p={floor:.2g} at least: no p of {n} cases is smaller)"
    if "Monte Carlo" in str(entry.get("method")) and p <= 1.5 / (ORDERING_DRAWS + 1):
        # at the sampled orderings' floor 1 / (draws + 1), the p says "at most this" (stored rounded to 6 digits)
        return f" (p<{1 / (ORDERING_DRAWS + 1):.2g}, {ORDERING_DRAWS} orderings)"
    return f" (p={p:.2g})"


def _cases_n(row: dict[str, Any], text: str, entry: dict[str, Any] | None) -> str:
    """A judge statistic's text, with its n = cases where that is not the row's n (answers, with repeats)."""
    n = (entry or {}).get("n")
    return text if n is None or n == row.get("n") or text == "-" else f"{text} (n={n} cases)"


def _agreement(row: dict[str, Any]) -> str:
    """agree % with its interval, and the interval's n where it is not the row's (cases, with repeats)."""
    interval = row.get("agreement_interval")
    text = with_interval(row.get("agreement_pct"), interval)
    n = (interval or {}).get("n")
    return text if n is None or n == row.get("n") else f"{text} (n={n} cases)"
