"""A config file an extra vLLM argument names (`--config a.yaml`) is read for the paths it names, and the files those
name: a file that names itself or one before it, a YAML list that holds itself (`&a [*a]`), a few lines of anchors
that name one list billions of times, or data nested thousands deep were a RecursionError (a traceback in every
case with --llm-cache) or a run that never started. Each is read once, in bounded time."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pytest_llmeval.serving.identity import NoMemo, argument_contents, model_identity, structured_strings
from pytest_llmeval.serving.models import ModelSpec
from pytest_llmeval.serving.server import ServerSettings

SELF_ALIASES = {
    "a list that holds itself": "x: &x [*x]\n",
    "a mapping that holds itself": "x: &x {inner: *x}\n",
    "a list of a mapping that holds the list": "x: &x [{back: *x}, tokenizer_dir]\n",
}
# seven levels of ten: 10**7 references to one list, a few hundred bytes
LAUGHS = "a: &a [tokenizer_dir, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 10)}]\n" for prev, name in zip("abcdef", "bcdefg")
)


def _contents(folder: Path, config: str, monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.chdir(folder)
    (folder / "tokenizer_dir").mkdir(exist_ok=True)
    (folder / "tokenizer_dir" / "tokenizer.json").write_text("{}", encoding="utf-8")
    return argument_contents(["--config", config], NoMemo())


@pytest.mark.parametrize("text", SELF_ALIASES.values(), ids=SELF_ALIASES.keys())
def test_a_yaml_config_whose_anchor_holds_itself_is_read_once(tmp_path, monkeypatch, text):
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    contents = _contents(tmp_path, "a.yaml", monkeypatch)
    assert "file" in contents["a.yaml"]  # the config itself is kept by content
    if "tokenizer_dir" in text:  # and a folder named beside the loop is still found
        assert "tokenizer.json" in contents["a.yaml"]["paths"]["tokenizer_dir"]["files"]


def test_a_config_that_names_itself_or_one_before_it_is_not_read_again(tmp_path, monkeypatch):
    (tmp_path / "self.yaml").write_text("config: self.yaml\ntokenizer: tokenizer_dir\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("next: c.json\n", encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"back": "b.yaml", "t": "tokenizer_dir"}), encoding="utf-8")
    own = _contents(tmp_path, "self.yaml", monkeypatch)["self.yaml"]
    assert "paths" not in own["paths"]["self.yaml"]  # named by content, not followed into itself
    assert "tokenizer.json" in own["paths"]["tokenizer_dir"]["files"]
    mutual = _contents(tmp_path, "b.yaml", monkeypatch)["b.yaml"]
    c = mutual["paths"]["c.json"]
    assert "tokenizer.json" in c["paths"]["tokenizer_dir"]["files"]
    assert c["paths"]["b.yaml"] == {"file": mutual["file"]}  # b.yaml again: its content, not its paths again


def test_anchors_that_name_one_list_ten_million_times_are_read_in_a_moment(tmp_path, monkeypatch):
    (tmp_path / "laughs.yaml").write_text(LAUGHS, encoding="utf-8")
    start = time.monotonic()
    contents = _contents(tmp_path, "laughs.yaml", monkeypatch)
    assert time.monotonic() - start < 20  # it took 60 s with seven levels, ten minutes with eight
    assert "tokenizer.json" in contents["laughs.yaml"]["paths"]["tokenizer_dir"]["files"]


@pytest.mark.parametrize("name", ["deep.json", "deep.yaml"])
def test_a_config_nested_thousands_deep_is_no_recursion_error(tmp_path, monkeypatch, name):
    (tmp_path / name).write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    assert "file" in _contents(tmp_path, name, monkeypatch)[name]


def test_a_json_argument_nested_thousands_deep_is_no_recursion_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    deep = "--speculative-config=" + "[" * 5000 + "]" * 5000
    assert argument_contents([deep], NoMemo()) == {}
    nested_in_a_string = json.dumps({"x": json.dumps([[["tokenizer_dir"]]])})  # JSON in a string, as YAML gives it
    assert structured_strings(nested_in_a_string) == ["tokenizer_dir"]


def test_a_launched_models_identity_with_a_looping_config_is_made(tmp_path, monkeypatch):
    """What --llm-cache computes for every case of a launched model: it raised RecursionError."""
    monkeypatch.chdir(tmp_path)
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text("{}", encoding="utf-8")
    (tmp_path / "a.yaml").write_text("x: &x [*x, a.yaml]\n", encoding="utf-8")
    settings = ServerSettings(extra_args=["--config", "a.yaml"])
    identity = model_identity(ModelSpec("m", str(model)), settings, NoMemo())
    assert identity["strength"] == "content" and "a.yaml" in identity["launch"]["extra_arg_files"]
