"""A form's other spellings: `compile_variant` (a form as its pattern), `standard_twins` (ISO 27001 and
ISO/IEC 27001), `date_twins` (ISO and English dates) and `duration_twins` (a duration in other units of time).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from .currencies import CURRENCY_NAMES_AFTER, CURRENCY_SIGNS
from .edges import BARE_HALVES, COMPOUND_JOINTS, COMPOUNDS, EN_UNIT_OF_TIME, UNIT_IN_ENGLISH
from .finding import find_numbers_cached
from .mention import CN_CHARS, NumberForms
from .patterns import (
    A_SIGN_AFTER_ITS_LABEL,
    SUBJECT_NAMES,
    NumberPattern,
    Slot,
    TextPattern,
    spaced_out,
    subject_without_its_link,
)


@lru_cache(maxsize=2048)
def compile_variant(variant: str, forms: NumberForms | None = None) -> TextPattern | NumberPattern:
    """A key point's form (already normalised) as a pattern: numbers become slots, the rest text. The pieces are
    taken from the form without the spaces next to CJK, as the answer is searched (`spaced_out`)."""
    forms = forms or NumberForms()
    spaced = spaced_out(variant)[0]
    mentions = find_numbers_cached(spaced, forms)
    if not mentions:
        return TextPattern(variant)
    pieces, slots, pos = [], [], 0
    for m in mentions:
        pieces.append(spaced[pos : m.start].strip())
        slots.append(Slot(m.value, m.scale, m.percent, m.text))
        pos = m.end
    pieces.append(spaced[pos:].strip())
    read = _in_its_currency(pieces[-2], pieces[-1])
    if read != (pieces[-2], pieces[-1]):  # v112: and the form as the point in that unit (¥1200 -> 1200元), which the
        last = mentions[-1]  # edges read (1000元-1200元 ends a range)
        head = spaced[: last.start].rstrip()
        head = head[: len(head) - len(pieces[-2])] + read[0]
        space = " " if read[0][-1:].isascii() and read[0][-1:].isalnum() else ""
        variant, pieces[-2:] = f"{head}{space}{spaced[last.start : last.end]}{read[1]}", read
    return NumberPattern(variant, tuple(pieces), tuple(slots), forms)


def without_its_link(needle: str, forms: NumberForms) -> str:
    """The (normalised) point `needle` with the link between its subject and its first figure left out (v111: ROI为12%
    -> roi 12%, "the roi is 12%" -> roi 12%) and a metric named after its figure put before it (20%的roi -> roi 20%,
    "20-month payback period" -> payback period 20 months), or `needle` as it is where neither stands there."""
    mentions = find_numbers_cached(needle, forms)
    if not mentions:
        return needle
    article = _AN_ARTICLE.match(needle)
    if len(mentions) == 1 and article is not None and mentions[0].start == article.end():  # (a) 20% roi
        after = _A_METRIC_AFTER_ZH.fullmatch(needle, mentions[0].end) or _A_METRIC_AFTER_EN.fullmatch(
            needle, mentions[0].end
        )
        if after is not None:
            unit = after.group("unit") or ""
            unit = f" {unit.lstrip('-')}s" if unit.startswith("-") else unit  # 20-month -> 20 months
            return f"{after.group('subject')} {needle[mentions[0].start : mentions[0].end]}{unit}"
    about = _ABOUT_AT_THE_END.search(needle, mentions[-1].end)
    if about is not None and about.start() - mentions[-1].end <= 4:
        needle = needle[: about.start()]  # v111: 回收期为20个月左右 is 回收期20个月 (an answer's 左右 stays its own)
    before = needle[: mentions[0].start]
    signed = A_SIGN_AFTER_ITS_LABEL.fullmatch(before.rstrip())  # v112: 合同金额为¥1200万 - the link before the sign
    sign = signed.group("sign") if signed is not None else ""
    subject = subject_without_its_link(signed.group("label") if signed is not None else before)
    return needle if subject is None else f"{subject} {sign}{needle[mentions[0].start :]}"


# v111: a point that says in how long an investment pays back, figure first (20个月回本, 3年回本, 20个月内收回投资,
# 18个月即可回本) is the payback period's figure: its twin 回本周期 20个月 is covered where the answer names the
# period (回本周期为20个月, 回收期：20个月, 投资回收期约20个月) - v110 covered only the point's own words.
_PAID_BACK_AFTER = re.compile(
    "(?P<figure>[0-9][0-9.]*) ?(?P<unit>个月|年|个季度|季度)(?:内|以内|之内|左右)?(?:即可|就能|就可以?|便可|可以?|能)?"
    "(?:实现)?(?:回本|收回投资|收回全部投资|收回成本)"
)


def payback_twins(needle: str) -> tuple[str, ...]:
    """The payback period's form of a point that says in how long it pays back (20个月回本 -> 回本周期 20个月)."""
    paid = _PAID_BACK_AFTER.fullmatch(needle)
    return (f"回本周期 {paid.group('figure')}{paid.group('unit')}",) if paid is not None else ()


_AN_ARTICLE = re.compile("(?:an? |the )?")
_ABOUT_AT_THE_END = re.compile(" ?(?:左右|上下|(?<![a-z])or so)$")
# v111: a metric the scorer knows by its names (`patterns.SUBJECT_NAMES`: ROI, 回收期, payback period, 毛利率, ...)
# named after the point's one figure (20%的ROI, 20个月的回收期, "20% ROI", "a 20-month payback period") is the point
# "ROI 20%": the answer may name it first (ROI为20%, "The payback period is 20 months") or after its figure as the
# point does (项目可实现20%的ROI, v62). Other nouns after a figure stay as written (4300名员工, 1200万元的合同).
_METRIC_NAMES = "|".join(sorted((re.escape(name) for group in SUBJECT_NAMES for name in group), key=len, reverse=True))
_A_METRIC_AFTER_ZH = re.compile(f"(?P<unit>[^0-9 的]{{0,4}})的(?P<subject>{_METRIC_NAMES})")
_A_METRIC_AFTER_EN = re.compile(
    f"(?P<unit>-(?:month|year|week|day)| (?:months|years|weeks|days))? (?P<subject>{_METRIC_NAMES})"
)


# v11, with the scale words: a point's amount in dollars or yuan written in English ($1.2 million, 1.2 million dollars,
# USD 1.2 million; 1200万 yuan, RMB 12 million) is read as one in 美元 or 元, so that any form of its currency states
# it (`patterns._currency`: $1,200,000, 1.2M dollars, 120万美元) and none of another (1.2 million euros, ¥1.2 million).
# v112: without the scale words too (¥1200, $500, 1200 yuan, 500 dollars; ¥1200万, whose 万 is no scale word there:
# 1200万元), and after a subject (合同金额¥1200万, Revenue $1.2 billion: 合同金额 1200万元) - v111 matched them as
# written without the scale words (¥1200 missed 1200元 and 人民币1200元; $500 missed 500 dollars, USD 500, 500美元)
# and, after a subject, wherever the answer left the sign out (合同金额为1200万元).
# v113: and in every currency of one table of their signs and names (`currencies.CURRENCY_SIGNS`,
# `CURRENCY_NAMES_AFTER`: €500, 500 euros, £500, HK$500, 500港币, JP¥500, 500 yen, A$500, NT$500)
_CURRENCY_POINTS = {
    **{(sign, ""): ("", unit) for unit, signs in CURRENCY_SIGNS.items() for sign in signs},
    **{("", name): ("", unit) for unit, names in CURRENCY_NAMES_AFTER.items() for name in names},
}
_SCALE_ONLY = re.compile("(?P<scale>[十百千万亿]*)(?P<unit>元)?")


def _in_its_currency(before: str, after: str) -> tuple[str, str]:
    """The pieces around a point's one figure with a currency's sign or word read as its unit (`_CURRENCY_POINTS`):
    $500 -> ("", "美元"), ¥1200万 -> ("", "万元"), 合同金额¥1200万 -> ("合同金额", "万元"); as they are otherwise."""
    if (before, after) in _CURRENCY_POINTS:
        return _CURRENCY_POINTS[before, after]
    signed = A_SIGN_AFTER_ITS_LABEL.fullmatch(before)
    subject, sign = (signed.group("label"), signed.group("sign")) if signed is not None else ("", before)
    scale = _SCALE_ONLY.fullmatch(after)
    unit = _CURRENCY_POINTS.get((sign, ""), ("", ""))[1]
    if scale is None or not unit or (scale.group("unit") and unit != "元"):
        return before, after
    return subject, scale.group("scale") + unit


# A standard's name may be written with or without a space between its letters and its number (v9): ISO 27001 is
# ISO27001 and back, PCI DSS 4.0 is PCI DSS4.0; a word of two letters or more, as normalised (not v3.2 or Q1 200).
# And ISO/IEC 27001, the joint standard's full name, is ISO 27001 and back.
_WORD_THEN_NUMBER = re.compile(r"(?<![a-z])([a-z]{2,})( ?)(?=[0-9])")
_ISO_IEC = re.compile(r"(?<![a-z/])iso(/iec)?(?= ?[0-9])")


def standard_twins(text: str) -> tuple[str, ...]:
    """The other spellings of a (normalised) form that names a standard: iso 27001 -> iso27001, iso/iec 27001 and
    iso/iec27001; none for a form without a Latin word right before a number."""
    if _WORD_THEN_NUMBER.search(text) is None:
        return ()
    named = {text, _ISO_IEC.sub(lambda m: "iso" if m.group(1) else "iso/iec", text)}
    spelt = {
        twin for form in named for twin in (_WORD_THEN_NUMBER.sub(r"\1", form), _WORD_THEN_NUMBER.sub(r"\1 ", form))
    }
    return tuple(sorted((named | spelt) - {text}))


# v15: a date is the same written with dashes or slashes (2020年3月 is 2020-03, 2020-3, 2020/03 and 2020/3;
# 2020年3月15日 is 2020-03-15 and 2020/3/15). Not with dots, which read as a decimal (2020.10 would be 2020.1).
_DATE = re.compile(r"^([0-9]{4}) ?年 ?([0-9]{1,2}) ?月(?: ?([0-9]{1,2}) ?[日号])?$")


def date_twins(text: str) -> tuple[str, ...]:
    """The other spellings of a (normalised) form that is a date of a year and a month (and a day)."""
    m = _DATE.match(text)
    if m is None or not 1 <= int(m.group(2)) <= 12 or (m.group(3) and not 1 <= int(m.group(3)) <= 31):
        return ()
    parts = [m.group(1), m.group(2), *([m.group(3)] if m.group(3) else [])]
    padded = [parts[0], *(p.zfill(2) for p in parts[1:])]
    bare = [parts[0], *(str(int(p)) for p in parts[1:])]
    return tuple(dict.fromkeys(sep.join(form) for sep in ("-", "/") for form in (padded, bare)))


# v18: the same duration in another unit of time states it, where the units convert exactly: 1年 = 12个月, 1周 = 7天,
# 1天 = 24小时, 1小时 = 60分钟, 1分钟 = 60秒 (and their English names). 20个月 is 1年8个月 (1年零8个月, 1年又8个月,
# 1 year and 8 months), 18个月 1.5年 and 1年半, 14天 2周, 90分钟 1.5小时, 1小时30分钟 and 1个半小时, 2小时 120分钟,
# 3天 72小时; and a point in Chinese units is said in English ones too (20个月: 20 months). A month is no number of days
# nor a year of them (30天 is no 1个月, 365天 no 1年, 52周 no 1年): those are approximations. A compound is the sum of
# two quantities of adjacent units whose second is a remainder (1年8个月, 1小时30分钟, 2分钟30秒) - not weeks and days
# or days and hours (一周5天, 一天8小时 are rates). A half (1年半, 半年, 一个半小时) counts with chinese_numerals in
# Chinese (半年, 半小时: a numeral word), always in English (half an hour, an hour and a half). The converted forms are
# the point's own with its number and unit replaced, so its text around them (回收期, 以内) must stand in the answer
# too; a point that holds another number, an ordinal (第20个月), a year (2020年), an absolute tolerance (in the point's
# unit) or a unit that goes on (2周年, 3年级) has none. Not 月 or 日 on their own: 8月 is August, 7日 a day of a month.
# v27: a quarter is exactly 3 months (2个季度 is 6个月, 4 quarters 1年); only as 个季度 (2季度 is the second quarter)
_MONTHS = {"年": 12, "个季度": 3, "个月": 1}
_SECONDS = {"周": 604800, "天": 86400, "小时": 3600, "分钟": 60, "秒": 1}
_UNIT_OF_TIME = {"个月": "个月", "年": "年", "周": "周", "个星期": "周", "星期": "周", "天": "天", "小时": "小时"}
_UNIT_OF_TIME |= {"个小时": "小时", "钟头": "小时", "个钟头": "小时", "分钟": "分钟", "秒钟": "秒", "秒": "秒"}
_UNIT_OF_TIME |= {"个季度": "个季度"}
# v20: and the common English abbreviations of the units (20 mos, 20 yrs, 24 hrs, 20 mins, 20 min, 30 sec); not "m"
# (metres, millions), "s" (the 20s), "d" or "h" (2H 2024 is the second half of the year)
_EN_ABBREVIATIONS = {
    "年": ("yr", "yrs"),
    "个月": ("mo", "mos", "mth", "mths"),
    "周": ("wk", "wks"),
    "小时": ("hr", "hrs"),
    "分钟": ("min", "mins"),
    "秒": ("sec", "secs"),
    "个季度": ("qtr", "qtrs"),
}
_SAME_UNIT = {"周": ("周", "个星期"), "小时": ("小时", "个钟头")}  # 2周 is 2个星期 (个小时 is 小时's classifier twin)
_HALVES = {"年": ("{q}年半",), "小时": ("{q}个半小时", "{q}小时半", "{q}个半钟头")}
_EN_HALVES = {"年": ("half a year",), "小时": ("half an hour",), "分钟": ("half a minute",), "个月": ("half a month",)}
_EN_ONE_AND_A_HALF = {"年": ("a year and a half",), "小时": ("an hour and a half",)}
_DURATION_POINT = re.compile(
    r"^(?P<before>[^0-9]*?)(?<![0-9.第])(?P<num>[0-9]+(?:\.[0-9]+)?) ?"
    r"(?:(?P<unit>个月|个季度|个星期|星期|周|年|天|个小时|小时|个钟头|钟头|分钟|秒钟|秒)"
    r"|(?P<en>year|month|quarter|week|day|hour|minute|second)s?(?![a-z]))(?P<after>[^0-9]*)$"
)
_UNIT_GOES_ON = re.compile("[年岁级代度初底末终薪龄纪份报刊会]")


def duration_twins(text: str, forms: NumberForms | None = None) -> tuple[str, ...]:
    """The other forms of a (normalised) point that is a duration, in other units of time that convert exactly (v18):
    20个月 -> 1年8个月, 1年零8个月, 1 year and 8 months, 20 months ...; none for any other point."""
    forms = forms or NumberForms()
    m = _DURATION_POINT.match(text)
    if m is None or (forms.tolerance is not None and not forms.tolerance.strip().endswith("%")):
        return ()
    unit = _UNIT_OF_TIME[m.group("unit")] if m.group("unit") else EN_UNIT_OF_TIME[m.group("en")]
    before, after = m.group("before"), m.group("after")
    if _UNIT_GOES_ON.match(after) or (unit == "年" and len(m.group("num")) == 4) or any(c in CN_CHARS for c in after):
        return ()
    sizes = _MONTHS if unit in _MONTHS else _SECONDS
    total = Decimal(m.group("num")) * sizes[unit]
    bare = not before.strip() and not after.strip()
    # v41: a point that names its subject before its figure (回收期20个月) takes the English unit words too (The
    # payback period is 20 months), as its bare figure does since v18 - where nothing follows the unit
    english = bare or not after.strip()
    quantities = [
        *_converted(total, sizes, english),
        *_compounded(total, sizes, english),
        *_halved(total, sizes, forms),
    ]
    twins = dict.fromkeys(f"{before}{quantity}{after}" for quantity in quantities if bare or not quantity[:1].isalpha())
    twins.pop(text, None)
    return tuple(twins)


def compound_duration(pattern: NumberPattern) -> bool:
    """The pattern is a duration in two units (1年8个月, 1 hour and 30 minutes: v18)."""
    return len(pattern.slots) == 2 and pattern.pieces[1] in COMPOUND_JOINTS and pattern.pieces[0] == ""


def _number_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _in_english(value: Decimal, unit: str) -> str:
    return f"{_number_text(value)} {UNIT_IN_ENGLISH[unit]}{'' if value == 1 else 's'}"


def _converted(total: Decimal, sizes: dict[str, int], english: bool) -> Iterator[str]:
    """The duration in each unit of its kind where it is a number with at most two decimals: 1.5年, 120分钟 (and,
    `english`, 20 months, 20 mos)."""
    for unit, size in sizes.items():
        value = total / size
        if (value * 100) % 1 or (unit == "个季度" and value % 1):  # quarters are counted whole (no 0.5个季度)
            continue
        yield from (f"{_number_text(value)}{spelling}" for spelling in _SAME_UNIT.get(unit, (unit,)))
        if english:
            yield _in_english(value, unit)
            if unit == "周" and value % 2 == 0:  # v47: two weeks are a fortnight (a fortnight: 14 days, 2 weeks)
                yield f"{_number_text(value / 2)} fortnight{'' if value == 2 else 's'}"
            yield from (f"{_number_text(value)} {abbreviation}" for abbreviation in _EN_ABBREVIATIONS.get(unit, ()))


def _compounded(total: Decimal, sizes: dict[str, int], english: bool) -> Iterator[str]:
    """The duration as a larger unit's quantity and a remainder in the next smaller one: 1年8个月, 1小时30分钟 (and,
    `english`, 1 year and 8 months)."""
    for larger, smaller in COMPOUNDS:
        if larger not in sizes:
            continue
        whole, rest = divmod(total, sizes[larger])
        if whole < 1 or not rest or rest % sizes[smaller]:
            continue
        q, r = _number_text(whole), _number_text(rest / sizes[smaller])
        yield from (f"{q}{larger}{joint}{r}{smaller}" for joint in ("", "零", "又"))
        if english:
            first, second = _in_english(whole, larger), _in_english(rest / sizes[smaller], smaller)
            yield from (f"{first} {joint}{second}" for joint in ("", "and "))


def _halved(total: Decimal, sizes: dict[str, int], forms: NumberForms) -> Iterator[str]:
    """The duration as a whole number of a unit and a half (1年半, 1个半小时; 半年 with chinese_numerals; an hour and a
    half, half an hour)."""
    for unit, size in sizes.items():
        whole, rest = divmod(total, size)
        if unit not in (*_HALVES, *BARE_HALVES) or rest * 2 != size:
            continue
        if whole >= 1:
            yield from (half.format(q=_number_text(whole)) for half in _HALVES.get(unit, ()))
            yield from (_EN_ONE_AND_A_HALF.get(unit, ()) if whole == 1 else ())
            if unit in UNIT_IN_ENGLISH:  # v23: 1 and a half years, one year and a half, two and a half hours
                name, q = UNIT_IN_ENGLISH[unit], _number_text(whole)
                yield from (f"{q} and a half {name}s", f"{q} {name}{'' if whole == 1 else 's'} and a half")
        else:
            yield from (BARE_HALVES[unit] if forms.chinese else ())
            yield from _EN_HALVES.get(unit, ())
