"""`ssi-tui add`: a snapshot typed in at stand-up, printed back; bad values write nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from ssi_tui.boards import board_cache
from ssi_tui.boards.head_start import HeadStart
from ssi_tui.model.view import BoardView
from tests.cli.conftest import Invoke
from tests.db_helpers import query


def test_a_total_alone_is_added_and_said_back(invoke: Invoke, history_db: Path) -> None:
    result = invoke("add", history_db, "--rep", "ana lima", "--date", "2026-01-26", "--ssi", "67")
    assert result.exit_code == 0, result.output
    assert result.output == "Added Ana Lima on 2026-01-26: SSI 67 (pillars not given)\n"
    stored = query(
        history_db,
        "SELECT ssi, brand, people, insights, relationships FROM snapshots"
        " WHERE rep_id = 'ana@acme.example' AND snapshot_date = '2026-01-26'",
    )
    assert stored == [(67.0, None, None, None, None)]
    board = invoke("leaderboard", history_db, "--format", "csv", "--as-of", "2026-01-26")
    assert "ana@acme.example,Ana Lima,Enterprise,67" in board.output


def test_the_date_defaults_to_today_and_pillars_make_the_total(
    invoke: Invoke, history_db: Path
) -> None:
    result = invoke(
        "add", history_db, "--rep", "Bob Stone", "--brand", "16", "--people", "17",
        "--insights", "16", "--relationships", "18.5", "--industry-rank", "Top 9%",
    )  # fmt: skip
    today = dt.date.today()
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"Added Bob Stone on {today}: SSI 67.5"
        " (brand 16, people 17, insights 16, relationships 18.5)\n"
    )
    assert query(
        history_db,
        f"SELECT ssi, industry_rank FROM snapshots WHERE snapshot_date = '{today}'",
    ) == [(67.5, 9.0)]


def test_a_correction_prints_old_and_new(invoke: Invoke, history_db: Path) -> None:
    day = query(history_db, "SELECT max(snapshot_date)::VARCHAR FROM snapshots")[0][0]
    result = invoke(
        "add", history_db, "--rep", "Ana Lima", "--date", day,
        "--ssi", "61", "--brand", "16", "--people", "15", "--insights", "15",
        "--relationships", "15",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Corrected Ana Lima on {day}: SSI ")
    assert "-> 61" in result.output
    again = invoke(
        "add", history_db, "--rep", "Ana Lima", "--date", day,
        "--ssi", "61", "--brand", "16", "--people", "15", "--insights", "15",
        "--relationships", "15",
    )  # fmt: skip
    assert again.output == (
        f"Unchanged: Ana Lima on {day} already has SSI 61"
        " (brand 16, people 15, insights 15, relationships 15)\n"
    )


def test_bad_values_are_listed_exit_2_and_nothing_is_written(
    invoke: Invoke, history_db: Path, dump: Callable[[Path], dict]
) -> None:
    before = dump(history_db)
    result = invoke("add", history_db, "--rep", "Ana Lima", "--ssi", "700", "--brand", "x")
    assert result.exit_code == 2
    assert "Error: SSI: expected a number from 0 to 100, got '700'" in result.output
    assert "Error: Brand: expected a number from 0 to 25, got 'x'" in result.output
    assert "Nothing was written." in result.output
    assert dump(history_db) == before
    result = invoke("add", history_db, "--rep", "Ana Lima")
    assert result.exit_code == 2
    assert "SSI: give the SSI total, or all four pillars" in result.output
    assert dump(history_db) == before


def test_a_new_rep_needs_new_rep(invoke: Invoke, history_db: Path) -> None:
    result = invoke("add", history_db, "--rep", "Cy Diaz", "--ssi", "52")
    assert result.exit_code == 2
    assert "no rep called 'Cy Diaz'; add them as new with --new-rep" in result.output
    result = invoke("add", history_db, "--rep", "Cy Diaz", "--ssi", "52", "--new-rep")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Added Cy Diaz (new rep) on ")
    assert query(history_db, "SELECT name FROM reps WHERE rep_id = 'cy-diaz'") == [("Cy Diaz",)]


def test_a_bad_date_is_a_usage_error(invoke: Invoke, history_db: Path) -> None:
    result = invoke("add", history_db, "--rep", "Ana Lima", "--ssi", "60", "--date", "19/01/2026")
    assert result.exit_code == 2
    assert "expected a date as YYYY-MM-DD" in result.output


def test_the_board_kept_for_the_next_start_is_read_again(
    invoke: Invoke, history_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(board_cache.ENV_VAR, str(tmp_path / "cache"))
    view = BoardView(None)
    earlier = HeadStart(history_db, view)
    assert earlier.result() is not None
    earlier.keep()
    result = invoke("add", history_db, "--rep", "Eve Park", "--date", "2026-01-26", "--ssi", "99")
    assert result.exit_code == 0, result.output
    kept = HeadStart(history_db, view)
    assert kept.from_cache
    board = kept.result()
    assert board is not None and (board.board.rows[0].name, board.board.rows[0].ssi) == (
        "Eve Park",
        99.0,
    )
