"""pytester acceptance test of --llm-bench: the seed's load-test protocol from pytest, with
`vllm bench serve`-compatible fields in results.json and a side-by-side terminal table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH_TEST = (ROOT / "scenarios" / "test_throughput.py").read_text(encoding="utf-8")
VLLM_FIELDS = {
    "duration",
    "completed",
    "failed",
    "total_input_tokens",
    "total_output_tokens",
    "request_throughput",
    "output_throughput",
    "total_token_throughput",
    "mean_ttft_ms",
    "median_ttft_ms",
    "p99_ttft_ms",
    "mean_tpot_ms",
    "mean_itl_ms",
    "mean_e2el_ms",
    "p95_e2el_ms",
}


def test_benchmark_is_deselected_without_the_option(pytester):
    pytester.makeini("[pytest]\n")
    pytester.makepyfile(test_throughput=BENCH_TEST)
    result = pytester.runpytest("--collect-only", "-q")
    result.stdout.fnmatch_lines(["*no tests collected (1 deselected)*"])


@pytest.mark.vllm
def test_benchmark_records_vllm_compatible_fields(pytester, vllm_endpoint):
    pytester.makeini("[pytest]\n")
    pytester.makepyfile(test_throughput=BENCH_TEST)
    result = pytester.runpytest(
        "--llm-bench",
        "--llm-bench-requests",
        "6",
        "--llm-bench-concurrency",
        "3",
        "--llm-bench-max-tokens",
        "12",
        "--llm-bench-prompt-tokens",
        "32",
        "--llm-bench-warmup",
        "1",
        "--llm-bench-ignore-eos",
        "--llm-base-url",
        vllm_endpoint.base_url,
        "--llm-model",
        vllm_endpoint.model,
        "-p",
        "no:cacheprovider",
    )
    result.assert_outcomes(passed=1)
    out = result.stdout.str()
    assert "Throughput benchmark (vllm bench serve fields)" in out and "request_throughput" in out
    doc = json.loads((pytester.path / "llmeval-report" / "results.json").read_text(encoding="utf-8"))
    (bench,) = doc["benchmarks"]
    summary = bench["summary"]
    assert VLLM_FIELDS <= set(summary), VLLM_FIELDS - set(summary)
    assert summary["completed"] == 6 and summary["failed"] == 0
    assert summary["total_output_tokens"] == 6 * 12  # ignore_eos: exactly max_tokens each
    assert summary["request_throughput"] == pytest.approx(6 / summary["duration"], rel=1e-6)
    assert summary["output_throughput"] == pytest.approx(72 / summary["duration"], rel=1e-6)
    assert len(bench["requests"]) == 6 and len(bench["warmup"]) == 1
    assert bench["config"]["concurrency"] == 3 and bench["model"] == vllm_endpoint.model
    assert bench["memory"]["source"] == "none"  # attached, no GPU: nothing to sample, nothing faked
    assert "## Throughput benchmark" in (pytester.path / "llmeval-report" / "report.md").read_text(encoding="utf-8")
