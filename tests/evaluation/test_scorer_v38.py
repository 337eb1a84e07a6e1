"""Scorer v38: red-team round of v37's known gaps (246 probe rows written as Qwen and GPT answer business
questions, in Chinese, English, Markdown, tables and JSON; 129 wrong under v37, 0 under v38). A figure under a
negated belief or a doubt in its part of the clause (我不认为ROI能达到20%, I don't think the ROI will reach 20%,
I doubt costs fall by 20%), a negated change said with a particle or an object (did not go up by 20%, did not cut
costs by 20%) or a spoken verb (没有涨20%, 并未跌20%); a change said in words (成本减半, 降了一半, cut in half,
halved, 翻倍, doubled, 翻两番) for a point of that change - not a change of another subject (人员减半，成本降低
30%); a point of a subject's change said with another verb of its direction (成本下降50% for 成本降低50%); a
subject by another of its names (ROI, 投资回报率, return on investment; 回收期, 回本周期, payback period), in an
apposition (The ROI, at 20%, ...; ROI (20%); 投资回报率（约20%）), and not by an old value's subject where the
answer gives the current one (| 原回收期 | 20个月 | 新回收期 | 14个月 |, "old_payback": 20 / "new_payback": 14).
Each rule has innocent rows beside it."""

from __future__ import annotations

import time

import pytest
from scorer_rows import CN, status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

# a negated belief or a doubt governs a figure in its part of the clause; a comma, a colon or a contrast ends it
BELIEF_ROWS = [
    ("20%", "我不认为ROI能达到20%。", None, N),
    ("20%", "我并不认为ROI能达到20%。", None, N),
    ("20%", "我们不觉得ROI会达到20%。", None, N),
    ("20%", "我不相信成本能下降20%。", None, N),
    ("20%", "我不太相信成本会下降20%。", None, N),
    ("20%", "我们不指望营收增长20%。", None, N),
    ("20%", "我不看好ROI达到20%。", None, N),
    ("20%", "我怀疑成本能否下降20%。", None, N),
    ("20%", "我们没有把握ROI能达到20%。", None, N),
    ("20%", "很难说ROI能达到20%。", None, N),
    ("20%", "ROI很难达到20%。", None, N),
    ("20%", "ROI不太可能达到20%。", None, N),
    ("20%", "I don't think the ROI will reach 20%.", None, N),
    ("20%", "I do not think the ROI will reach 20%.", None, N),
    ("20%", "We don't believe costs will fall by 20%.", None, N),
    ("20%", "I doubt costs fall by 20%.", None, N),
    ("20%", "I doubt that the ROI reaches 20% in year one.", None, N),
    ("20%", "It is doubtful that churn drops to 20%.", None, N),
    ("20%", "I'm not convinced the ROI will hit 20%.", None, N),
    ("20%", "We are not sure the margin can reach 20%.", None, N),
    ("20%", "It is unlikely that the ROI reaches 20%.", None, N),
    ("20%", "It is unlikely to reach 20%.", None, N),
    ("20%", "We do not expect revenue to grow 20%.", None, N),
    ("20%", "I wouldn't expect the ROI to reach 20%.", None, N),
    ("20%", "- **ROI**: I don't think it will reach 20%", None, N),
    ("20%", "| ROI | 我不认为能达到20% |", None, N),
    ("20%", "我不认为会更低，ROI约为20%。", None, C),
    ("20%", "我不认为这是问题，ROI约为20%。", None, C),
    ("20%", "我不认为ROI会是15%，而是20%。", None, C),
    ("20%", "我不认为能达到25%，但20%是可以的。", None, C),
    ("20%", "I don't think it will be lower, but the ROI is about 20%.", None, C),
    ("20%", "I don't think that is a risk: the ROI is 20%.", None, C),
    ("20%", "I don't think so; the ROI is 20%.", None, C),
    ("20%", "I don't think it is 15% but rather 20%.", None, C),
    ("20%", "No doubt the ROI will reach 20%.", None, C),
    ("20%", "There is no doubt that the ROI reaches 20%.", None, C),
    ("20%", "Without doubt, the ROI is 20%.", None, C),
    ("20%", "I don't doubt the ROI will reach 20%.", None, C),
    ("20%", "我不怀疑ROI能达到20%。", None, C),
    ("20%", "毫无疑问，ROI能达到20%。", None, C),
    ("20%", "我不认为这会影响ROI达到20%。", None, C),
    ("20%", "I don't think this will prevent the ROI from reaching 20%.", None, C),
    ("20%", "I think the ROI will reach 20%.", None, C),
    ("20%", "我认为ROI能达到20%。", None, C),
    ("20%", "I believe costs will fall by 20%.", None, C),
    ("20%", "我相信成本会下降20%。", None, C),
    ("20%", "我不认为折扣会超过20%。", None, N),
    ("20%", "I'm not sure about the timing, but the ROI is 20%.", None, C),
    ("20%", "不确定因素较多，但ROI预计为20%。", None, C),
    ("20%", "I don't think the team needs more staff. ROI is 20%.", None, C),
    ("20%", "我不认为需要增加人手。ROI为20%。", None, C),
]

# a negated change said with a particle, an object or a spoken verb; a change that did happen stays
PHRASAL_ROWS = [
    ("20%", "Costs did not go up by 20%.", None, N),
    ("20%", "Costs did not go down by 20%.", None, N),
    ("20%", "Prices never went up by 20%.", None, N),
    ("20%", "Costs have not come down by 20%.", None, N),
    ("20%", "We did not cut costs by 20%.", None, N),
    ("20%", "The project did not reduce costs by 20%.", None, N),
    ("20%", "Revenue did not really go up by 20%.", None, N),
    ("20%", "Costs didn't decline by 20%.", None, N),
    ("20%", "Headcount was not reduced by 20%.", None, N),
    ("20%", "Costs went up by 20%.", None, C),
    ("20%", "Costs went down by 20%.", None, C),
    ("20%", "We cut costs by 20%.", None, C),
    ("20%", "Costs did not go up; they went down by 20%.", None, C),
    ("20%", "We did not hire, and we cut costs by 20%.", None, C),
    ("20%", "Costs did not just go down, they went down by 20%.", None, C),
    ("20%", "营收没有涨20%。", None, N),
    ("20%", "股价并未跌20%。", None, N),
    ("20%", "股价没有跌20%，只跌了5%。", None, N),
    ("5%", "股价没有跌20%，只跌了5%。", None, C),
    ("20%", "价格没涨到20%。", None, N),
    ("20%", "ROI并未提升至20%。", None, N),
    ("20%", "成本没有削减20%。", None, N),
    ("20%", "预算并未压缩20%。", None, N),
    ("20%", "营收涨了20%。", None, C),
    ("20%", "股价跌了20%。", None, C),
    ("20%", "ROI提升至20%。", None, C),
    ("20%", "价格没有变化，营收涨了20%。", None, C),
    ("20%", "成本削减20%。", None, C),
    ("20%", "不出意外，营收将涨20%。", None, C),
]

# a change said in words states a point of that change; not a change of another subject, nor the other direction
VERBAL_ROWS = [
    ("-50%", "成本减半。", None, C),
    ("-50%", "成本将减半。", None, C),
    ("-50%", "成本降了一半。", None, C),
    ("-50%", "成本降低了一半。", None, C),
    ("-50%", "Costs were cut in half.", None, C),
    ("-50%", "Costs were halved.", None, C),
    ("-50%", "Costs fell by half.", None, C),
    ("-50%", "成本翻倍。", None, N),
    ("-50%", "成本没有减半。", None, N),
    ("-50%", "Costs were not halved.", None, N),
    ("50%", "成本减半。", None, C),
    ("50%", "Costs were cut in half.", None, C),
    ("成本降低50%", "成本减半。", None, C),
    ("成本降低50%", "成本预计将减半。", None, C),
    ("成本降低50%", "成本降了一半。", None, C),
    ("成本降低50%", "成本降低了一半。", None, C),
    ("成本降低50%", "成本下降一半。", None, C),
    ("成本降低50%", "Costs were cut in half.", None, C),
    ("成本降低50%", "Costs are halved.", None, C),
    ("成本降低50%", "Costs will be halved.", None, C),
    ("成本降低50%", "成本下降50%。", None, C),
    ("成本降低50%", "成本将降低50%。", None, C),
    ("成本降低50%", "成本预计可降低约50%。", None, C),
    ("成本降低50%", "成本减少了50%。", None, C),
    ("成本降低50%", "- **成本**：降低50%", None, C),
    ("成本降低50%", "Costs fell by 50%.", None, C),
    ("成本降低50%", "人员减半，成本降低30%。", None, N),
    ("成本降低50%", "人员减少50%，成本降低30%。", None, N),
    ("成本降低50%", "成本降低30%，人员减半。", None, N),
    ("成本降低50%", "Headcount was halved and costs fell by 30%.", None, N),
    ("成本降低50%", "成本翻倍。", None, N),
    ("成本降低50%", "成本增长50%。", None, N),
    ("成本降低50%", "成本没有减半。", None, N),
    ("成本降低50%", "成本并没有下降50%。", None, N),
    ("成本降低50%", "收入下降50%。", None, N),
    ("降低50%", "成本下降50%。", None, C),
    ("降低50%", "成本减半。", None, C),
    ("降低50%", "成本增长50%。", None, N),
    ("100%", "营收翻倍。", None, C),
    ("100%", "营收翻了一番。", None, C),
    ("100%", "营收增长了一倍。", None, C),
    ("100%", "Revenue doubled.", None, C),
    ("100%", "Revenue has doubled since 2022.", None, C),
    ("100%", "营收没有翻倍。", None, N),
    ("100%", "Revenue did not double.", None, N),
    ("营收增长100%", "营收翻倍。", None, C),
    ("营收增长100%", "营收翻了一番。", None, C),
    ("营收增长100%", "营收增长了一倍。", None, C),
    ("营收增长100%", "Revenue doubled.", None, C),
    ("营收增长100%", "营收上升100%。", None, C),
    ("营收增长100%", "利润翻倍，营收增长30%。", None, N),
    ("营收增长100%", "营收减半。", None, N),
    ("营收增长300%", "营收翻两番。", None, C),
    ("营收增长300%", "营收翻了两番。", None, C),
    ("营收增长300%", "Revenue quadrupled.", None, C),
    ("营收增长300%", "营收翻倍。", None, N),
    ("300%", "营收翻两番。", None, C),
    ("200%", "Revenue tripled.", None, C),
    ("营收增长100%", "营收翻两番。", None, N),
    ("50%", "会议进行到一半时结束。", CN, N),
    ("50%", "一半的一半客户续约。", CN, N),
    ("50%", "We will finish in half an hour.", None, N),
    ("50%", "Cut the report in half an hour.", None, N),
    ("100%", "Double-check the figures.", None, N),
    ("100%", "We double down on SaaS.", None, N),
    ("100%", "加倍努力。", None, N),
    ("100%", "事半功倍。", CN, N),
    ("-50%", "半价优惠。", None, N),
    ("-50%", "上半年成本下降。", None, N),
]

# a subject by another of its names, in an apposition, in JSON; not an old value's subject beside the current one
SUBJECT_ROWS = [
    ("ROI 20%", "The ROI, at 20%, is acceptable.", None, C),
    ("ROI 20%", "ROI (20%) is acceptable.", None, C),
    ("ROI 20%", "ROI (about 20%) is acceptable.", None, C),
    ("ROI 20%", "ROI — 20% — is acceptable.", None, C),
    ("ROI 20%", "ROI - 20%", None, C),
    ("投资回报率20%", "投资回报率（约20%）可以接受。", None, C),
    ("投资回报率20%", "投资回报率（20%）可以接受。", None, C),
    ("ROI 20%", "投资回报率为20%。", None, C),
    ("ROI 20%", "投资回报率约20%。", None, C),
    ("ROI 20%", "The return on investment is 20%.", None, C),
    ("ROI 20%", "| 指标 | 值 |\n|---|---|\n| 投资回报率 | 20% |", None, C),
    ("投资回报率20%", "ROI为20%。", None, C),
    ("投资回报率20%", "The ROI is about 20%.", None, C),
    ("return on investment 20%", "ROI: 20%", None, C),
    ("回收期20个月", "回本周期为20个月。", None, C),
    ("回收期20个月", "回本周期约20个月。", None, C),
    ("回收期20个月", "投资回收期为20个月。", None, C),
    ("回本周期20个月", "回收期为20个月。", None, C),
    ("payback 20 months", "The payback period is 20 months.", None, C),
    ("payback period 20 months", "Payback: 20 months.", None, C),
    ("payback period 20 months", "The payback is about 20 months.", None, C),
    ("payback 20 months", '{"payback": "20 months"}', None, C),
    ("payback 14 months", '{"old_payback": "20 months", "new_payback": "14 months"}', None, C),
    ("payback 20 months", '{"old_payback": "20 months", "new_payback": "14 months"}', None, N),
    ("回收期14个月", "| 原回收期 | 20个月 | 新回收期 | 14个月 |", None, C),
    ("回收期20个月", "| 原回收期 | 20个月 | 新回收期 | 14个月 |", None, N),
    ("回收期20个月", "原回收期20个月，新回收期14个月。", None, N),
    ("回收期14个月", "原回收期20个月，新回收期14个月。", None, C),
    ("原回收期20个月", "原回收期20个月，新回收期14个月。", None, C),
    ("回收期20个月", "调整前回收期：20个月；调整后回收期：14个月。", None, N),
    ("回收期14个月", "调整前回收期：20个月；调整后回收期：14个月。", None, C),
    ("ROI 20%", "Previous ROI: 20%. Current ROI: 25%.", None, N),
    ("ROI 25%", "Previous ROI: 20%. Current ROI: 25%.", None, C),
    ("ROI 20%", "ROI 25% (previous ROI 20%).", None, N),
    ("回收期20个月", "原回收期20个月。", None, C),
    ("ROI 20%", "IRR为20%，投资回报率为15%。", None, N),
    ("ROI 20%", "投资回报率为15%，IRR为20%。", None, N),
    ("ROI 20%", "The return on investment is 15% and the IRR is 20%.", None, N),
    ("回收期20个月", "建设期20个月，回本周期24个月。", None, N),
    ("回收期20个月", "回本周期（不含建设期20个月）为24个月。", None, N),
    ("回收期20个月", "回本周期：24个月（建设期20个月）", None, N),
    ("ROI 20%", "ROI (IRR 20%) is fine.", None, N),
    ("ROI 20%", "The ROI, unlike the IRR at 20%, is 15%.", None, N),
    ("ROI 20%", "The return on investment is not 20%.", None, N),
    ("回收期20个月", "回本周期不是20个月。", None, N),
    ("ROI 20%", "The heroic 20% effort.", None, N),
    ("毛利率20%", "Gross margin is 20%.", None, C),
    ("IRR 20%", "内部收益率为20%。", None, C),
    ("NPV 500万元", "净现值为500万元。", None, C),
    ("TCO 300万元", "总拥有成本约300万元。", None, C),
    ("流失率5%", "Churn is 5%.", None, C),
    ("流失率5%", "客户流失率为5%。", None, C),
    ("营收1200万元", "营业收入为1200万元。", None, C),
    ("毛利率20%", "Net margin is 20%.", None, N),
    ("回收期20个月", "The payback period is 24 months; the build takes 20 months.", None, N),
]

# beyond v37's list: a change against another base year, a verb before its object, a table cell, an alias in
# brackets, a length's verb, the level a change reaches (its start is a former value, v19)
BEYOND_ROWS = [
    ("成本降低50%", "成本较去年下降50%。", None, C),
    ("成本降低50%", "成本同比下降50%。", None, C),
    ("成本降低50%", "效率翻倍，成本降低50%。", None, C),
    ("成本降低50%", "人员减半后，成本降低30%。", None, N),
    ("成本降低50%", "Operating costs fell by 50%.", None, C),
    ("成本降低50%", "We cut costs in half.", None, C),
    ("成本降低50%", "We cut headcount in half; costs fell 30%.", None, N),
    ("成本降低50%", "成本未能减半。", None, N),
    ("成本降低50%", "成本降低了一半的一半。", None, N),
    ("成本降低50%", "| 指标 | 变化 |\n|---|---|\n| 成本 | 减半 |", None, C),
    ("成本降低50%", "| 指标 | 变化 |\n|---|---|\n| 人员 | 减半 |\n| 成本 | -30% |", None, N),
    ("营收增长100%", "营收同比翻倍。", None, C),
    ("营收增长100%", "营收有望翻番。", None, C),
    ("营收增长100%", "利润翻倍。", None, N),
    ("20%", "I don't think ROI will reach 20%, but it will reach 15%.", None, N),
    ("15%", "I don't think ROI will reach 20%, but it will reach 15%.", None, C),
    ("20%", "Analysts doubt the market grows 20%.", None, N),
    ("回收期20个月", "原材料成本20万元，回收期20个月。", None, C),
    ("ROI 20%", "The previous ROI was 20%.", None, C),
    ("ROI 20%", "ROI rose from 15% to 20%.", None, C),
    ("ROI 15%", "ROI rose from 15% to 20%.", None, N),
    ("ROI 20%", "ROI由15%提升到20%。", None, C),
    ("回收期14个月", "回本周期从20个月缩短至14个月。", None, C),
    ("回收期20个月", "回本周期从20个月缩短至14个月。", None, N),
    ("payback 14 months", "Payback fell from 20 months to 14 months.", None, C),
    ("payback 20 months", "Payback fell from 20 months to 14 months.", None, N),
    ("ROI 20%", "投资回报率（ROI）为20%。", None, C),
    ("ROI 20%", "Return on investment (ROI): 20%", None, C),
    ("回收期20个月", "**回本周期**：约20个月", None, C),
    ("回收期20个月", "回本周期大约需要20个月。", None, C),
    ("ROI 20%", "ROI为15%，从长期看毛利率可到20%。", None, N),
    ("ROI 20%", "ROI (IRR: 20%) is fine.", None, N),
    ("回收期20个月", "原回收期20个月，回收期不变。", None, C),
    ("-50%", "减半年度会议。", None, N),
    ("20%", "有人怀疑，ROI能达到20%。", None, C),
    ("20%", "I have no doubt ROI reaches 20%.", None, C),
    ("20%", "I do not think otherwise; ROI is 20%.", None, C),
    ("ROI 20%", "ROI, IRR 20%.", None, N),
    ("ROI 20%", "The ROI - IRR 20% - is lower.", None, N),
    ("成本降低50%", "成本下降，收入下降50%。", None, N),
    ("成本降低50%", "成本不降反升50%。", None, N),
    ("100%", "一倍的差距。", None, N),
]

ALL_ROWS = BELIEF_ROWS + PHRASAL_ROWS + VERBAL_ROWS + SUBJECT_ROWS + BEYOND_ROWS


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 38


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ALL_ROWS)
def test_a_key_point_is_credited_only_where_a_careful_reader_would(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    got = status(point, answer, forms)
    assert (got != "covered") if expected == N else got == expected, (point, answer, got)


def test_no_probe_takes_a_fifth_of_a_second() -> None:
    status("20%", "成本下降20%。", CN)  # the first call loads the segmenter
    slowest = 0.0
    for point, answer, forms, _ in ALL_ROWS:
        started = time.process_time()
        status(point, answer, forms)
        slowest = max(slowest, time.process_time() - started)
    assert slowest < 0.2, slowest
