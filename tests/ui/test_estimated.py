"""Estimated SSI in the app: `est.` on the board, `o` to switch source, the drill-down's
breakdown. Driven with real keys through SsiApp(db).run_test()."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot

from ssi_tui.importing.importer import run_import
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.rep import RepScreen
from ssi_tui.ui.widgets.board_table import BoardTable
from ssi_tui.ui.widgets.estimate_breakdown import EstimateBreakdown
from tests.estimate.conftest import ANA, FIXTURES, write_activity
from tests.ui.helpers import screen_text, shown_names, visible_lines, wait_for_board

ZED = {
    "date": "2026-01-19",
    "rep_id": "zed@acme.example",
    "name": "Zed Quinn",
    "team": "SMB",
    "searches": 20,
    "posts_shared": 4,
}
"""Activity only (no official snapshot): 40 estimated (people 20 + insights 20)."""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """history.csv (official) + activity for Ana (who has official too) and Zed (who has not)."""
    path = tmp_path / "team.duckdb"
    run_import(path, [FIXTURES / "history.csv", write_activity(tmp_path / "a.csv", [ANA, ZED])])
    return path


def _line_of(pilot: Pilot, name: str) -> str:
    return next(line for line in visible_lines(pilot) if name in line)


def _panel_text(panel: EstimateBreakdown) -> str:
    """Everything the panel holds, scrolled into view or not."""
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(panel.content)
    return console.export_text().rstrip()


async def _wait_for_breakdown(pilot: Pilot) -> EstimateBreakdown:
    panel = pilot.app.screen.query_one(EstimateBreakdown)
    for _ in range(300):
        await pilot.pause(0.01)
        if panel.explanation is not None:
            await pilot.pause()
            return panel
    raise AssertionError("the breakdown never loaded")


async def test_estimated_totals_are_marked_on_the_board(db: Path) -> None:
    async with SsiApp(db).run_test(size=(160, 30)) as pilot:
        await wait_for_board(pilot)
        assert "○ 40 est." in _line_of(pilot, "Zed Quinn")  # no official: the estimate
        assert "est." not in _line_of(pilot, "Ana Lima")  # official wins (best)
        assert sum("est." in line for line in visible_lines(pilot)) == 1


async def test_a_board_without_estimates_keeps_its_columns(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(160, 30)) as pilot:
        await wait_for_board(pilot)
        assert not any("est." in line for line in visible_lines(pilot))
        assert pilot.app.screen.query_one(BoardTable)._layout.est == 0  # type: ignore[union-attr]


async def test_o_cycles_best_official_estimated(db: Path) -> None:
    async with SsiApp(db).run_test(size=(160, 30)) as pilot:
        screen = await wait_for_board(pilot)
        assert screen.view.source == "best"
        assert "Zed Quinn" in shown_names(pilot)

        await pilot.press("o")
        await wait_for_board(pilot, loads=2)
        assert screen.view.source == "official"
        assert screen.board is not None and screen.board.source == "official"
        assert "Zed Quinn" not in shown_names(pilot)
        assert not any("est." in line for line in visible_lines(pilot))

        await pilot.press("o")
        await wait_for_board(pilot, loads=3)
        assert screen.view.source == "estimated"
        assert sorted(shown_names(pilot)) == ["Ana Lima", "Zed Quinn"]
        assert "○ 47 est." in _line_of(pilot, "Ana Lima")  # 46.75, below 50: ○
        assert all("est." in line for line in visible_lines(pilot) if line)

        await pilot.press("o")
        await wait_for_board(pilot, loads=4)
        assert screen.view.source == "best"
        assert len(shown_names(pilot)) == 7


async def test_the_drill_down_marks_and_explains_an_estimate(db: Path) -> None:
    async with SsiApp(db).run_test(size=(160, 50)) as pilot:
        await wait_for_board(pilot)
        names = shown_names(pilot)
        for _ in range(names.index("Zed Quinn")):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RepScreen)
        panel = await _wait_for_breakdown(pilot)
        assert panel.display
        assert panel.explanation is not None
        assert panel.explanation.rep_id == "zed@acme.example"
        text = screen_text(pilot)
        assert "est. estimated from activity metrics" in text
        assert "How the estimate (est.) was reached" in text
        shown = _panel_text(panel)
        assert "searches" in shown
        assert "= People" in shown and "SSI (est.)" in shown
        total = next(line for line in shown.splitlines() if line.startswith("SSI (est.)"))
        assert total.split()[-1] == "40.00"
        assert "Brand: no measure known; the pillar is its base alone." in shown

        # Ana's board row is official (best): no breakdown, no marker.
        await pilot.press("escape")
        await pilot.pause()
        for _ in range(2):
            await pilot.pause()
        names = shown_names(pilot)
        table = pilot.app.screen.query_one(BoardTable)
        table.cursor = names.index("Ana Lima")
        await pilot.press("enter")
        for _ in range(20):
            await pilot.pause(0.01)
        panel = pilot.app.screen.query_one(EstimateBreakdown)
        assert not panel.display
        assert "est. estimated" not in screen_text(pilot)


async def test_walking_to_an_estimated_rep_shows_its_own_breakdown(db: Path) -> None:
    async with SsiApp(db).run_test(size=(160, 50)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("o")
        await wait_for_board(pilot, loads=2)
        await pilot.press("o")  # estimated only: Ana 46.75, Zed 40
        await wait_for_board(pilot, loads=3)
        await pilot.press("enter")
        panel = await _wait_for_breakdown(pilot)
        assert panel.explanation is not None
        assert panel.explanation.rep_id == "ana@acme.example"
        await pilot.press("n")
        for _ in range(300):
            await pilot.pause(0.01)
            if panel.explanation is not None and panel.explanation.rep_id == "zed@acme.example":
                break
        assert panel.explanation is not None
        assert panel.explanation.rep_id == "zed@acme.example"
        assert panel.explanation.estimate.rounded()["ssi"] == 40.0
