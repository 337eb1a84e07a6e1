"""pytest entry point (`pytest11`): options, hooks, parametrisation and fixtures. Thin on purpose.

A test asks for `llm_result` (or `llm_case`) and is parametrised over every model x scenario case,
with ids such as `test_scenario[qwen3-8b-roi_calculation]`. Each model's server is a session
fixture parametrised by model, so pytest runs one model's cases together and stops its server
before starting the next. The machinery lives in `session` and the plain libraries.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, cast

import pytest

from .config import add_options, load_settings

if TYPE_CHECKING:  # the machinery is imported when a run uses it, not at every pytest start
    from .evaluation.case_model import Case
    from .evaluation.evaluate import CaseResult
    from .evaluation.outcome import LLMResult
    from .rag import HybridRetriever
    from .serving.client import ChatClient
    from .serving.endpoint import Endpoint
    from .serving.models import ModelSpec
    from .session import LLMEvalSession

SESSION_KEY = pytest.StashKey["LLMEvalSession"]()
# --llm-shard: the collection found cases and this shard owns none of them (a complete shard without cases)
EMPTY_SHARD_KEY = pytest.StashKey[bool]()
EMPTY_SHARD_OUTPUT = "llmeval_empty_shard"  # how an xdist worker tells the controller (its workeroutput)


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    from . import hookspecs

    pluginmanager.add_hookspecs(hookspecs)


def pytest_addoption(parser: pytest.Parser) -> None:
    add_options(parser)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "llm_bench: a throughput benchmark; runs only with --llm-bench")
    _hide_secrets_in_debug_log(config)
    from .session import LLMEvalSession

    try:
        session = LLMEvalSession(config, load_settings(config))
    except pytest.UsageError as exc:  # an option's value quoted: never the credentials of a URL in it, nor a key
        from .config.loading import named_by_its_ini_key
        from .secrets_in_use import ini_texts, named_keys
        from .serving.credentials import public_message

        given = [str(arg) for arg in config.invocation_params.args] + ini_texts(config)
        # the session's own checks (--llm-compare's run, --llm-placement, --llm-judge) name an ini value's file too
        message = named_by_its_ini_key(config, str(exc))
        raise pytest.UsageError(public_message(message, named_keys(config), given)) from None
    config.stash[SESSION_KEY] = session
    config.pluginmanager.register(session, "llmeval-session")
    from .results.selection import SELECTION_PLUGIN, SelectionCounter  # run.selection: what of the suite ran

    config.pluginmanager.register(SelectionCounter(getattr(config, "workeroutput", None)), SELECTION_PLUGIN)
    if session.settings.shard is not None:  # run.shard records the suite's content and the run's root folder
        session.settings.shard.bind(session.cases, config.rootpath)


def _hide_secrets_in_debug_log(config: pytest.Config) -> None:
    """`pytest --debug` wrote the command line (a URL's credentials, a key given where its variable's name goes or
    to vLLM) before this plugin was loaded: written again without them, and so is every later line
    (`credentials.hide_secrets_in_debug_log`). The secrets are the session's (`secrets_in_use`) and every URL
    credential of the command line and the ini values, all of their query values (the raw text is shown)."""
    if not config.option.debug:
        return
    from .secrets_in_use import ini_texts, secrets_in_use
    from .serving.client import hide_secrets
    from .serving.credentials import MIN_SECRET_CHARS, credential_values, hide_secrets_in_debug_log, hide_values

    given = [str(arg) for arg in config.invocation_params.args] + ini_texts(config)
    secrets = credential_values(given) | {key for key in secrets_in_use(config).values if len(key) >= MIN_SECRET_CHARS}
    hide_secrets_in_debug_log(config.trace.root, lambda text: hide_values(hide_secrets(text), secrets))


@pytest.hookimpl(trylast=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    """A knowledge folder's files that are not read (a .pdf beside the .md files) are named at the start, as a
    warning: the documents are read, the rest was dropped in silence (results.json keeps it in run.rag.notes)."""
    config = session.config
    llmeval = config.stash.get(SESSION_KEY, None)
    if llmeval is None or hasattr(config, "workerinput") or llmeval.settings.rag.mode == "off":
        return
    from .rag.documents import unread_note

    note = unread_note(list(llmeval.settings.rag.knowledge))
    if note is not None:
        llmeval.progress(f"warning: --rag-knowledge: {note}")


def get_session(config: pytest.Config) -> LLMEvalSession:
    return config.stash[SESSION_KEY]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    session = get_session(metafunc.config)
    names = metafunc.fixturenames
    if "llm_model" in names:
        models = session.settings.models
        metafunc.parametrize("llm_model", models, indirect=True, scope="session", ids=[m.label for m in models])
    if "llm_case" in names and session.settings.rag.mode != "off":
        modes = session.settings.rag.modes
        metafunc.parametrize("llm_rag_mode", modes, ids=modes)
    if "llm_case" in names:
        from .evaluation.scenarios import ScenarioError
        from .vision.datasets import DatasetError

        try:
            cases = session.cases()
        except ScenarioError as exc:
            raise pytest.Collector.CollectError(f"invalid scenario file: {exc}") from None
        except DatasetError as exc:
            raise pytest.Collector.CollectError(f"invalid dataset: {exc}") from None
        if not cases:
            raise pytest.Collector.CollectError(
                f"no scenario cases found in {[str(p) for p in session.settings.scenario_paths]}. "
                "Fix: add YAML files to scenarios/ or pass --llm-scenarios"
            )
        from .config.checks import context_problem

        # before any server starts: a case asking more tokens than the server holds was refused by vLLM, one by one
        problem = context_problem(cases, session.settings)
        if problem is not None:
            raise pytest.Collector.CollectError(f"answer budget larger than the model's context: {problem}")
        metafunc.parametrize("llm_case", cases, ids=[c.id for c in cases])


@pytest.hookimpl(trylast=True)  # after -k/-m and the fixtures' reordering: the items that would run
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """--llm-shard: the other shards' cases are deselected (all models, modes and samples of a case together)."""
    shard = get_session(config).settings.shard
    if shard is None:
        return
    from .sharding import case_of, split_items

    keep, drop = split_items(items, shard)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
    if not keep and any(case_of(item) is not None for item in drop):
        # cases were collected and this shard owns none of them: a complete shard, not pytest's "no tests ran"
        # (a wrong path or a -k that selects nothing collects no case here, and keeps exit status 5)
        config.stash[EMPTY_SHARD_KEY] = True
        workeroutput = getattr(config, "workeroutput", None)
        if workeroutput is not None:  # an xdist worker: the controller writes the results
            workeroutput[EMPTY_SHARD_OUTPUT] = True


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook, on the controller: a worker finished
def pytest_testnodedown(node: Any, error: Any) -> None:
    if (getattr(node, "workeroutput", None) or {}).get(EMPTY_SHARD_OUTPUT):
        node.config.stash[EMPTY_SHARD_KEY] = True


@pytest.hookimpl(tryfirst=True)  # before the session's own, which writes the results of a run that has a recorder
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """--llm-shard K/N where K owns none of the collected cases (small suites, large N): the shard still writes its
    results.json - run.shard, no case, status complete - so `merge` finds every shard, and it exits 0, not 5."""
    config = session.config
    if not config.stash.get(EMPTY_SHARD_KEY, False) or config.option.collectonly:
        return
    llmeval = get_session(config)
    shard = llmeval.settings.shard
    if llmeval.is_worker or shard is None:
        return
    llmeval.ensure_recorder()
    llmeval.progress(
        f"shard {shard.label} owns none of the suite's {len(llmeval.cases())} case(s): it writes its results "
        "without a case (a complete shard for merge)"
    )
    if session.exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.OK


@pytest.fixture(scope="session")
def llmeval_session(pytestconfig: pytest.Config) -> LLMEvalSession:
    """The run's state: settings, scenario cases, servers and the results recorder."""
    return get_session(pytestconfig)


@pytest.fixture(scope="session")
def llm_model(request: pytest.FixtureRequest, llmeval_session: LLMEvalSession) -> ModelSpec:
    """The model under test (parametrised over every --llm-model)."""
    return getattr(request, "param", llmeval_session.settings.models[0])


@pytest.fixture(scope="session")
def llm_endpoint(llm_model: ModelSpec, llmeval_session: LLMEvalSession) -> Iterator[Endpoint]:
    """A running server for the model: launched (and stopped after its cases) or attached."""
    endpoint = llmeval_session.pool.acquire(llm_model)
    try:
        yield endpoint
    finally:
        llmeval_session.pool.release(llm_model.label)


@pytest.fixture(scope="session")
def llm_client(llm_endpoint: Endpoint, llm_model: ModelSpec, llmeval_session: LLMEvalSession) -> Iterator[ChatClient]:
    """A streaming chat client for the model's endpoint, measuring every request; warmed up (--llm-warmup)
    before it is handed out, once per model in each process."""
    from .serving.fleet import client_for  # a ChatClient, or a FleetClient over several endpoints

    settings = llmeval_session.settings
    # the fleet client has ChatClient's interface; typed as one for the code that takes a ChatClient
    timeout_s = settings.request_timeout_s
    client = cast("ChatClient", client_for(llm_endpoint, thinking=settings.thinking, timeout_s=timeout_s))
    llmeval_session.warm_up(client, llm_model.label)
    try:
        yield client
    finally:
        llmeval_session.inflight.close(client)  # its cases not yet asked are dropped, those in flight finish
        client.close()


@pytest.fixture
def llm_case(request: pytest.FixtureRequest) -> Case:
    """One scenario case (parametrised over every loaded case)."""
    return request.param


@pytest.fixture
def llm_rag_mode(request: pytest.FixtureRequest) -> str:
    """ "norag" or "rag" (parametrised over both with --rag, "rag" alone with --rag-mode=only)."""
    return getattr(request, "param", "norag")


@pytest.fixture(scope="session")
def llm_retriever(llmeval_session: LLMEvalSession) -> HybridRetriever:
    """The hybrid retriever over the knowledge base; its index is built once and cached on disk."""
    return llmeval_session.retriever()


@pytest.fixture
def llm_result(
    request: pytest.FixtureRequest,
    llm_case: Case,
    llm_model: ModelSpec,
    llm_rag_mode: str,
    llmeval_session: LLMEvalSession,
) -> LLMResult:
    """The case asked of the model (with retrieval in mode "rag"), measured and scored - once per run however
    many tests ask for it - and recorded in results.json. One type whatever the flags (`LLMResult`:
    `score` a number, `passed`, the completion metrics, `samples`, `failure_message()`)."""

    from .evaluation.evaluate import CaseResult, RecordedResult
    from .evaluation.outcome import LLMResult
    from .serving.server import ServerStartError
    from .session import RESULT_PROPERTY, WARMUP_PROPERTY
    from .xdist import RunStopping

    def attach(result: CaseResult) -> None:
        for warmup in llmeval_session.take_warmups():  # recorded in run.warmup, never as a case
            request.node.user_properties.append((WARMUP_PROPERTY, warmup))
        record = result.record()
        record["nodeid"] = request.node.nodeid
        record["worker"] = os.environ.get("PYTEST_XDIST_WORKER", "main")
        request.node.user_properties.append((RESULT_PROPERTY, record))

    results: list[Any] = []
    for sample in range(llmeval_session.settings.repeat):
        reused = llmeval_session.reused_record(llm_model.label, llm_rag_mode, llm_case, sample)
        if reused is not None:  # --llm-resume: the previous run finished this one; no server needed for it
            reused.update(nodeid=request.node.nodeid, worker=os.environ.get("PYTEST_XDIST_WORKER", "main"))
            request.node.user_properties.append((RESULT_PROPERTY, reused))
            results.append(RecordedResult(reused))
            continue
        try:  # the client starts the model's server when a request is sent: with --llm-cache, on the first miss
            results.append(
                llmeval_session.evaluate(
                    lambda: request.getfixturevalue("llm_client"),
                    llm_model.label,
                    llm_case,
                    llm_rag_mode,
                    sample=sample,
                    on_new=attach,
                )
            )
        except RunStopping as exc:  # -x/--maxfail reached under xdist: this test is not run
            pytest.skip(str(exc))
        except ServerStartError as exc:  # recorded as the case's error, the test fails with the reason
            failed = CaseResult(
                llm_model.label,
                llm_case,
                llm_rag_mode,
                None,
                None,
                sample,
                {"stage": "launch", "type": "launch", "message": str(exc).split("\n--- last lines")[0], "status": None},
            )
            attach(failed)
            results.append(failed)
    return LLMResult(llm_model.label, llm_rag_mode, llm_case.id, results)


@pytest.fixture
def llm_bench(
    request: pytest.FixtureRequest, llm_model: ModelSpec, llm_endpoint: Endpoint, llmeval_session: LLMEvalSession
) -> Callable[..., dict[str, Any]]:
    """Run the throughput benchmark against the model's server: `llm_bench(concurrency=4, ...)`.

    Settings come from --llm-bench-*; keyword arguments override BenchConfig fields. Memory is
    sampled during the run (NVML on a GPU, else the server tree's RSS). The result, with
    `vllm bench serve` field names under "summary", is recorded in results.json.
    """
    from .bench import run_benchmark
    from .serving.memory import MemorySampler
    from .session import BENCH_PROPERTY

    def run(**overrides: Any) -> dict[str, Any]:
        settings = llmeval_session.settings
        config = dataclasses.replace(settings.bench, **overrides)
        tokenizer_path = llmeval_session.server_model_path(llm_model.label)
        with MemorySampler(pid=llmeval_session.server_pid(llm_model.label)) as sampler:
            result = run_benchmark(llm_endpoint, config, tokenizer_path, progress=llmeval_session.progress)
        record = {"model": llm_model.label, "nodeid": request.node.nodeid, **result, "memory": sampler.result}
        request.node.user_properties.append((BENCH_PROPERTY, record))
        return record

    return run
