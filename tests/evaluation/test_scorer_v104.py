"""Scorer v104: a guess between two values in the answer's unit or between two names or releases, a person's relation
who did the part, a bare point at a range's end, a place in an institution's name, a release replaced or a former
name in a bracket, a two-character term cut across by other words, and the month in which an investment is paid back.

v103 credited 1997年 for 成立于1997年或1998年 and 4300人 for 员工4300人或5300人 (v30 read a bare point's alternatives
in the answer's unit only before it: 1996年或1997年), 苏州 for 总部位于苏州或上海 and 刘敏 for 是刘敏或周晓峰牵的线
(v87 left two names joined by 或 credited for the shape of an offer), 刘敏 for 是刘敏的同事牵的线,
牵线人是刘敏的一位老同事 and "Liu Min's colleague made the introduction" (another person does the part), 4300人 for
员工约4000至4300人 and 860万元 for 合同金额800万-860万元 (a synonym with no unit of its own - 4300, 860万 - was read
at a range's end only in its own unit), 宁波 for 主要合作银行为宁波银行, v3.2 for 最新版本由v3.2升级到v4.0, 苏州 for
总部在上海（原在苏州）, and missed 20个月 in 项目将在第20个月回本 (v16 reads 第20个月 as a position).
Kept: both names (苏州或上海都有分行, 苏州或上海的客户), options (可以选择苏州或上海的数据中心), one place twice
(苏州或苏州市), a relation said of another (周晓峰是刘敏的老部下), the person's own act (刘敏的介绍促成了合作),
第20个月 with no payback and 第3年回本 (somewhere in the third year).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.scenarios import load_scenarios
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer

C, N = "covered", "not covered"

ROWS = [
    # alternatives in the answer's unit after a bare point
    ("1997", "华信银行成立于1997年或1998年。", N),
    ("1997", "华信银行成立于1997年还是1998年，资料不一。", N),
    ("2020", "双方于2020年或2021年开始合作。", N),
    ("4300", "员工4300人或5300人。", N),
    ("1997", "华信银行成立于1997年，2020年或2021年开始与我们合作。", C),
    ("1997", "成立于1997年或1997年前后。", C),
    # two places or persons joined by 或
    ("苏州", "华信银行总部位于苏州或上海。", N),
    ("苏州", "华信银行总部位于苏州（或上海）。", N),
    ("苏州", "总部在上海或苏州，资料不一。", N),
    ("苏州", "总部位于苏州市或上海市。", N),
    ("宁波", "安泰人寿总部位于上海，恒锐精密位于宁波或杭州。", N),
    ("上海", "安泰人寿总部位于上海，恒锐精密位于宁波或杭州。", C),
    ("刘敏", "是刘敏或周晓峰牵的线。", N),
    ("周晓峰", "是刘敏或周晓峰牵的线。", N),
    ("刘敏", "牵线人：刘敏（或周晓峰）", N),
    ("苏州", "总部位于苏州、上海或宁波。", N),
    ("上海", "总部位于苏州、上海或宁波。", N),
    ("宁波", "总部位于苏州、上海或宁波。", N),
    ("苏州", "三家分别位于苏州、上海或宁波。", C),
    ("苏州", "客户遍布苏州、上海或宁波等地。", C),
    ("苏州", "华信银行在苏州或上海都有分行，总部位于苏州。", C),
    ("苏州", "苏州或上海的客户均可享受本地服务。", C),
    ("苏州", "可以选择苏州或上海的数据中心。", C),
    ("苏州", "可在苏州或上海部署。", C),
    ("苏州", "苏州或上海均可。", C),
    ("苏州", "总部位于苏州或苏州市。", C),
    ("苏州", "总部位于苏州，上海或宁波有分行。", C),
    ("苏州", "总部位于苏州或上海的说法都有，经核实为苏州。", C),
    ("刘敏", "刘敏，或者说刘敏女士，牵的线。", C),
    ("私有化部署", "支持私有化部署或SaaS。", C),
    ("北京", "服务覆盖北京或上海的客户。", C),
    # a relation of the person did the part
    ("刘敏", "是刘敏的同事牵的线。", N),
    ("刘敏", "牵线人是刘敏的一位老同事。", N),
    ("刘敏", "牵线人：刘敏的前同事。", N),
    ("刘敏", "由刘敏的助理引荐。", N),
    ("刘敏", "刘敏的丈夫牵的线。", N),
    ("刘敏", "刘敏的老部下周晓峰促成了合作。", N),
    ("刘敏", "刘敏的朋友最早联系了王志远。", N),
    ("刘敏女士", "刘敏女士的同事牵的线。", N),
    ("周晓峰", "周晓峰的下属负责对接。", N),
    ("Liu Min", "Liu Min's colleague made the introduction.", N),
    ("Liu Min", "It was Liu Min's former assistant who introduced them.", N),
    ("刘敏", "周晓峰是刘敏的老部下。", C),
    ("刘敏", "刘敏的介绍促成了合作。", C),
    ("刘敏", "刘敏的引荐促成了合作。", C),
    ("刘敏", "是刘敏牵的线，她的同事周晓峰也参与了。", C),
    ("刘敏", "刘敏的同事周晓峰是销售总监，牵线的正是刘敏本人。", C),
    ("刘敏", "刘敏是王志远的大学同学，由她牵线。", C),
    ("周晓峰", "周晓峰的同事们都认识王志远，是周晓峰牵的线。", C),
    ("Liu Min", "Zhou Xiaofeng is Liu Min's former subordinate.", C),
    ("Liu Min", "Liu Min's introduction led to the deal.", C),
    # a bare point (no unit of its own) at an end of a range in the answer's unit
    ("4300", "员工约4000至4300人。", N),
    ("4300", "员工4300-4500人。", N),
    ("4300", "4300人-5000人", N),
    ("10", "约10-20个月", N),  # v7 credited it: a bare point was read in no unit at a range's end
    ("860万", "合同金额800万-860万元。", N),
    ("5800亿", "资产5800亿至6000亿元。", N),
    ("1200万", "合同额1200万至1500万元之间。", N),
    ("4300", "员工从3000人增长到4300人。", C),
    ("4300", "员工4300人，2020-2023年稳定增长。", C),
    ("4300", "员工4300人，较去年的4000人增长。", C),
    ("860万", "合同金额860万元，其中软件300万-400万元。", C),
    ("860万", "合同金额860万元-200万元=660万元。", C),
    ("8400", "每日核对量从10000笔降至8400笔。", C),  # v115: 从8400笔降至3100笔 makes it a former value (N)
    ("8400", "核对量8400-3100=5300笔。", C),
    # a place in an institution's name
    ("宁波", "恒锐精密总部位于杭州，主要合作银行为宁波银行。", N),
    ("上海", "安泰人寿总部在北京，其托管行是上海银行。", N),
    ("苏州", "华信银行总部位于无锡，董事长毕业于苏州大学。", N),
    ("苏州", "华信银行总部位于无锡，与苏州银行股份有限公司合作。", N),
    ("Suzhou", "The bank is headquartered in Wuxi; it works with Bank of Suzhou.", N),
    ("Suzhou", "The chairman graduated from Suzhou University.", N),
    ("苏州", "华信银行是一家苏州城商行。", C),
    ("苏州", "华信银行是一家苏州银行，成立于1997年。", C),
    ("苏州", "苏州银行业协会的数据显示，华信银行总部在苏州。", C),
    ("苏州", "总部：苏州（苏州工业园区）。", C),
    ("上海", "安泰人寿为上海市属国企。", C),
    ("Suzhou", "The bank is headquartered in Suzhou.", C),
    ("retail", "We are a retail bank.", C),  # no capitals to tell a name: "bank" after a Latin point is not read
    ("50 tickets per day", "We handle 50 tickets daily.", C),
    # two releases joined by 或, a move by an upgrade, a former one in a bracket
    ("v3.2", "目前最新版本是v3.2或v4.0。", N),
    ("v3.2", "目前最新版本是v4.0或v3.2。", N),
    ("v3.2", "最新版本由v3.2升级到v4.0。", N),
    ("私有化部署", "已由私有化部署升级为SaaS。", N),
    ("苏州", "总部在上海（之前在苏州）。", N),
    ("苏州", "总部在上海（原在苏州）。", N),
    ("v3.2", "最新为v4.0（此前为v3.2）。", N),
    ("Suzhou", "The head office is in Shanghai (formerly Suzhou).", N),
    ("v3.2", "最新为v3.2（此前为v3.1）。", C),
    ("v3.2", "最新版本是v3.2或3.2版。", C),
    ("v3.2", "目前最新版本是v3.2（或称3.2版）。", C),
    ("v3.2", "最新版本是v3.2，由v3.1升级到v3.2。", C),
    ("苏州", "总部位于苏州（原为苏州县，现为苏州市）。", C),
    # a two-character term cut across by other words
    ("等保", "我们服务过人寿、财险等保险机构。", N),
    ("信创", "团队充满自信创新能力强。", N),
    ("试点", "用户尝试点击按钮后报错。", N),
    ("核实", "完成考核实施方案。", N),
    ("试点", "全面试点将于明年启动。", C),
    ("信创", "需要完成信创适配。", C),
    ("等保", "满足等保三级要求。", C),
    ("事务", "PostgreSQL支持完整的事务。", C),
    ("事务", "该方案由会计师事务所审计。", C),  # a word that holds it whole: left (事务所)
    ("黄勇", "黄勇于2021年加入公司。", C),  # a person's name: 勇于 is no reading of it
    ("国产化", "我们销售国产化妆品。", C),  # three characters: left
    # the month of the payback
    ("20个月", "项目将在第20个月回本。", C),
    ("20个月", "预计第20个月即可收回全部投资。", C),
    ("20个月", "第20个月实现盈亏平衡。", C),
    ("20个月", "项目在第20个月左右回本。", C),
    ("20个月", "第20个月末收回投资。", C),
    ("20个月", "第20个月进行复盘。", N),
    ("20个月", "第24个月回本。", N),
    ("3年", "第3年回本。", N),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 104


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SHIPPED_ROWS = [
    ("kb_company_background", "1997年", "华信银行成立于1997年或1998年。", N),
    ("kb_company_background", "4300人", "员工4300人或5300人。", N),
    ("kb_company_background", "苏州", "华信银行总部位于苏州或上海，具体需核实。", N),
    ("kb_cooperation_history", "2020年", "双方于2020年或2021年开始合作。", N),
    ("kb_relationships", "刘敏", "是刘敏的同事牵的线。", N),
    ("kb_relationships", "刘敏", "刘敏女士的同事牵的线。", N),
    ("kb_relationships", "刘敏", "是刘敏牵的线。", C),
    ("roi_calculation", "20个月", "项目将在第20个月回本。", C),
    ("trap_hallucination", "v3.2", "目前最新版本是v3.2或v4.0。", N),
    ("trap_hallucination", "v3.2", "最新版本由v3.2升级到v4.0。", N),
    ("trap_hallucination", "v3.2", "目前最新版本是v4.0（之前是v3.2）。", N),
    ("multi_requirement_analysis", "等保", "我们服务过人寿、财险等保险机构。", N),
    ("multi_requirement_analysis", "试点", "用户尝试点击按钮后报错。", N),
    ("multi_requirement_analysis", "试点", "建议先在一个分行试点。", C),
    ("kb_company_background", "4300人", "员工约4000至4300人。", N),
    ("kb_company_background", "5800亿元", "资产5800亿至6000亿元。", N),
    ("kb_cooperation_history", "860万元", "合同金额800万-860万元。", N),
]


@pytest.mark.parametrize(("case_id", "point", "answer", "expected"), SHIPPED_ROWS)
def test_shipped_cases(case_id: str, point: str, answer: str, expected: str) -> None:
    """The shipped cases, with their synonyms (1997 and 4300 bare, 刘敏女士)."""
    case = next(c for c in load_scenarios([SCENARIOS]) if c.id == case_id)
    got = next(p.status for p in score_answer(case, answer).points if p.point == point)
    assert (got == "covered") == (expected == C), got


@pytest.mark.parametrize(
    ("answer", "shown"),
    [
        ("总部位于苏州或上海。", "苏州或上海"),
        ("总部位于上海或苏州。", "上海或苏州"),
        ("总部位于苏州市或上海市。", "苏州市或上海市"),
        # v87's guesses, which showed the point twice (苏州可能在苏州，也可能在) before v104
        ("总部可能在苏州，也可能在上海。", "可能在苏州,也可能在"),
        ("总部在苏州、上海或宁波之一。", "苏州、上海或宁波之一"),
    ],
)
def test_the_report_shows_the_guess_around_the_name(answer: str, shown: str) -> None:
    """The text the report gives as "negated, not counted: 苏州 (as '...')" is the guess as the answer writes it."""
    case = next(c for c in load_scenarios([SCENARIOS]) if c.id == "kb_company_background")
    point = next(p for p in score_answer(case, answer).points if p.point == "苏州")
    assert (point.status, point.matched_text) == ("negated", shown)
