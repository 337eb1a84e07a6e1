"""Scorer v47: numbers as they are written, and a negative question read with its subject.

A decimal without its leading zero is its number (增长率约为.5%, .75倍, $.50, -.5%: 0.5%, 0.75倍) - not a version or
a file's number (v.5, file.5, 3.2.5). Digits split by one space with no thousands group after it (回收期为1 20个月,
1 2000元) are no figure, as 1'200 is none since v45; a thousands group (1 200 yuan, 12 500元) stays one number (1200),
a label's number stays its own (第1 20个月, 方案1 20个月, Step 1 20 months, Q1 20%), and digits that end one line and
start the next are two numbers (数量：3\\n20个月). "a"/"an" counts one unit of time (a week, an hour, a month, a year)
and a fortnight is two weeks (14 days), not in a rate (20 hours a week, $1.2 million a year, twice a month) nor a
vague count (a couple of weeks, a few days); a half month is no number of days (半个月 is no 15天: a month has 28-31).
A number in words is a figure, so that a bound, a negation or a time ago reads it (more than a year, over one year).
A point that names its subject is read through a negated copula (ROI不是20%: denied; 难道ROI不是20%吗？: asserted by
the question, as the bare 20% is since v46). A contrast that opens the next sentence about ANOTHER metric leaves the
question's assertion standing (Isn't the ROI 20%? But the IRR is 15%.); one about the same figure is still a doubt.
A verdict mark that starts the next line labels that line (✅ 优点：毛利率为20%\\n❌ 缺点：周期长), not the figure
before it; a mark right after the figure or in its table row still takes it back (v40, v46).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, SW, charged, check_status, slowest_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

SUBJECTS_ZH = ("ROI", "毛利率", "净利率", "回报率", "增长率")
SUBJECTS_EN = ("ROI", "margin", "net margin", "return", "growth rate")

# a negative question asserts the figure of a point that names its subject, as it does the bare figure's (v46)
RHETORICAL_SUBJECT_ROWS: list[Row] = [
    *((f"{s}20%", f"难道{s}不是20%吗？", None, C) for s in SUBJECTS_ZH),
    *((f"{s} 20%", f"{s}不就是20%吗？", None, C) for s in SUBJECTS_ZH),
    *((f"{s}20%", f"谁说{s}不是20%？", None, C) for s in SUBJECTS_ZH),
    *((f"{s}20%", f"{s}难道不是20%吗？数据很清楚。", None, C) for s in SUBJECTS_ZH),
    *((f"{s}20%", f"- 难道{s}不是20%吗？显然是。", None, C) for s in SUBJECTS_ZH),
    *((f"{s} 20%", f"Isn't the {s} 20%?", None, C) for s in SUBJECTS_EN),
    *((f"{s} 20%", f"Who says the {s} isn't 20%?", None, C) for s in SUBJECTS_EN),
    ("ROI 20%", "难道ROI不是20%吗？", None, C),
    ("回收期20个月", "难道回收期不是20个月吗？", CN, C),
    ("回收期20个月", "| 问题 | 回答 |\n|---|---|\n| 回收期 | 难道回收期不是20个月吗？ |", CN, C),
]

# ... and denies it where no question asserts it: a plain negation, a real doubt, disbelief
DENIED_SUBJECT_ROWS: list[Row] = [
    *((f"{s}20%", f"{s}不是20%。", None, N) for s in SUBJECTS_ZH),
    *((f"{s}20%", f"{s}并不是20%，而是15%。", None, N) for s in SUBJECTS_ZH),
    *((f"{s}20%", f"{s}不是20%吗？我以为是15%。", None, N) for s in SUBJECTS_ZH),
    *((f"{s}20%", f"难道{s}会是20%吗？", None, N) for s in SUBJECTS_ZH),
    *((f"{s}20%", f"难道{s}不是20%吗？其实只有12%。", None, N) for s in SUBJECTS_ZH),
    *((f"{s} 20%", f"The {s} is not 20%.", None, N) for s in SUBJECTS_EN),
    *((f"{s} 20%", f"Isn't the {s} 20%? I thought it was 15%.", None, N) for s in SUBJECTS_EN),
    ("回收期20个月", "回收期不是20个月，而是24个月。", CN, N),
    ("ROI 20%", "The ROI isn't 20%, it is 25%.", None, N),
    ("margin 20%", "The margin wasn't 20% last year.", None, N),
]

# a contrast that opens the next sentence about another metric leaves the question's assertion standing
OTHER_SUBJECT_ROWS: list[Row] = [
    *(
        (point, f"Isn't the ROI 20%? {opener} the {other} is 15%.", None, C)
        for point in ("20%", "ROI 20%")
        for opener in ("But", "However,", "Actually,", "In fact,")
        for other in ("IRR", "net margin", "gross margin", "churn rate")
    ),
    *(
        (point, f"难道ROI不是20%吗？{opener}{other}是15%。", None, C)
        for point in ("20%", "ROI20%")
        for opener in ("但", "但是", "不过", "可是", "其实")
        for other in ("IRR", "净利率", "毛利率", "内部收益率")
    ),
    ("20%", "Isn't the margin 20%? But the ROI is 12%.", None, C),
    ("20%", "毛利率不就是20%吗？但净利率只有5%。", None, C),
    ("20%", "谁说毛利率不是20%？不过IRR确实偏低，只有8%。", None, C),
    ("ROI 20%", "难道ROI不是20%吗？其实IRR更重要。", None, C),
    ("20%", "Isn't the margin 20%? But the net margin is 5%.", None, C),
]

# ... but one about the same figure - a pronoun, the same metric or another of its names, no metric, or a question
# that names none - still doubts it (v46)
SAME_SUBJECT_ROWS: list[Row] = [
    *(
        ("20%", f"Isn't the ROI 20%? {opener} {rest}", None, N)
        for opener in ("But", "However,", "In fact,")
        for rest in ("it is 15%.", "the ROI is 15%.", "the return on investment is 15%.", "the audited figure is 14%.")
    ),
    *(
        ("20%", f"难道ROI不是20%吗？{opener}{rest}", None, N)
        for opener in ("但", "不过", "其实")
        for rest in ("它只有15%。", "ROI只有15%。", "投资回报率只有15%。", "财务部的口径是15%。")
    ),
    ("20%", "难道不是20%吗？但IRR是15%。", None, N),
    ("20%", "Isn't the ROI 20%? But the IRR is 15%, so the ROI is actually 12%.", None, N),
    ("ROI20%", "难道ROI不是20%吗？但IRR是15%，所以ROI其实只有12%。", None, N),
    ("ROI 20%", "Isn't the ROI 20%? No - the IRR is 15% and the ROI 12%.", None, N),
]

# a decimal without its leading zero is its number, with any unit
LEADING_DOT_ROWS: list[Row] = [
    ("0.5%", "增长率约为.5%。", None, C),
    ("0.5%", "The growth rate is about .5%.", None, C),
    ("0.5%", "| 指标 | 数值 |\n|---|---|\n| 增长率 | .5% |", None, C),
    ("0.5%", "- 增长率：**.5%**", None, C),
    ("0.5%", "增长率（.5%）", None, C),
    ("-0.5%", "The growth rate is -.5%.", None, C),
    ("0.5 months", "It takes .5 months.", None, C),
    ("0.5个月", "约.5个月", CN, C),
    ("0.5年", "回收期约.5年", CN, C),
    ("6个月", "回收期约.5年", CN, C),
    ("30分钟", "耗时.5小时", None, C),
    ("0.75倍", "约为.75倍。", None, C),
    ("0.75 times", "Costs are .75 times the budget.", None, C),
    ("0.5亿", "融资约.5亿。", SW, C),
    ("5000万", "融资约.5亿。", SW, C),
    ("500000", "Revenue of $.5 million.", SW, C),
    ("0.50美元", "单价$.50", None, C),
    ("0.25", "相关系数为.25", None, C),
    ("0.5%", "增长率不是.5%", None, N),
    ("0.5%", "The rate is not .5%.", None, N),
    ("0.5%", "增长率超过.5%", None, N),
    ("0.5%", "增长率为.5%（不对，应为.8%）", None, N),
    ("0.8%", "增长率为.5%（不对，应为.8%）", None, C),
    ("0.5", "版本v.5", None, N),
    ("5", "版本v.5", None, N),
    ("0.5%", "file.5%", None, N),
    ("5%", "增长率约为.5%。", None, N),
    ("2.5%", "3.2.5%", None, N),
    ("0.5%", "增长率为20%.5%", None, N),
    ("0.5", "python3.5", None, N),
]

# digits split by a space with no thousands group after them are no figure; a thousands group, a label's number and
# digits on two lines stay numbers
SPLIT_GROUP_ROWS: list[Row] = [
    ("20个月", "回收期为1 20个月。", CN, N),
    ("20个月", "回收期为1 20个月。", None, N),
    ("120个月", "回收期为1 20个月。", None, N),
    ("1个月", "回收期为1 20个月。", None, N),
    ("20个月", "回收期为 1 20 个月。", None, N),
    ("2000元", "费用为1 2000元。", None, N),
    ("20 months", "The payback is 1 20 months.", None, N),
    ("20%", "ROI为12 5%。", None, N),
    ("5%", "ROI为12 5%。", None, N),
    ("1200元", "费用为1 200元。", None, C),
    ("200元", "费用为1 200元。", None, N),
    ("1200 yuan", "It costs 1 200 yuan.", None, C),
    ("12500元", "合计12 500元", None, C),
    ("20个月", "第1 20个月", CN, C),
    ("20个月", "方案1 20个月", CN, C),
    ("20 months", "Step 1 20 months of build-out.", None, C),
    ("20 months", "Option 2 20 months", None, C),
    ("20%", "Q1 20%", None, C),
    ("20%", "In 2023 20% of users churned.", None, C),
    ("20-foot", "We ship 3 20-foot containers.", None, C),
    ("20%", "| 1 | 20% |", None, C),
    ("20%", "1. 20%", None, C),
    ("20个月", "数量：3\n20个月回本", CN, C),
    ("200万元", "项目数：3\n200万元的投资", CN, C),
    ("3200万元", "项目数：3\n200万元的投资", CN, N),
]

# "a"/"an" counts one unit of time, a fortnight is two weeks; Chinese words of time as before
TIME_WORD_ROWS: list[Row] = [
    ("14 days", "Payback takes a fortnight.", None, C),
    ("2 weeks", "Payback takes a fortnight.", None, C),
    ("14天", "Payback takes a fortnight.", None, C),
    ("28 days", "Payback takes two fortnights.", None, C),
    ("7 days", "It takes a week.", None, C),
    ("1 week", "It takes a week.", None, C),
    ("7天", "It takes a week.", None, C),
    ("1 week", "It takes one week.", None, C),
    ("14 days", "It takes two weeks.", None, C),
    ("1 month", "It takes a month.", None, C),
    ("1 year", "It takes a year.", None, C),
    ("12 months", "It takes a year.", None, C),
    ("24 hours", "It takes a day.", None, C),
    ("1 hour", "It takes an hour.", None, C),
    ("60 minutes", "It takes an hour.", None, C),
    ("6 months", "It takes half a year.", None, C),
    ("18 months", "It takes a year and a half.", None, C),
    ("1 year", "The project took a year.", None, C),
    ("1 year", "In 2023 it took a year.", None, C),
    ("1 year", "a year-long project", None, C),
    ("1 week", "- Payback: a week", None, C),
    ("1 month", "| Metric | Value |\n|---|---|\n| Payback | a month |", None, C),
    ("1 week", "within a week", None, C),
    ("1 year", "It takes half a year.", None, N),
    ("1 year", "It takes a year and a half.", None, N),
    ("1 year", "It takes more than a year.", None, N),
    ("1 year", "It took over a year.", None, N),
    ("1 year", "It takes more than one year.", None, N),
    ("1 week", "It takes less than a week.", None, N),
    ("1 week", "It does not take a week.", None, N),
    ("1 year", "That was a year ago.", None, N),
    ("1 week", "We meet twice a week.", None, N),
    ("1 week", "Staff work 20 hours a week.", None, N),
    ("1 year", "It costs $1.2 million a year.", None, N),
    ("1 year", "Revenue grows 10% a year.", None, N),
    ("1 month", "We ship three releases a month.", None, N),
    ("1 year", "a year-end review", None, N),
    ("1 hour", "It costs $50 an hour.", None, N),
    ("1 year", "Once a year we review the payback.", None, N),
    ("14 days", "It takes a couple of weeks.", None, N),
    ("2 weeks", "It takes a couple of weeks.", None, N),
    ("7 days", "It takes a few days.", None, N),
    ("1 week", "It takes a few weeks.", None, N),
    ("7天", "需要一周。", CN, C),
    ("7天", "需要一个星期。", CN, C),
    ("1周", "需要一周。", CN, C),
    ("14天", "需要两周。", CN, C),
    ("2周", "需要两周。", CN, C),
    ("2周", "需要14天。", CN, C),
    ("6个月", "需要半年。", CN, C),
    ("半年", "需要6个月。", CN, C),
    ("1个月", "需要一个月。", CN, C),
    ("12个月", "需要一年。", CN, C),
    ("18个月", "需要一年半。", CN, C),
    ("1.5年", "需要一年半。", CN, C),
    ("0.5个月", "需要半个月。", CN, C),
    ("半个月", "需要0.5个月。", CN, C),
    ("0.5 months", "It takes half a month.", None, C),
    ("0.5个月", "上半个月完成", CN, N),
    ("15天", "需要半个月。", CN, N),
    ("30天", "需要一个月。", CN, N),
]

MARKS = ("❌", "✗", "✘", "×", "🚫", "⛔")

# a verdict mark or word that starts the next line labels that line, not the figure before it
VERDICT_LINE_ROWS: list[Row] = [
    ("毛利率为20%", "✅ 优点：毛利率为20%\n❌ 缺点：周期长", None, C),
    *(("20%", f"✅ 优点：毛利率为20%\n{m} 缺点：周期长", None, C) for m in MARKS),
    *(("20%", f"- 毛利率为20%\n- {m} 周期长", None, C) for m in MARKS),
    *(("20%", f"1. 毛利率为20%\n2. {m} 周期长", None, C) for m in MARKS),
    *(("20%", f"毛利率为20%\n\n{m} 缺点：周期长", None, C) for m in MARKS),
    *(("20%", f"毛利率为20%\n{w}：周期长", None, C) for w in ("错误", "否", "不对")),
    ("20%", "Margin is 20%\n❌ Long payback", None, C),
    ("20%", "Pros: margin of 20%\nFalse starts: two pilots failed", None, C),
    *(("20%", f"毛利率为20% {m}", None, N) for m in MARKS if m not in "×🚫⛔"),
    *(("20%", f"毛利率为20% {m}\n✅ 周期短", None, N) for m in ("❌", "✗", "✘")),
    *(("20%", f"| 说法 | 判断 |\n|---|---|\n| 毛利率为20% | {m} |", None, N) for m in ("❌", "✗", "错误")),
    ("ROI 20%", "ROI为20% ❌", None, N),
    ("20个月", "回收期为20个月\n❌ 应为24个月", CN, N),
    ("20个月", "回收期为20个月\n❌ 不对，应为24个月", CN, N),
    ("20 months", "Payback is 20 months\n❌ Correction: 24 months", None, N),
    ("20个月", "回收期为20个月\n否则周期会更长", CN, C),
    ("20%", "毛利率为20%\n错误率为3%", None, C),
    ("1200万元", "合同金额：1200万元 ❌ 1500万元 ✅", None, N),
]

# struck-out text is retracted, in Markdown and in HTML (v9), the figure after it stated
STRUCK_ROWS: list[Row] = [
    ("20%", "ROI: ~~15%~~ 20%", None, C),
    ("20个月", "回收期：~~20个月~~ 24个月", CN, N),
    ("24个月", "回收期：~~20个月~~ 24个月", CN, C),
    *(("20%", f"ROI: <{t}>20%</{t}> 25%", None, N) for t in ("del", "s", "strike")),
    *(("20%", f"ROI: <{t}>15%</{t}> 20%", None, C) for t in ("del", "s", "strike")),
]

# a forbidden claim denied through its subject's copula is not charged; one asserted by a question is
CHARGE_ROWS: list[tuple[str, str, bool]] = [
    ("ROI为20%", "ROI不是20%。", False),
    ("ROI 20%", "ROI不是20%。", False),
    ("ROI 20%", "ROI为20%。", True),
    ("ROI 20%", "难道ROI不是20%吗？", False),  # a claim only asked is not charged, as the bare 20% is not (v46)
    ("ROI 20%", "难道ROI会是20%吗？", False),
    ("毛利率20%", "✅ 优点：毛利率为20%\n❌ 缺点：周期长", True),
    ("毛利率20%", "毛利率为20% ❌", False),
]

NOT_STATED = [
    r
    for r in DENIED_SUBJECT_ROWS
    + SAME_SUBJECT_ROWS
    + LEADING_DOT_ROWS
    + SPLIT_GROUP_ROWS
    + TIME_WORD_ROWS
    + VERDICT_LINE_ROWS
    + STRUCK_ROWS
    if r[3] == N
]
STATED = [
    r
    for r in RHETORICAL_SUBJECT_ROWS
    + OTHER_SUBJECT_ROWS
    + LEADING_DOT_ROWS
    + SPLIT_GROUP_ROWS
    + TIME_WORD_ROWS
    + VERDICT_LINE_ROWS
    + STRUCK_ROWS
    if r[3] == C
]
ALL_ROWS = NOT_STATED + STATED


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 47


def test_there_are_enough_probes() -> None:
    assert len(ALL_ROWS) + len(CHARGE_ROWS) >= 300


def test_each_probe_is_quick() -> None:
    assert slowest_status(ALL_ROWS) < 0.2


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), NOT_STATED)
def test_a_figure_denied_doubted_split_or_in_a_rate_is_not_stated(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), STATED)
def test_a_figure_as_written_or_asserted_by_a_question_is_stated(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("claim", "answer", "expected"), CHARGE_ROWS)
def test_a_forbidden_claim_is_charged_only_where_stated(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected
