"""The answer cache (`--llm-cache`): a request whose answer is known is not sent again.

One SQLite file (`.llmeval/cache.sqlite` by default) in WAL mode with a busy timeout, one connection per
process, so pytest-xdist workers share it safely: readers never wait for the writer, and writers take turns.
The first answer stored under a key stays (`INSERT OR IGNORE`), so workers that race on a key agree.

The key is the SHA-256 of canonical JSON holding everything that can change an answer:

- `model`: the model's identity (`serving.identity`): the content hash of its files and the launch options
  that change answers (dtype, quantisation, max model length, chat template content, reasoning parser, extra
  vLLM arguments - but those of where it listens, what it logs, its credentials, its GPU count, batch size and
  prefix caching - and the content of the files they name, the vLLM build, the launched server's VLLM_* variables
  but those of ports, logs, timeouts, cache folders, memory and credentials) - never the label, so model A's
  answers are never served as model B's; only on a server with LoRA adapters, where the name a request asks for
  picks the adapter, is that name (the label) in it; an attached server by its URL without credentials;
- `request`: the full messages (retrieved context and images - image bytes travel inside the messages as
  data URLs), max tokens, temperature and the request body's extra fields (thinking on or off);
- `sample`: the sample index of `--llm-repeat` (at temperature > 0 each sample is its own draw);
- `schema`: `CACHE_SCHEMA`, bumped when the key's layout or the stored answer changes.

Only complete answers are stored: a request that failed raises and is never stored, and neither is a stream
without a finish reason (cut short), one vLLM ended with "abort" or "error" (`INCOMPLETE_FINISH_REASONS`), nor an
empty answer (a broken chat template or stop token, which a fixed server would otherwise never get to show). An
answer cut at max_tokens ("length") is complete: max_tokens is in the key. A model known by its name alone
(`serving.identity.identified`) is never answered from the cache nor stored in it. A hit is a `Completion` with
`cached=True`; its metrics are those of the request that produced it, and results.json records it with
`cached: true` and no timings.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import math
import os
import sqlite3
import threading
import time
import typing
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .client import Completion, RequestMetrics, thinking_body

CACHE_SCHEMA = 2  # 2: identities hold the content extra arguments name and the revision vLLM loads
DEFAULT_CACHE_FILE = Path(".llmeval") / "cache.sqlite"
BUSY_TIMEOUT_S = 60.0
# How long the check before the run waits for another program's write lock on an existing cache file.
START_CHECK_TIMEOUT_S = 2.0
# The finish reasons of an answer that did not complete: vLLM's "abort" and "error", a provider's "content_filter".
# Any other reason (stop, length - max_tokens is in the key -, a server's own such as TGI's eos_token) is stored; a
# stream that ended without a reason (cut short) never is.
INCOMPLETE_FINISH_REASONS = frozenset({"abort", "error", "content_filter"})

_TABLES = """
CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    identity TEXT NOT NULL,
    text TEXT NOT NULL,
    reasoning TEXT NOT NULL,
    metrics TEXT NOT NULL,
    stored_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS file_stamps (
    path TEXT PRIMARY KEY,
    stamp TEXT NOT NULL,
    sha256 TEXT NOT NULL
);
"""


class CacheError(RuntimeError):
    """The cache file cannot be opened or used; the message names the file and the fix."""


class CacheWarning(UserWarning):
    """The answer cache failed during the run: the run goes on without it (answers are asked and kept)."""


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def request_key(
    identity: dict[str, Any],
    messages: list[dict[str, Any]],
    max_tokens: int,
    temperature: float,
    sample: int,
    body: dict[str, Any] | None = None,
) -> str:
    """The cache key of one request: SHA-256 of the canonical JSON of model, request, sample and schema."""
    payload = {
        "schema": CACHE_SCHEMA,
        "model": identity,
        "request": {
            "messages": messages,
            "max_tokens": int(max_tokens),
            "temperature": float(temperature),
            "body": body or {},
        },
        "sample": int(sample),
    }
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    stored: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"hits": self.hits, "misses": self.misses, "stored": self.stored}


def storable(completion: Completion) -> bool:
    """Whether an answer may be stored: asked now (not a hit) and `complete_answer`."""
    return not completion.cached and complete_answer(completion.text, completion.metrics.finish_reason)


def complete_answer(text: str, finish_reason: str | None) -> bool:
    """Whether an answer is complete: finished for a reason that is not one of INCOMPLETE_FINISH_REASONS, and not
    empty - an empty answer is a server fault (answer_health) that the key of an attached server cannot see being
    fixed; asking again costs a request, serving it would cost the answer. Checked when an answer is stored and
    again when one is read: a row an older version stored, or another program wrote, is never served."""
    if finish_reason is None or finish_reason in INCOMPLETE_FINISH_REASONS:
        return False
    return bool(text.strip())


def stored_answer(text: Any, reasoning: Any, metrics: Any) -> Completion | None:
    """The hit a stored row makes; None when the row is no complete answer (`complete_answer`) or cannot be read
    (metrics that are not a JSON object or hold a value of the wrong kind - `stored_metrics` -, a text that is not
    text)."""
    try:
        data = json.loads(metrics)
    except (TypeError, ValueError, RecursionError):  # RecursionError: JSON nested past the parser's limit
        return None
    if not isinstance(data, dict) or not isinstance(text, str) or not isinstance(reasoning, str):
        return None
    reason = data.get("finish_reason")
    if not complete_answer(text, reason if isinstance(reason, str) else None):
        return None
    try:
        return Completion(text, reasoning, stored_metrics(data), cached=True)
    except (TypeError, ValueError):
        return None


class DamagedMetrics(ValueError):
    """A stored answer's metrics hold a value no request measures (text for a time, a negative count)."""


def stored_metrics(data: dict[str, Any]) -> RequestMetrics:
    """The metrics of a stored answer, whatever fields `RequestMetrics` has gained or lost since it was stored (a
    field the row lacks is None). A value of the wrong kind for its field - `"ttft_s": "abc"`, `"prompt_tokens":
    "12"`, a list, a negative or not finite number, true for a count - raises DamagedMetrics: such a row was
    damaged or written by another program, and served as a hit it broke the aggregates and reports."""
    values: dict[str, Any] = {name: data.get(name) for name in _METRIC_FIELDS}
    for name, value in values.items():
        if value is not None and not any(_fits(value, kind) for kind in _METRIC_FIELDS[name]):
            raise DamagedMetrics(f"stored metrics: {name} = {value!r} is not a {_METRIC_FIELDS[name][0].__name__}")
    return RequestMetrics(**values)


def _fits(value: Any, kind: type) -> bool:
    """Whether a stored metrics value can be a field of `kind`: a finite number not below 0 for a time or rate
    (float), a whole number not below 0 for a count (int; not a bool), or a value of the kind itself."""
    if isinstance(value, bool):
        return kind is bool
    if kind is float:
        return isinstance(value, int | float) and math.isfinite(value) and value >= 0
    if kind is int:
        return isinstance(value, int) and value >= 0
    return isinstance(value, kind)


def _metric_fields() -> dict[str, tuple[type, ...]]:
    """RequestMetrics' stored fields (not the inter-token latencies, never stored) -> the kinds of value each
    takes (None aside)."""
    hints = typing.get_type_hints(RequestMetrics)
    kinds: dict[str, tuple[type, ...]] = {}
    for found in dataclasses.fields(RequestMetrics):
        if found.name == "itl_s":
            continue
        options = typing.get_args(hints[found.name]) if typing.get_origin(hints[found.name]) is not None else ()
        allowed = options or (hints[found.name],)
        kinds[found.name] = tuple(typing.get_origin(kind) or kind for kind in allowed if kind is not type(None))
    return kinds


_METRIC_FIELDS = _metric_fields()


def _answer_columns() -> set[str]:
    """The columns of the answers table, as _TABLES creates it."""
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        conn.executescript(_TABLES)
        return {row[1] for row in conn.execute("PRAGMA table_info(answers)")}


def unreadable_cache(path: Path) -> str | None:
    """Why an existing file cannot serve as the answer cache (not a SQLite database, unreadable), in words with
    the fix; None when it can (or does not exist yet). Checked before the run, read-only: a damaged file would
    otherwise fail every case's request one by one."""
    if not path.exists():
        return None
    if path.is_dir():
        return f"--llm-cache-path {path}: is a folder. Fix: name a file, e.g. {path / 'cache.sqlite'}"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=START_CHECK_TIMEOUT_S)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            columns = {row[1] for row in conn.execute("PRAGMA table_info(answers)")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if held_by_another(exc):
            return locked_message(path, exc)
        return (
            f"--llm-cache-path {path}: cannot be read as the answer cache ({exc}). Fix: delete it (the cache is "
            "rebuilt as cases are asked) or choose another file with --llm-cache-path=FILE"
        )
    missing = sorted(_answer_columns() - columns)
    if tables and missing:  # another program's database, or a cache of another layout: never written to
        found = (
            f"its table answers lacks {', '.join(missing)}"
            if columns
            else f"it has no table answers ({len(tables)} other table(s))"
        )
        return (
            f"--llm-cache-path {path}: is a SQLite database but not an answer cache ({found}). Fix: choose "
            "another file with --llm-cache-path=FILE, or delete it if it is an old cache"
        )
    return _damaged_or_locked(path)


def _damaged_or_locked(path: Path) -> str | None:
    """Why an existing answer cache cannot be used for this run: pages damaged past the header (SQLite's quick
    check reads every page), a file this user may not write, or a write lock another program holds (an open
    `sqlite3` shell): each would otherwise fail or stall every case's request. None when it can be used."""
    fix = "Fix: delete it (the cache is rebuilt as cases are asked) or choose another file with --llm-cache-path=FILE"
    try:
        with contextlib.closing(
            sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=START_CHECK_TIMEOUT_S)
        ) as conn:
            found = [row[0] for row in conn.execute("PRAGMA quick_check").fetchmany(3)]
    except sqlite3.Error as exc:
        return (
            locked_message(path, exc)
            if held_by_another(exc)
            else f"--llm-cache-path {path}: cannot be read as the answer cache ({exc}). {fix}"
        )
    if found != ["ok"]:
        return f"--llm-cache-path {path}: the answer cache is damaged ({'; '.join(map(str, found))}). {fix}"
    if not os.access(path, os.W_OK):
        return (
            f"--llm-cache-path {path}: the answer cache is read-only for this user. Fix: make it writable "
            "(chmod u+w), or choose another file with --llm-cache-path=FILE"
        )
    try:  # take the write lock and give it back at once: nothing is written
        with contextlib.closing(sqlite3.connect(path, timeout=START_CHECK_TIMEOUT_S, isolation_level=None)) as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        return locked_message(path, exc)
    return None


def held_by_another(exc: sqlite3.Error) -> bool:
    """Whether SQLite failed because another connection holds the file's lock (SQLITE_BUSY, SQLITE_LOCKED): a
    healthy cache, which deleting would lose."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def locked_message(path: Path, exc: sqlite3.Error) -> str:
    return (
        f"--llm-cache-path {path}: the answer cache cannot be written ({exc}; another program may hold it "
        "open for writing). Fix: close that program, or choose another file with --llm-cache-path=FILE"
    )


class AnswerCache:
    """The SQLite answer store; also the memo of model files' hashes (`serving.file_hashes.HashMemo`)."""

    def __init__(self, path: Path, busy_timeout_s: float = BUSY_TIMEOUT_S) -> None:
        self.path = path
        self.busy_timeout_s = busy_timeout_s
        self.stats = CacheStats()
        self._conn: sqlite3.Connection | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()
        self.failed: str | None = None  # why the cache stopped working in this process; then it is left alone

    # -- connection -------------------------------------------------------------------------
    def _db(self) -> sqlite3.Connection:
        """This process's one connection (a forked child opens its own)."""
        if self._conn is None or self._pid != os.getpid():
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(
                    self.path, timeout=self.busy_timeout_s, isolation_level=None, check_same_thread=False
                )
                conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_s * 1000)}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                conn.executescript(_TABLES)
            except (OSError, sqlite3.Error) as exc:
                raise CacheError(
                    f"--llm-cache {self.path}: cannot open the answer cache ({exc}). Fix: choose a writable "
                    "file with --llm-cache-path=FILE, or delete a damaged one"
                ) from None
            self._conn, self._pid = conn, os.getpid()
        return self._conn

    def close(self) -> None:
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None

    # -- answers ----------------------------------------------------------------------------
    def _give_up(self, doing: str, exc: Exception) -> None:
        """The cache failed during the run (damaged, locked or made read-only after the start): say so once and
        leave it alone for the rest of this process's run - every case is then asked, and its answer kept."""
        if self.failed is None:
            self.failed = f"{doing} failed: {exc}"
            warnings.warn(
                CacheWarning(
                    f"--llm-cache {self.path}: {self.failed}; the rest of this run asks the model without the "
                    "cache (no answer is lost). Fix: delete the file if it is damaged, or close the program that "
                    "holds it, then run again"
                ),
                stacklevel=3,
            )

    def get(self, key: str) -> Completion | None:
        """The stored answer under `key`; None when there is none, when the cache cannot be read, or when the row
        is no complete answer (`stored_answer`: it is then removed, so that this run's answer takes its place)."""
        with self._lock:
            if self.failed is not None:
                self.stats.misses += 1
                return None
            try:
                db = self._db()
                row = db.execute(
                    "SELECT text, reasoning, metrics, stored_at FROM answers WHERE key = ?", (key,)
                ).fetchone()
                hit = None if row is None else stored_answer(*row[:3])
                if row is not None and hit is None:  # only that row: another process may have replaced it since
                    db.execute("DELETE FROM answers WHERE key = ? AND stored_at IS ?", (key, row[3]))
            except (sqlite3.Error, CacheError) as exc:
                self._give_up("reading an answer", exc)
                hit = None
            if hit is None:
                self.stats.misses += 1
                return None
            self.stats.hits += 1
        return hit

    def put(self, key: str, completion: Completion, model: str, identity: str) -> bool:
        """Store a complete answer (`storable`); the first answer under a key stays."""
        if not storable(completion):
            return False
        metrics = {k: v for k, v in vars(completion.metrics).items() if k != "itl_s"}
        with self._lock:
            if self.failed is not None:
                return False
            try:
                cursor = self._db().execute(
                    "INSERT OR IGNORE INTO answers (key, model, identity, text, reasoning, metrics, stored_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (key, model, identity, completion.text, completion.reasoning, json.dumps(metrics), time.time()),
                )
            except (sqlite3.Error, CacheError) as exc:  # the answer is the caller's still: only storing it failed
                self._give_up("storing an answer", exc)
                return False
            stored = cursor.rowcount == 1
            self.stats.stored += stored
        return stored

    def count(self) -> int:
        with self._lock:
            return int(self._db().execute("SELECT COUNT(*) FROM answers").fetchone()[0])

    # -- file hashes (HashMemo) ---------------------------------------------------------------
    def file_hash(self, path: str, stamp: str) -> str | None:
        """The remembered SHA-256 of a model file with this stamp (`identity.file_stamp`); None when unknown
        (hashed again)."""
        with self._lock:
            if self.failed is not None:
                return None
            try:
                row = (
                    self._db()
                    .execute("SELECT sha256 FROM file_stamps WHERE path = ? AND stamp = ?", (path, stamp))
                    .fetchone()
                )
            except (sqlite3.Error, CacheError) as exc:
                self._give_up("reading a model file's hash", exc)
                return None
        return None if row is None else str(row[0])

    def remember_file_hash(self, path: str, stamp: str, digest: str) -> None:
        """Remember a file's hash at this stamp, in place of the hash of an older version of the file."""
        with self._lock:
            if self.failed is not None:
                return
            try:
                self._db().execute(
                    "INSERT OR REPLACE INTO file_stamps (path, stamp, sha256) VALUES (?, ?, ?)", (path, stamp, digest)
                )
            except (sqlite3.Error, CacheError) as exc:
                self._give_up("storing a model file's hash", exc)


class Client(Protocol):
    def complete(
        self,
        messages: list[dict[str, Any]],
        max_tokens: int,
        temperature: float = 0.0,
        extra_body: dict[str, Any] | None = None,
    ) -> Completion: ...


class CachingClient:
    """Stands in for `ChatClient` in `evaluate_case`: answers from the cache when it can, and otherwise asks
    the model through the client `connect()` returns - called on the first miss only, so a run whose
    answers are all known never starts the model's server."""

    def __init__(
        self,
        cache: AnswerCache,
        model: str,
        identity: dict[str, Any],
        thinking: str,
        sample: int,
        connect: Callable[[], Client],
    ) -> None:
        from .identity import identified, identity_hash

        self.cache = cache
        self.model = model
        self.identity = identity
        self.identity_hash = identity_hash(identity)
        self.identified = identified(identity)
        self.thinking = thinking
        self.sample = sample
        self.connect = connect

    def complete(
        self,
        messages: list[dict[str, Any]],
        max_tokens: int,
        temperature: float = 0.0,
        extra_body: dict[str, Any] | None = None,
        cache_salt: str | None = None,
    ) -> Completion:
        """`cache_salt` (vLLM's prefix-cache salt) is passed on but is not part of the key: it decides which
        cached prefixes the server may reuse, not the answer."""
        salt: dict[str, Any] = {"cache_salt": cache_salt} if cache_salt else {}
        if not self.identified:  # known by its name alone: another model's answers may be stored under it
            return self.connect().complete(messages, max_tokens, temperature, extra_body, **salt)
        body = {**thinking_body(self.thinking), **(extra_body or {})}
        key = request_key(self.identity, messages, max_tokens, temperature, self.sample, body)
        hit = self.cache.get(key)
        if hit is not None:
            return hit
        completion = self.connect().complete(messages, max_tokens, temperature, extra_body, **salt)
        self.cache.put(key, completion, self.model, self.identity_hash)
        return completion
