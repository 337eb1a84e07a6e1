"""Scorer v33: a figure in a Markdown table column whose header names a superseded value (旧值, 原估计, 修订前, Old,
Previous estimate, outdated) is a former value where its row gives another figure under a column that is not one -
as a former value in brackets is since v32 (24个月（原20个月）). v32 credited 20个月 in | 回收期 | 20个月 | 24个月 |
under | 指标 | 旧值 | 新值 |. A change's start (上线前 / 上线后, Before / After) holds facts a case may ask for and
stays credited, as do a plan (原计划), an old column alone, and the new value."""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

TABLE_OLD_NEW = "| 指标 | 旧值 | 新值 |\n|---|---|---|\n| 回收期 | 20个月 | 24个月 |"

ROWS = [
    # a superseded column beside a current one: its figure is not the answer
    ("20个月", TABLE_OLD_NEW, N),
    ("20个月", "| 指标 | 原估计 | 修订后 |\n| --- | --- | --- |\n| 回收期 | 20个月 | 24个月 |", N),
    ("20个月", "| 指标 | 修订前 | 修订后 |\n| --- | --- | --- |\n| 回收期 | 20个月 | 24个月 |", N),
    ("20 months", "| Metric | Old | New |\n|---|---|---|\n| Payback | 20 months | 24 months |", N),
    ("20 months", "| Metric | Previous estimate | Current |\n|---|---|---|\n| Payback | 20 months | 24 months |", N),
    ("$1.2 million", "| Item | Old value | Revised |\n|---|---|---|\n| Contract | $1.2 million | $1.5 million |", N),
    ("20个月", "| 指标 | 当前值 | 旧值（已作废） |\n|---|---|---|\n| 回收期 | 24个月 | 20个月 |", N),
    # the current column, and innocent tables
    ("24个月", TABLE_OLD_NEW, C),
    ("24 months", "| Metric | Old | New |\n|---|---|---|\n| Payback | 20 months | 24 months |", C),
    ("8400笔", "| 指标 | 上线前 | 上线后 |\n|---|---|---|\n| 日均告警 | 8400笔 | 1800笔 |", C),
    ("8400", "| Metric | Before | After |\n|---|---|---|\n| Daily alerts | 8400 | 1800 |", C),
    ("20个月", "| 指标 | 原计划 | 实际 |\n|---|---|---|\n| 回收期 | 20个月 | 26个月 |", C),
    ("20个月", "| 指标 | 旧值 |\n|---|---|\n| 回收期 | 20个月 |", C),  # an old column alone: nothing replaces it
    ("20个月", "| 指标 | 旧值 | 备注 |\n|---|---|---|\n| 回收期 | 20个月 | 见下文 |", C),  # no other figure in its row
    ("20个月", "| 原因 | 回收期 | 成本 |\n|---|---|---|\n| 规模效应 | 20个月 | 300万元 |", C),  # 原因 is no 原值
    ("1200万元", "| 原材料 | 金额 | 占比 |\n|---|---|---|\n| 钢材 | 1200万元 | 40% |", C),
]


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_a_superseded_column_is_a_former_value(point: str, answer: str, expected: str):
    check_status(point, answer, expected)


def test_version():
    assert SCORER_VERSION >= 33
