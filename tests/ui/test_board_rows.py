"""What a board row says beyond its numbers: a stale snapshot's age, one precision per column,
the figure the board is sorted by (issue #20: #7, #8, #10)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from ssi_tui.importing.importer import run_import
from ssi_tui.model.options import ViewOptions
from ssi_tui.model.view import BoardView
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.widgets.board_table import BoardTable
from tests.ui.helpers import header_line, visible_lines, wait_for_board

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def history_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("history") / "history.duckdb"
    run_import(db, [FIXTURES / "history.csv"])
    return db


@pytest.fixture
def history_db(history_master: Path, tmp_path: Path) -> Path:
    db = tmp_path / "history.duckdb"
    shutil.copyfile(history_master, db)
    return db


def _line_of(pilot, name: str) -> str:  # type: ignore[no-untyped-def]
    return next(line for line in visible_lines(pilot) if name in line)


def _is_dim(pilot, name: str) -> bool:  # type: ignore[no-untyped-def]
    table = pilot.app.screen.query_one(BoardTable)
    index = next(i for i, row in enumerate(table.rows) if row.name == name)
    strip = table.render_line(index - table.scroll_offset.y)
    return all(segment.style.dim for segment in strip if segment.text.strip())


async def test_a_stale_row_is_dimmed_with_its_age_and_no_change(history_db: Path) -> None:
    """Two weeks after the last import, Ana's +3 is not shown as this week's change."""
    options = ViewOptions(view=BoardView(as_of=dt.date(2026, 2, 2)))
    async with SsiApp(history_db, options=options).run_test(size=(160, 20)) as pilot:
        await wait_for_board(pilot)
        ana = _line_of(pilot, "Ana Lima")
        assert "2w old" in ana and "+3" not in ana
        assert _is_dim(pilot, "Ana Lima")


async def test_a_current_row_is_not_dimmed_and_its_change_has_one_decimal(
    history_db: Path,
) -> None:
    async with SsiApp(history_db).run_test(size=(160, 20)) as pilot:
        await wait_for_board(pilot)
        assert " +3.0 " in _line_of(pilot, "Ana Lima")  # not `+3` beside a `+1.5`
        assert not _is_dim(pilot, "Ana Lima")
        eve = _line_of(pilot, "Eve Park")  # her 01-05 snapshot on the board of 01-19
        assert "2w old" in eve and _is_dim(pilot, "Eve Park")
        assert "Δ wk" in header_line(pilot)


@pytest.fixture
def improving_db(tmp_path: Path) -> Path:
    """Five weekly snapshots: Ana +8 over four weeks, Bo +2, Cy -4."""
    lines = ["date,rep_id,name,ssi,brand,people,insights,relationships"]
    totals = [(40, 50, 60), (42, 50, 59), (44, 51, 58), (46, 51, 57), (48, 52, 56)]
    for week, week_totals in enumerate(totals):
        day = dt.date(2026, 1, 5) + dt.timedelta(days=7 * week)
        for rep, total in zip(("Ana", "Bo", "Cy"), week_totals, strict=True):
            q = total / 4
            lines.append(f"{day},{rep.lower()}@x.example,{rep},{total},{q},{q},{q},{q}")
    export = tmp_path / "weeks.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "weeks.duckdb"
    run_import(db, [export])
    return db


async def test_8_sorts_by_most_improved_and_shows_the_4_week_change(improving_db: Path) -> None:
    """Issue #8: sorted by most improved, the board showed no 4-week change anywhere."""
    async with SsiApp(improving_db).run_test(size=(120, 20)) as pilot:
        await wait_for_board(pilot)
        assert "SSI ▼" in header_line(pilot) and "4wk" not in header_line(pilot)
        await pilot.press("8")
        await pilot.pause()
        assert "Δ4wk ▼" in header_line(pilot)
        lines = visible_lines(pilot)
        assert [line.split()[2] for line in lines[:3]] == ["Ana", "Bo", "Cy"]
        assert "+8.0" in lines[0] and "+2.0" in lines[1] and "-4.0" in lines[2]
        await pilot.press("8")  # again: least improved first
        await pilot.pause()
        assert "Δ4wk ▲" in header_line(pilot)
        await pilot.press("1")
        await pilot.pause()
        assert "4wk" not in header_line(pilot) and "SSI ▼" in header_line(pilot)


async def test_9_keeps_the_percent_of_target_column_on_a_narrow_terminal(
    improving_db: Path,
) -> None:
    async with SsiApp(improving_db).run_test(size=(50, 20)) as pilot:
        await wait_for_board(pilot)
        assert "%Tgt" not in header_line(pilot)  # gives way on a narrow terminal...
        await pilot.press("9")
        await pilot.pause()
        assert "%Tgt▼" in header_line(pilot)  # ...but not while the board is sorted by it
        assert "80%" in next(line for line in visible_lines(pilot) if "Cy" in line)


async def test_an_exported_markdown_marks_the_sort_shown_and_its_figure(
    improving_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out"
    async with SsiApp(improving_db).run_test(size=(120, 20)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("8", "8")  # least improved first
        await pilot.press("e")
        pilot.app.screen.query_one("#path").value = str(target)
        await pilot.click("#markdown")
        await pilot.pause()
    lines = (tmp_path / "out.md").read_text(encoding="utf-8").splitlines()
    assert "| Δ 4 wk ▲ |" in lines[0] and "SSI ▼" not in lines[0]
    assert lines[2].startswith("| 1 | Cy |") and "| -4.0 |" in lines[2]


def _backgrounds(pilot, y: int) -> set:  # type: ignore[no-untyped-def]
    """The background colours of the table's line Y, as drawn."""
    table = pilot.app.screen.query_one(BoardTable)
    return {segment.style.bgcolor for segment in table.render_line(y) if segment.style}


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_the_cursor_row_is_drawn_apart_from_the_others(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    """Every cell drew the table's own background over the cursor's: no row looked chosen."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = SsiApp(sample_db)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("j", "j")
        await pilot.pause()
        assert pilot.app.screen.query_one(BoardTable).cursor == 2
        cursor_line = _backgrounds(pilot, 2)
        assert cursor_line != _backgrounds(pilot, 1)
        assert cursor_line != _backgrounds(pilot, 3)
        assert len(cursor_line) == 1, "the cursor's background runs across the whole row"
