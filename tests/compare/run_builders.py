"""Runs as pytest-llmeval writes them (results.json, schema 2), and what the gate's red-team rounds do to them: the
builders and names every round of tests/compare shares, in one place. Each round had imported them from the round
that wrote them first (`from test_gate_round8 import ...`), and copied the same block of exit codes and rule
texts; a round now takes them from here. `run` builds a run of one model and mode, one sample per case `c00`,
`c01`, ...; each other builder changes a run in place (and returns it) as a recorder or a user would have.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from pytest_llmeval.compare import compare_runs, parse_fail_expressions
from pytest_llmeval.compare.gate import EXIT_BROKEN, EXIT_OK, EXIT_REGRESSION, EXIT_UNCHECKED

Doc = dict[str, Any]
N = 14
GOOD = [100.0] * N
OK, REG, BROKEN, UNCHECKED = EXIT_OK, EXIT_REGRESSION, EXIT_BROKEN, EXIT_UNCHECKED
R = "score:5,pass_rate:10"
ERR = {"allow_errors": True}
MISS = {"allow_missing": True}
BOTH = {"allow_errors": True, "allow_missing": True}
# what a broken server or chat template sends back: nothing, whitespace, a line break; and what a model answers
EMPTY = ["", "   ", "\n\n", "\t \u3000"]
ANSWERS = [
    "答：甲项、乙项、丙项。",
    "- revenue up 12%\n- churn down",
    "| 项目 | 金额 |\n|---|---|\n| 甲 | 100 |",
    "**ROI** is 1.8x over 3 years.",
    "首先，我们需要明确目标客户。",
]


# -- a run, and the gate over two ----------------------------------------------------------------------------------


def run(scores: list[float], model: str = "m1", mode: str = "norag", **run_fields: Any) -> dict[str, Any]:
    """A results document as pytest-llmeval writes it (schema 2), one sample per case."""
    cases = [
        {
            "model": model,
            "scenario_id": f"c{i:02d}",
            "mode": mode,
            "sample": 0,
            "category": "x",
            "case_hash": f"h{i}",
            "score": score,
            "passed": score >= 60,
            "threshold": 60.0,
            "error": None,
            "ttft_s": 0.2 + i / 1000,
            "e2e_s": 2.0,
            "output_tokens": 40,
            "in_flight": 1,
        }
        for i, score in enumerate(scores)
    ]
    info = {
        "models": [model],
        "settings": {"max_tokens": 64, "temperature": 0.0, "concurrency": 1},
        "hardware": {"cpu": "x", "cpu_count": 2, "gpus": []},
        "started_at": "t",
        "status": "complete",
    }
    return {"schema_version": 2, "cases": cases, "run": {**info, **run_fields}, "aggregates": {}, "benchmarks": []}


def gate(base: dict[str, Any], new: dict[str, Any], rules: str = "score:5,pass_rate:10", **kw: Any) -> dict[str, Any]:
    return compare_runs(base, new, parse_fail_expressions(rules), **kw)


# -- what happened to its answers: errors, cache hits, timings, repeats -----------------------------------------------


def errored(doc: Doc, which: range | list[int], kind: str = "timeout") -> Doc:
    """Samples that errored as the recorder writes them: an error, score 0, no timing."""
    for i in which:
        doc["cases"][i].update(
            error={"type": kind, "message": f"{kind} after 120 s"},
            score=0.0,
            passed=False,
            ttft_s=None,
            e2e_s=None,
            output_tokens=None,
        )
    return doc


def cached(doc: Doc, which: range | list[int] | None = None) -> Doc:
    """Answers from the answer cache: `cached`, no timing or token count."""
    for i, case in enumerate(doc["cases"]):
        if which is None or i in which:
            case.update(cached=True, ttft_s=None, e2e_s=None, output_tokens=None)
    return doc


def untimed(doc: Doc) -> Doc:
    for case in doc["cases"]:
        case.update(ttft_s=None, e2e_s=None, output_tokens=None)
    return doc


def each(doc: Doc, **fields: Any) -> Doc:
    for case in doc["cases"]:
        case.update(fields)
    return doc


def repeated(doc: Doc, k: int) -> Doc:
    doc["cases"] = [{**copy.deepcopy(c), "sample": s} for c in doc["cases"] for s in range(k)]
    doc["run"]["settings"]["repeat"] = k
    return doc


def at_load(doc: Doc, in_flight: int, concurrency: int | None = None) -> Doc:
    doc["run"]["settings"]["concurrency"] = concurrency or in_flight
    return each(doc, in_flight=in_flight)


def status(doc: Doc, value: str, **run_fields: Any) -> Doc:
    doc["run"].update(status=value, **run_fields)
    return doc


def scorer(doc: Doc, version: int) -> Doc:
    return each(doc, scorer={"name": "keywords", "version": version})


def asked_as(doc: Doc) -> Doc:
    """Each case's prompt hash, as the recorder writes it (a renamed case keeps its question)."""
    for case in doc["cases"]:
        case["prompt_hash"] = f"p-{case['scenario_id']}"
    return doc


def edited(doc: Doc) -> Doc:
    doc["cases"][3]["case_hash"] = "h3-edited"
    return doc


def sample_scores(doc: Doc, k: int, later: float, sample_from: int = 1) -> Doc:
    """--llm-repeat k: samples from `sample_from` on scoring `later`."""
    doc = repeated(doc, k)
    for case in doc["cases"]:
        if case["sample"] >= sample_from:
            case.update(score=later, passed=later >= 60)
    return doc


def sample_errored(doc: Doc, sample: int, which: range) -> Doc:
    ids = {f"c{i:02d}" for i in which}
    for case in doc["cases"]:
        if case["sample"] == sample and case["scenario_id"] in ids:
            case.update(
                error={"type": "timeout", "message": "timeout"}, score=0.0, passed=False, ttft_s=None, e2e_s=None
            )
    return doc


def judged(doc: Doc, judge: str = "qwen-judge") -> Doc:
    """--llm-judge-assert: the judge's verdict decides pass/fail."""
    return each(
        doc,
        assert_with="judge",
        judge={"model": judge, "passed": True},
        scorer={"name": "keyword_coverage", "version": 2},
    )


def slower(doc: Doc, by: float = 2.0) -> Doc:
    for case in doc["cases"]:
        for field in ("ttft_s", "e2e_s"):
            if case.get(field) is not None:
                case[field] *= by
    return doc


def degraded(doc: Doc) -> Doc:
    doc["run"]["status"] = "degraded"
    return doc


# -- which models, modes and cases it holds ---------------------------------------------------------------------------


def two_models(first: list[float], second: list[float]) -> Doc:
    doc = run(first)
    doc["cases"] += run(second, model="m2")["cases"]
    doc["run"]["models"] = ["m1", "m2"]
    return doc


def with_rag(norag: list[float], rag: list[float], rag_ids: slice = slice(None)) -> Doc:
    doc = run(norag)
    doc["cases"] += run(rag, mode="rag")["cases"][rag_ids]
    return doc


def models(*scored: tuple[str, list[float]]) -> Doc:
    """One run of several models (`--llm-model A --llm-model B ...`)."""
    doc = run(scored[0][1], model=scored[0][0])
    for label, values in scored[1:]:
        doc["cases"] += run(values, model=label)["cases"]
    doc["run"]["models"] = [label for label, _ in scored]
    return doc


def of_model(doc: Doc, model: str, fn: Callable[[Doc], Doc]) -> Doc:
    """`fn` applied to one model's records only."""
    own = {"cases": [c for c in doc["cases"] if c["model"] == model], "run": doc["run"]}
    fn(own)
    doc["cases"] = [c for c in doc["cases"] if c["model"] != model] + own["cases"]
    return doc


def relabel(doc: Doc, old: str, new: str) -> Doc:
    for case in doc["cases"]:
        if case["model"] == old:
            case["model"] = new
    doc["run"]["models"] = [new if m == old else m for m in doc["run"]["models"]]
    return doc


def only(doc: Doc, which: range) -> Doc:
    """The run made with -k: the cases `which` only."""
    ids = {f"c{i:02d}" for i in which}
    doc["cases"] = [c for c in doc["cases"] if c["scenario_id"] in ids]
    return doc
