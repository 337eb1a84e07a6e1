"""Scorer v87: a range whose ends carry labels, a figure dismissed or without evidence, features denied in more words.

v86 credited the point's figure as an end of a range where the end carries its label in a bracket: 20个月（乐观）至
30个月（保守）, "from 20 months (best case) to 30 months (worst case)", "20 months (optimistic) - 30 months
(conservative)" - the range rule read a mark right after the first end only (`numbers/edges.py`, `LABEL_OF_AN_END`). And
a change from a labelled figure (从20个月（原计划）缩短到18个月) was no change.

A figure dismissed as a whole (`keywords/rejected.py`): 20个月回本纯属无稽之谈 / 是天方夜谭 / 是做不到的 / 是不切实际的,
20个月回本，根本不靠谱, 20个月回本，这个数字经不起推敲, 说20个月回本，那是痴人说梦, "A 20-month payback is pure
fantasy", "Payback in 20 months is not going to happen", "... doesn't stand up to scrutiny", "To say that payback is 20
months is pure fantasy"; a figure called so-called (所谓的20个月回本周期并不成立, "The so-called 20-month payback is a
myth"); a verdict after a question mark (回本周期为20个月？这个说法站不住脚。); a question on the figure and its own
predicate answered dismissively (20个月回本？想多了 / 别做梦了; "A 20-month payback? Dream on.";
20个月内能回本吗？不能。); no evidence of it, over its whole sentence (没有任何证据表明回本周期为20个月; "There is no
evidence that payback is 20 months") - not past a contrast.

A feature denied in more words (`negation.py`, `denial.py`): a spaced dash before a bare denial ("Private deployment -
unavailable", "– not available"), "is not an option for you", "remains unsupported", "is a no-go", "is not possible",
"is something we cannot offer", "Private deployment? Not possible.", 私有化部署：暂缺, 这块儿…没戏, 无从谈起,
不在我们的服务内容中.

Left, as decided before: an inclusive bound credits the plain figure (至少20个月, 不超过20个月 - v17), an approximation
credits it (20多个月, 20余个月, 20个月出头 - v17), a plan beside an actual figure (理论上20个月，实际上30个月; "20
months on paper, 30 months in practice") - the point may be either; "not possible for your plan" (the plan may be
upgraded); 2成 for 20% (a share said in 成, missed).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

LABELLED_RANGES: list[Row] = [
    ("20个月", "回本周期：20个月（乐观）至30个月（保守）。", CN, N),
    ("20个月", "回本周期为20个月（乐观）到30个月（保守）之间。", CN, N),
    ("20个月", "回本周期20个月(乐观)~30个月(保守)。", CN, N),
    ("30个月", "回本周期：20个月（乐观）至30个月（保守）。", CN, N),
    ("20个月", "Payback ranges from 20 months (best case) to 30 months (worst case).", CN, N),
    ("30个月", "Payback ranges from 20 months (best case) to 30 months (worst case).", CN, N),
    ("20个月", "Payback: 20 months (optimistic) - 30 months (conservative).", CN, N),
    ("30个月", "Payback: 20 months (optimistic) - 30 months (conservative).", CN, N),
    ("20%", "ROI 20% (year one) to 30% (year three).", None, N),
    ("20%", "ROI为20%（第一年）到30%（第三年）。", None, N),
    ("20%", "ROI由15%提升到15%（乐观）到20%（保守）。", None, N),
    ("20个月", "回本周期从20个月（原计划）缩短到18个月。", CN, N),
    ("20个月", "回本周期从30个月（原计划）缩短到20个月。", CN, C),
    ("20个月", "Payback fell from 30 months (plan) to 20 months.", CN, C),
    ("20个月", "回本周期20个月（约1年8个月）。", CN, C),
    ("20个月", "回本周期20个月（基准情形）- 详见下表。", CN, C),
    ("20个月", "方案A（乐观）- 20个月。", CN, C),
]

DISMISSED: list[Row] = [
    ("20个月", "20个月回本纯属无稽之谈。", CN, N),
    ("20个月", "20个月回本是天方夜谭。", CN, N),
    ("20个月", "说20个月回本，那是痴人说梦。", CN, N),
    ("20个月", "20个月回本，根本不靠谱。", CN, N),
    ("20个月", "20个月回本，这个数字经不起推敲。", CN, N),
    ("20个月", "20个月回本不会发生。", CN, N),
    ("20个月", "20个月回本是做不到的。", CN, N),
    ("20个月", "20个月回本是办不到的。", CN, N),
    ("20个月", "20个月回本是不切实际的。", CN, N),
    ("20个月", "认为回收期为20个月，那是天方夜谭。", CN, N),
    ("20个月", "A 20-month payback is pure fantasy.", CN, N),
    ("20个月", "The 20-month payback doesn't stand up to scrutiny.", CN, N),
    ("20个月", "Payback in 20 months is not going to happen.", CN, N),
    ("20个月", "To say that payback is 20 months is pure fantasy.", CN, N),
    ("20个月", "- To say that payback is 20 months is wrong.\n- ROI: 15%", CN, N),
    ("20个月", "所谓的20个月回本周期并不成立。", CN, N),
    ("20个月", "所谓20个月回本，经核实不成立。", CN, N),
    ("20个月", "The so-called 20-month payback is a myth.", CN, N),
    ("20个月", "回本周期为20个月？这个说法站不住脚。", CN, N),
    ("20个月", "回本周期20个月，靠谱。", CN, C),
    ("20个月", "回本周期20个月，有据可查。", CN, C),
    ("20个月", "The 20-month payback holds up.", CN, C),
    ("20个月", "The so-called 20-month payback holds up.", CN, C),
    ("20个月", "所谓的20个月回本周期是成立的。", CN, C),
    ("20个月", "所谓的20个月回本周期并非不成立。", CN, C),
    ("20个月", "所谓回本周期，就是20个月。", CN, C),
    ("20个月", "所谓的20个月回本周期，是指从上线算起。", CN, C),
    ("20个月", "说实话，回本周期是20个月。", CN, C),
    ("20个月", "To say that payback is 20 months is accurate.", CN, C),
]

ANSWERED_NO: list[Row] = [
    ("20个月", "20个月回本？不行。", CN, N),
    ("20个月", "20个月回本？不可能。", CN, N),
    ("20个月", "20个月回本？想多了。", CN, N),
    ("20个月", "20个月回本？别做梦了。", CN, N),
    ("20个月", "20个月内能回本吗？不能。", CN, N),
    ("20个月", "A 20-month payback? No.", CN, N),
    ("20个月", "A 20-month payback? Dream on.", CN, N),
    ("20个月", "A 20-month payback? Not a chance.", CN, N),
    ("20个月", "20个月内能回本吗？能。", CN, C),
    ("20个月", "20个月回本？没问题。", CN, C),
    ("20个月", "A 20-month payback? Yes.", CN, C),
    ("20个月", "20个月回本会影响预算吗？不会，回本周期就是20个月。", CN, C),
]

NO_EVIDENCE: list[Row] = [
    ("20个月", "没有任何证据表明回本周期为20个月。", CN, N),
    ("20个月", "没有任何证据表明，截至目前，回本周期为20个月。", CN, N),
    ("20个月", "并无迹象显示回本周期为20个月。", CN, N),
    ("20个月", "There is no evidence that payback is 20 months.", CN, N),
    ("20个月", "There is no evidence that, as of today, payback is 20 months.", CN, N),
    ("20个月", "Nothing suggests that payback is 20 months.", CN, N),
    ("20个月", "没有证据表明会延期，但回本周期为20个月。", CN, C),
    ("20个月", "There is no evidence of delays, so payback is 20 months.", CN, C),
    ("20个月", "回本周期为20个月。没有任何证据表明会延期。", CN, C),
]

P, E = "私有化部署", "private deployment"

DENIED_IN_MORE_WORDS: list[Row] = [
    (E, "Private deployment - unavailable.", None, N),
    (E, "Private deployment – not available.", None, N),
    (E, "Private deployment is not an option for you.", None, N),
    (E, "Private deployment remains unsupported.", None, N),
    (E, "Private deployment is a no-go.", None, N),
    (E, "Private deployment is not possible.", None, N),
    (E, "Private deployment? Not possible.", None, N),
    (E, "Sadly, private deployment is something we cannot offer.", None, N),
    (E, "Private deployment: not an option.", None, N),
    (P, "私有化部署：暂缺", None, N),
    (P, "私有化部署这块儿，目前没戏。", None, N),
    (P, "私有化部署无从谈起。", None, N),
    (P, "很遗憾，私有化部署不在我们的服务内容中。", None, N),
    (E, "Private deployment - available on request.", None, C),
    (E, "Private deployment - no extra cost.", None, C),
    (E, "Private deployment - not possible to beat on security.", None, C),
    (E, "Cloud - unavailable; private deployment - available.", None, C),
    (E, "Private deployment - yes. Cloud - no.", None, C),
    (E, "Private deployment is something we can offer.", None, C),
    (E, "Private deployment remains supported.", None, C),
    (E, "Private deployment remains available to you.", None, C),
    (E, "Private deployment? Absolutely.", None, C),
    (E, "Private deployment? Not possible to say without details; it is supported.", None, C),
    (E, "Private deployment is not an issue for you.", None, C),
    (P, "私有化部署这块儿我们很有经验，支持。", None, C),
    (P, "私有化部署缺失的组件我们会补齐。", None, C),
    (P, "私有化部署谈不上复杂，我们支持。", None, C),
    (P, "私有化部署在我们的服务内容中。", None, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 87


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    LABELLED_RANGES + DISMISSED + ANSWERED_NO + NO_EVIDENCE + DENIED_IN_MORE_WORDS,
)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
