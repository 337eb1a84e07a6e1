"""Finding model folders below a folder that is not one (no pytest here): the one search behind `--llm-model` and
`python -m pytest_llmeval size` when they are given ~/models, a Hugging Face cache or a cache entry.

It is safe on any folder a user may give by mistake - `/`, a home folder: at most `MAX_ENTRIES_SCANNED` entries are
looked at, `MODELS_DEPTH` levels down; a link back up or a link loop is followed once or not at all; a folder that
cannot be read is passed over; nothing is opened (a FIFO named config.json is not read). It knows a Hugging Face
cache entry (models--ORG--NAME, whose model is in snapshots/REVISION, however deep) and Mistral's params.json.
Also here: what a symbolic link on the way to a path is when the path cannot be reached (a loop, a missing target).
"""

from __future__ import annotations

import errno
import os
import shlex
from dataclasses import dataclass
from pathlib import Path

# what makes a folder a model folder vLLM loads: a Hugging Face config, or Mistral's own format
MODEL_FOLDER_FILES = ("config.json", "params.json")
HF_CACHE_PREFIX = "models--"  # a model's folder in a Hugging Face cache: models--ORG--NAME/snapshots/REVISION
# how far below the given folder model folders are looked for: ~/models/NAME (1), ~/.cache/modelscope/hub/ORG/NAME
# (2), a Hugging Face cache's models--ORG--NAME/snapshots/REVISION (3; a cache entry's snapshots are looked into
# wherever it is met)
MODELS_DEPTH = 3
# folder entries looked at in all: `/` or a home folder given by mistake answers at once instead of walking the disk
MAX_ENTRIES_SCANNED = 10_000


@dataclass(frozen=True)
class FolderSearch:
    """What is below a folder: the model folders (sorted), the Hugging Face cache entries met on the way (sorted,
    downloaded or not), and whether the search stopped at `MAX_ENTRIES_SCANNED` before the end."""

    models: tuple[Path, ...] = ()
    hub_entries: tuple[Path, ...] = ()
    cut_short: bool = False


def is_model_folder(path: Path, files: tuple[str, ...] = MODEL_FOLDER_FILES) -> bool:
    """Whether `path` holds one of `files` as a file; False where it cannot be looked into."""
    try:
        return any((path / name).is_file() for name in files)
    except OSError:  # a folder it may not look into (/proc/1/fdinfo)
        return False


def hub_id(entry: Path) -> str:
    """ORG/NAME of a Hugging Face cache entry models--ORG--NAME."""
    return entry.name[len(HF_CACHE_PREFIX) :].replace("--", "/")


def hub_entry_of(folder: Path) -> Path | None:
    """The cache entry `folder` is (models--ORG--NAME) or the snapshots/ folder of; None when it is neither."""
    if folder.name == "snapshots" and folder.parent.name.startswith(HF_CACHE_PREFIX):
        return folder.parent
    return folder if folder.name.startswith(HF_CACHE_PREFIX) else None


def snapshots(entry: Path, files: tuple[str, ...] = MODEL_FOLDER_FILES) -> list[Path]:
    """A cache entry's downloaded snapshots (snapshots/REVISION with a model file), the one refs/main names last
    (the one to name in a fix), the others sorted before it; [] when none is downloaded or it cannot be read."""
    return _snapshots(entry, files, MAX_ENTRIES_SCANNED)[0]


def _snapshots(entry: Path, files: tuple[str, ...], budget: int) -> tuple[list[Path], int]:
    listed, budget = _listing(entry / "snapshots", budget)
    found = []
    for item in listed:
        try:
            if item.is_dir() and is_model_folder(Path(item.path), files):
                found.append(Path(item.path))
        except OSError:
            continue
    main = ""
    try:
        if (entry / "refs" / "main").is_file():
            main = (entry / "refs" / "main").read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        pass
    return sorted(found, key=lambda path: (path.name == main, path.name)), budget


def search_models(
    folder: Path,
    files: tuple[str, ...] = MODEL_FOLDER_FILES,
    depth: int = MODELS_DEPTH,
    max_entries: int = MAX_ENTRIES_SCANNED,
) -> FolderSearch:
    """The model folders (holding one of `files`) at most `depth` levels below `folder`, breadth first; a model
    folder is not looked into, nor a hidden folder; each real folder is visited once (a link back up is no loop);
    a cache entry's snapshots are looked at wherever it is met, its blobs/ never. Looks at `max_entries` entries at
    most: a listing of `/` stops there (`cut_short`)."""
    models: list[Path] = []
    entries: list[Path] = []
    try:
        info = folder.stat()
    except OSError:
        return FolderSearch()
    seen = {(info.st_dev, info.st_ino)}  # (device, inode) of each folder met: a link to one is not followed again
    queue: list[tuple[str, int, int]] = [(str(folder), info.st_dev, 0)]
    budget = max_entries
    for current, device, level in queue:  # the queue grows as it is walked: breadth first
        listed, budget = _listing(Path(current), budget)
        for entry in listed:  # plain strings and the listing's own inode here: 10,000 entries in a few 10 ms
            if entry.name.startswith("."):
                continue
            try:
                if not entry.is_dir():
                    continue
                if entry.is_symlink():
                    target = entry.stat()
                    key = (target.st_dev, target.st_ino)
                else:  # a real folder is on its parent's device (a mount point is met by its link at most twice)
                    key = (device, entry.inode())
            except OSError:
                continue
            if key in seen:
                continue
            seen.add(key)
            if entry.name.startswith(HF_CACHE_PREFIX):
                entries.append(Path(entry.path))
                found, budget = _snapshots(Path(entry.path), files, budget)
                models.extend(found)
            elif is_model_folder(Path(entry.path), files):
                models.append(Path(entry.path))
            elif level + 1 < depth:
                queue.append((entry.path, key[0], level + 1))
        if budget <= 0:
            return FolderSearch(tuple(sorted(models)), tuple(sorted(entries)), True)
    return FolderSearch(tuple(sorted(models)), tuple(sorted(entries)), False)


def _listing(folder: Path, budget: int) -> tuple[list[os.DirEntry[str]], int]:
    """The entries of `folder`, sorted, at most `budget` of them (a folder of a million files is not read to its
    end), and the budget left; [] when it cannot be read."""
    listed: list[os.DirEntry[str]] = []
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                if len(listed) >= budget:
                    break
                listed.append(entry)
    except OSError:
        return [], budget
    return sorted(listed, key=lambda entry: entry.name), budget - len(listed)


def link_problem(path: Path, fix: str = "") -> str | None:
    """Why `path` cannot be reached because of a symbolic link on the way - the path itself or a folder above it -
    that loops or whose target is missing, naming that link and the fix (by default: point it at the model folder);
    None when no link is at fault (the path is there, or simply missing)."""
    try:
        os.stat(path)
        return None
    except OSError as exc:
        if exc.errno not in (errno.ELOOP, errno.ENOENT, errno.ENOTDIR):
            return None
    except ValueError:  # a NUL in the path: no link to name
        return None
    link = _faulty_link(path)
    if link is None:
        return None
    fix = fix or f"point it at the model folder (ln -sfn /path/to/MODEL {quoted(link)}) or pass the model folder itself"
    try:
        target = os.readlink(link)
    except OSError:
        target = "?"
    try:
        link.resolve(strict=True)
        loops = False
    except RuntimeError:  # Python 3.11's resolve raises RuntimeError on a loop
        loops = True
    except OSError as exc:
        loops = exc.errno == errno.ELOOP
    if loops:
        return f"{link}: a symbolic link that loops (it leads back to itself: {target}). Fix: {fix}"
    return f"{link}: a symbolic link to {target}, which does not exist. Fix: {fix}"


def _faulty_link(path: Path) -> Path | None:
    """The first link on the way to `path` (a folder above it, or itself) that cannot be followed; None if none."""
    parts = path.parts
    for end in range(1, len(parts) + 1):
        prefix = Path(*parts[:end])
        try:
            os.stat(prefix)
        except OSError as exc:  # a plain folder missing: no link is at fault
            faulty = prefix.is_symlink() and exc.errno in (errno.ELOOP, errno.ENOENT, errno.ENOTDIR)
            return prefix if faulty else None
    return None


def quoted(path: Path) -> str:
    """A path as a shell takes it: one with spaces or 中文 in a fix is pasted whole."""
    return shlex.quote(str(path))
