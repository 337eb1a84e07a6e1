"""The statistics behind every interval the reports print: known values and edge cases (coverage by
simulation is in test_coverage.py, the exact tests in test_exact_tests.py)."""

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
    # Wilson 95% interval for 8/10: 0.4902 .. 0.9433 (Newcombe 1998, table I); Newcombe's paired interval is built
    # on it. The pass-rate interval (`wilson`, the name kept) is mid-p exact now: tests/stats/test_rate_interval.py
    from pytest_llmeval.stats.intervals import wilson_score_bounds

    low, high = wilson_score_bounds(8, 10)
    assert low == pytest.approx(0.4902, abs=1e-4) and high == pytest.approx(0.9433, abs=1e-4)
    ci = wilson(8, 10)
    assert ci.estimate == 80.0 and ci.n == 10 and ci.method == "mid-p exact"
    assert wilson(0, 0).estimate is None and wilson(0, 0).n == 0


def test_mean_of_0_100_scores_is_the_pass_rate_interval():
    # scores that are all 0 or 100 are a pass rate: the interval is the pass rate's (mid-p exact)
    ci = mean_ci([100.0] * 8 + [0.0] * 2)
    assert ci.method == "mid-p exact"
    assert (ci.low, ci.high) == (wilson(8, 10).low, wilson(8, 10).high)


def test_mean_ci_edge_cases_say_what_n_is():
    assert mean_ci([]).estimate is None and mean_ci([]).n == 0
    one = mean_ci([42.0])  # one case: no interval at all (a point would claim certainty)
    assert (one.estimate, one.low, one.high, one.n) == (42.0, None, None, 1) and "n<2" in one.method
    perfect = mean_ci([100.0] * 6)  # every case 100: still not certain the true mean is 100
    assert perfect.high == 100.0 and 50 < perfect.low < 70
    flat = mean_ci([60.0] * 10)  # no variation at an interior value keeps some width
    assert flat.low < 60 < flat.high
    dropped = mean_ci([1.0, None, float("nan"), 3.0])
    assert dropped.n == 2 and dropped.estimate == 2.0
    tok_s = mean_ci([150.0, 160.0, 155.0], bounds=None)  # unbounded values: Student's t
    assert tok_s.method == "t" and tok_s.low < 155 < tok_s.high
    assert mean_ci([150.0, 160.0, 155.0]).method == "t"  # outside 0-100: t as well


def test_interval_stays_inside_the_score_scale():
    ci = mean_ci([100.0, 100.0, 90.0, 100.0, 0.0, 100.0])
    assert 0 <= ci.low < ci.estimate < ci.high <= 100


def test_clustered_interval_counts_cases_not_samples_and_keeps_their_samples():
    rng = np.random.default_rng(7)
    case_effect = rng.normal(50, 20, 20)
    values = [float(np.clip(e + rng.normal(0, 2), 0, 100)) for e in case_effect for _ in range(3)]
    clusters = [i for i in range(20) for _ in range(3)]
    clustered = mean_ci(values, clusters=clusters)
    naive = mean_ci(values)
    assert clustered.n == 20 and clustered.n_samples == 60 and naive.n == 60
    assert (clustered.high - clustered.low) > (naive.high - naive.low)
    # the case is the unit: the same interval as on the case means
    means = [float(np.mean(values[3 * i : 3 * i + 3])) for i in range(20)]
    on_means = mean_ci(means)
    assert (clustered.low, clustered.high) == pytest.approx((on_means.low, on_means.high))


def test_quantile_ci_is_an_order_statistic_interval_and_refuses_small_n():
    lat = [0.1 * i for i in range(1, 101)]
    p50 = quantile_ci(lat, 50)
    assert p50.estimate == pytest.approx(5.05) and p50.low < p50.estimate < p50.high
    assert p50.low in lat and p50.high in lat  # order statistics: observed values
    few = quantile_ci(lat[:12], 95)
    assert few.estimate is None and "too few values (n=12)" in few.method and "needs 20" in few.method
    assert quantile_ci(lat[:99], 99).estimate is None and quantile_ci(lat, 99).estimate is not None
    p95 = quantile_ci(lat[:30], 95)  # estimated, but 30 values cannot bound a p95 from above
    assert p95.estimate is not None and p95.high is None and "open" in p95.method


def test_paired_difference_is_the_sign_flip_test_and_its_interval():
    a = [50.0] * 10 + [60.0] * 10
    b = [x + 10 for x in a]
    same_shift = paired_difference(a, b)
    assert same_shift.estimate == 10.0 and same_shift.significant and verdict(same_shift) == "better"
    assert same_shift.p_value == pytest.approx(2 * 2**-20) and "exact" in same_shift.method
    none = paired_difference(a, a)
    assert none.estimate == 0.0 and not none.significant and verdict(none) == "no significant difference"
    with pytest.raises(ValueError, match="pairs"):
        paired_difference([1.0], [1.0, 2.0])


def test_mcnemar_kappa_spearman_known_values():
    a = [True] * 10 + [False] * 10
    b = [True] * 4 + [False] * 6 + [False] * 10  # 6 pass -> fail, none back
    m = mcnemar_exact(a, b)
    assert (m.b10, m.b01) == (6, 0) and m.p_value == pytest.approx(0.03125)  # 2 * 0.5**6
    assert m.estimate == -30.0 and m.high < 0  # the interval agrees with the test
    assert mcnemar_exact(a, a).p_value == 1.0
    # kappa: 2x2 table [[20, 5], [10, 15]] -> po = 0.7, pe = 0.5 -> kappa = 0.4, PABAK = 2 po - 1 = 0.4
    x = [True] * 25 + [False] * 25
    y = [True] * 20 + [False] * 5 + [True] * 10 + [False] * 15
    kappa = cohen_kappa(x, y)
    assert kappa.value == pytest.approx(0.4) and kappa.pabak == pytest.approx(0.4)
    assert kappa.low < 0.4 < kappa.high and "bootstrap over cases" in kappa.method
    # prevalence: 19 of 20 pass for both, one disagreement each way -> kappa -0.05, PABAK 0.8
    skew = cohen_kappa([True] * 19 + [False], [True] * 18 + [False, True])
    assert skew.value == pytest.approx(-0.0526, abs=1e-3) and skew.pabak == pytest.approx(0.8)
    assert cohen_kappa([True, True], [True, True]).value is None
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]).value == pytest.approx(1.0)
    assert spearman([1, 1, 1], [1, 2, 3]).value is None


def test_large_inputs_stay_fast_and_bounded():
    values = list(np.random.default_rng(0).normal(50, 10, 10_000))
    ci = mean_ci(values)
    assert ci.n == 10_000 and not math.isnan(ci.low) and ci.high - ci.low < 1
    diff = paired_difference(values[:500], values[500:1000])
    assert diff.n == 500 and "Monte Carlo" in diff.method and diff.low is not None


def test_benchmark_tail_percentiles_need_as_many_requests_as_everywhere_else():
    """`--llm-bench-requests 8` printed a p95 and a p99 of 8 requests (the default 64, a p99): the benchmark
    summary now follows `min_count_for_quantile`, like the per-model aggregates - None, and why."""
    from pytest_llmeval.bench.stats import summarize
    from pytest_llmeval.stats import min_count_for_quantile

    def request(i):
        return {
            "success": True,
            "ttft_s": 0.01 * i,
            "e2el_s": 0.02 * i,
            "output_tokens": 3,
            "prompt_tokens": 5,
            "itl_s": [0.005, 0.005],
            "usage_reported": True,
            "error": None,
        }

    eight = summarize([request(i) for i in range(1, 9)], duration_s=1.0)
    assert eight["p50_ttft_ms"] is not None and eight["p95_ttft_ms"] is None and eight["p99_e2el_ms"] is None
    assert eight["percentiles_not_reported"]["p99_ttft_ms"] == "too few requests (n=8) for a p99: needs 100"
    assert eight["percentiles_not_reported"]["p95_itl_ms"] == "too few inter-token gaps (n=16) for a p95: needs 20"
    need95, need99 = min_count_for_quantile(95), min_count_for_quantile(99)
    enough = summarize([request(i) for i in range(1, need95 + 1)], duration_s=1.0)
    assert enough["p95_ttft_ms"] is not None and enough["p99_ttft_ms"] is None
    assert enough["p95_itl_ms"] is not None  # 40 gaps
    full = summarize([request(i) for i in range(1, need99 + 1)], duration_s=1.0)
    assert full["p99_ttft_ms"] is not None and full["percentiles_not_reported"] == {}


@pytest.mark.parametrize("n", [1, 5, 20, 100, 2000])
@pytest.mark.parametrize("p", [0.05, 0.5, 0.95, 0.99])
def test_binomial_cdf_matches_scipy(n: int, p: float) -> None:
    from scipy.special import bdtr

    from pytest_llmeval.stats.intervals import binomial_cdf

    np.testing.assert_allclose(binomial_cdf(n, p), bdtr(np.arange(n + 1), n, p), rtol=0, atol=1e-11)


@pytest.mark.parametrize("confidence", [0.8, 0.9, 0.95, 0.99])
def test_normal_quantile_matches_scipy(confidence: float) -> None:
    from scipy.special import ndtri

    from pytest_llmeval.stats.intervals import normal_quantile

    p = 1 - (1 - confidence) / 2
    assert normal_quantile(p) == pytest.approx(float(ndtri(p)), abs=1e-12)


def test_a_run_s_intervals_do_not_import_scipy() -> None:
    """Scores, pass rates and percentiles (what every run's end computes) need no scipy import (~0.13 s)."""
    import subprocess
    import sys

    code = (
        "import sys; from pytest_llmeval.stats import mean_ci, wilson, quantile_ci\n"
        "mean_ci([100.0, 80.0, 0.0])\n"
        "wilson(3, 7); quantile_ci([0.1 * i for i in range(40)], 95)\n"
        "print(any(m == 'scipy' or m.startswith('scipy.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
