"""The layers of ``planwatch`` import only downward:
extraction → store → monitor → export → report → web → cli.

Extraction (readers, pipeline, extractors, ``planwatch.projects``: pure functions of a
document) knows no database; ``Store`` is persistence (``planwatch.store.projects`` writes,
links and corrects key projects with the facts); the monitoring questions are functions and
classes over it (``planwatch.monitor.projects`` lists key projects); reports and the web app
present their answers; the command line calls all of them.  A lower layer that imports a
higher one — even lazily inside a function, even under ``TYPE_CHECKING`` — makes a cycle and
lets a question drift back into the store, so every ``import`` statement of every module is
read with ``ast`` (nothing is imported to check it) and held to the table below.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import planwatch

PACKAGE = Path(planwatch.__file__).parent

# The layers above the base (readers, pipeline, extractors, key-project extraction …: rank 0),
# lowest first.  A module may import a module of its own rank or lower, never higher.
RANKS: dict[str, int] = {
    "planwatch.store": 1,
    "planwatch.monitor": 2,
    "planwatch.export": 3,
    "planwatch.report": 4,
    "planwatch.web": 5,
    "planwatch.cli": 6,
    "planwatch.__main__": 7,
}


def rank(module: str) -> int:
    """The layer of a dotted module name (``planwatch.monitor.series`` → 2; the base → 0)."""
    for prefix, r in RANKS.items():
        if module == prefix or module.startswith(prefix + "."):
            return r
    return 0


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every planwatch module a source names in an import, wherever the statement stands.

    ``from planwatch import monitor`` names ``planwatch.monitor`` (the imported name may be a
    submodule); relative imports are resolved against ``module``.
    """
    names: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return {n for n in names if n == "planwatch" or n.startswith("planwatch.")}


def upward_imports(path: Path) -> list[str]:
    """The imports of one file that reach a higher layer than its own."""
    module = module_name(path)
    source = path.read_text(encoding="utf-8")
    own = rank(module)
    return sorted(n for n in imported(source, module, is_package=path.name == "__init__.py") if rank(n) > own)


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_the_package_has_every_layer() -> None:
    # The table names real packages: a renamed layer must not make the check vacuous.
    names = {module_name(p) for p in MODULES}
    for prefix in RANKS:
        assert any(n == prefix or n.startswith(prefix + ".") for n in names), prefix


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_no_module_imports_a_higher_layer(path: Path) -> None:
    assert upward_imports(path) == []


def test_the_store_imports_no_layer_above_it() -> None:
    # Said outright for the layer this rule was made for (issue 12): persistence only.
    store = [p for p in MODULES if module_name(p).startswith("planwatch.store")]
    assert len(store) >= 5
    reached = set().union(*(imported(p.read_text(encoding="utf-8"), module_name(p)) for p in store))
    assert not {n for n in reached if rank(n) > rank("planwatch.store")}


def test_key_projects_are_extracted_below_the_store_stored_in_it_and_asked_above_it() -> None:
    # Issue 12 §5: the store and planwatch.projects imported each other (the ingest stored
    # mentions through planwatch.projects.store, which imported the store's records).
    extraction = [p for p in MODULES if module_name(p).startswith("planwatch.projects")]
    assert len(extraction) >= 5
    reached = set().union(*(imported(p.read_text(encoding="utf-8"), module_name(p)) for p in extraction))
    assert not {n for n in reached if rank(n) > 0}
    by_name = {module_name(p): p for p in MODULES}
    stored = imported(by_name["planwatch.store.projects"].read_text(encoding="utf-8"), "planwatch.store.projects")
    asked = imported(by_name["planwatch.monitor.projects"].read_text(encoding="utf-8"), "planwatch.monitor.projects")
    assert "planwatch.projects.extract" in stored and "planwatch.store.projects" in asked


def package_of(module: str) -> str:
    """The top-level package (or module) of ``planwatch`` a module belongs to."""
    return ".".join(module.split(".")[:2])


def test_no_import_cycle_runs_through_a_layer() -> None:
    # The rank table forbids these already; said as cycles, a failure names the two packages.
    edges: dict[str, set[str]] = {}
    for p in MODULES:
        source = package_of(module_name(p))
        for n in imported(p.read_text(encoding="utf-8"), module_name(p), is_package=p.name == "__init__.py"):
            if package_of(n) not in (source, "planwatch"):
                edges.setdefault(source, set()).add(package_of(n))

    def reach(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for nxt in edges.get(todo.pop(), set()) - seen:
                seen.add(nxt)
                todo.append(nxt)
        return seen

    layered = {package_of(prefix) for prefix in RANKS}
    cycles = sorted((a, b) for a, targets in edges.items() for b in targets if a in reach(b) and {a, b} & layered)
    assert cycles == []


# -- the checker itself: what it must catch and what it must let through ----------------------
LEAKS = {
    "lazy import in a method": "def f():\n    from planwatch.monitor.series import series\n",
    "under TYPE_CHECKING": "if TYPE_CHECKING:\n    from planwatch.monitor.targets import TargetAssessment\n",
    "module as a name": "from planwatch import monitor\n",
    "plain import": "import planwatch.report.model as m\n",
    "relative import": "from ..monitor import conflicts\n",
}


@pytest.mark.parametrize("source", LEAKS.values(), ids=list(LEAKS))
def test_the_checker_catches_an_upward_import(source: str) -> None:
    names = imported(source, "planwatch.store.core")
    assert any(rank(n) > rank("planwatch.store.core") for n in names), names


@pytest.mark.parametrize(
    "source",
    [
        "from planwatch.store.records import parse_period\n",
        "if TYPE_CHECKING:\n    from planwatch.store.core import Store\n",
    ],
)
def test_the_checker_catches_extraction_reaching_into_the_store(source: str) -> None:
    # The old cycle, as planwatch.projects.store wrote it.
    names = imported(source, "planwatch.projects.store")
    assert any(rank(n) > rank("planwatch.projects.store") for n in names), names


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("planwatch.monitor.targets", "from planwatch.store.records import parse_period\n"),
        ("planwatch.report.model", "from planwatch import monitor\n"),
        ("planwatch.web.service", "from planwatch.report import build_report\n"),
        ("planwatch.cli.store", "from planwatch.cli.app import main\nfrom planwatch import export\n"),
        ("planwatch.store.core", "from planwatch.store.backend import Backend\nimport json\n"),
        ("planwatch.store.projects", "from planwatch.projects.extract import extract_projects\n"),
        ("planwatch.monitor.projects", "from planwatch.store.projects import ProjectCorrections\n"),
    ],
)
def test_the_checker_lets_downward_imports_through(module: str, source: str) -> None:
    assert all(rank(n) <= rank(module) for n in imported(source, module))
