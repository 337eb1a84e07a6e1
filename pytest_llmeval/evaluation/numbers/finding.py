"""Find the numbers in a normalised text (`find_numbers`): digit runs, Chinese numerals, English scale words
and abbreviations - not codes (v3.2, INV-204817), phone numbers, padded clock times, idioms (一年一度) or numerals
inside words (零售, 一体化); and the jieba word starts a Chinese numeral must begin at.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .mention import (
    AMBIGUOUS_COMMA,
    ARABIC,
    CHINESE,
    CN_CHARS,
    CN_DIGITS,
    CODE_RUN,
    EN_SCALE_ABBREVIATION,
    EN_SCALE_ABBREVIATIONS,
    EN_SCALE_LETTER,
    EN_SCALE_LETTERS,
    EN_SCALE_WORD,
    EN_SCALE_WORDS,
    MONEY_AFTER,
    MONEY_BEFORE,
    PADDED_BEFORE,
    PERCENT,
    QUANTITY_END,
    SCALE,
    SCALE_WORDS,
    SPOKEN_PERCENT,
    Mention,
    NumberForms,
    chinese_value,
)


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


def a_code_point(point: str) -> bool:
    """A key point that is one code (v3.2, inv-204817, qwen3-8b): a value the answer states or not, as a figure is
    (v115) - not a topic such as a feature's name."""
    return CODE_RUN.fullmatch(point) is not None and _a_letter_before_a_digit(point, 0, len(point))


@lru_cache(maxsize=8)
def _code_runs(text: str) -> tuple[list[int], list[int]]:
    """The starts and ends of the text's maximal runs of [a-z0-9._-], found once per text (v22: extending each
    number's run character by character was quadratic in a long run such as -1-1-1-1...)."""
    spans = [m.span() for m in CODE_RUN.finditer(text)]
    return [span[0] for span in spans], [span[1] for span in spans]


@lru_cache(maxsize=1024)
def _a_letter_before_a_digit(text: str, left: int, right: int) -> bool:
    """Whether text[left:right], a currency code at its start left out, has a letter before one of its digits."""
    prefix = _CURRENCY_CODE_AT.match(text, left, right)
    if prefix is None and left > 0 and not text[left - 1].isascii() and text[left - 1] in QUANTITY_END:
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
    return len(plain) == 2 and end < len(text) and text[end] in PADDED_BEFORE


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
        if not (before.isascii() and before.isalnum()) and before not in QUANTITY_END:
            return -1
    if start > 0 and text[start - 1] == "—":  # v9: an em dash where a sign stands (增长率为—20%, ROI：—50%); after a
        before = text[start - 2] if start >= 2 else "\n"  # label it separates (回本周期—20个月, 市场份额—20%)
        if before in _SIGN_STANDS_AFTER:
            return -1
    if start > 1 and text[start - 1] == " " and _SIGN_WORD_BEFORE.search(text, max(0, start - 24), start):
        return -1
    return 1


# v109: a minus sign in words (The ROI is minus 20 percent, negative 20%) - not ± (plus or minus 5%, plus/minus 5%)
# nor a subtraction (100 minus 20: a figure before "minus")
_SIGN_WORD_BEFORE = re.compile(r"(?<![0-9%] )(?<!plus or )(?<!plus/)(?<![a-z])(?:minus|negative) $", re.IGNORECASE)


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
ROUND_END = frozenset("0十百千万")  # a point's number that ends so may be followed by 几 in the answer
_ONES_AFTER_TEN = frozenset("一二三四五六七八九")


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    from ...rag.tokenize import import_jieba

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


def not_a_count(text: str, start: int) -> bool:
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
    # v37: more of them (十年如一日 is "steadfastly", 一年四季 "all year round", 一天天 "day by day")
    "|十年如一日|如一日|一年四季|一天天|日复一日|年复一年|三个臭皮匠|十年磨一剑|一日之计|一年之计|一日不见"
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
_LABEL_BEFORE = re.compile(f"(?:方案|问题|第|阶段|选项|步骤|场景|案例|项目|(?<![0-9{CN_CHARS}])[期级]) ?$")


# v47: digits split by one space where no thousands group follows (回收期为1 20个月, 1 2000元, payback of 1 20 months)
# are a number broken by a typo or two run together, and the text cannot tell which: neither side is a figure, as
# 1'200 is none since v45 (v46 credited 20个月 in 1 20个月). A space-grouped thousands number (1 200 yuan, 12 500元:
# the English and French thin-space style) stays one number, 1200. Still two numbers: a label's number and its own
# (第1 20个月, 方案1 20个月, step 1 20 minutes, Q1 20%), a count before a compound (3 20-foot containers), a year
# before a number (in 2023 20% of users: the first group has four digits).
_SPLIT_GROUPS = re.compile(
    r"(?<![0-9.,'’_])(?P<first>[0-9]{1,3}) (?P<second>[0-9]{1,2}|[0-9]{4,})(?![0-9]|\.[0-9]|-[a-z])"
)
_EN_LABEL_BEFORE = re.compile(
    r"(?<![a-z])(?:step|option|plan|phase|stage|scenario|case|item|question|table|figure|fig\.|no\.|tier|level|round"
    r"|part|chapter|section|year|week|month|day|grade|line|row|#) ?$"
)


def _split_groups(text: str) -> frozenset[int]:
    """The starts of the digit groups that a space splits with no thousands group after it (v47: 1 20个月), but for a
    label's or a code's number and the number after it."""
    starts: set[int] = set()
    for m in _SPLIT_GROUPS.finditer(text):
        first = m.start("first")
        label = _LABEL_BEFORE.search(text, max(0, first - 3), first)
        if label or _EN_LABEL_BEFORE.search(text, max(0, first - 9), first):
            continue
        if _is_code(text, first, m.end("first")):
            continue
        starts.update((first, m.start("second")))
    return frozenset(starts)


def _arabic_matches(text: str) -> Iterator[re.Match[str]]:
    """The Arabic numbers of a text; a space-grouped one whose first group ends a code (Q1 200万元, H1 120万元) is the
    code and then a number of its own, not 1 200; one whose first group is a label's number (方案1 200万元, v9) is
    that number and then one of its own. Numbers joined by an ambiguous comma (v32) are read as `_comma_joined` says;
    groups split by a space with no thousands group after it (v47: 1 20个月) are none."""
    matches: Iterable[re.Match[str]] = ARABIC.finditer(text)
    if AMBIGUOUS_COMMA in text:
        matches = _comma_joined(text, matches)
    split = _split_groups(text) if " " in text else frozenset()
    for m in matches:
        if m.start() in split:
            continue
        first_space = m.group("num").find(" ")
        code = first_space > 0 and _is_code(text, m.start(), m.start() + first_space)
        label = 0 < first_space <= 2 and not code and _LABEL_BEFORE.search(text, max(0, m.start() - 3), m.start())
        if code or label:
            if label:
                yield from ARABIC.finditer(text, m.start(), m.start() + first_space)
            rest = ARABIC.match(text, m.start() + first_space + 1)
            if rest is not None:
                yield rest
            continue
        yield m


# v32: digits joined by a full-width comma (`AMBIGUOUS_COMMA`) are one number or two - a thousands separator or a
# Chinese list comma - and the text cannot tell: neither reading is a figure (分别为120，240万 holds no 240万, as
# v2 decided, and no 120,240万; v31 read 120,240万, and so 方案1，200万元 stated 1200万元), except after a label,
# whose number is its own as before a space (v9): 方案1，200万元 is 方案1 and 200万元.
def _comma_joined(text: str, matches: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    after_a_label = False
    for m in matches:
        joined_before = text.startswith(AMBIGUOUS_COMMA, m.start() - len(AMBIGUOUS_COMMA))
        if text.startswith(AMBIGUOUS_COMMA, m.end()):
            after_a_label = (
                len(m.group()) <= 2 and _LABEL_BEFORE.search(text, max(0, m.start() - 3), m.start()) is not None
            )
            if after_a_label and not joined_before:
                yield m
            continue
        if not joined_before or after_a_label:
            yield m
        after_a_label = False


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
def find_numbers_cached(text: str, forms: NumberForms) -> tuple[Mention, ...]:
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
            s = SCALE.match(text, end)
            if s:
                scale = Decimal(SCALE_WORDS[s.group(1)])
                amount, end = amount * scale, s.end()
                whole = s.group() == s.group(1) and "." not in plain
                compound = _compound(text, Decimal(plain), s.group(1), end) if whole else None
                if compound is not None:
                    amount, scale, end = compound
                    consumed = end
            else:
                english = english_scale(text, m.start(), end)
                if english is not None:
                    scale, end = english
                    amount *= scale
        p = PERCENT.match(text, end)
        if p:
            end = p.end()
        start = m.start() - (1 if sign < 0 and amount else 0)
        spoken = next((w for w in SPOKEN_PERCENT if text.endswith(w, 0, start)), None)  # 百分之3.5 is 3.5%
        if spoken is not None and p is None:
            start -= len(spoken)
        percent = p is not None or spoken is not None
        if not percent and scale == 1 and 0 < amount <= 10 and _TENTHS.match(text, end):
            amount, end, percent = amount * 10, end + 1, True  # v94: 2成 is 20%, 2.5成 25% (as 两成, v16)
        found.append(Mention(start, end, amount * sign, scale, percent, text[start:end]))
    if forms.chinese:
        idioms = _idiom_spans(text)
        share_end = -1  # v58: the numerator of a share read as a percent (四分之三) is no number of its own
        for m in _chinese_runs(text):
            if m.start() < share_end:
                continue
            cn_value = chinese_value(m.group("num"))
            if cn_value is None or not_a_count(text, m.start()):  # m.start(): 百分之一 is 1%, not 之一
                continue
            if idioms[0] and _in_an_idiom(idioms, m.start("num")):
                continue  # v26: 一年一度, 三天两头
            if m.group("pct") is None and _in_a_word(text, m.start("num"), m.group("num")):
                continue  # 十分重要, 一次性, 第三方 (v9)
            sign = _sign(text, m.start())
            end = m.end()
            scale = Decimal(1)
            about = SCALE.match(text, end) if text[end : end + 1] in ABOUT else None
            if about is not None and m.group("pct") is None:  # 一千二百多万 is 1200多万: about 1200万 (v9)
                scale = Decimal(SCALE_WORDS[about.group(1)])
                cn_value, end = cn_value * scale, about.end()
            percent = m.group("pct") is not None
            if not percent:
                p = PERCENT.match(text, end)
                if p:
                    end, percent = p.end(), True
                elif text.startswith("成半", end) and scale == 1 and 0 < cn_value < 10:
                    cn_value, end, percent = cn_value * 10 + 5, end + 2, True  # v36: 三成半 is 35%, not 30%
                elif _TENTHS.match(text, end) and scale == 1 and 0 < cn_value <= 10 and text[m.start() : end] != "一":
                    cn_value, end, percent = cn_value * 10, end + 1, True  # v16: 两成 is 20%, 四成 40%
                elif (tenths := _TENTHS_AND_HUNDREDTHS.match(text, end)) and scale == 1 and 0 < cn_value < 10:
                    cn_value += Decimal(CN_DIGITS[tenths.group(1)]) / 10  # v26: 八成五 is 85%, 九成九 99%
                    cn_value, end, percent = cn_value * 10, tenths.end(), True
                elif (share := _a_share(text, end, cn_value)) is not None and scale == 1:
                    cn_value, end, percent = share  # v58: 四分之一 is 25%, 五分之一 20% (ROI约为四分之一 for ROI 25%)
                    share_end = end
            start = m.start() - (1 if sign < 0 else 0)
            found.append(Mention(start, end, cn_value * sign, scale, percent, text[start:end]))
        found.sort(key=lambda mention: mention.start)
    return tuple(found)


# v58: a share said as a fraction whose percent is whole (四分之一 25%, 五分之二 40%, 二分之一 50%) is a percent, as
# 两成 is (v16): the bare 25% was read through the share's words (v36), a subject's link (ROI约为四分之一) was not
_SHARE_OF = re.compile(f"分之([{CN_CHARS}]+)")
_SHARE_DENOMINATORS = frozenset({2, 4, 5})


def _a_share(text: str, end: int, denominator: Decimal) -> tuple[Decimal, int, bool] | None:
    """The percent (value, end, True) of the fraction whose denominator, a Chinese numeral, ends at `end`."""
    share = _SHARE_OF.match(text, end)
    if share is None or denominator not in _SHARE_DENOMINATORS:
        return None
    numerator = chinese_value(share.group(1))
    if numerator is None or not 0 < numerator < denominator:
        return None
    return numerator * 100 / denominator, share.end(), True


# v18: a 零 right after a unit of time joins two quantities (一年零八个月, 两小时零五分钟): it is no number, and the
# numeral after it is one of its own (零八 would read as a code, as 007 does)
_UNIT_BEFORE_LING = frozenset("年月周天时钟分秒")
_CHINESE_AFTER_LING = re.compile(f"(?P<pct>(?!))?(?P<num>[{CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?)")


def _chinese_runs(text: str) -> Iterator[re.Match[str]]:
    """The runs of Chinese numerals in a text, a 零 that joins two quantities of time left out (v18)."""
    for m in CHINESE.finditer(text):
        joined = m.group("pct") is None and m.group("num")[0] == "零" and m.start() > 0
        if not joined or text[m.start() - 1] not in _UNIT_BEFORE_LING:
            yield m
            continue
        rest = _CHINESE_AFTER_LING.match(text, m.start() + 1) if len(m.group("num")) > 1 else None
        if rest is not None:
            yield rest


# v16: with chinese_numerals a numeral before 成 counts tenths (两成 is 20%, 四成左右 about 40%) - not 一成 (一成不变),
# nor 成 that starts a word (两成员, 三成本) or goes on into a decimal (九成九)
_TENTHS = re.compile(f"成(?![员本功立为熟果绩交长就品型都年人{CN_CHARS}0-9])")
# v26: and one numeral after 成 its hundredths (八成五 is 85%, 九成九 99%) - where no unit or numeral follows it
# (三成五个, 八成五年 count other things)
_TENTHS_AND_HUNDREDTHS = re.compile(f"成([一二三四五六七八九])(?![{CN_CHARS}0-9个年月天周人次份件台名位家])")


def english_scale(text: str, start: int, end: int) -> tuple[Decimal, int] | None:
    """The multiplier and end of an English scale word after the number at start:end (v11): a word (1.2 million), or
    a letter in money ($1.2M, 500k dollars); else None."""
    word = EN_SCALE_WORD.match(text, end)
    if word is not None:
        return Decimal(EN_SCALE_WORDS[word.group(1)]), word.end()
    abbreviation = EN_SCALE_ABBREVIATION.match(text, end)
    if abbreviation is not None:
        return Decimal(EN_SCALE_ABBREVIATIONS[abbreviation.group(1)]), abbreviation.end()
    letter = EN_SCALE_LETTER.match(text, end) if text[end : end + 1] in "kmb" else None
    if letter is None:
        return None
    if MONEY_BEFORE.search(text, max(0, start - 5), start) or MONEY_AFTER.match(text, letter.end()):
        return Decimal(EN_SCALE_LETTERS[letter.group(1)]), letter.end()
    return None


def find_numbers(text: str, forms: NumberForms | None = None) -> list[Mention]:
    """Every number in a normalised text, in order."""
    return list(find_numbers_cached(text, forms or NumberForms()))


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
EN_CARDINAL = (
    f"(?:an? (?=(?:hundred|{'|'.join(EN_SCALE_WORDS)})(?![a-z])))?{_EN_CARDINAL_WORD}"
    f"(?:(?: and | |-){_EN_CARDINAL_WORD})*"
)
EN_CARDINAL_RUN = re.compile(f"(?<![a-z-]){EN_CARDINAL}")
ORDINAL_AFTER = re.compile(
    "-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|halfs?|halves|thirds?|quarters?|fifths"
    "|sixths|sevenths|eighths|ninths|tenths)(?![a-z])"
)
EN_WORD = re.compile("[a-z]+")
EN_SMALL = EN_ONES | EN_TEENS | EN_TENS
# what a number word may follow in one number: twenty-seven, one hundred (and) twenty, two thousand five hundred
MAY_FOLLOW = {"ones": ("", "tens", "hundred", "scale"), "teens": ("", "hundred", "scale")}
MAY_FOLLOW |= {"tens": ("", "hundred", "scale"), "hundred": ("ones", "teens", "tens")}
MAY_FOLLOW |= {"scale": ("ones", "teens", "tens", "hundred")}
ABOUT = ("多", "余", "来")  # between a number and its (CJK) unit: about, a little over
