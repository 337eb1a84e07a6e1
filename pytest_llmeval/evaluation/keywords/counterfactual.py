"""v58: a figure the answer gives only as what would be needed or would hold under a condition it does not meet - a
counterfactual, not the answer's value: "A payback of 20 months would require cutting only 10 agents", "would cost
84万元 only if the overage were 300万次", 只有减少15名客服，ROI才能达到20%, 只有在…的情况下才会是20个月,
要达到20%的ROI，需要… (v40's purpose at a part's start: `hypothesis._PURPOSE_AT_THE_START`).

The figure stated and a counterfactual about another one beside it stay covered: "The payback is 20 months, which
would require no new hires" (the figure is the copula's, the "would" is another clause's), "ROI is 20%; reaching 25%
would require ...", 回收期为20个月，若要进一步缩短则需…, 只有我们的方案ROI才达到20% (only one thing, no
condition); "will require" states a plan, not a counterfactual (The 20-month payback will require ...).
"""

from __future__ import annotations

import re

from .assertion import SENTENCE_END, last_end, next_start, start_of_part

# the figure as the subject of a counterfactual need (A payback of 20 months would require ...; A 20% ROI target would
# need ...): after the figure only a few words of its noun, no verb, then "would" and a verb of needing
_WOULD_NEED_AFTER = re.compile(
    r"(?: (?!(?:and|or|but|is|are|was|were|which|that|so|it|we|they)(?![a-z]))[a-z-]+){0,3}"
    r" would (?:only )?(?:require|need|take|call for|demand|depend on|mean (?:cutting|adding|raising|hiring))"
    r"(?![a-z])"
)
# "would" right before the figure in its part and "only if / only when / only with" after it in its sentence (would
# cost 84万元 only if ..., Payback would be 20 months only if ...): a value under a condition the answer does not meet
_WOULD_BEFORE = re.compile(r"(?<![a-z])(?:would|could)(?: [a-z]+){0,3} ?$")
_ONLY_IF_AFTER = re.compile(r"(?<![a-z])only (?:if|when|with|after|once|provided)(?![a-z])")
# Chinese: 只有 + a condition (closed by a comma, or 在…的情况下 / 时 / 后), then 才 before the figure in its part
_ONLY_ZH = re.compile("只有|唯有")
_THEN_ONLY_ZH = re.compile("(?<![人刚天方英奇口])才(?:能|会|可能|可以|有望|将|可)?")
_A_CONDITION_CLOSED = re.compile(",|(?:的情况下|的前提下|的条件下|时|之后|后|以后)")


def _english_counterfactual(answer_norm: str, start: int, end: int) -> str | None:
    need = _WOULD_NEED_AFTER.match(answer_norm, end)
    if need is not None:
        return need.group()
    part_start = start_of_part(answer_norm, start)
    would = _WOULD_BEFORE.search(answer_norm, part_start, start)
    if would is None:
        return None
    only_if = _ONLY_IF_AFTER.search(answer_norm, end, next_start(SENTENCE_END, answer_norm, end))
    if only_if is None:
        return None  # The ROI would be 20% under current prices: a forecast the answer gives
    return answer_norm[would.start() : start] + "…" + only_if.group()


def _chinese_counterfactual(answer_norm: str, start: int) -> str | None:
    sentence_start = last_end(SENTENCE_END, answer_norm, start)
    part_start = start_of_part(answer_norm, start)
    then = None
    for m in _THEN_ONLY_ZH.finditer(answer_norm, part_start, start):
        then = m
    if then is None:
        return None
    only = None
    for m in _ONLY_ZH.finditer(answer_norm, sentence_start, then.start()):
        only = m
    if only is None or _A_CONDITION_CLOSED.search(answer_norm, only.end(), then.start()) is None:
        return None  # 只有我们的方案ROI才达到20%: only one thing, no condition
    return answer_norm[only.start() : start]


# v106: a figure that follows from a condition the rest of its sentence says will not be met (如果裁减15名坐席，回本周期
# 可缩短至20个月，但我们无法裁员; 若裁员15人，回本期为20个月；但裁员方案已被否决; "If we cut 15 agents, payback would be
# 20 months, but we cannot cut staff"; "Payback would be 20 months if volumes doubled, but they won't") - v105 credited
# it. The denial must be of the condition: it repeats a word of it (裁员, cut, 业务量) or points back at it with nothing
# else (但这不可行, "but they won't", "which is not an option"); a denial of another thing (如果裁员15人，回本期为20
# 个月，但不会影响服务质量) leaves the figure the answer's under its condition, as v51 does (`condition.py`).
_CONDITION_ZH = re.compile(
    "如果|若(?!干)|假如|假设|假使|要是|倘若|万一|在[^,，。;；]{1,20}?的?(?:前提|情况|条件)下|前提是|条件是"
)
_CONDITION_EN = re.compile(
    r"(?<![a-z])(?:if|assuming|provided|supposing|were we to|should we|with|by (?:cutting|adding|reducing|raising))"
    r"(?![a-z])"
)
_DENIED_AFTER = re.compile(
    "(?:但是?|可是|不过|然而|而|可惜|遗憾的是|实际上?|事实上)[^。!?\n]{0,24}?"
    "(?P<zh>无法|不能|不会|不可能|没有|未能|不可行|被否决|已否决|否决了|不现实|做不到|行不通|办不到|不打算|不计划|不准备"
    "|不建议|不推荐)"
    r"|(?<![a-z])(?:but|however|yet|though)(?![a-z])[^.!?\n]{0,40}?(?<![a-z])(?P<en>cannot|can't|won't|will not|isn't"
    r"|is not|aren't|are not|don't|do not|doesn't|does not|never|not|no longer|unlikely)(?![a-z])"
    r"|(?<![a-z])which (?:is not|isn't|is no|won't|will not|is unlikely|(?:we|they|it) (?:cannot|can't|won't|will not"
    r"|don't|do not|doesn't|does not))(?![a-z])"
)
# a change denied keeps a condition that is a state (维持现状 … 现状不会改变, with current staffing … will not change)
_A_CHANGE_DENIED = re.compile(" ?(?:有|发生)?(?:任何)?(?:改变|变化|变动|变|change|differ|vary|be different)")
# the denial that points back at the condition with nothing else: a pronoun, then the denial
_POINTS_BACK = re.compile(
    "^(?:但是?|可是|不过|然而|而|可惜)?(?:这|此|这一点|这一前提|该前提|这个前提|该条件|这一条件)(?:在目前|目前|现阶段)?"
    "(?:并|是|也)?(?:无法|不能|不会|不可能|不可行|不现实|做不到|行不通|办不到)"
    # or no pronoun, where the denial is all its part says (前提是裁减15名坐席，但目前不可行)
    "|^(?:但是?|可是|不过|然而|而|可惜)(?:在目前|目前|现阶段|眼下)?(?:并|也)?(?:不可行|不现实|做不到|行不通|办不到|无法实现)"
    "(?=[,，。;；!?)\\n]|$)"
    r"|^(?:but|however|yet|though),? (?:they|it|this|that) (?:won't|will not|cannot|can't|isn't|is not"
    r"|aren't|are not|don't|do not|doesn't|does not)(?![a-z])"
    r"|^which (?:is not|isn't|is no|won't|will not|is unlikely|(?:we|they|it) (?:cannot|can't|won't|will not|don't"
    r"|do not|doesn't|does not))(?![a-z])"
)
_STOP_EN = frozenset({"the", "and", "but", "not", "will", "would", "could", "can", "cannot", "that", "this", "they"})
_STOP_EN |= {"which", "with", "have", "has", "are", "were", "was", "our", "their", "its", "won't", "can't", "don't"}
_A_WORD_EN = re.compile("[a-z]{3,}")


# the Chinese characters too common to tie a denial to its condition (of a cue, a pronoun, a copula, a modal)
_STOP_ZH = frozenset("如果若假设要倘万一在的前提情况条件下了是我们你他她它这那个不也都就会能可以为和与及或而但人有将")
_STOP_ZH |= frozenset("已被")
_A_CHARACTER_ZH = re.compile("[\u4e00-\u9fff]")


def _repeats_a_word(condition: str, denial: str) -> bool:
    """Whether the denial names a word of the condition: a Chinese character that is no function word (裁 in 我们无法
    裁员 after 如果裁减15名坐席), or an English word of three letters or more that is none (cut in "we cannot cut
    staff" after "If we cut 15 agents")."""
    characters = set(_A_CHARACTER_ZH.findall(condition)) - _STOP_ZH
    if any(char in characters for char in _A_CHARACTER_ZH.findall(denial)):
        return True
    words = {w for w in _A_WORD_EN.findall(condition) if w not in _STOP_EN}
    return any(w in words for w in _A_WORD_EN.findall(denial))


def condition_denied(answer_norm: str, start: int, end: int) -> tuple[str, str] | None:
    """The condition before or after the figure at start:end and the words after it that say the condition will not
    be met (v106), as (the words before the figure, the words after it) for the point's shown form; else None."""
    sentence_start = last_end(SENTENCE_END, answer_norm, start)
    sentence_end = next_start(SENTENCE_END, answer_norm, end)
    cue = None
    for m in _CONDITION_ZH.finditer(answer_norm, sentence_start, start):
        cue = m
    for m in _CONDITION_EN.finditer(answer_norm, sentence_start, start):
        cue = m if cue is None or m.start() > cue.start() else cue
    if cue is not None:
        denial = _DENIED_AFTER.search(answer_norm, end, sentence_end)
        if denial is None:
            return None
        # the condition's own clause, not the figure's (如果裁员15人，|回本期为20个月)
        cut = max(answer_norm.rfind(mark, cue.end(), start) for mark in (",", "，", ";", "；"))
        condition = answer_norm[cue.start() : cut if cut >= 0 else start]
        opened = cue.start()
    else:
        cue = _CONDITION_EN.search(answer_norm, end, sentence_end) or _CONDITION_ZH.search(
            answer_norm, end, sentence_end
        )
        denial = None if cue is None else _DENIED_AFTER.search(answer_norm, cue.end(), sentence_end)
        if cue is None or denial is None:
            return None
        condition = answer_norm[cue.start() : denial.start()]
        opened = start
    # the words of the denial's own phrase: a few before its negation (业务量不会翻倍, 裁员方案已被否决, adoption will
    # not be full) and after it (我们无法裁员, we cannot cut staff) - not another noun's (但方案之外的成本没有计入)
    if denial.group("zh") is not None:
        rest = answer_norm[max(denial.start("zh") - 4, denial.start()) : denial.end("zh") + 6]
    elif denial.group("en") is not None:
        before = answer_norm[denial.start() : denial.start("en")].split()[-2:]
        rest = " ".join([*before, *answer_norm[denial.end("en") : sentence_end].split()[:3]])
    else:
        rest = answer_norm[denial.start() : sentence_end]
    if _A_CHANGE_DENIED.match(answer_norm, denial.end()):
        return None  # 如果维持现状，…，而现状不会改变; "with current staffing, but staffing will not change": it holds
    clause_end = max(answer_norm.rfind(mark, 0, denial.start()) for mark in (",", "，", ";", "；"))
    pointed = _POINTS_BACK.match(answer_norm[max(clause_end + 1, end) : sentence_end].lstrip(" ,，;；"))
    if pointed is None and not _repeats_a_word(condition, rest):
        return None
    shown_end = min(
        (answer_norm.find(mark, denial.end()) for mark in ",，;；" if mark in answer_norm[denial.end() :]),
        default=sentence_end,
    )
    return answer_norm[opened:start], answer_norm[end : min(shown_end, sentence_end)]


def counterfactual(answer_norm: str, start: int, end: int) -> str | None:
    """The words that make the figure at start:end a counterfactual - what would be needed, a value that would hold
    only if, that would have held, or that only a condition not met brings (只有…才能达到20%); else None. (A condition
    said not to be met: `condition_denied`.)"""
    return _english_counterfactual(answer_norm, start, end) or _chinese_counterfactual(answer_norm, start)
