"""The board read from its points (schema 5) equals the board scanned from every snapshot.

tests/store/reference/*.sql are the leaderboard and sparkline queries as they were before the
rollup (schema version 3): they read the snapshots table directly, so they are the definition
the rollup must keep. Random histories of official and estimated snapshots (gaps, several
snapshots a week, corrections, reps gaining a second source) are written in several imports,
so the per-rep rebuild after each import is exercised, not just a build from scratch.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ssi_tui.store
from ssi_tui.model.board import read_board
from ssi_tui.store import database as store
from ssi_tui.store import writer
from ssi_tui.store.duckdb_store import DuckDBStore
from tests.store.old_schema import as_version_3

REFERENCE = Path(__file__).resolve().parent / "reference"
START = dt.date(2026, 1, 1)
"""A Thursday: ISO weeks start mid-range, so week edges are exercised."""
REPS = ("ana", "bob", "cy", "dee")
SERIES = ("ssi", "brand", "people", "insights", "relationships")
TEAMS = {"ana": "North", "bob": "North", "cy": "South", "dee": None}

Snapshot = tuple[str, int, str, float]
"""rep, day offset from START, source, total."""


class _Frame:
    """A Polars frame as an Arrow stream, the way the importer hands batches to the writer."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self._frame = frame

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        return self._frame.__arrow_c_stream__(requested_schema)


def _batch(snapshots: list[Snapshot]) -> _Frame:
    rows = {}
    for rep, day, source, total in snapshots:
        pillar = round(total / 4, 2)
        rows[(rep, day, source)] = {
            "rep_id": rep,
            "name": rep.title(),
            "team": TEAMS[rep],
            "snapshot_date": START + dt.timedelta(days=day),
            "source": source,
            "ssi": round(pillar * 4, 2),
            "brand": pillar,
            "people": pillar,
            "insights": pillar,
            "relationships": pillar,
            "industry_rank": 10.0,
            "network_rank": 20.0,
            "industry_avg": 30.0,
            "network_avg": 40.0,
            "file_index": 0,
            "line": None,
        }
    schema = {
        "snapshot_date": pl.Date,
        "team": pl.String,
        "file_index": pl.Int32,
        "line": pl.Int64,
    }
    return _Frame(pl.DataFrame(list(rows.values()), schema_overrides=schema))


def _write(db: Path, number: int, snapshots: list[Snapshot]) -> None:
    with ssi_tui.store.open_write(db) as conn:
        log = [writer.FileToLog(0, f"batch{number}.csv", f"hash{number}", 0)]
        writer.write(conn, _batch(snapshots), log)


def _reference(conn: Any, as_of: dt.date, team: str | None, source: str, excluded: list[str]):  # type: ignore[no-untyped-def]
    params = {"as_of": as_of, "team": team, "source": source, "excluded": excluded}
    rows = conn.execute((REFERENCE / "leaderboard_scan.sql").read_text(), params).fetchall()
    trends = {
        rep_id: tuple(series)
        for rep_id, *series in conn.execute(
            (REFERENCE / "sparklines_scan.sql").read_text(), params
        ).fetchall()
    }
    no_trend = ("·" * 12,) * 5  # the scan has no sparkline row for a rep quiet for 12 weeks
    return [(tuple(row), trends.get(row[1], no_trend)) for row in rows]


def _shown(conn: Any, as_of: dt.date, team: str | None, source: str, excluded: list[str]):  # type: ignore[no-untyped-def]
    board = read_board(
        DuckDBStore(conn, None),
        as_of=as_of,
        team=team,
        source=source,
        with_trends=True,
        exclude=excluded,  # type: ignore[arg-type]
    )
    out = []
    for row in board.rows:
        values = (
            row.rank, row.rep_id, row.name, row.team, row.ssi, row.brand, row.people,
            row.insights, row.relationships, row.change, row.change_4w, row.as_of,
            row.prev_rank, row.industry_rank, row.network_rank, row.industry_avg,
            row.network_avg, row.source,
        )  # fmt: skip
        bars = tuple(row.trends.bars(key, own_scale=False) for key in SERIES)
        out.append((values, bars))
    return out


snapshot = st.tuples(
    st.sampled_from(REPS),
    st.integers(0, 110),
    st.sampled_from(["official", "official", "estimated"]),
    st.integers(0, 10_000).map(lambda cents: cents / 100),
)


@pytest.mark.slow
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    imports=st.lists(st.lists(snapshot, min_size=1, max_size=15), min_size=1, max_size=3),
    probes=st.lists(st.integers(-3, 125), min_size=1, max_size=2),
    team=st.sampled_from([None, "North", "South"]),
    excluded=st.sampled_from([[], ["bob"], ["cy", "ana"]]),
)
def test_rollup_board_equals_the_full_scan(
    tmp_path_factory: Any,
    imports: list[list[Snapshot]],
    probes: list[int],
    team: str | None,
    excluded: list[str],
) -> None:
    db = tmp_path_factory.mktemp("rollup") / "team.duckdb"
    for number, snapshots in enumerate(imports):
        _write(db, number, snapshots)
    # The board changes on snapshot days: probe the first of each import and a few others.
    days = sorted({batch[0][1] for batch in imports} | set(probes))
    with store.open_read(db) as conn:
        for day in days:
            as_of = START + dt.timedelta(days=day)
            for source in ("best", "official", "estimated"):
                expected = _reference(conn, as_of, team, source, excluded)
                assert _shown(conn, as_of, team, source, excluded) == expected, (as_of, source)
        duplicates = conn.execute(
            "SELECT rep_id, snapshot_date, source FROM snapshots GROUP BY ALL HAVING count(*) > 1"
        ).fetchall()
        assert duplicates == []  # the importer keeps the key unique (there is no index)
        for source in ("best", "official", "estimated"):
            dates = (REFERENCE / "snapshot_dates_scan.sql").read_text()
            expected_dates = tuple(d for (d,) in conn.execute(dates, {"source": source}).fetchall())
            assert read_board(DuckDBStore(conn, None), source=source).dates == expected_dates  # type: ignore[arg-type]


def test_rollup_is_rebuilt_for_a_rep_who_gains_a_second_source(tmp_path: Path) -> None:
    """An estimated history, then official snapshots on some of its dates: 'best' switches."""
    db = tmp_path / "team.duckdb"
    _write(db, 0, [("ana", day, "estimated", 40.0 + day) for day in range(0, 29, 7)])
    _write(db, 1, [("ana", 14, "official", 90.0), ("ana", 28, "official", 95.0)])
    with store.open_read(db) as conn:
        as_of = START + dt.timedelta(days=28)
        for source in ("best", "official", "estimated"):
            expected = _reference(conn, as_of, None, source, [])
            assert _shown(conn, as_of, None, source, []) == expected
        (best,) = read_board(DuckDBStore(conn, None), as_of=as_of).rows
        assert (best.source, best.ssi, best.change) == ("official", 95.0, 95.0 - 61.0)


def test_upgrading_a_version_3_file_builds_the_rollup_from_its_history(
    history_db: Path,
) -> None:
    """A file written before the board's points existed gets them from the snapshots it holds
    (through schema version 4, whose board_points version 5 moves into the snapshots)."""
    with store.open_read(history_db) as conn:
        before = [_shown(conn, day, None, "best", []) for day in _days(conn)]
    as_version_3(history_db)
    with store.open_write(history_db):
        pass
    with store.open_read(history_db) as conn:
        days = _days(conn)
        assert [_shown(conn, day, None, "best", []) for day in days] == before
        assert before == [_reference(conn, day, None, "best", []) for day in days]


def test_upgrading_keeps_the_best_board_of_reps_with_both_sources(tmp_path: Path) -> None:
    """Through version 4's board_points (every mode of a rep with both sources) to 5's."""
    db = tmp_path / "team.duckdb"
    _write(db, 0, [("ana", day, "estimated", 40.0 + day) for day in range(0, 36, 7)])
    _write(db, 1, [("ana", 14, "official", 90.0), ("bob", 7, "official", 50.0)])
    with store.open_read(db) as conn:
        days = _days(conn)
        sources = ("best", "official", "estimated")
        before = [_shown(conn, day, None, source, []) for day in days for source in sources]
    as_version_3(db)
    with store.open_write(db):
        pass
    with store.open_read(db) as conn:
        assert conn.execute("SELECT DISTINCT rep_id FROM best_points").fetchall() == [("ana",)]
        after = [_shown(conn, day, None, source, []) for day in days for source in sources]
        expected = [_reference(conn, day, None, s, []) for day in days for s in sources]
    assert after == before == expected


def _days(conn: Any) -> list[dt.date]:
    return [
        d
        for (d,) in conn.execute(
            "SELECT DISTINCT snapshot_date FROM snapshots ORDER BY 1"
        ).fetchall()
    ]


@pytest.mark.slow
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    history=st.lists(
        st.tuples(
            st.sampled_from(REPS),
            st.integers(0, 90),
            st.sampled_from(["official"] * 5 + ["estimated"]),
            st.integers(0, 10_000).map(lambda cents: cents / 100),
        ),
        min_size=1,
        max_size=30,
    ),
    cuts=st.lists(st.integers(1, 29), max_size=4),
)
def test_imports_in_date_order_keep_the_points_one_import_of_everything_makes(
    tmp_path_factory: Any, history: list[Snapshot], cuts: list[int]
) -> None:
    """The weekly case: each import mostly appends (points extended, not rebuilt)."""
    history = sorted(history, key=lambda s: s[1])
    bounds = sorted({0, len(history), *(c for c in cuts if c < len(history))})
    folder = tmp_path_factory.mktemp("appends")
    stepwise, at_once = folder / "stepwise.duckdb", folder / "at_once.duckdb"
    for number, (start, end) in enumerate(itertools.pairwise(bounds)):
        _write(stepwise, number, history[start:end])
    _write(at_once, 0, history)
    own = "SELECT rep_id, snapshot_date, source, until, change, change_4w FROM snapshots"
    best = "SELECT * FROM best_points"
    with store.open_read(stepwise) as a, store.open_read(at_once) as b:
        for points in (own, best):
            assert sorted(a.execute(points).fetchall()) == sorted(b.execute(points).fetchall())
