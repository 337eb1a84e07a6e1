"""v74: a count of people in its other classifiers and words.

Chinese counts people with 人, 名 or 位 (员工4300人, 4300名员工, 4300位员工): a point "4300人" missed 员工4300名 and
4300位员工, and "12人" missed 12名工程师. A point that ends with one of them is said by the others, and - where the
point is the count alone - by its English words (4,300 people, persons, employees, staff). 位 also counts digits and
places (6位数, 4300位密码, 小数点后2位): it is no count of people before 数, 小数, 字符, 密码, 编码, 码 or 有效数字, nor
after 小数点后, 精确到, 保留, 取."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..numbers import Found, NumberForms, NumberPattern, TextPattern, compile_variant

_A_COUNT_OF_PEOPLE = re.compile(
    r"^(?P<pre>(?:.*[^0-9.,])?)(?P<n>[0-9][0-9,]*(?:\.[0-9]+)?[万千]?) ?(?P<unit>人|名|位)$"
)
_CLASSIFIERS = ("人", "名", "位")
_PEOPLE_EN = ("people", "persons", "employees", "staff")
# v108: and with 个人 (团队12个人 for 12人 - v107 missed it), not where 个人 opens a noun of its own (12个人账户: twelve
# personal accounts)
_PERSONAL_NOUN_AFTER = re.compile(
    "账户|账号|信息|用户|客户|所得|隐私|版|中心|电脑|贷款|数据|资料|名义|业务|消费|储蓄|存款|简历|主页|空间|资产|财产"
    "|收入|护理|防护|卫生|偏好|设置|设备|终端|证件|身份|征信|养老|医保|社保|独资|品牌|网银|理财|投资|工作室|档案|事业"
    "|利益|所有|卡|号"
)
_DIGITS_AFTER = re.compile("数(?!据|字化|学)|小数|字符|字节|密码|编码|码(?!农)|有效数字|进制")  # not 12位数据工程师
_PLACES_BEFORE = re.compile("(?:小数点后|精确到|保留|取) ?$")


@dataclass(frozen=True)
class _PlacesTwin(NumberPattern):
    """A count of people written with 位, not where 位 counts digits or places (6位数, 4300位密码, 保留小数点后6位)."""

    def search(self, answer: str) -> Iterator[Found]:
        for found in super().search(answer):
            if _DIGITS_AFTER.match(answer, found.end) or _PLACES_BEFORE.search(
                answer, max(0, found.start - 6), found.start
            ):
                continue
            yield found


@dataclass(frozen=True)
class _PersonalTwin(NumberPattern):
    """A count of people written with 个人, not where 个人 opens a noun (12个人账户)."""

    def search(self, answer: str) -> Iterator[Found]:
        for found in super().search(answer):
            if not _PERSONAL_NOUN_AFTER.match(answer, found.end):
                yield found


def person_twins(needle: str, forms: NumberForms) -> list[TextPattern | NumberPattern]:
    """The other spellings of a point that ends with a count of people (4300人: 4300名, 4300位, 4300 people, ...)."""
    m = _A_COUNT_OF_PEOPLE.match(needle)
    if m is None:
        return []
    pre, n = m.group("pre"), m.group("n")
    spellings = [f"{pre}{n}{unit}" for unit in _CLASSIFIERS if unit != m.group("unit")] + [f"{pre}{n}个人"]
    if not pre and n[-1].isdigit():
        spellings += [f"{n} {word}" for word in _PEOPLE_EN]
    found: list[TextPattern | NumberPattern] = []
    for spelling in spellings:
        pattern = compile_variant(spelling, forms)
        if isinstance(pattern, NumberPattern) and spelling.endswith("位"):
            pattern = _PlacesTwin(pattern.text, pattern.pieces, pattern.slots, pattern.forms)
        elif isinstance(pattern, NumberPattern) and spelling.endswith("个人"):
            pattern = _PersonalTwin(pattern.text, pattern.pieces, pattern.slots, pattern.forms)
        found.append(pattern)
    return found
