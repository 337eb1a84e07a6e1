"""File content hashes for a model's identity, with a memo so that gigabytes of weights are not read every run.

Each file's SHA-256 is kept in a memo (`HashMemo`: the answer cache's database, or `hash_memo.JsonHashMemo`) keyed
by its real path and stamp (size, mtime, ctime and inode): a file is read again only when one of those changes. In
the Hugging Face cache a weight file is a link to a blob named by its SHA-256, which is used as is.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any, Protocol

_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class HashMemo(Protocol):
    """Where file hashes are remembered between runs (the answer cache's database)."""

    def file_hash(self, path: str, stamp: str) -> str | None: ...

    def remember_file_hash(self, path: str, stamp: str, digest: str) -> None: ...


class NoMemo:
    """Hash every file every time (tests, one-off use)."""

    def file_hash(self, path: str, stamp: str) -> str | None:
        return None

    def remember_file_hash(self, path: str, stamp: str, digest: str) -> None:
        return None


def file_stamp(stat: os.stat_result) -> str:
    """What must be unchanged for a remembered hash to stand. Size and mtime are not enough: a fine-tune of the
    same architecture has the same size, and `cp -p`, `touch -r` or an image built with a fixed SOURCE_DATE_EPOCH
    keep the mtime. Writing a file sets its ctime, which no user can set back, and a new file has a new inode."""
    return f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_ino}"


def file_sha256(path: Path, memo: HashMemo) -> str:
    """The file's SHA-256, from the memo when its real path and stamp are unchanged."""
    real = path.resolve()
    if _HEX64.match(real.name) and real.parent.name == "blobs":  # Hugging Face cache: the blob's name is its hash
        return real.name
    stamp = file_stamp(real.stat())
    known = memo.file_hash(str(real), stamp)
    if known is not None:
        return known
    with real.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    memo.remember_file_hash(str(real), stamp, digest)
    return digest


def directory_files(directory: Path, memo: HashMemo) -> dict[str, str]:
    """name -> SHA-256 of every top-level file of a model directory (vLLM reads the top level only; hidden
    files such as a conversion marker are skipped)."""
    return {
        entry.name: file_sha256(entry, memo)
        for entry in sorted(directory.iterdir())
        if not entry.name.startswith(".") and entry.is_file()
    }


def path_identity(path: Path, memo: HashMemo) -> dict[str, Any]:
    """The content of a file, or of a folder's top-level files."""
    if path.is_file():
        return {"file": file_sha256(path, memo)}
    return {"files": directory_files(path, memo)}
