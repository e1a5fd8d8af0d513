"""The History screen (`H` on the board): every change listed, and the selected one undone."""

from __future__ import annotations

from pathlib import Path

import duckdb
from textual.pilot import Pilot
from textual.widgets import DataTable

from ssi_tui.importing.importer import run_import
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.history import HistoryScreen
from ssi_tui.ui.screens.leaderboard import LeaderboardScreen
from ssi_tui.ui.screens.undo_dialog import UndoConfirmScreen
from ssi_tui.ui.served import is_absent
from tests.db_helpers import dump_tables
from tests.ui.conftest import write_csv
from tests.ui.helpers import screen_text, visible_lines, wait_for_board, wait_until

WEEK = [
    "2026-11-23,zz@x.example,Zed Top,SMB,25,25,25,25,100",
    "2026-11-23,yy@x.example,Yan Low,SMB,1,1,1,1,4",
]


async def _open_history(pilot: Pilot) -> HistoryScreen:
    await wait_for_board(pilot)
    await pilot.press("H")
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    await wait_until(pilot, lambda: screen.query_one(DataTable).row_count > 0)
    return screen


def _rows(screen: HistoryScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(y)] for y in range(table.row_count)]


async def test_undo_from_the_app_gives_back_the_earlier_board(
    sample_db: Path, tmp_path: Path
) -> None:
    async with SsiApp(sample_db).run_test(size=(120, 40)) as pilot:
        await wait_for_board(pilot)
        board_before = visible_lines(pilot)
    tables_before = dump_tables(sample_db)
    run_import(sample_db, [write_csv(tmp_path / "week.csv", WEEK)])
    async with SsiApp(sample_db).run_test(size=(120, 40)) as pilot:
        await wait_for_board(pilot)
        assert visible_lines(pilot) != board_before
        screen = await _open_history(pilot)
        rows = _rows(screen)
        assert [row[0] for row in rows] == ["#2", "#1"]  # newest first
        assert rows[0][2:4] == ["file import", "week.csv"]
        assert rows[0][4] == "2"  # added
        await pilot.press("u")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, UndoConfirmScreen))
        text = screen_text(pilot)
        assert "Would undo #2 file import 'week.csv'" in text
        assert "2 snapshots removed" in text
        assert "Zed Top, 2026-11-23: SSI 100 → removed" in text
        assert "rep Zed Top removed" in text
        await pilot.press("y")
        await wait_until(pilot, lambda: screen.undone_any and len(_rows(screen)) == 3)
        rows = _rows(screen)
        assert rows[0][2] == "undo" and rows[0][8] == "undoes #2"
        assert rows[1][8] == "undone by #3"
        await pilot.press("escape")
        board = await wait_for_board(pilot, loads=2)
        assert isinstance(pilot.app.screen, LeaderboardScreen) and board is pilot.app.screen
        await wait_until(pilot, lambda: visible_lines(pilot) == board_before)
        await pilot.app.workers.wait_for_complete()
    after = dump_tables(sample_db)
    for table in ("snapshots", "reps", "board_dates", "best_points", "rep_aliases"):
        assert after[table] == tables_before[table], table


async def test_cancel_undoes_nothing(sample_db: Path, tmp_path: Path) -> None:
    run_import(sample_db, [write_csv(tmp_path / "week.csv", WEEK)])
    unchanged = dump_tables(sample_db)
    async with SsiApp(sample_db).run_test(size=(120, 40)) as pilot:
        screen = await _open_history(pilot)
        await pilot.press("u")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, UndoConfirmScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: "Nothing undone." in screen_text(pilot))
        await pilot.press("u")  # and again, with enter on the focused Cancel button
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, UndoConfirmScreen))
        await pilot.press("enter")
        await wait_until(pilot, lambda: pilot.app.screen is screen)
        assert not screen.undone_any
    assert dump_tables(sample_db) == unchanged


async def test_a_refused_undo_says_why_as_it_is(sample_db: Path, tmp_path: Path) -> None:
    run_import(sample_db, [write_csv(tmp_path / "week.csv", WEEK)])
    fix = WEEK[0].replace(",100", ",99").replace("25,25,25,25", "25,25,25,24")
    run_import(sample_db, [write_csv(tmp_path / "fix.csv", [fix])])
    unchanged = dump_tables(sample_db)
    async with SsiApp(sample_db).run_test(size=(140, 40)) as pilot:
        screen = await _open_history(pilot)
        await pilot.press("down", "u")  # #2, the week the fix (#3) corrected
        expected = "undo #3 file import 'fix.csv' first"
        await wait_until(pilot, lambda: expected in screen_text(pilot))
        assert pilot.app.screen is screen  # no confirm: nothing to confirm
        refusals = [n.message for n in pilot.app._notifications if n.title == "Cannot undo"]
        assert len(refusals) == 1 and expected in refusals[0]
    assert dump_tables(sample_db) == unchanged


async def test_history_is_listed_in_help_and_absent_when_served(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(120, 40)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("question_mark")
        assert "Every change to the data" in screen_text(pilot)
    assert is_absent("history", served=True)
    assert not is_absent("history", served=False)


def _fixed_times(db: Path) -> None:
    """The changes at fixed times, so the screen looks the same on every run."""
    conn = duckdb.connect(str(db))
    try:
        conn.execute(
            "UPDATE changes SET made_at = TIMESTAMP '2026-11-23 09:00:00'"
            " + INTERVAL (change_id * 7) MINUTE"
        )
    finally:
        conn.close()


def test_history_screen_snapshot(snap_compare, sample_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run_import(sample_db, [write_csv(tmp_path / "week.csv", WEEK)])
    run_import(sample_db, [write_csv(tmp_path / "fix.csv", [WEEK[1].replace(",4", ",5")])])
    _fixed_times(sample_db)

    async def open_history(pilot: Pilot) -> None:
        await _open_history(pilot)
        # The rows are in before the columns are measured again for them: wait for the frame.
        await wait_until(pilot, lambda: "2026-11-23 09:21" in screen_text(pilot))

    assert snap_compare(SsiApp(sample_db), terminal_size=(100, 24), run_before=open_history)
