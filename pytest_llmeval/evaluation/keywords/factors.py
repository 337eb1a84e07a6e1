"""v74: a factor and a product in their other spellings.

A factor is written 3倍, 3x, 3×, "3 times" or 3-fold: a point "3倍" missed 提升3x, "3× faster" and "3 times higher",
and a point "3x" missed 3倍 (`factor_twins`). Only the twins of a point that ends with its factor are made, and an x,
× or "times" of the answer counts as a factor where what follows it is no thing counted: 2x H100, 4x GPUs, 3x4,
"3 times a day" say no factor of 2, 4, 3 (`_A_FACTOR_FOLLOWS`), while 提升3x, "3x faster", "3× the throughput",
"3 times higher" do.

A product of two numbers is written with ×, x or * (7×24小时, 7x24小时, 7 * 24 小时: round-the-clock service): a point
in one missed the others - 7x24 is one token to the number reader, so "7×24小时" missed 7x24小时 and "7 x 24 小时"
(`product_twins`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..numbers import Found, NumberForms, NumberPattern, TextPattern, compile_variant

_FACTOR_POINT = re.compile(r"^(?P<pre>(?:.*[^0-9.,])?)(?P<n>[0-9]+(?:\.[0-9]+)?) ?(?P<unit>倍|x|×|times|-fold|fold)$")
_FACTOR_SPELLINGS = ("倍", "x", "×", " times", "-fold")
# what may follow a factor written x, × or "times" in the answer: the end, a break, CJK, or a word of comparison -
# not a letter or digit joined on (3x4, 3xl) nor another word (2x h100, 4x gpus, 3 times a day)
_A_FACTOR_FOLLOWS = re.compile(
    r"(?:$|[^a-z0-9 ]| (?=[^a-z0-9])| (?:faster|slower|higher|lower|more|less|fewer|larger|bigger|smaller|greater"
    r"|better|worse|cheaper|quicker|longer|shorter|as|the|over|than|increase[sd]?|improvements?|improved|speed-?ups?"
    r"|boost|gains?|growth|returns?|roi|throughput|performance|efficiency|compared|relative|vs|versus|that|in|of"
    r"|from|on|with|and|or|productivity|capacity|revenue|output|speed)(?![a-z]))"
)


@dataclass(frozen=True)
class _FactorTwin(NumberPattern):
    """A factor point in another spelling (x, ×, times), found only where no thing counted follows it."""

    def search(self, answer: str) -> Iterator[Found]:
        for found in super().search(answer):
            if _A_FACTOR_FOLLOWS.match(answer, found.end):
                yield found


def factor_twins(needle: str, forms: NumberForms) -> list[TextPattern | NumberPattern]:
    """The other spellings of a point that ends with a factor (3倍: 3x, 3×, 3 times, 3-fold; 提升3x: 提升3倍, ...)."""
    m = _FACTOR_POINT.match(needle)
    if m is None:
        return []
    own = " times" if m.group("unit") == "times" else m.group("unit")
    found: list[TextPattern | NumberPattern] = []
    for unit in _FACTOR_SPELLINGS:
        if unit == own or unit.strip("-") == own:
            continue
        pattern = compile_variant(f"{m.group('pre')}{m.group('n')}{unit}", forms)
        if not isinstance(pattern, NumberPattern):
            continue
        if unit == "倍" or unit == "-fold":  # no thing is counted in 倍 or -fold
            found.append(pattern)
        else:
            found.append(_FactorTwin(pattern.text, pattern.pieces, pattern.slots, pattern.forms))
    return found


_PRODUCT = re.compile(r"(?<=[0-9]) ?[×x*] ?(?=[0-9])")


def product_twins(needle: str) -> tuple[str, ...]:
    """A point with a product of two numbers (7×24小时) with its other signs, spaced and not (7x24小时, 7 * 24小时)."""
    if _PRODUCT.search(needle) is None:
        return ()
    spellings = {_PRODUCT.sub(sign, needle) for sign in ("×", "x", "*", " × ", " x ", " * ")}
    spellings.discard(needle)
    return tuple(sorted(spellings))
