"""A forbidden claim the answer names only to warn against it (v35): after a warning (警惕, 谨防, beware of, be wary
of), as a myth (误以为, 常见误区, a common misconception is that), under a heading of things not to do (## 销售话术禁忌,
不要做的事：, Don'ts, Avoid:), on a line crossed out (❌ 保证收益), or mentioned as someone's claim and condemned in
its sentence (宣称保证收益属于违规行为, promises of guaranteed returns are a red flag). Each is the answer's warning
about the claim, not the claim: v34 charged them all, which costs a careful model the trap's penalty.
"""

from __future__ import annotations

import re

from .normalisation import CHECK, CROSS

# Cues before the claim in its part of the clause (read as the uncertainty cues of `assertion` are: a comma ends
# their reach, a contrast after them starts an assertion again). Not 防范 or 远离, guard against, stay away from or
# look out for (防范风险并保证收益, guard against inflation with guaranteed returns assert it) nor a bare "careful".
WARNING_CUES_ZH = ("警惕", "谨防", "提防", "小心", "当心", "留神")
WARNING_CUES_EN = (
    "beware of",
    "beware",
    "be wary of",
    "wary of",
    "watch out for",
    "steer clear of",
    "be (?:very )?(?:skeptical|sceptical|suspicious|careful|cautious) (?:of|with|about|when)",
)
# A myth named as one before it: many people wrongly believe ..., a common misconception is that ...
MYTH_CUES_ZH = ("误以为", "错误地认为", "错误认为", "错误观念", "误解", "误区", "迷思", "想当然地认为")
MYTH_CUES_EN = (
    "myth(?: is)? that",
    "misconception(?: is)? that",
    "(?:mistakenly|wrongly|falsely|erroneously) (?:believe|believes|believed|think|thinks|thought|assume|assumes)",
    "contrary to popular belief",
)

# A heading of things not to do or not to believe, scoping over what it introduces (the list below its colon, its
# Markdown section): it ends with the word, an ordinal or a noun for what it lists (误区一, 不要做的事, 禁止事项,
# Common myths, Don'ts) - not 不要担心：... or "Do not worry: ...", which tell the reader something else.
_DONT_HEADING = re.compile(
    "(?:误区|迷思|禁忌|禁区|雷区|红线|禁止|严禁|切勿|请勿|不要做|不要说|不能说|不可说|不该说|不要承诺|避免|错误做法|错误示范"
    "|错误说法|反面教材|反例|警示|(?<![a-z])(?:don'?ts?|do not|never|avoid|myths?|misconceptions?|pitfalls?"
    "|red flags?|warning signs?|what not to (?:say|do|claim|promise)|mistakes? to avoid|never say))"
    "(?:[一二三四五六七八九十0-9]{0,2}|的?(?:事项?|事情|做法|行为|说法|话术|用语|表述|清单|列表|内容|几点|误区)"
    "| (?:list|items?|to avoid|to watch for))? ?$"
)

# A mention of someone's claim (宣称, 承诺, claims of, promises of, any offer of, so-called, in quotes) ...
_MENTIONED_BY = re.compile(
    "宣称|声称|号称|承诺|宣传|鼓吹|标榜|所谓|凡是|诸如|类似|任何|对于|关于"
    "|(?<![a-z])(?:claims? of|claiming|promises? of|promising|offers? of|talk of|so-called|any|advertis(?:e|es|ing))"
    "(?![a-z])"
)
_OPENING_QUOTES = '“‘「『"'
# ... that the rest of its sentence condemns after a copula (是, 属于, 多半是, are, is, should be treated as): 违规,
# 骗局, 误解, misleading, a red flag, a scam - not a condemnation denied (这不是骗局, is not a scam)
_CONDEMNED = re.compile(
    "(?:是|属于|属|为|均为|都是|就是|乃是|系|往往是|多半是|通常是|大多是|多为|往往|多半"
    "|(?<![a-z])(?:is|are|was|were|be|as|sounds?|seems?)(?![a-z]))"
    "(?P<between>[^。!?\n]{0,16}?)"
    "(?:违规|违法|不合规|诈骗|骗局|欺诈|非法集资|非法|陷阱|套路|忽悠|误解|误区|谣言|虚假|不可信|不靠谱|误导|危险信号|风险信号"
    "|警示信号|红线|(?<![a-z])(?:misleading|red flags?|scams?|fraud|fraudulent|warning signs?|too good to be true"
    "|illegal|deceptive|myths?|misconceptions?|false|traps?|not credible|unrealistic)(?![a-z]))"
)
# ... or tells the reader to be wary of it right after it (对于保证收益的承诺要保持警惕)
_WARY_AFTER = re.compile("[^。!?\n,]{0,8}?(?<!不)(?:要|应|需要?|应当|请|须)(?:保持|提高)?警惕")
_NEGATION_BETWEEN = re.compile("不|非|无|没|(?<![a-z])(?:not|never|no)(?![a-z])|n't")
_SENTENCE_END = re.compile(r"[。!?\n]|\.(?=\s|$)")
# A line crossed out: a list item or a line that starts with a cross (❌, ✗, ✘, ×, 🚫, ⛔, ...: v71 reads each as
# `CROSS`) - a "don't" beside a ✅ "do"
_CROSSED_OUT_LINE = re.compile(f" ?(?:[-*+•·] ?|[0-9]{{1,2}}[.、)] ?)?{CROSS} ?")
# v72: what ends the cross's reach on its line - a tick, a label's colon, a sentence end (a contrast does not: the
# line crossed out is "Payback was initially estimated at 20 months, but is now 24 months" as a whole)
_PAST_THE_CROSS = re.compile(f"[{CHECK}:：。!?！？;；]|\\.(?=\\s)")


# ... nor one that leaves them behind to tell the truth (走出误区：..., 破除误区, Myths debunked)
_LEAVES_THEM = re.compile(
    "走出|跳出|避开|破除|纠正|澄清|消除|打破|(?<![a-z])(?:debunk|debunked|busting|busted)(?![a-z])"
)


def dont_heading(head: str) -> bool:
    """The heading (the part before a colon, a Markdown title) names things not to do or believe: 常见误区, 禁止事项,
    不要做的事, 误区一, Don'ts, Avoid, Common myths - not 走出误区 or "Myths debunked", which head the truth."""
    head = head.strip(" *_#")
    return _DONT_HEADING.search(head) is not None and _LEAVES_THEM.search(head) is None


# a label after the cross that says what follows is wrong or not to be said: the cross's reach goes on past its colon
# (review: ✅ 正确：收益随市场波动 / ❌ 错误：保证收益, ❌ Don't say: guaranteed returns - charged under v71 and v72)
_A_WRONG_LABEL = re.compile(
    "(?:错误|错|不正确|不对|不实|虚假|误|错误示例|反面示例|(?<![a-z])(?:wrong|incorrect|false|bad|bad example|untrue"
    "|don'?t say|do not say|never say|don'?t claim|do not claim|don'?t promise|do not promise)(?![a-z]))$",
    re.IGNORECASE,
)


def crossed_out(answer_lines: str, start: int) -> bool:
    """The text at `start` stands on a line crossed out (❌ 保证收益, - ✗ Guaranteed returns; v72: anywhere on it,
    ❌ Customer churn is 5%, ❌ 预计20个月回本 - v35 read only the line's first words; not past a tick, ❌ 风险高 ✅
    保证收益, or a sentence end, ❌ 收益不稳定。我们保证收益, nor past a label's colon, ❌ 缺点：需要私有化部署 - a
    cons list says it, as v65 reads it for a key point; past the colon of a label that calls it wrong or not to be
    said, ❌ 错误：保证收益, ❌ Don't say: ...)."""
    line_start = answer_lines.rfind("\n", 0, start) + 1
    mark = _CROSSED_OUT_LINE.match(answer_lines, line_start)
    if mark is None or mark.end() > start:
        return False
    stop = _PAST_THE_CROSS.search(answer_lines, mark.end(), start)
    if stop is not None and stop.group() in ":：":
        label = answer_lines[mark.end() : stop.start()].strip(" *_")
        if _A_WRONG_LABEL.match(label) or dont_heading(label):  # ❌ 错误：保证收益, ❌ Don't say: ...
            stop = _PAST_THE_CROSS.search(answer_lines, stop.end(), start)
    return stop is None


def condemned_mention(answer_lines: str, part_start: int, start: int, end: int) -> bool:
    """The claim at start:end is someone's (after 宣称, 承诺, claims of, any ... in its part, or in quotes opened
    there) and the rest of its sentence condemns it (属于违规行为, 是典型的诈骗话术, are a red flag, are misleading) -
    not with a negation before the condemnation (这不是骗局, is not a scam)."""
    before = answer_lines[part_start:start]
    if _MENTIONED_BY.search(before) is None and not any(q in before for q in _OPENING_QUOTES):
        return False
    stop = _SENTENCE_END.search(answer_lines, end)
    sentence_end = stop.start() if stop else len(answer_lines)
    if _WARY_AFTER.match(answer_lines, end, sentence_end):
        return True
    verdict = _CONDEMNED.search(answer_lines, end, sentence_end)
    if verdict is None or _NEGATION_BETWEEN.search(verdict.group("between")):
        return False
    return _NEGATION_BETWEEN.search(answer_lines, max(end, verdict.start() - 2), verdict.start()) is None
