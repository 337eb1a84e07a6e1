"""v92: a Chinese person's name is not a piece of a longer name - 刘敏 is not in 刘敏华, 张伟 not in 张伟明.

A figure has been matched whole since v3 (20个月 is not in 120个月); a CJK text point was matched wherever its
characters stood, as Chinese writes no spaces between words, and v91 credited the key point 刘敏 for 负责人是刘敏华 -
another person. Chinese gives no edge to ask for, so jieba decides, for a point that is a person's name alone (jieba's
part of speech: nr - 刘敏, 周晓峰, 王志远; not 苏州, 华信银行, 私有化部署): the occurrence is another person's name when
jieba reads the answer's clause with one word tagged a person's name that starts where the point does and goes on past
it (刘敏华, 刘敏敏) - and the characters after the point do not start a word of their own that goes on past that name
(张伟明年 is 张伟 and 明年), nor are one of the one-character words that follow a subject (刘敏正在, 王芳才到,
孙丽为负责人: jieba joins some of them to a two-character name), nor a character jieba's dictionary tags a verb, an
adverb or another word no given name is made of (是刘敏牵的线). Decided: a name is judged only where it is followed by
more CJK text; a name jieba splits (王/志远) is matched as written, as before; a place or a company in a longer one
(华信 in 中华信) is left matched - jieba does not tell those apart (苏州工业园区 is one word, and 苏州 in it is
right); a street's or a river's name (苏州河, 北京路) is read by `place_edges` (v95).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .finding import _segmenter

CJK = re.compile("[\u4e00-\u9fff]")
_CLAUSE_MARK = re.compile("[,.!?;:()\\[\\]\"'“”‘’「」『』、。！？；：（）【】《》\\s]")
# one-character words that follow a subject (an adverb, a copula, a preposition, a particle, a title: 李明总): not
# a name's last character, whatever jieba joins (孙丽为负责人 is 孙丽 + 为, 王芳才到 王芳 + 才)
_AFTER_A_SUBJECT = frozenset(
    "正刚曾才为会得在是有将已也都又还就再等和与及或说让把被给对向从跟比的了着过要能可该仍即便均亦总工哥姐"
)
_LONGEST_NAME = 4
# jieba's dictionary tags of a character alone that a given name's character does not have: a verb, an adverb, a
# preposition, a conjunction, a particle, a pronoun, a numeral or measure word, a place or time word (是刘敏牵的线 is
# 刘敏 + 牵, which jieba reads as one name)
_NOT_A_NAMES_TAG = ("v", "d", "p", "c", "u", "r", "m", "q", "f", "t")


def _not_in_a_name(char: str) -> bool:
    """Whether jieba's dictionary tags the character alone as a word no given name is made of (牵: a verb)."""
    tag = pos_tagger().word_tag_tab.get(char, "")
    return tag.startswith(_NOT_A_NAMES_TAG)


@lru_cache(maxsize=1)
def pos_tagger() -> Any:
    segmenter = _segmenter()  # imports jieba without its pkg_resources warning, which jieba.posseg would show
    import jieba.posseg

    return jieba.posseg.POSTokenizer(segmenter)


# the common surnames (about 250, held by more than nine in ten people in China): a point that starts with none is
# no name to ask jieba's tagger about - it loads in ~0.5 s, which a run whose points are no names (私有化部署, 答案)
# never pays
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
    "金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪"
    "庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商"
    "刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
)


@lru_cache(maxsize=512)
def a_persons_name(point: str) -> bool:
    """Whether the point (normalised) is a Chinese person's name alone: 2-4 CJK characters, a common surname first,
    that jieba tags nr (a surname, then a given name: 王/志远 is nr + nrfg)."""
    if not 2 <= len(point) <= _LONGEST_NAME or not all(CJK.match(c) for c in point):
        return False
    if point[0] not in _SURNAMES and not point.startswith(_COMPOUND_SURNAMES):
        return False
    tags = [pair.flag for pair in pos_tagger().cut(point)]
    return tags[0] == "nr" and all(tag.startswith("nr") for tag in tags)


@lru_cache(maxsize=256)
def a_place(point: str) -> bool:
    """Whether jieba's tagger reads the point (normalised) as one place's name (苏州, 上海市; not 合肥, which it tags a
    noun)."""
    words = pos_tagger().lcut(point)
    return len(words) == 1 and words[0].flag == "ns"


@lru_cache(maxsize=256)
def _tagged(clause: str) -> tuple[tuple[int, int, str], ...]:
    """jieba's words of the clause with their part of speech, as (start, end, tag)."""
    words, pos = [], 0
    for pair in pos_tagger().cut(clause):
        words.append((pos, pos + len(pair.word), pair.flag))
        pos += len(pair.word)
    return tuple(words)


def clause_around(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """The clause around text[start:end], up to `reach` characters either side: from the last mark before it to the
    first after it (a comma, a stop, a bracket, a space)."""
    before = [m.end() for m in _CLAUSE_MARK.finditer(text, max(0, start - reach), start)]
    after = _CLAUSE_MARK.search(text, end, end + reach)
    clause_start = before[-1] if before else max(0, start - reach)
    return clause_start, after.start() if after else min(len(text), end + reach)


def in_a_longer_name(text: str, start: int, end: int, point: str) -> bool:
    """The person's name `point`, matched at text[start:end], is the start of another person's longer name there."""
    if end >= len(text) or not CJK.match(text[end]) or text[end] in _AFTER_A_SUBJECT or not a_persons_name(point):
        return False
    clause_start, clause_end = clause_around(text, start, end, 40)
    word = next((w for w in _tagged(text[clause_start:clause_end]) if w[0] <= start - clause_start < w[1]), None)
    if word is None or word[0] != start - clause_start or word[1] <= end - clause_start or word[2] != "nr":
        return False
    name_end = clause_start + word[1]
    if name_end - start > _LONGEST_NAME or any(_not_in_a_name(c) for c in text[end:name_end]):
        return False
    following = _segmenter().lcut(text[end:clause_end], HMM=False)
    return bool(following) and end + len(following[0]) <= name_end
