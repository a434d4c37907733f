"""Imports between edlint's modules go one way: no cycles, function-level imports included.

Every module is parsed with ``ast`` (nothing is imported); each ``import`` / ``from ... import``
naming an edlint module is an edge, wherever it stands (module level, inside a function, in a
``try``). Only imports under ``if TYPE_CHECKING:`` are left out: they never run. A package's
``__init__`` importing its submodules is an edge; a submodule's implicit import of its parent
package is not (Python does that for every submodule, and it is never a design choice).

There is no allow-list: a cycle is fixed by moving the shared code down a layer (see
docs/architecture.md, "Import direction").
"""

from __future__ import annotations

import ast
import os

import edlint

ROOT = os.path.dirname(edlint.__file__)


def _modules() -> dict[str, str]:
    """module name -> file path, for every module of the package."""
    out = {}
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if d.isidentifier())
        pkg = os.path.relpath(folder, os.path.dirname(ROOT)).replace(os.sep, ".")
        for f in sorted(files):
            if f.endswith(".py"):
                out[pkg if f == "__init__.py" else f"{pkg}.{f[:-3]}"] = os.path.join(folder, f)
    return out


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST):
    """Import nodes that can run (everything but ``if TYPE_CHECKING:`` bodies)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        stack.extend(ast.iter_child_nodes(node))


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        is_pkg = path.endswith("__init__.py")
        with open(path, encoding="utf-8") as fh:
            tree = ast.parse(fh.read(), path)
        for node in _imports(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                if node.level:
                    base = name.split(".") if is_pkg else name.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    prefix = ".".join(base + ([node.module] if node.module else []))
                else:
                    prefix = node.module or ""
                targets.append(prefix)
                # `from pkg import sub` imports the submodule ``pkg.sub`` when there is one.
                targets += [f"{prefix}.{a.name}" for a in node.names]
            for t in targets:
                # The nearest module this name is (``edlint.rules.base.Rule`` -> rules.base).
                while t and t not in modules:
                    t = t.rpartition(".")[0]
                if t and t != name and t.startswith("edlint") and not name.startswith(t + "."):
                    graph[name].add(t)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    m = stack.pop()
                    on_stack.discard(m)
                    component.append(m)
                    if m == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out


def _a_path(graph: dict[str, set[str]], component: list[str]) -> str:
    """One concrete cycle inside a component, for the failure message."""
    members = set(component)
    start = component[0]
    seen = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(graph[node] & members):
            if nxt == start:
                return " -> ".join(seen[node] + [start])
            if nxt not in seen:
                seen[nxt] = seen[node] + [nxt]
                queue.append(nxt)
    return ", ".join(component)


def test_no_import_cycles():
    graph = import_graph()
    cycles = _cycles(graph)
    assert not cycles, "import cycles (function-level imports count):\n" + "\n".join(_a_path(graph, c) for c in cycles)


def test_the_graph_sees_function_level_imports():
    """The test above could pass by seeing nothing: check it sees a known lazy import."""
    graph = import_graph()
    assert "edlint.cache" in graph["edlint.engine.lint"]  # module level
    assert "edlint.rules.declarative.packs" in graph["edlint.engine.configs"]  # inside a method


def test_the_cycle_finder_finds_cycles():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _a_path(graph, ["a", "b", "c"]) == "a -> b -> c -> a"
