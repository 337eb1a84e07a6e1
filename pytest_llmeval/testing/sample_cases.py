"""Small scenario files for tests of the plugin (this project's and a plugin author's): two cases with three key
points between them, and the one answer that covers all three."""

from __future__ import annotations

ANSWER_COVERING_ALL = "答：甲项、乙项、丙项。"


def two_cases(suite: str) -> str:
    """A scenario file of two cases: `alpha` (key points 甲项, 乙项) and `beta` (丙项)."""
    return f"""\
suite: {suite}
cases:
  - id: alpha
    category: t
    question: 第一题：列出甲项和乙项。
    key_points: [甲项, 乙项]
  - id: beta
    category: t
    question: 第二题：列出丙项。
    key_points: [丙项]
"""
