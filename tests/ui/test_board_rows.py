"""What a board row says beyond its numbers: a stale snapshot's age, one precision per column,
the figure the board is sorted by (issue #20: #7, #8, #10)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from ssi_tui.importer import run_import
from ssi_tui.options import ViewOptions
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.widgets.board_table import BoardTable
from tests.ui.helpers import header_line, visible_lines, wait_for_board

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def history_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("history") / "history.duckdb"
    run_import(db, [FIXTURES / "history.csv"])
    return db


@pytest.fixture
def history_db(history_master: Path, tmp_path: Path) -> Path:
    db = tmp_path / "history.duckdb"
    shutil.copyfile(history_master, db)
    return db


def _line_of(pilot, name: str) -> str:  # type: ignore[no-untyped-def]
    return next(line for line in visible_lines(pilot) if name in line)


def _is_dim(pilot, name: str) -> bool:  # type: ignore[no-untyped-def]
    table = pilot.app.screen.query_one(BoardTable)
    index = next(i for i, row in enumerate(table.rows) if row.name == name)
    strip = table.render_line(index - table.scroll_offset.y)
    return all(segment.style.dim for segment in strip if segment.text.strip())


async def test_a_stale_row_is_dimmed_with_its_age_and_no_change(history_db: Path) -> None:
    """Two weeks after the last import, Ana's +3 is not shown as this week's change."""
    options = ViewOptions(as_of=dt.date(2026, 2, 2))
    async with SsiApp(history_db, options=options).run_test(size=(160, 20)) as pilot:
        await wait_for_board(pilot)
        ana = _line_of(pilot, "Ana Lima")
        assert "2w old" in ana and "+3" not in ana
        assert _is_dim(pilot, "Ana Lima")


async def test_a_current_row_is_not_dimmed_and_its_change_has_one_decimal(
    history_db: Path,
) -> None:
    async with SsiApp(history_db).run_test(size=(160, 20)) as pilot:
        await wait_for_board(pilot)
        assert " +3.0 " in _line_of(pilot, "Ana Lima")  # not `+3` beside a `+1.5`
        assert not _is_dim(pilot, "Ana Lima")
        eve = _line_of(pilot, "Eve Park")  # her 01-05 snapshot on the board of 01-19
        assert "2w old" in eve and _is_dim(pilot, "Eve Park")
        assert "Δ wk" in header_line(pilot)
