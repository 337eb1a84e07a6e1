"""Round 6 of the small-n red team: a figure no answer measured (NaN, an infinity, a negative time, a first token after
the last) is printed nowhere and enters no statistic - not the summary's latency and decode rate, and not the per-case
tables of report.md and report.html either, which read the raw records."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pytest_llmeval.cost import cost_rows, load_prices
from pytest_llmeval.results.aggregate import model_rows
from pytest_llmeval.results.html import render_html
from pytest_llmeval.results.render import render_markdown, render_terminal
from pytest_llmeval.results.sections import fmt
from tests.results.test_report_n_sweep import PRICES, answer, bench_run, document, rows, section

pytestmark = pytest.mark.charts  # the report's charts are drawn here (tests/conftest.py)

NOT_A_NUMBER = re.compile(r"\b(nan|inf|infinity)\b", re.IGNORECASE)


def three_cases(**broken: Any) -> list[dict[str, Any]]:
    cases = [answer("a", f"q{i}", score) for i, score in enumerate((50.0, 60.0, 70.0))]
    cases[0] |= broken
    return cases


@pytest.mark.parametrize(
    "broken",
    [
        {"ttft_s": float("nan")},
        {"ttft_s": float("inf")},
        {"score": float("nan"), "passed": False},
        {"output_tokens": float("nan")},
        {"decode_tok_s": float("inf")},
        {"retrieval_ms": float("nan")},
    ],
    ids=["ttft-nan", "ttft-inf", "score-nan", "tokens-nan", "decode-inf", "retrieval-nan"],
)
def test_a_non_finite_field_of_one_case_is_printed_in_no_rendering(broken: dict[str, Any]):
    # the cases table of report.md and report.html printed `nan` / `inf` as the case's TTFT, score or tokens (and the
    # failed-cases list `score nan`), where the summary rightly leaves the value out
    doc = document(three_cases(**broken))
    for text in (render_terminal(doc), render_markdown(doc), render_html(doc)):
        assert not NOT_A_NUMBER.search(text), NOT_A_NUMBER.search(text)


def test_the_case_row_shows_a_dash_for_the_value_not_measured():
    markdown = render_markdown(document(three_cases(ttft_s=float("nan"))))
    (row,) = [line for line in markdown.splitlines() if line.startswith("| a | norag | q0 | 0 | c |")]
    assert row.split(" | ")[9] == "-", row


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_fmt_writes_a_dash_for_what_is_no_measurement(value: float):
    assert fmt(value) == "-" and fmt(value, 3) == "-"


def test_fmt_keeps_finite_numbers_and_token_counts():
    assert fmt(44.46) == "44.5" and fmt(-0.04) == "0.0" and fmt(120, 0) == "120" and fmt(120.0, 0) == "120"


# --- a time that is no time: negative, or a first token after the last -------------------------------------------


def timed(ttft: float, e2e: float) -> list[dict[str, Any]]:
    """Three answers, the first with the given times (the others: TTFT 0.11 / 0.12 s, E2E 2.21 / 2.32 s)."""
    cases = [answer("a", f"q{i}", score) for i, score in enumerate((50.0, 60.0, 70.0))]
    cases[0] |= {"ttft_s": ttft, "e2e_s": e2e}
    return cases


@pytest.mark.parametrize(
    ("ttft", "e2e", "ttft_n", "e2e_n"),
    [(-0.5, 2.1, 2, 3), (0.1, -2.0, 3, 2), (3.0, 2.1, 3, 3)],
    ids=["negative-ttft", "negative-e2e", "ttft-after-e2e"],
)
def test_an_impossible_time_is_left_out_of_the_latency_and_the_decode_rate(
    ttft: float, e2e: float, ttft_n: int, e2e_n: int
):
    # an E2E of -2 s was a negative decode duration: the model's decode tok/s rose from 46.6 to 114.7; a TTFT of
    # -0.5 s was one of the 3 answers of the TTFT p50 and its n. A time beside a broken one is still a time, and a
    # first token after the last leaves the latencies (each measured on its own) but no decode time
    (row,) = model_rows(timed(ttft, e2e))
    (two,) = model_rows(timed(ttft, e2e)[1:])
    assert row["decode_tok_s"] == pytest.approx(two["decode_tok_s"])
    assert row["intervals"]["ttft_p50_s"]["n"] == ttft_n and row["intervals"]["e2e_p50_s"]["n"] == e2e_n


def test_the_cases_table_prints_no_negative_time():
    doc = document(timed(-0.5, 2.1))
    for text in (render_markdown(doc), render_html(doc)):
        assert "-0.500" not in text


# --- the judge's kappa and Spearman where the data cannot give them ----------------------------------------------


def judged(verdicts: list[tuple[float, float, bool]]) -> dict[str, Any]:
    """One answer per (keyword score, judge score, judge passed)."""
    return document(
        [
            answer("a", f"q{i}", score, judge={"score": judge, "passed": passed})
            for i, (score, judge, passed) in enumerate(verdicts)
        ]
    )


def judge_row(doc: dict[str, Any]) -> dict[str, str]:
    (row,) = rows(section(doc, "judge"))
    return row


def test_kappa_of_one_class_says_it_is_undefined_and_why():
    # both scorers passed all 6 answers: kappa is 0/0, and the cell was a bare `-` beside agree % 100.0
    row = judge_row(judged([(80.0, 90.0, True)] * 6))
    assert row["kappa [95% CI]"] == "undefined: a scorer gave every answer the same verdict (see agree %)"
    assert row["spearman"] == "undefined: a scorer gave every answer the same score"


def test_spearman_of_two_cases_says_it_needs_three():
    row = judge_row(judged([(80.0, 90.0, True), (30.0, 20.0, False)]))
    assert row["spearman"] == "undefined at n=2: needs 3 cases"
    assert row["kappa [95% CI]"] != "-"


def test_a_defined_kappa_and_spearman_keep_their_figures():
    verdicts = [(80.0, 90.0, True), (30.0, 20.0, False), (70.0, 60.0, True), (20.0, 40.0, False), (65.0, 55.0, False)]
    row = judge_row(judged(verdicts))
    assert row["kappa [95% CI]"].startswith("0.62") and row["spearman"].startswith("0.90 [-0.17, 1.00] (p=")


# --- cost where no answer counted a token ---------------------------------------------------------------------------


def cost_doc(tokens: int) -> dict[str, Any]:
    cases = [answer("a", f"q{i}", 80.0) | {"output_tokens": tokens, "prompt_tokens": tokens} for i in range(2)]
    doc = document(cases, [bench_run("a", 1, 1)])
    doc["cost"] = {"prices": "p", "rows": cost_rows(doc, load_prices(PRICES))}
    return doc


def test_the_api_cost_of_zero_counted_tokens_is_not_measured_not_free():
    # usage not reported (0 prompt and 0 output tokens): the API column printed 0.000 per 1k requests beside the
    # local GPU's 26.695, an API that costs nothing, while the verdict said "no tokens measured"
    (row,) = rows(section(cost_doc(0), "cost"))
    assert row["API CNY/1k req"] == "not measured (0 tokens counted)"
    (counted,) = rows(section(cost_doc(300), "cost"))
    assert float(counted["API CNY/1k req"]) > 0
