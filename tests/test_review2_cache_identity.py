"""Second review of the answer cache's model identity: the revision vLLM loads a hub tokenizer, config or remote code
at, and what an attached server (--llm-base-url) tells of its model. Each test failed before its fix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cache_models import hub_snapshot, write_model

from pytest_llmeval.serving.cache import AnswerCache, request_key
from pytest_llmeval.serving.identity import NoMemo, identified, model_identity
from pytest_llmeval.serving.models import ModelSpec
from pytest_llmeval.serving.server import ServerSettings
from pytest_llmeval.testing.openai_fake import FakeServer

MESSAGES = [{"role": "user", "content": "法国的首都是哪里？"}]


def key_for(source: str, args: list[str]) -> str:
    identity = model_identity(ModelSpec("m", source), ServerSettings(extra_args=args), NoMemo())
    return request_key(identity, MESSAGES, 64, 0.0, 0)


@pytest.fixture
def hub(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "hub"
    monkeypatch.setenv("HF_HUB_CACHE", str(folder))
    return folder


# -- 3. the revision vLLM loads a hub tokenizer (config, remote code) at -----------------------------------------


def test_a_hub_tokenizer_is_known_at_its_tokenizer_revision(tmp_path, hub):
    """`--tokenizer org/tok --tokenizer-revision v2`: the key held the tokenizer's refs/main snapshot. When v2 moved
    to a tokenizer with another chat template, neither the arguments nor main changed: the old answers were hits.
    And main moving changed the key of a run that never reads main."""
    model = str(write_model(tmp_path / "model", b"\x00" * 64))
    hub_snapshot(hub, "org/tok", "a" * 40, b"main")
    hub_snapshot(hub, "org/tok", "b" * 40, b"v2", ref="v2")
    args = ["--tokenizer", "org/tok", "--tokenizer-revision", "v2"]
    before = key_for(model, args)
    assert key_for(model, args) == before  # the same tokenizer: the same key
    hub_snapshot(hub, "org/tok", "c" * 40, b"main moved")  # refs/main moved: not what vLLM loads
    assert key_for(model, args) == before
    hub_snapshot(hub, "org/tok", "d" * 40, b"v2 moved", ref="v2")  # v2 moved: another tokenizer
    assert key_for(model, args) != before
    assert key_for(model, ["--tokenizer=org/tok", "--tokenizer-revision=" + "b" * 40]) != key_for(model, args)


@pytest.mark.parametrize(
    ("args", "moved"),
    [
        (["--tokenizer-revision", "v2"], "org/model"),  # the model's own tokenizer at another revision
        (["--trust-remote-code", "--code-revision", "v2"], "org/model"),  # the model's remote code at another revision
        (["--hf-config-path", "org/cfg", "--revision", "v2"], "org/cfg"),  # a config repo, at the model's revision
    ],
    ids=["tokenizer-revision", "code-revision", "hf-config-path"],
)
def test_what_vllm_reads_from_the_hub_at_another_revision_is_keyed_by_that_revisions_content(hub, args, moved):
    """A hub model with `--tokenizer-revision` or `--code-revision`, or a config repo read at the model's --revision:
    vLLM reads those files at that revision; the key held the weights' snapshot and the config repo's refs/main, so
    the files of that revision changing was a hit."""
    for repo in ("org/model", "org/cfg"):
        hub_snapshot(hub, repo, "a" * 40, b"main")
        hub_snapshot(hub, repo, "b" * 40, b"v2", ref="v2")
    before = key_for("org/model", args)
    assert key_for("org/model", args) == before
    hub_snapshot(hub, "org/cfg", "c" * 40, b"main moved")  # the config repo's refs/main: not what vLLM reads
    assert key_for("org/model", args) == before
    hub_snapshot(hub, moved, "d" * 40, b"v2 moved", ref="v2")  # what vLLM reads at v2 changed, nothing else
    assert key_for("org/model", args) != before


def test_a_hub_tokenizer_follows_the_models_revision_as_vllm_reads_it(tmp_path, hub):
    """vLLM reads `--tokenizer` at --tokenizer-revision, else at the model's --revision (vllm 0.32 ModelConfig)."""
    model = str(write_model(tmp_path / "model", b"\x00" * 64))
    hub_snapshot(hub, "org/tok", "a" * 40, b"main")
    hub_snapshot(hub, "org/tok", "b" * 40, b"dev", ref="dev")
    args = ["--tokenizer", "org/tok", "--revision", "dev"]
    before = key_for(model, args)
    hub_snapshot(hub, "org/tok", "c" * 40, b"dev moved", ref="dev")
    assert key_for(model, args) != before


def test_a_tokenizer_revision_not_in_the_local_cache_is_never_answered_from_the_cache(tmp_path, hub):
    """The revision is downloaded by the server (not here yet): its content is unknown, so the key could only hold
    its name - the cache leaves the model alone, as it does a hub model not downloaded."""
    model = str(write_model(tmp_path / "model", b"\x00" * 64))
    hub_snapshot(hub, "org/tok", "a" * 40, b"main")
    args = ["--tokenizer", "org/tok", "--tokenizer-revision", "v9"]
    identity = model_identity(ModelSpec("m", model), ServerSettings(extra_args=args), NoMemo())
    assert not identified(identity)
    assert identified(model_identity(ModelSpec("m", model), ServerSettings(extra_args=args[:2]), NoMemo()))


# -- 4. an attached server (--llm-base-url): what /v1/models and /version tell -------------------------------------


def attached_identity_of(fake: FakeServer, name: str = "m1") -> dict:
    """The identity the answer cache gives `name` served by `fake` (--llm-base-url, --llm-model NAME)."""
    settings = ServerSettings(base_url=fake.base_url)
    return model_identity(ModelSpec(name, name), settings, NoMemo())


def attached_key(fake: FakeServer, name: str = "m1") -> str:
    return request_key(attached_identity_of(fake, name), MESSAGES, 64, 0.0, 0)


def test_a_server_restarted_with_other_weights_in_the_same_folder_changes_the_key(tmp_path):
    """The server's /v1/models names the folder it loaded (`root`). Restarted with other weights there, under the same
    name and path, it looked the same to the key: the old weights' answers were hits. A root that is a folder here
    is keyed by its content, as a launched model's."""
    root = write_model(tmp_path / "served", b"\x00" * 64)
    with FakeServer(models={"m1": str(root)}) as fake:
        before = attached_key(fake)
        assert attached_key(fake) == before
        (root / "model.safetensors").write_bytes(b"\x01" * 64)  # other weights, same folder, same name
        assert attached_key(fake) != before
        assert attached_identity_of(fake)["strength"] == "weak"  # the launch options stay unknown


def test_a_lora_adapters_base_model_folder_is_keyed_by_its_content_too(tmp_path):
    """A LoRA adapter is listed with its folder (`root`) and its base model (`parent`, another entry)."""
    base, adapter = write_model(tmp_path / "base", b"\x00" * 64), write_model(tmp_path / "sql", b"\x05" * 8)
    with FakeServer(models={"base": str(base), "sql": str(adapter)}, parents={"sql": "base"}) as fake:
        before = attached_key(fake, "sql")
        (base / "model.safetensors").write_bytes(b"\x01" * 64)
        assert attached_key(fake, "sql") != before


@pytest.mark.parametrize("root", ["org/model", "/no/such/folder", "relative/folder"])
def test_a_root_that_is_no_folder_here_keeps_the_identity_the_server_tells(tmp_path, root, monkeypatch):
    """A hub id, a path on another machine, or a path relative to the server's own folder: its content here says
    nothing of what the server loaded; the identity is the URL, name and /v1/models entry, as before."""
    monkeypatch.chdir(tmp_path)
    write_model(tmp_path / "relative" / "folder", b"\x00" * 8)
    with FakeServer(models={"m1": root}) as fake:
        identity = attached_identity_of(fake)
    assert identity["served"]["root"] == root and "root_files" not in identity
    assert identified(identity)


def test_a_server_upgraded_to_another_vllm_changes_the_key(tmp_path):
    """vLLM's /version: a launched model's key holds the vLLM build; an attached server's did not, so answers of the
    server before its upgrade were hits after it."""
    with FakeServer(models={"m1": "org/model"}, version="0.31.0") as fake:
        before = attached_key(fake)
        fake.version = "0.32.0"
        assert attached_key(fake) != before
        assert attached_identity_of(fake)["server_version"] == "0.32.0"


def test_a_run_against_a_restarted_server_asks_again(llm_project, tmp_path):
    """End to end: --llm-cache against an attached server whose folder got other weights between two runs."""
    llm_project.scenario(
        "one.yaml", "suite: s\ncases:\n  - {id: c0, category: c, question: 城市？, key_points: [巴黎]}\n"
    )
    root = write_model(tmp_path / "served", b"\x00" * 64)
    db = tmp_path / "answers.sqlite"
    with FakeServer(answers=lambda request: "巴黎。", models={"m1": str(root)}) as fake:
        args = ("--llm-base-url", fake.base_url, "--llm-model", "m1", f"--llm-cache-path={db}", "--llm-warmup", "0")
        assert llm_project.run(*args).ret == 0
        asked = fake.requests
        assert llm_project.run(*args).ret == 0 and fake.requests == asked  # the same server: a hit
        (root / "model.safetensors").write_bytes(b"\x01" * 64)
        os.utime(root / "model.safetensors", ns=(1, 1))
        assert llm_project.run(*args).ret == 0
    assert fake.requests == asked + 1  # other weights: asked again
    assert not llm_project.results()["cases"][0].get("cached")


def test_the_cache_memo_spares_hashing_a_served_folder_again(tmp_path):
    """The root's files are hashed once, then known by their stamp (the cache's memo), as a launched model's."""
    root = write_model(tmp_path / "served", b"\x00" * 4096)
    cache = AnswerCache(tmp_path / "c.sqlite")
    with FakeServer(models={"m1": str(root)}) as fake:
        settings = ServerSettings(base_url=fake.base_url)
        first = model_identity(ModelSpec("m1", "m1"), settings, cache)
        assert cache.file_hash(str((root / "model.safetensors").resolve()), _stamp(root / "model.safetensors"))
        assert model_identity(ModelSpec("m1", "m1"), settings, cache) == first


def _stamp(path: Path) -> str:
    from pytest_llmeval.serving.identity import file_stamp

    return file_stamp(path.resolve().stat())
