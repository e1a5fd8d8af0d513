"""Writing a validated batch of snapshots into the store, all files in ONE transaction.

Takes any Arrow-stream object (a Polars DataFrame wrapped by the importer), so this module
never imports Polars itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

import duckdb

from ssi_tui import resources, store


class ArrowStream(Protocol):
    """Anything DuckDB can scan through the Arrow C stream interface."""

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any: ...


@dataclass(frozen=True)
class FileCounts:
    """What one file of an import did (or, in a dry run, would do) to the store."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    reps: int = 0
    first_date: dt.date | None = None
    last_date: dt.date | None = None


@dataclass(frozen=True)
class FileToLog:
    """The import-log facts of one file, known before writing."""

    file_index: int
    file_name: str
    content_hash: str
    rows_rejected: int


def classify(conn: duckdb.DuckDBPyConnection, incoming: ArrowStream) -> dict[int, FileCounts]:
    """Stage the batch as a temp table and count, per file, what it would change.

    Works on a read-only connection too (temp tables live in memory), so a dry run can tell
    exactly how many rows would be added, updated or left unchanged.
    """
    conn.register("incoming", incoming)
    try:
        conn.execute(resources.query("import_classify"))
    finally:
        conn.unregister("incoming")
    counts: dict[int, FileCounts] = {}
    for file_index, added, updated, unchanged, reps, first, last in conn.execute(
        resources.query("import_counts")
    ).fetchall():
        counts[file_index] = FileCounts(added, updated, unchanged, reps, first, last)
    return counts


def write(
    conn: duckdb.DuckDBPyConnection,
    incoming: ArrowStream,
    files: list[FileToLog],
    *,
    now: dt.datetime | None = None,
) -> dict[int, FileCounts]:
    """Upsert the batch and log each file, all or nothing."""
    now = now or dt.datetime.now().replace(microsecond=0)
    conn.begin()
    try:
        counts = classify(conn, incoming)
        conn.execute(resources.query("import_files_table"))
        for file in files:
            c = counts.get(file.file_index, FileCounts())
            row = store.first_row(
                conn,
                "import_log",
                [
                    file.file_name,
                    file.content_hash,
                    c.added,
                    c.updated,
                    c.unchanged,
                    file.rows_rejected,
                    now,
                ],
            )
            assert row is not None
            conn.execute(resources.query("import_files_add"), [file.file_index, row[0]])
        for name in (
            "import_update_reps",
            "import_insert_reps",
            "import_update_snapshots",
            "import_insert_snapshots",
        ):
            conn.execute(resources.query(name))
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return counts


def known_hashes(conn: duckdb.DuckDBPyConnection) -> set[str]:
    """Content hashes of every file already imported."""
    return {h for (h,) in conn.execute(resources.query("known_hashes")).fetchall()}
