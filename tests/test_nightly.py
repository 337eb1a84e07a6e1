"""docs/nightly.md's recipe, run as written: scripts/nightly.sh and `python -m pytest_llmeval accept`; exit 0 when
nothing changed, 6 on a regression, 7 when the run broke."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from pytest_llmeval.testing.openai_fake import FakeServer

ROOT = Path(__file__).resolve().parents[1]
CASES = "cases:\n" + "".join(
    f"  - id: n{i}\n    category: n\n    question: 第{i}题 甲乙丙\n    key_points: [甲, 乙, 丙]\n" for i in range(10)
)


def test_nightly_script_gates_against_the_accepted_baseline(tmp_path):
    project = tmp_path / "project"
    (project / "scenarios").mkdir(parents=True)
    (project / "scenarios" / "n.yaml").write_text(CASES, encoding="utf-8")
    shutil.copy(ROOT / "scenarios" / "test_scenarios.py", project / "scenarios" / "test_scenarios.py")
    (project / "pytest.ini").write_text("[pytest]\ntestpaths = scenarios\n", encoding="utf-8")
    answer = {"text": "甲、乙、丙"}
    env = {**os.environ, "PYTHON": sys.executable}
    with FakeServer(answers=lambda req: answer["text"]) as fake:

        def nightly() -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [
                    "bash",
                    str(ROOT / "scripts" / "nightly.sh"),
                    "--llm-base-url",
                    fake.base_url,
                    "--llm-model",
                    "m",
                    "-p",
                    "no:cacheprovider",
                ],
                cwd=project,
                env=env,
                capture_output=True,
                text=True,
            )

        first = nightly()
        assert first.returncode == 0 and "no baseline" in first.stdout, first.stdout + first.stderr
        accept = subprocess.run(
            [sys.executable, "-m", "pytest_llmeval", "accept", "last"], cwd=project, capture_output=True, text=True
        )
        assert accept.returncode == 0 and (project / ".llmeval" / "baseline.json").is_file()
        same = nightly()
        assert same.returncode == 0 and "no significant change" in same.stdout, same.stdout + same.stderr
        answer["text"] = "甲"  # every case drops from 100 to 33: a significant regression
        worse = nightly()
        assert worse.returncode == 6 and "REGRESSION" in worse.stdout, worse.stdout + worse.stderr
        assert (project / "llmeval-report" / "comparison.md").is_file()
        fake.reply("/v1/chat/completions", {"error": {"message": "server down"}}, 500)
        broken = nightly()  # every request fails: the run is broken, never passed
        assert broken.returncode == 7, broken.stdout + broken.stderr
        assert "BROKEN: the new run is degraded: 10 of 10 case(s) errored" in broken.stdout
