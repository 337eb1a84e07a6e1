"""Scorer v50: a hedge between a subject and its figure, and questions v49 still credited.

Each class, with the rows that were wrong before beside the rows that must keep their verdict (C covered, N not):
- a hedge alone between a point's subject and its figure, with no copula (回收期预计20个月, 毛利率预期20%, ROI有望
  20%, "payback expected 20 months", "ROI projected 20%") was missing, as 约 and 大概 were not; a bound or a negation
  after the hedge (预计超过20个月, 预计不到20个月), another subject (IRR预计20%) and a figure that runs on into what it
  counts (ROI预计20%的客户会流失, ROI expected 20% of customers) stay not covered;
- a correction across a clause or a sentence, then asked (ROI不是15%。实际为20%吗？) was read as a negative question,
  which asserts - v49 caught only 而是;
- a figure late in a long "Is it true that ...?" question was past the 80 characters the question's words were read;
- a question answered with another figure (Is the ROI 20%? It is 15%. / Actually, it is 15%. / ROI是20%吗？是的，只有
  15%。) was answered yes - the first figure of the answer (a year aside) must be the question's;
- a forecast belied after a correction of another figure (ROI不是15%。实际预计为20%，但实际只有26%。) was read from the
  15% denied, not from the forecast's 20%.
"""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

ZH_HEDGES = ("预计", "预期", "预估", "估计", "有望", "大致", "差不多", "初步测算")
PAYBACK_NAMES = ("回收期", "投资回收期", "回本周期")

HEDGE_ROWS: list[Row] = [
    *(("回收期20个月", f"回收期{hedge}20个月。", None, C) for hedge in ZH_HEDGES),
    *(("回收期20个月", f"{name}预计20个月。", None, C) for name in PAYBACK_NAMES[:1]),
    ("毛利率20%", "毛利率预计20%。", None, C),
    ("毛利率20%", "毛利率预期20%，净利率约8%。", None, C),
    ("ROI 20%", "ROI有望20%。", None, C),
    ("ROI 20%", "投资回报率（ROI）预计20%左右。", None, C),
    ("回收期20个月", "- 回收期：预计20个月\n- ROI：15%", None, C),
    ("回收期20个月", "| 指标 | 数值 |\n|---|---|\n| 回收期 | 预计20个月 |", None, C),
    ("回收期20个月", "**回收期**预计20个月，风险可控。", None, C),
    ("回收期20个月", "回收期预计二十个月。", NumberForms(chinese=True), C),
    ("payback 20 months", "Payback expected 20 months.", None, C),
    ("payback period 20 months", "The payback period expected 20 months; ROI 15%.", None, C),
    ("ROI 20%", "ROI projected 20%.", None, C),
    ("ROI 20%", "- ROI: projected 20%", None, C),
    ("ROI 20%", "ROI estimated 20% in year two.", None, C),
    ("ROI 20%", "ROI expected at 20%.", None, C),
    # a bound, a negation, another subject, a range or a figure of what follows: not the point
    ("回收期20个月", "回收期预计超过20个月。", None, N),
    ("回收期20个月", "回收期预计不到20个月。", None, N),
    ("回收期20个月", "回收期预计达不到20个月。", None, N),
    ("回收期20个月", "回收期预计20至30个月。", None, N),
    ("回收期20个月", "回收期预计24个月。", None, N),
    ("ROI 20%", "IRR预计20%。", None, N),
    ("ROI 20%", "ROI预计15%，IRR预计20%。", None, N),
    ("ROI 20%", "ROI有望超过20%。", None, N),
    ("ROI 20%", "ROI预计20%的客户会流失。", None, N),
    ("ROI 20%", "ROI预计，20%的客户会流失。", None, N),
    ("ROI 20%", "ROI expected 20% of customers to churn.", None, N),
    ("ROI 20%", "ROI projected over 20%.", None, N),
    ("ROI 20%", "ROI预计20%吗？", None, N),
    ("ROI 20%", "ROI预计20%，但实际只有15%。", None, N),
]

CORRECTION_QUESTION_ROWS: list[Row] = [
    ("ROI 20%", "ROI不是15%。实际为20%吗？", None, N),
    ("ROI 20%", "ROI不是15%，实际为20%吗？", None, N),
    ("ROI 20%", "投资回报率不是15%，其实是20%吗？", None, N),
    ("回收期20个月", "回收期不是24个月。实际为20个月吗？", None, N),
    ("回收期20个月", "回收期不是24个月，应为20个月吗？", None, N),
    # stated corrections and negative questions keep their verdicts
    ("ROI 20%", "ROI不是15%。实际为20%。", None, C),
    ("ROI 20%", "ROI不是15%，而是20%。", None, C),
    ("ROI 20%", "难道ROI不是20%吗？", None, C),
    ("ROI 20%", "ROI不就是20%吗？", None, C),
]

LONG_QUESTION = (
    "Is it true that annual savings are estimated at $720,000, so the payback period is about 20 months, "
    "including a 4-month build phase?"
)
TRUTH_QUESTION_ROWS: list[Row] = [
    ("4 months", f"{LONG_QUESTION} In a downside case payback stretches to 22 months.", None, N),
    ("4 months", f"- {LONG_QUESTION}", None, N),
    ("4 months", LONG_QUESTION.replace("Is it true that", "Can you confirm that"), None, N),
    ("4 months", LONG_QUESTION.replace("Is it true that", "Is it the case that"), None, N),
    # stated, or the question answered yes
    ("4 months", LONG_QUESTION.replace("Is it true that", "We confirm that").replace("phase?", "phase."), None, C),
    ("4 months", f"{LONG_QUESTION} Yes, it is.", None, C),
    (
        "4 months",
        "Annual savings are estimated at $720,000, so payback is about 20 months, including a 4-month build "
        "phase. Is it true that the vendor is certified?",
        None,
        C,
    ),
]

ANSWERED_ROWS: list[Row] = [
    ("ROI 20%", "Is the ROI 20%? It is 15%.", None, N),
    ("ROI 20%", "Is the ROI 20%? Actually, it is 15%.", None, N),
    ("ROI 20%", "Is the ROI 20%? Yes, 15%.", None, N),
    ("ROI 20%", "Can the ROI reach 20%? It can reach 12%.", None, N),
    ("毛利率20%", "Is it true that gross margin is 20%? ROI is 12%.", None, N),
    ("毛利率20%", "Is it true that gross margin and net margin are 20% and 15% respectively? ROI is 12%.", None, N),
    ("ROI 20%", "ROI是20%吗？是的，只有15%。", None, N),
    ("ROI 20%", "ROI能达到20%吗？可以，预计达到15%。", None, N),
    # answered yes, with the figure or none
    ("ROI 20%", "Is the ROI 20%? It is.", None, C),
    ("ROI 20%", "Is the ROI 20%? Yes, it is.", None, C),
    ("ROI 20%", "Is the ROI 20%? Yes, it is 20%, up from 15%.", None, C),
    ("ROI 20%", "Will the ROI reach 20%? It will, by 2026.", None, C),
    ("ROI 20%", "Can the ROI reach 20%? It can.", None, C),
    ("ROI 20%", "ROI能达到20%吗？可以。", None, C),
    ("ROI 20%", "ROI是20%吗？是的，是20%。", None, C),
]

BELIED_ROWS: list[Row] = [
    ("ROI 20%", "ROI不是15%。实际预计为20%，但实际只有26%。", None, N),
    ("ROI 20%", "ROI不是15%，预计为20%，但实际只有26%。", None, N),
    ("回收期20个月", "回收期不是24个月。预计为20个月，但实际为26个月。", None, N),
    ("ROI 20%", "ROI不是15%。预计为20%，实际也达到了20%。", None, C),
    ("ROI 20%", "ROI预计为20%，实际也达到了20%。", None, C),
]

ALL_ROWS = HEDGE_ROWS + CORRECTION_QUESTION_ROWS + TRUTH_QUESTION_ROWS + ANSWERED_ROWS + BELIED_ROWS


def test_scorer_version_is_at_least_50() -> None:
    assert SCORER_VERSION >= 50


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ALL_ROWS)
def test_v50_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


def test_rows_hold_both_verdicts_in_each_class() -> None:
    """Each class pins wrong answers and the right answers beside them, so a fix that drops all credit fails too."""
    for rows in (HEDGE_ROWS, CORRECTION_QUESTION_ROWS, TRUTH_QUESTION_ROWS, ANSWERED_ROWS, BELIED_ROWS):
        assert {r[3] for r in rows} == {C, N}
