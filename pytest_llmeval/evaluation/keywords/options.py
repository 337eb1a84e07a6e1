"""v34: a lettered option the answer lists and does not pick.

An answer to a choice question often repeats the options before it names its pick: "A. 18个月 B. 20个月 C. 24个月。
答案：C", "(a) 18 months (b) 20 months (c) 24 months. Answer: (c)". Each option's figure then stands in the answer,
and v33 credited 20个月 for an answer that chose 24个月. A key point found inside an option whose letter is not the
one the answer picks is not stated by it. The option is a bare letter with its mark (A. / A、 / A: / A) / (a) /
选项A：), not a name that ends in a letter (方案A：20个月 compares plans: its figure is a fact the answer states); the
pick is an answer's word (答案, 正确答案, 正确选项, 应选, 选, answer, correct option, the correct choice) before one
letter, and the answer names one pick only (答案：C ... 也可选B picks none for certain: its options are left alone).

v36: and an option's figure repeated right after the words that reject the option (`rejected_option`): "Why not A:
18 months assumes ...", "Why not A (18 months)?", "A is ruled out: 18 months ...", 为什么不选A：18个月的假设是...,
不选A的原因：18个月..., 排除A：18个月... - v35 credited 18个月 though the answer picked B; a reason for the pick ("Why
18 months:", 为什么是18个月：) still states it.

And an option passed over for another (`passed_over`): "we recommend SaaS over on-premises deployment", "prefer A
over B", 与其选择私有化部署，不如选择SaaS - the second is not recommended, as "rather than" and 而非 (v7) say.
"""

from __future__ import annotations

import re
from functools import lru_cache

# an option's letter and mark, at the start of a line or after a space, a bracket or punctuation - not after a word
# (方案A, plan A) - and not a letter that goes on into a word or an abbreviation (e.g., i.e.)
_OPTION = re.compile(r"(?:(?<=[\s:;,。;、(])|^)(?<![a-z] )(?:选项 ?|option )?\(?([a-f])(?:\)|[.、:](?! ?[a-z0-9]\.))")
# the answer's pick: its word, then one letter on its own (English: after "is" or a colon - "answer a question" is none)
_PICK = re.compile(
    r"(?:(?:正确答案|答案|正确选项|应选择?|选择|选)(?: ?[:是为])?"
    r"|(?<![a-z])(?:answer|correct option|correct choice|right option|best option)(?: is|:)) ?\*{0,2}\(?([a-f])"
    r"(?![a-z0-9])"
)
_SENTENCE_END = re.compile("[。\n!?；;]|\\. ")
_OPTION_REACH = 40  # characters from an option's mark to the figure it holds


def an_option_not_picked(answer_lines: str, start: int, end: int) -> str | None:
    """The answer's pick (答案:c) where the match at start:end stands in a listed option of another letter; else
    None."""
    own = _own_option(answer_lines, start)
    if own is None:
        return None
    letters, picks = _options_and_picks(answer_lines)
    if len(letters) < 2:
        return None  # a list of options has two or more
    picked = {letter for pick_start, pick_end, letter, _ in picks if not pick_start <= start < pick_end}
    if len(picked) != 1 or own in picked:
        return None
    return " (" + next(text for _, _, letter, text in picks if letter in picked) + ")"


@lru_cache(maxsize=8)
def _options_and_picks(answer_lines: str) -> tuple[frozenset[str], tuple[tuple[int, int, str, str], ...]]:
    """The answer's option letters and its picks (start, end, letter, text): read once per answer, not once for
    each of a figure's occurrences (linear time)."""
    letters = frozenset(m.group(1) for m in _OPTION.finditer(answer_lines))
    picks = tuple((m.start(), m.end(), m.group(1), m.group()) for m in _PICK.finditer(answer_lines)) if letters else ()
    return letters, picks


def _own_option(answer_lines: str, start: int) -> str | None:
    """The letter of the option that the text at `start` stands in: the last option mark before it, with no
    sentence end nor other pick between."""
    window = max(0, start - _OPTION_REACH)
    last = None
    for m in _OPTION.finditer(answer_lines, window, start):
        last = m
    if last is None or _SENTENCE_END.search(answer_lines, last.end(), start) is not None:
        return None
    if _PICK.search(answer_lines, max(0, last.start() - 12), last.end()) is not None:
        return None  # 答案:c(24个月) - the pick itself, not an option
    return last.group(1)


# v34: an option passed over: "over" after a verb of preference in its clause (recommend SaaS over on-premises), and
# 与其 ... 不如 (与其选择私有化部署，不如选择SaaS) - not "over" in time or place (migrate over 3 months: a figure is
# never read so here, see `scoring._find`), nor a negated preference (we do not recommend SaaS over on-premises)
_PREFERENCE_BEFORE_OVER = re.compile(
    r"(?<![a-z])(?:prefer|preferred|prefers|recommend|recommended|recommends|choose|chose|chosen|choosing|favou?r"
    r"|favou?red|pick|picked|select|selected|opt for|opted for|go with|went with)(?![a-z])[^,;.!?\n]{1,40}"
    r"(?<![a-z])over (?:the |a |an )?$"
)
_NEGATED_PREFERENCE = re.compile(r"(?<![a-z])(?:not|n't|never)(?: [a-z]+)? $")
_YU_QI = re.compile("与其(?:说|去|是|选择?|采用|使用|用){0,2}$")
_BU_RU = re.compile("[^。!?;\n]{0,40}?(?:还|倒)?不如")
# v107: and a figure said only to be set aside for another (与其说20个月，不如说两年多;
# 与其说回本周期是20个月，不如说是26个月; "Payback is not so much 20 months as 26 months")
_YU_QI_SAID = re.compile("与其说(?:是|[^,，;；。!?\n]{0,10}?(?:是|为))?$")
_NOT_SO_MUCH = re.compile(r"(?<![a-z])not so much (?:(?:the|a|an) )?$")
_AS_ANOTHER = re.compile(r"[^,;.!?\n]{0,12}? as (?:(?:the|a|an) )?[0-9a-z]")


def passed_over(answer_norm: str, start: int, end: int, figure: bool = False) -> str | None:
    """The words that pass over the option at start:end for another (recommend X over, 与其...不如); else None. A
    figure (`figure`) is passed over only as said (与其说20个月，不如说26个月, not so much 20 months as 26): "over"
    before a figure is time or place (migrate over 3 months)."""
    if figure:
        said = _YU_QI_SAID.search(answer_norm, max(0, start - 16), start)
        if said is not None and _BU_RU.match(answer_norm, end):
            return said.group()
        not_so_much = _NOT_SO_MUCH.search(answer_norm, max(0, start - 20), start)
        if not_so_much is not None and _AS_ANOTHER.match(answer_norm, end):
            return not_so_much.group()
        return None
    over = _PREFERENCE_BEFORE_OVER.search(answer_norm, max(0, start - 60), start)
    if over is not None and _NEGATED_PREFERENCE.search(answer_norm, max(0, over.start() - 12), over.start()) is None:
        return answer_norm[over.start() + over.group().rfind("over") : start]
    yu_qi = _YU_QI.search(answer_norm, max(0, start - 6), start)
    if yu_qi is not None and _BU_RU.match(answer_norm, end):
        return yu_qi.group()
    return None


# v36: the words that reject a lettered option, then its figure with nothing but marks between (Why not A: 18 months)
_REJECTED = re.compile(
    r"(?:(?<![a-z])(?:why not|not)(?: option)? \(?([a-f])\)?"
    r"|(?<![a-z])(?:option )?\(?([a-f])\)? (?:is|was) (?:ruled out|rejected|eliminated|excluded"
    r"|not (?:chosen|recommended|the answer))"
    r"|(?<![a-z])(?:rule out|ruling out|reject|rejecting|eliminate|exclude)(?: option)? \(?([a-f])\)?"
    r"|为什么不(?:选择?|是)(?:选项|方案)? ?([a-f])"
    r"|不选(?:选项|方案)? ?([a-f])(?: ?的原因)?|排除(?:选项|方案)? ?([a-f]))(?![a-z0-9])"
)
_MARKS_ONLY = re.compile(r"[\s:()\-—–*,，]*")
_REJECTION_REACH = 40


def rejected_option(answer_lines: str, start: int) -> str | None:
    """The words that reject an option (why not a:, 不选a的原因:) where the text at `start` follows them with only
    marks between (the option's figure restated in its rejection); else None."""
    window = max(0, start - _REJECTION_REACH)
    last = None
    for m in _REJECTED.finditer(answer_lines, window, start):
        last = m
    if last is None or _MARKS_ONLY.fullmatch(answer_lines, last.end(), start) is None:
        return None
    return answer_lines[last.start() : start]
