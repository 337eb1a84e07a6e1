"""The echo guard: the answer's verbatim copies (at least `n` normalised characters - v36: an English word counts two
- punctuation not compared)
of a copied source - the question, the system prompt or, with RAG, the retrieved context - found with a suffix
automaton in linear time.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..numbers import spaced_out

# Minimum length (normalised characters) of a verbatim copy that the echo guard
# discounts, per source. The question (and the system prompt, and the RAG
# template's instructions) are short, so a 10-character copy of them is
# already an echo; retrieved context may legitimately be quoted ("合同金额为1200万元",
# a sentence or a list line of the source: v9 raised 24 to 40, as an answer built of
# the knowledge base's own lines - 资产规模：约5800亿元（2023年末）, 员工人数：4300人 -
# scored 17 where it is right), so only longer copies of it count as copying (a dump
# of the retrieved chunks still scores 0).
ECHO_MIN_COPY = {"question": 10, "system": 10, "template": 10, "context": 40}
DEFAULT_ECHO_MIN_COPY = 10


# v23: a copy with its punctuation changed, dropped or added is a copy (； or 。 for ，, a bullet or a line break put
# in, the commas left out: 某项目投资1200万元；年净节省90万元；回收期为20个月 copies the question's
# 某项目投资1200万元，年净节省90万元，回收期为20个月): punctuation is not compared - but the marks inside a number
# (1.2, 1,200, 18-24, 3/4, 10:30), a sign before one (-20%) and % are, as 12 is no copy of 1.2 - and the copy's length
# counts the characters compared: a copy's marks no longer count toward ECHO_MIN_COPY. And a point is echoed only
# inside one copy: the answer's figure between two copied stretches (the question's "costs 1.2 million yuan and saves
# ..." answered "costs 12 million yuan and saves ...") is its own, where versions 1-22 marked it copied because each
# side was.
_KEPT_MARKS = frozenset("%‰")
_NUMBER_MARKS = frozenset(".,:/-")


def _dropped_mark(text: str, i: int) -> bool:
    """The character at `i` is punctuation the echo guard does not compare (not a number's mark nor %)."""
    char = text[i]
    if not unicodedata.category(char).startswith("P") or char in _KEPT_MARKS:
        return False
    if char in _NUMBER_MARKS and text[i + 1 : i + 2].isdigit():
        return not (char == "-" or text[i - 1 : i].isdigit())
    return True


@lru_cache(maxsize=64)
def _compared(text: str) -> tuple[str, tuple[int, ...]]:
    """The text as the echo guard compares it - without the punctuation it does not compare, one space for each run
    of spaces, without the spaces next to a CJK character (`spaced_out`) - and where each character kept stands in
    the text."""
    kept: list[str] = []
    where: list[int] = []
    for i, char in enumerate(text):
        if _dropped_mark(text, i) or (char == " " and kept and kept[-1] == " "):
            continue
        kept.append(char)
        where.append(i)
    spaced, at = spaced_out("".join(kept))
    return spaced, tuple(where[j] for j in at)


class _SuffixAutomaton:
    """The substrings of one text, to find the longest stretch of another that each of its positions ends."""

    def __init__(self, text: str) -> None:
        self.next: list[dict[str, int]] = [{}]
        self.link = [-1]
        self.length = [0]
        last = 0
        for char in text:
            last = self._extend(last, char)

    def _extend(self, last: int, char: str) -> int:
        state = len(self.length)
        self.next.append({})
        self.link.append(0)
        self.length.append(self.length[last] + 1)
        p = last
        while p != -1 and char not in self.next[p]:
            self.next[p][char] = state
            p = self.link[p]
        if p != -1:
            q = self.next[p][char]
            if self.length[p] + 1 == self.length[q]:
                self.link[state] = q
            else:
                clone = len(self.length)
                self.next.append(dict(self.next[q]))
                self.link.append(self.link[q])
                self.length.append(self.length[p] + 1)
                while p != -1 and self.next[p].get(char) == q:
                    self.next[p][char] = clone
                    p = self.link[p]
                self.link[q] = clone
                self.link[state] = clone
        return state

    def longest_ending(self, text: str) -> list[int]:
        """For each position of `text`, the length of the longest stretch ending there that the automaton's text
        holds."""
        lengths, state, length = [], 0, 0
        for char in text:
            while state and char not in self.next[state]:
                state = self.link[state]
                length = self.length[state]
            if char in self.next[state]:
                state, length = self.next[state][char], length + 1
            lengths.append(length)
        return lengths


# v36: a copy's length is counted in a Chinese copy's terms: a CJK character, a digit or a sign counts one, and an
# English word two, shared among its letters (a word of 10 letters is two, not ten: v35 counted letters, so "Answer:
# on-premises deployment." - two words of the question - was a copy that echoed the point, where 答：私有化部署 was
# credited). The question's 10 is then five English words, the context's 40 twenty.
_WORD_UNITS = 2.0
_SLACK = 1e-9


def _units(compared: str) -> tuple[float, ...]:
    """Prefix sums of each compared character's share of a copy's length (`_WORD_UNITS` per Latin word)."""
    sums, total, i = [0.0], 0.0, 0
    while i < len(compared):
        j = i
        while j < len(compared) and compared[j].isascii() and compared[j].isalpha():
            j += 1
        if j > i:  # a word of j - i letters
            share = _WORD_UNITS / (j - i)
            for _ in range(i, j):
                total += share
                sums.append(total)
            i = j
            continue
        total += 0.0 if compared[i] == " " else 1.0
        sums.append(total)
        i += 1
    return tuple(sums)


@lru_cache(maxsize=16)
def _automaton(source_compared: str) -> _SuffixAutomaton:
    return _SuffixAutomaton(source_compared)


@dataclass(frozen=True)
class Copies:
    """The stretches of an answer copied from one source (each the longest copy ending at its last character, at
    least the source's `min_copy` long): `covers(start, end)` says whether one copy holds all of answer_norm[start:end]
    (v23: one copy - before, each character only had to lie in some copy) and half `min_copy` compared characters
    besides it (v35: a point as long as the copy's minimum - on-premises, 10 letters with its hyphen not compared - was
    echoed wherever the question named it, so an answer that named it alone, "go on-premises", was never credited; a
    copy of a table cell, 50万元整，增长5%，请复述, or a dump of the context still holds enough besides its point)."""

    where: tuple[int, ...]  # each compared character's position in the answer
    reach: tuple[int, ...]  # for each compared position, the furthest end of a copy that starts at or before it
    start: tuple[int, ...] = ()  # for each compared position, where the copy that gives its reach starts
    min_copy: int = 0
    units: tuple[float, ...] = ()  # v36: prefix sums of the compared characters' lengths (`_units`)

    def covers(self, start: int, end: int) -> bool:
        first, after = bisect_left(self.where, start), bisect_left(self.where, end)
        if not (first < after and self.reach[first] >= after):
            return False
        if not self.start:
            return True
        copy = self._length(self.start[first], self.reach[first])
        besides = copy - self._length(first, after)
        return 2 * besides + _SLACK >= self.min_copy

    def _length(self, first: int, after: int) -> float:
        return self.units[after] - self.units[first] if self.units else float(after - first)


def copies(answer_norm: str, source_norm: str, min_copy: int) -> Copies:
    """The answer's verbatim copies (>= min_copy characters) of the source. Spaces next to a CJK character are not
    compared (v7): `回收期为 20 个月` copies `回收期为20个月`; nor is punctuation (v23, `_compared`); min_copy counts
    the characters compared."""
    answer, where = _compared(answer_norm)
    source = _compared(source_norm)[0]
    units = _units(answer)
    reach = [0] * len(answer)
    begins = list(range(len(answer)))
    if min_copy > 0 and _units(source)[-1] + _SLACK >= min_copy:
        for last, length in enumerate(_automaton(source).longest_ending(answer)):
            first = last - length + 1
            if length and units[last + 1] - units[first] + _SLACK >= min_copy and last + 1 > reach[first]:
                reach[first] = last + 1
    for i in range(1, len(reach)):
        if reach[i - 1] > reach[i]:
            reach[i], begins[i] = reach[i - 1], begins[i - 1]
    return Copies(where, tuple(reach), tuple(begins), min_copy, units)


def copied_mask(answer_norm: str, source_norm: str, min_copy: int) -> list[bool]:
    """Mark answer positions inside a verbatim copy (>= min_copy characters, `copies`) of the source."""
    found = copies(answer_norm, source_norm, min_copy)
    mask = [False] * len(answer_norm)
    marked_to = 0
    for k, position in enumerate(found.where):
        if found.reach[k] > k:  # a copy that starts at or before k reaches past it
            end = found.where[found.reach[k] - 1] + 1
            for j in range(max(position, marked_to), end):
                mask[j] = True
            marked_to = max(marked_to, end)
    return mask
