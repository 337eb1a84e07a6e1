"""Every file a user hands the tool, saved in another encoding (GB18030, as Chinese Windows editors do): an error
naming the file and saying it is not UTF-8 - never a UnicodeDecodeError traceback (`report`, `compare`,
`--llm-compare`, `--llm-prices` and `--llm-base-url @FILE` each raised one) and never an INTERNALERROR."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pytest_llmeval.cost.prices import PricesError, load_prices
from pytest_llmeval.evaluation.scenarios import ScenarioError, load_file
from pytest_llmeval.results.recorder import ResultsFileError, load_results
from pytest_llmeval.serving.fleet import FleetError, read_urls
from pytest_llmeval.vision.datasets import DatasetError, load_dataset

GB18030 = "中文：华信银行的分期最长20个月。".encode("gb18030")


def not_utf8(path: Path) -> Path:
    path.write_bytes(GB18030)
    with pytest.raises(UnicodeDecodeError):
        path.read_text(encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "read", "error"),
    [
        ("results.json", load_results, ResultsFileError),
        ("prices.yaml", load_prices, PricesError),
        ("endpoints.txt", lambda p: read_urls([f"@{p}"]), FleetError),
        ("cases.yaml", load_file, ScenarioError),
        ("rows.jsonl", lambda p: load_dataset(f"jsonl:{p}"), DatasetError),
    ],
)
def test_a_file_in_another_encoding_is_an_error_naming_it(tmp_path, name, read, error):
    path = not_utf8(tmp_path / name)
    with pytest.raises(error) as raised:
        read(path)
    assert str(path) in str(raised.value) and "UTF-8" in str(raised.value)


def test_the_commands_and_the_plugin_say_it_in_one_line(tmp_path):
    results = not_utf8(tmp_path / "results.json")
    for command in (["report", str(results)], ["compare", str(results), str(results)]):
        done = subprocess.run(
            [sys.executable, "-m", "pytest_llmeval", *command], capture_output=True, text=True, cwd=tmp_path
        )
        assert (
            done.returncode == 2
            and done.stderr.strip()
            == f"error: {results}: not UTF-8 text (byte 0): is it a results.json? Fix: pass the results.json of a run "
            "(or its report folder)"
        )
    prices = not_utf8(tmp_path / "prices.yaml")
    (tmp_path / "test_x.py").write_text("def test_x():\n    pass\n", encoding="utf-8")
    for option in (f"--llm-prices={prices}", f"--llm-compare={results}", f"--llm-base-url=@{prices}"):
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--collect-only", "-q", option],
            capture_output=True,
            text=True,
            cwd=tmp_path,
        )
        assert done.returncode == pytest.ExitCode.USAGE_ERROR, option + done.stdout + done.stderr
        assert "not UTF-8 text" in done.stderr and "INTERNALERROR" not in done.stdout + done.stderr, option


def test_resume_reads_a_crash_log_whose_last_line_was_cut_inside_a_character(tmp_path):
    """A crash can cut cases.jsonl inside a multi-byte character: the finished lines are still reused, the cut
    one is dropped, and a damaged results.json beside it counts as no results.json (the crash log holds the
    cases)."""
    import json

    from pytest_llmeval.results.resume import prepare_resume

    finished = {"model": "m", "mode": "norag", "scenario_id": "a", "sample": 0, "score": 100.0, "error": None}
    cut = json.dumps({**finished, "scenario_id": "b", "answer": "巴黎"}, ensure_ascii=False).encode("utf-8")[:-4]
    (tmp_path / "cases.jsonl").write_bytes(json.dumps(finished).encode("utf-8") + b"\n" + cut)
    not_utf8(tmp_path / "results.json")
    summary = prepare_resume(tmp_path, {})
    assert summary["previous_status"] == "running" and summary["reusable"] == 1
