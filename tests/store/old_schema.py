"""A file of today made to look as an older ssi-tui left it, to test its upgrade."""

from __future__ import annotations

from pathlib import Path

import duckdb


def as_version_6(db: Path) -> None:
    """Take away what schema version 7 added: the change history, rep leaving dates, and
    snapshots without pillars."""
    conn = duckdb.connect(str(db))
    try:
        for table in (
            "changes",
            "superseded_snapshots",
            "superseded_activities",
            "superseded_reps",
            "superseded_aliases",
        ):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DROP SEQUENCE change_id_seq")
        conn.execute("ALTER TABLE imports DROP COLUMN change_id")
        conn.execute("ALTER TABLE reps DROP COLUMN left_on")
        for table in ("snapshots", "best_points"):
            for pillar in ("brand", "people", "insights", "relationships"):
                conn.execute(f"ALTER TABLE {table} ALTER COLUMN {pillar} SET NOT NULL")
        conn.execute("UPDATE ssi_meta SET value = '6' WHERE key = 'schema_version'")
    finally:
        conn.close()


def as_version_5(db: Path) -> None:
    """Take away what schema versions 6 and 7 added: the ids reps adopted (rep_aliases)."""
    as_version_6(db)
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
