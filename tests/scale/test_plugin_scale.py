"""Placement and data parallelism inside a pytest run, with vLLM replaced by a fake that logs its command line,
its GPUs and its start and stop (tests/scale/fake_vllm.py): the plan is printed before any server starts and
followed; `--llm-data-parallel-size` reaches vLLM's command line and raises the cases in flight to match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import pytest_llmeval.serving.placement as placement
from pytest_llmeval.serving.placement import simulated_inventory

HERE = Path(__file__).resolve().parent
SUITE = "suite: s\ncases:\n" + "".join(
    f"  - id: c{i}\n    category: x\n    question: 问题{i}\n    key_points: [t1]\n" for i in range(4)
)


@pytest.fixture
def fake_vllm(llm_project, fake_vllm_python: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> tuple[str, Path]:
    monkeypatch.setenv("FAKE_VLLM_START_S", "0.5")
    llm_project.scenario("s.yaml", SUITE)
    for label in ("a", "b", "c"):
        (llm_project.path / label).mkdir()
        (llm_project.path / label / "config.json").write_text("{}", encoding="utf-8")
        (llm_project.path / label / "model.safetensors").write_bytes(b"w")
    return fake_vllm_python


def events(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def test_placement_auto_prints_the_plan_first_and_runs_waves_on_disjoint_gpus(llm_project, fake_vllm, monkeypatch):
    python, log = fake_vllm
    monkeypatch.setattr(placement, "nvml_inventory", lambda: simulated_inventory("2x80"))
    models = [arg for label in ("a", "b", "c") for arg in ("--llm-model", f"{label}={llm_project.path / label}")]
    result = llm_project.run(
        *models, "--llm-placement", "auto", f"--llm-vllm-python={python}", "--llm-max-tokens", "4", "-s"
    )
    out = result.stdout.str()
    assert result.ret == 0, out
    assert out.index("placement: 2 GPU(s)") < out.index("starting vLLM for a")  # the plan comes first
    assert "wave 2 (waits for wave 1 to finish)" in out
    seen = {(e["model"], e["event"]): e for e in events(log)}
    assert [seen[(m, "start")]["gpus"] for m in ("a", "b", "c")] == ["0", "1", "0"]
    assert seen[("b", "start")]["at"] < seen[("a", "stop")]["at"]  # a and b up together
    assert seen[("c", "start")]["at"] > max(seen[("a", "stop")]["at"], seen[("b", "stop")]["at"])
    doc = llm_project.results()
    # launches are recorded as each server becomes ready: a and b of wave 1 in either order
    assert {launch["model"]: launch["gpus"] for launch in doc["run"]["launches"]} == {"a": "0", "b": "1", "c": "0"}
    assert len(doc["run"]["launches"]) == 3
    assert [[a["label"] for a in wave] for wave in doc["run"]["placement"]["waves"]] == [["a", "b"], ["c"]]
    assert len(doc["cases"]) == 12 and not any(c.get("error") for c in doc["cases"])


def test_placement_auto_without_a_gpu_says_so(llm_project, fake_vllm, monkeypatch):
    monkeypatch.setattr(placement, "nvml_inventory", lambda: [])
    result = llm_project.run("--llm-model", f"a={llm_project.path / 'a'}", "--llm-placement", "auto")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "--llm-placement auto: no GPU found" in result.stderr.str()


def test_data_parallel_size_reaches_vllm_and_raises_the_cases_in_flight(llm_project, fake_vllm):
    python, log = fake_vllm
    result = llm_project.run(
        "--llm-model", f"a={llm_project.path / 'a'}", "--llm-model", f"b={llm_project.path / 'b'}",
        "--llm-data-parallel-size", "2", "--llm-model-arg", "b:data_parallel_size=3", "--llm-concurrency", "2",
        f"--llm-vllm-python={python}", "--llm-max-tokens", "4",
    )  # fmt: skip
    assert result.ret == 0, result.stdout.str()
    started = {e["model"]: e["args"] for e in events(log) if e["event"] == "start"}
    assert (
        "--data-parallel-size" in started["a"] and started["a"][started["a"].index("--data-parallel-size") + 1] == "2"
    )
    assert started["b"][started["b"].index("--data-parallel-size") + 1] == "3"  # the per-model value wins
    doc = llm_project.results()
    in_flight = {c["model"]: c.get("in_flight") for c in doc["cases"]}
    assert in_flight == {"a": 4, "b": 6}  # --llm-concurrency per replica x the replicas
    launch = next(x for x in doc["run"]["launches"] if x["model"] == "a")
    assert launch["command"][launch["command"].index("--data-parallel-size") + 1] == "2"


def test_placement_auto_with_the_answer_cache_starts_only_models_with_a_miss(llm_project, fake_vllm, monkeypatch):
    """--llm-cache with placement waves: a wave's models start on their own first miss, not together - so after
    one of b's answers is forgotten only b's server starts, though a shares its wave."""
    import sqlite3

    python, log = fake_vllm
    monkeypatch.setattr(placement, "nvml_inventory", lambda: simulated_inventory("2x80"))
    for label in ("a", "b", "c"):  # three different models (the cache knows a model by its files, not its label)
        (llm_project.path / label / "config.json").write_text(json.dumps({"name": label}), encoding="utf-8")
    db = llm_project.path / "answers.sqlite"
    models = [arg for label in ("a", "b", "c") for arg in ("--llm-model", f"{label}={llm_project.path / label}")]
    args = (*models, "--llm-placement", "auto", f"--llm-vllm-python={python}", f"--llm-cache-path={db}", "-s")

    def starts() -> list[str]:
        before = len(events(log)) if log.exists() else 0
        result = llm_project.run(*args, "--llm-max-tokens", "4")
        assert result.ret == 0, result.stdout.str()
        return [e["model"] for e in events(log)[before:] if e["event"] == "start"]

    assert starts() == ["a", "b", "c"]  # the cache fills: every model has misses
    assert starts() == []  # every answer known: no server at all
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM answers WHERE rowid = (SELECT min(rowid) FROM answers WHERE model = 'b')")
    assert starts() == ["b"]  # a, b's wave-mate, has no miss and stays down
    assert sum(not c.get("cached") for c in llm_project.results()["cases"]) == 1
