"""Privacy and sharing in the app: anonymise, exclusions, export, screenshot, target sorts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from ssi_tui.importing.importer import run_import
from ssi_tui.model import formats
from ssi_tui.model.board import load_board
from ssi_tui.model.options import ViewOptions
from ssi_tui.model.view import BoardView
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.export_dialog import ExportScreen
from ssi_tui.ui.screens.rep import RepScreen
from ssi_tui.ui.widgets.board_table import BoardTable
from tests.ui.conftest import write_csv
from tests.ui.helpers import screen_text, shown_names, visible_lines, wait_for_board, wait_until


async def test_a_hides_names_on_the_board_and_in_the_drill_down(sample_db: Path) -> None:
    real = {row.name for row in load_board(sample_db).rows}
    async with SsiApp(sample_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("a")
        await wait_for_board(pilot, loads=2)
        names = shown_names(pilot)
        assert all(name.startswith("Rep ") for name in names) and len(set(names)) == 30
        board_text = "\n".join(visible_lines(pilot))
        assert not any(name in board_text for name in real)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, RepScreen))
        await wait_until(pilot, lambda: names[0] in screen_text(pilot))
        text = screen_text(pilot)
        assert "@acme.example" not in text and not any(name in text for name in real)
        await pilot.press("escape")
        await pilot.press("a")
        await wait_for_board(pilot, loads=3)
        assert set(shown_names(pilot)) == real


async def test_excluded_reps_are_not_on_the_board(sample_db: Path) -> None:
    first = load_board(sample_db).rows[0]
    options = ViewOptions(view=BoardView(exclude=(first.name.upper(),)))
    async with SsiApp(sample_db, options=options).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        assert first.name not in shown_names(pilot) and len(shown_names(pilot)) == 29
        assert pilot.app.screen.query_one(BoardTable).rows[0].rank == 1


@pytest.mark.parametrize("kind", ["markdown", "csv"])
async def test_e_exports_exactly_the_rows_shown(sample_db: Path, tmp_path: Path, kind: str) -> None:
    target = tmp_path / "out"
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("4", "slash", *"smb", "enter", "a")
        await wait_for_board(pilot, loads=2)
        shown = list(pilot.app.screen.query_one(BoardTable).rows)
        assert shown and all(row.team == "SMB" for row in shown)
        await pilot.press("e")
        assert isinstance(pilot.app.screen, ExportScreen)
        path_input = pilot.app.screen.query_one("#path")
        path_input.value = str(target)
        await pilot.click(f"#{kind}")
        await pilot.pause()
    written = target.with_suffix(".md" if kind == "markdown" else ".csv")
    # Sorted by insights (`4`): the Markdown marks that column.
    expected = (
        formats.to_markdown(shown, "insights") if kind == "markdown" else formats.to_csv(shown)
    )
    assert written.read_text(encoding="utf-8") == expected
    assert "Rep " in expected and "SMB" in expected


async def test_a_second_export_never_replaces_the_first(sample_db: Path, tmp_path: Path) -> None:
    """The default name is the as-of date: exporting one team, then everyone, keeps both."""
    target = tmp_path / "out"
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        first, second = tmp_path / "out.csv", tmp_path / "out-2.csv"
        for loads, written in ((2, first), (3, second)):  # the first team, then the next
            await pilot.press("t")
            await wait_for_board(pilot, loads=loads)
            await pilot.press("e")
            pilot.app.screen.query_one("#path").value = str(target)
            await pilot.click("#csv")
            await wait_until(pilot, written.is_file)
        said = [n.message for n in pilot.app._notifications]
    assert first.is_file() and second.is_file()
    assert first.read_text() != second.read_text()  # two teams: neither overwrote the other
    assert any("out-2.csv" in message for message in said)


async def test_exported_csv_neutralises_formulas(tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    run_import(db, [write_csv(tmp_path / "f.csv", ['2026-01-05,e,=HYPERLINK("x"),+T,1,1,1,1,4'])])
    async with SsiApp(db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("e")
        pilot.app.screen.query_one("#path").value = str(tmp_path / "f-out")
        await pilot.click("#csv")
        await pilot.pause()
    record = next(csv.DictReader(io.StringIO((tmp_path / "f-out.csv").read_text())))
    assert record["name"] == '\'=HYPERLINK("x")' and record["team"] == "'+T"


async def test_ctrl_s_saves_an_svg_screenshot(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    shots = list(tmp_path.glob("*.svg"))
    assert len(shots) == 1 and "<svg" in shots[0].read_text(encoding="utf-8")


async def test_8_sorts_by_improvement_and_9_by_progress_to_target(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("8")
        values = [r.change_4w for r in pilot.app.screen.query_one(BoardTable).rows]
        present = [v for v in values if v is not None]
        assert present == sorted(present, reverse=True)
        assert values[len(present) :] == [None] * (len(values) - len(present))
        await pilot.press("9")
        pct = [r.pct_of_target for r in pilot.app.screen.query_one(BoardTable).rows]
        assert pct == sorted(pct, reverse=True)
        assert "%Tgt ▼" in visible_lines(pilot)[0] or "%Tgt" in screen_text(pilot)


async def test_the_drill_down_uses_the_reps_own_target(sample_db: Path) -> None:
    from ssi_tui.model.targets import set_target

    top = load_board(sample_db).rows[0]
    set_target(sample_db, "rep", top.rep_id, 85)
    async with SsiApp(sample_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        assert pilot.app.screen.query_one(BoardTable).rows[0].target == 85
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, RepScreen))
        await wait_until(pilot, lambda: "Target 85" in screen_text(pilot))
        assert "Target 70" not in screen_text(pilot)
