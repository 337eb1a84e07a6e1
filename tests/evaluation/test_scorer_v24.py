"""Scorer version 24: a bare number contrasted with a figure shares its unit ("24, not 18 months"), a bare comparison
of two values picks neither ("18 vs 24 months"), a key point written in English number words is matched as a number
("two years"), English halves are durations that "or" joins, a fall states a negative figure (下降20% for -20%) and a
bound of the other direction is shown as negated."""

from __future__ import annotations

import pytest
from scorer_rows import check_status, covered, status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION


def test_the_version() -> None:
    assert SCORER_VERSION >= 24  # v25 reads halves, 块, financial numerals and quoted verdicts (test_scorer_v25.py)


# --- 1. "A, not B" with the unit after B ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("24 months", "The payback is 24, not 18 months."),
        ("24个月", "The payback is 24, not 18 months."),
        ("24 months", "It is 24 rather than 18 months."),
        ("24 months", "It is 24 instead of 18 months."),
        ("24 months", "It is 24 and not 18 months."),
        ("24个月", "回收期是24而非18个月。"),
        ("24个月", "回收期是24而不是18个月。"),
        ("24个月", "回收期是24，不是18个月。"),
        ("20%", "增长率是20而非30%。"),
        ("20%", "增长率是20，而不是30%。"),
        ("24 months", "It is not 18 months but 24."),
        ("24 months", "It is not 18 months, but rather 24."),
        ("24个月", "回收期不是18个月，而是24。"),
    ],
)
def test_a_bare_number_contrasted_with_a_figure_shares_its_unit(point: str, answer: str) -> None:
    assert covered(point, answer)


# --- 2. a bare comparison of two values ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("24个月", "18 vs 24 months"),
        ("18 months", "18 months vs. 24 months"),
        ("18个月", "18个月vs24个月"),
        ("24个月", "18个月vs24个月"),
        ("18个月", "18个月对比24个月"),
        ("20%", "ROI: 20% vs. 15%."),
    ],
)
def test_a_bare_comparison_of_two_values_picks_neither(point: str, answer: str) -> None:
    assert status(point, answer) == "negated"


# --- 3. a key point in English number words is a number ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("two years", "It takes 2 years."),
        ("two years", "It takes 24 months."),
        ("two years", "回收期为2年。"),
        ("twenty months", "The payback is 20 months."),
        ("twenty months", "回收期为20个月。"),
        ("twenty percent", "The margin is 20%."),
        ("one hundred and twenty months", "It takes 120 months."),
    ],
)
def test_a_point_in_number_words_is_matched_as_its_number(point: str, answer: str) -> None:
    assert covered(point, answer)


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("two years", "It takes one or two years."),
        ("two years", "It takes one to two years."),
        ("two years", "It takes two years or three years."),
    ],
)
def test_a_point_in_number_words_keeps_the_rules_of_numbers(point: str, answer: str) -> None:
    check_status(point, answer, "not covered")


# --- 4. English halves joined by "or" ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("18个月", "It takes one and a half years or two years."),
        ("18个月", "It takes a year and a half or two years."),
        ("18个月", "It takes two years or one and a half years."),
        ("18个月", "It takes one year and a half or 2 years."),
        ("30个月", "It takes two and a half years or three years."),
        ("90分钟", "It takes an hour and a half or two hours."),
    ],
)
def test_english_halves_joined_by_or_are_a_guess(point: str, answer: str) -> None:
    assert status(point, answer) == "negated"


# --- 5. a fall states a negative figure ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("-20%", "利润同比下降20%。"),
        ("-20%", "利润同比下降了20%。"),
        ("-20%", "利润降幅为20%。"),
        ("负20%", "利润减少20%。"),
        ("-20%", "Profit fell by 20%."),
        ("-20%", "Profit is down 20% year on year."),
        ("-20%", "A 20% decrease in profit."),
        ("-20%", "A decline of 20% in profit."),
        ("-20%", "成本降20%。"),
        ("-20%", "成本有20%的降幅。"),
    ],
)
def test_a_fall_states_the_negative_figure(point: str, answer: str) -> None:
    assert covered(point, answer)


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("-20%", "利润没有下降20%。", "negated"),
        ("-20%", "Profit did not fall 20%.", "negated"),
    ],
)
def test_a_negated_fall_is_negated(point: str, answer: str, expected: str) -> None:
    assert status(point, answer) == expected


# --- 6. a bound of the other direction is negated, not missing ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("超过12分钟", "答：不超过12分钟。"),
        ("不低于200元", "费用不超过200元。"),
    ],
)
def test_a_bound_of_the_other_direction_is_negated(point: str, answer: str) -> None:
    assert status(point, answer) == "negated"
