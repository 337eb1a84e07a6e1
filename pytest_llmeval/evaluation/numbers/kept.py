"""v52: two more ways an answer links a point's subject to its figure (ROI 20%), both missed by v51.

A verb of holding or keeping: the subject still has, keeps, holds at or stays at the figure (ROI仍有20%, ROI仍然有20%,
ROI依然保持在20%, ROI维持20%, ROI还有20%, ROI依旧为20%, ROI仍能达到20%; the ROI stays at 20%, remains 20%, holds at
20%, stays around 20%, is still at 20%). Only the verb, a "still" and an "about" may stand between: a bound (stays
above 20%, 保持在20%以上 - the bound after the figure is read by the figure's rules as since v17), a negation (ROI没有
保持在20%, the ROI does not stay at 20%), a change (ROI从20%降至15%) or another subject leave no link; a figure that
counts the words after it (ROI还有20%的提升空间, the fund holds 20% of the shares) is not the subject's
(`patterns._a_counted_figure`).

A framed answer: the subject named in a frame (As for the ROI, Regarding the ROI, If you are asking about the ROI,
至于ROI, 关于ROI, 如果您问ROI是多少), then its figure through a pronoun or an "answer is" phrase (it is 20%, the answer
is 20%, 答案是20%, 它为20%). The frame must open before the subject, and the pronoun must stand right after the comma:
another subject there (As for the ROI, the IRR is 20%) is no link.
"""

from __future__ import annotations

import re

_ABOUT_ZH = "(?:约|大约|大概|大致|接近|将近)?"
_ABOUT_EN = "(?: (?:about|around|roughly|approximately|nearly|close to|near))?"
# v60: and the subject's other name in brackets (投资回报率（ROI）仍为20%, return on investment (ROI) stays at 20%), as
# `patterns._SUBJECT_LINK` takes it before a copula since v38 (v59 missed them), and its closing corner bracket
# (「回收期」仍为20个月)
_OPENS = r"(?:\*\*)? ?(?:\([a-z\u4e00-\u9fff -]{1,30}\) ?)?[\"”'’」』]? ?(?:[:|] ?)?"
_CLOSES = r" ?(?:\*\*)? ?[\"“'‘「]?"

_STILL_ZH = "(?:仍然|依然|依旧|仍旧|仍|还|也|始终|一直|继续|照样|同样|都|均)?"
_MODAL_ZH = "(?:能够?|可以?|将|会|可望|有望)?"
_HOLD_VERB_ZH = "(?:(?:保持|维持|稳定|稳住|稳|守|停留|保|锁定)(?:在|于)|保持(?:住)?|维持(?:住)?|守住|保有|拥有|有)"
_HOLD_ZH = f"(?:{_HOLD_VERB_ZH}|能达到?|达到|为|是)"
_STILL_EN = "(?:(?:still|also|even|comfortably|firmly|steadily) )?"
_HOLD_EN = (
    "(?:remains?|remained|stays?|stayed|holds?|held|keeps?|kept|continues? to be|continued to be"
    "|(?:remains?|stays?|holds?|is|was) (?:steady|stable|firm|flat|unchanged|intact|put)"
    "|is (?:held|kept|maintained|sustained)|was (?:held|kept|maintained|sustained)|is still|was still)"
    "(?: at)?"
)
# the gap between a subject and its figure that holds a verb of holding (ROI|仍然保持在|20%, the ROI| stays at |20%)
HOLDING_LINK = re.compile(
    # v60: an "about" before the copula too (回收期仍约为20个月: v59 took it only after)
    f"{_OPENS}(?:{_STILL_ZH}{_MODAL_ZH}(?:约|大约|大概)?{_HOLD_ZH}{_ABOUT_ZH}"
    f"|(?:,? (?:will |would |should |can |could |may |might )?)?{_STILL_EN}{_HOLD_EN}{_ABOUT_EN}) ?"
    f"{_CLOSES}"
)
# the gap ending in a verb that holds an object (有, 保持, 维持, holds, keeps - not 保持在 or "stays at", which name a
# level): a figure after it may count what follows (ROI还有20%的提升空间, ROI仍保持20%的增长, the ROI holds 20% of the
# upside: `patterns._a_hedged_count`), while 保持在20%的水平 and 稳定在20%的高位 are levels
HOLDING_VERB = re.compile(
    f"{_OPENS}(?:{_STILL_ZH}{_MODAL_ZH}(?:保持(?:住)?|维持(?:住)?|守住|保有|拥有|有)(?!在|于){_ABOUT_ZH}"
    f"|(?:,? (?:will |would |should |can |could |may |might )?)?{_STILL_EN}(?:holds?|held|keeps?|kept){_ABOUT_EN}) ?"
    f"{_CLOSES}"
)

# a Chinese verb of holding anywhere in a gap (ROI还有|20%, ROI保持在|20%): a figure after it followed by 就 / 才 is
# what is still to go (`patterns._a_hedged_count`)
HOLDING_VERB_ZH = re.compile(_HOLD_VERB_ZH)

# a frame that names the subject before it: As for the ROI, Regarding the ROI, If you are asking about the ROI, 至于ROI,
# 关于ROI, 说到ROI, 如果您问ROI是多少 (the frame ends where the subject starts)
_FRAME_BEFORE = re.compile(
    "(?:(?<![a-z])(?:as for|as to|as regards|regarding|concerning|with regard to|with respect to|when it comes to"
    "|speaking of|talking about|turning to|as far as|about|for"
    "|if you(?:'re|’re| are)? (?:ask|asking|asked)(?: me)?(?: about| what| how high| how long)?"
    "|if (?:your|the) question is(?: about| what| how high| how long)?"
    "|if you (?:want|wanted|wish) to know(?: about| what)?"
    "|you (?:ask|asked|are asking|'re asking|’re asking)(?: about| what)?)"
    "(?: (?:the|your|our|its|this|that|a))? ?"
    "|(?:关于|至于|说到|谈到|讲到|提到|就|对于|针对|如果您?问|要是您?问|若您?问|假如您?问|您问|你问|您想知道|你想知道"
    "|要问)的? ?)$"
)
# what stands between the framed subject and its figure: the rest of the frame, a comma, then a pronoun or "the answer"
_FRAMED_GAP = re.compile(
    r"(?:\*\*)?(?: (?:is concerned|goes|is|was))?(?: (?:is|was))?[?？]? ?(?:,|:|;|—|–| -|，|：|；)"
    "|(?:而言|来说|方面|的话|这一项|这个指标)?(?:是多少|是什么|有多少|有多高|有多长|多少|多高|多长|如何|怎么样|怎样|为多少)?呢?"
    "[?？]? ?[，,：:；;—]"
)
_FRAMED_FIGURE = re.compile(
    " ?(?:(?:it|this|that|the answer|the short answer|my answer|the figure|the number|the value|the estimate)"
    "(?: is|'s|’s| comes to| stands at| works out to| sits at| would be| will be| should be| comes in at)"
    f"{_ABOUT_EN}"
    "|(?:答案|回答|结论|数字|数值|它|其|这个数字?|这个值|该值|那么|那就|那)?(?:是|为|在|有|约为|大约是|大概是|约|大约|大概)"
    f"{_ABOUT_ZH}"
    "|(?:答案|回答|结论)(?:是|为)?[:：]"
    f"){_CLOSES}"
)


# v54: a pronoun (or none) then a verb of holding after the frame's comma (Regarding the ROI, it remains 20%; 至于ROI，
# 仍保持在20%) - v52 read a frame or a verb of holding, not both
_FRAMED_PRONOUN = re.compile(
    " ?(?:(?:it|this|that|the figure|the number|the value|the ratio)(?= )|它|其|该指标|这一指标)?"
)

# v54: a pronoun that points back across a clause to the subject a frame put forward (如果说ROI有什么亮点，那就是它
# 达到了20%; If anything stands out about the ROI, it is that it reaches 20%): the frame opens before the subject ...
_POINTING_FRAME_BEFORE = re.compile(
    "(?:如果说|要说|若说|要是说|假如说|如果要说)的? ?$"
    r"|(?<![a-z])(?:if (?:anything|one thing|there is (?:one thing|anything)(?: that)?)"
    " (?:stands out|is (?:notable|remarkable|worth noting|striking|impressive)|to (?:note|say|highlight))"
    "|(?:the (?:one )?thing|what) (?:that )?(?:stands out|is (?:notable|worth noting|striking))"
    ") (?:about|in|with|on) (?:the |its |our |this |your )?$"
)
# ... its own clause runs to a comma with no figure and no clause's end (有什么亮点, 最值得一提的) ...
_POINTING_CLAUSE = re.compile(r"[^，,。；;！？!?.:：\n0-9%]{0,16}?[，,] ?| is (?=that )")
# ... and the next clause gives the figure through the pronoun and a verb of reaching or holding
_POINTING_PRONOUN = re.compile(
    # 那就是它, 最值得一提的是它, 最值得一提的，就是它
    "(?:[^，,。；;！？!?\n0-9%a-z它其]{0,10}?[，,]? ?)?"
    "(?:那么?|则)?(?:就|便)?(?:是|在于)?(?:它|其)(?:的(?:数值|水平|值))?"
    "|(?:it is|it's|it’s|it was|that is) that (?:it|its value)|that it|it(?= )"
)
_REACHING = re.compile(
    f"(?:(?:已经?|已|也|更)?(?:达到了?|高达|达|实现了?|为|是|有){_ABOUT_ZH}"
    " ?|(?: (?:has |had )?(?:reaches|reached|hits|hit|comes to|came to|stands at|stood at|sits at|is|was|tops out at)"
    f"){_ABOUT_EN} ?)"
    f"{_CLOSES}"
)


def framed_link(text: str, at: int, gap_start: int, pos: int, others: frozenset[str] = frozenset()) -> bool:
    """Whether the subject at `at` (its name ending at `gap_start`) is named in a frame and its figure at `pos` is
    given through a pronoun or an answer phrase after the frame's comma (As for the ROI, it is 20%; 如果您问ROI是多少，
    答案是20%) - v54: or a pronoun and a verb of holding (Regarding the ROI, it remains 20%), or a pronoun that points
    back across the frame's clause (如果说ROI有什么亮点，那就是它达到了20%) where none of `others` (the other subjects'
    names) stands between - not another subject after the comma (As for the ROI, the IRR is 20%)."""
    if _FRAME_BEFORE.search(text, max(0, at - 40), at) is not None:
        comma = _FRAMED_GAP.match(text, gap_start)
        if comma is not None:
            if _FRAMED_FIGURE.fullmatch(text, comma.end(), pos) is not None:
                return True
            pronoun = _FRAMED_PRONOUN.match(text, comma.end())
            if pronoun is not None and HOLDING_LINK.fullmatch(text, pronoun.end(), pos) is not None:
                return True
    return _points_back(text, at, gap_start, pos, others)


def _points_back(text: str, at: int, gap_start: int, pos: int, others: frozenset[str]) -> bool:
    """v54: whether a frame puts the subject at `at` forward (如果说ROI, If anything stands out about the ROI), its
    clause closes with no figure and no other subject's name, and the next clause gives the figure at `pos` through a
    pronoun that can only be the subject (那就是它达到了20%, it is that it reaches 20%)."""
    if _POINTING_FRAME_BEFORE.search(text, max(0, at - 48), at) is None:
        return False
    clause = _POINTING_CLAUSE.match(text, gap_start)
    if clause is None:
        return False
    pronoun = _POINTING_PRONOUN.match(text, clause.end())
    if pronoun is None:
        return False
    between, own = text[gap_start : pronoun.end()], text[at:gap_start]
    if any(name in between for name in others if name not in own):
        return False  # 如果说ROI比IRR更亮眼，那就是它达到了20%: 它 may be either
    rest = pronoun.end()
    return _REACHING.fullmatch(text, rest, pos) is not None or HOLDING_LINK.fullmatch(text, rest, pos) is not None
