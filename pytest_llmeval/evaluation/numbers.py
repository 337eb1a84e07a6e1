"""Numbers matched as numbers: find the numbers in a text and match key points that contain numbers.

Pure functions on *normalised* text (NFKC + casefold, whitespace collapsed: `keywords.normalisation.normalise`), so
positions line up with the echo guard's mask. The rules (docs/scenarios.md, "How numbers are matched"):

- A number is a maximal run of digits: never part of a longer number (120 is not 20, 12.5 is not 2.5,
  2.5.1 is no number at all). Thousands separators (1,200 / 1 200), full-width digits (NFKC), a trailing
  ".0" (numeric equality: 1.50 == 1.5) and one space before the unit are accepted.
- Digits glued behind an ASCII letter (v3.2, INV-204817, Qwen3-8B) and numbers with a leading zero (0012,
  031) are codes, not quantities: they are matched digit for digit as text, with digit boundaries.
- The text that follows a number in the key point (个月, %, 万元, 年 ...) must follow the answer's number
  (one space allowed): 20个月 is not 20天, 50% is not 50. Text before the number must precede it the same
  way ("回收期20个月" needs "回收期20个月" or "回收期 20 个月", not "回收期为20个月": write "20个月").
- Optional forms (`NumberForms`): scale words (万/千万/亿/千: 1.2千万 == 1200万 == 12000000; with them,
  1200万元 == 0.12亿元, the unit after the scale word still has to match; v11: and the English ones, thousand,
  million, billion, and k, m, bn after the digits in money: $1.2M == $1,200,000 == 120万美元), Chinese numerals
  (一百二十万, 百分之五十, 一点六七; they imply scale words) and a tolerance (`0.5`: absolute, in the scale the point
  is written in; `1%`: relative to the point's value).
- English cardinal number words in the answer (v14: twenty months, twenty-seven sets, one hundred and twenty months)
  are numbers for a point written with digits and a unit (or %) after its number.
- A duration is the same in another unit of time where the units convert exactly (v18, `duration_twins`: 20个月 is
  1年8个月 and 1 year and 8 months, 14天 2周, 90分钟 1.5小时, v27: 6个月 2个季度; not 1个月 = 30天).
"""

from __future__ import annotations

import logging
import re
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

import regex

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

_ARABIC = re.compile(
    r"(?<![0-9.])"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?![0-9])(?!\.\d)(?!,\d{3}(?!\d))"
)
_SCALE = re.compile(" ?(?:[多余来])?(" + "|".join(sorted(SCALE_WORDS, key=len, reverse=True)) + ")")  # 1200余万元
# v11: English scale words, with the scale words (1.2 million is 120万, $1,200,000 and $1.2M; 1.2 billion is 12亿): a
# word (thousand, million, billion, trillion), or a letter right after the digits (k, m, mn, b, bn: $500K, $1.2M,
# $3bn) in money only - a currency before the number ($, US$, ¥, €, £, USD, RMB ...) or after the letter (1.2m
# dollars) - since 1.2m is a length, 4k a resolution and 8b a model's size elsewhere.
EN_SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
EN_SCALE_LETTERS = {"k": 10**3, "m": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9}
_EN_SCALE_WORD = re.compile(" ?(thousand|million|billion|trillion)(?![a-z])")
_EN_SCALE_LETTER = re.compile("(k|mn|m|bn|b)(?![a-z0-9])")
# v23: and the abbreviations that name a scale only (mn, mln, bn, bln: 1.2 mn, EUR 3 bln), in any text
EN_SCALE_ABBREVIATIONS = {"mn": 10**6, "mln": 10**6, "bn": 10**9, "bln": 10**9}
_EN_SCALE_ABBREVIATION = re.compile(" ?(mln|mn|bln|bn)(?![a-z0-9])")
_MONEY_BEFORE = re.compile(r"(?:[$¥€£]|(?<![a-z])(?:usd|rmb|cny|hkd|eur|gbp|jpy)) ?-?$")
_MONEY_AFTER = re.compile(" ?(?:dollars?|usd|yuan|rmb|cny|euros?|eur|美元|人民币|元|欧元)(?![a-z])")
_PERCENT = re.compile(" ?(?:%|percent(?![a-z])|per cent(?![a-z])|pct(?![a-z]))")  # 50 percent is 50% (v7); 50 pct
_SPOKEN_PERCENT = ("百分之 ", "百分之")  # right before an Arabic number: 百分之3.5
_PADDED_BEFORE = frozenset(":月日号时点分秒")  # what follows a zero-padded hour, month, day, minute
_CN_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_SECTIONS) + "".join(CN_TENS)
_CHINESE = re.compile(f"(?<![0-9{_CN_CHARS}])(?P<pct>百分之)?(?P<num>[{_CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?)")
_CODE_RUN = re.compile(r"[A-Za-z0-9._\-]+")
# A "-" after one of these ends a quantity and starts a subtraction (120万元-30万元), not a minus sign.
_QUANTITY_END = frozenset("%)）]】") | frozenset("元万亿千百十个月年天周人次笔台份倍分秒时岁号") | NUMERAL_CHARS


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


def _is_code(text: str, start: int, end: int) -> bool:
    """A number inside a code: a run of [a-z0-9._-] with a letter before one of its digits (v3.2, inv-204817)."""
    starts, ends = _code_runs(text)
    left = start
    if start > 0 and _CODE_CHAR.match(text, start - 1):
        left = starts[bisect_right(starts, start - 1) - 1]
    right = end
    if end < len(text) and _CODE_CHAR.match(text, end):
        right = ends[bisect_right(starts, end) - 1]
    return _a_letter_before_a_digit(text, left, right)


@lru_cache(maxsize=8)
def _code_runs(text: str) -> tuple[list[int], list[int]]:
    """The starts and ends of the text's maximal runs of [a-z0-9._-], found once per text (v22: extending each
    number's run character by character was quadratic in a long run such as -1-1-1-1...)."""
    spans = [m.span() for m in _CODE_RUN.finditer(text)]
    return [span[0] for span in spans], [span[1] for span in spans]


@lru_cache(maxsize=1024)
def _a_letter_before_a_digit(text: str, left: int, right: int) -> bool:
    """Whether text[left:right], a currency code at its start left out, has a letter before one of its digits."""
    prefix = _CURRENCY_CODE_AT.match(text, left, right)
    if prefix is None and left > 0 and not text[left - 1].isascii() and text[left - 1] in _QUANTITY_END:
        prefix = _VS_AT.match(text, left, right)  # v24: 18个月vs24个月 (not 用VS2019)
    pos = prefix.end() if prefix else left
    letter = _LETTER.search(text, pos, right)
    return letter is not None and _DIGIT.search(text, letter.end(), right) is not None


_CODE_CHAR = re.compile(r"[A-Za-z0-9._\-]")
_LETTER = re.compile("[A-Za-z]")
_DIGIT = re.compile("[0-9]")

# A currency code right before the digits (RMB1200万元, USD50) is no code prefix (v7)
_CURRENCY_CODE_AT = re.compile(r"(?:rmb|cny|usd|hkd|eur)(?=[0-9])", re.IGNORECASE)
_VS_AT = re.compile(r"vs\.?(?=[0-9])", re.IGNORECASE)  # v24: "versus" right after a CJK unit, before digits


def _padded_clock_or_date(text: str, plain: str, end: int) -> bool:
    """A two-digit zero-padded hour, month or day (09:00, 03月, 05日) is its number, not a code like 0012."""
    return len(plain) == 2 and end < len(text) and text[end] in _PADDED_BEFORE


# Digit groups joined by hyphens are a phone number, whose groups are no figures (v9): three groups or more, two of
# them of three digits or more (400-820-8820, 021-1997-8888, 1-800-555-0199; not the date 2024-05-20), an area code
# and a group of seven or eight digits (021-19978888), or any after 电话, 手机, 热线, 传真, 座机, tel, phone or fax
# (电话：1997-8888). A point written so is matched as text, digit for digit; 2019-2020年 and 30-50 stay ranges, and
# groups that a unit follows are figures (2020-2022-2024年, 100-200-300万元).
_HYPHENATED_DIGITS = re.compile(r"(?<![0-9.,a-z-])[0-9]+(?:-[0-9]+)+(?![0-9]|\.[0-9]| ?[\u4e00-\u9fff%])")
_PHONE_WORDS = "电话|手机|热线|传真|座机|(?<![a-z])(?:tel|phone|fax)"
_PHONE_WORD_BEFORE = re.compile(f"(?:{_PHONE_WORDS})(?:号码|号)? ?[:：]? ?[为是]? ?$")


def _in_a_phone_number(text: str, start: int, end: int) -> bool:
    """The number at [start, end) is a group of a phone number (400-820-8820)."""
    if text[start - 1 : start] != "-" and text[end : end + 1] != "-":
        return False
    for run in _HYPHENATED_DIGITS.finditer(text, max(0, start - 24), min(len(text), end + 24)):
        if run.start() <= start and end <= run.end():
            groups = run.group().split("-")
            long_groups = sum(len(group) >= 3 for group in groups)
            if len(groups) >= 3 and long_groups >= 2:
                return True
            if len(groups) == 2 and re.fullmatch("0[0-9]{2,3}", groups[0]) and len(groups[1]) in (7, 8):
                return True
            return _PHONE_WORD_BEFORE.search(text, max(0, run.start() - 12), run.start()) is not None
    return False


# Before 负, a party, a distributive word or a modal makes it the verb "to bear" (v8): 甲方负30%的责任, 承保人负20%,
# 各自负50%, 分别负60%, 个人负三成, 均负, 需负 - not a minus sign as in 为负20%, 同比负20%, 利润率负20%, 平均负20%.
BEARER_BEFORE_FU = frozenset("方人者户商家各自别均需须应")  # not 司, 行: 公司负20%的增长, 银行负0.1%的利率


_SIGN_STANDS_AFTER = frozenset("为是约:=(（\n ")  # before an em dash that is a minus sign: 为—20%, ：—50%, (—3%)


def _sign(text: str, start: int) -> int:
    """-1 for a minus sign right before the number (-, −, –, 负; v9: —): 负50% is -50%, but 正负5% is ±5%, 甲方负30%
    bears 30%; not a hyphen (a-1, 10-20), not a subtraction (120万元-30)."""
    if start > 0 and text[start - 1] == "负":  # a minus where jieba starts a word with it: 为|负|3, not 背负 or 正负
        bears = start >= 2 and text[start - 2] in BEARER_BEFORE_FU and not text.endswith("平均", 0, start - 1)
        return -1 if start - 1 in word_starts(text) and not bears else 1
    if start > 0 and text[start - 1] in "-−–":
        before = text[start - 2] if start >= 2 else " "
        if not (before.isascii() and before.isalnum()) and before not in _QUANTITY_END:
            return -1
    if start > 0 and text[start - 1] == "—":  # v9: an em dash where a sign stands (增长率为—20%, ROI：—50%); after a
        before = text[start - 2] if start >= 2 else "\n"  # label it separates (回本周期—20个月, 市场份额—20%)
        if before in _SIGN_STANDS_AFTER:
            return -1
    return 1


# 1/2小时 is half an hour: its 2 is no quantity of its own. Only a fraction's shape - one digit over one or two, no
# second slash - so that alternatives stay figures (30/60/90天, 100/200万元, 2022/2023年度).
_DENOMINATOR = re.compile(r"(?<![0-9/⁄.])[1-9] ?[/⁄] ?$")
_DENOMINATOR_END = re.compile(r"[0-9]{1,2}(?![0-9])(?! ?[/⁄])")
# A 一 after 统同唯之单逐划专万, or a 十 after 数几, may belong to a word that counts nothing (统一年度, 同一年, 唯一,
# 之一, 单一, 万一; 数十万, 几十个: tens of) - or not (系统一致性, 合同一千二百万元, 人数十二人). jieba's segmentation
# decides: the numeral is a number when it starts a word. A 十 followed by a digit is a number (v8): tens are never
# counted in ones, so 系统数十五个 is 数 (the number of) and 十五个, whatever jieba makes of 数十.
ONE_IN_WORDS = frozenset("统同唯之单逐划专万")
VAGUE_TENS = frozenset("数几")
ODD_ONES = frozenset("几")  # after a round number: 十几 is 11-19, 二十几 21-29, 10几 as 十几 (v9)
_ROUND_END = frozenset("0十百千万")  # a point's number that ends so may be followed by 几 in the answer
_ONES_AFTER_TEN = frozenset("一二三四五六七八九")


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    from ..rag.tokenize import import_jieba

    jieba = import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=256)
def words_at(text: str) -> dict[int, str]:
    """jieba's words of the text, by the position where each starts."""
    words, pos = {}, 0
    for token in _segmenter().lcut(text):
        words[pos] = token
        pos += len(token)
    return words


@lru_cache(maxsize=256)
def word_starts(text: str) -> frozenset[int]:
    """The positions where jieba starts a word in the text."""
    return frozenset(words_at(text))


def _not_a_count(text: str, start: int) -> bool:
    """The answer's Chinese numeral at `start` is inside a word (统一, 同一) or a vague amount (数十, 几十)."""
    if start == 0 or start >= len(text):
        return False
    char, before = text[start], text[start - 1]
    if char == "十" and before in VAGUE_TENS and text[start + 1 : start + 2] in _ONES_AFTER_TEN:
        return False  # 数十五个: the number of them is fifteen (数十 would be tens of)
    if (char == "一" and before in ONE_IN_WORDS) or (char == "十" and before in VAGUE_TENS):
        return start not in word_starts(text)
    return False


# Words that hold a Chinese numeral and count nothing (v9, with chinese_numerals): 十分重要 (very) is no 10分, 一次性
# (one-off) no 1次, 第三方 (a third party) no 3方, 一定 一般 一些 一切 一直 一起 一样 一致 进一步 (certain, usually,
# some, all, always, together, alike, consistent, further) no 1, 两者 (both) no 2, 二维码 (a QR code) no 2, 五金
# (hardware) no 5. The numeral is in such a word where jieba's word there holds the whole of it (一般来说, 系统一致性);
# 十分 only before a word (十分重要; not 满分十分。 or 十分钟), 一起 not before what 起 counts (一起安全事故: an
# incident). A point that holds the word is read the same way, so 一次性支付 still covers 一次性支付.
NUMERALS_IN_WORDS: tuple[str, ...] = ("一定", "一般", "一些", "一切", "一直", "一起", "一样", "一致", "进一步")
NUMERALS_IN_WORDS += ("一次性", "第三方", "两者", "二维码", "五金", "十分")
_COUNTED_BY_QI = re.compile(
    "[^，。；,.;!?！？]{0,8}?(?:事故|事件|案件|案例|纠纷|投诉|火灾|故障|诉讼|冲突|泄露|攻击|违规)|\\s*(?:[，。；,.;!?！？)）]|$)"
)
# ... or after what counts them (仅发生一起, 共一起, 事故：一起): 一起 is "together" only where none of these counts
_COUNTING_BEFORE_QI = re.compile("(?:仅|只|共|一共|总共|发生了?|出现了?|有|再|又|第|全年|每年|[:：])\\s*$")


# v10: 十分 is a score (10分), not "very", after 满分 or 总分 (满分十分的量表, 满分为十分), before 满分
# (十分满分), and after a counting verb (考了, 得了, 打了, 拿了, 评了 ...) where what follows is no word it
# would modify: 考了十分就哭了, 考了十分左右, 拿了十分以上 - not 拿了十分重要的文件, 得了十分严重的病, nor
# after the complement 得 (考得十分好, 变得十分重要).
_SCORE_BEFORE_SHIFEN = re.compile("(?:满分|总分)(?:为|是|:)? ?$")
_COUNTING_VERB_BEFORE_SHIFEN = re.compile("(?:(?:考|打|拿|评|给|扣|获|加)了?|得了|获得了?|拿到了?|考到了?|得到了?) ?$")
_AFTER_A_SCORE = re.compile(
    " ?(?:满分|左右|上下|以上|以下|以内|而已|罢了|之多|不到|就|还|也|都|了|呢|吧|啊|呀|吗"
    "|而|但|却|和|或|与|及|(?![\u4e00-\u9fff]))"
)


def _a_score_of_ten(text: str, word_start: int, word_end: int) -> bool:
    """The 十分 at word_start:word_end is a score of ten points (v10): after 满分, before 满分, or after a counting verb
    with no word it would modify after it."""
    if _SCORE_BEFORE_SHIFEN.search(text, max(0, word_start - 4), word_start) or text.startswith("满分", word_end):
        return True
    return bool(
        _COUNTING_VERB_BEFORE_SHIFEN.search(text, max(0, word_start - 4), word_start)
        and _AFTER_A_SCORE.match(text, word_end)
    )


def _in_a_word(text: str, start: int, run: str) -> bool:
    """The Chinese numeral run at `start` lies inside a word of `NUMERALS_IN_WORDS` that jieba keeps whole there."""
    for word in NUMERALS_IN_WORDS:
        at = word.find(run)
        if at == -1 or not text.startswith(word, start - at):
            continue
        word_start, word_end = start - at, start - at + len(word)
        if word == "十分" and (word_end >= len(text) or not _cjk_letter(text[word_end]) or text[word_end] == "钟"):
            continue  # 满分十分。, 十分钟
        if word == "十分" and _a_score_of_ten(text, word_start, word_end):
            continue  # 考了十分左右, 满分十分的量表 (v10)
        if word == "一起" and (
            _COUNTED_BY_QI.match(text, word_end) or _COUNTING_BEFORE_QI.search(text, max(0, word_start - 4), word_start)
        ):
            continue  # 一起安全事故: one incident
        covering = next((s + len(w) for s, w in words_at(text).items() if s <= word_start < s + len(w)), word_start)
        if covering >= word_end:
            return True  # jieba keeps the word whole there (一般|来说 or 一般来说, not 统|一般|...)
    return False


# v26: idioms built of numerals count nothing (一年一度 is "yearly", 三天两头 "often", 一天到晚 "all day long"): with
# chinese_numerals their numerals are no numbers, so 一年一度 no longer states 1年 nor 三天两头 3天. Whole idioms
# only: 一年 alone, 三天后 and 一天内 stay durations.
NUMERAL_IDIOMS = (
    "一年一度|一年到头|一年半载|三年五载|三年两载|一天到晚|三天两头|三天打鱼|两天晒网|一日千里|一日三秋|一朝一夕"
    "|一时半会|十全十美|一五一十|三番五次|三番两次|七上八下|七嘴八舌|七手八脚|乱七八糟|横七竖八|五花八门|四面八方"
    "|三言两语|三心二意|三三两两|一心一意|一干二净|一清二楚|一穷二白|一分为二|一来二去|接二连三|不三不四|丢三落四"
    "|说一不二|独一无二|万无一失|九牛一毛|十有八九|八九不离十|千方百计|千篇一律|百里挑一|一模一样|一举两得|一石二鸟"
    "|一刀两断|一波三折|一日三餐|四平八稳|七零八落|十万火急|九死一生|一言九鼎|一诺千金|一字千金|三长两短|五湖四海"
)
_NUMERAL_IDIOM = re.compile(NUMERAL_IDIOMS)


def _idiom_spans(text: str) -> tuple[list[int], list[int]]:
    """The starts and ends of the text's numeral idioms, in order (they do not overlap)."""
    spans = [m.span() for m in _NUMERAL_IDIOM.finditer(text)]
    return [a for a, _ in spans], [b for _, b in spans]


def _in_an_idiom(spans: tuple[list[int], list[int]], pos: int) -> bool:
    starts, ends = spans
    at = bisect_right(starts, pos) - 1  # the last idiom that starts at or before pos: a lookup, not a scan
    return at >= 0 and pos < ends[at]


def _cjk_letter(char: str) -> bool:
    return char >= "\u4e00" and char.isalpha()


# A label's number before a space and a group of digits is no thousands group (v9): 方案1 200万元 is 方案1 and 200万元,
# 问题2 300万元 问题2 and 300万元, as Q1 200万元 is Q1 and 200万元. The label: 方案, 问题, 第, 阶段, 选项, 步骤, 场景,
# 案例, 项目, and 期 or 级 after no numeral (二期1 200万元 is 1200万元); its number has one or two digits.
_LABEL_BEFORE = re.compile(f"(?:方案|问题|第|阶段|选项|步骤|场景|案例|项目|(?<![0-9{_CN_CHARS}])[期级]) ?$")


def _arabic_matches(text: str) -> Iterator[re.Match[str]]:
    """The Arabic numbers of a text; a space-grouped one whose first group ends a code (Q1 200万元, H1 120万元) is the
    code and then a number of its own, not 1 200; one whose first group is a label's number (方案1 200万元, v9) is
    that number and then one of its own."""
    for m in _ARABIC.finditer(text):
        first_space = m.group("num").find(" ")
        code = first_space > 0 and _is_code(text, m.start(), m.start() + first_space)
        label = 0 < first_space <= 2 and not code and _LABEL_BEFORE.search(text, max(0, m.start() - 3), m.start())
        if code or label:
            if label:
                yield from _ARABIC.finditer(text, m.start(), m.start() + first_space)
            rest = _ARABIC.match(text, m.start() + first_space + 1)
            if rest is not None:
                yield rest
            continue
        yield m


# Arabic digits with scale words, as Chinese writes a mixed number (v9, with scale words): 1亿2000万 is 1.2亿, 1亿2千万
# too, 1万5000 is 15000 and 3千5百 3500 - one value, each term below the scale before it (a bare last term has its
# digits: 1万5000, not 1万5), so its parts are no figures (1亿 and 2000万 are not in 1亿2000万, as before).
# v10: read as Chinese reads it, in sections that 万 and 亿 close: 千, 百 and 十 count inside the section that the next
# 万 or 亿 closes, so 1亿2千5百万 is 1.25亿 (not 1亿 and 2千 and 5百万), 2千5百万 2500万 and 3万5千 35000. A term is
# below the one before it (2千 then 5百; a section closed by 万 after one closed by 亿), or the mixed number ends
# before it (10万20万, 3千万5百万: two figures).
_COMPOUND_TERM = re.compile("(?P<digits>[1-9][0-9]*)(?![0-9]|\\.[0-9])(?P<units>[十百千]?万?亿?)")
_INNER_UNITS = {"": 1, "十": 10, "百": 100, "千": 1000}
_SECTION_UNITS = {"": 0, "万": 10**4, "亿": 10**8}


def _compound(text: str, first: Decimal, units: str, pos: int) -> tuple[Decimal, Decimal, int] | None:
    """The value, smallest scale and end of a mixed number whose first term (`first` and its scale word `units`: 亿,
    千, 千万 ...) ends at `pos` and goes on with more terms (1亿 then 2千5百万: 1.25亿), else None."""
    total, section = Decimal(0), Decimal(0)
    inner_limit, section_limit = Decimal(10**4), Decimal(10**9)  # a term is below these in its section / sections
    place, terms = Decimal(1), 0
    term: re.Match[str] | None = None
    while True:
        inner = _INNER_UNITS.get(units[:1] if units[:1] in "十百千" else "", 1)
        close = Decimal(_SECTION_UNITS.get(units[1:] if inner > 1 else units, -1))
        if close < 0 or (close and close >= section_limit):
            break  # 万亿, or 10万 then 20万: not this number's term
        if terms and inner > 1 and (first >= 10 or inner >= inner_limit):
            break  # 2千 then 5千, 20千
        if terms and inner == 1 and not close and len(str(first)) != len(str(int(place))) - 1:
            break  # a bare last term has the digits of the places left: 1万5000, 3千5百20 (not 1万5)
        if terms and inner == 1 and first >= inner_limit:
            break  # 1亿2千 then 3000万
        section += first * inner
        place = Decimal(inner)
        inner_limit = Decimal(inner)
        if close:
            total, section = total + section * close, Decimal(0)
            place, inner_limit, section_limit = close, Decimal(10**4), close
        terms += 1
        term = _COMPOUND_TERM.match(text, pos) if inner > 1 or close else None
        if term is None:
            break
        first, units, pos = Decimal(term.group("digits")), term.group("units"), term.end()
    if terms < 2:
        return None
    end = pos if term is None else term.start()
    return total + section, place, end


@lru_cache(maxsize=512)
def _find_numbers_cached(text: str, forms: NumberForms) -> tuple[Mention, ...]:
    found: list[Mention] = []
    consumed = 0  # the end of a mixed number (1亿2000万): its terms are no numbers of their own
    for m in _arabic_matches(text):
        if m.start() < consumed:
            continue
        digits = m.group("num")
        if _DENOMINATOR.search(text, max(0, m.start() - 4), m.start()) and _DENOMINATOR_END.match(text, m.start()):
            continue
        plain = digits.replace(",", "").replace(" ", "")
        if len(plain) > 1 and plain[0] == "0" and plain[1] != "." and not _padded_clock_or_date(text, plain, m.end()):
            continue  # 0012: a code, matched as text
        if _is_code(text, m.start(), m.end()) or _in_a_phone_number(text, m.start(), m.end()):
            continue
        sign = _sign(text, m.start())
        amount = Decimal(plain)
        end = m.end()
        scale = Decimal(1)
        if forms.scaled:
            s = _SCALE.match(text, end)
            if s:
                scale = Decimal(SCALE_WORDS[s.group(1)])
                amount, end = amount * scale, s.end()
                whole = s.group() == s.group(1) and "." not in plain
                compound = _compound(text, Decimal(plain), s.group(1), end) if whole else None
                if compound is not None:
                    amount, scale, end = compound
                    consumed = end
            else:
                english = _english_scale(text, m.start(), end)
                if english is not None:
                    scale, end = english
                    amount *= scale
        p = _PERCENT.match(text, end)
        if p:
            end = p.end()
        start = m.start() - (1 if sign < 0 and amount else 0)
        spoken = next((w for w in _SPOKEN_PERCENT if text.endswith(w, 0, start)), None)  # 百分之3.5 is 3.5%
        if spoken is not None and p is None:
            start -= len(spoken)
        percent = p is not None or spoken is not None
        found.append(Mention(start, end, amount * sign, scale, percent, text[start:end]))
    if forms.chinese:
        idioms = _idiom_spans(text)
        for m in _chinese_runs(text):
            cn_value = chinese_value(m.group("num"))
            if cn_value is None or _not_a_count(text, m.start()):  # m.start(): 百分之一 is 1%, not 之一
                continue
            if idioms[0] and _in_an_idiom(idioms, m.start("num")):
                continue  # v26: 一年一度, 三天两头
            if m.group("pct") is None and _in_a_word(text, m.start("num"), m.group("num")):
                continue  # 十分重要, 一次性, 第三方 (v9)
            sign = _sign(text, m.start())
            end = m.end()
            scale = Decimal(1)
            about = _SCALE.match(text, end) if text[end : end + 1] in _ABOUT else None
            if about is not None and m.group("pct") is None:  # 一千二百多万 is 1200多万: about 1200万 (v9)
                scale = Decimal(SCALE_WORDS[about.group(1)])
                cn_value, end = cn_value * scale, about.end()
            percent = m.group("pct") is not None
            if not percent:
                p = _PERCENT.match(text, end)
                if p:
                    end, percent = p.end(), True
                elif _TENTHS.match(text, end) and scale == 1 and 0 < cn_value <= 10 and text[m.start() : end] != "一":
                    cn_value, end, percent = cn_value * 10, end + 1, True  # v16: 两成 is 20%, 四成 40%
                elif (tenths := _TENTHS_AND_HUNDREDTHS.match(text, end)) and scale == 1 and 0 < cn_value < 10:
                    cn_value += Decimal(CN_DIGITS[tenths.group(1)]) / 10  # v26: 八成五 is 85%, 九成九 99%
                    cn_value, end, percent = cn_value * 10, tenths.end(), True
            start = m.start() - (1 if sign < 0 else 0)
            found.append(Mention(start, end, cn_value * sign, scale, percent, text[start:end]))
        found.sort(key=lambda mention: mention.start)
    return tuple(found)


# v18: a 零 right after a unit of time joins two quantities (一年零八个月, 两小时零五分钟): it is no number, and the
# numeral after it is one of its own (零八 would read as a code, as 007 does)
_UNIT_BEFORE_LING = frozenset("年月周天时钟分秒")
_CHINESE_AFTER_LING = re.compile(f"(?P<pct>(?!))?(?P<num>[{_CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?)")


def _chinese_runs(text: str) -> Iterator[re.Match[str]]:
    """The runs of Chinese numerals in a text, a 零 that joins two quantities of time left out (v18)."""
    for m in _CHINESE.finditer(text):
        joined = m.group("pct") is None and m.group("num")[0] == "零" and m.start() > 0
        if not joined or text[m.start() - 1] not in _UNIT_BEFORE_LING:
            yield m
            continue
        rest = _CHINESE_AFTER_LING.match(text, m.start() + 1) if len(m.group("num")) > 1 else None
        if rest is not None:
            yield rest


# v16: with chinese_numerals a numeral before 成 counts tenths (两成 is 20%, 四成左右 about 40%) - not 一成 (一成不变),
# nor 成 that starts a word (两成员, 三成本) or goes on into a decimal (九成九)
_TENTHS = re.compile(f"成(?![员本功立为熟果绩交长就品型都年人{_CN_CHARS}0-9])")
# v26: and one numeral after 成 its hundredths (八成五 is 85%, 九成九 99%) - where no unit or numeral follows it
# (三成五个, 八成五年 count other things)
_TENTHS_AND_HUNDREDTHS = re.compile(f"成([一二三四五六七八九])(?![{_CN_CHARS}0-9个年月天周人次份件台名位家])")


def _english_scale(text: str, start: int, end: int) -> tuple[Decimal, int] | None:
    """The multiplier and end of an English scale word after the number at start:end (v11): a word (1.2 million), or
    a letter in money ($1.2M, 500k dollars); else None."""
    word = _EN_SCALE_WORD.match(text, end)
    if word is not None:
        return Decimal(EN_SCALE_WORDS[word.group(1)]), word.end()
    abbreviation = _EN_SCALE_ABBREVIATION.match(text, end)
    if abbreviation is not None:
        return Decimal(EN_SCALE_ABBREVIATIONS[abbreviation.group(1)]), abbreviation.end()
    letter = _EN_SCALE_LETTER.match(text, end) if text[end : end + 1] in "kmb" else None
    if letter is None:
        return None
    if _MONEY_BEFORE.search(text, max(0, start - 5), start) or _MONEY_AFTER.match(text, letter.end()):
        return Decimal(EN_SCALE_LETTERS[letter.group(1)]), letter.end()
    return None


def find_numbers(text: str, forms: NumberForms | None = None) -> list[Mention]:
    """Every number in a normalised text, in order."""
    return list(_find_numbers_cached(text, forms or NumberForms()))


# v14: English cardinal number words are numbers where they count something (twenty months, twenty-seven sets, a
# twenty-month period, one hundred and twenty months, twenty percent): `NumberPattern` reads them in the answer for a
# point written with digits that names what its number counts (a unit or % after it), never for a bare number (one of
# the reasons); a point written in words stays text. A small table, read by hand: the libraries that read number words
# (word2number, text2num, number-parser) return a converted string, not where each number stands in the normalised
# answer, which the edge, range, negation and echo rules need. A run is read as English says a number - tens then a
# unit (twenty-seven, twenty seven), hundreds (one hundred and twenty, a hundred, twelve hundred), thousands and up (two
# thousand five hundred) - and ends where a word no longer goes on with it (one two three is three numbers). Its last
# thousand, million or billion is a scale word, read as after digits: twenty million is 20 million, 2千万 only with the
# scale-word forms. No number: an ordinal or a fraction (twenty-first, two-thirds) and a dozen (mostly "about twelve").
EN_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
EN_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16}
EN_TEENS |= {"seventeen": 17, "eighteen": 18, "nineteen": 19}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_CARDINAL_WORD = "(?:" + "|".join([*EN_ONES, *EN_TEENS, *EN_TENS, "hundred", *EN_SCALE_WORDS]) + ")(?![a-z])"
# a run of number words as a normalised text holds it; "a" or "an" only before a hundred or a scale word
_EN_CARDINAL = (
    f"(?:an? (?=(?:hundred|{'|'.join(EN_SCALE_WORDS)})(?![a-z])))?{_EN_CARDINAL_WORD}"
    f"(?:(?: and | |-){_EN_CARDINAL_WORD})*"
)
_EN_CARDINAL_RUN = re.compile(f"(?<![a-z-]){_EN_CARDINAL}")
_ORDINAL_AFTER = re.compile(
    "-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|halfs?|halves|thirds?|quarters?|fifths"
    "|sixths|sevenths|eighths|ninths|tenths)(?![a-z])"
)
_EN_WORD = re.compile("[a-z]+")
_EN_SMALL = EN_ONES | EN_TEENS | EN_TENS
# what a number word may follow in one number: twenty-seven, one hundred (and) twenty, two thousand five hundred
_MAY_FOLLOW = {"ones": ("", "tens", "hundred", "scale"), "teens": ("", "hundred", "scale")}
_MAY_FOLLOW |= {"tens": ("", "hundred", "scale"), "hundred": ("ones", "teens", "tens")}
_MAY_FOLLOW |= {"scale": ("ones", "teens", "tens", "hundred")}


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
            if last not in ("hundred", "scale") or k + 1 == len(words) or words[k + 1] not in _EN_SMALL:
                break
            continue
        if kind not in _MAY_FOLLOW or last not in _MAY_FOLLOW[kind]:
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
            group += _EN_SMALL[word]
        last, read = kind, k + 1
    if read and last == "scale" and scales == 1:
        return read - 1, total // limit  # twenty thousand: a scale word after twenty
    return read, total + group


def spelled_value(run: str) -> Decimal | None:
    """The value of the (first) number that a run of English number words says: 27 for twenty-seven."""
    read, value = _spelled_number(_EN_WORD.findall(run))
    return Decimal(value) if read else None


@lru_cache(maxsize=512)
def _spelled_numbers(text: str, forms: NumberForms) -> tuple[Mention, ...]:
    """The numbers that English number words say in a normalised text (v14), each with its scale word (with the
    scale-word forms) and its percent."""
    found = []
    for run in _EN_CARDINAL_RUN.finditer(text):
        if _ORDINAL_AFTER.match(text, run.end()):
            continue  # twenty-first, one hundred twenty-first
        tokens = list(_EN_WORD.finditer(run.group()))
        i = 0
        while i < len(tokens):
            read, value = _spelled_number([t.group() for t in tokens[i:]])
            if read == 0:
                i += 1
                continue
            start, end = run.start() + tokens[i].start(), run.start() + tokens[i + read - 1].end()
            amount, scale = Decimal(value), Decimal(1)
            english = _english_scale(text, start, end) if forms.scaled else None
            if english is not None:
                scale, end = english
                amount *= scale
            percent = _PERCENT.match(text, end)
            end = percent.end() if percent else end
            found.append(Mention(start, end, amount, scale, percent is not None, text[start:end]))
            i += read
    return tuple(found)


_A_WORD_AFTER = re.compile("[ -][a-z]")


def number_words_as_digits(text: str, forms: NumberForms | None = None) -> str:
    """A (normalised) key point's English cardinal numbers before what it counts, or before percent, in digits (v24:
    two years -> 2 years, twenty percent -> 20%), so that the point is matched as a number - twenty months as 20
    months, and "one or two years" no longer holds "two years" as text; other text is left as it is."""
    kept, pos = [], 0
    for m in _spelled_numbers(text, forms or NumberForms()):
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
_TIME_OR_RATIO = re.compile(r"(?<![a-z0-9.])(?P<a>[0-9]{1,2}) ?: ?(?P<b>[0-9]{2})" + _NO_UNIT_AFTER)
_RATIO_TO_ONE_DIGIT = re.compile(r"(?<![a-z0-9.])(?P<a>[0-9]{2}) ?: ?(?P<b>[0-9])" + _NO_UNIT_AFTER)
_DATE_MONTH_BEFORE = re.compile(r"(?<![0-9])[0-9]{4}([-/.])$")
_DATE_DAY_AFTER_MONTH = re.compile(r"([-/.])[0-9]{1,2}(?![0-9.])")
_DATE_DAY_BEFORE = re.compile(r"(?<![0-9])[0-9]{4}([-/.])[0-9]{1,2}\1$")


def _part_of_a_time_ratio_or_date(text: str, start: int, end: int, pattern: str) -> bool:
    """The answer's number at [start, end) is one side of a clock time or ratio, or a date's month or day, and the
    key point is not written with that colon or separator itself."""
    window = (max(0, start - 6), min(len(text), end + 6))
    for m in (*_TIME_OR_RATIO.finditer(text, *window), *_RATIO_TO_ONE_DIGIT.finditer(text, *window)):
        sides = ((m.start("a"), m.end("a")), (m.start("b"), m.end("b")))
        if (start, end) in sides and ":" not in pattern:
            return True
    if _DATE_DAY_BEFORE.search(text, max(0, start - 9), start):
        return True
    month = _DATE_MONTH_BEFORE.search(text, max(0, start - 6), start)
    after = _DATE_DAY_AFTER_MONTH.match(text, end)
    return month is not None and after is not None and month.group(1) == after.group(1)


def _numeral_edge_ok(text: str, start: int, end: int, pattern: str) -> bool:
    """A key point that starts (ends) with a numeral is not a piece of a longer number in the answer."""
    if pattern and pattern[0] in NUMERAL_CHARS and start > 0 and text[start - 1] in NUMERAL_CHARS:
        return False
    if _not_a_count(text, start):
        return False
    if pattern and _part_of_a_time_ratio_or_date(text, start, end, pattern):
        return False
    if pattern and pattern[-1] in NUMERAL_CHARS and end < len(text):
        after, digit_after = text[end], text[end + 1 : end + 2]
        if after in NUMERAL_CHARS or (after == "." and digit_after.isdigit()):
            return False
        if after in ODD_ONES and pattern[-1] in _ROUND_END and digit_after != "乎":  # not 几乎, almost
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
_RUN_OF_NUMERALS = re.compile(f" ?(?:and |又)?[0-9{_CN_CHARS}]+(?:\\.[0-9]+)? ?")  # 1 year and 3 months, 一年又三个月
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
_BEFORE_HALF = re.compile(f"(?:[0-9](?:{_HALF_UNITS})?|[{_CN_CHARS}](?:{_HALF_UNITS}))$")
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
_RANGE_AFTER = re.compile(
    f" ?(?P<mark>{_MARK_BEFORE_AN_END}|to |through |thru ) ?(?P<b>[0-9]+(?:[.,][0-9]+)*|[{_CN_CHARS}]+|{_EN_CARDINAL})"
    f"(?P<scale>(?<=[0-9])[万亿千百十]{{1,2}})?"
)
_RANGE_BEFORE = re.compile(
    f"(?<![0-9.,{_CN_CHARS}])(?P<a>[0-9]+(?:[.,][0-9]+)*|[{_CN_CHARS}]+|(?<![a-z-]){_EN_CARDINAL})"
    f"(?P<scale>(?<=[0-9])[万亿千百十]{{1,2}})?"
    f"(?P<unit>[^0-9{_CN_CHARS}=]{{0,6}}?) ?(?P<mark>{_RANGE_MARKS}) ?$"
)
_BETWEEN_BEFORE = re.compile(
    f"(?<![a-z])between (?:[0-9]+(?:[.,][0-9]+)*|{_EN_CARDINAL})(?P<unit>[^0-9]{{0,12}}?) and $"
)
# v14: and a range written "between 3 days and 5 days" starts with its first end
_BETWEEN_START = re.compile("(?<![a-z])between $")
_AND_A_NUMBER = re.compile(f" and (?:[0-9]|{_EN_CARDINAL})")
_UNIT_AFTER_NUMBER = re.compile(f"[0-9{_CN_CHARS}](?P<unit>[^0-9{_CN_CHARS}]+)$")
# not 个月, 小时, (v14) 工作日: 5个工作日 is five working days, no date
_DATE_OR_TIME = re.compile(r"(?:^|[^0-9])[0-9]{4} ?年$|(?<!工作)日$|[号点]$|(?<!个)月$|(?<!小)时$")
# "=" right after the second quantity or right before the first: a subtraction, not a range (120万元-30万元=90万元)
_EQUALS_AFTER = re.compile(r" ?\)? ?=")
_EQUALS_BEFORE = re.compile(r"= ?\(? ?$")
# A change verb before from/从/由: rose from 30% to 50%, reduced from 24 to 20 months, 下降从...
_CHANGE_VERBS_EN = (
    "rose|rise|rises|rising|fell|fall|falls|falling|fallen|increase|increases|increased|increasing|decrease|decreases"
    "|decreased|decreasing|drop|drops|dropped|dropping|grew|grow|grows|growing|grown|reduce|reduces|reduced|reducing"
    "|cut|cuts|cutting|improve|improves|improved|improving"
)
_CHANGE_VERBS_ZH = "缩短|提高|提升|下降|上升|增长|减少|降|升|增|减"
_CHANGE_BEFORE = re.compile(
    f"(?:(?<![a-z])(?:{_CHANGE_VERBS_EN})(?: [a-z]+)? from|(?:{_CHANGE_VERBS_ZH})了? ?(?:从|由)) ?$"
)


_SPOKEN_PERCENT_POINT = re.compile(f"百分之 ?(?:[0-9]+(?:\\.[0-9]+)?|[{_CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?)")


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


def _other_end_unit(text: str, pos: int, unit: str, number: str) -> str | None:
    """The unit after a range's other end (its number at `pos`): the point's unit, its classifier twin or (v14)
    another unit of time where the point's is one; else None."""
    twin = classifier_twin(unit)
    if text.startswith(unit, pos):
        return unit
    if twin and text.startswith(twin, pos):
        return twin
    duration = _DURATION_AT.match(text, pos) if unit in _DURATIONS else None
    return duration.group() if duration is not None and _a_duration(duration.group(), number) else None


def _point_number(pattern: str) -> Mention | None:
    """The point's number; v18: a compound duration's sum in its smaller unit (1年8个月: 20), a half added (1年半:
    1.5), so that a range's ends compare as the point's."""
    mentions = _find_numbers_cached(pattern, NumberForms(chinese=True))
    if not mentions:
        return None
    first = mentions[0]
    if len(mentions) == 1 and _HALF_OF_A_UNIT.search(pattern, first.end):
        return replace(first, value=first.value + Decimal("0.5"))
    joint = pattern[first.end : mentions[1].start].strip() if len(mentions) == 2 else ""
    larger = next((unit for unit in _PER_LARGER_UNIT if joint.removesuffix(" and").rstrip("零又") == unit), None)
    if larger is None or joint not in _COMPOUND_JOINTS:
        return first
    return replace(first, value=first.value * _PER_LARGER_UNIT[larger] + mentions[1].value)


_HALF_OF_A_UNIT = re.compile("(?<=个)半(?=小时|钟头)|(?<=年|时)半$")


def _not_a_range(text: str, first_start: int, mark: str, second_end: int) -> bool:
    """The pair of quantities is a change (after a change verb), a subtraction (an "=" after the second or before
    the first: 120万元-30万元=90万元, 120 – 30 = 90万元) or, joined by "-", a code (a letter before the first)."""
    if _CHANGE_BEFORE.search(text, max(0, first_start - 48), first_start):  # v25: near it only (linear)
        return True
    if _EQUALS_BEFORE.search(text, max(0, first_start - 8), first_start) or _EQUALS_AFTER.match(text, second_end):
        return True
    return mark == "-" and first_start > 0 and text[first_start - 1].isascii() and text[first_start - 1].isalpha()


# A percentage range written with 百分之 (v9): 百分之二十到百分之三十, 百分之20到百分之30, 20%至百分之三十 - and, when
# the first end is written with 百分之, a second end without a sign or unit (百分之二十至三十, 百分之20-30).
_SPOKEN_PERCENT_RANGE_AFTER = re.compile(
    f" ?(?P<mark>{_MARK_BEFORE_AN_END}) ?(?:(?P<spoken>百分之) ?)?"
    f"(?P<b>[0-9]+(?:\\.[0-9]+)?|[{_CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?)(?![0-9.{_CN_CHARS}])"
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
    if unit is None or after is None:
        return False
    rest = after.end() + (1 if text[after.end() : after.end() + 1] == " " else 0)
    other_unit = _other_end_unit(text, rest, unit, after.group("b"))
    if other_unit is None and (after.group("scale") or not bare_end(text, after.end())):
        return False  # 20%到30个: no range (v10: 20%到30 is one)
    point = _point_number(pattern)
    second = _value(after.group("b"), after.group("scale"))
    if point is not None and _goes_down((point.value, True), second, point, _sizes(unit, other_unit)):
        return False
    second_end = after.end() if other_unit is None else rest + len(other_unit)
    return not _not_a_range(text, start, after.group("mark").strip(), second_end)


def _range_ends_here(text: str, start: int, end: int, pattern: str) -> bool:
    """The point's quantity ends a range that a number starts, with the same unit, part of it or none after that
    number (12到20个月, 10万至20万元, 30%~50%, 10-20个月, between 12 and 20 months)."""
    unit = _range_unit(pattern)
    if unit is None or pattern[:1] not in NUMERAL_CHARS:
        return False
    offset = max(0, start - 40)
    before = text[offset:start]
    m = _RANGE_BEFORE.search(before)
    if m is None:
        between = _BETWEEN_BEFORE.search(before)
        return between is not None and unit.startswith(_percent_sign(between.group("unit").strip()))
    other_unit = _percent_sign(m.group("unit").strip())
    same = unit.startswith(other_unit) or (classifier_twin(unit) or "").startswith(other_unit)
    if not same and not (unit in _DURATIONS and _a_duration(other_unit, m.group("a"))):
        return False  # as the point's unit (万元 -> 元), its classifier twin (2个小时至3小时) or (v14) one of time
    point = _point_number(pattern)
    first = _value(m.group("a"), m.group("scale"))
    if point is not None and _goes_down(first, (point.value, True), point, _sizes(other_unit, unit)):
        return False
    return not _not_a_range(text, offset + m.start("a"), m.group("mark"), end)


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


def _unit_runs_on(text: str, end: int, pattern: str) -> bool:
    """The answer goes on from the point's unit into a word (20人民币, 3天线) or, after 元, into another currency
    (1200万元港币) (v9)."""
    if pattern.endswith("元") and not pattern.endswith(_FOREIGN_YUAN) and _FOREIGN_CURRENCY_AFTER_YUAN.match(text, end):
        return True
    runs_into = _UNIT_RUNS_INTO_A_WORD.get(pattern[-1:])
    if runs_into is None or pattern[-2:-1] not in NUMERAL_CHARS or not runs_into.match(text, end):
        return False
    return len(words_at(text).get(end - 1, "")) >= 2


_POINT_NUMBER_FIRST = re.compile(f"[0-9{_CN_CHARS}]+(?:\\.[0-9]+)? ?")
_LARGER_BEFORE = {
    unit: re.compile(
        f"(?:(?<![0-9.{_CN_CHARS}每第])(?:[0-9]+|[{_CN_CHARS}]+)|(?<![a-z])(?:{_EN_NUMBER}|an?))"  # not 1.5年 8个月
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
    numbers = _find_numbers_cached(pattern, NumberForms(chinese=True)) if unit is not None else ()
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
        if _range_starts_here(text, start, end, pattern) or _range_ends_here(text, start, end, pattern):
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
        and not _an_end_of_a_money_range(text, start, end)
    )


# v25: an amount written with its currency before it ($500, ¥1200万) is no answer as an end of a range of amounts
# ($500-$600, $500 - 600, ¥1200万-¥1500万, $500 to $600), as 20个月至30个月 holds no 20个月 (the unit after the number
# had been the only one a range was looked for with), unless a verb of change makes it one (rose from $500 to $600)
_CURRENCY_START = re.compile(r"(?:us\$|[$¥€£]|(?:usd|rmb|cny|hkd|eur|gbp)(?![a-z]))")
_MONEY_RANGE_MARK = r"(?:-|–|—(?!—)|~|至|到|to(?![a-z]))"
_MONEY_RANGE_AFTER = re.compile(rf" ?{_MONEY_RANGE_MARK} ?(?:{_CURRENCY_START.pattern})? ?[0-9]")
_MONEY_RANGE_BEFORE = re.compile(
    rf"{_CURRENCY_START.pattern} ?[0-9][0-9,.]*(?: ?(?:[kmb]|mn|bn|million|billion|thousand|[万亿千]{{1,2}})(?![a-z]))?"
    rf" ?{_MONEY_RANGE_MARK} ?$"
)


def _an_end_of_a_money_range(text: str, start: int, end: int) -> bool:
    if not _CURRENCY_START.match(text, start):
        return False
    before = (
        None if _MONEY_RANGE_AFTER.match(text, end) else _MONEY_RANGE_BEFORE.search(text, max(0, start - 32), start)
    )
    if before is None and _MONEY_RANGE_AFTER.match(text, end) is None:
        return False
    first = start if before is None else before.start()
    return _CHANGE_BEFORE.search(text, max(0, first - 48), first) is None  # rose from $500 to $600: a change


@dataclass(frozen=True)
class Slot:
    """A number of a key point: its value and the form it was written in."""

    value: Decimal
    scale: Decimal
    percent: bool
    text: str


@dataclass(frozen=True)
class Found:
    start: int
    end: int


@dataclass(frozen=True)
class TextPattern:
    """A key point without a number: a substring, never a piece of a longer number or word at its edges."""

    text: str
    kind = "text"

    def search(self, answer: str) -> Iterator[Found]:
        """Where the text stands in the answer as written, then (v7) where it stands with the spaces next to CJK left
        out on both sides (已通过 PCI DSS for 已通过PCI DSS), as positions in the answer."""
        needle = spaced_out(self.text)[0]
        return _written_or_spaced(answer, lambda text, spaced: self._search(text, needle if spaced else self.text))

    @staticmethod
    def _search(answer: str, needle: str) -> Iterator[Found]:
        if not needle:
            return
        pos = answer.find(needle)
        while pos != -1:
            if edges_ok(answer, pos, pos + len(needle), needle):
                yield Found(pos, pos + len(needle))
            pos = answer.find(needle, pos + 1)


def _written_or_spaced(answer: str, search: Callable[[str, bool], Iterator[Found]]) -> Iterator[Found]:
    """The matches of `search` in the answer as written, then those in the answer without the spaces next to CJK
    (v7: models space figures and Latin words out in Chinese text, v5.0 于 2024 年), mapped back to the answer's
    positions. Both: a space may also end a quantity (下午3点 5人参加 has 3点, 3点5 would not)."""
    seen = set()
    for found in search(answer, False):
        seen.add((found.start, found.end))
        yield found
    spaced, where = spaced_out(answer)
    if len(spaced) == len(answer):
        return
    for found in search(spaced, True):
        mapped = Found(where[found.start], where[found.end - 1] + 1)
        if (mapped.start, mapped.end) not in seen:
            yield mapped


# v16: a number after 第 is an ordinal: 第20个月 (the twentieth month) states no 20个月, 第3年 no 3年, 第5名 no 5名
_ORDINAL_BEFORE = re.compile("第 ?$")
_YEAR_RANGE_REST = re.compile(r" ?(?:-|–|—|~|至|到) ?[0-9]{4} ?年")  # (NFKC made ～ a ~)
_ABOUT = ("多", "余", "来")  # between a number and its (CJK) unit: about, a little over
_ABOUT_EN = re.compile(r"(?:\+|-odd| or so)(?= )")  # v16: and an English unit (20 or so months, 20+ months)


@dataclass(frozen=True)
class NumberPattern:
    """A key point with numbers: text pieces around number slots, `pieces[i]` before `slots[i]`."""

    text: str
    pieces: tuple[str, ...]  # len(slots) + 1
    slots: tuple[Slot, ...]
    forms: NumberForms
    kind = "number"

    def _equal(self, slot: Slot, mention: Mention) -> bool:
        if slot.percent and not mention.percent:
            return False
        if self.forms.tolerance is not None:
            return parse_tolerance(self.forms.tolerance).allows(slot.value, mention.value, slot.scale)
        return slot.value == mention.value

    def search(self, answer: str) -> Iterator[Found]:
        """Where the point stands in the answer as written, then (v7) with the spaces next to CJK left out on both
        sides (v5.0 于 2024 年 for v5.0于2024年; the pieces are compiled so), as positions in the answer."""
        text = spaced_out(self.text)[0]
        return _written_or_spaced(answer, lambda answer_text, _: self._search(answer_text, text))

    def _search(self, answer: str, text: str) -> Iterator[Found]:
        mentions = _find_numbers_cached(answer, self.forms)
        if self.pieces[-1] or self.slots[-1].percent:  # v14: a number word, before what the point counts
            spelled = _spelled_numbers(answer, self.forms)
            mentions = tuple(sorted((*mentions, *spelled), key=lambda m: m.start)) if spelled else mentions
        by_start = {m.start: m for m in mentions}
        shares = len(self.slots) == 1 and not self.pieces[0] and bool(self.pieces[-1] or self.slots[0].percent)
        falls = len(self.slots) == 1 and not self.pieces[0] and self.slots[0].value < 0
        for first in mentions:
            if falls and self._equal(replace(self.slots[0], value=-self.slots[0].value), first):
                fall = _a_fall(answer, first.start, first.end)  # v24: 下降20% for -20%
                end = _unit_end(answer, first.end, self.pieces[-1]) if fall is not None else None
                if fall is not None and end is not None and edges_ok(answer, first.start, end, text):
                    yield Found(fall, end)
                continue
            bare_percent = shares and self.slots[0].percent and not first.percent  # v24: 20而非30% for 20%
            if not self._equal(self.slots[0], first) and not (
                bare_percent and self._equal(replace(self.slots[0], percent=False), first)
            ):
                continue
            if bare_percent:
                if _unit_after_a_contrast(answer, first.end, by_start, "", percent=True) is not None:
                    yield Found(first.start, first.end)
                continue
            start = _ends_before(answer, first.start, self.pieces[0])
            if start is None or (start == first.start and _ORDINAL_BEFORE.search(answer, max(0, start - 2), start)):
                continue  # v16: 第20个月, 第3年, 第5名 - a position, not an amount
            pos, ok, carried = first.end, True, False
            for piece, slot in zip(self.pieces[1:-1], self.slots[1:], strict=True):
                after = _starts_at_or_twin(answer, pos, piece)
                if after is None and piece.strip() in RANGE_MARKS:  # 3-5天 as 3~5天, 3至5天, 3天-5天 (v9)
                    unit = self.pieces[-1].strip()
                    carried = (first.percent and slot.percent) or bool(unit and answer.startswith(unit, pos))
                    after = _other_range_mark(answer, pos, unit)
                nxt = _mention_at(answer, after, by_start)
                bare = carried and nxt is not None and not nxt.percent and bare_end(answer, nxt.end)
                if nxt is None or not (
                    self._equal(slot, nxt) or (bare and self._equal(replace(slot, percent=False), nxt))
                ):
                    ok = False  # v10: or the range's unit after its first end only (3天到5, 20%到30 for 3-5天, 20-30%)
                    break
                pos = nxt.end
            if not ok:
                continue
            end = _unit_end(answer, pos, self.pieces[-1])
            if end is None and carried and bare_end(answer, pos):
                end = pos  # 3天到5 for 3-5天 (v10)
            if end is None and self.pieces[-1] == "年" and _YEAR_RANGE_REST.match(answer, pos):
                end = pos  # 2024-2025年, 2024至2025年: a range of years starts with the year (as 2024年至2025年 does)
            if end is None and answer[pos : pos + 1] in _ABOUT and self.pieces[-1][:1] > "\u2e80":
                end = _starts_at(answer, pos + 1, self.pieces[-1])  # 500多台, 1200余万元, 20来个月: about the figure
            about_en = _ABOUT_EN.match(answer, pos) if end is None and self.pieces[-1][:1].isalpha() else None
            if about_en is not None and self.pieces[-1].isascii():
                end = _unit_end(answer, about_en.end(), self.pieces[-1])  # v16: 20 or so months, 20-odd, 20+ months
            if end is None and len(self.slots) == 1 and self.pieces[0] == "":
                found = _currency(answer, first.start, pos, self.pieces[-1], self.forms.scaled)
                start, end = found or (start, None)
            if end is None and shares and not first.percent:
                end = _unit_after_a_contrast(answer, pos, by_start, self.pieces[-1])  # v24: 24, not 18 months
                end = end if end is not None else _unit_before_a_contrast(answer, first.start, pos, self.pieces[-1])
            if end is not None and end > start and edges_ok(answer, start, end, text):
                yield Found(start, end)


# v24: a fall by a figure states the figure with a minus sign (下降20%, 同比减少了20%, 降幅为20%, down 20%, fell by 20%,
# a 20% decrease: -20%); a rise or a level does not (增长20%, 20%), and -20% still does not state 20%
_FALL_BEFORE = re.compile(
    "(?:下降|下滑|下跌|降低|减少|缩减|减小|缩小|回落|萎缩|负增长|[降跌]幅(?:为|达|是)?|(?<![增升涨])[降跌]|(?<![增加])减"
    "|(?<![a-z])(?:(?:an? )?(?:decrease|decline|drop|fall|reduction) of|down|fall|falls|fell|fallen|drops?|dropped"
    "|declines?|declined|decreases?|decreased|reduced|shrank|shrunk|contracted|cut|lowered|lower)(?: by)?)"
    " ?(?:了 ?)?(?:约|大约|(?:about|around|roughly|approximately) )? ?$"
)
_FALL_AFTER = re.compile(
    " ?(?:的?(?:降幅|跌幅|下降|下滑|减少)|(?:decrease|decline|drop|fall|reduction|cut|lower|less)(?![a-z]))"
)


def _a_fall(text: str, start: int, end: int) -> int | None:
    """Where the words that make the figure at text[start:end] a fall start (the figure's start for one after it),
    else None."""
    before = _FALL_BEFORE.search(text, max(0, start - 24), start)
    if before is not None:
        return before.start()
    return start if _FALL_AFTER.match(text, end) else None


# v24: a bare number contrasted with a figure that carries the unit shares it: "24, not 18 months", 24而非18个月,
# 是24，不是18个月, "24 rather than 18 months", "24 instead of 18 months", 20而不是30% - as 20或24个月 shares it (v15)
# v25: or in a bracket before the unit: "24 (not 18) months", 24（而非18）个月
_CONTRAST_THEN = re.compile(
    r" ?(?:, ?|(?P<bracket>\( ?))?"
    r"(?:(?:(?:and|but) )?not(?![a-z])|rather than|instead of|as opposed to|而非|而不是|并非|不是)(?: ?是)? ?"
)
_BRACKET_CLOSES = re.compile(r" ?\)")


def _unit_after_a_contrast(
    text: str, pos: int, by_start: dict[int, Mention], unit: str, percent: bool = False
) -> int | None:
    """`pos` (the end of a bare number) where a contrast and another number with the point's unit (or %) follow it,
    else None."""
    contrast = _CONTRAST_THEN.match(text, pos)
    other = _mention_at(text, contrast.end(), by_start) if contrast is not None else None
    if contrast is None or other is None:
        return None
    if contrast.group("bracket"):
        return pos if _a_bracket_gives_the_unit(text, other, unit, percent) else None
    if percent:
        return pos if other.percent else None
    return pos if not other.percent and _unit_end(text, other.end, unit) is not None else None


def _a_bracket_gives_the_unit(text: str, other: Mention, unit: str, percent: bool) -> bool:
    """The contrast in a bracket (v25) ends with the point's unit (or %) inside it or right after it: 24 (not 18
    months), 24 (not 18) months, 20（而非30%）, 20（而非30）%."""
    closes = _BRACKET_CLOSES.match(text, other.end)
    if closes is not None and other.percent:
        return percent
    if closes is not None:
        return (
            text.startswith(("%", " %"), closes.end()) if percent else _unit_end(text, closes.end(), unit) is not None
        )
    inside = None if percent or other.percent else _unit_end(text, other.end, unit)
    return inside is not None and _BRACKET_CLOSES.match(text, inside) is not None


# ... and one that a contrast gives after a denied figure with the unit: "not 18 months but 24", 不是18个月，而是24
_CONTRAST_BEFORE = re.compile(r"(?:, ?)?(?:but(?: rather)?|而是|rather)(?: (?:it is|it's|is))? ?$")
_DENIED_FIGURE_BEFORE = re.compile(r"(?:(?<![a-z])not|不是|并非) ?[0-9]+(?:\.[0-9]+)? ?$")
_CLAUSE_ENDS = re.compile(r" ?(?:[,;:!?)。]|\.(?![0-9])|$)")


def _unit_before_a_contrast(text: str, start: int, end: int, unit: str) -> int | None:
    """`end` (the end of the bare number at text[start:end]) where it ends its clause after a contrast with a denied
    figure that carries the point's unit, else None."""
    contrast = _CONTRAST_BEFORE.search(text, max(0, start - 24), start)
    if contrast is None or not _CLAUSE_ENDS.match(text, end):
        return None
    unit_end = contrast.start() - 1 if text[contrast.start() - 1 : contrast.start()] == " " else contrast.start()
    if not text.endswith(unit, 0, unit_end):
        return None
    figure_end = unit_end - len(unit)
    figure_end -= 1 if text[figure_end - 1 : figure_end] == " " else 0
    return end if _DENIED_FIGURE_BEFORE.search(text, max(0, figure_end - 24), figure_end) else None


# v26: a user's regex (a `regex:` key point or forbidden claim) runs under a time limit. Python's `re` cannot stop a
# search, and a pattern with nested quantifiers ((a|aa)+$, (\d+,?)+$) backtracks for minutes on a long or adversarial
# answer: the scorer hung. The `regex` module stops a search at its timeout; in its VERSION0 dialect it reads the
# patterns users write for `re`. All searches of one point in one answer share `REGEX_TIME_LIMIT_S` of search time
# (`regex_time_limit`; the scoring between them is not counted, so a loaded machine does not fail a fast pattern);
# ordinary patterns take microseconds.
REGEX_TIME_LIMIT_S = 1.0


@dataclass
class _RegexBudget:
    left: float


_REGEX_BUDGET: ContextVar[_RegexBudget | None] = ContextVar("regex_budget", default=None)


class RegexTimeout(Exception):
    """A user's regex ran out of its time on an answer (catastrophic backtracking)."""

    def __init__(self, pattern: str) -> None:
        super().__init__(f"the regex {pattern!r} took over {REGEX_TIME_LIMIT_S:g} s to search the answer")
        self.pattern = pattern


@contextmanager
def regex_time_limit(seconds: float = REGEX_TIME_LIMIT_S) -> Iterator[None]:
    """Every user regex searched inside shares `seconds` of search time."""
    token = _REGEX_BUDGET.set(_RegexBudget(seconds))
    try:
        yield
    finally:
        _REGEX_BUDGET.reset(token)


@lru_cache(maxsize=1024)
def compiled_user_regex(pattern: str) -> Any:
    """The user's pattern compiled as `re` reads it (`regex` VERSION0), case-insensitively."""
    return regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)


def _timed(pattern: str, step: Callable[[float], Any]) -> Any:
    """`step(timeout)` - one search - within the time left to the searches (`RegexTimeout` past it)."""
    budget = _REGEX_BUDGET.get() or _RegexBudget(REGEX_TIME_LIMIT_S)
    if budget.left <= 0:
        raise RegexTimeout(pattern)
    began = time.perf_counter()
    try:
        return step(budget.left)
    except TimeoutError:
        raise RegexTimeout(pattern) from None
    finally:
        budget.left -= time.perf_counter() - began


def user_regex_finditer(pattern: str, text: str) -> Iterator[Any]:
    """The pattern's matches in `text`, searched within the time left (`RegexTimeout` past it)."""
    found = _timed(pattern, lambda timeout: compiled_user_regex(pattern).finditer(text, timeout=timeout))
    while (m := _timed(pattern, lambda _: next(found, None))) is not None:
        yield m


def user_regex_search(pattern: str, text: str) -> bool:
    """Whether the pattern matches somewhere in `text`, searched within the time left (`RegexTimeout` past it)."""
    return _timed(pattern, lambda timeout: compiled_user_regex(pattern).search(text, timeout=timeout)) is not None


@dataclass(frozen=True)
class RegexPattern:
    text: str
    kind = "regex"

    def search(self, answer: str) -> Iterator[Found]:
        for m in user_regex_finditer(self.text, answer):
            if m.end() > m.start():
                yield Found(m.start(), m.end())


Pattern = TextPattern | NumberPattern | RegexPattern


def _mention_at(text: str, pos: int | None, by_start: dict[int, Mention]) -> Mention | None:
    """The mention starting at `pos` or after one space there."""
    if pos is None:
        return None
    if pos in by_start:
        return by_start[pos]
    return by_start.get(pos + 1) if pos < len(text) and text[pos] == " " else None


def _ends_before(text: str, pos: int, piece: str) -> int | None:
    """Start of `piece` when it ends at `pos` (one space allowed between), else None."""
    if not piece:
        return pos
    for gap in (0, 1):
        end = pos - gap
        if gap and (end < 0 or text[end] != " " or piece.endswith(" ")):
            continue
        if text.endswith(piece, 0, end):
            return end - len(piece)
    return None


def _singular(piece: str) -> str | None:
    """The piece with its first word in the singular, for an English plural in -s (months -> month, gpus -> gpu);
    None for other words, for short ones (ms is no plural of m) and for rates (gbps is no plural of gbp)."""
    word = re.match(r"[a-z]+", piece)
    if word is None or len(word.group()) < 4 or not word.group().endswith("s") or word.group().endswith(("ss", "ps")):
        return None
    return word.group()[:-1] + piece[word.end() :]


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


# A range point's mark is any range mark (v9): the point 3-5天 is said 3~5天, 3～5天 (NFKC: ~), 3至5天, 3到5天,
# 3–5天, and with its unit after each end, 3天-5天, 10%至20%.
RANGE_MARKS = frozenset({"-", "~", "〜", "–", "—", "至", "到"})
_ANY_RANGE_MARK = re.compile(" ?(?:-|~|〜|–|—(?!—)|至|到) ?")


def _other_range_mark(text: str, pos: int, unit: str) -> int | None:
    """End of a range mark at `pos` in the answer, after the range's unit when the answer writes it there too."""
    if unit and text.startswith(unit, pos):
        pos += len(unit)
    mark = _ANY_RANGE_MARK.match(text, pos)
    return mark.end() if mark is not None else None


def _starts_at_or_twin(text: str, pos: int, piece: str) -> int | None:
    """`_starts_at`, or the piece's classifier twin there (2个小时 for 2小时, v9)."""
    end = _starts_at(text, pos, piece)
    twin = classifier_twin(piece) if end is None else None
    return end if twin is None else _starts_at(text, pos, twin)


_SCALE_BEFORE_A_UNIT = re.compile("[十百千万亿]+(?=[^十百千万亿])")


def _unit_end(text: str, pos: int, piece: str) -> int | None:
    """End of the point's last piece (its unit) when the answer's number at `pos` is followed by it (one space
    allowed); v7 also takes the unit in brackets (20(个月), 20 (个月): NFKC made （） ()) and an English unit word
    after a hyphen and in the singular (a 20-month period, a 20 month period for 20 months)."""
    end = _starts_at_or_twin(text, pos, piece)
    if end is not None or not piece:
        return end
    bracketed = _starts_at(text, pos, f"({piece})")
    scale = _SCALE_BEFORE_A_UNIT.match(piece)
    if (
        bracketed is None and scale is not None
    ):  # v25: 1200万（元） - the scale word with the number, the unit bracketed
        bracketed = _starts_at(text, pos, f"{scale.group()}({piece[scale.end() :]})")
    if bracketed is not None or not ("a" <= piece[0] <= "z"):
        return bracketed
    singular = _singular(piece)
    for form in (piece, singular) if singular else (piece,):
        for gap in ("", " ", "-"):
            if text.startswith(gap + form, pos):
                return pos + len(gap) + len(form)
    return None


# A currency before the number stands for its unit (v7): ¥ (NFKC of ￥), 人民币, RMB, CNY for 元, $, US$, USD for 美元
# (one space may follow; not HK$, A$, JP¥, HK¥: a letter before $ or ¥ names another currency); after the number
# 人民币, RMB, CNY, or one of them in brackets (1200万人民币, 1200万 RMB, 1200万(人民币), 1200万CNY), for 元 too, and
# USD or (美元) for 美元. The point's scale word must follow the number, and after it no other currency (¥1200万美元,
# ¥1200万（日元）, ¥1200万 JPY, $1200万人民币), no unit (人民币1200万笔, ¥1200万次, 1200万用户) and no letter or digit.
_CURRENCY_PIECE = re.compile("^(?P<scale>[十百千万亿]*)(?P<unit>元|美元)$")
_CURRENCY_BEFORE = {
    "元": re.compile(r"(?:(?<![a-z])¥|人民币|(?<![a-z])(?:rmb|cny)) ?$"),
    "美元": re.compile(r"(?:(?<![a-z])us\$|(?<![a-z])\$|(?<![a-z])usd) ?$"),
}
_CURRENCY_AFTER = {
    # v25: and 块, the spoken yuan - 块钱, or a 块 that ends its clause (1200万块。); not a count (3块屏幕, 一块儿)
    "元": re.compile(
        r"人民币| ?\( ?(?:人民币|rmb|cny) ?\)| ?(?:rmb|cny)(?![a-z])|块钱|块(?= ?(?:[,.;:!?)。、\n]|左右|上下|$))"
    ),
    "美元": re.compile(r" ?\( ?(?:美元|usd) ?\)| ?usd(?![a-z])"),
}
_CURRENCY_AFTER_EN = {
    "元": re.compile(r" ?(?:yuan|renminbi)(?![a-z])"),
    "美元": re.compile(r" ?(?:us dollars?|dollars?)(?![a-z])"),
}
_OTHER_CURRENCY_AFTER = re.compile(
    r" ?\(? ?(?:日元|美元|港币|港元|欧元|英镑|人民币|美金|jpy|usd|hkd|eur|gbp|rmb|cny|aud|cad|sgd)(?![a-z])"
)
_CURRENCY_CHARS = "元美港欧日英币镑圆块角毛"
# classifiers that make the figure a count of something else (人民币1200万笔: 12 million transactions); jieba decides
# where one starts a longer word (¥1200万个人所得: 个人)
_COUNT_CHARS = "笔次人台个件份户条张套家名位项股吨辆倍"
_COUNT_WORDS = ("用户", "客户")


def _unit_goes_on(text: str, pos: int) -> bool:
    """After the currency-marked figure's scale word (at `pos`) another currency, a unit, a letter or a digit
    follows: the figure is no amount in the point's currency."""
    if _OTHER_CURRENCY_AFTER.match(text, pos):
        return True
    char = text[pos : pos + 1]
    if char.isascii() and char.isalnum():
        return True  # ¥1200万usd, ¥1200万2
    at = pos + 1 if char == " " else pos
    char = text[at : at + 1]
    if not char:
        return False
    if char in _CURRENCY_CHARS or char in _CN_CHARS or text.startswith(_COUNT_WORDS, at):
        return True
    return char in _COUNT_CHARS and len(words_at(text).get(at, "")) < 2


# v25: a 块 without 钱 is money after a scale word (1200万块, 五百块), after a sum of a hundred or more (每月5000块)
# or with money named earlier in its clause (月费50块); else it may count pieces (分成3块。)
_MONEY_WORD_BEFORE = re.compile(
    "(?:金额|费|价|成本|预算|钱|收入|利润|工资|薪|付|花|赚|卖|买|贵|便宜|租金|投资|营收|资金)[^,;。!?\n]*$"
)


_DIGITS_AT = re.compile("[0-9][0-9,]*")


def _kuai_is_money(text: str, number_start: int, kuai: int) -> bool:
    """The 块 at `kuai` after the number at `number_start` is the spoken 元, not a count of pieces (v25)."""
    if text[kuai - 1 : kuai] in "万千百亿":
        return True
    digits = _DIGITS_AT.match(text, number_start)
    if digits is not None and int(digits.group().replace(",", "")) >= 100:
        return True
    return _MONEY_WORD_BEFORE.search(text, max(0, number_start - 24), number_start) is not None


def _currency(text: str, number_start: int, pos: int, piece: str, english: bool = False) -> tuple[int, int] | None:
    """(start, end) of the number written with a currency for the point's last piece (万元, 元, 美元), else None;
    `english` (v11, with the scale words): or with the currency's English name after it (dollars, yuan)."""
    m = _CURRENCY_PIECE.match(piece)
    if m is None:
        return None
    after_scale = _starts_at(text, pos, m.group("scale"))
    if after_scale is None:
        return None
    after = _CURRENCY_AFTER[m.group("unit")].match(text, after_scale)
    if after is None and english:
        after = _CURRENCY_AFTER_EN[m.group("unit")].match(text, after_scale)  # 1.2 million dollars (v11)
    if after is not None and after.group() == "块" and not _kuai_is_money(text, number_start, after_scale):
        after = None  # v25: 分成3块。 - pieces
    if after is not None:
        return number_start, after.end()  # 1200万人民币, 1200万 RMB, 1200万(人民币)
    # v25: a currency right before the number, looked for there only: a search from the text's start for each number
    # (a 24,000-character answer of 1200万块...) cost seconds
    before = _CURRENCY_BEFORE[m.group("unit")].search(text, max(0, number_start - 16), number_start)
    if before is None or _unit_goes_on(text, after_scale):
        return None
    return before.start(), after_scale


def _starts_at(text: str, pos: int, piece: str) -> int | None:
    """End of `piece` when it starts at `pos` (one space allowed between), else None."""
    if not piece:
        return pos
    for gap in (0, 1):
        start = pos + gap
        if gap and (pos >= len(text) or text[pos] != " " or piece.startswith(" ")):
            continue
        if text.startswith(piece, start):
            return start + len(piece)
    return None


@lru_cache(maxsize=2048)
def compile_variant(variant: str, forms: NumberForms | None = None) -> TextPattern | NumberPattern:
    """A key point's form (already normalised) as a pattern: numbers become slots, the rest text. The pieces are
    taken from the form without the spaces next to CJK, as the answer is searched (`spaced_out`)."""
    forms = forms or NumberForms()
    spaced = spaced_out(variant)[0]
    mentions = _find_numbers_cached(spaced, forms)
    if not mentions:
        return TextPattern(variant)
    pieces, slots, pos = [], [], 0
    for m in mentions:
        pieces.append(spaced[pos : m.start].strip())
        slots.append(Slot(m.value, m.scale, m.percent, m.text))
        pos = m.end
    pieces.append(spaced[pos:].strip())
    if forms.scaled and len(slots) == 1:
        pieces = list(_CURRENCY_POINTS.get((pieces[0], pieces[1]), pieces))
    return NumberPattern(variant, tuple(pieces), tuple(slots), forms)


# v11, with the scale words: a point's amount in dollars or yuan written in English ($1.2 million, 1.2 million dollars,
# USD 1.2 million; 1200万 yuan, RMB 12 million) is read as one in 美元 or 元, so that any form of its currency states
# it (`_currency`: $1,200,000, 1.2M dollars, 120万美元) and none of another (1.2 million euros, ¥1.2 million).
_CURRENCY_POINTS = {
    **{(before, ""): ("", "美元") for before in ("$", "us$", "usd")},
    **{("", after): ("", "美元") for after in ("dollars", "dollar", "usd", "us dollars")},
    **{(before, ""): ("", "元") for before in ("¥", "rmb", "cny")},
    **{("", after): ("", "元") for after in ("yuan", "rmb", "cny", "renminbi")},
}


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
_EN_UNIT_OF_TIME = {"year": "年", "month": "个月", "week": "周", "day": "天", "hour": "小时", "minute": "分钟"}
_EN_UNIT_OF_TIME |= {"second": "秒", "quarter": "个季度"}
_UNIT_IN_ENGLISH = {unit: word for word, unit in _EN_UNIT_OF_TIME.items()}
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
_COMPOUNDS = (("年", "个月"), ("小时", "分钟"), ("分钟", "秒"))
_HALVES = {"年": ("{q}年半",), "小时": ("{q}个半小时", "{q}小时半", "{q}个半钟头")}
_BARE_HALVES = {"年": ("半年",), "小时": ("半小时", "半个小时", "半个钟头"), "分钟": ("半分钟",)}
_HALF_WORDS = frozenset(half for halves in _BARE_HALVES.values() for half in halves)  # see `_a_half_of_a_date`
_EN_HALVES = {"年": ("half a year",), "小时": ("half an hour",), "分钟": ("half a minute",)}
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
    unit = _UNIT_OF_TIME[m.group("unit")] if m.group("unit") else _EN_UNIT_OF_TIME[m.group("en")]
    before, after = m.group("before"), m.group("after")
    if _UNIT_GOES_ON.match(after) or (unit == "年" and len(m.group("num")) == 4) or any(c in _CN_CHARS for c in after):
        return ()
    sizes = _MONTHS if unit in _MONTHS else _SECONDS
    total = Decimal(m.group("num")) * sizes[unit]
    bare = not before.strip() and not after.strip()
    quantities = [*_converted(total, sizes, bare), *_compounded(total, sizes, bare), *_halved(total, sizes, forms)]
    twins = dict.fromkeys(f"{before}{quantity}{after}" for quantity in quantities if bare or not quantity[:1].isalpha())
    twins.pop(text, None)
    return tuple(twins)


# what stands between the two numbers of a compound (1年8个月, 1 year and 8 months), as a pattern's piece holds it
_COMPOUND_JOINTS = frozenset(
    f"{name}{joint}"
    for larger, _ in _COMPOUNDS
    for name, joints in (
        (larger, ("", "零", "又")),
        (_UNIT_IN_ENGLISH[larger], ("", " and")),
        (_UNIT_IN_ENGLISH[larger] + "s", ("", " and")),
    )
    for joint in joints
)


def compound_duration(pattern: NumberPattern) -> bool:
    """The pattern is a duration in two units (1年8个月, 1 hour and 30 minutes: v18)."""
    return len(pattern.slots) == 2 and pattern.pieces[1] in _COMPOUND_JOINTS and pattern.pieces[0] == ""


def _number_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _in_english(value: Decimal, unit: str) -> str:
    return f"{_number_text(value)} {_UNIT_IN_ENGLISH[unit]}{'' if value == 1 else 's'}"


def _converted(total: Decimal, sizes: dict[str, int], bare: bool) -> Iterator[str]:
    """The duration in each unit of its kind where it is a number with at most two decimals: 1.5年, 120分钟."""
    for unit, size in sizes.items():
        value = total / size
        if (value * 100) % 1 or (unit == "个季度" and value % 1):  # quarters are counted whole (no 0.5个季度)
            continue
        yield from (f"{_number_text(value)}{spelling}" for spelling in _SAME_UNIT.get(unit, (unit,)))
        if bare:
            yield _in_english(value, unit)
            yield from (f"{_number_text(value)} {abbreviation}" for abbreviation in _EN_ABBREVIATIONS.get(unit, ()))


def _compounded(total: Decimal, sizes: dict[str, int], bare: bool) -> Iterator[str]:
    """The duration as a larger unit's quantity and a remainder in the next smaller one: 1年8个月, 1小时30分钟."""
    for larger, smaller in _COMPOUNDS:
        if larger not in sizes:
            continue
        whole, rest = divmod(total, sizes[larger])
        if whole < 1 or not rest or rest % sizes[smaller]:
            continue
        q, r = _number_text(whole), _number_text(rest / sizes[smaller])
        yield from (f"{q}{larger}{joint}{r}{smaller}" for joint in ("", "零", "又"))
        if bare:
            first, second = _in_english(whole, larger), _in_english(rest / sizes[smaller], smaller)
            yield from (f"{first} {joint}{second}" for joint in ("", "and "))


def _halved(total: Decimal, sizes: dict[str, int], forms: NumberForms) -> Iterator[str]:
    """The duration as a whole number of a unit and a half (1年半, 1个半小时; 半年 with chinese_numerals; an hour and a
    half, half an hour)."""
    for unit, size in sizes.items():
        whole, rest = divmod(total, size)
        if unit not in (*_HALVES, *_BARE_HALVES) or rest * 2 != size:
            continue
        if whole >= 1:
            yield from (half.format(q=_number_text(whole)) for half in _HALVES.get(unit, ()))
            yield from (_EN_ONE_AND_A_HALF.get(unit, ()) if whole == 1 else ())
            if unit in _UNIT_IN_ENGLISH:  # v23: 1 and a half years, one year and a half, two and a half hours
                name, q = _UNIT_IN_ENGLISH[unit], _number_text(whole)
                yield from (f"{q} and a half {name}s", f"{q} {name}{'' if whole == 1 else 's'} and a half")
        else:
            yield from (_BARE_HALVES[unit] if forms.chinese else ())
            yield from _EN_HALVES.get(unit, ())


def _cjk(char: str) -> bool:
    return char >= "\u2e80"  # CJK scripts and punctuation, and what follows them in Unicode


@lru_cache(maxsize=512)
def spaced_out(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without the spaces that touch a CJK character (约 8400 笔 -> 约8400笔), and where each character
    kept stands in the text: models space figures out in Chinese text, and a copy or a claim so respaced is still
    one (v7). Spaces between other characters (two English words) stay."""
    kept, where = [], []
    for i, char in enumerate(text):
        if char == " " and ((i > 0 and _cjk(text[i - 1])) or (i + 1 < len(text) and _cjk(text[i + 1]))):
            continue
        kept.append(char)
        where.append(i)
    return "".join(kept), tuple(where)


# v15: a figure offered as one of several values of one quantity is a guess between them, not an answer:
# 10个月、20个月或30个月, 20个月或24个月, 20或24个月, 20个月（也可能是24个月）, 要么20个月，要么24个月,
# 可能是10个月、20个月, 10 months, 20 months or 30 months, either 20 or 30 months, 20 months or maybe 24 months. The
# alternatives are figures with the point's unit (or bare ones before it, which share it: 10、20或30个月) and another
# value, joined by a disjunction (或, 或者, 还是, 要么, 也可能是, or, maybe) or by a list mark (、, an English ", ")
# in a chain that holds one or follows a hedge (可能是, either, maybe). Not a list of different quantities
# (860万元、1200万元和340万元; 18个月, 20个月: no disjunction), another unit (20个月或1.67年), the same value
# (1200万元或1,200万元), nor alternatives with words between (84万元（或含税约89万元）, 乐观18个月或保守24个月).
# v16: a slash between the values is a disjunction too (18/20/24个月), and values listed as the bounds of where the
# figure lies - 之间 after them, 介于 or between before them (在18个月、20个月、24个月之间,
# 介于18个月、20个月和24个月之间) - are alternatives joined by 和, 与, 及 or "and" as well.
# v21: so are values that a cue after them gives as the candidates for one value (18个月、20个月、24个月不等,
# 18个月、20个月和24个月都有可能, 18个月、20个月、24个月（视情况而定）, 18 months, 20 months, 24 months depending on
# usage); a Chinese comma (可能是：18个月，20个月，24个月) and a bullet (可能是：* 18个月 * 20个月) join them as 、
# does, and a hedge may end in a colon. A list with no hedge, disjunction or cue stays a list
# (回收期为18个月、20个月、24个月: it may give three projects' payback), as does a range with a typical value
# (一般为18-24个月，常见20个月).
_ALTERNATIVE_LINK = re.compile(
    " ?(?:左右|上下|前后)? ?(?P<sep>[、,(/*•])? ?"
    "(?:(?P<alt>(?:或者|或是|或|还是|抑或|亦或|要么|(?:也|亦|又|还)?有?可能|或许|也许"
    "|(?<![a-z])(?:either|or|maybe|perhaps|possibly)(?![a-z]))"
    "(?: ?(?:是|为|会是|会|even|maybe|perhaps|possibly)(?![a-z]))?)|(?P<and>以及|和|与|及|(?<![a-z])and(?![a-z]))"
    "|(?P<vs>对比|(?<![a-z])(?:vs|versus)(?![a-z])\\.?))? ?"
    "(?:约为|约|大约|大概|近|(?:about|around|roughly|approximately)(?![a-z]))? ?"
)
_HEDGE_BEFORE = re.compile(
    "(?:(?:也|亦|又|还)?有?可能|或许|也许|要么|(?<![a-z])(?:either|maybe|perhaps|possibly))"
    " ?(?:是|为|会是|在)? ?(?:约|大约)? ?(?::|：)? ?(?:[*•] ?)?$"
)
_YEAR_SLASH = re.compile("[0-9]{4} ?/ ?[0-9]{4}(?![0-9])")
_BOUNDS_BEFORE = re.compile("(?:介于|(?<![a-z])(?:somewhere )?between) ?$")
_BOUNDS_AFTER = re.compile(" ?(?:之间|(?:个月|年|天|周)?间(?![隔断]))")
# ... nor options a fact offers (60万元或100万元两档, 15%或20%可选, 20 or 30 months respectively, 分别为...)
_OPTIONS_AFTER = re.compile(
    " ?(?:的|等)?(?:[两二三四五几多]|two|three|several)? ?"
    "(?:种|档|个档次|档位|类|级|个选项|选项|套餐|方案|任选|可选|供选|之一"
    "|(?:options?|tiers?|plans?|choices?|respectively)(?![a-z]))"
)
# v28: ... nor a price on its own terms ($500, or $450 with annual billing; 500元或450元（年付）): two prices of one
# offer, no guess between them (v25 linked them by their currency)
_TERMS_AFTER = re.compile(
    " ?[,(（]? ?(?:(?<![a-z])(?:with|for|if|when|on|under|per)(?![a-z])[^.;:()\n]{0,30}?(?<![a-z])"
    "(?:billing|billed|paid|prepaid|prepayment|subscriptions?|commitments?|contracts?|discounts?|annual|annually"
    "|yearly|monthly)(?![a-z])|(?:若|如|如果|按)?(?:年付|月付|季付|预付|包年|年费|年度合同|优惠|折扣|折后))"
)
_CANDIDATES_AFTER = re.compile(  # v21: 18个月、20个月、24个月不等 - the values are candidates for one
    " ?[,(]? ?(?:等|具体|需|要)? ?(?:不等|(?:都|均|皆|全)有?可能|(?:视|看)[^,.;:()]{0,8}而定|取决于"
    "|因[^,.;:()]{0,8}而异|(?<![a-z])(?:depending on|depends on|(?:are|is) all possible)(?![a-z]))"
)
_ITEM_END = re.compile(" ?(?:[,.;:!?)。；！？]|$|等|左右|上下|前后)")  # v21: a comma's list ends its clause there
_RESPECTIVELY_BEFORE = re.compile("分别|各自|(?<![a-z])respectively(?![a-z])")
_ABOUT_BEFORE_A_UNIT = re.compile(" ?(?:[多余来] ?)?")
_ALTERNATIVE_FORMS = NumberForms(chinese=True)
_DIGIT_RUN = re.compile("[0-9]+(?:[,. ][0-9]+)*")


def _unit_start(text: str, m: Mention) -> int:
    """Where what a mention counts starts: after its digits, so that its scale word is part of its unit (60万 and
    120万 both count 万), or after the mention (a percentage, a Chinese numeral)."""
    run = None if m.percent else _DIGIT_RUN.search(text, m.start, m.end)
    if run is not None and text[run.end() : m.end].strip(" 多余来") in SCALE_WORDS:
        return run.end()
    return m.end


def _link(text: str, start: int, end: int, commas: bool = False) -> str | None:
    """What joins two alternatives at text[start:end]: "alt" (a disjunction or, v16, a slash), "list" (、, or ", " in
    English; v21: a bullet), "comma" (v21: a Chinese comma, which may end a clause instead), "and" (和, 与, 及, and:
    v16), else None."""
    if start > end:
        return None
    m = _ALTERNATIVE_LINK.fullmatch(text, start, end)
    if m is None:
        return None
    sep = m.group("sep")
    if sep == "/" and _YEAR_SLASH.match(text, max(0, start - 4)) and text[start - 4 : start].isdigit():
        return None  # 2022/2023年度: one fiscal year
    if m.group("alt") or sep == "/":
        return "alt"  # v16: 18/20/24个月
    if m.group("and"):
        return "and"
    if m.group("vs"):
        return "vs" if sep is None else None  # v24: 18个月vs24个月, 18 vs 24 months (not 20个月，对比24个月的…)
    before, after = text[m.start("sep") - 1 : m.start("sep")], text[m.end("sep") : m.end("sep") + 1]
    english = sep == "," and before.isascii() and after == " "
    if commas and sep == "," and not before.isascii() and after != " ":
        return "comma"  # v21: 18个月，20个月 (NFKC made ， a comma)
    return "list" if (sep is not None and sep in "、*•") or english else None


@dataclass(frozen=True)
class _Quantity:
    """The point's figure in a normalised text, what it counts (its unit, or % alone) and how near another value may
    be to count as the same (its tolerance)."""

    text: str
    point: Mention
    unit: str
    tolerance: str | None
    prefix: str = ""  # v25: a currency written before the number ($1.2 million or $1.5 million)

    def item_start(self, m: Mention) -> int:
        """Where the mention starts with the point's currency before it ($ of $1.5 million), else its start."""
        if not self.prefix:
            return m.start
        for gap in ("", " "):
            if self.text.endswith(self.prefix + gap, 0, m.start):
                return m.start - len(self.prefix + gap)
        return m.start

    def unit_end(self, m: Mention) -> int | None:
        """Where the mention's unit ends when it counts what the point counts (20个月 for 24个月), else None."""
        if m.percent != self.point.percent:
            return None
        if self.prefix and not self.unit:
            return m.end if self.item_start(m) < m.start else None  # $1.5 million, not 1.5 million users
        if not self.unit:
            return m.end
        about = _ABOUT_BEFORE_A_UNIT.match(self.text, _unit_start(self.text, m))
        after = about.end() if about else _unit_start(self.text, m)
        return after + len(self.unit) if self.text.startswith(self.unit, after) else None

    def differs(self, m: Mention) -> bool:
        if self.tolerance is not None:
            return not parse_tolerance(self.tolerance).allows(self.point.value, m.value, self.point.scale)
        return m.value != self.point.value


def alternatives(
    text: str, start: int, end: int, tolerance: str | None = None, parts: int = 1
) -> tuple[int, int] | None:
    """(start, end) of the alternatives that the single-number point matched at text[start:end] of a normalised text
    is offered among (10个月、20个月或30个月), when it is one of them and another has a different value; else None.
    A compound duration (v18: `parts` 2, 1年8个月) is offered among the values that follow its last part (1年8个月或22
    个月)."""
    mentions = _alternative_mentions(text)
    first = bisect_left(mentions, start, key=_mention_start)
    starting = mentions[first : bisect_left(mentions, end, key=_mention_start)]
    inside = [m for m in starting if m.end <= end]
    if len(inside) != parts:
        return None
    point = inside[-1]
    unit = text[_unit_start(text, point) : end].strip(" 多余来")
    prefix = text[start : point.start].strip() if _MONEY_BEFORE.search(text, start, point.start) else ""
    if not unit and not prefix and not point.percent:
        return None  # a bare number: no quantity to tell alternatives of
    quantity = _Quantity(text, point, unit, tolerance, prefix)
    index = first + starting.index(point)
    chain_start, chain_end, links, figures = _chain(quantity, mentions, index, start, end, commas=True)
    if "comma" in links and not _ends_a_list(text, chain_start, chain_end):
        # v21: 可能是20个月，24个月后进入稳定期, 1997年，2020年或2021年开始合作: a comma between clauses, not a list
        chain_start, chain_end, links, figures = _chain(quantity, mentions, index, start, end, commas=False)
    different = any(quantity.differs(m) for m in figures)
    bounds = _ends_a_list(text, chain_start, chain_end, item_end=False)
    if "and" in links and not bounds:
        return None  # 860万元、1200万元和340万元: a list of amounts
    hedged = "alt" in links or bounds or (links and _HEDGE_BEFORE.search(text, max(0, chain_start - 12), chain_start))
    compared = "vs" in links and _ITEM_END.match(text, chain_end) is not None  # v24: a bare comparison
    options = _OPTIONS_AFTER.match(text, chain_end) or _TERMS_AFTER.match(text, chain_end)
    if not (different and (hedged or compared)) or options:
        return None
    if _RESPECTIVELY_BEFORE.search(text, max(0, chain_start - 12), chain_start):
        return None
    return chain_start, chain_end


# v22: durations in any units that an "or" joins (1年半或30个月, 18个月或者2年, 1.5 years or 24 months, 20个月（或2年）)
# are alternatives of one length, as v15's 18个月或24个月 are: two values are a guess, one value twice is one answer
# (20个月（或1年8个月）, 1年8个月或20个月, 18 months (or 1.5 years)). Years and months compare with each other, and
# weeks, days, hours, minutes and seconds with each other (a month has no fixed number of days: 20个月或600天 is left
# to the rules of one unit).
_TIME_UNITS = {"年": ("months", 12), "个月": ("months", 1), "周": ("seconds", 604800), "个星期": ("seconds", 604800)}
_TIME_UNITS |= {"星期": ("seconds", 604800), "天": ("seconds", 86400), "个小时": ("seconds", 3600)}
_TIME_UNITS |= {"小时": ("seconds", 3600), "个钟头": ("seconds", 3600), "钟头": ("seconds", 3600)}
_TIME_UNITS |= {"分钟": ("seconds", 60), "秒钟": ("seconds", 1), "秒": ("seconds", 1)}
_EN_TIME_UNITS = {"year": "年", "yr": "年", "month": "个月", "mo": "个月", "mth": "个月", "week": "周", "wk": "周"}
_EN_TIME_UNITS |= {"day": "天", "hour": "小时", "hr": "小时", "minute": "分钟", "min": "分钟", "second": "秒"}
_EN_TIME_UNITS |= {"sec": "秒"}
_TIME_UNIT_WORDS = "|".join(sorted(_TIME_UNITS, key=len, reverse=True))
_EN_TIME_UNIT_WORDS = "|".join(sorted(_EN_TIME_UNITS, key=len, reverse=True))
# v24: and English halves (one and a half years, 1 and a half years, two years and a half, a year and a half)
_EN_A_HALF = "and an? half(?![a-z])"
_TIME_NUMBER = (
    f"[0-9]+(?:\\.[0-9]+)?|[{_CN_CHARS}]+|(?<![a-z-]){_EN_CARDINAL}"
    f"|(?<![a-z])an?(?= (?:{_EN_TIME_UNIT_WORDS}) {_EN_A_HALF})"
)
# v25: a half with no number (半年, 半个月, 半小时, half a year, half an hour) and "a year" are durations too, so that
# 半年或一年 and "half a year or a year" are a guess between two lengths (v24 credited 半年, 6个月 and 1年)
_BARE_HALF_UNITS = "年|个月|个小时|小时|个钟头|钟头|天|周|个星期|星期|分钟"
_EN_A_UNIT = f"(?<![a-z])(?<!once )(?<!twice )(?<!times )(?<!per )an?(?= (?:{_EN_TIME_UNIT_WORDS})(?![a-z]))"
_TIME_TERM = (
    f"(?:(?:{_TIME_NUMBER}|{_EN_A_UNIT}) ?(?:个半|个)?(?:(?:{_TIME_UNIT_WORDS})半?"
    f"|(?:{_EN_A_HALF} )?(?:{_EN_TIME_UNIT_WORDS})s?(?![a-z])(?: {_EN_A_HALF})?)"
    f"|半(?:{_BARE_HALF_UNITS})|(?<![a-z])half an? (?:{_EN_TIME_UNIT_WORDS})(?![a-z]))"
)
_TIME_EXPRESSION = f"(?<![0-9.{_CN_CHARS}]){_TIME_TERM}(?: ?(?:零|又|and )? ?{_TIME_TERM})?(?![0-9{_CN_CHARS}])"
_TIME_TERM_PARTS = re.compile(
    f"(?P<num>{_TIME_NUMBER}|{_EN_A_UNIT}) ?(?P<half_before>个半)?个?(?:(?P<unit>{_TIME_UNIT_WORDS})(?P<half>半)?"
    f"|(?P<en_half_before>{_EN_A_HALF} )?(?P<en>{_EN_TIME_UNIT_WORDS})s?(?![a-z])(?P<en_half> {_EN_A_HALF})?)"
    f"|半(?P<half_of>{_BARE_HALF_UNITS})|(?<![a-z])half an? (?P<en_half_of>{_EN_TIME_UNIT_WORDS})(?![a-z])"
)
_OR_JOIN = (
    " ?(?P<sep>[,(])? ?(?:或者|或是|或|还是|抑或|要么|(?<![a-z])or(?![a-z]))"
    "(?: ?(?:是|为|maybe|perhaps|possibly)(?![a-z]))? ?"
    "(?:约|大约|大概|近|(?:about|around|roughly|approximately)(?![a-z]))? ?"
)
_DURATION_THEN_OR = re.compile(f"(?P<expr>{_TIME_EXPRESSION}){_OR_JOIN}$")
_OR_THEN_DURATION = re.compile(f"{_OR_JOIN}(?P<expr>{_TIME_EXPRESSION})")
# v25: a range mark joins a duration in words to another as "or" does (半年到一年, half a year to a year): the number
# patterns' range rules do not see a duration without digits
_RANGE_JOIN = " ?(?P<sep>)(?:至|到|~|–|—(?!—)|-|(?<![a-z])to(?![a-z])) ?(?:约|大约|大概)? ?"
_DURATION_THEN_RANGE = re.compile(f"(?P<expr>{_TIME_EXPRESSION}){_RANGE_JOIN}$")
_RANGE_THEN_DURATION = re.compile(f"{_RANGE_JOIN}(?P<expr>{_TIME_EXPRESSION})")
# after a comma, "or" joins a value that ends its clause: 回收期20个月，或2年后进入稳定期 starts a clause of its own
_ENDS_ITS_CLAUSE = re.compile(" ?(?:[,.;:!?)。]|$|等|左右|上下|前后|不等|都有可能|均有可能|(?<![a-z])or(?![a-z])|或)")
_DURATION_AT_END = re.compile(f"(?:{_TIME_EXPRESSION})$")


@lru_cache(maxsize=1024)
def _length_of_time(expression: str) -> tuple[str, Decimal, Decimal] | None:
    """The kind ("months" or "seconds"), size and rounding (half the last decimal place it is written to: 1.67年 is
    20 months within 0.06; 0 for a whole number) of a duration written in one or two units (1年半, 1年8个月, 1.5
    years, 一个半小时); None where a term is no duration (2020年) or the units are of two kinds."""
    kinds, total, rounding = set(), Decimal(0), Decimal(0)
    for term in _TIME_TERM_PARTS.finditer(expression):
        number = term.group("num")
        if number is None:  # v25: 半年, half a year
            halved = term.group("half_of") or _EN_TIME_UNITS[term.group("en_half_of")]
            kind, size = _TIME_UNITS[halved]
            kinds.add(kind)
            total += Decimal("0.5") * size
            rounding = Decimal(0)
            continue
        if number in ("a", "an"):
            value: Decimal | None = Decimal(1)  # v24: a year and a half
        else:
            value = Decimal(number) if number[0].isdigit() else spelled_value(number) or chinese_value(number)
        unit = term.group("unit") or _EN_TIME_UNITS[term.group("en")]
        if value is None or (unit == "年" and len(number) == 4 and number.isdigit()):
            return None
        kind, size = _TIME_UNITS[unit]
        halves = ("half_before", "half", "en_half_before", "en_half")
        half = Decimal("0.5") if any(term.group(name) for name in halves) else Decimal(0)
        kinds.add(kind)
        total += (value + half) * size
        decimals = len(number.partition(".")[2])
        rounding = Decimal(5) / 10 ** (decimals + 1) * size if decimals else Decimal(0)
    return (kinds.pop(), total, rounding) if len(kinds) == 1 else None


def _same_length(one: tuple[str, Decimal, Decimal], other: tuple[str, Decimal, Decimal]) -> bool:
    """Two durations of one kind are one length, the one rounded as written (v15: 20个月或1.67年 is one value)."""
    return abs(one[1] - other[1]) <= max(one[2], other[2])


@lru_cache(maxsize=4096)
def _duration_then_or(text: str, pos: int, ranges: bool = False) -> re.Match[str] | None:
    """A duration and an "or" (with `ranges`, or a range mark: v25) that end at `pos` (1年半或 before 30个月); cached,
    as each occurrence of a point in a chain of them walks the same links (v24)."""
    return (_DURATION_THEN_RANGE if ranges else _DURATION_THEN_OR).search(text, max(0, pos - 40), pos)


@lru_cache(maxsize=4096)
def _or_then_duration(text: str, pos: int, ranges: bool = False) -> re.Match[str] | None:
    """An "or" (with `ranges`, or a range mark) and a duration that start at `pos` (或30个月 after 1年半)."""
    return (_RANGE_THEN_DURATION if ranges else _OR_THEN_DURATION).match(text, pos)


def duration_alternatives(text: str, start: int, end: int, ranges: bool = False) -> tuple[int, int, bool] | None:
    """(start, end) of the durations that an "or" (with `ranges`, or a range mark: v25) joins to the duration ending
    the match text[start:end] of a normalised text, and whether they are all its length (v22: 20个月或1年8个月 is one
    value, 1年半或30个月 two); None where no duration in a unit of its kind is joined to it."""
    own_match = _DURATION_AT_END.search(text, start, end)
    own = _length_of_time(own_match.group()) if own_match is not None else None
    if own is None:
        return None
    lengths: list[tuple[str, Decimal, Decimal]] = []
    first, last = start, end
    while len(lengths) < MOST_ALTERNATIVES and (after := _or_then_duration(text, last, ranges)) is not None:
        length = _length_of_time(after.group("expr"))
        if length is None or length[0] != own[0]:
            break
        if after.group("sep") == "," and not _ENDS_ITS_CLAUSE.match(text, after.end()):
            break
        lengths.append(length)
        last = after.end()
    while len(lengths) < 2 * MOST_ALTERNATIVES and (before := _duration_then_or(text, first, ranges)) is not None:
        length = _length_of_time(before.group("expr"))
        if length is None or length[0] != own[0]:
            break
        lengths.append(length)
        first = before.start()
    if not lengths:
        return None
    return first, last, all(_same_length(own, length) for length in lengths)


@lru_cache(maxsize=8)
def _alternative_mentions(text: str) -> tuple[Mention, ...]:
    """The numbers of a normalised text that may be alternatives, Arabic, Chinese and English (twenty or thirty
    months), in order - found once per text (v22)."""
    mentions = _find_numbers_cached(text, _ALTERNATIVE_FORMS)
    spelled = _spelled_numbers(text, _ALTERNATIVE_FORMS)
    return tuple(sorted((*mentions, *spelled), key=_mention_start)) if spelled else mentions


def _mention_start(mention: Mention) -> int:
    return mention.start


# v22: a chain of alternatives is read at most this many values to each side of the point: a degenerate answer
# ("20个月或24个月或20个月或...", thousands of them) cost a walk along the whole chain for each occurrence
MOST_ALTERNATIVES = 32


def _ends_a_list(text: str, chain_start: int, chain_end: int, item_end: bool = True) -> bool:
    """Whether the values at text[chain_start:chain_end] are bounds (v16: 之间, between), candidates (v21: 不等,
    视情况而定) or, with `item_end`, end their clause (v21: a Chinese comma's list, 18个月，20个月，24个月。)."""
    bounds = _BOUNDS_AFTER.match(text, chain_end) or _BOUNDS_BEFORE.search(text, max(0, chain_start - 18), chain_start)
    ends = item_end and _ITEM_END.match(text, chain_end)
    return bool(bounds or _CANDIDATES_AFTER.match(text, chain_end) or ends)


def _chain(
    quantity: _Quantity, mentions: Sequence[Mention], index: int, start: int, end: int, commas: bool
) -> tuple[int, int, list[str], list[Mention]]:
    """The alternatives around the point (mentions[index] at text[start:end]): where they start and end, the links
    between them and the other figures; a Chinese comma links them only with `commas` (v21)."""
    right = _chain_after(quantity, mentions[index + 1 : index + 1 + MOST_ALTERNATIVES], end, commas)
    left = _chain_before(quantity, mentions[max(0, index - MOST_ALTERNATIVES) : index], commas)
    return (left[0] if left[1] else start), (right[0] if right[1] else end), right[1] + left[1], right[2] + left[2]


def _chain_after(
    quantity: _Quantity, following: Sequence[Mention], end: int, commas: bool
) -> tuple[int, list[str], list[Mention]]:
    """The alternatives after the point: where they end, the links between them and the figures."""
    links: list[str] = []
    figures: list[Mention] = []
    for m in following:
        link = _link(quantity.text, end, quantity.item_start(m), commas)
        m_end = quantity.unit_end(m)
        if link is None or m_end is None:
            break
        links.append(link)
        figures.append(m)
        end = m_end
    return end, links, figures


def _chain_before(
    quantity: _Quantity, preceding: Sequence[Mention], commas: bool
) -> tuple[int, list[str], list[Mention]]:
    """The alternatives before the point: where they start, the links between them and the figures - with the unit,
    or bare before one, which shares it (10、20或30个月)."""
    links: list[str] = []
    figures: list[Mention] = []
    first = quantity.item_start(quantity.point)
    for m in reversed(preceding):
        m_end = quantity.unit_end(m)
        link = _link(quantity.text, m_end, first, commas) if m_end is not None else None
        if link is None and not m.percent and quantity.unit:
            link = _link(quantity.text, m.end, first, commas)
        if link is None:
            break
        links.append(link)
        figures.append(m)
        first = quantity.item_start(m)
    return first, links, figures
