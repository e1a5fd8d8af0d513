"""Bulk loads into a PostgreSQL store: an Arrow stream sent as a temp table by COPY (issue #24).

The store layer has no Arrow library of its own but DuckDB: an in-memory DuckDB connection reads
the stream (queries/frame_rows.sql) in batches, and psycopg sends them in PostgreSQL's binary
COPY format into a temp table of the matching types. An import's batch is then kept in its
reps' order and analysed, for the queries over it (docs/performance.md, *PostgreSQL*).
send_rows sends a DuckDB query's rows the same way into a table (postgres_build.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ssi_tui import resources
from ssi_tui.errors import DatabaseError

if TYPE_CHECKING:
    import duckdb
    import psycopg
    from psycopg import sql

BATCH_ROWS = 50_000
"""Rows fetched from the stream at a time: memory stays flat whatever the frame's size."""

WORK_MEM_MB = (64, 256)
"""The least and most memory each sort of an import takes on the server before spilling to
disk: the session's own (session_settings.sql) up to what the windows over a million-row batch
need (docs/performance.md, *PostgreSQL*)."""


def work_mem_for(input_bytes: int) -> str:
    """The work_mem for an import whose batch takes INPUT_BYTES in the client: twice that,
    within WORK_MEM_MB."""
    least, most = WORK_MEM_MB
    return f"{min(most, max(least, 2 * input_bytes // 2**20))}MB"


SORT_KEY = {"rep_id", "source", "snapshot_date"}
"""A batch of snapshots is kept in this order (load_in_order.sql)."""

PG_TYPES = {
    "VARCHAR": "text",
    "DATE": "date",
    "DOUBLE": "float8",
    "FLOAT": "float4",
    "TINYINT": "int2",
    "SMALLINT": "int2",
    "UTINYINT": "int2",
    "INTEGER": "int4",
    "USMALLINT": "int4",
    "BIGINT": "int8",
    "UINTEGER": "int8",
    "BOOLEAN": "bool",
    "TIMESTAMP": "timestamp",
    "TIMESTAMP WITH TIME ZONE": "timestamptz",
}
"""The PostgreSQL type of each column type a frame may have, as DuckDB names it."""


def load_frame(conn: psycopg.Connection, table: str, frame: object) -> None:
    """FRAME's rows into a new temp table TABLE on CONN."""
    import duckdb
    from psycopg import sql

    reader = duckdb.connect()
    try:
        reader.register("frame", frame)
        cursor = reader.execute(resources.query("frame_rows"))
        columns = _columns(table, cursor)
        definitions = sql.SQL(", ").join(
            sql.SQL("{} {}").format(sql.Identifier(name), sql.SQL(kind)) for name, kind in columns
        )
        target = sql.Identifier(table)
        in_order = {name for name, _ in columns} >= SORT_KEY
        loaded = sql.Identifier(f"{table}_unsorted") if in_order else target
        conn.execute(
            sql.SQL(resources.query_for("load_table", "postgres")).format(
                table=loaded, columns=definitions
            )
        )
        _send(conn, loaded, cursor, columns)
        if in_order:
            conn.execute(
                sql.SQL(resources.query_for("load_in_order", "postgres")).format(
                    table=target, loaded=loaded
                )
            )
            conn.execute(sql.SQL(resources.query_for("load_drop", "postgres")).format(table=loaded))
        conn.execute(sql.SQL(resources.query_for("load_analyze", "postgres")).format(table=target))
    finally:
        reader.close()


def send_rows(conn: psycopg.Connection, table: str, cursor: duckdb.DuckDBPyConnection) -> int:
    """The rows of a DuckDB CURSOR appended to the table TABLE on CONN, its columns by name;
    how many."""
    from psycopg import sql

    return _send(conn, sql.Identifier(table), cursor, _columns(table, cursor))


def _columns(table: str, cursor: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Each column of CURSOR's rows, with its PostgreSQL type."""
    return [(str(d[0]), _pg_type(table, str(d[0]), str(d[1]))) for d in cursor.description or ()]


def _send(
    conn: psycopg.Connection,
    target: sql.Identifier,
    cursor: duckdb.DuckDBPyConnection,
    columns: list[tuple[str, str]],
) -> int:
    """CURSOR's rows into TARGET by COPY, BATCH_ROWS at a time; how many."""
    from psycopg import sql

    names = sql.SQL(", ").join(sql.Identifier(name) for name, _ in columns)
    sent = 0
    with conn.cursor().copy(
        sql.SQL(resources.query_for("load_rows", "postgres")).format(table=target, names=names)
    ) as copy:
        copy.set_types([kind for _, kind in columns])
        while batch := cursor.fetchmany(BATCH_ROWS):
            for row in batch:
                copy.write_row(row)
            sent += len(batch)
    return sent


def drop_frame(conn: psycopg.Connection, table: str) -> None:
    """The temp table TABLE gone, with any view made of it (in a failed transaction, left to
    its rollback: the error that failed it is the one to tell)."""
    from psycopg import pq, sql

    if conn.info.transaction_status == pq.TransactionStatus.INERROR:
        return

    conn.execute(
        sql.SQL(resources.query_for("load_drop", "postgres")).format(table=sql.Identifier(table))
    )


def _pg_type(table: str, column: str, duckdb_type: str) -> str:
    try:
        return PG_TYPES[duckdb_type]
    except KeyError:
        raise DatabaseError(
            f"cannot load {table}.{column} into PostgreSQL: no type for {duckdb_type}"
        ) from None
