"""Bad input, round 14: a wrong endpoint is a run-level fault; one wording of a context past the model's; the files a
run writes given where another is meant; files in another encoding; folders that are no chat model; images written
as text.

- a base URL without /v1 (or with another path), a model name the server does not serve (404) or a key it refuses
  (401) answer every case alike: each case was asked and its 404 worded again. Now the first such answer stops the
  model's remaining requests, as a dead server's do (`serving/run_faults.py`): each later case errors at once, "not
  asked", naming the first failure and its fix, and the run says so once. Another model's cases, answers the answer
  cache holds, and failures of other statuses (400, 403, 429, 5xx: the case's own, or passing) are not stopped;
- the context-length message said the length twice ("asks a context of 65,536 tokens, ... as --max-model-len 65536
  is longer than the model's 32768"): now once (round 12's `size` row pinned the repetition itself: updated);
- `report`/`compare`/`accept`/`rescore`/`merge` given a run's cases.jsonl, report.html, report.md or a JUnit XML
  said "not valid JSON (line 2): cut short" - now the file's kind and the results.json beside it; a --runs-dir that
  is a file said "no saved run 'last' in rep/results.json"; `help`, `--version` and a slip (`compre`) were "unknown
  command"; `runs --runs-dir typo` said only "no saved runs";
- a results.json, cases.jsonl or HTML report given as a scenario file got YAML's words ("unknown field
  'schema_version'", "the value holds ': '"): now what it is;
- a scenario or knowledge file in Big5 or Shift-JIS "read as GBK", one in UTF-16 without a byte-order mark or
  Windows-1252 named no encoding (a UTF-16 knowledge file without a mark was "a binary file"): now each is named,
  and the fix is the command that converts it (`iconv -f BIG5 -t UTF-8 ...`);
- a LoRA adapter folder, a tokenizer-only folder or a diffusers pipeline given as a model (plugin and `size`) was
  "no config.json ... not the folder above it"; a BERT, classifier or Whisper folder was launched, and every case
  failed at /chat/completions: each is now refused before launch with what it is and the fix;
- an image file holding a URL, a data: URI or base64 text was "plain text"; a WebP cut short "its first bytes are".

Decisions: 401 and 404 stop a model (every request gets them); 400 and 403 do not (a gateway's filter may refuse one
question). Cases already in flight (--llm-concurrency) when the first 404 comes are asked. `--llm-modle x`,
`--llm-max-tokens 2k` and `size --kv-cache-dtype FP8` keep pytest's / argparse's own message (it names the option and
the choices). An architecture is refused only from a list of encoders and classifier heads: a list of chat models
would go stale, and a false refusal has no way around it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_bad_input_round5 import no_wait  # noqa: F401 - autouse: a FIFO or /dev/zero read fails the test, not the run

from pytest_llmeval.serving.client import LLMRequestError

CASES = "".join(
    f"  - id: c{i}\n    category: d\n    question: 第{i}个问题\n    key_points: [答案{i}]\n" for i in range(1, 5)
)


# ------------------------------------------------------------------------ a wrong endpoint stops the model fast
class _Client:
    """A chat client stand-in: raises `error` (when given) on each request, and counts them."""

    def __init__(self, error: LLMRequestError | None = None) -> None:
        self.error = error
        self.asked = 0

    def complete(self, *args: Any, **kwargs: Any) -> Any:
        self.asked += 1
        if self.error is not None:
            raise self.error
        return "answer"


def _ask(faults: Any, client: _Client, model: str, times: int) -> list[str]:
    errors = []
    for _ in range(times):
        try:
            faults.guard(lambda: client, model)().complete([], 16)
            errors.append("")
        except LLMRequestError as exc:
            errors.append(str(exc))
    return errors


@pytest.mark.parametrize("status", [401, 404])
def test_a_run_level_status_stops_the_models_remaining_requests(status):
    from pytest_llmeval.serving.run_faults import EndpointFaults

    faults = EndpointFaults()
    client = _Client(LLMRequestError(f"http://h answered HTTP {status} for model 'm': Fix: x", "http", status))
    errors = _ask(faults, client, "m", 5)
    assert client.asked == 1, client.asked
    assert errors[0].startswith("http://h answered") and all(e.startswith("not asked") for e in errors[1:]), errors
    assert all(f"answered HTTP {status}" in e and "Fix: x" in e for e in errors)
    announced = faults.announce("m")
    assert announced is not None and "remaining cases error at once" in announced and faults.announce("m") is None


@pytest.mark.parametrize(
    ("status", "kind"), [(400, "http"), (403, "http"), (429, "http"), (500, "http"), (503, "http"), (None, "timeout")]
)
def test_a_failure_that_may_be_the_cases_own_stops_nothing(status, kind):
    from pytest_llmeval.serving.run_faults import EndpointFaults

    faults = EndpointFaults()
    client = _Client(LLMRequestError("failed", kind, status))
    errors = _ask(faults, client, "m", 4)
    assert client.asked == 4 and not any(e.startswith("not asked") for e in errors)
    assert faults.announce("m") is None


def test_one_models_wrong_endpoint_never_stops_another():
    from pytest_llmeval.serving.run_faults import EndpointFaults

    faults = EndpointFaults()
    wrong, right = _Client(LLMRequestError("404", "http", 404)), _Client()
    _ask(faults, wrong, "a", 3)
    assert _ask(faults, right, "b", 3) == ["", "", ""] and right.asked == 3 and wrong.asked == 1


def test_a_failed_start_still_raises_from_connect():
    """The guard connects as before: a server that does not start raises from there, not as a case's error."""
    from pytest_llmeval.serving.run_faults import EndpointFaults

    def connect() -> Any:
        raise RuntimeError("the server did not start")

    with pytest.raises(RuntimeError, match="did not start"):
        EndpointFaults().guard(connect, "m")()


def _chat_posts(fake: Any) -> int:
    return sum(1 for path, _ in fake.received if path.endswith("/chat/completions"))


def test_a_run_at_a_base_url_without_v1_asks_once_and_says_so_once(llm_project):
    from pytest_llmeval.testing.openai_fake import FakeServer

    llm_project.scenario("s.yaml", "cases:\n" + CASES)
    with FakeServer(chunks=2) as fake:
        result = llm_project.run(
            "--llm-base-url", fake.url, "--llm-model", "m", "--llm-warmup", "0", "--llm-concurrency", "1"
        )
        asked = _chat_posts(fake)
    out = result.stdout.str() + result.stderr.str()
    assert result.ret == 1 and "Traceback" not in out, out
    assert asked == 1, asked
    assert out.count("[llmeval] m: its endpoint answered HTTP 404, as it will every request") == 1, out
    # each case's own failure line (the short summary repeats them untruncated where CI is set: not counted)
    case_lines = [line for line in out.splitlines() if line.startswith("[m, norag] c")]
    assert sum("not asked (an earlier case got this answer" in line for line in case_lines) == 3, out
    assert f"write the base URL with /v1 at its end: {fake.url}/v1" in out
    records = [c for c in llm_project.results()["cases"]]
    assert len(records) == 4 and all(r["error"]["status"] == 404 for r in records)


def test_a_wrong_endpoint_of_one_model_leaves_the_others_asked(llm_project):
    from pytest_llmeval.testing.openai_fake import FakeServer

    llm_project.scenario("s.yaml", "cases:\n" + CASES)
    with FakeServer(chunks=2) as fake:
        result = llm_project.run(
            "--llm-model=a",
            "--llm-model=b",
            f"--llm-model-arg=a:base_url={fake.url}",
            f"--llm-model-arg=b:base_url={fake.base_url}",
            "--llm-warmup=0",
            "--llm-concurrency=1",
        )
        asked = _chat_posts(fake)
    cases = llm_project.results()["cases"]
    by_model = {m: [c for c in cases if c["model"] == m] for m in ("a", "b")}
    assert all(c["error"] is None for c in by_model["b"]), by_model["b"]
    assert all(c["error"]["status"] == 404 for c in by_model["a"])
    assert asked == 1 + 4, asked  # a's first case, b's four
    assert result.ret == 1


# ------------------------------------------------------------------- one wording of a context past the model's
def test_the_context_message_says_the_length_once(tmp_path, capsys, monkeypatch):
    from test_bad_input_round12 import model_folder, problem, size

    monkeypatch.delenv("VLLM_ALLOW_LONG_MAX_MODEL_LEN", raising=False)
    fields = {"num_hidden_layers": 2, "num_attention_heads": 4, "vocab_size": 100, "max_position_embeddings": 32768}
    folder = model_folder(tmp_path, **fields)
    plugin = problem(folder, max_model_len=65536) or ""
    _, sized = size([str(folder), "--max-model-len", "64K"], capsys)
    for message, where in ((plugin, "--llm-max-model-len 65536"), (sized, "--max-model-len 65536")):
        assert message.count(where) == 1 and message.count("65,536") == 1, message
        assert "is longer than the model's" not in message and "so vLLM refuses to start" in message, message


# ---------------------------------------------------------------------- the CLI given a run's other files
@pytest.fixture
def run_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A report folder as a run leaves it (the results.json's content is not read by these checks)."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "llmeval-report"
    folder.mkdir()
    (folder / "results.json").write_text("{}", encoding="utf-8")
    (folder / "cases.jsonl").write_text('{"model": "m", "scenario_id": "c1"}\n' * 2, encoding="utf-8")
    (folder / "report.html").write_text("<!DOCTYPE html><html></html>", encoding="utf-8")
    (folder / "report.md").write_text("# llmeval report\n", encoding="utf-8")
    (folder / "junit.xml").write_text('<?xml version="1.0"?><testsuites/>', encoding="utf-8")
    return folder


def cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from pytest_llmeval.__main__ import main

    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's --help and its usage errors
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


OTHER_FILES = {"cases.jsonl": "cases.jsonl", "report.html": "HTML report", "report.md": "Markdown report"}
OTHER_FILES["junit.xml"] = "XML report"
COMMANDS = {
    "report": lambda f: ["report", f],
    "short form": lambda f: [f],
    "compare base": lambda f: ["compare", f, "llmeval-report"],
    "compare new": lambda f: ["compare", "llmeval-report", f],
    "accept": lambda f: ["accept", f],
    "rescore": lambda f: ["rescore", f, "-o", "out"],
    "merge": lambda f: ["merge", f, "-o", "merged"],
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize(("name", "kind"), OTHER_FILES.items(), ids=OTHER_FILES.keys())
def test_a_runs_other_file_is_named_with_the_results_json_beside_it(run_dir, capsys, command, name, kind):
    code, out = cli(command(f"llmeval-report/{name}"), capsys)
    assert code == 2 and "Traceback" not in out, out
    assert f"llmeval-report/{name}: is a run's {kind}" in out and "not its results.json" in out, out
    assert "name the run's results.json beside it, llmeval-report/results.json" in out, out
    assert "not valid JSON" not in out


def test_a_cases_file_without_results_says_to_resume(run_dir, capsys):
    (run_dir / "results.json").unlink()
    code, out = cli(["report", "llmeval-report/cases.jsonl"], capsys)
    assert code == 2 and "rerun it with --llm-resume llmeval-report" in out, out


@pytest.mark.parametrize("command", ["report", "compare", "accept", "rescore"])
def test_a_runs_dir_that_is_a_file_is_named(run_dir, capsys, command):
    argv = {"compare": ["compare", "last", "last"]}.get(command, [command, "last"])
    code, out = cli([*argv, "--runs-dir", "llmeval-report/results.json"], capsys)
    assert code == 2 and "--runs-dir llmeval-report/results.json: is a file, not a folder" in out, out
    assert "no saved run" not in out


@pytest.mark.parametrize("typed", ["compre", "Compare", "reprot", "Report", "rescor", "merg", "sizee", "acept"])
def test_a_command_typed_with_a_slip_gets_the_one_meant(run_dir, capsys, typed):
    code, out = cli([typed, "x"], capsys)
    meant = {"compre": "compare", "reprot": "report", "rescor": "rescore", "merg": "merge", "sizee": "size"}
    expected = meant.get(typed, typed.lower().replace("acept", "accept"))
    assert code == 2 and f"(did you mean {expected!r}?)" in out, out


def test_a_word_close_to_no_command_gets_no_guess(run_dir, capsys):
    code, out = cli(["frobnicate"], capsys)
    assert code == 2 and "did you mean" not in out and "unknown command 'frobnicate'" in out


@pytest.mark.parametrize("argv", [["help"], ["--version"], ["-V"], ["version"], ["help", "compare"]])
def test_help_and_version_are_answered(run_dir, capsys, argv):
    code, out = cli(argv, capsys)
    assert code == 0 and "unknown command" not in out, out
    if "help" in argv and len(argv) == 1:
        assert "python -m pytest_llmeval report RUN" in out
    elif "help" in argv:
        assert "usage: python -m pytest_llmeval compare" in out
    else:
        assert out.startswith("pytest-llmeval ")


def test_runs_in_a_folder_that_is_not_there_says_so(run_dir, capsys):
    code, out = cli(["runs", "--runs-dir", "no-such-runs"], capsys)
    assert code == 0 and "no saved runs in no-such-runs (no such folder" in out, out


# -------------------------------------------------------------- a file of another kind given as a scenario file
def _scenario_error(path: Path) -> str:
    from pytest_llmeval.evaluation.scenarios import ScenarioError, load_scenarios

    with pytest.raises(ScenarioError) as err:
        load_scenarios([path])
    return str(err.value)


RUN_FILES = {
    "results.json": ('{\n  "schema_version": 2,\n  "run": {"run_id": "x"},\n  "cases": []\n}', "a run's results.json"),
    "cases.jsonl": ('{"model": "m", "scenario_id": "c1", "case_hash": "ab"}\n' * 2, "a run's cases.jsonl"),
    "report.html": ("<!DOCTYPE html>\n<html><head><title>llmeval: x</title></head></html>\n", "an HTML or XML file"),
    "junit.xml": (
        '<?xml version="1.0" encoding="utf-8"?>\n<testsuites><testsuite name="pytest"><testcase name="c1">'
        '<failure message="[m, norag] c1: FAILED: score 0"/></testcase></testsuite></testsuites>\n',
        "an HTML or XML file",
    ),
    "report.yaml": ("\ufeff<html>\n<style>body {margin: 0}</style>\n</html>\n", "an HTML or XML file"),
}


@pytest.mark.parametrize(("name", "body", "kind"), [(n, *v) for n, v in RUN_FILES.items()], ids=RUN_FILES.keys())
def test_a_file_a_run_wrote_given_as_scenarios_is_named(tmp_path, name, body, kind):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    message = _scenario_error(path)
    assert f"{path}: is {kind}" in message and "not a scenario file" in message, message
    assert "unknown field" not in message and "invalid YAML" not in message


@pytest.mark.parametrize(
    "body",
    [
        '{"cases": [{"id": "c1", "category": "d", "question": "q", "key_points": ["a"]}]}',
        "cases:\n  - id: c1\n    category: d\n    question: '<b>bold</b> is it?'\n    key_points: [a]\n",
        '{"suite": "run", "cases": [{"id": "c1", "category": "d", "question": "schema_version?", "key_points": [1]}]}',
    ],
)
def test_a_scenario_file_that_looks_like_one_is_still_read(tmp_path, body):
    from pytest_llmeval.evaluation.scenarios import load_scenarios

    path = tmp_path / "s.yaml"
    path.write_text(body, encoding="utf-8")
    assert [c.id for c in load_scenarios([path])] == ["c1"]


# ----------------------------------------------------------------------------- files in another encoding
SCENARIO = "cases:\n  - id: c1\n    category: {cat}\n    question: {q}\n    key_points: [{p}]\n"
ENCODED = {  # name: (bytes, the words naming the encoding, iconv's name)
    "GBK": (SCENARIO.format(cat="财务", q="净利润是多少？", p="利润").encode("gbk"), "GBK/GB18030", "GBK"),
    "GB18030": (SCENARIO.format(cat="财务", q="𠀀 净利润？", p="利润").encode("gb18030"), "GBK/GB18030", "GB18030"),
    "Big5": (SCENARIO.format(cat="財務", q="淨利潤是多少？", p="利潤").encode("big5"), "Big5", "BIG5"),
    "Shift-JIS": (
        SCENARIO.format(cat="財務", q="利益はいくらですか？", p="利益").encode("shift_jis"),
        "Shift-JIS",
        "SHIFT-JIS",
    ),
    "UTF-16 with a mark": (SCENARIO.format(cat="财务", q="利润？", p="利润").encode("utf-16"), "UTF-16", "UTF-16"),
    "UTF-16LE, no mark": (
        SCENARIO.format(cat="d", q="q", p="p").encode("utf-16-le"),
        "UTF-16 little-endian",
        "UTF-16LE",
    ),
    "UTF-16BE, no mark": (
        SCENARIO.format(cat="d", q="q", p="p").encode("utf-16-be"),
        "UTF-16 big-endian",
        "UTF-16BE",
    ),
    "Windows-1252": (
        SCENARIO.format(cat="d", q="“Net” profit – 2023?", p="profit").encode("cp1252"),
        "Windows-1252",
        "WINDOWS-1252",
    ),
    "Latin-1": (
        SCENARIO.format(cat="café", q="¿Beneficio?", p="beneficio").encode("latin-1"),
        "Windows-1252/Latin-1",
        "WINDOWS-1252",
    ),
}


@pytest.mark.parametrize(("raw", "words", "iconv"), ENCODED.values(), ids=ENCODED.keys())
def test_a_scenario_in_another_encoding_names_it_and_the_command_that_converts_it(tmp_path, raw, words, iconv):
    path = tmp_path / "我的 cases.yaml"
    path.write_bytes(raw)
    message = _scenario_error(path)
    assert words in message and "Fix: save it as UTF-8" in message, message
    assert f"iconv -f {iconv} -t UTF-8 '{path}' > '{path}.utf8' && mv '{path}.utf8' '{path}'" in message, message


@pytest.mark.parametrize(("raw", "words", "iconv"), ENCODED.values(), ids=ENCODED.keys())
def test_the_command_converts_the_file_to_what_it_meant(tmp_path, raw, words, iconv):
    """The encoding named is the one the file is in: decoded with it, the file reads as the case."""
    from pytest_llmeval.textfiles import guess_encoding

    guess = guess_encoding(raw)
    assert guess is not None and guess[1] == iconv
    python_name = {"SHIFT-JIS": "shift_jis", "WINDOWS-1252": "cp1252"}.get(iconv, iconv)
    text = raw.decode(python_name)
    assert text.lstrip("\ufeff").startswith("cases:\n  - id: c1")


@pytest.mark.parametrize(
    "raw",
    [bytes(range(256)), b"\x00\x01\x02\x03" * 64, b"\x89PNG\r\n\x1a\n" + bytes(100), b"\xff\xfe\xfd" * 10],
    ids=["all bytes", "binary", "a PNG", "noise"],
)
def test_binary_bytes_name_no_text_encoding(raw):
    from pytest_llmeval.textfiles import guess_encoding

    guess = guess_encoding(raw)
    assert guess is None or "Western European" not in guess[0], guess


@pytest.mark.parametrize(("raw", "words", "iconv"), ENCODED.values(), ids=ENCODED.keys())
def test_a_knowledge_document_in_another_encoding_names_it(tmp_path, raw, words, iconv):
    from pytest_llmeval.rag.documents import DocumentError, load_documents

    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "a.md").write_bytes(raw)
    with pytest.raises(DocumentError) as err:
        load_documents([folder])
    message = str(err.value)
    assert words in message and f"iconv -f {iconv} -t UTF-8" in message and "binary" not in message, message


# -------------------------------------------------------------------------- folders that are no chat model
def _folder(root: Path, files: dict[str, str]) -> Path:
    folder = root / "m"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


ADAPTER = json.dumps({"base_model_name_or_path": "Qwen/Qwen3-8B", "peft_type": "LORA", "r": 8})
NOT_A_MODEL = {  # name: (files, the words)
    "a LoRA adapter": (
        {"adapter_config.json": ADAPTER, "adapter_model.safetensors": "x"},
        ["a LoRA adapter of Qwen/Qwen3-8B", "vllm serve Qwen/Qwen3-8B --enable-lora --lora-modules NAME="],
    ),
    "a LoRA adapter with no base named": (
        {"adapter_config.json": "{}", "adapter_model.bin": "x"},
        ["a LoRA adapter (adapter_config.json)", "vllm serve BASE_MODEL --enable-lora"],
    ),
    "a tokenizer alone": (
        {"tokenizer.json": "{}", "tokenizer_config.json": "{}", "special_tokens_map.json": "{}"},
        ["holds a tokenizer alone (tokenizer.json, tokenizer_config.json)", "download the whole model"],
    ),
    "a sentencepiece tokenizer alone": ({"tokenizer.model": "x"}, ["holds a tokenizer alone (tokenizer.model)"]),
    "a diffusers pipeline": ({"model_index.json": "{}"}, ["a diffusers pipeline (model_index.json)"]),
}


@pytest.mark.parametrize(("files", "words"), NOT_A_MODEL.values(), ids=NOT_A_MODEL.keys())
def test_a_folder_that_is_no_model_is_named_by_the_plugin(tmp_path, files, words):
    from pytest_llmeval.serving.models import model_source_problem, parse_model

    folder = _folder(tmp_path, files)
    problem = model_source_problem(parse_model(str(folder)), [], {}) or ""
    assert f"--llm-model {folder}: " in problem and all(w in problem for w in words), problem
    assert "not the folder above it" not in problem


@pytest.mark.parametrize(("files", "words"), NOT_A_MODEL.values(), ids=NOT_A_MODEL.keys())
def test_a_folder_that_is_no_model_is_named_by_size(tmp_path, capsys, files, words):
    from test_bad_input_round12 import size

    folder = _folder(tmp_path, files)
    code, out = size([str(folder)], capsys)
    assert code == 2 and all(w in out for w in words) and "config.json: missing" not in out, out


LLAMA = {"model_type": "llama", "architectures": ["LlamaForCausalLM"], "max_position_embeddings": 4096}
CHATLESS = {
    "BERT": {"model_type": "bert", "architectures": ["BertModel"]},
    "XLM-RoBERTa (an embedder)": {"model_type": "xlm-roberta", "architectures": ["XLMRobertaModel"]},
    "a cross-encoder reranker": {"model_type": "xlm-roberta", "architectures": ["XLMRobertaForSequenceClassification"]},
    "a Qwen reward model": {"model_type": "qwen2", "architectures": ["Qwen2ForSequenceClassification"]},
    "a masked LM": {"model_type": "roberta", "architectures": ["RobertaForMaskedLM"]},
    "Whisper": {"model_type": "whisper", "architectures": ["WhisperForConditionalGeneration"]},
    "a token classifier": {"model_type": "deberta-v2", "architectures": ["DebertaV2ForTokenClassification"]},
    "CLIP": {"model_type": "clip", "architectures": ["CLIPModel"]},
}
CHAT = {
    "Llama": LLAMA,
    "Qwen3": {"model_type": "qwen3", "architectures": ["Qwen3ForCausalLM"]},
    "ChatGLM (a *Model name)": {"model_type": "chatglm", "architectures": ["ChatGLMModel"]},
    "Qwen2-VL": {"model_type": "qwen2_vl", "architectures": ["Qwen2VLForConditionalGeneration"]},
    "LLaVA (a CLIP tower inside)": {
        "model_type": "llava",
        "architectures": ["LlavaForConditionalGeneration"],
        "vision_config": {"model_type": "clip_vision_model"},
    },
    "GPT-2": {"model_type": "gpt2", "architectures": ["GPT2LMHeadModel"]},
    "no architectures": {"model_type": "mistral"},
    "an unknown custom model": {"model_type": "mymodel", "architectures": ["MyModelForAnything"]},
}


@pytest.mark.parametrize("config", CHATLESS.values(), ids=CHATLESS.keys())
def test_a_folder_of_no_chat_model_is_refused_before_launch(tmp_path, config):
    from pytest_llmeval.config.checks import model_config_problem
    from pytest_llmeval.serving.models import parse_model

    folder = _folder(tmp_path, {"config.json": json.dumps(config), "model.safetensors": "x"})
    problem = model_config_problem(parse_model(str(folder)), []) or ""
    assert f"--llm-model {folder}: its config.json names {config['architectures'][0]}" in problem, problem
    assert "not for chat" in problem and "--rag-embedder or --rag-reranker" in problem


@pytest.mark.parametrize("config", CHAT.values(), ids=CHAT.keys())
def test_a_chat_model_folder_is_not_refused(tmp_path, config):
    from pytest_llmeval.config.checks import model_config_problem
    from pytest_llmeval.serving.models import parse_model

    folder = _folder(tmp_path, {"config.json": json.dumps(config), "model.safetensors": "x"})
    assert model_config_problem(parse_model(str(folder)), []) is None


def test_a_bert_folder_stops_the_run_before_any_server(llm_project, tmp_path):
    from test_input_fuzz import one_usage_error

    llm_project.scenario("s.yaml", "cases:\n" + CASES)
    folder = _folder(tmp_path, {"config.json": json.dumps(CHATLESS["BERT"]), "model.safetensors": "x"})
    one_usage_error(llm_project.run(f"--llm-model={folder}"), "its config.json names BertModel", "Fix:")


# ---------------------------------------------------------------------------------- images written as text
IMAGES_AS_TEXT = {
    "a URL": (b"https://example.com/receipt.png\n", "a text file holding a URL"),
    "a data: URI": (b"data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==", "a data: URI"),
    "base64 of a PNG": (b"iVBORw0KGgoAAAANSUhEUgAAAAgAAAAI\n", "base64 text of a PNG image"),
    "base64 of a JPEG": (b"/9j/4AAQSkZJRgABAQAAAQABAAD/2wBD", "base64 text of a JPEG image"),
    "a WebP cut short": (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "a WebP file that is cut short or damaged"),
    "an MP4": (b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2", "an MP4 file"),
}


@pytest.mark.parametrize(("raw", "words"), IMAGES_AS_TEXT.values(), ids=IMAGES_AS_TEXT.keys())
def test_an_image_written_as_text_says_what_it_holds(tmp_path, raw, words):
    from pytest_llmeval.vision.images import ImageError, load_image

    path = tmp_path / "receipt.png"
    path.write_bytes(raw)
    with pytest.raises(ImageError) as err:
        load_image(path)
    assert words in str(err.value) and "plain text" not in str(err.value), str(err.value)


def test_text_that_merely_starts_like_base64_is_plain_text(tmp_path):
    from pytest_llmeval.vision.images import ImageError, load_image

    path = tmp_path / "a.png"
    path.write_bytes(b"Qk is not base64, it has spaces\n")
    with pytest.raises(ImageError) as err:
        load_image(path)
    assert "plain text" in str(err.value)
