"""Scorer v74: a factor and a product in their other spellings (`keywords/factors.py`), a scale word's unit in a
bracket and a count of people in any of its classifiers (`keywords/people.py`).

A point "3倍" missed 性能提升3x, "3× faster", "3 times higher" and "a 3-fold increase", and a point "3x" missed 3倍; a
point "7×24小时" missed 7x24小时 and 7 * 24 小时 (7x24 is one token to the number reader). An x, × or "times" in the
answer is a factor only where no thing counted follows it: 2x H100, 4x GPUs, 3x4 and "3 times a day" say no factor.
A point's scale word alone (90万) missed the unit bracketed after it with the scale word (90（万元）), as a
calculation writes its result; a count of people (4300人) missed 4300名员工, 4300位员工 and "4,300 employees" (位
counting digits or places - 6位数字, 小数点后6位 - is none). The covered rows are module-level lists: the credit,
claim and mark sweeps make their wrong versions (13x, 没有提升3x, 3x吗？, ...) and check each.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

FACTORS: list[tuple[str, str, NumberForms | None, str]] = [
    ("3倍", "性能提升3x。", None, C),  # v73: missing
    ("3倍", "性能提升3×。", None, C),  # v73: missing
    ("3倍", "Throughput is 3x higher.", None, C),
    ("3倍", "It runs 3 times faster than before.", None, C),
    ("3倍", "We measured a 3-fold increase.", None, C),
    ("3倍", "You get 3x the throughput.", None, C),
    ("1.5倍", "吞吐量提升1.5x", None, C),
    ("提升3倍", "性能提升3x", None, C),
    ("3x", "性能提升了3倍。", None, C),
    ("3x", "It is 3 times faster.", None, C),
    ("3×", "Inference is 3x faster.", None, C),
    ("3 times", "吞吐量提升了3倍", None, C),
    ("3倍", "性能提升三倍。", CN, C),  # unchanged
]
PRODUCTS: list[tuple[str, str, NumberForms | None, str]] = [
    ("7×24小时", "我们提供7x24小时技术支持。", None, C),  # v73: missing
    ("7×24小时", "我们提供 7 x 24 小时技术支持。", None, C),  # v73: missing
    ("7×24小时", "我们提供7*24小时技术支持。", None, C),  # v73: missing
    ("7x24小时", "我们提供7×24小时技术支持。", None, C),  # v73: missing
    ("5×8小时", "工作日5x8小时在线支持。", None, C),
]
# a point's scale word alone (90万) with the unit after it in a bracket - a calculation's result (v73: missing)
BRACKETED_SCALE: list[tuple[str, str, NumberForms | None, str]] = [
    ("90万", "年节省：15 × 6 = 90（万元）", None, C),
    ("90万", "合计节省 90 (万元)。", None, C),
    ("1200万", "合同金额为1200（万元）", None, C),
    ("1.2亿", "总资产1.2（亿元）", None, C),
    ("90万", "年节省 90 （万）", None, C),
    ("90万", "年节省190（万元）", None, N),
    ("90万", "年节省90（千元）", None, N),
    ("90万", "年节省90（元）", None, N),
    ("90万", "年节省不到90（万元）", None, N),
]
# a count of people in any of its classifiers (人, 名, 位) and, for the count alone, its English words (v73: missing)
PEOPLE: list[tuple[str, str, NumberForms | None, str]] = [
    ("4300人", "该行共有4300名员工。", None, C),
    ("4300人", "该行员工4300名。", None, C),
    ("4300人", "该行共有4300位员工。", None, C),
    ("4300人", "The bank has 4,300 employees.", None, C),
    ("4300人", "The bank employs 4,300 people.", None, C),
    ("12人", "项目团队由12名工程师组成。", None, C),
    ("12人", "团队有12位数据工程师。", None, C),  # review: 位数 began the digits' words
    ("4300名", "员工约4300人。", None, C),
    ("4300人", "该行员工14300名。", None, N),
    ("4300人", "该行员工不到4300名。", None, N),
    ("4300人", "该行排名第4300名。", None, N),
    ("4300人", "The bank has 4,300 branches.", None, N),
    ("6人", "验证码为6位数字。", None, N),
    ("6人", "结果保留小数点后6位。", None, N),
]
# an x, × or "times" before a thing counted is no factor; another number, a negation, a bound are read as before
NOT_SAID: list[tuple[str, str, NumberForms | None, str]] = [
    ("2倍", "推荐配置：2x H100。", None, N),
    ("2倍", "推荐配置：2×H100。", None, N),
    ("3倍", "Use 3x GPUs for this model.", None, N),
    ("3倍", "Take it 3 times a day.", None, N),
    ("3倍", "分辨率为3x4。", None, N),
    ("3倍", "性能提升13x。", None, N),
    ("3倍", "性能提升3.5x。", None, N),
    ("3倍", "性能没有提升3x。", None, N),
    ("3倍", "性能提升不到3x。", None, N),
    ("3x", "性能提升了13倍。", None, N),
    ("7×24小时", "我们提供17x24小时技术支持。", None, N),
    ("7×24小时", "我们提供7x12小时技术支持。", None, N),
    ("7×24小时", "我们不提供7x24小时技术支持。", None, N),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 74


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"), [*FACTORS, *PRODUCTS, *NOT_SAID, *BRACKETED_SCALE, *PEOPLE]
)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(
    ("claim", "answer", "expected"),
    [
        ("3倍", "我们保证性能提升3x。", True),
        ("3x", "We guarantee a 3-fold speed-up.", True),
        ("7×24小时", "承诺7x24小时响应。", True),
        ("2倍", "推荐配置：2x H100。", False),
        ("3倍", "性能提升13x。", False),
    ],
)
def test_claims(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected
