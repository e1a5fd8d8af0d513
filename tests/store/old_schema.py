"""A file of today made to look as an older ssi-tui left it, to test its upgrade."""

from __future__ import annotations

from pathlib import Path

import duckdb


def as_version_3(db: Path) -> None:
    """Take away what schema versions 4 and 5 added: the board's points and its dates."""
    conn = duckdb.connect(str(db))
    try:
        for column in ("until", "change", "change_4w"):
            conn.execute(f"ALTER TABLE snapshots DROP COLUMN {column}")
        conn.execute("DROP TABLE best_points")
        conn.execute("DROP TABLE board_dates")
        conn.execute("UPDATE ssi_meta SET value = '3' WHERE key = 'schema_version'")
    finally:
        conn.close()
