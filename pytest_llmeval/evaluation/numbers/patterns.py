"""The patterns a form is searched by: `TextPattern` (a word, at word edges), `NumberPattern` (slots of
numbers with the text around them, matched by value and unit) and `RegexPattern` (a user's regex), each yielding
`Found` spans; `spaced_out` for forms with spaces between CJK characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from .attributive import figure_before_subject, paid_back_in
from .currencies import ALL_SIGNS, ANY_SIGN, CURRENCY_NAMES_AFTER, CURRENCY_SIGNS, one_of
from .edges import a_range_ends_the_gap, an_end_of_a_money_range, bare_end, classifier_twin, edges_ok
from .finding import ABOUT, EN_ONES, EN_TEENS, EN_TENS, find_numbers_cached, words_at
from .holders import a_holder_in_brackets, another_holder
from .kept import HOLDING_LINK, HOLDING_VERB, HOLDING_VERB_ZH, framed_link
from .mention import CN_CHARS, Mention, NumberForms, chinese_value, parse_tolerance
from .respectively import paired_respectively
from .roundabout import CORRECTION_LINK, FARTHEST_LINK, RAISING_LINK, without_adverbials
from .spelled import spelled_numbers, spelled_value
from .user_regex import user_regex_finditer
from .verbal import VerbalChange, change_label, changed_subject, reached_label, reached_subject, verbal_changes


@dataclass(frozen=True)
class Slot:
    """A number of a key point: its value and the form it was written in."""

    value: Decimal
    scale: Decimal
    percent: bool
    text: str


@dataclass(frozen=True)
class Found:
    start: int
    end: int


@dataclass(frozen=True)
class TextPattern:
    """A key point without a number: a substring, never a piece of a longer number or word at its edges."""

    text: str
    kind = "text"

    def search(self, answer: str) -> Iterator[Found]:
        """Where the text stands in the answer as written, then (v7) where it stands with the spaces next to CJK left
        out on both sides (已通过 PCI DSS for 已通过PCI DSS), as positions in the answer."""
        needle = spaced_out(self.text)[0]
        return _written_or_spaced(answer, lambda text, spaced: self._search(text, needle if spaced else self.text))

    @staticmethod
    def _search(answer: str, needle: str) -> Iterator[Found]:
        if not needle:
            return
        pos = answer.find(needle)
        while pos != -1:
            if edges_ok(answer, pos, pos + len(needle), needle):
                yield Found(pos, pos + len(needle))
            pos = answer.find(needle, pos + 1)


def _written_or_spaced(answer: str, search: Callable[[str, bool], Iterator[Found]]) -> Iterator[Found]:
    """The matches of `search` in the answer as written, then those in the answer without the spaces next to CJK
    (v7: models space figures and Latin words out in Chinese text, v5.0 于 2024 年), mapped back to the answer's
    positions. Both: a space may also end a quantity (下午3点 5人参加 has 3点, 3点5 would not)."""
    seen = set()
    for found in search(answer, False):
        seen.add((found.start, found.end))
        yield found
    spaced, where = spaced_out(answer)
    if len(spaced) == len(answer):
        return
    for found in search(spaced, True):
        mapped = Found(where[found.start], where[found.end - 1] + 1)
        if (mapped.start, mapped.end) not in seen:
            yield mapped


# v16: a number after 第 is an ordinal: 第20个月 (the twentieth month) states no 20个月, 第3年 no 3年, 第5名 no 5名
_ORDINAL_BEFORE = re.compile("第 ?$")
# v104: ... except the month in which an investment is paid back (第20个月回本, 预计第20个月即可收回全部投资,
# 第20个月实现盈亏平衡): the payback period is that many months, as 20个月回本 says. Months only: 第2年回本 is
# somewhere in the second year, no 2年.
_PAID_BACK_IN_THAT_MONTH = re.compile(
    " ?个?月(?:末|底|时|左右)? ?(?:就|即|便|才|即可|就能|就可以|便可|可|能|将|会|可以|能够|预计|有望)*"
    "(?:实现|完成|达到)?(?:回本|收回(?:全部|全部的|所有)?(?:投资|投入|成本|本金)|回收(?:全部|所有)?(?:投资|投入|成本)"
    "|盈亏平衡|收支平衡|打平|回正)"
)
_YEAR_RANGE_REST = re.compile(r" ?(?:-|–|—|~|至|到) ?[0-9]{4} ?年")  # (NFKC made ～ a ~)
_ABOUT_EN = re.compile(r"(?:\+|-odd| or so)(?= )")  # v16: and an English unit (20 or so months, 20+ months)


@dataclass(frozen=True)
class NumberPattern:
    """A key point with numbers: text pieces around number slots, `pieces[i]` before `slots[i]`."""

    text: str
    pieces: tuple[str, ...]  # len(slots) + 1
    slots: tuple[Slot, ...]
    forms: NumberForms
    kind = "number"
    bounded = False  # v111: `BoundedNumberPattern`

    def _equal(self, slot: Slot, mention: Mention) -> bool:
        if slot.percent and not mention.percent:
            return False
        if self.forms.tolerance is not None:
            return parse_tolerance(self.forms.tolerance).allows(slot.value, mention.value, slot.scale)
        return slot.value == mention.value

    def search(self, answer: str) -> Iterator[Found]:
        """Where the point stands in the answer as written, then (v7) with the spaces next to CJK left out on both
        sides (v5.0 于 2024 年 for v5.0于2024年; the pieces are compiled so), as positions in the answer."""
        text = spaced_out(self.text)[0]
        return _written_or_spaced(answer, lambda answer_text, _: self._search(answer_text, text))

    def _search(self, answer: str, text: str) -> Iterator[Found]:
        mentions = find_numbers_cached(answer, self.forms)
        if self.pieces[-1] or self.slots[-1].percent:  # v14: a number word, before what the point counts
            spelled = spelled_numbers(answer, self.forms)
            mentions = tuple(sorted((*mentions, *spelled), key=lambda m: m.start)) if spelled else mentions
        if len(self.slots) == 1 and self.slots[0].percent and not self.pieces[-1]:
            verbal = verbal_changes(answer)  # v38: 减半, cut in half, 翻倍, doubled
            mentions = tuple(sorted((*mentions, *verbal), key=lambda m: m.start)) if verbal else mentions
        by_start = {m.start: m for m in mentions if not isinstance(m, VerbalChange)}
        shares = len(self.slots) == 1 and not self.pieces[0] and bool(self.pieces[-1] or self.slots[0].percent)
        falls = len(self.slots) == 1 and not self.pieces[0] and self.slots[0].value < 0
        for index, first in enumerate(mentions):
            if isinstance(first, VerbalChange) and falls:
                if first.direction < 0 and self._equal(replace(self.slots[0], value=-self.slots[0].value), first):
                    yield Found(first.start, first.end)  # v38: 成本减半 for -50%
                continue
            if falls and self._equal(replace(self.slots[0], value=-self.slots[0].value), first):
                fall = _a_fall(answer, first.start, first.end)  # v24: 下降20% for -20%
                end = _unit_end(answer, first.end, self.pieces[-1]) if fall is not None else None
                if fall is not None and end is not None and edges_ok(answer, first.start, end, text):
                    yield Found(fall, end)
                continue
            bare_percent = shares and self.slots[0].percent and not first.percent  # v24: 20而非30% for 20%
            if not self._equal(self.slots[0], first) and not (
                bare_percent and self._equal(replace(self.slots[0], percent=False), first)
            ):
                continue
            if bare_percent:
                if _unit_after_a_contrast(answer, first.end, by_start, "", percent=True) is not None:
                    yield Found(first.start, first.end)
                continue
            start = _ends_before(answer, first.start, self.pieces[0])
            labelled = start is None and bool(self.pieces[0].strip())
            if labelled:
                start = _label_before(answer, first.start, self.pieces[0].strip())  # v36: 回收期为20个月
            if labelled and start is None and (restated := _restated_before(answer, first)) is not None:
                # v115: 回收期为二十（20）个月 - the subject before the number the bracket restates
                start = _ends_before(answer, restated, self.pieces[0])
                start = start if start is not None else _label_before(answer, restated, self.pieces[0].strip())
            if labelled and start is None:
                start = _signed_after_its_label(answer, first.start, self.pieces[0].strip())  # v111: revenue $1.2
            if labelled and start is None and self.bounded:
                start = _bounded_after_its_label(answer, first.start, self.pieces[0].strip())  # v111: 回收期最多24个月
            if labelled and start is None:
                start = _changed_before(answer, first, self.pieces[0].strip())  # v38: 成本下降50% for 成本降低50%
            elif isinstance(first, VerbalChange) and start is not None and start == first.start and self.pieces[0]:
                start = None  # a change in words is said with its subject's words before it only (v38)
            if labelled and start is None and not isinstance(first, VerbalChange):
                label = self.pieces[0].strip()  # v40: ROI、IRR分别为20%和15%
                start = paired_respectively(answer, mentions, index, subject_names(label), _KNOWN_NAMES)
            attributive = labelled and start is None and not isinstance(first, VerbalChange)
            if attributive:
                start = first.start  # v62: 项目可实现20%的ROI - the subject after the figure, read once its unit ends
            if start is None or (
                start == first.start
                and _ORDINAL_BEFORE.search(answer, max(0, start - 2), start)
                and not _PAID_BACK_IN_THAT_MONTH.match(answer, first.end)
            ):
                continue  # v16: 第20个月, 第3年, 第5名 - a position, not an amount
            if self.pieces[0].strip() and another_metric(answer, start, self.pieces[0].strip()):
                continue  # v40: 应收账款回收期20个月, 机会成本下降20% - another metric that holds the subject's name
            if self.pieces[0].strip() and a_count_of_its_periods(answer, start):
                continue  # v112: 三年节省90万元, 第二年节省 for 年节省90万元 - not a year's figure
            if self.pieces[0].strip() and another_holder(answer, start, self.pieces[0].strip()):
                continue  # v53: 竞争对手的回收期20个月, a competitor's ROI 20% - another holder's figure
            if self.pieces[0].strip() and superseded_subject(answer, start, self.pieces[0].strip()):
                continue  # v38: | 原回收期 | 20个月 | 新回收期 | 14个月 | for 回收期20个月
            pos, ok, carried = first.end, True, False
            for piece, slot in zip(self.pieces[1:-1], self.slots[1:], strict=True):
                after = _starts_at_or_twin(answer, pos, piece)
                if after is None and piece.strip() in RANGE_MARKS:  # 3-5天 as 3~5天, 3至5天, 3天-5天 (v9)
                    unit = self.pieces[-1].strip()
                    carried = (first.percent and slot.percent) or bool(unit and answer.startswith(unit, pos))
                    after = _other_range_mark(answer, pos, unit)
                elif _mention_at(answer, after, by_start) is None:
                    after = _a_subject_linked_at(answer, pos, piece, by_start)  # v111: 2024年营收约1.2亿元
                nxt = _mention_at(answer, after, by_start)
                bare = carried and nxt is not None and not nxt.percent and bare_end(answer, nxt.end)
                if nxt is None or not (
                    self._equal(slot, nxt) or (bare and self._equal(replace(slot, percent=False), nxt))
                ):
                    ok = False  # v10: or the range's unit after its first end only (3天到5, 20%到30 for 3-5天, 20-30%)
                    break
                pos = nxt.end
            if not ok:
                continue
            end = _unit_end(answer, pos, self.pieces[-1])
            if end is None and carried and bare_end(answer, pos):
                end = pos  # 3天到5 for 3-5天 (v10)
            if end is None and self.pieces[-1] == "年" and _YEAR_RANGE_REST.match(answer, pos):
                end = pos  # 2024-2025年, 2024至2025年: a range of years starts with the year (as 2024年至2025年 does)
            if end is None and answer[pos : pos + 1] in ABOUT and self.pieces[-1][:1] > "\u2e80":
                end = _starts_at(answer, pos + 1, self.pieces[-1])  # 500多台, 1200余万元, 20来个月: about the figure
            if end is None and answer[pos : pos + 1] == "+" and self.pieces[-1][:1] > "\u2e80":
                end = _starts_at(answer, pos + 1, self.pieces[-1])  # v32: 500+台, 20+个月, as 20+ months (v16)
            about_en = _ABOUT_EN.match(answer, pos) if end is None and self.pieces[-1][:1].isalpha() else None
            if about_en is not None and self.pieces[-1].isascii():
                end = _unit_end(answer, about_en.end(), self.pieces[-1])  # v16: 20 or so months, 20-odd, 20+ months
            if end is None and len(self.slots) == 1 and self.pieces[0] == "":
                found = _currency(answer, first.start, pos, self.pieces[-1])  # v43: 200 yuan as 200 RMB, any forms
                start, end = found or (start, None)
            elif end is None and len(self.slots) == 1 and self.pieces[0].strip():
                found = _currency(answer, first.start, pos, self.pieces[-1])
                if found is not None and found[0] < first.start and an_end_of_a_money_range(answer, *found):
                    continue  # v113: 合同金额$500-$600 - a range after the subject holds no $500 (as $500-$600)
                if found is not None and attributive and found[0] < first.start:
                    start, end = found  # v114: 双方签订了€1200万的合同 - the sign opens the figure before its subject
                elif found is not None and (found[0] == first.start or start is not None and start <= found[0]):
                    end = found[1]  # v41: Revenue is 2 billion yuan, 获客成本为200 RMB - as its bare figure is said
                    # (v112: or its sign after the subject's link, 合同金额为¥1200万, the fee is $500; v113: and after
                    # the subject with no link, as the point writes it - 合同金额500 RMB, 每人每月500 dollars)
            if end is None and shares and not first.percent:
                end = _unit_after_a_contrast(answer, pos, by_start, self.pieces[-1])  # v24: 24, not 18 months
                end = end if end is not None else _unit_before_a_contrast(answer, first.start, pos, self.pieces[-1])
            if end is None and len(self.slots) == 1 and self.pieces[-1]:
                end = _unit_after_a_restatement(answer, first, self.pieces[-1])  # v32: twenty (20) months
            if end is None and len(self.slots) == 1 and self.pieces[-1]:
                end = _unit_after_a_tolerance(answer, first, self.pieces[-1])  # v69: 20±4个月
            names = subject_names(self.pieces[0].strip()) if attributive else ()
            if attributive and (
                end is None
                or not (
                    figure_before_subject(answer, start, end, names)
                    or paid_back_in(answer, start, end, names)  # v62: 20个月即可回本, it pays back in 20 months
                )
            ):
                continue
            # v111: and a subject named between two figures (三年ROI 50%（目标）, the 3-year ROI is 50% lower)
            subject_inside = len(self.slots) > 1 and _names_a_subject(self.pieces[-2])
            if (labelled or subject_inside) and end is not None and _A_CHANGE_AFTER.match(answer, end):
                continue  # v36: the ROI is 20% lower - a change of the subject, not its value
            if (labelled or subject_inside) and end is not None and ANOTHERS_OR_A_TARGET_AFTER.match(answer, end):
                continue  # v64: ROI：20%（目标）, ROI: 20% (competitor's figure) - a target's or another's figure
            if labelled and end is not None and _an_open_apposition(answer, start, first.start, end):
                continue  # v49: ROI，20%的客户会流失 - a bare comma, then a figure of the words after it
            if labelled and end is not None and _a_hedged_count(answer, start, first.start, end):
                continue  # v50: ROI预计20%的客户会流失 - a hedge, then a figure of the words after it
            if labelled and end is not None and _a_later_count(answer, start, first.start, end):
                continue  # v56: ROI为15%，今年20%的客户续约 - a later period, then a figure of the words after it
            if end is not None and another_currency_before(answer, first.start, self.pieces[-1]):
                continue  # v113: 港币1200万元 for 1200万元 - the amount is in the currency named before it
            if end is not None and end > start and edges_ok(answer, start, end, text):
                yield Found(start, end)


# v32: a number restated in brackets, as contracts write it, is one number before its unit: "20 (twenty) months",
# "twenty (20) months", 二十（20）个月, 20（二十）个月 (v31: missing) - where the bracket and the words before it say
# the same value (20 (24) months, twenty (24) months state neither)
_RESTATED_AFTER = re.compile(r" ?\(([^()]{1,40})\)")
_RESTATED_BEFORE = re.compile(r"((?:[a-z]+[- ]){0,5}[a-z]+|[〇零一二两三四五六七八九十百千万亿廿卅点]+) ?\($")


_NUMBER_WORDS = frozenset((*EN_ONES, *EN_TEENS, *EN_TENS, "hundred", "thousand", "million", "and"))
_CHINESE_NUMERALS = re.compile("[〇零一二两三四五六七八九十百千万亿廿卅点]+")


def _says(words: str, value: Decimal) -> bool:
    """Whether `words` - digits, English number words only or Chinese numerals only - say `value`."""
    words = words.strip()
    if words.replace(".", "", 1).isdigit():
        return Decimal(words) == value
    if _CHINESE_NUMERALS.fullmatch(words):
        return chinese_value(words) == value
    if words.isascii() and words and set(re.split("[- ]", words)) <= _NUMBER_WORDS:
        return spelled_value(words) == value
    return False


def _restated_before(answer: str, first: Mention) -> int | None:
    """Where the number that the bracket holding `first` restates starts (二十 in 二十（20）个月), else None."""
    if answer[first.start - 1 : first.start] != "(" or not answer.startswith(")", first.end):
        return None
    before = _RESTATED_BEFORE.search(answer, max(0, first.start - 48), first.start)
    return before.start(1) if before is not None and _says(before.group(1), first.value) else None


def _unit_after_a_restatement(answer: str, first: Mention, unit: str) -> int | None:
    """The end of `unit` after the number `first` and its restatement in brackets, either way round; else None."""
    after = _RESTATED_AFTER.match(answer, first.end)
    if after is not None and _says(after.group(1), first.value):
        return _unit_end(answer, after.end(), unit)
    return _unit_end(answer, first.end + 1, unit) if _restated_before(answer, first) is not None else None


# v69: a figure with its tolerance before the unit they share is the figure in that unit (回收期为20±4个月, ROI为20±5%,
# "payback is 20 ± 4 months", 20 +/- 4 months) - v68 missed it while 20个月（误差±4个月） was covered (v19); the
# tolerance itself stays what it was (a bare point 4个月 may count anything, v53)
_TOLERANCE_AFTER = re.compile(r" ?(?:±|\+/-|\+-|\+/−) ?[0-9][0-9,]*(?:\.[0-9]+)? ?")


def _unit_after_a_tolerance(answer: str, first: Mention, unit: str) -> int | None:
    """The end of `unit` after the number `first` and a tolerance (± 4) before it; else None."""
    after = _TOLERANCE_AFTER.match(answer, first.end)
    return None if after is None else _unit_end(answer, after.end(), unit)


# v24: a fall by a figure states the figure with a minus sign (下降20%, 同比减少了20%, 降幅为20%, down 20%, fell by 20%,
# a 20% decrease: -20%); a rise or a level does not (增长20%, 20%), and -20% still does not state 20%
_FALL_BEFORE = re.compile(
    "(?:下降|下滑|下跌|降低|减少|缩减|减小|缩小|回落|萎缩|负增长|[降跌]幅(?:为|达|是)?|(?<![增升涨])[降跌]|(?<![增加])减"
    "|(?<![a-z])(?:(?:an? )?(?:decrease|decline|drop|fall|reduction) of|down|fall|falls|fell|fallen|drops?|dropped"
    "|declines?|declined|decreases?|decreased|reduced|shrank|shrunk|contracted|cut|lowered|lower)(?: by)?)"
    " ?(?:了 ?)?(?:约|大约|(?:about|around|roughly|approximately) )? ?$"
)
_FALL_AFTER = re.compile(
    " ?(?:的?(?:降幅|跌幅|下降|下滑|减少)|(?:decrease|decline|drop|fall|reduction|cut|lower|less)(?![a-z]))"
)


def _a_fall(text: str, start: int, end: int) -> int | None:
    """Where the words that make the figure at text[start:end] a fall start (the figure's start for one after it),
    else None."""
    before = _FALL_BEFORE.search(text, max(0, start - 24), start)
    if before is not None:
        return before.start()
    return start if _FALL_AFTER.match(text, end) else None


# v24: a bare number contrasted with a figure that carries the unit shares it: "24, not 18 months", 24而非18个月,
# 是24，不是18个月, "24 rather than 18 months", "24 instead of 18 months", 20而不是30% - as 20或24个月 shares it (v15)
# v25: or in a bracket before the unit: "24 (not 18) months", 24（而非18）个月
_CONTRAST_THEN = re.compile(
    r" ?(?:, ?|(?P<bracket>\( ?))?"
    r"(?:(?:(?:and|but) )?not(?![a-z])|rather than|instead of|as opposed to|而非|而不是|并非|不是)(?: ?是)? ?"
)
_BRACKET_CLOSES = re.compile(r" ?\)")


def _unit_after_a_contrast(
    text: str, pos: int, by_start: dict[int, Mention], unit: str, percent: bool = False
) -> int | None:
    """`pos` (the end of a bare number) where a contrast and another number with the point's unit (or %) follow it,
    else None."""
    contrast = _CONTRAST_THEN.match(text, pos)
    other = _mention_at(text, contrast.end(), by_start) if contrast is not None else None
    if contrast is None or other is None:
        return None
    if contrast.group("bracket"):
        return pos if _a_bracket_gives_the_unit(text, other, unit, percent) else None
    if percent:
        return pos if other.percent else None
    return pos if not other.percent and _unit_end(text, other.end, unit) is not None else None


def _a_bracket_gives_the_unit(text: str, other: Mention, unit: str, percent: bool) -> bool:
    """The contrast in a bracket (v25) ends with the point's unit (or %) inside it or right after it: 24 (not 18
    months), 24 (not 18) months, 20（而非30%）, 20（而非30）%."""
    closes = _BRACKET_CLOSES.match(text, other.end)
    if closes is not None and other.percent:
        return percent
    if closes is not None:
        return (
            text.startswith(("%", " %"), closes.end()) if percent else _unit_end(text, closes.end(), unit) is not None
        )
    inside = None if percent or other.percent else _unit_end(text, other.end, unit)
    return inside is not None and _BRACKET_CLOSES.match(text, inside) is not None


# ... and one that a contrast gives after a denied figure with the unit: "not 18 months but 24", 不是18个月，而是24
_CONTRAST_BEFORE = re.compile(r"(?:, ?)?(?:but(?: rather)?|而是|rather)(?: (?:it is|it's|is))? ?$")
_DENIED_FIGURE_BEFORE = re.compile(r"(?:(?<![a-z])not|不是|并非) ?[0-9]+(?:\.[0-9]+)? ?$")
_CLAUSE_ENDS = re.compile(r" ?(?:[,;:!?)。]|\.(?![0-9])|$)")


def _unit_before_a_contrast(text: str, start: int, end: int, unit: str) -> int | None:
    """`end` (the end of the bare number at text[start:end]) where it ends its clause after a contrast with a denied
    figure that carries the point's unit, else None."""
    contrast = _CONTRAST_BEFORE.search(text, max(0, start - 24), start)
    if contrast is None or not _CLAUSE_ENDS.match(text, end):
        return None
    unit_end = contrast.start() - 1 if text[contrast.start() - 1 : contrast.start()] == " " else contrast.start()
    if not text.endswith(unit, 0, unit_end):
        return None
    figure_end = unit_end - len(unit)
    figure_end -= 1 if text[figure_end - 1 : figure_end] == " " else 0
    return end if _DENIED_FIGURE_BEFORE.search(text, max(0, figure_end - 24), figure_end) else None


@dataclass(frozen=True)
class RegexPattern:
    text: str
    kind = "regex"

    def search(self, answer: str) -> Iterator[Found]:
        for m in user_regex_finditer(self.text, answer):
            if m.end() > m.start():
                yield Found(m.start(), m.end())


Pattern = TextPattern | NumberPattern | RegexPattern


def _mention_at(text: str, pos: int | None, by_start: dict[int, Mention]) -> Mention | None:
    """The mention starting at `pos` or after one space there."""
    if pos is None:
        return None
    if pos in by_start:
        return by_start[pos]
    return by_start.get(pos + 1) if pos < len(text) and text[pos] == " " else None


def _ends_before(text: str, pos: int, piece: str) -> int | None:
    """Start of `piece` when it ends at `pos` (one space allowed between), else None."""
    if not piece:
        return pos
    for gap in (0, 1):
        end = pos - gap
        if gap and (end < 0 or text[end] != " " or piece.endswith(" ")):
            continue
        if text.endswith(piece, 0, end):
            return end - len(piece)
    return None


# v36: a point that names its subject before its figure (回收期20个月, ROI 20%) is said with a copula, "about" or a
# label's colon between them (回收期为20个月, 回收期约为20个月, ROI达到20%, the ROI is about 20%, an ROI of 20%, ROI:
# 20%, **回收期**：20个月, - 回收期：20个月, | 回收期 | 20个月 |) - v35 matched it only as written. Nothing else may
# stand between: a figure of another subject (ROI为15%，毛利率20%), a change by the figure (ROI提升了20%, ROI increased
# by 20%) and a negation (回收期不是20个月, the ROI is not 20%) do not say it.
# v59: an adverb of "only", "exactly", "in all" or "indeed" before the copula (回收期仅为20个月, 只要, 只需, 才, 就是,
# 恰好是, 总共需要, ROI确实为20%) or alone (回收期仅20个月, 才20个月, 整整20个月: `_HEDGE_LINK`) - it says the figure
# is the level; v58 missed them all. Not 不仅 / 不只 ("not only": more than the figure), which no link starts with
# a currency's sign or word before a figure, by the unit it stands for (`currencies.CURRENCY_SIGNS`: ¥ / 人民币 /
# RMB / CNY for 元, $ / US$ / USD for 美元, € / EUR for 欧元 ...; not HK$ for 美元 or JP¥ for 元: a letter before the
# sign names another currency): a subject's link may end with one, and `_CURRENCY_BEFORE` reads the unit by it
_WRITTEN_BEFORE = {unit: one_of(signs) for unit, signs in CURRENCY_SIGNS.items()}
# any currency's sign or code before a figure (one space may follow): where an answer's link to a figure may end
# (合同金额为¥1200万: v112; 成本：100万元→¥80万, ROI从$100万提高到$120万: v113) - `_CURRENCY_BEFORE` reads which
# currency it names
_A_SIGN_BEFORE = f"(?:(?:{ANY_SIGN}) ?)?"
_ONLY_ZH = "仅仅|仅|只|才|就|正好|恰好|刚好|整整|足足|总共|共计|一共|合计|总计|共|也就|确实|的确"  # v112: 共, 总计
_SUBJECT_LINK = re.compile(
    # v38: and an apposition (the ROI, at 20%, ...; ROI (20%); ROI — 20% —; 投资回报率（约20%）) and a JSON key's
    # closing quote before its colon ("new_payback": "14 months"), the subject's other name in brackets (投资回报率
    # （ROI）为20%, return on investment (ROI): 20%) and a length's verb (回本周期大约需要20个月)
    # v112: and the amount's 额 after a verb's name (年节省额为90万元, 年净节省额90万元 for 年节省 / 年净节省)
    r"(?:(?<=[省约收入出支销])额)?(?:\*\*)? ?(?:\([a-z\u4e00-\u9fff -]{1,30}\) ?"
    # v62: and a qualifier of years or an estimate in brackets (ROI (3-year) is 20%, ROI (est.) is 20%)
    r"|\((?:[0-9]{1,2}-(?:year|yr|month)|est\.|estimated|approx\.)\) ?)?"
    # v60: and a label's double dash (回收期——20个月, 回收期 —— 20个月)
    r"(?:, ?(?:at |of |about |around |roughly |approximately |now |currently )?|\( ?|—— ?|[—–] ?|-- ?|- )?"
    # v60: an "only" or "indeed" before a hedge (回收期确实约为20个月, ROI仅约为20%: v59 took one or the other), and
    # the subject's closing corner bracket (「回收期」为20个月: v59 took only ” and ’)
    r"[\"”'’」』]? ?(?:[:|] ?)?(?:(?:" + _ONLY_ZH + r")?(?:预计|预期|大约|大概|约|一般|通常)?"
    r"(?:能够?|可以?|将|已经?|有望|能否|是否|能不能|是不)?"
    # v40: a level reached with a modal or 了 (ROI能达到20%, ROI达到了20%, the ROI reached 20%)
    r"(?:为|是|达到了?|达|在|需要|需|要)(?:约|大约|大概)?"
    # v59: "only", "just", "in all" or "indeed" with 有, and "as high / long / many as" (回收期只有20个月, 足足有,
    # 总共有, ROI高达50%, 回收期长达20个月)
    r"|(?:" + _ONLY_ZH + r")有(?:约|大约|大概)?|[高长多]达"
    r"|(?:" + _ONLY_ZH + r")?(?:约合|约|大约|大概)|了(?:约|大约)?"  # v111: 约合; v112: 共计约, 仅约 (an "only" first)
    # v60: an equals sign or its word (ROI = 20%, ROI≈20%, 回收期等于20个月, the ROI equals 20%: v59 missed them) -
    # not where the figure is an operand of a calculation after it (ROI = 20% × 0.5 = 10%: `_AN_OPERAND_AT`)
    r"|(?:约|大约)?(?:=|≈|≒|等于|约等于)(?:约|大约)?|(?:equals|is equal to|is approximately equal to)"
    # v63: an arrow right after the subject's name (ROI → 20%, 回收期 -> 20个月: v62 missed them) - after a figure an
    # arrow changes it (`_FORMER_FIGURE_LINK`, retraction's `_ARROW_TO`)
    r"|(?:→|->|=>|⟶|➔|➡|➜|⇒|⟹)\ufe0f?(?: ?(?:约|大约|about|around|~))?"
    # v47: a negated copula (ROI不是20%, 难道ROI不是20%吗, 毛利率不就是20%吗): the match holds the negation, which the
    # scorer reads at the figure (`NEGATED_LINK`) - denied, or asserted by a negative question
    r"|(?:难道|真的|就)?(?:不就是|不是|并不是|并非)|(?:is|was)(?:n't| not) ?"
    # v39: a light verb (takes, needs, comes to, stands at, amounts to) with a modal and "about" after it
    r"|(?:(?:will|would|should|could|can|may|might|is expected to|is likely to|to) )?"
    # v60: "is at" and other verbs of a level (the ROI is at 20%, is right at, is sitting at, lands at, settles at,
    # comes out to; "is ~20%": v59 took "stands at" and "comes to" only)
    r"(?:is|was|be|of|at|is at|was at|are at|were at|is right at|is sitting at|lands at|landed at|settles at"
    r"|settled at|comes out to|came out to|comes out at|came out at|stand at|stands at"
    r"|reach|reaches|reached|hit|hits"
    r"|comes to|come to|came to|amounts to|amount to|sits at|take|takes|took|need|needs|needed|require|requires"
    # v59: a total or a figure "comes in at" (the payback comes in at 20 months, the ROI totals 50%)
    r"|comes in at|come in at|came in at|totals|totaled|totalled"
    r"|is estimated at|is projected at|works out to|works out at)"
    r"(?: (?:about|around|roughly|approximately|nearly)| ?~)?"
    r"|about|around|roughly|approximately|nearly|~"
    r")? ?(?:\*\*)? ?[\"“'‘「]?"
    # v111: the currency's word before the figure (合同金额为人民币1200万元, the fee is RMB 200): the unit after the
    # figure still decides which currency the point's is; v112: and its sign (合同金额为¥1200万, the fee is $500; not
    # HK$ or JP¥ - `_CURRENCY_BEFORE` reads which currency a sign names)
     + _A_SIGN_BEFORE
)
# v111: a point that writes a copula, "about" or a colon between its subject and its figure (ROI为12%, 回收期约为20个月,
# 年净节省额是90万元, ROI：12%, "the ROI is 12%", "payback of 20 months") names the subject and its figure as the
# point without the link does (ROI 12%): the answer may write any link the subject takes (`patterns._SUBJECT_LINK`:
# ROI约12%, ROI：12%, ROI实际为12%). v110 read the point's own link as part of the subject's name and missed them all.
# Not a 为 or 是 that ends a word (行为, 作为, 认为, 成为, 因为, 总是, 但是, 不是 - a negated point stays as
# written) nor the 为 of a change's end (下降为20%, 提高为, 调整为: "to", not a copula).
_POINT_LINK_AT_END = re.compile(
    r" ?(?:(?::|=|约为|约|大约|大概|(?<![存现实位处正])在"
    r"|(?<![不行作认成因称以视更最较极甚颇尤改变降低少长加升高短减涨跌缩调提])为|(?<![不总可但于还或正要凡若就只])是"
    r"|(?<![未没])达到了?|(?<![到抵送表传直下发通未没])达|[高长多]达"  # not 未达到 (a bound: `keywords.bounds`)
    r"|(?<![具拥含持占没还只仅都共])有"
    # v112: 员工人数共4300人, 部署方式共有3种 - after a subject's words (合计为¥120万 names 合计), not 公共
    r"|(?<=[^ ])(?<![公])(?:(?:一|总)?共(?:计|有)?|合计|总计)"
    r"|(?<![a-z])(?:is|was|are|were|of|at|stands at|about|around|approximately|roughly)) ?)+$"
)


def subject_without_its_link(words: str) -> str | None:
    """A point's words before a figure without the link at their end (v111: roi为 -> roi, the roi is -> roi, 年营收为 ->
    年营收), or None where no link ends them or no subject stands before it."""
    link = _POINT_LINK_AT_END.search(words)
    if link is None or link.start() == link.end():
        return None
    subject = re.sub(r"^(?:the|an?) (?=\S)", "", words[: link.start()].strip())
    return subject if any(char.isalpha() for char in subject) else None


def named_subject(words: str) -> str:
    """A point's words before a figure as the subject they name: without their link where one ends them
    (`subject_without_its_link`), else as they are."""
    return subject_without_its_link(words) or words.strip()


# v111: a point's words between two figures that name the second's subject (2024年营收1.2亿元, 三年ROI为50%, the
# 3-year ROI is 50%) are said with any link the subject takes before its figure (2024年营收约1.2亿元, 三年ROI：50%,
# 年营收为1.2亿元 for 年营收1.2亿元) - v110 matched them only as written. Not a negated link (年营收不是1.2亿元).
def _names_a_subject(piece: str) -> bool:
    """Whether a point's words between two figures name the second's subject (年营收, 年roi为; not 年, -, 至)."""
    subject = named_subject(piece)
    return len(subject) >= 2 and any(char.isalpha() for char in subject)


def _a_subject_linked_at(text: str, pos: int, piece: str, by_start: dict[int, Mention]) -> int | None:
    """Where the next figure starts when the point's `piece` - its subject, with or without its link - starts at
    `pos` and only a subject's link stands between it and that figure; else None."""
    if not _names_a_subject(piece):
        return None
    end = _starts_at_or_twin(text, pos, named_subject(piece))
    if end is None:
        return None
    for start in range(end, min(len(text), end + 17)):
        if start not in by_start:
            continue
        gap = text[end:start]
        if NEGATED_LINK.search(gap) is None and (
            _SUBJECT_LINK.fullmatch(gap) is not None or _HEDGE_LINK.fullmatch(gap) is not None
        ):
            return start
        return None
    return None


# v47: the negated copula that ends the part of a match before its figure (ROI不是|20%): read by the scorer as the
# figure's negation - not the 不是 of an A-not-A question (回收期是不是20个月？ asks, as v41 reads it)
NEGATED_LINK = re.compile(
    r"(?:(?<!是)(?:不就是|不是)|并不是|并非"
    # v55: and an adverb of time between the copula and "not" (the ROI is now not 20%: v54 credited it); v59: any
    # adverb the link takes out (is actually / simply / just / indeed not 20%: v58 credited them) and one after the
    # negation ("is not only / just / exactly 20%", "isn't actually 20%": v59 reads "only" and "exactly" as links)
    r"|(?<![a-z])(?:is|was)(?: (?:now|currently|still|today|presently|actually|really|simply|just|certainly|definitely"
    r"|clearly|indeed|also|therefore|thus|probably|likely|obviously|in fact|only|merely|exactly|precisely|a mere|a full"
    r"|a whopping|an impressive|a solid|a healthy|a modest))?(?:n't| not)"
    r"(?: (?:only|just|merely|exactly|precisely|quite|actually|really|yet|even|currently|now|always))?)"
    # v49: and an "about" after the negation (回收期并非大约20个月, the ROI is not around 20%: v48 credited them)
    r"(?: ?(?:约|大约|大概)| (?:about|around|roughly|approximately))? ?(?:\*\*)? ?[\"“'‘「]?$"
)
# v60: the figure a link reaches may open a quote (今年为「20%」, this year it is “20%”), as after a copula since v36
_OPENING_QUOTE = "(?:[\"“'‘「] ?)?"
# v38: or the level a change of it reaches (ROI rose from 15% to 20%, 回本周期从20个月缩短至14个月, ROI由15%提升到20%)
_REACHED_LINK = re.compile(
    "(?:"
    r" ?(?:[a-z]+ |(?:将|已|已经|预计|可)?)?(?:从|由|from) ?[^,;。:!?\n]{1,24}? ?(?:[\u4e00-\u9fff]{0,2}(?:到|至)|to"
    # v41: 由原来的20个月调整为24个月
    "|(?:调整|变更|修改|修订|更新|延长|缩短|提高|降低|提升|增加|减少|改)为) ?"
    # v55: and the later period's level it reaches (ROI从去年的15%提升到今年的20%, from 15% to this year's 20%)
    "(?:(?:今年|本年度?|本季度|本月|目前|当前)的 ?|(?:this year|this quarter|today)'s )?"
    ")" + _OPENING_QUOTE + _A_SIGN_BEFORE  # v113: and the currency's sign (成本从¥100万降至¥80万)
)
# v41: or the new value of a subject changed from a former one: by an arrow (ROI: 20% -> 18%, 回收期：20个月→24个月,
# | ROI | over | 15%→20% |), or said former, then now (回收期原为20个月，现调整为24个月, ROI原为20%，现下调至18%, the
# payback, originally 20 months, is now 24 months; payback was 20 months; it is now 24 months; the ROI of 20% is
# outdated; it is now 18%) - v40 credited neither (the former figure stood between the name and the new one); the
# former figure itself is read as a former value by the figure's rules (a_former_value, the arrow of v25)
_FORMER_FIGURE = rf"{_A_SIGN_BEFORE}[0-9][0-9,.]*(?: ?(?:%|[a-z]{{1,8}}|[\u4e00-\u9fff]{{1,3}}))?"
_FORMER_FIGURE_LINK = re.compile(
    "(?:"
    r"(?:\*\*)? ?(?:[:|] ?|为|是|(?: (?:is|was|of|at))? )?"
    f"(?:{_FORMER_FIGURE} ?(?:→|->|=>|⟶|➔|➡|➜|⇒|⟹|-->)\ufe0f? ?){{1,3}}"
    f"|(?:原为|原定为?|原来为?|原先为?|原本为?|此前为?|之前为?|由原来的|从原来的) ?{_FORMER_FIGURE} ?(?:[,;] ?)?"
    "(?:现|目前|现在|现已|已)(?:已|被)?(?:调整|变更|修改|修订|更新|更正|下调|上调|延长|缩短|提高|降低|提升|增加|减少|改)?"
    "(?:为|至|到|是)"
    "|(?:将|已经?|有望|预计|可以?|能够?)?(?:调整|变更|修改|修订|更新|下调|上调|延长|缩短|提高|降低|提升|增加|减少|改)"
    "(?:为|至|到) ?(?:约|大约)?"
    r"| (?:has |have |had )?(?:rose|risen|increased|fell|fallen|dropped|climbed|grew|grown|declined|improved"
    r"|was raised|was cut|was lowered|was revised|was adjusted|is revised|has been revised) to(?: about)? "
    f"|, (?:originally|previously|formerly|initially|at first) {_FORMER_FIGURE}, (?:is|are) now(?: at)? "
    f"| (?:was|were|of) {_FORMER_FIGURE}(?: (?:is|was) (?:outdated|obsolete|out of date|stale|wrong|incorrect))?"
    r"(?:;|,|\.|, but|; but)? (?:it|this|that) (?:is|'s|’s) now(?: at)? "
    ")" + _OPENING_QUOTE + _A_SIGN_BEFORE  # v113: and the currency's sign (成本：100万元→¥80万)
)
# v55: or the value a later period gives after an earlier period's (去年ROI为15%，今年为20%; 去年ROI为20%，今年降至15%;
# The ROI was 15% last year and is 20% now; ROI was 15% in 2023; in 2024 it is 20%) - v54 missed it, the earlier
# figure standing between the name and the later one; the earlier figure is read as superseded by the figure's rules
# (`keywords/periods.py`). Only a copula, a verb of change or "it" after the later period: another subject (今年IRR为
# 20%), a negation (今年不是20%), a bound (今年超过20%) or a forecast (今年预计为20%) is no link.
_A_YEAR_LINKED = "(?:19|20)[0-9]{2}"
_LATER_PERIOD_LINK = re.compile(
    "(?:"
    # v56: the earlier period may stand between the subject and its earlier figure (ROI去年为15%，今年为20%; The ROI
    # last year was 15%; this year it is 20%), as a period does before a figure of its own (`roundabout.py`)
    f"(?: ?(?:last year|last quarter|a year ago|in {_A_YEAR_LINKED}"
    f"|去年|上一?年度?|上季度|上个?月|{_A_YEAR_LINKED} ?年))?"
    r"(?:\*\*)? ?(?:[:|] ?|为|是|达到|(?: (?:is|was|were|stood at|reached|of|at))? )?"
    f"{_FORMER_FIGURE}"
    f"(?: (?:last year|last quarter|a year ago|in {_A_YEAR_LINKED}))? ?[,;] ?(?:而|但|(?:and|but|while) )?"
    "(?:今年|本年度?|本财年|本季度?|本月|目前|现在|如今|当前|现(?=已|调|下调|上调|修订|为)"
    f"|{_A_YEAR_LINKED} ?年(?!前|以前|之前)"  # v56: a later year of a series (ROI 2023年为15%，2024年为20%)
    f"|(?:this (?:year|quarter|month)|now|currently|today|in {_A_YEAR_LINKED})(?![a-z]))"
    r",? ?(?:it |this |)(?:(?:已|则|又)?(?:降至|降到|升至|升到|回落至|回升至|提升至|提升到|提高至|提高到|增至"
    r"|为|是|达到|(?:调整|下调|上调|修订|更新)(?:为|至|到))"
    r"|(?:is|stands at|has (?:risen|fallen|dropped|climbed|grown|improved) to|rose to|fell to|dropped to) )?"
    r" ?(?:约|about )?"
    # As of 2023 the ROI was 20%; it has since fallen to 15%
    f"|(?: (?:is|was|were|of|at))? {_FORMER_FIGURE} ?[,;] ?(?:and |but )?(?:it|this) (?:has|have) since"
    r" (?:fallen|risen|dropped|climbed|grown|improved|declined|slipped|been (?:cut|raised|revised|lowered)) to "
    # a plan, then the actual (回收期原计划20个月，实际24个月; Payback was planned at 20 months, but actually took 24
    # months): the actual is the answer's value (v19 read the plan as no former value, and v54 missed the actual)
    # v111: and an official, nominal or seeming figure, then the actual (ROI官方数据是20%，实际为12%, ROI名义上是20%，
    # 其实只有12%, 回本周期号称20个月，实则26个月)
    r"|(?:原计划|原定|计划|原预计|预计|原估计|官方口径|官方数据|官方|名义上|账面上|纸面上|理论上|号称|宣称|看似"
    r"|表面上看?)(?:为|是)? ?" + _FORMER_FIGURE + r" ?[,;]? ?(?:但|而|可)?(?:实际(?:上)?|其实|实则|事实上)"
    r"(?:为|是|只有|仅为|达到|需要|用了|花了|要)? ?"
    f"| (?:was |were )?(?:planned|budgeted|estimated|projected|expected) (?:at|to be) {_FORMER_FIGURE},? (?:but )?"
    r"(?:(?:it |the actual (?:figure |value )?)(?:actually )?|actually )(?:is|was|came in at|took|came to|stands at) "
    # The ROI was 15% last year and is 20% (now)
    f"| (?:was|were|stood at|reached) {_FORMER_FIGURE} (?:last year|last quarter|a year ago|in {_A_YEAR_LINKED})"
    r" and (?:is|stands at|has (?:risen|fallen|dropped|climbed|grown|improved) to) "
    ")" + _OPENING_QUOTE
)
# after a subject that is a change (下降20%, 增长20%), 为 and 是 name the level it reaches (下降为20%: to 20%, not by)
_A_CHANGE_LABEL = re.compile("(?:降|增|涨|跌|升|减|少|长|高|低|多|加|缩)$")
_LEVEL_LINK = re.compile("[^为是在]*[为是在][^为是在]*")
# a comparative after the figure makes it a change of the subject (the ROI is 20% lower, ROI为20%的增长)
_A_CHANGE_AFTER = re.compile(
    r" ?(?:(?:lower|higher|less|more|better|worse|above|below|up|down|increase|decrease|growth|drop|rise|gain)(?![a-z])"
    "|的?(?:增长|增幅|下降|降幅|提升|涨幅|跌幅|减少))"
)


# v64: a bracket right after the figure that says whose figure it is or that it is a target, and nothing else
# (ROI：20%（目标）, ROI为20%（目标值）, ROI：20%（竞品数据）, 回收期：20个月（竞品）, ROI: 20% (target), The ROI is 20%
# (competitor's figure), ROI: 20% (industry average)) - a table's or a list's label of a figure that is not the
# subject's value, as 目标是20% and 竞争对手的ROI为20% are not (v48, v53); a bracket that goes on (（目标为15%）,
# （行业平均为12%）, (vs. industry 12%)), a comparison (（高于行业平均）, （超过目标）, (above target)), a plan or an
# estimate (（计划）, （预计）, (est.)) and the answer's own qualifiers (（按三年计）, （实际）) keep the figure the
# subject's
# v66: and one that names the holder with more words - a name (（竞争对手A公司的数据）, (competitor A)), a word
# of which one (（主要竞争对手）), a reference to it (（对比：竞争对手）, （参考同行）, (per competitor data)) or
# whose target (（预算目标）, (annual target)) - v64 read only the bare word
_A_HOLDERS_NAME = "(?: ?[a-z](?![a-z])| ?[甲乙丙丁]| ?[a-z]?(?:公司|企业|厂商|集团))?"
ANOTHERS_OR_A_TARGET_AFTER = re.compile(
    r" ?\( ?(?:"
    "(?:(?:对比|参考|参照|对标|引自|来自|数据来源|来源)(?: ?: ?| ?)|vs\\.? ?)?(?:某|主要|头部|其他|其它|某些|部分)?"
    "(?:竞争对手|竞品|对手|竞对|同行|同业|友商|行业|业内|业界)"
    + _A_HOLDERS_NAME
    + "(?:的)?(?:平均|均值|基准|标杆|中位数?)?(?:的)?(?:数据|水平|口径|数字|数值)?"
    "|(?:预算|年度|季度|月度|项目|计划|规划|考核|kpi ?|管理层|公司|预期|既定)?(?:目标|目标值|预定目标)"
    r"|(?:(?:per|from|cf\.?|source:|according to) )?(?:the |a |one )?(?:main |major |leading |other )?"
    r"(?:competitors?|rivals?|peers?)(?: [a-z](?![a-z]))?(?:'s?|’s?)?"
    r"(?: (?:figure|data|number|value|estimate|average))?"
    r"|(?:(?:per|from|cf\.?|source:|according to) )?(?:the )?industry(?: (?:average|median|benchmark|norm))?"
    r"(?: (?:figure|data|number|value))?"
    r"|(?:(?:the |our )?(?:budget|budgeted|annual|quarterly|monthly|project|planned|kpi|management|company) )?"
    r"(?:target|goal)(?: value)?|(?:the )?(?:target|goal) value"
    r") ?\)"
)


def _changed_before(answer: str, first: Mention, label: str) -> int | None:
    """Start of the subject of a point of a change (成本降低50%) where the answer says that change of it in other
    words (成本下降50%, 成本将减半, costs were cut in half), else None (v38) - v114: or of a level reached by a change
    (ROI提高到20%) where the answer says it with another verb of that direction (ROI从15%提升至20%)."""
    if A_SIGN_AFTER_ITS_LABEL.fullmatch(label) is not None:  # v115: 节省成本¥90万 for 节省¥90万 - the sign, then
        unsigned = _its_sign_before(answer, first.start, label)  # the figure; the change before it
        if unsigned is None:
            return None
        label = unsigned[0]
    change = change_label(label)
    if change is None:
        reached = reached_label(label)
        if reached is None or not reached[0]:
            return None
        return reached_subject(answer, first, subject_names(reached[0]), reached[1])
    subject, direction = change
    names = _NAMES_OF_A_PERIOD.get(subject) or (subject_names(subject) if subject else ())
    return changed_subject(answer, first, names, direction)


# v112: a change per period (年节省90万元, 月节省5000元) said with the period's other words (每年, 年度, 年均, 全年;
# 每月, 月均): 年度节省90万元, 年均节省90万元 - v111 read 年 alone (每年 held it); after a count of periods it is none
# (`a_count_of_its_periods`: 三年节省)
_NAMES_OF_A_PERIOD = {
    "年": ("年", "每年", "年度", "年均", "全年"),
    "月": ("月", "每月", "每个月", "月度", "月均"),
}


# v38: a subject is named by any of its names (ROI, 投资回报率, return on investment; 回收期, 回本周期, payback period):
# a point's subject that is one of these is said by the others (v37 read only the point's own word)
SUBJECT_NAMES: tuple[tuple[str, ...], ...] = (
    ("roi", "投资回报率", "投资收益率", "return on investment"),
    ("回收期", "投资回收期", "回本周期", "回本期", "回收周期", "投资回收周期", "回本时间", "payback period", "payback"),
    ("payback time", "break-even period", "breakeven period", "回本", "收回投资", "收回全部投资"),
    ("irr", "内部收益率", "internal rate of return"),
    ("npv", "净现值", "net present value"),
    ("tco", "总拥有成本", "总体拥有成本", "total cost of ownership"),
    ("毛利率", "gross margin", "gross profit margin"),
    ("净利率", "净利润率", "net margin", "net profit margin"),
    ("流失率", "客户流失率", "churn rate", "churn"),
    ("营收", "营业收入", "营业额", "revenue", "revenues"),
    ("成本", "cost", "costs"),
    # v40: the business metrics an English answer names for a Chinese point (Profit grew 20% for 利润增长20%, Market
    # share is 20% for 市场份额20%): each with its Chinese and English names, as a group
    ("利润", "利润总额", "profit", "profits"),
    ("净利润", "净利", "net profit", "net profits", "net income", "net earnings"),
    ("毛利", "毛利润", "毛利额", "gross profit"),
    ("利润率", "profit margin"),
    ("销售额", "销售收入", "sales", "sales revenue"),
    ("现金流", "cash flow", "cash flows"),
    ("转化率", "conversion rate", "conversion"),
    ("留存率", "retention rate", "retention"),
    ("复购率", "repeat purchase rate", "repurchase rate"),
    ("市场份额", "市场占有率", "market share"),
    ("获客成本", "客户获取成本", "customer acquisition cost", "cac"),
    ("客单价", "average order value", "aov"),
    # v106: an annualised return, which a point may name by its first word (年化4.5% for 年化收益率为4.5%, 年化回报4.5%)
    ("年化收益率", "年化收益", "年化回报率", "年化回报", "年化", "annualized return", "annualised return"),
)
_NAMES = {name: group for group in SUBJECT_NAMES for name in group}
_KNOWN_NAMES = frozenset(_NAMES)
_NAMES.update({name: _NAMES["回收期"] + SUBJECT_NAMES[2] for name in SUBJECT_NAMES[2]})
_NAMES.update({name: _NAMES["回收期"] + SUBJECT_NAMES[2] for name in _NAMES["回收期"]})


# v40: a word before a subject's name that makes another metric of it (应收账款回收期 is days sales outstanding, not the
# investment's payback; 修正内部收益率 / Modified IRR is MIRR; 机会成本 and 资本成本 are no costs spent; 员工流失率 is
# staff turnover, not customer churn; 社会投资回报率 is SROI), by the subject's group: a kind of the same metric
# (投资回收期, 项目IRR, 运营成本, 营销ROI, 客户流失率) stays the subject. v39 credited them all.
_OTHER_METRIC_WORDS: dict[str, tuple[str, ...]] = {
    "回收期": (
        "应收账款",
        "应收款",
        "应收",
        "账款",
        "存货",
        "库存",
        "获客成本",
        "获客",
        "客户获取成本",
        "cac",
        "营销",
        "accounts receivable",
        "receivables",
        "receivable",
        "inventory",
        "customer acquisition cost",
        "customer acquisition",
        "marketing",
        "loan",
        "贷款",
    ),
    "irr": ("修正", "修正的", "调整后", "modified", "adjusted"),
    "成本": ("机会", "沉没", "资本", "资金", "融资", "转换", "替换", "opportunity", "sunk", "switching", "capital"),
    # v41: data and log retention are how long records are kept, not customers kept; a currency's conversion rate is
    # an exchange rate; a share repurchase is a buyback
    "留存率": (
        "员工",
        "人员",
        "人才",
        "数据",
        "日志",
        "employee",
        "staff",
        "talent",
        "workforce",
        "data",
        "log",
        "record",
    ),
    "转化率": ("货币", "汇率", "外汇", "currency", "exchange", "fx", "forex"),
    "复购率": ("股票", "股份", "share", "stock"),
    "流失率": ("员工", "人员", "人才", "员工的", "employee", "staff", "talent", "workforce", "收入", "revenue"),
    "roi": ("社会", "social"),
    "利润": ("毛", "gross", "operating"),  # gross profit, operating profit: not the profit
    "销售额": ("成本", "费用", "cost of", "costs of"),
}
_OTHER_METRIC_BEFORE = {
    head: re.compile(
        "(?:" + "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True)) + ")(?: ?的| |'s |’s )?$"
    )
    for head, words in _OTHER_METRIC_WORDS.items()
}


def another_metric(text: str, at: int, name: str) -> bool:
    """Whether the subject's `name` at `at` is the last part of another metric's name (v40: 应收账款回收期, Modified
    IRR, 员工流失率), by the words `_OTHER_METRIC_WORDS` gives its group."""
    change = change_label(name)
    group = _NAMES.get(name, ()) or (_NAMES.get(change[0], ()) if change is not None else ())
    for head, before in _OTHER_METRIC_BEFORE.items():
        if head in group and before.search(text, max(0, at - 32), at) is not None:
            return True
    return False


# v112: a subject that opens with its period (年节省90万元, 年营收1.2亿元, 年运维费30万元, 月费5000元, 月节省5000元: a
# year's, a month's) is not named where the answer's 年 / 月 ends a count of years or months or an ordinal
# (三年节省90万元, 近三年营收1.2亿元, 6个月节省5000元, 半年节省, 几年, 第二年节省, 首年运维费: three years' savings, the
# first year's fee) - v111 matched the subject's words inside them. One year (一年节省, 1年), every year (每年) and a
# named year (2024年节省, 今年, 去年) stay the year's.
# A month after a bare numeral is a named one (3月, 十一月: March, November), as a year of four numerals is
# (二〇二四年).
_A_COUNT_OR_ORDINAL_BEFORE = re.compile(
    f"(?:(?P<ordinal>第[0-9{CN_CHARS}]+|首|头)|(?P<word>半|几|多|数)|(?<![0-9.])(?P<digits>[0-9]{{1,2}})"
    f"|(?<![{CN_CHARS}])(?P<numerals>[{CN_CHARS}]+))(?P<classifier> ?个)? ?$"
)


def a_count_of_its_periods(text: str, at: int) -> bool:
    """Whether the subject named at `at` opens with 年 or 月 that ends a count of years or months or an ordinal in the
    text (三年节省, 6个月节省, 第二年节省, 首年运维费; not 一年, 1年, 2024年, 3月)."""
    period = text[at : at + 1]
    if period not in ("年", "月"):
        return False
    m = _A_COUNT_OR_ORDINAL_BEFORE.search(text, max(0, at - 8), at)
    if m is None:
        return False
    if m.group("ordinal") or m.group("word"):
        return True
    if period == "月" and not m.group("classifier"):
        return False  # 3月, 十一月: a named month
    count = m.group("digits") or m.group("numerals")
    return count not in ("1", "一") and len(count) <= 3  # one year is the year's; 二〇二四年 is a named year


# v112: a count's subject (员工人数4300人, 门店数量500家, 客户数1200家, 用户数200万) is named by the counted noun with
# any word of count or with none (员工4300人, 员工总数4300人, 员工数量为4300人, 门店500家, 门店数为500家, 500家门店,
# 用户200万) - v111 matched its words only as written. A noun of two characters or more (人数, 次数, 倍数 name no noun).
_WORDS_OF_A_COUNT = ("总人数", "人数", "总数", "数量", "个数", "数")
# v114: and an amount of a thing (合同金额, 订单总额, 项目总价): the thing itself after a sum in money is its amount
_WORDS_OF_AN_AMOUNT = ("总金额", "金额", "总额", "总价", "总价值", "价值", "额")
# (the noun, then one of the words, the first that fits where two would)
_A_NOUN_AND_ITS_WORD = tuple(
    (re.compile(f"(?P<noun>[\u4e00-\u9fff]{{2,6}}?)(?:{'|'.join(words)})"), words)
    for words in (_WORDS_OF_A_COUNT, _WORDS_OF_AN_AMOUNT)
)


@lru_cache(maxsize=1024)
def subject_names(label: str) -> tuple[str, ...]:
    """The names of the subject `label` (its own first, then the longest first), or the label alone."""
    joined = _TWO_WORDS_WITH_OF.fullmatch(label)
    if joined is not None:  # v114: 合同的金额 is 合同金额, and named as it is
        return (label, *(name for name in subject_names(joined["whole"] + joined["head"]) if name != label))
    group = _NAMES.get(label, ())
    for noun_and_word, words in _A_NOUN_AND_ITS_WORD if not group else ():
        # a count's noun (员工人数), v114: a sum's thing (合同金额 is the contract's)
        m = noun_and_word.fullmatch(label)
        if m is not None:
            group = (m.group("noun"), *(m.group("noun") + word for word in words))
            break
    # (in the group's order where lengths tie - a set's order would change with the process's hash seed)
    # (v115: and split by a comma, the head opening the clause after the whole - 双方签订合同，金额1200万元)
    heads = [m for name in (label, *group) if (m := _A_HEAD_OF.fullmatch(name))]
    names = [*group, *(f"{m['whole']}的{m['head']}" for m in heads), *(f"{m['whole']},{m['head']}" for m in heads)]
    return (label, *sorted((name for name in dict.fromkeys(names) if name != label), key=len, reverse=True))


_TWO_WORDS_WITH_OF = re.compile("(?P<whole>[\u4e00-\u9fff]{2,6})的(?P<head>[\u4e00-\u9fff]{1,4})")
# v114: a subject of two words is named with 的 between them too (合同的金额, 客户的满意度, 员工的人数, 系统的可用性)
_A_HEAD_OF = re.compile(
    "(?P<whole>[\u4e00-\u9fff]{2,6}?)(?P<head>总金额|金额|总额|总价值|总价|价值|总人数|人数|总数|数量|个数|满意度|可用性"
    "|[\u4e00-\u9fff]{1,2}率|成本|费用|收入|周期|时间|规模|份额|比例)"
)


# v38: a subject marked as superseded (原回收期, 旧回收期, 调整前回收期, old_payback, previous ROI) where the answer
# names it elsewhere unmarked or marked current (| 原回收期 | 20个月 | 新回收期 | 14个月 |) is the old value's, not the
# point's subject - as v33 read a table's old column and v37 a JSON key
_OLD_MARK_BEFORE = re.compile(
    "(?:原|旧|原先的?|原来的?|原始|初始|之前的?|此前的?|先前的?|以前的?|(?:调整|变更|优化|改造|上线|实施|修正|更新)前的?"
    r"|(?<![a-z])(?:old|previous|prior|former|original|initial|earlier|baseline)"
    # v39: a past period's (the previous quarter's ROI, last year's ROI, 去年的ROI, 上季度回收期)
    r"|(?<![a-z])(?:(?:the )?(?:previous|prior|last|preceding) (?:year|quarter|month|period|fiscal year)(?:'s|’s))"
    "|去年的?|上年的?|上一?年度的?|上一?季度的?|上个?月的?|上一?期的?)[ _-]?$"
)


_A_FIGURE_FOLLOWS = re.compile(r"[^,;。.!?\n]{0,12}?[0-9]")


def _superseded(text: str, at: int, label: str) -> bool:
    """The subject named at `at` is marked as superseded and the answer gives it another figure without the mark
    (原回收期20个月，回收期不变 keeps it: no other figure)."""
    if _OLD_MARK_BEFORE.search(text, max(0, at - 32), at) is None:
        return False
    for name in subject_names(label):
        pos = text.find(name)
        while pos != -1:
            if (
                pos != at
                and _OLD_MARK_BEFORE.search(text, max(0, pos - 32), pos) is None
                and _A_FIGURE_FOLLOWS.match(text, pos + len(name))
            ):
                return True
            pos = text.find(name, pos + 1)
    return False


def marked_old(text: str, at: int) -> bool:
    """Whether the subject named at `at` is marked as superseded or a past period's (原ROI, previous ROI, 去年的ROI)."""
    return _OLD_MARK_BEFORE.search(text, max(0, at - 32), at) is not None


def names_an_old_subject(label: str) -> bool:
    """Whether a point's subject `label` is itself marked superseded (原回收期, old_payback)."""
    return _OLD_MARK_BEFORE.search(label) is not None


def superseded_subject(text: str, at: int, label: str) -> bool:
    """The point's subject `label` (not itself marked old) written at `at` is a superseded one's (v38)."""
    return not _OLD_MARK_BEFORE.search(label) and _superseded(text, at, label)


# v60: an equals sign in the link, and a figure at the link's end that an operator follows (20% × 0.5, 240 / 12)
# v60 (the lead's review): a derivation's result - the subject, "=", an expression of figures and operators, then "="
# or "≈" before the figure (ROI = (90-30)/300 = 20%, 三年ROI = (360万 − 240万) ÷ 240万 = 50%, 回收期 = 240万 ÷ 12万/月 =
# 20个月) - was missed for a point that names its subject; the expression holds no words (a formula in words is left)
# v63: and the result restated after the expression - "i.e.", "namely", 即, or in brackets (ROI为100/500，即20%, The
# ROI is 100/500, i.e. 20%, ROI = 60/300 (20%), 回收期 = 600万元 ÷ 30万元/月（20个月）, "$600k / $30k per month = 20
# months") - v62 missed them; the expression may start after a copula then (为, 是, is), and after a qualifier in
# brackets as a copula may (投资回报率（年化） = 100/500 = 20%, ROI (est.) is 100/500, i.e. 20%: another holder there is
# none of the subject's, `holders.a_holder_in_brackets`)
_DERIVATION_LINK = re.compile(
    r"(?:\*\*)? ?(?:\([a-z\u4e00-\u9fff -]{1,30}\) ?|\((?:[0-9]{1,2}-(?:year|yr|month)|est\.|estimated|approx\.)\) ?)?"
    r"(?:[:：]? ?[=＝]|[:：]|为|是|is|was|works out to|comes to) ?"
    r"(?=[^=＝]*[×*/+÷−-])"
    r"(?:(?:[0-9.,()（）\[\] ×*/+÷−\-万亿元%月年个$¥]|(?<=[0-9])[km](?![a-z])|per month|/month){1,50}?"
    r" ?(?:[=＝≈]|, ?(?:即|也就是|也即|i\.e\.,?|namely|that is,?|or|约|大约|about|approximately|roughly)"
    r"|\( ?(?:即|i\.e\.,?)?) ?){1,3}?(?:约|大约)? ?"
)
_AN_EQUALS = re.compile("=|≈|≒|等于|equal")
# v63: a result after the operand's calculation in its clause (ROI：20% × 0.5 = 10%, ROI为20% × 0.5 = 10%: v62 read the
# operand as the level after a colon or a copula)
_A_RESULT_AFTER = re.compile(r"[^,;。\n=≈]{1,40}?[=≈]")
_AN_OPERAND_AT = re.compile(
    r"[0-9][0-9.,]*\s?(?:%|[\u4e00-\u9fff]{1,3}|[a-z]{1,8})?\s?(?:[×*/+÷−]|x\s|-\s|乘以?|除以|加上?|减去?)"
)


# v77: a word of a target or a threshold right before the subject's name makes it the target's (目标ROI为20%, 门槛ROI,
# 立项门槛是ROI 20%, the target ROI is 20%, the hurdle ROI): v76 credited them, where ROI目标为20% was not (v48)
_A_TARGET_BEFORE = re.compile(
    "(?:目标|门槛|基准线?|最低要求|要求的?|(?<![a-z])(?:target|targeted|hurdle|threshold|required|goal|minimum))"
    " ?(?:是|为|:)? ?$"
)


# v111: a point that writes its currency's sign between its subject and its figure (Revenue $1.2 billion, revenue of
# $1.2 billion, 合同金额¥1200万) names the subject, then the figure in that currency: the answer links the subject as it
# would without the sign, and writes the sign right before the figure (Revenue: $1.2 billion, Revenue was $1.2
# billion) - v110 searched the sign as part of the subject's name and missed them.
# (v112: the shortest label, so that "revenue us$1.2 billion" has the sign us$; `twins` reads the point's unit by it)
# (v113: any currency's sign or code, `CURRENCY_SIGNS`, and not after a letter: "revenue nt$500" has none)
A_SIGN_AFTER_ITS_LABEL = re.compile(f"(?P<label>.*?[^ ]) ?(?P<sign>{ANY_SIGN})")


def _signed_after_its_label(text: str, pos: int, label: str) -> int | None:
    """Start of the subject of a point written `label` - its subject, then a currency's sign - where the answer
    gives the sign right before the figure at `pos` and links the subject to it (`_label_before`); else None."""
    unsigned = _its_sign_before(text, pos, label)
    return _label_before(text, unsigned[1], named_subject(unsigned[0])) if unsigned is not None else None


def _its_sign_before(text: str, pos: int, label: str) -> tuple[str, int] | None:
    """For a label that ends with a currency's sign (revenue $, 节省¥): its words before the sign, and where the
    answer writes that sign right before the figure at `pos`; None where the label has no sign or the answer no such
    sign there."""
    parts = A_SIGN_AFTER_ITS_LABEL.fullmatch(label)
    sign = _ends_before(text, pos, parts.group("sign")) if parts is not None else None
    return (parts.group("label"), sign) if parts is not None and sign is not None else None


@dataclass(frozen=True)
class BoundedNumberPattern(NumberPattern):
    """v111: a point whose bound stands between its subject and its figure (回收期不超过24个月, ROI不低于20%), as its
    subject and figure (`pieces[0]` the subject; `keywords.bounds.bounded_form` keeps the bound's direction): the
    answer may write a bound there too (回收期最多24个月)."""

    bounded = True


def _bounded_after_its_label(text: str, pos: int, label: str) -> int | None:
    """Start of the subject `label` of a point written with a bound between them (回收期不超过24个月) where the answer
    gives a bound right before the figure at `pos` (回收期最多24个月, 回收期为不超过24个月; the scorer reads its
    direction: `keywords.bounds.answer_bound`) and links the subject to it; else None."""
    from ..keywords.bounds import bound_starts_before  # keywords read numbers: imported here, not at the top

    bound = bound_starts_before(text, pos)
    return _label_before(text, bound, label) if bound is not None else None


_A_SIGN_ENDING = re.compile(f"(?:{ANY_SIGN}) ?$")
_LAST_OF_A_SIGN = frozenset(sign[-1] for sign in ALL_SIGNS)  # (the search above only where one may end: a hot path)


def _label_before(text: str, pos: int, label: str) -> int | None:
    """Start of the point's subject `label` (v38: or another of its names) where only a copula, "about" or a colon
    (`_SUBJECT_LINK`) stands between it and the figure at `pos` - v38: or a change that reaches it, v41: or a former
    figure before it; v48: or adverbials, a modal or raising verb, a correction (`_linked_the_long_way`) - else None.
    v115: a currency's sign or code right before the figure is read as the figure's (节省成本¥90万, 年净节省额 = 120 -
    30 = €90万, 每月可节约开支约EUR 5000): the link stands before it - v114 linked them only with no sign between."""
    before = text[max(0, pos - 2) : pos].rstrip(" ")[-1:]
    sign = _A_SIGN_ENDING.search(text, max(0, pos - 24), pos) if before in _LAST_OF_A_SIGN else None
    if sign is not None:
        pos = sign.start()
    for name in subject_names(label):
        at = text.rfind(name, max(0, pos - len(name) - FARTHEST_LINK), pos)
        if at < 0:
            continue
        gap_start = at + len(name)
        if _A_TARGET_BEFORE.search(text, max(0, at - 12), at):
            continue  # v77: 目标ROI为20%, 门槛ROI, the target ROI - a target is not the level (v48), as ROI目标为20%
        if a_range_ends_the_gap(text, gap_start, pos):
            continue  # v76: a change that reaches a range (缩短至11到14个月) reaches none of its ends
        changed = gap_start + 40 >= pos and (
            _REACHED_LINK.fullmatch(text, gap_start, pos) is not None
            or _FORMER_FIGURE_LINK.fullmatch(text, gap_start, pos) is not None
        )
        changed = changed or (gap_start + 56 >= pos and _LATER_PERIOD_LINK.fullmatch(text, gap_start, pos) is not None)
        linked = changed or (
            gap_start + 16 >= pos
            and (
                _SUBJECT_LINK.fullmatch(text, gap_start, pos) is not None
                or _HEDGE_LINK.fullmatch(text, gap_start, pos) is not None
            )
        )
        linked = linked or (gap_start + 60 >= pos and _DERIVATION_LINK.fullmatch(text, gap_start, pos) is not None)
        if (
            not linked
            and not _linked_the_long_way(text[gap_start:pos])
            and not _held_or_framed(text, at, gap_start, pos)
        ):
            continue
        if _AN_OPERAND_AT.match(text, pos) and (
            _AN_EQUALS.search(text, gap_start, pos) or _A_RESULT_AFTER.match(text, pos)
        ):
            continue  # v60: ROI = 20% × 0.5 - an operand, not the subject's value (v63: ROI：20% × 0.5 = 10%)
        if name.isascii() and name[:1].isalpha() and _a_latin_letter(text[at - 1 : at]):
            continue  # a piece of a longer word (v39: not a Chinese word before it - 实际ROI, 但ROI)
        if another_metric(text, at, name):
            continue  # v40: 应收账款回收期, 修正内部收益率, Modified IRR - another metric that holds the name
        if another_holder(text, at, label):
            continue  # v53: 竞争对手的ROI, a competitor's ROI - another holder's figure
        if a_holder_in_brackets(text, gap_start, pos, label):
            continue  # v62: 投资回报率（竞争对手）为20%, ROI (competitor's) is 20% - another holder's figure
        if _A_CHANGE_LABEL.search(name) and _LEVEL_LINK.fullmatch(text, at + len(name), pos):
            return None  # 下降为20% for 下降20%
        return at
    return None


# v50: a hedge alone between a subject and its figure, with no copula, links them as 约 and 大概 did since v36
# (回收期预计20个月, 毛利率预期20%, ROI有望20%, 回收期估计20个月, "payback expected 20 months", "ROI projected 20%":
# v49 missed them, reading 预计 only before a copula, 预计为20个月). Only the hedge: a bound or a negation after it
# (回收期预计超过20个月, 预计不到20个月) is no link, and a figure that runs on into the words it counts (ROI预计20%
# 的客户, ROI expected 20% of customers) is not the subject's (`_a_hedged_count`).
_HEDGE_LINK = re.compile(
    r"(?:\*\*)? ?[\"”'’」』]? ?(?:[:|] ?)?"
    r"(?:(?:初步|保守|乐观)?(?:预计|预期|预估|估计|估算|测算|预测)|有望|可望|大致|大体|差不多|或将|可能|应该|应当"
    r"|" + _ONLY_ZH + r"|不过"
    r"|(?:(?:is|are) )?(?:expected|projected|estimated|forecast|forecasted|anticipated|predicted)"
    r"(?: (?:at|about|around|roughly|approximately))?|estimated at|an estimated|about|roughly)"
    r" ?(?:\*\*)? ?[\"“'‘「]?"
)
# v51: not 的时间 (回收期预计20个月的时间: the figure's own noun, as 约20个月的时间 reads since v36); v52: nor 的水平
# (毛利率依旧保持在20%的水平: the level the figure is)
_COUNTED_AFTER = re.compile(r" ?(?:\*\*)?(?:的(?!时间|时长|周期|工期|期限|时期|水平|高位|区间)|of )")


def _a_hedged_count(text: str, start: int, pos: int, end: int) -> bool:
    """Whether the subject at `start` reaches its figure at `pos` through a hedge alone (`_HEDGE_LINK`) - v52: or a
    verb of holding (`kept.HOLDING_LINK`) - and the figure, ending at `end`, runs on into the words it counts
    (ROI预计20%的客户会流失, ROI expected 20% of customers to churn, ROI还有20%的提升空间): the hedge or the verb is
    then the subject's verb, not a link to its value."""
    if start >= pos or _SUBJECT_LINK.fullmatch(text, start, pos) is not None:
        return False
    held = _held(text[start:pos])
    if HOLDING_VERB_ZH.search(text, start, pos) is not None and _STILL_TO_GO_AFTER.match(text, end) is not None:
        return True  # ROI还有20%就达标了, ROI保持在20%就能达标: what is still to go, or a condition
    return (_HEDGE_LINK.search(text, start, pos) is not None or held) and _COUNTED_AFTER.match(text, end) is not None


# v56: a later period right before the figure, with no verb between (ROI为15%，今年20%的客户续约, 回收期为20个月，2024年
# 12个月的数据): the figure counts the words after it, not the subject's later value (`_LATER_PERIOD_LINK`)
_A_LATER_PERIOD_BEFORE = re.compile(
    "(?:今年|本年度?|本财年|本季度?|本月|目前|现在|如今|当前"
    f"|{_A_YEAR_LINKED} ?年|(?<![a-z])(?:this (?:year|quarter|month)|now|currently|today|in {_A_YEAR_LINKED}))"
    r",? ?(?:\*\*)? ?$"
)
_A_DIGIT = re.compile("[0-9]")


def _a_later_count(text: str, start: int, pos: int, end: int) -> bool:
    """Whether the subject at `start` reaches its figure at `pos` past another figure and a later period alone
    (`_LATER_PERIOD_LINK` with no verb after the period) and the figure, ending at `end`, runs on into the words it
    counts (今年20%的客户, now 20% of users)."""
    return (
        start < pos
        and _A_LATER_PERIOD_BEFORE.search(text, start, pos) is not None
        and _A_DIGIT.search(text, start, pos) is not None
        and _COUNTED_AFTER.match(text, end) is not None
    )


# after a verb of holding, a figure followed by 就 / 才 / 便 / 即可 is what is still to go, not the subject's value
# (ROI还有20%就达标了, ROI再有20%才够, 回收期还有20个月即可结束)
_STILL_TO_GO_AFTER = re.compile(r" ?(?:\*\*)?(?:就|才|便|即可|即能|即将)")


def _held(gap: str) -> bool:
    """Whether `gap` (from a subject's start to its figure) ends in a verb of holding (`kept.HOLDING_VERB`: 有, 保持在,
    stays at) - not a copula alone (ROI为20%的客户 keeps its reading)."""
    return any(HOLDING_VERB.fullmatch(gap, cut) is not None for cut in range(1, len(gap)))


def _held_or_framed(text: str, at: int, gap_start: int, pos: int) -> bool:
    """v52: whether the subject at `at`, its name ending at `gap_start`, reaches its figure at `pos` through a verb
    of holding (ROI仍有20%, the ROI stays at 20%: `kept.HOLDING_LINK`, its "still" and adverbials taken out as for
    the long way) or through a frame and a pronoun (As for the ROI, it is 20%; 至于ROI，答案是20%:
    `kept.framed_link`)."""
    if gap_start + 24 >= pos:
        gap = text[gap_start:pos]
        plain = without_adverbials(gap)
        if HOLDING_LINK.fullmatch(gap) is not None or (plain is not None and HOLDING_LINK.fullmatch(plain)):
            return True
    return gap_start + 48 >= pos and framed_link(text, at, gap_start, pos, _KNOWN_NAMES)


# v49: a bare comma between a subject and its figure is an apposition only where it closes after the figure (the ROI,
# 20%, beats the target; ROI，20%。) - v38 read any (ROI，20%的客户会流失 and "ROI, 20% of customers churn" credited
# ROI 20%: the figure there counts the words after it)
_BARE_COMMA_BEFORE = re.compile(r"[,，] ?[\"“'‘「]?$")
_APPOSITION_CLOSED = re.compile(
    r" ?(?:\*\*)?[\"”'’」]? ?(?:$|[,，.。;；:：!！?？()（）\[\]{}|\n—–]|- |左右|or so(?![a-z]))"
)


def _an_open_apposition(text: str, start: int, pos: int, end: int) -> bool:
    """Whether the subject at `start` reaches its figure at `pos` through a bare comma only and the figure, ending
    at `end`, runs on into the words it counts (20%的客户, 20% of customers) instead of closing the apposition."""
    return (
        start < pos
        and _BARE_COMMA_BEFORE.search(text, start, pos) is not None
        and _APPOSITION_CLOSED.match(text, end) is None
    )


def _linked_the_long_way(gap: str) -> bool:
    """Whether `gap`, what stands between a subject and its figure, links them through adverbials, a modal or a
    raising verb, or a correction of another figure (v48, `roundabout.py`: ROI在三年内可达20%, the ROI is expected to
    reach 20%, ROI不是15%，而是20%): what is left without its adverbials is a whole link."""
    if CORRECTION_LINK.fullmatch(gap) is not None:
        return True  # v111: 只要20个月，其实要26个月 - the in-fact word is the link, not an adverbial to take out
    plain = without_adverbials(gap)
    return plain is not None and any(
        link.fullmatch(plain) is not None
        for link in (
            _SUBJECT_LINK,
            RAISING_LINK,
            CORRECTION_LINK,
            _REACHED_LINK,
            _FORMER_FIGURE_LINK,
            _LATER_PERIOD_LINK,
        )
    )


def _a_latin_letter(char: str) -> bool:
    """Whether `char` is a letter of an English word: a Chinese character before an English name (实际ROI) is a word
    of its own, not a piece of the name's word (v38 read it as one and missed 实际ROI为18%)."""
    return char.isascii() and char.isalpha()


def _singular(piece: str) -> str | None:
    """The piece with its first word in the singular, for an English plural in -s (months -> month, gpus -> gpu);
    None for other words, for short ones (ms is no plural of m) and for rates (gbps is no plural of gbp)."""
    word = re.match(r"[a-z]+", piece)
    if word is None or len(word.group()) < 4 or not word.group().endswith("s") or word.group().endswith(("ss", "ps")):
        return None
    return word.group()[:-1] + piece[word.end() :]


# A range point's mark is any range mark (v9): the point 3-5天 is said 3~5天, 3～5天 (NFKC: ~), 3至5天, 3到5天,
# 3–5天, and with its unit after each end, 3天-5天, 10%至20%.
RANGE_MARKS = frozenset({"-", "~", "〜", "–", "—", "至", "到"})
_ANY_RANGE_MARK = re.compile(" ?(?:-|~|〜|–|—(?!—)|至|到) ?")


def _other_range_mark(text: str, pos: int, unit: str) -> int | None:
    """End of a range mark at `pos` in the answer, after the range's unit when the answer writes it there too."""
    if unit and text.startswith(unit, pos):
        pos += len(unit)
    mark = _ANY_RANGE_MARK.match(text, pos)
    return mark.end() if mark is not None else None


def _starts_at_or_twin(text: str, pos: int, piece: str) -> int | None:
    """`_starts_at`, or the piece's classifier twin there (2个小时 for 2小时, v9)."""
    end = _starts_at(text, pos, piece)
    twin = classifier_twin(piece) if end is None else None
    return end if twin is None else _starts_at(text, pos, twin)


_SCALE_BEFORE_A_UNIT = re.compile("[十百千万亿]+(?=[^十百千万亿])")
_A_SCALE_ALONE = re.compile("[十百千万亿]+$")
_A_UNIT_THEN_CLOSE = re.compile(r"[\u4e00-\u9fff]{0,3}\)")


# v111: a point whose figure's unit of time is followed by what happens in that time (20个月回本, 3个月上线, 2周内交付)
# is said with the words of "within", "only then" or "can" between the unit and the verb (20个月即可回本, 20个月内回本,
# 3个月就能上线, 2周后交付) - v110 matched the verb only right after the unit. Not a negation (20个月内无法回本) nor
# other words (20个月的回本周期: another phrase).
_UNIT_OF_TIME_THEN = re.compile("(个月|个季度|季度|个工作日|工作日|个星期|星期|小时|分钟|年|天|周|日)(.+)")
_WITHIN_OR_THEN = re.compile(
    "(?:内|以内|之内|左右|后|之后|以后)?(?:即可|就能够?|就可以?|便可|便能|可以?|能够?|就|即|便|才能够?|才可以?|才|将|有望)?"
)


def _unit_then_its_verb(text: str, pos: int, piece: str) -> int | None:
    """End of the point's last piece - a unit of time, then a verb - where the answer says the unit at `pos`, then
    words of "within" or "then", then the verb (`_WITHIN_OR_THEN`); else None."""
    parts = _UNIT_OF_TIME_THEN.fullmatch(piece)
    if parts is None or not _cjk(parts.group(2)[:1]):
        return None
    unit = _starts_at(text, pos, parts.group(1))
    lead = _WITHIN_OR_THEN.match(parts.group(2))  # the point's own 内, 即可 (20个月内回本)
    verb = parts.group(2)[lead.end() if lead is not None else 0 :]
    if unit is None or len(verb) < 2:
        return None
    between = _WITHIN_OR_THEN.match(text, unit)
    return between.end() + len(verb) if between is not None and text.startswith(verb, between.end()) else None


def _unit_end(text: str, pos: int, piece: str) -> int | None:
    """End of the point's last piece (its unit) when the answer's number at `pos` is followed by it (one space
    allowed); v7 also takes the unit in brackets (20(个月), 20 (个月): NFKC made （） ()) and an English unit word
    after a hyphen and in the singular (a 20-month period, a 20 month period for 20 months)."""
    end = _starts_at_or_twin(text, pos, piece)
    if end is not None or not piece:
        return end
    bracketed = _starts_at(text, pos, f"({piece})")
    scale = _SCALE_BEFORE_A_UNIT.match(piece)
    if (
        bracketed is None and scale is not None
    ):  # v25: 1200万（元） - the scale word with the number, the unit bracketed
        bracketed = _starts_at(text, pos, f"{scale.group()}({piece[scale.end() :]})")
    if bracketed is None and _A_SCALE_ALONE.match(piece):
        # v74: a point's scale word alone, the unit after it in the bracket too (年节省：15 × 6 = 90（万元） for 90万)
        # - as 90万元 says 90万
        inside = _starts_at(text, pos, f"({piece}")
        close = _A_UNIT_THEN_CLOSE.match(text, inside) if inside is not None else None
        bracketed = close.end() if close is not None else None
    if bracketed is None:
        bracketed = _unit_then_its_verb(text, pos, piece)  # v111: 20个月即可回本 for 20个月回本
    if bracketed is not None or not ("a" <= piece[0] <= "z"):
        return bracketed
    singular = _singular(piece)
    for form in (piece, singular) if singular else (piece,):
        for gap in ("", " ", "-"):
            if text.startswith(gap + form, pos):
                return pos + len(gap) + len(form)
    return None


# A currency before the number stands for its unit (v7): ¥ (NFKC of ￥), 人民币, RMB, CNY for 元, $, US$, USD for 美元
# (one space may follow; not HK$, A$, JP¥, HK¥: a letter before $ or ¥ names another currency); after the number
# 人民币, RMB, CNY, or one of them in brackets (1200万人民币, 1200万 RMB, 1200万(人民币), 1200万CNY), for 元 too, and
# USD or (美元) for 美元. The point's scale word must follow the number, and after it no other currency (¥1200万美元,
# ¥1200万（日元）, ¥1200万 JPY, $1200万人民币), no unit (人民币1200万笔, ¥1200万次, 1200万用户) and no letter or digit.
_CURRENCY_PIECE = re.compile("^(?P<scale>[十百千万亿]*)(?P<unit>" + "|".join(CURRENCY_SIGNS) + ")$")
# each currency's signs before a figure (v112: and CN¥ for 元, as `_OWN_SIGN` reads it)
_SIGNS_OF = {unit: ("(?<![a-z])cn¥|" if unit == "元" else "") + signs for unit, signs in _WRITTEN_BEFORE.items()}
_CURRENCY_BEFORE = {unit: re.compile(f"(?:{signs}) ?$") for unit, signs in _SIGNS_OF.items()}
# which currency's sign stands right before a figure, in one search (a group per currency, in `_SIGNS_OF`'s order)
_ANY_CURRENCY_BEFORE = re.compile(
    "(?:" + "|".join(f"(?P<c{i}>{signs})" for i, signs in enumerate(_SIGNS_OF.values())) + ") ?$"
)
_UNIT_OF_GROUP = {f"c{i}": unit for i, unit in enumerate(_SIGNS_OF)}
# after the figure: the currency's names (1200万人民币, 1200万 RMB, 500 dollars, 500 euros, 500円), or its unit or a
# name in brackets (1200万(人民币), 500(美元)); v113: one table for all the currencies (`CURRENCY_NAMES_AFTER`)
_CURRENCY_AFTER = {
    unit: re.compile(
        f" ?\\( ?(?:{one_of((unit, *names))}) ?\\)| ?(?:{one_of(names)})"
        # v25: and 块, the spoken yuan - 块钱, or a 块 that ends its clause (1200万块。); not a count (3块屏幕, 一块儿)
        + ("|块钱|块(?= ?(?:[,.;:!?)。、\\n]|左右|上下|$))" if unit == "元" else "")
    )
    for unit, names in CURRENCY_NAMES_AFTER.items()
}
_OTHER_CURRENCY_AFTER = re.compile(
    r" ?\(? ?(?:日元|美元|港币|港元|欧元|英镑|人民币|美金|jpy|usd|hkd|eur|gbp|rmb|cny|aud|cad|sgd)(?![a-z])"
)
_CURRENCY_CHARS = "元美港欧日英币镑圆块角毛"
_EN_SCALE_AFTER_A_SPACE = re.compile(r" (?:thousand|million|billion|trillion|mn|bn)(?![a-z])")
# classifiers that make the figure a count of something else (人民币1200万笔: 12 million transactions); jieba decides
# where one starts a longer word (¥1200万个人所得: 个人)
_COUNT_CHARS = "笔次人台个件份户条张套家名位项股吨辆倍"
_COUNT_WORDS = ("用户", "客户")


def _unit_goes_on(text: str, pos: int) -> bool:
    """After the currency-marked figure's scale word (at `pos`) another currency, a unit, a letter or a digit
    follows: the figure is no amount in the point's currency."""
    if _OTHER_CURRENCY_AFTER.match(text, pos):
        return True
    char = text[pos : pos + 1]
    if char.isascii() and char.isalnum():
        return True  # ¥1200万usd, ¥1200万2
    if _EN_SCALE_AFTER_A_SPACE.match(text, pos):
        return True  # v112: $500 million, ¥1200 thousand - a larger amount than $500 where scale words are off
    at = pos + 1 if char == " " else pos
    char = text[at : at + 1]
    if not char:
        return False
    if char in _CURRENCY_CHARS or char in CN_CHARS or text.startswith(_COUNT_WORDS, at):
        return True
    return char in _COUNT_CHARS and len(words_at(text).get(at, "")) < 2


# v25: a 块 without 钱 is money after a scale word (1200万块, 五百块), after a sum of a hundred or more (每月5000块)
# or with money named earlier in its clause (月费50块); else it may count pieces (分成3块。)
_MONEY_WORD_BEFORE = re.compile(
    "(?:金额|费|价|成本|预算|钱|收入|利润|工资|薪|付|花|赚|卖|买|贵|便宜|租金|投资|营收|资金)[^,;。!?\n]*$"
)


_DIGITS_AT = re.compile("[0-9][0-9,]*")


def _kuai_is_money(text: str, number_start: int, kuai: int) -> bool:
    """The 块 at `kuai` after the number at `number_start` is the spoken 元, not a count of pieces (v25)."""
    if text[kuai - 1 : kuai] in "万千百亿":
        return True
    digits = _DIGITS_AT.match(text, number_start)
    if digits is not None and int(digits.group().replace(",", "")) >= 100:
        return True
    return _MONEY_WORD_BEFORE.search(text, max(0, number_start - 24), number_start) is not None


# v113: what makes the English name of a currency after a figure no amount in it: cents of it, or "pounds of" (a weight)
_NOT_AN_AMOUNT_AFTER = re.compile(" cents?(?![a-z])|(?<=pound) of |(?<=pounds) of ")


def _currency(text: str, number_start: int, pos: int, piece: str) -> tuple[int, int] | None:
    """(start, end) of the number written with a currency for the point's last piece (万元, 元, 美元), else None;
    or with the currency's English name after it (dollars, yuan: v11 with the scale words only; v43 with any forms -
    200 yuan is 200元 as surely as 200 RMB, which v7 already read)."""
    m = _CURRENCY_PIECE.match(piece)
    if m is None:
        return None
    after_scale = _starts_at(text, pos, m.group("scale"))
    if after_scale is None:
        return None
    after = _CURRENCY_AFTER[m.group("unit")].match(text, after_scale)  # 1.2 million dollars (v11)
    if after is None and m.group("unit") != "元" and text.startswith("元", after_scale):
        after = _CURRENCY_AFTER[m.group("unit")].match(text, after_scale + 1)  # v113: 1200万元港币, 1200万元美金
    if after is not None and after.group() == "块" and not _kuai_is_money(text, number_start, after_scale):
        after = None  # v25: 分成3块。 - pieces
    if after is not None and _NOT_AN_AMOUNT_AFTER.match(text, after.end()) and after.group().strip()[:1].isalpha():
        after = None  # v113: 500 euro cents (5 euros), 500 pounds of steel (a weight)
    if after is not None:
        return number_start, after.end()  # 1200万人民币, 1200万 RMB, 1200万(人民币)
    # v25: a currency right before the number, looked for there only: a search from the text's start for each number
    # (a 24,000-character answer of 1200万块...) cost seconds
    before = _CURRENCY_BEFORE[m.group("unit")].search(text, max(0, number_start - 16), number_start)
    # v113: a currency's word before the figure names it, and a 元 after the scale is its (港币1200万元, 美元500元)
    worded = before is not None and m.group("unit") != "元" and before.group()[:1] > "\u2e80"
    if worded and text.startswith("元", after_scale) and not _unit_goes_on(text, after_scale + 1):
        after_scale += 1
    if before is None or _unit_goes_on(text, after_scale):
        return None
    return before.start(), after_scale


def another_currency_before(text: str, number_start: int, piece: str) -> bool:
    """v113: a sign or word of another currency than the point's (its last piece: 万元, 美元, 欧元) stands right before
    the figure at `number_start`: 港币1200万元, HK$1200万元, 美元500元 are no 1200万元 or 500元."""
    m = _CURRENCY_PIECE.match(piece)
    if m is None:
        return False
    before = _ANY_CURRENCY_BEFORE.search(text, max(0, number_start - 16), number_start)
    return before is not None and _UNIT_OF_GROUP[before.lastgroup or ""] != m.group("unit")


def _starts_at(text: str, pos: int, piece: str) -> int | None:
    """End of `piece` when it starts at `pos` (one space allowed between), else None."""
    if not piece:
        return pos
    for gap in (0, 1):
        start = pos + gap
        if gap and (pos >= len(text) or text[pos] != " " or piece.startswith(" ")):
            continue
        if text.startswith(piece, start):
            return start + len(piece)
    return None


def _cjk(char: str) -> bool:
    return char >= "\u2e80"  # CJK scripts and punctuation, and what follows them in Unicode


@lru_cache(maxsize=512)
def spaced_out(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without the spaces that touch a CJK character (约 8400 笔 -> 约8400笔), and where each character
    kept stands in the text: models space figures out in Chinese text, and a copy or a claim so respaced is still
    one (v7). Spaces between other characters (two English words) stay."""
    kept, where = [], []
    for i, char in enumerate(text):
        if char == " " and ((i > 0 and _cjk(text[i - 1])) or (i + 1 < len(text) and _cjk(text[i + 1]))):
            continue
        kept.append(char)
        where.append(i)
    return "".join(kept), tuple(where)


@lru_cache(maxsize=512)
def _compiled_form(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


@dataclass(frozen=True)
class RegexNumberForm(NumberPattern):
    """A number point's other spellings as one regex (a date's: `keywords/dates.py`; a range of times of day:
    `keywords/times.py`): where it matches, the point stands, and the rules of a figure read it there. `needed`, where
    given, must be in the answer for the regex to be searched at all (most answers name no such year)."""

    regex: str = ""
    needed: str = ""

    def search(self, answer: str) -> Iterator[Found]:
        if self.needed in answer:
            for m in _compiled_form(self.regex).finditer(answer):
                yield Found(m.start(), m.end())
