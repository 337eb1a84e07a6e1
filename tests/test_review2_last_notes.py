"""`last` after a run of the load benchmark alone, where the callers read it: what shows a run takes the benchmark,
what compares, accepts or grades says which run it took instead (with the diff to session.py, __main__.py and
results/loader.py)."""

from __future__ import annotations

from test_gate_cache_review2 import N_CASES, bench_only, project  # noqa: F401 - the fixture

from pytest_llmeval.results import load


def test_report_and_load_show_the_benchmark_compare_and_accept_name_the_run_they_took(project, monkeypatch):  # noqa: F811
    assert project.run("--llm-save", "suite").ret == 0
    saved = bench_only(project)
    report = project.command("report", "last")
    assert report.returncode == 0 and "bench" in report.stdout.lower(), report.stderr
    monkeypatch.chdir(project.path)
    assert load("last").path.resolve() == saved.resolve()
    note = "note: 'last' is run 0001 (suite): the newer run 0002 (bench) has no case"
    accepted = project.command("accept", "last")
    assert accepted.returncode == 0 and note in accepted.stderr, accepted.stderr
    compared = project.command("compare", "last", "1")
    # 'last' is run 1 here: the note says so, and the pair is one run - refused, not passed (compare/runs.py same_run)
    assert compared.returncode == 7 and note in compared.stderr, compared.stderr
    assert "are one run (run id" in compared.stdout
    gated = project.run("--llm-compare", "last")
    assert gated.ret == 0
    gated.stdout.fnmatch_lines(["*--llm-compare: 'last' is run 0001 (suite): the newer run 0002 (bench) has no case*"])
    assert project.llm.results()["comparison"]["groups"][0]["n"] == N_CASES
