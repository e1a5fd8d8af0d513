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


@dataclass(frozen=True)
class ActivityBatch:
    """The activity rows of an import (their estimates are in the snapshot batch) and the model.

    ROWS has the activities table's columns (but import_id) plus file_index.
    """

    rows: ArrowStream
    model_hash: str
    model_name: str
    model_text: str


def classify(
    conn: duckdb.DuckDBPyConnection,
    incoming: ArrowStream,
    activities: ActivityBatch | None = None,
) -> dict[int, FileCounts]:
    """Stage the batch as a temp table and count, per file, what it would change.

    Works on a read-only connection too (temp tables live in memory), so a dry run can tell
    exactly how many rows would be added, updated or left unchanged.
    """
    conn.register("incoming", incoming)
    try:
        conn.execute(resources.query("import_classify"))
    finally:
        conn.unregister("incoming")
    counts = _counts(conn)
    if activities is not None:
        counts.update(_classify_activities(conn, activities))
    return counts


def _classify_activities(
    conn: duckdb.DuckDBPyConnection, activities: ActivityBatch
) -> dict[int, FileCounts]:
    """Stage the activity rows; per activity file, what they (and their estimates) change."""
    conn.register("incoming_activities", activities.rows)
    try:
        conn.execute(resources.query("activity_classify"))
    finally:
        conn.unregister("incoming_activities")
    return {
        file_index: FileCounts(added, updated, unchanged, reps, first, last)
        for file_index, added, updated, unchanged, reps, first, last in conn.execute(
            resources.query("activity_counts")
        ).fetchall()
    }


def _counts(conn: duckdb.DuckDBPyConnection) -> dict[int, FileCounts]:
    """Per file, what the staged rows do to the store."""
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
    activities: ActivityBatch | None = None,
    now: dt.datetime | None = None,
) -> dict[int, FileCounts]:
    """Upsert the batch (and ACTIVITIES, with their model) and log each file, all or nothing."""
    now = now or dt.datetime.now().replace(microsecond=0)
    conn.begin()
    first_import = False
    try:
        # Into an empty store every row is added: no need to copy the batch into a temp table
        # to compare it with nothing (a million rows staged cost more than inserting them).
        first_import = bool(store.first_row(conn, "import_store_empty")[0])  # type: ignore[index]
        if first_import:
            conn.register("incoming", incoming)
            conn.execute(resources.query("import_stage_new"))
            counts = _counts(conn)
        else:
            counts = classify(conn, incoming)
        if activities is not None:
            counts.update(_classify_activities(conn, activities))
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
            "board_points_refresh",
        ):
            conn.execute(resources.query(name))
        if activities is not None:
            _write_activities(conn, activities)
        if first_import:
            conn.execute(resources.query("import_unstage_new"))
            conn.unregister("incoming")
        conn.commit()
    except BaseException:
        conn.rollback()
        if first_import:
            conn.unregister("incoming")
        raise
    return counts


def _write_activities(conn: duckdb.DuckDBPyConnection, activities: ActivityBatch) -> None:
    """Upsert the staged activity rows, keeping the model that scored them."""
    conn.execute(
        resources.query("estimate_model_add"),
        [activities.model_hash, activities.model_name, activities.model_text],
    )
    for name in ("activity_update", "activity_insert", "activity_unstage"):
        conn.execute(resources.query(name))


def known_hashes(conn: duckdb.DuckDBPyConnection) -> set[str]:
    """Content hashes of every file already imported."""
    return {h for (h,) in conn.execute(resources.query("known_hashes")).fetchall()}
