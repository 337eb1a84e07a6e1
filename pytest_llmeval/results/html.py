"""report.html: one self-contained page (CSS, script and SVG charts inline; nothing fetched at view time),
rendered from the results document through the same sections as the terminal and Markdown reports, plus
charts and a filterable, expandable list of every case."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .aggregate import seconds
from .charts import render_all
from .recorder import atomic_write
from .sections import Section, build_sections, case_result, figure, fmt, run_header_lines, visible

if TYPE_CHECKING:
    from .chart_process import ChartProcess

HTML_FILE = "report.html"

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:0;
color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:16px 24px}header h1{margin:0 0 6px;font-size:20px}
header li{font-size:13px;opacity:.9}main{padding:8px 24px 40px;max-width:1400px}
section{background:#fff;border-radius:8px;padding:12px 16px;margin:14px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2{font-size:17px;margin:4px 0 8px}h3{font-size:15px;margin:4px 0 8px}p{font-size:13px;color:#444}
table{border-collapse:collapse;font-size:12px;width:100%}th,td{border-bottom:1px solid #e4e6eb;padding:4px 6px;
text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#f0f2f5;position:sticky;top:0}
header,p,li{overflow-wrap:anywhere}
.charts{display:flex;flex-wrap:wrap;gap:12px}.chart{flex:1 1 560px;min-width:420px;max-width:680px}
.chart svg{width:100%;height:auto}
.filters{display:flex;gap:10px;flex-wrap:wrap;margin-bottom:8px;font-size:13px}.filters label{display:flex;gap:4px;
align-items:center}#rowcount{font-weight:600}.pass{color:#1b7f3b;font-weight:600}.FAIL{color:#b3261e;font-weight:600}
.ERROR{color:#8a4b00;font-weight:600}details{margin:2px 0}summary{cursor:pointer}
pre{white-space:pre-wrap;background:#f6f7f9;padding:6px;border-radius:4px;font-size:12px;max-height:320px;overflow:auto}
mark.covered{background:#c8f0d0}mark.echoed{background:#ffe9a8}mark.forbidden{background:#ffc9c4}mark.negated{background:#e3d4f5}
.chip{display:inline-block;border-radius:10px;padding:0 6px;margin:1px;font-size:11px}
.chip.covered{background:#c8f0d0}.chip.missing{background:#eceff3}.chip.echoed{background:#ffe9a8}
.chip.forbidden{background:#ffc9c4}
"""

SCRIPT = """
(function(){
  const rows = Array.from(document.querySelectorAll('#cases tbody tr.case'));
  const selects = Array.from(document.querySelectorAll('.filters select'));
  function apply(){
    let shown = 0;
    rows.forEach(function(row){
      const ok = selects.every(function(s){ return !s.value || row.dataset[s.name] === s.value; });
      row.style.display = ok ? '' : 'none';
      const detail = document.getElementById(row.dataset.detail);
      if (detail && !ok) { detail.style.display = 'none'; }
      if (ok) { shown += 1; }
    });
    document.getElementById('rowcount').textContent = shown + ' of ' + rows.length + ' rows shown';
  }
  selects.forEach(function(s){ s.addEventListener('change', apply); });
  rows.forEach(function(row){
    row.addEventListener('click', function(){
      const detail = document.getElementById(row.dataset.detail);
      if (detail) { detail.style.display = detail.style.display === 'none' ? '' : 'none'; }
    });
  });
  apply();
})();
"""


def _e(value: Any) -> str:
    """Text escaped for HTML, its characters that show no glyph written as their escapes (`sections.visible`): a NUL
    is a parse error a browser turns into U+FFFD, a U+202E turned the rest of a cell around."""
    return html.escape(visible("" if value is None else str(value)))


def section_html(section: Section) -> str:
    level = min(max(section.level, 2), 4)
    parts = [f'<section id="{_e(section.key)}"><h{level}>{_e(section.title)}</h{level}>']
    parts += [f"<p>{_e(p)}</p>" for p in section.paragraphs]
    if section.table is not None:
        head = "".join(f"<th>{_e(h)}</th>" for h in section.table.headers)
        body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in section.table.rows)
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


def highlight(answer: str, case: dict[str, Any]) -> str:
    """The answer, escaped, with matched key points (covered), echoed ones and forbidden claims marked. The marks are
    found in the answer as written (longer ones first; one never inside another) and the pieces escaped after: a
    mark searched for in HTML already marked matched inside the tags and entities (a point "class", "mark" or "amp")
    and broke the page."""
    marks: list[tuple[str, str]] = []
    for point in case.get("points") or []:
        text = point.get("matched") or point.get("point")
        if point.get("status") == "negated" and point.get("matched_text"):
            marks.append((point["matched_text"], "negated"))  # the negation and what it negates
        elif text and point.get("status") in ("covered", "echoed"):
            marks.append((text, point["status"]))
    marks += [(claim, "forbidden") for claim in case.get("forbidden_found") or []]
    spans: list[tuple[int, int, str]] = []
    for text, kind in sorted(marks, key=lambda m: -len(m[0])):
        if not text:
            continue
        for found in re.finditer(re.escape(text), answer, flags=re.I):
            start, end = found.span()
            if all(end <= a or start >= b for a, b, _ in spans):
                spans.append((start, end, kind))
    pieces, at = [], 0
    for start, end, kind in sorted(spans):
        pieces.append(f'{_e(answer[at:start])}<mark class="{kind}">{_e(answer[start:end])}</mark>')
        at = end
    return "".join(pieces) + _e(answer[at:])


def _chips(case: dict[str, Any]) -> str:
    chips = [f'<span class="chip covered">{_e(p)}</span>' for p in case.get("covered") or []]
    negated = {p.get("point") for p in case.get("points") or [] if p.get("status") == "negated"}
    chips += [
        f'<span class="chip missing">{"negated: " if p in negated else ""}{_e(p)}</span>'
        for p in case.get("missing") or []
    ]
    chips += [f'<span class="chip echoed">echoed: {_e(p)}</span>' for p in case.get("echoed") or []]
    chips += [f'<span class="chip forbidden">forbidden: {_e(p)}</span>' for p in case.get("forbidden_found") or []]
    return "".join(chips) or "-"


def case_detail(case: dict[str, Any]) -> str:
    parts = []
    if case.get("question"):
        parts.append(f"<b>Question</b><pre>{_e(case['question'])}</pre>")
    if case.get("error"):
        err = case["error"]
        parts.append(
            f"<b>Error</b> ({_e(err.get('type'))}, status {_e(err.get('status'))})<pre>"
            f"{_e(err.get('message'))}\n{_e(err.get('log_tail') or '')}</pre>"
        )
    parts.append(f"<b>Key points</b>: {_chips(case)}")
    if case.get("answer") is not None:
        parts.append(
            f"<b>Answer</b> (covered, echoed and forbidden text marked)<pre>"
            f"{highlight(case.get('answer') or '', case)}</pre>"
        )
    judge = case.get("judge")
    if judge:
        from ..serving.client import hide_secrets  # a judge's error may echo its request: shown without secrets

        said = judge.get("reason") or (hide_secrets(str(judge["error"])) if judge.get("error") else None)
        parts.append(f"<b>Judge</b> {_e(judge.get('model'))}: {_e(figure(judge.get('score')))} - {_e(said)}")
    retrieval = case.get("retrieval")
    if retrieval:
        chunks = "".join(
            f"<li><b>{_e(c.get('doc_id'))}</b> ({_e(c.get('chunk_id'))}, score {_e(figure(c.get('score'), 3))})"
            f"<pre>{_e(c.get('text'))}</pre></li>"
            for c in retrieval.get("chunks") or []
        )
        parts.append(
            f"<b>Retrieved</b> (k={_e(retrieval.get('k'))}, hit@k {_e(figure(retrieval.get('hit_at_k'), 2))}, "
            f"expected {_e(', '.join(retrieval.get('expected_docs') or []))})<ol>{chunks}</ol>"
        )
    metrics = {
        k: seconds(case, k) if k in ("ttft_s", "e2e_s") else case.get(k)
        for k in (
            "ttft_s",
            "ttfat_s",
            "e2e_s",
            "prompt_tokens",
            "output_tokens",
            "reasoning_tokens",
            "decode_tok_s",
            "retrieval_ms",
            "generation_ms",
        )
    }
    shown = {k: fmt(v, 0) if k.endswith("_tokens") else figure(v, 3) for k, v in metrics.items() if v is not None}
    parts.append("<b>Metrics</b>: " + ", ".join(f"{k} {_e(v)}" for k, v in shown.items()))
    return "".join(parts)


def cases_html(doc: dict[str, Any]) -> str:
    cases = doc["cases"]
    filters = []
    for name, key in (("model", "model"), ("mode", "mode"), ("category", "category"), ("result", "result")):
        values = sorted(
            {(case_result(c).split(" ")[0] if key == "result" else str(c.get(key, "norag"))) for c in cases}
        )
        options = "".join(f'<option value="{_e(v)}">{_e(v)}</option>' for v in values)
        filters.append(
            f'<label>{name} <select name="{key}" id="filter-{key}"><option value="">all</option>'
            f"{options}</select></label>"
        )
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "model",
            "mode",
            "case",
            "sample",
            "category",
            "score",
            "result",
            "judge",
            "TTFT s",
            "decode tok/s",
            "output tok",
            "hit@k",
        )
    )
    rows = []
    for i, c in enumerate(cases):
        result = case_result(c)
        key = result.split(" ")[0]
        judge = (c.get("judge") or {}).get("score")
        rows.append(
            f'<tr class="case" data-model="{_e(c["model"])}" data-mode="{_e(c.get("mode", "norag"))}" '
            f'data-category="{_e(c.get("category"))}" data-result="{_e(key)}" data-detail="d{i}">'
            f"<td>{_e(c['model'])}</td><td>{_e(c.get('mode', 'norag'))}</td><td>{_e(c['scenario_id'])}</td>"
            f"<td>{_e(c.get('sample', 0))}</td><td>{_e(c.get('category'))}</td><td>{_e(figure(c.get('score')))}</td>"
            f'<td class="{_e(key)}">{_e(result)}</td><td>{_e(figure(judge))}</td>'
            f"<td>{_e(fmt(seconds(c, 'ttft_s'), 3))}</td>"
            f"<td>{_e(figure(c.get('decode_tok_s')))}</td><td>{_e(fmt(c.get('output_tokens'), 0))}</td>"
            f"<td>{_e(figure((c.get('retrieval') or {}).get('hit_at_k'), 2))}</td></tr>"
            f'<tr class="detail" id="d{i}" style="display:none"><td colspan="12">{case_detail(c)}</td></tr>'
        )
    return (
        f'<section id="cases"><h2>Cases</h2><p>Click a row for the question, the answer with its key points '
        f'marked, the retrieved chunks and the metrics.</p><div class="filters">{"".join(filters)}'
        f'<span id="rowcount"></span></div><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}'
        "</tbody></table></section>"
    )


def charts_html(doc: dict[str, Any], charts: ChartProcess | None = None) -> str:
    """The charts section; drawn by `charts` (a chart process started with the run) when given, else here."""
    drawn = charts.render(doc) if charts is not None else render_all(doc)
    blocks = [f'<div class="chart" data-chart="{_e(title)}"><h3>{_e(title)}</h3>{svg}</div>' for title, svg in drawn]
    if not blocks:
        return ""
    return f'<section id="charts"><h2>Charts</h2><div class="charts">{"".join(blocks)}</div></section>'


def render_html(doc: dict[str, Any], sections: list[Section] | None = None, charts: ChartProcess | None = None) -> str:
    if charts is not None:
        charts.send(doc)  # the child draws while the sections and the cases are made here
    sections = sections if sections is not None else build_sections(doc)
    header = "".join(f"<li>{_e(line)}</li>" for line in run_header_lines(doc))
    before_cases = [s for s in sections if s.key not in ("cases", "failed")]
    body = "".join(section_html(s) for s in before_cases)
    title = "pytest-llmeval report: " + ", ".join(doc["run"].get("models", []))
    meta = json.dumps({"schema_version": doc.get("schema_version"), "cases": len(doc["cases"])})
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<script type="application/json" id="meta">{meta}</script><style>{CSS}</style></head><body>'
        f"<header><h1>{_e(title)}</h1><ul>{header}</ul></header><main>{body}{charts_html(doc, charts)}"
        f"{cases_html(doc)}</main><script>{SCRIPT}</script></body></html>"
    )


def write_html(doc: dict[str, Any], report_dir: Path, charts: ChartProcess | None = None) -> Path:
    path = report_dir / HTML_FILE
    atomic_write(path, render_html(doc, charts=charts))
    return path
