"""Endpoint fleets: the load is shared by the endpoint with the fewest in flight, a replica that dies is taken
out and its in-flight cases are retried once on another, results name the endpoint (without secrets)."""

from __future__ import annotations

import json
import re
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


def free_port() -> int:
    """A port nothing listens on (a replica that is down)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_public_url_never_raises_and_never_shows_the_password():
    urls = ("http://u:SECRET@h:99999/v1?k=SECRET", "http://u:SECRET@h:abc/v1", "http://u:SECRET@[::1/v1?k=x")
    # a password with an unencoded / # ?: urllib reads its first part as the host and port, the rest as the path
    urls += ("http://admin:SECRET/3#x@h:8000/v1", "http://u:123/SECRET@h:8000/v1", "http://u:SE?CRET@h/v1")
    for url in urls:
        shown = public_url(url)
        assert "SECRET" not in shown and shown.startswith("http://"), shown


@pytest.mark.parametrize(
    ("urls", "message"),
    [
        (["http://u:SECRET@h:99999/v1"], "the port 99999 is out of range"),
        (["http://h:abc/v1"], "the port 'abc' is not a number"),
        (["http://h:0/v1"], "the port 0 is out of range"),
        (["http://u:SECRET@[::1/v1?api_key=SECRET"], "bad IPv6 address"),
        (["http://h:8000/v1 http://h2:8000/v1"], "holds more than one URL"),
        (["http://h:8000/v1,http://h2:8000/v1"], "holds more than one URL"),
        (["http://h:80\t00/v1"], "space or control character"),
        (["http://admin:SECRET/3#x@h:8000/v1"], "its password holds a /, ? or # that is not percent-encoded"),
        (["http://u:123/SECRET@h:8000/v1"], "is not percent-encoded"),
        (["ftp://u:SECRET@h/v1"], "not an http(s) URL"),
        (["http://u:SECRET@h:8000/v1", "http://h:8000/v1"], "given twice"),  # the same replica, twice the load
        (["HTTP://H:8000/v1", "http://h:8000/v1"], "given twice"),
        (["http://a:8000/v1?api_key=SECRET1", "http://a:8000/v1?api_key=SECRET2"], "given twice"),
        (["http://a/v1", "http://a:80/v1"], "given twice"),
    ],
)
def test_read_urls_refuses_a_bad_url_with_the_fix_and_no_secret(urls, message):
    with pytest.raises(FleetError, match=re.escape(message)) as caught:
        read_urls(urls)
    text = str(caught.value)
    assert "SECRET" not in text and "Fix:" in text and text.startswith("--llm-base-url"), text


def test_read_urls_names_the_file_and_line_and_reads_a_bom(tmp_path: Path):
    listed = tmp_path / "urls.txt"
    listed.write_text("\ufeffhttp://a:8000/v1\n# a comment\nhttp://u:SECRET@b:99999/v1\n", encoding="utf-8")
    with pytest.raises(FleetError, match=re.escape(f"--llm-base-url @{listed}:3: 'http://b:99999/v1'")) as caught:
        read_urls([f"@{listed}"])
    assert "SECRET" not in str(caught.value)
    listed.write_text("\ufeffhttp://a:8000/v1\nhttp://b:8000/v1 http://c:8000/v1\n", encoding="utf-8")
    with pytest.raises(FleetError, match=re.escape(f"@{listed}:2: ") + ".*more than one URL"):
        read_urls([f"@{listed}"])
    listed.write_text("\ufeffhttp://a:8000/v1\nhttp://b:8000/v1\n", encoding="utf-8")
    assert read_urls([f"@{listed}"]) == ["http://a:8000/v1", "http://b:8000/v1"]
    with pytest.raises(FleetError, match=re.escape(f"(also at --llm-base-url @{listed}:1)")):
        read_urls([f"@{listed}", "http://A:8000/v1/"])


def test_a_malformed_base_url_is_a_usage_error_without_traceback_or_secret(llm_project):
    llm_project.scenario(
        "one.yaml", "suite: s\ncases:\n  - id: c\n    category: x\n    question: q\n    key_points: [a]\n"
    )
    for url in ("http://u:SECRET@h:99999/v1", "http://h:abc/v1", "http://u:SECRET@[::1/v1"):
        result = llm_project.run("--llm-model", "m", f"--llm-base-url={url}")
        out = result.stdout.str() + result.stderr.str()
        assert result.ret == pytest.ExitCode.USAGE_ERROR, out
        assert "SECRET" not in out and "Traceback" not in out and "INTERNALERROR" not in out
        assert "--llm-base-url" in result.stderr.str() and "Fix:" in result.stderr.str()
    result = llm_project.run("--llm-model", "m", "--llm-model-arg", "m:base_url=http://u:SECRET@h:abc/v1")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "--llm-model-arg m:base_url" in result.stderr.str() and "SECRET" not in result.stderr.str()


def test_warm_up_reports_a_live_endpoint_and_takes_a_dead_first_one_out():
    """The first endpoint is down at start: the warm-up's record is the live one's, so the run learns that the
    server takes cache_salt (it lost every repeat's salt), and names the dead endpoint's failure."""
    dead = f"http://127.0.0.1:{free_port()}/v1"
    with FakeServer() as live:
        fleet = FleetClient(Endpoint(dead, "m"), [dead, live.base_url])
        record = fleet.warm_up(cache_salt="llmeval-sample-warmup")
        assert record["cache_salt"] is True and record["error"] is None
        assert record["endpoint"] == public_url(live.base_url)
        assert [f["endpoint"] for f in record["failed_endpoints"]] == [public_url(dead)]
        assert {m["endpoint"]: m["alive"] for m in fleet.status()} == {
            public_url(dead): False,
            public_url(live.base_url): True,
        }
        fleet.close()


def test_repeats_keep_their_cache_salt_when_the_first_endpoint_is_down(llm_project):
    llm_project.scenario(
        "one.yaml", "suite: s\ncases:\n  - id: c1\n    category: x\n    question: 问题\n    key_points: [甲]\n"
    )
    dead = f"http://127.0.0.1:{free_port()}/v1"
    with FakeServer(answers=lambda req: "甲") as live:
        result = llm_project.run(
            "--llm-model", "m", "--llm-base-url", dead, "--llm-base-url", live.base_url, "--llm-repeat", "2"
        )
        salts = [data.get("cache_salt") for path, data in live.received if path.endswith("chat/completions")]
    assert result.ret == 0, result.stdout.str()
    assert salts[0] == "llmeval-sample-warmup", salts
    # sample 0 unsalted, sample 1 salted (asked in either order: --llm-concurrency)
    assert len(salts) == 3 and set(salts[1:]) == {None, "llmeval-sample-1"}, salts
    warmup = llm_project.results()["run"]["warmup"][0]
    assert warmup["cache_salt"] is True and warmup["failed_endpoints"][0]["endpoint"] == public_url(dead)


def test_a_failed_retry_names_both_endpoints_failures():
    from pytest_llmeval.serving.client import LLMRequestError

    first, second = (f"http://127.0.0.1:{free_port()}/v1" for _ in range(2))
    fleet = FleetClient(Endpoint(first, "m"), [first, second])
    with pytest.raises(LLMRequestError) as caught:
        fleet.complete(MESSAGES, max_tokens=4)
    message = str(caught.value)
    assert public_url(first) in message and public_url(second) in message and "retried once" in message
    assert caught.value.kind == "connection"
    assert caught.value.retry["from"] == public_url(first)  # type: ignore[attr-defined]
