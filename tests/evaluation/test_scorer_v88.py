"""Scorer v88: a name or a term given as no answer.

v87 credited a name (a city, a person) or a term the answer gives as no answer (`keywords/names.py`): denied with the
words of a place (总部不在苏州, 不位于, "is not headquartered in Suzhou" - `negation.FILLERS_ZH` / `FILLERS_EN`), left
open (总部在苏州还是上海，知识库中没有说明, "Whether it is Suzhou or Shanghai is not stated"), guessed
(可能在苏州，也可能在上海, 苏州、上海或宁波之一, "It may be Suzhou or Shanghai": key points only), a former one
(由苏州迁至上海, 原在苏州，现在上海, "relocated from Suzhou to Shanghai"), a belief corrected
(很多人以为在苏州，其实在上海), or crossed beside another value ticked (总部：苏州 ❌ 上海 ✅). Kept: options offered
(我们支持私有化部署或公有云部署), a detail unknown (具体价格没有说明), a past that still holds (刘敏曾在苏州工作), a
belief confirmed (大家都以为在苏州，确实如此), the mark changed (❌ → ✅). And taken back or disclaimed (a text point):
called a rumour (（华信银行为误传）), corrected after it (客户是华信银行。更正：是安泰人寿), denied through the words it
glosses ("not Huaxin Bank (华信银行)", 并非该银行（华信银行）) or its possessor (不是王志远的老部下), held until a time
then another now ("was 华信银行 until 2021; it is now Antai Life"), doubted in a bracket (（存疑）) or by a pointer back
(，这一点未经证实). Left: 总部位于苏州或上海 (an offer of two cannot be told from a guess by the words), a name in
another role (苏州只是分行所在地), a person said not to take part (刘敏并未参与).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

S, L = "苏州", "刘敏"

NAMES: list[Row] = [
    # a place or a person denied with the words of a place (不在, 不位于, "not headquartered in")
    (S, "华信银行总部不在苏州。", None, N),
    (S, "华信银行总部并不在苏州。", None, N),
    (S, "华信银行总部不位于苏州。", None, N),
    (S, "华信银行总部没在苏州。", None, N),
    (S, "华信银行不在苏州设立总部。", None, N),
    (S, "华信银行总部不在苏州，而在上海。", None, N),
    (S, "Huaxin Bank is not headquartered in 苏州.", None, N),
    (S, "Huaxin Bank's HQ is not located in 苏州.", None, N),
    ("Suzhou", "Huaxin Bank is not based in Suzhou but in Shanghai.", None, N),
    (S, "华信银行不仅在苏州，也在上海设有机构。", None, C),
    (S, "华信银行总部就在苏州，不在上海。", None, C),
    (S, "华信银行总部不在上海，在苏州。", None, C),
    ("Suzhou", "Huaxin Bank is based in Suzhou.", None, C),
    # left open, guessed, one of a list
    (S, "华信银行总部在苏州还是上海，知识库中没有说明。", None, N),
    (L, "是刘敏还是周晓峰，我无法确定。", None, N),
    ("Suzhou", "Whether it is Suzhou or Shanghai is not stated.", None, N),
    ("Suzhou", "The bank is headquartered in Suzhou or Shanghai; I am not sure which.", None, N),
    (S, "华信银行总部可能在苏州，也可能在上海。", None, N),
    (L, "牵线人可能是刘敏，也可能是周晓峰。", None, N),
    ("Suzhou", "It may be Suzhou or Shanghai.", None, N),
    (S, "华信银行总部位于苏州、上海或宁波之一。", None, N),
    (L, "牵线人是刘敏或周晓峰之一。", None, N),
    ("Suzhou", "It is one of Suzhou, Shanghai or Ningbo.", None, N),
    (S, "华信银行总部在苏州还是上海？在苏州。", None, C),
    (S, "总部在苏州，还是那句话，知识库里写得很清楚。", None, C),
    (S, "总部可能在苏州。", None, C),
    (S, "我们支持苏州或上海的客户。", None, C),
    ("私有化部署", "我们支持私有化部署或公有云部署。", None, C),
    ("私有化部署", "可以选择私有化部署或者SaaS，具体价格没有说明。", None, C),
    (L, "牵线人是刘敏。周晓峰是否参与没有说明。", None, C),
    (L, "牵线人是刘敏，她还是王志远的大学同学。", None, C),
    # a former one
    (S, "华信银行总部由苏州迁至上海。", None, N),
    (S, "总部从苏州搬到了上海。", None, N),
    (S, "华信银行总部原在苏州，现在上海。", None, N),
    ("Suzhou", "The bank relocated its headquarters from Suzhou to Shanghai in 2019.", None, N),
    ("Suzhou", "The bank was formerly based in Suzhou, but is now in Shanghai.", None, N),
    (S, "刘敏曾在苏州工作。", None, C),
    (S, "总部原在苏州，现在仍在苏州。", None, C),
    (S, "从苏州出发，高铁半小时到上海。", None, C),
    (S, "公司从苏州起步，如今总部依然在苏州。", None, C),
    (S, "总部由苏州市政府批准设立。", None, C),
    ("Suzhou", "The bank is headquartered in Suzhou. It moved from Shanghai to Suzhou in 2019.", None, C),
    ("Suzhou", "We went from Suzhou to Shanghai by train; the bank is headquartered in Suzhou.", None, C),
    # a belief corrected
    (S, "华信银行的总部，很多人以为在苏州，其实在上海。", None, N),
    (L, "有人认为是刘敏，实际上是周晓峰。", None, N),
    ("Suzhou", "Many believe it is in Suzhou, but in fact it is Shanghai.", None, N),
    (S, "大家都以为在苏州，确实如此。", None, C),
    (S, "很多人认为总部在苏州，这是对的。", None, C),
    # a cross beside another value ticked
    (S, "华信银行总部：苏州 ❌ 上海 ✅", None, N),
    ("20个月", "回收期：20个月 ✗ 24个月 ✓", CN, N),
    ("私有化部署", "私有化部署：❌ → ✅", None, C),
    ("私有化部署", "私有化部署 ✅ 公有云 ❌", None, C),
    (S, "总部：上海 ❌ 苏州 ✅", None, C),
]


H = "华信银行"

TAKEN_BACK_OR_DISCLAIMED: list[Row] = [
    (H, "客户：安泰人寿（华信银行为误传）。", None, N),
    (H, "客户是华信银行。更正：是安泰人寿。", None, N),
    (H, "The client is not Huaxin Bank (华信银行) but Antai Life.", None, N),
    (H, "并非该银行（华信银行）。", None, N),
    (H, "The client was 华信银行 until 2021; it is now Antai Life.", None, N),
    ("大学同学", "二人是大学同学（存疑）。", None, N),
    ("大学同学", "二人是大学同学，这一点未经证实。", None, N),
    ("老部下", "周晓峰不是王志远的老部下。", None, N),
    (H, "The client is Huaxin Bank (华信银行).", None, C),
    (H, "The client is not Antai Life but Huaxin Bank (华信银行).", None, C),
    (H, "We did not only sign Huaxin Bank (华信银行).", None, C),
    (H, "不是安泰人寿，而是该银行（华信银行）。", None, C),
    (H, "客户是华信银行。更正：是华信银行苏州分行。", None, C),
    (H, "客户是华信银行，更正一下，是华信银行总行。", None, C),
    (H, "The client has been 华信银行 since 2019 and it is now in phase 2.", None, C),
    ("老部下", "周晓峰是王志远的老部下，不是同学。", None, C),
    ("私有化部署", "不同客户的私有化部署需求不同。", None, C),
    (H, "不良率分析（华信银行）：不良率下降至1.2%。", None, C),  # 不良 is no negation of the gloss
    ("大学同学", "二人是大学同学，这一点已经证实。", None, C),
    ("大学同学", "二人是大学同学，这是确定的。", None, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 88


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), NAMES + TAKEN_BACK_OR_DISCLAIMED)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
