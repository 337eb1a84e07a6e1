"""Scorer v65: ❌ (and ❎) tagged after a point is a verdict mark, as ✗ is since v46.

私有化部署：❌, - 私有化部署 ❌, 私有化部署（❌）, 保证收益：❌ (a forbidden claim: not charged) were credited
under v64 while 私有化部署：✗ was negated (`keywords/rejected.py`, `_TAGGED_AFTER`: the mark right after the
point, then the end of its sentence, line, cell or bracket). A ✅ after the point, a ❌ after another item of
the line (支持私有化部署 ✅，不支持SaaS ❌) and a ❌ that opens a line of cons (❌ 缺点：需要私有化部署 - the point
is said, as a drawback) stay covered. Found in the lead's probe of v63's left items (a crossed-out line). Left:
a ❌ before a further word (私有化部署：❌ 不支持), a ❌ ending a line before the next line's item (私有化部署 ❌ /
云端部署 ✅, read as one line), and a point inside brackets before the mark (Private deployment (私有化部署): ❌).
"""

from __future__ import annotations

import pytest
from scorer_rows import charged, check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

ROWS: list[tuple[str, str, str]] = [
    ("私有化部署", "私有化部署：❌", N),
    ("私有化部署", "- 私有化部署 ❌", N),
    ("私有化部署", "私有化部署（❌）", N),
    ("私有化部署", "私有化部署：❎", N),
    ("私有化部署", "私有化部署：✗", N),  # v46, unchanged
    ("ROI 20%", "ROI为20% ❌", N),  # v40, unchanged
    ("私有化部署", "私有化部署：✅", C),
    ("私有化部署", "私有化部署 ✅\n公有云 ❌", C),
    ("私有化部署", "- 私有化部署 ✅\n- 公有云部署 ❌", C),
    ("私有化部署", "支持私有化部署 ✅，不支持SaaS ❌", C),
    ("私有化部署", "❌ 缺点：需要私有化部署", C),
]


def test_version() -> None:
    assert SCORER_VERSION >= 65


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


def test_a_forbidden_claim_tagged_with_a_cross_is_not_charged() -> None:
    assert not charged("保证收益", "保证收益：❌")
    assert charged("保证收益", "保证收益：✅")
