"""The RAG table's per-category uplift is Holm-corrected over a model's categories, and its pass rates and the
judge's agreement carry their intervals (a rate without its interval is not a result)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from pytest_llmeval.results.aggregate import judge_agreement, rag_rows
from pytest_llmeval.results.render import render_markdown
from pytest_llmeval.results.sections import judge_section, rag_category_section, rag_section
from pytest_llmeval.stats import mean_ci, wilson


def case(sid: str, category: str, mode: str, score: float, sample: int = 0, **extra: Any) -> dict[str, Any]:
    return {
        "model": "m",
        "scenario_id": sid,
        "suite": "s",
        "category": category,
        "mode": mode,
        "sample": sample,
        "score": score,
        "passed": score >= 60,
        "error": None,
        **extra,
    }


def run(changes: dict[str, list[float]], base: float = 40.0) -> list[dict[str, Any]]:
    """Each category's cases scored `base` without RAG and `base + change` with it."""
    cases = []
    for category, deltas in changes.items():
        for i, delta in enumerate(deltas):
            sid = f"{category}{i}"
            cases += [case(sid, category, "norag", base), case(sid, category, "rag", base + delta)]
    return cases


# category a: all 6 cases rise, the sign-flip test's p = 2/64 = 0.031 (< 0.05); the other three move both ways
FOUR_CATEGORIES = {
    "a": [20.0, 30.0, 40.0, 50.0, 55.0, 60.0],
    "b": [10.0, -10.0, 20.0, -20.0, 5.0, -5.0],
    "c": [30.0, -20.0, 0.0, 10.0, -10.0, 0.0],
    "d": [-15.0, 15.0, 25.0, -25.0, 0.0, 5.0],
}


def test_a_category_significant_alone_is_not_after_holm_over_four():
    (row,) = rag_rows(run(FOUR_CATEGORIES))
    a = row["categories"]["a"]
    assert a["uplift_interval"]["p_value"] == pytest.approx(2 / 64) and a["uplift_interval"]["significant"]
    assert a["p_holm"] == pytest.approx(4 * 2 / 64) and a["significant_holm"] is False and a["family"] == 4
    assert not any(c["significant_holm"] for c in row["categories"].values())
    section = rag_category_section({"aggregates": {"rag": [row]}})
    assert section is not None
    cell = {r[0]: r[1] for r in section.table.rows}["a"]  # type: ignore[union-attr]
    assert "(n=6); p 0.0312 (Holm 0.125)" in cell and "better" not in cell, cell
    assert "Holm's correction over the model's categories" in section.paragraphs[0]


def test_the_same_category_alone_is_significant_and_said_so():
    (row,) = rag_rows(run({"a": FOUR_CATEGORIES["a"]}))
    a = row["categories"]["a"]
    assert a["p_holm"] == pytest.approx(2 / 64) and a["significant_holm"] is True and a["family"] == 1
    section = rag_category_section({"aggregates": {"rag": [row]}})
    cell = section.table.rows[0][1]  # type: ignore[union-attr]
    assert cell.endswith("; p 0.0312 (Holm 0.0312): better with RAG"), cell


def test_a_category_without_a_test_stays_out_of_the_family_and_says_nothing_more():
    changes = {"a": FOUR_CATEGORIES["a"], "solo": [30.0]}
    (row,) = rag_rows(run(changes))
    assert row["categories"]["solo"]["p_holm"] is None and row["categories"]["a"]["family"] == 1
    text = render_markdown(
        {"run": {"settings": {}}, "cases": [], "aggregates": {"models": [], "rag": [row]}, "benchmarks": []}
    )
    assert "40.0 / 70.0 / +30.0 [no 95% interval at n=1] (n=1) |" in text


def test_under_no_change_some_category_looks_significant_at_most_5_percent_of_the_time():
    """4 categories of 8 cases, RAG and no-RAG scores exchangeable: uncorrected, one category or more was
    'significant' in 17-19% of runs (seeds 11-13); after Holm 3.7-5.7% (the simulation error at 300 runs is ~0.013)."""
    rng = np.random.default_rng(11)
    raw = corrected = 0
    runs = 300
    for _ in range(runs):
        changes = {c: list(np.round(rng.normal(0.0, 20.0, size=8), 1)) for c in "abcd"}
        (row,) = rag_rows(run(changes, base=50.0))
        raw += any(c["uplift_interval"]["significant"] for c in row["categories"].values())
        corrected += any(c["significant_holm"] for c in row["categories"].values())
    assert raw / runs > 0.10 and corrected / runs <= 0.06, (raw, corrected)


def test_the_rag_table_pass_rates_carry_their_interval_and_n():
    # 8 paired cases: without RAG 2 pass, with RAG 7
    cases = [case(f"c{i}", "x", "norag", 80.0 if i < 2 else 20.0) for i in range(8)]
    cases += [case(f"c{i}", "x", "rag", 80.0 if i < 7 else 20.0) for i in range(8)]
    (row,) = rag_rows(cases)
    assert row["pass_rate_norag_interval"] == wilson(2, 8).to_dict() and row["pass_rate_norag"] == 25.0
    assert row["pass_rate_rag_interval"] == wilson(7, 8).to_dict() and row["pass_rate_rag_interval"]["n"] == 8
    section = rag_section({"aggregates": {"rag": [row]}})
    cells = dict(zip(section.table.headers, section.table.rows[0]))  # type: ignore[union-attr]
    low, high = wilson(2, 8).low, wilson(2, 8).high
    assert cells["pass % no-RAG [95% CI]"] == f"25.0 [{low:.1f}, {high:.1f}]"
    assert cells["pass % RAG [95% CI]"].startswith("87.5 [")
    assert "pass % = share of those cases passed" in section.paragraphs[0] and "mid-p exact" in section.paragraphs[0]


def test_with_repeats_that_disagree_the_pass_rate_interval_is_over_the_case_shares():
    cases = [case(f"c{i}", "x", "norag", 80.0 if i < 3 else 20.0, sample=s) for i in range(6) for s in (0, 1)]
    cases += [
        case(f"c{i}", "x", "rag", 80.0 if (i < 4 or s == 0) else 20.0, sample=s) for i in range(6) for s in (0, 1)
    ]
    (row,) = rag_rows(cases)
    shares = [1.0] * 4 + [0.5] * 2
    assert row["pass_rate_rag"] == pytest.approx(100 * sum(shares) / 6, abs=0.05)
    assert row["pass_rate_rag_interval"] == mean_ci([100 * s for s in shares]).to_dict()
    assert row["pass_rate_rag_interval"]["n"] == 6 and row["pass_rate_norag_interval"] == wilson(3, 6).to_dict()


def judged(sid: str, keyword: bool, judge: bool, sample: int = 0) -> dict[str, Any]:
    return case(sid, "x", "norag", 80.0 if keyword else 20.0, sample, judge={"score": 50.0, "passed": judge})


def test_the_judge_agreement_carries_its_interval():
    cases = [judged(f"c{i}", i % 3 > 0, i % 3 > 0 or i == 3) for i in range(12)]  # agree on 11 of 12
    (row,) = judge_agreement(cases)
    assert row["agreement_pct"] == pytest.approx(100 * 11 / 12, abs=0.05)
    assert row["agreement_interval"] == wilson(11, 12).to_dict()
    section = judge_section({"aggregates": {"judge": [row]}})
    cells = dict(zip(section.table.headers, section.table.rows[0]))  # type: ignore[union-attr]
    interval = wilson(11, 12)
    assert cells["agree % [95% CI]"] == f"91.7 [{interval.low:.1f}, {interval.high:.1f}]"
    assert "mid-p exact" in section.paragraphs[0]


def test_with_repeats_the_judge_agreement_is_over_cases_and_says_its_n():
    # 6 cases x 2 answers: the scorers disagree on one answer of case c0
    cases = [judged(f"c{i}", True, not (i == 0 and s == 1), sample=s) for i in range(6) for s in (0, 1)]
    (row,) = judge_agreement(cases)
    assert row["n"] == 12 and row["agreement_interval"]["n"] == 6
    assert row["agreement_pct"] == pytest.approx(100 * (5 + 0.5) / 6, abs=0.05)
    section = judge_section({"aggregates": {"judge": [row]}})
    cell = dict(zip(section.table.headers, section.table.rows[0]))["agree % [95% CI]"]  # type: ignore[union-attr]
    assert cell.startswith("91.7 [") and cell.endswith("(n=6 cases)"), cell
