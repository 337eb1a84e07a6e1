"""Scorer version 27: a quarter is 3 months among the exact conversions of durations (2个季度 states 6个月 and back;
not Q2, 第2个季度, quarterly or one quarter of customers), a table header that is a unit of time in plain words
(| Months |, | 月数 |) gives its column's numbers the unit (not | Month |, a column of dates), and a time in the past
before a figure marks it former where a "now" gives another figure (两年前回收期是20个月，现在是24个月)."""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import duration_twins
from pytest_llmeval.evaluation.scoring import SCORER_VERSION


def test_the_version() -> None:
    assert SCORER_VERSION >= 27


# --- 1. a quarter is exactly 3 months ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("6个月", "回收期为2个季度。", "covered"),
        ("6个月", "回收期为两个季度。", "covered"),
        ("6个月", "Payback takes 2 quarters.", "covered"),
        ("6 months", "Payback takes two quarters.", "covered"),
        ("1年", "回收期为4个季度。", "covered"),
        ("9个月", "大约需要3个季度。", "covered"),
        ("2个季度", "回收期为6个月。", "covered"),
        ("2 quarters", "It takes 6 months.", "covered"),
        ("6个月", "回收期为3个季度。", "not covered"),
        ("6个月", "第2个季度回收。", "not covered"),  # a position
        ("6个月", "2季度回收。", "not covered"),  # the second quarter
        ("6个月", "Payback in Q2.", "not covered"),
        ("6个月", "Payback in the second quarter.", "not covered"),
        ("6个月", "We publish 2 quarterly reports.", "not covered"),
        ("3个月", "One quarter of customers churned.", "not covered"),  # a fraction
        ("6个月", "Two quarters of the budget went to hardware.", "not covered"),
        ("3个月", "It took one quarter.", "covered"),
        ("6个月", "We paid back 2 quarters ago.", "negated"),  # as "6 months ago" is
        ("6个月", "不是两个季度，而是三个季度。", "negated"),
    ],
)
def test_a_quarter_is_three_months(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, CN)


def test_quarters_are_counted_whole() -> None:
    assert "2个季度" in duration_twins("6个月") and "6个月" in duration_twins("2个季度")
    assert not any("季度" in twin or "quarter" in twin for twin in duration_twins("1.5个月"))
    assert not any("季度" in twin for twin in duration_twins("20个月"))  # 6.67 quarters is no exact conversion


# --- 2. a table header that names a unit of time in plain words ---


def _table(header: str, value: str) -> str:
    return f"| 项目 | {header} |\n|---|---|\n| 回收期 | {value} |"


@pytest.mark.parametrize(
    ("point", "header", "value", "expected"),
    [
        ("20个月", "Months", "20", "covered"),
        ("20个月", "**Months**", "20", "covered"),
        ("20 months", "months", "20", "covered"),
        ("20个月", "Payback in months", "20", "covered"),
        ("20个月", "月数", "20", "covered"),
        ("20个月", "回收月数", "20", "covered"),
        ("2年", "Years", "2", "covered"),
        ("2年", "年数", "2", "covered"),
        ("30天", "天数", "30", "covered"),
        ("30天", "Days", "30", "covered"),
        ("6个月", "季度数", "2", "covered"),
        ("20个月", "回收期（月）", "20", "covered"),  # v8
        ("20个月", "Payback (months)", "20", "covered"),  # v8
        ("20个月", "Month", "20", "not covered"),  # a column of dates
        ("20个月", "月份", "20", "not covered"),
        ("20个月", "月", "20", "not covered"),
        ("20个月", "Months", "24", "not covered"),
        ("2024年", "Years", "2024", "not covered"),  # 2024 years is no year 2024
    ],
)
def test_a_header_naming_a_unit_of_time_gives_the_column_its_unit(
    point: str, header: str, value: str, expected: str
) -> None:
    check_status(point, _table(header, value), expected)


def test_a_month_column_of_dates_states_no_duration() -> None:
    check_status("12个月", "| Month | Revenue |\n|---|---|\n| 12 | 5 |", "not covered")
    check_status("12个月", "| 指标 | 值 |\n|---|---|\n| Months | 12 |", "covered")  # a row's first cell, as v8's


# --- 3. a time in the past marks a figure former where a "now" gives another ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20个月", "两年前回收期是20个月，现在是24个月。", "negated"),
        ("20个月", "2年前回收期为20个月，现在为24个月。", "negated"),
        ("20个月", "去年回收期是20个月，目前是24个月。", "negated"),
        ("20%", "去年ROI为20%，目前为24%。", "negated"),
        ("24%", "去年ROI为20%，目前为24%。", "covered"),
        ("20个月", "Two years ago payback took 20 months; now it takes 24 months.", "negated"),
        ("20个月", "Two years ago the payback was 20 months, now it is 24 months.", "negated"),  # v20
        ("24个月", "两年前回收期是20个月，现在是24个月。", "covered"),
        ("20个月", "两年前回收期是20个月，现在仍是20个月。", "covered"),  # the same figure again
        ("20个月", "两年前回收期是20个月。", "covered"),  # a former value alone (v19)
        ("20个月", "Payback was 20 months 2 years ago.", "covered"),  # v20
        ("20个月", "3年前启动项目，回收期20个月，目前团队有24人。", "covered"),  # another kind of figure
        ("20个月", "去年回收期20个月，今年24个月。", "covered"),  # two periods, no "now"
    ],
)
def test_a_time_in_the_past_marks_a_former_value(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, CN)
