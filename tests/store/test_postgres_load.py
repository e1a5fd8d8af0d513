"""How the PostgreSQL backend loads an import's batch (issue #24, the first import's speed):
every value as it was, the batch kept in the order of the import's windows, with statistics
for the planner, and room for its sorts in the server's memory."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable
from typing import Any

import polars as pl
import pytest

from ssi_tui.store.postgres_store import PostgresBackend

BACKEND = PostgresBackend()

AWKWARD_FLOATS = [
    -0.0, 0.0, 1e-300, 5e-324, 20.998, 0.1 + 0.2, 1.7976931348623157e308, 61.25,
    math.nan, math.inf, -math.inf, None,
]  # fmt: skip
"""Values a float8 must bring back bit for bit (the smallest subnormal, 0.1+0.2 ...)."""

AWKWARD_TEXT = [
    "", None, "Zoë O'Brien", 'a "quoted", name', "two\nlines\r\n", "tab\there \\N", "日本語 ✓",
    ",", "\\", "NULL",
]  # fmt: skip
"""Text a load must tell apart: empty from missing, and quotes, commas, newlines, escapes."""


class _ArrowStream:
    """A Polars frame as only an Arrow stream, as the importer hands batches to the store."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self._frame = frame

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        return self._frame.__arrow_c_stream__(requested_schema)


def _exact(row: tuple[Any, ...]) -> tuple[str, ...]:
    """ROW compared value by value as written (repr tells -0.0 from 0.0, and NaN is NaN)."""
    return tuple(repr(value) for value in row)


def _batch(rows: int) -> pl.DataFrame:
    """A batch of snapshots in no particular order, with every awkward value in it."""
    shuffle = random.Random(7)
    keys = [
        (f"rep{rep:02d}", source, dt.date(2026, 1, 5) + dt.timedelta(weeks=week))
        for rep in range(rows // 6)
        for source in ("official", "estimated")
        for week in range(3)
    ]
    shuffle.shuffle(keys)
    return pl.DataFrame(
        {
            "file_index": pl.Series([i % 3 for i in range(len(keys))], dtype=pl.Int32),
            "rep_id": [rep for rep, _, _ in keys],
            "name": [AWKWARD_TEXT[i % len(AWKWARD_TEXT)] for i in range(len(keys))],
            "snapshot_date": [date for _, _, date in keys],
            "source": [source for _, source, _ in keys],
            "ssi": [AWKWARD_FLOATS[i % len(AWKWARD_FLOATS)] for i in range(len(keys))],
            "line": list(range(2, len(keys) + 2)),
        },
        schema_overrides={"ssi": pl.Float64},
    )


def _as_stored(history: Any, statement: bytes) -> list[tuple[Any, ...]]:
    """What STATEMENT reads on the history's own connection (its temp tables are its own)."""
    return history._conn.execute(statement).fetchall()  # type: ignore[no-any-return]


def test_a_batch_comes_back_value_for_value_in_the_order_of_its_reps(
    postgres_url: Callable[[], str],
) -> None:
    frame = _batch(60)
    with (
        BACKEND.open_write(postgres_url()) as history,
        history.load("incoming", _ArrowStream(frame)),
    ):
        # As the table holds them (no ORDER BY): the windows over the batch find them in order.
        loaded = _as_stored(history, b"SELECT * FROM incoming")
    in_order = frame.sort("rep_id", "source", "snapshot_date")
    assert [_exact(row) for row in loaded] == [_exact(row) for row in in_order.iter_rows()]


def test_a_frame_that_is_not_a_batch_of_snapshots_keeps_its_order(
    postgres_url: Callable[[], str],
) -> None:
    frame = pl.DataFrame({"rep_id": ["b", "a", "c"], "n": [1.5, -0.0, None]})
    with BACKEND.open_write(postgres_url()) as history, history.load("copied", _ArrowStream(frame)):
        loaded = _as_stored(history, b"SELECT * FROM copied")
    assert [_exact(row) for row in loaded] == [_exact(row) for row in frame.iter_rows()]


def test_a_loaded_batch_has_statistics_for_the_planner(postgres_url: Callable[[], str]) -> None:
    url = postgres_url()
    with BACKEND.open_write(url) as history, history.load("incoming", _ArrowStream(_batch(600))):
        history.run("import_files_table")
        history.run("import_files_add", [0, 1])
        analysed = _as_stored(
            history,
            b"SELECT tablename, count(*) FROM pg_stats"
            b" WHERE tablename IN ('incoming', 'import_files') GROUP BY tablename"
            b" ORDER BY tablename",
        )
    assert analysed == [("import_files", 2), ("incoming", 7)]  # a row per column


@pytest.mark.parametrize(
    ("batch_bytes", "work_mem"),
    [(1_000, "64MB"), (100 * 2**20, "200MB"), (600 * 2**20, "256MB")],
)
def test_an_import_sorts_its_batch_in_memory_within_a_bound(
    postgres_url: Callable[[], str], batch_bytes: int, work_mem: str
) -> None:
    with BACKEND.open_write(postgres_url()) as history:
        (before,) = _as_stored(history, b"SHOW work_mem")
        history.bound_memory(batch_bytes)
        (after,) = _as_stored(history, b"SHOW work_mem")
    assert before == ("64MB",)
    assert after == (work_mem,)
