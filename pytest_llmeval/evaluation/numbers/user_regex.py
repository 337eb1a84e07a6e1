"""A user's regex (a `regex:` key point or forbidden claim) searched with the `regex` module under a
time limit shared by one point's searches in one answer (`regex_time_limit`; `RegexTimeout` past it).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

# v26: a user's regex (a `regex:` key point or forbidden claim) runs under a time limit. Python's `re` cannot stop a
# search, and a pattern with nested quantifiers ((a|aa)+$, (\d+,?)+$) backtracks for minutes on a long or adversarial
# answer: the scorer hung. The `regex` module stops a search at its timeout; in its VERSION0 dialect it reads the
# patterns users write for `re`. All searches of one point in one answer share `REGEX_TIME_LIMIT_S` of search time
# (`regex_time_limit`; the scoring between them is not counted, so a loaded machine does not fail a fast pattern);
# ordinary patterns take microseconds.
REGEX_TIME_LIMIT_S = 1.0

# 46th session: the time is the searching thread's CPU time, not the wall clock's, as `pattern_cost` probes at load.
# A CI run failed a 12-character answer's searches of 无需.*改造 ("took over 1 s") while vLLM servers loaded both
# cores: the thread waited for a core, it did not search, and the wall clock used up the limit. The `regex` module
# stops a search at a timeout of the process's CPU time (every thread's), so a search it stops while this thread's
# CPU time is not used up is run again from the start, at most `_STARVED_RETRIES` times, each time with twice the
# timeout of the one before per second of CPU time still left.
_STARVED_RETRIES = 6


@dataclass
class _RegexBudget:
    seconds: float
    left: float


_REGEX_BUDGET: ContextVar[_RegexBudget | None] = ContextVar("regex_budget", default=None)


class RegexTimeout(Exception):
    """A user's regex ran out of its time on an answer (catastrophic backtracking)."""

    def __init__(self, pattern: str, seconds: float = REGEX_TIME_LIMIT_S) -> None:
        super().__init__(f"the regex {pattern!r} took over {seconds:g} s of CPU time to search the answer")
        self.pattern = pattern


@contextmanager
def regex_time_limit(seconds: float = REGEX_TIME_LIMIT_S) -> Iterator[None]:
    """Every user regex searched inside shares `seconds` of search time."""
    token = _REGEX_BUDGET.set(_RegexBudget(seconds, seconds))
    try:
        yield
    finally:
        _REGEX_BUDGET.reset(token)


@lru_cache(maxsize=1024)
def compiled_user_regex(pattern: str) -> Any:
    """The user's pattern compiled as `re` reads it (`regex` VERSION0), case-insensitively."""
    return regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)


def _timed(pattern: str, search: Callable[[float], Any]) -> Any:
    """`search(timeout)` - one search, from its start - within this thread's CPU time left to the searches
    (`RegexTimeout` past it); run again when it was stopped before that time was used up (a starved thread)."""
    budget = _REGEX_BUDGET.get() or _RegexBudget(REGEX_TIME_LIMIT_S, REGEX_TIME_LIMIT_S)
    for attempt in range(_STARVED_RETRIES + 1):
        if budget.left <= 0:
            break
        cpu = time.thread_time()
        try:
            return search(budget.left * 2**attempt)
        except TimeoutError:
            pass  # stopped by the wall or the process's clock: run again while this thread's CPU time lasts
        finally:
            budget.left -= time.thread_time() - cpu
    raise RegexTimeout(pattern, budget.seconds)


def user_regex_finditer(pattern: str, text: str) -> Iterator[Any]:
    """The pattern's matches in `text`, searched within the time left (`RegexTimeout` past it). The matches are found
    in one search of the whole answer (a few at most in an answer), so a starved search is run again from the start."""
    compiled = compiled_user_regex(pattern)
    yield from _timed(pattern, lambda timeout: _all_matches(compiled, text, timeout))


def _all_matches(compiled: Any, text: str, timeout: float) -> list[Any]:
    """Every match of `compiled` in `text`, all of them within `timeout` of wall-clock time."""
    deadline = time.perf_counter() + timeout
    matches = []
    for m in compiled.finditer(text, timeout=timeout):  # the module's timeout holds for each match on its own
        matches.append(m)
        if time.perf_counter() > deadline:
            raise TimeoutError
    return matches


def user_regex_search(pattern: str, text: str) -> bool:
    """Whether the pattern matches somewhere in `text`, searched within the time left (`RegexTimeout` past it)."""
    return _timed(pattern, lambda timeout: compiled_user_regex(pattern).search(text, timeout=timeout)) is not None
