"""Bad input, round 11: context lengths, model paths, knowledge folders, saved runs and images.

- a case's max_tokens (or --llm-max-tokens) at or above the context of a launched model's server (--llm-max-model-len,
  the model's own max_model_len, --max-model-len among the vLLM arguments, the embedded model's 8192, or what vLLM
  reads from config.json) was sent: vLLM refused each such request with a 400, one case error after another after the
  server had started. Now collection stops first, naming the case, both numbers, where the length is set and the fix;
- `--llm-max-model-len 4K` (and `32k`, `25.6k`, vLLM's own spellings) was "invalid int value"; the ini key and
  `--llm-model-arg LABEL:max_model_len=4K` likewise; and `--llm-vllm-arg=--max-model-len=4K` keyed the answer cache
  apart from 4096 though the server is the same;
- `--llm-model` given a typo of a local folder (`Qwen3-8b`, `modles/`), a Hugging Face cache folder
  (models--ORG--NAME, its snapshots/), a Hugging Face cache itself, a folder of model folders, or the config.json of a
  model was refused without the folder meant: each now names it;
- a knowledge folder mixing .md with .pdf/.docx read the .md and dropped the rest in silence: a warning at the start
  and run.rag.notes in results.json now name the skipped files, why and the fix;
- a saved run given with a typo (`runs/goo`, `result.json`), a folder of report dirs, or an empty results.json ("not
  valid JSON (line 1)") now says which run was meant or that the file is empty;
- an image named `A.png` for `a.png` (found on macOS, not on Linux), `img/` for `imgs/`, with a space at the end, or
  as `~/pics/a.png` (no shell puts the home in) was "no such image file": now the file meant, or why `~` is not read.

Decisions: `4k` is 4,000 and `4K` 4,096, as vLLM reads them (the server runs with what vLLM reads, so the cache keys
that number); `auto`/-1 is refused for the plugin's option with the vLLM argument to use (it means "the longest that
fits the GPU", not the model's length). A case is refused when max_tokens >= the context (the prompt needs one token at
least); a prompt that leaves less room than that is left to vLLM (its length is not known before tokenizing). A
config's RoPE scaling factor multiplies its length (an upper bound: never a false refusal). An attached server's
context is not known before it answers: not checked. A "did you mean" is given only when every missing part of the
path has exactly one close name.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from test_bad_input_round5 import no_wait  # noqa: F401 - autouse: a FIFO or /dev/zero read fails the test, not the run
from test_input_fuzz import project  # noqa: F401 - project: a fixture

from pytest_llmeval.serving.models import apply_model_args, model_source_problem, parse_model
from pytest_llmeval.serving.server import ServerSettings

DEAD_URL = "http://127.0.0.1:9/v1"  # nothing listens: a run that reached a request would fail there
OFFLINE = {"HF_HUB_OFFLINE": "1", "HF_HUB_CACHE": "/nonexistent/hub"}


def option(flag: str) -> Any:
    from pytest_llmeval.config.options import OPTIONS

    return next(o for o in OPTIONS if o.flag == flag)


# ------------------------------------------------------------------------------------ context length spellings
LENGTHS = {"4096": 4096, "4K": 4096, "4k": 4000, "32K": 32768, "32k": 32000, "25.6k": 25600, "1M": 2**20, "1m": 10**6}
LENGTHS |= {" 8192 ": 8192, "128K": 131072, "0.5k": 500, "16K": 16384, "1.5m": 1_500_000}


@pytest.mark.parametrize(("text", "tokens"), LENGTHS.items(), ids=LENGTHS.keys())
def test_a_context_length_is_read_as_vllm_reads_it(text, tokens):
    """`--llm-max-model-len 4K` was argparse's "invalid int value: '4K'" though vLLM takes it."""
    assert option("--llm-max-model-len").type(text) == tokens


BAD_LENGTHS = {  # written: words
    "4x": "'4x' is not a number of tokens",
    "4.5K": "vLLM takes no decimals with a binary suffix",
    "auto": "--llm-vllm-arg=--max-model-len=auto",
    "-1": "leave the option out",
    "4 K": "is not a number of tokens",
    "0x1000": "is not a number of tokens",
    "1e4": "is not a number of tokens",
    "4kb": "is not a number of tokens",
    "four": "is not a number of tokens",
    "4K tokens": "is not a number of tokens",
    "4096.0": "is not a number of tokens",
    "32 k": "is not a number of tokens",
    "４０９６": "is not a number of tokens",  # full-width digits: int() took them, vLLM's parser too, the JSON not
}


@pytest.mark.parametrize(("text", "words"), BAD_LENGTHS.items(), ids=BAD_LENGTHS.keys())
def test_a_context_length_vllm_would_not_read_says_what_it_takes(text, words):
    with pytest.raises(ValueError) as caught:
        option("--llm-max-model-len").type(text)
    assert words in str(caught.value) and "Fix:" in str(caught.value), str(caught.value)


def ini_value(flag: str, written: str) -> Any:
    from pytest_llmeval.config.options import option_value

    config = SimpleNamespace(getoption=lambda dest: None, getini=lambda key: written)
    return option_value(config, option(flag))  # type: ignore[arg-type]


@pytest.mark.parametrize(("written", "tokens"), [("4K", 4096), ("32k", 32000), ("8192", 8192)])
def test_the_ini_key_takes_the_same_spellings(written, tokens):
    assert ini_value("--llm-max-model-len", written) == tokens


@pytest.mark.parametrize(
    ("written", "words"),
    [("auto", "ini key llm_max_model_len = 'auto': "), ("1T", "too large"), ("0", "must be at least 1")],
)
def test_the_ini_key_refuses_what_vllm_would_not_take_naming_the_key(written, words):
    with pytest.raises(pytest.UsageError) as caught:
        ini_value("--llm-max-model-len", written)
    assert words in str(caught.value) and "Fix:" in str(caught.value), str(caught.value)


@pytest.mark.parametrize(("written", "tokens"), [("4K", 4096), ("32k", 32000), ("2048", 2048)])
def test_a_per_model_context_length_takes_the_same_spellings(written, tokens):
    spec = apply_model_args([parse_model("q=/m")], [f"q:max_model_len={written}"])[0]
    assert dict(spec.options)["max_model_len"] == tokens


def test_a_per_model_context_length_vllm_would_not_read_says_so():
    from pytest_llmeval.serving.models import ModelSpecError

    with pytest.raises(ModelSpecError) as caught:
        apply_model_args([parse_model("q=/m")], ["q:max_model_len=4.5K"])
    assert "q:max_model_len=4.5K" in str(caught.value) and "Fix:" in str(caught.value)


def launched(**fields: object) -> dict[str, object]:
    from pytest_llmeval.serving.identity import launch_identity

    return launch_identity(ServerSettings(**fields))  # type: ignore[arg-type]


SAME_LENGTH = {  # name: (plugin settings, the same as vLLM arguments)
    "4K as a vLLM argument": ({"max_model_len": 4096}, ["--max-model-len", "4K"]),
    "4K with '='": ({"max_model_len": 4096}, ["--max-model-len=4K"]),
    "4K with '_'": ({"max_model_len": 4096}, ["--max_model_len", "4K"]),
    "32k": ({"max_model_len": 32000}, ["--max-model-len=32k"]),
    "25.6k": ({"max_model_len": 25600}, ["--max-model-len", "25.6k"]),
    "the option spelt 4K": ({"max_model_len": "--llm-max-model-len 4K"}, ["--max-model-len=4096"]),
}


@pytest.mark.parametrize(("plugin", "vllm"), SAME_LENGTH.values(), ids=SAME_LENGTH.keys())
def test_one_length_spelt_two_ways_keys_the_answer_cache_alike(plugin, vllm):
    """`--llm-vllm-arg=--max-model-len=4K` and `--llm-max-model-len 4096` start the same server: keyed apart, every
    case was asked again."""
    length = plugin["max_model_len"]
    if isinstance(length, str):  # as the option reads it
        plugin = {"max_model_len": option("--llm-max-model-len").type(length.split()[-1])}
    assert launched(**plugin) == launched(extra_args=vllm)


@pytest.mark.parametrize(("a", "b"), [("4k", "4096"), ("4K", "4000"), ("8K", "4K"), ("4X", "4096")])
def test_lengths_that_differ_still_key_apart(a, b):
    assert launched(extra_args=["--max-model-len", a]) != launched(extra_args=["--max-model-len", b])


# ------------------------------------------------------------------------------ answer budget over the context
LLAMA_LIKE = {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 64}


def model_folder(root: Path, **config: Any) -> Path:
    folder = root / "models" / "Qwen3-8B"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps({**LLAMA_LIKE, **config}), encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"x")
    return folder


def case(case_id: str, max_tokens: int | None) -> SimpleNamespace:
    return SimpleNamespace(id=case_id, max_tokens=max_tokens, source="/p/scenarios/s.yaml")


def settings_for(model: str, max_tokens: int = 512, models_args: tuple[str, ...] = (), **server: Any) -> Any:
    spec = apply_model_args([parse_model(model)], list(models_args))[0]
    return SimpleNamespace(models=[spec], server=ServerSettings(**server), max_tokens=max_tokens)


def context_problem(cases: list[SimpleNamespace], settings: Any) -> str | None:
    from pytest_llmeval.config.checks import context_problem

    return context_problem(cases, settings)


OVER_CONTEXT = {  # name: (config.json fields, run settings, the cases' max_tokens, words)
    "--llm-max-model-len": ({}, {"max_model_len": 4096}, [9000], ["'c0' (s.yaml: max_tokens 9000)", "4096 tokens"]),
    "equal to the length": ({}, {"max_model_len": 4096}, [4096], ["max_tokens 4096", "(--llm-max-model-len 4096)"]),
    "from config.json": ({"max_position_embeddings": 4096}, {}, [9000], ["max_position_embeddings in", "config.json"]),
    "n_positions": ({"n_positions": 2048}, {}, [4000], ["n_positions in", "2048 tokens"]),
    "the smallest field": ({"max_position_embeddings": 8192, "seq_length": 2048}, {}, [4000], ["seq_length in"]),
    "a vision model's text_config": (
        {"text_config": {"max_position_embeddings": 2048}},
        {},
        [3000],
        ["2048 tokens", "max_position_embeddings"],
    ),
    "rope scaling past it": (
        {"max_position_embeddings": 4096, "rope_scaling": {"type": "yarn", "factor": 2.0}},
        {},
        [9000],
        ["8192 tokens", "rope_scaling.factor 2"],
    ),
    "a vLLM argument": ({}, {"extra_args": ["--max-model-len=8k"]}, [9000], ["8000 tokens", "--max-model-len 8000"]),
    "a vLLM argument over the option": (
        {},
        {"max_model_len": 16384, "extra_args": ["--max-model-len", "2K"]},
        [3000],
        ["2048 tokens", "among its vLLM arguments"],
    ),
    "many cases": ({}, {"max_model_len": 1024}, [2000] * 8, ["8 case(s)", "and 3 more"]),
}


@pytest.mark.parametrize(("config", "server", "asked", "words"), OVER_CONTEXT.values(), ids=OVER_CONTEXT.keys())
def test_a_case_asking_more_tokens_than_the_server_holds_is_named(tmp_path, config, server, asked, words):
    """vLLM refused each such request after the server had started: one case error after another."""
    folder = model_folder(tmp_path, **config)
    problem = context_problem([case(f"c{n}", t) for n, t in enumerate(asked)], settings_for(str(folder), **server))
    assert problem is not None and "model Qwen3-8B: " in problem and "Fix: lower the max_tokens" in problem, problem
    assert all(word in problem for word in words), problem


def test_the_default_answer_budget_over_the_context_names_the_option(tmp_path):
    folder = model_folder(tmp_path, max_position_embeddings=4096)
    problem = context_problem([case("a", None), case("b", 100)], settings_for(str(folder), max_tokens=5000))
    assert problem is not None and "--llm-max-tokens 5000 (the answer budget of 1 case(s)" in problem, problem
    assert "Fix: lower --llm-max-tokens below 4096 (the model's config allows no longer context)" in problem, problem


def test_a_per_model_length_is_named_by_its_model_arg(tmp_path):
    folder = model_folder(tmp_path, max_position_embeddings=32768)
    settings = settings_for(f"q={folder}", models_args=("q:max_model_len=2K",))
    problem = context_problem([case("a", 4000)], settings)
    assert problem is not None and "--llm-model-arg q:max_model_len=2048" in problem, problem


def test_the_embedded_models_length_is_checked():
    problem = context_problem([case("a", 9000)], settings_for("embedded"))
    assert problem is not None and "the embedded model's --max-model-len 8192" in problem, problem
    assert "--llm-max-model-len" in problem, problem


def test_a_hub_id_in_the_cache_is_checked_by_its_snapshots_config(tmp_path, monkeypatch):
    snapshot = tmp_path / "hub" / "models--Org--M" / "snapshots" / "abc"
    snapshot.mkdir(parents=True)
    (snapshot / "config.json").write_text(json.dumps({"max_position_embeddings": 2048}), encoding="utf-8")
    (tmp_path / "hub" / "models--Org--M" / "refs").mkdir()
    (tmp_path / "hub" / "models--Org--M" / "refs" / "main").write_text("abc", encoding="utf-8")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    problem = context_problem([case("a", 4096)], settings_for("Org/M"))
    assert problem is not None and "2048 tokens" in problem, problem


WITHIN_CONTEXT = {  # name: (config.json fields, run settings, the cases' max_tokens)
    "one below the length": ({}, {"max_model_len": 4096}, [4095]),
    "under config.json": ({"max_position_embeddings": 32768}, {}, [9000]),
    "rope scaling makes room": ({"max_position_embeddings": 4096, "rope_scaling": {"factor": 4.0}}, {}, [9000]),
    "no length in config.json": ({}, {}, [100000]),
    "a config read elsewhere": ({"max_position_embeddings": 2048}, {"extra_args": ["--hf-config-path", "/x"]}, [4000]),
    "a length vLLM works out (auto)": (
        {"max_position_embeddings": 2048},
        {"extra_args": ["--max-model-len=auto"]},
        [4000],
    ),
    "the option raises the model's": ({"max_position_embeddings": 2048}, {"max_model_len": 8192}, [4000]),
}


@pytest.mark.parametrize(("config", "server", "asked"), WITHIN_CONTEXT.values(), ids=WITHIN_CONTEXT.keys())
def test_cases_within_the_context_pass(tmp_path, config, server, asked):
    folder = model_folder(tmp_path, **config)
    assert context_problem([case(f"c{n}", t) for n, t in enumerate(asked)], settings_for(str(folder), **server)) is None


def test_an_attached_server_is_not_checked(tmp_path):
    settings = settings_for("m1", base_url=DEAD_URL, max_model_len=1024)
    assert context_problem([case("a", 9000)], settings) is None


def test_a_case_over_the_context_stops_collection_before_any_server_starts(project):  # noqa: F811
    project.scenario(
        "long.yaml",
        "cases:\n  - id: essay\n    category: d\n    question: q\n    key_points: [a]\n    max_tokens: 9000\n",
    )
    folder = model_folder(project.path, max_position_embeddings=4096)
    result = project.run("--collect-only", f"--llm-model={folder}")
    out = result.stdout.str()
    assert result.ret == pytest.ExitCode.INTERRUPTED, out
    assert "answer budget larger than the model's context: model Qwen3-8B" in out and "'essay'" in out, out
    assert "Traceback" not in out, out


# ------------------------------------------------------------------------------------------- --llm-model paths
@pytest.fixture
def models(tmp_path, monkeypatch) -> Path:
    """A project with models/Qwen3-8B, a Hugging Face cache hf/ holding Org/Qwen3-8B, and the run started there."""
    model_folder(tmp_path)
    repo = tmp_path / "hf" / "models--Org--Qwen3-8B"
    (repo / "snapshots" / "abc123").mkdir(parents=True)
    (repo / "snapshots" / "abc123" / "config.json").write_text("{}", encoding="utf-8")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("abc123", encoding="utf-8")
    (tmp_path / "hf" / "models--Org--Empty" / "snapshots").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def model_problem(source: str) -> str | None:
    return model_source_problem(parse_model(source), [], OFFLINE)


TYPOS = {  # given: meant
    "./models/Qwen3-8b": "./models/Qwen3-8B",
    "./models/qwen3-8b": "./models/Qwen3-8B",
    "./models/Qwen3_8B": "./models/Qwen3-8B",
    "./modles/Qwen3-8B": "./models/Qwen3-8B",
    "./Models/Qwen3-8B": "./models/Qwen3-8B",
    "./model/Qwen3-8B": "./models/Qwen3-8B",
    "./models/QWEN3-8B": "./models/Qwen3-8B",
    "models/Qwen3-8b": "models/Qwen3-8B",  # read as a hub id (no ./): the local folder is still meant
    "modles/Qwen3-8B": "models/Qwen3-8B",
}


@pytest.mark.parametrize(("given", "meant"), TYPOS.items(), ids=TYPOS.keys())
def test_a_typo_of_a_local_model_folder_names_the_folder_meant(models, given, meant):
    problem = model_problem(given)
    assert problem is not None and f"Did you mean {meant}?" in problem and "Fix:" in problem, problem


def test_an_absolute_typo_names_the_absolute_folder(models):
    problem = model_problem(f"{models}/models/Qwen3-8b")
    assert problem is not None and f"Did you mean {models}/models/Qwen3-8B?" in problem, problem


@pytest.mark.parametrize("given", ["./models/Llama-70B", "./nothing/here", "Org/Unknown"])
def test_no_guess_where_nothing_is_close(models, given):
    problem = model_problem(given)
    assert problem is not None and "Did you mean" not in problem, problem


FOLDERS_ABOVE = {  # given: words
    "a cache entry": (
        "./hf/models--Org--Qwen3-8B",
        ["a Hugging Face cache folder of Org/Qwen3-8B", "snapshots/abc123"],
    ),
    "its snapshots": ("./hf/models--Org--Qwen3-8B/snapshots", ["cache folder of Org/Qwen3-8B", "--llm-model=Org/"]),
    "an entry not downloaded": (
        "./hf/models--Org--Empty",
        ["no downloaded snapshot", "huggingface-cli download Org/Empty"],
    ),
    "the cache itself": ("./hf", ["a Hugging Face cache (it holds Org/Empty, Org/Qwen3-8B)", "HF_HUB_CACHE="]),
    "a folder of models": ("./models", ["a folder of model folders (Qwen3-8B)", "models/Qwen3-8B"]),
    "a config.json": ("./models/Qwen3-8B/config.json", ["is a file, not a model folder", "name its folder"]),
    "a weights file": ("./models/Qwen3-8B/model.safetensors", ["is a file", "--llm-model="]),
}


@pytest.mark.parametrize(("given", "words"), FOLDERS_ABOVE.values(), ids=FOLDERS_ABOVE.keys())
def test_a_folder_above_or_a_file_inside_a_model_names_the_model_folder(models, given, words):
    problem = model_problem(given)
    assert problem is not None and problem.startswith(f"--llm-model {given}: ") and "Fix:" in problem, problem
    assert all(word in problem for word in words), problem


@pytest.mark.parametrize(
    "given", ["./models/Qwen3-8B", "./hf/models--Org--Qwen3-8B/snapshots/abc123", "models/Qwen3-8B"]
)
def test_a_model_folder_is_still_taken(models, given):
    assert model_problem(given) is None


def test_a_gguf_file_is_still_taken(models):
    (models / "w.gguf").write_bytes(b"GGUF")
    assert model_problem("./w.gguf") is None


# ------------------------------------------------------------------------------- knowledge: files skipped
def unread_note(root: Path) -> str | None:
    from pytest_llmeval.rag.documents import unread_note

    return unread_note([root])


MIXED = {  # name: (files, words)
    "md and pdf": (["a.md", "report.pdf"], ["1 file in the knowledge folder skipped (report.pdf)"]),
    "md, docx and xlsx": (["a.md", "年报.docx", "t.xlsx"], ["2 files", "t.xlsx", "年报.docx"]),
    "in a subfolder": (["a.md", "banks/huaxin.pdf"], ["banks/huaxin.pdf"]),
    "txt and html": (["a.txt", "page.html"], ["page.html"]),
    "images beside": (["a.md", "chart.png"], ["chart.png"]),
}


@pytest.mark.parametrize(("files", "words"), MIXED.values(), ids=MIXED.keys())
def test_a_knowledge_folder_mixing_documents_and_other_types_names_the_skipped(tmp_path, files, words):
    """The .md were read and the .pdf dropped without a word: retrieval never found what the PDFs say."""
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"# a\n\nx\n")
    note = unread_note(tmp_path)
    assert note is not None and all(word in note for word in words), note
    assert "only .md, .markdown and .txt files are read" in note and "Fix: convert them" in note, note


def test_many_skipped_files_are_counted(tmp_path):
    (tmp_path / "a.md").write_text("# a\n", encoding="utf-8")
    for n in range(30):
        (tmp_path / f"r{n:02}.pdf").write_bytes(b"%PDF")
    note = unread_note(tmp_path)
    assert note is not None and "30 files" in note and "and 25 more" in note and "r29.pdf" not in note, note


@pytest.mark.parametrize(
    "extra", [[], [".DS_Store"], ["custom_dict.txt"], [".git/config"], ["sub/b.markdown"], ["stopwords.txt"]]
)
def test_a_folder_of_documents_and_expected_files_has_no_note(tmp_path, extra):
    for name in ["a.md", *extra]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert unread_note(tmp_path) is None


def test_the_projects_own_knowledge_folder_has_no_note():
    assert unread_note(Path(__file__).resolve().parents[1] / "scenarios" / "knowledge") is None


def test_the_skipped_files_go_in_run_rag_notes(tmp_path):
    from pytest_llmeval.session import LLMEvalSession

    (tmp_path / "a.md").write_text("# a\n", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    fake = SimpleNamespace(settings=SimpleNamespace(rag=SimpleNamespace(mode="both", knowledge=[tmp_path])))
    notes = LLMEvalSession._rag_notes(fake)  # type: ignore[arg-type]
    assert "b.pdf" in notes["notes"][0], notes
    fake.settings.rag.mode = "off"
    assert LLMEvalSession._rag_notes(fake) == {}  # type: ignore[arg-type]


def test_the_skipped_files_are_a_warning_at_the_start(project):  # noqa: F811
    kb = project.path / "kb"
    kb.mkdir()
    (kb / "a.md").write_text("# 华信银行\n\n成立于1998年。\n", encoding="utf-8")
    (kb / "report.pdf").write_bytes(b"%PDF-1.4")
    result = project.run(
        "--collect-only", "--llm-model=m1", f"--llm-base-url={DEAD_URL}", "--rag", "--rag-knowledge=kb"
    )
    out = result.stdout.str()
    assert result.ret == 0, out
    assert "[llmeval] warning: --rag-knowledge: 1 file in the knowledge folder skipped (report.pdf)" in out, out


# -------------------------------------------------------------------------------------------------- saved runs
def find_run_error(ref: str, runs_dir: Path) -> str:
    from pytest_llmeval.results.runs import RunNotFound, resolve_run

    with pytest.raises(RunNotFound) as caught:
        resolve_run(ref, runs_dir)
    return str(caught.value)


@pytest.fixture
def runs(tmp_path, monkeypatch) -> Path:
    for name in ("nightly", "pr-123"):
        (tmp_path / "reports" / name).mkdir(parents=True)
        (tmp_path / "reports" / name / "results.json").write_text('{"schema_version": 2}', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


RUN_TYPOS = {  # given: meant
    "reports/nightyl": "reports/nightly",
    "reports/Nightly": "reports/nightly",
    "reports/nightly/result.json": "reports/nightly/results.json",
    "reports/nightly/results.jsn": "reports/nightly/results.json",
    "report/pr-123": "reports/pr-123",
    "reports/pr_123/results.json": "reports/pr-123/results.json",
}


@pytest.mark.parametrize(("given", "meant"), RUN_TYPOS.items(), ids=RUN_TYPOS.keys())
def test_a_typo_of_a_saved_run_names_the_run_meant(runs, given, meant):
    message = find_run_error(given, runs / ".llmeval" / "runs")
    assert f"Did you mean {meant}?" in message and "Fix:" in message, message


def test_a_folder_of_report_dirs_names_them(runs):
    message = find_run_error("reports", runs / ".llmeval" / "runs")
    assert message.startswith("reports is a folder without a results.json, not one run: it holds 2 runs"), message
    assert "nightly/: " in message and "pr-123/: " in message and "(e.g. reports/" in message, message


@pytest.mark.parametrize("text", ["", "\n", "   \n\t"])
def test_an_empty_results_file_says_it_is_empty(tmp_path, text):
    """It was "not valid JSON (line 1): cut short, or not a results.json"."""
    from pytest_llmeval.results.recorder import ResultsFileError, load_results

    (tmp_path / "results.json").write_text(text, encoding="utf-8")
    with pytest.raises(ResultsFileError) as caught:
        load_results(tmp_path / "results.json")
    said = "is empty (0 bytes)" if not text else "holds only whitespace"  # round 7 of the reports says which
    assert said in str(caught.value) and "Fix:" in str(caught.value), str(caught.value)


RUN_FILES = {  # name: (text, words) - each already named its problem: kept so
    "cut short": ('{"schema_version": 2, "run": {', "not valid JSON"),
    "a newer schema": ('{"schema_version": 99, "run": {}, "cases": []}', "written by a newer pytest-llmeval"),
    "another tool's": ('{"version": "1.0", "results": []}', "no schema_version"),
    "a list": ("[]", "no schema_version"),
}


@pytest.mark.parametrize(("text", "words"), RUN_FILES.values(), ids=RUN_FILES.keys())
def test_a_results_file_that_is_no_run_says_what_it_is(tmp_path, text, words):
    from pytest_llmeval.results.recorder import ResultsFileError, load_results

    (tmp_path / "results.json").write_text(text, encoding="utf-8")
    with pytest.raises(ResultsFileError) as caught:
        load_results(tmp_path / "results.json")
    assert words in str(caught.value) and "Fix:" in str(caught.value), str(caught.value)


# ----------------------------------------------------------------------------------------------------- images
@pytest.fixture
def images(tmp_path) -> Path:
    from PIL import Image

    (tmp_path / "imgs").mkdir()
    Image.new("RGB", (8, 8)).save(tmp_path / "imgs" / "receipt.png")
    return tmp_path


def image_error(root: Path, written: str) -> str:
    from pytest_llmeval.evaluation.scenarios import ScenarioError, load_scenarios

    path = root / "s.yaml"
    path.write_text(
        f"cases:\n  - id: v1\n    category: d\n    question: q\n    key_points: [a]\n    image: '{written}'\n",
        encoding="utf-8",
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenarios([path])
    return str(caught.value)


IMAGE_TYPOS = {  # written: words
    "imgs/Receipt.png": "(names are case-sensitive)",
    "imgs/receipt.PNG": "(names are case-sensitive)",
    "Imgs/receipt.png": "did you mean",
    "img/receipt.png": "did you mean",
    "imgs/reciept.png": "did you mean",
    "imgs/receipt.png ": "did you mean",
    "imgs/receipt_.png": "did you mean",
}


@pytest.mark.parametrize(("written", "words"), IMAGE_TYPOS.items(), ids=IMAGE_TYPOS.keys())
def test_an_image_path_with_a_typo_names_the_file_meant(images, written, words):
    """`A.png` for `a.png` was found on macOS and "no such image file" on the Linux CI."""
    message = image_error(images, written)
    assert words in message and str(images / "imgs" / "receipt.png") in message, message


def test_an_image_path_from_the_home_folder_says_tilde_is_not_read(images):
    """Round 12 reverses this round's decision: `~` is now read as the home folder (as a shell would), and a file
    missing there names the path it was read as (tests/test_bad_input_round12.py)."""
    message = image_error(images, "~/pics/receipt.png")
    assert f"(read as {Path.home() / 'pics' / 'receipt.png'}): no such image file" in message, message


@pytest.mark.parametrize("written", ["imgs/nothing.png", "other/receipt.png"])
def test_an_image_with_nothing_close_gets_no_guess(images, written):
    message = image_error(images, written)
    assert "no such image file" in message and "did you mean" not in message, message


def test_an_image_outside_the_project_is_still_read(images, tmp_path_factory):
    """A shared data mount (/data/ocr/a.png) is a real use: not refused."""
    from PIL import Image

    from pytest_llmeval.evaluation.scenarios import load_scenarios

    outside = tmp_path_factory.mktemp("elsewhere") / "a.png"
    Image.new("RGB", (8, 8)).save(outside)
    (images / "s.yaml").write_text(
        f"cases:\n  - id: v1\n    category: d\n    question: q\n    key_points: [a]\n    image: '{outside}'\n",
        encoding="utf-8",
    )
    assert load_scenarios([images / "s.yaml"])[0].images == (str(outside),)


IMAGE_FILES = {  # name: (bytes or a size, words) - each already named its problem: kept so
    "a corrupt PNG": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG file that is cut short or damaged"),
    "an SVG": (b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "an SVG drawing"),
    "a HEIC photo": (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "a HEIC file"),
    "a 100 MB image": (100 * 2**20, "over the 20 MiB limit"),
}


@pytest.mark.parametrize(("content", "words"), IMAGE_FILES.values(), ids=IMAGE_FILES.keys())
def test_an_image_that_cannot_be_sent_says_what_it_is(images, content, words):
    target = images / "imgs" / "bad.png"
    if isinstance(content, int):
        with target.open("wb") as out:
            out.write(b"\x89PNG\r\n\x1a\n")
            out.truncate(content)
    else:
        target.write_bytes(content)
    assert words in image_error(images, "imgs/bad.png")


# ------------------------------------------------------------------------------------------ ini values, again
INI_VALUES = {  # (key's option, written): words - each already refused clearly: kept so
    ("--llm-concurrency", "many"): "is not a valid int",
    ("--llm-concurrency", "0"): "must be between 1 and 1024",
    ("--llm-concurrency", "-1"): "must be between 1 and 1024",
    ("--llm-concurrency", "1e9"): "is not a valid int",
    ("--llm-concurrency", "100000"): "must be between 1 and 1024",
    ("--llm-repeat", "0"): "must be between 1 and 10000",
    ("--llm-temperature", "hot"): "is not a valid float",
    ("--llm-temperature", "nan"): "must be a finite number",
    ("--llm-request-timeout", "inf"): "must be a finite number",
    ("--llm-gpu-memory-utilization", "90"): "must be in (0, 1]",
    ("--llm-max-tokens", "0"): "must be at least 1",
    ("--rag-top-k", "five"): "is not a valid int",
    ("--llm-warmup", "-1"): "must be at least 0",
    ("--llm-bench-requests", "0"): "must be at least 1",
    ("--llm-limit", "0"): "must be at least 1",
    ("--llm-startup-timeout", "0"): "must be greater than 0",
    ("--llm-temperature", "70"): "at most 2",
}


@pytest.mark.parametrize(("flag", "written"), INI_VALUES.keys(), ids=[f"{f}={w}" for f, w in INI_VALUES])
def test_an_ini_value_of_the_wrong_type_or_range_names_the_key(flag, written):
    with pytest.raises(pytest.UsageError) as caught:
        ini_value(flag, written)
    message = str(caught.value)
    assert message.startswith(f"ini key {option(flag).ini}") and INI_VALUES[(flag, written)] in message, message
    assert "Fix:" in message, message


# ------------------------------------------------------------------------------------ environment variables
@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("/dev/null", "is not a regular file or folder"),
        ("FILE/sub", "is a file, not a folder"),
        ("~nobody-r11/cache", "no such user's home folder"),
    ],
)
def test_a_cache_dir_variable_that_cannot_hold_the_cache_is_a_usage_error(project, monkeypatch, value, words):  # noqa: F811
    """The models and RAG indexes built at run time failed deep inside the first build, in every test's setup."""
    from test_input_fuzz import one_usage_error

    (project.path / "FILE").write_text("x", encoding="utf-8")
    monkeypatch.setenv("LLMEVAL_CACHE_DIR", value.replace("FILE", str(project.path / "FILE")))
    one_usage_error(
        project.run("--collect-only", "--llm-model=m1", f"--llm-base-url={DEAD_URL}"),
        "environment variable LLMEVAL_CACHE_DIR",
        words,
        "Fix:",
    )


@pytest.mark.parametrize(("value", "expected"), [("~/llm-cache", "HOME/llm-cache"), ("  ", "DEFAULT"), ("", "DEFAULT")])
def test_a_cache_dir_from_the_home_folder_gets_the_home_folder(monkeypatch, value, expected):
    """`LLMEVAL_CACHE_DIR="~/cache"` in a CI file (no shell expands it) made a folder named `~` in the project."""
    from pytest_llmeval.serving.built_models import cache_root

    monkeypatch.setenv("LLMEVAL_CACHE_DIR", value)
    home = Path.home()
    want = home / ".cache" / "pytest-llmeval" if expected == "DEFAULT" else Path(expected.replace("HOME", str(home)))
    assert cache_root() == want


@pytest.mark.parametrize(
    ("given", "meant"),
    [("org/qwen3-8b", "Org/Qwen3-8B"), ("Org/Qwen3-8b", "Org/Qwen3-8B"), ("Org/Qwen3_8B", "Org/Qwen3-8B")],
)
def test_a_hub_id_typo_of_a_cached_model_names_the_cached_id(models, given, meant):
    """The hub's ids are case-sensitive: `org/qwen3-8b` was "not in the Hugging Face cache" beside Org/Qwen3-8B."""
    problem = model_source_problem(parse_model(given), [], {"HF_HUB_OFFLINE": "1", "HF_HUB_CACHE": str(models / "hf")})
    assert problem is not None and f"did you mean {meant}, which is there?" in problem, problem


def test_a_cached_hub_id_is_still_taken(models):
    env = {"HF_HUB_OFFLINE": "1", "HF_HUB_CACHE": str(models / "hf")}
    assert model_source_problem(parse_model("Org/Qwen3-8B"), [], env) is None
