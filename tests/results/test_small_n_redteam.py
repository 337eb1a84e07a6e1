"""Every number the reports print, at the n a suite really has (1-14 cases): a verdict word only where it survives the
run's whole family of tests, a statistic with its n or its missing interval said, and degenerate inputs (every case
errored, a NaN or infinite latency) that neither crash nor print a figure nothing measured."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from pytest_llmeval.results.aggregate import aggregate_document, model_rows, rag_rows
from pytest_llmeval.results.charts import latency_distributions, latency_groups, score_vs_speed
from pytest_llmeval.results.render import render_markdown
from pytest_llmeval.results.sections import bench_cell, rag_category_section


def record(model: str, case: str, score: float | None, mode: str = "norag", **extra: Any) -> dict[str, Any]:
    return {
        "model": model,
        "scenario_id": case,
        "suite": "s",
        "category": extra.pop("category", "c"),
        "mode": mode,
        "sample": extra.pop("sample", 0),
        "score": score,
        "passed": score is not None and score >= 60,
        "error": None,
        "ttft_s": 0.1,
        "e2e_s": 1.0,
        "output_tokens": 50,
        **extra,
    }


def document(cases: list[dict[str, Any]]) -> dict[str, Any]:
    doc: dict[str, Any] = {"run": {"models": sorted({c["model"] for c in cases}), "status": "complete"}}
    doc["cases"] = cases
    doc["aggregates"] = aggregate_document(cases)
    return doc


def rows_of(markdown: str, start: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith(start)]


# --- RAG uplift per category: one Holm family over every model's categories --------------------------------------


def rising_in_all_six(models: list[str]) -> list[dict[str, Any]]:
    """Each model: one category of 6 cases, every one scoring higher with RAG (sign-flip p = 2/64 = 0.031)."""
    cases = []
    for model in models:
        for i, rise in enumerate((20.0, 30.0, 40.0, 50.0, 55.0, 60.0)):
            cases += [record(model, f"q{i}", 40.0), record(model, f"q{i}", 40.0 + rise, "rag")]
    return cases


def test_three_models_each_rising_in_one_six_case_category_are_one_family():
    # per model, each of the three was its own family of 1 and printed "better with RAG" at p 0.031: three tests at
    # 0.05 each. Over the run's family of 3, Holm made each 0.094 - none a finding, though 6 cases can give no
    # smaller p. The category's uplifts in the three models are one unit now, tested jointly on the six cases they
    # share (a case's no-RAG and RAG answers swapped in every model at once): 2 of the 64 joint sign patterns reach
    # the observed largest r, so each is 0.031 - after the correction, with the family-wise error kept at 5%
    # (tests/results/test_run_family_joint.py enumerates every pattern)
    rows = rag_rows(rising_in_all_six(["a", "b", "c"]))
    for row in rows:
        category = row["categories"]["c"]
        assert category["uplift_interval"]["p_value"] == pytest.approx(2 / 64)
        assert category["family"] == 3 and category["p_holm"] == pytest.approx(2 / 64)
        assert category["significant_holm"] is True and category["joint"] is True
    section = rag_category_section({"aggregates": {"rag": rows}})
    assert section is not None and section.table is not None
    cells = section.table.rows[0][1:]
    assert all("(Holm 0.0312): better with RAG" in cell for cell in cells), cells
    assert "every other model's (one family per run)" in section.paragraphs[0]
    assert "tested jointly on its cases" in section.paragraphs[0]


def test_one_model_alone_keeps_its_finding():
    (row,) = rag_rows(rising_in_all_six(["a"]))
    category = row["categories"]["c"]
    assert category["family"] == 1 and category["significant_holm"] is True


def test_the_models_uplifts_are_one_family_and_the_rag_table_says_its_verdict():
    # a model's uplift printed its interval alone, +42.5 [+20.0, +60.0], for each of three models: read as three
    # findings, where with three models one interval leaves out 0 by chance up to three times as often. Holm over the
    # three then made each 0.094, below what 6 cases can reach; tested jointly on the cases they share, 0.031 each
    rows = rag_rows(rising_in_all_six(["a", "b", "c"]))
    assert all(row["uplift_holm"]["p_holm"] == pytest.approx(2 / 64) for row in rows)
    assert all(row["uplift_holm"]["significant_holm"] for row in rows)
    markdown = render_markdown(document(rising_in_all_six(["a", "b", "c"])))
    for model in "abc":
        (row,) = rows_of(markdown, f"| {model} | 6 | 40.0 | 82.5 |")
        assert "| +42.5 [+20.0, +60.0]; p 0.0312 (Holm 0.0312): better with RAG |" in row, row
    assert "tested jointly on the cases they share" in markdown
    (alone,) = rows_of(render_markdown(document(rising_in_all_six(["a"]))), "| a | 6 | 40.0 | 82.5 |")
    assert "| +42.5 [+20.0, +60.0]; p 0.0312 (Holm 0.0312): better with RAG |" in alone, alone


def null_rag_run(rng: np.random.Generator, models: int, cases: int) -> list[dict[str, Any]]:
    """No uplift: each case's two modes are exchangeable draws around the case's own difficulty (continuous scores,
    the modes correlated through the case as in a real suite)."""
    out = []
    for m in range(models):
        for i in range(cases):
            level = rng.uniform(20.0, 80.0)
            for mode in ("norag", "rag"):
                score = round(float(np.clip(level + rng.normal(0.0, 20.0), 0.0, 100.0)), 1)
                out.append(record(f"m{m}", f"q{i}", score, mode))
    return out


def test_under_no_uplift_some_model_or_category_is_called_at_most_5_percent_of_the_time():
    # 4 models x 1 category of 10 cases: per model, some "better/worse with RAG" in 18.5% of null runs (400 runs,
    # seed 1); one family over the run: 5.5% there (the simulation error at 200 runs is ~0.015)
    rng = np.random.default_rng(7)
    runs = 200
    alarms = uplifts = 0
    for _ in range(runs):
        rows = rag_rows(null_rag_run(rng, models=4, cases=10))
        alarms += any(c["significant_holm"] for row in rows for c in row["categories"].values())
        uplifts += any(row["uplift_holm"]["significant_holm"] for row in rows)
    assert alarms / runs <= 0.08 and uplifts / runs <= 0.08, (alarms, uplifts)


# --- a percentile without an interval says so, with its n ---------------------------------------------------------


@pytest.mark.parametrize("answers", [1, 3, 5])
def test_a_median_of_too_few_answers_says_it_has_no_interval(answers):
    # a p50 of 1-5 answers has no 95% order-statistic interval at all: it was printed bare (`0.120`), as sure-looking
    # as a median of 50 answers
    cases = [record("a", f"q{i}", 100.0, ttft_s=0.1 + 0.01 * i, e2e_s=1.0 + 0.1 * i) for i in range(answers)]
    markdown = render_markdown(document(cases))
    summary, compared = rows_of(markdown, f"| a | norag | {answers} |")[0], rows_of(markdown, "| a | norag | 100.0")[0]
    assert f"[no 95% interval at n={answers}]" in summary.split("|")[8], summary  # TTFT p50
    assert f"[no 95% interval at n={answers}]" in summary.split("|")[9], summary  # E2E p50
    assert f"[no 95% interval] (n={answers} answers) |" in compared, compared


def test_a_median_with_an_interval_is_unchanged():
    cases = [record("a", f"q{i}", 100.0, ttft_s=0.1 + 0.01 * i) for i in range(8)]
    (summary,) = rows_of(render_markdown(document(cases)), "| a | norag | 8 |")
    assert "0.135 [0.100, 0.170] |" in summary, summary


# --- every case errored: nothing measured, no pass rate of 0 -----------------------------------------------------


def test_a_model_whose_every_case_errored_has_no_pass_rate():
    # `0.0 [0.0, 39.3]` read as a measured pass rate of 0, beside a mean score of `-` in the same row and
    # "not measured" in the models table's score
    broken = [record("a", f"q{i}", None, error={"type": "ConnectionError", "message": "refused"}) for i in range(6)]
    markdown = render_markdown(document(broken))
    (summary,) = rows_of(markdown, "| a | norag | 6 | 6 | 6 |")
    assert summary.split("|")[6].strip() == "not measured: every case errored", summary
    (compared,) = rows_of(markdown, "| a | norag | not measured")
    assert compared.split("|")[5].strip() == "not measured: every case errored (n=6)", compared
    assert "39.3" not in summary + compared


def test_a_model_with_some_errors_keeps_its_pass_rate():
    cases = [record("a", f"q{i}", 100.0) for i in range(5)]
    cases.append(record("a", "q5", None, error={"type": "Timeout", "message": "slow"}))
    (summary,) = rows_of(render_markdown(document(cases)), "| a | norag | 6 | 6 | 1 |")
    assert summary.split("|")[6].strip().startswith("83.3 ["), summary


# --- a NaN or infinite latency is no measurement -----------------------------------------------------------------


@pytest.mark.parametrize("bad", [float("inf"), float("nan")])
def test_a_non_finite_latency_is_left_out_of_every_speed_figure(bad):
    # an inf TTFT and E2E on one of 8 answers: the p50 was over 8 values (0.145) beside its interval over 7
    # (n=7 answers), the mean inf, and the decode rate of all 8 answers None (inf - inf); with NaN likewise None
    cases = [record("a", f"q{i}", 100.0, ttft_s=0.1 + i / 100, e2e_s=1.0 + i / 10) for i in range(8)]
    cases[0].update(ttft_s=bad, e2e_s=bad)
    (row,) = model_rows(cases)
    interval = row["intervals"]["ttft_p50_s"]
    assert interval["n"] == 7 and row["ttft_p50_s"] == pytest.approx(interval["estimate"])
    assert row["mean_ttft_s"] == pytest.approx(sum(0.1 + i / 100 for i in range(1, 8)) / 7)
    seconds = sum((1.0 + i / 10) - (0.1 + i / 100) for i in range(1, 8))
    assert row["decode_tok_s"] == pytest.approx(7 * 49 / seconds, rel=1e-4)


def test_the_latency_boxes_leave_out_non_finite_timings_and_carry_their_n():
    cases = [record("a", f"q{i}", 100.0, ttft_s=0.1 * (i + 1)) for i in range(5)]
    cases[0]["ttft_s"] = float("nan")
    cases[1]["ttft_s"] = float("inf")
    groups = latency_groups({"cases": cases})
    assert groups["a (norag)"]["ttft_s"] == pytest.approx([0.3, 0.4, 0.5])
    svg = latency_distributions({"cases": cases})
    assert svg is not None and "a (norag) (n=3)" in svg and "a (norag) (n=5)" in svg


def test_the_rag_tables_medians_of_few_answers_say_they_have_no_interval_and_their_n_once():
    cases = []
    for i in range(3):
        cases += [record("a", f"q{i}", 40.0), record("a", f"q{i}", 60.0, "rag", retrieval_ms=10.0 + i)]
    cases[1]["generation_ms"] = 900.0
    markdown = render_markdown(document(cases))
    (row,) = rows_of(markdown, "| a | 3 | 40.0 | 60.0 |")
    assert "| 11.0 [no 95% interval] (n=3) |" in row and "| 900.0 [no 95% interval] (n=1) |" in row, row


# --- speed figures of one run: no more digits than one run can say -------------------------------------------------


def test_benchmark_figures_show_three_significant_digits():
    # at 2 decimals: 4523.71 tok/s, 12.35 ms and 23.46 [21.10, 25.32] ms - precision one run does not have
    summary = {
        "completed": 40,
        "output_throughput": 4523.714,
        "request_throughput": 3.2149,
        "mean_ttft_ms": 12.3456,
        "p95_ttft_ms": 23.456,
        "mean_itl_ms": 0.012345,
        "percentile_intervals": {"p95_ttft_ms": [21.1, 25.32]},
    }
    cells = {name: bench_cell(summary, name) for name in summary if name != "percentile_intervals"}
    assert cells == {
        "completed": "40",
        "output_throughput": "4524",
        "request_throughput": "3.21",
        "mean_ttft_ms": "12.3",
        "p95_ttft_ms": "23.5 [21.1, 25.3]",
        "mean_itl_ms": "0.0123",
    }


def test_the_accuracy_against_speed_chart_says_its_points_are_means_without_their_interval():
    cases = [record(model, f"q{i}", 100.0 * (i % 2)) for model in ("a", "b") for i in range(6)]
    svg = score_vs_speed(document(cases))
    assert svg is not None and "means only: n and 95% intervals in the table" in svg


def vision_part(markdown: str) -> str:
    """The vision section of a report (its table's rows start like the summary's)."""
    return markdown.split("## Vision: image cases")[1].split("\n## ")[0]


def test_image_cases_that_all_errored_have_no_accuracy():
    broken = [
        record("a", f"v{i}", None, images=1, error={"type": "ConnectionError", "message": "refused"}) for i in range(4)
    ]
    doc = document(broken)
    (row,) = doc["aggregates"]["vision"]
    assert row["n"] == 4 and row["errors"] == 4
    (shown,) = rows_of(vision_part(render_markdown(doc)), "| a | norag | 4 |")
    assert shown.split("|")[4].strip() == "not measured: every case errored", shown


def test_image_cases_with_one_error_keep_their_accuracy():
    cases = [record("a", f"v{i}", 100.0, images=1) for i in range(3)]
    cases.append(record("a", "v3", None, images=1, error={"type": "Timeout", "message": "slow"}))
    doc = document(cases)
    assert doc["aggregates"]["vision"][0]["errors"] == 1
    (shown,) = rows_of(vision_part(render_markdown(doc)), "| a | norag | 4 |")
    assert shown.split("|")[4].strip().startswith("75.0 ["), shown


def test_image_speed_figures_show_three_significant_digits():
    # at 3 decimals: 12.346 s/sample and 0.081 samples/s from 3 answers of one run
    cases = [record("a", f"v{i}", 100.0, images=1, e2e_s=12.3456, finished_at=100.0 + 12.3456 * i) for i in range(3)]
    doc = document(cases)
    (shown,) = rows_of(vision_part(render_markdown(doc)), "| a | norag | 3 |")
    cells = [cell.strip() for cell in shown.split("|")]
    assert cells[5] == "12.3" and cells[6] == "0.0810", cells
