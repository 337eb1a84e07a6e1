"""Why a scenario file's text does not read as scenarios, in its author's terms: a YAML syntax error (a tab, an
unquoted ': ', an unclosed quote, a full-width colon...), JSON comments, an HTML or XML report, a file a run wrote,
or a file without a top-level `cases:` list."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..textfiles import shown
from .scenario_keys import ODD_SPACES, _near_miss
from .yaml_reading import ALIAS_BOMB_FIX, ALIAS_BOMB_PROBLEM, TAGGED_VALUE_FIX, TAGGED_VALUE_PROBLEM, load_yaml_text

YAML_SYNTAX_FIX = "correct the YAML syntax (indentation, quotes, colons)"
TAB_FIX = "replace the tabs at the start of the line with spaces (e.g. 2 per level, as the lines around it)"
FULL_WIDTH_KEY = re.compile(r"^\s*(?:-\s+)?[A-Za-z_]+\s*：")


def _yaml_error(exc: Any, text: str) -> tuple[str, str]:
    """(' at line N: problem', fix) for a file PyYAML (or libyaml) cannot parse, in the author's terms: a tab,
    an unquoted ': ' in a value, an unclosed quote or bracket, a custom tag, a control character - each was the
    parser's own words ("found character that cannot start any token") and "correct the YAML syntax"."""
    mark = getattr(exc, "problem_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    lines = text.splitlines()
    if mark is None and getattr(exc, "position", None) is not None:  # a ReaderError: a character YAML refuses
        number = text.count("\n", 0, exc.position) + 1
        code = ord(text[exc.position]) if exc.position < len(text) else 0
        return (
            f" at line {number}: the control character U+{code:04X}, which YAML does not allow",
            "remove it (NUL bytes: the file may be binary, or saved as UTF-16)",
        )
    number = mark.line + 1 if mark is not None else 0
    line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    at = f" at line {number}" if mark is not None else ""
    context = str(getattr(exc, "context", None) or "")
    context_mark = getattr(exc, "context_mark", None)
    indent = line[: len(line) - len(line.lstrip())]
    if "tab" in problem or ("cannot start any token" in problem and "\t" in indent):
        return f"{at}: the line is indented with a tab: YAML indents with spaces only", TAB_FIX
    odd_indent = next(iter(_odd_indents(lines[:number])), None)  # a key indented with U+00A0: the lines after it
    if odd_indent is not None:  # were "indented deeper" than that key
        return (
            f" at line {odd_indent[0]}: the line is indented with {odd_indent[1]}, which YAML reads as part of the key",
            "indent with plain spaces only, lined up with the keys around it",
        )
    if "another document" in problem:  # a `---` line: PyYAML's "but found another document" names neither
        return (
            f"{at}: a second YAML document starts here (a '---' line): a scenario file holds one document",
            "remove the '---' line, or move the cases after it into a file of their own",
        )
    if problem.startswith("duplicate key"):
        return f"{at}: {problem}", "keep one of the two"
    if problem.startswith(ALIAS_BOMB_PROBLEM):
        return f"{at}: {problem}", ALIAS_BOMB_FIX
    if problem.startswith(TAGGED_VALUE_PROBLEM):
        return f"{at}: {problem}", TAGGED_VALUE_FIX
    if "could not determine a constructor for the tag" in problem:
        quoted = re.search(r"'([^']*)'\s*$", problem)
        tag = (quoted.group(1) if quoted else problem).replace("tag:yaml.org,2002:", "!!")
        return (
            f"{at}: the tag {tag} is not supported (a scenario file is plain YAML: no !include, no !!python tags)",
            "remove the tag and write the value itself",
        )
    if "mapping values are not allowed" in problem:
        wide = next((n for n, text in enumerate(lines[:number], 1) if FULL_WIDTH_KEY.match(text)), None)
        if wide is not None:
            return (
                f" at line {wide}: a key ends with a full-width colon '：', which YAML does not read as a key's colon",
                "end every key with an ASCII ':' followed by a space (e.g. 'id: c1')",
            )
        if re.search(r":\s", line.split(":", 1)[-1]):
            return (
                f"{at}: the value holds ': ', which YAML reads as the start of another key",
                "quote the value (e.g. question: 'Note: ...', or use a full-width '：' in Chinese text)",
            )
        return f"{at}: a key is indented deeper than the key before it", "line up the keys of one case (see docs)"
    if context_mark is not None and "quoted scalar" in context:
        return (
            f" at line {context_mark.line + 1}: a quoted value starts here and its quote is never closed",
            "close the quote on the same value (or quote it with the other kind of quote)",
        )
    if context_mark is not None and context.startswith("while parsing a flow"):
        bracket = "[" if "sequence" in context else "{"
        return (
            f" at line {context_mark.line + 1}: a '{bracket}' opens here and is not closed before line {number}",
            "close it (a ',' between items) or write the items as '- ' lines",
        )
    if "expected '-' indicator" in problem or "expected <block end>" in problem:
        return (
            f"{at}: the line is indented less (or more) than the lines of its block above",
            "indent every key of a case as far as its first key (after '- '), with spaces",
        )
    if "unhashable key" in problem:
        return f"{at}: a key is a list or mapping", "keys are words followed by ':' (e.g. 'question:')"
    return f"{at}: {problem}", YAML_SYNTAX_FIX


JSON_COMMENT_FIX = (
    "remove the comment, or write it as a '#' comment (a scenario file is read as YAML, which reads JSON and its "
    "trailing commas, and takes '# ...' comments after a space)"
)
_COMMENT_AFTER = " \t,{}[]"  # `http://x` in a plain value is not a comment: `//` must follow a space or a bracket


def _json_comment(text: str, error_line: int | None) -> str | None:
    """'the file is JSON with comments: a // comment at line N' when a `//` or `/* */` comment (outside a "string";
    in a file not shaped as JSON, at a line's start only) sits at or before the line where the parser stopped and is
    what stopped it (without it the parse gets further): YAML's own words for it were "a '{' opens here and is not
    closed" or "a key is indented deeper", pointing elsewhere. A `// text` line inside a `|` block stays YAML's."""
    import yaml

    json_shaped = _strip_json_comments(text).lstrip("\ufeff \t\r\n")[:1] in ("{", "[")
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        if error_line is not None and number > error_line + 1:
            return None
        at = _comment_start(line) if json_shaped else (line.find("/") if line.lstrip()[:2] in ("//", "/*") else -1)
        if at < 0:
            offset += len(line)
            continue
        kind = "//" if line[at : at + 2] == "//" else "/* */"
        close = text.find("*/", offset + at + 2) + 2 if kind != "//" else offset + len(line.rstrip("\r\n"))
        close = close if close >= 2 else len(text)
        blanked = text[: offset + at] + re.sub(r"[^\n]", " ", text[offset + at : close]) + text[close:]
        try:
            load_yaml_text(blanked)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            if mark is None or error_line is None or mark.line <= error_line:
                return None
        except RecursionError:
            return None
        if json_shaped:
            return (
                f"the file is JSON with comments: a {kind} comment at line {number}, which neither JSON nor YAML allows"
            )
        return f"a {kind} comment at line {number}, which YAML does not read as a comment (its comments start with '#')"
    return None


def _comment_start(line: str) -> int:
    """Where a `//` or `/*` starts in one line of JSON, outside a "string" (-1: none)."""
    quoted = False
    index = 0
    while index < len(line):
        char = line[index]
        if quoted and char == "\\":
            index += 2
            continue
        if char == '"':
            quoted = not quoted
        elif (
            not quoted and line[index : index + 2] in ("//", "/*") and (index == 0 or line[index - 1] in _COMMENT_AFTER)
        ):
            return index
        index += 1
    return -1


def _strip_json_comments(text: str) -> str:
    """The text with whole-line `//` comments and `/* */` blocks at its start removed: what shape is it under them."""
    rest = text.lstrip("\ufeff \t\r\n")
    while rest.startswith(("//", "/*")):
        end = rest.find("\n") if rest.startswith("//") else rest.find("*/") + 1
        if end <= 0:
            return ""
        rest = rest[end + 1 :].lstrip(" \t\r\n")
    return rest


def _odd_indents(lines: Sequence[str]) -> Iterable[tuple[int, str]]:
    """(line number, the space's name) per line indented with a space YAML takes for text (U+00A0, U+3000)."""
    for number, text in enumerate(lines, 1):
        indent = text[: len(text) - len(text.lstrip())]
        odd = next((name for char, name in ODD_SPACES.items() if char in indent and char != "\t"), None)
        if odd is not None:
            yield number, odd


def _no_cases(data: Any, text: str) -> tuple[str, str]:
    """(problem, fix) for a file without a top-level `cases:` list, by what it holds instead."""
    if data is None:  # nothing, only comments, or a lone `---`
        if not text.strip().lstrip("\ufeff").strip():
            problem = "the file is empty"
        else:
            problem = "the file holds no cases (only comments or an empty document)"
        return problem, "write its cases under a top-level 'cases:' list (see docs/scenarios.md), or delete the file"
    near = _near_miss("cases", data)
    if near is not None:
        return "missing top-level 'cases' list", f"did you mean `cases`? Rename the top-level key `{near}` to `cases`"
    if isinstance(data, list):
        return (
            "the file is a list, not a mapping with 'cases:'",
            "add a line 'cases:' at the top and indent the list under it",
        )
    if isinstance(data, dict) and {"id", "question", "key_points"} & {str(k) for k in data}:
        return (
            "missing top-level 'cases' list (the file holds one case's fields at its top level)",
            "write 'cases:' first, then the case as a list item: '  - id: ...' with its other keys under it",
        )
    if not isinstance(data, dict):
        return (
            f"the file holds only the text {shown(data)}, not a mapping with 'cases:'",
            "write the cases under a top-level 'cases:' list (see docs/scenarios.md)",
        )
    return "missing top-level 'cases' list", "put the cases under a top-level 'cases:' key (see docs/scenarios.md)"


ANOTHER_KIND_FIX = (
    "pass the scenario files (YAML or JSON with a top-level 'cases:' list; see docs/scenarios.md): pytest's "
    "--llm-scenarios, rescore's and compare's --scenarios"
)


def _another_kind(text: str) -> str | None:
    """What a file given as a scenario file is when it is a file a run writes - its results.json or cases.jsonl - or
    None (an HTML or XML report: `_markup`). YAML's words about them ("unknown field 'schema_version'", "expected
    <document start>") sent the user to edit a file that was never a scenario file."""
    start = text.lstrip("\ufeff \t\r\n")
    if not start.startswith("{"):
        return None
    first = start.split("\n", 1)[0]
    if '"schema_version"' in start[:200] and '"run"' in start[:2000]:
        return "is a run's results.json (what a run wrote), not a scenario file"
    if '"scenario_id"' in first and ('"case_hash"' in first or '"model"' in first):
        return "is a run's cases.jsonl (one answered case a line, what a run wrote), not a scenario file"
    return None


MARKUP = "is an HTML or XML file (a report, pytest's --junitxml?), not a scenario file"


def _markup(text: str) -> bool:
    """Whether a file YAML cannot read is HTML or XML (it starts with '<'). One YAML reads - a one-line page - keeps
    the loader's "holds only the text ..." (round 12), which shows that text."""
    return text.lstrip("\ufeff \t\r\n").startswith("<")
