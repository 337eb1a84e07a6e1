"""The exact small-n tests, the gate's decision rule, Holm and the minimum detectable effect."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from pytest_llmeval.stats import (
    detectable,
    exact_floor_mean,
    exact_floor_pass,
    holm,
    mcnemar_exact,
    noninferiority_mean,
    noninferiority_pass,
    paired_difference,
    subset_means,
)


def brute_force_p(d, delta):
    """P(sum of sign-flipped (d - delta) >= observed) over all 2^n patterns, the slow way."""
    x = np.asarray(d, float) - delta
    observed = x.sum()
    sums = [np.dot(signs, x) for signs in itertools.product([1, -1], repeat=len(x))]
    return np.mean(np.asarray(sums) >= observed - 1e-9)


@pytest.mark.parametrize("d", [[5, 10], [3, -1, 4, 1, -5, 9], [0, 0, 20, 20, 20, -20, 40, 0]])
@pytest.mark.parametrize("delta", [0.0, 2.5, 5.0])
def test_sign_flip_p_equals_brute_force_enumeration(d, delta):
    assert subset_means(np.asarray(d, float)).p_at_most(delta) == pytest.approx(brute_force_p(d, delta))


def test_exact_bound_is_the_inversion_of_the_test():
    rng = np.random.default_rng(3)
    w = rng.choice([0.0, 20.0, 40.0, -20.0], size=10)
    s = subset_means(w)
    bound = s.lower_bound(0.05)
    assert s.p_at_most(bound - 1e-6) <= 0.05 < s.p_at_most(bound)


def test_n2_example_is_never_significant_and_says_why():
    # two cases drop 50 -> 45 and 60 -> 50: worse by 7.5 on average, but 2^-2 = 0.25 is the smallest p
    test = noninferiority_mean([5.0, 10.0], margin=5.0)
    assert test.p_value == 0.5 and test.min_p == 0.25 and not test.can_reject and test.bound is None
    diff = paired_difference([50.0, 60.0], [45.0, 50.0])
    assert not diff.significant and diff.low is None and "too small" in diff.method and diff.min_p == 0.5


def test_sign_flip_needs_five_cases_one_sided_and_six_two_sided():
    assert noninferiority_mean([10.0] * 4, 0.0).p_value == pytest.approx(1 / 16)  # > 0.05 at best
    assert noninferiority_mean([10.0] * 5, 0.0).p_value == pytest.approx(1 / 32)
    assert not paired_difference([0.0] * 5, [10.0] * 5).significant  # two-sided: 2/32 > 0.05
    assert paired_difference([0.0] * 6, [10.0] * 6).significant


def test_mcnemar_examples_of_the_issue():
    base = [True] * 14
    four = [False] * 4 + [True] * 10  # 4 of 14 flip pass -> fail
    seven = [False] * 7 + [True] * 7
    assert mcnemar_exact(base, four).p_value == pytest.approx(0.125)
    assert mcnemar_exact(base, seven).p_value == pytest.approx(2 * 0.5**7)
    ok = noninferiority_pass(base, four, margin=10)
    assert ok.p_value > 0.05 and ok.bound < 10  # theta0 = 0.675: p = 0.675^4
    assert ok.p_value == pytest.approx(0.675**4)
    fail = noninferiority_pass(base, seven, margin=10)
    assert fail.p_value == pytest.approx(0.6**7) and fail.p_value < 0.05 and fail.bound > 10
    # the interval of the change agrees with the test at 0
    four_ci, seven_ci = mcnemar_exact(base, four), mcnemar_exact(base, seven)
    assert four_ci.low < 0 < four_ci.high and seven_ci.high < 0


def test_mcnemar_bound_and_p_agree_at_every_margin():
    base = [True] * 20
    for flips in range(0, 11):
        new = [False] * flips + [True] * (20 - flips)
        for margin in (0.0, 5.0, 10.0, 20.0):
            t = noninferiority_pass(base, new, margin)
            assert (t.p_value <= 0.05) == (t.bound is not None and t.bound > margin + 1e-9), (flips, margin)


def test_holm_step_down():
    assert holm([0.01, 0.04, None, 0.03]) == pytest.approx([0.03, 0.06, None, 0.06])
    assert holm([0.5]) == [0.5] and holm([]) == []


def test_minimum_detectable_effect_says_when_a_rule_cannot_be_checked():
    rng = np.random.default_rng(0)
    changes = rng.choice([0.0, 20.0, -20.0, 40.0], size=14, p=[0.55, 0.2, 0.15, 0.1])
    small = detectable(changes, 2.0, "points", "score:2", exact_floor_mean(14, 2.0))
    assert not small.checkable and small.cases_needed > 14
    assert "score:2 cannot be checked with 14 cases" in small.text and f"about {small.cases_needed} cases" in small.text
    wide = detectable(changes, 30.0, "points", "score:30", exact_floor_mean(14, 30.0))
    assert wide.checkable and wide.worsening > 30 and "cannot" not in wide.text
    tiny = detectable([5.0, 10.0], 5.0, "points", "score:5", exact_floor_mean(2, 5.0))
    assert tiny.worsening is None and "at any size" in tiny.text
    # repeats: when most noise is between samples of a case, repeats can make the rule checkable
    # (sd 19.9 of the changes, 300 of its variance 396 between samples: score:10 needs 3 repeats)
    with_repeats = detectable(changes, 10.0, "points", "score:10", exact_floor_mean(14, 10.0), within_var=300.0)
    assert with_repeats.repeats_needed == 3 and "or 3 repeats of each case" in with_repeats.text
    # and when the cases themselves differ, repeats cannot help
    fixed = detectable(changes, 2.0, "points", "score:2", exact_floor_mean(14, 2.0), within_var=300.0)
    assert fixed.repeats_needed is None and "more repeats cannot" in fixed.text


def test_pass_rate_floor_is_what_mcnemar_can_reach():
    assert exact_floor_pass(14, 0.0) == pytest.approx(100 * 5 / 14)  # 5 one-way flips: p = 1/32
    assert exact_floor_pass(4, 0.0) is None
