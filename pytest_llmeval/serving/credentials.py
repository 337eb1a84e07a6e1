"""API keys: looked up by the *name* of an environment variable, never passed or stored themselves.

One place for the lookup and the Authorization header, used by the chat client, the
benchmark, the RAG embedder/reranker and the judge; and the one place that finds a URL's credentials in
text (userinfo of any scheme or none, query, their encoded forms) for every message, record and log line.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import re
from collections.abc import Callable, Iterable
from urllib.parse import quote, quote_plus, unquote, unquote_plus, urlsplit

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
    problem = key_form_problem(key)
    if problem is not None:
        raise MissingAPIKey(
            f"environment variable {env_name} (named by {option}) holds {problem}, which no key holds (the key is "
            "not shown): every request would fail with it. Fix: export "
            f"{env_name} with the key alone, e.g. export {env_name}=\"$(tr -d '\\r\\n ' < key.txt)\""
        )
    return key


# a value kept in quotes (an ini file, `docker --env-file`, a CI variable keep them) - a mismatched pair
# (`"http://h/v1'`) too, which no URL, key, path or number is either
_OPENING_QUOTES = "'\"“‘`"
_CLOSING_QUOTES = "'\"”’`"


def wrapped_in_quotes(text: str) -> bool:
    """Whether `text` (stripped) opens and closes with a quote: the one rule for a base URL, a judge spec, a key
    variable and an ini value."""
    text = text.strip()
    return len(text) > 1 and text[0] in _OPENING_QUOTES and text[-1] in _CLOSING_QUOTES


def key_form_problem(key: str) -> str | None:
    """What is around or in a key that no key holds, or None: a line break or space at an end (a key file saved with
    its newline, a Windows file's \\r - the run asked every case and each failed "malformed stream: Invalid header
    value"), a control character, a space or a character no HTTP header holds (not ASCII) inside, or quotes kept
    around it (`docker --env-file` and a CI variable keep them: every request was a 401)."""
    if key != key.strip():
        end = key[-1] if key[-1].isspace() else key[0]
        name = {"\n": "a line break", "\r": "a carriage return (\\r: a file saved on Windows)", "\t": "a tab"}
        return f"{name.get(end, 'a space')} at {'its end' if key[-1].isspace() else 'its start'}"
    if key.lower().startswith("bearer "):
        return "'Bearer ' before the key (the plugin writes the Authorization header's 'Bearer ' itself)"
    odd = next((char for char in key if char.isspace() or not char.isprintable()), None)
    if odd is not None:
        return "a space inside" if odd == " " else f"the control character {odd!r} inside"
    if not key.isascii():  # an HTTP header holds ASCII only: a key copied with a smart quote or an ellipsis
        return "a character that is not ASCII (a typographic quote or an ellipsis copied with it?)"
    if wrapped_in_quotes(key):
        return "quotes around the key (they are sent as part of it)"
    return None


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
# The one place that finds a URL's credentials in text: usage errors, error records, log records, the recorded
# command line and component specs all go through it.
_SCHEME = r"[A-Za-z][A-Za-z0-9+.-]*://"
# any scheme (an ftp:// or s3:// URL given by mistake carries its password as well as an http one); the userinfo runs
# to the LAST @ before the path or a space: a password may hold an unencoded @, ?, # or quote (urllib, and so the
# client, reads the userinfo up to the last @ as well)
URL_USERINFO = re.compile(rf"\b({_SCHEME})[^/\s]*@")
# the query and fragment, to the next space (`URL_QUERY.sub(r"\1", text)`)
URL_QUERY = re.compile(rf"\b({_SCHEME}[^\s?#]+)[?#]\S*")
_QUOTED_URL_QUERY = re.compile(rf"(?P<quote>['\"]?)\b(?P<url>{_SCHEME}[^\s?#]+)[?#](?P<rest>\S*)")
# a URL's userinfo written without a scheme (`user:key@host:8000/v1`, `:token@host`), as an option's value or in the
# text of an error that quotes what it was given: a colon before the last @ that a host follows, the user part
# starting a word (after a space, a quote, a bracket, = , or ;)
BARE_USERINFO = re.compile(r"(?<![^\s'\"(<\[{=,;])(?P<user>[^\s/:@'\"=]*):(?P<password>[^\s/]*)@(?=[A-Za-z0-9\[])")
# a password that holds an unencoded / (`http://u:pa/ss@host/v1`): what follows the colon up to the / is no port (a
# port is digits), so that / cannot end an authority - the userinfo runs to the next @. A password whose part before
# the / is all digits (`u:123/x@h`) reads as a port and a path (`http://host:8000/v1@judge`) and is not taken here
URL_SLASHED_USERINFO = re.compile(
    rf"\b(?P<scheme>{_SCHEME})(?P<userinfo>[^/\s@:\[\]]*:(?=[^/\s@]*[^\d/\s@])[^/\s@]*/[^\s@]*)@"
)
HIDDEN = "***"


def without_url_userinfo(text: str) -> str:
    """`text` with every URL's userinfo removed (`s3://k:s@b/x` -> `s3://b/x`, `https://u:p@ss@h` -> `https://h`,
    `http://u:pa/ss@h` -> `http://h`) and a userinfo written without a scheme hidden (`user:key@host` ->
    `***@host`)."""
    if "@" not in text:
        return text
    text = URL_SLASHED_USERINFO.sub(r"\g<scheme>", text)
    return BARE_USERINFO.sub(f"{HIDDEN}@", URL_USERINFO.sub(r"\1", text))


def _without_query(match: re.Match[str]) -> str:
    """A URL without its query and fragment; the closing quote of a quoted URL (and the punctuation after it) kept."""
    quote, rest = match["quote"], match["rest"]
    kept = ""
    if quote:
        body = rest.rstrip(",.;:)]}")
        if body.endswith(quote) and len(body) > 1:
            kept = quote + rest[len(body) :]
    return f"{quote}{match['url']}{kept}"


def without_url_credentials(text: str) -> str:
    """`text` with every URL's userinfo, query and fragment removed (`http://u:key@h/v1?key=x` -> `http://h/v1`),
    whatever its scheme, and a userinfo written without one hidden (`u:key@h:8000/v1` -> `***@h:8000/v1`): what a
    message may show of an option value that holds a URL."""
    text = without_url_userinfo(text)
    if "://" not in text:
        return text
    return _QUOTED_URL_QUERY.sub(_without_query, text)


# A URL query parameter that carries a credential (?api_key=, ?key=, ?token=, ?sig=); others (api-version,
# deployment) are settings, and hiding their values would rewrite labels and answers that contain them
# and Azure Functions' function key, `?code=` (the whole name only: not `country_code`)
CREDENTIAL_NAME = re.compile(r"key|token|secret|sig|pass|auth|credential|session|^code$", re.IGNORECASE)
URL_SCHEME = re.compile(rf"\b{_SCHEME}")  # where a URL starts in a text
_URL_IN_TEXT = re.compile(rf"\b{_SCHEME}\S+")


def written_forms(value: str) -> set[str]:
    """`value` as given, percent-decoded and percent-encoded the ways a client writes it (`/`, `@`, `+`, `=`; upper
    and lower case hex): how a secret appears in a URL a client or a server prints."""
    forms = {value, unquote(value)}
    for text in tuple(forms):
        forms |= {quote(text, safe=""), quote(text), quote_plus(text), quote(text, safe=":")}
    forms |= {re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), form) for form in tuple(forms)}
    return forms


def secret_forms(value: str) -> set[str]:
    """`value` in every form a server may echo it: as written, percent-encoded (`written_forms`: a key echoed in a
    URL's query) and JSON-escaped (`/` as `\\/` by PHP and some proxies, quotes and backslashes escaped: a request
    dumped as JSON inside an error message). Only the raw form was hidden: a base64 key (`/`, `+`, `=`) echoed
    `%2F`-encoded or `\\/`-escaped was shown whole."""
    forms = written_forms(value)
    for form in tuple(forms):
        escaped = json.dumps(form)[1:-1]
        forms |= {escaped, escaped.replace("/", "\\/")}
    return {form for form in forms if len(form) >= MIN_SECRET_CHARS}


def userinfo_values(userinfo: str) -> set[str]:
    """The secrets a URL's userinfo (`user:password`) gives away: the userinfo and its password as written,
    percent-decoded and -encoded, and the HTTP Basic token a client makes of them (a server may echo the header)."""
    user, _, password = userinfo.partition(":")
    values = written_forms(userinfo) | written_forms(password)
    for decoded in {userinfo, unquote(userinfo), f"{unquote(user)}:{unquote(password)}"}:
        values.add(base64.b64encode(decoded.encode()).decode("ascii"))
    return values


def credential_values(
    texts: Iterable[str | None], every_query_value: bool = True, whole_urls: bool = False
) -> set[str]:
    """The secrets of every URL in `texts` (a command line, a message): the userinfo and password (`userinfo_values`),
    also of a userinfo written without a scheme (`u:k@host`), and the values of the query - all of them (a usage
    error: an option's value quoted in pieces), or with `every_query_value=False` those of parameters named as
    credentials (`CREDENTIAL_NAME`: not `api-version`). `whole_urls`: each text is one URL (a base URL, perhaps after
    a kind: `openai:http://u:k@h/v1`), whose userinfo runs to its last @ - a password may hold an unencoded /."""
    values: set[str] = set()
    for text in texts:
        if not text:
            continue
        urls = [match.group(0).rstrip("'\",.;:)]}") for match in _URL_IN_TEXT.finditer(text)]
        for url in urls[:1] if whole_urls else urls:
            values |= _url_values(url, every_query_value, whole_urls)
        for match in BARE_USERINFO.finditer(URL_USERINFO.sub(r"\1", text)):
            values |= userinfo_values(f"{match['user']}:{match['password']}")
    return {value for value in values if len(value) >= MIN_SECRET_CHARS}


def _url_values(url: str, every_query_value: bool, whole_url: bool) -> set[str]:
    if whole_url:  # everything before the last @ ahead of the query: `http://u:p/w@h/v1` as well
        authority = url.partition("://")[2].partition("?")[0].partition("#")[0]
        userinfo, at, _ = authority.rpartition("@")
    elif slashed := URL_SLASHED_USERINFO.match(url):  # a password with an unencoded /
        userinfo, at = slashed["userinfo"], "@"
    else:  # up to the last @ before the path, as the client reads it
        head = URL_USERINFO.match(url)
        userinfo, at = (head.group(0)[len(head.group(1)) : -1], "@") if head else ("", "")
    values = userinfo_values(userinfo) if at else set()
    try:
        query = urlsplit(url).query
    except ValueError:  # a bad IPv6 host: the query by pattern
        query = url.partition("?")[2].partition("#")[0]
    for piece in query.split("&"):
        name, _, raw = piece.partition("=")
        if every_query_value or CREDENTIAL_NAME.search(unquote_plus(name)):
            values |= written_forms(raw) | written_forms(unquote_plus(raw))
    return values


def public_message(text: str, keys: Iterable[str | None] = (), sources: Iterable[str] = ()) -> str:
    """A usage error's text as it may be printed: `keys` (the values of the key variables the options name) and
    the credentials of every URL in it or in `sources` (the command line, the ini values: a message may quote a
    URL cut apart or made into a path, `http:/user:key@host`) hidden - userinfo, query and fragment removed, and
    their values wherever else the message quotes them."""
    secrets = {key for key in keys if key and key != NO_KEY and len(key) >= MIN_SECRET_CHARS}
    secrets |= credential_values((text, *sources))
    text = without_url_credentials(text)
    return hide_values(text, secrets)


# A credential written where a header or a key field names it (`Authorization: Bearer X`, `'x-api-key': 'X'`,
# `"api_key": "X"`, `api_key=X`) and a lone `Bearer X` token: hidden whatever X is - a key too short to hide as a
# value wherever it appears (`MIN_SECRET_CHARS`), a gateway's own key or a proxy's Basic token the run never knew.
# Only after a name and `:` or `=`: `api_key is required`, `Authorization header missing` are kept
_HEADER_NAME = (
    r"(?:proxy-)?authorization|x-api-key|api[-_]?key|api[-_]?token|(?:access|auth|refresh|id)[-_]token"
    r"|client[-_]secret|x-auth-token"
)
_NAMED_CREDENTIAL = re.compile(
    rf"(?<![A-Za-z0-9])(?P<name>{_HEADER_NAME})(?P<sep>[\"']?\s*[:=]\s*[\"']?)(?P<scheme>(?:Bearer|Basic|Token)\s+)?"
    r"(?P<value>[^\s\"',;&}\])]+)",
    re.IGNORECASE,
)
# a lone bearer token: 8 characters or more with a digit (`no Bearer token` is a message, not a credential)
_BEARER_TOKEN = re.compile(r"\b(Bearer\s+)(?=[^\s\"',;]*\d)[A-Za-z0-9._~+/=-]{8,}")


def without_named_credentials(text: str) -> str:
    """`text` with the value of every header or key field that carries a credential replaced by *** (`Authorization:
    Bearer abc12` -> `Authorization: Bearer ***`, `"api_key": "k"` -> `"api_key": "***"`), and every lone bearer
    token: what a gateway's echo of the request shows of a credential the run does not know or cannot hide as a
    value (too short)."""
    if not text:
        return text
    text = _NAMED_CREDENTIAL.sub(lambda m: f"{m['name']}{m['sep']}{m['scheme'] or ''}{HIDDEN}", text)
    return _BEARER_TOKEN.sub(rf"\1{HIDDEN}", text)


def hide_values(text: str, secrets: Iterable[str]) -> str:
    """`text` with each of `secrets` replaced by ***, the longest first (a key that holds a shorter one)."""
    for secret in sorted(secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, HIDDEN)
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
        shown = without_url_userinfo(_HIDE_IN_LOGS[0](message)) if message else message
        if shown != message:
            record.msg, record.args = shown, None
        return record

    logging.setLogRecordFactory(hidden_record)


def redacted_values(args: list[str], redacted: list[str]) -> list[str]:
    """The values a redaction of `args` hid (`--api-key=X` -> `--api-key=***` gives X; `X` -> `***` gives X;
    `--api-key k1 k2` -> `--api-key *** ***` gives k1 and k2)."""
    hidden: list[str] = []
    for arg, shown in zip(args, redacted, strict=True):
        if arg == shown or HIDDEN not in shown:
            continue
        pattern = "(.+?)".join(re.escape(part) for part in shown.split(HIDDEN))
        found = re.fullmatch(pattern, arg, re.DOTALL)
        hidden.extend(found.groups() if found else [arg])  # no match: the whole argument is what may not be shown
    return hidden


# -- pytest --debug: the command line and every hook call, written before any plugin is loaded -------------------
def hide_secrets_in_debug_log(trace_root: object, hide: Callable[[str], str]) -> bool:
    """`pytest --debug` writes the command line (`args=(... 'http://user:key@host/v1' ...)`: a URL's userinfo and
    query, a judge's URL) to its log before any plugin is loaded, then every hook call as it is made. What it wrote
    is written again through `hide`, and every later line goes through it: the log a user attaches to a bug report
    holds no credential. `trace_root`: `config.trace.root` (pluggy's TagTracer; its writer is the log's `write`).
    False when there is no debug log. A log whose file cannot be read back is only hidden from now on."""
    writer = getattr(trace_root, "_writer", None)
    setwriter = getattr(trace_root, "setwriter", None)
    if writer is None or setwriter is None or getattr(writer, "_llmeval_hidden", False):
        return writer is not None
    log = getattr(writer, "__self__", None)
    name = getattr(log, "name", None)
    if log is not None and isinstance(name, str):
        try:
            log.flush()
            with open(name, encoding="utf-8", errors="replace") as written:
                text = written.read()
            shown = hide(text)
            if shown != text:
                log.seek(0)
                log.truncate()
                log.write(shown)
                log.flush()
        except (OSError, ValueError, AttributeError):  # not a file we can rewrite: hide what comes next at least
            pass

    def hidden(text: str) -> None:
        writer(hide(text))

    hidden._llmeval_hidden = True  # type: ignore[attr-defined]
    setwriter(hidden)
    return True
