"""v98: a figure matched through a form with no unit (the synonym 4300 of 4300人, 1997 of 1997年, the bare point 84万
in a question in 元) is not the point where the answer counts something else with it - 4300个网点, 员工1997人,
节省8400元, 84万次调用, 1997号文件, "1997 employees".

A point's forms say what its figure counts (4300人, 4300名: people; 1997年: a year; 8400笔: items; 120万元 - or since
v97 a bare amount in a question in 元 - money): its unit families. A form written without a unit matches the figure
alone, and v97 credited 4300人 for 共有4300个网点 and 8400笔 for 节省8400元 through the synonyms 4300 and 8400. Now the
unit right after the figure (a measure word, a currency, a word of time, %; in English a currency or a word for
people, years, months, days, percent) must be of one of the point's families. Decided: 个 counts people too (4300个员工)
and any item; 笔, 条, 次, 件, 项 and the other measure words of items are one family (8400条告警 for 8400笔); no unit
after the figure, or a word this module does not know (8400 alerts), leaves the match as before (v109: 4300员工 and
90万用户 are people's).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..numbers import NumberPattern, Pattern
from ..numbers.mention import NUMERAL_CHARS
from .denial import FOREIGN_CURRENCY_WORDS, in_yuan, question_in_yuan
from .normalisation import normalise
from .rates import a_rate_form, question_periods

# the families of units, and the units of each as written right after a figure (longest first where one holds another)
_FAMILIES: dict[str, tuple[str, ...]] = {
    "money": ("人民币", "元", "块钱", "块"),
    "foreign money": FOREIGN_CURRENCY_WORDS,
    # v109: and the nouns for people written right after a figure (90万用户 is no sum of 90万, 4300员工 is 4300人) -
    # not 客户, which counts companies as well (4300家)
    "people": ("人", "名", "位", "员工", "用户", "会员", "职工", "居民", "学生", "患者"),
    "effort": ("人月", "人天", "人日", "人年"),
    "year": ("年",),
    "month": ("个月", "月"),
    "day": ("天", "日"),
    "week": ("周", "星期"),
    "time": ("小时", "分钟", "秒"),
    "percent": ("%", "个百分点"),
    "multiple": ("倍",),
    "items": ("人次", *"个笔条次件项家台只张户所座套辆间份"),
    "number": ("号",),
}
_UNIT_OF = {unit: family for family, units in _FAMILIES.items() for unit in units}
_UNITS = sorted(_UNIT_OF, key=len, reverse=True)
_EN_FAMILIES = {
    "money": "yuan|rmb|cny|renminbi|dollars?|usd|euros?",
    "people": "people|persons?|employees?|staff|members?|workers?|users?|customers?",
    "year": "years?",
    "month": "months?",
    "day": "days?",
    "percent": "percent|per cent",
}
_UNIT_AFTER = re.compile(
    " ?(?:(?P<zh>" + "|".join(map(re.escape, _UNITS)) + ")"
    "|(?P<en>" + "|".join(f"(?P<{family}>{words})" for family, words in _EN_FAMILIES.items()) + ")(?![a-z]))"
)
# a unit's character that starts another word there: 次年 (the next year), 年费 (an annual fee), 月均, 日均, 周期,
# 天然 - the figure's unit is not said
_NOT_A_UNIT = {
    "次": re.compile("[年月日周]"),
    "年": re.compile("费|均|度|化|薪|收入|营收|销售|节省|节约|成本"),
    "月": re.compile("费|均|度|薪|收入|营收|销售|节省|节约|成本"),
    "日": re.compile("均|常|志"),
    "天": re.compile("然|线|使"),
    "周": re.compile("期|边|年|转"),
    "人": re.compile("工|力|均|才"),
}
_PEOPLE_AFTER_GE = re.compile("(?:员工|人|职员|雇员|客户|用户|会员|工作人员|销售|客服)")
_A_FIGURE_THEN_UNIT = re.compile(
    "^[0-9" + "".join(sorted(NUMERAL_CHARS - frozenset("0123456789"))) + ",.]+ ?(?:[万亿千百]{0,2})"
)


@lru_cache(maxsize=512)
def unit_families(variants: Sequence[str], in_yuan: bool) -> frozenset[str]:
    """The families of the units the point's forms write after their figure (4300人 -> people), with money where
    the point is in 元 (v15, v97)."""
    families = {"money"} if in_yuan else set()
    for variant in variants:
        text = normalise(variant)
        figure = _A_FIGURE_THEN_UNIT.match(text)
        if figure is None or not any(c.isdigit() or c in NUMERAL_CHARS for c in figure.group()):
            continue
        unit = _UNIT_AFTER.match(text, figure.end())
        if unit is not None:
            families.add(_family(unit))
    return frozenset(families)


def _family(unit: re.Match[str]) -> str:
    if unit.group("zh"):
        return _UNIT_OF[unit.group("zh")]
    return next(family for family in _EN_FAMILIES if unit.group(family))


def _unit_right_after(answer_norm: str, end: int) -> re.Match[str] | None:
    """The unit written right after the figure that ends at `end`, where it is one (not 年 of 年费, 天 of 天然)."""
    unit = _UNIT_AFTER.match(answer_norm, end)
    zh = unit.group("zh") if unit is not None else None
    if unit is None or (zh in _NOT_A_UNIT and _NOT_A_UNIT[zh].match(answer_norm, unit.end())):
        return None
    return unit


def another_unit_after(answer_norm: str, end: int, families: frozenset[str]) -> bool:
    """The figure that ends at `end` (matched through a form with no unit) is followed by a unit of none of the
    point's families (4300个网点 for 4300人, 84万次 for 84万 in 元)."""
    if not families:
        return False
    if answer_norm[end - 1 : end] == "%":  # a figure's match takes its % in (4300% for the synonym 4300)
        return "percent" not in families
    unit = _unit_right_after(answer_norm, end)
    if unit is None or _family(unit) in families:
        return False
    if unit.group("zh") == "个":  # 4300个员工 counts people; 个 counts any item
        return not ("items" in families or ("people" in families and _PEOPLE_AFTER_GE.match(answer_norm, unit.end())))
    return True


def end_of_its_unit(answer_norm: str, end: int) -> int:
    """Where the unit written right after a figure matched with no unit ends (1997年, 20个月, 4300人, "4300 people"),
    money aside (its currency is read by `denial.in_another_currency` and `_with_its_yuan`); `end` where none is
    (v115: the rules that read the words after a figure start after its unit - 员工4300人（错误） for 4300)."""
    unit = _unit_right_after(answer_norm, end)
    return end if unit is None or _family(unit) in ("money", "foreign money") else unit.end()


_SCALE_PIECES = ("", "万", "亿", "千", "百", "十万", "百万", "千万", "万亿")


def written_without_a_unit(pattern: Pattern) -> bool:
    """The number form writes no unit after its one figure (4300, 120万; not 4300人, 50%, 2020年3月)."""
    return (
        isinstance(pattern, NumberPattern)
        and len(pattern.slots) == 1
        and not pattern.slots[0].percent
        and pattern.pieces[-1].strip() in _SCALE_PIECES
    )


@dataclass(frozen=True)
class PointUnits:
    """What a key point's figure counts, read with its case's question."""

    yuan: bool  # in 元: a form says so (v15), or the question's amounts are in 元 (v97)
    families: frozenset[str]  # the families of its forms' units (v98)
    periods: frozenset[str]  # for a sum of money, the periods the question counts in (v99); else none


@lru_cache(maxsize=512)
def units_of_a_point(question: str, variants: tuple[str, ...]) -> PointUnits:
    """The point's `PointUnits` - read once per case and point, not per answer."""
    yuan = question_in_yuan(question) or in_yuan(variants)
    families = unit_families(variants, yuan)
    a_sum = "money" in families and not a_rate_form(tuple(normalise(v) for v in variants))
    return PointUnits(yuan, families, question_periods(normalise(question)) if a_sum else frozenset())
