"""Bad input, round 10: numbers out of range, files too large or of the wrong kind, one setting spelt two ways.

- a knowledge folder holding only .pdf/.docx (or other types the retriever does not read) was "no documents
  (.markdown, .md, .txt)": now the files found are named, with why they are not read and to convert them; so are a
  folder of hidden files only, of the jieba dictionaries only, and an empty folder;
- a 300 MB (sparse) document was read whole before its NUL bytes refused it, and a dataset file or a jieba
  dictionary of any size was read whole: each is now refused by its size first, naming the file and the limit;
- `trap.penalty: 200` (or 101, or 0.25 meant as 25%) was taken; `tolerance: 1e400` (inf once a float: every number
  matched) and `tolerance: 150%` (0 matched a key figure) were taken; `threshold: 60%` was "is not a number";
  `temperature:` or `repeat:` in a case was "unknown field" with the case's keys;
- `size --block-size 7` was sized (vLLM's GPU attention backends take multiples of 16); `--gpu 81920` (MiB typed
  for GiB) sized an 80 TiB GPU; a `--reserve-gib` of the whole GPU or more made every row "does not fit";
- `--llm-request-timeout 1e10` errored every request (a socket timeout past the platform's time_t), and
  `--llm-temperature 1e308` was sent;
- the spec error read "--rag-embedder: invalid value 'x' for --rag-embedder: ..." (the flag twice);
- `--llm-max-model-len 4096` and `--llm-vllm-arg=--max-model-len=4096` (and dtype, quantization, the reasoning
  parser and the chat template given either way) start the same server but keyed the answer cache apart.

Decisions: the document limit is 16 MiB (about 8 million Chinese characters or a 4,000-page book as text: 40,000
chunks to embed - a larger file is a data dump, a log or a binary, and it is split into documents); datasets and
dictionaries get 64 MiB (a benchmark's index of rows, jieba's own dictionary is 9 MB). A penalty is 0-100 points
(100 already takes the whole score) and one between 0 and 1 reads as a fraction, as a threshold does. The
temperature is at most 2 (the OpenAI API's range, which cloud APIs enforce; above it answers are noise).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_bad_input_round5 import no_wait  # noqa: F401 - autouse: a FIFO or /dev/zero read fails the test, not the run
from test_bad_input_round7 import LLAMA, scenario_error
from test_input_fuzz import one_usage_error, project  # noqa: F401 - project: a fixture

from pytest_llmeval.evaluation.scenarios import ScenarioError, load_scenarios
from pytest_llmeval.rag.documents import DocumentError, load_documents
from pytest_llmeval.rag.spec import parse_embedder_spec, parse_reranker_spec
from pytest_llmeval.serving.server import ServerSettings

MIB = 2**20
DEAD_URL = "http://127.0.0.1:9/v1"  # nothing listens: a run that reached a request would fail there


def case_with(*lines: str) -> str:
    """A file of one case whose id, category and question are set, with `lines` (indented) after them."""
    return "cases:\n  - id: c1\n    category: d\n    question: q\n" + "".join(f"    {line}\n" for line in lines)


def sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no disk (all NUL bytes when read)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.truncate(size)
    return path


# ------------------------------------------------------------------------- a knowledge folder with no document
def knowledge_error(paths: list[Path]) -> str:
    from pytest_llmeval.config.checks import check_knowledge

    with pytest.raises(pytest.UsageError) as caught:
        check_knowledge(paths, given=True)
    return str(caught.value)


UNREAD = {  # name: (files, words)
    "a pdf": (["report.pdf"], ["report.pdf", "not read", "convert them to .md or .txt"]),
    "a docx": (["年报.docx"], ["年报.docx", "convert them to .md or .txt"]),
    "pdf and docx": (["a.pdf", "b.docx"], ["a.pdf", "b.docx", "2 files"]),
    "in subfolders": (["banks/huaxin.pdf", "funds/a.xlsx"], ["banks/huaxin.pdf", "funds/a.xlsx"]),
    "a doc": (["old.doc"], ["old.doc"]),
    "a pptx": (["deck.pptx"], ["deck.pptx"]),
    "html": (["page.html"], ["page.html", "convert them to .md or .txt"]),
    "rtf": (["memo.rtf"], ["memo.rtf"]),
    "csv and json": (["t.csv", "t.json"], ["t.csv", "t.json"]),
    "an editor backup": (["a.md~"], ["a.md~"]),
    "no suffix": (["README"], ["README"]),
    "rst": (["guide.rst"], ["guide.rst"]),
}


@pytest.mark.parametrize(("files", "words"), UNREAD.values(), ids=UNREAD.keys())
def test_a_knowledge_folder_of_unread_types_names_them(tmp_path, files, words):
    """It was "no documents (.markdown, .md, .txt) to retrieve from", with the files the user put there unnamed."""
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"%PDF-1.7\n")
    message = knowledge_error([tmp_path])
    assert all(word in message for word in words), message
    assert "only .md, .markdown and .txt files are read" in message and "Fix:" in message, message


def test_many_unread_files_are_counted_not_all_listed(tmp_path):
    for n in range(40):
        (tmp_path / f"r{n:02}.pdf").write_bytes(b"%PDF")
    message = knowledge_error([tmp_path])
    assert "40 files" in message and "r00.pdf" in message and "and 35 more" in message, message
    assert "r39.pdf" not in message and len(message) < 600, message


OTHER_EMPTY = {  # name: (setup, words)
    "an empty folder": (lambda root: None, "the folder is empty"),
    "hidden files only": (
        lambda root: (root / ".draft.md").write_text("x"),
        "only hidden files (names starting with '.'), which are not read",
    ),
    "the dictionary only": (
        lambda root: (root / "custom_dict.txt").write_text("华信银行 100 nt\n"),
        "only custom_dict.txt, a word list of the tokenizer",
    ),
    "an empty subfolder": (lambda root: (root / "sub").mkdir(), "the folder is empty"),
}


@pytest.mark.parametrize(("setup", "words"), OTHER_EMPTY.values(), ids=OTHER_EMPTY.keys())
def test_a_knowledge_folder_without_documents_says_what_it_holds(tmp_path, setup, words):
    setup(tmp_path)
    message = knowledge_error([tmp_path])
    assert words in message and "Fix:" in message, message


def test_the_retriever_itself_names_the_unread_files(tmp_path):
    """The library's own error (a RAG pipeline built from code) was "no .md/.txt documents found under [...]"."""
    from pytest_llmeval.rag.documents import no_documents_problem

    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    assert "a.pdf" in no_documents_problem([tmp_path]), no_documents_problem([tmp_path])


def test_a_folder_with_one_document_among_pdfs_is_still_read(tmp_path):
    from pytest_llmeval.config.checks import check_knowledge

    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "b.md").write_text("# b\n\nx\n", encoding="utf-8")
    check_knowledge([tmp_path], given=True)
    assert [doc.doc_id for doc in load_documents([tmp_path])] == ["b.md"]


# ------------------------------------------------------------------------------------------- files too large
def test_a_huge_document_is_refused_by_its_size_before_it_is_read(tmp_path, monkeypatch):
    """A 300 MB sparse file was read whole (300 MB of memory) before its NUL bytes refused it."""
    big = sparse(tmp_path / "dump.md", 300 * MIB)

    def never(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", never)
    with pytest.raises(DocumentError) as caught:
        load_documents([tmp_path])
    message = str(caught.value)
    assert message.startswith(f"{big}: ") and "is 300.0 MiB, over the 16 MiB limit of a document" in message, message
    assert "Fix: split it into documents" in message, message


@pytest.mark.parametrize("size", [16 * MIB + 1, 17 * MIB, 2**40])
def test_a_document_past_the_limit_is_refused(tmp_path, size):
    sparse(tmp_path / "a.txt", size)
    with pytest.raises(DocumentError, match="over the 16 MiB limit"):
        load_documents([tmp_path / "a.txt"])


def test_a_document_at_the_limit_is_read(tmp_path):
    (tmp_path / "a.md").write_bytes(b"# a\n\n" + b"x" * (16 * MIB - 5))
    assert len(load_documents([tmp_path])[0].text) == 16 * MIB


def test_a_huge_document_is_a_usage_error_at_start(tmp_path):
    from pytest_llmeval.config.checks import check_documents_readable

    sparse(tmp_path / "dump.md", 100 * MIB)
    with pytest.raises(pytest.UsageError) as caught:
        check_documents_readable([tmp_path], [], given=True)
    assert "--rag-knowledge: " in str(caught.value) and "over the 16 MiB limit" in str(caught.value)


@pytest.mark.parametrize("kind", ["jsonl", "ocrbench"])
def test_a_huge_dataset_file_is_refused_by_its_size(tmp_path, kind, monkeypatch):
    from pytest_llmeval.vision.datasets import DatasetError, load_dataset

    target = tmp_path / "rows.jsonl" if kind == "jsonl" else tmp_path / "ocr" / "OCRBench.json"
    sparse(target, 300 * MIB)
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: pytest.fail(f"{self} was read"))
    spec = f"jsonl:{target}" if kind == "jsonl" else f"ocrbench:{target.parent}"
    with pytest.raises(DatasetError) as caught:
        load_dataset(spec)
    message = str(caught.value)
    assert f"{target}: is 300.0 MiB, over the 64 MiB limit of a dataset file" in message and "Fix:" in message


def test_a_huge_dictionary_is_refused_by_its_size(tmp_path):
    from pytest_llmeval.config.checks import check_rag_files

    sparse(tmp_path / "dict.txt", 200 * MIB)
    with pytest.raises(pytest.UsageError) as caught:
        check_rag_files(None, [tmp_path / "dict.txt"])
    assert "--rag-dict" in str(caught.value) and "over the 64 MiB limit" in str(caught.value), str(caught.value)


def test_a_huge_template_is_refused_by_its_size(tmp_path):
    from pytest_llmeval.config.checks import check_rag_files

    sparse(tmp_path / "t.txt", 50 * MIB)
    with pytest.raises(pytest.UsageError) as caught:
        check_rag_files(tmp_path / "t.txt", [])
    assert "--rag-template" in str(caught.value) and "over the 1 MiB limit" in str(caught.value), str(caught.value)


def test_a_huge_scenario_file_is_refused_by_its_size(tmp_path, monkeypatch):
    """A 300 MB sparse `big.yaml` was read whole, decoded and handed to the YAML parser."""
    big = sparse(tmp_path / "big.yaml", 300 * MIB)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    with pytest.raises(ScenarioError) as caught:
        load_scenarios([big])
    message = str(caught.value)
    assert message.startswith(f"{big}: is 300.0 MiB, over the 16 MiB limit of a scenario file"), message
    assert "Fix: split the cases" in message, message


SMALL_FILES = {  # name: (the check, its arguments from the file, the flag and limit named)
    "chat template": ("check_chat_template", lambda f: (str(f),), "--llm-chat-template", "1 MiB limit"),
    "URL file": ("check_url_files", lambda f: ("--llm-base-url", [f"@{f}"]), "--llm-base-url @", "1 MiB limit"),
    "bench prompts": ("check_prompt_file", lambda f: (f,), "--llm-bench-prompt-file", "64 MiB limit"),
}


@pytest.mark.parametrize(("check", "args", "flag", "limit"), SMALL_FILES.values(), ids=SMALL_FILES.keys())
def test_a_huge_file_an_option_reads_whole_is_refused_by_its_size(tmp_path, monkeypatch, check, args, flag, limit):
    from pytest_llmeval.config import checks

    big = sparse(tmp_path / "big.txt", 200 * MIB)
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: pytest.fail(f"{self} was read"))
    with pytest.raises(pytest.UsageError) as caught:
        getattr(checks, check)(*args(big))
    message = str(caught.value)
    assert message.startswith(flag) and f"is 200.0 MiB, over the {limit}" in message and "Fix:" in message, message


DOCUMENT_FORMATS = {  # name: (file name, first bytes, words)
    "a PDF named .md": ("report.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "it is a PDF"),
    "a PDF given directly": ("report.pdf", b"%PDF-1.4\n\x00\x01", "it is a PDF"),
    "a docx given directly": ("年报.docx", b"PK\x03\x04\x14\x00\x06\x00", "it is a ZIP archive (a .docx"),
    "an xlsx named .txt": ("t.txt", b"PK\x03\x04\x14\x00", "it is a ZIP archive"),
    "an old .doc": ("memo.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "it is an old Office file"),
}


@pytest.mark.parametrize(("name", "head", "words"), DOCUMENT_FORMATS.values(), ids=DOCUMENT_FORMATS.keys())
def test_a_document_in_another_format_says_which_and_to_convert_it(tmp_path, name, head, words):
    """A .docx or PDF given (or named .md) was "not valid UTF-8 text" or "a binary file", its format unnamed."""
    (tmp_path / name).write_bytes(head + b"\x00rest")
    with pytest.raises(DocumentError) as caught:
        load_documents([tmp_path / name])
    message = str(caught.value)
    assert words in message and "Fix: convert it to .md or .txt" in message, message


def test_a_zip_of_documents_given_directly_says_to_unzip_it(tmp_path):
    (tmp_path / "kb.zip").write_bytes(b"PK\x03\x04\x14\x00\x00\x00")
    with pytest.raises(DocumentError) as caught:
        load_documents([tmp_path / "kb.zip"])
    assert "it is a ZIP archive" in str(caught.value) and "Fix: unzip it and pass the folder" in str(caught.value)


# --------------------------------------------------------------------------------------- scenario numbers
PENALTIES = {  # written: words
    "200": "200 is more than 100 points",
    "101": "101 is more than 100 points",
    "1000": "1000 is more than 100 points",
    "1e6": "1e+06 is more than 100 points",
    "0.25": "0.25 looks like a fraction, but the penalty is in points (0-100)",
    "0.5": "looks like a fraction",
    "0.99": "looks like a fraction",
    "25%": "write the penalty without '%'",
    "'25 %'": "write the penalty without '%'",
}


@pytest.mark.parametrize(("written", "words"), PENALTIES.items(), ids=PENALTIES.keys())
def test_a_penalty_out_of_range_is_refused(tmp_path, written, words):
    """`penalty: 200` was taken (a score of 0 for any forbidden claim, the penalty 100 is); `0.25` meant 25 points
    and took a quarter of one."""
    message = scenario_error(tmp_path, case_with("key_points: [a]", f"trap: {{forbidden: [x], penalty: {written}}}"))
    assert "field 'trap.penalty': " in message and words in message, message


def test_a_penalty_out_of_range_in_defaults_is_refused(tmp_path):
    text = "defaults: {trap: {forbidden: [x], penalty: 200}}\n" + case_with("key_points: [a]")
    message = scenario_error(tmp_path, text)
    # the defaults' field, not the first case's (the value is written under `defaults:`)
    assert "field 'defaults.trap.penalty': 200 is more than 100 points" in message, message


@pytest.mark.parametrize("written", ["0", "1", "25", "99.5", "100", "'40'"])
def test_a_penalty_in_points_is_taken(tmp_path, written):
    path = tmp_path / "s.yaml"
    path.write_text(case_with("key_points: [a]", f"trap: {{forbidden: [x], penalty: {written}}}"), encoding="utf-8")
    trap = load_scenarios([path])[0].trap
    assert trap is not None and trap.penalty == float(written.strip("'"))


@pytest.mark.parametrize(("written", "meant"), [("60%", "60"), ("'75 %'", "75"), ("６０%", "６０")])
def test_a_threshold_with_a_percent_sign_says_to_drop_it(tmp_path, written, meant):
    """It was "'60%' is not a number"."""
    message = scenario_error(tmp_path, case_with("key_points: [a]", f"threshold: {written}"))
    assert "field 'threshold': " in message and "write the threshold without '%'" in message, message
    assert f"'threshold: {meant}'" in message, message


TOLERANCES = {  # written: words
    "1e400": "'1e400' is too large",
    "1e400%": "'1e400%' is too large",
    "100%": "a relative tolerance of 100% or more",
    "150%": "a relative tolerance of 100% or more",
    "1000 %": "a relative tolerance of 100% or more",
}


@pytest.mark.parametrize(("written", "words"), TOLERANCES.items(), ids=TOLERANCES.keys())
@pytest.mark.parametrize("where", ["case", "key point"])
def test_a_tolerance_that_matches_any_number_is_refused(tmp_path, written, words, where):
    """`tolerance: 1e400` was inf as a float (every number matched the key figure); `150%` matched 0 and any figure
    up to 2.5 times it."""
    if where == "case":
        text = case_with("key_points: ['12.5']", f"tolerance: '{written}'")
        field = "tolerance"
    else:
        text = case_with("key_points:", "  - point: '12.5'", f"    tolerance: '{written}'")
        field = "key_points[0].tolerance"
    message = scenario_error(tmp_path, text)
    assert f"field '{field}': " in message and words in message, message


@pytest.mark.parametrize("written", ["0", "0.5", "1e9", "1%", "50%", "99.9%"])
def test_a_tolerance_in_range_is_taken(tmp_path, written):
    path = tmp_path / "s.yaml"
    path.write_text(case_with("key_points: ['12.5']", f"tolerance: '{written}'"), encoding="utf-8")
    assert load_scenarios([path])[0].numbers.tolerance == written


RUN_SETTINGS = {  # key: the option named
    "temperature": "--llm-temperature",
    "repeat": "--llm-repeat",
    "repeats": "--llm-repeat",
    "max_model_len": "--llm-max-model-len",
    "model": "--llm-model",
    "top_k": "--rag-top-k",
}


@pytest.mark.parametrize(("key", "flag"), RUN_SETTINGS.items(), ids=RUN_SETTINGS.keys())
@pytest.mark.parametrize("where", ["case", "defaults", "top"])
def test_a_run_setting_in_a_scenario_file_names_its_option(tmp_path, key, flag, where):
    """`temperature: 0.7` in a case was "unknown field" with the case's keys: it is a setting of the run."""
    line = f"{key}: 3"
    text = {
        "case": case_with("key_points: [a]", line),
        "defaults": f"defaults: {{{line}}}\n" + case_with("key_points: [a]"),
        "top": f"{line}\n" + case_with("key_points: [a]"),
    }[where]
    message = scenario_error(tmp_path, text)
    assert "a setting of the run, not of a scenario file" in message and flag in message, message


# -------------------------------------------------------------------------------------------------- size CLI
@pytest.fixture
def llama(tmp_path, monkeypatch) -> Path:
    import json

    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "config.json").write_text(json.dumps(LLAMA), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "m"


def size(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from pytest_llmeval.__main__ import main

    code = main(["size", *argv])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("block", ["7", "1", "8", "24", "100", "17", "40"])
def test_size_refuses_a_block_size_no_gpu_backend_takes(llama, capsys, block):
    """`--block-size 7` was sized: vLLM's GPU attention backends take multiples of 16 (FlashAttention, Triton,
    FlexAttention; FlashInfer 16, 32, 64)."""
    code, err = size(["m", "--block-size", block], capsys)
    assert code == 2 and err.startswith(f"error: --block-size {block} is not a multiple of 16"), err
    assert "Fix: e.g. --block-size 16" in err, err


@pytest.mark.parametrize("block", ["16", "32", "48", "64", "128", "256"])
def test_size_takes_a_block_size_of_16s(llama, capsys, block):
    code, err = size(["m", "--block-size", block], capsys)
    assert code == 0, err


@pytest.mark.parametrize(
    ("gpu", "words"),
    [
        ("81920", "--gpu size '81920' is 80 TiB"),  # MiB typed for GiB
        ("81920GiB", "looks like MiB"),
        ("143771", "looks like MiB"),
        ("24000GB", "is 23 TiB"),
        ("4096GiB", "more than any GPU"),
    ],
)
def test_size_refuses_a_gpu_size_no_gpu_has(llama, capsys, gpu, words):
    """`--gpu 81920` (nvidia-smi's MiB) sized an 80 TiB GPU: every model fit."""
    code, err = size(["m", "--gpu", gpu], capsys)
    assert code == 2 and words in err and "Fix:" in err, err


@pytest.mark.parametrize("gpu", ["48GiB", "80", "288GB", "1024GiB", "0.5GiB"])
def test_size_takes_a_real_gpu_size(llama, capsys, gpu):
    code, err = size(["m", "--gpu", gpu], capsys)
    assert code == 0, err


@pytest.mark.parametrize(("reserve", "gpu"), [("80", "A100-80GB"), ("1536", "A100-80GB"), ("40", "A100-40GB")])
def test_size_refuses_a_reserve_of_the_whole_gpu(llama, capsys, reserve, gpu):
    """`--reserve-gib 1536` (MiB meant) made every row "does not fit" - a verdict about the option, not the model."""
    code, err = size(["m", "--gpu", gpu, "--reserve-gib", reserve], capsys)
    assert code == 2 and err.startswith(f"error: --reserve-gib {reserve} is as much as") and "Fix:" in err, err


@pytest.mark.parametrize("reserve", ["0", "1.5", "4", "20"])
def test_size_takes_a_real_reserve(llama, capsys, reserve):
    code, err = size(["m", "--reserve-gib", reserve], capsys)
    assert code == 0, err


# --------------------------------------------------------------------------------------- pytest options
def option_problem(flag: str, value: object) -> str | None:
    from pytest_llmeval.config.options import OPTIONS, value_problem

    opt = next(o for o in OPTIONS if o.flag == flag)
    return value_problem(opt, value)


@pytest.mark.parametrize("flag", ["--llm-request-timeout", "--llm-startup-timeout"])
@pytest.mark.parametrize("value", [1e10, 99999999999.0, 1e308, 604801.0])
def test_a_timeout_past_a_week_is_refused(flag, value):
    """`--llm-request-timeout 1e10` errored every request: the socket's timeout overflows the platform's time_t."""
    problem = option_problem(flag, value)
    assert problem is not None and "at most 604800 seconds (7 days)" in problem and "Fix:" in problem, problem


@pytest.mark.parametrize("flag", ["--llm-request-timeout", "--llm-startup-timeout"])
@pytest.mark.parametrize("value", [0.5, 600.0, 3600.0, 604800.0])
def test_a_real_timeout_is_taken(flag, value):
    assert option_problem(flag, value) is None


def test_a_timeout_past_a_week_from_the_ini_file_is_a_usage_error_naming_the_key(project):  # noqa: F811
    project.pytester.makeini("[pytest]\nllm_request_timeout = 1e10\n")
    one_usage_error(
        project.run("--collect-only", "--llm-model=m1", f"--llm-base-url={DEAD_URL}"),
        "ini key llm_request_timeout",
        "at most 604800 seconds (7 days)",
        "Fix:",
    )


@pytest.mark.parametrize("value", [2.5, 7.0, 70.0, 1e308])
def test_a_temperature_past_2_is_refused(value):
    problem = option_problem("--llm-temperature", value)
    assert problem is not None and "at most 2" in problem and "Fix:" in problem, problem


@pytest.mark.parametrize("value", [0.0, 0.7, 1.0, 2.0])
def test_a_temperature_in_range_is_taken(value):
    assert option_problem("--llm-temperature", value) is None


# ------------------------------------------------------------------------------------ RAG component errors
BAD_SPECS = [
    (parse_embedder_spec, "--rag-embedder", value)
    for value in ["bogus:x", "", "/models/bge-m3", "BAAI/bge-m3", "http://h:8000/v1", "openai:http://h/v1", "flag:"]
] + [
    (parse_reranker_spec, "--rag-reranker", value)
    for value in ["bogus", "off", "false", "openai:http://h:8000/v1@rr", "vllm:http://h/v1", "/models/reranker"]
]


@pytest.mark.parametrize(("parse", "flag", "value"), BAD_SPECS)
def test_a_component_spec_error_names_its_flag_once(parse, flag, value):
    """It read "--rag-embedder: invalid value 'x' for --rag-embedder: ..."."""
    with pytest.raises(ValueError) as caught:
        parse(value, option=flag)
    message = str(caught.value)
    assert message.count(flag) == 1 and f"invalid value {value!r} for {flag}: " in message, message


def test_a_component_spec_from_the_ini_file_is_still_named_by_its_key(tmp_path):
    """The ini file and key go first (round 8): with the flag no longer opening the message, they still do."""
    from types import SimpleNamespace

    from pytest_llmeval.config.loading import named_by_its_ini_key

    config = SimpleNamespace(
        getoption=lambda dest: None,
        getini=lambda key: "/models/bge-m3" if key == "rag_embedder" else "",
        inipath=tmp_path / "tox.ini",
        rootpath=tmp_path,
    )
    message = "invalid value '/models/bge-m3' for --rag-embedder: a local model folder needs 'flag:' in front"
    assert named_by_its_ini_key(config, message).startswith(f"tox.ini, ini key rag_embedder: {message}")  # type: ignore[arg-type]


# ------------------------------------------------------------------------------- the answer cache's identity
def launched(**fields: object) -> dict[str, object]:
    from pytest_llmeval.serving.identity import launch_identity

    return launch_identity(ServerSettings(**fields))  # type: ignore[arg-type]


SAME_SERVER = {  # name: (plugin settings, the same as vLLM arguments)
    "max-model-len": ({"max_model_len": 4096}, ["--max-model-len=4096"]),
    "max-model-len, two words": ({"max_model_len": 4096}, ["--max-model-len", "4096"]),
    "max_model_len": ({"max_model_len": 4096}, ["--max_model_len", "4096"]),
    "max-model-len abbreviated": ({"max_model_len": 4096}, ["--max-model-l=4096"]),
    "dtype": ({"dtype": "bfloat16"}, ["--dtype", "bfloat16"]),
    "dtype half": ({"dtype": "half"}, ["--dtype=float16"]),
    "dtype float": ({"dtype": "float32"}, ["--dtype", "float"]),
    "dtype auto": ({}, ["--dtype", "auto"]),
    "quantization": ({"quantization": "fp8"}, ["--quantization", "fp8"]),
    "quantization -q": ({"quantization": "fp8"}, ["-q", "fp8"]),
    "reasoning parser": ({"reasoning_parser": "qwen3"}, ["--reasoning-parser=qwen3"]),
    "chat template text": ({"chat_template": "{{ x }}"}, ["--chat-template", "{{ x }}"]),
    "the plugin's value overridden": ({"max_model_len": 2048}, ["--max-model-len", "2048"]),
}


@pytest.mark.parametrize(("plugin", "vllm"), SAME_SERVER.values(), ids=SAME_SERVER.keys())
def test_one_setting_given_by_the_plugin_or_as_a_vllm_argument_keys_alike(plugin, vllm):
    """`--llm-max-model-len 4096` and `--llm-vllm-arg=--max-model-len=4096` started the same server and asked every
    case again (a miss, never a wrong hit)."""
    assert launched(**plugin) == launched(extra_args=vllm)


@pytest.mark.parametrize(
    ("plugin", "vllm"),
    [("max_model_len=4096", "vllm_arg=--max-model-len=4096"), ("dtype=half", "vllm_arg=--dtype float16")],
)
def test_a_per_model_setting_keys_alike_either_way(plugin, vllm):
    """`--llm-model-arg q:max_model_len=4096` and `q:vllm_arg=--max-model-len=4096` start the same server."""
    from pytest_llmeval.serving.identity import launch_identity
    from pytest_llmeval.serving.models import apply_model_args, model_server_settings, parse_model

    def identity(arg: str) -> dict[str, object]:
        spec = apply_model_args([parse_model("q=/m")], [f"q:{arg}"])[0]
        return launch_identity(model_server_settings(spec, ServerSettings()))

    assert identity(plugin) == identity(vllm)


def test_a_chat_template_file_keys_alike_either_way(tmp_path):
    template = tmp_path / "t.jinja"
    template.write_text("{{ messages }}", encoding="utf-8")
    assert launched(chat_template=str(template)) == launched(extra_args=["--chat-template", str(template)])


def test_the_setting_in_a_vllm_config_file_keys_as_the_plugins(tmp_path):
    config = tmp_path / "v.yaml"
    config.write_text("max-model-len: 4096\ndtype: bfloat16\n", encoding="utf-8")
    assert launched(extra_args=["--config", str(config)]) == launched(max_model_len=4096, dtype="bfloat16")


DIFFERENT_SERVER = {  # name: (settings a, settings b)
    "another length": ({"max_model_len": 4096}, {"extra_args": ["--max-model-len=8192"]}),
    "the vLLM argument wins (it comes last)": (
        {"max_model_len": 4096, "extra_args": ["--max-model-len", "8192"]},
        {"max_model_len": 4096},
    ),
    "another dtype": ({"dtype": "bfloat16"}, {"extra_args": ["--dtype", "float16"]}),
    "a dtype against auto": ({"dtype": "float16"}, {}),
    "another quantization": ({"quantization": "fp8"}, {"extra_args": ["-q", "awq"]}),
    "a length in human units is not guessed": ({"max_model_len": 4096}, {"extra_args": ["--max-model-len", "4k"]}),
    "the command line wins over the config file": (
        {"max_model_len": 4096},
        {"extra_args": ["--config", "CONFIG", "--max-model-len", "8192"]},
    ),
    "a seed": ({}, {"extra_args": ["--seed", "1"]}),
}


@pytest.mark.parametrize(("a", "b"), DIFFERENT_SERVER.values(), ids=DIFFERENT_SERVER.keys())
def test_settings_that_change_the_server_still_key_apart(tmp_path, a, b):
    config = tmp_path / "v.yaml"
    config.write_text("max-model-len: 4096\n", encoding="utf-8")
    b = {**b, "extra_args": [str(config) if arg == "CONFIG" else arg for arg in b.get("extra_args", [])]}
    assert launched(**a) != launched(**b)


@pytest.mark.parametrize(
    "vllm",
    [["--gpu-memory-utilization", "0.5"], ["--gpu_memory_utilization=0.5"], ["--limit-mm-per-prompt", '{"image":2}']],
)
def test_a_setting_that_never_keys_does_not_key_either_way(vllm):
    """--llm-gpu-memory-utilization (and --llm-limit-mm-per-prompt) never keyed; the vLLM spelling must not either."""
    assert launched(extra_args=vllm) == launched(gpu_memory_utilization=0.9, limit_mm_per_prompt='{"image": 1}')


def test_the_keys_of_settings_given_one_way_stay_as_they_were():
    """A run with the plugin's options only keys as before (its cached answers are found again)."""
    identity = launched(max_model_len=4096, dtype="bfloat16", extra_args=["--seed", "7"])
    assert identity["max_model_len"] == 4096 and identity["dtype"] == "bfloat16"
    assert identity["extra_args"] == ["--seed", "7"]


def test_a_flag_left_without_its_value_stays_in_the_key():
    """`--max-model-len` last, without a value: vLLM stops at start; the argument keys as written (no crash)."""
    identity = launched(extra_args=["--max-model-len"])
    assert identity["extra_args"] == ["--max-model-len"]
