"""Charts for the HTML report, drawn with matplotlib (Agg) as inline SVG: no network at view time.

Each function reads the results document and returns an SVG string, or None when the run has no data
for that chart. Text stays text in the SVG (`svg.fonttype = none`), so files stay small and CJK labels
use the browser's fonts.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from typing import Any

from .sections.elements import visible

# legends of bar charts go beside the axes, where no bar can be under them (the SVG is cropped to include them)
BESIDE: dict[str, Any] = {"loc": "upper left", "bbox_to_anchor": (1.0, 1.0), "frameon": False}
BEATEN = "hollow: another model as fast is significantly better in this mode (Model against model)"
PALETTE = ["#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C"]


# text.parse_math off: a model name, category or case id is text, not TeX - "$\\bad{$" in a category raised
# matplotlib's ParseFatalException out of report.html (and the end of the run), "$\\alpha$" drew a Greek letter
RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "text.parse_math": False,
}


def _figure(width: float = 6.4, height: float = 3.6, ncols: int = 1) -> Any:
    """A figure and its axes from matplotlib's object API: no pyplot (its import and global figure manager
    cost a report ~0.3 s) and nothing to close."""
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rcParams.update(RC)  # type: ignore[arg-type] # read while the chart's artists are made, after this returns
    fig = Figure(figsize=(width, height))
    return fig, fig.subplots(1, ncols)


def _svg(fig: Any) -> str:
    buffer = io.StringIO()
    # cropped to what was drawn (long tick labels are never cut off): a third cheaper than tight_layout. Text stays
    # text (svg.fonttype none): the browser draws a 千问 label with its own fonts, so matplotlib's warning that its
    # font lacks the glyph (it only measures the text) says nothing about the report
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        fig.savefig(buffer, format="svg", bbox_inches="tight")
    text = buffer.getvalue()
    # a label's characters that show no glyph as their escapes, as in the tables (a NUL is not even XML)
    return visible(text[text.index("<svg") :])


def _significantly_better(doc: dict[str, Any]) -> set[tuple[tuple[str, str], tuple[str, str]]]:
    """(winner, loser) pairs of (model, mode) whose score difference the report's own test backs: the pairs of
    models in one mode that "Model against model" calls better or worse (the paired test, Holm over the run's
    pairs). A model's two modes are not compared here: the RAG table says what the uplift is, and adding it
    would make the chart's family larger than the one Holm's correction was made over."""
    out = set()
    for pair in (doc["aggregates"].get("comparison") or {}).get("pairs") or []:
        first, second = (pair.get("a"), pair.get("mode", "norag")), (pair.get("b"), pair.get("mode", "norag"))
        if pair.get("verdict") in ("better", "worse"):  # "better": b - a significantly above 0
            out.add((second, first) if pair["verdict"] == "better" else (first, second))
    return out


def beaten(doc: dict[str, Any]) -> list[int]:
    """Indices of the plotted rows (`aggregates.models` with a mean score and a decode rate) that another row beats:
    at least as fast and significantly better in score (`_significantly_better`). The Pareto front drawn before
    through the point estimates left a model off it whenever another scored a little higher by chance: with 3
    models, or 2 models x 2 modes, of one distribution at n = 10, in 0.46-0.69 of runs (1,000 each); marked this
    way, 0.000-0.029 of runs (benchmarks/null_verdicts.py). A score difference with no test behind it marks
    nothing; speed is taken as measured (the run is its unit: within a run there is no test of it)."""
    rows = [a for a in doc["aggregates"]["models"] if a.get("mean_score") is not None and a.get("decode_tok_s")]
    better = _significantly_better(doc)
    keys = [(a["model"], a["mode"]) for a in rows]
    return [
        i
        for i, a in enumerate(rows)
        if any(
            (keys[j], keys[i]) in better and float(b["decode_tok_s"]) >= float(a["decode_tok_s"])
            for j, b in enumerate(rows)
            if j != i
        )
    ]


def score_vs_speed(doc: dict[str, Any]) -> str | None:
    """Mean score against decode tok/s per model and mode; a point another beats (as fast, and better in score by
    the report's own paired test) is drawn hollow."""
    rows = [a for a in doc["aggregates"]["models"] if a.get("mean_score") is not None and a.get("decode_tok_s")]
    if not rows:
        return None
    fig, ax = _figure()
    losers = set(beaten(doc))
    for i, a in enumerate(rows):
        x, y = float(a["decode_tok_s"]), float(a["mean_score"])
        marker = "o" if a["mode"] == "norag" else "s"
        color = PALETTE[i % len(PALETTE)]
        face = "none" if i in losers else color
        ax.scatter([x], [y], edgecolors=color, facecolors=face, marker=marker, s=50, zorder=3)
        ax.annotate(f"{a['model']} ({a['mode']})", (x, y), textcoords="offset points", xytext=(5, 5), fontsize=8)
    if losers:
        ax.scatter([], [], edgecolors="#555555", facecolors="none", marker="o", s=50, label=BEATEN)
        ax.legend(loc="lower left", frameon=False)
    ax.set_xlabel("decode tok/s (token-weighted)")
    ax.set_ylabel("mean score (0-100)")
    # no whiskers, as in the category chart (the chart data is sent before the intervals exist): said, so that two
    # points apart do not read as two scores apart - a point is hollow only where the paired test says so
    ax.set_title("Accuracy against speed (circle: no RAG, square: RAG; means only: n and 95% intervals in the table)")
    return _svg(fig)


def category_scores(doc: dict[str, Any]) -> str | None:
    """Mean score per category, one bar per model and mode; no bar where a model and mode has no scored case of the
    category (its table cell is "-": a bar of 0 read as a mean score of 0)."""
    aggs = doc["aggregates"]["models"]
    categories = sorted({c for a in aggs for c in a.get("categories", {})})
    if not categories:
        return None
    fig, ax = _figure(7.2, 3.8)
    width = 0.8 / max(1, len(aggs))
    for i, a in enumerate(aggs):
        bars = category_bars(a, categories)
        ax.bar(
            [k + i * width for k, _ in bars],
            [value for _, value in bars],
            width=width,
            color=PALETTE[i % len(PALETTE)],
            label=f"{a['model']} ({a['mode']})",
        )
    ax.set_xticks(
        [k + width * (len(aggs) - 1) / 2 for k in range(len(categories))], categories, rotation=30, ha="right"
    )
    ax.set_ylabel("mean score")
    ax.set_ylim(0, 100)
    ax.legend(fontsize=7, **BESIDE)
    # no whiskers: the chart data is sent before the run's intervals exist (chart_process.py); the table has them
    ax.set_title("Mean score per category, without and with RAG (means only: n and 95% intervals in the table)")
    return _svg(fig)


def category_bars(row: dict[str, Any], categories: list[str]) -> list[tuple[int, float]]:
    """(category index, mean score) of a summary row's categories that have a mean: what its bars show."""
    values = row.get("categories") or {}
    return [(k, float(values[c])) for k, c in enumerate(categories) if values.get(c) is not None]


def latency_groups(doc: dict[str, Any]) -> dict[str, dict[str, list[float]]]:
    """The latencies the box plots draw, per "model (mode)" and field: those of the graded answers, as the summary's
    p50 and its n (`aggregate.model_rows`): an answer whose scoring or judge failed has a timing, and drawn here it
    made the box another sample than the table's."""
    from .aggregate import scored, seconds

    groups: dict[str, dict[str, list[float]]] = {}
    for c in scored(doc["cases"]):
        key = f"{c['model']} ({c.get('mode', 'norag')})"
        for field in ("ttft_s", "e2e_s"):
            value = seconds(c, field)
            if value is not None:  # a NaN, infinite or negative time is none, as in the table's p50 and its n
                groups.setdefault(key, {"ttft_s": [], "e2e_s": []})[field].append(value)
    return groups


def latency_distributions(doc: dict[str, Any]) -> str | None:
    """TTFT and end-to-end latency per model and mode (box plots over the graded answers; a model and mode with no
    value of a field has no box in that panel - a box at 0 read as a latency of 0)."""
    groups = latency_groups(doc)
    if not groups:
        return None
    fig, axes = _figure(7.2, 3.4, ncols=2)
    for ax, field, title in zip(axes, ("ttft_s", "e2e_s"), ("TTFT (s)", "end-to-end latency (s)")):
        labels = [k for k in groups if groups[k][field]]
        if labels:
            ax.boxplot([groups[k][field] for k in labels], showfliers=True)
            # each box with its n: a box of 3 answers drew quartiles as if it had the 50 of the box beside it
            named = [f"{k} (n={len(groups[k][field])})" for k in labels]
            ax.set_xticks(range(1, len(labels) + 1), named, rotation=30, ha="right", fontsize=7)
        ax.set_title(title)
    return _svg(fig)


def benchmark_charts(doc: dict[str, Any]) -> str | None:
    """The throughput benchmark per model: latency p50/p95, QPS, prompt and output throughput."""
    runs = doc.get("benchmarks") or []
    if not runs:
        return None
    fig, axes = _figure(9.6, 3.4, ncols=3)
    models = [r["model"] for r in runs]
    xs = list(range(len(models)))
    s = [r["summary"] for r in runs]
    _bars(axes[0], [x - 0.2 for x in xs], [v.get("median_e2el_ms") for v in s], 0.4, label="p50", color=PALETTE[0])
    # a p95 from fewer than 20 requests is not estimated (bench/stats.py): no bar - a 0 bar read as a p95 of 0 ms
    p95 = [(x + 0.2, v["p95_e2el_ms"]) for x, v in zip(xs, s) if v.get("p95_e2el_ms") is not None]
    axes[0].bar([x for x, _ in p95], [v for _, v in p95], 0.4, label="p95", color=PALETTE[1])
    for x, v in zip(xs, s):
        if v.get("p95_e2el_ms") is None and v.get("median_e2el_ms") is not None:
            axes[0].annotate("p95: too few requests", (x + 0.2, 0), rotation=90, fontsize=6, ha="center", va="bottom")
    axes[0].set_title("end-to-end latency (ms)")
    axes[0].legend(frameon=False)  # "best": the next chart is to its right
    _bars(axes[1], xs, [v.get("request_throughput") for v in s], 0.5, color=PALETTE[2])
    axes[1].set_title("requests/s (QPS)")
    _bars(
        axes[2], [x - 0.2 for x in xs], [v.get("prompt_throughput") for v in s], 0.4, label="prompt", color=PALETTE[3]
    )
    _bars(
        axes[2], [x + 0.2 for x in xs], [v.get("output_throughput") for v in s], 0.4, label="output", color=PALETTE[4]
    )
    axes[2].set_title("tokens/s")
    axes[2].legend(**BESIDE)
    for ax in axes:
        ax.set_xticks(xs, models, rotation=20, ha="right")
    return _svg(fig)


def _bars(ax: Any, xs: Sequence[float], values: Sequence[Any], width: float, **style: Any) -> None:
    """Bars at xs, none where the value is missing (the table shows "-" there: a bar of 0 read as a measured 0)."""
    shown = [(x, float(v)) for x, v in zip(xs, values) if v is not None]
    ax.bar([x for x, _ in shown], [v for _, v in shown], width, **style)


def memory_chart(doc: dict[str, Any]) -> str | None:
    """Peak and steady memory per model (GPU memory from NVML, or the server tree's RSS on the CPU)."""
    memory = doc["run"].get("memory") or {}
    models = [m for m, v in memory.items() if v.get("peak_mib") is not None]
    if not models:
        return None
    fig, ax = _figure(5.6, 3.2)
    xs = list(range(len(models)))
    ax.bar([x - 0.2 for x in xs], [memory[m]["peak_mib"] for m in models], 0.4, label="peak", color=PALETTE[0])
    _bars(
        ax, [x + 0.2 for x in xs], [memory[m].get("steady_mib") for m in models], 0.4, label="steady", color=PALETTE[2]
    )
    ax.set_xticks(xs, [f"{m} ({memory[m].get('source')})" for m in models])
    ax.set_ylabel("MiB")
    ax.legend(**BESIDE)
    ax.set_title("Memory per model")
    return _svg(fig)


CHARTS = [
    ("Accuracy against speed", score_vs_speed),
    ("Score per category", category_scores),
    ("Latency distributions", latency_distributions),
    ("Throughput benchmark", benchmark_charts),
    ("Memory", memory_chart),
]


def render_all(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """(title, SVG) of every chart the run has data for, in the order of CHARTS."""
    drawn = []
    for title, draw in CHARTS:
        svg = draw(doc)
        if svg:
            drawn.append((title, svg))
    return drawn


def _pick(record: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: record[k] for k in keys if k in record}  # a key absent stays absent: the charts tell the two apart


def chart_input(doc: dict[str, Any]) -> dict[str, Any]:
    """The part of the results document the chart functions above read, and no more: what the chart process
    (chart_process.py) is sent, so that a run of 10,000 cases does not send their answers. A chart that reads
    another field must add it here (tests/test_chart_process.py compares the charts of both)."""
    run = doc["run"]
    aggregates = doc["aggregates"]
    data: dict[str, Any] = {
        "aggregates": {
            "models": [
                _pick(a, ("model", "mode", "mean_score", "decode_tok_s", "categories")) for a in aggregates["models"]
            ],
            # what `beaten` reads: the pairs' verdicts
            "comparison": {
                "pairs": [
                    _pick(p, ("a", "b", "mode", "verdict"))
                    for p in (aggregates.get("comparison") or {}).get("pairs") or []
                ]
            },
        },
        "cases": [_pick(c, ("model", "mode", "ttft_s", "e2e_s", "score")) for c in doc["cases"]],  # score: graded
        "run": _pick(run, ("memory",)),
    }
    benchmarks = doc.get("benchmarks")
    if benchmarks:
        data["benchmarks"] = [_pick(r, ("model", "summary")) for r in benchmarks]
    return data
