"""Scorer v69: a figure with its tolerance before the unit they share (回收期为20±4个月, "payback is 20 ± 4 months",
20 +/- 4 months) states the figure in that unit - v68 missed it, while 20个月（误差±4个月） was covered since v19; and
the figure of a subject's match is the one before a tolerance's bound or a restatement in brackets, so a negation
before it is read (回收期不是20±4个月, 回收期不是20 (二十) 个月 were credited under v68: the last figure of the match,
the 4 or the 二十, was taken for the point's, and no negation stood right before it).

Found in the lead's probe of number forms (31st session). Left: a percent with its tolerance before the sign (ROI为
20±5%) stays missed - the percent's forms are read without a unit piece; the tolerance's own bound (4个月 in
20±4个月) still counts for a bare point (4个月), as a bare point may count anything (v53).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

ROWS: list[tuple[str, str, str]] = [
    ("20个月", "回收期为20±4个月", C),
    ("回收期20个月", "回收期为20±4个月", C),
    ("回收期20个月", "回收期为 20 ± 4 个月", C),
    ("20 months", "Payback is 20 ± 4 months.", C),
    ("20 months", "Payback is 20 +/- 4 months.", C),
    ("回收期20个月", "回收期为20个月（误差±4个月）", C),  # v19, unchanged
    ("回收期20个月", "回收期为二十 (20) 个月", C),  # v32, unchanged
    ("回收期20个月", "回收期不是20±4个月", N),
    ("回收期20个月", "回收期不是20 (二十) 个月", N),
    ("回收期20个月", "回收期不是二十 (20) 个月", N),
    ("20 months", "Payback is not 20 ± 4 months.", N),
    ("回收期20个月", "回收期是20±4个月吗？", N),
    ("回收期20个月", "回收期为120±4个月", N),
    ("回收期20个月", "回收期为20±4周", N),
    ("24个月", "回收期为20±4个月", N),
    ("16个月", "回收期为20±4个月", N),
    ("回收期20个月", "回收期为24个月（原20个月）", N),  # v19, unchanged
]


def test_version() -> None:
    assert SCORER_VERSION >= 69


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, CN)
