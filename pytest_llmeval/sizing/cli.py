"""`python -m pytest_llmeval size MODEL_DIR --gpu A100-80GB [--tp 2] [--max-model-len 32768] ...`

Prints the estimate for the chosen GPU and TP, then the feasibility table over the common GPUs x TP 1/2/4.
Bad input (missing directory or config.json, malformed config, unknown GPU) is one line on stderr, exit 2; so is a
folder of model folders (listed, with the command that sizes one: `folders.py`). An encoder (BERT, a reranker) is
sized as weights + activations with no KV cache, and said to be no chat model.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys

from .estimate import GPU_DEFAULTS, KV_CACHE_DTYPES, RESERVE_GIB, estimate_for_gpu, feasibility
from .gpus import GPUS, find_gpu
from .model_config import MAX_CONFIG_INTEGER, ModelShape, SizingError, read_model
from .render import feasibility_table, summary

# vLLM's GPU attention backends take KV blocks of a multiple of 16 tokens (`get_supported_kernel_block_sizes`:
# MultipleOf(16) for FlashAttention, Triton and FlexAttention; FlashInfer 16, 32, 64)
BLOCK_MULTIPLE = 16


def build_parser() -> argparse.ArgumentParser:
    from ..number_args import number_type

    parser = argparse.ArgumentParser(
        prog="python -m pytest_llmeval size",
        description="Will this model fit this GPU at this context length, with how many tensor-parallel ways?",
    )
    parser.add_argument("model_dir", help="a local Hugging Face model directory (config.json + safetensors)")
    parser.add_argument("--gpu", default="A100-80GB", help=f"one of {', '.join(GPUS)}, or a size such as 48GiB")
    parser.add_argument(
        "--tp", type=number_type(int, "--tp", 2, "at least 1"), default=1, help="tensor-parallel ways (default 1)"
    )
    parser.add_argument(
        "--max-model-len",
        type=_context_length,
        default=None,
        help="context length, as vLLM reads it: 32768, 32K (32,768), 32k (32,000) (default: the config's)",
    )
    parser.add_argument(
        "--gpu-memory-utilization", type=number_type(float, "--gpu-memory-utilization", 0.9), default=0.9
    )
    parser.add_argument("--dtype", default=None, help="weights dtype of an unquantised model (bfloat16, float16, ...)")
    parser.add_argument("--quantization", default=None, help="fp8, nvfp4, awq, gptq, int4, int8, mxfp4")
    parser.add_argument("--kv-cache-dtype", default="auto", choices=list(KV_CACHE_DTYPES))
    parser.add_argument(
        "--reserve-gib",
        type=number_type(float, "--reserve-gib", 2.0),
        default=None,
        help=f"activations/CUDA graphs per GPU (default {RESERVE_GIB:g})",
    )
    parser.add_argument("--block-size", type=number_type(int, "--block-size", 16), default=GPU_DEFAULTS["block_size"])
    parser.add_argument(
        "--max-num-batched-tokens",
        type=number_type(int, "--max-num-batched-tokens", 8192),
        default=None,
        help="default: vLLM's for the GPU",
    )
    parser.add_argument("--json", action="store_true", help="print the estimate and the table as JSON")
    return parser


def _context_length(text: str) -> int:
    """`--max-model-len` as vLLM reads it (`4K` is 4,096, `4k` 4,000; serving.context.context_length): `4K` was
    argparse's "invalid int value" though the plugin and vLLM take it. `auto` and -1 ask vLLM for the longest that
    fits the GPU - what this command answers when the option is left out."""
    from ..serving.context import LengthError, context_length

    value = str(text).strip()
    if value.lower() == "auto" or value == "-1":
        raise LengthError(
            f"{value!r}: this command sizes a number of tokens. Fix: leave --max-model-len out (the model's own "
            "length is sized, and the table shows the longest context each GPU holds)"
        )
    return context_length(value)


def _longer_than_the_model(args: argparse.Namespace, shape: ModelShape) -> str | None:
    """Why `--max-model-len` is past the model's own length (vLLM refuses to start: a size for a server that never
    runs), in the words of the plugin's check (`serving.context.longer_than_the_model`); None when it is not."""
    from ..serving.context import ModelLength, longer_than_the_model

    if args.max_model_len is None or shape.longest_context is None:
        return None
    known = ModelLength(
        shape.max_position_embeddings or shape.longest_context, shape.longest_context, shape.context_where
    )
    return longer_than_the_model(args.max_model_len, f"--max-model-len {args.max_model_len}", known, os.environ)


def _empty_value_problem(parser: argparse.ArgumentParser, argv: list[str]) -> str | None:
    """Why an option or the model folder is given an empty value (`--dtype "$DTYPE"` with DTYPE unset), with the fix,
    as the other commands refuse it; None when none is. `--dtype ''` and `--quantization ''` were the option left out
    (the config's own dtype sized in silence), an empty MODEL_DIR the current folder ("config.json: missing")."""
    from ..__main__ import empty_value_problem

    problem = empty_value_problem(parser, argv)
    if problem is not None:
        return problem
    flags = {flag for action in parser._actions if action.nargs != 0 for flag in action.option_strings}
    positional = [arg for index, arg in enumerate(argv) if index == 0 or argv[index - 1] not in flags]
    if any(not arg.strip() for arg in positional):
        return "MODEL_DIR got an empty value (an unset variable?). Fix: pass the model's local folder"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    problem = _empty_value_problem(parser, list(sys.argv[1:] if argv is None else argv))
    if problem is not None:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2, argparse printed it)
        return int(exc.code or 0)
    reserve_given = args.reserve_gib is not None  # only a reserve typed is blamed for taking the whole GPU
    if not reserve_given:
        args.reserve_gib = RESERVE_GIB
    try:
        if args.tp < 1:
            raise SizingError(f"--tp {args.tp} must be >= 1. Fix: pass --tp 1, 2, 4 ...")
        if not 0 < args.gpu_memory_utilization <= 1:
            raise SizingError(f"--gpu-memory-utilization {args.gpu_memory_utilization} is outside (0, 1]. Fix: 0.9")
        if not (math.isfinite(args.reserve_gib) and args.reserve_gib >= 0):
            raise SizingError(f"--reserve-gib {args.reserve_gib} must be a finite number >= 0. Fix: e.g. 1.5")
        if args.block_size < 1:
            raise SizingError(f"--block-size {args.block_size} must be >= 1. Fix: e.g. --block-size 16")
        if args.max_num_batched_tokens is not None and args.max_num_batched_tokens < 1:
            raise SizingError(
                f"--max-num-batched-tokens {args.max_num_batched_tokens} must be >= 1. Fix: leave it out (vLLM's "
                "default for the GPU) or pass e.g. 8192"
            )
        if args.max_model_len is not None and args.max_model_len < 1:
            raise SizingError(f"--max-model-len {args.max_model_len} must be >= 1. Fix: e.g. --max-model-len 32768")
        for flag, value in (
            ("--tp", args.tp),
            ("--max-model-len", args.max_model_len),
            ("--block-size", args.block_size),
            ("--max-num-batched-tokens", args.max_num_batched_tokens),
        ):  # a 20-digit --max-model-len was sized ("0.00 concurrent sequences of 99,999,...-token"): vLLM's are int32
            if value is not None and value > MAX_CONFIG_INTEGER:
                raise SizingError(f"{flag} {value} is above {MAX_CONFIG_INTEGER:,}, vLLM's largest. Fix: a real size")
        if args.block_size % BLOCK_MULTIPLE:  # `--block-size 7` was sized: a server that never starts
            raise SizingError(
                f"--block-size {args.block_size} is not a multiple of {BLOCK_MULTIPLE}: vLLM's GPU attention backends "
                f"take KV blocks of multiples of {BLOCK_MULTIPLE} tokens (FlashAttention, Triton, FlashInfer). Fix: "
                f"e.g. --block-size 16 (vLLM's default), 32 or 64"
            )
        gpu = find_gpu(args.gpu, "--gpu")
        if reserve_given and args.reserve_gib >= gpu.memory_gib * args.gpu_memory_utilization:  # every row "does not
            # fit", a verdict about the option (MiB typed for GiB), not the model
            raise SizingError(
                f"--reserve-gib {args.reserve_gib:g} is as much as the {gpu.name}'s "
                f"{gpu.memory_gib * args.gpu_memory_utilization:.1f} GiB budget ({args.gpu_memory_utilization:g} of "
                f"{gpu.memory_gib:.1f} GiB): nothing would fit. Fix: the GiB taken by activations and CUDA graphs "
                f"per GPU, e.g. --reserve-gib {RESERVE_GIB:g} (the default)"
            )
        shape = read_model(args.model_dir, args.dtype, args.quantization)
        longer = _longer_than_the_model(args, shape)
        if longer is not None:
            raise SizingError(longer)
        options = {
            "gpu_memory_utilization": args.gpu_memory_utilization,
            "max_model_len": args.max_model_len,
            "kv_cache_dtype": args.kv_cache_dtype,
            "reserve_gib": args.reserve_gib,
            "block_size": args.block_size,
        }
        if args.max_num_batched_tokens is not None:
            options["max_num_batched_tokens"] = args.max_num_batched_tokens
        chosen = estimate_for_gpu(shape, gpu.name, args.tp, **options)
        rows = feasibility(shape, **options)
    except SizingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        text = json.dumps({"estimate": chosen.to_dict(), "feasibility": [e.to_dict() for e in rows]}, indent=2)
    else:
        kv = f"KV {chosen.kv_cache_dtype}" if chosen.kv_cache else "no KV cache (an encoder)"
        text = (
            f"{summary(shape, chosen)}\n\nFeasibility at gpu_memory_utilization {args.gpu_memory_utilization:g}, "
            f"{args.reserve_gib:g} GiB reserve per GPU, {kv}:\n{feasibility_table(rows)}"
        )
    try:
        print(text, flush=True)
    except BrokenPipeError:  # `... | head`: the reader left; no traceback
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's final flush quiet
    return 0
