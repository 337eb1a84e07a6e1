"""Kappa's interval says what n allows: a bootstrap over cases alone is [1, 1] whenever the two scorers agree
on every case, and covered a true kappa of 0.9 only ~47% of the time at 14 cases."""

from __future__ import annotations

import numpy as np

from pytest_llmeval.stats import cohen_kappa


def test_perfect_agreement_in_few_cases_is_not_certain_agreement():
    few = cohen_kappa([True] * 10 + [False] * 4, [True] * 10 + [False] * 4)
    assert few.value == 1.0 and few.high == 1.0 and few.low < 0.6  # 14 of 14 agree: p_o >= 0.807 (mid-p exact)
    many = cohen_kappa([True] * 700 + [False] * 300, [True] * 700 + [False] * 300)
    assert many.low > 0.98  # and with 1,000 cases it is near 1
    assert "agreement's mid-p exact interval" in few.method


def test_coverage_at_fourteen_cases_with_a_true_kappa_of_nine_tenths():
    rng = np.random.default_rng(3)
    pass_rate, kappa = 0.7, 0.9
    both = pass_rate**2 + kappa * pass_rate * (1 - pass_rate)
    probs = [
        both,
        pass_rate - both,
        pass_rate - both,
        1 - 2 * pass_rate + both,
    ]  # pass/pass, pass/fail, fail/pass, fail/fail
    covered = total = 0
    for _ in range(150):
        cells = rng.choice(4, size=14, p=probs)
        result = cohen_kappa([c in (0, 1) for c in cells], [c in (0, 2) for c in cells], resamples=200, seed=1)
        if result.low is None:
            continue
        total += 1
        covered += result.low <= kappa <= result.high
    assert total > 100 and covered / total >= 0.9
