"""What the scorer rows of tests/evaluation ask of one answer: one key point's status, whether it is covered,
whether a forbidden claim is charged, and the shipped trap case (imported by the test modules: `from scorer_rows
import covered`, as pytest puts this folder on sys.path)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable
from functools import lru_cache, partial
from pathlib import Path

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scenarios import Case, ForbiddenClaim, KeyPoint, Trap, load_scenarios
from pytest_llmeval.evaluation.scoring import score_answer

CN = NumberForms(chinese=True)
SW = NumberForms(scale_words=True)


def status(point: str, answer: str, forms: NumberForms | None = None, question: str = "问题") -> str:
    """The one key point's status in the answer (covered, missing, negated, echoed, ...) to the case's question (v108:
    some rules read what it asks - the event of 哪年上线？, the head office of 总部在哪座城市？)."""
    case = Case(
        id="q",
        category="c",
        question=question,
        suite="t",
        source="t.yaml",
        key_points=(KeyPoint(point, numbers=forms),),
    )
    return score_answer(case, answer).points[0].status


def check_status(
    point: str, answer: str, expected: str, forms: NumberForms | None = None, question: str = "问题"
) -> None:
    """The point's status is `expected` (read with the case's `question`); "not covered" accepts any status but
    covered (missing, negated, ...)."""
    got = status(point, answer, forms, question)
    if expected == "not covered":
        assert got != "covered", (question, point, answer, got)
    else:
        assert got == expected, (question, point, answer, got)


def slowest_status(rows: Iterable[tuple[str, str, NumberForms | None, str]]) -> float:
    """The CPU seconds of the slowest `status` call over rows of (point, answer, forms, expected), the segmenter
    loaded by a first call that is not counted (`slowest_call`)."""
    status("20%", "成本下降20%。", CN)
    status("20个月", "一般需要二十个月。", CN)  # a numeral inside a word (一般) loads the word segmenter: not counted
    return slowest_call(partial(status, point, answer, forms) for point, answer, forms, _ in rows)


def slowest_call(calls: Iterable[Callable[[], object]]) -> float:
    """The CPU seconds of the slowest of `calls`, each timed twice, the faster kept, with the garbage collector off:
    a pathological rule (a regex that backtracks without end) is slow every time, while a one-off cost - a lazy load,
    or a full collection of a test worker's heap that lands in one call (0.44 s in a CI clone of e552ed5, where every
    call takes ~3 ms; 0.23 s in the 48th session's run) - is not the rule's."""
    slowest = 0.0
    collecting = gc.isenabled()
    gc.disable()
    try:
        for call in calls:
            timings = []
            for _ in range(2):
                started = time.process_time()
                call()
                timings.append(time.process_time() - started)
            slowest = max(slowest, min(timings))
    finally:
        if collecting:
            gc.enable()
    return slowest


def covered(point: str, answer: str, forms: NumberForms | None = None) -> bool:
    return status(point, answer, forms) == "covered"


def charged(claim: str, answer: str, forms: NumberForms | None = None) -> bool:
    """Whether the answer asserts the forbidden claim, read with `forms` as the case's number forms (v70's claim
    sweep, benchmarks/claim_mutations.py, reads each row's)."""
    trap = Trap(expect=None, forbidden=(ForbiddenClaim(claim),), penalty=25.0)
    case = Case(
        id="q",
        category="c",
        question="问题",
        suite="t",
        source="t.yaml",
        key_points=(KeyPoint("答"),),
        trap=trap,
        numbers=forms or NumberForms(),
    )
    return bool(score_answer(case, answer).forbidden_found)


SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
# a long answer pinned against a shipped case: (case id, its shape, the answer, key point -> expected status)
LongAnswer = tuple[str, str, str, dict[str, str]]


@lru_cache(maxsize=1)
def shipped_cases() -> dict[str, Case]:
    """The shipped scenario cases by id (read once per process)."""
    return {case.id: case for case in load_scenarios([SCENARIOS])}


def shipped_trap() -> Case:
    return shipped_cases()["trap_hallucination"]


def long_answer_rows(answers: list[LongAnswer]) -> list[tuple[str, str, str, str, str]]:
    """One row per pinned point: (case id, shape, answer, point, expected)."""
    return [
        (case_id, shape, answer, point, expected)
        for case_id, shape, answer, points in answers
        for point, expected in points.items()
    ]


def long_answer_ids(answers: list[LongAnswer]) -> list[str]:
    return [f"{row[0]}-{row[1]}-{row[3]}" for row in long_answer_rows(answers)]


def check_long_answer(case_id: str, shape: str, answer: str, point: str, expected: str) -> None:
    """The point's status when the answer is scored against its shipped case; "not covered" as in `check_status`."""
    got = {p.point: p.status for p in score_answer(shipped_cases()[case_id], answer).points}[point]
    if expected == "not covered":
        assert got != "covered", (case_id, shape, point, got)
    else:
        assert got == expected, (case_id, shape, point, got)


def assert_linear_time(seconds_to_score: Callable[[str], float], unit: str, chars: int) -> None:
    """Scoring `unit` repeated to ~`chars` characters takes time linear in the length: four times the answer must
    take well under eight times as long (linear: 4x; the quadratic scans these guards were written for: 16x). Checked
    by growth, not by a wall-clock limit: hosts of this class differ 2.5x and a CI run shares its cores (an absolute
    2.5 s failed at 2.9 s under load; twice the answer against 3.2x failed at 3.4x with a busy neighbour). The two
    lengths are timed in turn, best of 3 each, in CPU time of this process (`time.process_time`: a test starved of
    the CPU by its neighbours is not charged for their time)."""
    repeats = chars // len(unit)
    short, long = unit * (repeats // 4), unit * repeats
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(3):
        times[0].append(seconds_to_score(short))
        times[1].append(seconds_to_score(long))
    best = [min(times[0]), min(times[1])]
    assert best[1] < 30 and best[1] < 8 * max(best[0], 0.01), best
