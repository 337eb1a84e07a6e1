"""Scorer v95: a place's name in a street's or a river's name is not the place (`numbers/place_edges.py`).

v94 credited the key point 苏州 (where is the head office?) for 总部位于上海苏州河畔 and 总部在北京海淀区苏州街,
南京 for 上海南京西路 - a wrong name that contains the right one, the class of 120个月 for 20个月 (v3) and
刘敏华 for 刘敏 (v92).
Kept: the city itself (苏州工业园区, 苏州市, 苏州东部), a word that starts with the street's character (路演, 路过,
路段, 河南中路, 弄堂, 街道), 大道 (苏州大道 is in Suzhou), 站, "on the way" (去苏州的路上, 宁波路上), English River.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status

from pytest_llmeval.evaluation.numbers.place_edges import in_a_streets_name
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

A_STREETS_NAME = [
    ("苏州", "总部位于上海苏州河畔。", N),
    ("苏州", "总部在北京海淀区苏州街。", N),
    ("苏州", "总部在苏州河边。", N),
    ("苏州", "总部位于上海南苏州路。", N),
    ("苏州", "总部位于上海苏州河北岸。", N),
    ("苏州", "总部位于北京苏州桥附近。", N),
    ("苏州市", "总部位于上海苏州市路。", N),
    ("南京", "总部位于上海南京西路。", N),
    ("南京", "总部位于上海南京路步行街。", N),
    ("北京", "总部位于广州北京路。", N),
    ("宁波", "总部位于上海宁波路88号。", N),
    ("宁波", "总部位于青岛宁波路。", N),
    ("金融", "位于北京金融街。", N),
    ("Suzhou", "The head office is by Suzhou Creek in Shanghai.", N),
    ("Nanjing", "The head office is on Nanjing West Road, Shanghai.", N),
    ("Nanjing", "The head office is on Nanjing Rd.", N),
    ("Beijing", "Our office is at 88 Beijing Street.", N),
]
THE_PLACE_ITSELF = [
    ("苏州", "总部位于苏州。", C),
    ("苏州", "总部位于苏州工业园区。", C),
    ("苏州", "总部位于苏州市姑苏区。", C),
    ("苏州", "总部在苏州，临近苏州河。", C),
    ("苏州", "在苏州路演时签约。", C),
    ("苏州", "从苏州路过。", C),
    ("苏州", "苏州路段拥堵。", C),
    ("上海", "总部在上海河南中路。", C),
    ("上海", "总部位于上海南京西路。", C),
    ("上海", "上海弄堂里的老字号。", C),
    ("苏州", "总部位于苏州大道东。", C),
    ("苏州", "总部在苏州街道办附近。", C),
    ("苏州", "去苏州的路上。", C),
    ("宁波", "总部在宁波路上。", C),
    ("苏州", "总部位于苏州东部。", C),
    ("苏州", "总部位于苏州站旁。", C),
    ("苏州", "总部在苏州，地址是苏州大道东。", C),
    ("Suzhou", "The head office is in Suzhou.", C),
    ("Suzhou", "The head office is in Suzhou Industrial Park.", C),
    ("Suzhou", "Headquartered in Suzhou, Jiangsu.", C),
    ("Suzhou", "Suzhou street food is famous; the head office is in Suzhou.", C),
    ("Yangtze", "It lies on the Yangtze River.", C),
    ("华信银行", "华信银行总部位于苏州。", C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 95


@pytest.mark.parametrize(("point", "answer", "expected"), A_STREETS_NAME + THE_PLACE_ITSELF)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


def test_a_forbidden_city_is_not_charged_for_a_street_named_after_it() -> None:
    assert not charged("北京", "总部位于广州北京路。")
    assert charged("北京", "总部位于北京。")


@pytest.mark.parametrize(
    ("text", "point", "expected"),
    [("苏州河", "苏州", True), ("苏州路演", "苏州", False), ("上海河南路", "上海", False), ("苏州", "苏州", False)],
)
def test_in_a_streets_name_alone(text: str, point: str, expected: bool) -> None:
    assert in_a_streets_name(text, 0, len(point), point) is expected
