"""Which models a run evaluates: `--llm-model` values parsed into labelled specs (no pytest here).

One syntax for every per-model setting:

    --llm-model 8b=/models/Qwen3-8B@0              LABEL=PATH, optionally @GPUS (CUDA indices: 0 or 1,2)
    --llm-model-arg 14b:tensor_parallel_size=2     LABEL:KEY=VALUE, repeatable
    --llm-model-arg 14b:vllm_arg=--enforce-eager   (vllm_arg and base_url may be given several times)
    --llm-model-arg 8b:base_url=@replicas.txt      (an endpoint fleet for that model alone)

A per-model value replaces the run-wide option of the same name (`--llm-tensor-parallel-size`, ...);
`vllm_arg` values are added after the run-wide `--llm-vllm-arg` ones.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shlex
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .context import LengthError, context_length
from .embedded import EMBEDDED_LABEL, is_embedded
from .model_folders import (
    HF_CACHE_PREFIX,
    MODEL_FOLDER_FILES,
    hub_entry_of,
    hub_id,
    link_problem,
    quoted,
    search_models,
    snapshots,
)

_GPUS = re.compile(r"^\d+(,\d+)*$")

# per-model keys: the ServerSettings field each fills and how its text is read
MODEL_KEYS: dict[str, Callable[[str], Any]] = {
    "gpus": str,
    "tensor_parallel_size": int,
    "data_parallel_size": int,
    "gpu_memory_utilization": float,
    "max_model_len": context_length,  # 4096, or vLLM's 4K / 32k
    "dtype": str,
    "quantization": str,
    "reasoning_parser": str,
    "chat_template": str,
    "limit_mm_per_prompt": str,
}
LIST_KEYS = ("vllm_arg", "base_url")
# vLLM's --dtype choices (the same from 0.4 to today): a typo fails at the start, not after a server start
DTYPES = ("auto", "half", "float16", "bfloat16", "float", "float32")


def dtype_problem(value: str) -> str | None:
    """Why `value` is no vLLM --dtype, with the nearest choice; None when it is one."""
    if value in DTYPES:
        return None
    import difflib

    near = difflib.get_close_matches(value, DTYPES, n=1)
    hint = f"did you mean {near[0]!r}? " if near else ""
    return f"{hint}vLLM's --dtype takes {', '.join(DTYPES)}"


class ModelSpecError(ValueError):
    """An --llm-model value cannot be used; the message says how to write it."""


@dataclass(frozen=True)
class ModelSpec:
    """A model to evaluate: its label (ids, reports, served name), where it comes from, and its own settings."""

    label: str
    source: str  # "embedded", a local directory or a hub id
    gpus: str | None = None  # CUDA_VISIBLE_DEVICES for its server ("0", "1,2"): @GPUS, gpus=, or placement
    options: tuple[tuple[str, Any], ...] = ()  # per-model ServerSettings values (--llm-model-arg)
    vllm_args: tuple[str, ...] = ()  # extra vLLM arguments of this model alone
    base_urls: tuple[str, ...] = ()  # this model's endpoint(s), raw (@FILE allowed): attach instead of launch

    @property
    def embedded(self) -> bool:
        return is_embedded(self.source)

    def describe(self) -> dict[str, Any]:
        """For results.json: label and source, and the per-model settings where there are any."""
        from .endpoint import public_url

        data: dict[str, Any] = {"label": self.label, "source": self.source}
        if self.gpus is not None:
            data["gpus"] = self.gpus
        if self.options:
            data["options"] = dict(self.options)
        if self.vllm_args:
            from .server import redact

            data["vllm_args"] = redact(list(self.vllm_args), every_value=True)  # `--api-key k1 k2`: a list of keys
        if self.base_urls:
            data["base_urls"] = [u if u.startswith("@") else public_url(u) for u in self.base_urls]
        return data


def parse_model(text: str) -> ModelSpec:
    """`embedded`, a path or hub id (label: the directory's name), or `LABEL=PATH`; any of them may end in
    `@GPUS` (`@0`, `@1,2`)."""
    text = text.strip()
    if not text:
        raise ModelSpecError("--llm-model got an empty value. Fix: pass a model path, hub id or 'embedded'")
    gpus = None
    head, at, tail = text.rpartition("@")
    if at and _GPUS.match(tail.strip()):
        text, gpus = head.strip(), tail.strip()
        if not text:
            raise ModelSpecError(f"--llm-model @{gpus}: the model is missing. Fix: LABEL=PATH@{gpus}")
    if "=" in text:
        label, _, source = text.partition("=")
        if not label.strip() or not source.strip():
            raise ModelSpecError(f"--llm-model {text!r}: use LABEL=PATH")
        return ModelSpec(label.strip(), home_expanded(source.strip()), gpus)
    if is_embedded(text):
        return ModelSpec(EMBEDDED_LABEL, text, gpus)
    return ModelSpec(Path(text.rstrip("/")).name or text, home_expanded(text), gpus)


def home_expanded(source: str) -> str:
    """A source that starts with `~` with the home folder put in (vLLM takes `~/models/x` for a hub id: no shell
    expands `--llm-model=~/models/x` or an ini value); any other source, or a `~user` with no home, as it is. The
    same for every path a run reads (config/loading.py): a `--llm-report-dir=~/r` made a folder named `~`."""
    if not source.startswith("~"):
        return source
    try:
        return str(Path(source).expanduser())
    except (RuntimeError, ValueError):  # ~nobody, a NUL in the user's name: `model_source_problem` names it
        return source


# how a value that is meant as a local path starts (anything else that is not here is read as a hub id, as vLLM does)
LOCAL_PREFIXES = ("/", "./", "../", "~")
_HUB_ID = re.compile(r"^[\w.-]+(/[\w.-]+)?$")  # huggingface_hub's rule for a repo id: NAME or ORG/NAME
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)  # s3://, gs://: loaded by a vLLM load format


def model_where(spec: ModelSpec) -> str:
    """`--llm-model SOURCE` (or LABEL=SOURCE when the label is not the folder's name), as the user wrote it."""
    derived = spec.label == (Path(spec.source.rstrip("/")).name or spec.source)
    return f"--llm-model {spec.source if derived else f'{spec.label}={spec.source}'}"


def model_source_problem(spec: ModelSpec, vllm_args: Sequence[str], env: Mapping[str, str]) -> str | None:
    """Why the server of a launched model could not load it, found before any server starts (it failed when the
    model's turn came, after the models before it had run); None when it can, or cannot be told here.

    - a value meant as a local path (`/`, `./`, `../`, `~`) that does not exist, a file that is not a GGUF, or a
      folder without config.json (or params.json, or a *.gguf; `--hf-config-path` names the config elsewhere);
    - a hub id not in the Hugging Face cache (the default one or `--download-dir`, at `--revision`) while vLLM runs
      offline - the launcher's default (HF_HUB_OFFLINE=1) - or the hub (HF_ENDPOINT) cannot be reached.
    `vllm_args`: the model's vLLM arguments (run-wide and its own); `env`: the environment the server inherits."""
    where = model_where(spec)
    local = _existing(spec.source)
    if isinstance(local, str):
        return f"{where}: {local}"
    if local is not None:
        return _model_path_problem(where, local, vllm_args)
    if _URL.match(spec.source):
        return None  # s3:// and the like: vLLM's load formats read them, nothing here can tell
    from ..close_paths import did_you_mean

    if spec.source.startswith(LOCAL_PREFIXES):
        return (
            f"{where}: no such file or folder.{did_you_mean(spec.source)} Fix: the folder of a Hugging Face model "
            "(config.json, tokenizer, *.safetensors) or a .gguf file, e.g. --llm-model=/models/Qwen3-8B"
        )
    if not _HUB_ID.match(spec.source):
        return (
            f"{where}: not a file or folder here, and not a hub id (ORG/NAME, letters, digits, '.', '_' and '-')."
            f"{did_you_mean(spec.source)} Fix: the model's local folder, e.g. --llm-model=/models/Qwen3-8B, or its "
            "hub id"
        )
    problem = _hub_problem(where, spec, vllm_args, env)
    close = did_you_mean(spec.source)  # `models/qwen3-8b` read as a hub id: a local folder of that name is meant
    if problem is None or not close:
        return problem
    return problem.replace(": not a file or folder here", f":{close} It is not a file or folder here", 1)


def _existing(source: str) -> Path | str | None:
    """The file or folder `source` names here; None when there is none; why it cannot be looked at (a name too
    long, a NUL, `~user` with no such user, a symbolic link on the way that loops or leads nowhere, a folder above
    it that may not be entered) as text. A link loop was "no such file or folder. Did you mean <the same path>?"."""
    try:
        path = Path(source).expanduser()
        if path.exists():
            return path
        link = link_problem(path)
        if link is not None:  # the path itself is named once, in `--llm-model PATH: `
            return link.removeprefix(f"{path}: ")
        return None
    except RuntimeError:
        return f"{source.split('/')[0]}: no such user's home folder. Fix: write the model folder's full path"
    except PermissionError:  # a folder on the way that may not be entered (its own listing is checked later)
        return (
            "cannot be reached: a folder on the way may not be entered (permission denied). Fix: make it readable "
            "(chmod a+rX on each folder of the path) or run as a user who can read it"
        )
    except (OSError, ValueError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return f"cannot be looked up as a path ({why}). Fix: write the model folder's path"


def _model_path_problem(where: str, path: Path, vllm_args: Sequence[str]) -> str | None:
    from .vllm_arguments import flag_value

    if path.is_file():
        if path.suffix.lower() == ".gguf":
            return None
        folder = path.parent
        named = (
            f"its folder, --llm-model={folder}"
            if any((folder / name).is_file() for name in MODEL_FOLDER_FILES)
            else "the model's folder, the one that holds config.json"
        )
        return (
            f"{where}: is a file, not a model folder (vLLM loads a single file only as GGUF, *.gguf). Fix: name {named}"
        )
    if not path.is_dir():
        return (
            f"{where}: is {_special_kind(path)}, not a model folder. Fix: name the model's folder (config.json, "
            "tokenizer, *.safetensors)"
        )
    try:
        with os.scandir(path) as listing:  # never a whole listing: `/` or a folder of a million files answers at once
            empty = next(listing, None) is None
        ready = any((path / name).is_file() for name in MODEL_FOLDER_FILES) or any(path.glob("*.gguf"))
    except PermissionError:
        return (
            f"{where}: the folder cannot be read (permission denied). Fix: make it readable (chmod -R a+rX "
            f"{quoted(path)}) or run as a user who can read it"
        )
    except OSError as exc:
        return f"{where}: its folder cannot be read ({exc.strerror or exc}). Fix: make it readable"
    if ready or flag_value(vllm_args, "--hf-config-path") is not None:
        return None
    if empty:
        return (
            f"{where}: the folder has no config.json: it is empty. Fix: download the model into it (e.g. "
            f"huggingface-cli download ORG/NAME --local-dir {quoted(path)}) or name the folder that holds the model"
        )
    kind = folder_kind(path)
    if kind is not None:
        return f"{where}: {kind}"
    inside = _models_inside(where, path)
    if inside is not None:
        return inside
    return (
        f"{where}: the folder has no config.json (nor params.json or a *.gguf), so vLLM cannot load it. Fix: name "
        "the Hugging Face model folder itself (config.json, tokenizer, *.safetensors), e.g. the snapshot folder, "
        "not the folder above it"
    )


TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "tokenizer.model", "vocab.json", "spiece.model")


def folder_kind(path: Path) -> str | None:
    """What a folder without a model's config.json holds when it is something else a user has at hand, with the
    fix - a LoRA (PEFT) adapter, a tokenizer alone, a diffusers pipeline; None otherwise. The plugin's check and
    `size` said only "no config.json" and to name "the folder itself, not the folder above it": the wrong fix for
    an adapter, which vLLM serves on top of its base model."""
    try:
        if (path / "adapter_config.json").is_file():
            base = _adapter_base(path / "adapter_config.json")
            named = f" of {base}" if base else ""
            return (
                f"a LoRA adapter{named} (adapter_config.json), not a model: vLLM serves an adapter on top of its base "
                f"model. Fix: serve it so (vllm serve {base or 'BASE_MODEL'} --enable-lora --lora-modules "
                f"NAME={path}) and attach to it with --llm-base-url http://HOST:8000/v1 --llm-model NAME, or merge the "
                "adapter into its base model (PEFT's merge_and_unload) and name the merged folder"
            )
        if (path / "model_index.json").is_file():
            return (
                "a diffusers pipeline (model_index.json), an image model vLLM does not serve. Fix: name a chat model's "
                "folder (config.json, tokenizer, *.safetensors)"
            )
        tokenizer = [name for name in TOKENIZER_FILES if (path / name).is_file()]
        if tokenizer and not any(next(path.glob(pattern), None) is not None for pattern in WEIGHT_PATTERNS):
            return (
                f"holds a tokenizer alone ({', '.join(tokenizer)}): no config.json and no weights. Fix: download the "
                "whole model into it (e.g. huggingface-cli download ORG/NAME --local-dir FOLDER), or name the model's "
                "folder"
            )
    except OSError:
        return None
    return None


def _adapter_base(config: Path) -> str | None:
    """The base model an adapter_config.json names (`base_model_name_or_path`), or None."""
    import json

    try:
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    base = data.get("base_model_name_or_path") if isinstance(data, dict) else None
    return base if isinstance(base, str) and base.strip() else None


# a config.json whose every architecture is one of these heads, or whose model_type is one of these encoders, is no
# chat model: vLLM serves it for embeddings, classification or speech (or not at all), never /chat/completions
CHATLESS_HEADS = (
    "ForMaskedLM",
    "ForSequenceClassification",
    "ForTokenClassification",
    "ForQuestionAnswering",
    "ForAudioClassification",
    "ForImageClassification",
    "ForCTC",
)
ENCODER_TYPES = frozenset(
    {
        *("bert", "roberta", "xlm-roberta", "distilbert", "deberta", "deberta-v2", "electra", "albert", "mpnet"),
        *("camembert", "modernbert", "clip", "siglip", "whisper", "wav2vec2", "hubert"),
    }
)


def chatless_architecture(config: dict[str, Any]) -> str | None:
    """Why a model's config.json is no chat model vLLM can answer /chat/completions with (an encoder such as BERT or
    XLM-RoBERTa - an embedding model or a reranker -, a classifier head, Whisper), as words naming the architecture;
    None when it may be one (every other architecture: a list of chat models would go stale)."""
    model_type = config.get("model_type")
    architectures = config.get("architectures")
    names = [a for a in architectures if isinstance(a, str)] if isinstance(architectures, list) else []
    encoder = isinstance(model_type, str) and model_type.lower() in ENCODER_TYPES
    heads = bool(names) and all(name.endswith(CHATLESS_HEADS) for name in names)
    if not encoder and not heads:
        return None
    shown = ", ".join(names) or "no architectures"
    return (
        f"its config.json names {shown} (model_type {model_type}): an encoder or classifier, which vLLM serves for "
        "embeddings, scores or speech, not for chat, so every case would fail at /chat/completions. Fix: name a "
        "chat (text-generation) model, e.g. one whose architectures end in ForCausalLM; an embedding model or a "
        "reranker belongs to --rag-embedder or --rag-reranker"
    )


def chat_model_problem(spec: ModelSpec, vllm_args: Sequence[str] = ()) -> str | None:
    """Why a launched local model is no chat model (its config.json names an encoder or a classifier:
    `chatless_architecture`), in the words the run refuses it with (`config.checks.model_config_problem`); None when
    it may be one, or its config.json is not there to read (another check's to name) or is read from elsewhere
    (--hf-config-path). `python -m pytest_llmeval plan` asks it (`placement._refuse_chatless`): it sized a BERT in
    silence for a run that refuses it; `size` does not (sizing a reranker is its job)."""
    import json

    from .vllm_arguments import flag_value

    if spec.embedded or flag_value(vllm_args, "--hf-config-path") is not None:
        return None
    try:
        config = Path(spec.source).expanduser() / "config.json"
        if not config.is_file():
            return None
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, RuntimeError, ValueError, RecursionError):
        return None
    chatless = chatless_architecture(data) if isinstance(data, dict) else None
    return None if chatless is None else f"{model_where(spec)}: {chatless}"


MODELS_SHOWN = 3  # the model folders a message names before "and N more"


def _models_inside(where: str, path: Path) -> str | None:
    """What a folder without config.json holds when it is a step above a model, with the folder to name instead:
    a Hugging Face cache entry (models--ORG--NAME, or its snapshots/ folder: the model is in snapshots/REVISION), a
    Hugging Face cache itself (folders models--*), or a folder of model folders (`model_folders.search_models`: a
    few levels down, link-loop safe, bounded). None when it is none of these."""
    try:
        path = path.resolve()  # the folders named in the fix, whatever the folder the run starts in
    except (OSError, RuntimeError):
        return None
    entry = hub_entry_of(path)
    if entry is not None:
        name = hub_id(entry)
        downloaded = snapshots(entry)
        if not downloaded:
            return (
                f"{where}: a Hugging Face cache folder of {name} with no downloaded snapshot (no "
                f"snapshots/REVISION/config.json). Fix: download it (huggingface-cli download {name})"
            )
        return (
            f"{where}: a Hugging Face cache folder of {name}; the model itself is in snapshots/REVISION. Fix: "
            f"--llm-model={downloaded[-1]}, or the hub id --llm-model={name} (with HF_HUB_CACHE={entry.parent})"
        )
    found = search_models(path)
    loose = [model for model in found.models if not any(model.is_relative_to(e) for e in found.hub_entries)]
    if found.hub_entries and (not loose or found.hub_entries[0].parent == path):  # a cache, or ~/models with one
        cached = [hub_id(e) for e in found.hub_entries]
        return (
            f"{where}: a Hugging Face cache (it holds {_some(cached)}), not a model. Fix: the hub id, e.g. "
            f"--llm-model={cached[0]}, with HF_HUB_CACHE={found.hub_entries[0].parent}"
        )
    if found.models:
        models = [str(model.relative_to(path)) for model in found.models]
        return (
            f"{where}: a folder of model folders ({_some(models)}), not a model. Fix: name one, e.g. "
            f"--llm-model={found.models[0]}"
        )
    return None


def _some(names: list[str]) -> str:
    more = f" and {len(names) - MODELS_SHOWN} more" if len(names) > MODELS_SHOWN else ""
    return ", ".join(names[:MODELS_SHOWN]) + more


def _special_kind(path: Path) -> str:
    """What a path that is neither a file nor a folder is (told from its mode: a FIFO is never opened)."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        return "not a file or folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file or folder"


# what vLLM's default loader (--load-format auto, safetensors, pt, npcache, fastsafetensors) reads from a model folder;
# other load formats (dummy, tensorizer, sharded_state, bitsandbytes, runai_streamer, ...) are left to vLLM
WEIGHT_PATTERNS = ("*.safetensors", "*.bin", "*.pt", "*.pth", "*.gguf")
_FOLDER_LOAD_FORMATS = ("auto", "safetensors", "pt", "npcache", "fastsafetensors")
SAFETENSORS_INDEX = "model.safetensors.index.json"


def model_weights_problem(spec: ModelSpec, vllm_args: Sequence[str]) -> str | None:
    """Why a launched local model folder has no weights vLLM's loader can read (none at all - a `git clone` without
    LFS, a download of the config alone, links into a cache whose blobs were deleted - or shards its safetensors
    index names missing: a download cut short), with the fix; None when it has, when the source is no local folder
    (a hub id, a GGUF file: `model_source_problem`'s) or the load format reads other files (dummy, tensorizer, ...).
    vLLM found out after the server had started, and every case of the model errored in launch. A plan
    (`python -m pytest_llmeval plan`) needs the config alone: it does not ask this."""
    from .vllm_arguments import flag_value

    local = _existing(spec.source)
    if not isinstance(local, Path) or not local.is_dir() or flag_value(vllm_args, "--hf-config-path") is not None:
        return None  # --hf-config-path: the model's files are laid out by hand, away from the config: left to vLLM
    where = model_where(spec)
    return _weights_problem(where, local, flag_value(vllm_args, "--load-format"))


def _weights_problem(where: str, path: Path, load_format: str | None) -> str | None:
    if (load_format or "auto").strip().lower() not in _FOLDER_LOAD_FORMATS:
        return None
    try:
        weights = [file for pattern in WEIGHT_PATTERNS for file in path.glob(pattern) if file.is_file()]
    except OSError:  # the folder cannot be listed: vLLM's own error says why
        return None
    if not weights:
        return (
            f"{where}: the folder {path} has no weights (*.safetensors or *.bin files, or only links to files that "
            "are gone), so vLLM cannot load it. Fix: download the weights into it (e.g. huggingface-cli download "
            "ORG/NAME --local-dir FOLDER; a git clone needs git lfs pull), or pass --llm-vllm-arg=--load-format=dummy "
            "to start it with random weights"
        )
    missing = _missing_shards(path)
    if not missing:
        return None
    shown_names = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
    return (
        f"{where}: {path / SAFETENSORS_INDEX} names {len(missing)} weight file(s) the folder does not hold "
        f"({shown_names}): the download stopped before the end. Fix: download the model again into the folder"
    )


def _missing_shards(path: Path) -> list[str]:
    """The shard files `model.safetensors.index.json` names (weight_map values) that are not in the folder; none
    when there is no index or it cannot be read (vLLM then loads every *.safetensors it finds)."""
    import json

    try:
        index = json.loads((path / SAFETENSORS_INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return []
    weight_map = index.get("weight_map") if isinstance(index, dict) else None
    if not isinstance(weight_map, dict):
        return []
    names = sorted({name for name in weight_map.values() if isinstance(name, str) and name})
    return [name for name in names if not (path / name).is_file()]


def hub_offline(env: Mapping[str, str]) -> bool:
    """Whether vLLM's hub client runs offline in a server the plugin launches: HF_HUB_OFFLINE (or
    TRANSFORMERS_OFFLINE) true as huggingface_hub reads it (1, on, yes, true), or HF_HUB_OFFLINE unset - the
    launcher then sets it to 1."""

    def true(name: str) -> bool:
        return env.get(name, "").strip().upper() in ("1", "ON", "YES", "TRUE")

    return "HF_HUB_OFFLINE" not in env or true("HF_HUB_OFFLINE") or true("TRANSFORMERS_OFFLINE")


HUB_PROBE_TIMEOUT_S = 5.0


def _hub_problem(where: str, spec: ModelSpec, vllm_args: Sequence[str], env: Mapping[str, str]) -> str | None:
    from .hub_files import default_hub_cache, download_dir, resolve_hub_snapshot
    from .vllm_arguments import flag_value

    revision = flag_value(vllm_args, "--revision")
    caches = list(dict.fromkeys(c for c in (download_dir(vllm_args), default_hub_cache(env)) if c is not None))
    if any(resolve_hub_snapshot(spec.source, cache, revision) is not None for cache in caches):
        return None
    at = f" at revision {revision}" if revision else ""
    looked = " or ".join(str(c) for c in caches) + _close_cached_id(spec.source, caches)
    fix = (
        f"Fix: the model's local folder, e.g. --llm-model={spec.label}=/models/{spec.source.split('/')[-1]}, or "
        "download it first (huggingface-cli download " + spec.source + ")"
    )
    if hub_offline(env):
        why = (
            f"HF_HUB_OFFLINE={env['HF_HUB_OFFLINE']}" if "HF_HUB_OFFLINE" in env else "the launcher's HF_HUB_OFFLINE=1"
        )
        return (
            f"{where}: not a file or folder here, and the hub id is not in the Hugging Face cache{at} ({looked}), "
            f"while vLLM runs offline ({why}). {fix}, or set HF_HUB_OFFLINE=0 to let vLLM download it"
        )
    unreachable = _hub_unreachable(env)
    if unreachable is None:
        return None  # online: vLLM downloads it (or reports what the hub says)
    return (
        f"{where}: not a file or folder here, not in the Hugging Face cache{at} ({looked}), and the hub cannot be "
        f"reached ({unreachable}). {fix}"
    )


def _close_cached_id(source: str, caches: Sequence[Path]) -> str:
    """`; did you mean ORG/NAME, which is there?` for a hub id in the caches that `source` is a typo of (a letter's
    case: the hub's ids are case-sensitive, `qwen/qwen3-8b` is not `Qwen/Qwen3-8B`), else ""."""
    import difflib

    cached: dict[str, str] = {}
    for cache in caches:
        try:
            names = [entry.name for entry in cache.iterdir()][:5000] if cache.is_dir() else []
        except OSError:
            continue
        for name in names:
            if name.startswith(HF_CACHE_PREFIX):
                repo = hub_id(Path(name))
                cached.setdefault(repo.lower(), repo)
    close = difflib.get_close_matches(source.lower(), list(cached), n=1, cutoff=0.85)
    return f"; did you mean {cached[close[0]]}, which is there?" if close else ""


def _hub_unreachable(env: Mapping[str, str]) -> str | None:
    """Why the hub (HF_ENDPOINT, else huggingface.co) cannot be reached, asked once with a short timeout; None when
    it answers at all (any HTTP status: what it says of the model is vLLM's to report)."""
    import httpx

    endpoint = env.get("HF_ENDPOINT", "").strip() or "https://huggingface.co"
    try:
        httpx.head(endpoint, timeout=HUB_PROBE_TIMEOUT_S)
    except httpx.HTTPError as exc:
        return f"{endpoint}: {type(exc).__name__}"
    except ValueError as exc:  # an endpoint that is no URL
        return f"{endpoint}: {exc}"
    return None


def apply_model_args(models: list[ModelSpec], args: Iterable[str]) -> list[ModelSpec]:
    """The specs with every `--llm-model-arg LABEL:KEY=VALUE` applied (see the module's examples)."""
    by_label = {m.label: m for m in models}
    for arg in args:
        label, colon, rest = arg.partition(":")
        key, equals, value = rest.partition("=")
        label, key, value = label.strip(), key.strip(), value.strip()
        if not colon or not equals or not label or not key or not value:
            raise ModelSpecError(
                f"--llm-model-arg {arg!r}: write LABEL:KEY=VALUE, e.g. 14b:tensor_parallel_size=2 or "
                "14b:vllm_arg=--enforce-eager"
            )
        if label not in by_label:
            raise ModelSpecError(f"--llm-model-arg {arg!r}: no model is labelled {label!r}. Labels: {sorted(by_label)}")
        spec = by_label[label]
        if key == "vllm_arg":
            try:
                parts = shlex.split(value)
            except ValueError as exc:  # a quote left open: it was an INTERNALERROR from shlex
                from .server import redact

                raise ModelSpecError(
                    f"--llm-model-arg {label}:vllm_arg={' '.join(redact(value.split()))}: cannot be split into "
                    f"arguments ({exc}). Fix: close the quote, or quote the whole argument once"
                ) from None
            spec = dataclasses.replace(spec, vllm_args=spec.vllm_args + tuple(parts))
        elif key == "base_url":
            spec = dataclasses.replace(spec, base_urls=spec.base_urls + (value,))
        elif key == "gpus":
            if not _GPUS.match(value):
                raise ModelSpecError(f"--llm-model-arg {arg!r}: gpus must be CUDA indices such as 0 or 1,2")
            spec = dataclasses.replace(spec, gpus=value)
        elif key in MODEL_KEYS:
            try:
                typed = MODEL_KEYS[key](value)
            except LengthError as exc:
                raise ModelSpecError(f"--llm-model-arg {arg!r}: {key} {exc}") from None
            except ValueError:  # "must be a int", with no example of what it takes
                kind, example = ("a whole number", "2") if MODEL_KEYS[key] is int else ("a number", "0.85")
                raise ModelSpecError(
                    f"--llm-model-arg {arg!r}: {key} must be {kind}, not {value!r}. Fix: e.g. {label}:{key}={example}"
                ) from None
            if isinstance(typed, (int, float)) and typed <= 0:
                raise ModelSpecError(f"--llm-model-arg {arg!r}: {key} must be greater than 0")
            if key == "dtype" and (problem := dtype_problem(str(typed))) is not None:
                raise ModelSpecError(f"--llm-model-arg {arg!r}: {problem}")
            if key == "chat_template":  # a file vLLM opens as it is given: `~/t.jinja` was read as template text
                typed = home_expanded(str(typed))
            options = dict(spec.options)
            options[key] = typed
            spec = dataclasses.replace(spec, options=tuple(options.items()))
        else:
            known = sorted([*MODEL_KEYS, *LIST_KEYS])
            raise ModelSpecError(f"--llm-model-arg {arg!r}: unknown key {key!r}. Keys: {', '.join(known)}")
        by_label[label] = spec
    return [by_label[m.label] for m in models]


def model_server_settings(spec: ModelSpec, settings: Any) -> Any:
    """The run-wide ServerSettings with this model's own values in place (GPUs, options, extra vLLM args,
    endpoints)."""
    changes: dict[str, Any] = dict(spec.options)
    changes.pop("gpus", None)
    if spec.gpus is not None:
        changes["cuda_visible_devices"] = spec.gpus
    if spec.vllm_args:
        changes["extra_args"] = [*settings.extra_args, *spec.vllm_args]
    if spec.base_urls:
        from .fleet import read_urls

        urls = read_urls(spec.base_urls, f"--llm-model-arg {spec.label}:base_url")
        changes.update(base_url=urls[0], base_urls=urls)
    return dataclasses.replace(settings, **changes) if changes else settings


def replicas(spec: ModelSpec, settings: Any) -> int:
    """How many servers answer the model: vLLM data-parallel engines x the endpoints of a fleet."""
    server = model_server_settings(spec, settings)
    return (server.data_parallel_size or 1) * max(1, len(server.base_urls))
