"""What a MODEL_DIR given to `size` is when it is no model folder: a file, a link that loops or leads nowhere, a
folder that cannot be read, or a folder of model folders (~/models with Qwen3-8B/ and Qwen3-14B/ inside, a Hugging
Face cache) - each as one line naming the path and the fix. The last was "config.json: missing", which sent the user
looking for a damaged download."""

from __future__ import annotations

import errno
import os
import shlex
from collections import deque
from pathlib import Path

# how far below the given folder model folders are looked for: ~/models/NAME (1), ~/.cache/modelscope/hub/ORG/NAME
# (2), a Hugging Face cache's models--ORG--NAME/snapshots/REVISION (3)
MODELS_DEPTH = 3
# folders looked into at most: a home folder or / given by mistake answers at once instead of walking the disk
MAX_FOLDERS_SCANNED = 4000
MODELS_SHOWN = 8  # model folders a message names before "and N more"
SIZE_COMMAND = "python -m pytest_llmeval size"


def path_problem(folder: Path) -> str | None:
    """Why `folder` is no folder `size` can look into, with the fix; None when it is a readable folder."""
    try:
        if folder.is_dir():
            os.listdir(folder)  # an unreadable folder: its config.json check was a PermissionError traceback
            return None
        if folder.is_symlink():
            return _link_problem(folder)
        if folder.is_file():  # the config.json or a weights file itself
            return f"{folder}: is a file. Fix: pass the model directory that holds it: {_quoted(folder.parent)}"
        if folder.exists():  # a FIFO or a device: "no such model directory" sent the user looking for a typo
            return (
                f"{folder}: is not a folder (a FIFO or a device). Fix: pass a local model directory (with config.json)"
            )
    except PermissionError:
        return (
            f"{folder}: cannot be read (permission denied). Fix: make it readable (chmod -R a+rX {_quoted(folder)}) or "
            "run the command as a user who can read it"
        )
    except OSError as exc:
        return f"{folder}: cannot be read ({exc.strerror or exc}). Fix: pass a local model directory (with config.json)"
    return f"{folder}: no such model directory. Fix: pass a local model directory (with config.json)"


def _link_problem(link: Path, fix: str = "") -> str:
    """A symbolic link that loops or whose target is missing ("no such model directory" named neither)."""
    fix = (
        fix or f"point it at the model folder (ln -sfn /path/to/MODEL {_quoted(link)}) or pass the model folder itself"
    )
    try:
        link.resolve(strict=True)
    except RuntimeError:  # Python 3.11's resolve raises RuntimeError on a loop
        return f"{link}: a symbolic link that loops (it leads back to itself: {os.readlink(link)}). Fix: {fix}"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{link}: a symbolic link that loops (it leads back to itself: {os.readlink(link)}). Fix: {fix}"
    return f"{link}: a symbolic link to {os.readlink(link)}, which does not exist. Fix: {fix}"


def broken_link(file: Path) -> str | None:
    """Why a file of the model folder (config.json, a weights shard) is a link that leads nowhere, or None: a Hugging
    Face cache whose blobs were deleted leaves such links, and config.json was "missing", a shard a traceback."""
    try:
        if not file.is_symlink() or file.exists():
            return None
        return _link_problem(
            file, "download the model again (a Hugging Face cache whose blobs/ were deleted leaves such links)"
        )
    except OSError:
        return None


def models_below(folder: Path) -> list[Path]:
    """The model folders (with a config.json) at most MODELS_DEPTH levels below `folder`, sorted; a model folder is
    not looked into, nor a hidden folder, and each real folder is visited once (a link back up is no loop)."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    queue: deque[tuple[Path, int]] = deque([(folder, 0)])
    scanned = 0
    while queue and scanned < MAX_FOLDERS_SCANNED:
        current, depth = queue.popleft()
        scanned += 1
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                if not entry.is_dir():
                    continue
                info = entry.stat()
                if (info.st_dev, info.st_ino) in seen:
                    continue
                seen.add((info.st_dev, info.st_ino))
                is_model = (path / "config.json").is_file()
            except OSError:  # a folder it may not look into (/proc/1/fdinfo): passed over
                continue
            if is_model:
                found.append(path)
            elif depth + 1 < MODELS_DEPTH:
                queue.append((path, depth + 1))
    return sorted(found)


def folder_of_models(folder: Path) -> str | None:
    """`folder` holds model folders, not a model: which (named from `folder`, MODELS_SHOWN of them), and the
    command that sizes one - a model is sized one at a time, as vLLM serves one; None when none is below it."""
    models = models_below(folder)
    if not models:
        return None
    names = [str(model.relative_to(folder)) for model in models]
    more = f" and {len(names) - MODELS_SHOWN} more" if len(names) > MODELS_SHOWN else ""
    count = f"{len(models)} model folder{'s' if len(models) > 1 else ''}"
    each = ""
    if len(models) > 1 and all(model.parent == folder for model in models):
        each = f'; each in turn: for m in {_quoted(folder)}/*/; do {SIZE_COMMAND} "$m"; done'
    return (
        f"{folder}: a folder of models, not a model (no config.json in it; {count} below it: "
        f"{', '.join(names[:MODELS_SHOWN])}{more}). Fix: size one model folder: {SIZE_COMMAND} "
        f"{_quoted(models[0])}{each}"
    )


def _quoted(path: Path) -> str:
    """A path as a shell takes it: one with spaces or 中文 in a fix is pasted whole."""
    return shlex.quote(str(path))
