"""A figure or a change the answer only supposes, asks about or names as a goal it missed (v40): 如果营收翻倍, 假如ROI
达到20%, "If revenue doubles", 营收能否翻倍？, "Will the ROI reach 20%?", 翻倍的目标没有实现, "the goal of doubling
revenue was missed" - none states that the figure is so.

A condition is read here where it supposes a change or a level reached (a verb of one after the condition's word,
or the change in words itself): the figure is an outcome the answer has not claimed. Since v51 a condition with a
copula (If payback is 20 months, 如果ROI为20%) supposes its figure too (`condition.py`), while a stated assumption
(假设ROI为20%, 按20%的折现率计算, If we assume an ROI of 20%) gives the figure the answer works with and still states
it (v40); a tag question after the claim (ROI为20%，对吗？, "The ROI is 20%, right?") asks (v51). A question about a
change (营收能否翻倍, Will the ROI reach 20%?) is no claim unless answered yes in the next sentence (可以, Yes, it
can); a question with a question word (为什么ROI能达到20%？) presupposes its figure and is left alone.
"""

from __future__ import annotations

import re

from ..numbers.patterns import SUBJECT_NAMES, subject_names
from .assertion import SAID_YES, SENTENCE_END, last_end, start_of_part
from .negation import DISPUTED_ZH
from .retraction import answered_with_another_figure, answered_yes, figure_and_unit

# the words of a change or of a level reached, between the condition and the figure (or the figure's own words)
_A_CHANGE_OR_A_REACH = re.compile(
    # v41: not a rate's noun (如果营收增长率为20%: v32's copula condition); v48: 可达 (如果ROI可达20%, 如果ROI在三年内
    # 可达20%: a condition, as 如果ROI达到20% is)
    "(?:达到|达成|可达(?!性)|实现|突破|超过|翻倍|翻番|翻一番|翻两番|减半|增长|增加|提升|提高|上升|上涨|下降|降低|减少|缩短|缩减|削减"
    "|降到|降至|升至|升到|涨到|涨至|回到|回升|改善)(?!率)"
    r"|(?<![a-z])(?:reach|reaches|reached|hit|hits|achieve|achieves|achieved|exceed|exceeds|exceeded|double|doubles"
    "|doubled|triple|triples|tripled|halve|halves|halved|grow|grows|grew|rise|rises|rose|fall|falls|fell|drop|drops"
    "|dropped|increase|increases|increased|decrease|decreases|decreased|improve|improves|improved|climb|climbs"
    "|climbed|decline|declines|declined|cut|cuts|reduce|reduces|reduced|go up|goes up|went up|go down|goes down"
    "|went down|get to|gets to|come down|comes down)(?![a-z])"
)
# a condition's word (如果, 假如, 一旦, 即使, if, unless, even if, whether) or a question's (能否, 是否, 能不能),
# anywhere before the figure in its part of the clause; a purpose (要让, 为实现, to reach, in order to) at its start
_SUPPOSED = re.compile(
    # v41: not the 要是 of 主要是, 需要是 (主要是成本降低了20% states it), nor 如果说 (如果说有什么亮点，那就是营收翻倍:
    # a statement's frame)
    "如果(?!说)|假如|假若|倘若|倘使|假使|如若|若(?!干|是说)|(?<![主需重只总就还不])要是|一旦|只要|即使|即便|就算|哪怕|除非|万一"
    "|能否|是否|可否|能不能|会不会|可不可以|有没有可能|是不是能"
    # v41: a wish or a need (希望营收翻倍, We hope revenue will double, We need revenue to double)
    "|希望|期望|但愿"  # not 需要 or 必须: 需要人工复核的预警从2.1万笔降至8400笔 (a noun's clause) states it
    # v54: nor the "if" of a statement's frame, as 如果说 (If anything stands out about the ROI, it is that it reaches
    # 20%)
    r"|(?<![a-z])(?:(?<!as )if(?! (?:anything|one thing|there is (?:one thing|anything))(?: that)? (?:stands out"
    r"|is (?:notable|remarkable|worth noting|striking|impressive)|to (?:note|say|highlight)))"
    r"|unless|whether|in case|provided that|providing that|as long as|assuming that"
    r"|suppose|supposing|in the event that|in the event of|hope|hopes|hoped|wish|wishes|would like|must"
    r"|(?:need|needs|needed)(?= (?:[a-z]+ ){0,3}to )|want|wants|wanted"
    # "for" a subject "to" change: a purpose (For the ROI to reach 20%, ...; Our goal is for revenue to double)
    r"|for(?= (?:the |our |its |this |their )?[a-z]+(?: [a-z]+)? to )"
    r"|have to|has to)(?![a-z])"
)
_PURPOSE_AT_THE_START = re.compile(
    r" ?(?:[-*•]|[0-9]+[.)、])? ?(?:要让|要使|要想|想要|为了?(?:使|让|实现|达到|确保)"
    "|要(?:达到|实现|做到|把|将)"  # v58: 要达到20%的ROI，需要… - a purpose, as 为达到 is
    r"|had (?=[a-z])"  # v41: a condition by inversion (Had revenue doubled, we would have hired)
    r"|(?:in order |so as )?to (?:reach|hit|achieve|get to|double|halve|cut|grow|raise|bring))"
)
# a question with a question word presupposes what it asks about (为什么ROI能达到20%？, how did costs fall by 20%?)
_QUESTION_WORD = re.compile(
    "为什么|为何|怎么|怎样|如何|哪|什么|多少|谁|(?<![a-z])(?:why|how|what|which|when|where|who)(?![a-z])"
)
_YES_NO_QUESTION_EN = re.compile(
    r" ?(?:[-*•]|[0-9]+[.)])? ?(?:will|would|can|could|does|do|did|is|are|should|might|may|has|have)(?![a-z'])"
)
_REACH = 80


def hypothetical(answer_norm: str, start: int, end: int) -> str | None:
    """The condition, purpose or question that makes the figure or change at start:end (its subject first, where the
    point names one) an outcome supposed or asked about, not stated (v40); else None. A copula question asks about a
    figure too (v41: Is the ROI 20%?; v43: for a bare figure as well)."""
    part_start = max(start_of_part(answer_norm, start), start - _REACH)
    purpose = _PURPOSE_AT_THE_START.match(answer_norm, part_start)
    if purpose is not None and purpose.end() <= start:
        return answer_norm[part_start:start]
    cue = None
    for m in _SUPPOSED.finditer(answer_norm, part_start, end):
        cue = m
    asked = cue is not None and cue.group() in _ASKED
    if (
        cue is not None
        and (_A_CHANGE_OR_A_REACH.search(answer_norm, cue.end(), end) or (asked and _right_before(cue, start)))
        and not (asked and yes_after(answer_norm, start))
    ):
        return answer_norm[cue.start() : start]
    if _BEFORE_IT.match(answer_norm, end) and _A_CHANGE_OR_A_REACH.search(answer_norm, part_start, end):
        return answer_norm[part_start:start]  # 在营收翻倍之前: not yet
    if _IF_AFTER.match(answer_norm, end) and _A_CHANGE_OR_A_REACH.search(answer_norm, part_start, end):
        return answer_norm[part_start:start]  # v41: 成本降低20%的话，即可盈利 - a condition that ends its part
    return _asked(answer_norm, start, end)


def _right_before(cue: re.Match[str], start: int) -> bool:
    """The question's word stands right before the match (Whether the ROI is 20%) or inside it (ROI是否为20%): it asks
    about the figure itself, not about another thing (判断是否值得投资的关键是ROI为20%)."""
    return cue.start() >= start or _ARTICLE_ONLY.fullmatch(cue.string, cue.end(), start) is not None


# v54: or "a" (I can test whether a 50% ROI is reachable); v115: or, after "whether" / "if", a short subject and its
# copula (It is unclear whether payback is 20 months, Nobody knows whether it is v3.2, whether it will take 20 months)
# - a bare point's figure asked as the named one's was
_ARTICLE_ONLY = re.compile(
    r" ?(?:(?:it|this|that|[a-z]+(?: [a-z]+)?) (?:is|was|are|were|will be|would be|could be|can be|may be|might be"
    r"|will take|would take|takes|took) (?:about |around |roughly |only |just |really )?)?"
    r"(?:the |our |its |this |a |为|是|等于)?"
)


def yes_after(answer_norm: str, start: int) -> bool:
    """The question that holds the figure at `start` is answered yes right after it (可以, 是的, Yes); v70 reads it
    for forbidden claims too (`denial.asked_and_answered_yes`)."""
    if answered_yes(answer_norm, start):
        return True
    question = SENTENCE_END.search(answer_norm, start)
    if question is None or question.group() != "?":
        return False
    after = _QUOTE_OR_DASH.match(answer_norm, question.end())  # v41: “ROI能达到20%吗？”——能
    pos = after.end() if after is not None else question.end()
    label = _ANSWER_LABEL.match(answer_norm, pos)  # v43: 问：回收期是20个月吗？\n答：是的。, Q: ...? A: Yes.
    pos = label.end() if label is not None else pos
    while pos < len(answer_norm) and answer_norm[pos] in _BLANK_OR_EMPHASIS:
        pos += 1  # v43: Is the ROI 20%?\n\nYes., **Is the ROI 20%?** Yes
    said_yes = SAID_YES.match(answer_norm, pos) is not None or _CAN_ZH.match(answer_norm, pos) is not None
    answer_end = SENTENCE_END.search(answer_norm, pos)
    return said_yes and not answered_with_another_figure(
        answer_norm, start, question.start(), pos, answer_end.start() if answer_end else len(answer_norm)
    )  # v50: Is the ROI 20%? Yes, 15%.


_QUOTE_OR_DASH = re.compile("[\"”’'」』]+ ?(?:——|—|--|-|:)? ?")
_CAN_ZH = re.compile(" ?(?:能|可以|会)(?=[,。!;]| ?[,，])")
_ANSWER_LABEL = re.compile(r"\s*(?:答|回答|a|answer)\s?:")
# v43: the line breaks, blank lines and Markdown emphasis between a question and its answer (the question rule reads
# the answer with its line breaks: "Is the ROI 20%?\n\nYes." is answered yes)
_BLANK_OR_EMPHASIS = frozenset(" \t\n*_")


# a change or a level reached before which something holds (在营收翻倍之前, ROI达到20%以前) has not happened yet
_BEFORE_IT = re.compile(" ?(?:之前|以前)")
_IF_AFTER = re.compile(" ?(?:的话|的情况下|的前提下)")
_ASKED = frozenset({"能否", "是否", "可否", "能不能", "会不会", "可不可以", "有没有可能", "是不是能", "whether"})


def _asked(answer_norm: str, start: int, end: int) -> str | None:
    """The yes/no question about a change that holds the figure (营收能翻倍吗？, Will the ROI reach 20%?) or about its
    value (v41: Is the ROI 20%?, ROI是20%吗？, a bare "ROI 20%?"; v43: a bare figure's too, 回收期是20个月吗？ for
    20个月), not answered yes right after it; else None."""
    after = SENTENCE_END.search(answer_norm, end)
    if after is None or after.group() != "?":
        return None
    sentence_start = max(last_end(_A_QUESTIONS_START, answer_norm, start), start - _REACH, 0)
    label = _QUESTION_LABEL.match(answer_norm, sentence_start, start)  # v43: Q: Is payback 20 months?
    sentence_start = label.end() if label is not None else sentence_start
    sentence = answer_norm[sentence_start : after.start()]
    opened = last_end(_A_QUESTIONS_START, answer_norm, start)
    if opened < sentence_start and _A_TRUTH_QUESTION.match(answer_norm, opened) and not yes_after(answer_norm, start):
        return answer_norm[
            opened:start
        ]  # v50: Is it true that ..., including a 4-month build phase? - asked all through
    if _WHAT_IF.search(sentence, 0, start - sentence_start):
        return answer_norm[sentence_start:start]  # v43: What if the ROI is 20%? - supposed, whatever the question word
    if _AN_OFFER.search(answer_norm, opened, start):
        return answer_norm[opened:start]  # v54: 需要我帮您计算回收期缩短到20个月…吗？ - offered, not stated
    incredulous = _INCREDULOUS.search(answer_norm, sentence_start, start)
    if incredulous is not None and not _A_NEGATION_AFTER_NANDAO.match(answer_norm, incredulous.end(), start):
        return answer_norm[sentence_start:start]  # v46: 难道ROI会是20%吗？, How could the ROI be 20%? - disbelief
    answer_against = _OWN_OTHER_BELIEF.match(answer_norm, after.end())
    if (
        _A_NEGATIVE_QUESTION.search(sentence)
        and answer_against is not None
        and not _of_another_subject(answer_norm, sentence, answer_against)  # v47: But the IRR is 15%.
    ):
        return answer_norm[sentence_start:start]  # v46: Isn't the ROI 20%? I thought it was 15%. - a real doubt
    if _A_TAG_QUESTION.fullmatch(answer_norm, end, after.start()) and not yes_after(answer_norm, start):
        return answer_norm[sentence_start:start]  # v51: ROI为20%，对吗？, "The ROI is 20%, right?" - asked
    worded = sentence[_framed_question_end(sentence) :]  # v52: 您问ROI是多少，答案是20%吗？ - the user's 多少
    if _QUESTION_WORD.search(worded) or _A_NEGATIVE_QUESTION.search(sentence):
        return None
    if _A_CLAUSE_MARK.search(answer_norm, end, after.start()):
        return None  # ROI为20%，这个水平合理吗？ - the question is the next clause's, about the figure stated
    changed = _A_CHANGE_OR_A_REACH.search(sentence) is not None
    # v43: a bare figure (20%, 20个月) asked with a copula is asked as its subject's is (Is the ROI 20%?, 回收期是20个月
    # 吗？): v7/v32 still found it, so that a bare point was credited by the question a named one was not
    # v52: and 吧？ (ROI应该是20%吧？ asks to confirm, as the tag 对吧？ does since v51)
    ends = ("吗", "么", "吧", "呢") if changed else ("吗", "么", "吧")  # not ROI为20%，IRR呢？ (v41: a copula question)
    if not (
        sentence.rstrip().endswith(ends)
        or _YES_NO_QUESTION_EN.match(sentence)
        or _A_NOT_A.search(sentence)
        or _a_bare_question(answer_norm[sentence_start:start], answer_norm[end : after.start()])
    ):
        return None
    if yes_after(answer_norm, start):
        return None
    return answer_norm[sentence_start:start]


# v41: a copula question asks about the figure as a question of a change does (Is the ROI 20%?, Could the ROI be 20%?,
# ROI是20%吗？, 回收期是不是20个月？, a bare "ROI 20%?") - v40 read only a question with a verb of a change; a negative
# question leans to the figure and is left alone (难道不是20%吗？, Isn't the ROI 20%?), as is a question in the next
# clause about a figure stated (ROI为20%，合理吗？)
_A_NEGATIVE_QUESTION = re.compile(
    # v49: not a question of a correction (ROI不是15%，而是20%吗？ asks about the 20%: v48 credited it); v50: nor one
    # whose correction comes in another clause or sentence (ROI不是15%。实际为20%吗？, ROI不是15%，实际为20%吗？: the
    # 不是 denies the 15%, the question asks about the 20%)
    r"难道|不(?:就|正|也)?是(?:(?!而是|实际|其实|应为|应该是)[^,;。.!?\n]){0,12}[吗么嘛]$|(?<![a-z])(?:isn't|aren't|wasn't|doesn't|didn't|won't|wouldn't|couldn't|shouldn't)(?![a-z])"
)
_A_CLAUSE_MARK = re.compile("[,;]")
# v51: a tag question after the claim asks whether it is so (ROI为20%，对吗？, 回收期是20个月，是吧？, 是不是？,
# 没错吧？, "The ROI is 20%, right?", ", isn't it?", ", correct?"; the rest of the figure's part may stand before it:
# "The fee is $300 per month, right?") - v41's question in the next clause read it as a question about a figure
# stated. Not a question about something else (ROI为20%，这个水平合理吗？), nor 不是吗 (a rhetorical question that
# leans to the claim, as 难道…吗 does: v46); a yes after it (对吧？没错，就是20%。) answers it.
_A_TAG_QUESTION = re.compile(
    r"[^,;?!。\n]{0,80}?(?:\*\*)? ?[,—-] ?(?:对吗|对吧|对么|对不对|对不|是吗|是吧|是么|是不是|是这样吗|是这样吧"
    r"|没错吧|没错吗|没错|不对吗|对不对呢|我说得对吗|我没说错吧|是真的吗"
    r"|right|correct|isn't it|isn’t it|is it not|aren't they|wasn't it|won't it|doesn't it|didn't it|no|yes|true"
    r"|am i right|is that right|is that correct|is that true|is that so|yeah|ok|okay|agreed)(?![a-z]) ?"
)
# v46: a question of disbelief denies its figure (难道ROI会是20%吗？, ROI怎么可能是20%？, 哪有20%？, "How could
# the ROI be 20%?") - unless 难道 asks a negative question, which asserts it (难道ROI不是20%吗？)
_INCREDULOUS = re.compile(
    r"难道|怎么可能|怎么会|怎会|哪(?:里|儿)?(?:有|会|能|可能)|岂(?:能|会|可能|有)"
    r"|(?<![a-z])how (?:could|can|would|on earth could) (?:the |an? |its |our |their |this )?[a-z ]{0,30}?"
    r"(?:possibly )?(?:be|reach|hit|have|achieve|exceed|get to|deliver)(?: an?| the)? $"
)
_A_NEGATION_AFTER_NANDAO = re.compile("[^?]*?(?:不|没|非|无)")


# v46: a negative question that asserts its figure: 难道ROI不是20%吗？, 毛利率不就是20%吗？, 谁说毛利率不是20%？, "Isn't
# the ROI 20%?", "Who says the margin isn't 20%?" - the negation before the figure leans to it, it does not deny it;
# not where the next sentence gives the writer's own other belief (ROI不是20%吗？我以为是15%: a real doubt)
_RHETORICAL_ZH = re.compile("难道|(?<![a-z])谁(?:能|会|敢|又|还)?(?:说|认为|讲)|不就")
_RHETORICAL_EN = re.compile(
    r"^[ *>\-]*(?:isn't|isn’t|wasn't|wasn’t|aren't|weren't|doesn't|didn't|won't|wouldn't|hasn't)(?![a-z])"
    r"|(?<![a-z])who (?:says|said|can say|could say|would say|claims|would claim|can claim)(?![a-z])"
)
_A_NEGATION_LEANING = re.compile(
    "不就?是|不就|不|并不是|(?:isn't|isn’t|wasn't|wasn’t|aren't|weren't|doesn't|didn't"
    "|won't|wouldn't|hasn't|is not|was not) ?"
)
# ... or the writer's answer against it (lead's review of v46: Isn't the ROI 20%? In fact it is 15%. / 难道不是20%吗？
# 其实只有12%。 / No - it is 15%. were credited): a no, a correction or a contrast opens the next sentence
_OWN_OTHER_BELIEF = re.compile(
    " ?(?:[*>\\-] ?)*(?:我(?:原)?(?:以为|记得|印象中|听说)|(?:i|we) (?:thought|believed|remember(?:ed)?|had heard)"
    "|其实|实际|事实上|然而|但|可是|不过|并不|并非|不是|不[,，。!！]|没有|错"
    "|(?:no|nope|not|actually|in fact|in reality|in truth|but|however|wrong|sadly|unfortunately)(?![a-z]))"
)


def rhetorical_negation(answer_norm: str, start: int, end: int, negation: str | None) -> bool:
    """The negation before the figure at start:end (`negation`, as negation_before gave it) is a negative question's,
    which asserts the figure (难道ROI不是20%吗？, Isn't the ROI 20%?) - not one followed by the writer's own other
    belief (ROI不是20%吗？我以为是15%)."""
    if negation is None or not _A_NEGATION_LEANING.match(negation.strip()):
        return False
    after = SENTENCE_END.search(answer_norm, end)
    if after is None or after.group() != "?":
        return False
    if ";" in answer_norm[end : after.start()]:
        return False  # v53: ROI不到20%；这个水平合理吗？ - the question is the next clause's, the bound stands
    sentence_start = max(last_end(_A_QUESTIONS_START, answer_norm, start), start - _REACH, 0)
    sentence = answer_norm[sentence_start : after.start()].strip()
    leaning = (
        _RHETORICAL_ZH.search(sentence) is not None
        or _RHETORICAL_EN.search(sentence) is not None
        or (sentence.endswith(("吗", "么", "嘛")) and "不" in negation)
    )
    answer_against = _OWN_OTHER_BELIEF.match(answer_norm, after.end())
    return leaning and (answer_against is None or _of_another_subject(answer_norm, sentence, answer_against))


# v47: a contrast or a correction that opens the next sentence answers the question only where it speaks of the same
# thing: one that names another metric than the question's ("Isn't the ROI 20%? But the IRR is 15%.", 难道ROI不是20%吗？
# 但IRR是15%。) leaves the question's assertion standing - v46 read any "but" as the writer's doubt. A pronoun, the same
# subject, a figure with no metric named (But it is 15%, In fact the ROI is 15%, However, the audited figure is 14%,
# 但财务部的口径是15%) and a question that names no metric stay a doubt, as v46 pinned them.
_CONTRAST_OPENERS = re.compile(
    " ?(?:[*>\\-] ?)*(?:但是?|可是|不过|然而|其实|实际上?|事实上"
    "|(?:but|however|whereas|while|yet|actually|in fact|in reality)(?![a-z]))[ ,，:：]*"
)
_LEADING_ARTICLE = re.compile("(?:the|our|its|their|this year's|the company's|公司的?|我们的?|本项目的?) ?")
_OTHER_SUBJECT_NAMES = ("margin", "net margin", "growth rate", "return", "回报率", "增长率", "收益率", "利率", "yield")
_METRICS = sorted({*(name for group in SUBJECT_NAMES for name in group), *_OTHER_SUBJECT_NAMES}, key=len, reverse=True)
_METRIC_AT = re.compile("(?:" + "|".join(re.escape(name) for name in _METRICS) + ")(?![a-z])")


def _of_another_subject(answer_norm: str, question: str, answer_against: re.Match[str]) -> bool:
    """The next sentence's contrast (`answer_against`) names a metric first that the question (`question`, which
    names one) does not, and none of the question's later: it speaks of another thing, not against the question's
    figure."""
    opener = _CONTRAST_OPENERS.match(answer_norm, answer_against.start())
    if opener is None:
        return False
    article = _LEADING_ARTICLE.match(answer_norm, opener.end())
    named = _METRIC_AT.match(answer_norm, article.end() if article is not None else opener.end())
    asked = [m.group() for m in _METRIC_AT.finditer(question) if not _a_latin_letter_before(question, m.start())]
    if named is None or not asked:
        return False
    same = set(subject_names(named.group()))
    if any(name in same or named.group() in subject_names(name) for name in asked):
        return False
    ends = SENTENCE_END.search(answer_norm, named.end())
    rest = answer_norm[named.end() : ends.start() if ends is not None else len(answer_norm)]
    return not any(alias in rest for name in asked for alias in subject_names(name))  # ..., so the ROI is 12%


def _a_latin_letter_before(text: str, at: int) -> bool:
    return at > 0 and text[at - 1].isascii() and text[at - 1].isalpha()


# v43: a question that supposes the figure (What if the ROI is 20%?, 要是ROI是20%呢？), not one after it (ROI为20%，如果
# 成本上升呢？)
# v54: a closing offer of more work (需要我帮您计算…吗？, 要不要我算一下…？, "Would you like me to model a 20% price
# rise?"): a figure in it is what the work would try or check, not a figure the answer states - its question word is
# the offered work's (需要我算一下回收期缩短到20个月需要减少多少名客服吗？ was read as a question that presupposes it)
_AN_OFFER = re.compile(
    "(?:需要|需不需要|要不要)我(?![们方行司国])|要我(?![们方行司国])(?:帮|为|再|来)|我(?:可以|能)(?:帮您|帮你|为您|再|进一步)"
    r"|(?<![a-z])(?:would you like me to|do you want me to|shall i|should i|want me to|would it help if i"
    r"|would you like us to|do you want us to|shall we)(?![a-z])"
)
_WHAT_IF = re.compile(r"(?<![a-z])(?:what if|what happens if|and if)(?![a-z])|要是|假如|假设|如果|倘若|万一")
# v43: a question starts after a sentence's end or a semicolon (Costs fell; is the ROI 20%?), as `_A_CLAUSE_MARK` ends
# the figure's clause the other way round; not after a colon or a quote (Customers asked: "Can ROI reach 20%?" It
# reached 20% in Q3. - a question reported and answered, v41)
_A_QUESTIONS_START = re.compile(rf"{SENTENCE_END.pattern}|;")
# v52: the user's question framed before the answer's own part (如果您问ROI是多少，答案是20%): its question word is the
# user's, not the answer's - the answer's part after it may still ask (您问ROI是多少，答案是20%吗？)
_FRAMED_USER_QUESTION = re.compile(
    "^ ?(?:如果|要是|若|假如)?(?:您|你)们?(?:问|想知道|想了解)(?:的)?[^,;:]{0,30}?"
    "(?:多少|多高|多长|什么|如何|怎么样|怎样|几)[^,;:]{0,6}[,:] ?"
)


def _framed_question_end(sentence: str) -> int:
    """Where the answer's own words start after a framed question of the user's (您问ROI是多少，|答案是20%), else 0."""
    framed = _FRAMED_USER_QUESTION.match(sentence)
    return framed.end() if framed is not None else 0


# v43: a question's label (Q: Is payback 20 months?, 问：…, {"question": "Is the ROI 20%?") is no part of its words
_QUESTION_LABEL = re.compile(r""" ?[{\[]? ?["“]?(?:q|question|问|问题)["”]? ?: ?["“]?""")
_A_NOT_A = re.compile("是不是|是否|有没有|能否|能不能|会不会")
# v50: a question of a claim's truth asks all of it, however far its figure stands from the opener (Is it true that
# annual savings are $720,000, so the payback period is about 20 months, including a 4-month build phase?) - v49
# read the question's words only 80 characters back (`_REACH`) and credited a figure late in a long one
_A_TRUTH_QUESTION = re.compile(
    r"[ \n]*(?:[-*•>]|[0-9]+[.)])? ?(?:\*\*)? ?(?:q: ?|question: ?)?"
    r"(?:is it (?:really )?(?:true|the case|correct|right|accurate|a fact)|(?:can|could|would) you confirm"
    r"|do you confirm|are you sure|is this (?:true|correct|right))(?: that| whether)?(?![a-z])"
)
_ONLY_MARKS = re.compile(r"[ |*#>\-•0-9.)、]*")


def _a_bare_question(before: str, after: str) -> bool:
    """The figure (with its subject) is all its sentence or table cell asks, a question mark right after it: "ROI
    20%?", | 20%? |."""
    cell = before[before.rfind("|") + 1 :]
    return _ONLY_MARKS.fullmatch(cell) is not None and not after.strip()


# a goal or target named and then missed: 翻倍的目标没有实现, 降本20%的目标未能达成, "the goal of doubling revenue was
# missed", "We missed the target of a 20% cut", "the 20% cost-cut target was not met"
_MISSED_AFTER = re.compile(
    r"[^,;。!?\n]{0,16}?(?:的?(?:目标|指标|计划|预期)(?:并|均|都|也)?(?:没有?|未能?|没能|未曾)(?:能)?(?:实现|达成|完成|达到|兑现)"
    r"|的?(?:目标|指标|预期)(?:落空|失败|未达成?|告吹)"
    r"|(?: [a-z-]+){0,3} (?:goal|target|objective|plan)s? (?:was|were|has been|had been|is)? ?(?:missed|not met|not"
    r" achieved|not reached|unmet|not hit|not delivered)"
    # v89: named the goal, then missed after a "but" (A 20-month payback was the goal, but we missed it; 20个月回本是
    # 目标，但没有实现)
    r"|(?: [a-z-]+){0,3} (?:was|is|had been) (?:the|our|its|their) (?:goal|target|objective|plan),? but (?:we|it|they"
    r"|the company|the project) (?:missed|did not (?:meet|reach|hit|achieve)|didn't (?:meet|reach|hit|achieve)"
    r"|fell short of|failed to (?:meet|reach|hit|achieve)) it"
    r"|(?:是|为)(?:我们的|当初的|原来的)?(?:目标|计划|预期)[,，] ?(?:但是?|可惜|然而|不过)(?:并|最终|最后)?"
    r"(?:没有?|未能?|没能)(?:能)?(?:实现|达成|完成|达到|兑现)"
    # v100: a figure called only the ideal case (20个月只是理想情况，实际约30个月; 回本周期20个月只是最理想的估计; "20
    # months is only the best case") - the answer's figure is another
    r"|(?:只|仅|仅仅|不过|只不过)(?:是|为)(?:一种|一个)?最?(?:理想|乐观|理论|最好|最佳)(?:上)?的?"
    r"(?:情况|情形|状态|估计|假设|预期|值|数字|结果|测算|场景|数据|估算|预估)"
    # v106: and in a bracket of its own (ROI可达20%（理论值）, 20%（最理想情况）, "20% (best case)"), or one that
    # takes it back (ROI为20%（已撤回）, 20% (withdrawn))
    # v107: and after a 【】 or [] bracket (20个月【存疑】, 20 months [disputed]), or a noun before the doubt
    # (（数据存疑）, （该数据有争议）, （尚有争议）)
    r"|[(\[【] ?(?:(?:该|此|这个?)?(?:数据|数字|数值|说法|估计|口径)?(?:尚|仍|还|仍然)?"
    rf"(?:{DISPUTED_ZH}|待商榷)"
    r"|理论值|理论上限|理论最大值|理想情况|最理想情况|理想值|乐观估计|最乐观估计|最乐观情况"
    r"|已撤回|已作废|已失效|已过时|已废弃|旧数据|旧值|老数据|旧版数据|过时数据"
    r"|old data|old figure|outdated(?: data| figure)?"
    r"|best[- ]case|theoretical(?: maximum| max| value)?|ideal case|withdrawn"
    r"|retracted|superseded"
    # v107: or doubts it (20个月（存疑）, （有争议）, 20 months (disputed), (questionable)) - not a hedge that leaves it
    # open (（待核实）, (unverified): the answer's figure, as v19's 可能是 is)
    r"|不可靠|可疑|disputed|contested|questionable|doubtful|dubious|unreliable"  # (the Chinese doubts: above)
    r"|in dispute|in doubt"
    r"|obsolete) ?[)\]】]"
    # v107: and a wish, not a figure (20个月只是个美好的愿望, 20个月不过是一厢情愿, 20个月纯属画饼)
    r"|(?:只|仅|仅仅|不过|只不过)(?:是|为)?(?:一种|一个|个)?(?:美好的?|不切实际的?)?(?:愿望|期望|幻想|空想|一厢情愿|画饼"
    r"|噱头|营销噱头|口号|纸上谈兵|空头支票)"
    r"|(?:是|纯属|完全是|属于)(?:一种|一个|个)?(?:不切实际的?)?(?:幻想|空想|一厢情愿|画饼|噱头|营销噱头|纸上谈兵|空头支票)"
    # v106: and with no "only" where an actual follows (90万元是理论值，实际约60万元; 20个月是乐观估计，而实际…)
    r"|(?:是|为)(?:一种|一个)?最?(?:理想|乐观|理论|纸面)(?:上)?的?(?:情况|情形|状态|估计|假设|预期|值|数字|结果|测算"
    r"|场景|数据|估算|预估|上限|最大值)[,，;；] ?(?:但是?|而|然而|不过|可是)?(?:实际|现实|事实上|真实)"
    r"|(?: [a-z-]+){0,3} (?:is|was|would be) (?:only|just|merely) (?:the|a|an) (?:best[- ]case|ideal|optimistic"
    r"|theoretical)(?: case| scenario| estimate| figure| number)?(?![a-z-])"
    # v108: someone's word, then a count that belies it (20个月是销售的说法，财务核算是26个月; 回本周期为20个月的说法
    # 来自销售，财务核算为26个月), and a best case said so with a realistic figure after ("20 months is optimistic; 26
    # is realistic") - not our own count (20个月是我们的测算，竞品是26个月)
    r"|(?:(?:是|为)[\u4e00-\u9fff]{1,6}?的(?:说法|口径|估计|预估|数据|宣传|承诺)|的说法来自[\u4e00-\u9fff]{1,6}?)"
    r"[,，;；] ?(?:但是?|而|然而|不过|可是)?[\u4e00-\u9fff]{0,4}?(?:核算|测算|审计|复核|算下来|实际|现实|事实上)"
    r"|(?: [a-z-]+){0,3} (?:is|was|would be) (?:optimistic|the best case|a best case|best[- ]case|ideal|theoretical)"
    r"[,;.] (?:[^.!?\n]{0,30}?(?<![a-z])(?:realistic|realistically|in practice|in reality|actually)(?![a-z])"
    r"[^.!?\n]{0,16}?[0-9]|[^.!?\n]{0,30}?[0-9][^.!?\n]{0,16}?(?<![a-z])(?:realistic|likelier|more likely)(?![a-z]))"
    # v108: and a figure promised or quoted, then the real one (A 20-month payback was promised; the real one is 26
    # months)
    # v109: a theory, a paper or a headline figure, then the practice's (20 months in theory and 26 in practice; 20
    # months on paper, 26 in reality; 20 months is the headline number; the realistic figure is 26; 回本周期20个月是
    # 宣传口径，真实情况是26个月)
    r"|(?: (?:in theory|on paper|nominally|theoretically|as advertised|officially)"
    r"|(?: [a-z-]+){0,3} (?:is|was) the (?:headline|advertised|official|nominal|quoted|marketing) (?:number|figure))"
    r"[,;.]? (?:and |but |while |whereas )?(?:[^.!?\n]{0,30}?(?<![a-z])(?:in practice|in reality|realistic"
    r"|realistically|actually|the real|the actual)(?![a-z])[^.!?\n]{0,20}?[0-9]|[^.!?\n]{0,20}?[0-9][^.!?\n]{0,16}?"
    r"(?<![a-z])(?:in practice|in reality|in real life)(?![a-z]))"
    r"|(?:是|为)(?:宣传|官方|名义|理论|账面)(?:口径|数字|值|说法|数据)[,，;；] ?(?:但是?|而|然而|不过|可是)?"
    r"[\u4e00-\u9fff]{0,6}?(?:实际|现实|真实|事实上|实践中)"
    r"|(?:[- ][a-z-]+){0,3} (?:was|is|had been|were) (?:promised|quoted|advertised|claimed|touted|pitched)[,;.] "
    r"[^.!?\n]{0,30}?(?<![a-z])(?:the real|the actual|actually|in reality|in fact|really|realistically)(?![a-z])"
    r"[^.!?\n]{0,20}?[0-9])"
)
_MISSED_GOAL_OF_AFTER = re.compile(
    r"[^,;。!?\n]{0,30}? (?:was|were|has been|had been|is) (?:missed|not met|not achieved|not reached|unmet)(?![a-z])"
)
_MISSED_BEFORE = re.compile(
    r"(?:未能?|没有?|没能)(?:实现|达成|完成|达到)[^,;。!?\n率]{0,12}$"  # not 未完成率为20%: a rate
    r"|(?<![a-z])(?:missed|failed to (?:meet|reach|hit|achieve)|fell short of|did not (?:meet|reach|hit|achieve)"
    r"|didn't (?:meet|reach|hit|achieve)) (?:the |our |its |their )?(?:[a-z-]+ )?(?:goal|target|objective) of"
    r"(?: an?)? [^,;.!?\n]{0,20}$"
)
_GOAL_OF_BEFORE = re.compile(r"(?<![a-z])(?:goal|target|objective|plan) of (?:an? )?[^,;.!?\n]{0,20}$")


# v41: an expectation of the past, or a third party's, that the rest of the sentence contradicts (原本预计营收翻倍，实际
# 仅增长40%; We expected revenue to double, but it grew only 40%; Investors expect revenue to double; we think 40% is
# realistic) is a forecast that failed or was not the answer's, as a goal missed is - the answer's own forecast (We
# expect revenue to double, 预计营收将翻倍) states it. A plan beside the actual (原计划ROI为20%，实际ROI为18%) stays
# v39's two facts.
_EXPECTED_BEFORE = re.compile(
    "(?:原本|本来|原先|原来|原|最初|起初|当初)(?:预计|预期|以为|估计|指望)"
    r"|(?<![a-z])(?:(?:we|i|they|management|the company)(?: had| originally| initially)? (?:expected|anticipated"
    r"|forecast|predicted|projected|hoped)|(?:investors|analysts|the market|critics|some|many|others) (?:expect|expects"
    "|predict|predicts|hope|hopes|anticipate|anticipates|believe|believes|think|thinks))(?![a-z])"
    "|(?:投资者|投资人|分析师|市场|外界|有人)(?:普遍)?(?:预计|预期|认为|期待)"
)
_CONTRADICTED_AFTER = re.compile(
    "[^。!?\n]*?(?:但是?|然而|实际|却|不过|可是|仅|只"
    r"|(?<![a-z])(?:but|however|actually|in fact|instead|only|we think|we believe|we estimate|realistic)(?![a-z]))"
)


def _expectation_contradicted(answer_norm: str, start: int, end: int) -> str | None:
    """The past or third party's expectation before the change at start:end that its sentence contradicts after it."""
    sentence_start = max(last_end(SENTENCE_END, answer_norm, start), start - 60, 0)
    expected = None
    for m in _EXPECTED_BEFORE.finditer(answer_norm, sentence_start, start):
        expected = m
    if expected is None or _CONTRADICTED_AFTER.match(answer_norm, end) is None:
        return None
    return answer_norm[expected.start() : start]


# v49: the answer's own forecast that its sentence then belies with an actual figure (ROI预计为20%，但实际只有15%,
# 回收期预计20个月，实际为26个月, The ROI is projected at 20%, but in fact it is 15%): the answer says the figure is
# the other one, and a point asking for the value is not met by the forecast (v48 credited it, v41 read only a past or
# third party's forecast). A plan or target beside the actual (原计划ROI为20%，实际ROI为18%) stays v39's two facts,
# and an actual that repeats the figure (预计20%，实际也达到了20%) leaves it stated.
_OWN_FORECAST = re.compile(
    r"预计|预期|预测|预估|估计|测算|(?<![a-z])(?:expected|forecast|forecasts|projected|estimated|predicted)(?![a-z])"
    # v107: and a figure only seeming, nominal or on paper, belied the same way (看似20个月，实则26个月;
    # 说是20个月，其实要26个月; 表面上看是20个月，实际上是26个月; "Nominally 20 months, effectively 26"; "On paper it
    # is 20 months; in practice 26"; "The brochure says 20 months; the real figure is 26 months") - not 可以说是 (it may
    # be said to be)
    r"|看似|看起来|看上去|名义上|号称|据称|声称|宣称|宣传|账面上?|纸面上|理论上|乍一看|乍看|表面上|表面看|口径"
    r"|官方|对外公布|对外披露"  # v111: ROI官方数据是20%，实际为12%
    r"|(?<!可以)(?<!应该)(?<!地)说是"
    r"|(?<![a-z])(?:nominally|supposedly|seemingly|apparently|officially|on paper|on the surface|at first glance"
    r"|looks like|appears|says|claims|quotes|advertises|promises)(?![a-z])"
    # v108: a best case, a condition's outcome or someone's word, belied the same way (最理想情况下20个月，实际上要26个
    # 月; 如果预算翻倍，可缩短至20个月；按当前预算是26个月; 张三说20个月，但我核算后是26个月; "In the best case 20
    # months; realistically 26") - not 总的来说 / 比如说 (a way of speaking)
    r"|最理想|最好的?情况|最佳情况|理想情况|理想状态|最乐观|乐观情况|如果|假如|倘若|要是|理论值"
    # v109: the earliest or fastest (最早2024年上线，但很可能推迟到2025年; 最快20个月，更可能是26个月) and all going
    # well (一切顺利的话20个月，保守估计26个月) - not a peak beside an average (ROI峰值20%，均值12%): a question may
    # ask either (高峰期日处理量 asks the peak)
    r"|最早|最快|最短|顺利的话|顺利的情况下"
    r"|(?<![来如话是再所听可据])说(?![明服法])"
    r"|(?<![a-z])(?:in the best case|best case|best-case|at best|ideally|optimistically|theoretically|in theory"
    r"|if|said|told us|told me)(?![a-z])"
)
_BELIED_BY_AN_ACTUAL = re.compile(
    r"[^。!?\n]{0,16}?(?P<said>实际运营(?:数据)?|实际|事实上"
    r"|(?<![a-z])(?:actual|actually|in fact|in reality|in practice)(?![a-z])"
    # v107: and the words of a seeming's actual (实则, 其实, effectively, the real figure)
    r"|实则|其实|细算|真实|真正|(?<![a-z])(?:effectively|really|in truth|the real (?:figure|number|value))(?![a-z])"
    # v108: the actual of a best case, a condition or a word: today's, or one's own count (按当前预算是26个月, 财务
    # 算下来是26个月, 但我核算后是26个月, "realistically 26", "at the current budget it is 26")
    r"|按(?:当前|目前|现在|现有|现行)|现实(?:中|情况)?|核算|测算|复核|审计|算下来|算出来|实算|实测"
    r"|更(?:有)?可能|很可能|大概率|多半|一般(?:来说|情况下)?|通常|保守(?:估计|估算|测算|来看)|做好"
    r"|实践中|真实情况"  # v109: 理论上20个月，实践中26个月 (and 实际运营数据, first above)
    r"|(?<![a-z])(?:realistically|at (?:the )?current|as things stand"
    # v109: the likelier figure after a best case (最快20个月，更可能是26个月; 很可能推迟到2025年; 一般26个月; "20
    # months at best, more likely 26")
    r"|more likely|most likely|probably|typically|usually|more realistically|expect|plan for|budget for"
    r"|conservatively"
    r"|we (?:measured|calculated|computed|checked)"
    # v110: one's own count named (Payback: 20 months (vendor figure); our estimate is 26 months)
    r"|our (?:own )?(?:estimate|calculation|count|figure|measurement|model|analysis)s?)(?![a-z])"
    # v89: and an outcome's verb after a "but" (was expected to be 20 months but came in at 24, turned out to be 24)
    r"|(?<![a-z])but (?:it |this |payback |the [a-z]+ )?(?:came in at|came in|turned out to be|turned out at"
    r"|ended up at|ended up being|ended at|landed at|came to)(?![a-z])|结果(?:却|只)?(?:是|为|达到了|花了|用了))"
    r"[^。!?\n0-9]{0,16}?(?<!第)(?P<figure>[0-9][0-9,.]*)"
)
_A_BARE_END = re.compile(r" ?(?:[,;!?。，；]|\.(?=\s|$)|$)")
# v110: whose word the figure is, in a bracket after it (回本周期：20个月（供应商口径），我们测算为26个月; ROI：
# 20%（对方提供），经我们复核为12%; "Payback: 20 months (vendor figure); our estimate is 26 months") - belied as a
# forecast is when an own count follows; alone it stays the answer's figure, and so does one of our own or the actual's
# (20个月（实测数据）, （我们的估计）)
_WHOSE_WORD_AFTER = re.compile(
    r" ?[(\[【] ?(?!实际|实测|我们|我方|本项目|审计|核算)"
    r"(?:[\u4e00-\u9fff]{0,4}?(?:口径|说法|宣传|承诺|报价|估计|预估|数据|数字|提供|给出|声称|宣称|所称|所说|自称|自报)"
    r"|(?:the |per the |according to (?:the )?|as )?(?:vendor|vendor's|supplier|supplier's|official|advertised"
    r"|marketing|sales|quoted|headline|claimed|nominal|brochure|their|the company's)(?: [a-z']+){0,2}) ?[)\]】]"
)
# v109: a best case said after its figure (20 months at best, 2024 at the earliest)
_BEST_CASE_AFTER = re.compile(
    r" ?(?:at (?:the )?(?:best|earliest|soonest|most)|in the best case|best case"
    r"|if (?:all|everything) goes (?:well|right|smoothly|to plan))(?![a-z])"
)
# what may stand between "actual" and its figure for it to be the forecast's own value: a copula, a limiter, a
# filler - or a name the forecast's sentence already gave (实际ROI为15%). Anything else makes it another quantity's
# actual: 预计毛利率20%，实际IRR为15%; ROI预计为20%，风险在于实际成本可能上升15% (a change of a cost) - not a belying.
_ACTUAL_FILLER = re.compile(
    r"只有|仅有|仅为|仅|只|才|约为|约|大约|大概|达到了|达到|达|为|是|也|却|则|上|情况|数据|数字|结果|数值|值|来看|看|"
    r"投入了|投入|投资|花费了|花费|花了|用了|耗时|需要|需|"
    # v106: and the ways the actual was measured (有人估计20个月，但实际测算为26个月, 实际核算下来为26个月)
    r"测算|核算|计算|测得|测出|算下来|下来|统计|核实|复核|审计|"
    r"执行|运行|落地|上|要|"  # v107: 实际执行下来是26个月, 其实要26个月
    r"后|(?<![a-z])(?:level|rate|pace)(?![a-z])|"  # v108: 核算后是26个月, at the current level it is 26
    r"推迟|延迟|延后|拖|提前|到|"  # v108: 预计2024年上线，实际推迟到了2025年
    r"的|了|[:：,，\s]|(?<![a-z])(?:it|is|was|were|only|just|came|in|at|to|reached|stood|around|about|roughly|the|"
    r"figure|number|result|value|a|mere|closer|nearer|turned|out|be|been|took|cost|spent|needed|lasted|has|had|it's|"
    r"gives|gave|shows|showed|says|puts|suggests|indicates)"  # v110: our calculation gives 12%
    r"(?![a-z])"
)
_A_WORD = re.compile(r"[a-z]+|[\u4e00-\u9fff]+")
# v115: a label in a bracket right after the forecast's figure (（已审计）, (est.)), read past - its words are no actual
_A_LABEL_AFTER = re.compile(r" ?\([^()0-9]{1,16}\)")


def _forecast_belied(answer_norm: str, start: int, end: int) -> str | None:
    """The actual figure that its sentence gives after the answer's own forecast at start:end, where it differs."""
    figure, unit = figure_and_unit(answer_norm, start, end)  # v50: its last number (ROI不是15%。实际预计为20%)
    if figure is None:
        return None
    sentence_start = max(last_end(SENTENCE_END, answer_norm, figure.start()), start - 40, 0)
    said_after = _BEST_CASE_AFTER.match(answer_norm, end) or _WHOSE_WORD_AFTER.match(answer_norm, end)
    if _OWN_FORECAST.search(answer_norm, sentence_start, figure.start()) is None and said_after is None:
        return None
    after = said_after.end() if said_after is not None else end
    label = _A_LABEL_AFTER.match(answer_norm, after)  # v115: ROI预计为20%（已审计），但实际只有26%
    actual = _BELIED_BY_AN_ACTUAL.match(answer_norm, label.end() if label is not None else after)
    if actual is None or actual.group("figure").rstrip(",.") == figure.group().rstrip(",."):
        return None
    rest = answer_norm[actual.end() :]  # the actual must be a figure of the same kind as `unit` (not 第3个月)
    if unit and not rest.lstrip().startswith(unit) and not _A_BARE_END.match(rest):
        return None  # v89: or a bare number that ends its clause (expected to be 20 months but came in at 24.)
    said_before = answer_norm[sentence_start : figure.start()]
    gap = _ACTUAL_FILLER.sub(" ", answer_norm[actual.end("said") : actual.start("figure")])
    if any(word not in said_before for word in _A_WORD.findall(gap)):
        return None
    return actual.group()


def a_missed_goal(answer_norm: str, start: int, end: int) -> str | None:
    """The words that name the figure or change at start:end as a goal that was missed (v40) or an expectation that
    failed (v41); else None."""
    missed = _MISSED_AFTER.match(answer_norm, end)
    if missed is not None:
        return missed.group()
    failed = _expectation_contradicted(answer_norm, start, end)
    if failed is not None:
        return failed
    belied = _forecast_belied(answer_norm, start, end)
    if belied is not None:
        return belied
    before = _MISSED_BEFORE.search(answer_norm, max(0, start - 60), start)
    if before is not None:
        return before.group()
    goal_of = _GOAL_OF_BEFORE.search(answer_norm, max(0, start - 40), start)
    if goal_of is not None:
        after = _MISSED_GOAL_OF_AFTER.match(answer_norm, end)
        if after is not None:
            return after.group()
    return None
