"""v34: a rate key point (5000元/月, 每月5000元, $5000 per month, 20万元/年) in the answer's other spellings of it.

A rate is an amount and the period it is counted per. Models write the period after the amount (5000元/月,
5000元每月, $5,000 a month, $5,000 monthly) or before it in its clause (每月5000元, 月费5000元, 每月成本：5000元,
年节省20万元, a monthly fee of $5,000); v33 matched a rate point only as written, and missed them all. The period is
the point's own: the last period word before the amount in its clause, and none of another period right after it
(年费5000元 and 5000元/年 state no 5000元/月; 首年节省20万元 is the first year's, no rate per year; 6个月节省5000元 is
a sum over six months). The amount alone (费用为5000元) states no rate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..numbers import Found, NumberForms, NumberPattern, compile_variant
from ..numbers.edges import an_end_of_a_range

# the point's period, as a rate point writes it after its amount (5000元/月, $5000 per month) or before it (每月5000元)
_PERIOD_NAMES = {
    "month": ("月", "个月", "month", "mo"),
    "year": ("年", "year", "yr", "annum"),
    "day": ("天", "日", "day"),
    "week": ("周", "星期", "week"),
}
# v113: and a rate per unit - a person, a user, a seat, a device, a use (500元/人, 50元/用户, 2000元/台, 5元/次,
# $500 per person) - whose unit is named as a period is (每人500元, 人均500元, 每个用户50元, 单台2000元, 每次5元); v112
# matched such a point only as written. A unit is no period of time: a question's periods (`question_periods`) and a
# form's (`a_rate_form`) stay the four of time.
_UNIT_NAMES = {
    "person": ("人", "位", "名", "person", "head", "capita"),
    "user": ("用户", "user"),
    "seat": ("席位", "座席", "坐席", "账号", "seat", "license", "licence"),
    "device": ("台", "device"),
    "use": ("次", "use", "call", "request"),
}
_PERIOD_OF = {name: period for period, names in (_PERIOD_NAMES | _UNIT_NAMES).items() for name in names}
_NAMES = "|".join(sorted((name for names in _PERIOD_NAMES.values() for name in names), key=len, reverse=True))
_RATE_NAMES = "|".join(sorted(_PERIOD_OF, key=len, reverse=True))
_RATE_AFTER = re.compile(
    rf"^(?P<amount>.*[0-9].*?) ?(?:/ ?|每个?|(?<=[a-z0-9$ ])(?:per|a|an) )(?P<period>{_RATE_NAMES})$"
)
_RATE_BEFORE = re.compile(r"^每个?(?P<period>[月年天日周])(?P<amount>.*[0-9].*)$")
# v112: a month's or a year's fee (月费5000元, 年费60万元) is a rate too: 每月费用5000元, 5000元/月 (v111 read it as
# text)
_A_FEE_OF_ITS_PERIOD = re.compile(r"^(?P<period>[月年])费 ?(?P<amount>[0-9].*)$")
_RATE_EN_WORD = re.compile(r"^(?P<amount>.*[0-9].*?) (?P<period>monthly|annually|yearly|daily|weekly)$")
_EN_WORD_PERIOD = {"monthly": "month", "annually": "year", "yearly": "year", "daily": "day", "weekly": "week"}

# a period word right after an amount, and the period it names
_AFTER = {
    "month": r" ?(?:/ ?(?:个月|月|month|mo)(?![a-z])|每个?月|一个月| (?:per|a|an|each|every) month(?![a-z])"
    r"| monthly(?![a-z]))",
    "year": r" ?(?:/ ?(?:年|year|yr)(?![a-z])|每年|一年| (?:per|a|an|each|every) year(?![a-z])| per annum"
    r"| p\.a\.| annually| yearly)",
    "day": r" ?(?:/ ?(?:天|日|day)(?![a-z])|每天|每日|一天| (?:per|a|each|every) day(?![a-z])| daily)",
    "week": r" ?(?:/ ?(?:周|星期|week)(?![a-z])|每周|每星期|一周| (?:per|a|each|every) week(?![a-z])| weekly)",
}
_PERIOD_AFTER = {period: re.compile(words) for period, words in _AFTER.items()}
# v113: a unit's words right after an amount (500元/人, 500元每人, $500 per person) and before it in its clause (每人,
# 人均, 单台, 每次, per person)
_UNIT_AFTER = {
    "person": r" ?(?:/ ?(?:人|位|名|person|head)(?![a-z])|每人|每位|每名| (?:per|a|each) (?:person|head)(?![a-z])"
    r"| per capita)",
    "user": r" ?(?:/ ?(?:用户|user)(?![a-z])|每用户|每个用户|每位用户| (?:per|a|each) user(?![a-z]))",
    "seat": r" ?(?:/ ?(?:席位|座席|坐席|账号|seat|licen[cs]e)(?![a-z])|每个?(?:席位|座席|坐席|账号)"
    r"| (?:per|a|each) (?:seat|licen[cs]e)(?![a-z]))",
    "device": r" ?(?:/ ?(?:台|device)(?![a-z])|每台| (?:per|a|each) device(?![a-z]))",
    "use": r" ?(?:/ ?(?:次|use|call|request)(?![a-z])|每次| (?:per|a|each) (?:use|call|request)(?![a-z]))",
}
_UNIT_BEFORE = {
    "person": "每一?个?人|每位|每名|人均|按人头?|(?<![a-z])per[- ](?:person|head|capita)(?![a-z])",
    "user": "每一?个?用户|每位用户|单用户|按用户|(?<![a-z])per[- ]user(?![a-z])",
    "seat": "每一?个?(?:席位|座席|坐席|账号)|按(?:席位|座席|坐席|账号)|(?<![a-z])per[- ](?:seat|licen[cs]e)(?![a-z])",
    "device": "每一?台|单台|按台|(?<![a-z])per[- ]device(?![a-z])",
    "use": "每一?次|单次|按次|(?<![a-z])per[- ](?:use|call|request)(?![a-z])",
}
_RATE_BEFORE_A_UNIT = re.compile(
    "^(?:" + "|".join(f"(?P<{unit}>{words})" for unit, words in _UNIT_BEFORE.items()) + ") ?(?P<amount>.*[0-9].*)$"
)
_RATE_AFTER_ALL = {**_PERIOD_AFTER, **{unit: re.compile(words) for unit, words in _UNIT_AFTER.items()}}
# a period word before the amount in its clause (每月, 月费, 年节省, monthly); 年 and 月 alone only before a word of
# money, not after a numeral or a word that makes it one year or month (2024年, 首年, 今年, 上月, 3月, 6个月, 多年) -
# v112: nor 年费 / 月费 after one (三年费用5000元, 3个月费5000元 are no fee per year or month)
_NOT_A_RATE_BEFORE = "(?<![0-9〇零一二两三四五六七八九十百今去明前后首当同次上下本该那这整半第某多几数个周])"
# a word of money up to three characters on (年净节省, 年人工节省, 年运维费)
_MONEY_WORD = "[\u4e00-\u9fff]{0,3}?(?:节省|收入|营收|成本|支出|利润|开支|费|净)"
_ONE_YEAR = "(?<![0-9〇零一二两三四五六七八九十百第])一年"
_BEFORE = {
    "month": f"每个?月|{_NOT_A_RATE_BEFORE}月(?:费|租|均|度|付)|按月|单月|{_NOT_A_RATE_BEFORE}月(?={_MONEY_WORD})"
    "|(?<![a-z])monthly(?![a-z])",
    "year": f"每一?年|{_NOT_A_RATE_BEFORE}年(?:费|租|均|度|化|付)|按年|全年|{_NOT_A_RATE_BEFORE}年(?={_MONEY_WORD})"
    f"|{_ONE_YEAR}(?={_MONEY_WORD})|(?<![a-z])(?:annual|annually|yearly)(?![a-z])",
    "day": "每天|每日|日均|按天|单日|(?<![a-z])daily(?![a-z])",
    "week": "每周|每星期|周均|按周|(?<![a-z])weekly(?![a-z])",
}
_PERIOD_BEFORE = re.compile("|".join(f"(?P<{period}>{words})" for period, words in _BEFORE.items()))
_RATE_BEFORE_ALL = re.compile("|".join(f"(?P<{name}>{words})" for name, words in (_BEFORE | _UNIT_BEFORE).items()))
_CLAUSE_END = re.compile(r"[,;!?。;\n]|\.(?![0-9])")
_CLAUSE_REACH = 24  # characters before the amount that its period word may stand


def _one_rate(needle: str) -> tuple[str, str] | None:
    """(its amount, its period or unit) of a rate point per one thing (5000元/月 -> (5000元, month), 每人500元 ->
    (500元, person)), else None."""
    m = _RATE_AFTER.match(needle) or _RATE_BEFORE.match(needle) or _A_FEE_OF_ITS_PERIOD.match(needle)
    if m is not None:
        return m.group("amount"), _PERIOD_OF[m.group("period")]
    unit = _RATE_BEFORE_A_UNIT.match(needle)
    if unit is not None:  # v113: 每人500元, 人均500元
        return unit.group("amount"), next(name for name in _UNIT_BEFORE if unit.group(name))
    m = _RATE_EN_WORD.match(needle)
    return (m.group("amount"), _EN_WORD_PERIOD[m.group("period")]) if m is not None else None


# v114: a unit and a period written as one (500元/人·月, 5万元/人月, 50元/(用户·月))
_JOINT = "[(（]?(?P<unit>人|用户|台|席位|账号)[·・.*]?(?P<period>月|年|天|日|周)[)）]?(?![\u4e00-\u9fff])"
_PER_BOTH_AFTER = re.compile(f" ?/ ?{_JOINT}")
_RATE_PER_BOTH = re.compile(f"^(?P<amount>.*[0-9].*?) ?/ ?{_JOINT}$")


@lru_cache(maxsize=1024)
def _rate_of(needle: str) -> tuple[str, str, str] | None:
    """(its amount, its period or unit, and for a rate per a unit and a period the other one, else "") of a rate point
    (5000元/月 -> (5000元, month, ""), 500元/人/月 -> (500元, person, month)), else None."""
    joint = _RATE_PER_BOTH.match(needle)
    if joint is not None:
        return joint.group("amount"), _PERIOD_OF[joint.group("unit")], _PERIOD_OF[joint.group("period")]
    first = _one_rate(needle)
    if first is None:
        return None
    # v114: a rate per a unit and a period (500元/人/月, 每用户每月50元, 每人500元/月, "$50 per user per month")
    second = _one_rate(first[0].strip(" "))
    if second is not None and (first[1] in _UNIT_NAMES) != (second[1] in _UNIT_NAMES):
        return second[0], second[1], first[1]
    return first[0], first[1], ""


def rate_twins(needle: str, forms: NumberForms | None) -> list[NumberPattern]:
    """The point's amount, as a pattern that finds it with its period written another way, for a rate point; else
    none."""
    rate = _rate_of(needle)
    if rate is None:
        return []
    amount = compile_variant(rate[0].strip(" "), forms or NumberForms())
    if not isinstance(amount, NumberPattern):
        return []
    return [_RateTwin(needle, amount.pieces, amount.slots, amount.forms, amount.text, rate[1], rate[2])]


def per_another_before(answer: str, start: int, form: str) -> bool:
    """v113: the rate point's form `form` (5000元/月, 每月5000元; 500元/人) is found at `start` where the answer names a
    unit before it in its clause for a rate per period, or a period for a rate per unit (每人5000元/月, 每人每月5000元:
    per person too; 每月每人500元). Another period before a rate per period is v34's: the one after the amount is its
    own (每年5000元/月的套餐 states 5000元/月)."""
    rate = _rate_of(form)
    if rate is None or rate[2]:
        return False  # v114: a rate per a unit and a period names both (`_RateTwin._per_both`)
    per_unit = rate[1] in _UNIT_NAMES
    figures = [m.end() for m in _A_DIGIT.finditer(answer, max(0, start - _CLAUSE_REACH), start)]
    after = figures[-1] if figures else 0  # the words after the figure before it are its (由每人每月500元提高到…)
    named = _named_before(answer, start, _RATE_BEFORE_ALL, after)
    return any((name in _UNIT_NAMES) != per_unit for name in named)


@dataclass(frozen=True)
class _RateTwin(NumberPattern):
    """A rate point's amount, found where the answer gives it with the point's period (before or after it)."""

    amount: str = ""
    period: str = ""
    other: str = ""  # v114: the period of a rate per unit and period, or its unit (500元/人/月: person and month)

    def search(self, answer: str) -> Iterator[Found]:
        plain = NumberPattern(self.amount, self.pieces, self.slots, self.forms)
        for found in plain.search(answer):
            after = _period_after(answer, found.end, _RATE_AFTER_ALL)
            then = _period_after(answer, after[1], _RATE_AFTER_ALL) if after is not None else None
            joint = _PER_BOTH_AFTER.match(answer, found.end)
            if joint is not None:  # v114: 500元/人·月, 5万元/人月 - per one and the other
                after, then = (
                    (_PERIOD_OF[joint.group("unit")], joint.end()),
                    (_PERIOD_OF[joint.group("period")], joint.end()),
                )
            if self.other:
                end = then[1] if then is not None else after[1] if after is not None else found.end
                named = [pair[0] for pair in (after, then) if pair is not None]
                if self._per_both(answer, found.start, named) and not an_end_of_a_range(
                    answer, found.start, end, self.text
                ):
                    yield Found(found.start, end)
                continue
            if then is not None:
                continue  # v113: 100元/人/月, 5000元/月/人 - per one and the other, no rate per either alone
            if after is not None:
                # v76: not an end of a range of rates (3750元/月到5000元/月, 5000元/月到6000元/月)
                if after[0] == self.period and not an_end_of_a_range(answer, found.start, after[1], self.text):
                    yield Found(found.start, after[1])
                continue
            if _period_before(answer, found.start, _RATE_BEFORE_ALL) == self.period:
                yield found

    def _per_both(self, answer: str, start: int, after: list[str]) -> bool:
        """v114: whether the amount at `start` is per the point's unit and its period: each named right after it
        (`after`: 500元/人/月, $50 per user per month) or last before it in its clause (每人每月500元, 每月每用户50元,
        每人500元/月) - v113 matched such a point only as written."""
        named = after + _named_before(answer, start, _RATE_BEFORE_ALL)[::-1]
        period = next((name for name in named if name not in _UNIT_NAMES), None)
        unit = next((name for name in named if name in _UNIT_NAMES), None)
        return {period, unit} == {self.period, self.other}


def _period_after(answer: str, end: int, named: dict[str, re.Pattern[str]] = _PERIOD_AFTER) -> tuple[str, int] | None:
    """The period (or, with `_RATE_AFTER_ALL`, the unit) named right after an amount that ends at `end`, and where its
    name ends."""
    for period, words in named.items():
        m = words.match(answer, end)
        if m is not None:
            return period, m.end()
    return None


def _period_before(answer: str, start: int, words: re.Pattern[str] = _PERIOD_BEFORE) -> str | None:
    """The period (or, with `_RATE_BEFORE_ALL`, the unit) last named before the amount at `start` in its clause."""
    named = _named_before(answer, start, words)
    return named[-1] if named else None


_A_DIGIT = re.compile("[0-9]")


def _named_before(answer: str, start: int, words: re.Pattern[str], after: int = 0) -> list[str]:
    """The periods (or units) named before the amount at `start` in its clause (and from `after` on), in order."""
    window = max(0, start - _CLAUSE_REACH, after)
    ends = [m.end() for m in _CLAUSE_END.finditer(answer, window, start)]
    return [m.lastgroup for m in words.finditer(answer, ends[-1] if ends else window, start) if m.lastgroup]


# v99: and an amount that is no rate (a sum: 首年费用84万元, 年净节省90万) is not stated by a rate of a period the
# case's question does not count in, where it counts in another: the question's amounts are per year (年费60万元,
# 每年运维费30万元) and the answer's 84万元/月 or 每月84万元 is a monthly amount - twelve times another sum. A question
# that names no period, or names the answer's, leaves the amount as before (参考报价200万元/年 where the question asks
# only 报价).
_RATE_WORD_IN_A_FORM = re.compile(rf"(?:/ ?|每个?|(?<=[a-z0-9$ ])(?:per|a|an) )(?:{_NAMES})$|^每个?[月年天日周]")


@lru_cache(maxsize=64)
def question_periods(question: str) -> frozenset[str]:
    """The periods the question counts its amounts in (每年运维费30万元 -> year)."""
    periods = {m.lastgroup for m in _PERIOD_BEFORE.finditer(question) if m.lastgroup}
    periods |= {period for period, words in _PERIOD_AFTER.items() if words.search(question)}
    return frozenset(periods)


def a_rate_form(variants: tuple[str, ...]) -> bool:
    """Whether a form of the point writes a period with its amount (5000元/月, 每月5000元, $5000 per month)."""
    return any(_RATE_WORD_IN_A_FORM.search(v) or _RATE_EN_WORD.match(v) for v in variants)


def per_another_period(answer: str, start: int, end: int, periods: frozenset[str]) -> str | None:
    """The period of the answer's amount at start:end (after it, or last before it in its clause) where it is none
    of the question's `periods`, else None."""
    after = _period_after(answer, end + 1 if answer.startswith("元", end) else end)
    period = after[0] if after is not None else _period_before(answer, start)
    return period if period is not None and period not in periods else None
