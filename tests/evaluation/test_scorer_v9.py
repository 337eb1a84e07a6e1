"""Scorer version 9: figures as list markers and LaTeX write them. A circled or full-stop list marker (①, ⒈) is a
label, not a digit of the figure after it (NFKC made ①20万元 120万元); \\boxed{}, \\textit{}, \\underline{}, \\bm{},
\\color{}{} and TeX spaces no longer hide a figure. Each row one reading; the near-misses keep their verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_llmeval.evaluation.keywords.normalisation import normalise, strip_thinking
from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scenarios import Case, ForbiddenClaim, KeyPoint, Trap
from pytest_llmeval.evaluation.scoring import score_answer


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
        # v17: "will not / did not exceed" are inclusive bounds, which state their figure as a limit
        ("20个月", "回收期不会超过20个月", True),
        ("20个月", "回收期没有超过20个月", True),
        ("20个月", "回收期没超过20个月", True),
        ("20个月", "回收期不需要20个月", False),
        ("20个月", "回收期不需要约20个月", False),
        ("20个月", "回收期用不了20个月", False),
        ("20个月", "回收期要不了20个月", False),
        ("审批", "不需要审批", False),  # a text point right after 不需要 is negated too
        ("GPU", "用不了GPU", False),
        ("不需要审批", "该场景不需要审批", True),  # a point that carries the negation is matched as written
        ("20个月", "回收期超过20个月", False),  # v17: a strict bound names another value
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
        ("1次", "第一次", False),  # v16: an ordinal, the first time, is no count (仅发生一次 is)
        ("1次", "仅发生一次", True),
        ("一次性支付", "一次性支付", True),  # a point that holds the word
        ("十分重要", "十分重要", True),
        ("一次性支付120万元", "一次性支付一百二十万元", True),
        ("120万元", "一次性支付一百二十万元", True),
    ],
)
def test_a_numeral_in_a_word_that_counts_nothing(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer, CN) is expected


SW = NumberForms(scale_words=True)


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        ("1200万元", "1200万元港币", None, False),  # another currency after 元
        ("1200万元", "1200万元（港币）", None, False),
        ("1200万元", "1200万元 港元", None, False),
        ("1200万元", "1200万元新台币", None, False),
        ("1200万元", "1200万元美金", None, False),
        ("1200万元", "¥1200万元港币", None, False),
        ("1200万元", "一千二百万元港币", CN, False),
        ("30元", "30元美金", None, False),
        ("1200万元", "1200万元人民币", None, True),  # 元 is renminbi
        ("1200万元", "1200万元(人民币)", None, True),
        ("1200万元", "1200万元，港币另计", None, True),
        ("1200万港元", "1200万港元", None, True),
        ("30元", "30元/人", None, True),
    ],
)
def test_yuan_followed_by_another_currency(point: str, answer: str, forms: NumberForms | None, expected: bool) -> None:
    assert covered(point, answer, forms) is expected


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        ("20人", "20人民币", None, False),  # money
        ("20人", "约20人民币", None, False),
        ("20人", "二十人民币", CN, False),
        ("3天", "3天线", None, False),  # antennas
        ("3天", "3天然气", None, False),
        ("20人", "20人参加", None, True),
        ("20人", "20人民主评议", None, True),  # jieba: 人|民主评议
        ("3天", "3天线上培训", None, True),  # online
        ("3天", "3天然后出发", None, True),  # then
        ("3天", "需要3天。", None, True),
    ],
)
def test_a_unit_that_runs_into_a_word(point: str, answer: str, forms: NumberForms | None, expected: bool) -> None:
    assert covered(point, answer, forms) is expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("1200万元", "方案1 200万元，方案2 300万元", False),  # a label's number, then a figure
        ("200万元", "方案1 200万元，方案2 300万元", True),
        ("300万元", "方案1 200万元，方案2 300万元", True),
        ("2300万元", "问题2 300万元", False),
        ("300万元", "问题2 300万元", True),
        ("1200万元", "第1 200万元", False),
        ("200万元", "阶段1 200万元", True),
        ("1200", "步骤1 200", False),
        ("200", "选项 1 200", True),
        ("1200万元", "1 200万元", True),  # no label: one number
        ("1200万元", "共1 200万元", True),
        ("1200万元", "二期1 200万元", True),  # 二期 is a complete label
    ],
)
def test_a_labels_number_before_a_digit_group(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20%", "增长率为—20%", False),  # an em dash as a minus sign
        ("20%", "增长率为 —20%", False),
        ("-20%", "增长率为—20%", True),
        ("20%", "增长——20%", True),  # a Chinese dash pair
        ("20%", "——20%", True),
        ("20%", "10%—20%", False),  # a range, as before
        ("10%", "10%—20%", False),
        ("20%", "a—20%", True),  # after a letter
        ("20个月", "20个月——这是结论", True),
    ],
)
def test_an_em_dash_as_a_minus_sign(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("1997", "电话 021-1997-8888", False),
        ("8888", "电话 021-1997-8888", False),
        ("820", "400-820-8820", False),
        ("19978888", "021-19978888", False),  # an area code, then the number
        ("1997", "tel: 1997-8888", False),
        ("1997", "电话：1997-8888", False),
        ("2024", "2024-2025-2026", False),
        ("400-820-8820", "拨打400-820-8820", True),  # a point written so: as text, digit for digit
        ("400-820-8820", "拨打400-820-88201", False),
        ("2024", "2024-05-20", True),  # a date's year
        ("2019年", "2019-2020年", True),  # a range of years
        ("2020年", "2019-2020年", True),
        ("50", "30-50", True),
        ("1997", "1997-8888", True),  # two groups, no area code or phone word: no phone number
        ("30", "10-20-30", True),
        ("100", "100-200-300万元", True),  # a unit follows: figures
        ("2024年", "2020-2022-2024年", True),
    ],
)
def test_phone_numbers_hold_no_figures(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("50%", "~~50%~~ 150%", False),
        ("150%", "~~50%~~ 150%", True),
        ("20个月", "~~20个月~~ 24个月", False),
        ("24个月", "~~20个月~~ 24个月", True),
        ("50%", "<del>50%</del> 60%", False),
        ("60%", "<DEL>50%</DEL> 60%", True),
        ("50%", "<s>50%</s>", False),
        ("50%", "<strike>50%</strike>", False),
        ("50%", "~~ 50% ~~", True),  # no strikethrough with spaces inside the marks
        ("20个月", "<s>回收期约为20个月，因为年净节省额为90万元，总投资为150万元，所以约1.67年即可收回。</s>", True),
        ("20个月", "约~20个月", True),  # a lone ~
        ("20个月", "12~20个月", False),
    ],
)
def test_struck_out_text_is_retracted(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


def test_struck_out_text_is_removed_by_normalise() -> None:
    assert normalise("回收期~~20~~24个月") == "回收期24个月"


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("2年", "1½年", False),  # NFKC made it 11⁄2年
        ("11年", "1½年", False),
        ("1年", "1½年", False),
        ("1.5年", "1½年", True),
        ("2.75", "2¾", True),
        ("3年", "1⅓年", False),  # 1 1/3年
        ("11年", "1⅓年", False),
        ("1年", "1⅓年", False),
        ("2小时", "½小时", False),  # a fraction alone stays one
    ],
)
def test_a_vulgar_fraction_after_digits(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        ("1.2亿元", "1亿2000万元", SW, True),
        ("12000万元", "1亿2000万元", SW, True),
        ("1.2亿元", "1亿2千万元", CN, True),
        ("1.2亿元", "1亿2千万元", SW, True),
        ("15000人", "1万5000人", SW, True),
        ("3500", "3千5百", CN, True),
        ("15000米", "1万5千米", SW, True),
        ("1亿", "1亿2000万元", SW, False),  # its parts stay no figures
        ("2000万元", "1亿2000万元", SW, False),
        ("5000人", "1万5000人", SW, False),
        ("3000", "3千5百", CN, False),
        ("15000", "1万5", SW, False),  # a bare last term has its digits
        ("1.2亿元", "1亿2000万元", None, False),  # without scale words
        ("1亿2000万元", "1亿2000万元", None, True),
        ("1亿2000万元", "1亿2000万元", SW, True),
    ],
)
def test_a_mixed_number_with_scale_words(point: str, answer: str, forms: NumberForms | None, expected: bool) -> None:
    assert covered(point, answer, forms) is expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("1200万元", "一千二百多万元", True),
        ("1200万元", "一千二百余万元", True),
        ("120万", "一百二十多万", True),
        ("120万", "一百二十余万", True),
        ("10万", "十多万", True),  # as 10多万
        ("1200", "一千二百多万元", False),  # 12 million, not 1200
        ("1300万元", "一千二百多万元", False),
        ("10万", "十几万", False),
        ("120万", "一百二十多个", False),
        ("120个", "一百二十多个", True),
    ],
)
def test_about_a_chinese_numeral_with_a_scale_word(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer, CN) is expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("ISO 27001", "已通过ISO27001认证", True),
        ("ISO27001", "已通过 ISO 27001 认证", True),
        ("ISO 27001", "ISO/IEC 27001", True),
        ("ISO 27001", "ISO/IEC27001", True),
        ("ISO/IEC 27001", "ISO 27001", True),
        ("PCI DSS 4.0", "PCI DSS4.0", True),
        ("PCI DSS4.0", "PCI DSS 4.0", True),
        ("ISO 27001", "ISO 270012", False),  # still whole numbers and words
        ("ISO 27001", "ISO27002", False),
        ("ISO 27001", "ISO/IEC 27002", False),
        ("ISO27001", "ISO 27001.5", False),
        ("PCI DSS 4.0", "PCI DSS4.01", False),
        ("ISO 27001", "XISO 27001", False),
    ],
)
def test_a_standards_name_with_or_without_a_space(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


def test_a_standards_other_spelling_reports_the_form_as_written() -> None:
    case = Case(id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(KeyPoint("ISO 27001"),))
    point = score_answer(case, "已通过ISO27001认证").points[0]
    assert (point.status, point.matched, point.matched_text) == ("covered", "ISO 27001", "iso27001")


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20%", "在南非20%的市场份额", True),  # South Africa
        ("20%", "在北非20%的市场份额", True),
        ("20%", "南非约20%", True),
        ("合规", "南非合规", True),
        ("20%", "非20%", False),  # a negation, as before
        ("20%", "并非20%", False),
        ("合规", "非合规", False),
    ],
)
def test_africa_is_no_negation(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


KB = Path(__file__).resolve().parents[2] / "scenarios" / "knowledge" / "companies" / "huaxin_bank.md"


def test_an_answer_that_quotes_the_retrieved_sentences_is_credited_a_dump_of_them_is_not() -> None:
    """With RAG the echo guard discounted copies of 24 characters of the context: an answer built of the knowledge
    base's own lines scored 17. Copies of 40 characters or more are copying now; a dump of the document still scores
    0."""
    from pytest_llmeval.evaluation.scenarios import load_scenarios

    case = next(c for c in load_scenarios([KB.parents[2]]) if c.id == "kb_company_background")
    context = KB.read_text(encoding="utf-8")
    sources = {"question": case.question, "context": context}
    quoted = (
        "- 资产规模：约5800亿元（2023年末）\n- 员工人数：4300人\n\n1997年由苏州当地多家城市信用社合并组建，"
        "总部位于江苏省苏州市。\n\n痛点：信用卡欺诈：2019年信用卡欺诈损失约3200万元，原有规则系统只能事后发现。\n"
        "反洗钱：可疑交易预警每月需人工复核2.1万笔以上。"
    )
    assert score_answer(case, quoted, sources).score == 100
    assert score_answer(case, context, sources).score == 0
    assert score_answer(case, context[: len(context) // 2], sources).score == 0


# --- honest answers to a trap, and what they disclaim ---

TRAP = Case(
    id="q",
    category="c",
    question="问题",
    suite="t",
    source="t.yaml",
    key_points=(KeyPoint("核实"),),
    trap=Trap(expect="uncertainty", forbidden=(ForbiddenClaim("已通过PCI DSS"),), penalty=25.0),
)


def shipped_trap() -> Case:
    from pytest_llmeval.evaluation.scenarios import load_scenarios

    root = Path(__file__).resolve().parents[2] / "scenarios"
    return next(c for c in load_scenarios([root]) if c.id == "trap_hallucination")


def uncertainty_credited(answer: str) -> bool:
    return score_answer(TRAP, answer).points[-1].status == "covered"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("暂无v5.0发布的公开信息", True),
        ("目前尚无v5.0这一版本", True),
        ("我查不到v5.0的发布时间", True),
        ("我没有查到v5.0的发布记录", True),
        ("未查到相关认证", True),
        ("该认证情况未经证实", True),
        ("其认证情况无法证实", True),
        ("其认证情况无法验证", True),
        ("其认证情况无从查证", True),
        ("这方面的情况我不掌握", True),
        ("我没有掌握v5.0的资料", True),
        ("I couldn't find a release date for v5.0", True),
        ("I could not find a release date for v5.0", True),
        ("I am not aware of a v5.0 release", True),
        ("There is no evidence of a v5.0 release", True),
        ("I could not verify the certification", True),
        ("I cannot verify the certification", True),
        ("I am unable to confirm the certification", True),
        ("目前并无公开证据显示其通过认证", True),
        ("没有证据表明其通过认证", True),
        ("未见v5.0发布的公告", True),
        # markers that match too loosely: a confident answer that happens to hold them
        ("v5.0并未改变原有接口", False),
        ("v5.0不存在兼容性问题", False),
        ("很抱歉让您久等了，v5.0新增了图计算", False),
        ("市场存在不确定性，v5.0新增了图计算", False),
        ("为应对不确定因素，v5.0新增了图计算", False),
        ("两者没有相关性", False),
        ("v5.0 is built for an uncertain market", False),
        ("未见异常", False),
        # near-misses that keep their credit
        ("v5.0并未公开发布", True),
        ("v5.0并未有相关记录", True),
        ("v5.0并未改变相关记录的格式", False),
        ("该版本并不存在。", True),
        ("该版本可能不存在相关认证", True),
        ("很抱歉，我这里没有这方面的资料", True),
        ("我不确定", True),
        ("没有相关的信息", True),
        ("It is uncertain whether it passed", True),
        ("It remains uncertain.", True),
        ("v5.0 does not exist", True),
    ],
)
def test_uncertainty_markers(answer: str, expected: bool) -> None:
    assert uncertainty_credited(answer) is expected


def test_an_honest_answer_to_the_shipped_trap_is_credited_its_uncertainty() -> None:
    answer = (
        "根据我掌握的资料，云图智能风控平台目前最新版本为v3.2，暂无v5.0发布的公开信息；该平台是否通过PCI DSS 4.0"
        "认证也未经证实。建议向云图智算官方核实。"
    )
    score = score_answer(shipped_trap(), answer)
    assert score.points[-1].status == "covered"
    assert score.forbidden_found == []
    assert score.score == 100


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("我没有查到智能风控平台v5.0于2024年发布的记录", []),
        ("我查不到v5.0于2024年发布的信息", []),
        ("未查到v5.0于2024年发布的相关信息", []),
        ("未找到该平台已通过PCI DSS 4.0认证的相关信息", []),
        ("没有找到v5.0于2024年发布的记录", []),
        ("没有关于该平台已通过PCI DSS 4.0认证的信息", []),
        ("暂无资料显示该平台已通过PCI DSS 4.0认证", []),
        ("暂无公开资料表明该平台已通过PCI DSS 4.0认证", []),
        ("目前并无公开证据显示该平台已通过PCI DSS 4.0认证", []),
        ("无证据表明该平台已通过PCI DSS 4.0认证", []),
        ("未见该平台已通过PCI DSS 4.0认证的记录", []),
        ("未见v5.0于2024年发布的报道", []),
        ("关于“已通过PCI DSS 4.0认证”这一说法，目前没有公开资料可以证实", []),
        ("“v5.0于2024年发布”的说法并不准确", []),
        ("“已通过PCI DSS 4.0认证”的传言无从查证", []),
        ("未查到以下信息：\n- 已通过PCI DSS 4.0认证", []),  # a disclaimer over its list
        ("没有证据表明该平台已通过PCI DSS 4.0认证", []),  # as in v7
        # near-misses that still claim
        ("未见异常，已通过PCI DSS 4.0认证", ["已通过PCI DSS"]),
        ("未见异常且已通过PCI DSS 4.0认证", ["已通过PCI DSS"]),
        ("我们没有找到问题，v5.0于2024年发布", ["v5.0于2024年"]),
        ("我查不到它的发布时间，但它已通过PCI DSS 4.0认证", ["已通过PCI DSS"]),
        ("“已通过PCI DSS 4.0认证”这一说法属实", ["已通过PCI DSS"]),
        ("“v5.0于2024年发布”的说法是正确的", ["v5.0于2024年"]),
        ("该平台“已通过PCI DSS 4.0认证”，证书见官网", ["已通过PCI DSS"]),
        ("“已通过PCI DSS 4.0认证”是官方公告的原话", ["已通过PCI DSS"]),
    ],
)
def test_disclaimed_claims_are_not_asserted(answer: str, expected: list[str]) -> None:
    assert score_answer(shipped_trap(), answer).forbidden_found == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("| 是否通过PCI DSS 4.0认证 | 已通过PCI DSS 4.0认证 |", ["已通过PCI DSS"]),
        ("| 项目 | 情况 |\n|---|---|\n| 是否通过PCI DSS 4.0认证 | 已通过PCI DSS 4.0认证 |", ["已通过PCI DSS"]),
        ("| 如果需要 | 已通过PCI DSS 4.0认证 |", ["已通过PCI DSS"]),
        # a cue in the claim's own cell still holds
        ("| 认证 | 是否已通过PCI DSS 4.0认证 |", []),
        ("| 认证 | 无法确认其是否已通过PCI DSS 4.0认证 |", []),
        ("| 认证 | 已通过PCI DSS 4.0认证吗？ |", []),
        ("是否通过PCI DSS 4.0认证：已通过PCI DSS 4.0认证", ["已通过PCI DSS"]),  # as in v7
    ],
)
def test_a_table_cell_border_ends_a_part(answer: str, expected: list[str]) -> None:
    assert score_answer(TRAP, answer).forbidden_found == expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("通过审计", "未能通过审计", False),
        ("通过审计", "没能通过审计", False),
        ("通过审计", "未曾通过审计", False),
        ("确认", "无法确认", False),
        ("审计", "难以审计", False),
        ("查证", "无从查证", False),
        ("私有化部署", "该产品不支持私有化部署", False),
        ("私有化部署", "不提供私有化部署", False),
        ("采购", "不建议采购", False),
        ("采购", "不推荐采购", False),
        ("图数据库", "不采用图数据库", False),
        ("采购", "暂不考虑采购", False),
        ("采购", "不考虑采购", False),
        ("采购", "不必采购", False),
        ("采购", "没必要采购", False),
        ("压力测试", "不做压力测试", False),
        ("压力测试", "不进行压力测试", False),
        ("audited", "it has not been audited", False),
        ("compliant", "it is not currently compliant", False),
        ("compliant", "it is not being compliant", False),
        ("audited", "it hasn't been audited", False),
        ("audited", "they haven't been audited", False),
        ("audited", "it hadn't been audited", False),
        ("compliant", "it shouldn't be compliant", False),
        ("compliant", "it wouldn't be compliant", False),
        ("compliant", "it couldn't be compliant", False),
        ("compliant", "it is no longer compliant", False),
        ("comply", "it fails to comply", False),
        ("comply", "it failed to comply", False),
        ("confirm", "we are unable to confirm", False),
        # near-misses that keep their credit
        ("通过审计", "已通过审计", True),
        ("确认", "已确认", True),
        ("私有化部署", "支持私有化部署", True),
        ("私有化部署", "不得不提供私有化部署", True),  # a double negation affirms
        ("私有化部署", "不能不支持私有化部署", True),
        ("采购", "建议采购", True),
        ("audited", "it has been audited", True),
        ("compliant", "it is currently compliant", True),
        ("comply", "we are able to comply", True),
        ("compliant", "it is longer compliant", True),
    ],
)
def test_more_negations(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("Anti-Money Laundering", "Anti\u2011Money Laundering", True),  # gpt-oss's non-breaking hyphen
        ("Anti-Money Laundering", "Anti\u2010Money Laundering", True),
        ("Anti-Money Laundering", "Anti\u2013Money Laundering", True),  # an en dash between letters
        ("Anti-Money Laundering", "anti-money-laundering", True),
        ("Anti-Money Laundering", "anti money laundering", True),
        ("anti money laundering", "Anti-Money Laundering", True),
        ("compliant", "non\u2011compliant", False),  # non- still negates
        # near-misses
        ("Anti-Money Laundering", "Anti-Money", False),
        ("Anti-Money Laundering", "antimoney laundering", False),
        ("20个月", "10\u201320个月", False),  # between numbers an en dash is still a range
        ("-5%", "\u22125%", True),
    ],
)
def test_hyphen_variants(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


def test_hyphen_variants_are_normalised() -> None:
    assert (
        normalise("Anti\u2011Money Anti\u2010Money Anti\u2013Money 10\u201320")
        == "anti-money anti-money anti-money 10\u201320"
    )


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("<thinking>回收期是20个月</thinking>我不确定。", "我不确定。"),
        ("<THINKING>20个月</THINKING>答案", "答案"),
        ("reasoning 20个月 </thinking> answer", "answer"),
        ("answer <thinking> unfinished 20个月", "answer"),
        ("<think>a</think>b<thinking>c</thinking>d", "bd"),
        ("<thinker>keep</thinker>", "<thinker>keep</thinker>"),
    ],
)
def test_thinking_blocks_are_stripped(answer: str, expected: str) -> None:
    assert strip_thinking(answer) == expected


def test_a_thinking_block_covers_nothing() -> None:
    assert not covered("20个月", "<thinking>回收期是20个月</thinking>我不确定。")


# v9's rules narrowed after a review for over-reach (each row a correct answer the first form of a rule refused, or
# the form the rule is for)
@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        ("20个月", "回本周期—20个月", None, True),  # an em dash after a label separates it
        ("20%", "**增长率**—20%", None, True),
        ("2024年", "第三阶段—2024年上线", None, True),
        ("20%", "增长率为—20%", None, False),  # where a sign stands it is a minus
        ("50%", "三年ROI：—50%", None, False),
        ("1200万元", "合同金额：1200万元\n美金部分：另计", None, True),  # the next line names another amount
        ("1200万元", "1200万元 美金部分另计", None, True),
        ("1200万元", "1200万元(港币部分另计)", None, True),
        ("1200万元", "合同金额1200万元（港币约1300万）", None, True),
        ("1200万元", "1200万元（港币）", None, False),  # a bracket that holds only the currency
        ("1200万元", "1200万元 HKD。", None, False),
        ("1起", "仅发生一起。", CN, True),  # 一起 counts incidents too
        # groups a unit follows are figures, not a phone number; v104: 2000-3000件 is a range whose end 3000 is not
        # (as 3000件 is not: the unit the answer gives a bare point is its unit)
        ("3000", "1000-2000-3000件", None, False),
        ("3000", "1000、2000、3000件", None, True),
        ("820", "400-820-8820", None, False),
        ("8个月", "工期：1.5年 8个月", None, True),  # nobody writes a compound after a decimal
        ("20天", "第1个月20天完成部署", None, True),  # 第: an ordinal, not a quantity
        ("8个月", "回收期为1年8个月", None, False),
    ],
)
def test_v9_rules_hold_where_a_review_found_them_over_reaching(
    point: str, answer: str, forms: NumberForms | None, expected: bool
) -> None:
    assert covered(point, answer, forms) is expected


@pytest.mark.parametrize(
    ("answer", "charged"),
    [
        ("关于“已通过PCI DSS 4.0认证”这一说法，目前没有公开资料可以证实。", False),
        ("网上“已通过PCI DSS认证”的传言不实。", False),
        ("“已通过PCI DSS认证”的说法缺乏依据。", False),
        ("“已通过PCI DSS 4.0认证”的说法是真的。", True),  # named a claim, then confirmed
        ("“已通过PCI DSS 4.0认证”这一说法已获官方确认。", True),
        ("关于“该公司已通过PCI DSS 4.0认证”的说法，经核实属实。", True),
        ("我们可以确认“已通过PCI DSS 4.0认证”的说法。", True),
        ("公司于2024年3月发布了“已通过PCI DSS 4.0认证”的消息。", True),  # a 消息 is an announcement
        ("“该公司已通过PCI DSS 4.0认证”的说法来自官方公告，可信。", True),
    ],
)
def test_a_quoted_claim_is_a_mention_only_where_the_answer_disclaims_it(answer: str, charged: bool) -> None:
    trap = Trap(expect=None, forbidden=(ForbiddenClaim("已通过PCI DSS"),), penalty=25.0)
    case = Case(
        id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(KeyPoint("答"),), trap=trap
    )
    assert bool(score_answer(case, answer).forbidden_found) is charged


@pytest.mark.parametrize(
    ("answer", "charged"),
    [
        ("| 未经证实的说法 | 来源 |\n|---|---|\n| 已通过PCI DSS 4.0认证 | 网络传言 |", False),
        ("| 说法 | 核实结果 |\n|---|---|\n| 已通过PCI DSS 4.0认证 | 无法证实 |", False),
        ("| 传闻 | 是否属实 |\n|---|---|\n| 已通过PCI DSS 4.0认证 | 否 |", False),
        ("| 认证 | 状态 |\n|---|---|\n| PCI DSS | 已通过PCI DSS认证 |", True),  # a table of facts
        ("| 项目 | 说明 |\n|---|---|\n| 认证 | 已通过PCI DSS 4.0认证 |", True),
        ("已通过PCI DSS认证。\n\n| a | b |\n|---|---|\n| x | 否 |", True),  # another table's 否 disclaims nothing
    ],
)
def test_a_claim_the_table_itself_disclaims_is_not_asserted(answer: str, charged: bool) -> None:
    trap = Trap(expect=None, forbidden=(ForbiddenClaim("已通过PCI DSS"),), penalty=25.0)
    case = Case(
        id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(KeyPoint("答"),), trap=trap
    )
    assert bool(score_answer(case, answer).forbidden_found) is charged


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("audited", "It has not yet been audited.", False),  # two fillers between the negation and the point
        ("compliant", "It is not currently fully compliant.", False),
        ("audited", "It has been audited.", True),
        ("audited", "Not only has it been audited, it is certified.", True),
        ("compliant", "It is fully compliant and not expensive.", True),
    ],
)
def test_an_english_negation_reaches_over_two_fillers(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("8 months", "Payback takes a year and 8 months.", False),  # "a" year is a number too
        ("30 minutes", "It takes an hour and 30 minutes.", False),
        ("8 months", "In a year, 8 months are spent on training.", True),  # a comma ends the quantity
        ("8 months", "Payback takes 8 months.", True),
    ],
)
def test_a_or_an_before_the_larger_unit_makes_a_compound_quantity(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("3-5天", "3~5天", True),  # a range point, said with another range mark
        ("3-5天", "3至5天", True),
        ("3-5天", "3到5天", True),
        ("3-5天", "3–5天", True),
        ("3-5天", "3天-5天", True),  # the unit after each end
        ("10-20%", "10%至20%", True),
        ("2019-2020年", "2019至2020年", True),
        ("3-5天", "3-6天", False),  # another range
        ("3-5天", "13-5天", False),
        ("3-5天", "3——5天", False),  # a Chinese dash pair is no range mark
        ("10-20%", "10%和20%", False),
    ],
)
def test_a_range_point_matches_any_range_mark(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected
