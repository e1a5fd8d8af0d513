"""Writing a validated batch of snapshots into the store, all files in ONE transaction.

Takes any Arrow-stream object (a Polars DataFrame wrapped by the importer), so this module
never imports Polars itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from ssi_tui.store import changes, import_findings, import_identity
from ssi_tui.store import database as store
from ssi_tui.store.changes import ChangeKind
from ssi_tui.store.import_findings import Findings
from ssi_tui.store.interface import Store

_ALIASES_SCHEMA = store.MIGRATIONS.index("0006_rep_aliases") + 1
"""The first schema version with rep_aliases (a dry run reads older files as they are)."""
_CHANGES_SCHEMA = store.MIGRATIONS.index("0007_changes") + 1
"""The first schema version with the change history."""


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
class Outcome:
    """What an import did (or, in a dry run, would do): per file index, its counts; and what
    its summary tells besides (import_findings.py)."""

    counts: dict[int, FileCounts]
    findings: Findings = field(default_factory=Findings)


class StrictRefusal(Exception):
    """--strict and the batch has values that look like typos: nothing written."""

    def __init__(self, findings: Findings) -> None:
        self.findings = findings
        super().__init__(f"{findings.warnings_total} warning(s)")


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
    conn: Store,
    incoming: ArrowStream | None,
    activities: ActivityBatch | None = None,
) -> Outcome:
    """Stage the batch as a temp table and tell, per file, what it would change.

    INCOMING None means the batch is already the temp table `incoming` (the fast path of
    ingest/canonical_csv.py). Works on a read-only connection too (temp tables live in
    memory), so a dry run can tell exactly how many rows would be added, updated or unchanged.
    Raises import_identity.Refused when the batch cannot be written.
    """
    with _as_incoming(conn, incoming):
        conn.run("import_macros")
        if (conn.schema_version() or 0) < _ALIASES_SCHEMA:
            conn.run("import_aliases_none")
        matched = import_identity.resolve(conn)
        conn.run("import_classify")
        counts = _counts(conn)  # reads `incoming` too (its rows not staged are unchanged)
        findings = _findings(conn, matched, counts)
        conn.run("import_unresolve")
    if activities is not None:
        counts.update(_classify_activities(conn, activities))
    return Outcome(counts, findings)


@contextmanager
def _as_incoming(conn: Store, incoming: ArrowStream | None) -> Iterator[None]:
    """INCOMING scannable as `incoming` for the length of the block (None: it already is)."""
    if incoming is None:
        yield
        return
    with conn.load("incoming", incoming):
        yield


def _classify_activities(conn: Store, activities: ActivityBatch) -> dict[int, FileCounts]:
    """Stage the activity rows; per activity file, what they (and their estimates) change."""
    with conn.load("incoming_activities", activities.rows):
        conn.run("activity_classify")
    return {
        file_index: FileCounts(added, updated, unchanged, reps, first, last)
        for file_index, added, updated, unchanged, reps, first, last in conn.rows("activity_counts")
    }


def _counts(conn: Store) -> dict[int, FileCounts]:
    """Per file, what the batch does to the store (its rows not in `staged` are unchanged)."""
    counts: dict[int, FileCounts] = {}
    for file_index, added, updated, unchanged, reps, first, last in conn.rows("import_counts"):
        counts[file_index] = FileCounts(added, updated, unchanged, reps, first, last)
    return counts


def write(
    conn: Store,
    incoming: ArrowStream | None,
    files: list[FileToLog],
    *,
    activities: ActivityBatch | None = None,
    now: dt.datetime | None = None,
    strict: bool = False,
    change_kind: ChangeKind = ChangeKind.FILES,
    summary: str | None = None,
) -> Outcome:
    """Upsert the batch (and ACTIVITIES, with their model) and log each file, all or nothing.

    The whole write is one change of CHANGE_KIND in the history (store/changes.py; SUMMARY
    defaults to the file name, or "N files"): what it replaces is kept in the superseded_*
    tables, so undo.py can put it back. INCOMING None means the batch is already the temp table
    `incoming` (see classify). Raises import_identity.Refused, or StrictRefusal when STRICT and
    a value looks like a typo, with nothing written.
    """
    now = now or dt.datetime.now().replace(microsecond=0)
    # Rolled back (which drops that view too) before the batch is unloaded.
    with _as_incoming(conn, incoming), conn.transaction():
        first_import = bool(conn.first_row("import_store_empty")[0])  # type: ignore[index]
        conn.run("import_macros")
        matched = import_identity.resolve(conn)
        counts = _stage(conn, first_import=first_import)
        findings = _findings(conn, matched, counts)
        if strict and findings.warnings_total:
            raise StrictRefusal(findings)  # rolled back below
        # A batch the store already holds row for row leaves the board as it is: its
        # refresh, which would still scan the snapshots, is skipped (docs/performance.md).
        snapshots_changed = any(c.added or c.updated for c in counts.values())
        snapshots_corrected = any(c.updated for c in counts.values())
        if activities is not None:
            counts.update(_classify_activities(conn, activities))
        change_id = changes.begin(conn, change_kind, summary or _summary(files), now=now)
        _log_files(conn, files, counts, now, change_id)
        _write_reps(conn, change_id)
        # A first import corrects nothing: it keeps no copies (and stays as fast as it was).
        if snapshots_corrected:
            conn.run("import_supersede_snapshots", [change_id])
        for name in (
            "import_update_snapshots",
            "import_insert_snapshots",
            # A first import's rows have their points already (import_insert_snapshots).
            *(
                ["board_own_refresh", "board_points_rewrite"]
                if snapshots_changed and not first_import
                else []
            ),
            *(["board_best_refresh", "board_best_rebuild"] if snapshots_changed else []),
        ):
            conn.run(name)
        if activities is not None:
            _write_activities(conn, activities, change_id)
        if first_import:  # its view of the batch goes before the batch is unregistered
            conn.run("import_unstage_new")
        _count_change(conn, change_id, counts)
        conn.run("import_unresolve")
    return Outcome(counts, findings)


def _summary(files: list[FileToLog]) -> str:
    """The history's line for an import of FILES: the file's name, or how many."""
    return files[0].file_name if len(files) == 1 else f"{len(files)} files"


def _write_reps(conn: Store, change_id: int) -> None:
    """The batch's names, teams, new reps and adopted aliases, each change kept under
    CHANGE_ID as the change contract asks (what was there, or that nothing was)."""
    conn.run("import_supersede_reps", [change_id])
    conn.run("import_update_reps")
    conn.run("import_reps_before")
    conn.run("import_insert_reps")
    conn.run("import_created_reps", [change_id])
    conn.run("import_reps_before_drop")
    conn.run("import_supersede_aliases", [change_id])
    conn.run("import_aliases_add")


def _count_change(conn: Store, change_id: int, counts: dict[int, FileCounts]) -> None:
    """The change's counts for `ssi-tui history`: rows added and corrected, reps touched."""
    reps = conn.first_row("change_reps_counted", [change_id])
    changes.set_counts(
        conn,
        change_id,
        added=sum(c.added for c in counts.values()),
        corrected=sum(c.updated for c in counts.values()),
        reps=int(reps[0]) if reps else 0,
    )


def _findings(conn: Store, matched: dict[int, int], counts: dict[int, FileCounts]) -> Findings:
    """What the staged batch does besides its counts (import_findings.py); leaves
    `rep_changes`, which import_update_reps.sql writes."""
    conn.run("import_rep_changes")
    corrects = any(c.updated for c in counts.values())
    findings = import_findings.read(conn, matched, corrects=corrects)
    return import_findings.with_warnings(conn, findings)


def _stage(conn: Store, *, first_import: bool) -> dict[int, FileCounts]:
    """`staged`: the rows of the batch that change the store, and how; per file, the counts."""
    # Into an empty store every row is added: no need to copy the batch into a temp table
    # to compare it with nothing (a million rows staged cost more than inserting them).
    if first_import:
        conn.run("import_stage_new")
    else:
        conn.run("import_classify")
    return _counts(conn)


def _log_files(
    conn: Store,
    files: list[FileToLog],
    counts: dict[int, FileCounts],
    now: dt.datetime,
    change_id: int,
) -> None:
    """One import-log row per file; `import_files` maps each file index to its import id."""
    conn.run("import_files_table")
    for file in files:
        c = counts.get(file.file_index, FileCounts())
        row = conn.first_row(
            "import_log",
            [
                file.file_name,
                file.content_hash,
                c.added,
                c.updated,
                c.unchanged,
                file.rows_rejected,
                now,
                change_id,
            ],
        )
        assert row is not None
        conn.run("import_files_add", [file.file_index, row[0]])


def _write_activities(conn: Store, activities: ActivityBatch, change_id: int) -> None:
    """Upsert the staged activity rows, keeping the model that scored them (and, under
    CHANGE_ID, the rows they correct)."""
    conn.run(
        "estimate_model_add",
        [activities.model_hash, activities.model_name, activities.model_text],
    )
    conn.run("activity_supersede", [change_id])
    for name in ("activity_update", "activity_insert", "activity_unstage"):
        conn.run(name)


def known_hashes(conn: Store) -> set[str]:
    """Content hashes of every file already imported."""
    older = (conn.schema_version() or 0) < _CHANGES_SCHEMA
    return {h for (h,) in conn.rows("known_hashes_v6" if older else "known_hashes")}
