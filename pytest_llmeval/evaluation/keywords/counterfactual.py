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


def counterfactual(answer_norm: str, start: int, end: int) -> str | None:
    """The words that make the figure at start:end a counterfactual - what would be needed, a value that would hold
    only if, that would have held, or that only a condition not met brings (只有…才能达到20%); else None."""
    return _english_counterfactual(answer_norm, start, end) or _chinese_counterfactual(answer_norm, start)
