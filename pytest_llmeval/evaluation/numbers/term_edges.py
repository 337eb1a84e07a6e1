"""v104: a two-character Chinese term is not two halves of other words - 等保 is not in 人寿、财险等保险机构 (等/保险),
信创 not in 自信创新, 试点 not in 尝试点击, 核实 not in 考核实施: the class "a wrong word that holds the right one", as
120个月 was for 20个月, for a term matched as written.
"""

from __future__ import annotations

from .mention import NUMERAL_CHARS
from .name_edges import CJK, a_persons_name, clause_around
from .place_edges import dictionary_words


# v104: a two-character Chinese term is not two halves of other words - 等保 in 等保险 (人寿、财险等保险机构), 信创 in
# 自信创新, 试点 in 尝试点击, 核实 in 考核实施: jieba's dictionary (no new words guessed) reads a word of two or more
# characters across the point's first or last character there. Two characters only, and no person's name: a longer
# point or a name is one jieba does not know, and a word of the sentence reads across it as often as not (年华 in
# 2023年华鑫农商银行, 勇于 in 黄勇于2021年加入); a word that holds the point whole keeps it (事务所, 试点城市).
def across_other_words(text: str, start: int, end: int, point: str) -> bool:
    """The two-character Chinese term matched at text[start:end] is cut across by jieba's words there (等/保险)."""
    if len(point) != 2 or not all(CJK.match(c) for c in point) or any(c in NUMERAL_CHARS for c in point):
        return False  # (a figure's unit is read by the number rules: 万 of 120万 starts 万元)
    before = start > 0 and CJK.match(text[start - 1]) is not None
    after = end < len(text) and CJK.match(text[end]) is not None
    if not before and not after:
        return False
    clause_start, clause_end = clause_around(text, start, end, 30)
    at_start, at_end = start - clause_start, end - clause_start
    crossed = any(
        word_end - word_start >= 2
        and ((word_start < at_start < word_end < at_end) or (at_start < word_start < at_end < word_end))
        for word_start, word_end in dictionary_words(text[clause_start:clause_end])
    )
    return crossed and not a_persons_name(point)
