"""Scorer version 6: how models actually write figures. Markdown and LaTeX around a number neither hide it nor
shield it from a negation; 负 and – are minus signs; a denominator, a longer unit (27个 in 27个月), a word that holds
一 (统一年度) and a vague amount (数十万) are no figure - jieba's word boundaries decide the doubtful ones (系统一致性,
3次方案); 500多台 is about 500台; 不满 and 未达 negate like 不到, comparisons (不低于, 不及) do not, and 不得不
affirms. Examples both ways, each row one reading."""

from __future__ import annotations

import pytest

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scenarios import Case, KeyPoint
from pytest_llmeval.evaluation.scoring import normalise, score_answer

CHINESE = NumberForms(chinese=True)


def covered(point: str, answer: str, forms: NumberForms | None = None) -> bool:
    key = KeyPoint(point, numbers=forms)
    case = Case(id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(key,))
    return score_answer(case, answer).covered == [point]


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("20个月", "投资回收期为**20**个月", True),
        ("1200万元", "合同金额为**1,200**万元", True),
        ("20个月", "回收期为`20`个月", True),
        ("20个月", "回收期*20*个月", True),
        ("20个月", r"回收期 = $\frac{150}{90} \times 12 = 20$ 个月", True),
        ("50%", r"$ROI = \frac{360-240}{240} = 50\%$", True),
        ("90万", "净收益 = $120 - 30 = 90$ 万元", True),
        ("1200万元", r"共$1\,200$万元", True),
        ("回收期20个月", "回收期**20个月**", True),
        ("20个月", "回收期不是**20个月**", False),  # the marks no longer stand between the negation and the point
        ("合规", "**不**合规", False),
        ("15", "5*3 = 15", True),  # multiplication is no emphasis
        ("53", "5*3*2", False),
        ("20", "$20 and $30", True),  # dollars, not math: kept as written
    ],
)
def test_markdown_and_latex_around_a_figure(point, answer, credited):
    assert covered(point, answer) is credited


def test_markup_is_removed_the_same_way_from_every_text():
    assert normalise("**不**合规") == "不合规"
    assert normalise("$20 and $30") == "$20 and $30"
    assert normalise("5*3*2") == "5*3*2"
    assert normalise(r"$\text{ROI} = 50\%$") == "roi = 50%"


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("50%", "三年ROI为负50%", False),
        ("20万元", "净利润为负20万元", False),
        ("20%", "增长率为–20%", False),  # an en dash as a minus
        ("50%", "三年ROI为-**50%**", False),
        ("5%", "误差在正负5%以内", True),  # ±5%
        ("3场", "胜负3场", True),
        ("20个", "负责20个项目", True),  # 负 of 负责 stands before no number
        ("20个月", "10–20个月", True),  # after a digit the dash is a hyphen, as '-' is
    ],
)
def test_minus_signs(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("2小时", "处理时间约1/2小时", False),
        ("2小时", "约1 / 2小时", False),
        ("2小时", "约½小时", False),  # NFKC: 1⁄2
        ("3个月", "完成了1/3个月的工作量", False),
        ("20元", "费用20元/月", True),  # a slash after the figure is "per"
        ("2小时", "每天2小时", True),
        ("2023年", "2022/2023年度营收增长20%", True),  # alternatives, not fractions
        ("90天", "付款账期分30/60/90天三档", True),
        ("200万元", "预算100/200万元两档", True),
    ],
)
def test_a_denominator_is_no_figure(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("27个", "项目周期为27个月", False),
        ("二十七个", "共有二十七个月的数据", False),
        ("3个", "工期3个月", False),
        ("20分", "平均处理20分钟", False),
        ("50人", "累计培训50人次", False),
        ("3周", "公司成立3周年", False),
        ("3年", "小学3年级", False),
        ("90年", "90年代", False),
        ("27个", "共有27个业务系统", True),
        ("90分", "考试得了90分。", True),
        ("50人", "培训50人，", True),
        ("3年", "合同期3年", True),
        ("3次", "共进行了3次方案评审", True),  # 方案 is the next word, not 次方
        ("2次", "结果是2的2次方", False),
        ("2020年", "2020年代理商数量翻倍", True),  # 代理商, not 年代
        ("50人", "团队50人次年扩至80人", True),  # 次年: the next year
    ],
)
def test_a_unit_that_goes_on_into_a_longer_unit_is_another_unit(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("一年", "不满一年", False),  # "not reaching", as 不到 and 未满 (v3)
        ("20个月", "还没到20个月", False),
        ("20%", "增速未达20%", False),
        ("80%", "自动审批率不低于80%", True),  # a comparison states its figure (the knowledge base's own wording)
        ("北辰信科", "品牌影响力不及北辰信科", True),  # a comparison, no denial of the company
        ("深澜数据", "我司报价不低于深澜数据", True),
        ("数字化转型", "企业不得不数字化转型", True),  # must
        ("考虑数据安全", "不能不考虑数据安全", True),
        ("满意", "客户无不满意", True),  # all satisfied
        ("风险", "该方案没有风险", False),
        ("风险", "请检查有无风险", False),  # asks whether: claims nothing (so a forbidden claim under it counts none)
        ("通过审批", "所有没有通过审批的申请转人工", False),
        ("合规", "该流程不合规", False),
    ],
)
def test_not_reaching_negates_a_comparison_does_not_and_double_negations_affirm(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("500台", "首批接入500多台设备", True),  # the knowledge base's own wording (contracts/hengrui_2023.md)
        ("1200万元", "合同金额1200余万元", True),
        ("20个月", "约20来个月", True),
        ("20个月", "约120多个月", False),  # still never a piece of a longer number
        ("20 months", "20 odd months", False),  # only between a number and a Chinese unit
    ],
)
def test_about_between_a_number_and_its_unit_states_the_figure(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "forms", "credited"),
    [
        ("一年", "统一年度预算", None, False),
        ("一年", "两个项目在同一年上线", None, False),
        ("一天", "两套系统在同一天上线", None, False),
        ("一个月", "在同一个月内完成", None, False),
        ("一年", "保修一年", None, True),
        ("一次", "一次性投入", None, True),
        ("一致性", "保证系统一致性", None, True),  # 系统|一致性: jieba starts a word at 一
        ("一千二百万", "二期合同一千二百万元", None, True),
        ("一年八个月", "计划一年八个月收回投资", None, True),
        ("一期", "智能风控系统一期项目", None, True),
        ("一年", "系统1年内上线", CHINESE, True),
        ("十二人", "团队人数十二人", CHINESE, True),  # 人数|十二: no 数十
        ("1年", "统一年度预算", CHINESE, False),
        ("十万元", "预计节省数十万元", None, False),
        ("10万元", "预计节省数十万元", CHINESE, False),
        ("10个", "几十个业务系统", CHINESE, False),
        ("10万元", "预计节省十万元", CHINESE, True),
        ("5年", "公司成立于二〇〇五年", CHINESE, False),  # a year read digit by digit, not 5
        ("2005年", "公司成立于二〇〇五年", CHINESE, True),
        ("1997年", "成立于一九九七年", CHINESE, True),
        ("8个", "一〇八个", CHINESE, False),
        ("50%", "负百分之五十", CHINESE, False),
        ("120万", "一百二十万", CHINESE, True),
    ],
)
def test_chinese_numerals_that_count_nothing(point, answer, forms, credited):
    assert covered(point, answer, forms) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("2024年", "2024-2025年", True),  # a range of years starts with its first year, the unit written once
        ("2024年", "2024至2025年", True),
        ("2024年", "2024～2025年", True),
        ("2025年", "2024-2025年", True),
        ("2024年", "12024-2025年", False),
        ("200万元", "Q1 200万元，Q2 300万元", True),  # a code, then a number of its own - not "1 200"
        ("300万元", "Q1 200万元，Q2 300万元", True),
        ("120万元", "H1 120万元", True),
        ("1200万元", "合同额1 200万元", True),  # a space-grouped number after no code stays one number
        ("200万元", "合同额1 200万元", False),
    ],
)
def test_year_ranges_and_numbers_after_a_code(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("twenty months", "one hundred twenty months", False),
        ("twenty months", "a hundred and twenty months", False),
        ("one hundred", "one hundred and twenty", False),
        ("two million", "two million five hundred thousand", False),
        ("two hours", "two hours and thirty minutes", False),
        ("one year", "one year and three months", False),
        ("1 year", "1 year and three months", False),
        ("twenty months", "about twenty months", True),
        ("twenty", "twenty thousand", False),
        ("three years", "a contract of three years and a monthly fee", True),
        ("5 minutes", "approval in 5 minutes and a second manual review", True),
        ("2 hours", "2 hours and a minimum of review", True),
        ("phase one", "phase one and two are done", True),
        ("two hours", "two hours and then a break", True),
        ("one hundred", "one hundred people", True),
        ("two hours", "two hours, and one more", True),
    ],
)
def test_english_number_words_are_whole_quantities(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "forms", "credited"),
    [
        ("1%", "只有百分之一的用户", CHINESE, True),  # 一 after 之 of 百分之 is the percentage's number
        ("1.5%", "增长百分之一点五", CHINESE, True),
        ("2亿元", "公司背负2亿元债务", None, True),  # 背负 is a verb: no minus (jieba)
        ("3项任务", "团队肩负3项任务", None, True),
        ("50%", "三年ROI为负50%", None, False),
        ("two years", "the startup raised 5 million two years ago", None, True),  # no number word before million
        ("3 million", "revenue reached 3 million one year after launch", None, True),
        ("2 million", "a 2 million one-time fee", None, True),
        ("1200万元", "投资1200余万元", NumberForms(scale_words=True), True),  # 余 before the scale word
        ("7号", "零零七号", CHINESE, False),  # a code, as 007 is
        ("210", "2**10 gives 1024", None, False),  # ** between digits is no emphasis
        ("__init__", "override __init__ to set it", None, True),  # __ is left alone
    ],
)
def test_review_cases_of_the_v6_rules(point, answer, forms, credited):
    assert covered(point, answer, forms) is credited


def test_a_regex_point_sees_the_answer_as_normalised():
    key = KeyPoint("init", regex=(r"__init__",))
    case = Case(id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(key,))
    assert score_answer(case, "override __init__ to set it").covered == ["init"]
