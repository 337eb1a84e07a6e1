"""Rerankers: a cross-encoder over (query, passage) pairs reorders the fused candidates.

``NoReranker`` keeps the fused order and reports status ``"skipped"`` with no
scores - it never invents them. A reranker that ran reports ``"ok"``; one that
fails raises (the pipeline records it as the case's error, stage ``rerank``).
Both real backends give relevance in 0..1 (the cross-encoder's logit through a
sigmoid): the same model scores the same through ``flag:`` and ``vllm:``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from ..serving.client import hide_secrets, remember_secret, remember_url_secrets, safe_public_url
from ..serving.credentials import api_key_from_env, bearer_headers
from .dense import load_flag_model

RerankStatus = Literal["ok", "skipped"]


@dataclass(frozen=True)
class RerankResult:
    """New order of the passages (indices into the input) and their scores, best first."""

    status: RerankStatus
    order: tuple[int, ...]
    scores: tuple[float, ...] | None  # parallel to ``order``; None when skipped


@runtime_checkable
class Reranker(Protocol):
    """Reorders passages by relevance to a query."""

    name: str

    def rerank(self, query: str, passages: Sequence[str]) -> RerankResult:
        """Score every passage against ``query``."""
        ...


def order_by_scores(scores: Sequence[float]) -> RerankResult:
    """An ``"ok"`` result sorted by score (descending), ties by input position."""
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    return RerankResult("ok", tuple(order), tuple(float(scores[i]) for i in order))


class NoReranker:
    """Keeps the input order; status ``"skipped"``."""

    name = "none"

    def rerank(self, query: str, passages: Sequence[str]) -> RerankResult:
        return RerankResult("skipped", tuple(range(len(passages))), None)


class FlagReranker:
    """A FlagEmbedding cross-encoder (e.g. bge-reranker-v2-m3) from a local path; scores in 0..1."""

    def __init__(
        self,
        path: str | Path,
        *,
        devices: str = "cpu",
        max_length: int = 512,
        use_fp16: bool = False,
        batch_size: int = 16,
    ) -> None:
        self._model, local = load_flag_model(
            "FlagReranker", path, "reranker 'flag:...'", use_fp16=use_fp16, devices=devices
        )
        self.max_length = max_length
        self.batch_size = batch_size
        self.name = f"flag-reranker:{local.resolve()}"

    def rerank(self, query: str, passages: Sequence[str]) -> RerankResult:
        if not passages:
            return RerankResult("ok", (), ())
        raw: Any = self._model.compute_score(
            [[query, p] for p in passages],
            normalize=True,
            batch_size=self.batch_size,
            max_length=self.max_length,
        )
        scores = [float(raw)] if isinstance(raw, (int, float)) else [float(s) for s in raw]
        return order_by_scores(scores)


class VLLMReranker:
    """A vLLM server's ``{base_url}/rerank`` endpoint (``vllm serve MODEL --runner pooling`` with a cross-encoder
    such as bge-reranker-v2-m3); ``base_url`` is the server's ``.../v1``. Pairs longer than the server's max
    model length are truncated by the server."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key_env: str | None = None,
        timeout: float = 60.0,
    ) -> None:
        import httpx

        self.url = f"{base_url.rstrip('/')}/rerank"
        self.public_url = f"{safe_public_url(base_url)}/rerank"  # for messages: no userinfo, no query
        self.model = model
        self.name = f"vllm-rerank:{self.url}@{model}"
        key = api_key_from_env(api_key_env, "--rag-api-key-env")
        remember_secret(key)  # a server's error that echoes it: hidden in the case's recorded error
        remember_url_secrets([base_url])
        headers = bearer_headers(key)
        self._client = httpx.Client(timeout=timeout, headers=headers)

    def rerank(self, query: str, passages: Sequence[str]) -> RerankResult:
        if not passages:
            return RerankResult("ok", (), ())
        # truncate_prompt_tokens -1: a (query, passage) pair longer than the server's max model length is cut
        # to it (as FlagReranker cuts at max_length) instead of failing the request with HTTP 400.
        payload = {"model": self.model, "query": query, "documents": list(passages), "truncate_prompt_tokens": -1}
        resp = self._client.post(self.url, json=payload)
        if resp.status_code != 200:
            raise RuntimeError(
                f"rerank request to {self.public_url} failed: HTTP {resp.status_code}: {hide_secrets(resp.text)[:500]}"
            )
        return order_by_scores(self._scores(resp.json(), len(passages)))

    def _scores(self, body: Any, n: int) -> list[float]:
        results = body.get("results") if isinstance(body, dict) else None
        if not isinstance(results, list):
            raise RuntimeError(
                f"rerank response from {self.public_url} has no 'results' list: {hide_secrets(str(body))[:300]}"
            )
        scores: dict[int, float] = {}
        for item in results:
            scores[int(item["index"])] = float(item["relevance_score"])
        if sorted(scores) != list(range(n)):
            raise RuntimeError(
                f"rerank response from {self.public_url} scored documents {sorted(scores)}, expected 0..{n - 1}"
            )
        return [scores[i] for i in range(n)]

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self._client.close()
