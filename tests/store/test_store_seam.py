"""Only the store touches a database connection: everything above it names queries, never SQL
or a driver's methods (the import-linter contract in pyproject.toml keeps DuckDB out)."""

from __future__ import annotations

import ast
from pathlib import Path

import ssi_tui

PACKAGE = Path(ssi_tui.__file__).resolve().parent
DRIVER_CALLS = frozenset(
    ("execute", "executemany", "fetchall", "fetchone", "register", "unregister", "sql", "cursor")
)
"""What a DB-API or DuckDB connection does that a Store does through its named queries."""


def _driver_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"{path.name}:{node.lineno} .{node.func.attr}("
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in DRIVER_CALLS
    ]


def test_no_module_above_the_store_calls_a_connection_directly() -> None:
    above = [p for p in PACKAGE.rglob("*.py") if (PACKAGE / "store") not in p.parents]
    assert len(above) > 50
    found = [call for path in sorted(above) for call in _driver_calls(path)]
    assert found == []


def test_the_check_sees_a_direct_call(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text("def f(conn):\n    return conn.execute('SELECT 1').fetchall()\n")
    assert sorted(_driver_calls(module)) == ["module.py:2 .execute(", "module.py:2 .fetchall("]
