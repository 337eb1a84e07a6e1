"""The tiny local vision-language model: built once into the cache, loadable offline by transformers (as vLLM
loads it), with a chat template that places the image and a processor that needs no torchvision."""

from __future__ import annotations

import json
from importlib.util import find_spec
from pathlib import Path

import pytest

from pytest_llmeval.vision import tiny_model

# found, not imported: torch and transformers take ~2 s to import, and every xdist worker collects this module
pytestmark = pytest.mark.skipif(
    find_spec("transformers") is None or find_spec("torch") is None, reason="needs transformers and torch"
)

IMAGE = Path(__file__).resolve().parents[2] / "suites" / "ocr" / "images" / "invoice_total.png"


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_model.build_tiny_vlm(tmp_path_factory.mktemp("cache"))


def test_built_once_into_the_cache(model_dir, monkeypatch):
    assert model_dir.name == f"tiny-idefics3-v{tiny_model.VERSION}" and (model_dir / ".complete").exists()
    assert not list(model_dir.parent.glob("*.tmp-*"))
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    assert config["architectures"] == ["Idefics3ForConditionalGeneration"]
    assert (model_dir / "model.safetensors").stat().st_size < 5 * 2**20
    for name in ("tokenizer.json", "processor_config.json", "chat_template.jinja"):
        assert (model_dir / name).is_file()
    monkeypatch.setattr(tiny_model, "_build", lambda out: pytest.fail("rebuilt a cached model"))
    assert tiny_model.build_tiny_vlm(model_dir.parents[1]) == model_dir
    monkeypatch.setenv("LLMEVAL_CACHE_DIR", str(model_dir.parents[1]))
    assert tiny_model.build_tiny_vlm() == model_dir


def test_processor_template_and_forward_pass_offline(model_dir, monkeypatch):
    import torch
    from PIL import Image
    from transformers import AutoModelForImageTextToText, AutoProcessor

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    processor = AutoProcessor.from_pretrained(str(model_dir))
    parts = [{"type": "image"}, {"type": "text", "text": "这张发票的合计金额是多少？"}]
    prompt = processor.apply_chat_template([{"role": "user", "content": parts}], add_generation_prompt=True)
    assert prompt == "<|im_start|>User:<image>这张发票的合计金额是多少？<end_of_utterance>\nAssistant:"
    plain = processor.apply_chat_template([{"role": "user", "content": "hi"}], add_generation_prompt=True)
    assert plain == "<|im_start|>User: hi<end_of_utterance>\nAssistant:"
    inputs = processor(text=prompt, images=[Image.open(IMAGE).convert("RGB")], return_tensors="pt")
    tiles = inputs["pixel_values"].shape[1]
    assert 2 <= tiles <= 17 and inputs["pixel_values"].shape[-2:] == (tiny_model.TILE, tiny_model.TILE)
    image_id = processor.tokenizer.convert_tokens_to_ids("<image>")
    assert int((inputs["input_ids"] == image_id).sum()) == tiles * tiny_model.TOKENS_PER_TILE
    model = AutoModelForImageTextToText.from_pretrained(str(model_dir))
    with torch.no_grad():
        out = model.generate(**inputs, max_new_tokens=3, do_sample=False)
    assert out.shape[1] == inputs["input_ids"].shape[1] + 3
