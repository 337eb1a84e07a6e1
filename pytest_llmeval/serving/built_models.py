"""A model directory built once and cached: locked across processes, renamed into place when complete."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path


def cache_root() -> Path:
    """Where built and converted models live: $LLMEVAL_CACHE_DIR or ~/.cache/pytest-llmeval. A value that starts
    with `~` gets the home folder (`LLMEVAL_CACHE_DIR="~/cache"` in a CI file or .env, where no shell expands it,
    made a folder named `~` in the project); a blank one is the default."""
    env = os.environ.get("LLMEVAL_CACHE_DIR", "").strip()
    if not env:
        return Path.home() / ".cache" / "pytest-llmeval"
    try:
        return Path(env).expanduser()
    except RuntimeError:  # `~nobody`: no such user - the start-up check names the variable
        return Path(env)


def models_dir(cache_dir: Path | None = None) -> Path:
    """The `models` folder under `cache_dir` (default: `cache_root()`)."""
    return (Path(cache_dir) if cache_dir else cache_root()) / "models"


def cached_build(root: Path, name: str, build: Callable[[Path], None]) -> Path:
    """`root/name`, built by `build(folder)` on first use. A file lock keeps concurrent processes (xdist
    workers) from building it twice; the folder is built beside the target and renamed into place only when
    `build` returned, so a crash never leaves a half-built model that looks finished."""
    from filelock import FileLock

    target = root / name
    if (target / ".complete").exists():
        return target
    root.mkdir(parents=True, exist_ok=True)
    with FileLock(str(root / f"{name}.lock")):
        if not (target / ".complete").exists():
            tmp = target.with_name(f"{name}.tmp-{os.getpid()}")
            shutil.rmtree(tmp, ignore_errors=True)
            try:
                build(tmp)
                (tmp / ".complete").write_text("ok\n", encoding="utf-8")
                shutil.rmtree(target, ignore_errors=True)
                tmp.rename(target)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
    return target
