"""Turning one case of a scenario file (merged with the file's `defaults:`) into a `Case`: each field checked, its
key points, trap and images parsed, every error naming the case and the field."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..textfiles import shown
from .case_model import (
    ASSERT_WITH,
    DEFAULT_THRESHOLD,
    DEFAULT_TRAP_PENALTY,
    SCORERS,
    TRAP_EXPECTATIONS,
    Case,
    ForbiddenClaim,
    KeyPoint,
    ScenarioError,
    Trap,
)
from .field_values import (
    _TEXT_FIX,
    ID_PATTERN,
    NULL_FIX,
    _id_hint,
    _integer,
    _not_a_list,
    _not_text,
    _number,
    _number_forms,
    _parse_regexes,
    _string_list,
    core_text,
)
from .numbers import NumberForms
from .scenario_keys import _CASE_FIELDS, CLAIM_FIELDS, KEY_POINT_FIELDS, TRAP_FIELDS, _check_keys

MAX_IMAGE_BYTES = 20 * 2**20
# the largest max_tokens a case may ask (the servers' request fields are 32-bit, as --llm-max-tokens's ceiling)
MAX_TOKENS_LIMIT = 2**31 - 1


def _parse_case(path: Path, index: int, raw: Any, defaults: dict[str, Any], suite: str) -> Case:
    label = f"#{index + 1}"
    if isinstance(raw, str) and "：" in raw:  # `- id： c1`: the case read as one text
        raise ScenarioError(
            path,
            label,
            None,
            f"a case must be a mapping; this one is the text {shown(raw)}: its keys end with a full-width colon '：'",
            "end every key with an ASCII ':' followed by a space (e.g. 'id: c1')",
        )
    if not isinstance(raw, dict):
        what = f"; this one is {shown(raw)}" if raw is not None else "; this one is empty"
        raise ScenarioError(
            path, label, None, f"a case must be a mapping{what}", "write the case as 'key: value' lines under '- '"
        )
    merged = {**defaults, **raw}
    case_id = merged.get("id")
    if isinstance(case_id, str) and case_id:
        label = case_id

    def fail(field_name: str, problem: str, fix: str) -> ScenarioError:
        root = re.split(r"[.\[]", field_name, maxsplit=1)[0]
        if root in defaults and root not in raw and root != "scorer":
            # a value the case takes from `defaults:` is wrong there, not in the first case that uses it
            return ScenarioError(path, None, f"defaults.{field_name}", problem, fix)
        return ScenarioError(path, label, field_name, problem, fix)

    _check_keys(raw, _CASE_FIELDS, fail)
    for required in ("id", "category", "question"):
        if required in merged and merged[required] is None:
            raise fail(required, "empty (YAML's null)", f"write the {required}; {NULL_FIX}")
        if required not in merged:
            raise fail(required, "missing required field", f"add '{required}:' to the case")
        value = merged[required]
        if isinstance(value, str) and not value.strip():  # `question: ''`, `id: ' '`, `question: |` with no text
            raise fail(required, f"empty ({shown(value)})", f"write the {required} after '{required}:'")
        if not isinstance(value, str):
            raise fail(required, _not_text(value), f"write the {required} as text: {_TEXT_FIX}")
    for name in ("id", "category"):
        value = merged[name]
        if not ID_PATTERN.match(value):
            raise fail(
                name,
                f"{shown(value)} is not a valid {name}",
                f"{_id_hint(value)}use lower-case letters, digits and '_' only",
            )
    question = merged["question"]
    system = merged.get("system")
    if system is not None and not isinstance(system, str):
        raise fail("system", "must be a string", "write the system prompt as text or remove it")

    for name, choices in (("scorer", SCORERS), ("assert_with", ASSERT_WITH)):
        if name in merged and merged[name] is None:  # `scorer:` with nothing after it: "None is not a scorer"
            raise fail(name, "empty (nothing after the colon, or YAML's null)", f"use one of {list(choices)}")
    scorer = merged.get("scorer", "keyword")
    if scorer not in SCORERS:
        raise fail("scorer", f"{shown(scorer)} is not a scorer", f"use one of {list(SCORERS)}")
    assert_with = merged.get("assert_with", "keyword")
    if assert_with not in ASSERT_WITH:
        raise fail("assert_with", f"{shown(assert_with)} is not a grader", f"use one of {list(ASSERT_WITH)}")
    numbers = _number_forms(merged, NumberForms(), "", fail)
    images = _parse_images(path, merged, fail)
    accepted = _string_list(merged.get("accepted_answers"), "accepted_answers", fail)
    trap = _parse_trap(merged.get("trap"), fail)
    if scorer != "keyword":
        if not accepted:
            raise fail(
                "accepted_answers",
                f"the {scorer} scorer needs accepted answers",
                "add 'accepted_answers: [..]' to the case",
            )
        key_points: tuple[KeyPoint, ...] = ()
    else:
        key_points = _parse_key_points(merged.get("key_points"), trap, numbers, fail)
    threshold = _number(
        merged.get("threshold", DEFAULT_THRESHOLD), "threshold", fail, "use a number from 0 to 100, e.g. 60"
    )
    if not 0 <= threshold <= 100:
        raise fail("threshold", f"{threshold:g} is not a percentage", "use a number from 0 to 100, e.g. 60")
    if 0 < threshold < 1:  # 0.6 meant as 60%: a threshold of 0.6% passed every answer that covered anything
        raise fail(
            "threshold",
            f"{threshold:g} looks like a fraction, but the threshold is a percentage (0-100): {threshold:g} "
            "would pass an answer that covers almost nothing",
            f"write {threshold * 100:g} for {threshold * 100:g}%",
        )
    documents = merged.get("documents") or []
    if not isinstance(documents, list) or not all(isinstance(d, str) and d for d in documents):
        raise fail("documents", "must be a list of document paths", "list paths relative to scenarios/knowledge/")
    max_tokens = merged.get("max_tokens")
    if max_tokens is not None:
        # past the limit every request of the case was refused by the server
        max_tokens = _integer(max_tokens, "max_tokens", fail, "use e.g. 'max_tokens: 512'", MAX_TOKENS_LIMIT)
    return Case(
        id=str(case_id),
        category=merged["category"],
        question=question.strip(),
        key_points=key_points,
        suite=suite,
        source=str(path),
        system=system.strip() if system else None,
        trap=trap,
        threshold=float(threshold),
        documents=tuple(documents),
        max_tokens=max_tokens,
        scorer=scorer,
        assert_with=assert_with,
        images=images,
        accepted_answers=accepted,
        numbers=numbers,
    )


def _parse_images(path: Path, merged: dict[str, Any], fail: Any) -> tuple[str, ...]:
    """`image: a.png` or `images: [a.png, b.png]`, relative to the scenario file; each must be a real image."""
    if "image" in merged and "images" in merged:
        raise fail("image", "both 'image' and 'images' are set", "use 'images: [a.png, b.png]' alone")
    field_name = "images" if "images" in merged else "image"
    raw = merged.get(field_name)
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    if not items or not all(isinstance(item, str) and item.strip() for item in items):
        raise fail(field_name, "must be an image path or a list of them", "write e.g. 'image: images/receipt.png'")
    from ..vision.images import ImageError, image_path, load_image

    resolved = []
    for item in items:
        read_as = None
        try:  # `~/pics/a.png`, `$DATA/a.png`, `imgs\a.png` read as a shell or Windows would (image_path)
            found, read_as = image_path(path.parent, item)
            found = found.resolve()  # a NUL in the name: ValueError
            load_image(found, max_bytes=MAX_IMAGE_BYTES)
        except (ImageError, OSError, ValueError) as exc:
            written = f"{shown(item)} (read as {read_as})" if read_as is not None else shown(item)
            raise fail(
                field_name, f"{written}: {exc}", "point it at a PNG/JPEG/WebP file next to the scenario file"
            ) from None
        resolved.append(str(found))
    return tuple(resolved)


def _parse_key_points(value: Any, trap: Trap | None, case_forms: NumberForms, fail: Any) -> tuple[KeyPoint, ...]:
    if value is None or value == []:
        if trap is not None and trap.expect:
            return ()
        raise fail("key_points", "missing or empty", "list at least one key point (see docs/scenarios.md)")
    if not isinstance(value, list):
        raise fail("key_points", *_not_a_list(value, "key point"))
    points: list[KeyPoint] = []
    for i, item in enumerate(value):
        where = f"key_points[{i}]"
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            if not str(item).strip():
                raise fail(where, "empty key point", "write the key point text")
            points.append(KeyPoint(core_text(str(item))))
            continue
        if item is None:
            raise fail(where, "empty (YAML's null)", f"write the key point or remove the entry; {NULL_FIX}")
        if not isinstance(item, dict):
            raise fail(where, "must be a string or a mapping", "use '- point: 名称' with optional synonyms/weight")
        _check_keys(item, KEY_POINT_FIELDS, fail, f"{where}.")
        regexes = _parse_regexes(item.get("regex"), f"{where}.regex", fail)
        point = item.get("point")
        if regexes:
            if item.get("synonyms") is not None:
                raise fail(
                    f"{where}.synonyms",
                    "a regex key point has no synonyms",
                    "add the other forms as more regexes ('regex: [a, b]') or as another key point",
                )
            point = point if point is not None else regexes[0]
        if "point" in item and item["point"] is None and not regexes:
            raise fail(f"{where}.point", "empty (YAML's null)", f"write the key point; {NULL_FIX}")
        if isinstance(point, (list, dict)):  # `point: [a, b]`: it was "missing required field"
            raise fail(
                f"{where}.point",
                _not_text(point),
                "one key point per entry: write 'point: a' and the other forms as 'synonyms: [b]'",
            )
        if isinstance(point, str) and not point.strip():
            raise fail(f"{where}.point", f"empty ({shown(point)})", "write the key point's text after 'point:'")
        if point is None or not isinstance(point, (str, int, float)) or not str(point).strip():
            raise fail(f"{where}.point", "missing required field", "add 'point: <text>' (or 'regex: <pattern>')")
        weight = _number(item.get("weight", 1.0), f"{where}.weight", fail, "use e.g. 'weight: 2'")
        if weight <= 0:
            raise fail(f"{where}.weight", f"{weight:g} is not a positive number", "use e.g. 'weight: 2'")
        synonyms = tuple(
            core_text(synonym) for synonym in _string_list(item.get("synonyms"), f"{where}.synonyms", fail)
        )
        text = str(point).strip() if regexes else core_text(str(point))  # a regex's point is its label only
        forms = _number_forms(item, case_forms, f"{where}.", fail)
        points.append(KeyPoint(text, synonyms, weight, regexes, forms if forms != case_forms else None))
    _check_distinct_points(points, fail)
    _check_total_weight(points, fail)
    return tuple(points)


def _check_distinct_points(points: Sequence[KeyPoint], fail: Any) -> None:
    """A key point listed twice (the same text as the scorer compares it - NFKC, letter case and spacing aside -
    and the same regexes) is refused: it counted twice, a weight the author did not write - an answer that missed
    it lost twice the share, and every score of the case moved with the copy-paste."""
    first: dict[tuple[str, tuple[str, ...]], int] = {}
    for index, point in enumerate(points):
        text = " ".join(unicodedata.normalize("NFKC", point.point).casefold().split())
        same = first.setdefault((text, point.regex), index)
        if same != index:
            raise fail(
                f"key_points[{index}]",
                f"the same key point as key_points[{same}] ({shown(point.point, 40)}): it would count twice",
                "remove one; to make a point count more, give it a weight (e.g. 'weight: 2')",
            )


def _check_total_weight(points: Sequence[KeyPoint], fail: Any) -> None:
    """The weights' sum is a float too (and twice it with a trap's expectation point, which weighs as much as
    the others): `weight: 1e308` twice summed to inf, and every coverage of the case was inf/inf = nan."""
    total = sum(p.weight for p in points)
    if not math.isfinite(2 * total):
        raise fail(
            "key_points",
            f"the weights add up to {total:g}, too large to score with",
            "weights are relative: use small numbers, e.g. 'weight: 2' against the default 1",
        )


def _parse_trap(value: Any, fail: Any) -> Trap | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise fail("trap", "must be a mapping", "use 'trap: {expect: uncertainty, forbidden: [...]}'")
    _check_keys(value, TRAP_FIELDS, fail, "trap.")
    expect = value.get("expect")
    if expect is not None and expect not in TRAP_EXPECTATIONS:
        raise fail(
            "trap.expect", f"{shown(expect)} is not a known expectation", f"use one of {list(TRAP_EXPECTATIONS)}"
        )
    raw_forbidden = value.get("forbidden") or []
    if not isinstance(raw_forbidden, list):
        raise fail("trap.forbidden", "must be a list", "list the claims that must not appear")
    forbidden: list[ForbiddenClaim] = []
    for i, item in enumerate(raw_forbidden):
        where = f"trap.forbidden[{i}]"
        if item is None or (isinstance(item, dict) and "claim" in item and item["claim"] is None):
            field_name = where if item is None else f"{where}.claim"
            raise fail(field_name, "empty (YAML's null)", f"write the claim or remove the entry; {NULL_FIX}")
        if isinstance(item, dict):  # its keys first: a misspelt `claimm:` was "must be a mapping with 'claim'"
            _check_keys(item, CLAIM_FIELDS, fail, f"{where}.")
            if "claim" not in item:
                raise fail(
                    f"{where}.claim", "missing required field", "add 'claim: <text>' (or write the entry as text)"
                )
        if isinstance(item, str) and not item.strip():
            raise fail(where, f"empty ({shown(item)})", "write the claim's text or remove the entry")
        if isinstance(item, dict) and isinstance(item["claim"], str) and not item["claim"].strip():
            raise fail(f"{where}.claim", f"empty ({shown(item['claim'])})", "write the claim's text after 'claim:'")
        if isinstance(item, str):
            forbidden.append(ForbiddenClaim(core_text(item)))
        elif isinstance(item, dict) and isinstance(item.get("claim"), str):
            variants = _string_list(item.get("variants"), f"{where}.variants", fail)
            regexes = _parse_regexes(item.get("regex"), f"{where}.regex", fail)
            if regexes and variants:
                raise fail(
                    f"{where}.variants",
                    "a regex claim has no variants",
                    "add the other forms as more regexes ('regex: [a, b]') or as another claim",
                )
            claim = item["claim"].strip() if regexes else core_text(item["claim"])
            forbidden.append(ForbiddenClaim(claim, tuple(core_text(variant) for variant in variants), regexes))
        else:
            raise fail(where, "must be a string or a mapping with 'claim'", "use '- claim: ...' or a plain string")
    if expect is None and not forbidden:
        raise fail("trap", "a trap needs 'expect' or 'forbidden'", "add 'expect: uncertainty' or forbidden claims")
    penalty = _number(value.get("penalty", DEFAULT_TRAP_PENALTY), "trap.penalty", fail, "use e.g. 'penalty: 25'")
    if penalty < 0:
        raise fail("trap.penalty", f"{penalty:g} is not a non-negative number", "use e.g. 'penalty: 25'")
    if penalty > 100:  # `penalty: 200` was taken: points off a 0-100 score, of which 100 already takes all
        raise fail(
            "trap.penalty",
            f"{penalty:g} is more than 100 points: the penalty is taken off a score of 0-100 for each forbidden "
            "claim found, and 100 already takes the whole score",
            "use a number from 0 to 100, e.g. 'penalty: 25'",
        )
    if 0 < penalty < 1:  # 0.25 meant as 25 points, as `threshold: 0.6` meant 60%: a quarter of a point was taken
        raise fail(
            "trap.penalty",
            f"{penalty:g} looks like a fraction, but the penalty is in points (0-100) off the score",
            f"write {penalty * 100:g} for {penalty * 100:g} points (0 for none)",
        )
    return Trap(expect=expect, forbidden=tuple(forbidden), penalty=float(penalty))
