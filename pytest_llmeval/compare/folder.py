"""A baseline given as a folder that holds runs (`--llm-compare .llmeval/runs`, `compare reports/ ...`) and a run
name that names none (`--llm-compare nightyl`).

A folder of runs was refused with "a folder without a results.json", which named no run in it: the user had to find
out alone what to pass. Now a folder that holds exactly one run, readable, is that run (the only reading there is);
any other folder is refused with the runs in it - the newest few, each with what to pass for it and whether it can be
read - and the three ways to choose one (a number or `last` with the saved-runs folder, a path). A name that matches
no saved run is answered with the nearest saved run's name.

What is a run in a folder: a saved run (`NNNN_name_YYYYmmdd-HHMMSS.json`), and a report dir (a subfolder with a
results.json). `find_run` (results/runs.py) resolves everything else; this module only answers the two cases above.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from ..results.recorder import ResultsFileError, load_results
from ..results.runs import NEWEST, FoundRun, RunNotFound, SavedRun, list_runs
from ..results.schema import CASES_FILE, RESULTS_FILE

SHOWN = 5  # the newest runs a refusal lists
CLOSE = 0.6  # difflib's similarity a saved run's name needs to be suggested for a name that matches none


@dataclass(frozen=True)
class FolderRun:
    """One run inside a folder: its results file, what a user passes to choose it, and - once read - its state."""

    path: Path
    label: str  # how the listing names it: `0003 (nightly, 20261125-020000)` or `nightly-0412/`
    saved: SavedRun | None = None

    @cached_property
    def read(self) -> tuple[dict[str, Any] | None, str | None]:
        """The run's document, or None and why it cannot be read (read once: a listing asks twice)."""
        try:
            return load_results(self.path, check_types=False), None
        except ResultsFileError as exc:
            return None, _reason(exc, self.path)

    def problem(self, with_cases: bool) -> str | None:
        """Why this run is not taken for the folder unnamed, or None when it is: unreadable, no case (`with_cases`),
        or not finished (interrupted, killed) - such a run is compared only when named (the gate then says that it
        never finished)."""
        doc, error = self.read
        if doc is None:
            return f"unreadable: {error}"
        status = (doc.get("run") or {}).get("status")
        if with_cases and not doc.get("cases"):
            return "it holds no case (the load benchmark alone, or stopped before its first case)"
        if status not in ("complete", "degraded"):
            return f"it did not finish (status {status!r})"
        return None

    def summary(self) -> str:
        """The label with the run's case count, models and status, or why it cannot be read."""
        doc, error = self.read
        if doc is None:
            return f"{self.label}: UNREADABLE - {error}"
        run = doc.get("run") or {}
        models = ", ".join(str(m) for m in run.get("models") or []) or "no model"
        return f"{self.label}: {len(doc.get('cases') or [])} case record(s), {models}, status {run.get('status')!r}"


def _reason(exc: ResultsFileError, path: Path) -> str:
    """The loader's message without the file name it starts with (the listing names the run) nor its fix."""
    text = str(exc).removeprefix(f"{path}: ")
    return text.split(". Fix:")[0]


def runs_in_folder(folder: Path) -> list[FolderRun]:
    """The runs a folder holds, oldest first: its saved runs by number, then its report dirs by when their results
    were written (a report dir's name says nothing of its age: `nightly/` is rewritten every night). A saved run's
    file that is damaged is listed too (the listing says so): skipping it, a folder of one good and one damaged run
    was taken as the good one, maybe not the run the user meant."""
    saved = [FolderRun(r.path, f"{r.ident} ({r.name}, {r.stamp})", r) for r in list_runs(folder)]
    try:
        dirs = sorted(
            (p for p in folder.iterdir() if p.is_dir() and (p / RESULTS_FILE).exists()),
            key=lambda p: (_written(p / RESULTS_FILE), p.name),
        )
    except OSError:
        dirs = []
    return saved + [FolderRun(d / RESULTS_FILE, f"{d.name}/") for d in dirs]


def folder_run(folder: Path, ref: str, runs_dir: Path, with_cases: bool = True) -> tuple[FoundRun, str]:
    """The run a folder without a results.json of its own names, and the line that says which it was read as: the
    one run it holds, when that run can be read, finished and (`with_cases`) holds a case. RunNotFound otherwise,
    with the runs in it and how to choose one."""
    runs = runs_in_folder(folder)
    if len(runs) == 1 and runs[0].problem(with_cases) is None:
        only = runs[0]
        note = f"{ref!r} is a folder that holds one run, {only.label}: read {only.path}"
        return FoundRun(only.path, only.saved), note
    raise RunNotFound(folder_refusal(folder, ref, runs, runs_dir, with_cases))


def folder_refusal(folder: Path, ref: str, runs: list[FolderRun], runs_dir: Path, with_cases: bool = True) -> str:
    """Why a folder is not one run, with the newest runs in it and the ways to pass one."""
    if not runs:
        crashed = (
            f" It holds the {CASES_FILE} of a run that stopped before it wrote its {RESULTS_FILE}: rerun that run with "
            "--llm-resume to keep its cases."
            if (folder / CASES_FILE).is_file()
            else ""
        )
        return (
            f"{ref} is a folder without a {RESULTS_FILE}, and no run in it: no saved run (NNNN_name_date.json), no "
            f"report dir (a subfolder with a {RESULTS_FILE}).{crashed} Fix: pass a run's report dir, its "
            f"{RESULTS_FILE}, or a saved run's number or name from {runs_dir} (python -m pytest_llmeval runs lists "
            "them)"
        )
    shown = list(reversed(runs))[:SHOWN]
    lines = "; ".join(run.summary() for run in shown)
    more = f" (and {len(runs) - SHOWN} older)" if len(runs) > SHOWN else ""
    if len(runs) == 1:
        why = f"its one run is not taken without being named ({runs[0].problem(with_cases)})"
    else:
        why = f"it holds {len(runs)} runs"
    what = "the saved-runs folder" if _same_folder(folder, runs_dir) else f"a folder without a {RESULTS_FILE}"
    choose = _how_to_choose(folder, shown, runs_dir)
    return f"{ref} is {what}, not one run: {why}. Newest first{more}: {lines}. {choose}"


def _how_to_choose(folder: Path, shown: list[FolderRun], runs_dir: Path) -> str:
    """The ways to pass one of `shown` (the newest that can be compared as the example): by number, name or `last`
    where the folder is the saved-runs folder, else by path (or with the saved-runs folder set to it)."""
    example = next((run for run in shown if run.problem(with_cases=True) is None), shown[0])
    by_path = f"its path (e.g. {example.path})"
    if example.saved is None:
        return f"Fix: pass one run by {by_path}"
    number = str(example.saved.number)
    if _same_folder(folder, runs_dir):
        return (
            f"Fix: pass one run by its number (e.g. {number}), its name (e.g. {example.saved.name}), last (the "
            f"newest run with a case) or {by_path}"
        )
    return (
        f"Fix: pass one run by {by_path}, or set the saved-runs folder to {folder} (pytest: --llm-runs-dir; "
        f"the compare command: --runs-dir) and pass its number (e.g. {number}) or last"
    )


def _written(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _same_folder(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


def nearest_run_name(ref: str, runs: Sequence[SavedRun]) -> str:
    """` Did you mean nightly (run 0004)?` for the saved run whose name is nearest a name that matches none (a
    typo: `nighlty`), or "" when none is near. A number or `last` is no name to correct. `runs`: the saved runs
    (`list_runs`, oldest first), as the caller listed them - the folder is read once per refusal, not twice."""
    if ref.isdigit() or ref in NEWEST:
        return ""
    names = list(dict.fromkeys(r.name for r in reversed(runs)))  # newest first: a tie goes to the newest
    lowered = {name.lower(): name for name in reversed(names)}
    match = difflib.get_close_matches(ref.lower(), list(lowered), n=1, cutoff=CLOSE)
    if not match:
        return ""
    name = lowered[match[0]]
    newest = [r for r in runs if r.name == name][-1]
    return f" Did you mean {name} (run {newest.ident})?"
