"""The drill-down's `e` (Edit rep): each roster change made with real keys, written in a
worker, then the board and the drill-down shown anew (tests/fixtures/history.csv: as of
2026-01-19 the board is Ana, Cleo, Dev, Bob, Gil, Eve)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from ssi_tui.importing.importer import run_import
from ssi_tui.model.options import ViewOptions
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.history import HistoryScreen
from ssi_tui.ui.screens.leaderboard import LeaderboardScreen
from ssi_tui.ui.screens.rep import RepScreen
from ssi_tui.ui.screens.rep_edit import RepEditScreen
from ssi_tui.ui.screens.undo_dialog import UndoConfirmScreen
from tests.db_helpers import query
from tests.ui.helpers import screen_text, shown_names, visible_lines, wait_for_board, wait_until
from tests.ui.snapshot_apps.rep_app import RepApp

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SIZE = (110, 36)


@pytest.fixture(scope="module")
def history_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("history") / "team.duckdb"
    run_import(db, [FIXTURES / "history.csv"])
    return db


@pytest.fixture
def history_db(history_master: Path, tmp_path: Path) -> Path:
    db = tmp_path / "team.duckdb"
    shutil.copyfile(history_master, db)
    return db


async def _type(pilot: Pilot, text: str) -> None:
    """TEXT typed into the focused box, after emptying it (ctrl+u)."""
    await pilot.press("end", "ctrl+u", *["space" if c == " " else c for c in text])


async def _edit(pilot: Pilot, rep_index: int) -> RepEditScreen:
    """From the board, open rep REP_INDEX (board order) and press e."""
    await wait_for_board(pilot)
    await pilot.press(*["j"] * rep_index, "enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, RepScreen))
    await pilot.press("e")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, RepEditScreen))
    dialog = pilot.app.screen
    assert isinstance(dialog, RepEditScreen)
    await wait_until(pilot, lambda: dialog.snapshots is not None)  # the roster was read
    return dialog


def _board_screen(pilot: Pilot) -> LeaderboardScreen:
    return next(s for s in pilot.app.screen_stack if isinstance(s, LeaderboardScreen))


async def test_rename_shows_the_new_name_on_the_drill_down_and_the_board(
    history_db: Path,
) -> None:
    async with SsiApp(history_db).run_test(size=SIZE) as pilot:
        await _edit(pilot, 0)
        assert "Edit Ana Lima (ana@acme.example) · Enterprise" in screen_text(pilot)
        await _type(pilot, "Ana Lima-Souza")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, RepScreen))
        await wait_until(pilot, lambda: "Ana Lima-Souza" in screen_text(pilot))
        said = [(n.title, n.message) for n in pilot.app._notifications]
        change_id = query(history_db, "SELECT max(change_id) FROM changes")[0][0]
        assert said == [
            (
                "Rep changed",
                "Renamed Ana Lima (ana@acme.example) to Ana Lima-Souza."
                f" Undo: ssi-tui undo team.duckdb {change_id}",
            )
        ]
        await pilot.press("escape")
        await wait_until(pilot, lambda: "Ana Lima-Souza" in shown_names(pilot))
    assert query(history_db, "SELECT name FROM reps WHERE rep_id = 'ana@acme.example'") == [
        ("Ana Lima-Souza",)
    ]
    assert query(history_db, "SELECT kind FROM changes WHERE kind <> 'files'") == [("rename",)]


async def test_move_to_a_team_completes_known_teams(history_db: Path) -> None:
    async with SsiApp(history_db).run_test(size=SIZE) as pilot:
        await _edit(pilot, 0)
        await pilot.press("tab", "tab")  # past Rename, to the team box
        await _type(pilot, "sm")
        await pilot.press("tab", "enter")  # tab takes the completion
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, RepScreen))
        await wait_until(pilot, lambda: "· SMB" in screen_text(pilot))
    assert query(history_db, "SELECT team FROM reps WHERE rep_id = 'ana@acme.example'") == [
        ("SMB",)
    ]


async def test_left_the_team_takes_the_rep_off_the_board_after_that_date(
    history_db: Path,
) -> None:
    async with SsiApp(history_db).run_test(size=SIZE) as pilot:
        await _edit(pilot, 0)
        pilot.app.screen.query_one("#left-on").focus()
        await _type(pilot, "2026-01-12")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, RepScreen))
        await wait_until(pilot, lambda: "Not on this board" in screen_text(pilot))
        await pilot.press("escape")
        await wait_until(pilot, lambda: "Ana Lima" not in shown_names(pilot))
        await pilot.press("left_square_bracket")  # the week before: still there
        await wait_until(pilot, lambda: "Ana Lima" in shown_names(pilot))
    assert query(history_db, "SELECT left_on::VARCHAR FROM reps WHERE name = 'Ana Lima'") == [
        ("2026-01-12",)
    ]


async def test_a_bad_date_is_said_in_the_dialog_and_nothing_is_written(
    history_db: Path,
) -> None:
    async with SsiApp(history_db).run_test(size=SIZE) as pilot:
        await _edit(pilot, 0)
        pilot.app.screen.query_one("#left-on").focus()
        await _type(pilot, "12/01/2026")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "expected a date as YYYY-MM-DD" in screen_text(pilot))
        assert isinstance(pilot.app.screen, RepEditScreen)
    assert query(history_db, "SELECT count(*) FROM changes WHERE kind <> 'files'") == [(0,)]


async def test_merge_lists_conflicts_then_keeps_one_side_and_goes_back_to_the_board(
    history_db: Path,
) -> None:
    async with SsiApp(history_db).run_test(size=SIZE) as pilot:
        await _edit(pilot, 3)  # Bob Stone: 50 and 55 on the days Ana has 60 and 65
        pilot.app.screen.query_one("#into").focus()
        await _type(pilot, "an")
        await pilot.press("tab")  # completed from the roster
        assert pilot.app.screen.query_one("#into", Input).value == "Ana Lima"
        await pilot.press("enter")
        await wait_until(
            pilot, lambda: "2026-01-19 official: 55 (from) vs 65" in screen_text(pilot)
        )
        assert "keep one side's with a Keep button" in screen_text(pilot)
        pilot.app.screen.query_one("#keep-into").focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, LeaderboardScreen))
        await wait_until(pilot, lambda: "Bob Stone" not in shown_names(pilot))
        assert _board_screen(pilot).query_one("BoardTable").current.name == "Ana Lima"  # type: ignore[attr-defined]
    assert query(history_db, "SELECT alias, rep_id FROM rep_aliases") == [
        ("bob@acme.example", "ana@acme.example")
    ]


async def test_delete_asks_again_before_deleting(history_db: Path) -> None:
    async with SsiApp(history_db).run_test(size=SIZE) as pilot:
        await _edit(pilot, 4)  # Gil Moss, 3 snapshots
        pilot.app.screen.query_one("#delete").focus()
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: (
                "Delete Gil Moss and their 3 snapshots? Press Delete again" in screen_text(pilot)
            ),
        )
        assert query(history_db, "SELECT count(*) FROM reps") == [(6,)]
        await pilot.pause(0.3)  # enter presses no button during its 0.2 s pressed look
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, LeaderboardScreen))
        await wait_until(pilot, lambda: "Gil Moss" not in shown_names(pilot))
    assert query(history_db, "SELECT count(*) FROM reps WHERE name = 'Gil Moss'") == [(0,)]


async def test_escape_closes_the_dialog_without_writing(history_db: Path) -> None:
    async with SsiApp(history_db).run_test(size=SIZE) as pilot:
        await _edit(pilot, 0)
        await _type(pilot, "Somebody Else")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, RepScreen))
    assert query(history_db, "SELECT count(*) FROM changes WHERE kind <> 'files'") == [(0,)]


async def test_a_served_session_has_no_edit_rep(history_db: Path) -> None:
    """A browser viewer (`ssi-tui serve`) never writes: no key, no footer entry, no action."""
    options = ViewOptions(served=True)
    async with SsiApp(history_db, options=options).run_test(size=SIZE) as pilot:
        await wait_for_board(pilot)
        await pilot.press("enter")
        await wait_until(
            pilot,
            lambda: (
                isinstance(pilot.app.screen, RepScreen)
                and "Back" in screen_text(pilot).splitlines()[-1]
            ),
        )
        assert "Edit rep" not in screen_text(pilot).splitlines()[-1]
        await pilot.press("e")
        await pilot.pause(0.05)
        assert isinstance(pilot.app.screen, RepScreen)
        await pilot.app.screen.run_action("edit_rep")
        await pilot.pause(0.05)
        assert isinstance(pilot.app.screen, RepScreen)
    assert query(history_db, "SELECT count(*) FROM changes WHERE kind <> 'files'") == [(0,)]


async def test_left_on_blank_means_today(history_db: Path) -> None:
    async with SsiApp(history_db).run_test(size=SIZE) as pilot:
        await _edit(pilot, 0)
        pilot.app.screen.query_one("#left-on").focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, RepScreen))
    assert query(history_db, "SELECT left_on FROM reps WHERE name = 'Ana Lima'") == [
        (dt.date.today(),)
    ]


def test_snapshot_of_the_dialog(snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    async def open_dialog(pilot: Pilot) -> None:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, RepScreen))
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, RepEditScreen))
        dialog = pilot.app.screen
        await wait_until(pilot, lambda: dialog.snapshots is not None)  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(RepApp(sample_db, 0), terminal_size=(100, 30), run_before=open_dialog)


async def test_a_merge_made_in_the_app_is_undone_from_its_history_screen(
    history_db: Path,
) -> None:
    """Merge Bob into Ana (keeping Ana's numbers), then H, u, y: the board as it was."""
    async with SsiApp(history_db).run_test(size=SIZE) as pilot:
        await wait_for_board(pilot)
        board_before = visible_lines(pilot)
        await _edit(pilot, 3)  # Bob Stone
        pilot.app.screen.query_one("#into").focus()
        await _type(pilot, "Ana Lima")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Keep theirs" in screen_text(pilot))
        pilot.app.screen.query_one("#keep-into").focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, LeaderboardScreen))
        await wait_until(pilot, lambda: "Bob Stone" not in shown_names(pilot))
        assert visible_lines(pilot) != board_before
        await pilot.press("H")
        history = pilot.app.screen
        assert isinstance(history, HistoryScreen)
        await wait_until(pilot, lambda: history.query_one(DataTable).row_count == 2)
        await pilot.press("u")
        plan = "Would undo #2 merge 'Merged Bob Stone"
        await wait_until(
            pilot,
            lambda: isinstance(pilot.app.screen, UndoConfirmScreen) and plan in screen_text(pilot),
        )
        await pilot.press("y")
        await wait_until(pilot, lambda: history.undone_any)
        await pilot.press("escape")
        await wait_until(pilot, lambda: "Bob Stone" in shown_names(pilot))
        await pilot.pause()
        assert visible_lines(pilot) == board_before
