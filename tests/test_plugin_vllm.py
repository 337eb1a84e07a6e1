"""pytester acceptance tests of a whole run against the real vLLM CPU server."""

from __future__ import annotations

import json

import pytest

from pytest_llmeval.evaluation.scenarios import load_scenarios
from pytest_llmeval.evaluation.scoring import score_answer
from pytest_llmeval.results.schema import SCHEMA_VERSION

pytestmark = pytest.mark.vllm
CASE_FIELDS = {
    "model",
    "scenario_id",
    "suite",
    "category",
    "mode",
    "score",
    "passed",
    "covered",
    "missing",
    "echoed",
    "answer",
    "ttft_s",
    "e2e_s",
    "prompt_tokens",
    "output_tokens",
    "decode_tok_s",
}


def test_run_scores_reports_and_never_leaks_the_key(llm_project, vllm_endpoint, small_scenarios, monkeypatch):
    secret = "sk-test-DO-NOT-LEAK-1234567890"
    monkeypatch.setenv("LLMEVAL_SECRET_KEY", secret)
    pytester = llm_project.pytester
    report_dir = pytester.path / "out"
    result = pytester.runpytest(
        f"--llm-scenarios={small_scenarios}",
        "--llm-base-url",
        vllm_endpoint.base_url,
        "--llm-model",
        vllm_endpoint.model,
        "--llm-api-key-env",
        "LLMEVAL_SECRET_KEY",
        "--llm-report-dir",
        str(report_dir),
        "-p",
        "no:cacheprovider",
    )
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) + outcomes.get("failed", 0) == 2, result.stdout.str()
    out = result.stdout.str()
    assert "llmeval results" in out and "mean score" in out and "decode tok/s" in out

    doc = json.loads((report_dir / "results.json").read_text(encoding="utf-8"))
    assert doc["schema_version"] == SCHEMA_VERSION
    run = doc["run"]
    assert run["status"] == "complete" and run["models"] == [vllm_endpoint.model]
    assert run["launches"] == [
        {"model": vllm_endpoint.model, "attached": True, "base_url": vllm_endpoint.base_url, "pid": None, "port": None}
    ]
    assert run["settings"]["server"]["api_key_env"] == "LLMEVAL_SECRET_KEY"
    assert {"cpu", "cpu_count", "memory_gib", "gpus"} <= set(run["hardware"])
    cases = {c["scenario_id"]: c for c in doc["cases"]}
    assert set(cases) == {"echo_me", "capital"}
    scenario = {c.id: c for c in load_scenarios([small_scenarios])}
    for case_id, record in cases.items():
        assert CASE_FIELDS <= set(record), CASE_FIELDS - set(record)
        assert record["nodeid"].endswith(f"test_scenario[{vllm_endpoint.model}-{case_id}]")
        assert 1 <= record["output_tokens"] <= 16 and record["ttft_s"] > 0
        # the stored score is exactly what the scorer gives for the stored answer
        rescored = score_answer(scenario[case_id], record["answer"])
        assert record["score"] == round(rescored.score, 2) and record["passed"] == rescored.passed
        assert set(record["covered"]) | set(record["missing"]) | set(record["echoed"]) == {
            p.point for p in scenario[case_id].key_points
        }
    from pydantic import TypeAdapter

    from pytest_llmeval.results.schema import ResultsDocument

    TypeAdapter(ResultsDocument).validate_python(doc)  # a real run's document matches the published schema
    (agg,) = doc["aggregates"]["models"]
    assert agg["cases"] == 2 and agg["mode"] == "norag"
    assert agg["mean_score"] == pytest.approx((cases["echo_me"]["score"] + cases["capital"]["score"]) / 2, abs=0.01)
    assert set(agg["categories"]) == {"echo", "geography"}

    lines = (report_dir / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["scenario_id"] for line in lines] == ["echo_me", "capital"]
    markdown = (report_dir / "report.md").read_text(encoding="utf-8")
    assert "## Summary per model" in markdown and "## Mean score per category" in markdown
    assert "echo_me" in markdown and "capital" in markdown
    for path in report_dir.rglob("*"):
        if path.is_file():
            assert secret not in path.read_text(encoding="utf-8", errors="replace"), path
    assert secret not in out


def test_failing_case_message_lists_covered_missing_and_answer(llm_project, vllm_endpoint):
    pytester = llm_project.pytester
    scenario = pytester.path / "impossible.yaml"
    scenario.write_text(
        "cases:\n  - id: impossible\n    category: x\n    question: 请说一个字：好\n"
        "    key_points: [量子纠缠退相干定理XYZ]\n    max_tokens: 8\n",
        encoding="utf-8",
    )
    result = pytester.runpytest(
        f"--llm-scenarios={scenario}",
        "--llm-base-url",
        vllm_endpoint.base_url,
        "--llm-model",
        vllm_endpoint.model,
        "-p",
        "no:cacheprovider",
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            f"*[[]{vllm_endpoint.model}, norag[]] impossible: FAILED, score 0.0 (threshold 60)*",
            "*covered (0/1): -*",
            "*missing: 量子纠缠退相干定理XYZ*",
            "*answer: '*",
        ]
    )


def test_embedded_model_as_the_judge(llm_project, vllm_endpoint, small_scenarios):
    """The judge path on the CPU machine: the embedded (base) model grades the answers. It rarely answers
    with the JSON asked for, so a grade or a recorded judge error are both a pass - never a crash."""
    result = llm_project.run(
        f"--llm-scenarios={small_scenarios}",
        "--llm-base-url",
        vllm_endpoint.base_url,
        "--llm-model",
        vllm_endpoint.model,
        "--llm-judge",
        f"{vllm_endpoint.base_url}@{vllm_endpoint.model}",
    )
    assert result.ret in (0, 1), result.stdout.str()
    cases = llm_project.results()["cases"]
    assert len(cases) == 2
    for case in cases:
        judge = case["judge"]
        assert judge["model"] == vllm_endpoint.model
        assert (judge["score"] is not None and 0 <= judge["score"] <= 100) or judge["error"]
