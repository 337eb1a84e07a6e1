"""Scorer version 17: what the third red-team review of the scorer found, each closed as a class. One rule for
bounds: a strict bound names another value (超过20个月, 少于, more than, under: no 20个月), an inclusive one states
its figure as a limit (不少于, 不超过, 至少, 以内, at least, within: 20个月), and a point that carries a bound
(不低于200元, 30天以内, at least 3 days) is credited by a bound of its direction only. A figure the answer attributes
to others and corrects (有人说...，但实际是24个月; Some say 20 months, but it is 24) or names a mistake (误以为, a
common misconception is) is not the answer's, nor is the base of a multiple or a part (20个月的两倍, twice 20
months). Each row one reading; the near-misses keep their verdicts."""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION


def test_the_version() -> None:
    assert SCORER_VERSION >= 17  # v18 credits durations in other units (test_scorer_v18.py)


# --- 1. one rule for bounds: strict ones name another value, inclusive ones state the figure as a limit ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        # v16 credited each of these strict bounds as the figure itself
        ("20个月", "回收期超过20个月。", "negated"),
        ("20个月", "回收期高于20个月。", "negated"),
        ("20个月", "回收期多于20个月。", "negated"),
        ("20个月", "回收期逾20个月。", "negated"),
        ("20个月", "回收期少于20个月。", "negated"),
        ("20个月", "回收期低于20个月。", "negated"),
        ("20个月", "回收期超过了20个月。", "negated"),
        ("5%", "税率低于5%。", "negated"),
        ("1200万元", "合同额超过1200万元。", "negated"),
        ("20 months", "The payback is more than 20 months.", "negated"),
        ("20 months", "The payback is over 20 months.", "negated"),
        ("20 months", "The payback is above 20 months.", "negated"),
        ("20 months", "The payback is exceeding 20 months.", "negated"),
        ("20 months", "The payback is under 20 months.", "negated"),
        ("20 months", "The payback is below 20 months.", "negated"),
        ("20 months", "The payback is less than 20 months.", "negated"),
        # strict bounds that were negations already keep that verdict
        ("20个月", "回收期不到20个月。", "negated"),
        ("20个月", "回收期不足20个月。", "negated"),
        ("20个月", "回收期不止20个月。", "negated"),
        # v16 refused these inclusive bounds (不超过 and 不少于 were negations) while it credited 不低于 and 以内
        ("20个月", "回收期不少于20个月。", "covered"),
        ("20个月", "回收期不超过20个月。", "covered"),
        ("20个月", "回收期不会超过20个月。", "covered"),
        ("20个月", "回收期没有超过20个月。", "covered"),
        ("20个月", "回收期未超过20个月。", "covered"),
        ("20个月", "回收期不超20个月。", "covered"),
        # inclusive bounds that v16 credited keep that verdict: limits are written so
        ("20个月", "回收期不低于20个月。", "covered"),
        ("20个月", "回收期至少20个月。", "covered"),
        ("20个月", "回收期最多20个月。", "covered"),
        ("20个月", "回收期20个月以上。", "covered"),
        ("20个月", "回收期20个月以内。", "covered"),
        ("20个月", "回收期20个月之内。", "covered"),
        ("5分钟", "审批时效由平均3天缩短至5分钟以内。", "covered"),
        ("5%", "误差在正负5%以内", "covered"),
        ("30天", "30天内可无理由退款。", "covered"),
        ("20 months", "The payback is at least 20 months.", "covered"),
        ("20 months", "The payback is no more than 20 months.", "covered"),
        ("30 days", "Refunds are accepted within 30 days.", "covered"),
        # near-misses: no bound - an approximation, a period spread over, a word that starts with 内, a start year
        ("20个月", "回收期约20个月。", "covered"),
        ("20个月", "回收期接近20个月。", "covered"),
        ("20个月", "回收期20个月左右。", "covered"),
        ("20 months", "The loan is repaid over 20 months.", "covered"),
        ("20个月", "回收期20个月内部收益率为15%。", "covered"),
        ("2020年", "自2020年起合作。", "covered"),
        ("20个月", "回收期20个月。以上是测算结果。", "covered"),
        # the number is still whole
        ("20个月", "回收期超过120个月。", "missing"),
    ],
)
def test_one_rule_for_bounds_against_a_plain_figure(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        # v16 refused each of these: the same direction in other words
        ("不低于200元", "押金不少于200元。", "covered"),
        ("不低于200元", "押金至少200元。", "covered"),
        ("不低于200元", "押金最少200元。", "covered"),
        ("不低于200元", "押金200元以上。", "covered"),
        ("不低于200元", "押金起码要200元。", "covered"),
        ("30天以内", "30天之内退款。", "covered"),
        ("30天以内", "不超过30天即可退款。", "covered"),
        ("30天以内", "最多30天即可退款。", "covered"),
        ("30天以内", "30天内退款。", "covered"),
        ("超过12分钟", "排队时间逾12分钟。", "covered"),
        ("超过12分钟", "排队时间12分钟以上。", "covered"),
        ("超过12分钟", "排队时间不止12分钟。", "covered"),
        ("at least 3 days", "It takes no less than 3 days.", "covered"),
        ("at least 3 days", "It takes 3 days or more.", "covered"),
        ("within 30 days", "Refunds are accepted for up to 30 days.", "covered"),
        # as written (v16 credited these too)
        ("不低于200元", "押金不低于200元。", "covered"),
        ("超过12分钟", "排队时间超过12分钟。", "covered"),
        ("at least 3 days", "It takes at least 3 days.", "covered"),
        # the plain figure and the other direction do not state the bound
        ("不低于200元", "押金为200元。", "not covered"),
        ("不低于200元", "押金不超过200元。", "not covered"),
        ("不低于200元", "押金低于200元。", "not covered"),
        ("30天以内", "30天以上才可退款。", "not covered"),
        ("超过12分钟", "排队时间不到12分钟。", "not covered"),
        ("at least 3 days", "It takes at most 3 days.", "not covered"),
        ("at least 3 days", "It takes 3 days.", "not covered"),
        # a negation before the bound still negates it
        ("不低于200元", "押金并非至少200元。", "negated"),
    ],
)
def test_a_point_with_a_bound_takes_a_bound_of_its_direction(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


# --- 2. a figure attributed to others and corrected, or named a mistake ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        # v16 credited each of these: the figure is someone else's, and the answer corrects it
        ("20个月", "有人说回收期是20个月，但实际是24个月。", "negated"),
        ("20个月", "网上传言20个月，实际上是24个月。", "negated"),
        ("20个月", "有人认为回收期是20个月，其实是24个月。", "negated"),
        ("20个月", "很多人以为是20个月，实际上是24个月。", "negated"),
        ("20个月", "回收期本以为20个月，结果是24个月。", "negated"),
        ("20个月", "据说回收期是20个月，但无法证实。", "negated"),
        ("20个月", "不少人误以为回收期是20个月。", "negated"),
        ("20个月", "回收期20个月是常见的误解，实际为24个月。", "negated"),
        ("20 months", "Some say 20 months, but it is 24.", "negated"),
        ("20 months", "Some say 20 months, but it is 24 months.", "negated"),
        ("20 months", "Many believe it is 20 months; in fact it is 24 months.", "negated"),
        ("20 months", "A common misconception is 20 months; it is actually 24 months.", "negated"),
        ("20 months", "The payback was mistakenly given as 20 months; it is 24 months.", "negated"),
        # kept: a correction that points back at it (v16)
        ("20个月", "有人说回收期是20个月，这是错误的。", "negated"),
        # near-misses: the answer's own figure after the contrast, hearsay confirmed or passed on, a complaint
        ("20个月", "有人说是24个月，但实际是20个月。", "covered"),
        ("20 months", "Some say 24 months, but it is 20 months.", "covered"),
        ("20个月", "有人说回收期是20个月，这是对的。", "covered"),
        ("20个月", "网上传言20个月。", "covered"),
        ("20 minutes", "It is wrong that customers wait 20 minutes.", "covered"),
        ("20个月", "我们可以为客户把回收期缩短到20个月，但前提是投入200万元。", "covered"),
        ("20个月", "回收期是20个月，而行业平均是24个月。", "covered"),
    ],
)
def test_a_figure_attributed_to_others_and_corrected(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


# --- 3. the base of a multiple or a part ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        # v16 credited each of these: another quantity, said as a multiple or a part of the figure
        ("20个月", "回收期是20个月的两倍。", "negated"),
        ("20个月", "回收期是20个月的一半。", "negated"),
        ("20个月", "回收期是20个月的1.5倍。", "negated"),
        ("20个月", "回收期是20个月的三分之一。", "negated"),
        ("200万元", "预算是200万元的80%。", "negated"),
        ("20 months", "The payback is twice 20 months.", "negated"),
        ("20 months", "The payback is half of 20 months.", "negated"),
        ("20 months", "The payback is three times 20 months.", "negated"),
        # near-misses: an operand of a derivation, the figure's own possessive, a multiple of another figure
        ("120万元", "三年节省120万元×3=360万元。", "covered"),
        ("20个月", "20个月的回收期较短。", "covered"),
        ("20个月", "回收期20个月，是行业平均的两倍。", "covered"),
        ("2倍", "回收期是行业平均的2倍。", "covered"),
    ],
)
def test_the_base_of_a_multiple_is_no_answer(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
