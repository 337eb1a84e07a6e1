"""The closed test over the groupings of a run's models (`stats.closed_pairs`, via `results.aggregate.pair_verdicts`):
pairs sharing a model tested together. Holm across the pairs asked each of 3 pairs for p <= 0.05 / 3, below the
2/64 that 6 cases can give: one model of three losing every case read "no significant difference" against both."""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np
import pytest

from pytest_llmeval.results.aggregate import model_comparison
from pytest_llmeval.results.sections.models import model_pairs_section
from pytest_llmeval.stats.closed_pairs import ModeScores, closed_pair_p_values, set_partitions
from tests.results.test_small_n_redteam import record

HEALTHY = (60.0, 70.0, 80.0, 65.0, 75.0, 90.0)


def _run(scores: dict[str, tuple[float, ...]], modes: tuple[str, ...] = ("norag",)) -> list[dict[str, Any]]:
    return [
        record(model, f"q{i}", value, mode)
        for mode in modes
        for model, values in scores.items()
        for i, value in enumerate(values)
    ]


def _pairs(cases: list[dict[str, Any]]) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {(p["a"], p["b"], p["mode"]): p for p in model_comparison(cases, rag_table=[])["pairs"]}


@pytest.mark.parametrize("k, bell", [(1, 1), (2, 2), (3, 5), (4, 15), (5, 52)])
def test_every_grouping_of_k_models_once(k, bell):
    groupings = [tuple(sorted(tuple(g) for g in p)) for p in set_partitions(list(range(k)))]
    assert len(groupings) == bell == len(set(groupings))
    assert all(sorted(i for g in p for i in g) == list(range(k)) for p in groupings)


@pytest.mark.parametrize("modes", [("norag",), ("norag", "rag")])
def test_one_model_of_three_losing_every_case_is_worse_against_both_and_the_others_stay_equal(modes):
    pairs = _pairs(_run({"a": (0.0,) * 6, "b": HEALTHY, "c": HEALTHY}, modes))
    for mode in modes:
        assert pairs[("a", "b", mode)]["verdict"] == pairs[("a", "c", mode)]["verdict"] == "better"
        assert pairs[("a", "b", mode)]["p_holm"] == pytest.approx(2 / 64)  # never below the pair's own p
        assert pairs[("b", "c", mode)]["verdict"] == "no significant difference"
        assert all(p["closed"] and p["family"] == 3 * len(modes) for p in pairs.values())


def test_one_model_of_four_losing_every_case_is_found_at_six_cases():
    pairs = _pairs(_run({"a": HEALTHY, "b": HEALTHY, "c": (0.0,) * 6, "d": HEALTHY}))
    assert {k[:2] for k, p in pairs.items() if p["verdict"] != "no significant difference"} == {
        ("a", "c"),
        ("b", "c"),
        ("c", "d"),
    }
    assert pairs[("a", "c", "norag")]["verdict"] == "worse" and pairs[("c", "d", "norag")]["verdict"] == "better"


def test_a_pair_that_differs_alone_among_equal_models_is_not_made_significant_by_the_others():
    # b better than c by 1-3 points in a noisy way: neither its own test nor the groupings call it
    b = (60.0, 70.0, 80.0, 65.0, 75.0, 90.0)
    c = (59.0, 72.0, 77.0, 66.0, 74.0, 88.0)
    pairs = _pairs(_run({"a": (0.0,) * 6, "b": b, "c": c}))
    assert pairs[("b", "c", "norag")]["verdict"] == "no significant difference"
    assert pairs[("b", "c", "norag")]["p_holm"] >= pairs[("b", "c", "norag")]["p_value"]


def test_models_that_ran_different_cases_keep_holm_across_the_pairs():
    # c did not run q6: no relabelling of q6 among the three models exists, so the pairs stay units of their own
    cases = _run({"a": (0.0,) * 7, "b": (*HEALTHY, 85.0), "c": (*HEALTHY, 85.0)})
    cases = [c for c in cases if not (c["model"] == "c" and c["scenario_id"] == "q6")]
    pairs = _pairs(cases)
    assert not any(p["closed"] for p in pairs.values()) and all(p["joint"] for p in pairs.values())
    assert pairs[("a", "b", "norag")]["p_holm"] == pytest.approx(3 * 2 / 128)
    assert pairs[("a", "c", "norag")]["p_holm"] == pytest.approx(2 * 2 / 64)  # Holm's second step


def test_the_report_says_how_the_p_was_adjusted():
    pairs = model_comparison(_run({"a": (0.0,) * 6, "b": HEALTHY, "c": HEALTHY}), rag_table=[])["pairs"]
    section = model_pairs_section({"aggregates": {"comparison": {"rows": [], "pairs": pairs}}})
    assert section is not None and section.table is not None
    assert "a closed test over every grouping of the 3 models" in section.paragraphs[0]
    assert "Holm across" not in section.paragraphs[0]
    assert "(adjusted p in brackets <= 0.05)" in section.paragraphs[0]
    assert section.table.headers[4] == "p (closed test)"


# -- the machinery against a slow, obvious reference ----------------------------------------------------------------


def _reference(values: np.ndarray) -> dict[tuple[int, int], float]:
    """One mode, every relabelling of every case enumerated by itertools; per grouping the largest and the sum of
    the r^2 of the pairs inside the groups, each turned into its p over the relabellings and the smaller of the two
    calibrated over them again (min-p); a pair's adjusted p the largest p of the groupings joining it."""
    k, n = values.shape

    def ratios(v: np.ndarray, groups: list[list[int]]) -> list[float]:
        out = []
        for group in groups:
            for x, y in itertools.combinations(group, 2):
                d = v[y] - v[x]
                norm = math.sqrt(n * float((d**2).sum()))
                out.append((float(d.sum()) / norm) ** 2 if norm > 1e-12 else 0.0)
        return out

    adjusted = {pair: 0.0 for pair in itertools.combinations(range(k), 2)}
    for groups in set_partitions(list(range(k))):
        moving = [g for g in groups if len(g) > 1]
        if not moving:
            continue
        per_case = [list(itertools.product(*[list(itertools.permutations(g)) for g in moving])) for _ in range(n)]
        stats = []
        for choice in itertools.product(*per_case):
            v = values.copy()
            for case, perms in enumerate(choice):
                for group, perm in zip(moving, perms):
                    v[group, case] = values[list(perm), case]
            r2 = ratios(v, groups)
            stats.append((max(r2), sum(r2)))
        observed = ratios(values, groups)
        observed_stats = (max(observed), sum(observed))

        def p_of(value: float, column: int) -> float:
            return sum(s[column] >= value - 1e-9 for s in stats) / len(stats)

        smallest = [min(p_of(s[0], 0), p_of(s[1], 1)) for s in stats]
        observed_p = min(p_of(observed_stats[0], 0), p_of(observed_stats[1], 1))
        p = sum(m <= observed_p + 1e-12 for m in smallest) / len(stats)
        for group in groups:
            for pair in itertools.combinations(group, 2):
                adjusted[pair] = max(adjusted[pair], p)
    return adjusted


@pytest.mark.parametrize("seed", range(3))
def test_the_enumerated_closed_test_matches_a_plain_reference(seed):
    rng = np.random.default_rng(seed)
    values = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], size=(3, 3))
    values[0] -= 40.0 * (seed == 1)
    got = closed_pair_p_values({"norag": ModeScores(("a", "b", "c"), tuple(range(3)), values)})
    want = _reference(values)
    assert {(x, y): got[("abc"[x], "abc"[y], "norag")] for x, y in want} == pytest.approx(want)


# -- the family-wise error: under the null of each grouping, a relabelling is as likely as the data -----------------


@pytest.mark.parametrize("truth", ["all equal", "a apart"])
def test_no_more_than_5_percent_of_relabellings_call_a_true_equality(truth):
    # models equal within a group are exchangeable per case: relabel the data at random within the true groups and
    # count the runs in which any true equality is called a difference (two modes, 6 cases: drawn groupings)
    rng = np.random.default_rng(11)
    base = {m: np.clip(rng.normal(55.0, 25.0, size=(3, 6)), 0, 100).round() for m in ("norag", "rag")}
    if truth == "a apart":
        for m in base:
            base[m][0] -= 50.0
    groups = [[0, 1, 2]] if truth == "all equal" else [[1, 2]]
    wrong = 0
    runs = 60
    for _ in range(runs):
        modes = {}
        for m in ("norag", "rag"):
            v = base[m].copy()
            modes[m] = v
        for case in range(6):
            for group in groups:
                perm = rng.permutation(group)
                for m in modes:
                    modes[m][group, case] = base[m][perm, case]
        p = closed_pair_p_values({m: ModeScores(("a", "b", "c"), tuple(range(6)), v) for m, v in modes.items()})
        true_nulls = [("b", "c")] if truth == "a apart" else [("a", "b"), ("a", "c"), ("b", "c")]
        wrong += any(p[(x, y, m)] <= 0.05 for x, y in true_nulls for m in modes)
    assert wrong <= 0.05 * runs + 2 * math.sqrt(runs * 0.05 * 0.95), wrong


def test_a_group_the_same_in_both_modes_is_permuted_in_both_at_once():
    # the same answers in both modes: permuted jointly, the two-mode test is the one-mode test (its statistics
    # doubled or equal); permuted apart it would be another, weaker one
    from pytest_llmeval.stats.closed_pairs import _Grouping

    values = np.array([[0.0, 10.0, 0.0, 5.0, 0.0], [60.0, 70.0, 80.0, 65.0, 75.0], [55.0, 72.0, 79.0, 61.0, 70.0]])
    one = ModeScores(("a", "b", "c"), tuple(range(5)), values)
    alone = _Grouping([one], [[[0, 1, 2]]]).p_value(0, 1000)
    joint = _Grouping([one, one], [[[0, 1, 2]], [[0, 1, 2]]])
    assert len(joint.units) == 1 and joint.units[0][1] == (0, 1)
    assert joint.p_value(0, 1000) == pytest.approx(alone)
    other_cases = ModeScores(("a", "b", "c"), tuple(range(10, 15)), values)  # other cases: no joint permutation
    assert len(_Grouping([one, other_cases], [[[0, 1, 2]], [[0, 1, 2]]]).units) == 2


def test_the_closed_test_is_used_where_its_work_is_bounded():
    from pytest_llmeval.stats.closed_pairs import within_budget

    assert within_budget([3, 3], [30, 30]) and within_budget([4, 4], [14, 14]) and within_budget([4], [30])
    assert not within_budget([3, 3], [31, 31])  # 3 models x 2 modes at 100 cases took 13 s
    assert not within_budget([4, 4], [16, 16]) and not within_budget([5], [6]) and not within_budget([], [])


def test_a_suite_past_the_budget_keeps_holm_across_the_pairs():
    levels = [float(10 + (i * 7) % 80) for i in range(31)]
    pairs = _pairs(_run({"a": tuple(0.0 for _ in levels), "b": tuple(levels), "c": tuple(levels)}))
    assert not any(p["closed"] for p in pairs.values()) and all(p["joint"] for p in pairs.values())
    assert pairs[("a", "b", "norag")]["verdict"] == "better"
