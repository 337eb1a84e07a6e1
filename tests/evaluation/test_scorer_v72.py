"""Scorer v72: a verdict mark reaches its whole statement.

A cross after a statement negated only a point that ended right before it (v65/v66: 私有化部署：❌; v40: ROI为20% ❌):
预计20个月回本 ❌, 一年前签约1200万元，当前已回款860万元：❌, "The fee is $300 per month ❌" and "Discounts of up to 20%
are available (❌)" still said their figures, and the first two were charged as forbidden claims. Now a cross that ends
a statement - after it, after its colon, in a bracket or bold after it, in our column of its table row - negates every
point and claim of its clause (the lead's review: not of an earlier clause, 支持私有化部署，多租户 ❌)
(`keywords/crossed.py`, `crossed_after_its_statement`; `scoring.py` reads our column
for a figure too), back to the nearest sentence end, earlier mark, contrast, label colon, list item or another party
named after the point: on a line of two statements each with its own mark each mark judges its own (ROI 20% ✅，回收期
30个月 ❌). A cross opening a line clears every forbidden claim on it up to a tick, a sentence end or a label's colon
(v35 cleared only one that opened the line: ❌ Customer churn is 5% was charged), and still says a key point (v65's
decision: a cons list). A numbered item's number is no rate's count (1. It takes a week missed
1 week: read as "1 ... a week", a rate like 20 hours a week). Found by `benchmarks/mark_mutations.py`, whose LEFT
class (24,902 probes under v71, wrong as ❌ / ✅ read them too) is empty now and is counted as errors.
"""

from __future__ import annotations

import pytest
from scorer_rows import SW, charged, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
US = "| Item | Us |\n|---|---|\n| {S} | {M} |"
OURS = "| 功能 | 我们 |\n|---|---|\n| {S} | {M} |"
ASSETS = "总资产2021年为5800亿元，2023年已增至6500亿元"

# each row wrong under v71 beside the right one that keeps its verdict (point, answer, forms, expected) - tuples, not
# lists: the sweeps read the covered rows of module-level lists, and these answers are marked (the miss sweep skips a
# marked answer, and the credit sweep's mutations would pile words after the mark)
ROWS: tuple[tuple[str, str, NumberForms | None, str], ...] = (
    # a cross after the statement, its colon, bracket or bold
    ("20个月", "预计20个月回本 ❌", None, N),
    ("20个月", "预计20个月回本 ✅", None, C),  # unchanged
    ("20个月", "回收期为20个月 ❌", None, N),  # v40, unchanged
    ("20个月", "预计20个月回本：❌", None, N),
    ("20个月", "预计20个月回本（❌）", None, N),
    ("20个月", "预计20个月回本：**✗**", None, N),
    ("20个月", "预计20个月回本：**✅**", None, C),  # unchanged
    # the lead's review: a cross after a later clause judges that clause, not a point in an earlier one (the
    # helper's draft read back over the comma: 支持私有化部署，多租户 ❌ negated 私有化部署, 我们保证收益，多租户 ❌
    # was no claim)
    ("1200万元", "一年前签约1200万元，当前已回款860万元：❌", SW, C),
    ("私有化部署", "支持私有化部署，多租户 ❌", None, C),
    ("多租户", "支持私有化部署，多租户 ❌", None, N),
    ("私有化部署", "支持私有化部署、单点登录，不支持离线模式 ❌", None, C),
    ("On-premise deployment", "We support on-premise deployment, multi-tenant ❌", None, C),
    ("20 months", "Payback in 20 months, IRR 8% ❌", None, C),
    ("IRR 8%", "Payback in 20 months, IRR 8% ❌", None, N),
    ("$1,200", "The licence costs $1,200 per seat ❌", None, N),  # a thousands comma is no clause break
    # nor back over a bracket opened after the point, whose words the mark inside judges (the mark's own bracket does)
    ("20%", "ROI：20%（目标25% ❌）", None, C),
    ("20个月", "回收期20个月（行业平均30个月 ❌）", None, C),
    ("20 months", "Payback: 20 months (industry: 30 months ❌)", None, C),
    ("860万元", "一年前签约1200万元，当前已回款860万元：❌", SW, N),
    ("1200万元", "一年前签约1200万元，当前已回款860万元：✅", SW, C),  # unchanged
    ("$300", "The fee is $300 per month ❌", None, N),
    ("$300", "The fee is $300 per month ✅", None, C),  # unchanged
    ("up to 20%", "Discounts of up to 20% are available (❌)", None, N),
    ("up to 20%", "Discounts of up to 20% are available (✓)", None, C),  # unchanged
    # each mark reaches its own statement only: not past another mark, a sentence end, a contrast, a label's colon, a
    # list item joined onto the line; nor a mark before further words (v66 reads it)
    ("ROI 20%", "ROI 20% ✅，回收期30个月 ❌", None, C),
    ("30个月", "ROI 20% ✅，回收期30个月 ❌", None, N),
    ("ROI 20%", "回收期30个月 ❌，ROI 20% ✅", None, C),
    ("ROI 20%", "ROI为20%。回收期30个月 ❌", None, C),
    ("ROI 20%", "ROI 20%，但回收期30个月 ❌", None, C),
    ("私有化部署", "支持私有化部署 ✅，不支持SaaS ❌", None, C),  # v65, unchanged
    ("私有化部署", "私有化部署：支持，公有云 ❌", None, C),
    ("私有化部署", "- 私有化部署：支持- 多租户：❌", None, C),  # the miss sweep's lines joined
    ("私有化部署", "我们支持私有化部署，竞品A ❌", None, C),  # the other party's mark: unchanged
    ("20个月", "我们预计20个月回本，竞争对手 ❌", None, C),
    ("$300", "The fee is $300 per month, competitors ❌", None, C),
    ("20个月", "回收期20个月 ❌ 实际为24个月", None, N),  # v66, unchanged
    ("24个月", "回收期20个月 ❌ 实际为24个月", None, C),  # the correction, unchanged
    ("20个月", "- 预计20个月回本 ❌\n- 预计24个月回本 ✅", None, N),
    ("24个月", "- 预计20个月回本 ❌\n- 预计24个月回本 ✅", None, C),
    ("私有化部署", "私有化部署 ❌ → ✅（2025年起支持）", None, C),  # v66, unchanged
    # our column crosses the whole row label, a figure anywhere in it too (a text point's since v68)
    ("5800亿元", OURS.format(S=ASSETS, M="❌"), None, N),
    ("5800亿元", OURS.format(S=ASSETS, M="✅"), None, C),  # unchanged
    ("$500", US.format(S="$500 USD per seat", M="❌"), None, N),
    ("$500", US.format(S="$500 USD per seat", M="✔"), None, C),  # unchanged
    ("$500", US.format(S="$500", M="❌"), None, N),  # unchanged
    # a numbered item's number counts no rate
    ("1 week", "1. It takes a week", None, C),
    ("1 week", "1. ✅ It takes a week", None, C),
    ("1 week", "- ✅ It takes a week", None, C),  # unchanged
    ("1 week", "We work 20 hours a week", None, N),  # a rate (v47), unchanged
    ("1 week", "It costs 1,200 dollars a week", None, N),  # unchanged
    # v65's decision kept: a cross opening a line says a key point on it, wherever on the line it stands
    ("20个月", "❌ 预计20个月回本", None, C),
    ("churn 5%", "❌ Customer churn is 5%", None, C),
)

# (forbidden claim, answer, charged)
CLAIMS: tuple[tuple[str, str, bool], ...] = (
    ("churn 5%", "❌ Customer churn is 5%", False),
    ("churn 5%", "✅ Customer churn is 5%", True),  # unchanged
    ("20个月", "- ❌ 预计20个月回本", False),
    ("20个月", "- 预计20个月回本", True),  # unchanged
    ("保证收益", "❌ 我们保证收益", False),
    ("保证收益", "❌ 保证收益", False),  # v35, unchanged
    ("保证收益", "❌ 风险高 ✅ 我们保证收益", True),  # past a tick the line is no longer crossed out: unchanged
    ("保证收益", "❌ 收益不稳定。我们保证收益", True),  # nor past a sentence end: unchanged
    ("24 months", "❌ Payback was initially estimated at 20 months, but is now 24 months", False),  # the whole line
    ("私有化部署", "❌ 缺点：需要私有化部署", True),  # nor past a label's colon (a cons list says it, v65): unchanged
    ("1200万元", "一年前签约1200万元，当前已回款860万元：❌", True),  # the review: the cross judges the later clause
    ("860万元", "一年前签约1200万元，当前已回款860万元：❌", False),
    ("保证收益", "我们保证收益，多租户 ❌", True),
    ("保证收益", "我们保证收益 ❌", False),
    ("1200万元", "一年前签约1200万元，当前已回款860万元：✅", True),  # unchanged
    ("$300", "The fee is $300 per month ✗", False),
    ("$300", "The fee is $300 per month ✓", True),  # unchanged
    ("1 week", "1. ✅ It takes a week", True),
    ("1 week", "1. ❌ It takes a week", False),
)


def test_the_version() -> None:
    assert SCORER_VERSION >= 72


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ROWS)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("claim", "answer", "expected"), CLAIMS)
def test_claims(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected, (claim, answer)


# the lead's review: a label that calls what follows wrong or not to be said (a do / don't list: ✅ 正确：… /
# ❌ 错误：…) - covered and charged under v71 and the helper's draft; `rejected._MYTH_LABEL`, and for a line crossed out
# `mentions.crossed_out` reads past such a label's colon (v65's cons list, ❌ 缺点：…, still says it)
WRONG_LABELS: tuple[tuple[str, str, str, bool], ...] = (
    ("20个月", "错误：回收期20个月", N, False),
    ("20个月", "✅ 正确：回收期24个月\n❌ 错误：回收期20个月", N, False),
    ("20个月", "常见错误：回收期20个月", N, False),
    ("20 months", "Wrong: payback in 20 months", N, False),
    ("20 months", "Don't say: payback in 20 months", N, False),
    ("20个月", "不要说：回收期20个月", N, False),
    ("保证收益", "✅ 正确：收益随市场波动\n❌ 错误：保证收益", N, False),
    ("保证收益", "❌ Don't say: 保证收益", N, False),
    ("24个月", "正确答案：20个月；错误答案：24个月", N, False),
    ("20个月", "正确答案：20个月；错误答案：24个月", C, True),
    ("20个月", "错误的数据：回收期20个月", N, False),
    ("20 months", "Incorrect answer: 20 months. Correct answer: 24 months.", N, False),
    ("24 months", "Incorrect answer: 20 months. Correct answer: 24 months.", C, True),
    # unchanged: the right value beside the wrong one, a word that only contains 错误, a label that corrects
    ("20个月", "正确：回收期20个月\n错误：回收期24个月", C, True),
    ("20个月", "审批错误率：20个月", C, True),
    ("20个月", "纠正错误：回收期为20个月", C, True),
    ("保证收益", "❌ 缺点：我们保证收益", C, True),
)


@pytest.mark.parametrize(("point", "answer", "expected", "claimed"), WRONG_LABELS)
def test_a_label_that_calls_it_wrong(point: str, answer: str, expected: str, claimed: bool) -> None:
    if point != "保证收益":
        check_status(point, answer, expected)
    assert charged(point, answer) is claimed, answer


# the lead's review: a cross after a denial says it again (feature lists and tables: 私有化部署：不支持 ❌) - the mark
# kept the denial from ending its part, and the point was credited under v70, v71 and the helper's draft; and a denial
# in a column that describes the row (| 功能 | 说明 |) negates it (`denial._AVAILABILITY_HEADER`)
DENIED_AND_CROSSED: tuple[tuple[str, str, str], ...] = (
    ("私有化部署", "私有化部署：不支持 ❌", N),
    ("私有化部署", "私有化部署：暂不支持❌", N),
    ("私有化部署", "| 功能 | 说明 |\n|---|---|\n| 私有化部署 | 不支持 ❌ |", N),
    ("Private deployment", "Private deployment: not supported ❌", N),
    ("私有化部署", "私有化部署：支持 ✅", C),  # unchanged
    ("私有化部署", "私有化部署：支持，多租户：不支持 ❌", C),  # the denial is another label's
    ("私有化部署", "| 功能 | 说明 |\n|---|---|\n| 私有化部署 | 不支持 |", N),
    ("私有化部署", "| 功能 | 说明 |\n|---|---|\n| 私有化部署 | 支持，按节点计费 |", C),  # unchanged
    ("私有化部署", "| 功能 | 竞品A |\n|---|---|\n| 私有化部署 | 不支持 |", C),  # another party's column: unchanged
)


@pytest.mark.parametrize(("point", "answer", "expected"), DENIED_AND_CROSSED)
def test_a_cross_after_a_denial_says_it_again(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    if "竞品" not in answer:  # a forbidden claim under another party's column is v68's reading, not checked here
        assert charged(point, answer) is (expected == C), answer
