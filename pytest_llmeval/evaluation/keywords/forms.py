"""The patterns a key point is searched by: its written forms as text, number or regex patterns, with their
twins (hyphen and space joins, percentage-point names, standard spellings, dates and durations in other units).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..numbers import (
    Found,
    NumberForms,
    NumberPattern,
    Pattern,
    RegexPattern,
    SpokenShare,
    TextPattern,
    compile_variant,
    date_twins,
    duration_twins,
    number_words_as_digits,
    payback_twins,
    spoken_twins,
    standard_twins,
    without_its_link,
)
from ..numbers.measures import measure_twins
from .dates import date_spellings
from .factors import factor_twins, product_twins
from .normalisation import READ_AS_TABLE, TO_READ, marks_in_a_regex, normalise
from .people import person_twins
from .rates import rate_twins
from .times import named_times, time_of_day_form, time_ranges, time_twins

# A hyphen and a space between two Latin words are the same (v9): anti-money-laundering and anti money laundering
# cover Anti-Money Laundering and back (a form with up to three such joins).
_WORD_JOIN = re.compile("(?<=[a-z])[- ](?=[a-z])")


def _hyphen_twins(text: str) -> tuple[str, ...]:
    """The other spellings of a (normalised) form whose Latin words are joined by hyphens or spaces."""
    joins = [m.start() for m in _WORD_JOIN.finditer(text)]
    if not joins or len(joins) > 3:
        return ()
    twins = []
    for mask in range(2 ** len(joins)):
        chars = list(text)
        for k, i in enumerate(joins):
            chars[i] = "-" if mask >> k & 1 else " "
        twin = "".join(chars)
        if twin != text:
            twins.append(twin)
    return tuple(twins)


# v25: a change in percentage points is one in any of its names (3个百分点, 3 percentage points, 3 pp, 3 ppt)
# (v114: after its subject's words too - 毛利率提高5个百分点 in 毛利率提升5pp, "Gross margin rose 5 percentage points")
_PERCENTAGE_POINTS = re.compile(
    r"^(?P<label>(?:.*[^0-9.])?)(?P<n>[0-9]+(?:\.[0-9]+)?) ?(?:个百分点|百分点|percentage points?|pp|ppts?)$"
)
_PERCENTAGE_POINT_NAMES = (
    "{n}个百分点",
    "{n}百分点",
    "{n} percentage points",
    "{n} percentage point",
    "{n} pp",
    "{n} ppt",
)


# v34: and a change in basis points (50 bps, 50 bp, 50 basis points, 50个基点, 50基点); no percent: 50 bps is written
# as 0.5% by no model that means it, and 85个百分点 is no 85% either (v32)
_BASIS_POINTS = re.compile(r"^(?P<n>[0-9]+(?:\.[0-9]+)?) ?(?:个基点|基点|basis points?|bps?)$")
_BASIS_POINT_NAMES = ("{n}个基点", "{n}基点", "{n} basis points", "{n} basis point", "{n} bps", "{n} bp", "{n}bps")


def _point_twins(needle: str) -> tuple[str, ...]:
    m = _PERCENTAGE_POINTS.match(needle)
    if m is None:
        m = _BASIS_POINTS.match(needle)
        return tuple(name.format(n=m.group("n")) for name in _BASIS_POINT_NAMES) if m else ()
    return tuple(m.group("label") + name.format(n=m.group("n")) for name in _PERCENTAGE_POINT_NAMES)


# v114: a change year on year or period on period in its other words (营收同比增长20%: 营收较去年同期增长20%, Revenue
# grew 20% year-on-year; 环比: 较上月, 较上季度) - v113 read 营收同比 as the subject's name; one in the other stays none
_COMPARED = re.compile(r"^(?P<subject>[^0-9]*?)(?P<word>同比|环比)(?P<change>[^0-9]*[0-9][0-9.]*%)$")
_COMPARED_ZH = {
    "同比": ("较去年同期", "比去年同期", "较上年同期", "比上年同期"),
    "环比": ("较上月", "比上月", "较上季度", "比上季度", "较上期", "比上期"),
}
# v115: and the comparison opening the sentence before its subject (与去年同期相比，营收增长20%, 相比上月，营收增长20%)
_COMPARED_BEFORE_ZH = {
    "同比": tuple(
        f"{lead}{period}{tail}"
        for period in ("去年同期", "上年同期")
        for lead, tail in (
            ("与", "相比,"),
            ("与", "相比"),
            ("和", "相比,"),
            ("跟", "相比,"),
            ("相比", ","),
            ("相较", ","),
        )
    ),
    "环比": tuple(
        f"{lead}{period}{tail}"
        for period in ("上月", "上季度", "上期")
        for lead, tail in (("与", "相比,"), ("与", "相比"), ("和", "相比,"), ("相比", ","), ("相较", ","))
    ),
}
_COMPARED_EN = {
    "同比": (" year-on-year", " year over year", " yoy"),
    "环比": (" quarter-on-quarter", " month-on-month"),
}


def _compared_twins(needle: str) -> tuple[str, ...]:
    m = _COMPARED.match(needle)
    if m is None:
        return ()
    subject, word, change = m.group("subject"), m.group("word"), m.group("change")
    return (
        *(f"{subject}{said}{change}" for said in _COMPARED_ZH[word]),
        *(f"{subject}{change}{said}" for said in _COMPARED_EN[word]),
        *(f"{said}{subject}{change}" for said in _COMPARED_BEFORE_ZH[word] if subject),
    )


def _twins(needle: str) -> tuple[str, ...]:
    """A form's other spellings: a standard's name with or without its space, Latin words joined by a hyphen or a
    space (v9), a date with dashes or slashes (v15: 2020年3月 as 2020-03), percentage points in any name (v25)."""
    twins = dict.fromkeys(
        (*standard_twins(needle), *date_twins(needle), *_point_twins(needle), *product_twins(needle))  # v74: 7x24
    )
    twins.update(dict.fromkeys(_compared_twins(needle)))
    for spelling in (needle, *twins):
        twins.update(dict.fromkeys(_hyphen_twins(spelling)))
    twins.pop(needle, None)
    return tuple(twins)


def patterns(variants: Sequence[str], forms: NumberForms | None = None, regexes: Sequence[str] = ()) -> list[Pattern]:
    """The patterns of a key point's (or forbidden claim's) forms, in order: text, number or regex. Compiled once per
    point: every answer is scored against the same points, and a form's spellings (v9) cost normalising and regexes."""
    return list(_compiled_patterns(tuple(variants), forms, tuple(regexes)))


@lru_cache(maxsize=4096)
def _compiled_patterns(
    variants: tuple[str, ...], forms: NumberForms | None, regexes: tuple[str, ...]
) -> tuple[Pattern, ...]:
    found: list[Pattern] = []
    for variant in variants:
        needle = number_words_as_digits(normalise(variant), forms)  # v24: two years is 2 years
        needle = without_its_link(needle, forms or NumberForms())  # v111: ROI为12% is ROI 12%
        if needle:
            written = compile_variant(needle, forms or NumberForms())
            if isinstance(written, NumberPattern):  # v79: a time of day, not at another hour (9:00 in 9:00 pm)
                written = time_of_day_form(written, needle)
            found.append(written)
            if isinstance(written, NumberPattern):
                found.extend(time_ranges(written, needle))  # v79: 上午9点到下午6点 for 9:00-18:00
                found.extend(named_times(written, needle))  # v105: noon, 12 noon, 正午 for 12:00
            for twin in time_twins(needle):  # v79: 下午3点 and 3 pm for 15:00
                spelled = compile_variant(twin, forms or NumberForms())
                found.append(time_of_day_form(spelled, needle) if isinstance(spelled, NumberPattern) else spelled)
            found.extend(compile_variant(twin, forms or NumberForms()) for twin in _twins(needle))  # v9
            twins = duration_twins(needle, forms)  # v18: the duration in other units of time (1年8个月 for 20个月)
            found.extend(_duration_twin(compile_variant(twin, forms or NumberForms())) for twin in twins)
            for paid in payback_twins(needle):  # v111: 回本周期 20个月 for 20个月回本
                found.append(compile_variant(paid, forms or NumberForms()))
                paid_twins = duration_twins(paid, forms)  # v113: and in its other units ("payback period: 20 months")
                found.extend(_duration_twin(compile_variant(twin, forms or NumberForms())) for twin in paid_twins)
            found.extend(date_spellings(written))  # v26: 2024-06 for 2024年, Mar 2024 for March 2024; v78: June 2025
            found.extend(compile_variant(twin, forms or NumberForms()) for twin in measure_twins(needle))  # v80: 5 km
            # v34: 每月5000元 for 5000元/月; v115: read as compiled, its sign after the figure (月费¥5000: 月费5000元)
            found.extend(rate_twins(written.text if isinstance(written, NumberPattern) else needle, forms))
            found.extend(_spoken_twins(needle, forms))  # v36: 三分之一 for 1/3, 6个月 for 半年
            found.extend(factor_twins(needle, forms or NumberForms()))  # v74: 3x, 3×, 3 times for 3倍
            found.extend(person_twins(needle, forms or NumberForms()))  # v74: 4300名, 4300位 for 4300人
    # v12: a regex is read as the answer is, its Traditional characters as Simplified (v10 read only the answer so: a
    # regex written in Traditional, 後端|於梨華, no longer matched the answer it was written for)
    # v71 review: and its verdict marks as one cross and one tick (✓ is ✅), as `one_mark_each` reads the answer's
    read = (marks_in_a_regex(r.translate(READ_AS_TABLE) if TO_READ.search(r) else r) for r in regexes)
    found.extend(RegexPattern(r) for r in read)
    return tuple(found)


def _spoken_twins(needle: str, forms: NumberForms | None) -> list[Pattern]:
    """A share's words (v36: 三分之一, one third, a quarter of for 1/3, 1/3, 25%) as figures, and a point in Chinese
    numerals in digits (20个月 for 二十个月), a half with its duration's twins (0.5年, 6个月, half a year for 半年)."""
    words, digits = spoken_twins(needle, forms)
    found: list[Pattern] = [SpokenShare(word) for word in words]
    chinese = replace(forms or NumberForms(), chinese=True)  # written in Chinese numerals: read them so (六个月)
    for form in digits:
        found.append(compile_variant(form, chinese))
        twins = duration_twins(form, chinese)
        if "." not in form:  # a whole 一年 is said in its own unit only (1 year): v10 - 一年12个月 states no 一年
            number = _number_of(form)
            twins = tuple(t for t in twins if _number_of(t) == number)
        found.extend(_duration_twin(compile_variant(twin, chinese)) for twin in twins)
    return found


_LEADING_NUMBER = re.compile("[0-9.]+")


def _number_of(form: str) -> str | None:
    m = _LEADING_NUMBER.match(form)
    return m.group() if m else None


# v25: a factor of a product (7×24小时, 5*8小时: round-the-clock hours) is the point's own form where the point writes
# it (24小时 for 7×24小时 support: v18), but no length of time to convert: 7×24小时 no longer states 1天 or 1 day
_FACTOR_BEFORE = re.compile(r"[0-9] ?[×x*] ?$")  # v71: ✕ and ✖ between digits are read as ×


@dataclass(frozen=True)
class _DurationTwin(NumberPattern):
    """A point's duration in another unit of time (v18: `duration_twins`), not matched as a factor of a product."""

    def search(self, answer: str) -> Iterator[Found]:
        factors = 0
        for found in super().search(answer):
            if _FACTOR_BEFORE.search(answer, max(0, found.start - 4), found.start) is None:
                yield found
            elif (factors := factors + 1) >= MOST_OCCURRENCES_JUDGED:
                return  # as many as `scoring._find` judges of a form: a run of 7×24小时 is read no further


def _duration_twin(pattern: TextPattern | NumberPattern) -> TextPattern | NumberPattern:
    if not isinstance(pattern, NumberPattern):
        return pattern
    return _DurationTwin(pattern.text, pattern.pieces, pattern.slots, pattern.forms)


# v22: a form's first 200 occurrences are judged and no more - a degenerate answer that repeats a figure thousands of
# times in one sentence ("20 months or 24 months, 20 months or ...") cost a scan of the sentence for each of them
MOST_OCCURRENCES_JUDGED = 200


def other_forms(needle: str) -> tuple[str, ...]:
    """A form's other spellings and (v18) its duration in other units, with every number form."""
    return (*_twins(needle), *duration_twins(needle, NumberForms(chinese=True)))
