"""v72: a verdict mark that ends a statement judges the whole statement - every point and claim of its clause, not
only one that ends right before it: 预计20个月回本 ❌, 预计20个月回本：❌, 当前已回款860万元：❌,
"The fee is $300 per month ❌", "Discounts of up to 20% are available (❌)" say none of their figures. v65/v66 read a
mark only right after the point (私有化部署：❌) and v40 right after a figure (ROI为20% ❌); a mark after the rest of
the statement left it stated.

The statement a mark ends runs back to the nearest line start, sentence end, clause comma (支持私有化部署，多租户 ❌ and
一年前签约1200万元，当前已回款860万元：❌ judge their last clause only), earlier verdict mark, contrast, colon of a
label's value, list item joined onto the line or another party named after the point (我们支持私有化部署，竞品A ❌):
on a line of two statements each with its own mark each mark judges its own (ROI 20% ✅，回收期30个月 ❌), and a
cross after a contrast its clause (ROI 20%，但回收期30个月 ❌). After the mark (its bracket or bold closed) the end
of its line, sentence or clause must follow: a mark before further words (回收期20个月：❌ 实际为24个月, v66) or
with a tick soon after (私有化部署 ❌ → ✅) is read by the rules of v65/v66, not here. A table row is read by its
columns (`parties.marked_in_our_column`, `denial.denied_by_its_row`), not here."""

from __future__ import annotations

import re

from .normalisation import CHECK, CROSS, CROSS_OR_CHECK
from .parties import OTHER_PARTIES_ZH

# what ends the statement between the point and the mark: a sentence end; a clause's comma (review:
# 支持私有化部署，多租户 ❌, "Payback in 20 months, IRR 8% ❌", 我们保证收益，多租户 ❌ - the cross judges the clause
# it ends; read back over the comma it negated the first clause's point and cleared its forbidden claim); a
# contrast, which opens a clause of its own (ROI 20%，但回收期30个月 ❌); a colon of the point's own value
# (私有化部署：支持，公有云 ❌ - a label and its value); a bracket opened after the point, whose words the mark
# inside judges (review: ROI：20%（目标25% ❌）, 回收期20个月（行业平均30个月 ❌） negated the point - not the
# mark's own bracket, 预计20个月回本（❌）);
# a list item or an emoji joined onto the line (- 私有化部署：支持- 多租户：❌, 支持私有化部署 🎉- 公有云部署 ❌); and
# another party named after the point, whom the mark judges (我们支持私有化部署，竞品A ❌)
_A_STATEMENT_END = re.compile(
    "[。!?！？;；:：，(（\\[【]|\\.(?=\\s)|(?<![0-9]),|,(?![0-9])|但|然而|不过|可是|却|(?<![a-z])(?:but|however|whereas|although|though)(?![a-z])"
    "|(?<![0-9])[-*+•] |[\U0001f300-\U0001faff⭐✨]"
    f"|{OTHER_PARTIES_ZH}"
    "|(?<![a-z])(?:competitors?|rivals?|other vendors?|another vendor|other providers?|another provider)(?![a-z])"
)
# the mark's own lead-in: a colon, a bracket, bold (预计20个月回本：**❌**, 一年前签约1200万元…：❌)
_LEAD_IN = re.compile("(?:[:：] ?)?(?:\\*\\*)?(?:[(（] ?)?(?:\\*\\*)?$")
# the mark, its bold or bracket closed, then the end of its line, sentence or clause
_ENDING_MARK = re.compile(f"(?P<mark>[{CROSS}{CHECK}])(?:\\*\\*)?[)）]?(?:\\*\\*)? ?(?=$|\n|[。.,，;；!?！？])")


def crossed_after_its_statement(text: str, start: int, end: int) -> str | None:
    """The text from the point's end to a cross that ends its statement (`预计20个月回本 ❌`: "回本 ❌"), where one
    does; else None (a tick, a mark before further words, another sentence's mark, a table row)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if "|" in text[line_start:line_end]:
        return None
    first = CROSS_OR_CHECK.search(text, end, line_end)  # the first verdict mark after the point on its line
    if first is None:
        return None
    between = text[end : first.start()]
    lead_in = _LEAD_IN.search(between)
    if _A_STATEMENT_END.search(between, 0, lead_in.start() if lead_in else len(between)):
        return None
    mark = _ENDING_MARK.match(text, first.start())
    if mark is None or mark.group("mark") != CROSS:
        return None
    return text[end : mark.end()]
