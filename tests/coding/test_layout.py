"""The coder's house: every coding module imports on its own, and imports form no cycle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import sitroom.coding

ROOT = Path(sitroom.coding.__file__).parent
PKG = "sitroom.coding"


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(ROOT.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join([PKG, *parts])] = path
    return out


def _imports(path: Path, modules: dict[str, Path]) -> tuple[set[str], list[str]]:
    """(coding modules imported at module level, coding imports made inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top: set[str] = set()
    late: list[str] = []

    def targets(node: ast.AST) -> set[str]:
        found = set()
        if isinstance(node, ast.Import):
            found = {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found = {node.module} | {f"{node.module}.{a.name}" for a in node.names}
        return {m for m in found if m in modules}

    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                late += sorted(targets(inner))
    for node in tree.body:
        if isinstance(node, ast.If):  # `if TYPE_CHECKING:` imports never run
            continue
        top |= targets(node)
    return top, late


def test_no_import_cycle_within_coding() -> None:
    modules = _modules()
    graph = {name: _imports(path, modules)[0] for name, path in modules.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt):], nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
    assert len(graph) > 20  # the walk saw the whole package, sub-packages included


def test_no_late_imports_of_coding_modules() -> None:
    """Imports inside functions hide cycles; only the package's lazy ``Coder`` attribute may."""
    modules = _modules()
    late = {name: _imports(path, modules)[1] for name, path in modules.items()}
    late.pop(PKG)  # ``sitroom.coding.Coder`` loads the coder on first use, keeping imports cheap
    assert {name: found for name, found in late.items() if found} == {}


def test_every_coding_module_imports_alone() -> None:
    names = sorted(_modules())
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    for m in [k for k in sys.modules if k.startswith('sitroom')]:\n"
        "        del sys.modules[m]\n"
        "    importlib.import_module(name)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
