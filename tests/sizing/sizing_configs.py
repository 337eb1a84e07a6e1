"""config.json values of real models (copied from their Hugging Face repositories) for the sizing tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

QWEN3_8B: dict[str, Any] = {
    "architectures": ["Qwen3ForCausalLM"],
    "num_hidden_layers": 36,
    "num_key_value_heads": 8,
    "head_dim": 128,
    "hidden_size": 4096,
    "intermediate_size": 12288,
    "num_attention_heads": 32,
    "vocab_size": 151936,
    "max_position_embeddings": 40960,
    "tie_word_embeddings": False,
    "torch_dtype": "bfloat16",
}
QWEN3_8B_TOTAL_SIZE = 16381470720  # model.safetensors.index.json metadata.total_size of Qwen/Qwen3-8B
QWEN3_14B: dict[str, Any] = {
    **QWEN3_8B,
    "num_hidden_layers": 40,
    "hidden_size": 5120,
    "intermediate_size": 17408,
    "num_attention_heads": 40,
}
QWEN3_32B: dict[str, Any] = {
    **QWEN3_8B,
    "num_hidden_layers": 64,
    "hidden_size": 5120,
    "intermediate_size": 25600,
    "num_attention_heads": 64,
}
QWEN3_32B_FP8: dict[str, Any] = {
    **QWEN3_32B,
    "quantization_config": {"quant_method": "fp8", "fmt": "e4m3", "weight_block_size": [128, 128]},
}
QWEN3_32B_NVFP4: dict[str, Any] = {
    **QWEN3_32B,
    "quantization_config": {"quant_method": "modelopt", "quant_algo": "NVFP4", "group_size": 16},
}
GEMMA3_270M: dict[str, Any] = {  # the embedded model (google/gemma-3-270m)
    "architectures": ["Gemma3ForCausalLM"],
    "num_hidden_layers": 18,
    "num_key_value_heads": 1,
    "head_dim": 256,
    "hidden_size": 640,
    "intermediate_size": 2048,
    "num_attention_heads": 4,
    "vocab_size": 262144,
    "sliding_window": 512,
    "max_position_embeddings": 32768,
    "tie_word_embeddings": True,
    "dtype": "bfloat16",
    "layer_types": (["sliding_attention"] * 5 + ["full_attention"]) * 3,
}
BERT_BASE: dict[str, Any] = {  # an encoder (bert-base-uncased): no chat model, no KV cache
    "architectures": ["BertModel"],
    "model_type": "bert",
    "hidden_size": 768,
    "num_hidden_layers": 12,
    "num_attention_heads": 12,
    "intermediate_size": 3072,
    "vocab_size": 30522,
    "max_position_embeddings": 512,
    "torch_dtype": "float32",
}
QWEN3_VL_2B: dict[str, Any] = {  # multimodal: the language model under text_config
    "architectures": ["Qwen3VLForConditionalGeneration"],
    "text_config": {
        "num_hidden_layers": 28,
        "num_key_value_heads": 8,
        "head_dim": 128,
        "hidden_size": 2048,
        "intermediate_size": 6144,
        "num_attention_heads": 16,
        "vocab_size": 151936,
        "max_position_embeddings": 262144,
        "tie_word_embeddings": True,
        "dtype": "bfloat16",
    },
    "vision_config": {"depth": 24, "hidden_size": 1024},
    "tie_word_embeddings": True,
}
DEEPSEEK_V2_LITE: dict[str, Any] = {  # MLA: one compressed latent per token and layer
    "num_hidden_layers": 27,
    "num_attention_heads": 16,
    "num_key_value_heads": 16,
    "hidden_size": 2048,
    "intermediate_size": 10944,
    "moe_intermediate_size": 1408,
    "n_routed_experts": 64,
    "kv_lora_rank": 512,
    "qk_rope_head_dim": 64,
    "vocab_size": 102400,
    "max_position_embeddings": 163840,
    "torch_dtype": "bfloat16",
}


def write_model(
    root: Path, name: str, config: dict[str, Any], total_size: int | None = None, files: dict[str, int] | None = None
) -> Path:
    """A model directory: config.json, optionally a safetensors index (metadata only) or sparse weight files."""
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    if total_size is not None:
        index = {"metadata": {"total_size": total_size}, "weight_map": {}}
        (folder / "model.safetensors.index.json").write_text(json.dumps(index), encoding="utf-8")
    for file_name, size in (files or {}).items():
        with open(folder / file_name, "wb") as handle:
            handle.truncate(size)  # sparse: the size is all that is read
    return folder
