"""v108: a year given to another event than the one the question asks of.

哪年上线？ - 2024年启动，2025年上线 (2024年立项，2025年正式上线; 2024年3月签约，2025年1月交付 for
哪年交付？): the point's year dates another event of the project, and the answer dates the asked one with another
year - v107 credited 2024年. Only where the question names an event of the list, the year is followed by another one
of them and another year of the answer by the asked one (2024年上线，2025年推广 keeps 2024年 for 哪年上线？;
2024年启动 alone says nothing of the launch either way and stays what it was)."""

from __future__ import annotations

import re
from functools import lru_cache

from .normalisation import normalise

_EVENTS = (
    "投入使用|试运行|上线|启动|立项|签约|交付|验收|投产|开工|完工|竣工|发布|成立|建成|运营|试点|招标|采购|部署|推广|上市"
    "|量产|开业|投运|落地|实施|开发|研发|设计|筹备|规划|获批|回本|盈利|开通|迁址|搬迁|注册|融资|收购|并购"
)
_WHEN = (
    " ?(?:[0-9]{1,2} ?月(?: ?[0-9]{1,2} ?日)?)?(?:底|初|年中|年末|年初|中|上半年|下半年|第?[一二三四1-4]季度|q[1-4])? ?"
    "(?:正式|开始|完成|全面|首次|才|就|已经?|率先|顺利|成功)?"
)
_EVENT_AFTER = re.compile(f"{_WHEN}(?P<event>{_EVENTS})")
_A_YEAR = re.compile("(?<![0-9])(?P<year>[0-9]{4}) ?年")
_EVENT_IN_A_QUESTION = re.compile(_EVENTS)


@lru_cache(maxsize=64)
def events_asked(question: str) -> frozenset[str]:
    """The events of the list the question names (哪年上线？ -> {上线})."""
    return frozenset(_EVENT_IN_A_QUESTION.findall(normalise(question)))


def a_year_of_another_event(answer_norm: str, start: int, end: int, asked: frozenset[str]) -> str | None:
    """The words that give the year at start:end to another event than the `asked` ones, where another year of the
    answer is given to an asked one (v108); else None."""
    if not asked:
        return None
    year = _A_YEAR.match(answer_norm, start)
    if year is None or year.end() > end + 1:
        return None
    event = _EVENT_AFTER.match(answer_norm, year.end())
    if event is None or event.group("event") in asked:
        return None
    for other in _A_YEAR.finditer(answer_norm):
        if other.group("year") == year.group("year"):
            continue
        dated = _EVENT_AFTER.match(answer_norm, other.end())
        if dated is not None and dated.group("event") in asked:
            return answer_norm[year.end() : event.end()] + " … " + answer_norm[other.start() : dated.end()]
    return None
