"""One short real run against the embedded vLLM server (session fixture `vllm_endpoint`)."""

from __future__ import annotations

import pytest

from pytest_llmeval.bench import BenchConfig, run_benchmark


@pytest.mark.vllm
def test_short_real_run_has_consistent_vllm_fields(vllm_endpoint):
    cfg = BenchConfig(
        concurrency=2,
        num_requests=4,
        max_tokens=8,
        prompt_tokens=32,
        warmup_requests=1,
        ignore_eos=True,
        request_timeout_s=120,
    )
    result = run_benchmark(vllm_endpoint, cfg)
    s, reqs = result["summary"], result["requests"]
    assert s["completed"] == 4 and s["failed"] == 0, s["error_counts"]
    assert len(reqs) == 4 and all(r["usage_reported"] for r in reqs)
    assert s["total_output_tokens"] == sum(r["output_tokens"] for r in reqs) == 4 * 8  # ignore_eos
    assert s["total_input_tokens"] == sum(r["prompt_tokens"] for r in reqs)
    assert result["prompts"]["length_method"] == "server /tokenize"
    assert all(r["prompt_tokens"] == r["expected_prompt_tokens"] == 32 for r in reqs)  # calibration is exact
    assert s["request_throughput"] == pytest.approx(s["completed"] / s["duration"])
    assert s["output_throughput"] == pytest.approx(s["total_output_tokens"] / s["duration"])
    for metric in ("ttft", "tpot", "itl", "e2el"):
        for stat in ("mean", "median", "std", "p50"):
            assert s[f"{stat}_{metric}_ms"] is not None
    # 4 requests: too few for a p95 (20 values) or a p99 (100), except ITL's p95 where the gaps are 20 or more - 28 at
    # a token a chunk, fewer where vLLM put two tokens in one chunk (below; a fresh clone of bb241a4 on the host under
    # twice CI's load had fewer than 20, and ITL's p95 was rightly None)
    gaps = sum(len(r["itl_s"]) for r in reqs)
    assert (s["p95_itl_ms"] is not None) == (gaps >= 20), gaps
    assert s["p99_itl_ms"] is None and s["p95_e2el_ms"] is None
    assert s["percentiles_not_reported"]["p99_ttft_ms"] == "too few requests (n=4) for a p99: needs 100"
    assert 0 < s["mean_ttft_ms"] < s["mean_e2el_ms"]
    decoded = sum(r["output_tokens"] - 1 for r in reqs) / sum(r["e2el_s"] - r["ttft_s"] for r in reqs)
    assert s["decode_tok_s"] == pytest.approx(decoded)  # token-weighted: sum(tokens - 1) / sum(E2E - TTFT)
    if all(r["chunks"] == r["output_tokens"] for r in reqs):
        assert s["decode_tok_s"] == pytest.approx(1000 / s["mean_itl_ms"])  # one token per chunk: 1 / mean ITL
    for r in reqs:
        # vLLM streams a token a chunk, but may put two in one when its API server falls behind the engine (once in
        # the 24 fresh-clone logs kept on the loaded 2-core host: 12.45 tok/s against 1 / mean ITL = 11.56, the
        # ratio of 28 tokens to 26 gaps): the gaps are one fewer than the chunks and span the decoding all the same
        assert 1 <= r["chunks"] <= r["output_tokens"] == 8 and len(r["itl_s"]) == r["chunks"] - 1
        assert r["e2el_s"] == pytest.approx(r["ttft_s"] + sum(r["itl_s"]))
