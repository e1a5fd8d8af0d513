"""What only the PostgreSQL backend does (issue #24): its placeholders, its schema held equal to
DuckDB's, its bulk loads, and its one-line messages when a server cannot be used."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pytest

from ssi_tui import store
from ssi_tui.errors import DatabaseError
from ssi_tui.store import postgres_sql
from ssi_tui.store.postgres_store import PostgresBackend
from tests.pg_server import PASSWORD_ROLE, PostgresServer

BACKEND = PostgresBackend()


class _ArrowStream:
    """A Polars frame as only an Arrow stream, as the importer hands batches to the store."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self._frame = frame

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        return self._frame.__arrow_c_stream__(requested_schema)


def test_placeholders_become_psycopgs_outside_comments_and_literals() -> None:
    query = (
        "-- is it ours? 100% $sure\n"
        "SELECT '?', '$x', \"a?\", $team, ? FROM t WHERE s LIKE 'x%' AND n = $team % 2;"
    )
    assert postgres_sql.pyformat(query) == (
        "-- is it ours? 100%% $sure\n"
        "SELECT '?', '$x', \"a?\", %(team)s, %s FROM t WHERE s LIKE 'x%%' AND n = %(team)s %% 2;"
    )


def test_a_query_file_is_sent_a_statement_at_a_time_in_postgresqls_words() -> None:
    query = (
        "-- a file; of statements\n"
        "CREATE OR REPLACE TEMP TABLE picked AS SELECT ?::DOUBLE AS x, 'a;b' AS y;\n"
        "INSERT INTO t SELECT $id, ? FROM picked WHERE y <> ';';\n"
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\n"
        "-- only a comment;\n"
    )
    assert postgres_sql.statements(query) == (
        ("-- a file; of statements\nDROP TABLE IF EXISTS picked", 0),
        ("CREATE TEMP TABLE picked AS SELECT ?::double precision AS x, 'a;b' AS y;", 1),
        ("INSERT INTO t SELECT $id, ? FROM picked WHERE y <> ';';", 1),
        ("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;", 0),
    )
    assert postgres_sql.positional_counts(query) == [0, 1, 1, 0]
    assert postgres_sql.statement(query, 2).startswith("INSERT INTO t")


def test_positional_parameters_go_to_the_statements_of_a_file_in_order(
    postgres_url: Callable[[], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from ssi_tui import resources

    folder = tmp_path / "queries"
    shutil.copytree(resources.queries_dir(), folder)  # the backend's own, and one more
    (folder / "postgres" / "two_steps.sql").write_text(
        "CREATE OR REPLACE TEMP TABLE kept AS SELECT ?::INTEGER AS a, ?::VARCHAR AS b;\n"
        "SELECT a * 2, b || ? FROM kept;\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(resources, "queries_dir", lambda: folder)
    resources.query.cache_clear()
    resources._own_spelling.cache_clear()
    try:
        with BACKEND.open_write(postgres_url()) as conn:
            assert conn.rows("two_steps", [21, "x", "y"]) == [(42, "xy")]
            assert conn.rows("two_steps", [1, "p", "q"]) == [(2, "pq")]  # replaced
    finally:
        resources.query.cache_clear()
        resources._own_spelling.cache_clear()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgresql://ana:s3cret@db.example/ssi", "postgresql://ana@db.example/ssi"),
        (
            "postgres://ana@db/ssi?password=s3cret&sslmode=require",
            "postgres://ana@db/ssi?sslmode=require",
        ),
        (
            "postgresql://db/ssi?sslmode=require&password=s3cret",
            "postgresql://db/ssi?sslmode=require",
        ),
        ("postgresql://db/ssi", "postgresql://db/ssi"),
    ],
)
def test_a_url_is_shown_without_its_password(url: str, expected: str) -> None:
    assert postgres_sql.shown(url) == expected


def test_a_url_picks_the_postgresql_backend_and_a_path_duckdb(tmp_path: Path) -> None:
    assert isinstance(store.backend_for("postgresql://db/ssi"), PostgresBackend)
    assert isinstance(store.backend_for("POSTGRES://db/ssi"), PostgresBackend)
    assert not isinstance(store.backend_for(tmp_path / "postgresql:"), PostgresBackend)
    assert not isinstance(store.backend_for("team.duckdb"), PostgresBackend)


def _columns_duckdb(path: Path) -> dict[str, list[tuple[str, str, bool]]]:
    conn = duckdb.connect(str(path), read_only=True)
    try:
        rows = conn.execute(
            "SELECT table_name, column_name, data_type, is_nullable = 'YES'"
            " FROM information_schema.columns WHERE table_schema = 'main'"
            " ORDER BY table_name, ordinal_position"
        ).fetchall()
    finally:
        conn.close()
    found: dict[str, list[tuple[str, str, bool]]] = {}
    for table, column, kind, nullable in rows:
        found.setdefault(table, []).append((column, kind, nullable))
    return found


_AS_DUCKDB_NAMES = {
    "character varying": "VARCHAR",
    "double precision": "DOUBLE",
    "integer": "INTEGER",
    "date": "DATE",
    "timestamp without time zone": "TIMESTAMP",
    "boolean": "BOOLEAN",
}


def _columns_postgres(url: str) -> dict[str, list[tuple[str, str, bool]]]:
    import psycopg

    with psycopg.connect(url) as conn:
        rows = conn.execute(
            b"SELECT table_name, column_name, data_type, is_nullable = 'YES'"
            b" FROM information_schema.columns WHERE table_schema = 'public'"
            b" ORDER BY table_name, ordinal_position"
        ).fetchall()
    found: dict[str, list[tuple[str, str, bool]]] = {}
    for table, column, kind, nullable in rows:
        found.setdefault(table, []).append((column, _AS_DUCKDB_NAMES.get(kind, kind), nullable))
    return found


def test_a_new_history_has_the_same_tables_and_columns_on_both_backends(
    postgres_url: Callable[[], str], tmp_path: Path
) -> None:
    url, path = postgres_url(), tmp_path / "team.duckdb"
    with BACKEND.open_write(url), store.open_write(path):
        pass
    assert _columns_postgres(url) == _columns_duckdb(path)


def test_a_frame_loads_with_its_types_nulls_and_any_text(postgres_url: Callable[[], str]) -> None:
    frame = pl.DataFrame(
        {
            "name": ["Zoë O'Brien", "tab\there, 100% \\N", None],
            "d": [dt.date(2026, 5, 18), None, dt.date(1999, 12, 31)],
            "ssi": [61.25, None, 0.1],
            "line": [2, 3, None],
            "file_index": pl.Series([0, 1, 2], dtype=pl.Int32),
            "ok": [True, False, None],
        }
    )
    url = postgres_url()
    with BACKEND.open_write(url) as history, history.load("incoming", _ArrowStream(frame)):
        # Read back as loaded (no query file of the app reads a whole temp table as it is).
        loaded = history._conn.execute(b"SELECT * FROM incoming")  # type: ignore[attr-defined]
        rows = loaded.fetchall()
        names = [d.name for d in loaded.description]
    assert names == frame.columns
    assert rows == list(frame.iter_rows())


def test_a_server_that_is_not_running_is_one_clear_line(
    postgres_server: PostgresServer,
) -> None:
    from tests.pg_server import _free_port

    url = f"postgresql://nobody:s3cret@127.0.0.1:{_free_port()}/ssi"
    with pytest.raises(DatabaseError) as refused, BACKEND.open_read(url):
        pass
    message = str(refused.value)
    assert "cannot reach the PostgreSQL server; is it running?" in message
    assert "s3cret" not in message and "\n" not in message
    assert BACKEND.change_stamp(url) is None


def test_a_refused_login_says_so_without_the_password(postgres_server: PostgresServer) -> None:
    postgres_server.admin(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD 'right-one'")
    try:
        url = postgres_server.url("postgres").replace(
            f"//{postgres_server.user}@", f"//{PASSWORD_ROLE}:wrong-one@"
        )
        with pytest.raises(DatabaseError) as refused, BACKEND.open_write(url):
            pass
    finally:
        postgres_server.admin(f"DROP ROLE {PASSWORD_ROLE}")
    message = str(refused.value)
    assert "the server refused the login" in message and "PGPASSWORD" in message
    assert "wrong-one" not in message and "\n" not in message


def test_a_database_the_server_does_not_have_is_named_as_missing(
    postgres_server: PostgresServer,
) -> None:
    url = postgres_server.url("no_such_db")
    with (
        pytest.raises(DatabaseError, match="no such database on the server"),
        BACKEND.open_write(url),
    ):
        pass


def test_a_database_with_other_tables_is_never_written_into(
    postgres_server: PostgresServer,
) -> None:
    import psycopg

    url = postgres_server.new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(b"CREATE TABLE invoices (id integer)")
    for opening in (BACKEND.open_write, BACKEND.open_read):
        with pytest.raises(DatabaseError, match="not an ssi-tui database"), opening(url):
            pass
    assert _columns_postgres(url) == {"invoices": [("id", "INTEGER", True)]}


def test_a_history_written_by_a_newer_ssi_tui_is_refused(
    postgres_url: Callable[[], str],
) -> None:
    url = postgres_url()
    with BACKEND.open_write(url) as history:
        history.run("meta_set", ["schema_version", str(store.SCHEMA_VERSION + 1)])
    for opening in (BACKEND.open_write, BACKEND.open_read):
        with pytest.raises(DatabaseError, match="newer ssi-tui"), opening(url):
            pass


def test_two_writers_take_turns_and_one_kept_waiting_too_long_is_told_busy(
    postgres_url: Callable[[], str],
) -> None:
    url = postgres_url()
    with BACKEND.open_write(url) as first, BACKEND.open_write(url, wait=0.2) as second:
        with first.transaction():
            first.run("target_set", ["team", "North", 70.0])
            busy = pytest.raises(DatabaseError, match=r"busy \(another ssi-tui client is writing")
            with busy, second.transaction():
                second.run("target_set", ["team", "South", 60.0])
        with second.transaction():  # the first has committed: the second's turn
            second.run("target_set", ["team", "South", 60.0])
    with BACKEND.open_read(url) as history:
        assert history.rows("targets_all") == [("team", "North", 70.0), ("team", "South", 60.0)]


def test_a_statement_the_server_stops_is_one_line(postgres_url: Callable[[], str]) -> None:
    """A statement timeout, a deadlock, a full disk: not a lost connection, not a traceback."""
    from ssi_tui.store.postgres_connect import connected

    url = postgres_url()
    with (
        pytest.raises(DatabaseError, match="the server stopped the statement"),
        connected(url) as c,
    ):
        c.execute("SET statement_timeout = 1")  # test-only: the server stops the sleep below
        c.execute("SELECT pg_sleep(1)")
    with connected(url) as conn:  # the next connection works
        assert conn.execute("SELECT 1").fetchone() == (1,)
