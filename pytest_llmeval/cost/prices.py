"""The prices file (YAML): API prices per model label, a GPU's cost per hour. Errors name the field and fix."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..textfiles import not_utf8, shown

_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")  # a plain decimal number, no nan/inf

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
    example = "1" if key == "count" else "0.6"
    if value is None and not required:
        return None
    if value is None:
        raise PricesError(f"{path}: {where}.{key} is missing. Fix: add it, e.g. '{key}: {example}'")
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):  # YAML 1.1 reads 1e5 (no dot) as text
        value = float(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise PricesError(f"{path}: {where}.{key} = {shown(value)} must be a number >= 0. Fix: e.g. '{key}: {example}'")
    try:
        number = float(value)
    except OverflowError:  # an integer of 400 digits
        number = math.inf
    if not math.isfinite(number):  # YAML's .nan / .inf: "nan USD/h" in the report
        raise PricesError(
            f"{path}: {where}.{key} = {shown(value)} is not a finite number. Fix: e.g. '{key}: {example}'"
        )
    return number


def _check_keys(data: dict[Any, Any], allowed: set[str], path: Path, where: str) -> None:
    """An unknown key (a misspelt `utilization`) is an error naming the nearest valid key, not a price ignored."""
    from ..evaluation.scenario_keys import unknown_key_fix

    for key in data:
        if not isinstance(key, str) or key not in allowed:
            field = f"{where}.{key}" if where else str(key)
            raise PricesError(f"{path}: {field}: unknown field. Fix: {unknown_key_fix(str(key), allowed)}")


def load_prices(path: str | Path) -> Prices:
    import yaml

    from ..evaluation.yaml_reading import (
        ALIAS_BOMB_FIX,
        ALIAS_BOMB_PROBLEM,
        TAGGED_VALUE_FIX,
        TAGGED_VALUE_PROBLEM,
        safe_yaml_loader,
    )

    file = Path(path)
    if file.exists() and not file.is_file():  # a folder; a FIFO was read forever
        what = "a folder" if file.is_dir() else "not a regular file"
        raise PricesError(f"{file}: is {what}. Fix: pass the prices YAML file (see examples/prices.yaml)")
    try:
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=safe_yaml_loader(libyaml=False))  # noqa: S506 - a SafeLoader
    except OSError as exc:
        raise PricesError(f"{file}: cannot read ({exc.strerror}). Fix: pass an existing YAML file") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark is not None else ""
        problem = str(getattr(exc, "problem", None) or exc)
        tab = "\\t" in problem or "\t" in problem
        fix = (
            "indent with spaces, not tabs"
            if tab
            else "keep one of the two"
            if problem.startswith("duplicate key")
            else TAGGED_VALUE_FIX
            if problem.startswith(TAGGED_VALUE_PROBLEM)
            else ALIAS_BOMB_FIX
            if problem.startswith(ALIAS_BOMB_PROBLEM)
            else "correct the YAML (see examples/prices.yaml)"
        )
        raise PricesError(f"{file}: invalid YAML{line}: {problem}. Fix: {fix}") from None
    except UnicodeDecodeError as exc:
        raise PricesError(f"{file}: {not_utf8(exc)}. Fix: save it as UTF-8") from None
    except RecursionError:
        raise PricesError(f"{file}: YAML nested too deeply. Fix: start from examples/prices.yaml") from None
    if not isinstance(data, dict) or not isinstance(data.get("api"), dict) or not isinstance(data.get("gpu"), dict):
        raise PricesError(f"{file}: needs 'api:' and 'gpu:' sections. Fix: start from examples/prices.yaml")
    _check_keys(data, TOP_KEYS, file, "")
    for where, section, key in (("currency", data, "currency"), ("gpu.name", data["gpu"], "name")):
        value = section.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int, float))):
            raise PricesError(
                f"{file}: {where} = {shown(value)} must be text. Fix: e.g. '{key}: "
                f"{'USD' if key == 'currency' else 'A100-80GB'}'"
            )
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
    elif count < 1 or count != int(count):
        raise PricesError(
            f"{file}: gpu.count = {shown(gpu['count'])} must be at least 1 and a whole number (GPUs per server). "
            "Fix: 'count: 1'"
        )
    hourly = _number(gpu, "hourly_price", file, "gpu", required=False)
    if hourly is not None:
        per_hour, basis = hourly * count, f"rented at {hourly:g}/h x {count:g} GPU"
    else:
        if gpu.get("purchase_price") is None:
            raise PricesError(
                f"{file}: gpu has neither hourly_price nor purchase_price. Fix: add 'hourly_price: 25.0' (a rented "
                "GPU) or 'purchase_price: 100000' with 'amortise_years: 3' (a bought one)"
            )
        price = _number(gpu, "purchase_price", file, "gpu")
        years = _number(gpu, "amortise_years", file, "gpu") or 0.0
        if not years:
            raise PricesError(f"{file}: gpu.amortise_years must be > 0. Fix: e.g. 'amortise_years: 3'")
        utilisation = _number(gpu, "utilisation", file, "gpu", required=False)
        if utilisation is None:
            utilisation = 1.0
        elif not 0 < utilisation <= 1:
            raise PricesError(
                f"{file}: gpu.utilisation = {shown(gpu['utilisation'])} must be a share of the hours above 0 and at "
                "most 1. "
                "Fix: e.g. 'utilisation: 0.5' (half the hours)"
            )
        power = _number(gpu, "power_per_hour", file, "gpu", required=False) or 0.0
        hours = years * 365 * 24 * utilisation
        per_hour = (price or 0.0) / hours * count + power * count
        basis = (
            f"{price:g} amortised over {years:g} years at {utilisation:.0%} use + {power:g}/h power, x {count:g} GPU"
        )
    if not math.isfinite(per_hour):  # 1e300 over 1e-300 years
        raise PricesError(
            f"{file}: gpu: the cost per hour comes out as {per_hour}. Fix: check the gpu prices and amortise_years"
        )
    return Prices(str(file), str(data.get("currency", "")), api, str(gpu.get("name", "GPU")), per_hour, basis)
