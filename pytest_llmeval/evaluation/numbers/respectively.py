"""Names paired with figures in order by 分别 or "respectively" (v40): ROI、IRR分别为20%和15% and "ROI and IRR are
20% and 15% respectively" say ROI 20% and IRR 15% - v39 credited neither, as no name stands right before its figure.

The names before 分别 (or before the verb of an English list) are joined by 、, 和, 与, 及, "and" or a comma between
known subject names; the figures after it by the same marks, each with its unit. A name pairs with the figure in its
place, and a count that differs pairs nothing (ROI、IRR和NPV分别为20%和15%: which is which is not said). One metric
of several things (方案A和方案B的ROI分别为20%和15%, ROI分别为20%和15%) has each figure as a value of its own.
v48: a modal after 分别 (分别可达, 将分别达到) and adverbials before it (ROI和IRR在三年内分别可达20%和15%,
`roundabout.adverbials_before`) stand between the names and their figures too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .holders import another_holder
from .mention import Mention
from .roundabout import adverbials_before

# v48: with a modal (分别可达, 预计将分别达到) and adverbials before it (ROI和IRR在三年内分别可达20%和15%)
_RESPECTIVELY_ZH = re.compile(
    r"分别(?:可以?|能够?|将|会|有望|预计将?)?(?:为|是|达到了?|达|约为|约|在|是约|需要|需|实现)? ?:? ?$"
)
_RESPECTIVELY_EN_BEFORE = re.compile(
    r"(?<![a-z])(?:are|were|is|was|will be|would be|stand at|come to|came to|take"
    r"|took|reach|reached|of|at)(?:,? respectively,)? $"
)
_RESPECTIVELY_EN_AFTER = re.compile(r"[^0-9,;.!?\n]{0,16}?,? respectively(?![a-z])")
_RESPECTIVELY_EN_FIRST = re.compile(r"(?<![a-z])(?:are|were|is|was),? respectively,? $")
# what joins two figures of the list: their unit, then a list mark
_FIGURE_GAP = re.compile(
    r"[^0-9、,和与及;。:\n]{0,8}? ?(?:、|,|和|与|及|以及|跟|,? ?(?:and|&)(?![a-z])) ?(?:\$|¥|us\$|rmb ?|人民币)?"
)
_NAME_MARK = re.compile(r" ?(?:、|和|与|及|以及|跟|,? ?(?<![a-z])(?:and|&)(?![a-z])) ?")
_A_COMMA = re.compile(r" ?, ?")
_ARTICLE = re.compile(r"^(?:the|our|its|their|this|that) ")
_CLAUSE_END = re.compile(r"[。;!?\n:]|\.(?=\s)")


def _figure_run(text: str, mentions: Sequence[Mention], at: int) -> tuple[list[Mention], int]:
    """The figures joined by list marks that `mentions[at]` stands in, and its place among them."""
    lo = at
    while lo > 0 and _FIGURE_GAP.fullmatch(text, mentions[lo - 1].end, mentions[lo].start):
        lo -= 1
    hi = at
    while hi + 1 < len(mentions) and _FIGURE_GAP.fullmatch(text, mentions[hi].end, mentions[hi + 1].start):
        hi += 1
    return list(mentions[lo : hi + 1]), at - lo


def _names_before(text: str, end: int, known: frozenset[str]) -> list[str]:
    """The names of the list that ends at `end`, in order: items joined by list marks (and by commas between known
    subject names), back to the clause's start."""
    clause = text[max(0, end - 120) : end]
    cut = max((m.end() for m in _CLAUSE_END.finditer(clause)), default=0)
    clause = clause[cut:].strip()
    items: list[str] = []
    rest = clause
    after_a_comma = False
    while rest:
        mark = None
        for m in _NAME_MARK.finditer(rest):
            mark = m
        comma = None
        for m in _A_COMMA.finditer(rest):
            comma = m
        if comma is not None and (mark is None or comma.end() > mark.end()):
            item = _ARTICLE.sub("", rest[comma.end() :].strip())
            if item not in known:
                break  # 经测算，ROI、IRR分别为: the clause before the list
            items.append(item)
            rest = rest[: comma.start()]
            after_a_comma = True
            continue
        if mark is None:
            item = _ARTICLE.sub("", rest.strip())
            if not items or not after_a_comma or item in known:
                items.append(item)  # not 经测算 in 经测算，ROI、IRR: the clause before the list
            break
        items.append(_ARTICLE.sub("", rest[mark.end() :].strip()))
        rest = rest[: mark.start()]
        after_a_comma = "," in mark.group()
    return items[::-1]


def _names_it(item: str, names: Sequence[str]) -> bool:
    """Whether the list's item is one of the subject's names (or ends with one as a word: 项目IRR, the project IRR)."""
    for name in names:
        if item == name:
            return True
        if item.endswith(name):
            before = item[len(item) - len(name) - 1]
            if not (before.isascii() and before.isalnum()):  # a letter or digit before: another word (MIRR)
                return True
    return False


def paired_respectively(
    text: str, mentions: Sequence[Mention], at: int, names: Sequence[str], known: frozenset[str]
) -> int | None:
    """The start of the figure `mentions[at]` where 分别 or "respectively" pairs it with one of the subject's `names`
    (`known`: every subject name, which a comma may join in a list), else None."""
    if "分别" not in text and "respectively" not in text:
        return None
    first = mentions[at]
    run, place = _figure_run(text, mentions, at)
    start = run[0].start
    zh = _RESPECTIVELY_ZH.search(text, max(0, start - 12), start)
    if zh is not None:
        names_end = adverbials_before(text, zh.start())
    else:
        en = _RESPECTIVELY_EN_FIRST.search(text, max(0, start - 24), start)
        if en is None:
            en = _RESPECTIVELY_EN_BEFORE.search(text, max(0, start - 24), start)
            if en is None or not _RESPECTIVELY_EN_AFTER.match(text, run[-1].end):
                return None
        names_end = en.start()
    items = _names_before(text, names_end, known)
    if not items:
        return None
    last = items[-1]
    for mark in ("的", "'s ", "’s "):
        if (
            mark in last
            and not (len(items) > 1 and _held_item(last, mark))
            and not _metrics_then_a_held_one(items, mark, known)
        ):
            # 方案A和方案B的ROI: one metric of several things (v53: not 竞争对手的ROI's; v54: nor ROI、竞争对手的IRR -
            # the holder governs its own item only)
            held = _held_by_another(last, names)
            return first.start if _names_it(last.rsplit(mark, 1)[1].strip(), names) and not held else None
    if len(items) == 1:
        return first.start if _names_it(last, names) else None  # ROI分别为20%和15%
    if len(items) != len(run):
        return None
    item = items[place]
    if _held_by_another(item, names):
        return None  # v53: 竞争对手的ROI和IRR分别为20%和15% - the ROI is another holder's
    if place > 0 and _held_item(items[0], "") and not _owned(item):
        return None  # v54: 竞争对手的ROI和IRR分别为20%和15% - the holder governs the whole list, the IRR is theirs too
    return first.start if _names_it(item, names) else None


def _metrics_then_a_held_one(items: Sequence[str], mark: str, known: frozenset[str]) -> bool:
    """v55: whether the items before the last are metric names and the last names a metric after its holder (ROI、
    方案B的IRR, ROI和方案B的IRR): a metric is no thing the holder's 的 can belong to, so it governs the last item only -
    not 方案A和方案B的ROI (one metric of several things) nor ROI和IRR的目标 (v48: the targets of both)."""
    if len(items) < 2 or mark not in items[-1]:
        return False
    return all(item in known for item in items[:-1]) and items[-1].rsplit(mark, 1)[1].strip() in known


def _held_item(item: str, mark: str) -> bool:
    """Whether the list's item names a metric after another holder (竞争对手的IRR, a competitor's IRR) - `mark` the
    possessive it is read at ("" for a holder right before its name: 行业平均ROI, competitors' ROI)."""
    if mark:
        tail = item.rsplit(mark, 1)[1].lstrip()
        return bool(tail) and another_holder(item, len(item) - len(tail), "")
    return any(another_holder(item, cut, "") for cut in range(1, len(item)))  # 行业平均ROI, competitors' ROI


def _owned(item: str) -> bool:
    """Whether a later item of a list names a holder of its own (我们的IRR, our IRR), which the first item's holder
    does not reach."""
    return any(mark in item for mark in ("的", "'s ", "’s ")) or item.startswith(_OWN_HOLDERS)


_OWN_HOLDERS = ("我方", "我司", "我们", "本项目", "本公司", "本方案", "our ", "my ", "its ")


def _held_by_another(item: str, names: Sequence[str]) -> bool:
    """Whether the list's item names the subject after another holder (v53: 竞争对手的ROI, a competitor's ROI)."""
    name = next((name for name in names if item.endswith(name)), None)
    return name is not None and another_holder(item, len(item) - len(name), names[0])
