"""The scenario case model: `Case` (with its key points, trap and forbidden claims), the values its fields allow,
and `ScenarioError`, the error every check of a scenario file raises."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .numbers import NumberForms

TRAP_EXPECTATIONS = ("refusal", "uncertainty")
LANGUAGES = ("zh", "en")
DEFAULT_THRESHOLD = 60.0
DEFAULT_TRAP_PENALTY = 25.0
CASE_LABEL_SHOWN = 80  # characters of a case's id an error quotes
SCORERS = ("keyword", "ocrbench", "exact")
ASSERT_WITH = ("keyword", "judge")


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
