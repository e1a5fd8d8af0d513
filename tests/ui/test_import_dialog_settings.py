"""The import dialog's date format, skip-invalid and "Remember these settings", filled in from
what the database remembers (issue #23, item 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssi_tui.importing.import_settings import stored_settings
from ssi_tui.importing.importer import run_import
from ssi_tui.importing.options import ImportOptions
from ssi_tui.ingest.header_map import parse_header_map
from ssi_tui.model.board import load_board
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.import_dialog import ImportScreen
from tests.ui.helpers import screen_text, shown_names, wait_for_board, wait_until

pytestmark = pytest.mark.usefixtures("in_exports_folder")

HEADER = "Week of,Rep,Brand,Prospecting,Insights,Relationships\n"
MAPPING = "Week of=date; Rep=name; Prospecting=people"


def _sheet(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "sheet.csv"
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def _box(pilot, name: str) -> str:  # type: ignore[no-untyped-def]
    return pilot.app.screen.query_one(f"#{name}").value


def _problems(pilot) -> str:  # type: ignore[no-untyped-def]
    return str(pilot.app.screen.query_one("#problems").render())


async def test_remembered_settings_fill_the_boxes_and_import_the_sheet(
    sample_db: Path, tmp_path: Path
) -> None:
    first = _sheet(tmp_path, "16/11/2026,Zed Top,20,20,20,20")
    remembered = ImportOptions(
        header_map=parse_header_map([MAPPING]), date_format="%d/%m/%Y", remember=True
    )
    run_import(sample_db, [first], remembered)
    week = tmp_path / "week.csv"
    week.write_text(HEADER + "23/11/2026,Zed Top,25,24,25,25\n", encoding="utf-8")
    async with SsiApp(sample_db).run_test(size=(120, 40)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i")
        await wait_until(pilot, lambda: _box(pilot, "date-format") == "%d/%m/%Y")
        assert _box(pilot, "map") == MAPPING
        await pilot.press(*week.name, "enter")
        await wait_until(pilot, lambda: "1 new" in screen_text(pilot))
        await pilot.click("#import")
        await wait_for_board(pilot, loads=2)
        assert not isinstance(pilot.app.screen, ImportScreen)
        assert shown_names(pilot)[0] == "Zed Top"
        await pilot.app.workers.wait_for_complete()
    assert load_board(sample_db).as_of.isoformat() == "2026-11-23"


async def test_a_date_format_typed_and_remembered(sample_db: Path, tmp_path: Path) -> None:
    sheet = _sheet(tmp_path, "05/11/2026,Zed Top,25,24,25,25", "06/11/2026,Zed Top,25,24,25,25")
    async with SsiApp(sample_db).run_test(size=(120, 40)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *sheet.name)
        await pilot.click("#map")
        await pilot.press(*MAPPING, "enter")
        await wait_until(pilot, lambda: "Cannot import" in screen_text(pilot))
        assert "could be MM/DD/YYYY or DD/MM/YYYY" in _problems(pilot)
        await pilot.click("#date-format")
        await pilot.press(*"%m/%d/%Y", "enter")
        await wait_until(pilot, lambda: "2 new" in screen_text(pilot))
        await pilot.click("#remember")
        await pilot.click("#import")
        await wait_for_board(pilot, loads=2)
        await pilot.app.workers.wait_for_complete()
    kept = stored_settings(sample_db)
    assert (kept.date_format, kept.header_map) == (
        "%m/%d/%Y",
        (("Week of", "date"), ("Rep", "name"), ("Prospecting", "people")),
    )
    dates = {d.isoformat() for d in load_board(sample_db).dates}
    assert {"2026-05-11", "2026-06-11"} <= dates  # month first, as typed


async def test_a_wrong_date_format_is_said_before_any_file_is_read(
    sample_db: Path, tmp_path: Path
) -> None:
    sheet = _sheet(tmp_path, "2026-11-23,Zed Top,25,24,25,25")
    async with SsiApp(sample_db).run_test(size=(120, 40)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *sheet.name)
        await pilot.click("#date-format")
        await pilot.press(*"dd/mm/yyyy", "enter")
        await wait_until(pilot, lambda: "Cannot import" in screen_text(pilot))
        assert "Date format: expected a pattern with %d, %m and %Y" in _problems(pilot)
        assert pilot.app.screen.query_one("#import").disabled


async def test_skip_invalid_imports_the_valid_rows_and_lists_the_rest(
    sample_db: Path, tmp_path: Path
) -> None:
    sheet = _sheet(tmp_path, "2026-11-23,Zed Top,25,24,25,25", "2026-11-23,Ada Bad,25,99,25,25")
    async with SsiApp(sample_db).run_test(size=(120, 40)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("i", *sheet.name)
        await pilot.click("#map")
        await pilot.press(*MAPPING, "enter")
        await wait_until(pilot, lambda: "Cannot import: 1 problem" in screen_text(pilot))
        await pilot.click("#skip-invalid")
        await pilot.click("#map")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Will skip 1 problem" in _problems(pilot))
        assert "expected a number from 0 to 25, got '99'" in _problems(pilot)
        await pilot.click("#import")
        await wait_for_board(pilot, loads=2)
        await pilot.app.workers.wait_for_complete()
    names = {row.name for row in load_board(sample_db).rows}
    assert "Zed Top" in names and "Ada Bad" not in names
    assert stored_settings(sample_db).header_map == ()  # not asked to remember
