"""A run that pytest stops before its selected case tests ran (-x, --maxfail, --sw) is "interrupted", not
"complete", at any concurrency and with or without -n. A serial run stopped by -x was recorded "complete" while the
same stop under -n was "interrupted" (pytest's exit status there): `accept` took the 1-of-8 run as the nightly
baseline without a word, `--llm-resume` ran everything again, and the saved-runs folder's "last" took it as a whole
run. A --maxfail that every test reached (every selected test ran) leaves the run "complete"."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from test_inflight_review import N_CASES, asked, case_answer, scenario_yaml

from pytest_llmeval.testing.openai_fake import FakeServer


@pytest.fixture
def project(llm_project: Any) -> Any:
    llm_project.scenario("review.yaml", scenario_yaml())
    with FakeServer(answers=case_answer, delay_s=0.01) as fake:

        def run(*args: str) -> pytest.RunResult:
            fake.received.clear()
            return llm_project.run("--llm-base-url", fake.base_url, "--llm-model=m1", "--llm-warmup=0", *args)

        llm_project.fake = fake
        llm_project.run_llm = run
        yield llm_project


def accept(project: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "accept", "llmeval-report"],
        cwd=project.path,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("concurrency", ["1", "4"])
def test_a_serial_run_stopped_by_x_is_interrupted_and_not_accepted(project: Any, concurrency: str) -> None:
    result = project.run_llm(f"--llm-concurrency={concurrency}", "-x")
    result.assert_outcomes(failed=1)  # q00 fails first (cases 0, 3, 6 fail)
    run = project.results()["run"]
    assert run["status"] == "interrupted"
    assert run["selection"]["finished"] == 1 and run["selection"]["selected"] == N_CASES
    accepted = accept(project)
    assert accepted.returncode == 2, accepted.stdout + accepted.stderr
    assert "interrupted after 1 case(s)" in accepted.stderr and "--allow-incomplete" in accepted.stderr
    assert not (project.path / ".llmeval" / "baseline.json").exists()


def test_a_run_stopped_by_maxfail_resumes_with_its_finished_cases(project: Any) -> None:
    project.run_llm("--maxfail=2").assert_outcomes(passed=2, failed=2)  # q00 and q03 failed: q04-q07 never ran
    assert project.results()["run"]["status"] == "interrupted"
    resumed = project.run_llm("--llm-resume")
    resumed.assert_outcomes(passed=5, failed=3)
    assert "resume: 4 reused" in resumed.stdout.str()
    assert sorted(asked(project.fake)) == [f"m1:q{i:02d}" for i in range(4, N_CASES)]  # only the cases not run
    assert project.results()["run"]["status"] == "complete"


def test_a_maxfail_every_test_reached_leaves_the_run_complete(project: Any) -> None:
    result = project.run_llm("--maxfail=3", "-k", "not q07")  # the third failure, q06, is the last test selected
    result.assert_outcomes(passed=4, failed=3)
    run = project.results()["run"]
    assert run["status"] == "complete" and run["selection"]["finished"] == N_CASES - 1
    assert accept(project).returncode == 0
