"""Red team of the regression gate, round 10: hostile saved runs - evidence missing (every case errored, skipped or
renamed, a model or mode gone, cases edited, another scorer), mixed units (repeats, temperature, max_tokens,
concurrency, the answer cache, RAG on one side, another knowledge base), small n (1-14 cases, ties, all-equal
scores, one case flipping, every case moving a point, scores outside 0-100) and speed rows. Each row is the exit code
a careful CI user expects. Wrong before this round (each failed then):

- a latency rule over a run whose requests timed out (allowed by --allow-errors): the statistic was taken over the
  requests that answered, so 8 of 14 requests timing out after 120 s read "e2e_p50 ok (from 6 and 6 requests)".
  A timed-out request now counts as taking at least the run's request timeout (settings.request_timeout_s): the rule
  fails where even the least the statistic can be is past the threshold, passes where even the most is not, and is
  "not checked" (exit 8) between;
- the RAG cases' TTFT and end-to-end time compared between runs that retrieved from another knowledge base (or with
  another top_k, chunk size, embedder, reranker): a longer context read as a speed regression of the model (exit 6),
  a shorter one hid one. Those rows are now "not comparable" (exit 8); the cases without retrieval are compared.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from run_builders import (
    BOTH,
    BROKEN,
    ERR,
    GOOD,
    MISS,
    OK,
    REG,
    UNCHECKED,
    Doc,
    N,
    asked_as,
    at_load,
    cached,
    each,
    errored,
    gate,
    repeated,
    run,
    scorer,
    status,
    two_models,
    with_rag,
)

from pytest_llmeval.compare import render_comparison_markdown, render_comparison_text
from pytest_llmeval.results.recorder import to_json

ZERO = [0.0] * N
GRADED = [100.0, 80.0, 60.0, 100.0, 40.0, 80.0, 100.0, 60.0, 80.0, 100.0, 20.0, 80.0, 100.0, 60.0]


def setting(doc: Doc, **values: Any) -> Doc:
    doc["run"]["settings"].update(values)
    return doc


def timeout(doc: Doc, seconds: float | None = 120.0) -> Doc:
    """The run's request timeout as pytest-llmeval records it (settings.request_timeout_s)."""
    return setting(doc, request_timeout_s=seconds)


def slower(doc: Doc, field: str = "e2e_s", by: float = 2.0, which: range | None = None) -> Doc:
    for i, case in enumerate(doc["cases"]):
        if (which is None or i in which) and case.get(field) is not None:
            case[field] = case[field] * by
    return doc


def of_mode(doc: Doc, mode: str, fn: Callable[[dict[str, Any]], None]) -> Doc:
    for case in doc["cases"]:
        if case["mode"] == mode:
            fn(case)
    return doc


def rag_run(norag: list[float], rag: list[float], **rag_settings: Any) -> Doc:
    """Both modes, with the retrieval settings a RAG run records (settings.rag)."""
    doc = with_rag(norag, rag)
    doc["run"]["settings"]["rag"] = {
        "mode": "both",
        "knowledge": ["kb"],
        "top_k": 5,
        "chunk_chars": 800,
        **rag_settings,
    }
    return doc


def rag_slower(doc: Doc, by: float = 1.5) -> Doc:
    return of_mode(doc, "rag", lambda c: c.update(ttft_s=c["ttft_s"] * by, e2e_s=c["e2e_s"] * by))


def relabel_cases(doc: Doc, suffix: str = "-v2", which: range | None = None) -> Doc:
    for i, case in enumerate(doc["cases"]):
        if which is None or i in which:
            case["scenario_id"] += suffix
    return doc


def rehash(doc: Doc, which: range | None = None) -> Doc:
    """Key points edited: another content hash, the same question (prompt hash)."""
    for i, case in enumerate(doc["cases"]):
        if which is None or i in which:
            case["case_hash"] += "-edited"
    return doc


def scores(doc: Doc, **by_index: Any) -> Doc:
    """Hand edits of single cases' scores: `i3=150.0`."""
    for key, value in by_index.items():
        doc["cases"][int(key[1:])]["score"] = value
    return doc


def many(k: int, value: float = 100.0) -> list[float]:
    return [value] * k


def nudge(values: list[float], by: float) -> list[float]:
    return [min(100.0, max(0.0, v + by)) for v in values]


def samples_differ(doc: Doc, k: int, later: float) -> Doc:
    """--llm-repeat k: sample 0 as given, the later samples scoring `later`."""
    doc = repeated(doc, k)
    for case in doc["cases"]:
        if case["sample"]:
            case.update(score=later, passed=later >= 60)
    return doc


def drop_model(doc: Doc, model: str) -> Doc:
    doc["cases"] = [c for c in doc["cases"] if c["model"] != model]
    return doc


Row = tuple[str, Callable[[], Doc], Callable[[], Doc], str, dict[str, Any], int]
R = "score:5,pass_rate:10"
ROWS: list[Row] = [
    # -- evidence missing: every case errored, timed out, skipped -----------------------------------------------------
    ("every new case timed out", lambda: run(GOOD), lambda: errored(run(GOOD), range(N)), R, {}, BROKEN),
    ("every new case timed out, both allowed", lambda: run(GOOD), lambda: errored(run(GOOD), range(N)), R, BOTH, 7),
    ("every new case http error, no rule", lambda: run(GOOD), lambda: errored(run(GOOD), range(N), "http"), "", {}, 7),
    ("every new case errored, baseline at 0", lambda: run(ZERO), lambda: errored(run(GOOD), range(N)), R, ERR, 7),
    ("every new case errored at n=3", lambda: run(many(3)), lambda: errored(run(many(3)), range(3)), R, ERR, 7),
    ("every baseline case errored", lambda: errored(run(GOOD), range(N)), lambda: run(GOOD), R, {}, BROKEN),
    ("every baseline case errored, allowed", lambda: errored(run(GOOD), range(N)), lambda: run(GOOD), R, BOTH, 7),
    ("new run has no case record", lambda: run(GOOD), lambda: run([]), R, BOTH, BROKEN),
    ("baseline has no case record", lambda: run([]), lambda: run(GOOD), R, BOTH, BROKEN),
    ("neither has a case record", lambda: run([]), lambda: run([]), R, BOTH, BROKEN),
    ("every new score null", lambda: run(GOOD), lambda: each(run(GOOD), score=None), R, ERR, BROKEN),
    ("every baseline score null", lambda: each(run(GOOD), score=None), lambda: run(GOOD), R, BOTH, BROKEN),
    (
        "m2's every new case errored beside a healthy m1",
        lambda: two_models(GOOD, GOOD),
        lambda: errored(two_models(GOOD, GOOD), range(N, 2 * N)),
        R,
        ERR,
        BROKEN,
    ),
    (
        "every new RAG case errored, norag fine",
        lambda: with_rag(GOOD, GOOD),
        lambda: errored(with_rag(GOOD, GOOD), range(N, 2 * N), "http"),
        R,
        ERR,
        BROKEN,
    ),
    ("half the new cases timed out", lambda: run(GOOD), lambda: errored(run(GOOD), range(7)), R, {}, BROKEN),
    ("half the new cases timed out, allowed", lambda: run(GOOD), lambda: errored(run(GOOD), range(7)), R, ERR, REG),
    ("one new timeout, allowed", lambda: run(GOOD), lambda: errored(run(GOOD), [5]), R, ERR, OK),
    ("one baseline error", lambda: errored(run(GOOD), [5]), lambda: run(GOOD), R, {}, BROKEN),
    ("one baseline error, allowed", lambda: errored(run(GOOD), [5]), lambda: run(GOOD), R, ERR, OK),
    (
        "one baseline error hides nothing: the rest collapsed",
        lambda: errored(run(GOOD), [5]),
        lambda: run(ZERO),
        R,
        ERR,
        REG,
    ),
    # -- a model or mode gone ------------------------------------------------------------------------------------------
    ("m2 gone from the new run", lambda: two_models(GOOD, GOOD), lambda: run(GOOD), R, {}, BROKEN),
    ("m2 gone, allowed", lambda: two_models(GOOD, GOOD), lambda: run(GOOD), R, MISS, OK),
    ("m2 gone, allowed, m1 collapsed", lambda: two_models(GOOD, GOOD), lambda: run(ZERO), R, MISS, REG),
    ("the only model gone (relabelled)", lambda: run(GOOD), lambda: run(GOOD, model="m1-fp8"), R, {}, BROKEN),
    ("the only model relabelled, allowed", lambda: run(GOOD), lambda: run(GOOD, model="m1-fp8"), R, BOTH, BROKEN),
    (
        "the only model relabelled, paired",
        lambda: run(GOOD),
        lambda: run(GOOD, model="m1-fp8"),
        R,
        {"pairs": {"m1": "m1-fp8"}},
        OK,
    ),
    (
        "relabelled, paired, collapsed",
        lambda: run(GOOD),
        lambda: run(ZERO, model="m1-fp8"),
        R,
        {"pairs": {"m1": "m1-fp8"}},
        REG,
    ),
    ("a new model added", lambda: run(GOOD), lambda: two_models(GOOD, ZERO), R, {}, OK),
    ("RAG dropped", lambda: with_rag(GOOD, GOOD), lambda: run(GOOD), R, {}, BROKEN),
    ("RAG dropped, allowed", lambda: with_rag(GOOD, GOOD), lambda: run(GOOD), R, MISS, OK),
    ("RAG dropped, allowed, norag collapsed", lambda: with_rag(GOOD, GOOD), lambda: run(ZERO), R, MISS, REG),
    ("RAG added", lambda: run(GOOD), lambda: with_rag(GOOD, ZERO), R, {}, OK),
    ("norag dropped (--rag-mode only)", lambda: with_rag(GOOD, GOOD), lambda: with_rag([], GOOD), R, {}, 7),
    # -- scenario files edited between runs ----------------------------------------------------------------------------
    ("every case renamed", lambda: run(GOOD), lambda: relabel_cases(run(GOOD)), R, {}, BROKEN),
    ("every case renamed, allowed", lambda: run(GOOD), lambda: relabel_cases(run(GOOD)), R, MISS, BROKEN),
    (
        "every case renamed, same questions, allowed",
        lambda: asked_as(run(GOOD)),
        lambda: relabel_cases(asked_as(run(GOOD))),
        R,
        MISS,
        BROKEN,
    ),
    ("4 cases renamed", lambda: run(GOOD), lambda: relabel_cases(run(GOOD), which=range(4)), R, {}, BROKEN),
    ("4 cases renamed, allowed", lambda: run(GOOD), lambda: relabel_cases(run(GOOD), which=range(4)), R, MISS, OK),
    ("4 cases added", lambda: run(GOOD), lambda: run(GOOD + many(4)), R, {}, OK),
    ("4 cases added, all new ones failing", lambda: run(GOOD), lambda: run(GOOD + many(4, 0.0)), R, {}, OK),
    ("4 cases added, the old ones collapsed", lambda: run(GOOD), lambda: run(ZERO + many(4)), R, {}, REG),
    ("4 cases removed", lambda: run(GOOD), lambda: run(GOOD[:10]), R, {}, BROKEN),
    ("4 cases removed, allowed", lambda: run(GOOD), lambda: run(GOOD[:10]), R, MISS, OK),
    ("4 cases removed, allowed, rest collapsed", lambda: run(GOOD), lambda: run(ZERO[:10]), R, MISS, REG),
    ("every case's key points edited", lambda: run(GOOD), lambda: rehash(run(GOOD)), R, {}, BROKEN),
    ("every case's key points edited, allowed", lambda: run(GOOD), lambda: rehash(run(GOOD)), R, BOTH, BROKEN),
    ("3 cases' key points edited", lambda: run(GOOD), lambda: rehash(run(GOOD), range(3)), R, {}, BROKEN),
    ("3 cases edited, allowed", lambda: run(GOOD), lambda: rehash(run(GOOD), range(3)), R, MISS, OK),
    ("3 cases edited, allowed, rest collapsed", lambda: run(GOOD), lambda: rehash(run(ZERO), range(3)), R, MISS, 6),
    ("scorer version changed", lambda: scorer(run(GOOD), 1), lambda: scorer(run(GOOD), 2), R, BOTH, BROKEN),
    (
        "scorer version changed and collapsed",
        lambda: scorer(run(GOOD), 1),
        lambda: scorer(run(ZERO), 2),
        R,
        BOTH,
        BROKEN,
    ),
    ("new run interrupted", lambda: run(GOOD), lambda: status(run(GOOD), "interrupted"), R, {}, BROKEN),
    ("new run interrupted, allowed", lambda: run(GOOD), lambda: status(run(GOOD), "interrupted"), R, MISS, OK),
    ("new run killed (running)", lambda: run(GOOD), lambda: status(run(GOOD), "running"), R, {}, BROKEN),
    ("baseline interrupted", lambda: status(run(GOOD), "interrupted"), lambda: run(GOOD), R, {}, BROKEN),
    ("new run's status edited away", lambda: run(GOOD), lambda: status(run(GOOD), "done"), R, {}, BROKEN),
    # -- mixed units: repeats, generation settings, load, cache ---------------------------------------------------
    ("1 sample against 3", lambda: run(GOOD), lambda: repeated(run(GOOD), 3), R, {}, OK),
    ("3 samples against 1", lambda: repeated(run(GOOD), 3), lambda: run(GOOD), R, {}, OK),
    ("1 sample against 3, collapsed", lambda: run(GOOD), lambda: repeated(run(ZERO), 3), R, {}, REG),
    (
        "3 against 3, later samples 20 lower on every case",
        lambda: repeated(run(GOOD), 3),
        lambda: samples_differ(run(GOOD), 3, 80.0),
        "score:5",
        {},
        REG,  # 100 -> 93.3 on all 14 cases: a systematic fall past 5 points, not noise
    ),
    (
        "3 against 3, later samples collapse",
        lambda: repeated(run(GOOD), 3),
        lambda: samples_differ(run(GOOD), 3, 0.0),
        R,
        {},
        REG,
    ),
    ("1 sample against 3, speed", lambda: run(GOOD), lambda: repeated(run(GOOD), 3), "e2e_p50:20%", {}, UNCHECKED),
    ("temperature 0 -> 0.7, quality", lambda: run(GOOD), lambda: setting(run(GOOD), temperature=0.7), R, {}, OK),
    ("temperature 0 -> 0.7, collapsed", lambda: run(GOOD), lambda: setting(run(ZERO), temperature=0.7), R, {}, REG),
    (
        "temperature 0 -> 0.7, speed",
        lambda: run(GOOD),
        lambda: setting(run(GOOD), temperature=0.7),
        "ttft_p50:20%",
        {},
        8,
    ),
    (
        "max_tokens 64 -> 512, speed",
        lambda: run(GOOD),
        lambda: setting(run(GOOD), max_tokens=512),
        "e2e_p50:20%",
        {},
        8,
    ),
    (
        "max_tokens 64 -> 512, e2e doubled",
        lambda: run(GOOD),
        lambda: slower(setting(run(GOOD), max_tokens=512)),
        "score:5,e2e_p50:20%",
        {},
        UNCHECKED,
    ),
    ("thinking off -> on, speed", lambda: run(GOOD), lambda: setting(run(GOOD), thinking="on"), "e2e_p50:20%", {}, 8),
    ("concurrency 1 -> 8, speed", lambda: run(GOOD), lambda: at_load(run(GOOD), 8), "ttft_p50:20%", {}, UNCHECKED),
    ("concurrency 1 -> 8, decode", lambda: run(GOOD), lambda: at_load(run(GOOD), 8), "decode_tok_s:10%", {}, 8),
    ("concurrency 1 -> 8, quality only", lambda: run(GOOD), lambda: at_load(run(GOOD), 8), R, {}, OK),
    (
        "concurrency 8 -> 8, e2e doubled",
        lambda: at_load(run(GOOD), 8),
        lambda: slower(at_load(run(GOOD), 8)),
        "e2e_p50:20%",
        {},
        6,
    ),
    (
        "concurrency recorded alike, records at another load",
        lambda: run(GOOD),
        lambda: each(run(GOOD), in_flight=4),
        "e2e_p50:20%",
        {},
        UNCHECKED,
    ),
    ("every new answer from the cache, speed", lambda: run(GOOD), lambda: cached(run(GOOD)), "e2e_p50:20%", {}, 8),
    ("every new answer from the cache, quality", lambda: run(GOOD), lambda: cached(run(GOOD)), R, {}, OK),
    ("every baseline answer from the cache", lambda: cached(run(GOOD)), lambda: run(GOOD), "ttft_p50:20%", {}, 8),
    (
        "half cached, the timed half twice as slow",
        lambda: run(GOOD),
        lambda: slower(cached(run(GOOD), range(7)), "ttft_s"),
        "ttft_p50:20%",
        {},
        REG,
    ),
    # -- RAG settings and the knowledge base -------------------------------------------------------------------------
    (
        "another knowledge base, RAG TTFT up 50%",
        lambda: rag_run(GOOD, GOOD),
        lambda: rag_slower(rag_run(GOOD, GOOD, knowledge=["kb-2026"])),
        "ttft_p50:20%",
        {},
        UNCHECKED,
    ),
    (
        "another knowledge base, RAG speed unchanged",
        lambda: rag_run(GOOD, GOOD),
        lambda: rag_run(GOOD, GOOD, knowledge=["kb-2026"]),
        "e2e_p50:20%",
        {},
        UNCHECKED,
    ),
    (
        "another top_k, RAG TTFT up 50%",
        lambda: rag_run(GOOD, GOOD),
        lambda: rag_slower(rag_run(GOOD, GOOD, top_k=10)),
        "ttft_p50:20%",
        {},
        UNCHECKED,
    ),
    (
        "another chunk size, RAG TTFT down 50%",
        lambda: rag_slower(rag_run(GOOD, GOOD)),
        lambda: rag_run(GOOD, GOOD, chunk_chars=400),
        "ttft_p50:20%",
        {},
        UNCHECKED,
    ),
    (
        "another knowledge base, norag TTFT up 50%",
        lambda: rag_run(GOOD, GOOD),
        lambda: of_mode(
            rag_run(GOOD, GOOD, knowledge=["kb-2026"]), "norag", lambda c: c.update(ttft_s=c["ttft_s"] * 2)
        ),
        "ttft_p50:20%",
        {},
        REG,
    ),
    (
        "another knowledge base, quality kept (a note)",
        lambda: rag_run(GOOD, GOOD),
        lambda: rag_run(GOOD, GOOD, knowledge=["kb-2026"]),
        R,
        {},
        OK,
    ),
    (
        "another knowledge base, RAG collapsed",
        lambda: rag_run(GOOD, GOOD),
        lambda: rag_run(GOOD, ZERO, knowledge=["kb-2026"]),
        R,
        {},
        REG,
    ),
    (
        "same retrieval, RAG TTFT up 50%",
        lambda: rag_run(GOOD, GOOD),
        lambda: rag_slower(rag_run(GOOD, GOOD)),
        "ttft_p50:20%",
        {},
        REG,
    ),
    (
        "retrieval on other devices only, RAG TTFT up 50%",
        lambda: rag_run(GOOD, GOOD, devices="cpu"),
        lambda: rag_slower(rag_run(GOOD, GOOD, devices="cuda:1")),
        "ttft_p50:20%",
        {},
        REG,
    ),
    # -- timeouts in the latency statistics (allowed errors) -----------------------------------------------------
    (
        "8 of 14 requests timed out after 120 s",
        lambda: timeout(run(GOOD)),
        lambda: timeout(errored(run(GOOD), range(8))),
        "e2e_p50:20%",
        ERR,
        REG,
    ),
    (
        "8 of 14 timed out, no timeout recorded",
        lambda: run(GOOD),
        lambda: errored(run(GOOD), range(8)),
        "e2e_p50:20%",
        ERR,
        REG,  # G12: half or more errored under --allow-errors fails the gate (was UNCHECKED)
    ),
    (
        "8 of 14 timed out, TTFT rule",
        lambda: timeout(run(GOOD)),
        lambda: timeout(errored(run(GOOD), range(8))),
        "ttft_p50:20%",
        ERR,
        REG,  # G12: half or more errored under --allow-errors fails the gate (was UNCHECKED)
    ),
    (
        "1 of 14 timed out, e2e p50 unchanged",
        lambda: timeout(run(GOOD)),
        lambda: timeout(errored(run(GOOD), [3])),
        "e2e_p50:20%",
        ERR,
        OK,
    ),
    (
        "2 of 25 timed out, e2e p95",
        lambda: timeout(run(many(25))),
        lambda: timeout(errored(run(many(25)), [3, 9])),
        "e2e_p95:20%",
        ERR,
        REG,
    ),
    (
        "the baseline timed out half, the new run answered",
        lambda: timeout(errored(run(GOOD), range(8))),
        lambda: timeout(run(GOOD)),
        "e2e_p50:20%",
        ERR,
        OK,
    ),
    (
        "8 of 14 timed out, absolute rule",
        lambda: timeout(run(GOOD)),
        lambda: timeout(errored(run(GOOD), range(8))),
        "e2e_p50:1",
        ERR,
        REG,
    ),
    (
        "8 of 14 http errors (not timeouts): the 6 answers",
        lambda: timeout(run(GOOD)),
        lambda: timeout(errored(run(GOOD), range(8), "http")),
        "e2e_p50:20%",
        ERR,
        REG,  # G12: half or more errored under --allow-errors fails the gate (was OK)
    ),
    (
        "8 of 14 timed out at another concurrency",
        lambda: timeout(run(GOOD)),
        lambda: timeout(at_load(errored(run(GOOD), range(8)), 8)),
        "e2e_p50:20%",
        ERR,
        REG,  # G12: half or more errored under --allow-errors fails the gate (was UNCHECKED)
    ),
    (
        "8 of 14 timed out at another temperature",
        lambda: timeout(run(GOOD)),
        lambda: timeout(setting(errored(run(GOOD), range(8)), temperature=0.7)),
        "e2e_p50:20%",
        ERR,
        REG,  # G12: half or more errored under --allow-errors fails the gate (was UNCHECKED)
    ),
    (
        "7 of 14 timed out: the median between an answer and a timeout",
        lambda: timeout(run(GOOD)),
        lambda: timeout(errored(run(GOOD), range(7))),
        "e2e_p50:20%",
        ERR,
        REG,
    ),
    (
        "3 of 14 timed out, the rest unchanged",
        lambda: timeout(run(GOOD)),
        lambda: timeout(errored(run(GOOD), range(3))),
        "e2e_p50:20%",
        ERR,
        OK,
    ),
    (
        "3 of 14 timed out, the rest from the cache",
        lambda: timeout(run(GOOD)),
        lambda: timeout(cached(errored(run(GOOD), range(3)), range(3, N))),
        "e2e_p50:20%",
        ERR,
        UNCHECKED,
    ),
    (
        "3 of 14 timed out, the rest 10% slower",
        lambda: timeout(run(GOOD)),
        lambda: timeout(slower(errored(run(GOOD), range(3)), by=1.1)),
        "e2e_p50:20%",
        ERR,
        OK,
    ),
    ("new run not streamed (no TTFT)", lambda: run(GOOD), lambda: each(run(GOOD), ttft_s=None), "ttft_p50:20%", {}, 8),
    ("one output token each", lambda: run(GOOD), lambda: each(run(GOOD), output_tokens=1), "decode_tok_s:10%", {}, 8),
    ("a baseline score as text", lambda: scores(run(GOOD), i3="85"), lambda: run(GOOD), R, {}, BROKEN),
    # -- small n ------------------------------------------------------------------------------------------------------
    ("n=1, unchanged", lambda: run(many(1)), lambda: run(many(1)), R, {}, OK),
    ("n=1, 100 -> 0 (cannot be significant)", lambda: run(many(1)), lambda: run(many(1, 0.0)), R, {}, UNCHECKED),
    ("n=2, both 100 -> 0", lambda: run(many(2)), lambda: run(many(2, 0.0)), R, {}, UNCHECKED),
    ("n=5, all 100 -> 0", lambda: run(many(5)), lambda: run(many(5, 0.0)), "score:5", {}, REG),
    ("n=5, all 100 -> 0, default gate", lambda: run(many(5)), lambda: run(many(5, 0.0)), R, {}, REG),
    ("n=6, all 100 -> 0", lambda: run(many(6)), lambda: run(many(6, 0.0)), R, {}, REG),
    ("n=6, ties: all unchanged at 60", lambda: run(many(6, 60.0)), lambda: run(many(6, 60.0)), R, {}, OK),
    ("n=6, one case 100 -> 0", lambda: run(many(6)), lambda: run(many(5) + [0.0]), R, {}, OK),
    ("n=14, one case 100 -> 0", lambda: run(GOOD), lambda: run(GOOD[:13] + [0.0]), R, {}, OK),
    ("n=14, one case 100 -> 0, any drop", lambda: run(GOOD), lambda: run(GOOD[:13] + [0.0]), "score:0", {}, OK),
    ("n=14, every case down 1 point", lambda: run(nudge(GRADED, -1)), lambda: run(nudge(GRADED, -2)), R, {}, OK),
    ("n=14, every case up 1 point", lambda: run(GRADED), lambda: run(nudge(GRADED, 1)), R, {}, OK),
    ("n=14, all equal at 80", lambda: run(many(14, 80.0)), lambda: run(many(14, 80.0)), R, {}, OK),
    ("n=14, every case down exactly 5", lambda: run(many(14, 80.0)), lambda: run(many(14, 75.0)), "score:5", {}, OK),
    ("n=14, every case down 6", lambda: run(many(14, 80.0)), lambda: run(many(14, 74.0)), "score:5", {}, REG),
    ("n=14, graded model wobbles +-20", lambda: run(GRADED), lambda: run(GRADED[1:] + GRADED[:1]), R, {}, OK),
    ("n=14, graded model collapses", lambda: run(GRADED), lambda: run(nudge(GRADED, -40)), R, {}, REG),
    ("n=14, baseline at 0, unchanged", lambda: run(ZERO), lambda: run(ZERO), R, {}, OK),
    ("n=14, 0 -> 100", lambda: run(ZERO), lambda: run(GOOD), R, {}, OK),
    ("n=10, half 100 -> 0", lambda: run(many(10)), lambda: run(many(5) + many(5, 0.0)), "score:5", {}, REG),
    # -- scores a hand edit left outside 0-100 -------------------------------------------------------------------------
    ("a new score of 150", lambda: run(GOOD), lambda: scores(run(GOOD), i3=150.0), R, {}, BROKEN),
    ("a new score of -5", lambda: run(GOOD), lambda: scores(run(GOOD), i3=-5.0), R, {}, BROKEN),
    ("a new score as text", lambda: run(GOOD), lambda: scores(run(GOOD), i3="85"), R, {}, BROKEN),
    ("a new score true", lambda: run(GOOD), lambda: scores(run(GOOD), i3=True), R, {}, BROKEN),
    ("a new score NaN", lambda: run(GOOD), lambda: scores(run(GOOD), i3=float("nan")), R, {}, BROKEN),
    ("a baseline score of 150", lambda: scores(run(GOOD), i3=150.0), lambda: run(GOOD), R, {}, BROKEN),
    ("a baseline score of 150, allowed", lambda: scores(run(GOOD), i3=150.0), lambda: run(GOOD), R, ERR, OK),
    ("every baseline score 150", lambda: each(run(GOOD), score=150.0), lambda: run(GOOD), R, BOTH, BROKEN),
    ("a baseline score inf, rest collapsed", lambda: scores(run(GOOD), i3=float("inf")), lambda: run(ZERO), R, ERR, 6),
    # -- speed rows: direction and n --------------------------------------------------------------------------------
    ("TTFT doubled", lambda: run(GOOD), lambda: slower(run(GOOD), "ttft_s"), "ttft_p50:20%", {}, REG),
    ("TTFT halved", lambda: slower(run(GOOD), "ttft_s"), lambda: run(GOOD), "ttft_p50:20%", {}, OK),
    ("e2e up 19%", lambda: run(GOOD), lambda: slower(run(GOOD), by=1.19), "e2e_p50:20%", {}, OK),
    ("e2e up 21%", lambda: run(GOOD), lambda: slower(run(GOOD), by=1.21), "e2e_p50:20%", {}, REG),
    ("e2e up 0.3 s, absolute 0.5", lambda: run(GOOD), lambda: slower(run(GOOD), by=1.15), "e2e_p50:0.5", {}, OK),
    ("e2e down: faster", lambda: slower(run(GOOD)), lambda: run(GOOD), "e2e_p50:0", {}, OK),
    ("decode slower (e2e doubled)", lambda: run(GOOD), lambda: slower(run(GOOD)), "decode_tok_s:10%", {}, REG),
    ("decode faster (e2e halved)", lambda: slower(run(GOOD)), lambda: run(GOOD), "decode_tok_s:10%", {}, OK),
    ("p95 from 14 requests", lambda: run(GOOD), lambda: run(GOOD), "ttft_p95:20%", {}, UNCHECKED),
    ("p95 from 25 requests, doubled", lambda: run(many(25)), lambda: slower(run(many(25))), "e2e_p95:20%", {}, REG),
    ("baseline untimed", lambda: each(run(GOOD), ttft_s=None, e2e_s=None), lambda: run(GOOD), "e2e_p50:20%", {}, 8),
    (
        "hardware changed, server launched",
        lambda: run(GOOD, launches=[{"model": "m1"}]),
        lambda: run(GOOD, launches=[{"model": "m1"}], hardware={"cpu": "y", "cpu_count": 2, "gpus": ["H100"]}),
        "e2e_p50:20%",
        {},
        8,
    ),
    (
        "hardware changed, attached server",
        lambda: run(GOOD),
        lambda: run(GOOD, hardware={"cpu": "y", "cpu_count": 2, "gpus": []}),
        "e2e_p50:20%",
        {},
        OK,
    ),
]


@pytest.mark.parametrize(
    ("base", "new", "rules", "options", "expected"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_each_hostile_pair_of_saved_runs_gets_the_exit_code_a_ci_user_expects(base, new, rules, options, expected):
    cmp = gate(base(), new(), rules, **options)
    assert cmp["exit_code"] == expected, cmp["summary"]


def test_the_red_team_holds_at_least_120_rows():
    assert len(ROWS) >= 120


def test_a_timed_out_request_counts_in_the_latency_row_and_its_rule_says_so():
    """The row and the rule name the requests that timed out and how they count; the value is the lowest it can be."""
    cmp = gate(timeout(run(GOOD)), timeout(errored(run(GOOD), range(8))), "e2e_p50:20%", allow_errors=True)
    (rule,) = cmp["rules"]
    assert rule["failed"] and rule["status"].startswith("SLOWER, past the threshold (from 14 and 14 requests")
    assert "8 request(s) of the new run timed out after 120 s: counted as taking at least the timeout" in rule["status"]
    entry = cmp["groups"][0]["metrics"]["e2e_p50"]
    assert entry["new"] == 120.0 and entry["n"] == 14 and "_bounds" not in entry
    text = render_comparison_text(cmp)
    assert "8 request(s) of the new run timed out after 120 s" in text
    assert "worse by +5.9e+03%" in cmp["summary"] and "n=14 and 14 requests" in cmp["summary"]


def test_timeouts_that_leave_the_statistic_on_both_sides_of_the_threshold_are_not_checked():
    cmp = gate(run(GOOD), errored(run(GOOD), range(8)), "e2e_p50:20%", allow_errors=True)
    (rule,) = cmp["rules"]
    assert rule["status"].startswith("not checked: the requests that timed out leave the worsening anywhere from")
    assert cmp["unchecked"] == ["m1 norag e2e_p50:20%"] and "NOT CHECKED" in cmp["summary"]


def test_rag_speed_between_knowledge_bases_is_not_comparable_and_norag_speed_still_is():
    cmp = gate(
        rag_run(GOOD, GOOD),
        rag_slower(rag_run(GOOD, GOOD, knowledge=["kb-2026"])),
        "score:5,ttft_p50:20%",
    )
    speed = {r["mode"]: r for r in cmp["rules"] if r["metric"] == "ttft_p50"}
    assert speed["rag"]["status"].startswith("not checked: not comparable: the RAG cases were asked with context")
    assert "rag.knowledge ['kb'] in the baseline, ['kb-2026'] now" in speed["rag"]["status"]
    assert speed["norag"]["status"].startswith("ok (from 14 and 14 requests")
    markdown = render_comparison_markdown(cmp)
    (row,) = [line for line in markdown.splitlines() if line.startswith("| m1 | rag | ttft_p50 |")]
    assert row.endswith("compare RAG speed between runs with the same retrieval settings |")
    assert row.split("|")[7:10] == [" - ", " - ", " - "]  # no change, no relative change, no p: not compared
    assert "rag.knowledge" in cmp["summary"]  # the quality note names the other knowledge base too


def test_every_worse_verdict_in_the_table_has_its_n_interval_and_p_beside_it():
    cmp = gate(run(GRADED), run(nudge(GRADED, -40)), R)
    for line in render_comparison_markdown(cmp).splitlines():
        if line.startswith(("| m1 | norag | score |", "| m1 | norag | pass_rate |")):
            cells = [c.strip() for c in line.strip("|").split("|")]
            assert cells[3] == "14" and "[" in cells[6] and cells[8] != "-" and cells[9].startswith("worse"), cells


# -- the command line, on files written by the library's own writer ------------------------------------------------

CLI = [
    (
        "knowledge base changed",
        lambda: rag_run(GOOD, GOOD),
        lambda: rag_slower(rag_run(GOOD, GOOD, knowledge=["k2"])),
        "ttft_p50:20%",
        [],
        8,
    ),
    (
        "timeouts, allowed",
        lambda: timeout(run(GOOD)),
        lambda: timeout(errored(run(GOOD), range(8))),
        "e2e_p50:20%",
        ["--allow-errors"],
        6,
    ),
    ("every case errored", lambda: run(GOOD), lambda: errored(run(GOOD), range(N)), R, ["--allow-errors"], 7),
    ("NaN score written as null", lambda: run(GOOD), lambda: scores(run(GOOD), i3=float("nan")), R, [], 7),
]


@pytest.mark.parametrize(("base", "new", "rules", "args", "expected"), [c[1:] for c in CLI], ids=[c[0] for c in CLI])
def test_the_command_exits_with_the_gates_code_on_written_runs(tmp_path: Path, base, new, rules, args, expected):
    for name, doc in (("base.json", base()), ("new.json", new())):
        (tmp_path / name).write_text(to_json(doc), encoding="utf-8")
    command = [sys.executable, "-m", "pytest_llmeval", "compare", "base.json", "new.json", "--fail", rules, *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == expected, (done.stdout[-2000:], done.stderr[-2000:])
    assert "Traceback" not in done.stderr
