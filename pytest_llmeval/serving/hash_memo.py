"""File hashes remembered between runs in a JSON file (`file_hashes.HashMemo`), for what has no answer cache to keep
them in: the embedder and reranker folders of a RAG run (`identity.retrieval_components_digest`), hashed at every
retriever start and in every xdist worker - seconds for a 2 GB embedder, again and again, for the same files.

A small JSON file under the plugin's cache root (`built_models.cache_root`), not SQLite: a few entries, read once
a process. Writes merge under a file lock (xdist workers write at once) and replace the file atomically; an
unreadable or damaged file is a memo with nothing in it (the files are hashed again), never an error."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

MEMO_NAME = "file-hashes.json"
MAX_ENTRIES = 10_000  # a memo of more paths is started again (a long-lived cache root, many model versions)


class JsonHashMemo:
    """path -> (stamp, sha256), kept in `path` (`file_hashes.file_stamp` says when a remembered hash stands)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, list[str]] | None = None

    def file_hash(self, path: str, stamp: str) -> str | None:
        entry = self._read().get(path)
        return entry[1] if entry is not None and entry[0] == stamp else None

    def remember_file_hash(self, path: str, stamp: str, digest: str) -> None:
        self._read()[path] = [stamp, digest]
        try:
            self._merge_into_file(path, [stamp, digest])
        except OSError:  # a read-only cache root: remembered for this process only
            pass

    def _read(self) -> dict[str, list[str]]:
        if self._entries is None:
            self._entries = _entries_in(self.path)
        return self._entries

    def _merge_into_file(self, path: str, entry: list[str]) -> None:
        from filelock import FileLock

        self.path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.path) + ".lock", timeout=10):
            entries = _entries_in(self.path)  # what other processes wrote since this one read
            entries = {} if len(entries) >= MAX_ENTRIES else entries
            entries[path] = entry
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".file-hashes-")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    json.dump(entries, out)
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise


def _entries_in(path: Path) -> dict[str, list[str]]:
    """The memo's entries; empty when the file is missing, unreadable or not a memo."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        key: value
        for key, value in data.items()
        if isinstance(value, list) and len(value) == 2 and all(isinstance(part, str) for part in value)
    }


def default_hash_memo() -> JsonHashMemo:
    """The memo under the plugin's cache root ($LLMEVAL_CACHE_DIR or ~/.cache/pytest-llmeval)."""
    from .built_models import cache_root

    return JsonHashMemo(cache_root() / MEMO_NAME)
