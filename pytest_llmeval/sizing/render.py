"""Plain-text (or Markdown) rendering of an estimate and of the feasibility table; no third-party imports."""

from __future__ import annotations

from collections.abc import Sequence

from .estimate import Estimate
from .model_config import ModelShape


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], markdown: bool = False) -> str:
    """Columns padded to their widest cell; numbers right-aligned. markdown=True: a GitHub table."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [all(_is_number(row[i]) for row in cells[1:]) and len(cells) > 1 for i in range(len(headers))]

    def line(row: list[str]) -> str:
        parts = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric)]
        return ("| " + " | ".join(parts) + " |") if markdown else "  ".join(parts).rstrip()

    if markdown:
        rule = "|" + "|".join(("-" * (w + 1) + ":") if num else "-" * (w + 2) for w, num in zip(widths, numeric)) + "|"
    else:
        rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])


def _is_number(text: str) -> bool:
    return text.replace(",", "").replace(".", "", 1).lstrip("-").isdigit() or text == "-"


def summary(shape: ModelShape, est: Estimate) -> str:
    """The per-model lines: shape, weights and their source, KV per token, budget, capacity and the verdict."""
    per_gpu = (
        f" = {est.kv_bytes_per_token_per_gpu:,} B per GPU at TP {est.tp}" + _replication(shape, est.tp)
        if est.tp > 1
        else ""
    )
    seqs = (
        f", {est.max_concurrent_sequences:.2f} concurrent sequences of {est.max_model_len:,} tokens"
        f" (max_model_len from {est.max_model_len_source})"
        if est.max_concurrent_sequences is not None and est.max_model_len
        else ""
    )
    kv_shape = (
        f"MLA latent {shape.kv_lora_rank}+{shape.qk_rope_head_dim}"
        if shape.kv_lora_rank is not None
        else f"{shape.kv_heads} KV heads x head dim {shape.head_dim}"
    )
    sliding = (
        f", {shape.sliding_window_layers} sliding-window layers (window {shape.sliding_window})"
        if shape.sliding_window
        else ""
    )
    if shape.encoder:
        return _encoder_summary(shape, est)
    return "\n".join(
        [
            *_notes(shape),
            f"model:    {shape.name}: {shape.layers} layers, {kv_shape}{sliding}; weights {shape.quantization}",
            f"weights:  {est.weights_gib_total:.2f} GiB ({est.weight_source}); "
            f"{est.weights_gib_per_gpu:.2f} GiB per GPU at TP {est.tp}",
            f"KV cache: {est.kv_bytes_per_token:,} bytes/token ({est.kv_bytes_per_token / 1024:g} KiB, "
            f"{est.kv_cache_dtype}){per_gpu}",
            f"budget:   {est.gpu_memory_utilization:g} x {est.gpu_memory_gib:.2f} GiB ({est.gpu}) - "
            f"{est.weights_gib_per_gpu:.2f} GiB weights - {est.reserve_gib:g} GiB reserve = "
            f"{est.kv_budget_gib_per_gpu:.2f} GiB KV per GPU",
            f"capacity: {est.kv_capacity_tokens:,} tokens{seqs}",
            f"verdict:  {'FITS' if est.fits else 'DOES NOT FIT'} on {est.tp} x {est.gpu} ({est.reason})",
        ]
    )


def _notes(shape: ModelShape) -> list[str]:
    return [f"note:     {note}" for note in shape.notes]


def _encoder_summary(shape: ModelShape, est: Estimate) -> str:
    """An encoder's lines: no KV cache, so the memory left after the weights holds a batch's activations."""
    length = (
        f"requests of up to {est.max_model_len:,} tokens (max_model_len from {est.max_model_len_source}), "
        if est.max_model_len
        else ""
    )
    return "\n".join(
        [
            *_notes(shape),
            f"model:    {shape.name}: an encoder, {shape.layers} layers, hidden {shape.hidden}; "
            f"weights {shape.quantization}",
            f"weights:  {est.weights_gib_total:.2f} GiB ({est.weight_source}); "
            f"{est.weights_gib_per_gpu:.2f} GiB per GPU at TP {est.tp}",
            "KV cache: none - an encoder reads each request in one pass and keeps no KV cache",
            f"budget:   {est.gpu_memory_utilization:g} x {est.gpu_memory_gib:.2f} GiB ({est.gpu}) - "
            f"{est.weights_gib_per_gpu:.2f} GiB weights - {est.reserve_gib:g} GiB reserve (activations) = "
            f"{est.kv_budget_gib_per_gpu:.2f} GiB left per GPU",
            f"capacity: {length}one pass each; no KV cache limits how many run at once",
            f"verdict:  {'FITS' if est.fits else 'DOES NOT FIT'} on {est.tp} x {est.gpu} ({est.reason})",
        ]
    )


def _replication(shape: ModelShape, tp: int) -> str:
    if shape.kv_lora_rank is not None:
        return " (MLA latent replicated on every GPU)"
    if shape.kv_heads < tp:
        return f" ({shape.kv_heads} KV heads < TP {tp}: each GPU keeps 1 replicated head)"
    return ""


def feasibility_table(estimates: Sequence[Estimate], markdown: bool = False) -> str:
    """GPU x TP: weights per GPU, fits, KV tokens, concurrent max_model_len sequences, and why not."""
    length = next((e.max_model_len for e in estimates if e.max_model_len), None)
    rows = [
        [
            e.gpu,
            e.tp,
            f"{e.weights_gib_per_gpu:.2f}",
            f"{e.kv_budget_gib_per_gpu:.2f}" if e.kv_cache else "-",
            "yes" if e.fits else "no",
            f"{e.kv_capacity_tokens:,}" if e.kv_cache else "-",
            "-" if e.max_concurrent_sequences is None else f"{e.max_concurrent_sequences:.2f}",
            "" if e.fits else e.reason,
        ]
        for e in estimates
    ]
    seqs = f"seqs @ {length:,}" if length else "seqs"
    headers = ["GPU", "TP", "weights GiB/GPU", "KV GiB/GPU", "fits", "KV tokens", seqs, "why not"]
    return table(headers, rows, markdown)
