"""Each case's result, the failed cases and the notes on scenario files."""

from __future__ import annotations

from typing import Any

from ..aggregate import seconds
from .elements import Section, Table, figure, fmt, score_figure

CASE_HEADERS = [
    "model",
    "mode",
    "case",
    "sample",
    "category",
    "score",
    "result",
    "missing",
    "echoed",
    "TTFT s",
    "decode tok/s",
    "output tok",
    "hit@k",
    "retrieval ms",
]


def case_result(c: dict[str, Any]) -> str:
    status = (c.get("rescore") or {}).get("status")
    if status == "changed":
        return "NOT GRADED (asked differently now)"
    if status == "missing":
        return "NOT GRADED (no such case now)"
    if c.get("error"):
        return f"ERROR ({c['error'].get('type')})"
    return ("pass" if c.get("passed") else "FAIL") + (" (cached)" if c.get("cached") else "")


def cases_section(doc: dict[str, Any]) -> Section:
    rows = [
        [
            c["model"],
            c.get("mode", "norag"),
            c["scenario_id"],
            c.get("sample", 0),
            c.get("category"),
            score_figure(c.get("score")),
            case_result(c),
            ", ".join(c.get("missing") or []) or "-",
            ", ".join(c.get("echoed") or []) or "-",
            fmt(seconds(c, "ttft_s"), 3),  # a negative or NaN time is no measurement, as in the summary
            figure(c.get("decode_tok_s")),
            fmt(c.get("output_tokens"), 0),
            figure((c.get("retrieval") or {}).get("hit_at_k"), 2),
            figure(c.get("retrieval_ms")),
        ]
        for c in doc["cases"]
    ]
    return Section("cases", "Cases", [], Table(CASE_HEADERS, rows))


def failed_cases_section(doc: dict[str, Any]) -> Section | None:
    failed = [c for c in doc["cases"] if not c.get("passed")]
    if not failed:
        return None
    paragraphs, leads = [], []
    for c in failed:
        leads.append(f"{c['model']} / {c.get('mode', 'norag')} / {c['scenario_id']}")
        head = leads[-1] + " - "
        if c.get("error"):
            err = c["error"]
            paragraphs.append(head + f"error {err.get('type')}: {err.get('message')}")
            continue
        excerpt = (c.get("answer") or "").replace("\n", " ")[:300]
        # a point the answer negates is missing too, with the words that negated it (as the assertion message says)
        negated = [
            f"{p.get('point')} (as {str(p.get('matched_text') or '')!r})"
            for p in c.get("points") or []
            if isinstance(p, dict) and p.get("status") == "negated"
        ]
        paragraphs.append(
            head + f"score {score_figure(c.get('score'))}; covered: {', '.join(c.get('covered') or []) or '-'}; "
            f"missing: {', '.join(c.get('missing') or []) or '-'}; "
            + (f"negated (not counted): {', '.join(negated)}; " if negated else "")
            + "echoed (not counted): "
            f"{', '.join(c.get('echoed') or []) or '-'}; forbidden claims present: "
            f"{', '.join(c.get('forbidden_found') or []) or '-'}; answer excerpt: {excerpt!r}"
        )
    return Section("failed", "Failed cases", paragraphs, leads=leads)


def scenario_notes_section(doc: dict[str, Any]) -> Section | None:
    """Key points found in their own question or system prompt or covered by any answer, and cases a non-answer
    passes (evaluation/lint.py)."""
    found = (doc.get("run") or {}).get("free_points") or []
    if not found:
        return None
    given = sum(1 for f in found if f.get("in") in ("question", "system"))
    anyway = len(found) - given
    text = []
    if given:
        text.append(
            f"{given} key point(s) appear in their own question or system prompt: an answer that only repeats the "
            "question covers them."
        )
    if anyway:
        text.append(
            f"{anyway} key point(s) or case(s) any answer gets: points that a non-answer such as '我不知道。' covers, "
            "and cases that a non-answer passes."
        )
    notes = [
        " ".join(text) + " They add to every model's score alike and can pass a case no model understood. Fix: "
        "make the key point what the answer must add (the number, the reason), raise the threshold, or add a "
        "forbidden claim for the wrong choice."
    ]
    rows = [[f["case"], f["point"], f["form"], f["in"], f.get("source") or "-"] for f in found]
    return Section(
        "scenario_notes", "Scenario notes", notes, Table(["case", "key point", "found as", "in", "file"], rows)
    )
