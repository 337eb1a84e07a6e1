"""Public benchmarks from disk, without writing YAML: rows become scenario cases.

    ocrbench:/data/OCRBench   OCRBench's layout: OCRBench.json (a list of {"dataset_name", "id", "image_path",
                              "question", "answers", "type"}) and the images under the folder
    jsonl:/data/mine.jsonl    one object per line: image (relative to the file), question, answers (str or list),
                              category (optional), id (optional)

`limit` keeps the first N rows (the seed ran 300 and 1,000). Categories are the dataset's own ("type").
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..evaluation.case_model import Case
from ..textfiles import MIB, not_utf8, size_problem
from .images import DEFAULT_MAX_BYTES, ImageError, image_path, load_image

# the largest dataset file read (rows of questions and image paths: a benchmark's index is a few MB): larger, it is
# a dump or a sparse file, and it was read whole - into memory - before any row was checked
MAX_DATASET_BYTES = 64 * MIB

FORMS = "'ocrbench:/path/to/OCRBench' or 'jsonl:/path/to/cases.jsonl'"


class DatasetError(ValueError):
    """A dataset row cannot be used; the message names the file, the row, the field and the fix."""


def parse_dataset_spec(spec: str) -> tuple[str, Path]:
    kind, sep, path = spec.partition(":")  # `jsonl: data/x.jsonl` and `JSONL:` as an ini line may be typed
    kind, path = kind.strip().lower(), path.strip()
    if not sep or kind not in ("ocrbench", "jsonl") or not path:
        raise DatasetError(f"--llm-dataset {spec!r}: use {FORMS}")
    return kind, Path(path).expanduser()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", text.lower()).strip("_") or "case"


def _answers(value: Any, where: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items):
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            field = f"answers[{index}]" if isinstance(value, list) else "answers"
            raise DatasetError(
                f"{where}: field {field!r} is {_kind(item)}, not text or a number. Fix: write the accepted answer "
                'as text, e.g. "42"'
            )
    answers = tuple(str(a).strip() for a in items if str(a).strip())
    if not answers:
        raise DatasetError(f"{where}: field 'answers' is empty. Fix: give the accepted answer(s)")
    return answers


def _kind(value: Any) -> str:
    """A JSON value's kind in words, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    kinds = {dict: "an object", list: "a list", str: "text", int: "a number", float: "a number"}
    return kinds.get(type(value), type(value).__name__)


def _text_field(row: dict[str, Any], field: str, where: str, default: str | None = None) -> str:
    """A row's text field (`question`, `image`; with a `default`, the optional `category`/`type`, where a number
    is taken as its text): non-empty text."""
    if field not in row and default is not None:
        return default
    value = row.get(field)
    if default is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and not value.strip():
        raise DatasetError(f"{where}: field {field!r} is empty. Fix: write the {field} as text")
    if not isinstance(value, str):
        raise DatasetError(
            f"{where}: field {field!r} must be text, not {_kind(value)}. Fix: write the {field} as text in quotes"
        )
    return value


def _row_id(row: dict[str, Any], default: Any, where: str) -> str:
    """A row's `id`: text or an integer (`default` when absent)."""
    value = row.get("id", default)
    if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
        raise DatasetError(f'{where}: field \'id\' is {_kind(value)}, not text or an integer. Fix: e.g. "id": "r1"')
    return str(value)


def _case(
    row_id: str,
    category: str,
    question: str,
    image: Path,
    answers: tuple[str, ...],
    suite: str,
    source: str,
    where: str,
    max_bytes: int,
) -> Case:
    try:
        load_image(image, max_bytes=max_bytes)
    except ImageError as exc:
        raise DatasetError(f"{where}: image {image}: {exc}. Fix: point the row at an existing image") from None
    return Case(
        id=row_id,
        category=_slug(category),
        question=question.strip(),
        key_points=(),
        suite=suite,
        source=source,
        threshold=50.0,
        scorer="ocrbench",
        images=(str(image.resolve()),),
        accepted_answers=answers,
        extra={"where": where},
    )


def _image_file(folder: Path, written: str, where: str) -> Path:
    """A row's image path read as a scenario's is (`image_path`: `~/`, `$DATA/`, `imgs\\a.png`), else why not."""
    try:
        return image_path(folder, written)[0]
    except ImageError as exc:
        raise DatasetError(f"{where}: image {written!r}: {exc}. Fix: point the row at an existing image") from None


def where_defined(case: Case) -> str:
    """Where a case comes from: a dataset's file and row, or a scenario file."""
    return str(case.extra.get("where") or case.source)


def check_unique_ids(cases: list[Case]) -> None:
    """Case ids are unique over scenario files and datasets; a clash names both places."""
    seen: dict[str, Case] = {}
    for case in cases:
        first = seen.setdefault(case.id, case)
        if first is not case:
            raise DatasetError(
                f"{where_defined(case)}: id {case.id!r} is already the id of {where_defined(first)}. "
                "Fix: give the row another 'id' (dataset ids must be unique and differ from scenario ids)"
            )


def load_ocrbench(folder: Path, limit: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Case]:
    candidates = [folder / "OCRBench.json", *sorted(folder.glob("*.json"))]
    index = next((p for p in candidates if p.is_file()), None)
    if index is None:
        raise DatasetError(f"{folder}: no OCRBench.json. Fix: point --llm-dataset ocrbench: at the OCRBench folder")
    text = _text(index, "use the benchmark's own file")  # a DatasetError (a ValueError) of its own: not caught below
    try:
        rows = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"{index}: not valid JSON (line {exc.lineno}). Fix: use the benchmark's own file") from None
    except ValueError:  # an integer of more than 4,300 digits
        raise DatasetError(f"{index}: not valid JSON (a number too long). Fix: use the benchmark's own file") from None
    if not isinstance(rows, list):
        raise DatasetError(f"{index}: expected a list of rows. Fix: use the benchmark's own file")
    cases = []
    for n, row in enumerate(rows[:limit] if limit else rows):
        where = f"{index}, row {n + 1}"
        if not isinstance(row, dict):
            raise DatasetError(f"{where}: a row must be an object. Fix: use the benchmark's own file")
        for field in ("image_path", "question", "answers"):
            if field not in row:
                raise DatasetError(f"{where}: field {field!r} missing. Fix: use the benchmark's own file")
        if "id" in row and isinstance(row["id"], (str, int)) and not isinstance(row["id"], bool):
            where = f"{where} (id {row['id']})"
        row_id = f"ocrbench_{_row_id(row, n, where)}"
        cases.append(
            _case(
                _slug(row_id),
                _text_field(row, "type", where, "ocr"),
                _text_field(row, "question", where),
                _image_file(folder, _text_field(row, "image_path", where), where),
                _answers(row["answers"], where),
                "ocrbench",
                str(index),
                where,
                max_bytes,
            )
        )
    return cases


def load_jsonl(path: Path, limit: int | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Case]:
    lines = _text(path, "pass an existing .jsonl file, saved as UTF-8").splitlines()
    cases = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}, line {n}"
        try:
            row = json.loads(line)
        except ValueError:  # JSONDecodeError, and an integer of more than 4,300 digits (a plain ValueError)
            raise DatasetError(f"{where}: not valid JSON. Fix: one JSON object per line") from None
        if not isinstance(row, dict):
            raise DatasetError(f"{where}: not a JSON object. Fix: one JSON object per line")
        for field in ("image", "question", "answers"):
            if field not in row:
                raise DatasetError(f"{where}: field {field!r} missing. Fix: add it to the row")
        cases.append(
            _case(
                _slug(_row_id(row, f"{path.stem}_{n}", where)),
                _text_field(row, "category", where, "ocr"),
                _text_field(row, "question", where),
                _image_file(path.parent, _text_field(row, "image", where), where),
                _answers(row["answers"], where),
                path.stem,
                str(path),
                where,
                max_bytes,
            )
        )
        if limit and len(cases) >= limit:
            break
    return cases


def load_dataset(spec: str, limit: int | None = None) -> list[Case]:
    """One dataset's rows as cases; duplicate ids within it are an error naming both rows."""
    kind, path = parse_dataset_spec(spec)
    problem = _path_problem(kind, path)
    if problem is not None:
        raise DatasetError(f"--llm-dataset {spec}: {path} {problem}")
    cases = load_ocrbench(path, limit) if kind == "ocrbench" else load_jsonl(path, limit)
    if not cases:  # the run would otherwise say "no scenario cases found" and point at scenarios/
        raise DatasetError(f"--llm-dataset {spec}: the dataset has no rows. Fix: pass the file that holds them")
    check_unique_ids(cases)
    return cases


def _path_problem(kind: str, path: Path) -> str | None:
    """Why `path` is not what a dataset of `kind` is read from (jsonl: a regular file; ocrbench: a folder), with the
    fix; None when it is. `jsonl:/dev/zero` was read until the memory ran out, a FIFO waited forever."""
    try:
        exists, is_dir, is_file = path.exists(), path.is_dir(), path.is_file()
    except OSError as exc:  # a name too long
        return f"cannot be looked up ({exc.strerror or exc}). Fix: pass the dataset's local path"
    if not exists:
        return "does not exist. Fix: pass the dataset's local path"
    if kind == "ocrbench":
        if is_dir:
            return None
        what = "is a file" if is_file else "is not a folder (a FIFO or a device)"
        return f"{what}; ocrbench: reads the benchmark's folder (OCRBench.json and the images). Fix: {FORMS}"
    if is_file:
        return None
    what = "is a folder" if is_dir else "is not a regular file (a FIFO or a device)"
    return f"{what}; jsonl: reads one file of JSON lines. Fix: {FORMS}"


def _text(path: Path, fix: str) -> str:
    """A dataset file's text (a UTF-8 byte-order mark, which Windows editors add, dropped); a file that cannot be
    read or is not UTF-8 is a DatasetError naming it."""
    too_large = size_problem(path, MAX_DATASET_BYTES, "a dataset file")
    if too_large is not None:  # read whole: `jsonl:` pointed at a dump or a sparse file filled the memory first
        raise DatasetError(f"{path}: {too_large}. Fix: pass the dataset's own file, or split it into smaller datasets")
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DatasetError(f"{path}: cannot read ({exc.strerror}). Fix: {fix}") from None
    except UnicodeDecodeError as exc:
        raise DatasetError(f"{path}: {not_utf8(exc)}. Fix: {fix}") from None
