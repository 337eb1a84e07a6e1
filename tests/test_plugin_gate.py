"""The nightly gate inside pytest: saved runs, --llm-compare, --llm-compare-fail, and the standalone
`python -m pytest_llmeval compare`, against the fake OpenAI-compatible server whose answers we control."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pytest_llmeval.testing.openai_fake import FakeServer

N_CASES = 12
POINTS = ["甲项", "乙项", "丙项", "丁项", "戊项"]


def scenario_yaml() -> str:
    lines = ["suite: gate", "cases:"]
    for i in range(N_CASES):
        lines += [
            f"  - id: q{i:02d}",
            "    category: gate",
            f"    question: 第{i:02d}题：列出全部要点。",
            f"    key_points: [{', '.join(POINTS)}]",
        ]
    return "\n".join(lines) + "\n"


class Answers:
    """Per-case answers: all five points (score 100) unless told otherwise."""

    def __init__(self) -> None:
        self.points = {i: len(POINTS) for i in range(N_CASES)}

    def __call__(self, request: dict) -> str:
        text = request["messages"][-1]["content"]
        case = int(text[1:3])
        return "答：" + "、".join(POINTS[: self.points[case]]) + "。"


@pytest.fixture
def gate_project(llm_project):
    llm_project.scenario("gate.yaml", scenario_yaml())
    answers = Answers()
    with FakeServer(answers=answers) as fake:

        def run(*args: str) -> pytest.RunResult:
            return llm_project.run(
                "--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-max-tokens", "64", *args
            )

        llm_project.answers = answers
        llm_project.run_llm = run
        yield llm_project


def test_saved_baseline_then_identical_run_passes_the_gate(gate_project):
    first = gate_project.run_llm("--llm-save", "baseline")
    assert first.ret == 0, first.stdout.str()
    saved = sorted((gate_project.path / ".llmeval" / "runs").glob("*.json"))
    assert [p.name.split("_")[0] for p in saved] == ["0001"] and "_baseline_" in saved[0].name
    again = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "score:5,pass_rate:10")
    assert again.ret == 0, again.stdout.str()
    again.stdout.fnmatch_lines(["*compare: no significant change*(gate passed)*"])
    doc = gate_project.results()
    assert doc["comparison"]["exit_code"] == 0 and doc["comparison"]["groups"][0]["n"] == N_CASES
    assert "## Comparison with the baseline" in gate_project.report()


def test_worse_answers_fail_the_gate_and_name_the_cases(gate_project):
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    for i in range(6, 12):
        gate_project.answers.points[i] = 1  # score 20: fails
    worse = gate_project.run_llm("--llm-compare", "last", "--llm-compare-fail", "score:5")
    assert worse.ret == 1
    out = worse.stdout.str()
    assert "gate FAILED" in out and "REGRESSION" in out and "pass -> fail" in out and "q11" in out
    cmp = gate_project.results()["comparison"]
    assert cmp["exit_code"] == 1 and cmp["regressions"][0]["metric"] == "score"
    # the same comparison from the command line, same exit code
    runs = gate_project.path / ".llmeval" / "runs"
    cli = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "compare", "1", "2", "--fail", "score:5", "--runs-dir", str(runs)],
        capture_output=True,
        text=True,
    )
    assert cli.returncode == 1 and "REGRESSION" in cli.stdout
    same = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "compare", "1", "1", "--fail", "score:5", "--runs-dir", str(runs)],
        capture_output=True,
        text=True,
    )
    assert same.returncode == 0 and "no significant change" in same.stdout
    listing = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "runs", "--runs-dir", str(runs)], capture_output=True, text=True
    )
    assert listing.returncode == 0 and "0001" in listing.stdout and "0002" in listing.stdout


def test_one_case_wobble_is_reported_and_passes(gate_project):
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    gate_project.answers.points[3] = 4  # 80: still passes, -20 on one case
    wobble = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "score:1")
    assert wobble.ret == 0, wobble.stdout.str()
    assert "within noise - not failed" in wobble.stdout.str()


def test_unknown_baseline_and_bad_gate_fail_at_once(gate_project):
    missing = gate_project.run_llm("--llm-compare", "nope")
    assert missing.ret == pytest.ExitCode.USAGE_ERROR
    missing.stderr.fnmatch_lines(["*--llm-compare: no saved run 'nope'*Fix:*"])
    bad = gate_project.run_llm("--llm-compare-fail", "speed:5")
    assert bad.ret == pytest.ExitCode.USAGE_ERROR
    bad.stderr.fnmatch_lines(["*--llm-compare-fail: 'speed:5': unknown metric*"])
    cli = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "compare", "a.json", "b.json"],
        capture_output=True,
        text=True,
        cwd=gate_project.path,
    )
    assert cli.returncode == 2 and "error:" in cli.stderr and "Traceback" not in cli.stderr


def test_two_tests_reading_one_case_evaluate_and_record_it_once(gate_project):
    gate_project.pytester.makepyfile(
        test_latency="""
        def test_latency(llm_result):
            assert llm_result.completion.metrics.e2e_s < 60
    """
    )
    result = gate_project.run_llm("-p", "no:randomly")
    result.assert_outcomes(passed=2 * N_CASES)
    doc = gate_project.results()
    assert len(doc["cases"]) == N_CASES
    (row,) = doc["aggregates"]["models"]
    assert row["cases"] == N_CASES and row["samples"] == N_CASES


def test_repeats_record_every_sample_and_cluster_the_interval(gate_project):
    result = gate_project.run_llm("--llm-repeat", "3", "-k", "q00 or q01 or q02")
    result.assert_outcomes(passed=3)
    doc = gate_project.results()
    assert sorted((c["scenario_id"], c["sample"]) for c in doc["cases"]) == [
        (f"q0{i}", s) for i in range(3) for s in range(3)
    ]
    (row,) = doc["aggregates"]["models"]
    assert (row["cases"], row["samples"]) == (3, 9)
    interval = row["intervals"]["mean_score"]
    assert interval["n"] == 3 and interval["n_samples"] == 9
    assert json.dumps(doc)  # the document stays plain JSON
