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


def forget_pillars(db: Path, rep_id: str, *dates: str) -> None:
    """Make DB's snapshots of REP_ID on DATES totals alone (pillars NULL: not given), as an
    entry of the total alone leaves them; best_points too, where the rep has a 'best' board."""
    conn = duckdb.connect(str(db))
    try:
        for table, day in (("snapshots", "snapshot_date"), ("best_points", "d")):
            conn.execute(
                f"UPDATE {table} SET brand = NULL, people = NULL, insights = NULL,"
                f" relationships = NULL WHERE rep_id = ? AND {day} IN (SELECT unnest(?::DATE[]))",
                [rep_id, list(dates)],
            )
    finally:
        conn.close()
