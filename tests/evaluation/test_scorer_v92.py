"""Scorer v92: a Chinese person's name is not a piece of a longer name (`numbers/name_edges.py`).

v91 credited the key point 刘敏 for 负责人是刘敏华 and 张伟 for 张伟明负责 - another person whose name starts with the
point's characters, as 20个月 is not in 120个月 (v3). Kept: the name followed by its sentence's words (刘敏负责,
刘敏女士, 刘敏，华东区总监, 刘敏华东区负责人 - jieba reads 刘敏 + 华东区), by a one-character word that follows a
subject (刘敏正在, 王芳才到, 孙丽为负责人), or by a word of its own that goes on past the longer name jieba might read
(张伟明年上任); points that are not a person's name (苏州 in 苏州工业园区, 华信银行 in 华信银行股份有限公司).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status, covered

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.numbers.name_edges import a_persons_name
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

A_LONGER_NAME: list[Row] = [
    ("刘敏", "负责人是刘敏华。", CN, N),
    ("刘敏", "负责人：刘敏华", CN, N),
    ("刘敏", "刘敏敏负责该项目。", CN, N),
    ("刘敏", "项目由刘敏华牵头，周晓峰配合。", CN, N),
    ("张伟", "张伟明负责。", CN, N),
    ("周晓峰", "负责人是周晓峰", CN, C),
    ("刘敏", "负责人是刘敏。", CN, C),
    ("刘敏", "负责人是刘敏，华东区总监。", CN, C),
    ("刘敏", "刘敏华东区负责人", CN, C),
    ("刘敏", "项目由刘敏负责。", CN, C),
    ("刘敏", "刘敏女士是负责人。", CN, C),
    ("刘敏", "刘敏正在负责迁移。", CN, C),
    ("刘敏", "刘敏为负责人。", CN, C),
    ("王芳", "王芳才是负责人。", CN, C),
    ("孙丽", "孙丽为负责人。", CN, C),
    ("张伟", "张伟明年上任。", CN, C),
    ("刘敏", "是刘敏牵的线。", CN, C),
    ("李明", "这件事李明总已经拍板。", CN, C),
    ("王志远", "王志远负责。", CN, C),
    ("刘敏", "负责人是刘敏华，不是刘敏。", CN, N),
    ("刘敏", "刘敏华离职后，由刘敏接任。", CN, C),
    ("苏州", "总部位于苏州工业园区。", CN, C),
    ("华信银行", "客户是华信银行股份有限公司。", CN, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 92


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), A_LONGER_NAME)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


def test_a_forbidden_name_is_not_charged_for_a_longer_one() -> None:
    assert not charged("刘敏", "负责人是刘敏华。")
    assert charged("刘敏", "负责人是刘敏。")


@pytest.mark.parametrize("name", ["刘敏", "周晓峰", "王志远", "张伟", "李娜", "陈静"])
def test_names_are_names_and_other_points_are_not(name: str) -> None:
    assert a_persons_name(name)


@pytest.mark.parametrize("point", ["苏州", "华信银行", "私有化部署", "回本周期", "上海", "liu min", "刘"])
def test_places_companies_and_terms_are_no_persons_names(point: str) -> None:
    assert not a_persons_name(point)


# the sentences a name starts in an answer: each keeps the name credited, for each of these names
_NAMES = ["刘敏", "周晓峰", "张伟", "王芳", "陈静", "黄勇", "吴敏", "朱军", "胡杰", "罗斌"]
_SENTENCES = [
    "项目由{}负责。",
    "{}女士是项目负责人。",
    "{}担任华东区总监。",
    "{}带队完成了迁移。",
    "{}和王志远共同参与。",
    "{}表示同意。",
    "{}于2021年加入公司。",
    "{}此前在安泰人寿任职。",
    "{}目前负责信贷审批。",
    "{}团队负责上线。",
    "{}所在部门是风控部。",
    "{}亲自审批了方案。",
    "{}已经离职。",
    "{}曾任项目经理。",
    "{}向总部汇报。",
]


@pytest.mark.parametrize("name", _NAMES)
def test_a_name_followed_by_its_sentence_stays_credited(name: str) -> None:
    wrong = [s.format(name) for s in _SENTENCES if not covered(name, s.format(name), CN)]
    assert not wrong, wrong


def test_the_generated_sweep_reads_no_right_answer_as_a_longer_name() -> None:
    """benchmarks/name_edges_sweep.py on five of its names: no right answer misread, most longer names caught."""
    from benchmark_scripts import load_benchmark

    sweep = load_benchmark("name_edges_sweep")
    names = ["刘敏", "孙丽", "王芳", "张伟", "李明"]  # the names whose continuations jieba once joined to them
    wrong, read = sweep.misread(names)
    assert read == 5 * len(sweep.CONTINUATIONS) * len(sweep.SHAPES) and wrong == [], wrong
    found, longer = sweep.caught(names)
    assert found >= longer // 2, (found, longer)
