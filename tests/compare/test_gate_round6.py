"""Red team of the regression gate, round 6 (62 adversarial pairs in the helper's probe; 5 were wrong). Each test
named after a wrong verdict failed before its fix (the others guard the fix against reaching too far).

- a relative speed rule against a baseline of 0 (a clock too coarse for a local server's first token) read "not
  checked (no baseline value)" and the gate passed (exit 0) a rise from 0 to any time;
- a new run whose every timing is no measurement (NaN, negative, text: a broken timer, a hand edit) left its speed
  rule "not checked" and the gate passed (exit 0) as for a run with no speed to judge.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from run_builders import GOOD, gate, run

from pytest_llmeval.compare import EXIT_BROKEN, EXIT_OK, EXIT_REGRESSION, EXIT_UNCHECKED, render_comparison_text


def _timed(value: Any, run_id: str) -> dict[str, Any]:
    doc = run(GOOD, run_id=run_id)
    for case in doc["cases"]:
        case["ttft_s"] = value
    return doc


# -- a relative speed rule against a baseline of 0 ---------------------------------------------------------------


def test_a_rise_from_a_baseline_of_zero_fails_a_relative_speed_rule_and_names_the_absolute_one():
    cmp = gate(_timed(0.0, "b"), _timed(0.5, "n"), "ttft_p50:20%")
    assert cmp["exit_code"] == EXIT_REGRESSION, cmp["summary"]
    (rule,) = cmp["rules"]
    assert rule["failed"] and rule["from_zero"]
    assert "ttft_p50 worse from 0 s in the baseline to 0.5 s" in cmp["summary"]
    assert "Fix: gate ttft_p50 with an absolute threshold (ttft_p50:0.1, in s)" in cmp["summary"]
    assert "SLOWER, past the threshold (from 0 s" in render_comparison_text(cmp)


def test_zero_in_both_runs_is_no_worsening_of_a_relative_speed_rule():
    cmp = gate(_timed(0.0, "b"), _timed(0.0, "n"), "ttft_p50:20%")
    (rule,) = cmp["rules"]
    assert cmp["exit_code"] == EXIT_OK and not rule["failed"]
    assert rule["status"].startswith("ok (no worsening from 0 in the baseline")


def test_a_throughput_rising_from_zero_is_no_worsening():
    base = run(GOOD, run_id="b")
    for case in base["cases"]:
        case["output_tokens"] = 0
    cmp = gate(base, run(GOOD, run_id="n"), "decode_tok_s:10%")
    assert cmp["exit_code"] == EXIT_UNCHECKED and not cmp["rules"][0]["failed"], cmp["summary"]


# -- timings of the new run that are no measurement ----------------------------------------------------------------


@pytest.mark.parametrize("value", [math.nan, math.inf, -1.0, "0.3"])
def test_a_speed_rule_the_new_runs_broken_timings_leave_unchecked_breaks_the_run(value):
    cmp = gate(_timed(0.2, "b"), _timed(value, "n"), "score:5,ttft_p50:20%")
    assert cmp["exit_code"] == EXIT_BROKEN, cmp["summary"]
    (problem,) = [p for p in cmp["problems"] if "request(s) of the new run carry a timing" in p["text"]]
    assert problem["kind"] == "errors" and not problem["allowed"]
    assert "m1 norag ttft_p50:20%: not checked: 14 request(s) of the new run carry a timing" in cmp["summary"]
    assert "Fix: run the suite again, or allow it (--allow-errors)" in cmp["summary"]


def test_broken_timings_allowed_are_named_in_the_summary():
    cmp = gate(_timed(0.2, "b"), _timed(math.nan, "n"), "ttft_p50:20%", allow_errors=True)
    assert cmp["exit_code"] == EXIT_OK
    assert "ttft_p50:20%: not checked: 14 request(s) of the new run" in cmp["summary"]


def test_a_few_broken_timings_leave_the_rule_checked_on_the_rest():
    new = _timed(0.2, "n")
    for case in new["cases"][:3]:
        case["ttft_s"] = math.nan
    cmp = gate(_timed(0.2, "b"), new, "ttft_p50:20%")
    assert cmp["exit_code"] == EXIT_OK and cmp["rules"][0]["status"].startswith("ok ("), cmp["summary"]


@pytest.mark.parametrize("where", ["untimed new run", "broken baseline timings"])
def test_a_speed_rule_unchecked_for_another_reason_does_not_break_the_run(where):
    base, new = (
        (_timed(0.2, "b"), _timed(None, "n"))
        if where == "untimed new run"
        else (
            _timed(math.nan, "b"),
            _timed(0.2, "n"),
        )
    )
    cmp = gate(base, new, "ttft_p50:20%")
    assert cmp["exit_code"] == EXIT_UNCHECKED and "ttft_p50:20%: not checked" in cmp["summary"], cmp["summary"]
