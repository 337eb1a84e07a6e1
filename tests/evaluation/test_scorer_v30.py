"""Scorer v30: a revision right after a figure makes it a former value (previously $1.2 million but has been revised
to $1.5 million, 此前为20个月，已修订为24个月), a disbelief denies the figure (I don't think it is 20 months,
我不认为回收期是20个月), and a bare-number point offered among alternatives is a guess (成立于1996年或1997年, launched
in 2023 or 2024). 15 of the wrong-answer rows below were credited by v29."""

from __future__ import annotations

import time

import pytest
from scorer_rows import assert_linear_time, check_status, status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

REVISED_ROWS = [
    # a revision after the figure: a former value, no answer
    ("$1.2 million", "It was previously $1.2 million but has been revised to $1.5 million.", "not covered"),
    ("$1.2 million", "It was originally $1.2 million but was revised to $1.5 million.", "not covered"),
    ("20 months", "Payback was initially 20 months and has since been revised to 24 months.", "not covered"),
    ("20 months", "The initial estimate of 20 months was revised to 24 months.", "not covered"),
    ("20 months", "The earlier estimate of 20 months has been updated to 24 months.", "not covered"),
    ("20个月", "最初估计回收期为20个月，后修订为24个月。", "not covered"),
    ("20个月", "回收期此前为20个月，已修订为24个月。", "not covered"),
    # a revision to the figure, of another thing, or to no value: the figure stands
    ("20 months", "Payback was revised to 20 months.", "covered"),
    ("20 months", "Payback was revised from 24 months to 20 months.", "covered"),
    ("20 months", "Payback is 20 months, adjusted for inflation.", "covered"),
    ("20 months", "Payback is 20 months; the budget was revised to $1.5 million.", "covered"),
    ("20 months", "Payback is 20 months, and the plan was updated to 2025.", "covered"),
    ("85%", "Accuracy was 85%, and recall was revised to 70%.", "covered"),
    ("20个月", "回收期20个月，调整后IRR为15%。", "covered"),
    ("20个月", "回收期为20个月，已调整为按季度复盘。", "covered"),
    ("20个月", "回收期由24个月调整为20个月。", "covered"),
]

DISBELIEF_ROWS = [
    ("20 months", "I don't think payback is 20 months.", "not covered"),
    ("20 months", "I do not believe payback is 20 months.", "not covered"),
    ("20 months", "It is doubtful that payback is 20 months.", "not covered"),
    ("20个月", "我不认为回收期是20个月。", "not covered"),
    ("20个月", "我们并不认为回收期是20个月。", "not covered"),
    ("20个月", "我不觉得回收期是20个月。", "not covered"),
    # a hedge, no doubt, or a disbelief of something else: the figure stands
    ("20 months", "I think payback is 20 months.", "covered"),
    ("20 months", "There is no doubt that payback is 20 months.", "covered"),
    ("20 months", "I don't think there is a risk; payback is 20 months.", "covered"),
    ("20 months", "I don't think it is 24 months, but it is 20 months.", "covered"),
    ("20个月", "我认为回收期是20个月。", "covered"),
    ("20个月", "我不认为这是问题，回收期是20个月。", "covered"),
]

BARE_ROWS = [
    ("2024", "It launched in 2023 or 2024.", "not covered"),
    ("1997", "成立于1996年或1997年。", "not covered"),
    ("4300", "员工约4200或4300人。", "not covered"),
    ("4300", "员工约4300或4500人。", "not covered"),
    # one value, a list of other quantities, a ratio, a bound: the figure stands
    ("4300", "员工4300人，或约占行业的5%。", "covered"),
    ("4300", "已售出4300/5000个席位。", "covered"),
    ("1997", "公司成立于1997年，2020年或2021年开始合作。", "covered"),
    ("1997", "Founded in 1997 or earlier.", "covered"),
    ("4300", "We have 4300 employees and 1200 or 1300 customers.", "covered"),
    ("4300", "4300 or 4,300 employees.", "covered"),
]


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 30


@pytest.mark.parametrize(("point", "answer", "expected"), REVISED_ROWS)
def test_a_revision_after_the_figure_makes_it_former(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


@pytest.mark.parametrize(("point", "answer", "expected"), DISBELIEF_ROWS)
def test_a_disbelief_denies_the_figure(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


@pytest.mark.parametrize(("point", "answer", "expected"), BARE_ROWS)
def test_a_bare_number_among_alternatives_is_a_guess(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


def _seconds_to_score(answer: str) -> float:
    began = time.process_time()
    status("20个月", answer)
    return time.process_time() - began


@pytest.mark.parametrize("unit", ["20个月，已修订为24个月。", "回收期原为20个月，现为24个月。"], ids=["revised", "now"])
def test_repeated_former_values_score_in_linear_time(unit: str) -> None:
    # v29 searched the whole answer for the point's forms once per former value: 8 s for 6,000 characters of the
    # second unit, growing with the square of the length
    assert_linear_time(_seconds_to_score, unit, 6_000)
