"""v58: a figure the answer gives only as another's claim, or as a quote since withdrawn, is not the answer's value:
"the 85% some vendors claim", "Vendor X claims 85%", "85% (as claimed by the vendor)", 厂商宣称的85%, 某些厂商声称
可达85%, 据称可达85%, 号称85%; "their earlier 180万元 quote was withdrawn", 此前180万元的报价已撤回, 深澜撤回了
180万元的报价.

A verb of claiming (claim, allege, 声称, 宣称, 号称, 自称, 据称, 标榜) keeps the writer apart from the
figure; a verb of saying or a source the answer adopts does not: "As the vendor states, accuracy is 85%", "According
to the report, ROI is 20%", 根据厂商资料，自动审批率为85% stay covered, and so do a rumour passed on (网上传言20个月:
v17) and the answer's own claim ("We claim 85%", 我们声称). The figure said again as the answer's own (厂商宣称85%，经
实测确实为85%) is covered at its second place. A quote lowered or replaced stays covered (初次报价180万元，最终报价
降至150万元: v56 - the question asks the bids competed with); only a withdrawal (withdrawn, retracted, rescinded,
撤回, 撤销, 收回, 作废) takes it back.
"""

from __future__ import annotations

import re

from .assertion import SENTENCE_END, last_end, next_start

# a verb of claiming before the figure in its part, with no contrast between (Vendor X claims 85%; The vendor claims
# an auto-approval rate of 85%; allegedly 85%) - not the noun (the claims team, insurance claims of 20%) nor our own;
# not "boasts" or "touts", which answers use to state a product's figure (CreditFlow boasts an 85% approval rate)
_CLAIMED_BEFORE_EN = re.compile(
    r"(?<![a-z])(?:(?<!the )(?<!a )(?<!an )(?<!our )(?<!its )(?<!their )(?<!of )(?<!insurance )(?<!we )(?<!i )"
    r"(?:claims|claimed|claim|alleges|alleged)"
    r"(?= (?:that|to|an?|the|its|their|it|up to|as (?:high|much) as|[0-9]))"
    r"|allegedly|purportedly|supposedly)(?![a-z])"
)
_CLAIMED_BEFORE_ZH = re.compile("(?<!我们)(?<!我方)(?<!我司)(?<!本公司)(?:声称|宣称|号称|自称|据称|标榜|鼓吹)")
# a contrast between the claim and the figure: the figure is the answer's (厂商声称60%，但实际为85% has its own part;
# "claims 60% but achieves 85%")
_CONTRAST = re.compile(
    "但|实际|其实|事实上|实测|(?<![a-z])(?:but|while|whereas|actually|in fact|in reality|however)(?![a-z])"
)
# the claimant and the verb after the figure (the 85% some vendors claim; the 85% claimed by vendors; 85% (vendor
# claim))
_CLAIMANT_EN = (
    r"(?:(?:some|many|several|other|the|their|its|competing|rival|these|most|a few) )?(?:[a-z]+ )?"
    r"(?:vendors?|suppliers?|competitors?|providers?|sellers?|manufacturers?|companies|company|firms?|brochures?"
    r"|marketing|sales teams?|they|it|he|she|others)"
)
_CLAIMED_AFTER_EN = re.compile(
    rf"(?: [a-z-]+){{0,2}}? (?:that |which )?{_CLAIMANT_EN} (?:claims?|claimed|alleges?|alleged)(?![a-z])"
    r"|(?: [a-z-]+){0,2}? (?:as )?(?:claimed|alleged) by(?![a-z])"
    r"| ?\((?:as )?(?:[a-z]+ ){0,2}(?:claims?|claimed|alleged)(?: by [a-z ]{1,30})?\)"
)
_CLAIMED_AFTER_ZH = re.compile(
    "(?:是|为|系|乃)[^0-9,;。!?]{0,10}?(?:声称|宣称|号称|自称)|\\([^()0-9]{0,10}?(?:声称|宣称|号称|自称)[^()]{0,4}\\)"
)

# a quote withdrawn: the quote's noun beside the figure, a verb of withdrawal after it in its sentence
_QUOTE_BEFORE_ZH = re.compile("(?:报价|出价|投标价|标价|报价单)(?:为|是|了)?(?:约|大约)? ?$")
_QUOTE_AFTER_ZH = re.compile("元?(?:的)?(?:报价|出价|投标价|标价|报价单)")
_WITHDRAWN_ZH = re.compile(
    "(?:,? ?(?:但|不过|后来|随后|之后|此后|其后|后|最终){0,2}(?:该报价|这一报价|此报价|这个报价)?)"
    "(?:已经?|又|被|随即|很快|现已|早已|均已|均)*(?:撤回|撤销|收回|作废|取消)"
    # the withdrawal ends its clause or takes the quote as its object: 后来取消了试点计划 withdraws no quote
    "了?(?:(?:该|此|这一|这个|原|原来的)?(?:报价|出价|投标价|标价|报价单))?(?=$|[,;。!?\n)])"
)
_WITHDREW_BEFORE_ZH = re.compile("(?:撤回|撤销|收回)了?(?:此前|之前|原先|原来|最初|初始|最早)?的?(?:约|大约)? ?$")
_QUOTE_AFTER_EN = re.compile(
    r"(?:元| yuan| rmb)?(?: [a-z-]+){0,2}? (?:quote|quotation|offer|bid|price|proposal)s?(?![a-z])"
)
_WITHDRAWN_EN = re.compile(
    r"(?:,? (?:but |which |and )?(?:it |this |that )?)?(?:was|were|has been|had been|have been|got|is)"
    r"(?: (?:later|since|subsequently|then|quickly|eventually|formally))? (?:withdrawn|retracted|rescinded|revoked"
    r"|cancell?ed|pulled|voided|scrapped)(?![a-z])"
)
_WITHDREW_BEFORE_EN = re.compile(
    r"(?<![a-z])(?:withdrew|retracted|rescinded|pulled|revoked|cancell?ed) (?:its|their|his|her|the)"
    r"(?: (?:earlier|initial|original|first|previous))?(?: [a-z]+)? (?:quote|quotation|offer|bid|price|proposal)"
    r" of (?:about |around |roughly )?$"
)


# the claim's reach: its part of the clause, a label's colon inside it (厂商声称回收期：20个月, claims payback:
# 20 months)
_CLAIM_REACH_END = re.compile(r"[。!?;\n,、(—|]|\.(?=\s|$)")


def _claimed(answer_norm: str, start: int, end: int) -> str | None:
    part_start = last_end(_CLAIM_REACH_END, answer_norm, start)
    for cue in (_CLAIMED_BEFORE_EN, _CLAIMED_BEFORE_ZH):
        found = None
        for m in cue.finditer(answer_norm, part_start, end):  # to `end`: the lookahead sees the figure
            if m.end() <= start:
                found = m
        if found is not None and _CONTRAST.search(answer_norm, found.end(), start) is None:
            return answer_norm[found.start() : start]
    for after in (_CLAIMED_AFTER_EN, _CLAIMED_AFTER_ZH):
        found = after.match(answer_norm, end)
        if found is not None:
            return found.group()
    return None


def _withdrawn(answer_norm: str, start: int, end: int) -> str | None:
    before = answer_norm[max(0, start - 40) : start]
    if _WITHDREW_BEFORE_ZH.search(before) or _WITHDREW_BEFORE_EN.search(before):
        return before
    sentence_end = next_start(SENTENCE_END, answer_norm, end)
    noun_zh = _QUOTE_AFTER_ZH.match(answer_norm, end)
    quoted_zh = noun_zh is not None or _QUOTE_BEFORE_ZH.search(answer_norm[max(0, start - 8) : start]) is not None
    at = noun_zh.end() if noun_zh is not None else end
    if quoted_zh:
        withdrawn = _WITHDRAWN_ZH.match(answer_norm, at, sentence_end)
        if withdrawn is not None:
            return answer_norm[end : withdrawn.end()]
    noun_en = _QUOTE_AFTER_EN.match(answer_norm, end)
    if noun_en is not None:
        withdrawn = _WITHDRAWN_EN.match(answer_norm, noun_en.end(), sentence_end)
        if withdrawn is not None:
            return answer_norm[end : withdrawn.end()]
    return None


def anothers_claim(answer_norm: str, start: int, end: int) -> str | None:
    """The words that make the figure at start:end another's claim the answer does not adopt (some vendors claim,
    厂商宣称的) or a quote since withdrawn (their earlier 180万元 quote was withdrawn, 180万元的报价已撤回); else
    None."""
    return _claimed(answer_norm, start, end) or _withdrawn(answer_norm, start, end)
