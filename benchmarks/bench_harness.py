"""How many requests/s can the benchmark client itself sustain?

Starts the instant fake OpenAI-compatible server (pytest_llmeval.bench.fakeserver,
raw asyncio, loopback only) in a child process, then drives it with:

- ours:       the library's LoadGenerator, aiohttp transport (the default when aiohttp is installed);
- ours-httpx: the same with its httpx.AsyncClient fallback transport;
- openai:     openai.AsyncOpenAI streaming, one shared client (for comparison);
- aiohttp:    a bare aiohttp session parsing SSE like vLLM's own `vllm bench serve`.

Each run is bounded by --requests and --max-seconds. The client only has to
outrun the server under test: the embedded CPU model streams ~25 tokens/s per
request, a GPU server a few thousand tokens/s in total, so a few hundred req/s
(several thousand chunks/s) of client headroom is plenty.

    python benchmarks/bench_harness.py [--requests 2000] [--chunks 8] [--concurrency 16 64]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pytest_llmeval.bench.config import BenchConfig  # noqa: E402
from pytest_llmeval.bench.prompts import Prompt  # noqa: E402
from pytest_llmeval.bench.runner import LoadGenerator  # noqa: E402
from pytest_llmeval.serving.endpoint import Endpoint  # noqa: E402


def serve(port: int, chunks: int, flush_each: bool) -> None:
    from pytest_llmeval.testing.openai_fake import FakeServer

    try:
        import uvloop  # the server should not be the bottleneck

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(FakeServer(chunks=chunks, port=port, flush_each=flush_each).serve())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float = 20) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("fake server did not start")


# --------------------------------------------------------------------------- clients


async def run_ours(
    base_url: str, n: int, conc: int, max_s: float, transport: str = "aiohttp"
) -> tuple[int, int, int, float]:
    cfg = BenchConfig(concurrency=conc, num_requests=n, max_tokens=999, warmup_requests=0)
    gen = LoadGenerator(
        Endpoint(base_url, "fake"), cfg, [Prompt(f"prompt {i}", 3) for i in range(n)], transport=transport
    )
    try:
        res = await asyncio.wait_for(gen.run(), max_s)
    except TimeoutError:
        res = gen.partial()
    ok = [r for r in res.records if r.success]
    return len(ok), len(res.records) - len(ok), sum(r.chunks for r in ok), res.duration_s


async def _bounded(n: int, conc: int, max_s: float, one) -> tuple[int, int, int, float]:
    sem = asyncio.Semaphore(conc)
    done = {"ok": 0, "failed": 0, "chunks": 0}

    async def limited(i: int) -> None:
        async with sem:
            try:
                chunks = await one(i)  # (not `+= await`: that would read the total before awaiting)
                done["chunks"] += chunks
                done["ok"] += 1
            except Exception:
                done["failed"] += 1

    t0 = time.perf_counter()
    tasks = [asyncio.create_task(limited(i)) for i in range(n)]
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), max_s)
    except TimeoutError:
        pass
    return done["ok"], done["failed"], done["chunks"], time.perf_counter() - t0


async def run_openai(base_url: str, n: int, conc: int, max_s: float) -> tuple[int, int, int, float]:
    import httpx
    import openai

    client = openai.AsyncOpenAI(
        base_url=base_url,
        api_key="EMPTY",
        max_retries=0,
        http_client=httpx.AsyncClient(
            limits=httpx.Limits(max_connections=conc, max_keepalive_connections=conc), timeout=60
        ),
    )

    async def one(i: int) -> int:
        stream = await client.completions.create(
            model="fake", prompt=f"prompt {i}", max_tokens=64, stream=True, stream_options={"include_usage": True}
        )
        return len([chunk async for chunk in stream if chunk.choices])

    try:
        return await _bounded(n, conc, max_s, one)
    finally:
        await client.close()


async def run_aiohttp(base_url: str, n: int, conc: int, max_s: float) -> tuple[int, int, int, float]:
    import aiohttp

    session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=conc, limit_per_host=conc))

    async def one(i: int) -> int:
        body = {
            "model": "fake",
            "prompt": f"prompt {i}",
            "max_tokens": 999,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        chunks = 0
        async with session.post(base_url + "/completions", json=body) as resp:
            buf = ""
            async for data in resp.content.iter_any():
                buf += data.decode()
                while "\n\n" in buf:
                    msg, buf = buf.split("\n\n", 1)
                    payload = msg.strip().removeprefix("data: ")
                    if payload and payload != "[DONE]" and json.loads(payload).get("choices"):
                        chunks += 1
        return chunks

    try:
        return await _bounded(n, conc, max_s, one)
    finally:
        await session.close()


async def run_ours_httpx(base_url: str, n: int, conc: int, max_s: float) -> tuple[int, int, int, float]:
    return await run_ours(base_url, n, conc, max_s, transport="httpx")


CLIENTS = {"ours": run_ours, "ours-httpx": run_ours_httpx, "openai": run_openai, "aiohttp": run_aiohttp}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=2000, help="requests per measurement")
    ap.add_argument("--chunks", type=int, default=8, help="token chunks per response")
    ap.add_argument("--concurrency", type=int, nargs="+", default=[16, 64])
    ap.add_argument("--clients", nargs="+", default=list(CLIENTS), choices=list(CLIENTS))
    ap.add_argument("--repeats", type=int, default=2, help="measurements per (client, concurrency); best is shown")
    ap.add_argument("--max-seconds", type=float, default=20.0, help="time bound per measurement")
    ap.add_argument(
        "--burst",
        action="store_true",
        help="server writes a whole response at once (default: one write per event, as a real server)",
    )
    ap.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.serve, args.chunks, not args.burst)
        return

    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve",
            str(port),
            "--chunks",
            str(args.chunks),
            *(["--burst"] if args.burst else []),
        ],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        wait_port(port)
        base_url = f"http://127.0.0.1:{port}/v1"
        mode = "whole response in one write" if args.burst else "one write per event"
        print(
            f"instant fake server ({mode}), {args.chunks} token chunks + usage per response, "
            f"{args.requests} requests per measurement, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}"
        )
        print(f"{'client':10} {'conc':>5} {'ok':>6} {'failed':>6} {'seconds':>8} {'req/s':>8} {'chunks/s':>9}")
        for conc in args.concurrency:
            for name in args.clients:
                best = None
                for _ in range(args.repeats):
                    ok, failed, chunks, dur = asyncio.run(
                        CLIENTS[name](base_url, args.requests, conc, args.max_seconds)
                    )
                    if best is None or ok / dur > best[0] / best[3]:
                        best = (ok, failed, chunks, dur)
                ok, failed, chunks, dur = best
                print(f"{name:10} {conc:>5} {ok:>6} {failed:>6} {dur:>8.2f} {ok / dur:>8.0f} {chunks / dur:>9.0f}")
        print("needed by the embedded CPU model: ~25 chunks/s per stream (e.g. concurrency 16: ~400 chunks/s)")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
