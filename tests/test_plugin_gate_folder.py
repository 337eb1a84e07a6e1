"""--llm-compare and `compare` given a folder of runs, or a run name with a typo (compare/folder.py, wired into
results/runs.py find_run): a folder of one run is that run; one of several lists them and how to name one."""

from __future__ import annotations

import pytest
from test_plugin_gate import cli, gate_project  # noqa: F401  (the fixture)

from pytest_llmeval.compare import EXIT_REGRESSION


def test_a_folder_of_one_run_is_the_baseline_and_a_folder_of_two_is_refused_with_them(gate_project):  # noqa: F811
    runs = gate_project.path / ".llmeval" / "runs"
    assert gate_project.run_llm("--llm-save", "夜间").ret == 0
    for i in range(6, 12):
        gate_project.answers.points[i] = 1
    worse = gate_project.run_llm("--llm-compare", ".llmeval/runs", "--llm-compare-fail", "score:5")
    assert worse.ret == EXIT_REGRESSION, worse.stdout.str() + worse.stderr.str()
    worse.stdout.fnmatch_lines(["*'.llmeval/runs' is a folder that holds one run, 0001 (夜间*"])
    two = gate_project.run_llm("--llm-compare", ".llmeval/runs")
    assert two.ret == pytest.ExitCode.USAGE_ERROR
    two.stderr.fnmatch_lines(["*--llm-compare: .llmeval/runs is the saved-runs folder, not one run: it holds 2 runs*"])
    assert "its number (e.g. 2)" in two.stderr.str() and "last (the newest run with a case)" in two.stderr.str()
    done = cli(gate_project, str(runs), "2", "--fail", "score:5")
    assert done.returncode == 2 and "it holds 2 runs" in done.stderr and "Traceback" not in done.stderr


def test_a_run_name_with_a_typo_names_the_run_meant(gate_project):  # noqa: F811
    assert gate_project.run_llm("--llm-save", "nightly").ret == 0
    typo = gate_project.run_llm("--llm-compare", "nigthly")
    assert typo.ret == pytest.ExitCode.USAGE_ERROR
    typo.stderr.fnmatch_lines(["*no saved run 'nigthly'*Did you mean nightly (run 0001)?*Fix:*"])
