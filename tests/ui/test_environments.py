"""The app's main screens in the terminals managers really have: NO_COLOR, TERM=dumb, a C
locale, 80x24 and a tiny 40x12. Each screen must draw without a crash, show the rep's name and
a key hint where there is room. (Run in-process; tests/cli/test_app_exit.py runs real ones.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from ssi_tui.model.board import load_board
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.entry_form import EntryFormScreen
from ssi_tui.ui.screens.export_dialog import ExportScreen
from ssi_tui.ui.screens.help import HelpScreen
from ssi_tui.ui.screens.history import HistoryScreen
from ssi_tui.ui.screens.import_dialog import ImportScreen
from ssi_tui.ui.screens.rep import RepScreen
from ssi_tui.ui.screens.rep_edit import RepEditScreen
from ssi_tui.ui.screens.standup import StandupScreen
from ssi_tui.ui.screens.targets_dialog import TargetsScreen
from tests.ui.helpers import screen_text, wait_for_board

ENVIRONMENTS: dict[str, dict[str, str]] = {
    "NO_COLOR": {"NO_COLOR": "1"},
    "TERM=dumb": {"TERM": "dumb"},
    "LANG=C": {"LANG": "C", "LC_ALL": "C"},
}
SIZES = [(80, 24), (40, 12)]


@pytest.fixture(params=list(ENVIRONMENTS), ids=list(ENVIRONMENTS))
def environment(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Set the variables before the app is made: Textual reads NO_COLOR in App.__init__."""
    for name, value in ENVIRONMENTS[request.param].items():
        monkeypatch.setenv(name, value)
    return str(request.param)


async def _wait_for(pilot: Pilot, screen_type: type, *, attribute: str = "") -> None:
    for _ in range(500):
        await pilot.pause(0.01)
        screen = pilot.app.screen
        if isinstance(screen, screen_type) and (not attribute or getattr(screen, attribute)):
            await pilot.pause()
            return
    raise AssertionError(f"{screen_type.__name__} never showed")


async def test_no_color_draws_every_screen_and_dialog_without_a_crash(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR=1 ended in a traceback on the first frame (a segment without a style)."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = SsiApp(sample_db)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        await wait_for_board(pilot)
        for key, screen_type, attribute in [
            ("enter", RepScreen, "detail"),
            ("S", StandupScreen, "loads"),
            ("question_mark", HelpScreen, ""),
            ("i", ImportScreen, ""),
            ("e", ExportScreen, ""),
            ("plus", EntryFormScreen, ""),
            ("H", HistoryScreen, ""),
            ("T", TargetsScreen, ""),
        ]:
            await pilot.press(key)
            await _wait_for(pilot, screen_type, attribute=attribute)
            assert screen_text(pilot).strip()
            await pilot.press("escape")
            await wait_for_board(pilot)
        await pilot.press("enter")  # the drill-down's own dialog: edit the rep
        await _wait_for(pilot, RepScreen, attribute="detail")
        await pilot.press("e")
        await _wait_for(pilot, RepEditScreen)
        assert "Rename" in screen_text(pilot)
        await pilot.press("escape", "escape")
        await wait_for_board(pilot)
        await pilot.press("q")
    assert app.return_code == 0


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_every_main_screen_draws_the_name_and_the_help_key(
    sample_db: Path, environment: str, size: tuple[int, int]
) -> None:
    top = load_board(sample_db).rows[0]
    first_name = top.name.split()[0]
    app = SsiApp(sample_db)
    async with app.run_test(size=size) as pilot:
        await wait_for_board(pilot)
        for key, screen_type, attribute, hint in [
            ("", None, "", "? Help"),
            ("enter", RepScreen, "detail", "? Help"),
            ("S", StandupScreen, "loads", "? help"),
        ]:
            if screen_type is not None:
                await pilot.press(key)
                await _wait_for(pilot, screen_type, attribute=attribute)
            text = screen_text(pilot)
            assert first_name in text, text
            assert hint in text.splitlines()[-1], text
            if screen_type is not None:
                await pilot.press("escape")
                await wait_for_board(pilot)
        await pilot.press("question_mark")
        await _wait_for(pilot, HelpScreen)
        assert "Leaderboard keys" in screen_text(pilot)
        await pilot.press("escape")
        await wait_for_board(pilot)
        await pilot.press("q")
    assert app.return_code == 0


@pytest.mark.parametrize("key", ["i", "e"], ids=["import", "export"])
async def test_the_dialogs_show_every_button_at_40_columns(sample_db: Path, key: str) -> None:
    """At 40 columns the export dialog's Cancel was cut off."""
    app = SsiApp(sample_db)
    async with app.run_test(size=(40, 12)) as pilot:
        await wait_for_board(pilot)
        await pilot.press(key)
        await _wait_for(pilot, ImportScreen if key == "i" else ExportScreen)
        text = screen_text(pilot)
        for label in ["Import" if key == "i" else "Markdown", "Cancel"]:
            assert label in text, text
