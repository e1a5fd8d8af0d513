"""The `+` entry form: stand-up numbers typed in, checked as typed, saved, shown on the board."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from ssi_tui.boards import board_cache
from ssi_tui.boards.head_start import HeadStart
from ssi_tui.model.board import load_board
from ssi_tui.model.options import ViewOptions
from ssi_tui.model.view import BoardView
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.confirm_dialog import ConfirmScreen
from ssi_tui.ui.screens.entry_form import EntryFormScreen
from ssi_tui.ui.screens.leaderboard import LeaderboardScreen
from ssi_tui.ui.screens.rep import RepScreen
from ssi_tui.ui.widgets.board_table import BoardTable
from tests.db_helpers import query
from tests.ui.helpers import screen_text, settle, shown_names, wait_for_board, wait_until

WEEK = "2026-11-30"
"""A week after the sample team's last (2026-11-23)."""


def _board_behind(pilot: Pilot) -> list[str]:
    """The names on the board under the form, in its order."""
    board = next(s for s in pilot.app.screen_stack if isinstance(s, LeaderboardScreen))
    return [row.name for row in board.query_one(BoardTable).rows]


def _text(pilot: Pilot, selector: str) -> str:
    return str(pilot.app.screen.query_one(selector).render())


async def _open_form(pilot: Pilot) -> EntryFormScreen:
    await wait_for_board(pilot)
    await pilot.press("plus")
    assert isinstance(pilot.app.screen, EntryFormScreen)
    # The board's current rep is prefilled, the cursor in SSI: back to the date, then to the
    # rep (a field's text is selected as the cursor enters it: typing replaces it).
    await pilot.press("shift+tab", *WEEK, "shift+tab")
    assert pilot.app.screen.focused is pilot.app.screen.query_one("#rep", Input)
    return pilot.app.screen


async def test_seven_reps_totals_typed_in_a_row_are_on_the_board(sample_db: Path) -> None:
    said = {
        "Aisha Khan": "91",
        "Ben Harris": "92",
        "Chloe Martin": "93",
        "Emily Carter": "94",
        "Grace Liu": "95",
        "Omar Haddad": "96",
        "Zoë Müller": "97",
    }
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await _open_form(pilot)
        for name, total in said.items():
            # A few letters, completed from the roster (enter takes the suggestion).
            await pilot.press(*name.lower().replace("ë", "e")[:5], "enter")
            assert pilot.app.screen.query_one("#rep", Input).value == name
            await pilot.press(*total, "ctrl+s")
            await wait_until(
                pilot, lambda n=name, t=total: f"Saved {n}: {t}" in _text(pilot, "#status")
            )
            await pilot.pause()
            # Cleared for the next rep, the cursor in the rep box, the date kept.
            assert pilot.app.screen.query_one("#ssi", Input).value == ""
            assert pilot.app.screen.focused is pilot.app.screen.query_one("#rep", Input)
            assert pilot.app.screen.query_one("#date", Input).value == WEEK
            # The board behind has it at once: the highest total yet, on top.
            await wait_until(pilot, lambda n=name: _board_behind(pilot)[:1] == [n])
        await pilot.press("escape")
        assert shown_names(pilot)[:7] == list(reversed(said))
        await settle(pilot)
    kinds = query(sample_db, "SELECT kind, count(*) FROM changes GROUP BY kind")
    assert ("typed", 7) in kinds
    board = load_board(sample_db)
    assert [(r.name, r.ssi, r.brand) for r in board.rows[:2]] == [
        ("Zoë Müller", 97.0, None),
        ("Omar Haddad", 96.0, None),
    ]


async def test_pillars_and_total_are_saved_together(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await _open_form(pilot)
        await pilot.press(*"Aisha", "enter", "6", "6", "enter")  # enter walks the fields
        for value in ("16", "17", "15", "18"):
            await pilot.press(*value, "enter")
        assert pilot.app.screen.focused is pilot.app.screen.query_one("#industry_rank", Input)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Saved Aisha Khan: 66" in _text(pilot, "#status"))
        await settle(pilot)
    stored = query(
        sample_db,
        "SELECT ssi, brand, people, insights, relationships FROM snapshots"
        f" WHERE rep_id = 'aisha.khan@acme.example' AND snapshot_date = '{WEEK}'",
    )
    assert stored == [(66.0, 16.0, 17.0, 15.0, 18.0)]


async def test_a_mistake_is_shown_as_typed_and_nothing_is_saved(sample_db: Path) -> None:
    before = hashlib.sha256(sample_db.read_bytes()).hexdigest()
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await _open_form(pilot)
        await pilot.press(*"Aisha", "enter", "6", "7", "enter", "2", "6")
        await wait_until(
            pilot, lambda: "Brand: expected a number from 0 to 25" in _text(pilot, "#problems")
        )
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Not saved:" in _text(pilot, "#problems"))
        assert "Saved" not in _text(pilot, "#status")
        # Mended, the problem goes as it is typed.
        await pilot.press("backspace", "backspace", "1", "6")
        await wait_until(pilot, lambda: _text(pilot, "#problems").strip() == "")
        await settle(pilot)
    assert hashlib.sha256(sample_db.read_bytes()).hexdigest() == before


async def test_a_new_rep_is_confirmed_before_saving(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await _open_form(pilot)
        await pilot.press(*"Quinn Ruiz", "enter", "5", "0")
        await wait_until(pilot, lambda: "is not on the roster" in _text(pilot, "#problems"))
        await pilot.press("ctrl+s")
        asked = "Quinn Ruiz is not on the roster. Add them as a new rep?"
        # The question is read off the screen once drawn, not the frame the dialog is pushed.
        await wait_until(
            pilot,
            lambda: isinstance(pilot.app.screen, ConfirmScreen) and asked in screen_text(pilot),
        )
        await pilot.press("n")  # not yet: nothing written
        assert isinstance(pilot.app.screen, EntryFormScreen)
        assert query(sample_db, "SELECT count(*) FROM reps WHERE name = 'Quinn Ruiz'") == [(0,)]
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(pilot, lambda: "Saved Quinn Ruiz: 50 (new rep)" in _text(pilot, "#status"))
        await settle(pilot)
    assert query(sample_db, "SELECT rep_id FROM reps WHERE name = 'Quinn Ruiz'") == [
        ("quinn-ruiz",)
    ]


async def test_escape_closes_the_form_and_plus_opens_it_on_the_current_rep(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        first = shown_names(pilot)[0]
        await pilot.press("plus")
        assert pilot.app.screen.query_one("#rep", Input).value == first
        assert pilot.app.screen.focused is pilot.app.screen.query_one("#ssi", Input)
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, EntryFormScreen)


async def test_plus_in_the_drill_down_opens_the_form_on_that_rep(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("down", "enter")
        rep = pilot.app.screen
        assert isinstance(rep, RepScreen)
        name = rep._rows[rep.rep_id].name
        await pilot.press("plus")
        assert isinstance(pilot.app.screen, EntryFormScreen)
        assert pilot.app.screen.query_one("#rep", Input).value == name
        await pilot.press("shift+tab", *WEEK, "tab", "5", "5", "ctrl+s")
        await wait_until(pilot, lambda: f"Saved {name}: 55" in _text(pilot, "#status"))
        await pilot.press("escape")
        assert pilot.app.screen is rep
        await settle(pilot)


async def test_a_served_drill_down_has_no_entry_form(sample_db: Path) -> None:
    async with SsiApp(sample_db, options=ViewOptions(served=True)).run_test(
        size=(100, 30)
    ) as pilot:
        await wait_for_board(pilot)
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, RepScreen)
        await pilot.press("plus")
        await pilot.app.screen.run_action("add_entry")
        await pilot.pause(0.05)
        assert isinstance(pilot.app.screen, RepScreen)


async def test_a_save_reads_the_board_kept_for_the_next_start_again(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(board_cache.ENV_VAR, str(tmp_path / "cache"))
    view = BoardView(None)
    earlier = HeadStart(sample_db, view)
    assert earlier.result() is not None
    earlier.keep()
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await _open_form(pilot)
        await pilot.press(*"Aisha", "enter", "9", "9", "ctrl+s")
        await wait_until(pilot, lambda: "Saved Aisha Khan: 99" in _text(pilot, "#status"))
        await settle(pilot)
    kept = HeadStart(sample_db, view)
    assert kept.from_cache
    result = kept.result()
    assert result is not None and result.board.rows[0].name == "Aisha Khan"


async def test_names_hidden_the_form_completes_no_name(sample_db: Path) -> None:
    options = ViewOptions(view=BoardView(anonymise=True))
    async with SsiApp(sample_db, options=options).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("plus")
        rep = pilot.app.screen.query_one("#rep", Input)
        assert rep.value == ""  # no real name from the board's row either
        await pilot.press(*"Aish")
        await pilot.pause(0.2)
        assert "Aisha Khan" not in screen_text(pilot)
        await pilot.press("enter")
        assert rep.value == "Aish"
