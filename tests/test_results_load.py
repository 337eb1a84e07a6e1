"""`pytest_llmeval.results.load(PATH)`: a saved run as a typed object and its cases as a DataFrame."""

from __future__ import annotations

import json

import pytest

from pytest_llmeval.results import Run, load
from pytest_llmeval.results.recorder import ResultsFileError
from pytest_llmeval.results.runs import RunNotFound
from pytest_llmeval.testing.openai_fake import FakeServer

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
