"""Scenario files: load YAML, validate, and turn each case into a `Case`.

The schema is documented in docs/scenarios.md. Validation errors name the file,
the case and the field, and say how to fix it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ID_PATTERN = re.compile(r"^[a-z0-9_]+$")
TRAP_EXPECTATIONS = ("refusal", "uncertainty")
DEFAULT_THRESHOLD = 60.0
DEFAULT_TRAP_PENALTY = 25.0
SCENARIO_SUFFIXES = (".yaml", ".yml")
KNOWLEDGE_DIR_NAME = "knowledge"


class ScenarioError(ValueError):
    """A scenario file is malformed; the message names file, case, field and fix."""

    def __init__(self, path: Path | str, case: str | None, field_name: str | None, problem: str, fix: str) -> None:
        where = f"{path}"
        if case:
            where += f", case '{case}'"
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

    @property
    def variants(self) -> tuple[str, ...]:
        return (self.point, *self.synonyms)


@dataclass(frozen=True)
class ForbiddenClaim:
    claim: str
    variants: tuple[str, ...] = ()

    @property
    def all_forms(self) -> tuple[str, ...]:
        return (self.claim, *self.variants)


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
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def content_hash(self) -> str:
        """A short hash of everything that decides how the case is asked and scored: a saved run's case
        with another hash was a different question and is never compared as the same one."""
        import hashlib
        import json
        from dataclasses import asdict

        data = {k: v for k, v in asdict(self).items() if k not in ("source", "suite", "extra", "images")}
        data["images"] = [hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in self.images if Path(p).is_file()]
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


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
}
SCORERS = ("keyword", "ocrbench", "exact")
ASSERT_WITH = ("keyword", "judge")
MAX_IMAGE_BYTES = 20 * 2**20


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
                "no such file or folder",
                "pass an existing scenario file or folder to --llm-scenarios",
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


def load_file(path: Path) -> list[Case]:

    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(path, None, None, f"cannot read file ({exc})", "save it as UTF-8 text") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        raise ScenarioError(
            path,
            None,
            None,
            f"invalid YAML{line}: {getattr(exc, 'problem', exc)}",
            "correct the YAML syntax (indentation, quotes, colons)",
        ) from None
    if not isinstance(data, dict) or "cases" not in data:
        raise ScenarioError(
            path,
            None,
            "cases",
            "missing top-level 'cases' list",
            "put the cases under a top-level 'cases:' key (see docs/scenarios.md)",
        )
    raw_cases = data["cases"]
    if not isinstance(raw_cases, list) or not raw_cases:
        raise ScenarioError(path, None, "cases", "'cases' must be a non-empty list", "add at least one case")
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise ScenarioError(path, None, "defaults", "'defaults' must be a mapping", "use 'defaults: {threshold: 60}'")
    if "scorer" in data:  # a file-level scorer is a default of every case
        defaults = {"scorer": data["scorer"], **defaults}
    suite = data.get("suite") or path.stem
    if not isinstance(suite, str):
        raise ScenarioError(path, None, "suite", "'suite' must be a string", "use e.g. 'suite: analysis'")
    return [_parse_case(path, index, raw, defaults, suite) for index, raw in enumerate(raw_cases)]


def _parse_case(path: Path, index: int, raw: Any, defaults: dict[str, Any], suite: str) -> Case:
    label = f"#{index + 1}"
    if not isinstance(raw, dict):
        raise ScenarioError(path, label, None, "a case must be a mapping", "write the case as 'key: value' lines")
    merged = {**defaults, **raw}
    case_id = merged.get("id")
    if case_id is not None:
        label = str(case_id)

    def fail(field_name: str, problem: str, fix: str) -> ScenarioError:
        return ScenarioError(path, label, field_name, problem, fix)

    unknown = sorted(set(raw) - _CASE_FIELDS)
    if unknown:
        raise fail(unknown[0], "unknown field", f"remove it or use one of {sorted(_CASE_FIELDS)}")
    for required in ("id", "category", "question"):
        if required not in merged or merged[required] in (None, ""):
            raise fail(required, "missing required field", f"add '{required}:' to the case")
    for name in ("id", "category"):
        value = merged[name]
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            raise fail(name, f"{value!r} is not a valid {name}", "use lower-case letters, digits and '_' only")
    question = merged["question"]
    if not isinstance(question, str) or not question.strip():
        raise fail("question", "must be a non-empty string", "write the question as text")
    system = merged.get("system")
    if system is not None and not isinstance(system, str):
        raise fail("system", "must be a string", "write the system prompt as text or remove it")

    scorer = merged.get("scorer", "keyword")
    if scorer not in SCORERS:
        raise fail("scorer", f"{scorer!r} is not a scorer", f"use one of {list(SCORERS)}")
    assert_with = merged.get("assert_with", "keyword")
    if assert_with not in ASSERT_WITH:
        raise fail("assert_with", f"{assert_with!r} is not a grader", f"use one of {list(ASSERT_WITH)}")
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
        key_points = _parse_key_points(merged.get("key_points"), trap, fail)
    threshold = merged.get("threshold", DEFAULT_THRESHOLD)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 100:
        raise fail("threshold", f"{threshold!r} is not a percentage", "use a number from 0 to 100, e.g. 60")
    documents = merged.get("documents") or []
    if not isinstance(documents, list) or not all(isinstance(d, str) and d for d in documents):
        raise fail("documents", "must be a list of document paths", "list paths relative to scenarios/knowledge/")
    max_tokens = merged.get("max_tokens")
    if max_tokens is not None and (isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1):
        raise fail("max_tokens", f"{max_tokens!r} is not a positive integer", "use e.g. 'max_tokens: 512'")
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
    )


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
    from ..vision.images import ImageError, load_image

    resolved = []
    for item in items:
        image_path = (path.parent / item).resolve()
        try:
            load_image(image_path, max_bytes=MAX_IMAGE_BYTES)
        except ImageError as exc:
            raise fail(
                field_name, f"{item}: {exc}", "point it at a PNG/JPEG/WebP file next to the scenario file"
            ) from None
        resolved.append(str(image_path))
    return tuple(resolved)


def _string_list(value: Any, field_name: str, fail: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) and str(v).strip() for v in value):
        raise fail(field_name, "must be a list of non-empty strings", "write it as [a, b, c]")
    return tuple(str(v).strip() for v in value)


def _parse_key_points(value: Any, trap: Trap | None, fail: Any) -> tuple[KeyPoint, ...]:
    if value is None or value == []:
        if trap is not None and trap.expect:
            return ()
        raise fail("key_points", "missing or empty", "list at least one key point (see docs/scenarios.md)")
    if not isinstance(value, list):
        raise fail("key_points", "must be a list", "write one '- point: ...' entry per key point")
    points: list[KeyPoint] = []
    for i, item in enumerate(value):
        where = f"key_points[{i}]"
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            if not str(item).strip():
                raise fail(where, "empty key point", "write the key point text")
            points.append(KeyPoint(str(item).strip()))
            continue
        if not isinstance(item, dict):
            raise fail(where, "must be a string or a mapping", "use '- point: 名称' with optional synonyms/weight")
        unknown = sorted(set(item) - {"point", "synonyms", "weight"})
        if unknown:
            raise fail(f"{where}.{unknown[0]}", "unknown field", "use only point, synonyms, weight")
        point = item.get("point")
        if point is None or not str(point).strip():
            raise fail(f"{where}.point", "missing required field", "add 'point: <text>'")
        weight = item.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
            raise fail(f"{where}.weight", f"{weight!r} is not a positive number", "use e.g. 'weight: 2'")
        synonyms = _string_list(item.get("synonyms"), f"{where}.synonyms", fail)
        points.append(KeyPoint(str(point).strip(), synonyms, float(weight)))
    return tuple(points)


def _parse_trap(value: Any, fail: Any) -> Trap | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise fail("trap", "must be a mapping", "use 'trap: {expect: uncertainty, forbidden: [...]}'")
    unknown = sorted(set(value) - {"expect", "forbidden", "penalty"})
    if unknown:
        raise fail(f"trap.{unknown[0]}", "unknown field", "use only expect, forbidden, penalty")
    expect = value.get("expect")
    if expect is not None and expect not in TRAP_EXPECTATIONS:
        raise fail("trap.expect", f"{expect!r} is not a known expectation", f"use one of {list(TRAP_EXPECTATIONS)}")
    raw_forbidden = value.get("forbidden") or []
    if not isinstance(raw_forbidden, list):
        raise fail("trap.forbidden", "must be a list", "list the claims that must not appear")
    forbidden: list[ForbiddenClaim] = []
    for i, item in enumerate(raw_forbidden):
        where = f"trap.forbidden[{i}]"
        if isinstance(item, str) and item.strip():
            forbidden.append(ForbiddenClaim(item.strip()))
        elif isinstance(item, dict) and item.get("claim"):
            unknown = sorted(set(item) - {"claim", "variants"})
            if unknown:
                raise fail(f"{where}.{unknown[0]}", "unknown field", "use only claim, variants")
            forbidden.append(
                ForbiddenClaim(
                    str(item["claim"]).strip(), _string_list(item.get("variants"), f"{where}.variants", fail)
                )
            )
        else:
            raise fail(where, "must be a string or a mapping with 'claim'", "use '- claim: ...' or a plain string")
    if expect is None and not forbidden:
        raise fail("trap", "a trap needs 'expect' or 'forbidden'", "add 'expect: uncertainty' or forbidden claims")
    penalty = value.get("penalty", DEFAULT_TRAP_PENALTY)
    if isinstance(penalty, bool) or not isinstance(penalty, (int, float)) or penalty < 0:
        raise fail("trap.penalty", f"{penalty!r} is not a non-negative number", "use e.g. 'penalty: 25'")
    return Trap(expect=expect, forbidden=tuple(forbidden), penalty=float(penalty))
