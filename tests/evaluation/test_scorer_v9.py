"""Scorer version 9: figures as list markers and LaTeX write them. A circled or full-stop list marker (①, ⒈) is a
label, not a digit of the figure after it (NFKC made ①20万元 120万元); \\boxed{}, \\textit{}, \\underline{}, \\bm{},
\\color{}{} and TeX spaces no longer hide a figure. Each row one reading; the near-misses keep their verdicts."""

from __future__ import annotations

import pytest

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scenarios import Case, KeyPoint
from pytest_llmeval.evaluation.scoring import normalise, score_answer


def covered(point: str, answer: str, forms: NumberForms | None = None) -> bool:
    case = Case(
        id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(KeyPoint(point, numbers=forms),)
    )
    return score_answer(case, answer).covered == [point]


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("120万", "①20万元", False),  # the list's first item is 20万元
        ("1200", "①200", False),
        ("20万", "②20万元", True),
        ("20万", "⒈20万元", True),
        ("1.2万", "⒈20万元", False),  # NFKC made ⒈ "1."
        ("20万", "㉑20万元", True),
        ("2120", "㉑20", False),
        ("120万", "第1项：120万元", True),  # a written label keeps its own reading
    ],
)
def test_list_markers_are_labels(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


def test_a_list_marker_reads_as_a_bracketed_label() -> None:
    assert normalise("①20万元 ⒉30万元") == "(1)20万元 (2)30万元"


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20个月", r"回收期为 $\boxed{20}$ 个月", True),
        ("20个月", r"回收期为 \(\boxed{20}\)个月", True),
        ("20个月", r"$\boxed{20\text{个月}}$", True),  # nested: the inner command first
        ("20个月", r"$20\ \text{个月}$", True),
        ("20个月", r"$20\;\text{个月}$", True),
        ("20个月", r"$20\quad\text{个月}$", True),
        ("20个月", r"$20~\text{个月}$", True),  # ~ is a space in TeX
        ("20个月", r"$20{\text{个月}}$", True),  # grouping braces
        ("20个月", r"$\textit{20}$个月", True),
        ("20", r"$\underline{20}$", True),
        ("20", r"$\bm{20}$", True),
        ("20", r"$\color{red}{20}$", True),
        ("50%", r"$50\ \%$", True),
        ("20个月", r"$\boxed{120}$个月", False),  # still a whole number: 120 is no 20
        ("20个月", "约~20个月", True),  # outside math a ~ is left as written
        ("20个月", "12~20个月", False),  # and still a range mark there
    ],
)
def test_latex_that_reasoning_models_write(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


CN = NumberForms(chinese=True)


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        ("8个月", "回收期为1年8个月", None, False),  # 1 year and 8 months: 20 months, no 8个月 of its own
        ("8个月", "回收期为1年8个月", CN, False),
        ("8个月", "1 年 8 个月", None, False),
        ("8个月", "1年又8个月", None, False),
        ("8个月", "1年零8个月", None, False),
        ("8个月", "一年八个月", CN, False),
        ("八个月", "一年八个月", None, False),  # a point in Chinese numerals, matched as text
        ("30分钟", "约1小时30分钟", None, False),
        ("30分钟", "约1个小时30分钟", None, False),
        ("20天", "1个月20天", None, False),
        ("30秒", "2分钟30秒", None, False),
        ("8 months", "1 year 8 months", None, False),
        ("8 months", "1 year and 8 months", None, False),
        ("30 minutes", "2 hours 30 minutes", None, False),
        ("8个月", "第1年，8个月后", None, True),  # a comma ends the first quantity
        ("8个月", "每年8个月", None, True),  # a unit without a number: per year
        ("30分钟", "用时1小时，30分钟后", None, True),
        ("8个月", "8个月", None, True),
        ("一年八个月", "一年八个月", CN, True),  # the whole quantity
        ("1年8个月", "回收期为1年8个月", None, True),
        ("8 months", "after 8 months", None, True),
    ],
)
def test_a_quantity_is_not_the_second_part_of_a_longer_one(
    point: str, answer: str, forms: NumberForms | None, expected: bool
) -> None:
    assert covered(point, answer, forms) is expected


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        ("2小时", "2个小时", None, True),
        ("2个小时", "2小时", None, True),
        ("2小时", "两个小时", CN, True),
        ("2个小时", "两小时", CN, True),
        ("3钟头", "3个钟头", None, True),
        ("2个星期", "2星期", None, True),
        ("2礼拜", "2个礼拜", None, True),
        ("3个工作日", "3工作日", None, True),
        ("3工作日", "3个工作日内", None, True),
        ("1小时30分钟", "1个小时30分钟", None, True),
        ("20个月", "20月", None, False),  # 个月 and 月 are not twins: 20月 is a month of the year
        ("3个季度", "3季度", None, False),  # 3季度 is the third quarter
        ("2小时", "2个半小时", None, False),  # still not in a longer quantity
        ("2小时", "2个小时30分钟", None, False),
        ("2个小时", "2小时30分钟", None, False),
        ("2小时", "2个小时至3个小时", None, False),  # still a range
        ("3小时", "2个小时至3小时", None, False),
        ("3个小时", "2小时到3小时", None, False),
        ("2个", "2个小时", None, False),
        ("2小时", "不到2个小时", None, False),
    ],
)
def test_a_time_unit_with_or_without_its_classifier(
    point: str, answer: str, forms: NumberForms | None, expected: bool
) -> None:
    assert covered(point, answer, forms) is expected


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        ("20%", "百分之二十到百分之三十", CN, False),
        ("20%", "百分之二十至三十", CN, False),
        ("20%", "百分之二十到三十之间", CN, False),
        ("20%", "百分之20到30", None, False),
        ("20%", "百分之20-30", None, False),
        ("20%", "百分之20到百分之30", None, False),
        ("20%", "20%至百分之三十", CN, False),
        ("百分之二十", "百分之二十到百分之三十", CN, False),
        ("百分之20", "百分之20到30", None, False),
        ("30%", "百分之二十到百分之三十", CN, False),  # the range's end
        ("30%", "百分之20到百分之30", None, False),
        ("20%", "百分之二十", CN, True),
        ("20%", "从百分之三十降到百分之二十", CN, True),  # a change
        ("百分之二十", "从百分之三十降到百分之二十", CN, True),
        ("20%", "百分之二十到三十天", CN, True),  # the second number counts days: no percentage range
        ("20%", "百分之二十，到30个", CN, True),
    ],
)
def test_a_percentage_range_written_with_baifenzhi(
    point: str, answer: str, forms: NumberForms | None, expected: bool
) -> None:
    assert covered(point, answer, forms) is expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20个月", "回收期不会超过20个月", False),
        ("20个月", "回收期没有超过20个月", False),
        ("20个月", "回收期没超过20个月", False),
        ("20个月", "回收期不需要20个月", False),
        ("20个月", "回收期不需要约20个月", False),
        ("20个月", "回收期用不了20个月", False),
        ("20个月", "回收期要不了20个月", False),
        ("审批", "不需要审批", False),  # a text point right after 不需要 is negated too
        ("GPU", "用不了GPU", False),
        ("不需要审批", "该场景不需要审批", True),  # a point that carries the negation is matched as written
        ("20个月", "回收期超过20个月", True),  # a bound, no negation
        ("20个月", "回收期需要20个月", True),
        ("20个月", "用不了太久，约20个月", True),
    ],
)
def test_everyday_negations_of_a_bound(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("10分", "这一点十分重要", False),  # very
        ("10分", "十分之一", False),
        ("1次", "一次性支付", False),  # one-off
        ("3方", "引入第三方机构", False),  # a third party
        ("1", "一定要核实", False),
        ("1", "一般来说", False),
        ("1", "一些问题", False),
        ("1", "一切正常", False),
        ("1", "一直在用", False),
        ("1", "我们一起推进", False),
        ("1", "两种方案一样", False),
        ("1", "结论一致", False),
        ("1", "进一步优化", False),
        ("2", "两者之间", False),
        ("2", "扫描二维码", False),
        ("5", "五金店", False),
        ("10分", "满分十分。", True),  # ten points
        ("10分", "得了十分，", True),
        ("10分钟", "十分钟", True),
        ("1起", "发生一起安全事故", True),  # one incident
        ("3方", "三方会谈", True),
        ("1次", "第一次", True),
        ("一次性支付", "一次性支付", True),  # a point that holds the word
        ("十分重要", "十分重要", True),
        ("一次性支付120万元", "一次性支付一百二十万元", True),
        ("120万元", "一次性支付一百二十万元", True),
    ],
)
def test_a_numeral_in_a_word_that_counts_nothing(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer, CN) is expected
