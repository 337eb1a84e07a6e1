"""Answers that say nothing about the model's knowledge: empty ones and ones cut at the token limit.

One job: count, per model and mode, the answered samples (no error) whose answer is empty (nothing, whitespace, or
only a thinking block, which the client strips) and those that stopped at max_tokens (finish_reason "length").
An empty answer scores 0 like a wrong one, so a broken chat template, a stop token the model emits first, or a
thinking budget that took every token looked like a weak model; a whole model's answers empty is no measurement
at all - the gate calls such a run broken, and `accept` refuses it as a baseline. Plain Python, no pytest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

SAME_TEXT_MIN = 3
EMPTY_FIX = (
    "the server answered nothing the scorer could read: check the chat template, the stop tokens, and a thinking "
    "budget that took every token (--llm-max-tokens)"
)


def answered(record: Mapping[str, Any]) -> bool:
    """The sample got an answer (its request, scoring and judge did not fail)."""
    return not record.get("error")


def empty_answer(record: Mapping[str, Any]) -> bool:
    """Answered with nothing: no text, whitespace only, or only a thinking block (stripped by the client). A record
    without an answer field (written by hand, or by another tool) is not known to be empty."""
    return answered(record) and "answer" in record and not str(record["answer"] or "").strip()


def cut_at_limit(record: Mapping[str, Any]) -> bool:
    """Answered, and stopped by the token limit rather than by the model (finish_reason "length")."""
    return answered(record) and record.get("finish_reason") == "length"


@dataclass(frozen=True)
class AnswerHealth:
    model: str
    mode: str
    answered: int
    empty: int
    cut: int
    same: int = 0  # the most answers that are one identical (non-empty) text, when they are suspiciously many
    budgets: tuple[int | None, ...] = ()  # the cut answers' own max_tokens (None: the run's), sorted, once each

    @property
    def repeated(self) -> bool:
        """At least 3 answers, and half of them or more, are one text: different questions got the same answer (a
        prompt template that drops the question, a server answering from the wrong cache)."""
        return self.same >= SAME_TEXT_MIN and 2 * self.same >= self.answered

    @property
    def label(self) -> str:
        return f"{self.model}/{self.mode}"

    @property
    def all_empty(self) -> bool:
        return self.answered > 0 and self.empty == self.answered


def answer_health(cases: Iterable[Mapping[str, Any]]) -> list[AnswerHealth]:
    """Per (model, mode), in the order the cases came: answered samples, the empty ones, the cut ones, and the most
    that are one identical text (samples of one case, --llm-repeat, count once)."""
    counts: dict[tuple[str, str], list[int]] = {}
    texts: dict[tuple[str, str], dict[str, set[str]]] = {}
    budgets: dict[tuple[str, str], set[int | None]] = {}
    for record in cases:
        if not answered(record):
            continue
        key = (str(record.get("model")), str(record.get("mode") or "norag"))
        count = counts.setdefault(key, [0, 0, 0])
        count[0] += 1
        count[1] += empty_answer(record)
        if cut_at_limit(record):
            count[2] += 1
            budgets.setdefault(key, set()).add(record.get("max_tokens") or None)
        text = str(record.get("answer") or "").strip()
        if text:
            texts.setdefault(key, {}).setdefault(text, set()).add(str(record.get("scenario_id")))
    health = []
    for (model, mode), (answered_n, empty, cut) in counts.items():
        same = max((len(ids) for ids in texts.get((model, mode), {}).values()), default=0)
        cut_budgets = tuple(sorted(budgets.get((model, mode), ()), key=lambda n: -1 if n is None else n))
        health.append(AnswerHealth(model, mode, answered_n, empty, cut, same, cut_budgets))
    return health


def all_empty(cases: Iterable[Mapping[str, Any]]) -> list[AnswerHealth]:
    """The (model, mode) groups whose every answer is empty: no measurement of the model."""
    return [health for health in answer_health(cases) if health.all_empty]


def all_empty_text(groups: list[AnswerHealth], which: str) -> str:
    """One sentence for the groups whose every answer is empty, in `which` run ("the new run", "the baseline")."""
    named = ", ".join(f"{g.label} ({g.empty} of {g.answered})" for g in groups)
    return f"every answer of {named} in {which} is empty: {EMPTY_FIX}"
