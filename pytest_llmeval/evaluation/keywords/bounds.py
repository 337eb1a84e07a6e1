"""A bound on a figure: 至少20个月, 超过20个月, 20个月以上, at least 20 months, 20 months or more - read from
the answer around a match (`answer_bound`) or from a key point written as one (`bounded_form`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..numbers import NumberPattern, Pattern, TextPattern
from ..numbers.patterns import BoundedNumberPattern, named_subject
from .dates import MONTH_EN, end_of_the_date
from .negation import negation_before
from .retraction import doubted

# v17: a bound says on which side of its number the quantity lies, one rule for every bound word. A strict bound names
# another value (超过20个月, 多于, 高于, 逾, 不止, 少于, 低于, 不到, 不足, more than, over, above, exceeding, less than,
# under, below): it does not credit a point that states the plain figure (20个月) - it is negated, shown with the bound
# (v6 credited 超过 and 少于, v3 negated 不到 and 不止). An inclusive bound states the figure as a limit (不少于,
# 不低于, 至少, 最少, 起码, 以上; 不超过, 不高于, 最多, 至多, 以下, 以内, 之内, 内; at least, no less than, at most, no
# more than, up to, within, or more, or less): it credits the plain figure, as limits are written (审批5分钟以内,
# 误差在正负5%以内, 至少提前30天通知, 30天内退款; v3 negated 不超过 and 不少于, while 不低于 credited). A form that
# carries a bound itself (不低于200元, 30天以内, 超过12分钟, at least 3 days) is the figure with that bound's direction:
# a bound of the same direction credits it, strict or inclusive (至少200元, 200元以上, 不少于200元 for 不低于200元;
# 30天之内, 不超过30天, within 30 days for 30天以内), and the other direction or the plain figure does not. An
# approximation is no bound (约20个月, 20个月左右, 接近20个月, 20多个月 still credit 20个月). The bound stands right
# before the number (one filler between: 至少需要20个月, 超过了20个月) or right after the form (20个月以上,
# 20个月或以上, 20 months or more).
LOWER_BOUNDS_BEFORE = (
    "不少于", "不低于", "不小于", "不下于", "至少", "最少", "起码", "最低", "超过", "超出", "多于", "高于", "大于",
    "逾", "不止", "不只", "长于", "at least", "no less than", "not less than", "no fewer than", "not fewer than",
    "more than", "over", "above", "exceeding", "in excess of", "upwards of", "greater than", "longer than",
    "higher than", "no shorter than", "beyond", "never less than", "never fewer than", "never shorter than",
    "never below", "never lower than",
    # v25: the verbs of a strict bound (it exceeds 20 months: more than 20)
    "exceeds", "exceeded", "exceed", "surpasses", "surpassed", "surpass",
    # v34: 超 alone (远超20个月, 略超, 超20万用户), 突破 (passed), and English idioms (north of, upward of)
    "超", "突破", "north of", "upward of",
    # v84: 冲破 and 超越 (passed) as 突破
    "冲破", "超越",
    # v107: 岂止 and 何止 (far more than) as 不止
    "岂止", "何止",
    # v109: and the rhetorical "where only" (回本周期哪里只要20个月 - far more)
    "哪里只要", "哪里只需要", "哪里只需", "哪里只用", "哪里才",
    # v86: spoken comparatives (高过, 多过, 大过) and "tops" (The payback tops 20 months)
    "高过", "多过", "大过", "tops", "topped", "topping",
)  # fmt: skip
UPPER_BOUNDS_BEFORE = (
    "不超过", "不超", "不高于", "不大于", "不多于", "最多", "至多", "最高", "少于", "低于", "小于", "短于", "不到",
    "不足", "未满", "不满", "没到", "没达到", "未达", "未达到", "未到", "达不到", "未超过", "没有超过", "没超过",
    "不会超过", "用不了", "要不了", "at most", "no more than", "not more than", "up to", "under", "below",
    "less than", "fewer than", "within", "not exceeding", "no longer than", "shorter than", "lower than",
    "no higher than", "not over", "never more than", "never longer than", "never over", "never exceeding",
    "never above", "never higher than", "not to exceed",
    # v34: idioms of a strict upper bound (falls short of, just shy of 20 months; not "we are short of 20 engineers",
    # which lacks 20)
    "south of", "just short of", "falls short of", "fall short of", "fell short of", "falling short of", "shy of",
    # v84: 跌破 / 跌穿 (fell below), "sub" (a sub 20% margin)
    "跌破", "跌穿", "sub", "sub-",
    # v86: 不及 (short of: 不及20个月), and the spoken 低过, 少过
    "不及", "低过", "少过",
    # v106: far below it (falls well short of, a far cry from, nowhere close to, some way off; 到不了, 够不着)
    "well short of", "far short of", "a far cry from", "nowhere close to", "some way off", "some way from",
    "a long way from", "a long way off", "到不了", "够不着", "够不到",
)  # fmt: skip
LOWER_BOUNDS_AFTER = ("以上", "及以上", "或以上", "或更多", "或更长", "or more", "or longer", "or above",
                      "and above", "and up", "or higher", "at least", "at minimum", "minimum",
                      "+", "-plus")  # fmt: skip  # v84: 20%+, a 20%-plus margin (more than: strict)
UPPER_BOUNDS_AFTER = ("以下", "及以下", "或以下", "以内", "之内", "内", "或更少", "或更短", "or less", "or fewer",
                      "or shorter", "or below", "and below", "and under", "or lower", "at most", "at the most",
                      "maximum", "max")  # fmt: skip
# the inclusive ones: they state their figure as a limit
INCLUSIVE_BOUNDS = frozenset((
    "不少于", "不低于", "不小于", "不下于", "至少", "最少", "起码", "最低", "at least", "no less than", "not less than",
    "no fewer than", "not fewer than", "no shorter than", "不超过", "不超", "不高于", "不大于", "不多于", "最多",
    "至多", "最高", "未超过", "没有超过", "没超过", "不会超过", "at most", "no more than", "not more than", "up to",
    "within", "not exceeding", "no longer than", "no higher than", "not over", "以上", "及以上", "或以上", "或更多",
    "或更长", "or more", "or longer", "or above", "and above", "and up", "or higher", "at minimum", "minimum", "以下",
    "及以下", "或以下", "以内", "之内", "内", "或更少", "或更短", "or less", "or fewer", "or shorter", "or below",
    "and below", "and under", "or lower", "at the most", "maximum", "max",
    # v20: "never more than" as "no more than", "never less than" as "no less than"
    "never more than", "never longer than", "never over", "never exceeding", "never above", "never higher than",
    "never less than", "never fewer than", "never shorter than", "never below", "never lower than",
    "not to exceed",  # v25
))  # fmt: skip
_BOUNDS_BEFORE = {**dict.fromkeys(LOWER_BOUNDS_BEFORE, "lower"), **dict.fromkeys(UPPER_BOUNDS_BEFORE, "upper")}
_BOUNDS_AFTER = {**dict.fromkeys(LOWER_BOUNDS_AFTER, "lower"), **dict.fromkeys(UPPER_BOUNDS_AFTER, "upper")}
# a bound's word before a number, longest first (an English one after a whole word)
_A_BOUND_WORD_BEFORE = (
    "(?:(?<![a-z])(?:" + "|".join(sorted((re.escape(b) for b in _BOUNDS_BEFORE if b.isascii()), key=len, reverse=True))
    + ")|(?:" + "|".join(sorted((b for b in _BOUNDS_BEFORE if not b.isascii()), key=len, reverse=True)) + "))"
)  # fmt: skip
_BOUND_BEFORE = re.compile(
    _A_BOUND_WORD_BEFORE
    # one filler between the bound and the number: 至少需要20个月, 最多只需5分钟, 超过了20个月
    + r"(?: ?(?:需要|需|要|只需|仅需|只要|为|是|有|达到|达|可达|了))? ?$"
)
# v111: a point's subject, then its bound before the figure (回收期不超过, ROI不低于, the payback is at most)
_A_SUBJECT_THEN_A_BOUND = re.compile(f"(?P<subject>.+?) ?(?P<bound>{_A_BOUND_WORD_BEFORE})")
_BOUND_AFTER = re.compile(
    " ?(?:(?:" + "|".join(sorted((re.escape(b) for b in _BOUNDS_AFTER if b.isascii()), key=len, reverse=True))
    + r")(?![a-z])|(?:" + "|".join(sorted((b for b in _BOUNDS_AFTER if not b.isascii()), key=len, reverse=True))
    + "))"
)  # fmt: skip
# 内 as a bound only where it ends the phrase or goes on to a verb (30天内退款), not in a word (3天内部, 5人内容);
# "over" not after a verb of spreading a sum (spread over 20 months, repaid over 20 months: the period). (Not 起:
# 2020年起 is a start, 200元起 a price list's floor - neither reads as a bound on the figure.)
_NOT_A_BOUND_AFTER_A_CHAR = re.compile("内(?=[部容存置核涵外网地需陆务阁]|蒙)")
_SPREAD_OVER = re.compile(r"(?<![a-z])(?:spread|spreads|paid|repaid|repayable|payable|amortized|amortised|split|divided"
                          r"|installments|instalments|stretched|runs|run|ran|lasting) $")  # fmt: skip

# v39: "up to" after a verb of motion is its particle and "to" (prices went up to 20%, did not go up to 20% above
# list, scaled up to 20% of traffic): the level a change reaches, not a limit (v38 read a bound and credited 20%)
_MOVED_UP = re.compile(
    r"(?<![a-z])(?:go|goes|going|went|gone|come|comes|coming|came|climb|climbs|climbed|move|moves|moved|shoot|shot"
    r"|jump|jumps|jumped|scale|scales|scaled|ramp|ramps|ramped|push|pushed|bump|bumped|creep|crept|step|stepped"
    r"|ratchet|ratcheted|run|ran|tick|ticked|edge|edged|inch|inched) $"
)


# v32: the signs of comparison are bounds too: < and > strict (回收期＜20个月, payback of <20 months, ROI > 20%: v31
# credited the plain figure), ≤, ≥, <= and >= inclusive (NFKC makes ＜ <). Not a sign that ends an arrow or a tag
# (20个月 -> 24个月, =>, <br>24个月), nor a > that opens the text or a sentence, where it quotes (> 20个月即可回本).
SIGN_BOUNDS = {"<": "upper", "<=": "upper", "≤": "upper", "⩽": "upper", "≦": "upper"}
SIGN_BOUNDS |= {">": "lower", ">=": "lower", "≥": "lower", "⩾": "lower", "≧": "lower"}
_INCLUSIVE_SIGNS = frozenset(("<=", "≤", "⩽", "≦", ">=", "≥", "⩾", "≧"))
_SIGN_BOUND_BEFORE = re.compile("(?<![-=<>a-z0-9/\"'])(?:<=|>=|[<>≤≥⩽⩾≦≧]) ?(?:约|about |around )?$")
_QUOTE_OPENS_HERE = re.compile("(?:^|[。!?.;:] ?)$")


def _sign_before(answer_norm: str, start: int) -> tuple[str, str, int] | None:
    """The sign of comparison (its text, its direction, where it starts) right before the number at `start` (v32)."""
    m = _SIGN_BOUND_BEFORE.search(answer_norm, max(0, start - 10), start)
    if m is None:
        return None
    sign = m.group()[:2] if m.group()[:2] in SIGN_BOUNDS else m.group()[0]
    if sign == ">" and _QUOTE_OPENS_HERE.search(answer_norm, max(0, m.start() - 2), m.start()):
        return None
    return sign, SIGN_BOUNDS[sign], m.start()


# v77: a bound of comparison before a figure that names what the figure is (高于行业平均的20%, 低于目标值20%,
# 超出预期的20%, 不超过总预算的20%; above the 20% industry average, exceeds the industry's 20%, longer than the usual
# 20 months, beat the 20% target): v76 read a bound only with a filler of its own list right before the figure, and
# credited the figure the answer's value was compared with. Not the one-character bounds (超大型企业的20%), nor
# 最高 / 最低 (最高的20%: the top 20%), nor "over" (over the next 20 months: a period).
_COMPARING_BOUNDS_ZH = ("不低于", "不高于", "不少于", "不多于", "不超过", "不大于", "不小于", "高于", "低于", "大于",
                        "小于", "多于", "少于", "超过", "超出", "长于", "短于")  # fmt: skip
_COMPARING_BOUNDS_EN = ("more than", "less than", "fewer than", "longer than", "shorter than", "higher than",
                        "lower than", "greater than", "above", "below", "exceeds", "exceeded", "exceeding", "exceed",
                        "beyond", "surpasses", "surpassed", "surpass")  # fmt: skip
# the verbs of beating a figure, read only before a named one (beat the 20% target; not "beat 20 rivals")
_BEATING = {"beat": "lower", "beats": "lower", "beating": "lower", "outperforms": "lower", "outperformed": "lower",
            "outperforming": "lower", "outperform": "lower", "trails": "upper", "trailed": "upper",
            "trailing": "upper"}  # fmt: skip
_NAMED_FIGURE_BOUND = re.compile(
    "(?:(?P<zh>" + "|".join(sorted(_COMPARING_BOUNDS_ZH, key=len, reverse=True)) + ")(?:了)?"
    "(?:[\u4e00-\u9fff]{1,8}?的|目标值?|预期值?|基准值?|行业平均水平|行业平均|平均水平|行业均值|均值|原计划|计划|原定|预计)"
    "|(?<![a-z])(?P<en>" + "|".join(sorted([*_COMPARING_BOUNDS_EN, *_BEATING], key=len, reverse=True)) + ")"
    # v108: and a time's or a party's own (above last year's 20%, below Acme's 20%)
    " (?:the|its|their|our|this|that|a|an|last|[a-z]+['’]s)(?: [a-z'’]+){0,2}) ?$"
)


def _named_figure_bound(answer_norm: str, start: int) -> tuple[str, str, int] | None:
    """A bound of comparison before a figure that names what the figure is (v77), as `_bound_before` gives one."""
    m = _NAMED_FIGURE_BOUND.search(answer_norm, max(0, start - 40), start)
    if m is None:
        return None
    word = m.group("zh") or m.group("en")
    return word, _BEATING.get(word) or _BOUNDS_BEFORE[word], m.start()


def bound_starts_before(answer_norm: str, start: int) -> int | None:
    """Where the bound right before the number at `start` starts (至少, 不超过, at most; a filler after it), or None."""
    m = _BOUND_BEFORE.search(answer_norm, max(0, start - 24), start)
    return m.start() if m is not None else None


def _bound_before(answer_norm: str, start: int) -> tuple[str, str, int] | None:
    """The bound (its word, its direction, where it starts) right before the number at `start`, if any."""
    at = bound_starts_before(answer_norm, start)
    if at is None:
        return _sign_before(answer_norm, start) or _named_figure_bound(answer_norm, start)
    word = next(b for b in sorted(_BOUNDS_BEFORE, key=len, reverse=True) if answer_norm.startswith(b, at))
    if word == "over" and _SPREAD_OVER.search(answer_norm, max(0, at - 20), at):
        return None
    if word == "up to" and _MOVED_UP.search(answer_norm, max(0, at - 20), at):
        return None  # v39: went up to 20% - the level a rise reaches, so "did not go up to 20%" is its negation
    return word, _BOUNDS_BEFORE[word], at


_A_SUM_AFTER = re.compile(r" ?(?:[0-9¥$]|\.[0-9])")


def _bound_after(answer_norm: str, end: int) -> tuple[str, str, int] | None:
    """The bound (its word, its direction, where it ends) right after the form that ends at `end`, if any."""
    m = _BOUND_AFTER.match(answer_norm, end)
    if m is None or _NOT_A_BOUND_AFTER_A_CHAR.match(answer_norm, m.end() - 1):
        return None
    word = m.group().strip(" ")
    if word == "+" and _A_SUM_AFTER.match(answer_norm, m.end()):
        return None  # v84: 20%+5% is a sum, no bound
    return word, _BOUNDS_AFTER[word], m.end()


@lru_cache(maxsize=4096)
def bounded_form(pattern: Pattern) -> tuple[Pattern, str | None]:
    """A number form that carries a bound as its whole first or last piece (不低于200元, 30天以内, at least 3 days) as
    the plain figure and the bound's direction; any other form as it is, with None."""
    if not isinstance(pattern, NumberPattern) or len(pattern.slots) != 1:
        return pattern, None
    first, last = pattern.pieces[0], pattern.pieces[-1]
    if first in _BOUNDS_BEFORE:
        return replace(pattern, pieces=("", last)), _BOUNDS_BEFORE[first]
    labelled = _A_SUBJECT_THEN_A_BOUND.fullmatch(first) if type(pattern) is NumberPattern else None
    if labelled is not None:  # v111: 回收期不超过24个月, ROI不低于20%, "the payback is at most 24 months"
        subject = named_subject(labelled.group("subject"))
        if any(char.isalpha() for char in subject) and not subject.endswith(("不", "没", "未", "not", "no")):
            bounded = BoundedNumberPattern(pattern.text, (subject, last), pattern.slots, pattern.forms)
            return bounded, _BOUNDS_BEFORE[labelled.group("bound")]
    for bound in sorted(_BOUNDS_AFTER, key=len, reverse=True):
        unit = last.removesuffix(bound).rstrip(" ")
        if last.endswith(bound) and unit != last and not first:
            return replace(pattern, pieces=("", unit)), _BOUNDS_AFTER[bound]
    return pattern, None


def literal_bound(pattern: Pattern) -> bool:
    """A text form that starts or ends with a bound (超过十二分钟): matched as written, never read for a bound."""
    if not isinstance(pattern, TextPattern):
        return False
    return pattern.text.startswith(tuple(_BOUNDS_BEFORE)) or pattern.text.endswith(tuple(_BOUNDS_AFTER))


@dataclass(frozen=True)
class Bound:
    """A bound the answer puts on a figure: its direction ("lower" or "upper"), whether it is inclusive (至少, 以内) or
    strict (超过, 少于), and the span of the figure with it."""

    direction: str
    inclusive: bool
    start: int
    end: int
    hedged: bool = False  # v39: the other bound of a doubted one (unlikely to exceed 20%): a limit, not the figure


def _other(direction: str) -> str:
    """The other direction of a bound: what a negated strict bound (不比20个月长, "does not take more than") or a
    doubted one (v39) leaves of it."""
    return "upper" if direction == "lower" else "lower"


# v77: the figure a comparison with 比 / 较 measures against (回收期比20个月长4个月, 比原计划的20个月长,
# 较20个月延长了4个月, ROI比行业平均的20%高): the answer's value lies beyond it, as after 超过 or 少于 - a strict
# bound, its direction the comparative's. Only with the comparative right after the figure (ROI比去年高5个百分点，
# 达到20% and 比起SaaS，…ROI为20% keep their figure), nothing of a change in the words between (比去年提高20%多: the
# change's size), and not 比 in another word (占比, 同比, 环比, 对比, 比例, 比率, 比重, 比较, 比如).
_COMPARED_WITH = re.compile(
    "(?<![占同环对评排类无])(?:比起|比|较之|较|相比于|相比|相较于|相较)(?![例率重较值分如方赛特])"
    "(?P<filler>[\u4e00-\u9fff]{0,8}?) ?$"
)
_A_CHANGE_IN_THE_FILLER = re.compile("[高低多少长短大小快慢升降增减提延缩超]")
_COMPARATIVE_AFTER = re.compile(
    # v89: 有所延长; v108: two of them (比20个月还要多6个月)
    " ?(?:的水平)? ?(?:还|更|要|略|稍微?|明显|大幅|显著|整整|足足|有所|均有|都有|略有){0,2}"
    "(?:(?P<lower>延长|提高|提升|增加|增长|上升|多出|高出|超出|长|高|多|大|晚|贵|慢)"
    "|(?P<upper>缩短|降低|下降|减少|缩减|短|低|少|小|早|便宜|快))"
)


# ... and the figure a comparison names as its other side, with no comparative said (相比20%的行业平均，ROI为25%;
# 与20个月相比; compared with 20 months last year, relative to the 20% average): another value of no direction, which no
# bounded point takes either (direction "compared")
_COMPARED_TO_BEFORE = re.compile(
    "(?:相比于?|相较于?|较之|对比于?|(?<![a-z])(?:compared (?:with|to)|relative to|in comparison (?:with|to)"
    "|vs\\.?|versus|as against)"  # v89: 24 months vs. 20 months last year
    "(?: (?:the|its|their|our|a|an)(?: [a-z'’]+){0,2})?) ?$"
)
_NAMED_AFTER = re.compile("(?:的[\u4e00-\u9fff]{1,8}|(?: [a-z'’]+){1,4})? ?(?:[,;.:!?。，；：！？)（(\n]|$| [-*•+] )")
_COMPARED_TO_AROUND = (re.compile("(?:(?<![参给赋授])与|(?<![总温平柔缓调附])和|(?<![共相不合如连等协认赞])同|跟) ?$"),
                       re.compile("(?:的[\u4e00-\u9fff]{1,8})? ?(?:相比|相较|比较)"))  # fmt: skip


def _compared_to(answer_norm: str, start: int, end: int) -> Bound | None:
    """The other side of a comparison with no comparative, at start:end (v77), if any."""
    before = _COMPARED_TO_BEFORE.search(answer_norm, max(0, start - 40), start)
    if before is not None:
        after = _NAMED_AFTER.match(answer_norm, end)
        return None if after is None else Bound("compared", False, before.start(), end)
    with_ = _COMPARED_TO_AROUND[0].search(answer_norm, max(0, start - 4), start)
    compared = _COMPARED_TO_AROUND[1].match(answer_norm, end) if with_ is not None else None
    return None if with_ is None or compared is None else Bound("compared", False, with_.start(), compared.end())


def _compared_with(answer_norm: str, start: int, end: int) -> Bound | None:
    """The strict bound a comparison with 比 / 较 puts on the figure at start:end, the figure it is measured against
    (v77), if any."""
    m = _COMPARED_WITH.search(answer_norm, max(0, start - 14), start)
    if m is None or _A_CHANGE_IN_THE_FILLER.search(m.group("filler")):
        return _compared_to(answer_norm, start, end)
    comparative = _COMPARATIVE_AFTER.match(answer_norm, end)
    if comparative is None:
        return _compared_to(answer_norm, start, end)
    direction = "lower" if comparative.group("lower") else "upper"
    negation = negation_before(answer_norm, m.start())
    if negation is not None:  # 回收期不比20个月长: at most 20 months, as "does not take more than" (v23)
        return Bound(_other(direction), True, m.start() - len(negation), comparative.end())
    return Bound(direction, False, m.start(), comparative.end())


def answer_bound(answer_norm: str, start: int, end: int) -> Bound | None:
    """The bound the answer puts on the figure at start:end, if any (v17)."""
    before = _bound_before(answer_norm, start)
    if before is None:
        compared = _compared_with(answer_norm, start, end)
        if compared is not None:
            return compared
    if before is not None and before[0] not in INCLUSIVE_BOUNDS and before[0] not in SIGN_BOUNDS:
        negation = negation_before(answer_norm, before[2])
        if negation is not None:  # v23: does not take more than 20 months - at most 20 months
            return Bound(_other(before[1]), True, before[2] - len(negation), end)
    if before is not None:
        inclusive = before[0] in INCLUSIVE_BOUNDS or before[0] in _INCLUSIVE_SIGNS
        return _doubted_bound(answer_norm, before[2], before[1], inclusive, end) or Bound(
            before[1], inclusive, before[2], end
        )
    after = _bound_after(answer_norm, end)
    if after is None:
        return _date_bound(answer_norm, start, end)
    inclusive = after[0] in INCLUSIVE_BOUNDS
    doubted_bound = _doubted_bound(answer_norm, start, after[1], inclusive, after[2])
    return doubted_bound or Bound(after[1], inclusive, start, after[2])


# v77: a date with a word of time after or before it (2025年6月后上线, 2020年之后, 早于2020年, 晚于2025年6月): a time
# after or before the date, not the date - as 超过 or 少于 are for a quantity (v17). A deadline (2020年前完成建设,
# 2025年6月之前上线, 不晚于, 最迟; 不早于, 最早) states the date as a limit (v22), an inclusive bound. Only a date (a
# year of four digits, a month, a day), not a length (20个月后收回投资 is counted forward: v22), nor 前后 (about),
# 前期, 后续, 前三季度, 后半年.
# v78: in every spelling of a date (`dates.py`): an ISO date (2024-03以后), an English month or quarter (after June
# 2025, later than Q3 2025, June 2025 or later) and the English words of time - after, later than, following,
# earlier than as 之后, 晚于, 早于; a deadline (before, prior to, by, until, no later than, at the latest) and a
# start (no earlier than, not before, or later, onwards, at the earliest) as limits, inclusive. v77 read a date only
# in Chinese words, so "launch after June 2025" credited 2025年6月 once v78 read June 2025 as that date.
_A_DATE_AT_THE_END = re.compile(
    "(?:[0-9]{4} ?年|(?<![个/每])月|[0-9] ?[日号]|[0-9]{4} ?年 ?(?:第 ?)?[1-4一二三四] ?季度|[0-9]{4} ?年 ?q[1-4]"
    "|(?<![0-9])[0-9]{4}[-/][0-9]{1,2}(?:[-/][0-9]{1,2})?"
    "|(?<![0-9.])[0-9]{4}\\.[0-9]{1,2}(?:\\.[0-9]{1,2})?"  # v82: 2025.6以后
    f"|(?<![a-z]){MONTH_EN}(?:,| of| [0-9]{{1,2}}(?:st|nd|rd|th)?,?)? ?[0-9]{{4}}"
    f"|(?<![0-9])[0-9]{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH_EN},? [0-9]{{4}}"
    "|(?<![a-z0-9])(?:q[1-4](?: of|[-/'])? ?[0-9]{4}|[0-9]{4} ?q[1-4]|[1-4]q ?[0-9]{4}|quarter(?: of)?,? [0-9]{4}))$"
)
_DATE_BOUND_AFTER = re.compile(
    " ?(?:(?P<upper>之前|以前|前(?![后期景端台提沿者线夕半一二两三四五六七八九十几0-9]))"
    "|(?P<lower>之后|以后|后(?![续期台端者来半一二两三四五六七八九十几0-9])))"
    "|,? (?:(?P<upper_or_on_en>or (?:earlier|before|sooner)|at the latest)"
    "|(?P<lower_or_on_en>or (?:later|after)|onwards?|and (?:later|beyond)|at the earliest))(?![a-z])"
)
_DATE_BOUND_BEFORE = re.compile(
    "(?:(?P<upper>早于|先于)|(?P<lower>晚于|迟于)|(?P<upper_or_on>不晚于|不迟于|最迟|最晚)|(?P<lower_or_on>不早于|最早))"
    " ?(?:于|在|到)? ?$"
    "|(?<![a-z])(?:(?P<upper_en>earlier than|sooner than)|(?P<lower_en>after|later than|following|subsequent to)"
    "|(?P<upper_or_on_en>before|prior to|by|until|till|no later than|not later than)"
    "|(?P<lower_or_on_en>no earlier than|not earlier than|not before|no sooner than))"
    " (?:the (?:(?:start|beginning) of )?)?$"
)


def _date_bound(answer_norm: str, start: int, end: int) -> Bound | None:
    """The time before or after a date that a word of time puts at start:end (v77), if any."""
    date = _A_DATE_AT_THE_END.search(answer_norm, max(0, start - 30), end)
    if date is None:
        return None
    start = min(start, date.start())  # v78: the whole date where its figure is its year (after June 2025)
    before = _DATE_BOUND_BEFORE.search(answer_norm, max(0, start - 40), start)
    if before is not None:
        said = {name for name, text in before.groupdict().items() if text is not None}
        direction = "upper" if said & {"upper", "upper_or_on", "upper_en", "upper_or_on_en"} else "lower"
        inclusive = bool(said & {"upper_or_on", "lower_or_on", "upper_or_on_en", "lower_or_on_en"})
        return Bound(direction, inclusive, before.start(), end)
    after = _DATE_BOUND_AFTER.match(answer_norm, end_of_the_date(answer_norm, end))  # v78: 2024年3月以后 for 2024年
    if after is None:
        return None
    said = {name for name, text in after.groupdict().items() if text is not None}
    # a deadline (2020年前完成, June 2025 at the latest) or a start (June 2025 or later): inclusive, as v22 credits it
    upper = bool(said & {"upper", "upper_or_on_en"})
    if "upper" in said and _ALREADY_AFTER.match(answer_norm, after.end()):
        return Bound("upper", False, start, after.end())  # v109: 2024年以前就上线了 - a time before it, no deadline
    return Bound("upper" if upper else "lower", bool(said - {"lower"}), start, after.end())


# v109: a time before a date said done (2024年以前就上线了, 2024年之前已经上线, 2024年前早已完成) - before the date, not
# by it: 就要, 就得, 就能 are a deadline's (2024年前就要上线)
_ALREADY_AFTER = re.compile(" ?(?:早就|早已|已经|已|就|便)(?!要|得|会|能|可以|需|应|必须)")


def _doubted_bound(answer_norm: str, start: int, direction: str, inclusive: bool, end: int) -> Bound | None:
    """The other bound where a negated belief or a doubt governs the bound starting at `start` (v39: "unlikely to
    exceed 20%", 我不认为会超过20%, "I don't think the ROI will be below 20%", 我不认为ROI会在20%以上): a strict
    bound doubted is the other inclusive one (at most 20%, at least 20%), an inclusive one the other strict one - a
    belief about a limit, marked hedged, so it credits a point of that limit (不超过20%) but not the plain figure,
    which it does not state (v38's doubt). v38 read the bound as said and the doubt not at all."""
    doubt = doubted(answer_norm, start)
    if doubt is None:
        return None
    return Bound(_other(direction), not inclusive, start - len(doubt), end, hedged=True)


# v115: a code compared with (比v3.2新, 高于v3.2, 晚于v3.2, newer than v3.2, after v3.2, since v3.2) or named as the
# neighbour of another release (v3.2之后的版本, v3.2的下一个版本) states another release, not the code - as 比20%高 and
# 高于20% are strict bounds of a figure (v17); "v3.2 or later", "v3.2 and later" and v3.2及以上 stay the code with its
# bound (inclusive)
_CODE_COMPARED_BEFORE = re.compile(
    r"(?:比|高于|低于|晚于|早于|新于|旧于|先于|后于|不同于|区别于"
    r"|(?<![a-z])(?:newer|older|later|earlier|higher|lower|other|more recent) than|(?<![a-z])(?:after|before|since"
    r"|beyond|prior to|above|below|unlike|superseded by|replaced by|instead of))"
    r" ?$"
)
_ANOTHER_CODE = "[a-z][a-z0-9._-]*[0-9][a-z0-9._-]*"
_CODE_COMPARED_AFTER = re.compile(
    r" ?(?:之后的|以后的|之前的|以前的|的下一|的上一|的后续|的前一|的前序|后面的|前面的"
    f"|/ ?{_ANOTHER_CODE})"  # and one of two codes with a slash (v3.2/v4.0: a guess, as 或 is)
)
_CODE_OFFERED_BEFORE = re.compile(f"(?<![a-z0-9._-]){_ANOTHER_CODE} ?/ ?$")


def a_code_compared(answer_norm: str, start: int, end: int) -> str | None:
    """The words that compare the code at start:end with another release, name it as another's neighbour or offer
    it beside another code (比v3.2新: "比", v3.2之后的版本: "之后的", v3.2/v4.0: "/v4.0"); else None."""
    before = _CODE_COMPARED_BEFORE.search(answer_norm, max(0, start - 20), start)
    before = before or _CODE_OFFERED_BEFORE.search(answer_norm, max(0, start - 24), start)
    if before is not None:
        return before.group()
    after = _CODE_COMPARED_AFTER.match(answer_norm, end)
    return after.group() if after is not None else None
