"""Scorer v39: what v38 left and a hostile pass over v38's rules (228 probe rows written as Qwen and GPT answer
business questions, Chinese and English, Markdown, tables and JSON). A subject and its figure with a light verb
between (Payback needs about 20 months, 回收期需要约20个月, ROI stands at 20%) and after a Chinese word (实际ROI为18%);
a doubted bound (unlikely to exceed 20%, 我不认为ROI会低于20%) read as the other bound, hedged: a point of that
limit, not the plain figure; "did not go up to 20%" as a negated rise, not a bound; a doubt asked and answered yes
(我不认为ROI能达到20%？其实可以); changes in words not bounded (more than doubled, 翻倍有余), not idioms (doubled
down), not 削减半导体; a modal of doubt (很难, 未必, 不太可能) and a doubt before a point's subject (I doubt the ROI is
20%); a past period's subject (the previous quarter's ROI) beside the current one. Innocent rows beside each."""

from __future__ import annotations

import pytest
from scorer_rows import check_status, slowest_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

# a subject and its figure with a light verb between (takes, needs, comes to, stands at, 约需, 需要约)
ASKED_ROWS = [
    ("payback 20 months", "The payback takes about 20 months.", None, C),
    ("payback 20 months", "The payback takes 20 months.", None, C),
    ("payback 20 months", "Payback needs about 20 months.", None, C),
    ("payback 20 months", "Payback comes to 20 months.", None, C),
    ("payback 20 months", "Payback stands at 20 months.", None, C),
    ("payback 20 months", "The payback is around 20 months.", None, C),
    ("回收期20个月", "回收期约需20个月。", None, C),
    ("回收期20个月", "回收期大概要20个月。", None, C),
    ("回收期20个月", "回收期需要约20个月。", None, C),
    ("ROI 20%", "ROI stands at 20%.", None, C),
    ("ROI 20%", "ROI comes to 20%.", None, C),
    ("20%", "The discount is unlikely to exceed 20%.", None, N),
    ("20%", "I don't think the ROI will be below 20%.", None, N),
    ("ROI 20%", "I don't think the ROI will be below 20%.", None, N),
    ("20%", "Prices did not go up to 20% above list.", None, N),
    ("20%", "我不认为ROI能达到20%？其实可以。", None, C),
]

# a doubted bound is the other bound, hedged: it credits that limit's point, not the plain figure nor its own
# bound; "up to" after a verb of motion is a level reached (did not go up to 20%); a doubt asked and answered yes
BOUND_ROWS = [
    ("不超过20%", "The discount is unlikely to exceed 20%.", None, C),
    ("不超过20%", "折扣不太可能超过20%。", None, C),
    ("不超过20%", "我不认为折扣会超过20%。", None, C),
    ("不低于20%", "I don't think the ROI will be below 20%.", None, C),
    ("不低于20%", "我不认为ROI会低于20%。", None, C),
    ("超过20%", "我不认为折扣会超过20%。", None, N),
    ("超过20%", "The discount is unlikely to exceed 20%.", None, N),
    ("低于20%", "I don't think the ROI will be below 20%.", None, N),
    ("低于20%", "我不认为ROI会低于20%。", None, N),
    ("20%", "我不认为ROI会低于20%。", None, N),
    ("20%", "ROI不会低于20%。", None, C),
    ("不低于20%", "ROI不会低于20%。", None, C),
    ("至少20%", "I don't think the ROI will be below 20%.", None, C),
    ("至多20%", "The discount is unlikely to exceed 20%.", None, C),
    ("超过20%", "I doubt the discount will exceed 20%.", None, N),
    ("不超过20%", "I doubt the discount will exceed 20%.", None, C),
    ("超过20%", "The discount will exceed 20%.", None, C),
    ("不超过20%", "The discount will exceed 20%.", None, N),
    ("低于20%", "I don't think the ROI will be below 20%, it will be well above.", None, N),
    ("超过20%", "I don't doubt the discount will exceed 20%.", None, C),
    ("20%", "The discount is unlikely to exceed 20%.", None, N),
    ("20%", "I don't think the ROI will be below 20%.", None, N),
    ("ROI 20%", "I don't think the ROI will be below 20%.", None, N),
    ("ROI 20%", "I don't think the ROI will be above 20%.", None, N),
    ("20%", "Prices did not go up to 20% above list.", None, N),
    ("20%", "Prices did not go up to 20%.", None, N),
    ("20%", "Prices didn't go up to 20%.", None, N),
    ("20%", "Costs never came down to 20% of revenue.", None, N),
    ("20%", "Prices went up to 20% above list.", None, C),
    ("20%", "Prices went up to 20%.", None, C),
    ("20%", "Prices did not go up; the discount went up to 20%.", None, C),
    ("20%", "Discounts of up to 20% are available.", None, C),
    ("up to 20%", "Discounts of up to 20% are available.", None, C),
    ("20%", "The ROI did not climb to 20%.", None, N),
    ("20%", "Margins have not gone up to 20%.", None, N),
    ("20%", "Margins haven't risen to 20%.", None, N),
    ("20%", "Churn did not drop down to 20%.", None, N),
    ("20%", "We didn't scale up to 20% of traffic.", None, N),
    ("20%", "We scaled up to 20% of traffic.", None, C),
    ("20%", "我不认为ROI能达到20%？其实可以。", None, C),
    ("20%", "你不认为ROI能达到20%？其实完全可以。", None, C),
    ("20%", "不相信ROI能达到20%？事实上它做到了。", None, C),
    ("20%", "Don't think the ROI can reach 20%? It can.", None, C),
    ("20%", "You don't think the ROI will reach 20%? Actually, it will.", None, C),
    ("20%", "我不认为ROI能达到20%？确实不能。", None, N),
    ("20%", "我不认为ROI能达到20%。其实可以更高。", None, N),
    ("20%", "Don't think the ROI can reach 20%? You are right, it can't.", None, N),
    ("20%", "我不认为ROI能达到20%？", None, N),
    ("20%", "Don't think the ROI can reach 20%? Think again: it will.", None, C),
]

# changes in words: not of another subject, not bounded (more than doubled), not idioms (doubled down, doubles
# as), not a 减半 whose 半 starts another word; approximations as nearly 20%; a doubt or modal before them
VERBAL_ROWS = [
    ("20%", "ROI能达到20%吗？可以。", None, C),
    ("-50%", "成本减半后仍高于预算。", None, C),
    ("成本降低50%", "成本减半。", None, C),
    ("成本降低50%", "团队减半，成本没变。", None, N),
    ("成本降低50%", "We halved the team; costs stayed flat.", None, N),
    ("成本降低50%", "Halving the team cut costs by 30%.", None, N),
    ("成本降低50%", "The team was halved, costs fell 30%.", None, N),
    ("成本降低50%", "Costs fell 30% after we halved the team.", None, N),
    ("-50%", "We halved the team.", None, C),
    ("成本降低50%", "We halved the team.", None, N),
    ("成本降低50%", "人员减半。", None, N),
    ("成本降低50%", "人员成本减半。", None, C),
    ("成本降低50%", "差旅成本减半。", None, C),
    ("成本降低50%", "成本中的人员部分减半。", None, N),
    ("成本降低50%", "减半的是人员而不是成本。", None, N),
    ("营收增长100%", "成本翻倍。", None, N),
    ("营收增长100%", "营收翻倍。", None, C),
    ("营收增长100%", "用户数翻倍，营收持平。", None, N),
    ("营收增长100%", "营收持平，用户数翻倍。", None, N),
    ("营收增长100%", "User count doubled while revenue was flat.", None, N),
    ("营收增长100%", "Revenue was flat while users doubled.", None, N),
    ("100%", "We doubled down on enterprise sales.", None, N),
    ("100%", "The company doubled down on AI.", None, N),
    ("100%", "They are doubling down on SaaS.", None, N),
    ("营收增长100%", "We doubled down on revenue growth.", None, N),
    ("100%", "This doubles as a backup server.", None, N),
    ("100%", "The office doubled as a warehouse.", None, N),
    ("100%", "Revenue doubled.", None, C),
    ("100%", "营收翻番。", None, C),
    ("100%", "营收有望翻倍。", None, C),
    ("100%", "营收不太可能翻倍。", None, N),
    ("100%", "I don't think revenue will double.", None, N),
    ("100%", "I doubt revenue will double.", None, N),
    ("-50%", "成本很难减半。", None, N),
    ("-50%", "成本未必能减半。", None, N),
    ("100%", "营收翻倍？不可能。", None, N),
    ("100%", "翻倍。", None, C),
    ("-50%", "会议时间减半。", None, C),
    ("成本降低50%", "会议时间减半。", None, N),
    ("成本降低50%", "成本较去年减半。", None, C),
    ("成本降低50%", "Our costs nearly halved.", None, C),
    ("成本降低50%", "Costs almost halved.", None, C),
    ("-50%", "Costs almost halved.", None, C),
    ("-50%", "Costs more than halved.", None, N),
    ("100%", "Revenue more than doubled.", None, N),
    ("100%", "Revenue nearly doubled.", None, C),
    ("100%", "营收接近翻倍。", None, C),
    ("100%", "营收超过翻倍。", None, N),
    ("100%", "营收翻倍有余。", None, N),
    ("100%", "营收将近翻倍。", None, C),
    ("-50%", "成本几乎减半。", None, C),
    ("100%", "Revenue roughly doubled.", None, C),
    ("100%", "营收大约翻倍。", None, C),
    ("-50%", "半数员工离职。", None, N),
    ("成本降低50%", "减半征收企业所得税。", None, N),
    ("-50%", "税率减半征收。", None, C),
    ("100%", "双倍积分活动。", None, N),
    ("100%", "加倍投入研发。", None, N),
    ("200%", "Revenue tripled.", None, C),
    ("200%", "Users tripled, revenue grew 20%.", None, C),
    ("营收增长200%", "Users tripled, revenue grew 20%.", None, N),
    ("营收增长200%", "Revenue tripled.", None, C),
    ("营收增长300%", "营收翻两番。", None, C),
    ("营收增长300%", "用户翻两番，营收翻倍。", None, N),
]

# subject names: a near name of another metric, a past period's subject (previous quarter's ROI), 原 in other
# words (原因, 原则), a plan (v19: no former value), appositions in lists and tables; 实际ROI (a Chinese word
# before an English name)
SUBJECT_ROWS = [
    ("ROI 20%", "回报为20%。", None, N),
    ("投资回报率20%", "投资回报为20%。", None, N),
    ("ROI 20%", "The return is 20%.", None, N),
    ("ROI 20%", "Total return is 20%.", None, N),
    ("return on investment 20%", "The return on equity is 20%.", None, N),
    ("ROI 20%", "Return on equity (ROE) is 20%.", None, N),
    ("ROI 20%", "ROE为20%。", None, N),
    ("ROI 20%", "投资回报率为20%。", None, C),
    ("成本20%", "成本率为20%。", None, N),
    ("成本降低20%", "成本率降低20%。", None, N),
    ("成本降低20%", "成本占比降低20%。", None, N),
    ("成本降低50%", "成本率减半。", None, N),
    ("成本降低50%", "成本占比减半。", None, N),
    ("成本降低20%", "Cost of capital fell 20%.", None, N),
    ("成本降低20%", "The cost ratio fell by 20%.", None, N),
    ("成本降低20%", "Cost per unit fell by 20%.", None, N),
    ("成本降低20%", "Costs fell by 20%.", None, C),
    ("成本降低20%", "Unit costs fell by 20%.", None, C),
    ("成本降低20%", "运营成本降低20%。", None, C),
    ("营收增长20%", "营收增长率为20%。", None, C),  # v41: a growth rate of 20% says it grew 20% (docs: v41)
    ("营收增长20%", "Revenue per user grew 20%.", None, N),
    ("营收增长20%", "营收占比增长20%。", None, N),
    ("营收增长100%", "营收占比翻倍。", None, N),
    ("营收增长100%", "Revenue share doubled.", None, N),
    ("流失率5%", "流失为5%。", None, N),
    ("流失率5%", "Churn is 5%.", None, C),
    ("流失率5%", "Churned revenue is 5%.", None, N),
    ("流失率5%", "Churn cost is 5% of revenue.", None, N),
    ("毛利率20%", "毛利为20%。", None, N),
    ("毛利率20%", "Gross margin improvement is 20%.", None, N),
    ("毛利率20%", "毛利率提升20%。", None, N),
    ("回收期20个月", "回收期限20个月。", None, N),
    ("回收期20个月", "资金回收期为20个月。", None, C),
    ("回收期20个月", "The receivables payback is 20 months.", None, N),
    ("payback 20 months", "The loan payback term is 20 months.", None, N),
    ("payback 20 months", "Payback on the loan is 20 months.", None, N),
    ("NPV 500万元", "净现值率为500万元。", None, N),
    ("IRR 20%", "MIRR为20%。", None, N),
    ("营收1200万元", "营业外收入为1200万元。", None, N),
    ("TCO 300万元", "TCO为300万元。", None, C),
    ("回收期20个月", "原因是回收期为20个月。", None, C),
    ("回收期20个月", "原因：回收期20个月，新方案更快。", None, C),
    ("回收期20个月", "原则上回收期20个月，回收期可能更短。", None, C),
    ("ROI 20%", "原材料涨价，ROI为20%，ROI仍可接受。", None, C),
    ("ROI 20%", "原材料成本上升，但ROI为20%。ROI的主要驱动是效率。", None, C),
    ("ROI 20%", "原计划ROI为20%，实际ROI为18%。", None, C),
    ("ROI 18%", "原计划ROI为20%，实际ROI为18%。", None, C),
    ("ROI 20%", "The previous quarter's ROI was 20%; this quarter's ROI is 22%.", None, N),
    ("ROI 22%", "The previous quarter's ROI was 20%; this quarter's ROI is 22%.", None, C),
    ("ROI 20%", "ROI is 20%, in line with the previous quarter's ROI of 19%.", None, C),
    ("ROI 20%", "ROI is 20%. The previous ROI was not tracked.", None, C),
    ("ROI 20%", "The ROI is 20%, up from the previous ROI of 15%.", None, C),
    ("ROI 20%", "The previous ROI estimate was 15%; the ROI is 20%.", None, C),
    ("ROI 20%", "Previously the ROI was 15%; now the ROI is 20%.", None, C),
    ("回收期20个月", "原回收期20个月，新方案ROI为30%。", None, C),
    ("回收期20个月", "原定回收期20个月，实际回收期24个月。", None, C),
    ("回收期24个月", "原定回收期20个月，实际回收期24个月。", None, C),
    ("回收期20个月", "原有设备回收期20个月，新设备回收期14个月。", None, C),
    ("回收期20个月", "原因在于回收期（20个月）较短。", None, C),
    ("ROI 20%", "Original ROI target: 20%. Achieved ROI: 17%.", None, N),
    ("ROI 17%", "Original ROI target: 20%. Achieved ROI: 17%.", None, C),
    ("ROI 20%", "Initial ROI 20%; ROI after year two 35%.", None, C),
    ("ROI 20%", "Baseline ROI: 12%. Projected ROI: 20%.", None, C),
    ("ROI 12%", "Baseline ROI: 12%. Projected ROI: 20%.", None, N),
    ("ROI 20%", "| Metric | Value |\n|---|---|\n| Prior ROI | 15% |\n| ROI | 20% |", None, C),
    ("ROI 15%", "| Metric | Value |\n|---|---|\n| Prior ROI | 15% |\n| ROI | 20% |", None, N),
    ("ROI 20%", "- Previous ROI: 15%\n- ROI: 20%", None, C),
    ("ROI 15%", "- Previous ROI: 15%\n- ROI: 20%", None, N),
    ("ROI 20%", '{"roi": "20%", "previous_roi": "15%"}', None, C),
    ("ROI 15%", '{"roi": "20%", "previous_roi": "15%"}', None, N),
    ("ROI 20%", "- ROI (20%)\n- IRR (15%)", None, C),
    ("IRR 20%", "- ROI (20%)\n- IRR (15%)", None, N),
    ("ROI 20%", "ROI, IRR and NPV: 20%, 15% and 500万元.", None, N),
    ("ROI 20%", "ROI, IRR: 20%", None, N),
    ("ROI 20%", "IRR, ROI: 20%", None, C),
    ("IRR 20%", "ROI、IRR分别为20%和15%。", None, N),
    ("ROI 20%", "| ROI | IRR |\n|---|---|\n| 15% | 20% |", None, N),
    ("ROI 20%", "| 指标 | ROI | IRR |\n|---|---|---|\n| 方案A | 15% | 20% |", None, N),
    ("ROI 20%", "ROI (vs. IRR 20%) is 15%.", None, N),
    ("ROI 20%", "ROI (target: 20%) is 15%.", None, N),
    ("ROI 20%", "ROI（目标20%）为15%。", None, N),
    ("ROI 20%", "ROI (not 20%) is 15%.", None, N),
    ("ROI 20%", "ROI, at about 20%, beats the target.", None, C),
    ("ROI 20%", "ROI, IRR, NPV - 20%", None, N),
    ("ROI 20%", "- **ROI**: 20%\n- **IRR**: 15%", None, C),
    ("IRR 20%", "- **ROI**: 20%\n- **IRR**: 15%", None, N),
    ("ROI 20%", "ROI — IRR is 20% — lags.", None, N),
    ("ROI 20%", "ROI, or 20% of the gain, ...", None, N),
]

# a doubt before a point's subject (I doubt the ROI is 20%, 我不认为成本能下降50%)
LABELLED_ROWS = [
    ("ROI 20%", "我不认为ROI能达到20%。", None, N),
    ("ROI 20%", "I don't think the ROI will reach 20%.", None, N),
    ("成本降低50%", "我不认为成本能降低50%。", None, N),
    ("成本降低50%", "我不认为成本能下降50%。", None, N),
    ("成本降低50%", "成本很难下降50%。", None, N),
    ("回收期20个月", "我不认为回收期能缩短到20个月。", None, N),
    ("ROI 20%", "ROI超过20%。", None, N),
    ("ROI 20%", "ROI不太可能达到20%。", None, N),
    ("ROI 20%", "The ROI is unlikely to reach 20%.", None, N),
    ("ROI 20%", "I doubt the ROI is 20%.", None, N),
    ("ROI 20%", "ROI约20%。", None, C),
]

ALL_ROWS = ASKED_ROWS + BOUND_ROWS + VERBAL_ROWS + SUBJECT_ROWS + LABELLED_ROWS


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 39


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ALL_ROWS)
def test_a_key_point_is_credited_only_where_a_careful_reader_would(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


def test_no_probe_takes_a_fifth_of_a_second() -> None:
    slowest = slowest_status(ALL_ROWS)
    assert slowest < 0.2, slowest
