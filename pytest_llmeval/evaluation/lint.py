"""Scenario checks that make no request: key points an answer can cover without knowing anything.

A key point that the question (or the system prompt) already contains is covered by an answer that only repeats
the question's words - the echo guard discounts long verbatim copies, not a single repeated term. Such a "free"
point inflates every model's score alike and can pass a case no model understood (a choice question that names
both products: "应选哪一款" with the right product as the key point - an answer naming both covers it). The
check runs at collection; the run records what it found (`run.free_points`) and the reports show it, with the
fix: make the key point what the answer must add (the number, the reason), or penalise the wrong choice with a
forbidden claim.

The same holds for a key point that any answer covers - a single common character (的, 是), a regex such as `.*`
- and for a case that a non-answer passes (threshold 0, or points like those): each keyword-scored case is also
graded on a few answers that say nothing (NON_ANSWERS), and what they cover or pass is reported the same way
(not a trap that expects uncertainty or a refusal: there, not answering is the right answer).

Plain Python, no pytest: the same patterns as the scorer (`keywords.forms.patterns`), so a point is "free" exactly when
the scorer would find it in the question.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .case_model import Case


# answers that know nothing: a key point one of them covers, or a case one of them passes, measures nothing
NON_ANSWERS = (
    "我不知道。",
    "抱歉，这个问题我无法回答，建议您咨询相关的专业人士。",
    "I don't know.",
    "Sorry, I cannot answer this question; please consult a professional.",
)


def free_points(cases: Iterable[Case]) -> list[dict[str, Any]]:
    """Per key point found in its case's question or system prompt, or covered by a non-answer, and per case a
    non-answer passes: case id, source file, point, the form found and where ("question", "system", "any
    answer"; "a non-answer passes" with the threshold as the form)."""
    from .keywords.forms import patterns
    from .keywords.normalisation import normalise
    from .scoring import score_answer

    found: list[dict[str, Any]] = []
    non_answers = [normalise(text) for text in NON_ANSWERS]
    # the form of a key point that a non-answer covers (None: none does), by what makes its patterns: cases share
    # key points, and the non-answers are the same for every case
    covered_by_nothing: dict[tuple[Any, ...], tuple[str, str] | None] = {}
    for case in cases:
        sources = {"question": case.question, "system": case.system or ""}
        texts = {name: normalise(text) for name, text in sources.items() if text}
        # a trap that expects uncertainty or a refusal is passed by not answering: that is its right answer
        keyword = case.scorer == "keyword" and not (case.trap is not None and case.trap.expect)
        before = len(found)
        for kp in case.key_points:
            made_of = (kp.variants, kp.numbers or case.numbers, kp.regex)
            forms = patterns(*made_of)
            hit = next(
                (
                    (name, pattern.text)
                    for pattern in forms
                    for name, text in texts.items()
                    if any(pattern.search(text))
                ),
                None,
            )
            if hit is None and keyword:
                if made_of not in covered_by_nothing:
                    covered_by_nothing[made_of] = next(
                        (
                            ("any answer", pattern.text)
                            for pattern in forms
                            for text in non_answers
                            if any(pattern.search(text))
                        ),
                        None,
                    )
                hit = covered_by_nothing[made_of]
            if hit is not None:
                where, form = hit
                found.append({"case": case.id, "source": case.source, "point": kp.point, "form": form, "in": where})
        # only a case with a free point (or no threshold) can pass a non-answer: the others are not graded here
        suspect = keyword and (case.threshold <= 0 or len(found) > before)
        passing = next((text for text in NON_ANSWERS if suspect and score_answer(case, text).passed), None)
        if passing is not None:
            found.append(
                {
                    "case": case.id,
                    "source": case.source,
                    "point": "-",
                    "form": f"threshold {case.threshold:g}: {passing!r} passes",
                    "in": "a non-answer passes",
                }
            )
    return found


def free_points_text(found: list[dict[str, Any]], limit: int = 5) -> str:
    """One line for the terminal: how many of each kind (points the question gives away; points or cases any
    answer gets), and the first few of each."""
    given = [f for f in found if f["in"] in ("question", "system")]
    anyway = [f for f in found if f["in"] not in ("question", "system")]
    parts = []
    if given:
        parts.append(
            f"{len(given)} key point(s) appear in their own question or system prompt - an answer that repeats the "
            f"question covers them: {_first(given, limit)}"
        )
    if anyway:
        parts.append(
            f"{len(anyway)} key point(s) or case(s) any answer gets, one that says nothing too: {_first(anyway, limit)}"
        )
    return (
        ". ".join(parts) + ". Fix: make the point what the answer must add (the number, the reason), raise the "
        "threshold, or add a forbidden claim for the wrong choice (report: 'Scenario notes')"
    )


def _first(found: list[dict[str, Any]], limit: int) -> str:
    shown = "; ".join(
        f"{f['case']}: {f['form']}" if f["in"] == "a non-answer passes" else f"{f['case']}: {f['point']} ({_where(f)})"
        for f in found[:limit]
    )
    return shown + (f"; and {len(found) - limit} more" if len(found) > limit else "")


def _where(found: dict[str, Any]) -> str:
    return "covered by any answer" if found["in"] == "any answer" else f"in the {found['in']}"
