"""One proportion, one interval; the case is the unit of agreement; a category that can never be significant does
not dilute the others; every percentile says its interval or that it has too few values.

(benchmarks/binary_mean_interval_coverage.py, kappa_cluster_coverage.py and rag_category_family.py print the tables
these tests take their bands from.)"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import binom

from pytest_llmeval.bench.stats import summarize
from pytest_llmeval.results.aggregate import holm_verdicts
from pytest_llmeval.stats import bounded_mean_intervals, cohen_kappa, mean_ci, paired_difference, spearman, wilson
from pytest_llmeval.stats.intervals import wilson_score_bounds

SIZES = (6, 8, 14, 30)


@pytest.mark.parametrize("n", SIZES)
def test_a_suite_of_0_and_100_scores_gets_the_pass_rate_interval(n):
    # the same cases, all scored 0 or 100, printed a mean score [Wilson] beside a pass rate [mid-p]: two intervals
    # for one proportion
    for k in range(n + 1):
        scores = [100.0] * k + [0.0] * (n - k)
        ci, rate = mean_ci(scores), wilson(k, n)
        assert (ci.low, ci.high, ci.n) == pytest.approx((rate.low, rate.high, rate.n), abs=1e-9), (k, n)
        assert ci.method == rate.method
    rows = np.array([[100.0] * k + [0.0] * (n - k) for k in range(n + 1)])
    low, high = bounded_mean_intervals(rows)  # the vectorised form (the simulations) agrees
    assert np.allclose(low, [wilson(k, n).low for k in range(n + 1)])
    assert np.allclose(high, [wilson(k, n).high for k in range(n + 1)])


@pytest.mark.parametrize("n", SIZES)
def test_0_100_mean_interval_rarely_undercovers_over_rates_5_to_95(n):
    # exact binomial sums over true rates 5-95%: Wilson's interval covered less than 0.93 at 18.0% / 12.8% / 3.9% /
    # 3.0% of the rates at n = 6 / 8 / 14 / 30, mid-p at 3.6% / 4.4% / 2.1% / 0.8%
    grid = np.arange(0.05, 0.9501, 0.001)
    k = np.arange(n + 1)
    rows = np.where(k[:, None] > np.arange(n)[None, :], 100.0, 0.0)
    pmf = binom.pmf(k[None, :], n, grid[:, None])

    def coverage(low: np.ndarray, high: np.ndarray) -> np.ndarray:
        inside = (low[None, :] <= 100 * grid[:, None] + 1e-9) & (100 * grid[:, None] <= high[None, :] + 1e-9)
        return (pmf * inside).sum(axis=1)

    now = coverage(*bounded_mean_intervals(rows))
    score = [wilson_score_bounds(int(j), n) for j in k]
    before = coverage(np.array([100 * a for a, _ in score]), np.array([100 * b for _, b in score]))
    assert (now < 0.93).mean() <= 0.05 and (now < 0.93).mean() < (before < 0.93).mean(), (n, (now < 0.93).mean())
    assert now.min() >= 0.91 and 0.95 <= now.mean() <= 0.975, (n, now.min(), now.mean())


def test_kappa_with_repeats_counts_cases_not_answers():
    a = [True, True, False, False, True, False, True, True, False, True]
    b = [True, False, False, False, True, True, True, True, False, True]
    once = cohen_kappa(a, b, seed=3)
    ids = list(range(10)) * 3
    thrice = cohen_kappa(a * 3, b * 3, seed=3, clusters=ids)  # each case asked 3 times, its answers alike
    assert thrice.n == 10 and thrice.value == pytest.approx(once.value)
    # the repeats add no information: the interval is the cases' own, not one 3 x 10 answers would allow
    assert (thrice.low, thrice.high) == pytest.approx((once.low, once.high))
    pooled = cohen_kappa(a * 3, b * 3, seed=3)  # answers as units: narrower than the cases allow
    assert pooled.high - pooled.low < 0.8 * (thrice.high - thrice.low)


def test_kappa_interval_with_repeats_covers_at_fourteen_cases():
    # 14 cases x 3 answers (an answer redrawn with chance 0.2): answers as units covered 0.81-0.86 at kappa 0.5-0.7
    rng = np.random.default_rng(21)
    p, kappa = 0.6, 0.5
    both = p * p + kappa * p * (1 - p)
    probs = [both, p - both, p - both, 1 - 2 * p + both]
    covered = total = 0
    for _ in range(150):
        case_cells = rng.choice(4, size=14, p=probs)
        cells = np.where(rng.random((14, 3)) < 0.2, rng.choice(4, size=(14, 3), p=probs), case_cells[:, None]).ravel()
        ids = np.repeat(np.arange(14), 3).tolist()
        result = cohen_kappa([c in (0, 1) for c in cells], [c in (0, 2) for c in cells], 0.95, 200, 1, clusters=ids)
        if result.low is None or result.high is None:
            continue
        total += 1
        covered += result.low <= kappa <= result.high
    assert total >= 140 and covered / total >= 0.92, (covered, total)


def test_spearman_with_repeats_is_over_case_means():
    x = [10.0, 20.0, 30.0, 40.0, 50.0]
    y = [12.0, 18.0, 35.0, 30.0, 55.0]
    ids = list(range(5)) * 4
    by_case = spearman(x * 4, y * 4, clusters=ids)
    once = spearman(x, y)
    assert (
        by_case.n == 5 and by_case.value == pytest.approx(once.value) and by_case.p_value == pytest.approx(once.p_value)
    )
    assert spearman(x * 4, y * 4).p_value < by_case.p_value  # over 20 answers the same data looked far surer


def test_a_category_that_can_never_be_significant_is_left_out_of_holms_family():
    # 6 cases all rise: p = 2/64 = 0.031. Beside a 4- and a 3-case category (smallest p 0.125 and 0.25: never
    # significant), Holm over all three made it 0.094; they are left out now and it stands
    diffs = {
        "six": paired_difference([40.0] * 6, [60.0, 70.0, 80.0, 90.0, 95.0, 100.0]),
        "four": paired_difference([40.0] * 4, [60.0, 20.0, 80.0, 30.0]),
        "three": paired_difference([40.0] * 3, [60.0, 70.0, 80.0]),
    }
    verdicts = holm_verdicts(diffs)
    assert verdicts["six"]["p_holm"] == pytest.approx(2 / 64) and verdicts["six"]["significant_holm"]
    assert verdicts["six"]["family"] == 1
    assert verdicts["four"]["outside_family"] and verdicts["four"]["p_holm"] is None
    assert verdicts["three"]["outside_family"] and not verdicts["three"]["significant_holm"]


@pytest.mark.parametrize(("sizes", "power_at_least"), [([8, 4, 3], 0.06), ([14, 5, 3, 2], 0.3)])
def test_the_family_keeps_false_alarms_at_most_five_percent_and_finds_more(sizes, power_at_least):
    # no uplift anywhere: some category called significant at most 5% of the time; a real uplift in the first
    # (largest) category: found more often than Holm over every category found it (0.022 / 0.159 in
    # benchmarks/rag_category_family.py, 0.091 / 0.408 now)
    rng = np.random.default_rng(sum(sizes))
    levels, same, better = np.array([0.0, 50.0, 100.0]), [0.45, 0.1, 0.45], [0.1, 0.1, 0.8]
    alarms = found = 0
    reps = 300
    for _ in range(reps):
        for uplift in (False, True):
            diffs = {
                f"c{i}": paired_difference(
                    rng.choice(levels, n, p=same).tolist(),
                    rng.choice(levels, n, p=better if uplift and i == 0 else same).tolist(),
                )
                for i, n in enumerate(sizes)
            }
            verdicts = holm_verdicts(diffs)
            if uplift:
                found += verdicts["c0"]["significant_holm"]
            else:
                alarms += any(v["significant_holm"] for v in verdicts.values())
    assert alarms / reps <= 0.05, alarms
    assert found / reps >= power_at_least, found


def test_bench_percentiles_carry_an_order_statistic_interval():
    rng = np.random.default_rng(4)
    records = [
        {
            "success": True,
            "prompt_tokens": 10,
            "output_tokens": 20,
            "ttft_s": float(t),
            "e2el_s": float(t) + 1.0,
            "itl_s": [0.05] * 19,
            "usage_reported": True,
            "error": None,
        }
        for t in rng.uniform(0.1, 0.5, 30)
    ]
    summary = summarize(records, 10.0)
    intervals = summary["percentile_intervals"]
    low, high = intervals["p50_ttft_ms"]
    assert low <= summary["median_ttft_ms"] <= high
    assert intervals["p95_ttft_ms"][0] <= summary["p95_ttft_ms"] and intervals["p95_ttft_ms"][1] is None  # n=30
    assert "p99_ttft_ms" not in intervals and "p99_ttft_ms" in summary["percentiles_not_reported"]
    assert not any(key.endswith("_itl_ms") for key in intervals)  # gaps of one request are not independent
