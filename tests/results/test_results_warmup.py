"""Latency measured like a benchmark, against the fake OpenAI-compatible server: one warm-up request per model
before the first measured case (excluded, recorded as run.warmup), vLLM's cache_salt per sample with
--llm-repeat, and the settings that change speed recorded in run.settings.speed."""

from __future__ import annotations

import time

import pytest

from pytest_llmeval.serving.client import WARMUP_PROMPT, ChatClient
from pytest_llmeval.serving.endpoint import Endpoint
from pytest_llmeval.testing.openai_fake import FakeServer

FIRST_REQUEST_S = 0.6  # the fake server's "first-request cost" (a real server compiles, allocates, connects)
N_CASES = 3


class ColdStart:
    """Answers every case correctly; the first request of the server's life waits FIRST_REQUEST_S first."""

    def __init__(self) -> None:
        self.cold = True

    def __call__(self, request: dict) -> str:
        if self.cold:
            self.cold = False
            time.sleep(FIRST_REQUEST_S)
        return "答：甲项、乙项。"


class RefusesCacheSalt(FakeServer):
    """A cloud API that rejects fields it does not know (as OpenAI's does) with HTTP 400."""

    async def _stream(self, req, chat, writer):  # type: ignore[no-untyped-def]
        if "cache_salt" in req:
            body = b'{"error": {"message": "Unrecognized request argument supplied: cache_salt"}}'
            self._plain(writer, 400, body, "application/json")
            return True
        return await super()._stream(req, chat, writer)


def scenario() -> str:
    lines = ["suite: speed", "cases:"]
    for i in range(N_CASES):
        lines += [
            f"  - id: q{i}",
            "    category: speed",
            f"    question: 第{i}题：列出要点。",
            "    key_points: [甲项, 乙项]",
        ]
    return "\n".join(lines) + "\n"


def chats(fake: FakeServer) -> list[dict]:
    return [body for path, body in fake.received if path == "/v1/chat/completions"]


def is_warmup(body: dict) -> bool:
    return body["messages"][-1]["content"] == WARMUP_PROMPT


@pytest.fixture
def speed_project(llm_project):
    llm_project.scenario("speed.yaml", scenario())
    return llm_project


def run(project, fake: FakeServer, *args: str) -> pytest.RunResult:
    return project.run("--llm-base-url", fake.base_url, "--llm-model", "m", "--llm-max-tokens", "16", *args)


def test_one_warm_up_per_model_takes_the_first_request_cost_and_is_excluded(speed_project):
    with FakeServer(answers=ColdStart()) as fake:
        result = run(speed_project, fake)
        asked = chats(fake)
    result.assert_outcomes(passed=N_CASES)
    assert len(asked) == N_CASES + 1 and is_warmup(asked[0]) and not any(is_warmup(b) for b in asked[1:])
    doc = speed_project.results()
    (warmup,) = doc["run"]["warmup"]
    assert warmup["model"] == "m" and warmup["worker"] == "main" and warmup["error"] is None
    assert warmup["ttft_s"] >= FIRST_REQUEST_S and warmup["cache_salt"] is None  # no repeats: no salt asked
    assert len(doc["cases"]) == N_CASES and all(c["ttft_s"] < FIRST_REQUEST_S for c in doc["cases"])
    (row,) = doc["aggregates"]["models"]
    assert row["samples"] == N_CASES and row["ttft_p50_s"] < FIRST_REQUEST_S  # not in any figure
    speed = doc["run"]["settings"]["speed"]
    assert speed == {
        "xdist_workers": 0,
        "dist": "no",
        "warmup": 1,
        "cache_salt": "off",
    }
    assert "speed settings: xdist workers 0" in speed_project.report()


def test_without_warm_up_the_first_case_pays_the_first_request_cost(speed_project):
    with FakeServer(answers=ColdStart()) as fake:
        result = run(speed_project, fake, "--llm-warmup", "0", "--llm-concurrency", "1")
        asked = chats(fake)
    result.assert_outcomes(passed=N_CASES)
    assert len(asked) == N_CASES and not any(is_warmup(b) for b in asked)
    doc = speed_project.results()
    assert doc["run"].get("warmup", []) == [] and doc["run"]["settings"]["speed"]["warmup"] == 0
    assert max(c["ttft_s"] for c in doc["cases"]) >= FIRST_REQUEST_S


def test_repeats_send_a_cache_salt_per_sample(speed_project):
    with FakeServer(answers=lambda _req: "答：甲项、乙项。") as fake:
        result = run(speed_project, fake, "--llm-repeat", "2")
        asked = chats(fake)
    result.assert_outcomes(passed=N_CASES)
    warmups = [b for b in asked if is_warmup(b)]
    cases = [b for b in asked if not is_warmup(b)]
    assert len(warmups) == 1 and warmups[0]["cache_salt"] == "llmeval-sample-warmup"
    assert len(cases) == 2 * N_CASES
    salts = sorted(str(b.get("cache_salt")) for b in cases)
    assert salts == ["None"] * N_CASES + ["llmeval-sample-1"] * N_CASES  # sample 0 as without repeats
    for i in range(N_CASES):  # the two samples of one case never share a salt
        mine = [b.get("cache_salt") for b in cases if f"第{i}题" in b["messages"][-1]["content"]]
        assert sorted(map(str, mine)) == ["None", "llmeval-sample-1"]
    doc = speed_project.results()
    assert doc["run"]["warmup"][0]["cache_salt"] is True
    assert doc["run"]["settings"]["speed"]["cache_salt"] == "per sample"


def test_a_server_that_refuses_cache_salt_gets_none_and_the_run_says_so(speed_project):
    with RefusesCacheSalt(answers=lambda _req: "答：甲项、乙项。") as fake:
        result = run(speed_project, fake, "--llm-repeat", "2")
        asked = chats(fake)
    result.assert_outcomes(passed=N_CASES)  # no case errors for it
    assert [("cache_salt" in b) for b in asked] == [True, False] + [False] * 2 * N_CASES  # refused, then retried
    (warmup,) = speed_project.results()["run"]["warmup"]
    assert warmup["cache_salt"] is False and "HTTP 400" in warmup["cache_salt_error"] and warmup["error"] is None


def test_under_xdist_each_worker_warms_its_own_connection_and_the_controller_records_it(speed_project):
    with FakeServer(answers=lambda _req: "答：甲项、乙项。") as fake:
        result = speed_project.pytester.runpytest_subprocess(
            "-p", "no:cacheprovider", "-n", "2", "--llm-base-url", fake.base_url, "--llm-model", "m", timeout=180
        )
        asked = chats(fake)
    result.assert_outcomes(passed=N_CASES)
    doc = speed_project.results()
    workers = sorted(w["worker"] for w in doc["run"]["warmup"])
    assert len(workers) == sum(is_warmup(b) for b in asked) and set(workers) <= {"gw0", "gw1"}
    assert len(workers) == len(set(workers)) >= 1  # at most one per worker and model
    assert len(doc["cases"]) == N_CASES and doc["run"]["settings"]["speed"]["xdist_workers"] == 2


def test_client_warm_up_never_raises_and_reports_a_failure():
    with FakeServer() as fake:
        endpoint = Endpoint(fake.base_url, "m")
        client = ChatClient(endpoint)
        try:
            ok = client.warm_up()
        finally:
            client.close()
    assert ok["error"] is None and ok["output_tokens"] == 8 and ok["ttft_s"] is not None
    client = ChatClient(Endpoint("http://127.0.0.1:9/v1", "m"), timeout_s=5)  # nothing listens on port 9
    try:
        failed = client.warm_up()
    finally:
        client.close()
    assert failed["ttft_s"] is None and "127.0.0.1:9" in failed["error"]
