"""v108: a year given to another event than the one the question asks of.

哪年上线？ - 2024年启动，2025年上线 (2024年立项，2025年正式上线; 2024年3月签约，2025年1月交付 for
哪年交付？): the point's year dates another event of the project, and the answer dates the asked one with another
year - v107 credited 2024年. Only where the question names an event of the list, the year is given to another one
of them and another year of the answer to the asked one (2024年上线，2025年推广 keeps 2024年 for 哪年上线？;
2024年启动 alone says nothing of the launch either way and stays what it was).

v109: an event named before its year (成立于1987年，1997年改制为城商行; 上市是在1997年), after the year and its subject
(1997年华信银行上市), in English ("founded in 1987 and restructured in 1997", "kicked off in 2024 and went live in
2025", "When was it founded?") and more events (改制, 更名, 重组, 挂牌, 接触, 合作; 创立 and 创建 as 成立) - v108 read
only a Chinese event right after its year.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .normalisation import normalise

_EVENTS_ZH = (
    "投入使用|试运行|上线|启动|立项|签约|交付|验收|投产|开工|完工|竣工|发布|成立|建成|运营|试点|招标|采购|部署|推广|上市"
    "|量产|开业|投运|落地|实施|开发|研发|设计|筹备|规划|获批|回本|盈利|开通|迁址|搬迁|注册|融资|收购|并购"
    "|改制|更名|重组|挂牌|接触|合作|创立|创建|组建|变更|转型"  # v109
)
# v109: the same events in other words (创立 is 成立), and in English - each read as its Chinese event
_SAME_EVENT = {"创立": "成立", "创建": "成立", "组建": "成立"}
_EVENTS_EN = {  # the longer words first (started working together is 合作, started alone 启动)
    "合作": "partnered|partner|(?:began|begin|started|start) (?:working together|to work together|cooperating)",
    "接触": "met|first contacted|got in touch|first met",
    "成立": "founded|established|set up|incorporated|formed",
    "上线": "went live|go live|goes live|gone live|going live|go-live|launched|launch|rolled out|roll out",
    "发布": "released|release|published|unveiled",
    "启动": "kicked off|kick off|kicked-off|started|start|began|begin|initiated",
    "签约": "signed|sign",
    "交付": "delivered|deliver|handed over",
    "上市": "listed|went public|go public|ipo",
    "改制": "restructured|reorgani[sz]ed|converted",
    "更名": "renamed",
    "收购": "acquired|acquire",
    "变更": "became|turned into",  # v109: a change of form (became a city commercial bank in 1997)
    "搬迁": "moved|relocated|relocate",
}
_EVENT_EN = "|".join(f"(?P<e{i}>{words})" for i, words in enumerate(_EVENTS_EN.values()))
_EVENT_OF_GROUP = {f"e{i}": event for i, event in enumerate(_EVENTS_EN)}
_WHEN = (
    " ?(?:[0-9]{1,2} ?月(?: ?[0-9]{1,2} ?日)?)?(?:底|初|年中|年末|年初|中|上半年|下半年|第?[一二三四1-4]季度|q[1-4])? ?"
    "(?:正式|开始|完成|全面|首次|才|就|已经?|率先|顺利|成功|签约){0,2}"  # v109: 才签约合作 is 合作
)
_EVENT_AFTER = re.compile(f"{_WHEN}(?P<event>{_EVENTS_ZH})")
# v109: the year's subject between it and its event (1997年华信银行上市, 2020年双方开始合作) - a few words, no figure,
# no break
_SUBJECT_THEN_EVENT = re.compile(f"[^0-9,.;:!?。\n()]{{1,8}}?{_WHEN}(?P<event>{_EVENTS_ZH})")
# v109: an event right before its year (成立于1987年, 上市是在1997年, 1987年成立 read above)
_EVENT_BEFORE = re.compile(f"(?P<event>{_EVENTS_ZH})(?:于|在|是在|时间为|时间是|日期为|年份为) ?$")
# v109: an English event and its year (founded in 1987, went live in March 2025, was restructured in 1997)
_EN_EVENT_BEFORE = re.compile(
    f"(?<![a-z])(?:{_EVENT_EN})(?![a-z])(?: [a-z]+){{0,4}}? (?:in|on|during|by)(?: [a-z]+)?(?: [0-9]{{1,2}},?)? ?$"
)
# v110: a year opening its clause, then a comma, the subject and the event (1997年，华信改制为城商行; "In 1997,
# Huaxin was restructured"; "In 1997 Huaxin became a city commercial bank") - read after an event before the year
# (成立于1987年，改制… dates 1987年 by 成立)
_COMMA_THEN_EVENT = re.compile(f" ?[,，] ?[^0-9,.;:!?。\n()]{{0,8}}?{_WHEN}(?P<event>{_EVENTS_ZH})")
_EN_OPENING_IN = re.compile(r"(?:^|[.;:!?\n] ?)in $")
_EN_SUBJECT_THEN_EVENT = re.compile(
    f",? (?:[a-z'-]+ ){{1,4}}?(?:was |were |had been |has been |is |got |had )?(?:{_EVENT_EN})(?![a-z])"
)
_A_YEAR = re.compile("(?<![0-9])(?P<year>(?:19|20)[0-9]{2})(?![0-9])(?: ?年)?")
_EVENT_IN_A_QUESTION = re.compile(f"{_EVENTS_ZH}|(?<![a-z])(?:{_EVENT_EN})(?![a-z])")


@lru_cache(maxsize=64)
def events_asked(question: str) -> frozenset[str]:
    """The events of the list the question names (哪年上线？ -> {上线}, "When was it founded?" -> {成立})."""
    return frozenset(_event(m) for m in _EVENT_IN_A_QUESTION.finditer(normalise(question)))


def _event(m: re.Match[str]) -> str:
    """The Chinese event a match of the event words names."""
    for name, text in m.groupdict().items():
        if text is not None and name in _EVENT_OF_GROUP:
            return _EVENT_OF_GROUP[name]
    said = m.group("event") if "event" in m.groupdict() else m.group()
    return _SAME_EVENT.get(said, said)


def _event_dated(answer_norm: str, year: re.Match[str]) -> tuple[str, int, int] | None:
    """The event the year at `year` dates, with the span from the event to the year (or back); else None."""
    if year.group().endswith("年"):
        after = _EVENT_AFTER.match(answer_norm, year.end()) or _SUBJECT_THEN_EVENT.match(answer_norm, year.end())
        if after is not None:
            return _event(after), year.start(), after.end()
        before = _EVENT_BEFORE.search(answer_norm, max(0, year.start() - 8), year.start())
        if before is not None:
            return _event(before), before.start(), year.end()
        comma = _COMMA_THEN_EVENT.match(answer_norm, year.end())
        if comma is not None:
            return _event(comma), year.start(), comma.end()
    before_en = _EN_EVENT_BEFORE.search(answer_norm, max(0, year.start() - 48), year.start())
    if before_en is not None:
        return _event(before_en), before_en.start(), year.end()
    if _EN_OPENING_IN.search(answer_norm, max(0, year.start() - 6), year.start()) is not None:
        after_en = _EN_SUBJECT_THEN_EVENT.match(answer_norm, year.end())
        if after_en is not None:
            return _event(after_en), year.start(), after_en.end()
    return None


def a_year_of_another_event(answer_norm: str, start: int, end: int, asked: frozenset[str]) -> str | None:
    """The words that give the year at start:end to another event than the `asked` ones, where another year of the
    answer is given to an asked one (v108); else None."""
    if not asked:
        return None
    year = _A_YEAR.search(answer_norm, start, end + 1)  # v109: a match may start with its preposition (in 2024)
    if year is None:
        return None
    dated = _event_dated(answer_norm, year)
    if dated is None or dated[0] in asked:
        return None
    for other in _A_YEAR.finditer(answer_norm):
        if other.group("year") == year.group("year"):
            continue
        its = _event_dated(answer_norm, other)
        if its is not None and its[0] in asked:  # the reason: the point's year's event, then the asked one's year
            before = f" ({answer_norm[dated[1] : start].strip()})"
            own = answer_norm[year.end() : dated[2]] if dated[2] > year.end() else before
            return own + " … " + answer_norm[its[1] : its[2]]
    return None
