"""The answer cache keys a hub model by the Hugging Face cache the launched server loads it from: the server's own
environment (settings `server.env`, --llm-model-arg) may name another HF_HOME or HF_HUB_CACHE than this process's.
The identity hashed this process's cache: the server loaded other weights under the same key (or the key was the
name alone, "unresolved", though the server had a snapshot), and the model-source check refused a model the server
could load."""

from __future__ import annotations

from pathlib import Path

import pytest
from cache_models import hub_snapshot, write_model

from pytest_llmeval.serving.identity import NoMemo, default_hub_cache, model_identity
from pytest_llmeval.serving.models import ModelSpec, model_source_problem
from pytest_llmeval.serving.server import ServerSettings


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This process's Hugging Face cache: empty."""
    for name in ("HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "own-home"))
    return tmp_path / "own-home" / "hub"


def identity(env: dict[str, str], args: list[str] | None = None) -> dict:
    return model_identity(ModelSpec("m", "org/model"), ServerSettings(env=env, extra_args=args or []), NoMemo())


def test_a_hub_model_is_keyed_by_the_snapshot_in_the_servers_own_hf_home(tmp_path, own_cache):
    server_home = tmp_path / "server-home"
    hub_snapshot(server_home / "hub", "org/model", "a" * 40, b"\x00" * 64)
    first = identity({"HF_HOME": str(server_home)})
    assert first["strength"] == "content" and first["weights"]["revision"] == "a" * 40
    hub_snapshot(server_home / "hub", "org/model", "b" * 40, b"\x01" * 64)  # the server's cache got new weights
    assert identity({"HF_HOME": str(server_home)})["weights"] != first["weights"]


def test_the_servers_hf_hub_cache_wins_over_this_processs(tmp_path, own_cache):
    hub_snapshot(own_cache, "org/model", "a" * 40, b"\x00" * 64)  # what this process would have hashed
    served = tmp_path / "served-hub"
    hub_snapshot(served, "org/model", "b" * 40, b"\x01" * 64)
    assert identity({})["weights"]["revision"] == "a" * 40
    assert identity({"HF_HUB_CACHE": str(served)})["weights"]["revision"] == "b" * 40


def test_a_hub_tokenizer_argument_is_looked_up_in_the_servers_cache(tmp_path, own_cache):
    model = write_model(tmp_path / "model", b"\x00" * 64)
    server_home = tmp_path / "server-home"
    hub_snapshot(server_home / "hub", "org/tok", "a" * 40, b"")
    settings = ServerSettings(env={"HF_HOME": str(server_home)}, extra_args=["--tokenizer", "org/tok"])
    before = model_identity(ModelSpec("m", str(model)), settings, NoMemo())
    hub_snapshot(server_home / "hub", "org/tok", "b" * 40, b"\x01")  # another tokenizer under refs/main
    assert model_identity(ModelSpec("m", str(model)), settings, NoMemo()) != before


def test_the_model_source_check_looks_where_the_server_loads(tmp_path, own_cache):
    server_home = tmp_path / "server-home"
    hub_snapshot(server_home / "hub", "org/model", "a" * 40, b"\x00" * 64)
    offline = {"HF_HUB_OFFLINE": "1"}
    assert model_source_problem(ModelSpec("m", "org/model"), [], offline) is not None  # not in this process's cache
    assert model_source_problem(ModelSpec("m", "org/model"), [], {**offline, "HF_HOME": str(server_home)}) is None


def test_the_default_cache_follows_huggingface_hub_rules(tmp_path, monkeypatch):
    home = Path.home()
    assert default_hub_cache({}) == home / ".cache" / "huggingface" / "hub"
    assert default_hub_cache({"XDG_CACHE_HOME": "/x"}) == Path("/x/huggingface/hub")
    assert default_hub_cache({"HF_HOME": "~/hf", "XDG_CACHE_HOME": "/x"}) == home / "hf" / "hub"
    assert default_hub_cache({"HF_HOME": "/h", "HUGGINGFACE_HUB_CACHE": "/old"}) == Path("/old")
    assert default_hub_cache({"HF_HUB_CACHE": "/new", "HUGGINGFACE_HUB_CACHE": "/old"}) == Path("/new")
