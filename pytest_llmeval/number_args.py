"""Command-line numbers that say what they take: a whole number or a number that does not read is refused with the
fix and an example (`'auto' is not a whole number. Fix: write a whole number that is at least 1, e.g. --tp 2`) -
argparse's own "invalid int value: 'auto'" names no fix. Used by the plugin's options and the subcommands."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def number_words(kind: type, example: Any = None) -> tuple[str, str]:
    """What a value of `kind` (int or float) must be and an example of it: ("a whole number", "8")."""
    given = example if isinstance(example, (int, float)) and not isinstance(example, bool) else None
    if kind is int:
        return "a whole number", str(given if given is not None else 8)
    return "a number", str(given if given is not None else 0.5)


def number_type(kind: type, flag: str, example: Any = None, rule: str = "") -> Callable[[str], Any]:
    """An argparse `type` for `flag` that reads `kind` (int or float) and refuses anything else with the fix; `rule`
    is what the value must also be ("at least 1"), said in the fix."""

    def convert(text: str) -> Any:
        try:
            return kind(text)
        except ValueError:
            what, shown = number_words(kind, example)
            raise argparse.ArgumentTypeError(
                f"{text!r} is not {what}. Fix: write {what}{' that is ' + rule if rule else ''}, e.g. {flag} {shown}"
            ) from None

    convert.__name__ = kind.__name__  # argparse names the type by it where the value is missing
    return convert
