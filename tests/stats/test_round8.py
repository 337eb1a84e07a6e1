"""Round 8 of the statistics' red team: the benchmark that counts what a report claims under no difference
(`benchmarks/null_verdicts.py`) reads the report as it is rendered now, and what it reads agrees with the tests.

- an interval end written in exponent form (`+1e-05`, `elements._signed` for a difference below its digits) was
  no interval to the parser: a claim there was never counted;
- a renamed section or column counted nothing and printed 0 false alarms: it now stops with `ReportChanged`;
- every printed interval of a difference (model pairs, RAG uplift, the comparison's change and change %) leaves out
  0 exactly when its own test's p is at most 0.05, at n = 6-14: an interval is then the test at 5%, and the
  benchmark's per-interval rate is that test's size;
- the gate benchmark printed a bare share (`0.000` of 200 pairs read as never): each share now has its 95% Wilson
  interval, the simulation's own n behind it."""

from __future__ import annotations

import re

import numpy as np
import pytest
from benchmark_scripts import load_benchmark

nv = load_benchmark("null_verdicts")
gate_bench = load_benchmark("gate_false_alarm")
P_VALUE = re.compile(r"^([0-9.]+(?:e[+-]?\d+)?)")
UPLIFT_P = re.compile(r"; p ([0-9.]+(?:e[+-]?\d+)?)")


@pytest.mark.parametrize(
    ("cell", "excludes"),
    [
        ("+3.1 [+1e-05, +12.3]", True),
        ("-4.0 [-12.5, -2e-06]", True),
        ("+0.1 [-1e-05, +12.3]", False),
        ("+2e-05 [-3.5, +4.1] (n=8)", False),
        ("99.96 [99.91, 99.99]", True),
        ("+12.0 [no 95% interval at n=4] (n=4); p 0.125", False),
        ("+9.4 [-1.0, +21.3]; p 0.0781", False),
        ("+34.3 [+22.6, +46.5] (n=14)", True),
        ("+86.0% [+56.7, +116.7]", True),
        ("-150.0% [-231.3, +10.6]", False),
        ("+.5 [+.1, +.9]", True),
        ("-", False),
        ("", False),
    ],
)
def test_an_interval_is_read_in_every_form_the_reports_write(cell, excludes):
    assert nv.excludes_zero(cell) is excludes


def test_a_report_without_what_the_script_reads_stops_it():
    found = {"Model against model (paired on the same cases)": [{"pair": "b - a", "verdict": "better"}]}
    with pytest.raises(nv.ReportChanged, match="no section 'RAG: without vs with retrieval'"):
        nv.section_rows(found, nv.RAG_TITLE, ("uplift [95% CI]",), 2)
    with pytest.raises(nv.ReportChanged, match=r"no column \['difference \[95% CI\]'\]"):
        nv.section_rows(found, nv.PAIRS_TITLE, ("verdict", "difference [95% CI]"), 1)
    with pytest.raises(nv.ReportChanged, match="has 1 rows, 2 expected"):
        nv.section_rows(found, nv.PAIRS_TITLE, ("verdict",), 2)
    assert nv.section_rows(found, nv.PAIRS_TITLE, ("verdict",), 1) == found[nv.PAIRS_TITLE]


@pytest.mark.parametrize(("kind", "repeats"), [("binary", 1), ("graded", 1), ("graded", 3)])
def test_every_claim_has_a_chance_and_a_real_difference_is_found(kind, repeats):
    """A parser that read nothing counts no chances; under +3 on the logit scale (about +40 points) at n = 14 the
    report and the comparison must call model b better somewhere."""
    rng = np.random.default_rng(8)
    null = nv.simulate(rng, 14, kind, repeats, 3)
    assert all(null.chances[claim] > 0 for claim in nv.CLAIMS), null.chances
    model = nv.simulate(rng, 14, kind, repeats, 3, shift=3.0, where="model")
    for claim in ("pairs verdict", "pairs interval", "gate verdict", "gate interval", "gate change %"):
        assert model.made[claim] > 0, (claim, model.made)
    rag = nv.simulate(rng, 14, kind, repeats, 3, shift=3.0, where="rag")
    assert rag.made["uplift interval"] > 0, rag.made
    if kind == "graded":  # pass/fail cases of a 7-case category rarely all move one way
        assert rag.made["category interval"] > 0, rag.made


def _report_tables(cases: list[dict]) -> dict[str, list[dict[str, str]]]:
    doc = {"run": {"models": list(nv.MODELS), "status": "complete"}, "cases": cases}
    doc["aggregates"] = nv.aggregate_document(cases)
    sections = [s for s in nv.build_sections(doc) if s.key not in nv.PER_CASE]
    return nv.tables(nv.render_sections(sections, markdown=True))


def _comparison_rows(cases: list[dict]) -> list[dict[str, str]]:
    base = {"run": {"models": ["a"], "status": "complete"}, "cases": [c for c in cases if c["model"] == "a"]}
    new_cases = [{**c, "model": "a"} for c in cases if c["model"] == "b"]
    new = {"run": {"models": ["a"], "status": "complete"}, "cases": new_cases}
    text = nv.render_sections(nv.comparison_sections(nv.compare_runs(base, new)), markdown=True)
    return [r for r in nv.tables(text)[nv.GATE_TITLE] if r["metric"] in nv.QUALITY]


@pytest.mark.parametrize("n", [6, 7, 8, 10, 12, 14])
def test_a_printed_interval_leaves_out_0_exactly_when_its_test_rejects(n):
    """Per n: binary and graded, asked once and 3 times, with and without a shift (so both sides are seen)."""
    rng = np.random.default_rng(n)
    seen: dict[str, set[bool]] = {"pairs": set(), "rag": set(), "gate": set()}
    for draw in range(8):
        kind, repeats = ("binary", "graded")[draw % 2], (1, 3)[draw // 4 % 2]
        shift, where = (0.0, 1.5)[draw // 2 % 2], ("model", "rag")[draw % 3 == 0]
        cases = nv.records(rng, n, kind, repeats, shift, where)
        found = _report_tables(cases)
        for row in found[nv.PAIRS_TITLE]:
            p_value = P_VALUE.match(row["p (Holm)"])
            assert p_value is not None, row  # every pair of n >= 6 has a test
            rejects = float(p_value.group(1)) <= 0.05
            assert nv.excludes_zero(row["difference [95% CI]"]) is rejects, row
            seen["pairs"].add(rejects)
        for row in found[nv.RAG_TITLE]:
            said = UPLIFT_P.search(row["uplift [95% CI]"])
            if said:
                rejects = float(said.group(1)) <= 0.05
                assert nv.excludes_zero(row["uplift [95% CI]"]) is rejects, row
                seen["rag"].add(rejects)
        for row in _comparison_rows(cases):
            said = P_VALUE.match(row["p"])
            if said:
                rejects = float(said.group(1)) <= 0.05
                assert nv.excludes_zero(row["change [95% CI]"]) is rejects, row
                assert nv.excludes_zero(row["change % [95% CI]"]) is rejects, row
                seen["gate"].add(rejects)
    assert seen["pairs"] and seen["gate"], seen


@pytest.mark.parametrize("n", [6, 8, 10, 14])
def test_every_compared_figure_says_its_n(n):
    """Each row of the pairs, RAG and per-category tables and of the comparison names its n (a column or `(n=k)`)."""
    rng = np.random.default_rng(100 + n)
    cases = nv.records(rng, n, "graded", 1)
    found = _report_tables(cases)
    assert all(row["n"] == str(n) for row in found[nv.PAIRS_TITLE])
    assert all(row["n"].startswith(str(n)) for row in found[nv.RAG_TITLE])
    per_category = [n // 2 + n % 2, n // 2]
    for row, size in zip(found[nv.CATEGORY_TITLE], per_category, strict=True):
        for model in nv.MODELS:
            assert f"(n={size})" in row[f"{model} no-RAG / RAG / uplift"], row
    assert all(row["n (quality: cases; speed: answers)"] == str(n) for row in _comparison_rows(cases))


@pytest.mark.parametrize(
    ("fails", "reps", "text"),
    [(0, 200, "0.000 [0.000, 0.019]"), (16, 1000, "0.016 [0.010, 0.026]"), (200, 200, "1.000 [0.981, 1.000]")],
)
def test_a_gate_share_says_how_sure_the_simulation_is(fails, reps, text):
    assert gate_bench.share_text(fails, reps) == text


def test_the_gate_benchmark_decides_as_compare_runs_with_and_without_errors():
    rng = np.random.default_rng(3)
    margins = {"score": 5.0, "pass_rate": 10.0}
    gate_bench.cross_check(rng, 8, 6, "score:5,pass_rate:10", margins)
    gate_bench.cross_check(rng, 8, 6, "score:5,pass_rate:10", margins, errors=0.1)
    assert 0 <= gate_bench.fail_count(rng, 8, 0.35, margins, 5) <= 5
