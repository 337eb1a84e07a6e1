"""The benchmark against a base URL with credentials and a query (`http://user:pw@host/v1?api_key=x`): requests go
to the base path + /completions with the query kept at the end and the credentials as a header; only the public
form of the URL (no userinfo, no query) is printed or recorded."""

from __future__ import annotations

import asyncio
import base64
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from pytest_llmeval.bench import BenchConfig, run_benchmark
from pytest_llmeval.bench.prompts import Prompt, ServerTokenCounter, pick_counter, server_root, tokenize_url
from pytest_llmeval.bench.runner import LoadGenerator, request_url
from pytest_llmeval.serving.endpoint import Endpoint

USER, PASSWORD, QUERY = "al", "PWB1secret", "api_key=QKB1secret"
BASIC = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()


class Recorder(ThreadingHTTPServer):
    """An OpenAI-like server that routes on the path alone (a query is allowed, as vLLM's FastAPI allows it) and
    records every request's target and Authorization header."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.seen: list[tuple[str, str | None]] = []
        self.refuse = False  # answer 401, echoing the request target (as some gateways do)


class Handler(BaseHTTPRequestHandler):
    server: Recorder

    def log_message(self, *args: object) -> None:
        return None

    def do_POST(self) -> None:  # noqa: N802 - the http.server name
        self.server.seen.append((self.path, self.headers.get("Authorization")))
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        path = urlsplit(self.path).path
        if self.server.refuse:
            self._send(401, "application/json", json.dumps({"error": f"no access to {self.path}"}).encode())
        elif path == "/tokenize":
            text = body.get("prompt") or ""
            self._send(200, "application/json", json.dumps({"count": len(text.split()) + 1}).encode())
        elif path in ("/v1/completions", "/v1/chat/completions"):
            events = [{"choices": [{"text": "x", "finish_reason": None}]} for _ in range(3)]
            events.append({"choices": [{"text": "x", "finish_reason": "length"}]})
            events.append({"choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": 4}})
            data = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
            self._send(200, "text/event-stream", data.encode())
        else:
            self._send(404, "application/json", b'{"error": {"message": "not found"}}')

    def _send(self, status: int, ctype: str, payload: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def secret_url(server: Recorder) -> str:
    return f"http://{USER}:{PASSWORD}@127.0.0.1:{server.server_address[1]}/v1?{QUERY}"


def test_request_urls_keep_the_query_at_the_end_and_drop_the_userinfo():
    endpoint = Endpoint("http://u:pw@h:8000/v1/?api_key=k", "m")
    assert request_url(endpoint, "completions") == "http://h:8000/v1/completions?api_key=k"
    assert request_url(endpoint, "chat") == "http://h:8000/v1/chat/completions?api_key=k"
    assert tokenize_url(endpoint.base_url) == "http://h:8000/tokenize?api_key=k"
    assert server_root("http://h:1/v1?k=x") == "http://h:1?k=x"


@pytest.mark.parametrize("transport", ["aiohttp", "httpx"])
def test_requests_send_the_urls_credentials_and_query(recorder, transport):
    config = BenchConfig(concurrency=2, num_requests=3, max_tokens=4, warmup_requests=0)
    gen = LoadGenerator(Endpoint(secret_url(recorder), "m"), config, [Prompt("a b", None)] * 3, transport=transport)
    result = asyncio.run(gen.run())
    assert all(r.success for r in result.records), [r.error for r in result.records]
    assert recorder.seen == [(f"/v1/completions?{QUERY}", BASIC)] * 3


def test_a_run_prints_and_records_only_the_public_url(recorder):
    said: list[str] = []
    config = BenchConfig(concurrency=2, num_requests=4, max_tokens=4, warmup_requests=1, prompt_tokens=8)
    result = run_benchmark(Endpoint(secret_url(recorder), "m"), config, progress=said.append)
    assert result["summary"]["completed"] == 4 and result["summary"]["failed"] == 0
    public = f"http://127.0.0.1:{recorder.server_address[1]}/v1"
    assert result["endpoint"]["base_url"] == public
    assert result["prompts"]["length_method"] == "server /tokenize"  # reached with the query and credentials
    assert (f"/tokenize?{QUERY}", BASIC) in recorder.seen
    text = json.dumps(result) + "\n".join(said)
    assert PASSWORD not in text and "QKB1" not in text, text
    notes: list[str] = []
    counter = pick_counter(f"http://u:{PASSWORD}@127.0.0.1:9/v1?{QUERY}", "m", note=notes.append)
    assert not isinstance(counter, ServerTokenCounter)
    assert notes[0] == "http://127.0.0.1:9/tokenize is not available"


def test_the_bench_in_a_pytest_run_keeps_the_urls_secrets_out(llm_project, recorder):
    root = Path(__file__).resolve().parents[2]
    llm_project.pytester.makepyfile(
        test_throughput=(root / "scenarios" / "test_throughput.py").read_text(encoding="utf-8")
    )
    result = llm_project.run(
        "test_throughput.py", "--llm-bench", "--llm-bench-requests", "4", "--llm-bench-concurrency", "2",
        "--llm-bench-max-tokens", "4", "--llm-bench-warmup", "0", "--llm-model", "m",
        f"--llm-base-url={secret_url(recorder)}", "--llm-runs-dir=runs", "-s",
    )  # fmt: skip
    out = result.stdout.str() + result.stderr.str()
    assert result.ret == 0, out
    assert PASSWORD not in out and "QKB1" not in out
    written = [llm_project.path / "llmeval-report" / "results.json", *(llm_project.path / "runs").glob("*.json")]
    for path in written:
        assert PASSWORD not in path.read_text(encoding="utf-8") and "QKB1" not in path.read_text(encoding="utf-8")
    assert len(written) == 2


def test_a_servers_echo_of_the_urls_secrets_is_not_recorded(recorder):
    recorder.refuse = True
    config = BenchConfig(concurrency=1, num_requests=2, max_tokens=4, warmup_requests=0)
    gen = LoadGenerator(Endpoint(secret_url(recorder), "m"), config, [Prompt("a b", None)] * 2, transport="httpx")
    result = asyncio.run(gen.run())
    errors = [r.error or "" for r in result.records]
    assert all("HTTP 401" in e and "/v1/completions?***" in e for e in errors), errors
    assert not any("QKB1" in e for e in errors)
    counter = ServerTokenCounter(secret_url(recorder), "m")
    try:
        with pytest.raises(ValueError) as caught:
            counter.count("a b")
    finally:
        counter.close()
    assert "answered HTTP 401" in str(caught.value) and "QKB1" not in str(caught.value)
