"""A user's regex is held to its time limit in CPU time, not wall time (`numbers/user_regex.py`, 46th session): a CI
run with vLLM servers on both cores failed the searches of 无需.*改造 in a 12-character answer ("took over 1 s") - the
thread waited for a core, it did not search. Here a real process is starved: pinned to one core at nice 19 beside a
busy process, it gets a few per cent of the core."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pytest_llmeval.evaluation.numbers import RegexTimeout, regex_time_limit, user_regex_search
from pytest_llmeval.evaluation.numbers.user_regex import user_regex_finditer

ROOT = Path(__file__).resolve().parents[2]

# Searches that take ~7 ms of CPU each (无需 then .* to the end and back, 2,000 times) under a limit of 0.05 s: the
# three of them need ~0.02 s of CPU, ~1 s of wall time starved. A catastrophic pattern must still be stopped.
_STARVED = textwrap.dedent(
    """
    import os, subprocess, sys, time
    from pytest_llmeval.evaluation.numbers import RegexTimeout, regex_time_limit, user_regex_search
    from pytest_llmeval.evaluation.numbers.user_regex import user_regex_finditer
    os.sched_setaffinity(0, {{{core}}})
    rival = "import os\\nos.sched_setaffinity(0, {{{core}}})\\nwhile True: pass"
    busy = subprocess.Popen([sys.executable, "-c", rival])
    try:
        time.sleep(0.3)
        os.nice(19)
        text = "无需停机，" * 2000
        began = time.perf_counter()
        with regex_time_limit(0.05):
            found = [user_regex_search("无需.*改造", text), user_regex_search("无需.*改造", text)]
            found.append(len(list(user_regex_finditer("停机", text))))
        print("fast", found, round(time.perf_counter() - began, 2))
        began = time.perf_counter()
        try:
            with regex_time_limit(0.02):
                user_regex_search("(a|aa)+$", "a" * 40 + "b")
            print("catastrophic searched")
        except RegexTimeout as exc:
            print("catastrophic stopped:", exc, round(time.perf_counter() - began, 2))
    finally:
        busy.kill()
    """
)


def test_a_starved_thread_finishes_fast_searches_and_still_stops_a_catastrophic_one():
    if not hasattr(os, "sched_setaffinity"):
        pytest.skip("needs os.sched_setaffinity (Linux) to pin the starved process and its rival to one core")
    core = min(os.sched_getaffinity(0))
    run = subprocess.run(
        [sys.executable, "-c", _STARVED.format(core=core)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    fast, catastrophic = run.stdout.splitlines()
    assert fast.startswith("fast [False, False, 2000]"), run.stdout
    stopped = "catastrophic stopped: the regex '(a|aa)+$' took over 0.02 s of CPU time"
    assert catastrophic.startswith(stopped), run.stdout


def test_the_limit_is_shared_by_a_points_searches_and_named_in_the_error():
    with pytest.raises(RegexTimeout, match=r"took over 0\.2 s of CPU time"), regex_time_limit(0.2):
        for _ in range(1000):
            user_regex_search("无需.*改造", "无需停机，" * 3500)  # ~20 ms each: the tenth or so runs out of the limit


def test_every_match_is_found_and_in_order():
    matches = list(user_regex_finditer(r"\d+个月", "回本20个月，建设期6个月，合计26个月"))
    assert [m.group() for m in matches] == ["20个月", "6个月", "26个月"]
