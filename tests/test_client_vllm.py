"""Streaming metrics against a real vLLM CPU server (the embedded model)."""

from __future__ import annotations

import pytest

from pytest_llmeval.serving.client import ChatClient, LLMRequestError
from pytest_llmeval.serving.endpoint import Endpoint

pytestmark = pytest.mark.vllm


def test_streamed_metrics_follow_vllm_bench_definitions(vllm_endpoint):
    client = ChatClient(vllm_endpoint)
    try:
        done = client.complete([{"role": "user", "content": "请用一句话介绍苏州。"}], max_tokens=24)
    finally:
        client.close()
    m = done.metrics
    assert done.text  # the model said something
    assert m.prompt_tokens and m.prompt_tokens > 5  # from the server's usage, not re-tokenised
    assert 1 <= m.output_tokens <= 24
    assert 0 < m.ttft_s < m.e2e_s
    if m.output_tokens > 1:
        assert m.tpot_s == pytest.approx((m.e2e_s - m.ttft_s) / (m.output_tokens - 1))
        assert m.decode_tok_s == pytest.approx(1 / m.tpot_s)
    if m.output_tokens == 24:
        assert m.finish_reason == "length"
    assert all(gap >= 0 for gap in m.itl_s)


def test_temperature_zero_is_repeatable(vllm_endpoint):
    client = ChatClient(vllm_endpoint)
    try:
        messages = [{"role": "user", "content": "1, 2, 3, 4,"}]
        first = client.complete(messages, max_tokens=12).text
        second = client.complete(messages, max_tokens=12).text
    finally:
        client.close()
    assert first == second


def test_unknown_model_is_a_readable_error(vllm_endpoint):
    client = ChatClient(Endpoint(vllm_endpoint.base_url, "no-such-model"))
    try:
        with pytest.raises(LLMRequestError, match=r"HTTP 404 for model 'no-such-model'"):
            client.complete([{"role": "user", "content": "hi"}], max_tokens=4)
    finally:
        client.close()
