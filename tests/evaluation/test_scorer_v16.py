"""Scorer version 16: what the second red-team review of the scorer found, each closed as a class. A figure offered
among values that the answer says bound it (在18个月、20个月、24个月之间, 介于...之间, between ...) or joins with a
slash (18/20/24个月) is a guess; a year at an end of a hedged range of years (成立于1997-1998年间) is none; a number
after 第 is a position, not an amount (第20个月); a statement denied as a whole before it (It is not true that ...,
并非..., 不能说...), a correction that points back at it (20个月，这是错误的; 20 months, which is wrong) and a question
about it answered wrong (回收期20个月？不对) negate the point; with chinese_numerals 两成 is 20%; and "20 or so
months", "20-odd months" and "20+ months" are about 20 months. Each row one reading; the near-misses keep their
verdicts."""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION


def test_the_version() -> None:
    assert SCORER_VERSION >= 16  # v17 changed what this module's rows do not pin (test_scorer_v17.py)


# --- 1. values the answer says bound the figure, or joins with a slash ---


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        # v15 credited each of these: the figure is one of the values offered
        ("20个月", "回收期在18个月、20个月、24个月之间。", None, "negated"),
        ("20个月", "回收期介于18个月、20个月和24个月之间。", None, "negated"),
        ("20个月", "回收期介于18个月、20个月、24个月。", None, "negated"),
        ("20个月", "回收期在18个月、20个月、24个月间。", None, "negated"),
        ("24个月", "回收期为18/20/24个月。", None, "negated"),
        ("24个月", "回收期为18 / 20 / 24个月。", None, "negated"),
        ("20个月", "回收期为18个月/20个月/24个月。", None, "negated"),
        ("20%", "ROI在20%和30%之间。", None, "negated"),
        ("20%", "ROI在20%、30%之间。", None, "negated"),
        ("20 months", "The payback is between 18 months, 20 months and 24 months.", None, "negated"),
        ("30个月", "回收期为二十/三十个月。", CN, "negated"),
        # near-misses: a list, options, one fiscal year, a ratio, a unit after the slash, another quantity - kept
        ("860万元", "合同金额为860万元、1200万元和340万元。", None, "covered"),
        ("860万元", "三份合同金额分别为860万元、1200万元和340万元。", None, "covered"),
        ("90天", "付款账期分30/60/90天三档。", None, "covered"),
        ("200万元", "预算100/200万元两档。", None, "covered"),
        ("2023年", "2022/2023年度营收增长20%。", None, "covered"),
        ("50%", "按50%/50%分摊。", None, "covered"),
        ("20%", "首付20%/尾款80%。", None, "covered"),
        ("20元", "费用20元/月。", None, "covered"),
        ("20个月", "静态回收期20个月与动态回收期24个月之间相差4个月。", None, "covered"),
        ("20个月", "回收期20个月，和行业平均的24个月相比更短。", None, "covered"),
        ("20 months", "Payback is 20 months and ROI is 50%.", None, "covered"),
        ("20个月", "回收期在18到24个月之间，测算值为20个月。", None, "covered"),
    ],
)
def test_values_that_bound_the_figure_are_a_guess(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


# --- 2. a range of years said to hold the year somewhere ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        # v15 credited each of these: the answer does not know the year
        ("1997年", "华信银行成立于1997-1998年间。", "not covered"),
        ("1998年", "华信银行成立于1997-1998年间。", "not covered"),
        ("1997年", "华信银行成立于1997至1998年间。", "not covered"),
        ("1997年", "华信银行成立于1996-1997年间。", "not covered"),
        ("1997年", "华信银行成立于1997年到1998年之间。", "not covered"),
        ("1997年", "华信银行大约在1997-1998年成立。", "not covered"),
        ("1997年", "华信银行成立于1997—1998年左右。", "not covered"),
        ("1997年", "华信银行成立时间介于1997年和1998年之间。", "not covered"),
        # near-misses: the year, about the year, a period, two years named - kept
        ("1997年", "华信银行成立于1997年。", "covered"),
        ("1997年", "华信银行约1997年成立。", "covered"),
        ("1997年", "华信银行1997年左右成立。", "covered"),
        ("2008年", "2008年—2018年：就职于华信银行信息科技部。", "covered"),
        ("2008年", "2008-2018年就职于华信银行。", "covered"),
        ("2020年", "双方2020年至2023年持续合作。", "covered"),
        ("2024年", "2024-2025年规划分两期实施。", "covered"),
        ("1997年", "1997年和1998年各签了一份合同。", "covered"),
    ],
)
def test_a_hedged_range_of_years_states_neither_year(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


# --- 3. an ordinal is a position, not an amount ---


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        # v15 credited each of these: the twentieth month is no period of twenty months
        ("20个月", "项目从第20个月开始盈利。", None, "missing"),
        ("20个月", "项目在第 20 个月开始盈利。", None, "missing"),
        ("3年", "合同第3年价格上涨5%。", None, "missing"),
        ("3个", "第3个方案最好。", None, "missing"),
        ("5名", "他在评比中排第5名。", None, "missing"),
        ("20个月", "项目在第二十个月开始盈利。", CN, "missing"),
        ("1次", "这是第一次合作。", CN, "missing"),
        # near-misses: the amount itself, and a point written as the position - kept
        ("20个月", "回收期为20个月。", None, "covered"),
        ("3年", "合同期3年，第3年价格上涨5%。", None, "covered"),
        ("第3年", "合同第3年价格上涨5%。", None, "covered"),
        ("第20个月", "项目从第20个月开始盈利。", None, "covered"),
        ("1次", "仅发生一次安全事故。", CN, "covered"),
    ],
)
def test_an_ordinal_is_no_amount(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


# --- 4. a statement denied as a whole, a correction pointing back, a question answered wrong ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        # v15 credited each of these
        ("20 months", "It is not true that the payback is 20 months.", "negated"),
        ("20 months", "It's not true that the payback is 20 months.", "negated"),
        ("20 months", "It isn't true that the payback is 20 months.", "negated"),
        ("20 months", "It is not the case that the payback is 20 months.", "negated"),
        ("20 months", "It is false that the payback is 20 months.", "negated"),
        ("20 months", "It is a myth that the payback is 20 months.", "negated"),
        ("20 months", "It would be wrong to say the payback is 20 months.", "negated"),
        ("20 months", "It is incorrect to say that the payback is 20 months.", "negated"),
        ("20个月", "并非回收期是20个月。", "negated"),
        ("20个月", "不能说回收期是20个月。", "negated"),
        ("20个月", "有人说回收期是20个月，这是错误的。", "negated"),
        ("20个月", "回收期是20个月，这个说法不对。", "negated"),
        ("20个月", "回收期是20个月这一说法是错误的。", "negated"),
        ("20个月", "回收期是20个月，此说法有误。", "negated"),
        ("20 months", "The payback is 20 months, which is wrong.", "negated"),
        ("20 months", "The payback is 20 months - this is incorrect.", "negated"),
        ("20个月", "回收期20个月？不对，是24个月。", "negated"),
        ("20个月", "回收期20个月吗？不对。", "negated"),
        ("20个月", "回收期20个月？错了，是24个月。", "negated"),
        ("20个月", "回收期20个月？这种说法不正确。", "negated"),
        ("20 months", "Is the payback 20 months? That's wrong.", "negated"),
        # near-misses: a contrast or a new clause after the denial, the opposite, double negatives, agreement - kept
        ("20 months", "It is not true that the payback is 24 months; it is 20 months.", "covered"),
        ("20 months", "It is not true that the payback is 24 months, but it is 20 months.", "covered"),
        ("20 months", "That is not correct: the payback is 20 months.", "covered"),
        ("20 months", "It is true that the payback is 20 months.", "covered"),
        ("20 months", "It is not only true that the payback is 20 months.", "covered"),
        ("20 minutes", "It's not right that customers wait 20 minutes.", "covered"),
        ("20 minutes", "It is wrong that customers wait 20 minutes.", "covered"),
        ("20 months", "This is not the case for plans of 20 months.", "covered"),
        ("20 months", "That is not accurate for plans of 20 months.", "covered"),  # v17: "over 20" is no 20
        ("20个月", "并非不可能在20个月内回本。", "covered"),
        ("私有化部署", "该产品并非不支持私有化部署。", "covered"),
        ("20个月", "回收期不是24个月，而是20个月。", "covered"),
        ("20个月", "回收期是20个月，这是正确的。", "covered"),
        ("20个月", "回收期是20个月，这没错。", "covered"),
        ("20个月", "回收期20个月？对，就是20个月。", "covered"),
        ("20个月", "回收期20个月，这一点不对外公开。", "covered"),
        ("20 months", "The payback is 20 months, which is right.", "covered"),
    ],
)
def test_a_statement_denied_as_a_whole(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


def test_a_claim_denied_as_a_whole_is_no_claim() -> None:
    assert not charged("已通过PCI DSS", "It is not true that it 已通过PCI DSS认证.")
    assert not charged("已通过PCI DSS", "不能说它已通过PCI DSS认证。")
    assert charged("已通过PCI DSS", "它已通过PCI DSS认证。")


# --- 5. tenths: 两成 is 20% (chinese_numerals) ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20%", "投诉中约两成与排队有关。", "covered"),  # v15: missing
        ("20%", "占比二成左右。", "covered"),
        ("40%", "报价通常比同类产品低四成左右。", "covered"),
        ("两成", "占比20%。", "covered"),
        # near-misses
        ("20%", "占比十二成。", "missing"),
        ("10%", "方案一成不变。", "missing"),
        ("20%", "两成员参加了评审。", "missing"),
        ("90%", "九成九的客户满意。", "missing"),
    ],
)
def test_tenths(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, CN)


# --- 6. English about-forms before the unit, as 20多个月 is about 20个月 ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20 months", "The payback is 20 or so months.", "covered"),  # v15: missing
        ("20 months", "The payback is 20-odd months.", "covered"),
        ("20 months", "The payback is 20+ months.", "covered"),
        # near-misses: another number, another unit, alternatives
        ("20 months", "The payback is 120 or so months.", "missing"),
        ("20 months", "The payback is 20 or so days.", "missing"),
        ("20 months", "The payback is 20 or 24 months.", "missing"),
    ],
)
def test_english_about_forms(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
