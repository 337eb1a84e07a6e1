"""Render a comparison (from `compare_runs`) as terminal text or Markdown, through the report sections."""

from __future__ import annotations

from typing import Any

from ..results.sections import Section, Table, fmt

LATENCY = {"ttft_p50", "ttft_p95", "e2e_p50", "e2e_p95"}


def _change(entry: dict[str, Any], digits: int = 2) -> str:
    if entry.get("estimate") is None:
        return "-"
    text = f"{entry['estimate']:+.{digits}f}"
    if entry.get("low") is not None and entry.get("high") is not None:
        text += f" [{entry['low']:+.{digits}f}, {entry['high']:+.{digits}f}]"
    return text


def comparison_sections(cmp: dict[str, Any]) -> list[Section]:
    base, new = cmp["base"], cmp["new"]
    head = (
        f"Baseline: {base.get('name') or '-'} ({base.get('started_at')}, commit {base.get('git_commit') or '-'}) "
        f"against this run ({new.get('started_at')}). Differences are new - baseline, paired over the cases "
        "both runs asked with the same content (n), with 95% bootstrap intervals. " + cmp["summary"] + "."
    )
    rows = []
    for g in cmp["groups"]:
        for metric, entry in g["metrics"].items():
            digits = 3 if metric in LATENCY else 1
            rows.append(
                [
                    g["model"],
                    g["mode"],
                    metric,
                    g["n"],
                    fmt(entry.get("base"), digits),
                    fmt(entry.get("new"), digits),
                    _change(entry, digits),
                    "-" if entry.get("relative_pct") is None else f"{entry['relative_pct']:+.1f}%",
                    entry.get("verdict", "-"),
                ]
            )
    sections = [
        Section(
            "comparison",
            "Comparison with the baseline",
            [head],
            Table(["model", "mode", "metric", "n", "baseline", "new", "change [95% CI]", "change %", "verdict"], rows),
            terminal=True,
        )
    ]
    flips = [
        [g["model"], g["mode"], f["scenario_id"], f["change"], fmt(f["score_base"]), fmt(f["score_new"])]
        for g in cmp["groups"]
        for f in g["flips"]
    ]
    if flips:
        sections.append(
            Section(
                "comparison_flips",
                "Cases that changed verdict",
                [],
                Table(["model", "mode", "case", "change", "score baseline", "score new"], flips),
                terminal=True,
                level=3,
            )
        )
    if cmp["rules"]:
        rule_rows = [[r["model"], r["mode"], r["describe"], _change(r), r["status"]] for r in cmp["rules"]]
        sections.append(
            Section(
                "comparison_gate",
                "Regression gate",
                ["A rule fails only when the change passes its threshold and its interval excludes zero."],
                Table(["model", "mode", "rule", "change [95% CI]", "status"], rule_rows),
                terminal=True,
                level=3,
            )
        )
    notes = []
    m = cmp.get("mismatches") or {}
    for key, label in (
        ("models_only_in_base", "models only in the baseline"),
        ("models_only_in_new", "models only in this run"),
    ):
        if m.get(key):
            notes.append(f"{label}: {', '.join(m[key])}")
    for key, label in (
        ("cases_only_in_base", "cases only in the baseline"),
        ("cases_only_in_new", "cases only in this run"),
        ("changed_cases", "cases whose text changed (not compared)"),
        ("errored_cases", "cases that errored in a run (not compared)"),
    ):
        if m.get(key):
            notes.append(f"{label}: " + ", ".join(f"{c['model']}/{c['mode']}/{c['scenario_id']}" for c in m[key]))
    for diff in m.get("settings") or []:
        notes.append(f"different {diff['field']}: baseline {diff['base']!r}, this run {diff['new']!r}")
    if notes:
        sections.append(Section("comparison_mismatches", "Not compared like for like", notes, terminal=True, level=3))
    return sections


def _render(cmp: dict[str, Any], markdown: bool) -> str:
    from ..results.render import render_sections

    return render_sections(comparison_sections(cmp), markdown=markdown)


def render_comparison_text(cmp: dict[str, Any]) -> str:
    return _render(cmp, markdown=False)


def render_comparison_markdown(cmp: dict[str, Any]) -> str:
    return _render(cmp, markdown=True)
