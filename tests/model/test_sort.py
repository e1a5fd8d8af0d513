"""sort_rows (one stable sort on the bare value) against the rule it implements, on any rows."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import SORT_KEYS, LeaderboardRow, in_total_order, load_board, sort_rows

SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "team_ssi.csv"

values = st.sampled_from([10.0, 12.5, 12.5, 40.0, 70.0])


@st.composite
def boards(draw: st.DrawFn) -> list[LeaderboardRow]:
    count = draw(st.integers(0, 12))
    return [
        LeaderboardRow(
            rank=i + 1,
            rep_id=f"id{draw(st.integers(0, 99)):02d}-{i}",
            name=draw(st.sampled_from(["ana", "Ana", "bob", "Émile", "zed"])),
            team=None,
            ssi=draw(values),
            brand=draw(values),
            people=draw(values),
            insights=draw(values),
            relationships=draw(values),
            change=draw(st.none() | values),
            change_4w=draw(st.none() | values),
            as_of=dt.date(2026, 1, 5),
            prev_rank=None,
            target=draw(st.sampled_from([50.0, 70.0])),
        )
        for i in range(count)
    ]


def by_the_rule(rows: list[LeaderboardRow], key: str, reverse: bool) -> list[LeaderboardRow]:
    """The definition: value descending (ascending when reversed), ties by name, None last."""

    def tie(row: LeaderboardRow) -> tuple[str, str]:
        return (row.name.lower(), row.rep_id)

    if key == "name":
        return sorted(rows, key=tie, reverse=reverse)
    present = [r for r in rows if r.value(key) is not None]
    missing = sorted((r for r in rows if r.value(key) is None), key=tie)
    sign = 1 if reverse else -1
    return sorted(present, key=lambda r: (sign * r.value(key), *tie(r))) + missing  # type: ignore[operator]


@given(rows=boards(), key=st.sampled_from(SORT_KEYS), reverse=st.booleans())
def test_sort_rows_follows_the_rule(rows: list[LeaderboardRow], key: str, reverse: bool) -> None:
    assert sort_rows(rows, key, reverse=reverse) == by_the_rule(rows, key, reverse)


@given(rows=boards(), shuffled=st.randoms(use_true_random=False))
def test_rows_are_taken_as_in_total_order_exactly_when_they_are(
    rows: list[LeaderboardRow], shuffled: random.Random
) -> None:
    # A board arrives ranked by DuckDB; the first order shown is kept as it came only if it
    # is the order sort_rows gives (names beyond ASCII are where the two could part).
    shuffled.shuffle(rows)
    assert in_total_order(rows) == (rows == sort_rows(rows, "ssi"))
    assert in_total_order(sort_rows(rows, "ssi"))


def test_a_board_read_from_the_file_is_in_total_order_with_non_ascii_names(
    tmp_path: Path,
) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [SAMPLE])
    board = load_board(db)
    assert any(not r.name.isascii() for r in board.rows)
    assert in_total_order(board.rows)
    assert list(board.rows) == sort_rows(board.rows, "ssi")
