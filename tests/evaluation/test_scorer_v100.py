"""Scorer v100: three ways an answer names a value it does not give as its answer.

- a plan changed in words of change alone (`retraction`): 原定6月上线，后改为9月, 计划6月上线，后改为9月,
  原估计20个月，后改为24个月 - v99 read 推迟到 and 调整为 so, not 改为 / 改到了, nor a plan or estimate without 原;
- a figure called only the ideal case (`hypothesis`): 20个月只是理想情况，实际约30个月, 回本周期20个月只是最理想的估计,
  "20 months is only the best case";
- a place named only as a branch's where the question asks for the head office (`names.only_a_branch`):
  苏州只是分行所在地，总部在上海, 总部在上海，苏州只有分行, "Suzhou is only a branch location".
Kept: 改为 followed by no figure (计划6月上线，改为线上发布), 只是 with no ideal case
(回本周期为20个月，只是前期投入较大), 苏州设有分行，总部也在苏州, and a question about branches (苏州只有分行 names a
branch city).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status, status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

PLANS_AND_IDEALS = [
    ("6月", "原计划6月上线，后改为9月。", N),
    ("6月", "原定6月上线，后改为9月。", N),
    ("6月", "原定于6月上线，后来改到了9月。", N),
    ("6月", "计划6月上线，后改为9月。", N),
    ("20个月", "原估计20个月，后改为24个月。", N),
    ("20个月", "20个月只是理想情况，实际约30个月。", N),
    ("20个月", "回本周期20个月只是最理想的估计。", N),
    ("20个月", "20个月只是一个理想的数字。", N),
    ("20个月", "Payback of 20 months is only the best case; expect 30.", N),
    ("20个月", "20 months is just an optimistic estimate.", N),
    ("6月", "计划6月上线，改为线上发布。", C),
    ("6月", "6月上线，改为每周迭代。", C),
    ("20个月", "回收期20个月，改为按季度核算。", C),
    ("20个月", "回本周期为20个月，只是前期投入较大。", C),
    ("20个月", "20 months is the best case and the expected case.", C),
    ("20%", "ROI为20%，改进空间为5%。", C),
]
HEAD_OFFICE = "华信银行的总部在哪座城市？"
HQ_EN = "Where is the bank's head office?"
BRANCHES = "华信银行在哪些城市设有分行？"
BRANCH_ROWS = [
    (HEAD_OFFICE, "苏州", "苏州只是分行所在地，总部在上海。", N),
    (HEAD_OFFICE, "苏州", "总部在上海，苏州只有分行。", N),
    (HEAD_OFFICE, "苏州", "总部在上海，苏州仅设一家分行。", N),
    (
        "Where is the bank's head office?",
        "Suzhou",
        "The head office is in Shanghai; Suzhou is only a branch location.",
        N,
    ),
    (HQ_EN, "Suzhou", "Suzhou only has a branch office.", N),
    (HEAD_OFFICE, "苏州", "总部位于苏州。", C),
    (HEAD_OFFICE, "苏州", "总部在苏州，上海只有分行。", C),
    (HEAD_OFFICE, "苏州", "苏州设有分行，总部也在苏州。", C),
    (BRANCHES, "苏州", "总部在上海，苏州只有分行。", C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 100


@pytest.mark.parametrize(("point", "answer", "expected"), PLANS_AND_IDEALS)
def test_plans_and_ideal_cases(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


@pytest.mark.parametrize(("question", "point", "answer", "expected"), BRANCH_ROWS)
def test_a_place_named_only_as_a_branchs(question: str, point: str, answer: str, expected: str) -> None:
    got = status(point, answer, question=question)
    assert (got == "covered") == (expected == C), got
