"""`pytest -n 3` with real vLLM servers started by the controller: one model's server at a time, a
server killed mid-run fails its remaining cases fast and the run goes on with the next model, and
every case is merged into one results.json (a's answers from before the kill belong to their questions: the same
prompt token counts as b's, same model). Serial runs with two models: tests/faults/test_faults.py."""

from __future__ import annotations

import json
import shutil
import signal
import sys
from pathlib import Path

import pytest

from pytest_llmeval.serving.models import parse_model
from pytest_llmeval.testing.faults import kill_server_after_cases
from pytest_llmeval.xdist import group_by_model

ROOT = Path(__file__).resolve().parents[1]
FAST_SERVER = ["--llm-vllm-arg=-O0", "--llm-startup-timeout=600"]  # skip torch.compile: a CPU start in ~60 s


def test_tests_by_model_prefers_the_longest_label():
    models = [parse_model("8b=/m/a"), parse_model("8b-fp8=/m/b"), parse_model("14b=/m/c")]
    ids = ["t.py::test_scenario[8b-fp8-roi]", "t.py::test_other[8b-fp8]"]
    assert list(group_by_model(ids, models)) == ["8b-fp8"]
    assert list(group_by_model(["t.py::test_scenario[8b-roi]", "t.py::x[14b]"], models)) == ["8b", "14b"]
    assert group_by_model(["t.py::test_plain"], models) == {}


@pytest.mark.vllm
def test_xdist_switches_servers_one_at_a_time_and_a_killed_server_fails_fast(pytester, lean_vllm):
    """Faults 3 and 6 of docs/reliability.md: under -n 3 with models a and b, a's server is SIGKILLed after
    its first cases; its other cases error at once and b's server starts only after a's has stopped."""
    pytester.makeini("[pytest]\n")
    shutil.copytree(ROOT / "scenarios", pytester.path / "scenarios", ignore=shutil.ignore_patterns("__pycache__"))
    common = ["scenarios", "--llm-max-tokens", "24", "-p", "no:cacheprovider", "-q"]
    par_dir = pytester.path / "par"
    output, killed_at = kill_server_after_cases(
        [sys.executable, "-m", "pytest", *common, "-n", "3", "--llm-report-dir=par", *FAST_SERVER]
        + ["--llm-model=a=embedded", "--llm-model=b=embedded"],
        pytester.path,
        par_dir,
        model="a",
        cases=2,
    )
    par = json.loads((par_dir / "results.json").read_text(encoding="utf-8"))

    # one server at a time: b's process started after a's tree was gone
    launch_a, launch_b = par["run"]["launches"]
    assert (launch_a["model"], launch_b["model"]) == ("a", "b"), output
    assert launch_a["stopped_at"] <= launch_b["started_at"] < launch_b["stopped_at"]
    # the dead server failed a's remaining cases fast: b was starting within seconds of the kill
    print(f"measured: b's server started {launch_b['started_at'] - killed_at:.2f} s after a's was killed")
    assert launch_b["started_at"] - killed_at < 30, output
    a_records = [c for c in par["cases"] if c["model"] == "a"]
    assert len(a_records) == 14
    errors = [c["error"] for c in a_records if c.get("error")]
    assert errors and all(e["type"] in ("server_died", "connection", "stream") for e in errors)
    assert any(e["type"] == "server_died" and e.get("log_tail") for e in errors)
    assert par["run"]["status"] == "degraded"
    assert par["run"]["degraded"] == [{"model": "a", "exit_code": -signal.SIGKILL}]
    assert "errors" in output and "llmeval results" in output

    # b ran on several workers, every case recorded once
    b_records = [c for c in par["cases"] if c["model"] == "b"]
    workers = {c["worker"] for c in b_records}
    assert workers <= {"gw0", "gw1", "gw2"} and len(workers) >= 2
    assert len(b_records) == 14 and not any(c.get("error") for c in b_records)
    # a's answers from before the kill belong to their cases: the server counted the same prompt tokens for a's
    # request as for b's to the same question (same model and template; the count does not depend on batching).
    # Not the answers themselves: the CPU server batches the cases in flight (several workers, 4 each) and under
    # batching this base model's temperature-0 answer may take another token early - seen once from the 14th
    # character on, once from the 3rd (the nondeterminism docs/benchmarks.md measures).
    b_answers = {c["scenario_id"]: c["answer"] for c in b_records}
    b_prompts = {c["scenario_id"]: c.get("prompt_tokens") for c in b_records}
    assert len(set(b_prompts.values())) >= 10 and None not in b_prompts.values()  # the counts tell cases apart
    a_answered = [c for c in a_records if not c.get("error")]
    assert a_answered
    for case in a_answered:
        assert case["prompt_tokens"] == b_prompts[case["scenario_id"]], (case["scenario_id"], case, b_prompts)
    same = sum(case["answer"] == b_answers[case["scenario_id"]] for case in a_answered)
    print(f"measured: {same} of {len(a_answered)} answers of a identical to b's (temperature 0, batched)")
