"""What the entry form looks like at 80x24: a rep, a total, a pillar out of range."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input

from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.entry_form import EntryFormScreen
from tests.ui.helpers import wait_for_board

AS_OF = dt.date(2026, 11, 16)


def test_entry_form(snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    async def type_a_mistake(pilot):  # type: ignore[no-untyped-def]
        await wait_for_board(pilot)
        form = EntryFormScreen(sample_db, rep="Aisha Khan", today=dt.date(2026, 11, 30))
        await pilot.app.push_screen(form)
        await pilot.press("6", "7", "enter", "2", "6")
        for _ in range(200):
            await pilot.pause(0.02)
            if "Brand" in str(form.query_one("#problems").render()):
                break
        await pilot.app.workers.wait_for_complete()
        for field in form.query(Input):
            field.cursor_blink = False  # a steady cursor: the same picture at any moment
        await pilot.pause()

    assert snap_compare(
        SsiApp(sample_db, as_of=AS_OF), terminal_size=(80, 24), run_before=type_a_mistake
    )
