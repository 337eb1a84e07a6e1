"""A date point's date in its other spellings: ISO dates, English month names, quarters - and (v78) in the other
language, so that a date is one date whichever language the answer writes it in.

v26: a point that is a year, a month of a year, a quarter or a fiscal year is stated by the other ways of writing a
date in it: a year point (2024年, 1997年) by an ISO date in that year, with dashes or slashes (2024-06, 2024-06-15,
1997/3/15), as a month point is since v15 (2024年6月 for 2024-06); an English month (March 2024) by its abbreviation,
a day in it or an ISO date (Mar 2024, Mar. 2024, March 15, 2024, March of 2024, 2024-03-15); a quarter (Q3 2024) by
2024 Q3, Q3-2024, 3Q 2024, Q3 of 2024, the third quarter of 2024; a fiscal year (FY2023) by fiscal year 2023, fiscal
2023. An ISO date has a valid month and day and is no part of a longer run of digits and dashes (版本号2024-0615-88,
工单2024-06-15-001, 010-2024-06) nor of a code (v2024-06).

v78: v26 read a Chinese date only in Chinese and an English one only in English, so 2025年6月 went missing from "the
launch is in June 2025", 2024年 from "founded in 2024", 2025年第三季度 from "Q3 2025" and June 2025 from 2025年6月上线.
Now a Chinese month (2025年6月) is stated by its English name with the year (June 2025, Jun. 2025, June 15, 2025,
15 June 2025, June of 2025); a Chinese day (2025年6月15日) by the same day in English (June 15, 2025, 15th June 2025);
a Chinese year (2024年) by an English month or quarter in it (March 2024, Q3 2024, the third quarter of 2024) and by
the year after a word that makes it one (in / during / since / throughout 2024, the year 2024, early / mid / late
2024); a Chinese quarter (2025年第三季度, 2025年第3季度, 2025年三季度, 2025年Q3) by its English and Chinese spellings;
an English month (June 2025) by 2025年6月 (a day in it too) and by the day first (15 June 2025). A bare 2024 is no
year (2024 employees), nor is a fiscal year a calendar one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..numbers import NumberPattern, Pattern, RegexNumberForm, TextPattern, compile_variant

MONTHS_EN: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july", "august", "september")
MONTHS_EN += ("october", "november", "december")
_MONTH_ABBREVIATIONS = {"september": "sept?", "may": "may"}
_QUARTER_ORDINALS = {"1": "first|1st", "2": "second|2nd", "3": "third|3rd", "4": "fourth|4th"}
# v32: and in Chinese, 2024年第三季度, 2024年第3季度, 2024年三季度, 2024年Q3 (v31: missing)
_QUARTER_NUMERALS_ZH = {"1": "一", "2": "二", "3": "三", "4": "四"}
_YEAR_POINT_ONLY = re.compile(r"([0-9]{4}) ?年")
_MONTH_POINT_EN = re.compile(f"({'|'.join(MONTHS_EN)}),? ?([0-9]{{4}})")
_QUARTER_POINT = re.compile(r"q([1-4]) ?([0-9]{4})")
_FISCAL_YEAR_POINT = re.compile(r"fy ?([0-9]{4})")
_DAY = "(?:0?[1-9]|[12][0-9]|3[01])"
_MONTH = "(?:0?[1-9]|1[0-2])"
# v78: what the rules of a figure read of a date in any spelling - an English month's name or abbreviation; the words
# of an English date before its year (to August 2025, to Q3 2025: the figure is the year); a date of a month or a
# quarter (2025年6月, 2025-06, June 2025, Q3 2025, 2025年第三季度)
MONTH_EN = f"(?:{'|'.join(MONTHS_EN)}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?"
DATE_WORDS_EN = (
    f"(?:(?<![a-z]){MONTH_EN}(?: [0-9]{{1,2}}(?:st|nd|rd|th)?,?)? |(?<![a-z])q[1-4] "
    "|the (?:first|second|third|fourth) quarter of )"
)
# v82: a month or a day with dots (2025.6, 2025.06.30), as Chinese business writing has it - read as a regex of its
# digits, so that 2025.10 is October and no 2025.1 (v15 left dots out: a number form reads 2025.10 as the decimal
# 2025.1); not a decimal with a unit after it (2025.6万元, 2025.6点), nor part of a version or a longer run (v2025.6,
# 2025.6.1.3); and no year point's (2024.5 is a decimal as often as a month of 2024)
_NOT_AN_AMOUNT_AFTER = (
    r"(?![0-9]|\.[0-9]| ?(?:万|亿|千|百|元|%|‰|倍|个|点|分|美元|k(?![a-z])|m(?![a-z])|million|billion))"
)
A_DATE = re.compile(
    "(?:19|20)[0-9]{2} ?(?:年 ?(?:[0-9]{1,2} ?月|第? ?[1-4一二三四] ?季度|q[1-4])|[-/][0-9]{1,2}(?![0-9]))"
    # v82: a month with dots (2025.6), no decimal with a unit after it
    f"|(?<![0-9.])(?:19|20)[0-9]{{2}}\\.{_MONTH}(?:\\.{_DAY})?{_NOT_AN_AMOUNT_AFTER}"
    f"|{DATE_WORDS_EN}(?:19|20)[0-9]{{2}}(?![0-9])"
)
_ORDINAL_SUFFIX = "(?:st|nd|rd|th)?"
# v78: the Chinese points
_MONTH_POINT_ZH = re.compile(rf"([0-9]{{4}}) ?年 ?({_MONTH}) ?月(?: ?({_DAY}) ?[日号])?")
_QUARTER_POINT_ZH = re.compile(r"([0-9]{4}) ?年 ?(?:q ?([1-4])|(?:第 ?)?([1-4一二三四]) ?季度)")
_QUARTER_NUMBERS = {numeral: n for n, numeral in _QUARTER_NUMERALS_ZH.items()}
# a year said in English: after a word that makes the number a year (not "2024 employees", nor "before 2024": a time
# before the year - `bounds._date_bound` reads a month's or a quarter's)
_YEAR_WORDS_EN = (
    r"(?<![a-z])(?:(?:in|during|since|throughout) (?:the (?:year|calendar year) )?|the year |(?:early|mid|late)[- ])"
)


def _iso_date(year: str, month: str) -> str:
    """An ISO date in the year (and the month), with or without its day."""
    return rf"(?<![0-9a-z.\-/_]){year}(?P<sep>[-/]){month}(?:(?P=sep){_DAY})?(?![0-9a-z]|[-/.][0-9])"


def _dotted_date(year: str, month: str, day: str = _DAY) -> str:
    """The month of the year written with dots (2025.6, 2025.06), with a day of it: the given one, or (where `day` is
    the default) any or none."""
    days = rf"(?:\.{day})?" if day == _DAY else rf"\.{day}"
    return rf"(?<![0-9a-z.]){year}\.{month}{days}{_NOT_AN_AMOUNT_AFTER}"


def _month_name(name: str) -> str:
    """An English month's name or its abbreviation (Mar, Mar., Sept)."""
    return rf"(?:{name}|{_MONTH_ABBREVIATIONS.get(name, name[:3])}\.?)"


def _month_en(name: str, year: str, day: str = _DAY) -> str:
    """The month of the year in English, with a day of it (`day`) or (where `day` is the default) none: March 2024,
    Mar. 2024, March of 2024, March 15, 2024, 15 March 2024, the 15th of March, 2024."""
    month = _month_name(name)
    after = rf"(?:,| of| {_DAY}{_ORDINAL_SUFFIX},?)?" if day == _DAY else rf" {day}{_ORDINAL_SUFFIX},?"
    month_first = rf"(?<![a-z]){month}{after} ?{year}(?![0-9])"
    day_first = rf"(?<![0-9a-z]){day}{_ORDINAL_SUFFIX} (?:of )?{month},? {year}(?![0-9])"
    return f"{month_first}|{day_first}"


def _month_zh(year: str, month: int) -> str:
    """The month of the year in Chinese, with or without a day: 2025年6月, 2025年06月, 2025年6月15日."""
    return rf"(?<![0-9]){year} ?年 ?0?{month} ?月"


def _quarter(n: str, year: str) -> str:
    """The quarter of the year in English and in Chinese (Q3 2024, 2024 Q3, 3Q 2024, the third quarter of 2024,
    2024年第三季度, 2024年第3季度, 2024年三季度, 2024年Q3)."""
    return (
        rf"(?<![a-z0-9])(?:q{n}(?: of|[-/'])? ?{year}|{year} ?q{n}|{n}q ?{year}"
        rf"|(?:{_QUARTER_ORDINALS[n]}) quarter(?: of)?,? {year}"
        rf"|{year} ?年 ?(?:q{n}|(?:第 ?)?[{n}{_QUARTER_NUMERALS_ZH[n]}] ?(?:季度|季(?![节]))))(?![0-9])"
    )


def _year_en(year: str) -> str:
    """The year in English: a month or a quarter in it, or the year after a word that makes it one (v78)."""
    months = "|".join(_month_en(name, year) for name in MONTHS_EN)
    quarters = "|".join(_quarter(n, year) for n in "1234")
    return rf"{months}|{quarters}|{_YEAR_WORDS_EN}{year}(?![0-9]|[.,][0-9]| ?%)"


@lru_cache(maxsize=1024)  # `is_a_date` asks it at every number match the denial checks read: once per point
def _date_regex(point: str) -> tuple[str, str] | None:
    """The year the point names and the regex of its date's other spellings, for a point that is a date only."""
    if m := _YEAR_POINT_ONLY.fullmatch(point):
        year = m.group(1)
        return year, f"{_iso_date(year, _MONTH)}|{_year_en(year)}"  # no 2024.5: a decimal as often as a month
    if m := _MONTH_POINT_ZH.fullmatch(point):  # v78: June 2025 for 2025年6月, June 15, 2025 for 2025年6月15日
        year, number, day = m.group(1), int(m.group(2)), m.group(3)
        day_said = f"0?{int(day)}" if day else _DAY
        dotted = _dotted_date(year, f"0?{number}" if number < 10 else str(number), day_said)  # v82: 2025.6
        # v109: and the month first with a slash (3/2020, 03/2020) for a month point
        slashed = "" if day else rf"|(?<![0-9/.\-])0?{number}/{year}(?![0-9/])"
        return year, f"{_month_en(MONTHS_EN[number - 1], year, day_said)}|{dotted}{slashed}"
    if m := _MONTH_POINT_EN.fullmatch(point):
        name, year = m.groups()
        number = MONTHS_EN.index(name) + 1
        iso = _iso_date(year, f"0?{number}" if number < 10 else str(number))
        dotted = _dotted_date(year, f"0?{number}" if number < 10 else str(number))  # v82: 2025.6
        return year, f"{_month_en(name, year)}|{iso}|{_month_zh(year, number)}|{dotted}"  # v78: 15 June 2025, 2025年6月
    if m := _QUARTER_POINT.fullmatch(point):
        n, year = m.groups()
        return year, _quarter(n, year)
    if m := _QUARTER_POINT_ZH.fullmatch(point):  # v78: Q3 2025 for 2025年第三季度
        year, latin, numeral = m.groups()
        return year, _quarter(latin or _QUARTER_NUMBERS.get(numeral, numeral), year)
    if m := _FISCAL_YEAR_POINT.fullmatch(point):
        return m.group(1), rf"(?<![a-z0-9])fiscal(?: year)? {m.group(1)}(?![0-9])"
    return None


# the rest of a date whose year or month is the figure (2024年3月以后 for 2024年, 2024年3月15日后 for 2024年3月; v115:
# a quarter, a half or a part of the year - 2024年Q3以后, 从2024年第三季度推迟到…, 2024年底或2025年初 for 2024年)
_REST_OF_THE_DATE = {
    "年": re.compile(
        f" ?{_MONTH} ?月(?: ?{_DAY} ?[日号])?| ?q ?[1-4](?![0-9])| ?第? ?[1-4一二三四] ?季度| ?h[12](?![0-9])"
        "|[上下]半年|初|底|末|中(?![国文方标])"
    ),
    "月": re.compile(f" ?{_DAY} ?[日号]"),
}


def end_of_the_date(answer_norm: str, end: int) -> int:
    """Where the date whose year or month ends at `end` ends: past its month and day (2024年 in 2024年3月15日)."""
    rest = _REST_OF_THE_DATE.get(answer_norm[end - 1 : end])
    more = rest.match(answer_norm, end) if rest is not None else None
    return more.end() if more is not None else end


def is_a_date(point: str) -> bool:
    """Whether the (normalised) point is a date only (2024年, 2025年6月, March 2024, Q3 2025, FY2023)."""
    return _date_regex(point) is not None


class DateSpelling(RegexNumberForm):
    """A date point's date in its other spellings (`_date_regex`), searched where the answer names its year."""


def date_spellings(pattern: Pattern) -> list[Pattern]:
    """The other spellings of a point that is a date only, as one pattern; none for another point."""
    found = _date_regex(pattern.text) if isinstance(pattern, NumberPattern | TextPattern) else None
    if found is None:
        return []
    year, regex = found
    number = pattern if isinstance(pattern, NumberPattern) else compile_variant(year)  # fy2023 is a code: text
    if not isinstance(number, NumberPattern):
        return []
    return [DateSpelling(pattern.text, number.pieces, number.slots, number.forms, regex, year)]


# v78: a date offered as one of several dates is a guess, as a figure is (v15: 20个月或24个月): 2025年6月或2025年7月,
# June 2025 or July 2025, Q3 2025 or Q4 2025, 2025年第三季度或第四季度, 2025年6月/7月 - another date in any spelling
# (or, after a Chinese one, its month or quarter alone) joined by a disjunction; not "and" (a list), nor the same date
_DISJUNCTION = "(?:或者|或是|或|还是|要么|抑或|/|(?<![a-z])or(?: (?:maybe|perhaps|possibly))?(?![a-z]))"
_ANOTHER_DATE_AFTER = re.compile(
    f" ?{_DISJUNCTION} ?(?:是|为|在|in )?"
    f"(?P<date>{A_DATE.pattern}|{_MONTH} ?月|第? ?[1-4一二三四] ?季度|(?:19|20)[0-9]{{2}} ?年?(?![0-9%]))"
)
_ANOTHER_DATE_BEFORE = re.compile(f"(?P<date>{A_DATE.pattern}|(?:19|20)[0-9]{{2}} ?年?) ?{_DISJUNCTION} ?(?:in )?$")


_YEAR = re.compile("(?:19|20)[0-9]{2}")
_MONTH_OF = re.compile(f"年 ?([0-9]{{1,2}}) ?月|[-/.]([0-9]{{1,2}})|(?<![a-z])({MONTH_EN})")
_QUARTER_OF = re.compile("q ?([1-4])|([1-4一二三四]) ?季度|(first|second|third|fourth) quarter")
_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4"}


def _date_key(text: str) -> tuple[str, str, str]:
    """A date's year, month and quarter, as numbers, whatever its spelling (2025年6月 and June 2025 are one)."""
    year = _YEAR.search(text)
    month = _MONTH_OF.search(text)
    number = ""
    if month is not None:
        name = (month.group(3) or "").rstrip(".")
        number = (
            month.group(1) or month.group(2) or str(next(i for i, m in enumerate(MONTHS_EN) if m[:3] == name[:3]) + 1)
        )
    quarter = _QUARTER_OF.search(text)
    said = next((q for q in quarter.groups() if q), "") if quarter is not None else ""
    return (
        year.group() if year else "",
        str(int(number)) if number else "",
        _ORDINALS.get(said, _QUARTER_NUMBERS.get(said, said)),
    )


def date_alternatives(pattern: Pattern, answer_norm: str, start: int, end: int) -> str | None:
    """The dates that a date point's match at start:end is offered among (`_ANOTHER_DATE_AFTER`), as the answer writes
    them; else None."""
    end = end_of_the_date(answer_norm, end)  # 2024年3月或2025年3月 for 2024年
    after = _ANOTHER_DATE_AFTER.match(answer_norm, end)
    before = _ANOTHER_DATE_BEFORE.search(answer_norm, max(0, start - 30), start) if after is None else None
    found = after or before
    if found is None:
        return None
    other = found.group("date")
    if "/" in found.group() and _YEAR.fullmatch(other.strip(" 年")):
        return None  # v16: 2022/2023年度 is one fiscal year, no two
    if any(pattern.search(other)) or _date_key(other) == _date_key(answer_norm[start:end]):
        return None  # the same date again (2025年6月或June 2025)
    return answer_norm[start : found.end()] if after is not None else answer_norm[found.start() : end]
