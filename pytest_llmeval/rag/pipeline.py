"""Hybrid retrieval: BM25 (jieba) + dense, fused with RRF, optionally reranked.

``HybridRetriever(RagConfig(knowledge=["scenarios/knowledge"]))`` loads or builds
the index (cached under ``cache_dir``); ``retrieve(query)`` returns a
:class:`Retrieval` with the final chunks, each stage's ids and timings.
The final score of a chunk is its rerank score when a reranker ran, else its
RRF score.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..serving.client import hide_secrets, public_spec
from .bm25 import BM25Index
from .cache import BuildInfo, BuiltIndex, cache_key, load_or_build
from .config import RagConfig
from .dense import DenseIndex, Embedder
from .documents import Chunk, chunk_document, corpus_digest, load_documents, no_documents_problem
from .fusion import reciprocal_rank_fusion
from .rerank import Reranker, RerankStatus
from .spec import build_embedder, build_reranker
from .tokenize import STOPWORDS_PATH, ChineseTokenizer, file_digest


@dataclass(frozen=True)
class RetrievedChunk:
    """A chunk in a result list with the score that ranked it."""

    doc_id: str
    chunk_id: str
    title: str
    text: str
    score: float


@dataclass(frozen=True)
class Timings:
    """Milliseconds per stage of one retrieval (``bm25`` includes tokenisation)."""

    bm25_ms: float
    dense_ms: float
    fusion_ms: float
    rerank_ms: float
    total_ms: float


@dataclass(frozen=True)
class Retrieval:
    """The outcome of one query: final chunks plus what each stage found."""

    query: str
    chunks: tuple[RetrievedChunk, ...]
    bm25_ids: tuple[str, ...]  # top_k chunk ids by BM25 alone
    bm25_doc_ids: tuple[str, ...]
    dense_ids: tuple[str, ...]  # top_k chunk ids by dense alone
    dense_doc_ids: tuple[str, ...]
    fused_ids: tuple[str, ...]  # RRF order of the candidates (what the reranker saw)
    rerank_status: RerankStatus
    timings: Timings
    k: int = 0  # how many chunks were asked for (the cut-off of every @k metric)
    fused_doc_ids: tuple[str, ...] = ()  # doc ids of the top k by RRF alone, before the reranker

    @property
    def chunk_ids(self) -> list[str]:
        """Chunk ids of the final chunks, in rank order."""
        return [c.chunk_id for c in self.chunks]

    @property
    def doc_ids(self) -> list[str]:
        """Doc ids of the final chunks, in rank order (may repeat)."""
        return [c.doc_id for c in self.chunks]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (tuples become lists)."""
        return asdict(self)


class RetrievalError(RuntimeError):
    """A retrieval stage failed (`stage`: "retrieval" for BM25 and the embedder, "rerank" for the reranker);
    `cause` is the original exception. Evaluation records it as the case's error, naming the stage."""

    def __init__(self, stage: str, cause: BaseException, component: str = "") -> None:
        by = f" ({component})" if component else ""
        super().__init__(f"{stage}{by} failed: {type(cause).__name__}: {hide_secrets(str(cause))}")
        self.stage = stage
        self.cause = cause
        self.component = component


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0


class HybridRetriever:
    """Builds (or loads) the index on construction; :meth:`retrieve` answers queries."""

    def __init__(
        self,
        config: RagConfig,
        *,
        embedder: Embedder | None = None,
        reranker: Reranker | None = None,
    ) -> None:
        self.config = config
        self.tokenizer = ChineseTokenizer(config.dictionaries)
        self.embedder = embedder or build_embedder(
            config.embedder,
            api_key_env=config.api_key_env,
            devices=config.devices,
            max_length=config.max_length,
        )
        self.reranker = reranker or build_reranker(
            config.reranker,
            api_key_env=config.api_key_env,
            devices=config.devices,
            max_length=config.max_length,
        )
        # what retrieval searches with, recorded with each retrieval (`rescore` names answers retrieved by another
        # embedder or reranker); only for components built from the specs (one given as an object is not described)
        from ..serving.hash_memo import default_hash_memo
        from ..serving.identity import retrieval_components_digest

        self.components_digest = (
            retrieval_components_digest(config.embedder, config.reranker, default_hash_memo())
            if embedder is None and reranker is None
            else None
        )
        self._embed_lock = threading.Lock()
        self._index, self.build_info = self._load_or_build()
        self.chunks: list[Chunk] = self._index.chunks
        self._by_id = {c.chunk_id: i for i, c in enumerate(self.chunks)}

    def _load_or_build(self) -> tuple[BuiltIndex, BuildInfo]:
        cfg = self.config
        start = time.perf_counter()
        docs = load_documents(cfg.knowledge, exclude=cfg.dictionaries)
        if not docs:
            where = [str(p) for p in cfg.knowledge]
            raise ValueError(f"no .md/.txt documents found under {where}: {no_documents_problem(cfg.knowledge)}")
        self.knowledge_digest = digest_of_knowledge(docs, cfg.dictionaries, cfg.chunk_chars, cfg.chunk_overlap)
        key = cache_key(
            corpus=corpus_digest(docs),
            dictionaries=file_digest(cfg.dictionaries),
            stopwords=file_digest([STOPWORDS_PATH]),
            embedder=self.embedder.name,
            chunking=[cfg.chunk_chars, cfg.chunk_overlap],
        )

        def build() -> BuiltIndex:
            chunks = [c for d in docs for c in chunk_document(d, max_chars=cfg.chunk_chars, overlap=cfg.chunk_overlap)]
            texts = [c.search_text for c in chunks]
            bm25 = BM25Index.build(self.tokenizer.tokenize_many(texts))
            return BuiltIndex(chunks, bm25, DenseIndex.build(self.embedder, texts))

        index, from_cache = load_or_build(cfg.cache_dir, key, build, lock_timeout=cfg.lock_timeout)
        directory = str(Path(cfg.cache_dir) / f"index-{key[:32]}") if cfg.cache_dir is not None else None
        info = BuildInfo(key, from_cache, time.perf_counter() - start, directory, len(docs), len(index.chunks))
        return index, info

    def close(self) -> None:
        """Release the reranker's/embedder's connections, if they hold any."""
        for component in (self.reranker, self.embedder):
            close = getattr(component, "close", None)
            if callable(close):
                close()

    def __enter__(self) -> HybridRetriever:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def bm25_search(self, query: str, k: int) -> list[tuple[Chunk, float]]:
        """Top ``k`` chunks by BM25 alone (only chunks sharing a term with the query)."""
        hits = self._index.bm25.search(self.tokenizer.tokenize(query), k)
        return [(self.chunks[i], s) for i, s in hits]

    def dense_search(self, query: str, k: int) -> list[tuple[Chunk, float]]:
        """Top ``k`` chunks by cosine similarity alone."""
        with self._embed_lock:
            vector = self.embedder.embed_queries([query])[0]
        return [(self.chunks[i], s) for i, s in self._index.dense.search(vector, k)]

    def retrieve(self, query: str, *, top_k: int | None = None) -> Retrieval:
        """BM25 + dense candidates -> RRF -> rerank -> the best ``top_k`` chunks."""
        cfg = self.config
        k = top_k or cfg.top_k
        n_candidates = max(cfg.candidates, k)
        t_start = time.perf_counter()
        try:
            bm25 = self.bm25_search(query, n_candidates)
            bm25_ms = _ms(t_start)
            t = time.perf_counter()
            dense = self.dense_search(query, n_candidates)
            dense_ms = _ms(t)
        except Exception as exc:  # noqa: BLE001 - e.g. an embedding server that fails over HTTP
            raise RetrievalError("retrieval", exc, f"embedder {public_spec(self.config.embedder)}") from exc
        t = time.perf_counter()
        bm25_ids = [c.chunk_id for c, _ in bm25]
        dense_ids = [c.chunk_id for c, _ in dense]
        fused = reciprocal_rank_fusion([bm25_ids, dense_ids], k=cfg.rrf_k)[:n_candidates]
        fusion_ms = _ms(t)
        t = time.perf_counter()
        candidates = [self.chunks[self._by_id[cid]] for cid, _ in fused]
        try:
            result = self.reranker.rerank(query, [c.search_text for c in candidates])
        except Exception as exc:  # noqa: BLE001 - a reranker that fails (HTTP, model) is the case's error
            raise RetrievalError("rerank", exc, f"reranker {public_spec(self.config.reranker)}") from exc
        rerank_ms = _ms(t)
        # Skipped rerank: keep the RRF scores; never invent rerank scores.
        scores = [fused[i][1] for i in result.order] if result.scores is None else list(result.scores)
        final = tuple(
            RetrievedChunk(c.doc_id, c.chunk_id, c.title, c.text, float(score))
            for c, score in zip((candidates[i] for i in result.order), scores, strict=True)
        )[:k]
        timings = Timings(bm25_ms, dense_ms, fusion_ms, rerank_ms, _ms(t_start))
        return Retrieval(
            query=query,
            chunks=final,
            bm25_ids=tuple(bm25_ids[:k]),
            bm25_doc_ids=tuple(c.doc_id for c, _ in bm25[:k]),
            dense_ids=tuple(dense_ids[:k]),
            dense_doc_ids=tuple(c.doc_id for c, _ in dense[:k]),
            fused_ids=tuple(cid for cid, _ in fused),
            rerank_status=result.status,
            timings=timings,
            k=k,
            fused_doc_ids=tuple(self.chunks[self._by_id[cid]].doc_id for cid, _ in fused[:k]),
        )


def digest_of_knowledge(
    docs: list[Any], dictionaries: Sequence[str | Path], chunk_chars: int, chunk_overlap: int
) -> str:
    """A short hash of what retrieval can return: the documents' ids and contents, the custom dictionaries (they cut
    the BM25 tokens) and the chunking. Recorded with each retrieval, so that `rescore` can say when the knowledge
    base changed since a RAG answer was asked (today's context could differ: the model must be asked again)."""
    return cache_key(
        corpus=corpus_digest(docs), dictionaries=file_digest(dictionaries), chunking=[chunk_chars, chunk_overlap]
    )[:16]


def knowledge_digest_at(
    knowledge: Sequence[str | Path], dictionaries: Sequence[str | Path], chunk_chars: int, chunk_overlap: int
) -> str | None:
    """`digest_of_knowledge` of the knowledge base as it is now at these paths; None when no document is there."""
    docs = load_documents(knowledge, exclude=dictionaries)
    return digest_of_knowledge(docs, dictionaries, chunk_chars, chunk_overlap) if docs else None
