"""Scorer v41: what v40 left and a hostile pass over v40's rules (probe rows written as Qwen and GPT answer business
questions, Chinese and English, Markdown tables and JSON). A figure asked about with a copula (Is the ROI 20%?,
ROI是20%吗？); a point that names its subject said with English unit words (The payback period is 20 months for
投资回收期20个月); the level an arrow of change reaches (ROI: 20% -> 18%, | 15%→20% |); a 分别 / respectively list
taken back whole; a forecast stated as the answer's own claim (We expect revenue to double); a figure called out of
date (The ROI of 20% is outdated; it is now 18%) and the new figure of 原为20个月，现调整为24个月; a growth rate as the
growth (营收增长率为20%). Innocent rows beside each."""

from __future__ import annotations

import time

import pytest
from scorer_rows import SW, assert_linear_time, check_status, slowest_status, status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

# a figure asked about with a copula (Is the ROI 20%?, ROI是20%吗？, Could the ROI be 20%?) is no claim unless
# answered yes; a question with a question word presupposes it (Why is the ROI 20%?), a negative question is left
COPULA_QUESTION_ROWS: list[Row] = [
    ("20%", "ROI是否为20%？", None, N),
    ("ROI 20%", "Is the ROI 20%?", None, N),
    ("ROI 20%", "Could the ROI be 20%?", None, N),
    ("ROI 20%", "ROI是20%吗？", None, N),
    ("ROI 20%", "ROI为20%吗？目前数据不足，无法判断。", None, N),
    ("回收期20个月", "回收期是20个月吗？需要更多数据。", None, N),
    ("payback 20 months", "Is the payback 20 months? That depends on volume.", None, N),
    ("payback 20 months", "Is the payback period really 20 months? We need the cost data.", None, N),
    ("ROI 20%", "Is the ROI 20%? Yes.", None, C),
    ("ROI 20%", "Is the ROI 20%? Yes, it is.", None, C),
    ("ROI 20%", "ROI是20%吗？是的。", None, C),
    ("ROI 20%", "ROI是20%吗？是的，ROI为20%。", None, C),
    ("ROI 20%", "Is the ROI 20%? No, it is 18%.", None, N),
    ("ROI 18%", "Is the ROI 20%? No, it is 18%.", None, N),
    ("ROI 20%", "ROI是20%吗？不是，是18%。", None, N),
    ("ROI 20%", "Is the ROI 20%? Based on the figures, the ROI is 20%.", None, C),
    ("ROI 20%", "Why is the ROI 20%? Because of scale.", None, C),
    ("ROI 20%", "为什么ROI是20%？因为规模效应。", None, C),
    ("ROI 20%", "The ROI is 20%. Is that good? Yes.", None, C),
    ("ROI 20%", "The ROI is 20%. Is it sustainable?", None, C),
    ("ROI 20%", "ROI为20%，这个水平合理吗？", None, C),
    ("ROI 20%", "**Is the ROI 20%?**\n\nYes - the ROI is 20%.", None, C),
    ("ROI 20%", "## ROI是20%吗？\n\n是的，ROI为20%。", None, C),
    ("ROI 20%", "Q: What is the ROI?\nA: The ROI is 20%.", None, C),
    ("ROI 20%", "您问ROI是多少？ROI为20%。", None, C),
    ("ROI 20%", "The CFO asked whether the ROI is 20%.", None, N),
    ("ROI 20%", "ROI 20%?", None, N),
    ("ROI 20%", "Is the ROI above 20%?", None, N),
    ("ROI 20%", "Are ROI and IRR 20% and 15% respectively?", None, N),
    ("回收期20个月", "回收期是不是20个月？", None, N),
    ("回收期20个月", "回收期是不是20个月？是的。", None, C),
    ("ROI 20%", "- ROI：20%\n- IRR：15%？", None, C),
    ("ROI 20%", "ROI: 20% (see note?)", None, C),
    ("ROI 20%", "Can you confirm the ROI is 20%?", None, N),
]

# a point that names its subject takes the unit words of its bare figure (The payback period is 20 months for
# 投资回收期20个月, as 20个月 took "20 months" since v18)
ENGLISH_UNIT_ROWS: list[Row] = [
    ("投资回收期20个月", "The payback period is 20 months.", None, C),
    ("回收期20个月", "Payback is 20 months.", None, C),
    ("回收期20个月", "The payback period is about 20 months.", None, C),
    ("回收期20个月", "Payback takes 20 months.", None, C),
    ("回收期20个月", "The payback period is 20 weeks.", None, N),
    ("回收期20个月", "The payback period is 24 months.", None, N),
    ("回收期20个月", "The payback period is not 20 months.", None, N),
    ("回收期20个月", "The payback period is over 20 months.", None, N),
    ("回收期2年", "The payback period is 2 years.", None, C),
    ("回收期2年", "The payback period is two years.", None, C),
    ("回收期2年", "The payback period is 24 months.", None, C),
    ("回收期2年", "The payback period is 2 months.", None, N),
    ("回收期20个月", "The payback period is 1 year and 8 months.", None, C),
    ("获客成本200元", "Customer acquisition cost is 200 RMB.", None, C),
    ("获客成本200元", "Customer acquisition cost is $200.", None, N),
    ("回收期20个月", "回收期20周。", None, N),
    ("回收期20个月", "Payback: 20 months (est.)", None, C),
    ("回收期20个月", "| Metric | Value |\n|---|---|\n| Payback period | 20 months |", None, C),
    ("回收期20个月", "| Metric | Value |\n|---|---|\n| Payback period | 20 weeks |", None, N),
    ("营收20亿元", "Revenue is 2 billion yuan.", SW, C),
    # v51: flipped to N - the figure is in the condition's antecedent (supposed, not stated)
    ("回收期20个月", "If the payback period is 20 months, the IRR is 35%.", None, N),
    ("回收期20个月", "Payback period: 20 months -> 24 months", None, N),
    ("回收期24个月", "Payback period: 20 months -> 24 months", None, C),
]

# an arrow of change: the level reached is the new value, the old one a former value
ARROW_ROWS: list[Row] = [
    ("ROI 18%", "ROI: 20% -> 18%", None, C),
    ("ROI 20%", "ROI: 20% -> 18%", None, N),
    ("ROI 18%", "ROI 20%→18%", None, C),
    ("ROI 20%", "ROI 20%→18%", None, N),
    ("ROI 18%", "ROI为20%→18%。", None, C),
    ("ROI 18%", "ROI：20% → 18%", None, C),
    ("ROI 18%", "- **ROI**: 20% → 18%", None, C),
    ("ROI 18%", "ROI 20% => 18%", None, C),
    ("ROI 20%", "| ROI | IRR |\n|---|---|\n| 15%→20% | 12% |", None, C),
    ("20%", "| ROI | IRR |\n|---|---|\n| 15%→20% | 12% |", None, C),
    ("15%", "| ROI | IRR |\n|---|---|\n| 15%→20% | 12% |", None, N),
    ("ROI 15%", "| ROI | IRR |\n|---|---|\n| 15%→20% | 12% |", None, N),
    ("IRR 20%", "| ROI | IRR |\n|---|---|\n| 15%→20% | 12% |", None, N),
    ("ROI 20%", "| 指标 | 变化 |\n|---|---|\n| ROI | 15% → 20% |", None, C),
    ("ROI 15%", "| 指标 | 变化 |\n|---|---|\n| ROI | 15% → 20% |", None, N),
    ("回收期24个月", "回收期：20个月→24个月", None, C),
    ("回收期20个月", "回收期：20个月→24个月", None, N),
    ("20个月", "回收期：20个月→24个月", None, N),
    ("24个月", "回收期：20个月→24个月", None, C),
    ("payback 24 months", "Payback: 20 months → 24 months", None, C),
    ("ROI 18%", "ROI: 20% -> 18% -> 15%", None, N),
    ("ROI 15%", "ROI: 20% -> 18% -> 15%", None, C),
    ("IRR 18%", "ROI: 20% -> 18%; IRR: 12%", None, N),
    ("ROI 18%", "ROI: 20% -> IRR 18%", None, N),
    ("ROI 18%", "ROI 20% (→ see note 18%)", None, N),
    ("ROI 20%", "ROI 15%→20%（提升5个百分点）", None, C),
    ("20%", "成本：100万→80万（下降20%）", None, C),
    ("ROI 20%", "ROI: 20% → 20% (unchanged)", None, C),
]

# a 分别 / respectively list taken back, corrected or bounded whole; lists with units, ranges, bullets
RESPECTIVELY_ROWS: list[Row] = [
    ("ROI 20%", "ROI、IRR分别为20%和15%（不对，应为18%和15%）。", None, N),
    ("20%", "ROI、IRR分别为20%和15%（不对，应为18%和15%）。", None, N),
    ("ROI 20%", "ROI and IRR are 20% and 15% respectively (correction: 18% and 15%).", None, N),
    ("ROI 20%", "ROI和IRR分别为20%和15%，更正：分别为18%和15%。", None, N),
    ("ROI 20%", "ROI、IRR分别为20%和15% ❌", None, N),
    ("ROI 20%", "ROI、IRR分别为20%和15%（已核实）。", None, C),
    ("IRR 15%", "ROI、IRR分别为20%和15%（已核实）。", None, C),
    ("ROI 20%", "ROI、IRR分别为20%和15%（按三年计算）。", None, C),
    ("ROI 20%", "ROI、IRR分别为10%-20%和15%。", None, N),
    ("IRR 15%", "ROI、IRR分别为10%-20%和15%。", None, N),
    ("ROI 20%", "ROI、IRR分别为20%以上和15%。", None, C),
    ("回收期20个月", "建设期、回收期分别为4个月、20个月。", None, C),
    ("回收期4个月", "建设期、回收期分别为4个月、20个月。", None, N),
    ("回收期20个月", "建设期、回收期分别为4、20个月。", None, C),
    ("ROI 20%", "- ROI、IRR分别为：\n  - 20%\n  - 15%", None, N),
    ("IRR 20%", "- ROI、IRR分别为：\n  - 20%\n  - 15%", None, N),
    ("ROI 20%", "ROI、IRR分别为20%、15%，NPV为120万元。", None, C),
    ("NPV 120万元", "ROI、IRR分别为20%、15%，NPV为120万元。", None, C),
    ("IRR 120万元", "ROI、IRR分别为20%、15%，NPV为120万元。", None, N),
    ("IRR 15%", "The ROI and IRR would be 20% and 15% respectively if prices rise.", None, C),
    # v51: flipped to N - the figure is in the condition's antecedent (supposed, not stated)
    ("ROI 20%", "If ROI and IRR are 20% and 15% respectively, the project is viable.", None, N),
]

# a forecast stated as the answer's own claim (We expect revenue to double, 预计营收将翻倍) states it; a condition
# (if revenue doubles: v40) and a question (Does revenue double?) do not
FORECAST_ROWS: list[Row] = [
    ("营收增长100%", "We expect revenue to double.", None, C),
    ("营收增长100%", "We expect revenue to double by 2026.", None, C),
    ("营收增长100%", "Revenue is expected to double.", None, C),
    ("营收增长100%", "Revenue should double next year.", None, C),
    ("营收增长100%", "Revenue will double within two years.", None, C),
    ("营收增长100%", "Revenue is projected to double.", None, C),
    ("营收增长100%", "We project that revenue will double.", None, C),
    ("营收增长100%", "预计营收将翻倍。", None, C),
    ("营收增长100%", "营收有望翻倍。", None, C),
    ("营收增长100%", "预计明年营收将实现翻倍。", None, C),
    ("成本下降50%", "We expect costs to halve.", None, C),
    ("成本下降50%", "Costs are expected to be cut in half.", None, C),
    ("营收增长100%", "If revenue doubles, margins improve.", None, N),
    ("营收增长100%", "Does revenue double?", None, N),
    ("营收增长100%", "Does revenue double? It depends on pricing.", None, N),
    ("营收增长100%", "Will revenue double?", None, N),
    ("营收增长100%", "We don't expect revenue to double.", None, N),
    ("营收增长100%", "We do not expect revenue to double.", None, N),
    ("营收增长100%", "Nobody expects revenue to double.", None, N),
    ("营收增长100%", "We no longer expect revenue to double.", None, N),
    ("营收增长100%", "Revenue is not expected to double.", None, N),
    ("营收增长100%", "预计营收不会翻倍。", None, N),
    ("营收增长100%", "We hope revenue will double, but it is unlikely.", None, N),
    ("营收增长100%", "We need revenue to double to break even.", None, N),
    ("营收增长100%", "For the plan to work, revenue must double.", None, N),
    ("营收增长100%", "We expected revenue to double, but it grew only 40%.", None, N),
    ("营收增长100%", "原本预计营收翻倍，实际仅增长40%。", None, N),
    ("营收增长100%", "Investors expect revenue to double; we think 40% is realistic.", None, N),
    ("ROI 20%", "We expect the ROI to reach 20%.", None, C),
    ("ROI 20%", "We expect the ROI to be 20%.", None, C),
    ("ROI 20%", "We don't expect the ROI to reach 20%.", None, N),
]

# innocent rows beside the new rules: a change to a level, a need that is no condition, an expectation fulfilled
INNOCENT_ROWS: list[Row] = [
    ("营收增长100%", "We need more staff because revenue doubled.", None, C),
    ("8400笔", "上线后，需要人工复核的预警从每月约2.1万笔降至约8400笔。", None, C),
    ("ROI 20%", "For the ROI to reach 20%, costs must fall.", None, N),
    ("ROI 20%", "It would take a price rise for the ROI to reach 20%.", None, N),
    ("营收增长100%", "Our goal is for revenue to double.", None, N),
    ("营收增长100%", "Management wants revenue to double.", None, N),
    ("ROI 20%", "ROI有望提升至20%。", None, C),
    ("ROI 20%", "ROI未能提升至20%。", None, N),
    ("ROI 20%", "ROI didn't rise to 20%.", None, N),
    ("ROI 20%", "如果ROI提升至20%，就扩大投资。", None, N),
    ("回收期24个月", "回收期原为20个月，现调整为24个月？", None, N),
    ("营收增长100%", "No need to worry: revenue doubled.", None, C),
    ("营收增长100%", "We need revenue to double.", None, N),
    ("ROI 20%", "The ROI rose to 20%.", None, C),
    ("ROI 20%", "ROI提升至20%。", None, C),
    ("ROI 15%", "ROI由20%降至15%。", None, C),
    ("ROI 20%", "ROI由20%降至15%。", None, N),
    ("成本80万元", "成本：100万元→80万元", None, C),
    ("成本100万元", "成本：100万元→80万元", None, N),
    ("回收期20个月", "回收期缩短至20个月。", None, C),
    ("payback 20 months", "Payback was 24 months; it is now 20 months.", None, C),
    ("payback 24 months", "Payback was 24 months; it is now 20 months.", None, N),
    ("ROI 18%", "ROI was 20%, and IRR is now 18%.", None, N),
    ("ROI 20%", "我们希望营收翻倍，ROI为20%。", None, C),
    ("营收增长100%", "We will double down on sales.", None, N),
    ("营收增长100%", "Revenue reached a double-digit share.", None, N),
    ("营收增长100%", "We expected revenue to double, and it did.", None, C),
    ("营收增长100%", "We expect revenue to double, but costs will rise 10%.", None, C),
    ("营收增长100%", "Analysts expect revenue to double.", None, C),
    ("营收增长20%", "营收增长率为20%左右。", None, C),
    ("营收增长20%", "营收增长率为-20%。", None, N),
    ("ROI 20%", "ROI是20%吗？能否更高？", None, N),
    ("ROI 20%", "ROI为20%。这个数字可信吗？", None, C),
    ("ROI 20%", "如果说ROI为20%，那是按三年计算的。", None, C),
    ("ROI 20%", "ROI 20%（原为15%），IRR 12%。", None, C),
    ("IRR 15%", "ROI、IRR分别为20%和15%（不对，应为18%和15%）。", None, C),
    ("ROI 18%", "ROI、IRR分别为20%和15%（不对，应为18%和15%）。", None, N),
    ("IRR 15%", "ROI、IRR分别为20%和15%，不对，应为18%和12%。", None, N),
    ("回收期20个月", "建设期和回收期分别为4个月和20个月，均已过时。", None, N),
    ("回收期20个月", "建设期和回收期分别为4个月和20个月，设备已过时。", None, C),
]

# a figure called out of date (outdated, no longer valid, 已过时) and the new figure of a subject changed to it
OUTDATED_ROWS: list[Row] = [
    ("ROI 20%", "The ROI of 20% is outdated; it is now 18%.", None, N),
    ("20%", "The ROI of 20% is outdated; it is now 18%.", None, N),
    ("ROI 18%", "The ROI of 20% is outdated; it is now 18%.", None, C),
    ("ROI 20%", "The 20% ROI figure is out of date; the current ROI is 18%.", None, N),
    ("ROI 20%", "The ROI of 20% is no longer valid.", None, N),
    ("ROI 20%", "The ROI of 20% no longer applies.", None, N),
    ("ROI 20%", "ROI为20%的数据已过时，目前为18%。", None, N),
    ("ROI 20%", "ROI为20%（已过时）。", None, N),
    ("ROI 20%", "20%的ROI已经过时了，现在是18%。", None, N),
    ("ROI 20%", "ROI 20%（数据已失效）", None, N),
    ("ROI 20%", "The ROI of 20% is up to date as of March.", None, C),
    ("ROI 20%", "The ROI of 20% is current.", None, C),
    ("ROI 20%", "The ROI of 20% beats the outdated benchmark of 12%.", None, C),
    ("ROI 20%", "ROI为20%，设备已过时需更换。", None, C),
    ("回收期24个月", "回收期原为20个月，现调整为24个月。", None, C),
    ("回收期20个月", "回收期原为20个月，现调整为24个月。", None, N),
    ("20个月", "回收期原为20个月，现调整为24个月。", None, N),
    ("回收期24个月", "回收期原为20个月，现为24个月。", None, C),
    ("回收期24个月", "回收期原定20个月，现延长为24个月。", None, C),
    ("回收期24个月", "回收期由原来的20个月调整为24个月。", None, C),
    ("payback 24 months", "The payback, originally 20 months, is now 24 months.", None, C),
    ("payback 24 months", "Payback was 20 months; it is now 24 months.", None, C),
    ("回收期24个月", "回收期原为20个月，IRR现为24%。", None, N),
    ("ROI 18%", "ROI原为20%，现下调至18%。", None, C),
    ("ROI 20%", "ROI原为20%，现下调至18%。", None, N),
]

# a growth rate is the growth (营收增长率为20% says revenue grew 20%); not a change of the rate, a target, CAGR
GROWTH_RATE_ROWS: list[Row] = [
    ("营收增长20%", "营收增长率为20%。", None, C),
    ("营收增长20%", "营收同比增长率为20%。", None, C),
    ("营收增长20%", "营业收入增长率达到20%。", None, C),
    ("营收增长20%", "Revenue growth rate is 20%.", None, C),
    ("营收增长20%", "The revenue growth rate was 20% last year.", None, C),
    ("利润增长20%", "Profit growth rate is 20%.", None, C),
    ("营收增长20%", "营收增长率提升了20%。", None, N),
    ("营收增长20%", "营收增长率下降20%。", None, N),
    ("营收增长20%", "营收增长率不是20%。", None, N),
    ("营收增长20%", "营收增长率目标为20%。", None, N),
    ("营收增长20%", "The revenue growth rate rose 20%.", None, N),
    ("营收增长20%", "The revenue growth rate fell by 20%.", None, N),
    ("营收增长20%", "The revenue growth rate target is 20%.", None, N),
    ("营收增长20%", "成本增长率为20%。", None, N),
    ("营收增长20%", "Cost growth rate is 20%.", None, N),
    ("营收增长20%", "营收增长率为15%，利润增长率为20%。", None, N),
    ("利润增长20%", "营收增长率为15%，利润增长率为20%。", None, C),
    # v51: flipped to N - the figure is in the condition's antecedent (supposed, not stated)
    ("营收增长20%", "如果营收增长率为20%，NPV为正。", None, N),
    ("营收增长20%", "营收增长率是否为20%？", None, N),
]

# conditions that are statements (If you look at the numbers, ...; 如果说…那么), 要是 inside 主要是, as if, 假设检验
HYPOTHESIS_HOSTILE_ROWS: list[Row] = [
    ("ROI 20%", "If you look at the numbers, ROI reached 20%.", None, C),
    ("ROI 20%", "If you look at the numbers, the ROI is 20%.", None, C),
    ("营收增长100%", "If we look at last year, revenue doubled.", None, C),
    ("营收增长100%", "如果说有什么亮点，那就是营收翻倍。", None, C),
    ("ROI 20%", "如果说去年有什么亮点，那就是ROI达到了20%。", None, C),
    ("成本降低20%", "主要是成本降低了20%。", None, C),
    ("20%", "主要是成本下降了20%。", None, C),
    ("营收增长100%", "原因主要是营收翻倍。", None, C),
    ("营收增长100%", "重要的是营收翻倍了。", None, C),
    ("成本降低20%", "需要说明的是，成本降低了20%。", None, C),
    ("ROI 20%", "It is not as if the ROI reached 20%.", None, N),
    ("营收增长100%", "It looks as if revenue doubled.", None, C),
    ("ROI 20%", "假设检验表明ROI提升至20%。", None, C),
    ("ROI 20%", "经假设检验，ROI达到20%的结论显著。", None, C),
    ("20%", "经过A/B测试，转化率提升了20%。", None, C),
    ("ROI 20%", "“ROI能达到20%吗？”——能，实际达到了20%。", None, C),
    ("ROI 20%", "客户问“ROI能达到20%吗？”", None, N),
    ("ROI 20%", 'Customers asked: "Can ROI reach 20%?" It reached 20% in Q3.', None, C),
    ("ROI 20%", "`roi >= 0.2?` The ROI reached 20%.", None, C),
    ("ROI 20%", "Whatever the scenario, the ROI reached 20%.", None, C),
    ("ROI 20%", "Even so, the ROI reached 20%.", None, C),
    ("营收增长100%", "Even though costs rose, revenue doubled.", None, C),
    ("营收增长100%", "虽然成本上升，营收仍然翻倍。", None, C),
    ("营收增长100%", "尽管如此，营收还是翻倍了。", None, C),
    ("成本降低20%", "只要两年，成本就降低了20%。", None, C),
    ("营收增长100%", "一旦上线，营收翻倍了。", None, C),
    ("ROI 20%", "Only if prices rise will the ROI reach 20%.", None, N),
    ("ROI 20%", "ROI will reach 20% only if prices rise.", None, C),
    ("ROI 20%", "What if the ROI reaches 20%?", None, N),
    ("营收增长100%", "要是营收翻倍就好了。", None, N),
    ("营收增长100%", "Suppose revenue doubles: what happens?", None, N),
    ("营收增长100%", "In the event that revenue doubles, we expand.", None, N),
    ("ROI 20%", "如果ROI达到20%（实际已达到），继续投资。", None, N),
    ("成本降低20%", "成本若降低20%，即可盈利。", None, N),
    ("成本降低20%", "成本降低20%的话，即可盈利。", None, N),
    ("营收增长100%", "Should revenue double, we will hire.", None, N),
    ("营收增长100%", "Had revenue doubled, we would have hired.", None, N),
]

# table headers: a header row over a unit row, a header with its unit in brackets, a transposed table, merged cells
TABLE_HOSTILE_ROWS: list[Row] = [
    ("ROI 20%", "| ROI (%) | IRR (%) |\n|---|---|\n| 20 | 15 |", None, C),
    ("IRR 20%", "| ROI (%) | IRR (%) |\n|---|---|\n| 20 | 15 |", None, N),
    ("ROI 20%", "| 指标 | ROI | IRR |\n|---|---|---|\n| 方案A | 20% | 15% |\n| 方案B | 18% | 12% |", None, C),
    ("IRR 20%", "| 指标 | ROI | IRR |\n|---|---|---|\n| 方案A | 20% | 15% |\n| 方案B | 18% | 12% |", None, N),
    ("ROI 20%", "| | 方案A | 方案B |\n|---|---|---|\n| ROI | 20% | 18% |\n| IRR | 15% | 12% |", None, C),
    ("IRR 18%", "| | 方案A | 方案B |\n|---|---|---|\n| ROI | 20% | 18% |\n| IRR | 15% | 12% |", None, N),
    ("ROI 20%", "| ROI | IRR |\n|---|---|\n| 20% | |", None, C),
    ("IRR 20%", "| ROI | IRR |\n|---|---|\n| 20% | |", None, N),
    ("ROI 20%", "| ROI目标值 | 实际ROI |\n|---|---|\n| 20% | 15% |", None, N),
    ("ROI 15%", "| ROI目标值 | 实际ROI |\n|---|---|\n| 20% | 15% |", None, C),
    ("ROI 20%", "| ROI | IRR |\n|---|---|\n| 15% | 20% |\n| 18% | 12% |", None, N),
    ("ROI 20%", "| Metric | Before | After |\n|---|---|---|\n| ROI | 15% | 20% |", None, C),
    ("ROI 20%", "| 项目 | 数值 |\n|---|---|\n| ROI | 20% |\n| IRR | 15% |", None, C),
    ("ROI 15%", "| 项目 | 数值 |\n|---|---|\n| ROI | 20% |\n| IRR | 15% |", None, N),
    ("ROI 20%", "| ROI | 15% |\n|---|---|\n| IRR | 20% |", None, N),
    ("回收期20个月", "| 回收期（月） | 建设期（月） |\n|---|---|\n| 20 | 4 |", None, C),
    ("回收期4个月", "| 回收期（月） | 建设期（月） |\n|---|---|\n| 20 | 4 |", None, N),
    ("ROI 20%", "| ROI | IRR |\n|---|---|\n| 如果达到20% | 15% |", None, N),
    ("ROI 20%", "| ROI | IRR |\n|---|---|\n| 20%? | 15% |", None, N),
]

# the English name groups: sales vs sales tax, profit vs non-profit, retention vs data retention
NAME_HOSTILE_ROWS: list[Row] = [
    ("销售额增长20%", "Sales tax rose 20%.", None, N),
    ("销售额增长20%", "Sales tax revenue grew 20%.", None, N),
    ("销售额增长20%", "Sales grew 20%.", None, C),
    ("销售额增长20%", "Sales volume grew 20%.", None, N),
    ("销售额增长20%", "Net sales grew 20%.", None, C),
    ("利润增长20%", "Non-profit income grew 20%.", None, N),
    ("利润增长20%", "Nonprofit revenue grew 20%.", None, N),
    ("利润增长20%", "Profit grew 20%.", None, C),
    ("利润增长20%", "Profit-sharing payouts grew 20%.", None, N),
    ("留存率80%", "Data retention is 80%.", None, N),
    ("留存率80%", "The data retention rate is 80%.", None, N),
    ("留存率80%", "Customer retention is 80%.", None, C),
    ("留存率80%", "Retention is 80%.", None, C),
    ("留存率80%", "Log retention is 80 days.", None, N),
    ("转化率5%", "Currency conversion rate is 5%.", None, N),
    ("转化率5%", "The conversion rate is 5%.", None, C),
    ("现金流增长20%", "Cash flow grew 20%.", None, C),
    ("市场份额20%", "Market share is 20%.", None, C),
    ("市场份额20%", "Share price is up 20%.", None, N),
    ("获客成本200元", "CAC is 200元.", None, C),
    ("复购率30%", "Repurchase rate is 30%.", None, C),
    ("复购率30%", "Share repurchase rate is 30%.", None, N),
]

# a bare figure (no subject in the point) asked about with a copula: v7 and v32 had pinned that it is still found;
# v43 reads it as asked, as a named one (these rows xfailed strictly until then)
BLOCKED_ROWS = [
    ("20%", "Is the ROI 20%?", None, N),
    ("20%", "Could the ROI be 20%?", None, N),
    ("20%", "ROI是20%吗？", None, N),
    ("20 months", "Would payback be 20 months? Hard to say.", None, N),
]

ALL_ROWS = (
    COPULA_QUESTION_ROWS
    + ENGLISH_UNIT_ROWS
    + ARROW_ROWS
    + RESPECTIVELY_ROWS
    + FORECAST_ROWS
    + OUTDATED_ROWS
    + GROWTH_RATE_ROWS
    + HYPOTHESIS_HOSTILE_ROWS
    + TABLE_HOSTILE_ROWS
    + NAME_HOSTILE_ROWS
    + INNOCENT_ROWS
)


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 41


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), [*ALL_ROWS, *BLOCKED_ROWS])
def test_a_key_point_is_credited_only_where_a_careful_reader_would(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


def test_no_probe_takes_a_fifth_of_a_second() -> None:
    slowest = slowest_status(ALL_ROWS)
    assert slowest < 0.2, slowest


def _seconds_to_score(answer: str) -> float:
    began = time.process_time()
    status("ROI 18%", answer)
    return time.process_time() - began


@pytest.mark.parametrize(
    "unit",
    [
        "ROI: 20% -> 18% ",
        "Is the ROI 20%? ",
        "ROI、IRR分别为20%和15%（不对，应为18%和15%）。",
        "回收期原为20个月，现为",
    ],
    ids=["arrow", "copula-question", "respectively-taken-back", "former"],
)
def test_repeated_v41_forms_score_in_linear_time(unit: str) -> None:
    assert_linear_time(_seconds_to_score, unit, 20_000)
