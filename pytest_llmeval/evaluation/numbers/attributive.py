"""v62: a figure written before its subject, in a sentence of the project's own (项目可实现20%的ROI, 项目有20个月的
回收期, "The project delivers a 20% ROI", "It has a 20-month payback period") - v61 read a subject only before its
figure and missed them all (v60 left them: 20%的ROI may be a share, 20%的ROI来自新客户).

Read only in the one shape that surely states the level: the clause opens with the project itself or nothing (项目,
该项目, 本方案, 这笔投资, the project, it, we), then a verb of having or reaching (有, 实现, 带来, 达到, 获得, has,
delivers, yields, offers, achieves, generates), a modal or a hedge (可, 能, 预计, 有望; will, can, is expected to;
约, an estimated), the figure, 的 or an English article's noun, the subject's name, and the end of the clause.
Anything else before the figure - another holder (竞品有, 竞争对手20%的ROI, the competitor has), a bound (超过, 不到,
at least), a negation (无法实现, 没有, does not have), a target (目标是20%的ROI), a condition (如果项目可实现) - and
anything after the name - a change (20%的ROI提升, a 20% ROI improvement), a share (20%的ROI来自新客户), a question
(…的ROI吗), a bracket (20%的ROI（竞品）) - leaves no link.

A payback period said with its verb (20个月即可回本, 约20个月可收回投资, "It pays back in 20 months", "pays for
itself within 20 months": `paid_back_in`) is read in the same shape: the clause opens with the project or nothing,
only "about" or "only" before the figure, and after it only 内 / 以内 (within: an inclusive bound, read as
回收期为20个月以内 is since v17) and a modal before 回本 or 收回投资 at the clause's end. 不到 / 超过 / "less
than" (a bound), 竞品 (another holder), 收回一半投资 / "pays back half" (a part), 无法 / 才能 (a negation, a
condition), 吗 (a question) leave none.

Another holder named earlier in the clause (a heading's line break is read as a space: ## 竞争对手的回收期 / 项目有20
个月的回收期), or within the 60 characters before a clause that names no project of its own (竞品已上线。20个月即可回本;
The competitor's project is mature. It delivers a 20% ROI - "it" may be theirs), leaves none either."""

from __future__ import annotations

import re

# the clause's start: the text's, a mark's, a bullet's (a line's "- " is read as "•"), a table cell's or a bold mark's
_CLAUSE_START = r"(?:^|[。.!?;:,\n、•|#❌✅(]|(?:^|\n) ?(?:[-*]|[0-9]+[.)、]) |\*\*)"  # (v115: a mark, a bracket)
# a heading's words before the line the clause opens (## 结论 / 20个月即可回本: the line break is read as a space)
_HEADING = "#{1,6} [^#。.!?]{1,20} "
# (v112: and the company - 公司拥有4300名员工, 该集团开设了500家门店)
_OWN_HOLDER_ZH = (
    "(?:(?:该|本|此|这个|这一|这笔|整个|我们的|我方的?)?(?:项目|方案|投资|系统|部署|公司|集团|企业|平台)|我们|我方|我司|双方"
    "|这(?=是))"
)
# (v114: and a total's or the present's - 共有500家门店, 目前拥有500家门店, 累计服务1200家客户)
_MODAL_ZH = (
    "(?:预计|预期|有望|可望|估计|测算|总体|整体|最终|将|会|可|能|可以|能够|已经?|也|仍"
    "|目前|现已|现|累计|共计|总共|一共|共)"
)
# v114: where (在全国开设了500家门店, 全国共有500家门店, 在国内拥有…)
_PLACE_ZH = "(?:在?(?:全国|全球|国内|海外|全市|全省|各地|境内|线上|线下)(?:范围内)?)?"
# v106: 提供, 创造; v112: a count's verbs (开设了500家门店, 服务1200家客户, 覆盖200万用户)
# v114: a contract's or an order's (双方签订了1200万元的合同, 拿下一笔500万元的订单, 这是一份1200万元的合同), and one
# of them (一份, 一笔)
_VERB_ZH = (
    "(?:实现|带来|获得|取得|达到|产生|有|具有|拥有|具备|提供|创造|开设|服务|覆盖|签订|签署|签下|拿下|中标|达成"
    "|(?<=这)是)了?"
    "(?:一(?:份|笔|个|项|单|张))?"
)
# v112: a count's classifier before its noun, with no 的 (500家门店, 4300名员工, 1200家客户)
_COUNT_CLASSIFIERS = "家名个位台座所款项条辆套户人"
_ABOUT_ZH = "(?:约|大约|大概)?"
# (or a space before the project itself: a line break read as a space, after a heading - 回收期 / 项目有20个月的回收期)
_OPENS_ZH = f"(?:(?:{_CLAUSE_START}|{_HEADING}) ?{_OWN_HOLDER_ZH}?| {_OWN_HOLDER_ZH})"
_BEFORE_ZH = re.compile(f"{_OPENS_ZH} ?{_PLACE_ZH}{_MODAL_ZH}{{0,3}}{_VERB_ZH}{_ABOUT_ZH} ?(?:\\*\\*)? ?$")
# v114: or nothing but a hedge, "about" or a total's word before the figure, in a sentence or a list item of its own
# (20%的ROI。, 预计20个月的回收期。, 共4300名员工。) - as v102 reads "20% ROI." - not after a colon or a comma
# (目标：20%的ROI), nor under a target, a benchmark or another's words just before
# (or after a heading's words, read as a space, or a lead-in of the answer's own: 根据测算，20%的ROI。,
# 结论：20%的ROI。)
_LEAD_IN_ZH = (
    "(?:根据测算|据测算|经测算|测算显示|经计算|根据计算|综合来看|总的来说|总体来看|简而言之|综上所述?|结论|答|目前|现在"
    "|正确|优点|优势)"  # (v115: a label of what is right)
    " ?[,:] ?"
)
_BARE_BEFORE_ZH = re.compile(
    rf"(?:(?:^|[。.!?;\n•|#❌✅(]|(?:^|\n) ?(?:[-*]|[0-9]+[.)、]) |\*\*|{_HEADING}) ?(?:{_LEAD_IN_ZH})?|{_LEAD_IN_ZH})"
    r"(?:预计|预期|约|大约|大概|共|共计|总共|合计)? ?(?:\*\*)? ?$"
)
_OWN_HOLDER_EN = (
    r"(?:(?:the|this|our) (?:project|investment|plan|proposal|solution|deployment|system|rollout|upgrade)|it|we)"
)
_MODAL_EN = r"(?:(?:will|would|should|can|could|may|is expected to|is projected to|is likely to|is set to) )?"
_VERB_EN = (
    r"(?:has|have|had|delivers?|delivered|yields?|yielded|offers?|offered|achieves?|achieved|generates?|generated"
    r"|gives?|gave|provides?|provided|produces?|produced|earns?|earned|shows?|showed|carries|carry|carried"
    # v102: the answer's own forecast of it (We expect a 20% ROI; v41: the answer's own forecast states it)
    r"|expects?|expected|anticipates?|anticipated|forecasts?|projects?|projected|estimates?|estimated)"
)
# (or a heading before the project itself: ## Summary / The project delivers a 20% ROI, its line break read as a space)
_BEFORE_EN = re.compile(
    f"(?:{_CLAUSE_START} ?(?:{_OWN_HOLDER_EN} )?|#{{1,6}} [^#.!?]{{1,40}} {_OWN_HOLDER_EN} ){_MODAL_EN}{_VERB_EN} "
    r"(?:a|an)(?: (?:estimated|expected|projected|roughly|about|approximately|around))? (?:\*\*)? ?$"
)
# v102: or nothing before the figure but an article, in a sentence or a list item of its own (20% ROI., - A 20% ROI
# is very likely.) - not after a colon or a comma (Target: 20% ROI), nor under a target, a benchmark or another
# year's words just before (## Targets / - 20% ROI), and then only the clause's end or its likelihood after the name
# v115: and after a lead-in that opens the sentence or a heading (In short, a 20% ROI is very likely.; Bottom line: 20%
# ROI.; ## Summary / A 20% ROI.) - as `_LEAD_IN_ZH` before a Chinese one; v114 read it first in its sentence only
_LEAD_IN_EN = (
    r"(?:in short|in brief|in summary|to summari[sz]e|to sum up|in conclusion|conclusion|summary|bottom line|overall"
    r"|all in all|on balance|in total|(?:the )?(?:short )?answer|result|verdict|currently|today|at present"
    r"|right|correct|true|pros?"
    r"|(?:based on|according to|by) (?:the|our|my) (?:calculations?|analysis|estimates?|numbers|figures|model))"
    r" ?[,:] ?"
)
_BARE_BEFORE_EN = re.compile(
    r"(?:^|[.!?;\n•|#❌✅]|(?:^|\n) ?(?:[-*]|[0-9]+[.)]) |\*\*|#{1,6} [^#.!?0-9]{1,20} )"  # (a heading: no figure)
    rf" ?(?:{_LEAD_IN_EN}){{0,2}}(?:(?:a|an) )?(?:\*\*)? ?$"
)
_NOT_THE_LEVEL_NEAR = re.compile(
    r"(?<![a-z])(?:targets?|goals?|objectives?|aims?|benchmarks?|last year|previous|prior|before|industry|average"
    r"|competitors?|rivals?|peers?|if|unless|whether|hope|hoped|wish)(?![a-z])|目标|基准|行业|竞"
)
# (v115: and a verdict mark, as normalised, ends it too, in a bracket or not - 项目可实现20%的ROI ✅, A 20% ROI is very
# likely (✅), ✅ Right: a 20% ROI ❌ Wrong: …: the mark's own rule judges the statement, `keywords.crossed`)
_A_MARK = r"(?: ?\([❌✅]\))?"
_LIKELY_AFTER_EN = re.compile(
    r" (?:is|looks|seems)(?: (?:very|highly|quite|entirely|fully|clearly))? (?:likely|expected|achievable|realistic"
    r"|feasible|attainable|within reach)" + r"[\"”]? ?(?:\*\*)?" + _A_MARK + r"(?: ?(?:[,.。;!:\n•|#❌✅]|$| and ))"
)
# what may stand between the figure's unit and 的 (20%左右的ROI), and what closes the clause after the name
_AFTER_UNIT_ZH = re.compile(r"(?:\*\*)? ?(?:左右)? ?的 ?[\"“「]?")
_AFTER_UNIT_EN = re.compile(r"(?:\*\*)? ?[\"“]?")
# - or the next line's bullet, a table cell's bar or a heading's mark (a line break with no mark is read as a space,
# which 20%的ROI 提升 writes too)
# (a citation may stand before the mark: 项目有20%的ROI[1]。, it pays back in 20 months (source: document 2).)
_CITED = r"(?: ?(?:\[[0-9]{1,2}\]|【[0-9]{1,2}】|\((?:source|来源)[^()]{0,30}\)))?"
_CLAUSE_ENDS_ZH = re.compile(r"[\"”」]? ?(?:\*\*)?" + _CITED + _A_MARK + r" ?(?:[,。.;!:\n•|#❌✅)]|和|及|以及|、|$)")
_CLAUSE_ENDS_EN = re.compile(r"[\"”]? ?(?:\*\*)?" + _CITED + _A_MARK + r" ?(?:[,.。;!:\n•|#❌✅]|$| and | over )")


_A_HOLDER = "(?:竞争|对手|竞品|竞对|同行|同业|友商|别家|行业|业内|业界|其他公司|其他企业|competi|rival|peer|industry)"
_A_HOLDER_IN_THE_CLAUSE = re.compile(_A_HOLDER + r"[^,.。!?;:]*$")
_A_HOLDER_NEAR = re.compile(_A_HOLDER)
_A_PROJECT_NAMED = re.compile(
    "项目|方案|投资|系统|部署|我们|我方|project|investment|plan|proposal|solution|deployment|rollout|upgrade|we"
)


def _held_by_another(text: str, pos: int, opening: str) -> bool:
    """Whether another holder is named earlier in the figure's clause, or within 60 characters before where the
    clause's `opening` (what the pattern before the figure matched) names no project of its own."""
    if _A_HOLDER_IN_THE_CLAUSE.search(text, max(0, pos - 48), pos) is not None:
        return True
    return _A_PROJECT_NAMED.search(opening) is None and _A_HOLDER_NEAR.search(text, max(0, pos - 60), pos) is not None


def _count_noun_at(text: str, pos: int, end: int) -> int | None:
    """Where a count's noun starts right after the figure at `pos` (its unit ending at `end`): after the count's
    classifier (500家门店, 4300名员工) - v114: or after the bare figure or amount, with or without one (200万用户,
    200万名用户, 1.2亿元营收)."""
    if end <= pos:
        return None
    if text[end - 1] in _COUNT_CLASSIFIERS:
        return end
    if text[end - 1].isdigit() or text[end - 1] in "万亿千元镑币":
        return end + 1 if text[end : end + 1] and text[end] in _COUNT_CLASSIFIERS else end
    return None


def figure_before_subject(text: str, pos: int, end: int, names: tuple[str, ...]) -> bool:
    """Whether the figure at `pos`, its unit ending at `end`, is the level of the subject (one of its `names`)
    written right after it in a clause of the project's own (项目可实现20%的ROI, the project delivers a 20% ROI)."""
    before = _BEFORE_ZH.search(text, max(0, pos - 48), pos)
    noun = _count_noun_at(text, pos, end)
    if before is None and (_AFTER_UNIT_ZH.match(text, end) or noun is not None):
        bare = _BARE_BEFORE_ZH.search(text, max(0, pos - 40), pos)
        near = _NOT_THE_LEVEL_NEAR.search(text, max(0, bare.start() - 60), pos) if bare is not None else None
        before = bare if near is None else None
    chinese = before is not None
    before = before or _BEFORE_EN.search(text, max(0, pos - 48), pos)
    english = not chinese and before is not None
    if before is None and text[end : end + 1] == " ":
        return _bare_figure_before_subject(text, pos, end, names)
    if before is None or _held_by_another(text, pos, before.group()):
        return False
    after = (_AFTER_UNIT_ZH if chinese else _AFTER_UNIT_EN).match(text, end)
    counted = chinese and after is None and noun is not None
    if not counted and (after is None or (english and text[end : end + 1] not in (" ", "*", '"', "“"))):
        return False
    at = (noun or end) if after is None else after.end()
    closes = _CLAUSE_ENDS_ZH if chinese else _CLAUSE_ENDS_EN
    for name in sorted(names, key=len, reverse=True):
        if text.startswith(name, at) and closes.match(text, at + len(name)) is not None:
            return True
    return False


def _bare_figure_before_subject(text: str, pos: int, end: int, names: tuple[str, ...]) -> bool:
    """v102: the figure opens its sentence or list item (an article before it at most) and its subject follows, then
    the clause's end or its likelihood (20% ROI., A 20% ROI is very likely.)."""
    bare = _BARE_BEFORE_EN.search(text, max(0, pos - 60), pos)
    if bare is None or _NOT_THE_LEVEL_NEAR.search(text, max(0, bare.start() - 60), pos) is not None:
        return False
    for name in sorted(names, key=len, reverse=True):
        at = end + 1
        if text.startswith(name, at) and not name[:1] > "\u2e80":
            after = at + len(name)
            if _CLAUSE_ENDS_EN.match(text, after) is not None or _LIKELY_AFTER_EN.match(text, after) is not None:
                return True
    return False


_ONLY_OR_ABOUT_ZH = "(?:预计|预期|有望|估计|约|大约|大概|仅需?|只需?|只要|需要?){0,2}"
_BEFORE_PAYBACK_ZH = re.compile(f"{_OPENS_ZH} ?{_ONLY_OR_ABOUT_ZH} ?(?:\\*\\*)? ?$")
_PAYBACK_AFTER_ZH = re.compile(
    r"(?:\*\*)? ?(?:内|以内|之内)?(?:左右)? ?,? ?(?:即可|就能|就可以?|便可|便能|即能|可以?|能够?|将|就|预计|有望)?"
    "(?:实现)?(?:回本|收回(?:全部|全部的|初始)?(?:投资|成本|投入)(?:成本)?)"
    r"[\"”」]? ?(?:\*\*)?" + _CITED + _A_MARK + r" ?(?:[,。.;!\n•|#❌✅]|$)"
)
_OUTLAY_EN = r"(?:the |its |our )?(?:full |initial |whole )?(?:investment|cost|costs|outlay|capex)"
_BEFORE_PAYBACK_EN = re.compile(
    # (v115: or a heading's words alone before it - ## Summary / Payback in 20 months.)
    f"(?:{_CLAUSE_START} ?(?:{_OWN_HOLDER_EN} )?|#{{1,6}} [^#.!?]{{1,40}} (?:{_OWN_HOLDER_EN} )?){_MODAL_EN}"
    r"(?:(?:pays?|paid|paying) (?:back|for itself|for themselves|off)(?: (?:the|its) (?:full |initial |whole )?"
    r"(?:investment|cost|outlay))?"
    # v113: payback or break-even as a noun, the outlay recovered (Payback in 20 months, it breaks even within 20
    # months, the investment is recovered in 20 months, we recoup the cost in 20 months) - v112 read "pays back" only
    r"|payback|break-?even|breaks? even|broke even"
    f"|(?:recovers?|recovered|recoups?|recouped) {_OUTLAY_EN}"
    f"|(?:{_OUTLAY_EN} )?(?:is|are|will be|would be|can be|could be|should be|gets?) (?:fully )?"
    r"(?:recovered|recouped|paid back))"
    r" (?:in|within|after) (?:about |around |roughly |approximately |just |only )?(?:\*\*)? ?$"
)
_PAYBACK_AFTER_EN = re.compile(r"(?:\*\*)?(?: or so)?" + _CITED + _A_MARK + r" ?(?:[,.。;!:\n•|#❌✅]|$| and )")


def paid_back_in(text: str, pos: int, end: int, names: tuple[str, ...]) -> bool:
    """Whether the figure at `pos`, its unit ending at `end`, is the payback period (one of its `names` is 回收期) said
    with its verb in a clause of the project's own (20个月即可回本, it pays back in 20 months)."""
    if "回收期" not in names:
        return False
    before = _BEFORE_PAYBACK_ZH.search(text, max(0, pos - 32), pos)
    after = _PAYBACK_AFTER_ZH
    if before is None or _PAYBACK_AFTER_ZH.match(text, end) is None:
        before, after = _BEFORE_PAYBACK_EN.search(text, max(0, pos - 64), pos), _PAYBACK_AFTER_EN
    return before is not None and after.match(text, end) is not None and not _held_by_another(text, pos, before.group())
