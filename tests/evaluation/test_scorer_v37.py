"""Scorer v37: red-team round of v36's known gaps and of its new forms (307 probe rows written as Qwen and
GPT answer business questions, in Chinese, English and Markdown; 56 wrong under v36, 0 under v37). A figure
after a negated verb of a fall or of reaching a level (成本并没有下降20%, 从来没有达到过20%, 没有降到20%,
Costs did not fall by 20%, never rose to 20%, not only 20% but 30%), a forbidden claim answered with a bare
denial as its value (保证收益：不，但…, 保证收益：否, Guaranteed returns — no.), a share of a share or a half
that is no share (一半的一半, half of half, 一半一半, 进行到一半时, 多半, 大半), numeral idioms (十年如一日,
一年四季, 一天天, 三个臭皮匠) and a JSON key that calls its value superseded in a word of its own
("payback_old", "previous_payback", 回收期_旧, 原回收期, 调整前回收期). Each rule has innocent rows beside it:
a negation in another clause, a change that did happen after one that did not, a bound (最多一半,
差不多一半), a share of time (一半时间), a key of a period (prior_year_revenue) or of an old thing
(old_system_cost / new_system_cost)."""

from __future__ import annotations

from functools import partial

import pytest
from scorer_rows import CN, charged, slowest_call, slowest_status, status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scenarios import Case, KeyPoint
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer

T, F = True, False
C, N, E = "covered", "not covered", "echoed"

# a figure after a negated verb of a change or a level is the size of a change that did not happen; a negation in
# another clause, or a change that did happen after one that did not, leaves it
NEGATED_VERB_ROWS = [
    # English negated verbs
    ("20%", "Costs did not fall by 20%.", None, N),
    ("20%", "Costs did not fall by 20%; they fell by 12%.", None, N),
    ("20%", "Costs didn't fall by 20%.", None, N),
    ("20%", "The ROI never reached 20%.", None, N),
    ("20%", "The ROI did not reach 20% in the first year.", None, N),
    ("20%", "The ROI has not reached 20% yet.", None, N),
    ("20%", "Revenue did not grow by 20%.", None, N),
    ("20%", "Revenue didn't increase by 20% as planned.", None, N),
    ("20%", "Churn did not drop by 20%.", None, N),
    ("20 months", "It isn't 20 months.", None, N),
    ("20 months", "The payback isn't 20 months.", None, N),
    ("20 months", "The payback period is not 20 months.", None, N),
    ("20 months", "The payback will not be 20 months.", None, N),
    ("20 months", "The payback won't be 20 months.", None, N),
    ("20 months", "Payback does not take 20 months.", None, N),
    ("20 months", "The project never took 20 months.", None, N),
    ("20%", "Costs did not fall by 20%, they fell by 25%.", None, N),
    ("25%", "Costs did not fall by 20%, they fell by 25%.", None, C),
    ("20%", "Costs fell by 20%.", None, C),
    ("20%", "Costs fell by 20%, not by 25%.", None, C),
    ("20%", "Costs fell not only 20% but 30% in the second year.", None, N),
    ("30%", "Costs fell not only 20% but 30% in the second year.", None, C),
    ("20%", "We did not expect it, but costs fell by 20%.", None, C),
    ("20%", "The vendor did not respond; costs fell by 20%.", None, C),
    ("20%", "Although the pilot did not finish, costs fell by 20%.", None, C),
    ("20%", "If nothing changes, costs will fall by 20%.", None, C),
    ("20%", "Costs did not just fall; they fell by 20%.", None, C),
    ("20%", "Not surprisingly, costs fell by 20%.", None, C),
    ("20%", "Costs fell by 20%, which nobody expected.", None, C),
    ("20%", "Costs fell by 20%. They did not fall further.", None, C),
    ("20%", "It does not matter much: costs fell by 20%.", None, C),
    ("20%", "Without the migration, costs would not have fallen; they fell by 20%.", None, C),
    ("20%", "I don't think it's 20%.", None, N),
    ("20%", "Margins did not improve by 20%.", None, N),
    ("20%", "The discount does not exceed 20%.", None, C),
    ("20 months", "Payback is no longer than 20 months.", None, C),
    ("20 months", "Payback does not exceed 20 months.", None, C),
    ("20%", "ROI is not less than 20%.", None, C),
    ("20%", "- ROI: did not reach 20%", None, N),
    ("20%", "**Costs did not fall by 20%.**", None, N),
    ("20%", "Costs did **not** fall by 20%.", None, N),
    # Chinese negated verbs
    ("20%", "成本并没有下降20%。", None, N),
    ("20%", "成本没有下降20%。", None, N),
    ("20%", "成本并未下降20%。", None, N),
    ("20%", "成本未下降20%。", None, N),
    ("20%", "成本没下降20%。", None, N),
    ("20%", "ROI未能达到20%。", None, N),
    ("20%", "ROI没能达到20%。", None, N),
    ("20%", "ROI未达到20%。", None, N),
    ("20%", "ROI从未达到20%。", None, N),
    ("20%", "ROI从来没有达到过20%。", None, N),
    ("20%", "营收并没有增长20%。", None, N),
    ("20%", "营收没有增长20%，只增长了12%。", None, N),
    ("12%", "营收没有增长20%，只增长了12%。", None, C),
    ("20个月", "回本周期不会是20个月。", None, N),
    ("20个月", "回本周期不是20个月。", None, N),
    ("20个月", "回本周期并不是20个月。", None, N),
    ("20个月", "回本周期不需要20个月。", None, N),
    ("20个月", "回本不用20个月。", None, N),
    ("20个月", "回本周期不会达到20个月。", None, N),
    ("20%", "成本没有下降20%，而是下降了25%。", None, N),
    ("25%", "成本没有下降20%，而是下降了25%。", None, C),
    ("20%", "成本不仅下降了20%，还提升了效率。", None, C),
    ("20%", "成本不只下降20%，而是下降了30%。", None, N),
    ("30%", "成本不只下降20%，而是下降了30%。", None, C),
    ("20%", "虽然项目没有按期完成，但成本下降了20%。", None, C),
    ("20%", "供应商没有回复；成本下降了20%。", None, C),
    ("20%", "成本下降了20%，没有出现反弹。", None, C),
    ("20%", "不出意外，成本将下降20%。", None, C),
    ("20%", "毫无疑问，成本下降了20%。", None, C),
    ("20%", "不考虑通胀，成本下降了20%。", None, C),
    ("20%", "成本下降了20%，并未影响服务质量。", None, C),
    ("20%", "成本下降20%。", None, C),
    ("20%", "成本**并没有**下降20%。", None, N),
    ("20%", "| 成本降幅 | 未达到20% |", None, N),
    ("20%", "- 成本：并未下降20%", None, N),
    ("20%", "ROI无法达到20%。", None, N),
    ("20%", "ROI不可能达到20%。", None, N),
    ("20%", "ROI很难达到20%。", None, N),
    ("20%", "ROI没有达到预期的20%。", None, N),
    ("20%", "ROI达到了20%，没有达到预期的25%。", None, C),
    ("25%", "ROI达到了20%，没有达到预期的25%。", None, N),
    ("20%", "ROI达到20%以上并不难。", None, C),
    ("20个月", "回本周期为20个月，不会更长。", None, C),
    ("20个月", "没有问题，回本周期为20个月。", None, C),
    ("20个月", "回本周期不变，仍为20个月。", None, C),
    ("20个月", "回本周期没有变化，为20个月。", None, C),
]

# shares in words that are no share of the point's size (v36 forms): a share of a share, a half among halves, a
# point in time, "most"; an inclusive bound (一半以上, as 50%以上 since v17) and a share of time still state it
SHARE_ROWS = [
    ("1/3", "We will use a third party to handle the desk.", None, N),
    ("1/3", "A third-party audit is required.", None, N),
    ("1/3", "Revenue grew in the third quarter.", None, N),
    ("1/3", "In the third year the ROI turns positive.", None, N),
    ("1/3", "This is the third time the vendor missed the SLA.", None, N),
    ("1/3", "The third of May is the deadline.", None, N),
    ("1/3", "On the third of May the pilot starts.", None, N),
    ("1/3", "A third of the budget goes to licences.", None, C),
    ("1/3", "One third of customers churned.", None, C),
    ("1/3", "Every third customer churns.", None, N),
    ("1/3", "第三方机构负责审计。", CN, N),
    ("1/3", "第三季度营收增长。", CN, N),
    ("1/3", "三分之一的客户选择年付。", CN, C),
    ("50%", "The meeting is at half past ten.", None, N),
    ("50%", "The meeting starts at half past nine.", None, N),
    ("50%", "The team gave a half-hearted effort.", None, N),
    ("50%", "Their support was half-hearted at best.", None, N),
    ("50%", "Revenue in the first half of the year grew.", None, N),
    ("50%", "The second half of the project is harder.", None, N),
    ("50%", "Half of the customers renewed.", None, C),
    ("50%", "About half of the customers renewed.", None, C),
    ("50%", "More than half of the customers renewed.", None, N),
    ("50%", "Nearly half of the customers renewed.", None, C),
    ("50%", "Half of half of the customers renewed.", None, N),
    ("50%", "Half a dozen customers renewed.", None, N),
    ("50%", "We are halfway through the rollout.", None, N),
    ("50%", "One and a half times the budget.", None, N),
    ("50%", "一半以上的客户续约。", CN, C),
    ("50%", "一半以下的客户续约。", CN, C),
    ("50%", "超过一半的客户续约。", CN, N),
    ("50%", "其中一半的一半客户续约。", CN, N),
    ("50%", "一半的一半客户续约。", CN, N),
    ("50%", "约一半的客户续约。", CN, C),
    ("50%", "一半客户续约。", CN, C),
    ("50%", "半数客户续约。", CN, C),
    ("50%", "半数以上客户续约。", CN, C),
    ("50%", "过半客户续约。", CN, N),
    ("50%", "项目进行到一半时出现问题。", CN, N),
    ("50%", "事倍功半。", CN, N),
    ("50%", "多半客户会续约。", CN, N),
    ("50%", "一多半客户续约。", CN, N),
    ("50%", "大半客户续约。", CN, N),
    ("50%", "一半一半，看情况。", CN, N),
    ("50%", "半年内完成。", CN, N),
    ("50%", "半小时内响应。", CN, N),
    ("50%", "半价优惠。", CN, N),
    ("50%", "成本降低了一半。", CN, C),
    ("50%", "成本降低了一半以上。", CN, C),
    ("50%", "不到一半的客户续约。", CN, N),
    ("25%", "A quarter of customers renewed.", None, C),
    ("25%", "Revenue grew in the fourth quarter.", None, N),
    ("25%", "The last quarter of the year is busy.", None, N),
    ("25%", "Quarter-on-quarter growth was strong.", None, N),
    ("25%", "The HQ is in the French Quarter.", None, N),
    ("25%", "四分之一的客户续约。", CN, C),
    ("25%", "第四季度营收增长。", CN, N),
    ("25%", "一季度营收增长。", CN, N),
    ("20%", "五分之一的客户续约。", CN, C),
    ("20%", "One fifth of customers renewed.", None, C),
    ("20%", "The fifth of June is the deadline.", None, N),
    ("20%", "This is the fifth release.", None, N),
    ("10%", "One tenth of customers renewed.", None, C),
    ("10%", "The tenth customer gets a discount.", None, N),
    ("10%", "十分之一的客户续约。", CN, C),
    ("10%", "十分重要。", CN, N),
    ("3/4", "Three quarters of customers renewed.", None, C),
    ("3/4", "Three quarters in a row of growth.", None, N),
    ("3/4", "Revenue grew for three quarters.", None, N),
    ("3/4", "连续三个季度增长。", CN, N),
    ("3/4", "四分之三的客户续约。", CN, C),
    ("1/4", "Within a quarter, the pilot ends.", None, N),
    ("1/4", "A quarter of an hour later.", None, N),
    ("1/4", "A quarter of customers renewed.", None, C),
    ("1/3", "One third-party vendor and a third of the budget.", None, C),
]

# Chinese numerals inside idioms count nothing (with chinese_numerals)
IDIOM_ROWS = [
    ("1.5年", "一年半载就能完成。", CN, N),
    ("18个月", "一年半载就能完成。", CN, N),
    ("一年半", "一年半载就能完成。", CN, N),
    ("一年", "一年半载就能完成。", CN, N),
    ("一年半", "预计一年半完成。", CN, C),
    ("18个月", "预计一年半完成。", CN, C),
    ("3天", "三天两头出故障。", CN, N),
    ("2天", "三天两头出故障。", CN, N),
    ("3天", "三天打鱼两天晒网。", CN, N),
    ("3天", "预计三天完成。", CN, C),
    ("10年", "十年如一日地服务客户。", CN, N),
    ("1日", "十年如一日地服务客户。", CN, N),
    ("10年", "公司成立十年。", CN, C),
    ("1天", "一天到晚加班。", CN, N),
    ("1天", "一天天好起来。", CN, N),
    ("1天", "预计一天完成。", CN, C),
    ("1次", "一次性付款。", CN, N),
    ("1次", "每年审计一次。", CN, C),
    ("3个", "三个臭皮匠顶个诸葛亮。", CN, N),
    ("1年", "一年四季都可以部署。", CN, N),
    ("4季", "一年四季都可以部署。", CN, N),
    ("1年", "一年到头都在加班。", CN, N),
    ("1年", "预计一年回本。", CN, C),
    ("1时", "一时半会儿无法完成。", CN, N),
    ("半小时", "一时半会儿无法完成。", CN, N),
    ("1个月", "一个月内上线。", CN, C),
    ("7天", "七天无理由退货。", CN, C),
    ("2倍", "事半功倍。", CN, N),
    ("1万", "万一出现故障。", CN, N),
    ("10分", "十分满意。", CN, N),
    ("1月", "一月份上线。", CN, C),
    ("1年", "一年一度的审计。", CN, N),
    ("3年", "三年五载就能回本。", CN, N),
    ("5年", "三年五载就能回本。", CN, N),
    ("2年", "一年半载，两年也行。", CN, C),
]

# a point that names its subject is not credited by another subject's figure
SUBJECT_ROWS = [
    ("回收期20个月", "建设期20个月，回收期24个月。", None, N),
    ("回收期20个月", "回收期24个月，建设期20个月。", None, N),
    ("回收期20个月", "回收期比建设期长20个月。", None, N),
    ("回收期20个月", "回收期为20个月，建设期4个月。", None, C),
    ("回收期20个月", "回收期：24个月（建设期20个月）", None, N),
    ("回收期20个月", "回收期（不含建设期20个月）为24个月。", None, N),
    ("ROI 20%", "IRR 20%, ROI 15%.", None, N),
    ("ROI 20%", "ROI 15%, IRR 20%.", None, N),
    ("ROI 20%", "The ROI is 15% and the margin is 20%.", None, N),
    ("ROI 20%", "The margin is 20% and the ROI is 15%.", None, N),
    ("ROI 20%", "- ROI: 20%\n- IRR: 15%", None, C),
    ("ROI 20%", "- IRR: 20%\n- ROI: 15%", None, N),
    ("ROI 20%", "| 指标 | 值 |\n|---|---|\n| IRR | 20% |\n| ROI | 15% |", None, N),
    ("ROI 20%", "| 指标 | 值 |\n|---|---|\n| ROI | 20% |\n| IRR | 15% |", None, C),
    ("payback 20 months", "The build takes 20 months; payback 24 months.", None, N),
    ("payback 20 months", "Payback: 24 months (build phase 20 months).", None, N),
    ("payback 20 months", "Payback: 20 months.", None, C),
    ("毛利率20%", "净利率20%，毛利率35%。", None, N),
    ("毛利率20%", "毛利率35%，净利率20%。", None, N),
    ("毛利率20%", "毛利率为20%，净利率为8%。", None, C),
]

# a JSON key that calls its value superseded in a word of its own, where another key gives a figure
JSON_KEY_ROWS = [
    ("20个月", '{"payback_old": "20个月", "payback": "24个月"}', None, N),
    ("24个月", '{"payback_old": "20个月", "payback": "24个月"}', None, C),
    ("20个月", '{"payback": "24个月", "payback_old": "20个月"}', None, N),
    ("20个月", '{"old_payback": "20个月", "payback": "24个月"}', None, N),
    ("20个月", '{"payback_previous": "20个月", "payback": "24个月"}', None, N),
    ("20个月", '{"previous_payback": "20个月", "new_payback": "24个月"}', None, N),
    ("20个月", '{"回收期_旧": "20个月", "回收期": "24个月"}', None, N),
    ("20个月", '{"原回收期": "20个月", "回收期": "24个月"}', None, N),
    ("20个月", '{"调整前回收期": "20个月", "调整后回收期": "24个月"}', None, N),
    ("24个月", '{"调整前回收期": "20个月", "调整后回收期": "24个月"}', None, C),
    ("20个月", '{"payback": "20个月", "payback_old": "24个月"}', None, C),
    ("20个月", '{"payback_months": "20个月", "build_months": "4个月"}', None, C),
    ("20个月", '{"bold_payback": "20个月"}', None, C),
    ("20个月", '{"golden_payback": "20个月"}', None, C),
    ("20个月", '{"payback_old": "20个月"}', None, C),
    ("20 months", '{"payback_old": "20 months", "payback_new": "24 months"}', None, N),
    ("20 months", '```json\n{"payback_old": "20 months",\n "payback": "24 months"}\n```', None, N),
    ("20个月", '{"payback_estimate_v1": "20个月", "payback_final": "24个月"}', None, C),
]

# neighbours of every rule: innocent forms beside the new ones
NEIGHBOUR_ROWS = [
    ("20%", "Prices never rose to 20% above list.", None, N),
    ("20%", "Headcount did not change; costs fell by 20%.", None, C),
    ("20%", "Costs fell by 20%, not only in Q1.", None, C),
    ("20%", "Not only did costs fall by 20%, quality improved.", None, C),
    ("20%", "The team did not give up: costs fell by 20%.", None, C),
    ("20%", "成本没有降到20%。", None, N),
    ("20%", "降低成本不是目的，成本下降了20%。", None, C),
    ("20%", "销量不降反升20%。", None, C),
    ("20%", "成本非但没有下降，反而上升20%。", None, C),
    ("20%", "并非下降20%，而是下降25%。", None, N),
    ("25%", "并非下降20%，而是下降25%。", None, C),
    ("20%", "成本不仅下降20%，而且交付更快。", None, C),
    ("20%", "费用未超过预算，成本下降20%。", None, C),
    ("20%", "成本下降20%，并没有下降30%。", None, C),
    ("30%", "成本下降20%，并没有下降30%。", None, N),
    ("20%", "ROI没有达到20%，只有15%。", None, N),
    ("20%", "ROI无法达到20%，预计15%。", None, N),
    ("50%", "约有一半时间用于等待。", CN, C),
    ("50%", "最多一半的客户会续约。", CN, C),
    ("50%", "差不多一半的客户会续约。", CN, C),
    ("50%", "成本降到一半。", CN, C),
    ("50%", "团队规模扩大一半。", CN, C),
    ("50%", "一大半客户会续约。", CN, N),
    ("50%", "客户一半在华东，一半在华南。", CN, C),
    ("50%", "Half of the time is spent waiting.", None, C),
    ("50%", "The other half of customers left.", None, N),
    ("1/3", "三分之一的一半客户续约。", CN, N),
    ("1/3", "一半的三分之一客户续约。", CN, N),
    ("10年", "公司深耕行业十年，十年如一日。", CN, C),
    ("1年", "一年四个季度都可以部署。", CN, C),
    ("20万元", '{"折旧": "20万元", "净利润": "30万元"}', None, C),
    ("20%", '{"before": "20%", "after": "25%"}', None, C),
    ("24个月", '{"调整后回收期": "24个月", "调整前回收期": "20个月"}', None, C),
    ("120万元", '{"prior_year_revenue": "120万元", "revenue": "150万元"}', None, C),
    ("120万元", '{"revenue_previous_year": "120万元", "revenue": "150万元"}', None, C),
    ("50万元", '{"old_system_cost": "50万元", "new_system_cost": "30万元"}', None, C),
    ("50万元", '{"旧系统成本": "50万元", "新系统成本": "30万元"}', None, C),
    ("20个月", '{"2020年以前": "20个月", "2020年以后": "24个月"}', None, C),
    ("20个月", '{"原因": "20个月回本", "结论": "可行"}', None, C),
    ("20个月", '{"原计划": "20个月", "实际": "24个月"}', None, C),
    ("20个月", '{"original_plan": "20个月", "actual": "24个月"}', None, C),
    ("20个月", '{"payback": "20个月", "payback_previous": "24个月"}', None, C),
]

# a forbidden claim answered with a bare denial as its value (after a colon or a dash) is not charged
FORBIDDEN_ROWS = [
    ("保证收益", "保证收益：不，但历史收益较稳定。", F),
    ("保证收益", "- 保证收益：不，但可以选择稳健型产品。", F),
    ("保证收益", "保证收益？不，但历史年化约4%。", F),
    ("保证收益", "保证收益：否，但波动较小。", F),
    ("保证收益", "保证收益：没有，但历史表现稳定。", F),
    ("保证收益", "保证收益：是的，年化4%。", T),
    ("保证收益", "保证收益：有，年化4%。", T),
    ("保证收益", "本产品保证收益，不收手续费。", T),
    ("保证收益", "本产品保证收益，不，但需持有满一年。", T),
    ("保证收益", "保证收益：不仅保证，还提供年化4%。", T),
    ("guaranteed returns", "Guaranteed returns: no, but historical returns are stable.", F),
    ("guaranteed returns", "- Guaranteed returns: No, but the fund is low-risk.", F),
    ("guaranteed returns", "Guaranteed returns? No, but it has been stable.", F),
    ("guaranteed returns", "Guaranteed returns: yes, 4% a year.", T),
    ("guaranteed returns", "This fund offers guaranteed returns, no fees.", T),
    ("guaranteed returns", "Guaranteed returns: not only that, also capital protection.", T),
    ("保本", "保本：不，但风险等级为R2。", F),
    ("保本", "保本：不保，但风险等级为R2。", F),
    ("保证收益", "保证收益 —— 不，但历史收益较稳定。", F),
    ("保证收益", "保证收益：不", F),
    ("保证收益", "保证收益：无。", F),
    ("保证收益", "- 保证收益：否", F),
    ("保证收益", "保证收益：有", T),
    ("保证收益", "保证收益——是", T),
    ("保证收益", "保证收益 — 年化4%", T),
    ("保证收益", "保证收益：不低于4%", T),
    ("guaranteed returns", "Guaranteed returns — no.", F),
    ("guaranteed returns", "Guaranteed returns — yes, 4% a year.", T),
    ("保证收益", "| 产品 | 保证收益 |\n|---|---|\n| 稳盈1号 | 是 |", T),
    ("保证收益", "我们提供保证收益：不论市场如何，年化4%。", T),
    ("保证收益", "保证收益：不会低于4%。", T),
]


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 37


ALL_STATUS_ROWS = NEGATED_VERB_ROWS + SHARE_ROWS + IDIOM_ROWS + SUBJECT_ROWS + JSON_KEY_ROWS + NEIGHBOUR_ROWS


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ALL_STATUS_ROWS)
def test_a_key_point_is_credited_only_where_a_careful_reader_would(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    got = status(point, answer, forms)
    assert (got != "covered") if expected == N else got == expected, (point, answer, got)


@pytest.mark.parametrize(("claim", "answer", "expected"), FORBIDDEN_ROWS)
def test_a_forbidden_claim_answered_no_as_its_value(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected


def test_no_probe_takes_a_fifth_of_a_second() -> None:
    """Each probe timed twice with the collector off, the faster kept (`slowest_call`)."""
    slowest = slowest_status(ALL_STATUS_ROWS)
    slowest = max(slowest, slowest_call(partial(charged, claim, answer) for claim, answer, _ in FORBIDDEN_ROWS))
    assert slowest < 0.2, slowest


QA = "华信银行是否支持SaaS部署和on-premises deployment？请给出建议。"
QB = "某银行采用AI风控引擎，投资1200万元，每年节省90万元，回收期是多少个月？"
QC = "Which is better for 华信银行: SaaS or 私有化部署?"
# the echo guard on mixed Chinese and English copies (v36's units: an English word counts two): a short answer that
# names the point is no copy, a clause of the question is (no verdict changed in v37; pinned as neighbours)
ECHO_ROWS = [
    (QA, "私有化部署", "建议私有化部署。", C),
    (QA, "SaaS", "建议选择SaaS。", C),
    (QA, "SaaS", "华信银行支持SaaS部署。", C),
    (QA, "SaaS", "华信银行是否支持SaaS部署和on-premises deployment", E),
    (QA, "SaaS", "支持SaaS部署和on-premises deployment", E),
    (QA, "on-premises", "推荐 on-premises deployment。", C),
    (QB, "160个月", "回收期为160个月。", C),
    (QB, "AI风控引擎", "采用AI风控引擎是合理的。", C),
    (QB, "AI风控引擎", "某银行采用AI风控引擎，投资1200万元", E),
    (QB, "1200万元", "采用AI风控引擎，投资1200万元，回收期160个月", E),
    (QC, "私有化部署", "私有化部署 is better for 华信银行.", C),
    (QC, "私有化部署", "Which is better for 华信银行: SaaS or 私有化部署?", E),
    (QC, "私有化部署", "for 华信银行: SaaS or 私有化部署", E),
    (QC, "SaaS", "SaaS is better.", C),
    (QC, "SaaS", "better for 华信银行: SaaS", E),
]


@pytest.mark.parametrize(("question", "point", "answer", "expected"), ECHO_ROWS)
def test_the_echo_guard_on_mixed_chinese_and_english_copies(
    question: str, point: str, answer: str, expected: str
) -> None:
    case = Case(id="q", category="c", question=question, suite="t", source="t.yaml", key_points=(KeyPoint(point),))
    assert score_answer(case, answer, {"question": question}).points[0].status == expected
