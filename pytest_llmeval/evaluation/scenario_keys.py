"""The keys a scenario file allows at each level (top, `defaults:`, case, key point, trap, forbidden claim), and
the error for one it does not: the nearest valid key, the level it belongs at, or the run setting it is."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

NUMBER_FIELDS = {"tolerance", "scale_words", "chinese_numerals"}
_CASE_FIELDS = {
    "id",
    "category",
    "question",
    "system",
    "key_points",
    "trap",
    "threshold",
    "documents",
    "max_tokens",
    "scorer",
    "assert_with",
    "image",
    "images",
    "accepted_answers",
} | NUMBER_FIELDS
TOP_LEVEL_FIELDS = {"suite", "defaults", "cases", "scorer", "language"}
DEFAULTS_FIELDS = _CASE_FIELDS - {"id"}
KEY_POINT_FIELDS = {"point", "synonyms", "weight", "regex"} | NUMBER_FIELDS
TRAP_FIELDS = {"expect", "forbidden", "penalty"}
CLAIM_FIELDS = {"claim", "variants", "regex"}


def unknown_key_fix(key: str, allowed: Iterable[str]) -> str:
    """'did you mean `threshold`?' for a near miss, else the list of valid keys."""
    valid = sorted(allowed)
    close = difflib.get_close_matches(str(key), valid, n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`? Otherwise remove it (valid keys: {', '.join(valid)})"
    return f"remove it or use one of {valid}"


def _near_miss(wanted: str, data: Any) -> str | None:
    """The key of a mapping that looks like a misspelt `wanted` (`case:`, `Cases:` for `cases`), or None: the
    missing field's error then names the key written in its place, not only the one missing."""
    keys = [key for key in data if isinstance(key, str)] if isinstance(data, dict) else []
    folded = {key.strip().casefold(): key for key in keys}
    close = difflib.get_close_matches(wanted, list(folded), n=1, cutoff=0.75)
    return folded[close[0]] if close else None


# YAML reads these as characters of a key, not as indentation: a line indented with them became a key of another
# level ('\u00a0   category'), and the error was "unknown field" with the list of valid keys
ODD_SPACES = {"\t": "a tab", "\u00a0": "a no-break space (U+00A0)", "\u3000": "a full-width space (U+3000)"}
_CASE_PLACE = "in each case (or under `defaults:` for every case of the file)"
# the run's settings by the key a scenario author writes them as, with the option (and ini key) that sets them
RUN_SETTINGS = {
    key: f"--llm-{option} (ini key llm_{option.replace('-', '_')})"
    for key, option in (
        ("temperature", "temperature"),
        ("repeat", "repeat"),
        ("repeats", "repeat"),
        ("max_model_len", "max-model-len"),
        ("model", "model"),
    )
} | {"top_k": "--rag-top-k (ini key rag_top_k)"}
# where a key that is valid elsewhere in a scenario file belongs: written at another level (`forbidden:` beside
# `key_points:`, `threshold:` at the top), the error says where to move it, not only that it is unknown
PLACES = {
    **{key: "in a key point ('key_points: [{point: ..., synonyms: [...], weight: 2}]')" for key in KEY_POINT_FIELDS},
    **{key: _CASE_PLACE for key in _CASE_FIELDS - {"id"}},  # tolerance & co: a case's, unless in a key point
    "id": "in each case (every case has its own)",
    **{key: "under the case's `trap:`" for key in TRAP_FIELDS},
    "regex": "in a key point or a forbidden claim ('- regex: ...')",
    **{key: "in an entry of `trap.forbidden` ('- claim: ...')" for key in ("claim", "variants")},
    **{key: "at the top level of the file (it applies to all its cases)" for key in ("suite", "language")},
    **{key: "at the top level of the file" for key in ("defaults", "cases")},
}


def _check_keys(mapping: Mapping[Any, Any], allowed: set[str], fail: Any, prefix: str = "") -> None:
    """Every key of `mapping` is in `allowed`; an unknown one is an error with, by what it is, the space YAML
    took as part of it, the level it belongs at, or the nearest valid key."""
    for key in mapping:
        if isinstance(key, str) and key in allowed:
            continue
        text = str(key)
        odd = next((name for char, name in ODD_SPACES.items() if char in text), None)
        if odd is not None:
            raise fail(
                f"{prefix}{text.strip()}",
                f"the key is indented with {odd}, which YAML reads as part of the key (so it landed on another level)",
                "indent with plain spaces only, lined up with the keys around it",
            )
        if text in RUN_SETTINGS:  # `temperature: 0.7` in a case was "unknown field" with the case's keys
            where = f"set it with {RUN_SETTINGS[text]}"
            raise fail(f"{prefix}{text}", "a setting of the run, not of a scenario file", where)
        if text in PLACES:
            raise fail(f"{prefix}{text}", "unknown field at this level", f"`{text}` belongs {PLACES[text]}: move it")
        raise fail(f"{prefix}{key}", "unknown field", unknown_key_fix(text, allowed))
