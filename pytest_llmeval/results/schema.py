"""The results document (results.json), typed: one definition that the recorder writes, the renderers
read and `docs/results.schema.json` is generated from (`python -m pytest_llmeval schema`).

TypedDicts keep the document a plain dict (cheap to build, JSON as is); pydantic's TypeAdapter
validates a loaded file and generates the JSON Schema.
"""

from __future__ import annotations

from typing import Any, NotRequired

from typing_extensions import TypedDict  # noqa: UP035 - pydantic needs it on Python < 3.12

SCHEMA_VERSION = 2
RESULTS_FILE = "results.json"
CASES_FILE = "cases.jsonl"


class ErrorInfo(TypedDict):
    """Why a case has no score: the request or the server failed."""

    type: str  # e.g. "timeout", "connection", "http", "stream", "server_died"
    message: str
    status: int | None  # HTTP status when there was one
    log_tail: NotRequired[str | None]  # last lines of the server's log when the server died


class RetrievalStage(TypedDict):
    hit_at_k: float | None
    recall_at_k: float | None
    mrr_at_k: float | None
    ndcg_at_k: float | None


class RetrievalRecord(TypedDict):
    k: int
    doc_ids: list[str]
    chunk_ids: list[str]
    expected_docs: list[str]
    hit_at_k: float | None
    recall_at_k: float | None
    mrr_at_k: float | None
    ndcg_at_k: float | None
    bm25_doc_ids: list[str]
    dense_doc_ids: list[str]
    bm25_dense_overlap: float
    bm25_dense_overlap_count: int
    rerank: str  # "ok" (a reranker ran) or "skipped" (--rag-reranker none); a failed one is the case's error
    timings_ms: dict[str, float]
    stages: NotRequired[dict[str, RetrievalStage]]  # "bm25", "dense", "fused", "reranked"
    knowledge: NotRequired[str]  # the knowledge base's digest (documents, dictionaries, chunking) when it was asked
    components: NotRequired[str]  # the embedder's and reranker's digest (serving.identity.retrieval_components_digest)
    template: NotRequired[str]  # the RAG prompt template's digest (rag.prompt.template_digest) when it was asked


class JudgeRecord(TypedDict):
    model: str
    score: float | None
    passed: bool | None
    reason: str
    error: NotRequired[str | None]


class CaseRecord(TypedDict):
    """One (model, mode, case, sample): asked once, scored, recorded once."""

    model: str
    scenario_id: str
    suite: str
    category: str
    mode: str  # "norag" | "rag"
    sample: int  # 0.. with --llm-repeat
    case_hash: str  # content hash of the case as asked (question, key points, settings of the case)
    question: NotRequired[str]
    score: float | None  # None when the case errored
    passed: bool
    threshold: NotRequired[float]
    coverage: NotRequired[float]  # 0-100, like score
    covered: NotRequired[list[str]]
    missing: NotRequired[list[str]]
    echoed: NotRequired[list[str]]
    forbidden_found: NotRequired[list[str]]
    penalty: NotRequired[float]
    points: NotRequired[list[dict[str, Any]]]
    scorer: NotRequired[dict[str, Any]]
    answer: NotRequired[str]
    reasoning_chars: NotRequired[int]
    ttft_s: NotRequired[float | None]
    ttfat_s: NotRequired[float | None]  # time to the first *answer* token (differs from TTFT when thinking)
    e2e_s: NotRequired[float | None]
    prompt_tokens: NotRequired[int | None]
    output_tokens: NotRequired[int | None]
    reasoning_tokens: NotRequired[int | None]
    tpot_s: NotRequired[float | None]
    decode_tok_s: NotRequired[float | None]  # this request's 1 / TPOT
    finish_reason: NotRequired[str | None]
    max_tokens: NotRequired[int]  # the case's own generation budget (its `max_tokens:`), when it sets one
    source: NotRequired[str]
    finished_at: NotRequired[float]
    nodeid: NotRequired[str]
    worker: NotRequired[str]
    retrieval: NotRequired[RetrievalRecord]
    retrieval_ms: NotRequired[float]
    generation_ms: NotRequired[float]
    judge: NotRequired[JudgeRecord | None]
    error: NotRequired[ErrorInfo | None]
    cached: NotRequired[bool]  # --llm-cache: the answer came from the cache; timings and token counts are null
    prompt_hash: NotRequired[str]  # hash of what was asked (question, system, images, max tokens): see rescore
    rescore: NotRequired[dict[str, Any]]  # `rescore`: status (rescored, changed, missing, ...), previous score
    endpoint: NotRequired[str | None]  # the base URL that answered (userinfo and query removed)
    retry: NotRequired[dict[str, Any]]  # an endpoint fleet retried the case once: the endpoint that failed, why
    in_flight: NotRequired[int]  # --llm-concurrency: cases of the model asked at once; latency includes batching


class LaunchRecord(TypedDict):
    model: str
    attached: bool
    pid: int | None
    port: int | None
    base_url: NotRequired[str | None]
    source: NotRequired[str]
    path: NotRequired[str]
    log: NotRequired[str]
    ready_s: NotRequired[float]
    command: NotRequired[list[str]]
    started_at: NotRequired[float | None]
    stopped_at: NotRequired[float | None]
    exit_code: NotRequired[int | None]
    error: NotRequired[str]
    gpus: NotRequired[str | None]  # CUDA_VISIBLE_DEVICES the server was given (placement or --llm-gpus)
    endpoints: NotRequired[list[str]]  # an attached endpoint fleet's base URLs (userinfo and query removed)


class WarmupRecord(TypedDict):
    """A warm-up request (--llm-warmup) sent before a model's first measured case, in one process; excluded
    from every figure."""

    model: str
    index: int  # 0.. within the process
    worker: str  # "main" or the xdist worker id
    at: float  # epoch seconds when it was sent
    ttft_s: float | None
    e2e_s: float | None
    output_tokens: int | None
    error: str | None
    cache_salt: bool | None  # --llm-repeat > 1: the server took vLLM's cache_salt (False: refused; None: not asked)
    cache_salt_error: NotRequired[str]  # why the server refused it


class MemoryRecord(TypedDict, total=False):
    source: str  # "nvml" | "rss" | "none"
    peak_mib: float | None
    steady_mib: float | None
    samples: int


class RescoredRecord(TypedDict, total=False):
    """What `rescore` did (results/rescore.py): from which run, when, how many records ended in each status."""

    at: str
    counts: dict[str, int]
    changed: list[str]  # records asked differently now (not graded)
    not_in_run: list[str]  # current cases the run never asked
    missing: list[str]  # records whose case is in no scenario file now (removed or renamed; not graded)
    stale_verdicts: list[str]  # judge verdicts kept although the case changed since the judge graded it
    context_changed: list[str]  # RAG answers asked from a knowledge base, or by an embedder/reranker, changed since
    template_changed: list[str]  # RAG answers asked with a prompt template that has changed since
    judge: str
    judge_errors: int  # answers the judge given to rescore failed on (each the case's error)
    from_run_id: str  # the run_id of the run re-graded


class SelectionRecord(TypedDict, total=False):
    """How much of the suite the run covered (results/selection.py), counted in LLM case tests - one per model,
    mode and case (--llm-repeat samples run inside one): `collected` = `selected` + `deselected`; of the selected,
    `skipped` (by reason in `skip_reasons`) and `finished` (passed, failed or errored); the rest never ran (the run
    stopped first). `selected_by`: the options of the invocation that chose part of the suite (-k, -m, ...).
    `worker_crashes` (only when there were any): the tests a pytest-xdist worker crashed while running; a case test
    among them counts as finished (failed), and the words for the tests not run name the crash."""

    unit: str
    collected: int
    deselected: int
    selected: int
    skipped: int
    skip_reasons: dict[str, int]
    finished: int
    selected_by: list[str]
    worker_crashes: int


class RunInfo(TypedDict):
    run_id: NotRequired[str]  # new for every run written (pytest, rescore, merge); a copy keeps it
    started_at: str
    status: str  # "running" | "complete" | "degraded" (errors) | "interrupted" (Ctrl-C, SIGTERM, -x before the end)
    plugin: str
    plugin_version: str
    git_commit: str | None
    hardware: dict[str, Any]
    models: list[str]
    model_sources: dict[str, str]
    server_args: list[str]
    settings: dict[str, Any]  # Settings.describe(): every option's value, secrets removed
    rag: dict[str, Any]
    invocation: list[str]
    launches: list[LaunchRecord]
    finished_at: NotRequired[str]
    memory: NotRequired[dict[str, MemoryRecord]]
    degraded: NotRequired[list[dict[str, Any]]]  # models whose server died: label, exit code
    extra: NotRequired[dict[str, Any]]  # fields added by pytest_llmeval_run_info hooks
    saved_as: NotRequired[str]
    warmup: NotRequired[list[WarmupRecord]]  # warm-up requests, one list over models and processes
    shard: NotRequired[dict[str, Any]]  # --llm-shard: index, count, source, the suite's case order
    merged_from: NotRequired[list[dict[str, Any]]]  # `merge`: each shard's results.json, index, status
    placement: NotRequired[dict[str, Any]]  # --llm-placement auto: the plan (GPUs, waves)
    free_points: NotRequired[list[dict[str, Any]]]  # key points their own question gives away (evaluation/lint.py)
    rescored: NotRequired[RescoredRecord]  # `rescore`: the run re-graded without the model
    selection: NotRequired[SelectionRecord]  # what pytest collected, deselected, skipped and ran (LLM case tests)


class ModelAggregate(TypedDict, total=False):
    model: str
    mode: str
    cases: int  # distinct cases (n)
    samples: int  # records (cases x repeats)
    errors: int
    passed: int
    pass_rate: float | None
    mean_score: float | None
    decode_tok_s: float | None  # sum(output_tokens - 1) / sum(e2e_s - ttft_s) over the scored answers
    categories: dict[str, float | None]
    category_cases: dict[str, int]  # n of each category's mean (distinct cases scored)
    suites: dict[str, float | None]


class PairedDifferenceRecord(TypedDict, total=False):
    """A paired difference of mean scores (stats/paired.py PairedDifference): b - a over the same cases, with its
    interval and the exact sign-flip test. `significant` says only that this one interval leaves out 0 (its own test
    rejects at 1 - `confidence`): it is NOT corrected for the run's other comparisons - with several, one leaves out 0
    by chance more often than 1 time in 20 - and is no verdict. The verdicts the report draws are Holm-corrected
    and lie beside it: a model's RAG uplift `aggregates.rag[].uplift_holm.significant_holm`, a RAG category's
    `aggregates.rag[].categories.<name>.significant_holm`, a pair of models `aggregates.comparison.pairs[].verdict`
    (from `p_holm`)."""

    estimate: float | None
    low: float | None
    high: float | None
    n: int
    significant: bool
    """This one interval leaves out 0 - NOT corrected for the run's other comparisons, so no verdict: the verdict is
    Holm's, beside it (`uplift_holm.significant_holm`, a category's `significant_holm`, a model pair's `verdict`)."""
    p_value: float | None
    """Two-sided, not adjusted for the run's other comparisons (the adjusted one: `p_holm` beside it)."""
    p_at_floor: bool
    min_p: float | None  # the smallest p any outcome could give at this n
    method: str
    confidence: float


class PassChangeRecord(TypedDict, total=False):
    """The change of pass rate with RAG - without, in points, over the same cases: McNemar's exact test and its
    interval (fail_to_pass, pass_to_fail) when every case passed or failed whole, else the sign-flip test of the cases'
    shares passed (the fields of PairedDifferenceRecord). `significant` says only that this one interval leaves out 0:
    it is NOT corrected for the run's other models and comparisons, and the report draws no verdict from it."""

    fail_to_pass: int
    pass_to_fail: int
    estimate: float | None
    low: float | None
    high: float | None
    n: int
    significant: bool
    """This one interval leaves out 0 - NOT corrected for the run's other comparisons; the report draws no verdict
    from it."""
    p_value: float | None
    """Two-sided, not adjusted for the run's other comparisons."""
    p_at_floor: bool
    min_p: float | None
    method: str
    confidence: float


class HolmVerdict(TypedDict, total=False):
    """The correction over one family of a run's paired differences (results/aggregate.py holm_verdicts): the run's
    models' RAG uplifts, or every model's RAG categories. `significant_holm` is the verdict the report draws ("better"
    or "worse with RAG"); a difference whose n cannot give a significant p at all is outside the family
    (`outside_family`, `p_holm` null). With `joint` true the differences of a unit (the models' uplifts; a
    category's uplifts in every model) were tested jointly on their shared cases and Holm adjusted across the units
    (`stats.stepdown`); without it (a results.json written before), Holm over every member."""

    p_holm: float | None
    """The adjusted p: Holm across the family's units, max-T within a unit (null: outside the family, or no test)."""
    significant_holm: bool
    """The verdict: significant after the correction over the family (`p_holm` <= 0.05)."""
    family: int
    outside_family: bool
    joint: bool


class RagCategory(TypedDict, total=False):
    """One category of a model's RAG uplift: means without / with RAG over the category's paired cases (n), the
    uncorrected `uplift_interval` and, beside it, Holm's verdict over the run's categories (as HolmVerdict)."""

    norag: float | None
    rag: float | None
    uplift: float | None
    n: int
    uplift_interval: PairedDifferenceRecord
    p_holm: float | None
    """The p adjusted over every model's categories (as HolmVerdict; null: outside the family, or no test)."""
    significant_holm: bool
    """The verdict: significant after the correction (`p_holm` <= 0.05), not `uplift_interval.significant`."""
    family: int
    outside_family: bool
    joint: bool


class RagRow(TypedDict, total=False):
    """A model's scores without vs with RAG over the cases run both ways (results/aggregate.py rag_rows; more fields
    than named here). The intervals' `significant` is uncorrected; the verdict is `uplift_holm.significant_holm`."""

    model: str
    paired_cases: int
    uplift: float | None
    uplift_interval: PairedDifferenceRecord
    uplift_holm: HolmVerdict
    pass_change: float | None
    pass_change_interval: PassChangeRecord
    categories: dict[str, RagCategory]


class ModelPair(TypedDict, total=False):
    """Two models compared on the cases both ran in one mode (b - a). `difference.significant` is uncorrected; the
    verdict is `verdict`, from `p_holm` (over every pair and mode of the run, `family` of them: where `closed`, a
    closed test over every grouping of the models; else a pair's modes tested jointly on their cases, Holm across the
    pairs where `joint`; Holm over every pair and mode before)."""

    a: str
    b: str
    mode: str
    n: int
    difference: PairedDifferenceRecord | None
    p_value: float | None
    """Two-sided, not adjusted: the adjusted one is `p_holm`."""
    p_holm: float | None
    """The adjusted p over every pair and mode of the run (null: n cannot reach p 0.05, `outside_family`)."""
    verdict: str
    """"better", "worse" or "no significant difference", after the correction (not `difference.significant`)."""
    family: int
    """How many of the run's pairs x modes are in the family: those whose n can reach p 0.05 at all (Tarone's rule;
    before `joint`: every pair and mode)."""
    outside_family: bool
    """Left out of the family: no p at its n can reach 0.05 (`p_holm` null, verdict "no significant difference")."""
    joint: bool
    """True: a pair's modes were tested jointly and Holm went across the pairs in the family (`stats.stepdown`)."""
    closed: bool
    """True: three or four models, each on the same cases in a mode - every pair and mode in one closed test over the
    groupings of the models (`stats.closed_pairs`: pairs sharing a model tested together), `p_holm` the largest p of
    the groupings that join the pair in that mode."""


class ComparisonRow(TypedDict, total=False):
    """A row of the headline table: one model in one mode (more fields than named here). `uplift` on the rag row is
    the model's `aggregates.rag[].uplift_interval`; its verdict is that row's `uplift_holm.significant_holm`."""

    model: str
    mode: str
    uplift: PairedDifferenceRecord | None


class Comparison(TypedDict, total=False):
    """The headline table (`rows`, one per model and mode) and every pair of models compared (`pairs`)."""

    rows: list[ComparisonRow]
    pairs: list[ModelPair]


class GateMetric(TypedDict, total=False):
    """One metric of a model and mode compared with the baseline (compare/rules.py compare_group; more fields than
    named here). `significant` is the two-sided test of this metric alone, NOT corrected: the table's verdict is
    `verdict` (after Holm's correction over every quality metric, model and mode: `p_holm`), and whether the gate
    failed is decided by the rules (`rules`, `regressions`)."""

    n: int
    significant: bool
    """This one interval leaves out 0 - NOT corrected for the comparison's other metrics, models and modes, so no
    verdict: the verdict is `verdict` (from `p_holm`), the gate's decision `rules` and `regressions`."""
    p_value: float | None
    """Two-sided, not adjusted: the adjusted one is `p_holm`."""
    p_holm: float | None
    """The p adjusted by Holm's correction over every quality metric, model and mode compared."""
    verdict: str
    """"better", "worse" or "no significant difference" after Holm's correction (not `significant`)."""
    family: int


class GateGroup(TypedDict, total=False):
    """One model and mode compared with the baseline over the cases both runs asked (n)."""

    model: str
    mode: str
    n: int
    metrics: dict[str, GateMetric]


class GateComparison(TypedDict, total=False):
    """The comparison with a baseline (--llm-compare; `python -m pytest_llmeval compare`): more fields than named
    here (rules, regressions, problems, mismatches, summary)."""

    groups: list[GateGroup]
    exit_code: int
    summary: str


# the attribute docstrings above are those fields' descriptions in the JSON Schema (pydantic reads them when asked)
for _documented in (PairedDifferenceRecord, PassChangeRecord, HolmVerdict, RagCategory, ModelPair, GateMetric):
    setattr(_documented, "__pydantic_config__", {"use_attribute_docstrings": True})  # noqa: B010 - a TypedDict's own


class Aggregates(TypedDict):
    models: list[dict[str, Any]]
    rag: list[RagRow]
    comparison: NotRequired[Comparison]
    judge: NotRequired[list[dict[str, Any]]]
    vision: NotRequired[list[dict[str, Any]]]


class ResultsDocument(TypedDict):
    schema_version: int
    run: RunInfo
    cases: list[CaseRecord]
    aggregates: Aggregates
    benchmarks: list[dict[str, Any]]
    comparison: NotRequired[GateComparison | None]  # --llm-compare: the comparison with the baseline
    cost: NotRequired[dict[str, Any]]  # with --llm-prices: cost per 1,000 requests, local against API
    sizing: NotRequired[list[dict[str, Any]]]  # estimate of every launched model against measured memory


def json_schema() -> dict[str, Any]:
    """The JSON Schema of results.json, generated from the TypedDicts above; a field's trailing comment is its
    description where it has no attribute docstring (an editor shows it, and `to_pandas` users read it there)."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(ResultsDocument).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"pytest-llmeval results.json (schema_version {SCHEMA_VERSION})"
    comments = field_comments()
    for name, definition in [("ResultsDocument", schema), *schema.get("$defs", {}).items()]:
        for field, prop in (definition.get("properties") or {}).items():
            comment = comments.get(name, {}).get(field)
            if comment and "description" not in prop:
                prop["description"] = comment
    return schema


def field_comments() -> dict[str, dict[str, str]]:
    """The trailing comment of each TypedDict field in this module, by class and field name."""
    import ast
    import io
    import tokenize
    from pathlib import Path

    source = Path(__file__).read_text(encoding="utf-8")
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    comments = {token.start[0]: token.string.lstrip("#").strip() for token in tokens if token.type == tokenize.COMMENT}
    found: dict[str, dict[str, str]] = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        for item in node.body:
            line = item.end_lineno if isinstance(item, ast.AnnAssign) else None
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name) and line in comments:
                found.setdefault(node.name, {})[item.target.id] = comments[line]
    return found
