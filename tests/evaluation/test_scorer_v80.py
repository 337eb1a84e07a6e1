"""Scorer v80: a quantity of length, mass, area or data is one quantity in its other units and names.

v18 converted durations only; a point in another unit of measure was matched as written, so "5 km" went missing for
5公里, 2000公斤 for 2吨, 30㎡ for 30平方米 and 80G显存 for 80GB. `numbers/measures.py` (`measure_twins`): a unit of the
same kind where the value converts exactly (at most two decimals), every name of each unit (Chinese, the symbol, the
English word where nothing follows the unit), the point's words around it kept; data sizes by their names only (1TB is
no exact number of GB), and no bare letter that names other things (m, g, t) is a twin of a length or a mass.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

# another unit or name of the same quantity (v79: missing)
CONVERTED: list[tuple[str, str, NumberForms | None, str]] = [
    ("5公里", "全程5 km。", None, C),
    ("5公里", "全程5km。", None, C),
    ("5公里", "全程5千米。", None, C),
    ("5公里", "全程5000米。", None, C),
    ("5公里", "The route is 5 kilometres long.", None, C),
    ("5 km", "全程5公里。", None, C),
    ("5000米", "全程5公里。", None, C),
    ("1500米", "全程1.5公里。", None, C),
    ("距离5公里", "距离5 km。", None, C),
    ("2吨", "载重2000公斤。", None, C),
    ("2吨", "载重2000 kg。", None, C),
    ("2吨", "The payload is 2 tonnes.", None, C),
    ("2吨", "The payload is 2 tons.", None, C),
    ("2公斤", "重2 kg。", None, C),
    ("2公斤", "重2千克。", None, C),
    ("2公斤", "重4斤。", None, C),
    ("500克", "重0.5公斤。", None, C),
    ("500克", "重500 grams。", None, C),
    ("30平方米", "面积30㎡。", None, C),
    ("30平方米", "面积30 m²。", None, C),
    ("30平方米", "面积30平米。", None, C),
    ("30平方米", "The room is 30 square metres.", None, C),
    ("80GB", "单卡80G显存。", None, C),
    ("80GB", "单卡80 GB显存。", None, C),
    ("80GB", "Each card has 80 gigabytes.", None, C),
    ("2TB", "硬盘2T。", None, C),
    ("5公里", "全程五公里。", CN, C),
]

# another value, another unit, another kind of quantity
OTHER: list[tuple[str, str, NumberForms | None, str]] = [
    ("5公里", "全程50 km。", None, N),
    ("5公里", "全程0.5 km。", None, N),
    ("5公里", "全程5.5 km。", None, N),
    ("5公里", "全程500米。", None, N),
    ("5公里", "面积5平方公里。", None, N),
    ("5公里", "全程5 miles。", None, N),
    ("5公里", "全程不是5 km。", None, N),
    ("5公里", "全程超过5 km。", None, N),
    ("5公里", "全程5 km到8 km。", None, N),
    ("500克", "重500千克。", None, N),
    ("500克", "重500 kg。", None, N),
    ("2吨", "载重2 kg。", None, N),
    ("2吨", "载重20 tons。", None, N),
    ("2公斤", "重2斤。", None, N),
    ("80GB", "单卡8GB显存。", None, N),
    ("80GB", "单卡80MB显存。", None, N),
    ("80GB", "单卡80TB存储。", None, N),
    ("30平方米", "长30米。", None, N),
    ("30平方米", "面积300平方米。", None, N),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 80


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), [*CONVERTED, *OTHER])
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
