"""The coach imports nothing from Django or the rest of Evenly."""

from __future__ import annotations

import ast
from pathlib import Path

COACH_DIR = Path(__file__).resolve().parents[1]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
    return modules


def test_no_module_imports_django_or_other_evenly_apps() -> None:
    for path in COACH_DIR.rglob("*.py"):
        for module in _imported_modules(path):
            assert not module.startswith("django"), path
            assert module == "evenly.coach" or not module.startswith("evenly") or module.startswith("evenly.coach."), (
                path
            )
