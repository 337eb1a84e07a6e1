"""Reading one field's value of a scenario case as the author wrote it (plain scalars arrive as text): numbers,
integers, flags, number forms and tolerances, text lists, regular expressions, and the core of a key point's text."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import regex

from ..textfiles import shown
from .numbers import NumberForms, ToleranceError, compiled_user_regex, parse_tolerance
from .pattern_cost import PROBE_LENGTH, PROBE_TIME_S, backtracks_badly

ID_PATTERN = re.compile(r"^[a-z0-9_]+$")

# YAML reads a plain `null`, `Null`, `NULL` or `~` (and an empty value) as nothing, not as that text
NULL_FIX = "if you meant the text, quote it (e.g. 'NULL': YAML reads a plain null, Null, NULL or ~ as nothing)"
_TEXT_FIX = "remove the YAML tag (e.g. !!int), or quote the value"


def _not_text(value: Any) -> str:
    """'must be text, not a list' for a value of a text field: a list, a mapping, or a number or boolean that an
    explicit tag (`!!int 12`) made (plain scalars are read as the text written)."""
    kinds = {list: "a list", dict: "a mapping", bool: "a boolean", int: "an integer", float: "a number"}
    kind = next((name for cls, name in kinds.items() if isinstance(value, cls)), f"a {type(value).__name__}")
    return f"must be text, not {kind} ({shown(value)})"


def _id_hint(value: str) -> str:
    """ "did you mean 'q1_revenue'? " for an id or category that lower-casing and '_' for other characters make
    valid ('Q1 Revenue', 'c-1'), else ''."""
    if not value.isascii():  # `利润1` -> '1': a hint that dropped the name itself
        return "write it in ASCII (pinyin or English, e.g. 'lirun_1'; the question itself may be Chinese): "
    hint = re.sub(r"[^a-z0-9_]+", "_", value.strip().lower()).strip("_")
    return f"did you mean {hint!r}? Otherwise " if hint and ID_PATTERN.match(hint) and hint != value else ""


def _number(value: Any, field_name: str, fail: Any, fix: str) -> float:
    """A finite number from a YAML scalar (read as text) or a Python number."""
    if value is None or (isinstance(value, str) and not value.strip()):  # `threshold:` with nothing after it
        raise fail(field_name, "empty (nothing after the colon, or YAML's null)", f"{fix}, or remove the line")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise fail(field_name, f"{shown(value)} is not a number", fix)
    name = field_name.rsplit(".", 1)[-1]
    written = str(value).strip()
    if written.endswith("%") and _is_decimal(written[:-1]):  # `threshold: 60%` was "'60%' is not a number"
        problem = f"{shown(value)}: write the {name} without '%' (it is a number)"
        raise fail(field_name, problem, f"'{name}: {written[:-1].strip()}'")
    try:
        number = Decimal(written)
    except InvalidOperation:
        raise fail(field_name, f"{shown(value)} is not a number", fix) from None
    if not number.is_finite() or not math.isfinite(float(number)):  # 1e400 is finite as a decimal, inf as a float
        raise fail(field_name, f"{shown(value)} is not a finite number", fix)
    return float(number)


def _is_decimal(text: str) -> bool:
    try:
        return Decimal(text.strip()).is_finite()
    except InvalidOperation:
        return False


def _integer(value: Any, field_name: str, fail: Any, fix: str, maximum: int) -> int:
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    digits = text.lstrip("0") if text.isascii() and text.isdigit() else ""  # '²' is a digit to isdigit()
    if not digits:
        raise fail(field_name, f"{shown(value)} is not a positive integer", fix)
    if len(digits) > len(str(maximum)) or int(digits) > maximum:  # int() refuses 4,300 digits and more
        raise fail(field_name, f"{shown(value)} is too large (at most {maximum})", fix)
    return int(digits)


def _flag(value: Any, field_name: str, fail: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise fail(field_name, f"{shown(value)} is not true or false", f"write '{field_name.rsplit('.', 1)[-1]}: true'")


def _number_forms(item: Mapping[str, Any], base: NumberForms, prefix: str, fail: Any) -> NumberForms:
    """`tolerance`, `scale_words`, `chinese_numerals` of a case (over `base`) or a key point."""
    tolerance = base.tolerance
    if item.get("tolerance") is not None:
        raw = item["tolerance"]
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            raise fail(f"{prefix}tolerance", f"{shown(raw)} is not a tolerance", "use e.g. 'tolerance: 0.5' or '1%'")
        try:
            parsed = parse_tolerance(str(raw))
        except ToleranceError as exc:
            raise fail(
                f"{prefix}tolerance", str(exc), "use e.g. 'tolerance: 0.5' (absolute) or '1%' (relative)"
            ) from None
        problem = _tolerance_problem(str(raw).strip(), parsed.amount, parsed.relative)
        if problem is not None:
            raise fail(f"{prefix}tolerance", problem, "use e.g. 'tolerance: 0.5' (absolute) or '1%' (relative)")
        tolerance = str(raw).strip()
    scale = base.scale_words
    if item.get("scale_words") is not None:
        scale = _flag(item["scale_words"], f"{prefix}scale_words", fail)
    chinese = base.chinese
    if item.get("chinese_numerals") is not None:
        chinese = _flag(item["chinese_numerals"], f"{prefix}chinese_numerals", fail)
    return NumberForms(scale_words=scale, chinese=chinese, tolerance=tolerance)


def _tolerance_problem(written: str, amount: Decimal, relative: bool) -> str | None:
    """Why a tolerance matches any number, or None: `1e400` is finite as a decimal and inf as a float (every number
    was within it), and a relative one of 100% or more matched 0 (and 2.5 times the figure at 150%)."""
    if not math.isfinite(float(amount)):
        return f"{shown(written)} is too large (it matches any number)"
    if relative and amount >= 100:
        return (
            f"{shown(written)}: a relative tolerance of 100% or more matches 0 and any figure up to twice the key "
            "figure or beyond"
        )
    return None


# Quotes a writer wraps a term in (“利润”, 「利润」, 《公司法》, "profit" inside YAML's own quotes) and the sentence
# punctuation a term copied out of a sentence ends with (利润增长。): kept as part of the text, an answer had to repeat
# them - one that said 利润 plainly scored 50 against [“利润”, 收入] where a reader gives 100, and a forbidden claim in
# quotes was found only where it was quoted. An ASCII '.' is kept ('Inc.', 'U.S.' end with one)
_WRAPPING_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", '"': '"', "'": "'", "`": "`", "«": "»"}
_TRAILING_PUNCTUATION = "。，、；：！？,;:!?"


def core_text(text: str) -> str:
    """A key point's, synonym's or forbidden claim's text as it is looked for: without quotes wrapping it whole
    (not '"A" and "B"', which quotes two terms) and without sentence punctuation at its end. Read, not refused: every
    answer that holds the text as written holds its core, so the core credits what was meant and no less - where a
    refusal would stop a whole run over a 。 (and 《公司法》 is how Chinese writes a title)."""
    core = text.strip()
    if len(core) > 2 and _WRAPPING_QUOTES.get(core[0]) == core[-1] and core[1:-1].strip():
        inner = core[1:-1].strip()
        if core[0] not in inner and core[-1] not in inner:
            core = inner
    if len(core) > 1 and core[-1] in _TRAILING_PUNCTUATION and core.rstrip(_TRAILING_PUNCTUATION).strip():
        core = core.rstrip(_TRAILING_PUNCTUATION).strip()
    return core


def _string_list(value: Any, field_name: str, fail: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list) and any(v is None for v in value):
        index = next(i for i, v in enumerate(value) if v is None)
        raise fail(f"{field_name}[{index}]", "empty (YAML's null)", f"write the text or remove the entry; {NULL_FIX}")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):  # `synonyms: 净利, 纯利`
        problem, fix = _not_a_list(value, "form")
        raise fail(field_name, problem, fix)
    if not isinstance(value, list) or not all(
        isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip() for v in value
    ):
        raise fail(field_name, "must be a list of non-empty strings", "write it as [a, b, c]")
    return tuple(str(v).strip() for v in value)


# what a writer separates items with when a list is written as one text: 利润、收入 / profit, revenue / a；b
_ITEM_SEPARATORS = re.compile(r"\s*[,，、;；]\s*")


_LIST_SHOWN = 200  # characters of a list field's text the fix shows as the list it meant


def _not_a_list(value: Any, what: str) -> tuple[str, str]:
    """(problem, fix) for a list field written as one text or number (`key_points: 利润, 收入`): the fix shows it as
    the list it meant, one entry per item."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        try:
            text = str(value).strip()
        except ValueError:  # an int past Python's 4,300-digit limit on int-to-text conversion
            return f"must be a list, not {shown(value)}", f"write one '- point: ...' entry per {what}"
        items = [item for item in _ITEM_SEPARATORS.split(text) if item]
        written = ", ".join(items) if items else text
        if len(written) > _LIST_SHOWN:  # a page pasted into the field: the fix shows the list's start, not the page
            written = f"{written[: _LIST_SHOWN - 3]}..."
        many = f", one {what} per entry" if len(items) > 1 else ""
        return f"must be a list, not the text {shown(value)}", f"write it as a list: [{written}]{many}"
    return "must be a list", f"write one '- point: ...' entry per {what}"


def _parse_regexes(value: Any, field_name: str, fail: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v for v in items):
        raise fail(field_name, "must be a regular expression or a list of them", r"write e.g. regex: 'INV-\d{6}'")
    for pattern in items:
        try:
            re.compile(pattern)
            compiled_user_regex(pattern)  # v26: the scorer searches with `regex` (a time limit), in re's dialect
        except (re.error, regex.error) as exc:
            raise fail(
                field_name,
                f"{shown(pattern)} is not a valid regular expression ({exc})",
                "correct it (Python re syntax; quote it in single quotes so YAML keeps backslashes)",
            ) from None
        if backtracks_badly(pattern):  # at load, not as a scoring error after the model answered (pattern_cost.py)
            raise fail(
                field_name,
                f"{shown(pattern)} backtracks catastrophically (nested quantifiers such as (a+)+ or (a|aa)+ try "
                f"exponentially many ways: over {PROBE_TIME_S:g} s on a {PROBE_LENGTH}-character answer)",
                "simplify the pattern: quantify each part once (a+ not (a+)+, (?:\\d|,)+ not (\\d+,?)+) and anchor "
                "it to the words around the fact",
            )
    return tuple(items)
