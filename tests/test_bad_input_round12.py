"""Bad input, round 12: context lengths past the model's, one reader of config.json's length, image paths written
as a shell or Windows would, key points vLLM-free users write, base URLs, and patterns that match no run.

- `--llm-max-model-len` (the model's max_model_len, `--max-model-len` among the vLLM arguments) above what the model's
  config.json allows went to vLLM, which refused it a minute into its start as every case's launch error: now the
  run stops before any server starts, naming both numbers, the field and the fix (VLLM_ALLOW_LONG_MAX_MODEL_LEN=1 in
  the environment or the model's env lets it through, as vLLM does; `--hf-overrides`/`--rope-scaling` too);
- the plugin's checks and the `size` command read the length apart (one the smallest field times any RoPE factor,
  the other max_position_embeddings alone); now one reader (serving/context.py `config_length`) as vLLM derives it:
  a Command-R model_max_length wins, `llama3`/`longrope`/`yarn` lengths are already scaled, Gemma 3 is not scaled,
  `rope_parameters` (Transformers 5) is read like `rope_scaling`;
- `size --max-model-len 4K` was "invalid int value": it takes vLLM's spellings, and a length past the model's is
  refused as vLLM would;
- a vision case's `image: ~/pics/a.png` was refused, `$HOME/...`, `${DATA}/...` and `imgs\\a.png` (a scenario written
  on Windows) were "no such image file"; now they are read as a shell (or Windows) reads them, a missing file names
  the path it was read as, and a Windows drive, a network share or a variable not set says so;
- a key point, synonym or forbidden claim wrapped in quotes (“利润”, 「利润」, '"profit"') or ending in sentence
  punctuation (利润增长。) was kept as written: an answer had to repeat the quotes, and one that said 利润 scored 50
  where a reader gives 100 (a forbidden claim in quotes was never found); now read as its core (利润, 利润增长);
- `key_points: 利润, 收入` (text, not a list) now shows the list it meant; an id in Chinese got the hint '1';
- a base URL (or a judge's) that ends with /chat/completions or /completions was taken: every request went to
  .../chat/completions/chat/completions; one without http://, with `http//`, or kept in quotes said only "not an
  http(s) URL"; now each names the URL to write (never its credentials);
- `compare 'runs/*' last` (a pattern the shell passed on as written) was "no such file or folder".

Decisions: the longest context allowed is an upper bound over vLLM versions (older ones scaled YaRN's original
length by its factor): never a false refusal. A path to an image is taken as written when it is there; only a path
that is not is read as a shell or Windows would. A key point's trailing '.' is kept ('Inc.', 'U.S.').
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_bad_input_round5 import no_wait  # noqa: F401 - autouse: a FIFO or /dev/zero read fails the test, not the run
from test_input_fuzz import one_usage_error, project  # noqa: F401 - project: a fixture

from pytest_llmeval.serving.models import apply_model_args, parse_model
from pytest_llmeval.serving.server import ServerSettings

LLAMA = {"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 64}


# ------------------------------------------------------------------------------ one reader of config.json's length
READ = {  # name: (config fields, vLLM's default length, the longest it takes)
    "max_position_embeddings": ({"max_position_embeddings": 32768}, 32768, 32768),
    "the smallest field": ({"max_position_embeddings": 8192, "seq_length": 2048}, 2048, 2048),
    "n_positions (GPT-2)": ({"n_positions": 1024}, 1024, 1024),
    "Command-R's model_max_length wins": (
        {"max_position_embeddings": 8192, "model_max_length": 131072},
        131072,
        131072,
    ),
    "Llama 3.1: llama3 scaling is already in the length": (
        {"max_position_embeddings": 131072, "rope_scaling": {"rope_type": "llama3", "factor": 8.0}},
        131072,
        131072,
    ),
    "longrope (Phi-3) likewise": (
        {"max_position_embeddings": 131072, "rope_scaling": {"type": "longrope", "factor": 32}},
        131072,
        131072,
    ),
    "linear scaling multiplies": (
        {"max_position_embeddings": 4096, "rope_scaling": {"type": "linear", "factor": 4}},
        16384,
        16384,
    ),
    "dynamic scaling multiplies": (
        {"max_position_embeddings": 4096, "rope_scaling": {"rope_type": "dynamic", "factor": 2.0}},
        8192,
        8192,
    ),
    "yarn: today's vLLM keeps the length, older ones scaled the original": (
        {
            "max_position_embeddings": 32768,
            "rope_scaling": {"type": "yarn", "factor": 4.0, "original_max_position_embeddings": 32768},
        },
        32768,
        131072,
    ),
    "DeepSeek-V3's yarn": (
        {
            "max_position_embeddings": 163840,
            "rope_scaling": {"type": "yarn", "factor": 40, "original_max_position_embeddings": 4096},
        },
        163840,
        163840,
    ),
    "Gemma 3 is never scaled again": (
        {
            "model_type": "gemma3_text",
            "max_position_embeddings": 131072,
            "rope_scaling": {"rope_type": "linear", "factor": 8.0},
        },
        131072,
        131072,
    ),
    "Transformers 5 rope_parameters": (
        {"max_position_embeddings": 4096, "rope_parameters": {"rope_type": "linear", "factor": 2.0, "rope_theta": 1e6}},
        8192,
        8192,
    ),
    "rope_parameters per layer type": (
        {
            "max_position_embeddings": 4096,
            "rope_parameters": {
                "full_attention": {"rope_type": "default"},
                "sliding_attention": {"rope_type": "default"},
            },
        },
        4096,
        4096,
    ),
    "mrope (Qwen2-VL) has no factor": (
        {"max_position_embeddings": 32768, "rope_scaling": {"type": "mrope", "mrope_section": [16, 24, 24]}},
        32768,
        32768,
    ),
    "a vision model's text_config": (
        {"text_config": {"max_position_embeddings": 8192}, "max_position_embeddings": 512},
        8192,
        8192,
    ),
    "InternVL's llm_config": ({"llm_config": {"max_position_embeddings": 32768}}, 32768, 32768),
    "a null factor": (
        {"max_position_embeddings": 4096, "rope_scaling": {"type": "linear", "factor": None}},
        4096,
        4096,
    ),
    "a huge model_max_length is no limit": (
        {"max_position_embeddings": 4096, "model_max_length": 10**30},
        10**30,
        10**30,
    ),
}


@pytest.mark.parametrize(("fields", "length", "longest"), READ.values(), ids=READ.keys())
def test_the_context_length_is_read_as_vllm_derives_it(fields, length, longest):
    from pytest_llmeval.serving.context import config_length

    known = config_length({**LLAMA, **fields}, "/m/config.json")
    assert known is not None and (known.length, known.longest) == (length, longest), known


@pytest.mark.parametrize("fields", [{}, {"max_position_embeddings": "4096"}, {"max_position_embeddings": True}])
def test_a_config_without_a_length_gives_none(fields):
    from pytest_llmeval.serving.context import config_length

    assert config_length({**LLAMA, **fields}, "/m/config.json") is None


def model_folder(root: Path, **config: Any) -> Path:
    folder = root / "models" / "Qwen3-8B"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.json").write_text(json.dumps({**LLAMA, **config}), encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"x")
    return folder


def test_sizing_and_the_plugin_read_one_length(tmp_path):
    """`size` read max_position_embeddings alone: a ChatGLM-style seq_length was "no max_position_embeddings", a
    Command-R model_max_length ignored."""
    from pytest_llmeval.serving.context import config_context
    from pytest_llmeval.sizing.model_config import read_model

    sized = {"num_hidden_layers": 2, "num_attention_heads": 4, "vocab_size": 100}
    for fields, expected in (
        ({"seq_length": 8192}, 8192),
        ({"max_position_embeddings": 8192, "model_max_length": 131072}, 131072),
    ):
        folder = model_folder(tmp_path / str(expected), **sized, **fields)
        assert read_model(folder).max_position_embeddings == expected
        assert config_context(folder) is not None and config_context(folder)[0] == expected  # type: ignore[index]


# ------------------------------------------------------------------------- --llm-max-model-len past the model's
def problem(folder: Path, models_args: tuple[str, ...] = (), **server: Any) -> str | None:
    from pytest_llmeval.config.checks import max_model_len_problem

    spec = apply_model_args([parse_model(str(folder))], list(models_args))[0]
    from pytest_llmeval.serving.models import model_server_settings

    return max_model_len_problem(spec, model_server_settings(spec, ServerSettings(**server)))


TOO_LONG = {  # name: (config fields, settings, model args, words)
    "--llm-max-model-len": (
        {"max_position_embeddings": 32768},
        {"max_model_len": 65536},
        (),
        ["--llm-max-model-len 65536", "65,536", "32,768"],
    ),
    "as a vLLM argument": (
        {"max_position_embeddings": 32768},
        {"extra_args": ["--max-model-len=64k"]},
        (),
        ["--max-model-len 64000 among"],
    ),
    "as the model's own": (
        {"max_position_embeddings": 8192},
        {},
        ("Qwen3-8B:max_model_len=16K",),
        ["Qwen3-8B:max_model_len=16384"],
    ),
    "past the smallest field": (
        {"max_position_embeddings": 8192, "seq_length": 2048},
        {"max_model_len": 4096},
        (),
        ["seq_length in"],
    ),
    "past Llama 3.1's (factor 8 is no 1M)": (
        {"max_position_embeddings": 131072, "rope_scaling": {"rope_type": "llama3", "factor": 8.0}},
        {"max_model_len": 262144},
        (),
        ["131,072"],
    ),
    "an environment of another name": (
        {"max_position_embeddings": 4096},
        {"max_model_len": 8192, "env": {"VLLM_ALLOW_LONG": "1"}},
        (),
        ["VLLM_ALLOW_LONG_MAX_MODEL_LEN=1"],
    ),
    "the variable set to 0": (
        {"max_position_embeddings": 4096},
        {"max_model_len": 8192, "env": {"VLLM_ALLOW_LONG_MAX_MODEL_LEN": "0"}},
        (),
        ["4,096"],
    ),
}


@pytest.mark.parametrize(("fields", "server", "args", "words"), TOO_LONG.values(), ids=TOO_LONG.keys())
def test_a_context_past_the_models_is_refused_before_the_server_starts(tmp_path, fields, server, args, words):
    found = problem(model_folder(tmp_path, **fields), args, **server)
    assert found is not None and "Fix:" in found and "VLLM_ALLOW_LONG_MAX_MODEL_LEN=1" in found, found
    assert all(word in found for word in words), found


FITS = {  # name: (config fields, settings)
    "equal to the model's": ({"max_position_embeddings": 32768}, {"max_model_len": 32768}),
    "shorter": ({"max_position_embeddings": 32768}, {"max_model_len": 4096}),
    "VLLM_ALLOW_LONG_MAX_MODEL_LEN=1 in the model's env": (
        {"max_position_embeddings": 4096},
        {"max_model_len": 8192, "env": {"VLLM_ALLOW_LONG_MAX_MODEL_LEN": "1"}},
    ),
    "VLLM_ALLOW_LONG_MAX_MODEL_LEN=true": (
        {"max_position_embeddings": 4096},
        {"max_model_len": 8192, "env": {"VLLM_ALLOW_LONG_MAX_MODEL_LEN": " True "}},
    ),
    "--hf-overrides makes the model longer": (
        {"max_position_embeddings": 32768},
        {"max_model_len": 131072, "extra_args": ["--hf-overrides", '{"rope_scaling": {"type": "yarn", "factor": 4}}']},
    ),
    "vLLM's dotted --hf-overrides": (
        {"max_position_embeddings": 32768},
        {"max_model_len": 131072, "extra_args": ["--hf-overrides.max_position_embeddings=131072"]},
    ),
    "--hf-config-path reads another config": (
        {"max_position_embeddings": 4096},
        {"max_model_len": 8192, "extra_args": ["--hf-config-path=/c"]},
    ),
    "yarn's scaled length (an older vLLM)": (
        {
            "max_position_embeddings": 32768,
            "rope_scaling": {"type": "yarn", "factor": 4.0, "original_max_position_embeddings": 32768},
        },
        {"max_model_len": 131072},
    ),
    "up to model_max_length": (
        {"max_position_embeddings": 8192, "model_max_length": 131072},
        {"max_model_len": 131072},
    ),
    "a config without a length": ({}, {"max_model_len": 1_000_000}),
    "auto (vLLM fits it)": ({"max_position_embeddings": 4096}, {"extra_args": ["--max-model-len", "auto"]}),
    "no length asked": ({"max_position_embeddings": 4096}, {}),
}


@pytest.mark.parametrize(("fields", "server"), FITS.values(), ids=FITS.keys())
def test_a_context_vllm_takes_is_not_refused(tmp_path, fields, server):
    assert problem(model_folder(tmp_path, **fields), **server) is None


def test_the_process_environment_lets_a_long_context_through(tmp_path, monkeypatch):
    monkeypatch.setenv("VLLM_ALLOW_LONG_MAX_MODEL_LEN", "1")
    assert problem(model_folder(tmp_path, max_position_embeddings=4096), max_model_len=8192) is None


def test_the_run_stops_before_any_server_starts(project, tmp_path):  # noqa: F811
    folder = model_folder(tmp_path, max_position_embeddings=4096)
    out = one_usage_error(
        project.run(f"--llm-model={folder}", "--llm-max-model-len=8K"),
        "--llm-max-model-len 8192 asks a context of 8,192 tokens",
        "allows 4,096 (max_position_embeddings in",
    )
    assert "Fix: lower it to 4096 or less" in out


# --------------------------------------------------------------------------------- size --max-model-len spellings
def size(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from pytest_llmeval.sizing.cli import main

    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def llama(tmp_path: Path) -> Path:
    fields = {"num_hidden_layers": 2, "num_attention_heads": 4, "vocab_size": 100, "max_position_embeddings": 32768}
    return model_folder(tmp_path, **fields)


@pytest.mark.parametrize(
    ("written", "tokens"), [("4K", 4096), ("4k", 4000), ("32K", 32768), ("25.6k", 25600), ("8192", 8192)]
)
def test_size_takes_the_lengths_vllm_takes(llama, capsys, written, tokens):
    code, out = size([str(llama), "--max-model-len", written, "--json"], capsys)
    assert code == 0 and json.loads(out)["estimate"]["max_model_len"] == tokens, out


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("auto", "leave --max-model-len out"),
        ("-1", "leave --max-model-len out"),
        ("4.5K", "no decimals"),
        ("4x", "not a number of tokens"),
    ],
)
def test_size_refuses_a_length_vllm_would_not_read(llama, capsys, written, words):
    code, out = size([str(llama), f"--max-model-len={written}"], capsys)
    assert code == 2 and words in out and "Traceback" not in out, out


def test_size_refuses_a_length_past_the_models(llama, capsys, monkeypatch):
    monkeypatch.delenv("VLLM_ALLOW_LONG_MAX_MODEL_LEN", raising=False)
    code, out = size([str(llama), "--max-model-len", "64K"], capsys)
    asked = "--max-model-len 65536 asks a context of 65,536 tokens, but the model's config.json allows 32,768"
    assert code == 2 and asked in out, out
    monkeypatch.setenv("VLLM_ALLOW_LONG_MAX_MODEL_LEN", "1")
    assert size([str(llama), "--max-model-len", "64K"], capsys)[0] == 0


# ------------------------------------------------------------------------------------------------ image paths
@pytest.fixture
def images(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from PIL import Image

    home = tmp_path / "home"
    for folder in (tmp_path / "proj" / "imgs", home / "pics"):
        folder.mkdir(parents=True)
        Image.new("RGB", (8, 8)).save(folder / ("receipt.png" if "imgs" in str(folder) else "a.png"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("DATA", str(home / "pics"))
    monkeypatch.delenv("NOT_SET_R12", raising=False)
    monkeypatch.delenv("USERPROFILE", raising=False)
    return tmp_path


def load_image_case(root: Path, written: str) -> Any:
    from pytest_llmeval.evaluation.scenarios import load_scenarios

    path = root / "proj" / "s.yaml"
    path.write_text(
        "cases:\n  - id: v1\n    category: d\n    question: q\n    key_points: [a]\n    image: "
        + json.dumps(written)
        + "\n",
        encoding="utf-8",
    )
    return load_scenarios([path])[0]


READ_AS = {  # written: the file it means (under the tmp folder)
    "~/pics/a.png": "home/pics/a.png",
    "$HOME/pics/a.png": "home/pics/a.png",
    "${DATA}/a.png": "home/pics/a.png",
    "$DATA/a.png": "home/pics/a.png",
    "imgs\\receipt.png": "proj/imgs/receipt.png",
    ".\\imgs\\receipt.png": "proj/imgs/receipt.png",
    "imgs/receipt.png": "proj/imgs/receipt.png",
}


@pytest.mark.parametrize(("written", "meant"), READ_AS.items(), ids=READ_AS.keys())
def test_an_image_path_is_read_as_a_shell_or_windows_reads_it(images, written, meant):
    assert load_image_case(images, written).images == (str((images / meant).resolve()),)


IMAGE_REFUSED = {  # written: words
    "~/pics/b.png": "(read as {home}/pics/b.png): no such image file; did you mean {home}/pics/a.png?",
    "C:\\pics\\a.png": "is a Windows path (a drive C:)",
    "D:/data/a.png": "is a Windows path (a drive D:)",
    "\\\\server\\share\\a.png": "is a Windows path (a network share)",
    "$NOT_SET_R12/a.png": "uses the variable $NOT_SET_R12, which is not set here",
    "${NOT_SET_R12}/a.png": "uses the variable ${NOT_SET_R12}, which is not set here",
    "%USERPROFILE%\\pics\\a.png": "uses the variable %USERPROFILE% (a Windows variable), which is not set here",
    "~nobody-r12/a.png": "starts with '~nobody-r12', but there is no such user's home folder here",
}


@pytest.mark.parametrize(("written", "words"), IMAGE_REFUSED.items(), ids=IMAGE_REFUSED.keys())
def test_an_image_path_that_cannot_be_read_here_says_why(images, written, words):
    from pytest_llmeval.evaluation.scenarios import ScenarioError

    with pytest.raises(ScenarioError) as caught:
        load_image_case(images, written)
    assert words.replace("{home}", str(images / "home")) in str(caught.value), str(caught.value)


def test_an_image_file_named_as_written_is_taken_as_it_is(images):
    """A file really named `$x.png` (or with a backslash) is read: the shell reading is tried only when the path is
    not there."""
    from PIL import Image

    Image.new("RGB", (8, 8)).save(images / "proj" / "$x.png")
    assert load_image_case(images, "$x.png").images == (str(images / "proj" / "$x.png"),)


def test_a_dataset_rows_image_path_is_read_alike(images):
    from pytest_llmeval.vision.datasets import load_jsonl

    rows = images / "proj" / "d.jsonl"
    rows.write_text(
        json.dumps({"id": "r1", "image": "imgs\\receipt.png", "question": "q", "answers": ["a"]}) + "\n",
        encoding="utf-8",
    )
    assert load_jsonl(rows)[0].images == (str(images / "proj" / "imgs" / "receipt.png"),)


# ------------------------------------------------------------------------------------- scenario files (loading)
HEAD = "cases:\n  - id: c1\n    category: d\n    question: 问题\n"


def scenario(tmp_path: Path, body: str | bytes, name: str = "s.yaml") -> Any:
    from pytest_llmeval.evaluation.scenarios import load_scenarios

    path = tmp_path / name
    if isinstance(body, bytes):
        path.write_bytes(body)
    else:
        path.write_text(body, encoding="utf-8")
    return load_scenarios([path])


QUOTED = {  # key points as written: the points read
    "[“利润”, 收入]": ("利润", "收入"),
    "['「利润」', 收入]": ("利润", "收入"),
    "['\"profit\"', revenue]": ("profit", "revenue"),
    "['《公司法》', 收入]": ("公司法", "收入"),
    "['利润增长。', 收入]": ("利润增长", "收入"),
    "['利润增长，', 收入]": ("利润增长", "收入"),
    "['profit;', revenue]": ("profit", "revenue"),
    "['“利润增长。”', 收入]": ("利润增长", "收入"),
}


@pytest.mark.parametrize(("points", "read"), QUOTED.items(), ids=QUOTED.keys())
def test_a_key_point_in_quotes_or_ending_a_sentence_is_read_as_its_core(tmp_path, points, read):
    """An answer saying 利润 plainly scored 50 against `[“利润”, 收入]`: the quotes were part of the key point. Read
    as its core (every answer holding the text as written holds it), not refused: a 。 stopped no run before."""
    from pytest_llmeval.evaluation.scoring import score_answer

    (case,) = scenario(tmp_path, HEAD + f"    key_points: {points}\n")
    assert tuple(p.point for p in case.key_points) == read
    assert score_answer(case, f"{read[0]}和{read[1]}都有。").score == 100.0


def test_a_quoted_synonym_is_read_as_its_core(tmp_path):
    from pytest_llmeval.evaluation.scoring import score_answer

    (case,) = scenario(tmp_path, HEAD + "    key_points: [{point: 利润, synonyms: ['“净利”']}]\n")
    assert case.key_points[0].synonyms == ("净利",)
    assert score_answer(case, "净利上升").score == 100.0


@pytest.mark.parametrize(
    "trap",
    [
        "{forbidden: ['“已通过认证”']}",
        "{forbidden: [{claim: '「已通过认证」'}]}",
        "{forbidden: [{claim: 已获批准, variants: ['已通过认证。']}]}",
    ],
)
def test_a_forbidden_claim_in_quotes_is_found_said_plainly(tmp_path, trap):
    """A forbidden claim in quotes was found only in an answer that quoted it: the trap passed every other one."""
    from pytest_llmeval.evaluation.scoring import score_answer

    (case,) = scenario(tmp_path, HEAD + f"    key_points: [a]\n    trap: {trap}\n")
    assert score_answer(case, "a，该产品已通过认证").forbidden_found


KEPT = {  # key points as written: the point read
    "['U.S.', b]": "U.S.",
    "['Acme Inc.', b]": "Acme Inc.",
    '[\'"A" and "B"\', b]': '"A" and "B"',
    "['利润“增长”', b]": "利润“增长”",
    "[{regex: '“\\d+”', point: 引用}]": "引用",
    "['100%', b]": "100%",
    "['(a)', b]": "(a)",
}


@pytest.mark.parametrize(("points", "point"), KEPT.items(), ids=KEPT.keys())
def test_a_key_point_with_inner_quotes_or_a_final_dot_is_kept(tmp_path, points, point):
    assert scenario(tmp_path, HEAD + f"    key_points: {points}\n")[0].key_points[0].point == point


AS_TEXT = {  # written: the list shown
    "key_points: 利润, 收入": "write it as a list: [利润, 收入], one key point per entry",
    "key_points: 利润、收入、成本": "[利润, 收入, 成本]",
    "key_points: 利润": "write it as a list: [利润]",
    "key_points: [{point: 利润, synonyms: 净利，纯利}]": "Fix: write it as a list: [净利, 纯利]",
}


@pytest.mark.parametrize(("line", "words"), AS_TEXT.items(), ids=AS_TEXT.keys())
def test_a_list_written_as_text_shows_the_list_it_meant(tmp_path, line, words):
    from pytest_llmeval.evaluation.scenarios import ScenarioError

    with pytest.raises(ScenarioError) as caught:
        scenario(tmp_path, HEAD + f"    {line}\n")
    assert words in str(caught.value), str(caught.value)


def test_an_id_in_chinese_gets_no_hint_that_drops_it(tmp_path):
    """`id: 利润1` was told "did you mean '1'?"."""
    from pytest_llmeval.evaluation.scenarios import ScenarioError

    with pytest.raises(ScenarioError) as caught:
        scenario(tmp_path, HEAD.replace("c1", "利润1") + "    key_points: [a]\n")
    assert "did you mean '1'" not in str(caught.value) and "ASCII" in str(caught.value), str(caught.value)


ALIASES = (
    "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ncases: []\n"
)
ALREADY_SAID = {  # name: (file content, words) - each already refused in words a user acts on: kept so
    "GBK": ((HEAD + "    key_points: [利润]\n").encode("gbk"), "reads as GBK"),
    "UTF-16": ((HEAD + "    key_points: [a]\n").encode("utf-16"), "UTF-16"),
    "a tab indent": (HEAD.replace("    ", "\t") + "\tkey_points: [a]\n", "indented with a tab"),
    "a duplicate key": (HEAD + "    key_points: [a]\n    key_points: [b]\n", "duplicate key 'key_points'"),
    "an empty file": (b"", "the file is empty"),
    "comments only": ("# todo\n", "holds no cases"),
    "an alias bomb": (ALIASES, "aliases repeat more than 1,000,000 values"),
    "two documents": (HEAD + "    key_points: [a]\n---\n" + HEAD + "    key_points: [b]\n", "a second YAML document"),
    "a NUL byte": (HEAD + "    key_points: [a\x00b]\n", "U+0000"),
    "an HTML page": ("<html><body>404 Not Found</body></html>\n", "holds only the text"),
    "a !!python tag": (HEAD + "    key_points: !!python/object/apply:os.system ['echo x']\n", "is not supported"),
    "a full-width indent": (
        "cases:\n  - id: c1\n\u3000\u3000category: d\n    question: q\n    key_points: [a]\n",
        "U+3000",
    ),
    "a colon in a value": (
        "cases:\n  - id: c1\n    category: d\n    question: 注意: 这是问题\n    key_points: [a]\n",
        "quote the value",
    ),
    "an unclosed bracket": (HEAD + "    key_points: [a, b\n", "is not closed"),
    "a fraction threshold": (HEAD + "    key_points: [a]\n    threshold: 0.6\n", "looks like a fraction"),
    "a threshold with %": (HEAD + "    key_points: [a]\n    threshold: 60%\n", "without '%'"),
    "a misspelt field": (HEAD + "    key_point: [a]\n", "did you mean `key_points`"),
    "a duplicate key point": (HEAD + "    key_points: [Profit, profit]\n", "it would count twice"),
    "a bad regex": (HEAD + "    key_points: [{regex: '(unclosed'}]\n", "not a valid regular expression"),
    "a list at the top": ("- id: c1\n  category: d\n  question: q\n  key_points: [a]\n", "add a line 'cases:'"),
}


@pytest.mark.parametrize(("content", "words"), ALREADY_SAID.values(), ids=ALREADY_SAID.keys())
def test_a_broken_scenario_file_is_named_with_the_fix(tmp_path, content, words):
    from pytest_llmeval.evaluation.scenarios import ScenarioError

    with pytest.raises(ScenarioError) as caught:
        scenario(tmp_path, content)
    assert words in str(caught.value) and "Fix:" in str(caught.value), str(caught.value)


def test_a_case_id_repeated_across_files_names_both(tmp_path):
    from pytest_llmeval.evaluation.scenarios import ScenarioError, load_scenarios

    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(HEAD + "    key_points: [a]\n", encoding="utf-8")
    with pytest.raises(
        ScenarioError, match=r"b\.yaml, case 'c1', field 'id': duplicate id, already defined in .*a\.yaml"
    ):
        load_scenarios([tmp_path])


@pytest.mark.parametrize(
    "content",
    [
        "\ufeff" + HEAD + "    key_points: [a]\n",
        (HEAD + "    key_points: [a]\n").replace("\n", "\r\n"),
        '{"cases": [{"id": "c1", "category": "d", "question": "q", "key_points": ["a"]}]}',
    ],
    ids=["a BOM", "CRLF", "JSON"],
)
def test_a_scenario_saved_by_another_editor_is_read(tmp_path, content):
    assert [case.id for case in scenario(tmp_path, content)] == ["c1"]


# ------------------------------------------------------------------------------------------------ base URLs
URLS = {  # written: words (never a secret)
    "localhost:8000/v1": "has no http:// in front. Fix: write http://localhost:8000/v1",
    "127.0.0.1:8000": "Fix: write http://127.0.0.1:8000",
    "[::1]:8000/v1": "Fix: write http://[::1]:8000/v1",
    "u:sk-R12SECRET@h:8000/v1": "Fix: write http://***@h:8000/v1",
    "http//host:8000/v1": "its scheme is written 'http//', not http://. Fix: write http://host:8000/v1",
    "http:/host:8000/v1": "Fix: write http://host:8000/v1",
    "https:/u:sk-R12SECRET@h/v1": "Fix: write https://h/v1",
    "'http://host:8000/v1'": "is wrapped in quotes",
    "“http://host:8000/v1”": "Fix: write http://host:8000/v1 without them",
    "http://host:8000/v1/chat/completions": "ends with the endpoint /chat/completions",
    "http://host:8000/v1/completions/": "Fix: write the base URL, http://host:8000/v1",
    "http://u:sk-R12SECRET@host:8000/v1/chat/completions?key=sk-R12SECRET": "Fix: write the base URL, http://host:8000/v1",
    "http://host:8000/v1/models": "ends with the endpoint /models",
    "http://host:8000/v1/embeddings": "ends with the endpoint /embeddings",
}


@pytest.mark.parametrize(("url", "words"), URLS.items(), ids=URLS.keys())
def test_a_base_url_written_wrong_names_the_url_to_write(url, words):
    from pytest_llmeval.serving.fleet import FleetError, check_url

    with pytest.raises(FleetError) as caught:
        check_url(url)
    assert words in str(caught.value) and "R12SECRET" not in str(caught.value), str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://host:8000/v1",
        "http://host:8000/v1/",
        "https://host/openai/v1",
        "http://host:8000/v1?api-version=2024-01",
        "HTTP://HOST:8000/V1",
        "http://[::1]:8000/v1",
        "http://host:8000/v1/chat",
    ],
)
def test_a_base_url_written_right_is_taken(url):
    from pytest_llmeval.serving.fleet import check_url

    check_url(url)


JUDGES = {  # written: words (never a secret)
    "h:8000/v1@qwen": "has no http:// in front. Fix: write http://h:8000/v1@qwen",
    "http://h:8000/v1/chat/completions@qwen": "Fix: write the base URL, http://h:8000/v1@qwen",
    "'http://h:8000/v1@qwen'": "is wrapped in quotes",
    '"http://u:sk-R12SECRET@h:8000/v1@qwen"': "Fix: write http://h:8000/v1@qwen without them",
    "u:sk-R12SECRET@h:8000/v1@q": "Fix: write http://***@h:8000/v1@q",
    "https:h/v1@q": "Fix: write https://h/v1@q",
}


@pytest.mark.parametrize(("spec", "words"), JUDGES.items(), ids=JUDGES.keys())
def test_a_judge_url_written_wrong_names_the_url_to_write(spec, words):
    from pytest_llmeval.evaluation.judge import JudgeError, parse_judge_spec

    with pytest.raises(JudgeError) as caught:
        parse_judge_spec(spec)
    assert words in str(caught.value) and "R12SECRET" not in str(caught.value), str(caught.value)


@pytest.mark.parametrize(
    ("spec", "parsed"),
    [
        ("http://h:8000/v1@qwen", ("http://h:8000/v1", "qwen")),
        ("http://h:8000/v1/@Qwen/Qwen3-8B", ("http://h:8000/v1", "Qwen/Qwen3-8B")),
    ],
)
def test_a_judge_written_right_is_taken(spec, parsed):
    from pytest_llmeval.evaluation.judge import parse_judge_spec

    assert parse_judge_spec(spec) == parsed


# --------------------------------------------------------------------------------------- runs given as patterns
@pytest.mark.parametrize("ref", ["runs/*", "nightly-*", "runs/[0-9]*/results.json", ".llmeval/runs/00?"])
def test_a_run_given_as_a_pattern_that_matches_nothing_says_so(tmp_path, ref):
    from pytest_llmeval.results.runs import RunNotFound, resolve_run

    with pytest.raises(RunNotFound, match="a pattern that matches no file"):
        resolve_run(ref, tmp_path / "runs")
