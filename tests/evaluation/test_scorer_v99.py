"""Scorer v99: a sum is not stated by a rate of a period the case's question does not count in
(`keywords/rates.per_another_period`).

The shipped near-match case asks for the first year's cost (年费60万元 ... 首年费用是多少？ - point 84万); v98 credited
首年费用为84万元/月 and 每月84万元, a monthly amount twelve times another sum, and the ROI case's 120万 for
年节省人力成本120万元/月. A money point written with no period is a sum; where the question counts its amounts per a
period (每年运维费, 年费: a year) and the answer gives the figure per another (/月, 每月, per month, 每天), it is
another amount. Kept: the question's own period (84万元/年, 每年节省120万元), a question that names no period
(参考报价200万元/年 and 每月200万元 for a question that asks only 报价), a monthly figure beside the sum
(每月约7万元，首年合计84万元), a point written as a rate (v34's rules).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pytest_llmeval.evaluation.keywords.rates import a_rate_form, question_periods
from pytest_llmeval.evaluation.scenarios import Case, load_scenarios
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
C, N = "covered", "not covered"

ROWS = [
    ("near_match_precision", "84万", "首年费用为每月84万元。", N),
    ("near_match_precision", "84万", "首年费用为84万元/月。", N),
    ("near_match_precision", "84万", "首年费用84万/月。", N),
    ("near_match_precision", "84万", "费用：84万元每月。", N),
    ("near_match_precision", "84万", "The first-year cost is 84万 per month.", N),
    ("roi_calculation", "120万", "年节省人力成本120万元/月。", N),
    ("roi_calculation", "360万", "每天节省360万元。", N),
    ("near_match_precision", "84万", "首年费用为84万元。", C),
    ("near_match_precision", "84万", "首年费用为84万元/年。", C),
    ("near_match_precision", "84万", "年费60万元+超额24万元，首年合计84万元。", C),
    ("near_match_precision", "84万", "每月约7万元，首年合计84万元。", C),
    ("near_match_precision", "24万", "超出300万次×0.08元/次=24万元。", C),
    ("roi_calculation", "120万", "每年节省人力成本120万元。", C),
    ("roi_calculation", "360万", "三年总节省360万元。", C),
    ("kb_product_recommendation", "200万元", "参考报价200万元/年。", C),
    ("kb_product_recommendation", "200万元", "参考报价每月200万元。", C),
]


@cache
def _case(case_id: str) -> Case:
    return next(c for c in load_scenarios([SCENARIOS]) if c.id == case_id)


def test_the_version() -> None:
    assert SCORER_VERSION >= 99


@pytest.mark.parametrize(("case_id", "point", "answer", "expected"), ROWS)
def test_rows(case_id: str, point: str, answer: str, expected: str) -> None:
    got = next(p.status for p in score_answer(_case(case_id), answer).points if p.point == point)
    assert (got == "covered") == (expected == C), got


@pytest.mark.parametrize(
    ("question", "periods"),
    [
        ("一次性投入150万元，每年运维费30万元", {"year"}),
        ("年费60万元，首年费用是多少？", {"year"}),
        ("月租5000元，押金多少？", {"month"}),
        ("参考报价是多少？", set()),
        ("The fee is $5,000 per month. What is the deposit?", {"month"}),
    ],
)
def test_question_periods(question: str, periods: set[str]) -> None:
    assert question_periods(question.lower()) == periods


@pytest.mark.parametrize(
    ("variants", "expected"),
    [(("5000元/月",), True), (("每月5000元",), True), (("$5000 per month",), True), (("84万", "84万元"), False)],
)
def test_a_rate_form(variants: tuple[str, ...], expected: bool) -> None:
    assert a_rate_form(variants) is expected


def test_the_unit_sweep_over_the_shipped_cases() -> None:
    """benchmarks/unit_mutations.py: every figure point of the shipped cases given with another unit, currency or
    period is not credited, and with its own is (v97-v99); a point whose plain sentence is not credited (the ROI
    case's 90万, a regex of its context) is skipped, and only that one."""
    from benchmark_scripts import load_benchmark

    sweep = load_benchmark("unit_mutations")
    made, wrong, skipped = sweep.sweep([SCENARIOS])
    kinds = {m.kind for m in made}
    assert {"another unit", "another currency", "another period", "right: the question's period"} <= kinds
    assert len(made) >= 300 and skipped == 1 and wrong == [], wrong
