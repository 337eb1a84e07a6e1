"""Red team round 4: secrets in `pytest --debug`'s log, and the answer cache's faults, against the fake server.

- `pytest --debug` writes the command line (a URL's userinfo, a query key, a judge URL, a key given where its
  variable's name goes) to pytestdebug.log before any plugin is loaded: the plugin writes the log again without
  them, and every later line (each hook call) goes through the same hiding;
- the hidden-secrets set is process-global: a later in-process run with no secret keeps its answers and labels;
- the answer cache (.llmeval/cache.sqlite): a corrupt, foreign, older-layout or locked file is one clear message
  before the run; a disk that fills or a file that breaks mid-run keeps the answer and warns once; an incomplete
  or failed answer is never stored; two processes writing agree; no stored row holds a secret in plain text;
- Ctrl-C (twice) during the last case keeps every answer already measured and leaves no process behind.
"""

from __future__ import annotations

import json
import multiprocessing
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import pytest

from pytest_llmeval.serving.cache import (
    AnswerCache,
    CacheWarning,
    CachingClient,
    request_key,
    unreadable_cache,
)
from pytest_llmeval.serving.client import Completion, LLMRequestError, RequestMetrics, hide_secrets
from pytest_llmeval.serving.credentials import hide_secrets_in_debug_log
from pytest_llmeval.serving.identity import keyed_url
from pytest_llmeval.testing.openai_fake import FakeServer
from pytest_llmeval.testing.sample_cases import two_cases

SECRET = "hunter2-Sup3rS3cretKey"  # noqa: S105 - a made-up key


def pieces(secret: str) -> set[str]:
    size = min(8, len(secret))
    return {secret[i : i + size] for i in range(len(secret) - size + 1)}


def leaked(text: str, secret: str) -> list[str]:
    return sorted(piece for piece in pieces(secret) if piece in text)


# -- pytest --debug ------------------------------------------------------------------------------------------------
DEBUG_ARGS = {  # how the secret is given on the command line -> (args before the fake URL is known, as a function)
    "base-url-userinfo": lambda url: ["--llm-base-url", url.replace("http://", f"http://user:{SECRET}@")],
    "base-url-equals": lambda url: [f"--llm-base-url={url.replace('http://', f'http://:{SECRET}@')}"],
    "base-url-query-key": lambda url: ["--llm-base-url", f"{url}?api_key={SECRET}"],
    "base-url-percent-encoded": lambda url: [
        "--llm-base-url",
        url.replace("http://", f"http://u:{SECRET.replace('-', '%2D')}@"),
    ],
    "judge-userinfo": lambda url: ["--llm-base-url", url, "--llm-judge", f"{url.replace('//', f'//j:{SECRET}@')}@m1"],
    "key-where-the-name-goes": lambda url: ["--llm-base-url", url, "--llm-api-key-env", SECRET],
}


@pytest.mark.parametrize("given", list(DEBUG_ARGS))
def test_pytest_debug_log_holds_no_credential_from_the_command_line(llm_project, given):
    """Before: pytestdebug.log began `args=('--llm-base-url', 'http://user:hunter2-...@127.0.0.1:.../v1', ...)`."""
    llm_project.scenario("s.yaml", two_cases("echo"))
    with FakeServer(answers=lambda _r: "甲项、乙项") as fake:
        result = llm_project.run(*DEBUG_ARGS[given](fake.base_url), "--llm-model", "m1", "--debug")
    log = (llm_project.path / "pytestdebug.log").read_text(encoding="utf-8", errors="replace")
    assert "args=" in log and "pytest_configure" in log  # the log was written, the hook trace with it
    assert not leaked(log, SECRET), given
    out = result.stdout.str() + result.stderr.str()
    assert not leaked(out, SECRET)


def test_a_debug_log_that_cannot_be_read_back_is_hidden_from_then_on(tmp_path):
    """A writer that is no file (a plugin's own): nothing is rewritten, later lines are hidden."""

    class Root:
        def __init__(self) -> None:
            self.lines: list[str] = []
            self._writer = self.lines.append

        def setwriter(self, writer):
            self._writer = writer

    root = Root()
    assert hide_secrets_in_debug_log(root, lambda text: text.replace(SECRET, "***"))
    root._writer(f"pytest_runtest_logreport http://u:{SECRET}@h/v1")
    assert root.lines == ["pytest_runtest_logreport http://u:***@h/v1"]
    assert hide_secrets_in_debug_log(root, hide_secrets)  # a second call does not wrap twice
    assert not hide_secrets_in_debug_log(type("NoLog", (), {"_writer": None, "setwriter": print})(), hide_secrets)


def test_an_earlier_runs_secrets_do_not_rewrite_a_later_runs_answers(llm_project):
    """The hidden-secrets set outlives a pytester run: a later run whose model quotes the same text keeps it in the
    answer it records (only error texts and logs are hidden)."""
    llm_project.scenario("s.yaml", two_cases("echo"))
    with FakeServer(answers=lambda _r: "甲项、乙项") as fake:
        llm_project.run("--llm-base-url", fake.base_url.replace("http://", f"http://u:{SECRET}@"), "--llm-model", "m1")
    with FakeServer(answers=lambda _r: f"甲项、乙项 {SECRET}") as fake:
        llm_project.run("--llm-base-url", fake.base_url, "--llm-model", "m1")
    answers = [c.get("answer") or c.get("response") for c in llm_project.results()["cases"]]
    assert answers and all(SECRET in str(a) for a in answers), answers


# -- the answer cache: files that cannot serve -----------------------------------------------------------------
def _sqlite_with(sql: str, path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.executescript(sql)
    conn.close()
    return path


BAD_FILES = {
    "random-bytes": lambda p: (p.write_bytes(bytes(range(256)) * 16), p)[1],
    "text-file": lambda p: (p.write_text("key,answer\n1,甲项\n", encoding="utf-8"), p)[1],
    "truncated-sqlite-header": lambda p: (p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20), p)[1],
    "older-layout-no-reasoning": lambda p: _sqlite_with(
        "CREATE TABLE answers (key TEXT PRIMARY KEY, model TEXT, text TEXT, metrics TEXT, stored_at REAL);", p
    ),
    "another-programs-database": lambda p: _sqlite_with("CREATE TABLE users (id INTEGER, name TEXT);", p),
    "a-folder": lambda p: p.mkdir() or p,
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_cache_file_that_cannot_serve_is_one_message_with_the_fix(tmp_path, kind):
    path = BAD_FILES[kind](tmp_path / "cache.sqlite")
    message = unreadable_cache(path)
    assert message and "Fix:" in message and str(path) in message, message


def test_a_damaged_page_past_the_header_is_found_before_the_run(tmp_path):
    path = tmp_path / "cache.sqlite"
    cache = AnswerCache(path)
    for i in range(300):
        cache.put(f"k{i}", _answer(f"答{i}" * 50), "m1", "id")
    cache.close()
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 512] = b"\xff" * 512  # a page in the middle
    path.write_bytes(bytes(data))
    message = unreadable_cache(path)
    assert message and "Fix:" in message, message


def test_an_empty_file_and_a_cache_of_this_layout_serve(tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert unreadable_cache(empty) is None
    good = tmp_path / "good.sqlite"
    AnswerCache(good).put("k", _answer("甲项"), "m1", "id")
    assert unreadable_cache(good) is None


def test_a_cache_locked_by_another_program_is_named_as_locked_not_damaged(tmp_path):
    path = tmp_path / "cache.sqlite"
    AnswerCache(path).put("k", _answer("甲项"), "m1", "id")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        start = time.monotonic()
        message = unreadable_cache(path)
        assert time.monotonic() - start < 15
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert message and "another program" in message and "delete" not in message.split("Fix:")[1], message


# -- the answer cache during the run ---------------------------------------------------------------------------------
def _answer(text: str, finish: str | None = "stop", **metrics: Any) -> Completion:
    return Completion(text, "", RequestMetrics(0.1, 0.5, 10, 5, 0.01, 100.0, finish_reason=finish, **metrics))


class _FullDisk:
    """A connection whose writes fail as SQLite's do on a full disk; reads pass."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, *args: Any) -> Any:
        if sql.lstrip().upper().startswith(("INSERT", "DELETE", "UPDATE")):
            raise sqlite3.OperationalError("database or disk is full")
        return self.conn.execute(sql, *args)


class _Model:
    def __init__(self, reply: Completion | BaseException) -> None:
        self.reply, self.asked = reply, 0

    def complete(self, messages, max_tokens, temperature=0.0, extra_body=None, **_salt) -> Completion:
        self.asked += 1
        if isinstance(self.reply, BaseException):
            raise self.reply
        return self.reply


IDENTITY = {"strength": "strong", "weights": "sha256:abc", "base_url": "http://h:8000/v1"}
MESSAGES = [{"role": "user", "content": "列出甲项。"}]


def _client(cache: AnswerCache, model: _Model, identity: dict[str, Any] = IDENTITY) -> CachingClient:
    return CachingClient(cache, "m1", identity, "off", 0, lambda: model)


def test_a_full_disk_on_write_keeps_the_answer_and_warns_once(tmp_path):
    cache = AnswerCache(tmp_path / "cache.sqlite")
    cache.count()
    cache._conn = _FullDisk(cache._db())  # type: ignore[assignment]
    model = _Model(_answer("甲项"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = [_client(cache, model).complete(MESSAGES, 64) for _ in range(3)]
    assert [c.text for c in got] == ["甲项"] * 3 and model.asked == 3
    found = [w for w in caught if issubclass(w.category, CacheWarning)]
    assert len(found) == 1 and "disk is full" in str(found[0].message) and "no answer is lost" in str(found[0].message)


@pytest.mark.parametrize(
    "reply",
    [
        _answer("甲项", finish=None),
        _answer("甲项", finish="abort"),
        _answer("甲项", finish="error"),
        _answer("甲项", finish="content_filter"),
        _answer(""),
        _answer(" \n\t"),
        Completion("甲项", "", RequestMetrics(0.1, 0.5, 10, 5, 0.01, 100.0, finish_reason="stop"), cached=True),
    ],
    ids=["cut-stream", "abort", "error", "content-filter", "empty", "blank", "already-a-hit"],
)
def test_an_incomplete_answer_is_never_stored(tmp_path, reply):
    cache = AnswerCache(tmp_path / "cache.sqlite")
    _client(cache, _Model(reply)).complete(MESSAGES, 64)
    assert cache.count() == 0


@pytest.mark.parametrize(
    "error",
    [
        LLMRequestError("http 500", "http", 500),
        LLMRequestError("timed out", "timeout"),
        LLMRequestError("stream cut", "stream"),
        ConnectionResetError("reset"),
        KeyboardInterrupt(),
    ],
    ids=["http-500", "timeout", "stream", "reset", "ctrl-c"],
)
def test_a_failed_request_is_never_stored_and_its_error_goes_on(tmp_path, error):
    cache = AnswerCache(tmp_path / "cache.sqlite")
    with pytest.raises(type(error)):
        _client(cache, _Model(error)).complete(MESSAGES, 64)
    assert cache.count() == 0
    assert _client(cache, _Model(_answer("甲项"))).complete(MESSAGES, 64).cached is False  # asked again


def test_a_stored_answer_is_served_after_and_a_damaged_row_is_asked_again(tmp_path):
    cache = AnswerCache(tmp_path / "cache.sqlite")
    _client(cache, _Model(_answer("甲项"))).complete(MESSAGES, 64)
    assert _client(cache, _Model(RuntimeError("not asked"))).complete(MESSAGES, 64).cached
    cache._db().execute('UPDATE answers SET metrics = \'{"finish_reason": "stop", "e2e_s": "abc"}\'')
    model = _Model(_answer("乙项"))
    assert _client(cache, model).complete(MESSAGES, 64).text == "乙项" and model.asked == 1


def _write_many(path: str, worker: int, keys: int) -> None:
    cache = AnswerCache(Path(path))
    for i in range(keys):
        cache.put(f"k{i}", _answer(f"worker{worker}-{i}"), "m1", "id")
        cache.get(f"k{(i * 7) % keys}")
    cache.close()


def test_two_processes_writing_the_same_keys_agree_and_lose_none(tmp_path):
    """Two xdist workers on one cache file: every key stored once, the first answer stays, no error."""
    path = tmp_path / "cache.sqlite"
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_write_many, args=(str(path), w, 60)) for w in range(2)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(50)
    assert [proc.exitcode for proc in procs] == [0, 0]
    cache = AnswerCache(path)
    assert cache.count() == 60
    assert unreadable_cache(path) is None


SECRET_URLS = [
    f"http://user:{SECRET}@h:8000/v1",
    f"http://:{SECRET}@h:8000/v1",
    f"http://h:8000/v1?api_key={SECRET}",
    f"http://h:8000/v1?api-version=2024-06-01&token={SECRET}",
    f"https://u:{SECRET.replace('-', '/')}@h/v1",
]


@pytest.mark.parametrize("url", SECRET_URLS)
def test_no_stored_row_holds_a_secret_and_a_rotated_key_keeps_the_key(tmp_path, url):
    """The identity of an attached server is its URL without credentials (keyed_url), and what a row stores - the
    answer, its metrics with a fleet retry's message - holds no secret: the file's bytes are searched."""
    identity = {"strength": "weak", "base_url": keyed_url(url), "model": "m1"}
    assert SECRET not in json.dumps(identity) and SECRET.replace("-", "/") not in json.dumps(identity)
    retry = {"from": "http://h:8000/v1", "error": "http", "message": hide_secrets(f"401 bad key {url}")}
    cache = AnswerCache(tmp_path / "cache.sqlite")
    _client(cache, _Model(_answer("甲项", retry=retry)), identity).complete(MESSAGES, 64)
    cache.close()
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("cache.sqlite*")).decode("utf-8", errors="replace")
    assert cache.count() == 1
    assert not leaked(stored, SECRET) and not leaked(stored, SECRET.replace("-", "/"))
    rotated = {"strength": "weak", "base_url": keyed_url(url.replace(SECRET, "another-key-2")), "model": "m1"}
    assert request_key(rotated, MESSAGES, 64, 0.0, 0) == request_key(identity, MESSAGES, 64, 0.0, 0)


# -- Ctrl-C twice during the last case: no answer lost, no process left --------------------------------------------
EIGHT = "suite: eight\ncases:\n" + "".join(
    f"  - id: c{i}\n    category: t\n    question: 第{i}题：列出甲项。\n    key_points: [甲项]\n" for i in range(8)
)


_LAST_ASKED = threading.Event()  # set when the last case's request arrives, before its answer (which takes 30 s)
_RELEASE_LAST = threading.Event()  # set by the test once the run has ended: the answer's wait ends with it


def _slow_last(req: dict[str, Any]) -> str:
    if "第7题" in json.dumps(req.get("messages", []), ensure_ascii=False):
        _LAST_ASKED.set()
        _RELEASE_LAST.wait(30)  # the server's shutdown waits for this handler: not 30 s after the run ended
    return "甲项"


@pytest.mark.parametrize("xdist", [[], ["-n", "2"]], ids=["serial", "xdist"])
def test_ctrl_c_twice_during_the_last_case_keeps_every_measured_answer(llm_project, xdist):
    import psutil

    llm_project.scenario("eight.yaml", EIGHT)
    _LAST_ASKED.clear()
    _RELEASE_LAST.clear()
    report = llm_project.path / "llmeval-report"
    with FakeServer(answers=_slow_last) as fake:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--llm-base-url", fake.base_url]
            + ["--llm-model", "m1", "--llm-concurrency", "1", "--llm-warmup", "0", "--llm-cache", *xdist],
            cwd=llm_project.path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            # an xdist worker (the CI's -n) ignores SIGINT, and a child inherits that: the run never saw the Ctrl-C
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        # the fake server records a request once answered: wait for the last one to arrive instead (a loaded CI
        # host took over 50 s to get there, and the Ctrl-C came after the run had ended)
        assert _LAST_ASKED.wait(timeout=150), "the last case was never asked"
        time.sleep(0.3)
        children = psutil.Process(proc.pid).children(recursive=True)
        proc.send_signal(signal.SIGINT)
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=50)
        _RELEASE_LAST.set()
        questions = [json.dumps(body, ensure_ascii=False) for path, body in fake.received if "completions" in path]
    answered = {f"c{i}" for i in range(7) if any(f"第{i}题" in question for question in questions)}
    # the second Ctrl-C came while pytest handled the first: it ends the process as the user asked (killed by
    # SIGINT, the shell's 130), and what was measured is on disk already
    assert proc.returncode in (pytest.ExitCode.INTERRUPTED, -signal.SIGINT), out[-3000:]
    results = report / "results.json"
    if results.is_file():  # written whole or not at all (a temporary file renamed)
        json.loads(results.read_text(encoding="utf-8"))
    held = set()
    for path in [report / "cases.jsonl", *sorted((report / ".asked-ahead").glob("*.jsonl"))]:
        for line in path.read_text(encoding="utf-8").splitlines() if path.is_file() else ():
            held.add(json.loads(line)["scenario_id"])
    # under xdist a worker may hold one answer between the server's reply and its report when the controller dies
    # (the CI's loaded host: c6 answered on one worker while the last case was asked on the other) - its answer is in
    # the answer cache (checked below), which a rerun with --llm-cache reads instead of asking again
    missing = answered - held
    assert len(answered) >= 4 and len(missing) <= (1 if xdist else 0), (sorted(answered), sorted(held), out[-3000:])
    _, alive = psutil.wait_procs(children, timeout=10)
    assert not alive
    cache = AnswerCache(llm_project.path / ".llmeval" / "cache.sqlite")
    assert cache.count() >= len(answered) and unreadable_cache(cache.path) is None


# Azure Functions' function key travels as ?code=: a credential (review of round 4), found by name only as a whole word
@pytest.mark.parametrize(
    ("url", "hidden"),
    [
        ("https://fn.azurewebsites.net/api/v1?code=AbCdEf123456789xyz==", True),
        ("https://fn.azurewebsites.net/api/v1?CODE=AbCdEf123456789xyz", True),
        ("https://h.example/v1?country_code=CN12345678", False),
        ("https://h.example/v1?api-version=2024-10-21", False),
    ],
)
def test_a_function_key_in_code_is_a_credential(url: str, hidden: bool) -> None:
    from pytest_llmeval.serving.credentials import credential_values
    from pytest_llmeval.serving.identity import keyed_url

    value = url.partition("=")[2]
    assert (value in credential_values([url], every_query_value=False)) is hidden
    assert (value in keyed_url(url)) is not hidden
