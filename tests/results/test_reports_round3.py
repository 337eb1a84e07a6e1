"""Reports red-team, round 3: a run's verdicts after its pairs, RAG uplifts and RAG categories became families tested
jointly within units, Holm across units (`stats.stepdown`). On 60+ results documents as a run writes them (1-4
models x 1-2 modes at n = 1-14, repeats, errored cases, cases only in one mode, models on different case sets, and
results.json files written before `joint`), every verdict word agrees with the adjusted p beside it; every note
describes the correction that was applied - which members were tested jointly, how many units Holm went across, the
members left out by Tarone's rule named -; and the terminal, report.md and report.html say the same."""

from __future__ import annotations

import html
import re
from typing import Any

import numpy as np
import pytest

from pytest_llmeval.results.html import render_html
from pytest_llmeval.results.render import render_markdown, render_terminal
from pytest_llmeval.results.sections import build_sections
from tests.results.test_report_n_sweep import answer, document, errored
from tests.results.test_reports_round2 import every_cell_in_every_format

pytestmark = pytest.mark.charts  # the report's charts are drawn here (tests/conftest.py)

ALPHA = 0.05


def build(
    models: int,
    modes: tuple[str, ...],
    n: int,
    effect: str,
    *,
    seed: int = 0,
    repeats: int = 1,
    errors: int = 0,
    one_mode_only: int = 0,
    own_cases: int = 0,
    categories: int = 1,
) -> list[dict[str, Any]]:
    """A run's records: `effect` "null" (every model alike, noise), "collapse" (the last model loses every case),
    "rag" (RAG raises every case of every model), "mixed" (the second model better by a little, RAG helping the
    first only). `errors`: the first model's last cases errored in every mode; `one_mode_only`: extra cases run with
    RAG only; `own_cases`: extra cases only the first model ran; `categories`: cases dealt round-robin."""
    rng = np.random.default_rng(seed)
    names = ["qwen2.5-7b", "llama-3.1-8b", "glm-4-9b", "mistral-7b"][:models]
    base = rng.uniform(35.0, 85.0, size=n + one_mode_only + own_cases).round(1)
    cases = []
    for k, model in enumerate(names):
        for mode in modes:
            ids = list(range(n)) + (list(range(n, n + one_mode_only)) if mode == "rag" else [])
            ids += list(range(n + one_mode_only, n + one_mode_only + own_cases)) if k == 0 else []
            for i in ids:
                for s in range(repeats):
                    score = float(base[i]) + float(rng.normal(0.0, 6.0))
                    if effect == "collapse" and k == models - 1:
                        score = 0.0
                    if effect == "rag" and mode == "rag":
                        score += 25.0
                    if effect == "mixed":
                        score += 4.0 * (k == 1) + (20.0 if mode == "rag" and k == 0 else 0.0)
                    score = round(min(100.0, max(0.0, score)), 1)
                    rec = answer(model, f"q{i}", score, mode, sample=s, category=f"cat{i % categories}")
                    if errors and k == 0 and i >= n - errors:
                        rec = errored(rec)
                    cases.append(rec)
    return cases


def old(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as a results.json written before the joint family: no `joint`, no pair `outside_family`, every
    pair in Holm's family (the p in brackets was Holm over every pair and mode)."""
    aggregates = doc["aggregates"]
    for pair in (aggregates.get("comparison") or {}).get("pairs") or []:
        pair.pop("joint", None)
        pair.pop("outside_family", None)
    for row in aggregates.get("rag") or []:
        (row.get("uplift_holm") or {}).pop("joint", None)
        for category in (row.get("categories") or {}).values():
            category.pop("joint", None)
    return doc


def _section(doc: dict[str, Any], key: str) -> Any:
    return next((s for s in build_sections(doc) if s.key == key), None)


def _p_holm_in(cell: str) -> float | None:
    match = re.search(r"\(([0-9.e-]+)\)$", cell)
    return None if match is None else float(match.group(1))


def pair_problems(doc: dict[str, Any]) -> list[str]:
    """What a careful reader finds wrong in "Model against model"."""
    problems: list[str] = []
    sec = _section(doc, "model_pairs")
    if sec is None:
        return problems
    pairs = [p for p in doc["aggregates"]["comparison"]["pairs"] if p.get("difference")]
    note = sec.paragraphs[0]
    for p, row in zip(pairs, sec.table.rows):
        label, verdict, cell = f"{row[0]} {row[1]}", row[-1], row[4]
        shown = _p_holm_in(cell)
        estimate = p["difference"].get("estimate")
        if verdict in ("better", "worse"):
            if shown is None or p["p_holm"] is None or p["p_holm"] > ALPHA:
                problems.append(f"{label}: '{verdict}' beside {cell}")
            if (verdict == "better") != (estimate is not None and estimate > 0):
                problems.append(f"{label}: '{verdict}' beside a difference of {estimate}")
        elif p.get("p_holm") is not None and p["p_holm"] <= ALPHA and estimate:
            problems.append(f"{label}: '{verdict}' beside {cell}")
        if p.get("outside_family") and shown is not None:
            problems.append(f"{label}: outside the family but a p in brackets: {cell}")
        if p.get("p_holm") is not None and p.get("p_value") is not None and p["p_holm"] < p["p_value"] - 1e-12:
            problems.append(f"{label}: adjusted p {p['p_holm']} below its own {p['p_value']}")
    if not any(p.get("joint") for p in pairs):
        return problems
    family = [p for p in pairs if p.get("p_holm") is not None]
    if any(p.get("closed") for p in family):  # 3-4 models on the same cases: the closed test over their groupings
        models = {name for p in family for name in (p["a"], p["b"])}
        if f"a closed test over every grouping of the {len(models)} models" not in note:
            problems.append(f"note does not name the closed test over the {len(models)} models")
        if "Holm across" in note or "a pair's modes tested jointly" in note:
            problems.append("note names Holm across the pairs where the closed test adjusted them")
        if ("in both modes at once" in note) != (len({p["mode"] for p in family}) > 1):
            problems.append("note says both modes where the family has one (or not where it has two)")
        return problems
    units = {(p["a"], p["b"]) for p in family}
    outside = [p for p in pairs if p.get("outside_family")]
    joint_units = [u for u in units if sum((p["a"], p["b"]) == u for p in family) > 1]
    says_joint = "a pair's modes tested jointly" in note
    if says_joint != bool(joint_units):
        problems.append(f"note says modes tested jointly: {says_joint}, units of 2+ members: {len(joint_units)}")
    across = re.search(r"Holm across the (\d+) pair\(s\)", note)
    if family and len(units) > 1 and (across is None or int(across.group(1)) != len(units)):
        problems.append(f"note: {across and across.group(0)}, Holm went across {len(units)} pair(s)")
    if len(units) <= 1 and across is not None and int(across.group(1)) > 1:
        problems.append(f"note: {across.group(0)} where Holm went across {len(units)}")
    if not family and "correction over" in note and "Holm across" in note:
        problems.append("note describes a correction where no comparison's n can reach p 0.05")
    if outside:
        count = re.search(r"(\d+) comparison\(s\) whose n cannot reach p 0.05", note)
        if count is None or int(count.group(1)) != len(outside):
            problems.append(f"note counts {count and count.group(1)} left out, {len(outside)} are")
        for p in outside:
            if f"{p['b']} - {p['a']} {p['mode']} (n={p['n']})" not in note:
                problems.append(f"left-out {p['b']} - {p['a']} {p['mode']} not named in the note")
    return problems


def _uplift_families(doc: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rag = doc["aggregates"].get("rag") or []
    return [r.get("uplift_holm") or {} for r in rag], [c for r in rag for c in (r.get("categories") or {}).values()]


def rag_problems(doc: dict[str, Any]) -> list[str]:
    """What a careful reader finds wrong in the RAG table and the RAG categories."""
    problems: list[str] = []
    rag = doc["aggregates"].get("rag") or []
    sec = _section(doc, "rag")
    if sec is None:
        return problems
    for r, row in zip(rag, sec.table.rows):
        cell, family = str(row[4]), r.get("uplift_holm") or {}
        said = re.search(r": (better|worse) with RAG", cell)
        wanted = family.get("p_holm") is not None and family["p_holm"] <= ALPHA and bool(r.get("uplift"))
        if bool(said) != wanted:
            problems.append(f"{r['model']} uplift: {cell} (p_holm {family.get('p_holm')})")
        if said and (said.group(1) == "better") != (r["uplift"] > 0):
            problems.append(f"{r['model']} uplift: {said.group(1)} with an uplift of {r['uplift']}")
    uplifts, categories = _uplift_families(doc)
    note = sec.paragraphs[0]
    in_family = [u for u in uplifts if u.get("p_holm") is not None]
    if any(u.get("joint") for u in uplifts) and len(in_family) > 1:
        if "Holm's correction over the run's models" in note:
            problems.append("RAG note: Holm's correction over the models, where they were one unit tested jointly")
        if "tested jointly" not in note:
            problems.append("RAG note: does not say the uplifts were tested jointly")
    cat = _section(doc, "rag_categories")
    if cat is None:
        return problems
    cat_note = cat.paragraphs[0]
    for r in rag:
        for name, c in (r.get("categories") or {}).items():
            said = c.get("significant_holm") and c.get("uplift")
            row = next(x for x in cat.table.rows if x[0] == name)
            text = str(row[1 + rag.index(r)])
            if bool(re.search(r"(better|worse) with RAG", text)) != bool(said):
                problems.append(f"{r['model']} {name}: {text}")
    joint = [c for c in categories if c.get("joint") and c.get("p_holm") is not None]
    if any(c.get("joint") for c in categories):
        by_category: dict[str, int] = {}
        for r in rag:
            for name, c in (r.get("categories") or {}).items():
                if c.get("p_holm") is not None:
                    by_category[name] = by_category.get(name, 0) + 1
        says_joint = "tested jointly on its cases" in cat_note
        if says_joint != any(v > 1 for v in by_category.values()):
            problems.append(f"category note says jointly: {says_joint}, members per category: {by_category}")
        says_across = "Holm across the categories" in cat_note
        if says_across and len(by_category) <= 1 and joint:
            problems.append("category note: Holm across the categories, where one category is in the family")
    return problems


def format_problems(doc: dict[str, Any]) -> list[str]:
    """The terminal sections' notes and verdicts as report.md and report.html have them."""
    problems: list[str] = []
    terminal, markdown, page = render_terminal(doc), render_markdown(doc), render_html(doc)
    for sec in build_sections(doc):
        if sec.key not in ("model_pairs", "rag", "rag_categories"):
            continue
        for paragraph in sec.paragraphs:
            if paragraph not in markdown or html.escape(paragraph) not in page:
                problems.append(f"{sec.key}: a note not in every format")
            if sec.terminal and paragraph not in terminal:
                problems.append(f"{sec.key}: note not in the terminal")
    try:
        every_cell_in_every_format(doc)
    except AssertionError as error:
        problems.append(f"cells differ: {error}")
    return problems


def all_problems(doc: dict[str, Any]) -> list[str]:
    return pair_problems(doc) + rag_problems(doc) + format_problems(doc)


BOTH = ("norag", "rag")
NORAG = ("norag",)
SHAPES: list[tuple[str, dict[str, Any]]] = []
for _models in (1, 2, 3, 4):
    for _modes in (NORAG, BOTH):
        for _n in (1, 2, 5, 6, 8, 14):
            for _effect in ("null", "collapse", "rag", "mixed"):
                if _models == 1 and _modes == NORAG:
                    continue
                if (_models, _n) in ((4, 14), (4, 1), (3, 1)) or (_n in (2, 14) and _effect == "mixed"):
                    continue
                SHAPES.append(
                    (
                        f"{_models}m-{'+'.join(_modes)}-n{_n}-{_effect}",
                        {"models": _models, "modes": _modes, "n": _n, "effect": _effect},
                    )
                )
SPECIAL: list[tuple[str, dict[str, Any]]] = [
    ("2m-both-n6-collapse-repeats3", {"models": 2, "modes": BOTH, "n": 6, "effect": "collapse", "repeats": 3}),
    ("3m-both-n7-rag-repeats2", {"models": 3, "modes": BOTH, "n": 7, "effect": "rag", "repeats": 2}),
    ("2m-both-n8-collapse-2errored", {"models": 2, "modes": BOTH, "n": 8, "effect": "collapse", "errors": 2}),
    ("3m-norag-n6-null-6errored", {"models": 3, "modes": NORAG, "n": 6, "effect": "null", "errors": 6}),
    ("2m-both-n4-rag-only+4", {"models": 2, "modes": BOTH, "n": 4, "effect": "rag", "one_mode_only": 4}),
    ("3m-both-n6-collapse-rag-only+3", {"models": 3, "modes": BOTH, "n": 6, "effect": "collapse", "one_mode_only": 3}),
    ("3m-norag-n4-collapse-own+6", {"models": 3, "modes": NORAG, "n": 4, "effect": "collapse", "own_cases": 6}),
    ("2m-both-n5-collapse-own+4", {"models": 2, "modes": BOTH, "n": 5, "effect": "collapse", "own_cases": 4}),
    ("2m-both-n14-rag-3cats", {"models": 2, "modes": BOTH, "n": 14, "effect": "rag", "categories": 3}),
    ("1m-both-n14-rag-2cats", {"models": 1, "modes": BOTH, "n": 14, "effect": "rag", "categories": 2}),
    ("1m-both-n12-rag-3cats", {"models": 1, "modes": BOTH, "n": 12, "effect": "rag", "categories": 3}),
    ("3m-both-n12-rag-2cats", {"models": 3, "modes": BOTH, "n": 12, "effect": "rag", "categories": 2}),
    ("4m-both-n8-rag-2cats", {"models": 4, "modes": BOTH, "n": 8, "effect": "rag", "categories": 2}),
    ("2m-both-n10-mixed-4cats", {"models": 2, "modes": BOTH, "n": 10, "effect": "mixed", "categories": 4}),
]
DOCUMENTS = SHAPES + SPECIAL


@pytest.mark.parametrize("spec", [s for _, s in DOCUMENTS], ids=[name for name, _ in DOCUMENTS])
@pytest.mark.parametrize("written", ["now", "before-joint"])
def test_every_verdict_agrees_with_its_p_and_every_note_with_the_correction(spec: dict[str, Any], written: str):
    """Before: 123 of these 292 documents had a note naming a correction that was not applied - "a pair's modes
    tested jointly" with one mode run, "Holm across the 3 pair(s)" where a pair of 4 cases was outside the family,
    a correction described where no comparison's n could reach 0.05, "Holm's correction over the run's models" for
    uplifts tested as one unit, "Holm across the categories" with one category - or left Tarone's members unnamed."""
    doc = document(build(**spec))
    if written == "before-joint":
        doc = old(doc)
    assert pair_problems(doc) + rag_problems(doc) == []


FORMATS = [
    "2m-norag-n6-collapse",
    "3m-norag-n5-collapse",
    "2m-norag+rag-n6-collapse",
    "4m-norag+rag-n8-rag",
    "3m-norag+rag-n2-null",
    "1m-norag+rag-n14-rag",
    "3m-both-n6-collapse-rag-only+3",
    "2m-both-n8-collapse-2errored",
    "3m-both-n12-rag-2cats",
    "2m-both-n6-collapse-repeats3",
]


@pytest.mark.parametrize("name", FORMATS)
def test_the_terminal_markdown_and_html_say_the_same_notes_and_verdicts(name: str):
    doc = document(build(**dict(DOCUMENTS)[name]))
    assert format_problems(doc) == []


def test_a_pair_on_too_few_shared_cases_is_named_and_the_note_says_what_adjusted_the_others():
    # the first model ran 6 cases of its own beside the 4 all three ran: its two pairs share 4 cases (outside the
    # family), the third pair 4 too - and with 10 shared, Holm goes across the pairs that are in the family only
    doc = document(build(3, NORAG, 4, "collapse", own_cases=6))
    note = _section(doc, "model_pairs").paragraphs[0]
    assert "here none can be: the 3 comparison(s) whose n cannot reach p 0.05 at all" in note
    assert "glm-4-9b - qwen2.5-7b norag (n=4)" in note and "Holm across" not in note
    cases = build(3, BOTH, 8, "collapse")
    cases = [c for c in cases if not (c["model"] == "glm-4-9b" and c["mode"] == "rag" and c["scenario_id"] > "q3")]
    doc = document(cases)
    note = _section(doc, "model_pairs").paragraphs[0]
    # the pairs left in the family: 3 models on the same cases without RAG, 2 with - the closed test over them
    assert "a closed test over every grouping of the 3 models" in note and "Holm across" not in note
    assert "2 comparison(s) whose n cannot reach p 0.05 at all left out of the family" in note
    assert "glm-4-9b - qwen2.5-7b rag (n=4), glm-4-9b - llama-3.1-8b rag (n=4)" in note


def test_one_mode_run_has_no_modes_tested_jointly_and_one_pair_no_holm():
    note = _section(document(build(2, NORAG, 8, "collapse")), "model_pairs").paragraphs[0]
    assert "jointly" not in note and "Holm across" not in note and "its p in brackets is its own" in note
    note = _section(document(build(3, NORAG, 8, "collapse")), "model_pairs").paragraphs[0]
    assert "jointly" not in note and "a closed test over every grouping of the 3 models" in note
    assert "in both modes" not in note and "Holm across" not in note


def test_the_uplifts_note_says_one_unit_and_the_categories_note_what_was_done():
    doc = document(build(3, BOTH, 12, "rag", categories=2))
    rag_note = _section(doc, "rag").paragraphs[0]
    assert "Holm's correction over the run's models" not in rag_note
    assert "the correction over the 3 models whose n can be significant at all: their uplifts tested" in rag_note
    one_model = _section(document(build(1, BOTH, 14, "rag", categories=2)), "rag_categories").paragraphs[0]
    assert "tested jointly" not in one_model and "Holm across the 2 categories" in one_model
    one_category = _section(document(build(3, BOTH, 8, "rag")), "rag_categories").paragraphs[0]
    assert "tested jointly on its cases" in one_category and "Holm across" not in one_category
    before = _section(old(document(build(3, BOTH, 12, "rag", categories=2))), "rag").paragraphs[0]
    assert "after Holm's correction over the run's models" in before and "jointly" not in before
