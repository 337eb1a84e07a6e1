"""v53: another holder of a point's subject - a rival, a peer, the industry's average - named right before it
(竞争对手的ROI为20%, 竞品的毛利率, 同行的回收期, 行业平均ROI, "a competitor's ROI is 20%", "the industry average ROI"):
the figure is theirs, not the point's subject's, wherever the subject is linked to it (a copula, a long link, a 分别
list). v48 broke only an adverbial holder between the two (在竞争对手的方案下); v52 credited 竞争对手的ROI为20% for ROI
20%. A point that names such a holder itself (行业平均ROI 20%) is read as it was."""

from __future__ import annotations

import re

# a holder right before the subject, with 的 or a possessive: 竞争对手的, 竞品的, 同行的, 行业平均, 其他公司的 -
# v60: and before a quote the subject opens (竞争对手的「ROI」为20%, a competitor's "ROI": v59 credited 竞争对手的“ROI”
# 为20%)
_HOLDER_BEFORE = re.compile(
    "(?:竞争对手|对手|竞品|竞对|同行|同业|友商|别家|(?:行业|业内|业界)(?:平均|均值|基准|标杆|中位数?)(?:水平)?|其他(?:公司|企业|厂商))"
    "(?:公司|企业|们)?(?:的)? ?[\"“'‘「『]?$"
    # English: a possessive (a competitor's ROI, rivals' ROI, v106: Competitor A's ROI; not "Relative to competitors
    # ROI is 20%"), an attributive peer or competing one (peer ROI, the competing project's ROI) or the industry's
    # average
    r"|(?<![a-z])(?:(?:competitors?|rivals?|peers?)(?: [a-z0-9])?(?:'s|’s|'|’)|peer"
    r"|competing (?:firms?|companies|projects?|vendors?)(?:'s|’s|'|’)?"
    r"|(?:the )?industry(?:-wide)? (?:average|median|benchmark)(?:'s|’s)?) [\"“'‘]?$"
)

# a point that names a holder itself (行业平均ROI 20%, competitor ROI 20%) keeps its own reading
_A_HOLDER_NAMED = re.compile("竞争|对手|竞品|竞对|同行|同业|友商|别家|行业|业内|业界|其他|competi|rival|peer|industry")


def another_holder(text: str, at: int, label: str) -> bool:
    """Whether the subject named at `at` is held by another - a rival, a peer, the industry's average - named right
    before it (v53: 竞争对手的ROI, a competitor's ROI), where the point's own `label` names no such holder."""
    if _A_HOLDER_NAMED.search(label) is not None:
        return False
    return _HOLDER_BEFORE.search(text, max(0, at - 24), at) is not None


# v62: another holder opening a bracket right after the subject (投资回报率（竞争对手）为20%, ROI (competitor's) is
# 20%, 回收期（竞品）为20个月, （竞争对手A公司）, （竞品的口径）, (competitor A), (competitor's estimate)) - v38 read
# any bracket there as the subject's other name and credited them; a qualifier in brackets (（按三年计）, （年化）,
# (annualised), (3-year), （含税）, (est.), （行业标准口径）, (industry-standard definition)) and a comparison
# (（高于竞争对手）) stay the subject's own
_HOLDER_IN_BRACKETS = re.compile(
    r"\( ?(?:(?:竞争对手|对手|竞品|竞对|同行|同业|友商|别家|其他(?:公司|企业|厂商))(?:公司|企业|们)?"
    "|(?:行业|业内|业界)(?:平均|均值|基准|标杆|中位数?)?(?:水平)?) ?[a-z0-9]{0,2}(?:公司|企业)?(?:的)?"
    "(?:方案|项目|产品|口径|数据|水平)? ?\\)"
    r"|\( ?(?:(?:the|a|our) )?(?:competitors?|rivals?|peers?|competing (?:firms?|companies|projects?|vendors?)"
    r"|(?:the )?industry(?:-wide)?(?: (?:average|median|benchmark))?)(?: [a-z0-9]{1,2})?(?:'s|’s|'|’)?"
    r"(?: (?:figure|estimate|number|data))? ?\)"
)


def a_holder_in_brackets(text: str, start: int, end: int, label: str) -> bool:
    """Whether a bracket between the subject's name, ending at `start`, and its figure at `end` holds another holder
    alone (v62: 投资回报率（竞争对手）为20%, ROI (competitor) is 20%), where the point's `label` names none."""
    if _A_HOLDER_NAMED.search(label) is not None:
        return False
    return _HOLDER_IN_BRACKETS.search(text, start, end) is not None
