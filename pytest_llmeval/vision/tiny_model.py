"""A tiny, randomly initialised vision-language model that vLLM's CPU build can serve, for tests.

No vision model installs from PyPI, so this builds one: a Gemma 3 multimodal configuration
(`Gemma3ForConditionalGeneration`: a 2-layer SigLIP vision tower, a 2-layer Gemma 3 text model) with the
embedded model's Gemma 3 tokenizer and a Gemma3Processor made locally. Its answers are noise; the path
(image encoding, multimodal prompt, streaming metrics, memory sampling, the report) is real. Built once
into the cache (`$LLMEVAL_CACHE_DIR/models/tiny-gemma3-vl-vN`), under a file lock.

    python -m pytest_llmeval.vision.tiny_model    # prints the directory
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

VERSION = "2"
IMAGE_SIZE = 224
PATCH = 14
TOKENS_PER_IMAGE = 16

CHAT_TEMPLATE = (
    "{{ bos_token }}"
    "{%- for message in messages -%}"
    "{%- if message['role'] == 'assistant' -%}{%- set role = 'model' -%}{%- else -%}{%- set role = message['role'] -%}"
    "{%- endif -%}<start_of_turn>{{ 'user' if role == 'system' else role }}\n"
    "{%- if message['content'] is string -%}{{ message['content'] }}{%- else -%}"
    "{%- for item in message['content'] -%}"
    "{%- if item['type'] == 'image' or item['type'] == 'image_url' -%}"
    "{%- elif item['type'] == 'text' -%}{{ item['text'] }}{%- endif -%}"
    "{%- endfor -%}{%- endif -%}<end_of_turn>\n"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}<start_of_turn>model\n{%- endif -%}"
)


def build_tiny_vlm(cache_dir: Path | None = None) -> Path:
    from filelock import FileLock

    from ..serving.embedded import cache_root, prepare_embedded_model

    root = (cache_dir or cache_root()) / "models"
    target = root / f"tiny-paligemma-v{VERSION}"
    if (target / ".complete").exists():
        return target
    root.mkdir(parents=True, exist_ok=True)
    with FileLock(str(root / f"{target.name}.lock")):
        if not (target / ".complete").exists():
            _build(prepare_embedded_model().path, target)
    return target


def _build(tokenizer_dir: Path, target: Path) -> None:
    """PaliGemma (SigLIP + Gemma): vLLM's CPU build imports it without torchvision, unlike Gemma 3 / Qwen-VL,
    whose image processors need torchvision (which breaks `import vllm` beside the CPU torch here)."""
    import torch
    from transformers import (
        AutoTokenizer,
        GemmaConfig,
        PaliGemmaConfig,
        PaliGemmaForConditionalGeneration,
        PaliGemmaProcessor,
        SiglipImageProcessor,
        SiglipVisionConfig,
    )

    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_dir))
    image_processor = SiglipImageProcessor(
        size={"height": IMAGE_SIZE, "width": IMAGE_SIZE}, image_mean=[0.5, 0.5, 0.5], image_std=[0.5, 0.5, 0.5]
    )
    image_processor.image_seq_length = TOKENS_PER_IMAGE  # type: ignore[attr-defined]
    processor = PaliGemmaProcessor(image_processor=image_processor, tokenizer=tokenizer, chat_template=CHAT_TEMPLATE)
    tokenizer = processor.tokenizer  # now with the <image> token
    image_token = tokenizer.convert_tokens_to_ids("<image>")
    text = GemmaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=2,
        num_key_value_heads=1,
        head_dim=32,
        max_position_embeddings=4096,
    )
    vision = SiglipVisionConfig(  # type: ignore[call-arg]
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=2,
        image_size=IMAGE_SIZE,
        patch_size=IMAGE_SIZE // 4,
        projection_dim=64,
    )
    config = PaliGemmaConfig(
        text_config=text.to_dict(),
        vision_config=vision.to_dict(),
        image_token_index=image_token,
        projection_dim=64,
        hidden_size=64,
    )
    config.architectures = ["PaliGemmaForConditionalGeneration"]
    torch.manual_seed(0)
    model = PaliGemmaForConditionalGeneration(config).to(torch.bfloat16)  # type: ignore[arg-type]
    model.save_pretrained(str(tmp))
    processor.save_pretrained(str(tmp))
    (tmp / "chat_template.jinja").write_text(CHAT_TEMPLATE, encoding="utf-8")
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    (target / ".complete").write_text("ok\n", encoding="utf-8")


if __name__ == "__main__":
    print(build_tiny_vlm())
    sys.exit(0)
