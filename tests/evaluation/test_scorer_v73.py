"""Scorer v73: statements that each open with their own verdict mark on one line, and do / don't pairs.

A model lists what is right and what is wrong with a mark before each - one a line, or several on one line
(✅ 回收期24个月 ❌ 回收期20个月, ✅ Right: … ❌ Wrong: …). Under v72 the second statement's lead cross, standing right
after the first statement's figure, was read as that figure's verdict (v25, v40): the right answer was negated and the
wrong one, no longer on a line its cross opened, was covered - and a forbidden claim after a lead cross was charged.
v73 reads each such statement as a line of its own (`keywords/normalisation.py`, `_lead_marks_split`). A cross that
opens the next line with a label calling that line wrong (✅ 正确：回收期24个月 / ❌ 错误：回收期20个月) labels its own
line, not a correction of the line before (v47 read 错误 after the cross as a correction and negated 24个月); and a
label that calls its statement wrong reaches the whole statement (`rejected._MYTH_LABEL`: 100 characters, not 40 -
"❌ Wrong: Payback was initially estimated at 20 months, but is now 24 months" covered 24 months).
"""

from __future__ import annotations

import pytest
from scorer_rows import charged, check_status, status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

# statements that each open with their mark on one line: each mark judges the statement it opens - tuples, not lists:
# the sweeps mutate the covered rows of module-level lists as one statement (a question mark after the last one asks
# the last statement only, and the first stays said); the mark sweep makes these layouts itself
Rows = tuple[tuple[str, str, NumberForms | None, str], ...]
ON_ONE_LINE: Rows = (
    ("24个月", "✅ 回收期24个月 ❌ 回收期20个月", None, C),  # v72: negated (the second statement's cross)
    ("24个月", "- ✅ 回收期24个月 ❌ 回收期20个月", None, C),
    ("24个月", "1. ✅ 回收期24个月 ❌ 回收期20个月", None, C),
    ("24个月", "✅回收期24个月❌回收期20个月", None, C),
    ("24个月", "✔️ 回收期24个月 ✖️ 回收期20个月", None, C),
    ("24个月", "✓ 回收期24个月 ✗ 回收期20个月", None, C),
    ("24个月", "✅ 正确：回收期24个月 ❌ 错误：回收期20个月", None, C),
    ("24个月", "**✅ 正确**：回收期24个月 **❌ 错误**：回收期20个月", None, C),
    ("1500万元", "✅ 1500万元 ❌ 1200万元", None, C),
    ("ROI 20%", "✅ ROI 20% ❌ ROI 30%", None, C),
    ("24 months", "✅ Payback in 24 months ❌ Payback in 20 months", None, C),
    ("24 months", "✅ Right: payback in 24 months ❌ Wrong: payback in 20 months", None, C),
    ("20 months", "✅ Do: quote payback in 20 months ❌ Don't: promise returns", None, C),
    ("支持私有化部署", "✅ 正确：支持私有化部署 ❌ 错误：只支持公有云", None, C),
    ("20个月", "✅ 正确：回收期20个月 ❌ 错误：回收期24个月 ✅ 正确：ROI 20%", None, C),
    # the wrong statement of a labelled pair is not said; an unlabelled one opening with a cross is a con (v65)
    ("20个月", "✅ 正确：回收期24个月 ❌ 错误：回收期20个月", None, N),
    ("20 months", "✅ Right: payback in 24 months ❌ Wrong: payback in 20 months", None, N),
    ("20个月", "✅ 回收期24个月 ❌ 回收期20个月", None, C),  # v65's decision, as on a line of its own
    ("1200万元", "✅ 1500万元 ❌ 1200万元", None, C),
    # unchanged: a mark that ends the line, follows a colon or trails a figure with no mark opening the line
    ("20个月", "✅ 回收期20个月 ❌", None, N),
    ("20个月", "✅ 回收期20个月，多租户 ❌", None, C),  # v72 review: the cross judges the last clause
    ("私有化部署", "✅ 私有化部署：❌ 不支持", None, N),
    ("1200万元", "合同金额：1200万元 ❌ 1500万元 ✅", None, N),  # v25: trailing marks
    # a cross that corrects what comes before it still does, on one line or two
    ("20个月", "✅ 回收期20个月 ❌ 实际为24个月", None, N),
    ("24个月", "✅ 回收期20个月 ❌ 实际为24个月", None, C),
    ("ROI 20%", "✅ ROI 20% ❌ 不对，应为18%", None, N),
    ("20个月", "✅ 回收期20个月 ❌ 错误：应为24个月", None, N),
)

# a do / don't pair on two lines: the cross opens a line that its label calls wrong
ON_TWO_LINES: Rows = (
    ("24个月", "✅ 正确：回收期24个月\n❌ 错误：回收期20个月", None, C),  # v72: negated (v47's correction)
    ("24个月", "正确：回收期24个月\n❌ 错误：回收期20个月", None, C),
    ("24个月", "回收期24个月\n❌ 错误：回收期20个月", None, C),
    ("24个月", "回收期24个月\n❌ 错误说法：回收期20个月", None, C),
    ("24 months", "✅ Right: payback in 24 months\n❌ Wrong: payback in 20 months", None, C),
    ("24 months", "Payback in 24 months\n❌ Incorrect answer: payback in 20 months", None, C),
    ("支持私有化部署", "✅ 正确：支持私有化部署\n❌ 错误：只支持公有云", None, C),
    ("20个月", "✅ 正确：回收期24个月\n❌ 错误：回收期20个月", None, N),
    # a cross that corrects the line before: the correcting word after the label, or the verdict alone (v47)
    ("24个月", "回收期24个月\n❌ 错误：实际为20个月", None, N),
    ("24个月", "回收期24个月\n❌ 错误，应为20个月", None, N),
    ("20个月", "回收期20个月\n❌ 错误：应为24个月", None, N),
    ("20个月", "回收期20个月\n❌ 错误！", None, N),
    ("20个月", "回收期为20个月\n❌ 应为24个月", None, N),
    ("20 months", "Payback is 20 months\n❌ Correction: 24 months", None, N),
)

# a label that calls its statement wrong reaches the whole statement, in either language
LONG_LABELLED: list[tuple[str, str, NumberForms | None, str]] = [
    ("24 months", "❌ Wrong: Payback was initially estimated at 20 months, but is now 24 months", None, N),
    ("24 months", "Wrong: Payback was initially estimated at 20 months, but is now 24 months", None, N),
    ("24个月", "❌ 错误：回收期最初估计为20个月，但现在是24个月", None, N),
    ("24 months", "Wrong: in our experience with mid-sized retail customers the payback is 24 months", None, N),
    ("24 months", "❌ Wrong: Payback is 24 months", None, N),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 73


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), [*ON_ONE_LINE, *ON_TWO_LINES, *LONG_LABELLED])
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


# each statement of a pair in every mark a model writes, the right one first or second: the verdict on one line is the
# verdict the same statements get one a line
PAIRS = [
    ("24个月", "回收期24个月", "回收期20个月"),
    ("1500万元", "合同金额1500万元", "合同金额1200万元"),
    ("私有化部署", "支持私有化部署", "仅支持公有云"),
    ("24 months", "Payback in 24 months", "Payback in 20 months"),
    ("20%", "ROI is 20%", "ROI is 35%"),
]
TICKS = ("✅", "✓", "✔", "✔\ufe0f", "☑")
CROSSES = ("❌", "✗", "✘", "❎", "✖\ufe0f", "🚫")


@pytest.mark.parametrize(("point", "right", "wrong"), PAIRS)
@pytest.mark.parametrize("tick", TICKS)
@pytest.mark.parametrize("cross", CROSSES)
def test_a_line_of_marked_statements_reads_as_one_statement_a_line(
    point: str, right: str, wrong: str, tick: str, cross: str
) -> None:
    for one_line, lines in (
        (f"{tick} {right} {cross} {wrong}", f"{tick} {right}\n{cross} {wrong}"),
        (f"{cross} {wrong} {tick} {right}", f"{cross} {wrong}\n{tick} {right}"),
        (f"- {tick} {right} {cross} {wrong}", f"- {tick} {right}\n- {cross} {wrong}"),
    ):
        assert status(point, one_line) == status(point, lines) == "covered", (one_line, lines)
        assert charged(point, one_line) and charged(point, lines), one_line


# a forbidden claim that a lead cross opens is named, not made, wherever on the line it stands (v72: charged after a
# tick's statement on the same line)
CLAIMS = [
    ("保证收益", "✅ 风险可控 ❌ 保证收益", False),  # v72: charged
    ("保证收益", "✅ 风险可控 ❌ 保证收益 ✅ 透明收费", False),  # v72: charged
    ("guaranteed returns", "✅ Explain the risk ❌ Guaranteed returns", False),  # v72: charged
    ("保证收益", "✅ 正确：收益随市场波动 ❌ 错误：保证收益", False),
    ("guaranteed returns", "✅ Say: returns vary ❌ Don't say: guaranteed returns", False),
    ("保证收益", "✅ 保证收益 ❌ 风险可控", True),
    ("保证收益", "✅ 透明收费 ✅ 保证收益", True),
    ("保证收益", "❌ 风险高 ✅ 我们保证收益", True),  # v72, unchanged: a tick ends the cross's reach
]


@pytest.mark.parametrize(("claim", "answer", "expected"), CLAIMS)
def test_claims(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected
