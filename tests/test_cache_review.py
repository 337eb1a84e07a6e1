"""Review of the answer cache (--llm-cache): each test is a way the cache served a stale or another model's answer,
or stored one it should not have, and failed before its fix."""

from __future__ import annotations

import os
from typing import Any

import pytest
from cache_models import hub_snapshot, write_model

from pytest_llmeval.serving.cache import AnswerCache, CachingClient, request_key
from pytest_llmeval.serving.client import Completion, RequestMetrics
from pytest_llmeval.serving.identity import HashMemo, NoMemo, model_identity
from pytest_llmeval.serving.models import ModelSpec
from pytest_llmeval.serving.server import ServerSettings

MESSAGES = [{"role": "user", "content": "法国的首都是哪里？"}]


def key_for(source: str, memo: HashMemo, extra_args: list[str] | None = None) -> str:
    settings = ServerSettings(extra_args=list(extra_args or []))
    identity = model_identity(ModelSpec("m", source), settings, memo)
    return request_key(identity, MESSAGES, 64, 0.0, 0)


def completion(text: str, finish: str | None = "stop") -> Completion:
    return Completion(text, "", RequestMetrics(0.1, 0.5, 10, 4, 0.1, 10.0, finish_reason=finish))


class CountingModel:
    """Stands in for the model's client: answers every request, and counts them."""

    def __init__(self, answer: str = "巴黎") -> None:
        self.answer = answer
        self.asked = 0

    def complete(
        self,
        messages: list[dict[str, Any]],
        max_tokens: int,
        temperature: float = 0.0,
        extra_body: dict[str, Any] | None = None,
        **_: Any,
    ) -> Completion:
        self.asked += 1
        return completion(self.answer)


# -- model identity ---------------------------------------------------------------------------------


def test_weights_rewritten_with_their_old_size_and_mtime_change_the_key(tmp_path):
    """A fine-tune of the same architecture has the same file size; copied with `cp -p` (or built into an image
    with a fixed SOURCE_DATE_EPOCH mtime) it also keeps the mtime. The hash memo, keyed by path, size and mtime,
    answered the old weights' hash, so the new weights were served the old weights' answers."""
    cache = AnswerCache(tmp_path / "c.sqlite")
    model = write_model(tmp_path / "model", b"\x00" * 4096)
    before = key_for(str(model), cache)
    weights = model / "model.safetensors"
    stat = weights.stat()
    weights.write_bytes(b"\x01" * 4096)  # other weights, same size
    os.utime(weights, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the old mtime
    assert key_for(str(model), cache) != before
    assert key_for(str(model), cache) == key_for(str(model), NoMemo())  # the memo answers what hashing would


def test_the_memo_answers_for_a_file_left_as_it_was(tmp_path):
    """Weights are hashed once: a file whose stat is unchanged is not read again."""
    cache = AnswerCache(tmp_path / "c.sqlite")
    model = write_model(tmp_path / "model", b"\x00" * 4096)
    key_for(str(model), cache)
    reads: list[str] = []

    class Spy:
        def file_hash(self, path: str, stamp: str) -> str | None:
            found = cache.file_hash(path, stamp)
            if found is None:
                reads.append(path)
            return found

        def remember_file_hash(self, path: str, stamp: str, digest: str) -> None:
            cache.remember_file_hash(path, stamp, digest)

    key_for(str(model), Spy())
    assert reads == []


@pytest.mark.parametrize(
    "args",
    [
        lambda d: ["--tokenizer", str(d)],
        lambda d: [f"--generation-config={d}"],
        lambda d: ["--enable-lora", "--lora-modules", f"sql={d}"],
    ],
    ids=["tokenizer", "generation-config", "lora"],
)
def test_a_folder_an_extra_vllm_argument_names_is_keyed_by_its_content(tmp_path, args):
    """`--llm-vllm-arg=--tokenizer=DIR` (or a generation config, a LoRA adapter): the key held the path alone, so
    answers given with the old tokenizer's chat template (or sampling defaults, or adapter) were hits after
    DIR's files changed."""
    model = write_model(tmp_path / "model", b"\x00" * 64)
    side = tmp_path / "side"
    side.mkdir()
    (side / "tokenizer_config.json").write_text('{"chat_template": "A"}', encoding="utf-8")
    before = key_for(str(model), NoMemo(), args(side))
    (side / "tokenizer_config.json").write_text('{"chat_template": "B"}', encoding="utf-8")
    assert key_for(str(model), NoMemo(), args(side)) != before


def test_a_hub_tokenizer_an_extra_vllm_argument_names_is_keyed_by_its_cached_content(tmp_path, monkeypatch):
    """`--llm-vllm-arg=--tokenizer=org/tok`: a hub id, not a path. When a newer tokenizer (another chat template)
    was downloaded into the cache, the key - the id alone - stayed, and the old template's answers were hits."""
    hub = tmp_path / "hub"
    monkeypatch.setenv("HF_HUB_CACHE", str(hub))
    model = write_model(tmp_path / "model", b"\x00" * 64)
    hub_snapshot(hub, "org/tok", "a" * 40, b"")
    before = key_for(str(model), NoMemo(), ["--tokenizer", "org/tok"])
    hub_snapshot(hub, "org/tok", "b" * 40, b"\x01")  # refs/main now names a snapshot with other files
    assert key_for(str(model), NoMemo(), ["--tokenizer", "org/tok"]) != before


def test_a_hub_model_is_known_by_the_revision_vllm_loads(tmp_path, monkeypatch):
    """`--llm-vllm-arg=--revision=dev`: vLLM loads refs/dev, the identity hashed refs/main. When dev moved to other
    weights, main's content and the arguments were unchanged: the old dev weights' answers were hits."""
    hub = tmp_path / "hub"
    monkeypatch.setenv("HF_HUB_CACHE", str(hub))
    hub_snapshot(hub, "org/model", "a" * 40, b"\x00" * 64)
    hub_snapshot(hub, "org/model", "b" * 40, b"\x01" * 64, ref="dev")
    before = key_for("org/model", NoMemo(), ["--revision", "dev"])
    hub_snapshot(hub, "org/model", "c" * 40, b"\x02" * 64, ref="dev")  # dev now names other weights
    assert key_for("org/model", NoMemo(), ["--revision", "dev"]) != before
    pinned = ServerSettings(extra_args=["--revision=" + "b" * 40])  # a commit: its snapshot, no ref needed
    assert model_identity(ModelSpec("m", "org/model"), pinned, NoMemo())["weights"]["revision"] == "b" * 40


def test_a_hub_model_in_vllms_download_dir_is_known_by_its_content(tmp_path, monkeypatch):
    """`--llm-vllm-arg=--download-dir=DIR`: the model was looked for in the default cache only, so its identity was
    its name - lm-evaluation-harness's mistake: other weights under the name got the old answers."""
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty-hub"))
    downloads = tmp_path / "downloads"
    hub_snapshot(downloads, "org/model", "a" * 40, b"\x00" * 64)
    args = ["--download-dir", str(downloads)]
    before = model_identity(ModelSpec("m", "org/model"), ServerSettings(extra_args=args), NoMemo())
    assert before["strength"] == "content" and before["weights"]["revision"] == "a" * 40
    hub_snapshot(downloads, "org/model", "b" * 40, b"\x01" * 64)  # an update downloaded: refs/main moved
    assert model_identity(ModelSpec("m", "org/model"), ServerSettings(extra_args=args), NoMemo()) != before


def test_a_model_known_by_its_name_alone_is_never_answered_from_the_cache(tmp_path, monkeypatch):
    """A hub id not in the local cache (the server downloads it, e.g. in CI with a fresh Hugging Face cache and a
    kept .llmeval/) had the key {"unresolved": name}: once the hub's weights changed, the old answers were hits."""
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty-hub"))
    identity = model_identity(ModelSpec("m", "org/not-downloaded"), ServerSettings(), NoMemo())
    cache = AnswerCache(tmp_path / "c.sqlite")
    model = CountingModel()
    client = CachingClient(cache, "m", identity, "off", 0, lambda: model)
    first = client.complete(MESSAGES, 64)
    second = client.complete(MESSAGES, 64)
    assert model.asked == 2 and not first.cached and not second.cached
    assert cache.count() == 0


# -- what is stored ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "  \n"])
def test_an_empty_answer_is_not_stored(tmp_path, text):
    """An empty answer is what a broken chat template, a stop token emitted first or a reasoning parser that
    kept the whole answer gives (answer_health): once the server is fixed - unseen by the key of an attached
    server - the stored empty answer was still served. It is asked again instead."""
    cache = AnswerCache(tmp_path / "c.sqlite")
    model = CountingModel(text)
    client = CachingClient(cache, "m", {"strength": "content", "files": "x"}, "off", 0, lambda: model)
    client.complete(MESSAGES, 64)
    client.complete(MESSAGES, 64)
    assert model.asked == 2 and cache.count() == 0
    assert cache.put("k", completion("巴黎", finish="length"), "m", "id") is True  # cut at max_tokens: complete
