"""Numbers matched as numbers: which forms of a key point's number are credited, and which are not."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pytest_llmeval.evaluation.keywords.normalisation import normalise
from pytest_llmeval.evaluation.numbers import (
    NumberForms,
    ToleranceError,
    chinese_value,
    compile_variant,
    find_numbers,
    parse_tolerance,
)
from pytest_llmeval.evaluation.scenarios import Case, ForbiddenClaim, KeyPoint, Trap
from pytest_llmeval.evaluation.scoring import score_answer

CHINESE = NumberForms(chinese=True)
SCALED = NumberForms(scale_words=True)


def credited(point: str, answer: str, forms: NumberForms | None = None, synonyms: tuple[str, ...] = ()) -> bool:
    case = Case(
        id="c",
        category="c",
        question="问题",
        key_points=(KeyPoint(point, synonyms),),
        suite="s",
        source="s.yaml",
        numbers=forms or NumberForms(),
    )
    return score_answer(case, answer, {}).covered == [point]


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20个月", "回收期为120个月"),  # digits of a longer number
        ("50%", "三年ROI为150%"),
        ("360万", "总额1360万"),
        ("2.5", "系数12.5"),
        ("2.5", "系数2.55"),
        ("24万", "费用124万元"),
        ("20个月", "回收期20天"),  # another unit
        ("20个月", "回收期20年"),
        ("50%", "ROI为50"),  # the point's unit is missing
        ("120万", "回收期120个月"),
        ("24万", "规模24万亿"),  # the scale word goes on
        ("20%", "ROI为-20%"),  # a sign is part of the number
        ("1200万元", "1200元"),
        ("v3.2", "v3.25"),  # a code: digit for digit
        ("v3.2", "v13.2"),
        ("0012", "编号12"),  # a leading zero is a code
        ("12", "编号0012"),
        ("3.2", "版本 2.3.2.1"),  # a version is no number
        ("240万", "分别为120，240万"),  # digits that may be one number are read as one: never a piece of it
        ("200万元", "合同1 200万元"),
        ("二十四万", "一百二十四万"),  # Chinese numerals written in the point are not extended either
        ("百分之五十", "百分之一百五十"),
        ("9:00", "晚上19:00"),  # a zero-padded hour is its number, still whole
        ("3月5日", "03月15日"),
        ("12", "编号012"),  # three digits with a leading zero stay a code
    ],
)
def test_wrong_numbers_that_contain_the_digits_are_not_credited(point, answer):
    assert not credited(point, answer)


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("1200万元", "合同金额1,200万元"),  # thousands separator
        ("1200万元", "合同金额1 200万元"),
        ("1200万元", "合同金额1200 万元"),  # space before the unit
        ("1200万元", "合同金额１２００万元"),  # full-width digits
        ("20个月", "回收期为20.0个月"),  # trailing .0
        ("1.5", "约为1.50"),
        ("20个月", "回收期为20 个月。"),
        ("50%", "ROI为50 %"),
        ("50%", "ROI为５０％"),
        ("4300", "员工4300人"),  # no unit in the point: any unit
        ("2020年3月", "始于2020年 3月"),
        ("12:30", "会议12:30开始"),
        ("0012", "编号0012号"),
        ("v3.2", "当前为V3.2版"),
        ("-5%", "增长率为-5%"),
        ("30万", "120万元-30万元=90万元"),  # a subtraction is no minus sign
        ("3.5%", "同比增长百分之3.5"),  # 百分之 before Arabic digits is a percent sign
        ("3.5%", "增长百分之 3.5。"),
        ("9:00", "上午09:00开会"),  # a zero-padded hour, month, day
        ("3月5日", "定于03月05日"),
        ("5号", "05号楼"),
    ],
)
def test_the_same_number_in_the_forms_people_write_is_credited(point, answer):
    assert credited(point, answer)


def test_scale_words_only_when_the_case_says_so():
    assert not credited("1200万", "1.2千万")
    assert credited("1200万", "1.2千万", SCALED)
    assert credited("1200万元", "0.12亿元", SCALED)  # equal value; the unit after the scale word still counts
    assert not credited("1200万元", "0.12亿美元", SCALED)
    assert credited("24万", "240000元", SCALED)
    assert not credited("24万", "24万亿", SCALED)


def test_chinese_numerals_only_when_the_case_says_so():
    assert not credited("120万", "一百二十万")
    assert credited("120万", "一百二十万", CHINESE)
    assert credited("一百二十万", "120万", CHINESE)
    assert credited("50%", "百分之五十", CHINESE)
    assert not credited("50%", "百分之一百五十", CHINESE)
    assert credited("1.67年", "一点六七年", CHINESE)
    assert credited("一年八个月", "1年8个月", CHINESE)
    assert not credited("20个月", "一百二十个月", CHINESE)
    assert credited("一百二十万", "一百二十万")  # written so in the point: matched as written


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一百二十万", 1200000),
        ("两千六百一十万", 26100000),
        ("一万二", 12000),
        ("一百零五", 105),
        ("十", 10),
        ("十二", 12),
        ("一亿二千万", 120000000),
        ("三亿五万", 300050000),
        ("一点六七", Decimal("1.67")),
        ("千万", None),  # 'by all means', no number
        ("万一", None),
        ("二三", None),
    ],
)
def test_chinese_value(text, value):
    assert chinese_value(text) == (None if value is None else Decimal(value))


def test_tolerance_absolute_in_the_written_scale_and_relative():
    assert credited("1.67年", "约1.666年", NumberForms(tolerance="0.01"))
    assert not credited("1.67年", "约1.6年", NumberForms(tolerance="0.01"))
    assert credited("24万", "约24.4万", NumberForms(scale_words=True, tolerance="0.5"))  # 0.5万
    assert not credited("24万", "约24.6万", NumberForms(scale_words=True, tolerance="0.5"))
    assert credited("200", "201", NumberForms(tolerance="1%"))
    assert not credited("200", "203", NumberForms(tolerance="1%"))
    assert not credited("20个月", "20天", NumberForms(tolerance="50%"))  # tolerance never changes the unit
    with pytest.raises(ToleranceError):
        parse_tolerance("about 1")
    with pytest.raises(ToleranceError):
        parse_tolerance("-1%")


def test_find_numbers_reports_value_scale_percent_and_skips_codes():
    text = normalise("合同YT-HT-2022-031金额1,200万元，增长-5%，模型Qwen3-8B，8GB显存")
    found = [(m.text, m.value, m.percent) for m in find_numbers(text, SCALED)]
    assert found == [("1,200万", Decimal(12000000), False), ("-5%", Decimal(-5), True), ("8", Decimal(8), False)]


def test_pattern_kinds():
    assert compile_variant("20个月").kind == "number"
    assert compile_variant("v3.2").kind == "text"
    assert compile_variant("私有化部署").kind == "text"


def test_the_point_result_says_which_form_matched_and_how():
    case = Case(
        id="kb",
        category="kb",
        question="合同金额是多少？",
        key_points=(KeyPoint("1200万元", ("一千二百万",)), KeyPoint("私有化部署")),
        suite="s",
        source="s.yaml",
    )
    score = score_answer(case, "合同金额为1,200万元，采用私有化部署。")
    first, second = score.points
    assert (first.status, first.matched, first.matched_text, first.rule) == (
        "covered",
        "1200万元",
        "1,200万元",
        "number",
    )
    assert (second.matched_text, second.rule) == ("私有化部署", "text")
    assert "1200万元 (as '1,200万元')" in score.explain()


def test_regex_key_points():
    case = Case(
        id="inv",
        category="inv",
        question="发票号是多少？",
        key_points=(KeyPoint("发票号", regex=(r"INV-\d{6}",)),),
        suite="s",
        source="s.yaml",
    )
    hit = score_answer(case, "发票号为 inv-204817。")
    assert hit.covered == ["发票号"] and hit.points[0].rule == "regex"
    assert hit.points[0].matched_text == "inv-204817"
    assert score_answer(case, "发票号").missing == ["发票号"]  # the label alone is not a match


def test_echo_guard_still_discounts_a_copied_number():
    case = Case(
        id="e",
        category="e",
        question="请说明：项目的投资回收期为20个月，是否合理？",
        key_points=(KeyPoint("20个月"),),
        suite="s",
        source="s.yaml",
    )
    echo = score_answer(case, "项目的投资回收期为20个月，是否合理？")
    assert echo.echoed == ["20个月"] and echo.points[0].rule == "number"
    assert score_answer(case, "合理：20 个月回本。").covered == ["20个月"]


def test_forbidden_claims_are_matched_with_the_same_number_rules():
    case = Case(
        id="t",
        category="t",
        question="v5.0哪年发布？",
        key_points=(),
        trap=Trap(expect="uncertainty", forbidden=(ForbiddenClaim("v5.0于2024年"),)),
        suite="s",
        source="s.yaml",
    )
    assert score_answer(case, "v5.0于 2024 年发布。").forbidden_found == ["v5.0于2024年"]
    assert score_answer(case, "v5.0于12024年发布。").forbidden_found == []


def test_a_spoken_percent_is_a_percent_of_that_number_only():
    assert not credited("13.5%", "增长百分之3.5")  # the number is still whole
    assert not credited("3.5%", "增长百分之13.5")
    assert credited("3.5", "增长百分之3.5")  # a point without % accepts the percentage, as 3.5% does
