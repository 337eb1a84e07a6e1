"""Where to send requests: an OpenAI-compatible base URL, the served model name and the key's variable."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from .credentials import api_key_from_env, bearer_headers


@dataclass(frozen=True)
class Endpoint:
    base_url: str
    model: str
    api_key_env: str | None = None
    urls: tuple[str, ...] = ()  # an endpoint fleet: every replica's base URL (base_url is the first)

    def api_key(self) -> str:
        """The key (read from the environment now), or "EMPTY" for a local server; MissingAPIKey if unset."""
        return api_key_from_env(self.api_key_env)

    def headers(self) -> dict[str, str]:
        return bearer_headers(self.api_key())


def public_url(url: str) -> str:
    """The URL without userinfo, query and fragment: what may be written into results and logs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))
