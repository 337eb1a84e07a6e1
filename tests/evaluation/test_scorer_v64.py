"""Scorer v64: a bracket right after the figure that makes it a target or another holder's figure.

ROI：20%（目标）, ROI为20%（目标值）, ROI：20%（竞品数据）, 回收期：20个月（竞品）, "ROI: 20% (target)", "The ROI is
20% (competitor's figure)", "ROI: 20% (industry average)" - a table's or a list's label of a figure that is not the
subject's value, as 目标是20% (v48) and 竞争对手的ROI为20% (v53) are not - were credited under v63 for a point that
names its subject (`patterns.ANOTHERS_OR_A_TARGET_AFTER`, read after a number pattern's figure and after a text
form's: 回收期20个月（目标）). Found in the lead's review of v62/v63 (both left a holder or a target after the
figure). A bracket that goes on (（目标为15%）, （行业平均为12%）, (vs. industry 12%)), a comparison (（高于行业平均）,
（超过目标）, (above target)), a plan or an estimate (（计划）, （预计）, (est.)) and the answer's own qualifiers
(（按三年计）, （实际）, (actual)) keep the figure the subject's. A bare point (20%) may count anything (v53): its
figure stays covered. `benchmarks/credit_mutations.py` gets the kind "labelled" (the figure of a covered row labelled
（目标）, （竞品数据）, （行业平均）, (target), (competitor's figure), (industry average)): v63 credited 2,415 of
2,556, v64 0.
"""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

ROWS: list[tuple[str, str, str]] = [
    # a target's or another holder's figure, labelled in a bracket after it
    ("ROI 20%", "ROI为20%（目标）。", N),
    ("ROI 20%", "ROI为20%（目标值）", N),
    ("ROI 20%", "ROI：20%（竞品数据）", N),
    ("ROI 20%", "ROI：20%（竞争对手）", N),
    ("ROI 20%", "ROI：20%（行业平均）", N),
    ("ROI 20%", "| ROI | 20%（目标） |", N),
    ("ROI 20%", "ROI: 20% (target)", N),
    ("ROI 20%", "ROI: 20% (goal)", N),
    ("ROI 20%", "The ROI is 20% (competitor's figure).", N),
    ("ROI 20%", "ROI: 20% (industry average)", N),
    ("回收期20个月", "回收期：20个月（目标）", N),
    ("回收期20个月", "回收期：20个月（竞品）", N),
    ("回收期20个月", "回收期20个月（目标）。", N),  # the point's own words, a text form
    ("成本降低50%", "成本降低50%（目标）。", N),
    # the subject's own figure: a bracket that goes on, a comparison, a plan or estimate, a qualifier
    ("ROI 20%", "ROI为20%（按三年计）。", C),
    ("ROI 20%", "ROI为20%（高于行业平均）。", C),
    ("ROI 20%", "ROI为20%（行业平均为12%）。", C),
    ("ROI 20%", "ROI为20%（超过目标）。", C),
    ("ROI 20%", "ROI为20%（达到目标）。", C),
    ("ROI 20%", "ROI为20%（目标为15%）。", C),
    ("ROI 20%", "ROI: 20% (above target)", C),
    ("ROI 20%", "ROI: 20% (vs. industry 12%)", C),
    ("ROI 20%", "ROI为20%（预计）。", C),
    ("ROI 20%", "ROI: 20% (est.)", C),
    ("ROI 20%", "ROI为20%（实际）。", C),
    ("ROI 20%", "ROI: 20% (actual)", C),
    ("回收期20个月", "回收期：20个月（计划）", C),
    ("ROI 20%", "ROI为20%（目标）\nROI为20%（实际）", C),  # the actual one said too
    # a bare point may count anything (v53)
    ("20%", "ROI：20%（目标）", C),
]


def test_version() -> None:
    assert SCORER_VERSION >= 64


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
