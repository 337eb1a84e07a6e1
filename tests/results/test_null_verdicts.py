"""A report never calls noise a difference, and does call a clear one: the verdicts the Markdown and the HTML chart
print ("better", "worse", an interval that leaves out 0, a point marked beaten) at the n a suite has (6-14 cases).
benchmarks/null_verdicts.py measures their rates over thousands of simulated runs; these are its fixed examples."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from benchmark_scripts import load_benchmark

from pytest_llmeval.results.aggregate import aggregate_document
from pytest_llmeval.results.charts import chart_input, score_vs_speed
from pytest_llmeval.results.render import render_markdown

BENCH = load_benchmark(
    "null_verdicts"
)  # benchmarks/null_verdicts.py: the simulation, and how it reads a report's tables
tables = BENCH.tables
INTERVAL = BENCH.INTERVAL


def record(model: str, i: int, score: float, mode: str = "norag", sample: int = 0, category: str = "c") -> dict:
    return {
        "model": model,
        "scenario_id": f"q{i}",
        "suite": "s",
        "category": category,
        "mode": mode,
        "sample": sample,
        "score": score,
        "passed": score >= 60,
        "error": None,
    }


def passing(model: str, n: int, passed: int, mode: str = "norag", categories: int = 1) -> list[dict]:
    """n cases of which the first `passed` pass (score 100), the others fail (0)."""
    return [record(model, i, 100.0 if i < passed else 0.0, mode, category=f"c{i % categories}") for i in range(n)]


def document(cases: list[dict], speeds: dict[str, float] | None = None) -> dict[str, Any]:
    """A results document; `speeds`: the decode tok/s of each model's rows (the accuracy-against-speed chart)."""
    doc = {"run": {"models": sorted({c["model"] for c in cases}), "status": "complete"}, "cases": cases}
    doc["aggregates"] = aggregate_document(cases)
    for row in doc["aggregates"]["models"]:
        row["decode_tok_s"] = (speeds or {}).get(row["model"])
    return doc


def leaves_out_zero(cell: str) -> bool:
    found = INTERVAL.search(cell)
    assert found is not None, cell
    return float(found.group(1)) > 0 or float(found.group(2)) < 0


def claims(markdown: str) -> list[str]:
    """Every table cell of a report that says better or worse."""
    return [
        cell
        for rows in tables(markdown).values()
        for row in rows
        for cell in row.values()
        if re.search(r"\b(better|worse)\b", cell)
    ]


def test_seven_of_eight_against_five_of_eight_is_no_difference_anywhere_in_the_report():
    # b passes 7 of 8, a 5 of 8 (2 cases differ, both one way: p = 0.5); with RAG a's 7 of 8 against its 5 of 8
    cases = passing("a", 8, 5) + passing("b", 8, 7) + passing("a", 8, 7, "rag") + passing("b", 8, 7, "rag")
    doc = document(cases, speeds={"a": 30.0, "b": 40.0})
    markdown = render_markdown(doc)
    found = tables(markdown)
    (norag, rag) = found["Model against model (paired on the same cases)"]
    assert norag["verdict"] == rag["verdict"] == "no significant difference"
    assert not leaves_out_zero(norag["difference [95% CI]"])
    rag_a = next(r for r in found["RAG: without vs with retrieval"] if r["model"] == "a")
    assert not leaves_out_zero(rag_a["uplift [95% CI]"]) and not leaves_out_zero(rag_a["pass change [95% CI]"])
    assert claims(markdown) == []
    # b is faster and scores 25 points more, by chance as far as 8 cases tell: no point is marked beaten
    svg = score_vs_speed(doc)
    assert svg is not None and "Pareto" not in svg and "hollow" not in svg


def test_a_point_estimate_ahead_marks_no_model_beaten_in_the_chart():
    # three models 1 case apart of 10 (no pair significant): the front drawn through the point estimates (b the
    # fastest, c the best) left a - slower and a case behind c - off it, as if beaten
    cases = passing("a", 10, 5) + passing("b", 10, 6) + passing("c", 10, 7)
    doc = document(cases, speeds={"a": 30.0, "b": 40.0, "c": 35.0})
    assert all(p["verdict"] == "no significant difference" for p in doc["aggregates"]["comparison"]["pairs"])
    svg = score_vs_speed(doc)
    assert svg is not None and "Pareto" not in svg and "hollow" not in svg


def test_a_clear_difference_gets_its_verdict_in_the_table_and_the_chart():
    # b passes all 14 cases, a 2 of them: 12 cases all one way (p = 2 / 2^12)
    doc = document(passing("a", 14, 2) + passing("b", 14, 14), speeds={"a": 30.0, "b": 40.0})
    markdown = render_markdown(doc)
    (pair,) = tables(markdown)["Model against model (paired on the same cases)"]
    assert pair["pair"] == "b - a" and pair["verdict"] == "better"
    assert leaves_out_zero(pair["difference [95% CI]"])
    svg = score_vs_speed(doc)
    assert svg is not None and "hollow: another model as fast is significantly better" in svg
    # the chart process draws from the slim input: it must carry the verdicts the mark reads
    from pytest_llmeval.results.charts import beaten

    assert beaten(chart_input(doc)) == beaten(doc) == [0]  # a, the first row
    # a model faster than the better one is not beaten: it wins on speed
    svg = score_vs_speed(document(passing("a", 14, 2) + passing("b", 14, 14), speeds={"a": 50.0, "b": 40.0}))
    assert svg is not None and "hollow" not in svg


def test_a_clear_rag_uplift_is_said_per_category_after_holm():
    # with RAG every one of 14 cases passes, without none: both categories of 7 gain in every case (p 2 / 2^7 each)
    cases = passing("a", 14, 0, categories=2) + passing("a", 14, 14, "rag", categories=2)
    markdown = render_markdown(document(cases))
    found = tables(markdown)
    (rag,) = found["RAG: without vs with retrieval"]
    assert leaves_out_zero(rag["uplift [95% CI]"]) and leaves_out_zero(rag["pass change [95% CI]"])
    cells = [row["a no-RAG / RAG / uplift"] for row in found["RAG uplift per category"]]
    assert all(cell.endswith(": better with RAG") for cell in cells), cells


def test_simulated_runs_without_a_difference_rarely_get_a_verdict():
    """80 seeded runs of 2 models x 2 modes with no difference (benchmarks/null_verdicts.py's null), binary at n = 8
    and graded with 3 repeats at n = 14: every claim stays at about 5% or less of the claims that could be made
    (the bound 0.1 leaves room for 80 draws; a verdict read from point estimates makes about half)."""
    bench = BENCH
    rng = np.random.default_rng(3)
    for n, kind, repeats in ((8, "binary", 1), (14, "graded", 3)):
        tally = bench.simulate(rng, n, kind, repeats, 80, 0.0)
        rates = {claim: tally.made[claim] / tally.chances[claim] for claim in bench.CLAIMS}
        assert all(rate <= 0.1 for rate in rates.values()), (n, kind, rates)
        assert tally.chances["pairs verdict"] == 160 and tally.chances["gate verdict"] == 320
    # and a difference of 20 points on 14 graded cases asked 3 times is found most of the time
    tally = bench.simulate(rng, 14, "graded", 3, 30, bench.calibrate("graded"))
    assert tally.made["pairs verdict"] / tally.chances["pairs verdict"] > 0.8
