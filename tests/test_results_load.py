"""`pytest_llmeval.results.load(PATH)`: a saved run as a typed object and its cases as a DataFrame."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_llmeval.results import Run, load
from pytest_llmeval.results.recorder import ResultsFileError
from pytest_llmeval.results.runs import RunNotFound
from pytest_llmeval.testing.openai_fake import FakeServer


def cli(cwd: Path, *args: object) -> subprocess.CompletedProcess[str]:
    """`python -m pytest_llmeval ARGS` in `cwd`, as a user types it."""
    return subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", *map(str, args)], capture_output=True, text=True, cwd=cwd
    )


SCENARIO = """\
suite: data
cases:
  - id: capital
    category: geo
    question: 法国的首都是哪里？
    key_points: [巴黎, 塞纳河]
  - id: river
    category: geo
    question: 流经巴黎的河叫什么？
    key_points: [塞纳河]
"""


RUN_INFO = {
    "plugin": "pytest-llmeval-vllm",
    "plugin_version": "test",
    "git_commit": None,
    "hardware": {},
    "models": ["m1"],
    "model_sources": {"m1": "m1"},
    "server_args": [],
    "settings": {},
    "rag": {},
    "invocation": [],
}


@pytest.fixture(scope="module")
def run_project(tmp_path_factory):
    """A finished run written by the recorder, as the plugin writes it: two cases asked of the fake server."""
    from types import SimpleNamespace

    from pytest_llmeval.evaluation.evaluate import evaluate_case
    from pytest_llmeval.evaluation.scenarios import load_scenarios
    from pytest_llmeval.results.recorder import RunRecorder
    from pytest_llmeval.results.runs import save_run
    from pytest_llmeval.serving.client import ChatClient
    from pytest_llmeval.serving.endpoint import Endpoint

    root = tmp_path_factory.mktemp("project")
    (root / "data.yaml").write_text(SCENARIO, encoding="utf-8")
    recorder = RunRecorder(root / "llmeval-report", dict(RUN_INFO))
    with FakeServer(answers={"法国": "巴黎。", "流经": "塞纳河。"}) as fake:
        client = ChatClient(Endpoint(fake.base_url, "m1"))
        for case in load_scenarios([root / "data.yaml"]):
            recorder.add_case(evaluate_case(client, "m1", case, 64).record())
        client.close()
    doc = recorder.finish("complete")
    save_run(dict(doc), root / ".llmeval" / "runs", "data")
    return SimpleNamespace(path=root)


def test_load_returns_the_typed_run_from_a_dir_a_file_or_a_saved_run(run_project, monkeypatch):
    report = run_project.path / "llmeval-report"
    run = load(report)
    assert isinstance(run, Run) and run.path == report / "results.json"
    assert run.schema_version == 2 and run.info["models"] == ["m1"] and run.info["status"] == "complete"
    assert {c["scenario_id"]: c["score"] for c in run.cases} == {"capital": 50.0, "river": 100.0}
    assert load(report / "results.json").cases == run.cases
    monkeypatch.chdir(run_project.path)
    assert load("last").cases == run.cases and load("data").path.parent.name == "runs"


def test_to_pandas_gives_one_row_per_case_with_flat_columns(run_project):
    df = load(run_project.path / "llmeval-report").to_pandas()
    assert list(df.columns[:4]) == ["model", "mode", "scenario_id", "sample"]
    assert len(df) == 2
    assert df.set_index("scenario_id")["score"].to_dict() == {"capital": 50.0, "river": 100.0}
    assert "scorer.name" in df.columns and set(df["scorer.name"]) == {"keyword_coverage"}
    assert df.groupby("model")["passed"].sum().to_dict() == {"m1": 1}
    assert df.loc[df.scenario_id == "capital", "missing"].iloc[0] == ["塞纳河"]
    assert df["errored"].tolist() == [False, False] and df["cached"].dtype == bool and not df["cached"].any()


def test_to_pandas_finds_errored_and_uncached_cases(run_project, tmp_path):
    """The error dict flattened into error.* left a plain `error` column NaN on every row (errors read 0), and
    `cached` was True or NaN (`df.cached.all()` was True with one case asked, `df[~df.cached]` raised)."""
    doc = json.loads((run_project.path / "llmeval-report" / "results.json").read_text(encoding="utf-8"))
    doc["cases"][0]["cached"] = True
    doc["cases"][1].update(score=None, passed=False)
    doc["cases"][1]["error"] = {"stage": "request", "type": "http", "message": "HTTP 500", "status": 500}
    path = tmp_path / "results.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    df = load(path).to_pandas()
    assert df["errored"].tolist() == [False, True] and "error" not in df.columns
    assert df["error.status"].tolist()[1] == 500
    assert df["cached"].tolist() == [True, False] and not df["cached"].all()
    assert df[~df["cached"]]["scenario_id"].tolist() == ["river"] and df["reused"].dtype == bool


def test_a_file_that_does_not_fit_the_schema_names_the_field(run_project):
    path = run_project.path / "llmeval-report" / "results.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["cases"][1]["score"] = "high"
    bad = run_project.path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ResultsFileError) as info:
        load(bad)
    message = str(info.value)
    assert str(bad) in message and "cases[1] (model m1, case river).score" in message
    with pytest.raises(RunNotFound):
        load(run_project.path / "nothing-here", runs_dir=run_project.path / ".llmeval" / "runs")


@pytest.mark.parametrize(
    ("doc", "problem"),
    [
        ({"schema_version": 2, "cases": []}, "no 'run'"),
        ({"schema_version": 2, "run": {}}, "no 'cases'"),
        ({"schema_version": 2, "run": None, "cases": []}, "'run' is NoneType, not an object"),
        ({"schema_version": 2, "run": {}, "cases": "x"}, "'cases' is str, not a list"),
        ({"schema_version": 2, "run": {}, "cases": [1]}, "cases[0] is int, not an object"),
        ({"schema_version": 2, "run": {}, "cases": [{"model": "m"}]}, "cases[0] has no 'scenario_id'"),
        ({"schema_version": 2, "run": {}, "cases": [], "aggregates": []}, "'aggregates' is list, not an object"),
    ],
)
def test_every_command_refuses_a_run_of_another_shape_in_one_line(tmp_path, doc, problem):
    """A hand-edited or foreign results.json was a KeyError, TypeError or AttributeError traceback in `report`,
    `compare`, `rescore` and `accept`; now each says what is wrong with the file."""
    path = tmp_path / "results.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    for command in (["report", path], ["compare", path, path], ["rescore", path], ["accept", path]):
        done = cli(tmp_path, *command)
        assert done.returncode == 2, command
        assert done.stderr.startswith(f"error: {path}: {problem}: not a results.json as pytest-llmeval writes it")
        assert "Traceback" not in done.stderr


def test_report_computes_the_aggregates_a_document_lacks(tmp_path):
    """A run's results.json always carries its aggregates; a hand-made or trimmed one may not: `report` computes
    them (it raised KeyError: 'aggregates')."""
    cases = [
        {"model": "m", "scenario_id": f"c{i}", "mode": "norag", "category": "x", "score": 100.0, "passed": True}
        for i in range(3)
    ]
    path = tmp_path / "results.json"
    path.write_text(json.dumps({"schema_version": 2, "run": {}, "cases": cases}), encoding="utf-8")
    done = cli(tmp_path, "report", path)
    assert done.returncode == 0, done.stderr
    assert "Summary per model" in done.stdout and "100.0 [36.8, 100.0]" in done.stdout


def test_every_command_takes_a_report_dir_and_names_what_is_not_a_run(run_project, tmp_path):
    """The folder a run wrote (llmeval-report by default) is what a user has at hand: `results.load` took it, while
    `report`, `compare`, `accept`, `rescore` and --llm-compare said "no saved run 'llmeval-report'" or "Is a
    directory". A folder without a results.json and a path to nothing each say so."""
    import shutil

    project = tmp_path / "project"
    shutil.copytree(run_project.path, project)
    (project / "empty").mkdir()

    for args in (
        ["report", "llmeval-report"],
        ["llmeval-report"],
        ["report", "last"],
        ["rescore", "llmeval-report", "--scenarios", "data.yaml", "-o", "rescored"],
        ["accept", "llmeval-report"],
    ):
        done = cli(project, *args)
        assert done.returncode == 0, (args, done.stderr)
    # the report dir and saved run 1 are one run: read, and refused as a comparison with itself (exit 7)
    done = cli(project, "compare", "llmeval-report", "1")
    assert done.returncode == 7 and "are one run (run id" in done.stdout, done.stderr
    assert "Summary per model" in cli(project, "llmeval-report").stdout
    assert (project / "rescored" / "results.json").is_file() and (project / ".llmeval" / "baseline.json").is_file()

    fix = "Fix: pass a run's report dir (--llm-report-dir), its results.json, a saved run's number or name"
    for args, problem in (
        (["report", "empty"], "empty is a folder without a results.json, and no run in it"),
        (["compare", "empty", "last"], "empty is a folder without a results.json, and no run in it"),
        (["rescore", "gone/results.json"], f"gone/results.json: no such file or folder. {fix}"),
    ):
        done = cli(project, *args)
        assert done.returncode == 2, args
        assert done.stderr.startswith(f"error: {problem}") and "Traceback" not in done.stderr, done.stderr
        assert "Fix: pass" in done.stderr
    # the saved-runs folder of two runs lists them and how to name one (compare/folder.py)
    done = cli(project, "accept", ".llmeval/runs")
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("error: .llmeval/runs is the saved-runs folder, not one run: it holds 2 runs")
    assert "0002 (m1-rescored" in done.stderr and "last (the newest run with a case)" in done.stderr
    (project / "empty" / "cases.jsonl").write_text("{}\n", encoding="utf-8")
    assert "rerun that run with --llm-resume" in cli(project, "report", "empty").stderr
    cut = project / "cut.json"  # a results.json cut short (copied while written, a full disk)
    cut.write_text((project / "llmeval-report" / "results.json").read_text(encoding="utf-8")[:300], encoding="utf-8")
    done = cli(project, "report", "cut.json")
    assert done.returncode == 2 and "not valid JSON" in done.stderr and "cut short" in done.stderr
    assert "Fix: name a run's results.json" in done.stderr
    done = cli(project, "rescore", "llmeval-report", "--scenarios", "data.yaml", "-o", "data.yaml")  # -o a file
    assert (
        done.returncode == 2 and "Fix: a folder to write (-o, --runs-dir) must not be an existing file" in done.stderr
    )
    import json

    typed = json.loads((project / "llmeval-report" / "results.json").read_text(encoding="utf-8"))
    typed["cases"][0]["judge"] = [1]  # a field of another type: every command names it, none has a traceback
    typed["run"]["rescored"] = "yes"
    (project / "typed.json").write_text(json.dumps(typed), encoding="utf-8")
    for args in (["report", "typed.json"], ["compare", "typed.json", "llmeval-report"], ["rescore", "typed.json"]):
        done = cli(project, *args)
        assert done.returncode == 2 and "Traceback" not in done.stderr, (args, done.stderr)
        assert "fields of the wrong type for a results.json: run.rescored: Input should be a valid dictionary" in (
            done.stderr
        )
        assert "cases[0] (model" in done.stderr and ".judge" in done.stderr
