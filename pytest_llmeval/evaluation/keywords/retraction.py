"""A figure the answer writes but does not give as its answer: out of reach (很难在20个月内实现), denied
as a whole (it is not true that ...), reported and corrected, a multiple of another figure, a time ago or a
period, taken back (20个月，不，24个月) or a former value changed to another (由20个月延长至24个月).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..numbers import EN_ONES, EN_TEENS, EN_TENS, NUMERAL_CHARS, Pattern
from ..numbers.currencies import ANY_SIGN_AT
from ..numbers.edges import LABEL_OF_AN_END
from .assertion import (
    HEARSAY_BRACKET_AFTER,
    HEARSAY_DISCLAIMED,
    SENTENCE_END,
    SOURCE_SAYS_ZH,
    last_end,
    next_start,
    occurs,
    start_of_part,
)
from .dates import A_DATE, DATE_WORDS_EN, end_of_the_date
from .negation import BRACKET_OPENED_BEFORE, negation_before
from .normalisation import CROSS

# a currency mark before an amount ($1.5 million, ¥1500万, rmb 860万; v113: €80万, HK$500, GBP 500)
_CURRENCY = f"(?:{ANY_SIGN_AT}) ?"
# v47: or the point of a decimal written without its leading zero (.5%, -.5%, $.50)
FIGURE_START = re.compile(f"(?:-|{_CURRENCY})?(?:[{''.join(sorted(NUMERAL_CHARS))}]|\\.(?=[0-9]))")


# v26: a figure the answer calls out of reach right before it is denied, not stated: 很难在20个月内实现,
# 难以在20个月内回本, 不太可能在20个月内, 无法做到20个月, it cannot be achieved within 20 months, it is unlikely to pay
# back in 20 months, it won't be done by 20 months - a negation or a hedge of likelihood or difficulty, then (in
# English, over at most three words: be achieved, pay back) the preposition or verb that leads to the figure, in one
# part of the clause. Not a hedge in another part (虽然很难，但20个月可以回本; although it is hard, payback is 20
# months), one about the way of saying it (很难说，大概20个月), nor a negated one (并非不可能, not impossible to).
_OUT_OF_REACH_ZH = re.compile(
    "(?:无法|不能|不可能|不太可能|不大可能|(?:很|较|比较|非常|十分)难|难以|没法|未能|没能|不会|做不到|达不到)"
    " ?(?:在|于|做到|达到|实现|缩短到|缩短至|控制在|降到|降至) ?$"
)
_OUT_OF_REACH_EN = re.compile(
    "(?<![a-z])(?:cannot|can't|can’t|can not|won't|won’t|will not|would not|wouldn't|wouldn’t|is not likely|is unlikely"
    "|are unlikely|unlikely|not likely|impossible|hard|difficult|unable|fail(?:s|ed)?|not (?:be )?(?:possible|feasible"
    "|realistic))(?: to)?(?: [a-z'’]+){0,3}? (?:within|in|by|inside|be|take|takes|reach"
    "|(?:stay|hold|remain|stand|settle|stabili[sz]e|level off)(?: steady| stable)? at) $"  # v82: failed to hold at
)


def out_of_reach(answer_norm: str, start: int) -> str | None:
    """The negation or hedge that calls the figure at `start` out of reach right before it (v26), else None."""
    window = answer_norm[max(0, start - 60, start_of_part(answer_norm, start)) : start]
    if window.endswith(" "):
        m = _OUT_OF_REACH_EN.search(window)
        if m is not None and negation_before(window, m.start()) is None:  # not impossible to ...: affirms
            return window[m.start() :]
    m = _OUT_OF_REACH_ZH.search(window)
    if m is None or negation_before(window, m.start()) is not None:
        return None  # 并非不可能在20个月内回本: a double negation affirms
    return window[m.start() :]


# v16: a statement denied as a whole before it is said, in its part of the clause: "it is not true that the payback
# is 20 months", "it is not the case that ...", "it is false / wrong / a myth that ...", "it would be wrong to say
# (that) ...", 并非回收期是20个月, 不能说回收期是20个月 - not past a comma or a contrast ("it is not true that it is 24
# months, but it is 20 months"; 不是24个月，而是20个月), and not "it is not only true that".
_DENIED_AS_A_WHOLE = re.compile(
    "(?<![a-z])(?:it|this|that)(?: is|'s|’s| was| would be)(?: (?:simply|completely|entirely))?"
    " (?:(?:not|n't|n’t)(?: (?:really|quite|strictly|entirely))? (?:true|the case|correct|accurate)"
    "|false|untrue|incorrect|inaccurate|a myth|a misconception)(?: to (?:say|claim|state|assume|think)(?: that)?| that)"
    "(?![a-z])"  # not "this is not the case for the 20-month plan": a that-clause or what is said
    # "wrong", "misleading" and "not right" only of saying it: it is wrong that customers wait is a complaint
    "|(?<![a-z])it(?: is|'s|’s| was| would be) (?:wrong|misleading|not right) to (?:say|claim|state|assume|think)"
    "(?: that)?(?![a-z])"
    "|(?:isn't|isn’t) (?:true|the case|correct|accurate) that(?![a-z])"
    "|(?:并非|(?<!如果)不能说|不可以说)(?! ?[不没无未非])"  # 并非不支持: a double negation affirms
)
_CONTRAST_IN_A_PART = re.compile(
    "而是|但|不过|然而|其实|实际上|(?<![a-z])(?:but|however|rather|instead|actually|in fact)(?![a-z])"
)


# v32: a condition contrary to fact says the figure is not so: "if payback were 20 months, ROI would be 60%", "even if
# the payback were 20 months", "if it had been 20 months" - the subjunctive "were" or "had been" right before the figure
# in the part that "if" opens. An open condition ("if payback is 20 months, ROI is 60%") still states it, as every
# condition on a key point does (key points are not judged for assertion: v7).
_CONTRARY_TO_FACT = re.compile(
    "(?<![a-z])(?:if|suppose|supposing)(?![a-z])[^,.;:!?\n]{0,60}? (?:were|had been)"
    "(?: (?:only|just|about|around|roughly|approximately|exactly|a|an))* $"
    # v89: and a past counterfactual ("Payback would have been 20 months had sales held up", 回本周期本应是20个月,
    # 本可以缩短到20个月) - what the figure was not
    "|(?<![a-z])(?:would|could|might|should) have been(?: (?:only|just|about|around|roughly|approximately|a|an))* $"
    # v107: and the past modal with another verb (We could have paid back in 20 months, but ...), and 本来是
    # (要不是疫情，回本周期本来是20个月 - not 本来就是, which says it always was)
    "|(?<![a-z])(?:would|could|might|should) have (?:paid back|paid for itself|paid off|broken even|taken|reached"
    "|achieved|delivered|cost|come in at|hit|returned"
    # v109: and an event's verbs (The project should have gone live in 2024; was supposed to launch in 2024 but
    # slipped to 2025) - what was due and did not happen
    "|gone live|launched|opened|started|shipped|completed|finished|gone into production"
    "|been (?:launched|completed|finished|delivered|live|ready|opened))"
    "(?: (?:in|at|by|on|within|about|around|only|just|roughly|a|an))* $"
    "|(?<![a-z])(?:was|were) supposed to (?:be|launch|go live|open|start|ship|complete|finish|pay back|pay for itself"
    "|pay off|break even|take|reach|cost|deliver|return|be (?:launched|completed|finished|delivered|live|ready))"
    "(?: (?:in|at|by|on|within|about|around|only|just|roughly|a|an))* $"
    "|(?:本应|本该|本可以?|原本可以|原本应该|本来可以|本来应该|本来能)(?:是|为|在|达到|缩短到|缩短至|降到|降至)? ?$"
    "|本来(?:是|为) ?$"
)
_CONDITION_REACH = 80


# v87: and no evidence of what its sentence says after it (没有任何证据表明…, 并无迹象显示…, "There is no evidence that
# ...", "Nothing suggests that ...") - its reach is the rest of the sentence (a that-clause holds commas and colons:
# 没有任何证据表明，截至目前，回收期为20个月), not past a contrast (没有证据表明会延期，但回收期为20个月)
_NO_EVIDENCE = re.compile(
    "(?:没有|并无|毫无|无|缺乏)(?:任何)?(?:证据|迹象|数据|依据|资料)(?:能|可以)?(?:表明|显示|证明|说明|支持)"
    "(?! ?[不没无未非])"
    "|(?<![a-z])(?:(?:there is|there's|there’s|we have|i have|we see|i see|we've seen|i've seen) )?no"
    " (?:evidence|proof|indication|sign|data|basis) (?:that|for the claim that|to suggest that|to show that)"
    "(?![a-z])(?! (?:it is not|it isn't|it won't|it will not|there is no))"
    "|(?<![a-z])nothing (?:suggests|indicates|shows) that(?![a-z])"
)


def denied_as_a_whole(answer_norm: str, start: int) -> str | None:
    """The denial of a whole statement (v16: it is not true that ...) earlier in the part of the clause that holds
    `start`, with no contrast after it, or a condition contrary to fact right before it (v32); else None."""
    part_start = start_of_part(answer_norm, start)
    counterfactual = _CONTRARY_TO_FACT.search(answer_norm, max(part_start, start - _CONDITION_REACH), start)
    if counterfactual is not None:
        return answer_norm[counterfactual.start() : start]
    no_evidence = None
    for m in _NO_EVIDENCE.finditer(answer_norm, last_end(SENTENCE_END, answer_norm, start), start):
        no_evidence = m
    if no_evidence is not None and not _CONTRAST_IN_A_PART.search(answer_norm, no_evidence.end(), start):
        return answer_norm[no_evidence.start() : start]
    denial = None
    for m in _DENIED_AS_A_WHOLE.finditer(answer_norm, part_start, start):
        denial = m
    if denial is None or _CONTRAST_IN_A_PART.search(answer_norm, denial.end(), start):
        return None
    return answer_norm[denial.start() : start]


# v38: a figure under a negated belief or a doubt earlier in its part of the clause is doubted, not stated:
# 我不认为ROI能达到20%, 不觉得, 不相信, 不指望, 不看好, 怀疑, 没有把握, 很难说; "I don't think the ROI will reach
# 20%", "I do not believe", "I doubt costs fall by 20%", doubtful that, not convinced, not sure, unlikely that -
# v37 read a negation only right before the figure. Its reach is the part of the clause (a comma, a colon, a
# semicolon, a bracket or a dash ends it: 我不认为会更低，ROI约为20% states it; 不确定性 is a noun) with no
# contrast after it (I don't think it is 15% but rather 20%). Not a doubt negated (不怀疑, no doubt, without
# doubt, don't doubt), nor one of what would hinder it (我不认为这会影响ROI达到20%, I don't think this will
# prevent ...: it is expected).
_DOUBTED = re.compile(
    "(?:并|从|也|都)?(?:不|没)(?:太|大)?(?:认为|觉得|相信|指望|看好|预期|预计|确定|敢保证|敢说|以为)(?!性|因素|感)|(?<![不没无毋毫])怀疑|没有?把握"
    "|很难说|难以(?:确定|保证|相信)"
    # v39: a modal of doubt (成本很难下降50%, 营收不太可能翻倍, 未必能, 不一定能): as ROI很难达到20% (v26)
    "|(?:不太|不大|不怎么)可能|未必|不一定|很难(?![得看过受的懂])|难以(?!置信|估量|计数|想象的)"
    r"|(?<![a-z])(?:(?:i|we|they|he|she)(?: really| honestly)? )?(?:don't|do not|didn't|did not|wouldn't|would not"
    r"|can't|cannot|can not)(?: really| honestly)? (?:think|believe|expect|anticipate|foresee|imagine)(?![a-z])"
    r"|(?<![a-z])(?<!no )(?<!not )(?<!n't )(?<!without )(?<!little )(?:doubt|doubts|doubted|doubtful)(?![a-z])"
    r"|(?<![a-z])(?:not|n't) (?:convinced|sure|confident|certain)(?![a-z])"
    # v41: an expectation nobody holds or given up (Nobody expects revenue to double, We no longer expect, 不再预计)
    # and a frame of "as if" denied (It is not as if the ROI reached 20%)
    r"|(?<![a-z])(?:nobody|no one|none of us) (?:expects|thinks|believes|anticipates)(?![a-z])"
    r"|(?<![a-z])no longer (?:expect|expects|think|thinks|believe|believes|anticipate)(?![a-z])"
    r"|(?<![a-z])(?:not|n't) as if(?![a-z])|不再(?:预计|预期|认为|相信)"
    r"|(?<![a-z])(?:unlikely|not likely|improbable|skeptical|sceptical)(?: that| whether)?(?![a-z])"
    # v85: a small chance (There is little chance the ROI reaches 20%, slim chance, no chance, a low probability)
    # v107: and no way at all (There is no way payback is 20 months) - not "in no way", nor "no way to know" (left open)
    r"|(?<![a-z])(?<!in )(?:there(?:'s|’s| is) )?no way(?: that)?(?! to | around| out| round)(?![a-z])"
    r"|(?<![a-z])(?:little|slim|small|remote|low|no|scant)(?: to no)? (?:chance|chances|likelihood|probability"
    r"|prospect|prospects|hope)(?: (?:that|of))?(?![a-z])"
)
_HINDERED = re.compile(
    "影响|阻碍|妨碍|拖累|耽误|阻止|(?<![a-z])(?:prevent|prevents|stop|stops|hinder|hinders|affect|affects|jeopardi[sz]e"
    "|jeopardi[sz]es|hurt|hurts|derail|derails|block|blocks|undermine|undermines)(?![a-z])"
)

# a bound doubted is the other bound, which states its figure as 不超过 does (v17): "unlikely to exceed 20%",
# 我不认为会超过20个月
_A_BOUND_DOUBTED = re.compile(
    "超过|超出|高于|低于|少于|多于|(?<![a-z])(?:exceed|exceeds|surpass|surpasses|top|tops|more than|less than"
    "|fewer than|below|above|under|over|beyond|higher than|lower than)(?![a-z])"
)


def doubted(answer_norm: str, start: int) -> str | None:
    """The negated belief or doubt (v38: 我不认为, I don't think, I doubt) earlier in the part of the clause that holds
    the figure at `start`, with no contrast, no verb of hindering and no bound between; else None."""
    part_start = max(start_of_part(answer_norm, start), start - 80)
    doubt = None
    for m in _DOUBTED.finditer(answer_norm, part_start, start):
        doubt = m
    if doubt is None or _CONTRAST_IN_A_PART.search(answer_norm, doubt.end(), start):
        return None
    if _HINDERED.search(answer_norm, doubt.end(), start) or _A_BOUND_DOUBTED.search(answer_norm, doubt.end(), start):
        return None
    if answered_yes(answer_norm, start):
        return None  # v39: 我不认为ROI能达到20%？其实可以。
    return answer_norm[doubt.start() : start]


# v39: a doubt asked, then answered yes in the next sentence (我不认为ROI能达到20%？其实可以。 "Don't think the ROI can
# reach 20%? It can.") is the writer's own claim, as a question answered yes states it (v11's answered_no, the other
# way). The answer opens with a word of fact or a modal, and its sentence holds no negation (其实不能, it can't: the
# doubt stands); a doubt asked and left unanswered stays a doubt.
_YES_ZH = re.compile(
    " ?(?:其实|事实上|实际上|当然|恰恰相反|完全|绝对)*"
    "(?:可以|能|会|行|做得到|能做到|做到了|它做到了|达到了|能达到|已经达到|没问题)"
)
_YES_EN = re.compile(
    r" ?(?:(?:yes|actually|in fact|think again|on the contrary|of course|it turns out)[ ,:;]*)*"
    r"(?:(?:it|they|we|the roi|roi|it already) (?:can|will|does|did|could|would|has|is)(?![a-z'])"
    r"|yes|actually|in fact|think again|on the contrary|of course)"
)
_NO_IN_THE_ANSWER = re.compile(r"不|没|无法|难以|未|(?<![a-z])(?:not|never|no|cannot)(?![a-z])|n't")


def answered_yes(answer_norm: str, start: int) -> bool:
    """Whether the sentence of the figure at `start` is a question answered yes by the next sentence (v39)."""
    end = SENTENCE_END.search(answer_norm, start)
    if end is None or end.group() != "?":
        return False
    yes = _YES_ZH.match(answer_norm, end.end()) or _YES_EN.match(answer_norm, end.end())
    if yes is None:
        return False
    after = SENTENCE_END.search(answer_norm, yes.end())
    if after is not None and after.group() == "?":
        return False  # v41: ROI是20%吗？能否更高？ - another question, no answer
    answer_end = after.start() if after else len(answer_norm)
    if answered_with_another_figure(answer_norm, start, end.start(), end.end(), answer_end):
        return False  # v50: Is the ROI 20%? It is 15%. / ROI is 12%.
    return _NO_IN_THE_ANSWER.search(answer_norm, end.end(), answer_end) is None


# v50: a question answered with another figure is not answered yes (Is the ROI 20%? It is 15%. / Actually, it is 15%.
# / ROI is 12%. - v49 read "it is", "actually" and "roi is" as a yes and credited the 20%): the first figure of the
# answer, a year aside (It will, by 2026.), must be the question's
_FIGURE_DIGITS = re.compile(r"(?<![0-9.])[0-9]+(?:[.,][0-9]+)*")
_A_YEAR = re.compile("(?:19|20)[0-9]{2}")


def answered_with_another_figure(
    answer_norm: str, start: int, question_end: int, answer_start: int, answer_end: int
) -> bool:
    """Whether the answer after the question (answer_start:answer_end) names, first, a figure other than the first one
    the question asks from `start` on (Is the ROI 20%? It is 15%.)."""
    asked = _FIGURE_DIGITS.search(answer_norm, start, question_end)
    if asked is None:
        return False
    for said in _FIGURE_DIGITS.finditer(answer_norm, answer_start, answer_end):
        if _A_YEAR.fullmatch(said.group()) and not _A_YEAR.fullmatch(asked.group()):
            continue
        return _value(said.group()) != _value(asked.group())
    return False


def _value(digits: str) -> float:
    """The number the digits write, thousands separators aside (1,200 and 1200 are one)."""
    return float(digits.replace(",", ""))


# v17: a figure the answer attributes to others and then corrects is theirs, not the answer's:
# 有人说回收期是20个月，但实际是24个月, 网上传言20个月，其实是24个月, 很多人以为是20个月, "Some say 20 months, but it is
# 24", "Many believe it is 20 months; in fact it is 24 months" - an attribution before it in its sentence (no contrast
# between: 有人说是24个月，但 实际是20个月 states 20), then a contrast that gives another figure, a correction or a
# disclaimer in the rest of the sentence. A belief named as a mistake before it (误以为, 常见的误解是, mistakenly, a
# common misconception is) or after it (20个月是常见的误解) needs no correction. A rumour passed on without one
# (网上传言20个月。) still states it (v11).
_ATTRIBUTED = re.compile(
    "有人(?:说|称|认为|以为|觉得|提到)|(?:很多|不少|许多|一些|部分)人(?:说|认为|以为|觉得)|(?:一般|通常|普遍)认为|据传|传言"
    "|传闻|据说(?!明)|听说|网上(?:说|称|传)|网传|坊间|据称|(?:本|原|原本|原来)以为"
    # v109: a view, a report or what goes round (有说法称, 有观点认为, 据报道, 有报道称, 媒体称, 业内流传, 外界认为)
    "|有(?:一种|种|个)?说法|有(?:一种|种)?观点|据(?:媒体|新闻)?报道|(?:有|媒体|新闻)报道(?:称|说)|媒体称|流传"
    "|(?:外界|业内|市场)(?:认为|称|传)"
    f"|{SOURCE_SAYS_ZH}"  # v110: a source's word (销售说回本周期20个月，但这不属实)
    # v107: any belief the sentence then corrects (还以为是20个月，其实是26个月; 客户以为…，实际…; 曾一度认为是20个月，
    # 后来发现是26个月; "I thought it was 20 months, but it is 26"; "We assumed 20 months; it turned out to be 26")
    "|(?<!别)(?<!不要)(?<!不会)(?<![可所足得用难])以为"  # not 别以为, 可以为客户, 所以为了
    "|(?:曾|一度|曾一度|曾经|原本|起初|最初|当初|原先)(?:认为|觉得|估计)"
    "|(?<![a-z])(?:i|we|they|the client|clients|customers?|management)(?: had| originally| initially)?"
    " (?:thought|assumed|believed)(?![a-z])"
    "|(?<![a-z])(?:some(?: people)? (?:say|said|claim|claimed|believe|think|thought|suggest)"
    "|(?:many|most|others|people) (?:say|believe|think|assume|claim)"
    "|it is (?:often |commonly |widely )?(?:said|believed|claimed|assumed)|reportedly|rumou?red|allegedly"
    "|supposedly"
    # v106: a vendor's, a source's or what we were told (Vendors quote 20 months; our analysis says 26. We were told
    # 20 months, but it is really 26 months. Some sources say Suzhou, but it is Shanghai)
    "|(?:the |some |many |other |several )?(?:vendors?|suppliers?|sales ?(?:teams?|reps?|people)?|salespeople"
    "|analysts?|consultants?|brochures?|marketing|sources|reports|media|competitors?|integrators?)"
    " (?:say|says|said|quote|quotes|quoted|claim|claims|claimed|suggest|suggests|suggested|cite|cites|cited"
    "|promise|promises|promised|state|states|stated|put|puts|advertise|advertises|advertised)"
    "|according to (?:some |media |press |news |unconfirmed )?reports"  # v109
    "|(?:we|i) (?:were|was|have been|had been) (?:told|promised|quoted)"
    # v32: a figure as it is usually quoted (与常说的20个月不同，实际…, 所谓的20个月…并不准确, "unlike the often-quoted
    # 20 months, payback is actually 24 months") - someone's figure, which the rest of the sentence corrects
    "|(?:often|commonly|widely|frequently|usually)[ -](?:quoted|cited|reported|claimed|stated|mentioned|assumed)"
    ")(?![a-z])"
    "|(?:常|通常|一般|普遍|经常|大家|人们|外界|业内)(?:所)?(?:说|提|称|引用|认为|传)的|所谓的?"
    # and the user's figure, corrected (您提到的20个月回收期不准确，应为24个月)
    "|(?:您|你)们?(?:所|刚才|之前)?(?:提到|说|提供|给出|引用|认为|估计|计算)的"
)
# v32: or named so after it ("contrary to the 20 months often quoted, payback is 24 months": "contrary to" or "unlike"
# before it and another figure later in the sentence correct it as a "but" does)
_CONTRARY_TO = re.compile("(?<![a-z])(?:contrary to|unlike)(?![a-z])")
_A_DIGIT = re.compile("[0-9]")
_ATTRIBUTED_AFTER = re.compile(
    " ?(?:that is |that's |which is |as )?(?:often|commonly|widely|frequently|usually) (?:quoted|cited|reported|claimed"
    "|stated|mentioned|assumed)(?![a-z])"
    # or the user's ("the 20-month payback you mentioned is incorrect; it is 24 months")
    "|(?: [a-z]+){0,2} (?:that |which )?you(?: have| had)? (?:mentioned|cited|quoted|stated|said|gave|provided"
    "|estimated|calculated|assumed)(?![a-z])"
    # v106: or the answer's own earlier figure (the 20 months I mentioned above should read 26 months)
    "|(?: [a-z]+){0,2} (?:that |which )?i (?:mentioned|said|wrote|gave|quoted|stated)(?: (?:above|earlier|before"
    "|previously))?(?![a-z])"
)
_MISTAKEN_BEFORE = re.compile(
    "误以为|误认为|误算为|误报为|误传为|(?:误解|误区)(?:是|为)"
    "|(?<![a-z])(?:mistakenly|erroneously|wrongly|misconception is|myth is)(?![a-z])"
)
_MISTAKE_AFTER = re.compile(" ?(?:是|为)?(?:一个|一种)?(?:常见|普遍|典型)?的?(?:误解|误传|谣言|误区)")
# (v110: a numeral there is not the 一 of 一致, 一样, 一直: 据说回本周期20个月，我们的测算结果一致 read as corrected)
_CORRECTED = re.compile(
    "(?:但是?|其实|实际上|事实上|实际|然而|不过|可是|而是|结果|(?<![a-z])(?:but|however|in fact|actually|in reality)"
    "(?![a-z]))[^。!?\n]*?(?:[0-9二三四五六七八九十两]|一(?![致样起直定般些切同旦边面下向律概]))"
    # v107: and what the facts turned out to be (没想到要26个月, 后来发现是26个月, 后经核算为26个月, "it turned out to
    # be 26")
    # (a figure: a digit, or a numeral with its measure - not 这一点, 一眨眼)
    "|(?:没想到|不料|谁知|谁知道|后来发现|后来才发现|后来|最后|最终|后经|经核算|细算)[^。!?\n]*?"
    "(?:[0-9]|[一二两三四五六七八九十百千万]+(?:个月|个|月|年|天|周|万|亿|元|倍|成|%))"
    "|(?<![a-z])(?:turned out|ended up|came in at|proved to be)(?![a-z])[^。!?\n]*?[0-9]"
    # v106: and our own finding after it (Vendors quote 20 months; our analysis says 26; 我们测算为26个月)
    "|(?<![a-z])should (?:read|be|have been|say)(?![a-z])"  # v106: The 20 months I mentioned should read 26
    "|(?:(?<![a-z])(?:our|my) (?:own )?(?:analysis|estimate|calculation|model|numbers|data|review|assessment|figures?)"
    " (?:says|shows|suggests|gives|puts it at|is|indicates|points to)(?![a-z])"
    "|(?<![a-z])realistically(?![a-z])|我们(?:的)?(?:测算|分析|计算|估算|评估)(?:显示|表明|结果为|结果是|为|是))"
    "[^。!?\n]*?(?:[0-9二三四五六七八九十两]|一(?![致样起直定般些切同旦边面下向律概]))"
    "|不对|错误|错了|不正确|不准确|不实|不属实|失实|与事实不符|不符合事实|是假的|有误|并非如此|不是这样|误解|谣言"
    "|(?<![a-z])(?:wrong|incorrect|not true|not the case|inaccurate|untrue|a myth|misconception)(?![a-z])"
)


A_NUMBER = re.compile(r"[0-9][0-9,.]*")
_A_BARE_NUMBER_END = re.compile(r" ?(?:[,;!?。，；)]|\.(?=\s|$)|$)")


def figure_and_unit(text: str, start: int, end: int) -> tuple[re.Match[str] | None, str]:
    """The figure of the point matched at start:end - its last number (ROI不是15%。实际预计为20%: 20) - and the unit
    after it to `end` ("" when none); (None, "") for a match with no digits."""
    numbers = list(A_NUMBER.finditer(text, start, end))
    if not numbers:
        return None, ""
    return numbers[-1], text[numbers[-1].end() : end].strip()


def _corrected(answer_lines: str, start: int, end: int, frm: int, to: int) -> bool:
    """Whether answer_lines[frm:to] corrects the figure at start:end (`_CORRECTED`). v107: a correction by a figure
    gives another figure of the same kind - not the same figure (我以为20个月很紧，但最后20个月就完成了) nor one of
    another unit (我以为20个月很紧，但我们分3期完成了: the 20 months stand)."""
    point, unit = figure_and_unit(answer_lines, start, end)
    for m in _CORRECTED.finditer(answer_lines, frm, to):
        number = A_NUMBER.match(answer_lines, m.end() - 1) if m.group()[-1:].isdigit() else None
        if number is None or point is None:
            return True  # a correction in words (不对, wrong), or a figure the point has not
        if number.group().rstrip(",.") == point.group().rstrip(",."):
            continue
        rest = answer_lines[number.end() :].lstrip(" ")
        if not unit or rest[:1] == unit[:1] or _A_BARE_NUMBER_END.match(answer_lines, number.end()):
            return True
    return False


def reported_and_corrected(answer_lines: str, start: int, end: int) -> str | None:
    """The attribution (有人说) or named mistake (误以为) that makes the figure at start:end someone else's, corrected
    in its sentence (v17); else None."""
    if _MISTAKE_AFTER.match(answer_lines, end):
        return ""
    sentence_start = last_end(SENTENCE_END, answer_lines, start)
    sentence_end = next_start(SENTENCE_END, answer_lines, end)
    bracket = HEARSAY_BRACKET_AFTER.match(answer_lines, end)  # v110: 回本周期20个月（销售所说），但这不属实
    if bracket is not None and (
        HEARSAY_DISCLAIMED.search(answer_lines, bracket.end(), sentence_end)
        or _corrected(answer_lines, start, end, bracket.end(), sentence_end)
    ):
        return ""
    quoted = _ATTRIBUTED_AFTER.match(answer_lines, end)
    if quoted is not None and (
        _corrected(answer_lines, start, end, quoted.end(), sentence_end)
        or (
            _CONTRARY_TO.search(answer_lines, sentence_start, start)
            and _A_DIGIT.search(answer_lines, quoted.end(), sentence_end)
        )
    ):
        return ""
    for cue in (_MISTAKEN_BEFORE, _ATTRIBUTED):
        if not occurs(cue, answer_lines):
            continue  # v22: no scan of each figure's sentence for a cue that the answer lacks
        found = None
        for m in cue.finditer(answer_lines, sentence_start, start):
            found = m
        if found is None or _CONTRAST_IN_A_PART.search(answer_lines, found.end(), start):
            continue
        if cue is _MISTAKEN_BEFORE or _corrected(answer_lines, start, end, end, sentence_end):
            return answer_lines[found.start() : start]
        if HEARSAY_DISCLAIMED.search(answer_lines, end, sentence_end):
            return answer_lines[found.start() : start]
    return None


# v17: a figure that another quantity is a multiple or a part of is no answer: 是20个月的两倍, 20个月的一半,
# 20个月的1.5倍, 20个月的80%, 20个月的三分之一, twice 20 months, half of 20 months, three times 20 months. An operand of
# a derivation (120万元×3=360万元, 120万元乘以3年) states its figure and still credits.
_A_MULTIPLE_AFTER = re.compile(
    " ?的 ?(?:(?:[0-9]+(?:\\.[0-9]+)?|[一二两三四五六七八九十百千半]+) ?倍|一半|[0-9]+(?:\\.[0-9]+)? ?%|百分之"
    "|[一二两三四五六七八九十百千0-9]+ ?分之)"
)
_A_MULTIPLE_BEFORE = re.compile(
    "(?<![a-z])(?:twice|double|triple|half|half of|(?:two|three|four|five|ten|[0-9]+(?:\\.[0-9]+)?) times)(?: the)? $"
)


# v108: and the base that another amount is added to or taken from (20个月再加6个月, 20个月外加半年, 在20个月的基础上
# 延长6个月, "20 months plus another 6") - not a sum of two parts named apart (回本周期为20个月，另加6个月建设期, "20
# months plus 6 months of build": the point's own figure and another's)
_AN_AMOUNT_ADDED_AFTER = re.compile(
    " ?(?:(?:还要|还得|还需|要)?再(?:加上|加|多|延长|增加|追加|减去|减)|外加"
    "|(?<![a-z])plus (?:another|an additional|a further|an extra)(?![a-z])) ?(?:[0-9]|[一二两三四五六七八九十半])"
)
_ON_THE_BASIS_BEFORE = re.compile("在 ?$")
_AN_AMOUNT_ON_THE_BASIS_AFTER = re.compile(
    " ?的基础上 ?(?:还能|还可以|还可|还要|还将|还会|可|能|将|会)?(?:再|又)?"
    "(?:延长|缩短|增加|减少|加上|加|追加|提高|降低|上调|下调|多|少|扣除|减去)了? ?"
    "(?:[0-9]|[一二两三四五六七八九十半])"
)


def a_multiple_of(answer_norm: str, start: int, end: int) -> str | None:
    """The words that make the figure at start:end the base of a multiple or a part (v17: 的两倍, twice), or of an
    amount added to it (v108: 再加6个月); else None."""
    after = _A_MULTIPLE_AFTER.match(answer_norm, end) or _AN_AMOUNT_ADDED_AFTER.match(answer_norm, end)
    if after is not None:
        return after.group()
    if _ON_THE_BASIS_BEFORE.search(answer_norm, max(0, start - 2), start):
        based = _AN_AMOUNT_ON_THE_BASIS_AFTER.match(answer_norm, end)
        if based is not None:
            return based.group()
    before = _A_MULTIPLE_BEFORE.search(answer_norm, max(0, start - 24), start)
    return None if before is None else before.group()


# v22: a duration that dates a time or repeats is no answer for a length of time: 20个月前, 20个月以前, 20个月之前,
# 20个月以来, 20个月来, (over) the past 20 months, 20 months ago (a time counted back from now), 每20个月, 每隔20个月,
# every 20 months (a period: how often), 过去20个月, 最近20个月, the last 20 months (a stretch of the past). A length
# counted forward is one: 20个月后收回投资, 20个月内收回, 在20个月之前收回, 20个月前即可收回 (a deadline), pays
# back after 20 months, recovered in 20 months, 20 months later; so is a lead time before an event (到期30天前通知,
# 提前30天以前通知); and a point that is written so (每20个月, 20个月前) is matched as written.
_EN_NUMBER_WORD = "|".join([*EN_ONES, *EN_TEENS, *EN_TENS])
_TIME_UNIT_AT_END = re.compile(
    "(?P<num>[0-9]+(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十百千廿卅半]+"
    f"|(?<![a-z-])(?:{_EN_NUMBER_WORD}|an?|half an?)(?:[- ](?:{_EN_NUMBER_WORD}))*)(?: and a half)?"
    "[ -]?(?:个半|个)? ?(?P<unit>个?月|个?星期|周|年|天"
    "|个?工作日|个?小时|个?钟头|分钟|秒钟?|季度|(?<![a-z])(?:year|month|week|day|hour|minute|second|quarter|yr|mo|mth|wk"
    "|hr|min|sec)s?)(?:半| and a half)?$"
)
_DATED_AFTER = re.compile(" ?(?:以前|之前|前(?![后提景端置夕期])|以来|来(?= ?[,.;:!?)]|$)|ago(?![a-z]))")
# v23: and in English a time before now or before a time told of (20 months prior, 20 months earlier, 20 months
# before.) and an age (a 20-month-old system, 20 months old) - not a lead time before an event (30 days prior to
# expiry, 30 days before expiry) nor a comparison (2 months earlier than planned)
_DATED_AFTER_EN = re.compile(
    "[ -](?:prior(?! to(?![a-z]))|earlier(?! than(?![a-z]))|before(?= ?[,.;:!?)]|$)|old)(?![a-z])"
)
# ... and a time since an event after "it has been" or "the" (it has been 20 months since launch, in the 20 months
# since launch) - not a length counted from it (the payback is 20 months since launch) nor a reason (20 months since
# the savings are high: "since" as "because")
_BEEN_BEFORE = re.compile("(?<![a-z])(?:(?:has|have|had|it's|it is|it was) been(?: [a-z]+)?|the|these|those) $")
_SINCE_AFTER = re.compile(" since(?![a-z])")
_DEADLINE_BEFORE = re.compile("在 ?(?:约|大约|大概)? ?$")
_ABLE_AFTER = re.compile(" ?(?:就|即|便)?(?:可以|可|能够|能)")
# ... and 前 after an event or 提前 counts back from that event, a lead time: 到期30天前通知, 提前30天以前通知
_LEAD_TIME_BEFORE = re.compile(
    "(?:提前|到期|期满|届满|截止|结束|终止|失效|生效|开始|启动|开工|上线|交付|发货|签约|续约|续费|入住|出发|开会|考试)"
    "(?:日|日期|时间)? ?(?:约|大约|大概)? ?$"
)
_PERIOD_BEFORE = re.compile(
    "(?:每隔|每过|每|过去的?|最近的?|(?<![a-z])(?:every|(?:the|these) (?:past|last|previous|preceding))) ?$"
)


def _counted_back_from_an_event(answer_norm: str, start: int, dated: re.Match[str]) -> bool:
    """The duration at `start`, `dated` (前, 之前, 以前) after it, counts back from an event (到期30天前, 提前30天以前)
    or is a deadline (在20个月之前, 20个月前即可收回), not from now."""
    end = dated.end()
    if dated.group().strip() not in ("前", "之前", "以前"):
        return False
    if _LEAD_TIME_BEFORE.search(answer_norm, max(0, start - 10), start):
        return True
    if _ABLE_AFTER.match(answer_norm, end):
        return True  # 20个月前即可收回: what can be done by then
    return dated.group().strip() != "前" and _DEADLINE_BEFORE.search(answer_norm, max(0, start - 6), start) is not None


def a_time_ago_or_a_period(answer_norm: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The words before (每, every, 过去) or after (前, 以来, ago) that make the duration at start:end a time counted
    back from now or a period rather than a length (v22), as (before, after); else (None, None)."""
    unit = _TIME_UNIT_AT_END.search(answer_norm, start, end)
    if unit is None or (unit.group("unit") == "年" and len(unit.group("num")) == 4):
        return None, None  # not a duration: 2020年前 is before a year
    if unit.group("unit") == "月" and not unit.group().startswith(("半", "个")) and "个" not in unit.group():
        return None, None  # 8月前: before August
    dated = _DATED_AFTER.match(answer_norm, end) or _DATED_AFTER_EN.match(answer_norm, end)
    if dated is None and _BEEN_BEFORE.search(answer_norm, max(0, start - 24), start):
        dated = _SINCE_AFTER.match(answer_norm, end)
    if dated is not None and not _counted_back_from_an_event(answer_norm, start, dated):
        return None, dated.group()
    period = _PERIOD_BEFORE.search(answer_norm, max(0, start - 16), start)
    return (answer_norm[period.start() : start], None) if period is not None else (None, None)


# v19: a figure the answer takes back right after it is no answer: a correction or self-correction that follows it at
# once (after a comma, a dash, an ellipsis, a colon, a full stop or inside a bracket) and gives another figure -
# 20个月（不对，应为24个月）, 20个月——不，是24个月, 20个月，哦不，是24个月, 20个月，更正：24个月,
# 20个月，应该说是24个月, 20个月，准确地说是24个月, 20 months - no, 24 months, 20 months, sorry, 24 months, 20 months;
# correction: 24 months, 20 months, I mean 24 months, 20 months, or rather 24 months - or, in a bracket, a verdict on it
# with or without one (20个月（错误）, 20个月（有误，实为24个月）, 20 months (wrong: 24), (typo: 24 months)). Not one
# that gives the same figure again (20个月，准确地说是20个月; 20 months - no, 20 months exactly) nor no figure (20
# months, sorry for the delay; 20 months, I mean it), not a contrast that names another value as not the answer
# (20个月（不是24个月）, 20 months, not 24), and not a bracket that explains it (20个月（即1年8个月）, （约合1.7年）,
# （不含建设期）, （对，就是20个月）): a bare 不, no, 不是 or sorry takes a mark after it (20 months, no 24-month plans;
# 20个月，不是24个月 - both state it). 实际 and actually are no corrections (计划工期20个月，实际为24个月 states the
# plan), and a verdict word out of a bracket may label the next value (Correct: 20 months. Incorrect: 24 months.).
_TAKEN_BACK_BY = (  # a word of a self-correction followed by a mark before what it gives
    "不|不不|不不不|(?:哦|噢|喔|啊|呃|额|嗯)?不对?|不是|(?:我|刚才)?(?:说|写|算|打)错了|错了|抱歉|不好意思|对不起|口误|笔误"
    "|(?:纠正|更正|订正|修正)一下|等等|等一下"
    "|更新|勘误|修订"  # v26: 更新：应为24个月
    "|(?<![a-z])(?:no|nope|oh|oops|wait|sorry|er|erm|um|uh|my mistake|my bad|scratch that|correction|no wait|wait no"
    "|update|updated|edit|erratum|revised|revision|amendment"  # v26: 20 months. Update: it is 24 months.
    "|that's wrong|that is wrong|that was wrong|i was wrong)(?![a-z])"
)
_TAKEN_BACK_FOR = (  # a word of a correction that the other figure may follow at once
    "更正为|更正|纠正为|纠正|修正为|订正为|应该说是?|应当说是?|应为|应是|应该是|应当是|应改为|我是说|我的意思是"
    "|(?:更)?(?:准确|确切|严格|精确)(?:地|的)?(?:说|来说|讲|而言)(?:是|为)?"
    "|正确(?:的|答案|数字|数值)?(?:应该?)?(?:是|为)"
    # v108: a revision said as done (20个月（已更正为26个月）, （后调整为26个月）, "(corrected to 26 months)", "(revised
    # to 26)")
    "|(?:已经?|现已|后来?)(?:更正|修正|纠正|订正|调整|修订|修改|更新|下调|上调|改)为|(?:调整|修订|修改|更新|下调|上调)为"
    "|(?<![a-z])(?:since |later |now |been )?(?:corrected|revised|updated|changed|amended|adjusted|lowered|raised"
    "|cut|increased|reduced|extended|shortened) to(?![a-z])"
    "|(?<![a-z])(?:i mean|i meant|or rather|rather|make that|or more (?:precisely|exactly|accurately)"
    "|more (?:precisely|exactly|accurately)|to be (?:precise|exact)|correction|should be|should have been|should read"
    "|it should be|the (?:correct|right) (?:figure|number|value|answer) is)(?![a-z])"
)
_COPULA_BEFORE_A_FIGURE = (
    "(?:(?:分别为|分别是|是|为|应为|应是|应该是|其实是|才是|实为|实际为|实际是|实际上是)"
    "|(?<![a-z])(?:it's|it’s|it is|it was|it should be|should be|is|was|the figure is|i meant|i mean)(?![a-z]))"
)
_SELF_CORRECTION_MARK = r"[,:;!.…—–\-]"
_A_NUMBER_WORD = (
    "(?<![a-z])(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)(?![a-z])"
)
# v81: words of counting before a figure (每月5000元, 共20台)
_COUNTED = "(?:(?:每个?(?:月|年|天|日|周|季度|小时|人|台|次|户|家|项) ?){1,3}|共|合计|总计|累计)"  # 每人每月
_DATES_WORDS_BEFORE = re.compile(f"{DATE_WORDS_EN}$")
_ANOTHER_FIGURE = (
    f"(?:{_COPULA_BEFORE_A_FIGURE} ?)?"
    "(?:约|大约|大概|近|(?<![a-z])(?:about|around|roughly|approximately)(?![a-z])|~)? ?"
    # v81: words of counting before it (由每月5000元上调至每月6000元)
    f"{_COUNTED}? ?"
    # v106: a time of day's period before it (原定12点，后改为下午2点; 现改为晚上8点: v105 read no other figure)
    "(?:上午|下午|中午|晚上|凌晨|早上|早晨|傍晚|夜里|夜间)? ?"
    f"{DATE_WORDS_EN}?(?P<figure>{FIGURE_START.pattern}|{_A_NUMBER_WORD})"
)
_TAKEN_BACK = re.compile(
    f" ?(?:左右|上下|整)?(?:{_SELF_CORRECTION_MARK}+|。| ?\\()"
    f"(?: ?(?:(?:{_TAKEN_BACK_BY}) ?{_SELF_CORRECTION_MARK}+|(?:{_TAKEN_BACK_FOR}) ?{_SELF_CORRECTION_MARK}*)){{1,4}}"
    f" ?{_ANOTHER_FIGURE}"
)
_VERDICT_IN_A_BRACKET = re.compile(
    " ?\\( ?(?:(?:此处|此数|该数字?|这个数字?|这里|原文)?(?:有误|错误|错|不对|不正确|不准确|笔误|口误|待更正)"
    "|(?<![a-z])(?:wrong|incorrect|not correct|not right|inaccurate|a typo|typo|error|an error|mistake|a mistake"
    "|should be corrected)(?![a-z]))"
    " ?(?=[),:;.!]| ?[-—–] )"  # v40: (wrong - it is 18%)
    # v32: or calls it out of date (20个月（已作废）, 20 months (outdated), (superseded by 24 months))
    "| ?\\( ?(?:(?:该|此|这个?)?(?:数据|数字|数值|说法|估计)?(?:已经?|早已)?(?:作废|过时|失效|废弃|被取代)(?:了)?"
    "|(?<![a-z])(?:outdated|obsolete|superseded|out of date|out-of-date|no longer valid))"
    " ?(?=[),:;.!]|by )"  # the verdict on it, not on another thing (（过时数据已剔除）, (outdated data excluded))
)


# v41: or a sentence that calls it out of date or void after it, out of brackets (The ROI of 20% is outdated; it is
# now 18%, the 20% figure is no longer valid, 20% no longer applies, ROI为20%的数据已过时, 20%的ROI已经过时了) - v40
# read only a bracket; not a verdict on another thing (the outdated benchmark of 12%, 设备已过时: after a comma)
_OUT_OF_DATE_AFTER = re.compile(
    r"(?: (?:[a-z]+ ){0,2}?(?:is|was|are|were) (?:now |already |clearly )?(?:outdated|obsolete|out of date|out-of-date"
    r"|stale|superseded|void|no longer (?:valid|accurate|current|correct|applicable|relevant))"
    r"| (?:[a-z]+ ){0,2}?no longer (?:applies|apply|holds|hold|stands))(?![a-z])"
    "| ?(?:的[^,;。!?\n]{0,6}?)?"
    "(?:(?:已经?|早已|均已|都已)(?:过时|失效|作废|废弃|不再适用|不适用)|不再适用|(?:已经?)?被取代)"
)


# v25: ... or a cross mark right after it (合同金额：1200万元 ❌ 1500万元 ✅) - not a mark in the next table cell
_CROSSED_OUT_AFTER = re.compile(f" ?{CROSS}")  # v71: every cross is `CROSS`


# v19: the other figure of a correction or a change is another value of the point's quantity where none of the
# point's forms matches it and it is of the point's kind: a duration for a duration (20个月 -> 24个月, 2 years), an
# amount of money for one (300万元 -> 350万元), a percentage for one, else the same unit - or a bare number that ends
# its part (20 months (wrong: 24)). 20个月。抱歉，3个附件无法提供 and 20 months. No, 2 installments are not required
# name other things.
_NUMBER_AT = re.compile(
    "[-+~]?(?:[0-9][0-9,.]*|["
    + "".join(sorted(NUMERAL_CHARS - frozenset("0123456789")))
    + "点]+|"
    + _A_NUMBER_WORD
    + "(?:[- ]"
    + _A_NUMBER_WORD
    + ")?) ?"
)
_CURRENCY_BEFORE = re.compile(f"{_CURRENCY}(?=[0-9])")
_LAST_NUMBER = re.compile(_NUMBER_AT.pattern.removesuffix(" ?") + "(?=[^0-9]*$)")
_MONEY = re.compile(
    "(?:万元|亿元|千元|百万元|元|万|亿|美元|港币|欧元|英镑|港元|日元"
    "|(?:yuan|dollars?|usd|rmb|euros?|eur|pounds?|gbp|yen|jpy|hkd|million|billion|thousand|k)(?![a-z]))"
)
_UNIT_KINDS = (
    re.compile(
        "(?:年|个月|月|周|星期|天|日|小时|个小时|钟头|分钟|秒|(?:years?|months?|weeks?|days?|hours?|minutes?"
        "|seconds?)(?![a-z]))"
    ),
    _MONEY,
    re.compile("(?:%|个百分点|(?:percent|per cent|percentage points?)(?![a-z]))"),
)
# a calendar year (2026年), which is no value of a length or an amount
_CALENDAR_YEAR = re.compile("(?:19|20)[0-9]{2} ?年(?!代)")
_A_MONTH = re.compile("[0-9]{1,2} ?月(?![0-9])")
_ENDS_A_PART = re.compile(r" ?(?:[)。!?;,\n]|\.(?=\s|$)|$)")


def unit_after(text: str, pos: int) -> tuple[str, int]:
    """The text after the number at `pos` (its unit first; past a currency mark before it: $1.5 million) and where it
    starts."""
    currency = _CURRENCY_BEFORE.match(text, pos)
    pos = currency.end() if currency is not None else pos
    number = _NUMBER_AT.match(text, pos)
    at = number.end() if number is not None else pos
    return text[at:], at


# v30: the point's forms are looked for around the other figure, not in the whole answer: a former value repeated
# ("20个月，已修订为24个月。" 460 times) searched the whole answer once for each occurrence (27 s for 3,000 characters)
_FORM_WINDOW = 200


def _a_form_at(answer_norm: str, figure: int, forms: Sequence[Pattern]) -> bool:
    """Whether one of the point's forms stands at `figure` in the answer (24个月 is no other value of 2年)."""
    low = max(0, figure - _FORM_WINDOW)
    window = answer_norm[low : figure + _FORM_WINDOW]
    return any(found.start <= figure - low < found.end for form in forms for found in form.search(window))


_APPROXIMATIONS = "左右|上下|前后|出头|有余"
_APPROXIMATION_ENDING = re.compile(f" ?(?:{_APPROXIMATIONS})$")


def another_value(answer_norm: str, start: int, end: int, figure: int, forms: Sequence[Pattern]) -> bool:
    """The figure at `figure` is another value of the quantity at start:end: none of the point's `forms` matches it,
    and it is of the same kind (`_UNIT_KINDS`, else the same unit) or a bare number that ends its part."""
    if _a_form_at(answer_norm, figure, forms):
        return False
    text = answer_norm[start:end]
    # v78: 由2025年6月推迟到2025年8月, moved from June 2025 to August 2025 - another date; v81: or a month (延期至8月)
    if A_DATE.match(text) and (
        A_DATE.search(answer_norm, max(0, figure - 30), figure + 8) or _A_MONTH.match(answer_norm, figure)
    ):
        return True
    last = _LAST_NUMBER.search(text)
    unit = text[last.end() :].strip() if last is not None else ""
    unit = _APPROXIMATION_ENDING.sub("", unit)  # v114: 4300人左右 is in 人 (v82 reads the former figure to its 左右)
    if _CALENDAR_YEAR.match(answer_norm, figure) and not _CALENDAR_YEAR.match(text, last.start() if last else 0):
        return False  # v28: 20个月 → 2026年开始盈利 - a date, no other length
    other, at = unit_after(answer_norm, figure)
    if _ENDS_A_PART.match(answer_norm, at) or not unit:
        return True  # (wrong: 24), 20个月，不，24。
    if other.startswith(unit):
        return True
    if _CURRENCY_BEFORE.match(answer_norm, figure) is not None and _MONEY.match(unit):
        return True  # v29: $1.2 million -> $1.5 million
    return any(kind.match(unit) and kind.match(other) for kind in _UNIT_KINDS)


# v19: a former value the answer says has changed is no answer: 回收期由20个月延长至24个月, 从20个月调整为24个月,
# 回收期原为20个月，现调整为24个月, 原来是20个月，现在是24个月, previously 20 months; it is now 24 months - a change
# from the figure to another one, or the figure marked as former (原为, 原来, 原先, 原本, 此前, originally, previously,
# formerly, used to be) and another figure marked as current (现在, 现已, 现为, 目前, 如今, now, currently) later in
# its sentence. Not the same figure again (原为20个月，现在仍是20个月), a former value alone (回收期原为20个月), two
# plans (旧方案20个月，新方案24个月), nor plan and actual (原计划20个月，实际24个月); 最初 and initially are left alone
# (最初20个月免租: the first 20 months).
# v20: and in English, a verb of change before "from" and "to" before the other figure (rose from 20% to 24%, was
# increased from 20 months to 24 months, went from 20 to 24; not "cut from 24 months to 20 months", which credits 20
# months, nor a range without a verb: from 20 to 24 months); "up from" and "down from" before the figure (24%, down
# from 20%) with no other figure needed; "was" or "were" right before it where a "now" or a "but after / since /
# following" clause gives another figure later in its sentence (was 20 months, but after the price change it is 24
# months; was 20 months, it is now 24 months).
_EN_CHANGE_VERBS = (
    "rose|risen|rise|rises|increased|increase|increases|decreased|decrease|decreases|dropped|drops|fell|fallen|falls"
    "|grew|grown|grows|went|gone|goes|changed|change|changes|moved|raised|lowered|reduced|cut|extended|shortened"
    "|shrank|shrunk|climbed|jumped|declined|slipped|adjusted|revised|updated|lengthened|expanded|lifted|slashed"
    "|trimmed|upgraded|downgraded|edged|soared|plunged|tumbled|doubled|halved|shifted|switched"
    "|postponed|delayed|deferred|rescheduled|pushed|brought|advanced"  # v78: a date moved
)
_CHANGED_FROM = re.compile(
    f"(?:从|由) ?(?:{_COUNTED} ?)?(?:约|大约|大概|将近|接近|近|~)? ?$"  # v82: 由约20个月缩短为18个月
    f"|(?<![a-z])(?:{_EN_CHANGE_VERBS})(?: [a-z]+ly)?(?: (?:up|down|back))? from (?:a |an |the )?"
    "(?:about |around |roughly |approximately |nearly |almost |some |~ ?)?$"  # v82: from about 20 months
)
# v108: the verbs of a change of level, one list for 从X…到Y and X，后…到Y - v107 read 降至 but not 降到, 降到了,
# 跌到, 扩充到, 精简到, 砍到, 拖到, 变成了 (ROI从20%降到了12%, 团队从12人扩充到20人, 预算从200万砍到150万)
_CHANGE_VERBS_ZH = (
    "延长|缩短|增加|减少|提高|降低|调整|变更|修改|修订|更新|上调|下调|提升|下降|上升|增长|压缩"
    "|推迟|延迟|延后|推后|顺延|提前|改期"  # v78: a date moved (从2025年6月推迟到2025年8月)
    "|扩充|扩大|扩张|扩编|扩展|扩容|增补|追加|精简|缩减|缩水|缩小|缩编|削减|裁减|裁撤|收缩|萎缩|滑落|回落|回升|攀升"
    "|飙升|跃升|暴涨|暴跌|下滑|下跌|上涨|跌落|翻番|拉长|拖延|改变|降|跌|掉|落|涨|升|增|减|缩|扩|延|拖|推|拉|砍|削"
    "|裁|压|提|调|变|改"
)
_CHANGED_TO_ZH = f"(?:被|已经|已|又|再|一路|逐步|逐渐|进一步|大幅|直接)*(?:{_CHANGE_VERBS_ZH})了?(?:为|至|到|成)了?"
_CHANGED_TO = re.compile(  # (从20%的基础上提升到25%)
    f" ?(?:(?:的基础上|的水平上?)?{_CHANGED_TO_ZH}|(?<![a-z])to(?![a-z])) ?" + _ANOTHER_FIGURE
)
# v25: an arrow after the figure changes it to another (20个月→24个月, 20 months -> 24 months, → revised to 24 months)
_ARROW_TO = re.compile(
    # v63: and ➜, ⟹, an arrow emoji's variation selector (ROI: 20% ➜ 25% was credited for ROI 20%)
    " ?(?:→|->|=>|⟶|➡|➔|⇒|➜|⟹)\ufe0f? ?(?:(?:revised|changed|adjusted|updated|raised|increased|extended|cut|lowered"
    "|reduced|decreased|shortened) to |(?:调整|修改|变更|上调|下调|延长|缩短)?(?:为|至|到) ?)?" + _ANOTHER_FIGURE
)
_UP_OR_DOWN_FROM = re.compile("(?<![a-z])(?:up|down) from (?:a |an |the )?$")
# v108: the level a change reaches said before where it came from (Payback grew to 26 months from 20 months)
_TO_THEN_FROM = re.compile(
    f"(?<![a-z])(?:{_EN_CHANGE_VERBS})(?: [a-z]+ly)?(?: (?:up|down|back))? to [^,;.!?]{{1,30}}? from "
    "(?:a |an |the |about |around |roughly )?$"
)
# v30: a revision right after the figure changes it to another, with no "from" before it and no "now" after it
# (previously $1.2 million but has been revised to $1.5 million, 此前为20个月，已修订为24个月,
# 最初估计20个月，后修订为24个月 - v29 credited them): a verb of revision and "to" or 为 with nothing but a
# conjunction, a pronoun and an auxiliary between. Not a revision of something else (20个月，调整后的IRR为15%: no 为
# right after the verb).
_REVISED_TO = re.compile(
    "[ ,，;；]*(?:(?:but|and|which|however|though|since|later|subsequently|it|this|that|has|have|had|was|were|is|been"
    "|then|at first|initially|eventually|finally"  # v109: The quote was 200万元 at first, then cut to 180万元
    "|the (?:figure|estimate|number|value|forecast|projection|amount))[ ,]+){0,5}"
    "(?:revised|updated|corrected|amended|changed|adjusted|extended|shortened|raised|lowered|cut|increased"
    "|reduced)(?: (?:up|down|upward|downward|upwards|downwards))? to " + _ANOTHER_FIGURE
)
# v106: a check that revised it (此前估算ROI为20%，修正后为12%; 初步测算ROI为20%，复核后下调至12%; ROI初算20%，经审计
# 调整为12%; 财务部门给出的ROI是20%，但审计后是12%; ROI为20%是我们最初的估计，已被修正为12%) - v105 read a revision's
# verb right after the comma only
_CHECKED = "(?:经过?)?(?:审计|复核|核算|核实|核查|重新测算|重新核算|重新评估|重新计算|进一步测算|详细测算|实测)"
_NAMED_AN_EARLY_ESTIMATE = (
    "(?: ?(?:是|为)(?:我们|他们|公司|团队|财务部门)?的?(?:最初|最早|之前|此前|原先|原来|初步|早先|早期)的?"
    "(?:估计|估算|测算|预测|数字|判断|预估))?"
)
_REVISED_TO_ZH = re.compile(
    f"{_NAMED_AN_EARLY_ESTIMATE}[ ,，;；]*(?:但是|但|随后|之后|后来|后|现已|现|已经|已|又|被|而)*"
    f"(?:(?:{_CHECKED}(?:后|之后|以后)?)?"
    "(?:修订|修改|修正|更正|调整|更新|变更|更改|改|下调|上调)了?(?:后|之后)?(?:为|至|到|成)了?"  # v100: 后改为9月
    "|应(?:为|是|该是|当是|改为|更正为)"  # v106: 上文提到的20个月应为26个月
    f"|{_CHECKED}(?:后|之后|以后)(?:的结果)?(?:为|是)) ?" + _ANOTHER_FIGURE
)
# v40: or, after a comma, a verb of the change itself (回收期20个月，延长至24个月; ROI为20%，后下调至18%) - not
# 从30%降到20 (v10: a change's start, with no comma, stays credited)
# v81: and the figure's noun before the comma (共20台服务器，现已增至30台), 增至 and its kin
_CHANGED_AFTER_ZH = re.compile(
    # v109: an aside in a bracket after the figure, and a phase before the change (85%（试点数据），全面推广后降至70%;
    # 报价200万元，谈判后降到180万元)
    "(?:\\([^()]{1,12}\\))?[\u4e00-\u9fff]{0,4}?[ ,，;；]+"
    "(?:(?:全面|正式|大规模)?(?:推广|上线|投产|运行|优化|升级|谈判|议价|复核|审计|改造|扩容|调价|涨价|降价)(?:后|以后|之后))?"
    "(?:但是|但|随后|之后|后来|后|现已|现|已经|已|又|被)*"
    f"{_CHANGED_TO_ZH} ?" + _ANOTHER_FIGURE  # v108: 团队12人，后扩充到20人; ROI 20%，后来降到了12%
)
# v27: and a time in the past (两年前, 去年, 当时, two years ago, last year): Chinese has no past tense, so
# 两年前回收期是20个月，现在是24个月 is "was 20 months, now 24" (v26 credited 20个月)
# v31: and a beginning (最初, 起初, 一开始, initially, at first) where a "now" gives another figure of the same quantity
# later (最初估计回收期为20个月，现在是24个月; "was initially estimated at 20 months, but is now 24 months" - v30
# credited them); alone it is no former value (最初20个月免租: the first 20 months; "Initially payback is 20 months")
_FORMER = re.compile(
    "原(?:为|是|来|先|本|定|计划|估计|预计|估算|预估)|(?<![无没])(?:计划|预计|预定|拟)(?:于|在)?$|此前|最初|起初|最开始|一开始|刚开始"
    # v81: a time gone by (过去是30%，如今只有25%; 曾经达到30%，现在是25%; 以往, 早前, 先前) - a "now" must follow
    "|过去|曾经|曾(?:为|是|达|高达|一度|在)|以往|往年|早前|早先|先前|一度"  # v108: 一度高达20%，如今只有12%
    # v108: and the time before an event (涨价前回本周期为20个月，现在是26个月) - a "now" must follow as well
    "|(?<=[\u4e00-\u9fff]{2})(?<![目提当眼空面跟向从以之此])前(?![面后往进景期提端置夕台沿线])"
    "|(?<![a-z])(?:originally|previously|formerly|used to be|initially|initial|at first|in the past|earlier"
    # v106: and the past habit of other verbs (Payback used to take 20 months, Backups used to run at 12:00, It used
    # to cost 5,000 yuan) - v105 read "used to be" alone
    "|used to (?:take|run|cost|last|need|require|start|happen|occur|charge|sit|stand|stay|hover|come in)"
    "(?: (?:at|in|for|to|about|around|roughly))?"
    # "once" only of a past state (was once 30%, once stood at 30%), not the conjunction (once ROI reaches 20%)
    "|(?:was|were) once|once (?:was|were|stood|reached|hit|topped))(?![a-z])"
    "|(?<![a-z])(?:was|were)(?: about| around| roughly| approximately)? $"
    # v52: and a past verb of holding (The ROI stayed at 20% until 2023; it is now 15%)
    "|(?<![a-z])(?:stayed|remained|held|stood|hovered|sat)(?: steady| stable)?(?: at)?"
    "(?: about| around| roughly| approximately)? $"
    "|[0-9一二两三四五六七八九十几半]+ ?个?(?:年|月|季度|星期|周|天)(?:以|之)?前"
    "|去年|前年|上个?(?:月|季度)|以前|之前|当时"
    "|(?<![a-z])(?:ago|last (?:year|quarter|month)|at the time)(?![a-z])"
)
_NOW_ANOTHER = re.compile(
    "(?:(?!\\. )[^。!?\n]){0,40}?"
    "(?P<now>现(?:在|已|为|是|调|改|变|增|降|延|缩|行|阶段|推|提)|目前|如今|当前|眼下"
    "|最新|最近一次"  # v81: the latest estimate (此前预计20个月，最新预计24个月)
    "|(?<![a-z])(?:now|currently|at present|today|presently|nowadays|these days|at the moment|latest)(?![a-z]))"
    "(?:(?!\\. )[^。!?\n,;]){0,16}?" + _ANOTHER_FIGURE
)
# v28: the words between the "now" and its figure that name no quantity: a copula, an adverb, a verb of change, a
# pronoun (现在是, 现已调整为, 目前仍为, now it is, it has since been cut to)
_NOW_FILLER = re.compile(
    f"{_COUNTED}|[ ,，:：、;；.]|现在|现行|现阶段|现|目前|如今|当前|眼下|最新|最近一次|已经|已|仍然|仍|还是|还|也|则"
    "|的|了|只|仅|约|大约|大概"
    "|达到|达|需要|需|要|花费|耗时|是|为"  # v31: a copula names nothing (最初…为20个月，现在是24个月)
    "|左右|上下|前后|有余|出头|开外|多|余|许"  # v81: an approximation (过去回收期20个月有余，如今为26个月)
    "|(?:调整|修改|修正|变更|更新|上调|下调|延长|缩短|增加|减少|提高|降低|提升|增长|下降|复核|测算|重新测算"
    # v81: a date moved (原定2025年6月上线，现推迟至2025年8月), an estimate (最新预计24个月), a holding (如今只有25%)
    "|推迟|延迟|延后|推后|顺延|提前|延期|改期|预计|预期|估计|只有|仅有|有)(?:后|为|至|到|成)?"
    "|(?:变|改|缩|延|增|降|升|减)(?:为|至|到|成)"
    "|(?<![a-z])(?:now|currently|at present|today|presently|nowadays|these days|at the moment|latest|it|it's|it’s|this"
    "|that|they|we|is|are|has|have|had|been|since|stands|sits"
    "|at|only|just|about|takes|take|needs|requires|costs|comes|amounts"
    "|run|runs|happens|occurs|starts|begins|charges|lasts"  # v106: now run at 14:00, now it lasts 24 months
    "|around|roughly|down|up|to|revised|changed|adjusted|raised|increased|extended|cut|lowered|reduced|decreased"
    "|shortened|rose|fell|risen|fallen|the figure|the|a|an|year|years|quarter|quarters|month|months|later"
    "|looks like|looks|seems|appears|expects?|estimates?|projects?|forecasts?|predicts?|sees?"  # v43
    # v81: a date's schedule (now scheduled for August 2025, is now due in Q4 2025)
    "|scheduled|planned|slated|set|due|expected|estimated|projected|targeted|for|in|on|by)(?![a-z])"
)
# where a sentence, a list item or a heading ends in a normalised answer (a list item's mark is •)
_SENTENCE_MARKS = ("\n", "。", "!", "?", ";", "；", "•", "#", "|", ". ")
# a time gone by after the "now" (现在2年过去了, now 2 years on): no value of the quantity
ELAPSED = re.compile(
    "[0-9.一二两三四五六七八九十几半]+ ?个?(?:年|季度|月|星期|周|天)(?:过去|之后|以后|后|以来)"
    "|[0-9.]+ (?:years?|quarters?|months?|weeks?|days?) (?:later|on|have passed|has passed|after)(?![a-z])"
)
_ELAPSED_BEFORE = re.compile("(?:过去|过了|度过)了? ?$")
# v29: English names the quantity of the "now" figure after it as well (now 3.4 million remains, 3.4 million is now
# outstanding, has been paid): another quantity, not a new value of the former one
ANOTHER_QUANTITY_AFTER = re.compile(
    " ?(?:万元|亿元|万|亿|%|(?:million|billion|thousand|months?|years?|percent|k|m|bn)(?![a-z]))?"  # its unit
    " ?(?:yuan|dollars?|usd|rmb|euros?)?(?: in total)? ?(?:(?:is|are|has|have|had|was|were|still|now|been|being|yet|so"
    " far) )*(?:remains?|remaining|left|outstanding|unpaid|owed|owing|overdue|pending|due(?! to)|collected|received"
    "|paid|repaid|recovered|spent|used|invoiced|billed|to go|to be (?:paid|collected|received))(?![a-z])"
)
# v81: after a former value, a verb of its change since, with no "now" (Gross margin was once 30%, but has fallen to
# 25%; 毛利率曾经达到30%，后来降到了25%; 原定于2025年6月上线，后延期至8月)
_CHANGED_SINCE = re.compile(
    "(?:[ ,;，；]*(?:(?:but|and|yet|it|this|that|has|have|had|since|then|later|subsequently)[ ,]+){0,4}"
    "(?:fallen|dropped|risen|rose|fell|declined|climbed|grown|shrunk|slipped|sunk|sank|moved|shifted|slid"
    "|(?:been|was|were) (?:cut|raised|reduced|lowered|revised|changed|adjusted|extended|shortened|moved|pushed back"
    "|postponed|delayed|deferred|rescheduled|brought forward))(?: back| down| up| forward)? to "
    "|(?:[^,;，；。!?\n]{0,8}?[,;，；])?[ ,;，；]*(?:但是|但|而|可是|不过|随后|之后|后来|后|又)*"
    "(?:(?:因为?|由于|受)[^,;，；。!?\n]{0,12}?)?(?:已经|已|又|则|被)?"
    "(?:降|跌|升|涨|增|减|缩|回落|下滑|攀升|下降|上升|增长|减少|延长|缩短|推迟|延迟|延后|推后|顺延|延期|改期|提前"
    # v100: a change of plan in words of change alone (原定6月上线，后改为9月; 后调整为, 后来改到了, 后更改为)
    "|调整|改|更改|变更|修改|修正|下调|上调)"
    "了?(?:至|到|为|成)了? ?)" + _ANOTHER_FIGURE
)
# v108: or "it is" another figure "now", the "now" after it (Payback was 20 months; it is 26 months now)
_IT_IS_NOW_AFTER = re.compile(
    "[^。!?\n;]{0,40}?[,;] ?(?:but |and )?(?:it|this|that|payback)(?: is|'s| stands at| has become)"
    "(?: about| around| roughly)? " + _ANOTHER_FIGURE + "[^.;!?\n]{0,14}?(?<![a-z])now(?![a-z])"
)
_BUT_AFTER_ANOTHER = re.compile(
    "[ ,;]*but (?:after|since|following|as of|from)(?![a-z])"
    "(?:(?!\\. )[^。!?\n;]){0,60}?(?<![a-z])(?:is|are|it's|has been|have been|stands at|will be) " + _ANOTHER_FIGURE
)


# v32: a former value in a bracket after the new one is no answer: 24个月（原20个月）, 回收期24个月（此前为20个月）,
# （旧值：20个月）, Payback: 24 months (was 20 months), (previously 20 months), (old estimate: 20 months) - v31
# credited 20个月. Another figure of the point's kind must come right before the bracket (a former value alone stays
# the answer: v27), and a plan is no former value (实际24个月（原计划20个月）: plan and actual, v19).
_FORMER_IN_A_BRACKET = re.compile(
    "\\( ?(?:原来|原先|原本|原为|原|此前为?|之前为?|以前为?|先前为?|旧值|旧|前值|上次|上期"
    "|[\u4e00-\u9fff]{2,4}(?<![目提当眼])前(?:测算|估计|估算|预计|预测)?(?:为|是)?"  # v108: 26个月（涨价前为20个月）
    "|(?<![a-z])(?:was|previously|formerly|originally|old(?: estimate| value| figure)?"
    "|previous(?: estimate| value| figure)?|prior(?: estimate| value)?|earlier(?: estimate)?)(?![a-z]))"
    "(?: ?(?:是|为|:|of|at|was|is))? ?$"
    # v106: a bracket that says "not the earlier estimate" (26个月（而非此前估计的20个月）), and an earlier estimate
    # after a comma (回本周期：26个月，原估20个月) - an estimate, not a plan: 实际24个月，原计划20个月 stays v19's two
    # facts
    "|\\( ?(?:而非|而不是|并非|不是)(?:此前|之前|原先|原来|最初|早先)?(?:估计|预计|估算|测算|说|提到|给出)?的? ?$"
    "|[,;] ?(?:原估计?|原先估计|此前估计|之前估计|原估算|原为|原来是|之前是|此前为) ?$"
)
_BRACKET_REACH = 32


def _former_in_a_bracket(answer_norm: str, start: int, end: int, forms: Sequence[Pattern]) -> str | None:
    """The bracket that names the figure at start:end a former value right after another one (v32); else None."""
    before = answer_norm[max(0, start - _BRACKET_REACH) : start]
    if start == 0 or not ("(" in before or "," in before or ";" in before):
        return None
    bracket = _FORMER_IN_A_BRACKET.search(answer_norm, max(0, start - _BRACKET_REACH), start)
    if bracket is None:
        return None
    other = _LAST_NUMBER.search(answer_norm, max(0, bracket.start() - 16), bracket.start())
    if other is None or not another_value(answer_norm, start, end, other.start(), forms):
        return None
    return answer_norm[bracket.start() : start]


_APPROXIMATE_AFTER = re.compile(f" ?(?:{_APPROXIMATIONS})")


# v89: a figure in a bracket labelled a former one after it (24 months (20 months was last year's estimate), 24个月
# （20个月为去年的估计）)
_LABELLED_FORMER_AFTER = re.compile(
    " ?(?:was|is|being|=) (?:last year's|the previous|the old|the earlier|an earlier|the original|the former|a prior"
    "|the prior|our earlier|our previous|the initial) (?:estimate|figure|value|plan|number|forecast|target)s?(?![a-z])"
    "| before (?:the|its|our|their|a|an) [a-z -]{1,30}?\\)"  # v108: 26 months (20 months before the price hike)
    "| ?(?:为|是)(?:去年|之前|此前|原来|原先|早先|上一版|上次|最初|原)的?"
    "(?:估计|估算|数据|数字|预测|计划|值|数值|预估|测算)"
)


def a_former_value(answer_norm: str, start: int, end: int, forms: Sequence[Pattern]) -> str | None:
    """The words that make the figure at start:end a former value changed to another figure (v19: 由20个月延长至24个月,
    原为20个月，现调整为24个月); else None."""
    bracketed = _former_in_a_bracket(answer_norm, start, end, forms)
    if bracketed is not None:
        return bracketed
    if BRACKET_OPENED_BEFORE.search(answer_norm, max(0, start - 2), start):
        labelled = _LABELLED_FORMER_AFTER.match(answer_norm, end)
        if labelled is not None:
            return labelled.group()  # v89: 24 months (20 months was last year's estimate)
    if (month := _DATES_WORDS_BEFORE.search(answer_norm, max(0, start - 30), start)) is not None:
        start = month.start()  # v78: the figure of March 2024 is its year; the change is from the month
    end = end_of_the_date(answer_norm, end)  # v78: 从2024年3月推迟到2025年3月 for 2024年
    approximate = _APPROXIMATE_AFTER.match(answer_norm, end)
    end = approximate.end() if approximate is not None else end  # v82: 从20个月左右缩短到18个月, 20个月左右→24个月
    labelled = LABEL_OF_AN_END.match(answer_norm, end)
    end = labelled.end() if labelled is not None else end  # v87: 从20个月（原计划）缩短到18个月
    part_start = start_of_part(answer_norm, start)
    up_or_down = _UP_OR_DOWN_FROM.search(answer_norm, part_start, start) or _TO_THEN_FROM.search(
        answer_norm, part_start, start
    )
    if up_or_down is not None:
        return up_or_down.group().strip()  # v20: 24%, down from 20%
    changed = _CHANGED_TO.match(answer_norm, end) if _CHANGED_FROM.search(answer_norm, part_start, start) else None
    former = _FORMER.search(answer_norm, _past_its_asides(answer_norm, part_start), start) is not None
    if changed is None and former:
        changed = (
            _NOW_ANOTHER.match(answer_norm, end)
            or _BUT_AFTER_ANOTHER.match(answer_norm, end)
            or _CHANGED_SINCE.match(answer_norm, end)
            or _IT_IS_NOW_AFTER.match(answer_norm, end)
        )
        if changed is not None and not _now_names_the_same(changed, _sentence_before(answer_norm, part_start, start)):
            changed = None  # 此前已签约1200万元，目前已回款860万元: another quantity now, not a new value
    if changed is None:
        changed = _ARROW_TO.match(answer_norm, end)  # v25: 20个月→24个月
    if changed is None:
        changed = _REVISED_TO.match(answer_norm, end) or _REVISED_TO_ZH.match(answer_norm, end)  # v30
    if changed is None:
        changed = _CHANGED_AFTER_ZH.match(answer_norm, end)  # v40: 回收期20个月，延长至24个月
    if changed is None:
        changed = _final_after_a_preliminary(answer_norm, part_start, start, end)  # v106: 初步…，最终为12%
    if changed is None and former:
        free = _FREE_NOW.match(answer_norm, end)
        if free is not None:
            return free.group()  # v106: 原来每月5000元，现在免费
    if changed is None:
        return None
    if not another_value(answer_norm, start, end, changed.start("figure"), forms):
        return None  # 原为20个月，现在仍是20个月
    return changed.group()


# v109: a level left with no new figure (ROI已从20%回落, ROI一度达到20%，后来有所回落, "ROI has fallen back from
# 20%") - v108 read a change only to another figure (从20%降到12%). Not a level held or reached (ROI保持在20%, 已回升
# 至20%), nor one named as the peak it fell from (ROI从高峰时的20%回落, "fallen from its 20% peak": a question may ask
# the peak).
_LEFT_FROM_BEFORE_ZH = re.compile("(?:从|由) ?$")
_MOVES_ZH = "回落|下滑|下降|下跌|跌落|滑落|回调|萎缩|降下来|回升|上升|攀升|上涨|增长|提升"
_LEFT_AFTER_ZH = re.compile(f" ?(?:已经?|有所|大幅|明显|逐步|逐渐|开始)?(?:{_MOVES_ZH})了?(?=[,，。;；!?\n]|$)")
_LEFT_FROM_BEFORE_EN = re.compile(
    "(?<![a-z])(?:fallen|fell|dropped|declined|slipped|slid|come down|came down|retreated|eased|risen|rose|climbed"
    "|grown|grew)(?: back| sharply| steadily| slightly)? from (?:its |the |a |an )?$"
)
_LEFT_AFTER_EN = re.compile("(?= ?(?:[,;!?]|\\.(?=\\s|$)|$))")
_ONCE_BEFORE = re.compile("(?:一度|曾经?|最高时|高峰时|巅峰时)(?:高达|达到了?|达|为|是|升至|冲到)? ?$")
_LEFT_LATER_ZH = re.compile(
    " ?[,，] ?(?:但|不过|而)?(?:后来|随后|此后|之后|如今|现在|目前)(?:已经?|又)?(?:有所|大幅|明显|逐步|逐渐)?"
    f"(?:{_MOVES_ZH})了?(?=[,，。;；!?\n]|$)"
)


def left_with_no_new_figure(answer_norm: str, start: int, end: int) -> str | None:
    """The words that move the level at start:end away with no new figure (v109); else None."""
    if _LEFT_FROM_BEFORE_ZH.search(answer_norm, max(0, start - 8), start):
        after = _LEFT_AFTER_ZH.match(answer_norm, end)
        if after is not None:
            return after.group()
    moved = _LEFT_FROM_BEFORE_EN.search(answer_norm, max(0, start - 40), start)
    if moved is not None and _LEFT_AFTER_EN.match(answer_norm, end):
        return f" ({moved.group().strip()})"  # shown after the figure: 20% (fallen back from)
    if _ONCE_BEFORE.search(answer_norm, max(0, start - 8), start):
        later = _LEFT_LATER_ZH.match(answer_norm, end)
        if later is not None:
            return later.group()
    return None


# v106: a plan's figure called off or put off with no new figure (2025年7月上线的计划已经取消, 原定2025年7月的上线已
# 取消, 上线时间从2025年7月推迟, 上线时间已推迟，原定2025年7月, "The July 2025 date was dropped") - v105 read a change
# only to another figure. Not a postponement denied (原定2025年7月上线，没有推迟) nor a plan confirmed.
_CALLED_OFF_AFTER_ZH = re.compile(
    " ?(?:的|之)?(?:上线|发布|交付|投产|开业|上市|会议|活动|采购|预算|方案|项目|排期|里程碑|版本"
    "|月费|年费|费用|服务费|套餐|价格|报价|定价|收费)?(?:的)?(?:计划|安排|日期|时间|标准)?"  # v106: a fee or a package
    "(?:已经?|已被|被|现已|均已|也已)?(?:取消|撤销|作废|搁置|叫停|终止|放弃|推迟|延期|延后|推后|停止收取|停收|下架|废止|提前|改期)了?"
    "(?=[,，。;；!?\n)]|$)"
)
_PUT_OFF_FROM_ZH = re.compile("(?:从|自) ?$")
_PUT_OFF_AFTER_ZH = re.compile(" ?(?:已经?|被)?(?:推迟|延期|延后|推后|顺延|提前|改期)了?(?=[,，。;；!?\n)]|$)")
_A_PLAN_BEFORE = re.compile("(?:原定|原计划|原本计划|原先计划|原来计划|原先定在|原定于|原计划于) ?$")
_PUT_OFF_IN_THE_SENTENCE = re.compile("(?:已经?|已被|被)?(?:推迟|延期|延后|推后|取消|改期|搁置|叫停)")
_NEGATION_JUST_BEFORE = re.compile("[没未不非无][^,，。;；]{0,2}$")
_CALLED_OFF_AFTER_EN = re.compile(
    r"(?: [a-z-]+){0,2} (?:date|deadline|launch|release|plan|target|schedule|timeline|go-live|milestone|fee|price"
    r"|charge|subscription|pricing|rate)s?"
    r" (?:was|were|has been|have been|had been|is|are) (?:now )?(?:dropped|scrapped|abandoned|cancell?ed|pushed back"
    r"|postponed|delayed|missed|called off|shelved|withdrawn|removed|discontinued|eliminated|abolished)(?![a-z])"
)


def called_off(answer_norm: str, start: int, end: int) -> str | None:
    """The words that call off or put off the plan whose figure is at start:end, with no new figure (v106); else
    None."""
    after = _CALLED_OFF_AFTER_ZH.match(answer_norm, end) or _CALLED_OFF_AFTER_EN.match(answer_norm, end)
    if after is not None:
        return after.group()
    if _PUT_OFF_FROM_ZH.search(answer_norm, max(0, start - 2), start):
        put_off = _PUT_OFF_AFTER_ZH.match(answer_norm, end)
        if put_off is not None:
            return put_off.group()
    plan = _A_PLAN_BEFORE.search(answer_norm, max(0, start - 8), start)
    if plan is None:
        return None
    sentence_start = last_end(SENTENCE_END, answer_norm, start)
    sentence_end = next_start(SENTENCE_END, answer_norm, end)
    for span in ((sentence_start, plan.start()), (end, sentence_end)):
        for put_off in _PUT_OFF_IN_THE_SENTENCE.finditer(answer_norm, *span):
            if not _NEGATION_JUST_BEFORE.search(answer_norm, max(0, put_off.start() - 3), put_off.start()):
                return put_off.group()  # not 没有推迟, 并未取消, 不会延期
    return None


# v106: a preliminary figure and a final one later in its sentence (ROI：20%（初步），12%（审计后）; ROI初步测算为20%，
# 最终确定为12%; ROI：20%（预估），实际12%; "ROI: 20% (preliminary), 12% (audited)"; "An early estimate put ROI at 20%;
# after the audit it is 12%"; "After review, the 20% ROI became 12%"; "ROI of 20% before the audit; 12% after") - the
# final one is the answer's. Not a plan and its actual (原计划20个月，实际24个月: v19's two facts), which names no
# preliminary figure.
_PRELIMINARY_BRACKET = re.compile(
    r" ?\( ?(?:初步(?:测算|估算|估计|数据)?|初算|预估|估算|未经审计|暂定|草案|preliminary|initial|draft|unaudited"
    r"|provisional|first estimate|est\.?"
    # v108: and a forecast or a theory beside the actual (ROI：20%（预测）/ 12%（实际）)
    r"|预测|预计|估计|理论|forecast|forecasted|projected|projection|estimated|estimate|expected|theoretical"
    # v109: and a best case beside the realistic one (20个月（乐观）/ 26个月（现实）; 20 months (optimistic) / 26
    # months (realistic))
    r"|乐观|理想|最佳|optimistic|best case|best-case|ideal)"
    r"(?: ?(?:数据|值|估计|情况|figure|estimate|case))? ?\)"
)
_PRELIMINARY_BEFORE = re.compile(
    "初步(?:测算|估算|估计|预计|计算|核算)?|初算|预估"
    r"|(?<![a-z])(?:early|earlier|first|initial|preliminary|original|draft|unaudited) (?:estimates?|figures?"
    r"|calculations?|projections?|forecasts?|numbers?|results?)(?![a-z])"
    # v109: what we said at first (We originally said 20 months; the revised figure is 26)
    r"|(?<![a-z])(?:we|i) (?:originally|initially|first) (?:said|quoted|estimated|told you)(?![a-z])"
)
_FINAL_BEFORE_A_FIGURE = re.compile(
    "(?:最终|最后|审计后|复核后|修正后|核实后|经审计|实际)(?:确定|核定|测算|核算|的结果)?(?:为|是)? ?"
    r"|(?<![a-z])(?:after (?:the |an? )?(?:audit|review|revision|correction|recalculation)|finally|in the end)"
    r",? (?:(?:it|this|the figure|roi|the roi) )?(?:is |was |came (?:in )?at |stands at |became )?"
    r"|(?<![a-z])(?:became|has become|turned into) "
    r"|(?<![a-z])the (?:revised|corrected|real|actual|realistic|final) (?:figure|number)(?: is| was)? "  # v109
)
_FINAL_AFTER_A_FIGURE = re.compile(
    r"[^(),;。]{0,8}?(?: ?\( ?(?:审计后|最终|修正后|实际|实测|经审计|audited|final|revised|actual|measured"
    r"|现实|保守|realistic|conservative|likely|most likely) ?\)"  # v109: 26个月（现实）, 26 months (realistic)
    r"| after(?= ?[.;,]|$))"
)
_BEFORE_THE_CHECK = re.compile(
    r" (?:before|prior to) (?:the |an? )?(?:audit|review|revision|adjustment|correction|restatement|recalculation)"
)
_OTHER_FIGURE_AT = re.compile(_ANOTHER_FIGURE)
# v106: a former charge that is free now (原来每月5000元，现在免费; "used to cost 5,000 yuan, but it is now free")
_FREE_NOW = re.compile(
    " ?[,;，；] ?(?:但|而|but )?(?:现在|现|目前|如今|now|it is now|it's now)(?:已经?|已)?(?:改为|变为|为|是)? ?"
    "(?:免费|不收费|免收|free(?: of charge)?)(?![a-z])"
)
_BECAME = re.compile(r"(?: [a-z]+)? (?:became|has become|turned into) ")  # After review, the 20% ROI became 12%


def _final_after_a_preliminary(answer_norm: str, part_start: int, start: int, end: int) -> re.Match[str] | None:
    """The final figure later in the sentence of the preliminary figure at start:end (v106), as a match whose
    "figure" group is that figure; else None."""
    # (the bracket may be read already as the figure's label, v87: `LABEL_OF_AN_END` - then it ends at `end`)
    bracket = _PRELIMINARY_BRACKET.match(answer_norm, end) or next(
        (m for m in _PRELIMINARY_BRACKET.finditer(answer_norm, start, end) if m.end() == end), None
    )
    before_the_check = _BEFORE_THE_CHECK.match(answer_norm, end)
    sentence_start = max(last_end(SENTENCE_END, answer_norm, start), part_start - 40)
    preliminary = _PRELIMINARY_BEFORE.search(answer_norm, sentence_start, start)
    if bracket is None and before_the_check is None and preliminary is None:
        became = _BECAME.match(answer_norm, end)
        return None if became is None else _OTHER_FIGURE_AT.match(answer_norm, became.end())
    after = bracket.end() if bracket else before_the_check.end() if before_the_check else end
    sentence_end = next_start(SENTENCE_END, answer_norm, after)
    for other in _OTHER_FIGURE_AT.finditer(answer_norm, after, sentence_end):
        at = other.start("figure")
        if answer_norm[at - 1 : at].isdigit() or (
            answer_norm[at - 1 : at] in (".", ",") and answer_norm[at - 2 : at - 1].isdigit()
        ):
            continue  # inside a number
        said_final = _FINAL_BEFORE_A_FIGURE.search(answer_norm, max(after, other.start() - 24), other.start())
        if said_final is not None and said_final.end() >= other.start() - 1:
            return other
        unit_end = other.end("figure")
        if _FINAL_AFTER_A_FIGURE.match(answer_norm, unit_end):
            return other
    return None


def _past_its_asides(answer_norm: str, part_start: int) -> int:
    """Where the figure's part starts past a bracket closed in it and a label's colon or dash right before it (v81:
    此前预计投资回报率（ROI）为20%, 过去回收期：20个月 - the former word governs the label and its figure)."""
    for _ in range(3):
        if part_start == 0:
            break
        mark = answer_norm[part_start - 1]
        if mark == "(" and ")" in answer_norm[part_start : part_start + 24]:
            part_start = start_of_part(answer_norm, part_start - 1)
        elif mark in ":—":
            label = max(start_of_part(answer_norm, part_start - 1), part_start - 41)
            # the label's words after a list mark or an earlier line's figure (• margin: 12% • in the past growth:)
            last_figure = max(answer_norm.rfind(char, label, part_start - 1) for char in "0123456789•")
            part_start = max(label, last_figure + 1)
        else:
            break
    return part_start


def _sentence_before(answer_norm: str, part_start: int, start: int) -> str:
    """The words of the figure's sentence before it, within its part: not a heading's or a previous item's (## 回款进展
    • 此前已签约1200万元)."""
    after = max(answer_norm.rfind(mark, part_start, start) for mark in _SENTENCE_MARKS) + 1
    return answer_norm[max(after, part_start) : start]


def _now_names_the_same(now: re.Match[str], before: str) -> bool:
    """Whether the "now" clause's figure is a new value of the former figure's quantity (`before`: the words before
    the former figure). Not where the words after the "now" name another quantity (两个月前回款860万元，目前剩余
    340万元), nor where the words between name one and the new figure has no unit of a kind (we estimated 20 months;
    the client count is now 27; "Originally 20 months, the payback is now 24 months" stays a change), nor a time gone
    by (现在2年过去了), nor where the words after it name another quantity (v29: now 3.4 million remains)."""
    if now.re is not _NOW_ANOTHER:
        return True  # "but after ... it is 24 months" names its own subject
    text, figure = now.string, now.start("figure")
    if ELAPSED.match(text, figure) or _ELAPSED_BEFORE.search(text, now.start("now"), figure):
        return False  # 现在2年过去了; v81: 目前已过去3个月 (过去 is a former time's word too)
    unit_and_after, _ = unit_after(text, figure)
    if ANOTHER_QUANTITY_AFTER.match(unit_and_after):
        return False  # v29: now 3.4 million remains
    date_words = _DATES_WORDS_BEFORE.search(text, now.start("now"), figure)  # v81: now August 2025 - its month
    if not all(
        named_before(word, before)
        for word in names(text[now.start("now") : date_words.start() if date_words else figure])
    ):
        return False
    if _AN_EXPECTATION.match(text, now.end("now")):
        return True  # v43: the team now expects 18%, analysts now see 24 months - a new estimate of the same quantity
    between = names(text[now.start() : now.start("now")])
    if all(named_before(word, before) for word in between):
        return True
    head = _clause_subject(text[now.start() : now.start("now")])
    if head is not None and (head in _THE_FORMER_FIGURE or named_before(head, before)):
        return True  # v43: after the price cut it is now 18%, our estimate is now 18%, with higher costs the ROI is now
    subjects = [word for word in between if word not in _JOINING_WORDS and not word[:1].isdigit()]
    if subjects and not any(named_before(word, before) for word in subjects) and names(before):
        return False  # v43: ROI was 20%, and IRR is now 18% - each figure names its own subject
    if A_DATE.match(text, date_words.start() if date_words else figure):
        return True  # v81: now August 2025 - another date (`another_value` asks that the point is one)
    if _A_TIME_OF_DAY.match(text, figure):
        return True  # v106: used to run at 12:00 but now run at 14:00 - another time of day
    other, _ = unit_after(text, figure)
    return any(kind.match(other.lstrip()) for kind in _UNIT_KINDS)


# v43: words that join two clauses and name no subject (ROI was 20%, and IRR is now 18%)
# and a time's preposition and the words of a newer estimate (in 2022 and it is now, the current estimate is now)
_JOINING_WORDS = frozenset(
    {"and", "but", "while", "whereas", "yet", "so", "而", "但", "但是", "和", "且", "in", "on", "of", "by", "as", "for"}
    | {"current", "new", "latest", "revised", "updated", "our", "its", "their"}
)


_A_TIME_OF_DAY = re.compile(r"[0-9]{1,2}(?::[0-9]{2}| ?(?:点|时)| ?[ap]\.? ?m(?![a-z]))")
# v43: a verb of a new estimate after the "now", whose subject is who expects it, not another quantity
_AN_EXPECTATION = re.compile(" (?:expects?|estimates?|projects?|forecasts?|predicts?|sees?)(?![a-z])")
# v43: the words by which a "now" clause's subject names the former figure again (it, this, the estimate, the value)
_A_FIGURE_NOUN = frozenset({"figure", "estimate", "forecast", "projection", "value", "number", "result", "outlook"})
_THE_FORMER_FIGURE = _A_FIGURE_NOUN | {"it", "it's", "it’s", "this", "that", "they", "guidance"}
_EN_WORD = re.compile("[a-z0-9'’-]+")
_ARTICLES = frozenset({"the", "a", "an", "this", "that"})
_NO_SUBJECT = frozenset({"is", "are", "was", "were", "has", "have", "had", "been", "will", "be", "would", "stands"})


def _clause_subject(words: str) -> str | None:
    """The last English word before a "now" that is no copula or auxiliary: the clause's subject, roughly (IRR in
    ", and IRR is now" and ", and the IRR figure is now", it in ", and after revisions it is now"); None where there
    is none (Chinese, ", now")."""
    heads = [word for word in _EN_WORD.findall(words) if word not in _NO_SUBJECT and word not in _JOINING_WORDS]
    if len(heads) > 1 and heads[-1] in _A_FIGURE_NOUN and heads[-2] not in _JOINING_WORDS | _ARTICLES:
        return heads[-2]  # the IRR figure is now 18%: the IRR's
    return heads[-1] if heads else None


def names(words: str) -> list[str]:
    """The words that name something: not a copula, an adverb, a verb of change or a time (`_NOW_FILLER`)."""
    words = _NOW_FILLER.sub(" ", _FORMER.sub(" ", words))
    return [word for word in words.split() if any(char.isalnum() for char in word)]  # v81: no mark alone (> 此前)


def named_before(word: str, before: str) -> bool:
    """Whether the words before the former figure name `word`: an English word among them, each Chinese character
    of a name among them (预计为 after 之前预计回收期为)."""
    if word.isascii():
        return re.search(f"(?<![a-z]){re.escape(word)}", before) is not None
    return all(char in before for char in word)


# v108: and, in a bracket right after it, the value now (20个月（现为26个月）, "20 months (now 26)") - not after a
# comma, where "now" opens another period's value (2026年ROI预计为20%，目前为15%: v55's two facts)
_NOW_IN_A_BRACKET = re.compile(
    " ?\\( ?(?:现为|现在是|现在为|目前为|目前是|现已为|(?<![a-z])(?:now|currently|now at)(?![a-z])) ?[:,]? ?"
    + _ANOTHER_FIGURE
)


def taken_back(answer_norm: str, start: int, end: int, forms: Sequence[Pattern]) -> str | None:
    """The correction right after the figure at start:end that takes it back (v19): a verdict in a bracket after it,
    or a self-correction that gives another value of its kind (`another_value`); else None."""
    verdict = (
        _VERDICT_IN_A_BRACKET.match(answer_norm, end)
        or _CROSSED_OUT_AFTER.match(answer_norm, end)
        or _OUT_OF_DATE_AFTER.match(answer_norm, end)
    )
    if verdict is not None:
        return verdict.group()
    correction = _TAKEN_BACK.match(answer_norm, end) or _NOW_IN_A_BRACKET.match(answer_norm, end)
    if correction is None:
        return None
    if not another_value(answer_norm, start, end, correction.start("figure"), forms):
        return None  # 20个月，准确地说是20个月 - the same figure again; 20个月。抱歉，3个附件… - another thing
    return correction.group()


# v41: a 分别 / respectively list taken back, corrected, crossed out or called out of date as a whole (ROI、IRR分别为
# 20%和15%（不对，应为18%和15%）, "ROI and IRR are 20% and 15% respectively (correction: 18% and 15%)", 分别为20%和
# 15% ❌) takes back each of its figures but one the correction gives again in its place (15% above) - v40 read the
# verdict after the list's last figure only, and credited its first
_LISTED_FIGURE = re.compile(
    r"(?<![0-9.])(?:¥|\$)?[0-9][0-9,.]*"
    r"(?: ?(?:%|个月|年|天|周|万元|亿元|元|万|亿|(?:months?|years?|days?|weeks?)(?![a-z])))?"
)
_LIST_JOIN = re.compile(r" ?(?:、|,|和|与|及|以及|跟|,? ?and(?![a-z])|&) ?")
_RESPECTIVELY_AFTER = re.compile(r",? respectively(?![a-z])")
_LIST_REACH = 160


def _list_at(text: str, pos: int) -> tuple[list[re.Match[str]], int] | None:
    """The figures joined by list marks (、, 和, and, commas) around the figure at `pos`, and its place among them."""
    figures = list(_LISTED_FIGURE.finditer(text, max(0, pos - _LIST_REACH), pos + _LIST_REACH))
    place = next((i for i, m in enumerate(figures) if m.start() <= pos < m.end()), None)
    if place is None:
        return None
    lo = hi = place
    while lo > 0 and _LIST_JOIN.fullmatch(text, figures[lo - 1].end(), figures[lo].start()):
        lo -= 1
    while hi + 1 < len(figures) and _LIST_JOIN.fullmatch(text, figures[hi].end(), figures[hi + 1].start()):
        hi += 1
    return figures[lo : hi + 1], place - lo


def a_list_taken_back(answer_norm: str, start: int, end: int) -> str | None:
    """The verdict or correction after the 分别 / respectively list that holds the figure at start:end (v41), where
    the correction does not give the figure again in its place ("" where it does); else None."""
    if "分别" not in answer_norm and "respectively" not in answer_norm:
        return None
    listed = _list_at(answer_norm, start)
    if listed is None or len(listed[0]) < 2:
        return None
    figures, place = listed
    run_end = figures[-1].end()
    respectively = _RESPECTIVELY_AFTER.match(answer_norm, run_end)
    run_end = respectively.end() if respectively is not None else run_end
    correction = _TAKEN_BACK.match(answer_norm, run_end)
    if correction is None:
        verdict = (
            _VERDICT_IN_A_BRACKET.match(answer_norm, run_end)
            or _CROSSED_OUT_AFTER.match(answer_norm, run_end)
            or _OUT_OF_DATE_AFTER.match(answer_norm, run_end)
        )
        return verdict.group() if verdict is not None else None
    again = _list_at(answer_norm, correction.start("figure"))
    if (
        again is not None
        and len(again[0]) == len(figures)
        and again[0][place].group().replace(" ", "") == figures[place].group().replace(" ", "")
    ):
        return ""  # 应为18%和15%: IRR 15% stands
    return correction.group()
