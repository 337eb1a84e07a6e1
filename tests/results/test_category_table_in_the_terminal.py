"""The terminal's short summary shows the mean score per category only where a category holds two cases or more:
with one case in each (the shipped suite: 14 categories of one case) the table repeats the case scores, 14 rows of
"[no 95% interval at n=1] (n=1)". report.md keeps the table either way."""

from __future__ import annotations

from typing import Any

from pytest_llmeval.results.aggregate import aggregate_document
from pytest_llmeval.results.render import render_markdown, render_terminal
from tests.test_results import record

TITLE = "Mean score per category"


def case(model: str, case_id: str, category: str, score: float) -> dict[str, Any]:
    return record(model, case_id, category, "norag", score, score >= 60)


def document(cases: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schema_version": 2,
        "run": {"models": sorted({c["model"] for c in cases}), "settings": {}},
        "cases": cases,
        "aggregates": aggregate_document(cases, {}, True, []),
        "benchmarks": [],
    }


def test_one_case_per_category_leaves_the_table_to_report_md():
    doc = document([case("a", f"c{i}", f"cat{i}", 10.0 * i) for i in range(4)])
    assert TITLE not in render_terminal(doc)
    markdown = render_markdown(doc)
    assert TITLE in markdown and "30.0 [no 95% interval at n=1] (n=1)" in markdown


def test_a_category_of_two_cases_shows_the_table_in_the_terminal():
    cases = [case("a", "c0", "cat0", 40.0), case("a", "c1", "cat0", 80.0), case("a", "c2", "cat1", 50.0)]
    terminal = render_terminal(document(cases))
    assert TITLE in terminal and "(n=2)" in terminal


def test_two_models_each_one_case_per_category_stay_out_of_the_terminal():
    cases = [case(m, f"c{i}", f"cat{i}", 50.0) for m in ("a", "b") for i in range(3)]
    assert TITLE not in render_terminal(document(cases))
