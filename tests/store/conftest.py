"""Shared fixtures of the store tests: a database built from tests/fixtures, and table dumps."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

TableDump = dict[str, list[tuple]]


def dump_tables(db: Path) -> TableDump:
    """Every table of the file with all its rows, sorted: 'logically equal' made checkable."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = 'main' ORDER BY table_name"
            ).fetchall()
        ]
        return {
            name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }
    finally:
        conn.close()


@pytest.fixture
def dump() -> Callable[[Path], TableDump]:
    return dump_tables


@pytest.fixture(scope="session")
def history_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/history.csv (12 snapshots of 6 reps) imported once per session."""
    from ssi_tui.importer import run_import

    db = tmp_path_factory.mktemp("template") / "history.duckdb"
    report = run_import(db, [FIXTURES / "history.csv"])
    assert report.total("added") == 12
    return db


@pytest.fixture
def history_db(history_template: Path, tmp_path: Path) -> Path:
    """A private copy of the history database, free to modify."""
    db = tmp_path / "team.duckdb"
    shutil.copyfile(history_template, db)
    return db
