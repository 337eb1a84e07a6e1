"""The embedder's and reranker's files are hashed once, not at every retriever start (serving/hash_memo.py): the
memo is a JSON file under the cache root, merged by concurrent writers, and never trusted for a file changed
since."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from pytest_llmeval.serving.hash_memo import MEMO_NAME, JsonHashMemo, default_hash_memo
from pytest_llmeval.serving.identity import retrieval_components_digest


@pytest.fixture
def embedder(tmp_path: Path) -> Path:
    folder = tmp_path / "bge"
    folder.mkdir()
    (folder / "config.json").write_text("{}", encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"\x00" * 4096)
    return folder


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files hashed from their bytes (not taken from a memo)."""
    seen: list[str] = []
    real = hashlib.file_digest

    def counting(handle, digest):  # type: ignore[no-untyped-def]
        seen.append(handle.name)
        return real(handle, digest)

    monkeypatch.setattr(hashlib, "file_digest", counting)
    return seen


def test_a_second_start_takes_the_hashes_from_the_memo(tmp_path, embedder, hashed, monkeypatch):
    monkeypatch.setenv("LLMEVAL_CACHE_DIR", str(tmp_path / "cache"))
    first = retrieval_components_digest(f"flag:{embedder}", "none", default_hash_memo())
    assert len(hashed) == 2 and (tmp_path / "cache" / MEMO_NAME).is_file()
    again = retrieval_components_digest(f"flag:{embedder}", "none", default_hash_memo())  # a new process's memo
    assert again == first and len(hashed) == 2  # nothing hashed again


def test_a_file_changed_since_is_hashed_again(tmp_path, embedder, hashed):
    memo = JsonHashMemo(tmp_path / MEMO_NAME)
    before = retrieval_components_digest(f"flag:{embedder}", "none", memo)
    (embedder / "model.safetensors").write_bytes(b"\x01" * 4096)  # same size: other weights
    after = retrieval_components_digest(f"flag:{embedder}", "none", JsonHashMemo(tmp_path / MEMO_NAME))
    assert after != before and len(hashed) == 3


@pytest.mark.parametrize("content", ["", "not json", "[1, 2]", '{"a": 3}', '{"a": ["x"]}'])
def test_a_damaged_memo_is_an_empty_one(tmp_path, embedder, content):
    (tmp_path / MEMO_NAME).write_text(content, encoding="utf-8")
    memo = JsonHashMemo(tmp_path / MEMO_NAME)
    assert memo.file_hash("a", "x") is None
    digest = retrieval_components_digest(f"flag:{embedder}", "none", memo)
    assert digest == retrieval_components_digest(f"flag:{embedder}", "none", None)
    assert len(json.loads((tmp_path / MEMO_NAME).read_text(encoding="utf-8"))) == 2  # rewritten whole


def test_writers_that_started_together_keep_each_others_entries(tmp_path):
    one, two = JsonHashMemo(tmp_path / MEMO_NAME), JsonHashMemo(tmp_path / MEMO_NAME)
    assert one.file_hash("a", "s") is None and two.file_hash("b", "s") is None  # both read the empty memo
    one.remember_file_hash("a", "s", "1" * 64)
    two.remember_file_hash("b", "s", "2" * 64)
    fresh = JsonHashMemo(tmp_path / MEMO_NAME)
    assert fresh.file_hash("a", "s") == "1" * 64 and fresh.file_hash("b", "s") == "2" * 64
    assert fresh.file_hash("a", "other stamp") is None


def test_a_read_only_cache_root_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    memo = JsonHashMemo(blocker / MEMO_NAME)  # its folder cannot be made
    memo.remember_file_hash("a", "s", "1" * 64)
    assert memo.file_hash("a", "s") == "1" * 64  # remembered in this process
