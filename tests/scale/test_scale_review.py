"""Review of shards, merge and fleets: what a merged run or a fleet must not misrepresent.

A merge must not pool gradings of two scorer versions or two plugin releases, must not take in records no shard
was due, and must say when the shards' speed was measured on different machines; a fleet must not pool the
answers of endpoints that serve different models under one label; the shard plan must not depend on hash
randomisation.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pytest_llmeval.results.merge import MergeError, merge_documents
from pytest_llmeval.serving.endpoint import Endpoint
from pytest_llmeval.serving.fleet import FleetClient, FleetError, client_for
from pytest_llmeval.sharding import Shard, shard_of
from pytest_llmeval.testing.openai_fake import FakeServer

ROOT = Path(__file__).resolve().parents[2]
N_CASES = 10


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> dict[str, dict[str, Any]]:
    """Shards 1/2 and 2/2 of a 10-case suite, one model, two samples, against the fake server."""
    work = tmp_path_factory.mktemp("review-shards")
    (work / "scenarios").mkdir()
    lines = ["suite: review", "cases:"]
    for i in range(N_CASES):
        lines += [f"  - id: r{i:02d}", "    category: c", f"    question: question {i}?", "    key_points: [t1, t3]"]
    (work / "scenarios" / "review.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    test_file = (ROOT / "scenarios" / "test_scenarios.py").read_text(encoding="utf-8")
    (work / "test_scenarios.py").write_text(test_file, encoding="utf-8")
    (work / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    out: dict[str, dict[str, Any]] = {}
    with FakeServer() as fake:
        base = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--llm-base-url", fake.base_url]
        base += ["--llm-model", "m1", "--llm-repeat", "2", "--llm-max-tokens", "16"]
        for name, spec in (("s1", "1/2"), ("s2", "2/2")):
            proc = subprocess.run(
                [*base, "--llm-shard", spec, f"--llm-report-dir={name}", f"--llm-runs-dir={name}-runs"],
                cwd=work,
                capture_output=True,
                text=True,
            )
            assert (work / name / "results.json").is_file(), proc.stdout + proc.stderr
            out[name] = json.loads((work / name / "results.json").read_text(encoding="utf-8"))
    return out


def pair(shards: dict[str, dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    return copy.deepcopy(shards["s1"]), copy.deepcopy(shards["s2"])


def test_the_shards_merge_as_they_are(shards):
    s1, s2 = pair(shards)
    merged = merge_documents([("s1", s1), ("s2", s2)])
    assert len(merged["cases"]) == N_CASES * 2
    assert "differs_between_shards" not in merged["run"]["hardware"]


def test_merge_refuses_shards_graded_by_another_scorer_version(shards):
    """Shard 2 graded by an older keyword scorer (another release, or not re-scored): the aggregates would pool
    two gradings of one suite."""
    s1, s2 = pair(shards)
    for record in s2["cases"]:
        record["scorer"]["version"] = record["scorer"]["version"] - 1
    with pytest.raises(MergeError, match="graded with another 'keyword_coverage'.*rescore"):
        merge_documents([("s1", s1), ("s2", s2)])
    s1, s2 = pair(shards)
    for record in s2["cases"]:
        record["scorer"]["echo_min_copy"] = {"question": 99}
    with pytest.raises(MergeError, match="graded with another"):
        merge_documents([("s1", s1), ("s2", s2)])


def test_merge_refuses_shards_of_another_plugin_version(shards):
    s1, s2 = pair(shards)
    s2["run"]["plugin_version"] = "0.0.1"
    with pytest.raises(MergeError, match="different pytest-llmeval versions: run.plugin_version is '0.0.1'"):
        merge_documents([("s1", s1), ("s2", s2)])


@pytest.mark.parametrize(
    "change",
    [
        {"sample": 7},  # a sample beyond --llm-repeat
        {"model": "other"},  # a model not in the run
        {"scenario_id": "not-in-suite"},  # a case not in the suite
        {"mode": "rag"},  # a mode the run's --rag-mode does not ask
    ],
)
def test_merge_refuses_records_no_shard_was_due(shards, change):
    s1, s2 = pair(shards)
    s2["cases"].append({**copy.deepcopy(s2["cases"][0]), **change})
    with pytest.raises(MergeError, match="no shard was due"):
        merge_documents([("s1", s1), ("s2", s2)])


def test_merge_refuses_a_record_of_another_shards_case(shards):
    """Shard 2's file holding a case of shard 1 (shard 1's file without it): every case once, but not where the
    plan put it - the files are not the shards' own results."""
    s1, s2 = pair(shards)
    moved = s1["cases"].pop(0)
    s2["cases"].append(moved)
    assert shard_of(moved["scenario_id"], 2) == 1
    with pytest.raises(MergeError, match="a case of another shard"):
        merge_documents([("s1", s1), ("s2", s2)])


def test_merged_run_names_hardware_that_differs_between_shards(shards):
    """Shard 2 on another machine: the merged speed figures pool both machines' measurements, so the merged run
    must not show shard 1's machine as the run's; each shard's hardware is kept in merged_from."""
    s1, s2 = pair(shards)
    s1["run"]["hardware"]["gpus"] = [{"name": "NVIDIA A100", "memory_gib": 80.0}]
    s2["run"]["hardware"]["gpus"] = [{"name": "NVIDIA H100", "memory_gib": 80.0}]
    s2["run"]["hardware"]["cpu_count"] = 64
    merged = merge_documents([("s1", s1), ("s2", s2)])
    hardware = merged["run"]["hardware"]
    assert hardware["differs_between_shards"] == ["cpu_count", "gpus"]
    assert [g["name"] for g in hardware["gpus"]] == ["NVIDIA A100", "NVIDIA H100"]
    assert hardware["cpu_count"] == f"{s1['run']['hardware']['cpu_count']} / 64"
    assert [m["hardware"]["gpus"][0]["name"] for m in merged["run"]["merged_from"]] == ["NVIDIA A100", "NVIDIA H100"]
    from pytest_llmeval.results.sections import run_header_lines

    header = run_header_lines(merged)
    assert any("NVIDIA H100" in line for line in header)  # the header still renders
    assert any(line.startswith("hardware differs between shards (cpu_count, gpus)") for line in header)


def test_shard_plan_does_not_depend_on_hash_randomisation():
    code = "from pytest_llmeval.sharding import shard_of; print([shard_of(f'c{i}', 7) for i in range(200)])"
    plans = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        plans.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True).stdout)
    assert len(plans) == 1 and plans.pop().startswith("[")


def test_n_that_does_not_divide_the_cases_places_each_case_once():
    ids = [f"case-{i}" for i in range(23)]
    for count in (2, 3, 5, 7, 23, 40):
        owners = [[k for k in range(1, count + 1) if Shard(k, count).owns(c)] for c in ids]
        assert all(len(o) == 1 for o in owners)


class ModelListServer(FakeServer):
    """The fake server with a `GET /v1/models` list, as vLLM answers it."""

    def __init__(self, models: list[dict[str, Any]]) -> None:
        super().__init__()
        self.models = models

    async def _route(self, method, path, body, writer):  # type: ignore[no-untyped-def]
        if method == "GET" and path.split("?")[0] == "/v1/models":
            self._plain(writer, 200, json.dumps({"object": "list", "data": self.models}).encode(), "application/json")
            return True
        return await super()._route(method, path, body, writer)


def entry(root: str, max_len: int = 4096, name: str = "m") -> dict[str, Any]:
    return {"id": name, "object": "model", "root": root, "parent": None, "max_model_len": max_len, "created": 1}


def test_fleet_refuses_endpoints_that_serve_different_models_under_one_label():
    """Replica b serves another checkpoint under the same served name: its answers would be pooled with a's as
    one model's."""
    with ModelListServer([entry("/models/Qwen3-8B")]) as a, ModelListServer([entry("/models/Qwen3-8B-AWQ")]) as b:
        endpoint = Endpoint(a.base_url, "m", urls=(a.base_url, b.base_url))
        with pytest.raises(FleetError, match="serves different models.*Qwen3-8B-AWQ"):
            client_for(endpoint)
    with ModelListServer([entry("/models/x")]) as a, ModelListServer([entry("/models/x", name="other")]) as b:
        with pytest.raises(FleetError, match="served names"):
            FleetClient(Endpoint(a.base_url, "m"), [a.base_url, b.base_url]).check_served()
    with ModelListServer([entry("/models/x", 4096)]) as a, ModelListServer([entry("/models/x", 32768)]) as b:
        with pytest.raises(FleetError, match="max_model_len"):
            FleetClient(Endpoint(a.base_url, "m"), [a.base_url, b.base_url]).check_served()


def test_fleet_of_one_model_passes_the_check_and_a_server_without_the_list_is_not_compared():
    """The same model under another mount point is one model; a replica that does not answer /v1/models (the
    fake server, an older gateway) or that is down is not compared."""
    with ModelListServer([entry("/models/Qwen3-8B")]) as a, ModelListServer([entry("/mnt/Qwen3-8B/")]) as b:
        with FakeServer() as plain:
            fleet = FleetClient(Endpoint(a.base_url, "m"), [a.base_url, b.base_url, plain.base_url])
            fleet.check_served()
            reply = fleet.complete([{"role": "user", "content": "hi"}], max_tokens=4)
            assert reply.metrics.endpoint
            fleet.close()


def test_a_merged_run_whose_shards_ran_under_different_loads_is_not_speed_compared(shards):
    """A merged run's settings are shard 1's and its speed figures pool every shard's requests: shards at
    concurrency 1 and 8 (or another -n) made one p50 of two loads, read against a baseline run at one load."""
    from pytest_llmeval.compare import compare_runs, parse_fail_expressions

    s1, s2 = pair(shards)
    s2["run"]["settings"]["concurrency"] = 8
    for case in s2["cases"]:
        case["in_flight"] = 1  # asked serially all the same: the records alone do not tell the loads apart
    merged = merge_documents([("s1", s1), ("s2", s2)])
    baseline = merge_documents(list(zip(("s1", "s2"), pair(shards))))
    cmp = compare_runs(baseline, merged, parse_fail_expressions("score:5,ttft_p50:20%"))
    (group,) = cmp["groups"]
    assert "the shards of the new run ran under different loads" in group["metrics"]["ttft_p50"]["verdict"]
    assert (
        "score" in group["metrics"] and group["metrics"]["score"]["verdict"] != group["metrics"]["ttft_p50"]["verdict"]
    )
    same = compare_runs(baseline, baseline, parse_fail_expressions("ttft_p50:20%"))
    assert "different loads" not in same["groups"][0]["metrics"]["ttft_p50"].get("verdict", "")
