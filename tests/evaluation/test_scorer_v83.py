"""Scorer v83: an approximation at a change's former figure, and a point of several words of counting.

A change from an approximate figure credited the figure (回收期由约20个月缩短为18个月, 从20个月左右缩短到18个月,
20个月左右→24个月, ROI从近20%提升到25%, "went from about 20 months to 24 months" for the point "about 20 months"):
v19 read 从 / 由 / "from" right before the figure and the change right after it, with no 约 / 大约 / 近 / about /
roughly between nor 左右 / 上下 / 前后 after. And the new value of such a change went missing ("ROI rose from roughly
20% to 25%" for 25%, "went from about 20 months to 24 months" for 24 months): v20's change verb was read only with
"from" right before the first figure (`numbers/edges._CHANGE_BEFORE`), so the pair read as a range. And v81's words
of counting were one 每 only: 补贴由每人每月500元提高到每人每月800元 credited 每人每月500元.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

APPROXIMATE_CHANGES: list[Row] = [
    ("$5,000 per month", "The fee was raised from $5,000 per month to $6,000 per month.", CN, N),
    ("$5,000 per month", "The fee was $5,000 per month; it is now $6,000 per month.", CN, N),
    ("$5,000 per month", "The fee is $5,000 per month.", CN, C),
    ("about 20 months", "Payback went from about 20 months to 24 months.", CN, N),
    ("about 20 months", "Payback is about 20 months.", CN, C),
    ("about 20 months", "Payback is about 20 months (correction: 24 months).", CN, N),
    ("每月5000元", "5000元/月，现已上调至6000元/月。", CN, N),
    ("每月5000元", "月费5000元，现已上调至6000元。", CN, N),
    ("5000元/月", "月费由5000元/月上调至6000元/月。", CN, N),
    ("5000元/月", "月费为5000元/月。", CN, C),
    ("每人每月500元", "补贴由每人每月500元提高到每人每月800元。", CN, N),
    ("每人每月500元", "补贴为每人每月500元。", CN, C),
    ("约20个月", "回收期大约20个月，后来延长到24个月。", CN, N),
    ("20 months", "Payback went from about 20 months to 24 months.", CN, N),
    ("20个月", "Payback went from about 20 months to 24 months.", CN, N),
    ("20%", "ROI rose from roughly 20% to 25%.", CN, N),
    ("25%", "ROI rose from roughly 20% to 25%.", CN, C),
    ("20%", "ROI fell from nearly 30% to 20%.", CN, C),
    ("每人每月500元", "补贴每人每月500元，现已提高到每人每月800元。", CN, N),
    ("每人每月500元", "补贴原为每人每月500元，现为每人每月800元。", CN, N),
    ("每人每月800元", "补贴由每人每月500元提高到每人每月800元。", CN, C),
    ("25%", "ROI rose from 20% to 25%.", CN, C),
    ("25%", "ROI rose from about 20% to about 25%.", CN, C),
    ("24 months", "Payback went from about 20 months to 24 months.", CN, C),
    ("24个月", "回收期从约20个月延长到24个月。", CN, C),
    ("24个月", "回收期从大约20个月延长到24个月。", CN, C),
    ("20个月", "回收期由约20个月缩短为18个月。", CN, N),
    ("20个月", "回收期从20个月左右缩短到18个月。", CN, N),
    ("20个月", "回收期从20个月上下缩短到18个月。", CN, N),
    ("20个月", "回收期由大约20个月延长至24个月。", CN, N),
    ("20 months", "Payback was previously about 20 months; it is now 24 months.", CN, N),
    ("20%", "ROI went from roughly 20% to 25%.", CN, N),
    ("20%", "ROI rose from approximately 20% to 25%.", CN, N),
    ("20个月", "约20个月→24个月。", CN, N),
    ("20个月", "20个月左右→24个月。", CN, N),
    ("20个月", "回收期20个月左右（不对，应为24个月）。", CN, N),
    ("20个月", "回收期约20个月，不，应该是24个月。", CN, N),
    ("20%", "ROI从近20%提升到25%。", CN, N),
    ("25%", "ROI从近20%提升到25%左右。", CN, C),
    ("18个月", "回收期从20个月左右缩短到18个月。", CN, C),
    ("18个月", "回收期由约20个月缩短为约18个月。", CN, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 83


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), APPROXIMATE_CHANGES)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
