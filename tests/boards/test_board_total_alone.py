"""Boards holding a snapshot of a total alone (pillars not given): kept between starts as
they were, and summed up without reading the missing pillars as 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssi_tui.boards import board_cache
from ssi_tui.boards.board_summary import summary_text
from ssi_tui.model.board import load_board
from ssi_tui.model.view import BoardView
from ssi_tui.pillars import NOT_GIVEN
from tests.db_helpers import forget_pillars

VIEW = BoardView().kept_key()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv(board_cache.ENV_VAR, str(cache))
    return cache


def test_a_kept_board_keeps_the_pillars_not_given(history_db: Path, folder: Path) -> None:
    forget_pillars(history_db, "ana@acme.example", "2026-01-12", "2026-01-19")
    board = load_board(history_db, with_trends=True)
    stamp = board_cache.file_stamp(history_db)
    assert stamp is not None
    board_cache.save(history_db, VIEW, board, stamp, ())
    kept = board_cache.load(history_db, VIEW)
    assert kept is not None
    assert kept[0] == board
    ana = kept[0].rows[0]
    assert (ana.name, ana.brand, ana.relationships) == ("Ana Lima", None, None)
    assert ana.trends.brand.endswith("··")


def test_the_summary_averages_the_pillars_given(history_db: Path) -> None:
    forget_pillars(history_db, "ana@acme.example", "2026-01-19")
    board = load_board(history_db)
    text = summary_text("team.duckdb", board, board.rows, target=70).plain
    # Brand of the five others: 15, 15, 14, 12, 10 -> 13.2 (with Ana's 0 it would be 11.0).
    assert "avg SSI 53.7 (Brand 13.2 " in text


def test_the_summary_of_totals_alone_says_not_given(history_db: Path) -> None:
    board = load_board(history_db)
    for row in board.rows:
        forget_pillars(history_db, row.rep_id, row.as_of.isoformat())
    board = load_board(history_db)
    text = summary_text("team.duckdb", board, board.rows, target=70).plain
    assert (
        f"(Brand {NOT_GIVEN} People {NOT_GIVEN} Insights {NOT_GIVEN} Relations {NOT_GIVEN})" in text
    )
