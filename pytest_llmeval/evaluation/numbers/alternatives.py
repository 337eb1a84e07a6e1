"""Figures offered as one of several values: `alternatives` (20个月或24个月, 18/20/24个月,
a hedged range) and `duration_alternatives` (a duration among others of the same length).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .finding import EN_CARDINAL, find_numbers_cached
from .mention import CN_CHARS, MONEY_BEFORE, SCALE_WORDS, Mention, NumberForms, chinese_value, parse_tolerance
from .spelled import spelled_numbers, spelled_value

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
    prefix = text[start : point.start].strip() if MONEY_BEFORE.search(text, start, point.start) else ""
    bare = not unit and not prefix and not point.percent
    if bare:
        unit = _answer_unit(text, point)
        if unit and end == point.end:
            end += len(unit)  # v104: the alternatives after it follow its unit (1997年或1998年, 4300人或5300人)
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
    if bare and "/" in text[chain_start:chain_end]:
        return None  # 4300/5000: a ratio, a score or a date, no guess between bare numbers
    return chain_start, chain_end


# v30: a bare-number point (1997, 4300) is offered among alternatives in the unit the answer gives it (成立于1996年或
# 1997年, 约4200或4300人) or among bare numbers (launched in 2023 or 2024) - v29 credited them: a point in any unit is
# still one value, and a guess between two is no answer. The unit is the one Chinese character after the figure
# (a measure word with 个), not a disjunction or a range mark that starts the next value.
_ANSWER_UNIT_AFTER = re.compile("个?[^\x00-\u2fff或和与及至到、，。；：！？（）]")


def _answer_unit(text: str, point: Mention) -> str:
    """The unit the answer writes right after a bare-number point's figure (年 of 1997年), else ""."""
    unit = _ANSWER_UNIT_AFTER.match(text, point.end)
    return unit.group() if unit is not None else ""


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
    f"[0-9]+(?:\\.[0-9]+)?|[{CN_CHARS}]+|(?<![a-z-]){EN_CARDINAL}"
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
_TIME_EXPRESSION = f"(?<![0-9.{CN_CHARS}]){_TIME_TERM}(?: ?(?:零|又|and )? ?{_TIME_TERM})?(?![0-9{CN_CHARS}])"
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
    mentions = find_numbers_cached(text, _ALTERNATIVE_FORMS)
    spelled = spelled_numbers(text, _ALTERNATIVE_FORMS)
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
