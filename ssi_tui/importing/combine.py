"""The combine step of an import: what reading the files gave, as one batch per kind.

A row repeated across files is kept once (and counted unchanged), rows that conflict are
refused, and a mapped header that no file has is named: all before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ssi_tui.errors import InvalidExportError, Problem
from ssi_tui.importing.import_report import ImportReport
from ssi_tui.importing.options import ImportOptions

if TYPE_CHECKING:
    import polars as pl

    from ssi_tui.estimate.model import Model
    from ssi_tui.ingest.header_map import HeaderMap
    from ssi_tui.store import writer


@dataclass
class ReadBatches:
    """What reading the files gave: validated rows per file, and what the write logs."""

    snapshots: list[pl.DataFrame] = field(default_factory=list)
    activities: list[pl.DataFrame] = field(default_factory=list)
    to_log: list[writer.FileToLog] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    units: dict[str, str] = field(default_factory=dict)
    """File -> the unit its problems name (line, row, record)."""
    model: Model | None = None
    """The model activity files are scored with (loaded on the first one)."""
    mapped_seen: set[str] = field(default_factory=set)
    read_all: bool = True
    """Every file read, so a mapped header found in none was typed wrong."""
    day_orders: dict[str, str] = field(default_factory=dict)
    """Day orders the files' own dates showed (ingest/dates.py), each with a date showing it."""


def combine_batches(
    read: ReadBatches, options: ImportOptions, report: ImportReport
) -> tuple[pl.DataFrame | None, pl.DataFrame | None]:
    """Each kind's rows as one batch; raises InvalidExportError on any problem unless
    skip_invalid (every problem is then in REPORT)."""
    from ssi_tui.ingest.activity import drop_duplicate_activities
    from ssi_tui.ingest.duplicates import drop_duplicate_snapshots

    problems = read.problems
    if read.read_all and report.files and options.header_map and not options.map_remembered:
        problems += mapped_headers_not_found(options.header_map, read.mapped_seen, options.map_hint)
    snapshots, conflicts = combine(read.snapshots, drop_duplicate_snapshots, report, read.units)
    problems += conflicts
    activities, conflicts = combine(read.activities, drop_duplicate_activities, report, read.units)
    problems += conflicts
    report.problems = problems
    if problems and not options.skip_invalid:
        raise InvalidExportError(problems)
    return snapshots, activities


def mapped_headers_not_found(header_map: HeaderMap, seen: set[str], map_hint: str) -> list[Problem]:
    """A mapped header that no file of the import has: most likely a typo, said before any
    write, the pair spelled by MAP_HINT as the user gave it."""
    return [
        Problem(
            map_hint.format(pair=f"{header}={column}"),
            f"no file has a header '{header}' (case, spaces and punctuation ignored);"
            " expected a header of one of the files",
        )
        for header, column in header_map.pairs
        if header not in seen
    ]


def combine(
    frames: list[pl.DataFrame],
    drop_duplicates: Callable[[pl.DataFrame], tuple[pl.DataFrame, list[Problem]]],
    report: ImportReport,
    units: dict[str, str],
) -> tuple[pl.DataFrame | None, list[Problem]]:
    """FRAMES as one batch: a row repeated across files kept once, conflicting rows rejected."""
    import polars as pl

    from ssi_tui.ingest.columns import FILE

    if not frames:
        return None, []
    batch = pl.concat(frames)
    if len(frames) < 2:
        return batch, []
    before = batch.group_by(FILE).len()
    batch, conflicts = drop_duplicates(batch)
    conflicts = [replace(c, unit=units.get(c.file, c.unit)) for c in conflicts]
    count_repeats_as_unchanged(report, before, batch.group_by(FILE).len(), conflicts)
    for conflict in conflicts:
        for file_report in report.files:
            if file_report.path == conflict.file:
                file_report.rejected += 1
    return batch, conflicts


def count_repeats_as_unchanged(
    report: ImportReport, before: pl.DataFrame, after: pl.DataFrame, conflicts: list[Problem]
) -> None:
    """A row repeated exactly in a later file of the same import changes nothing: say so."""
    kept = dict(after.iter_rows())
    conflicted: dict[str, int] = {}
    for conflict in conflicts:
        conflicted[conflict.file] = conflicted.get(conflict.file, 0) + 1
    for file, rows in before.iter_rows():
        repeats = rows - kept.get(file, 0) - conflicted.get(file, 0)
        for file_report in report.files:
            if file_report.path == file and repeats > 0:
                file_report.repeated = repeats
