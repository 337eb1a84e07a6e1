"""Scorer v56: a time or a qualifier between a subject and its figure, and a hostile pass over v55's superseded rule.

Each class, with the rows that were wrong before beside the rows that must keep their verdict (C covered, N not):
- a period or a qualifier of how the figure is counted between the subject and its verb (ROI last year was 20%, The
  ROI, after tax, is 20%, The payback period under current prices is 20 months, ROI按三年计算为50%, 回收期按当前价格约
  为20个月, ROI去年为20%, ROI税后为20%) missed right answers - v48's adverbials (`numbers/roundabout.py`) knew "in
  2023", 在…下 and 今年 but not "last year", "this year", 去年, 上季度, 按…计算 or "after tax"; another holder (The
  ROI of the competitor is 20%, 回收期按竞争对手的价格为20个月), a negation, a condition and a bound between stay not
  covered, and the period's own value is still superseded by a later one (The ROI last year was 20%; this year it is
  15%);
- the later value after an earlier period that stands between the subject and its earlier figure (ROI去年为15%，今年为
  20%; The ROI last year was 15%; this year it is 20%; ROI 2023年为15%，2024年为20%) was missed: `_LATER_PERIOD_LINK`
  takes the earlier period there too, and a later year as a later period in Chinese;
- a bare point's figure given as an earlier period's value whose quantity the answer says has moved to another level
  (总资产截至2021年末为5800亿元，目前已增至约6500亿元; Total assets were 5800亿元 in 2021; they have since grown to
  6600亿元) was credited: v55 kept every bare point (it may ask any period's value), which stays so for a period's own
  value beside another (去年节省120万，今年节省90万) - only a verb that moves the quantity to a new level (已增至,
  已降至, 已调整为, has since grown to) supersedes it (`keywords/periods.py`, `_MOVED_TO`);
- a table with a Year column whose earlier row gives a named subject's figure and whose now row (目前, 当前, This
  year) gives it another (| 2023 | 20% | … | 目前 | 15% |; a transposed table's 目前 column too) was credited: v55
  read periods in sentences only, v33 tables only under 旧值 / 新值 headers (`keywords/periods.py`,
  `superseded_in_its_column`); a series of years, a forecast row and a bare point keep their readings;
- long answers in the shape real answers take (Markdown headings, a 年份 / Year column, a 历史对比 / Year-over-year
  section) for the shipped cases, scored against their case: the current figure stays covered beside earlier values in
  a history section, and a figure given only as history that has since moved is not (`LONG_ANSWERS`); what v56 still
  gets wrong is pinned as strict xfails (`LEFT_LONG`).
"""

from __future__ import annotations

import pytest
from scorer_rows import LongAnswer, check_long_answer, check_status, long_answer_ids, long_answer_rows, shipped_cases

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

BETWEEN_ROWS: list[Row] = [
    # wrong under v55 (missing): a period or a qualifier between the subject and its verb
    ("ROI 20%", "ROI last year was 20%.", None, C),
    ("ROI 20%", "The ROI last year was 20%.", None, C),
    ("ROI 20%", "ROI this year is 20%.", None, C),
    ("ROI 20%", "The ROI this quarter is 20%.", None, C),
    ("ROI 20%", "The ROI in Q3 was 20%.", None, C),
    ("ROI 20%", "The ROI for 2023 was 20%.", None, C),
    ("ROI 20%", "The ROI as of 2023 was 20%.", None, C),
    ("ROI 20%", "The ROI over the past year was 20%.", None, C),
    ("ROI 20%", "The ROI to date is 20%.", None, C),
    ("ROI 20%", "The ROI next year will be 20%.", None, C),
    ("回收期20个月", "The payback period under current prices is 20 months.", None, C),
    ("ROI 20%", "The ROI at current prices is 20%.", None, C),
    ("ROI 20%", "The ROI, after tax, is 20%.", None, C),
    ("ROI 20%", "The ROI after tax is 20%.", None, C),
    ("ROI 20%", "The ROI, before tax, is about 20%.", None, C),
    ("ROI 20%", "The ROI, on an after-tax basis, is 20%.", None, C),
    ("ROI 50%", "ROI按三年计算为50%。", None, C),
    ("回收期20个月", "回收期按当前价格约为20个月。", None, C),
    ("回收期20个月", "回收期以当前价格计算为20个月。", None, C),
    ("回收期20个月", "回收期按保守假设为20个月左右。", None, C),
    ("ROI 20%", "ROI去年为20%。", None, C),
    ("ROI 20%", "ROI上季度为20%。", None, C),
    ("ROI 20%", "ROI 2023年为20%。", None, C),
    ("ROI 20%", "ROI税后为20%。", None, C),
    ("ROI 20%", "ROI扣除补贴后为20%。", None, C),
    # covered under v55 too (the neighbours the class grew from)
    ("ROI 20%", "The ROI was 20% last year.", None, C),
    ("ROI 20%", "The ROI in 2023 was 20%.", None, C),
    ("ROI 20%", "The ROI for the pilot is 20%.", None, C),
    ("回收期20个月", "回收期在当前条件下为20个月。", None, C),
    ("ROI 20%", "ROI今年为20%。", None, C),
    ("回收期20个月", "The payback period, under current assumptions, is about 20 months.", None, C),
    # kept not covered: another subject or holder, a negation, a condition, a bound, a change, a later value
    ("ROI 20%", "The ROI of the competitor is 20%.", None, N),
    ("ROI 20%", "The ROI of the competitor last year was 20%.", None, N),
    ("ROI 20%", "The ROI for the competitor is 20%.", None, N),
    ("回收期20个月", "The payback period under the competitor's prices is 20 months.", None, N),
    ("回收期20个月", "回收期在竞争对手那里为20个月。", None, N),
    ("回收期20个月", "回收期按竞争对手的价格为20个月。", None, N),
    ("ROI 20%", "竞争对手的ROI今年为20%。", None, N),
    ("ROI 20%", "The IRR last year was 20%.", None, N),
    ("ROI 20%", "The ROI last year, IRR was 20%.", None, N),
    ("ROI 20%", "ROI去年，IRR为20%。", None, N),
    ("ROI 20%", "The ROI last year was not 20%.", None, N),
    ("ROI 20%", "ROI last year wasn't 20%.", None, N),
    ("ROI 20%", "The ROI, after tax, is not 20%.", None, N),
    ("ROI 20%", "ROI去年不是20%。", None, N),
    ("ROI 20%", "ROI今年不是20%。", None, N),
    ("ROI 20%", "ROI税后不到20%。", None, N),
    ("ROI 20%", "ROI按三年计算不会超过20%。", None, N),
    ("ROI 20%", "If the ROI last year was 20%, the project is worth doing.", None, N),
    ("ROI 20%", "如果ROI按三年计算为20%，项目就值得做。", None, N),
    ("ROI 20%", "如果获批，ROI今年为20%，项目就值得做。", None, N),  # v52 Left: 就 ends the antecedent
    ("ROI 20%", "The ROI last year was above 20%.", None, N),
    ("ROI 20%", "The ROI this year is over 20%.", None, N),
    ("ROI 20%", "ROI去年超过20%。", None, N),
    ("ROI 20%", "ROI今年超过20%。", None, N),
    ("ROI 20%", "ROI去年提升了20%。", None, N),
    ("ROI 20%", "The ROI last year rose by 20%.", None, N),
    ("ROI 20%", "The ROI, after tax, is 20% lower.", None, N),
    ("ROI 20%", "The ROI this year is 20% higher than last year.", None, N),
    ("ROI 20%", "ROI今年比去年高20%。", None, N),
    ("ROI 20%", "ROI按三年计算，20%的客户会流失。", None, N),  # v49: a figure of the words after it
    ("ROI 20%", "ROI以IRR计算为20%。", None, N),  # another metric in the qualifier
    ("ROI 20%", "ROI可以按照竞争对手的口径计算为20%。", None, N),
    ("ROI 20%", "ROI至今未达到20%。", None, N),
    ("ROI 20%", "ROI至今仍不到20%。", None, N),
    ("ROI 20%", "The ROI so far is less than 20%.", None, N),
    ("ROI 20%", "The ROI to date is 20% below plan.", None, N),
    ("ROI 20%", "The ROI, after tax, is not expected to reach 20%.", None, N),
    ("ROI 20%", "The ROI, excluding the competitor's subsidies, is 20%.", None, N),
    ("回收期20个月", "回收期按目前的价格测算，约为20个月的两倍。", None, N),
    ("ROI 20%", "ROI去年是否为20%？", None, N),
    ("ROI 20%", "如果ROI全年为20%，就能达标。", None, N),
    ("ROI 20%", "ROI至今为20%。", None, C),
    ("ROI 20%", "ROI全年为20%左右。", None, C),
    ("ROI 20%", "The ROI, after tax, is expected to reach 20%.", None, C),
    ("回收期20个月", "回收期在当前价格下为20个月，去年为24个月。", None, C),
    # the period's own value stays superseded by a later one (v55)
    ("ROI 20%", "The ROI last year was 20%; this year it is 15%.", None, N),
    ("ROI 20%", "ROI last year was 20%, and this year it is 15%.", None, N),
    ("ROI 20%", "ROI去年为20%，今年降至15%。", None, N),
]

LATER_VALUE_ROWS: list[Row] = [
    # wrong under v55 (missing): the earlier period between the subject and its earlier figure
    ("ROI 20%", "ROI去年为15%，今年为20%。", None, C),
    ("ROI 20%", "The ROI last year was 15%; this year it is 20%.", None, C),
    ("ROI 20%", "ROI 2023年为15%，今年为20%。", None, C),
    ("ROI 20%", "ROI 2023年为15%，2024年为20%。", None, C),
    ("ROI 20%", "2023年ROI为15%，2024年为20%。", None, C),
    # covered under v55 too
    ("ROI 20%", "The ROI was 15% last year; this year it is 20%.", None, C),
    # kept not covered: the earlier value superseded, another subject's later value, a negation
    ("ROI 15%", "ROI去年为15%，今年为20%。", None, N),
    ("ROI 20%", "ROI去年为15%，今年IRR为20%。", None, N),
    ("ROI 20%", "ROI 2023年为15%，2024年IRR为20%。", None, N),
    ("ROI 20%", "The ROI last year was 15%; this year the IRR is 20%.", None, N),
    ("ROI 20%", "ROI去年为15%，今年不是20%。", None, N),
    # wrong under v55 (credited): a later period alone before a figure of the words after it
    ("ROI 20%", "ROI为15%，今年20%的客户续约。", None, N),
    ("ROI 20%", "ROI去年为15%，今年20%的客户续约。", None, N),
    ("ROI 20%", "ROI为15%，2024年20%的客户续约。", None, N),
    ("ROI 20%", "The ROI was 15% last year; now 20% of users renew.", None, N),
    ("ROI 20%", "ROI去年为15%，今年20%。", None, C),
    ("ROI 20%", "ROI去年为15%，今年20%的水平。", None, C),  # 的水平: the figure's own noun (v52)
    ("ROI 20%", "The ROI was 15% last year; now 20%.", None, C),
]

MOVED_ROWS: list[Row] = [
    # wrong under v55 (credited): a bare point's earlier figure whose quantity has since moved to another level
    ("5800亿元", "总资产截至2021年末为5800亿元，目前已增至约6500亿元。", None, N),
    ("4300人", "员工2021年约4300人，现在已增至5200人。", None, N),
    ("120万", "去年节省120万，今年已降至90万。", None, N),
    ("5800亿元", "Total assets were 5800亿元 in 2021; they have since grown to 6600亿元.", None, N),
    ("ROI 20%", "The ROI was 20% in 2023; it has since grown to 25%.", None, N),  # "grown" names nothing
    # kept covered: each period's own value beside another (the lead's review of v55), the same level again, a series
    ("120万", "去年节省120万，今年节省90万。", None, C),
    ("78%", "告警量去年下降了78%，今年又下降了10%。", None, C),
    ("860万元", "2020年合同金额为860万元，2022年合同金额为1200万元。", None, C),
    ("5800亿元", "总资产2021年为5800亿元，2023年已增至6500亿元。", None, C),  # a series of years
    ("5800亿元", "总资产去年为5800亿元，今年仍为5800亿元。", None, C),
    ("6500亿元", "总资产截至2021年末为5800亿元，目前已增至约6500亿元。", None, C),
]

_TABLE_EARLIER_NOW = "| 年份 | ROI |\n|---|---|\n| 2023 | 20% |\n| 目前 | 15% |\n"
_TABLE_NOW_EARLIER = "| 年份 | ROI |\n|---|---|\n| 目前 | 20% |\n| 2023 | 15% |\n"
_TABLE_TRANSPOSED = "| 指标 | 2023 | 目前 |\n|---|---|---|\n| ROI | 20% | 15% |\n| IRR | 12% | 14% |\n"
_TABLE_TWO_COLUMNS = "| 年份 | ROI | IRR |\n|---|---|---|\n| 2023 | 20% | 15% |\n| 目前 | 18% | 15% |\n"
TABLE_ROWS: list[Row] = [
    # wrong under v55 (credited): a Year column's earlier row, a now row of the same column with another value
    ("ROI 20%", _TABLE_EARLIER_NOW, None, N),
    ("ROI 15%", _TABLE_NOW_EARLIER, None, N),  # the now row above the earlier one
    ("ROI 20%", "| Year | ROI |\n|---|---|\n| Last year | 20% |\n| This year | 15% |\n", None, N),
    ("ROI 20%", "| 年份 | ROI |\n|---|---|\n| 2023年 | 20% |\n| 当前（2024） | 15% |\n", None, N),
    ("ROI 20%", _TABLE_TWO_COLUMNS, None, N),
    ("ROI 20%", _TABLE_TRANSPOSED, None, N),  # the periods as columns (v33 Left the same shape for 旧值 / 新值)
    # kept covered: the now row's own value, another column, a series of years, a forecast, the same value, a bare
    # point, a now row of another table
    ("ROI 15%", _TABLE_EARLIER_NOW, None, C),
    ("ROI 20%", _TABLE_NOW_EARLIER, None, C),
    ("IRR 15%", _TABLE_TWO_COLUMNS, None, C),
    ("ROI 15%", _TABLE_TRANSPOSED, None, C),
    ("ROI 20%", "| 指标 | 2023 | 2024 |\n|---|---|---|\n| ROI | 20% | 15% |\n", None, C),
    ("ROI 20%", "| 指标 | 去年 | 今年（预计） |\n|---|---|---|\n| ROI | 20% | 15% |\n", None, C),
    ("ROI 20%", "| 年份 | ROI |\n|---|---|\n| 2023 | 20% |\n| 2024 | 15% |\n", None, C),
    ("ROI 20%", "| 年份 | ROI |\n|---|---|\n| 去年 | 20% |\n| 今年（预计） | 15% |\n", None, C),
    ("ROI 20%", "| 年份 | ROI |\n|---|---|\n| 去年 | 20% |\n| 今年 | 预计15% |\n", None, C),
    ("ROI 20%", "| 年份 | ROI |\n|---|---|\n| 2023 | 20% |\n| 目前 | 20% |\n", None, C),
    ("20%", _TABLE_EARLIER_NOW, None, C),
    ("ROI 20%", "| 年份 | ROI |\n|---|---|\n| 2023 | 20% |\n\n| 方案 | ROI |\n|---|---|\n| 目前 | 15% |\n", None, C),
]

BG_ZH_1 = """## 华信银行基本情况

**成立时间**：1997年，总部位于江苏省苏州市。

### 规模
| 指标 | 当前 |
|---|---|
| 总资产 | 约5800亿元 |
| 员工人数 | 约4300人 |

### 历史对比
- 2019年：总资产约4200亿元，员工约3600人；
- 2021年：总资产约5100亿元，员工约4000人；
- 目前：总资产约5800亿元，员工约4300人。

### 主要痛点
信用卡欺诈损失上升，反洗钱告警依赖人工复核，误报率高。"""

BG_ZH_WRONG_1 = """## 华信银行基本情况

成立于1997年，总部在苏州。

### 规模
- 总资产：截至2021年末为5800亿元，目前已增至约6500亿元；
- 员工：2021年约4300人，现在已增至约5200人。

### 主要痛点
信用卡欺诈和人工复核压力。"""

BG_EN_1 = """## Huaxin Bank at a glance

- **Founded:** 1997, headquartered in Suzhou.
- **Total assets:** about 5800亿元 (RMB 580 billion) today.
- **Employees:** roughly 4300人.

### Year-over-year
| Year | Total assets | Employees |
|---|---|---|
| 2020 | 4600亿元 | 3800人 |
| 2022 | 5300亿元 | 4100人 |
| Now | 5800亿元 | 4300人 |

### Pain points
Credit-card fraud (信用卡欺诈) losses and heavy manual review (人工复核) of AML alerts."""

BG_EN_WRONG_1 = """## Huaxin Bank at a glance

- Founded in 1997, headquartered in Suzhou.
- Total assets were 5800亿元 in 2021; they have since grown to 6600亿元.
- Headcount was 4300人 in 2021 and has since grown to 5000人.

Main pain points: credit-card fraud (信用卡欺诈) and manual review (人工复核)."""

COOP_ZH_1 = """## 合作历程

我们与华信城商行自**2020年**开始合作。

| 年份 | 合同 | 产品 | 金额 | 状态 |
|---|---|---|---|---|
| 2020年 | 首单 | 智能风控平台 | 860万元 | 已验收 |
| 2022年 | 二期 | 反洗钱监测系统 | 1200万元 | 已上线 |
| 2024年 | 三期 | 信贷审批引擎 | 340万元 | 实施中 |

### 历史对比
合同金额从2020年的860万元增长到2022年的1200万元，2024年的三期为340万元，目前处于实施中。"""

COOP_ZH_WRONG_1 = """## 合作历程

双方从2020年开始接触。

- 智能风控平台：2020年签约860万元，目前经增补合同金额已调整为920万元，已验收；
- 反洗钱监测系统：2022年签约1200万元，现已调整为1350万元，已上线；
- 信贷审批引擎：去年签约340万元，今年合同金额已调整为380万元，实施中。"""

HYB_ZH_1 = """## 结论
合同YT-HT-2022-031是华信银行采购的**反洗钱监测系统**，金额**1200万元**。

## 做法
系统通过规则引擎与机器学习模型结合做告警降噪，把低风险告警自动归并。

## 实际效果
| 时间 | 每日需人工核对告警 | 降幅 |
|---|---|---|
| 上线前 | 约38000笔 | - |
| 目前 | 约8400笔 | 78% |

### 历史对比
上线第一季度告警量下降了52%，此后随着模型迭代，目前累计下降78%，每日人工核对量降至8400笔左右。"""

HYB_ZH_WRONG_1 = """## 结论
合同YT-HT-2022-031：华信银行，反洗钱监测系统，合同金额为1200万元。

## 实际效果
- 上线初期每日人工核对量为8400笔，告警量下降了78%；
- 今年模型升级后，每日人工核对量已降至3100笔，累计降幅为92%。"""

PROD_ZH_1 = """## 推荐产品：信贷审批引擎（CreditFlow）

### 效果
- 审批时长：从平均3天缩短至**5分钟**以内；
- 自动审批率：约**85%**。

### 部署与报价
支持私有化部署，参考报价**200万元**起。

### 参考客户
华信银行（2024年上线）。

### 历史版本对比
- 2022年版本：审批时长约30分钟，自动审批率约60%；
- 当前版本：5分钟以内，自动审批率85%。"""

PROD_EN_WRONG_1 = """## Recommendation: CreditFlow (信贷审批引擎)

- Approval time: 5分钟 in the 2022 release; the current release approves in about 2分钟.
- Auto-approval rate: 85% last year; it has since risen to 93%.
- Deployment: 私有化部署.
- Price: 200万元 in 2023; it has since been raised to 260万元.
- Reference customer: 华信银行."""

COMP_ZH_1 = """## 深澜数据的金融客户
- 瑞丰财险
- 海东消费金融
- 华鑫农商银行（从我们手里抢走的一单）

## 华鑫农商银行一役
| 方 | 方案 | 报价 |
|---|---|---|
| 深澜数据 | 深澜风控云 | 180万元 |
| 我方 | 智能风控平台 | 320万元 |

### 历史对比
此前在瑞丰财险项目中，深澜报价约150万元；华鑫项目中报价为180万元，仍明显低于我方的320万元。"""

COMP_ZH_WRONG_1 = """## 华鑫农商银行一役
- 深澜数据以深澜风控云参与，初次报价180万元，最终报价降至150万元；
- 我方以智能风控平台参与，初次报价320万元，最终报价为290万元。

代表客户还有瑞丰财险和海东消费金融。"""

ROI_ZH_1 = """## 测算结果

| 指标 | 数值 |
|---|---|
| 年人力节省 | 120万元 |
| 年净节省额 | 90万元 |
| 静态投资回收期 | 20个月 |
| 三年总节省 | 360万元 |
| 三年总投入 | 240万元 |
| 三年ROI | 50% |

## 历史对比
去年同类项目（另一门店群）的回收期为26个月，三年ROI为35%；本项目回收期为20个月，ROI为50%。"""

ROI_ZH_WRONG_1 = """## 测算结果
- 年人力节省：120万元
- 年净节省额：90万元

## 历史对比
去年测算的回收期为20个月，目前已缩短至17个月；去年测算的三年ROI为50%，今年已提高到76%。"""

ROI_EN_1 = """## Summary

- Net annual saving: 90万元 (120万元 − 30万元).
- Payback period: 20个月 (150 ÷ 90 ≈ 1.67 years).
- Three-year ROI: 50% ((360万 − 240万) ÷ 240万).

## Year-over-year
Last year a similar rollout had a payback of 26个月 and a three-year ROI of 35%;
this project's payback is 20个月 and its ROI is 50%."""

ROI_EN_WRONG_1 = """## Summary

- Net annual saving: 90万元.
- Payback: 20个月 last year; it has since fallen to 17个月.
- Three-year ROI: 50% last year; it has since risen to 76%."""

NEAR_ZH_1 = """## 推荐：选智能风控引擎

### 费用测算（年调用量800万次）
| 项目 | 金额 |
|---|---|
| 年费（含500万次） | 60万元 |
| 超出部分：300万次 × 0.08元 | 24万元 |
| 首年合计 | 84万元 |

### 历史对比
去年调用量约600万次时，超出部分为100万次，费用8万元，合计68万元；今年按800万次计，超出300万次，合计84万元，仍在100万元预算内。"""

NEAR_ZH_WRONG_1 = """## 推荐：选智能风控引擎

- 去年年调用量约800万次，超出300万次，超额费用24万元，合计84万元；
- 今年调用量已增至1000万次，超出500万次，超额费用40万元，合计100万元。"""

ROI_ZH_2 = """### 三年现金流

| 年份 | 人力节省 | 运维费 | 一次性投入 | 当年净额 |
|---|---|---|---|---|
| 第1年 | 120万元 | 30万元 | 150万元 | -60万元 |
| 第2年 | 120万元 | 30万元 | - | 90万元 |
| 第3年 | 120万元 | 30万元 | - | 90万元 |

- 年净节省额：90万元
- 静态投资回收期：150 ÷ 90 ≈ 1.67年，约20个月
- 三年ROI：（360万 − 240万）÷ 240万 = 50%

### 历史对比
公司2022年上线的语音质检项目，回收期为28个月，三年ROI为30%；本项目明显更优。"""

BG_ZH_2 = """华信银行成立于1997年，总部在苏州。截至2023年末，总资产约5800亿元，员工约4300人。

### 历史对比
与2020年相比，资产规模增长约26%（2020年约4600亿元），员工由约3800人增至约4300人。

### 痛点
信用卡欺诈损失增加；反洗钱告警大量依赖人工复核。"""

NEAR_EN_1 = """## Recommendation: 选智能风控引擎

| Item | Amount |
|---|---|
| Annual fee (incl. 5 million calls) | 60万元 |
| Overage: 300万次 × 0.08元 | 24万元 |
| First-year total | 84万元 |

### Year-over-year
Last year the volume was about 600万 calls, so the total was 68万元;
at 800万 calls this year the total is 84万元, still within the 100万元 budget."""

PROD_ZH_WRONG_2 = """## 推荐：信贷审批引擎

- 审批时长：5分钟以内；
- 自动审批率：2022年为85%，目前已提升至92%；
- 参考报价：去年为200万元，今年已上调至240万元；
- 部署：私有化部署；参考客户：华信银行。"""

COOP_EN_1 = """## Cooperation history with 华信城商行

We have worked together since 2020年.

| Year | Product | Amount | Status |
|---|---|---|---|
| 2020 | 智能风控平台 | 860万元 | accepted |
| 2022 | 反洗钱监测系统 | 1200万元 | live |
| 2024 | 信贷审批引擎 | 340万元 | 实施中 |

### Year-over-year
The contract value rose from 860万元 in 2020 to 1200万元 in 2022;
the 2024 contract (340万元) is still being implemented."""

# (case id, what the answer is like, the answer, {key point: its status as a careful grader gives it})
LONG_ANSWERS: list[LongAnswer] = [
    ("kb_company_background", "zh table, 历史对比", BG_ZH_1, {"1997年": C, "5800亿元": C, "4300人": C}),
    ("kb_company_background", "zh only history, since moved", BG_ZH_WRONG_1, {"5800亿元": N, "4300人": N}),
    ("kb_company_background", "en Year-over-year table", BG_EN_1, {"1997年": C, "5800亿元": C, "4300人": C}),
    ("kb_company_background", "en only history, since grown", BG_EN_WRONG_1, {"5800亿元": N, "4300人": N}),
    (
        "kb_cooperation_history",
        "zh 年份 table, 历史对比",
        COOP_ZH_1,
        {"2020年": C, "860万元": C, "1200万元": C, "340万元": C},
    ),
    ("kb_hybrid_retrieval", "zh effect table, 历史对比", HYB_ZH_1, {"1200万元": C, "8400笔": C, "78%": C}),
    ("kb_hybrid_retrieval", "zh effect at launch, since improved", HYB_ZH_WRONG_1, {"1200万元": C}),
    ("kb_product_recommendation", "zh 历史版本对比", PROD_ZH_1, {"5分钟": C, "85%": C, "200万元": C}),
    ("kb_product_recommendation", "en only last year's, since moved", PROD_EN_WRONG_1, {"85%": N, "200万元": N}),
    ("kb_competitor_customers", "zh table, 历史对比", COMP_ZH_1, {"180万元": C, "320万元": C}),
    # Decided: a first bid is a bid the question asks about (当时…多少报价参与竞争), the final one beside it
    ("kb_competitor_customers", "zh first and final bids", COMP_ZH_WRONG_1, {"180万元": C, "320万元": C}),
    (
        "roi_calculation",
        "zh table, 历史对比 of another project",
        ROI_ZH_1,
        {"120万": C, "90万": C, "20个月": C, "360万": C, "240万": C, "50%": C},
    ),
    ("roi_calculation", "zh only last year's estimate", ROI_ZH_WRONG_1, {"90万": C, "20个月": N, "50%": N}),
    (
        "roi_calculation",
        "en Year-over-year of another rollout",
        ROI_EN_1,
        {"90万": C, "20个月": C, "50%": C, "360万": C, "240万": C},
    ),
    ("roi_calculation", "en only last year's, since moved", ROI_EN_WRONG_1, {"90万": C, "20个月": N, "50%": N}),
    ("roi_calculation", "zh 年份 table of three years", ROI_ZH_2, {"90万": C, "20个月": C, "50%": C, "360万": C}),
    ("kb_company_background", "zh prose, 历史对比", BG_ZH_2, {"1997年": C, "5800亿元": C, "4300人": C}),
    ("near_match_precision", "en table, Year-over-year", NEAR_EN_1, {"300万次": C, "24万": C, "84万": C}),
    (
        "kb_product_recommendation",
        "zh rate and price since moved",
        PROD_ZH_WRONG_2,
        {"5分钟": C, "85%": N, "200万元": N},
    ),
    (
        "kb_cooperation_history",
        "en Year column, Year-over-year",
        COOP_EN_1,
        {"2020年": C, "860万元": C, "1200万元": C, "340万元": C},
    ),
    ("near_match_precision", "zh table, 历史对比", NEAR_ZH_1, {"300万次": C, "24万": C, "84万": C}),
    ("near_match_precision", "zh last year's volume, this year's more", NEAR_ZH_WRONG_1, {"300万次": N}),
    # left under v56, fixed in v58: the synonym 1200万 read to its 元 (scoring._with_its_yuan), so v19's 调整为 reads
    # 1200万元，现已调整为1350万元 as a changed figure through it as through the point
    ("kb_cooperation_history", "zh signed, since adjusted (1200万元)", COOP_ZH_WRONG_1, {"1200万元": N}),
]
# Left (v56): a figure given only as history that a careful grader would not credit, still credited - strict xfails
LEFT_LONG: list[LongAnswer] = [
    # the later clause names the subject anew (合同金额), which v55 reads as another subject's value
    ("kb_cooperation_history", "zh signed, since adjusted", COOP_ZH_WRONG_1, {"860万元": N, "340万元": N}),
    # 上线初期 is an event's stage, no period word (`keywords/periods.py` reads periods only)
    ("kb_hybrid_retrieval", "zh effect at launch, since improved", HYB_ZH_WRONG_1, {"8400笔": N, "78%": N}),
    # a release named by its year (the 2022 release) is no period word either
    ("kb_product_recommendation", "en only the 2022 release", PROD_EN_WRONG_1, {"5分钟": N}),
    # a parallel list: this year's other values stand more than a clause after last year's (and no verb moves them)
    ("near_match_precision", "zh last year's volume, this year's more", NEAR_ZH_WRONG_1, {"24万": N, "84万": N}),
]

ALL_ROWS = BETWEEN_ROWS + LATER_VALUE_ROWS + MOVED_ROWS + TABLE_ROWS


def test_scorer_version_is_at_least_56() -> None:
    assert SCORER_VERSION >= 56


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ALL_ROWS)
def test_v56_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


def test_rows_hold_both_verdicts_in_each_class() -> None:
    """Each class pins wrong answers and the right answers beside them, so a fix that drops all credit fails too."""
    for rows in (BETWEEN_ROWS, LATER_VALUE_ROWS, MOVED_ROWS, TABLE_ROWS):
        assert {r[3] for r in rows} == {C, N}


class TestLongAnswers:
    """Answers with a history section for the shipped cases, each point's status pinned: the current figure stays
    covered beside earlier values (a 年份 column, 历史对比, Year-over-year); a figure given only as an earlier period's
    that has since moved to another level is not."""

    @pytest.mark.parametrize(
        ("case_id", "shape", "answer", "point", "expected"),
        long_answer_rows(LONG_ANSWERS),
        ids=long_answer_ids(LONG_ANSWERS),
    )
    def test_point_status(self, case_id: str, shape: str, answer: str, point: str, expected: str) -> None:
        check_long_answer(case_id, shape, answer, point, expected)

    @pytest.mark.xfail(strict=True, reason="v56 Left: history a careful grader would not credit, still credited")
    @pytest.mark.parametrize(
        ("case_id", "shape", "answer", "point", "expected"),
        long_answer_rows(LEFT_LONG),
        ids=long_answer_ids(LEFT_LONG),
    )
    def test_left_point_status(self, case_id: str, shape: str, answer: str, point: str, expected: str) -> None:
        check_long_answer(case_id, shape, answer, point, expected)

    def test_each_case_has_right_answers_and_wrong_twins(self) -> None:
        """At least 20 answers, and every case has a right answer beside its wrong twin."""
        answers = {row[2] for row in LONG_ANSWERS + LEFT_LONG}
        assert len(answers) >= 20
        assert len(long_answer_rows(LONG_ANSWERS)) >= 60
        for case_id in {row[0] for row in LONG_ANSWERS + LEFT_LONG}:
            verdicts = {v for row in LONG_ANSWERS if row[0] == case_id for v in row[3].values()}
            assert C in verdicts, case_id
        assert {v for row in LONG_ANSWERS for v in row[3].values()} == {C, N}

    def test_every_pinned_point_is_a_point_of_its_case(self) -> None:
        for case_id, shape, _, points in LONG_ANSWERS + LEFT_LONG:
            own = {p.point for p in shipped_cases()[case_id].key_points}
            assert set(points) <= own, (case_id, shape, set(points) - own)
