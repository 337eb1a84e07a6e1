"""scripts/nightly.sh with the report folder given among the pytest arguments: it compared the default folder's
stale run (a regression passed with exit 0) instead of the run pytest had just written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from pytest_llmeval.testing.openai_fake import FakeServer

ROOT = Path(__file__).resolve().parents[1]
CASES = "cases:\n" + "".join(
    f"  - id: r{i}\n    category: r\n    question: 第{i}题 甲乙丙\n    key_points: [甲, 乙, 丙]\n" for i in range(10)
)


def test_nightly_compares_the_run_in_the_report_dir_given_to_pytest(tmp_path):
    project = tmp_path / "project"
    (project / "scenarios").mkdir(parents=True)
    (project / "scenarios" / "r.yaml").write_text(CASES, encoding="utf-8")
    shutil.copy(ROOT / "scenarios" / "test_scenarios.py", project / "scenarios" / "test_scenarios.py")
    (project / "pytest.ini").write_text("[pytest]\ntestpaths = scenarios\n", encoding="utf-8")
    answer = {"text": "甲、乙、丙"}
    env = {**os.environ, "PYTHON": sys.executable}
    with FakeServer(answers=lambda req: answer["text"]) as fake:

        def nightly(*extra: str) -> subprocess.CompletedProcess[str]:
            args = ["--llm-base-url", fake.base_url, "--llm-model", "m", "-p", "no:cacheprovider", *extra]
            command = ["bash", str(ROOT / "scripts" / "nightly.sh"), *args]
            return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)

        first = nightly()  # the baseline, in the default folder
        assert first.returncode == 0, first.stdout + first.stderr
        subprocess.run([sys.executable, "-m", "pytest_llmeval", "accept", "last"], cwd=project, check=True)
        answer["text"] = "甲"  # every case drops from 100 to 33
        worse = nightly("--llm-report-dir=elsewhere")
        assert worse.returncode == 6 and "REGRESSION" in worse.stdout, worse.stdout + worse.stderr
        assert (project / "elsewhere" / "comparison.md").is_file()
        runs = nightly("--llm-runs-dir", "runs-here", "--llm-report-dir", "third")
        assert runs.returncode == 6, runs.stdout + runs.stderr
    (project / "llmeval-report").mkdir(exist_ok=True)
    (project / "llmeval-report" / "comparison.md").write_text("stale", encoding="utf-8")
    with FakeServer(answers=lambda req: "甲、乙、丙") as fake:  # a plain run: the old comparison is not left beside it
        plain = [sys.executable, "-m", "pytest", "--llm-base-url", fake.base_url, "--llm-model", "m", "-q"]
        subprocess.run([*plain, "-p", "no:cacheprovider"], cwd=project, capture_output=True, check=True)
    assert not (project / "llmeval-report" / "comparison.md").exists()
