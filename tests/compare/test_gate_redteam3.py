"""Red team of the regression gate, round 3: verdicts that misled a user at n = 6-14, on results documents as
pytest-llmeval writes them. Each test failed before its fix.

- a speed rule that failed against a baseline statistic of 0 (an absolute rule: `ttft_p50:0.1`) broke the comparison
  itself (TypeError in the summary: exit 7 "no comparison") instead of reporting the regression (exit 6);
- a failed speed rule printed no n in the summary, a relative change for an absolute rule (`ttft_p50:0.01` "+14.2%"),
  and "+0.0 (run)" in the rule table for a rise of 0.03 s it had failed;
- quality compared between runs generated under other settings (max tokens, temperature, thinking, RAG, chat
  template) read "no significant change" with no word in the summary that the settings, not only the model, changed;
- a new run that lost samples of its --llm-repeat (records missing, no error) passed as complete.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from run_builders import gate, repeated
from run_builders import run as one_sample_run

from pytest_llmeval.compare import EXIT_BROKEN, EXIT_OK, EXIT_REGRESSION, render_comparison_text

N = 25  # enough requests for every speed statistic (a p95 needs 20)


def run(scores: list[float], repeats: int = 1, **settings: Any) -> dict[str, Any]:
    """A results document as pytest-llmeval writes it (schema 2), `repeats` samples per case, `settings` added to
    its run settings."""
    doc = repeated(one_sample_run(scores), repeats)
    doc["run"]["settings"].update(settings)
    return doc


def rule_row(cmp: dict[str, Any], metric: str) -> str:
    text = render_comparison_text(cmp)
    (line,) = [line for line in text.splitlines() if line.startswith("m1") and f"{metric} up by" in line]
    return line


# -- speed verdicts ----------------------------------------------------------------------------------------------


def test_a_speed_regression_against_a_baseline_of_zero_is_a_regression_not_a_failed_comparison():
    base, new = run([100.0] * N), run([100.0] * N)
    for record in base["cases"]:
        record["ttft_s"] = 0.0  # a clock too coarse for a local server's first token
    for record in new["cases"]:
        record["ttft_s"] = 0.5
    cmp = gate(base, new, "ttft_p50:0.1")
    assert cmp["exit_code"] == EXIT_REGRESSION, cmp["summary"]
    assert "no comparison" not in cmp["summary"]
    assert "m1 norag ttft_p50 worse by +0.5 s (past 0.1 s; n=25 and 25 requests" in cmp["summary"]


def test_a_speed_verdict_says_its_worsening_in_the_rules_unit_and_its_n():
    base, new = run([100.0] * N), run([100.0] * N)
    for record in new["cases"]:
        record["ttft_s"] += 0.03
    cmp = gate(base, new, "ttft_p50:0.01,e2e_p50:20%")
    assert cmp["exit_code"] == EXIT_REGRESSION
    # the absolute rule's own unit first, the relative change beside it; the n of each run's statistic
    assert "m1 norag ttft_p50 worse by +0.03 s (past 0.01 s; +14.2%; n=25 and 25 requests" in cmp["summary"]
    assert "+0.03 s (run)" in rule_row(cmp, "ttft_p50")  # not "+0.0 (run)" beside SLOWER
    assert "+0% (run)" in rule_row(cmp, "e2e_p50")
    slower = copy.deepcopy(new)
    for record in slower["cases"]:
        record["e2e_s"] = 2.5
    cmp = gate(base, slower, "e2e_p50:20%")
    assert "m1 norag e2e_p50 worse by +25% (past 20%; n=25 and 25 requests" in cmp["summary"]


# -- quality under other settings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changed", "named"),
    [
        ({"max_tokens": 16}, "max_tokens 64 in the baseline, 16 now"),
        ({"temperature": 0.7}, "temperature 0.0 in the baseline, 0.7 now"),
        ({"thinking": "on"}, "thinking 'off' in the baseline, 'on' now"),
        ({"rag": {"top_k": 2}}, "rag.top_k 5 in the baseline, 2 now"),
        ({"server": {"chat_template": "other.jinja"}}, "server.chat_template None in the baseline, 'other.jinja' now"),
    ],
)
def test_quality_compared_under_other_answer_settings_is_said_in_the_summary(changed, named):
    base = run([100.0] * 8, rag={"top_k": 5}, server={"chat_template": None}, thinking="off")
    new = copy.deepcopy(base)
    for key, value in changed.items():
        settings = new["run"]["settings"]
        settings[key] = {**settings[key], **value} if isinstance(value, dict) else value
    cmp = gate(base, new)
    assert cmp["exit_code"] == EXIT_OK  # a change of settings is no broken run: the answers are compared
    assert "note: the runs answered under other settings" in cmp["summary"]
    assert named in cmp["summary"]
    assert "note: the runs answered" not in gate(base, copy.deepcopy(base))["summary"]
    # settings that change no answer are not said: where the RAG index is cached, the key's variable, the load
    quiet = copy.deepcopy(base)
    quiet["run"]["settings"]["rag"].update(cache_dir="/b", api_key_env="KEY", devices="cuda")
    quiet["run"]["settings"]["concurrency"] = 8
    assert "answered under other settings" not in gate(base, quiet)["summary"]


# -- samples a run lost --------------------------------------------------------------------------------------------


def lose_samples(doc: dict[str, Any], cases: int) -> dict[str, Any]:
    """The document without samples 1.. of its first `cases` cases (records lost: no error, no trace)."""
    out = copy.deepcopy(doc)
    lost = {f"c{i:02d}" for i in range(cases)}
    out["cases"] = [r for r in out["cases"] if not (r["scenario_id"] in lost and r["sample"] > 0)]
    return out


def test_a_new_run_that_lost_samples_of_its_repeat_is_incomplete_unless_allowed():
    base = run([100.0] * 8, repeats=3)
    new = lose_samples(run([100.0] * 8, repeats=3), 7)
    cmp = gate(base, new)
    assert cmp["exit_code"] == EXIT_BROKEN, cmp["summary"]
    lost = "7 of 8 case(s) of the new run have fewer samples than its --llm-repeat 3 (m1/norag/c00 (1 of 3),"
    assert lost in cmp["summary"]
    allowed = gate(base, new, allow_missing=True)
    assert allowed["exit_code"] == EXIT_OK
    assert "allowed (--allow-missing): 7 of 8 case(s) of the new run have fewer samples" in allowed["summary"]


def test_samples_lost_by_the_baseline_are_a_note_and_errored_samples_are_no_lost_ones():
    base = lose_samples(run([100.0] * 8, repeats=3), 2)
    cmp = gate(base, run([100.0] * 8, repeats=3))
    assert cmp["exit_code"] == EXIT_OK, cmp["summary"]
    assert "note: 2 of 8 case(s) of the baseline have fewer samples than its --llm-repeat 3" in cmp["summary"]
    errored = run([100.0] * 8, repeats=3)
    errored["cases"][1].update(score=None, passed=False, error={"type": "http"})
    cmp = gate(run([100.0] * 8, repeats=3), errored, allow_errors=True)
    assert "fewer samples" not in cmp["summary"]
    # another --llm-repeat on each side: the samples compared are the first of the smaller one, none lost
    assert "fewer samples" not in gate(run([100.0] * 8, repeats=1), run([100.0] * 8, repeats=3))["summary"]
