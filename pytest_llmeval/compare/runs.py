"""Which records of two runs are compared: a run against itself or its own shard (`same_run`, `merged_part`,
`shared_records`, `one_measurement`), like-for-like repeats (`same_repeats`), samples lost between them, records
graded only, and each run's samples by (model, mode, scenario id).
"""

from __future__ import annotations

import json
import numbers
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from .scorers import errored

Key = tuple[str, str, str]  # model, mode, scenario_id


def graded_only(doc: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The document without the records a re-score could not grade (`results.rescore.graded`), and their names."""
    from ..results.rescore import graded

    records = doc.get("cases") or []
    stale = [c for c in records if not graded(c)]
    if not stale:
        return doc, []
    names = [f"{c['model']}/{c.get('mode', 'norag')}/{c['scenario_id']}" for c in stale]
    return {**doc, "cases": [c for c in records if graded(c)]}, list(dict.fromkeys(names))


def stale_keys(doc: dict[str, Any], rename: Mapping[str, str]) -> dict[Key, str]:
    """The (model - after `rename` -, mode, id) of the records a re-score could not grade, with their status."""
    from ..results.rescore import graded

    return {
        (rename.get(c["model"], c["model"]), c.get("mode", "norag"), c["scenario_id"]): str(
            (c.get("rescore") or {}).get("status")
        )
        for c in doc.get("cases") or []
        if not graded(c)
    }


def rescored_from_run(doc: Mapping[str, Any]) -> str | None:
    """What run a re-scored document was graded from (`run.rescored.from`), None if it is no re-score."""
    rescored = (doc.get("run") or {}).get("rescored")
    if not isinstance(rescored, Mapping):
        return None
    return str(rescored.get("from") or "an earlier run")


def same_run(base_doc: Mapping[str, Any], new_doc: Mapping[str, Any]) -> str | None:
    """Why two documents cannot be compared because they are one measurement, or None: one run (the same
    `run.run_id`: a run and its saved copy, or one file given twice), a merge and one of its shards
    (`merged_part`), or - where a run has no id to tell - runs of which one holds only the other's records
    (`shared_records`: a run written before run ids, and its copy or a merge of it). Such a comparison shows no
    change whatever the model does, and the gate would pass it. A re-score or a merge is another run (a new id), so
    it is compared with the run it came from."""
    b_id, n_id = (
        run.get("run_id") if isinstance(run := doc.get("run"), Mapping) else None for doc in (base_doc, new_doc)
    )
    if isinstance(b_id, str) and b_id and b_id == n_id:
        which = f"the baseline and the new run are one run (run id {b_id})"
    elif (part := merged_part(base_doc, new_doc)) is not None:
        which = part
    elif not (b_id and n_id) and (shared := shared_records(base_doc, new_doc)) is not None:
        # two run ids tell the runs apart; without one (a run written before them, or merged or resumed from one)
        # only the records can
        which = shared
    else:
        return None
    return (
        f"not comparable: {which} - a run compared with itself or its saved copy shows no change whatever the model "
        "does. Fix: compare with an earlier run (`python -m pytest_llmeval runs` lists the saved runs) or run the "
        "suite again"
    )


def merged_part(base_doc: Mapping[str, Any], new_doc: Mapping[str, Any]) -> str | None:
    """Which run is a shard of the other, merged into it (`run.merged_from` names its run id), or None. A merge
    holds its shards' records as they are: compared with one of them it compared that shard's answers with
    themselves, and the gate passed with "no significant change"."""
    for merged, part, merged_name, part_name in (
        (new_doc, base_doc, "the new run", "the baseline"),
        (base_doc, new_doc, "the baseline", "the new run"),
    ):
        run, shard = merged.get("run"), part.get("run")
        if not isinstance(run, Mapping) or not isinstance(shard, Mapping) or not shard.get("run_id"):
            continue
        shards = [entry for entry in run.get("merged_from") or [] if isinstance(entry, Mapping)]
        if any(entry.get("run_id") == shard["run_id"] for entry in shards):
            shard_id = shard["run_id"]
            return f"{part_name} (run id {shard_id}) is a shard merged into {merged_name}: its records are that shard's"
    return None


def shared_records(base_doc: Mapping[str, Any], new_doc: Mapping[str, Any]) -> str | None:
    """How one document holds only the other's records, or None: every case record of one is a record of the other
    - the same record, down to the moment it finished (`finished_at`, recorded with each answer: no two runs share
    it). Neither is then a measurement of its own: a run saved before run ids existed (nearly every
    baseline saved before them) compared with itself or its copy, or a shard with the merge of it, passed with "no
    significant change" whatever the model did. A re-score keeps the records' times and grades them again: compared
    with the run it graded as before."""
    if rescored_from_run(base_doc) != rescored_from_run(new_doc):
        return None
    base, new = _finish_stamps(base_doc), _finish_stamps(new_doc)
    if not base or not new:
        return None
    if base == new:
        return "the baseline and the new run hold the same records (each finished at the same moment: one run)"
    if new <= base:
        return "every record of the new run is one of the baseline's (each finished at the same moment)"
    if base <= new:
        return "every record of the baseline is one of the new run's (each finished at the same moment)"
    return None


def _finish_stamps(doc: Mapping[str, Any]) -> Counter[str] | None:
    """Each case record whole (as canonical JSON), None when a record has no finish time to tell it from another
    run's. Whole, not only its identity and time: a copy whose scores were edited by hand is another measurement."""
    stamps: Counter[str] = Counter()
    for case in doc.get("cases") or []:
        finished = case.get("finished_at") if isinstance(case, Mapping) else None
        if isinstance(finished, bool) or not isinstance(finished, numbers.Real):
            return None
        stamps[json.dumps(case, sort_keys=True, default=str)] += 1
    return stamps


def one_measurement(base_doc: dict[str, Any], new_doc: dict[str, Any]) -> str | None:
    """Why the speed rules cannot compare a re-score with the run it was graded from (or a re-score of it), or
    None: `rescore` sends no request, its records keep the timings of the run it graded, so the two runs' timings
    are one measurement and the speed rule read "ok" having measured nothing."""
    b_run, n_run = base_doc.get("run") or {}, new_doc.get("run") or {}
    rescores = [(which, rescored_from_run(doc)) for which, doc in (("new run", new_doc), ("baseline", base_doc))]
    rescores = [(which, source) for which, source in rescores if source is not None]
    started = b_run.get("started_at")
    if not rescores or not started or started != n_run.get("started_at"):
        return None
    which, source = rescores[0]
    return (
        f"not comparable: the {which} is a re-score of {source}, started {started} like the "
        f"{'baseline' if which == 'new run' else 'new run'}: the timings of both are that one run's (a re-score "
        "sends no request), no speed was measured again"
    )


def repeat(doc: dict[str, Any]) -> int:
    """The run's --llm-repeat (`settings.repeat`); a run that does not record it (saved before the setting was
    written, or by hand) asked as often as its records say: the most samples one case holds. Read as 1, such a
    baseline of 3 samples a case was averaged over all 3 against a new run's single answers (the skewed
    comparison `same_repeats` exists to avoid), and against a new run of 3 it was called "asked 1 time"."""
    value = ((doc.get("run") or {}).get("settings") or {}).get("repeat")
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    counts: dict[Key, set[str]] = defaultdict(set)
    for case in doc.get("cases") or []:
        if isinstance(case, Mapping):
            key = (str(case.get("model")), str(case.get("mode", "norag")), str(case.get("scenario_id")))
            counts[key].add(str(case.get("sample") or 0))
    return max((len(samples) for samples in counts.values()), default=1)


def same_repeats(
    base: dict[Key, list[dict[str, Any]]],
    new: dict[Key, list[dict[str, Any]]],
    base_doc: dict[str, Any],
    new_doc: dict[str, Any],
) -> str | None:
    """Runs with another --llm-repeat are compared over `k` samples of each case - the fewer of the two runs asked -,
    in place, with the note that says so; None when both asked as often. The new run's first `k` (an errored one
    counts, as a failure with score 0); the baseline's first `k` that answered (an errored baseline sample is no
    measurement, and is left out of a case anyway: taking it as one of the `k` left a baseline whose first sample
    timed out with no answer to compare - the case broke the gate although two of its three samples answered). A
    per-case mean of 3 samples against one sample has the same expectation but skewed differences (many small
    falls, a few large rises), which raised a tight rule's false alarms (a review's throwaway simulation at n = 14,
    not in the repository)."""
    rep_b, rep_n = repeat(base_doc), repeat(new_doc)
    if rep_b == rep_n:
        return None
    k = min(rep_b, rep_n)
    dropped: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    kept: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
    for index, answered_first in ((base, True), (new, False)):
        for key, samples in index.items():
            ordered = samples_in_order(samples, answered_first)
            if ordered is None:  # a case whose samples are numbered otherwise is kept whole
                continue
            index[key] = sorted(ordered[:k], key=lambda s: s.get("sample") or 0)
            kept[answered_first] += ordered[:k]
            dropped[answered_first] += ordered[k:]
    more = "new run" if rep_n > rep_b else "baseline"
    scores = _left_out_scores(kept[rep_b > rep_n], dropped[rep_b > rep_n])
    return (
        f"the baseline asked each case {rep_b} time(s), the new run {rep_n} (--llm-repeat): quality is compared like "
        f"for like over the first {k} sample(s) of each case in both runs (of the baseline's, the first {k} that "
        f"answered); the {more}'s other samples are not in that verdict{scores} - they are checked apart, each "
        "block of as many samples against the other run's (one worse past a quality rule: NOT CHECKED, exit 8). "
        "Accept a baseline with the same --llm-repeat to compare them all"
    )


def samples_in_order(samples: Sequence[dict[str, Any]], answered_first: bool) -> list[dict[str, Any]] | None:
    """A case's samples in the order `same_repeats` takes k of them and `repeats.left_out_blocks` the blocks after:
    by number, and (`answered_first`, the baseline's) the answered ones first; None when a sample is not numbered
    as the recorder numbers them (the case is then kept whole)."""
    if not all(_whole(s.get("sample")) for s in samples):
        return None
    return sorted(samples, key=lambda s: (answered_first and errored(s), s.get("sample") or 0))


def _left_out_scores(kept: Sequence[Mapping[str, Any]], dropped: Sequence[Mapping[str, Any]]) -> str:
    """The mean score of the samples `same_repeats` leaves out beside that of those it compares, where they differ:
    the gate's verdict does not test them (a mean of 3 against single samples is no like-for-like test; since round 13
    compare/repeats.py checks them block by block), and a new run whose later samples collapsed read "no significant
    change" with nothing said of them. "" when none was left out."""

    def mean(samples: Sequence[Mapping[str, Any]]) -> float | None:
        values = [0.0 if errored(s) else float(s["score"]) for s in samples]
        return sum(values) / len(values) if values else None

    left, compared = mean(dropped), mean(kept)
    if left is None or compared is None or round(left, 1) == round(compared, 1):
        return ""
    return f" (they score {left:.1f} on average, the compared ones {compared:.1f})"


def _whole(value: Any) -> bool:
    """A sample number as the recorder writes it: a whole number >= 0 (None: a run of one sample)."""
    return value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)


def lost_samples(
    index: Mapping[Key, Sequence[Mapping[str, Any]]],
    expected: int,
    which: str,
    other_repeat: bool,
    labels: Mapping[str, str] | None = None,
) -> str | None:
    """Which cases of a run (`index`, as compared) hold fewer samples than `expected` - its --llm-repeat, or the
    samples compared when the other run asked another number - in one sentence; None when none does. A run records
    every sample of a case, errored ones included: fewer records are records lost (a worker that crashed, a file
    edited by hand), and the case is then compared on the samples left. `labels`: the run's own model labels of the
    index's (the baseline's under --pair)."""
    short = sorted(
        (key, count)
        for key, samples in index.items()
        if (count := len({str(s.get("sample") or 0) for s in samples})) < expected
    )
    if not short:
        return None
    labels = labels or {}
    names = listed([f"{labels.get(m, m)}/{mode}/{i} ({count} of {expected})" for (m, mode, i), count in short], 5)
    than = f"the {expected} sample(s) of each case compared" if other_repeat else f"its --llm-repeat {expected}"
    return (
        f"{len(short)} of {len(index)} case(s) of {which} have fewer samples than {than} ({names}). Every sample "
        "is recorded, an errored one too: these records were lost (a worker that crashed, a file edited by hand), "
        "and those cases are compared on the samples left"
    )


def samples_by_key(doc: dict[str, Any], rename: Mapping[str, str] | None = None) -> dict[Key, list[dict[str, Any]]]:
    out: dict[Key, list[dict[str, Any]]] = defaultdict(list)
    rename = rename or {}
    for case in doc.get("cases", []):
        model = rename.get(case["model"], case["model"])
        out[(model, case.get("mode", "norag"), case["scenario_id"])].append(case)
    return dict(out)


def listed(names: Sequence[str], limit: int) -> str:
    """The first `limit` names joined by commas, `, ...` after them when there are more."""
    return ", ".join(names[:limit]) + (", ..." if len(names) > limit else "")
