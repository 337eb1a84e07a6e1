"""The commands find the runs where the project's ini file says pytest saves them (`llm_runs_dir`): `accept last`
took an older run from the default folder while pytest saved tonight's elsewhere."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_llmeval.results import load
from pytest_llmeval.results.recorder import ResultsFileError
from pytest_llmeval.results.runs import DEFAULT_RUNS_DIR, configured_runs_dir


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("pytest.ini", "[pytest]\nllm_runs_dir = nightly-runs\n"),
        ("tox.ini", "[pytest]\nllm_runs_dir = nightly-runs\n"),
        ("setup.cfg", "[tool:pytest]\nllm_runs_dir = nightly-runs\n"),
        ("pyproject.toml", '[tool.pytest.ini_options]\nllm_runs_dir = "nightly-runs"\n'),
    ],
)
def test_the_runs_dir_comes_from_the_projects_ini_file(tmp_path: Path, name: str, text: str):
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert configured_runs_dir(tmp_path) == configured_runs_dir(tmp_path / "sub") == Path("nightly-runs")


def test_without_the_setting_or_an_ini_file_the_default(tmp_path: Path):
    assert configured_runs_dir(tmp_path) in (DEFAULT_RUNS_DIR, configured_runs_dir(tmp_path.parent))
    (tmp_path / "pytest.ini").write_text("[pytest]\naddopts = -q\n", encoding="utf-8")
    assert configured_runs_dir(tmp_path) == DEFAULT_RUNS_DIR
    (tmp_path / "pyproject.toml").write_text("[tool.black]\n", encoding="utf-8")  # pytest.ini is read first anyway
    assert configured_runs_dir(tmp_path) == DEFAULT_RUNS_DIR


def test_accept_last_and_load_last_take_the_run_pytest_saved_where_the_ini_says(tmp_path: Path, monkeypatch):
    (tmp_path / "pytest.ini").write_text("[pytest]\nllm_runs_dir = nightly-runs\n", encoding="utf-8")
    doc = {"schema_version": 2, "run": {"models": ["m"], "status": "complete", "started_at": "x"}, "cases": []}
    for folder, model in (("nightly-runs", "tonight"), (".llmeval/runs", "older")):
        (tmp_path / folder).mkdir(parents=True)
        run = {**doc, "run": {**doc["run"], "models": [model]}}
        (tmp_path / folder / "0001_run_20261202-080000.json").write_text(json.dumps(run), encoding="utf-8")
    runs = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "runs"], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert "tonight" in runs.stdout and "older" not in runs.stdout
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ResultsFileError, match=r"^nightly-runs/0001_run_"):  # this stub lacks fields: it names the file
        load("last")
