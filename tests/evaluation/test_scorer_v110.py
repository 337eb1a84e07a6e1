"""Scorer v110: a figure in a bracket that names whose word it is (供应商口径, 对方提供, vendor figure, as advertised)
with one's own count after it, a source's word in Chinese (官网说, 据对方介绍, 销售说) disclaimed by what one's own
check found or the source did not show, a claim in such a bracket disclaimed, a year opening a clause of another
event (1997年，华信改制为城商行; "In 1997, Huaxin was restructured"), a margin's or a build phase's figure for an
ROI or payback question, and 一致 no longer read as a numeral of a correction.

Found by probing with answers of classes the earlier versions' rows did not cover. v109 credited:
- 20个月 in 回本周期：20个月（供应商口径），我们测算为26个月, "Payback: 20 months (vendor figure); our estimate is 26
  months", "Payback: 20 months (as advertised); realistically 26 months", 20% in 项目ROI：20%（对方提供），经我们复核为
  12%, "The ROI is 20% (vendor's estimate), but our calculation gives 12%" (`hypothesis._WHOSE_WORD_AFTER`: read as a
  forecast is, only where an own count of another figure follows);
- 20个月 in 销售说回本周期20个月，但这不属实, 回本周期20个月（销售所说），但这不属实 (`assertion.SOURCE_SAYS_ZH`,
  `HEARSAY_BRACKET_AFTER`);
- 1997年 for 华信银行是哪一年成立的？ in 1997年，华信改制为城商行；它成立于1987年, and for "When was Huaxin Bank
  founded?" in "In 1997, Huaxin was restructured into a city commercial bank; it was founded in 1987"
  (`events._COMMA_THEN_EVENT`, `_EN_SUBJECT_THEN_EVENT`);
- 20% for 项目的ROI是多少？ in 毛利率倒是有20%，ROI只有12%, 20个月 for "What is the payback period?" in "The build
  phase takes 20 months; the payback period is 26 months" (fillers and the build's English names in `quantities`);
- and charged 已通过PCI DSS认证 in 官网说已通过PCI DSS认证，但这不属实 / 但我们核实后发现并没有 / 但经核实并没有,
  据对方介绍，…，但对方未提供证书, …（未提供证书）, 已通过PCI DSS认证（供应商自称），我们未能核实.
v109 missed 20个月 in 据说回本周期20个月，我们的测算结果一致 (the 一 of 一致 read as a numeral of a correction), and a
point said anew after a disclaimer of hearsay: 未通过 in 有人说已通过PCI DSS认证，但这不属实，目前未通过,
支持私有化部署 in 有人说不支持私有化部署，但这不属实，我们支持私有化部署 (`assertion.disclaimed_hearsay`).
Each class has innocent rows beside it (回本周期：20个月（供应商口径）。 alone; 我们测算也是20个月; 报价200万元（供应商
报价），实际成交价180万元; ROI为20%（2024年数据），2025年预计为25%; 官网说已通过PCI DSS认证，我们核实后发现没有问题;
…，但我们核实后发现并不影响评估; 2024年，系统正式上线; "In 2024, we launched it; in 2025, we rolled it out").
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status, status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"


ROWS = [
    ("回本周期20个月", "回本周期20个月？实际更像26个月。", N),
    ("回本周期20个月", "The payback could be as short as 20 months, though 26 is more typical.", N),
    ("处理时间5分钟", "最快5分钟，一般需要半小时。", N),
    ("回本周期20个月", "有人说20个月，但按我们的测算是26个月。", N),
    ("ROI 20%", "20%？不，ROI只有12%。", N),
    ("ROI 20%", "Is the ROI 20%? No - it is 12%.", N),
    ("回本周期20个月", "回本周期按20个月算是错误的，应为26个月。", N),
    ("回本周期20个月", "20个月回本是误区，实际要26个月。", N),
    ("回本周期20个月", "很多人以为回本只要20个月，其实要26个月。", N),
    ("回本周期20个月", "回本周期：20个月（供应商口径），我们测算为26个月。", N),
    ("回本周期20个月", "Payback: 20 months (vendor figure); our estimate is 26 months.", N),
    ("回本周期20个月", "It's closer to 26 months than the 20 months often cited.", N),
    ("回本周期20个月", "回本周期不会少于26个月，20个月的说法过于乐观。", N),
    ("回本周期20个月", "20个月的回本周期过于乐观，26个月更现实。", N),
    ("回本周期20个月", "A 20-month payback is too optimistic; 26 months is more realistic.", N),
    ("回本周期20个月", "供应商承诺20个月回本，但合同里写的是26个月。", N),
    ("回本周期20个月", "20个月？那是最理想的情况，一般是26个月。", N),
    ("回本周期20个月", "20 months? That's the best case; typically 26.", N),
    ("回本周期20个月", "回本周期20个月。", C),
    ("回本周期20个月", "The payback period is 20 months, not the 26 months some have claimed.", C),
    ("回本周期20个月", "回本周期：20个月（供应商口径）。", C),
    ("回本周期20个月", "回本周期：20个月（供应商口径），我们测算也是20个月。", C),
    ("回本周期20个月", "回本周期20个月（我们的测算），供应商说26个月。", C),
    ("回本周期20个月", "Payback: 20 months (vendor figure), which matches our estimate.", C),
    ("回本周期20个月", "Payback: 20 months (vendor figure); our estimate is also 20 months.", C),
    ("回本周期20个月", "回本周期20个月（官方数据），实际运营26个月。", N),
    ("ROI 20%", "The ROI is 20% (official figure); in practice it is 12%.", N),
    ("ROI 20%", "ROI为20%（官方数据），实际测算约为12%。", N),
    ("报价200万元", "报价200万元（供应商报价），实际成交价180万元。", C),
    ("回本周期20个月", "回本周期为20个月（厂商宣传），但我们核算后是26个月。", N),
    ("回本周期20个月", "The payback is 20 months (per the vendor), but we calculated 26 months.", N),
    ("回本周期20个月", "The payback is 20 months (the company's claim); realistically 26 months.", N),
    ("ROI 20%", "ROI为20%（2024年数据），2025年预计为25%。", C),
    ("ROI 20%", "ROI为20%（最新数据），实际上是全行业最高水平。", C),
    ("回本周期20个月", "回本周期20个月（供应商口径，我们核实过），实际执行也在20个月左右。", C),
    ("回本周期20个月", "销售说回本周期20个月，但这不属实。", N),
    ("回本周期20个月", "销售说回本周期20个月，我们核实后确认无误。", C),
    ("回本周期20个月", "对方表示回本周期为20个月，经核实属实。", C),
    ("回本周期20个月", "他们说回本周期20个月，这和我们的测算一致。", C),
    ("支持私有化部署", "销售说支持私有化部署，但我们核实后发现并不支持。", N),
    ("支持私有化部署", "供应商表示支持私有化部署，并已提供部署文档。", C),
    ("支持私有化部署", "据对方介绍，支持私有化部署（已提供案例）。", C),
    ("支持私有化部署", "据对方介绍，支持私有化部署，但对方未提供报价。", C),
    ("支持私有化部署", "支持私有化部署（对方介绍），我们核实后发现并不支持。", N),
    ("支持私有化部署", "支持私有化部署（对方介绍），我们已核实。", C),
    ("回本周期20个月", "回本周期20个月（销售所说），但这不属实。", N),
    ("支持私有化部署", "据对方介绍支持私有化部署，我们核实后发现并不影响采购。", C),
    ("已通过PCI DSS认证", "官网说已通过PCI DSS认证，我们核实后发现没有问题。", C),
    ("回本周期20个月", "销售说回本周期20个月，实际也是20个月。", C),
    ("ROI 20%", "他们说ROI为20%，但前提是满负荷运转。", C),
    ("回本周期20个月", "供应商表示回本周期20个月，但我们测算为26个月。", N),
    ("ROI 20%", "对方表示ROI可达20%，但这需要3年。", C),
    ("回本周期20个月", "据销售介绍，回本周期20个月，我们的测算结果一致。", C),
    ("回本周期20个月", "官网上写着回本周期20个月，但实际上要26个月。", N),
    ("回本周期20个月", "我们对方案做了测算：回本周期20个月。", C),
    ("回本周期20个月", "对方的报价为200万元，回本周期20个月，但需要额外投入30万元。", C),
    ("回本周期20个月", "厂商声明：回本周期20个月。", C),
    ("回本周期20个月", "据说回本周期20个月，我们的测算结果一致。", C),
    ("回本周期20个月", "回本周期220个月。", N),
    ("回本周期20个月", "回本周期20.5个月。", N),
    ("回本周期20个月", "回本周期第20个月。", N),
    ("回本周期20个月", "回本周期1年零8个月。", C),
    ("回本周期20个月", "回本周期约20个月。", C),
    ("回本周期20个月", "回本周期：120 个月", N),
    ("回本周期20个月", "The payback period is 120 months.", N),
    ("回本周期20个月", "The payback period is 2.0 months.", N),
    ("回本周期20个月", "The payback period is twenty months.", C),
    ("回本周期20个月", "The payback period is 20 weeks.", N),
    ("ROI 20%", "ROI为120%。", N),
    ("ROI 20%", "ROI为20‰。", N),
    ("ROI 20%", "ROI为-20%。", N),
    ("金额90万元", "金额为900万元。", N),
    ("金额90万元", "金额为90万美元。", N),
    ("金额90万元", "金额为9万元。", N),
    ("ROI 20%", "The ROI is 20% (vendor's estimate), but our calculation gives 12%.", N),
    ("ROI 20%", "The ROI is 20% (vendor's estimate), and our calculation also gives 20%.", C),
    ("ROI 20%", "The ROI is 20% (official figure).", C),
    ("ROI 20%", "The ROI is 20% (official figure), the highest in the sector.", C),
    ("回本周期20个月", "Payback: 20 months (as advertised); realistically 26 months.", N),
    ("回本周期20个月", "Payback: 20 months (marketing figure). Our model says 26 months.", N),
    ("ROI 20%", "ROI：20%（厂商数据），本项目实际测算为12%。", N),
    ("ROI 20%", "ROI：20%（厂商数据），本项目实际测算也是20%。", C),
    ("ROI 20%", "ROI：20%（厂商数据），实际运营中成本下降了12%。", C),
    ("回本周期20个月", "回本周期：20个月（官方口径）；按我们的测算是26个月。", N),
    ("回本周期20个月", "回本周期：20个月（官方口径）；建设期另需6个月。", C),
    ("回本周期20个月", "回本周期20个月（实测数据），测算值为26个月。", C),
    ("ROI 20%", "销售说明里写ROI为20%，这一点我们核实过，与事实相符。", C),
    ("回本周期20个月", "回本周期20个月（审计数据），测算值为26个月。", C),
    ("未通过", "官网说已通过PCI DSS认证，但我们核实后发现并没有，目前未通过。", C),
    ("未通过", "有人说已通过PCI DSS认证，但这不属实，目前未通过。", C),
    ("未通过", "据说该平台未通过PCI DSS认证，但这一说法无法证实。", N),
    ("支持私有化部署", "网传（未经证实）支持私有化部署。", N),
    ("支持私有化部署", "有人说不支持私有化部署，但这不属实，我们支持私有化部署。", C),
    ("回本周期20个月", "有人说回本周期26个月，但这不属实，回本周期20个月。", C),
    ("回本周期20个月", "官网说回本周期26个月，但我们核实后发现并没有那么长，回本周期20个月。", C),
]

# read with the case's question (the asked event, the asked quantity)
QUESTION_ROWS = [
    (
        "华信银行是哪一年成立的？",
        "1997年",
        "In 1997, Huaxin was restructured into a city commercial bank; it was founded in 1987.",
        N,
    ),
    (
        "When was Huaxin Bank founded?",
        "1997年",
        "In 1997, Huaxin was restructured into a city commercial bank; it was founded in 1987.",
        N,
    ),
    (
        "When was Huaxin Bank founded?",
        "1987年",
        "In 1997, Huaxin was restructured into a city commercial bank; it was founded in 1987.",
        C,
    ),
    ("When was Huaxin Bank founded?", "1987年", "Huaxin Bank was founded in 1987.", C),
    ("华信银行是哪一年成立的？", "1997年", "1997年，华信改制为城商行；它成立于1987年。", N),
    ("项目的回本周期是多久？", "20个月", "回本周期最短20个月，通常26个月。", N),
    ("项目的回本周期是多久？", "26个月", "回本周期最短20个月，通常26个月。", C),
    ("项目的ROI是多少？", "20%", "项目ROI：20%（对方提供），经我们复核为12%。", N),
    ("系统哪年上线？", "2024年", "2024年，系统正式上线。", C),
    ("系统哪年上线？", "2024年", "2024年，项目启动；同年上线。", C),
    ("系统哪年上线？", "2024年", "2023年立项，2024年，系统上线。", C),
    ("系统哪年上线？", "2025年", "2024年，项目启动；2025年，系统上线。", C),
    ("系统哪年上线？", "2024年", "2024年，项目启动；2025年，系统上线。", N),
    ("When did the system go live?", "2025年", "In 2024, the project kicked off; in 2025 it went live.", C),
    ("When did the system go live?", "2024年", "In 2024, the project kicked off; in 2025 it went live.", N),
    (
        "When was Huaxin Bank founded?",
        "1987年",
        "In 1987, Huaxin was founded as a credit cooperative; in 1997 it was restructured.",
        C,
    ),
    (
        "When was Huaxin Bank founded?",
        "1997年",
        "In 1987, Huaxin was founded as a credit cooperative; in 1997 it was restructured.",
        N,
    ),
    ("华信银行哪一年成立？", "1987年", "华信银行成立于1987年，1997年，改制为城商行。", C),
    ("华信银行哪一年成立？", "1997年", "华信银行成立于1987年，1997年，改制为城商行。", N),
    ("系统哪年上线？", "2024年", "上线时间：2024年，推广在2025年。", C),
    ("系统哪年上线？", "2024年", "系统上线时间：2024年，2025年完成全国推广。", C),
    ("系统哪年上线？", "2024年", "2024年，在完成试点之后系统上线。", C),
    ("系统哪年上线？", "2024年", "2024年，试点完成；2025年，全面上线。", N),
    ("When did the system go live?", "2024年", "The system went live in 2024. In 2025, usage doubled.", C),
    ("When did the system go live?", "2024年", "In 2024, we launched it; in 2025, we rolled it out nationwide.", C),
    (
        "When was Huaxin Bank founded?",
        "1987年",
        "Huaxin was founded in 1987. In 1997, it became a city commercial bank.",
        C,
    ),
    ("项目的ROI是多少？", "20%", "毛利率倒是有20%，ROI只有12%。", N),
    ("项目的ROI是多少？", "20%", "ROI倒是有20%，毛利率只有12%。", C),
    ("项目的ROI是多少？", "20%", "ROI有20%。", C),
    ("项目的回本周期是多久？", "20个月", "建设期：20个月；回本周期：26个月。", N),
    ("项目的回本周期是多久？", "20个月", "- 建设期：20个月\n- 回本周期：26个月", N),
    ("项目的回本周期是多久？", "20个月", "| 指标 | 数值 |\n|---|---|\n| 建设期 | 20个月 |\n| 回本周期 | 26个月 |", N),
    ("What is the payback period?", "20个月", "Construction: 20 months. Payback: 26 months.", N),
    ("What is the payback period?", "20个月", "The build phase takes 20 months; the payback period is 26 months.", N),
    ("What is the payback period?", "20个月", "The payback period is 20 months; the build phase takes 26 months.", C),
    ("项目的回本周期是多久？", "20个月", "回本周期：20个月；建设期：26个月。", C),
    ("项目的ROI是多少？", "20%", "ROI：12%（毛利率20%）。", N),
    ("项目的ROI是多少？", "20%", "ROI：20%（毛利率12%）。", C),
    ("项目的ROI是多少？", "20%", "毛利率20%，所以ROI也是20%。", C),
]

# the forbidden-claim path: a source's word our check found false, a claim in a bracket of whose word it is
CLAIM_ROWS = [
    ("已通过PCI DSS认证", "官网说已通过PCI DSS认证，但我们核实后发现并没有。", False),
    ("已通过PCI DSS认证", "据对方介绍，已通过PCI DSS认证（未提供证书）。", False),
    ("已通过PCI DSS认证", "已通过PCI DSS认证（供应商自称），我们未能核实。", False),
    ("已通过PCI DSS认证", "已通过PCI DSS认证（证书编号已核验）。", True),
    ("保证收益", "我们不保证收益。", False),
    ("保证收益", "没有任何产品能保证收益，本产品也不例外。", False),
    ("保证收益", "保证收益？这是违规的说法。", False),
    ("保证收益", "No one can guarantee returns, and neither do we.", False),
    ("支持私有化部署", "私有化部署：曾经提供，但已停止。", False),
    ("支持私有化部署", "私有化部署看似支持，实则不支持。", False),
    ("已通过PCI DSS认证", "官网说已通过PCI DSS认证，但这不属实。", False),
    ("已通过PCI DSS认证", "官网说已通过PCI DSS认证，但我们核实后发现并没有。", False),
    ("已通过PCI DSS认证", "官网说已通过PCI DSS认证，但经核实并没有。", False),
    ("已通过PCI DSS认证", "官网称已通过PCI DSS认证，但我们查证后发现根本没有。", False),
    ("已通过PCI DSS认证", "据对方介绍，已通过PCI DSS认证，但对方未提供证书。", False),
    ("已通过PCI DSS认证", "据对方介绍，已通过PCI DSS认证（未提供证书）。", False),
    ("已通过PCI DSS认证", "对方自称已通过PCI DSS认证，我们未能核实。", False),
    ("已通过PCI DSS认证", "已通过PCI DSS认证（供应商自称），我们未能核实。", False),
    ("已通过PCI DSS认证", "官网说已通过PCI DSS认证，我们核实后确认属实。", True),
    ("已通过PCI DSS认证", "已通过PCI DSS认证，我们核实后发现证书有效。", True),
    ("已通过PCI DSS认证", "官网说已通过PCI DSS认证，但我们核实后发现并不影响评估。", True),
    ("已通过PCI DSS认证", "已通过PCI DSS认证（供应商提供了证书，我们已核验）。", True),
    ("已通过PCI DSS认证", "已通过PCI DSS认证（对方介绍），证书编号可查。", True),
    ("已通过PCI DSS认证", "据对方介绍，已通过PCI DSS认证，并提供了证书。", True),
    ("已通过PCI DSS认证", "据对方介绍，已通过PCI DSS认证，但具体认证日期无法确认。", True),
    ("已通过PCI DSS认证", "销售说已通过PCI DSS认证，我们核实后发现并没有。", False),
    ("已通过PCI DSS认证", "已通过PCI DSS认证（官网所称），但这与事实不符。", False),
    ("已通过PCI DSS认证", "他们说已通过PCI DSS认证，这是真的。", True),
    ("已通过PCI DSS认证", "厂家表示已通过PCI DSS认证，但未出示证明。", False),
    ("已通过PCI DSS认证", "官网说已通过PCI DSS认证，但我们核实后发现并没有，目前未通过。", False),
    ("已通过PCI DSS认证", "网传（未经证实）已通过PCI DSS认证。", False),
    ("已通过PCI DSS认证", "有人说没有通过，但这不属实，已通过PCI DSS认证。", True),
]


def test_the_scorer_is_v110_or_later() -> None:
    assert SCORER_VERSION >= 110


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


@pytest.mark.parametrize(("question", "point", "answer", "expected"), QUESTION_ROWS)
def test_question_rows(question: str, point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, None, question)
    check_status(point, answer, expected, CN, question)


def test_a_year_opening_a_clause_is_read_only_with_an_event_asked() -> None:
    """The year's event comes from the clause it opens, but only a question that names an event asks of one: with
    no question, or a question of the event the year dates, the year stays the answer's."""
    answer = "1997年，华信改制为城商行；它成立于1987年。"
    assert status("1997年", answer, question="华信银行是哪一年成立的？") != "covered"
    assert status("1997年", answer, question="华信银行是哪一年改制的？") == "covered"
    assert status("1997年", answer) == "covered"


@pytest.mark.parametrize(("claim", "answer", "expected"), CLAIM_ROWS)
def test_claim_rows(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected
