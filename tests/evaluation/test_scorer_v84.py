"""Scorer v84: strict bounds in more words - 冲破 / 超越 (passed, as 突破), 跌破 / 跌穿 (fell below), "sub 20%", and a
"+" or "-plus" after the figure (20%+, a 20%-plus margin: more than).

v83 credited the plain figure under each: v17's strict bounds name another value. Not a sum (20%+5%, 20% + 5%:
a number right after the "+"), nor "plus" as a word (20% plus a 5% bonus), nor "sub" inside a word (subtotal,
subsidiary); a point that carries the "+" (20%+) is the figure with a lower bound, as 20%以上 (v17).
Decided: 接近 / 逼近 / 直逼 / 向…靠拢, 20%出头 and 20多 stay approximations (v17: 接近20个月, 20多个月 credit 20个月),
"as high as", "peaks at", "tops out at" and 站上 state the figure.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

STRICT_BOUNDS: list[Row] = [
    ("20%", "ROI is sub 20%.", CN, N),
    ("20%", "ROI is sub-20%.", CN, N),
    ("20%", "ROI is 20%-plus.", CN, N),
    ("20%", "ROI is 20%+.", CN, N),
    ("20%", "A 20%+ ROI is expected.", CN, N),
    ("20%", "投资回报率冲破20%。", CN, N),
    ("20%", "投资回报率超越20%。", CN, N),
    ("20%", "投资回报率跌破20%。", CN, N),
    ("20%", "投资回报率跌穿20%。", CN, N),
    ("20%", "ROI is 20%+5% bonus.", CN, C),
    ("20%", "ROI 20% + 5% bonus.", CN, C),
    ("20%", "ROI is 20% plus a 5% bonus.", CN, C),
    ("20%", "Subtotal 20%.", CN, C),
    ("20%", "The subsidiary's ROI is 20%.", CN, C),
    ("20个月", "回收期20个月+。", CN, N),
    ("20%+", "ROI超过20%。", CN, C),
    ("20%+", "ROI为20%。", CN, N),
    ("20%+", "ROI为15%。", CN, N),
    ("20%+", "ROI在20%以上。", CN, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 84


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), STRICT_BOUNDS)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
