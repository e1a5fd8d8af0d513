"""`ssi-tui copy SRC DST`: a whole history moved between a file and a server (issue #24).

Every table row for row (snapshots and their board points, the import log, every superseded
value and the change history), into a NEW history that appears whole or not at all; its id
sequences then go on after the ids copied. Polars carries the rows between the two stores, with
each column's type read from the source (a column of NULLs alone keeps its type).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ssi_tui import store
from ssi_tui.errors import DatabaseError

TABLES = (
    "reps",
    "rep_aliases",
    "imports",
    "snapshots",
    "targets",
    "estimate_models",
    "activities",
    "board_dates",
    "best_points",
    "changes",
    "superseded_snapshots",
    "superseded_activities",
    "superseded_reps",
    "superseded_aliases",
)
"""Every table of a history but ssi_meta (what each store says about itself)."""

_POLARS_TYPES = {
    "VARCHAR": "String",
    "character varying": "String",
    "DOUBLE": "Float64",
    "double precision": "Float64",
    "INTEGER": "Int32",
    "integer": "Int32",
    "DATE": "Date",
    "date": "Date",
    "TIMESTAMP": "Datetime",
    "timestamp without time zone": "Datetime",
    "BOOLEAN": "Boolean",
    "boolean": "Boolean",
}
"""The Polars type of each column type a history has, as either store names it."""


@dataclass(frozen=True)
class Copied:
    """How many rows of each table the copy holds."""

    rows: dict[str, int]


class _ArrowStream:
    """A Polars frame as only an Arrow stream, as the stores take one."""

    def __init__(self, frame: Any) -> None:
        self._frame = frame

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        return self._frame.__arrow_c_stream__(requested_schema)


def copy_history(source: str | Path, target: str | Path) -> Copied:
    """SOURCE's history, whole, as the new history TARGET; never into an existing one."""
    import polars as pl

    if store.exists(target):
        raise DatabaseError(
            f"{store.shown(target)}: already exists; a copy goes only into a new history"
            " (for a server: an empty database)."
        )
    counts: dict[str, int] = {}
    with store.open_read(source) as origin, store.create_whole(target) as copy:
        schema = _schemas(origin.rows("history_copy/columns"))
        for table in TABLES:
            rows = origin.rows(f"history_copy/read_{table}")
            frame = pl.DataFrame(rows, schema=schema[table], orient="row")
            with copy.load("copied", _ArrowStream(frame)):
                copy.run(f"history_copy/write_{table}")
            counts[table] = len(rows)
        last_import, last_change = copy.first_row("history_copy/max_ids")  # type: ignore[misc]
        copy.run("history_copy/advance_import_ids", {"last": last_import})
        copy.run("history_copy/advance_change_ids", {"last": last_change})
    return Copied(counts)


def _schemas(columns: list[tuple[Any, ...]]) -> dict[str, dict[str, Any]]:
    """{table: {column: Polars type}} from (table, column, type) rows, in column order."""
    import polars as pl

    schemas: dict[str, dict[str, Any]] = {}
    for table, column, kind in columns:
        try:
            dtype = getattr(pl, _POLARS_TYPES[kind])
        except KeyError:
            raise DatabaseError(f"cannot copy {table}.{column}: no copy of a {kind}") from None
        schemas.setdefault(table, {})[column] = dtype
    return schemas
