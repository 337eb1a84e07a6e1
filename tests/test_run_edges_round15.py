"""Run edges a user meets, round 15, end to end with the fake OpenAI-compatible server.

- A run whose -k or -m deselects every LLM case writes no results.json and saves no run; pytest's own line
  ("14 deselected") said nothing more, so `--llm-compare last` in a nightly job exited 5 with no word on its gate,
  and llmeval-report/ kept last night's report that read like tonight's. The terminal now says that no LLM case ran
  (what deselected them), that the report folder is an earlier run's, and, with --llm-compare, that nothing was
  compared and the gate did not pass (pytest's exit 5). A run where other tests ran but no LLM case exits 7.
- A bare time threshold above 1 (`--llm-compare-fail ttft_p50:200`) is a usage error naming the fix.
- The nightly flow a user runs: a run, a second with answers made wrong, `--llm-compare last --llm-compare-fail
  score:5`, then the standalone `compare` on the same files, `runs` and `report`: each exit code as the README says.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_plugin_gate import gate_project  # noqa: F401 - the fixture: a project and the fake server

from pytest_llmeval.compare import EXIT_BROKEN, EXIT_OK, EXIT_REGRESSION

NO_TESTS_RAN = 5
USAGE_ERROR = 4
A_CASE_FAILED = 1


def saved_runs(project: pytest.Pytester) -> list[Path]:
    return sorted((project.path / ".llmeval" / "runs").glob("*.json"))


def command(project: pytest.Pytester, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m pytest_llmeval ARGS` in the project, as a user types it."""
    return subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", *args], capture_output=True, text=True, cwd=project.path
    )


# -- a run that asks no LLM case ---------------------------------------------------------------------------------


@pytest.mark.parametrize("select", [["-k", "nomatch"], ["-k", "q99 or 不存在"], ["-m", "no_such_marker"]])
def test_a_gated_run_that_deselects_every_case_says_the_gate_did_not_pass(gate_project, select: list[str]):  # noqa: F811
    assert gate_project.run_llm("--llm-save", "nightly").ret == EXIT_OK
    before = gate_project.results()["run"]["run_id"]
    result = gate_project.run_llm(*select, "--llm-compare", "last", "--llm-compare-fail", "score:5")
    out = result.stdout.str()
    assert result.ret == NO_TESTS_RAN, out
    chosen = " ".join(select)
    assert f"no LLM case ran: 14 of 14 LLM case test(s) deselected by {chosen}; no results.json was written" in out
    assert "compare: NOT COMPARED with last: this run asked no case, so the gate did not pass" in out
    assert "exit status 5, no tests ran" in out and "Fix: a -k, -m or test path that selects LLM cases" in out
    assert "results.json and its reports are from an earlier run, not this one" in out
    assert "gate passed" not in out
    assert len(saved_runs(gate_project)) == 1  # nothing saved: `last` is still the run before
    assert gate_project.results()["run"]["run_id"] == before


def test_a_run_that_deselects_every_case_says_so_without_a_baseline_too(gate_project):  # noqa: F811
    result = gate_project.run_llm("-k", "nomatch")
    out = result.stdout.str()
    assert result.ret == NO_TESTS_RAN
    assert "no LLM case ran: 14 of 14 LLM case test(s) deselected by -k nomatch" in out
    assert "compare:" not in out and "earlier run" not in out  # no report folder yet
    assert saved_runs(gate_project) == []


def test_a_gated_run_where_other_tests_ran_and_no_llm_case_is_broken(gate_project):  # noqa: F811
    assert gate_project.run_llm("--llm-save", "nightly").ret == EXIT_OK
    gate_project.pytester.makepyfile(test_other="def test_plain():\n    assert True\n")
    result = gate_project.run_llm("-k", "plain", "--llm-compare", "last", "--llm-compare-fail", "score:5")
    out = result.stdout.str()
    assert result.ret == EXIT_BROKEN, out  # "a gated run that asked no case" (README): 7, never a pass
    assert "0 of 14 LLM case tests run: 14 deselected by -k plain" in out
    assert "models only in the baseline: m1" in out and "(gate FAILED)" in out
    assert gate_project.results()["comparison"]["exit_code"] == EXIT_BROKEN
    assert len(saved_runs(gate_project)) == 1  # a run without a case is no baseline for "last"


def test_other_tests_alone_get_no_word_from_the_plugin(gate_project):  # noqa: F811
    gate_project.pytester.makepyfile(test_other="def test_plain():\n    assert True\n")
    result = gate_project.run_llm("test_other.py")
    assert result.ret == EXIT_OK
    assert "llmeval results" not in result.stdout.str()


# -- a time threshold without its unit -----------------------------------------------------------------------------


@pytest.mark.parametrize("rule", ["ttft_p50:200", "e2e_p95:30", "score:5,ttft_p95:1.5"])
def test_pytest_refuses_a_bare_time_threshold_with_the_option_the_value_and_the_fix(gate_project, rule: str):  # noqa: F811
    result = gate_project.run_llm("--llm-compare-fail", rule)
    err = result.stderr.str()
    assert result.ret == USAGE_ERROR, err
    assert "--llm-compare-fail: '" in err and "without a unit is ambiguous" in err and "Fix: write the unit" in err
    assert "Traceback" not in err


def test_a_time_threshold_in_ms_gates_the_run(gate_project):  # noqa: F811
    assert gate_project.run_llm("--llm-save", "nightly").ret == EXIT_OK
    result = gate_project.run_llm("--llm-compare", "last", "--llm-compare-fail", "score:5,ttft_p50:200ms,e2e_p50:1s")
    out = result.stdout.str()
    assert result.ret == EXIT_OK, out  # the fake server answers in milliseconds both times
    assert "ttft_p50 up by more than 200 ms" in out and "e2e_p50 up by more than 1 s" in out
    rules = {r["metric"]: r for r in gate_project.results()["comparison"]["rules"]}
    assert rules["ttft_p50"]["threshold"] == pytest.approx(0.2) and rules["e2e_p50"]["threshold"] == 1.0


# -- the nightly flow, as a user ---------------------------------------------------------------------------------


def test_the_nightly_flow_one_case_worse_then_eight(gate_project):  # noqa: F811
    assert gate_project.run_llm("--llm-save", "nightly").ret == EXIT_OK
    gate_project.answers.points[3] = 1  # one case of 14 answered with one of five points
    second = gate_project.run_llm("--llm-save", "nightly", "--llm-compare", "last", "--llm-compare-fail", "score:5")
    out = second.stdout.str()
    # one case of 14 cannot make a significant fall: the case fails (1), the gate passes and says what it saw
    assert second.ret == A_CASE_FAILED, out
    assert "q03" in out and "pass -> fail" in out and "(gate passed)" in out and "n=14" in out
    first, new = saved_runs(gate_project)
    standalone = command(gate_project, "compare", str(first), str(new), "--fail", "score:5")
    assert standalone.returncode == EXIT_OK, standalone.stdout + standalone.stderr  # no case exit outside pytest
    by_number = command(gate_project, "compare", "1", "last", "--fail", "score:5")
    assert by_number.returncode == EXIT_OK, by_number.stdout + by_number.stderr
    for said in (standalone.stdout, by_number.stdout):
        assert "no significant change" in said and "pass -> fail" in said and "not shown fine either" in said
    listed = command(gate_project, "runs")
    assert listed.returncode == 0 and "0001  nightly" in listed.stdout and "0002  nightly" in listed.stdout
    assert "94.3" in listed.stdout  # the second run's mean score, 1320 / 14
    reported = command(gate_project, "report", str(new))
    assert reported.returncode == 0, reported.stderr
    assert "Comparison with the baseline" in reported.stdout

    for case in range(8):  # 8 of 14 cases now fail: a regression past score:5
        gate_project.answers.points[case] = 1
    third = gate_project.run_llm("--llm-save", "nightly", "--llm-compare", "1", "--llm-compare-fail", "score:5")
    assert third.ret == EXIT_REGRESSION, third.stdout.str()
    assert "(gate FAILED)" in third.stdout.str()
    latest = saved_runs(gate_project)[-1]
    again = command(gate_project, "compare", str(first), str(latest), "--fail", "score:5")
    assert again.returncode == EXIT_REGRESSION, again.stdout + again.stderr
    doc = json.loads(latest.read_text(encoding="utf-8"))
    assert doc["comparison"]["exit_code"] == EXIT_REGRESSION
