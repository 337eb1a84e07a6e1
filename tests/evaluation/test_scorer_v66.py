"""Scorer v66: a verdict mark before words, a point in brackets before its colon, an undecided feature, a one-mark
cell of no, and another holder's or a target's bracket named in more words.

Found in the lead's probe of v65's left items (27 of 53 rows wrong under v65):
- a ❌ / ✗ before further words (私有化部署：❌ 不支持, 私有化部署：❌（仅企业版）, 回收期20个月：❌ 实际为24个月) - v65
  read the mark only where its line ended (`keywords/rejected.py` `_MARKED_AFTER`; `keywords/negation.py`
  `_MARKED_OR_BRACKETED_ZH` for a mark then a denial after a bare space);
- the point inside brackets before the colon (Private deployment (私有化部署): ❌, （私有化部署）：不支持, ...: not
  supported);
- a feature or policy said to be undecided (私有化部署：待定, 私有化部署目前尚未确定, | 私有化部署 | 待定 |,
  "On-premise deployment: TBD", "... is to be determined") - not a figure, which a hedge does not take back
  (回收期：20个月（待确认）), nor an undecided part of what is stated (支持私有化部署，价格待定);
- a table cell of one mark of no (| 私有化部署 | N |, | — |, | - |, | / |), read under its column's header as | 无 |
  is since v12 (a 上线时间 or 备注 column's dash is no verdict); not x, which may tick a box, nor a table's rule row;
- a bracket after the figure naming another holder or whose target in more words (（竞争对手A公司的数据）,
  （对比：竞争对手）, （参考同行）, （主要竞争对手）, （预算目标）, (competitor A), (annual target)) - v64 read the
  bare word.
Comparisons (（高于竞争对手的15%）, （行业领先）, （超过目标）, (above target)) and the source of an estimate
(（根据行业数据测算）) keep the figure the subject's.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
P = "私有化部署"
E = "on-premise deployment"

ROWS: list[tuple[str, str, str]] = [
    # a verdict mark before further words
    (P, "私有化部署：❌ 不支持", N),
    (P, "- 私有化部署：❌ 不支持\n- SaaS：✅", N),
    (P, "私有化部署 ❌ 不支持", N),
    (P, "私有化部署：❌（仅企业版）", N),
    (P, "私有化部署：✗ 暂无计划", N),
    (P, "私有化部署：✗ 需要额外付费", N),
    (P, "私有化部署：❌\n多租户：✅", N),
    ("回收期20个月", "回收期20个月：❌ 实际为24个月", N),
    (E, "On-premise deployment: ❌ not supported", N),
    (P, "私有化部署：✅ 支持", C),
    (P, "私有化部署 ❌ → ✅（2025年起支持）", C),
    (P, "- 私有化部署：✅\n- 多租户：❌", C),
    (P, "私有化部署 ✅ 多租户 ❌", C),
    (P, "私有化部署\n❌ 价格高", C),
    (P, "优势：私有化部署\n❌ 不支持多租户", C),
    ("ROI为20%", "ROI：20% × 0.5 = 10%", N),  # v63, unchanged
    # the point in brackets before its colon
    (P, "Private deployment (私有化部署): ❌", N),
    (P, "Private deployment (私有化部署): ❌ Not supported", N),
    (P, "Private deployment (私有化部署): not supported", N),
    (P, "（私有化部署）：不支持", N),
    (P, "Private deployment (私有化部署): supported", C),
    (P, "Private deployment (私有化部署): ✅", C),
    (P, "私有化部署（仅企业版）", C),
    # undecided
    (P, "私有化部署：待定", N),
    (P, "私有化部署：待评估", N),
    (P, "私有化部署：需评估", N),
    (P, "私有化部署目前尚未确定。", N),
    (P, "私有化部署待定中", N),
    (P, "私有化部署: TBD", N),
    (P, "| 私有化部署 | 待定 |", N),
    (E, "On-premise deployment: TBD", N),
    (E, "On-premise deployment is to be determined.", N),
    (E, "On-premise deployment: under evaluation", N),
    (P, "支持私有化部署，交付周期待定。", C),
    (P, "支持私有化部署（具体价格待定）", C),
    (P, "私有化部署：支持，价格待定", C),
    (P, "私有化部署不明显", C),
    (E, "On-premise deployment is supported; pricing TBD.", C),
    (E, "On-premise deployment: yes (pricing to be determined)", C),
    ("回收期20个月", "回收期：20个月（待确认）", C),
    ("回收期20个月", "回收期：20个月，待定", C),
    # a one-mark cell of no
    (P, "| 私有化部署 | N |", N),
    (P, "| 私有化部署 | — |", N),
    (P, "| 私有化部署 | - |", N),
    (P, "| 私有化部署 | / |", N),
    (P, "| 功能 | 支持情况 |\n|---|---|\n| 私有化部署 | — |", N),
    (E, "| On-premise deployment | N |", N),
    (P, "| 功能 | 上线时间 |\n|---|---|\n| 私有化部署 | — |", C),
    (P, "| 功能 | 备注 |\n|---|---|\n| 私有化部署 | - |", C),
    (P, "| 私有化部署 | x |", C),
    (P, "| 私有化部署 | ✅ | ❌ |", C),
    (P, "| 功能 | 私有化部署 |\n| - | - |\n| 支持 | 是 |", C),
    (P, "| 功能 | 私有化部署 |\n|-|-|", C),
    ("回收期20个月", "| 回收期 | 20个月 | - |", C),
    ("回收期20个月", "| 指标 | 值 |\n|-|-|\n| 回收期 | 20个月 |", C),
    # another holder's or a target's bracket in more words
    ("ROI为20%", "ROI为20%（竞争对手A公司的数据）", N),
    ("ROI为20%", "ROI为20%（对比：竞争对手）", N),
    ("ROI为20%", "ROI为20%（预算目标）", N),
    ("ROI为20%", "ROI为20%（参考同行）", N),
    ("ROI为20%", "ROI为20%（主要竞争对手）", N),
    ("ROI为20%", "ROI为20% (competitor A)", N),
    ("ROI为20%", "ROI为20% (annual target)", N),
    ("ROI为20%", "ROI is 20% (competitor A's figure)", N),
    ("ROI为20%", "ROI为20%（高于竞争对手的15%）", C),
    ("ROI为20%", "ROI为20%（行业领先）", C),
    ("ROI为20%", "ROI为20%（超过目标）", C),
    ("ROI为20%", "ROI为20%（优于行业平均）", C),
    ("ROI为20%", "ROI为20%（竞争对手为15%）", C),
    ("ROI为20%", "ROI为20%（目标为15%）", C),
    ("ROI为20%", "ROI为20%（行业平均水平为12%）", C),
    ("ROI为20%", "ROI为20%（同行业最高）", C),
    ("ROI为20%", "ROI为20%（达成年度目标）", C),
    ("ROI为20%", "ROI为20% (vs. competitor's 15%)", C),
    ("ROI为20%", "ROI为20% (above target)", C),
    ("ROI为20%", "ROI为20% (beats competitor A)", C),
    ("ROI为20%", "ROI为20% (our target was 15%)", C),
    ("ROI为20%", "ROI为20%（根据行业数据测算）", C),
]


def test_version() -> None:
    assert SCORER_VERSION >= 66


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, CN)


def test_forbidden_claims_marked_or_undecided_are_not_charged() -> None:
    assert not charged("保证收益", "保证收益：❌ 我们不承诺")
    assert not charged("保证收益", "保证收益：待定")
    assert charged("保证收益", "保证收益：✅")
    assert charged("保证收益", "保证收益：是，年化8%")
