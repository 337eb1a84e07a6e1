"""Sections from the run's extras: the comparison with a baseline, cost, sizing and vision."""

from __future__ import annotations

from typing import Any

from .bench import SPEED_FIGURES, speed_figure
from .elements import Section, Table, fmt, methods, with_interval, with_n
from .summary import NOT_MEASURED, xdist_workers


def baseline_sections(doc: dict[str, Any]) -> list[Section]:
    if not doc.get("comparison"):
        return []
    from ...compare.render import comparison_sections

    return comparison_sections(doc["comparison"])


def _api_cell(row: dict[str, Any]) -> str:
    """The API's cost per 1k requests; where no answer counted a token (usage not reported: prompt and output means
    0), `not measured (0 tokens counted)` - the price of 0 tokens printed `0.000` beside the local GPU's cost, an API
    that costs nothing, while the verdict below said no tokens were measured."""
    tokens = _token_mean(row.get("mean_prompt_tokens")) + _token_mean(row.get("mean_output_tokens"))
    if tokens <= 0 and (row.get("api_per_1k") is not None or row.get("n")):
        return "not measured (0 tokens counted)"
    if row.get("api_per_1k") is None and tokens > 0:  # `-` read as "not measured" although the tokens were
        return "no API price"
    return fmt(row.get("api_per_1k"), 3)


def _verdict_line(row: dict[str, Any]) -> str:
    """A cost row's verdict; the stored "no API price or no tokens measured" says which of the two it is."""
    label = f"{row['model']}{' ' + row['mode'] if row.get('mode') else ''}"
    cell = _api_cell(row)
    if row.get("api_per_1k") is None and cell == "no API price":
        return f"{label}: no API price for it in the prices file (nor a default): the API's cost is not known."
    if row.get("api_per_1k") is None and cell.startswith("not measured"):
        return f"{label}: no tokens counted (usage not reported): the API's cost is not known."
    return f"{label}: {row['verdict']}."


def _token_mean(value: Any) -> float:
    """A cost row's mean token count as a number; 0 for none (None, text)."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def cost_section(doc: dict[str, Any]) -> Section | None:
    cost = doc.get("cost")
    if not cost:
        return None
    rows_in = cost.get("rows") or []
    cur = rows_in[0]["currency"] if rows_in else ""
    rows = [
        [
            r["model"],
            r.get("mode", "all"),
            r["n"],
            fmt(r.get("mean_prompt_tokens"), 0),
            fmt(r.get("mean_output_tokens"), 0),
            fmt(r.get("requests_per_hour"), 0),
            r["throughput_basis"],
            fmt(r.get("local_per_1k"), 3),
            _api_cell(r),
            "-" if r.get("break_even_requests_per_day") is None else f"{r['break_even_requests_per_day']:,.0f}",
        ]
        for r in rows_in
    ]
    notes = [
        f"Prices from {cost.get('prices')}; GPU {rows_in[0]['gpu']} at {rows_in[0]['gpu_cost_per_hour']:.3f} "
        f"{cur}/h ({rows_in[0]['gpu_cost_basis']})."
        if rows_in
        else "No case finished, so no answer to cost: the summary says why."
    ]
    if rows_in:
        notes.append(
            "n = answers measured in this run (scored, not from the cache); prompt and output tok: their means "
            "(descriptions, no interval); requests/h, the costs and the break-even are of this one run (the run is "
            "the unit of speed). A model run without and with RAG gets a row per mode (mode 'all': one mode ran)."
        )
    notes += [_verdict_line(r) for r in rows_in]
    if cost.get("worked_out"):  # a saved run re-rendered (`loader.with_derived_sections`): which figures to trust
        notes.insert(0, f"Note: {cost['worked_out']}.")
    headers = [
        "model",
        "mode",
        "n answers",
        "prompt tok",
        "output tok",
        "requests/h",
        "throughput from",
        f"local {cur}/1k req",
        f"API {cur}/1k req",
        "break-even requests/day",
    ]
    return Section(
        "cost", "Cost per 1,000 requests: local GPU against the API", notes, Table(headers, rows), terminal=True
    )


def sizing_section(doc: dict[str, Any]) -> Section | None:
    rows_in = doc.get("sizing") or []
    if not rows_in:
        return None
    rows = []
    for r in rows_in:
        est = r.get("estimate") or {}
        rows.append(
            [
                r["model"],
                fmt(r.get("weights_gib"), 2),
                f"{r['kv_bytes_per_token']:,}",
                "-" if not est else f"{est.get('kv_capacity_tokens'):,}",
                "-" if not est else ("yes" if est.get("fits") else "no"),
                fmt(r.get("expected_gpu_mib") or (r.get("cpu_kv_cache_gib") or 0) * 1024 + r["weights_gib"] * 1024, 0),
                f"{fmt(r.get('measured_peak_mib'), 0)} ({r.get('measured_source') or 'none'})",
            ]
        )
    headers = [
        "model",
        "weights GiB",
        "KV bytes/token",
        "KV tokens (est.)",
        "fits",
        "expected MiB",
        "measured peak MiB",
    ]
    return Section(
        "sizing",
        "Sizing estimate against measured memory",
        [r["explanation"] for r in rows_in[:1]],
        Table(headers, rows),
    )


def vision_section(doc: dict[str, Any]) -> Section | None:
    rows_in = doc["aggregates"].get("vision") or []
    if not rows_in:
        return None
    rows = [
        [
            r["model"],
            r.get("mode", "-"),
            r["n"],
            NOT_MEASURED
            if r.get("n") and r.get("errors") == r["n"]
            else with_interval(r["accuracy"].get("estimate"), r["accuracy"]),
            _s_per_sample(r),
            speed_figure(r.get("samples_per_s")),
            "-" if r.get("peak_memory_mib") is None else f"{r['peak_memory_mib']:.0f} ({r.get('memory_source')})",
            ", ".join(
                with_n(v, (r.get("category_n") or {}).get(k), f"{k} {fmt(v)}")
                for k, v in (r.get("categories") or {}).items()
            ),
        ]
        for r in rows_in
    ]
    return Section(
        "vision",
        "Vision: image cases",
        [
            "One row per model and mode (an image case run with and without RAG is not pooled). Accuracy = share of "
            "image answers passed and graded (OCRBench rule or exact match; an errored answer counts as not passed), "
            f"with its 95% interval over n ({methods(r.get('accuracy') for r in rows_in)}; n = image answers: a case "
            "asked several times counts each answer); s/sample: mean E2E of the graded timed answers (n shown where "
            "fewer than n: a cached or errored one is left out, as in the summary's latency); samples/s "
            f"over the wall time of the model's image answers asked in this run, {_concurrency_words(doc)}; both "
            f"of this one run (the run is the unit of speed), to {SPEED_FIGURES} significant digits."
        ],
        Table(
            [
                "model",
                "mode",
                "n",
                "accuracy % [95% CI]",
                "s/sample",
                "samples/s",
                "peak mem MiB",
                "accuracy % per category",
            ],
            rows,
        ),
        terminal=True,
    )


def _s_per_sample(row: dict[str, Any]) -> str:
    """A vision row's s/sample, with its n of timed answers where that is fewer than the row's n."""
    text, n = speed_figure(row.get("s_per_sample")), row.get("s_per_sample_n")
    return text if n is None or n == row.get("n") or text == "-" else f"{text} (n={n} answers)"


def _concurrency_words(doc: dict[str, Any]) -> str:
    """`with 4 cases in flight per process` (--llm-concurrency), or `one case at a time`; and under -n, that it was so
    in each of the pytest-xdist workers asking the same server (`summary.xdist_workers`)."""
    in_flight = sorted({c["in_flight"] for c in doc.get("cases") or [] if c.get("images") and c.get("in_flight")})
    workers = xdist_workers(doc)
    across = f" in each of {workers} pytest-xdist workers (-n {workers})" if workers > 1 else ""
    if not in_flight:
        return f"one case at a time per process{across}"
    return f"with {'/'.join(map(str, in_flight))} cases in flight per process (--llm-concurrency){across}"
