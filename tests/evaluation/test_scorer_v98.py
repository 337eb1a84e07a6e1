"""Scorer v98: a figure matched through a form with no unit is not the point where the answer counts something else
with it (`keywords/unit_family.py`) - the shipped cases' synonyms 4300 (of 4300人), 1997 (of 1997年), 8400 (of
8400笔) and the bare amount 84万 in a question in 元 (v97).

v97 credited 4300人 for 共有4300个网点, 1997年 for 员工1997人 and "1997 employees", 8400笔 for 节省8400元 and "8400
yuan saved", 84万 for 84万次调用. A point's forms name the families of what its figure counts (people, a year,
items, money); a unit of another family right after the figure is another quantity. Kept: 4300个员工 (个 counts people
too), 8400次 / 8400条 / 8400个 for 8400笔 (items alike), "8,400 alerts" and 4300员工 (no unit this reads), 120万人民币
and 120万块 (money), 60万年费 and 90万，次年起 (年费 and 次年 start words of their own).
"""

from __future__ import annotations

from functools import cache

import pytest

from pytest_llmeval.evaluation.keywords.unit_family import another_unit_after, unit_families
from pytest_llmeval.evaluation.scenarios import Case, load_scenarios
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer

SCENARIOS = __import__("pathlib").Path(__file__).resolve().parents[2] / "scenarios"
C, N = "covered", "not covered"

ROWS = [
    ("kb_company_background", "4300人", "共有4300个网点。", N),
    ("kb_company_background", "4300人", "注册资本4300万元。", N),
    ("kb_company_background", "1997年", "员工1997人。", N),
    ("kb_company_background", "1997年", "1997 employees.", N),
    ("kb_company_background", "1997年", "成立于2019年，依据1997号文件。", N),
    ("kb_hybrid_retrieval", "8400笔", "节省8400元。", N),
    ("kb_hybrid_retrieval", "8400笔", "8400 yuan saved.", N),
    ("near_match_precision", "84万", "首年费用为84万次调用对应的费用。", N),
    ("near_match_precision", "24万", "超出部分费用为24万次。", N),
    ("roi_calculation", "120万", "120万人次。", N),
    ("kb_company_background", "4300人", "增长了4300%。", N),  # the figure's match takes its % in
    ("kb_cooperation_history", "1200万元", "答案是1200万%。", N),
    ("kb_company_background", "4300人", "员工4300。", C),
    ("kb_company_background", "4300人", "4300位员工。", C),
    ("kb_company_background", "4300人", "共有4300个员工。", C),
    ("kb_company_background", "4300人", "员工 4300 名。", C),
    ("kb_company_background", "4300人", "The bank has 4,300 employees.", C),
    ("kb_company_background", "4300人", "员工4300，人均创收高。", C),
    ("kb_company_background", "1997年", "1997成立。", C),
    ("kb_company_background", "1997年", "Founded in 1997, the bank grew.", C),
    ("kb_company_background", "1997年", "成立时间：1997 年。", C),
    ("kb_hybrid_retrieval", "8400笔", "每月8400次告警。", C),
    ("kb_hybrid_retrieval", "8400笔", "每月8400条。", C),
    ("kb_hybrid_retrieval", "8400笔", "每月8400个告警。", C),
    ("kb_hybrid_retrieval", "8400笔", "每月8,400 alerts.", C),
    ("roi_calculation", "120万", "年节省120万人民币。", C),
    ("roi_calculation", "120万", "年节省120万块。", C),
    ("roi_calculation", "120万", "年节省120万/年。", C),
    ("roi_calculation", "90万", "净节省90万，次年起持续节省。", C),
    ("near_match_precision", "84万", "首年费用84万（60万年费+24万超额费）。", C),
    ("near_match_precision", "24万", "超额费用24万，年费60万。", C),
]


@cache
def _case(case_id: str) -> Case:
    return next(c for c in load_scenarios([SCENARIOS]) if c.id == case_id)


def test_the_version() -> None:
    assert SCORER_VERSION >= 98


@pytest.mark.parametrize(("case_id", "point", "answer", "expected"), ROWS)
def test_rows(case_id: str, point: str, answer: str, expected: str) -> None:
    got = next(p.status for p in score_answer(_case(case_id), answer).points if p.point == point)
    assert (got == "covered") == (expected == C), got


@pytest.mark.parametrize(
    ("variants", "in_yuan", "families"),
    [
        (("4300人", "4,300人", "4300名", "4300"), False, {"people"}),
        (("1997年", "1997"), False, {"year"}),
        (("8400笔", "8400"), False, {"items"}),
        (("84万",), True, {"money"}),
        (("84万",), False, set()),
        (("20个月", "1.67年"), False, {"month", "year"}),
    ],
)
def test_unit_families(variants: tuple[str, ...], in_yuan: bool, families: set[str]) -> None:
    assert unit_families(variants, in_yuan) == families


@pytest.mark.parametrize(
    ("text", "expected"),
    [("4300个网点", True), ("4300个员工", False), ("4300名", False), ("4300元", True), ("4300", False)],
)
def test_another_unit_after(text: str, expected: bool) -> None:
    assert another_unit_after(text, 4, frozenset({"people"})) is expected
