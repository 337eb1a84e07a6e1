"""The prices file (YAML): API prices per model label, a GPU's cost per hour. Errors name the field and fix."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..textfiles import not_utf8

TOP_KEYS = {"currency", "api", "gpu"}
API_KEYS = {"input_per_million", "output_per_million"}
GPU_KEYS = {"name", "purchase_price", "amortise_years", "utilisation", "power_per_hour", "hourly_price", "count"}


class PricesError(ValueError):
    """The prices file cannot be used; the message names the file, the field and the fix."""


@dataclass(frozen=True)
class ApiPrice:
    input_per_million: float
    output_per_million: float


@dataclass(frozen=True)
class Prices:
    source: str
    currency: str
    api: dict[str, ApiPrice]
    gpu_name: str
    gpu_cost_per_hour: float  # for all the GPUs one server uses
    gpu_cost_basis: str

    def api_price(self, label: str) -> ApiPrice | None:
        return self.api.get(label) or self.api.get(label.lower()) or self.api.get("default")


def _number(data: dict[str, Any], key: str, path: Path, where: str, required: bool = True) -> float | None:
    value = data.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise PricesError(f"{path}: {where}.{key} = {value!r} must be a number >= 0. Fix: e.g. '{key}: 0.6'")
    if not math.isfinite(value):  # YAML's .nan / .inf: "nan USD/h" in the report
        raise PricesError(f"{path}: {where}.{key} = {value!r} is not a finite number. Fix: e.g. '{key}: 0.6'")
    return float(value)


def _check_keys(data: dict[Any, Any], allowed: set[str], path: Path, where: str) -> None:
    """An unknown key (a misspelt `utilization`) is an error naming the nearest valid key, not a price ignored."""
    from ..evaluation.scenarios import unknown_key_fix

    for key in data:
        if not isinstance(key, str) or key not in allowed:
            field = f"{where}.{key}" if where else str(key)
            raise PricesError(f"{path}: {field}: unknown field. Fix: {unknown_key_fix(str(key), allowed)}")


def load_prices(path: str | Path) -> Prices:
    import yaml

    file = Path(path)
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PricesError(f"{file}: cannot read ({exc.strerror}). Fix: pass an existing YAML file") from None
    except yaml.YAMLError as exc:
        raise PricesError(f"{file}: invalid YAML ({exc}). Fix: see examples/prices.yaml") from None
    except UnicodeDecodeError as exc:
        raise PricesError(f"{file}: {not_utf8(exc)}. Fix: save it as UTF-8") from None
    if not isinstance(data, dict) or not isinstance(data.get("api"), dict) or not isinstance(data.get("gpu"), dict):
        raise PricesError(f"{file}: needs 'api:' and 'gpu:' sections. Fix: start from examples/prices.yaml")
    _check_keys(data, TOP_KEYS, file, "")
    api = {}
    for label, entry in data["api"].items():
        if not isinstance(entry, dict):
            raise PricesError(
                f"{file}: api.{label} must be a mapping. Fix: '{{input_per_million: 0.3, output_per_million: 0.6}}'"
            )
        _check_keys(entry, API_KEYS, file, f"api.{label}")
        api[str(label)] = ApiPrice(
            _number(entry, "input_per_million", file, f"api.{label}") or 0.0,
            _number(entry, "output_per_million", file, f"api.{label}") or 0.0,
        )
    gpu = data["gpu"]
    _check_keys(gpu, GPU_KEYS, file, "gpu")
    count = _number(gpu, "count", file, "gpu", required=False)
    if count is None:
        count = 1.0
    elif count < 1:
        raise PricesError(f"{file}: gpu.count = {gpu['count']!r} must be at least 1 (GPUs per server). Fix: 'count: 1'")
    hourly = _number(gpu, "hourly_price", file, "gpu", required=False)
    if hourly is not None:
        per_hour, basis = hourly * count, f"rented at {hourly:g}/h x {count:g} GPU"
    else:
        price = _number(gpu, "purchase_price", file, "gpu")
        years = _number(gpu, "amortise_years", file, "gpu") or 0.0
        if not years:
            raise PricesError(f"{file}: gpu.amortise_years must be > 0. Fix: e.g. 'amortise_years: 3'")
        utilisation = _number(gpu, "utilisation", file, "gpu", required=False)
        if utilisation is None:
            utilisation = 1.0
        elif not 0 < utilisation <= 1:
            raise PricesError(
                f"{file}: gpu.utilisation = {gpu['utilisation']!r} must be a share of the hours above 0 and at most 1. "
                "Fix: e.g. 'utilisation: 0.5' (half the hours)"
            )
        power = _number(gpu, "power_per_hour", file, "gpu", required=False) or 0.0
        hours = years * 365 * 24 * utilisation
        per_hour = (price or 0.0) / hours * count + power * count
        basis = (
            f"{price:g} amortised over {years:g} years at {utilisation:.0%} use + {power:g}/h power, x {count:g} GPU"
        )
    return Prices(str(file), str(data.get("currency", "")), api, str(gpu.get("name", "GPU")), per_hour, basis)
