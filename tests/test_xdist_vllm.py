"""`pytest -n 3`: one server for the whole run, started by the controller; merged
results equal a serial run's at temperature 0."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pytest_llmeval.serving.models import parse_model
from pytest_llmeval.xdist import models_in_ids

ROOT = Path(__file__).resolve().parents[1]


def test_models_in_ids_prefers_the_longest_label():
    models = [parse_model("8b=/m/a"), parse_model("8b-fp8=/m/b"), parse_model("14b=/m/c")]
    ids = ["t.py::test_scenario[8b-fp8-roi]", "t.py::test_other[8b-fp8]"]
    assert [m.label for m in models_in_ids(ids, models)] == ["8b-fp8"]
    assert [m.label for m in models_in_ids(["t.py::test_scenario[8b-roi]", "t.py::x[14b]"], models)] == ["8b", "14b"]
    assert models_in_ids(["t.py::test_plain"], models) == []


@pytest.mark.vllm
def test_xdist_run_starts_one_server_and_matches_serial_scores(pytester, vllm_endpoint):
    pytester.makeini("[pytest]\n")
    shutil.copytree(ROOT / "scenarios", pytester.path / "scenarios", ignore=shutil.ignore_patterns("__pycache__"))
    common = ["scenarios", "--llm-max-tokens", "24", "-p", "no:cacheprovider", "-q"]
    parallel = pytester.runpytest_subprocess(*common, "-n", "3", "--llm-report-dir", "par", timeout=900)
    serial = pytester.runpytest_subprocess(
        *common, "--llm-report-dir", "ser", "--llm-base-url", vllm_endpoint.base_url, timeout=900
    )
    par = json.loads((pytester.path / "par" / "results.json").read_text(encoding="utf-8"))
    ser = json.loads((pytester.path / "ser" / "results.json").read_text(encoding="utf-8"))

    workers = {c["worker"] for c in par["cases"]}
    assert workers <= {"gw0", "gw1", "gw2"} and len(workers) >= 2
    assert {c["worker"] for c in ser["cases"]} == {"main"}
    launches = par["run"]["launches"]
    assert len(launches) == 1 and launches[0]["model"] == "gemma-3-270m" and launches[0]["pid"]
    assert len(par["cases"]) == len(ser["cases"]) == 14
    par_scores = {c["scenario_id"]: (c["score"], c["passed"]) for c in par["cases"]}
    ser_scores = {c["scenario_id"]: (c["score"], c["passed"]) for c in ser["cases"]}
    assert par_scores == ser_scores
    assert par["aggregates"]["models"][0]["mean_score"] == ser["aggregates"]["models"][0]["mean_score"]
    assert "llmeval results" in parallel.stdout.str()
    assert parallel.ret == serial.ret
