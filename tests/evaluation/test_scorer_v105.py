"""Scorer v105: a guess between two names or releases joined by "or" in an English answer; noon and midnight by
name, and a time of day read from its period's word.

v104 read a place, a person or a release joined by 或 to another of its kind as a guess (苏州或上海) and left the same
answer in English credited: Suzhou for "The headquarters is in Suzhou or Shanghai", Liu Min for "Either Liu Min or
Zhou Xiaofeng made the introduction", v4.0 for "The current release is v3.2 or v4.0". The answer is read casefolded,
so a word counts as a name where the raw answer writes it capitalised with the rest small (Suzhou, Min; not SaaS or
a lone I). Kept: another spelling in brackets (Suzhou (or Soochow)), a correction (Liu Min, or rather Zhou Xiaofeng),
a lower-case word after "or" (Suzhou or nearby, v3.2 or later), both names taken both ways (can both, whether,
respectively), an offer (You can choose the Suzhou or Shanghai data centre) and a guess in another sentence.

Times of day (v79) missed 12:00 in "at noon", "12 noon", "midday", 正午 and 0:00 in "midnight", 午夜12点, and credited
12:00 for 备份不在中午12点执行 and 备份在中午12点或下午1点执行 (the match started at 12, after the period's word, so the
negation and the other time before it were not read). Kept: 半夜 alone (any hour of the night), "afternoon", the
same time twice (中午12点或12:00), a bare 12点 for noon (12点 names no half of the day, v79).

And a figure after a negated verb of a scheduled run or of a charge was credited: 12:00 for "The backup does not run at
12 pm", 5000元 for "We do not charge 5000 yuan per month" (run, occur, begin, execute, charge, bill, pay were no
fillers after a negation, as take, start and cost were), and a payback said in more words than the negation reads:
20个月 for "The project does not pay back in 20 months", "won't be recouped within 20 months"; or a negated verb and
its object before the figure: 20% for "The project does not deliver an ROI of 20%", "does not show a 20% ROI"; and in
Chinese a negated verb of a result or a charge: 20% for 项目未能带来20%的回报, 5000元 for 我们每月不收5000元; and a
negated progressive verb: private deployment for "We are not offering private deployment".
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.keywords.names import title_words
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

ROWS = [
    # two names joined by "or": a guess
    ("Suzhou", "The headquarters is in Suzhou or Shanghai.", N),
    ("Suzhou", "Headquartered in either Suzhou or Shanghai, sources differ.", N),
    ("Suzhou", "The bank is based in Shanghai or Suzhou.", N),
    ("Suzhou", 'The bank is headquartered in "Suzhou" or "Shanghai".', N),
    ("Suzhou", "**Headquarters:** Suzhou or Shanghai", N),
    ("Liu Min", "The introduction was made by Liu Min or Zhou Xiaofeng.", N),
    ("Liu Min", "Either Liu Min or Zhou Xiaofeng made the introduction.", N),
    ("Zhou Xiaofeng", "It was Liu Min or Zhou Xiaofeng.", N),
    ("Liu Min", "Liu Min or Zhou Xiaofeng? Neither: it was Wang Fang.", N),
    ("Monday", "The review is on Monday or Tuesday.", N),
    # one of a list that "or" ends
    ("Suzhou", "It is in Suzhou, Shanghai or Ningbo.", N),
    ("Suzhou", "It is in Suzhou, Shanghai, or Ningbo.", N),
    ("Ningbo", "It is in Suzhou, Shanghai or Ningbo.", N),
    # releases
    ("v3.2", "The current release is v3.2 or v4.0.", N),
    ("v4.0", "The current release is v3.2 or v4.0.", N),
    # English names joined by 或
    ("Suzhou", "总部位于Suzhou或Shanghai。", N),
    ("Suzhou", "总部位于Shanghai或Suzhou。", N),
    ("Suzhou", "总部位于Suzhou、Shanghai或Ningbo。", N),
    # kept
    ("Suzhou", "The headquarters is in Suzhou.", C),
    ("Suzhou", "The headquarters is in Suzhou (or Soochow).", C),
    ("Suzhou", "The head office is in Suzhou, or Soochow as it was once written.", C),
    ("Zhou Xiaofeng", "It was Liu Min, or rather Zhou Xiaofeng.", C),
    ("Suzhou", "The headquarters is in Suzhou or nearby.", C),
    ("v3.2", "It requires v3.2 or later.", C),
    ("v3.2", "It requires v3.2 or higher.", C),
    ("Suzhou", "Clients in Suzhou or Shanghai can both use it.", C),
    ("Suzhou", "It is Suzhou or Shanghai, each has a branch.", C),
    ("Suzhou", "Whether in Suzhou or Shanghai, clients get the same service.", C),
    ("Suzhou", "The branches are in Suzhou or Shanghai respectively.", C),
    ("Suzhou", "You can choose the Suzhou or Shanghai data centre.", C),
    ("Suzhou", "We offer Suzhou or Shanghai hosting.", C),
    ("Suzhou", "Headquarters: Suzhou. Branches: Shanghai or Ningbo.", C),
    ("Suzhou", "The head office is in Suzhou. Shanghai or Ningbo host the branches.", C),
    ("Suzhou", "Suzhou or Shanghai? The head office is in Suzhou.", C),
    ("Suzhou", "Is it Suzhou or Shanghai? It is Suzhou.", C),
    ("Suzhou", "The head office is in Suzhou or SUZHOU.", C),
    ("Liu Min", "Liu Min made the introduction; Zhou or Wang signed.", C),
    ("Liu Min", "Liu Min or her team made the introduction.", C),
    ("SaaS", "We deploy as SaaS or on-premise.", C),
]

TIME_ROWS = [
    ("12:00", "The backup runs at noon.", C),
    ("12:00", "The backup runs at 12 noon.", C),
    ("12:00", "The backup runs at midday.", C),
    ("12:00", "备份在正午执行。", C),
    ("中午12点", "The backup runs at noon.", C),
    ("00:00", "The backup runs at midnight.", C),
    ("00:00", "The backup runs at 12 midnight.", C),
    ("00:00", "备份在午夜12点执行。", C),
    ("00:00", "备份在午夜执行。", C),
    ("0:00", "备份在半夜十二点执行。", C),
    ("noon", "The backup runs at 12:00.", C),
    ("noon", "The backup runs at 12 pm.", C),
    ("midnight", "The backup runs at 00:00.", C),
    ("午夜", "备份在0点执行。", C),
    ("12:00-14:00", "The window is noon to 2 pm.", C),
    ("12:00-14:00", "The window is from noon until 2 pm.", C),
    ("00:00-06:00", "维护窗口为午夜12点到早上6点。", C),
    ("12:00", "备份在中午12点执行。", C),
    ("12:00", "备份在中午12点（即12:00）执行。", C),
    ("12:00", "备份在中午12点或12:00执行。", C),
    ("15:00", "会议在下午3点开始。", C),
    ("15:00", "会议在下午3点开始，或者改到明天。", C),
    ("12:00", "The backup runs in the afternoon.", N),
    ("12:00", "The backup runs at afternoon tea.", N),
    ("00:00", "备份在半夜执行。", N),
    ("14:00", "The backup runs at noon.", N),
    ("12:00", "Backups run at midnight.", N),
    ("00:00", "Backups run at noon.", N),
    ("12:00", "The backup runs at noon or 1 pm.", N),
    ("12:00", "备份不在中午12点执行。", N),
    ("12:00", "备份不在正午执行。", N),
    ("12:00", "备份在正午或下午1点执行。", N),
    ("12:00", "备份在中午12点或下午1点执行。", N),
    ("12:00", "备份在下午1点或中午12点执行。", N),
    ("15:00", "会议在下午3点或4点开始。", N),
    ("15:00", "会议不在下午3点开始。", N),
]


def test_the_scorer_is_v105_or_later() -> None:
    assert SCORER_VERSION >= 105


NEGATION_ROWS = [
    ("12:00", "The backup does not run at 12 pm.", N),
    ("12:00", "The backup doesn't run at 12:00.", N),
    ("12:00", "The backup does not run at noon.", N),
    ("12:00", "The backup never ran at noon.", N),
    ("15:00", "The job does not begin at 3 pm.", N),
    ("15:00", "The job didn't occur at 3 pm.", N),
    ("5000元", "We do not charge 5000 yuan per month.", N),
    ("5000元", "Clients are not billed 5000 yuan a month.", N),
    ("5000元", "Clients never paid 5000 yuan a month.", N),
    ("private deployment", "We do not run private deployment projects.", N),
    ("5000元", "We charge 5000 yuan per month.", C),
    ("5000元", "We do not charge extra; the fee is 5000 yuan per month.", C),
    ("12:00", "The backup does not run at 2 pm; it runs at noon.", C),
    ("12:00", "The backup runs at noon, not at 2 pm.", C),
    ("private deployment", "We run private deployment projects.", C),
    ("20个月", "The project does not pay back in 20 months.", N),
    ("20个月", "The project doesn't pay back within 20 months.", N),
    ("20个月", "The investment does not pay for itself in 20 months.", N),
    ("20个月", "The project did not recoup its cost in 20 months.", N),
    ("20个月", "The project has not paid off by 20 months.", N),
    ("20个月", "The investment is not expected to pay back within 20 months.", N),
    ("20个月", "The investment won't be recouped within 20 months.", N),
    ("20个月", "The project pays back in 20 months.", C),
    ("20个月", "The investment pays for itself in 20 months.", C),
    ("20个月", "It does not pay back in 12 months; it pays back in 20 months.", C),
    ("20个月", "It does not pay back in 12 months but in 20 months.", C),
    ("20个月", "Not only does it pay back in 20 months, it also cuts risk.", C),
    ("20个月", "The project does not pay back quickly: it takes 20 months.", C),
    ("20%", "The project does not deliver an ROI of 20%.", N),
    ("20%", "The project does not show a 20% ROI.", N),
    ("20%", "The project does not generate 20% ROI.", N),
    ("20%", "The project did not achieve a cost reduction of 20%.", N),
    ("20个月", "The project does not have a payback period of 20 months.", N),
    ("20%", "The project delivers an ROI of 20%.", C),
    ("20%", "The project shows a 20% ROI.", C),
    ("20%", "The project does not deliver an ROI of 15% but of 20%.", C),
    ("20%", "It does not deliver quickly; the ROI is 20%.", C),
    ("20%", "It does not cost much: an ROI of 20%.", C),
    ("20%", "Not only does it deliver an ROI of 20%, it also cuts risk.", C),
    ("5000元", "We do not charge extra, only a fee of 5000 yuan.", C),
    ("20个月", "It does not take long: a payback of 20 months.", C),
    ("20%", "项目未能带来20%的回报。", N),
    ("20%", "项目没有产生20%的收益。", N),
    ("5000元", "我们不收取5000元的费用。", N),
    ("5000元", "我们每月不收5000元。", N),
    ("5000元", "我们每月收取5000元。", C),
    ("5000元", "我们不收取额外费用，每月5000元。", C),
    ("5000元", "我们不收安装费，月费5000元。", C),
    ("20%", "项目带来了20%的回报。", C),
    ("20%", "项目没有带来风险，回报为20%。", C),
    ("20%", "不仅带来20%的回报，还降低了风险。", C),
    ("private deployment", "We are not offering private deployment.", N),
    ("private deployment", "We are not providing private deployment at the moment.", N),
    ("private deployment", "We are not supporting private deployment.", N),
    ("5000元", "We are not charging 5000 yuan per month.", N),
    ("12:00", "The backup is not running at noon.", N),
    ("20%", "We are not seeing a 20% ROI.", N),
    ("private deployment", "We are offering private deployment.", C),
    ("private deployment", "We are not only offering private deployment but also SaaS.", C),
]


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS + TIME_ROWS + NEGATION_ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


def test_title_words_are_the_capitalised_ones_casefolded() -> None:
    words = title_words("Either Liu Min or ZHOU made it; we use SaaS and I think Ningbo's branch, not o'Neill.")
    assert words == {"either", "liu", "min", "ningbo"}
