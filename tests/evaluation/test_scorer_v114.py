"""Scorer v114: a rate per a unit and a period, a question with no question mark, a figure written before the
thing it measures, a subject of two words with 的 between them, and a change to a share of the former level.

Found by probing the 50th session's Left and the forms around it; v113 (`git archive 75f13b8 pytest_llmeval`):
- matched a rate per a unit and a period (500元/人/月, 每用户每月50元, 每人500元/月, 500元/人·月, 5万元/人月,
  "$50 per user per month") only as written: it missed 每人每月500元, 每月每人500元, 人均每月500元,
  500元每人每月, 50元/用户/月 for 每用户每月50元 and "50 dollars per user per month" (`keywords.rates`: the
  twin reads the unit and the period after the amount or last before it in its clause; another unit or period,
  or one of them missing, states none);
- read a sentence that ends with 吗 or 么 and no question mark as stated (每年节省90万元吗, ROI是20%吗。,
  支持私有化部署吗): it credited the figure and charged the claim that the same words with ？ only ask
  (`keywords.normalisation` reads the mark where the particle ends its sentence; not the 么 of 什么, 怎么, 这么,
  那么, 多么, 要么);
- missed a figure before the thing it measures with no verb before it (20%的ROI。, 预计20个月的回收期。,
  共4300名员工。), a count's noun right after a bare figure (系统覆盖200万用户 for 用户数200万), a place or a
  total's word before the verb (公司在全国开设了500家门店, 全国共有500家门店, 目前拥有500家门店 for
  门店数量为500家) and a sum before the thing it is the amount of (双方签订了1200万元的合同,
  这是一份1200万元的合同 for 合同金额为1200万元; `numbers.attributive`, `numbers.patterns.subject_names`);
- missed a subject of two words written with 的 between them (合同的金额为1200万元, 客户的满意度为95%,
  员工的人数为4300人 for 合同金额, 客户满意度, 员工人数).
Round 2: a change to a share or a multiple of the former level (成本降到原来的70%, 降至原有水平的一半, 营收提高到原来的
1.5倍, "costs fell to 70% of the original") was read as the share only: v113 missed 成本降低30%, 成本降低50% and
营收增长50% for them (`numbers.verbal`: the change by the rest, as 减半 is a fall of 50% since v38).
Round 3: a subject's change in percentage points (毛利率提高5个百分点) was read in its other names only as a bare point
(5pp for 5个百分点, v25): v113 missed 毛利率提升5pp and "Gross margin rose 5 percentage points"; and a change year on
year or period on period (营收同比增长20%, 营收环比增长20%) only with 同比 / 环比 written: v113 missed
营收较去年同期增长20%, "Revenue grew 20% year-on-year" and 营收较上季度增长20% (`keywords.forms`); a level
reached by a change (ROI提高到20%, 成本降至80万元) only as written: v113 missed ROI提高至20%, ROI从15%提高到20%
and "ROI increased to 20%" (`numbers.verbal.reached_subject`).
Innocent rows beside each class: another unit or period, another figure, another holder, a negation, a bound, a
target, a condition and a question stay as they were.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status
from scorer_rows import status as status_of

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

RATE_ROWS = [
    ("500元/人/月", "每人每月500元", C),
    ("500元/人/月", "每月每人500元", C),
    ("500元/人/月", "人均每月500元", C),
    ("500元/人/月", "每人500元/月", C),
    ("500元/人/月", "每月500元/人", C),
    ("500元/人/月", "500元/月/人", C),
    ("500元/人/月", "500元/人/月", C),
    ("500元/人/月", "500元每人每月", C),
    ("500元/人/月", "500元/人·月", C),
    ("500元/人/月", "500元/(人·月)", C),
    ("500元/人/月", "每人每月500元左右", C),
    ("500元/人/月", "每人每月约500元", C),
    ("500元/人/月", "每人每月从400元涨到500元", C),
    ("500元/人/月", "每人每月￥500", C),
    ("500元/人/月", "每人每月500块", C),
    ("500元/人/月", "每位员工每月500元", C),
    ("500元/人/月", "人均月费500元", C),
    ("500元/人/月", "每人月均500元", C),
    ("500元/人/月", "500 yuan per person per month", C),
    ("500元/人/月", "每人每月500元，每年6000元", C),
    ("500元/人/月", "每人每年500元", N),
    ("500元/人/月", "每台每月500元", N),
    ("500元/人/月", "每月500元", N),
    ("500元/人/月", "每人500元", N),
    ("500元/人/月", "每人每月600元", N),
    ("500元/人/月", "每人每月不到500元", N),
    ("500元/人/月", "每人每月500-600元", N),
    ("500元/人/月", "每人每月400元到500元", N),
    ("500元/人/月", "每人每月500元吗？", N),
    ("500元/人/月", "每人每月从500元涨到600元", N),
    ("每用户每月50元", "50元/用户/月", C),
    ("每用户每月50元", "每月每用户50元", C),
    ("每用户每月50元", "每个用户每个月50元", C),
    ("每用户每月50元", "每用户每月50元和每用户每年500元", C),
    ("每用户每月50元", "每用户每年500元和每用户每月50元", C),
    ("每用户每月50元", "每用户每年50元", N),
    ("每用户每月50元", "每用户每天50元", N),
    ("每用户每月50元", "每台设备每月50元", N),
    ("每用户每月50元", "每月50元", N),
    ("每用户每月50元", "按用户计费，每月50元", N),
    ("每用户每月50元", "每用户每月不是50元", N),
    ("每用户每月50元", "每用户每月不是50元，而是60元", N),
    ("每用户每月50元", "每用户每月50元吗", N),
    ("$50 per user per month", "50 dollars per user per month", C),
    ("$50 per user per month", "$50/user/month", C),
    ("$50 per user per month", "每用户每月50美元", C),
    ("$50 per user per month", "$50 per user monthly", C),
    ("$50 per user per month", "$50 a month per user", C),
    ("$50 per user per month", "$50 per user per year", N),
    ("$50 per user per month", "$50 per month", N),
    ("$50 per user per month", "$50 per seat per month", N),
    ("$600 per user per year", "$50 per user per month", N),
    ("每用户每年600元", "每用户每月50元", N),
    ("每人500元/月", "每人每月500元", C),
    ("每人500元/月", "500元/人/月", C),
    ("人均每月500元", "每人每月500元", C),
    ("500元/人·月", "每人每月500元", C),
    ("500元/人·月", "500元/人/月", C),
    ("500元/人·月", "每人每年500元", N),
    ("5万元/人月", "5万元/人月", C),
    ("5万元/人月", "每人每月5万元", C),
    ("5万元/人月", "5万元/人·月", C),
    ("5万元/人月", "5万元/人年", N),
    ("5万元/人月", "5万元/月", N),
    # a rate per one thing stays v113's: per another too is no rate per it alone
    ("5000元/月", "5000元/月", C),
    ("5000元/月", "每人每月5000元", N),
    ("5000元/月", "5000元/人·月", N),
    ("5000元/月", "5000元/人月", N),
    ("5000元/人", "5000元/人月", N),
    ("每人500元", "每月每人500元", N),
]

QUESTION_ROWS = [
    ("90万元", "每年节省90万元吗", N),
    ("90万元", "真的每年能节省90万元吗", N),
    ("90万元", "每年节省90万元吗。", N),
    ("90万元", "每年节省90万元吗？", N),
    ("ROI为20%", "ROI是20%吗", N),
    ("ROI为20%", "ROI是20%么", N),
    ("ROI为20%", "ROI能达到20%吗。我们测算为15%。", N),
    ("ROI为20%", "ROI为20%，对吗", N),
    ("20个月", "回收期是20个月吗", N),
    ("ROI为20%", "ROI能达到20%吗\n可以。", C),
    ("ROI为20%", "难道ROI不是20%吗", C),
    ("ROI为20%", "ROI是20%。还有什么问题吗", C),
    ("ROI为20%", "ROI是20%。为什么", C),
    ("ROI为20%", "ROI是20%，就是这么", C),
    ("ROI为20%", "ROI能达到20%吗，这取决于市场情况。", N),
    ("ROI为20%", "难道ROI不是20%吗，大家都知道。", C),
    ("ROI为20%", "你知道吗，ROI是20%。", C),
]

ATTRIBUTIVE_ROWS = [
    ("合同金额为1200万元", "双方签订了1200万元的合同", C),
    ("合同金额为1200万元", "这是一份1200万元的合同。", C),
    ("合同金额为1200万元", "公司签订了一份1200万元的合同。", C),
    ("合同金额为1200万元", "1200万元的合同。", C),
    ("合同金额为1200万元", "1200万元的合同金额。", C),
    ("合同金额为1200万元", "合同额1200万元。", C),
    ("合同金额为1200万元", "这份合同价值1200万元", C),
    ("合同金额为1200万元", "公司签订了一份1500万元的合同。", N),
    ("合同金额为1200万元", "竞品签订了一份1200万元的合同。", N),
    ("合同金额为1200万元", "这不是一份1200万元的合同。", N),
    ("合同金额为1200万元", "如果签订1200万元的合同", N),
    ("合同金额为1200万元", "目标：1200万元的合同。", N),
    ("合同金额为1200万元", "1200万元的合同尚未签订。", N),
    ("合同金额为1200万元", "签订了1200万元的合同吗？", N),
    ("合同金额为1200万元", "这是一份1200万元的订单。", N),
    ("合同金额为1200万元", "预算为1200万元的项目", N),
    ("订单金额为500万元", "拿下一笔500万元的订单。", C),
    ("订单总额为500万元", "这是500万元的订单。", C),
    ("项目总价为300万元", "这是一个300万元的项目。", C),
    ("项目总价为300万元", "这是一个300万元的项目，利润率20%。", C),
    ("项目预算为300万元", "这是一个300万元的项目。", N),
    ("营收为1.2亿元", "实现1.2亿元营收。", C),
    ("营收为1.2亿元", "公司实现1.2亿元的营收。", C),
    ("ROI为20%", "20%的ROI。", C),
    ("ROI 20%", "20%的ROI。", C),
    ("ROI为20%", "预计20%的ROI。", C),
    ("ROI为20%", "这是20%的ROI。", C),
    ("ROI为20%", "项目可实现20%的ROI", C),
    ("ROI为20%", "20%的ROI来自新客户。", N),
    ("ROI为20%", "目标：20%的ROI。", N),
    ("ROI为20%", "## 目标\n20%的ROI。", N),
    ("ROI为20%", "20%的ROI？", N),
    ("ROI为20%", "不到20%的ROI。", N),
    ("ROI为20%", "竞品：20%的ROI。", N),
    ("ROI为20%", "竞品方案如下。20%的ROI。", N),
    ("ROI为20%", "如果20%的ROI。", N),
    ("回收期为20个月", "约20个月的回收期。", C),
    ("回收期为20个月", "20个月的回收期。", C),
    ("回收期为20个月", "预计20个月的回收期。", C),
    ("回收期为20个月", "- 20个月的回收期", C),
    ("回收期为20个月", "20个月的回收期？", N),
    ("门店数量为500家", "公司在全国开设了500家门店。", C),
    ("门店数量为500家", "在全国开设了500家门店。", C),
    ("门店数量为500家", "全国共有500家门店。", C),
    ("门店数量为500家", "目前拥有500家门店。", C),
    ("门店数量为500家", "竞争对手在全国开设了500家门店。", N),
    ("门店数量为500家", "全国共有5000家门店。", N),
    ("门店数量为500家", "全国共有500家加盟商。", N),
    ("门店数量为500家", "目前拥有不到500家门店。", N),
    ("门店数量为500家", "全国共有500家门店吗", N),
    ("用户数200万", "系统覆盖200万用户。", C),
    ("用户数200万", "平台已有200万用户。", C),
    ("用户数200万", "平台有200万名用户。", C),
    ("用户数200万", "200万用户。", C),
    ("用户数200万", "平台有200万用户，日活30万。", C),
    ("用户数200万", "系统覆盖300万用户。", N),
    ("用户数200万", "竞品覆盖200万用户。", N),
    ("用户数200万", "系统无法覆盖200万用户。", N),
    ("用户数200万", "系统覆盖超过200万用户。", N),
    ("用户数200万", "系统覆盖200万用户吗？", N),
    ("用户数200万", "如果系统覆盖200万用户", N),
    ("用户数200万", "目标：200万用户。", N),
    ("用户数200万", "200万用户中有30%是活跃用户。", N),
    ("用户数200万", "系统覆盖200万用户的目标尚未实现。", N),
    ("用户数200万", "200万元用户补贴。", N),
    ("员工人数为4300人", "4300名员工。", C),
    ("员工人数为4300人", "共有4300名员工。", C),
    ("员工人数为4300人", "共4300名员工。", C),
    ("员工人数为4300人", "公司有4300名员工。", C),
    ("员工人数为4300人", "共有4300名客户。", N),
    ("客户数为1200家", "累计服务1200家客户。", C),
    ("客户数为1200家", "累计服务1200家企业。", N),
    # found by the sweeps over these rows: with 左右 after a former count, v113 read the count's unit as 人左右 and
    # missed that it changed (as without 左右 it did not)
    ("员工人数为4300人", "此前预计员工人数为4300人左右，后来升至4306人。", N),
    ("员工人数为4300人", "此前预计员工的人数为4300人左右，后来升至5590人。", N),
    ("门店数量为500家", "此前门店数量为500家左右，现在为650家。", N),
    ("员工人数为4300人", "此前员工人数为4300人左右，现在仍为4300人。", C),
    # and a sign before the figure of an attributive amount, a lead-in or a heading before a bare one
    ("合同金额为1200万欧元", "双方签订了€1200万的合同。", C),
    ("合同金额为1200万欧元", "双方签订了$1200万的合同。", N),
    ("合同金额为1200万元", "双方签订了€1200万的合同。", N),
    ("ROI为20%", "根据测算，20%的ROI。", C),
    ("ROI为20%", "## 结论\n\n20%的ROI。", C),
    ("营收为1.2亿英镑", "实现1.2亿英镑营收。", C),
]

OF_ROWS = [
    ("合同金额为1200万元", "合同的金额为1200万元。", C),
    ("合同金额为1200万元", "合同的总金额为1200万元。", C),
    ("合同金额为1200万元", "合同的金额不是1200万元。", N),
    ("合同金额为1200万元", "合同的金额为1500万元。", N),
    ("员工人数为4300人", "员工的人数为4300人。", C),
    ("门店数量为500家", "门店的数量为500家。", C),
    ("门店数量为500家", "门店的数量为600家。", N),
    ("门店数量为500家", "竞品门店的数量为500家。", N),
    ("客户满意度为95%", "客户的满意度为95%。", C),
    ("客户满意度为95%", "客户满意度95%。", C),
    ("客户满意度为95%", "客户的满意度为90%。", N),
    ("客户满意度为95%", "客户的满意度目标为95%。", N),
    ("系统可用性为99.9%", "系统的可用性为99.9%。", C),
    ("系统可用性为99.9%", "竞品系统的可用性为99.9%。", N),
    ("客户流失率为5%", "客户的流失率为5%。", C),
    ("客户流失率为5%", "员工的流失率为5%。", N),
    ("实施周期为6个月", "实施的周期为6个月。", C),
    # and a point so written names the subject as the answer writes it without 的
    ("合同的金额为1200万元", "合同金额为1200万元。", C),
    ("合同的金额为1200万元", "双方签订了1200万元的合同。", C),
    ("合同的金额为1200万元", "合同金额为1500万元。", N),
    ("投资的回报率为20%", "ROI为20%。", C),
    ("投资的回报率为20%", "IRR为20%。", N),
    ("客户的满意度为95%", "客户满意度95%。", C),
    ("客户的满意度为95%", "客户满意度90%。", N),
    ("客户的满意度为95%", "员工满意度95%。", N),
]

FORMER_ROWS = [
    ("成本降低50%", "成本降到原来的一半", C),
    ("成本降低30%", "成本降到原来的70%", C),
    ("成本降低30%", "成本降至原有水平的70%", C),
    ("成本降低30%", "成本将降低到原来的约70%", C),
    ("成本降低30%", "成本降低为原来的70%", C),
    ("成本降低30%", "成本可降至改造前的70%", C),
    ("成本降低30%", "成本降到原来的70%左右", C),
    ("成本降低30%", "成本降到原来的七成", C),
    ("成本降低20%", "成本降到原来的八成", C),
    ("成本降低30%", "成本降到原来的八成", N),
    ("成本降低30%", "成本降到原来的七成以上", N),
    ("营收增长50%", "营收提高到原来的1.5倍", C),
    ("营收增长50%", "营收增长到原来的150%", C),
    ("营收增长50%", "营收提升至原来的1.5倍，利润率20%", C),
    ("营收增长100%", "营收提高到原来的2倍", C),
    ("30%", "成本降到原来的70%", C),
    ("70%", "成本降到原来的70%", C),
    ("Costs fall by 30%", "Costs fell to 70% of the original level.", C),
    ("Costs fall by 50%", "Costs dropped to 50% of the original.", C),
    ("Costs fall by 50%", "Costs dropped to 50 percent of the original.", C),
    ("70%", "成本降到原来的170%", N),
    ("Revenue rises 50%", "Revenue rose to 150% of the previous level.", C),
    ("成本降低30%", "成本降到原来的60%", N),
    ("成本降低30%", "成本降到70%", N),
    ("成本降低30%", "营收降到原来的70%", N),
    ("成本降低30%", "成本增长到原来的130%", N),
    ("营收增长50%", "营收提高到原来的2倍", N),
    ("营收增长50%", "营收提升至原来的1.5倍以上", N),
    ("成本降低30%", "成本降到原来的70%以上", N),
    ("成本降低30%", "成本并未降到原来的70%", N),
    ("成本降低30%", "成本没有降到原来的70%", N),
    ("成本降低30%", "如果成本降到原来的70%", N),
    ("成本降低30%", "成本降到原来的70%吗？", N),
    ("成本降低30%", "竞品成本降到原来的70%", N),
    ("成本降低50%", "人员降到原来的一半，成本降低30%", N),
    ("成本降低30%", "人员降到原来的70%，成本降低50%", N),
    ("Costs fall by 30%", "Costs fell to 60% of the original level.", N),
    ("Revenue rises 50%", "Revenue rose to 160% of the previous level.", N),
]

POINTS_AND_COMPARED_ROWS = [
    ("毛利率提高5个百分点", "毛利率提升5pp", C),
    ("毛利率提高5个百分点", "毛利率提升5 pp", C),
    ("毛利率提高5个百分点", "毛利率提升5ppt", C),
    ("毛利率提高5个百分点", "毛利率提高了5个百分点", C),
    ("毛利率提高5个百分点", "Gross margin rose 5 percentage points", C),
    ("毛利率提高5个百分点", "Gross margin rose by 5 percentage points", C),
    ("ROI提升3个百分点", "ROI提升3 pp", C),
    ("毛利率提高5个百分点", "毛利率提升5%", N),
    ("毛利率提高5个百分点", "毛利率提升6pp", N),
    ("毛利率提高5个百分点", "毛利率下降5pp", N),
    ("毛利率提高5个百分点", "净利率提升5pp", N),
    ("毛利率提高5个百分点", "毛利率未能提升5pp", N),
    ("毛利率提高5个百分点", "Gross margin fell 5 percentage points", N),
    ("毛利率提高5个百分点", "Net margin rose 5 percentage points", N),
    ("毛利率提高5个百分点", "竞品毛利率提升5pp", N),
    ("毛利率提高5%", "毛利率提高5个百分点", N),
    ("营收同比增长20%", "营收较去年同期增长20%", C),
    ("营收同比增长20%", "营收比去年同期增长20%", C),
    ("营收同比增长20%", "营收较去年同期上升了20%", C),
    ("营收同比增长20%", "Revenue grew 20% year-on-year", C),
    ("营收同比增长20%", "Revenue grew 20% YoY", C),
    ("营收同比下降20%", "营收较去年同期减少20%", C),
    ("营收环比增长20%", "营收较上季度增长20%", C),
    ("营收同比增长20%", "营收环比增长20%", N),
    ("营收同比增长20%", "营收较上月增长20%", N),
    ("营收同比增长20%", "Revenue grew 20% quarter-on-quarter", N),
    ("营收环比增长20%", "营收同比增长20%", N),
    ("营收同比增长20%", "营收较去年同期增长25%", N),
    ("营收同比增长20%", "营收较去年同期下降20%", N),
    ("营收同比增长20%", "营收较去年同期未能增长20%", N),
    ("营收同比增长20%", "利润较去年同期增长20%", N),
    ("营收同比增长20%", "竞品营收较去年同期增长20%", N),
    ("营收同比增长20%", "营收较去年同期增长20%吗？", N),
    ("营收同比增长20%", "Revenue grew 25% year-on-year", N),
    ("营收同比增长20%", "Profit grew 20% year-on-year", N),
    ("营收同比增长20%", "Revenue fell 20% year-on-year", N),
    ("营收同比增长20%", "营收增长20%", N),
]

REACHED_ROWS = [
    ("ROI提高到20%", "ROI提高至20%", C),
    ("ROI提高到20%", "ROI从15%提高到20%", C),
    ("ROI提高到20%", "ROI从15.5%提高到20%", C),
    ("成本降至80万元", "成本从100.5万元降低到80万元", C),
    ("ROI提高到20%", "ROI将从15%提升至20%", C),
    ("ROI提高到20%", "ROI上升到20%", C),
    ("ROI提高到20%", "投资回报率提高到了20%", C),
    ("ROI提高到20%", "ROI有望提高到20%", C),
    ("ROI提高到20%", "ROI预计可提升至约20%", C),
    ("ROI提高到20%", "The ROI rose from 15% to 20%.", C),
    ("ROI提高到20%", "ROI increased to 20%.", C),
    ("ROI提高到20%", "ROI提高了20%", N),
    ("ROI提高到20%", "ROI提高20%", N),
    ("ROI提高到20%", "ROI为20%", N),
    ("ROI提高到20%", "ROI从25%下降到20%", N),
    ("ROI提高到20%", "ROI降至20%", N),
    ("ROI提高到20%", "ROI提高到25%", N),
    ("ROI提高到20%", "IRR提高到20%", N),
    ("ROI提高到20%", "ROI未能提高到20%", N),
    ("ROI提高到20%", "ROI能提高到20%吗？", N),
    ("ROI提高到20%", "如果ROI提高到20%", N),
    ("ROI提高到20%", "竞品ROI提高到20%", N),
    ("ROI提高到20%", "ROI从20%提高到25%", N),
    ("ROI提高到20%", "ROI从15%提高到18%，IRR提高到20%", N),
    ("ROI提高到20%", "ROI fell to 20%.", N),
    ("ROI rises to 20%", "ROI increased from 15% to 20%", C),
    ("ROI rises to 20%", "ROI fell to 20%", N),
    ("成本降至80万元", "成本从100万元降低到80万元", C),
    ("成本降至80万元", "成本下降到80万元", C),
    ("成本降至80万元", "成本降低80万元", N),
    ("成本降至80万欧元", "成本从100万元降低到EUR 80万", C),
    ("回收期缩短到20个月", "回本周期缩短为「20个月」", C),
    ("ROI rises to 20%", "ROI increased from 15% to 15-odd to 20%", N),
    ("成本降至80万元", "成本增加到80万元", N),
    ("回收期缩短到20个月", "回收期从26个月缩短至20个月", C),
    ("回收期缩短到20个月", "回本周期缩短为20个月", C),
    ("回收期缩短到20个月", "回收期缩短20个月", N),
    ("回收期缩短到20个月", "回收期延长至20个月", N),
    ("营收增长到1.2亿元", "营收从1亿元增长至1.2亿元", C),
    ("营收增长到1.2亿元", "营收增长1.2亿元", N),
    ("营收增长到1.2亿元", "营收下滑到1.2亿元", N),
]

CLAIM_ROWS = [
    ("ROI为20%", "ROI是20%吗", False),
    ("ROI为20%", "ROI是20%么", False),
    ("ROI为20%", "ROI为20%，对吗", False),
    ("ROI为20%", "ROI能达到20%吗\n可以。", True),
    ("ROI为20%", "ROI是20%。还有什么问题吗", True),
    ("每人每月500元", "价格为500元/人/月。", True),
    ("每人每月500元", "价格为500元/人/年。", False),
    ("合同金额为1200万元", "双方签订了1200万元的合同。", True),
    ("成本降低30%", "成本降到原来的70%。", True),
    ("成本降低30%", "成本降到原来的60%。", False),
    ("成本降低30%", "成本没有降到原来的70%。", False),
    ("营收增长50%", "营收提高到原来的1.5倍。", True),
]


# the covered rows as the sweeps read them (`benchmarks/credit_mutations.covered_rows`: point, answer, forms,
# "covered"), so that every sweep rewrites the answers of this version's classes too
SWEPT_ROWS = [
    (point, answer, None, C)
    for point, answer, expected in RATE_ROWS
    + QUESTION_ROWS
    + ATTRIBUTIVE_ROWS
    + OF_ROWS
    + FORMER_ROWS
    + POINTS_AND_COMPARED_ROWS
    + REACHED_ROWS
    if expected == C
]


def test_the_scorer_is_v114_or_later() -> None:
    assert SCORER_VERSION >= 114


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    RATE_ROWS + QUESTION_ROWS + ATTRIBUTIVE_ROWS + OF_ROWS + FORMER_ROWS + POINTS_AND_COMPARED_ROWS + REACHED_ROWS,
)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


@pytest.mark.parametrize(("claim", "answer", "expected"), CLAIM_ROWS)
def test_claim_rows(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected


RATE_SPELLINGS = ["每人每月500元", "每月每人500元", "人均每月500元", "每人500元/月", "500元/人·月", "500元/(人·月)"]


@pytest.mark.parametrize("written_otherwise", RATE_SPELLINGS)
def test_a_rate_per_a_unit_and_a_period_reads_the_same_however_the_point_writes_it(written_otherwise: str) -> None:
    """The same verdicts for 500元/人/月 and the point written with the unit and the period before, after or around
    its amount, over the rows' answers and the amount said per each unit and period."""
    answers = [row[1] for row in RATE_ROWS]
    for unit in ("每人", "每台", "每用户", "人均", ""):
        for period in ("每月", "每年", "每天", ""):
            for said in (f"{unit}{period}500元", f"{period}{unit}500元", f"{unit}{period}600元"):
                answers += [said, f"{said}。", f"不是{said}。", f"{said}吗？", f"竞品{said}。"]
    answers += [f"500元/{u}/{p}" for u in ("人", "台", "用户") for p in ("月", "年", "天")]
    for answer in answers:
        for forms in (None, CN):
            plain, other = status_of("500元/人/月", answer, forms), status_of(written_otherwise, answer, forms)
            assert (plain == "covered") == (other == "covered"), (answer, forms, plain, other)


STATEMENTS = [
    ("ROI为20%", "ROI是20%"),
    ("ROI为20%", "ROI能达到20%"),
    ("ROI为20%", "项目的ROI为20%，对"),
    ("90万元", "每年节省90万元"),
    ("90万元", "真的每年能节省90万元"),
    ("回收期为20个月", "回收期是20个月"),
    ("20个月回本", "项目能20个月回本"),
    ("支持私有化部署", "支持私有化部署"),
    ("支持私有化部署", "您需要私有化部署"),
    ("500元/人/月", "价格是每人每月500元"),
    ("用户数200万", "系统能覆盖200万用户"),
]


@pytest.mark.parametrize(("point", "statement"), STATEMENTS)
@pytest.mark.parametrize("particle", ["吗", "么"])
def test_a_question_with_no_question_mark_reads_as_with_one(point: str, statement: str, particle: str) -> None:
    """A sentence ending with 吗 or 么 and no question mark - at the answer's end, before 。, a comma or a line break
    - gets the verdicts of the same sentence with ？, as a key point and as a forbidden claim."""
    for after in ("", "\n可以。", "\n不能。", "\n我们测算为15%。", "。以上是问题。"):
        marked = f"{statement}{particle}？{after.removeprefix('。')}"
        unmarked_forms = [f"{statement}{particle}{after}", f"{statement}{particle}。{after.removeprefix('。')}"]
        unmarked_forms += [f"{statement}{particle}，{after.removeprefix('。')}"] if after.startswith("。") else []
        for unmarked in unmarked_forms:
            assert status_of(point, unmarked) == status_of(point, marked), (unmarked, marked)
            assert charged(point, unmarked) == charged(point, marked), (unmarked, marked)
