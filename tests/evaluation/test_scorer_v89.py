"""Scorer v89: a figure that was not so, a goal missed, a forecast's outcome, a comparison with a former value.

v88 credited the point's figure where the answer says it is not the value: a past counterfactual ("Payback would have
been 20 months had sales held up", "could have been", 回本周期本应是20个月, 本可以缩短到20个月 - `retraction`'s
`_CONTRARY_TO_FACT`); a forecast an outcome's verb belies after a "but" ("was expected to be 20 months but came in at
24", "turned out to be 24 months" - `hypothesis._BELIED_BY_AN_ACTUAL`; a bare number that ends its clause is the
outcome too); a goal named, then missed ("A 20-month payback was the goal, but we missed it", 20个月回本是目标，但没有
实现); the other side of a comparison in more words ("24 months vs. 20 months last year", "versus", 较去年的20个月有所
延长 - `bounds`); a figure in a bracket labelled a former one after it ("24 months (20 months was last year's
estimate)", 24个月（20个月为去年的估计）).

Kept: an outcome that repeats the figure ("expected to be 20 months and came in at 20 months", "... but came in at
20"), a goal met ("and we hit it", 并且已经实现), "would have been" of another thing ("It would have been hard
without the pilot; payback is 20 months"), 本来可以更快，回本周期是20个月, the figure as this side of a comparison
("20 months vs. 24 months last year"), a bracket that labels the figure the answer's own (Payback (20 months) is our
estimate). Left: a norm or a hope beside another value ("should be 20 months, but it is 24"; "We hoped for a 20-month
payback; it is 24 months"), a bare figure as a change's size (20 months late, delayed by 20 months: v20), "against"
(too many other uses).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

NOT_SO: list[Row] = [
    ("20个月", "Payback would have been 20 months had sales held up; it is 24.", CN, N),
    ("20个月", "Payback could have been 20 months.", CN, N),
    ("20个月", "回本周期本应是20个月，实际为24个月。", CN, N),
    ("20个月", "回本周期本可以缩短到20个月。", CN, N),
    ("20个月", "Payback was expected to be 20 months but came in at 24.", CN, N),
    ("20个月", "Payback was expected to be 20 months, but it turned out to be 24 months.", CN, N),
    ("20个月", "A 20-month payback was the goal, but we missed it.", CN, N),
    ("20个月", "20个月回本是目标，但没有实现。", CN, N),
    ("20个月", "Payback was expected to be 20 months and came in at 20 months.", CN, C),
    ("20个月", "Payback was expected to be 20 months but came in at 20.", CN, C),
    ("20个月", "A 20-month payback was the goal, and we hit it.", CN, C),
    ("20个月", "20个月回本是目标，并且已经实现。", CN, C),
    ("20个月", "本来可以更快，回本周期是20个月。", CN, C),
    ("20个月", "It would have been hard without the pilot; payback is 20 months.", CN, C),
]

COMPARED_WITH_A_FORMER: list[Row] = [
    ("20个月", "回本周期24个月，较去年的20个月有所延长。", CN, N),
    ("20个月", "回本周期24个月，相比去年的20个月有所延长。", CN, N),
    ("20个月", "Payback is 24 months vs. 20 months last year.", CN, N),
    ("20个月", "Payback is 24 months versus 20 months a year ago.", CN, N),
    ("20个月", "Payback: 24 months (20 months was last year's estimate).", CN, N),
    ("20个月", "回本周期24个月（20个月为去年的估计）。", CN, N),
    ("20个月", "Payback is 20 months vs. 24 months last year.", CN, C),
    ("20个月", "Payback is 20 months, compared with 24 months last year.", CN, C),
    ("20%", "ROI is 20% vs. an industry average of 15%.", None, C),
    ("20%", "ROI: 20% vs 15% for peers.", None, C),
    ("20%", "ROI为20%，较去年有所提升。", None, C),
    ("20%", "ROI (20% is our estimate) looks fine.", None, C),
    ("20个月", "Payback (20 months) is our estimate.", CN, C),
    ("20个月", "回本周期（20个月）为最新估计。", CN, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 89


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), NOT_SO + COMPARED_WITH_A_FORMER)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
