"""No module imports one that imports it back: the layout shows the data flow.

lint-imports checks the same with its contracts (pyproject.toml); this test reads the
sources itself, counts an import inside a function as much as one at the top (a cycle hidden
in a function is still a cycle), and says which modules go round.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def modules(root: Path, packages: tuple[str, ...]) -> dict[str, Path]:
    """Module name -> source file, for every module of the packages (a package is its __init__)."""
    out = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def import_graph(root: Path, packages: tuple[str, ...]) -> dict[str, set[str]]:
    """Module -> the modules of the packages it imports, anywhere in its source.

    Importing ``a.b.c`` runs ``a`` and ``a.b`` first, so it counts as importing them too,
    unless the importer is inside them (a package's own modules do not re-run it)."""
    known = modules(root, packages)
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: list[str] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets += [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    mod = ".".join(base + ([node.module] if node.module else []))
                else:
                    mod = node.module or ""
                targets += [f"{mod}.{a.name}" if f"{mod}.{a.name}" in known else mod for a in node.names]
        edges = set()
        for target in targets:
            parts = target.split(".")
            for i in range(1, len(parts) + 1):
                t = ".".join(parts[:i])
                if t in known and t != name and not name.startswith(t + "."):
                    edges.add(t)
        graph[name] = edges
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A list of modules each importing the next, the last the first; None when there is none."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for n in sorted(graph.get(m, ())):
            if state.get(n) == 1:
                return path[path.index(n) :] + [n]
            if n not in state and (found := visit(n)):
                return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_no_module_imports_one_that_imports_it_back():
    cycle = find_cycle(import_graph(ROOT, ("core", "exports", "ui")))
    assert cycle is None, "an import cycle: " + " -> ".join(cycle or [])


def test_a_cycle_hidden_in_a_function_is_found(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from pkg.sub.b import B\n")
    (pkg / "a.py").write_text("import os\n\n\ndef f():\n    from pkg.sub import b\n")
    (pkg / "sub" / "b.py").write_text("from ..a import f\nB = 1\n")
    graph = import_graph(tmp_path, ("pkg",))
    assert graph["pkg.a"] == {"pkg.sub", "pkg.sub.b"} and graph["pkg.sub.b"] == {"pkg.a"}
    assert find_cycle(graph) in (
        ["pkg.a", "pkg.sub", "pkg.sub.b", "pkg.a"],
        ["pkg.a", "pkg.sub.b", "pkg.a"],
    )
    (pkg / "a.py").write_text("import os\n")
    assert find_cycle(import_graph(tmp_path, ("pkg",))) is None


def test_signals_and_the_data_model_never_reach_a_reader():
    graph = import_graph(ROOT, ("core",))
    for start in ("core.signals", "core.models", "core.source", "core.records"):
        seen, todo = set(), [start]
        while todo:
            m = todo.pop()
            if m not in seen:
                seen.add(m)
                todo += graph[m]
        assert not {m for m in seen if m.startswith("core.ingest")}, start
