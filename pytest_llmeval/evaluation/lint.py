"""Scenario checks that make no request: key points an answer can cover without knowing anything.

A key point that the question (or the system prompt) already contains is covered by an answer that only repeats
the question's words - the echo guard discounts long verbatim copies, not a single repeated term. Such a "free"
point inflates every model's score alike and can pass a case no model understood (a choice question that names
both products: "应选哪一款" with the right product as the key point - an answer naming both covers it). The
check runs at collection; the run records what it found (`run.free_points`) and the reports show it, with the
fix: make the key point what the answer must add (the number, the reason), or penalise the wrong choice with a
forbidden claim.

Plain Python, no pytest: the same patterns as the scorer (`scoring.patterns`), so a point is "free" exactly when
the scorer would find it in the question.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .scenarios import Case


def free_points(cases: Iterable[Case]) -> list[dict[str, Any]]:
    """Per key point found in its case's question or system prompt: case id, source file, point, the form found
    and where (question / system)."""
    from .scoring import normalise, patterns

    found: list[dict[str, Any]] = []
    for case in cases:
        sources = {"question": case.question, "system": case.system or ""}
        texts = {name: normalise(text) for name, text in sources.items() if text}
        for kp in case.key_points:
            forms = patterns(kp.variants, kp.numbers or case.numbers, kp.regex)
            hit = next(
                (
                    (name, pattern.text)
                    for pattern in forms
                    for name, text in texts.items()
                    if any(pattern.search(text))
                ),
                None,
            )
            if hit is not None:
                where, form = hit
                found.append({"case": case.id, "source": case.source, "point": kp.point, "form": form, "in": where})
    return found


def free_points_text(found: list[dict[str, Any]], limit: int = 5) -> str:
    """One line for the terminal: how many, and the first few."""
    shown = "; ".join(f"{f['case']}: {f['point']} (in the {f['in']})" for f in found[:limit])
    more = f"; and {len(found) - limit} more" if len(found) > limit else ""
    return (
        f"{len(found)} key point(s) appear in their own question or system prompt - an answer that repeats the "
        f"question covers them: {shown}{more}. Fix: make the point what the answer must add, or add a forbidden "
        "claim for the wrong choice (report: 'Scenario notes')"
    )
