"""The statistics behind every interval the reports print: known values, edge cases, and coverage."""

from __future__ import annotations

import math

import numpy as np
import pytest

from pytest_llmeval.stats import (
    cohen_kappa,
    mcnemar_exact,
    mean_ci,
    paired_difference,
    quantile_ci,
    spearman,
    verdict,
    wilson,
)


def test_wilson_matches_the_published_interval():
    # Wilson 95% interval for 8/10: 0.4902 .. 0.9433 (Newcombe 1998, table I)
    ci = wilson(8, 10)
    assert ci.estimate == 80.0 and ci.n == 10
    assert ci.low == pytest.approx(49.02, abs=0.01) and ci.high == pytest.approx(94.33, abs=0.01)
    assert wilson(0, 0).estimate is None and wilson(0, 0).n == 0


def test_mean_ci_edge_cases_say_what_n_is():
    assert mean_ci([]).estimate is None and mean_ci([]).n == 0
    one = mean_ci([42.0])
    assert (one.estimate, one.low, one.high, one.n) == (42.0, 42.0, 42.0, 1) and "n<2" in one.method
    same = mean_ci([5.0] * 10)
    assert same.low == same.high == 5.0
    dropped = mean_ci([1.0, None, float("nan"), 3.0])
    assert dropped.n == 2 and dropped.estimate == 2.0


def test_bootstrap_is_deterministic_with_a_seed_and_brackets_the_mean():
    values = list(np.random.default_rng(1).normal(50, 10, 40))
    a, b = mean_ci(values, seed=3), mean_ci(values, seed=3)
    assert a == b and a.low < a.estimate < a.high


def test_clustered_interval_counts_cases_not_samples_and_is_wider():
    rng = np.random.default_rng(7)
    case_effect = rng.normal(0, 20, 20)
    values = [float(e + rng.normal(0, 2)) for e in case_effect for _ in range(3)]
    clusters = [i for i in range(20) for _ in range(3)]
    clustered = mean_ci(values, clusters=clusters)
    naive = mean_ci(values)
    assert clustered.n == 20 and clustered.n_samples == 60 and naive.n == 60
    assert (clustered.high - clustered.low) > (naive.high - naive.low)


def test_quantile_ci_and_paired_difference():
    lat = [0.1 * i for i in range(1, 101)]
    p50 = quantile_ci(lat, 50)
    assert p50.estimate == pytest.approx(5.05) and p50.low < p50.estimate < p50.high
    a = [50.0] * 10 + [60.0] * 10
    b = [x + 10 for x in a]
    same_shift = paired_difference(a, b)
    assert same_shift.estimate == 10.0 and same_shift.significant and verdict(same_shift) == "better"
    none = paired_difference(a, a)
    assert none.estimate == 0.0 and not none.significant and verdict(none) == "no significant difference"
    with pytest.raises(ValueError, match="pairs"):
        paired_difference([1.0], [1.0, 2.0])


def test_mcnemar_kappa_spearman_known_values():
    a = [True] * 10 + [False] * 10
    b = [True] * 4 + [False] * 6 + [False] * 10  # 6 pass -> fail, none back
    m = mcnemar_exact(a, b)
    assert (m.b10, m.b01) == (6, 0) and m.p_value == pytest.approx(0.03125)  # 2 * 0.5**6
    assert mcnemar_exact(a, a).p_value == 1.0
    # kappa: 2x2 table [[20, 5], [10, 15]] -> po = 0.7, pe = 0.5 -> kappa = 0.4
    x = [True] * 25 + [False] * 25
    y = [True] * 20 + [False] * 5 + [True] * 10 + [False] * 15
    assert cohen_kappa(x, y).value == pytest.approx(0.4)
    assert cohen_kappa([True, True], [True, True]).value is None
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]).value == pytest.approx(1.0)
    assert spearman([1, 1, 1], [1, 2, 3]).value is None


def _coverage(draw, runs: int = 300) -> float:
    hits = 0
    for seed in range(runs):
        truth, values, clusters = draw(np.random.default_rng(seed))
        ci = mean_ci(values, clusters=clusters, resamples=1000, seed=seed)
        hits += ci.low <= truth <= ci.high
    return hits / runs


def test_bootstrap_interval_covers_the_true_mean_about_95_percent_of_the_time():
    def draw(rng):  # 30 cases, scores on 0-100 from a Beta(2, 3) distribution: true mean 40
        return 40.0, list(100 * rng.beta(2, 3, 30)), None

    coverage = _coverage(draw)
    assert 0.90 <= coverage <= 0.98, coverage


def test_clustered_interval_covers_the_true_mean_with_repeats():
    def draw(rng):  # 30 cases x 3 samples; the case effect dominates
        effect = rng.normal(50, 15, 30)
        values = [float(e + rng.normal(0, 5)) for e in effect for _ in range(3)]
        return 50.0, values, [i for i in range(30) for _ in range(3)]

    coverage = _coverage(draw)
    assert 0.90 <= coverage <= 0.98, coverage


def test_paired_difference_covers_the_true_difference():
    hits = 0
    runs = 300
    for seed in range(runs):
        rng = np.random.default_rng(seed)
        base = rng.normal(50, 15, 30)
        new = base + 3 + rng.normal(0, 8, 30)  # true improvement 3 points
        diff = paired_difference(list(base), list(new), resamples=1000, seed=seed)
        hits += diff.low <= 3 <= diff.high
    assert 0.90 <= hits / runs <= 0.98


def test_large_inputs_stay_fast_and_bounded():
    values = list(np.random.default_rng(0).normal(size=10_000))
    ci = mean_ci(values)
    assert ci.n == 10_000 and not math.isnan(ci.low) and "resamples" in ci.method
