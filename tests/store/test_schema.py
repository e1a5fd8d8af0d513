"""A new file's schema (queries/schema.sql, one step) is what the migrations make of an old one."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ssi_tui import resources
from ssi_tui.store import database as store


def _catalog(db: Path) -> dict[str, list[tuple]]:
    """Everything the schema declares, as DuckDB spells it back."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "tables": conn.execute(
                "SELECT table_name, sql FROM duckdb_tables() ORDER BY table_name"
            ).fetchall(),
            "sequences": conn.execute(
                "SELECT sequence_name, sql FROM duckdb_sequences() ORDER BY sequence_name"
            ).fetchall(),
            "indexes": conn.execute(
                "SELECT table_name, index_name, sql FROM duckdb_indexes() ORDER BY ALL"
            ).fetchall(),
            "views": conn.execute(
                "SELECT view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY ALL"
            ).fetchall(),
            "meta": conn.execute("SELECT key, value FROM ssi_meta ORDER BY key").fetchall(),
        }
    finally:
        conn.close()


def test_a_new_file_has_the_schema_every_migration_makes(tmp_path: Path) -> None:
    new, migrated = tmp_path / "new.duckdb", tmp_path / "migrated.duckdb"
    with store.open_write(new):
        pass
    conn = duckdb.connect(str(migrated))
    try:
        conn.execute(resources.query(f"migrations/{store.MIGRATIONS[0]}"))
        conn.execute("INSERT INTO ssi_meta VALUES ('app', 'ssi-tui'), ('schema_version', '1')")
    finally:
        conn.close()
    with store.open_write(migrated):  # the steps from version 1, as an upgrade runs them
        pass
    assert _catalog(new) == _catalog(migrated)
    assert ("schema_version", str(store.SCHEMA_VERSION)) in _catalog(new)["meta"]
