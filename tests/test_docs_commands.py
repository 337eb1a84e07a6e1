"""What README.md and docs/*.md tell a user to type exists as written: every `--llm-*` / `--rag*` option and ini
key is one the plugin registers (with the choices and defaults the README's tables give), every
`python -m pytest_llmeval COMMAND` is a command that takes the options shown with it, every `python -m` module can
be imported, every repository path, link, anchor and test named is there, and every Python example names nothing it
does not define or import. A doc that drifts from the code fails here, not in a reader's terminal."""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from pytest_llmeval.__main__ import COMMANDS
from pytest_llmeval.__main__ import main as command_line
from pytest_llmeval.config import (
    DEFAULT_CACHE,
    DEFAULT_KNOWLEDGE_DIR,
    DEFAULT_MAX_TOKENS,
    OPTIONS,
    Option,
)
from pytest_llmeval.serving.embedded import EMBEDDED_ALIASES, EMBEDDED_MAX_TOKENS

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = [README, *sorted((ROOT / "docs").glob("*.md"))]
OPTION_BY_FLAG = {opt.flag: opt for opt in OPTIONS}

PLUGIN_FLAG = re.compile(r"(?<![\w-])--(?:llm|rag)(?:-[a-z0-9]+)*(?![\w-])")
REPO_PATH = re.compile(
    r"(?<![\w./-])((?:\.\./)?(?:scripts|benchmarks|docs|examples|tests|pytest_llmeval|scenarios|suites|\.ci)/[\w./-]*)"
)
MODULE_RUN = re.compile(r"python -m (pytest_llmeval(?:\.\w+)+)")
COMMAND_RUN = "python -m pytest_llmeval "
LINK = re.compile(r"\]\(([^)\s]+)\)")
INLINE_CODE = re.compile(r"`([^`]+)`")
FENCED_CODE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)

# options whose default is resolved after parsing (the option itself defaults to None): what the README's default
# column says, built from the constants the code resolves it with
RESOLVED_DEFAULTS = {
    "--llm-model": EMBEDDED_ALIASES[0],
    "--llm-max-tokens": f"{DEFAULT_MAX_TOKENS} ({EMBEDDED_MAX_TOKENS} for {EMBEDDED_ALIASES[0]})",
    "--llm-save": "model labels",
    "--llm-vllm-python": "this Python",
    "--rag-knowledge": DEFAULT_KNOWLEDGE_DIR,
    "--rag-template": "built in",
    "--llm-cache-path": DEFAULT_CACHE,
}


def doc_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def doc_lines(doc: Path) -> list[tuple[int, str]]:
    return list(enumerate(doc.read_text(encoding="utf-8").splitlines(), 1))


@functools.cache
def pytest_help() -> str:
    """`pytest --help` in an empty folder: the options and ini keys the installed plugin registers."""
    with tempfile.TemporaryDirectory() as empty:  # no project conftest or ini: the plugin's options alone
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--help"],
            capture_output=True,
            text=True,
            cwd=empty,
            # not a worker of this run's xdist, no PYTEST_ADDOPTS: the plugin's options as a user's pytest shows them
            env={name: value for name, value in os.environ.items() if not name.startswith("PYTEST_")},
            timeout=120,
        )
    assert run.returncode == 0, run.stderr
    return run.stdout


@functools.cache
def registered_flags() -> dict[str, set[str] | None]:
    """Each registered `--llm-*` / `--rag*` flag with its choices from --help (None when it has none)."""
    flags: dict[str, set[str] | None] = {}
    for match in re.finditer(r"^  (--(?:llm|rag)[\w-]*)(?:=\{([^}]*)\})?", pytest_help(), re.M):
        flags[match.group(1)] = set(match.group(2).split(",")) if match.group(2) else None
    return flags


@functools.cache
def registered_ini_keys() -> set[str]:
    return set(re.findall(r"^  ((?:llm|rag)\w*) \(\w+\):", pytest_help(), re.M))


@functools.cache
def command_help(command: str) -> str:
    """`python -m pytest_llmeval COMMAND --help`, run in this process."""
    out = io.StringIO()
    code: int | str | None
    with contextlib.redirect_stdout(out):
        try:
            code = command_line([command, "--help"])
        except SystemExit as exc:  # argparse's --help exits; some commands return its code instead
            code = exc.code
    assert code == 0, f"{command} --help exited {code}"
    return out.getvalue()


def code_spans(doc: Path) -> list[tuple[int, str]]:
    """(line, text) of every fenced block (continued lines joined) and inline code span, inline spans across a line
    break included."""
    text = doc.read_text(encoding="utf-8")
    spans: list[tuple[int, str]] = []
    for block in FENCED_CODE.finditer(text):
        body = re.sub(r"\\?\n(?=[ \t])", " ", block.group(2))  # a `\` or an indented line continues the command
        spans.append((text.count("\n", 0, block.start()) + 2, body))
    prose = FENCED_CODE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for span in INLINE_CODE.finditer(prose):
        spans.append((prose.count("\n", 0, span.start()) + 1, span.group(1).replace("\n", " ")))
    return spans


def command_invocations(doc: Path) -> list[tuple[int, str, list[str]]]:
    """(line, command, its option tokens) of every `python -m pytest_llmeval COMMAND ...` the doc shows."""
    found = []
    for line, span in code_spans(doc):
        for command_line_text in span.split("\n"):
            for part in command_line_text.split(COMMAND_RUN)[1:]:
                words = re.split(r"\s+#|;|&&|\|\|", part)[0].replace("[", " ").replace("]", " ").split()
                if words:
                    found.append((line, words[0], [w.split("=")[0] for w in words[1:] if w.startswith("-")]))
    return found


def table_rows(doc: Path) -> list[tuple[int, list[str]]]:
    """(line, cells) of every Markdown table row whose first cell names a plugin option."""
    rows = []
    for number, line in doc_lines(doc):
        if line.startswith("| `--"):
            cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
            rows.append((number, cells))
    return rows


def documented_default(text: str, opt: Option) -> bool:
    """Whether the README's default column states the option's default."""
    plain = text.replace("`", "").strip()
    if opt.flag in RESOLVED_DEFAULTS:
        return plain == RESOLVED_DEFAULTS[opt.flag]
    if plain == "-":
        return opt.default is None
    if isinstance(opt.default, (int, float)):
        try:
            return float(plain) == float(opt.default)
        except ValueError:
            return False
    return plain == opt.default


@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_every_option_a_doc_names_is_registered(doc: Path):
    unknown = [
        f"{doc_id(doc)}:{number}: {flag}"
        for number, line in doc_lines(doc)
        for flag in PLUGIN_FLAG.findall(line)
        if flag not in registered_flags()
    ]
    assert not unknown, "options the plugin does not register:\n" + "\n".join(unknown)


def test_every_registered_option_is_in_the_readme():
    named = set(PLUGIN_FLAG.findall(README.read_text(encoding="utf-8")))
    assert set(registered_flags()) - named == set(), "options the README does not document"


@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_the_choices_a_doc_lists_are_the_options_choices(doc: Path):
    wrong = []
    for number, line in doc_lines(doc):
        for flag, listed in re.findall(r"`(--[\w-]+)[ =]([\w-]+(?:\\?\|[\w-]+)+)`", line):
            choices = registered_flags().get(flag)
            if choices is not None and set(listed.replace("\\", "").split("|")) != choices:
                wrong.append(f"{doc_id(doc)}:{number}: {flag} {listed} (the option takes {sorted(choices)})")
    assert not wrong, "\n".join(wrong)


def test_the_readme_tables_give_each_options_default():
    wrong = []
    for number, cells in table_rows(README):
        flags = [flag for flag in PLUGIN_FLAG.findall(cells[0]) if flag in OPTION_BY_FLAG]
        defaults = cells[1].split(" / ")
        for index, flag in enumerate(flags):
            text = defaults[index] if len(defaults) == len(flags) else cells[1]
            if not documented_default(text, OPTION_BY_FLAG[flag]):
                wrong.append(f"README.md:{number}: {flag} default {text!r}, code {OPTION_BY_FLAG[flag].default!r}")
    assert table_rows(README), "no option table found in README.md"
    assert not wrong, "\n".join(wrong)


def test_the_readme_tables_say_which_options_repeat():
    wrong = []
    for number, cells in table_rows(README):
        said = "repeatable" in " ".join(cells)
        for flag in PLUGIN_FLAG.findall(cells[0]):
            if flag in OPTION_BY_FLAG and OPTION_BY_FLAG[flag].repeat != said:
                what = "repeats" if OPTION_BY_FLAG[flag].repeat else "takes one value"
                wrong.append(f"README.md:{number}: {flag} {what}, the row says {'so' if said else 'not'}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_every_ini_key_a_doc_names_is_registered(doc: Path):
    unknown = []
    for number, line in doc_lines(doc):
        if "ini" not in line:
            continue
        for key in re.findall(r"`((?:llm|rag)(?:_[a-z_]+)?\*?)(?: = [^`]*)?`", line):
            keys = registered_ini_keys()
            known = any(k.startswith(key[:-1]) for k in keys) if key.endswith("*") else key in keys
            if not known:
                unknown.append(f"{doc_id(doc)}:{number}: {key}")
    assert not unknown, "ini keys the plugin does not register:\n" + "\n".join(unknown)


@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_every_command_a_doc_shows_exists_with_its_options(doc: Path):
    wrong = []
    for number, command, options in command_invocations(doc):
        if command not in COMMANDS:
            wrong.append(f"{doc_id(doc)}:{number}: python -m pytest_llmeval {command}: no such command")
            continue
        accepted = set(re.findall(r"(?<![\w-])(--?[a-z][\w-]*)", command_help(command)))
        wrong += [f"{doc_id(doc)}:{number}: {command} {opt}: not an option" for opt in options if opt not in accepted]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_every_module_a_doc_runs_with_python_m_exists(doc: Path):
    missing = [
        f"{doc_id(doc)}:{number}: {module}"
        for number, line in doc_lines(doc)
        for module in MODULE_RUN.findall(line)
        if importlib.util.find_spec(module) is None
    ]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_every_repository_path_a_doc_names_exists(doc: Path):
    missing = []
    for number, line in doc_lines(doc):
        for path in REPO_PATH.findall(line):
            path = path.rstrip(".,")
            if not (ROOT / path).exists() and not (doc.parent / path).exists():
                missing.append(f"{doc_id(doc)}:{number}: {path}")
    assert not missing, "\n".join(missing)


def heading_anchors(doc: Path) -> set[str]:
    """GitHub's anchors for the doc's headings: lowercased, punctuation but '-' and '_' dropped, spaces to '-'."""
    anchors: set[str] = set()
    for _, line in doc_lines(doc):
        heading = re.match(r"#{1,6}\s+(.*)", line)
        if heading:
            slug = re.sub(r"[^\w\- ]", "", heading.group(1).replace("`", "").strip().lower()).replace(" ", "-")
            anchor, n = slug, 1
            while anchor in anchors:
                anchor, n = f"{slug}-{n}", n + 1
            anchors.add(anchor)
    return anchors


@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_every_link_and_anchor_of_a_doc_resolves(doc: Path):
    broken = []
    for number, line in doc_lines(doc):
        for target in LINK.findall(line):
            if re.match(r"[a-z]+:", target):
                continue  # http(s), mailto
            path, _, anchor = target.partition("#")
            linked = (doc.parent / path).resolve() if path else doc
            if not linked.exists():
                broken.append(f"{doc_id(doc)}:{number}: {target}: no such file")
            elif anchor and linked.suffix == ".md" and anchor not in heading_anchors(linked):
                broken.append(f"{doc_id(doc)}:{number}: {target}: no such heading")
    assert not broken, "\n".join(broken)


@functools.cache
def defined_test_names() -> set[str]:
    names: set[str] = set()
    for source in [*(ROOT / "tests").rglob("*.py"), *(ROOT / "scenarios").rglob("*.py")]:
        names.update(re.findall(r"^\s*(?:async )?def (test_\w+)", source.read_text(encoding="utf-8"), re.M))
    return names


def cited_test_exists(file: str, name: str) -> bool:
    """Whether `file::name` (or a bare `name`, anywhere in tests/ or scenarios/) is a test function."""
    if not file:
        return name in defined_test_names()
    source = ROOT / file
    return source.is_file() and re.search(rf"def {name}\b", source.read_text(encoding="utf-8")) is not None


@pytest.mark.parametrize("doc", DOCS, ids=doc_id)
def test_every_test_a_doc_cites_exists(doc: Path):
    missing = []
    for number, line in doc_lines(doc):
        for file, name in re.findall(r"`(?:(tests/[\w/]+\.py)::)?(test_\w+)`", line):
            if not cited_test_exists(file, name):
                missing.append(f"{doc_id(doc)}:{number}: {file + '::' if file else ''}{name}")
    assert not missing, "\n".join(missing)


def test_every_python_example_defines_or_imports_what_it_uses(tmp_path: Path):
    """A reader copies a ```python block as it is: a name it neither imports nor defines (`os`, `Path`) is a
    NameError. Checked with ruff's undefined-name and syntax rules, no project settings."""
    ruff = shutil.which("ruff") or shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff is None:
        pytest.skip("ruff is not installed")
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for block in FENCED_CODE.finditer(text):
            if block.group(1) == "python":
                line = text.count("\n", 0, block.start()) + 2
                (tmp_path / f"{doc.stem}_line{line}.py").write_text(block.group(2), encoding="utf-8")
    assert list(tmp_path.iterdir()), "no Python example found"
    run = subprocess.run(
        [ruff, "check", "--isolated", "--select", "F821,E9", "--output-format", "concise", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
