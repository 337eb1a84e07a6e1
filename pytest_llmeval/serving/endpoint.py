"""Where to send requests: an OpenAI-compatible base URL, the served model name and the key's variable.

A base URL may carry credentials and a query (`http://user:password@host/v1?api_key=x`, as some gateways
want): the credentials are sent as the request's Authorization header - `user:password` as HTTP Basic,
`:token` (no user) as a Bearer token - and win over --llm-api-key-env for that URL; the query is kept at the
end of every request URL (`request_url`). Neither is ever printed or recorded: `public_url` is the form
written into results, logs and messages.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

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
        """The Authorization header: the base URL's own credentials where it has them, else the key's Bearer."""
        if url_credentials(self.base_url) is not None:
            return auth_headers(self.base_url)
        return bearer_headers(self.api_key())


_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")


def _cut(url: str) -> str:
    """The public form of a URL urllib cannot read, by pattern: no userinfo, query or fragment."""
    text = _USERINFO.sub(r"\1", url.strip())
    return re.split(r"[?#]", text, maxsplit=1)[0].rstrip("/")


def at_after_host(url: str) -> bool:
    """An '@' in the URL after its host (in the path, query or fragment): left there by an '@' in the model name of
    a `URL@model` spec (`http://h/v1@m@n`: the model 'n' at 'http://h/v1@m', or 'm@n' at 'http://h/v1')."""
    parts = urlsplit(url)
    return "@" in parts.path or "@" in parts.query or "@" in parts.fragment


def stray_at(url: str) -> bool:
    """An @ after the scheme that urllib does not read as the end of a userinfo: a password with an unencoded /, ?
    or # (http://u:p/w@host/v1), whose rest urllib would take for the host, port or path."""
    head, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return False
    try:
        return "@" not in urlsplit(url).netloc
    except ValueError:  # urllib cannot read it (a bad IPv6 host): by pattern, a / ? # before the first @
        return re.search(r"[/?#]", rest.split("@", 1)[0]) is not None


def public_url(url: str) -> str:
    """The URL without userinfo, query and fragment: what may be written into results and logs. Never raises
    (a URL with a bad port or a broken IPv6 address is cut by pattern), so it never shows a secret in a
    traceback. An @ urllib does not see as the userinfo's end (a password with an unencoded /) hides all before
    it."""
    if stray_at(url):
        scheme, _, rest = url.strip().partition("://")
        return _cut(f"{scheme}://***@{rest.rpartition('@')[2]}")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return _cut(url)
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{port}" if port else "")
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))


def url_credentials(url: str) -> tuple[str, str] | None:
    """The user and password written in a URL (percent-decoded), or None when it has none."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    user, password = unquote(parts.username or ""), unquote(parts.password or "")
    return (user, password) if user or password else None


def auth_headers(url: str, api_key: str | None = None) -> dict[str, str]:
    """The Authorization header for requests to `url`: its own credentials - `user:password` as HTTP Basic (as
    curl, requests and httpx send them), `:token` with no user as `Bearer token` - else `api_key` as a Bearer
    token (none for no key or the local servers' "EMPTY")."""
    credentials = url_credentials(url)
    if credentials is None:
        return bearer_headers(api_key)
    user, password = credentials
    if not user:
        return {"Authorization": f"Bearer {password}"}
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return {"Authorization": f"Basic {token}"}


def request_url(base_url: str, path: str) -> str:
    """The URL of a request to `path` (e.g. /completions) under the base URL: the base path + `path`, the
    base URL's query kept at the end; without userinfo (sent as a header: `auth_headers`) or fragment."""
    parts = urlsplit(base_url)
    netloc = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/") + path, parts.query, ""))
