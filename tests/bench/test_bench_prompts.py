"""Prompt files and synthetic prompts of a calibrated token length."""

from __future__ import annotations

import json

import pytest

from pytest_llmeval.bench.prompts import (
    CHARS_PER_TOKEN,
    CharTokenCounter,
    PromptFileError,
    ServerTokenCounter,
    file_prompts,
    load_prompt_file,
    pick_counter,
    server_root,
    synthetic_prompts,
)


class WordCounter:
    """BOS + one token per word, two tokens for words longer than 7 letters (like a real vocabulary)."""

    exact = True

    def __init__(self) -> None:
        self.calls = 0

    def count(self, text: str) -> int:
        self.calls += 1
        return 1 + sum(2 if len(w) > 7 else 1 for w in text.split())


def test_txt_file(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("first prompt\n\n  second prompt  \nthird\n", encoding="utf-8")
    assert load_prompt_file(path) == ["first prompt", "second prompt", "third"]


def test_jsonl_file_and_cycling(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text("\n".join(json.dumps({"prompt": p, "id": i}) for i, p in enumerate(["a b", "c d e"])) + "\n")
    prompts = file_prompts(path, 5, WordCounter())
    assert [p.text for p in prompts] == ["a b", "c d e", "a b", "c d e", "a b"]
    assert [p.tokens for p in prompts] == [3, 4, 3, 4, 3]


@pytest.mark.parametrize(
    "name, content, needle",
    [
        ("bad.jsonl", '{"prompt": "ok"}\nnot json\n', "line 2"),
        ("nofield.jsonl", '{"text": "x"}\n', 'field "prompt"'),
        ("empty.txt", "\n\n", "no prompts"),
        ("prompts.csv", "a,b\n", "unknown extension"),
    ],
)
def test_bad_files_name_the_file(tmp_path, name, content, needle):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PromptFileError) as info:
        load_prompt_file(path)
    assert str(path) in str(info.value)
    assert needle in str(info.value)


def test_missing_file_named(tmp_path):
    with pytest.raises(PromptFileError, match="missing.txt.*does not exist"):
        load_prompt_file(tmp_path / "missing.txt")


def test_synthetic_prompts_hit_the_length_exactly():
    counter = WordCounter()
    prompts = synthetic_prompts(20, 128, seed=0, counter=counter)
    assert len(prompts) == 20
    assert all(p.tokens == 128 for p in prompts)
    assert all(counter.count(p.text) == 128 for p in prompts)
    assert len({p.text for p in prompts}) == 20
    # distinct from the first words on, so prefix caching cannot share blocks
    assert len({" ".join(p.text.split()[:4]) for p in prompts}) == 20


def test_synthetic_prompts_are_deterministic_per_seed():
    a = synthetic_prompts(5, 64, seed=1, counter=WordCounter())
    b = synthetic_prompts(5, 64, seed=1, counter=WordCounter())
    c = synthetic_prompts(5, 64, seed=2, counter=WordCounter())
    assert a == b
    assert not {p.text for p in a} & {p.text for p in c}


def test_char_fallback_is_an_estimate():
    prompts = synthetic_prompts(3, 100, seed=0, counter=CharTokenCounter())
    assert all(p.tokens is None for p in prompts)  # never claimed as exact
    for p in prompts:
        assert abs(len(p.text) / CHARS_PER_TOKEN - 100) <= 2


def test_pick_counter_falls_back_without_a_server():
    notes: list[str] = []
    counter = pick_counter("http://127.0.0.1:9/v1", "m", note=notes.append)
    assert isinstance(counter, CharTokenCounter)
    assert any("/tokenize is not available" in n for n in notes)


def test_server_root():
    assert server_root("http://h:1/v1") == "http://h:1"
    assert server_root("http://h:1/v1/") == "http://h:1"
    assert server_root("http://h:1") == "http://h:1"


def test_server_counter_against_fake(fake_server):
    counter = ServerTokenCounter(fake_server.base_url, "fake")
    try:
        assert counter.available()
        assert counter.count("one two three") == 4  # the fake: words + BOS
        prompts = synthetic_prompts(3, 50, seed=0, counter=counter)
        assert [p.tokens for p in prompts] == [50, 50, 50]
    finally:
        counter.close()
