"""Fault: the server dies under load. The benchmark with 64 requests in flight loses its server half-way
(the server process is SIGKILLed once the second wave of requests has begun): every request is accounted for
as completed or failed, and the summary says how many of each. The server is the project's OpenAI-compatible
fake in its own process, so the kill is a real one (connections reset mid-stream) and the timing does not
depend on the machine's load; the same accounting against vLLM is `tests/test_plugin_bench.py`."""

from __future__ import annotations

import signal
import subprocess
import sys

from pytest_llmeval.bench import run_benchmark
from pytest_llmeval.bench.config import BenchConfig
from pytest_llmeval.serving.endpoint import Endpoint

SERVE = """
import os, signal, time
from pytest_llmeval.testing.openai_fake import FakeServer
server = FakeServer(chunks=40, delay_s=0.05, flush_each=True).start()  # >= 2 s per request
print(server.port, flush=True)
# Request 65 arrives only once one of the first 64 has finished: the second wave has begun. Half a second later
# (a request takes 2 s), the server kills itself with 64 or fewer requests mid-stream - at any CPU load.
while sum(path.endswith("completions") for path, _ in list(server.received)) <= 64:
    time.sleep(0.01)
time.sleep(0.5)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_server_killed_with_64_requests_in_flight_loses_no_request():
    server = subprocess.Popen([sys.executable, "-c", SERVE], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        messages: list[str] = []
        # 128 requests, 64 at a time: the server SIGKILLs itself once the second wave has begun (see SERVE)
        cfg = BenchConfig(concurrency=64, num_requests=128, max_tokens=40, warmup_requests=0, prompt_tokens=16)
        result = run_benchmark(Endpoint(f"http://127.0.0.1:{port}/v1", "fake"), cfg, progress=messages.append)
        assert server.wait(timeout=30) == -signal.SIGKILL
    finally:
        server.kill()
        server.wait()
    summary = result["summary"]
    requests = result["requests"]
    assert len(requests) == 128 and sorted(r["index"] for r in requests) == list(range(128))
    assert summary["completed"] + summary["failed"] == 128
    assert 0 < summary["completed"] < 128 and 0 < summary["failed"] < 128, summary
    assert all(r["error"] for r in requests if not r["success"])
    assert sum(summary["error_counts"].values()) == summary["failed"]
    assert any(f"{summary['completed']} ok, {summary['failed']} failed" in m for m in messages)
