"""What the board says when data is odd: hostile names, no data, no match."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ssi_tui.importing.importer import run_import
from ssi_tui.store import database as store
from ssi_tui.ui.app import SsiApp
from tests.ui.conftest import write_csv
from tests.ui.helpers import header_line, screen_text, visible_lines, wait_for_board


async def test_names_are_shown_literally_never_as_markup_or_escapes(tmp_path: Path) -> None:
    db = tmp_path / "odd.duckdb"
    export = write_csv(
        tmp_path / "odd.csv",
        [
            "2026-11-16,eve,[bold red]Eve[/],[link=http://x]T[/link],20,20,10,20,70",
            '2026-11-16,mal,"Mal\x1b[2Jlory",Ops\x07,10,10,10,10,40',
        ],
    )
    run_import(db, [export])
    async with SsiApp(db).run_test(size=(120, 20)) as pilot:
        await wait_for_board(pilot)
        lines = visible_lines(pilot)
        assert "[bold red]Eve[/]" in lines[0]
        assert "[link=http://x]T[/link]"[:10] in lines[0]
        assert "Mal␛[2Jlory" in lines[1]
        assert "Ops␇" in lines[1]
        assert "\x1b" not in screen_text(pilot)


async def test_an_empty_database_says_how_to_import(tmp_path: Path) -> None:
    db = tmp_path / "empty.duckdb"
    with store.open_write(db):
        pass
    async with SsiApp(db).run_test(size=(80, 24)) as pilot:
        await wait_for_board(pilot)
        text = screen_text(pilot)
        assert "No snapshots yet" in text
        assert "ssi-tui import empty.duckdb" in text
        await pilot.press("1", "t", "left_square_bracket", "slash", "x", "escape", "r")
        await pilot.pause(0.1)
        assert "No snapshots yet" in screen_text(pilot)


async def test_an_as_of_before_any_data_is_explained(sample_db: Path) -> None:
    async with SsiApp(sample_db, as_of=dt.date(2020, 1, 1)).run_test(size=(80, 24)) as pilot:
        await wait_for_board(pilot)
        assert "No snapshots on or before 2020-01-01" in screen_text(pilot)
        await pilot.press("right_square_bracket")
        await wait_for_board(pilot, loads=2)
        assert "No snapshots on or before" not in screen_text(pilot)


async def test_narrow_terminals_drop_sparklines_before_cutting_names(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(80, 24)) as pilot:
        await wait_for_board(pilot)
        narrow = visible_lines(pilot)
        assert any("José Hernández" in line for line in narrow)
        assert not any("▁" in line or "▅" in line for line in narrow[:5])
    async with SsiApp(sample_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        wide = visible_lines(pilot)
        assert sum(ch in "▁▂▃▄▅▆▇█" for ch in wide[0]) >= 5 * 12


async def test_ranks_of_ten_thousand_reps_are_shown_whole(tmp_path: Path) -> None:
    db = tmp_path / "big.duckdb"
    export = write_csv(
        tmp_path / "big.csv",
        [f"2026-11-16,r{n:05d},Rep {n:05d},Ops,10,10,10,10,40" for n in range(10_000)],
    )
    run_import(db, [export])
    async with SsiApp(db).run_test(size=(100, 24)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("end")
        last = visible_lines(pilot)[-1]
        assert last.lstrip().startswith("10000 "), last  # not cut to "100…"
        assert "…" not in last.split()[0]
        assert header_line(pilot).index("Name") == last.index("Rep 09999")
