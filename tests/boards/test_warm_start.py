"""A warm start: `ssi-tui DB` on a file unchanged since the last start shows the board kept
then, before DuckDB is even imported; after an import it reads the file again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ssi_tui.boards import board_cache, head_start
from ssi_tui.boards.board_loader import BoardRequest
from ssi_tui.boards.board_summary import summary_text
from ssi_tui.boards.head_start import HeadStart
from ssi_tui.boards.layout import measure_rows
from ssi_tui.cli.main import cli
from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import load_board, sort_rows
from ssi_tui.ui.app import SsiApp
from tests.ui.conftest import write_csv
from tests.ui.helpers import screen_text, shown_names, wait_for_board

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# Runs `ssi-tui DB` headless; on the first frame that shows the board, reports what it shows
# and whether DuckDB and click had been imported by then, and quits (as a manager pressing q
# would).
START = r"""
import json, sys
from textual.app import App

seen = {}
display, run = App._display, App.run


def hooked(self, screen, renderable):
    display(self, screen, renderable)
    board = getattr(screen, "board", None)
    if renderable is not None and board is not None and not seen:
        seen.update(first=board.rows[0].name, rows=len(board.rows),
                    duckdb="duckdb" in sys.modules, click="click" in sys.modules)
        self.exit()


App._display = hooked
App.run = lambda self, **kw: run(self, headless=True, size=(100, 30))
from ssi_tui.entry import main  # what the `ssi-tui` script runs

sys.argv = ["ssi-tui", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(seen))
"""


def start(db: Path, cache: Path) -> dict[str, object]:
    env = {**os.environ, board_cache.ENV_VAR: str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", START, str(db)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_second_start_shows_the_kept_board_without_duckdb(
    sample_db: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = start(sample_db, cache)
    assert first["duckdb"] is True
    assert first["click"] is False  # `ssi-tui DB` goes straight to the app (entry.py)
    assert len(list(cache.glob("*/*.board"))) == 1
    second = start(sample_db, cache)
    assert second == {**first, "duckdb": False}


def star(db: Path, tmp_path: Path) -> Path:
    """An export that puts a new rep at the top of DB's newest board."""
    latest = load_board(db).as_of
    assert latest is not None
    return write_csv(
        tmp_path / "star.csv",
        [f"{latest.isoformat()},new@x.example,Zed New,East,25,25,25,24.9,99.9"],
    )


def test_after_another_writer_the_start_reads_the_file_again(
    sample_db: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    start(sample_db, cache)
    run_import(sample_db, [star(sample_db, tmp_path)])  # another program using the library
    again = start(sample_db, cache)
    assert again["duckdb"] is True
    assert again["first"] == "Zed New"


def test_ssi_tui_import_keeps_the_next_start_at_once(sample_db: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    start(sample_db, cache)
    env = {board_cache.ENV_VAR: str(cache)}
    export = star(sample_db, tmp_path)
    done = CliRunner().invoke(cli, ["import", str(sample_db), str(export)], env=env)
    assert done.exit_code == 0, done.output
    again = start(sample_db, cache)
    assert again["duckdb"] is False
    assert again["first"] == "Zed New"
    dry = CliRunner().invoke(
        cli, ["import", "--dry-run", str(sample_db), str(FIXTURES / "week4.csv")], env=env
    )
    assert dry.exit_code == 0, dry.output
    assert start(sample_db, cache)["duckdb"] is False


def test_a_kept_board_is_prepared_as_a_read_one(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(board_cache.ENV_VAR, str(tmp_path / "cache"))
    request = BoardRequest(None, target=60.0)
    read = HeadStart(sample_db, request)
    assert read.result() is not None and not read.from_cache
    read.keep()
    kept = HeadStart(sample_db, request)
    assert kept.from_cache
    prepared = kept.result()
    assert prepared is not None
    expected = load_board(sample_db, with_trends=True, default_target=60.0)
    assert prepared.board == expected
    assert prepared.measure == measure_rows(expected.rows)
    for key in ("ssi", "name", "brand"):
        assert prepared.order(key, False) == sort_rows(expected.rows, key)
    assert HeadStart(sample_db, BoardRequest(None)).from_cache is False


def test_a_board_read_before_an_import_is_not_kept(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv(board_cache.ENV_VAR, str(cache))
    head_start = HeadStart(sample_db, BoardRequest(None))
    assert head_start.result() is not None
    run_import(sample_db, [star(sample_db, tmp_path)])  # while the app is open
    head_start.keep()  # as the app closes
    assert not list(cache.glob("*/*.board"))


def kept_in_pages(db: Path, monkeypatch: pytest.MonkeyPatch, cache: Path) -> HeadStart:
    """A start on DB whose kept board is bigger than its first page (two rows a page)."""
    monkeypatch.setenv(board_cache.ENV_VAR, str(cache))
    monkeypatch.setattr(head_start, "PAGE_ROWS", 2)
    read = HeadStart(db, BoardRequest(None))
    assert read.result() is not None
    read.keep()
    kept = HeadStart(db, BoardRequest(None))
    assert kept.from_cache
    return kept


def test_a_kept_board_starts_with_its_first_page_then_all_of_it(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = kept_in_pages(sample_db, monkeypatch, tmp_path / "cache")
    expected = load_board(sample_db, with_trends=True)
    page = kept.result()
    assert page is not None and page.partial
    assert list(page.board.rows) == sort_rows(expected.rows)[:2]
    assert page.measure == measure_rows(expected.rows)
    line = summary_text(sample_db.name, expected, expected.rows, target=70.0)
    assert page.summary(sample_db.name, 70.0) == line  # of every rep, not of the page
    whole = kept.complete()
    assert whole is not None and not whole.partial
    assert whole.board == expected
    assert whole.summary(sample_db.name, 70.0) == line


async def test_the_app_shows_the_whole_kept_board_after_its_first_page(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = kept_in_pages(sample_db, monkeypatch, tmp_path / "cache")
    expected = [row.name for row in sort_rows(load_board(sample_db).rows)]
    async with SsiApp(sample_db, head_start=kept).run_test(size=(100, 30)) as pilot:
        screen = await wait_for_board(pilot)
        assert shown_names(pilot) == expected
        assert not screen._prepared.partial
        assert f"{len(expected)} reps" in screen_text(pilot)
        await pilot.press("2")  # the whole board sorts, by brand
        by_brand = sort_rows(load_board(sample_db).rows, "brand")
        assert shown_names(pilot) == [row.name for row in by_brand]


async def test_a_file_changed_after_the_first_page_is_read_again(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = kept_in_pages(sample_db, monkeypatch, tmp_path / "cache")
    assert kept.result() is not None
    run_import(sample_db, [star(sample_db, tmp_path)])  # between the first frame and the rest
    assert kept.complete() is None
    async with SsiApp(sample_db, head_start=kept).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        assert shown_names(pilot)[0] == "Zed New"
        assert len(shown_names(pilot)) == len(load_board(sample_db).rows)
