"""Whether a number found where a point's number stands is the same quantity: its edges (`edges_ok`) - not
part of a longer quantity (一年半, 2 hours 30 minutes), a range (20个月至30个月), a date, a time or a ratio, a
larger unit before it (1年8个月 for 8个月) or a word around it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from .currencies import ANY_SIGN_AT
from .finding import (
    EN_CARDINAL,
    EN_ONES,
    EN_TEENS,
    EN_TENS,
    ODD_ONES,
    ROUND_END,
    find_numbers_cached,
    not_a_count,
    words_at,
)
from .mention import CN_CHARS, CN_DIGITS, NUMERAL_CHARS, SCALE_WORDS, Mention, NumberForms, chinese_value
from .name_edges import in_a_longer_name
from .place_edges import in_a_streets_name, in_an_institutions_name
from .spelled import (
    DATE_DAY_AFTER_MONTH,
    DATE_DAY_BEFORE,
    DATE_MONTH_BEFORE,
    RATIO_TO_ONE_DIGIT,
    TIME_OR_RATIO,
    spelled_value,
)
from .term_edges import across_other_words


def _part_of_a_time_ratio_or_date(text: str, start: int, end: int, pattern: str) -> bool:
    """The answer's number at [start, end) is one side of a clock time or ratio, or a date's month or day, and the
    key point is not written with that colon or separator itself."""
    window = (max(0, start - 6), min(len(text), end + 6))
    for m in (*TIME_OR_RATIO.finditer(text, *window), *RATIO_TO_ONE_DIGIT.finditer(text, *window)):
        sides = ((m.start("a"), m.end("a")), (m.start("b"), m.end("b")))
        if (start, end) in sides and ":" not in pattern:
            return True
    if DATE_DAY_BEFORE.search(text, max(0, start - 9), start):
        return True
    month = DATE_MONTH_BEFORE.search(text, max(0, start - 6), start)
    after = DATE_DAY_AFTER_MONTH.match(text, end)
    return month is not None and after is not None and month.group(1) == after.group(1)


def _numeral_edge_ok(text: str, start: int, end: int, pattern: str) -> bool:
    """A key point that starts (ends) with a numeral is not a piece of a longer number in the answer."""
    if pattern and pattern[0] in NUMERAL_CHARS and start > 0 and text[start - 1] in NUMERAL_CHARS:
        return False
    if not_a_count(text, start):
        return False
    if pattern and _part_of_a_time_ratio_or_date(text, start, end, pattern):
        return False
    if pattern and pattern[-1] in NUMERAL_CHARS and end < len(text):
        after, digit_after = text[end], text[end + 1 : end + 2]
        if after in NUMERAL_CHARS or (after == "." and digit_after.isdigit()):
            return False
        if after in ODD_ONES and pattern[-1] in ROUND_END and digit_after != "乎":  # not 几乎, almost
            return False  # 十几个, 10几个, 二十几岁: ten-odd, twenty-odd - never the round number itself (v9)
        if after == "点" and (digit_after.isdigit() or digit_after in CN_DIGITS):
            return False  # 百分之五十点五 (50.5%) goes on (v7)
    return True


# A quantity goes on after its unit: 一年半 is 1.5 years, 3点15分 and 三点五 are not 3点, 2小时30分钟 is not 2小时,
# 1年3个月 and 一年又三个月 are not 1年, 2 hours 30 minutes is not 2 hours. A unit maps to the smaller units whose
# number may follow it (after 点 also any number right after it: 3点15, 三点五); after a comma the quantity has ended
# (3点，5人参加).
# Left out where a number after the unit is usually "per" (一天8小时, 一周5天, 7天24小时) or a date goes on
# (2024年3月 is in 2024年: 年 is followed by 个月 here, never by 月).
_SMALLER_UNITS = {
    "年": ("个月", "个多月"),
    "个月": ("天", "周", "个星期"),
    "小时": ("分钟", "分", "秒"),
    "钟头": ("分钟", "分"),
    "分钟": ("秒",),
    "点": ("分",),
    "元": ("角", "毛"),
    "块": ("角", "毛"),
    # English, as normalised (lower case): 2 hours 30 minutes, 1 year and 3 months
    "hour": ("minute", "min"),
    "hours": ("minute", "min"),
    "year": ("month",),
    "years": ("month",),
    "month": ("day", "week"),
    "months": ("day", "week"),
    "minute": ("second", "sec"),
    "minutes": ("second", "sec"),
}
_RUN_OF_NUMERALS = re.compile(f" ?(?:and |又)?[0-9{CN_CHARS}]+(?:\\.[0-9]+)? ?")  # 1 year and 3 months, 一年又三个月
# v10: how many of the smaller unit make the larger one. A second quantity is a remainder only below that: 1年8个月
# is 20 months, but 一年12个月 (a year has 12 months) is an aside that states 12个月, as 一年有12个月 does; so
# 1年12个月, 1小时60分钟 and 一个月30天 hold 12个月, 60分钟 and 30天. (The first quantity keeps v5's rule: 一年
# is not in 一年12个月.)
_PER_LARGER_UNIT = {"年": 12, "个月": 30, "小时": 60, "钟头": 60, "分钟": 60, "点": 60, "元": 10, "块": 10}
_PER_LARGER_UNIT |= {"hour": 60, "hours": 60, "year": 12, "years": 12, "month": 30, "months": 30}
_PER_LARGER_UNIT |= {"minute": 60, "minutes": 60}
_PER_SMALLER_UNIT = {("个月", "周"): 4, ("个月", "个星期"): 4, ("小时", "秒"): 3600, ("month", "week"): 4}
_PER_SMALLER_UNIT |= {("months", "week"): 4}


def _per_larger(larger: str, smaller: str) -> int:
    """How many of the smaller unit make one of the larger (12 months a year)."""
    return _PER_SMALLER_UNIT.get((larger, smaller), _PER_LARGER_UNIT.get(larger, 0))


def _remainder(number: str, larger: str, smaller: str) -> bool:
    """A count of the smaller unit after one of the larger is a remainder: below what makes the larger unit (v10)."""
    value = _numeral_value(number.strip())
    return value is None or value < _per_larger(larger, smaller)


def _numeral_value(number: str) -> Decimal | None:
    """The value of Arabic digits or Chinese numerals (a run of them), else None."""
    try:
        return Decimal(number) if number[:1].isdigit() else chinese_value(number)
    except InvalidOperation:
        return None


# v9: and a quantity is not the second part of one either: 8个月 is not in 1年8个月, 1年又8个月 or 一年八个月,
# 30分钟 not in 1小时30分钟, 20天 not in 1个月20天, 8 months not in 1 year (and) 8 months - the larger unit of
# `_SMALLER_UNITS`, after a number, right before the point's number (a space, 又, 零 or "and" between; 个 may stand
# before the larger unit: 1个小时30分钟). After a comma the first quantity has ended (第1年，8个月后), and a unit
# without a number (每年8个月) or after 每 (每1年8个月) is no quantity.
_LARGER_UNITS: dict[str, tuple[str, ...]] = {}
for _larger, _smaller_units in _SMALLER_UNITS.items():
    for _smaller in _smaller_units:
        _LARGER_UNITS[_smaller] = (*_LARGER_UNITS.get(_smaller, ()), _larger)
_POINT_UNIT_FIRST = sorted(_LARGER_UNITS, key=len, reverse=True)
# What a half follows or goes before: 一年半, 两个半小时, 3点半, 两倍半, 半个月; not the 半 of 统一半导体.
_HALF_UNITS = "个月|个小时|个钟头|个星期|年|月|天|周|星期|小时|钟头|点|分钟|元|块|斤|公斤|米|岁|倍|个"
_BEFORE_HALF = re.compile(f"(?:[0-9](?:{_HALF_UNITS})?|[{CN_CHARS}](?:{_HALF_UNITS}))$")
_HALF_AND_UNIT = re.compile(f"^半(?:{_HALF_UNITS})")


# A range that starts or (v7) ends with the point's quantity is not the quantity: 20个月至30个月, 20%到30%,
# 100万元~200万元, 20个月—30个月; 12到20个月, 10个月至20个月, 30%~50%, 10-20个月, 12 - 20个月, 10–20个月, 12〜20个月,
# 30%-50%, 1000万元-1200万元, between 12 and 20 months. "-" between two quantities of the same unit is a range mark
# too, unless an "=" makes it a subtraction (120万元-30万元=90万元: = after the second or before the first). Not a
# range but a change: a pair that goes down (24到20个月, from 24 to 20 months) or one after a change verb (rose from
# 30% to 50%, 降从...; 从24个月缩短到20个月 has the verb between). Dates and times of day keep both ends
# (2020年至2023年, 3点到5点; a Chinese dash —— is no range mark). NFKC has made ～ a ~ and － a -; 〜 and ⁓ stay.
_RANGE_MARKS = "至|到|~|〜|⁓|–|(?<!—)—|to|(?<![a-z])through|(?<![a-z])thru|-"  # v23: 18 through 24 months
_MARK_BEFORE_AN_END = "至|到|~|〜|⁓|–|—(?!—)|-"  # a range mark after a range's first end (not the first of ——)
# a range end's scale word after its digits (20万), v76: also after a word about its number (250余万元, 180多万元)
_SCALE_OF_AN_END = "(?:[几多余来](?=[万亿千]))?(?P<scale>(?<=[0-9几多余来])[万亿千百十]{1,2})?"
_RANGE_AFTER = re.compile(
    f" ?(?P<mark>{_MARK_BEFORE_AN_END}|to |through |thru ) ?(?P<b>[0-9]+(?:[.,][0-9]+)*|[{CN_CHARS}]+|{EN_CARDINAL})"
    f"{_SCALE_OF_AN_END}"
)
# v115: a comma before the first end that follows no digit ends a clause (客户说，15个月到20个月 - NFKC has made the
# ， a ,): v114 read it as a thousands group's and found no range
_RANGE_BEFORE = re.compile(
    f"(?<![0-9.{CN_CHARS}])(?<![0-9],)(?P<a>[0-9]+(?:[.,][0-9]+)*|[{CN_CHARS}]+|(?<![a-z-]){EN_CARDINAL})"
    f"{_SCALE_OF_AN_END}"
    f"(?P<unit>[^0-9{CN_CHARS}=]{{0,9}}?) ?(?P<mark>{_RANGE_MARKS}) ?$"  # v45: 9, " months" and " percent" (v7: 6)
)
# v87: a range's first end may carry its label in a bracket (20个月（乐观）至30个月（保守）, from 20 months (best case)
# to 30 months, 20 months (optimistic) - 30 months) - a bracket of words, no figure in it (20个月（约1年8个月）至 is
# read as before)
LABEL_OF_AN_END = re.compile(r" ?\([^()0-9]{1,24}\)")
_LABELLED_RANGE_BEFORE = re.compile(
    f"(?<![0-9.{CN_CHARS}])(?<![0-9],)(?P<a>[0-9]+(?:[.,][0-9]+)*|[{CN_CHARS}]+|(?<![a-z-]){EN_CARDINAL})"
    f"{_SCALE_OF_AN_END}"
    f"(?P<unit>[^0-9{CN_CHARS}=()]{{0,9}}?){LABEL_OF_AN_END.pattern} ?(?P<mark>{_RANGE_MARKS}) ?$"
)
_BETWEEN_BEFORE = re.compile(
    f"(?<![a-z])between (?:[0-9]+(?:[.,][0-9]+)*|{EN_CARDINAL})(?P<unit>[^0-9]{{0,12}}?) and $"
)
# v14: and a range written "between 3 days and 5 days" starts with its first end
_BETWEEN_START = re.compile("(?<![a-z])between $")
_AND_A_NUMBER = re.compile(f" and (?:[0-9]|{EN_CARDINAL})")
_UNIT_AFTER_NUMBER = re.compile(f"[0-9{CN_CHARS}](?P<unit>[^0-9{CN_CHARS}]+)$")
# not 个月, 小时, (v14) 工作日: 5个工作日 is five working days, no date
# (v76: nor a rate's period, 5000元/月, 300元/日, 5000元每月: a range holds rates too; v114: nor a unit's and a
# period's as one, 5万元/人月, 500元/人·月, 800元/人日)
_DATE_OR_TIME = re.compile(
    r"(?:^|[^0-9])[0-9]{4} ?年$|(?<![/每人·・])(?<!工作)日$|[号点]$|(?<![个/每人·・户台])月$|(?<!小)时$"
)
# "=" right after the second quantity or right before the first: a subtraction, not a range (120万元-30万元=90万元)
# v76: only a dash makes a subtraction (=180天到240天 is a result that is a range), and "=>", ">=" are no "="
_EQUALS_AFTER = re.compile(r" ?\)? ?=(?![>=])")
_EQUALS_BEFORE = re.compile(r"(?<![<>!=])= ?\(? ?$")
_MINUS_MARKS = ("-", "–", "—")
# A change verb before from/从/由: rose from 30% to 50%, reduced from 24 to 20 months, 下降从...
_CHANGE_VERBS_EN = (
    "rose|rise|rises|rising|fell|fall|falls|falling|fallen|increase|increases|increased|increasing|decrease|decreases"
    "|decreased|decreasing|drop|drops|dropped|dropping|grew|grow|grows|growing|grown|reduce|reduces|reduced|reducing"
    "|cut|cuts|cutting|improve|improves|improved|improving"
    # v45: and the verbs of a revision or a move (was revised from 20 months to 24 months, went from 10% to 20%): a
    # range of months or percent is read since v45 ("2 months to 4 months"), which these changes are not
    "|revise|revises|revised|revising|extend|extends|extended|extending|adjust|adjusts|adjusted|adjusting|change"
    "|changes|changed|changing|move|moves|moved|moving|went|go|goes|going|gone|shorten|shortens|shortened|lengthen"
    "|lengthens|lengthened|raise|raises|raised|lower|lowers|lowered|jump|jumps|jumped|climb|climbs|climbed|decline"
    "|declines|declined|slip|slips|slipped|expand|expands|expanded|narrow|narrows|narrowed|widen|widens|widened"
    "|boost|boosts|boosted|slash|slashes|slashed|trim|trims|trimmed|surge|surges|surged|soar|soars|soared|plunge"
    "|plunges|plunged|update|updates|updated|upgrade|upgraded|downgrade|downgraded|shift|shifts|shifted"
)
_CHANGE_VERBS_ZH = "缩短|提高|提升|下降|上升|增长|减少|降|升|增|减"
_CHANGE_BEFORE = re.compile(
    f"(?:(?<![a-z])(?:{_CHANGE_VERBS_EN})(?: [a-z]+)? from|(?:{_CHANGE_VERBS_ZH})了? ?(?:从|由)) ?"
    "(?:(?:about|around|roughly|approximately|nearly|almost|some|约|大约|大概|近) ?)?$"  # v82: rose from roughly 20%
)


_SPOKEN_PERCENT_POINT = re.compile(f"百分之 ?(?:[0-9]+(?:\\.[0-9]+)?|[{CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?)")


def _range_unit(pattern: str) -> str | None:
    """The unit of a quantity key point that a range can hold (个月 of 20个月; none for a date or a time of day)."""
    unit = _UNIT_AFTER_NUMBER.search(pattern)
    if unit is None and _SPOKEN_PERCENT_POINT.fullmatch(pattern):
        return "%"  # 百分之二十, 百分之20 (v9)
    if unit is None or _DATE_OR_TIME.search(pattern):
        return None
    whole = _HALF_OF_A_UNIT.sub("", unit.group("unit").strip())  # v18: 1年半 and 1个半小时 are in 年 and 个小时
    return whole if whole in _DURATIONS else _percent_sign(unit.group("unit").strip())


def _percent_sign(unit: str) -> str:
    """percent and per cent written as % (50 percent is 50%), to compare the units of a range's ends."""
    if not unit.startswith(("percent", "per cent")):
        return unit
    return "%" + unit.removeprefix("per cent").removeprefix("percent")


def _value(number: str, scale: str | None) -> tuple[Decimal, bool] | None:
    """The value of a range's other end (digits, Chinese numerals or, v14, English number words; its scale word), and
    whether it has a scale."""
    if number[:1].isascii() and number[:1].isalpha():
        value = spelled_value(number)
        return None if value is None else (value, False)
    try:
        value = Decimal(number.replace(",", "")) if number[:1].isdigit() else chinese_value(number)
    except InvalidOperation:
        return None
    if value is None:
        return None
    return (value * SCALE_WORDS[scale], True) if scale else (value, False)


def _goes_down(
    first: tuple[Decimal, bool] | None,
    second: tuple[Decimal, bool] | None,
    point: Mention,
    sizes: tuple[Decimal, Decimal] = (Decimal(1), Decimal(1)),
) -> bool:
    """The pair goes down from the first to the second (24到20个月; v14: 由2周到3天, with each end's unit of time in
    `sizes`): a change, never a hedge. An end without its own scale word takes the point's (10至20万元)."""
    if first is None or second is None:
        return False
    (a, a_scaled), (b, b_scaled) = first, second
    return (a if a_scaled else a * point.scale) * sizes[0] > (b if b_scaled else b * point.scale) * sizes[1]


# v14: a range whose ends carry different units of time is a range too (3天到5个工作日, 3 days to 2 weeks, 1年到18个月,
# 3个月至1年, between 3 days and 5 days); each unit in seconds, so that a pair that goes down stays a change
# (由2周到3天). Not a date or a clock time (3天到5月底, 3天到5号, 3天到5点, 3天到2025年底: 年 after four digits), nor
# a count (3天到5个人).
_DURATIONS = {"秒": 1, "分钟": 60, "小时": 3600, "个小时": 3600, "钟头": 3600, "个钟头": 3600, "天": 86400}
_DURATIONS |= {"工作日": 86400, "个工作日": 86400, "周": 604800, "星期": 604800, "个星期": 604800, "礼拜": 604800}
_DURATIONS |= {"个礼拜": 604800, "个月": 2592000, "个季度": 7776000, "年": 31536000}
_EN_DURATIONS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "business day": 86400, "working day": 86400}
_EN_DURATIONS |= {"week": 604800, "month": 2592000, "quarter": 7776000, "year": 31536000}
_DURATIONS |= {word + plural: seconds for word, seconds in _EN_DURATIONS.items() for plural in ("", "s")}
_DURATION_AT = re.compile("(?:" + "|".join(sorted(_DURATIONS, key=len, reverse=True)) + ")(?![a-z年岁级代])")


def _a_duration(unit: str, number: str) -> bool:
    """The unit after the number is one of time (not the 年 of a year: 2025年)."""
    return unit in _DURATIONS and not (unit == "年" and len(number) == 4)


def _sizes(unit: str, other: str | None) -> tuple[Decimal, Decimal]:
    """The two units of time in seconds where they differ (v14: 3天 and 2周), to compare a range's ends; else 1, 1."""
    if other is None or other == unit or other not in _DURATIONS or unit not in _DURATIONS:
        return Decimal(1), Decimal(1)
    return Decimal(_DURATIONS[unit]), Decimal(_DURATIONS[other])


_PERCENT_WORD = re.compile("(?:percent|per cent)(?![a-z])")


def _other_end_unit(text: str, pos: int, unit: str, number: str) -> str | None:
    """The unit after a range's other end (its number at `pos`): the point's unit, its classifier twin or (v14)
    another unit of time where the point's is one; else None."""
    twin = classifier_twin(unit)
    if text.startswith(unit, pos):
        return unit
    percent = _PERCENT_WORD.match(text, pos) if unit == "%" else None
    if percent is not None:
        return percent.group()  # v45: 4 percent to 8 percent, as 4% to 8%
    if twin and text.startswith(twin, pos):
        return twin
    duration = _DURATION_AT.match(text, pos) if unit in _DURATIONS else None
    return duration.group() if duration is not None and _a_duration(duration.group(), number) else None


def _point_number(pattern: str) -> Mention | None:
    """The point's number; v18: a compound duration's sum in its smaller unit (1年8个月: 20), a half added (1年半:
    1.5), so that a range's ends compare as the point's."""
    mentions = find_numbers_cached(pattern, NumberForms(chinese=True))
    if not mentions:
        return None
    first = mentions[0]
    if len(mentions) == 1 and _HALF_OF_A_UNIT.search(pattern, first.end):
        return replace(first, value=first.value + Decimal("0.5"))
    joint = pattern[first.end : mentions[1].start].strip() if len(mentions) == 2 else ""
    larger = next((unit for unit in _PER_LARGER_UNIT if joint.removesuffix(" and").rstrip("零又") == unit), None)
    if larger is None or joint not in COMPOUND_JOINTS:
        return first
    return replace(first, value=first.value * _PER_LARGER_UNIT[larger] + mentions[1].value)


_HALF_OF_A_UNIT = re.compile("(?<=个)半(?=小时|钟头)|(?<=年|时)半$")


def _not_a_range(text: str, first_start: int, mark: str, second_end: int) -> bool:
    """The pair of quantities is a change (after a change verb), a subtraction (an "=" after the second or before
    the first: 120万元-30万元=90万元, 120 – 30 = 90万元) or, joined by "-", a code (a letter before the first)."""
    sign = _SIGN_BEFORE_A_FIGURE.search(text, max(0, first_start - 5), first_start)
    first_start = sign.start() if sign is not None else first_start  # v112: rose from $500 to $600 (the sign first)
    if _CHANGE_BEFORE.search(text, max(0, first_start - 48), first_start):  # v25: near it only (linear)
        return True
    if mark in _MINUS_MARKS and (
        _EQUALS_BEFORE.search(text, max(0, first_start - 8), first_start) or _EQUALS_AFTER.match(text, second_end)
    ):
        return True
    return mark == "-" and first_start > 0 and text[first_start - 1].isascii() and text[first_start - 1].isalpha()


# A percentage range written with 百分之 (v9): 百分之二十到百分之三十, 百分之20到百分之30, 20%至百分之三十 - and, when
# the first end is written with 百分之, a second end without a sign or unit (百分之二十至三十, 百分之20-30).
_SPOKEN_PERCENT_RANGE_AFTER = re.compile(
    f" ?(?P<mark>{_MARK_BEFORE_AN_END}) ?(?:(?P<spoken>百分之) ?)?"
    f"(?P<b>[0-9]+(?:\\.[0-9]+)?|[{CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?)(?![0-9.{CN_CHARS}])"
)
# what makes a bare second end a count of something else (百分之二十到三十个, 百分之20到30人), not a percentage
_UNIT_AFTER_A_BARE_END = re.compile(" ?[元个月年天周人次笔台份倍分秒时岁号家项名位件条a-z%]")


# v10: a range's second end may go without the unit that its first end has (20%到30, 3天到5, 20% to 30): a bare number,
# nothing after it that makes it a count of something else (20%到30个, 3天到5月底, 20%到30万元, 20% to 30 people).
_COUNTED_AFTER = re.compile(
    " ?(?:[多余来]?[元个月年天周人次笔台份倍分秒时岁号家项名位件条万亿千百十点小钟块米克斤度期季届轮场批张本页题级"
    "层楼栋辆吨]"
    "|[0-9a-z%$¥/])"
)


def bare_end(text: str, pos: int) -> bool:
    """The number that ends at `pos` has no unit after it (v10): 30 in 20%到30的, not in 20%到30个."""
    return _COUNTED_AFTER.match(text, pos) is None


def _spoken_percent_range(text: str, start: int, end: int) -> re.Match[str] | None:
    """The other end of a range that goes on from the point's percentage to one written with 百分之, or, after a
    first end written with it, to a bare number (百分之二十至三十) (v9)."""
    after = _SPOKEN_PERCENT_RANGE_AFTER.match(text, end)
    if after is None or after.group("spoken") is not None:
        return after
    if not text.startswith("百分之", start) or _UNIT_AFTER_A_BARE_END.match(text, after.end()):
        return None
    return after


# v76: a range's other end said about its number (十几到二十个月, 10多个月到20个月, 10余至20个月, 十来个月, 10%多到20%,
# "10-odd to 20 months", 20个月到30余个月) or with a half of its unit (一年半到二十个月, 1年半到20个月, 1个半月到2个月):
# the words are read off the unit, the half added to the number, so that the pair is compared as any range's ends -
# v75 took 几 / 多 / 余 / 来 / 年半 for a unit of another kind and credited the point at the range's end.
_ABOUT_ITS_NUMBER = re.compile("[几多余来]|-odd(?![a-z])| odd(?![a-z])|\\+")  # matched at an end's number
_ABOUT_AFTER_ITS_UNIT = re.compile("(?<=[%年月天周时])[多余]$")
_HALF_IN_A_UNIT = re.compile("^(?:年半|个半(?=月|小时|钟头))")
_ABOUT_INSIDE_A_UNIT = re.compile("^个[多余](?=月|小时|钟头)")


def _unit_of_an_end(unit: str) -> tuple[str, Decimal]:
    """A range end's unit without the words about its number (v76: 多个月 -> 个月, 年半 -> 年, %多 -> %) and the half
    its unit adds (0.5 for 年半 and 个半月)."""
    about = _ABOUT_ITS_NUMBER.match(unit)
    unit = _ABOUT_AFTER_ITS_UNIT.sub("", unit if about is None else unit[about.end() :])
    unit = unit.removesuffix("-")  # a suspended hyphen: 15- to 20-month
    unit = _ABOUT_INSIDE_A_UNIT.sub("个", unit)  # v115: 15个多月到20个月
    half = _HALF_IN_A_UNIT.match(unit)
    if half is None:
        return unit, Decimal(0)
    return ("年" if half.group() == "年半" else "个") + unit[half.end() :], Decimal("0.5")


def _range_starts_here(text: str, start: int, end: int, pattern: str) -> bool:
    """The answer goes on from the point's quantity to another one of the same unit (20个月至30个月)."""
    unit = _range_unit(pattern)
    if unit is not None and _BETWEEN_START.search(text, max(0, start - 8), start) and _AND_A_NUMBER.match(text, end):
        return True  # v14: between 3 days and 5 days
    spoken = _spoken_percent_range(text, start, end) if unit == "%" else None
    if spoken is not None:
        point = _point_number(pattern)
        if point is not None and _goes_down((point.value, True), _value(spoken.group("b"), None), point):
            return False  # 百分之三十到百分之二十: a change
        return not _not_a_range(text, start, spoken.group("mark").strip(), spoken.end())
    after = _RANGE_AFTER.match(text, end) if unit is not None else None
    if after is None and unit is not None and (label := LABEL_OF_AN_END.match(text, end)) is not None:
        after = _RANGE_AFTER.match(text, label.end())  # v87: 20个月（乐观）至30个月
    if unit is None or after is None:
        return False
    rest = after.end() + (1 if text[after.end() : after.end() + 1] == " " else 0)
    about = _ABOUT_ITS_NUMBER.match(text, rest)  # v76: 20个月到30余个月
    rest = rest if about is None else about.end() + (1 if text[about.end() : about.end() + 1] == " " else 0)
    other_unit = _other_end_unit(text, rest, unit, after.group("b"))
    if other_unit is None and (after.group("scale") or not bare_end(text, after.end())):
        return False  # 20%到30个: no range (v10: 20%到30 is one)
    point = _point_number(pattern)
    second = _value(after.group("b"), after.group("scale"))
    if point is not None and _goes_down((point.value, True), second, point, _sizes(unit, other_unit)):
        return False
    second_end = after.end() if other_unit is None else rest + len(other_unit)
    return not _not_a_range(text, start, after.group("mark").strip(), second_end)


# v77: an interval in square brackets ([15%, 20%], 【18个月，20个月】): either end is no value of its own
_INTERVAL_OPENED = re.compile(r"[\[【] ?$")
_INTERVAL_FROM = re.compile(r"[\[【] ?[0-9]+(?:\.[0-9]+)?[^,，;\]】\[【]{0,8}?[,，;] ?$")
_INTERVAL_TO = re.compile(r" ?[,，;] ?[0-9]+(?:\.[0-9]+)?[^,，;\]】\[【]{0,8}?[\]】)]")
_INTERVAL_CLOSED = re.compile(r" ?[\]】)]")


def _an_end_of_an_interval(text: str, start: int, end: int) -> bool:
    """The quantity at text[start:end] is an end of an interval in square brackets (v77)."""
    if _INTERVAL_OPENED.search(text, max(0, start - 2), start) and _INTERVAL_TO.match(text, end):
        return True
    opened = _INTERVAL_FROM.search(text, max(0, start - 24), start)
    return opened is not None and _INTERVAL_CLOSED.match(text, end) is not None


# v104: a point with no unit of its own (the bare 4300 of 4300人, 860万 of 860万元) ends a range in the unit the answer
# gives it - after the point (4000至4300人), or after the range's other end (4300-4500人, 5800亿至6000亿元): v103
# credited those, as the point's unit was all that a range was read in
_ANSWER_UNIT = f"(?P<unit>(?:[^\x00-\u2fff{CN_CHARS}或和与及至到、，。；：！？（）]|个[^\x00-\u2fff]){{1,2}})"
_UNIT_RIGHT_AFTER = re.compile(_ANSWER_UNIT)
_UNIT_AFTER_THE_OTHER_END = re.compile(
    f" ?(?:{_MARK_BEFORE_AN_END}) ?(?:[0-9]+(?:[.,][0-9]+)*|[{CN_CHARS}]+){_SCALE_OF_AN_END} ?{_ANSWER_UNIT}"
)


def _a_bare_end_of_a_range(text: str, start: int, end: int, pattern: str) -> bool:
    """v104: the unit-less point at text[start:end] ends a range in the unit the answer writes (4000至4300人)."""
    if _UNIT_AFTER_NUMBER.search(pattern) is not None or pattern[-1:] not in NUMERAL_CHARS:
        return False
    right_after = _UNIT_RIGHT_AFTER.match(text, end)
    unit = right_after or _UNIT_AFTER_THE_OTHER_END.match(text, end)
    if unit is None:
        return False
    with_unit = pattern + unit.group("unit")
    if _range_unit(with_unit) is None:
        return False  # a year or a date (1997年): v16 reads those
    return an_end_of_a_range(text, start, end if right_after is None else right_after.end(), with_unit)


def an_end_of_a_range(text: str, start: int, end: int, pattern: str) -> bool:
    """The quantity at text[start:end] starts or ends a range (20个月至30个月, 12到20个月; v76: a rate's amount with
    its period, 3750元/月到5000元/月, read by `rates`; v77: an interval, [15%, 20%])."""
    return (
        _range_starts_here(text, start, end, pattern)
        or _range_ends_here(text, start, end, pattern)
        or _an_end_of_an_interval(text, start, end)
    )


def _unlabelled_unit(m: re.Match[str]) -> str:
    """The unit after a range's first end, without the end's label (v87: 20个月（乐观）至30个月 - 个月)."""
    labelled = LABEL_OF_AN_END.search(m.group("unit"))
    return m.group("unit")[: labelled.start() if labelled else None].strip()


def _range_ends_here(text: str, start: int, end: int, pattern: str) -> bool:
    """The point's quantity ends a range that a number starts, with the same unit, part of it or none after that
    number (12到20个月, 10万至20万元, 30%~50%, 10-20个月, between 12 and 20 months)."""
    unit = _range_unit(pattern)
    if unit is None or pattern[:1] not in NUMERAL_CHARS:
        return False
    offset = max(0, start - 40)
    before = text[offset:start]
    m = _RANGE_BEFORE.search(before) or _LABELLED_RANGE_BEFORE.search(text, max(0, start - 56), start)  # v87
    if m is not None and m.re is _LABELLED_RANGE_BEFORE:
        offset = 0  # searched in `text` itself: its positions are the text's
    if m is None:
        between = _BETWEEN_BEFORE.search(before)
        return between is not None and unit.startswith(_percent_sign(between.group("unit").strip()))
    other_unit, half = _unit_of_an_end(_unlabelled_unit(m))
    other_unit = _percent_sign(other_unit.strip())
    same = unit.startswith(other_unit) or (classifier_twin(unit) or "").startswith(other_unit)
    written = _UNIT_AFTER_NUMBER.search(text, start, end)  # v115: 900多万元到1200万元港币 - the unit as written
    same = same or (written is not None and written.group("unit").startswith(other_unit))
    if not same and not (unit in _DURATIONS and _a_duration(other_unit, m.group("a"))):
        return False  # as the point's unit (万元 -> 元), its classifier twin (2个小时至3小时) or (v14) one of time
    point = _point_number(pattern)
    first = _value(m.group("a"), m.group("scale"))
    if first is not None and half:
        first = (first[0] + half, first[1])
    if point is not None and _goes_down(first, (point.value, True), point, _sizes(other_unit, unit)):
        return False
    return not _not_a_range(text, offset + m.start("a"), m.group("mark"), end)


# v76: a change that reaches a range (回本周期从20个月缩短至11到14个月, ROI由15%提升到15%到20%,
# ROI从第二年起可达15%到20%, "rose from 15% to 15-20%"): the range's first end stands after the change's 到 / 至 / 为,
# not right after its 从 / 由 / from (ROI从15%到20%, ROI从15%提升到20% are a change whose first figure is where it
# started)
_FROM_BEFORE = re.compile("(?:从|由|(?<![a-z])from) ?$")


_A_FIGURE = re.compile(f"(?:[0-9]+(?:[.,][0-9]+)*|[{CN_CHARS}]+)(?:[万亿千百十]{{1,2}})? ?")


def a_range_ends_the_gap(text: str, gap_start: int, pos: int) -> bool:
    """What stands between a subject and its figure at `pos` (a change that reaches it, v38) ends with the first end
    of a range the figure ends - a number with the figure's unit or none (15%到, 11到, 11多个月到) - and that first
    end is not where the change started (v76)."""
    m = _RANGE_BEFORE.search(text, max(gap_start, pos - 40), pos) or _LABELLED_RANGE_BEFORE.search(
        text, max(gap_start, pos - 56), pos
    )  # v87: 提升到15%（乐观）到20%
    if m is None or _FROM_BEFORE.search(text, gap_start, m.start("a")) is not None:
        return False
    unit = _percent_sign(_unit_of_an_end(_unlabelled_unit(m))[0].strip())
    figure = _A_FIGURE.match(text, pos)
    return not unit or (figure is not None and _percent_sign(text[figure.end() : figure.end() + 9]).startswith(unit))


# v16: a range of years said to hold the figure somewhere in it - (之)间, 左右 or 前后 after it, a hedge or 介于 before
# it (成立于1997-1998年间, 1997年到1998年之间, 大约在1997至1998年, 介于1997年和1998年) - states neither year; a
# period (2008年—2018年：就职于…, 2020年至2023年合作, 2024-2025年) keeps both ends, as it has since v7.
_YEAR_POINT = re.compile(r"(?<![0-9])[0-9]{4} ?年$")
_YEAR_MARK = "-|–|—(?!—)|~|〜|至|到|和|与"
_YEAR_RANGE_FROM = re.compile(rf"(?: ?年)? ?(?:{_YEAR_MARK}) ?[0-9]{{4}}(?: ?年)?")
_YEAR_RANGE_TO = re.compile(rf"(?<![0-9])[0-9]{{4}}(?: ?年)? ?(?:{_YEAR_MARK}) ?$")
_AFTER_A_HEDGED_RANGE = re.compile(" ?(?:之间|间(?![隔断])|左右|前后)")
_BEFORE_A_HEDGED_RANGE = re.compile(
    "(?:约|大约|大概|大致|估计|可能|或许|也许|介于|(?<![a-z])(?:about|around|roughly|between)) ?(?:在|是|为|于)? ?$"
)


def _year_range_around(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The range of years that the year at text[start:end] starts or ends: its span and its mark, else None."""
    after = _YEAR_RANGE_FROM.match(text, end - 1 if text[end - 1 : end] == "年" else end)
    if after is not None:
        return start, after.end(), after.group()
    before = _YEAR_RANGE_TO.search(text, max(0, start - 12), start)
    return None if before is None else (before.start(), end, before.group())


def _in_a_hedged_year_range(text: str, start: int, end: int) -> bool:
    """The year at text[start:end] is an end of a range of years that the answer hedges (v16)."""
    found = _year_range_around(text, start, end)
    if found is None:
        return False
    range_start, range_end, joined = found
    hedge_after = _AFTER_A_HEDGED_RANGE.match(text, range_end)
    if "和" in joined or "与" in joined:  # 1997年和1998年: two years; 介于1997年和1998年之间: a range
        return hedge_after is not None and hedge_after.group().strip() == "之间"
    hedge_before = _BEFORE_A_HEDGED_RANGE.search(text, max(0, range_start - 8), range_start)
    return hedge_after is not None or hedge_before is not None


# English: "one year and a half" is not "one year"; "twenty-first" is not "first", "thirty-one" not "one".
_EN_UNIT_END = re.compile(
    r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|miles?|dollars?|times|cups?|pounds?|inch(?:es)?"
    r"|feet|foot|meters?|metres?|kilometers?|kilometres?|kilos?|kilograms?|liters?|litres?|points?|percent)$"
)
_EN_HALF_AFTER = re.compile(r" and (?:a|one) half(?![a-z-])")
# v27: "quarter(s) of" is a fraction, no duration (one quarter of customers, two quarters of the budget)
_EN_QUARTER_END = re.compile(r"(?<![a-z])quarters?$")
_OF_AFTER = re.compile(r" of(?![a-z])")
_EN_UNITS_WORD = re.compile(
    r"^(?:one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"(?![a-z])"
)
_EN_TENS_BEFORE = re.compile(r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]$")
_EN_NUMBER = "|".join([*EN_ONES, *EN_TEENS, *EN_TENS, "hundred", "thousand", "million", "billion"])
# "one hundred twenty months" is not "twenty months"; "two million five hundred thousand" is not "two million"
_EN_NUMBER_START = re.compile(f"^(?:{_EN_NUMBER})(?![a-z])")
_EN_SCALE_BEFORE = re.compile(f"(?<![a-z])(?:{_EN_NUMBER}|a) (?:hundred|thousand|million|billion)(?: and)? $")
_EN_SCALE = "hundred|thousand|million|billion"
# "one hundred" in one hundred and twenty; "twenty" in twenty thousand - not "one" in "phase one and two"
_EN_SCALE_END = re.compile(f"(?<![a-z])(?:{_EN_SCALE})$")
# after a scale word a number goes on with "and", after "hundred" with any number word, after the others with two
# (two million five hundred): "3 million one year after launch" is not a longer number
_EN_NUMBER_AFTER_SCALE = re.compile(
    f" and (?:{_EN_NUMBER})(?![a-z-])|(?<=hundred) (?:{_EN_NUMBER})(?![a-z-])|"
    f" (?:{_EN_NUMBER}) (?:{_EN_NUMBER})(?![a-z-])"
)
_EN_NUMBER_END = re.compile(f"(?<![a-z])(?:{_EN_NUMBER})$")
_EN_SCALE_AFTER = re.compile(f" (?:{_EN_SCALE})(?![a-z])")
# two hours and thirty minutes, one year and three months: English number words, then a smaller unit as a word
_RUN_OF_EN_NUMBERS = re.compile(f" (?:and )?(?:(?:{_EN_NUMBER})(?:[- ]|$))+")


# A unit that the answer goes on into a longer one measures something else: 27个 is not in 27个月, 20分 not in 20分钟,
# 50人 not in 50人次 or (v7) the units of effort 50人天, 50人日, 50人月, 50人年, 3周 not in 3周年, 3年 not in 3年级 or
# 90年代, 2次 not in 2次方, 20个月 not in 20个月份 (v7).
_LONGER_UNITS = {
    "个": ("月", "小时", "钟头", "星期", "礼拜", "工作日", "季度", "百分点"),
    "个月": ("份",),
    "分": ("钟",),
    # person-days and rates of people: 50人天, 50人·月, 50人/月 (v7); v25: and /年, /周
    "人": ("次", "天", "日", "月", "年", *(mark + unit for mark in "·・/" for unit in "天日月年"), "/周"),
    "周": ("年", "岁"),
    "年": ("级", "代"),
    "次": ("方",),
}


# Continuations that also start everyday words (方案, 代理, 次年, 年底, 月薪, 天天, 日常, 份额), per unit: they go on
# the unit unless jieba starts a word of two or more characters with them there (3次方案评审, 2020年代理商,
# 50人年底到位; not 约50人|月, which is 人月).
_MAY_START_A_WORD = {"人": frozenset("次天日月年"), "个月": frozenset("份"), "周": frozenset("岁")}
_MAY_START_A_WORD |= {"年": frozenset("级代"), "次": frozenset("方")}

# A unit that runs on into a word names something else (v9): 20人民币 is money, not 20人; 3天线 are antennas and
# 3天然气 gas, not 3天. Where jieba starts a word of two or more characters with the unit there - not in 3天线上培训
# (online), 3天然后 (then) or 20人民主评议, whose unit stays.
_UNIT_RUNS_INTO_A_WORD = {"人": re.compile("民"), "天": re.compile("线(?![上下路])|然(?!后)")}
# A point in 元 (renminbi) is not a figure the answer goes on to name in another currency (v9): 1200万元港币,
# 1200万元（港币）, 1200万元新台币 and 1200万元美金 are no 1200万元, as 1200万日元 and 1200万美元 never were;
# 1200万元人民币 and 1200万元(RMB) are.
_FOREIGN_CURRENCIES = (
    "(?:港币|港元|新台币|台币|澳门币|澳币|美金|美元|日元|欧元|英镑|韩元|澳元|加元|卢布"
    "|hkd|usd|jpy|eur|gbp|twd|mop|krw|aud|cad|sgd)(?![a-z])"
)
# the currency right after 元 (one space at most, then no more text of its phrase: 1200万元港币, 1200万元 HKD。) or a
# bracket that holds only it (1200万元（港币）) - not an aside about another amount (1200万元（港币约1300万）,
# 1200万元(港币部分另计)) nor the next line (合同金额：1200万元\n美金部分：另计)
_FOREIGN_CURRENCY_AFTER_YUAN = re.compile(
    f"(?: ?{_FOREIGN_CURRENCIES}(?![\u4e00-\u9fff])| ?\\( ?{_FOREIGN_CURRENCIES} ?\\))"
)
_FOREIGN_YUAN = ("美元", "港元", "日元", "欧元", "韩元", "澳元", "加元")


# v113: a rate (5000元/月, 500元/人, 5000元每月, $500 per month) that the answer goes on to give per something else
# too (5000元/月/人, 5000元/月每台, $500 per month per user) is no rate per the point's one alone - as 50人/月 is no
# 50人 (v7)
_A_RATE_AT_THE_END = re.compile(r"(?:/ ?|每个?|(?<![a-z])per )[\u4e00-\u9fffa-z]{1,8}$")
_PER_ANOTHER_AFTER = re.compile(
    r" ?(?:/ ?(?:人|位|名|用户|席位|座席|坐席|账号|台|次|月|年|天|日|周"
    r"|person|head|user|seat|device|month|year|day|week)(?![a-z])|每(?:人|位|名|个?用户|个?席位|个?账号|台|次|个?月|年|天|日|周)"
    r"| (?:per|a|each) (?:person|head|user|seat|licen[cs]e|device|month|year|day|week)(?![a-z]))"
)


def _unit_runs_on(text: str, end: int, pattern: str) -> bool:
    """The answer goes on from the point's unit into a word (20人民币, 3天线) or, after 元, into another currency
    (1200万元港币) (v9), or from a rate into a rate per something else too (5000元/月/人: v113)."""
    if pattern.endswith("元") and not pattern.endswith(_FOREIGN_YUAN) and _FOREIGN_CURRENCY_AFTER_YUAN.match(text, end):
        return True
    if _A_RATE_AT_THE_END.search(pattern) and _PER_ANOTHER_AFTER.match(text, end):
        return True
    runs_into = _UNIT_RUNS_INTO_A_WORD.get(pattern[-1:])
    if runs_into is None or pattern[-2:-1] not in NUMERAL_CHARS or not runs_into.match(text, end):
        return False
    return len(words_at(text).get(end - 1, "")) >= 2


_POINT_NUMBER_FIRST = re.compile(f"[0-9{CN_CHARS}]+(?:\\.[0-9]+)? ?")
_LARGER_BEFORE = {
    unit: re.compile(
        f"(?:(?<![0-9.{CN_CHARS}每第])(?:[0-9]+|[{CN_CHARS}]+)|(?<![a-z])(?:{_EN_NUMBER}|an?))"  # not 1.5年 8个月
        f" ?个?(?P<larger>{'|'.join(sorted(larger, key=len, reverse=True))}) ?(?:又|零|and )? ?$"  # 1个小时30分钟
    )
    for unit, larger in _LARGER_UNITS.items()
}


def _second_part_of_a_quantity(text: str, start: int, pattern: str) -> bool:
    """The point starts with a quantity (8个月, 30 minutes) whose number the answer writes right after a larger unit's
    number and unit: 1年8个月, 1年又8个月, 一年八个月, 2 hours 30 minutes, 1 year and 8 months (v9)."""
    number = _POINT_NUMBER_FIRST.match(pattern)
    if number is None or start == 0:
        return False
    rest = pattern[number.end() :]
    for unit in _POINT_UNIT_FIRST:
        if unit.isascii():
            if not re.match(f"{unit}s?(?![a-z])", rest):
                continue
        elif not rest.startswith(unit):
            continue
        before = _LARGER_BEFORE[unit].search(text, max(0, start - 24), start)
        return before is not None and _remainder(number.group(), before.group("larger"), unit)  # v10: not 一年12个月
    return False


# v18: a half of a unit of time (半年, 半小时) is no duration where it names a part of a calendar (上半年, 下半年,
# 前半小时) or a report (半年报, 半年度)
def _a_half_of_a_date(text: str, start: int, end: int, pattern: str) -> bool:
    """A bare half (半年, 半小时) that is part of another word: 上半年, 半年报, 大半年 (v18, v25)."""
    if pattern not in _HALF_WORDS:
        return False
    # v25: and 大半年 (most of a year: more than half), 多半 (probably: 多半年底完成), 半年底 / 半年末 (年底 after 半)
    return (start > 0 and text[start - 1] in "上下前后大多") or (end < len(text) and text[end] in "度报底末初")


# v18: weeks then days and days then hours are one duration after a count above one (2周3天, 3天12小时: not 2周 nor
# 3天); after one they may be a rate (一周5天, 一天8小时), which keeps its first quantity as before
_COMPOUND_AFTER_MANY = {"周": ("天",), "星期": ("天",), "天": ("小时", "个小时")}
_PER_COMPOUND = {"周": 7, "星期": 7, "天": 24}


def _compound_after_many(text: str, end: int, pattern: str) -> bool:
    unit = next((unit for unit in _COMPOUND_AFTER_MANY if pattern.endswith(unit)), None)
    numbers = find_numbers_cached(pattern, NumberForms(chinese=True)) if unit is not None else ()
    run = _RUN_OF_NUMERALS.match(text, end) if numbers and numbers[-1].value != 1 else None
    if unit is None or run is None or not text.startswith(_COMPOUND_AFTER_MANY[unit], run.end()):
        return False
    value = _numeral_value(run.group().strip(" 又and"))
    return value is not None and value < _PER_COMPOUND[unit]


def _quantity_edge_ok(text: str, start: int, end: int, pattern: str) -> bool:
    """A key point that is a quantity (一年, 3点, 2小时, 半小时) is not the first part of a longer quantity in the
    answer: a half after it (一年半, 3点半), a number before its half (两个半小时), or a smaller unit's number after
    it (3点15分, 三点五, 2小时30分钟)."""
    if _a_half_of_a_date(text, start, end, pattern):
        return False  # v18: 上半年, 下半年, 半年报 are no six months
    if _compound_after_many(text, end, pattern):
        return False  # v18: 2周 in 2周3天, 3天 in 3天12小时
    half_year = pattern.endswith("年") and text.startswith("半年", end)  # 2024年半年报: a half-year report
    if text.startswith("半", end) and _BEFORE_HALF.search(pattern) and not pattern.endswith("半") and not half_year:
        return False
    if _EN_UNIT_END.search(pattern) and _EN_HALF_AFTER.match(text, end):
        return False
    if _EN_QUARTER_END.search(pattern) and _OF_AFTER.match(text, end):
        return False  # one quarter of customers is a fraction (v27)
    if _EN_UNITS_WORD.match(pattern) and _EN_TENS_BEFORE.search(text, max(0, start - 12), start):
        return False
    if _EN_NUMBER_START.match(pattern) and _EN_SCALE_BEFORE.search(text, max(0, start - 40), start):
        return False  # one hundred twenty months
    if _EN_SCALE_END.search(pattern) and not re.search("[0-9]", pattern) and _EN_NUMBER_AFTER_SCALE.match(text, end):
        return False  # "two million" in two million five hundred thousand, "one hundred" in one hundred and twenty
    if _EN_NUMBER_END.search(pattern) and _EN_SCALE_AFTER.match(text, end):
        return False  # "twenty" in twenty thousand
    en_unit = _EN_UNIT_END.search(pattern)
    if en_unit is not None:
        words = _RUN_OF_EN_NUMBERS.match(text, end)
        smaller_en = _SMALLER_UNITS.get(en_unit.group(0), ())
        if words is not None and any(_word_at(text, words.end(), next_unit) for next_unit in smaller_en):
            return False  # two hours and thirty minutes (not: and a monthly fee)
    if start > 1 and _HALF_AND_UNIT.match(pattern) and text[start - 1] == "个" and text[start - 2] in NUMERAL_CHARS:
        return False  # 两个半小时, 1个半月 (not 2024半年报: a number right before 半 is no half of it)
    if _second_part_of_a_quantity(text, start, pattern):
        return False  # 8个月 in 1年8个月, 30 minutes in 2 hours 30 minutes (v9)
    if any(char in NUMERAL_CHARS for char in pattern):
        unit = next((unit for unit in _LONGER_UNITS if pattern.endswith(unit)), "")
        going_on = next((longer for longer in _LONGER_UNITS.get(unit, ()) if text.startswith(longer, end)), None)
        may_start_a_word = going_on in _MAY_START_A_WORD.get(unit, ())
        if going_on is not None and (not may_start_a_word or len(words_at(text).get(end, "")) < 2):
            return False  # 27个月, 2次方, 90年代 - but 3次方案评审, 2020年代理商: jieba starts the next word there
        if _unit_runs_on(text, end, pattern):
            return False  # 20人民币, 3天线, 1200万元港币 (v9)
        if an_end_of_a_range(text, start, end, pattern) or _a_bare_end_of_a_range(text, start, end, pattern):
            return False
        if _YEAR_POINT.search(pattern) and _in_a_hedged_year_range(text, start, end):
            return False  # v16: 成立于1997-1998年间, 大约在1997至1998年 - somewhere in the range, not the year
        if pattern.endswith("点") and end < len(text) and text[end] in NUMERAL_CHARS:
            return False  # 3点15 (a time), 三点五 (a decimal); 3点 15分 below
        for unit, smaller in _SMALLER_UNITS.items():
            if pattern.endswith(unit):
                run = _RUN_OF_NUMERALS.match(text, end)
                if run is not None and any(text.startswith(next_unit, run.end()) for next_unit in smaller):
                    return False
    return True


def _word_at(text: str, pos: int, word: str) -> bool:
    """`word` (or its plural) stands at `pos` as a whole word: minute in "minutes", not in "minimum"."""
    return text.startswith(word, pos) and _word_edge_ok(text, pos, pos + len(word), word)


def _letter(char: str) -> bool:
    """A letter of a script written with spaces between words: Latin (with Vietnamese), Greek, Cyrillic, Hebrew,
    Arabic, Indic; not CJK, nor Thai, Lao, Tibetan, Myanmar or Khmer (written without spaces)."""
    code = ord(char)
    return char.isalpha() and (code < 0x0E00 or 0x1E00 <= code < 0x2000)


def _word_edge_ok(text: str, start: int, end: int, pattern: str) -> bool:
    """A key point that starts (ends) with a letter is not a piece of a longer word in the answer: SQL is not in
    MySQL, IP not in SHIP, A类 not in AA类. An English plural may follow (GPUs for GPU) and digits may touch it
    (Qwen in Qwen3, Q3 in 2024Q3); CJK text around it is no boundary to ask for."""
    if pattern and _letter(pattern[0]) and start > 0 and _letter(text[start - 1]):
        return False
    if pattern and _letter(pattern[-1]) and end < len(text) and _letter(text[end]):
        plural = 2 if text.startswith("es", end) else 1 if text[end] == "s" else 0
        if not plural or (end + plural < len(text) and _letter(text[end + plural])):
            return False
    return True


def edges_ok(text: str, start: int, end: int, pattern: str) -> bool:
    """The match is the key point itself, not a piece of a longer number or word."""
    return (
        _numeral_edge_ok(text, start, end, pattern)
        and _word_edge_ok(text, start, end, pattern)
        and _quantity_edge_ok(text, start, end, pattern)
        and not an_end_of_a_money_range(text, start, end)
        and not _another_dollar_or_yen(text, start, end, pattern)
        and not in_a_longer_name(text, start, end, pattern)  # v92: 刘敏 is not in 刘敏华
        and not in_a_streets_name(text, start, end, pattern)  # v95: 苏州 is not in 苏州河
        and not in_an_institutions_name(text, start, end, pattern)  # v104: 宁波 is not in 宁波银行
        and not across_other_words(text, start, end, pattern)  # v104: 等保 is not in 等保险
    )


# v34: a point written with $ (or ¥) is not an amount the answer gives in another dollar (or yen): a letter before
# the sign names its country (HK$, NT$, S$, C$, A$, AU$, NZ$, R$, JP¥ - not US$, CN¥), and so does a currency code
# right after the amount ($500 SGD, $1.2 million (CAD) - not USD, nor a word: $500 a seat). The currency before the
# number has read the letters so since v7 (HK$200万 is no 200万美元); a point written "$1.2 million" had been matched
# as its text, and HK$1.2 million credited it.
_OWN_SIGN = {"$": ("us",), "¥": ("cn", "rmb")}
_LETTERS_BEFORE = re.compile("[a-z]+$")
_OTHER_CODE_AFTER = re.compile(r" ?\(? ?(?:hkd|twd|ntd|sgd|aud|cad|nzd|mxn|brl|jpy|cny|rmb|usd)(?![a-z])")


def _another_dollar_or_yen(text: str, start: int, end: int, pattern: str) -> bool:
    own = _OWN_SIGN.get(pattern[:1])
    if own is None:
        return False
    letters = _LETTERS_BEFORE.search(text, max(0, start - 4), start)
    if letters is not None and letters.group() not in own:
        return True
    code = _OTHER_CODE_AFTER.match(text, end)
    if code is None:
        return False
    named = code.group().strip(" (")
    return named not in (("usd",) if pattern[0] == "$" else ("cny", "rmb"))


# v25: an amount written with its currency before it ($500, ¥1200万) is no answer as an end of a range of amounts
# ($500-$600, $500 - 600, ¥1200万-¥1500万, $500 to $600), as 20个月至30个月 holds no 20个月 (the unit after the number
# had been the only one a range was looked for with), unless a verb of change makes it one (rose from $500 to $600)
_CURRENCY_START = re.compile(f"(?:{ANY_SIGN_AT})")  # v113: every currency's
_SIGN_BEFORE_A_FIGURE = re.compile(rf"{_CURRENCY_START.pattern} ?$")
_MONEY_RANGE_MARK = r"(?:-|–|—(?!—)|~|至|到|to(?![a-z]))"
_MONEY_RANGE_AFTER = re.compile(rf" ?{_MONEY_RANGE_MARK} ?(?:{_CURRENCY_START.pattern})? ?[0-9]")
_MONEY_RANGE_BEFORE = re.compile(
    rf"{_CURRENCY_START.pattern} ?[0-9][0-9,.]*(?: ?(?:[kmb]|mn|bn|million|billion|thousand|[万亿千]{{1,2}})(?![a-z]))?"
    rf" ?{_MONEY_RANGE_MARK} ?$"
)


def an_end_of_a_money_range(text: str, start: int, end: int) -> bool:
    if not _CURRENCY_START.match(text, start):
        return False
    before = (
        None if _MONEY_RANGE_AFTER.match(text, end) else _MONEY_RANGE_BEFORE.search(text, max(0, start - 32), start)
    )
    if before is None and _MONEY_RANGE_AFTER.match(text, end) is None:
        return False
    first = start if before is None else before.start()
    return _CHANGE_BEFORE.search(text, max(0, first - 48), first) is None  # rose from $500 to $600: a change


# A time unit that may take the classifier 个 or go without it (v9): 2小时 is 2个小时, 3个工作日 is 3工作日 - not 个月
# (20月 is no 20个月) nor 季度 (3季度 is the third quarter).
CLASSIFIED_UNITS = ("小时", "钟头", "星期", "礼拜", "工作日")


def classifier_twin(piece: str) -> str | None:
    """The piece with 个 before its time unit when it has none, or without it when it has (小时 <-> 个小时); else
    None."""
    if piece.startswith(CLASSIFIED_UNITS):
        return "个" + piece
    if piece.startswith("个") and piece[1:].startswith(CLASSIFIED_UNITS):
        return piece[1:]
    return None


EN_UNIT_OF_TIME = {"year": "年", "month": "个月", "week": "周", "day": "天", "hour": "小时", "minute": "分钟"}
EN_UNIT_OF_TIME |= {"second": "秒", "quarter": "个季度"}
UNIT_IN_ENGLISH = {unit: word for word, unit in EN_UNIT_OF_TIME.items()}
COMPOUNDS = (("年", "个月"), ("小时", "分钟"), ("分钟", "秒"))
BARE_HALVES = {"年": ("半年",), "小时": ("半小时", "半个小时", "半个钟头"), "分钟": ("半分钟",)}
BARE_HALVES |= {"个月": ("半个月",)}  # v47: 半个月 is 0.5个月 (and no 15天: a month is no number of days, v18)
_HALF_WORDS = frozenset(half for halves in BARE_HALVES.values() for half in halves)  # see `_a_half_of_a_date`


# what stands between the two numbers of a compound (1年8个月, 1 year and 8 months), as a pattern's piece holds it
COMPOUND_JOINTS = frozenset(
    f"{name}{joint}"
    for larger, _ in COMPOUNDS
    for name, joints in (
        (larger, ("", "零", "又")),
        (UNIT_IN_ENGLISH[larger], ("", " and")),
        (UNIT_IN_ENGLISH[larger] + "s", ("", " and")),
    )
    for joint in joints
)
