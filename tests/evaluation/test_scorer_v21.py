"""Scorer version 21: a shotgun answer - several values of one quantity offered as candidates for one answer - is no
answer: values that a cue after them gives as candidates (18个月、20个月、24个月不等, 都有可能, （视情况而定）,
depending on usage), and values joined by a Chinese comma or a bullet after a hedge (可能是：18个月，20个月，24个月).
A list with no hedge, disjunction or cue, values of different things, a range with a typical value and a correction
still credit the point."""

from __future__ import annotations

import pytest
from scorer_rows import covered, status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION


def test_the_version() -> None:
    assert SCORER_VERSION >= 21  # v22 reads durations in other units joined by "or" (test_scorer_v22.py)


# --- 1. a cue after the values gives them as candidates for one value ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20个月", "回收期为18个月、20个月、24个月不等。"),
        ("20个月", "回收期为18个月，20个月，24个月不等。"),
        ("20个月", "回收期18个月、20个月、24个月都有可能。"),
        ("20个月", "回收期18个月、20个月和24个月均有可能。"),
        ("20个月", "回收期：18个月、20个月、24个月（视情况而定）"),
        ("20个月", "回收期为18个月、20个月、24个月，具体视项目规模而定。"),
        ("20个月", "回收期为18个月、20个月、24个月，取决于客户数量。"),
        ("20个月", "回收期为18个月、20个月、24个月，因项目而异。"),
        ("20个月", "| 回收期 | 18个月、20个月、24个月不等 |"),
        ("20 months", "The payback is 18 months, 20 months, 24 months depending on usage."),
        ("20 months", "Payback: 18 months, 20 months, 24 months are all possible."),
    ],
)
def test_values_given_as_candidates_are_no_answer(point: str, answer: str) -> None:
    assert status(point, answer) == "negated"


# --- 2. a Chinese comma or a bullet joins the candidates after a hedge ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20个月", "回收期可能是：18个月，20个月，24个月。"),
        ("20个月", "回收期可能是18个月，20个月，24个月。"),
        ("20个月", "回收期可能是：\n* 18个月\n* 20个月\n* 24个月"),
        ("20个月", "回收期可能是：\n• 18个月\n• 20个月\n• 24个月"),
        ("2020年", "华信银行成立于1997年，2020年或2021年开始合作。"),
    ],
)
def test_a_hedged_comma_or_bullet_list_is_no_answer(point: str, answer: str) -> None:
    assert status(point, answer) == "negated"


# --- 3. still credited ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20个月", "回收期可能是20个月，24个月后进入稳定期。"),
        ("1997年", "华信银行成立于1997年，2020年或2021年开始合作。"),
        ("20个月", "回收期为20个月，具体视情况而定。"),
        ("20个月", "建设期4个月、回收期20个月，视情况而定。"),
        ("20个月", "18个月、20个月和24个月三档，视情况而定。"),
        ("20个月", "三个项目的回收期分别为18个月、20个月、24个月，因项目而异。"),
        ("20个月", "回收期为18个月、20个月、24个月。"),
        ("20个月", "方案A回收期20个月，方案B回收期24个月。"),
        ("20个月", "方案A回收期20个月、方案B回收期24个月，视情况而定。"),
        ("20个月", "| 指标 | 值 |\n|---|---|\n| 回收期 | 20个月 |\n| 建设期 | 4个月 |"),
        ("20个月", "回收期一般为18-24个月，常见20个月。"),
        ("20个月", "回收期20个月（18-24个月区间的中值）。"),
        ("20个月", "回收期24个月，更正：20个月。"),
        ("20个月", "回收期：\n* 20个月"),
        ("20个月", "回收期：\n* 20个月\n* 建设期4个月"),
        ("20 months", "The payback is anywhere from 12 to 36 months, typically 20 months."),
        ("20 months", "The payback is 20 months, depending on usage."),
    ],
)
def test_one_value_or_values_of_different_things_still_credit(point: str, answer: str) -> None:
    assert covered(point, answer)
