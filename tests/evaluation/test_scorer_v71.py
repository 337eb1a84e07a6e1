"""Scorer v71: one cross and one check - every verdict mark read as ❌ or ✅ before any rule reads the answer.

The rules that read marks each had their own list of them, and the lists drifted: 私有化部署：✖ (✕, 🚫, ⛔, ☒, ✖️)
was credited where 私有化部署：❌ was negated, 私有化部署 ❌️ (❌ and the emoji selector U+FE0F) where 私有化部署 ❌ was,
❎ 保证收益 and ☒ 保证收益 were charged where ❌ 保证收益 was not (v35: a line crossed out), and 提供7✕24小时支持 missed
the point 7×24小时. `keywords/normalisation.py` (`one_mark_each`) now reads every cross as `CROSS` (❌) and every tick
as `CHECK` (✅), the selector after a mark dropped, and the rules name these two. × (and ✕, ✖) also multiplies: it is
a cross only where it stands as a verdict (opening or ending its line, item, cell or bracket, after a colon, before a
negation) and not beside a digit - 回收期为20×12=240天, 2×H100, 月费 × 月数 and ROI：20% × 0.5 = 10% keep their
readings. Found by the lead's probe and `benchmarks/mark_mutations.py` (29,266 of 129,398 probes read unlike ❌ / ✅
under v70, 0 now). A cross opening a key point's line still says the point (v65's decision: a cons list), whichever
cross it is.
"""

from __future__ import annotations

import pytest
from scorer_rows import SW, charged, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
CROSSES = ("❌", "❎", "✗", "✘", "×", "✖", "✕", "🚫", "⛔", "☒")
CROSSES += ("❌\ufe0f", "❎\ufe0f", "✖\ufe0f", "⛔\ufe0f", "✕\ufe0f")
CHECKS = ("✅", "✓", "✔", "☑", "🗸", "✅\ufe0f", "✔\ufe0f", "☑\ufe0f")
TABLE = "| 功能 | 我们 |\n|---|---|\n| 私有化部署 | {M} |"
# layouts where a mark is the point's verdict: crossed, not covered; ticked, covered
VERDICTS_ZH = ("私有化部署：{M}", "私有化部署 {M}", "私有化部署（{M}）", "私有化部署：**{M}**", TABLE)
VERDICTS_ZH += ("Private deployment (私有化部署): {M}", "- 私有化部署 {M}")

# each row wrong under v70 beside the right one that keeps its verdict (point, answer, expected)
ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    ("私有化部署", "私有化部署：✖", None, N),
    ("私有化部署", "私有化部署：❌", None, N),  # v65, unchanged
    ("私有化部署", "私有化部署 ❌\ufe0f", None, N),
    ("私有化部署", "私有化部署 ❌", None, N),  # v65, unchanged
    ("私有化部署", "私有化部署 ✕ 不支持", None, N),
    ("私有化部署", "私有化部署 ✗ 暂不提供", None, N),  # v66, unchanged
    ("私有化部署", "| 功能 | 竞品A | 我们 |\n|---|---|---|\n| 私有化部署 | ✅ | ✖\ufe0f |", None, N),
    ("私有化部署", "| 功能 | 竞品A | 我们 |\n|---|---|---|\n| 私有化部署 | ✅ | ❌ |", None, N),  # v68, unchanged
    ("私有化部署", "| 功能 | 竞品A | 我们 |\n|---|---|---|\n| 私有化部署 | ☒ | ✔\ufe0f |", None, C),  # v68, unchanged
    ("20个月", "回收期为20个月 ✖", None, N),
    ("20个月", "回收期为20个月 ❌", None, N),  # v40, unchanged
    ("ROI 20%", "ROI为20%（✖）", None, N),
    ("$1.2 million", "The contract is worth $1,200,000 ✕", SW, N),
    ("$1.2 million", "The contract is worth $1,200,000 ❌", SW, N),  # unchanged
    ("$1.2 million", "The contract is worth $1,200,000.", SW, C),  # unchanged
    # × (✕) as a multiplication sign: a factor, a product, an operand - read as before
    ("7×24小时", "提供7✕24小时支持", None, C),  # v70: missing (✕ was not ×)
    ("7×24小时", "提供7×24小时支持", None, C),  # unchanged
    ("24小时", "提供7✕24小时支持", None, C),  # v18, unchanged
    ("2×H100", "推荐配置：2✕H100", None, C),  # v70: missing
    ("2×H100", "推荐配置：2×H100", None, C),
    ("240天", "回收期为20×12=240天", None, C),
    ("20个月", "回收期20个月，月费 × 月数 = 总价", None, C),
    ("ROI 20%", "ROI：20% × 0.5 = 10%", None, N),  # v60/v63: an operand, unchanged
]
# a cross opening a key point's line says the point (v65's decision), whichever cross it is - a tuple, not a list: the
# sweeps read the covered rows of module-level lists, and claim_mutations' class of lines crossed out (v35) names ❌
CROSSED_LINES: tuple[tuple[str, str, NumberForms | None, str], ...] = (
    ("私有化部署", "❌ 私有化部署", None, C),
    ("私有化部署", "☒ 私有化部署", None, C),
    ("私有化部署", "- 🚫 私有化部署", None, C),
    ("私有化部署", "1. ✖ 私有化部署", None, C),
    ("私有化部署", "❌ 缺点：需要私有化部署", None, C),
)


def test_the_version() -> None:
    assert SCORER_VERSION >= 71


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), [*ROWS, *CROSSED_LINES])
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize("layout", VERDICTS_ZH)
def test_every_cross_denies_and_every_tick_offers_the_point(layout: str) -> None:
    for mark in CROSSES:
        check_status("私有化部署", layout.format(M=mark), N)
    for mark in CHECKS:
        check_status("私有化部署", layout.format(M=mark), C)


CLAIM_LAYOUTS = ("{M} 保证收益", "- {M} 保证收益", "保证收益：{M}", "保证收益 {M}", "保证收益（{M}）")


@pytest.mark.parametrize("layout", CLAIM_LAYOUTS)
def test_every_cross_clears_and_every_tick_makes_a_forbidden_claim(layout: str) -> None:
    crossed = [mark for mark in CROSSES if charged("保证收益", layout.format(M=mark))]
    ticked = [mark for mark in CHECKS if not charged("保证收益", layout.format(M=mark))]
    assert crossed == [] and ticked == [], (layout, crossed, ticked)


def test_a_line_crossed_out_names_a_forbidden_claim_whichever_cross() -> None:
    """v35: a forbidden claim on a line crossed out is not charged, as the same line still says a key point (v65)."""
    for _, answer, _, _ in CROSSED_LINES[:4]:
        assert not charged("私有化部署", answer), answer


def test_a_forbidden_claim_in_a_table() -> None:
    assert not charged("保证收益", "| 话术 | 合规 |\n|---|---|\n| 保证收益 | ⛔ |")
    assert not charged("保证收益", "| 话术 | 合规 |\n|---|---|\n| 保证收益 | ❌ |")  # v36, unchanged
    assert charged("保证收益", "| 功能 | 竞品A | 我们 |\n|---|---|---|\n| 保证收益 | ⛔ | ✔ |")  # v68: ours ticks it
    assert not charged("年化收益20%", "年化收益20% ✕")  # v70: charged
    assert not charged("年化收益20%", "年化收益20% ❌")  # unchanged
