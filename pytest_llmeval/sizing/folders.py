"""What a MODEL_DIR given to `size` is when it is no model folder: a file, a link that loops or leads nowhere, a
folder that cannot be read, or a folder of model folders (~/models with Qwen3-8B/ and Qwen3-14B/ inside, a Hugging
Face cache, a cache entry with no snapshot downloaded) - each as one line naming the path and the fix. The last was
"config.json: missing", which sent the user looking for a damaged download. The search below a folder is
`serving.model_folders`, the one `--llm-model` uses."""

from __future__ import annotations

import os
from pathlib import Path

from ..serving.model_folders import (
    MAX_ENTRIES_SCANNED,
    hub_entry_of,
    hub_id,
    link_problem,
    quoted,
    search_models,
    snapshots,
)

MODELS_SHOWN = 8  # model folders a message names before "and N more"
SIZE_COMMAND = "python -m pytest_llmeval size"
CONFIG_ONLY = ("config.json",)  # this command reads a Hugging Face config: a Mistral params.json alone is no model here


def path_problem(folder: Path) -> str | None:
    """Why `folder` is no folder `size` can look into, with the fix; None when it is a readable folder."""
    try:
        if folder.is_dir():
            os.listdir(folder)  # an unreadable folder: its config.json check was a PermissionError traceback
            return None
        link = link_problem(folder)
        if link is not None:
            return link
        if folder.is_file():  # the config.json or a weights file itself
            return f"{folder}: is a file. Fix: pass the model directory that holds it: {quoted(folder.parent)}"
        if folder.exists():  # a FIFO or a device: "no such model directory" sent the user looking for a typo
            return (
                f"{folder}: is not a folder (a FIFO or a device). Fix: pass a local model directory (with config.json)"
            )
    except PermissionError:
        return (
            f"{folder}: cannot be read (permission denied). Fix: make it readable (chmod -R a+rX {quoted(folder)}) or "
            "run the command as a user who can read it"
        )
    except OSError as exc:
        return f"{folder}: cannot be read ({exc.strerror or exc}). Fix: pass a local model directory (with config.json)"
    return f"{folder}: no such model directory. Fix: pass a local model directory (with config.json)"


def broken_link(file: Path) -> str | None:
    """Why a file of the model folder (config.json, a weights shard) is a link that leads nowhere, or None: a Hugging
    Face cache whose blobs were deleted leaves such links, and config.json was "missing", a shard a traceback."""
    try:
        if not file.is_symlink() or file.exists():
            return None
        return link_problem(
            file, "download the model again (a Hugging Face cache whose blobs/ were deleted leaves such links)"
        )
    except OSError:
        return None


def folder_of_models(folder: Path) -> str | None:
    """`folder` holds model folders, not a model: which (named from `folder`, MODELS_SHOWN of them), and the
    command that sizes one - a model is sized one at a time, as vLLM serves one; or it is a Hugging Face cache
    entry (or cache) with no snapshot downloaded, and the command that downloads it; None when none is below it."""
    entry = hub_entry_of(folder)
    if entry is not None and not snapshots(entry, CONFIG_ONLY):
        return (
            f"{folder}: a Hugging Face cache folder of {hub_id(entry)} with no downloaded snapshot (no "
            f"snapshots/REVISION/config.json). Fix: download it (huggingface-cli download {hub_id(entry)}), then size "
            "its snapshot folder"
        )
    found = search_models(folder, CONFIG_ONLY)
    models = found.models
    if not models:
        if not found.hub_entries:
            return None
        ids = [hub_id(e) for e in found.hub_entries]
        shown = ", ".join(ids[:MODELS_SHOWN]) + (
            f" and {len(ids) - MODELS_SHOWN} more" if len(ids) > MODELS_SHOWN else ""
        )
        return (
            f"{folder}: a Hugging Face cache with no downloaded model (it holds {shown}, no "
            f"snapshots/REVISION/config.json). Fix: download one (huggingface-cli download {ids[0]}), then size its "
            "snapshot folder"
        )
    names = [str(model.relative_to(folder)) for model in models]
    more = f" and {len(names) - MODELS_SHOWN} more" if len(names) > MODELS_SHOWN else ""
    count = f"{len(models)} model folder{'s' if len(models) > 1 else ''}"
    if found.cut_short:  # `size ~`: an answer at once, from the first entries
        count = f"at least {count} (the first {MAX_ENTRIES_SCANNED:,} entries looked at)"
    each = ""
    if len(models) > 1 and all(model.parent == folder for model in models):
        each = f'; each in turn: for m in {quoted(folder)}/*/; do {SIZE_COMMAND} "$m"; done'
    return (
        f"{folder}: a folder of models, not a model (no config.json in it; {count} below it: "
        f"{', '.join(names[:MODELS_SHOWN])}{more}). Fix: size one model folder: {SIZE_COMMAND} "
        f"{quoted(models[0])}{each}"
    )
