"""Scorer version 19: a figure the answer takes back right after it is no answer - a correction or self-correction
that follows it at once and gives another figure (20个月（不对，应为24个月）, 20个月——不，是24个月,
20个月，更正：24个月, 20 months - no, 24 months, 20 months, I mean 24 months) or a verdict on it in a bracket
(20个月（错误）, 20 months (wrong: 24)); the correction TO the figure still credits it (24个月，不，是20个月). A key
point the answer refuses to commit to is no answer (无法确定是否为20个月, I cannot say whether it is 20 months, whether
it is 20 months is unclear, 我不确定回收期是20个月); a hedge that states it is (大概20个月, probably 20 months, I
think it is 20 months). An A-not-A question (回收期是不是20个月？) no longer negates its figure."""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION


def test_the_version() -> None:
    assert SCORER_VERSION >= 19  # v20 reads English change and negation words (test_scorer_v20.py)


# --- 1. a correction or self-correction right after the figure takes it back ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        # a bracket right after the figure (full width and ASCII): a verdict, or a correction that gives a figure
        ("20个月", "回收期是20个月（不对，应为24个月）"),
        ("20个月", "回收期是20个月(不对,应为24个月)"),
        ("20个月", "回收期是20个月（错误）"),
        ("20个月", "回收期是20个月（有误，实为24个月）"),
        ("20个月", "回收期是20个月（笔误，应为24个月）"),
        ("20个月", "回收期是20个月（应为24个月）"),
        ("20个月", "回收期是20个月（此处有误）"),
        ("20个月", "回收期是**20个月**（不对，应为24个月）"),
        ("20 months", "The payback is 20 months (wrong: 24)."),
        ("20 months", "The payback is 20 months (incorrect; it is 24 months)."),
        ("20 months", "The payback is 20 months (typo: 24 months)."),
        ("20 months", "The payback is 20 months (should be 24 months)."),
        ("20 months", "The payback is 20 months (no: 24 months)."),
        ("20 months", "Payback: 20 months (wrong) - use 24 months."),
        # after a dash, a comma, an ellipsis, a colon or a full stop: a self-correction, then another figure
        ("20个月", "回收期是20个月——不，是24个月"),
        ("20个月", "回收期是20个月 - 不，是24个月"),
        ("20个月", "回收期是20个月，不，24个月"),
        ("20个月", "回收期是20个月……不，是24个月。"),
        ("20个月", "回收期是20个月，哦不，是24个月"),
        ("20个月", "回收期是20个月，噢不对，24个月。"),
        ("20个月", "回收期是20个月，不是，是24个月。"),
        ("20个月", "回收期是20个月，更正：24个月"),
        ("20个月", "回收期是20个月，纠正一下，是24个月。"),
        ("20个月", "回收期是20个月，应该说是24个月"),
        ("20个月", "回收期是20个月，准确地说是24个月"),
        ("20个月", "回收期是20个月，确切地说是24个月。"),
        ("20个月", "回收期是20个月，严格来说是24个月。"),
        ("20个月", "回收期是20个月，抱歉，是24个月。"),
        ("20个月", "回收期是20个月，不好意思，应为24个月。"),
        ("20个月", "回收期是20个月，我说错了，是24个月。"),
        ("20个月", "回收期为20个月，不，二十四个月。"),
        ("300万元", "总投资300万元（笔误，应为350万元）。"),
        ("15%", "IRR为15%（有误，应为12%）。"),
        ("15%", "IRR为15%，准确地说是15.2%。"),
        ("15%", "IRR is 15% - sorry, 12%."),
        ("20 months", "The payback is 20 months - no, 24 months."),
        ("20 months", "The payback is 20 months, sorry, 24 months."),
        ("20 months", "The payback is 20 months, sorry, I meant 24 months."),
        ("20 months", "The payback is 20 months; correction: 24 months."),
        ("20 months", "The payback is 20 months. Correction: 24 months."),
        ("20 months", "The payback is 20 months, I mean 24 months."),
        ("20 months", "The payback is 20 months, or rather 24 months."),
        ("20 months", "The payback is 20 months, or rather 2 years."),
        ("20 months", "The payback is 20 months, or more precisely 24 months."),
        ("20 months", "The payback is 20 months — no wait, 24 months."),
        ("20 months", "The payback is 20 months... no, 24 months."),
        ("20 months", "The payback is 20 months. Wait, no - it is 24 months."),
        ("20 months", "The payback is 20 months, make that 24 months."),
        ("20 months", "The payback is 20 months, er, 24 months."),
        ("20 months", "The payback is 20 months — sorry, twenty-four months."),
        ("20 months", "The payback is **20 months** - no, **24 months**."),
        # struck out (v10) stays refused
        ("20 months", "The payback is ~~20 months~~ 24 months."),
    ],
)
def test_a_figure_taken_back_right_after_it_is_no_answer(point: str, answer: str) -> None:
    check_status(point, answer, "not covered")


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        # a bracket that explains the figure, or agrees with it
        ("20个月", "回收期是20个月（即1年8个月）"),
        ("20个月", "回收期是20个月（约合1.7年）"),
        ("20个月", "回收期是20个月（不含建设期）"),
        ("20个月", "回收期是20个月（对，就是20个月）"),
        ("20个月", "回收期20个月（正确）。"),
        ("20个月", "回收期20个月（注：不含建设期6个月）。"),
        ("20个月", "回收期20个月（误差±2个月）。"),
        ("20个月", "回收期20个月（错误率5%）。"),
        ("20个月", "回收期为20个月（已更正，原为24个月）。"),
        ("20个月", "回收期：20个月（更正：原稿误写为24个月）"),
        ("20 months", "The payback is 20 months (i.e. 1 year 8 months)."),
        ("20 months", "The payback is 20 months (error margin 2 months)."),
        ("20 months", "The payback is 20 months (no upfront fee)."),
        ("20 months", "The payback is 20 months (corrected from 24 months)."),
        # another value named as not the answer
        ("20个月", "回收期是20个月（不是24个月）"),
        ("20个月", "回收期是20个月，不是24个月。"),
        ("20 months", "The payback is 20 months, not 24 months."),
        ("20 months", "The payback is 20 months (not 24)."),
        # the correction TO the figure
        ("20个月", "回收期是24个月，不，是20个月"),
        ("20个月", "回收期不是24个月，是20个月"),
        ("20个月", "回收期是24个月（不对，应为20个月）"),
        ("20个月", "回收期是24个月——不，是20个月"),
        ("300万元", "总投资350万元，不对，是300万元。"),
        ("20 months", "The payback is 24 months - no, 20 months."),
        ("20 months", "The payback is 24 months, I mean 20 months."),
        # the same figure again, in its own or another unit
        ("20个月", "回收期是20个月，准确地说是20个月。"),
        ("20个月", "回收期是20个月，更准确地说是20个月左右。"),
        ("20个月", "回收期20个月，准确地说是1年8个月。"),
        ("15%", "IRR为15%，准确地说是15%。"),
        ("20 months", "The payback is 20 months - no, 20 months exactly."),
        ("20 months", "The payback is 20 months - no, 1 year and 8 months."),
        # no figure after the words, or no mark after a bare 不 / no
        ("20个月", "回收期是20个月，不算长。"),
        ("20个月", "回收期20个月，不，不会更长。"),
        ("20个月", "回收期20个月，抱歉让您久等。"),
        ("20个月", "回收期20个月，错误率低于5%。"),
        ("20万元", "首付20万元，嗯，5000元的月供另算。"),
        ("20 months", "The payback is 20 months - no more, no less."),
        ("20 months", "The payback is 20 months, no doubt."),
        ("20 months", "The payback is 20 months, sorry for the delay."),
        ("20 months", "The payback is 20 months, I mean it."),
        ("20 months", "The payback is 20 months, no 24-month plan is offered."),
        ("20 months", "The payback is 20 months; correction costs are extra."),
        # a figure of another thing after the words is no other value of the point
        ("20个月", "回收期20个月。抱歉，3个附件无法提供。"),
        ("20个月", "回收期20个月；更正一下，IRR为15%。"),
        ("20 months", "The payback period is 20 months. No, 2 installments are not required."),
        ("20 months", "The payback is 20 months. Sorry, 3 other figures are confidential."),
        ("20 months", "The payback is 20 months. Correction: the IRR is 15%, not 12%."),
        # plan and actual: 实际 and actually are no corrections
        ("20个月", "计划工期20个月，实际为24个月。"),
        ("20个月", "回收期是20个月（实际为24个月）"),
        ("20 months", "The payback is 20 months (actually 24 months)."),
    ],
)
def test_what_explains_or_keeps_the_figure_credits_it(point: str, answer: str) -> None:
    check_status(point, answer, "covered")


# --- 2. an explicit refusal to commit is no answer; a hedge that states the figure is one ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20 months", "I cannot say whether it is 20 months."),
        ("20 months", "I can't tell whether the payback is 20 months."),
        ("20 months", "I'm not sure whether it's 20 months."),
        ("20 months", "I don't know if it's 20 months."),
        ("20 months", "Whether it is 20 months is unclear."),
        ("20 months", "Whether the payback will be 20 months remains to be confirmed."),
        ("20 months", "I am not sure it is 20 months."),
        ("20 months", "I can't confirm that it is 20 months."),
        ("20个月", "无法确定是否为20个月"),
        ("20个月", "我不确定是不是20个月"),
        ("20个月", "不知道是否20个月"),
        ("20个月", "不知道回收期是不是20个月。"),
        ("20个月", "我无法判断回收期是否为20个月。"),
        ("20个月", "无法判断回收期能否控制在20个月。"),
        ("20个月", "是不是20个月，我不清楚。"),
        ("20个月", "是否为20个月尚不清楚。"),
        ("20个月", "回收期是否为20个月还有待确认。"),
        ("20个月", "回收期是否20个月，目前无法确认。"),
        ("20个月", "我不确定回收期是20个月。"),
        ("20个月", "不确定是20个月还是24个月。"),
    ],
)
def test_an_explicit_refusal_to_commit_is_no_answer(point: str, answer: str) -> None:
    check_status(point, answer, "not covered")


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        # hedges that state it
        ("20个月", "回收期大概20个月"),
        ("20个月", "回收期应该是20个月"),
        ("20个月", "回收期可能是20个月"),
        ("20个月", "我认为是20个月。"),
        ("20个月", "我不太确定，大概是20个月。"),
        ("20 months", "The payback is probably 20 months."),
        ("20 months", "I think it is 20 months."),
        ("20 months", "I believe the payback is 20 months."),
        ("20 months", "If I remember correctly, it is 20 months."),
        # the refusal is of another thing, or a contrast, a comma or a question word ends its reach
        ("20个月", "我不确定具体日期，但回收期是20个月。"),
        ("20个月", "不清楚具体日期，回收期是20个月。"),
        ("20个月", "我不清楚为什么回收期是20个月。"),
        ("20个月", "不清楚20个月的回收期是否包含建设期。"),
        ("20个月", "回收期是20个月，但我不确定是否包含建设期。"),
        ("20个月", "回收期20个月，不确定是否包含建设期。"),
        ("20个月", "无法确定是否为24个月，但可以确定是20个月。"),
        ("20个月", "市场不确定性较大的情况下回收期是20个月。"),
        ("20 months", "In uncertain markets the payback is 20 months."),
        ("20 months", "I don't know why it is 20 months."),
        ("20 months", "I'm not sure whether this helps, but the payback is 20 months."),
        ("20 months", "Not sure if this helps: the payback is 20 months."),
        ("20 months", "I can't confirm the date, but the payback is 20 months."),
        ("20 months", "It is 20 months, though I'm not sure whether that includes construction."),
        ("20 months", "I am not sure about the date; the payback is 20 months."),
        # a question answered yes (key points are not judged for assertion: v7, v10)
        ("20个月", "回收期是否为20个月？是的，是20个月。"),
    ],
)
def test_a_hedge_or_a_refusal_of_another_thing_credits_it(point: str, answer: str) -> None:
    check_status(point, answer, "covered")


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        # v51: flipped - these two were credited here as open conditions (v7, v10, v32); the figure is in the
        # condition's antecedent, which supposes it and does not state it
        ("20个月", "如果回收期是20个月，那么IRR约为15%。"),
        ("20 months", "If the payback is 20 months, the IRR is about 15%."),
    ],
)
def test_a_figure_in_a_conditions_antecedent_is_not_stated(point: str, answer: str) -> None:
    check_status(point, answer, "not covered")


# --- 3. an A-not-A question asks; it does not deny ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20个月", "回收期是不是20个月？是的。", "covered"),
        ("20个月", "回收期是不是20个月？对。", "covered"),
        ("私有化部署", "有没有私有化部署？有。", "covered"),
        # answered no (v16), a plain negation, and 但是 + 不是 in a statement still deny it
        ("20个月", "回收期是不是20个月？不是，是24个月。", "not covered"),
        ("私有化部署", "有没有私有化部署？没有。", "not covered"),
        ("20个月", "回收期不是20个月。", "not covered"),
        ("20个月", "回收期很长，但是不是20个月。", "not covered"),
    ],
)
def test_an_a_not_a_question_is_no_negation(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


# --- 4. a former value the answer says has changed is no answer ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20个月", "回收期由20个月延长至24个月。", "not covered"),
        ("20个月", "回收期已从20个月调整为24个月。", "not covered"),
        ("20个月", "回收期从20个月变为24个月。", "not covered"),
        ("20个月", "从20个月缩短到15个月", "not covered"),  # test_quantity_edges credited it (v5); tests.patch
        ("20个月", "回收期原为20个月，现调整为24个月。", "not covered"),
        ("20个月", "原来的回收期是20个月，现在是24个月。", "not covered"),
        ("20 months", "The payback was previously 20 months; it is now 24 months.", "not covered"),
        ("20 months", "Originally 20 months, the payback is now 24 months.", "not covered"),
        # the change TO the figure, the same figure again, a former value alone, two plans, plan and actual
        ("20个月", "回收期由24个月缩短至20个月。", "covered"),
        ("20个月", "回收期原为24个月，现调整为20个月。", "covered"),
        ("20 months", "The payback was previously 24 months; it is now 20 months.", "covered"),
        ("20个月", "回收期原为20个月，现在仍是20个月。", "covered"),
        ("20个月", "回收期原为20个月。", "covered"),
        ("20个月", "回收期原为20个月，现金流为每月15万元。", "covered"),
        ("20个月", "旧方案回收期20个月，新方案24个月。", "covered"),
        ("20个月", "原计划20个月，实际24个月。", "covered"),
        ("20个月", "最初20个月免租金，目前已过去3个月。", "covered"),
        ("20个月", "工期由20个月组成，现有3个阶段。", "covered"),
        # a verdict word out of a bracket labels the next value
        ("20 months", "Correct: 20 months. Incorrect: 24 months.", "covered"),
        ("20个月", "正确答案：20个月；错误答案：24个月。", "covered"),
    ],
)
def test_a_former_value_changed_to_another_is_no_answer(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
