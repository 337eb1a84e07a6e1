"""Scorer v34: red-team round 8 (487 probe rows written as Qwen and GPT answer business questions; 99 wrong under
v33, 0 under v34, 8 known gaps pinned as strict xfails). Wrong values credited by v33: an amount in another dollar
(HK$1.2 million, S$500, $500 SGD for $500), a strict bound in words v17 did not list (远超20个月, 超20个月, 突破,
north of, upward of, south of, falls short of, shy of), a lettered option the answer listed and did not pick (A. 18个月
B. 20个月 C. 24个月 ... 答案：C), an option passed over (recommend SaaS over on-premises, 与其私有化部署，不如SaaS), a
figure named wrong as "the 20-month figure is wrong". Right values missed: a rate in its other spellings (每月5000元,
月费5000元, 年净节省20万元, $5,000 a month, a monthly fee of $5,000 for 5000元/月 or $5000 per month), basis points in
any name (50 basis points, 50个基点 for 50 bps). Each rule has innocent rows beside it; decided rows (v17's inclusive
bounds, v6's 20多个月, v16's 一成, scale words and Chinese numerals only with their NumberForms) are pinned as
decided."""

from __future__ import annotations

import time

import pytest
from scorer_rows import CN, SW, assert_linear_time, check_status, status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

LONG_ZH = """<think>
用户问的是智能风控引擎的投资回收期。先算年净节省：人工节省120万元，运维增加30万元，净节省90万元/年。投资150万元，回收期=150/90*12=20个月。
</think>

## 结论

**投资回收期约为20个月。**

### 计算过程

| 项目 | 金额 |
|---|---|
| 一次性投入 | 150万元 |
| 年人工节省 | 120万元 |
| 年运维增加 | 30万元 |
| **年净节省** | **90万元** |

- 每月净节省：90万元 ÷ 12 = 7.5万元
- 回收期：150万元 ÷ 7.5万元/月 = **20个月**

> 注：如果运维成本超过40万元/年，回收期将超过24个月。

建议选择方案A（智能风控引擎），而非继续扩充人工团队。"""
LONG_EN = """**Answer: B — 24 months**

The options were:
- A. 18 months
- B. 24 months
- C. 30 months

Why not A: 18 months assumes savings of $1.2 million per year, but the realistic figure is $900k a year.
Why not C: 30 months double-counts the migration cost.

Monthly savings come to $75,000, so the $1.8 million investment pays back in 24 months."""
LONG_PLANS = """方案对比如下：

1. **方案A（SaaS）**：月费5000元，无需运维，上线周期2周。
2. **方案B（私有化部署）**：一次性投入80万元，年运维费12万元，上线周期3个月。

综合考虑数据合规要求，推荐方案B：私有化部署。与其为了短期成本选择SaaS，不如一步到位满足监管要求。"""

# fractions, spelled and scaled quantities, percentage points, units per period (mostly pinned: right before)
SPELLED_AND_SCALED_ROWS = [
    ("33%", "约三分之一的客户选择了年付。", None, N),
    ("三分之一", "约33%的客户选择了年付。", None, N),
    ("三分之一", "约三分之一的客户选择了年付。", None, C),
    ("$1.5 million", "The contract is worth $1.5M.", SW, C),
    ("$1.5 million", "The contract is worth $1.5 billion.", None, N),
    ("$1.5 million", "The contract is worth $15 million.", None, N),
    ("$1.5 million", "The contract is worth **$1.5 million** in total.", None, C),
    ("$1.5 million", "The contract is worth $1,500,000.", SW, C),
    ("20%", "客户流失率下降了两成。", None, N),
    ("20%", "客户流失率为两成。", CN, C),
    ("30%", "本次采购可享受七折优惠。", None, N),
    ("70%", "折扣为七折。", None, N),
    ("6个月", "预计半年内完成部署。", CN, C),
    ("6个月", "预计一年半完成部署。", None, N),
    ("6个月", "预计大半年才能完成部署。", None, N),
    ("12", "We shipped a dozen units.", None, N),
    ("150%", "成本是原来的1.5倍。", None, N),
    ("1.5倍", "成本上涨了150%。", None, N),
    ("1.5倍", "成本是原来的1.5倍。", None, C),
    ("1.5倍", "成本是原来的15倍。", None, N),
    ("1.5倍", "成本是原来的一点五倍。", CN, C),
    ("1.5年", "回收期约为一点五年。", CN, C),
    ("1.5年", "回收期约为一年半。", CN, C),
    ("18个月", "回收期约为一年半。", CN, C),
    ("18个月", "回收期约为1.5年。", None, C),
    ("18 months", "Payback is about a year and a half.", None, C),
    ("18 months", "Payback is about one and a half years.", None, C),
    ("18 months", "Payback is about one and a half to two years.", None, N),
    ("2年", "回收期约为两年半。", None, N),
    ("2年", "回收期约为两年。", CN, C),
    ("2年", "回收期约为二年。", CN, C),
    ("25%", "四分之一的工单由机器人处理。", None, N),
    ("50%", "一半的工单由机器人处理。", None, N),
    ("50%", "百分之五十的工单由机器人处理。", CN, C),
    ("50%", "百分之五十五的工单由机器人处理。", None, N),
    ("5%", "百分之五十的工单由机器人处理。", None, N),
    ("10%", "客户流失率为一成。", CN, N),
    ("10%", "一成不变的流程需要改造。", CN, N),
    ("2400万", "预算为2万4千万。", CN, N),
    ("24000", "共有2万4千名用户。", CN, C),
    ("24000", "共有2万4千名用户。", SW, C),
    ("24000", "共有2.4万名用户。", SW, C),
    ("24000", "共有24万名用户。", SW, N),
    ("24000", "共有2万4名用户。", SW, N),
    ("20000", "共有2万4千名用户。", SW, N),
    ("4000", "共有2万4千名用户。", SW, N),
    ("1.2亿元", "项目总投资为一亿二千万元。", CN, C),
    ("1.2亿元", "项目总投资为1亿2千万元。", SW, C),
    ("1.2亿元", "项目总投资为12000万元。", SW, C),
    ("1.2亿元", "项目总投资为1.2万元。", SW, N),
    ("1.2亿元", "项目总投资为12亿元。", SW, N),
    ("1200万元", "项目总投资为1.2千万元。", SW, C),
    ("1200万元", "项目总投资为120万元。", SW, N),
    ("1200万元", "项目总投资为12百万元。", SW, C),
    ("1200万元", "项目总投资为1200千元。", SW, N),
    ("12 million", "Revenue reached 12 billion.", SW, N),
    ("12 million", "Revenue reached 12 thousand.", SW, N),
    ("12 million", "Revenue reached 12B.", SW, N),
    ("12 million", "Revenue reached 12k.", SW, N),
    ("12 million", "Revenue reached 12,000,000.", SW, C),
    ("12 million", "Revenue reached 1.2 million.", SW, N),
    ("$12k", "Monthly cost is $12,000.", SW, C),
    ("$12k", "Monthly cost is $12 million.", SW, N),
    ("50 bps", "Rates rose 50 basis points.", None, C),
    ("50 bps", "Rates rose 50%.", None, N),
    ("0.5%", "Rates rose 50 bps.", None, N),
    ("3个百分点", "毛利率提升3%。", None, N),
    ("3%", "毛利率提升3个百分点。", None, N),
    ("3个百分点", "毛利率提升了三个百分点。", CN, C),
    ("3 percentage points", "Margin rose 3 percent.", None, N),
    ("$5000 per month", "The license costs $5000 per year.", None, N),
    ("$5000 per month", "The license costs $5000 per month.", None, C),
    ("$5000 per month", "The license costs $5000/month.", None, C),
    ("$5000 per month", "The license costs $5000 a month.", None, C),
    ("每月5000元", "年费5000元。", None, N),
    ("每月5000元", "每年5000元。", None, N),
    ("每月5000元", "每月5000元。", None, C),
    ("5000元/月", "每月5000元。", None, C),
    ("5000元/月", "5000元/年。", None, N),
    ("5000元/月", "月费5000元。", None, C),
]

# a corrected or rejected figure, a choice, and bounds (v17's inclusive bounds state the figure)
CORRECTED_AND_BOUNDED_ROWS = [
    ("20个月", "回收期不是20个月，而是24个月。", None, N),
    ("20个月", "回收期并非20个月，而是24个月。", None, N),
    ("20个月", "回收期是24个月，而非20个月。", None, N),
    ("20个月", "回收期是24个月而不是20个月。", None, N),
    ("24个月", "回收期是24个月，而非20个月。", None, C),
    ("24个月", "回收期不是20个月，而是24个月。", None, C),
    ("20 months", "Payback is 24 months, not 20 months.", None, N),
    ("20 months", "Payback is 24 months rather than 20 months.", None, N),
    ("20 months", "Payback is 24 months instead of 20 months.", None, N),
    ("20 months", "Payback is not 20 months but 24 months.", None, N),
    ("24 months", "Payback is not 20 months but 24 months.", None, C),
    ("20个月", "回收期：20 → 24个月", None, N),
    ("20个月", "回收期：20个月 → 24个月", None, N),
    ("24个月", "回收期：20个月 → 24个月", None, C),
    ("20个月", "回收期从20个月延长到24个月。", None, N),
    ("24个月", "回收期从20个月延长到24个月。", None, C),
    ("20个月", "回收期由原来的20个月调整为24个月。", None, N),
    ("20个月", "回收期24个月（而不是20个月）。", None, N),
    ("20个月", "回收期24个月（不是20个月）。", None, N),
    ("20个月", "回收期应为24个月，20个月的说法有误。", None, N),
    ("20个月", "有人认为回收期是20个月，但这是错误的，实际为24个月。", None, N),
    ("20 months", "The 20-month figure is wrong; payback is 24 months.", None, N),
    ("20 months", "Payback: ~~20 months~~ 24 months.", None, N),
    ("20个月", "回收期是20个月吗？不，是24个月。", None, N),
    ("20个月", "答案：24个月（选项A：20个月 ✗）", None, N),
    ("B", "选项A：20个月；选项B：24个月。正确答案是B。", None, C),
    ("20个月", "可选项有：A. 18个月 B. 20个月 C. 24个月。答案：C。", None, N),
    ("24个月", "可选项有：A. 18个月 B. 20个月 C. 24个月。答案：C。", None, C),
    ("20个月", "A. 18个月\nB. 20个月\nC. 24个月\n\n**答案：C（24个月）**", None, N),
    ("20 months", "Options: (a) 18 months (b) 20 months (c) 24 months. Answer: (c) 24 months.", None, N),
    ("20个月", "回收期是20个月还是24个月？根据测算，是24个月。", None, N),
    ("20个月", "方案A回收期20个月，方案B回收期24个月，推荐方案B。", None, C),
    ("20个月", "我们选择24个月方案，而非20个月方案。", None, N),
    ("私有化部署", "推荐SaaS而非私有化部署。", None, N),
    ("SaaS", "推荐SaaS而非私有化部署。", None, C),
    ("私有化部署", "推荐私有化部署而非SaaS。", None, C),
    ("on-premises", "We recommend SaaS rather than on-premises deployment.", None, N),
    ("on-premises", "We recommend on-premises deployment over SaaS.", None, C),
    ("SaaS", "相比私有化部署，我们更推荐SaaS。", None, C),
    ("20个月", "回收期至少20个月。", None, C),
    ("20个月", "回收期不少于20个月。", None, C),
    ("20个月", "回收期最多20个月。", None, C),
    ("20个月", "回收期约20个月。", None, C),
    ("20个月", "回收期大约20个月。", None, C),
    ("20个月", "回收期超过20个月。", None, N),
    ("20个月", "回收期20个月以上。", None, C),
    ("20个月", "回收期20多个月。", None, C),
    ("20个月", "回收期不到20个月。", None, N),
    ("20个月", "回收期接近20个月。", None, C),
    ("20 months", "Payback is at least 20 months.", None, C),
    ("20 months", "Payback is up to 20 months.", None, C),
    ("20 months", "Payback is more than 20 months.", None, N),
    ("20 months", "Payback is over 20 months.", None, N),
    ("20 months", "Payback is roughly 20 months.", None, C),
    ("20 months", "Payback is under 20 months.", None, N),
    ("20 months", "Payback is less than 20 months.", None, N),
    ("20 months", "Payback is no more than 20 months.", None, C),
    ("20 months", "Payback is 20+ months.", None, C),
    ("20 months", "Payback is well over 20 months.", None, N),
    ("20 months", "Payback takes north of 20 months.", None, N),
    ("20 months", "Payback is just shy of 20 months.", None, N),
    ("20个月", "回收期将近20个月。", None, C),
    ("20个月", "回收期20个月左右。", None, C),
    ("20个月", "回收期20个月上下。", None, C),
    ("20个月", "回收期不低于20个月。", None, C),
    ("20个月", "回收期20个月以内。", None, C),
    ("20个月", "回收期远超20个月。", None, N),
    ("20个月", "回收期20余个月。", None, C),
    ("20个月", "回收期二十多个月。", CN, C),
    ("20个月", "回收期二十个月。", CN, C),
]

# a figure of another subject or unit, code, JSON, LaTeX, full-width digits, thinking
SUBJECT_UNIT_AND_FORMAT_ROWS = [
    ("20个月回收期", "回收期24个月，培训周期20个月。", None, N),
    ("回收期20个月", "回收期24个月，培训周期20个月。", None, N),
    ("20个月", "回收期24个月，培训周期20个月。", None, C),
    ("payback of 20 months", "Payback is 24 months; training takes 20 months.", None, N),
    ("回收期20个月", "| 指标 | 数值 |\n|---|---|\n| 回收期 | 24个月 |\n| 培训周期 | 20个月 |", None, N),
    ("ROI 20%", "ROI为15%，毛利率20%。", None, N),
    ("ROI 20%", "ROI is 15% and gross margin is 20%.", None, N),
    ("1200万元", "预算1200元。", None, N),
    ("1200万元", "预算1200千元。", None, N),
    ("1200万元", "预算1200万美元。", None, N),
    ("1200万元", "预算1.2亿元。", None, N),
    ("1200万元", "预算0.12亿元。", SW, C),
    ("1200万元", "预算12,000,000元。", SW, C),
    ("1200万元", "预算¥12,000,000。", SW, C),
    ("1200万元", "预算RMB 12 million。", SW, C),
    ("1200万元", "预算1200万港元。", None, N),
    ("1200万元", "预算1200万日元。", None, N),
    ("1200万元", "预算1200万欧元。", None, N),
    ("1200万元", "预算1200万英镑。", None, N),
    ("1200万元", "预算1200万韩元。", None, N),
    ("1200万元", "预算1200万卢布。", None, N),
    ("$1.2 million", "Budget: €1.2 million.", None, N),
    ("$1.2 million", "Budget: £1.2 million.", None, N),
    ("$1.2 million", "Budget: 1.2 million euros.", None, N),
    ("$1.2 million", "Budget: CAD 1.2 million.", None, N),
    ("$1.2 million", "Budget: C$1.2 million.", None, N),
    ("$1.2 million", "Budget: A$1.2 million.", None, N),
    ("$1.2 million", "Budget: HK$1.2 million.", None, N),
    ("$1.2 million", "Budget: US$1.2 million.", None, C),
    ("$1.2 million", "Budget: USD 1.2 million.", SW, C),
    ("$1.2 million", "Budget: 1.2 million USD.", SW, C),
    ("20 months", "Payback is 20 weeks.", None, N),
    ("20 months", "Payback is 20 mo.", None, C),
    ("20个月", "回收期20周。", None, N),
    ("20个月", "回收期20年。", None, N),
    ("20%", "增长20‰。", None, N),
    ("20%", "增长20bp。", None, N),
    ("20%", "增长20个基点。", None, N),
    ("2%", "增长20%。", None, N),
    ("20%", "增长0.2。", None, N),
    ("5万元/年", "年费5万元。", None, C),
    ("5万元/年", "月费5万元。", None, N),
    ("5万元/年", "5万元/月。", None, N),
    ("5万元/年", "5万元/人/年。", None, N),
    ("100元/人", "100元/人/月。", None, N),
    ("8小时", "每天工作8小时。", None, C),
    ("8 hours", "8 hours per day.", None, C),
    ("20个月", '```json\n{"payback_months": 20}\n```', None, C),  # v106: a JSON key's unit is read (`json_units`)
    ("20个月", '```json\n{"回收期": "20个月"}\n```', None, C),
    ("20 months", "```python\npayback = 20  # months\n```", None, N),
    ("33.3%", "占比 $\\frac{1}{3} \\approx 33.3\\%$", None, C),
    ("33%", "占比 $\\frac{1}{3}$", None, N),
    ("20%", "增长率 $20\\%$", None, C),
    ("20%", "增长率 $\\mathbf{20\\%}$", None, C),
    ("20%", "增长率 $\\textbf{20}\\%$", None, C),
    ("20%", "增长率为 $200\\%$", None, N),
    ("1200万元", "预算为 $1200$ 万元", None, C),
    ("1200万元", "预算为 $1\\,200$ 万元", None, C),
    ("1200万元", "预算为１２００万元", None, C),
    ("20个月", "回收期为２０个月", None, C),
    ("20个月", "回收期为２４个月", None, N),
    ("20个月", "回收期为１２０个月", None, N),
    ("20个月", "回收期：\\boxed{20\\text{个月}}", None, C),
    ("20个月", "$$\\text{回收期} = \\frac{1200}{60} = 20 \\text{ 个月}$$", None, C),
    ("20个月", "$$\\text{回收期} = \\frac{1200}{50} = 24 \\text{ 个月}$$", None, N),
    ("20个月", "<think>大概是20个月？</think>回收期为24个月。", None, N),
    ("20个月", "<think>算一下：1200/60=20</think>回收期为20个月。", None, C),
    ("20个月", "思考过程：回收期20个月\n\n最终答案：24个月", None, C),
    ("20个月", "**回收期**：**20**个月", None, C),
    ("20个月", "- 回收期：20 个月", None, C),
    ("20个月", "回收期为20(个月)", None, C),
    ("20个月", "回收期为 20 个 月", None, C),
]

# another dollar (HK$, S$, $500 SGD) and strict bounds in more words (远超, 突破, north of, short of)
CURRENCY_AND_STRICT_BOUND_ROWS = [
    ("$1.2 million", "Budget: NT$1.2 million.", None, N),
    ("$1.2 million", "Budget: S$1.2 million.", None, N),
    ("$1.2 million", "Budget: NZ$1.2 million.", None, N),
    ("$1.2 million", "Budget: R$1.2 million.", None, N),
    ("$1.2 million", "Budget: MX$1.2 million.", None, N),
    ("$1.2 million", "Budget: AU$1.2 million.", None, N),
    ("$1.2 million", "Budget: CA$1.2 million.", None, N),
    ("$1.2 million", "Budget: $1.2 million AUD.", None, N),
    ("$1.2 million", "Budget: $1.2 million (CAD).", None, N),
    ("$1.2 million", "Budget: $1.2 million USD.", None, C),
    ("$1.2 million", "Budget: 1.2 million US dollars.", SW, C),
    ("$1.2 million", "Budget: 1.2 million dollars.", SW, C),
    ("$1.2 million", "Budget: 1.2 million Hong Kong dollars.", None, N),
    ("$1.2 million", "Budget: 1.2 million Canadian dollars.", None, N),
    ("$1.2 million", "Budget: 1.2 million Australian dollars.", None, N),
    ("$1.2 million", "Budget: US $1.2 million.", None, C),
    ("$1.2 million", "预算为120万美元。", SW, C),
    ("$1.2 million", "预算为120万港元。", SW, N),
    ("$1.2 million", "预算为120万加元。", SW, N),
    ("1200万元", "预算为HK$1200万。", None, N),
    ("1200万元", "预算为¥1200万。", None, C),
    ("1200万元", "预算为1200万人民币。", None, C),
    ("1200万元", "预算为1200万RMB。", None, C),
    ("1200万元", "预算为1200万新台币。", None, N),
    ("1200万元", "预算为1200万澳元。", None, N),
    ("1200万元", "预算为1200万加元。", None, N),
    ("1200万元", "预算为1200万新加坡元。", None, N),
    ("1200万元", "预算为1200万越南盾。", None, N),
    ("1200万元", "预算为1200万泰铢。", None, N),
    ("1200万元", "预算为1200万澳门元。", None, N),
    ("1200万元", "预算为1200万美元（约8600万元人民币）。", None, N),
    ("1200万元", "预算为1200万元（约170万美元）。", None, C),
    ("1200万元", "预算约为170万美元（1200万元人民币）。", None, C),
    ("1200万元", "预算：CNY 1200万", None, C),
    ("20个月", "回收期超20个月。", None, N),
    ("20个月", "回收期远高于20个月。", None, N),
    ("20个月", "回收期远低于20个月。", None, N),
    ("20个月", "回收期明显超过20个月。", None, N),
    ("20个月", "回收期大大超过20个月。", None, N),
    ("20个月", "回收期将超出20个月。", None, N),
    ("20个月", "回收期20个月开外。", None, C),
    ("20个月", "回收期已突破20个月。", None, N),
    ("20个月", "回收期不超20个月。", None, C),
    ("20 months", "Payback runs north of 20 months.", None, N),
    ("20 months", "Payback comes in south of 20 months.", None, N),
    ("20 months", "Payback falls short of 20 months.", None, N),
    ("20 months", "Payback is upward of 20 months.", None, N),
    ("20 months", "Payback is well in excess of 20 months.", None, N),
    ("20 months", "Payback is well beyond 20 months.", None, N),
    ("20 months", "Payback is longer than 20 months.", None, N),
    ("20 months", "Payback is shorter than 20 months.", None, N),
    ("20 months", "Payback is a little over 20 months.", None, N),
    ("20 months", "Payback is slightly under 20 months.", None, N),
    ("20 months", "Payback is just under 20 months.", None, N),
    ("20 months", "Payback is just over 20 months.", None, N),
    ("20 months", "Payback is nearly 20 months.", None, C),
    ("20 months", "Payback is almost 20 months.", None, C),
    ("20 months", "Payback is approximately 20 months.", None, C),
    ("20 months", "Payback is ~20 months.", None, C),
    ("20 months", "Payback is ≈20 months.", None, C),
    ("20个月", "回收期≈20个月。", None, C),
    ("20个月", "回收期略超20个月。", None, N),
    ("20个月", "回收期略高于20个月。", None, N),
    ("20个月", "回收期稍长于20个月。", None, N),
    ("20个月", "回收期20个月出头。", None, C),
    ("20个月", "回收期20个月有余。", None, C),
    ("20个月", "回收期20来个月。", None, C),
    ("20个月", "回收期小于等于20个月。", None, C),
    ("20个月", "回收期大于等于20个月。", None, C),
    ("20个月", "回收期在20个月以上。", None, C),
    ("20个月", "回收期不会低于20个月。", None, C),
    ("20个月", "回收期高于20个月。", None, N),
    ("20个月", "回收期长达20个月。", None, C),
    ("20个月", "回收期短至20个月。", None, C),
    ("20个月", "回收期仅20个月。", None, C),
    ("20个月", "回收期只需20个月。", None, C),
    ("$1.2 million", "Budget: 1.2 million US dollars.", SW, C),
    ("$1.2 million", "Budget: 1.2 million dollars.", SW, C),
    ("$1.2 million", "Budget: USD 1.2 million.", SW, C),
    ("$1.2 million", "Budget: USD 1.2M.", SW, C),
    ("$1.2 million", "Budget: USD1.2 million.", SW, C),
    ("$1.2 million", "Budget: 1.2 million Hong Kong dollars.", SW, N),
    ("$1.2 million", "Budget: HK$1.2 million.", SW, N),
    ("1.2 million dollars", "Budget: HK$1.2 million.", SW, N),
    ("1.2 million dollars", "Budget: $1.2 million.", SW, C),
    ("120万美元", "预算为US$1.2 million。", SW, C),
    ("120万美元", "预算为HK$1.2 million。", SW, N),
    ("120万美元", "预算为120万港币。", SW, N),
    ("$500", "Price: HK$500 per seat.", None, N),
    ("$500", "Price: $500 per seat.", None, C),
    ("$500", "Price: US$500 per seat.", None, C),
    ("$500", "Price: S$500 per seat.", None, N),
    ("$500", "Price: 500 SGD per seat.", None, N),
    ("$500", "Price: $500 SGD per seat.", None, N),
    ("$500", "价格：新加坡元500。", None, N),
    ("$500", "Price: $500 (approx. HK$3,900) per seat.", None, C),
    ("$500", "Price: HK$3,900 (approx. $500) per seat.", None, C),
]

# a lettered option the answer lists and does not pick
OPTION_ROWS = [
    ("24个月", "A. 18个月\nB. 20个月\nC. 24个月\n\n**答案：C（24个月）**", None, C),
    ("20个月", "A. 18个月\nB. 20个月\nC. 24个月\n\n**答案：B**", None, C),
    ("20个月", "正确答案是B。\n\nA、18个月\nB、20个月\nC、24个月", None, C),
    ("20个月", "正确答案是C。\n\nA、18个月\nB、20个月\nC、24个月", None, N),
    ("24 months", "Options: (a) 18 months (b) 20 months (c) 24 months. Answer: (c) 24 months.", None, C),
    ("20 months", "A) 18 months\nB) 20 months\nC) 24 months\n\nThe correct answer is C.", None, N),
    ("20 months", "A) 18 months\nB) 20 months\nC) 24 months\n\nThe correct answer is B.", None, C),
    ("20 months", "**Answer: B** - 20 months.\n\nA) 18 months is too short; C) 24 months is too long.", None, C),
    ("私有化部署", "选项：A. SaaS；B. 私有化部署。应选A。", None, N),
    ("SaaS", "选项：A. SaaS；B. 私有化部署。应选A。", None, C),
    ("on-premises", "A. SaaS\nB. On-premises\n\nAnswer: A", None, N),
    ("SaaS", "A. SaaS\nB. On-premises\n\nAnswer: A", None, C),
    ("20个月", "A. 18个月\nB. 20个月\nC. 24个月", None, C),
    ("20个月", "方案A：回收期20个月；方案B：回收期24个月。综合来看选B。", None, C),
    ("20个月", "方案A回收期20个月，方案B回收期24个月，建议选择方案B。", None, C),
    ("20 months", "Plan A: payback 20 months. Plan B: payback 24 months. We recommend B.", None, C),
    ("20 months", "Plan A: payback 20 months. Plan B: payback 24 months. The answer is B.", None, C),
    ("20个月", "1. 回收期：20个月\n2. 年节省：90万元\n答案：见上。", None, C),
    ("20个月", "a. 回收期20个月\nb. 年节省90万元", None, C),
    ("20个月", "答案：C。A. 18个月 B. 20个月 C. 24个月；也可以选B。", None, C),
    ("20个月", "回收期为20个月（答案C）。", None, C),
    ("20 months", "Payback is 20 months, i.e. about 1.7 years. Answer: a conservative estimate.", None, C),
    ("20 months", "Type A: 20 months payback. Type B: 24 months. Answer: B", None, C),
    ("20个月", "(1) 回收期20个月 (2) 净节省90万元。答案是2项都满足。", None, C),
    ("20个月", "A：回收期20个月。B：回收期24个月。答案：A。", None, C),
    ("20个月", "A：回收期24个月。B：回收期20个月。答案：A。", None, N),
    ("90万元", "A. 年节省90万元，回收期20个月\nB. 年节省60万元，回收期30个月\n答案：A", None, C),
    ("60万元", "A. 年节省90万元，回收期20个月\nB. 年节省60万元，回收期30个月\n答案：A", None, N),
]

# an option passed over: recommend X over Y, 与其Y不如X
PASSED_OVER_ROWS = [
    ("SaaS", "We recommend SaaS over on-premises deployment.", None, C),
    ("SaaS", "We recommend on-premises deployment over SaaS.", None, N),
    ("on-premises", "I'd choose the SaaS edition over the on-premises one.", None, N),
    ("on-premises", "We prefer SaaS over an on-premises install.", None, N),
    ("on-premises", "We do not recommend SaaS over on-premises here.", None, C),
    ("on-premises", "Migrate to on-premises over the next quarter.", None, C),
    ("on-premises", "We recommend rolling out on-premises over the next quarter.", None, C),
    ("on-premises", "We recommend SaaS. Over time, on-premises may be cheaper.", None, C),
    ("on-premises", "Data flows over on-premises links.", None, C),
    ("SaaS", "与其选择私有化部署，不如选择SaaS。", None, C),
    ("私有化部署", "与其选择SaaS，不如选择私有化部署。", None, C),
    ("私有化部署", "与其说是私有化部署，不如说是混合部署。", None, N),
    ("私有化部署", "与其自建机房，我们建议私有化部署。", None, C),
    ("私有化部署", "私有化部署不如SaaS灵活，但更安全。", None, C),
    ("私有化部署", "推荐私有化部署。与其等待，不如尽早启动。", None, C),
]

# a rate point (5000元/月, 每月5000元, $5000 per month) in its other spellings
RATE_ROWS = [
    ("5000元/月", "费用为5000元/月。", None, C),
    ("5000元/月", "费用为5000元每月。", None, C),
    ("5000元/月", "费用为每月5000元。", None, C),
    ("5000元/月", "费用为每个月5000元。", None, C),
    ("5000元/月", "费用为5000元/年。", None, N),
    ("5000元/月", "费用为每年5000元。", None, N),
    ("5000元/月", "年费5000元，折合每月约417元。", None, N),
    ("5000元/月", "每月5000元的预算中，人工占3000元。", None, C),
    ("5000元/月", "每月成本：5000元", None, C),
    ("5000元/月", "每月节省5000元", None, C),
    ("5000元/月", "每年节省5000元", None, N),
    ("5000元/月", "每月节省5000元/年", None, N),
    ("每月5000元", "费用为5000元/月。", None, C),
    ("每月5000元", "费用为5000元每月。", None, C),
    ("每月5000元", "月费5000元。", None, C),
    ("每月5000元", "每月费用5000元。", None, C),
    ("每月5000元", "每月的费用约为5000元。", None, C),
    ("每月5000元", "费用为5000元/年。", None, N),
    ("$5000 per month", "It costs $5000/month.", None, C),
    ("$5000 per month", "It costs $5,000 a month.", None, C),
    ("$5000 per month", "It costs $5,000 monthly.", None, C),
    ("$5000 per month", "It costs $5,000/mo.", None, C),
    ("$5000 per month", "It costs $5,000 per year.", None, N),
    ("$5000 per month", "It costs $5,000/year.", None, N),
    ("$5000/month", "It costs $5,000 per month.", None, C),
    ("$5000/month", "It costs $5,000 a month.", None, C),
    ("$5000/month", "It costs $5,000 annually.", None, N),
    ("20万元/年", "每年节省20万元。", None, C),
    ("20万元/年", "年节省20万元。", None, C),
    ("20万元/年", "每月节省20万元。", None, N),
    ("20万元/年", "一年节省20万元。", None, C),
    ("20万元/年", "首年节省20万元。", None, N),
    ("5000元/月", "每月5000元，每年6万元。", None, C),
    ("6万元/年", "每月5000元，每年6万元。", None, C),
    ("5000元/年", "每月5000元，每年6万元。", None, N),
    ("6万元/月", "每月5000元，每年6万元。", None, N),
    ("5000元/月", "每年的费用是5000元。", None, N),
    ("5000元/月", "每年5000元/月的套餐不存在。", None, C),
    ("5000元/月", "年费5000元（每月约417元）。", None, N),
    ("5000元/月", "2024年3月节省5000元。", None, N),
    ("5000元/月", "3月节省5000元。", None, N),
    ("5000元/月", "上月节省5000元。", None, N),
    ("5000元/月", "本月节省5000元。", None, N),
    ("5000元/月", "月节省5000元。", None, C),
    ("20万元/年", "今年节省20万元。", None, N),
    ("20万元/年", "2025年节省20万元。", None, N),
    ("20万元/年", "年净节省20万元。", None, C),
    ("20万元/年", "年化收益20万元。", None, C),
    ("20万元/年", "每年节省约20万元。", None, C),
    ("20万元/年", "每年节省不到20万元。", None, N),
    ("20万元/年", "每年节省超过20万元。", None, N),
    ("20万元/年", "每年节省20万元以上。", None, C),
    ("20万元/年", "每年节省并非20万元，而是15万元。", None, N),
    ("20万元/年", "每年节省200万元。", None, N),
    ("20万元/年", "每年节省120万元。", None, N),
    ("20万元/年", "| 项目 | 每年节省 |\n|---|---|\n| 人工 | 20万元 |", None, C),
    ("$5000 per month", "The monthly fee is $5,000.", None, C),
    ("$5000 per month", "The annual fee is $5,000.", None, N),
    ("$5000 per month", "A monthly fee of $5,000 applies.", None, C),
    ("$5000 per month", "It costs $5,000 per seat per month.", None, N),
    ("$5000 per month", "It costs $50,000 a month.", None, N),
    ("$5000 per month", "It costs HK$5,000 a month.", None, N),
    ("$60k/year", "That is $60k a year.", SW, C),
    ("$60k/year", "That is $60,000 annually.", SW, C),
    ("$60k/year", "That is $60,000 a month.", SW, N),
    ("500人/天", "日均500人。", None, C),
    ("500人/天", "每天500人。", None, C),
    ("500人/天", "每周500人。", None, N),
    ("500人/天", "共500人。", None, N),
    ("50 tickets per day", "We handle 50 tickets a day.", None, C),
    ("50 tickets per day", "We handle 50 tickets daily.", None, C),
    ("50 tickets per day", "We handle 50 tickets a week.", None, N),
    ("每月5000元", "每个月5000块钱。", None, C),
    ("每月5000元", "每个月5000元左右。", None, C),
    ("每月5000元", "每个月不超过5000元。", None, C),
]

# basis points in any name
BASIS_POINT_ROWS = [
    ("50 bps", "Rates rose 50bps.", None, C),
    ("50 bps", "利率上调50个基点。", None, C),
    ("50个基点", "Rates rose 50 bps.", None, C),
    ("50个基点", "利率上调50bp。", None, C),
    ("50个基点", "利率上调150个基点。", None, N),
    ("50个基点", "利率上调50%。", None, N),
    ("50个基点", "利率上调不到50个基点。", None, N),
    ("50 bps", "Rates rose 25 basis points.", None, N),
    ("50 bps", "Rates rose 50 percentage points.", None, N),
]

# long answers as models write them (thinking, tables, bold, lists)
LONG_ANSWER_ROWS = [
    ("20个月", LONG_ZH, None, C),
    ("90万元", LONG_ZH, None, C),
    ("150万元", LONG_ZH, None, C),
    ("7.5万元/月", LONG_ZH, None, C),
    ("90万元/年", LONG_ZH, None, C),
    ("24个月", LONG_ZH, None, N),
    ("智能风控引擎", LONG_ZH, None, C),
    ("40万元/年", LONG_ZH, None, N),
    ("120万元/年", LONG_ZH, None, C),
    ("24 months", LONG_EN, None, C),
    ("$75,000 per month", LONG_EN, None, C),
    ("$900k per year", LONG_EN, SW, C),
    ("$1.8 million", LONG_EN, None, C),
    ("5000元/月", LONG_PLANS, None, C),
    ("80万元", LONG_PLANS, None, C),
    ("12万元/年", LONG_PLANS, None, C),
    ("私有化部署", LONG_PLANS, None, C),
    ("SaaS", LONG_PLANS, None, C),
    ("3个月", LONG_PLANS, None, C),
    ("2周", LONG_PLANS, None, C),
    ("5000元/月", "6个月节省5000元。", None, N),
    ("5000元/月", "前3个月每月节省5000元。", None, C),
    ("20万元/年", "多年维护费20万元。", None, N),
]

# the v34 rules beside their innocent neighbours (short of as lacking, 超额, $ after a colon, US$, CN¥, 答案 as a
# heading, an option picked, moving over to)
NEIGHBOUR_ROWS = [
    ("20 engineers", "We are short of 20 engineers for the rollout.", None, C),
    ("20 months", "Payback falls just short of 20 months.", None, N),
    ("20 months", "Payback fell short of 20 months.", None, N),
    ("20%", "超额20%完成任务。", None, C),
    ("20万用户", "用户数超20万用户。", None, N),
    ("20万用户", "用户数突破了20万用户。", None, N),
    ("20万用户", "用户数达到20万用户。", None, C),
    ("$500", "Price:$500 per seat.", None, C),
    ("$500", "(US$500 per seat)", None, C),
    ("$500", "$500 USD per seat.", None, C),
    ("¥500", "价格：¥500/席位。", None, C),
    ("¥500", "价格：JP¥500/席位。", None, N),
    ("¥500", "价格：CN¥500/席位。", None, C),
    ("20个月", "**答案：** 回收期为20个月。", None, C),
    ("20个月", "**Answer:** payback is 20 months, so 20个月.", None, C),
    ("20 months", "Answer: A 20-month payback. Options considered: a) 20 months b) 24 months.", None, C),
    ("on-premises", "We recommend moving over to on-premises.", None, C),
    ("20个月", "以下两点：\na. 回收期20个月\nb. 年节省90万元\n\n**答案：**如上。", None, C),
]

# known gaps of v34, closed by v36 (were strict xfails; tests/evaluation/test_scorer_v36.py has their neighbours)
GAP_ROWS = [
    ("1/3", "约三分之一的客户选择了年付。", CN, C),  # 三分之一 is read as no number (v32 left it)
    (
        "$1.5 million",
        "The contract is worth one and a half million dollars.",
        SW,
        C,
    ),  # 'one and a half million' is no number word (v32 left it)
    ("半年", "预计6个月内完成部署。", None, C),  # a text point of a half (半年) has no duration twins
    ("1.5 years", "The payback is one point five years.", SW, C),  # 'one point five' is no number word
    ("1/4", "四分之一的工单由机器人处理。", CN, C),  # 四分之一 is read as no number
    ("回收期20个月", "回收期为20个月。", None, C),  # a point that names its subject is matched as written
    ("ROI 20%", "ROI为20%。", None, C),  # a point that names its subject is matched as written
    (
        "20个月",
        '```json\n{"回收期": "24个月", "旧值": "20个月"}\n```',
        None,
        N,
    ),  # a JSON key of a superseded value is read as no table column
]


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 34


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), SPELLED_AND_SCALED_ROWS)
def test_spelled_and_scaled_quantities(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), CORRECTED_AND_BOUNDED_ROWS)
def test_corrected_chosen_and_bounded_figures(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), SUBJECT_UNIT_AND_FORMAT_ROWS)
def test_subjects_units_and_formats(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), CURRENCY_AND_STRICT_BOUND_ROWS)
def test_another_dollar_and_strict_bounds_in_more_words(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), OPTION_ROWS)
def test_a_listed_option_not_picked_is_no_answer(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), PASSED_OVER_ROWS)
def test_an_option_passed_over_is_not_recommended(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), RATE_ROWS)
def test_a_rate_in_its_other_spellings(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), BASIS_POINT_ROWS)
def test_basis_points_in_any_name(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), LONG_ANSWER_ROWS)
def test_long_answers_as_models_write_them(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), NEIGHBOUR_ROWS)
def test_the_v34_rules_beside_their_neighbours(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), GAP_ROWS)
def test_known_gaps(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(
    ("point", "unit"),
    [
        ("20个月", "A. 18个月 B. 20个月 C. 24个月。答案：C。\n"),
        ("5000元/月", "每年节省5000元，"),
        ("5000元/月", "5000元/年，"),
        ("on-premises", "we recommend saas over on-premises. "),
        ("私有化部署", "与其选择私有化部署，不如选择SaaS。"),
        ("$500", "HK$500 per seat, "),
        ("20个月", "回收期远超20个月，"),
    ],
)
def test_the_v34_rules_take_linear_time(point: str, unit: str) -> None:
    def seconds(answer: str) -> float:
        begun = time.process_time()
        status(point, answer)
        return time.process_time() - begun

    assert_linear_time(seconds, unit, 24_000)


def test_no_probe_takes_a_fifth_of_a_second() -> None:
    """Each probe scores in well under 0.2 s of CPU once the tokeniser is loaded: a pathological regex is a hang for
    a user. Best of two, in CPU time of this process (a busy neighbour is not charged)."""
    status("20个月", "二十个月", CN)  # loads jieba and the compiled patterns
    rows = [*SPELLED_AND_SCALED_ROWS, *CORRECTED_AND_BOUNDED_ROWS, *RATE_ROWS, *OPTION_ROWS, *LONG_ANSWER_ROWS]
    slow = []
    for point, answer, forms, _ in rows:
        best = min(_cpu_seconds(point, answer, forms) for _ in range(2))
        if best > 0.2:
            slow.append((point, answer[:40], round(best, 3)))
    assert not slow


def _cpu_seconds(point: str, answer: str, forms: NumberForms | None) -> float:
    begun = time.process_time()
    status(point, answer, forms)
    return time.process_time() - begun
