"""--llm-resume: reuse the finished cases of the report dir's previous interrupted or degraded run.

A record is reused only when its (model, mode, case, sample) is asked again with the same case content
(content hash) and the run's settings that decide answers are the same (max tokens, temperature,
thinking, RAG, server options, repeat); errored cases are always asked again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .recorder import CASES_FILE, RESULTS_FILE, _shape_problem, atomic_write, case_key, to_json

RESUME_FILE = ".resume.json"
RESUMABLE = ("interrupted", "degraded", "running")
DECIDING = ("max_tokens", "temperature", "thinking", "rag", "server", "repeat", "models")
FIX = (
    "Fix: move it out of the report dir (or pass another --llm-report-dir), or run without --llm-resume "
    "(the run then overwrites it)"
)


class ResumeError(ValueError):
    """The report dir holds a results.json or cases.jsonl of another shape; the message names the file and the fix."""


def _record_problem(record: Any) -> str | None:
    """What makes a record no case record of pytest-llmeval (what --llm-resume reads of it), in words."""
    if not isinstance(record, dict):
        return f"is a {type(record).__name__}, not an object"
    for field in ("model", "scenario_id"):
        if not isinstance(record.get(field), str):
            return f"has no {field!r}"
    if not isinstance(record.get("mode", "norag"), str):
        return "has a 'mode' that is not text"
    sample = record.get("sample", 0)
    if isinstance(sample, bool) or not isinstance(sample, int):
        return "has a 'sample' that is not an integer"
    return None


def _previous_cases(report_dir: Path) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    results = report_dir / RESULTS_FILE
    doc = None
    if results.is_file():
        try:
            # utf-8-sig: a byte order mark an editor wrote is read as `load_results` reads it, not as a damaged file
            doc = json.loads(results.read_text(encoding="utf-8-sig"))
        # cut or damaged (RecursionError: nested past the JSON parser's stack): the crash log below still counts
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
            doc = None
        if doc is not None:  # JSON of another shape: another tool's file, or a hand-edited one
            problem = "not an object" if not isinstance(doc, dict) else _shape_problem(doc)
            if problem is None:
                problem = next(
                    (f"cases[{i}] {p}" for i, c in enumerate(doc["cases"]) if (p := _record_problem(c))), None
                )
            if problem is not None:
                raise ResumeError(f"{results}: {problem}: not a results.json of pytest-llmeval. {FIX}")
    cases = list((doc or {}).get("cases") or [])
    jsonl = report_dir / CASES_FILE
    if jsonl.is_file():  # the crash log may hold cases the last results.json write did not
        seen = {case_key(c) for c in cases}
        lines = jsonl.read_text(encoding="utf-8", errors="replace").splitlines()  # a cut line fails below
        for number, line in enumerate(lines, start=1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by the crash
            problem = _record_problem(record)
            if problem is not None:
                raise ResumeError(
                    f"{jsonl}, line {number}: the line {problem}: not a case record of pytest-llmeval. {FIX}"
                )
            if case_key(record) not in seen:
                cases.append(record)
                seen.add(case_key(record))
    return doc, cases


def prepare_resume(report_dir: Path, settings: dict[str, Any]) -> dict[str, Any]:
    """Read the previous run before this run overwrites it; write what can be reused to .resume.json (for
    xdist workers too) and return a summary for results.json."""
    doc, cases = _previous_cases(report_dir)
    status = ((doc or {}).get("run") or {}).get("status", "running" if cases else None)
    summary: dict[str, Any] = {"from": str(report_dir / RESULTS_FILE), "previous_status": status, "reusable": 0}
    if not cases:
        summary["note"] = "no previous run in the report dir: everything runs"
    elif status not in RESUMABLE:
        summary["note"] = f"the previous run is {status}, not interrupted or degraded: everything runs"
        cases = []
    else:
        before = ((doc or {}).get("run") or {}).get("settings") or {}
        changed = [k for k in DECIDING if k in before and before.get(k) != settings.get(k)]
        if changed:
            summary["note"] = f"settings changed ({', '.join(changed)}): everything runs again"
            cases = []
    reusable = [c for c in cases if not c.get("error") and c.get("score") is not None]
    summary["reusable"] = len(reusable)
    report_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(report_dir / RESUME_FILE, to_json({"summary": summary, "cases": reusable}))
    return summary


def load_reusable(report_dir: Path) -> dict[tuple[str, str, str, int], dict[str, Any]]:
    path = report_dir / RESUME_FILE
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {case_key(c): c for c in data.get("cases", [])}
