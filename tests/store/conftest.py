"""Shared fixtures of the store tests: a database built from tests/fixtures, and table dumps."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

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
