"""Scorer v45: a figure is never credited inside another figure - "120个月 is not 20个月" as a property.

The headline bug of the product was keyword coverage crediting a wrong number that contains the right one. These
properties state the whole class over realistic business sentences (Chinese and English, prose, Markdown bullets and
tables, with dates, ids and other figures around), every unit of the brief and every way a number contains another:

1. a key point figure F with its unit is not covered by an answer that states only G != F whose written form holds
   F's: digits before or after (120 / 205 for 20), a decimal extension (20.5, 0.20, 120.0), thousands groups
   (1,200 for 200; 12,000 for 2,000), a sign (-20%), Chinese numerals (一百二十 for 二十), a scale word or
   multiplier after it (20万元 for 20元, 20亿 for 20万), an ordinal or id (第120期, ISO 20000, v20.1, 2020年 for
   20年) and percentage points for a percent (20个百分点 is no 20%: v32);
2. F is covered in every equal form the scorer accepts (F.0, full-width digits and %, thousands groups, a space
   before the unit, Chinese numerals with chinese_numerals), whatever digits stand elsewhere in the sentence;
3. a forbidden claim's figure follows the same rule (charged for F, never for a G that holds it);
4. the pinned bounds and ranges keep their verdicts (约20% and 20%以上 state 20%, 超过20% does not (v17), a range
   10-20% states neither end (v7)).

Run with a fixed seed (derandomize); LLMEVAL_V45_EXAMPLES raises the number of examples (300+ while iterating).
"""

from __future__ import annotations

import os
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from scorer_rows import CN, SW, charged, status

from pytest_llmeval.evaluation.numbers import NumberForms

EXAMPLES = int(os.environ.get("LLMEVAL_V45_EXAMPLES", "40"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)

ZH_TEMPLATES = (
    "经测算，该项目的投资回收期为{X}，建议按计划推进。",
    "2024年第三季度，毛利率约为{X}，较去年同期有所改善。",
    "- **结论**：{X}",
    "| 指标 | 数值 |\n|---|---|\n| 回收期 | {X} |",
    "根据合同HT-2023-017，总金额为{X}。",
    "团队现有35名员工，预计{X}后实现盈亏平衡。",
    "综合来看，ROI达到{X}，高于行业平均水平的15%。",
    "我们的建议：\n1. 控制成本；\n2. 目标值为{X}；\n3. 每季度复盘。",
    "营收同比增长{X}，主要来自华东区域。",
    "据财务部测算（2023年口径），净利润率为{X}。",
    "答：{X}。",
    "**投资回收期：** {X}",
    "截至2024年6月30日，累计数值为{X}，数据来源于ERP系统。",
    "结论是{X}，详见附件3。",
)
EN_TEMPLATES = (
    "The payback period is estimated at {X}, which is acceptable.",
    "- ROI: {X}",
    "| Metric | Value |\n|---|---|\n| Margin | {X} |",
    "In Q3 2024, the figure reached {X} according to report FIN-2024-07.",
    "Headcount grew to {X} by the end of 2023.",
    "We recommend {X} for the 12-month contract.",
    "Overall, the ROI comes to {X}, above the industry average of 15%.",
    "Revenue increased by {X} year over year.",
    "**Answer:** {X}.",
    "Summary:\n1. Result: {X}\n2. Risk: moderate",
    "The answer is {X} (see section 3 of the report).",
    "According to the 2024 budget, the figure is {X}.",
    "Our analysis of 48 stores shows {X}.",
)
ZH_UNITS = ("个月", "天", "年", "%", "元", "万元", "亿元", "倍", "人", "台")
EN_UNITS = ("months", "days", "years", "%", "percent", "yuan", "x")
FULL_WIDTH = str.maketrans("0123456789,.%", "０１２３４５６７８９，．％")
_TEMPLATE_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def figures() -> st.SearchStrategy[str]:
    """A figure of 1-6 digits, or a decimal with one or two places (no trailing zero)."""
    whole = st.integers(1, 999_999).map(str)
    decimal = st.tuples(st.integers(0, 9999), st.from_regex(r"[0-9]?[1-9]", fullmatch=True)).map(
        lambda pair: f"{pair[0]}.{pair[1]}"
    )
    return st.one_of(whole, whole, decimal)


def _group(digits: str, sep: str = ",") -> str:
    whole, dot, frac = digits.partition(".")
    head = len(whole) % 3 or 3
    return sep.join([whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]) + dot + frac


def render(number: str, unit: str, space: bool = False) -> str:
    """A figure with its unit as the answer writes it: English unit words after a space, 20x and 20% glued."""
    if unit in ("x",):
        return f"{number}x"
    if unit.isascii() and unit.isalpha():
        return f"{number} {unit}"
    return f"{number}{' ' if space else ''}{unit}"


def point_of(number: str, unit: str) -> str:
    return render(number, unit)


def _others(template: str) -> set[Decimal]:
    return {Decimal(n) for n in _TEMPLATE_NUMBER.findall(template)}


def _fits(number: str, unit: str) -> bool:
    """A figure a realistic sentence gives with this unit: English plural units take a figure other than 1, a year
    of four digits is a date (2020年 states 2020年, a point of its own), a share of a unit is no count of people or
    machines."""
    value = Decimal(number)
    if unit in ("months", "days", "years") and value == 1:
        return False
    if unit in ("人", "台") and "." in number:
        return False
    return not (unit in ("年", "years") and "." not in number and len(number) == 4)


@st.composite
def sentence(draw: st.DrawFn) -> tuple[str, str, str]:
    """A template and a unit of its language, and a figure that the template does not state elsewhere."""
    english = draw(st.booleans(), label="english")
    template = draw(st.sampled_from(EN_TEMPLATES if english else ZH_TEMPLATES), label="template")
    unit = draw(st.sampled_from(EN_UNITS if english else ZH_UNITS), label="unit")
    number = draw(figures(), label="figure")
    assume(_fits(number, unit) and Decimal(number) not in _others(template))
    return template, unit, number


@st.composite
def containing(draw: st.DrawFn, number: str) -> str:
    """A different number whose written form holds `number`'s digits."""
    kind = draw(st.sampled_from(["before", "after", "decimal", "zero_point", "point_zero", "grouped", "sign"]))
    extra = draw(st.from_regex(r"[1-9][0-9]{0,2}", fullmatch=True), label="extra")
    if kind == "before":
        wrong = extra + number
    elif kind == "after":
        wrong = number + extra if "." in number else number + extra  # 20 -> 205; 2.5 -> 2.55
    elif kind == "decimal":
        wrong = number + ("" if "." in number else ".") + extra.rstrip("0") if extra.rstrip("0") else number + extra
    elif kind == "zero_point":
        assume("." not in number)
        wrong = "0." + number
    elif kind == "point_zero":
        wrong = extra + number + ("0" if "." in number else ".0")
    elif kind == "grouped":
        wrong = extra + number
        assume("." not in number and len(wrong) >= 4)
        wrong = _group(wrong, draw(st.sampled_from([",", " ", "'", "’", "_"])))  # v45: 1'200, 1_200
    else:
        wrong = "-" + number
    assume(Decimal(re.sub("[, '’_]", "", wrong)) != Decimal(number))
    return wrong


@st.composite
def equal_form(draw: st.DrawFn, number: str) -> str:
    """`number` in a form of equal value the scorer accepts."""
    style = draw(st.sampled_from(["plain", "grouped", "spaced", "fullwidth", "point_zero"]))
    if style in ("grouped", "spaced") and len(number.partition(".")[0]) >= 4:
        return _group(number, "," if style == "grouped" else " ")
    if style == "fullwidth":
        return number.translate(FULL_WIDTH)
    if style == "point_zero":
        return number + ("0" if "." in number else ".0")
    return number


FORMS = st.sampled_from([None, SW, CN])
LEAD_WRONG = st.sampled_from(["", "约", "超过", "不到", "近", "高达", "仅", "about ", "over ", "nearly "])
LEAD_RIGHT = st.sampled_from(["", "约", "达", "高达", "仅", "about ", "roughly ", "only "])


@PROPERTY
@given(where=sentence(), data=st.data(), space=st.booleans(), forms=FORMS, lead=LEAD_WRONG)
def test_property_a_number_that_holds_the_figure_is_not_the_figure(where, data, space, forms, lead):
    template, unit, number = where
    wrong = data.draw(containing(number), label="wrong")
    answer = template.format(X=lead + render(wrong, unit, space))
    assert status(point_of(number, unit), answer, forms) != "covered", answer


@PROPERTY
@given(where=sentence(), data=st.data(), space=st.booleans(), full=st.booleans(), forms=FORMS, lead=LEAD_RIGHT)
def test_property_the_figure_in_an_equal_form_is_covered(where, data, space, full, forms, lead):
    template, unit, number = where
    written = data.draw(equal_form(number), label="form")
    shown = render(written, unit, space)
    if full:
        shown = shown.translate(FULL_WIDTH)
    answer = template.format(X=lead + shown)
    assert status(point_of(number, unit), answer, forms) == "covered", answer


@PROPERTY
@given(where=sentence(), data=st.data())
def test_property_a_forbidden_figure_is_charged_as_a_key_point_is_covered(where, data):
    template, unit, number = where
    claim = point_of(number, unit)
    assume(not template.startswith(("| ", "- ", "我们的建议", "Summary")))  # a claim is asserted in a sentence
    wrong = data.draw(containing(number), label="wrong")
    assert not charged(claim, template.format(X=render(wrong, unit))), (claim, template, wrong)
    assert charged(claim, template.format(X=render(data.draw(equal_form(number), label="form"), unit))), claim


CN_DIGITS = "零一二三四五六七八九"


def chinese(value: int, two: bool = False) -> str:
    """An integer below 10^8 in Chinese numerals as written (一百二十, 两千零五, 十二; `two`: 两 for a leading 2 of
    a hundred or more)."""
    if value >= 10_000:
        high, low = divmod(value, 10_000)
        rest = chinese(low) if low else ""
        joint = "零" if low and low < 1000 else ""
        return chinese(high, two) + "万" + joint + rest
    out, zero = "", False
    for size, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, size)
        if digit:
            if zero and out:
                out += "零"
            lead = "两" if two and not out and digit == 2 and size >= 100 else CN_DIGITS[digit]
            out += lead + name
            zero = False
        elif out:
            zero = True
    return "十" + out[2:] if out.startswith("一十") else out  # 十二, not 一十二


@PROPERTY
@given(
    template=st.sampled_from(ZH_TEMPLATES),
    unit=st.sampled_from([u for u in ZH_UNITS if u not in ("%",)]),
    value=st.integers(2, 99_999),
    extra=st.integers(1, 9),
    kind=st.sampled_from(["before", "after", "ones"]),
    digits_point=st.booleans(),
)
def test_property_chinese_numerals_that_hold_the_figure_are_not_it(template, unit, value, extra, kind, digits_point):
    assume(Decimal(value) not in _others(template) and not (unit == "年" and value >= 1000))
    if kind == "before":  # 一百二十 for 二十
        wrong = extra * 10 ** len(str(value)) + value
    elif kind == "after":  # 二百零五 holds no 二十, 两百 is filtered: 二百 does
        wrong = value * 10 + extra
    else:  # 二十五 for 二十
        wrong = value + extra if value % 10 == 0 else value * 10
    point_text = chinese(value)
    written = chinese(wrong)
    assume(point_text in written)
    point = f"{value}{unit}" if digits_point else f"{point_text}{unit}"
    assert status(point, template.format(X=f"{written}{unit}"), CN) != "covered", (point, written)
    assert status(point, template.format(X=f"{point_text}{unit}"), CN) == "covered", (point, point_text)


@PROPERTY
@given(where=sentence(), scale=st.sampled_from(["万", "亿", "千万"]), scaled=st.booleans())
def test_property_a_scale_word_after_the_figure_makes_another_figure(where, scale, scaled):
    template, unit, number = where
    assume(unit in ("元", "人", "台", "yuan"))
    english = {"万": "thousand", "亿": "million", "千万": "billion"}[scale]
    shown = f"{number} {english} yuan" if unit == "yuan" else f"{number}{scale}{unit}"
    forms: NumberForms | None = SW if scaled else None
    assert status(point_of(number, unit), template.format(X=shown), forms) != "covered", shown


@PROPERTY
@given(where=sentence(), data=st.data())
def test_property_the_figure_is_covered_beside_other_digits(where, data):
    template, unit, number = where
    other = data.draw(st.sampled_from(["2024年", "编号A-1203", "ISO 27001", "第3期", "v2.1", "35人"]), label="other")
    assume(Decimal(number) not in _others(other))
    answer = template.format(X=f"{render(number, unit)}（{other}）")
    assert status(point_of(number, unit), answer) == "covered", answer


# The pinned bounds and ranges (v6, v7, v17): "about" and an inclusive bound state the figure, a strict bound and a
# range (either end) do not. Chinese ones before or after the figure, English ones before it.
ZH_BOUNDS: tuple[tuple[str, bool], ...] = (
    ("约{X}", True),
    ("{X}以上", True),
    ("{X}以内", True),
    ("不超过{X}", True),
    ("超过{X}", False),
)
ZH_BOUNDS += (("不到{X}", False), ("{X}至{Y}", False), ("{W}至{X}", False), ("{X}到{Y}", False), ("{W}-{X}", False))
EN_BOUNDS: tuple[tuple[str, bool], ...] = (
    ("about {X}", True),
    ("at least {X}", True),
    ("more than {X}", False),
    ("{X} to {Y}", False),
)
EN_BOUNDS += (("{W} to {X}", False), ("between {W} and {X}", False))


@PROPERTY
@given(where=sentence(), data=st.data())
def test_property_bounds_and_ranges_keep_their_pinned_verdicts(where, data):
    template, unit, number = where
    english = unit.isascii() and unit not in ("%", "x")
    assume("." not in number and int(number) >= 4 and unit != "x")  # a range of plurals: 2 months to 4 months
    bound, stated = data.draw(st.sampled_from(EN_BOUNDS if english or template in EN_TEMPLATES else ZH_BOUNDS))
    value = int(number)
    shown = bound.format(X=render(number, unit), Y=render(str(value * 2), unit), W=render(str(value // 2 or 1), unit))
    answer = template.format(X=shown)
    assert (status(point_of(number, unit), answer) == "covered") is stated, answer


C, N = True, False
# (point, answer, forms, covered): the classes of the properties, with the examples they found. None: default forms.
PINNED: list[tuple[str, str, NumberForms | None, bool]] = [
    # digits before or after, decimals, groups, signs
    ("20个月", "回收期为120个月。", None, N),
    ("20个月", "回收期为1120个月。", None, N),
    ("20个月", "回收期为200个月。", None, N),
    ("20个月", "回收期为205个月。", None, N),
    ("20个月", "回收期为20.5个月。", None, N),
    ("20个月", "回收期为0.20个月。", None, N),
    ("20个月", "回收期为2.0个月。", None, N),
    ("20个月", "回收期为120.0个月。", None, N),
    ("20个月", "回收期为１２０个月。", None, N),
    ("20个月", "回收期为**120**个月。", None, N),
    ("20个月", "回收期为$120$个月。", None, N),
    ("20个月", "回收期为$\\boxed{120}$个月。", None, N),
    ("20个月", "回收期为\\(120\\)个月。", None, N),
    ("20个月", "回收期为120多个月。", None, N),
    ("20个月", "回收期12 0个月", None, N),
    ("200万元", "投资1,200万元。", None, N),
    ("200万元", "投资1 200万元。", None, N),
    ("200万元", "合同额$1{,}200$万元", None, N),
    ("200万元", "合同额$1\\,200$万元", None, N),
    ("200万元", "合同额1\u202f200万元", None, N),
    ("200万元", "合同额1\u00a0200万元", None, N),
    ("200万元", "合同额1\u2009200万元", None, N),
    ("200万元", "合同额1.200.000元", None, N),
    ("2000元", "价格12,000元。", None, N),
    ("2,000元", "价格12,000元。", None, N),
    ("120万元", "120.5万元", None, N),
    ("120万元", "1,120万元", None, N),
    ("120万元", "0.120万元", None, N),
    ("1200万元", "1,200.5万元", None, N),
    ("20%", "ROI为-20%。", None, N),
    ("20%", "ROI为−20%", None, N),
    ("20%", "ROI为—20%", None, N),
    ("20%", "ROI为负20%", None, N),
    ("20%", "ROI＝120％", None, N),
    ("20%", "(120%)", None, N),
    ("20%", "+120%", None, N),
    ("20%", "增长率为0.20%", None, N),
    ("20%", "增长率为2.0%", None, N),
    ("20%", "增长率为20.05%", None, N),
    ("20%", "ROI为$120\\%$", None, N),
    ("20%", "ROI $\\approx 120\\%$", None, N),
    ("-20%", "为-120%", None, N),
    ("-20%", "为-20.5%", None, N),
    ("-20%", "下降120%", None, N),
    ("1.5", "11.5", None, N),
    ("1.5", "1.55", None, N),
    ("1.5", "1.5.2", None, N),
    ("0.5%", "10.5%", None, N),
    ("0.5%", "0.55%", None, N),
    ("5%", "0.5%", None, N),
    ("5%", ".5%", None, N),
    ("20倍", "市盈率120倍", None, N),
    ("20倍", "市盈率20.5倍", None, N),
    ("20人", "团队120人", None, N),
    ("20人", "员工20.5人", None, N),
    ("2人", "员工12人", None, N),
    ("20台", "120台服务器", None, N),
    ("20天", "在120天内", None, N),
    ("20年", "运营120年", None, N),
    ("20x", "a 120x return", None, N),
    ("20x", "20.5x", None, N),
    ("20 yuan", "price of 120 yuan", None, N),
    ("20 yuan", "RMB 120", None, N),
    ("20 yuan", "¥120", None, N),
    ("20元", "¥120", None, N),
    ("20美元", "$120", None, N),
    ("$20", "$120", None, N),
    ("$20", "$20.5", None, N),
    ("20 days", "within 120 days", None, N),
    ("20 months", "The payback period is 120 months.", None, N),
    ("20 months", "The payback period is 20.5 months.", None, N),
    ("20 months", "a 120-month payback", None, N),
    ("20 months", "twenty-five months", None, N),
    ("20 months", "one hundred twenty months", None, N),
    ("20 months", "a hundred and twenty months", None, N),
    ("20%", "ROI of 120%", None, N),
    ("20%", "ROI of 20.5%", None, N),
    ("20%", "margin of 120 percent", None, N),
    ("20%", "120 per cent", None, N),
    ("20%", "20.5 percent", None, N),
    ("20%", "one hundred twenty percent", None, N),
    ("20 percent", "margin of 120%", None, N),
    ("20 percent", "20.5%", None, N),
    ("20%", "ROI为120%，毛利率为20.5%", None, N),
    ("20%", "| ROI | 120% |\n| 毛利 | 20.5% |", None, N),
    # v45: an apostrophe or an underscore between digits joins them (a thousands separator): no figure of its own
    ("200万元", "合同额1'200万元。", None, N),
    ("200万元", "合同额1’200万元。", None, N),
    ("200万元", "合同额1_200万元。", None, N),
    ("200", "1_200", None, N),
    ("20 months", "1_20 months", None, N),
    ("200 yuan", "a budget of 1'200 yuan", None, N),
    ("1万元", "合同额1'200万元。", None, N),
    ("20%", "'20%'", None, C),
    ("20%", "ROI is '20%'.", None, C),
    ("20%", "the ‘20%’ rule", None, C),
    # Chinese numerals, where they are read (chinese_numerals) and where the point writes them
    ("二十个月", "回收期一百二十个月。", CN, N),
    ("二十", "系数二十五", CN, N),
    ("二十个月", "回收期两百个月", CN, N),
    ("二十个月", "二百个月", CN, N),
    ("20个月", "回收期一百二十个月", CN, N),
    ("20个月", "回收期二十五个月", CN, N),
    ("20个月", "回收期两百个月", CN, N),
    ("20", "二十五", CN, N),
    ("20%", "百分之一百二十", CN, N),
    ("20%", "百分之二十五", CN, N),
    ("20%", "百分之一百二", CN, N),
    ("20%", "二十五%", CN, N),
    ("20万", "一百二十万", CN, N),
    ("20万", "二十万亿", CN, N),
    ("20万", "两千万", CN, N),
    ("200万", "一千二百万", CN, N),
    ("20元", "二十万元", CN, N),
    ("20元", "两千元", CN, N),
    ("20倍", "一百二十倍", CN, N),
    ("20人", "员工一百二十人", CN, N),
    ("2人", "员工十二人", CN, N),
    ("2人", "员工二十人", CN, N),
    ("二十万", "一百二十万", None, N),
    ("二十", "一百二十", None, N),
    ("二十个月", "一百二十个月", None, N),
    ("20%", "十五分之一", CN, N),
    ("20%", "二十五分之一", CN, N),
    ("25%", "十四分之一", CN, N),
    ("40%", "十五分之二", CN, N),
    ("20%", "十二成", CN, N),
    ("20%", "两成五", CN, N),
    # scale words and multipliers
    ("2万", "成本1.2万。", None, N),
    ("2万", "成本12万。", None, N),
    ("2万元", "成本1.2万元。", SW, N),
    ("2万", "12万", SW, N),
    ("2万", "1.2万", SW, N),
    ("2万", "1万2", SW, N),
    ("2千", "1万2千", SW, N),
    ("2千万", "1亿2千万", SW, N),
    ("2000万", "1亿2000万", SW, N),
    ("2000万元", "合同额1亿2000万元。", None, N),
    ("2000万元", "合同额1亿2000万元。", SW, N),
    ("5000元", "费用1万5000元。", None, N),
    ("5000元", "费用1万5000元", SW, N),
    ("20元", "价格20万元。", None, N),
    ("20元", "价格20万元。", SW, N),
    ("20元", "20万元", CN, N),
    ("20万", "规模20亿。", None, N),
    ("20万", "规模20亿。", SW, N),
    ("20万", "20万亿", SW, N),
    ("20万元", "20万亿元", None, N),
    ("20亿", "120亿", SW, N),
    ("20亿元", "营收120亿元", SW, N),
    ("20万元", "120万元", SW, N),
    # ordinals, ids, dates, versions, percentage points
    ("120个月", "第120期", None, N),
    ("20期", "第120期", None, N),
    ("20期", "第20期", None, N),
    ("20", "ISO 20000认证", None, N),
    ("20", "版本v20.1", None, N),
    ("20.1", "20.1.3版", None, N),
    ("20", "Q120", None, N),
    ("20", "138-0020-1234", None, N),
    ("20年", "成立于2020年", None, N),
    ("20年", "2020年", None, N),
    ("20 years", "over 2020 years", None, N),
    ("20日", "2024-05-20", None, N),
    ("20分钟", "12:20", None, N),
    ("12个月", "成立于2021年", None, N),
    ("12个月", "11年", None, N),
    ("18个月", "11年半", None, N),
    ("18个月", "11.5年", None, N),
    ("20%", "毛利率提升20个百分点。", None, N),
    ("20个百分点", "增长20%", None, N),
    ("20个百分点", "增长120个百分点", None, N),
    ("20%", "20‰", None, N),
    # duration twins hold no longer number either
    ("14天", "12周", None, N),
    ("14天", "2.5周", None, N),
    ("3天", "172小时", None, N),
    ("90分钟", "11.5小时", None, N),
    ("2小时", "1120分钟", None, N),
    ("20个月", "11年8个月", None, N),
    ("20个月", "1年18个月", None, N),
    ("20个月", "11 years and 8 months", None, N),
    ("20个月", "120 months", None, N),
    ("20个月", "120 mos", None, N),
    # the figure itself, in each equal form, beside other digits
    ("20个月", "20 个月", None, C),
    ("20个月", "２０个月", None, C),
    ("20个月", "20.0个月", None, C),
    ("20个月", "20.0 个月", None, C),
    ("20个月", "**20**个月", None, C),
    ("20个月", "$\\boxed{20}$个月", None, C),
    ("20个月", "二十个月", CN, C),
    ("20个月", "20多个月", None, C),
    ("20个月", "2024年回收期为20个月。", None, C),
    ("20个月", "项目编号A-120，回收期20个月。", None, C),
    ("20个月", "2024年3月，回收期20个月，ROI 120%。", None, C),
    ("20个月", "回收期约为20个月（约1.7年）", None, C),
    ("20个月", "20个月(2024年口径)", None, C),
    ("20个月", "回收期：20个月；ROI：120%", None, C),
    ("20个月", "1年8个月", None, C),
    ("20个月", "20 months", None, C),
    ("1200万元", "1,200万元", None, C),
    ("1200万元", "合同额$1{,}200$万元", None, C),
    ("1200万元", "合同额$1\\,200$万元", None, C),
    ("1200万元", "合同额1\u202f200万元", None, C),
    ("20%", "20 %", None, C),
    ("20%", "２０％", None, C),
    ("20%", "增长率为20.0%", None, C),
    ("20%", "| ROI | 20% |", None, C),
    ("20%", "- ROI：20%", None, C),
    ("20%", "回收期：120个月；ROI：20%", None, C),
    ("20%", "ROI：120%；毛利率：20%", None, C),
    ("20%", "百分之二十", CN, C),
    ("20%", "ROI为\\(20\\%\\)", None, C),
    ("20%", "ROI $\\approx 20\\%$", None, C),
    ("20%", "margin of 20 percent", None, C),
    ("20%", "twenty percent", None, C),
    ("20 percent", "margin of 20%", None, C),
    ("0.5%", "0.50%", None, C),
    ("5%", "5.0%", None, C),
    ("20万", "二十万", CN, C),
    ("200万", "两百万", CN, C),
    ("200万元", "1,200万元中的200万元", None, C),
    ("20元", "￥20", None, C),
    ("20美元", "$20", None, C),
    ("$20", "US$20", None, C),
    ("20倍", "二十倍", CN, C),
    ("20x", "a 20x return", None, C),
    ("20天", "20　天", None, C),
    ("2人", "员工两人", CN, C),
    ("20 months", "a 20-month payback", None, C),
    ("20 months", "twenty months", None, C),
    ("20万元", "0.2百万元", SW, C),
    ("25%", "四分之一", CN, C),
    ("14天", "2周", None, C),
    ("90分钟", "1.5小时", None, C),
    # ranges and bounds (v7, v17), and v45's English ranges of months and percent
    ("20%", "约20%", None, C),
    ("20%", "20%以上", None, C),
    ("20%", "超过20%", None, N),
    ("20%", "20%-30%", None, N),
    ("20%", "10-20%", None, N),
    ("4 months", "The payback is 2 months to 4 months.", None, N),
    ("2 months", "The payback is 2 months to 4 months.", None, N),
    ("20 percent", "Margins of 10 percent to 20 percent are typical.", None, N),
    ("20%", "Margins of 10 percent to 20 percent are typical.", None, N),
    ("4 percent", "Rates of 4 percent to 8 percent apply.", None, N),
    ("4%", "Rates of 4% to 8 percent apply.", None, N),
    ("20 percent", "10 per cent to 20 per cent", None, N),
    ("24 months", "Payback ranges from 20 months to 24 months.", None, N),
    ("4 months", "2 months through 4 months", None, N),
    ("4 months", "2 months - 4 months", None, N),
    ("4 percent", "4 percent to 8 people", None, C),
    ("4 months", "in 2 months, up to 4 months", None, C),
    ("24 months", "Payback was revised from 20 months to 24 months.", None, C),
    ("24 months", "The term was extended from 20 months to 24 months.", None, C),
    ("30 days", "The term was extended from 20 days to 30 days.", None, C),
    ("20%", "Margin went from 10% to 20%.", None, C),
    ("20 percent", "Margin went from 10 percent to 20 percent.", None, C),
    ("20 percent", "Margin rose from 10 percent to 20 percent.", None, C),
]


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), PINNED)
def test_pinned_rows(point, answer, forms, expected):
    assert (status(point, answer, forms) == "covered") is expected, status(point, answer, forms)


CHARGES = [
    ("回收期20个月", "回收期120个月", N),
    ("回收期20个月", "回收期20个月", C),
    ("ROI为20%", "ROI为120%", N),
    ("ROI为20%", "ROI为20.5%", N),
    ("ROI为20%", "ROI为 20 %", C),
    ("20%", "增长120%", N),
    ("20万元", "成本120万元", N),
    ("20万元", "成本20万元", C),
    ("200万元", "成本1'200万元", N),
    ("200万元", "成本1_200万元", N),
    ("20 months", "Payback is 120 months.", N),
    ("20 months", "Payback is 20 months.", C),
    ("4 months", "Payback takes 2 months to 4 months.", N),
]


@pytest.mark.parametrize(("claim", "answer", "expected"), CHARGES)
def test_pinned_charges(claim, answer, expected):
    assert charged(claim, answer) is expected


@PROPERTY
@given(
    template=st.sampled_from(ZH_TEMPLATES + EN_TEMPLATES),
    group=st.integers(100, 999),
    head=st.integers(1, 999),
    sep=st.sampled_from([",", " ", "'", "’", "_"]),
    unit=st.sampled_from(["万元", "元", "%", "yuan", "人"]),
)
def test_property_a_thousands_group_is_no_figure_of_its_own(template, group, head, sep, unit):
    # v45: 1'200 and 1_200 join their digits as 1,200 and 1 200 do - 200 is no figure of its own in any of them
    assume(Decimal(group) not in _others(template))
    answer = template.format(X=render(f"{head}{sep}{group}", unit))
    assert status(point_of(str(group), unit), answer) != "covered", answer
