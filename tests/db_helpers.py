"""Reading a test's database directly: every table at once, or one query (tests only: the
app's own SQL lives in queries/)."""

from __future__ import annotations

from pathlib import Path

import duckdb

TableDump = dict[str, list[tuple]]


def dump_tables(db: Path) -> TableDump:
    """Every table of the file with all its rows, sorted: 'logically equal' made checkable."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = 'main' ORDER BY table_name"
            ).fetchall()
        ]
        return {
            name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }
    finally:
        conn.close()


def query(db: Path, sql: str) -> list[tuple]:
    """The rows of a read-only query on DB."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()
