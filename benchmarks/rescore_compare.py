"""Old vs new score of every recorded answer of a run, with the key points whose verdict changed.

Re-scores the answers a results.json recorded with the current scenario files and scorer (no model, no
request: `pytest_llmeval.results.rescore`) and prints, per case record, the old and new score and pass
verdict and, for each key point whose status changed, what matched before and what matches now - e.g. why
a scorer change (numbers matched as numbers, SCORER_VERSION 2) moved a score.

    .venv/bin/python benchmarks/rescore_compare.py llmeval-report/results.json
    .venv/bin/python benchmarks/rescore_compare.py results.json --scenarios scenarios --changed-only
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pytest_llmeval.results.recorder import ResultsFileError, load_results  # noqa: E402
from pytest_llmeval.results.rescore import rescore_document, scenario_cases  # noqa: E402


def _points(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(p.get("point")): p for p in record.get("points") or []}


def _form(point: dict[str, Any]) -> str:
    status = str(point.get("status"))
    shown = point.get("matched_text") or point.get("matched")
    return f"{status} ('{shown}')" if shown and status != "missing" else status


def point_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """'20个月: covered ('20个月') -> missing' for every key point whose status changed."""
    before, after = _points(old), _points(new)
    changes = []
    for name in list(before) + [n for n in after if n not in before]:
        a, b = before.get(name), after.get(name)
        if a is None or b is None:
            changes.append(f"{name}: {'added' if a is None else 'removed'}")
        elif a.get("status") != b.get("status"):
            changes.append(f"{name}: {_form(a)} -> {_form(b)}")
    forbidden_old, forbidden_new = set(old.get("forbidden_found") or []), set(new.get("forbidden_found") or [])
    changes += [f"forbidden claim now found: {c}" for c in sorted(forbidden_new - forbidden_old)]
    changes += [f"forbidden claim no longer found: {c}" for c in sorted(forbidden_old - forbidden_new)]
    return changes


def _score(value: Any) -> str:
    return "-" if value is None else f"{float(value):.1f}"


def _verdict(value: Any) -> str:
    return "pass" if value else "FAIL"


def compare(
    doc: dict[str, Any], scenario_paths: list[Path], changed_only: bool = False
) -> tuple[list[str], dict[str, int]]:
    """The report lines and counts (records, rescored, score changed, verdict flipped)."""
    rescored = rescore_document(doc, scenario_cases(doc, scenario_paths or None))
    lines: list[str] = []
    counts = {"records": 0, "rescored": 0, "score_changed": 0, "verdict_flipped": 0}
    for old, new in zip(doc.get("cases") or [], rescored.doc["cases"], strict=True):
        counts["records"] += 1
        label = f"{old.get('model')}/{old.get('mode', 'norag')}/{old.get('scenario_id')}"
        if old.get("sample"):
            label += f"#{old['sample']}"
        status = (new.get("rescore") or {}).get("status")
        if status != "rescored":
            if not changed_only:
                lines.append(f"{label}: not re-scored ({status})")
            continue
        counts["rescored"] += 1
        changed = new.get("score") != old.get("score")
        flipped = bool(new.get("passed")) != bool(old.get("passed"))
        counts["score_changed"] += changed
        counts["verdict_flipped"] += flipped
        if changed_only and not changed and not flipped:
            continue
        head = (
            f"{label}: {_score(old.get('score'))} ({_verdict(old.get('passed'))}) -> "
            f"{_score(new.get('score'))} ({_verdict(new.get('passed'))})"
        )
        reasons = point_changes(old, new)
        lines.append(head + ("" if not reasons else "\n    " + "\n    ".join(reasons)))
    return lines, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("results", type=Path, help="a results.json written by a run")
    parser.add_argument(
        "--scenarios", action="append", type=Path, default=[], help="scenario files/folders (default: the run's)"
    )
    parser.add_argument("--changed-only", action="store_true", help="print only records whose score or verdict changed")
    args = parser.parse_args(argv)
    try:
        doc = load_results(args.results)
    except ResultsFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    lines, counts = compare(doc, args.scenarios, args.changed_only)
    print("\n".join(lines))
    print(
        f"\n{counts['records']} record(s), {counts['rescored']} re-scored: {counts['score_changed']} score(s) changed, "
        f"{counts['verdict_flipped']} verdict(s) flipped"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
