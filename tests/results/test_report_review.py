"""Review of the rendered reports: every figure with its n (and a difference with its interval), the same
figure alike in terminal, report.md and report.html, and no pair of models left out without a word."""

from __future__ import annotations

from typing import Any

import pytest

from pytest_llmeval.results.aggregate import aggregate_document
from pytest_llmeval.results.html import render_html
from pytest_llmeval.results.render import render_markdown, render_terminal
from pytest_llmeval.results.sections import build_sections, fmt, with_interval

pytestmark = pytest.mark.charts  # the report's charts are drawn here (tests/conftest.py)


def case(model: str, sid: str, score: float | None, mode: str = "norag", sample: int = 0, **extra: Any) -> dict:
    out = {
        "model": model,
        "scenario_id": sid,
        "suite": "s",
        "category": sid,
        "mode": mode,
        "sample": sample,
        "score": score,
        "passed": score is not None and score >= 60,
        "error": None,
    }
    if score is None:
        out["error"] = {"type": "HTTPError", "message": "500"}
    return out | extra


def document(cases: list[dict]) -> dict:
    models = list(dict.fromkeys(c["model"] for c in cases))
    return {"run": {"models": models, "status": "complete"}, "cases": cases, "aggregates": aggregate_document(cases)}


def section(doc: dict, key: str) -> Any:
    return next(s for s in build_sections(doc) if s.key == key)


def rendered(doc: dict) -> list[str]:
    return [render_terminal(doc), render_markdown(doc), render_html(doc)]


def test_models_compared_pass_rate_has_its_interval_n_and_the_summarys_value():
    # weak: case a passed twice, case b failed once (its other repeat missing): the case is the unit -> 83.3;
    # pooled over samples the comparison table had printed 90.9, with neither n nor interval
    cases = [case("good", i, 90, sample=s) for i in "abcdef" for s in (0, 1)]
    cases += [case("weak", "a", 90, sample=0), case("weak", "a", 90, sample=1), case("weak", "b", 10)]
    cases += [case("weak", i, 90, sample=s) for i in "cdef" for s in (0, 1)]
    doc = document(cases)
    summary, models = section(doc, "summary"), section(doc, "models")
    pass_col = models.table.headers.index("pass % [95% CI]")
    summary_cells = {(r[0], r[1]): r[5] for r in summary.table.rows}
    for row in models.table.rows:
        cell = row[pass_col]
        assert cell.startswith(summary_cells[(row[0], row[1])]), (cell, summary_cells)
        assert "[" in cell and "(n=6)" in cell
    for text in rendered(doc):
        assert "83.3 [" in text and "90.9" not in text


def test_a_bound_a_hair_below_zero_has_no_minus_sign():
    assert with_interval(19.0, {"low": -1e-12, "high": 38.1}, sign=True) == "+19.0 [+0.0, +38.1]"
    assert with_interval(5.0, {"low": -1e-12, "high": 9.0}) == "5.0 [0.0, 9.0]"
    assert fmt(-0.001) == "0.0"
    assert fmt(-0.1) == "-0.1"


def test_a_pair_of_models_without_a_common_case_gets_a_row_that_says_so():
    cases = [case("good", i, 90) for i in "abcdef"]
    cases += [case("weak", i, 40) for i in "abcdef"]
    cases += [case("other", i, 50) for i in "ghijkl"]
    doc = document(cases)
    pairs = section(doc, "model_pairs")
    assert any(r[0] == "other - weak" and "no case in common" in r[5] for r in pairs.table.rows)
    assert sum("no case in common" in r[5] for r in pairs.table.rows) == 2  # other - good, other - weak: once each
    recorded = doc["aggregates"]["comparison"]["pairs"]  # results.json says it too, not only the report
    assert {(p["a"], p["b"]) for p in recorded if p["verdict"] == "not compared: no case in common"} == {
        ("good", "other"),
        ("weak", "other"),
    }
    for text in rendered(doc):
        assert "no case in common" in text
    # only two models, nothing in common: the section had been left out altogether
    doc = document([case("good", i, 90) for i in "abc"] + [case("weak", i, 40) for i in "def"])
    for text in rendered(doc):
        assert "Model against model" in text and "no case in common" in text
        assert "interval (-)" not in text


def test_a_model_whose_every_case_errored_shows_no_measured_score():
    cases = [case("good", i, 90) for i in "abcdef"] + [case("weak", i, None) for i in "abcdef"]
    doc = document(cases)
    weak = next(r for r in section(doc, "models").table.rows if r[0] == "weak")
    assert weak[2].startswith("not measured: every case errored") and "(n=6)" in weak[2]
    note = section(doc, "model_pairs").paragraphs[0]
    assert "(-)" not in note and "over the 1 comparison" not in note


def test_the_rag_note_says_the_retrieval_n_counts_cases():
    cases = []
    for mode in ("norag", "rag"):
        for i in "abcdef":
            for s in (0, 1, 2):
                retrieval = {"hit_at_k": 1.0, "recall_at_k": 1.0} if mode == "rag" else None
                cases.append(case("good", i, 80, mode=mode, sample=s, retrieval=retrieval))
    doc = document(cases)
    rag = section(doc, "rag")
    # the case is the unit: a case asked 3 times retrieves the same chunks 3 times (tests/results/test_stats_honesty.py)
    assert rag.table.rows[0][1] == 6 and "(n=6)" in rag.table.rows[0][8]
    assert "over the cases that name them" in rag.paragraphs[0]
