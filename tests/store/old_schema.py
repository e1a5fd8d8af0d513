"""A file of today made to look as an older ssi-tui left it, to test its upgrade."""

from __future__ import annotations

from pathlib import Path

import duckdb


def as_version_5(db: Path) -> None:
    """Take away what schema version 6 added: the ids reps adopted (rep_aliases)."""
    conn = duckdb.connect(str(db))
    try:
        conn.execute("DROP TABLE rep_aliases")
        conn.execute("UPDATE ssi_meta SET value = '5' WHERE key = 'schema_version'")
    finally:
        conn.close()


def as_version_3(db: Path) -> None:
    """Take away what schema versions 4, 5 and 6 added: the board's points and its dates, and
    the ids reps adopted."""
    as_version_5(db)
    conn = duckdb.connect(str(db))
    try:
        for column in ("until", "change", "change_4w"):
            conn.execute(f"ALTER TABLE snapshots DROP COLUMN {column}")
        conn.execute("DROP TABLE best_points")
        conn.execute("DROP TABLE board_dates")
        conn.execute("UPDATE ssi_meta SET value = '3' WHERE key = 'schema_version'")
    finally:
        conn.close()
