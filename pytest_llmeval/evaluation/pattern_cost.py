"""Whether a user's regex (a `regex:` key point or forbidden claim) backtracks catastrophically: checked at load.

The scorer searches a user's regex under a time limit (v26, `numbers/user_regex.py`), so a pattern such as
`(a+)+$`, `(\\w+\\s?)+$` or `(.*a){3}z` never hangs a run - but it failed only at scoring, after the model had
answered, and only on the answers long enough to trip it: a 200-character answer scored, a 2,000-character one was
a scoring error. Such a pattern is refused when the scenario file loads instead, naming the file, case and field.

Two steps, so that a pattern that nests quantifiers harmlessly (`(\\d+,)*\\d+`, `(\\d{1,3},)*`) is never refused:
1. structure: only a repeated group (`*`, `+`, `{n,}`, `{2,}`...) holding another repeat or an alternation is a
   suspect (every catastrophic shape nests one of those);
2. evidence: a suspect is searched in adversarial texts built from its own characters (runs of one character, and of
   two alternating, then a character it does not expect) of `PROBE_LENGTH` characters - an ordinary answer's length
   is 300-3,000 - and refused only if one search takes over `PROBE_TIME_S` of CPU time (a harmless pattern takes at
   most a few hundredths of a second there - the shipped ones 0.035 s; a catastrophic one grows without bound - and
   CPU time, not wall time, is measured, so a loaded machine does not refuse a fast pattern). Patterns accepted
   are fast on answers up to `PROBE_LENGTH` characters in these shapes; a longer or stranger answer is still held
   to the scorer's time limit.
"""

from __future__ import annotations

import itertools
import re
import time
from typing import Any

from .numbers import compiled_user_regex

PROBE_LENGTH = 1000
PROBE_TIME_S = 0.5  # CPU seconds of one search: the shipped patterns take up to 0.035 s (AVX2 host), so 14x margin
PROBE_WALL_S = 8.0  # the longest wall-clock limit of one search (a starved thread's last try)
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
_FILLERS = ("a", "1", " ", "x", ",", "中")
_END = "\x01"  # a character no pattern expects: every search must fail, trying all its ways first


def _parser() -> Any:
    import re._parser as parser  # Python 3.11+: sre_parse is deprecated

    return parser


def _nodes(parsed: Any) -> Any:
    """Every (op, argument) in a parsed pattern, nested ones included."""
    for op, av in parsed:
        yield op, av
        for child in _children(op, av):
            yield from _nodes(child)


def _children(op: Any, av: Any) -> list[Any]:
    name = str(op)
    if name in _REPEATS:
        return [av[2]]
    if name == "SUBPATTERN":
        return [av[-1]]
    if name == "BRANCH":
        return list(av[1])
    if name in {"ASSERT", "ASSERT_NOT"}:
        return [av[1]]
    if name == "GROUPREF_EXISTS":
        return [branch for branch in av[1:] if branch is not None]
    return []


def _is_suspect(parsed: Any) -> bool:
    """A group repeated more than once that holds another repeat or an alternation (nested quantifiers)."""
    for op, av in _nodes(parsed):
        if str(op) in _REPEATS and av[1] > 1:
            inner = list(_nodes(av[2]))
            if any((str(o) in _REPEATS and a[1] > 1) or str(o) == "BRANCH" for o, a in inner):
                return True
    return False


def _characters(parsed: Any) -> tuple[list[str], str]:
    """The characters the pattern names (literals and the first of each class or range) then common fillers, and its
    literals in order (a probe ends with them: a search that needs `元` or `@` fails at once in a text without)."""
    found: list[str] = []
    literals: list[str] = []
    for op, av in _nodes(parsed):
        name = str(op)
        if name == "LITERAL":
            found.append(chr(av))
            literals.append(chr(av))
        elif name == "IN":
            for item_op, item_av in av:
                if str(item_op) == "LITERAL":
                    found.append(chr(item_av))
                elif str(item_op) == "RANGE":
                    found.append(chr(item_av[0]))
    return list(dict.fromkeys([*found, *_FILLERS]))[:12], "".join(literals)


def _probes(chars: list[str], literals: str) -> Any:
    """Texts of about PROBE_LENGTH characters that make a catastrophic pattern try all its ways: runs of one
    character, of two alternating, and one character sparse among others (`(.*a){12}` on eleven a's)."""
    for tail in ("", literals):
        for c in chars:
            yield c * PROBE_LENGTH + tail + _END
            yield (" " * (PROBE_LENGTH // 12) + c) * 11 + tail + _END
        for c, d in itertools.permutations(chars[:6], 2):
            yield (c + d) * (PROBE_LENGTH // 2) + tail + _END
            yield (c * 3 + d) * (PROBE_LENGTH // 4) + tail + _END


def backtracks_badly(pattern: str) -> bool:
    """Whether searching `pattern` takes over PROBE_TIME_S in an adversarial text of PROBE_LENGTH characters."""
    try:
        parsed = _parser().parse(pattern, re.IGNORECASE)
    except re.error:
        return False  # the caller's compile reports it
    if not _is_suspect(parsed):
        return False
    compiled = compiled_user_regex(pattern)
    return any(_search_cpu_s(compiled, text) > PROBE_TIME_S for text in _probes(*_characters(parsed)))


def _search_cpu_s(compiled: Any, text: str) -> float:
    """The CPU time one search takes, or at least PROBE_TIME_S when it is catastrophic. CPU, not wall, time is the
    evidence: on a loaded host (a CI with three xdist workers and vLLM servers on 2 cores) this thread waits a
    quarter of a second at a time for a core, and the wall clock refused the shipped scenarios' harmless `(\\d+,)*`
    patterns. A search cut off by its wall limit before it used PROBE_TIME_S of CPU (a starved thread) is tried again
    with twice the limit, up to PROBE_WALL_S; one still starved then counts as fast - the scorer's own time limit
    holds the pattern at scoring."""
    wall_s = PROBE_TIME_S * 2
    while True:
        began = time.thread_time()
        try:
            compiled.search(text, timeout=wall_s)
            return time.thread_time() - began
        except TimeoutError:
            spent = time.thread_time() - began
            if spent > PROBE_TIME_S or wall_s >= PROBE_WALL_S:
                return spent
        wall_s *= 2
