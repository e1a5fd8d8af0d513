"""Boards kept between starts: given back only for the same file, unchanged, and the same view.

No Textual here: the cache is read before the app starts.
"""

from __future__ import annotations

import os
import shutil
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from ssi_tui.boards import board_cache
from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import load_board

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
VIEW = (None, None, "best", 70.0, False, ())


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv(board_cache.ENV_VAR, str(cache))
    return cache


def keep(db: Path, view: tuple[object, ...] = VIEW, extras: tuple[object, ...] = ()) -> None:
    stamp = board_cache.file_stamp(db)
    assert stamp is not None
    board_cache.save(db, view, load_board(db, with_trends=True), stamp, extras)


def test_a_kept_board_comes_back_equal_with_its_extras(history_db: Path, folder: Path) -> None:
    keep(history_db, extras=((12, 4, False), (1, 0)))
    kept = board_cache.load(history_db, VIEW)
    assert kept is not None
    board, extras = kept
    assert board == load_board(history_db, with_trends=True)
    assert (
        board.rows
        and board.rows[0].trends.ssi == load_board(history_db, with_trends=True).rows[0].trends.ssi
    )
    assert extras == ([12, 4, False], [1, 0])
    assert len(list(folder.glob("*/*.board"))) == 1


def test_an_import_since_makes_the_kept_board_stale(history_db: Path, folder: Path) -> None:
    keep(history_db)
    run_import(history_db, [FIXTURES / "week4.csv"])
    assert board_cache.load(history_db, VIEW) is None


def test_another_view_or_another_file_gets_nothing(
    history_db: Path, folder: Path, tmp_path: Path
) -> None:
    keep(history_db)
    assert board_cache.load(history_db, (None, "East", "best", 70.0, False, ())) is None
    copy = tmp_path / "copy.duckdb"
    shutil.copy2(history_db, copy)
    assert board_cache.load(copy, VIEW) is None


def test_the_first_page_comes_back_alone_and_as_stale_as_the_board(
    history_db: Path, folder: Path
) -> None:
    board = load_board(history_db, with_trends=True)
    stamp = board_cache.file_stamp(history_db)
    assert stamp is not None and len(board.rows) > 2
    board_cache.save(
        history_db, VIEW, board, stamp, ("whole",), page=board.rows[:2], page_extras=("page",)
    )
    page = board_cache.load_page(history_db, VIEW)
    assert page is not None
    assert page[0] == replace(board, rows=board.rows[:2])
    assert page[1] == ("page",)
    assert board_cache.load(history_db, VIEW) == (board, ("whole",))
    run_import(history_db, [FIXTURES / "week4.csv"])
    assert board_cache.load_page(history_db, VIEW) is None


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"\xe9" * 100])
def test_a_damaged_cache_file_is_no_cache(history_db: Path, folder: Path, damage: bytes) -> None:
    keep(history_db)
    (kept,) = folder.glob("*/*.board")
    kept.write_bytes(damage if damage else kept.read_bytes()[:100])
    assert board_cache.load(history_db, VIEW) is None
    assert board_cache.load_page(history_db, VIEW) is None


def test_off_keeps_nothing(
    history_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(board_cache.ENV_VAR, "off")
    monkeypatch.chdir(tmp_path)
    keep(history_db)
    assert board_cache.load(history_db, VIEW) is None
    assert not (tmp_path / "off").exists()


def test_a_cache_that_cannot_be_written_is_no_error(
    history_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(board_cache.ENV_VAR, str(blocker / "cache"))
    keep(history_db)
    assert board_cache.load(history_db, VIEW) is None


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_kept_boards_are_readable_by_the_user_only(history_db: Path, folder: Path) -> None:
    keep(history_db)
    (kept,) = folder.glob("*/*.board")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700


def test_an_import_leaves_the_views_to_read_again(history_db: Path, folder: Path) -> None:
    keep(history_db)
    keep(history_db, (None, "East", "best", 70.0, False, ("ann@x.example",)))
    assert board_cache.stale_views(history_db) == []
    run_import(history_db, [FIXTURES / "week4.csv"])
    assert sorted(map(repr, board_cache.stale_views(history_db))) == sorted(
        map(
            repr,
            [
                [None, None, "best", 70.0, False, []],
                [None, "East", "best", 70.0, False, ["ann@x.example"]],
            ],
        )
    )


def test_only_the_views_saved_last_are_kept(history_db: Path, folder: Path) -> None:
    for target in range(60, 60 + board_cache.KEPT_VIEWS + 2):
        keep(history_db, (None, None, "best", float(target), False, ()))
    assert len(list(folder.glob("*/*.board"))) == board_cache.KEPT_VIEWS
    newest = (None, None, "best", float(60 + board_cache.KEPT_VIEWS + 1), False, ())
    assert board_cache.load(history_db, newest) is not None
    assert board_cache.load(history_db, (None, None, "best", 60.0, False, ())) is None
