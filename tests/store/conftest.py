"""Shared fixtures of the store tests: a database built from tests/fixtures, and table dumps."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from ssi_tui.store import Backend
from tests.db_helpers import TableDump, dump_tables

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def dump() -> Callable[[Path], TableDump]:
    return dump_tables


@pytest.fixture(scope="session")
def history_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/history.csv (12 snapshots of 6 reps) imported once per session."""
    from ssi_tui.importing.importer import run_import

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


@dataclass(frozen=True)
class StoreFactory:
    """One backend under test, and where to put a history of its own for each test."""

    backend: Backend
    new_location: Callable[[], str | Path]
    """A place for a history that does not exist yet."""


@pytest.fixture(params=["duckdb", "postgres"])
def store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> StoreFactory:
    """Each backend the store contract (test_store_contract.py) holds for: a DuckDB file, and a
    database on the tests' PostgreSQL server (tests/pg_server.py; skipped without one)."""
    if request.param == "postgres":
        from ssi_tui.store.postgres_store import PostgresBackend

        new_database = request.getfixturevalue("postgres_url")
        return StoreFactory(PostgresBackend(), new_database)
    from ssi_tui.store.duckdb_store import DuckDBBackend

    counter = iter(range(1_000))
    return StoreFactory(DuckDBBackend(), lambda: tmp_path / f"history{next(counter)}.duckdb")
