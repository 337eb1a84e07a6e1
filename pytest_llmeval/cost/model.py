"""Cost rows per model from a results document and the prices."""

from __future__ import annotations

from typing import Any

from .prices import Prices


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def cost_rows(doc: dict[str, Any], prices: Prices) -> list[dict[str, Any]]:
    bench = {b["model"]: b.get("summary", {}) for b in doc.get("benchmarks") or []}
    rows = []
    for model in dict.fromkeys(c["model"] for c in doc["cases"]):
        # the answers measured in this run: one from the answer cache has no tokens or timing of this run
        mine = [c for c in doc["cases"] if c["model"] == model and c.get("score") is not None and not c.get("cached")]
        prompt = _mean([float(c["prompt_tokens"]) for c in mine if c.get("prompt_tokens") is not None])
        output = _mean([float(c["output_tokens"]) for c in mine if c.get("output_tokens") is not None])
        e2e = _mean([float(c["e2e_s"]) for c in mine if c.get("e2e_s") is not None])
        qps = (bench.get(model) or {}).get("request_throughput")
        if qps:
            per_hour, basis = qps * 3600, f"benchmark at concurrency {_concurrency(doc, model)}"
        elif e2e:
            per_hour, basis = 3600 / e2e, "serial decoding (one request at a time; run --llm-bench for batching)"
        else:
            per_hour, basis = None, "not measured"
        local = prices.gpu_cost_per_hour / per_hour * 1000 if per_hour else None
        api_price = prices.api_price(model)
        api = None
        if api_price is not None and prompt is not None and output is not None:
            api = (prompt * api_price.input_per_million + output * api_price.output_per_million) / 1e6 * 1000
        daily_gpu = prices.gpu_cost_per_hour * 24
        break_even = daily_gpu / (api / 1000) if api else None  # requests/day where API cost = GPU cost per day
        capacity = per_hour * 24 if per_hour else None
        rows.append(
            {
                "model": model,
                "n": len(mine),
                "mean_prompt_tokens": prompt,
                "mean_output_tokens": output,
                "requests_per_hour": per_hour,
                "throughput_basis": basis,
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
        )
    return rows


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
