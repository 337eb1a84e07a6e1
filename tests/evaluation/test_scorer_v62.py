"""Scorer v62: a figure written before its subject, and another holder in brackets after the subject.

- the figure before its subject in a clause of the project's own (项目可实现20%的ROI, 项目有20个月的回收期, "The
  project delivers a 20% ROI", "The project has a 20-month payback period": `numbers/attributive.py`) - v61 read a
  subject only before its figure and missed them; found by the "attributive" kind of benchmarks/miss_mutations.py
  (76 of 105 rewrites missed under v61, 6 under v62: a line break with no end mark after the name, pinned);
- another holder alone in brackets right after the subject (投资回报率（竞争对手）为20%, ROI (competitor) is 20%,
  回收期（竞品）为20个月: `holders.a_holder_in_brackets`) - v38 read any bracket there as the subject's other name
  and v61 credited them; a qualifier in brackets stays the subject's own (（按三年计）, （年化）, (annualised),
  （含税）, and now (3-year) and (est.), which v61 missed: `patterns._SUBJECT_LINK`);
- the payback period said with its verb (20个月即可回本, 约20个月可收回投资, "It pays back in 20 months", "pays for
  itself in 20 months": `attributive.paid_back_in`; 回本需要20个月, 收回投资需要20个月: 回本 and 收回投资 join the
  payback period's names in `patterns.SUBJECT_NAMES`) - v61 covered the bare 20个月 and missed them for 回收期20个月;
  "within" (20个月内, 以内, within 20 months) is read as 回收期为20个月以内 is since v17, an inclusive bound.

Each right answer stands beside its wrong twins (another holder, a change after the subject, a bound, a target, a
question, a condition, a negation, a share, another figure or unit), which stay not covered.
"""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

# the figure before its subject, in Chinese
ATTRIBUTIVE_ZH_ROWS: list[Row] = [
    ("ROI 20%", "项目可实现20%的ROI。", None, C),
    ("ROI 20%", "项目可实现20%的投资回报率。", None, C),
    ("ROI 20%", "该项目预计可实现20%的ROI，回收期约20个月。", None, C),
    ("ROI 20%", "我们预计能带来20%的投资回报率。", None, C),
    ("ROI 20%", "**项目可实现20%的ROI**", None, C),
    ("ROI 20%", "- 项目有20%的ROI", None, C),
    ("ROI 20%", "项目可实现20%左右的ROI。", None, C),
    ("ROI 20%", "项目可实现20%的ROI和15%的IRR。", None, C),
    ("回收期20个月", "项目预计有20个月的回收期。", None, C),
    ("回收期20个月", "项目有20个月的回收期。", None, C),
    ("毛利率20%", "方案有20%的毛利率。", None, C),
    ("回收期20个月", "## 回收期\n\n> 项目有20个月的回收期。", None, C),
    # wrong twins: another holder, a change after the subject, a bound, a target, a question, a condition, a
    # negation, a share, another figure, unit or subject
    ("回收期20个月", "竞品有20个月的回收期。", None, N),
    ("ROI 20%", "竞争对手20%的ROI。", None, N),
    ("ROI 20%", "竞争对手可实现20%的ROI。", None, N),
    ("ROI 20%", "行业平均有20%的ROI。", None, N),
    ("ROI 20%", "竞品有20%的ROI。", None, N),
    ("ROI 20%", "带来20%的ROI提升。", None, N),
    ("ROI 20%", "项目可实现20%的ROI提升。", None, N),
    ("ROI 20%", "项目有望带来20%的ROI增长。", None, N),
    ("ROI 20%", "项目可实现超过20%的ROI。", None, N),
    ("ROI 20%", "项目可实现不到20%的ROI。", None, N),
    ("ROI 20%", "项目至少可实现20%的ROI。", None, N),
    ("回收期20个月", "项目有超过20个月的回收期。", None, N),
    ("回收期20个月", "不到20个月即可回本。", None, N),
    ("回收期20个月", "回收期比竞品短20个月。", None, N),
    ("ROI 20%", "项目的目标是20%的ROI。", None, N),
    ("ROI 20%", "目标是20%的ROI。", None, N),
    ("ROI 20%", "项目可实现20%的ROI吗？", None, N),
    ("ROI 20%", "项目能否实现20%的ROI？", None, N),
    ("回收期20个月", "项目有20个月的回收期吗？", None, N),
    ("ROI 20%", "如果项目可实现20%的ROI，就值得做。", None, N),
    ("ROI 20%", "项目无法实现20%的ROI。", None, N),
    ("ROI 20%", "项目不会带来20%的ROI。", None, N),
    ("ROI 20%", "项目没有20%的ROI。", None, N),
    ("ROI 20%", "20%的ROI来自新客户。", None, N),
    ("ROI 20%", "项目有20%的ROI来自新客户。", None, N),
    ("ROI 20%", "项目可实现20%的ROI（竞品）。", None, N),
    ("ROI 20%", "项目可实现21%的ROI。", None, N),
    ("ROI 20%", "项目可实现20%的IRR。", None, N),
    ("回收期20个月", "项目有20天的回收期。", None, N),
    ("ROI 20%", "项目原本可实现20%的ROI，现在只有15%。", None, N),
]

# the figure before its subject, in English
ATTRIBUTIVE_EN_ROWS: list[Row] = [
    ("ROI 20%", "The project delivers a 20% ROI.", None, C),
    ("ROI 20%", "The project has an ROI of 20%.", None, C),
    ("ROI 20%", "It will deliver an estimated 20% ROI over three years.", None, C),
    ("ROI 20%", "The project yields a 20% return on investment.", None, C),
    ("回收期20个月", "The project has a 20-month payback period.", None, C),
    ("ROI 20%", "- The project delivers a 20% ROI\n- IRR: 15%", None, C),
    # wrong twins
    ("ROI 20%", "The competitor's ROI is 20%.", None, N),
    ("ROI 20%", "The competitor has a 20% ROI.", None, N),
    ("回收期20个月", "The competitor has a 20-month payback period.", None, N),
    ("ROI 20%", "The industry average is a 20% ROI.", None, N),
    ("ROI 20%", "The project delivers a 20% ROI improvement.", None, N),
    ("ROI 20%", "The project delivers a 20% ROI gain.", None, N),
    ("ROI 20%", "The project delivers a 20% ROI increase.", None, N),
    ("ROI 20%", "The project delivers at least a 20% ROI.", None, N),
    ("ROI 20%", "The project delivers over a 20% ROI.", None, N),
    ("ROI 20%", "The project delivers under a 20% ROI.", None, N),
    ("ROI 20%", "Our target is a 20% ROI.", None, N),
    ("ROI 20%", "Can the project deliver a 20% ROI?", None, N),
    ("ROI 20%", "If the project delivers a 20% ROI, it is worth doing.", None, N),
    ("ROI 20%", "The project does not deliver a 20% ROI.", None, N),
    ("ROI 20%", "The project won't deliver a 20% ROI.", None, N),
    ("回收期20个月", "The project has a 24-month payback period.", None, N),
    ("回收期20个月", "The project has a 20-month payback period extension.", None, N),
]

# another holder alone in brackets right after the subject, beside a qualifier in brackets
BRACKETED_HOLDER_ROWS: list[Row] = [
    ("ROI 20%", "投资回报率（按三年计）为20%。", None, C),
    ("ROI 20%", "投资回报率（年化）为20%。", None, C),
    ("ROI 20%", "ROI (annualised) is 20%.", None, C),
    ("ROI 20%", "ROI (3-year) is 20%.", None, C),
    ("ROI 20%", "投资回报率（含税）为20%。", None, C),
    ("ROI 20%", "ROI (est.) is 20%.", None, C),
    ("ROI 20%", "投资回报率（ROI）为20%。", None, C),
    ("ROI 20%", "投资回报率（ROI）仍为20%。", None, C),
    ("ROI 20%", "ROI (industry-standard definition) is 20%.", None, C),
    ("ROI 20%", "投资回报率（行业标准口径）为20%。", None, C),
    ("ROI 20%", "投资回报率（高于竞争对手）为20%。", None, C),
    # wrong twins: another holder in the bracket
    ("ROI 20%", "投资回报率（竞争对手）为20%。", None, N),
    ("ROI 20%", "ROI (competitor) is 20%.", None, N),
    ("ROI 20%", "ROI (competitor's) is 20%.", None, N),
    ("回收期20个月", "回收期（竞品）为20个月。", None, N),
    ("ROI 20%", "投资回报率（行业平均）为20%。", None, N),
    ("ROI 20%", "ROI (industry average) is 20%.", None, N),
    ("ROI 20%", "投资回报率（竞争对手）仍为20%。", None, N),
    ("ROI 20%", "ROI（竞争对手）：20%", None, N),
    ("ROI 20%", "投资回报率（竞争对手A公司）为20%。", None, N),
    ("ROI 20%", "投资回报率（竞品的口径）为20%。", None, N),
    ("ROI 20%", "ROI (competitor A) is 20%.", None, N),
    ("ROI 20%", "ROI (competitor's estimate) is 20%.", None, N),
]

# the payback period said with its verb (回本, 收回投资, pays back, pays for itself): the figure before 回本 or after
# "pays back in" (`attributive.paid_back_in`), and 回本 / 收回投资 as the subject's names (`patterns.SUBJECT_NAMES`)
PAID_BACK_ROWS: list[Row] = [
    ("回收期20个月", "20个月即可回本。", None, C),
    ("回收期20个月", "项目预计20个月即可回本。", None, C),
    ("回收期20个月", "约20个月可收回投资。", None, C),
    ("回收期20个月", "20个月回本。", None, C),
    ("回收期20个月", "## 结论\n\n20个月即可回本。", None, C),
    ("回收期20个月", "It pays back in 20 months.", None, C),
    ("回收期20个月", "The project pays for itself in 20 months.", None, C),
    ("回收期20个月", "It pays back the initial investment in about 20 months.", None, C),
    ("回收期20个月", "回本需要20个月。", None, C),
    ("回收期20个月", "项目回本需要约20个月。", None, C),
    ("回收期20个月", "收回投资需要20个月。", None, C),
    # within: an inclusive bound, read as 回收期为20个月以内 is (v17) and "within 5分钟" (v54)
    ("回收期20个月", "20个月内即可回本。", None, C),
    ("回收期20个月", "20个月以内回本。", None, C),
    ("回收期20个月", "It will pay back within 20 months.", None, C),
    # the sweep's rewrites of these rows: "or so" and a citation after the figure
    ("回收期20个月", "It pays back in 20 months or so.", None, C),
    ("回收期20个月", "It pays back in 20 months (source: document 2).", None, C),
    ("回收期20个月", "It pays back in 20 months[1].", None, C),
    ("回收期20个月", "20个月即可回本【1】。", None, C),
    ("ROI 20%", "项目可实现20%的ROI[1]。", None, C),
    # wrong twins: a bound, another holder, a part, a condition, a question, a negation, a target, another figure
    ("回收期20个月", "不到20个月即可回本。", None, N),
    # review: 最快 (at the fastest) is a best case, as in 回收期最快20个月
    ("回收期20个月", "最快20个月即可回本，通常需要30个月。", None, N),
    ("回收期20个月", "最快20个月即可回本。", None, N),
    ("回收期20个月", "超过20个月才能回本。", None, N),
    ("回收期20个月", "It pays back in less than 20 months.", None, N),
    ("回收期20个月", "It pays back in under 20 months.", None, N),
    ("回收期20个月", "It pays back in over 20 months.", None, N),
    ("回收期20个月", "回本需要超过20个月。", None, N),
    ("回收期20个月", "竞品20个月即可回本。", None, N),
    ("回收期20个月", "竞品预计20个月即可回本。", None, N),
    ("回收期20个月", "竞品回本需要20个月。", None, N),
    ("回收期20个月", "竞争对手的回本需要20个月。", None, N),
    ("回收期20个月", "The competitor pays back in 20 months.", None, N),
    ("回收期20个月", "## 竞品\n\n20个月即可回本。", None, N),
    ("回收期20个月", "## 竞争对手的回收期\n\n> 项目有20个月的回收期。", None, N),
    ("回收期20个月", "20个月可收回一半投资。", None, N),
    ("回收期20个月", "20个月收回一半投资。", None, N),
    ("回收期20个月", "收回一半投资需要20个月。", None, N),
    ("回收期20个月", "20个月即可回本一半。", None, N),
    ("回收期20个月", "It pays back half in 20 months.", None, N),
    ("回收期20个月", "It pays back half the investment in 20 months.", None, N),
    ("回收期20个月", "如果20个月即可回本，项目可行。", None, N),
    ("回收期20个月", "如果回本需要20个月，项目可行。", None, N),
    ("回收期20个月", "If it pays back in 20 months, we proceed.", None, N),
    ("回收期20个月", "20个月能回本吗？", None, N),
    ("回收期20个月", "回本需要20个月吗？", None, N),
    ("回收期20个月", "Does it pay back in 20 months?", None, N),
    ("回收期20个月", "20个月无法回本。", None, N),
    ("回收期20个月", "项目无法在20个月内回本。", None, N),
    ("回收期20个月", "回本不需要20个月。", None, N),
    ("回收期20个月", "It does not pay back in 20 months.", None, N),
    ("回收期20个月", "It won't pay back in 20 months.", None, N),
    ("回收期20个月", "目标是20个月回本。", None, N),
    ("回收期20个月", "24个月即可回本。", None, N),
    ("回收期20个月", "20天即可回本。", None, N),
    ("回收期20个月", "回本需要24个月。", None, N),
    ("回收期20个月", "回本时间缩短了20个月。", None, N),
    ("ROI 20%", "20%即可回本。", None, N),
    ("回收期20个月", "It pays back in 20 months (competitor).", None, N),
]

# another holder just before a clause that names no project of its own: "it" or the bare figure may be theirs
NEAR_HOLDER_ROWS: list[Row] = [
    ("ROI 20%", "The competitor's ROI is 15%. The project delivers a 20% ROI.", None, C),
    ("回收期20个月", "竞品需要30个月，我们20个月即可回本。", None, C),
    ("ROI 20%", "竞品的ROI为15%，项目可实现20%的ROI。", None, C),
    ("ROI 20%", "The competitor's project is mature. It delivers a 20% ROI.", None, N),
    ("回收期20个月", "竞品已经上线。20个月即可回本。", None, N),
]

ALL_ROWS = ATTRIBUTIVE_ZH_ROWS + ATTRIBUTIVE_EN_ROWS + BRACKETED_HOLDER_ROWS + PAID_BACK_ROWS + NEAR_HOLDER_ROWS


def test_version() -> None:
    assert SCORER_VERSION >= 62


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ALL_ROWS)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(
    ("point", "answer"),
    [("回收期20个月", "项目有20个月的回收期。"), ("ROI 20%", "项目可实现20%的ROI。")],
)
def test_the_bare_point_stays_covered(point: str, answer: str) -> None:
    """The bare point's figure was covered under v61 and stays so: the subject after it is only read for a point that
    names its subject."""
    check_status(point.removeprefix("回收期").removeprefix("ROI "), answer, C)
