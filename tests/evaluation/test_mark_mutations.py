"""A fixed, seeded sample of the verdict-mark sweep (benchmarks/mark_mutations.py, v71): each covered row's statement
in every layout (a colon, a bracket, after it, opening its line or list item, a table cell, bold) with every cross
(❌ ❎ ✗ ✘ × ✖ ✕ 🚫 ⛔ ☒, with U+FE0F too) and every tick (✅ ✓ ✔ ☑ 🗸, with U+FE0F too), for key points and forbidden
claims - each must read as ❌ or ✅ reads it, so a rule that names its own marks again fails here, and (v72) each must
be right, so a mark that reaches less than its statement fails here too; (v73) also two statements on one line each
opened by its mark, and do / don't pairs labelled 正确 / 错误 (Right / Wrong) on one line or two. The whole sweep runs
as the benchmark script."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest
from benchmark_scripts import load_benchmark

SAMPLED = 2000  # probes beyond each (path, mark, layout)'s first, seeded: about 4 s
SEED = 71


@pytest.fixture(scope="module")
def sweep_module() -> ModuleType:
    return load_benchmark("mark_mutations")


@pytest.fixture(scope="module")
def sampled(sweep_module: ModuleType) -> Any:
    return sweep_module.sweep(SAMPLED, SEED)


def test_every_mark_and_layout_is_swept_on_both_paths(sweep_module: ModuleType, sampled: Any) -> None:
    """Every (path, mark, layout) a language has is made at least once: an empty or a narrowed sweep cannot pass the
    next test."""
    made = set(sampled.made)
    marks = (*sweep_module.CROSSES, *sweep_module.CHECKS)
    assert len(marks) == 29 and {"❌", "✅", "×", "☒", "🗸", "❌\ufe0f", "✅\ufe0f"} <= set(marks)
    wanted = {
        (path, mark, layout)
        for path in ("key point", "claim")
        for mark in marks
        for layout in sweep_module.LAYOUTS
        if (layout, mark) not in sweep_module.NOT_A_VERDICT
    }
    assert wanted <= made, sorted(wanted - made)[:10]
    assert sum(sampled.made.values()) >= SAMPLED


def test_no_mark_reads_unlike_the_cross_or_the_tick(sweep_module: ModuleType, sampled: Any) -> None:
    errors = sweep_module.errors(sampled)
    assert errors == [], [(p.path, p.mark, p.layout, p.answer) for p in errors[:20]]


# statements v71 read wrong with ❌ / ✅ too (the sweep's LEFT then): a mark after a statement that does not end at the
# point (二十个月 in 预计20个月回本 ❌; both figures of two clauses), a cross opening an English line whose claim stands
# later in it (❌ Customer churn is 5%), a tick on a numbered item (1. ✅ It takes a week)
REACHED = {
    ("二十个月", "预计20个月回本"),
    ("1200万元", "一年前签约1200万元，当前已回款860万元"),
    ("churn 5%", "Customer churn is 5%"),
    ("1 week", "It takes a week"),
}


def test_a_mark_reaches_its_whole_statement(sweep_module: ModuleType) -> None:
    """v72: every probe of these statements - every layout, mark and path - is right, whatever the sample draws; the
    sweep counts a wrong one as an error (`REACH`)."""
    rows = [(row, said) for row, said in sweep_module.statements()[0] if (row[0], said) in REACHED]
    assert {(row[0], said) for row, said in rows} == REACHED
    made = list(sweep_module.probes(rows))
    decided = [p for p in made if p.in_an_earlier_clause]
    wrong = [p for p in made if sweep_module.verdict(p) != p.expected and not p.in_an_earlier_clause]
    assert len(made) >= 4 * 2 * 29 * 7 and wrong == [], [(p.path, p.layout, p.answer) for p in wrong[:20]]
    # a cross after a later clause judges that clause: the point of an earlier one is said, its claim made (review)
    not_said = [p.answer for p in decided if not sweep_module.verdict(p)]
    assert decided and not_said == [], not_said[:5]


def test_the_decided_layouts_are_the_crossed_line_of_a_key_point(sweep_module: ModuleType) -> None:
    """v65: a cross opening a line is no negation of a key point on it (a cons list says the point) - the only
    layouts where a crossed key point is expected covered; a forbidden claim on such a line is not charged (v35)."""
    assert set(sweep_module.DECIDED) == {
        "mark before (line)",
        "mark before (list item)",
        "mark before (numbered)",
        "pair, first on its line",  # v73: each statement of the pair opens with its mark, as on a line of its own
        "pair, second on its line",
    }
    assert all("v65" in why for why in sweep_module.DECIDED.values())
