"""Scorer v48: a point that names its subject and its figure (ROI 20%) said the longer ways.

v47 read a point's subject and figure together only across a copula, "about" or a colon within 16 characters (ROI是
20%, ROI约为20%, ROI预计达到20%, an ROI of 20%), or a change that reaches the figure (ROI从15%提高到20%). It missed
right answers with more words between: an adverbial of time, place or condition (ROI在三年内可达20%, ROI到2026年将
达到20%, 在乐观情况下, the ROI in three years will reach 20%, by 2026, once fully deployed, of the project), a modal or
raising verb (the ROI is expected to reach 20%, is projected at 20%, should come to, 有望达到, 应为20%), and a
correction that denies another figure first (ROI不是15%，而是20%, ROI并非15%，实际为20%, the ROI is not 15% but 20%),
with any of the subject's names, in prose, bullets and tables. v48 links them (`numbers/roundabout.py`): what stands
between is read by what it is - an adverbial is left out only where it is a known one, and what is left must be a whole
link - so it still credits no wrong answer: the point's own figure denied (ROI不是20%，而是15%), or offered as the one
rejected (ROI应为15%而非20%), another subject's figure (IRR在三年内可达20%，ROI为15%), another number (120%), a
negated or doubted expectation (ROI预计达不到20%, the ROI is not expected to reach 20% - which v47 credited as the
bare 20%), a condition (如果ROI可达20% - v47 credited it), a past expectation (the ROI was expected to reach 20%, but
is now 15%), a time ago (ROI在三年前为20%), and a bound before the figure, which breaks the link as it does without
the longer words (ROI有望超过20% as ROI超过20%), while one after it is read as before (ROI在三年内可达20%以上 as
ROI可达20%以上).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status, slowest_status, status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

# the point's subject, by the names an answer may give it (the point's own, then another of its names)
ROI_ZH = ("ROI", "投资回报率", "投资收益率")
ROI_EN = ("ROI", "return on investment")
MARGIN_ZH = ("毛利率", "净利率", "内部收益率")

# an adverbial of time, place or condition between the subject and its verb
ADVERBIAL_ROWS: list[Row] = [
    *(
        ("ROI 20%", f"{s}{rest}", None, C)
        for s in ROI_ZH
        for rest in (
            "在三年内可达20%。",
            "到2026年将达到20%。",
            "预计在三年内可达20%。",
            "在项目上线后有望达到20%。",
            "在乐观情况下可达20%。",
            "未来3年将达到20%左右。",
            "第三年可达20%。",
            "投产后稳定在20%。",
            "经测算为20%。",
            "，预计三年内，可达20%。",
            "预计到2026年底将达到20%。",
            "两年后可达到20%。",
            "在满负荷运转时为20%。",
        )
    ),
    *((f"{m}20%", f"{m}在规模化后有望提升至20%。", None, C) for m in MARGIN_ZH),
    *((f"{m}20%", f"{m}到明年将达到20%。", None, C) for m in MARGIN_ZH),
    *(
        ("ROI 20%", f"The {s} {rest}", None, C)
        for s in ROI_EN
        for rest in (
            "in three years will reach 20%.",
            "by 2026 is expected to reach 20%.",
            "is, by 2026, expected to reach about 20%.",
            "of the project is expected to reach 20%.",
            "for this investment should come to 20%.",
            "in the base case is estimated at 20%.",
            "within two years will rise to 20%.",
            "over the next 3 years is projected to hit 20%.",
            "eventually reaches 20%.",
            "in the long run should be 20%.",
        )
    ),
    ("ROI 20%", "The ROI, once fully deployed, will reach 20%.", None, C),
    ("ROI 20%", "ROI for year 3 is expected to be 20%.", None, C),
    ("ROI 20%", "The ROI in year three is 20%.", None, C),
    ("ROI 20%", "ROI from year two onwards is 20%.", None, C),
    ("ROI 20%", "The ROI, according to our model, is 20%.", None, C),
    ("ROI 20%", "ROI based on current assumptions is 20%.", None, C),
    ("ROI 20%", "The ROI is therefore expected to reach 20%.", None, C),
    ("ROI 20%", "The ROI after launch is 20%.", None, C),
    ("ROI 20%", "The ROI at full scale is 20%.", None, C),
    ("ROI 20%", "ROI因此可达20%。", None, C),
    ("ROI 20%", "ROI据我们测算为20%。", None, C),
    ("ROI 20%", "ROI到第三年可达20%。", None, C),
    ("ROI 20%", "ROI从第二年起可达20%。", None, C),
    ("ROI 20%", "ROI指标预计可达20%。", None, C),
    ("ROI 20%", "ROI一般在20%左右。", None, C),
    ("ROI 20%", "ROI的预期值为20%。", None, C),
    ("ROI 20%", "ROI在华东地区可达20%。", None, C),
    ("ROI 20%", "ROI在国内市场预计可达20%。", None, C),
    ("ROI 20%", "ROI在补贴到位的情况下可达20%。", None, C),
    ("ROI 20%", "The ROI in the East China region is 20%.", None, C),
    ("ROI 20%", "The ROI across all markets is expected to reach 20%.", None, C),
    ("回收期20个月", "回收期在满负荷运转下为20个月。", CN, C),
    ("回收期20个月", "回本周期按目前测算约为20个月。", CN, C),
    ("回收期20个月", "投资回收期在项目投产后为20个月。", CN, C),
    ("payback 20 months", "The payback period under current assumptions is 20 months.", None, C),
    ("gross margin 20%", "Gross margin within two years should rise to 20%.", None, C),
    ("毛利率20%", "The gross margin by 2026 is expected to reach 20%.", None, C),
]

# a modal or raising verb between them
RAISING_ROWS: list[Row] = [
    *(
        ("ROI 20%", f"{s}{rest}", None, C)
        for s in ROI_ZH
        for rest in (
            "会达到20%。",
            "有望达到20%。",
            "将达到20%。",
            "应为20%。",
            "应该是20%。",
            "可以实现20%。",
            "或将达到20%。",
        )
    ),
    *(
        ("ROI 20%", f"The {s} {rest}", None, C)
        for s in ROI_EN
        for rest in (
            "is expected to reach 20%.",
            "is projected at 20%.",
            "should come to 20%.",
            "will likely be 20%.",
            "is likely to hit 20% by 2026.",
            "is forecast to reach 20%.",
            "is set to reach 20%.",
            "is on track to reach 20%.",
            "is expected to be about 20%.",
            "is estimated at around 20%.",
        )
    ),
    ("payback 20 months", "The payback period is expected to be about 20 months.", None, C),
    ("净利率20%", "Net margin is projected to reach 20%.", None, C),
    ("回收期20个月", "回本周期预计将达到20个月。", CN, C),
]

# a correction: another figure denied, the point's figure said in its place (not X but Y, 不是X而是Y, 应为Y而非X,
# Y rather than X, instead of X it is Y)
CORRECTION_ROWS: list[Row] = [
    *(
        ("ROI 20%", f"{s}{rest}", None, C)
        for s in ROI_ZH
        for rest in (
            "不是15%，是20%。",
            "不是15%，而是20%。",
            "不是15%而是20%。",
            "并非15%，实际为20%。",
            "并不是15%，而应该是20%。",
            "不是15%，准确地说是20%。",
            "应为20%而非15%。",
            "应该是20%，而不是15%。",
            "为20%而不是15%。",
        )
    ),
    *(
        ("ROI 20%", f"The {s} {rest}", None, C)
        for s in ROI_EN
        for rest in (
            "is not 15% but 20%.",
            "isn't 15% but rather 20%.",
            "is not 15%; it is 20%.",
            "is not 15%. It is 20%.",
            "is not 15% - it is actually 20%.",
            "is 20% rather than 15%.",
            "should be 20%, not 15%.",
            ", instead of 15%, is 20%.",
        )
    ),
    ("ROI 20%", "ROI is not 15% but 20%.", None, C),
    ("ROI 20%", "ROI isn't 15%, it's 20%.", None, C),
    ("ROI 20%", "The ROI is not 15% — it's 20%.", None, C),
    ("ROI 20%", "The ROI is not 15%, but 20%.", None, C),
    ("ROI 20%", "The ROI is not 15%; instead, it is 20%.", None, C),
    ("ROI 20%", "ROI不是15%。实际为20%。", None, C),
    ("ROI 20%", "ROI并非只有15%，而是20%。", None, C),
    ("ROI 20%", "ROI的值不是15%，而是20%。", None, C),
    ("ROI 20%", "Instead of 15%, the ROI is 20%.", None, C),
    ("ROI 20%", "ROI: instead of 15%, it's 20%.", None, C),
    ("ROI 20%", "ROI instead of 15% is 20%.", None, C),
    ("回收期20个月", "回收期不是15个月，而是20个月。", CN, C),
    ("回收期20个月", "回本周期并非15个月，实际为20个月。", CN, C),
    ("payback 20 months", "The payback is not 15 months but 20 months.", None, C),
    ("毛利率20%", "毛利率不是15%，而是20%。", None, C),
]

# bullets, numbered lists, tables, Markdown emphasis
LAYOUT_ROWS: list[Row] = [
    ("ROI 20%", "- ROI：预计在三年内达到20%", None, C),
    ("ROI 20%", "* **ROI**：到2026年将达到**20%**", None, C),
    ("ROI 20%", "**ROI**在三年内可达**20%**", None, C),
    ("ROI 20%", "1. ROI is expected to reach 20%.\n2. IRR is 15%.", None, C),
    ("ROI 20%", "- IRR: 15%\n- ROI: not 15% but 20%", None, C),
    ("ROI 20%", "| 指标 | 预测 |\n|---|---|\n| ROI | 预计三年内可达20% |", None, C),
    ("ROI 20%", "| 指标 | 说明 |\n|---|---|\n| ROI | 不是15%，而是20% |", None, C),
    ("ROI 20%", "| Metric | Value |\n|---|---|\n| ROI | expected to reach 20% by 2026 |", None, C),
    ("ROI 20%", "| 指标 | 说明 |\n|---|---|\n| 投资回报率 | 在项目上线后有望达到20% |", None, C),
    ("回收期20个月", "### 结论\n\n回本周期在满负荷运转下为**20个月**。", CN, C),
    # ... and in a table, the same wrong answers stay wrong
    ("ROI 20%", "| 指标 | 说明 |\n|---|---|\n| ROI | 不是20%，而是15% |", None, N),
    ("ROI 20%", "| 指标 | 说明 |\n|---|---|\n| IRR | 在三年内可达20% |\n| ROI | 15% |", None, N),
    ("ROI 20%", "- ROI：预计达不到20%", None, N),
]

# the names of a 分别 / respectively list with adverbials and a modal before their figures, and figures in Chinese
# numerals (v48 also reads 百分之二十 from its start: v47 read ROI不是百分之二十 from 二十, after the negation)
LIST_AND_NUMERAL_ROWS: list[Row] = [
    ("ROI 20%", "ROI和IRR在三年内分别可达20%和15%。", None, C),
    ("ROI 20%", "ROI和IRR预计在三年内分别达到20%和15%。", None, C),
    ("ROI 20%", "ROI、IRR将分别达到20%和15%。", None, C),
    ("IRR 15%", "ROI和IRR到2026年分别可达20%和15%。", None, C),
    ("ROI 20%", "ROI and IRR in three years will reach 20% and 15% respectively.", None, C),
    ("ROI 20%", "ROI和IRR在三年内分别可达15%和20%。", None, N),
    ("ROI 20%", "IRR和ROI在三年内分别可达20%和15%。", None, N),
    ("ROI 20%", "The ROI and the IRR are expected to reach 15% and 20% respectively.", None, N),
    ("ROI 20%", "ROI在三年内可达百分之二十。", CN, C),
    ("ROI 20%", "投资回报率预计在三年内达到百分之二十。", CN, C),
    ("ROI 20%", "ROI不是百分之十五，而是百分之二十。", CN, C),
    ("回收期20个月", "回收期不是十五个月，而是二十个月。", CN, C),
    ("ROI 20%", "ROI不是百分之二十。", CN, N),
    ("ROI 20%", "ROI并非百分之二十。", CN, N),
    ("ROI 20%", "ROI不是百分之二十，而是百分之十五。", CN, N),
    ("ROI 20%", "ROI为百分之二十（不对，应为百分之十八）。", CN, N),
    ("ROI 20%", "难道ROI不是百分之二十吗？", CN, C),
]

# the wrong answers stay not covered: the point's own figure denied or rejected, another subject's figure, another
# number, a negated, doubted, conditional, asked or past expectation, a change by the figure, a time ago
WRONG_ROWS: list[Row] = [
    ("ROI 20%", "ROI不是20%，而是15%。", None, N),
    ("ROI 20%", "ROI应为15%而非20%。", None, N),
    ("ROI 20%", "ROI is not 20% but 15%.", None, N),
    ("ROI 20%", "IRR在三年内可达20%，ROI为15%。", None, N),
    ("ROI 20%", "The IRR is expected to reach 20%; the ROI 15%.", None, N),
    ("ROI 20%", "ROI在三年内可达120%。", None, N),
    ("ROI 20%", "ROI预计达不到20%。", None, N),
    ("ROI 20%", "The ROI is not expected to reach 20%.", None, N),
    ("ROI 20%", "ROI有望超过20%。", None, N),
    ("ROI 20%", "ROI并非20%，实际为15%。", None, N),
    ("ROI 20%", "The ROI isn't 20% but rather 15%.", None, N),
    ("ROI 20%", "The ROI is 15% rather than 20%.", None, N),
    ("ROI 20%", "ROI为15%，而不是20%。", None, N),
    ("ROI 20%", "The ROI, instead of 20%, is 15%.", None, N),
    ("ROI 20%", "ROI不是15%，IRR是20%。", None, N),
    ("ROI 20%", "ROI不是15%，而IRR是20%。", None, N),
    ("ROI 20%", "The ROI is not 15% but the IRR is 20%.", None, N),
    ("ROI 20%", "ROI在三年内可达15%，IRR为20%。", None, N),
    ("ROI 20%", "ROI预计为15%，三年后IRR可达20%。", None, N),
    ("ROI 20%", "The ROI and the IRR are expected to reach 15% and 20%.", None, N),
    ("ROI 20%", "ROI在三年内无法达到20%。", None, N),
    ("ROI 20%", "ROI在三年内不会达到20%。", None, N),
    ("ROI 20%", "ROI预计难以达到20%。", None, N),
    ("ROI 20%", "The ROI is unlikely to reach 20%.", None, N),
    ("ROI 20%", "The ROI will never reach 20%.", None, N),
    ("ROI 20%", "The ROI isn't expected to reach 20% by 2026.", None, N),
    ("ROI 20%", "我不认为ROI在三年内能达到20%。", None, N),
    ("ROI 20%", "I doubt the ROI is expected to reach 20%.", None, N),
    ("ROI 20%", "如果ROI在三年内可达20%，就值得投资。", None, N),
    ("ROI 20%", "如果ROI可达20%，就值得投资。", None, N),
    ("ROI 20%", "If the ROI in three years reaches 20%, we invest.", None, N),
    ("ROI 20%", "ROI在三年内可达20%吗？", None, N),
    ("ROI 20%", "Is the ROI expected to reach 20% by 2026?", None, N),
    ("ROI 20%", "ROI能否在三年内达到20%还不确定。", None, N),
    ("ROI 20%", "The ROI was expected to reach 20%, but is now 15%.", None, N),
    ("ROI 20%", "ROI原预计三年内可达20%，现下调至15%。", None, N),
    ("ROI 20%", "ROI在三年前为20%。", None, N),
    ("ROI 20%", "The ROI three years ago was 20%.", None, N),
    ("ROI 20%", "The ROI would have reached 20%.", None, N),
    ("ROI 20%", "ROI在三年内可达20%（不对，应为18%）。", None, N),
    ("ROI 20%", "The ROI is expected to reach 20% (correction: 18%).", None, N),
    ("ROI 20%", "ROI预计三年内可达20%的说法并不成立。", None, N),
    ("ROI 20%", "有人说ROI在三年内可达20%，但实际只有15%。", None, N),
    ("ROI 20%", "ROI预计将提升20%。", None, N),
    ("ROI 20%", "The ROI is expected to rise by 20%.", None, N),
    ("ROI 20%", "The ROI is expected to fall by 20%.", None, N),
    ("ROI 20%", "ROI在三年内提高了20%。", None, N),
    ("ROI 20%", "ROI在三年内可达20%的两倍。", None, N),
    ("ROI 20%", "营销ROI在三年内可达20%，社会投资回报率为15%。", None, C),  # a kind of ROI is the ROI (v40)
    ("ROI 20%", "社会投资回报率在三年内可达20%。", None, N),
    ("回收期20个月", "回收期18个月，20个月后可回本。", CN, N),
    ("回收期20个月", "应收账款回收期预计为20个月。", CN, N),
    ("回收期20个月", "回收期不是20个月，而是24个月。", CN, N),
    ("回收期20个月", "回收期应为24个月而非20个月。", CN, N),
    ("payback 20 months", "The payback is not 20 months but 24 months.", None, N),
    ("成立于2010年", "成立于2008年，2010年上市。", None, N),
    # a figure after an adverbial alone, or another holder's figure, is not the subject's
    ("ROI 20%", "ROI在三年内，20%的客户会流失。", None, N),
    ("ROI 20%", "ROI三年内20%的客户会流失。", None, N),
    ("ROI 20%", "ROI预计20%的客户会续约。", None, N),
    ("回收期20个月", "回收期在18个月内，20个月后全面盈利。", CN, N),
    ("ROI 20%", "ROI在竞争对手的方案下为20%。", None, N),
    ("ROI 20%", "ROI在竞争对手的市场为20%。", None, N),
    ("ROI 20%", "The ROI in competitor markets is 20%.", None, N),
    ("ROI 20%", "ROI在华东地区为15%，华南地区为20%。", None, N),
    ("ROI 20%", "The ROI in the north region is 15% and in the south region 20%.", None, N),
    ("ROI 20%", "ROI: instead of 20%, it's 15%.", None, N),
    ("ROI 20%", "The ROI, not 20%, is 15%.", None, N),
    ("ROI 20%", "The ROI of a competing project is 20%.", None, N),
    ("ROI 20%", "The ROI of the competitor's plant is 20%.", None, N),
    ("ROI 20%", "ROI在三年内很难达到20%。", None, N),
    ("ROI 20%", "ROI isn't 20%, it's 15%.", None, N),
    ("ROI 20%", "ROI不是20%。实际为15%。", None, N),
    ("ROI 20%", "ROI在三年内不应为20%。", None, N),
    # the bare figure reads a negated expectation too (v47 credited it)
    ("20%", "The ROI is not expected to reach 20%.", None, N),
    ("20%", "The ROI isn't likely to be 20%.", None, N),
    ("20%", "The ROI is not going to reach about 20%.", None, N),
    ("20%", "如果ROI可达20%，就值得投资。", None, N),
    ("20%", "The ROI is expected to reach 20%.", None, C),
    ("20%", "ROI不是15%，而是20%。", None, C),
]

# the negative-question and doubt rows of v46/v47, with the longer words between: a question asserts, a doubt denies
QUESTION_ROWS: list[Row] = [
    ("ROI 20%", "难道ROI在三年内不是20%吗？", None, C),
    ("ROI 20%", "Isn't the ROI 20%? But the IRR is expected to reach 15%.", None, C),
    ("ROI 20%", "ROI在三年内不是20%。", None, N),
    ("ROI 20%", "ROI在三年内不是20%吗？我以为是15%。", None, N),
    ("ROI 20%", "难道ROI在三年内会是20%吗？", None, N),
    ("ROI 20%", "Isn't the ROI 20%? In fact, it is expected to reach 15%.", None, N),
]

# a bound before the figure breaks the link as it does without the longer words, one after it is read as before:
# the long form and the plain form of each pair have the same verdict
BOUND_PAIRS: list[tuple[str, str, str]] = [
    ("ROI 20%", "ROI有望超过20%。", "ROI超过20%。"),
    ("ROI 20%", "ROI在三年内将超过20%。", "ROI超过20%。"),
    ("ROI 20%", "ROI预计至少达到20%。", "ROI至少为20%。"),
    ("ROI 20%", "ROI在三年内最高可达20%。", "ROI最高可达20%。"),
    ("ROI 20%", "ROI在三年内可达20%以上。", "ROI可达20%以上。"),
    ("ROI 20%", "ROI预计将控制在20%以内。", "ROI在20%以内。"),
    ("ROI 20%", "The ROI is expected to exceed 20%.", "The ROI is over 20%."),
    ("ROI 20%", "The ROI in three years will be 20% or more.", "The ROI is 20% or more."),
    ("ROI 20%", "The ROI is expected to be at least 20%.", "The ROI is at least 20%."),
    ("20%", "ROI有望超过20%。", "ROI超过20%。"),
    ("20%", "The ROI is expected to exceed 20%.", "The ROI is over 20%."),
]

# a forbidden claim said the longer way is charged; one denied, rejected or doubted is not
CHARGE_ROWS: list[tuple[str, str, bool]] = [
    ("ROI 20%", "ROI在三年内可达20%。", True),
    ("ROI 20%", "The ROI is expected to reach 20%.", True),
    ("ROI 20%", "ROI不是15%，而是20%。", True),
    ("ROI 20%", "ROI不是20%，而是15%。", False),
    ("ROI 20%", "ROI应为15%而非20%。", False),
    ("ROI 20%", "ROI预计达不到20%。", False),
    ("ROI 20%", "我不认为ROI在三年内能达到20%。", False),
]

STATED = [
    r
    for r in ADVERBIAL_ROWS + RAISING_ROWS + CORRECTION_ROWS + LAYOUT_ROWS + LIST_AND_NUMERAL_ROWS + WRONG_ROWS
    if r[3] == C
] + [r for r in QUESTION_ROWS if r[3] == C]
NOT_STATED = [r for r in LAYOUT_ROWS + LIST_AND_NUMERAL_ROWS + WRONG_ROWS + QUESTION_ROWS if r[3] == N]
ALL_ROWS = STATED + NOT_STATED


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 48


def test_there_are_enough_probes() -> None:
    assert len(ALL_ROWS) + len(BOUND_PAIRS) + len(CHARGE_ROWS) >= 250


def test_each_probe_is_quick() -> None:
    # slowest_status's own first call does not load the word segmenter (it loads for a numeral inside a word, 一般):
    # load it here, so that the one-off load (~0.8 s) is not read as a slow row
    status("ROI 20%", "ROI一般在20%左右。")
    assert slowest_status(ALL_ROWS) < 0.2


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), STATED)
def test_a_subject_and_its_figure_said_the_longer_way_are_covered(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), NOT_STATED)
def test_a_wrong_answer_with_the_longer_words_is_not_covered(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "long", "plain"), BOUND_PAIRS)
def test_a_bound_reads_the_same_with_the_longer_words(point: str, long: str, plain: str) -> None:
    assert (status(point, long) == C) is (status(point, plain) == C), (point, long, plain)


def test_the_bounds_keep_their_verdicts() -> None:
    # the pairs above compare like with like: a strict bound before the figure credits neither form, an inclusive one
    # after it credits both (v17)
    assert status("ROI 20%", "ROI有望超过20%。") != C
    assert status("ROI 20%", "ROI在三年内可达20%以上。") == C


@pytest.mark.parametrize(("claim", "answer", "expected"), CHARGE_ROWS)
def test_a_forbidden_claim_said_the_longer_way_is_charged(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected
