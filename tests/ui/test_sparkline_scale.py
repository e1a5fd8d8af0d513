"""`s` switches the board's sparklines between each rep's own range and the fixed scale, and
the header says which is on (issue #20, #14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssi_tui.boards import board_cache
from ssi_tui.boards.head_start import HeadStart
from ssi_tui.importing.importer import run_import
from ssi_tui.model.options import ViewOptions
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.help import HelpScreen
from ssi_tui.ui.widgets.board_table import BoardTable
from tests.ui.helpers import header_line, screen_text, visible_lines, wait_for_board

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


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


async def test_a_board_kept_from_the_last_start_shows_both_scales_and_stale_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept board holds each week's value, not bars: the scale needs no cache key, and a
    warm start draws blanks, missed weeks and stale rows as a read board does."""
    monkeypatch.setenv(board_cache.ENV_VAR, str(tmp_path / "cache"))
    db = tmp_path / "history.duckdb"
    run_import(db, [FIXTURES / "history.csv"])
    request = ViewOptions().view
    read = HeadStart(db, request)
    assert read.result() is not None
    read.keep()
    kept = HeadStart(db, request)
    assert kept.from_cache
    async with SsiApp(db, head_start=kept).run_test(size=(160, 20)) as pilot:
        await wait_for_board(pilot)
        lines = {line.split()[2]: line for line in visible_lines(pilot) if line.strip()}
        assert "own scale" in header_line(pilot)
        assert "2w old" in lines["Eve"]
        assert "10.00          ▅··" in lines["Eve"]  # three weeks in the window, two missed
        await pilot.press("s")
        await pilot.pause()
        assert "fixed scale" in header_line(pilot)
        lines = {line.split()[2]: line for line in visible_lines(pilot) if line.strip()}
        assert "10.00          ▄··" in lines["Eve"]  # 10 of 25: 3.2 of 8 bars
