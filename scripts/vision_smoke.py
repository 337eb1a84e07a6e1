"""Smoke test of the vision path on a real vLLM server: build the tiny local vision-language model
(pytest_llmeval.vision.tiny_model), serve it with vLLM (CPU build here), send one streamed chat request with an
image from suites/ocr as an OpenAI `image_url` content part, print the answer (noise: the weights are random),
TTFT and the usage tokens.

Exit 0 only if the server answered with a 200 stream that carried content and usage; 1 otherwise.

    .venv/bin/python scripts/vision_smoke.py [--image suites/ocr/images/sign_exit.png] [--model DIR]

The server runs in its own process group, killed (SIGTERM, then SIGKILL) in a `finally`; its log is kept
when the run fails (path printed).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pytest_llmeval.vision.images import load_image  # noqa: E402
from pytest_llmeval.vision.tiny_model import build_tiny_vlm  # noqa: E402

DEFAULT_IMAGE = ROOT / "suites" / "ocr" / "images" / "invoice_total.png"
DEFAULT_QUESTION = "这张发票的合计金额是多少？"
SERVED_NAME = "tiny-vlm"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(model: Path, port: int, log: Path, extra: list[str]) -> subprocess.Popen[bytes]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    env.setdefault("VLLM_CPU_KVCACHE_SPACE", "1")
    cmd = [
        sys.executable,
        "-m",
        "vllm.entrypoints.openai.api_server",
        "--model",
        str(model),
        "--served-model-name",
        SERVED_NAME,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--max-model-len",
        "2048",
        "--limit-mm-per-prompt",
        json.dumps({"image": 1}),
        "--enforce-eager",
        *extra,
    ]
    with log.open("wb") as out:
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)


def wait_healthy(proc: subprocess.Popen[bytes], port: int, timeout_s: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout_s:
        if proc.poll() is not None:
            raise RuntimeError(f"vLLM exited with code {proc.returncode} before it was healthy")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as resp:
                if resp.status == 200:
                    return time.monotonic() - start
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(1.0)
    raise RuntimeError(f"vLLM was not healthy after {timeout_s:.0f} s")


def stop_server(proc: subprocess.Popen[bytes], grace_s: float = 30.0) -> None:
    """SIGTERM the server's process group, then SIGKILL what is left of it."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=grace_s)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # EngineCore / Worker children share the group
    except ProcessLookupError:
        pass
    proc.wait(timeout=10)


def chat(port: int, image: Path, question: str, max_tokens: int) -> dict[str, Any]:
    content = [
        {"type": "image_url", "image_url": {"url": load_image(image).data_url()}},
        {"type": "text", "text": question},
    ]
    body = {
        "model": SERVED_NAME,
        "messages": [{"role": "user", "content": content}],
        "max_tokens": max_tokens,
        "temperature": 0,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/v1/chat/completions",
        data=json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json"},
    )
    start = time.monotonic()
    ttft: float | None = None
    text, usage, done, chunks = "", None, False, 0
    try:
        with urllib.request.urlopen(request, timeout=300) as resp:
            status = resp.status
            for raw in resp:
                line = raw.decode("utf-8").strip()
                if not line.startswith("data:"):
                    continue
                data = line[len("data:") :].strip()
                if data == "[DONE]":
                    done = True
                    break
                event = json.loads(data)
                chunks += 1
                usage = event.get("usage") or usage
                for choice in event.get("choices") or []:
                    piece = (choice.get("delta") or {}).get("content") or ""
                    if piece and ttft is None:
                        ttft = time.monotonic() - start
                    text += piece
    except urllib.error.HTTPError as exc:
        return {"status": exc.code, "error": exc.read().decode("utf-8", "replace")[:2000]}
    return {
        "status": status,
        "answer": text,
        "ttft_s": ttft,
        "e2e_s": time.monotonic() - start,
        "usage": usage,
        "done": done,
        "chunks": chunks,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, help="a local vision model directory (default: build the tiny one)")
    parser.add_argument("--image", type=Path, default=DEFAULT_IMAGE)
    parser.add_argument("--question", default=DEFAULT_QUESTION)
    parser.add_argument("--max-tokens", type=int, default=16)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--startup-timeout", type=float, default=600.0)
    parser.add_argument("--vllm-arg", action="append", default=[], help="one more vLLM argument (repeatable)")
    args = parser.parse_args(argv)

    start = time.monotonic()
    model = args.model or build_tiny_vlm()
    print(f"model: {model} (ready in {time.monotonic() - start:.1f} s)", flush=True)
    load_image(args.image)  # fail before starting a server on a bad image
    port = args.port or free_port()
    log = Path(tempfile.mkstemp(prefix="vision-smoke-", suffix=".log")[1])
    proc = start_server(model, port, log, args.vllm_arg)
    ok = False
    try:
        started = wait_healthy(proc, port, args.startup_timeout)
        print(f"server: healthy after {started:.1f} s on port {port}", flush=True)
        result = chat(port, args.image, args.question, args.max_tokens)
        if result["status"] != 200:
            print(f"request: HTTP {result['status']}: {result['error']}")
        else:
            usage = result["usage"] or {}
            ttft = f"{result['ttft_s']:.3f} s" if result["ttft_s"] is not None else "none (no content)"
            print(f"answer: {result['answer']!r}")
            print(f"TTFT: {ttft}; E2E: {result['e2e_s']:.3f} s; chunks: {result['chunks']}")
            print(
                f"usage: prompt_tokens={usage.get('prompt_tokens')} completion_tokens="
                f"{usage.get('completion_tokens')} total_tokens={usage.get('total_tokens')}"
            )
            ok = bool(result["done"] and result["chunks"] and usage.get("completion_tokens"))
    except RuntimeError as exc:
        print(f"server: {exc}")
    finally:
        stop_server(proc)
    if ok:
        log.unlink(missing_ok=True)
        print("vision smoke: OK")
        return 0
    print(f"vision smoke: FAILED (server log: {log})")
    return 1


if __name__ == "__main__":
    sys.exit(main())
