"""The board with its trends, read from PostgreSQL, equals the one read from the same history in
a DuckDB file (issue #24): the app's reads, which the CLI's leaderboard (no trends) leaves out."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ssi_tui.model.board import load_board
from tests.pg_server import copy_history

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def history_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ssi_tui.importing.importer import run_import

    db = tmp_path_factory.mktemp("history") / "history.duckdb"
    run_import(db, [FIXTURES / "history.csv"])
    return db


@pytest.mark.parametrize("as_of", [None, dt.date(2026, 1, 12), dt.date(2026, 1, 6)])
@pytest.mark.parametrize("team", [None, "Enterprise"])
def test_the_board_with_trends_is_the_same_on_both_backends(
    history_file: Path,
    tmp_path: Path,
    postgres_url: Callable[[], str],
    as_of: dt.date | None,
    team: str | None,
) -> None:
    path = tmp_path / "history.duckdb"
    shutil.copyfile(history_file, path)
    url = postgres_url()
    copy_history(path, url)
    options = {"as_of": as_of, "team": team, "with_trends": True, "exclude": ["bob stone"]}
    from_file = load_board(path, **options)
    assert len(from_file.rows) > 1 and any(row.trends for row in from_file.rows)
    assert load_board(url, **options) == from_file
