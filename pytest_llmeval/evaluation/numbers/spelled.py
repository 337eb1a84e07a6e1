"""English cardinal number words as numbers (v14: twenty months, one hundred and twenty months):
`spelled_value`, `spelled_numbers`, and `number_words_as_digits` for a point written with digits.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from .finding import (
    EN_CARDINAL_RUN,
    EN_ONES,
    EN_SMALL,
    EN_TEENS,
    EN_TENS,
    EN_WORD,
    MAY_FOLLOW,
    ORDINAL_AFTER,
    english_scale,
)
from .mention import EN_SCALE_WORDS, PERCENT, SCALE_WORDS, Mention, NumberForms


def _word_kind(word: str) -> str:
    """ones, teens, tens, hundred or scale for a number word; any other word (a, an, and) itself."""
    if word in EN_ONES:
        return "ones"
    if word in EN_TEENS:
        return "teens"
    if word in EN_TENS:
        return "tens"
    return "hundred" if word == "hundred" else "scale" if word in EN_SCALE_WORDS else word


def _spelled_number(words: list[str]) -> tuple[int, int]:
    """How many of `words` one English number says from the first on, and its value (0 words where the first says
    none); its last scale word is left out when it is its only one (twenty thousand: twenty, then a scale word)."""
    total, group, last, limit, read, scales = 0, 0, "", 0, 0, 0
    for k, word in enumerate(words):
        kind = _word_kind(word)
        if kind in ("a", "an"):
            if k > 0 or k + 1 == len(words) or _word_kind(words[k + 1]) not in ("hundred", "scale"):
                break
            group, last = 1, "ones"
            continue
        if kind == "and":
            if last not in ("hundred", "scale") or k + 1 == len(words) or words[k + 1] not in EN_SMALL:
                break
            continue
        if kind not in MAY_FOLLOW or last not in MAY_FOLLOW[kind]:
            break
        if kind == "hundred":
            if not 0 < group < 100:
                break
            group *= 100
        elif kind == "scale":
            scale = EN_SCALE_WORDS[word]
            if group == 0 or (limit and scale >= limit):
                break
            total, group, limit, scales = total + group * scale, 0, scale, scales + 1
        else:
            group += EN_SMALL[word]
        last, read = kind, k + 1
    if read and last == "scale" and scales == 1:
        return read - 1, total // limit  # twenty thousand: a scale word after twenty
    return read, total + group


def spelled_value(run: str) -> Decimal | None:
    """The value of the (first) number that a run of English number words says: 27 for twenty-seven."""
    read, value = _spelled_number(EN_WORD.findall(run))
    return Decimal(value) if read else None


# v36: a half or decimal digits after a number word are part of its number (one and a half million, one-and-a-half,
# one point five, zero point five percent): v35 read "one" and then "five", so 5% was credited for "zero point five
# percent" and 1.5 years was not for "one point five years"
_DIGIT_WORDS = {"zero": 0, "oh": 0, **EN_ONES}
_DIGIT_WORD = "(?:" + "|".join(_DIGIT_WORDS) + ")"
_AND_A_HALF = re.compile("(?: and a |-and-a-)half(?![a-z-])")
_POINT_DIGITS = re.compile(f" point((?: {_DIGIT_WORD})+)(?![a-z-])")
_ZERO_POINT = re.compile(f"(?<![a-z-])zero(?= point {_DIGIT_WORD}(?![a-z-]))")
_POINT_BEFORE = re.compile("(?<![a-z])point $")  # "point five": decimals, no five


def _fraction_after(text: str, end: int) -> tuple[Decimal, int]:
    """The part of a number that a half or spoken decimal digits after its words at `end` add, and their end."""
    half = _AND_A_HALF.match(text, end)
    if half is not None:
        return Decimal("0.5"), half.end()
    point = _POINT_DIGITS.match(text, end)
    if point is None:
        return Decimal(0), end
    digits = "".join(str(_DIGIT_WORDS[word]) for word in point.group(1).split())
    return Decimal("0." + digits), point.end()


# v47: "a" or "an" before a unit of time counts one of it (a week, an hour, a month, a year, a fortnight: 1 week ...),
# as "one" does - not where it is a rate's "per" after a quantity (20 hours a week, $1.2 million a year, twice a month,
# 10% a year), part of a half (half a year, a year and a half: the halves' own forms), vague (a couple of weeks, a few
# days), or the unit goes on into another word (a year-end review, a day-to-day task). Not "a minute" or "a second"
# (idioms: wait a minute, a second opinion), nor "a quarter" (a quarter of revenue is a share).
_A_UNIT_OF_TIME = re.compile(
    "(?<![a-z0-9-])an? (?=(?:year|month|week|day|hour|fortnight)(?![a-z])(?!-(?!long(?![a-z]))))"
)
# a year (in 2023 it took a year) counts none, nor a numbered item's number (v72: 1. It takes a week)
_NOT_A_YEAR = r"(?<![0-9.])(?!(?:19|20)[0-9]{2}(?![0-9]))[0-9](?:[.,]?[0-9])*"
_A_RATE_BEFORE = re.compile(
    f"(?:(?:{_NOT_A_YEAR}|[0-9]%|(?<![a-z])(?:once|twice|thrice|times|{'|'.join(EN_SMALL)}|hundred|thousand"
    "|million|billion|dozen|several|few|many|multiple))(?: ?[a-z$%'-]+){0,3}|(?<![a-z])(?:half|per|every|each)) $"
)
_A_UNIT_AFTER_HALF = re.compile(" and (?:a|one) half(?![a-z-])")


def a_unit_of_time(text: str) -> tuple[Mention, ...]:
    """The "a" / "an" that counts one unit of time in a normalised text (v47: a week, an hour), as mentions of 1."""
    found = []
    for m in _A_UNIT_OF_TIME.finditer(text):
        if _A_RATE_BEFORE.search(text, max(0, m.start() - 48), m.start()):
            continue
        unit = EN_WORD.match(text, m.end())
        if unit is not None and _A_UNIT_AFTER_HALF.match(text, unit.end()):
            continue
        article = m.group().rstrip()
        found.append(Mention(m.start(), m.start() + len(article), Decimal(1), Decimal(1), False, article))
    return tuple(found)


@lru_cache(maxsize=512)
def spelled_numbers(text: str, forms: NumberForms) -> tuple[Mention, ...]:
    """The numbers that English number words say in a normalised text (v14), each with its scale word (with the
    scale-word forms) and its percent; v36: with a half or spoken decimals after them (one and a half, one point
    five, zero point five)."""
    found: list[Mention] = []
    read_to = 0  # the end of the last number read: the words of its decimals are no numbers of their own
    runs = sorted([*EN_CARDINAL_RUN.finditer(text), *_ZERO_POINT.finditer(text)], key=lambda m: m.start())
    for run in runs:
        if (
            run.start() < read_to
            or ORDINAL_AFTER.match(text, run.end())
            or _POINT_BEFORE.search(text, max(0, run.start() - 7), run.start())
        ):
            continue  # twenty-first, one hundred twenty-first; the five of "one point five"
        tokens = list(EN_WORD.finditer(run.group()))
        i = 0
        while i < len(tokens):
            read, value = _spelled_number([t.group() for t in tokens[i:]])
            if tokens[i].group() == "zero":
                read, value = 1, 0
            if read == 0:
                i += 1
                continue
            start, end = run.start() + tokens[i].start(), run.start() + tokens[i + read - 1].end()
            amount, scale = Decimal(value), Decimal(1)
            if i + read == len(tokens):  # the run's last number: a half or decimals may follow it
                part, end = _fraction_after(text, end)
                amount += part
                read_to = end
            english = english_scale(text, start, end) if forms.scaled else None
            if english is not None:
                scale, end = english
                amount *= scale
            percent = PERCENT.match(text, end)
            end = percent.end() if percent else end
            found.append(Mention(start, end, amount, scale, percent is not None, text[start:end]))
            i += read
    articles = a_unit_of_time(text)
    if articles:
        found = sorted([*found, *articles], key=lambda mention: mention.start)
    return tuple(found)


_A_WORD_AFTER = re.compile("[ -][a-z]")


def number_words_as_digits(text: str, forms: NumberForms | None = None) -> str:
    """A (normalised) key point's English cardinal numbers before what it counts, or before percent, in digits (v24:
    two years -> 2 years, twenty percent -> 20%), so that the point is matched as a number - twenty months as 20
    months, and "one or two years" no longer holds "two years" as text; other text is left as it is."""
    kept, pos = [], 0
    for m in spelled_numbers(text, forms or NumberForms()):
        if not m.percent and not _A_WORD_AFTER.match(text, m.end):
            continue
        kept += [text[pos : m.start], format(m.value.normalize(), "f") + ("%" if m.percent else "")]
        pos = m.end
    return "".join(kept) + text[pos:] if kept else text


# A clock time or a ratio written with a colon (20:30, 8:00, 1:20: one or two digits, a colon, two digits and no unit
# after them) holds no figure of its own, and neither does the month or day of a date written with its year
# (2024-05-20, 2024/5/20, 2024.05.20) (v8). A key point written that way (20:30, 1:20) matches as a whole, a date's
# year (2024) stays a figure, and a label's number before a colon is no side of one: 问题1：120万元, 方案2:84万元,
# 阶段2:80%, q1:120万, v3.2:2024年. A ratio to one digit (20:1, 16:9: two digits, a colon, one digit) holds none
# either (v9); one digit on each side (3:1, 问题1:5) stays read as a label and its figure.
_NO_UNIT_AFTER = (
    r"(?![0-9.,%]| ?(?:"
    + "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
    + r"|[元个人次笔台份倍岁号年月天周]|percent))"
)
TIME_OR_RATIO = re.compile(r"(?<![a-z0-9.])(?P<a>[0-9]{1,2}) ?: ?(?P<b>[0-9]{2})" + _NO_UNIT_AFTER)
RATIO_TO_ONE_DIGIT = re.compile(r"(?<![a-z0-9.])(?P<a>[0-9]{2}) ?: ?(?P<b>[0-9])" + _NO_UNIT_AFTER)
DATE_MONTH_BEFORE = re.compile(r"(?<![0-9])[0-9]{4}([-/.])$")
DATE_DAY_AFTER_MONTH = re.compile(r"([-/.])[0-9]{1,2}(?![0-9.])")
DATE_DAY_BEFORE = re.compile(r"(?<![0-9])[0-9]{4}([-/.])[0-9]{1,2}\1$")
