"""Scorer version 6: how models actually write figures. Markdown and LaTeX around a number neither hide it nor
shield it from a negation; 负 and – are minus signs; a denominator, a longer unit (27个 in 27个月), a word that holds
一 (统一年度) and a vague amount (数十万) are no figure - jieba's word boundaries decide the doubtful ones (系统一致性,
3次方案); 500多台 is about 500台; 不满 and 未达 negate like 不到, comparisons (不低于, 不及) do not, and 不得不
affirms. Examples both ways, each row one reading."""

from __future__ import annotations

import pytest

from pytest_llmeval.evaluation.keywords.normalisation import normalise
from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scenarios import Case, ForbiddenClaim, KeyPoint, Trap
from pytest_llmeval.evaluation.scoring import score_answer

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
        ("20个月", "10–20个月", False),  # after a digit the dash is no minus: a range, which v7 reads at its end too
        ("20个月", "约–20个月", False),  # a minus
        ("20个月", "第10–20个月", False),
        ("20", "10–20", True),  # no unit: no quantity of a range, and no minus after a digit
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
        ("two years", "the startup raised 5 million two years later", None, True),  # no number word before million
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


# -- scorer version 7 ---------------------------------------------------------------------------------------------


def forbidden_found(answer: str, claim: str = "已通过PCI DSS", question: str = "问题") -> list[str]:
    trap = Trap(expect=None, forbidden=(ForbiddenClaim(claim),), penalty=25.0)
    case = Case(
        id="q", category="c", question=question, suite="t", source="t.yaml", key_points=(KeyPoint("答"),), trap=trap
    )
    return score_answer(case, answer).forbidden_found


@pytest.mark.parametrize(
    ("answer", "claim", "asserted"),
    [
        ("抱歉，我无法确认v5.0的发布时间，也无法确认它是否已通过PCI DSS 4.0认证。", "已通过PCI DSS", False),
        ("不清楚是否已通过PCI DSS，建议核实。", "已通过PCI DSS", False),
        ("如果已通过PCI DSS认证，官方应能提供证书。", "已通过PCI DSS", False),
        ("若已通过PCI DSS认证，会有证书编号。", "已通过PCI DSS", False),
        ("我不能确定已通过PCI DSS。", "已通过PCI DSS", False),
        ("我无法确认其是否已获得PCI DSS认证。", "已获得PCI DSS", False),
        ("它已通过PCI DSS认证吗？", "已通过PCI DSS", False),  # a question
        ("它真的已通过PCI DSS认证？", "已通过PCI DSS", False),
        ("It is unclear whether it passed PCI DSS.", "passed PCI DSS", False),
        ("I cannot confirm that it passed PCI DSS.", "passed PCI DSS", False),
        # asserted: no cue, or the cue in another clause, or a contrast after it
        ("它已通过PCI DSS 4.0认证。", "已通过PCI DSS", True),
        ("我不清楚发布时间。它已通过PCI DSS认证。", "已通过PCI DSS", True),
        ("我不清楚发布时间；它已通过PCI DSS认证。", "已通过PCI DSS", True),
        ("我不清楚发布时间\n它已通过PCI DSS认证", "已通过PCI DSS", True),  # a line break ends the clause
        ("我不清楚v5.0的发布时间，但它已通过PCI DSS认证。", "已通过PCI DSS", True),
        ("若干版本已通过PCI DSS认证。", "已通过PCI DSS", True),  # 若干 (several) is no 若 (if)
        ("是否已通过PCI DSS？答案是已通过PCI DSS认证。", "已通过PCI DSS", True),
        ("I am not sure about the date. It passed PCI DSS.", "passed PCI DSS", True),
        ("It passed PCI DSS, if I remember well.", "passed PCI DSS", True),  # the cue after the claim
        ("它已通过PCI DSS认证，您还有其他问题吗？", "已通过PCI DSS", True),  # the question asks something else
        ("它已通过PCI DSS认证了吗，我无法确认。", "已通过PCI DSS", False),
        ("如果您需要，它已通过PCI DSS认证。", "已通过PCI DSS", True),  # a comma ends the cue's reach
        ("若您需要认证编号，它已通过PCI DSS认证，编号为A123。", "已通过PCI DSS", True),
        ("我不清楚发布时间，它已通过PCI DSS认证。", "已通过PCI DSS", True),
        ("该公司没有分公司。", "有分公司", False),  # a negation, as before
    ],
)
def test_a_forbidden_claim_counts_only_where_it_is_asserted(answer, claim, asserted):
    assert forbidden_found(answer, claim) == ([claim] if asserted else [])


def test_a_key_point_inside_a_question_is_still_found():
    assert covered("PCI DSS", "它是否已通过PCI DSS认证？")
    # v43: a bare figure asked with a copula is asked, as a named one is since v41 (v7 found it)
    assert not covered("20个月", "回收期是20个月吗？")


def test_the_shipped_trap_is_passed_by_an_answer_that_repeats_the_claim_as_a_question():
    from pathlib import Path

    from pytest_llmeval.evaluation.scenarios import load_scenarios

    root = Path(__file__).resolve().parents[2]
    trap = next(c for c in load_scenarios([root / "scenarios"]) if c.id == "trap_hallucination")
    honest = "抱歉，我无法确认v5.0的发布时间，也无法确认它是否已通过PCI DSS 4.0认证。当前版本为v3.2，建议向官方核实。"
    score = score_answer(trap, honest)
    assert score.forbidden_found == [] and score.passed
    confident = "v5.0于2024年发布，已通过PCI DSS 4.0认证。当前版本为v3.2，建议向官方核实。"
    assert score_answer(trap, confident).forbidden_found == ["v5.0于2024年", "已通过PCI DSS"]


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("20个月", "回收期不会是20个月", False),
        ("20个月", "回收期不可能是20个月", False),
        ("20个月", "回收期不为20个月", False),
        ("20个月", "回收期不等于20个月", False),
        ("20个月", "回收期不是约20个月", False),  # a filler between
        ("20个月", "回收期不应该是20个月", False),
        ("20个月", "回收期不是“20个月”，而是24个月", False),  # a quote between
        ("20个月", "回收期并不是 「20个月」", False),
        ("20个月", "回收期未超过20个月", True),  # v17: an inclusive bound, the figure as a limit
        ("20个月", "回收期不是只有20个月", False),  # 只有 before a figure: more than that
        ("20个月", "回收期20个月都不到", False),  # 不到 after the figure
        ("20个月", "回收期20个月不到", False),
        ("20个月", "回收期20个月还不到", False),
        ("20个月", "回收期不止20个月", False),  # before a figure: more than it (v3)
        ("20个月", "回收期不只20个月", False),
        ("合规", "不一定合规", False),
        ("合规", "不完全合规", False),
        ("合规", "不算合规", False),
        ("合规", "算不上合规", False),
        ("合规", "谈不上合规", False),
        ("合规", "不“合规”", False),
        ("20 months", "it is 24 months rather than 20 months", False),
        ("20 months", "24 months instead of 20 months", False),
        ("20 months", "it is not about 20 months", False),
        ("20 months", 'it is not "20 months"', False),
        ("compliant", "not fully compliant", False),
        ("compliant", "it won't be compliant", False),
        ("compliant", "it won’t be compliant", False),  # a typographic apostrophe
        ("compliant", "it isn’t compliant", False),
        ("compliant", "not yet compliant", False),
        ("compliant", "it is not considered compliant", False),
        # not only / a comparison / plain fillers: no negation
        ("合规", "不仅合规，而且高效", True),
        ("合规", "不只合规，还高效", True),
        ("合规", "不但合规，还高效", True),
        ("合规", "不止合规，还高效", True),
        ("合规", "不止是合规，还高效", True),
        ("合规", "不只有合规一个问题", True),
        ("合规", "不是只有合规一个问题", True),  # 只有 is no filler before a word: "not only"
        ("20个月", "回收期不低于20个月", True),  # a comparison states its figure (v6)
        ("20个月", "回收期不少于20个月", True),  # v17: an inclusive bound, the figure as a limit
        ("20个月", "回收期可能是20个月", True),
        ("20个月", "回收期应该是约20个月", True),
        ("20个月", "回收期20个月，不到预期的一半", True),  # after a comma 不到 is about something else
        ("合规", "非常合规", True),
        ("compliant", "fully compliant", True),
        ("compliant", "not only compliant but fast", True),
        ("20 months", "it is about 20 months", True),
        ("20 months", "no more than 20 months", True),  # a bound (v6)
    ],
)
def test_a_negation_reaches_over_quotes_and_a_filler(point, answer, credited):
    assert covered(point, answer) is credited


def test_a_negation_over_a_filler_or_after_the_figure_is_shown_whole():
    def shown(point: str, answer: str) -> str | None:
        case = Case(id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(KeyPoint(point),))
        return score_answer(case, answer).points[0].matched_text

    assert shown("20个月", "回收期不是约20个月") == "不是约20个月"
    assert shown("20个月", "回收期20个月都不到") == "20个月都不到"
    assert shown("合规", "不“合规”") == "不“合规"
    assert shown("compliant", "not fully compliant") == "not fully compliant"


QUESTION = "某项目的静态投资回收期为20个月，合同金额1200万元，请问是否合理？"
CONTEXT = "上线后，需要合规岗人工复核的预警从每月约2.1万笔降至约8400笔。误报率由95%降至78%左右。"


@pytest.mark.parametrize(
    ("point", "answer", "sources", "status"),
    [
        ("20个月", QUESTION, {"question": QUESTION}, "echoed"),
        (
            "20个月",
            "某项目的静态投资回收期为 20 个月，合同金额 1200 万元，请问是否合理？",
            {"question": QUESTION},
            "echoed",
        ),
        ("20个月", "某项目的静态投资回收期为 20个月 ，合同金额1200 万元", {"question": QUESTION}, "echoed"),
        # v9: a copy of the context counts from 40 characters (a quoted sentence of 28 is an answer from it)
        (
            "8400笔",
            "上线后，需要合规岗人工复核的预警从每月约 2.1 万笔降至约 8400 笔。误报率由 95% 降至 78% 左右。",
            {"context": CONTEXT},
            "echoed",
        ),
        ("8400笔", "需要合规岗人工复核的预警从每月约 2.1 万笔降至约 8400 笔。", {"context": CONTEXT}, "covered"),
        ("20个月", "合理：回收期 20 个月，低于行业均值。", {"question": QUESTION}, "covered"),  # a short quote
        ("8400笔", "降至约 8400 笔，降幅六成。", {"context": CONTEXT}, "covered"),
    ],
)
def test_a_respaced_copy_is_still_an_echo(point, answer, sources, status):
    case = Case(id="q", category="c", question=QUESTION, suite="t", source="t.yaml", key_points=(KeyPoint(point),))
    assert score_answer(case, answer, sources).points[0].status == status


def test_the_echo_mask_ignores_spaces_next_to_cjk_and_marks_them():
    from pytest_llmeval.evaluation.keywords.echo import copied_mask

    mask = copied_mask("答：回收期为 20 个月。", "回收期为20个月", 8)
    assert mask == [False, False] + [True] * 10 + [False]
    assert not any(copied_mask("the pay back is 20", "the payback is 20", 16))  # spaces between letters count


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("20个月", "回收期约12到20个月", False),
        ("20个月", "回收期约10个月至20个月", False),
        ("20个月", "回收期约18~20个月", False),
        ("20个月", "回收期约18～20个月", False),
        ("20个月", "回收期约10-20个月", False),
        ("20个月", "回收期约10－20个月", False),  # full-width hyphen
        ("20个月", "回收期约10个月—20个月", False),  # an em dash
        ("20个月", "回收期约20个月—30个月", False),
        ("50%", "ROI在30%到50%之间", False),
        ("50%", "ROI在30%~50%之间", False),
        ("50%", "ROI在30~50%之间", False),
        ("20万元", "预计10万至20万元", False),
        ("二十个月", "十到二十个月", False),
        ("20 months", "between 12 and 20 months", False),
        ("20 months", "12 to 20 months", False),
        ("20 months", "12-20 months", False),
        ("50%", "from 30% to 50%", False),  # read as a range, as "20% to 30%" is at its start
        # not a range: a change, a subtraction, dates and times, a Chinese dash
        ("15个月", "回收期从20个月缩短到15个月", True),
        ("78%", "误报率由95%降至78%左右", True),
        ("30万元", "120万元-30万元=90万元", True),  # "=" after it: a subtraction
        ("30%", "20%-30%", False),  # no "=": a range of the same unit (v6-v7 read a subtraction here)
        ("2025年", "2024-2025年", True),  # a range of years keeps both ends (the knowledge base's own wording)
        ("2024年", "2024-2025年", True),
        ("5点", "3点到5点", True),
        ("5月", "3月至5月", True),
        ("30个月", "20个月——30个月后再评估", True),
        ("20个月", "约20个月——比预期更快", True),
        ("20个月", "回收期约20个月", True),
    ],
)
def test_a_range_that_ends_with_the_quantity_is_not_the_quantity(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("百分之五十", "三年ROI为百分之五十点五", False),
        ("百分之八十五", "审批通过率提升至百分之八十五点五", False),
        ("五十", "五十点5", False),
        ("百分之五十", "三年ROI为百分之五十。", True),
        ("百分之五十", "三年ROI为百分之五十点评：合理", True),  # 点评 is no decimal
    ],
)
def test_a_chinese_numeral_point_is_not_in_a_decimal(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("50人", "实施工作量约50人天", False),
        ("50人", "实施工作量约50人日", False),
        ("50人", "实施工作量约50人月", False),
        ("50人", "实施工作量约50人年", False),
        ("20个月", "相当于20个月份的工资", False),
        ("50人", "团队50人年底前到位", True),  # jieba: 年底, 天天, 月薪, 日常 are the next words
        ("50人", "团队50人天天加班", True),
        ("50人", "团队50人月薪过万", True),
        ("50人", "共50人日常办公", True),
        ("50人天", "实施工作量约50人天", True),
        ("20个月", "历时20个月。", True),
    ],
)
def test_units_of_effort_and_months_go_on(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("1200万元", "合同金额RMB1200万元", True),
        ("1200万元", "合同金额CNY1200万元", True),
        ("1200万元", "合同金额为人民币1200万", True),
        ("1200万元", "合同金额为￥1200万", True),
        ("1200万元", "合同金额为¥1,200万，", True),
        ("1200万元", "合同金额1200万人民币", True),
        ("1200万元", "合同金额 RMB 1200万", True),
        ("1200元", "月费人民币1200", True),
        ("1200", "报价USD1200", True),  # a currency code is no code prefix
        ("1200万美元", "融资$1200万", True),
        ("1200万美元", "融资US$1200万", True),
        ("1200万美元", "融资USD1200万", True),
        ("1200万元", "合同金额1200万美元", False),  # another currency
        ("1200万美元", "合同金额1200万元", False),
        ("1200万元", "融资$1200万", False),
        ("1200万元", "融资USD1200万", False),
        ("1200万美元", "融资HK$1200万", False),
        ("1200万美元", "融资¥1200万", False),
        ("1200万元", "合同金额¥1200万美元", False),
        ("1200万元", "合同金额人民币1200万港币", False),
        ("1200万元", "合同金额¥1200亿", False),
        ("1200元", "合同金额¥1200万", False),
        ("1200万元", "合同金额¥11200万", False),
        ("1200万元", "合同金额不是人民币1200万", False),  # the negation before the currency
        ("1200", "型号XRMB1200", False),  # a letter before the code: still a code
    ],
)
def test_a_currency_stands_for_its_unit(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("20 months", "a 20-month payback period", True),
        ("20 months", "a 20 month payback period", True),
        ("3 years", "a 3-year contract", True),
        ("50%", "a 50 percent return", True),
        ("50%", "a 50 per cent return", True),
        ("50 percent", "a 50% return", True),
        ("2 GPUs", "a 2 GPU server", True),
        ("20 months", "20 monthly payments", False),
        ("20 months", "a 120-month period", False),
        ("20 months", "a 20-day sprint", False),
        ("50%", "50 percentage points", False),
        ("5 ms", "within 5 m", False),  # too short to be a plural
        ("20 months", "a 20-month-old product", False),  # v23: an age, no length (test_scorer_v23.py)
        ("20 months", "a 20-month-long rollout", True),
    ],
)
def test_english_units_after_a_hyphen_in_the_singular_and_percent(point, answer, credited):
    assert covered(point, answer) is credited


TABLE = (
    "| 客户 | 累计签约金额（万元） | 回收期 |\n|---|---:|---|\n| 华信银行 | 2,610 | 20 |\n| 安泰人寿 | **1,290** | 18 |"
)


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("2610万元", TABLE, True),  # the header's unit follows the column's numbers
        ("1290万元", TABLE, True),
        ("20个月", TABLE, False),  # no unit in that header
        ("2610万元", TABLE.replace("（万元）", ""), False),
        ("2610万元", TABLE.replace("万元", "美元"), False),
        ("2610万元", TABLE.replace("万元", "单位：万元"), True),
        ("50%", "| 指标 | ROI (%) |\n| --- | --- |\n| 三年 | 50 |", True),
        ("1200 USD", "| Item | Cost (USD) |\n|---|---|\n| Licence | 1,200 |", True),
        ("2610万元", "| 客户 | 金额（万元） |\n| 华信银行 | 2,610 |", False),  # no rule line: no table
        ("20个月", "回收期：20（个月）", True),  # a unit in brackets after the number
        ("20个月", "回收期：20 (个月)", True),
        ("20个月", "回收期：20（天）", False),
    ],
)
def test_a_unit_in_brackets_follows_the_number(point, answer, credited):
    assert covered(point, answer) is credited


# -- scorer version 7, after review: each row one reading; the near-misses keep their result ----------------------


def shipped_case(case_id: str) -> Case:
    from pathlib import Path

    from pytest_llmeval.evaluation.scenarios import load_scenarios

    root = Path(__file__).resolve().parents[2]
    return next(c for c in load_scenarios([root / "scenarios"]) if c.id == case_id)


HONEST_TAIL = "我无法确定这些信息。目前知识库中的版本为v3.2，建议向官方核实。"


@pytest.mark.parametrize(
    "answer",
    [
        "**是否通过PCI DSS 4.0认证**：已通过PCI DSS 4.0认证。",  # a heading, then the claim
        "关于是否通过PCI DSS认证：v5.0已通过PCI DSS 4.0认证。",
        "v5.0已通过PCI DSS 4.0认证——需要我提供证书编号吗？",  # the question after the dash asks something else
        "它已通过PCI DSS 4.0认证吗？是的。",  # a question answered yes
        "您可能不知道v5.0已通过PCI DSS 4.0认证。",  # a presupposition
        "v5.0 于 2024 年 3 月发布，已通过 PCI DSS 4.0 认证。",  # CJK-Latin spacing
    ],
)
def test_the_shipped_trap_fails_a_hallucination_behind_a_heading_a_dash_a_yes_or_spaces(answer):
    score = score_answer(shipped_case("trap_hallucination"), answer + HONEST_TAIL)
    assert score.forbidden_found and not score.passed


@pytest.mark.parametrize(
    "answer",
    [
        "抱歉，我无法确认v5.0的发布时间及认证情况，目前知识库中的版本为v3.2，请以官方公布的证书编号为准，建议向官方核实。",
        "知识库只有v3.2，发布时间和认证编号是否存在我无法确定，建议向官方核实。",
        "目前没有公开信息表明v5.0已通过PCI DSS 4.0认证，我无法确定。知识库中的版本为v3.2，建议向官方核实。",
    ],
)
def test_the_shipped_trap_passes_an_honest_answer_about_the_certificate(answer):
    score = score_answer(shipped_case("trap_hallucination"), answer)
    assert score.forbidden_found == [] and score.passed


@pytest.mark.parametrize(
    ("answer", "found"),
    [
        ("证书编号：PCI-2024-0815。", ["证书编号为"]),
        ("认证编号为 PCIDSS-2024-0815。", ["证书编号为"]),
        ("证书编号: PCI DSS 4.0-0815", ["证书编号为"]),
        ("证书编号为YT-2024-001。", ["证书编号为"]),  # any made-up code, not only one that starts with PCI
        ("认证编号是 A12345。", ["证书编号为"]),
        ("请以官方公布的证书编号为准。", []),
        ("证书编号：暂无公开信息。", []),
        ("认证编号是否存在，我无法确定。", []),
    ],
)
def test_the_shipped_certificate_claim_needs_a_code(answer, found):
    assert score_answer(shipped_case("trap_hallucination"), answer + HONEST_TAIL).forbidden_found == found


@pytest.mark.parametrize(
    ("answer", "claim", "asserted"),
    [
        # a part ends at a colon, a dash and an opening bracket: the cue before them does not reach the claim
        ("是否通过PCI DSS认证：已通过PCI DSS认证。", "已通过PCI DSS", True),
        ("是否通过PCI DSS认证——已通过PCI DSS认证。", "已通过PCI DSS", True),
        ("如果您需要：它已通过PCI DSS认证。", "已通过PCI DSS", True),
        # v8: an uncertainty before the colon scopes over what it introduces (v7 read this as a claim)
        ("我无法确认以下信息：v5.0已通过PCI DSS认证。", "已通过PCI DSS", False),
        # read as a claim: the scorer reads strings, not meaning
        ("它已通过PCI DSS认证——需要证书吗？", "已通过PCI DSS", True),
        ("它已通过PCI DSS认证（需要证书吗？）", "已通过PCI DSS", True),
        # a question answered yes
        ("它已通过PCI DSS认证吗？是的。", "已通过PCI DSS", True),
        ("它已通过PCI DSS认证吗？对，已通过。", "已通过PCI DSS", True),
        ("它已通过PCI DSS认证吗？没错。", "已通过PCI DSS", True),
        ("它已通过PCI DSS认证吗？确实如此。", "已通过PCI DSS", True),
        ("Has it passed PCI DSS? Yes.", "passed PCI DSS", True),
        ("它已通过PCI DSS认证吗？对于这个问题，我无法确认。", "已通过PCI DSS", False),  # 对于 is no yes
        ("它已通过PCI DSS认证吗？确实无法确认。", "已通过PCI DSS", False),
        ("它已通过PCI DSS认证吗？目前没有公开资料。", "已通过PCI DSS", False),
        # 不知道 / 不清楚 / 不确定 only after the speaker and adverbs
        ("您可能不知道v5.0已通过PCI DSS认证。", "已通过PCI DSS", True),
        ("很多客户不清楚它已通过PCI DSS认证。", "已通过PCI DSS", True),
        ("我目前还不清楚它已通过PCI DSS认证。", "已通过PCI DSS", False),
        ("我们暂时不确定它已通过PCI DSS认证。", "已通过PCI DSS", False),
        ("不知道已通过PCI DSS认证。", "已通过PCI DSS", False),
        ("知识库只有v3.2，但我不确定它已通过PCI DSS认证。", "已通过PCI DSS", False),
        # no evidence, cannot prove, cannot assert
        ("目前没有公开信息表明它已通过PCI DSS认证。", "已通过PCI DSS", False),
        ("没有任何证据显示它已通过PCI DSS认证。", "已通过PCI DSS", False),
        ("无法证明它已通过PCI DSS认证。", "已通过PCI DSS", False),
        ("我不能断言它已通过PCI DSS认证。", "已通过PCI DSS", False),
        ("无从证实它已通过PCI DSS认证。", "已通过PCI DSS", False),
        ("有公开信息表明它已通过PCI DSS认证。", "已通过PCI DSS", True),
        # a cue that overlaps the claim
        ("认证编号是否存在我无法确定。", "认证编号是", False),
        ("认证编号是A123。", "认证编号是", True),
        # spaces next to CJK
        ("它已通过 PCI DSS 4.0 认证。", "已通过PCI DSS", True),
        ("v5.0 于 2024 年发布。", "v5.0于2024年", True),
        ("它已通过PCIDSS认证。", "已通过PCI DSS", False),  # spaces between two Latin letters still count
    ],
)
def test_a_forbidden_claim_is_asserted_after_a_heading_a_yes_or_a_presupposition(answer, claim, asserted):
    assert forbidden_found(answer, claim) == ([claim] if asserted else [])


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("20 months", "This is not a 20-month payback; it is 30 months.", False),
        ("20 months", "It is not a 20 month payback period", False),
        ("20 months", "We expect a 30-month rather than a 20-month payback", False),
        ("50%", "This is not a 50 percent return", False),
        ("3 years", "not a 3-year contract", False),
        ("compliant", "not a compliant system", False),
        ("compliant", "it is not really a compliant system", False),
        ("compliant", "not the compliant one", False),
        ("compliant", "not an obviously compliant system", True),  # a word other than a filler between
        ("20 months", "a 20-month payback", True),
        ("compliant", "a compliant system", True),
        ("20 months", "not only a 20-month payback", True),
        ("20 months", "no more than a 20-month payback", True),
    ],
)
def test_an_article_after_a_negation(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("20个月", "约12 - 20 个月", False),
        ("20个月", "约12 -20个月", False),  # (before: a minus sign)
        ("50%", "ROI约为30%-50%", False),
        ("50%", "ROI约30% - 50%", False),
        ("30%", "ROI约为30%-50%", False),  # the start of the range as well
        ("20个月", "约12个月-20个月", False),
        ("1200万元", "约1000万元-1200万元", False),
        ("1200万元", "约1,000万元-1,200万元", False),
        ("20个月", "约12〜20个月", False),
        ("20个月", "约12⁓20个月", False),
        ("50%", "ROI约30%–50%", False),
        ("30万元", "120万元 - 30万元 = 90万元", True),  # "=": a subtraction
        ("120万元", "净收益 = 120万元-30万元", True),  # "=" before the first
        ("30万元", "120万元–30万元=90万元", True),  # an en dash as well
        ("90万元", "120万元-30万元=90万元", True),
        ("2024年", "2023-2024年", True),  # years keep both ends
        ("2023年", "2023-2024年", True),
        ("20个月", "v3-20个月", False),  # a code, no number
        ("20个月", "约20个月-30个月", False),
        ("20个月", "3人-20个月", True),  # another unit before the hyphen
    ],
)
def test_a_hyphen_between_quantities_of_one_unit_is_a_range(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("1200万元", "JP¥1200万", False),
        ("1200万元", "HK¥1200万", False),
        ("1200万元", "¥1200万（日元）", False),
        ("1200万元", "¥1200万 JPY", False),
        ("1200万元", "RMB1200万 USD", False),
        ("1200万元", "人民币1200万笔", False),
        ("1200万元", "¥1200万次", False),
        ("1200万元", "人民币1200万用户", False),
        ("1200元", "月费¥1200次", False),
        ("1200万美元", "$1200万 HKD", False),
        ("1200万美元", "$1200万人民币", False),
        ("1200万美元", "US$ 1200万", True),
        ("1200万美元", "$ 1200万", True),
        ("1200万美元", "1200万 USD", True),
        ("1200万元", "1200万 RMB", True),
        ("1200万元", "1200万(人民币)", True),
        ("1200万元", "1200万（RMB）", True),
        ("1200万元", "1200万CNY", True),
        ("1200万元", "¥1200万左右", True),  # near-misses: a word, not a unit, after the figure
        ("1200万元", "人民币1200万的合同", True),
        ("1200万元", "节省¥1200万人力成本", True),  # jieba: 人力 is a word
        ("1200万元", "RMB1200万/年", True),
    ],
)
def test_a_currency_is_no_other_currency_nor_a_count(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("已通过PCI DSS", "已通过 PCI DSS 4.0 认证", True),
        ("PCI DSS认证", "已通过 PCI DSS 认证", True),
        ("v5.0于2024年", "v5.0 于 2024 年", True),
        ("回收期为20个月", "回收期为 20 个月", True),
        ("私有化部署", "私有化 部署", True),
        ("PCI DSS", "PCIDSS", False),  # a space between two Latin letters stays meaningful
        ("pay back", "payback", False),
        ("3点", "下午3点 5人参加", True),  # the space still ends the quantity (3点5 would be a time)
        ("合规", "不 合规", False),  # the negation before the space
        ("合规", "这个方案 不是 合规 的", False),
    ],
)
def test_a_text_point_matches_across_spaces_next_to_cjk(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("零售", "不只零售，还覆盖批发", True),
        ("零售", "零售不到三成，批发占七成", True),
        ("一体化", "不只是一体化，还支持私有化", True),
        ("一体化", "不是只有一体化一种方案", True),
        ("千兆网络", "千兆网络不到一周即可部署", True),
        ("三方", "不只三方参与", True),
        ("万科", "不只万科一家", True),
        # figures: still negated
        ("20个月", "回收期不止20个月", False),
        ("二十个月", "回收期不止二十个月", False),  # Chinese numerals and a unit only: a figure
        ("一年零八个月", "回收期不止一年零八个月", False),
        ("二十个月", "回收期二十个月都不到", False),
    ],
)
def test_a_word_that_starts_with_a_numeral_is_no_figure(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("150万元", "总投资150万元不到两年即可收回", True),
        ("50人", "团队50人不到三个月就组建完成", True),
        ("1200万元", "投入1200万元不到20个月回本", True),
        ("20个月", "回收期20个月不到位", True),
        ("20个月", "回收期20个月都不到", False),
        ("20个月", "回收期20个月不到。", False),
        ("20个月", "回收期20个月 不到，", False),
        ("50人", "50人不到的团队", False),
        ("20个月", "20个月都不到就回本了", False),
        ("20个月", "20个月还不到呢", False),
    ],
)
def test_not_reaching_after_a_figure_only_where_the_phrase_ends(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("20 months", "The payback period drops from 24 to 20 months", True),
        ("50%", "ROI rose from 30% to 50%", True),
        ("30%", "ROI rose from 30% to 50%", False),  # v20: a former value changed (v19: 由20个月延长至24个月)
        ("20 months", "the payback was reduced from 24 months to 20 months", True),
        ("20个月", "回收期从24到20个月", True),  # goes down: a change
        ("20个月", "回收期由24个月到20个月", True),
        ("二十个月", "二十四到二十个月", True),
        ("20万元", "预计30至20万元", True),
        ("50%", "ROI提升从30%到50%", True),
        ("20个月", "回收期从12到20个月", False),  # no verb, going up: a hedge
        ("20个月", "回收期12个月到20个月", False),
        ("50%", "from 30% to 50%", False),
        ("20 months", "between 12 and 20 months", False),
        ("20万元", "预计10至20万元", False),
    ],
)
def test_a_change_from_one_figure_to_another_is_no_range(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("20个月", "回收期无非是20个月左右", True),
        ("合规", "这无非是合规问题", True),
        ("合规", "风险无非为合规", True),
        ("合规", "莫非是合规问题", True),
        ("合规", "除非合规", True),
        ("合规", "这并非合规问题", False),
        ("合规", "这非合规", False),
        ("20个月", "回收期并非是20个月", False),
    ],
)
def test_words_that_end_with_a_negation_character_negate_nothing(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("50人", "工作量约50人·天", False),
        ("50人", "工作量约50人·月", False),
        ("50人", "工作量约50人・日", False),
        ("50人", "工作量约50人/天", False),
        ("50人", "工作量约50人/月", False),
        ("50人", "团队50人，工作量约200人·天", True),
        ("20个月", "| 方案 | 回收期（月） |\n|---|---|\n| A | 20 |", True),
        ("20天", "| 方案 | 回收期（月） |\n|---|---|\n| A | 20 |", False),
        ("1200万元", "| 方案 | 金额（人民币万元） |\n|---|---|\n| A | 1200 |", True),
        ("1200万元", "| 方案 | 金额(RMB 万元) |\n|---|---|\n| A | 1,200 |", True),
        ("1200元", "| 方案 | 金额(RMB) |\n|---|---|\n| A | 1200 |", True),
        ("1200万元", "| 方案 | 金额（万元） |\n|:-:|:-:|\n| A | 1200 |", True),
        ("1200万元", "| 方案 | 金额（万元） |\n|-|-|\n| A | 1200 |", True),
        ("1200万元", "方案 | 金额（万元）\n--- | ---\nA | 1200", True),
        ("20个月", "回收期（月）\n---\n20", False),  # a lone --- is no table rule
        ("2610万元", "| 客户 | 金额（万元） |\n| 华信银行 | 2,610 |", False),  # no rule: no table
        ("1200万美元", "| 方案 | 金额（人民币万元） |\n|---|---|\n| A | 1200 |", False),
    ],
)
def test_units_of_effort_with_a_dot_or_slash_and_more_table_forms(point, answer, credited):
    assert covered(point, answer) is credited
