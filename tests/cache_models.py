"""Model folders for the answer cache's identity tests (test_cache_review.py, test_review2_cache_identity.py, which
import them: pytest puts this folder on sys.path): a local model and a Hugging Face cache entry."""

from __future__ import annotations

from pathlib import Path


def write_model(folder: Path, weights: bytes) -> Path:
    """A model folder: a config and `weights` as its one weights file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text('{"architectures": ["X"]}', encoding="utf-8")
    (folder / "model.safetensors").write_bytes(weights)
    return folder


def hub_snapshot(hub: Path, repo: str, commit: str, weights: bytes, ref: str | None = "main") -> Path:
    """A Hugging Face cache entry: snapshots/COMMIT/ with the model's files, and refs/REF naming it."""
    folder = hub / ("models--" + repo.replace("/", "--"))
    snapshot = write_model(folder / "snapshots" / commit, weights)
    if ref is not None:
        (folder / "refs").mkdir(parents=True, exist_ok=True)
        (folder / "refs" / ref).write_text(commit, encoding="utf-8")
    return snapshot
