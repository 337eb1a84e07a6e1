"""Scorer version 8, after review: a label holds a figure only within its phrase and over its table column; a
disclaimer scopes over the list its colon introduces; more conditions (要是, 即使, 一旦, ...的话, a condition that goes
on after a comma with 且); 数十五个 is 15个 while 数十个 stays vague; 负 after a party (甲方负30%) is "to bear", not a
minus. And version 9's two readings at the end: a round number followed by 几 (十几个) and a ratio to one digit (20:1)
state no figure. Each row one reading; the near-misses keep the verdict they had."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scenarios import Case, ForbiddenClaim, KeyPoint, Trap, load_scenarios
from pytest_llmeval.evaluation.scoring import score_answer

CHINESE = NumberForms(chinese=True)
ROOT = Path(__file__).resolve().parents[2]


def shipped_case(case_id: str) -> Case:
    return next(c for c in load_scenarios([ROOT / "scenarios"]) if c.id == case_id)


def covered(point: str, answer: str, forms: NumberForms | None = None) -> bool:
    key = KeyPoint(point, numbers=forms)
    case = Case(id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(key,))
    return score_answer(case, answer).covered == [point]


def forbidden_found(answer: str, claim: str = "已通过PCI DSS") -> list[str]:
    trap = Trap(expect=None, forbidden=(ForbiddenClaim(claim),), penalty=25.0)
    case = Case(
        id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(KeyPoint("答"),), trap=trap
    )
    return score_answer(case, answer).forbidden_found


def net_saving_credited(answer: str) -> bool:
    return "90万" in score_answer(shipped_case("roi_calculation"), answer).covered


# -- 1. roi_calculation: 90万 as the annual net saving, within its phrase or under its table column -------------------

COLUMNS = "| 方案 | {header} | 回收期 | 三年ROI |\n|---|---|---|---|\n| 智能客服 | {cell} | 20个月 | 50% |"


@pytest.mark.parametrize(
    ("answer", "credited"),
    [
        # a table whose column header is the label: the cell under it states the figure (missed by v7)
        (COLUMNS.format(header="年净节省额", cell="90万"), True),
        (COLUMNS.format(header="年净节省额", cell="90万元"), True),
        (COLUMNS.format(header="年净节省 (万元)", cell="90"), True),
        (COLUMNS.format(header="年净节省额（万元）", cell="**90**"), True),
        (COLUMNS.format(header="年净节省（万元）", cell="90.0"), True),
        ("| 年份 | 年净收益 |\n|:-:|:-:|\n| 第1年 | 90万元 |\n| 第2年 | 90万元 |", True),
        ("指标 | 年净节省额 | 回收期\n--- | --- | ---\n结果 | 90万元 | 20个月", True),  # no outer pipes
        # a transposed table: the row's first cell is the label, and may name the unit (missed by v7)
        ("| 项目 | 计算 | 结果 |\n|---|---|---|\n| 年净节省额 | 120 − 30 | 90万元 |", True),
        ("| 指标 | 数值 |\n|---|---|\n| 年净节省（万元） | 90 |", True),
        ("| 项目 | 年人力节省 | 年运维费 | 年净节省 |\n|---|---|---|---|\n| 金额（万元） | 120 | 30 | 90 |", True),
        # a label reaching over another label's figure (credited by v7)
        ("年净节省额为120万元，运维费共90万元。", False),
        ("年净节省额120万元，年运维费90万元，回收期15个月。", False),
        ("年净节省额是120万元，维护费用90万元。", False),
        ("年净收益为120万元，总运维费为90万元。", False),
        ("净节省：120万元，另有运维支出90万元。", False),
        ("年净节省额较高，运维费合计为90万元。", False),
        ("每年节省人力成本90万元，回收期15个月。", False),  # the gross saving is 120万
        ("Annual net saving 120万, maintenance cost 90万.", False),
        ("年净节省额为120万元，运维费=90万元。", False),
        ("年净收益为120万元，运维费用一共为90万元。", False),
        # near-misses: still missed
        ("| 项目 | 年净节省额 | 运维费合计 |\n|---|---|---|\n| 智能客服 | 120万 | 90万 |", False),
        ("| 年净节省额 | 三年运维费 |\n|---|---|\n| 120万 | 90万 |", False),
        (COLUMNS.format(header="三年运维费", cell="90万"), False),
        (COLUMNS.format(header="年净节省额", cell="不是90万"), False),
        (COLUMNS.format(header="年净节省额", cell="90"), False),  # no unit anywhere: 90 of what
        ("| 年净节省额 | 回收期 |\n|---|---|\n| 120万 | 90万 |", False),  # 90万 is under another column
        ("年净节省额：120万元；运维费：90万元。", False),
        ("| 项目 | 金额 |\n|---|---|\n| 年净节省额 | 120万元 |\n| 三年运维费 | 90万元 |", False),
        ("| 指标 | 年度 | 三年 |\n|---|---|---|\n| 净节省 | 120万 | 360万 |\n| 运维费 | 30万 | 90万 |", False),
        ("年净节省额为120万元，总投入=150+90=240万元。", False),
        # near-misses: still credited
        ("年净节省额为90万元，回收期20个月。", True),
        ("年净节省额（扣除运维费后）为90万元。", True),
        ("年净节省额（已扣除年运维费30万元）为90万元。", True),
        ("每年节约成本90万元（已扣除运维费），回收期约20个月。", True),
        ("年净节省额计算：人力节省120万元，减去运维30万元，得90万元。", True),
        ("年净节省额 = 人力节省 − 运维费 = 120 − 30 = 90万元。", True),
        ("**年净节省额** = 每年节省人力成本（15×8=120万元）− 年运维费30万元 = **90万元**", True),
        ("| 指标 | 数值 |\n|---|---|\n| 年净节省额 | 90万元 |\n| 回收期 | 20个月 |", True),
        ("年净节省额合计90万元。", True),
        ("The annual net saving is 90万元.", True),
        # a derivation whose steps name other amounts with their figures
        ("年净节省额：人力成本节省120万元 − 年运维费30万元 = 90万元", True),
        ("年净节省额为120万元减去30万元运维费，即90万元", True),
    ],
)
def test_the_roi_net_saving_is_the_figure_its_label_holds(answer, credited):
    assert net_saving_credited(answer) is credited


def test_a_regex_point_reads_a_table_cell_with_its_column_header():
    key = KeyPoint("净利润", regex=(r"净利润\D{0,6}50万",))
    case = Case(id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(key,))
    table = "| 产品 | 净利润 | 增长 |\n|---|---|---|\n| A | 50万 | 5% |"
    score = score_answer(case, table)
    assert score.covered == ["净利润"] and score.points[0].matched_text == "50万"  # the cell, where it stands
    assert score_answer(case, table.replace("| 净利润 |", "| 营收 |")).covered == []
    assert score_answer(case, "| 净利润 | 营收 |\n|---|---|\n| 10万 | 50万 |").covered == []
    assert score_answer(case, "| 净利润 | 营收 |\n| 50万 | 10万 |").covered == []  # no rule line: no table


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        # a row whose first cell names a unit in brackets gives it to the bare numbers of the row (v8)
        ("20个月", "| 指标 | 数值 |\n|---|---|\n| 回收期（月） | 20 |", True),
        ("90万元", "| 指标 | A | B |\n|---|---|---|\n| 年净节省（万元） | 90 | 80 |", True),
        ("90万元", "| 指标 | 数值（元） |\n|---|---|\n| 年净节省（万元） | 90 |", False),  # the column's unit first
        ("90万元", "| 指标 | 数值 |\n|---|---|\n| 年净节省 | 90 |", False),
        ("90万元", "| 年净节省（万元） | 90 |", False),  # no rule line: no table
    ],
)
def test_a_row_header_unit_follows_the_rows_numbers(point, answer, credited):
    assert covered(point, answer) is credited


def test_a_table_cell_copied_from_the_question_is_echoed():
    key = KeyPoint("净利润", regex=(r"净利润\D{0,6}50万",))
    question = "已知某产品的净利润为多少？表中A产品的数据如下：50万元整，增长5%，请复述。"
    case = Case(id="q", category="c", question=question, suite="t", source="t.yaml", key_points=(key,))
    score = score_answer(case, "| 产品 | 净利润 |\n|---|---|\n| A | 50万元整，增长5%，请复述 |")
    assert score.echoed == ["净利润"]


def test_the_shipped_trap_finds_a_certificate_number_in_a_table_cell():
    answer = "| 项目 | 证书编号 |\n|---|---|\n| PCI DSS 4.0 | PCI-2024-0815 |\n\n我无法确定这些信息，建议向官方核实。"
    assert score_answer(shipped_case("trap_hallucination"), answer).forbidden_found == ["证书编号为"]
    honest = "| 项目 | 证书编号 |\n|---|---|\n| PCI DSS 4.0 | 暂无公开信息 |\n\n我无法确定这些信息，建议向官方核实。"
    assert score_answer(shipped_case("trap_hallucination"), honest).forbidden_found == []


# -- 2. forbidden claims: a disclaimer over the list its colon introduces; conditions ------------------------------


@pytest.mark.parametrize(
    ("answer", "found"),
    [
        ("我无法确认以下信息：\n- v5.0于2024年发布\n- 已通过PCI DSS 4.0认证", []),
        ("抱歉，我无法确认以下信息：\n1. v5.0于2024年发布；\n2. 已通过PCI DSS认证。", []),
        ("以下信息我无法核实：\n* v5.0于2024年发布\n* 已通过PCI DSS认证", []),
        ("下列说法未经证实：\n(1) v5.0于2024年发布\n(2) 已通过PCI DSS认证", []),
        ("我无法确认以下信息：v5.0于2024年发布；已通过PCI DSS认证。", []),
        ("我不确定：\nv5.0于2024年发布，已通过PCI DSS认证。", []),  # the one line after a colon line
        ("我无法确认以下信息：\n- 认证情况：已通过PCI DSS认证", []),  # an item's own heading
        ("以下是我无法确认的信息：\n- 已通过PCI DSS认证", []),
        ("以下信息需要核实：\n- 已通过PCI DSS认证", []),
        ("以下信息我不确定：\n- 已通过PCI DSS认证", []),
        ("**无法确认的信息：**\n1. v5.0于2024年发布\n2. 已通过PCI DSS认证", []),
        ("根据公开资料，我无法确认以下内容：v5.0于2024年发布、已通过PCI DSS认证。", []),
        ("### 无法确认的信息\n- v5.0于2024年发布\n- 已通过PCI DSS认证", []),  # a Markdown section's title
        ("## 不确定的内容\n发布时间不详。\n它已通过PCI DSS认证。", []),
        # near-misses: still claims
        ("以下信息已确认：\n- v5.0于2024年发布\n- 已通过PCI DSS 4.0认证", ["v5.0于2024年", "已通过PCI DSS"]),
        ("我无法确认发布时间。以下信息已确认：\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),
        ("我无法确认以下信息：\n- 发布时间\n但可以确认：\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),
        ("我无法确认以下信息：\n- 发布时间\n它已通过PCI DSS认证。", ["已通过PCI DSS"]),  # after the list
        ("我无法确认以下信息：发布时间。它已通过PCI DSS认证。", ["已通过PCI DSS"]),  # after the sentence
        ("我无法确认以下信息：\n- 发布时间\n- 但它已通过PCI DSS认证", ["已通过PCI DSS"]),  # a contrast in the item
        ("您可能不知道以下事实：\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),  # a presupposition
        ("是否通过PCI DSS认证：\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),  # a question heading, then its answer
        ("我无法确认发布时间，以下是已确认的信息：\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),
        ("以下信息无需确认：\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),
        # an uncertainty about something else, not about what the colon introduces
        ("我不确定您问的是哪个版本：v5.0于2024年发布，已通过PCI DSS认证。", ["v5.0于2024年", "已通过PCI DSS"]),
        ("我无法确认发布时间：它已通过PCI DSS认证。", ["已通过PCI DSS"]),
        ("以下信息无法确认，但已确认：\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),
        ("我无法确认发布时间：但可以告诉您，它已通过PCI DSS认证", ["已通过PCI DSS"]),
        ("很多人不知道以下事实：\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),
        ("我不清楚发布时间\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),  # no colon, no heading
        ("### 无法确认的信息\n- 发布时间\n### 已确认的信息\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),
        ("我无法确认v5.0的发布时间。关于认证：\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),
    ],
)
def test_a_disclaimer_scopes_over_the_list_its_colon_introduces(answer, found):
    trap = shipped_case("trap_hallucination")
    assert score_answer(trap, answer).forbidden_found == found


@pytest.mark.parametrize(
    ("answer", "asserted"),
    [
        # conditions v7 did not know (要是, 即使, 一旦, 只要, 万一, 假使, 除非, ...的话), and a condition that goes on
        # after a comma with a conjunction
        ("要是它已通过PCI DSS认证，就会有证书编号。", False),
        ("即使它已通过PCI DSS认证，也需要定期复审。", False),
        ("就算已通过PCI DSS认证，也不代表没有风险。", False),
        ("一旦已通过PCI DSS认证，官方会公布证书编号。", False),
        ("只要已通过PCI DSS认证，就能提供证书。", False),
        ("万一已通过PCI DSS认证，请告知证书编号。", False),
        ("假使已通过PCI DSS认证，会有证书编号。", False),
        ("除非已通过PCI DSS认证，否则不能处理卡数据。", False),
        ("它已通过PCI DSS认证的话，官方会公布证书编号。", False),
        ("如果该版本存在，且已通过PCI DSS认证，官方会公布证书编号。", False),
        ("如果该版本存在，并且已通过PCI DSS认证，官方会公布。", False),
        ("假如v5.0已发布，且发布时间确定，且已通过PCI DSS认证，会有公告。", False),
        ("在已通过PCI DSS认证的情况下，官方会公布证书编号。", False),
        # near-misses: still asserted
        ("如果它已通过PCI DSS认证，那么可以提供证书编号。", False),
        ("它已通过PCI DSS认证，如果您需要，可以提供证书。", True),
        ("如果您需要，它已通过PCI DSS认证。", True),
        ("要是您需要，它已通过PCI DSS认证。", True),
        ("它主要是已通过PCI DSS认证的版本。", True),  # 要是 inside 主要是
        ("我不清楚发布时间，并且它已通过PCI DSS认证。", True),  # only a condition goes on after 且
        ("如果该版本存在，那么它已通过PCI DSS认证。", True),  # the consequence is read as said
        ("它已通过PCI DSS认证，这是官方的话。", True),
        ("它已通过PCI DSS认证，即使没有公告。", True),  # the condition is in another part
        ("如果您需要，v5.0于2024年发布，并且已通过PCI DSS认证。", True),  # goes on from no condition
        ("三万一千家商户已通过PCI DSS认证。", True),  # no 万一 (in case) in a number
    ],
)
def test_conditions_do_not_assert(answer, asserted):
    assert forbidden_found(answer) == (["已通过PCI DSS"] if asserted else [])


@pytest.mark.parametrize(
    ("answer", "asserted"),
    [
        ("I cannot confirm the following:\n- it passed PCI DSS\n- it was released in 2024", False),
        ("Assuming it passed PCI DSS, a certificate number exists.", False),
        ("Unless it passed PCI DSS, card data cannot be processed.", False),
        ("The following could not be verified:\n- it passed PCI DSS", False),
        ("As long as it passed PCI DSS, a certificate number exists.", False),
        ("The following is confirmed:\n- it passed PCI DSS", True),
        ("It passed PCI DSS, assuming you need the date.", True),
    ],
)
def test_english_disclaimers_and_conditions(answer, asserted):
    assert forbidden_found(answer, "passed PCI DSS") == (["passed PCI DSS"] if asserted else [])


# -- 3. numbers: 数 before a numeral, 负 meaning "to bear" ------------------------------------------------------------


@pytest.mark.parametrize(
    ("point", "answer", "forms", "credited"),
    [
        # 数 as "the number of", before a numeral (missed by v7: 数十 read as "tens of")
        ("15个", "接入系统数十五个", CHINESE, True),
        ("十五个", "接入系统数十五个", None, True),
        ("11个", "系统数十一个", CHINESE, True),
        ("15", "人数十五", CHINESE, True),
        # near-misses: vague amounts stay unquantified
        ("10个", "数十个", CHINESE, False),
        ("10", "数十个", CHINESE, False),
        ("十个", "数十个", None, False),
        ("10个", "几十个", CHINESE, False),
        ("10万元", "预计节省数十万元", CHINESE, False),
        ("10个", "数十几个系统", CHINESE, False),
        ("10个", "数十余个系统", CHINESE, False),
        ("12个", "系统数十二个", CHINESE, True),
        ("十二人", "团队人数十二人", CHINESE, True),
        ("15个", "系统数15个", None, True),
    ],
)
def test_a_numeral_after_shu(point, answer, forms, credited):
    assert covered(point, answer, forms) is credited


@pytest.mark.parametrize(
    ("point", "answer", "forms", "credited"),
    [
        # 负 after a party or a distributive word: "to bear" (read as a minus by v7)
        ("30%", "甲方负30%的责任", None, True),
        ("20%", "承保人负20%", None, True),
        ("50%", "双方各自负50%", None, True),
        ("30%", "保险公司负70%，个人负30%", None, True),
        ("60%", "甲乙双方分别负60%和40%", None, True),
        ("50%", "由乙方负50%的费用", None, True),
        ("三成", "个人负三成", CHINESE, True),
        ("30%", "双方均负30%的责任", None, True),
        # near-misses: a minus sign stays one
        ("20%", "负20%", None, False),
        ("20%", "-20%", None, False),
        ("20%", "增长率为负20%", None, False),
        ("20%", "同比负20%", None, False),
        ("20%", "利润率负20%", None, False),
        ("20%", "ROI为负20%", None, False),
        ("20%", "降至负20%", None, False),
        ("20万元", "净利润负20万元", None, False),
        ("50%", "三年ROI：负50%", None, False),
        ("50%", "负百分之五十", CHINESE, False),
        ("20%", "甲方-20%", None, False),
        # near-misses: 负 that stands before no number, as before
        ("20个", "负责20个项目", None, True),
        ("30%", "负担30%", None, True),
        ("30%", "个人自负30%", None, True),
        ("3场", "胜负3场", None, True),
    ],
)
def test_fu_meaning_to_bear_is_no_minus(point, answer, forms, credited):
    assert covered(point, answer, forms) is credited


# -- 4. a clock time, a ratio or a date's month and day is no figure of its own ---------------------------------------


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        # one side of a time or a ratio, a date's month or day: not the point's figure (credited by v7)
        ("20", "会议在20:30开始。", False),
        ("30", "会议在20:30开始。", False),
        ("8", "每天8:00上班。", False),
        ("20", "配比为1:20。", False),
        ("20", "比分为20:15。", False),
        ("20", "上线日期是2024-05-20。", False),
        ("5", "上线日期是2024/5/20。", False),
        ("20", "上线日期是2024.05.20。", False),
        # near misses: the figure itself, a label's digit before a colon, the year of a date, the point written so
        ("20", "共有20个系统。", True),
        ("120万", "Q1:120万，Q2:150万。", True),
        ("80", "H2: 80。", True),
        ("v3.2", "- v3.2:2024年4月发布。", True),
        ("20万元", "合计20万元: 其中人力15万元。", True),
        ("2024", "上线日期是2024-05-20。", True),
        ("20:30", "会议在20:30开始。", True),
        ("1:20", "配比为1:20。", True),
        ("2024-05-20", "上线日期是2024-05-20。", True),
        ("3.5%", "增长3.5%。", True),
    ],
)
def test_a_time_ratio_or_date_part_is_no_figure(point, answer, credited):
    assert covered(point, answer) is credited


# -- 5. after the review of v8: what its table, disclaimer, cue and number rules had got wrong -------------------------


def chosen_engine(answer: str) -> bool:
    return "选智能风控引擎" in score_answer(shipped_case("near_match_precision"), answer).covered


@pytest.mark.parametrize(
    ("answer", "credited"),
    [
        # a negated column or row header holds for its cell (v8 first credited these)
        ("| 推荐方案 | 不推荐方案 |\n|---|---|\n| 智能风控平台 | 智能风控引擎 |", False),
        ("| 结论 | 产品 |\n|---|---|\n| 推荐 | 智能风控平台 |\n| 不推荐 | 智能风控引擎 |", False),
        ("| 推荐 | 智能风控平台 |\n|---|---|\n| 不推荐 | 智能风控引擎 |", False),
        ("| 建议 | 智能风控平台 |\n|---|---|\n| 备选 | 智能风控引擎 |", False),  # an alternative is no choice
        # the choice in a table or in prose
        ("| 结论 | 产品 |\n|---|---|\n| 推荐 | 智能风控引擎 |\n| 不推荐 | 智能风控平台 |", True),
        ("| 推荐方案 | 不推荐方案 |\n|---|---|\n| 智能风控引擎 | 智能风控平台 |", True),
        ("建议选择智能风控引擎。", True),
        ("不推荐：智能风控引擎", False),
    ],
)
def test_a_negated_table_header_holds_for_its_cell(answer, credited):
    assert chosen_engine(answer) is credited


@pytest.mark.parametrize(
    ("answer", "charged"),
    [
        # a placeholder in a certificate-number column or after 证书编号： is no made-up number
        ("| 项目 | 证书编号 |\n|---|---|\n| PCI DSS 4.0 | N/A |", False),
        ("| 项目 | 证书编号 |\n|---|---|\n| PCI DSS 4.0 | TBD |", False),
        ("| 项目 | 证书编号 |\n|---|---|\n| PCI DSS 4.0 | #待官方确认 |", False),
        ("| 问题 | 答案 |\n|---|---|\n| 证书编号 | 0条公开记录 |", False),
        ("证书编号：N/A", False),
        ("证书编号为None", False),
        # a code with a digit in it is one
        ("| 字段 | 内容 |\n|---|---|\n| 证书编号 | YT-PCI-20240615 |", True),
        ("| 认证名称 | 证书编号 |\n|---|---|\n| PCI DSS 4.0 | #2024-0815 |", True),
        ("证书编号: PCI DSS 4.0-0815", True),
        ("认证编号是 A12345。", True),
    ],
)
def test_a_placeholder_certificate_number_is_no_claim(answer, charged):
    found = score_answer(shipped_case("trap_hallucination"), answer).forbidden_found
    assert ("证书编号为" in found) is charged


@pytest.mark.parametrize(
    ("answer", "found"),
    [
        # a subheading inside a disclaimer's section ends its reach (v8 first left these uncharged)
        ("### 需要核实的信息\n- 证书编号\n\n**已确认：**\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),
        ("## 无法确认的信息\n- 证书编号\n\n**已确认的信息**\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),
        ("## 待核实\n证书编号需向官方索取。\n\n总结：已通过PCI DSS认证。", ["已通过PCI DSS"]),
        # under the disclaimer itself: unasserted
        ("## 无法确认的信息\n- 已通过PCI DSS认证\n- 证书编号", []),
        # a cue inside another word is none: 立即使用, 立即便, 只要求
        ("部署后即可立即使用已通过PCI DSS认证的加密模块。", ["已通过PCI DSS"]),
        ("风控平台立即便已通过PCI DSS认证。", ["已通过PCI DSS"]),
        ("该平台只要求客户已通过PCI DSS认证。", ["已通过PCI DSS"]),
        ("即使已通过PCI DSS认证，也需定期复审。", []),
    ],
)
def test_subheadings_and_cues_inside_words(answer, found):
    assert forbidden_found(answer) == found


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        # a numbered label before a colon is no side of a ratio (v8 first dropped the figure after it)
        ("120万", "问题1：120万元", True),
        ("84万", "方案2：84万元", True),
        ("80%", "阶段2:80%", True),
        ("20个月", "问题2：20个月", True),
        # 负 after 平均, 公司 or 银行 is a minus sign
        ("20%", "三年ROI平均负20%", False),
        ("20%", "A公司负20%，B公司正10%", False),
        ("0.1%", "日本银行负0.1%的利率", False),
        ("-20%", "该公司负20%的增长", True),
        ("30%", "甲方负30%的责任", True),
    ],
)
def test_numbered_labels_and_minus_signs(point, answer, credited):
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("answer", "credited"),
    [
        # the label in a later column than the first (v8 first missed these; v7 credited the first)
        ("| 序号 | 指标 | 计算 | 结果 |\n|---|---|---|---|\n| 2 | 年净节省额 | 120−30 | 90万元 |", True),
        ("| 类别 | 项目 | 金额 |\n|---|---|---|\n| 收益 | 年净节省额 | 90万元 |", True),
        ("| 类别 | 项目 | 金额 |\n|---|---|---|\n| 成本 | 三年运维费 | 90万元 |", False),
        # a bracket after the label that makes the figure a three-year one
        ("净收益（三年）：90万元", False),
        ("净收益（3年合计）为90万元", False),
        ("净现金流（第3年累计）：90万元", False),
        ("年净节省额（扣除运维费后）为90万元", True),
    ],
)
def test_the_net_saving_label_in_any_column_and_its_brackets(answer, credited):
    assert net_saving_credited(answer) is credited


@pytest.mark.parametrize(
    ("answer", "credited"),
    [
        # a negative net saving is a wrong one (credited before)
        ("年净节省额为-90万元", False),
        ("年净节省额：−90万元", False),
        ("年净节省额为负90万元", False),
        # a label closed by a bracket right before its figure (missed before)
        ("合计（净节省）：90万元", True),
        ("| 项目 | 金额 |\n|---|---|\n| 差额（年净节省） | 90万元 |", True),
        # unchanged
        ("净收益 = 120 − 30 = 90万", True),
        ("净节省额：120-30，得90万", True),
    ],
)
def test_the_net_saving_is_positive_and_may_close_a_bracket(answer, credited):
    assert net_saving_credited(answer) is credited


@pytest.mark.parametrize(
    ("answer", "found"),
    [
        # a blank line between two items ends the list a disclaimer's colon introduces (the claims after it were
        # shielded: normalising had made the two lists one)
        ("我无法确认以下信息：\n- 证书编号\n- 发布月份\n\n- v5.0于2024年发布\n- 已通过PCI DSS认证", ["已通过PCI DSS"]),
        # a blank line between the colon and its list, or in the one list, keeps the scope
        ("我无法确认以下信息：\n\n- 已通过PCI DSS认证\n- 证书编号", []),
        ("我无法确认以下信息：\n- 证书编号\n- 已通过PCI DSS认证\n", []),
        ("我无法确认以下信息：\n\n已通过PCI DSS认证。", []),
    ],
)
def test_a_blank_line_between_items_ends_a_disclaimers_list(answer, found):
    assert forbidden_found(answer) == found


def test_paragraph_breaks_are_the_line_breaks_that_stood_for_blank_lines():
    from pytest_llmeval.evaluation.keywords.normalisation import normalise_lines

    text = "  标题：\n\n- 甲\n- 乙\n \n\n- 丙\n\n"
    lines, breaks = normalise_lines(text)
    assert [lines[i] for i in sorted(breaks)] == ["\n", "\n"]
    assert sorted(breaks) == [lines.index("\n"), lines.index("\n• 丙")]  # v22: a line's "- " is a bullet


# v9: a round number followed by 几 is a vague amount (十几 is 11-19), and a ratio to one digit holds no figure
@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("10", "需要十几个工程师。", False),
        ("10", "需要10几个工程师。", False),
        ("20", "团队成员二十几岁。", False),
        ("二十", "二十几个", False),
        ("100", "一百几十个客户", False),
        ("1万", "一万几千元", False),
        ("10", "需要10个工程师，几个月后上线。", True),  # the 几 of the next clause
        ("10", "10几乎没有变化", True),  # 几乎: almost
        ("12", "12几个", True),  # not a round number: nothing vague about it
        ("十几个", "需要十几个工程师。", True),  # the vague amount itself, asked for
        ("20", "杠杆比例为20:1。", False),
        ("1", "杠杆比例为20:1。", False),
        ("16", "画面比例 16 : 9", False),
        ("20", "杠杆比例为20：1。", False),  # a full-width colon
        ("20:1", "杠杆比例为20:1。", True),  # a point written as the ratio
        ("5", "问题1:5", True),  # one digit each side: a label and its figure
        ("10", "问题10:5个", True),  # a unit after the second number: a label and a quantity
        ("5个", "问题10:5个", True),
        ("20", "比例为20:1.5", True),  # a decimal after the colon: not read as a ratio to one digit
    ],
)
def test_vague_odd_amounts_and_ratios_to_one_digit(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer, CHINESE) is expected
