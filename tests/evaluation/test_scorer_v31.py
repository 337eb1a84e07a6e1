"""Scorer v31: a beginning (最初, 起初, 一开始, initially, at first) marks a former value where a "now" gives
another figure of the same quantity later ("was initially estimated at 20 months, but is now 24 months",
最初估计回收期为20个月，现在是24个月 - v30 credited them), and a copula between the "now" and its figure
names nothing (现在是24个月). Alone, a beginning is no former value (最初20个月免租: the first 20 months).
4 of these 14 rows were scored wrong by v30."""

from __future__ import annotations

import pytest
from scorer_rows import status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

ROWS = [
    ("20 months", "Payback was initially estimated at 20 months, but is now 24 months.", None, "negated"),
    ("20 months", "Initially the payback was 20 months; it is now 24 months.", None, "negated"),
    ("20 months", "At first the payback was 20 months, now it is 24 months.", None, "negated"),
    ("20 months", "The initial estimate was 20 months; the current estimate is now 24 months.", None, "negated"),
    ("20个月", "最初估计回收期为20个月，现在是24个月。", None, "negated"),
    ("20个月", "起初回收期为20个月，目前为24个月。", None, "negated"),
    ("20个月", "一开始回收期是20个月，现在是24个月。", None, "negated"),
    # innocent
    ("20个月", "最初20个月免租，现在月租5000元。", None, "covered"),
    ("20 months", "The first 20 months are free initially; now the fee is $500.", None, "covered"),
    ("20 months", "Initially payback is 20 months.", None, "covered"),
    ("20个月", "最初的回收期预计为20个月。", None, "covered"),
    ("20 months", "Initially we estimated 20 months; now, after review, we confirm 20 months.", None, "covered"),
    ("20 months", "Initially 20 months were planned; now 3 months remain.", None, "covered"),
    ("24 months", "Payback was initially estimated at 20 months, but is now 24 months.", None, "covered"),
]


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 31


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ROWS)
def test_a_beginning_changed_now_is_a_former_value(point: str, answer: str, forms, expected: str) -> None:
    assert status(point, answer, forms) == expected
