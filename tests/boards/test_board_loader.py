"""BoardSource: boards read off the UI thread, prepared, cached and read ahead (no Textual)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ssi_tui.boards import board_loader
from ssi_tui.boards.board_loader import BoardRequest, BoardSource, neighbours
from ssi_tui.boards.board_summary import summary_text
from ssi_tui.boards.head_start import HeadStart
from ssi_tui.errors import SsiError
from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import SORT_KEYS, load_board, sort_rows
from ssi_tui.text import fold
from tests.ui.conftest import write_csv

WEEK = dt.timedelta(days=7)


def test_prepared_boards_are_the_boards_load_board_reads(sample_db: Path) -> None:
    latest = load_board(sample_db)
    assert latest.as_of is not None
    team = latest.teams[0]
    requests = [
        BoardRequest(None),
        BoardRequest(latest.as_of - WEEK),
        BoardRequest(None, team=team, source="official", target=60.0),
        BoardRequest(None, anonymise=True, exclude=(latest.rows[0].name,)),
    ]
    prepared = BoardSource(sample_db).load(requests)
    assert [p.board for p in prepared] == [
        load_board(
            sample_db,
            as_of=r.as_of,
            team=r.team,
            source=r.source,  # type: ignore[arg-type]
            with_trends=True,
            default_target=r.target,
            anonymise=r.anonymise,
            exclude=r.exclude,
        )
        for r in requests
    ]
    assert prepared[3].board.rows[0].name.startswith("Rep ")


def test_every_sort_order_is_the_one_sort_rows_gives(sample_db: Path) -> None:
    (prepared,) = BoardSource(sample_db).load([BoardRequest(None)])
    for key in SORT_KEYS:
        for reverse in (False, True):
            expected = sort_rows(prepared.board.rows, key, reverse=reverse)
            assert prepared.order(key, reverse) == expected, (key, reverse)


def test_search_text_is_the_folded_name_and_team(sample_db: Path) -> None:
    (prepared,) = BoardSource(sample_db).load([BoardRequest(None)], search=False)
    row = prepared.board.rows[0]
    assert prepared.search_text[row.rep_id] == fold(f"{row.name}\n{row.team or ''}")


def test_a_board_is_kept_until_the_file_changes(sample_db: Path, tmp_path: Path) -> None:
    source = BoardSource(sample_db)
    request = BoardRequest(None)
    (first,) = source.load([request])
    assert source.cached(request) is first
    assert source.load([request]) == [first]
    run_import(sample_db, [write_csv(tmp_path / "new.csv", ["2026-11-20,n@x,Newt,SMB,1,1,1,1,4"])])
    assert source.cached(request) is None
    (second,) = source.load([request])
    assert second.board.as_of == dt.date(2026, 11, 20)
    assert "Newt" in [row.name for row in second.board.rows]


def test_forget_drops_every_board(sample_db: Path) -> None:
    source = BoardSource(sample_db)
    source.load([BoardRequest(None)])
    source.forget()
    assert source.cached(BoardRequest(None)) is None


def test_reading_ahead_stops_once_cancelled(sample_db: Path) -> None:
    latest = load_board(sample_db).as_of
    assert latest is not None
    source = BoardSource(sample_db)
    asked = [BoardRequest(latest - WEEK), BoardRequest(latest - 2 * WEEK)]
    calls = iter([False, True])
    got = source.load(asked, cancelled=lambda: next(calls))
    assert [p.board.as_of for p in got] == [latest - WEEK]
    assert source.cached(asked[1]) is None


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        # the newest board: only a week back (the latest is followed, so forward is None)
        (dt.date(2026, 3, 30), [dt.date(2026, 3, 23)]),
        # in the middle: a week back and a week forward
        (dt.date(2026, 3, 16), [dt.date(2026, 3, 9), dt.date(2026, 3, 23)]),
        # a week forward reaches the latest date: the board then follows the latest
        (dt.date(2026, 3, 25), [dt.date(2026, 3, 18), None]),
        # near the start: back stops at the first date
        (dt.date(2026, 3, 4), [dt.date(2026, 3, 2), dt.date(2026, 3, 11)]),
        (dt.date(2026, 3, 2), [dt.date(2026, 3, 9)]),
    ],
)
def test_neighbours_are_where_the_brackets_lead(
    sample_db: Path, as_of: dt.date, expected: list[dt.date | None]
) -> None:
    board = load_board(sample_db)
    dates = (dt.date(2026, 3, 2), dt.date(2026, 3, 16), dt.date(2026, 3, 30))
    board = type(board)(as_of, None, "best", (), dates)
    assert neighbours(board, steps=1) == expected


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (dt.date(2026, 3, 30), [dt.date(2026, 3, 23), dt.date(2026, 3, 16)]),
        (
            dt.date(2026, 3, 16),
            [dt.date(2026, 3, 9), dt.date(2026, 3, 23), dt.date(2026, 3, 2), None],
        ),
        (dt.date(2026, 3, 25), [dt.date(2026, 3, 18), None, dt.date(2026, 3, 11)]),
        (dt.date(2026, 3, 4), [dt.date(2026, 3, 2), dt.date(2026, 3, 11), dt.date(2026, 3, 18)]),
    ],
)
def test_two_presses_either_way_are_read_ahead_nearest_first(
    sample_db: Path, as_of: dt.date, expected: list[dt.date | None]
) -> None:
    board = load_board(sample_db)
    dates = (dt.date(2026, 3, 2), dt.date(2026, 3, 16), dt.date(2026, 3, 30))
    board = type(board)(as_of, None, "best", (), dates)
    assert neighbours(board) == expected


def test_a_head_start_board_is_shown_without_reading_the_file_again(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = BoardRequest(None)
    head_start = HeadStart(sample_db, request)
    head_start.check()
    assert head_start.ready(timeout=30)
    expected = load_board(sample_db, with_trends=True)

    def unreadable(path: object, **_: object) -> None:
        raise AssertionError("the file was read again")

    monkeypatch.setattr(board_loader.store, "open_read", unreadable)
    source = BoardSource(sample_db, head_start)
    cached = source.cached(request)
    assert cached is not None and cached.board == expected
    assert source.load([request]) == [cached]


def test_a_head_start_reports_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database\n", encoding="utf-8")
    head_start = HeadStart(path, BoardRequest(None))
    with pytest.raises(SsiError, match="not a DuckDB database"):
        head_start.check()
    assert head_start.result() is None


def test_the_summary_line_is_made_by_the_worker_once(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = BoardRequest(None, target=60.0)
    (prepared,) = BoardSource(sample_db).load([request])
    expected = summary_text(sample_db.name, prepared.board, prepared.board.rows, target=60.0)

    def again(*_: object, **__: object) -> None:
        raise AssertionError("the summary was worked out again")

    monkeypatch.setattr(board_loader, "summary_text", again)
    assert prepared.summary(sample_db.name, 60.0) == expected


def test_a_filter_keeps_the_sort_as_it_narrows_and_widens(sample_db: Path) -> None:
    (prepared,) = BoardSource(sample_db).load([BoardRequest(None)])
    rows = prepared.board.rows

    def expected(needle: str, key: str, reverse: bool) -> list[str]:
        return [
            r.rep_id
            for r in sort_rows(rows, key, reverse=reverse)
            if needle in fold(f"{r.name}\n{r.team or ''}")
        ]

    steps = [
        ("a", "brand", False),
        ("an", "brand", False),
        ("ann", "brand", False),
        ("a", "brand", False),
        ("an", "name", True),
        ("", "ssi", False),
        ("e", "ssi", False),
    ]
    for needle, key, reverse in steps:
        got = [r.rep_id for r in prepared.filtered(needle, key, reverse)]
        assert got == expected(needle, key, reverse), (needle, key, reverse)
    assert expected("a", "brand", False) != expected("ann", "brand", False)
