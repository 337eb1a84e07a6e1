"""URL credentials are found and cut in one place (serving/credentials.py), secret vLLM flags recognised in one place
(serving/server.py `secret_flag`); the leaks that the twins with different coverage left:

- a URL written without a scheme (`--llm-base-url=user:PW@host:8000/v1`): the usage error quoted the password;
- a password with an unencoded @ (`https://u:p@ss@host/v1`): the results' command line kept `ss@host`;
- a userinfo password percent-encoded or as the HTTP Basic token in logged or recorded text;
- a secret flag spelled as vLLM's parser still reads it (`--hf-tok`, `--api-k`: argparse abbreviations) or given a
  list of keys inside one argument (`--api-key k1 k2`): the value was recorded in clear.
"""

from __future__ import annotations

import base64
import logging
from urllib.parse import quote

import pytest

from pytest_llmeval.serving.client import hide_secrets, public_spec, remember_url_secrets
from pytest_llmeval.serving.credentials import (
    hide_secrets_in_logs,
    public_message,
    redacted_values,
    without_url_credentials,
)
from pytest_llmeval.serving.server import launch_secrets, redact, secret_flag, secrets_in_environment
from pytest_llmeval.testing.sample_cases import two_cases

CANARY = "M4SK0NE"


def basic(userinfo: str) -> str:
    return base64.b64encode(userinfo.encode()).decode()


# -- a URL without a scheme -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        f"--llm-base-url: 'user:pw-{CANARY}@host:8000/v1' is not an http(s) URL with a host",
        f"connect to user:pw-{CANARY}@10.0.0.1:8000 failed",
        f"bad value :tok-{CANARY}@host/v1",  # `:token@host` (no user) is a Bearer token
        f"spec=user:p@ss-{CANARY}@host/v1@judge",  # and a password with an @
    ],
)
def test_a_userinfo_without_a_scheme_is_hidden_in_any_message(text):
    for shown in (without_url_credentials(text), public_message(text), hide_secrets(text)):
        assert CANARY not in shown and "***@" in shown, shown


def test_a_usage_error_on_a_url_without_a_scheme_quotes_no_password(llm_project):
    llm_project.scenario("s.yaml", two_cases("mask"))
    result = llm_project.run("--llm-model", "m1", f"--llm-base-url=user:pw-{CANARY}@127.0.0.1:8000/v1")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "--llm-base-url" in result.stderr.str() and CANARY not in result.stdout.str() + result.stderr.str()


def test_a_component_spec_without_a_scheme_is_shown_without_its_userinfo():
    assert public_spec(f"openai:e:pw-{CANARY}@host:8000/v1@emb") == "***@host:8000/v1@emb"  # `openai:e:pw` may be it
    assert public_spec(f"ftp://j:pw-{CANARY}@h/v1?k=1@judge") == "ftp://h/v1@judge"  # any scheme
    assert public_spec("flag:/models/bge-m3") == "flag:/models/bge-m3"


# -- a password with an @ -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (f"https://u:p@ss-{CANARY}@host/v1", "https://host/v1"),
        (f"'http://u:a@b@c-{CANARY}@h:80/v1?key=x': bad", "'http://h:80/v1': bad"),
        (f"ftp://u:p@ss-{CANARY}@h/x@model", "ftp://h/x@model"),
    ],
)
def test_a_password_holding_an_at_is_hidden_whole(text, shown):
    assert without_url_credentials(text) == shown
    assert CANARY not in hide_secrets(text)


def test_the_recorded_command_line_hides_a_password_holding_an_at(llm_project):
    llm_project.scenario("s.yaml", two_cases("mask"))
    result = llm_project.run(
        "--llm-model=m1", f"--llm-base-url=https://u:p@ss-{CANARY}@127.0.0.1:1/v1", "--llm-warmup=0"
    )
    result.assert_outcomes(failed=2)  # nothing listens there: every case errors, the run is recorded
    texts = [result.stdout.str(), result.stderr.str()]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in llm_project.path.rglob("*.json*")]
    assert texts[2:] and not [text for text in texts if CANARY in text]


# -- a userinfo's password encoded --------------------------------------------------------------------------------
@pytest.mark.parametrize("given", [f"p@ss/{CANARY}+=", quote(f"p@ss/{CANARY}+=", safe="")])
def test_a_userinfo_password_is_hidden_decoded_encoded_and_as_a_basic_token(given):
    remember_url_secrets([f"http://user:{given}@h:8000/v1"])
    password = f"p@ss/{CANARY}+="
    echoes = [
        password,
        quote(password, safe=""),
        quote(password, safe="").lower(),  # %2f: a client that writes lower-case hex
        quote(password),
        basic(f"user:{password}"),
        basic(f"user:{quote(password, safe='')}"),
    ]
    for echo in echoes:
        assert CANARY not in hide_secrets(f"401: got Authorization: Basic {echo} for {echo}", urls=False), echo


def test_a_usage_error_hides_a_userinfo_password_in_its_encoded_forms():
    password = f"p@ss/{CANARY}="
    given = [f"--llm-judge=http://u:{quote(password, safe='')}@h/v1@judge"]
    text = f"judge said: password {password} token {basic('u:' + password)}"
    assert CANARY not in public_message(text, sources=given)


def test_a_log_record_hides_a_userinfo_without_a_scheme(caplog):
    hide_secrets_in_logs(lambda text: text)
    with caplog.at_level(logging.INFO):
        logging.getLogger("httpx").info("connect to %s failed", f"user:pw-{CANARY}@10.0.0.1:8000")
    assert CANARY not in caplog.records[-1].getMessage()


# -- secret vLLM flags: one recognition ---------------------------------------------------------------------------
# vLLM's parser reads `_` as `-` and takes any unambiguous abbreviation (argparse): `--api-k X` is --api-key X;
# `--api-` (--api-server-count too) and `--hf-` (--hf-overrides) are not, nor `--api-keys` or `--apikey`
ABBREVIATIONS = ["--api-k", "--api-ke", "--Api_K", "--hf-tok", "--hf-t", "--HF_TO"]
NOT_SECRET = ["--api-", "--hf-", "--api-keys", "--hf-token-x", "--apikey", "--port"]


@pytest.mark.parametrize("flag", ABBREVIATIONS)
def test_an_abbreviated_secret_flag_is_hidden_and_moved_to_the_environment_and_no_other_flag_is(flag):
    value = f"sk-{CANARY}"
    for args in ([flag, value, "--port", "1"], [f"{flag}={value}", "--port", "1"]):
        assert CANARY not in " ".join(redact(args)) + " ".join(redact(args, every_value=True)), args
        kept, env = secrets_in_environment(args)
        assert kept == ["--port", "1"] and list(env.values()) == [value], (args, kept, env)
    inside = [f"--llm-vllm-arg={flag}={value}", f"--llm-vllm-arg={flag} {value}"]
    assert CANARY not in " ".join(redact(inside))
    for other in NOT_SECRET:
        assert secret_flag(other) is None
        assert redact([other, "v", f"{other}=w"]) == [other, "v", f"{other}=w"]
        assert secrets_in_environment([other, "v"]) == ([other, "v"], {})


def test_a_list_of_keys_inside_one_argument_is_hidden_whole():
    args = [f"--llm-vllm-arg=--api-key k1-{CANARY} k2-{CANARY} --port 1"]
    shown = redact(args)
    assert shown == ["--llm-vllm-arg=--api-key *** *** --port 1"]
    assert redacted_values(args, shown) == [f"k1-{CANARY}", f"k2-{CANARY}"]
    # the flag last in a value of several words: its value is the next argument
    assert redact(["--llm-vllm-arg=--dtype half --api-key", f"k-{CANARY}"])[1] == "***"


def test_the_secrets_a_launched_server_gets_are_all_known(monkeypatch):
    monkeypatch.setenv("HF_TOKEN", f"hf-{CANARY}-ENV")
    monkeypatch.delenv("VLLM_API_KEY", raising=False)
    args = ["--api-key", f"k1-{CANARY}", f"k2-{CANARY}", "--hf-tok", f"hf-{CANARY}-ARG", "--seed", "7"]
    assert sorted(launch_secrets(args, {"VLLM_API_KEY": f"v-{CANARY}"})) == sorted(
        [f"k1-{CANARY}", f"k2-{CANARY}", f"hf-{CANARY}-ARG", f"v-{CANARY}", f"hf-{CANARY}-ENV"]
    )
