"""Red team round 5: every place a secret could land, against the fake servers (no vLLM).

A secret is an API key read from --llm-api-key-env's variable (or the judge's), a base URL's userinfo or query key,
an Authorization header a gateway echoes, a key given to vLLM through --llm-vllm-arg. The places: results.json
(run info, command line, launches, errors, log tails), cases.jsonl, report.md/html, the terminal (summary, -rA,
-l's locals, --tb=long), pytestdebug.log, JUnit XML, --log-file, the answer cache, xdist workers' output,
`python -m pytest_llmeval report/compare`, a saved run's folder name. Also keys of unusual shapes: short (not
hidden as a value: it would black out ordinary words - but hidden where a header or key field names it), with regex
specials, unicode, a key that is part of a model name.
"""

from __future__ import annotations

import base64
import json
import logging
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from pytest_llmeval.public_records import public_record
from pytest_llmeval.secrets_in_use import command_line_secrets
from pytest_llmeval.serving import client
from pytest_llmeval.serving.client import hide_secrets, remember_secret, remember_url_secrets
from pytest_llmeval.serving.credentials import hide_secrets_in_debug_log, hide_secrets_in_logs
from pytest_llmeval.serving.server import launch_secrets, redact
from pytest_llmeval.session import _redacted_invocation
from pytest_llmeval.testing.faults import fake_vllm_python
from pytest_llmeval.testing.openai_fake import FakeServer
from pytest_llmeval.testing.sample_cases import ANSWER_COVERING_ALL, two_cases

ROOT = Path(__file__).resolve().parents[2]
CANARY = "R5CANARY"


@pytest.fixture
def fresh_secrets(monkeypatch):
    """The process-global set of remembered secrets, empty for this test and restored after it."""
    monkeypatch.setattr(client, "_SECRETS", set())


def pieces(secret: str, size: int = 8) -> set[str]:
    size = min(size, len(secret))
    return {secret[i : i + size] for i in range(len(secret) - size + 1)}


# -- keys of every shape, echoed in every form a server writes them ------------------------------------------------
KEYS = {
    "openai-style": "sk-proj-R5CANARYxyz/+=Ab",
    "unicode": "密钥-Kéy-R5CANARY-ü",
    "regex-specials": "a.b*c+d?(R5CANARY)[y]$^|\\",
    "part-of-a-model-name": "Qwen2.5-7B",
}
ECHOES = {
    "raw": lambda key: f"Incorrect API key provided: {key}.",
    "percent-encoded": lambda key: f"GET /v1/models?api_key={quote(key, safe='')} 401",
    "json-escaped": lambda key: "upstream said " + json.dumps({"request": {"api_key": key}}),
    "bearer-header": lambda key: f"{{'Authorization': 'Bearer {key}'}}",
}


@pytest.mark.parametrize("echo", list(ECHOES))
@pytest.mark.parametrize("kind", list(KEYS))
def test_a_remembered_key_is_hidden_in_every_form_a_server_echoes_it(fresh_secrets, kind, echo):
    key = KEYS[kind]
    remember_secret(key)
    shown = hide_secrets(ECHOES[echo](key))
    assert key not in shown and quote(key, safe="") not in shown, shown
    assert "***" in shown


# -- a base URL's userinfo, echoed by a proxy -----------------------------------------------------------------------
URL_PASSWORD = "p@ss/R5CANARY+w"
URL_ECHOES = {
    "password-raw": f"upstream rejected password {URL_PASSWORD}",
    "password-percent-encoded": f"GET http://proxy/v1?pw={quote(URL_PASSWORD, safe='')}",
    "basic-token-alone": "token " + base64.b64encode(f"user:{URL_PASSWORD}".encode()).decode(),
    "json-escaped-url": json.dumps({"url": f"http://user:{URL_PASSWORD}@h/v1"}).replace("/", "\\/"),
}


@pytest.mark.parametrize("kind", list(URL_ECHOES))
def test_a_base_urls_password_is_hidden_wherever_a_proxy_echoes_it(fresh_secrets, kind):
    remember_url_secrets([f"http://user:{quote(URL_PASSWORD, safe='')}@gateway.example:8443/v1"])
    shown = hide_secrets(URL_ECHOES[kind])
    basic = base64.b64encode(f"user:{URL_PASSWORD}".encode()).decode()
    assert CANARY not in shown and basic not in shown, shown


def test_a_log_record_that_echoes_a_header_hides_its_value(fresh_secrets, caplog):
    """A library's debug record of the request's headers, with a key too short to be remembered."""
    hide_secrets_in_logs(lambda text: hide_secrets(text, urls=False))
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("some.gateway").debug("request headers: %r", {"x-api-key": "k3y12"})
    assert caplog.records[-1].getMessage() == "request headers: {'x-api-key': '***'}"


# -- a credential the run does not know, or too short to hide as a value, in a header or a key field ---------------
HEADER_ECHOES = {  # a gateway or proxy echoing the request's headers / body in its error text
    "authorization-bearer-short": ("Authorization: Bearer abc12", "abc12"),
    "authorization-dict-repr": ("headers={'Authorization': 'Bearer zz-gateway-9f8e7d'}", "zz-gateway-9f8e7d"),
    "authorization-json": ('{"headers": {"authorization": "Bearer zz-gateway-9f8e7d"}}', "zz-gateway-9f8e7d"),
    "authorization-basic": ("Proxy-Authorization: Basic dXNlcjpwYXNz", "dXNlcjpwYXNz"),
    "x-api-key-header": ("x-api-key: zz-anthropic-77aa", "zz-anthropic-77aa"),
    "azure-api-key-header": ("request headers: api-key: 0123abcd9876", "0123abcd9876"),
    "api-key-json-field": ('body {"api_key": "key5"}', "key5"),
    "api-key-query-in-text": ("rejected api_key=zz-q-123456&model=m1", "zz-q-123456"),
    "bearer-alone": ("invalid token: Bearer zz-tok-aa11bb22cc33", "zz-tok-aa11bb22cc33"),
}


@pytest.mark.parametrize("kind", list(HEADER_ECHOES))
def test_a_credential_in_a_header_or_key_field_is_hidden_whatever_its_value(fresh_secrets, kind):
    """Before: only remembered keys of 6 characters or more were hidden; a 5-character key, a gateway's own key or
    a Basic token an upstream proxy added was shown whole when the error text echoed the header."""
    text, secret = HEADER_ECHOES[kind]
    shown = hide_secrets(text)
    assert secret not in shown and "***" in shown, shown


KEPT = [  # error texts that name a header or a key without a credential: kept as they are
    "Authorization header missing",
    "api_key is required",
    "set the api-key header",
    "401 Unauthorized: no Bearer token",
    "header x-api-key is missing",
]


@pytest.mark.parametrize("text", KEPT)
def test_an_error_that_names_a_header_without_a_value_is_kept(fresh_secrets, text):
    assert hide_secrets(text) == text


# -- short keys and common words: hidden where they are sent, never in the case's own content -----------------------
def test_a_short_key_does_not_black_out_ordinary_text(fresh_secrets):
    remember_secret("abc", "k9")  # too short to be a real key: hiding every 'abc' would garble the report
    assert hide_secrets("the abc of it, k9 units") == "the abc of it, k9 units"


def test_a_key_that_is_part_of_a_model_name_keeps_the_cases_identity_and_answer(fresh_secrets):
    remember_secret("Qwen2.5-7B")
    record = {
        "model": "Qwen2.5-7B-Instruct",
        "answer": "Qwen2.5-7B answers: 甲项",
        "error": {"message": "401 for key Qwen2.5-7B"},
    }
    shown = public_record(record)
    assert shown["model"] == "Qwen2.5-7B-Instruct" and shown["answer"] == record["answer"]
    assert "Qwen2.5-7B" not in json.dumps(shown["error"])


def test_a_key_that_is_a_common_word_stays_in_the_answer(fresh_secrets):
    remember_secret("password")
    shown = public_record({"answer": "reset your password", "error": {"message": "bad key password"}})
    assert shown["answer"] == "reset your password" and shown["error"]["message"] == "bad key ***"


# -- the command line: a key given to vLLM, however it was typed ---------------------------------------------------
VLLM_KEY = f"sk-{CANARY}-VLLM"
TYPED = {
    "equals": [f"--llm-vllm-arg=--api-key={VLLM_KEY}"],
    "space-in-one-arg": [f"--llm-vllm-arg=--api-key {VLLM_KEY}"],
    "underscore": [f"--llm-vllm-arg=--api_key={VLLM_KEY}"],
    "upper-case": [f"--llm-vllm-arg=--API-KEY={VLLM_KEY}"],
    "abbreviated": [f"--llm-vllm-arg=--api-k={VLLM_KEY}"],
    "split-in-two-options": ["--llm-vllm-arg=--api-key", f"--llm-vllm-arg={VLLM_KEY}"],
    "two-keys": [f"--llm-vllm-arg=--api-key k1-{CANARY}-a k2-{CANARY}-b"],
    "hf-token-then-flag": [f"--llm-vllm-arg=--hf-token={VLLM_KEY} --dtype half"],
}


@pytest.mark.parametrize("kind", list(TYPED))
def test_a_key_given_to_vllm_is_not_in_the_recorded_command_line(kind):
    args = ["--llm-model=m", *TYPED[kind], "-q"]
    assert CANARY not in json.dumps(_redacted_invocation(args)), _redacted_invocation(args)


@pytest.mark.parametrize("kind", list(TYPED))
def test_a_key_given_to_vllm_is_found_for_hiding_in_its_log(kind):
    """Before (split-in-two-options): the value of `--llm-vllm-arg=--api-key --llm-vllm-arg=KEY` was not found in
    pytest's command line (only in vLLM's, where the two are neighbours): pytestdebug.log's first line kept it."""
    args = ["--llm-model=m", *TYPED[kind], "-q"]
    found = command_line_secrets(args)
    text = " ".join(args)
    for value in found:
        text = text.replace(value, "***")
    assert CANARY not in text, found
    assert CANARY not in json.dumps(redact(args)), redact(args)
    vllm_args = [arg.partition("=")[2] for arg in TYPED[kind]]  # what the launched vLLM is given
    assert CANARY not in " ".join(hide(" ".join(vllm_args), launch_secrets(vllm_args)))


def hide(text: str, values: list[str]) -> list[str]:
    for value in values:
        text = text.replace(value, "***")
    return [text]


# -- pytest --debug: the rewrite of what was written before the plugin loaded --------------------------------------
def test_a_debug_log_that_is_rewritten_keeps_its_other_lines(tmp_path):
    log = (tmp_path / "pytestdebug.log").open("w+", encoding="utf-8")
    log.write(f"args=('--llm-vllm-arg=--api-key={VLLM_KEY}',)\nplugins: llmeval\n")

    class Root:
        _writer = log.write

        def setwriter(self, writer):
            self._writer = writer

    root = Root()
    assert hide_secrets_in_debug_log(root, lambda text: text.replace(VLLM_KEY, "***"))
    root._writer(f"hook call {VLLM_KEY}\n")
    log.close()
    text = (tmp_path / "pytestdebug.log").read_text(encoding="utf-8")
    assert text == "args=('--llm-vllm-arg=--api-key=***',)\nplugins: llmeval\nhook call ***\n"


# -- whole runs: every file and every output ------------------------------------------------------------------------
OUTPUT_OPTIONS = (
    "--junitxml=junit.xml",
    "--debug",
    "-rA",
    "-l",
    "--tb=long",
    "--log-level=DEBUG",
    "--log-file=pytest.log",
    "--log-file-level=DEBUG",
    "--llm-cache",
    "--llm-save=round5",
)


@pytest.fixture
def project(llm_project):
    llm_project.scenario("s.yaml", two_cases("round5"))
    return llm_project


def written(project, result: pytest.RunResult | None = None) -> dict[str, str]:
    """The terminal and every file the run wrote (reports, saved runs, logs, the cache's bytes), and every file's
    and folder's name (a saved run's folder)."""
    texts = {"stdout": result.stdout.str(), "stderr": result.stderr.str()} if result is not None else {}
    for path in project.path.rglob("*"):
        texts[f"name:{path.relative_to(project.path)}"] = str(path.relative_to(project.path))
        if path.is_file() and path.suffix not in (".py", ".yaml", ".ini"):
            texts[str(path.relative_to(project.path))] = path.read_bytes().decode("utf-8", errors="replace")
    return texts


def leaks(texts: dict[str, str], secret: str = CANARY) -> dict[str, str]:
    found = {}
    for name, text in texts.items():
        hits = [piece for piece in pieces(secret) if piece in text]
        if hits:
            at = text.find(hits[0])
            found[name] = text[max(0, at - 120) : at + 60]
    return found


def cli(project, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", *args],
        cwd=project.path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.stdout + done.stderr


def echoing(key: str) -> FakeServer:
    """A gateway that refuses every question and echoes the request's header and key in its error."""
    fake = FakeServer(answers=lambda _r: ANSWER_COVERING_ALL)
    body = {
        "error": {
            "message": f"Incorrect API key provided: {key}. Request headers: {{'Authorization': 'Bearer {key}'}}",
            "request": {"api_key": key, "url": f"/v1/chat/completions?api_key={quote(key, safe='')}"},
        }
    }
    fake.reply("/v1/chat/completions", body, status=401)
    return fake


def test_an_echoed_env_key_lands_nowhere(project, monkeypatch):
    key = f"sk-{CANARY}-ENVKEY/+="
    monkeypatch.setenv("MODEL_KEY", key)
    with echoing(key) as fake:
        result = project.run(
            "--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-api-key-env", "MODEL_KEY", *OUTPUT_OPTIONS
        )
    assert (project.path / "pytestdebug.log").exists() and (project.path / "junit.xml").exists()
    assert "Incorrect API key provided: ***" in json.dumps(project.results())  # the error is there, hidden
    texts = written(project, result)
    texts["report-cli"] = cli(project, "report", "llmeval-report")
    texts["compare-cli"] = cli(project, "compare", "llmeval-report", "llmeval-report")
    assert not leaks(texts, key)


def test_a_short_env_key_echoed_in_a_header_lands_nowhere(project, monkeypatch):
    """A 5-character key (a local gateway's `key12`): too short to hide as a value, hidden where a header or a key
    field carries it."""
    key = "key12"
    monkeypatch.setenv("MODEL_KEY", key)
    with echoing(key) as fake:
        project.run("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-api-key-env", "MODEL_KEY")
    shown = json.dumps(project.results())
    assert "Bearer key12" not in shown and '"api_key": "key12"' not in shown, shown[:2000]
    assert "***" in shown


def test_url_credentials_and_a_judge_key_land_nowhere(project, monkeypatch):
    monkeypatch.setenv("JUDGE_KEY", f"sk-{CANARY}-JUDGE")
    with FakeServer(answers=lambda req: '{"score": 90, "reason": "ok"}' if not req.get("stream") else "乙项") as fake:
        host = fake.base_url.split("://", 1)[1]
        result = project.run(
            "--llm-model",
            "m1",
            "--llm-base-url",
            f"http://user:{CANARY}-PASS@{host}?api_key={CANARY}-QUERY",
            "--llm-judge",
            f"http://j:{CANARY}-JPASS@{host}@judge",
            "--llm-judge-api-key-env",
            "JUDGE_KEY",
            *OUTPUT_OPTIONS,
        )
    texts = written(project, result)
    texts["report-cli"] = cli(project, "report", "llmeval-report")
    texts["runs-cli"] = cli(project, "runs")
    assert any(name.endswith("cache.sqlite") for name in texts), sorted(texts)  # the answers were cached
    assert any("round5" in name for name in texts), sorted(texts)  # and the run saved
    assert not leaks(texts)


FAKE_VLLM = """\
import os, sys, threading, signal
sys.path.insert(0, {root!r})
from pytest_llmeval.testing.openai_fake import FakeServer
args = sys.argv[1:]
print("INFO non-default args: %r" % (args,), flush=True)
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
def die(_request):
    os._exit(3)
with FakeServer(port=int(args[args.index("--port") + 1]), answers=die):
    stop.wait()
"""


@pytest.mark.parametrize("typed", ["equals", "split-in-two-options", "addopts"])
def test_a_key_given_to_vllm_is_not_in_pytests_debug_log(project, tmp_path, typed):
    """Before: pytestdebug.log's first line (written before the plugin loaded) kept `--api-key=sk-...`: the debug
    log's rewrite gathered the command line's URL credentials and named keys, not the keys given to vLLM."""
    key = f"sk-{typed}-{CANARY}"  # a key of its own: the hidden-secrets set outlives an in-process run
    if typed == "addopts":  # the ini's addopts: not in the invocation's args, in the hook calls' args
        project.pytester.makeini(f"[pytest]\naddopts = --llm-vllm-arg=--api-key={key}\n")
    python = fake_vllm_python(tmp_path, FAKE_VLLM.format(root=str(ROOT)))
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text(json.dumps({"architectures": ["X"], "model_type": "llama"}), encoding="utf-8")
    (model / "model.safetensors").write_bytes(b"w")
    result = project.run(
        f"--llm-model=m={model}",
        f"--llm-vllm-python={python}",
        *[arg.replace(VLLM_KEY, key) for arg in TYPED.get(typed, [])],
        "--llm-warmup=0",
        "--llm-concurrency=1",
        "--llm-startup-timeout=60",
        "--debug",
        "--junitxml=junit.xml",
        "-rA",
    )
    result.assert_outcomes(failed=2)
    texts = {name: text for name, text in written(project, result).items() if "/logs/" not in name}
    assert "args=" in texts["pytestdebug.log"]
    assert not leaks(texts, key)


def test_an_echoed_key_lands_nowhere_under_xdist(project, monkeypatch):
    pytest.importorskip("xdist")
    key = f"sk-{CANARY}-XDIST"
    monkeypatch.setenv("MODEL_KEY", key)
    with echoing(key) as fake:
        result = project.run(
            "-n", "2", "--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-api-key-env", "MODEL_KEY", "-rA"
        )
    assert "Incorrect API key provided: ***" in json.dumps(project.results())
    assert not leaks(written(project, result), key)
