"""The run's results document on disk, kept current at a cost that stays flat per case.

Crash safety: every case is appended to `cases.jsonl` as it finishes - the crash log. The line is
written at once (a killed process loses nothing); it is fsynced at most every `FSYNC_INTERVAL_S` and at
the end, so a case does not pay a disk flush (11 ms on this machine's disk) and a machine crash loses
at most that last second. `results.json` (cases, aggregates, run info) is written through a temporary file and a
rename at the end of the run and at most every `save_interval_s` in between, so recording stays
O(1) per case however many cases a run has; `python -m pytest_llmeval` can rebuild a results.json
from a cases.jsonl if the process died before its last save.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .aggregate import aggregate_document
from .schema import CASES_FILE, RESULTS_FILE, SCHEMA_VERSION, CaseRecord, ResultsDocument

DEFAULT_SAVE_INTERVAL_S = 5.0
FSYNC_INTERVAL_S = 1.0  # cases.jsonl reaches the disk at least this often (and at the end)


def json_default(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _dumps(value: Any, indent: int | None) -> str:
    """json.dumps, with NaN and infinities written as null: bare NaN / Infinity is not JSON (strict parsers, jq and
    JavaScript refuse the file). The common case pays nothing: only a value that has one is walked."""
    try:
        return json.dumps(value, ensure_ascii=False, indent=indent, default=json_default, allow_nan=False)
    except ValueError as exc:
        if "Out of range float" not in str(exc):
            raise
    return json.dumps(_finite(value), ensure_ascii=False, indent=indent, default=json_default, allow_nan=False)


def _finite(value: Any) -> Any:
    """`value` with every NaN or infinite float (numpy's included) replaced by None."""
    if isinstance(value, float) or (hasattr(value, "item") and not hasattr(value, "__len__")):
        number = value.item() if hasattr(value, "item") else value
        return None if isinstance(number, float) and not math.isfinite(number) else number
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def to_json(doc: Any, indent: int | None = 2, written: Mapping[str, list[str]] | None = None) -> str:
    """JSON text. Indented, a document's top-level lists (its cases, benchmarks) hold one compact item a line:
    json's C encoder does not indent, and a fully indented run of thousands of cases took seconds to write. NaN and
    infinities are written as null (`_dumps`). `written`: of some top-level lists, by key, their items' compact JSON
    (`to_json(item, indent=None)`) where the caller has it already."""
    if indent is None or not isinstance(doc, dict) or not all(isinstance(k, str) for k in doc):
        return _dumps(doc, indent)
    pad = " " * indent
    parts = []
    for key, value in doc.items():
        if isinstance(value, list) and value:
            known = written.get(key) if written is not None else None
            items = f",\n{pad}{pad}".join(
                known if known is not None else (to_json(item, indent=None) for item in value)
            )
            text = f"[\n{pad}{pad}{items}\n{pad}]"
        else:
            text = _dumps(value, indent).replace("\n", "\n" + pad)
        parts.append(f"{pad}{json.dumps(key, ensure_ascii=False)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}" if parts else "{}"


STALE_COMPARISON = "comparison.md"  # `compare --markdown` output that scripts/nightly.sh keeps in the report dir


def atomic_write(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder and a rename: readers never see half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def new_run_id() -> str:
    """A run's identity (`run.run_id`), new for every run written - by pytest, `rescore` and `merge`: a copy of a
    results.json keeps it, so the gate can tell a run compared with itself or its saved copy (compare/runs.py
    `same_run`), which neither the file's path nor `started_at` (a re-score keeps it) can."""
    return uuid.uuid4().hex


def case_key(record: dict[str, Any]) -> tuple[str, str, str, int]:
    """What identifies one evaluation: (model, mode, case, sample)."""
    return (record["model"], record.get("mode", "norag"), record["scenario_id"], int(record.get("sample", 0)))


class RunRecorder:
    """Collects launches, case records and benchmarks of one run and keeps the files on disk current."""

    def __init__(
        self,
        report_dir: Path,
        run_info: dict[str, Any],
        save_interval_s: float = DEFAULT_SAVE_INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.report_dir = report_dir
        self.report_dir.mkdir(parents=True, exist_ok=True)
        # the previous run's comparison (scripts/nightly.sh writes it beside the reports) would read as this run's
        (report_dir / STALE_COMPARISON).unlink(missing_ok=True)
        self.run: dict[str, Any] = {"run_id": new_run_id(), "started_at": _now(), **run_info, "status": "running"}
        self.run.setdefault("launches", [])
        self.cases: dict[tuple[str, str, str, int], CaseRecord] = {}
        # each case's line in cases.jsonl (without its newline), which results.json's saves reuse: a case record is
        # not changed once recorded (cases.jsonl, from which a results.json can be rebuilt, holds it as it came)
        self._lines: dict[tuple[str, str, str, int], str] = {}
        self.benchmarks: list[dict[str, Any]] = []
        self.comparison: dict[str, Any] | None = None
        self.extras: dict[str, Any] = {}  # top-level sections added at the end: "cost", "sizing"
        self.save_interval_s = save_interval_s
        self._clock = clock
        self._last_save = float("-inf")
        self._lock = threading.RLock()
        self._timer: threading.Timer | None = None  # the deferred save of a change made inside the interval
        self._cases_path = report_dir / CASES_FILE
        # a raw descriptor kept open: one append per case (fsynced at most every FSYNC_INTERVAL_S), and on a
        # failed write (a full disk) the file is cut back to its last complete line, which a buffered file cannot
        self._cases_fd: int | None = os.open(self._cases_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        self._cases_size = 0
        self._cases_lines = 0  # the complete lines cases.jsonl holds
        self._last_fsync = float("-inf")
        self.write_error: RecordingError | None = None  # the first failed write; the run stops on it
        # the aggregates of the last document() and what they were computed from: the end of a run asks for the
        # document several times (cost and sizing, the comparison, the final save) with nothing recorded between
        self._aggregates: tuple[int, bool, dict[str, Any]] | None = None  # (changes, with intervals, aggregates)
        self._changes = 0  # cases, benchmarks and memory records added so far
        self.saved_text: str | None = None  # results.json as last written (the saved run is the same text)

    @property
    def results_path(self) -> Path:
        return self.report_dir / RESULTS_FILE

    def add_launch(self, launch: dict[str, Any]) -> None:
        with self._lock:
            self.run["launches"].append(launch)
            self.save(force=True)  # rare, and what a crashed run most needs to show

    def update_launch(self, model: str, **fields: Any) -> None:
        """Add fields (stopped_at, exit_code) to the latest launch of a model."""
        with self._lock:
            for launch in reversed(self.run["launches"]):
                if launch.get("model") == model:
                    launch.update(fields)
                    return

    def add_memory(self, model: str, memory: dict[str, Any]) -> None:
        """Memory sampled while a model's server ran (NVML GPU memory, or the server tree's RSS)."""
        with self._lock:
            self.run.setdefault("memory", {})[model] = memory
            self._changes += 1
            self.save()

    def add_benchmark(self, record: dict[str, Any]) -> None:
        with self._lock:
            self.benchmarks.append(record)
            self._changes += 1
            self.save(force=True)

    def add_case(self, record: CaseRecord) -> bool:
        """Record a case once; a second record of the same (model, mode, case, sample) is ignored."""
        with self._lock:
            key = case_key(dict(record))
            if key in self.cases:
                return False
            line = to_json(record, indent=None)
            self._lines[key] = line  # first: results.json's saves read the line of every recorded case
            self.cases[key] = record  # before the line: a Ctrl-C right after it must not leave it out of results.json
            try:
                self._append_case(line + "\n")
            except KeyboardInterrupt:
                raise  # the record stays: it was measured, and results.json (written at the end) keeps it
            except BaseException:
                # not written (a full disk): the run stops, --llm-resume asks it again
                del self.cases[key], self._lines[key]
                raise
            self._changes += 1
            self.save()
            return True

    def order_cases(self, position: Callable[[CaseRecord], int | None]) -> None:
        """Put the recorded cases in the order `position` gives each record (under pytest-xdist: its test's place in
        the run's collection, where the records came in as the workers' reports happened to arrive), the samples of
        one test in sample order; a record without a position keeps its place among the others, after those with
        one. results.json (and the reports) follow; cases.jsonl stays in the order the records came."""
        with self._lock:
            last = len(self.cases)

            def place(item: tuple[int, tuple[tuple[str, str, str, int], CaseRecord]]) -> tuple[int, int, int]:
                arrived, (key, record) = item
                found = position(record)
                return (last, arrived, 0) if found is None else (found, key[3], arrived)

            ordered = [key for _, (key, _) in sorted(enumerate(self.cases.items()), key=place)]
            if ordered == list(self.cases):
                return
            self.cases = {key: self.cases[key] for key in ordered}
            self._lines = {key: self._lines[key] for key in ordered}
            self._changes += 1  # the aggregates list the models and categories in the order their cases come

    def _append_case(self, line: str) -> None:
        if self._cases_fd is None:
            raise self.write_error or RecordingError(f"{self._cases_path} is closed")
        data = line.encode("utf-8")
        try:
            written = 0
            while written < len(data):
                written += os.write(self._cases_fd, data[written:])
            now = self._clock()
            if now - self._last_fsync >= FSYNC_INTERVAL_S:
                os.fsync(self._cases_fd)
                self._last_fsync = now
        except OSError as exc:
            os.ftruncate(self._cases_fd, self._cases_size)  # never leave half a line
            raise self._failed(self._cases_path, exc) from None
        self._cases_size += len(data)
        self._cases_lines += 1

    def _failed(self, path: Path, exc: OSError) -> RecordingError:
        """The first write failure, in words: what failed, what is kept, the fix."""
        if self.write_error is None:
            self.write_error = RecordingError(
                f"cannot write {path}: {exc.strerror or exc}. Kept: {self._cases_path} with the "
                f"{self._cases_lines} case(s) recorded before, each on a complete line"
                + (", and results.json as last saved" if self.results_path.exists() else "")
                + ". Fix: free space there or choose another --llm-report-dir=..., then rerun with --llm-resume "
                "to ask only the cases that have no record"
            )
        return self.write_error

    def document(self, intervals: bool = True) -> ResultsDocument:
        """The whole document; `intervals=False` skips the intervals (intermediate saves stay cheap). The
        aggregates are computed again only when a case, benchmark or memory record came in since the last call
        (a document with intervals also serves a call without)."""
        cases = list(self.cases.values())
        known = self._aggregates
        if known is not None and known[0] == self._changes and known[1] >= intervals:
            aggregates = known[2]
        else:
            aggregates = dict(aggregate_document(cases, self.run.get("memory", {}), intervals, self.benchmarks))  # type: ignore[arg-type]
            self._aggregates = (self._changes, intervals, aggregates)
        doc: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "run": self.run,
            "cases": cases,
            "aggregates": dict(aggregates),
            "benchmarks": self.benchmarks,
        }
        if self.comparison is not None:
            doc["comparison"] = self.comparison
        doc.update(self.extras)
        return doc  # type: ignore[return-value]

    def save(self, force: bool = False, intervals: bool = False) -> ResultsDocument | None:
        """Write results.json when forced or when the last write is older than the save interval; a change
        inside the interval is written by a timer when the interval ends, so results.json is never more
        than `save_interval_s` behind. Intermediate saves leave the confidence intervals out."""
        with self._lock:
            now = self._clock()
            if not force and now - self._last_save < self.save_interval_s:
                if self._timer is None:
                    delay = self.save_interval_s - (now - self._last_save)
                    self._timer = threading.Timer(max(delay, 0.0), self._deferred_save)
                    self._timer.daemon = True
                    self._timer.start()
                return None
            self._cancel_timer()
            doc = self.document(intervals)
            text = to_json(doc, written={"cases": [self._lines[key] for key in self.cases]})
            try:
                atomic_write(self.results_path, text)
            except OSError as exc:  # the previous results.json stays as it was (write and rename)
                raise self._failed(self.results_path, exc) from None
            self.saved_text = text
            # the next save waits for the interval, or for 10x what this one took if that is longer: on a run
            # of many thousands of cases the saves in between stay under a tenth of the time
            spent = self._clock() - now
            self._last_save = now + max(0.0, 10 * spent - self.save_interval_s)
            return doc

    def _deferred_save(self) -> None:
        with self._lock:
            self._timer = None
            if self._cases_fd is not None:
                try:
                    self.save(force=True)
                except RecordingError:  # kept in write_error; the run stops at its next record
                    pass

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def finish(self, status: str) -> ResultsDocument:
        with self._lock:
            self._cancel_timer()
            if self._cases_fd is not None:
                with contextlib.suppress(OSError):  # every line was written; this only hurries the disk
                    os.fsync(self._cases_fd)
                os.close(self._cases_fd)
                self._cases_fd = None
        self.run["status"] = status
        self.run["finished_at"] = _now()
        doc = self.save(force=True, intervals=True)
        assert doc is not None
        return doc


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


class RecordingError(OSError):
    """A results file could not be written (a full disk); the message says what is kept and the fix."""


class ResultsFileError(ValueError):
    """A results file cannot be read; the message names the file and the fix."""


def load_results(path: Path, check_types: bool = True) -> dict[str, Any]:
    """A run's results document, read and checked: JSON, schema version, the shape every reader indexes, and (with
    `check_types`) no field of the wrong type - `results.load` checks the whole schema itself, once."""
    try:  # utf-8-sig: a results.json saved again by an editor that writes a byte order mark is still the run
        doc = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ResultsFileError(f"{path}: cannot read ({exc.strerror})") from None
    except RecursionError:  # arrays or objects nested thousands deep: json's parser runs out of stack
        raise ResultsFileError(
            f"{path}: nested too deeply to be a results.json (not a run pytest-llmeval wrote). Fix: pass the "
            "results.json of a run (or its report folder)"
        ) from None
    except json.JSONDecodeError as exc:
        if not exc.doc.strip():  # "not valid JSON (line 1)" for a file with nothing in it
            raise ResultsFileError(blank_file_problem(path)) from None
        raise ResultsFileError(
            f"{path}: not valid JSON (line {exc.lineno}): cut short, or not a results.json. Fix: name a run's "
            "results.json, report dir or saved run (python -m pytest_llmeval runs lists them); a run killed while "
            "writing leaves its saved copy in .llmeval/runs"
        ) from None
    except UnicodeDecodeError as exc:  # results.json is always UTF-8: this is another kind of file
        raise ResultsFileError(
            f"{path}: not UTF-8 text (byte {exc.start}): is it a results.json? Fix: pass the results.json of a run "
            "(or its report folder)"
        ) from None
    if not isinstance(doc, dict) or "schema_version" not in doc:
        raise ResultsFileError(
            f"{path}: no schema_version: not a results.json written by pytest-llmeval. Fix: pass the results.json of "
            "a run (or its report folder)"
        )
    if doc.get("schema_version") not in (1, SCHEMA_VERSION):
        raise ResultsFileError(_schema_version_problem(path, doc.get("schema_version")))
    problem = _shape_problem(doc)
    if problem is not None:  # what every reader of a run indexes without asking (report, compare, rescore, merge)
        raise ResultsFileError(
            f"{path}: {problem}: not a results.json as pytest-llmeval writes it. Fix: use the run's "
            "own results.json (or its saved run), or check the field named"
        )
    if check_types and doc.get("schema_version") == SCHEMA_VERSION:
        from .loader import schema_problems

        wrong = schema_problems(doc, missing_ok=True)  # a field of another type, e.g. a case's judge as a list
        if wrong is not None:
            raise ResultsFileError(
                f"{path}: fields of the wrong type for a results.json: {wrong}. Fix: use the run's own results.json "
                "(or its saved run), or correct the fields named"
            )
    return doc


BOM = b"\xef\xbb\xbf"


def blank_file_problem(path: Path) -> str:
    """Why a results.json with no JSON in it cannot be read, saying what it holds and the fix. A file of only a byte
    order mark (an editor's "save as UTF-8 with BOM" of an empty buffer) or only blank lines was reported as "is empty
    (0 bytes)": the size of the text after the mark was taken off, which `ls -l` contradicts, and the fix (the run
    stopped before writing) was not what happened to a file an editor or a script wrote."""
    try:
        raw = Path(path).read_bytes()
    except OSError:
        raw = b""
    fix = (
        "Fix: name another run (python -m pytest_llmeval runs lists them) or its saved copy in .llmeval/runs; the "
        "cases.jsonl beside it keeps every recorded case (pytest --llm-resume in that report dir asks only the rest "
        "and writes results.json again)"
    )
    if not raw:
        return f"{path}: is empty (0 bytes): the run stopped before it wrote its results. {fix}"
    body = raw[len(BOM) :] if raw.startswith(BOM) else raw
    if not body:
        held = f"only a UTF-8 byte order mark ({len(raw)} bytes, EF BB BF), no JSON"
    else:
        kinds = _whitespace_kinds(body.decode("utf-8", errors="replace"))
        mark = "a UTF-8 byte order mark and " if body is not raw else ""
        held = f"{mark}only whitespace ({len(raw)} byte{'' if len(raw) == 1 else 's'}: {kinds}), no JSON"
    return (
        f"{path}: holds {held}: not a results.json a run wrote (it is saved whole or not at all) - an editor or a "
        f"script emptied it. {fix}"
    )


def _whitespace_kinds(text: str) -> str:
    """The kinds of blank characters a text holds, in words: `2 newlines, 3 spaces`."""
    names = {"\n": "newline", "\r": "carriage return", "\t": "tab", " ": "space"}
    counts: dict[str, int] = {}
    for char in text:
        name = names.get(char, f"U+{ord(char):04X}")
        counts[name] = counts.get(name, 0) + 1
    return ", ".join(f"{n} {name}{'s' if n > 1 and name in names.values() else ''}" for name, n in counts.items())


def _schema_version_problem(path: Path, version: Any) -> str:
    """Why a run of another schema version cannot be read, and the fix: a newer one is read by a newer
    pytest-llmeval (running this version again would not help), any other value is no version this plugin wrote."""
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        return (
            f"{path}: schema_version {version} was written by a newer pytest-llmeval (this one reads 1 and "
            f"{SCHEMA_VERSION}). Fix: upgrade pytest-llmeval (pip install -U pytest-llmeval-vllm) to read it"
        )
    return (
        f"{path}: schema_version {version!r} is no version pytest-llmeval writes (1 or {SCHEMA_VERSION}): edited by "
        "hand or written by another tool. Fix: use the run's own results.json (or its saved copy in .llmeval/runs)"
    )


def _shape_problem(doc: dict[str, Any]) -> str | None:
    """The first part of a run's document that is not the shape every reader expects, in words; None if none.
    A hand-edited or foreign file was a KeyError or TypeError traceback in `report`, `compare` and `rescore`."""
    for section in ("run", "cases"):
        if section not in doc:
            return f"no '{section}'"
    for section, kind in (("run", dict), ("cases", list), ("aggregates", dict), ("benchmarks", list)):
        if section in doc and not isinstance(doc[section], kind):
            return f"'{section}' is {type(doc[section]).__name__}, not {'an object' if kind is dict else 'a list'}"
    for index, case in enumerate(doc.get("cases") or []):
        if not isinstance(case, dict):
            return f"cases[{index}] is {type(case).__name__}, not an object"
        for field in ("model", "scenario_id"):
            if not isinstance(case.get(field), str):
                return f"cases[{index}] has no {field!r}"
    return None
