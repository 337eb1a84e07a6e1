"""A figure inside the antecedent of an open condition (v51): 如果回收期是20个月，项目就值得做, "If payback is 20
months, the project is worth doing", "The project is worth doing if the ROI is 20%" - the answer supposes the figure,
it does not say that it is so, as an answer that only asks (v43) does not. v32 had decided the opposite ("an open
condition still states its figure"); v40 read a condition on a change or a level reached only (`hypothesis.py`).

The antecedent holds the figure where the condition's word stands before it in its part of the clause (with no 则,
那么, 就, 的话 or "then" between: 如果价格不变则回收期为20个月 states it), or in an earlier part of its sentence where
the antecedent runs on, past a comma, a colon or a bracket, to a consequent in a later part (如果回收期24个月，培训周期
20个月，项目就值得做; "If payback: 20 months, the project is worth doing"; "If the contract, signed a year ago, is
worth $1.2 million, the project is worth doing"). A figure in the part after the condition with no consequent after
it is the consequent's (如果按当前价格计算，回收期为20个月; "If prices hold, payback is 20 months"), as is one whose
part speaks as a consequent (如果价格不变，回收期就会缩短; "payback will be 20 months") or is followed by what follows
from it ("..., so we should proceed"); a condition after the figure (Revenue could double if the channel works) is a
condition on what the answer has said (v43).

Not conditions: 如果说 (v41), "as if" (v41), "what if" (v43 reads it as a question), "if" after a verb of asking or
knowing (You asked if we can deliver in 20 months: whether, v32's reported question), 只要 right before a figure (只要
20%的预算, 只要短短20个月: only), a frame of the answer's own words (If you ask me, If memory serves, 如果我没记错). A
stated assumption (如果按20%的折现率计算, 如果假设ROI为20%, "If we assume an ROI of 20%", and 假设ROI为20%, "Assuming
a payback of 20 months" without a condition's word) gives the figure the answer works with and still states it (v40).
A condition the answer goes on to answer (如果回收期是20个月——实际上正是20个月, "If payback is 20 months, which it is,
...") states it, as does the figure said again as a claim anywhere else.
"""

from __future__ import annotations

import re

from .assertion import last_end, next_start

# the words of an open condition (if, in case, unless, provided that, as long as; even if and 即使 concede as much)
_CONDITION = re.compile(
    "如果(?!说)|假如|假若|倘若|倘使|假使|如若|若(?!干|是说)|(?<![主需重只总就还不必也都])要是|一旦|只要(?!求)|除非"
    "|(?<![0-9零一二三四五六七八九十百千两])万一|(?<![立随旋])即使|(?<![立随旋])即便|就算|哪怕"
    r"|(?<![a-z])(?:if|unless|in case|provided that|providing that|as long as|so long as|in the event that"
    r"|in the event of|on condition that)(?![a-z])"
)
# "if" that is no condition: as if (v41), what if (v43: a question), and whether after a verb of asking or knowing
_NO_CONDITION_BEFORE_IF = re.compile(
    r"(?<![a-z])(?:as|what|ask|asks|asked|asking|wonder|wonders|wondered|wondering|know|knows|knew|see|sees"
    r"|saw|check|checks|checked|checking|confirm|confirms|confirmed|unsure|sure|tell me|tell us|doubt|doubtful"
    r"|unclear|whether|decide|decides|decided|determine|determines|verify|find out|clear"
    # v52: whether after "the question is" (The question is if the ROI is 20%; it is 20%.)
    r"|(?:question|questions|issue|point|test|key|thing) (?:is|was)) $"
)
# a stated assumption after the condition's word: the figure the answer works with (v40)
_AN_ASSUMPTION = re.compile(
    r" ?(?:(?:(?:we|you|one|i) (?:assume|take|use|apply|plug in|work with)|assuming|we're assuming"
    r"|we are assuming)(?![a-z])|(?:按照?|以|假设|假定|设定?|取|采用|基于)(?!为))"
)
# 只要 right before its figure is "only" (只要20%的预算就能完成, 只要短短20个月): no condition
_ONLY_BEFORE_A_FIGURE = re.compile(" ?(?:短短|约|大约|大概|不到|区区)? ?[0-9〇零一二两三四五六七八九十百千半]")
# 则 (then) - not the 则 of 原则, 规则, 否则 ... (nor is 那 of 那个, 会 of 会员 a consequent's word)
_ZE = "(?<![原规准法细守总实否])则"
# what closes an antecedent before the figure in its own part: the consequent's own words (如果价格不变则回收期为20个月)
_CONSEQUENT = re.compile(f"{_ZE}|那么|那就|就(?!是)|的话|的情况下|的前提下|(?<![a-z])then(?![a-z])")
# a consequent's words in a part after the condition's (its figure is the consequent's: 如果价格不变，回收期就会缩短到
# 20个月; "If prices hold, payback will be 20 months")
_A_CONSEQUENTS_PART = re.compile(
    f"{_ZE}|那么|那就|就|便|才|将|会(?!员|议|计|场|谈|话)"
    r"|(?<![a-z])(?:then|will|would|could|should|can|might|(?<!in )may)(?![a-z])|'ll|'d"
)
# ... and in a later part of the sentence, the consequent that the figure's part leads up to (如果回收期24个月，培训周期
# 20个月，项目就值得做; "If the contract, signed a year ago, is worth $1.2 million, the project is worth doing"): in
# Chinese a consequent's own word (就, 则, 那么, 便, 才) - not a verdict alone (如果现在投资，ROI为20%，回收期5年，
# 建议立即启动: the figures are the consequent, the advice follows from them); in English a modal or a verdict of worth
_LATER_CONSEQUENT = re.compile(
    f"{_ZE}|那么|就|便|才"
    r"|(?<![a-z])(?:then|will|would|could|should|can|might|(?<!in )may|worth|viable|feasible|makes sense|pays off"
    r"|pay off)(?![a-z])|'ll|'d"
)
# a later part that follows from the figure's (so, therefore, 所以): the figure's part was the consequent already
_FOLLOWS_FROM_IT = re.compile(
    r" ?(?:\*\*)? ?(?:所以|因此|因而|从而|于是|这|这样|(?:so|therefore|thus|hence|which|meaning|and so|and)(?![a-z])"
    # v52: or sets something against it (a contrast follows a claim, not a supposition: "If approved, the ROI is
    # 20%, but the risk would be higher"; 如果获批，ROI为20%，但补贴需要才能到位)
    r"|但是?|不过|然而|可是|只是|(?:but|although|though|yet|however|whereas|while)(?![a-z]))"
)
# v52: a bracket after the figure is an aside (If approved, the ROI is 20% (it could be higher with subsidies);
# 如果获批，ROI为20%（若有补贴则更高）): the consequent is looked for after it closes
_BRACKET_CLOSE = {"(": ")", "（": "）"}
# a condition that frames the answer's own words, not the figure (If you ask me, If memory serves, 如果我没记错)
_A_FRAME = re.compile(
    r" ?(?:(?:you|we) (?:ask me|ask us|look at|compare|want my|want our)|i may|anything|memory serves|i recall"
    r"|i remember|i'm not mistaken|i am not mistaken|i understand (?:it )?correctly|i'm honest|i am honest"
    r"|i'm being honest|we're honest|so|not|possible|needed|necessary|any|applicable"
    r"|(?:我|您)?没(?:有)?记错|(?:你|您)问我|从[^,。;]{1,12}(?:来看|看)"
    # v52: the user's question framed (如果您问ROI是多少，答案是20%; If you are asking about the ROI, it is 20%)
    r"|you(?:'re|’re| are)? (?:ask|asking|asked)(?! me)|you (?:want|wish|wanted) to know|(?:your|the) question is"
    # v54: a statement's frame, as 如果说 (If one thing stands out about the ROI, it is that it reaches 20%)
    r"|one thing (?:that )?(?:stands out|is (?:notable|remarkable|worth noting|striking|impressive)|to (?:note|say))"
    r"|there is (?:one thing|anything)"
    r")(?![a-z])|(?:你|您)(?:问|想知道|想了解)(?:的)?[^,。;]{0,30}?(?:多少|多高|多长|什么|如何|怎么样|怎样|几)[^,。;]{0,6}[,:]"
)
# the end of a sentence for an antecedent (a semicolon ends it too: 若年收益下降10%，回收期延长至约22个月；若…)
_SENTENCE_END = re.compile(r"[。!?;\n]|\.(?=\s|$)")
# where the figure's own part starts: as `assertion.start_of_part`, but a list's 、 does not end it (如果ROI、IRR分别为
# 20%和15%: the condition's word is the figure's)
_OWN_PART_END = re.compile(r"[。!?;\n,:(—|]|\.(?=\s|$)")
# the parts an antecedent runs over (a comma, a colon, a bracket, a dash, a table cell's border)
_PART_END = re.compile(r"[,、:(（—|]")
_A_DIGIT = re.compile("[0-9]")
_REACH = 80
_SENTENCE_REACH = 200
# the condition answered after the figure in its sentence: 如果回收期是20个月——实际上正是20个月, "which it is"
_ANSWERED = re.compile(
    r"[^。!?\n]{0,40}?(?:(?:实际上?|事实上|目前|现在|而且?)?(?:也)?(?:正是|确实是|的确是|恰恰是|正好是|确实如此|正是如此)"
    r"|(?<![a-z])(?:which|and|as) (?:it|they|this|that) (?:is|are|does|do|was|will be)(?: indeed| in fact)?"
    r"(?= ?[,;.—)-]| ?$))"
)


def supposed_by_a_condition(answer_norm: str, start: int, end: int) -> str | None:
    """The open condition whose antecedent holds the figure at start:end (its subject first, where the point names
    one): the words from the condition's word to the figure; else None."""
    part_start = max(last_end(_OWN_PART_END, answer_norm, start), start - _REACH)
    sentence_start = max(last_end(_SENTENCE_END, answer_norm, start), start - _SENTENCE_REACH)
    sentence_end = next_start(_SENTENCE_END, answer_norm, end)
    cue = _last_condition(answer_norm, part_start, start)
    if cue is not None:
        if _CONSEQUENT.search(answer_norm, cue.end(), start):
            return None  # 如果价格不变则回收期为20个月: the figure is the consequent's
    else:
        # v51: a condition in an earlier part of the sentence, whose antecedent runs on to a consequent after the
        # figure's part (如果回收期24个月，培训周期20个月，项目就值得做; If payback: 20 months, the project is ...)
        cue = _last_condition(answer_norm, sentence_start, part_start)
        if cue is None or _A_CONSEQUENTS_PART.search(answer_norm, cue.end(), end):
            return None
        if not _a_consequent_after(answer_norm, end, sentence_end):
            return None  # 如果价格不变，回收期为20个月。 - the figure's part is the consequent
    if _AN_ASSUMPTION.match(answer_norm, cue.end()) is not None or _A_FRAME.match(answer_norm, cue.end()):
        return None  # 如果按20%的折现率计算, If we assume an ROI of 20% (v40); If you ask me, ...
    if _ANSWERED.match(answer_norm, end, sentence_end):
        return None  # 如果回收期是20个月——实际上正是20个月: the condition is answered yes
    return answer_norm[cue.start() : start]


def _a_consequent_after(answer_norm: str, end: int, sentence_end: int) -> bool:
    """A later part of the sentence (after the figure's) holds a consequent's words and no figure, and the first later
    part does not follow from the figure's (so, 所以)."""
    first = _PART_END.search(answer_norm, end, sentence_end)
    while first is not None and first.group() in _BRACKET_CLOSE:
        close = answer_norm.find(_BRACKET_CLOSE[first.group()], first.end(), sentence_end)
        if close < 0:
            break  # a bracket left open in the sentence is a part of it, as before v52
        first = _PART_END.search(answer_norm, close + 1, sentence_end)
    if first is None or _FOLLOWS_FROM_IT.match(answer_norm, first.end()):
        return False
    consequent = _LATER_CONSEQUENT.search(answer_norm, first.end(), sentence_end)
    if consequent is None:
        return False
    if answer_norm.endswith("也", 0, consequent.start()) and consequent.group() in ("就", "便", "才", "则"):
        # v55: 也就 / 也便 ("then also"): a consequent beside the figure's part, which is a consequent too (如果获批，
        # ROI为20%，回收期也就缩短了), as 也会 / 也将 read since v51 - not the antecedent's one consequent
        return False
    # a later part with a figure of its own is another claim beside the figure's, not its condition's consequent
    # (如果不考虑补贴，回收期为20个月，考虑补贴则为16个月; "..., payback is 20 months, and ROI will be 15%")
    consequent_start = last_end(_PART_END, answer_norm, consequent.start())
    consequent_end = next_start(_PART_END, answer_norm, consequent.end())
    return _A_DIGIT.search(answer_norm, consequent_start, min(consequent_end, sentence_end)) is None


def _last_condition(answer_norm: str, part_start: int, start: int) -> re.Match[str] | None:
    """The last word of an open condition in answer_norm[part_start:start] ("if" of as if, what if or asked if
    aside)."""
    last = None
    for m in _CONDITION.finditer(answer_norm, part_start, start):
        if m.group() == "if" and _NO_CONDITION_BEFORE_IF.search(answer_norm, max(0, m.start() - 20), m.start()):
            continue
        if m.group() == "只要" and _ONLY_BEFORE_A_FIGURE.match(answer_norm, m.end()):
            continue  # 只要20%的预算就能完成, 只要短短20个月: only
        last = m
    return last
