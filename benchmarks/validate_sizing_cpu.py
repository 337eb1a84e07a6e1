"""Validate the sizing estimate against the KV-cache capacity vLLM itself logs at start-up (CPU build).

vLLM's CPU build sizes its KV cache from VLLM_CPU_KVCACHE_SPACE (GiB) instead of gpu_memory_utilization,
so the KV budget is known exactly. This script starts the OpenAI API server with the embedded model
(Gemma 3 270M), waits for the start-up line

    CPU KV cache size: N tokens, Maximum concurrency for L tokens per request: Xx

stops the server (its whole process group, whatever happens), and compares N and X with
`pytest_llmeval.sizing.kv_capacity_for_budget` for the same budget, block size and batch settings.

    .venv/bin/python benchmarks/validate_sizing_cpu.py                     # start a server (2-4 min on 2 cores)
    .venv/bin/python benchmarks/validate_sizing_cpu.py --log server.log    # re-parse a saved log, no server

Exit status 0 when the estimate is within --tolerance (5%) of vLLM's figure, 1 otherwise, 2 on set-up errors.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import FrameType

KV_LINE = re.compile(
    r"(?P<device>\w+) KV cache size: (?P<tokens>[\d,]+) tokens, Maximum concurrency for "
    r"(?P<length>[\d,]+) tokens per request: (?P<concurrency>[\d.]+)x"
)
CPU_BLOCK_SIZE = 128  # vllm/platforms/cpu.py: the CPU attention backend's default block size
CPU_MAX_NUM_BATCHED_TOKENS = 2048  # vllm/engine/arg_utils.py: CPU default for the OpenAI API server (x world size)
CPU_IN_FLIGHT_BATCHES = 1  # the CPU platform turns async scheduling off: one batch in flight


def embedded_model() -> tuple[Path, Path]:
    try:
        from pytest_llmeval.embedded import prepare_embedded_model  # type: ignore[import-not-found]
    except ImportError:
        from pytest_llmeval.serving.embedded import prepare_embedded_model
    model = prepare_embedded_model()
    return Path(model.path), Path(model.chat_template)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the server's process group, then SIGKILL whatever is left of it after 20 s."""
    try:
        pgid = os.getpgid(proc.pid)
    except ProcessLookupError:
        return
    for sig, wait_s in ((signal.SIGTERM, 20.0), (signal.SIGKILL, 10.0)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            try:
                os.killpg(pgid, 0)  # anyone left in the group?
            except ProcessLookupError:
                proc.poll()
                return
            proc.poll()
            time.sleep(0.5)


def run_server(model: Path, template: Path, max_model_len: int, kv_space_gib: int, log: Path, timeout_s: float) -> str:
    """Start the server, return its log text once the KV cache line is there (or raise)."""
    env = {**os.environ, "VLLM_CPU_KVCACHE_SPACE": str(kv_space_gib), "HF_HUB_OFFLINE": "1"}
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "vllm.entrypoints.openai.api_server",
        "--model",
        str(model),
        "--port",
        str(port),
        "--max-model-len",
        str(max_model_len),
        "--chat-template",
        str(template),
        "--dtype",
        "bfloat16",
    ]
    print(f"$ VLLM_CPU_KVCACHE_SPACE={kv_space_gib} HF_HUB_OFFLINE=1 {' '.join(command)}", flush=True)
    started = time.monotonic()
    with open(log, "wb") as sink:
        proc = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=env, start_new_session=True)

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop_group(proc)
        raise SystemExit(128 + signum)

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        while True:
            text = log.read_text(encoding="utf-8", errors="replace")
            if KV_LINE.search(text):
                print(f"KV cache line after {time.monotonic() - started:.0f} s", flush=True)
                return text
            if proc.poll() is not None:
                tail = "\n".join(text.splitlines()[-25:])
                raise RuntimeError(f"vLLM exited with {proc.returncode} before logging its KV cache size:\n{tail}")
            if time.monotonic() - started > timeout_s:
                raise RuntimeError(f"no KV cache line after {timeout_s:.0f} s (log: {log})")
            time.sleep(2)
    finally:
        stop_group(proc)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def compare(text: str, model: Path, kv_space_gib: int, tolerance: float) -> dict[str, object]:
    from pytest_llmeval.sizing import kv_capacity_for_budget, read_model

    match = KV_LINE.search(text)
    if not match:
        raise RuntimeError("the log has no 'KV cache size: N tokens, Maximum concurrency ...' line")
    logged_tokens = int(match["tokens"].replace(",", ""))
    length = int(match["length"].replace(",", ""))
    logged_concurrency = float(match["concurrency"])
    shape = read_model(model)
    budget = kv_space_gib * 2**30
    est = kv_capacity_for_budget(
        shape,
        budget,
        max_model_len=length,
        block_size=CPU_BLOCK_SIZE,
        max_num_batched_tokens=CPU_MAX_NUM_BATCHED_TOKENS,
        in_flight_batches=CPU_IN_FLIGHT_BATCHES,
    )
    flat = kv_capacity_for_budget(shape, budget, max_model_len=length, block_size=CPU_BLOCK_SIZE, hybrid=False)
    naive_tokens = budget // shape.kv_bytes_per_token()
    return {
        "model": str(model),
        "layers": shape.layers,
        "sliding_window_layers": shape.sliding_window_layers,
        "sliding_window": shape.sliding_window,
        "kv_bytes_per_token": shape.kv_bytes_per_token(),
        "kv_budget_bytes": budget,
        "max_model_len": length,
        "vllm_line": match.group(0),
        "vllm_tokens": logged_tokens,
        "vllm_max_concurrency": logged_concurrency,
        "estimate_tokens": est.tokens,
        "estimate_max_concurrency": round(est.max_concurrency, 2),
        "estimate_detail": est.explanation,
        "ratio_estimate_to_vllm": round(est.tokens / logged_tokens, 4),
        "without_hybrid_tokens": flat.tokens,
        "ratio_without_hybrid_to_vllm": round(flat.tokens / logged_tokens, 4),
        "naive_tokens": naive_tokens,
        "ratio_naive_to_vllm": round(naive_tokens / logged_tokens, 4),
        "within_tolerance": abs(est.tokens / logged_tokens - 1) <= tolerance,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--max-model-len", type=int, default=2048)
    parser.add_argument("--kv-space-gib", type=int, default=1, help="VLLM_CPU_KVCACHE_SPACE (whole GiB)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for the KV cache line")
    parser.add_argument("--tolerance", type=float, default=0.05)
    parser.add_argument("--log", type=Path, help="parse this saved server log instead of starting a server")
    parser.add_argument("--save-log", type=Path, help="where to keep the server log (default: a temporary file)")
    args = parser.parse_args(argv)
    try:
        model, template = embedded_model()
        if args.log:
            text = args.log.read_text(encoding="utf-8", errors="replace")
        else:
            log = args.save_log or Path(tempfile.mkdtemp(prefix="validate-sizing-")) / "server.log"
            text = run_server(model, template, args.max_model_len, args.kv_space_gib, log, args.timeout)
            print(f"server log: {log}")
        result = compare(text, model, args.kv_space_gib, args.tolerance)
    except (RuntimeError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"vLLM:     {result['vllm_line']}")
    print(
        f"estimate: {result['estimate_tokens']:,} tokens, max concurrency "
        f"{result['estimate_max_concurrency']:.2f}x  ({result['estimate_detail']})"
    )
    print(
        f"ratio estimate / vLLM = {result['ratio_estimate_to_vllm']:.4f} "
        f"(without the hybrid manager {result['ratio_without_hybrid_to_vllm']:.4f}, "
        f"naive budget / bytes per token {result['ratio_naive_to_vllm']:.4f})"
    )
    print(json.dumps(result))
    return 0 if result["within_tolerance"] else 1


if __name__ == "__main__":
    sys.exit(main())
