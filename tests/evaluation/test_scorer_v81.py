"""Scorer v81: a former value marked by a time gone by, a plan or the latest estimate, and the rules of a figure at
a point's words of counting.

- v19 read a former value only after 原为 / 原来 / 此前 / originally / previously and a "now" with nothing but a copula
  or a verb of its own list before the new figure, so it credited 原定2025年6月上线，现推迟至2025年8月 (the date's verb
  推迟 read as another subject), 原计划…，目前已推迟到…, 此前预计20个月，最新预计24个月 (最新 was no "now"), 毛利率过去
  是30%，如今只有25%, 曾经达到30%，现在是25% (过去 / 曾经 / 以往 / 早前 / 先前 were no former words), "Gross margin was
  once 30%, but has fallen to 25%" (a change since, with no "now"), "originally planned for June 2025 but is now
  scheduled for August 2025" (a schedule's words and a month's name before the new date), 原定于2025年6月上线，后延期至
  8月 (a month alone as the other date), 此前预计投资回报率（ROI）为20%, 过去回收期：20个月 (a bracket or a label's
  colon ended the former word's reach) and 20个月有余 / 20个月前后 (an approximation before the "now").
- A point with words of counting before its figure (每月5000元, 约20个月, 共20台, 每年200万元) was read by no rule of a
  figure at all (v40 read them from the subject of a point that names one): 费用由每月5000元上调至每月6000元,
  费用原为每月5000元，现为每月6000元, 约20个月（不对，应为24个月）, 共20台服务器，现已增至30台 were credited. Their
  figure's rules now read the figure, and the rules of the words before it (v22's 每20个月, a recurrence) still the
  words.
Kept: the new value, the same value again, a plan beside the actual (v19, v55), another quantity in the "now" clause
(目前已到位300万元, 目前员工200人), a time gone by in the "now" clause (目前已过去3个月), a past period (过去20个月里
stays v22's period, not the point's length).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

# a former value marked by a time gone by, a plan, an estimate superseded or a change since (N), beside what stays (C)
FORMER: list[Row] = [
    ("2025年6月", "原定2025年6月上线，现推迟至2025年8月。", CN, N),
    ("2025年6月", "原计划2025年6月上线，目前已推迟到2025年8月。", CN, N),
    ("2025年6月", "上线时间原为2025年6月，现改为2025年8月。", CN, N),
    ("2025年6月", "原定于2025年6月上线，后延期至8月。", CN, N),
    ("2025年6月", "It was originally planned for June 2025 but is now scheduled for August 2025.", CN, N),
    ("2025年6月", "Originally June 2025, now August 2025.", CN, N),
    ("20个月", "原定20个月，现缩短为18个月。", CN, N),
    ("20个月", "回本周期原为20个月，现在为18个月。", CN, N),
    ("20个月", "原来是20个月，现在变成了24个月。", CN, N),
    ("20个月", "此前预计20个月，最新预计24个月。", CN, N),
    ("20个月", "此前预计20个月回本，最新测算为24个月。", CN, N),
    ("20个月", "The payback was 20 months; it is now 24 months.", CN, N),
    ("20个月", "Payback, previously 20 months, is now 24 months.", CN, N),
    ("20个月", "回本周期为20个月（原为24个月）。", CN, C),
    ("20个月", "回本周期由24个月缩短为20个月。", CN, C),
    ("20个月", "原定24个月，现缩短为20个月。", CN, C),
    ("2025年6月", "原定2025年4月，现推迟至2025年6月上线。", CN, C),
    ("2025年6月", "预计2025年6月上线，原定计划不变。", CN, C),
    ("20个月", "回本周期为20个月，原先估计也是20个月。", CN, C),
    ("30%", "毛利率原为30%，现降至25%。", CN, N),
    ("30%", "毛利率从30%降至25%。", CN, N),
    ("30%", "毛利率此前为30%，目前为25%。", CN, N),
    ("30%", "毛利率过去是30%，如今只有25%。", CN, N),
    ("30%", "毛利率曾经达到30%，现在是25%。", CN, N),
    ("30%", "Gross margin used to be 30%; today it is 25%.", CN, N),
    ("30%", "Gross margin was once 30%, but has fallen to 25%.", CN, N),
    ("30%", "毛利率现为30%，去年为25%。", CN, C),
    ("30%", "过去三年毛利率稳定在30%，目前仍为30%。", CN, C),
    ("30%", "毛利率过去一直是30%。", CN, C),
    ("30%", "毛利率曾达到30%。", CN, C),
    ("30%", "过去一年营收增长30%，目前员工200人。", CN, C),
    ("30%", "以往的经验表明毛利率在30%，如今也是如此。", CN, C),
    ("20个月", "此前预计24个月，最新预计20个月。", CN, C),
    ("20个月", "最新预计20个月（此前预计24个月）。", CN, C),
    ("20个月", "原计划20个月，实际24个月。", CN, C),
    ("20个月", "曾经的回本周期20个月，如今客户数增至30个。", CN, C),
    ("20个月", "回收期过去是24个月，现在缩短为20个月。", CN, C),
    ("20个月", "回收期过去是20个月，现在依然是20个月。", CN, C),
    ("500万元", "原计划投资500万元，目前已到位300万元。", CN, C),
    ("500万元", "先前签约500万元，后回款300万元。", CN, C),
    ("500万元", "先前签约500万元，已回款300万元。", CN, C),
    ("2025年6月", "此前曾计划2025年6月上线，目前仍按2025年6月推进。", CN, C),
    ("2025年6月", "原定2025年6月上线，目前进展顺利，预计8月完成验收。", CN, C),
    ("2025年6月", "Launch was originally set for June 2025 and remains on track for June 2025.", CN, C),
    ("30%", "Gross margin was 30% last year, and revenue has risen to 25 million.", CN, C),
    ("30%", "Gross margin was once 25%, but has risen to 30%.", CN, C),
    ("30%", "毛利率曾一度跌至25%，后来回升到30%。", CN, C),
    ("30%", "Gross margin was once 30%, but it has since dropped to 25%.", CN, N),
    ("30%", "Margins were 30% in the past; they are now 25%.", CN, N),
    ("30%", "毛利率曾为30%，但已降至25%。", CN, N),
    ("30%", "毛利率以往在30%左右，如今降到25%。", CN, N),
    ("30%", "毛利率早前为30%，后下滑至25%。", CN, N),
    ("20个月", "回本周期此前估计为20个月，最新估计为24个月。", CN, N),
    ("20个月", "The earlier estimate was 20 months; the latest estimate is 24 months.", CN, N),
    ("20个月", "Payback was previously estimated at 20 months; the latest estimate is 24 months.", CN, N),
    ("2025年6月", "原定2025年6月交付，因供应链问题推迟到2025年9月。", CN, N),
    ("2025年6月", "上线时间原定2025年6月，现已延期至2025年10月。", CN, N),
    ("2025年6月", "The launch, originally slated for June 2025, has been pushed back to September 2025.", CN, N),
    ("2025年6月", "The launch was originally June 2025; it has been postponed to Q4 2025.", CN, N),
    ("ROI 20%", "此前预计投资回报率（ROI）为20%，最新预计为26%。", CN, N),
    ("ROI 20%", "曾经投资回报率（ROI）保持在20%，后来升至26%。", CN, N),
    ("回收期20个月", "过去回收期——20个月，如今为26个月。", CN, N),
    ("20个月", "- 过去回收期：20 个月，如今为26 个月。", CN, N),
    ("20个月", "过去回收期20个月有余，如今为26个月。", CN, N),
    ("20个月", "> 此前预计20个月即可回本，最新预计为26个月。", CN, N),
    ("回收期20个月", "过去回收期为20个月前后，如今为26个月。", CN, N),
    ("ROI 20%", "ROI（此前为20%）：目前为26%。", CN, N),
    ("ROI 20%", "投资回报率（ROI）为20%，最新预计为26%。", CN, C),
    ("20个月", "回收期（2023年：18个月）现为20个月。", CN, C),
    ("20个月", "过去：18个月；现在：20个月。", CN, C),
    ("20个月", "过去回收期：18个月；现在：20个月。", CN, C),
    ("5000元", "曾经每月5000元，后来升至6000元。", CN, N),
    ("ROI 20%", "如今ROI为20%，过去为15%。", CN, C),
    ("ROI 20%", "ROI过去一年为20%，目前行业平均为15%。", CN, C),
    ("860万元", "过去三个月回款860万元，目前剩余340万元。", CN, C),
    ("30家", "曾为多家银行提供服务，目前客户数30家。", CN, C),
    ("20%", "毛利率曾经跌到过15%，现在稳定在20%。", CN, C),
    ("20%", "过去常说毛利率20%，如今依然是20%。", CN, C),
    ("2025年6月", "上线时间为2025年6月，原定时间不变。", CN, C),
    ("2025年6月", "原定2025年6月上线，目前仍计划在2025年6月。", CN, C),
    ("2025年6月", "Launch was originally scheduled for June 2025 and is now confirmed for June 2025.", CN, C),
    ("30%", "In the past, margin was 25%; it is now 30%.", CN, C),
    ("30%", "Margin was once 25% but is now 30%.", CN, C),
    ("30%", "Earlier estimates put the margin at 30%, which the latest audit confirms.", CN, C),
]

# review: "once" only of a past state, not the conjunction
ONCE: list[Row] = [
    ("30%", "Gross margin was once 30%, but has fallen to 25%.", CN, N),
    ("30%", "Gross margin once stood at 30%; it is now 25%.", CN, N),
    ("20%", "Once ROI reaches 20%, the budget is now raised to 30%.", CN, C),
    ("20%", "Once the ROI is 20%, it is now worth expanding to 30% of stores.", CN, C),
]

# a point with words of counting before its figure: its figure's rules read the figure
COUNTED: list[Row] = [
    ("每月5000元", "曾经每月5000元，后来升至5006元。", CN, N),
    ("每月5000元", "曾经每月5000元，现在每月6000元。", CN, N),
    ("每月5000元", "费用原为每月5000元，现为每月6000元。", CN, N),
    ("每月5000元", "费用由每月5000元上调至每月6000元。", CN, N),
    ("每月5000元", "费用为每月5000元（不对，应为每月6000元）。", CN, N),
    ("每月5000元", "费用为每月5000元的两倍。", CN, N),
    ("每月5000元", "费用每月超过5000元。", CN, N),
    ("每月5000元", "去年费用为每月5000元，今年为每月6000元。", CN, N),
    ("每月5000元", "很难做到每月5000元。", CN, N),
    ("每月5000元", "每月5000元→每月6000元。", CN, N),
    ("每月5000元", "每月5000元左右。", CN, C),
    ("每月5000元", "费用为每月5000元。", CN, C),
    ("每月5000元", "费用由每月4000元上调至每月5000元。", CN, C),
    ("约20个月", "回收期由约20个月延长至24个月。", CN, N),
    ("约20个月", "回收期约20个月（不对，应为24个月）。", CN, N),
    ("约20个月", "回收期约为20个月的两倍。", CN, N),
    ("约20个月", "回收期约20个月。", CN, C),
    ("共20台", "共20台服务器，现已增至30台。", CN, N),
    ("共20台", "原计划共20台，现调整为30台。", CN, N),
    ("共20台", "共20台（不对，应为30台）。", CN, N),
    ("共20台", "共20台服务器。", CN, C),
    ("每年200万元", "节省由每年200万元提高到每年300万元。", CN, N),
    ("每年200万元", "每年节省200万元。", CN, C),
    ("每月5000元", "每月5000元，现在下单可享受8折。", CN, C),
    ("共20台", "共20台服务器，现已全部上线，运行30天。", CN, C),
    ("约20个月", "回收期约20个月（不含建设期4个月）。", CN, C),
    ("约20个月", "回收期约20个月，比行业平均缩短了4个月。", CN, C),
    ("每月5000元", "每月5000元，比去年每月4000元上涨了1000元。", CN, C),
    ("每月5000元", "费用为每月5000元，此前为每月4000元。", CN, C),
    ("每月5000元", "费用从每月4000元涨到每月5000元。", CN, C),
    ("约20个月", "回收期约20个月→与预期一致。", CN, C),
    ("共20台", "目前共20台，原计划15台。", CN, C),
    ("每年200万元", "每年节省200万元，三年累计600万元。", CN, C),
    ("每年200万元", "原预计每年节省150万元，现预计每年200万元。", CN, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 81


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), [*FORMER, *ONCE, *COUNTED])
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
