"""Fractions and halves as they are said (v36): the other spellings of a key point that is a fraction (1/3, 三分之一),
an exact share in percent (25%, 50%) or a quantity written in Chinese numerals (半年, 一年半, 二十个月).

`spoken_twins` gives two kinds of twin. Words (三分之一, one third, a quarter of, 一半, 半数) are matched as text by
`keywords.forms`, as a figure (a bound or a negation before them holds for them); digits (1/3, 0.5年, 6个月, 20个月)
are matched as numbers, so that 1/30, 120个月 and 16个月 stay other numbers.

Decided: a point in digits is said in Chinese numerals only with `NumberForms(chinese=True)` (as 百分之二十 and 两成
are for 20% since v16), and in English words with no forms (as twenty months is since v14); a point written in
Chinese is said in digits with no forms - the user wrote the numerals. A share in percent is a fraction only where the
two are equal (25% is a quarter, 50% a half; 33% is no third). A quarter is a share only before "of" (a quarter of
the tickets; "within a quarter" and "the fourth quarter" are periods); "a third" and "a fifth" likewise (a third
option).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from .mention import CN_CHARS, NumberForms, chinese_value
from .patterns import Found, TextPattern

_CN = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九", 10: "十"}
_EN = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
# the English names of a share's denominator, singular and plural, and whether it needs "of" after it to be a share
_EN_DENOMINATORS: dict[int, tuple[tuple[str, str, bool], ...]] = {
    3: (("third", "thirds", False),),
    4: (("quarter", "quarters", True), ("fourth", "fourths", False)),
    5: (("fifth", "fifths", False),),
    8: (("eighth", "eighths", False),),
    10: (("tenth", "tenths", False),),
}
_FRACTION_POINT = re.compile(r"(?P<a>[1-9]) ?/ ?(?P<b>[1-9]|10)")
_CN_FRACTION_POINT = re.compile(f"(?P<b>[{CN_CHARS}]+)分之(?P<a>[{CN_CHARS}]+)")
_PERCENT_POINT = re.compile(r"(?P<p>[0-9]{1,2}) ?%")
_HALF = Fraction(1, 2)


def _fraction_words(share: Fraction, chinese: bool) -> list[str]:
    """The words of a share (a/b, b of 2-10): 三分之一 (with `chinese`), one third, one-third, a third of, 一半 and
    half of for a half."""
    a, b = share.numerator, share.denominator
    words = []
    if chinese and b in _CN and a in _CN:
        words.append(f"{_CN[b]}分之{_CN[a]}")
    if share == _HALF:
        words += [*(["一半", "半数"] if chinese else []), "half of", "one half of", "one-half of", "by half"]
    for single, plural, needs_of in _EN_DENOMINATORS.get(b, ()):
        name, of = (single if a == 1 else plural), (" of" if needs_of else "")
        if a in _EN:
            words += [f"{_EN[a]} {name}{of}", f"{_EN[a]}-{name}{of}"]
        if a == 1:
            words.append(f"a {single} of")
        if a == 1 and not needs_of:
            words.append(f"by a {single}")  # v43: costs fell by a fifth (not "by a quarter": delayed by a quarter)
    return words


def _share(needle: str) -> tuple[Fraction, bool] | None:
    """The share a point written as a fraction (1/3, 三分之一) or a percent that is an exact share of 2-10 parts
    (25%, 50%; not 33%) says, and whether it was written in Chinese."""
    if m := _FRACTION_POINT.fullmatch(needle):
        a, b = int(m.group("a")), int(m.group("b"))
        return (Fraction(a, b), False) if 0 < a < b else None
    if m := _CN_FRACTION_POINT.fullmatch(needle):
        top, bottom = chinese_value(m.group("a")), chinese_value(m.group("b"))
        if top is None or bottom is None or not 0 < top < bottom <= 10 or top % 1 or bottom % 1:
            return None
        return Fraction(int(top), int(bottom)), True
    if m := _PERCENT_POINT.fullmatch(needle):
        share = Fraction(int(m.group("p")), 100)
        return (share, False) if 0 < share < 1 and share.denominator <= 10 else None
    return None


# a quantity of time written in Chinese numerals, a half included: 半年, 半小时, 一年半, 两年半, 二十个月, 三天
_CN_TIME_UNITS = "个月|个小时|小时|个星期|星期|年|天|周|分钟"
_CN_QUANTITY_POINT = re.compile(
    f"(?:(?P<num>[{CN_CHARS}]+)(?P<unit>{_CN_TIME_UNITS})(?P<half>半)?|半(?P<half_of>{_CN_TIME_UNITS}))"
)


def _in_digits(needle: str) -> str | None:
    """A point of Chinese numerals and a unit of time in digits: 半年 -> 0.5年, 一年半 -> 1.5年, 二十个月 -> 20个月."""
    m = _CN_QUANTITY_POINT.fullmatch(needle)
    if m is None:
        return None
    if m.group("half_of"):
        return f"0.5{m.group('half_of')}"
    value = chinese_value(m.group("num"))
    if value is None:
        return None
    value += Decimal("0.5") if m.group("half") else 0
    return f"{format(value.normalize(), 'f')}{m.group('unit')}"


def spoken_twins(needle: str, forms: NumberForms | None = None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words and the digits that say a (normalised) point that is a share or a quantity in Chinese numerals:
    (三分之一 and one third for 1/3; 1/3 and one third for 三分之一; 四分之一 and a quarter of for 25%), (0.5年 for
    半年); ((), ()) for any other point."""
    forms = forms or NumberForms()
    share = _share(needle)
    if share is not None:
        value, written_in_chinese = share
        words = tuple(w for w in _fraction_words(value, forms.chinese or written_in_chinese) if w != needle)
        digits = (f"{value.numerator}/{value.denominator}",) if written_in_chinese else ()
        return words, digits
    digits_form = _in_digits(needle)
    return (), (digits_form,) if digits_form is not None else ()


_A_WORD_GOES_ON = re.compile("-[a-z]")
# a half or a quarter of a period or a length, not a share: the first half of the year, a quarter of an hour
_PART_OF_A_PERIOD_BEFORE = re.compile("(?<![a-z])(?:first|second|latter|former|other|back|front|top|bottom) $")
_PAST_BEFORE = re.compile("过$")  # 过半数, 过一半: more than half (a bound no other figure takes: 过20个月 is after it)
# v37: a share of a share (一半的一半, 三分之一的一半, half of half), a half among halves (一半一半: fifty-fifty), a
# point in time (进行到一半时, halfway) and "most" (多半, 大半, 一多半) are no share of the point's size
_A_SHARE_OF_IT_AFTER = re.compile(
    f" ?(?:的 ?(?:[{CN_CHARS}]+分之[{CN_CHARS}]+|一半|半数)|一半|半数|(?:the |a )?half(?![a-z])|时(?!间)|的时候)"
)
_A_SHARE_OF_IT_BEFORE = re.compile(
    f"(?:(?:[{CN_CHARS}]+分之[{CN_CHARS}]+|一半|半数) ?的 ?|一半|(?<![a-z])half of (?:the )?"
    "|(?<![最至差许扩增放加过不])[多大])$"  # not 最多一半, 差不多一半 (bounds, a hedge), 扩大一半 (a change)
)
_A_PERIOD_AFTER = re.compile(" ?(?:the |an? )?(?:hour|minute|century|mile|day|week|month|quarter)s?(?![a-z])")


class SpokenShare(TextPattern):
    """A point's share said in words (三分之一, one third, half of), matched as text and judged as a figure (a bound
    or a negation before it holds for it: 超过一半, 不到三分之一); not the start of a longer word (one third-party
    vendor), nor a part of a period (the first half of the year, a quarter of an hour), nor more than it (过半数)."""

    def search(self, answer: str) -> Iterator[Found]:
        for found in super().search(answer):
            if _A_WORD_GOES_ON.match(answer, found.end):
                continue
            if _PART_OF_A_PERIOD_BEFORE.search(answer, max(0, found.start - 8), found.start):
                continue
            if _PAST_BEFORE.search(answer, max(0, found.start - 1), found.start):
                continue
            if _share_of_a_share(answer, found.start, found.end):
                continue
            if self.text.endswith(" of") and _A_PERIOD_AFTER.match(answer, found.end):
                continue
            if _a_measure_of_it(self.text, answer, found.end):
                continue
            yield found


# v43: a share of one unit of a measure, not of the subject (by half a percent, a tenth of a second, by half a million)
_ONE_MEASURE_AFTER = re.compile(
    " (?:an?|one) (?:second|minute|hour|day|week|month|year|quarter|cent|penny|percent|percentage point|point"
    "|basis point|million|billion|thousand|dollar|yuan)s?(?![a-z])"
)
_OF_AFTER = re.compile(" of(?![a-z])")


def _a_measure_of_it(words: str, answer: str, end: int) -> bool:
    """The share said by `words` ending at `end` is a part of one unit (fell by half a percent, a tenth of a second),
    or a change by a share of something else (fell by a fifth of what we expected), not the point's share (v43)."""
    if (words.endswith(" of") or words.startswith("by ")) and _ONE_MEASURE_AFTER.match(answer, end):
        return True
    return words.startswith("by ") and _OF_AFTER.match(answer, end) is not None


def _share_of_a_share(answer: str, start: int, end: int) -> bool:
    """The share at start:end is a share of another share, a half among halves, a point in time or "most" (v37)."""
    if _A_SHARE_OF_IT_AFTER.match(answer, end):
        return True
    return _A_SHARE_OF_IT_BEFORE.search(answer, max(0, start - 24), start) is not None


# a share offered among others, as 20个月或24个月 is (v15): 三分之一或四分之一, one third or one quarter, 三分之一到一半
_SHARE_WORD = (
    f"(?:[{CN_CHARS}]+分之[{CN_CHARS}]+|一半|半数|[0-9]+(?:\\.[0-9]+)? ?(?:%|/ ?[0-9]+)"
    "|(?:one|two|three|four|a|an)[- ](?:half|third|quarter|fourth|fifth|tenth)s?|half)"
)
_OR = "(?:或者?|还是|或是|到|至|~|-|–|or|to)"
_SHARE_OR_AFTER = re.compile(f" ?{_OR} ?{_SHARE_WORD}")
_SHARE_OR_BEFORE = re.compile(f"{_SHARE_WORD} ?{_OR} ?$")


def share_among_others(answer: str, start: int, end: int) -> str | None:
    """The shares (三分之一或四分之一) that the share said at start:end is offered among, else None."""
    after = _SHARE_OR_AFTER.match(answer, end)
    if after is not None:
        return answer[start : after.end()]
    before = _SHARE_OR_BEFORE.search(answer, max(0, start - 24), start)
    return None if before is None else answer[before.start() : end]
