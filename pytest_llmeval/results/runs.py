"""Saved runs: every run's results document is also kept as a numbered file in the project, the way
pytest-benchmark keeps `.benchmarks/`, so a later run can be compared with it by number or name.

    .llmeval/runs/0001_gemma-3-270m_20261124-001500.json
    .llmeval/runs/0002_nightly_20261125-020000.json

`resolve_run("0002" | "nightly" | "last" | "path/to/results.json" | "llmeval-report")` finds one; `list_runs()`
lists them. A name or `last` is the newest run by it that holds a case (what compares, accepts or grades a run): a
run of the load benchmark alone has none; `with_cases=False` (what shows a run) takes the newest whatever it holds.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .recorder import ResultsFileError, atomic_write, load_results, to_json
from .schema import RESULTS_FILE

# a saved run's file name: NNNN_name_YYYYMMDD-HHMMSS.json (number, name, stamp)
SAVED_RUN_FILE = re.compile(r"^(\d{4,})_(.+)_(\d{8}-\d{6})\.json$")


class RunNotFound(ValueError):
    """No saved run matches; the message lists what there is."""


@dataclass(frozen=True)
class SavedRun:
    number: int
    name: str
    stamp: str
    path: Path

    @property
    def ident(self) -> str:
        return f"{self.number:04d}"


DEFAULT_RUNS_DIR = Path(".llmeval/runs")
RUNS_DIR_INI = "llm_runs_dir"
# pytest's ini files, in the order pytest looks for them in each folder, and the section each keeps its settings in
_INI_FILES: tuple[tuple[str, str | None], ...] = (
    ("pytest.ini", "pytest"),
    (".pytest.ini", "pytest"),
    ("pyproject.toml", None),
    ("tox.ini", "pytest"),
    ("setup.cfg", "tool:pytest"),
)


def configured_runs_dir(start: Path | None = None) -> Path:
    """Where pytest saves this project's runs: `llm_runs_dir` of the ini file pytest would read from `start` (the
    current folder; the first folder upwards with a pytest ini file), as the plugin reads it (relative to the
    current folder); the default `.llmeval/runs` without one. The commands (`accept last`, `compare`, ...) then find
    the runs pytest saved where the project's ini says."""
    import configparser
    import tomllib

    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name, section in _INI_FILES:
            path = folder / name
            if not path.is_file():
                continue
            try:
                if (
                    section is None
                ):  # pyproject.toml counts with [tool.pytest.ini_options] (or pytest 9's [tool.pytest])
                    table = tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {}).get("pytest", {})
                    if not table:
                        continue
                    value = table.get("ini_options", table).get(RUNS_DIR_INI)
                else:
                    parser = configparser.ConfigParser(interpolation=None)
                    parser.read(path, encoding="utf-8")
                    if not parser.has_section(section):
                        if name in ("pytest.ini", ".pytest.ini"):  # pytest stops at a pytest.ini without one too
                            return DEFAULT_RUNS_DIR
                        continue
                    value = parser.get(section, RUNS_DIR_INI, fallback=None)
            except (OSError, ValueError, configparser.Error):
                return DEFAULT_RUNS_DIR  # pytest itself reports an ini file it cannot read
            return _runs_dir_path(str(value).strip()) if value else DEFAULT_RUNS_DIR
    return DEFAULT_RUNS_DIR


def _runs_dir_path(text: str) -> Path:
    """`llm_runs_dir` as the plugin reads it, `~` as the home folder (the commands looked in a folder named `~`:
    "no saved runs in ~/runs" where pytest had saved them); `~nobody/...` as written (the plugin refuses it)."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        return Path(text)


def _file_name_part(text: str) -> str:
    """`text` as a part of a file name: letters and digits of any script, `.`, `_` and `-` kept, any other run of
    characters one `-`. Letters of every script are kept: `--llm-save 夜间` had been saved as "run", so every name
    without an ASCII letter was one name - `compare 白天` found the run saved as 夜间."""
    return re.sub(r"[^\w.-]+", "-", text).strip("-")[:60]


def safe_name(text: str) -> str:
    return _file_name_part(text) or "run"


NEWEST = ("last", "latest")  # what `resolve_run` reads as the newest saved run


def unreachable_name(name: str) -> str | None:
    """Why a run saved under `name` could never be found by it (`resolve_run` reads it as something else first), or
    None: `last` and `latest` mean the newest run, a number is a run's number, and `.`, `..` or `_` - no letter or
    digit - name a folder or nothing."""
    safe = safe_name(name)
    if not any(char.isalnum() for char in _file_name_part(name)):
        return f"'{name}' has no letter or digit to name a file by"
    if safe in NEWEST:
        return f"'{name}' always means the newest saved run"
    if safe.isdigit():
        return f"'{name}' is read as a run number"
    return None


# a folder separator of any system, or a control character (NUL, a newline): a path or damage, never a run's name
_NOT_IN_A_NAME = re.compile(r"[/\\\x00-\x1f\x7f]")


def save_name_problem(flag: str, name: str) -> str | None:
    """The usage error for a save name that is a path (`reports/nightly`: a run is always saved in the saved-runs
    folder, under its number and name, never elsewhere), holds a control character, or could never be found by
    it (`unreachable_name`); None for a name that can be saved and found."""
    odd = _NOT_IN_A_NAME.search(name)
    if odd is not None:
        what = "a folder separator" if odd.group() in "/\\" else f"the control character {odd.group()!r}"
        return (
            f"{flag} {name!r}: a run's name, not a path - it holds {what}. A run is saved in the saved-runs folder "
            "(--llm-runs-dir) as NUMBER_NAME_DATE.json. Fix: a name of letters, digits, '.', '_' or '-', e.g. "
            "nightly-fp8; to save elsewhere, set --llm-runs-dir"
        )
    unreachable = unreachable_name(name)
    if unreachable is None:
        return None
    return (
        f"{flag} {name}: a run saved by this name could never be found by it - {unreachable}. "
        "Fix: choose another name, with a letter in it and not last or latest"
    )


def list_runs(runs_dir: Path) -> list[SavedRun]:
    if not runs_dir.is_dir():
        return []
    runs = []
    for path in runs_dir.glob("*.json"):
        match = SAVED_RUN_FILE.match(path.name)
        if match and not path.is_dir():  # a folder named like a run is no run: `last` read it ("Is a directory")
            runs.append(SavedRun(int(match.group(1)), match.group(2), match.group(3), path))
    # one number per run (save_run); a number two runs share (saved before that) is ordered by when it was written
    return sorted(runs, key=lambda r: (r.number, r.stamp, _mtime(r.path), r.path.name))


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


CLAIM_ATTEMPTS = 1000


def save_run(doc: dict[str, Any], runs_dir: Path, name: str, text: str | None = None) -> Path:
    """Write the document as the next numbered run; returns its path. `text`: the document's JSON when the
    caller has it already (the run's results.json), written as it is.

    Runs that finish together (the shards of a job array on a shared folder) each get their own number: a number is
    claimed with a file created exclusively (`.NNNN.claim`) and taken only if no run holds it yet. Before, both read
    the same last number: under one name and in the same second the second run replaced the first, and under two
    names `last` and the number picked one of the two by the folder's order."""
    runs_dir.mkdir(parents=True, exist_ok=True)
    existing = list_runs(runs_dir)
    number = existing[-1].number + 1 if existing else 1
    for _ in range(CLAIM_ATTEMPTS):
        claim = runs_dir / f".{number:04d}.claim"
        try:
            os.close(os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:  # another run is saving under it now (or one that crashed did)
            number += 1
            continue
        try:
            # saved since we listed
            if any(SAVED_RUN_FILE.match(p.name) for p in runs_dir.glob(f"{number:04d}_*.json")):
                number += 1
                continue
            path = runs_dir / f"{number:04d}_{safe_name(name)}_{time.strftime('%Y%m%d-%H%M%S')}.json"
            atomic_write(path, to_json(doc) if text is None else text)
            return path
        finally:
            claim.unlink(missing_ok=True)
    raise OSError(f"no free run number in {runs_dir} after {CLAIM_ATTEMPTS} tries (stale .NNNN.claim files?)")


FIX = (
    "Fix: pass a run's report dir (--llm-report-dir), its results.json, a saved run's number or name (--llm-save), "
    "or 'last'"
)


NO_CASE = "the load benchmark alone, or a run stopped before its first case"


@dataclass(frozen=True)
class FoundRun:
    """The results file a reference names, and the newer saved runs without a case it passed over to find it."""

    path: Path
    saved: SavedRun | None = None  # the saved run it is, when found by name or `last`
    passed_over: tuple[SavedRun, ...] = ()
    told: str | None = None  # which run a folder given for one was read as (compare/folder.py)

    def note(self, ref: str) -> str | None:
        """What `ref` was read as when it passed over newer runs without a case (a line for the user), else None."""
        if self.told is not None:
            return self.told
        chosen = self.saved
        if chosen is None or not self.passed_over:
            return None
        newer = ", ".join(f"{r.ident} ({r.name})" for r in self.passed_over)
        one = len(self.passed_over) == 1
        return (
            f"{ref!r} is run {chosen.ident} ({chosen.name}): the newer run{'' if one else 's'} {newer} "
            f"{'has' if one else 'have'} no case ({NO_CASE}) and {'holds' if one else 'hold'} nothing to compare or "
            "grade; name a run by its number to read it anyway"
        )


def has_cases(path: Path) -> bool | None:
    """Whether a saved run holds a case record; None when its file cannot be read as a results document (whoever
    reads it names the problem)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):  # RecursionError: JSON nested past the parser's stack
        return None
    cases = doc.get("cases") if isinstance(doc, dict) else None
    return bool(cases) if isinstance(cases, list) else None


def newest(runs: list[SavedRun], with_cases: bool) -> FoundRun:
    """The newest of `runs` (the saved runs a reference names, oldest first); `with_cases`: the newest that holds a
    case (or cannot be read: its reader names the problem), passing over the newer ones without - or the newest
    when none has a case (whoever reads it says that it has none)."""
    if with_cases:
        for index in range(len(runs) - 1, -1, -1):
            if has_cases(runs[index].path) is not False:
                return FoundRun(runs[index].path, runs[index], tuple(runs[index + 1 :]))
    return FoundRun(runs[-1].path, runs[-1])


def resolve_run(ref: str, runs_dir: Path, with_cases: bool = True, say: Callable[[str], None] | None = None) -> Path:
    """A run's results file (`find_run`); `say` is told which run `ref` was read as when it passed over newer runs
    without a case (`FoundRun.note`)."""
    found = find_run(ref, runs_dir, with_cases)
    note = found.note(ref)
    if say is not None and note is not None:
        say(note)
    return found.path


def find_run(ref: str, runs_dir: Path, with_cases: bool = True) -> FoundRun:
    """A run's results file: a report dir (its results.json), a results file's path, a saved run's number (`3`,
    `0003`) or name (the newest run with it), or `last` (the newest run). With `with_cases` (what compares, accepts
    or grades runs), a name or `last` is the newest such run that holds a case: one of the load benchmark alone
    (`--llm-bench`, no case) has nothing to compare - `FoundRun.note` names the runs passed over; when none has a
    case, the newest. Without (what shows a run: a report of the benchmark), the newest. A path or a number is read
    as named. RunNotFound names what was looked for and the fix."""
    if not ref.strip():  # Path("") is the current folder: an empty value read whatever results.json was there
        raise RunNotFound(f"the run is given as {ref!r}, an empty value. {FIX}")
    candidate = Path(ref).expanduser()
    runs = list_runs(runs_dir)
    if candidate.is_file():
        return FoundRun(candidate, told=_path_over_saved_run(ref, candidate, runs))
    if candidate.is_dir() and (candidate / RESULTS_FILE).is_file():
        return FoundRun(candidate / RESULTS_FILE, told=_path_over_saved_run(ref, candidate, runs))
    if candidate.is_dir() and (candidate / RESULTS_FILE).exists():  # `mkdir -p out/results.json` or a FIFO
        raise RunNotFound(_not_a_results_file(candidate / RESULTS_FILE))
    if candidate.name == RESULTS_FILE and candidate.is_dir():
        raise RunNotFound(_not_a_results_file(candidate))
    by_reference = saved_run_named(ref, runs, with_cases)
    if by_reference is not None:
        return by_reference
    if candidate.is_dir():  # a folder of runs: its one run, or the runs in it and how to name one
        from ..compare.folder import folder_run

        one, told = folder_run(candidate, ref, runs_dir, with_cases)
        return replace(one, told=told)
    if candidate.exists():  # a FIFO or a device is there: "no such file or folder" sent the user after a typo
        raise RunNotFound(f"{ref}: is not a regular file or folder (a FIFO or a device). {FIX}")
    if any(mark in ref for mark in "*?["):  # `runs/*/results.json`: a shell passes a pattern that matches nothing on
        raise RunNotFound(
            f"{ref}: a pattern that matches no file (the shell passes it on as written when nothing matches). {FIX}"
        )
    if "/" in ref or os.sep in ref or ref.endswith(".json"):  # meant as a path: say that nothing is there
        from ..close_paths import did_you_mean

        raise RunNotFound(f"{ref}: no such file or folder.{did_you_mean(ref)} {FIX}")
    known = ", ".join(f"{r.ident} ({r.name})" for r in runs[-10:]) or "none yet"
    from ..compare.folder import nearest_run_name

    meant = _number_meant(ref, runs) or nearest_run_name(ref, runs)
    raise RunNotFound(f"no saved run {ref!r} in {runs_dir} (saved: {known}).{meant} {FIX}")


def saved_run_named(ref: str, runs: list[SavedRun], with_cases: bool) -> FoundRun | None:
    """The saved run `ref` names, or None: `last`/`latest` (any case: `LAST`), a number (`3`, `0003`, ` 3 `), a
    name (the newest run by it), or a saved run's own file name, with or without `.json` (what `ls .llmeval/runs`
    shows: it was "no such file", the file being in the saved-runs folder, not the current one)."""
    if not runs:
        return None
    text = ref.strip()
    if text in NEWEST:
        return newest(runs, with_cases)
    if text.isdigit():
        found = [r for r in runs if r.number == int(text)]
        return FoundRun(found[0].path, found[0]) if found else None
    named = [r for r in runs if r.name == safe_name(ref)]
    if named:  # a name first: a run saved as `LAST` is found by it
        return newest(named, with_cases)
    if text.lower() in NEWEST:
        return newest(runs, with_cases)
    file_named = [r for r in runs if text in (r.path.name, r.path.stem)]
    return FoundRun(file_named[0].path, file_named[0]) if file_named else None


def _path_over_saved_run(ref: str, path: Path, runs: list[SavedRun]) -> str | None:
    """The line that says a path was read where a saved run answers to the same reference (`compare 2 last` in a
    folder that holds a `2/` report dir, or a file named `nightly`): which was read and how to name the other; None
    when the reference names no saved run (or is written as a path: `./2`, `2/results.json`)."""
    if "/" in ref or os.sep in ref or ref.endswith(".json"):
        return None
    other = saved_run_named(ref, runs, with_cases=False)
    if other is None or other.saved is None or other.path.resolve() == path.resolve():
        return None
    return (
        f"{ref!r} is read as the path {path} in the current folder; saved run {other.saved.ident} "
        f"({other.saved.name}) answers to it too - pass {other.path} to read that one"
    )


def _not_a_results_file(path: Path) -> str:
    """The refusal of a results.json that is a folder (or a FIFO, a device): what it is and the fix."""
    what = "a folder" if path.is_dir() else "not a regular file"
    return (
        f"{path}: is {what}, not the {RESULTS_FILE} file a run writes (made by `mkdir` of the name, or a copy gone "
        f"wrong). Fix: remove it, and pass a run's own {RESULTS_FILE}, its report dir (--llm-report-dir), a saved "
        "run's number or name (--llm-save), or 'last'"
    )


def _number_meant(ref: str, runs: list[SavedRun]) -> str:
    """` Run numbers ...` for a reference that reads as a number but is no run's (`-1`, `1.0`, `1e3`): run numbers
    are whole numbers counted from 1 - the newest run is `last`; "" for any other reference."""
    text = ref.strip()
    try:
        number = float(text)
    except ValueError:
        return ""
    if number != number or text.lower().lstrip("+-") in ("inf", "infinity"):  # "nan", "inf": names, not numbers
        return ""
    newest_run = f"run {runs[-1].ident}, read by 'last'" if runs else "none yet"
    if text.isdigit():
        return f" No saved run has the number {int(text)} (the newest: {newest_run})."
    if number < 0:
        return f" A run is not counted from the end (the newest: {newest_run})."
    return f" Run numbers are whole numbers, 3 or 0003 (the newest: {newest_run})."


UNREADABLE = "unreadable"  # the status `describe_runs` gives a saved run that cannot be read (its `error` says why)


def describe_runs(runs_dir: Path) -> list[dict[str, Any]]:
    """One row per saved run: number, name, date, status, models, n cases, mean score, commit; a run that cannot be
    read has the status `UNREADABLE` and its `error`."""
    rows: list[dict[str, Any]] = []
    for run in list_runs(runs_dir):
        try:
            doc = load_results(run.path)
        except ResultsFileError as exc:
            rows.append({"run": run.ident, "name": run.name, "status": UNREADABLE, "error": str(exc)})
            continue
        aggs = doc.get("aggregates", {}).get("models", [])
        scores = [a["mean_score"] for a in aggs if a.get("mean_score") is not None]
        rows.append(
            {
                "run": run.ident,
                "name": run.name,
                "started": doc["run"].get("started_at"),
                "status": doc["run"].get("status"),
                "models": ", ".join(doc["run"].get("models", [])),
                "cases": len(doc.get("cases", [])),
                "mean score": round(sum(scores) / len(scores), 1) if scores else None,
                "commit": (doc["run"].get("git_commit") or "-")[:10],
                "path": str(run.path),
            }
        )
    return rows
