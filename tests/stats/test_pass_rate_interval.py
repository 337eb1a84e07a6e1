"""The interval of a change of pass rate: honest about n, and in agreement with McNemar's exact test.

The conditional interval used before treated the share of cases that changed verdict as known: [0, 0] when
none did, at any n, and [-7.1, +6.8] for one flip in 14 cases. Exact coverage (every table enumerated) of
such a 95% interval fell to 0.42 for a true fall of 10 points at n = 14."""

from __future__ import annotations

from functools import cache

import pytest
from scipy.stats import binomtest, multinomial

from pytest_llmeval.compare.render import _change
from pytest_llmeval.results.aggregate import rag_rows
from pytest_llmeval.results.sections import rag_section, with_interval
from pytest_llmeval.stats import mcnemar_exact, newcombe_paired, pass_rate_change


def verdicts(both: int, fall: int, rise: int, neither: int) -> tuple[list[bool], list[bool]]:
    """Baseline and new pass/fail of the cases of a 2x2 table (fall: passed only in the baseline)."""
    base = [True] * (both + fall) + [False] * (rise + neither)
    new = [True] * both + [False] * fall + [True] * rise + [False] * neither
    return base, new


def tables(n: int):
    for fall in range(n + 1):
        for rise in range(n + 1 - fall):
            for both in range(n + 1 - fall - rise):
                yield both, fall, rise, n - both - fall - rise


@cache
def exact_p(fall: int, rise: int) -> float:
    return 1.0 if fall + rise == 0 else float(binomtest(rise, fall + rise, 0.5).pvalue)


def test_no_case_changing_verdict_is_not_certainty_at_small_n():
    for table, half_width in (((3, 0, 0, 0), 56.1), ((13, 0, 0, 1), 18.4)):  # 3 cases all passing; 14, 13 passing
        result = mcnemar_exact(*verdicts(*table))
        assert result.estimate == 0.0 and result.p_value == 1.0
        assert result.low <= -half_width and result.high >= half_width  # was [0, 0]
    one_flip = mcnemar_exact(*verdicts(12, 1, 0, 1))  # one of 14 cases went pass -> fail
    assert one_flip.low == pytest.approx(-29.2, abs=0.1) and one_flip.high == pytest.approx(11.8, abs=0.1)
    assert mcnemar_exact([], []).low is None  # no pairs, no interval


def test_newcombe_excludes_zero_whenever_the_exact_test_rejects_on_every_table_up_to_40():
    checked = 0
    for n in range(1, 41):
        for both, fall, rise, neither in tables(n):
            if exact_p(fall, rise) > 0.05:
                continue
            low, high = newcombe_paired(both, fall, rise, neither)
            assert (high < 0) if fall > rise else (low > 0), (both, fall, rise, neither)
            checked += 1
    assert checked > 10_000


def test_the_interval_excludes_zero_exactly_when_the_test_rejects():
    for n in range(1, 15):
        for table in tables(n):
            result = mcnemar_exact(*verdicts(*table))
            assert result.low <= result.estimate <= result.high
            assert -100 <= result.low and result.high <= 100
            assert (result.p_value <= 0.05) == (result.high < 0 or result.low > 0), table


@pytest.mark.parametrize("n", [6, 14])
@pytest.mark.parametrize(
    "probs",
    [(0.80, 0.10, 0.00, 0.10), (0.60, 0.30, 0.00, 0.10), (0.50, 0.20, 0.10, 0.20)],
    ids=["fall-10", "fall-30", "fall-20-rise-10"],
)
def test_exact_coverage_is_near_nominal_at_suite_sizes(n, probs):
    """Every table of n cases with its probability under a true change of pass rate: the 95% interval holds
    the truth at least 92.5% of the time (the conditional one: 0.42-0.88 on these)."""
    truth = 100 * (probs[2] - probs[1])
    covered = 0.0
    for table in tables(n):
        result = mcnemar_exact(*verdicts(*table))
        if result.low - 1e-9 <= truth <= result.high + 1e-9:
            covered += float(multinomial.pmf(table, n, probs))
    assert covered >= 0.925


def test_with_repeats_the_change_is_the_sign_flip_interval_of_the_shares():
    base, new = [1.0, 0.5, 1.0, 0.0, 1.0, 1.0], [0.5, 0.5, 0.0, 0.0, 1.0, 0.5]
    entry = pass_rate_change(base, new)
    assert entry["estimate"] == pytest.approx(100 * (sum(new) - sum(base)) / 6, abs=1e-3)  # rounded to 4 digits
    assert "sign-flip" in entry["method"] and entry["n"] == 6
    binary = pass_rate_change([1.0] * 10, [0.0] * 6 + [1.0] * 4)
    assert binary["significant"] and binary["high"] < 0 and binary["pass_to_fail"] == 6


def test_a_difference_without_an_interval_says_so():
    assert with_interval(4.0, {"low": None, "high": None, "n": 3}, sign=True) == "+4.0 [no 95% interval at n=3]"
    assert with_interval(4.0, {"low": -1.0, "high": 9.0, "n": 30}, sign=True) == "+4.0 [-1.0, +9.0]"
    assert _change({"estimate": 0.0, "low": None, "high": None, "n": 3}) == "+0.00 [no 95% interval at n=3]"
    assert _change({"estimate": -2.0, "low": None, "high": 1.5, "n": 9}) == "-2.00 [-inf, +1.50]"


def test_the_rag_table_shows_the_change_of_pass_rate_with_its_interval():
    cases = []
    for i in range(8):
        for mode, passed in (("norag", i < 2), ("rag", i < 6)):
            cases.append(
                {
                    "model": "m",
                    "mode": mode,
                    "scenario_id": f"c{i}",
                    "category": "x",
                    "sample": 0,
                    "score": 100.0 if passed else 0.0,
                    "passed": passed,
                }
            )
    (row,) = rag_rows(cases)
    assert row["pass_change"] == 50.0
    interval = row["pass_change_interval"]
    assert interval["fail_to_pass"] == 4 and interval["low"] <= 50.0 <= interval["high"]
    section = rag_section({"aggregates": {"rag": [row]}})
    assert section is not None
    cells = dict(zip(section.table.headers, section.table.rows[0]))
    assert cells["pass change [95% CI]"] == f"+50.0 [{interval['low']:+.1f}, {interval['high']:+.1f}]"


def test_no_case_changing_score_is_not_certainty_either():
    """Two identical runs (a nightly where nothing changed): the sign-flip interval alone was [0, 0] at any n."""
    from pytest_llmeval.stats import paired_difference

    same = paired_difference([50.0, 80.0, 0.0, 100.0] * 2 + [60.0] * 6, [50.0, 80.0, 0.0, 100.0] * 2 + [60.0] * 6)
    assert same.n == 14 and same.estimate == 0.0 and not same.significant
    assert same.low == pytest.approx(-23.2, abs=0.1) and same.high == pytest.approx(23.2, abs=0.1)  # 1 - 0.025^(1/14)
    assert "no case changed" in same.method
    assert paired_difference([1.0] * 8, [1.0] * 8, span=None).high == 0.0  # an unbounded scale: no bound to give
    assert paired_difference([50.0] * 3, [50.0] * 3).low is None  # n = 3: no interval at all


def test_no_case_changing_verdict_leaves_the_interval_what_n_allows_at_any_pass_rate():
    """Newcombe's interval collapsed to [+0.0, +0.0] with 7 of 14 passing in both runs (phi = 1 cancels the two
    Wilson intervals): the same certainty as an infinite suite. Now up to the exact bound of the share of cases
    that could change verdict (0 of 14: 23.2%), a fall only from the passing cases, a rise only from the others."""
    from pytest_llmeval.stats.paired import mcnemar_exact

    half = mcnemar_exact([True] * 7 + [False] * 7, [True] * 7 + [False] * 7)
    assert (round(half.low, 1), round(half.high, 1)) == (-23.2, 23.2) and half.p_value == 1.0
    one_failing = mcnemar_exact([True] * 13 + [False], [True] * 13 + [False])
    assert round(one_failing.low, 1) == -23.2 and 0 < one_failing.high <= 23.2  # no rise past the 1 failing case
    assert mcnemar_exact([True] * 6, [True] * 6).low < -45  # n = 6: 1 - 0.025 ** (1 / 6) = 45.9%
