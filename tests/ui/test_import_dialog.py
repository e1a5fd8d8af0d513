"""Importing from inside the app: preview, import, refresh; invalid files write nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ssi_tui.boards import board_cache
from ssi_tui.boards.head_start import HeadStart
from ssi_tui.model.board import load_board
from ssi_tui.model.view import BoardView
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.import_dialog import ImportScreen
from tests.ui.conftest import write_csv
from tests.ui.helpers import screen_text, shown_names, wait_for_board, wait_until

pytestmark = pytest.mark.usefixtures("in_exports_folder")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_a_valid_file_is_previewed_imported_and_shown(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = write_csv(
        tmp_path / "week.csv",
        ["2026-11-23,zz@x.example,Zed Top,SMB,25,25,25,25,100"],
    )
    # A board kept by an earlier start (board_cache.py): the import must read it again.
    monkeypatch.setenv(board_cache.ENV_VAR, str(tmp_path / "cache"))
    view = BoardView(None)
    earlier = HeadStart(sample_db, view)
    assert earlier.result() is not None
    earlier.keep()
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i")
        assert isinstance(pilot.app.screen, ImportScreen)
        await pilot.press(*str(export), "enter")
        await wait_until(pilot, lambda: "1 new" in screen_text(pilot))
        assert "week.csv: 1 row — 1 new, 0 corrected, 0 unchanged (1 rep," in screen_text(pilot)
        await pilot.click("#import")
        await wait_for_board(pilot, loads=2)
        assert not isinstance(pilot.app.screen, ImportScreen)
        assert shown_names(pilot)[0] == "Zed Top"
        finished = [n for n in pilot.app._notifications if n.title == "Import finished"]
        assert [n.message for n in finished] == ["1 new, 0 corrected, 0 unchanged."]
        await pilot.app.workers.wait_for_complete()
    assert load_board(sample_db).as_of.isoformat() == "2026-11-23"
    kept = HeadStart(sample_db, view)
    assert kept.from_cache
    result = kept.result()
    assert result is not None and result.board.rows[0].name == "Zed Top"


async def test_an_invalid_file_shows_its_problems_and_writes_nothing(
    sample_db: Path, tmp_path: Path
) -> None:
    before = _digest(sample_db)
    export = write_csv(
        tmp_path / "bad.csv",
        ["2026-11-23,a@x.example,A,SMB,26,1,1,1,", "2026-02-30,b@x.example,B,SMB,1,1,1,1,"],
    )
    async with SsiApp(sample_db).run_test(size=(120, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *export.name, "enter")
        await wait_until(pilot, lambda: "Cannot import" in screen_text(pilot))
        text = str(pilot.app.screen.query_one("#problems").render())
        lines = text.splitlines()
        assert any(line.startswith(f"{export}:2: column 'brand'") for line in lines), lines
        assert any(line.startswith(f"{export}:3: column 'date'") for line in lines), lines
        assert "␊" not in text
        assert pilot.app.screen.query_one("#import").disabled
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, ImportScreen)
    assert _digest(sample_db) == before


async def test_cancel_closes_without_importing(sample_db: Path, tmp_path: Path) -> None:
    before = _digest(sample_db)
    export = write_csv(tmp_path / "ok.csv", ["2026-11-23,c@x.example,C,SMB,1,1,1,1,"])
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *export.name, "enter")
        await wait_until(pilot, lambda: "1 new" in screen_text(pilot))
        await pilot.click("#cancel")
        assert not isinstance(pilot.app.screen, ImportScreen)
        assert "C" not in shown_names(pilot)
    assert _digest(sample_db) == before


async def test_the_board_stays_in_sight_behind_the_dialog(sample_db: Path) -> None:
    """A dialog dims the board rather than blanking it: the manager still sees what the import
    is about (an app-wide opaque Screen background once hid it)."""
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        first = shown_names(pilot)[0]
        await pilot.press("i")
        assert isinstance(pilot.app.screen, ImportScreen)
        await pilot.pause()
        assert first in screen_text(pilot)


async def test_tab_completes_the_path_then_moves_on(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As in a shell: tab takes the completion shown (it used to move the focus away, leaving
    the completion to → alone)."""
    folder = tmp_path / "exports_2026"
    folder.mkdir()
    write_csv(folder / "week.csv", ["2026-11-23,zz@x.example,Zed Top,SMB,25,25,25,25,100"])
    monkeypatch.chdir(tmp_path)  # a short path: the completion shows in full
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *"exp")
        path_box = pilot.app.screen.query_one("#path")

        async def tab_gives(expected: str) -> None:
            await wait_until(pilot, lambda: expected in screen_text(pilot))  # the suggestion
            await pilot.press("tab")
            assert path_box.value == expected and pilot.app.focused is path_box

        await tab_gives("exports_2026/")
        await tab_gives("exports_2026/week.csv")
        await pilot.press("tab")  # nothing left to complete: on to the next control
        assert pilot.app.focused is not path_box


async def test_the_preview_lists_corrections_and_warnings(sample_db: Path, tmp_path: Path) -> None:
    """Brand 2.89 typed for 22.89: the preview says what it would correct (old → new) and that
    the value looks like a typo, each on its own line, before anything is written."""
    before = _digest(sample_db)
    export = write_csv(
        tmp_path / "typo.csv",
        ["2026-11-16,priya.raman@acme.example,Priya Raman,Enterprise,2.89,14.83,18.51,22.64,59"],
    )
    async with SsiApp(sample_db).run_test(size=(160, 40)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *export.name, "enter")
        await wait_until(pilot, lambda: "1 corrected" in screen_text(pilot))
        preview = str(pilot.app.screen.query_one("#preview").render()).splitlines()
        assert "would correct 2 values:" in preview
        assert "  Priya Raman, 2026-11-16, ssi: 79 → 59" in preview
        assert "  Priya Raman, 2026-11-16, brand: 22.89 → 2.89" in preview
        assert (
            f"  {export}:2: column 'brand': Priya Raman, 2026-11-16: brand 2.89 moved by more"
            " than half of 22.74 (2026-11-09); a typo?"
        ) in preview
        await pilot.click("#cancel")
    assert _digest(sample_db) == before


async def test_a_file_that_only_sets_a_team_can_be_imported(
    sample_db: Path, tmp_path: Path
) -> None:
    """Its rows are unchanged, but the team is news: the preview says so and Import is on."""
    export = write_csv(
        tmp_path / "teams.csv",
        ["2026-11-16,priya.raman@acme.example,Priya Raman,Field,22.89,14.83,18.51,22.64,79"],
    )
    async with SsiApp(sample_db).run_test(size=(160, 40)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *export.name, "enter")
        await wait_until(pilot, lambda: "1 unchanged" in screen_text(pilot))
        preview = str(pilot.app.screen.query_one("#preview").render()).splitlines()
        assert "team set for 1 rep" in preview
        assert not pilot.app.screen.query_one("#import").disabled
