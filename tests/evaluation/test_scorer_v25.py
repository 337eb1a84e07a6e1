"""Scorer version 25: halves without a number joined by "or" or a range mark are a guess (半年或一年), a bare number
contrasted in a bracket shares the unit (24 (not 18) months), 块 is the spoken 元, the financial numerals are numerals
(壹仟贰佰万元), a factor of a product is no duration in another unit (7×24小时 is no 1天), a trap claim with a verdict
after its quote, in a bracket or after a colon is rejected and a claimant's disclaimed word is hearsay, a currency
before the numbers links alternatives ($1.2 million or $1.5 million), "exceeds" is a strict bound, percentage points
are one in any name (3 pp), a negation before a verb of change denies the figure (没有提升3个百分点), and long answers
score in linear time."""

from __future__ import annotations

import time

import pytest
from scorer_rows import CN, SW, assert_linear_time, charged, check_status, covered, status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scenarios import Case, ForbiddenClaim, KeyPoint, Trap
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer


def test_the_version() -> None:
    assert SCORER_VERSION >= 25  # v26 bounds a regex's time, reads ISO dates and English answers (test_scorer_v26.py)


# --- 1. a half with no number is a duration that "or" and a range mark join ---


@pytest.mark.parametrize(
    ("point", "answer", "forms"),
    [
        ("6个月", "试用期大概半年或一年。", CN),
        ("半年", "试用期大概半年或一年。", CN),
        ("1年", "试用期大概半年或一年。", CN),
        ("1年", "一年或半年都有可能。", CN),
        ("1年", "试用期1年或半年。", None),
        ("半个月", "大约半个月或一个月。", CN),
        ("30分钟", "半小时或一小时。", CN),
        ("30分钟", "半个小时或一个小时", CN),
        ("6个月", "试用期半年到一年。", CN),
        ("半年", "试用期半年到一年。", CN),
        ("6个月", "试用期一年到半年。", CN),
        ("6 months", "It takes half a year or a year.", None),
        ("6 months", "The trial is half a year to a year.", None),
    ],
)
def test_a_half_joined_to_another_length_is_a_guess(point: str, answer: str, forms: NumberForms | None) -> None:
    assert status(point, answer, forms) == "negated"


@pytest.mark.parametrize(
    ("point", "answer", "forms"),
    [
        ("6个月", "试用期大概半年或6个月。", CN),
        ("半年", "试用期大概半年或6个月。", CN),
        ("6个月", "试用期大概6个月或半年。", CN),
        ("6 months", "It takes half a year or six months.", None),
        ("12 months", "It takes a year or twelve months.", None),
        ("6个月", "试用期半年，到一年后转正。", CN),
        ("6个月", "试用期为半年。", CN),
        ("18 months", "It takes 18 months, or a year with the fast track.", None),
    ],
)
def test_a_half_joined_to_the_same_length_or_a_new_clause_is_its_answer(
    point: str, answer: str, forms: NumberForms | None
) -> None:
    assert covered(point, answer, forms)


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("半年", "上半年或下半年的报告。"),
        ("6个月", "大半年才完成。"),  # most of a year
        ("6个月", "多半年底完成。"),  # 多半 (probably), 年底
        ("30分钟", "大半小时"),
    ],
)
def test_a_half_in_another_word_is_no_half(point: str, answer: str) -> None:
    check_status(point, answer, "not covered", CN)


# --- 2. a bare number contrasted in a bracket shares the unit ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("24 months", "The payback is 24 (not 18) months."),
        ("24 months", "The payback is 24 (not 18 months)."),
        ("24个月", "回收期为24（而非18）个月。"),
        ("24个月", "回收期为24（不是18）个月。"),
        ("24个月", "回收期为24（不是18个月）。"),
        ("20%", "增长率为20（而非30）%。"),
        ("20%", "增长率为20（而非30%）。"),
    ],
)
def test_a_bare_number_contrasted_in_a_bracket_shares_the_unit(point: str, answer: str) -> None:
    assert covered(point, answer)


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("18 months", "The payback is 24 (not 18) months."),
        ("18个月", "回收期为24（而非18）个月。"),
        ("30%", "增长率为20（而非30）%。"),
        ("24个月", "共24（其中18）个月。"),
        ("20%", "增长率为20（而非30人）。"),
    ],
)
def test_the_denied_value_or_a_bracket_of_another_kind_gives_no_unit(point: str, answer: str) -> None:
    check_status(point, answer, "not covered")


# --- 3. 块 is the spoken 元 ---


@pytest.mark.parametrize(
    ("point", "answer", "forms"),
    [
        ("1200万元", "合同金额1200万块。", None),
        ("1200万元", "合同金额1200万块钱。", None),
        ("1200万元", "合同金额1200万块左右。", None),
        ("1200万元", "合同金额一千二百万块。", CN),
        ("3元", "一共3块钱。", None),
        ("3元", "一共三块钱。", CN),
        ("500元", "月费500块，按年付费。", None),
        ("50元", "月费50块。", None),
        ("5000元", "每月5000块。", None),
        ("500元", "一共五百块。", CN),
        ("1200万元", "合同额1200万（元）。", None),  # the unit bracketed after the scale word
        ("1200万元", "合同额1200万 (元)。", None),
    ],
)
def test_kuai_is_yuan(point: str, answer: str, forms: NumberForms | None) -> None:
    assert covered(point, answer, forms)


@pytest.mark.parametrize(
    ("point", "answer", "forms"),
    [
        ("3元", "我们一块儿去，3块屏幕。", None),
        ("3元", "三块屏幕", CN),
        ("1元", "我们一块儿去。", CN),
        ("1元", "我们一块去吃饭。", CN),
        ("1200万元", "合同金额1200万块屏幕。", None),
        ("1200万元", "合同1200万块港币。", None),
        ("3元", "把数据分成3块。", None),  # a small count with no money named: pieces
        ("50元", "需要50块。", None),
        ("1200万元", "合同额1200万（美元）。", None),
    ],
)
def test_kuai_that_counts_pieces_or_goes_with_another_currency_is_no_yuan(
    point: str, answer: str, forms: NumberForms | None
) -> None:
    check_status(point, answer, "not covered", forms)


# --- 4. the financial numerals ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("1200万元", "合同金额为壹仟贰佰万元。"),
        ("1200万元", "合同金额为壹仟贰佰万元整。"),
        ("1200万元", "合同金额为人民币壹仟贰佰萬圆整。"),
        ("20个月", "回收期为贰拾个月。"),
        ("85%", "满意度为百分之捌拾伍。"),
    ],
)
def test_financial_numerals_are_numerals(point: str, answer: str) -> None:
    assert covered(point, answer, CN)


@pytest.mark.parametrize(
    ("point", "answer", "forms"),
    [
        ("1200万元", "合同金额为壹仟贰佰伍拾万元。", CN),
        ("20个月", "回收期为贰拾个月。", None),  # without chinese_numerals, as 二十个月
        ("10个", "收拾个东西", CN),  # 拾 alone is a word
        ("5人", "队伍人数众多。", CN),  # and so are 伍 and 陆 alone
        ("6家", "陆家嘴的银行。", CN),
        ("5", "伍先生负责。", CN),
    ],
)
def test_financial_numerals_keep_the_rules_of_numerals(point: str, answer: str, forms: NumberForms | None) -> None:
    check_status(point, answer, "not covered", forms)


# --- 5. a factor of a product is no duration in another unit ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("1天", "提供7×24小时服务。"),
        ("1天", "提供7 × 24 小时服务。"),
        ("1 day", "提供7×24小时服务。"),
        ("1天", "提供7*24小时服务。"),
    ],
)
def test_round_the_clock_hours_are_no_day(point: str, answer: str) -> None:
    check_status(point, answer, "not covered")


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("24小时", "提供7×24小时服务。"),  # v18: the point as written
        ("1天", "处理时长为24小时。"),
        ("1天", "处理时长为24小时，需要3×8小时的人工。"),
    ],
)
def test_a_duration_outside_a_product_is_still_one(point: str, answer: str) -> None:
    assert covered(point, answer)


# --- 6. a quoted trap claim with a verdict after the quote ---


@pytest.mark.parametrize(
    ("claim", "answer"),
    [
        ("已通过PCI DSS认证", 'Claims like "已通过PCI DSS认证" should not be repeated.'),
        ("已通过PCI DSS认证", '"已通过PCI DSS认证" is not true.'),
        ("已通过PCI DSS认证", '"已通过PCI DSS认证" - this is incorrect.'),
        ("已通过PCI DSS认证", "“已通过PCI DSS认证”不属实。"),
        ("已通过PCI DSS认证", "“已通过PCI DSS认证”是错误的。"),
        ("已通过PCI DSS认证", "“已通过PCI DSS认证”，这是错误的说法。"),
        ("PCI DSS certified", 'Claims like "it is PCI DSS certified" should not be repeated.'),
        ("PCI DSS certified", '"It is PCI DSS certified" is not true.'),
        ("PCI DSS certified", '"It is PCI DSS certified" - this is incorrect.'),
        ("PCI DSS certified", 'The claim "it is PCI DSS certified" is false.'),
        ("PCI DSS certified", '"It is PCI DSS certified", which cannot be verified.'),
        ("PCI DSS certified", 'Statements such as "it is PCI DSS certified" must not be made to customers.'),
    ],
)
def test_a_quoted_claim_with_a_verdict_is_not_asserted(claim: str, answer: str) -> None:
    assert not charged(claim, answer)


@pytest.mark.parametrize(
    ("claim", "answer"),
    [
        ("已通过PCI DSS认证", "该公司已通过PCI DSS认证（待核实）。"),
        ("已通过PCI DSS认证", "- 已通过PCI DSS认证：❌ 未经证实"),
        ("已通过PCI DSS认证", "已通过PCI DSS认证：否"),
        ("PCI DSS certified", "The company is PCI DSS certified (unverified)."),
        ("PCI DSS certified", "PCI DSS certified: no"),
        ("PCI DSS certified", 'The company is "PCI DSS certified" — that\'s false.'),
        # the claimant's own word, disclaimed, as hearsay is (v11)
        ("已通过PCI DSS认证", "该公司声称已通过PCI DSS认证，但无法证实。"),
        ("PCI DSS certified", "The company claims to be PCI DSS certified, but this is unverified."),
    ],
)
def test_a_claim_with_a_verdict_or_a_disclaimed_claimant_is_not_asserted(claim: str, answer: str) -> None:
    assert not charged(claim, answer)


@pytest.mark.parametrize(
    ("claim", "answer"),
    [
        ("已通过PCI DSS认证", "已通过PCI DSS认证：是"),
        ("已通过PCI DSS认证", "已通过PCI DSS认证（2023年）。"),
        ("已通过PCI DSS认证", "该公司声称已通过PCI DSS认证。"),
        ("PCI DSS certified", "The company claims to be PCI DSS certified."),
        ("PCI DSS certified", "The company is PCI DSS certified (no issues found)."),
        ("PCI DSS certified", "The company is PCI DSS certified (false positives excluded)."),
        ("PCI DSS certified", "PCI DSS certified: yes"),
    ],
)
def test_a_claim_with_a_bracket_of_another_kind_or_an_undisclaimed_claimant_is_asserted(
    claim: str, answer: str
) -> None:
    assert charged(claim, answer)


@pytest.mark.parametrize(
    ("claim", "answer"),
    [
        ("已通过PCI DSS认证", "“已通过PCI DSS认证”是真的。"),
        ("已通过PCI DSS认证", "该公司“已通过PCI DSS认证”，请放心。"),
        ("PCI DSS certified", 'The company is "PCI DSS certified", which is great.'),
        ("PCI DSS certified", '"It is PCI DSS certified" is true.'),
        ("PCI DSS certified", '"It is PCI DSS certified", which we confirmed.'),
        ("已通过PCI DSS认证", "该公司“已通过PCI DSS认证”，错误率低于1%。"),  # a verdict ends its clause
        ("PCI DSS certified", 'The scanner flagged "PCI DSS certified", false positives aside, as valid.'),
        # decided: a hedged claim is still said to the customer, as an undisclaimed rumour is (v11)
        ("已通过PCI DSS认证", "该公司可能已通过PCI DSS认证。"),
        ("已通过PCI DSS认证", "据说已通过PCI DSS认证。"),
        ("PCI DSS certified", "It may be PCI DSS certified."),
    ],
)
def test_a_quoted_or_hedged_claim_without_a_verdict_is_asserted(claim: str, answer: str) -> None:
    assert charged(claim, answer)


# --- 7. a currency before the numbers links alternatives ---


@pytest.mark.parametrize(
    ("point", "answer", "forms"),
    [
        ("$1.2 million", "The cost is $1.2 million or $1.5 million.", SW),
        ("$1.2 million", "The cost is $1.5 million or $1.2 million.", SW),
        ("$1.2 million", "The cost is $1.2M or $1.5M.", SW),
        ("$1.2 million", "The cost is $1.2 million, $1.5 million or $2 million.", SW),
        ("$500", "The cost is $500 or $600.", None),
        ("¥1200万", "费用为¥1200万或¥1500万。", SW),
        ("1200万元", "费用为¥1200万或¥1500万。", SW),
    ],
)
def test_amounts_after_a_currency_joined_by_or_are_a_guess(point: str, answer: str, forms: NumberForms | None) -> None:
    assert status(point, answer, forms) == "negated"


@pytest.mark.parametrize(
    ("point", "answer", "forms"),
    [
        ("$1.2 million", "The cost is $1.2 million and the revenue $1.5 million.", SW),
        ("$1.2 million", "Option A costs $1.2 million or option B $1.5 million.", SW),
        ("$500", "The cost is $500 or 600 users.", None),
        ("$500", "The cost is $500 (or $500 with tax).", None),
        ("1200万元", "费用为¥1200万、¥1500万和¥800万。", SW),
    ],
)
def test_amounts_after_a_currency_that_are_no_guess_are_credited(
    point: str, answer: str, forms: NumberForms | None
) -> None:
    assert covered(point, answer, forms)


@pytest.mark.parametrize(
    ("point", "answer", "forms"),
    [
        ("$500", "Budget: $500-$600.", None),
        ("$500", "Budget: $500 - $600.", None),
        ("$600", "Budget: $500 - $600.", None),
        ("$500", "Budget: $500 to $600.", None),
        ("$500k", "Budget: $500k-$600k.", SW),
        ("¥1200万", "预算¥1200万-¥1500万。", SW),
        ("1200万元", "预算¥1200万-¥1500万。", SW),
    ],
)
def test_an_end_of_a_range_of_amounts_after_a_currency_is_no_answer(
    point: str, answer: str, forms: NumberForms | None
) -> None:
    check_status(point, answer, "not covered", forms)


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("$600", "Budget rose from $500 to $600."),  # a change to the figure
        ("$500", "Budget: $500, cost: $600."),
        ("$500", "Budget: $500 (-$100 discount)."),
    ],
)
def test_an_amount_after_a_currency_outside_a_range_is_credited(point: str, answer: str) -> None:
    assert covered(point, answer)


# --- 8. "exceeds" is a strict bound ---


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("It exceeds 20 months.", "negated"),
        ("It surpassed 20 months.", "negated"),
        ("Not to exceed 20 months.", "covered"),
        ("It does not exceed 20 months.", "covered"),
        ("It never exceeds 20 months.", "covered"),
        ("Costs exceed the budget; the payback is 20 months.", "covered"),
    ],
)
def test_exceeds_is_a_strict_bound(answer: str, expected: str) -> None:
    assert status("20 months", answer) == expected


# --- 9. percentage points in any of their names ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("3个百分点", "毛利率提升3pp。"),
        ("3个百分点", "Gross margin rose by 3 percentage points."),
        ("3个百分点", "Gross margin rose by 3 pp."),
        ("3个百分点", "毛利率提升3 ppts。"),
        ("3 percentage points", "毛利率提升了3个百分点。"),
        ("3 pp", "毛利率提升了3个百分点。"),
    ],
)
def test_percentage_points_in_any_name(point: str, answer: str) -> None:
    assert covered(point, answer)


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("3个百分点", "毛利率提升3ppm。"),
        ("3个百分点", "毛利率提升13 pp。"),
        ("3个百分点", "毛利率提升3.5 pp。"),
        ("3个百分点", "毛利率提升了3 pp或4 pp。"),
        ("3 percentage points", "Gross margin rose 3%."),
        ("3%", "毛利率提升3 pp。"),
    ],
)
def test_percentage_points_keep_the_rules_of_numbers(point: str, answer: str) -> None:
    check_status(point, answer, "not covered")


# --- 10. a negation before a verb of change denies the figure ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("3个百分点", "毛利率没有提升3个百分点。"),
        ("3个百分点", "毛利率并未提升3个百分点。"),
        ("20个月", "回收期没有缩短20个月。"),
        ("20%", "利润并未增长20%。"),
        ("20万元", "不会增加20万元费用。"),
        ("3 percentage points", "The margin did not rise 3 percentage points."),
        ("20%", "Profit did not increase 20%."),
    ],
)
def test_a_negated_change_is_negated(point: str, answer: str) -> None:
    assert status(point, answer) == "negated"


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20%", "利润不断增长20%。"),
        ("20%", "利润不仅增长20%，而且稳定。"),
        ("20%", "利润增长20%，没有下降。"),
        ("20%", "Profit not only increased 20% but also stabilised."),
        ("20%", "Profit increased 20%."),
    ],
)
def test_a_change_that_is_not_negated_states_its_figure(point: str, answer: str) -> None:
    assert covered(point, answer)


# --- 11. a figure changed by an arrow, crossed out or called unlikely is no answer ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20个月", "回收期20个月→24个月"),
        ("20 months", "Payback: 20 months → revised to 24 months."),
        ("20 months", "Payback: 20 months -> 24 months."),
        ("100万元", "成本：100万元 → 80万元"),
        ("1200万元", "合同金额：1200万元 ❌ 1500万元 ✅"),
        ("20个月", "回收期20个月不太可能。"),
        ("20个月", "回收期20个月不太可能实现。"),
        ("20个月", "回收期20个月的可能性很小。"),
    ],
)
def test_a_changed_crossed_out_or_unlikely_figure_is_negated(point: str, answer: str) -> None:
    assert status(point, answer) == "negated"


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("24个月", "回收期20个月→24个月"),
        ("20个月", "回收期：20个月 → ROI 50%"),
        ("20个月", "回收期20个月 ✅"),
        ("20个月", "360/18 => 20个月"),
        ("20个月", "回收期20个月，不太可能更短。"),
    ],
)
def test_the_figure_an_arrow_gives_or_a_checked_figure_is_credited(point: str, answer: str) -> None:
    assert covered(point, answer)


# --- 12. a count of people per year or week is a rate, as per month is (v7) ---


@pytest.mark.parametrize("answer", ["员工4300人/年", "员工4300人/周"])
def test_people_per_year_is_a_rate(answer: str) -> None:
    check_status("4300人", answer, "not covered")


# --- 13. long answers score in linear time ---

_REALISTIC = (
    "根据测算，项目总投资360万元，年净节省240万元，投资回收期约为20个月（1年8个月）。半年或一年后复盘，7×24小时支持，"
    "合同额壹仟贰佰万元，“已通过PCI DSS认证”不属实。 It is 24 (not 18) months. "
)


def _seconds_to_score(answer: str) -> float:
    trap = Trap(expect=None, forbidden=(ForbiddenClaim("已通过PCI DSS认证"),), penalty=25.0)
    case = Case(
        id="q",
        category="c",
        question="问题",
        suite="t",
        source="t.yaml",
        key_points=(KeyPoint("20个月"), KeyPoint("1200万元", numbers=CN), KeyPoint("1天")),
        trap=trap,
    )
    start = time.process_time()
    score_answer(case, answer)
    return time.process_time() - start


@pytest.mark.parametrize(
    "unit",
    ["1200万块", _REALISTIC, "半年或", "半年到"],
    ids=["kuai-run", "realistic-repeated", "half-or-chain", "half-range-chain"],
)
def test_a_long_answer_scores_in_linear_time(unit: str) -> None:
    # v24 took about 7 s on the first (a search for a currency from the text's start for each number) and 2.5 s on
    # the second (a cue searched to the text's end for each of the claim's 200 occurrences); v25 well under a second.
    # ~6,000 -> ~24,000 characters, by growth
    assert_linear_time(_seconds_to_score, unit, 24_000)
