"""Spearman's rho carries a 95% interval (Fisher z, Bonett-Wright variance) from 4 cases: before, the judge table
printed rho and p alone - "Every statistic says what n is. A difference without its interval is not a result."

A perfect order is the case a naive interval gets wrong: z = atanh(1) is infinite and the interval [1, 1] at any n
(a percentile bootstrap too); it is taken as one adjacent swap short of perfect, so 4 cases in order are not
certain agreement."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import spearmanr

from pytest_llmeval.stats import spearman
from pytest_llmeval.stats.agreement import spearman_interval


def test_a_perfect_order_of_few_cases_is_far_from_certain():
    four = spearman([1, 2, 3, 4], [10, 20, 30, 40])
    assert four.low is not None and four.low < 0 and four.high == 1.0  # was: no interval beside rho 1.00
    six, fourteen = spearman(list(range(6)), list(range(6))), spearman(list(range(14)), list(range(14)))
    assert four.low < six.low < fourteen.low < 1.0  # narrows with n, never [1, 1]


def test_a_perfect_reverse_order_mirrors_it():
    up, down = spearman_interval(1.0, 8), spearman_interval(-1.0, 8)
    assert down == (pytest.approx(-up[1]), pytest.approx(-up[0]))
    assert down[0] == -1.0


def test_fewer_than_four_cases_have_no_interval_and_say_so():
    rho = spearman([1, 2, 3], [1, 3, 2])
    assert rho.value is not None and (rho.low, rho.high) == (None, None)
    assert "interval" not in rho.method


@pytest.mark.parametrize("rho", [-0.95, -0.4, 0.0, 0.3, 0.77, 0.99])
@pytest.mark.parametrize("n", [4, 6, 10, 30, 200])
def test_the_interval_holds_its_rho_and_stays_within_minus_one_and_one(rho, n):
    low, high = spearman_interval(rho, n)
    assert low is not None and high is not None
    assert -1.0 <= low <= rho <= high <= 1.0


def test_the_interval_narrows_as_cases_are_added():
    widths = [np.subtract(*spearman_interval(0.6, n)[::-1]) for n in (6, 14, 30, 100)]
    assert widths == sorted(widths, reverse=True)


def test_with_repeats_the_interval_is_over_cases():
    x, y = [10, 40, 20, 80, 60, 90], [15, 35, 30, 70, 65, 85]
    once = spearman(x, y)
    by_case = spearman(x * 3, y * 3, clusters=list(range(6)) * 3)
    assert by_case.n == 6 and (by_case.low, by_case.high) == (once.low, once.high)  # 18 answers are 6 cases


def test_the_interval_covers_the_true_rho_of_tied_keyword_scores_at_ten_cases():
    """300 suites of 10 cases, keyword-like scores in five tied steps, true rho about 0.55 (r = 0.6): the 95%
    interval holds it in at least 90% (binomial noise at 300 suites is about +-1.3 points)."""
    rng = np.random.default_rng(7)
    from scipy.stats import norm

    def cut(v: np.ndarray) -> np.ndarray:
        return np.floor(norm.cdf(v) * 5).clip(0, 4) * 25

    big = rng.multivariate_normal([0, 0], [[1, 0.6], [0.6, 1]], 100_000)
    truth = float(spearmanr(cut(big[:, 0]), cut(big[:, 1])).statistic)
    held = used = 0
    for _ in range(300):
        draws = rng.multivariate_normal([0, 0], [[1, 0.6], [0.6, 1]], 10)
        x, y = cut(draws[:, 0]), cut(draws[:, 1])
        if len(set(x)) < 2 or len(set(y)) < 2:
            continue
        low, high = spearman_interval(float(spearmanr(x, y).statistic), 10)
        used += 1
        held += low is not None and high is not None and low <= truth <= high
    assert held / used >= 0.90, (held, used)


def test_the_judge_table_prints_rho_with_its_interval_and_p():
    from tests.results.test_small_n_round6 import judge_row, judged

    verdicts = [(float(5 * i), float(5 * i + 3), i >= 3) for i in range(6)]
    assert judge_row(judged(verdicts))["spearman"] == "1.00 [0.38, 1.00] (p=0.0028)"
