"""Other ways an answer denies or withholds a figure it writes: a refusal to commit (无法确定是否为20个月),
the amount in another currency, a figure offered among alternatives, a table row that waives it, a negation
inside a match, a clarifying question back, a question answered no.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..numbers import (
    NUMERAL_CHARS,
    Found,
    NumberPattern,
    Pattern,
    SpokenShare,
    TextPattern,
    alternatives,
    compound_duration,
    duration_alternatives,
    share_among_others,
    user_regex_search,
    words_at,
)
from .assertion import ANSWERED_YES, CONTRAST, SENTENCE_END, last_end, start_of_part
from .dates import A_DATE, date_alternatives, is_a_date
from .hypothesis import yes_after
from .negation import WAIVERS_AFTER_ZH, negation_before
from .normalisation import CROSS, normalise
from .tables import TableCell
from .times import NamedTime, TimeOfDay, time_alternatives

# v19: a key point the answer explicitly refuses to commit to is no answer: the speaker says it cannot tell whether it
# holds (无法确定是否为20个月, 我不确定是不是20个月, 不知道是否20个月, I cannot say whether it is 20 months, I don't
# know if it's 20 months), asks whether it holds and says that is unknown (是否为20个月尚不清楚, 回收期是否20个月，目前
# 无法确认, Whether it is 20 months is unclear), or doubts it as what something is (我不确定回收期是20个月, I am not
# sure it is 20 months) - an explicit refusal, not a hedge: 大概20个月, 应该是20个月, 可能是20个月, probably 20 months
# and I think it is 20 months state it (key points are not judged for assertion - v7, v10 - and a hedge is no refusal).
# Only in the figure's part of the clause with no contrast after the refusal (我不确定，但应该是20个月 and 不清楚具体
# 日期，回收期是20个月 state it), and not where a question word makes the figure a given (我不清楚为什么回收期是20个月,
# I don't know why it is 20 months) or the question is about another thing (不清楚20个月的回收期是否包含建设期).
# v30: and a disbelief: "I don't think it is 20 months" says it is not (我不认为回收期是20个月, I do not believe
# payback is 20 months, it is doubtful that it is 20 months - v29 credited them), as 我不确定回收期是20个月 does since
# v19; "I think it is 20 months" stays a hedge that states it, and "no doubt that" no disbelief.
_DISBELIEF = (
    "(?:并|也|从)?不(?:认为|觉得|相信)"
    "|(?<![a-z])(?:(?:don't|don’t|do not|didn't|didn’t|did not) (?:think|believe)|(?<!no )(?<!without )doubtful that"
    "|i doubt(?: that)?)(?![a-z])"
)
_CANNOT_TELL = re.compile(
    "(?:无法|不能|难以|没法|没办法|无从|不敢)(?:确定|确认|判断|断定|肯定|核实|证实|得知|知道|说|回答|查证|保证)"
    "|不(?:太|很)?(?:确定(?!性|因素)|清楚|知道|了解|敢肯定|敢确定|敢说|好说|能肯定|能确定)|说不(?:准|清|好)|拿不准|吃不准"
    f"|{_DISBELIEF}"
    "|(?<![a-z])(?:(?:cannot|can't|can’t|could not|couldn't|couldn’t|(?:am |are |is )?(?:unable|not able) to)"
    " (?:say|tell|confirm|determine|verify|know|be sure|be certain|state)"
    "|(?:don't|don’t|do not|doesn't|doesn’t|does not|didn't|didn’t|did not) know|unsure|uncertain"
    "|not (?:sure|certain)|no idea|no way to (?:know|tell))(?![a-z])"
)
_ASKS_WHETHER = re.compile("是否|是不是|有没有|能否|可否|(?<![a-z])(?:whether|if)(?![a-z])")
# a doubt about what something is: the figure after a copula in the doubted clause (我不确定回收期是20个月)
_DOUBTS = re.compile(
    "不(?:太|很)?确定|不敢(?:肯定|确定)|(?:无法|不能)(?:确定|确认|肯定)"
    "|(?<![a-z])(?:not (?:sure|certain)|unsure|(?:cannot|can't|can’t|unable to) (?:confirm|say|be sure))"
    f"(?![a-z])|{_DISBELIEF}"
)
_COPULA_JUST_BEFORE = re.compile(
    "(?:是|为)(?:约|大约|大概)? ?$|(?<![a-z])(?:is|was|are|were|be|it's|it’s|that's|that’s)(?: about| around)? $"
)
_UNKNOWN_AFTER = re.compile(
    "[^。!?\n]{0,24}?"
    "(?:(?:尚|还|仍|目前|暂时|暂|我|我们|并|都|也|则|仍然|依然| |,)*"
    "(?:不(?:太|很)?(?:清楚|确定|知道|明确|得而知)|未知|待定"
    "|(?:无法|难以|不能|没法)(?:确定|确认|判断|核实|证实|得知|断定)|(?:有待|尚待|待)(?:确认|核实|证实|确定)|说不准|不好说"
    # v67: and still to be checked (是否支持私有化部署需要确认, 还需进一步核实)
    "|(?:需要|需|仍需|还需|尚需)(?:进一步|再|另行)?(?:确认|核实|证实|确定|评估))"
    "|(?<![a-z])(?:(?:is|remains|was) (?:still |currently |as yet )?(?:unclear|unknown|uncertain|undetermined"
    "|not (?:known|clear|certain|confirmed)|unconfirmed|to be (?:confirmed|determined))"
    # v67: and still to be checked (Whether on-premise deployment is supported needs to be confirmed)
    "|(?:needs?|has|have|remains?) (?:yet )?to be (?:confirmed|determined|verified|checked|assessed|evaluated)"
    "|i (?:don't|don’t|do not) know|i'm not sure|i am not sure|i (?:cannot|can't|can’t) (?:say|tell))(?![a-z]))"
)


def refusal_of(answer_lines: str, start: int, end: int, figure: bool) -> str | None:
    """The words that refuse to commit to the key point at start:end (v19: 无法确定是否, I cannot say whether;
    是否…尚不清楚, whether … is unclear; for a figure, 我不确定…是, I am not sure it is) in its part of the clause, with
    no contrast and no question word between; else None."""
    part_start = start_of_part(answer_lines, start)
    for cannot in _CANNOT_TELL.finditer(answer_lines, part_start, start):
        between = (cannot.end(), start)
        if CONTRAST.search(answer_lines, *between) or _QUESTION_WORDS.search(answer_lines, *between):
            continue
        asks = _ASKS_WHETHER.search(answer_lines, *between)
        if asks is not None and not _QUESTION_WORDS.search(answer_lines, asks.end(), start):
            return answer_lines[cannot.start() : start]
        doubt = _DOUBTS.fullmatch(cannot.group())
        if figure and doubt is not None and _COPULA_JUST_BEFORE.search(answer_lines, cannot.end(), start):
            return answer_lines[cannot.start() : start]
    asks = max(_ASKS_WHETHER.finditer(answer_lines, part_start, start), key=lambda m: m.start(), default=None)
    if asks is None or CONTRAST.search(answer_lines, asks.end(), start):
        return None
    if _QUESTION_WORDS.search(answer_lines, asks.end(), start) or answer_lines[asks.start() : asks.end()] == "if":
        return None  # "if it is 20 months, ..." is a condition (only 是否 and whether ask here)
    unknown = _UNKNOWN_AFTER.match(answer_lines, end)
    return None if unknown is None else answer_lines[asks.start() : unknown.end()]


# v15: a point in 元 (one of its forms is: 200万元) is an amount in renminbi, and so are its forms without a currency
# (200万, 两百万): an answer that names another currency after the figure (200万美元, 二百万港币, 200万（美元）,
# 200万 USD) or before it (US$200万, HK$200万, $200万, 美元200万) states another amount, as v9 read 1200万元港币.
_YUAN_FORM = re.compile("[0-9" + "".join(sorted(NUMERAL_CHARS - frozenset("0123456789"))) + "] ?元$")
# v97: an amount in English words too (1.2 million, 1,200,000), and its currency in words (dollars, euros)
_SCALE_AT_THE_END = re.compile("(?:[0-9十百千万亿]|(?<![a-z])(?:million|billion|thousand|mn|bn|[kmb]))$")
# the currencies other than 元 as Chinese writes them after an amount (also the unit family "foreign money", v98)
FOREIGN_CURRENCY_WORDS = (
    "港币", "港元", "新台币", "台币", "澳门币", "美金", "美元", "日元", "欧元", "英镑", "韩元", "澳元", "加元", "卢布",
)  # fmt: skip
_FOREIGN_CURRENCY = (
    "|".join(FOREIGN_CURRENCY_WORDS) + "|(?<![a-z])(?:hkd|usd|jpy|eur|gbp|twd|mop|krw|aud|cad|sgd)(?![a-z])"
)
_FOREIGN_CURRENCY_IN_WORDS = (
    "(?<![a-z])(?:(?:us|u\\.s\\.|hk|hong kong|singapore|australian|canadian|new taiwan|nt) )?dollars?(?![a-z])"
    "|(?<![a-z])(?:euros?|yen|pounds? sterling|british pounds?|won)(?![a-z])"
)
_FOREIGN_CURRENCY_AFTER = re.compile(rf" ?(?:\( ?)?(?:{_FOREIGN_CURRENCY}|{_FOREIGN_CURRENCY_IN_WORDS})")
_FOREIGN_CURRENCY_BEFORE = re.compile(rf"(?:[a-z]{{0,3}}\$|€|£|jp¥|{_FOREIGN_CURRENCY}) ?$")


def in_yuan(variants: Sequence[str]) -> bool:
    return any(_YUAN_FORM.search(normalise(v)) for v in variants)


# v97: and a point written with no unit at all (120万) is in 元 where the case's question gives its amounts in 元 and
# in no other currency (一次性投入150万元，每年运维费30万元 - the answer's 120万美元 is seven times another amount);
# a question that names dollars (预算100万美元) or none at all leaves the point in any currency, as before
# (not a 元 of another word after a numeral: 二元分类, 一元化, 三元组, 一元二次方程)
_AN_AMOUNT_IN_YUAN = re.compile(
    _YUAN_FORM.pattern.removesuffix("$")
    + "(?!分类|化|素|数据|宇宙|论|组|件|次|函数|年|旦|首|老|帅|气|音|运算|关系|结构)"
    + "|(?:¥|人民币|(?<![a-z])(?:rmb|cny)) ?[0-9]|[0-9] ?(?:万|亿|million|billion)? ?(?:rmb|cny|yuan)(?![a-z])"
)
_ANOTHER_CURRENCY_NAMED = re.compile(rf"(?:{_FOREIGN_CURRENCY})|[$€£]")


@lru_cache(maxsize=64)
def question_in_yuan(question: str) -> bool:
    """Whether the case's question gives amounts in 元 (150万元, ¥300, RMB 1.5 million) and names no other currency."""
    text = normalise(question)
    return _AN_AMOUNT_IN_YUAN.search(text) is not None and _ANOTHER_CURRENCY_NAMED.search(text) is None


def in_another_currency(answer_norm: str, start: int, end: int, text: str) -> bool:
    """The amount at start:end, written without a currency (200万), is named in another currency by the answer."""
    if not _SCALE_AT_THE_END.search(text):
        return False
    before = _FOREIGN_CURRENCY_BEFORE.search(answer_norm, max(0, start - 6), start)
    return before is not None or _FOREIGN_CURRENCY_AFTER.match(answer_norm, end) is not None


# v15: a bare 免 right before a charge waives it (首年免服务费, 免违约金) - not the 免 of a word (避免, 以免, 难免,
# 未免; 减免 and 豁免 are waivers of their own), nor one a negation or a modal turns (不免, 可免)
_BARE_MIAN = re.compile("(?<![避以难未豁减赦任罢不可能])免 ?$")


def waived_by_a_bare_mian(answer_norm: str, start: int) -> str | None:
    m = _BARE_MIAN.search(answer_norm, max(0, start - 3), start)
    return None if m is None else m.group()


def offered_among_others(pattern: Pattern, answer_norm: str, found: Found) -> str | None:
    """The alternatives (20个月或24个月) that a single-number point's match is offered among (v15: `alternatives`),
    as the answer writes them; else None."""
    if isinstance(pattern, SpokenShare):  # v36: 三分之一或四分之一, one third or one quarter
        return share_among_others(answer_norm, found.start, found.end)
    if isinstance(pattern, TextPattern):  # v24: a year and a half or two years (a duration twin in words)
        lengths = duration_alternatives(answer_norm, found.start, found.end)
        if lengths is None:  # v25: 半年到一年, half a year to a year - a range, which no number pattern saw
            lengths = duration_alternatives(answer_norm, found.start, found.end, ranges=True)
        return answer_norm[lengths[0] : lengths[1]] if lengths is not None and not lengths[2] else None
    if isinstance(pattern, (TimeOfDay, NamedTime)):  # v105: 中午12点或下午1点, noon or 1 pm
        times = time_alternatives(answer_norm, found.start, found.end)
        if times is not None:
            return times
    # v78: 2025年6月或2025年7月; v82: and a date's twin with dashes or slashes (2025/6 or 2026/6)
    if isinstance(pattern, NumberPattern) and (is_a_date(pattern.text) or A_DATE.fullmatch(pattern.text)):
        dates = date_alternatives(pattern, answer_norm, found.start, found.end)
        if dates is not None:
            return dates
    if not isinstance(pattern, NumberPattern) or not (len(pattern.slots) == 1 or compound_duration(pattern)):
        return None
    span = alternatives(answer_norm, found.start, found.end, pattern.forms.tolerance, len(pattern.slots))
    lengths = duration_alternatives(answer_norm, found.start, found.end) if pattern.forms.tolerance is None else None
    if lengths is not None and not lengths[2]:
        return answer_norm[lengths[0] : lengths[1]]  # v22: 1年半或30个月, 18个月或者2年 - two lengths of time
    if lengths is not None and (span is None or lengths[0] <= span[0] and span[1] <= lengths[1]):
        return None  # v22: 1年8个月或20个月 - one length twice, not 8个月 or 20个月
    return None if span is None else answer_norm[span[0] : span[1]]


# v12: a table cell that denies (| 私有化部署 | 无 |) denies its row's label in a column that says whether it is had -
# not a value of the row (| 回本周期 | 20个月 | 无 |: a remark), nor under a header that asks something else
# (| 方案 | 数据出境 |, | 指标 | 数值 | 备注 |: 私有化部署 | 无 says no data leaves).
# v72 review: and a column that describes the row's own subject (| 功能 | 说明 |: 私有化部署 | 不支持 was credited as a
# key point - the claim path did not charge it); not 备注, a remark on the row (above)
_AVAILABILITY_HEADER = re.compile(
    "是否|支持|提供|可用|可选|状态|情况|有无|开放|说明|描述|详情|结论|答复"
    "|(?<![a-z])(?:availab|support|offer|status|includ|provid|details?(?![a-z])|descriptions?(?![a-z])|conclusion|verdict)"
)
# v14: and a waiving cell (| 首年服务费 | 免收 |) in a column of charges (| 项目 | 费用 |, | Item | Fee |)
_WAIVING_CELL = re.compile(f"{WAIVERS_AFTER_ZH}|免费|不收")
_CHARGE_HEADER = re.compile("费|价|收取|(?<![a-z])(?:fee|cost|price|charge)")


def denied_by_its_row(
    answer_lines: str | None, start: int, end: int, denial: str, cells: Sequence[TableCell]
) -> str | None:
    """`denial` (| 无) when the cell it stands in denies the point at start:end, the label of its row (v12); else
    None."""
    if answer_lines is None:
        return denial
    line_start = answer_lines.rfind("\n", 0, start) + 1
    if "|" in answer_lines[line_start:start].lstrip(" ").removeprefix("|"):
        return None  # the point is a value of the row, not its label
    cell_start = answer_lines.find("|", end) + 1
    if cell_start == 0:
        return denial
    while cell_start < len(answer_lines) and answer_lines[cell_start] == " ":
        cell_start += 1
    headers = [c.header for c in cells if c.start == cell_start]
    if headers and normalise(headers[0]) != normalise(answer_lines[line_start:end].strip(" |")):
        waived = _WAIVING_CELL.search(denial) is not None and _CHARGE_HEADER.search(headers[0]) is not None
        return denial if waived or _AVAILABILITY_HEADER.search(headers[0]) else None  # its column's header
    return denial


# v14: a prohibition or negation right before the point whose object is an offence against it (禁止GDPR违规行为,
# 严禁客户数据泄露, prohibits GDPR violations, no GDPR breaches) negates the offence, not the point - as 禁止违反GDPR
# and "prohibits breaches of GDPR" never did. Not a figure, which the negation bounds (不超过5%违约率), nor a penalty
# (免除逾期违约金 waives it), nor the point itself prohibited (禁止使用GDPR, prohibits using personal email).
OFFENCE_AFTER = re.compile(
    " ?(?:违规|违法|违反|违约(?!金)|违背|泄露|泄漏|外泄|滥用|侵权|欺诈|舞弊|造假|篡改)"
    "|(?<=[a-z0-9]) (?:violations?|breach(?:es)?|non-?compliance|infringements?|abuse|misuse|fraud|leaks?|leakage"
    "|evasion|circumvention)(?![a-z])"
)
_FIRST_DIGIT = re.compile(r"[0-9]")
# v10: a negation inside a regex's match, where the regex lets text stand between its parts (v5.0并未于2024年发布, v5.0
# 没有在2024年发布, v5.0 was never released in 2024): a word that negates (as jieba cuts the match: not 未来, 不久) that
# the regex does not ask for - it matches without it too - and that no bracket holds (v5.0（并非测试版）于...).
NEGATION_WORDS_ZH = frozenset(
    {"不", "未", "没", "没有", "非", "无", "不是", "不会", "不能", "无法", "未能", "没能", "未曾", "不曾", "尚未"}
    | {"并未", "并没有", "并没", "并不", "并不是", "并非", "从未", "从没", "从没有", "从不", "从来不", "从来没有"}
    | {"从来没", "绝非", "绝不", "决不", "绝没有"}
)
_NEGATION_CHARS_ZH = frozenset("不未没非无")
_PREPOSITIONS = frozenset("于在被曾将把对从向给")
_NEGATION_EN_WORD = re.compile(
    r"(?<![a-z])(?:never|not(?! (?:only|just|merely|surprisingly|unexpectedly|least)(?![a-z]))|no longer)(?![a-z]) ?"
    r"|(?<=[a-z])n't(?![a-z])"
)


def negated_within(answer_norm: str, found: Found, regex: str) -> bool:
    """A negation stands inside the regex's match that the regex itself does not ask for (v10)."""
    snippet = answer_norm[found.start : found.end]
    spans = [(m.start(), m.end()) for m in _NEGATION_EN_WORD.finditer(snippet)] if "n" in snippet else []
    if _NEGATION_CHARS_ZH.intersection(snippet):
        for at, word in words_at(snippet).items():
            if word in NEGATION_WORDS_ZH:
                spans.append((at, at + len(word)))
            elif len(word) == 2 and word[0] in "不未没" and word[1] in _PREPOSITIONS:
                spans.append((at, at + 1))  # jieba's 未于, 没在: the negation and the preposition after it
    for a, b in spans:
        if a == 0 or snippet.rfind("(", 0, a) > snippet.rfind(")", 0, a):
            continue  # the point's own negation (before it: `negation_before`), or one in an aside
        if not user_regex_search(regex, snippet[:a] + snippet[b:]):
            continue
        # v12: the negation must stand right before (an adverb, then) a part the regex asks for - 并未|于2024年,
        # never |released - not before text its gap lets through, which it negates instead: 支持无服务器部署 and
        # 支持不停机部署 for 支持.*部署, 回本周期在不考虑通胀的情况下为20个月, approved, not without debate, in 2024
        adverbs = _ADVERBS_AFTER_A_NEGATION.match(snippet, b)
        c = adverbs.end() if adverbs else b
        if c >= len(snippet) or user_regex_search(regex, snippet[:a] + snippet[b:c] + snippet[c + 1 :]):
            continue
        return True
    return False


# v12: adverbs a negation inside a regex's match reaches over to the part of the regex it negates (并未正式于2024年发布)
_ADVERBS_AFTER_A_NEGATION = re.compile(
    "(?:正式|真正|实际|确实|曾经|曾|如期|按时|按期|公开|对外|再|已经|已|有|"
    "(?:officially|actually|really|ever|yet|formally|publicly|been|be|being|already) )*"
)


# v10: a clarifying question back to the user asserts nothing (您是指20万元吗？, Do you mean 20 months?): the
# sentence ends with a question mark and asks, before the point, what the user means or to confirm it - unless the
# answer says yes to it (吗？是的). A question to nobody (为什么是20万元？因为...) or about another thing
# (预算为20万元。您还有其他问题吗？) still states its point, and so does a code block.
_CLARIFYING = re.compile(
    "(?:您|你)们?(?:是(?:不是|否)?(?:指|说|问|想)|指的|说的|问的|所说的|所指的|的意思|想问|要问|想了解|想知道"
    "|提到的|是否|是不是)|请(?:您|你)?确认|确认一下|是指"
    # v67: and an offer to check or a question of what the user wants (需要我帮您确认是否支持私有化部署吗？,
    # 您需要私有化部署吗？, Would you like on-premise deployment?, Shall I check whether ...?)
    "|需要我(?:帮|为|替)?(?:您|你)?(?:确认|核实|查询|查一下|核对)|(?:您|你)们?(?:需要|想要|希望|考虑)"
    "|(?<![a-z])(?:(?:do|did) you mean|you mean|are you (?:referring|asking|talking)|(?:could|can) you confirm"
    "|please confirm|(?:would|do) you (?:like|want|need|prefer)|(?:shall|should) i (?:check|confirm|verify)"
    "|would you like me to (?:check|confirm|verify))(?![a-z])"
)


# v32: the user's question, which the answer reports before it answers (您问回收期是否为20个月, 您问的是…是否,
# You asked whether payback is 20 months. It is 24 months., You are asking if ...), asks and states nothing in its part
# of the clause, whatever ends it - as a copy of the question is no answer (the echo guard) - unless the answer says
# yes to it right after the part (您问回收期是否为20个月，是的). Only a report of a yes/no question:
# 您问的回收期为20个月 and "As you asked, the payback is 20 months" state it.
_REPORTED_QUESTION = re.compile(
    "(?:您|你)们?(?:刚才|之前)?(?:问|询问|想知道|想了解|想确认)(?!题)(?:的是|的)?[^。!?\n]{0,40}?(?:是否|是不是|有没有|会不会|能否)"
    "|(?<![a-z])you(?:'re| are| were)? (?:asked|asking|ask|wanted to know|want to know|wondered|are wondering)"
    "(?: me| us)? (?:whether|if)(?![a-z])"
)

_PART_END = re.compile(r"[。!?;\n,:—]|\.(?=\s|$)")  # the report is its part: "..., and it is: 20 months" states it
_REPORT_REACH = 80  # characters before the figure: a report's words, looked for near it (linear time, v22)


def in_a_clarifying_question(answer_lines: str, start: int, end: int) -> bool:
    """The text at start:end stands in a clarifying question to the user (v10) or in the user's question that the
    answer reports (v32)."""
    if _REPORTED_QUESTION.search(answer_lines, max(start_of_part(answer_lines, start), start - _REPORT_REACH), start):
        part_end = _PART_END.search(answer_lines, end)
        return part_end is None or ANSWERED_YES.match(answer_lines, part_end.end()) is None
    after = SENTENCE_END.search(answer_lines, end)
    sentence_start = last_end(SENTENCE_END, answer_lines, start)
    if after is None or after.group() != "?":
        return False
    if not _CLARIFYING.search(answer_lines, sentence_start, start):
        return False
    return not _granted_after(answer_lines, after.end())


def _granted_after(answer_lines: str, pos: int) -> bool:
    """A yes (是的, Yes) or an offer of the point (我们支持。, "It is available today.") right after a question's
    mark at `pos`: what makes a clarifying question answered (v10, v67) and a claim asked granted (v70)."""
    return ANSWERED_YES.match(answer_lines, pos) is not None or _OFFERED_AFTER.match(answer_lines, pos) is not None


# v67 (the lead's review): a question of what the user wants answered at once by an offer of it (您需要私有化部署吗？
# 我们支持。, "Do you need on-premise deployment? We support it.", "Would you like ...? It is available today.") states
# it, as one answered yes does - not an offer of something else (我们支持SaaS, We support cloud hosting)
# v68: and after a yes or an assent (可以的，我们支持; 好的，我们可以提供; "Sure - we offer it"; "Good news: we
# support it"), with an adverb of time or degree (我们已支持, 我们目前已经支持, 这个我们支持, 我们可以为您提供) or a
# bare 支持 / 提供 (您问的是私有化部署吗？支持。) - not an offer of another thing (我们支持SaaS), a denial (不支持) or
# help to decide (我们可以帮您评估)
_ASSENT = (
    r"(?:(?:好的|可以的?|没问题|当然(?:可以)?|是的|对|有的|sure|yes|of course|absolutely|certainly|no problem"
    r"|good news|great)(?: ?[,!.:;—-])+ ?)?"
)
_OFFERED_AFTER = re.compile(
    rf"\s*{_ASSENT}(?:(?:这个|这项|这一点)?(?:我们|我方|我司|本产品|平台)(?:完全|均|都|也|当然|目前|现在|已经|已|现已){{0,3}}"
    r"(?:可以|可|能够|能)?(?:为您|为你)?(?:支持|提供|具备|做到)"
    r"(?:的|了|该服务|这项服务)?(?=[\s。!?;,、.:—(]|$)"
    r"|(?:目前|现在|已经|已|现已){0,2}(?:支持|提供)(?:的|了)?(?=[\s。!?;,、.:—(]|$))"
    rf"|\s*{_ASSENT}(?:we|our (?:product|platform))(?: (?:fully|do|can|already))? (?:support|offer|provide)s?"
    r" (?:it|this|that|one)(?![a-z])"
    rf"|\s*{_ASSENT}(?:it|this|that)(?: is|'s)(?: (?:fully|already))? (?:available|supported|offered)(?![a-z])"
    # v68: an offer if the user wants it (如果需要，我们可以提供; "If so, we can provide it") and both of an
    # alternative offered (您需要私有化部署还是SaaS？两者我们都支持; "We support both")
    r"|\s*(?:如果需要|如有需要|如需要|需要的话)[,，]?\s*(?:我们|我方|我司)(?:都|均|也)?(?:可以|可|能够|能)?(?:为您|为你)?"
    r"(?:支持|提供)(?:的)?(?=[\s。!?;,、.:—(]|$)"
    r"|\s*(?:if so|if you do|if needed|if required),? we (?:can |will |do )?(?:support|offer|provide)s?"
    r" (?:it|this|that)(?![a-z])"
    r"|\s*(?:两者|二者|两种(?:方式|方案)?)(?:我们|我方)?(?:都|均)(?:可以)?(?:支持|提供)(?:的)?(?=[\s。!?;,、.:—(]|$)"
    r"|\s*(?:we (?:support|offer|provide) both|both are (?:supported|available|offered))(?![a-z])"
)


# v11: a yes/no question that holds the point, answered no right after it, denies the point (支持私有化部署吗？不支持。,
# 是否支持私有化部署？目前不支持。, Is on-premise deployment available? No.) - as v10 took a question answered yes as
# stating it. Not a question with a question word (为什么支持私有化部署？不是为了省钱...), nor an answer that goes on
# otherwise (不过需要额外付费, Not only that: ...).
_QUESTION_WORDS = re.compile(
    "为什么|为何|怎么|怎样|如何|哪|什么|多少|谁|(?<![a-z])(?:why|how|what|which|when|where|who)(?![a-z])"
)
_ANSWERED_NO = re.compile(
    " ?(?:(?:很遗憾|遗憾的是|抱歉|不好意思|目前|暂时|现在|当前|其实|实际上|事实上)[, ]*){0,2}(?:暂|还|尚|并)?"
    "(?:不(?:支持|提供|开放|允许|具备|包含|包括|存在)"
    "|(?:不|不是|不行|不能|不可以|不会|不可能|不可用|不可行|没有|没|否|无"
    # v16: or says it is wrong (回收期20个月？不对，是24个月; 错了; 这种说法不正确)
    "|(?:(?:这|此)(?:个|种|一|样)?)?(?:说法|数字)?(?:是|并)?(?:不对|错误?|不正确|不准确|有误)"
    "|(?:答案是)?否定的"  # v32: 答案是否定的
    # v86: or says it cannot be had (私有化部署？抱歉，不在服务范围内; 无法提供)
    "|无法(?:提供|支持|实现|满足)|不在(?:我们的|我方的|本产品的)?(?:服务|支持|产品)?范围(?:内|之内)?"
    "|没有(?:这个|该|此|这种|这类)?(?:选项|功能|服务|方案|产品)|免谈|没门"
    # v87: or dismisses it (20个月回本？想多了 / 别做梦了 / 没戏 / 天方夜谭)
    "|想多了|(?:别|不要)做梦了?|做梦|想得美|痴人说梦|天方夜谭|无稽之谈|不靠谱|没戏|没门儿"
    # v107: or calls it a gimmick (私有化部署？那只是宣传口径)
    "|(?:那|这)?(?:只是|不过是|只不过是)(?:个|一个|一种)?(?:营销)?(?:宣传口径|营销口径|噱头|口号|画饼))"
    "(?:的|了|吧|啊|呀)?(?=[\\s。!?;,、.:—(]|$))"  # v107: 做梦吧
    "| ?(?:(?:unfortunately|sadly|sorry|actually|in fact|the answer is),? )?"
    "(?:no|nope|hardly|far from it|no way|unlikely"  # v86: hardly, far from it, no way, unlikely
    "|dream on|in your dreams|not a chance|fat chance|no chance|not happening|forget it"  # v87
    "|not(?: (?:currently|at the moment|at this time|yet|really|quite|exactly|anymore|any more"
    "|any longer))?"  # v32: not quite; v86: not anymore
    # v87: or that it cannot be had (Private deployment? Not possible. / Not available. / Impossible.)
    "(?: (?:possible|available|supported|offered|provided|an option|feasible))?|impossible|unavailable|unsupported"
    "|(?:that's |that is |this is |it's |it is )?(?:wrong|incorrect|not (?:right|correct|true)))"  # v16
    "(?=[,.;!:—]| [,.;!:—-]|$)"  # v32: "not quite - it is 24 months" (not no-code)
)


# v12: the no denies the point only where the question asks for the point itself - it ends the question
# (支持私有化部署吗？, 是否支持私有化部署？, 回本周期是20个月吗？) or only its availability follows
# (私有化部署可以吗？, 私有化部署有吗？, 是否提供私有化部署方案？, Is on-premise deployment available?) - not where
# the question asks something of it (私有化部署会影响性能吗？不会。, 退款会被拒绝吗？不会。, Does on-premise
# deployment cost extra? No.).
_ASKS_FOR_THE_POINT = re.compile(
    " ?(?:(?:方案|服务|功能|版本|模式|选项|能力)(?:的话)?)?"
    " ?(?:(?:是否|能否|可否)?(?:可以|可行|支持|提供|有|可用|能用|存在|开放|包含|包括|行|能|对|正确|属实|成立))?"
    "(?: ?(?:吗|么|嘛|呢|不|没有|否))?"
    # v87: or a figure's own predicate (20个月回本？想多了; 20个月内能回本吗？不能; "A 20-month payback? Dream on.")
    "| ?(?:内|以内|之内)?(?:就|便)?(?:能|可以|能够)?"
    "(?:回本|收回成本|收回投资|回收成本|回收投资|实现|达成|做到|完成|交付|上线)"
    "(?: ?(?:吗|么|嘛|呢))?"
    "| (?:payback|pay-back|return|roi|turnaround|delivery|rollout|launch|break-even|breakeven)(?: period| time)?"
    "| (?:(?:currently|still|also|really) )?(?:available|supported|offered|possible|provided|included|an option|allowed"
    "|permitted|feasible|correct|right|true|the case|accurate)(?: (?:at (?:this|the) (?:time|moment)|now|today|yet"
    "|currently|as well|too))?"
    "|"
)


# v32: the no may open the next line or paragraph, after a quoted question ("> 回收期是20个月吗？" over a blank line
# and "不是，是24个月。"; "> Is the payback 20 months?" then "No, it is 24 months." - v31 credited 20 months) or an
# FAQ's answer label (问：回收期是20个月吗？答：不是; Q: Is payback 20 months? A: No), and in more words (其实不是,
# 答案是否定的, the answer is no, not quite)
_QUOTE_MARKS = re.compile("[\\s>]*(?:(?:答|回答|a|answer) ?: ?)?")  # v32: and an FAQ's label (答：不是, A: No)


def _past_quote_marks(text: str, pos: int) -> int:
    marks = _QUOTE_MARKS.match(text, pos)
    return pos if marks is None or not marks.group() else marks.end()


def answered_no(answer_lines: str, start: int, end: int) -> str | None:
    """The answer to the yes/no question that holds start:end, when it is no (v11); else None."""
    after = SENTENCE_END.search(answer_lines, end)
    if after is None or after.group() != "?":
        return None
    sentence_start = last_end(SENTENCE_END, answer_lines, start)
    if _QUESTION_WORDS.search(answer_lines, sentence_start, after.start()):
        return None
    if not _ASKS_FOR_THE_POINT.fullmatch(answer_lines, end, after.start()):
        return None  # v12: 私有化部署会影响性能吗？不会。 - the no answers what is asked of the point
    no = _ANSWERED_NO.match(answer_lines, _past_quote_marks(answer_lines, after.end()))
    return None if no is None else answer_lines[end : no.end()]


def negation_inside(answer_norm: str, start: int, end: int) -> str | None:
    """A negation right before the first number inside a regex match (a label, then the figure it states:
    `净节省额不是90万` matched from 净节省): the check before the match's start cannot see it."""
    digit = _FIRST_DIGIT.search(answer_norm, start, end)
    if digit is None or digit.start() == start:
        return None
    return negation_before(answer_norm[: digit.start()], digit.start(), figure=True)


# v36: the claim's own word negated as its value, after a label's colon or in the next cell of its row (| 保证收益 |
# 不保证 |, - 保证收益：不保证，收益随市场波动, Guaranteed returns: not guaranteed), and in English a bare denial as a
# label's value (- Guaranteed returns: none / not offered) - v35 charged them. Not another word negated (保证收益：
# 不保证本金 says the returns are guaranteed), nor a denial of another column (| 私有化部署 | 无 | stays v12's).
# v46: and a JSON or YAML key's value, quoted or not ({"approved": "no"}, {"是否通过": "否"}, "approved": false)
# v66: and after the point's bracket and before a verdict mark (Private deployment (私有化部署): ❌ not supported)
# v86: and in a bracket of its own (On-premise deployment (discontinued))
# v87: and after a spaced dash (Private deployment - unavailable, Private deployment – not available)
_AS_ITS_VALUE = re.compile(rf"[\"”)]? ?(?P<mark>[:|(]|—{{1,2}}|(?<= )[-–](?= )) ?(?:\*\*|[\"“])?(?:{CROSS} ?)?")
# v72 review: and a cross after the value says it again (Private deployment: not supported ❌)
_VALUE_ENDS = rf"(?:\*\*|[\"”])?(?: ?{CROSS})?(?= ?[。!?;\n,、|}})]| [-*•+] |\.(?=\s|$)| ?$)"
_EN_VALUE_DENIAL = re.compile(
    r"(?:no|none|false|not (?:yet )?(?:offered|available|provided|supported|applicable|included)|n/a"
    # v86: and one withdrawn or not to be had (On-premise deployment: discontinued / unavailable / no longer offered)
    r"|discontinued|unavailable|unsupported|retired|deprecated|withdrawn|dropped|removed"
    r"|coming soon|in development|under development|on (?:the|our) roadmap"  # not yet (v67's "is coming soon")
    # v87: and one that cannot be had (Private deployment: not possible / not an option / a no-go / out of scope)
    r"|not (?:possible|an option|allowed|permitted)|impossible|(?:a )?no-go|prohibited|forbidden|out of scope"
    r"|not in scope|off the table|out of the question"
    r"|no longer (?:offered|available|provided|supported))(?![a-z/])" + _VALUE_ENDS
)
# v37: and a bare Chinese denial as its value after a colon (保证收益：不，但历史收益稳定; 保证收益：否。) - v36
# charged "不，但"; a dash may stand for the colon (保证收益 —— 不，但…). Not 不 before a word (保证收益：不仅保证…):
# the value must end where the denial does; not a cell (| 私有化部署 | 无 | is v12's, read under its header).
_ZH_VALUE_DENIAL = re.compile("(?:不|否|并不|没有|不是|无)" + _VALUE_ENDS)
# v86: and a bare "no" after a space where the part ends (Cloud yes, on-premise deployment no.)
_BARE_NO_AFTER = re.compile(r" (?:no|not)(?=[.,;!]| ?$)")
_HEAD = re.compile(r"[a-z]+|[\u4e00-\u9fff]{1,2}")


def denied_as_its_value(answer_norm: str, start: int, end: int) -> str | None:
    """The denial that the claim (or point) at start:end is given as its value: its own first word negated after a
    colon or a cell border, or (after a colon) none / not offered; else None."""
    mark = _AS_ITS_VALUE.match(answer_norm, end)
    head = _HEAD.match(answer_norm, start)
    bare_no = _BARE_NO_AFTER.match(answer_norm, end) if mark is None else None
    if bare_no is not None:
        return bare_no.group()
    if mark is None or head is None:
        return None
    word = head.group()
    own_word = re.escape(word) + (f"|{word[0]}" if len(word) == 2 and not word.isascii() else "")  # v37: 保本：不保
    own = re.compile(f"(?:不|并不|非|未|无|没有|not |never |no )(?:{own_word})[a-z]*" + _VALUE_ENDS)
    denial = own.match(answer_norm, mark.end())
    if denial is None and mark.group("mark") != "|":  # a cell's bare 无 is v12's, read with its column's header
        denial = _ZH_VALUE_DENIAL.match(answer_norm, mark.end()) or _EN_VALUE_DENIAL.match(answer_norm, mark.end())
    return None if denial is None else answer_norm[end : denial.end()]


def asked_and_answered_yes(answer_lines: str, start: int, end: int) -> bool:
    """v70: the text at start:end stands in a question (its sentence ends with ?) that the answer says yes to right
    after it - a yes or a modal's echo (ROI能达到20%吗？可以。, Q: Is payback 20 months?\nA: Yes., v43's and v50's
    reading for a figure: not a yes with another figure, Is the ROI 20%? Yes, 15%.) - or answers by an offer of it
    (您需要私有化部署吗？我们支持。, v67/v68's reading for a key point): a forbidden claim asked and granted is made."""
    question = SENTENCE_END.search(answer_lines, end)
    if question is None or question.group() != "?":
        return False
    if _CLARIFYING.search(answer_lines, last_end(SENTENCE_END, answer_lines, start), start):
        # a question to the user: a yes or an offer of it, not an assent to help (您需要…吗？可以的，我们帮您评估。)
        return _granted_after(answer_lines, question.end())
    return _OFFERED_AFTER.match(answer_lines, question.end()) is not None or yes_after(answer_lines, start)
