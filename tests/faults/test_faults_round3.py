"""Red team round 3: secrets in every shape a key is written in, and faults that lose nothing, against the fake
server (`FakeServer(raw=...)` writes any reply: a 429, a 200 with an error body, an empty choices list, a cut or
garbled stream, a hang).

- a key (8-200 characters: plain, base64 with `/+=`, a JWT) that a server echoes in its error, as written, JSON
  escaped (`\\/`) or percent-encoded, at any place in a long error text: never in a record, a report, a log or the
  terminal, and no piece of it either (a message cut after a key's first characters showed them);
- a server that answers no choice at all (an empty `choices` list, in a stream or a plain completion) gave no
  answer: the case errors, never an empty answer of the model scored 0 in a run called complete;
- every fault (HTTP 429/500/503, a 200 with an error body, garbage, a cut stream, a hang) is the case's error with
  its kind, and the run keeps every answer already measured.
"""

from __future__ import annotations

import base64
import json
import random
import string
from collections.abc import Callable
from typing import Any

import pytest

from pytest_llmeval.evaluation.evaluate import error_info
from pytest_llmeval.serving.client import ChatClient, LLMRequestError, remember_secret
from pytest_llmeval.serving.endpoint import Endpoint
from pytest_llmeval.testing.openai_fake import HANG, FakeServer
from pytest_llmeval.testing.sample_cases import ANSWER_COVERING_ALL, two_cases

MESSAGES = [{"role": "user", "content": "第一题：列出甲项和乙项。"}]
_RANDOM = random.Random(20261204)


def _key(length: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(_RANDOM.choice(alphabet) for _ in range(length))


def _jwt() -> str:
    def part(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part({'sub': _key(12), 'exp': 1999999999})}.{_key(43)}"


KEYS = {
    "8-chars": _key(8),
    "16-chars": "sk-" + _key(13),
    "openai-like": "sk-proj-" + _key(48),
    "200-chars": _key(200),
    "base64": base64.b64encode(bytes(_RANDOM.randrange(256) for _ in range(30))).decode() + "/+" + _key(6) + "==",
    "jwt": _jwt(),
}


def pieces(secret: str) -> set[str]:
    """Every piece of `secret` long enough to be told for it: 8 characters (all of a key that short)."""
    size = min(8, len(secret))
    return {secret[i : i + size] for i in range(len(secret) - size + 1)}


def leaked(text: str, secret: str) -> list[str]:
    return sorted(piece for piece in pieces(secret) if piece in text)


def http_reply(status: int, body: bytes, ctype: str = "application/json", reason: str = "X") -> bytes:
    head = f"HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\nConnection: close"
    return head.encode() + b"\r\n\r\n" + body


def sse_reply(*events: bytes, done: bool = True) -> bytes:
    body = b"".join(b"data: " + event + b"\n\n" for event in events) + (b"data: [DONE]\n\n" if done else b"")
    return http_reply(200, body, "text/event-stream")


def ask(raw: Callable[[dict[str, Any]], bytes | None], key: str | None = None, timeout_s: float = 10.0) -> Any:
    """Ask one question of a fake server that replies `raw`; the completion, or the case's error record."""
    with FakeServer(raw=raw) as fake:
        client = ChatClient(Endpoint(fake.base_url, "m1"), timeout_s=timeout_s)
        remember_secret(key)
        try:
            return client.complete(MESSAGES, max_tokens=16)
        except LLMRequestError as exc:
            return error_info(exc)
        finally:
            client.close()


# -- a key echoed by a server, in every form ----------------------------------------------------------------------
def _echoes(key: str) -> dict[str, bytes]:
    """Replies of servers that echo `key`: as written, JSON-escaped inside a message, percent-encoded, after 480
    characters of text (where a message is cut), in an error event of a stream, in an event that is no object."""
    escaped = json.dumps(key)[1:-1].replace("/", "\\/")  # as a JSON writer that escapes '/' (PHP, some proxies)
    from urllib.parse import quote

    def error(message: str, status: int = 401) -> bytes:
        return http_reply(status, json.dumps({"error": {"message": message}}).encode())

    return {
        "as-written-401": error(f"Incorrect API key provided: Bearer {key}"),
        "json-dump-in-message": error(f'upstream refused {{"headers": {{"Authorization": "Bearer {escaped}"}}}}', 400),
        "percent-encoded-429": error(f"rate limited for GET /v1/usage?api_key={quote(key, safe='')}", 429),
        "after-480-chars-500": error("x" * 480 + f" Bearer {key} " + "y" * 40, 500),
        "text-page-502": http_reply(
            502, f"<html>Bad gateway: Authorization: Bearer {key}</html>".encode(), "text/html"
        ),
        "200-error-body": http_reply(200, json.dumps({"error": {"message": f"invalid key {key}"}}).encode()),
        "sse-error-event": sse_reply(json.dumps({"error": {"message": f"key {key} revoked"}}).encode(), done=False),
        **{
            f"sse-non-object-event-{offset}": sse_reply(json.dumps(["z" * offset + f" Bearer {key}"]).encode())
            for offset in (380, 430, 455, 470)
        },
        **{
            f"sse-error-event-after-{offset}": sse_reply(
                json.dumps({"error": {"message": "z" * offset + f" Bearer {key}"}}).encode(), done=False
            )
            for offset in (430, 470)
        },
        "plain-json-list": http_reply(200, json.dumps([f"Authorization: Bearer {key}"]).encode()),
    }


ECHO_NAMES = list(_echoes("k" * 8))


@pytest.mark.parametrize("shape", list(KEYS))
@pytest.mark.parametrize("echo", ECHO_NAMES)
def test_a_key_a_server_echoes_is_in_no_error_record_in_any_form(shape, echo):
    key = KEYS[shape]
    reply = _echoes(key)[echo]
    got = ask(lambda _req: reply, key)
    assert isinstance(got, dict), got  # an error, never an answer
    assert not leaked(json.dumps(got, ensure_ascii=False), key), got["message"]


# -- a server that answers no answer -------------------------------------------------------------------------------
def _chunk(content: str | None = None, finish: str | None = None, choices: bool = True) -> bytes:
    choice = {"index": 0, "delta": {"content": content} if content else {}, "finish_reason": finish}
    return json.dumps({"id": "x", "object": "chat.completion.chunk", "choices": [choice] if choices else []}).encode()


USAGE = json.dumps({"id": "x", "choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": 0}}).encode()
WHOLE_EMPTY = json.dumps({"id": "x", "object": "chat.completion", "choices": [], "usage": {"prompt_tokens": 5}})
SERVER_FAULTS: dict[str, tuple[bytes, str]] = {
    # reply -> the error's kind: each is a failed request, never an answer of the model
    "http-429": (http_reply(429, b'{"error": {"message": "Too Many Requests"}}'), "http"),
    "http-500": (http_reply(500, b'{"error": {"message": "boom"}}'), "http"),
    "http-503-html": (http_reply(503, b"<html>Service Unavailable</html>", "text/html"), "http"),
    "http-404-model": (http_reply(404, b'{"error": {"message": "The model `m1` does not exist."}}'), "http"),
    "200-error-body": (http_reply(200, b'{"error": {"message": "overloaded", "code": 503}}'), "stream"),
    "200-object-error": (http_reply(200, b'{"object": "error", "message": "overloaded", "code": 503}'), "stream"),
    "200-garbage": (http_reply(200, b"<html>captive portal</html>", "text/html"), "stream"),
    "200-empty-body": (http_reply(200, b""), "connection"),
    "200-json-null": (http_reply(200, b"null"), "stream"),
    "sse-garbage-event": (sse_reply(b"{not json"), "stream"),
    "sse-cut-mid-answer": (sse_reply(_chunk("甲项"), done=False), "stream"),
    "sse-no-events": (sse_reply(done=False), "connection"),
    "sse-only-done": (sse_reply(), "stream"),
    "sse-empty-choices-then-done": (sse_reply(_chunk(choices=False), USAGE), "stream"),
    "sse-usage-only": (sse_reply(USAGE), "stream"),
    "whole-empty-choices": (http_reply(200, WHOLE_EMPTY.encode()), "stream"),
    "sse-finish-abort": (sse_reply(_chunk("甲"), _chunk(finish="abort")), "stream"),
    "connection-closed-at-once": (b"", "connection"),
}


@pytest.mark.parametrize("fault", list(SERVER_FAULTS))
def test_a_server_fault_is_the_cases_error_never_an_answer(fault):
    reply, kind = SERVER_FAULTS[fault]
    got = ask(lambda _req: reply or b"HTTP/1.1")  # b"HTTP/1.1": a status line cut off (HANG is b"")
    assert isinstance(got, dict), f"scored as the model's answer: {got.text!r} ({got.metrics.finish_reason})"
    assert got["type"] == kind and got["message"], got


@pytest.mark.parametrize(
    "reply",
    [
        sse_reply(_chunk("甲项"), _chunk(finish="stop")),
        sse_reply(_chunk(finish="stop")),  # the model said nothing and stopped: an empty answer, scored
        sse_reply(_chunk(finish="length"), USAGE),
        sse_reply(_chunk("甲项", "stop"), USAGE, _chunk(choices=False)),
        http_reply(
            200,
            json.dumps(
                {"object": "chat.completion", "choices": [{"message": {"content": ""}, "finish_reason": "stop"}]}
            ).encode(),
        ),
    ],
    ids=["answer", "empty-answer-stopped", "empty-answer-length", "trailing-empty-choices", "whole-empty-answer"],
)
def test_an_answer_the_model_gave_is_an_answer_even_an_empty_one(reply):
    got = ask(lambda _req: reply)
    assert not isinstance(got, dict), got


def test_a_server_that_never_answers_is_a_timeout_within_the_limit():
    import time

    start = time.monotonic()
    got = ask(lambda _req: HANG, timeout_s=1.0)
    assert isinstance(got, dict) and got["type"] == "timeout" and time.monotonic() - start < 10, got


# -- whole runs: every file and the terminal, and faults mid-run ----------------------------------------------------
EIGHT = "suite: eight\ncases:\n" + "".join(
    f"  - id: c{i}\n    category: t\n    question: 第{i}题：列出甲项。\n    key_points: [甲项]\n" for i in range(8)
)
USER_TEST = """\
def test_user_asserts(llm_result):
    assert llm_result.score is not None and llm_result.score > 50
"""
LOUD = ("-rA", "-vv", "-l", "--tb=long", "--log-cli-level=DEBUG", "--log-level=DEBUG", "--junitxml=junit.xml")


def everything(project, result: pytest.RunResult) -> dict[str, str]:
    """The terminal and every file the run wrote (reports, logs, saved runs, the answer cache, JUnit XML)."""
    texts = {"stdout": result.stdout.str(), "stderr": result.stderr.str()}
    for path in project.path.rglob("*"):
        if path.is_file() and path.suffix not in (".py", ".yaml", ".ini"):
            texts[str(path.relative_to(project.path))] = path.read_bytes().decode("utf-8", errors="replace")
    return texts


def leaks_of(texts: dict[str, str], *secrets: str) -> dict[str, list[str]]:
    found = {name: [p for s in secrets for p in leaked(text, s)] for name, text in texts.items()}
    return {name: pieces[:3] for name, pieces in found.items() if pieces}


def _question(req: dict[str, Any]) -> str:
    return json.dumps(req.get("messages", []), ensure_ascii=False)


GOOD = sse_reply(_chunk("答：甲项、乙项、丙项。"), _chunk(finish="stop"), USAGE)


@pytest.mark.parametrize(
    "echo",
    [
        "json-dump-in-message",
        "percent-encoded-429",
        "sse-non-object-event-430",
        "200-error-body",
        "after-480-chars-500",
    ],
)
def test_a_run_whose_server_echoes_the_key_shows_no_piece_of_it_anywhere(llm_project, monkeypatch, echo):
    """The model's key (base64: `/`, `+`, `=`), the judge's (a JWT) and an OPENAI_API_KEY no option names: each
    server echoes its key in its error for one case; -rA -vv -l --tb=long, live DEBUG logs, JUnit XML, the cache,
    the saved run."""
    model_key, judge_key, unnamed = KEYS["base64"], KEYS["jwt"], "sk-" + _key(40)
    monkeypatch.setenv("MODEL_KEY", model_key)
    monkeypatch.setenv("JUDGE_KEY", judge_key)
    monkeypatch.setenv("OPENAI_API_KEY", unnamed)
    llm_project.scenario("s.yaml", two_cases("echo"))
    llm_project.pytester.makepyfile(test_user=USER_TEST)

    def model(req: dict[str, Any]) -> bytes | None:
        return _echoes(model_key)[echo] if "第一题" in _question(req) else GOOD

    def judge(req: dict[str, Any]) -> bytes | None:
        return _echoes(judge_key)[echo] if "第二题" in _question(req) else None

    with FakeServer(raw=model) as fake, FakeServer(raw=judge, answers=lambda _r: '{"score": 90, "reason": "ok"}') as j:
        result = llm_project.run(
            "--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-api-key-env", "MODEL_KEY",
            "--llm-judge", f"{j.base_url}@judge", "--llm-judge-api-key-env", "JUDGE_KEY",
            "--llm-cache", "--llm-warmup", "1", *LOUD,
        )  # fmt: skip
    doc = llm_project.results()
    errors = sorted((c["scenario_id"], (c.get("error") or {}).get("stage")) for c in doc["cases"])
    assert ("alpha", "request") in errors, errors  # the echo was met
    assert not leaks_of(everything(llm_project, result), model_key, judge_key, unnamed)


MID_RUN = {  # case -> (reply, the error's kind); the other cases are answered
    "c1": (SERVER_FAULTS["http-429"][0], "http"),
    "c2": (SERVER_FAULTS["http-500"][0], "http"),
    "c3": (SERVER_FAULTS["sse-empty-choices-then-done"][0], "stream"),
    "c4": (SERVER_FAULTS["sse-cut-mid-answer"][0], "stream"),
    "c5": (SERVER_FAULTS["200-garbage"][0], "stream"),
    "c6": (SERVER_FAULTS["200-error-body"][0], "stream"),
}


def _mid_run(req: dict[str, Any]) -> bytes | None:
    question = _question(req)
    return next((reply for case, (reply, _) in MID_RUN.items() if f"第{case[1:]}题" in question), GOOD)


@pytest.mark.parametrize("warmup", ["ok", "http-500", "sse-empty-choices-then-done", "200-garbage"])
def test_faults_mid_run_and_at_the_warm_up_lose_no_answer_and_name_each_error(llm_project, warmup):
    """Every case is in cases.jsonl and results.json: the answered ones scored, the failed ones with their error
    and kind; the run is degraded and pytest exits 1."""
    llm_project.scenario("eight.yaml", EIGHT)

    def raw(req: dict[str, Any]) -> bytes | None:
        if "Warm-up" in _question(req):
            return None if warmup == "ok" else SERVER_FAULTS[warmup][0]
        return _mid_run(req)

    with FakeServer(raw=raw) as fake:
        result = llm_project.run("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-warmup", "1")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.assert_outcomes(passed=2, failed=6)
    doc = llm_project.results()
    lines = (llm_project.path / "llmeval-report" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["scenario_id"] for line in lines) == [f"c{i}" for i in range(8)]
    kinds = {c["scenario_id"]: (c.get("error") or {}).get("type") for c in doc["cases"]}
    assert kinds == {"c0": None, "c7": None, **{case: kind for case, (_, kind) in MID_RUN.items()}}
    assert all(c["score"] == 100.0 for c in doc["cases"] if c["scenario_id"] in ("c0", "c7"))
    assert doc["run"]["status"] == "degraded"
    if warmup != "ok":
        (warm,) = doc["run"]["warmup"]
        assert warm["error"], warm  # recorded apart, excluded from every figure


DELETE_RESULTS = """\
import os

def pytest_runtest_teardown(item):
    path = os.path.join("llmeval-report", "results.json")
    if os.path.exists(path):
        os.remove(path)  # a cleanup script, a user's rm: results.json gone mid-run
"""


def test_results_json_deleted_mid_run_is_written_again_with_every_case(llm_project):
    llm_project.scenario("eight.yaml", EIGHT)
    llm_project.pytester.makeconftest(DELETE_RESULTS)
    with FakeServer(raw=_mid_run) as fake:
        result = llm_project.run("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-warmup", "0")
    result.assert_outcomes(passed=2, failed=6)
    assert sorted(c["scenario_id"] for c in llm_project.results()["cases"]) == [f"c{i}" for i in range(8)]


USER_RAISES = """\
def test_user_body(llm_result):
    raise RuntimeError("the user's own check broke after the case was measured")
"""


def test_a_user_test_that_raises_after_the_case_was_measured_keeps_its_record(llm_project):
    llm_project.scenario("s.yaml", two_cases("user"))
    llm_project.pytester.makepyfile(test_user=USER_RAISES)
    with FakeServer(answers=lambda _req: ANSWER_COVERING_ALL) as fake:
        result = llm_project.run("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-warmup", "0")
    result.assert_outcomes(passed=2, failed=2)
    doc = llm_project.results()
    assert sorted(c["scenario_id"] for c in doc["cases"]) == ["alpha", "beta"]
    assert all(c["passed"] and c["score"] == 100.0 for c in doc["cases"])


READ_ONLY_AFTER_THREE = """\
import errno
from pytest_llmeval.results import recorder

calls = [0]

def _append(self, line):
    calls[0] += 1
    if calls[0] > 3:  # the disk turns read-only after three records
        raise self._failed(self._cases_path, OSError(errno.EROFS, "Read-only file system"))
    return _original(self, line)

_original = recorder.RunRecorder._append_case
recorder.RunRecorder._append_case = _append


def pytest_unconfigure(config):
    recorder.RunRecorder._append_case = _original  # the run is in-process: later runs must write again
"""


def test_a_disk_that_turns_read_only_mid_run_stops_with_a_clear_error_and_keeps_the_lines(llm_project):
    import time

    llm_project.scenario("eight.yaml", EIGHT)
    llm_project.pytester.makeconftest(READ_ONLY_AFTER_THREE)
    start = time.monotonic()
    with FakeServer(answers=lambda _req: "甲项") as fake:
        result = llm_project.run("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-warmup", "0")
    assert time.monotonic() - start < 60
    assert result.ret not in (pytest.ExitCode.OK, pytest.ExitCode.INTERNAL_ERROR), result.ret
    out = result.stdout.str() + result.stderr.str()
    assert "Read-only file system" in out and "--llm-resume" in out and "INTERNALERROR" not in out
    lines = (llm_project.path / "llmeval-report" / "cases.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["scenario_id"] for line in lines] == ["c0", "c1", "c2"]


# -- the judge's faults ------------------------------------------------------------------------------------------
JUDGE_FAULTS = {
    "http-429": http_reply(429, b'{"error": {"message": "Too Many Requests"}}'),
    "http-500": http_reply(500, b'{"error": {"message": "boom"}}'),
    "empty-choices": http_reply(200, WHOLE_EMPTY.encode()),
    "200-error-body": http_reply(200, b'{"error": {"message": "overloaded"}}'),
    "200-garbage": http_reply(200, b"<html>captive portal</html>", "text/html"),
    "cut": b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"choices": [',
}


@pytest.mark.parametrize("fault", list(JUDGE_FAULTS))
@pytest.mark.parametrize("shape", ["openai-like", "jwt", "base64"])
def test_a_judge_fault_is_the_cases_judge_error_with_no_piece_of_its_key(tmp_path, monkeypatch, fault, shape):
    from pytest_llmeval.evaluation.judge import Judge
    from pytest_llmeval.evaluation.scenarios import load_scenarios

    key = KEYS[shape]
    monkeypatch.setenv("JUDGE_KEY_R3", key)
    path = tmp_path / "s.yaml"
    path.write_text(two_cases("judge"), encoding="utf-8")
    case = load_scenarios([path])[0]
    reply = JUDGE_FAULTS[fault]
    if fault.startswith("http"):  # a gateway that echoes the key it was sent
        reply = http_reply(int(fault[-3:]), json.dumps({"error": {"message": f"for Bearer {key}"}}).encode())
    with FakeServer(raw=lambda _req: reply) as fake:
        judge = Judge(fake.base_url, "judge", "JUDGE_KEY_R3", timeout_s=10)
        verdict = judge.grade(case, ANSWER_COVERING_ALL)
        judge.close()
    assert verdict.score is None and verdict.error, verdict
    assert not leaked(verdict.error + verdict.reason, key), verdict.error


def test_a_server_that_never_answers_ends_the_run_in_time_with_every_case_and_no_process(llm_project):
    import subprocess
    import sys
    import time

    import psutil

    llm_project.scenario("s.yaml", two_cases("hang"))
    with FakeServer(raw=lambda _req: HANG) as fake:
        start = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--llm-base-url", fake.base_url]
            + ["--llm-model", "m1", "--llm-warmup", "1", "--llm-request-timeout", "2"],
            cwd=llm_project.path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        children = psutil.Process(proc.pid).children(recursive=True)
        out, _ = proc.communicate(timeout=60)
    assert time.monotonic() - start < 60 and proc.returncode == pytest.ExitCode.TESTS_FAILED, out
    doc = llm_project.results()
    assert sorted((c["scenario_id"], c["error"]["type"]) for c in doc["cases"]) == [
        ("alpha", "timeout"),
        ("beta", "timeout"),
    ]
    _, alive = psutil.wait_procs(children, timeout=10)
    assert not alive
