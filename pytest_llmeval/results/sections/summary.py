"""The summary of each model and mode (pass rate, score, latency percentiles - "not measured" where every
case errored), its answer health and its categories.
"""

from __future__ import annotations

from typing import Any

from ..selection import coverage_line
from .elements import Section, Table, fmt, interval_of, memory, methods, no_interval, row_names, with_interval, with_n

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
    interval = interval_of(agg, name)
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
    return with_interval(agg.get("pass_rate"), interval_of(agg, "pass_rate"))


def in_flight_note(doc: dict[str, Any]) -> str:
    """What the latency and decode figures include when cases ran concurrently (--llm-concurrency, and pytest-xdist
    workers sharing the server: -n); "" when not.
    Where the models ran at different concurrencies (a model with 2 replicas: twice the cases in flight), each
    model's is named: "4/8 cases in flight" did not say which model's latency was measured under which load, and a
    model asked one case at a time read as measured under load too. A model whose modes ran at different loads (a
    RAG run resumed at another --llm-concurrency) is named per mode: "m 1/8" did not say which mode's latency was
    measured under 8. Only timed answers count (`_timed_loads`): a cache hit or an error has no latency to label.
    Under -n every worker asks its own cases of the same server: `-n 3` at --llm-concurrency 1 kept 3 requests in
    flight, and the comparison refuses its latency against a serial run's (compare/settings.py LOAD_SETTINGS), yet
    the report said nothing of it."""
    per_row = _timed_loads(doc)
    in_flight = sorted(set().union(*per_row.values())) if per_row else []
    workers = xdist_workers(doc)
    if not in_flight or (in_flight == [1] and workers <= 1):
        return ""
    if in_flight == [1]:
        load = "one case at a time per process"
    elif len({tuple(sorted(v)) for v in per_row.values()}) == 1:
        load = f"with {'/'.join(map(str, in_flight))} cases in flight per process"
    else:
        each = ", ".join(f"{label} {'/'.join(map(str, sorted(v)))}" for label, v in _load_labels(per_row).items())
        load = f"with these cases in flight per process (1: one at a time): {each} -"
    if workers <= 1:
        return (
            f" Latency measured {load} (--llm-concurrency): TTFT, E2E and decode tok/s include the batching; compare "
            "them only with runs (and models) at the same concurrency."
        )
    return (
        f" Latency measured {load} (--llm-concurrency) in each of {workers} pytest-xdist workers (-n {workers}) "
        f"asking the same server, up to {workers * in_flight[-1]} requests at once: TTFT, E2E and decode tok/s "
        "include the batching; compare them only with runs (and models) at the same concurrency and -n."
    )


def xdist_workers(doc: dict[str, Any]) -> int:
    """The pytest-xdist workers the run's cases were asked from (`run.settings.speed.xdist_workers`); 1 for a serial
    run, a run that does not record it, or a count xdist had not resolved ("auto")."""
    speed = ((doc.get("run") or {}).get("settings") or {}).get("speed") or {}
    workers = speed.get("xdist_workers") if isinstance(speed, dict) else None
    return workers if isinstance(workers, int) and not isinstance(workers, bool) and workers > 1 else 1


def _timed_loads(doc: dict[str, Any]) -> dict[tuple[str, str], set[int]]:
    """The cases in flight of each model and mode's timed answers (1 where none was recorded); a row with no timed
    answer (every one errored or from the cache) has no latency and is left out."""
    per_row: dict[tuple[str, str], set[int]] = {}
    for c in doc.get("cases") or []:
        if c.get("error") or c.get("cached") or c.get("e2e_s") is None:
            continue
        flight = c.get("in_flight")
        load = flight if isinstance(flight, int) and not isinstance(flight, bool) and flight > 1 else 1
        per_row.setdefault((str(c.get("model")), str(c.get("mode", "norag"))), set()).add(load)
    return per_row


def _load_labels(per_row: dict[tuple[str, str], set[int]]) -> dict[str, set[int]]:
    """Per model where its modes ran alike, per model and mode where they did not."""
    models: dict[str, list[tuple[str, set[int]]]] = {}
    for (model, mode), loads in per_row.items():
        models.setdefault(model, []).append((mode, loads))
    labels: dict[str, set[int]] = {}
    for model, modes in models.items():
        if len({tuple(sorted(v)) for _, v in modes}) == 1:
            labels[model] = modes[0][1]
        else:
            labels.update({f"{model} {mode}": loads for mode, loads in modes})
    return labels


def untimed_note(doc: dict[str, Any]) -> str:
    """Which answers of each row have no timing and why: errored (by error type: a timeout is not a refused request)
    and answered from the cache. The header counted the cache hits of the whole run and the errors column the errors,
    but a row's cache hits were nowhere: its latency's n (4 answers of 8 samples) did not add up to what it showed."""
    counts: dict[str, dict[str, int]] = {}
    for c in doc.get("cases") or []:
        if c.get("error"):
            kind = c["error"].get("type") if isinstance(c["error"], dict) else None
            why = f"errored ({kind or 'error'})"
        elif c.get("cached"):
            why = "from the cache"
        else:
            continue
        label = f"{c.get('model')} {c.get('mode', 'norag')}"
        counts.setdefault(label, {})
        counts[label][why] = counts[label].get(why, 0) + 1
    if not counts:
        return ""
    each = "; ".join(
        f"{label}: " + ", ".join(f"{n} {why}" for why, n in sorted(whys.items())) for label, whys in counts.items()
    )
    return f" Answers without a timing (left out of latency, decode tok/s and cost): {each}."


NO_CASE = "No case finished."
NOT_RECORDED = (
    "results.json does not record how many tests pytest collected, deselected or skipped, nor why: pytest's own "
    "summary line (and -rs for the skip reasons) says"
)


def no_case_note(doc: dict[str, Any]) -> str:
    """Why a run has no case to summarise, from what results.json knows, with its n: "No case finished." alone did
    not say whether the run was interrupted, its shard owned none of the suite, its -k or -m left no LLM case, it
    only benchmarked, or every answer it holds is not graded now - nor that n is 0. The summary and the cost
    section say it alike, in every format."""
    run = doc.get("run") or {}
    cases = doc.get("cases") or []
    if cases:  # every record left out of the aggregates: a re-score that could not grade them (`rescore.graded`)
        return (
            f"No case graded: 0 of the run's {len(cases)} answer(s) are graded now (asked differently now, or no "
            "such case in the scenario files): see the header and the cases."
        )
    models = ", ".join(str(m) for m in run.get("models") or []) or "-"
    reasons = []
    shard = run.get("shard") or {}
    if shard and not shard.get("selected_cases"):
        reasons.append(
            f"shard {shard.get('index')}/{shard.get('count')} owns none of the suite's "
            f"{len(shard.get('suite_cases') or [])} case(s): they ran in the other shards (`merge` joins them)"
        )
    if run.get("status") == "interrupted":
        reasons.append("the run was interrupted before any case finished")
    if doc.get("benchmarks"):
        reasons.append("the run only benchmarked (see the benchmark section)")
    failed = [x for x in run.get("launches") or [] if x.get("error")]
    if failed:
        reasons.append("a server failed to start: " + "; ".join(f"{x.get('model')}: {x.get('error')}" for x in failed))
    from ...__main__ import selection_of

    selected = selection_of(list(run.get("invocation") or []))
    if selected and not shard:
        reasons.append(f"the run asked part of the suite ({' '.join(selected)}) and no LLM case of it was recorded")
    covered = coverage_line(doc)
    if covered is not None:  # run.selection says what pytest collected, deselected and skipped
        return (
            f"{NO_CASE} n = 0 cases of models {models}"
            + (f": {'; '.join(reasons)}" if reasons else "")
            + (f". {covered}")
        )
    why = "; ".join(reasons) if reasons else "every LLM test was deselected or skipped, or none was collected"
    return f"{NO_CASE} n = 0 cases of models {models}: {why}. {NOT_RECORDED}."


def summary_section(doc: dict[str, Any]) -> Section:
    aggs = doc["aggregates"]["models"]
    worked_out = doc["aggregates"].get("worked_out")
    if not aggs:
        return Section("summary", "Summary per model", [no_case_note(doc)], terminal=True)
    rows = [
        [
            a["model"],
            a["mode"],
            a["cases"],
            a.get("samples", a["cases"]),
            a.get("errors", 0),
            pass_rate_cell(a),
            with_interval(a.get("mean_score"), interval_of(a, "mean_score")),
            latency_cell(a, "ttft_p50_s", 3),
            latency_cell(a, "e2e_p50_s", 2),
            fmt(a.get("decode_tok_s")),
            memory(a),
        ]
        for a in aggs
    ]
    note = (
        "n cases = distinct cases; samples = cases x repeats; errors have no score and count as not passed. "
        "95% intervals, the case is the unit (with repeats its samples are averaged first): mean score "
        f"{methods((interval_of(a, 'mean_score') for a in aggs), row_names(aggs))}; pass rate "
        f"{methods((interval_of(a, 'pass_rate') for a in aggs), row_names(aggs))}. "
        f"{DECODE_NOTE} {SPEED_NOTE}"
    )
    note += in_flight_note(doc)  # --llm-concurrency: each request shared the server with others
    note += untimed_note(doc)
    # re-rendered from cases whose saved figures were not their own (`loader.stale_aggregates`): the report the run
    # printed (or its report.md) has other figures, and the reader is told which to trust and why
    paragraphs = [f"Note: {worked_out}.", note] if worked_out else [note]
    covered = coverage_line(doc)  # "3 of 14 LLM case tests run: 11 deselected by -k roi" (None: not recorded)
    if covered is not None:
        paragraphs.insert(0, covered)
    return Section("summary", "Summary per model", paragraphs, Table(SUMMARY_HEADERS, rows), terminal=True)


def answer_health_section(doc: dict[str, Any]) -> Section | None:
    """Empty answers and answers cut at the token limit, per model and mode, when there are any: both score like
    wrong answers, and neither says what the model knows."""
    from ..answer_health import EMPTY_FIX, answer_health

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
                with_n(
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
    # where no category holds two cases, the table repeats the case scores: report.md and report.html keep it,
    # the terminal's short summary leaves it out (14 rows of "[no 95% interval at n=1] (n=1)" for the shipped suite)
    several = any(n > 1 for a in aggs for n in (a.get("category_cases") or {}).values())
    return Section("categories", "Mean score per category", [note], Table(headers, rows), terminal=several)
