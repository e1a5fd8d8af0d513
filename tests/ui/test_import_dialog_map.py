"""The import dialog's "Headers to map" box: the CLI's --map, typed as pairs."""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

import pytest

from ssi_tui.model.board import load_board
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens import import_dialog
from ssi_tui.ui.screens.import_dialog import ImportScreen
from tests.ui.helpers import screen_text, shown_names, wait_for_board, wait_until

pytestmark = pytest.mark.usefixtures("in_exports_folder")

SHEET = (
    "Week of,Rep,Stand-up score,Brand,Prospecting,Insights,Relationships\n"
    "2026-11-23,Zed Top,99,25,24,25,25\n"
)


def _problems(pilot) -> str:  # type: ignore[no-untyped-def]
    return str(pilot.app.screen.query_one("#problems").render())


async def test_a_sheet_with_unknown_headers_imports_once_they_are_mapped(
    sample_db: Path, tmp_path: Path
) -> None:
    export = tmp_path / "sheet.csv"
    export.write_text(SHEET, encoding="utf-8")
    async with SsiApp(sample_db).run_test(size=(120, 36)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *export.name, "enter")
        await wait_until(pilot, lambda: "Cannot import" in screen_text(pilot))
        assert "no 'people' column" in _problems(pilot)
        # The dialog names its own box, not the CLI's option.
        assert "with Headers to map: HEADER=people" in _problems(pilot)
        assert "--map" not in _problems(pilot)
        await pilot.click("#map")
        await pilot.press(*"Prospecting=people, stand-up score = ssi", "enter")
        await wait_until(pilot, lambda: "1 new" in screen_text(pilot))
        assert _problems(pilot) == ""
        await pilot.click("#import")
        await wait_for_board(pilot, loads=2)
        assert not isinstance(pilot.app.screen, ImportScreen)
        assert shown_names(pilot)[0] == "Zed Top"
        await pilot.app.workers.wait_for_complete()
    board = load_board(sample_db)
    assert board.as_of.isoformat() == "2026-11-23"
    assert (board.rows[0].name, board.rows[0].ssi, board.rows[0].people) == ("Zed Top", 99, 24)


async def test_a_faulty_mapping_is_shown_and_nothing_is_written(
    sample_db: Path, tmp_path: Path
) -> None:
    before = hashlib.sha256(sample_db.read_bytes()).hexdigest()
    export = tmp_path / "sheet.csv"
    export.write_text(SHEET, encoding="utf-8")
    async with SsiApp(sample_db).run_test(size=(120, 36)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *export.name)
        await pilot.click("#map")
        await pilot.press(*"Prospecting=peple", "enter")
        await wait_until(pilot, lambda: "Cannot import" in screen_text(pilot))
        assert "Headers to map: unknown column 'peple'" in _problems(pilot)
        assert pilot.app.screen.query_one("#import").disabled
    assert hashlib.sha256(sample_db.read_bytes()).hexdigest() == before


async def test_a_mapped_header_no_file_has_is_named_as_the_box_spells_it(
    sample_db: Path, tmp_path: Path
) -> None:
    export = tmp_path / "sheet.csv"
    export.write_text(SHEET, encoding="utf-8")
    async with SsiApp(sample_db).run_test(size=(120, 36)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *export.name, "tab", *"Prospecting=people; Prospectin=people")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Cannot import" in screen_text(pilot))
        assert "Headers to map: Prospectin=people: no file has a header" in _problems(pilot)
        assert "--map" not in _problems(pilot)


async def test_tab_enter_after_a_good_preview_imports_and_cancel_says_nothing_was(
    sample_db: Path, tmp_path: Path
) -> None:
    """The keys a manager presses: path, tab, mapping, enter (the preview), enter again imports,
    as the focus is on Import. Tab then enter lands on Cancel, which says nothing was imported
    (it once closed silently, and the manager thought the week was in)."""
    before = hashlib.sha256(sample_db.read_bytes()).hexdigest()
    export = tmp_path / "sheet.csv"
    export.write_text(SHEET, encoding="utf-8")
    async with SsiApp(sample_db).run_test(size=(120, 36)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *export.name, "tab", *"Prospecting=people", "enter")
        await wait_until(pilot, lambda: "1 new" in screen_text(pilot))
        await pilot.pause()
        assert pilot.app.focused is pilot.app.screen.query_one("#import")
        await pilot.press("tab", "enter")
        assert not isinstance(pilot.app.screen, ImportScreen)
        said = [(n.title, n.message) for n in pilot.app._notifications]
        assert ("Import cancelled", "Nothing imported.") in said
        await pilot.app.workers.wait_for_complete()
    assert hashlib.sha256(sample_db.read_bytes()).hexdigest() == before
    async with SsiApp(sample_db).run_test(size=(120, 36)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *export.name, "tab", *"Prospecting=people", "enter")
        await wait_until(pilot, lambda: "1 new" in screen_text(pilot))
        await pilot.pause()
        await pilot.press("enter")
        await wait_for_board(pilot, loads=2)
        assert not isinstance(pilot.app.screen, ImportScreen)
        assert shown_names(pilot)[0] == "Zed Top"
        await pilot.app.workers.wait_for_complete()


async def test_escape_while_the_import_writes_does_not_close_the_dialog(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing then would say 'Nothing imported.' while the import goes on writing."""
    real_import = import_dialog.run_import
    started = threading.Event()

    def slow_import(*args, **kwargs):  # type: ignore[no-untyped-def]
        if not args[2].dry_run:
            started.set()
            time.sleep(0.5)
        return real_import(*args, **kwargs)

    monkeypatch.setattr(import_dialog, "run_import", slow_import)
    export = tmp_path / "sheet.csv"
    export.write_text(SHEET, encoding="utf-8")
    async with SsiApp(sample_db).run_test(size=(120, 36)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *export.name, "tab", *"Prospecting=people", "enter")
        await wait_until(pilot, lambda: "1 new" in screen_text(pilot))
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, started.is_set)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ImportScreen)
        await wait_for_board(pilot, loads=2)
        said = [n.title for n in pilot.app._notifications]
        assert "Import finished" in said and "Import cancelled" not in said
        await pilot.app.workers.wait_for_complete()
    assert load_board(sample_db).rows[0].name == "Zed Top"
