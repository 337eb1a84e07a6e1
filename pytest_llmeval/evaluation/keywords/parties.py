"""v67: a feature, a policy or a recommendation (a key point with no figure) that the answer gives to another party
or to the past: no answer that we offer it now.

- another party holds it: 竞品A支持私有化部署，我们仅提供公有云版本; 仅竞品支持私有化部署; 友商提供私有化部署;
  "Competitor X offers on-premise deployment; we do not"; "Only competitors offer on-premise deployment". Not where
  the answer shares it (我们和竞品A都支持私有化部署, 与竞品一样，我们也支持私有化部署, "Like competitor X, we offer
  ...", "Competitor X offers on-premise deployment, and so do we"), nor where the other party's verb is denied (竞品不
  支持私有化部署，我们支持: the negation's own rule).
- the other way round: another party's denial, then ours (竞品不支持私有化部署，我们支持; "Competitors do not offer
  on-premise deployment, but we do") - the negation is the other party's, and the point is ours: it stays covered.
- the past of an offer: "We used to offer on-premise deployment" (not "We are used to ...").
- v68: ours after another party's denial or lack in the next sentence or after the point's noun (竞品A不支持私有化部署。
  我们支持。, 竞品A缺少私有化部署能力，我们具备; "Competitor X does not offer ... We do."), its offer shared in more
  words (我们也同样支持, "and we offer it too"), both read with the answer's line breaks (a heading's line is no part
  of the sentence); and a table that compares parties or editions, read by our column (`marked_in_our_column`).
- decided: a plan, even for a named time (计划于2027年支持私有化部署, "On-premise deployment is planned for Q3"), stays
  covered - a product's roadmap cannot be told from the project plan a consulting answer proposes (第一阶段计划于2025年
  上线私有化部署), which the shipped cases ask for, and a forecast is credited since v50.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..numbers import Pattern
from .assertion import start_of_part
from .normalisation import CHECK, CROSS
from .retraction import another_value
from .tables import TableCell

# the words that name another party than the answer's own (a competitor, another vendor), in Chinese: one list for
# every rule that reads one (here and `crossed.py`)
OTHER_PARTIES_ZH = "竞品|友商|竞争对手|对手|其他厂商|其他供应商|别家|同行"
# the other party named right before the verb that gives it the point, at the start of its part of the clause (or
# after 仅 / 只有 / 但 / 而): not after 和 / 与 / 跟 (我们和竞品A都支持), which shares it
_ANOTHER_PARTY_ZH = re.compile(
    "^\\s*(?:[-*•+]\\s*|[0-9]+[.)、]\\s*)?(?:(?:但是?|而|不过)\\s*)?(?:仅|只有|唯有)?"
    f"(?:{OTHER_PARTIES_ZH})[a-z0-9甲乙丙丁]?(?:公司|产品|厂商)?(?:的产品)?"
    "(?:目前|已经|已|均|都|才)? ?(?:支持|提供|具备|拥有|推出了|推出|上线了|上线)(?:了)? ?$"
)
_ANOTHER_PARTY_EN = re.compile(
    r"^\s*(?:[-*•+]\s*|[0-9]+[.)]\s*)?(?:(?:but|while|whereas) )?(?:only )?"
    r"(?:(?:the |a |our )?(?:competitors?|rivals?|other vendors"
    r"|another vendor|other providers|another provider)(?: [a-z0-9])?(?:'s (?:product|platform))?)"
    r"(?: (?:currently|already|also|now))? (?:offers?|supports?|provides?|has|have|includes?|offered|supported) $"
)
# the answer shares the point with the other party after it (我们也支持, 我们同样提供, "and so do we", "we do too")
# (v68: 我们也同样支持, "and we offer it too")
_SHARED_AFTER = re.compile(
    "[^。!?\\n]{0,30}?(?:我们|我方|本产品|我司)(?:也|同样|均|都){1,2}(?:支持|提供|具备)"
    r"|[^.!?\n]{0,30}?(?:and so do we|as do we|so do we|we (?:also|too) (?:offer|support|provide)|we do too"
    r"|and we do as well|we (?:offer|support|provide) (?:it|this|one) (?:too|as well))"
)


def held_by_another(answer_norm: str, start: int, end: int) -> str | None:
    """The words that give the point at start:end to another party (竞品A支持, "Competitor X offers") in its part of
    the clause, where the answer does not share it after; else None."""
    part = start_of_part(answer_norm, start)
    head = answer_norm[part:start]
    offset = part
    found = _ANOTHER_PARTY_ZH.search(head) or _ANOTHER_PARTY_EN.search(head)
    if found is None and _OFFERED_BEFORE_ZH.search(head) is not None:
        cleft = _HELD_BY_ANOTHER_AFTER_ZH.match(answer_norm, end)  # v108: 支持私有化部署的是竞品
        if cleft is not None and not _OURS_TOO.match(answer_norm, cleft.end()):
            return cleft.group()
    if found is None or _SHARED_AFTER.match(answer_norm, end) is not None:
        return None
    return answer_norm[offset + found.start() : start].lstrip()


# v108: ... or after it, as a cleft (支持私有化部署的是竞品，我们只有SaaS; 提供私有化部署的只有友商; 保证收益的是竞品) -
# the offer's verb, if any, opening the part; not 我们和竞品都 (shared after it)
_OFFERED_BEFORE_ZH = re.compile("^\\s*(?:(?:能|能够|可以)?(?:支持|提供|具备|拥有|推出了?|上线了?) ?)?$")
_OURS_TOO = re.compile("[a-z0-9甲乙丙丁]? ?(?:和|与|及|以及|跟|、)(?:我们|我方|我司|本公司)")
_HELD_BY_ANOTHER_AFTER_ZH = re.compile(
    f"(?:能力|功能|方案|服务)?的(?:目前|只有|仅有|仅|只)?(?:是|为|有)? ?(?:{OTHER_PARTIES_ZH})"
)


# another party named at the start of the part, before its negated verb (竞品不支持, Competitors do not offer)
# (v68: and one that lacks it or cannot - 竞品A缺少私有化部署能力, 竞品A无法私有化部署, "While competitor X lacks ...")
_ANOTHER_PARTY_DENIES_ZH = re.compile(
    f"^\\s*(?:[-*•+]\\s*)?(?:{OTHER_PARTIES_ZH})[a-z0-9甲乙丙丁]?(?:公司|产品|厂商)?(?:的产品)?"
    "(?:目前|均|都|也|并|还|暂)?(?:不|没有|未|无法|缺少|缺乏)"
)
_ANOTHER_PARTY_DENIES_EN = re.compile(
    r"^\s*(?:[-*•+]\s*)?(?:(?:while|whereas|although|though) )?"
    r"(?:(?:the |our )?(?:competitors?|rivals?|other vendors|another vendor|other providers))"
    r"(?: [a-z0-9])?(?: (?:do|does|did|can|will)(?: not|n't)| cannot| never| lacks?)"
)
# ours said right after it (，我们支持, ，而我们提供, ", but we do", "; we do"; v68: in the next sentence - 。我们支持,
# ". We do." - after the point's noun - 私有化部署能力，我们具备 - and what we can do: 我们可以, 我们能做到)
_OURS_AFTER = re.compile(
    " ?(?:能力|功能|服务|方案)?[,;。] ?(?:但|而|但是)?(?:我们|我方|我司|本产品|我们的产品)(?:则|却|均|都)?(?:全面)?"
    "(?:支持|提供|具备|可以提供|可以|能够?|能做到|可以做到)(?:的|了)?(?=[。!?;,\n]|$)"
    r"| ?[,;.] ?(?:but |while |whereas )?(?:we|our (?:product|platform)) (?:(?:do|does|can|will)(?: too| as well)?"
    r"|(?:offer|support|provide)s? (?:it|this|one)(?: too| as well)?)(?=[.,;!?\n]|$)"
)


def ours_after_anothers_denial(answer_norm: str, start: int, end: int) -> bool:
    """The negation before the point at start:end is another party's, and the answer says right after the point that
    we offer it (竞品不支持私有化部署，我们支持; "Competitors do not offer it, but we do")."""
    head = answer_norm[start_of_part(answer_norm, start) : start]
    denies = _ANOTHER_PARTY_DENIES_ZH.search(head) or _ANOTHER_PARTY_DENIES_EN.search(head)
    return denies is not None and _OURS_AFTER.match(answer_norm, end) is not None


# the past of an offer (We used to offer on-premise deployment): not "are used to", which is being accustomed
_USED_TO_EN = re.compile(
    r"(?<![a-z])(?:we|they|it|i|you|the (?:product|platform|vendor|company))(?: (?:once|previously))? used to"
    r" (?:offer|support|provide|include|have) $"
)


def formerly(answer_norm: str, start: int) -> str | None:
    """The past of an offer right before the point at `start` (We used to offer ...); else None."""
    found = _USED_TO_EN.search(answer_norm, max(0, start - 50), start)
    return None if found is None else found.group()


# v68: a table that compares parties or editions column by column (| 功能 | 竞品A | 我们 |, | Feature | Standard |
# Enterprise |): the point, its row's label, is ours as our column marks it - a tick there (| 私有化部署 | ❌ | ✅ |
# under 竞品A, 我们) offers it whatever another party's cell says, a cross or a one-mark cell of no there denies it
# (| ✅ | ❌ |, | 支持 | - |: v67 read the first mark only, the other party's; | - | under 我们 was v66's Left); with
# editions of ours (标准版, Enterprise plan) and no column of ours, a tick in any of them offers it. Not a column of a
# later version (下一版本, v2, Next release): not yet made.
_OUR_COLUMN = re.compile(
    r"^(?:\*\*)?(?:我们|我方|我司|本产品|本公司|本方案|我们的(?:产品|方案|平台)|us|ours|we"
    r"|our (?:product|platform|solution|offering))(?:\*\*)?$"
)
_AN_EDITION_COLUMN = re.compile(
    r"^(?:\*\*)?(?:(?:标准|企业|专业|旗舰|基础|高级|私有化|saas|社区|商业|团队|免费|个人)版"
    r"|(?:standard|enterprise|professional|pro|basic|premium|business|community|team|free|starter)"
    r"(?: (?:plan|edition|tier|version))?)(?:\*\*)?$"
)
_TICK_WORDS = r"支持|是|有|提供|可以|yes|y|supported|available|included"
_CROSS_WORDS = r"不支持|否|无|不提供|no|n|n/a|not supported|unavailable|not available"
# a mark alone, a word alone, or a mark and its word (| ✅ 支持 |, | ❌ Not supported |)
_A_TICK_CELL = re.compile(rf"^(?:\*\*)?(?:{CHECK}(?: ?(?:\*\*)?(?:{_TICK_WORDS}))?|{_TICK_WORDS})(?:\*\*)?$")
_A_CROSS_CELL = re.compile(rf"^(?:\*\*)?(?:{CROSS}(?: ?(?:\*\*)?(?:{_CROSS_WORDS}))?|[-—–/]|{_CROSS_WORDS})(?:\*\*)?$")


def marked_in_our_column(answer_lines: str, start: int, end: int, cells: Sequence[TableCell]) -> bool | None:
    """How our column marks the point at start:end, the label of its table row: True where it ticks it (or, with no
    column of ours, a column of one of our editions does), False where our column crosses it; None where the row has
    no such column or it says neither."""
    line_end = answer_lines.find("\n", end)
    line_end = len(answer_lines) if line_end < 0 else line_end
    line_start = answer_lines.rfind("\n", 0, start) + 1
    if "|" in answer_lines[line_start:start].lstrip(" ").removeprefix("|"):
        return None  # the point is a value of the row, not its label
    row = [c for c in cells if end < c.start < line_end]
    ours = [answer_lines[c.start : c.end].strip() for c in row if _OUR_COLUMN.match(c.header.strip())]
    if any(_A_TICK_CELL.match(text) for text in ours):
        return True
    if any(_A_CROSS_CELL.match(text) for text in ours):
        return False
    if ours:
        return None
    editions = [answer_lines[c.start : c.end].strip() for c in row if _AN_EDITION_COLUMN.match(c.header.strip())]
    return True if any(_A_TICK_CELL.match(text) for text in editions) else None


# v108: a figure the answer gives to another party or to an average, with ours after it (竞品是20个月，我们是26个月;
# 行业平均回本周期为20个月，而本项目需要26个月; 对标企业20个月，本项目26个月; "The industry average is 20 months; ours
# is 26") - the point asks for ours, and v107 credited theirs (left since v53). Only where the other party stands in
# the figure's own part of the clause and nothing of ours does (我们和竞品都是20个月 shares it), and ours gives another
# value of the figure's kind (行业平均20个月，我们也是20个月 keeps it; 竞品是26个月，我们是20个月 is ours).
_THEIRS_BEFORE = re.compile(
    f"(?:{OTHER_PARTIES_ZH}|行业平均|行业均值|行业水平|行业内|业内|同类项目|同类产品|同类企业|同行业|对标企业|对标项目"
    "|标杆企业|市场平均|平均水平|其他公司|其他企业|其他项目)"
    r"|(?<![a-z])(?:competitors?|rivals?|industry|peers?|(?:the )?market average|(?:the )?benchmark|other vendors"
    r"|other companies|other projects|similar projects)(?![a-z])"
)
_OURS_IN_THE_PART = re.compile("我们|我方|我司|本项目|本公司|本方案|咱们|(?<![a-z])(?:we|our|ours|us)(?![a-z])")
_OUR_FIGURE_AFTER = re.compile(
    "[^。!?\\n]{0,8}?(?:[,，;；。]|\\. ) ?(?:而|但是?|不过|相比之下|反观|相较之下)? ?"
    "(?:我们|我方|我司|本项目|本公司|本方案|该项目|这个项目|咱们)的?[\u4e00-\u9fffa-z ]{0,10}?"
    "(?:则|只|仅|却|也)?(?:是|为|需要|要|需|只需|仅需|约|在|达到|达)? ?(?P<zh>[0-9一二两三四五六七八九十])"
    r"|[^.!?\n]{0,8}?(?:[,;]|\. ) ?(?:but |while |whereas |and )?(?:ours|we|our (?:[a-z]+ ){0,3}?|this project"
    r"|for us,?(?: it)?)(?: (?:is|are|was|will be|would be|need|needs|take|takes|will take|would take|requires?"
    r"|only|just|about|around|roughly|at))*,? ?(?P<en>[0-9])"
)


# ... or said after it (20个月是竞品的数据，我们是26个月; 20个月是行业平均水平，本项目为26个月)
_THEIRS_AFTER = re.compile(f" ?(?:是|为|属于) ?(?:{_THEIRS_BEFORE.pattern})[\u4e00-\u9fff]{{0,6}}")


def anothers_figure(answer_norm: str, start: int, end: int, forms: Sequence[Pattern]) -> str | None:
    """The words that give the figure at start:end to another party or an average, with ours after it (v108);
    else None."""
    part = answer_norm[start_of_part(answer_norm, start) : start]
    if _OURS_IN_THE_PART.search(part) is not None:
        return None
    theirs_before = _THEIRS_BEFORE.search(part)
    theirs_after = _THEIRS_AFTER.match(answer_norm, end) if theirs_before is None else None
    if theirs_before is None and theirs_after is None:
        return None
    ours = _OUR_FIGURE_AFTER.match(answer_norm, theirs_after.end() if theirs_after is not None else end)
    if ours is None:
        return None
    figure = ours.start("zh") if ours.group("zh") else ours.start("en")
    return ours.group() if another_value(answer_norm, start, end, figure, forms) else None
