"""Scorer v32: red-team round 7 (number formats, where a figure sits, units and scale, English). Wrong values
credited by v31: a full-width comma between ASCII digits read as a thousands separator (方案1，200万元 stated
1200万元), the user's question reported before the answer (You asked whether payback is 20 months. It is 24
months.), a question answered no on the next line, after a quote's > or an FAQ's 答：/A:, a figure as it is usually
quoted (or as the user gave it) and then corrected (与常说的20个月不同，实际…, unlike the often-quoted 20 months), a
former value in a bracket after the new one (24个月（原20个月）, 24 months (was 20 months)), a figure called out of
date (20 months (outdated), 20个月的说法已过时), a condition contrary to fact (if payback were 20 months), a sign of
comparison (<20个月), "not necessarily" and typographic apostrophes (doesn‘t, can’t confirm). Right values missed:
$1.2MM, 2024年第三季度 for Q3 2024, 500+台, twenty (20) months. Each rule has innocent rows beside it; 63 of these
148 tests fail under v31."""

from __future__ import annotations

import time

import pytest
from scorer_rows import SW, assert_linear_time, charged, check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

COMMA_ROWS = [
    # a full-width comma after an ASCII digit: a list comma or a thousands separator - neither reading is a figure
    ("1200万元", "选项有两个：方案1，200万元；方案2，300万元。", None, N),
    ("1200万元", "共有3个方案，方案1，200万元，方案2，300万元。", None, N),
    ("5000元", "单价5，000元", None, N),
    ("120240万", "分别为120，240万", None, N),
    # after a label its number is its own, as before a space (v9)
    ("200万元", "选项有两个：方案1，200万元；方案2，300万元。", None, C),
    ("200万元", "问题2，200万元", None, C),
    # innocent: ASCII and full-width grouping, a list comma before no group of three
    ("1200万元", "预算为1,200万元。", None, C),
    ("1200万元", "预算为１，２００万元。", None, C),
    ("1200万元", "合计１，２００万元，分两期支付。", None, C),
    ("600万元", "第1，2期各600万元。", None, C),
    ("20个月", "回收期为20个月，24个月后进入稳定期。", None, C),
]

QUESTION_ROWS = [
    # the user's question reported before the answer asks; it states nothing
    ("20 months", "You asked whether payback is 20 months. It is 24 months.", None, N),
    ("20 months", "You are asking if payback is 20 months. Our estimate is 24 months.", None, N),
    ("20个月", "您问回收期是否为20个月？实际是24个月。", None, N),
    ("20个月", "您问的是回收期是否为20个月。根据测算为24个月。", None, N),
    # a quoted question answered no on the next line
    ("20个月", "> 回收期是20个月吗？\n\n不是，是24个月。", None, N),
    ("20 months", "> Is the payback 20 months?\n\nNo, it is 24 months.", None, N),
    # an FAQ's answer label, and no in more words
    ("20个月", "问：回收期是20个月吗？\n答：不是，是24个月。", None, N),
    ("20 months", "Q: Is payback 20 months?\nA: No, it is 24 months.", None, N),
    ("20个月", "回收期是20个月吗？答案是否定的，实际为24个月。", None, N),
    ("20个月", "回收期是20个月吗？其实不是，是24个月。", None, N),
    ("20 months", "Is payback 20 months? The answer is no: it is 24 months.", None, N),
    ("20 months", "Is payback 20 months? Not quite - it is 24 months.", None, N),
    # v43: not "No", but no yes either - a bare figure asked with a copula is asked (as a named one since v41)
    ("20 months", "Is payback 20 months? No-code tools make it so.", None, N),
    ("私有化部署", "支持私有化部署吗？其实支持。", None, C),
    ("20个月", "问：回收期是20个月吗？\n答：是的。", None, C),
    # innocent: answered yes, a report that is no yes/no question, the figure stated in a later part
    ("20 months", "You asked if we can deliver in 20 months. Yes, we can.", None, C),
    ("20 months", "You asked whether payback is 20 months, and it is: payback is 20 months.", None, C),
    ("20个月", "您问回收期是否为20个月，是的，回收期为20个月。", None, C),
    ("20 months", "You asked about the payback: it is 20 months.", None, C),
    ("20 months", "As you asked, the payback is 20 months.", None, C),
    ("20个月", "您问的回收期为20个月。", None, C),
    # settled (test_answer_forms) in v7, changed in v43: a bare figure asked with a copula is asked, as a named one is
    ("20个月", "回收期是20个月吗？", None, N),
    ("20 months", "Is it 20 months?", None, N),
]

QUOTED_ROWS = [
    ("20个月", "与常说的20个月不同，实际回收期为24个月。", None, N),
    ("20个月", "与通常所说的20个月不同，实际回收期为24个月。", None, N),
    ("20个月", "所谓的20个月回收期并不准确，实际为24个月。", None, N),
    ("20 months", "Unlike the often-quoted 20 months, payback is actually 24 months.", None, N),
    ("20 months", "Contrary to the 20 months often quoted, payback is 24 months.", None, N),
    # the user's figure, corrected
    ("20个月", "您提到的20个月回收期不准确，应为24个月。", None, N),
    ("20 months", "The 20-month payback you mentioned is incorrect; it is 24 months.", None, N),
    # innocent: the quoted figure not corrected, or another figure quoted
    ("20个月", "您提到的20个月回收期是正确的。", None, C),
    ("20个月", "您提到的24个月不准确，应为20个月。", None, C),
    ("20 months", "The 20 months you mentioned is right.", None, C),
    ("20个月", "所谓的回本周期为20个月。", None, C),
    ("20个月", "业内常说的回收期为20个月，本项目也是20个月。", None, C),
    ("20个月", "与行业常说的24个月不同，本项目回收期为20个月。", None, C),
    ("20 months", "Unlike the often-quoted 24 months, payback here is 20 months.", None, C),
    ("20 months", "Many analysts have often quoted 20 months as the payback.", None, C),
    ("20 months", "The often-quoted 20 months is accurate.", None, C),
]

FORMER_ROWS = [
    # a former value in a bracket after the new one, a figure called out of date
    ("20个月", "回收期：24个月（原20个月）。", None, N),
    ("20 months", "Payback: 24 months (was 20 months).", None, N),
    ("20 months", "Payback: 24 months (previously 20 months).", None, N),
    ("20个月", "回收期24个月（旧值：20个月）", None, N),
    ("20 months", "Payback is 24 months (old estimate: 20 months).", None, N),
    ("20个月", "回收期24个月（此前为20个月）", None, N),
    ("20个月", "回收期20个月（已作废），现为24个月。", None, N),
    ("20 months", "Payback 20 months (outdated); now 24 months.", None, N),
    ("20 months", "Payback: 20 months (superseded by 24 months).", None, N),
    ("20个月", "20个月的说法已过时，目前为24个月。", None, N),
    ("20 months", "The 20-month figure is outdated; payback is 24 months.", None, N),
    # innocent: the new value, a plan, a former value alone, another thing out of date
    ("24个月", "回收期：24个月（原20个月）。", None, C),
    ("20个月", "实际24个月（原计划20个月）。", None, C),
    ("20个月", "回收期（原20个月）", None, C),
    ("20个月", "有效期20个月，过期作废。", None, C),
    ("20个月", "积分20个月后失效。", None, C),
    ("20 months", "The 20-month figure is accurate.", None, C),
    ("20 months", "Payback: 20 months (outdated data excluded).", None, C),
    ("20个月", "回收期20个月（过时数据已剔除）。", None, C),
]

SIGN_ROWS = [
    # a sign of comparison is a bound: < and > strict, ≤ ≥ <= >= inclusive (v17's rule for words)
    ("20 months", "Payback of <20 months.", None, N),
    ("20 months", "Payback of > 20 months.", None, N),
    ("20个月", "回收期＜20个月。", None, N),
    ("20个月", "回收期＞20个月。", None, N),
    ("20%", "ROI > 20%。", None, N),
    # innocent: inclusive signs, arrows, tags and a quote's mark
    ("20 months", "Payback of ≤20 months.", None, C),
    ("20个月", "回收期≥20个月。", None, C),
    ("20%", "ROI >= 20%。", None, C),
    ("24 months", "Payback changed: 20 months -> 24 months.", None, C),
    ("20 months", "Payback: 20 months => approve.", None, C),
    ("20个月", "第一行<br>20个月", None, C),
    ("20个月", "> 20个月即可回本。", None, C),
    ("20个月", "背景如下。> 20个月即可回本。", None, C),
]

CONDITION_ROWS = [
    ("20 months", "If payback were 20 months, ROI would be 60%.", None, N),
    ("20 months", "If payback were 20 months, ROI would be 60%. It is actually 24 months.", None, N),
    ("20 months", "Even if the payback were 20 months, the project would not be approved; it is 24 months.", None, N),
    ("$720,000", "If the savings were $720,000 a year, payback would be 20 months.", SW, N),
    # innocent: an open condition, "were" before another word, no condition
    # v51: flipped to N - the figure is in the condition's antecedent (supposed, not stated)
    ("20 months", "If payback is 20 months, ROI is 60%.", None, N),
    ("20 months", "If you were to invest $1.2 million, payback would be 20 months.", None, C),
    ("20 months", "If the savings were $720,000 a year, payback would be 20 months.", None, C),
    ("20 months", "We were 20 months ahead of plan.", None, C),
]

NEGATION_ROWS = [
    ("20 months", "Payback is not necessarily 20 months.", None, N),
    ("20 months", "Payback is not necessarily 20 months; it could be 24.", None, N),
    ("20 months", "It doesn‘t take 20 months.", None, N),
    ("20 months", "It won‘t take 20 months.", None, N),
    # innocent
    ("20 months", "Payback is 20 months, not necessarily less.", None, C),
    ("20 months", "It’s 20 months.", None, C),
    ("20 months", "The customer’s payback is 20 months.", None, C),
    ("20 months", "‘20 months’ is our estimate.", None, C),
]

MISSED_ROWS = [
    ("$1.2 million", "The budget is $1.2MM.", SW, C),
    ("$1.2 million", "The budget is $12MM.", SW, N),
    ("$1.2 million", "We need a 1.2mm cable.", SW, N),
    ("Q3 2024", "计划于2024年第三季度上线。", None, C),
    ("Q3 2024", "计划于2024年第3季度上线。", None, C),
    ("Q3 2024", "计划于2024年三季度上线。", None, C),
    ("Q3 2024", "计划于2024年Q3上线。", None, C),
    ("Q3 2024", "计划于2024年第四季度上线。", None, N),
    ("Q3 2024", "计划于2023年第三季度上线。", None, N),
    ("20 months", "Payback: twenty (20) months.", None, C),
    ("20 months", "Payback: 20 (twenty) months.", None, C),
    ("20个月", "回收期二十（20）个月。", None, C),
    ("20个月", "回收期20（二十）个月。", None, C),
    ("20 months", "Payback: 20 (24) months.", None, N),
    ("20 months", "Payback: twenty (24) months.", None, N),
    ("20 months", "Payback: twenty-four (24) months.", None, N),
    ("20 months", "Payback: 120 (one hundred twenty) months.", None, N),
    ("20 months", "Term: 20 (see note 3) months.", None, N),
    ("500台", "部署500+台服务器。", None, C),
    ("20个月", "回收期20+个月。", None, C),
    ("20个月", "回收期120+个月。", None, N),
    ("20个月", "工期20+4个月。", None, N),
]

LONG_ZH = (
    "根据测算，本项目总投资1200万元，其中硬件投入480万元、软件及实施费用520万元、培训与运维预留200万元。"
    "项目上线后，预计每年可节省人工成本约540万元，减少差错损失约180万元，合计年净收益720万元。"
    "据此计算，静态投资回收期约为20个月（含4个月建设期），第三年起累计净现值转正。"
    "敏感性分析显示：若年收益下降10%，回收期延长至约22个月；若投资超支15%，回收期约为23个月。"
    "客户满意度目标为85%，较目前的72%提升13个百分点。"
    "建议分两期实施：一期（2024年第三季度）完成核心系统，二期（2025年第一季度）扩展至全部门店。"
)
LONG_EN = (
    "Based on our model, the total investment is $1.2 million, covering hardware ($480,000), software and "
    "implementation ($520,000) and a training reserve ($200,000). Annual savings are estimated at $720,000, so the "
    "payback period is about 20 months, including a 4-month build phase. In a downside case where savings fall 10%, "
    "payback stretches to 22 months; with a 15% cost overrun it would be about 23 months. If savings were 20% "
    "higher, payback would be 17 months. You asked whether a phased rollout is possible: it is. Customer "
    "satisfaction should rise from 72% to 85%. Phase one is planned for Q3 2024, phase two for Q1 2025."
)
LONG_ROWS = [
    ("1200万元", LONG_ZH, None, C),
    ("720万元", LONG_ZH, None, C),
    ("20个月", LONG_ZH, None, C),
    ("85%", LONG_ZH, None, C),
    ("13个百分点", LONG_ZH, None, C),
    ("Q3 2024", LONG_ZH, None, C),
    ("$1.2 million", LONG_EN, SW, C),
    ("$720,000", LONG_EN, SW, C),
    ("20 months", LONG_EN, None, C),
    ("4 months", LONG_EN, None, C),
    ("85%", LONG_EN, None, C),
    ("Q3 2024", LONG_EN, None, C),
    ("72%", LONG_EN, None, N),  # rose from 72%: a former value (v20)
]

CLAIM_ROWS = [
    ("passed PCI DSS certification", "I can’t confirm they passed PCI DSS certification.", False),
    ("passed PCI DSS certification", "They haven’t passed PCI DSS certification.", False),
    ("passed PCI DSS certification", "They passed PCI DSS certification in 2023.", True),
    ("passed PCI DSS certification", "We can confirm they passed PCI DSS certification.", True),
]


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 32


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), COMMA_ROWS)
def test_a_full_width_comma_after_ascii_digits_is_no_thousands_separator(point, answer, forms, expected) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), QUESTION_ROWS)
def test_the_users_question_reported_or_answered_no_is_no_answer(point, answer, forms, expected) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), QUOTED_ROWS)
def test_a_figure_as_usually_quoted_and_corrected_is_not_the_answers(point, answer, forms, expected) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), FORMER_ROWS)
def test_a_former_value_in_a_bracket_or_out_of_date_is_no_answer(point, answer, forms, expected) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), SIGN_ROWS)
def test_a_sign_of_comparison_is_a_bound(point, answer, forms, expected) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), CONDITION_ROWS)
def test_a_condition_contrary_to_fact_states_no_figure(point, answer, forms, expected) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), NEGATION_ROWS)
def test_not_necessarily_and_typographic_apostrophes_negate(point, answer, forms, expected) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), MISSED_ROWS)
def test_mm_and_a_chinese_quarter_state_their_figure(point, answer, forms, expected) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), LONG_ROWS)
def test_long_correct_answers_padded_with_figures_are_still_credited(point, answer, forms, expected) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("claim", "answer", "expected"), CLAIM_ROWS)
def test_a_typographic_apostrophe_in_a_cue_is_read(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected


@pytest.mark.parametrize(
    ("point", "unit"),
    [
        ("1200万元", "1，200万元"),
        ("20 months", "You asked whether payback is 20 months, "),
        ("20个月", "您问回收期是否为20个月，"),
        ("20 months", "if payback were 20 months "),
        ("20 months", "often quoted 20 months "),
        ("20 months", "the 20 months you mentioned "),
        ("20个月", "您提到的20个月，"),
        ("20 months", "> < 20 months "),
        ("20 months", "20 months (outdated) "),
        ("20个月", "20个月的说法已过时，"),
    ],
)
def test_the_v32_rules_take_linear_time(point: str, unit: str) -> None:
    from scorer_rows import status

    def seconds(answer: str) -> float:
        begun = time.process_time()
        status(point, answer)
        return time.process_time() - begun

    assert_linear_time(seconds, unit, 24_000)
