"""Pasting the SSI page into the app: the paste box reads it and says what it found."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import TextArea

from ssi_tui.ingest.ssi_page import SsiPage
from ssi_tui.resources import sample_data_dir
from ssi_tui.ui.widgets.paste_area import PasteArea

SAMPLE_PAGE = (sample_data_dir() / "ssi_page.paste").read_text(encoding="utf-8")
PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "ssi_page"


async def _wait_for(pilot: Pilot, predicate, tries: int = 300) -> None:  # type: ignore[no-untyped-def]
    for _ in range(tries):
        if predicate():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition never became true")


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
    return str(pilot.app.query_one("#paste-read").render())


async def _paste(pilot: Pilot, text: str) -> None:
    """What a terminal's paste (bracketed paste) delivers to the focused box."""
    area = pilot.app.query_one("#paste-text", TextArea)
    area.focus()
    await pilot.pause()
    area.post_message(events.Paste(text))


async def test_a_pasted_page_is_read_and_said_literally() -> None:
    async with _PasteHost().run_test(size=(100, 24)) as pilot:
        await _paste(pilot, SAMPLE_PAGE)
        await _wait_for(pilot, lambda: bool(pilot.app.pages))
        page = pilot.app.pages[-1]
        assert page.entry_fields()["ssi"] == 58
        assert _read_line(pilot) == page.describe()
        assert _read_line(pilot).startswith("Read: total 58, brand 14.82,")
        assert not pilot.app.query_one(PasteArea).has_class("unreadable")


async def test_a_partial_page_says_what_it_could_not_find() -> None:
    async with _PasteHost().run_test(size=(120, 24)) as pilot:
        await _paste(pilot, (PAGES / "partial_page.txt").read_text(encoding="utf-8"))
        await _wait_for(pilot, lambda: "could not find" in _read_line(pilot))
        assert _read_line(pilot) == (
            "Read: total 58, industry Top 18%, industry average 41; could not find: the pillars."
        )


async def test_text_that_is_no_page_is_marked_unreadable() -> None:
    async with _PasteHost().run_test(size=(100, 24)) as pilot:
        await _paste(pilot, "[bold]hello[/] \x1b[2J 3 messages")
        await _wait_for(pilot, lambda: bool(pilot.app.pages))
        assert _read_line(pilot) == "Read: nothing; could not find: the total, the pillars."
        assert pilot.app.query_one(PasteArea).has_class("unreadable")


async def test_typing_in_the_box_reads_again_and_emptying_it_clears_the_line() -> None:
    async with _PasteHost().run_test(size=(100, 24)) as pilot:
        pilot.app.query_one("#paste-text", TextArea).focus()
        await pilot.press(*"Your SSI 61")
        await _wait_for(pilot, lambda: "total 61" in _read_line(pilot))
        await pilot.press("ctrl+u")  # deletes to the start of the line: all of it
        await _wait_for(pilot, lambda: _read_line(pilot) == "")
