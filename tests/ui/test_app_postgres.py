"""The app on a history on a PostgreSQL server (issue #24): the board named by its URL without
the password, another terminal's import shown within five seconds, and a server that stops
and comes back told about, never a traceback."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from ssi_tui.boards import board_cache
from ssi_tui.boards.head_start import HeadStart
from ssi_tui.importing.importer import run_import
from ssi_tui.model.targets import list_targets
from ssi_tui.model.view import BoardView
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.entry_form import EntryFormScreen
from ssi_tui.ui.screens.history import HistoryScreen
from ssi_tui.ui.screens.import_dialog import ImportScreen
from ssi_tui.ui.screens.leaderboard import LeaderboardScreen
from ssi_tui.ui.screens.rep import RepScreen
from ssi_tui.ui.screens.rep_edit import RepEditScreen
from ssi_tui.ui.screens.standup import StandupScreen
from ssi_tui.ui.screens.targets_dialog import TargetsScreen
from ssi_tui.ui.screens.undo_dialog import UndoConfirmScreen
from ssi_tui.ui.widgets.history_table import HistoryTable
from tests.pg_server import PostgresServer
from tests.ui.conftest import write_csv
from tests.ui.helpers import screen_text, shown_names, wait_for_board

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LIVE_SECONDS = 5.0
"""The issue's bound: another manager's import is on the board within this long."""


@pytest.fixture
def server_history(postgres_url: Callable[[], str]) -> str:
    """tests/fixtures/history.csv imported into a new database on the test server."""
    url = postgres_url()
    run_import(url, [FIXTURES / "history.csv"])
    return url


def _with_password(url: str) -> str:
    return url.replace("postgres@", "postgres:s3cret@")


def _notices(pilot: Pilot) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in pilot.app._notifications]


def _board_starts_with(pilot: Pilot, name: str) -> bool:
    """The board is the screen again (a dialog closes once its write is done), NAME first."""
    return isinstance(pilot.app.screen, LeaderboardScreen) and shown_names(pilot)[:1] == [name]


async def _until(pilot: Pilot, seconds: float, ready: Callable[[], bool]) -> float:
    """Wait (letting the app run) until READY(), at most SECONDS; the seconds it took."""
    started = time.monotonic()
    while not ready():
        if time.monotonic() - started > seconds:
            raise AssertionError(f"not within {seconds} s")
        await pilot.pause(0.05)
    return time.monotonic() - started


def _import_elsewhere(url: str, tmp_path: Path) -> None:
    """Another terminal's `ssi-tui import URL file`: a newcomer tops the board."""
    newcomer = write_csv(
        tmp_path / "late.csv", ["2026-11-20,new@x.example,Newt Newcomer,SMB,25,25,25,24,99"]
    )
    done = subprocess.run(
        [sys.executable, "-m", "ssi_tui", "import", url, str(newcomer)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


async def test_the_board_of_a_server_is_named_by_its_url_without_the_password(
    server_history: str,
) -> None:
    async with SsiApp(_with_password(server_history)).run_test(size=(160, 40)) as pilot:
        screen = await wait_for_board(pilot)
        assert "Ana Lima" in shown_names(pilot)
        text = screen_text(pilot)
        assert server_history in text
        assert "s3cret" not in text
        assert screen.board is not None and len(screen.board.rows) == 6


async def test_another_terminals_import_is_on_the_board_within_five_seconds(
    server_history: str, tmp_path: Path
) -> None:
    async with SsiApp(server_history).run_test(size=(160, 40)) as pilot:
        await wait_for_board(pilot)
        assert "Newt Newcomer" not in shown_names(pilot)
        await asyncio.to_thread(_import_elsewhere, server_history, tmp_path)
        await _until(pilot, LIVE_SECONDS, lambda: "Newt Newcomer" in shown_names(pilot))
        assert shown_names(pilot)[0] == "Newt Newcomer"


async def test_the_stand_up_follows_another_terminals_import_too(
    server_history: str, tmp_path: Path
) -> None:
    app = SsiApp(server_history)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        screen = StandupScreen(server_history, rotate=0)
        await pilot.app.push_screen(screen)
        await _until(pilot, 10, lambda: screen.loads >= 1)
        await asyncio.to_thread(_import_elsewhere, server_history, tmp_path)
        await _until(pilot, LIVE_SECONDS, lambda: screen.loads >= 2)
        assert screen.standup is not None
        assert "Newt Newcomer" in [row.name for row in screen.standup.board.rows]


async def test_a_server_stopped_mid_session_is_told_and_the_board_comes_back_with_it(
    private_postgres_server: PostgresServer,
) -> None:
    url = private_postgres_server.new_database()
    run_import(url, [FIXTURES / "history.csv"])
    async with SsiApp(_with_password(url)).run_test(size=(160, 40)) as pilot:
        screen = await wait_for_board(pilot)
        names = shown_names(pilot)
        await asyncio.to_thread(private_postgres_server.stop)
        await _until(
            pilot, LIVE_SECONDS, lambda: ("Connection lost", _lost(url)) in _notices(pilot)
        )
        assert shown_names(pilot) == names  # the last board read stays up
        assert "s3cret" not in str(_notices(pilot))
        await pilot.press("j")  # the app still answers keys
        loads = screen.loads
        await asyncio.to_thread(private_postgres_server.start)
        try:
            await _until(pilot, LIVE_SECONDS * 2, lambda: screen.loads > loads)
        except AssertionError:
            raise AssertionError(str(_notices(pilot))) from None
        assert ("Connection back", f"Connected to {url} again.") in _notices(pilot)
        assert not [n for n in _notices(pilot) if n[0] == "Connection lost"]
        assert isinstance(pilot.app.screen, LeaderboardScreen)
        assert shown_names(pilot) == names
    assert pilot.app.return_code in (None, 0)


def _lost(url: str) -> str:
    return f"Lost the connection to {url}; retrying. The board shown is the last one read."


# -- the screens over the board, on a URL ----------------------------------------------------


def _board_screen(pilot: Pilot) -> LeaderboardScreen:
    return next(s for s in pilot.app.screen_stack if isinstance(s, LeaderboardScreen))


async def test_the_drill_down_shows_a_reps_history_from_the_server(server_history: str) -> None:
    async with SsiApp(server_history).run_test(size=(120, 40)) as pilot:
        await wait_for_board(pilot)
        assert shown_names(pilot)[0] == "Ana Lima"
        await pilot.press("enter")
        await _until(pilot, 10, lambda: isinstance(pilot.app.screen, RepScreen))
        screen = pilot.app.screen
        assert isinstance(screen, RepScreen)
        await _until(pilot, 10, lambda: screen.detail is not None)
        await _until(pilot, 10, lambda: screen.query_one(HistoryTable).row_count == 3)
        text = screen_text(pilot)
        assert "Ana Lima" in text and "2026-01-05" in text


async def test_edit_rep_renames_on_the_server_and_names_the_url_to_undo_with(
    server_history: str,
) -> None:
    async with SsiApp(_with_password(server_history)).run_test(size=(110, 36)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("enter")
        await _until(pilot, 10, lambda: isinstance(pilot.app.screen, RepScreen))
        await pilot.press("e")
        await _until(pilot, 10, lambda: isinstance(pilot.app.screen, RepEditScreen))
        dialog = pilot.app.screen
        assert isinstance(dialog, RepEditScreen)
        await _until(pilot, 10, lambda: dialog.snapshots is not None)
        await pilot.press("end", "ctrl+u", *"Ana", "space", *"Souza")
        await pilot.press("enter")
        await _until(pilot, 10, lambda: isinstance(pilot.app.screen, RepScreen))
        said = [message for title, message in _notices(pilot) if title == "Rep changed"]
        assert said and said[0].startswith("Renamed Ana Lima (ana@acme.example) to Ana Souza.")
        assert f"Undo: ssi-tui undo {server_history} " in said[0] and "s3cret" not in said[0]
        await pilot.press("escape")
        await _until(pilot, 10, lambda: "Ana Souza" in shown_names(pilot))


async def test_history_lists_the_servers_changes_and_undo_gives_back_the_board(
    server_history: str, tmp_path: Path
) -> None:
    run_import(server_history, [write_csv(tmp_path / "week.csv", [NEWCOMER])])
    async with SsiApp(server_history).run_test(size=(120, 40)) as pilot:
        await wait_for_board(pilot)
        assert shown_names(pilot)[0] == "Newt Newcomer"
        await pilot.press("H")
        screen = pilot.app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one(DataTable)
        await _until(pilot, 10, lambda: table.row_count == 2)
        assert str(table.get_row_at(0)[3]) == "week.csv"
        await pilot.press("u")
        await _until(pilot, 10, lambda: isinstance(pilot.app.screen, UndoConfirmScreen))
        await pilot.press("y")
        await _until(pilot, 10, lambda: screen.undone_any and table.row_count == 3)
        await pilot.press("escape")
        await _until(pilot, 10, lambda: "Newt Newcomer" not in shown_names(pilot))
        assert shown_names(pilot)[0] == "Ana Lima"


async def test_targets_and_a_typed_entry_are_written_to_the_server(server_history: str) -> None:
    async with SsiApp(server_history).run_test(size=(120, 36)) as pilot:
        board = await wait_for_board(pilot)
        await pilot.press("T")
        await _until(pilot, 10, lambda: isinstance(pilot.app.screen, TargetsScreen))
        await _until(pilot, 10, lambda: "is measured against" in screen_text(pilot))
        await pilot.press(*"40", "enter")
        await _until(
            pilot, 10, lambda: board.board is not None and board.board.rows[0].target == 40
        )
        await pilot.press("plus")
        assert isinstance(pilot.app.screen, EntryFormScreen)
        assert server_history in screen_text(pilot)  # "Add a snapshot to URL"
        await pilot.press("shift+tab", *"2026-01-26", "shift+tab")
        await pilot.press(*"cleo", "enter", *"99", "ctrl+s")
        await _until(pilot, 10, lambda: "Saved Cleo Wu: 99" in screen_text(pilot))
        await pilot.press("escape")
        await _until(pilot, 10, lambda: _board_starts_with(pilot, "Cleo Wu"))
    assert list_targets(server_history)[0].target == 40


async def test_the_import_dialog_writes_to_the_server_and_the_kept_board_follows(
    server_history: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(board_cache.ENV_VAR, str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    export = write_csv(tmp_path / "week.csv", [NEWCOMER])
    earlier = HeadStart(server_history, BoardView(None))
    assert earlier.result() is not None and not earlier.from_cache
    earlier.keep()  # a board kept for the next start, filed under the URL
    assert HeadStart(server_history, BoardView(None)).from_cache
    async with SsiApp(server_history).run_test(size=(120, 36)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i")
        assert isinstance(pilot.app.screen, ImportScreen)
        assert server_history in screen_text(pilot)  # "Import into URL"
        await pilot.press(*export.name, "enter")
        await _until(pilot, 10, lambda: "1 new" in screen_text(pilot))
        await pilot.click("#import")
        await _until(pilot, 10, lambda: _board_starts_with(pilot, "Newt Newcomer"))
        await pilot.app.workers.wait_for_complete()
    kept = HeadStart(server_history, BoardView(None))
    assert kept.from_cache  # read again after the import, for the next start
    result = kept.result()
    assert result is not None and result.board.rows[0].name == "Newt Newcomer"


def _top_target(board: LeaderboardScreen) -> float | None:
    return board.board.rows[0].target if board.board is not None else None


NEWCOMER = "2026-01-26,new@x.example,Newt Newcomer,SMB,25,25,25,24,99"
