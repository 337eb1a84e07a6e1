"""Scenario files: load YAML, validate, and turn each case into a `Case`.

The schema is documented in docs/scenarios.md. Validation errors name the file,
the case and the field, and say how to fix it.

Strict on purpose: an unknown key anywhere (top level, `defaults:`, a case, a key
point, a trap, a forbidden claim) is an error with the nearest valid key, and every
plain scalar is read as the text the user wrote (YAML 1.1 would turn `0012` into 10,
`12:30` into 750, `1.50` into 1.5 and `yes` into True); numeric and boolean fields
are converted here, with their own errors.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import regex

from ..textfiles import encoding_hint, recode_fix, shown
from .numbers import NumberForms, ToleranceError, compiled_user_regex, parse_tolerance
from .pattern_cost import PROBE_LENGTH, PROBE_TIME_S, backtracks_badly

ID_PATTERN = re.compile(r"^[a-z0-9_]+$")
TRAP_EXPECTATIONS = ("refusal", "uncertainty")
LANGUAGES = ("zh", "en")
DEFAULT_THRESHOLD = 60.0
DEFAULT_TRAP_PENALTY = 25.0
SCENARIO_SUFFIXES = (".yaml", ".yml")
KNOWLEDGE_DIR_NAME = "knowledge"
CASE_LABEL_SHOWN = 80  # characters of a case's id an error quotes


class ScenarioError(ValueError):
    """A scenario file is malformed; the message names file, case, field and fix."""

    def __init__(self, path: Path | str, case: str | None, field_name: str | None, problem: str, fix: str) -> None:
        where = f"{path}"
        if case:  # a case's label as the file gives it, clipped: a 5,000-character id made every error of the case
            # 5,000 characters long (found by tests/test_input_fuzz.py)
            shown = case if len(case) <= CASE_LABEL_SHOWN else f"{case[: CASE_LABEL_SHOWN - 3]}..."
            where += f", case '{shown}'"
        if field_name:
            where += f", field '{field_name}'"
        super().__init__(f"{where}: {problem}. Fix: {fix}")
        self.path = str(path)
        self.case = case
        self.field = field_name


@dataclass(frozen=True)
class KeyPoint:
    point: str
    synonyms: tuple[str, ...] = ()
    weight: float = 1.0
    regex: tuple[str, ...] = ()  # when set, the point is matched by these regular expressions only
    numbers: NumberForms | None = None  # the point's own number forms (None: the case's)

    @property
    def variants(self) -> tuple[str, ...]:
        """The text forms matched (none for a regex key point: `point` is then only its label)."""
        return () if self.regex else (self.point, *self.synonyms)


@dataclass(frozen=True)
class ForbiddenClaim:
    claim: str
    variants: tuple[str, ...] = ()
    regex: tuple[str, ...] = ()  # when set, the claim is matched by these regular expressions only

    @property
    def all_forms(self) -> tuple[str, ...]:
        """The text forms matched (none for a regex claim: `claim` is then only its label)."""
        return () if self.regex else (self.claim, *self.variants)


@dataclass(frozen=True)
class Trap:
    expect: str | None
    forbidden: tuple[ForbiddenClaim, ...] = ()
    penalty: float = DEFAULT_TRAP_PENALTY


@dataclass(frozen=True)
class Case:
    id: str
    category: str
    question: str
    key_points: tuple[KeyPoint, ...]
    suite: str
    source: str
    system: str | None = None
    trap: Trap | None = None
    threshold: float = DEFAULT_THRESHOLD
    documents: tuple[str, ...] = ()
    max_tokens: int | None = None
    scorer: str = "keyword"  # keyword | ocrbench | exact
    assert_with: str = "keyword"  # keyword | judge: which grade decides pass/fail
    images: tuple[str, ...] = ()  # absolute paths, sent as image_url content parts
    accepted_answers: tuple[str, ...] = ()  # for the ocrbench / exact scorers
    numbers: NumberForms = NumberForms()  # the case's number forms (key points may override)
    language: str | None = None  # the file's `language:` ("zh" | "en"); None: detected from the question
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def prompt_language(self) -> str:
        """The language of the RAG prompt: the declared one, else the question's (CJK share)."""
        from ..rag.prompt import detect_language

        return self.language or detect_language([self.question])

    @property
    def content_hash(self) -> str:
        """A short hash of everything that decides how the case is asked and scored: a saved run's case
        with another hash was a different question and is never compared as the same one.

        Fields at the value that reproduces the earlier behaviour (no regex, default number forms) are
        left out, so runs saved before they existed keep their hashes; `language` only picks the RAG
        template, which (like --rag-template) is a setting of the run, not of the case."""
        cached: str | None = self.__dict__.get("_content_hash")  # once per case: every record carries it
        if cached is not None:
            return cached
        import hashlib
        import json

        skip = ("source", "suite", "extra", "images", "language")
        data = {f.name: _plain(getattr(self, f.name)) for f in fields(self) if f.name not in skip}
        data["images"] = [hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in self.images if Path(p).is_file()]
        if data["numbers"] == _DEFAULT_FORMS:
            del data["numbers"]
        for claim in (data["trap"] or {}).get("forbidden", []):
            if not claim["regex"]:
                del claim["regex"]  # as before forbidden claims took a regex
        for point in data["key_points"]:
            if not point["regex"]:
                del point["regex"]
            if point["numbers"] is None:
                del point["numbers"]
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        self.__dict__["_content_hash"] = digest  # a frozen dataclass: past __setattr__, as cached_property does
        return digest

    @functools.cached_property  # computed once per case: records are built often, image files read once
    def prompt_hash(self) -> str:
        """A short hash of what the model is asked (question, system prompt, images, max tokens): key points,
        thresholds and scorers may change without it, and a saved answer can then be re-scored (`rescore`)."""
        return self.prompt_hash_in(self.prompt_language)

    def prompt_hash_in(self, language: str) -> str:
        """`prompt_hash` as it would be with `language` picking the RAG prompt's template: the language changes
        nothing a case without retrieval is asked (`rescore` asks whether a change of `language:` matters)."""
        import hashlib
        import json

        data = {
            "question": self.question,
            "system": self.system,
            "max_tokens": self.max_tokens,
            "images": [hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in self.images if Path(p).is_file()],
            "language": language,  # picks the RAG prompt's template
        }
        text = json.dumps(data, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_DEFAULT_FORMS = {"scale_words": False, "chinese": False, "tolerance": None}


def _plain(value: Any) -> Any:
    """`dataclasses.asdict` without its deep copies (the same JSON, a fifth of the time): dataclasses as dicts,
    tuples and lists as lists, everything else as it is."""
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


NUMBER_FIELDS = {"tolerance", "scale_words", "chinese_numerals"}
_CASE_FIELDS = {
    "id",
    "category",
    "question",
    "system",
    "key_points",
    "trap",
    "threshold",
    "documents",
    "max_tokens",
    "scorer",
    "assert_with",
    "image",
    "images",
    "accepted_answers",
} | NUMBER_FIELDS
TOP_LEVEL_FIELDS = {"suite", "defaults", "cases", "scorer", "language"}
DEFAULTS_FIELDS = _CASE_FIELDS - {"id"}
KEY_POINT_FIELDS = {"point", "synonyms", "weight", "regex"} | NUMBER_FIELDS
TRAP_FIELDS = {"expect", "forbidden", "penalty"}
CLAIM_FIELDS = {"claim", "variants", "regex"}
SCORERS = ("keyword", "ocrbench", "exact")
ASSERT_WITH = ("keyword", "judge")
MAX_IMAGE_BYTES = 20 * 2**20
MAX_SCENARIO_BYTES = 16 * 2**20  # a file of 10,000 cases is a few MB; PyYAML parses a larger one for minutes
# the largest max_tokens a case may ask (the servers' request fields are 32-bit, as --llm-max-tokens's ceiling)
MAX_TOKENS_LIMIT = 2**31 - 1


# YAML reads a plain `null`, `Null`, `NULL` or `~` (and an empty value) as nothing, not as that text
NULL_FIX = "if you meant the text, quote it (e.g. 'NULL': YAML reads a plain null, Null, NULL or ~ as nothing)"


def unknown_key_fix(key: str, allowed: Iterable[str]) -> str:
    """'did you mean `threshold`?' for a near miss, else the list of valid keys."""
    valid = sorted(allowed)
    close = difflib.get_close_matches(str(key), valid, n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`? Otherwise remove it (valid keys: {', '.join(valid)})"
    return f"remove it or use one of {valid}"


def _near_miss(wanted: str, data: Any) -> str | None:
    """The key of a mapping that looks like a misspelt `wanted` (`case:`, `Cases:` for `cases`), or None: the
    missing field's error then names the key written in its place, not only the one missing."""
    keys = [key for key in data if isinstance(key, str)] if isinstance(data, dict) else []
    folded = {key.strip().casefold(): key for key in keys}
    close = difflib.get_close_matches(wanted, list(folded), n=1, cutoff=0.75)
    return folded[close[0]] if close else None


# YAML reads these as characters of a key, not as indentation: a line indented with them became a key of another
# level ('\u00a0   category'), and the error was "unknown field" with the list of valid keys
ODD_SPACES = {"\t": "a tab", "\u00a0": "a no-break space (U+00A0)", "\u3000": "a full-width space (U+3000)"}
_CASE_PLACE = "in each case (or under `defaults:` for every case of the file)"
# the run's settings by the key a scenario author writes them as, with the option (and ini key) that sets them
RUN_SETTINGS = {
    key: f"--llm-{option} (ini key llm_{option.replace('-', '_')})"
    for key, option in (
        ("temperature", "temperature"),
        ("repeat", "repeat"),
        ("repeats", "repeat"),
        ("max_model_len", "max-model-len"),
        ("model", "model"),
    )
} | {"top_k": "--rag-top-k (ini key rag_top_k)"}
# where a key that is valid elsewhere in a scenario file belongs: written at another level (`forbidden:` beside
# `key_points:`, `threshold:` at the top), the error says where to move it, not only that it is unknown
PLACES = {
    **{key: "in a key point ('key_points: [{point: ..., synonyms: [...], weight: 2}]')" for key in KEY_POINT_FIELDS},
    **{key: _CASE_PLACE for key in _CASE_FIELDS - {"id"}},  # tolerance & co: a case's, unless in a key point
    "id": "in each case (every case has its own)",
    **{key: "under the case's `trap:`" for key in TRAP_FIELDS},
    "regex": "in a key point or a forbidden claim ('- regex: ...')",
    **{key: "in an entry of `trap.forbidden` ('- claim: ...')" for key in ("claim", "variants")},
    **{key: "at the top level of the file (it applies to all its cases)" for key in ("suite", "language")},
    **{key: "at the top level of the file" for key in ("defaults", "cases")},
}


def _check_keys(mapping: Mapping[Any, Any], allowed: set[str], fail: Any, prefix: str = "") -> None:
    """Every key of `mapping` is in `allowed`; an unknown one is an error with, by what it is, the space YAML
    took as part of it, the level it belongs at, or the nearest valid key."""
    for key in mapping:
        if isinstance(key, str) and key in allowed:
            continue
        text = str(key)
        odd = next((name for char, name in ODD_SPACES.items() if char in text), None)
        if odd is not None:
            raise fail(
                f"{prefix}{text.strip()}",
                f"the key is indented with {odd}, which YAML reads as part of the key (so it landed on another level)",
                "indent with plain spaces only, lined up with the keys around it",
            )
        if text in RUN_SETTINGS:  # `temperature: 0.7` in a case was "unknown field" with the case's keys
            where = f"set it with {RUN_SETTINGS[text]}"
            raise fail(f"{prefix}{text}", "a setting of the run, not of a scenario file", where)
        if text in PLACES:
            raise fail(f"{prefix}{text}", "unknown field at this level", f"`{text}` belongs {PLACES[text]}: move it")
        raise fail(f"{prefix}{key}", "unknown field", unknown_key_fix(text, allowed))


# PyYAML's constructors of explicit tags raise these on a value they cannot read (`!!int abc`: ValueError,
# `!!bool maybe`: KeyError, `!!int ''`: IndexError, `!!timestamp x`: AttributeError)
_CONSTRUCTOR_CRASHES = (ValueError, KeyError, TypeError, IndexError, AttributeError, OverflowError)
# the start of the problem a typed value that cannot be read gives (the loaders' callers pick their fix by it)
TAGGED_VALUE_PROBLEM = "cannot read the value"
TAGGED_VALUE_FIX = "write a value of that type, or remove its tag (e.g. !!int)"
# the most values a file's aliases (`*name`) may repeat: nine lines of anchors each repeating the one before nine
# times (an alias bomb) is 9**9 values, and quoting such a value in an error (its repr) never ended; a file's real
# reuse of an anchor (shared synonyms, `<<: *defaults`) repeats thousands
MAX_ALIASED_VALUES = 1_000_000
ALIAS_BOMB_PROBLEM = "aliases repeat more than"
ALIAS_BOMB_FIX = (
    "write the values out, or repeat an anchor (*name) fewer times: anchors that repeat one another multiply"
)


def _alias_bomb(root: Any) -> Any | None:
    """The anchored node whose repeats take the values aliases repeat past MAX_ALIASED_VALUES, or None. Counted on
    the composed nodes (an alias is the anchored node itself, met again), each node's size once: linear in the
    file, however much the aliases multiply."""
    import yaml

    sizes: dict[int, int] = {}
    repeated = 0
    culprit: list[Any] = []

    def size(node: Any) -> int:
        nonlocal repeated
        key = id(node)
        if key in sizes:  # an alias: the anchored node's values once more
            repeated += sizes[key]
            if repeated > MAX_ALIASED_VALUES and not culprit:
                culprit.append(node)
            return sizes[key]
        sizes[key] = 1  # a node that holds itself (`&a [*a]`) counts once
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        elif isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        else:
            children = []
        sizes[key] = 1 + sum(size(child) for child in children)
        return sizes[key]

    size(root)
    return culprit[0] if culprit else None


def safe_yaml_loader(libyaml: bool = True) -> type:
    """PyYAML's SafeLoader (with `libyaml`, libyaml's parser when PyYAML has it: about 10x faster, its messages
    worded otherwise) for a user's file, with two things it lacks:
    a key given twice in one mapping is an error (PyYAML keeps the last silently), and an explicitly tagged
    value it cannot read (`!!int abc`, `!!bool maybe`, `!!timestamp 2024-13-01`, `!!map text`) is a YAML
    error with its line, not a ValueError or KeyError from inside PyYAML."""
    import yaml

    base: type = yaml.SafeLoader
    if libyaml and yaml.__with_libyaml__:
        from yaml.cyaml import CSafeLoader

        base = CSafeLoader  # libyaml's parser with PyYAML's SafeConstructor and Resolver

    class SafeUserLoader(base):  # type: ignore[valid-type,misc]
        def construct_document(self, node: Any) -> Any:
            bomb = _alias_bomb(node)
            if bomb is not None:  # before a value is built: every use of it (a check, an error quoting it) is then safe
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"{ALIAS_BOMB_PROBLEM} {MAX_ALIASED_VALUES:,} values in all (this anchor's, repeated by the "
                    "aliases that name it, and the anchors that repeat it)",
                    bomb.start_mark,
                )
            try:
                return super().construct_document(node)
            except _CONSTRUCTOR_CRASHES as exc:  # one a tagged node's own constructor did not turn into a mark
                raise yaml.constructor.ConstructorError(None, None, f"a value cannot be read ({exc})") from None

        def construct_object(self, node: Any, deep: bool = False) -> Any:
            try:
                return super().construct_object(node, deep=deep)
            except _CONSTRUCTOR_CRASHES as exc:
                short = str(node.tag).replace("tag:yaml.org,2002:", "!!")
                value = shown(node.value) if isinstance(node, yaml.ScalarNode) else f"(a {node.id})"
                why = "" if isinstance(exc, KeyError) else f" ({shown(str(exc), 120)[1:-1]})"  # KeyError: the value
                raise yaml.constructor.ConstructorError(
                    None, None, f"{TAGGED_VALUE_PROBLEM} {value} as {short}{why}", node.start_mark
                ) from None

        def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
            """A key given twice in one mapping is an error (PyYAML would keep the last silently)."""
            seen: set[str] = set()
            # the mapping's own keys (a node tagged !!map that is not a mapping is PyYAML's error); `<<` merges
            # may be overridden
            for key_node, _ in node.value if isinstance(node, yaml.MappingNode) else ():
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"duplicate key '{key_node.value}' (a key may appear once per mapping)",
                        key_node.start_mark,
                    )
                seen.add(key_node.value)
            return super().construct_mapping(node, deep=deep)

    return SafeUserLoader


def _text_loader() -> type:
    """`safe_yaml_loader` reading every plain scalar as the text written (only null and `<<` resolved). The
    constructor and the resolvers are PyYAML's Python ones whichever parser runs, so both parse alike."""
    import yaml

    class TextLoader(safe_yaml_loader()):  # type: ignore[misc]
        pass

    keep = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:merge"}
    TextLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag in keep]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return TextLoader


def load_yaml_text(text: str) -> Any:
    """Parse YAML keeping plain scalars as strings (`0012`, `12:30`, `1.50`, `yes` stay as written)."""
    import yaml

    return yaml.load(text, Loader=_text_loader())  # noqa: S506 - a SafeLoader subclass


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


YAML_SYNTAX_FIX = "correct the YAML syntax (indentation, quotes, colons)"
TAB_FIX = "replace the tabs at the start of the line with spaces (e.g. 2 per level, as the lines around it)"
FULL_WIDTH_KEY = re.compile(r"^\s*(?:-\s+)?[A-Za-z_]+\s*：")


def _yaml_error(exc: Any, text: str) -> tuple[str, str]:
    """(' at line N: problem', fix) for a file PyYAML (or libyaml) cannot parse, in the author's terms: a tab,
    an unquoted ': ' in a value, an unclosed quote or bracket, a custom tag, a control character - each was the
    parser's own words ("found character that cannot start any token") and "correct the YAML syntax"."""
    mark = getattr(exc, "problem_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    lines = text.splitlines()
    if mark is None and getattr(exc, "position", None) is not None:  # a ReaderError: a character YAML refuses
        number = text.count("\n", 0, exc.position) + 1
        code = ord(text[exc.position]) if exc.position < len(text) else 0
        return (
            f" at line {number}: the control character U+{code:04X}, which YAML does not allow",
            "remove it (NUL bytes: the file may be binary, or saved as UTF-16)",
        )
    number = mark.line + 1 if mark is not None else 0
    line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    at = f" at line {number}" if mark is not None else ""
    context = str(getattr(exc, "context", None) or "")
    context_mark = getattr(exc, "context_mark", None)
    indent = line[: len(line) - len(line.lstrip())]
    if "tab" in problem or ("cannot start any token" in problem and "\t" in indent):
        return f"{at}: the line is indented with a tab: YAML indents with spaces only", TAB_FIX
    odd_indent = next(iter(_odd_indents(lines[:number])), None)  # a key indented with U+00A0: the lines after it
    if odd_indent is not None:  # were "indented deeper" than that key
        return (
            f" at line {odd_indent[0]}: the line is indented with {odd_indent[1]}, which YAML reads as part of the key",
            "indent with plain spaces only, lined up with the keys around it",
        )
    if "another document" in problem:  # a `---` line: PyYAML's "but found another document" names neither
        return (
            f"{at}: a second YAML document starts here (a '---' line): a scenario file holds one document",
            "remove the '---' line, or move the cases after it into a file of their own",
        )
    if problem.startswith("duplicate key"):
        return f"{at}: {problem}", "keep one of the two"
    if problem.startswith(ALIAS_BOMB_PROBLEM):
        return f"{at}: {problem}", ALIAS_BOMB_FIX
    if problem.startswith(TAGGED_VALUE_PROBLEM):
        return f"{at}: {problem}", TAGGED_VALUE_FIX
    if "could not determine a constructor for the tag" in problem:
        quoted = re.search(r"'([^']*)'\s*$", problem)
        tag = (quoted.group(1) if quoted else problem).replace("tag:yaml.org,2002:", "!!")
        return (
            f"{at}: the tag {tag} is not supported (a scenario file is plain YAML: no !include, no !!python tags)",
            "remove the tag and write the value itself",
        )
    if "mapping values are not allowed" in problem:
        wide = next((n for n, text in enumerate(lines[:number], 1) if FULL_WIDTH_KEY.match(text)), None)
        if wide is not None:
            return (
                f" at line {wide}: a key ends with a full-width colon '：', which YAML does not read as a key's colon",
                "end every key with an ASCII ':' followed by a space (e.g. 'id: c1')",
            )
        if re.search(r":\s", line.split(":", 1)[-1]):
            return (
                f"{at}: the value holds ': ', which YAML reads as the start of another key",
                "quote the value (e.g. question: 'Note: ...', or use a full-width '：' in Chinese text)",
            )
        return f"{at}: a key is indented deeper than the key before it", "line up the keys of one case (see docs)"
    if context_mark is not None and "quoted scalar" in context:
        return (
            f" at line {context_mark.line + 1}: a quoted value starts here and its quote is never closed",
            "close the quote on the same value (or quote it with the other kind of quote)",
        )
    if context_mark is not None and context.startswith("while parsing a flow"):
        bracket = "[" if "sequence" in context else "{"
        return (
            f" at line {context_mark.line + 1}: a '{bracket}' opens here and is not closed before line {number}",
            "close it (a ',' between items) or write the items as '- ' lines",
        )
    if "expected '-' indicator" in problem or "expected <block end>" in problem:
        return (
            f"{at}: the line is indented less (or more) than the lines of its block above",
            "indent every key of a case as far as its first key (after '- '), with spaces",
        )
    if "unhashable key" in problem:
        return f"{at}: a key is a list or mapping", "keys are words followed by ':' (e.g. 'question:')"
    return f"{at}: {problem}", YAML_SYNTAX_FIX


JSON_COMMENT_FIX = (
    "remove the comment, or write it as a '#' comment (a scenario file is read as YAML, which reads JSON and its "
    "trailing commas, and takes '# ...' comments after a space)"
)
_COMMENT_AFTER = " \t,{}[]"  # `http://x` in a plain value is not a comment: `//` must follow a space or a bracket


def _json_comment(text: str, error_line: int | None) -> str | None:
    """'the file is JSON with comments: a // comment at line N' when a `//` or `/* */` comment (outside a "string";
    in a file not shaped as JSON, at a line's start only) sits at or before the line where the parser stopped and is
    what stopped it (without it the parse gets further): YAML's own words for it were "a '{' opens here and is not
    closed" or "a key is indented deeper", pointing elsewhere. A `// text` line inside a `|` block stays YAML's."""
    import yaml

    json_shaped = _strip_json_comments(text).lstrip("\ufeff \t\r\n")[:1] in ("{", "[")
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        if error_line is not None and number > error_line + 1:
            return None
        at = _comment_start(line) if json_shaped else (line.find("/") if line.lstrip()[:2] in ("//", "/*") else -1)
        if at < 0:
            offset += len(line)
            continue
        kind = "//" if line[at : at + 2] == "//" else "/* */"
        close = text.find("*/", offset + at + 2) + 2 if kind != "//" else offset + len(line.rstrip("\r\n"))
        close = close if close >= 2 else len(text)
        blanked = text[: offset + at] + re.sub(r"[^\n]", " ", text[offset + at : close]) + text[close:]
        try:
            load_yaml_text(blanked)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            if mark is None or error_line is None or mark.line <= error_line:
                return None
        except RecursionError:
            return None
        if json_shaped:
            return (
                f"the file is JSON with comments: a {kind} comment at line {number}, which neither JSON nor YAML allows"
            )
        return f"a {kind} comment at line {number}, which YAML does not read as a comment (its comments start with '#')"
    return None


def _comment_start(line: str) -> int:
    """Where a `//` or `/*` starts in one line of JSON, outside a "string" (-1: none)."""
    quoted = False
    index = 0
    while index < len(line):
        char = line[index]
        if quoted and char == "\\":
            index += 2
            continue
        if char == '"':
            quoted = not quoted
        elif (
            not quoted and line[index : index + 2] in ("//", "/*") and (index == 0 or line[index - 1] in _COMMENT_AFTER)
        ):
            return index
        index += 1
    return -1


def _strip_json_comments(text: str) -> str:
    """The text with whole-line `//` comments and `/* */` blocks at its start removed: what shape is it under them."""
    rest = text.lstrip("\ufeff \t\r\n")
    while rest.startswith(("//", "/*")):
        end = rest.find("\n") if rest.startswith("//") else rest.find("*/") + 1
        if end <= 0:
            return ""
        rest = rest[end + 1 :].lstrip(" \t\r\n")
    return rest


def _odd_indents(lines: Sequence[str]) -> Iterable[tuple[int, str]]:
    """(line number, the space's name) per line indented with a space YAML takes for text (U+00A0, U+3000)."""
    for number, text in enumerate(lines, 1):
        indent = text[: len(text) - len(text.lstrip())]
        odd = next((name for char, name in ODD_SPACES.items() if char in indent and char != "\t"), None)
        if odd is not None:
            yield number, odd


def _no_cases(data: Any, text: str) -> tuple[str, str]:
    """(problem, fix) for a file without a top-level `cases:` list, by what it holds instead."""
    if data is None:  # nothing, only comments, or a lone `---`
        if not text.strip().lstrip("\ufeff").strip():
            problem = "the file is empty"
        else:
            problem = "the file holds no cases (only comments or an empty document)"
        return problem, "write its cases under a top-level 'cases:' list (see docs/scenarios.md), or delete the file"
    near = _near_miss("cases", data)
    if near is not None:
        return "missing top-level 'cases' list", f"did you mean `cases`? Rename the top-level key `{near}` to `cases`"
    if isinstance(data, list):
        return (
            "the file is a list, not a mapping with 'cases:'",
            "add a line 'cases:' at the top and indent the list under it",
        )
    if isinstance(data, dict) and {"id", "question", "key_points"} & {str(k) for k in data}:
        return (
            "missing top-level 'cases' list (the file holds one case's fields at its top level)",
            "write 'cases:' first, then the case as a list item: '  - id: ...' with its other keys under it",
        )
    if not isinstance(data, dict):
        return (
            f"the file holds only the text {shown(data)}, not a mapping with 'cases:'",
            "write the cases under a top-level 'cases:' list (see docs/scenarios.md)",
        )
    return "missing top-level 'cases' list", "put the cases under a top-level 'cases:' key (see docs/scenarios.md)"


ANOTHER_KIND_FIX = (
    "pass the scenario files (YAML or JSON with a top-level 'cases:' list; see docs/scenarios.md): pytest's "
    "--llm-scenarios, rescore's and compare's --scenarios"
)


def _another_kind(text: str) -> str | None:
    """What a file given as a scenario file is when it is a file a run writes - its results.json or cases.jsonl - or
    None (an HTML or XML report: `_markup`). YAML's words about them ("unknown field 'schema_version'", "expected
    <document start>") sent the user to edit a file that was never a scenario file."""
    start = text.lstrip("\ufeff \t\r\n")
    if not start.startswith("{"):
        return None
    first = start.split("\n", 1)[0]
    if '"schema_version"' in start[:200] and '"run"' in start[:2000]:
        return "is a run's results.json (what a run wrote), not a scenario file"
    if '"scenario_id"' in first and ('"case_hash"' in first or '"model"' in first):
        return "is a run's cases.jsonl (one answered case a line, what a run wrote), not a scenario file"
    return None


MARKUP = "is an HTML or XML file (a report, pytest's --junitxml?), not a scenario file"


def _markup(text: str) -> bool:
    """Whether a file YAML cannot read is HTML or XML (it starts with '<'). One YAML reads - a one-line page - keeps
    the loader's "holds only the text ..." (round 12), which shows that text."""
    return text.lstrip("\ufeff \t\r\n").startswith("<")


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


def _parse_case(path: Path, index: int, raw: Any, defaults: dict[str, Any], suite: str) -> Case:
    label = f"#{index + 1}"
    if isinstance(raw, str) and "：" in raw:  # `- id： c1`: the case read as one text
        raise ScenarioError(
            path,
            label,
            None,
            f"a case must be a mapping; this one is the text {shown(raw)}: its keys end with a full-width colon '：'",
            "end every key with an ASCII ':' followed by a space (e.g. 'id: c1')",
        )
    if not isinstance(raw, dict):
        what = f"; this one is {shown(raw)}" if raw is not None else "; this one is empty"
        raise ScenarioError(
            path, label, None, f"a case must be a mapping{what}", "write the case as 'key: value' lines under '- '"
        )
    merged = {**defaults, **raw}
    case_id = merged.get("id")
    if isinstance(case_id, str) and case_id:
        label = case_id

    def fail(field_name: str, problem: str, fix: str) -> ScenarioError:
        return ScenarioError(path, label, field_name, problem, fix)

    _check_keys(raw, _CASE_FIELDS, fail)
    for required in ("id", "category", "question"):
        if required in merged and merged[required] is None:
            raise fail(required, "empty (YAML's null)", f"write the {required}; {NULL_FIX}")
        if required not in merged:
            raise fail(required, "missing required field", f"add '{required}:' to the case")
        value = merged[required]
        if isinstance(value, str) and not value.strip():  # `question: ''`, `id: ' '`, `question: |` with no text
            raise fail(required, f"empty ({shown(value)})", f"write the {required} after '{required}:'")
        if not isinstance(value, str):
            raise fail(required, _not_text(value), f"write the {required} as text: {_TEXT_FIX}")
    for name in ("id", "category"):
        value = merged[name]
        if not ID_PATTERN.match(value):
            raise fail(
                name,
                f"{shown(value)} is not a valid {name}",
                f"{_id_hint(value)}use lower-case letters, digits and '_' only",
            )
    question = merged["question"]
    system = merged.get("system")
    if system is not None and not isinstance(system, str):
        raise fail("system", "must be a string", "write the system prompt as text or remove it")

    for name, choices in (("scorer", SCORERS), ("assert_with", ASSERT_WITH)):
        if name in merged and merged[name] is None:  # `scorer:` with nothing after it: "None is not a scorer"
            raise fail(name, "empty (nothing after the colon, or YAML's null)", f"use one of {list(choices)}")
    scorer = merged.get("scorer", "keyword")
    if scorer not in SCORERS:
        raise fail("scorer", f"{shown(scorer)} is not a scorer", f"use one of {list(SCORERS)}")
    assert_with = merged.get("assert_with", "keyword")
    if assert_with not in ASSERT_WITH:
        raise fail("assert_with", f"{shown(assert_with)} is not a grader", f"use one of {list(ASSERT_WITH)}")
    numbers = _number_forms(merged, NumberForms(), "", fail)
    images = _parse_images(path, merged, fail)
    accepted = _string_list(merged.get("accepted_answers"), "accepted_answers", fail)
    trap = _parse_trap(merged.get("trap"), fail)
    if scorer != "keyword":
        if not accepted:
            raise fail(
                "accepted_answers",
                f"the {scorer} scorer needs accepted answers",
                "add 'accepted_answers: [..]' to the case",
            )
        key_points: tuple[KeyPoint, ...] = ()
    else:
        key_points = _parse_key_points(merged.get("key_points"), trap, numbers, fail)
    threshold = _number(
        merged.get("threshold", DEFAULT_THRESHOLD), "threshold", fail, "use a number from 0 to 100, e.g. 60"
    )
    if not 0 <= threshold <= 100:
        raise fail("threshold", f"{threshold:g} is not a percentage", "use a number from 0 to 100, e.g. 60")
    if 0 < threshold < 1:  # 0.6 meant as 60%: a threshold of 0.6% passed every answer that covered anything
        raise fail(
            "threshold",
            f"{threshold:g} looks like a fraction, but the threshold is a percentage (0-100): {threshold:g} "
            "would pass an answer that covers almost nothing",
            f"write {threshold * 100:g} for {threshold * 100:g}%",
        )
    documents = merged.get("documents") or []
    if not isinstance(documents, list) or not all(isinstance(d, str) and d for d in documents):
        raise fail("documents", "must be a list of document paths", "list paths relative to scenarios/knowledge/")
    max_tokens = merged.get("max_tokens")
    if max_tokens is not None:
        # past the limit every request of the case was refused by the server
        max_tokens = _integer(max_tokens, "max_tokens", fail, "use e.g. 'max_tokens: 512'", MAX_TOKENS_LIMIT)
    return Case(
        id=str(case_id),
        category=merged["category"],
        question=question.strip(),
        key_points=key_points,
        suite=suite,
        source=str(path),
        system=system.strip() if system else None,
        trap=trap,
        threshold=float(threshold),
        documents=tuple(documents),
        max_tokens=max_tokens,
        scorer=scorer,
        assert_with=assert_with,
        images=images,
        accepted_answers=accepted,
        numbers=numbers,
    )


_TEXT_FIX = "remove the YAML tag (e.g. !!int), or quote the value"


def _not_text(value: Any) -> str:
    """'must be text, not a list' for a value of a text field: a list, a mapping, or a number or boolean that an
    explicit tag (`!!int 12`) made (plain scalars are read as the text written)."""
    kinds = {list: "a list", dict: "a mapping", bool: "a boolean", int: "an integer", float: "a number"}
    kind = next((name for cls, name in kinds.items() if isinstance(value, cls)), f"a {type(value).__name__}")
    return f"must be text, not {kind} ({shown(value)})"


def _id_hint(value: str) -> str:
    """ "did you mean 'q1_revenue'? " for an id or category that lower-casing and '_' for other characters make
    valid ('Q1 Revenue', 'c-1'), else ''."""
    if not value.isascii():  # `利润1` -> '1': a hint that dropped the name itself
        return "write it in ASCII (pinyin or English, e.g. 'lirun_1'; the question itself may be Chinese): "
    hint = re.sub(r"[^a-z0-9_]+", "_", value.strip().lower()).strip("_")
    return f"did you mean {hint!r}? Otherwise " if hint and ID_PATTERN.match(hint) and hint != value else ""


def _number(value: Any, field_name: str, fail: Any, fix: str) -> float:
    """A finite number from a YAML scalar (read as text) or a Python number."""
    if value is None or (isinstance(value, str) and not value.strip()):  # `threshold:` with nothing after it
        raise fail(field_name, "empty (nothing after the colon, or YAML's null)", f"{fix}, or remove the line")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise fail(field_name, f"{shown(value)} is not a number", fix)
    name = field_name.rsplit(".", 1)[-1]
    written = str(value).strip()
    if written.endswith("%") and _is_decimal(written[:-1]):  # `threshold: 60%` was "'60%' is not a number"
        problem = f"{shown(value)}: write the {name} without '%' (it is a number)"
        raise fail(field_name, problem, f"'{name}: {written[:-1].strip()}'")
    try:
        number = Decimal(written)
    except InvalidOperation:
        raise fail(field_name, f"{shown(value)} is not a number", fix) from None
    if not number.is_finite() or not math.isfinite(float(number)):  # 1e400 is finite as a decimal, inf as a float
        raise fail(field_name, f"{shown(value)} is not a finite number", fix)
    return float(number)


def _is_decimal(text: str) -> bool:
    try:
        return Decimal(text.strip()).is_finite()
    except InvalidOperation:
        return False


def _integer(value: Any, field_name: str, fail: Any, fix: str, maximum: int) -> int:
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    digits = text.lstrip("0") if text.isascii() and text.isdigit() else ""  # '²' is a digit to isdigit()
    if not digits:
        raise fail(field_name, f"{shown(value)} is not a positive integer", fix)
    if len(digits) > len(str(maximum)) or int(digits) > maximum:  # int() refuses 4,300 digits and more
        raise fail(field_name, f"{shown(value)} is too large (at most {maximum})", fix)
    return int(digits)


def _flag(value: Any, field_name: str, fail: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise fail(field_name, f"{shown(value)} is not true or false", f"write '{field_name.rsplit('.', 1)[-1]}: true'")


def _number_forms(item: Mapping[str, Any], base: NumberForms, prefix: str, fail: Any) -> NumberForms:
    """`tolerance`, `scale_words`, `chinese_numerals` of a case (over `base`) or a key point."""
    tolerance = base.tolerance
    if item.get("tolerance") is not None:
        raw = item["tolerance"]
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            raise fail(f"{prefix}tolerance", f"{shown(raw)} is not a tolerance", "use e.g. 'tolerance: 0.5' or '1%'")
        try:
            parsed = parse_tolerance(str(raw))
        except ToleranceError as exc:
            raise fail(
                f"{prefix}tolerance", str(exc), "use e.g. 'tolerance: 0.5' (absolute) or '1%' (relative)"
            ) from None
        problem = _tolerance_problem(str(raw).strip(), parsed.amount, parsed.relative)
        if problem is not None:
            raise fail(f"{prefix}tolerance", problem, "use e.g. 'tolerance: 0.5' (absolute) or '1%' (relative)")
        tolerance = str(raw).strip()
    scale = base.scale_words
    if item.get("scale_words") is not None:
        scale = _flag(item["scale_words"], f"{prefix}scale_words", fail)
    chinese = base.chinese
    if item.get("chinese_numerals") is not None:
        chinese = _flag(item["chinese_numerals"], f"{prefix}chinese_numerals", fail)
    return NumberForms(scale_words=scale, chinese=chinese, tolerance=tolerance)


def _tolerance_problem(written: str, amount: Decimal, relative: bool) -> str | None:
    """Why a tolerance matches any number, or None: `1e400` is finite as a decimal and inf as a float (every number
    was within it), and a relative one of 100% or more matched 0 (and 2.5 times the figure at 150%)."""
    if not math.isfinite(float(amount)):
        return f"{shown(written)} is too large (it matches any number)"
    if relative and amount >= 100:
        return (
            f"{shown(written)}: a relative tolerance of 100% or more matches 0 and any figure up to twice the key "
            "figure or beyond"
        )
    return None


def _parse_images(path: Path, merged: dict[str, Any], fail: Any) -> tuple[str, ...]:
    """`image: a.png` or `images: [a.png, b.png]`, relative to the scenario file; each must be a real image."""
    if "image" in merged and "images" in merged:
        raise fail("image", "both 'image' and 'images' are set", "use 'images: [a.png, b.png]' alone")
    field_name = "images" if "images" in merged else "image"
    raw = merged.get(field_name)
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    if not items or not all(isinstance(item, str) and item.strip() for item in items):
        raise fail(field_name, "must be an image path or a list of them", "write e.g. 'image: images/receipt.png'")
    from ..vision.images import ImageError, image_path, load_image

    resolved = []
    for item in items:
        read_as = None
        try:  # `~/pics/a.png`, `$DATA/a.png`, `imgs\a.png` read as a shell or Windows would (image_path)
            found, read_as = image_path(path.parent, item)
            found = found.resolve()  # a NUL in the name: ValueError
            load_image(found, max_bytes=MAX_IMAGE_BYTES)
        except (ImageError, OSError, ValueError) as exc:
            written = f"{shown(item)} (read as {read_as})" if read_as is not None else shown(item)
            raise fail(
                field_name, f"{written}: {exc}", "point it at a PNG/JPEG/WebP file next to the scenario file"
            ) from None
        resolved.append(str(found))
    return tuple(resolved)


# Quotes a writer wraps a term in (“利润”, 「利润」, 《公司法》, "profit" inside YAML's own quotes) and the sentence
# punctuation a term copied out of a sentence ends with (利润增长。): kept as part of the text, an answer had to repeat
# them - one that said 利润 plainly scored 50 against [“利润”, 收入] where a reader gives 100, and a forbidden claim in
# quotes was found only where it was quoted. An ASCII '.' is kept ('Inc.', 'U.S.' end with one)
_WRAPPING_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", '"': '"', "'": "'", "`": "`", "«": "»"}
_TRAILING_PUNCTUATION = "。，、；：！？,;:!?"


def core_text(text: str) -> str:
    """A key point's, synonym's or forbidden claim's text as it is looked for: without quotes wrapping it whole
    (not '"A" and "B"', which quotes two terms) and without sentence punctuation at its end. Read, not refused: every
    answer that holds the text as written holds its core, so the core credits what was meant and no less - where a
    refusal would stop a whole run over a 。 (and 《公司法》 is how Chinese writes a title)."""
    core = text.strip()
    if len(core) > 2 and _WRAPPING_QUOTES.get(core[0]) == core[-1] and core[1:-1].strip():
        inner = core[1:-1].strip()
        if core[0] not in inner and core[-1] not in inner:
            core = inner
    if len(core) > 1 and core[-1] in _TRAILING_PUNCTUATION and core.rstrip(_TRAILING_PUNCTUATION).strip():
        core = core.rstrip(_TRAILING_PUNCTUATION).strip()
    return core


def _string_list(value: Any, field_name: str, fail: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list) and any(v is None for v in value):
        index = next(i for i, v in enumerate(value) if v is None)
        raise fail(f"{field_name}[{index}]", "empty (YAML's null)", f"write the text or remove the entry; {NULL_FIX}")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):  # `synonyms: 净利, 纯利`
        problem, fix = _not_a_list(value, "form")
        raise fail(field_name, problem, fix)
    if not isinstance(value, list) or not all(
        isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip() for v in value
    ):
        raise fail(field_name, "must be a list of non-empty strings", "write it as [a, b, c]")
    return tuple(str(v).strip() for v in value)


# what a writer separates items with when a list is written as one text: 利润、收入 / profit, revenue / a；b
_ITEM_SEPARATORS = re.compile(r"\s*[,，、;；]\s*")


_LIST_SHOWN = 200  # characters of a list field's text the fix shows as the list it meant


def _not_a_list(value: Any, what: str) -> tuple[str, str]:
    """(problem, fix) for a list field written as one text or number (`key_points: 利润, 收入`): the fix shows it as
    the list it meant, one entry per item."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        try:
            text = str(value).strip()
        except ValueError:  # an int past Python's 4,300-digit limit on int-to-text conversion
            return f"must be a list, not {shown(value)}", f"write one '- point: ...' entry per {what}"
        items = [item for item in _ITEM_SEPARATORS.split(text) if item]
        written = ", ".join(items) if items else text
        if len(written) > _LIST_SHOWN:  # a page pasted into the field: the fix shows the list's start, not the page
            written = f"{written[: _LIST_SHOWN - 3]}..."
        many = f", one {what} per entry" if len(items) > 1 else ""
        return f"must be a list, not the text {shown(value)}", f"write it as a list: [{written}]{many}"
    return "must be a list", f"write one '- point: ...' entry per {what}"


def _parse_key_points(value: Any, trap: Trap | None, case_forms: NumberForms, fail: Any) -> tuple[KeyPoint, ...]:
    if value is None or value == []:
        if trap is not None and trap.expect:
            return ()
        raise fail("key_points", "missing or empty", "list at least one key point (see docs/scenarios.md)")
    if not isinstance(value, list):
        raise fail("key_points", *_not_a_list(value, "key point"))
    points: list[KeyPoint] = []
    for i, item in enumerate(value):
        where = f"key_points[{i}]"
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            if not str(item).strip():
                raise fail(where, "empty key point", "write the key point text")
            points.append(KeyPoint(core_text(str(item))))
            continue
        if item is None:
            raise fail(where, "empty (YAML's null)", f"write the key point or remove the entry; {NULL_FIX}")
        if not isinstance(item, dict):
            raise fail(where, "must be a string or a mapping", "use '- point: 名称' with optional synonyms/weight")
        _check_keys(item, KEY_POINT_FIELDS, fail, f"{where}.")
        regexes = _parse_regexes(item.get("regex"), f"{where}.regex", fail)
        point = item.get("point")
        if regexes:
            if item.get("synonyms") is not None:
                raise fail(
                    f"{where}.synonyms",
                    "a regex key point has no synonyms",
                    "add the other forms as more regexes ('regex: [a, b]') or as another key point",
                )
            point = point if point is not None else regexes[0]
        if "point" in item and item["point"] is None and not regexes:
            raise fail(f"{where}.point", "empty (YAML's null)", f"write the key point; {NULL_FIX}")
        if isinstance(point, (list, dict)):  # `point: [a, b]`: it was "missing required field"
            raise fail(
                f"{where}.point",
                _not_text(point),
                "one key point per entry: write 'point: a' and the other forms as 'synonyms: [b]'",
            )
        if isinstance(point, str) and not point.strip():
            raise fail(f"{where}.point", f"empty ({shown(point)})", "write the key point's text after 'point:'")
        if point is None or not isinstance(point, (str, int, float)) or not str(point).strip():
            raise fail(f"{where}.point", "missing required field", "add 'point: <text>' (or 'regex: <pattern>')")
        weight = _number(item.get("weight", 1.0), f"{where}.weight", fail, "use e.g. 'weight: 2'")
        if weight <= 0:
            raise fail(f"{where}.weight", f"{weight:g} is not a positive number", "use e.g. 'weight: 2'")
        synonyms = tuple(
            core_text(synonym) for synonym in _string_list(item.get("synonyms"), f"{where}.synonyms", fail)
        )
        text = str(point).strip() if regexes else core_text(str(point))  # a regex's point is its label only
        forms = _number_forms(item, case_forms, f"{where}.", fail)
        points.append(KeyPoint(text, synonyms, weight, regexes, forms if forms != case_forms else None))
    _check_distinct_points(points, fail)
    _check_total_weight(points, fail)
    return tuple(points)


def _check_distinct_points(points: Sequence[KeyPoint], fail: Any) -> None:
    """A key point listed twice (the same text as the scorer compares it - NFKC, letter case and spacing aside -
    and the same regexes) is refused: it counted twice, a weight the author did not write - an answer that missed
    it lost twice the share, and every score of the case moved with the copy-paste."""
    first: dict[tuple[str, tuple[str, ...]], int] = {}
    for index, point in enumerate(points):
        text = " ".join(unicodedata.normalize("NFKC", point.point).casefold().split())
        same = first.setdefault((text, point.regex), index)
        if same != index:
            raise fail(
                f"key_points[{index}]",
                f"the same key point as key_points[{same}] ({shown(point.point, 40)}): it would count twice",
                "remove one; to make a point count more, give it a weight (e.g. 'weight: 2')",
            )


def _check_total_weight(points: Sequence[KeyPoint], fail: Any) -> None:
    """The weights' sum is a float too (and twice it with a trap's expectation point, which weighs as much as
    the others): `weight: 1e308` twice summed to inf, and every coverage of the case was inf/inf = nan."""
    total = sum(p.weight for p in points)
    if not math.isfinite(2 * total):
        raise fail(
            "key_points",
            f"the weights add up to {total:g}, too large to score with",
            "weights are relative: use small numbers, e.g. 'weight: 2' against the default 1",
        )


def _parse_regexes(value: Any, field_name: str, fail: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v for v in items):
        raise fail(field_name, "must be a regular expression or a list of them", r"write e.g. regex: 'INV-\d{6}'")
    for pattern in items:
        try:
            re.compile(pattern)
            compiled_user_regex(pattern)  # v26: the scorer searches with `regex` (a time limit), in re's dialect
        except (re.error, regex.error) as exc:
            raise fail(
                field_name,
                f"{shown(pattern)} is not a valid regular expression ({exc})",
                "correct it (Python re syntax; quote it in single quotes so YAML keeps backslashes)",
            ) from None
        if backtracks_badly(pattern):  # at load, not as a scoring error after the model answered (pattern_cost.py)
            raise fail(
                field_name,
                f"{shown(pattern)} backtracks catastrophically (nested quantifiers such as (a+)+ or (a|aa)+ try "
                f"exponentially many ways: over {PROBE_TIME_S:g} s on a {PROBE_LENGTH}-character answer)",
                "simplify the pattern: quantify each part once (a+ not (a+)+, (?:\\d|,)+ not (\\d+,?)+) and anchor "
                "it to the words around the fact",
            )
    return tuple(items)


def _parse_trap(value: Any, fail: Any) -> Trap | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise fail("trap", "must be a mapping", "use 'trap: {expect: uncertainty, forbidden: [...]}'")
    _check_keys(value, TRAP_FIELDS, fail, "trap.")
    expect = value.get("expect")
    if expect is not None and expect not in TRAP_EXPECTATIONS:
        raise fail(
            "trap.expect", f"{shown(expect)} is not a known expectation", f"use one of {list(TRAP_EXPECTATIONS)}"
        )
    raw_forbidden = value.get("forbidden") or []
    if not isinstance(raw_forbidden, list):
        raise fail("trap.forbidden", "must be a list", "list the claims that must not appear")
    forbidden: list[ForbiddenClaim] = []
    for i, item in enumerate(raw_forbidden):
        where = f"trap.forbidden[{i}]"
        if item is None or (isinstance(item, dict) and "claim" in item and item["claim"] is None):
            field_name = where if item is None else f"{where}.claim"
            raise fail(field_name, "empty (YAML's null)", f"write the claim or remove the entry; {NULL_FIX}")
        if isinstance(item, dict):  # its keys first: a misspelt `claimm:` was "must be a mapping with 'claim'"
            _check_keys(item, CLAIM_FIELDS, fail, f"{where}.")
            if "claim" not in item:
                raise fail(
                    f"{where}.claim", "missing required field", "add 'claim: <text>' (or write the entry as text)"
                )
        if isinstance(item, str) and not item.strip():
            raise fail(where, f"empty ({shown(item)})", "write the claim's text or remove the entry")
        if isinstance(item, dict) and isinstance(item["claim"], str) and not item["claim"].strip():
            raise fail(f"{where}.claim", f"empty ({shown(item['claim'])})", "write the claim's text after 'claim:'")
        if isinstance(item, str):
            forbidden.append(ForbiddenClaim(core_text(item)))
        elif isinstance(item, dict) and isinstance(item.get("claim"), str):
            variants = _string_list(item.get("variants"), f"{where}.variants", fail)
            regexes = _parse_regexes(item.get("regex"), f"{where}.regex", fail)
            if regexes and variants:
                raise fail(
                    f"{where}.variants",
                    "a regex claim has no variants",
                    "add the other forms as more regexes ('regex: [a, b]') or as another claim",
                )
            claim = item["claim"].strip() if regexes else core_text(item["claim"])
            forbidden.append(ForbiddenClaim(claim, tuple(core_text(variant) for variant in variants), regexes))
        else:
            raise fail(where, "must be a string or a mapping with 'claim'", "use '- claim: ...' or a plain string")
    if expect is None and not forbidden:
        raise fail("trap", "a trap needs 'expect' or 'forbidden'", "add 'expect: uncertainty' or forbidden claims")
    penalty = _number(value.get("penalty", DEFAULT_TRAP_PENALTY), "trap.penalty", fail, "use e.g. 'penalty: 25'")
    if penalty < 0:
        raise fail("trap.penalty", f"{penalty:g} is not a non-negative number", "use e.g. 'penalty: 25'")
    if penalty > 100:  # `penalty: 200` was taken: points off a 0-100 score, of which 100 already takes all
        raise fail(
            "trap.penalty",
            f"{penalty:g} is more than 100 points: the penalty is taken off a score of 0-100 for each forbidden "
            "claim found, and 100 already takes the whole score",
            "use a number from 0 to 100, e.g. 'penalty: 25'",
        )
    if 0 < penalty < 1:  # 0.25 meant as 25 points, as `threshold: 0.6` meant 60%: a quarter of a point was taken
        raise fail(
            "trap.penalty",
            f"{penalty:g} looks like a fraction, but the penalty is in points (0-100) off the score",
            f"write {penalty * 100:g} for {penalty * 100:g} points (0 for none)",
        )
    return Trap(expect=expect, forbidden=tuple(forbidden), penalty=float(penalty))
