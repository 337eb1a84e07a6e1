"""Red team: no secret in a log, a usage error or a judge's request URL, against the fake server.

- the HTTP clients log every request's URL (`HTTP Request: GET http://host/v1/models?api_key=...`, the judge's with
  its userinfo): pytest shows those records on the terminal (captured logs of a failed test, `-rA`, live logs) and
  writes them to its `--log-file`;
- a usage error quotes the value it refuses: an `ftp://user:key@...` judge, a URL given as a run or a prompt file,
  a model URL for an unknown label, the key itself given as a value;
- the judge's URL query (`?key=...`, as a gateway wants) was appended before the path (`/v1/?key=xchat/completions`);
- a key given to vLLM (`--llm-vllm-arg=--api-key=...`) that vLLM prints at start, shown in a dead server's log tail.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from pytest_llmeval.serving.credentials import (
    hide_secrets_in_logs,
    public_message,
    redacted_values,
    without_url_credentials,
)
from pytest_llmeval.testing.faults import fake_vllm_python
from pytest_llmeval.testing.openai_fake import FakeServer
from pytest_llmeval.testing.sample_cases import ANSWER_COVERING_ALL, two_cases

ROOT = Path(__file__).resolve().parents[1]
CANARY = "RED7TEAM"


@pytest.fixture
def project(llm_project):
    llm_project.scenario("s.yaml", two_cases("redteam"))
    return llm_project


def written(project, result: pytest.RunResult) -> dict[str, str]:
    """The terminal and every file the run wrote in its project (reports, saved runs, logs, the cache's bytes)."""
    texts = {"stdout": result.stdout.str(), "stderr": result.stderr.str()}
    for path in project.path.rglob("*"):
        if path.is_file() and path.suffix not in (".py", ".yaml", ".ini"):
            texts[str(path.relative_to(project.path))] = path.read_bytes().decode("utf-8", errors="replace")
    return texts


def leaks(texts: dict[str, str]) -> dict[str, str]:
    return {name: text[max(0, text.find(CANARY) - 100) :][:160] for name, text in texts.items() if CANARY in text}


# -- log records ---------------------------------------------------------------------------------------------------
def test_the_http_clients_log_records_show_no_key_query_or_userinfo(project, monkeypatch):
    """httpx logged `GET http://host/v1/models?api_key=sk-...` and the judge's `POST http://j:sk-...@host/...` at INFO:
    on the terminal (captured log of every failed test, with -rA of every test) and in --log-file."""
    monkeypatch.setenv("JUDGE_KEY", f"sk-{CANARY}-JUDGEKEY")
    with FakeServer(answers=lambda req: '{"score": 90, "reason": "ok"}' if not req.get("stream") else "乙项") as fake:
        host = fake.base_url.split("://", 1)[1]
        result = project.run(
            "--llm-model",
            "m1",
            "--llm-base-url",
            f"http://user:sk-{CANARY}-PASS@{host}?api_key=sk-{CANARY}-QUERY",
            "--llm-judge",
            f"http://j:sk-{CANARY}-JPASS@{host}?key=sk-{CANARY}-JQUERY@judge",
            "--llm-judge-api-key-env",
            "JUDGE_KEY",
            "--llm-max-tokens=16",
            "--llm-cache",
            "--junitxml=junit.xml",
            "-rA",
            "--log-level=DEBUG",
            "--log-file=pytest.log",
            "--log-file-level=DEBUG",
        )
    result.assert_outcomes(failed=2)  # the answer misses the key points: the captured logs are printed
    log = (project.path / "pytest.log").read_text(encoding="utf-8")
    assert "HTTP Request: GET http://" in log and "/v1/models?api_key=***" in log  # the records are there, hidden
    assert not leaks(written(project, result))


def test_a_log_record_of_any_logger_hides_the_secrets_and_every_urls_userinfo(caplog):
    hide_secrets_in_logs(lambda text: text.replace(f"sk-{CANARY}-KEY", "***"))
    with caplog.at_level(logging.INFO):
        logging.getLogger("httpx").info("HTTP Request: %s %s", "GET", f"https://u:p4ssw0rd@h/v1?k=sk-{CANARY}-KEY")
        logging.getLogger("some.library").info("sent %r", {"Authorization": f"Bearer sk-{CANARY}-KEY"})
    messages = [record.getMessage() for record in caplog.records[:2]]
    assert messages == ["HTTP Request: GET https://h/v1?k=***", "sent {'Authorization': 'Bearer ***'}"]


# -- usage errors --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ["--llm-judge", f"ftp://u:sk-{CANARY}-A@127.0.0.1:80/v1@judge"],
        ["--llm-judge", f"s3://AKIA:sk-{CANARY}-B@bucket/x@judge"],
        ["--llm-compare", f"http://u:sk-{CANARY}-C@host/run"],
        ["--llm-bench", "--llm-bench-prompt-file", f"http://u:sk-{CANARY}-D@host/prompts.txt"],
        ["--llm-model-arg", f"nosuch:base_url=http://u:sk-{CANARY}-E@127.0.0.1:9/v1?key=sk-{CANARY}-F"],
        ["--llm-api-key-env", "MODEL_KEY", "--llm-model-arg", f"m1:dtype=sk-{CANARY}-KEY"],
    ],
    ids=["ftp-judge", "s3-judge", "compare-url", "prompt-file-url", "unknown-label-url", "key-as-value"],
)
def test_a_usage_error_quotes_no_credentials_of_a_url_nor_a_key(project, monkeypatch, args):
    monkeypatch.setenv("MODEL_KEY", f"sk-{CANARY}-KEY")
    result = project.run("--llm-model", "m1", "--llm-base-url", "http://127.0.0.1:9/v1", *args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "ERROR: " in result.stderr.str() and not leaks(written(project, result))


def test_a_usage_error_from_an_ini_value_quotes_no_credentials(project):
    project.pytester.makeini(f"[pytest]\nllm_judge = ftp://u:sk-{CANARY}-INI@127.0.0.1:80/v1@judge\n")
    result = project.run("--llm-model", "m1", "--llm-base-url", "http://127.0.0.1:9/v1")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "ftp://127.0.0.1:80/v1@judge" in result.stderr.str() and not leaks(written(project, result))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("'ftp://u:pw-123456@h:21/x@m': bad", "'ftp://h:21/x@m': bad"),
        ("http:/u:pw-123456@h/p.txt: no such file", "http:/***@h/p.txt: no such file"),  # a path made of a URL
        ("dtype=sk-KEY-123456 is not a dtype", "dtype=*** is not a dtype"),
    ],
)
def test_public_message_hides_url_credentials_in_the_text_or_the_command_line(text, shown):
    given = ["--llm-bench-prompt-file=http://u:pw-123456@h/p.txt"]
    assert public_message(text, keys=["sk-KEY-123456", "EMPTY", None], sources=given) == shown


def test_url_credentials_of_any_scheme_are_removed():
    assert without_url_credentials("see s3://k:s@b/x?sig=1 and HTTP://u@h") == "see s3://b/x and HTTP://h"


# -- the judge's URL -----------------------------------------------------------------------------------------------
def test_the_judges_url_query_is_sent_as_its_query(tmp_path):
    """openai's client appended the path after the whole URL: POST /v1/?key=xchat/completions (the wrong path, the
    key in a query that no gateway reads)."""
    from pytest_llmeval.evaluation.judge import Judge
    from pytest_llmeval.evaluation.scenarios import load_scenarios

    path = tmp_path / "s.yaml"
    path.write_text(two_cases("judge"), encoding="utf-8")
    case = load_scenarios([path])[0]
    with FakeServer(answers=lambda _req: '{"score": 90, "reason": "ok"}') as fake:
        host = fake.base_url.split("://", 1)[1]
        judge = Judge(f"http://j:pw-{CANARY}@{host}?key=sk-{CANARY}-Q&api-version=1", "judge")
        verdict = judge.grade(case, ANSWER_COVERING_ALL)
        judge.close()
    assert verdict.error is None and verdict.score == 90.0
    assert [path for path, _body in fake.received] == ["/v1/chat/completions"]
    assert fake.queries[-1] == f"key=sk-{CANARY}-Q&api-version=1"


# -- a key given to vLLM -------------------------------------------------------------------------------------------
FAKE_VLLM = """\
import os, sys, threading, signal
sys.path.insert(0, {root!r})
from pytest_llmeval.testing.openai_fake import FakeServer
args = sys.argv[1:]
print("INFO non-default args: %r" % (args,), flush=True)  # as vLLM before it hid api_key (and --llm-vllm-python)
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
def die(_request):
    os._exit(3)  # the server dies on the first question: the case's record carries the log's tail
with FakeServer(port=int(args[args.index("--port") + 1]), answers=die):
    stop.wait()
"""


def test_a_key_given_to_vllm_is_hidden_in_a_dead_servers_log_tail(project, tmp_path):
    python = fake_vllm_python(tmp_path, FAKE_VLLM.format(root=str(ROOT)))
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text(json.dumps({"architectures": ["X"], "model_type": "llama"}), encoding="utf-8")
    (model / "model.safetensors").write_bytes(b"w")
    result = project.run(
        f"--llm-model=m={model}",
        f"--llm-vllm-python={python}",
        f"--llm-vllm-arg=--api-key=sk-{CANARY}-VLLM",
        f"--llm-vllm-arg=--hf_token sk-{CANARY}-HF",
        "--llm-warmup=0",
        "--llm-concurrency=1",
        "--llm-startup-timeout=60",
    )
    result.assert_outcomes(failed=2)
    tails = [case["error"].get("log_tail") or "" for case in project.results()["cases"]]
    # the keys reach vLLM as VLLM_API_KEY and HF_TOKEN (serving/server.py secrets_in_environment): not in its args
    assert any("non-default args" in tail for tail in tails)
    assert not any("--api-key" in tail or "--hf_token" in tail for tail in tails)
    texts = {name: text for name, text in written(project, result).items() if "/logs/" not in name}
    assert not leaks(texts)  # the server's own log holds what vLLM printed: see the report


def test_redacted_values_are_the_values_a_redaction_hid():
    args = ["--api-key=k1", "--hf-token", "k2", "-O0", "--api_key k3"]
    shown = ["--api-key=***", "--hf-token", "***", "-O0", "--api_key ***"]
    assert redacted_values(args, shown) == ["k1", "k2", "k3"]


def test_a_judge_that_answers_no_chat_completion_is_a_clear_error(tmp_path):
    """A judge URL that answers text or a JSON string (a stream, a proxy's page) was "'str' object has no attribute
    'choices'" as the case's judge error."""
    from pytest_llmeval.evaluation.judge import Judge
    from pytest_llmeval.evaluation.scenarios import load_scenarios

    path = tmp_path / "s.yaml"
    path.write_text(two_cases("judge"), encoding="utf-8")
    case = load_scenarios([path])[0]
    with FakeServer() as fake:
        fake.reply("/v1/chat/completions", "data: not a completion")
        judge = Judge(fake.base_url, "judge")
        verdict = judge.grade(case, ANSWER_COVERING_ALL)
        judge.close()
    assert verdict.score is None and verdict.error is not None
    assert "answered no chat completion" in verdict.error and "Fix:" in verdict.error, verdict.error


def test_a_query_key_is_hidden_also_as_a_client_encodes_it():
    """httpx logs a URL's query percent-encoded (`/`, `+`, `=` in a base64-like key): only the decoded value was
    remembered, so the judge's request line showed `key=AbCd%2FEf12%3D%3D` in the log."""
    from pytest_llmeval.serving.client import hide_secrets, remember_url_secrets

    remember_url_secrets([f"http://h/v1?key=Ab{CANARY}/Ef12==&api-version=1", "http://h/v1?token=Zz%2F" + CANARY])
    logged = f"POST http://h/v1/chat/completions?key=Ab{CANARY}%2FEf12%3D%3D&api-version=1 token=Zz%2F{CANARY}"
    shown = hide_secrets(logged, urls=False)
    assert CANARY not in shown and "api-version=1" in shown, shown
