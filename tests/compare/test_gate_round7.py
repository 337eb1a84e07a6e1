"""Red team of the regression gate, round 7 (67 adversarial cases in the helper's probe, simulated nulls at n = 6-14
with 1-5 correlated repeats among them: the gate's exit 6 and its verdict words stayed at or under alpha = 0.05
family-wise; 5 cases were wrong). Each test named after a wrong output failed before its fix.

- the comparison table's intervals reached past what the cases can show from the baseline: 10 cases all at 100 in
  the baseline, 3 of them at 0 now, printed score -30.0 [-66.7, +30.8] and pass rate -30.0 [-60.3, +12.5] (no case
  can rise), and a fall from 64 printed -93.8% [-156.2%, ...] (a score cannot fall by more than all of it);
- a rule not failed for want of evidence ("cannot be significant at n=3", "past threshold, within noise", an "ok"
  where the noise hides a worsening of twice the threshold) said neither how many cases could check it nor what this
  n catches where its status is read (the summary, the rule table): that was only in the text under the table.
"""

from __future__ import annotations

import re

import pytest
from run_builders import gate, run

from pytest_llmeval.compare import EXIT_OK, EXIT_REGRESSION, EXIT_UNCHECKED, render_comparison_text

# -- intervals cut to what the cases can show from the baseline ---------------------------------------------------


def _row(text: str, metric: str) -> str:
    (line,) = [line for line in text.splitlines() if re.match(rf"^m1\s+norag\s+{metric}\s+\d", line)]
    return line


def test_no_rise_is_shown_possible_when_every_baseline_case_scored_100():
    cmp = gate(run([100.0] * 10), run([100.0] * 7 + [0.0] * 3))
    score, passed = (cmp["groups"][0]["metrics"][m] for m in ("score", "pass_rate"))
    assert (score["low"], score["estimate"], score["high"]) == (pytest.approx(-66.666667), -30.0, 0.0)
    assert passed["high"] == 0.0 and passed["low"] == pytest.approx(-60.322185)
    assert "cut to the change these cases can show from the baseline's mean 100" in score["method"]
    assert "-30.0 [-66.7, +0.0]" in _row(render_comparison_text(cmp), "score")


def test_no_fall_is_shown_possible_when_every_baseline_case_scored_0():
    cmp = gate(run([0.0] * 10), run([0.0] * 7 + [100.0] * 3))
    score = cmp["groups"][0]["metrics"]["score"]
    assert score["low"] == 0.0 and score["high"] == pytest.approx(66.666667)


def test_a_relative_fall_is_never_shown_past_100_percent():
    cmp = gate(run([100.0] * 6 + [10.0] * 4), run([0.0] * 6 + [10.0] * 4))
    row = _row(render_comparison_text(cmp), "score")
    assert "-60.0 [-64.0, -25.0]" in row and "-93.8% [-100.0, -39.1]" in row, row
    assert cmp["exit_code"] == EXIT_REGRESSION  # the cut changes no verdict


def test_an_interval_inside_what_the_cases_can_show_is_left_as_it_is():
    base, new = [100, 80, 60, 40, 20, 10], [90, 80, 60, 40, 20, 0]
    score = gate(run(base), run(new))["groups"][0]["metrics"]["score"]
    assert (score["low"], score["high"]) == (-10.0, pytest.approx(45.9, abs=0.05))
    assert "cut to" not in score["method"]


# -- what a rule not failed for want of evidence needs ------------------------------------------------------------


def test_a_rule_no_outcome_can_fail_at_this_n_names_the_cases_that_could():
    cmp = gate(run([100.0] * 3), run([0.0] * 3))
    assert cmp["exit_code"] == EXIT_UNCHECKED  # every case fell: not checked, not passed (round 12 review)
    assert (
        "score:5: cannot be significant at n=3: the smallest p any outcome could give is 0.125 > 0.05 - not failed "
        "(n=3, p=0.125); to check it: at least 5 cases (--llm-repeat does not help: the case is the unit)"
    ) in cmp["summary"]
    assert "pass_rate:10: cannot be significant at n=3" in cmp["summary"]
    assert "to check it: at least 6 cases" in cmp["summary"]


def test_a_regression_within_noise_says_what_this_n_catches_and_the_cases_that_would_catch_twice_the_threshold():
    cmp = gate(run([100.0] * 10), run([100.0] * 7 + [0.0] * 3), "score:5")
    assert cmp["exit_code"] == EXIT_OK
    assert (
        "past threshold, within noise - not failed (not significant; n=10, p=0.125); at n=10 it catches a worsening "
        "of 46.5 points 80% of the time; about 578 cases would catch 10 points"
    ) in cmp["summary"]


def test_beside_other_rules_the_summary_says_what_holm_leaves_the_rule_able_to_catch():
    cmp = gate(run([100.0] * 10), run([100.0] * 7 + [0.0] * 3))
    summary = cmp["summary"]
    assert "catches a worsening of 46.5 points 80% of the time alone, 53 beside the other rules (Holm)" in summary
    assert "catches a worsening of 67.3 pp 80% of the time at best alone" in cmp["summary"]


def test_a_rule_no_number_of_cases_can_check_names_what_would():
    cmp = gate(run([0.0] * 14), run([0.0] * 14))
    assert cmp["exit_code"] == EXIT_OK
    said = "no number of cases can check it at the baseline's share of cases that can fall: a smaller threshold, or"
    assert f"{said} a baseline with more cases scoring above it; m1 norag pass_rate:10" in cmp["summary"]
    assert cmp["summary"].endswith(f"{said} a baseline with more cases passing")


def test_a_rule_shown_fine_gets_no_advice():
    cmp = gate(run([100.0] * 14), run([100.0] * 14), "score:5")
    assert cmp["summary"].startswith("no significant change (m1 norag score ") and "n=" in cmp["summary"]
    assert "not shown fine" not in cmp["summary"]
    assert cmp["rules"][0]["status"] == "ok (n=14, p=1)"


def test_an_ok_the_noise_could_not_have_failed_says_what_this_n_catches_in_the_rule_table():
    """score:5 at 8 cases with sd 7 of the changes: "ok (n=8, p=0.926)" alone read as a check this n could not make
    (it catches 11.9 points 80% of the time); the summary stays "no significant change" (tests/compare/
    test_compare_runs.py), the rule's status says it."""
    cmp = gate(run([90.0, 80, 70, 60, 50, 40, 30, 20]), run([80.0, 85, 60, 65, 50, 30, 35, 20]), "score:5")
    (rule,) = cmp["rules"]
    assert rule["status"] == (
        "ok (n=8, p=0.926); at n=8 it catches a worsening of 11.9 points 80% of the time; about 13 cases would catch "
        "10 points"
    )
    assert rule["status"] in render_comparison_text(cmp)
    assert cmp["summary"].startswith("no significant change (m1 norag score ") and "n=" in cmp["summary"]
    assert "not shown fine" not in cmp["summary"]


def test_a_rule_left_out_beside_the_others_names_gating_it_alone_or_the_cases_that_bring_it_in():
    """pass_rate:10 at 6 cases can reach p 0.028 alone, not 0.025 beside score:5: its status said what it catches
    alone (96 pp), which it could never fail beside the other rule."""
    cmp = gate(run([100.0] * 6), run([100.0] * 6))
    assert (
        "pass_rate:10: cannot be significant at n=6 beside the other rules: the smallest p any outcome could give is "
        "0.0277 > 0.05/2 (Tarone's family of the 1 rules that can) - not failed (n=6, p=1); to check it: gate it "
        "alone (--fail pass_rate:10; in pytest --llm-compare-fail), or at least 7 cases"
    ) in cmp["summary"]
    assert "catches" not in cmp["summary"]
    seven = gate(run([100.0] * 7), run([0.0] * 7))  # at 7 cases both rules are in the family, and a collapse fails both
    assert seven["exit_code"] == EXIT_REGRESSION and len(seven["regressions"]) == 2


def test_one_case_names_the_cases_that_could_check_it_not_that_no_number_can():
    """At n=1 there is no sd and no detectable effect: the first version of the advice read "no number of cases can
    check it" there (5 would)."""
    summary = gate(run([100.0]), run([0.0]))["summary"]
    assert "score:5: cannot be significant at n=1" in summary and "no number of cases" not in summary
    assert (
        "(n=1, p=1); to check it: at least 5 cases" in summary
        and "(n=1, p=0.55); to check it: at least 6 cases" in summary
    )


def test_a_worse_the_gate_kept_against_a_holm_p_past_005_says_why():
    """The row read "0.0312 (Holm 0.0625)  worse" under a header saying 'worse' only where p Holm <= 0.05: the gate's
    one-sided test failed score:5, and the row keeps "worse" so as not to contradict it - now it says so. (With the
    rows tested jointly, 6 of 10 cases falling is 0.0312 after the correction too; 5 of 9 is 0.0625 two-sided, and
    the gate's one-sided 1/32 fails score:5: the row read "no significant difference" beside a failed gate.)"""
    cmp = gate(run([100.0] * 5 + [10.0] * 4), run([0.0] * 5 + [10.0] * 4))
    text = render_comparison_text(cmp)
    row = _row(text, "score")
    assert row.endswith("0.0625 (Holm 0.0625)  worse: the gate's one-sided test failed its rule (see the rules)"), row
    assert "or where the gate failed the row's rule by its one-sided test (said beside it)" in text
    assert _row(text, "pass_rate").endswith("no significant difference")
    sure = render_comparison_text(gate(run([100.0] * 14), run([0.0] * 14)))
    assert _row(sure, "score").endswith("(Holm 0.000122)  worse")


# -- the summary's "significantly better/worse" with its numbers --------------------------------------------------


def test_significantly_better_in_the_summary_gives_each_change_with_its_interval_n_and_holm_p():
    """The summary (the terminal's one line) named "significantly better: m1 norag score, m1 norag pass_rate" with
    no size, no interval and no n."""
    cmp = gate(run([50.0] * 7 + [60.0] * 7), run([90.0] * 7 + [80.0] * 7), "score:5")
    assert cmp["summary"].startswith(
        "significantly better: m1 norag score, m1 norag pass_rate (m1 norag score +30.0 points, 95% CI [+24.0, "
        "+36.0], n=14, p Holm 0.000122; m1 norag pass_rate +50.0 pp, 95% CI [+9.0, +50.0], n=14, p Holm 0.0156)"
    )


def test_significantly_worse_below_the_threshold_says_an_interval_of_no_width_has_none():
    cmp = gate(run([100.0] * 10), run([95.0] * 10), "score:5")
    assert cmp["exit_code"] == EXIT_OK
    assert cmp["summary"] == (
        "significantly worse, but no gate threshold passed: m1 norag score (m1 norag score -5.0 points, 95% CI "
        "[-5.0, -5.0] (no width: every case changed alike), n=10, p Holm 0.00195)"
    )
