"""The path a user most likely meant when the one given does not exist: a letter's case (`Qwen3-8b` for `Qwen3-8B`,
`a.PNG` for `a.png`: found on macOS, not on the Linux CI), a typo (`modles/`), a space left at the end, `_` for `-`.
Each missing part of the path is matched against the names in the folder above it; the suggestion is given only when
every part finds one close name, so "did you mean" never points somewhere made up.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

MAX_ENTRIES = 2000  # names looked at in one folder: a folder of more is not searched (no suggestion)
CUTOFF = 0.8  # difflib's similarity a name needs (one or two letters off in a name of ten)


def close_path(path: str | Path) -> str | None:
    """The existing path closest to `path`, written as `path` was (relative stays relative); None when `path`
    exists, or no existing path is close in every part, or it cannot be looked at."""
    text = str(path)
    try:
        given = Path(text).expanduser()
        if given.exists():
            return None
        parts = given.parts
        found = Path(parts[0]) if given.is_absolute() else Path(".")
        rest = parts[1:] if given.is_absolute() else parts
        replaced = False
        for part in rest:
            if part in (".", ".."):
                found = found / part
                continue
            if (found / part).exists():
                found = found / part
                continue
            match = _closest(found, part)
            if match is None:
                return None
            found, replaced = found / match, True
    except (OSError, RuntimeError, ValueError):
        return None
    if not replaced:
        return None
    return f"./{found}" if text.startswith("./") else str(found)


def did_you_mean(path: str | Path) -> str:
    """` Did you mean X?` for the closest existing path, or "" when there is none."""
    close = close_path(path)
    return f" Did you mean {close}?" if close is not None else ""


def _closest(folder: Path, name: str) -> str | None:
    """The one entry of `folder` that `name` most likely meant; None when there is none or two are as close."""
    try:
        with os.scandir(folder) as entries:
            names = []
            for entry in entries:
                names.append(entry.name)
                if len(names) > MAX_ENTRIES:
                    return None
    except OSError:
        return None
    wanted = _plain(name)
    same = [n for n in names if _plain(n) == wanted]
    if len(same) == 1:
        return same[0]
    if same:
        return None
    plain = {_plain(n): n for n in names}
    matches = difflib.get_close_matches(wanted, list(plain), n=2, cutoff=CUTOFF)
    if len(matches) == 2 and _ratio(wanted, matches[0]) == _ratio(wanted, matches[1]):
        return None  # two names as close: no guess
    return plain[matches[0]] if matches else None


def _plain(name: str) -> str:
    """A name as it is compared: lower case, spaces around it dropped, `_` and ` ` as `-`."""
    return name.strip().lower().replace("_", "-").replace(" ", "-")


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()
