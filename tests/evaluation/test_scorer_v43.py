"""Scorer v43: what v42 left, and a hostile pass over the rules of v41/v42.

A bare figure (20%, 20个月) asked about with a copula is asked, as a named one has been since v41 (Is the ROI 20%?,
回收期是20个月吗？, Is it 20 months?): v7/v32 still found it, so that the bare point was credited by the question its
named twin was not. A "now" clause about another subject changes nothing of the former figure's (ROI was 20%, and IRR
is now 18%). A currency's English name after a number states its amount with any forms (200 yuan for 200元, as 200
RMB already did), and a change by a share in words states the share (fell by a fifth for 20%, cut by half for 50%).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status, slowest_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

# a bare figure asked with a copula is no claim, unless answered yes or presupposed by a question word
BARE_QUESTION_ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    ("20%", "Is the ROI 20%?", None, N),
    ("20%", "Could the ROI be 20%?", None, N),
    ("20%", "ROI是20%吗？", None, N),
    ("20 months", "Would payback be 20 months? Hard to say.", None, N),
    ("20个月", "回收期是20个月吗？", None, N),
    ("20 months", "Is it 20 months?", None, N),
    ("20%", "Is the gross margin 20%? We cannot tell from the data provided.", None, N),
    ("20%", "毛利率是20%吗？目前数据不足以判断。", None, N),
    ("20%", "毛利率是不是20%？需要财务确认。", None, N),
    ("20%", "- Is the churn rate 20%?\n- Is the NPS above 40?", None, N),
    ("20%", "1. 流失率是20%吗？\n2. NPS是否超过40？", None, N),
    ("20%", "| 问题 | 说明 |\n|---|---|\n| 流失率是20%吗？ | 待确认 |", None, N),
    ("200万元", "预算是200万元吗？请与财务核实。", None, N),
    ("200万元", "Is the budget 200万元? Please check with finance.", None, N),
    ("3 months", "Is the pilot 3 months? That is what we need to confirm.", None, N),
    ("15%", "Costs fell. Is the IRR 15%?", None, N),
    ("15%", "成本下降了。IRR是15%吗？", None, N),
    ("15%", "成本下降了；IRR是15%吗？", None, N),
    # answered yes: stated
    ("20%", "Is the ROI 20%? Yes, it is.", None, C),
    ("20%", "Is the ROI 20%? Yes.", None, C),
    ("20%", "ROI是20%吗？是的。", None, C),
    ("20%", "ROI是20%吗？是的，经测算为20%。", None, C),
    ("20个月", "问：回收期是20个月吗？\n答：是的。", None, C),
    # a question word presupposes it; a question in the next clause or sentence asks about a figure stated
    ("20%", "Why is the ROI 20%? Because costs fell.", None, C),
    ("20%", "为什么ROI是20%？因为成本下降。", None, C),
    ("20%", "How is the ROI 20% when costs rose?", None, C),
    ("20%", "The ROI is 20%. Is that enough?", None, C),
    ("20%", "ROI为20%，这个水平合理吗？", None, C),
    ("20%", "ROI为20%。这个水平合理吗？", None, C),
    ("20个月", "回收期为20个月，您还有其他问题吗？", None, C),
    ("20 months", "Payback is 20 months. Any other questions?", None, C),
    # a negative question leans to the figure (v41)
    ("20%", "Isn't the ROI 20%?", None, C),
    ("ROI 20%", "问：ROI是20%吗？\n答：是的。", None, C),
    ("20 months", "Q: Is payback 20 months?\nA: Yes.", None, C),
    ("20 months", "Q: Is payback 20 months?\nA: Unknown.", None, N),
    # the figure stated, the question about something else
    ("20%", "The ROI is 20%; does that justify the investment?", None, C),
    ("20%", "ROI达到20%，是否值得投资？", None, C),
    ("20%", "- ROI: 20%\n- Is this good enough?", None, C),
]

# a "now" clause about another subject leaves the former figure's subject alone; about the same, it changes it
NOW_ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    ("ROI 20%", "ROI was 20%, and IRR is now 18%.", None, C),
    ("ROI 20%", "ROI was 20%, while IRR is now 18%.", None, C),
    ("ROI 20%", "The ROI was 20% last quarter, and the IRR is currently 18%.", None, C),
    ("ROI 20%", "ROI was 20%, but IRR is now 18%.", None, C),
    ("20%", "ROI was 20%, and IRR is now 18%.", None, C),
    ("ROI 18%", "ROI was 20%, and IRR is now 18%.", None, N),
    ("ROI 20%", "ROI was 20%, and it is now 18%.", None, N),
    ("ROI 20%", "ROI was 20%, but the ROI is now 18%.", None, N),
    ("ROI 20%", "ROI was 20%; it is now 18%.", None, N),
    ("payback 20 months", "Payback was 20 months, and payback is now 24 months.", None, N),
    ("payback 20 months", "Payback was 20 months; it is now 24 months.", None, N),
    ("20个月", "回收期原为20个月，现调整为24个月。", None, N),
    ("20个月", "回收期原为20个月，现在是24个月。", None, N),
    ("payback 24 months", "Payback was 20 months; it is now 24 months.", None, C),
    ("payback 20 months", "Payback was 20 months, and the pilot now takes 3 months.", None, C),
]

# the spelled equivalents a reader accepts without doubt
SPELLED_ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    ("200元", "The fee is 200 yuan.", None, C),
    ("200元", "The fee is 200 yuan per user per month.", None, C),
    ("200元", "The fee is RMB 200.", None, C),
    ("200元", "The fee is ¥200.", None, C),
    ("200元", "费用为200 yuan。", None, C),
    ("200美元", "The fee is 200 dollars.", None, C),
    ("200美元", "The fee is 200 US dollars.", None, C),
    ("200元", "The fee is 200 dollars.", None, N),
    ("200美元", "The fee is 200 yuan.", None, N),
    ("200美元", "The fee is 200 Hong Kong dollars.", None, N),
    ("200元", "The fee is 2000 yuan.", None, N),
    ("200元", "The fee is not 200 yuan but 300 yuan.", None, N),
    ("20%", "Churn fell by a fifth.", None, C),
    ("20%", "Churn fell by one fifth.", None, C),
    ("20%", "A fifth of users churned.", None, C),
    ("50%", "Costs were cut by half.", None, C),
    ("50%", "Costs fell by half.", None, C),
    ("10%", "Costs fell by a tenth.", None, C),
    ("20%", "Costs did not fall by a fifth.", None, N),
    ("20%", "If churn fell by a fifth, we would break even.", None, N),
    ("20%", "The rollout was done by a fifth-generation team.", None, N),
    ("25%", "The launch was delayed by a quarter.", None, N),
    ("33%", "Costs fell by a third.", None, N),
    ("回收期18个月", "回收期为1.5年。", None, C),
    ("回收期18个月", "The payback period is 1.5 years.", None, C),
    ("回收期24个月", "The payback period is two years.", None, C),
    ("回收期24个月", "Payback takes 2 years.", None, C),
    ("18个月", "The payback period is a year and a half.", None, C),
    ("18个月", "回收期为一年半。", CN, C),
    ("24个月", "回收期为2年。", None, C),
    ("24个月", "回收期为3年。", None, N),
    ("18个月", "The payback period is two and a half years.", None, N),
]

# arrows: a change of the subject's value, not a process step, a mapping in code or a direction
ARROW_ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    ("ROI 20%", "ROI: 15% -> 20%", None, C),
    ("ROI 15%", "ROI: 15% -> 20%", None, N),
    ("ROI 20%", "ROI 15%→20%", None, C),
    ("ROI 15%", "ROI 15%→20%", None, N),
    ("回收期24个月", "回收期：20个月→24个月", None, C),
    ("回收期20个月", "回收期：20个月→24个月", None, N),
    ("ROI 20%", "| 指标 | 变化 |\n|---|---|\n| ROI | 15%→20% |", None, C),
    ("20%", "Conversion: 20% -> checkout -> payment", None, C),
    ("20%", "Step 1: cut costs by 20% -> Step 2: reinvest the savings", None, C),
    ("降本20%", "流程：降本20% → 再投资 → 扩产", None, C),
    ("20%", "```python\ndiscount = 0.2  # 20% -> applied at checkout\n```", None, C),
    ("20 months", "Payback: 20 months => break-even in 2026.", None, C),
    ("20个月", "回收期20个月 → 2026年开始盈利", None, C),
    ("20%", "Margin 20% -> healthy", None, C),
    ("ROI 20%", "ROI 20% => approve the project.", None, C),
    ("ROI 20%", "ROI 20% -> 18% after the price cut.", None, N),
    ("ROI 18%", "ROI 20% -> 18% after the price cut.", None, C),
    ("ROI 20%", "ROI 20% -> 18% -> 22%", None, N),
    ("ROI 22%", "ROI 20% -> 18% -> 22%", None, C),
]

# former then now, and a plan beside the actual
FORMER_ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    ("回收期24个月", "回收期由原来的20个月调整为24个月。", None, C),
    ("回收期20个月", "回收期由原来的20个月调整为24个月。", None, N),
    ("payback 24 months", "The payback, originally 20 months, is now 24 months.", None, C),
    ("payback 20 months", "The payback, originally 20 months, is now 24 months.", None, N),
    ("ROI 20%", "The ROI of 20% is outdated; it is now 18%.", None, N),
    ("ROI 18%", "The ROI of 20% is outdated; it is now 18%.", None, C),
    ("20个月", "两年前回收期是20个月，现在是24个月。", None, N),
    ("24个月", "两年前回收期是20个月，现在是24个月。", None, C),
    ("20 months", "Payback was initially estimated at 20 months, but is now 24 months.", None, N),
    ("20 months", "Initially, payback is 20 months; later phases pay back faster.", None, C),
    ("860万元", "此前已签约1200万元，目前已回款860万元。", None, C),
    ("1200万元", "此前已签约1200万元，目前已回款860万元。", None, C),
    ("20个月", "最初20个月免租，目前已有3家入驻。", None, C),
]

# forecasts stated as the answer's own claim vs wishes, needs, doubts and conditions on the figure itself
FORECAST_ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    ("营收增长100%", "We expect revenue to double.", None, C),
    ("营收增长100%", "Revenue will double next year.", None, C),
    ("营收增长100%", "Revenue is expected to double by 2026.", None, C),
    ("营收增长100%", "We hope revenue will double.", None, N),
    ("营收增长100%", "We need revenue to double.", None, N),
    ("营收增长100%", "Management wants revenue to double.", None, N),
    ("营收增长100%", "We don't expect revenue to double.", None, N),
    ("营收增长100%", "If revenue doubles, we will hire.", None, N),
    ("营收增长100%", "Will revenue double? Unclear.", None, N),
    ("ROI 20%", "We expect the ROI to reach 20%.", None, C),
    ("ROI 20%", "We hope the ROI reaches 20%.", None, N),
    ("ROI 20%", "For the ROI to reach 20%, costs must fall.", None, N),
    ("成本下降20%", "希望成本下降20%。", None, N),
    ("成本下降20%", "预计成本将下降20%。", None, C),
    ("成本下降20%", "如果成本下降20%，即可盈利。", None, N),
    ("成本下降20%", "成本下降20%的话，即可盈利。", None, N),
    ("成本下降20%", "我们不认为成本能下降20%。", None, N),
    ("成本下降20%", "成本能否下降20%？目前难以判断。", None, N),
    ("成本下降20%", "主要是成本下降了20%。", None, C),
]

# English unit words for a subject and its figure
UNIT_WORD_ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    ("回收期20个月", "The payback period is 20 months.", None, C),
    ("回收期20个月", "The payback period is 1 year and 8 months.", None, C),
    ("回收期20个月", "The payback period is 20 weeks.", None, N),
    ("回收期20个月", "The payback period is 20 years.", None, N),
    ("回收期2年", "The payback period is 2 years.", None, C),
    ("回收期2年", "The payback period is 24 months.", None, C),
    ("回收期2年", "The payback period is 2 months.", None, N),
    ("payback 20 months", "Payback: 20 months", None, C),
    ("payback 20 months", "Payback: 20 weeks", None, N),
]

# sentence ends: a question is its own sentence whatever ends the one before it, and a figure stated before any of
# them is not taken back by a question after it
_ENDS = (". ", "。", "；", "; ", "\n", "\n\n", "\n- ", "! ", "！")
SENTENCE_END_ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    *[(point, f"Costs fell{end}Is the ROI 20%?", None, N) for end in _ENDS for point in ("ROI 20%", "20%")],
    *[(point, f"ROI为20%{end}这个水平合理吗？", None, C) for end in _ENDS for point in ("ROI 20%", "20%")],
    *[(point, f"The ROI is 20%{end}Is that enough?", None, C) for end in _ENDS for point in ("ROI 20%", "20%")],
]

# Markdown, tables and JSON as a model writes them
FORMAT_ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    ("ROI 20%", '{"roi": "20%", "irr": "15%"}', None, C),
    ("20%", '{"question": "Is the ROI 20%?", "answer": "unknown"}', None, N),
    ("ROI 20%", "**ROI**: 20%", None, C),
    ("ROI 20%", "| 指标 | 数值 |\n|---|---|\n| ROI | 20% |", None, C),
    ("ROI 20%", "| 指标 | 数值 |\n|---|---|\n| ROI | 20%? |", None, N),
    ("20个月", "### 回收期\n\n- 预计：20个月\n- 风险：中等", None, C),
    ("20个月", "### 待确认\n\n- 回收期是20个月吗？\n- 风险等级？", None, N),
    ("20 months", "> Is payback 20 months?\n\nYes: 20 months.", None, C),
    ("20 months", "> Is payback 20 months?\n\nNo, it is 24 months.", None, N),
]

# a second hostile pass over v43's own rules (its review): false credits it let in and misses it kept
REVIEW_ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    # a "now" clause whose subject points back at the former figure changes it; another quantity's does not
    ("ROI 20%", "ROI was 20%, and our estimate is now 18%.", None, N),
    ("ROI 20%", "ROI was 20%, and the forecast is now 18%.", None, N),
    ("ROI 20%", "ROI was 20%, but the value is now 18%.", None, N),
    ("ROI 20%", "ROI was 20%, but the number is now 18%.", None, N),
    ("ROI 20%", "ROI was 20%; the latest estimate is now 18%.", None, N),
    ("ROI 20%", "ROI was 20%, and after revisions it is now 18%.", None, N),
    ("ROI 20%", "ROI was 20%, and following the audit it now stands at 18%.", None, N),
    ("ROI 20%", "ROI was 20%, but after the price cut it is now 18%.", None, N),
    ("ROI 20%", "ROI was 20%, but with higher costs the ROI is now 18%.", None, N),
    ("payback 20 months", "Payback was 20 months, and with the new pricing it is now 24 months.", None, N),
    ("ROI 20%", "ROI was 20%, but it now looks like 18%.", None, N),
    ("ROI 20%", "ROI was 20%, and the team now expects 18%.", None, N),
    ("ROI 20%", "ROI was 20%, and analysts now expect 18%.", None, N),
    ("payback 20 months", "Payback was 20 months, and the market now expects 24 months.", None, N),
    ("ROI 20%", "ROI was 20%, and the churn rate is now 5%.", None, C),
    ("ROI 20%", "ROI was 20%, and the IRR figure is now 18%.", None, C),
    ("ROI 20%", "ROI was 20%, and gross margin is now 18%.", None, C),
    ("ROI 20%", "ROI was 20%; churn is now 5%.", None, C),
    ("ROI 20%", "ROI was 20%, and IRR is currently 18%; both beat the hurdle.", None, C),
    ("ROI 20%", "ROI was 20%, and the IRR is now 18%, while the ROI has not changed.", None, C),
    # a share of one unit of a measure, or of something else, is not the point's share
    ("50%", "Costs fell by half a percent.", None, N),
    ("50%", "Costs fell by half a percentage point.", None, N),
    ("50%", "Latency dropped by half a second.", None, N),
    ("50%", "Costs fell by half a million yuan.", None, N),
    ("50%", "Costs fell by half an hour per ticket.", None, N),
    ("10%", "Margin improved by a tenth of a percentage point.", None, N),
    ("10%", "Latency fell by a tenth of a second.", None, N),
    ("20%", "Prices rose by a fifth of a cent.", None, N),
    ("20%", "Revenue grew by a fifth of a percent.", None, N),
    ("50%", "Costs fell by half, a record.", None, C),
    ("50%", "Revenue grew by half.", None, C),
    ("20%", "Revenue grew by a fifth.", None, C),
    ("20%", "Churn fell by a fifth last year.", None, C),
    ("10%", "Prices were cut by a tenth, on average.", None, C),
    # an answer after a blank line or Markdown emphasis; a question that supposes the figure
    ("20%", "Is the ROI 20%?\n\nYes.", None, C),
    ("20%", "ROI是20%吗？\n\n是的。", None, C),
    ("20%", "## Is the ROI 20%?\n\nYes, based on the model.", None, C),
    ("20%", "* Is the ROI 20%? **Yes**", None, C),
    ("20%", "Is the ROI 20%?\n\nNo.", None, N),
    ("20%", "Is the ROI 20%?\n\n- Not yet known.", None, N),
    ("20%", "Is the ROI 20%? Probably not.", None, N),
    ("20%", "ROI是20%吗？不确定。", None, N),
    ("20%", "What if the ROI is 20%?", None, N),
    ("ROI 20%", "What if the ROI is 20%?", None, N),
    ("20 months", "What happens if payback takes 20 months?", None, N),
    ("20%", "要是ROI是20%呢？", None, N),
    ("20%", "The ROI is 20%. What if costs rise?", None, C),
    ("20%", "What if costs rise? The ROI is 20% in the base case.", None, C),
    ("20%", "ROI为20%，如果成本上升呢？", None, C),
    ("20%", "With ROI at 20%, what if costs rise?", None, C),
    ("200元", "The fee is 200 yuan per seat.", None, C),
    ("200元", "费用为200 yuan，之前是150 yuan。", None, C),
]

ALL_ROWS = (
    BARE_QUESTION_ROWS
    + NOW_ROWS
    + SPELLED_ROWS
    + ARROW_ROWS
    + FORMER_ROWS
    + FORECAST_ROWS
    + UNIT_WORD_ROWS
    + SENTENCE_END_ROWS
    + FORMAT_ROWS
    + REVIEW_ROWS
)


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 43


def test_there_are_enough_probes() -> None:
    assert len(ALL_ROWS) >= 200


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), BARE_QUESTION_ROWS)
def test_a_bare_figure_asked_with_a_copula_is_no_claim(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), NOW_ROWS)
def test_a_now_of_another_subject_changes_nothing(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), SPELLED_ROWS)
def test_a_spelled_equivalent_a_reader_accepts_states_the_figure(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    ARROW_ROWS + FORMER_ROWS + FORECAST_ROWS + UNIT_WORD_ROWS + SENTENCE_END_ROWS + FORMAT_ROWS,
)
def test_the_rules_of_v41_and_v42_under_a_hostile_pass(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), REVIEW_ROWS)
def test_a_review_of_the_rules_of_v43(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


def test_every_probe_is_fast() -> None:
    assert slowest_status(ALL_ROWS) < 0.2
