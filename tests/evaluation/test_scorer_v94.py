"""Scorer v94: tenths written with a digit - 2成 is 20% (`numbers/finding.py`), as 两成 has been since v16.

v93 read 两成 (with chinese_numerals) as 20% but 2成 as the number 2 followed by 成, so ROI为2成 missed the point ROI
20% and a forbidden 20% was not charged for it (a left item since the 36th session). A digit from 1 to 10 (2.5 too)
before 成 counts tenths where 成 starts no word (成本, 成员, 成交, 成为: `_TENTHS`, v16's exclusions). Kept: 3成 is
not 20%, 不到2成 is negated, 2成本 / 2成员 / 2成交量 hold no percent, 2个成员 and 2人成行 keep their counts.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status

from pytest_llmeval.evaluation.numbers import NumberForms, find_numbers
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

TENTHS_IN_DIGITS: list[Row] = [
    ("ROI 20%", "ROI为2成。", None, C),
    ("ROI 20%", "ROI约为2成。", None, C),
    ("ROI 20%", "ROI为2成左右。", CN, C),
    ("ROI 25%", "ROI为2.5成。", None, C),
    ("20%", "有2成客户流失。", None, C),
    ("成本降低20%", "成本降低了2成。", None, C),
    ("10%", "1成客户选择续约。", None, C),
    ("ROI 20%", "ROI为2.5成。", None, N),
    ("ROI 20%", "ROI为3成。", None, N),
    ("ROI 20%", "ROI不到2成。", None, N),
    ("20%", "降低2成本。", None, N),
    ("20%", "共有2成员。", None, N),
    ("20%", "2成交量。", None, N),
    ("2个", "有2个成员。", None, C),
    ("2人", "2人成行。", None, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 94


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), TENTHS_IN_DIGITS)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


def test_a_forbidden_percent_is_charged_for_its_tenths() -> None:
    assert charged("ROI 20%", "ROI为2成。")
    assert not charged("ROI 20%", "ROI为3成。")


@pytest.mark.parametrize(("text", "value"), [("2成", 20), ("2.5成", 25), ("10成", 100), ("1成", 10)])
def test_tenths_are_percents(text: str, value: int) -> None:
    (mention,) = find_numbers(text)
    assert mention.percent and mention.value == value and mention.end == len(text)


@pytest.mark.parametrize("text", ["2成本", "2成员", "2成交", "2成为", "11成", "2成五"])
def test_no_tenths_where_cheng_starts_a_word_or_the_number_is_too_large(text: str) -> None:
    assert not any(m.percent for m in find_numbers(text))
