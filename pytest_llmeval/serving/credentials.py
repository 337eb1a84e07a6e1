"""API keys: looked up by the *name* of an environment variable, never passed or stored themselves.

One place for the lookup and the Authorization header, used by the chat client, the
benchmark, the RAG embedder/reranker and the judge.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable
from urllib.parse import parse_qsl, urlsplit

NO_KEY = "EMPTY"  # what OpenAI-compatible local servers accept when they need no key
MIN_SECRET_CHARS = 6  # shorter values are no real key, and hiding them would garble ordinary text


class MissingAPIKey(ValueError):
    """The environment variable named for a key is not set; the message says which and how to fix it."""


def api_key_from_env(env_name: str | None, option: str = "--llm-api-key-env") -> str:
    """The key held by `env_name`; `NO_KEY` when no variable is named (local servers)."""
    if not env_name:
        return NO_KEY
    key = os.environ.get(env_name)
    if not key:
        problem = env_name_problem(option, env_name)  # the key itself given as the name: never shown
        raise MissingAPIKey(
            problem
            or f"environment variable {env_name} (named by {option}) is "
            f"{'empty' if env_name in os.environ else 'not set'}. Fix: export {env_name}=<your key>"
        )
    return key


_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def env_name_problem(flag: str, name: str | None) -> str | None:
    """Why `name` cannot be an environment variable's name, or None. The value is not shown: given in its place,
    the key itself was printed in 'environment variable sk-... is not set' and saved in results.json."""
    if not name or _ENV_NAME.fullmatch(name):
        return None
    return (
        f"{flag} takes the NAME of an environment variable that holds the key, and the value given is not a "
        "variable name (not shown: it may be the key itself). Fix: export MY_API_KEY=<the key> and pass "
        f"{flag}=MY_API_KEY"
    )


def bearer_headers(key: str | None) -> dict[str, str]:
    """`Authorization: Bearer ...` for a real key; no header for none or `NO_KEY`."""
    return {"Authorization": f"Bearer {key}"} if key and key != NO_KEY else {}


# -- what a message may show of a URL: never its credentials ------------------------------------------------------
# any scheme (an ftp:// or s3:// URL given by mistake carries its password as well as an http one)
_URL_USERINFO = re.compile(r"\b([A-Za-z][A-Za-z0-9+.-]*://)[^/@\s'\"]+@")
_URL_QUERY = re.compile(r"\b([A-Za-z][A-Za-z0-9+.-]*://[^\s?#'\"]+)[?#][^\s'\"]*")


def without_url_credentials(text: str) -> str:
    """`text` with every URL's userinfo, query and fragment removed (`http://u:key@h/v1?key=x` -> `http://h/v1`),
    whatever its scheme: what a usage error may show of an option value that holds a URL."""
    if "://" not in text:
        return text
    return _URL_QUERY.sub(r"\1", _URL_USERINFO.sub(r"\1", text))


def credential_values(urls: Iterable[str]) -> set[str]:
    """The passwords and userinfo of `urls` and their query's values: what to hide where a URL is cut apart (an
    option's value quoted in pieces), whatever the query parameter is called."""
    values: set[str] = set()
    for url in urls:
        try:
            parts = urlsplit(url)
        except ValueError:
            continue
        if "@" in parts.netloc:
            userinfo = parts.netloc.rpartition("@")[0]
            values |= {userinfo, userinfo.partition(":")[2]}
        values |= {value for _name, value in parse_qsl(parts.query, keep_blank_values=True)}
    return {value for value in values if len(value) >= MIN_SECRET_CHARS}


_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")


def public_message(text: str, keys: Iterable[str | None] = (), sources: Iterable[str] = ()) -> str:
    """A usage error's text as it may be printed: `keys` (the values of the key variables the options name) and
    the credentials of every URL in it or in `sources` (the command line, the ini values: a message may quote a
    URL cut apart or made into a path, `http:/user:key@host`) hidden - userinfo, query and fragment removed, and
    their values wherever else the message quotes them."""
    secrets = {key for key in keys if key and key != NO_KEY and len(key) >= MIN_SECRET_CHARS}
    for source in (text, *sources):
        urls = (match.group(0).rstrip("'\",.;:)") for match in _URL_IN_TEXT.finditer(source))
        secrets |= credential_values(urls)
    text = without_url_credentials(text)
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


# -- log records: what the HTTP clients log (httpx: 'HTTP Request: POST http://user:key@host/v1?key=...') -------
_HIDE_IN_LOGS: list[Callable[[str], str]] = []


def hide_secrets_in_logs(hide: Callable[[str], str]) -> None:
    """Pass the message of every log record made from now on through `hide` (and remove every URL's userinfo): the
    HTTP clients log each request's URL, query and userinfo included, and pytest writes records to the terminal
    (captured logs of a failed test, live logs) and to its --log-file. Set once per process; a later call only
    replaces `hide`."""
    first = not _HIDE_IN_LOGS
    _HIDE_IN_LOGS[:] = [hide]
    if not first:
        return
    make_record = logging.getLogRecordFactory()

    def hidden_record(*args: object, **kwargs: object) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a record that cannot be formatted: logging reports it when it is emitted
            return record
        shown = _URL_USERINFO.sub(r"\1", _HIDE_IN_LOGS[0](message)) if message else message
        if shown != message:
            record.msg, record.args = shown, None
        return record

    logging.setLogRecordFactory(hidden_record)


def redacted_values(args: list[str], redacted: list[str]) -> list[str]:
    """The values a redaction of `args` hid (`--api-key=X` -> `--api-key=***` gives X; `X` -> `***` gives X)."""
    hidden = []
    for arg, shown in zip(args, redacted, strict=True):
        if arg != shown and shown.endswith("***"):
            hidden.append(arg[len(shown) - 3 :])
    return hidden
