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
- decided: a plan, even for a named time (计划于2027年支持私有化部署, "On-premise deployment is planned for Q3"), stays
  covered - a product's roadmap cannot be told from the project plan a consulting answer proposes (第一阶段计划于2025年
  上线私有化部署), which the shipped cases ask for, and a forecast is credited since v50.
"""

from __future__ import annotations

import re

from .assertion import start_of_part

# the other party named right before the verb that gives it the point, at the start of its part of the clause (or
# after 仅 / 只有 / 但 / 而): not after 和 / 与 / 跟 (我们和竞品A都支持), which shares it
_ANOTHER_PARTY_ZH = re.compile(
    "^\\s*(?:[-*•+]\\s*|[0-9]+[.)、]\\s*)?(?:(?:但是?|而|不过)\\s*)?(?:仅|只有|唯有)?"
    "(?:竞品|友商|竞争对手|对手|其他厂商|其他供应商|别家|同行)[a-z0-9甲乙丙丁]?(?:公司|产品|厂商)?(?:的产品)?"
    "(?:目前|已经|已|均|都|才)? ?(?:支持|提供|具备|拥有|推出了|推出|上线了|上线)(?:了)? ?$"
)
_ANOTHER_PARTY_EN = re.compile(
    r"^\s*(?:[-*•+]\s*|[0-9]+[.)]\s*)?(?:(?:but|while|whereas) )?(?:only )?"
    r"(?:(?:the |a |our )?(?:competitors?|rivals?|other vendors"
    r"|another vendor|other providers|another provider)(?: [a-z0-9])?(?:'s (?:product|platform))?)"
    r"(?: (?:currently|already|also|now))? (?:offers?|supports?|provides?|has|have|includes?|offered|supported) $"
)
# the answer shares the point with the other party after it (我们也支持, 我们同样提供, "and so do we", "we do too")
_SHARED_AFTER = re.compile(
    "[^。!?\\n]{0,30}?(?:我们|我方|本产品|我司)(?:也|同样|均|都)(?:支持|提供|具备)"
    r"|[^.!?\n]{0,30}?(?:and so do we|as do we|so do we|we (?:also|too) (?:offer|support|provide)|we do too"
    r"|and we do as well)"
)


def held_by_another(answer_norm: str, start: int, end: int) -> str | None:
    """The words that give the point at start:end to another party (竞品A支持, "Competitor X offers") in its part of
    the clause, where the answer does not share it after; else None."""
    part = start_of_part(answer_norm, start)
    head = answer_norm[part:start]
    offset = part
    found = _ANOTHER_PARTY_ZH.search(head) or _ANOTHER_PARTY_EN.search(head)
    if found is None or _SHARED_AFTER.match(answer_norm, end) is not None:
        return None
    return answer_norm[offset + found.start() : start].lstrip()


# another party named at the start of the part, before its negated verb (竞品不支持, Competitors do not offer)
_ANOTHER_PARTY_DENIES_ZH = re.compile(
    "^\\s*(?:[-*•+]\\s*)?(?:竞品|友商|竞争对手|对手|其他厂商|其他供应商|别家|同行)[a-z0-9甲乙丙丁]?(?:公司|产品|厂商)?(?:的产品)?"
    "(?:目前|均|都|也|并|还|暂)?(?:不|没有|未)"
)
_ANOTHER_PARTY_DENIES_EN = re.compile(
    r"^\s*(?:[-*•+]\s*)?(?:(?:the |our )?(?:competitors?|rivals?|other vendors|another vendor|other providers))"
    r"(?: [a-z0-9])?(?: (?:do|does|did|can|will)(?: not|n't)| cannot| never| lack)"
)
# ours said right after it (，我们支持, ，而我们提供, ", but we do", "; we do")
_OURS_AFTER = re.compile(
    " ?[,;] ?(?:但|而|但是)?(?:我们|我方|我司|本产品|我们的产品)(?:则|却|均|都)?(?:全面)?"
    "(?:支持|提供|具备|可以提供)(?:的|了)?(?=[。!?;,\n]|$)"
    r"| ?[,;] ?(?:but |while |whereas )?(?:we|our (?:product|platform)) (?:(?:do|does|can|will)(?: too| as well)?"
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
