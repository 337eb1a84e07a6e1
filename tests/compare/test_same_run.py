"""A run compared with itself is no comparison: every run written carries its own `run.run_id` (pytest, `rescore`,
`merge`), a copy keeps it, and the gate refuses one run on both sides (exit 7, no option allows it) - it passed with
"no significant change" whatever the model did, e.g. a nightly script whose baseline path pointed at the run's own
saved copy."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from test_gate_redteam2 import GATE, POINTS, doc, scenario_yaml

from pytest_llmeval.compare import EXIT_BROKEN, EXIT_OK, EXIT_REGRESSION, compare_runs, parse_fail_expressions
from pytest_llmeval.testing.openai_fake import FakeServer


def answer(request: dict[str, Any]) -> str:
    return "答：" + "、".join(POINTS) + "。"


def cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest_llmeval", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd)


def test_one_run_on_both_sides_is_refused_whatever_is_allowed():
    run = doc([100.0] * 8, run_id="abc")
    for allow in ({}, {"allow_errors": True, "allow_missing": True}):
        cmp = compare_runs(run, copy.deepcopy(run), parse_fail_expressions([GATE]), **allow)
        assert cmp["exit_code"] == EXIT_BROKEN
        assert [p["kind"] for p in cmp["problems"] if not p["allowed"]] == ["same_run"]
        assert "one run (run id abc)" in cmp["problems"][0]["text"]


def test_runs_with_their_own_ids_or_none_are_compared_as_before():
    better, worse = [100.0] * 8, [100.0] * 2 + [0.0] * 6
    rules = parse_fail_expressions([GATE])
    assert compare_runs(doc(better, run_id="a"), doc(better, run_id="b"), rules)["exit_code"] == EXIT_OK
    assert compare_runs(doc(better, run_id="a"), doc(worse, run_id="b"), rules)["exit_code"] == EXIT_REGRESSION
    # runs written before run ids existed cannot be told apart: compared as they always were
    assert compare_runs(doc(better), doc(better), rules)["exit_code"] == EXIT_OK
    assert compare_runs(doc(better, run_id="a"), doc(worse), rules)["exit_code"] == EXIT_REGRESSION


def test_a_run_against_its_saved_copy_is_refused_and_a_rescore_or_merge_is_another_run(llm_project):
    llm_project.scenario("same.yaml", scenario_yaml(6))
    with FakeServer(answers=answer) as fake:
        common = ("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-max-tokens", "64")
        assert llm_project.run(*common, "--llm-save", "first").ret == 0
        first = llm_project.results()
        assert llm_project.run(*common, "--llm-compare", "last", "--llm-compare-fail", GATE).ret == EXIT_OK
        second = llm_project.results()
    path = llm_project.path
    assert first["run"]["run_id"] != second["run"]["run_id"]  # each pytest run has its own
    assert second["comparison"]["exit_code"] == EXIT_OK

    results = str(path / "llmeval-report" / "results.json")
    saved = sorted((path / ".llmeval" / "runs").glob("*first*.json"))[0]
    assert json.loads(saved.read_text(encoding="utf-8"))["run"]["run_id"] == first["run"]["run_id"]
    for base, new in ((results, results), (str(saved), "first"), ("first", str(saved))):
        done = cli(path, "compare", base, new, "--fail", GATE, "--allow-errors", "--allow-missing")
        assert done.returncode == EXIT_BROKEN, (base, new, done.stdout, done.stderr)
        assert f"are one run (run id {first['run']['run_id'] if new != results else second['run']['run_id']})" in (
            done.stdout
        )
        assert "Traceback" not in done.stderr

    # a re-score grades the saved answers again: another run, compared with the one it came from
    assert cli(path, "rescore", str(saved), "-o", "rescored").returncode == 0
    rescored = json.loads((path / "rescored" / "results.json").read_text(encoding="utf-8"))
    assert rescored["run"]["run_id"] not in (first["run"]["run_id"], second["run"]["run_id"])
    assert rescored["run"]["rescored"]["from_run_id"] == first["run"]["run_id"]
    assert cli(path, "compare", str(saved), "rescored", "--fail", GATE).returncode == EXIT_OK

    assert cli(path, "compare", "rescored", str(saved)).returncode == EXIT_OK


def test_a_merge_is_the_run_its_shards_stand_for_with_its_own_id(llm_project):
    llm_project.scenario("same.yaml", scenario_yaml(6))
    path = llm_project.path
    with FakeServer(answers=answer) as fake:
        common = ("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-max-tokens", "64")
        for k in (1, 2):
            assert llm_project.run(*common, "--llm-shard", f"{k}/2", f"--llm-report-dir=shard{k}").ret == 0
    ids = [llm_project.results(f"shard{k}")["run"]["run_id"] for k in (1, 2)]
    merged = cli(path, "merge", "shard1", "shard2", "-o", "merged")
    assert merged.returncode == 0, merged.stderr
    run = llm_project.results("merged")["run"]
    assert len(set(ids)) == 2 and run["run_id"] not in ids
    assert [m["run_id"] for m in run["merged_from"]] == ids
    done = cli(path, "compare", "merged", "merged")
    assert done.returncode == EXIT_BROKEN and f"one run (run id {run['run_id']})" in done.stdout
