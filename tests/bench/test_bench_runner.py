"""The load generator against a tiny local fake server: records, failures, transports."""

from __future__ import annotations

import asyncio

import pytest

from pytest_llmeval.bench import BenchConfig, run_benchmark
from pytest_llmeval.bench.prompts import Prompt
from pytest_llmeval.bench.runner import LoadGenerator, request_body
from pytest_llmeval.serving.endpoint import Endpoint
from pytest_llmeval.testing.openai_fake import FakeServer

TRANSPORTS = ["aiohttp", "httpx"]


def prompts(texts: list[str]) -> list[Prompt]:
    return [Prompt(t, None) for t in texts]


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_failed_requests_are_counted_and_finished_ones_kept(fake_server, transport):
    texts = ["a b c", "FAIL please", "d e f", "DROP me", "g h i", "j k l"]
    cfg = BenchConfig(concurrency=2, num_requests=len(texts), max_tokens=16, warmup_requests=0)
    gen = LoadGenerator(Endpoint(fake_server.base_url, "fake"), cfg, prompts(texts), transport=transport)
    result = asyncio.run(gen.run())
    assert result.transport == transport
    assert [r.index for r in result.records] == list(range(6))
    by_index = {r.index: r for r in result.records}
    assert not by_index[1].success and "HTTP 500" in by_index[1].error and "injected failure" in by_index[1].error
    assert not by_index[3].success and by_index[3].error
    ok = [r for r in result.records if r.success]
    assert len(ok) == 4
    for r in ok:
        assert r.output_tokens == 6 and r.prompt_tokens == 4 and r.usage_reported
        assert r.chunks == 6 and len(r.itl_s) == 5 and r.finish_reason == "length"
        assert 0 < r.ttft_s <= r.e2el_s
        assert r.e2el_s == pytest.approx(r.ttft_s + sum(r.itl_s))


def test_summary_counts_failures(fake_server):
    path_texts = ["one two", "FAIL", "three four", "five"]
    cfg = BenchConfig(concurrency=2, num_requests=4, max_tokens=16, warmup_requests=1, prompt_tokens=10)
    endpoint = Endpoint(fake_server.base_url, "fake")
    gen = LoadGenerator(endpoint, cfg, prompts(path_texts), warmup_prompts=prompts(["warm up"]))
    load = asyncio.run(gen.run())
    from pytest_llmeval.bench import build_result

    result = build_result(cfg, endpoint, load)
    s = result["summary"]
    assert s["completed"] == 3 and s["failed"] == 1
    assert s["total_output_tokens"] == 18
    assert s["total_input_tokens"] == sum(r["prompt_tokens"] for r in result["requests"] if r["success"])
    assert s["error_counts"] and "HTTP 500" in next(iter(s["error_counts"]))
    assert len(result["warmup"]) == 1 and result["warmup"][0]["warmup"]
    assert len(result["requests"]) == 4


def test_run_benchmark_end_to_end(fake_server):
    cfg = BenchConfig(concurrency=3, num_requests=7, max_tokens=4, prompt_tokens=32, warmup_requests=2)
    result = run_benchmark(Endpoint(fake_server.base_url, "fake"), cfg)
    s = result["summary"]
    assert s["completed"] == 7 and s["failed"] == 0
    assert s["total_output_tokens"] == 7 * 4  # the fake honours max_tokens
    assert s["total_input_tokens"] == 7 * 32  # calibrated through the fake's /tokenize
    assert result["prompts"]["length_method"] == "server /tokenize"
    assert s["request_throughput"] == pytest.approx(s["completed"] / s["duration"])
    assert fake_server.requests == 9  # 2 warm-up + 7 measured


def test_chat_endpoint(fake_server):
    cfg = BenchConfig(
        concurrency=2, num_requests=3, max_tokens=16, endpoint="chat", warmup_requests=0, prompt_tokens=12
    )
    result = run_benchmark(Endpoint(fake_server.base_url, "fake"), cfg)
    assert result["summary"]["completed"] == 3
    assert result["summary"]["total_output_tokens"] == 18


def test_timeout_is_a_failure_not_a_crash():
    with FakeServer(chunks=5, delay_s=0.4) as slow:
        cfg = BenchConfig(concurrency=2, num_requests=2, max_tokens=8, warmup_requests=0, request_timeout_s=0.5)
        gen = LoadGenerator(Endpoint(slow.base_url, "fake"), cfg, prompts(["a", "b"]))
        result = asyncio.run(gen.run())
    assert [r.success for r in result.records] == [False, False]
    assert all("timed out" in r.error for r in result.records)


def test_unreachable_server_fails_every_request_cleanly():
    cfg = BenchConfig(concurrency=2, num_requests=3, max_tokens=8, warmup_requests=0, request_timeout_s=5)
    gen = LoadGenerator(Endpoint("http://127.0.0.1:9/v1", "fake"), cfg, prompts(["a", "b", "c"]))
    result = asyncio.run(gen.run())
    assert len(result.records) == 3 and not any(r.success for r in result.records)


def test_request_body_like_vllm_bench():
    cfg = BenchConfig(max_tokens=64, ignore_eos=True, extra_body={"top_k": 1})
    body = request_body(Endpoint("http://x/v1", "m"), cfg, "hi")
    assert body["prompt"] == "hi" and body["max_tokens"] == 64 and body["stream"] is True
    assert body["stream_options"] == {"include_usage": True}
    assert body["ignore_eos"] is True and body["temperature"] == 0.0 and body["top_k"] == 1
    chat = request_body(Endpoint("http://x/v1", "m"), BenchConfig(endpoint="chat"), "hi")
    assert chat["messages"] == [{"role": "user", "content": "hi"}] and "ignore_eos" not in chat


def test_prompt_count_must_match():
    with pytest.raises(ValueError, match="num_requests"):
        LoadGenerator(Endpoint("http://x/v1", "m"), BenchConfig(num_requests=3), prompts(["a"]))


def test_interrupted_run_keeps_finished_records():
    with FakeServer(chunks=3, delay_s=0.1) as fake:
        texts = [f"request {i}" for i in range(6)]
        cfg = BenchConfig(concurrency=2, num_requests=6, max_tokens=3, warmup_requests=0)
        gen = LoadGenerator(Endpoint(fake.base_url, "fake"), cfg, prompts(texts))

        async def interrupt() -> None:
            task = asyncio.create_task(gen.run())
            async with asyncio.timeout(20):
                while not gen.records:  # ~0.3 s per request, 2 at a time
                    await asyncio.sleep(0.01)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

        asyncio.run(interrupt())
    partial = gen.partial()
    assert partial.interrupted
    assert 0 < len(partial.records) < 6
    assert all(r.success for r in partial.records)
    assert partial.duration_s > 0


def test_auto_transport_prefers_aiohttp(fake_server):
    cfg = BenchConfig(concurrency=1, num_requests=1, max_tokens=2, warmup_requests=0)
    gen = LoadGenerator(Endpoint(fake_server.base_url, "fake"), cfg, prompts(["a"]))
    result = asyncio.run(gen.run())
    assert result.transport == "aiohttp" and result.records[0].success
    with pytest.raises(ValueError, match="transport"):
        LoadGenerator(Endpoint(fake_server.base_url, "fake"), cfg, prompts(["a"]), transport="curl")
