"""Round 7 of the statistics' red team. Each test named after a wrong figure failed before its fix.

- `within_reach`: a change's interval cut to what the cases can show from a baseline held fixed (10 cases at 100 in
  the baseline printed a possible rise of +30.8 points);
- Spearman's p from the orderings of the cases, not scipy's t approximation (rho 1.00 of 4 cases read p = 0, and
  unrelated scores read p <= 0.05 in 10% of draws at 4-5 cases)."""

from __future__ import annotations

import numpy as np
import pytest

from pytest_llmeval.stats import mcnemar_exact, paired_difference, spearman, within_reach


def test_the_side_past_the_scale_is_cut_and_the_method_says_so():
    diff = paired_difference([100.0] * 10, [100.0] * 7 + [0.0] * 3).to_dict()
    assert diff["high"] > 0  # the inversion does not know the scale
    entry = within_reach(diff, 100.0)
    assert entry["high"] == 0.0 and entry["low"] == pytest.approx(-66.666667)
    said = "cut to the change these cases can show from the baseline's mean 100 on the 0-100 scale (+0)"
    assert entry["method"].endswith(said)


def test_both_sides_can_be_cut():
    entry = within_reach({"low": -80.0, "high": 70.0, "method": "m"}, 50.0, 0.0, 100.0)
    assert (entry["low"], entry["high"]) == (-50.0, 50.0)
    assert "(-50 and +50)" in entry["method"]


@pytest.mark.parametrize("base", [[1, 1, 1, 1, 1, 1, 0, 0], [1] * 8, [0] * 8])
def test_the_cut_never_moves_an_interval_across_0(base):
    """Both ends of the reach are on their side of 0: an interval that holds 0 still does, one that leaves it out
    still does (it excludes 0 exactly when the test rejects)."""
    for flips in range(0, 9):
        new = [1 - b if i < flips else b for i, b in enumerate(base)]
        mc = mcnemar_exact([bool(b) for b in base], [bool(b) for b in new]).to_dict()
        cut = within_reach(dict(mc), 100.0 * sum(base) / len(base))
        assert (cut["low"] <= 0 <= cut["high"]) == (mc["low"] <= 0 <= mc["high"])
        assert cut["low"] <= mc["estimate"] <= cut["high"]


def test_no_base_mean_leaves_the_entry_alone():
    entry = {"low": -200.0, "high": 5.0, "method": "m"}
    assert within_reach(dict(entry), None) == entry
    assert within_reach({"low": None, "high": None}, 40.0) == {"low": None, "high": None}


INTERVAL = "; 95% interval: Fisher z with the Bonett-Wright variance (a perfect order as one swap short of it)"


# -- Spearman's p at the n a suite has ----------------------------------------------------------------------------


def test_a_perfect_order_of_four_cases_has_the_exact_p_not_0():
    """scipy's t approximation gave p = 0 (rho 1 of 4 cases); no ordering of 4 cases gives less than 2/24."""
    rho = spearman([1, 2, 3, 4], [10, 20, 30, 40])
    assert rho.value == 1.0 and rho.p_value == pytest.approx(2 / 24)
    assert rho.method == "spearman; p from all 24 orderings (exact)" + INTERVAL
    assert (rho.low, rho.high) == (pytest.approx(-0.8188, abs=1e-4), 1.0)  # not [1, 1]: 4 cases


def test_rho_083_of_six_cases_is_not_significant():
    """Exact p 0.058 (the critical rho of 6 cases at 5% two-sided is 0.886); scipy said 0.042."""
    rho = spearman([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5])
    assert rho.value == pytest.approx(0.828571, abs=1e-6) and rho.p_value == pytest.approx(0.058333, abs=1e-6)


@pytest.mark.parametrize(("n", "ties"), [(4, False), (5, False), (6, False), (5, True)])
def test_unrelated_scores_read_p_at_most_005_no_more_often_than_5_percent(n, ties):
    """Under no association scipy's p read <= 0.05 in 10% of draws at n = 4-5 and 7% at 6; the permutation p never
    exceeds alpha by more than the draws' noise."""
    rng = np.random.default_rng(n + 10 * ties)
    draws = 1000
    grades = [0, 20, 40, 60, 80, 100]
    hits = 0
    for _ in range(draws):
        x, y = (rng.choice(grades, size=n), rng.choice(grades, size=n)) if ties else rng.normal(size=(2, n))
        p = spearman(list(x), list(y)).p_value
        hits += p is not None and p <= 0.05
    assert hits / draws <= 0.05 + 2 * (0.05 * 0.95 / draws) ** 0.5


def test_more_than_eight_cases_sample_the_orderings_seeded():
    x, y = list(range(12)), [1, 0, 3, 2, 5, 4, 7, 6, 9, 8, 11, 10]
    first, again = spearman(x, y), spearman(x, y)
    assert first.p_value == again.p_value and "20000 seeded orderings (Monte Carlo)" in first.method
    assert spearman(x, x).p_value == pytest.approx(1 / 20001)


def test_beyond_thirty_pairs_scipys_p_is_kept():
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=40), rng.normal(size=40)
    from scipy.stats import spearmanr

    rho = spearman(list(x), list(y))
    assert rho.method == "spearman" + INTERVAL and rho.p_value == pytest.approx(float(spearmanr(x, y).pvalue), abs=1e-6)


def test_the_judge_table_says_a_sampled_p_at_its_floor_is_at_most_that():
    """A perfect order of 12 cases: no sampled ordering is as extreme, so the p is 1 / 20,001 at most."""
    from tests.results.test_small_n_round6 import judge_row, judged

    verdicts = [(float(5 * i), float(5 * i + 3), i >= 6) for i in range(12)]
    assert judge_row(judged(verdicts))["spearman"] == "1.00 [0.97, 1.00] (p<5e-05, 20000 orderings)"


def test_the_judge_table_prints_the_exact_p_of_few_cases():
    from tests.results.test_small_n_round6 import judge_row, judged

    verdicts = [(80.0, 90.0, True), (30.0, 20.0, False), (70.0, 60.0, True), (20.0, 40.0, False), (65.0, 55.0, False)]
    assert judge_row(judged(verdicts))["spearman"] == "0.90 [-0.17, 1.00] (p=0.083)"
