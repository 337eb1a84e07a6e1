"""Red team of the regression gate: pairs of runs and gate rules that passed (or raised) where the evidence says the
gate must fail, or must refuse the rule. Each test names the wrong verdict it guards against; the last ones run both
entry points (pytest's --llm-compare and `python -m pytest_llmeval compare`) on the same pair of runs."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from run_builders import GOOD, N, gate, run

from pytest_llmeval.compare import EXIT_BROKEN, EXIT_OK, GateError, parse_fail_expressions, render_comparison_text
from pytest_llmeval.testing.openai_fake import FakeServer

# -- records a run never writes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["new", "base"])
def test_a_case_sample_recorded_twice_breaks_the_run_whatever_is_allowed(which):
    """A record of one (model, mode, case, sample) twice - a shard merged twice, files joined by hand - was averaged
    as if it were a repeat: a case answered 100 and 0 read as 50 and the gate passed (exit 0)."""
    base, new = run(GOOD), run(GOOD)
    doc = new if which == "new" else base
    doc["cases"].append({**copy.deepcopy(doc["cases"][0]), "score": 0.0, "passed": False})
    cmp = gate(base, new, allow_missing=True, allow_errors=True)
    assert cmp["exit_code"] == EXIT_BROKEN
    (problem,) = [p for p in cmp["problems"] if p["kind"] == "duplicate"]
    assert not problem["allowed"] and "m1/norag/c00 sample 0 (2 records)" in problem["text"]
    assert "records held more than once" in render_comparison_text(cmp)


def test_samples_of_a_repeated_case_are_no_duplicates():
    base, new = run(GOOD), run(GOOD)
    for doc in (base, new):
        doc["cases"] += [{**copy.deepcopy(c), "sample": 1} for c in doc["cases"]]
        doc["run"]["settings"]["repeat"] = 2
    assert gate(base, new)["exit_code"] == EXIT_OK


@pytest.mark.parametrize("which", ["new", "base"])
@pytest.mark.parametrize("status", [None, "exploded", "finished"])
def test_a_status_no_run_is_written_with_breaks_the_run(which, status):
    """A run's status is complete, degraded, interrupted or running; a document without one, or with another word,
    cannot say whether the run finished. It passed as if complete (exit 0)."""
    base, new = run(GOOD), run(GOOD)
    (new if which == "new" else base)["run"]["status"] = status
    cmp = gate(base, new)
    assert cmp["exit_code"] == EXIT_BROKEN
    assert f"status is {status!r}, not one pytest-llmeval writes" in cmp["summary"]
    allowed = gate(base, new, allow_missing=True)
    assert allowed["exit_code"] == EXIT_OK and "allowed (--allow-missing)" in allowed["summary"]


# -- what the new run asked that the baseline has no answer to ------------------------------------------------------


def test_cases_models_and_modes_only_in_the_new_run_are_named_in_the_summary():
    """New cases are not a regression, but the gate says nothing about them: the summary (the terminal's one line)
    said "no significant change" alone, and a mode only the new run ran was named nowhere."""
    base = run(GOOD[:10])
    new = run(GOOD)
    new["cases"] += run(GOOD, model="m9")["cases"] + run(GOOD, mode="rag")["cases"]
    cmp = gate(base, new)
    assert cmp["exit_code"] == EXIT_OK
    assert cmp["mismatches"]["modes_only_in_new"] == [{"model": "m1", "mode": "rag", "cases": N}]
    note = cmp["summary"].split("; note: ", 1)[1]
    assert "model(s) m9" in note and "every rag case of m1 (14)" in note and "4 case(s) (m1/norag/c10" in note
    assert "not compared" in note
    assert "modes only in this run (not compared): m1/rag (14 cases)" in render_comparison_text(cmp)


# -- gate rules -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rules",
    ["score:5,score:5", "score:5,score:3%", ["pass_rate:10", "pass_rate:10"], "ttft_p50:20%,ttft_p50:30%"],
)
def test_a_metric_gated_twice_is_refused(rules):
    """Each quality rule is a member of the Holm family: `pass_rate:10` given twice no longer failed 7 of 14 cases
    going pass -> fail (p = 0.028, Holm p = 0.056), four times not 8 of 14."""
    with pytest.raises(GateError, match="is already gated by .*Fix: keep one rule per metric"):
        parse_fail_expressions(rules)


def test_a_speed_metric_may_have_one_absolute_and_one_relative_rule():
    assert [r.text for r in parse_fail_expressions("ttft_p50:20%,ttft_p50:0.5")] == ["ttft_p50:20%", "ttft_p50:0.5"]


@pytest.mark.parametrize("rule", ["pass_rate:150", "score:100.5", "score:150%", "decode_tok_s:101%"])
def test_a_threshold_outside_what_the_metric_can_do_is_refused(rule):
    """`pass_rate:150` could never fail - no pass rate falls by more than 100 points - and every collapse passed."""
    with pytest.raises(GateError, match="this rule can never fail .*Fix: a smaller threshold"):
        parse_fail_expressions(rule)


@pytest.mark.parametrize("rule", ["ttft_p50:150%", "e2e_p95:300%", "score:99", "pass_rate:50%"])
def test_thresholds_the_metric_can_pass_are_kept(rule):
    assert parse_fail_expressions(rule)[0].text == rule


@pytest.mark.parametrize("values", [[""], [","], ["score:5", " "]])
def test_an_option_value_without_a_rule_is_refused(values):
    """`--fail ""` (an empty LLMEVAL_GATE passed on) gave no rule, and the gate passed every regression."""
    with pytest.raises(GateError, match="no rule in it, so nothing would be gated"):
        parse_fail_expressions(values)
    assert parse_fail_expressions("") == []  # the expression itself may be empty: no rule


# -- a comparison that raises --------------------------------------------------------------------------------------


def test_a_value_no_statistic_expected_breaks_the_comparison_not_the_command():
    """A baseline whose `run.merge_missing` is not an object (schema 2 does not type it) raised AttributeError: inside
    pytest exit 7 (the session's guard), from the command line a traceback and exit 1 - the two entry points
    disagreed."""
    base = run(GOOD, merge_missing="shard 3")
    cmp = gate(base, run(GOOD), base_name="base.json", new_name="new.json")
    assert cmp["exit_code"] == EXIT_BROKEN and cmp["broken"]
    assert cmp["summary"].startswith("no comparison: the comparison with the baseline failed (AttributeError")
    assert "base.json or new.json" in cmp["summary"]
    assert "the comparison with the baseline failed" in render_comparison_text(cmp)


# -- speed on other hardware ---------------------------------------------------------------------------------------


def test_speed_is_not_compared_between_servers_on_other_hardware():
    """A launched server on another GPU is another speed: the slower card read as a speed regression (exit 6)."""
    launched = [{"model": "m1", "attached": False}]
    base = run(GOOD, launches=launched, hardware={"cpu": "x", "cpu_count": 2, "gpus": [{"name": "H100"}]})
    new = run(GOOD, launches=launched, hardware={"cpu": "x", "cpu_count": 2, "gpus": [{"name": "A10"}]})
    for case in new["cases"]:
        case["ttft_s"] *= 3
    (rule,) = gate(base, new, "ttft_p50:20%")["rules"]
    assert not rule["failed"] and "not comparable: the server ran on other hardware (gpus" in rule["status"]
    # an attached server's speed is not the machine pytest ran on: compared as before
    for doc in (base, new):
        doc["run"]["launches"] = [{"model": "m1", "attached": True}]
    (rule,) = gate(base, new, "ttft_p50:20%")["rules"]
    assert rule["failed"]


# -- both entry points on the same pair of runs --------------------------------------------------------------------

POINTS = ["甲项", "乙项", "丙项", "丁项", "戊项"]


def scenario_yaml() -> str:
    lines = ["suite: gate", "cases:"]
    for i in range(N):
        lines += [f"  - id: q{i:02d}", "    category: gate", f"    question: 第{i:02d}题：列出全部要点。"]
        lines += [f"    key_points: [{', '.join(POINTS)}]"]
    return "\n".join(lines) + "\n"


def answer(request: dict[str, Any]) -> str:
    text = request["messages"][-1]["content"]
    return "答：" + "、".join(POINTS) + "。" if text.startswith("第") else "ok"


def cli(project: Any, base: Path, *args: str) -> subprocess.CompletedProcess[str]:
    new = project.path / "llmeval-report" / "results.json"
    command = [sys.executable, "-m", "pytest_llmeval", "compare", str(base), str(new), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=project.path)


def test_both_entry_points_break_on_the_same_broken_baselines(llm_project):
    """Baselines made from a real run by hand edits: a case recorded twice, a status no run has, a field whose value
    made the comparison raise. pytest's gate and the command must give the same exit code, 7, with no traceback
    (they gave 0 and 0, 0 and 0, 7 and a traceback with 1)."""
    llm_project.scenario("gate.yaml", scenario_yaml())
    with FakeServer(answers=answer) as fake:
        common = ("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-max-tokens", "64")
        assert llm_project.run(*common).ret == 0
        real = llm_project.results()
        itself = cli(llm_project, llm_project.path / "llmeval-report" / "results.json")
        assert itself.returncode == EXIT_BROKEN and "are one run (run id" in itself.stdout  # not a baseline
        intact = llm_project.path / "intact.json"
        intact.write_text(json.dumps({**real, "run": {**real["run"], "run_id": "an-earlier-run"}}), encoding="utf-8")
        assert cli(llm_project, intact).returncode == EXIT_OK
        broken: dict[str, dict[str, Any]] = {}
        broken["duplicate"] = copy.deepcopy(real)
        broken["duplicate"]["cases"].append({**copy.deepcopy(real["cases"][0]), "score": 0.0, "passed": False})
        broken["status"] = copy.deepcopy(real)
        broken["status"]["run"]["status"] = "exploded"
        broken["raises"] = copy.deepcopy(real)
        broken["raises"]["run"]["merge_missing"] = "shard 3"
        for name, doc in broken.items():
            path = llm_project.path / f"{name}.json"
            path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            inside = llm_project.run(*common, "--llm-compare", str(path), "--llm-compare-fail", "score:5,pass_rate:10")
            outside = cli(llm_project, path, "--fail", "score:5,pass_rate:10")
            assert (name, inside.ret, outside.returncode) == (name, EXIT_BROKEN, EXIT_BROKEN), outside.stderr
            assert "Traceback" not in outside.stderr and "gate FAILED" in inside.stdout.str()


def test_both_entry_points_refuse_a_rule_given_twice_as_a_usage_error(llm_project):
    llm_project.scenario("gate.yaml", scenario_yaml())
    result = llm_project.run("--llm-model", "m1", "--llm-compare-fail", "pass_rate:10,pass_rate:10")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "--llm-compare-fail: 'pass_rate:10': pass_rate is already gated by 'pass_rate:10'" in result.stderr.str()
    missing = llm_project.path / "none.json"
    outside = cli(llm_project, missing, "--fail", "pass_rate:10,pass_rate:10")
    assert outside.returncode == 2 and "already gated by" in outside.stderr
    assert "Traceback" not in outside.stderr and len(outside.stderr.strip().splitlines()) == 1


def test_a_failed_comparison_inside_pytest_names_where_this_run_was_written(monkeypatch):
    """Inside pytest the one-line reason tells how to compare the saved run again: with the run's own results.json
    (--llm-report-dir), not the default folder it was not written to."""
    from pytest_llmeval.compare import diff

    def broken(*args: Any, **kwargs: Any) -> dict[str, Any]:
        raise KeyError("score")

    monkeypatch.setattr(diff, "_compare_runs", broken)
    cmp = diff.compare_runs({"cases": []}, {"cases": []}, saved_at="nightly/out/results.json")
    assert cmp["exit_code"] == 7
    assert "compare BASELINE nightly/out/results.json" in cmp["error"] and "KeyError" in cmp["error"]
    assert "llmeval-report" not in cmp["error"]
