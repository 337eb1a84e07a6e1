"""Scorer v70: forbidden claims charged wrongly or not charged, found by the claim sweep (benchmarks/
claim_mutations.py: every covered row of the scorer tests and its meaning-kept rewrites used as a forbidden claim
must be charged; every credit-sweep mutation and a refusal that names the claim must not be). Under v69 the sweep
found 1,252 of 47,372 missed charges and 2,408 of 55,566 wrong charges (the decided kinds apart); v70: 236
(each in a class decided or left, reported apart) and 0. 20 of the 43 checks here were wrong under v69.

- A question on the next line is read apart (v43 did so for key points only): ROI为20%\\n这个水平合理吗？ makes the
  claim (v69: not charged, the lines run together into a question), and ROI不到20%\\n这个水平合理吗？ does not (v69:
  charged, read as a rhetorical question).
- English refusals that name what was not found: There is no public information on ..., I found no source for ...,
  No official data confirms ..., I did not find ... (v69 charged them; 没有关于 and 未查到 were cues since v9).
- A question the answer says yes to or offers at once makes the claim, as 吗？是的 did since v7: 可以保证收益吗？当然
  可以。, ROI是否为20%？是的。, ROI能达到20%吗？可以。, Q: ...?\\nA: Yes., 您需要私有化部署吗？我们支持。 (v69: not
  charged) - not a no, a yes with another figure or an assent to help decide (您需要…吗？可以的，我们帮您评估。).
- Kept (v47): a rhetorical question (难道ROI不是20%吗？) is not charged, though it asserts a key point's figure (v46).

Each wrong verdict stands beside the true claim that stays charged (or the refusal that stays uncharged).
"""

from __future__ import annotations

from scorer_rows import charged, shipped_trap

from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer

G = "保证收益"
GE = "guaranteed returns"


def trap_charges(answer: str) -> list[str]:
    return score_answer(shipped_trap(), answer).forbidden_found


def test_the_version() -> None:
    assert SCORER_VERSION >= 70


def test_a_question_on_the_next_line_is_read_apart() -> None:
    assert charged("20%", "ROI为20%\n这个水平合理吗？")
    assert charged("20%", "ROI基本为20%\n\n这个水平合理吗？")
    assert charged("ROI 20%", "📈 ROI为20%\n- 这个水平合理吗？")
    assert charged("20%", "ROI为\n20%\n- 这个水平合理吗？")
    assert charged("20%", "ROI为20%。这个水平合理吗？")  # v69 too
    assert not charged("20%", "ROI不到20%\n这个水平合理吗？")
    assert not charged("20%", "ROI不到20%\n- 这个水平合理吗？")
    assert not charged("20%", "ROI是20%吗？")  # a question, unanswered
    assert not charged("20%", "ROI不到20%。")


def test_english_refusals_naming_what_was_not_found_are_not_charged() -> None:
    assert not charged(GE, "There is no public information on guaranteed returns.")
    assert not charged(GE, "I found no source for guaranteed returns.")
    assert not charged(GE, "No official data confirms guaranteed returns.")
    assert not charged(GE, "I did not find any record of guaranteed returns.")
    assert not charged("ROI 20%", "There is no public information on ROI 20%.")
    assert charged(GE, "We offer guaranteed returns.")
    assert charged(GE, "No data loss: we offer guaranteed returns.")  # no cue: a noun of another thing
    assert charged(GE, "We offer guaranteed returns, and no information is lost.")
    assert not charged(G, "没有关于保证收益的公开信息。")  # v9
    assert not trap_charges(
        "There is no public information that the platform has passed PCI DSS; I found no certificate number."
    )
    assert not trap_charges("I did not find that v5.0 was released in 2024.")
    assert trap_charges("The platform has passed PCI DSS, no public information says otherwise.") == ["已通过PCI DSS"]
    assert trap_charges("v5.0 was released in 2024.") == ["v5.0于2024年"]


def test_a_question_answered_yes_or_by_an_offer_makes_the_claim() -> None:
    assert charged(G, "可以保证收益吗？当然可以。")
    assert charged(G, "保证收益吗？是的。")  # v7
    assert charged("私有化部署", "您需要私有化部署吗？我们支持。")
    assert charged("on-premise deployment", "Do you need on-premise deployment? We support it.")
    assert charged("ROI 20%", "ROI是否为20%？是的。")
    assert charged("20%", "ROI能达到20%吗？可以。")
    assert charged("20 months", "Q: Is payback 20 months?\nA: Yes.")
    assert trap_charges("v5.0于2024年发布了吗？是的。") == ["v5.0于2024年"]
    assert trap_charges("是否已通过PCI DSS认证？是的，已通过。") == ["已通过PCI DSS"]
    assert not charged(G, "能保证收益吗？不能。")
    assert not charged(G, "可以保证收益吗？")
    assert not charged("ROI 20%", "ROI是否为20%？不是。")
    assert not charged("20%", "Is the ROI 20%? Yes, 15%.")
    assert not charged("私有化部署", "您需要私有化部署吗？可以的，我们帮您评估。")
    assert not charged("私有化部署", "您需要私有化部署吗？")
    assert not trap_charges("Has it passed PCI DSS? No.")
    assert not trap_charges("v5.0于2024年发布吗？无法确认。")
    assert not trap_charges("是否已通过PCI DSS认证？目前没有公开信息。")


def test_a_rhetorical_question_stays_uncharged() -> None:
    """Decided in v47 and kept: a claim only asked is not charged, even in a negative question that asserts a key
    point's figure (v46) - answered yes, it is."""
    assert not charged("20%", "难道ROI不是20%吗？")
    assert not charged("ROI 20%", "难道ROI不是20%吗？")
    assert charged("ROI 20%", "ROI是20%吗？是的。")
