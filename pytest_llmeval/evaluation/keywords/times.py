"""A time of day in its other spellings (v79): 15:00 is 15点, 下午3点 and 3 pm; 9:00-18:00 is 上午9点到下午6点 and
9 am - 6 pm.

Until v79 a time of day was matched only as written (and v4's zero-padded hour: 09:00 for 9:00), so 15:00 went missing
from 下午3点 and "3:00 PM", and 9:00 was credited inside "9:00 PM" (21:00). A point that is a time of day only - on the
24-hour clock (15:00, 15点, 15时, 15点30分, 15点半), on the 12-hour clock with a Chinese word of the day's period
(下午3点, 晚上9点半, 凌晨2点) or with am / pm (3 pm, 3:30 p.m.), or a range of two such (9:00-18:00) - is stated by
each of these spellings of the same time (`time_twins`), a range by its ends in any spellings and any range mark
(`time_range`). Each twin is a number
form, so every rule of a figure holds for it (a range's end is no figure: 下午3点到5点; 3点半 is no 3点). And a match is
no time of this point where a word of the day's period or an am / pm next to it says another hour (`TimeOfDay`:
9:00 in 9:00 pm or 晚上9:00, 9点 in 晚上9点). A point 3点 names no half of the day, so 下午3点 and 凌晨3点 state
it (as before), while 15点 and 15:00 are the 24-hour clock's; an answer's bare 3点 states no 15:00. Since v105 noon
and midnight are read by name (noon, 12 noon, midday, 正午; midnight, 午夜, 午夜12点: `named_times`), a match starts
at its period's word (不在中午12点 is negated whole), and another time joined by "or" makes it a guess
(`time_alternatives`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..numbers import Found, NumberPattern, RegexNumberForm
from .names import OR_ZH

# the Chinese words of the day's period and the 24-hour hours each may name (中午12点 is 12:00, 中午1点 13:00)
_PERIODS: dict[str, range] = {
    "凌晨": range(0, 6),
    "清晨": range(5, 8),
    "早上": range(5, 10),
    "早晨": range(5, 10),
    "上午": range(6, 12),
    "中午": range(11, 14),
    "下午": range(12, 19),
    "傍晚": range(17, 20),
    "晚上": range(18, 24),
    "夜里": range(20, 24),
    "夜间": range(20, 24),
}
_PERIOD = "|".join(_PERIODS)
_AFTERNOON = ("中午", "下午", "傍晚", "晚上", "夜里", "夜间")  # a word after which 1-11 o'clock is 13-23
_MINUTES = r"(?:(?P<m>[0-9]{1,2}) ?分|(?P<half>半)|整|钟)?"
_TIME_24 = re.compile(rf"(?P<h>[0-9]{{1,2}})(?::(?P<mm>[0-9]{{2}})| ?(?:点|时){_MINUTES})")
_TIME_ZH = re.compile(rf"(?P<period>{_PERIOD}) ?(?P<h>[0-9]{{1,2}}) ?(?:点|时){_MINUTES}")
_TIME_EN = re.compile(r"(?P<h>[0-9]{1,2})(?::(?P<mm>[0-9]{2}))? ?(?P<ap>[ap])\.? ?m\.?")
_RANGE_MARK = re.compile(" ?(?:-|–|—|~|至|到|to) ?")


# v105: noon and midnight by name - 12:00 is noon, 12 noon, midday, 正午 (中午12点 is a `_spellings` one), 0:00 is
# midnight, 12 midnight, 午夜, 午夜12点, 半夜12点 (not 半夜 alone: any hour of the night; not 零点, also 0.5's 零点五)
_NAMED: dict[tuple[int, int], str] = {
    (12, 0): "(?<![a-z0-9])(?:12 ?)?(?:noon|midday)(?![a-z])|正午(?: ?12 ?点)?",
    (0, 0): "(?<![a-z0-9])(?:12 ?)?midnight(?![a-z])|(?:午夜|半夜) ?(?:12|十二) ?点|午夜",
}
_NAMED_POINTS = {"noon": (12, 0), "12 noon": (12, 0), "midday": (12, 0), "正午": (12, 0), "midnight": (0, 0)}
_NAMED_POINTS |= {"12 midnight": (0, 0), "午夜": (0, 0), "午夜12点": (0, 0), "半夜12点": (0, 0)}


def _clock(text: str) -> tuple[int, int] | None:
    """The 24-hour hour and minute of a (normalised) time of day written whole, or None."""
    if text in _NAMED_POINTS:
        return _NAMED_POINTS[text]
    if m := _TIME_ZH.fullmatch(text):
        hour, period = int(m.group("h")), m.group("period")
        if period in _AFTERNOON and 1 <= hour < 12 and not (period == "中午" and hour == 11):
            hour += 12
    elif m := _TIME_EN.fullmatch(text):
        hour = int(m.group("h"))
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m.group("ap") == "p" else 0)
    elif m := _TIME_24.fullmatch(text):
        hour = int(m.group("h"))
        if m.group("mm") is None and 1 <= hour <= 12:
            return None  # 3点 names no half of the day (下午3点 and 凌晨3点 state it: v5's rows), 15点 does
    else:
        return None
    minute = 30 if m.groupdict().get("half") else int(m.groupdict().get("mm") or m.groupdict().get("m") or 0)
    return (hour, minute) if hour < 24 and minute < 60 else None


def _spellings(hour: int, minute: int) -> dict[str, list[str]]:
    """The time's spellings by style: the 24-hour clock, Chinese with the day's period, English with am / pm."""
    clock = [f"{hour}:{minute:02d}"]
    chinese = [f"{hour}点{minute}分" if minute else f"{hour}点", f"{hour}时{minute}分" if minute else f"{hour}时"]
    if minute == 30:
        chinese.append(f"{hour}点半")
    twelve = hour % 12 or 12
    periods = [word for word, hours in _PERIODS.items() if hour in hours]
    said = [f"{word}{twelve}点{minute}分" if minute else f"{word}{twelve}点" for word in periods]
    said += [f"{word}{twelve}点半" for word in periods if minute == 30]
    ap = "pm" if hour >= 12 else "am"
    english = [f"{twelve}:{minute:02d} {ap}", f"{twelve}:{minute:02d}{ap}", f"{twelve}:{minute:02d} {ap[0]}.m."]
    if not minute:
        english += [f"{twelve} {ap}", f"{twelve}{ap}", f"{twelve} {ap[0]}.m."]
    return {"clock": clock, "24": chinese, "period": said, "english": english}


def time_of_day(text: str) -> tuple[tuple[int, int], ...] | None:
    """The times of day a (normalised) point names, one or the two ends of a range; None for another point."""
    whole = _clock(text)
    if whole is not None:
        return (whole,)
    for mark in _RANGE_MARK.finditer(text):
        first, second = _clock(text[: mark.start()]), _clock(text[mark.end() :])
        if first is not None and second is not None:
            return (first, second)
    return None


def time_twins(text: str) -> tuple[str, ...]:
    """The other spellings of a (normalised) point that is one time of day (v79); a range's are `time_range`'s."""
    times = time_of_day(text)
    if times is None or len(times) != 1:
        return ()
    return tuple(dict.fromkeys(s for style in _spellings(*times[0]).values() for s in style if s != text))


_NUMERALS = ("零", "一", "二|两", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")


def _any_spelling(hour: int, minute: int) -> str:
    """A regex of the time in any spelling (`_spellings`, and the 12-hour hour in Chinese numerals after a period)."""
    twelve = hour % 12 or 12
    periods = "|".join(word for word, hours in _PERIODS.items() if hour in hours)
    after = rf"(?: ?{minute} ?分|半)" if minute == 30 else rf" ?{minute} ?分" if minute else "(?:整|钟)?(?![0-9半])"
    ap = "p" if hour >= 12 else "a"
    named = f"|{_NAMED[hour, minute]}" if (hour, minute) in _NAMED else ""  # v105: noon to 2 pm
    return (
        rf"(?<![0-9:])(?:0?{hour}:{minute:02d}(?::00)?(?![0-9])(?! ?[ap]\.? ?m)|{hour} ?[点时]{after}"
        rf"|(?:{periods}) ?(?:{twelve}|{_NUMERALS[twelve]}) ?点{after}"
        rf"|{twelve}(?::{minute:02d})? ?{ap}\.? ?m\.?(?![a-z])){named}"
    )


def time_range(text: str) -> str | None:
    """The regex of a range point of two times of day (9:00-18:00) in any spelling of each end and any range mark
    (上午9点到下午6点, 9 am - 6 pm, 9:00 to 18:00); None for another point (v79: v9's "any range mark" had not held for
    times, 9:00 - 18:00 went missing)."""
    times = time_of_day(text)
    if times is None or len(times) != 2:
        return None
    mark = "(?:-|–|—|~|至|到|(?<![a-z])(?:to|until|till)(?![a-z]))"
    return f"(?:{_any_spelling(*times[0])}) ?{mark} ?(?:{_any_spelling(*times[1])})"


# a word of the day's period right before a time, or am / pm right after it: the hour it says
_PERIOD_BEFORE = re.compile(f"(?P<period>{_PERIOD}) ?$")
# v106: the period's word a `TimeOfDay` match starts with (中午12点), which the rules of a figure read past
PERIOD_AT_THE_START = re.compile(f"(?:{_PERIOD}) ?")
_AM_PM_AFTER = re.compile(r" ?(?P<ap>[ap])\.? ?m(?![a-z])")


@dataclass(frozen=True)
class TimeOfDay(NumberPattern):
    """A time point's form (as written or a `time_twins` spelling): not a match that a word of the day's period
    before it or an am / pm after it puts at another hour (9:00 in 9:00 pm, 9点 in 晚上9点)."""

    hours: tuple[int, ...] = ()

    def search(self, answer: str) -> Iterator[Found]:
        for found in super().search(answer):
            if not self._another_hour(answer, found):
                # v105: from the word of the day's period before it (不在中午12点: the negation reads 中午12点 whole)
                before = _PERIOD_BEFORE.search(answer, max(0, found.start - 3), found.start)
                yield found if before is None else Found(before.start(), found.end)

    def _another_hour(self, answer: str, found: Found) -> bool:
        before = _PERIOD_BEFORE.search(answer, max(0, found.start - 3), found.start)
        if before is not None and self.hours[0] not in _PERIODS[before.group("period")]:
            return True
        after = _AM_PM_AFTER.match(answer, found.end)
        if after is not None:
            return (self.hours[-1] >= 12) != (after.group("ap") == "p")
        return False


def time_of_day_form(pattern: NumberPattern, point: str) -> NumberPattern:
    """The form as a `TimeOfDay` where the (normalised) point is a time of day, else as it is."""
    times = time_of_day(point)
    if times is None:
        return pattern
    return TimeOfDay(pattern.text, pattern.pieces, pattern.slots, pattern.forms, tuple(h for h, _ in times))


# v105: another time of day joined to the point's by "or" (中午12点或下午1点, noon or 1 pm, 2点或3点): a guess
_OR = f"(?: ?(?:{OR_ZH}) ?| or (?:at )?)"
_A_TIME = (
    f"(?:(?:{_PERIOD}) ?)?[0-9]{{1,2}}(?::[0-9]{{2}})?"
    "(?: ?[ap]\\.? ?m\\.?(?![a-z])| ?(?:点|时)(?:[0-9]{1,2} ?分|半)?)"
    f"|{_NAMED[12, 0]}|{_NAMED[0, 0]}"
)
_ANOTHER_TIME_AFTER = re.compile(f"{_OR}(?P<t>{_A_TIME})")
_ANOTHER_TIME_BEFORE = re.compile(f"(?P<t>{_A_TIME}){_OR}$")
_NAMED_RE = {time: re.compile(regex) for time, regex in _NAMED.items()}


def _time_named(text: str) -> tuple[int, int] | None:
    """The 24-hour time a time of day in the answer names (中午12点, 1 pm, noon), or None."""
    for (hour, minute), regex in _NAMED_RE.items():
        if regex.fullmatch(text):
            return hour, minute
    return _clock(text)


def time_alternatives(answer_norm: str, start: int, end: int) -> str | None:
    """v105: the time of day at start:end with another joined to it by "or" (中午12点或下午1点), as the answer writes
    them; else None (the same time twice - 12点或12:00 - is no guess)."""
    own = _time_named(answer_norm[start:end])
    after = _ANOTHER_TIME_AFTER.match(answer_norm, end)
    if after is not None and _time_named(after.group("t")) not in (None, own):
        return answer_norm[start : after.end()]
    before = _ANOTHER_TIME_BEFORE.search(answer_norm, max(0, start - 16), start)
    if before is not None and _time_named(before.group("t")) not in (None, own):
        return answer_norm[before.start() : end]
    return None


@dataclass(frozen=True)
class NamedTime(RegexNumberForm):
    """v105: a time of day by its name (noon, 午夜12点): a figure, as a date in words is (`scoring._figure`)."""


def named_times(pattern: NumberPattern, point: str) -> list[NumberPattern]:
    """v105: the point's time by name where it is noon or midnight (noon, 12 noon, 正午; midnight, 午夜12点) - one
    pattern read as a figure, so a guess (noon or 1 pm) or a bound is one as for 12:00; none for another point."""
    times = time_of_day(point)
    if times is None or len(times) != 1 or times[0] not in _NAMED:
        return []
    return [NamedTime(pattern.text, pattern.pieces, pattern.slots, pattern.forms, _NAMED[times[0]])]


def time_ranges(pattern: NumberPattern, point: str) -> list[NumberPattern]:
    """The range point's times in any spelling, as one pattern; none for another point."""
    regex = time_range(point)
    return [] if regex is None else [RegexNumberForm(pattern.text, pattern.pieces, pattern.slots, pattern.forms, regex)]
