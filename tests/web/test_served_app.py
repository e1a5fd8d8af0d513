"""A served session (`ssi-tui open --served`, what `ssi-tui serve` runs per browser tab) is
view-only: the keys and commands that reach the server's files or lift anonymisation are absent."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot

from ssi_tui.model.options import ViewOptions
from ssi_tui.model.view import BoardView
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.help import HelpScreen
from ssi_tui.ui.screens.leaderboard import LeaderboardScreen
from ssi_tui.ui.served import ABSENT_WHEN_SERVED, action_name
from tests.ui.helpers import screen_text, shown_names, wait_for_board

ABSENT_KEYS = {
    "i": "Import",
    "plus": "Add",
    "e": "Export",
    "ctrl+s": "Screenshot",
    "a": "Anonymise",
    "H": "History",
    "T": "Targets",
}


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under FOLDER and a digest of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


async def palette_titles(pilot: Pilot, query: str, title: str) -> str:
    """The screen once the command palette lists TITLE for QUERY, or has settled without it
    (then closed again)."""
    await pilot.press("ctrl+p", *query)
    text = ""
    for attempt in range(60):
        await pilot.pause(0.02)
        text = screen_text(pilot)
        if title in text or ("No matches found" in text and attempt > 10):
            break
    await pilot.press("escape")
    await pilot.pause()
    return text


@pytest.mark.parametrize("served", [False, True])
async def test_the_footer_and_help_show_the_server_side_keys_only_when_not_served(
    sample_db: Path, served: bool
) -> None:
    async with SsiApp(sample_db, options=ViewOptions(served=served)).run_test(
        size=(160, 40)
    ) as pilot:
        screen = await wait_for_board(pilot)
        footer = screen_text(pilot).splitlines()[-1]
        assert ("Import" in footer) is not served and ("Export" in footer) is not served
        live = {action_name(b.action) for _key, b in screen._bindings}
        assert live.isdisjoint(ABSENT_WHEN_SERVED) is served
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        help_text = screen_text(pilot)
        for word in ("Import exports", "Save the rows shown", "SVG screenshot", "pseudonyms"):
            assert (word in help_text) is not served, word


@pytest.mark.parametrize("served", [False, True])
async def test_the_palette_lacks_import_export_screenshot_and_anonymise_when_served(
    sample_db: Path, served: bool
) -> None:
    async with SsiApp(sample_db, options=ViewOptions(served=served)).run_test(
        size=(120, 40)
    ) as pilot:
        await wait_for_board(pilot)
        for query, title in [
            ("import exp", "Import exports"),
            ("save the rows", "Save the rows shown as"),
            ("screenshot", "Save an SVG screenshot"),  # the board's own
            ("screenshot", "Save an SVG 'screenshot'"),  # Textual's
            ("pseudonym", "Show pseudonyms"),
        ]:
            listed = await palette_titles(pilot, query, title)
            assert (title in listed) is not served, (query, listed)
        # The palette still offers what a viewer may do.
        assert "Sort by total SSI" in await palette_titles(
            pilot, "sort by total", "Sort by total SSI"
        )


async def test_pressing_the_server_side_keys_in_a_served_session_does_nothing(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`i`, `+`, `e`, `ctrl+s` and `a` neither open a dialog, nor write a file, nor show
    names."""
    monkeypatch.chdir(tmp_path)  # where a screenshot would be saved
    before = folder_state(tmp_path)
    options = ViewOptions(served=True, view=BoardView(anonymise=True))
    async with SsiApp(sample_db, options=options).run_test(size=(120, 40)) as pilot:
        await wait_for_board(pilot)
        names = shown_names(pilot)
        assert names and all(name.startswith("Rep ") for name in names)
        for key in ABSENT_KEYS:
            await pilot.press(key)
            await pilot.pause(0.05)
            assert isinstance(pilot.app.screen, LeaderboardScreen), key
            assert not pilot.app.screen.query(CommandPalette)
        assert shown_names(pilot) == names  # still pseudonyms: `a` did not lift them
        assert "Carlos" not in screen_text(pilot)
        # Asked by name (as a palette entry or a stray binding would), the actions are refused.
        for action in sorted(ABSENT_WHEN_SERVED - {"edit_rep"}):  # edit_rep: the drill-down's
            await pilot.app.screen.run_action(action)
            await pilot.pause(0.05)
            assert isinstance(pilot.app.screen, LeaderboardScreen), action
        assert shown_names(pilot) == names
    assert folder_state(tmp_path) == before
