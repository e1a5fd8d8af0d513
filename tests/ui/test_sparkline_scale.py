"""`s` switches the board's sparklines between each rep's own range and the fixed scale, and
the header says which is on (issue #20, #14)."""

from __future__ import annotations

from pathlib import Path

from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.help import HelpScreen
from ssi_tui.ui.widgets.board_table import BoardTable
from tests.ui.helpers import header_line, screen_text, visible_lines, wait_for_board


async def test_s_switches_the_sparklines_between_own_and_fixed_scale(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(160, 20)) as pilot:
        await wait_for_board(pilot)
        top = pilot.app.screen.query_one(BoardTable).rows[0]
        own = top.trends.bars("brand")
        fixed = top.trends.bars("brand", own_scale=False)
        assert own != fixed  # the sample team's pillars move by a point or two
        assert "SSI ▼ · own scale" in header_line(pilot)
        assert f"{top.brand:.2f} {own}" in visible_lines(pilot)[0]
        await pilot.press("s")
        await pilot.pause()
        assert "SSI ▼ · fixed scale" in header_line(pilot)
        assert f"{top.brand:.2f} {fixed}" in visible_lines(pilot)[0]
        await pilot.press("s")
        await pilot.pause()
        assert "own scale" in header_line(pilot)
        assert f"{top.brand:.2f} {own}" in visible_lines(pilot)[0]


async def test_the_scale_key_is_in_the_help_and_the_palette(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(120, 40)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        line = next(line for line in screen_text(pilot).splitlines() if "own range" in line)
        assert line.split("│")[1].split()[0] == "s", line
        await pilot.press("escape", "ctrl+p", *"sparklines")
        for _ in range(100):
            text = screen_text(pilot)
            if "Sparklines: each rep" in text:
                break
            await pilot.pause(0.02)
        lines = text.splitlines()
        found = next(i for i, line in enumerate(lines) if "Sparklines: each rep" in line)
        assert lines[found + 1].split() == ["Key:", "s"]
