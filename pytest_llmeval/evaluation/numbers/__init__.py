"""Numbers matched as numbers: find the numbers in a text and match key points that contain numbers.

Pure functions on *normalised* text (NFKC + casefold, whitespace collapsed: `keywords.normalisation.normalise`), so
positions line up with the echo guard's mask. The rules (docs/scenarios.md, "How numbers are matched"):

- A number is a maximal run of digits: never part of a longer number (120 is not 20, 12.5 is not 2.5,
  2.5.1 is no number at all). Thousands separators (1,200 / 1 200), full-width digits (NFKC), a trailing
  ".0" (numeric equality: 1.50 == 1.5) and one space before the unit are accepted.
- Digits glued behind an ASCII letter (v3.2, INV-204817, Qwen3-8B) and numbers with a leading zero (0012,
  031) are codes, not quantities: they are matched digit for digit as text, with digit boundaries.
- The text that follows a number in the key point (个月, %, 万元, 年 ...) must follow the answer's number
  (one space allowed): 20个月 is not 20天, 50% is not 50. Text before the number must precede it the same
  way ("回收期20个月" needs "回收期20个月" or "回收期 20 个月"), or (v36) with a copula, "about" or a label's colon
  between (回收期为20个月, 回收期：20个月, the ROI is about 20%) - no other words; v38: or by another of its names
  (回本周期 for 回收期, 投资回报率 for ROI: `SUBJECT_NAMES`), in an apposition (ROI (20%)), and a point of a
  subject's change with any verb of its direction or a change in words (`verbal.py`: 成本减半 for 成本降低50%); v40:
  or paired in order by 分别 / respectively (`respectively.py`: ROI、IRR分别为20%和15%), and not as the last part of
  another metric's name (应收账款回收期, Modified IRR: `patterns.another_metric`); v48: or the longer ways
  (`roundabout.py`): adverbials of time, place or condition (ROI在三年内可达20%, the ROI by 2026 will reach 20%), a
  modal or raising verb (the ROI is expected to reach 20%, 应为20%) and a correction of another figure (ROI不是15%，
  而是20%, the ROI is not 15% but 20%) - never a negation, a bound, another subject or another figure of it; v53:
  nor a subject held by another named right before it (`holders.py`: 竞争对手的ROI, a competitor's ROI); v62: or
  after the figure in a clause of the project's own (`attributive.py`: 项目可实现20%的ROI, the project delivers a 20%
  ROI, 20个月即可回本, it pays back in 20 months), and not with another holder in brackets after the subject
  (投资回报率（竞争对手）为20%).
- Optional forms (`NumberForms`): scale words (万/千万/亿/千: 1.2千万 == 1200万 == 12000000; with them,
  1200万元 == 0.12亿元, the unit after the scale word still has to match; v11: and the English ones, thousand,
  million, billion, and k, m, bn after the digits in money: $1.2M == $1,200,000 == 120万美元), Chinese numerals
  (一百二十万, 百分之五十, 一点六七; they imply scale words) and a tolerance (`0.5`: absolute, in the scale the point
  is written in; `1%`: relative to the point's value).
- English cardinal number words in the answer (v14: twenty months, twenty-seven sets, one hundred and twenty months)
  are numbers for a point written with digits and a unit (or %) after its number.
- A duration is the same in another unit of time where the units convert exactly (v18, `duration_twins`: 20个月 is
  1年8个月 and 1 year and 8 months, 14天 2周, 90分钟 1.5小时, v27: 6个月 2个季度; not 1个月 = 30天).
"""

from __future__ import annotations

from .alternatives import alternatives, duration_alternatives
from .finding import EN_ONES, EN_TEENS, EN_TENS, find_numbers, words_at
from .mention import CN_DIGITS, NUMERAL_CHARS, NumberForms, ToleranceError, chinese_value, parse_tolerance
from .patterns import Found, NumberPattern, Pattern, RegexNumberForm, RegexPattern, TextPattern, spaced_out
from .spelled import number_words_as_digits
from .spoken import SpokenShare, share_among_others, spoken_twins
from .twins import (
    compile_variant,
    compound_duration,
    date_twins,
    duration_twins,
    payback_twins,
    standard_twins,
    without_its_link,
)
from .user_regex import REGEX_TIME_LIMIT_S, RegexTimeout, compiled_user_regex, regex_time_limit, user_regex_search

__all__ = [
    "CN_DIGITS",
    "EN_ONES",
    "EN_TEENS",
    "EN_TENS",
    "Found",
    "NUMERAL_CHARS",
    "NumberForms",
    "NumberPattern",
    "RegexNumberForm",
    "Pattern",
    "REGEX_TIME_LIMIT_S",
    "RegexPattern",
    "RegexTimeout",
    "SpokenShare",
    "TextPattern",
    "ToleranceError",
    "alternatives",
    "chinese_value",
    "compile_variant",
    "compiled_user_regex",
    "compound_duration",
    "date_twins",
    "duration_alternatives",
    "duration_twins",
    "find_numbers",
    "number_words_as_digits",
    "payback_twins",
    "parse_tolerance",
    "regex_time_limit",
    "share_among_others",
    "spaced_out",
    "spoken_twins",
    "standard_twins",
    "user_regex_search",
    "without_its_link",
    "words_at",
]
