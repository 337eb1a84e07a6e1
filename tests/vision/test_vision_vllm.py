"""The tiny local vision-language model through a real vLLM CPU server and the plugin's own launcher.

`pytest_llmeval.vision.tiny_model` builds a tiny random Idefics3 (SmolVLM family) with a locally trained
tokenizer: vLLM's CPU build serves it without torchvision (transformers falls back to its Pillow image
processor), unlike Gemma 3, Qwen-VL, LLaVA or PaliGemma here. Its answers are noise; the path - image
encoding, multimodal prompt, streaming metrics, memory sampling, the vision table - is real.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SUITE = Path(__file__).resolve().parents[2] / "suites" / "ocr"

pytestmark = pytest.mark.vllm


def test_tiny_vlm_serves_the_ocr_suite(llm_project, lean_vllm):
    from pytest_llmeval.vision.tiny_model import build_tiny_vlm

    model = build_tiny_vlm()
    shutil.copytree(SUITE, llm_project.path / "ocr")
    result = llm_project.run(
        f"--llm-model=vl={model}",
        "--llm-scenarios=ocr",
        "-k",
        "invoice_total or sign_exit",
        "--llm-max-model-len",
        "2048",
        '--llm-limit-mm-per-prompt={"image": 1}',
        "--llm-vllm-arg=--enforce-eager",
        f"--llm-chat-template={model}/chat_template.jinja",
        "--llm-max-tokens",
        "8",
    )
    assert result.ret in (0, 1), result.stdout.str()
    doc = llm_project.results()
    assert all(c.get("error") is None and c["output_tokens"] >= 1 for c in doc["cases"])
    (row,) = doc["aggregates"]["vision"]
    assert row["n"] == 2 and row["peak_memory_mib"] is not None
