"""The prices file (YAML): API prices per model label, a GPU's cost per hour. Errors name the field and fix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..textfiles import not_utf8


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
    return float(value)


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
    api = {}
    for label, entry in data["api"].items():
        if not isinstance(entry, dict):
            raise PricesError(
                f"{file}: api.{label} must be a mapping. Fix: '{{input_per_million: 0.3, output_per_million: 0.6}}'"
            )
        api[str(label)] = ApiPrice(
            _number(entry, "input_per_million", file, f"api.{label}") or 0.0,
            _number(entry, "output_per_million", file, f"api.{label}") or 0.0,
        )
    gpu = data["gpu"]
    count = _number(gpu, "count", file, "gpu", required=False) or 1.0
    hourly = _number(gpu, "hourly_price", file, "gpu", required=False)
    if hourly is not None:
        per_hour, basis = hourly * count, f"rented at {hourly:g}/h x {count:g} GPU"
    else:
        price = _number(gpu, "purchase_price", file, "gpu")
        years = _number(gpu, "amortise_years", file, "gpu") or 0.0
        if not years:
            raise PricesError(f"{file}: gpu.amortise_years must be > 0. Fix: e.g. 'amortise_years: 3'")
        utilisation = _number(gpu, "utilisation", file, "gpu", required=False) or 1.0
        power = _number(gpu, "power_per_hour", file, "gpu", required=False) or 0.0
        hours = years * 365 * 24 * utilisation
        per_hour = (price or 0.0) / hours * count + power * count
        basis = (
            f"{price:g} amortised over {years:g} years at {utilisation:.0%} use + {power:g}/h power, x {count:g} GPU"
        )
    return Prices(str(file), str(data.get("currency", "")), api, str(gpu.get("name", "GPU")), per_hour, basis)
