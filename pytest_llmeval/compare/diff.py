"""`compare_runs(base, new, rules)`: match models by label and cases by (scenario id, mode), compare the
same cases paired, and evaluate the gate rules. Everything that cannot be compared is named, never
silently dropped: models or cases in one run only, cases whose content hash changed, cases that errored,
and settings or hardware that differ."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..stats import mcnemar_exact, paired_difference, verdict
from ..stats.intervals import resample_count
from .gate import METRICS, FailRule

Key = tuple[str, str, str]  # model, mode, scenario_id
SETTING_KEYS = ("max_tokens", "temperature", "thinking", "repeat", "rag", "server", "bench_enabled")
SPEED_FLOOR_PCT = 5.0
IGNORED_SETTINGS = {"server.python", "server.env", "server.startup_timeout_s", "rag.cache_dir", "rag.lock_timeout"}


def _index(doc: dict[str, Any]) -> dict[Key, list[dict[str, Any]]]:
    out: dict[Key, list[dict[str, Any]]] = defaultdict(list)
    for case in doc.get("cases", []):
        out[(case["model"], case.get("mode", "norag"), case["scenario_id"])].append(case)
    return dict(out)


def _flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        flat: dict[str, Any] = {}
        for key, value in data.items():
            flat.update(_flatten(value, f"{prefix}{key}."))
        return flat
    return {prefix[:-1]: data}


def settings_differences(base: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """Settings, model sources and hardware that differ between the two runs."""
    diffs = []
    b_set, n_set = base.get("settings", {}), new.get("settings", {})
    b_flat = _flatten({k: b_set.get(k) for k in SETTING_KEYS if k in b_set})
    n_flat = _flatten({k: n_set.get(k) for k in SETTING_KEYS if k in n_set})
    for key in sorted(set(b_flat) | set(n_flat)):
        if key in IGNORED_SETTINGS or any(key.startswith(i + ".") for i in IGNORED_SETTINGS):
            continue
        if b_flat.get(key) != n_flat.get(key):
            diffs.append({"field": f"settings.{key}", "base": b_flat.get(key), "new": n_flat.get(key)})
    b_src, n_src = base.get("model_sources", {}), new.get("model_sources", {})
    for label in sorted(set(b_src) & set(n_src)):
        if b_src[label] != n_src[label]:
            diffs.append({"field": f"model_sources.{label}", "base": b_src[label], "new": n_src[label]})
    b_hw, n_hw = base.get("hardware", {}), new.get("hardware", {})
    for key in ("cpu", "cpu_count", "gpus"):
        if b_hw.get(key) != n_hw.get(key):
            diffs.append({"field": f"hardware.{key}", "base": b_hw.get(key), "new": n_hw.get(key)})
    return diffs


def _case_means(samples: list[dict[str, Any]], field: str) -> float | None:
    values = [s.get(field) for s in samples]
    if field == "passed":
        return 100.0 * sum(bool(v) for v in values) / len(values) if values else None
    numbers = [float(v) for v in values if v is not None]
    return sum(numbers) / len(numbers) if numbers else None


def _quantile_difference(a: Sequence[float], b: Sequence[float], q: float, seed: int, resamples: int) -> dict[str, Any]:
    """p_q(b) - p_q(a) over paired cases, with a paired bootstrap interval (cases resampled together)."""
    pairs = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
    n = len(pairs)
    if n == 0:
        return {"base": None, "new": None, "estimate": None, "low": None, "high": None, "n": 0, "significant": False}
    arr = np.asarray(pairs, dtype=float)
    base_q, new_q = float(np.percentile(arr[:, 0], q)), float(np.percentile(arr[:, 1], q))
    out = {"base": round(base_q, 4), "new": round(new_q, 4), "estimate": round(new_q - base_q, 4), "n": n}
    if n < 2:
        return {**out, "low": None, "high": None, "significant": False}
    rng = np.random.default_rng(seed)
    count = resample_count(n, resamples)
    idx = rng.integers(0, n, size=(count, n))
    stats = np.percentile(arr[idx, 1], q, axis=1) - np.percentile(arr[idx, 0], q, axis=1)
    low, high = (float(v) for v in np.quantile(stats, [0.025, 0.975]))
    return {**out, "low": round(low, 4), "high": round(high, 4), "significant": low > 0 or high < 0}


def compare_group(
    base: dict[Key, list[dict[str, Any]]],
    new: dict[Key, list[dict[str, Any]]],
    ids: list[str],
    model: str,
    mode: str,
    resamples: int,
    seed: int,
) -> dict[str, Any]:
    b = [base[(model, mode, i)] for i in ids]
    n = [new[(model, mode, i)] for i in ids]
    metrics: dict[str, Any] = {}
    for metric, (field, stat, higher, _) in METRICS.items():
        before = [_case_means(s, field) for s in b]
        after = [_case_means(s, field) for s in n]
        if stat in ("mean", "rate"):
            diff = paired_difference(before, after, resamples=resamples, seed=seed)
            base_mean = (
                float(np.mean([v for v in before if v is not None])) if any(v is not None for v in before) else None
            )
            new_mean = (
                float(np.mean([v for v in after if v is not None])) if any(v is not None for v in after) else None
            )
            metrics[metric] = {
                "base": None if base_mean is None else round(base_mean, 4),
                "new": None if new_mean is None else round(new_mean, 4),
                **diff.to_dict(),
                "verdict": verdict(diff, higher),
            }
        else:
            q = 50.0 if stat == "p50" else 95.0
            entry = _quantile_difference(before, after, q, seed, resamples)  # type: ignore[arg-type]
            significant = entry["significant"]
            up = (entry["estimate"] or 0) > 0
            entry["verdict"] = (
                "no significant difference" if not significant else ("better" if up == higher else "worse")
            )
            metrics[metric] = entry
        base_value = metrics[metric].get("base")
        estimate = metrics[metric].get("estimate")
        metrics[metric]["relative_pct"] = (
            round(100 * estimate / base_value, 2) if base_value not in (None, 0) and estimate is not None else None
        )
    base_pass = [(_case_means(s, "passed") or 0) >= 50 for s in b]
    new_pass = [(_case_means(s, "passed") or 0) >= 50 for s in n]
    flips = [
        {
            "scenario_id": i,
            "change": "pass -> fail" if bp else "fail -> pass",
            "score_base": _round(_case_means(bs, "score")),
            "score_new": _round(_case_means(ns, "score")),
        }
        for i, bp, np_, bs, ns in zip(ids, base_pass, new_pass, b, n)
        if bp != np_
    ]
    deltas = sorted(
        (
            {
                "scenario_id": i,
                "base": _round(_case_means(bs, "score")),
                "new": _round(_case_means(ns, "score")),
                "delta": _round((_case_means(ns, "score") or 0) - (_case_means(bs, "score") or 0)),
            }
            for i, bs, ns in zip(ids, b, n)
        ),
        key=lambda d: d["delta"] or 0,
    )
    return {
        "model": model,
        "mode": mode,
        "n": len(ids),
        "samples_base": sum(len(s) for s in b),
        "samples_new": sum(len(s) for s in n),
        "metrics": metrics,
        "mcnemar": mcnemar_exact(base_pass, new_pass).to_dict(),
        "flips": flips,
        "score_deltas": deltas,
    }


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def evaluate_rule(rule: FailRule, group: dict[str, Any]) -> dict[str, Any]:
    entry = group["metrics"][rule.metric]
    estimate, base = entry.get("estimate"), entry.get("base")
    significant = bool(entry.get("significant"))
    out = {
        "rule": rule.text,
        "describe": rule.describe(),
        "model": group["model"],
        "mode": group["mode"],
        "metric": rule.metric,
        "estimate": estimate,
        "low": entry.get("low"),
        "high": entry.get("high"),
        "n": entry.get("n"),
        "base": base,
        "new": entry.get("new"),
        "relative_pct": entry.get("relative_pct"),
    }
    if estimate is None:
        return {**out, "status": "not measured", "failed": False}
    worse_by = -estimate if rule.higher_is_better else estimate  # positive = got worse
    if rule.relative:
        if base in (None, 0):
            return {**out, "status": "not measured (no baseline value)", "failed": False}
        worse_by = 100 * worse_by / abs(base)
    past = worse_by > rule.threshold
    if past and significant:
        return {**out, "status": "REGRESSION", "failed": True}
    if past:
        return {**out, "status": "past threshold, within noise - not failed", "failed": False}
    return {**out, "status": "ok", "failed": False}


def compare_runs(
    base_doc: dict[str, Any],
    new_doc: dict[str, Any],
    rules: Sequence[FailRule] = (),
    resamples: int = 10_000,
    seed: int = 0,
    base_name: str | None = None,
    new_name: str | None = None,
) -> dict[str, Any]:
    base, new = _index(base_doc), _index(new_doc)
    b_models = list(dict.fromkeys(k[0] for k in base))
    n_models = list(dict.fromkeys(k[0] for k in new))
    mismatches: dict[str, Any] = {
        "models_only_in_base": [m for m in b_models if m not in n_models],
        "models_only_in_new": [m for m in n_models if m not in b_models],
        "cases_only_in_base": [],
        "cases_only_in_new": [],
        "changed_cases": [],
        "errored_cases": [],
        "settings": settings_differences(base_doc.get("run", {}), new_doc.get("run", {})),
    }
    groups = []
    pairs = sorted(
        {(k[0], k[1]) for k in base} & {(k[0], k[1]) for k in new}, key=lambda p: (n_models.index(p[0]), p[1])
    )
    for model, mode in pairs:
        b_ids = [k[2] for k in base if k[:2] == (model, mode)]
        n_ids = {k[2] for k in new if k[:2] == (model, mode)}
        ids = []
        for case_id in b_ids:
            where = {"model": model, "mode": mode, "scenario_id": case_id}
            if case_id not in n_ids:
                mismatches["cases_only_in_base"].append(where)
                continue
            b_s, n_s = base[(model, mode, case_id)], new[(model, mode, case_id)]
            b_hash, n_hash = b_s[0].get("case_hash"), n_s[0].get("case_hash")
            if b_hash and n_hash and b_hash != n_hash:
                mismatches["changed_cases"].append({**where, "base_hash": b_hash, "new_hash": n_hash})
                continue
            if any(s.get("error") or s.get("score") is None for s in b_s + n_s):
                side = "base" if any(s.get("error") or s.get("score") is None for s in b_s) else "new"
                mismatches["errored_cases"].append({**where, "run": side})
                continue
            ids.append(case_id)
        mismatches["cases_only_in_new"] += [
            {"model": model, "mode": mode, "scenario_id": i} for i in sorted(n_ids - set(b_ids))
        ]
        if ids:
            groups.append(compare_group(base, new, ids, model, mode, resamples, seed))
    results = [evaluate_rule(rule, g) for g in groups for rule in rules]
    regressions = [r for r in results if r["failed"]]
    quality = ("score", "pass_rate")
    worse_quality = [
        (g["model"], g["mode"], m)
        for g in groups
        for m, e in g["metrics"].items()
        if m in quality and e.get("verdict") == "worse"
    ]
    # speed changes count in the summary when significant and at least SPEED_FLOOR_PCT relative (smaller
    # shifts, such as a few ms on a fast server, stay in the table)
    speed = [
        (g["model"], g["mode"], m, e)
        for g in groups
        for m, e in g["metrics"].items()
        if m not in quality
        and e.get("verdict") != "no significant difference"
        and abs(e.get("relative_pct") or 0) >= SPEED_FLOOR_PCT
    ]
    speed_text = (
        "; speed: "
        + ", ".join(f"{m} {mode} {metric} {e['verdict']} ({e['relative_pct']:+.0f}%)" for m, mode, metric, e in speed)
        if speed
        else ""
    )
    if regressions:
        parts = [
            f"{r['model']} {r['mode']} {r['metric']} {r['estimate']:+.2f} [{r['low']:+.2f}, {r['high']:+.2f}] "
            f"(n={r['n']})"
            for r in regressions
        ]
        summary = f"{len(regressions)} significant regression(s) past the gate: " + "; ".join(parts)
    elif not groups:
        summary = "nothing to compare: no case ran in both runs with the same content"
    elif worse_quality:
        summary = (
            "significantly worse, but no gate threshold passed: "
            + ", ".join(f"{m} {mode} {metric}" for m, mode, metric in worse_quality)
            + speed_text
        )
    else:
        summary = "no significant change" + (" in quality" + speed_text if speed_text else "")
    named = any(mismatches[k] for k in mismatches)
    return {
        "base": _describe(base_doc, base_name),
        "new": _describe(new_doc, new_name),
        "groups": groups,
        "rules": results,
        "regressions": regressions,
        "mismatches": mismatches,
        "has_mismatches": bool(named),
        "summary": summary,
        "exit_code": 1 if regressions else 0,
    }


def _describe(doc: dict[str, Any], name: str | None) -> dict[str, Any]:
    run = doc.get("run", {})
    return {
        "name": name,
        "started_at": run.get("started_at"),
        "git_commit": run.get("git_commit"),
        "status": run.get("status"),
        "models": run.get("models"),
    }
