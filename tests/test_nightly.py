"""docs/nightly.md's recipe, run as written: scripts/nightly.sh and `python -m pytest_llmeval accept`; exit 0 when
nothing changed, 6 on a regression, 7 when the run broke; the run compared is the one pytest has just written,
wherever its report folder is."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pytest_llmeval.testing.openai_fake import FakeServer

ROOT = Path(__file__).resolve().parents[1]
CASES = "cases:\n" + "".join(
    f"  - id: n{i}\n    category: n\n    question: 第{i}题 甲乙丙\n    key_points: [甲, 乙, 丙]\n" for i in range(10)
)


@dataclass
class Nightly:
    """A project laid out as docs/nightly.md says, a fake server whose answer `answer["text"]` sets, and `run(*args)`:
    scripts/nightly.sh with the server's flags and any more."""

    project: Path
    fake: FakeServer
    answer: dict[str, str]
    run: Callable[..., subprocess.CompletedProcess[str]]

    def accept_last(self) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pytest_llmeval", "accept", "last"]
        return subprocess.run(command, cwd=self.project, capture_output=True, text=True)


@pytest.fixture
def nightly(tmp_path: Path) -> Iterator[Nightly]:
    project = tmp_path / "project"
    (project / "scenarios").mkdir(parents=True)
    (project / "scenarios" / "n.yaml").write_text(CASES, encoding="utf-8")
    shutil.copy(ROOT / "scenarios" / "test_scenarios.py", project / "scenarios" / "test_scenarios.py")
    (project / "pytest.ini").write_text("[pytest]\ntestpaths = scenarios\n", encoding="utf-8")
    answer = {"text": "甲、乙、丙"}
    env = {**os.environ, "PYTHON": sys.executable}
    with FakeServer(answers=lambda req: answer["text"]) as fake:

        def run(*extra: str) -> subprocess.CompletedProcess[str]:
            args = ["--llm-base-url", fake.base_url, "--llm-model", "m", "-p", "no:cacheprovider", *extra]
            command = ["bash", str(ROOT / "scripts" / "nightly.sh"), *args]
            return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)

        yield Nightly(project, fake, answer, run)


def test_nightly_script_gates_against_the_accepted_baseline(nightly: Nightly) -> None:
    first = nightly.run()
    assert first.returncode == 0 and "no baseline" in first.stdout, first.stdout + first.stderr
    accept = nightly.accept_last()
    assert accept.returncode == 0 and (nightly.project / ".llmeval" / "baseline.json").is_file()
    same = nightly.run()
    assert same.returncode == 0 and "no significant change" in same.stdout, same.stdout + same.stderr
    nightly.answer["text"] = "甲"  # every case drops from 100 to 33: a significant regression
    worse = nightly.run()
    assert worse.returncode == 6 and "REGRESSION" in worse.stdout, worse.stdout + worse.stderr
    assert (nightly.project / "llmeval-report" / "comparison.md").is_file()
    nightly.fake.reply("/v1/chat/completions", {"error": {"message": "server down"}}, 500)
    broken = nightly.run()  # every request fails: the run is broken, never passed
    assert broken.returncode == 7, broken.stdout + broken.stderr
    assert "BROKEN: the new run is degraded: 10 of 10 case(s) errored" in broken.stdout


def test_nightly_compares_the_run_in_the_report_dir_given_to_pytest(nightly: Nightly) -> None:
    """It had compared the default folder's stale run (a regression passed with exit 0) instead of the run pytest had
    just written to the `--llm-report-dir` among its arguments."""
    first = nightly.run()  # the baseline, in the default folder
    assert first.returncode == 0, first.stdout + first.stderr
    assert nightly.accept_last().returncode == 0
    nightly.answer["text"] = "甲"  # every case drops from 100 to 33
    worse = nightly.run("--llm-report-dir=elsewhere")
    assert worse.returncode == 6 and "REGRESSION" in worse.stdout, worse.stdout + worse.stderr
    assert (nightly.project / "elsewhere" / "comparison.md").is_file()
    runs = nightly.run("--llm-runs-dir", "runs-here", "--llm-report-dir", "third")
    assert runs.returncode == 6, runs.stdout + runs.stderr
    project = nightly.project
    (project / "llmeval-report").mkdir(exist_ok=True)
    (project / "llmeval-report" / "comparison.md").write_text("stale", encoding="utf-8")
    nightly.answer["text"] = "甲、乙、丙"  # a plain run that passes (exit 0)
    plain = [sys.executable, "-m", "pytest", "--llm-base-url", nightly.fake.base_url, "--llm-model", "m", "-q"]
    subprocess.run([*plain, "-p", "no:cacheprovider"], cwd=project, capture_output=True, check=True)
    assert not (project / "llmeval-report" / "comparison.md").exists()  # a plain run leaves no old comparison


def test_nightly_never_gates_last_nights_results_as_tonights(nightly: Nightly) -> None:
    """pytest can exit 1 without asking any case - here a scenario file it cannot read, under
    --continue-on-collection-errors; with -x, a failing test before the first case - and so write no results.json: the
    script had compared the report folder's old one (the accepted baseline itself) and exited 0."""
    assert nightly.run().returncode == 0
    assert nightly.accept_last().returncode == 0
    (nightly.project / "scenarios" / "n.yaml").write_text("cases: [", encoding="utf-8")
    broken = nightly.run("--continue-on-collection-errors")
    assert broken.returncode == 7, broken.stdout + broken.stderr
    assert "wrote no results for this run" in broken.stderr
    assert "no significant change" not in broken.stdout
