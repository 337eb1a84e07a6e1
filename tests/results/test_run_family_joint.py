"""A run's own verdicts - model against model, each model's RAG uplift, RAG per category - as families whose tests
share the suite's cases (`stats.stepdown` via `results.aggregate.holm_verdicts`): the hypotheses of one unit tested
jointly, two-sided, on the cases they share, Holm across the units.

Holm over them as unrelated tests needed p <= 0.05 / k, below the smallest p 6 cases can give (2/64): a model that
lost every case in both modes read "no significant difference" beside one other model (Holm 0.0625), and RAG
raising every case of three models read "not significant" for all three. The family-wise error is checked exactly
here: under each unit's null every joint sign pattern of the cases is equally likely, and over all of them at most
5% call anything."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

from pytest_llmeval.results.aggregate import aggregate_document, model_comparison, rag_rows
from pytest_llmeval.results.render import render_markdown
from pytest_llmeval.results.sections.models import model_pairs_section
from pytest_llmeval.stats import paired_difference, stepdown
from tests.results.test_small_n_redteam import record

HEALTHY = (60.0, 70.0, 80.0, 65.0, 75.0, 90.0)


def two_models_both_modes(b_scores: dict[str, list[float]]) -> list[dict[str, Any]]:
    cases = []
    for mode in ("norag", "rag"):
        for i, score in enumerate(HEALTHY):
            cases += [record("a", f"q{i}", score, mode), record("b", f"q{i}", b_scores[mode][i], mode)]
    return cases


def test_a_model_losing_every_case_in_both_modes_beside_one_other_is_worse():
    pairs = model_comparison(two_models_both_modes({"norag": [0.0] * 6, "rag": [0.0] * 6}), rag_table=[])["pairs"]
    assert [(p["mode"], p["verdict"]) for p in pairs] == [("norag", "worse"), ("rag", "worse")]
    assert all(p["p_holm"] == pytest.approx(2 / 64) and p["family"] == 2 and p["joint"] for p in pairs)
    doc = {"aggregates": {"comparison": {"rows": [], "pairs": pairs}}}
    section = model_pairs_section(doc)
    assert section is not None and section.table is not None
    assert [row[-1] for row in section.table.rows] == ["worse", "worse"]
    assert "a pair's modes tested jointly on the cases they share" in section.paragraphs[0]
    assert "Holm across the 1 pair(s)" in section.paragraphs[0]


def test_a_loss_in_one_mode_only_is_still_found_and_an_unchanged_mode_stays_unchanged():
    pairs = model_comparison(two_models_both_modes({"norag": [0.0] * 6, "rag": list(HEALTHY)}), rag_table=[])["pairs"]
    verdicts = {p["mode"]: p for p in pairs}
    assert verdicts["norag"]["verdict"] == "worse" and verdicts["norag"]["p_holm"] == pytest.approx(2 / 64)
    assert verdicts["rag"]["verdict"] == "no significant difference" and verdicts["rag"]["p_holm"] == 1.0


def test_pairs_sharing_a_model_are_tested_together_over_the_groupings_of_the_models():
    # a-b and a-c flipped at once is no relabelling of three models, so they are not one unit of `stepdown`; the
    # closed test over the groupings of the models (`stats.closed_pairs`) tests them together instead: Holm across
    # the 3 pairs at n=6 was 3 x 2/64 = 0.094, "no significant difference" for a model that lost every case
    cases = []
    for i, score in enumerate(HEALTHY):
        cases += [record("a", f"q{i}", 0.0), record("b", f"q{i}", score), record("c", f"q{i}", score)]
    pairs = {(p["a"], p["b"]): p for p in model_comparison(cases, rag_table=[])["pairs"]}
    assert pairs[("a", "b")]["p_holm"] == pytest.approx(2 / 64) and pairs[("a", "b")]["closed"]
    assert pairs[("a", "b")]["verdict"] == "better" and pairs[("a", "c")]["verdict"] == "better"
    assert pairs[("b", "c")]["verdict"] == "no significant difference"


def test_a_pair_whose_n_cannot_reach_5_percent_is_left_out_of_the_family():
    cases = two_models_both_modes({"norag": [0.0] * 6, "rag": [0.0] * 6})
    cases += [record("a", f"r{i}", 50.0, "rag") for i in range(2)]
    small = [record(m, f"s{i}", 70.0 if m == "a" else 10.0) for m in "ab" for i in range(4)]
    pairs = model_comparison([c for c in cases if c["mode"] == "rag"] + small, rag_table=[])["pairs"]
    by_mode = {p["mode"]: p for p in pairs}
    assert by_mode["norag"]["n"] == 4 and by_mode["norag"]["outside_family"] and by_mode["norag"]["p_holm"] is None
    assert by_mode["rag"]["verdict"] == "worse" and by_mode["rag"]["family"] == 1
    section = model_pairs_section({"aggregates": {"comparison": {"rows": [], "pairs": pairs}}})
    assert section is not None
    assert "1 comparison(s) whose n cannot reach p 0.05 at all left out of the family" in section.paragraphs[0]


def test_a_results_json_written_before_keeps_the_words_of_holm_over_every_pair():
    pairs = model_comparison(two_models_both_modes({"norag": [0.0] * 6, "rag": [0.0] * 6}), rag_table=[])["pairs"]
    old = [{k: v for k, v in p.items() if k not in ("joint", "outside_family")} for p in pairs]
    section = model_pairs_section({"aggregates": {"comparison": {"rows": [], "pairs": old}}})
    assert section is not None
    assert "Holm's correction over the 2 comparison(s) of this run" in section.paragraphs[0]
    assert "jointly" not in section.paragraphs[0]


# -- the family-wise error, exactly: every joint sign pattern under the unit's null --------------------------------


def _base(rng: np.random.Generator, shape: tuple[int, ...], ties: bool) -> np.ndarray:
    if ties:  # whole-number keyword scores, many cases unchanged or at the same level
        return rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], size=shape)
    return np.clip(rng.normal(55.0, 25.0, size=shape), 0.0, 100.0).round(1)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("cases", [6, 7])
def test_model_pairs_call_nothing_more_than_5_percent_of_the_time_under_no_difference(seed, cases):
    # two models, two modes: under "the two models are exchangeable in each case", swapping a case's answers of a
    # and b in both modes is as likely as not; over all 2^n swaps at most 5% of them give any "better" or "worse"
    rng = np.random.default_rng(seed)
    scores = _base(rng, (2, 2, cases), ties=bool(seed % 2))  # model x mode x case
    wrong = 0
    for swaps in itertools.product((False, True), repeat=cases):
        run = []
        for m, mode in enumerate(("norag", "rag")):
            for i, swapped in enumerate(swaps):
                a, b = scores[0, m, i], scores[1, m, i]
                a, b = (b, a) if swapped else (a, b)
                run += [record("a", f"q{i}", float(a), mode), record("b", f"q{i}", float(b), mode)]
        pairs = model_comparison(run, rag_table=[])["pairs"]
        wrong += any(p["verdict"] != "no significant difference" for p in pairs)
    assert wrong / 2**cases <= 0.05, wrong


@pytest.mark.parametrize("seed", range(4))
def test_uplifts_of_three_models_call_nothing_more_than_5_percent_of_the_time_under_no_uplift(seed):
    # under "RAG changes nothing", swapping a case's no-RAG and RAG answers in every model at once is as likely as
    # not: over all 2^6 swaps at most 5% give any model "better" or "worse with RAG" (its uplift or its category)
    rng = np.random.default_rng(seed)
    cases = 6
    scores = _base(rng, (3, 2, cases), ties=bool(seed % 2))
    wrong = 0
    for swaps in itertools.product((False, True), repeat=cases):
        run = []
        for m, model in enumerate("xyz"):
            for i, swapped in enumerate(swaps):
                before, after = scores[m, 0, i], scores[m, 1, i]
                before, after = (after, before) if swapped else (before, after)
                run += [record(model, f"q{i}", float(before)), record(model, f"q{i}", float(after), "rag")]
        rows = rag_rows(run)
        wrong += any(r["uplift_holm"]["significant_holm"] or r["categories"]["c"]["significant_holm"] for r in rows)
    assert wrong / 2**cases <= 0.05, wrong


def test_three_models_pairs_keep_the_family_wise_error_when_all_three_are_alike():
    # pairs sharing a model are Holm units of their own: when the three models are exchangeable in every case (each
    # case's three answers given to the models in a random order, the same order in both modes), some pair is called
    # in at most about 5% of runs (300 runs: the simulation error is ~0.013)
    rng = np.random.default_rng(7)
    runs, wrong = 300, 0
    for _ in range(runs):
        scores = _base(rng, (3, 2, 8), ties=False)
        run = []
        for i in range(8):
            order = rng.permutation(3)
            for m, model in enumerate("abc"):
                for k, mode in enumerate(("norag", "rag")):
                    run.append(record(model, f"q{i}", float(scores[order[m], k, i]), mode))
        pairs = model_comparison(run, rag_table=[])["pairs"]
        wrong += any(p["verdict"] != "no significant difference" for p in pairs)
    assert wrong / runs <= 0.07, wrong


# -- the procedure itself --------------------------------------------------------------------------------------------


def test_stepdown_units_are_holm_units_and_two_sided_is_symmetric():
    flips = [{f"c{i}": 10.0 + i for i in range(6)}, {f"c{i}": 5.0 * (i + 1) for i in range(6)}]
    p_own = [paired_difference([0.0] * 6, list(f.values())).p_value or 1.0 for f in flips]
    together = stepdown(p_own, flips, two_sided=True)
    apart = stepdown(p_own, flips, units=["x", "y"], two_sided=True)
    assert together == pytest.approx([2 / 64, 2 / 64])  # both rise in every case: 2 of the 64 joint patterns
    assert apart == pytest.approx([2 * 2 / 64, 2 * 2 / 64])  # two units: Holm across them
    negated = [{k: -v for k, v in f.items()} for f in flips]
    assert stepdown(p_own, negated, two_sided=True) == pytest.approx(together)
    one_sided = stepdown([1.0, 1.0], negated)  # one-sided (the gate): a fall is no evidence of a rise
    assert one_sided == [1.0, 1.0]
    with pytest.raises(ValueError, match="units"):
        stepdown(p_own, flips, units=["x"])


def test_the_run_report_says_how_the_uplifts_were_corrected():
    run = []
    for model in "xyz":
        for i, score in enumerate(HEALTHY):
            run += [record(model, f"q{i}", score - 40.0), record(model, f"q{i}", score, "rag")]
    doc = {"run": {"models": ["x", "y", "z"], "status": "complete"}, "cases": run}
    doc["aggregates"] = aggregate_document(run)
    markdown = render_markdown(doc)
    assert markdown.count("(Holm 0.0312): better with RAG") >= 3
    assert "tested jointly on the cases they share (a case's no-RAG and RAG answers swapped in every model" in markdown
