"""Scenario files: find them, load each, and turn its cases into `Case`s (`load_scenarios`, `load_file`,
`discover_scenario_files`, `check_documents` - the entry points every caller uses).

The schema is documented in docs/scenarios.md. Validation errors name the file,
the case and the field, and say how to fix it.

Strict on purpose: an unknown key anywhere (top level, `defaults:`, a case, a key
point, a trap, a forbidden claim) is an error with the nearest valid key, and every
plain scalar is read as the text the user wrote (YAML 1.1 would turn `0012` into 10,
`12:30` into 750, `1.50` into 1.5 and `yes` into True); numeric and boolean fields
are converted with their own errors.

The work is split by job: case_model.py (`Case` and `ScenarioError`), yaml_reading.py (the hardened YAML
loader), yaml_errors.py (why a file does not read as scenarios), scenario_keys.py (the keys each level allows),
case_fields.py (one case's fields) and field_values.py (one field's value).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..textfiles import encoding_hint, recode_fix, shown
from .case_fields import _parse_case
from .case_model import (
    ASSERT_WITH,
    DEFAULT_THRESHOLD,
    DEFAULT_TRAP_PENALTY,
    LANGUAGES,
    SCORERS,
    TRAP_EXPECTATIONS,
    Case,
    ForbiddenClaim,
    KeyPoint,
    ScenarioError,
    Trap,
)
from .field_values import core_text
from .scenario_keys import (
    _CASE_FIELDS,
    CLAIM_FIELDS,
    DEFAULTS_FIELDS,
    KEY_POINT_FIELDS,
    NUMBER_FIELDS,
    TOP_LEVEL_FIELDS,
    TRAP_FIELDS,
    _check_keys,
    unknown_key_fix,
)
from .yaml_errors import (
    ANOTHER_KIND_FIX,
    JSON_COMMENT_FIX,
    MARKUP,
    _another_kind,
    _json_comment,
    _markup,
    _no_cases,
    _yaml_error,
)
from .yaml_reading import (
    ALIAS_BOMB_FIX,
    ALIAS_BOMB_PROBLEM,
    TAGGED_VALUE_FIX,
    TAGGED_VALUE_PROBLEM,
    load_yaml_text,
    safe_yaml_loader,
)

# the names code imports from here: the loading entry points below, and the model, schema and YAML reading they
# are built on (each defined in its own module)
__all__ = [
    "ALIAS_BOMB_FIX",
    "ALIAS_BOMB_PROBLEM",
    "ASSERT_WITH",
    "CLAIM_FIELDS",
    "DEFAULTS_FIELDS",
    "DEFAULT_THRESHOLD",
    "DEFAULT_TRAP_PENALTY",
    "KEY_POINT_FIELDS",
    "KNOWLEDGE_DIR_NAME",
    "LANGUAGES",
    "MAX_SCENARIO_BYTES",
    "NUMBER_FIELDS",
    "SCENARIO_SUFFIXES",
    "SCORERS",
    "TAGGED_VALUE_FIX",
    "TAGGED_VALUE_PROBLEM",
    "TOP_LEVEL_FIELDS",
    "TRAP_EXPECTATIONS",
    "TRAP_FIELDS",
    "_CASE_FIELDS",
    "Case",
    "ForbiddenClaim",
    "KeyPoint",
    "ScenarioError",
    "Trap",
    "check_documents",
    "core_text",
    "discover_scenario_files",
    "load_file",
    "load_scenarios",
    "load_yaml_text",
    "safe_yaml_loader",
    "unknown_key_fix",
]

SCENARIO_SUFFIXES = (".yaml", ".yml")
KNOWLEDGE_DIR_NAME = "knowledge"
MAX_SCENARIO_BYTES = 16 * 2**20  # a file of 10,000 cases is a few MB; PyYAML parses a larger one for minutes


def discover_scenario_files(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders into the sorted list of scenario YAML files.

    Folders are searched recursively; a folder named `knowledge` (the RAG corpus)
    is skipped.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            for candidate in sorted(path.rglob("*")):
                if candidate.suffix in SCENARIO_SUFFIXES and candidate.is_file():
                    rel_parts = candidate.relative_to(path).parts
                    if KNOWLEDGE_DIR_NAME not in rel_parts[:-1]:
                        found.append(candidate)
        else:
            raise ScenarioError(
                path,
                None,
                None,
                "is not a regular file or folder (a device or a FIFO)" if path.exists() else "no such file or folder",
                "pass an existing scenario file or folder (pytest: --llm-scenarios; rescore and compare: --scenarios)",
            )
    unique: dict[Path, None] = {}
    for p in found:
        unique[p.resolve()] = None
    return list(unique)


def load_scenarios(paths: Iterable[Path]) -> list[Case]:
    """Load every case from the given files/folders; ids must be unique."""
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for file in discover_scenario_files(paths):
        for case in load_file(file):
            if case.id in seen:
                raise ScenarioError(
                    file,
                    case.id,
                    "id",
                    f"duplicate id, already defined in {seen[case.id]}",
                    "give every case a unique id",
                )
            seen[case.id] = str(file)
            cases.append(case)
    return cases


def check_documents(cases: Sequence[Case], knowledge: Sequence[str | Path]) -> None:
    """Every case's `documents:` must name a document of the knowledge base (ids as retrieval reports them:
    the path relative to the knowledge folder). A knowledge base that cannot be read is left to the
    retriever to report."""
    expected = [c for c in cases if c.documents]
    if not expected:
        return
    from ..rag.documents import load_documents

    try:
        doc_ids = {doc.doc_id for doc in load_documents(knowledge)}
    except (OSError, ValueError):
        return
    where = ", ".join(str(p) for p in knowledge)
    for case in expected:
        for doc in case.documents:
            if doc in doc_ids:
                continue
            close = difflib.get_close_matches(doc, sorted(doc_ids), n=1, cutoff=0.6)
            hint = f"did you mean `{close[0]}`? " if close else ""
            raise ScenarioError(
                case.source,
                case.id,
                "documents",
                f"'{doc}' is not a document of the knowledge base ({where}: {len(doc_ids)} documents)",
                f"{hint}list paths relative to the knowledge folder, or pass --rag-knowledge",
            )


def load_file(path: Path) -> list[Case]:
    import yaml

    from ..textfiles import size_problem

    too_large = size_problem(path, MAX_SCENARIO_BYTES, "a scenario file")
    if too_large is not None:  # read whole, then parsed: a dump or a sparse file named .yaml filled the memory first
        raise ScenarioError(path, None, None, too_large, "split the cases into scenario files of this size or less")
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise ScenarioError(path, None, None, f"cannot read file ({exc})", "make it readable") from None
    except UnicodeDecodeError as exc:  # a GBK or UTF-16 file: the line, not only the byte, shows where
        bad_line = raw.count(b"\n", 0, exc.start) + 1
        raise ScenarioError(
            path,
            None,
            None,
            f"not UTF-8 text at line {bad_line} (byte {exc.start}: {exc.reason}){encoding_hint(raw)}",
            recode_fix(raw, path),
        ) from None
    if "\x00" in text and encoding_hint(raw).startswith("; it is UTF-16"):  # ASCII in UTF-16 without a mark is
        # valid UTF-8 with a NUL byte after each letter: YAML's words were about U+0000, "binary or UTF-16"
        raise ScenarioError(path, None, None, f"not UTF-8 text{encoding_hint(raw)}", recode_fix(raw, path))
    other = _another_kind(text)
    if other is not None:
        raise ScenarioError(path, None, None, other, ANOTHER_KIND_FIX)
    try:
        data = load_yaml_text(text)
    except yaml.YAMLError as exc:
        if _markup(text):  # a report's CSS or script reads as broken YAML: "the value holds ': '" and the like
            raise ScenarioError(path, None, None, MARKUP, ANOTHER_KIND_FIX) from None
        problem, fix = _yaml_error(exc, text)
        comment = _json_comment(text, getattr(getattr(exc, "problem_mark", None), "line", None))
        if comment is not None:  # YAML's words were about a '{' never closed or a key indented deeper
            raise ScenarioError(path, None, None, comment, JSON_COMMENT_FIX) from None
        raise ScenarioError(path, None, None, f"invalid YAML{problem}", fix) from None
    except RecursionError:
        raise ScenarioError(path, None, None, "YAML nested too deeply", "flatten the file") from None
    if not isinstance(data, dict) or "cases" not in data:
        problem, fix = _no_cases(data, text)
        raise ScenarioError(path, None, "cases", problem, fix)

    def top_fail(field_name: str, problem: str, fix: str) -> ScenarioError:
        return ScenarioError(path, None, field_name, problem, fix)

    _check_keys(data, TOP_LEVEL_FIELDS, top_fail)
    raw_cases = data["cases"]
    if not isinstance(raw_cases, list) or not raw_cases:
        raise ScenarioError(path, None, "cases", "'cases' must be a non-empty list", "add at least one case")
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise ScenarioError(path, None, "defaults", "'defaults' must be a mapping", "use 'defaults: {threshold: 60}'")
    _check_keys(defaults, DEFAULTS_FIELDS, top_fail, "defaults.")
    if "scorer" in data:  # a file-level scorer is a default of every case
        defaults = {"scorer": data["scorer"], **defaults}
    suite = data.get("suite") or path.stem
    if not isinstance(suite, str):
        raise ScenarioError(path, None, "suite", "'suite' must be a string", "use e.g. 'suite: analysis'")
    language = data.get("language")
    if language is not None and language not in LANGUAGES:
        raise ScenarioError(
            path, None, "language", f"{shown(language)} is not a supported language", f"use one of {list(LANGUAGES)}"
        )
    cases = [_parse_case(path, index, raw, defaults, suite) for index, raw in enumerate(raw_cases)]
    if language is None:
        return cases
    from dataclasses import replace

    return [replace(c, language=language) for c in cases]
