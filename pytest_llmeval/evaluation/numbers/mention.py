"""A number mentioned in a text (`Mention`), the forms a key point allows (`NumberForms`, `Tolerance`), the
words numbers are written with (scale words, Chinese numerals, money and percent marks) and `chinese_value`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# Characters that continue a number: a key point's number is never extended by one of them.
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_SECTIONS = {"万": 10**4, "亿": 10**8}
# v18: the old numerals of whole tens, as dates and counts still write them (廿五 is 25, 卅 30, 卌 40)
CN_TENS = {"廿": "二十", "卅": "三十", "卌": "四十"}
NUMERAL_CHARS = frozenset("0123456789") | frozenset(CN_DIGITS) | frozenset(CN_UNITS) | frozenset(CN_SECTIONS)
NUMERAL_CHARS |= frozenset(CN_TENS)
SCALE_WORDS = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "十亿": 10**9,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "亿": 10**8,
    "万": 10**4,
    "千": 10**3,
}

# v45: digits joined to digits by an apostrophe or an underscore (1'200, 1’200 万元, 1_200_000: a Swiss or a
# programmer's thousands separator) are one number the scorer does not read: neither side is a figure of its own
# (1'200万元 had stated 200万元, as 1,200万元 never did). A quote before or after a number stays a quote ('20%').
# v47: and a decimal written without its leading zero (.5%, 约为.5%, .75倍, $.50, -.5%) is its number (0.5%) - where
# no word, number, dot or closing mark stands right before its point (v.5, file.5, 1.2.5, 20%.5 are none)
ARABIC = re.compile(
    r"(?<![0-9.])(?<![0-9]['’_])"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|(?<![a-z0-9_.%)）\]】'’\"/\\])\.\d+)"
    r"(?![0-9])(?!\.\d)(?!,\d{3}(?!\d))(?!['’_][0-9])"
)
# v32: a full-width comma after an ASCII digit and before a group of three digits, as `normalise` writes it: a list
# comma or a thousands separator - which, the text cannot tell (方案1，200万元; 分别为120，240万)
AMBIGUOUS_COMMA = ",\u2060"
SCALE = re.compile(" ?(?:[多余来])?(" + "|".join(sorted(SCALE_WORDS, key=len, reverse=True)) + ")")  # 1200余万元
# v11: English scale words, with the scale words (1.2 million is 120万, $1,200,000 and $1.2M; 1.2 billion is 12亿): a
# word (thousand, million, billion, trillion), or a letter right after the digits (k, m, mn, b, bn: $500K, $1.2M,
# $3bn) in money only - a currency before the number ($, US$, ¥, €, £, USD, RMB ...) or after the letter (1.2m
# dollars) - since 1.2m is a length, 4k a resolution and 8b a model's size elsewhere.
EN_SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# v32: and mm, finance's thousand thousands ($1.2MM is $1.2 million; v31 read no figure), in money only as m is
EN_SCALE_LETTERS = {"k": 10**3, "m": 10**6, "mm": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9}
EN_SCALE_WORD = re.compile(" ?(thousand|million|billion|trillion)(?![a-z])")
EN_SCALE_LETTER = re.compile("(k|mm|mn|m|bn|b)(?![a-z0-9])")
# v23: and the abbreviations that name a scale only (mn, mln, bn, bln: 1.2 mn, EUR 3 bln), in any text
EN_SCALE_ABBREVIATIONS = {"mn": 10**6, "mln": 10**6, "bn": 10**9, "bln": 10**9}
EN_SCALE_ABBREVIATION = re.compile(" ?(mln|mn|bln|bn)(?![a-z0-9])")
MONEY_BEFORE = re.compile(r"(?:[$¥€£]|(?<![a-z])(?:usd|rmb|cny|hkd|eur|gbp|jpy)) ?-?$")
MONEY_AFTER = re.compile(" ?(?:dollars?|usd|yuan|rmb|cny|euros?|eur|美元|人民币|元|欧元)(?![a-z])")
PERCENT = re.compile(" ?(?:%|percent(?![a-z])|per cent(?![a-z])|pct(?![a-z]))")  # 50 percent is 50% (v7); 50 pct
SPOKEN_PERCENT = ("百分之 ", "百分之")  # right before an Arabic number: 百分之3.5
PADDED_BEFORE = frozenset(":月日号时点分秒")  # what follows a zero-padded hour, month, day, minute
CN_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_SECTIONS) + "".join(CN_TENS)
CHINESE = re.compile(f"(?<![0-9{CN_CHARS}])(?P<pct>百分之)?(?P<num>[{CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?)")
CODE_RUN = re.compile(r"[A-Za-z0-9._\-]+")
# A "-" after one of these ends a quantity and starts a subtraction (120万元-30万元), not a minus sign.
QUANTITY_END = frozenset("%)）]】") | frozenset("元万亿千百十个月年天周人次笔台份倍分秒时岁号") | NUMERAL_CHARS


class ToleranceError(ValueError):
    """A tolerance is not `0.5` (absolute) or `1%` (relative)."""


@dataclass(frozen=True)
class NumberForms:
    """Which forms of a number count as the same number, for one key point (or a case's default)."""

    scale_words: bool = False
    chinese: bool = False  # Chinese numerals; implies scale words
    tolerance: str | None = None  # as written: "0.5" (absolute) or "1%" (relative)

    @property
    def scaled(self) -> bool:
        return self.scale_words or self.chinese


@dataclass(frozen=True)
class Tolerance:
    amount: Decimal
    relative: bool

    def allows(self, expected: Decimal, actual: Decimal, scale: Decimal) -> bool:
        limit = abs(expected) * self.amount / 100 if self.relative else self.amount * scale
        return abs(actual - expected) <= limit


@lru_cache(maxsize=256)
def parse_tolerance(text: str) -> Tolerance:
    """`0.5` -> absolute, `1%` -> relative; ToleranceError otherwise."""
    raw = text.strip()
    relative = raw.endswith("%")
    try:
        amount = Decimal(raw[:-1].strip() if relative else raw)
    except InvalidOperation:
        raise ToleranceError(f"{text!r} is not a tolerance") from None
    if not amount.is_finite() or amount < 0:
        raise ToleranceError(f"{text!r} is not a non-negative tolerance")
    return Tolerance(amount, relative)


@dataclass(frozen=True)
class Mention:
    """A number found in a (normalised) text; `end` includes its scale word and its % sign."""

    start: int
    end: int
    value: Decimal
    scale: Decimal  # the scale word's multiplier (1 without one)
    percent: bool
    text: str  # the number as written (digits, separators, scale word, %)


def chinese_value(text: str) -> Decimal | None:
    """一百二十万 -> 1200000, 一点六七 -> 1.67, 一万二 -> 12000, 廿五 -> 25; None for a run that is no number (千万,
    万一)."""
    integer, _, fraction = text.partition("点")
    if any(ch in CN_TENS for ch in fraction):
        return None
    integer = "".join(CN_TENS.get(ch, ch) for ch in integer)
    if not integer or integer[0] in CN_SECTIONS or (integer[0] in "百千"):
        return None
    digits_only = all(ch in CN_DIGITS for ch in integer)
    if digits_only and len(integer) >= 2 and integer[0] in "零〇":
        return None  # 零零七: a code, as 007 is
    if len(integer) >= 3 and digits_only and integer[0] != "两" and not fraction:
        return Decimal("".join(str(CN_DIGITS[ch]) for ch in integer))  # 二〇〇五(年), 一九九七: read digit by digit
    total, section, digit = 0, 0, None
    last_unit = 1
    for ch in integer:
        if ch in CN_DIGITS:
            if digit is not None and digit != 0 and CN_DIGITS[ch] != 0:
                return None  # 二三: two digits in a row is no number
            digit = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            unit = CN_UNITS[ch]
            section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            unit = CN_SECTIONS[ch]
            section += digit or 0
            if unit == 10**8:
                total = (total + section) * unit
            else:
                total += section * unit
            section, digit, last_unit = 0, None, unit
    if digit is not None:
        # 一万二 = 12000, 一百二 = 120: a last digit right after a unit is the next lower place
        previous = integer[-2] if len(integer) > 1 else ""
        if previous in CN_UNITS or previous in CN_SECTIONS:
            section += digit * (last_unit // 10 if last_unit >= 10 else 1)
        else:
            section += digit
    value = Decimal(total + section)
    if fraction:
        value += Decimal("0." + "".join(str(CN_DIGITS[ch]) for ch in fraction))
    return value
