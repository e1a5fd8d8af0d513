"""A snapshot of a total alone in the app (issue #23 item 2), pressed through as a manager
would: the board shows `–` for its pillars, dimmed, sorts them last and leaves a gap in their
sparklines; the drill-down says the pillars were not given; exports and stand-up agree.

tests/fixtures/history.csv with Ana Lima's 2026-01-12 and 2026-01-19 snapshots (62 and 65)
made totals alone: she stays first by total.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot

from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import MISSED_WEEK
from ssi_tui.pillars import NOT_GIVEN
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.export_dialog import ExportScreen
from ssi_tui.ui.screens.rep import RepScreen
from ssi_tui.ui.screens.standup import StandupScreen
from ssi_tui.ui.widgets.board_table import BoardTable
from ssi_tui.ui.widgets.coaching import NO_PILLARS, CoachingPanel
from ssi_tui.ui.widgets.history_table import HistoryTable
from ssi_tui.ui.widgets.pillar_bars import PillarBars
from ssi_tui.ui.widgets.standup_rows import pillar_cell
from tests.db_helpers import forget_pillars
from tests.ui.helpers import screen_text, shown_names, visible_lines, wait_for_board, wait_until
from tests.ui.snapshot_apps.rep_app import RepApp

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ANA = "ana@acme.example"


@pytest.fixture(scope="module")
def total_alone_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("alone") / "history.duckdb"
    run_import(db, [FIXTURES / "history.csv"])
    forget_pillars(db, ANA, "2026-01-12", "2026-01-19")
    return db


@pytest.fixture
def total_alone_db(total_alone_master: Path, tmp_path: Path) -> Path:
    db = tmp_path / "history.duckdb"
    shutil.copyfile(total_alone_master, db)
    return db


BARS = "▁▂▃▄▅▆▇█"


def _pillar_cells(line: str) -> list[str]:
    """The words of a board line after its % of target: each pillar's value and sparkline."""
    return line.split("%", 1)[1].split()


def screen_of(pilot: Pilot) -> RepScreen:  # type: ignore[type-arg]
    screen = pilot.app.screen
    assert isinstance(screen, RepScreen)
    return screen


def _line_of(pilot: Pilot, name: str) -> str:  # type: ignore[type-arg]
    return next(line for line in visible_lines(pilot) if name in line)


async def test_the_board_shows_a_dim_dash_for_each_pillar_not_given(
    total_alone_db: Path,
) -> None:
    async with SsiApp(total_alone_db).run_test(size=(160, 20)) as pilot:
        await wait_for_board(pilot)
        assert shown_names(pilot)[0] == "Ana Lima"
        ana = _line_of(pilot, "Ana Lima")
        assert _pillar_cells(ana)[::2] == [NOT_GIVEN] * 4 and "0.00" not in ana
        assert _pillar_cells(_line_of(pilot, "Cleo Wu"))[::2] == [
            "15.00",
            "14.00",
            "14.50",
            "14.50",
        ]
        await pilot.press("down")  # the cursor off Ana's row, to read its own styles
        table = pilot.app.screen.query_one(BoardTable)
        strip = table.render_line(0)
        dashes = [s for s in strip if s.text == f"{NOT_GIVEN:>5}"]  # the pillar cells
        assert len(dashes) == 4 and all(s.style is not None and s.style.dim for s in dashes)


async def test_a_pillar_sparkline_leaves_a_gap_for_the_weeks_not_given(
    total_alone_db: Path,
) -> None:
    async with SsiApp(total_alone_db).run_test(size=(160, 20)) as pilot:
        await wait_for_board(pilot)
        # Three weeks: 01-05 drawn, then two weeks of the total alone; never a bar of 0.
        for scale in ("own", "fixed"):
            sparks = _pillar_cells(_line_of(pilot, "Ana Lima"))[1::2]
            assert len(sparks) == 4, scale
            assert all(s[0] in BARS and s[1:] == MISSED_WEEK * 2 for s in sparks), sparks
            total = _line_of(pilot, "Ana Lima").split("65")[1].split()[0]
            assert len(total) == 3 and MISSED_WEEK not in total  # the total was given
            await pilot.press("s")  # the fixed 0-25 scale: the same gaps
            await pilot.pause()


@pytest.mark.parametrize("key", ["2", "3", "4", "5"])
async def test_a_pillar_sort_puts_the_total_alone_last_both_ways(
    total_alone_db: Path, key: str
) -> None:
    async with SsiApp(total_alone_db).run_test(size=(160, 20)) as pilot:
        await wait_for_board(pilot)
        await pilot.press(key)
        await pilot.pause()
        names = shown_names(pilot)
        assert names[-1] == "Ana Lima" and names[0] != "Ana Lima"
        await pilot.press(key)  # again: the other way, and she stays last
        await pilot.pause()
        reversed_names = shown_names(pilot)
        assert reversed_names[-1] == "Ana Lima"
        assert reversed_names[:-1] != names[:-1]
        await pilot.press("1")  # by total, she is first again
        await pilot.pause()
        assert shown_names(pilot)[0] == "Ana Lima"


async def test_the_drill_down_says_the_pillars_were_not_given(total_alone_db: Path) -> None:
    async with SsiApp(total_alone_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: getattr(pilot.app.screen, "detail", None) is not None)
        screen = pilot.app.screen
        assert isinstance(screen, RepScreen)
        text = screen_text(pilot)
        assert "Pillars not given for 2026-01-19 (a total alone)" in text
        bars = screen.query_one(PillarBars).render()
        assert f"{NOT_GIVEN}/25" in str(bars) and "not given" in str(bars)
        assert "weakest" not in str(bars)
        history = screen.query_one(HistoryTable)
        newest = [cell.plain.strip() for cell in history.get_row_at(0)]
        assert newest[:2] == ["2026-01-19", "65 +3.00"]
        assert newest[2:6] == [NOT_GIVEN] * 4
        oldest = [cell.plain.strip() for cell in history.get_row_at(2)]
        assert oldest[2:6] == ["15.00"] * 4
        # Coaching picks the weakest pillar of the last snapshot that gave all four.
        lines = text.splitlines()
        at = next(i for i, line in enumerate(lines) if "weakest pillar on" in line)
        assert "2026-01-05" in lines[at] + lines[at + 1]  # wrapped in the left column


async def test_the_drill_down_of_a_rep_with_pillars_says_nothing_of_it(
    total_alone_db: Path,
) -> None:
    async with SsiApp(total_alone_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: getattr(pilot.app.screen, "detail", None) is not None)
        text = screen_text(pilot)
        assert "Cleo Wu" in text and "not given" not in text


async def test_a_rep_who_never_gave_pillars_has_a_drill_down_without_them(
    total_alone_db: Path,
) -> None:
    forget_pillars(total_alone_db, "eve@acme.example", "2026-01-05")  # her only snapshot
    async with SsiApp(total_alone_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("G", "enter")  # Eve Park, last by total
        await wait_until(pilot, lambda: getattr(pilot.app.screen, "detail", None) is not None)
        given = "Pillars not given for 2026-01-05 (a total alone)"
        await wait_until(pilot, lambda: given in screen_text(pilot))
        text = screen_text(pilot)
        assert "Eve Park" in text
        coaching = screen_of(pilot).query_one(CoachingPanel)
        lines = [coaching.render_line(y).text for y in range(coaching.size.height)]
        assert NO_PILLARS in " ".join(" ".join(lines).split())
        assert "1 snapshot without pillars" in text


def test_a_stand_up_pillar_cell_not_given_is_a_dash_without_a_bar() -> None:
    cell = pillar_cell(None, 6, "green")
    assert cell.plain == f"{NOT_GIVEN:>5}" + " " * 7
    dash = next(seg for seg in Console().render(cell) if seg.text.strip() == NOT_GIVEN)
    assert dash.style is not None and dash.style.dim
    assert pillar_cell(12.5, 6, "green").plain.startswith(" 12.5 ███")


@pytest.mark.parametrize("kind", ["markdown", "csv"])
async def test_the_export_dialog_writes_the_pillars_as_not_given(
    total_alone_db: Path, tmp_path: Path, kind: str
) -> None:
    target = tmp_path / "out"
    async with SsiApp(total_alone_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("e")
        assert isinstance(pilot.app.screen, ExportScreen)
        pilot.app.screen.query_one("#path").value = str(target)  # type: ignore[attr-defined]
        await pilot.click(f"#{kind}")
        await pilot.pause()
    if kind == "markdown":
        ana = next(
            line for line in target.with_suffix(".md").read_text().splitlines() if "Ana" in line
        )
        assert f"| 65 | {NOT_GIVEN} | {NOT_GIVEN} | {NOT_GIVEN} | {NOT_GIVEN} | +3.0 |" in ana
    else:
        records = list(csv.DictReader(io.StringIO(target.with_suffix(".csv").read_text())))
        ana = next(r for r in records if r["name"] == "Ana Lima")
        assert [ana[k] for k in ("brand", "people", "insights", "relationships")] == [""] * 4


async def test_stand_up_shows_a_dash_for_the_pillars_not_given(total_alone_db: Path) -> None:
    async with SsiApp(total_alone_db).run_test(size=(120, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("S")
        await wait_until(pilot, lambda: getattr(pilot.app.screen, "loads", 0) >= 1)
        assert isinstance(pilot.app.screen, StandupScreen)
        ana = next(line for line in screen_text(pilot).splitlines() if "Ana Lima" in line)
        assert ana.count(NOT_GIVEN) >= 4 and "0.0" not in ana


async def test_no_color_at_80x24_still_shows_the_dashes_and_the_note(
    total_alone_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = SsiApp(total_alone_db)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        await wait_for_board(pilot)
        assert _line_of(pilot, "Ana Lima").count(NOT_GIVEN) >= 4
        await pilot.press("enter")
        await wait_until(pilot, lambda: getattr(pilot.app.screen, "detail", None) is not None)
        assert "Pillars not given for 2026-01-19" in screen_text(pilot)
        await pilot.press("escape", "q")
    assert app.return_code == 0


# -- snapshots: the sample team, Maria Garcia (second by total) giving the total alone on
# 2026-10-26 and 2026-11-16 (the as-of date) ------------------------------------------------

SAMPLE_AS_OF = dt.date(2026, 11, 16)


@pytest.fixture
def sample_total_alone_db(sample_db: Path) -> Path:
    forget_pillars(sample_db, "maria.garcia@acme.example", "2026-10-26", "2026-11-16")
    return sample_db


def test_snapshot_board(snap_compare, sample_total_alone_db: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        SsiApp(sample_total_alone_db, as_of=SAMPLE_AS_OF),
        terminal_size=(120, 30),
        run_before=wait_for_board,
    )


def test_snapshot_drill_down(snap_compare, sample_total_alone_db: Path) -> None:  # type: ignore[no-untyped-def]
    async def loaded(pilot: Pilot) -> None:  # type: ignore[type-arg]
        await wait_until(pilot, lambda: getattr(pilot.app.screen, "detail", None) is not None)

    assert snap_compare(
        RepApp(sample_total_alone_db, 1), terminal_size=(160, 45), run_before=loaded
    )
