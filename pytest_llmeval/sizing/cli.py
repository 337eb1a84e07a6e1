"""`python -m pytest_llmeval size MODEL_DIR --gpu A100-80GB [--tp 2] [--max-model-len 32768] ...`"""

from __future__ import annotations

import argparse
import sys

from .estimate import RESERVE_GIB, estimate
from .gpus import GPUS, gpu_memory_gib
from .model_config import SizingError, read_model


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pytest_llmeval size", description="Will this model fit this GPU at this context length?"
    )
    parser.add_argument("model_dir")
    parser.add_argument("--gpu", default="A100-80GB", help=f"one of {list(GPUS)} or a size such as 48GB")
    parser.add_argument("--tp", type=int, default=1, help="tensor-parallel ways")
    parser.add_argument("--max-model-len", type=int, default=None)
    parser.add_argument("--gpu-memory-utilization", type=float, default=0.9)
    parser.add_argument("--dtype", default=None)
    parser.add_argument("--quantization", default=None)
    parser.add_argument("--kv-cache-dtype", default="auto")
    args = parser.parse_args(argv)
    from tabulate import tabulate

    try:
        shape = read_model(args.model_dir, args.dtype, args.quantization)
        memory = gpu_memory_gib(args.gpu)
    except SizingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.tp < 1 or not 0 < args.gpu_memory_utilization <= 1:
        print("error: --tp must be >= 1 and --gpu-memory-utilization in (0, 1]", file=sys.stderr)
        return 2
    est = estimate(shape, memory, args.tp, args.gpu_memory_utilization, args.max_model_len, args.kv_cache_dtype)
    print(
        f"{shape.name}: {shape.layers} layers, {shape.kv_heads} KV heads x {shape.head_dim}, {shape.quantization}; "
        f"weights {est.weights_gib_total} GiB ({est.weight_source})"
    )
    print(
        f"on {args.gpu} x{args.tp}, gpu_memory_utilization {args.gpu_memory_utilization}: weights "
        f"{est.weights_gib_per_gpu} GiB per GPU, KV cache {est.kv_bytes_per_token:,} bytes/token "
        f"({est.kv_bytes_per_token / 1024:.0f} KiB), budget {est.kv_budget_gib_per_gpu} GiB per GPU -> "
        f"{est.kv_capacity_tokens:,} tokens"
        + (f", {est.max_concurrent_sequences} sequences of {args.max_model_len}" if args.max_model_len else "")
        + f": {'FITS' if est.fits else 'DOES NOT FIT'} ({est.reason})"
    )
    rows = []
    for gpu, gib in GPUS.items():
        for tp in (1, 2, 4):
            e = estimate(shape, gib, tp, args.gpu_memory_utilization, args.max_model_len, args.kv_cache_dtype)
            rows.append(
                [
                    gpu,
                    tp,
                    e.weights_gib_per_gpu,
                    "yes" if e.fits else "no",
                    f"{e.kv_capacity_tokens:,}",
                    "-" if e.max_concurrent_sequences is None else e.max_concurrent_sequences,
                ]
            )
    context = f"{args.max_model_len}-token sequences" if args.max_model_len else "sequences (give --max-model-len)"
    print(f"\nFeasibility (reserve {RESERVE_GIB} GiB per GPU for activations, CUDA graphs and context):")
    print(
        tabulate(
            rows, headers=["GPU", "TP", "weights GiB/GPU", "fits", "KV tokens", f"max {context}"], tablefmt="simple"
        )
    )
    return 0
