"""Each board key replaces the screen's one view value (dataclasses.replace), and the board
shown follows that value."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from ssi_tui.model.source import Source
from ssi_tui.model.view import BoardView
from ssi_tui.ui.app import SsiApp
from tests.ui.helpers import wait_for_board

WEEK = dt.timedelta(days=7)


async def test_each_key_replaces_the_view_with_one_change(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(120, 30)) as pilot:
        screen = await wait_for_board(pilot)
        board = screen.board
        assert board is not None and board.as_of is not None
        start = screen.view
        assert start == BoardView()
        with pytest.raises(dataclasses.FrozenInstanceError):
            start.team = "SMB"  # type: ignore[misc]

        steps = [
            (("t",), {"team": board.teams[0]}, True),
            (("left_square_bracket",), {"as_of": board.as_of - WEEK}, True),
            (("right_square_bracket",), {"as_of": None}, True),  # None: follows the newest
            (("o",), {"source": Source.OFFICIAL}, True),
            (("a",), {"anonymise": True}, True),
            (("2",), {"sort": "brand"}, False),  # the same board, sorted
            (("2",), {"reverse": True}, False),
        ]
        for keys, change, new_board in steps:
            before, loads = screen.view, screen.loads
            await pilot.press(*keys)
            await wait_for_board(pilot, loads=loads + new_board)
            assert screen.loads == loads + new_board, keys
            assert screen.view == replace(before, **change), keys
            shown = screen.board
            assert shown is not None and shown.team == screen.view.team
            assert shown.source == screen.view.source and shown.anonymised == screen.view.anonymise

        before = screen.view
        await pilot.press("slash", "r", "e")
        await pilot.pause()
        assert screen.view == replace(before, filter="re")
        assert all("re" in f"{r.name}\n{r.team}".lower() for r in screen.shown)
