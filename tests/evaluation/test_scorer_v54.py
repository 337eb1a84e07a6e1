"""Scorer v54: what v51-v53 left (a frame and a verb of holding together, a pronoun that points back across a clause,
a holder in a 分别 / respectively list), and a hostile pass in the shape real model answers take (Markdown headings,
bullets with bold labels, tables, a summary restating the figure, assumptions, risks with conditions, a closing offer
of more work, a Qwen3 thinking block) over the shipped business cases.

Each class, with the rows that were wrong before beside the rows that must keep their verdict (C covered, N not):
- a frame and a verb of holding (Regarding the ROI, it remains 20%; 至于ROI，仍保持在20%) were missing - v52 read a
  frame with a copula or a verb of holding without a frame; a negation, a bound, a change or another subject after
  the comma stay not covered;
- a pronoun pointing back across a clause to the subject a frame put forward (如果说ROI有什么亮点，那就是它达到了20%;
  "If anything stands out about the ROI, it is that it reaches 20%") was missing (the English one negated: its "if"
  was read as a condition); another subject named between (如果说ROI比IRR更亮眼) leaves 它 unresolved, not covered;
- a holder before the first item of a 分别 / respectively list governs the whole list (竞争对手的ROI和IRR分别为20%和15%
  credited IRR 15%), and one before a later item governs only that item (ROI、竞争对手的IRR分别为20%和15% missed ROI
  20%: v40 read the 的 as one metric of several things, which 方案A和方案B的ROI stays);
- a figure only in a closing offer of more work (需要我帮您计算回收期缩短到20个月需要减少多少名客服吗？, 要不要我算一下
  三年ROI达到50%需要满足哪些条件？, "I can also test whether a 50% ROI is reachable") was credited - the offer's
  question word (多少, 哪些) was read as a question that presupposes the figure; a figure stated before the offer
  stays covered.
The long answers (`LONG_ANSWERS`, scored against their shipped case) pin each point's status as a careful grader
would give it.
"""

from __future__ import annotations

import pytest
from scorer_rows import LongAnswer, check_long_answer, check_status, long_answer_ids, long_answer_rows, shipped_cases

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

FRAMED_HOLDING_ROWS: list[Row] = [
    ("ROI 20%", "Regarding the ROI, it remains 20%.", None, C),
    ("ROI 20%", "As for the ROI, it stays at 20%.", None, C),
    ("ROI 20%", "As for the ROI, it remains at 20%.", None, C),
    ("ROI 20%", "As for the ROI, it still holds at 20%.", None, C),
    ("ROI 20%", "Regarding the ROI, it is still at 20%.", None, C),
    ("ROI 20%", "As for the ROI, it will remain around 20%.", None, C),
    ("ROI 20%", "至于ROI，仍保持在20%。", None, C),
    ("ROI 20%", "至于ROI，它仍保持在20%。", None, C),
    ("ROI 20%", "关于ROI，它依旧为20%。", None, C),
    ("ROI 20%", "说到ROI，仍有20%。", None, C),
    ("ROI 20%", "至于ROI，仍保持在20%以上。", None, C),  # an inclusive bound after the figure (v17, v52)
    ("ROI 20%", "As for the ROI, it does not stay at 20%.", None, N),
    ("ROI 20%", "Regarding the ROI, it no longer stays at 20%.", None, N),
    ("ROI 20%", "Regarding the ROI, it remains above 20%.", None, N),
    ("ROI 20%", "As for the ROI, it stays above 20%.", None, N),
    ("ROI 20%", "Regarding the ROI, it stayed at 20% until 2023; it is now 15%.", None, N),
    ("ROI 20%", "As for the ROI, the IRR stays at 20%.", None, N),
    ("ROI 20%", "As for the ROI, costs remain 20%.", None, N),
    ("ROI 20%", "至于ROI，IRR仍保持在20%。", None, N),
    ("ROI 20%", "至于ROI，成本仍保持在20%。", None, N),
    ("ROI 20%", "至于ROI，仍未能保持在20%。", None, N),
    ("ROI 20%", "至于ROI，仍保持在超过20%的水平。", None, N),
    ("ROI 20%", "至于ROI，仍有20%的提升空间。", None, N),
    ("ROI 20%", "至于ROI，它从20%降至15%。", None, N),
    ("ROI 20%", "至于ROI，它保持在20%就能达标。", None, N),
]

POINTING_ROWS: list[Row] = [
    ("ROI 20%", "如果说ROI有什么亮点，那就是它达到了20%。", None, C),
    ("ROI 20%", "如果说ROI有什么亮点，那就是它高达20%。", None, C),
    ("ROI 20%", "如果说ROI有什么亮点，那就是它仍保持在20%。", None, C),
    ("ROI 20%", "要说ROI，最值得一提的是它达到了20%。", None, C),
    ("ROI 20%", "要说ROI，最值得一提的，就是它达到了20%。", None, C),
    ("ROI 20%", "如果说ROI有什么亮点，那就是它达到了20%，而IRR只有15%。", None, C),
    ("ROI 20%", "If anything stands out about the ROI, it is that it reaches 20%.", None, C),
    ("ROI 20%", "If one thing stands out about the ROI, it is that it reaches 20%.", None, C),
    ("ROI 20%", "If anything is notable about the ROI, it is that it reaches 20%.", None, C),
    ("ROI 20%", "If anything stands out about the ROI, it reaches 20%.", None, C),
    ("ROI 20%", "If anything stands out about the ROI, it is that it stands at about 20%.", None, C),
    ("ROI 20%", "What stands out about the ROI is that it reaches 20%.", None, C),
    ("ROI 20%", "如果说ROI有什么亮点，那就是IRR达到了20%。", None, N),
    ("ROI 20%", "如果说ROI有什么亮点，那就是它没有达到20%。", None, N),
    ("ROI 20%", "如果说ROI有什么亮点，那就是它超过了20%。", None, N),
    ("ROI 20%", "如果说ROI有什么问题，那就是它不到20%。", None, N),
    ("ROI 20%", "如果说ROI有什么亮点，那就是它比去年高了20%。", None, N),
    ("ROI 20%", "如果说ROI有什么亮点，那就是它达到了20%的增长。", None, N),
    ("ROI 20%", "如果说ROI有什么亮点，那就是它有望达到20%吗？", None, N),
    ("ROI 20%", "如果说ROI比IRR更亮眼，那就是它达到了20%。", None, N),
    ("ROI 20%", "如果说ROI和IRR有什么亮点，那就是它达到了20%。", None, N),
    ("ROI 20%", "如果说ROI有什么亮点，那就是毛利率和它达到了20%。", None, N),
    ("ROI 20%", "If anything stands out about the ROI, it is that it does not reach 20%.", None, N),
    ("ROI 20%", "If anything is striking about the ROI, it is that it never reaches 20%.", None, N),
    ("ROI 20%", "If anything stands out about the ROI, it is that it exceeds 20%.", None, N),
    ("ROI 20%", "If anything stands out about the ROI, it is that it rose by 20%.", None, N),
    ("ROI 20%", "If anything stands out about the ROI, it is that the IRR reaches 20%.", None, N),
    ("ROI 20%", "If anything stands out about the ROI versus the IRR, it is that it reaches 20%.", None, N),
    ("ROI 20%", "If anything stands out about the ROI, it is that it could reach 20% if prices hold.", None, N),
    ("ROI 20%", "If the ROI is 20%, the project is worth doing.", None, N),  # a condition stays one (v51)
]

RESPECTIVELY_ROWS: list[Row] = [
    ("IRR 15%", "竞争对手的ROI和IRR分别为20%和15%。", None, N),
    ("IRR 15%", "A competitor's ROI and IRR are 20% and 15% respectively.", None, N),
    ("IRR 15%", "Competitors' ROI and IRR are 20% and 15% respectively.", None, N),
    ("IRR 15%", "行业平均ROI和IRR分别为20%和15%。", None, N),
    ("ROI 20%", "竞争对手的ROI和IRR分别为20%和15%。", None, N),
    ("IRR 15%", "ROI和竞争对手的IRR分别为20%和15%。", None, N),
    ("ROI 20%", "ROI、竞争对手的IRR分别为20%和15%。", None, C),
    ("ROI 20%", "ROI和竞争对手的IRR分别为20%和15%。", None, C),
    ("ROI 20%", "ROI and a competitor's IRR are 20% and 15% respectively.", None, C),
    ("ROI 20%", "ROI、行业平均IRR分别为20%和15%。", None, C),
    ("IRR 15%", "竞争对手的ROI和我们的IRR分别为20%和15%。", None, C),
    ("IRR 15%", "竞争对手的ROI、我方IRR分别为20%和15%。", None, C),
    ("IRR 15%", "本项目的ROI和IRR分别为20%和15%。", None, C),
    ("IRR 15%", "ROI和IRR分别为20%和15%。", None, C),
    ("IRR 15%", "ROI、IRR分别为20%和15%。", None, C),
    ("ROI 20%", "方案A和方案B的ROI分别为20%和15%。", None, C),
    ("IRR 15%", "方案A和方案B的IRR分别为20%和15%。", None, C),
]

OFFER_ROWS: list[Row] = [
    ("20个月", "需要我帮您计算回收期缩短到20个月需要减少多少名客服吗？", None, N),
    ("50%", "要不要我算一下三年ROI达到50%需要满足哪些条件？", None, N),
    ("20%", "我可以帮您测算ROI达到20%需要哪些条件吗？", None, N),
    ("20%", "Would you like me to model a 20% price rise?", None, N),
    ("20个月", "Would you like me to model a 20-month payback?", None, N),
    ("50%", "I can also test whether a 50% ROI is reachable.", None, N),
    ("20个月", "回收期约20个月。需要我帮您把测算过程整理成表格吗？", None, C),
    ("20%", "ROI为20%。Would you like me to model a 20% price rise?", None, C),
    ("ROI 20%", "ROI为20%，需要我进一步细化吗？", None, C),
    ("20个月", "回收期约20个月。这个回收期是否符合贵司的预期？", None, C),
    ("50%", "三年ROI为50%。需要我帮您测算ROI低于50%时的应对方案吗？", None, C),
]

ROI_ZH_1 = """## 一、计算结果

| 指标 | 计算过程 | 结果 |
|---|---|---|
| 年人力节省 | 15人 × 8万元 | 120万元 |
| 年净节省额 | 120万元 − 30万元 | **90万元** |
| 静态投资回收期 | 150万元 ÷ 90万元 | **约1.67年（20个月）** |
| 三年总节省 | 120万元 × 3 | 360万元 |
| 三年总投入 | 150万元 + 30万元 × 3 | 240万元 |
| 三年ROI | (360 − 240) ÷ 240 | **50%** |

## 二、假设

- 每人年综合人力成本按8万元计，三年内不变；
- 运维费每年30万元，不考虑通胀。

## 三、风险提示

- 如果实际只能减少10名客服，年净节省将降至50万元，回收期延长到约36个月；
- 若运维费上涨至40万元，三年ROI会下降到约31%。

## 结论

年净节省90万元，约20个月回本，三年ROI为50%，项目可行。

需要我帮您计算不同情景下的ROI吗？"""

ROI_ZH_2 = """**结论先行**：该项目年净节省额为90万元，静态投资回收期约20个月，三年ROI为50%。

### 计算步骤

1. **年人力成本节省**：15名 × 8万元/人 = 120万元
2. **年净节省额**：120万元 − 30万元（运维费）= 90万元
3. **静态投资回收期**：150万元 ÷ 90万元/年 ≈ 1.67年，即约20个月
4. **三年ROI**：
   - 三年总节省：120万元 × 3 = 360万元
   - 三年总投入：150万元 + 30万元 × 3 = 240万元
   - ROI =（360 − 240）÷ 240 = 50%

### 风险与敏感性

- 若上线后客服减员不及预期（例如只减少12人），回收期将拉长至约25个月；
- 如果智能客服的解决率不足，可能需要保留部分人工坐席，ROI将低于50%。

需要我进一步做一个乐观/悲观情景的敏感性分析吗？"""

ROI_ZH_3 = """好的，下面分三步计算。

#### 1. 年净节省额
- 减少人力成本：15 × 8 = 120万元/年
- 扣除运维费：120 − 30 = **90万元/年**

#### 2. 静态投资回收期
- 150 ÷ 90 ≈ 1.67年 ≈ **20个月**

#### 3. 三年ROI
- 三年总节省 = 360万元
- 三年总投入 = 150 + 90 = 240万元
- ROI = (360 − 240) / 240 = **50%**

> 注：以上为静态测算，未考虑资金时间价值。

**总结**：回收期约1.67年，三年ROI 50%，投资回报良好。如需我按8%折现率计算动态回收期，请告诉我。"""

# wrong twin: the payback only in a risk's condition, the ROI only in the closing offer
ROI_ZH_WRONG_1 = """## 测算

- 年人力节省：15 × 8 = 120万元
- 年净节省额：120 − 30 = 90万元
- 静态投资回收期：需结合减员节奏另行测算

## 风险

- 如果回收期为20个月以上，项目资金压力较大；
- 若三年总投入超过240万元，需要重新评估。

需要我帮您核算三年ROI是否能达到50%吗？"""

# wrong twin: the summary gives other figures (a careless model)
ROI_ZH_WRONG_2 = """### 计算结果

1. 年人力节省：15 × 8 = 120万元
2. 年净节省额：120 − 30 = 90万元
3. 回收期：150 ÷ 120 ≈ 15个月
4. 三年ROI：(360 − 150) ÷ 150 = 140%

### 结论

回收期约15个月，三年ROI约140%，远高于行业平均水平。"""

ROI_ZH_4 = """# 鲜百汇智能客服投资测算

## 📌 核心结论
| 项目 | 数值 |
|------|------|
| 年净节省额 | 90万元 |
| 静态投资回收期 | 20个月（约1.67年） |
| 三年ROI | 50% |

## 🧮 计算过程
- **年节省人力成本** = 15人 × 8万元 = 120万元
- **年净节省额** = 120万 − 30万 = 90万元
- **回收期** = 150万 ÷ 90万 = 1.67年
- **三年总节省** = 120万 × 3 = 360万元
- **三年总投入** = 150万 + 30万 × 3 = 240万元
- **三年ROI** = (360 − 240) ÷ 240 × 100% = 50%

## ⚠️ 需要注意的风险
1. **人员优化节奏**：如果15名客服无法在上线当月全部减少，回收期会相应延长；
2. **运维费变化**：一旦运维费上涨，ROI可能低于50%；
3. **隐性成本**：知识库维护、话术更新等工作未计入。

## 💡 建议
项目回收期不到两年，三年ROI达到50%，建议推进。是否需要我帮您做一份向管理层汇报的一页纸摘要？"""

ROI_ZH_5 = """根据您提供的数据，测算如下：

**一、年净节省额**
每年减少人力成本15×8=120万元，扣除每年运维费30万元后，年净节省额为90万元。

**二、静态投资回收期**
一次性投入150万元，按每年净节省90万元计算，静态投资回收期=150÷90≈1.67年，约合20个月。

**三、三年ROI**
三年总节省=120×3=360万元；三年总投入=150+30×3=240万元；
三年ROI=(360−240)÷240=50%。

**四、风险与前提**
1. 以上假设减员在上线后立即完成；如果过渡期需要新旧并行3个月，回收期约为23个月。
2. 如果人力成本每年上涨5%，三年ROI会略高于50%。

综上，该项目年净节省90万元、回收期约20个月、三年ROI 50%，经济上可行。您是否还需要我计算考虑折现后的NPV？"""

# wrong twin: the ROI asked back to the user, the payback only supposed
ROI_ZH_WRONG_3 = """### 初步测算

- 年人力节省：120万元
- 年运维费：30万元

在计算回收期之前，我想先确认几个前提：

1. 15名客服是否能在上线当年全部减少？
2. 三年ROI是否为50%，取决于三年总投入是否包含折旧，请确认。

如果回收期是20个月，项目就值得做；但请先确认上面的问题，我再给出最终结论。"""

ROI_ZH_6 = """## 回答

- 年净节省额：**90万元**（120万元人力节省 − 30万元运维费）
- 静态投资回收期：**20个月**
- 三年ROI：**50%**

## 假设条件
1. 假设15名客服在上线后即可全部减少；
2. 假设每人年综合人力成本8万元保持不变；
3. 不考虑税费与资金时间价值。

## 风险
| 风险 | 影响 | 应对 |
|---|---|---|
| 减员延迟 | 回收期延长至24个月以上 | 分批减员、设定里程碑 |
| 运维费上涨 | ROI低于50% | 签订多年期运维合同 |
| 用户满意度下降 | 客诉增加 | 保留少量人工坐席 |

需要我把上面的测算整理成Excel模板吗？"""

ROI_EN_1 = """## Summary

- **Net annual saving**: 120万 − 30万 = **90万元** per year (年净节省90万元)
- **Static payback period**: 150万 ÷ 90万 ≈ 1.67 years, i.e. about **20个月**
- **3-year ROI**: (360万 − 240万) ÷ 240万 = **50%**

## Assumptions

- Labour cost per agent stays at 8万元 per year for three years.
- All 15 agents are released right after go-live.

## Risks

- If only 10 agents can be released, the payback stretches to roughly 36 months.
- If the maintenance fee rises, the ROI would fall below 50%.

Would you like me to model a 20% rise in the maintenance fee?"""

ROI_EN_WRONG_1 = """## Calculation

- Labour saved per year: 15 × 8万 = 120万元
- Maintenance per year: 30万元

## Open questions

Before I give the payback and the ROI, could you confirm whether the 150万 includes hardware?

Would you like me to check whether the 3-year ROI reaches 50% under a 20% price rise?"""

NEAR_ZH_1 = """## 推荐结论：选智能风控引擎（SaaS）

### 理由
1. **不要求本地部署**：引擎为SaaS，符合要求；
2. **预算匹配**：平台永久授权380万元起，远超100万元年预算；

### 首年费用测算（智能风控引擎）
| 项目 | 计算 | 金额 |
|---|---|---|
| 基础年费（含500万次） | — | 60万元 |
| 超出调用量 | 800万 − 500万 = 300万次 | — |
| 超出费用 | 300万次 × 0.08元 | 24万元 |
| **首年合计** | 60 + 24 | **84万元** |

### 风险
- 若调用量增长到1000万次，超出费用将达到40万元，首年费用变为100万元，触及预算上限；

### 结论
选择智能风控引擎，首年费用约84万元，在100万元预算内。需要我帮您测算调用量增长30%时的费用吗？"""

NEAR_ZH_2 = """**建议选择：智能风控引擎**

- 智能风控平台：私有化部署，永久授权380万元起，另有年维保（授权价的15%，即57万元），首年至少437万元，远超预算，
也不符合“不要求本地部署”的场景。
- 智能风控引擎：SaaS模式，年费60万元含500万次调用。

**首年费用**
- 超出调用：800万次 − 500万次 = 300万次
- 超出费用：300万 × 0.08 = 24万元
- 首年总费用：60万 + 24万 = 84万元

**总结**：推荐智能风控引擎，首年费用84万元，比预算节省16万元。

如果您希望，我可以再比较一下三年总拥有成本。"""

# wrong twin: the fee only for another call volume, the choice hedged away
NEAR_ZH_WRONG_1 = """## 分析

两款产品各有优势：

- 智能风控平台：私有化部署，安全性高；
- 智能风控引擎：SaaS，上线快。

## 费用

如果年调用量只有500万次，引擎的首年费用为60万元；若超出300万次，则首年费用为84万元。具体应选哪一款，取决于贵司对数据安全的要求，建议进一步沟通后再定。

需要我安排产品经理和您对接吗？"""

NEAR_EN_1 = """## Recommendation

**Choose the Smart Risk Engine (智能风控引擎, SaaS).**

## First-year cost

| Item | Calculation | Amount |
|---|---|---|
| Base annual fee | includes 5M calls | 60万元 |
| Overage calls | 8M − 5M = 300万次 | — |
| Overage fee | 3M × ¥0.08 | 24万元 |
| **Total** | | **84万元** |

## Risks

- If volume grows to 10M calls, the first-year cost would be 100万元.

Would you like me to model a 20% rise in call volume?"""

NEAR_ZH_3 = """### 结论
应选**智能风控引擎**，首年费用为**84万元**。

### 计算
- 年费：60万元（含500万次调用）
- 超出部分：(800 − 500) 万次 × 0.08 元/次 = 24万元
- 合计：84万元

### 为什么不选智能风控平台
- 永久授权380万元起 + 年维保57万元，首年至少437万元；
- 需要私有化部署，而客户不要求本地部署。

### 假设
- 假设年调用量稳定在800万次左右；
- 假设单价0.08元/次不随量调整。

需要我进一步测算三年总成本吗？"""

PRODUCT_ZH_1 = """## 推荐产品：信贷审批引擎（CreditFlow）

### 能达到的效果
- **审批时效**：由平均3天缩短至**5分钟**以内；
- **自动审批率**：可达**85%**，其余申请转人工审批。

### 部署方式
支持**私有化部署**或专属云部署，适合城商行对数据安全的要求。

### 参考报价
软件授权**200万元**起，年维保费为授权价的15%。

### 参考客户
- **华信银行**：已上线使用。

### 风险提示
- 如果行内征信数据接口改造滞后，上线周期可能延长；
- 自动审批率受客群质量影响，若客群风险较高，实际可能低于85%。

需要我帮您准备一份给客户的方案简介吗？"""

PRODUCT_ZH_2 = """**推荐：信贷审批引擎**

| 维度 | 内容 |
|---|---|
| 效果 | 审批时效从3天缩短至5分钟以内；自动审批率可达85% |
| 部署方式 | 私有化部署 / 专属云 |
| 参考报价 | 授权200万元起，年维保为授权价15% |
| 参考客户 | 华信银行 |

**结论**：信贷审批引擎能直接解决放款慢、客户流失的问题。是否需要我安排一次面向零售信贷部的产品演示？"""

# wrong twin: the figures only as goals asked back
PRODUCT_ZH_WRONG_1 = """## 初步建议

可以考虑我们的信贷审批引擎。

## 需要先确认
1. 贵行希望审批时效缩短到5分钟以内吗？
2. 自动审批率的目标是否为85%？
3. 预算是否能覆盖200万元？

在确认上述需求后，我再给出部署方式和参考客户。需要我先发一份产品白皮书吗？"""

HYBRID_ZH_1 = """## 合同概况
- **合同编号**：YT-HT-2022-031
- **客户**：华信银行
- **金额**：1200万元（其中反洗钱监测系统780万元）

## 采用的办法：智能告警降噪
反洗钱监测系统通过**告警降噪**模型，对规则引擎产生的可疑交易预警进行打分和过滤，合规人员只需复核高风险预警。

## 实际效果
- 需要逐笔人工复核的预警量由每月2.1万笔降至**8400笔**，下降约60%；
- 误报率由95%降至**78%**左右。

## 风险与局限
- 如果降噪模型阈值设置过高，可能漏掉真正可疑的交易，需要定期回测。

需要我整理该项目的完整案例材料吗？"""

HYBRID_ZH_2 = """该合同（YT-HT-2022-031）是华信银行的二期合同，金额1200万元。

**办法**：部署反洗钱监测系统，利用智能告警降噪，把低风险预警自动归档。

**效果**：
| 指标 | 之前 | 之后 |
|---|---|---|
| 需人工复核的预警量 | 2.1万笔/月 | 8400笔/月 |
| 误报率 | 95% | 78% |

**总结**：合规岗位的逐笔核对工作量显著下降。如需我进一步说明模型原理，请告诉我。"""

# wrong twin: the effect figures only as a former value and a question
HYBRID_ZH_WRONG_1 = """## 合同信息
合同YT-HT-2022-031的客户是华信银行。

## 办法
系统采用规则引擎加人工复核的方式。

## 效果
目前我无法确认实际效果的具体数字。您是否是想了解误报率是否降到了78%？另外，复核量是否降至8400笔，也需要向项目组核实。"""

COMPETITOR_ZH_1 = """## 深澜数据的代表性金融客户
- **华鑫农商银行**：2023年采购深澜风控云，3年合同，金额180万元；
- **瑞丰财险**
- **海东消费金融**

## 从我们手中抢走的一单
**华鑫农商银行**（2023年“线上贷款与借记卡交易反欺诈”项目）：

| 参与方 | 方案 | 报价 |
|---|---|---|
| 深澜数据 | 深澜风控云（SaaS） | 180万元（3年） |
| 我司 | 智能风控平台私有化方案 | 320万元 |

## 启示
价格差距较大是失单主因。需要我帮您分析下次如何应对深澜风控云的低价策略吗？"""

# wrong twin: the competitor's price given as ours and the other way round
COMPETITOR_ZH_WRONG_1 = """## 失单项目
华鑫农商银行项目中，深澜数据以深澜风控云中标。

## 报价
据了解，我司报价并非320万元，深澜数据的报价也不是180万元，具体数字需要向销售部门核实。

需要我联系周晓峰确认吗？"""

COOP_ZH_1 = """## 合作起点
我们与华信城商行（华信银行）自**2020年**开始合作。

## 历次合同
| 时间 | 产品 | 金额 | 状态 |
|---|---|---|---|
| 2020年 | 智能风控平台 | 860万元 | 已验收 |
| 2022年 | 反洗钱监测系统 + 风控平台升级 | 1200万元 | 已验收 |
| 2023年 | 信贷审批引擎 | 340万元 | 实施中 |

## 风险
- 如果三期项目延期，340万元合同的回款可能推迟到明年。

需要我整理一份完整的客户合作时间线吗？"""

BACKGROUND_ZH_1 = """# 华信银行基本情况

## 基本信息
- **成立时间**：1997年
- **总部**：苏州
- **资产规模**：约5800亿元
- **员工人数**：约4300人

## 主要痛点
1. **信用卡欺诈**：2019年欺诈损失约3200万元，原有规则系统只能事后发现；
2. **人工复核压力大**：反洗钱预警误报率高，合规人员需逐笔人工复核。

## 总结
华信银行是一家资产约5800亿元的城商行，风控和合规是其核心诉求。需要我进一步介绍我们与它的合作历史吗？"""

# wrong twin: the founding year only in a question to the user, the assets only supposed
BACKGROUND_ZH_WRONG_1 = """## 华信银行
总部位于苏州，是一家城商行。

## 待确认
- 成立时间是1997年吗？我手头资料不全。
- 如果资产规模为5800亿元，那么它属于中型城商行。

需要我向客户经理核实后再补充吗？"""

ROI_EN_2 = """### Answer

**1. Net annual saving:** 15 agents × 8万元 = 120万元 saved; minus 30万元 maintenance, the 年净节省额 is 90万元.

**2. Payback:** 150万元 ÷ 90万元 ≈ 1.67 years (20个月).

**3. Three-year ROI:** total savings 360万元, total investment 240万元, so ROI = (360 − 240) ÷ 240 = 50%.

### Caveats
- Even if adoption is slower than planned, the payback would only move to about 24 months.
- The ROI assumes no salary inflation.

Let me know if you'd like the same numbers for a five-year horizon."""

ROI_ZH_WRONG_4 = """## 计算

- 年人力节省：15×8=120万元
- 年净节省额：120−30=90万元

## 关于回收期
回收期并非20个月，而是需要考虑上线过渡期，实际约为26个月。

## 关于ROI
三年ROI不是50%，按您给的公式计算，应为(360−240)÷240，但三年总投入应包含过渡期人力，约为38%。

需要我列出详细的过渡期成本吗？"""

PRODUCT_EN_1 = """## Recommendation: 信贷审批引擎 (CreditFlow)

- **Effect**: approval time drops from 3 days to within 5分钟; the auto-approval rate can reach 85%.
- **Deployment**: 私有化部署 or a dedicated cloud.
- **Reference price**: licence from 200万元, annual maintenance 15% of the licence.
- **Reference customer**: 华信银行.

## Risks
- If the bank's credit-bureau interface is slow to adapt, go-live could slip.

Would you like me to draft a one-page proposal for the retail credit department?"""

ROI_ZH_7 = """### 测算结果
- 年净节省额：120万元 − 30万元 = 90万元
- 三年ROI：50%

### 结论
按150万元一次性投入计算，回收期约20个月。这个回收期是否符合贵司的预期？需要我帮您测算ROI低于50%时的应对方案吗？"""

# wrong twin: the payback and the ROI only in the closing offers
ROI_ZH_WRONG_5 = """### 测算结果
- 年人力节省：15 × 8 = 120万元
- 年净节省额：120万元 − 30万元 = 90万元

需要我帮您计算回收期缩短到20个月需要减少多少名客服吗？或者，要不要我算一下三年ROI达到50%需要满足哪些条件？"""

ROI_EN_WRONG_2 = """## Result

- Net annual saving: 90万元 (年净节省90万元)
- Payback and ROI depend on how fast the agents are released.

Would you like me to check what the ROI would be if the payback were 20个月?
I can also test whether a 50% ROI is reachable."""

ROI_ZH_8 = """## 假设
- 假设年净节省额为90万元（120万元人力节省扣除30万元运维费）；
- 假设三年内人力成本和运维费均保持不变。

## 测算
- 静态投资回收期 = 150 ÷ 90 ≈ 1.67年，即20个月；
- 三年ROI =（360 − 240）÷ 240 = 50%。

## 风险
- 若客服减员推迟半年，回收期将延长至26个月左右，三年ROI也会低于50%。"""

ROI_QWEN_THINK = """<think>
年节省 15×8=120万，减去运维30万，净节省90万。回收期150/90=1.67年=20个月。三年ROI=(360-240)/240=50%。
</think>

## 计算结果

| 指标 | 结果 |
|---|---|
| 年净节省额 | 90万元 |
| 静态投资回收期 | 约20个月 |
| 三年ROI | 50% |

需要我进一步解释计算口径吗？"""

# wrong twin: the figures only inside the thinking, the final answer gives others
ROI_QWEN_THINK_WRONG = """<think>
年节省120万，净节省90万，回收期大约20个月，ROI 50%。
</think>

## 计算结果
- 年净节省额：120万元
- 静态投资回收期：约15个月
- 三年ROI：140%

需要我进一步解释计算口径吗？"""

# (case id, what the answer is like, the answer, {key point: its status as a careful grader gives it})
LONG_ANSWERS: list[LongAnswer] = [
    ("roi_calculation", "zh closing question about the figure, offer", ROI_ZH_7, {"90万": C, "20个月": C, "50%": C}),
    ("roi_calculation", "zh figures only in closing offers", ROI_ZH_WRONG_5, {"20个月": N, "50%": N, "90万": C}),
    ("roi_calculation", "en figures only in closing offers", ROI_EN_WRONG_2, {"20个月": N, "50%": N, "90万": C}),
    ("roi_calculation", "zh assumptions section states the figure", ROI_ZH_8, {"90万": C, "20个月": C, "50%": C}),
    ("roi_calculation", "qwen thinking and answer", ROI_QWEN_THINK, {"90万": C, "20个月": C, "50%": C}),
    ("roi_calculation", "qwen figures only in thinking", ROI_QWEN_THINK_WRONG, {"20个月": N, "50%": N}),
    (
        "roi_calculation",
        "zh table, assumptions, risks, summary, offer",
        ROI_ZH_1,
        {"90万": C, "20个月": C, "50%": C, "120万": C, "360万": C, "240万": C},
    ),
    (
        "roi_calculation",
        "zh conclusion first, risks",
        ROI_ZH_2,
        {"90万": C, "20个月": C, "50%": C, "360万": C, "240万": C},
    ),
    ("roi_calculation", "zh steps, note, offer", ROI_ZH_3, {"90万": C, "20个月": C, "50%": C, "360万": C, "240万": C}),
    ("roi_calculation", "zh figures only in risks and offer", ROI_ZH_WRONG_1, {"20个月": N, "50%": N, "90万": C}),
    ("roi_calculation", "zh wrong summary, industry's ROI", ROI_ZH_WRONG_2, {"20个月": N, "50%": N, "90万": C}),
    (
        "roi_calculation",
        "zh emoji headings, risks with conditions",
        ROI_ZH_4,
        {"90万": C, "20个月": C, "50%": C, "360万": C, "240万": C},
    ),
    (
        "roi_calculation",
        "zh prose sections, conditions",
        ROI_ZH_5,
        {"90万": C, "20个月": C, "50%": C, "360万": C, "240万": C},
    ),
    ("roi_calculation", "zh asked back and supposed", ROI_ZH_WRONG_3, {"20个月": N, "50%": N}),
    ("roi_calculation", "zh assumptions, risk table", ROI_ZH_6, {"90万": C, "20个月": C, "50%": C}),
    ("roi_calculation", "zh denied and corrected", ROI_ZH_WRONG_4, {"20个月": N, "50%": N, "90万": C}),
    ("roi_calculation", "en summary, assumptions, risks, offer", ROI_EN_1, {"90万": C, "20个月": C, "50%": C}),
    ("roi_calculation", "en only the offer", ROI_EN_WRONG_1, {"50%": N, "120万": C}),
    ("roi_calculation", "en prose, caveats", ROI_EN_2, {"90万": C, "20个月": C, "50%": C, "360万": C, "240万": C}),
    (
        "near_match_precision",
        "zh table, risks, offer",
        NEAR_ZH_1,
        {"选智能风控引擎": C, "300万次": C, "24万": C, "84万": C},
    ),
    (
        "near_match_precision",
        "zh bullets, summary",
        NEAR_ZH_2,
        {"选智能风控引擎": C, "300万次": C, "24万": C, "84万": C},
    ),
    ("near_match_precision", "zh undecided, fee conditional", NEAR_ZH_WRONG_1, {"选智能风控引擎": N, "84万": C}),
    ("near_match_precision", "en table, offer", NEAR_EN_1, {"300万次": C, "24万": C, "84万": C}),
    ("near_match_precision", "zh assumptions", NEAR_ZH_3, {"选智能风控引擎": C, "24万": C, "84万": C}),
    (
        "kb_product_recommendation",
        "zh sections, risks",
        PRODUCT_ZH_1,
        {"信贷审批引擎": C, "5分钟": C, "85%": C, "200万元": C, "私有化部署": C, "华信银行": C},
    ),
    (
        "kb_product_recommendation",
        "zh table",
        PRODUCT_ZH_2,
        {"信贷审批引擎": C, "5分钟": C, "85%": C, "200万元": C, "私有化部署": C, "华信银行": C},
    ),
    ("kb_product_recommendation", "zh figures asked back", PRODUCT_ZH_WRONG_1, {"5分钟": N, "85%": N, "200万元": N}),
    (
        "kb_product_recommendation",
        "en bullets, offer",
        PRODUCT_EN_1,
        {"5分钟": C, "85%": C, "200万元": C, "华信银行": C},
    ),
    (
        "kb_hybrid_retrieval",
        "zh sections, risks",
        HYBRID_ZH_1,
        {"华信银行": C, "1200万元": C, "8400笔": C, "告警降噪": C, "78%": C},
    ),
    ("kb_hybrid_retrieval", "zh table", HYBRID_ZH_2, {"1200万元": C, "8400笔": C, "78%": C}),
    ("kb_hybrid_retrieval", "zh unconfirmed", HYBRID_ZH_WRONG_1, {"8400笔": N, "78%": N, "华信银行": C}),
    (
        "kb_competitor_customers",
        "zh table",
        COMPETITOR_ZH_1,
        {"华鑫农商银行": C, "180万元": C, "320万元": C, "深澜风控云": C},
    ),
    ("kb_competitor_customers", "zh denied", COMPETITOR_ZH_WRONG_1, {"180万元": N, "320万元": N}),
    (
        "kb_cooperation_history",
        "zh table, risk",
        COOP_ZH_1,
        {"2020年": C, "860万元": C, "1200万元": C, "340万元": C, "实施中": C},
    ),
    (
        "kb_company_background",
        "zh sections, summary",
        BACKGROUND_ZH_1,
        {"1997年": C, "苏州": C, "5800亿元": C, "4300人": C},
    ),
    ("kb_company_background", "zh asked and supposed", BACKGROUND_ZH_WRONG_1, {"1997年": N, "5800亿元": N, "苏州": C}),
]

ALL_ROWS = FRAMED_HOLDING_ROWS + POINTING_ROWS + RESPECTIVELY_ROWS + OFFER_ROWS


def test_scorer_version_is_at_least_54() -> None:
    assert SCORER_VERSION >= 54


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ALL_ROWS)
def test_v54_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


def test_rows_hold_both_verdicts_in_each_class() -> None:
    """Each class pins wrong answers and the right answers beside them, so a fix that drops all credit fails too."""
    for rows in (FRAMED_HOLDING_ROWS, POINTING_ROWS, RESPECTIVELY_ROWS, OFFER_ROWS):
        assert {r[3] for r in rows} == {C, N}


class TestLongAnswers:
    """Answers in the shape Qwen3 and GPT answers take for the shipped cases, each point's status pinned: a risks
    section's conditions, a closing offer and an assumptions section leave a figure stated plainly elsewhere covered;
    a figure said only in them, only in a thinking block, only asked back or denied is not."""

    @pytest.mark.parametrize(
        ("case_id", "shape", "answer", "point", "expected"),
        long_answer_rows(LONG_ANSWERS),
        ids=long_answer_ids(LONG_ANSWERS),
    )
    def test_point_status(self, case_id: str, shape: str, answer: str, point: str, expected: str) -> None:
        check_long_answer(case_id, shape, answer, point, expected)

    def test_each_case_has_right_answers_and_wrong_twins(self) -> None:
        """At least 30 answers, and every case with a wrong twin has a right answer beside it."""
        assert len(LONG_ANSWERS) >= 30
        for case_id in {row[0] for row in LONG_ANSWERS}:
            verdicts = {v for row in LONG_ANSWERS if row[0] == case_id for v in row[3].values()}
            assert C in verdicts, case_id
        assert {v for row in LONG_ANSWERS for v in row[3].values()} == {C, N}

    def test_every_pinned_point_is_a_point_of_its_case(self) -> None:
        for case_id, shape, _, points in LONG_ANSWERS:
            own = {p.point for p in shipped_cases()[case_id].key_points}
            assert set(points) <= own, (case_id, shape, set(points) - own)
