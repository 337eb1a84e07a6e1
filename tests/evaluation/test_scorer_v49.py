"""Scorer v49: wrong answers v48 credited, found by a mutation sweep of the covered rows
(benchmarks/credit_mutations.py).

Each class, with the rows that were credited before (N) beside the right answers that must stay covered (C):
- a bare comma read as an apposition (ROI，20%的客户会流失 credited ROI 20%): a comma alone between a subject and a
  figure links them only where the figure closes the apposition (ROI，20%。; the ROI, 20%, beats the target), not
  where it runs on into the words it counts (20%的客户, 20% of customers);
- a negated copula with "about" after it (回收期并非大约20个月, the ROI is not around 20%) and a negated copula after
  a point's counting word (每月不是5000元, ¥并非500 for ¥500): the negation was not read at the figure;
- the answer's own forecast that its sentence belies with an actual figure of the same kind (ROI预计为20%，但实际只有
  15%): decided not covered - the answer says the value is 15%; a question asking for the value is not met by the
  forecast. A plan beside the actual (原计划ROI为20%，实际ROI为18%) stays v39's two facts, an actual that repeats the
  figure or is of another kind (实际第3个月开始盈利, actual data for 3 sites) leaves it stated;
- a question of a correction (ROI不是15%，而是20%吗？) was read as a negative question, which asserts.
Decided and kept: ❌ before a claim on its own line is a con's label (v46, v47) - stated; with a verdict of its own
(❌ 毛利率为20%（错误）) it is rejected.
"""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

ROI_NAMES = ("ROI", "投资回报率")
COUNTED = ("的客户会流失", "的用户会续费", "的门店尚未盈利", "的订单来自老客户")

APPOSITION_ROWS: list[Row] = [
    *(("ROI 20%", f"{name}，20%{rest}。", None, N) for name in ROI_NAMES for rest in COUNTED),
    *(("ROI 20%", f"- {name}，20%{rest}", None, N) for name in ROI_NAMES for rest in COUNTED[:2]),
    ("ROI 20%", "ROI, 20% of customers churn.", None, N),
    ("ROI 20%", "Regarding ROI, 20% of the budget goes to training.", None, N),
    ("ROI 20%", "The ROI, 20% of users renew.", None, N),
    ("毛利率20%", "毛利率，20%的门店未披露。", None, N),
    ("回收期20个月", "回收期，20个月内可以收回。", None, N),
    # a closed apposition still states it
    ("ROI 20%", "ROI，20%。", None, C),
    ("ROI 20%", "ROI，约20%。", None, C),
    ("ROI 20%", "The ROI, 20%, beats the target.", None, C),
    ("ROI 20%", "The ROI, 20% or so, is fine.", None, C),
    ("ROI 20%", "ROI, 20%; IRR, 15%.", None, C),
    ("ROI 20%", "**ROI**，20%", None, C),
    ("ROI 20%", "The ROI, at 20%, beats the target.", None, C),
    ("ROI 20%", "ROI为20%，客户流失率为5%。", None, C),
    ("ROI 20%", "The ROI, 20% (up from 15%), beats the target.", None, C),
    ("ROI 20%", "ROI，20%（去年为15%）。", None, C),
    ("ROI 20%", "ROI，20% — above target.", None, C),
]

NEGATED_ROWS: list[Row] = [
    ("回收期20个月", "回收期并非大约20个月。", None, N),
    ("回收期20个月", "回收期不是大约20个月。", None, N),
    ("回收期20个月", "回收期并不是大概20个月。", None, N),
    ("ROI 20%", "ROI并非大约20%。", None, N),
    ("ROI 20%", "投资回报率不是约20%。", None, N),
    ("20 months", "Payback is not around 20 months.", None, N),
    ("20 months", "Payback is not approximately 20 months.", None, N),
    ("ROI 20%", "The ROI is not around 20%.", None, N),
    ("每月5000元", "每月不是5000元。", None, N),
    ("每月5000元", "每月并非5000元。", None, N),
    ("每月5000元", "费用每月并非5000元，而是8000元。", None, N),
    ("¥500", "价格：¥并非500/席位。", None, N),
    # the figure said without the negation still stands
    ("回收期20个月", "回收期大约20个月。", None, C),
    ("20 months", "Payback is around 20 months.", None, C),
    ("每月5000元", "每月5000元。", None, C),
    ("每月5000元", "每月约5000元。", None, C),
    ("ROI 20%", "ROI不是15%，而是20%。", None, C),
]

FORECAST_ROWS: list[Row] = [
    ("ROI 20%", "ROI预计为20%，但实际只有15%。", None, N),
    ("ROI 20%", "投资回报率预计为20%，但实际只有15%。", None, N),
    ("ROI 20%", "预计ROI为20%，实际ROI为18%。", None, N),
    ("IRR 15%", "预计IRR为15%，但实际只有12%。", None, N),
    ("毛利率20%", "预计毛利率为20%，实际毛利率为17%。", None, N),
    ("20%", "毛利率预计为20%，但实际只有15%。", None, N),
    ("20个月", "回收期预计20个月，实际为26个月。", None, N),
    ("1200万元", "预计投资1200万元，实际投入1500万元。", None, N),
    ("ROI 20%", "The ROI is projected at 20%, but in fact it is 15%.", None, N),
    ("20 months", "Payback was forecast at 20 months; in fact it took 26 months.", None, N),
    ("20%", "Margin is estimated at 20%, but the actual margin is 16%.", None, N),
    ("ROI 20%", "按测算ROI为20%，但实际只有15%。", None, N),
    ("回收期20个月", "回收期预计为20个月，但实际只有26个月。", None, N),
    # a forecast confirmed, left open, or beside an actual of another kind; a plan beside the actual (v39)
    ("ROI 20%", "ROI预计为20%。", None, C),
    ("ROI 20%", "ROI预计为20%，实际也达到了20%。", None, C),
    ("ROI 20%", "ROI预计为20%，实际需视市场而定。", None, C),
    ("1200万元", "预计投资1200万元，实际需分3期投入。", None, C),
    ("20 months", "Payback is forecast at 20 months; actual data for 3 sites confirm it.", None, C),
    ("ROI 20%", "原计划ROI为20%，实际ROI为18%。", None, C),
    ("ROI 20%", "ROI预计为20%，回收期为2年。", None, C),
    ("ROI 20%", "经测算，ROI为20%。", None, C),
    # the lead's review: an actual of another quantity, or a change of one, belies no forecast
    ("20%", "ROI预计为20%，风险在于实际成本可能上升15%。", None, C),
    ("20%", "预计毛利率20%，实际IRR为15%。", None, C),
    ("ROI 20%", "ROI预计为20%，实际运营中约有15%的客户流失。", None, C),
    ("20%", "The ROI is projected at 20%, but actual costs may rise 15%.", None, C),
    ("20%", "Margin is estimated at 20%; actual churn was 15%.", None, C),
    ("ROI 20%", "ROI预计为20%，但实际ROI只有15%。", None, N),
    ("20%", "The ROI is projected at 20%, but the actual ROI came in at 15%.", None, N),
]

QUESTION_ROWS: list[Row] = [
    ("ROI 20%", "ROI不是15%，而是20%吗？", None, N),
    ("ROI 20%", "投资回报率不是15%，而是20%吗？", None, N),
    ("回收期20个月", "回收期不是24个月，而是20个月吗？", None, N),
    # a negative question still asserts its figure (v46, v47)
    ("ROI 20%", "难道ROI不是20%吗？", None, C),
    ("ROI 20%", "ROI不就是20%吗？", None, C),
]

DECIDED_ROWS: list[Row] = [
    ("毛利率为20%", "❌ 毛利率为20%", None, C),  # v46/v47: a con's label on its own line, kept
    ("毛利率为20%", "优点：品牌强\n❌ 毛利率为20%", None, C),
    ("毛利率为20%", "❌ 毛利率为20%（错误）", None, N),  # a verdict of its own rejects it
]

ALL_ROWS = APPOSITION_ROWS + NEGATED_ROWS + FORECAST_ROWS + QUESTION_ROWS + DECIDED_ROWS


def test_scorer_version_is_49() -> None:
    assert SCORER_VERSION >= 49


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ALL_ROWS)
def test_v49_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


def test_rows_hold_both_verdicts_in_each_class() -> None:
    """Each class pins wrong answers and the right answers beside them, so a fix that drops all credit fails too."""
    for rows in (APPOSITION_ROWS, NEGATED_ROWS, FORECAST_ROWS, QUESTION_ROWS):
        assert {r[3] for r in rows} == {C, N}
