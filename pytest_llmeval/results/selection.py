"""How much of the suite a run covered: the LLM case tests pytest collected, deselected (-k, -m, --deselect, --lf,
--llm-shard), skipped (with their reasons) and finished - `run.selection` in results.json, and the line every report
shows ("3 of 14 LLM case tests run: 11 deselected by -k roi").

Without it a run of `-k roi` read like a run of the whole suite: its summary said n=3 and nothing said that 11 cases
were never asked. `SelectionCounter` is a small pytest plugin. Under pytest-xdist each worker collects the whole
suite: its collection counts travel to the controller in `workeroutput` (`add_worker`). The tests skipped and
finished are counted on the controller, from the test reports xdist forwards - each LLM case test's report carries
`CASE_REPORT_KEY` from its worker: a worker that crashed sends no `workeroutput`, and its skips and finished tests
were lost with it ("selected but not run"), while its reports had reached the controller as they were made.
A worker that crashed in an LLM case test's setup sent no report of it, only xdist's crash report (unmarked): each
worker's `workeroutput` also carries short digests of the LLM case tests it collected (`case_digests`), so that the
controller knows such a test for what it was and counts it as finished (failed), as a crash in its call is.
A results.json written before has no `run.selection`: its reports say nothing of it, as before.
"""

from __future__ import annotations

import hashlib
import shlex
from collections.abc import Iterable, Mapping
from typing import Any

import pytest

CASE_FIXTURE = "llm_case"  # the fixture every LLM case test is parametrised over (plugin.pytest_generate_tests)
SELECTION_PLUGIN = "llmeval-selection"  # the counter's name in pytest's plugin manager
WORKER_OUTPUT = "llmeval_selection"  # the key of a worker's counts in xdist's workeroutput
CASE_REPORT_KEY = "llmeval_case_test"  # True on an LLM case test's reports: it travels with them to the controller
UNIT = "LLM case tests (one per model, mode and case; --llm-repeat samples run inside one test)"
MAX_REASONS = 5  # skip reasons a report names; the rest are counted as "other reasons"
DIGEST_CHARS = 16  # hex characters of a case test's node-id digest in a worker's output (64 bits: no collision)


def case_digest(nodeid: str) -> str:
    """A short digest of an LLM case test's node id: a worker sends these (8 bytes a test, not its whole id, at
    10,000 cases under -n 8) for the controller to know a test whose worker crashed before reporting it."""
    return hashlib.blake2b(nodeid.encode("utf-8", "surrogatepass"), digest_size=DIGEST_CHARS // 2).hexdigest()


def is_case_test(item: Any) -> bool:
    """An LLM case test: it is parametrised over a scenario case (a benchmark or a user's own test is not)."""
    return CASE_FIXTURE in (getattr(item, "fixturenames", None) or ())


def skip_reason(report: Any) -> str:
    """The reason a skipped test gave (`Skipped: ` taken off), or `no reason given`."""
    longrepr = getattr(report, "longrepr", None)
    text = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr or "")
    text = str(text).strip()
    return text.removeprefix("Skipped:").strip() or "no reason given"


class SelectionCounter:
    """pytest plugin: counts the LLM case tests collected and deselected in this process, and skipped and finished
    by the reports it sees - its own, or on an xdist controller every worker's (each LLM case test's report is marked
    `CASE_REPORT_KEY`, so the controller, which collects nothing, tells them apart).
    `workeroutput`: an xdist worker's, kept current with this process's collection counts for the controller."""

    def __init__(self, workeroutput: dict[str, Any] | None = None) -> None:
        self.collected: int | None = None  # None until the collection finished (a controller collects nothing)
        self.deselected = 0
        self.skipped: dict[str, int] = {}
        self._cases: set[str] = set()  # the LLM case tests' node ids: collected here, or named by a marked report
        self._finished: set[str] = set()  # node ids: a test crashed in its teardown has its call counted once
        self._workeroutput = workeroutput
        self._workers: list[dict[str, Any]] = []
        self._crashed: set[str] = set()  # node ids of xdist's crash reports, of any test
        self._worker_cases: set[str] = set()  # on the controller: the digests of every worker's case tests

    @property
    def finished(self) -> int:
        return len(self._finished)

    # -- hooks ---------------------------------------------------------------
    def pytest_deselected(self, items: Iterable[Any]) -> None:
        self.deselected += sum(1 for item in items if is_case_test(item))

    def pytest_collection_finish(self, session: Any) -> None:
        self._cases = {item.nodeid for item in session.items if is_case_test(item)}
        self.collected = len(self._cases) + self.deselected
        self._publish()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: Any, call: Any) -> Any:
        report = yield
        if is_case_test(item):  # an attribute of the report is serialised with it to the xdist controller
            setattr(report, CASE_REPORT_KEY, True)
        return report

    def pytest_runtest_logreport(self, report: Any) -> None:
        if getattr(report, CASE_REPORT_KEY, False):
            self._cases.add(report.nodeid)  # an xdist controller learns a worker's case tests from their reports
        if report.when == "???" and report.failed:  # a crash in the setup: a case test told by workers' digests
            self._crashed.add(report.nodeid)
        if report.nodeid not in self._cases:  # xdist's report of a crashed test carries no mark: its setup's did
            return
        if report.skipped and not hasattr(report, "wasxfail"):
            reason = skip_reason(report)
            self.skipped[reason] = self.skipped.get(reason, 0) + 1
        elif report.when == "call" or (report.when in ("setup", "???") and report.failed):
            self._finished.add(report.nodeid)  # "???": xdist's report of the test a crashed worker was running

    # -- xdist ---------------------------------------------------------------
    def _publish(self) -> None:
        if self._workeroutput is not None:
            self._workeroutput[WORKER_OUTPUT] = self.own()

    @pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook, on the controller: a worker finished
    def pytest_testnodedown(self, node: Any, error: object) -> None:
        self.add_worker(getattr(node, "workeroutput", None))

    def add_worker(self, output: Mapping[str, Any] | None) -> None:
        """On the controller: a worker's collection counts, from its workeroutput when it finished (a worker that
        crashed has none: every worker collects the whole suite, so another's, or its replacement's, stand in)."""
        counts = (output or {}).get(WORKER_OUTPUT)
        if isinstance(counts, dict):
            self._workers.append(counts)
            digests = counts.get("case_digests")
            if isinstance(digests, list):
                self._worker_cases.update(d for d in digests if isinstance(d, str))

    # -- the record ----------------------------------------------------------
    def own(self) -> dict[str, Any]:
        """This process's collection counts (a worker's `workeroutput`; the skipped and finished tests are counted
        from the reports, on the controller), with the digests of its case tests on a worker."""
        counts: dict[str, Any] = {"collected": self.collected, "deselected": self.deselected}
        if self._workeroutput is not None:
            counts["case_digests"] = sorted(case_digest(nodeid) for nodeid in self._cases)
        return counts

    def _crashed_in_setup(self) -> set[str]:
        """The case tests whose worker crashed before their first report: xdist's crash report named them, and a
        worker's digests say they were case tests."""
        return {
            nodeid
            for nodeid in self._crashed - self._cases - self._finished
            if case_digest(nodeid) in self._worker_cases
        }

    def record(self, invocation: list[str]) -> dict[str, Any] | None:
        """`run.selection`; None when no process collected (a run that stopped before its collection ended, or
        whose every xdist worker crashed)."""
        parts = [p for p in [self.own(), *self._workers] if isinstance(p.get("collected"), int)]
        if not parts:
            return None
        # every worker collects (and deselects) the whole suite; the reports of all of them reach this process
        reference = max(parts, key=lambda p: p["collected"])
        crashed_in_setup = self._crashed_in_setup()
        from ..__main__ import selection_of

        return selection_record(
            collected=int(reference["collected"]),
            deselected=int(reference.get("deselected") or 0),
            skipped=self.skipped,
            finished=self.finished + len(crashed_in_setup),
            selected_by=selection_of(invocation),
            worker_crashes=len(self._crashed),
        )


def record_selection(config: Any, run: dict[str, Any]) -> None:
    """Put the counts of this pytest run (`SelectionCounter`, registered by the plugin) into `run.selection`."""
    counter = config.pluginmanager.get_plugin(SELECTION_PLUGIN)
    if isinstance(counter, SelectionCounter):
        record = counter.record([str(arg) for arg in run.get("invocation") or []])
        if record is not None:
            run["selection"] = record


def selection_record(
    collected: int,
    deselected: int,
    skipped: Mapping[str, int],
    finished: int,
    selected_by: list[str],
    worker_crashes: int = 0,
) -> dict[str, Any]:
    """The `run.selection` of a run (see the module's docstring): counts of LLM case tests; `worker_crashes`, the
    tests (of any kind) whose pytest-xdist worker crashed while running them, only when there were any."""
    crashes = {"worker_crashes": worker_crashes} if worker_crashes else {}
    return {
        "unit": UNIT,
        "collected": collected,
        "deselected": deselected,
        "selected": collected - deselected,
        "skipped": sum(skipped.values()),
        "skip_reasons": dict(sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))),
        "finished": finished,
        "selected_by": list(selected_by),
    } | crashes


def tests_not_run(run: Mapping[str, Any]) -> int:
    """The selected LLM case tests a run neither finished nor skipped (stopped first: -x, --maxfail, an interrupt);
    0 without counts in `run.selection`."""
    counted = _counted({"run": run})
    return sum(count for kind, count, _ in counted[2] if kind == "not run") if counted is not None else 0


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def coverage_line(doc: Mapping[str, Any]) -> str | None:
    """What part of the suite the run covered, in words, with every count; None for a results.json without
    `run.selection` (written before it was recorded) or with one that is not counts.
    `3 of 14 LLM case tests run: 11 deselected by -k roi.`"""
    counted = _counted(doc)
    if counted is None:
        return None
    collected, finished, parts = counted
    if collected == 0:
        return "0 LLM case tests collected: no LLM case was asked (n = 0)."
    whole = not parts
    head = (
        f"{finished} of {collected} LLM case tests run (the whole suite collected)"
        if whole
        else f"{finished} of {collected} LLM case tests run"
    )
    tail = f": {'; '.join(f'{n} {words}' for _, n, words in parts)}" if parts else ""
    note = "" if whole else " The figures below are of the tests run only, not of the whole suite."
    return f"{head}{tail}.{note} (A test is one model, mode and case; --llm-repeat samples run inside it.)"


# what brings back the LLM case tests a run did not run, by what kept them from running (`_counted`)
NO_CASE_FIXES = {
    "deselected": "a -k, -m or test path that selects LLM cases (pytest --collect-only -q lists them)",
    "skipped": "what skipped them (the reasons given)",
    "not run": "a run to its end (without -x or --maxfail, not interrupted)",
}


def no_case_ran(doc: Mapping[str, Any]) -> tuple[str, str] | None:
    """Why a run asked no LLM case of those it collected, from its `run.selection`, and the fix: ("14 of 14 LLM case
    tests deselected by -k plain", "a -k, -m or test path that selects LLM cases ..."); None when a case test
    finished, when none was collected (a run of the load benchmark alone, or of other tests: whoever reads it says
    so), or when the run records no selection (written before the record). A gated `-k` of plain tests only was
    called "the load benchmark alone" though no benchmark ran."""
    counted = _counted(doc)
    if counted is None or counted[1] or not counted[2]:  # no part left out: none was collected
        return None
    collected, _, parts = counted
    said = "; ".join(f"{n} of {collected} LLM case tests {words}" for _, n, words in parts)
    crashed = bool(_count(doc["run"]["selection"].get("worker_crashes")))
    return said, "; or ".join(_fix(kind, crashed) for kind, _, _ in parts)


def _fix(kind: str, crashed: bool) -> str:
    """What brings back the tests not run for `kind`; a crashed pytest-xdist worker's own fix when one crashed."""
    if kind == "not run" and crashed:
        return "a run to its end (the crash pytest's summary names fixed, or --max-worker-restart above 0 to go on)"
    return NO_CASE_FIXES[kind]


def _counted(doc: Mapping[str, Any]) -> tuple[int, int, list[tuple[str, int, str]]] | None:
    """A run's LLM case tests collected and finished, and what kept the others from running - (kind, count, words):
    ("deselected", 11, "deselected by -k roi"), ("skipped", 2, 'skipped (2 "no GPU")'), ("not run", 3, "selected
    but not run (...)"); None without counts in `run.selection`."""
    selection = (doc.get("run") or {}).get("selection")
    if not isinstance(selection, Mapping):
        return None
    collected, deselected = _count(selection.get("collected")), _count(selection.get("deselected"))
    skipped, finished = _count(selection.get("skipped")) or 0, _count(selection.get("finished")) or 0
    if collected is None or deselected is None:
        return None
    selected = max(collected - deselected, 0)
    not_run = max(selected - skipped - finished, 0)
    parts = []
    if deselected:
        by = " ".join(_quoted(str(x)) for x in selection.get("selected_by") or [])
        words = "deselected" + (f" by {by}" if by else " (by -k, -m, --deselect or a plugin)")
        parts.append(("deselected", deselected, words))
    if skipped:
        parts.append(("skipped", skipped, f"skipped ({_reasons(selection.get('skip_reasons'))})"))
    if not_run:
        parts.append(("not run", not_run, f"selected but not run (the run stopped first: {_stopped_by(selection)})"))
    return collected, finished, parts


def _stopped_by(selection: Mapping[str, Any]) -> str:
    """What stops a run before its selected tests ran: a crashed pytest-xdist worker when the run records one."""
    crashes = _count(selection.get("worker_crashes")) or 0
    if crashes:
        return (
            f"a pytest-xdist worker crashed ({crashes} test(s) it was running: pytest's summary names them) and was"
            " not replaced (--max-worker-restart), or the run was interrupted, -x or --maxfail"
        )
    return "interrupted, -x or --maxfail"


def _quoted(option: str) -> str:
    """`-k 'roi or cash'`: an option's value quoted as a shell would need it (`-k roi or cash` read as three)."""
    name, _, value = option.partition(" ")
    return f"{name} {shlex.quote(value)}" if value and name.startswith("-") else option


def _reasons(reasons: Any) -> str:
    """`3 "no GPU", 1 "slow"`: the most frequent MAX_REASONS reasons, the rest counted together."""
    if not isinstance(reasons, Mapping) or not reasons:
        return "reasons not recorded"
    ranked = sorted(((str(r), n) for r, n in reasons.items() if _count(n)), key=lambda kv: (-kv[1], kv[0]))
    named = [f'{n} "{_short(reason)}"' for reason, n in ranked[:MAX_REASONS]]
    rest = sum(n for _, n in ranked[MAX_REASONS:])
    if rest:
        named.append(f"{rest} for {len(ranked) - MAX_REASONS} other reason(s)")
    return ", ".join(named) or "reasons not recorded"


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def merged_selection(parts: list[Mapping[str, Any] | None]) -> dict[str, Any] | None:
    """`run.selection` of shards joined by `merge`: each shard collected the whole suite and deselected the other
    shards' cases, so the suite is the largest collection, and the tests run, skipped and deselected by another
    selection than the shard's add up. None when a shard has none (written before): an unknown part is no count."""
    if not parts or any(not isinstance(p, Mapping) or _count(p.get("collected")) is None for p in parts):
        return None
    records = [p for p in parts if isinstance(p, Mapping)]
    collected = max(int(p["collected"]) for p in records)
    selected = min(collected, sum(int(_count(p.get("selected")) or 0) for p in records))
    skipped: dict[str, int] = {}
    for part in records:
        for reason, n in (part.get("skip_reasons") or {}).items():
            skipped[str(reason)] = skipped.get(str(reason), 0) + (_count(n) or 0)
    by = [x for x in dict.fromkeys(s for p in records for s in p.get("selected_by") or []) if "--llm-shard" not in x]
    return selection_record(
        collected=collected,
        deselected=collected - selected,
        skipped=skipped,
        finished=sum(_count(p.get("finished")) or 0 for p in records),
        selected_by=by,
        worker_crashes=sum(_count(p.get("worker_crashes")) or 0 for p in records),
    )
