"""The import use case: files in, validated, written in one transaction, reported.

Shared by `ssi-tui import` and the in-app import dialog. Polars is imported lazily here, so
merely importing this module (as the app does) costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ssi_tui import store
from ssi_tui.errors import DatabaseError, InvalidExportError, Problem
from ssi_tui.importing import import_settings, import_skip
from ssi_tui.importing.combine import ReadBatches, combine_batches
from ssi_tui.importing.import_report import (
    FileReport,
    ImportReport,
    ProgressCallback,
    content_key,
    file_content_key,
    fill_counts,
    fill_findings,
    write_outcome,
)
from ssi_tui.importing.options import ImportOptions
from ssi_tui.importing.paths import collect_paths
from ssi_tui.ingest.file_names import name_options

if TYPE_CHECKING:
    import polars as pl

    from ssi_tui.estimate.model import Model
    from ssi_tui.store import writer

_ACTIVITIES_SCHEMA = store.MIGRATIONS.index("0003_activities") + 1
"""The first schema version with the activities table."""


class _ArrowStream:
    """Lets DuckDB scan a Polars frame without pyarrow (DuckDB would otherwise ask for it)."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self._frame = frame

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        return self._frame.__arrow_c_stream__(requested_schema)


def run_import(
    db_path: str | Path,
    paths: Iterable[str | Path],
    options: ImportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Validate every file, then write them all in one transaction (or nothing at all).

    Raises InvalidExportError, leaving the database exactly as it was, when any row is invalid
    and OPTIONS.skip_invalid is off (ImportOptions says what each option does). Activity
    exports are stored and scored into estimated snapshots, in the same transaction.

    Files in exactly our own CSV columns take a fast path (import_fast.py) that never loads
    Polars; it hands anything not plainly valid back to the path below, which says what is
    wrong and where.
    """
    options = options or ImportOptions()
    db_path = store.location(db_path)
    files = collect_paths(paths)
    kept = import_skip.known(db_path) if files else None
    if kept is not None:
        known_keys, before = kept
        options = options.with_settings(before)
        reading = options.content_options()
        skipped = _all_imported_already(db_path, known_keys, files, options, **reading)
        if skipped is not None:
            after = import_settings.keep(db_path, options, skipped, before)
            if after != before:
                import_skip.remember(db_path, known_keys, after)
            return skipped
    from ssi_tui.importing import import_fast  # DuckDB, from here on

    known, version = _store_facts(db_path)
    before = import_settings.stored_settings(db_path)
    options = options.with_settings(before)
    reading = options.content_options()
    report = None
    if options.fast_path_allowed:
        report = import_fast.try_import(
            db_path,
            files,
            known,
            version,
            dry_run=options.dry_run,
            progress=progress,
            strict=options.strict,
            change_kind=options.change_kind,
            **reading,
        )
    if report is None:
        # It adds the keys it reads to its copy: remembered below only once written.
        report = _run_import_with_polars(db_path, files, set(known), options, progress)
    report.remembered_used = options.remembered_used()
    if not options.dry_run:
        after = import_settings.keep(db_path, options, report, before)
        import_skip.remember(db_path, known | report.content_keys, after)
    return report


def _all_imported_already(
    db_path: Path,
    keys: frozenset[str],
    files: list[Path],
    options: ImportOptions,
    **reading: object,
) -> ImportReport | None:
    """The report of an import whose every file is among KEYS (the database's, known without
    opening it: import_skip); None otherwise."""
    if not keys:
        return None
    report = ImportReport(database=store.shown(db_path), dry_run=options.dry_run)
    report.remembered_used = options.remembered_used()
    for path in files:
        try:
            if file_content_key(path, **reading, **name_options(path)) not in keys:
                return None
        except OSError:
            return None  # the import says which file cannot be read, and why
        report.files.append(FileReport(str(path), status="already imported"))
    return report


def _run_import_with_polars(
    db_path: Path,
    files: list[Path],
    known: set[str],
    options: ImportOptions,
    progress: ProgressCallback | None,
) -> ImportReport:
    """run_import for any file: every export format, every problem found and reported."""
    report = ImportReport(database=store.shown(db_path), dry_run=options.dry_run)
    read = _read_files(files, known, options, report, progress)
    snapshots, activities = combine_batches(read, options, report)
    import_settings.learn(read.day_orders, options, report)
    snapshots, activity_batch = _estimate(snapshots, activities, read.model, report)
    if progress:
        progress("Writing", len(files), len(files))
    if snapshots is not None:
        _write(db_path, snapshots, activity_batch, read, options, report)
    report.content_keys = {f.content_hash for f in read.to_log}
    return report


def _read_files(
    files: list[Path],
    known: set[str],
    options: ImportOptions,
    report: ImportReport,
    progress: ProgressCallback | None,
) -> ReadBatches:
    """Read and validate each file not imported already (KNOWN grows with each one read)."""
    from ssi_tui.estimate.model import load_model

    model = load_model(options.model_path) if options.model_path is not None else None
    read = ReadBatches(model=model)
    for done, path in enumerate(files):
        if progress:
            progress(f"Reading {path.name}", done, len(files))
        file_report = FileReport(str(path))
        report.files.append(file_report)
        _read_file(path, known, options, report, file_report, read)
    return read


def _read_file(
    path: Path,
    known: set[str],
    options: ImportOptions,
    report: ImportReport,
    file_report: FileReport,
    read: ReadBatches,
) -> None:
    """One file into READ: its validated rows, or its problems (the file rejected)."""
    import polars as pl

    from ssi_tui.estimate.model import load_model
    from ssi_tui.ingest.activity import is_activity_export, validate_activities
    from ssi_tui.ingest.day_order import DayOrder
    from ssi_tui.ingest.header_map import HeaderMap
    from ssi_tui.ingest.readers import read_export
    from ssi_tui.ingest.validate import validate
    from ssi_tui.store import writer

    try:
        data = path.read_bytes()
    except OSError as error:
        read.problems.append(Problem(str(path), f"cannot be read ({error.strerror or error})"))
        file_report.status = "rejected"
        read.read_all = False
        return
    reading = {**options.content_options(), **name_options(path)}
    digest = content_key(data, **reading)
    if digest in known:
        file_report.status = "already imported"
        read.read_all = False
        return
    known.add(digest)
    try:
        raw = read_export(
            path, data, sheet=options.sheet, header_map=options.header_map or HeaderMap()
        )
        is_activity = is_activity_export(raw.frame.columns, raw.file, header_line=raw.header_line)
    except InvalidExportError as error:
        read.problems += error.problems
        file_report.status = "rejected"
        read.read_all = False
        return
    read.mapped_seen |= raw.mapped
    report.notices += raw.notices
    if is_activity:
        # The model is part of what an activity file writes: another model, another import.
        read.model = read.model or load_model()
        digest = content_key(data, **reading, model=read.model.digest)
        if digest in known:
            file_report.status = "already imported"
            return
        known.add(digest)
    check = validate_activities if is_activity else validate
    day_order = DayOrder(learned=options.day_order)
    result = check(
        raw.frame,
        raw.file,
        decimal_comma=raw.decimal_comma,
        date_format=options.date_format,
        default_date=options.default_date,
        header_line=raw.header_line,
        map_hint=options.map_hint,
        day_order=day_order,
    )
    if day_order.settled:
        read.day_orders[day_order.settled] = day_order.settled_by
    import_settings.note_day_order(raw.file, day_order, report)
    result.problems = raw.locate(result.problems)
    read.units[raw.file] = raw.unit
    file_report.rows_read = raw.frame.height
    file_report.rejected = result.rejected_lines
    report.notices += result.notices
    read.problems += result.problems
    index = len(read.to_log)
    read.to_log.append(writer.FileToLog(index, path.name, digest, result.rejected_lines))
    (read.activities if is_activity else read.snapshots).append(
        result.rows.with_columns(pl.lit(index, pl.Int32).alias("file_index"))
    )


def _estimate(
    snapshots: pl.DataFrame | None,
    activities: pl.DataFrame | None,
    model: Model | None,
    report: ImportReport,
) -> tuple[pl.DataFrame | None, writer.ActivityBatch | None]:
    """The snapshots with those estimated from ACTIVITIES by MODEL, and the activity rows."""
    if activities is None or model is None:
        return snapshots, None
    import polars as pl

    from ssi_tui.ingest.estimates import activity_rows, estimated_snapshots
    from ssi_tui.store import writer

    estimated, notices = estimated_snapshots(activities, model)
    report.notices.append(
        f"estimated SSI from activity metrics with model '{model.name}' ({model.origin})"
    )
    report.notices += notices
    if snapshots is not None:
        estimated = pl.concat(
            [snapshots, estimated.select(snapshots.columns)], how="vertical_relaxed"
        )
    rows = _ArrowStream(activity_rows(activities, model))
    return estimated, writer.ActivityBatch(rows, model.digest, model.name, model.text)


def _write(
    db_path: Path,
    snapshots: pl.DataFrame,
    activities: writer.ActivityBatch | None,
    read: ReadBatches,
    options: ImportOptions,
    report: ImportReport,
) -> None:
    """Write the batch in one transaction (a dry run counts instead), and report the counts."""
    from ssi_tui.ingest.columns import FILE, LINE
    from ssi_tui.store import writer

    # Lines go along (named as the fast path's empty column): warnings say where.
    stream = _ArrowStream(snapshots.drop(FILE).rename({LINE: "line"}))
    with write_outcome(report, strict=options.strict, units=read.units) as outcome:
        if options.dry_run:
            outcome.append(_dry_run_counts(db_path, stream, activities))
        else:
            # A new file appears whole or not at all: the writer may still refuse the batch.
            opener = store.open_write if store.exists(db_path) else store.create_whole
            with opener(db_path) as conn:
                conn.bound_memory(snapshots.estimated_size())
                outcome.append(
                    writer.write(
                        conn,
                        stream,
                        read.to_log,
                        activities=activities,
                        strict=options.strict,
                        change_kind=options.change_kind,
                    )
                )
    fill_counts(report, read.to_log, outcome[0].counts, dry_run=options.dry_run)
    fill_findings(report, outcome[0].findings, read.units)


def _store_facts(db_path: Path) -> tuple[set[str], int | None]:
    """The content keys already imported into DB_PATH, and its schema version (None: no file)."""
    if not store.exists(db_path):
        return set(), None
    from ssi_tui.store import writer

    with store.open_read(db_path, allow_older=True) as conn:
        return writer.known_hashes(conn), conn.schema_version()


def _dry_run_counts(
    db_path: Path, stream: _ArrowStream, activities: writer.ActivityBatch | None = None
) -> writer.Outcome:
    """What the import would do, without writing (or creating) the database."""
    from ssi_tui.store import writer

    with store.open_scratch(db_path) as conn:
        if activities is not None and (conn.schema_version() or 0) < _ACTIVITIES_SCHEMA:
            raise DatabaseError(
                f"{db_path}: made by an older ssi-tui, without activity metrics; run"
                f" `ssi-tui upgrade {db_path}` before a dry run of activity exports."
            )
        return writer.classify(conn, stream, activities)
