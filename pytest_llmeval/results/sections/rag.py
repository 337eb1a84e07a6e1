"""RAG against no RAG: the uplift of each model with its interval and Holm's correction over the run, by
category, and the retrieval stages' timings.
"""

from __future__ import annotations

from typing import Any

from ..adjusted_floor import adjusted_at_floor
from .elements import FRACTION_BOUNDS, Section, Table, fmt, methods, off_the_bounds, with_interval, with_n
from .summary import in_flight_note, percentile_cell

RAG_HEADERS = [
    "model",
    "n",
    "score no-RAG",
    "score RAG",
    "uplift [95% CI]",
    "pass % no-RAG [95% CI]",
    "pass % RAG [95% CI]",
    "pass change [95% CI]",
    "hit@k",
    "recall@k",
    "MRR",
    "nDCG",
    "BM25/dense overlap",
    "retrieval ms p50",
    "generation ms p50",
    "rerank",
]


def rag_section(doc: dict[str, Any]) -> Section | None:
    rag = doc["aggregates"].get("rag") or []
    if not rag:
        return None
    ran = mode_cases(doc)
    rows = [
        [
            r["model"],
            _paired_n_cell(r, ran),
            off_the_bounds(r.get("score_norag")),  # with n 0: the mode's own mean, as "Models compared" shows it
            off_the_bounds(r.get("score_rag")),
            r.get("not_compared") or (_uplift_cell(r) if _paired(r) else NOT_PAIRED),
            with_interval(r.get("pass_rate_norag"), r.get("pass_rate_norag_interval")),
            with_interval(r.get("pass_rate_rag"), r.get("pass_rate_rag_interval")),
            with_interval(r.get("pass_change"), r.get("pass_change_interval"), sign=True),
            with_n(
                r.get("mean_hit_at_k"),
                r.get("retrieval_n"),
                with_interval(r.get("mean_hit_at_k"), _fraction(r.get("hit_at_k_interval")), 2, bounds=FRACTION_BOUNDS),
            ),
            off_the_bounds(r.get("mean_recall_at_k"), 2, FRACTION_BOUNDS),
            off_the_bounds(r.get("mean_mrr_at_k"), 2, FRACTION_BOUNDS),
            off_the_bounds(r.get("mean_ndcg_at_k"), 2, FRACTION_BOUNDS),
            fmt(r.get("mean_bm25_dense_overlap"), 2),
            with_n(
                r.get("retrieval_ms_p50"),
                r.get("retrieval_ms_n"),
                percentile_cell(
                    r.get("retrieval_ms_p50"),
                    r.get("retrieval_ms_p50_interval"),
                    1,
                    say_n=r.get("retrieval_ms_n") is None,
                ),
            ),
            with_n(
                r.get("generation_ms_p50"),
                r.get("generation_ms_n"),
                percentile_cell(
                    r.get("generation_ms_p50"),
                    r.get("generation_ms_p50_interval"),
                    1,
                    say_n=r.get("generation_ms_n") is None,
                ),
            ),
            "/".join(r.get("rerank") or []) or "-",
        ]
        for r in rag
    ]
    note = (
        "Uplift = mean score with RAG - without, paired over the cases run both ways (n; an errored sample counts "
        "as score 0 and not passed, so a mode gains nothing from the cases it failed), with its 95% "
        f"interval{_how(methods((r.get('uplift_interval') for r in rag), _models(rag)))} and the sign-flip "
        "test's p, in brackets "
        + _uplift_family_words([r.get("uplift_holm") or {} for r in rag])
        + ": 'better' or 'worse with RAG' only where that is at most 0.05 - with several models one interval "
        "leaves out 0 by chance more often than 1 time in 20; pass % = share "
        "of those cases passed (a case asked several times: its share of samples), with its 95% interval"
        f"{_how(methods(_pass_rate_intervals(rag), _pass_rate_labels(rag)))}; pass change = pass rate with RAG - "
        f"without, points, same cases{_how(methods((r.get('pass_change_interval') for r in rag), _models(rag)))}. "
        "Retrieval quality is measured against the documents each case names, over the cases that name them (n "
        "beside hit@k: cases; a case asked several times: its answers averaged first); hit@k with its 95% interval"
        f"{_how(methods(r.get('hit_at_k_interval') for r in rag))}; recall, MRR and nDCG are descriptions of those "
        "same cases, without an interval; overlap is the share of BM25's top-k that the dense retriever also returned. "
        "Retrieval and generation ms: p50 over the answers (n), with its 95% order-statistic interval."
        + in_flight_note(doc)  # generation ms is a latency: measured under the same load as the summary's
        + _paired_note(rag, ran)
    )
    return Section("rag", "RAG: without vs with retrieval", [note], Table(RAG_HEADERS, rows), terminal=True)


def mode_cases(doc: dict[str, Any]) -> dict[tuple[str, str], int]:
    """(model, mode) -> the cases it ran, as the summary counts them (n cases)."""
    return {(a["model"], a.get("mode", "norag")): a["cases"] for a in doc["aggregates"].get("models") or []}


def paired_basis(row: dict[str, Any], ran: dict[tuple[str, str], int]) -> str | None:
    """Why an uplift's n is not the n of the scores beside it: `6 cases run both ways, no-RAG ran 8; on them
    no-RAG 52.5 -> RAG 67.5`; None where every case ran both ways. An uplift of n=6 printed beside a no-RAG score of
    n=8 read as the difference of the two scores shown (57.5 -> 67.5 is +10.0, the table said +15.0)."""
    n = row.get("paired_cases")
    norag, rag = ran.get((row["model"], "norag")), ran.get((row["model"], "rag"))
    if not n or (n == norag and n == rag) or norag is None or rag is None:
        return None
    others = [f"{label} ran {count}" for label, count in (("no-RAG", norag), ("RAG", rag)) if count != n]
    on_them = f"no-RAG {off_the_bounds(row.get('score_norag'))} -> RAG {off_the_bounds(row.get('score_rag'))}"
    return f"{n} cases run both ways, {', '.join(others)}; on them {on_them}"


NOT_PAIRED = "not measured: no case ran both without and with RAG (n = 0)"


def _paired(row: dict[str, Any]) -> bool:
    """Whether a RAG row has a case run both ways; a results.json without the count is taken as it is. A row of n 0
    showed its uplift as `-`, as if not computed for another reason, and its n as a bare 0 beside a RAG score."""
    return row.get("paired_cases") != 0


def _paired_n_cell(row: dict[str, Any], ran: dict[tuple[str, str], int]) -> Any:
    """The RAG table's n: the cases run both ways, and how many each mode ran where those differ."""
    n = row.get("paired_cases")
    norag, rag = ran.get((row["model"], "norag")), ran.get((row["model"], "rag"))
    if n == 0 and (norag or rag):
        return f"0 (of no-RAG {norag or 0}, RAG {rag or 0})"
    if paired_basis(row, ran) is None:
        return n
    return f"{n} (of no-RAG {norag}, RAG {rag})"


def _paired_note(rag: list[dict[str, Any]], ran: dict[tuple[str, str], int]) -> str:
    """A sentence for the models whose modes ran other cases: the scores here are on the cases run both ways, the
    summary's on every case of the mode - two figures for "score no-RAG" that the reader must not take for one."""
    differ = [r["model"] for r in rag if paired_basis(r, ran) is not None]
    if not differ:
        return ""
    return (
        f" {', '.join(differ)}: the modes ran other cases (n: run both ways, of each mode's): score no-RAG and RAG "
        "here are over the cases run both ways only, the summary's over every case of its mode."
    )


def _uplift_cell(row: dict[str, Any]) -> str:
    """A model's uplift with its interval and, where the run has the models' family (`uplift_holm`), its p with the
    Holm-adjusted p and `better` / `worse with RAG` where that is significant: with several models an interval that
    leaves out 0 is not a finding on its own."""
    text = with_interval(row.get("uplift"), row.get("uplift_interval"), sign=True)
    family = row.get("uplift_holm")
    if not family:
        return text
    return text + _uplift_verdict({**family, "uplift": row.get("uplift"), "uplift_interval": row["uplift_interval"]})


def rag_category_section(doc: dict[str, Any]) -> Section | None:
    rag = doc["aggregates"].get("rag") or []
    categories = sorted({c for r in rag for c in r.get("categories", {})})
    if not categories:
        return None
    headers = ["category", *(f"{r['model']} no-RAG / RAG / uplift" for r in rag)]
    rows = []
    for cat in categories:
        cells = []
        for r in rag:
            c = r.get("categories", {}).get(cat)
            if not c:
                cells.append("-")
                continue
            interval = c.get("uplift_interval")
            uplift = with_interval(c["uplift"], interval, sign=True)
            text = with_n(
                c["uplift"], c.get("n"), f"{off_the_bounds(c['norag'])} / {off_the_bounds(c['rag'])} / {uplift}"
            )
            cells.append(text + _uplift_verdict(c))
        rows.append([cat, *cells])
    note = (
        "Per category: mean score without / with RAG and the uplift, paired over the category's cases (n), with "
        "its 95% interval where n allows one (an exact sign-flip test needs at least 6 cases for it); p: the "
        f"sign-flip test's, in brackets after Holm's correction over {_category_family_words(rag)} "
        "that can be significant at their n at all (the smallest two-sided p of n cases is "
        "2/2^n, 0.0625 at n=5: a category of 5 or fewer cases is left out of the family rather than making the "
        "others' threshold stricter - Tarone's rule)"
        + _category_joint_words(rag)
        + ". 'better' or 'worse with RAG' only where the uplift is significant after it "
        "(p Holm <= 0.05): with several categories or models, some category looks significant by chance more often "
        "than 1 time in 20, so an interval that leaves out 0 is not a finding on its own."
    )
    return Section("rag_categories", "RAG uplift per category", [note], Table(headers, rows), level=3)


def _uplift_family_words(verdicts: list[dict[str, Any]]) -> str:
    """How the models' uplifts' p in brackets was adjusted. Tested jointly (`joint`, two or more in the family) the
    uplifts are one unit, and no Holm split is made: "after Holm's correction over the run's models; tested jointly"
    named a correction that was not applied. A results.json written before, or one model alone: Holm's words."""
    in_family = [v for v in verdicts if v.get("p_holm") is not None]
    if any(v.get("joint") for v in verdicts) and len(in_family) > 1:
        return (
            f"after the correction over the {len(in_family)} models whose n can be significant at all: their uplifts "
            "tested jointly on the cases they share (a case's no-RAG and RAG answers swapped in every model at once), "
            "one unit - no Holm split among them"
        )
    return "after Holm's correction over the run's models (those whose n can be significant at all)"


def _category_joint_words(rag: list[dict[str, Any]]) -> str:
    """`; <how>` where the categories were tested jointly (`joint`): a category's uplifts in the models jointly only
    where two or more of them are in the family, Holm across the categories only where two or more categories are -
    one model's categories, or one category of several models, read "tested jointly ..., Holm across the
    categories" for a correction of neither kind. Nothing for a results.json written before."""
    members: dict[str, int] = {}
    joint = False
    for row in rag:
        for name, category in (row.get("categories") or {}).items():
            joint = joint or bool(category.get("joint"))
            if category.get("p_holm") is not None:
                members[name] = members.get(name, 0) + 1
    if not joint or not members:
        return ""
    how = []
    if any(count > 1 for count in members.values()):
        how.append(
            "a category's uplifts in the run's models tested jointly on its cases (a case's no-RAG and RAG answers "
            "swapped in every model at once)"
        )
    if len(members) > 1:
        how.append(f"Holm across the {len(members)} categories")
    return "; " + ", ".join(how) if how else ""


def _models(rag: list[dict[str, Any]]) -> list[str]:
    """The RAG table's row names (its models), for a note's methods."""
    return [str(r["model"]) for r in rag]


def _how(method: str) -> str:
    """` (mid-p exact)` for a note; nothing where no interval was computed (`methods` gave "-")."""
    return "" if method == "-" else f" ({method})"


def _fraction(interval: dict[str, Any] | None) -> dict[str, Any] | None:
    """A rate interval in percent (`stats.wilson`) on the 0-1 scale of the retrieval metrics beside it."""
    if not interval:
        return interval
    return {**interval, **{k: None if interval.get(k) is None else interval[k] / 100 for k in ("low", "high")}}


def _pass_rate_intervals(rag: list[dict[str, Any]]) -> list[Any]:
    """The pass-rate intervals of the RAG table, no-RAG and RAG of each model (for the note's methods)."""
    return [r.get(f"pass_rate_{mode}_interval") for r in rag for mode in ("norag", "rag")]


def _category_family_words(rag: list[dict[str, Any]]) -> str:
    """Which categories the Holm-adjusted p in brackets was corrected over, as the document's own `family` sizes say:
    every model's (one family per run) or, in a results.json written before the run became the family, each model's
    own: re-rendered under the words of the run's family, its per-model p read as corrected over the whole run."""
    in_family = [c for r in rag for c in (r.get("categories") or {}).values() if c.get("p_holm") is not None]
    if in_family and any(c.get("family") != len(in_family) for c in in_family):
        return "the model's own categories (this results.json was written before one family per run)"
    return "the model's categories and every other model's (one family per run)"


def _pass_rate_labels(rag: list[dict[str, Any]]) -> list[str]:
    return [f"{r['model']} {mode}" for r in rag for mode in ("no-RAG", "RAG")]


def _uplift_verdict(category: dict[str, Any]) -> str:
    """`; p 0.016 (Holm 0.062)` and, where significant after Holm's correction over its family (the run's categories,
    or the run's models), `: better with RAG` (or worse); nothing where the uplift (a category's, or a model's) has no
    test (n < 2) or no correction was recorded."""
    from ...stats import p_text

    test = category.get("uplift_interval") or {}
    p, adjusted = test.get("p_value"), category.get("p_holm")
    if p is not None and category.get("outside_family"):
        return (
            f"; p {p_text(p, bool(test.get('p_at_floor')))} (no p at n={test.get('n')} can be significant - the "
            f"smallest is {p_text(test.get('min_p'))}: outside Holm's family)"
        )
    if p is None or adjusted is None:
        return ""
    floor = bool(test.get("p_at_floor"))
    text = f"; p {p_text(p, floor)} (Holm {p_text(adjusted, adjusted_at_floor(p, adjusted, floor))})"
    if category.get("significant_holm") and category.get("uplift"):
        text += f": {'better' if category['uplift'] > 0 else 'worse'} with RAG"
    return text


def rag_stage_section(doc: dict[str, Any]) -> Section | None:
    rag = [r for r in doc["aggregates"].get("rag") or [] if r.get("stages")]
    if not rag:
        return None
    rows = [
        [
            r["model"],
            stage,
            with_n(
                values.get("hit_at_k"), r.get("retrieval_n"), off_the_bounds(values.get("hit_at_k"), 2, FRACTION_BOUNDS)
            ),
            off_the_bounds(values.get("mrr_at_k"), 2, FRACTION_BOUNDS),
            off_the_bounds(values.get("ndcg_at_k"), 2, FRACTION_BOUNDS),
        ]
        for r in rag
        for stage, values in r["stages"].items()
    ]
    return Section(
        "rag_stages",
        "Retrieval quality per stage",
        ["Each stage's own top-k against the documents each case names: which stage earns the uplift."],
        Table(["model", "stage", "hit@k", "MRR", "nDCG"], rows),
        level=3,
    )
