"""Every relative import in the package names a module and a name that exist - including the imports inside
functions, which run only when their code does (mypy's `ignore_missing_imports` lets a wrong one through, and
a module moved into a package shifts their level: `from .rag` in `config/` is `from ..rag`)."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pytest_llmeval"


def relative_imports(package: Path) -> list[tuple[str, int, str, str]]:
    """(file, line, absolute module, name) of each `from .x import name` under `package`."""
    found = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        folder = list(parts[:-1])
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = folder[: len(folder) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
                where = str(path.relative_to(package.parent))
                found += [(where, node.lineno, module, alias.name) for alias in node.names]
    return found


def unresolved(imports: list[tuple[str, int, str, str]]) -> list[str]:
    """The imports whose module cannot be imported or has no such name (nor a submodule of it)."""
    missing = []
    for where, line, module, name in imports:
        try:
            loaded = importlib.import_module(module)
        except ImportError as exc:
            missing.append(f"{where}:{line}: {module} ({exc})")
            continue
        if not hasattr(loaded, name):
            try:
                importlib.import_module(f"{module}.{name}")
            except ImportError:
                missing.append(f"{where}:{line}: {module} has no {name}")
    return missing


def test_every_relative_import_of_the_package_resolves() -> None:
    imports = relative_imports(PACKAGE)
    assert len(imports) > 500  # the walk found the package's imports
    assert not unresolved(imports), "\n".join(unresolved(imports))


def test_an_import_one_level_short_inside_a_function_is_named(tmp_path: Path) -> None:
    """`from .rag.prompt import ...` inside a function of pytest_llmeval/config/checks.py reads
    pytest_llmeval.config.rag.prompt, which does not exist; `from ..rag.prompt` resolves."""
    folder = tmp_path / "pytest_llmeval" / "config"
    folder.mkdir(parents=True)
    body = "def f():\n    from .rag.prompt import PLACEHOLDERS\n    from ..rag.prompt import PLACEHOLDERS as P\n"
    (folder / "checks.py").write_text(body, encoding="utf-8")
    imports = relative_imports(tmp_path / "pytest_llmeval")
    assert [module for _, _, module, _ in imports] == ["pytest_llmeval.config.rag.prompt", "pytest_llmeval.rag.prompt"]
    (problem,) = unresolved(imports)
    assert problem.startswith("pytest_llmeval/config/checks.py:2: pytest_llmeval.config.rag.prompt")
