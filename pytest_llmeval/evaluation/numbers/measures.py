"""A quantity of length, mass, area or data in its other units and names (v80): 5公里 is 5 km, 5千米 and 5000米;
2吨 is 2000公斤 and 2 tonnes; 30平方米 is 30平米 and 30 square metres (30㎡ and 30 m² are read as 30平方米:
`normalisation._SQUARE_UNIT`); 80GB is 80G.

v18 converted durations only (`twins.duration_twins`); a point in another unit of measure was matched as written, so 5
km went missing for 5公里, 2000公斤 for 2吨 and 80G for 80GB. The same rule as v18's: a unit of the same kind where the
value converts exactly (at most two decimals: 500克 is 0.5公斤, 1500米 is 1.5公里), every name of each unit (Chinese,
the symbol, the English word where nothing follows the unit), the point's words before and after kept. Not converted:
data sizes (1TB is 1000GB or 1024GB - no exact twin; only the names: 80GB, 80G, 80 gigabytes), nor units a bare
letter would name in other senses (m: million, g and G: a network generation, t), which are no twins of a length or a
mass; 1斤 is 500克 (the market jin).
"""

from __future__ import annotations

import re
from decimal import Decimal

# kind -> unit -> (size in the kind's smallest unit, the names the point may use, English words, names only as twins)
_UNITS: dict[str, dict[str, tuple[int, tuple[str, ...], tuple[str, ...], tuple[str, ...]]]] = {
    "length": {
        "km": (1000, ("公里", "千米", "km"), ("kilometer", "kilometre"), ()),
        "m": (1, ("米",), ("meter", "metre"), ()),
    },
    "mass": {
        "t": (1_000_000, ("吨",), ("tonne", "metric ton", "ton"), ()),
        "kg": (1000, ("公斤", "千克", "kg"), ("kilogram",), ()),
        "jin": (500, ("斤",), (), ()),
        "g": (1, ("克",), ("gram",), ()),
    },
    "area": {
        "km2": (1_000_000, ("平方公里", "平方千米"), ("square kilometer", "square kilometre"), ()),
        "m2": (1, ("平方米", "平米"), ("square meter", "square metre"), ("sq m",)),
    },
    "data": {
        "tb": (0, ("tb",), ("terabyte",), ("t",)),
        "gb": (0, ("gb",), ("gigabyte",), ("g",)),
        "mb": (0, ("mb",), ("megabyte",), ()),
    },
}
_BY_NAME = {
    name: (kind, unit)
    for kind, units in _UNITS.items()
    for unit, (_, names, words, _) in units.items()
    for name in (*names, *(f" {w}s" for w in words), *(f" {w}" for w in words))
}
_NAMES = "|".join(re.escape(n) for n in sorted(_BY_NAME, key=len, reverse=True))
_MEASURE_POINT = re.compile(
    rf"(?P<before>(?:.*[^0-9.,])?)(?P<num>[0-9]+(?:\.[0-9]+)?) ?(?P<unit>{_NAMES})(?P<after>(?![a-z0-9²]).*)"
)
# a unit that goes on into a longer word (5公里数, 5米饭, 5克拉) or a name that is no unit here (5吨位)
_UNIT_GOES_ON = re.compile("^(?:数|饭|拉|位|/)")


def _number_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def measure_twins(text: str) -> tuple[str, ...]:
    """The other forms of a (normalised) point that is a quantity of length, mass, area or data (v80): its value in
    each unit of its kind that converts exactly, in every name of that unit; none for any other point."""
    m = _MEASURE_POINT.fullmatch(text)
    if m is None or _UNIT_GOES_ON.match(m.group("after")):
        return ()
    kind, unit = _BY_NAME[m.group("unit")]
    before, after = m.group("before"), m.group("after")
    english = not after.strip()
    size = _UNITS[kind][unit][0]
    twins: list[str] = []
    for other, (other_size, names, words, short) in _UNITS[kind].items():
        if other != unit and not (size and other_size):
            continue  # data: names only, no conversion
        value = Decimal(m.group("num")) * size / other_size if other != unit else Decimal(m.group("num"))
        if (value * 100) % 1:
            continue
        number = _number_text(value)
        spelled = [f"{number}{name}" for name in (*names, *short) if " " not in name]
        spelled += [f"{number} {name}" for name in (*names, *short) if name.isascii()]
        if english:
            spelled += [f"{number} {word}{'' if value == 1 else 's'}" for word in words]
        twins += [f"{before}{s}{after}" for s in spelled]
    found = dict.fromkeys(twins)
    found.pop(text, None)
    return tuple(found)
