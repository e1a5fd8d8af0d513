"""Pasting the SSI page into the app: the paste box reads it, says what it found, fills the
entry form, and the save is a pasted change the board shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from ssi_tui.ingest.ssi_page import SsiPage
from ssi_tui.model.board import load_board
from ssi_tui.pillars import PILLAR_KEYS
from ssi_tui.resources import sample_data_dir
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.entry_form import EntryFormScreen
from ssi_tui.ui.widgets.paste_area import PasteArea
from tests.db_helpers import query
from tests.ui.helpers import screen_text, wait_for_board, wait_until

SAMPLE_PAGE = (sample_data_dir() / "ssi_page.paste").read_text(encoding="utf-8")
PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "ssi_page"


class _PasteHost(App[None]):
    """The paste box alone, keeping every page it reports."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[SsiPage] = []

    def compose(self) -> ComposeResult:
        yield PasteArea()

    def on_paste_area_read(self, message: PasteArea.Read) -> None:
        self.pages.append(message.page)


def _read_line(pilot: Pilot) -> str:
    return str(pilot.app.screen.query_one("#paste-read").render())


async def _paste(pilot: Pilot, text: str) -> None:
    """What a terminal's paste (bracketed paste) delivers to the focused box."""
    area = pilot.app.query_one("#paste-text", TextArea)
    area.focus()
    await pilot.pause()
    area.post_message(events.Paste(text))


async def test_a_pasted_page_is_read_and_said_literally() -> None:
    async with _PasteHost().run_test(size=(100, 24)) as pilot:
        await _paste(pilot, SAMPLE_PAGE)
        await wait_until(pilot, lambda: bool(pilot.app.pages))
        page = pilot.app.pages[-1]
        assert page.entry_fields()["ssi"] == 58
        assert _read_line(pilot) == page.describe()
        assert _read_line(pilot).startswith("Read: total 58, brand 14.82,")
        assert not pilot.app.query_one(PasteArea).has_class("unreadable")


async def test_a_partial_page_says_what_it_could_not_find() -> None:
    async with _PasteHost().run_test(size=(120, 24)) as pilot:
        await _paste(pilot, (PAGES / "partial_page.txt").read_text(encoding="utf-8"))
        await wait_until(pilot, lambda: "could not find" in _read_line(pilot))
        assert _read_line(pilot) == (
            "Read: total 58, industry Top 18%, industry average 41; could not find: the pillars."
        )


async def test_text_that_is_no_page_is_marked_unreadable() -> None:
    async with _PasteHost().run_test(size=(100, 24)) as pilot:
        await _paste(pilot, "[bold]hello[/] \x1b[2J 3 messages")
        await wait_until(pilot, lambda: bool(pilot.app.pages))
        assert _read_line(pilot) == "Read: nothing; could not find: the total, the pillars."
        assert pilot.app.query_one(PasteArea).has_class("unreadable")


async def test_typing_in_the_box_reads_again_and_emptying_it_clears_the_line() -> None:
    async with _PasteHost().run_test(size=(100, 24)) as pilot:
        pilot.app.query_one("#paste-text", TextArea).focus()
        await pilot.press(*"Your SSI 61")
        await wait_until(pilot, lambda: "total 61" in _read_line(pilot))
        await pilot.press("ctrl+u")  # deletes to the start of the line: all of it
        await wait_until(pilot, lambda: _read_line(pilot) == "")


# -- in the entry form ------------------------------------------------------------------------

WEEK = "2026-11-30"
"""A week after the sample team's last (2026-11-23)."""


def _field(pilot: Pilot, key: str) -> str:
    return pilot.app.screen.query_one(f"#{key}", Input).value


async def _open_form_on_the_top_rep(pilot: Pilot) -> str:
    """`+` on the board: the form, for the rep under the cursor (the top one), dated WEEK."""
    screen = await wait_for_board(pilot)
    rep = screen.query_one("BoardTable").rows[0].name
    await pilot.press("plus")
    assert isinstance(pilot.app.screen, EntryFormScreen)
    await pilot.press("shift+tab", *WEEK, "tab")  # the date, then back to SSI
    assert pilot.app.screen.query_one("#rep", Input).value == rep
    return rep


async def test_the_sample_page_pasted_in_the_form_is_saved_and_on_the_board(
    sample_db: Path,
) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 36)) as pilot:
        rep = await _open_form_on_the_top_rep(pilot)
        assert pilot.app.screen.focused is pilot.app.screen.query_one("#ssi", Input)
        # The terminal's paste goes to the focused field, SSI: the page lands in the box.
        pilot.app.post_message(events.Paste(SAMPLE_PAGE))
        await wait_until(pilot, lambda: _field(pilot, "ssi") == "58")
        assert pilot.app.screen.query_one("#paste-text", TextArea).text == SAMPLE_PAGE
        assert [_field(pilot, key) for key in (*PILLAR_KEYS, "industry_rank")] == [
            "14.82",
            "12.5",
            "15.1",
            "15.58",
            "18",
        ]
        assert (_field(pilot, "rep"), _field(pilot, "date")) == (rep, WEEK)
        assert _read_line(pilot).startswith("Read: total 58, brand 14.82, people 12.5,")
        assert "Read: total 58, brand 14.82" in screen_text(pilot)
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: f"Saved {rep}: 58" in str(pilot.app.screen.query_one("#status").render())
        )
        # Cleared for the next rep: the fields and the box.
        assert _field(pilot, "ssi") == ""
        assert pilot.app.screen.query_one("#paste-text", TextArea).text == ""
        assert _read_line(pilot) == ""
        await pilot.press("escape")
        await wait_until(
            pilot,
            lambda: any(
                row.name == rep and row.ssi == 58
                for row in pilot.app.screen.query_one("BoardTable").rows
            ),
        )
        await pilot.app.workers.wait_for_complete()
    assert query(sample_db, "SELECT kind FROM changes ORDER BY change_id DESC LIMIT 1") == [
        ("pasted",)
    ]
    row = next(r for r in load_board(sample_db).rows if r.name == rep)
    assert (row.ssi, row.brand, row.relationships) == (58, 14.82, 15.58)


async def test_a_terminals_paste_with_cr_line_breaks_lands_in_the_box(sample_db: Path) -> None:
    """Terminals (and tmux) send a paste's line breaks as CR: still a page, not one line."""
    async with SsiApp(sample_db).run_test(size=(100, 36)) as pilot:
        await _open_form_on_the_top_rep(pilot)
        pilot.app.post_message(events.Paste(SAMPLE_PAGE.replace("\n", "\r")))
        await wait_until(pilot, lambda: _field(pilot, "ssi") == "58")
        assert _field(pilot, "brand") == "14.82"
        assert _read_line(pilot).startswith("Read: total 58, brand 14.82")


async def test_a_page_without_pillars_fills_the_total_alone(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 36)) as pilot:
        rep = await _open_form_on_the_top_rep(pilot)
        await pilot.press(*"6", "0", "tab", *"1", "6")  # typed first: the paste replaces them
        pilot.app.post_message(events.Paste((PAGES / "partial_page.txt").read_text()))
        await wait_until(pilot, lambda: _field(pilot, "ssi") == "58")
        assert [_field(pilot, key) for key in PILLAR_KEYS] == ["", "", "", ""]
        assert _read_line(pilot) == (
            "Read: total 58, industry Top 18%, industry average 41; could not find: the pillars."
        )
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: f"Saved {rep}: 58" in str(pilot.app.screen.query_one("#status").render())
        )
        await pilot.app.workers.wait_for_complete()
    stored = query(
        sample_db,
        "SELECT s.ssi, s.brand, s.industry_rank, c.kind FROM snapshots s"
        " JOIN imports i USING (import_id) JOIN changes c USING (change_id)"
        f" WHERE s.snapshot_date = '{WEEK}'",
    )
    assert stored == [(58.0, None, 18.0, "pasted")]


async def test_text_that_is_no_page_fills_nothing_and_a_typed_save_stays_typed(
    sample_db: Path,
) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 36)) as pilot:
        rep = await _open_form_on_the_top_rep(pilot)
        await pilot.press(*"61")
        pilot.app.post_message(events.Paste("Sales Navigator\nMessaging 3\nSomething went wrong"))
        await wait_until(
            pilot, lambda: "could not find: the total, the pillars" in _read_line(pilot)
        )
        assert _field(pilot, "ssi") == "61"
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: f"Saved {rep}: 61" in str(pilot.app.screen.query_one("#status").render())
        )
        await pilot.app.workers.wait_for_complete()
    assert query(sample_db, "SELECT kind FROM changes ORDER BY change_id DESC LIMIT 1") == [
        ("typed",)
    ]


async def test_one_line_pasted_into_a_field_stays_in_the_field(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 36)) as pilot:
        await _open_form_on_the_top_rep(pilot)
        pilot.app.post_message(events.Paste("64"))
        await wait_until(pilot, lambda: _field(pilot, "ssi") == "64")
        assert pilot.app.screen.query_one("#paste-text", TextArea).text == ""


async def test_the_paste_box_draws_under_no_color(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR once crashed the app on an unstyled segment: the box, empty and filled, draws."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = SsiApp(sample_db)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        await _open_form_on_the_top_rep(pilot)
        assert "Paste the SSI page" in screen_text(pilot)
        pilot.app.post_message(events.Paste(SAMPLE_PAGE))
        await wait_until(pilot, lambda: "Read: total 58" in screen_text(pilot))
        await pilot.press("escape")
        await wait_for_board(pilot)
        await pilot.press("q")
    assert app.return_code == 0
