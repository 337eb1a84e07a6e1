"""The exact small-n tests, the gate's decision rule, Holm and the minimum detectable effect."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from pytest_llmeval.stats import (
    detectable,
    detectable_pass,
    exact_floor_mean,
    exact_floor_pass,
    holm,
    mcnemar_exact,
    noninferiority_mean,
    noninferiority_pass,
    paired_difference,
    pass_power,
    subset_means,
)
from pytest_llmeval.stats.decision import min_flips


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


def test_min_flips_is_the_smallest_k_the_one_sided_test_flags():
    """Bisection over k against the plain loop it replaced, at margins 0-60 and n up to 120."""
    for n in range(1, 121):
        for margin in (0.0, 5.0, 10.0, 25.0, 60.0):
            loop = next(
                (k for k in range(1, n + 1) if (t := (margin / (100 * k / n) + 1) / 2) < 1 and t**k <= 0.05), None
            )
            assert min_flips(n, margin) == loop, (n, margin)


def mcnemar_power(n, margin, p10, p01, alpha=0.05):
    """The power of the one-sided McNemar non-inferiority test, by enumerating every (pass -> fail, fail -> pass)
    count of n cases (multinomial), the slow way."""
    import math

    power = 0.0
    for b10 in range(n + 1):
        for b01 in range(n + 1 - b10):
            rest = n - b10 - b01
            base = [True] * (b10 + rest) + [False] * b01
            new = [False] * b10 + [True] * (rest + b01)
            if noninferiority_pass(base, new, margin, alpha).p_value <= alpha:
                ways = math.comb(n, b10) * math.comb(n - b10, b01)
                power += ways * p10**b10 * p01**b01 * (1 - p10 - p01) ** rest
    return power


def test_pass_power_is_exact_and_no_fail_to_pass_is_the_most_favourable_case():
    """The minimum detectable fall of a pass rate said "catches 50 pp 80% of the time" at n=14, where 50 pp is only
    the smallest fall McNemar's test can flag at all: the power there is 0.605 at best. Now it is the exact 80%."""
    assert pass_power(14, 10, 50) == pytest.approx(mcnemar_power(14, 10, 0.5, 0.0), abs=1e-9)
    assert pass_power(14, 10, 50) == pytest.approx(0.605, abs=1e-3)
    mde = detectable_pass(14, 10, "pass_rate:10")
    assert mde.worsening == pytest.approx(57.51, abs=0.01)
    assert mcnemar_power(14, 10, mde.worsening / 100, 0.0) == pytest.approx(0.80, abs=1e-6)
    # the same true fall with cases also going fail -> pass is caught less often: "at best" is the right word
    fall = mde.worsening / 100
    for extra in (0.05, 0.15, 0.2):
        assert mcnemar_power(14, 10, fall + extra, extra) < 0.80, extra
    for n in (8, 30):  # and at other n
        d = detectable_pass(n, 10, "pass_rate:10").worsening
        assert mcnemar_power(n, 10, d / 100, 0.0) == pytest.approx(0.80, abs=1e-6), n
    assert "catches a true fall of 57.5 pp 80% of the time at best" in mde.text
    assert "cannot be checked with 14 cases" in mde.text and not mde.checkable and mde.cases_needed == 83
    assert detectable_pass(83, 10, "x").worsening <= 20.0 < detectable_pass(82, 10, "x").worsening
    assert "(at least 11 cases needed)" in detectable_pass(6, 50, "pass_rate:50").text
    assert "(no number of cases can)" in detectable_pass(6, 100, "pass_rate:100").text


def test_statistics_never_crash_on_nan_or_inf():
    """detectable did int(ceil(nan)) on a NaN change (a traceback that lost the run); NaN and inf are no
    measurement: left out, like None."""
    changes = [0.0, 20.0, float("nan"), -20.0, 40.0, float("inf"), 0.0, 20.0]
    mde = detectable(changes, 5.0, "points", "score:5", exact_floor_mean(6, 5.0))
    assert mde.n == 6 and mde.sd is not None and np.isfinite(mde.sd)
    assert detectable([float("nan")] * 3, 5.0, "points", "score:5", None).worsening is None
    test = noninferiority_mean([10.0, float("nan"), 10.0, 10.0, 10.0, 10.0, float("inf")], 0.0)
    assert test.n == 5 and test.p_value == pytest.approx(1 / 32)
    diff = paired_difference([100.0, 100.0, 50.0, 80.0], [float("nan"), float("inf"), 40.0, 70.0])
    assert diff.n == 2 and diff.estimate == -10.0


def test_the_smallest_mcnemar_p_counts_only_the_cases_that_passed_in_the_baseline():
    """Only a case that passed in the baseline can go pass -> fail: with 6 of 16 passing, pass_rate:10 reaches
    0.633^6 = 0.0645 at best, not 7e-05. Against every outcome (fail -> pass flips included), the smallest p is
    never below the computed one where it matters (any smaller one is above 0.88)."""
    assert noninferiority_pass([True] * 6 + [False] * 10, [False] * 16, 10).min_p == pytest.approx(
        ((10 * 16 / 600 + 1) / 2) ** 6
    )
    assert noninferiority_pass([False] * 8, [False] * 8, 0).min_p == 1.0  # nothing can go pass -> fail
    for n in range(1, 13):
        for able in range(n + 1):
            base = [True] * able + [False] * (n - able)
            for margin in (0.0, 5.0, 10.0, 20.0):
                min_p = noninferiority_pass(base, base, margin).min_p
                every = min(
                    noninferiority_pass(
                        base, [False] * b10 + [True] * (able - b10) + [True] * b01 + [False] * (n - able - b01), margin
                    ).p_value
                    for b10 in range(able + 1)
                    for b01 in range(n - able + 1)
                )
                assert every >= min_p - 1e-12 or min(every, min_p) > 0.88, (n, able, margin, every, min_p)
                assert (min_p <= 0.05) == (min_flips(n, margin, able=able) is not None), (n, able, margin)


def test_min_flips_and_power_count_only_the_passing_cases():
    for n in range(1, 41):
        for able in range(n + 1):
            for margin in (0.0, 10.0, 25.0):
                loop = next(
                    (k for k in range(1, able + 1) if (t := (margin / (100 * k / n) + 1) / 2) < 1 and t**k <= 0.05),
                    None,
                )
                assert min_flips(n, margin, able=able) == loop, (n, able, margin)
    # the exact power: each passing case goes pass -> fail with chance fall n / (100 able), enumerated
    import math

    n, able, margin = 16, 10, 10.0
    base = [True] * able + [False] * (n - able)
    for fall in (30.0, 45.0, 60.0):
        q = fall * n / (100 * able)
        slow = sum(
            math.comb(able, k) * q**k * (1 - q) ** (able - k)
            for k in range(able + 1)
            if noninferiority_pass(base, [False] * k + [True] * (able - k) + [False] * (n - able), margin).p_value
            <= 0.05
        )
        assert pass_power(n, margin, fall, able=able) == pytest.approx(slow, abs=1e-12), fall
    mde = detectable_pass(n, margin, "pass_rate:10", able=able)
    assert pass_power(n, margin, mde.worsening, able=able) == pytest.approx(0.80, abs=1e-6)
    assert mde.worsening <= 100 * able / n and "only 10 of the 16 cases passed in the baseline" in mde.text
    assert pass_power(n, margin, 50.0) < 1  # without `able`, all n could flip, as before
    assert detectable_pass(14, 10, "pass_rate:10", able=14).text == detectable_pass(14, 10, "pass_rate:10").text
    none = detectable_pass(14, 10, "pass_rate:10", able=4)
    assert none.worsening is None and "only 4 of the 14 cases passed in the baseline" in none.text
    assert "(at least 28 cases needed at this baseline pass rate)" in none.text
    assert "(no number of cases can at this baseline pass rate)" in detectable_pass(20, 10, "x", able=2).text


@pytest.mark.parametrize("n", [8, 30])  # exact, Monte Carlo
def test_the_smallest_sign_flip_p_counts_only_the_cases_that_can_exceed_the_margin(n):
    """A case whose baseline value is at most the margin can never get worse by more than it: every subset of such
    cases counts in p whatever the new run does. The smallest p is 2^-(able cases) (exact) or the share of the
    seeded draws that touch an able case (Monte Carlo), and no outcome gives less."""
    rng = np.random.default_rng(n)
    base = np.where(np.arange(n) < 4, 100.0, rng.choice([0.0, 5.0], size=n))  # 4 cases above 5 points
    best = noninferiority_mean(base - 0.0, 5.0, ceiling=base)  # every case loses all it has: the best outcome
    if n <= 20:
        assert best.min_p == pytest.approx(2**-4) and best.p_value == pytest.approx(2**-4)
    else:
        assert best.min_p == pytest.approx(2**-4, rel=0.1) and best.p_value >= best.min_p
        assert not best.p_at_floor  # "<x" is only the Monte Carlo count's own floor
    assert not best.can_reject and "only 4 of the" in best.notes[0]
    for _ in range(20):
        new = rng.uniform(0, 100, size=n) * (rng.random(n) < 0.5)
        t = noninferiority_mean(base - new, 5.0, ceiling=base)
        assert t.p_value >= t.min_p - 1e-12
    assert noninferiority_mean(base - 0.0, 5.0).min_p == pytest.approx(2.0**-n if n <= 20 else 1 / 50_001)


def test_a_side_no_case_moved_to_is_not_collapsed_and_the_interval_still_agrees_with_the_test():
    """One case of 14 falling 100 -> 0, the rest unchanged, printed [-20.0, +0.0]: no rise possible. The side no case
    moved to is now at least what 14 cases allow for a share none showed (Clopper-Pearson, 0 of 14), where the test
    does not reject; a side cases moved to keeps the test's inversion - a floor from the share that moved (k of n,
    each by up to 100) made many small moves of -2.7 points on average [-77.0, +71.1]."""
    import itertools

    from pytest_llmeval.stats.paired import paired_difference

    one = paired_difference([100.0] * 14, [0.0] + [100.0] * 13)
    assert (round(one.low, 1), round(one.high, 1)) == (-20.0, 23.2) and not one.significant
    rose = paired_difference([50.0] * 14, [60.0] * 3 + [50.0] * 11)  # three rose, none fell
    assert round(rose.low, 1) == -23.2 and rose.high < 23.2 and not rose.significant
    small = [-6.0, 4.0, -3.0, 5.0, -8.0, 2.0, -4.0, 0.0, 3.0, -5.0, 6.0, -7.0, 1.0, -2.0]  # both ways, a little each
    both = paired_difference([50.0] * 14, [50.0 + c for c in small])
    assert -8 < both.low < both.estimate < both.high < 8 and not both.significant
    alike = paired_difference([100.0] * 14, [80.0] * 14)  # significant: left as the test's inversion gives it
    assert alike.significant and alike.low == alike.high == -20.0
    # "significant" and "the interval excludes 0" stay one statement, on every shape of 6 cases from these changes
    for changes in itertools.product((-100.0, -20.0, 0.0, 40.0), repeat=6):
        diff = paired_difference([50.0] * 6, [50.0 + c for c in changes])
        if diff.low is not None:
            assert diff.significant == (diff.low > 0 or diff.high < 0), changes
