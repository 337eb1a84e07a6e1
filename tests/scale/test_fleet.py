"""Endpoint fleets: the load is shared by the endpoint with the fewest in flight, a replica that dies is taken
out and its in-flight cases are retried once on another, results name the endpoint (without secrets)."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from pytest_llmeval.serving.endpoint import Endpoint, public_url
from pytest_llmeval.serving.fleet import FleetClient, FleetError, read_urls
from pytest_llmeval.testing.openai_fake import FakeServer

MESSAGES = [{"role": "user", "content": "hello"}]


def stop_all(servers: list[FakeServer]) -> None:
    for server in servers:
        if server._thread is not None:  # the killed replica is stopped already
            try:
                server.stop()
            except RuntimeError:  # its loop closed while this stop was on its way
                pass


def test_public_url_drops_userinfo_query_and_fragment():
    assert public_url("http://user:s3cret@10.0.0.5:8000/v1?token=abc#x") == "http://10.0.0.5:8000/v1"
    assert public_url("https://api.example.com/v1/") == "https://api.example.com/v1"


def test_read_urls_from_the_option_and_files(tmp_path: Path):
    listed = tmp_path / "urls.txt"
    listed.write_text("# replicas\nhttp://a:8000/v1\n\nhttp://b:8000/v1  # second\n", encoding="utf-8")
    assert read_urls(["http://c:8000/v1", f"@{listed}"]) == ["http://c:8000/v1", "http://a:8000/v1", "http://b:8000/v1"]
    with pytest.raises(FleetError, match="cannot read"):
        read_urls([f"@{tmp_path / 'missing.txt'}"])
    with pytest.raises(FleetError, match="given twice"):
        read_urls(["http://a:8000/v1", "http://a:8000/v1/"])
    with pytest.raises(FleetError, match="not an http"):
        read_urls(["a:8000"])


def test_three_endpoints_share_the_load_from_many_threads():
    servers = [FakeServer(chunks=4, delay_s=0.01).start() for _ in range(3)]
    try:
        fleet = FleetClient(Endpoint(servers[0].base_url, "m"), [s.base_url for s in servers])
        with ThreadPoolExecutor(6) as pool:
            completions = list(pool.map(lambda _: fleet.complete(MESSAGES, max_tokens=4), range(30)))
        counts = [s.requests for s in servers]
        assert sum(counts) == 30 and min(counts) >= 5, counts  # each replica takes a share
        used = {c.metrics.endpoint for c in completions}
        assert used == {public_url(s.base_url) for s in servers}
        assert all(c.metrics.retry is None for c in completions)
        assert [m["served"] for m in fleet.status()] == counts
        assert all(m["in_flight"] == 0 for m in fleet.status())
        fleet.close()
    finally:
        stop_all(servers)


def test_a_replica_killed_mid_run_is_taken_out_and_its_cases_retried_once():
    servers = [FakeServer(chunks=20, delay_s=0.02).start() for _ in range(3)]
    victim = servers[1]
    try:
        fleet = FleetClient(Endpoint(servers[0].base_url, "m"), [s.base_url for s in servers])
        started = threading.Event()

        def ask(i: int):
            if i == 6:
                started.set()
            return fleet.complete(MESSAGES, max_tokens=20)

        with ThreadPoolExecutor(6) as pool:
            futures = [pool.submit(ask, i) for i in range(36)]
            started.wait(10)
            victim.stop()  # cuts the streams in flight there and refuses new connections
            completions = [f.result() for f in futures]  # none raises: no case lost
        assert len(completions) == 36 and all(c.text for c in completions)
        retried = [c for c in completions if c.metrics.retry is not None]
        assert retried, "the cases in flight on the killed replica were retried"
        assert {c.metrics.retry["from"] for c in retried} == {public_url(victim.base_url)}
        assert all(c.metrics.endpoint != public_url(victim.base_url) for c in retried)
        status = {m["endpoint"]: m for m in fleet.status()}
        assert status[public_url(victim.base_url)]["alive"] is False
        after = fleet.complete(MESSAGES, max_tokens=2)
        assert after.metrics.endpoint != public_url(victim.base_url)
    finally:
        stop_all(servers)


def test_an_endpoint_that_stays_up_is_not_taken_out_for_a_cut_stream():
    with FakeServer(chunks=8) as a, FakeServer(chunks=8) as b:
        fleet = FleetClient(Endpoint(a.base_url, "m"), [a.base_url, b.base_url])
        from pytest_llmeval.serving.client import LLMRequestError

        with pytest.raises(LLMRequestError):
            fleet.complete([{"role": "user", "content": "DROP this"}], max_tokens=8)
        assert all(m["alive"] for m in fleet.status())


def test_fleet_in_a_pytest_run_records_the_endpoint_and_survives_a_replica_loss(llm_project):
    llm_project.scenario(
        "fleet.yaml",
        "suite: fleet\ncases:\n"
        + "".join(
            f"  - id: f{i:02d}\n    category: c\n    question: 第{i:02d}题\n    key_points: [甲]\n" for i in range(16)
        ),
    )
    servers = [FakeServer(delay_s=0.01, answers=lambda req: "甲" * 30) for _ in range(3)]
    for server in servers:
        server.start()
    victim = servers[2]
    asked = {"n": 0}
    lock = threading.Lock()

    def count(req):
        with lock:
            asked["n"] += 1
            if asked["n"] == 6:
                threading.Thread(target=victim.stop).start()
        return "甲" * 30

    for server in servers:
        server.answers = count
    listed = llm_project.path / "urls.txt"
    listed.write_text(f"{servers[1].base_url}\n{victim.base_url}\n", encoding="utf-8")
    secret_url = servers[0].base_url.replace("http://", "http://user:s3cret@")
    try:
        result = llm_project.run(
            "--llm-model", "m", "--llm-base-url", secret_url, f"--llm-base-url=@{listed}",
            "--llm-concurrency", "3", "--llm-max-tokens", "40",
        )  # fmt: skip
    finally:
        stop_all(servers)
    assert result.ret == 0, result.stdout.str()
    doc = llm_project.results()
    separate = llm_project.run("--llm-model", "m", "--llm-base-url", f"@{listed}")
    assert separate.ret == pytest.ExitCode.USAGE_ERROR
    assert f"Fix: write --llm-base-url=@{listed}" in separate.stderr.str()
    cases = doc["cases"]
    assert len(cases) == 16 and not any(c.get("error") for c in cases)
    endpoints = {c["endpoint"] for c in cases}
    assert public_url(servers[0].base_url) in endpoints and public_url(servers[1].base_url) in endpoints
    retried = [c for c in cases if c.get("retry")]
    assert retried, "the cases in flight on the killed replica were retried (recorded as such)"
    assert all(c["retry"]["from"] == public_url(victim.base_url) for c in retried)
    assert all(c["endpoint"] != public_url(victim.base_url) for c in retried)
    launch = doc["run"]["launches"][0]
    assert launch["endpoints"] == [public_url(s.base_url) for s in servers]
    assert "s3cret" not in json.dumps(doc)
