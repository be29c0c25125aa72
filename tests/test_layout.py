"""The shape of analysis/: one package per question, data flowing one way, no import circles.

Imports are read from the source (every `import analysis...` and `from analysis... import`, also
those inside functions), so a circle hidden in a lazy import is found too.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

ANALYSIS = ROOT / "analysis"
# Each package may import only the packages listed after it (and itself); the top level ties them.
LAYERS = {
    "world": set(),
    "ingest": {"world"},
    "numbers": {"world", "ingest"},
    "voices": {"world", "ingest"},
    "escalation": {"world", "ingest", "voices"},
    "figures": {"world", "ingest", "numbers", "voices"},
    "events": {"world", "ingest", "voices", "escalation"},
    "stance": {"world", "ingest", "numbers", "voices", "escalation", "figures", "events"},
}
# top-level modules a package may use: leaves that import nothing of ours
TOP_LEVEL_LIBRARIES = {"export", "schema"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The analysis modules `path` imports (a `from analysis.x import name` counts x.name when
    that is a module, else x)."""
    modules = {module_name(p) for p in ANALYSIS.rglob("*.py")}
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("analysis")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("analysis"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in modules else node.module)
    return found & modules


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in ANALYSIS.rglob("*.py")}


def package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else ""


def test_no_import_circles() -> None:
    edges = graph()
    # a package's __init__ re-exporting its own modules is not a circle back into it
    for name, targets in edges.items():
        edges[name] = {t for t in targets if not (name.startswith(t + ".") and t in edges)}
    circles, state = [], dict.fromkeys(edges, 0)

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges[node]):
            if state[target] == 1:
                circles.append(path[path.index(target) :] + [target])
            elif state[target] == 0:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(edges):
        if state[node] == 0:
            visit(node, [node])
    assert circles == []


def test_data_flows_one_way_between_packages() -> None:
    wrong = []
    for module, targets in graph().items():
        package = package_of(module)
        if not package:
            continue
        for target in targets:
            other = package_of(target)
            allowed = LAYERS[package] | {package} if other else TOP_LEVEL_LIBRARIES | {"analysis"}
            if (other or target.split(".")[-1]) not in allowed:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_layout_counts() -> None:
    top_modules = [p for p in ANALYSIS.glob("*.py")]
    packages = [p for p in ANALYSIS.iterdir() if (p / "__init__.py").exists()]
    assert len(top_modules) <= 10, sorted(p.name for p in top_modules)
    assert len(packages) >= 6
    assert sorted(p.name for p in packages) == sorted(LAYERS)


def test_modules_are_small_enough_to_read() -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in ANALYSIS.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert long == {}
