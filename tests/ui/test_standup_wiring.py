"""How stand-up mode is reached: `S` on the board, or `--standup` when the app opens."""

from __future__ import annotations

from pathlib import Path

from ssi_tui.model.options import ViewOptions
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.leaderboard import LeaderboardScreen
from ssi_tui.ui.screens.standup import StandupScreen
from tests.ui.helpers import wait_for_board


async def test_capital_s_opens_stand_up_and_escape_returns(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StandupScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LeaderboardScreen)


async def test_the_standup_option_opens_over_the_board(sample_db: Path) -> None:
    options = ViewOptions(standup=True, rotate=60)
    async with SsiApp(sample_db, options=options).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, StandupScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LeaderboardScreen)
