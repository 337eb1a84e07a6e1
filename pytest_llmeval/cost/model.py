"""Cost rows per model from a results document and the prices."""

from __future__ import annotations

from typing import Any

from .prices import Prices


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _modes(doc: dict[str, Any], model: str) -> list[str | None]:
    """The modes of a model's rows: one row per mode where it ran both (a RAG prompt is longer: its cost per
    request is another figure, and pooled the two read as one), else one row (mode None)."""
    modes = list(dict.fromkeys(c.get("mode", "norag") for c in doc["cases"] if c["model"] == model))
    return modes if len(modes) > 1 else [None]


def cost_rows(doc: dict[str, Any], prices: Prices) -> list[dict[str, Any]]:
    bench = {b["model"]: b.get("summary", {}) for b in doc.get("benchmarks") or []}
    rows = []
    for model in dict.fromkeys(c["model"] for c in doc["cases"]):
        for mode in _modes(doc, model):
            rows.append(_row(doc, prices, model, mode, (bench.get(model) or {}).get("request_throughput")))
    return rows


def _row(doc: dict[str, Any], prices: Prices, model: str, mode: str | None, qps: float | None) -> dict[str, Any]:
    # the answers measured in this run: one from the answer cache has no tokens or timing of this run
    mine = [
        c
        for c in doc["cases"]
        if c["model"] == model
        and (mode is None or c.get("mode", "norag") == mode)
        and c.get("score") is not None
        and not c.get("cached")
    ]
    prompt = _mean([float(c["prompt_tokens"]) for c in mine if c.get("prompt_tokens") is not None])
    output = _mean([float(c["output_tokens"]) for c in mine if c.get("output_tokens") is not None])
    e2e = _mean([float(c["e2e_s"]) for c in mine if c.get("e2e_s") is not None])
    if qps:
        per_hour, basis = qps * 3600, f"benchmark at concurrency {_concurrency(doc, model)}"
    elif e2e:
        per_hour, basis = 3600 / e2e, _serial_basis(mine, doc)
    else:
        per_hour, basis = None, "not measured"
    row = {"model": model, **({"mode": mode} if mode else {}), "n": len(mine)}
    return row | _priced(prices, model, prompt, output, per_hour) | {"throughput_basis": basis}


def _priced(
    prices: Prices, model: str, prompt: float | None, output: float | None, per_hour: float | None
) -> dict[str, Any]:
    """Cost per 1,000 requests locally and through the API, the break-even volume and the verdict."""
    local = prices.gpu_cost_per_hour / per_hour * 1000 if per_hour else None
    api_price = prices.api_price(model)
    api = None
    if api_price is not None and prompt is not None and output is not None:
        api = (prompt * api_price.input_per_million + output * api_price.output_per_million) / 1e6 * 1000
    daily_gpu = prices.gpu_cost_per_hour * 24
    break_even = daily_gpu / (api / 1000) if api else None  # requests/day where API cost = GPU cost per day
    capacity = per_hour * 24 if per_hour else None
    return {
        "mean_prompt_tokens": prompt,
        "mean_output_tokens": output,
        "requests_per_hour": per_hour,
        "local_per_1k": local,
        "api_per_1k": api,
        "break_even_requests_per_day": break_even,
        "local_capacity_per_day": capacity,
        "currency": prices.currency,
        "gpu": prices.gpu_name,
        "gpu_cost_per_hour": prices.gpu_cost_per_hour,
        "gpu_cost_basis": prices.gpu_cost_basis,
        "verdict": _verdict(break_even, capacity),
    }


def _serial_basis(answers: list[dict[str, Any]], doc: dict[str, Any]) -> str:
    """3600 / mean E2E: requests per hour if they came one at a time. Where the cases ran several in flight
    (--llm-concurrency, or pytest-xdist workers sharing the server: -n) their E2E includes the batching, and the
    serial rate is neither that nor the server's."""
    from ..results.sections.summary import xdist_workers

    in_flight = sorted({int(c["in_flight"]) for c in answers if c.get("in_flight")}) or [1]
    workers = xdist_workers(doc)
    if in_flight[-1] > 1 or workers > 1:
        across = f" in each of {workers} xdist workers" if workers > 1 else ""
        return (
            f"3600 / mean E2E of answers measured with {'/'.join(map(str, in_flight))} in flight{across}, as if one "
            "at a time (the server's capacity is higher; run --llm-bench)"
        )
    return "serial decoding (one request at a time; run --llm-bench for batching)"


def _concurrency(doc: dict[str, Any], model: str) -> Any:
    for b in doc.get("benchmarks") or []:
        if b["model"] == model:
            return (b.get("config") or {}).get("concurrency")
    return None


def _verdict(break_even: float | None, capacity: float | None) -> str:
    if break_even is None:
        return "no API price or no tokens measured"
    text = f"below {break_even:,.0f} requests/day the API is cheaper; above it the local GPU is"
    if capacity is not None and capacity < break_even:
        text += f" - but one server handles only {capacity:,.0f}/day at the measured throughput, so the API wins"
    return text
