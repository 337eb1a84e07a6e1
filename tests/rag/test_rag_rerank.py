"""Rerankers: vLLM /rerank against a local fake server, NoReranker, FlagReranker's guard."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from pytest_llmeval.rag import FlagReranker, NoReranker, VLLMReranker


def test_vllm_reranker_orders_by_relevance_score(fake_server: Any) -> None:
    fake_server.reply(
        "/v1/rerank",
        {
            "id": "rerank-1",
            "model": "bge-reranker-v2-m3",
            "results": [  # vLLM returns them sorted by score; order here must not matter
                {"index": 2, "document": {"text": "丙"}, "relevance_score": 0.91},
                {"index": 0, "document": {"text": "甲"}, "relevance_score": 0.10},
                {"index": 1, "document": {"text": "乙"}, "relevance_score": 0.55},
            ],
        },
    )
    reranker = VLLMReranker(f"{fake_server.url}/v1/", "bge-reranker-v2-m3")
    result = reranker.rerank("问题", ["甲", "乙", "丙"])
    assert result.status == "ok"
    assert result.order == (2, 1, 0)
    assert result.scores == (0.91, 0.55, 0.10)
    assert fake_server.received == [
        (
            "/v1/rerank",
            {
                "model": "bge-reranker-v2-m3",
                "query": "问题",
                "documents": ["甲", "乙", "丙"],
                "truncate_prompt_tokens": -1,
            },
        )
    ]
    reranker.close()


def test_vllm_reranker_rejects_incomplete_or_failed_replies(fake_server: Any) -> None:
    reranker = VLLMReranker(f"{fake_server.url}/v1", "m")
    fake_server.reply("/v1/rerank", {"results": [{"index": 0, "relevance_score": 0.3}]})
    with pytest.raises(RuntimeError, match=r"expected 0\.\.1"):
        reranker.rerank("q", ["a", "b"])
    fake_server.reply("/v1/rerank", {"error": "model not loaded"}, status=500)
    with pytest.raises(RuntimeError, match="HTTP 500"):
        reranker.rerank("q", ["a", "b"])
    assert reranker.rerank("q", []).order == ()


def test_no_reranker_is_skipped_without_scores() -> None:
    result = NoReranker().rerank("q", ["a", "b", "c"])
    assert result.status == "skipped"
    assert result.order == (0, 1, 2)
    assert result.scores is None


def test_flag_reranker_without_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "FlagEmbedding", None)  # `import FlagEmbedding` raises ImportError
    with pytest.raises(ImportError, match="pip install FlagEmbedding"):
        FlagReranker(tmp_path)
