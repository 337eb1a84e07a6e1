"""A comparison's change keeps the sign of a bound that rounds to zero, and its n says what it counts."""

from __future__ import annotations

from pytest_llmeval.compare.render import N_HEADER, _change


def test_a_bound_that_rounds_to_zero_keeps_its_sign():
    """-3.2 [-6.4, -0.004] (a significant fall) was printed `-3.2 [-6.4, -0.0]`, and +0.004 as `+0.0`."""
    assert _change({"estimate": -3.2, "low": -6.4, "high": -0.004, "n": 14}, 1) == "-3.2 [-6.4, -0.004]"
    assert _change({"estimate": -3.2, "low": -6.4, "high": 0.004, "n": 14}, 1) == "-3.2 [-6.4, +0.004]"
    assert _change({"estimate": -3.2, "low": -6.4, "high": 0.0, "n": 14}, 1) == "-3.2 [-6.4, +0.0]"


def test_the_n_column_says_cases_for_quality_and_answers_for_speed():
    assert "cases" in N_HEADER and "answers" in N_HEADER


def test_a_relative_change_of_a_quality_metric_carries_its_interval():
    """`-58.8%` was printed bare beside `-27.8 [-44.4, -13.3]` and `no significant difference`."""
    from pytest_llmeval.compare.render import _relative

    entry = {"base": 47.2, "estimate": -27.8, "low": -44.4, "high": -13.3, "relative_pct": -58.8}
    assert _relative(entry) == "-58.8% [-94.1, -28.2]"
    assert _relative({"base": 0.12, "estimate": 0.02, "relative_pct": 15.4}) == "+15.4%"  # speed: the run's figure
