"""What one streamed chat request costs the measuring client: the openai SDK, httpx, and the project's
`ChatClient` (standard-library http.client, serving/http_stream.py), against the instant fake server.

Each client sends N streamed requests one after another from one thread (the server runs in its own
process, so its CPU is not charged to the client's); printed: milliseconds a request (wall, which includes
the server's turn) and the client process's CPU milliseconds a request. Best of --runs, interleaved.

    .venv/bin/python benchmarks/client_cost.py [--requests 1000] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MESSAGES = [{"role": "user", "content": "请回答第1个问题。"}]


def serve(port_queue: Any, stop: Any) -> None:
    from pytest_llmeval.testing.openai_fake import FakeServer

    with FakeServer(answers=lambda request: "答案") as fake:
        port_queue.put(fake.port)
        stop.wait()


def openai_sdk(base_url: str, n: int) -> None:
    import openai

    client = openai.OpenAI(base_url=base_url, api_key="EMPTY", max_retries=0)
    for _ in range(n):
        stream = client.chat.completions.create(  # type: ignore[call-overload]
            model="fake",
            messages=MESSAGES,  # type: ignore[arg-type]
            max_tokens=4,
            temperature=0,
            stream=True,
            stream_options={"include_usage": True},
        )
        for _chunk in stream:
            pass


def httpx_stream(base_url: str, n: int) -> None:
    import httpx

    body = {"model": "fake", "messages": MESSAGES, "max_tokens": 4, "stream": True}
    with httpx.Client(timeout=60) as client:
        for _ in range(n):
            with client.stream("POST", base_url + "/chat/completions", json=body) as response:
                for line in response.iter_lines():
                    if line.startswith("data:") and line[5:].strip() != "[DONE]":
                        json.loads(line[5:])


def chat_client(base_url: str, n: int) -> None:
    from pytest_llmeval.serving.client import ChatClient
    from pytest_llmeval.serving.endpoint import Endpoint

    client = ChatClient(Endpoint(base_url, "fake"))
    for _ in range(n):
        client.complete(MESSAGES, max_tokens=4)
    client.close()


def measure(fn: Callable[[str, int], None], base_url: str, n: int) -> tuple[float, float]:
    fn(base_url, 20)  # imports and the connection, not measured
    cpu0, wall0 = time.process_time(), time.perf_counter()
    fn(base_url, n)
    return 1000 * (time.perf_counter() - wall0) / n, 1000 * (time.process_time() - cpu0) / n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ports: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
    stop = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(ports, stop), daemon=True)
    server.start()
    base_url = f"http://127.0.0.1:{ports.get(timeout=30)}/v1"
    clients = {"openai SDK": openai_sdk, "httpx": httpx_stream, "ChatClient (http.client)": chat_client}
    best: dict[str, tuple[float, float]] = {}
    try:
        for _ in range(args.runs):
            for name, fn in clients.items():
                wall, cpu = measure(fn, base_url, args.requests)
                old = best.get(name, (float("inf"), float("inf")))
                best[name] = (min(old[0], wall), min(old[1], cpu))
    finally:
        stop.set()
        server.join(10)
    print(
        f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; "
        f"{args.requests} streamed requests, best of {args.runs}"
    )
    print(f"{'client':<26} {'ms a request':>13} {'client CPU ms':>14}")
    for name, (wall, cpu) in best.items():
        print(f"{name:<26} {wall:>13.3f} {cpu:>14.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
