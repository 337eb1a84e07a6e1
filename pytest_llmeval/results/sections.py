"""The report model: one list of sections built from the results document. The terminal, Markdown
and HTML renderers all render this list; they differ only in format and in which sections they show
(`Section.terminal`: the short terminal summary).
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


def _no_negative_zero(text: str) -> str:
    """`-0.0` (a bound a hair below zero, rounded) read as garbled beside `+19.0`: zero has no sign."""
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text


def fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return _no_negative_zero(f"{value:.{digits}f}")
    return str(value)


def signed(value: Any, digits: int = 1) -> str:
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
    text = signed(value, digits) if sign else fmt(value, digits)
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


def _row_names(rows: list[dict[str, Any]]) -> list[str]:
    """A summary row's name in a note: its model, and its mode where the run has both."""
    both = len({r.get("mode", "norag") for r in rows}) > 1
    return [f"{r['model']} {r.get('mode', 'norag')}" if both else str(r["model"]) for r in rows]


def _iv(agg: dict[str, Any], name: str) -> dict[str, Any] | None:
    return (agg.get("intervals") or {}).get(name)


def _memory(agg: dict[str, Any]) -> str:
    if agg.get("peak_memory_mib") is None:
        return "-"
    return f"{agg['peak_memory_mib']:.0f} ({agg.get('memory_source')})"


DECODE_NOTE = (
    "decode tok/s = sum(output tokens - 1) / sum(E2E - TTFT) over the answers (token-weighted; per case: 1 / TPOT)."
)

SUMMARY_HEADERS = [
    "model",
    "mode",
    "n cases",
    "samples",
    "errors",
    "pass % [95% CI]",
    "mean score [95% CI]",
    "TTFT p50 s [95% CI]",
    "E2E p50 s [95% CI]",
    "decode tok/s",
    "peak mem MiB",
]

SPEED_NOTE = (
    "Latency p50 over the timed answers with its 95% order-statistic interval (n = samples where no n is shown "
    "beside it: an errored answer and one from the cache have no timing); decode tok/s and latency are "
    "of this one run: a run varies as a whole (machine, load), which one run cannot measure - the run is the unit of "
    "speed, so compare speeds between runs, at equal settings, not by these intervals."
)


def percentile_cell(value: Any, interval: dict[str, Any] | None, digits: int, say_n: bool = True) -> str:
    """`0.120 [0.100, 0.150]`; an open end as `open`; `too few values (n=..)` where the n gives no estimate;
    `0.120 [no 95% interval at n=3]` where n gives no bound at all (a median of 1-5 answers was printed bare, as
    if it were as sure as one of 50). `say_n` False: `[no 95% interval]`, for a cell that says its n after it."""
    if value is None:
        if interval and interval.get("method", "").startswith("too few"):
            return str(interval["method"]).split(":")[0]
        return "-"
    missing = no_interval(interval, say_n)
    if missing is not None:
        return f"{fmt(value, digits)} {missing}"
    if not interval or (interval.get("low") is None and interval.get("high") is None):
        return fmt(value, digits)
    low, high = (fmt(float(v), digits) if v is not None else "open" for v in (interval["low"], interval["high"]))
    return f"{fmt(value, digits)} [{low}, {high}]"


def latency_cell(agg: dict[str, Any], name: str, digits: int, always_n: bool = False) -> str:
    """A summary row's latency percentile with its interval and, where it is over fewer answers than the row's
    samples (errors and cache hits have no timing) or `always_n`, its n: `0.131 [0.108, 0.148] (n=36 answers)`."""
    interval = _iv(agg, name)
    mean = "mean_ttft_s" if name.startswith("ttft") else "mean_e2e_s"
    value = agg.get(name, agg.get(mean))
    n = (interval or {}).get("n")
    if n is None or (n == agg.get("samples") and not always_n):
        return percentile_cell(value, interval, digits)
    text = percentile_cell(value, interval, digits, say_n=False)  # its n once, with its unit, after it
    return text if text == "-" or text.startswith("too few") else f"{text} (n={n} answers)"


NOT_MEASURED = "not measured: every case errored"


def all_errored(agg: dict[str, Any]) -> bool:
    """Every sample of a summary row (one model and mode) errored: its server failed, nothing of the model was
    measured."""
    return bool(agg.get("samples")) and agg.get("errors") == agg.get("samples")


def pass_rate_cell(agg: dict[str, Any]) -> str:
    """A summary row's pass rate with its interval; `not measured: every case errored` where every sample errored:
    `0.0 [0.0, 39.3]` read as a measured 0% beside a mean score of `-` and pairs that say nothing was measured."""
    if all_errored(agg):
        return NOT_MEASURED
    return with_interval(agg.get("pass_rate"), _iv(agg, "pass_rate"))


def in_flight_note(doc: dict[str, Any]) -> str:
    """What the latency and decode figures include when cases ran concurrently (--llm-concurrency); "" when not."""
    in_flight = sorted({c["in_flight"] for c in doc.get("cases") or [] if c.get("in_flight")})
    if not in_flight:
        return ""
    return (
        f" Latency measured with {'/'.join(map(str, in_flight))} cases in flight per process "
        "(--llm-concurrency): TTFT, E2E and decode tok/s include the batching; compare them only with runs "
        "at the same concurrency."
    )


def summary_section(doc: dict[str, Any]) -> Section:
    aggs = doc["aggregates"]["models"]
    if not aggs:
        return Section("summary", "Summary per model", ["No case finished."], terminal=True)
    rows = [
        [
            a["model"],
            a["mode"],
            a["cases"],
            a.get("samples", a["cases"]),
            a.get("errors", 0),
            pass_rate_cell(a),
            with_interval(a.get("mean_score"), _iv(a, "mean_score")),
            latency_cell(a, "ttft_p50_s", 3),
            latency_cell(a, "e2e_p50_s", 2),
            fmt(a.get("decode_tok_s")),
            _memory(a),
        ]
        for a in aggs
    ]
    note = (
        "n cases = distinct cases; samples = cases x repeats; errors have no score and count as not passed. "
        "95% intervals, the case is the unit (with repeats its samples are averaged first): mean score "
        f"{methods((_iv(a, 'mean_score') for a in aggs), _row_names(aggs))}; pass rate "
        f"{methods((_iv(a, 'pass_rate') for a in aggs), _row_names(aggs))}. "
        f"{DECODE_NOTE} {SPEED_NOTE}"
    )
    note += in_flight_note(doc)  # --llm-concurrency: each request shared the server with others
    return Section("summary", "Summary per model", [note], Table(SUMMARY_HEADERS, rows), terminal=True)


def answer_health_section(doc: dict[str, Any]) -> Section | None:
    """Empty answers and answers cut at the token limit, per model and mode, when there are any: both score like
    wrong answers, and neither says what the model knows."""
    from .answer_health import EMPTY_FIX, answer_health

    health = [h for h in answer_health(doc.get("cases") or []) if h.empty or h.cut or h.repeated]
    if not health:
        return None
    default = (doc["run"].get("settings") or {}).get("max_tokens")
    lines = []
    for h in health:
        limits = sorted({int(n or default or 0) for n in h.budgets})
        max_tokens = ", ".join(str(n) for n in limits if n) or default
        if h.empty:
            lines.append(f"{h.label}: {h.empty} of {h.answered} answers empty - {EMPTY_FIX}.")
        if h.repeated:
            lines.append(
                f"{h.label}: {h.same} different cases got one identical answer - the model may not see the question "
                "(a prompt template that drops it, a server answering from the wrong cache); read a few answers."
            )
        if h.cut:
            lines.append(
                f"{h.label}: {h.cut} of {h.answered} answers cut at the token limit (finish_reason length; max_tokens "
                f"{max_tokens}) - their scores measure the limit too: raise --llm-max-tokens (or the case's "
                "max_tokens) if the answers need more."
            )
    return Section("answer_health", "Answers that say little", lines, terminal=True)


def category_section(doc: dict[str, Any]) -> Section | None:
    aggs = doc["aggregates"]["models"]
    categories = sorted({c for a in aggs for c in a.get("categories", {})})
    if not categories:
        return None
    headers = ["category", *(f"{a['model']} ({a['mode']})" for a in aggs)]
    rows = [
        [
            cat,
            *(
                _with_n(
                    a["categories"].get(cat),
                    (a.get("category_cases") or {}).get(cat),
                    with_interval(a["categories"].get(cat), (a.get("category_intervals") or {}).get(cat)),
                )
                for a in aggs
            ),
        ]
        for cat in categories
    ]
    how = methods(iv for a in aggs for iv in (a.get("category_intervals") or {}).values())
    note = (
        "Mean score of the category's cases (n = cases scored; with repeats a case's samples are averaged first), "
        f"with its 95% interval ({how}); a category holds few cases, so these are "
        "descriptions, not comparisons: the run's comparisons are in the summary and the pairs."
    )
    return Section("categories", "Mean score per category", [note], Table(headers, rows), terminal=True)


def _with_n(value: Any, n: Any, text: str | None = None) -> str:
    """`53.3 (n=3)`; the value alone when n is unknown (a results.json written before n was recorded)."""
    shown = fmt(value) if text is None else text
    return shown if n is None or value is None else f"{shown} (n={n})"


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
    rows = [
        [
            r["model"],
            r.get("paired_cases"),
            fmt(r.get("score_norag")),
            fmt(r.get("score_rag")),
            r.get("not_compared") or _uplift_cell(r),
            with_interval(r.get("pass_rate_norag"), r.get("pass_rate_norag_interval")),
            with_interval(r.get("pass_rate_rag"), r.get("pass_rate_rag_interval")),
            with_interval(r.get("pass_change"), r.get("pass_change_interval"), sign=True),
            _with_n(
                r.get("mean_hit_at_k"),
                r.get("retrieval_n"),
                with_interval(r.get("mean_hit_at_k"), _fraction(r.get("hit_at_k_interval")), 2),
            ),
            fmt(r.get("mean_recall_at_k"), 2),
            fmt(r.get("mean_mrr_at_k"), 2),
            fmt(r.get("mean_ndcg_at_k"), 2),
            fmt(r.get("mean_bm25_dense_overlap"), 2),
            _with_n(
                r.get("retrieval_ms_p50"),
                r.get("retrieval_ms_n"),
                percentile_cell(
                    r.get("retrieval_ms_p50"),
                    r.get("retrieval_ms_p50_interval"),
                    1,
                    say_n=r.get("retrieval_ms_n") is None,
                ),
            ),
            _with_n(
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
        f"interval ({methods((r.get('uplift_interval') for r in rag), (r['model'] for r in rag))}) and the sign-flip "
        "test's p, in brackets after Holm's correction over the run's models (those whose n can be significant at "
        "all): 'better' or 'worse with RAG' only where that is at most 0.05 - with several models one interval "
        "leaves out 0 by chance more often than 1 time in 20; pass % = share "
        "of those cases passed (a case asked several times: its share of samples), with its 95% interval "
        f"({methods(_pass_rate_intervals(rag), _pass_rate_labels(rag))}); pass change = pass rate with RAG - without, "
        f"points, same cases ({methods((r.get('pass_change_interval') for r in rag), (r['model'] for r in rag))}). "
        "Retrieval quality is measured against the documents each case names, over the cases that name them (n "
        "beside hit@k: cases; a case asked several times: its answers averaged first); hit@k with its 95% interval"
        f"{_how(methods(r.get('hit_at_k_interval') for r in rag))}; recall, MRR and nDCG are descriptions of those "
        "same cases, without an interval; overlap is the share of BM25's top-k that the dense retriever also returned. "
        "Retrieval and generation ms: p50 over the answers (n), with its 95% order-statistic interval."
    )
    return Section("rag", "RAG: without vs with retrieval", [note], Table(RAG_HEADERS, rows), terminal=True)


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
            text = _with_n(c["uplift"], c.get("n"), f"{fmt(c['norag'])} / {fmt(c['rag'])} / {uplift}")
            cells.append(text + _uplift_verdict(c))
        rows.append([cat, *cells])
    note = (
        "Per category: mean score without / with RAG and the uplift, paired over the category's cases (n), with "
        "its 95% interval where n allows one (an exact sign-flip test needs at least 6 cases for it); p: the "
        f"sign-flip test's, in brackets after Holm's correction over {_category_family_words(rag)} "
        "that can be significant at their n at all (the smallest two-sided p of n cases is "
        "2/2^n, 0.0625 at n=5: a category of 5 or fewer cases is left out of the family rather than making the "
        "others' threshold stricter - Tarone's rule). "
        "'better' or 'worse with RAG' only where the uplift is significant after it "
        "(p Holm <= 0.05): with several categories or models, some category looks significant by chance more often "
        "than 1 time in 20, so an interval that leaves out 0 is not a finding on its own."
    )
    return Section("rag_categories", "RAG uplift per category", [note], Table(headers, rows), level=3)


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
    from ..stats import p_text

    test = category.get("uplift_interval") or {}
    p, adjusted = test.get("p_value"), category.get("p_holm")
    if p is not None and category.get("outside_family"):
        return (
            f"; p {p_text(p, bool(test.get('p_at_floor')))} (no p at n={test.get('n')} can be significant - the "
            f"smallest is {p_text(test.get('min_p'))}: outside Holm's family)"
        )
    if p is None or adjusted is None:
        return ""
    text = f"; p {p_text(p, bool(test.get('p_at_floor')))} (Holm {p_text(adjusted)})"
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
            _with_n(values.get("hit_at_k"), r.get("retrieval_n"), fmt(values.get("hit_at_k"), 2)),
            fmt(values.get("mrr_at_k"), 2),
            fmt(values.get("ndcg_at_k"), 2),
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


CASE_HEADERS = [
    "model",
    "mode",
    "case",
    "sample",
    "category",
    "score",
    "result",
    "missing",
    "echoed",
    "TTFT s",
    "decode tok/s",
    "output tok",
    "hit@k",
    "retrieval ms",
]


def case_result(c: dict[str, Any]) -> str:
    status = (c.get("rescore") or {}).get("status")
    if status == "changed":
        return "NOT GRADED (asked differently now)"
    if status == "missing":
        return "NOT GRADED (no such case now)"
    if c.get("error"):
        return f"ERROR ({c['error'].get('type')})"
    return ("pass" if c.get("passed") else "FAIL") + (" (cached)" if c.get("cached") else "")


def cases_section(doc: dict[str, Any]) -> Section:
    rows = [
        [
            c["model"],
            c.get("mode", "norag"),
            c["scenario_id"],
            c.get("sample", 0),
            c.get("category"),
            fmt(c.get("score")),
            case_result(c),
            ", ".join(c.get("missing") or []) or "-",
            ", ".join(c.get("echoed") or []) or "-",
            fmt(c.get("ttft_s"), 3),
            fmt(c.get("decode_tok_s")),
            c.get("output_tokens", "-"),
            fmt((c.get("retrieval") or {}).get("hit_at_k"), 2),
            fmt(c.get("retrieval_ms")),
        ]
        for c in doc["cases"]
    ]
    return Section("cases", "Cases", [], Table(CASE_HEADERS, rows))


def launches_section(doc: dict[str, Any]) -> Section | None:
    launches = doc["run"].get("launches") or []
    if not launches:
        return None
    rows = [
        [
            x.get("model"),
            x.get("pid"),
            x.get("port"),
            fmt(x.get("ready_s")),
            x.get("exit_code", "-"),
            x.get("error") or "-",
            x.get("log") or x.get("base_url") or "-",
        ]
        for x in launches
    ]
    return Section(
        "launches", "Server launches", [], Table(["model", "pid", "port", "ready s", "exit code", "error", "log"], rows)
    )


def failed_cases_section(doc: dict[str, Any]) -> Section | None:
    failed = [c for c in doc["cases"] if not c.get("passed")]
    if not failed:
        return None
    paragraphs = []
    for c in failed:
        head = f"**{c['model']} / {c.get('mode', 'norag')} / {c['scenario_id']}** - "
        if c.get("error"):
            err = c["error"]
            paragraphs.append(head + f"error {err.get('type')}: {err.get('message')}")
            continue
        excerpt = (c.get("answer") or "").replace("\n", " ")[:300]
        paragraphs.append(
            head + f"score {fmt(c.get('score'))}; covered: {', '.join(c.get('covered') or []) or '-'}; "
            f"missing: {', '.join(c.get('missing') or []) or '-'}; echoed (not counted): "
            f"{', '.join(c.get('echoed') or []) or '-'}; forbidden claims present: "
            f"{', '.join(c.get('forbidden_found') or []) or '-'}; answer excerpt: {excerpt!r}"
        )
    return Section("failed", "Failed cases", paragraphs)


def scenario_notes_section(doc: dict[str, Any]) -> Section | None:
    """Key points found in their own question or system prompt or covered by any answer, and cases a non-answer
    passes (evaluation/lint.py)."""
    found = (doc.get("run") or {}).get("free_points") or []
    if not found:
        return None
    given = sum(1 for f in found if f.get("in") in ("question", "system"))
    anyway = len(found) - given
    text = []
    if given:
        text.append(
            f"{given} key point(s) appear in their own question or system prompt: an answer that only repeats the "
            "question covers them."
        )
    if anyway:
        text.append(
            f"{anyway} key point(s) or case(s) any answer gets: points that a non-answer such as '我不知道。' covers, "
            "and cases that a non-answer passes."
        )
    notes = [
        " ".join(text) + " They add to every model's score alike and can pass a case no model understood. Fix: "
        "make the key point what the answer must add (the number, the reason), raise the threshold, or add a "
        "forbidden claim for the wrong choice."
    ]
    rows = [[f["case"], f["point"], f["form"], f["in"], f.get("source") or "-"] for f in found]
    return Section(
        "scenario_notes", "Scenario notes", notes, Table(["case", "key point", "found as", "in", "file"], rows)
    )


def run_header_lines(doc: dict[str, Any]) -> list[str]:
    run = doc["run"]
    settings = run.get("settings", {})
    hw = run.get("hardware", {})
    gpus = ", ".join(f"{g.get('name')} ({g.get('memory_gib')} GiB)" for g in hw.get("gpus") or []) or "no GPU"
    lines = [
        f"status: {run.get('status')}, started {run.get('started_at')}, finished {run.get('finished_at', '-')}",
        f"models: {', '.join(run.get('models', [])) or '-'}",
        f"plugin {run.get('plugin_version')}, git commit {run.get('git_commit') or '-'}",
        f"hardware: {hw.get('cpu', '?')} x{hw.get('cpu_count', '?')}, {hw.get('memory_gib', '?')} GiB RAM, {gpus}",
        f"settings: max_tokens {settings.get('max_tokens')}, temperature {settings.get('temperature')}, "
        f"thinking {settings.get('thinking')}",
    ]
    if hw.get("differs_between_shards"):
        lines.append(
            f"hardware differs between shards ({', '.join(hw['differs_between_shards'])}): the speed figures pool "
            "several machines; each shard's hardware is in run.merged_from"
        )
    speed = settings.get("speed")
    if speed:
        warmups = run.get("warmup") or []
        lines.append(
            f"speed settings: xdist workers {speed.get('xdist_workers')}, concurrency {settings.get('concurrency')}, "
            f"warm-up {speed.get('warmup')} per model and process ({len(warmups)} sent, excluded), "
            f"cache_salt {speed.get('cache_salt')}"
        )
    for degraded in run.get("degraded") or []:
        lines.append(f"DEGRADED: the server of {degraded.get('model')} died (exit code {degraded.get('exit_code')})")
    cached = sum(1 for c in doc.get("cases") or [] if c.get("cached"))
    if cached:
        lines.append(
            f"cached: {cached} of {len(doc.get('cases') or [])} answers from --llm-cache (marked in the cases; no "
            "timing, left out of latency, throughput and cost)"
        )
    rescored = run.get("rescored")
    if rescored:
        counts = ", ".join(f"{n} {status}" for status, n in sorted((rescored.get("counts") or {}).items()))
        lines.append(f"RE-SCORED from {rescored.get('from')} at {rescored.get('at')} (no model asked): {counts}")
        if rescored.get("changed"):
            lines.append(
                f"not graded, asked differently now (run the model again): {', '.join(rescored['changed'])}; "
                "left out of the aggregates"
            )
        missing = [c for c in doc.get("cases") or [] if (c.get("rescore") or {}).get("status") == "missing"]
        if missing:
            named = rescored.get("missing") or []
            lines.append(
                f"not graded, no such case in the scenario files now: {len(missing)} record(s)"
                + (f" ({', '.join(named[:10])}{', ...' if len(named) > 10 else ''})" if named else "")
                + "; left out of the aggregates"
            )
        if rescored.get("not_in_run"):
            lines.append(f"cases not in the run (no answer to grade): {', '.join(rescored['not_in_run'])}")
        if rescored.get("context_changed"):
            lines.append(
                "RAG answers asked from a knowledge base that has changed since, or retrieved by an embedder or "
                "reranker that has (graded as answered; run the model again to measure today's context): "
                + ", ".join(rescored["context_changed"])
            )
        if rescored.get("template_changed"):
            lines.append(
                "RAG answers asked with a prompt template that has changed since (graded as answered; run the model "
                "again to measure today's prompt): " + ", ".join(rescored["template_changed"])
            )
        if rescored.get("stale_verdicts"):
            lines.append(
                "judge verdicts kept from the run although the case changed since (grade again with --llm-judge): "
                + ", ".join(rescored["stale_verdicts"])
            )
    return lines


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
        reason = (rag_rows.get(r["model"]) or {}).get("not_compared") if r.get("mode") == "rag" else None
        return "not compared: a side errored throughout (see the RAG table)" if reason else ci(r.get("uplift"), True)

    def pass_cell(r: dict[str, Any]) -> str:
        a = summary.get((r["model"], r.get("mode", "norag")))
        if a is None:
            return fmt(r.get("pass_rate"))
        return _with_n(a.get("pass_rate"), a.get("cases"), pass_rate_cell(a))

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
        f"its 95% interval ({methods((r.get('score') for r in rows_in), _row_names(rows_in))}); uplift (rag rows): "
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
    p, adjusted = pair.get("p_value", (pair.get("difference") or {}).get("p_value")), pair.get("p_holm")
    if p is None:
        return "-"
    return f"{p:.3g}" + (f" ({adjusted:.3g})" if adjusted is not None else "")


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
        f"Holm's correction over the {len(tested)} comparison(s) of this run (p Holm <= 0.05)."
    )
    if not tested:  # "with its 95% interval (-)" and "over the 2 comparison(s)" where no pair was tested
        note = "No pair of models was compared: each row says why."
    return Section(
        "model_pairs",
        "Model against model (paired on the same cases)",
        [note],
        Table(["pair", "mode", "n", "difference [95% CI]", "p (Holm)", "verdict"], rows),
        terminal=True,
        level=3,
    )


def judge_section(doc: dict[str, Any]) -> Section | None:
    rows_in = doc["aggregates"].get("judge") or []
    if not rows_in:
        return None
    rows = [
        [
            r["model"],
            r["mode"],
            r["n"],
            fmt(r.get("mean_keyword_score")),
            fmt(r.get("mean_judge_score")),
            _agreement(r),
            _cases_n(r, with_interval((r.get("kappa") or {}).get("value"), r.get("kappa"), 2), r.get("kappa")),
            _cases_n(
                r,
                fmt((r.get("spearman") or {}).get("value"), 2) + _spearman_p(r.get("spearman") or {}),
                r.get("spearman"),
            ),
            r.get("judge_errors", 0),
        ]
        for r in rows_in
    ]
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
            "scores (with repeats: on the cases' mean scores), with its p."
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


def baseline_sections(doc: dict[str, Any]) -> list[Section]:
    if not doc.get("comparison"):
        return []
    from ..compare.render import comparison_sections

    return comparison_sections(doc["comparison"])


def cost_section(doc: dict[str, Any]) -> Section | None:
    cost = doc.get("cost")
    if not cost:
        return None
    rows_in = cost.get("rows") or []
    cur = rows_in[0]["currency"] if rows_in else ""
    rows = [
        [
            r["model"],
            r.get("mode", "all"),
            r["n"],
            fmt(r.get("mean_prompt_tokens"), 0),
            fmt(r.get("mean_output_tokens"), 0),
            fmt(r.get("requests_per_hour"), 0),
            r["throughput_basis"],
            fmt(r.get("local_per_1k"), 3),
            fmt(r.get("api_per_1k"), 3),
            "-" if r.get("break_even_requests_per_day") is None else f"{r['break_even_requests_per_day']:,.0f}",
        ]
        for r in rows_in
    ]
    notes = [
        f"Prices from {cost.get('prices')}; GPU {rows_in[0]['gpu']} at {rows_in[0]['gpu_cost_per_hour']:.3f} "
        f"{cur}/h ({rows_in[0]['gpu_cost_basis']})."
        if rows_in
        else "No case finished."
    ]
    if rows_in:
        notes.append(
            "n = answers measured in this run (scored, not from the cache); prompt and output tok: their means "
            "(descriptions, no interval); requests/h, the costs and the break-even are of this one run (the run is "
            "the unit of speed). A model run without and with RAG gets a row per mode (mode 'all': one mode ran)."
        )
    notes += [f"{r['model']}{' ' + r['mode'] if r.get('mode') else ''}: {r['verdict']}." for r in rows_in]
    headers = [
        "model",
        "mode",
        "n answers",
        "prompt tok",
        "output tok",
        "requests/h",
        "throughput from",
        f"local {cur}/1k req",
        f"API {cur}/1k req",
        "break-even requests/day",
    ]
    return Section(
        "cost", "Cost per 1,000 requests: local GPU against the API", notes, Table(headers, rows), terminal=True
    )


def sizing_section(doc: dict[str, Any]) -> Section | None:
    rows_in = doc.get("sizing") or []
    if not rows_in:
        return None
    rows = []
    for r in rows_in:
        est = r.get("estimate") or {}
        rows.append(
            [
                r["model"],
                fmt(r.get("weights_gib"), 2),
                f"{r['kv_bytes_per_token']:,}",
                "-" if not est else f"{est.get('kv_capacity_tokens'):,}",
                "-" if not est else ("yes" if est.get("fits") else "no"),
                fmt(r.get("expected_gpu_mib") or (r.get("cpu_kv_cache_gib") or 0) * 1024 + r["weights_gib"] * 1024, 0),
                f"{fmt(r.get('measured_peak_mib'), 0)} ({r.get('measured_source') or 'none'})",
            ]
        )
    headers = [
        "model",
        "weights GiB",
        "KV bytes/token",
        "KV tokens (est.)",
        "fits",
        "expected MiB",
        "measured peak MiB",
    ]
    return Section(
        "sizing",
        "Sizing estimate against measured memory",
        [r["explanation"] for r in rows_in[:1]],
        Table(headers, rows),
    )


def vision_section(doc: dict[str, Any]) -> Section | None:
    rows_in = doc["aggregates"].get("vision") or []
    if not rows_in:
        return None
    rows = [
        [
            r["model"],
            r.get("mode", "-"),
            r["n"],
            NOT_MEASURED
            if r.get("n") and r.get("errors") == r["n"]
            else with_interval(r["accuracy"].get("estimate"), r["accuracy"]),
            _s_per_sample(r),
            speed_figure(r.get("samples_per_s")),
            "-" if r.get("peak_memory_mib") is None else f"{r['peak_memory_mib']:.0f} ({r.get('memory_source')})",
            ", ".join(
                _with_n(v, (r.get("category_n") or {}).get(k), f"{k} {fmt(v)}")
                for k, v in (r.get("categories") or {}).items()
            ),
        ]
        for r in rows_in
    ]
    return Section(
        "vision",
        "Vision: image cases",
        [
            "One row per model and mode (an image case run with and without RAG is not pooled). Accuracy = share of "
            "image answers passed and graded (OCRBench rule or exact match; an errored answer counts as not passed), "
            f"with its 95% interval over n ({methods(r.get('accuracy') for r in rows_in)}; n = image answers: a case "
            "asked several times counts each answer); s/sample: mean E2E of the graded timed answers (n shown where "
            "fewer than n: a cached or errored one is left out, as in the summary's latency); samples/s "
            f"over the wall time of the model's image answers asked in this run, {_concurrency_words(doc)}; both "
            f"of this one run (the run is the unit of speed), to {SPEED_FIGURES} significant digits."
        ],
        Table(
            [
                "model",
                "mode",
                "n",
                "accuracy % [95% CI]",
                "s/sample",
                "samples/s",
                "peak mem MiB",
                "accuracy per category",
            ],
            rows,
        ),
        terminal=True,
    )


def _s_per_sample(row: dict[str, Any]) -> str:
    """A vision row's s/sample, with its n of timed answers where that is fewer than the row's n."""
    text, n = speed_figure(row.get("s_per_sample")), row.get("s_per_sample_n")
    return text if n is None or n == row.get("n") or text == "-" else f"{text} (n={n} answers)"


def _concurrency_words(doc: dict[str, Any]) -> str:
    """`with 4 cases in flight per process` (--llm-concurrency), or `one case at a time`."""
    in_flight = sorted({c["in_flight"] for c in doc.get("cases") or [] if c.get("images") and c.get("in_flight")})
    if not in_flight:
        return "one case at a time per process"
    return f"with {'/'.join(map(str, in_flight))} cases in flight per process (--llm-concurrency)"


# Section builders in report order; extensions (cost, sizing, vision) add theirs here.
BUILDERS: list[Any] = [
    summary_section,
    answer_health_section,
    models_section,
    model_pairs_section,
    category_section,
    rag_section,
    rag_category_section,
    rag_stage_section,
    judge_section,
    vision_section,
    bench_section,
    cost_section,
    sizing_section,
    baseline_sections,
    cases_section,
    launches_section,
    failed_cases_section,
    scenario_notes_section,
]


def build_sections(doc: dict[str, Any]) -> list[Section]:
    sections: list[Section] = []
    for build in BUILDERS:
        made = build(doc)
        if isinstance(made, list):
            sections += made
        elif made is not None:
            sections.append(made)
    return sections
