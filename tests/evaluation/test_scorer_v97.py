"""Scorer v97: an amount written with no unit (120万) is in 元 where the case's question gives its amounts in 元 and
names no other currency (`keywords/denial.question_in_yuan`) - 120万美元 is then another amount, as it has been since
v15 for a point one of whose forms says 元; and an amount in English words is read in another currency too ("1.2
million US dollars", "$1.2 million", "1,200,000 dollars", "1.2 million euros").

v96 credited the point 90万 of the shipped ROI case (no synonym in 元; its question: 一次性投入150万元，每年运维费
30万元) for 年净节省90万美元, seven times the amount. Kept: a question in dollars (预算100万美元) or with no amount
leaves a bare point in any currency; 120万元人民币, RMB 1.2 million, "1.2 million yuan" and an aside in another
currency (120万，约合17万美元) still state it; a point with a unit (300万次) is no amount.
"""

from __future__ import annotations

import pytest
from scorer_rows import SW, status

from pytest_llmeval.evaluation.keywords.denial import question_in_yuan
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

Q_YUAN = "鲜百汇计划上线智能客服：一次性投入150万元，每年运维费30万元；上线后可减少15名客服，每人年综合人力成本8万元。"
Q_USD = "预算100万美元，每年运维费30万美元，年节省多少？"
Q_NONE = "年节省多少？"
Q_EN = "The project costs RMB 1.5 million up front and RMB 300,000 a year. What are the annual savings?"
C, N = "covered", "not covered"

ROWS = [
    (Q_YUAN, "120万", "年节省120万美元。", N),
    (Q_YUAN, "120万", "年节省120万港元。", N),
    (Q_YUAN, "120万", "年节省US$120万。", N),
    (Q_YUAN, "120万", "年节省120万(美元)。", N),
    (Q_YUAN, "90万", "年净节省90万美元。", N),
    (Q_YUAN, "120万", "年节省120万。", C),
    (Q_YUAN, "120万", "年节省120万元。", C),
    (Q_YUAN, "120万", "年节省120万元人民币。", C),
    (Q_YUAN, "120万", "年节省120万，约合17万美元。", C),
    (Q_YUAN, "15名", "减少15名客服。", C),
    (Q_USD, "120万", "年节省120万美元。", C),
    (Q_NONE, "120万", "年节省120万美元。", C),
    (Q_EN, "120万", "Annual savings are 120万 USD.", N),
    (Q_EN, "120万", "Annual savings: RMB 1.2 million (120万).", C),
]
IN_ENGLISH_WORDS = [
    ("Annual savings are 1.2 million US dollars.", N),
    ("Annual savings are $1.2 million.", N),
    ("Annual savings are USD 1.2 million.", N),
    ("Annual savings are 1.2 million euros.", N),
    ("Annual savings are 1,200,000 dollars.", N),
    ("Annual savings are 1.2 million yuan.", C),
    ("Annual savings are RMB 1.2 million.", C),
    ("Annual savings: 1.2 million.", C),
]


def _check(got: str, expected: str) -> None:
    assert (got == "covered") == (expected == C), got


def test_the_version() -> None:
    assert SCORER_VERSION >= 97


@pytest.mark.parametrize(("question", "point", "answer", "expected"), ROWS)
def test_rows(question: str, point: str, answer: str, expected: str) -> None:
    _check(status(point, answer, question=question), expected)


@pytest.mark.parametrize(("answer", "expected"), IN_ENGLISH_WORDS)
def test_an_amount_in_english_words(answer: str, expected: str) -> None:
    _check(status("120万", answer, SW, Q_YUAN), expected)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (Q_YUAN, True),
        (Q_EN, True),
        (Q_USD, False),
        (Q_NONE, False),
        ("成本150万元，或20万美元？", False),
        ("这是一个二元分类问题，样本有多少条？", False),  # 元 of another word
        ("三元组抽取的准确率是多少？", False),
    ],
)
def test_question_in_yuan(question: str, expected: bool) -> None:
    assert question_in_yuan(question) is expected
