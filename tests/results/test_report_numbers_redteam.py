"""Every number a report shows is the results document's: read back from the rendered text (terminal, Markdown, HTML)
and from the data the charts are drawn from, on documents built as a run writes them (repeats, errors, cache hits,
RAG on and off, two models, a judge, image cases) at n = 6-14."""

from __future__ import annotations

from typing import Any

import pytest
from matplotlib.axes import Axes

from pytest_llmeval.results import charts
from pytest_llmeval.results.render import render_markdown
from pytest_llmeval.results.sections import fmt
from tests.results.test_report_n_sweep import answer, document, errored, rows, section, three_renderings


def judged(record: dict[str, Any], judge_score: float) -> dict[str, Any]:
    return record | {
        "judge": {"model": "j", "score": judge_score, "passed": judge_score >= 60},
        "keyword_passed": record["passed"],
    }


def scoring_failed(record: dict[str, Any]) -> dict[str, Any]:
    """As evaluate.py records a scorer (or judge) that raised: the answer and its timing kept, no score."""
    return record | {"score": None, "passed": False, "error": {"type": "ValueError", "stage": "scoring"}}


@pytest.mark.parametrize("n", [6, 8, 14])
def test_a_mean_is_rounded_once_so_the_report_shows_what_its_interval_is_about(n):
    """results.json kept a mean at 2 digits and the report rounded it again to 1: a mean of 44.4464 was stored as
    44.45 and printed 44.5, beside an interval whose estimate (44.4464) rounds to 44.4."""
    target = 44.4464
    spread = [target + d for d in (-4.4464, 4.4464, 0.0, 0.0, -14.4464, 14.4464)]
    scores = (spread * 3)[:n]
    scores[-1] += n * target - sum(scores)  # the mean is exactly the target at every n
    cases = [answer(m, f"q{i}", s) for m in ("a", "b") for i, s in enumerate(scores)]
    doc = document(cases)
    (row, _) = doc["aggregates"]["models"]
    estimate = row["intervals"]["mean_score"]["estimate"]
    assert fmt(estimate) == "44.4"
    shown = {r["model"]: r for r in rows(section(doc, "summary"))}
    assert shown["a"]["mean score [95% CI]"].startswith("44.4 ["), shown["a"]
    categories = rows(section(doc, "categories"))
    assert categories[0]["a (norag)"].startswith("44.4 ["), categories


def uneven_repeats() -> list[dict[str, Any]]:
    """Model a, 6 cases asked 3 times: q0 scores 100 twice and errors once, q1-q5 score 0 three times; every answer
    graded by a judge that gives q0 100 and the rest 50."""
    out = []
    for i in range(6):
        for sample in range(3):
            record = judged(answer("a", f"q{i}", 100.0 if i == 0 else 0.0, sample=sample), 100.0 if i == 0 else 50.0)
            out.append(errored(record) if (i, sample) == (0, 2) else record)
    return out


def test_the_judge_tables_keyword_score_is_the_summarys_mean_score_of_the_same_answers():
    """Every scored answer was graded by the judge, so the judge table's keyword score is the summary's mean score
    of the same answers - but it was pooled over answers (200 / 17 = 11.8) where the summary is over cases (100 /
    6 = 16.7): two figures for one quantity, and the judge score beside it was pooled the same way."""
    doc = document(uneven_repeats())
    (summary,) = rows(section(doc, "summary"))
    (judge,) = rows(section(doc, "judge"))
    assert summary["mean score [95% CI]"].startswith("16.7 [")
    assert judge["keyword score"] == "16.7", judge
    assert judge["judge score"] == fmt((100 + 5 * 50) / 6), judge  # over cases: 58.3 (pooled: 950 / 17 = 55.9)


def test_the_comparisons_pass_rate_in_results_json_is_the_summarys():
    """results.json held two pass rates for one model and mode: the summary's over cases (1 of 6 cases: 16.7) and the
    comparison row's pooled over samples (3 of 8 answers: 37.5, q0 asked 3 times - a merged or resumed run); "Models
    compared" shows the latter where the summary has no row of that model and mode."""
    cases = [answer("a", "q0", 100.0, sample=s) for s in range(3)] + [answer("a", f"q{i}", 0.0) for i in range(1, 6)]
    doc = document(cases)
    (row,) = doc["aggregates"]["models"]
    (compared,) = doc["aggregates"]["comparison"]["rows"]
    assert row["pass_rate"] == compared["pass_rate"] == pytest.approx(100 / 6, abs=0.05)
    del doc["aggregates"]["models"][:]
    (shown,) = rows(section(doc, "models"))
    assert shown["pass % [95% CI]"] == "16.7"


class Drawn:
    """What the chart functions hand matplotlib: the data of every bar and box, by label."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.bars: list[tuple[str | None, list[float], list[float]]] = []
        self.boxes: list[list[list[float]]] = []
        bar, boxplot = Axes.bar, Axes.boxplot

        def spy_bar(ax: Axes, x: Any, height: Any, *args: Any, **kwargs: Any) -> Any:
            self.bars.append((kwargs.get("label"), [float(v) for v in x], [float(v) for v in height]))
            return bar(ax, x, height, *args, **kwargs)

        def spy_boxplot(ax: Axes, data: Any, *args: Any, **kwargs: Any) -> Any:
            self.boxes.append([[float(v) for v in box] for box in data])
            return boxplot(ax, data, *args, **kwargs)

        monkeypatch.setattr(Axes, "bar", spy_bar)
        monkeypatch.setattr(Axes, "boxplot", spy_boxplot)


def test_the_latency_boxes_hold_the_answers_the_summary_counts(monkeypatch):
    """An answer whose scoring failed keeps its timing; the summary's TTFT p50 leaves it out (n=7 answers), the box
    plot drew it (8 values, one of them 5 s: another distribution than the table's)."""
    cases = [answer("a", f"q{i}", 70.0) for i in range(8)]
    cases[3] = scoring_failed(cases[3] | {"ttft_s": 5.0, "e2e_s": 9.0})
    doc = document(cases)
    (summary,) = rows(section(doc, "summary"))
    assert summary["TTFT p50 s [95% CI]"].endswith("(n=7 answers)")
    drawn = Drawn(monkeypatch)
    assert charts.latency_distributions(doc) is not None
    (ttft,), (e2e,) = drawn.boxes
    assert sorted(ttft) == sorted(c["ttft_s"] for c in cases if not c["error"])
    assert 5.0 not in ttft and 9.0 not in e2e and len(e2e) == 7
    slim = charts.chart_input(doc)  # the chart process gets what it needs to leave the same answer out
    drawn.boxes.clear()
    charts.latency_distributions(slim)
    assert drawn.boxes[0][0] == ttft


def test_no_bar_is_drawn_where_the_table_shows_no_figure(monkeypatch):
    """A bar of 0 where the table says "-": model b has no case of category y (its cell is "-", the chart drew a 0
    bar), and a model whose steady memory was not measured got a steady bar of 0 MiB."""
    cases = [answer("a", f"q{i}", 50.0 + 5 * i, category="x" if i % 2 else "y") for i in range(6)]
    cases += [answer("b", f"q{i}", 80.0, category="x") for i in range(6)]
    doc = document(cases)
    doc["run"]["memory"] = {"a": {"peak_mib": 1000.0, "steady_mib": 900.0, "source": "nvml"}}
    doc["run"]["memory"]["b"] = {"peak_mib": 1200.0, "steady_mib": None, "source": "nvml"}
    table = {r["category"]: r for r in rows(section(doc, "categories"))}
    assert table["y"]["b (norag)"] == "-"
    drawn = Drawn(monkeypatch)
    charts.category_scores(doc)
    by_label = {label: heights for label, _, heights in drawn.bars}
    for a in doc["aggregates"]["models"]:
        label = f"{a['model']} ({a['mode']})"
        shown = [table[c][label] for c in sorted(table) if table[c][label] != "-"]
        assert len(by_label[label]) == len(shown), (label, by_label[label], shown)
        assert [fmt(h) for h in by_label[label]] == [cell.split(" ")[0] for cell in shown]
    drawn.bars.clear()
    charts.memory_chart(doc)
    steady = next(heights for label, _, heights in drawn.bars if label == "steady")
    assert steady == [900.0]


def image_answer(mode: str, i: int, score: float, **extra: Any) -> dict[str, Any]:
    return answer("a", f"v{i}", score, mode, images=1, category="ocr", **extra)


def test_vision_accuracy_is_per_mode_and_its_seconds_are_of_the_graded_answers():
    """Image cases run without and with RAG were pooled into one accuracy (all 6 passed without RAG, none with:
    "50.0 [..] n=12"), against the rule that the modes are never pooled; s/sample took in an answer whose scoring
    failed (its 9 s), which the note says has no timing."""
    cases = [image_answer("norag", i, 100.0) for i in range(6)] + [image_answer("rag", i, 0.0) for i in range(6)]
    cases[0] = scoring_failed(cases[0] | {"e2e_s": 9.0})
    doc = document(cases)
    by_mode = {r["mode"]: r for r in doc["aggregates"]["vision"]}
    assert by_mode["norag"]["n"] == by_mode["rag"]["n"] == 6
    assert by_mode["norag"]["accuracy"]["estimate"] == pytest.approx(500 / 6, abs=0.01)
    assert by_mode["rag"]["accuracy"]["estimate"] == 0.0
    assert by_mode["norag"]["categories"] == {"ocr": pytest.approx(83.3)}
    timed = [c["e2e_s"] for c in cases[1:6]]
    assert by_mode["norag"]["s_per_sample"] == pytest.approx(sum(timed) / 5, abs=1e-6)
    shown = {r["mode"]: r for r in rows(section(doc, "vision"))}
    assert shown["norag"]["accuracy % [95% CI]"].startswith("83.3 [")
    assert shown["rag"]["accuracy % [95% CI]"].startswith("0.0 [")
    assert shown["norag"]["s/sample"].endswith("(n=5 answers)")


@pytest.mark.parametrize("n", [6, 8, 14])
def test_every_figure_read_back_from_every_rendering_is_the_documents(n):
    """Two models, without and with RAG, each case asked 3 times, some answers errored, every answer judged, image
    cases: the summary's pass rate, mean score and their bounds, read back out of the terminal, Markdown and HTML
    text, are results.json's values rounded once, each point inside its interval; its counts, TTFT p50 (with its n of
    answers) and decode tok/s are the document's; the judge table's keyword score is the summary's mean score of
    the same answers; the vision table has a row per model and mode with the document's accuracy."""
    cases = []
    for model, base in (("a", 40.0), ("b", 55.0)):
        for mode in ("norag", "rag"):
            for i in range(n):
                for sample in range(3):
                    score = (base + 7.3 * i + 11.1 * sample + (9.0 if mode == "rag" else 0.0)) % 100
                    images = {"images": 1} if i < 2 else {}
                    record = judged(answer(model, f"q{i}", score, mode, sample=sample, **images), 50.0)
                    cases.append(errored(record) if (i + sample) % 7 == 3 else record)
    doc = document(cases)
    texts = three_renderings(doc)
    for a in doc["aggregates"]["models"]:
        for name in ("pass_rate", "mean_score"):
            interval = a["intervals"][name]
            expected = [fmt(interval["estimate"]), fmt(interval["low"]), fmt(interval["high"])]
            cell = f"{expected[0]} [{expected[1]}, {expected[2]}]"
            assert fmt(a[name]) == expected[0], (a["model"], a["mode"], name, a[name], interval)
            for text in texts:
                assert cell in text, (a["model"], a["mode"], name, cell)
            low, point, high = (float(v) for v in (expected[1], expected[0], expected[2]))
            assert low <= point <= high
    markdown = render_markdown(doc)
    summary = markdown_rows(markdown, "Summary per model")
    for a, shown in zip(doc["aggregates"]["models"], summary, strict=True):
        assert (shown["model"], shown["mode"]) == (a["model"], a["mode"])
        assert (shown["n cases"], shown["samples"], shown["errors"]) == tuple(
            str(a[k]) for k in ("cases", "samples", "errors")
        )
        assert shown["TTFT p50 s [95% CI]"].startswith(fmt(a["ttft_p50_s"], 3) + " [")
        assert f"(n={a['intervals']['ttft_p50_s']['n']} answers)" in shown["TTFT p50 s [95% CI]"]
        assert shown["decode tok/s"] == fmt(a["decode_tok_s"])
    judge = markdown_rows(markdown, "Keyword scorer against the LLM judge")
    for shown_summary, shown_judge in zip(summary, judge, strict=True):
        assert shown_judge["keyword score"] == shown_summary["mean score [95% CI]"].split(" ")[0], shown_judge
    vision = markdown_rows(markdown, "Vision: image cases")
    assert [(r["model"], r["mode"]) for r in vision] == [(a["model"], a["mode"]) for a in doc["aggregates"]["models"]]
    for row, shown in zip(doc["aggregates"]["vision"], vision, strict=True):
        assert shown["n"] == "6" and shown["accuracy % [95% CI]"].startswith(fmt(row["accuracy"]["estimate"]) + " [")


def markdown_rows(markdown: str, title: str) -> list[dict[str, str]]:
    """The rows of the pipe table under the heading `title`, as header -> cell text."""
    block = markdown.split(f"## {title}\n", 1)[1].split("\n#", 1)[0]
    lines = [line for line in block.splitlines() if line.startswith("|")]
    headers = [h.strip() for h in lines[0].strip("|").split(" | ")]
    return [dict(zip(headers, (c.strip() for c in line.strip("|").split(" | ")))) for line in lines[2:]]


def test_a_rag_score_with_no_case_run_both_ways_is_the_one_models_compared_shows():
    """A model run with RAG only: the RAG table's "score RAG" was the mean over answers leaving the errored one out
    (400 / 5 = 80.0), where its note says an errored sample counts as 0 and "Models compared" shows the mean over
    cases with it as 0 (q0: 100, q1: 50, q2: 50 -> 66.7)."""
    cases = [answer("a", "q0", 100.0, "rag", sample=s) for s in range(2)]
    cases += [answer("a", "q1", 100.0, "rag"), errored(answer("a", "q1", 0.0, "rag", sample=1))]
    cases += [answer("a", "q2", 0.0, "rag"), answer("a", "q2", 100.0, "rag", sample=1)]
    doc = document(cases)
    (rag,) = rows(section(doc, "rag"))
    (compared,) = rows(section(doc, "models"))
    assert rag["score RAG"] == "66.7" and compared["score [95% CI]"].startswith("66.7 ["), (rag, compared)


def test_an_interval_bound_is_stored_precisely_enough_to_be_rounded_once():
    """A TTFT bound of 0.12351 s was stored at 4 digits (0.1235) and then shown at 3: "0.123" where the value is
    0.124 - rounded twice, like the means before. Bounds are stored at 6 digits, so the report rounds once."""
    from pytest_llmeval.stats.intervals import Interval

    stored = Interval(0.1234, 0.12351, 0.2, n=8, n_samples=8, method="order statistic").to_dict()
    assert f"{stored['low']:.3f}" == f"{0.12351:.3f}" == "0.124"
    assert stored["low"] == 0.12351
