"""Scorer v29: a former value's "now" in more words (today, at the moment, 当前, 眼下, 现阶段), a new figure after a
currency mark ($1.2 million -> $1.5 million), and English naming the "now" figure's quantity after it (now 3.4 million
remains: another quantity, not a new value of the former one). 12 of these rows were scored wrong by v28."""

from __future__ import annotations

import pytest
from scorer_rows import SW, status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

ROWS = [
    # former values that must stay negated (a change)
    ("20 months", "Two years ago the payback was 20 months; today it is 24 months.", None, "negated"),
    ("20 months", "Last year payback was 20 months, but today it stands at 24 months.", None, "negated"),
    ("20%", "A year ago the margin was 20%; today it is 24%.", None, "negated"),
    ("$1.2 million", "Last year the budget was $1.2 million; it is now $1.5 million.", None, "negated"),
    ("$1.2 million", "Last year the budget was $1.2 million; now $1.5 million is budgeted.", None, "negated"),
    ("1200万元", "去年预算为1200万元，当前预算为1500万元。", SW, "negated"),
    ("1200万元", "去年预算为1200万元，眼下为1500万元。", SW, "negated"),
    ("20个月", "两年前回收期是20个月，现阶段是24个月。", None, "negated"),
    (
        "$1.2 million",
        "A year ago the contract was worth $1.2 million; today it is worth $1.5 million.",
        None,
        "negated",
    ),
    ("¥1200万", "去年合同金额为¥1200万，如今为¥1500万。", SW, "negated"),
    # another quantity now: credited
    ("8.6 million", "Two months ago we collected 8.6 million yuan; now 3.4 million remains.", SW, "covered"),
    (
        "8.6 million",
        "Two months ago we collected 8.6 million yuan; now 3.4 million yuan is still outstanding.",
        SW,
        "covered",
    ),
    ("$1.2 million", "A year ago the client paid $1.2 million; today $0.3 million is still owed.", None, "covered"),
    (
        "$1.2 million",
        "A year ago the client paid $1.2 million; today $0.3 million is left to be paid.",
        None,
        "covered",
    ),
    ("1200万元", "一年前签约1200万元，当前已回款860万元。", SW, "covered"),
    ("1200万元", "一年前签约1200万元，眼下尚有340万元未回款。", SW, "covered"),
    ("20 months", "We estimated 20 months a year ago; today 3 months remain.", None, "covered"),
    # "due to" is no quantity: a change still
    ("20 months", "Two years ago payback was 20 months; now it is 24 months due to delays.", None, "negated"),
    # today as a date, no change
    ("20 months", "As of today, payback is 20 months.", None, "covered"),
    ("20 months", "Today the payback is 20 months, as it was a year ago.", None, "covered"),
    ("$1.2 million", "The contract is worth $1.2 million today.", None, "covered"),
    ("$1.2 million", "The contract signed last year is worth $1.2 million; today we start delivery.", None, "covered"),
    ("1200万元", "Three months ago we signed 12 million yuan; 8.6 million has now been collected.", SW, "covered"),
    (
        "$1.2 million",
        "The contract, signed a year ago, is worth $1.2 million; $0.3 million is now unpaid.",
        None,
        "covered",
    ),
]


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 29


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ROWS)
def test_a_former_value_and_another_quantity_now(point: str, answer: str, forms, expected: str) -> None:
    assert status(point, answer, forms) == expected
