"""What the main screens look like, at the two sizes a stand-up screen is likely to have."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ssi_tui.ui.app import SsiApp
from tests.ui.helpers import wait_for_board

AS_OF = dt.date(2026, 11, 16)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
def test_leaderboard(snap_compare, sample_db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        SsiApp(sample_db, as_of=AS_OF), terminal_size=size, run_before=wait_for_board
    )


def test_leaderboard_sorted_by_insights_and_filtered(snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    async def sort_and_filter(pilot):  # type: ignore[no-untyped-def]
        await wait_for_board(pilot)
        await pilot.press("4", "slash", "e", "n")

    assert snap_compare(
        SsiApp(sample_db, as_of=AS_OF), terminal_size=(100, 30), run_before=sort_and_filter
    )


def test_targets_dialog(snap_compare, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    from ssi_tui.model.targets import set_target

    set_target(sample_db, "team", "Enterprise", 65)

    async def open_targets(pilot):  # type: ignore[no-untyped-def]
        await wait_for_board(pilot)
        await pilot.press("T")
        for _ in range(300):
            if pilot.app.screen.query("#own") and pilot.app.screen.query_one("#own").has_focus:
                break
            await pilot.pause(0.02)
        await pilot.press("end", *"72")

    assert snap_compare(
        SsiApp(sample_db, as_of=AS_OF), terminal_size=(100, 30), run_before=open_targets
    )
