"""A new history on a server is written locally and sent whole (store/postgres_build.py, issue
#24): every row as DuckDB writes it into a new file, value for value, then the indexes, the
settings and the id sequences a history made on the server has."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import psycopg
import pytest

from ssi_tui import store
from ssi_tui.errors import DatabaseError
from ssi_tui.store import settings, writer
from ssi_tui.store.postgres_store import PostgresBackend
from tests.db_helpers import dump_tables

BACKEND = PostgresBackend()

PILLARS = [-0.0, 1e-300, 20.998, 0.1 + 0.2, 5e-324, None, 24.999999999999996]
"""Pillar values a float8 must bring back bit for bit (and a pillar not given)."""


class _Batch:
    """A Polars frame as an Arrow stream, the way the importer hands batches over."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self._frame = frame

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        return self._frame.__arrow_c_stream__(requested_schema)


def _batch(weeks: int = 3) -> _Batch:
    """Reps with awkward names and pillars over WEEKS weeks, in no order of theirs."""
    names = ["Zoë O'Brien", 'Ann "the" Lee, Jr.', "日本 語"]
    rows = [
        {
            "rep_id": f"rep{rep}",
            "name": name,
            "team": None if rep == 0 else "",
            "snapshot_date": dt.date(2026, 5, 18) - dt.timedelta(weeks=week),
            "source": "official",
            "ssi": 40.0 + rep + week * 0.125,
            "brand": PILLARS[(rep + week) % len(PILLARS)],
            "people": PILLARS[(rep + 2 * week) % len(PILLARS)],
            "insights": 12.5,
            "relationships": None,
            "industry_rank": 10.0,
            "network_rank": None,
            "industry_avg": 30.25,
            "network_avg": 40.0,
            "file_index": 0,
            "line": 2 + rep * weeks + week,
        }
        for rep, name in enumerate(names)
        for week in range(weeks)
    ]
    schema = {
        "snapshot_date": pl.Date,
        "file_index": pl.Int32,
        "line": pl.Int64,
        "brand": pl.Float64,
        "people": pl.Float64,
        "relationships": pl.Float64,
        "network_rank": pl.Float64,
        "team": pl.String,
    }
    return _Batch(pl.DataFrame(rows, schema_overrides=schema))


def _log(name: str) -> list[writer.FileToLog]:
    return [writer.FileToLog(0, name, f"hash of {name}", 0)]


def _exact(tables: dict[str, list[tuple[Any, ...]]]) -> dict[str, list[tuple[str, ...]]]:
    """TABLES compared value by value as written (repr tells -0.0 from 0.0), without the
    moments an import and a change were made (each side's own clock)."""
    kept = {name: rows for name, rows in tables.items() if name != "ssi_meta"}
    kept["imports"] = [row[:7] + row[8:] for row in kept["imports"]]
    kept["changes"] = [row[:2] + row[3:] for row in kept["changes"]]
    return {name: sorted(tuple(map(repr, row)) for row in rows) for name, rows in kept.items()}


def _server_tables(url: str) -> dict[str, list[tuple[Any, ...]]]:
    with psycopg.connect(url) as conn:
        names = conn.execute(
            b"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
        return {
            name: conn.execute(f'SELECT * FROM "{name}"'.encode()).fetchall() for (name,) in names
        }


def _indexes(url: str) -> list[tuple[str, str]]:
    with psycopg.connect(url) as conn:
        return conn.execute(  # type: ignore[return-value]
            b"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
            b" ORDER BY indexname"
        ).fetchall()


def test_a_new_history_holds_what_a_new_file_holds_value_for_value(
    postgres_url: Callable[[], str], tmp_path: Path
) -> None:
    url, path = postgres_url(), tmp_path / "team.duckdb"
    for location in (url, path):
        with store.create_whole(location) as history:
            writer.write(history, _batch(), _log("week.csv"))
    on_server, in_file = _exact(_server_tables(url)), _exact(dump_tables(path))
    assert len(on_server["snapshots"]) == 9
    assert on_server == in_file


def test_a_new_history_has_the_indexes_of_one_made_on_the_server(
    postgres_url: Callable[[], str],
) -> None:
    made_there, sent = postgres_url(), postgres_url()
    with BACKEND.open_write(made_there):
        pass  # the schema alone, made on the server
    with BACKEND.create_whole(sent) as history:
        writer.write(history, _batch(), _log("week.csv"))
    names = {name for name, _ in _indexes(sent)}
    assert {"snapshots_until", "snapshots_rep_date", "best_points_until"} <= names
    assert _indexes(sent) == _indexes(made_there)


def test_the_next_import_and_change_take_the_ids_after_those_sent(
    postgres_url: Callable[[], str],
) -> None:
    url = postgres_url()
    with BACKEND.create_whole(url) as history:
        writer.write(history, _batch(weeks=2), _log("first.csv"))
    with BACKEND.open_write(url) as history:
        writer.write(history, _batch(weeks=3), _log("second.csv"))
    with psycopg.connect(url) as conn:
        imports = conn.execute(b"SELECT import_id, file_name FROM imports ORDER BY 1").fetchall()
        changes = conn.execute(b"SELECT change_id, summary FROM changes ORDER BY 1").fetchall()
    assert imports == [(1, "first.csv"), (2, "second.csv")]
    assert changes == [(1, "first.csv"), (2, "second.csv")]


def test_the_settings_a_new_history_keeps_are_sent_with_its_rows(
    postgres_url: Callable[[], str],
) -> None:
    url = postgres_url()
    with BACKEND.create_whole(url) as history:
        writer.write(history, _batch(), _log("week.csv"))
        settings.set_default_target(history, 72.5)
    with BACKEND.open_read(url) as history:
        assert settings.default_target(history) == 72.5
        assert history.schema_version() == store.SCHEMA_VERSION
    assert BACKEND.change_stamp(url) is not None


def test_a_send_that_fails_midway_leaves_no_history_and_no_local_file(
    postgres_url: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whole or not at all: the server's new tables and the rows sent before the failure go
    with the transaction, and the local history with its temporary folder."""
    from ssi_tui.store import postgres_build, postgres_load

    sent: list[str] = []
    folders: list[Path] = []
    send_rows = postgres_load.send_rows

    def failing_after_snapshots(conn: Any, table: str, cursor: Any) -> int:
        if "snapshots" in sent:  # CURSOR is the local history's own connection
            (path,) = cursor.execute(
                "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
            ).fetchone()
            folders.append(Path(path).parent)
            raise DatabaseError("the server went away")
        sent.append(table)
        return send_rows(conn, table, cursor)

    monkeypatch.setattr(postgres_build.postgres_load, "send_rows", failing_after_snapshots)
    url = postgres_url()
    with pytest.raises(DatabaseError, match="went away"), BACKEND.create_whole(url) as history:
        writer.write(history, _batch(), _log("week.csv"))
    assert "snapshots" in sent
    assert BACKEND.change_stamp(url) is None
    with psycopg.connect(url) as conn:
        tables = conn.execute(b"SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert tables.fetchone() == (0,)
    assert len(folders) == 1 and folders[0].name.startswith("ssi-tui-new-history-")
    assert not folders[0].exists()
