"""An attached server's identity (`--llm-base-url`): what it tells of the model it serves, asked over HTTP.

An attached server or cloud API is known by the base URL (without its credentials: `keyed_url`), the served model
name, what `GET /v1/models` reports for it (vLLM: the model's root path and max model length), the content of that
root when it is an absolute path to a folder (or file) readable here, or a hub id with a snapshot at refs/main in
this machine's Hugging Face cache - with a LoRA adapter's base model's - and the server's vLLM version (`GET
/version`). That is weaker than a launched model's - the launch options (dtype, chat template, tokenizer, revision)
are unknown, a root not here is known by its name, and a server on another machine may hold other files under the
same path - and the identity says so (`"strength": "weak"`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .file_hashes import HashMemo, NoMemo, path_identity
from .hub_files import HUB_ID, local_path, resolve_hub_snapshot

SERVED_FIELDS = ("id", "root", "parent", "max_model_len", "owned_by")  # the stable part of a /v1/models entry


def attached_identity(
    base_url: str,
    served_name: str,
    fetch_models: Callable[[], list[dict[str, Any]] | None],
    fetch_version: Callable[[], str | None] = lambda: None,
    memo: HashMemo | None = None,
) -> dict[str, Any]:
    """An attached server's identity: URL, served name and the stable fields of its `/v1/models` entry (not
    `created` or vLLM's `permission`, which change with every start or request without changing the model); the
    content of the folders it names that are folders here (`served_root_contents`); and the server's vLLM version
    (`/version`), when it answers them."""
    models = fetch_models()
    found = next((m for m in models or [] if m.get("id") == served_name), {})
    entry = None if models is None else {k: found.get(k) for k in SERVED_FIELDS if k in found}
    roots = served_root_contents(found, models, memo or NoMemo()) if found and models else {}
    version = fetch_version()
    return {
        "strength": "weak",
        "base_url": keyed_url(base_url),
        "model": served_name,
        "served": entry,
        # each only when the server tells it: the key of a server that does not stays as it was
        **({"server_version": version} if version is not None else {}),
        **({"root_files": roots} if roots else {}),
    }


def keyed_url(base_url: str) -> str:
    """An attached server's URL as the key knows it: without its credentials - the userinfo (to the last `@` before
    the query, as the client reads a password with an unencoded `/`) and the query parameters named as credentials
    (`credentials.CREDENTIAL_NAME`: ?api-key=, ?token=) - which pick who may ask, not who answers (a rotated key asked
    everything again, and the key's material held the secret); a query that is a setting (Azure's ?api-version=)
    stays. A URL without either is kept as it was (the keys of such servers stay)."""
    from urllib.parse import unquote_plus

    from .credentials import CREDENTIAL_NAME

    url = base_url.rstrip("/")
    scheme, marker, rest = url.partition("://") if "://" in url else ("", "", url)
    address, mark, query = rest.partition("#")[0].partition("?")
    pieces = [piece for piece in query.split("&") if piece] if mark else []
    kept = [piece for piece in pieces if not CREDENTIAL_NAME.search(unquote_plus(piece.partition("=")[0]))]
    if "@" not in address and len(kept) == len(pieces):
        return url
    address = address.rpartition("@")[2].rstrip("/")
    return f"{scheme}{marker}{address}" + (f"?{'&'.join(kept)}" if kept else "")


def served_roots(entry: dict[str, Any], models: list[dict[str, Any]]) -> list[str]:
    """What a `/v1/models` entry was loaded from: its `root` (vLLM: the folder or hub id it was started with) and,
    for a LoRA adapter, its base model's (`parent`, another entry)."""
    parent = next((m for m in models if entry.get("parent") and m.get("id") == entry["parent"] and m is not entry), {})
    return [root for root in (entry.get("root"), parent.get("root")) if isinstance(root, str) and root]


def served_root_contents(entry: dict[str, Any], models: list[dict[str, Any]], memo: HashMemo) -> dict[str, Any]:
    """root -> content of each `served_roots` that is an absolute path to a file or folder readable here, keyed as
    a launched model's: a server restarted with other weights in the same folder gets another key. A hub id is keyed
    by the snapshot its refs/main names in this machine's Hugging Face cache, where there is one (`vllm serve
    org/model` here, restarted after a download brought a new main - fixed chat template, other weights - gets
    another key; a server elsewhere, or at another --revision, may hold another snapshot: the identity stays weak).
    A path relative to the server's folder, or a root not here, says nothing of what the server loaded: left out."""
    contents: dict[str, Any] = {}
    for root in served_roots(entry, models):
        path = local_path(root)
        try:
            if path is None:
                snapshot = resolve_hub_snapshot(root) if HUB_ID.match(root) else None
                if snapshot is not None:
                    contents[root] = {"hub": root, "revision": snapshot.name, **path_identity(snapshot, memo)}
            elif path.is_absolute():
                contents[root] = path_identity(path, memo)
        except OSError:  # a file that cannot be read here: the server's word alone, as for a root not here
            continue
    return contents


def reply_field(base_url: str, path: str, field: str, headers: dict[str, str], timeout_s: float) -> Any:
    """`GET {base_url}{path}`'s JSON object's `field`; None when the server does not answer it (an HTTP error, not
    JSON, not an object). The base URL's query is kept; its credentials travel in `headers` (Endpoint.headers)."""
    import httpx

    from .endpoint import request_url

    try:
        reply = httpx.get(request_url(base_url, path), headers=headers, timeout=timeout_s)
        reply.raise_for_status()
        return reply.json().get(field)
    except (httpx.HTTPError, ValueError, AttributeError):
        return None


def served_models(base_url: str, headers: dict[str, str], timeout_s: float = 10.0) -> list[dict[str, Any]] | None:
    """`GET {base_url}/models` (the OpenAI model list); None when the server does not answer it."""
    data = reply_field(base_url, "/models", "data", headers, timeout_s)
    return [m for m in data if isinstance(m, dict)] if isinstance(data, list) else None


def endpoint_headers(base_url: str, model: str, api_key_env: str | None) -> dict[str, str] | None:
    """An endpoint's request headers with its credentials (the URL's own, else the key of `api_key_env`); None when
    the key is not set."""
    from .credentials import MissingAPIKey
    from .endpoint import Endpoint

    try:
        return Endpoint(base_url, model, api_key_env).headers()
    except MissingAPIKey:
        return None


def endpoint_models(
    base_url: str, model: str, api_key_env: str | None, timeout_s: float = 10.0
) -> list[dict[str, Any]] | None:
    """`served_models` of an endpoint with its credentials; None when the key is not set or the server does not
    answer."""
    headers = endpoint_headers(base_url, model, api_key_env)
    return None if headers is None else served_models(base_url, headers, timeout_s=timeout_s)


def endpoint_version(base_url: str, model: str, api_key_env: str | None, timeout_s: float = 10.0) -> str | None:
    """vLLM's `GET /version` at the server's root (http://host:port/version for http://host:port/v1): the build that
    serves, which changes answers as a launched model's vLLM does; None when the server does not answer it (not
    vLLM, a gateway) or the key is not set."""
    from ..bench.prompts import server_root

    headers = endpoint_headers(base_url, model, api_key_env)
    if headers is None:
        return None
    version = reply_field(server_root(base_url), "/version", "version", headers, timeout_s)
    return version if isinstance(version, str) and version else None
