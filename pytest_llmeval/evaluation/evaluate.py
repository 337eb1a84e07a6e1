"""Ask one scenario case of one model and score it: plain Python, no pytest.

Mode "norag" asks the question as is; mode "rag" first retrieves context with a `HybridRetriever`,
asks through the RAG prompt template, and lets the echo guard also discount long verbatim copies
of the retrieved context. A failed request is not an exception here: it becomes a `CaseResult`
with an `error` and no score, so every case asked is recorded.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..serving.client import ChatClient, Completion, LLMRequestError, hide_secrets, hide_secrets_in
from .case_model import Case
from .scoring import Score, valid_score

if TYPE_CHECKING:
    from ..rag import HybridRetriever, Retrieval
    from .judge import Judge

# (case, answer, copied sources) -> Score; the default is key-point coverage with the echo guard.
Scorer = Callable[[Case, str, Mapping[str, str]], Score]


def default_scorer(case: Case, answer: str, sources: Mapping[str, str]) -> Score:
    """The case's own scorer (`scorer:` in the YAML; key-point coverage by default)."""
    from .scorers import score_case

    return score_case(case, answer, sources)


@dataclass
class CaseResult:
    """One asked case (one sample of it); `record()` is what results.json stores."""

    model: str
    case: Case
    mode: str
    score: Score | None
    completion: Completion | None
    sample: int = 0
    error: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    assert_with: str = "keyword"  # "judge": the judge's grade decides pass/fail

    @property
    def keyword_passed(self) -> bool:
        return self.error is None and self.score is not None and self.score.passed

    @property
    def passed(self) -> bool:
        if self.error is not None:
            return False
        if self.assert_with == "judge":
            return bool((self.extra.get("judge") or {}).get("passed"))
        return self.keyword_passed

    @property
    def errored(self) -> bool:
        return self.error is not None

    def failure_message(self) -> str:
        head = f"[{self.model}, {self.mode}" + (f", sample {self.sample}" if self.sample else "") + "] "
        if self.error is not None:
            stage = f" in {self.error['stage']}" if self.error.get("stage") else ""
            return head + f"{self.case.id}: ERROR{stage} ({self.error['type']}): {self.error['message']}"
        assert self.score is not None
        text = head + self.score.explain()
        judge = self.extra.get("judge")
        if judge:
            grade = "no grade" if judge.get("score") is None else f"{judge['score']:.0f}"
            verdict = "decides" if self.assert_with == "judge" else "recorded"
            text += f"\n  judge ({verdict}): {grade} - {judge.get('reason') or judge.get('error') or ''}"
        return text

    def record(self) -> dict[str, Any]:
        base: dict[str, Any] = {
            "model": self.model,
            "scenario_id": self.case.id,
            "suite": self.case.suite,
            "category": self.case.category,
            "mode": self.mode,
            "sample": self.sample,
            "case_hash": self.case.content_hash,
            "prompt_hash": self.case.prompt_hash,
            "question": self.case.question,
            "scorer_name": self.case.scorer,
            **({"images": len(self.case.images)} if self.case.images else {}),
            **({"max_tokens": self.case.max_tokens} if self.case.max_tokens else {}),  # the case's own budget
        }
        if self.score is not None:
            base.update(self.score.to_dict())
            base["answer"] = self.score.answer
        else:
            base.update(score=None, passed=False, threshold=self.case.threshold)
        if self.completion is not None:
            base["reasoning_chars"] = len(self.completion.reasoning)
            metrics = self.completion.metrics.to_dict()
            if self.completion.cached:  # from --llm-cache: no timing or token count enters this run's figures
                kept = {"finish_reason": metrics.get("finish_reason"), "cached": True}
                metrics = {name: None for name in metrics} | kept
            base.update(metrics)
        base.update(source=self.case.source, finished_at=time.time(), error=self.error, **self.extra)
        if self.assert_with == "judge":
            base.update(keyword_passed=self.keyword_passed, assert_with="judge")
        # an errored case (a stage after scoring failed: the judge) is not passed and has no score, like every
        # errored case: its keyword score is not the case's verdict (the answer is kept: a re-score grades it)
        base["passed"] = self.passed
        if self.error is not None:
            base["score"] = None
        return base


@dataclass
class RecordedResult:
    """A case finished by an earlier run and reused by --llm-resume: its verdict comes from its record."""

    record_data: dict[str, Any]

    @property
    def passed(self) -> bool:
        return bool(self.record_data.get("passed")) and not self.record_data.get("error")

    @property
    def score(self) -> Any:
        return None

    def failure_message(self) -> str:
        r = self.record_data
        return (
            f"[{r['model']}, {r.get('mode', 'norag')}] {r['scenario_id']}: FAILED in the resumed run, score "
            f"{r.get('score')} (threshold {r.get('threshold')}); missing: {', '.join(r.get('missing') or []) or '-'}"
        )

    def record(self) -> dict[str, Any]:
        return self.record_data


def build_messages(case: Case, user_content: str | None = None) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    if case.system:
        messages.append({"role": "system", "content": case.system})
    text = user_content if user_content is not None else case.question
    if case.images:
        parts: list[dict[str, Any]] = [{"type": "text", "text": text}]
        parts += [{"type": "image_url", "image_url": {"url": _image_url(p)}} for p in case.images]
        messages.append({"role": "user", "content": parts})
    else:
        messages.append({"role": "user", "content": text})
    return messages


def _image_url(path: str) -> str:
    """An image's data URL; an image unreadable now (changed since the case was collected) names its path."""
    from ..vision.images import ImageError, load_image

    try:
        return load_image(path).data_url()
    except (ImageError, OSError) as exc:
        raise ImageError(f"image {path}: {exc}") from None


STAGES = ("launch", "retrieval", "rerank", "request", "scoring", "judge")


def error_info(exc: BaseException, stage: str = "request", component: str = "") -> dict[str, Any]:
    """The `error` of a case record: the stage that failed (one of STAGES), type, message (no secret:
    messages name URL and model only), status. `component` names what failed (an embedder, a reranker)."""
    if isinstance(exc, LLMRequestError):
        return {"stage": stage, "type": exc.kind, "message": hide_secrets(str(exc)), "status": exc.status}
    message = hide_secrets(str(exc))[:500] or type(exc).__name__
    by = f" ({hide_secrets(component, urls=False)})" if component else ""  # a component spec is public already
    return {"stage": stage, "type": type(exc).__name__, "message": f"{stage}{by} failed: {message}", "status": None}


def evaluate_case(
    client: ChatClient,
    model: str,
    case: Case,
    max_tokens: int,
    temperature: float = 0.0,
    retriever: HybridRetriever | None = None,
    template: Path | None = None,
    sample: int = 0,
    scorer: Scorer | None = None,
    cache_salt: str | None = None,
) -> CaseResult:
    """Ask the model the case's question (with retrieved context when a retriever is given) and score it.

    Nothing raised while the case is evaluated escapes: a failure of any stage (retrieval, rerank, the
    request - an unreadable image included - or the scorer) becomes the case's `error`, naming the stage,
    and the case counts as not passed. What was measured before the failure (retrieval, the completion's
    metrics and answer) stays in the record."""
    score = scorer or default_scorer
    mode = "rag" if retriever is not None else "norag"
    sources: dict[str, str] = {"question": case.question, **({"system": case.system} if case.system else {})}
    extra: dict[str, Any] = {}
    user_content = None
    if retriever is not None:
        from ..rag import load_template, render_rag_prompt
        from ..rag.prompt import template_digest

        try:
            retrieval = retriever.retrieve(case.question)
        except Exception as exc:  # noqa: BLE001 - any failure of the stage is the case's recorded error
            # a rag.RetrievalError names its stage (retrieval or rerank) and component; read by attribute, so a
            # re-imported module's class (pytester, reloads) is recognised too
            stage = getattr(exc, "stage", None)
            if stage in STAGES and isinstance(getattr(exc, "cause", None), BaseException):
                info = error_info(exc.cause, stage, getattr(exc, "component", ""))  # type: ignore[attr-defined]
            else:
                info = error_info(exc, "retrieval")
            return CaseResult(model, case, mode, None, None, sample, info, extra)
        user_content = render_rag_prompt(case.question, retrieval.chunks, template, case.prompt_language)
        # The template's own instructions (e.g. 'say 不知道') are prompt text too: copying them is an echo.
        template_text = load_template(template, case.prompt_language)
        sources["template"] = template_text.replace("{context}", "\n").replace("{question}", "\n")
        sources["context"] = "\n".join(chunk.text for chunk in retrieval.chunks)
        extra = retrieval_record(retrieval, case)
        digest = getattr(retriever, "knowledge_digest", None)
        if isinstance(digest, str):  # what the knowledge base was: `rescore` names answers asked from another one
            extra["retrieval"]["knowledge"] = digest
        components = getattr(retriever, "components_digest", None)
        if isinstance(components, str):  # what it searched with: `rescore` names answers of another embedder/reranker
            extra["retrieval"]["components"] = components
        extra["retrieval"]["template"] = template_digest(template_text)  # `rescore` names answers asked with another
    try:
        messages = build_messages(case, user_content)
        salt: dict[str, Any] = {"cache_salt": cache_salt} if cache_salt else {}  # vLLM's prefix-cache salt
        completion = client.complete(
            messages, max_tokens=case.max_tokens or max_tokens, temperature=temperature, **salt
        )
    except Exception as exc:  # noqa: BLE001 - a failed request or an unreadable image: recorded, not raised
        return CaseResult(model, case, mode, None, None, sample, error_info(exc, "request"), extra)
    if retriever is not None and not completion.cached:
        extra["generation_ms"] = round(completion.metrics.e2e_s * 1000, 1)
    try:
        scored = score(case, completion.text, sources)
        if not isinstance(scored, Score):
            raise TypeError(f"the scorer returned {type(scored).__name__}, not a Score")
        valid_score(scored.score, f"the scorer {scored.scorer.get('name', '?')!r} gave case {case.id}")  # NaN, 150
    except Exception as exc:  # noqa: BLE001 - a scorer (or scorer hook) that raises: the answer is kept
        extra["answer"] = completion.text
        return CaseResult(model, case, mode, None, completion, sample, error_info(exc, "scoring"), extra)
    return CaseResult(model, case, mode, scored, completion, sample, None, extra)


def retrieval_against(retrieval: dict[str, Any], case: Case) -> dict[str, Any]:
    """A recorded retrieval's quality measured again against the case's current documents (a `documents:` fix
    re-scored without the model): the final ranking, BM25 and dense alone, and the reranked ranking; the fused
    stage's ids are not recorded, so its figures go."""
    k, expected = int(retrieval.get("k") or 1), tuple(case.documents)
    ranked = list(retrieval.get("doc_ids") or [])
    recorded = {"bm25": retrieval.get("bm25_doc_ids"), "dense": retrieval.get("dense_doc_ids")}
    stages = {name: list(ids) for name, ids in recorded.items() if ids is not None}
    if retrieval.get("rerank") == "ok":
        stages["reranked"] = ranked
    return {
        **retrieval,
        "expected_docs": list(expected),
        **_quality(ranked, expected, k),
        "stages": _stage_quality(stages, expected, k),
    }


def _stage_quality(stages: dict[str, list[str]], expected: tuple[str, ...], k: int) -> dict[str, Any]:
    """Each retrieval stage's quality against the expected documents (none without them)."""
    return {name: _quality(ids, expected, k) for name, ids in stages.items()} if expected else {}


def _quality(ranked: list[str], expected: tuple[str, ...], k: int) -> dict[str, float | None]:
    from ..rag import hit_at_k, mrr_at_k, ndcg_at_k, recall_at_k

    if not expected:
        return {"hit_at_k": None, "recall_at_k": None, "mrr_at_k": None, "ndcg_at_k": None}
    return {
        "hit_at_k": hit_at_k(ranked, expected, k),
        "recall_at_k": recall_at_k(ranked, expected, k),
        "mrr_at_k": mrr_at_k(ranked, expected, k),
        "ndcg_at_k": round(ndcg_at_k(ranked, expected, k), 4),
    }


def retrieval_record(retrieval: Retrieval, case: Case) -> dict[str, Any]:
    """What results.json keeps of one retrieval: ids, quality against the case's documents (final and per
    stage: BM25 alone, dense alone, fused, reranked when a reranker ran), timings."""
    from ..rag import overlap

    k = retrieval.k
    ranked = retrieval.doc_ids
    stages = {
        "bm25": list(retrieval.bm25_doc_ids),
        "dense": list(retrieval.dense_doc_ids),
        "fused": list(retrieval.fused_doc_ids),
    }
    if retrieval.rerank_status == "ok":
        stages["reranked"] = ranked
    both = overlap(retrieval.bm25_ids, retrieval.dense_ids, k)
    t = retrieval.timings
    return {
        "retrieval": {
            "k": k,
            "doc_ids": ranked,
            "chunk_ids": retrieval.chunk_ids,
            "expected_docs": list(case.documents),
            **_quality(ranked, case.documents, k),
            "bm25_doc_ids": list(retrieval.bm25_doc_ids),
            "dense_doc_ids": list(retrieval.dense_doc_ids),
            "bm25_dense_overlap": round(both.ratio, 4),
            "bm25_dense_overlap_count": both.count,
            "rerank": retrieval.rerank_status,
            "timings_ms": {name: round(value, 2) for name, value in asdict(t).items()},
            "stages": _stage_quality(stages, case.documents, k),
            "chunks": [
                {
                    "doc_id": c.doc_id,
                    "chunk_id": c.chunk_id,
                    "title": c.title,
                    "score": round(c.score, 4),
                    "text": c.text,
                }
                for c in retrieval.chunks
            ],
        },
        "retrieval_ms": round(t.total_ms, 2),
    }


def grade_by_judge(result: CaseResult, judge: Judge, answer: str) -> None:
    """The judge's grade of the answer in the result's `judge` field; a judge that raises, or gives no grade, is the
    case's error (stage "judge"). No secret enters the record (a reply may echo the key)."""
    case = result.case
    try:
        verdict = judge.grade(case, answer)
    except Exception as exc:  # noqa: BLE001 - a judge that raises is the case's recorded error
        result.error = error_info(exc, "judge")
        return
    result.extra["judge"] = hide_secrets_in(verdict.record(judge.model, case.threshold))
    if verdict.score is None:  # the judge's request failed or its reply could not be read
        reason = hide_secrets(verdict.error or "the judge gave no grade")
        result.error = {"stage": "judge", "type": "judge", "status": None, "message": f"judge failed: {reason}"}


def no_judge_error(case: Case) -> dict[str, Any]:
    """The error of a judge-asserted case when no judge is set."""
    return {
        "stage": "judge",
        "type": "config",
        "status": None,
        "message": f"case {case.id} is asserted by the judge but no judge is set. Fix: pass --llm-judge URL@MODEL",
    }
