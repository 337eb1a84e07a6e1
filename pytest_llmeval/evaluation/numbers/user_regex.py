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


@dataclass
class _RegexBudget:
    left: float


_REGEX_BUDGET: ContextVar[_RegexBudget | None] = ContextVar("regex_budget", default=None)


class RegexTimeout(Exception):
    """A user's regex ran out of its time on an answer (catastrophic backtracking)."""

    def __init__(self, pattern: str) -> None:
        super().__init__(f"the regex {pattern!r} took over {REGEX_TIME_LIMIT_S:g} s to search the answer")
        self.pattern = pattern


@contextmanager
def regex_time_limit(seconds: float = REGEX_TIME_LIMIT_S) -> Iterator[None]:
    """Every user regex searched inside shares `seconds` of search time."""
    token = _REGEX_BUDGET.set(_RegexBudget(seconds))
    try:
        yield
    finally:
        _REGEX_BUDGET.reset(token)


@lru_cache(maxsize=1024)
def compiled_user_regex(pattern: str) -> Any:
    """The user's pattern compiled as `re` reads it (`regex` VERSION0), case-insensitively."""
    return regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)


def _timed(pattern: str, step: Callable[[float], Any]) -> Any:
    """`step(timeout)` - one search - within the time left to the searches (`RegexTimeout` past it)."""
    budget = _REGEX_BUDGET.get() or _RegexBudget(REGEX_TIME_LIMIT_S)
    if budget.left <= 0:
        raise RegexTimeout(pattern)
    began = time.perf_counter()
    try:
        return step(budget.left)
    except TimeoutError:
        raise RegexTimeout(pattern) from None
    finally:
        budget.left -= time.perf_counter() - began


def user_regex_finditer(pattern: str, text: str) -> Iterator[Any]:
    """The pattern's matches in `text`, searched within the time left (`RegexTimeout` past it)."""
    found = _timed(pattern, lambda timeout: compiled_user_regex(pattern).finditer(text, timeout=timeout))
    while (m := _timed(pattern, lambda _: next(found, None))) is not None:
        yield m


def user_regex_search(pattern: str, text: str) -> bool:
    """Whether the pattern matches somewhere in `text`, searched within the time left (`RegexTimeout` past it)."""
    return _timed(pattern, lambda timeout: compiled_user_regex(pattern).search(text, timeout=timeout)) is not None
