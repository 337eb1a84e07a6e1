"""v95: a place's name in a street's or a river's name is not the place - 苏州 is not in 苏州河 or 苏州街, 南京 not in
南京西路, Suzhou not in Suzhou Creek.

Chinese cities name their streets after other cities (上海的南京路, 广州的北京路, 北京海淀区的苏州街), and 苏州河 runs
through Shanghai: v94 credited the key point 苏州 (where is the head office?) for 总部位于上海苏州河畔 and
总部在北京海淀区苏州街 - the class "a wrong name that contains the right one", as 120个月 was for 20个月 and
(v92) 刘敏华 for 刘敏. The occurrence is a street's or a river's name where the point is followed by a street's or a
river's word (路, 街, 大街, 巷, 弄, 胡同, 桥, 河, 河畔, 河边; 东路, 西路, 南路, 北路, 中路) that jieba reads as that
word alone or as the end of one word with the point (苏州河, 北京路, 上海南京路) - not as the start of another word:
路过, 路演, 路段, 路线, 路上, 河南 (上海河南中路 is in Shanghai), 弄堂, 街道 keep the point. English: the point
followed by Road, Rd, Street, St, Avenue, Ave, Lane or Creek (a direction word may stand between: Nanjing West
Road). Decided: any text point, not only a place (jieba tags 合肥 a noun and 大连 an adverb, so its tag cannot say
which points are places; 金融街 is a street too); 大道 (苏州大道 is in Suzhou), 湾 (杭州湾), 站 (苏州站) and
English "River" (the Yangtze River is the Yangtze) keep the point; 路上 is read as "on the way" (去宁波路上).

v104: nor is it in an institution's name (`in_an_institutions_name`) - 宁波银行, 苏州大学, 上海证券,
苏州银行股份有限公司, "Bank of Suzhou", "Suzhou University": v103 credited 宁波 (where is 恒锐精密's head office?) for
主要合作银行为宁波银行 and 苏州 for 董事长毕业于苏州大学. Only for a point jieba tags as a place (ns) and a word of an
institution right after it (银行, 农商行, 证券, 保险, 人寿, 财险, 信托, 基金, 集团, 大学, 学院, 医院, 机场, 电视台,
日报, 晚报, 有限公司 …), or in English "Bank of", "University of" before it or University, Airport after it (not
Bank: a retail bank holds retail); not 分行 / 支行 (v100 reads a branch for a head-office question), 城商行 (a kind:
一家苏州城商行 is in Suzhou), a kind's classifier before it (一家苏州银行), 市, 本地, 工业园区, 总部 or 地区.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .finding import _segmenter
from .name_edges import CJK, a_place, clause_around

# a street's or a river's word right after the point, as the whole of what jieba reads after it
_STREET_OR_RIVER = re.compile("[东南西北中]?路|大?街|巷|弄|胡同|桥|河(?:畔|边)?")
_MAY_START_ONE = frozenset("东南西北中路大街巷弄胡桥河")
_EN_STREET_OR_CREEK = re.compile(
    " (?:(?:east|west|north|south|middle|central) )?(?:road|rd|street|st|avenue|ave|lane|creek)(?![a-z])"
    # not "Suzhou street food"
    "(?! (?:food|art|style|fashion|vendors?|markets?|snacks?|life|culture|scenes?|smart)(?![a-z]))"
)


@lru_cache(maxsize=256)
def dictionary_words(clause: str) -> tuple[tuple[int, int], ...]:
    """jieba's words of the clause (no new words guessed), as (start, end)."""
    spans, pos = [], 0
    for word in _segmenter().lcut(clause, HMM=False):
        spans.append((pos, pos + len(word)))
        pos += len(word)
    return tuple(spans)


def in_a_streets_name(text: str, start: int, end: int, point: str) -> bool:
    """The point matched at text[start:end] is the first part of a street's or a river's name there (苏州河)."""
    if end >= len(text) or not point:
        return False
    if point[-1].isascii() and point[-1].isalpha():
        return _EN_STREET_OR_CREEK.match(text, end) is not None
    if text[end] not in _MAY_START_ONE or not CJK.match(point[-1]):
        return False
    clause_start, clause_end = clause_around(text, start, end, 30)
    at_end = end - clause_start
    word = next((w for w in dictionary_words(text[clause_start:clause_end]) if w[0] <= at_end < w[1]), None)
    # jieba's word at the point's end, whether it starts there (苏州/河畔) or holds the point too (苏州河, 上海南京路),
    # goes on with a street's or a river's word only - not 路过, 路演, 河南, 弄堂
    return word is not None and _STREET_OR_RIVER.fullmatch(text, end, clause_start + word[1]) is not None


# v104: a word of an institution right after a place (宁波银行, 苏州大学, 上海证券交易所), or in English after (Suzhou
# University, Shanghai Stock Exchange) or before it (Bank of Suzhou, University of Shanghai)
_INSTITUTION_AFTER = re.compile(
    " ?(?:市)?(?:农村商业银行|农商银行|农商行|银行|证券|保险|人寿|财险|信托|基金|期货|集团|控股|大学|学院"
    "|医院|机场|电视台|广播电台|日报|晚报|地铁|港务|交易所|股份有限公司|有限公司|有限责任公司)(?!业)"
)
_A_KIND_BEFORE = re.compile("(?:[一这那每某本][家所座个]|[家所座]) ?$")
# (not "bank" after it: "a retail bank" holds the point retail - the normalised text has no capitals to tell a name)
_EN_INSTITUTION_AFTER = re.compile(" (?:university|airport|stock exchange)(?![a-z])")
_EN_A_NAME = re.compile("[a-z]+(?:[ -][a-z]+){0,2}")
_EN_INSTITUTION_BEFORE = re.compile(
    "(?<![a-z])(?:bank|university|port|airport|port authority|people's bank) of (?:the city of )?$"
)


def in_an_institutions_name(text: str, start: int, end: int, point: str) -> bool:
    """v104: the place matched at text[start:end] names an institution there (宁波银行, Bank of Suzhou)."""
    if not point:
        return False
    if point[-1].isascii() and point[-1].isalpha():
        if not _EN_A_NAME.fullmatch(point.lower()):
            return False  # a figure's words (50 tickets), not a name
        return bool(
            _EN_INSTITUTION_AFTER.match(text, end) or _EN_INSTITUTION_BEFORE.search(text, max(0, start - 30), start)
        )
    if not CJK.match(point[-1]) or _INSTITUTION_AFTER.match(text, end) is None:
        return False
    if _A_KIND_BEFORE.search(text, max(0, start - 3), start):
        return False  # 一家苏州银行, 一所宁波大学: a bank of the place, the place itself
    return a_place(point)  # (jieba's tagger only where such a word follows)
