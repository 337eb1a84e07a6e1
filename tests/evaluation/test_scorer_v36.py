"""Scorer v36: red-team round of the v34/v35 known gaps and their neighbours (397 probe rows written as Qwen and GPT
answer business questions, in Chinese, English and Markdown; 173 wrong under v35, 0 under v36, and the 13 strict
xfails of v34 and v35 closed). Numbers said as fractions and halves (三分之一, 四分之一,
one third, a quarter of, 一半, 半数, 三成半, 半年, half a year, one and a half million, one point five), a point that
names its subject (回收期20个月, ROI 20%), a JSON value under a superseded key, a denial in a table cell or a bullet
(| 保证收益 | 不保证 |), English denials of a forbidden claim, the echo guard's English copies and an option's figure
repeated in its rejection (Why not A: 18 months assumes ...). Each rule has innocent rows beside it: a different
number that holds the same digits (120个月, 1/30, 三分之二, two thirds), a figure of another subject in the same
sentence, a time period called a quarter, a claim made plainly in a cell, a reason given for the answer picked."""

from __future__ import annotations

from functools import partial

import pytest
from scorer_rows import CN, SW, charged, slowest_call, status
from test_scorer_v34 import LONG_EN

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scenarios import Case, KeyPoint
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer

T, F = True, False
C, N, E = "covered", "not covered", "echoed"

# fractions (a point in digits is said in Chinese numerals only with chinese=True, as 百分之二十 and 两成 are; in
# English number words with no forms, as twenty months is since v14; a point written in Chinese is said in digits)
FRACTION_ROWS = [
    ("1/3", "约三分之一的客户选择了年付。", CN, C),
    ("1/3", "约**三分之一**的客户选择了年付。", CN, C),
    ("1/3", "选择年付的客户约占三分之一。", CN, C),
    ("1/3", "约三分之二的客户选择了年付。", CN, N),
    ("1/3", "约三十分之一的客户选择了年付。", CN, N),
    ("1/3", "约十三分之一的客户选择了年付。", CN, N),
    ("1/3", "约三分之一点五的客户。", CN, N),
    ("1/3", "约1/3的客户选择了年付。", None, C),
    ("1/3", "约1/30的客户选择了年付。", None, N),
    ("1/3", "约11/3倍。", None, N),
    ("1/3", "约1/3的客户选择了年付。", CN, C),
    ("1/3", "About one third of customers pay yearly.", None, C),
    ("1/3", "About one-third of customers pay yearly.", None, C),
    ("1/3", "About a third of customers pay yearly.", None, C),
    ("1/3", "Roughly a third of the budget goes to licences.", None, C),
    ("1/3", "About two thirds of customers pay yearly.", None, N),
    ("1/3", "About two-thirds of customers pay yearly.", None, N),
    ("1/3", "This is the third option.", None, N),
    ("1/3", "A third option is to outsource the desk.", None, N),
    ("1/3", "One third-party vendor handles the desk.", None, N),
    ("1/3", "Costs fell by one third after the rollout.", None, C),
    ("三分之一", "约1/3的客户选择了年付。", None, C),
    ("三分之一", "About one third of customers pay yearly.", None, C),
    ("三分之一", "约三分之一的客户选择了年付。", None, C),
    ("三分之一", "约三分之二的客户选择了年付。", None, N),
    ("三分之一", "约1/30的客户选择了年付。", None, N),
    ("三分之一", "约2/3的客户选择了年付。", None, N),
    ("三分之一", "不到三分之一的客户选择了年付。", None, N),
    ("2/3", "约三分之二的客户选择了年付。", CN, C),
    ("2/3", "About two thirds of customers pay yearly.", None, C),
    ("2/3", "About two-thirds of customers pay yearly.", None, C),
    ("2/3", "约三分之一的客户选择了年付。", CN, N),
    ("2/3", "About one third of customers pay yearly.", None, N),
    ("三分之二", "About two-thirds of customers pay yearly.", None, C),
    ("三分之二", "约2/3的客户选择了年付。", None, C),
    ("1/4", "四分之一的工单由机器人处理。", CN, C),
    ("1/4", "约四分之一的工单由机器人处理。", CN, C),
    ("1/4", "四分之三的工单由机器人处理。", CN, N),
    ("1/4", "十四分之一的工单由机器人处理。", CN, N),
    ("1/4", "A quarter of tickets are handled by the bot.", None, C),
    ("1/4", "One quarter of tickets are handled by the bot.", None, C),
    ("1/4", "One-fourth of tickets are handled by the bot.", None, C),
    ("1/4", "One fourth of tickets are handled by the bot.", None, C),
    ("1/4", "Three quarters of tickets are handled by the bot.", None, N),
    ("1/4", "We will finish within a quarter.", None, N),
    ("1/4", "Revenue grew in the fourth quarter.", None, N),
    ("1/4", "Revenue grew a quarter on quarter.", None, N),
    ("四分之一", "About 1/4 of tickets are handled by the bot.", None, C),
    ("四分之一", "A quarter of tickets are handled by the bot.", None, C),
    ("四分之一", "四分之三的工单由机器人处理。", None, N),
    ("四分之一", "About 1/40 of tickets are handled by the bot.", None, N),
    ("3/4", "四分之三的工单由机器人处理。", CN, C),
    ("3/4", "Three quarters of tickets are handled by the bot.", None, C),
    ("3/4", "Three-quarters of tickets are handled by the bot.", None, C),
    ("3/4", "A quarter of tickets are handled by the bot.", None, N),
    ("1/5", "五分之一的客户流失。", CN, C),
    ("1/5", "One fifth of customers churned.", None, C),
    ("1/5", "One-fifth of customers churned.", None, C),
    ("1/5", "十五分之一的客户流失。", CN, N),
    ("1/5", "The fifth customer churned.", None, N),
    ("1/10", "十分之一的客户流失。", CN, C),
    ("1/10", "One tenth of customers churned.", None, C),
    ("1/10", "一百分之一的客户流失。", CN, N),
    ("33%", "约三分之一的客户选择了年付。", CN, N),
]

# exact percentages said as fractions, halves and 成 (with chinese=True for the Chinese; English words need none)
PERCENT_ROWS = [
    ("25%", "四分之一的工单由机器人处理。", CN, C),
    ("25%", "A quarter of tickets are handled by the bot.", None, C),
    ("25%", "About a quarter of the budget goes to licences.", None, C),
    ("25%", "四分之三的工单由机器人处理。", CN, N),
    ("25%", "We will finish within a quarter.", None, N),
    ("25%", "Next quarter we expect 25 new customers.", None, N),
    ("75%", "Three quarters of tickets are handled by the bot.", None, C),
    ("75%", "四分之三的工单由机器人处理。", CN, C),
    ("50%", "一半的客户选择了年付。", CN, C),
    ("50%", "约一半的客户选择了年付。", CN, C),
    ("50%", "半数客户选择了年付。", CN, C),
    ("50%", "超过半数的客户选择了年付。", CN, N),
    ("50%", "超过一半的客户选择了年付。", CN, N),
    ("50%", "Half of the customers pay yearly.", None, C),
    ("50%", "About half of the customers pay yearly.", None, C),
    ("50%", "More than half of the customers pay yearly.", None, N),
    ("50%", "Deployment takes half a year.", None, N),
    ("50%", "一半的客户选择了年付。", None, N),
    ("50%", "半年内完成部署。", CN, N),
    ("50%", "半小时内响应。", CN, N),
    ("20%", "百分之二十的客户选择了年付。", CN, C),
    ("20%", "百分之一百二十的增长。", CN, N),
    ("20%", "两成客户选择了年付。", CN, C),
    ("20%", "五分之一的客户选择了年付。", CN, C),
    ("20%", "One fifth of customers pay yearly.", None, C),
    ("20%", "客户流失率为两成半。", CN, N),
    ("25%", "客户流失率为两成半。", CN, C),
    ("35%", "三成半的客户续费。", CN, C),
    ("30%", "三成半的客户续费。", CN, N),
    ("35%", "三成的客户续费。", CN, N),
    ("10%", "十分之一的客户流失。", CN, C),
    ("10%", "One tenth of customers churned.", None, C),
    ("10%", "一百分之一的客户流失。", CN, N),
]

# spelled English quantities with halves and decimals (English number words need no forms; a scale word needs
# scale_words, as since v11)
SPELLED_ROWS = [
    ("$1.5 million", "The contract is worth one and a half million dollars.", SW, C),
    ("$1.5 million", "The contract is worth one-and-a-half million dollars.", SW, C),
    ("$1.5 million", "The contract is worth one and a half billion dollars.", SW, N),
    ("$1.5 million", "The contract is worth one million dollars.", SW, N),
    ("$1.5 million", "The contract is worth fifteen million dollars.", SW, N),
    ("$2.5 million", "The contract is worth two and a half million dollars.", SW, C),
    ("$2.5 million", "The contract is worth two million dollars and a half-day workshop.", SW, N),
    ("1.5 million users", "The app has one and a half million users.", SW, C),
    ("1.5 million users", "The app has one and a half thousand users.", SW, N),
    ("1.5 years", "The payback is one point five years.", SW, C),
    ("1.5 years", "The payback is one point five years.", None, C),
    ("1.5 years", "The payback is one point two five years.", None, N),
    ("1.25 years", "The payback is one point two five years.", None, C),
    ("1.5 years", "The payback is fifteen years.", None, N),
    ("1.5 years", "The payback is one year.", None, N),
    ("1.5 years", "The payback is one and a half years.", None, C),
    ("1.5 years", "The payback is a year and a half.", None, C),
    ("18 months", "The payback is one and a half years.", None, C),
    ("2.5%", "Churn is two point five percent.", None, C),
    ("25%", "Churn is two point five percent.", None, N),
    ("0.5%", "Churn is zero point five percent.", None, C),
    ("5%", "Churn is zero point five percent.", None, N),
    ("2.5 years", "It takes two and a half years.", None, C),
    ("2 years", "It takes two and a half years.", None, N),
    ("3.5 hours", "Resolution takes three point five hours.", None, C),
    ("3.5 hours", "Resolution takes three hours.", None, N),
]

# halves of a unit of time as a point written in Chinese (半年, 半小时, 一年半, 两年半): said in digits, decimals or
# English (the duration's twins, as a point in digits has since v18) - not a different number that holds its digits
HALF_ROWS = [
    ("半年", "预计6个月内完成部署。", None, C),
    ("半年", "预计六个月内完成部署。", None, C),
    ("半年", "预计0.5年完成部署。", None, C),
    ("半年", "Deployment takes half a year.", None, C),
    ("半年", "Deployment takes six months.", None, C),
    ("半年", "Deployment takes 6 months.", None, C),
    ("半年", "预计两个季度完成部署。", None, C),
    ("半年", "预计16个月完成部署。", None, N),
    ("半年", "预计6个星期完成部署。", None, N),
    ("半年", "预计一年半完成部署。", None, N),
    ("半年", "预计1.5年完成部署。", None, N),
    ("半年", "上半年完成部署。", None, N),
    ("半年", "预计6到12个月完成部署。", None, N),
    ("半年", "不到6个月完成部署。", None, N),
    ("半年", "预计半年完成部署。", None, C),
    ("半小时", "30分钟内响应。", None, C),
    ("半小时", "0.5小时内响应。", None, C),
    ("半小时", "We respond within half an hour.", None, C),
    ("半小时", "We respond within 30 minutes.", None, C),
    ("半小时", "130分钟内响应。", None, N),
    ("半小时", "3分钟内响应。", None, N),
    ("一年半", "预计18个月回本。", None, C),
    ("一年半", "预计1.5年回本。", None, C),
    ("一年半", "Payback takes 18 months.", None, C),
    ("一年半", "预计81个月回本。", None, N),
    ("一年半", "预计118个月回本。", None, N),
    ("一年半", "预计1年回本。", None, N),
    ("两年半", "预计30个月回本。", None, C),
    ("两年半", "预计2.5年回本。", None, C),
    ("两年半", "Payback takes two and a half years.", None, C),
    ("两年半", "预计2年回本。", None, N),
    ("两年半", "预计130个月回本。", None, N),
    ("二十个月", "预计20个月回本。", None, C),
    ("二十个月", "预计120个月回本。", None, N),
    ("二十个月", "Payback takes 20 months.", None, C),
    ("0.5年", "Deployment takes half a year.", None, C),
    ("6个月", "预计半年完成部署。", CN, C),
    ("6个月", "预计半年完成部署。", None, N),
    ("6 months", "Deployment takes half a year.", None, C),
    ("6个月", "预计一年半完成部署。", CN, N),
]

# a point that names its subject (回收期20个月, ROI 20%) is said with a copula or "about" between them, or as a
# label and its value (回收期：20个月, | 回收期 | 20个月 |, - 回收期：20个月); not of another subject, nor a change by
# the figure (ROI提升了20%), nor under a negation
SUBJECT_ROWS = [
    ("回收期20个月", "回收期为20个月。", None, C),
    ("回收期20个月", "回收期约为20个月。", None, C),
    ("回收期20个月", "回收期是20个月。", None, C),
    ("回收期20个月", "回收期大约20个月。", None, C),
    ("回收期20个月", "回收期预计为20个月。", None, C),
    ("回收期20个月", "回收期约20个月。", None, C),
    ("回收期20个月", "投资回收期为20个月。", None, C),
    ("回收期20个月", "回收期：20个月。", None, C),
    ("回收期20个月", "**回收期**：20个月", None, C),
    ("回收期20个月", "回收期为 **20个月**。", None, C),
    ("回收期20个月", "回收期为20个月左右。", None, C),
    ("回收期20个月", "- 回收期：20个月\n- 年节省：90万元", None, C),
    ("回收期20个月", "| 指标 | 数值 |\n|---|---|\n| 回收期 | 20个月 |", None, C),
    ("回本周期20个月", "| 指标 | 数值 |\n|---|---|\n| 回本周期 | 20个月 |", None, C),
    ("回本周期20个月", "| 指标 | 数值 |\n|---|---|\n| 回本周期 | 24个月 |\n| 建设周期 | 20个月 |", None, N),
    ("回收期20个月", "回收期为120个月。", None, N),
    ("回收期20个月", "回收期为24个月，比原计划多出20个月。", None, N),
    ("回收期20个月", "回收期不是20个月。", None, N),
    ("回收期20个月", "回收期并非20个月，而是24个月。", None, N),
    ("回收期20个月", "项目在20个月内完成建设，回收期为24个月。", None, N),
    ("回收期20个月", "回收期超过20个月。", None, N),
    ("回收期20个月", "回收期由20个月延长至24个月。", None, N),
    ("回收期20个月", "回收期为24个月，建设期20个月。", None, N),
    ("回收期20个月", "- 建设期：20个月\n- 回收期：24个月", None, N),
    ("回收期20个月", "回收期20个月。", None, C),
    ("ROI 20%", "ROI为20%。", None, C),
    ("ROI 20%", "ROI约为20%。", None, C),
    ("ROI 20%", "ROI达到20%。", None, C),
    ("ROI 20%", "ROI为20%左右。", None, C),
    ("ROI 20%", "The ROI is 20%.", None, C),
    ("ROI 20%", "The ROI is about 20%.", None, C),
    ("ROI 20%", "an ROI of 20%", None, C),
    ("ROI 20%", "ROI: 20%", None, C),
    ("ROI 20%", "**ROI**: 20%", None, C),
    ("ROI 20%", "ROI为15%，毛利率20%。", None, N),
    ("ROI 20%", "The ROI is 15% and the margin is 20%.", None, N),
    ("ROI 20%", "ROI为120%。", None, N),
    ("ROI 20%", "The ROI is not 20%.", None, N),
    ("ROI 20%", "ROI提升了20%。", None, N),
    ("ROI 20%", "ROI increased by 20%.", None, N),
    ("ROI 20%", "ROI下降20%。", None, N),
    ("投资回报率20%", "投资回报率约为20%。", None, C),
    ("投资回报率20%", "投资回报率为20%。", None, C),
    ("投资回报率20%", "投资回报率为25%，其中20%来自人工节省。", None, N),
    ("毛利率30%", "毛利率为30%，净利率为20%。", None, C),
    ("净利率20%", "毛利率为30%，净利率为20%。", None, C),
    ("净利率20%", "毛利率为20%，净利率为30%。", None, N),
    ("净利率20%", "净利率由20%提升至30%。", None, N),
    ("payback 20 months", "The payback is 20 months.", None, C),
    ("payback 20 months", "The payback is about 20 months.", None, C),
    ("payback 20 months", "The payback is 24 months, 20 months after launch.", None, N),
]

# JSON answers: a value under a key that names a superseded value is a former value where another key of the
# object gives a figure (as a table column since v33); a plan and an old key alone are not
JSON_ROWS = [
    ("20个月", '```json\n{"回收期": "24个月", "旧值": "20个月"}\n```', None, N),
    ("24个月", '```json\n{"回收期": "24个月", "旧值": "20个月"}\n```', None, C),
    ("18个月", '```json\n{"指标": "回收期", "旧值": "18个月", "新值": "20个月"}\n```', None, N),
    ("20个月", '```json\n{"指标": "回收期", "旧值": "18个月", "新值": "20个月"}\n```', None, C),
    ("18 months", '{"metric": "payback", "old_value": "18 months", "new_value": "20 months"}', None, N),
    ("20 months", '{"metric": "payback", "old_value": "18 months", "new_value": "20 months"}', None, C),
    ("18 months", '{"previous estimate": "18 months", "payback": "20 months"}', None, N),
    ("20个月", '{"回收期": "20个月"}', None, C),
    ("18个月", '{"原计划": "18个月", "回收期": "20个月"}', None, C),
    ("20个月", '{"旧值": "20个月"}', None, C),
    ("20个月", '{"回收期": "20个月", "原因": "年节省90万元"}', None, C),
    ("20个月", '{\n  "回收期": "20个月",\n  "旧值": "24个月"\n}', None, C),
    ("24个月", '{\n  "回收期": "20个月",\n  "旧值": "24个月"\n}', None, N),
]

# a lettered option rejected with its figure repeated is no answer (the option picked, and a reason for it, are)
REJECTED_ROWS = [
    ("18 months", LONG_EN, None, N),
    ("30 months", LONG_EN, None, N),
    ("24 months", LONG_EN, None, C),
    ("18个月", "答案：B（24个月）。\n\n为什么不选A：18个月的假设是年节省120万元。", None, N),
    ("18个月", "答案：B（24个月）。\n\n不选A的原因：18个月的回收期假设过于乐观。", None, N),
    ("18个月", "答案：B（24个月）。\n\n排除A：18个月过于乐观。", None, N),
    ("18 months", "Answer: B (24 months).\n\nWhy not A (18 months)? It assumes $1.2 million a year.", None, N),
    ("18 months", "Answer: B (24 months).\n\nA is ruled out: 18 months assumes $1.2 million a year.", None, N),
    ("18 months", "Answer: B.\n\nWhy 18 months: savings of $100k a month cover the $1.8 million.", None, C),
    ("18个月", "答案：18个月。\n\n为什么是18个月：每月节省10万元。", None, C),
    ("24 months", "Answer: B (24 months).\n\nWhy not A: 18 months assumes $1.2 million a year.", None, C),
]

# (claim, answer, charged): a denial in a table cell or a bullet's value, and English denials in other words
FORBIDDEN_ROWS = [
    ("保证收益", "| 特点 | 说明 |\n|---|---|\n| 保证收益 | 不保证 |", F),
    ("保证收益", "| 特点 | 说明 |\n|---|---|\n| 保证收益 | 不保证，收益随市场波动 |", F),
    ("保证收益", "| 项目 | 是否 |\n|---|---|\n| 保证收益 | 否 |", F),
    ("保证收益", "| 项目 | 说明 |\n|---|---|\n| 保证收益 | 无 |", F),
    ("保证收益", "| 项目 | 说明 |\n|---|---|\n| 保证收益 | ❌ |", F),
    ("保证收益", "| 项目 | 说明 |\n|---|---|\n| 保证收益 | 不提供 |", F),
    ("保证收益", "| 项目 | 说明 |\n|---|---|\n| 保证收益 | 是 |", T),
    ("保证收益", "| 项目 | 说明 |\n|---|---|\n| 保证收益 | ✅ |", T),
    ("保证收益", "| 项目 | 说明 |\n|---|---|\n| 保证收益 | 年化4.5% |", T),
    ("保证收益", "| 项目 | 说明 |\n|---|---|\n| 收益 | 保证收益，不收管理费 |", T),
    ("保证收益", "| 项目 | 说明 |\n|---|---|\n| 保证收益 | 保证 |", T),
    ("guaranteed returns", "| Feature | Offered |\n|---|---|\n| Guaranteed returns | No |", F),
    ("guaranteed returns", "| Feature | Offered |\n|---|---|\n| Guaranteed returns | Not guaranteed |", F),
    ("guaranteed returns", "| Feature | Offered |\n|---|---|\n| Guaranteed returns | Not available |", F),
    ("guaranteed returns", "| Feature | Offered |\n|---|---|\n| Guaranteed returns | Yes |", T),
    ("guaranteed returns", "| Feature | Offered |\n|---|---|\n| Guaranteed returns | Yes, 4.5% a year |", T),
    ("保证收益", "- 保证收益：不保证\n- 期限：12个月", F),
    ("保证收益", "- 保证收益：否\n- 期限：12个月", F),
    ("保证收益", "- 保证收益：无\n- 期限：12个月", F),
    ("保证收益", "- 保证收益：是\n- 期限：12个月", T),
    ("保证收益", "- 保证收益：年化4.5%\n- 期限：12个月", T),
    ("guaranteed returns", "- Guaranteed returns: no\n- Term: 12 months", F),
    ("guaranteed returns", "- Guaranteed returns: none\n- Term: 12 months", F),
    ("guaranteed returns", "- Guaranteed returns: not offered\n- Term: 12 months", F),
    ("guaranteed returns", "- Guaranteed returns: yes\n- Term: 12 months", T),
    ("guaranteed returns", "Guaranteed returns are not available for this product.", F),
    ("guaranteed returns", "Guaranteed returns are not available with this fund.", F),
    ("guaranteed returns", "Guaranteed returns are not offered.", F),
    ("guaranteed returns", "Guaranteed returns are not something we can offer.", F),
    ("guaranteed returns", "No product here offers guaranteed returns.", F),
    ("guaranteed returns", "No fund on our platform offers guaranteed returns.", F),
    ("guaranteed returns", "None of our products offer guaranteed returns.", F),
    ("guaranteed returns", "Guaranteed returns? No.", F),
    ("guaranteed returns", "Guaranteed returns? Not at all.", F),
    ("guaranteed returns", "It is not a product with guaranteed returns.", F),
    ("guaranteed returns", "This is not a fund with guaranteed returns.", F),
    ("guaranteed returns", "There are no guaranteed returns.", F),
    ("guaranteed returns", "We cannot offer guaranteed returns.", F),
    ("guaranteed returns", "Guaranteed returns? Absolutely.", T),
    ("guaranteed returns", "Guaranteed returns? Yes, 4.5% a year.", T),
    ("guaranteed returns", "This fund offers guaranteed returns.", T),
    ("guaranteed returns", "Guaranteed returns are available for this product.", T),
    ("guaranteed returns", "It is a product with guaranteed returns.", T),
    ("guaranteed returns", "It is not only a product with guaranteed returns but also a liquid one.", T),
    ("guaranteed returns", "No fees, guaranteed returns, and daily liquidity.", T),
    ("guaranteed returns", "No doubt this fund offers guaranteed returns.", T),
    ("guaranteed returns", "No matter the market, you get guaranteed returns.", T),
    ("保证收益", "本产品不提供保证收益。", F),
    ("保证收益", "保证收益？没有。", F),
    ("保证收益", "没有任何产品能保证收益。", F),
    ("保证收益", "本产品并非保证收益型产品。", F),
    ("保证收益", "保证收益？有的，年化4.5%。", T),
    # neighbours: a cell of another column, another word negated, a limit by name, "no other", a yes taken back
    ("保证收益", "| 产品 | 特点 | 手续费 |\n|---|---|---|\n| 稳盈1号 | 保证收益 | 无 |", T),
    ("保证收益", "| 产品 | 特点 | 手续费 |\n|---|---|---|\n| 稳盈1号 | 保证收益 | 不收取 |", T),
    ("保证收益", "| 产品 | 保证收益 | 手续费 |\n|---|---|---|\n| 稳盈1号 | 是 | 无 |", T),
    ("保证收益", "| 特点 | 本产品 |\n|---|---|\n| 保证收益 | 有 |", T),
    ("保证收益", "保证收益：不保证本金。", T),
    ("保证收益", "保证收益，不保证本金。", T),
    ("guaranteed returns", "Guaranteed returns: not guaranteed, but historically 4%.", F),
    ("guaranteed returns", "Guaranteed returns: no fees either.", T),
    ("guaranteed returns", "Guaranteed returns are not available for the Basic plan.", T),
    ("guaranteed returns", "Guaranteed returns are not available for the basic plan, only for Premium.", T),
    ("guaranteed returns", "Guaranteed returns are not available on our platform.", F),
    ("guaranteed returns", "No other fund offers guaranteed returns like ours.", T),
    ("guaranteed returns", "No fund on the market offers guaranteed returns like this one does.", T),
    ("guaranteed returns", "No fund offers guaranteed returns except ours.", T),
    ("guaranteed returns", "No fund offers guaranteed returns, including ours.", F),
    ("guaranteed returns", "No fund offers guaranteed returns as of 2024.", F),
    ("guaranteed returns", "Is it a product with guaranteed returns? Yes.", T),
    ("guaranteed returns", "Is it a product with guaranteed returns? Absolutely not.", F),
    ("guaranteed returns", "Guaranteed returns? Of course not.", F),
    ("guaranteed returns", "Guaranteed returns? Certainly not.", F),
    ("保证收益", "保证收益？当然不是。", F),
    ("保证收益", "保证收益？当然。", T),
    ("保证收益", "保证收益？有的产品可以，本产品不行。", F),
]

Q3 = "Compare option A (SaaS) with option B (on-premises deployment): which suits a bank with strict data rules?"
Q5 = "What is the payback period of the risk engine, in months, given an investment of $1.8 million?"
Q2 = "某项目一次性投资1200万元，每年净节省90万元，请问投资回收期是多少个月？"
# the echo guard counts an English copy in words (a Latin word as two of the characters a Chinese copy is counted
# in): two words of the question around a point are no copy of it, a sentence of it still is
ECHO_ROWS = [
    (Q3, "on-premises", Q3 + "\n\nAnswer: on-premises deployment.", C),
    (Q3, "on-premises", "Option B (on-premises deployment) suits such a bank.", C),
    (Q3, "on-premises", "Go with on-premises deployment.", C),
    (Q3, "on-premises", "On-premises deployment suits a bank with strict data rules.", C),
    (Q3, "on-premises", Q3, E),
    (Q3, "on-premises", "Compare option A (SaaS) with option B (on-premises deployment)", E),
    (Q3, "on-premises", "option B (on-premises deployment): which suits a bank", E),
    (Q3, "SaaS", "Compare option A (SaaS) with option B", E),
    (Q3, "SaaS", "Choose option A (SaaS).", C),
    (Q5, "$1.8 million", "Given an investment of $1.8 million, the payback is 24 months.", E),
    (Q5, "24 months", "Given an investment of $1.8 million, the payback is 24 months.", C),
    (Q2, "1200万元", "投资1200万元，每年净节省90万元，回收期为160个月。", E),
    (Q2, "160个月", "某项目一次性投资1200万元，每年净节省90万元，投资回收期=1200/90×12=160个月。", C),
    (Q2, "90万元", Q2, E),
]


# the rules' neighbours: a bound, a negation or a guess among values before a share; a part of a period (the first
# half of the year, a quarter of an hour); decimals said without a whole (point five); a change of the subject after
# its figure (the ROI is 20% lower) or named by its label (下降为20% is a level, not a fall by 20%); quotes
NEIGHBOUR_ROWS = [
    ("1/3", "超过三分之一的客户选择了年付。", CN, N),
    ("1/3", "不到三分之一的客户选择了年付。", CN, N),
    ("1/3", "More than a third of customers pay yearly.", None, N),
    ("1/3", "Less than one third of customers pay yearly.", None, N),
    ("1/3", "Nearly one third of customers pay yearly.", None, C),
    ("1/3", "不是三分之一，而是四分之一。", CN, N),
    ("1/3", "约三分之一或四分之一的客户选择了年付。", CN, N),
    ("1/3", "One third or one quarter of customers pay yearly.", None, N),
    ("1/4", "Not a quarter of the tickets, but a third of them.", None, N),
    ("50%", "One-half of respondents said yes.", None, C),
    ("50%", "不到一半的客户选择了年付。", CN, N),
    ("50%", "将近一半的客户选择了年付。", CN, C),
    ("50%", "过半数客户同意。", CN, N),
    ("50%", "近半数客户同意。", CN, C),
    ("1/2", "二分之一的客户同意。", CN, C),
    ("1/2", "Half of the customers agreed.", None, C),
    ("50%", "We ran a half-day workshop.", None, N),
    ("50%", "Sales peak in the first half of the year.", None, N),
    ("50%", "Sales peak in the second half of the year.", None, N),
    ("25%", "Setup takes a quarter of an hour.", None, N),
    ("25%", "Three quarters of the budget goes to licences.", None, N),
    ("20%", "客户流失率为一成半。", CN, N),
    ("15%", "客户流失率为一成半。", CN, C),
    ("35%", "三成五的客户续费。", CN, C),
    ("5 customers", "Only point five customers per agent.", None, N),
    ("0.5 seconds", "Latency is zero point five seconds.", None, C),
    ("5 seconds", "Latency is zero point five seconds.", None, N),
    ("10 months", "It takes ten point five months.", None, N),
    ("5.5 years", "It takes five and a half years.", None, C),
    ("5 years", "It takes five and a half years.", None, N),
    ("66 months", "It takes five and a half years.", None, C),
    ("1 point", "We offer one point of contact.", None, C),
    ("半年", "半年报将于8月发布。", None, N),
    ("半年", "下半年上线。", None, N),
    ("半年", "预计半年或一年完成。", None, N),
    ("半年", "预计6个月或12个月完成。", None, N),
    ("半年", "预计超过6个月完成。", None, N),
    ("半年", "6个月前已完成部署。", None, N),
    ("一年半", "预计1年半回本。", None, C),
    ("一年", "预计1年回本。", None, C),
    ("半个月", "预计0.5个月完成。", None, C),
    ("回收期20个月", "回收期不为20个月。", None, N),
    ("回收期20个月", "回收期为20个月或24个月。", None, N),
    ("回收期20个月", "回收期为20个月至24个月。", None, N),
    ("回收期20个月", "回收期为“20个月”。", None, C),
    ("回收期20个月", "回收期为20个月前后。", None, C),
    ("ROI 20%", "The ROI is 20% lower than last year.", None, N),
    ("ROI 20%", "ROI为20%的增长。", None, N),
    ("ROI 20%", "The ROI is 12%; 20% is the target.", None, N),
    ("ROI 20%", "ROI为20%-25%。", None, N),
    ("ROI 20%", "ROI at 20%.", None, C),
    ("下降20%", "成本下降为20%。", None, N),
    ("下降20%", "成本下降了20%。", None, C),
    ("下降20%", "成本下降了约20%。", None, C),
    ("增长20%", "营收增长达20%。", None, C),
    ("年净节省90万元", "年净节省为90万元。", None, C),
    ("payback 20 months", "A payback of 20 months.", None, C),
    ("payback 20 months", "The payback is 120 months.", None, N),
    ("payback 20 months", "The payback is not 20 months.", None, N),
    ("20个月", '{"回收期": "20个月", "旧值": "18个月"}', None, C),
    ("18个月", '{"回收期": "20个月", "旧值": "18个月"}', None, N),
    ("20个月", '{"old": "20个月", "new": "24个月"}', None, N),
    ("20个月", '[{"旧值": "20个月", "新值": "24个月"}]', None, N),
    ("18 months", "Answer: B (24 months). Not A (18 months): too optimistic.", None, N),
    ("18个月", "答案是A（18个月），不选B的原因：20个月的假设过于保守。", None, C),
    ("20个月", "答案是A（18个月），不选B的原因：20个月的假设过于保守。", None, N),
]


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 36


ALL_STATUS_ROWS = FRACTION_ROWS + PERCENT_ROWS + SPELLED_ROWS + HALF_ROWS + SUBJECT_ROWS + JSON_ROWS + REJECTED_ROWS
ALL_STATUS_ROWS += NEIGHBOUR_ROWS


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ALL_STATUS_ROWS)
def test_a_key_point_said_in_other_words(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    got = status(point, answer, forms)
    assert (got != "covered") if expected == N else got == expected, (point, answer, got)


@pytest.mark.parametrize(("claim", "answer", "expected"), FORBIDDEN_ROWS)
def test_a_forbidden_claim_denied_in_a_cell_or_in_other_words(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected


Q6 = "How many employees does Huaxin Bank have?"
CTX = (
    "Huaxin Bank was founded in 1997 and is headquartered in Suzhou. At the end of 2023 its total assets were about "
    "580 billion yuan, and it had about 4,300 employees, making it a regional city commercial bank."
)
# with retrieved context (its copies count from 40: twenty English words): a line of it quoted as the answer is no
# echo, as 员工人数约4300人 is not (v9); a dump of it still is
CONTEXT_ECHO_ROWS = [
    (Q6, CTX, "4,300 employees", "Huaxin Bank had about 4,300 employees at the end of 2023.", C),
    (Q6, CTX, "4,300 employees", "According to the documents, it had about 4,300 employees.", C),
    (Q6, CTX, "4,300 employees", CTX, E),
    (Q6, CTX, "4,300 employees", "Context: " + CTX + " So: see above.", E),
]


def _echo_status(question: str, point: str, answer: str, context: str | None = None) -> str:
    case = Case(id="q", category="c", question=question, suite="t", source="t.yaml", key_points=(KeyPoint(point),))
    sources = {"question": question, **({"context": context} if context else {})}
    return score_answer(case, answer, sources).points[0].status


@pytest.mark.parametrize(("question", "point", "answer", "expected"), ECHO_ROWS)
def test_the_echo_guard_counts_english_copies_in_words(question: str, point: str, answer: str, expected: str) -> None:
    assert _echo_status(question, point, answer) == expected


@pytest.mark.parametrize(("question", "context", "point", "answer", "expected"), CONTEXT_ECHO_ROWS)
def test_the_echo_guard_counts_english_copies_of_the_context_in_words(
    question: str, context: str, point: str, answer: str, expected: str
) -> None:
    assert _echo_status(question, point, answer, context) == expected


def test_no_probe_takes_a_fifth_of_a_second() -> None:
    status("1/3", "约三分之一。", CN)  # the segmenter and Chinese numerals loaded first, not counted (a fresh worker
    # pays ~0.6 s for them at its first Chinese row, whichever test that is); each probe timed as `slowest_call` times
    slowest = slowest_call(partial(status, point, answer, forms) for point, answer, forms, _ in ALL_STATUS_ROWS)
    slowest = max(slowest, slowest_call(partial(charged, claim, answer) for claim, answer, _ in FORBIDDEN_ROWS))
    assert slowest < 0.2, slowest
