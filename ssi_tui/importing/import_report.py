"""What an import did, file by file, and the content key that makes re-importing a no-op.

Shared by both import paths (importer.py, and the DuckDB fast path in import_fast.py), the CLI
and the in-app import dialog; imports nothing heavy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ssi_tui.errors import InvalidExportError, Problem

if TYPE_CHECKING:
    from ssi_tui.store import writer
    from ssi_tui.store.import_findings import Findings

_CHUNK_BYTES = 1 << 20

ProgressCallback = Callable[[str, int, int], None]
"""Called as (what is happening, files done, files in all)."""


@dataclass
class FileReport:
    """What happened to one file."""

    path: str
    status: str = "imported"
    """imported | would import | already imported | rejected"""
    rows_read: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    repeated: int = 0
    """Rows identical to a row of an earlier file in the same import (counted as unchanged)."""
    reps: int = 0
    first_date: str | None = None
    last_date: str | None = None
    matched_by_name: int = 0
    """Rows without a rep_id taken as an existing rep's by name (or whose id a rep adopted)."""


@dataclass
class ImportReport:
    """The whole import: per-file outcomes, problems (with --skip-invalid) and notices."""

    database: str
    dry_run: bool
    files: list[FileReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)
    """The first corrections, each `rep, date, column: old → new` (corrections_total in all)."""
    corrections_total: int = 0
    warnings: list[Problem] = field(default_factory=list)
    """The first values that look like typos (warnings_total in all): imported all the same."""
    warnings_total: int = 0
    teams_set: int = 0
    """Known reps who got a team, or another one."""
    teams_not_applied: list[str] = field(default_factory=list)
    content_keys: set[str] = field(default_factory=set, repr=False, compare=False)
    """The content keys this import logged (not reported: import_skip remembers them)."""
    remembered_used: list[str] = field(default_factory=list)
    """The database's remembered settings this import read with, spelled as options."""
    settings_remembered: bool = False
    """This import kept its --map and --date-format for later ones (--remember)."""
    day_order_learned: str | None = None
    """The day order this import's dates showed, new to the database (ingest/dates.py)."""

    def total(self, attribute: str) -> int:
        """Sum of one per-file count, e.g. total('added')."""
        return sum(getattr(f, attribute) for f in self.files)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (`ssi-tui import --json`)."""
        return {
            "database": self.database,
            "dry_run": self.dry_run,
            "files": [vars(f) for f in self.files],
            "added": self.total("added"),
            "updated": self.total("updated"),
            "unchanged": self.total("unchanged"),
            "rejected": self.total("rejected"),
            "problems": [str(p) for p in self.problems],
            "notices": self.notices,
            "remembered_used": self.remembered_used,
            "settings_remembered": self.settings_remembered,
            "day_order_learned": self.day_order_learned,
            "matched_by_name": self.total("matched_by_name"),
            "corrections": self.corrections,
            "corrections_total": self.corrections_total,
            "warnings": [str(w) for w in self.warnings],
            "warnings_total": self.warnings_total,
            "teams_set": self.teams_set,
            "teams_not_applied": self.teams_not_applied,
        }


def content_key(data: bytes, **options: object) -> str:
    """The content hash a file is logged and skipped by: its bytes, plus any reading option.

    The same workbook read with another --sheet, or a date-less file given another --date,
    is different data and must not be skipped as already imported.
    """
    return hashlib.sha256(data + _options_suffix(options)).hexdigest()


def file_content_key(path: Path, **options: object) -> str:
    """content_key() of the file at PATH, read in chunks rather than held whole in memory.

    Worked out once per process for a file unchanged since (size and modification time): a
    file not found by import_skip's look-up is hashed there and again by the import itself.
    """
    stat = path.stat()
    memo = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, _options_suffix(options))
    key = _FILE_KEYS.get(memo)
    if key is None:
        key = _FILE_KEYS[memo] = _hash_file(path, options)
    return key


_FILE_KEYS: dict[tuple[str, int, int, bytes], str] = {}


def _hash_file(path: Path, options: dict[str, object]) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK_BYTES):
            digest.update(chunk)
    digest.update(_options_suffix(options))
    return digest.hexdigest()


def _options_suffix(options: dict[str, object]) -> bytes:
    given = {k: str(v) for k, v in options.items() if v is not None}
    return b"\0" + repr(sorted(given.items())).encode() if given else b""


def fill_counts(
    report: ImportReport,
    logged: list[writer.FileToLog],
    counts: dict[int, writer.FileCounts],
    *,
    dry_run: bool,
) -> None:
    """Per-file counts from the writer into REPORT's pending files (in file-index order)."""
    from ssi_tui.store import writer  # loaded already by the caller (it imports DuckDB)

    by_name = {f.file_index: f for f in logged}
    pending = [f for f in report.files if f.status not in ("already imported", "rejected")]
    for index, file_report in enumerate(pending):
        assert by_name[index].file_name == Path(file_report.path).name
        c = counts.get(index, writer.FileCounts())
        file_report.added, file_report.updated, file_report.unchanged = (
            c.added,
            c.updated,
            c.unchanged + file_report.repeated,
        )
        file_report.reps = c.reps
        file_report.first_date = c.first_date.isoformat() if c.first_date else None
        file_report.last_date = c.last_date.isoformat() if c.last_date else None
        file_report.status = "would import" if dry_run else "imported"


def plural(count: int, noun: str) -> str:
    """`1 rep`, `2 reps`: counts in summaries, in the one wording of both import screens."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def counts_text(new: int, corrected: int, unchanged: int, rejected: int = 0) -> str:
    """Rows in a manager's words, the same in the CLI, the dialog and the app's notice."""
    text = f"{new} new, {corrected} corrected, {unchanged} unchanged"
    return text + (f", {rejected} rejected" if rejected else "")


def file_summary(file: FileReport) -> str:
    """One file's outcome after its name: rows, reps, dates and rows matched by name."""
    span = ""
    if file.first_date:
        one_day = file.first_date == file.last_date
        span = f", {file.first_date}" if one_day else f", {file.first_date} to {file.last_date}"
    matched = f", {file.matched_by_name} matched by name" if file.matched_by_name else ""
    return (
        f"{counts_text(file.added, file.updated, file.unchanged, file.rejected)}"
        f" ({plural(file.reps, 'rep')}{span}{matched})"
    )


def total_summary(report: ImportReport) -> str:
    """The whole import's rows, as file_summary words them."""
    return counts_text(report.total("added"), report.total("updated"), report.total("unchanged"))


def findings_lines(report: ImportReport) -> list[str]:
    """What the summary tells besides counts, one line each: rows matched by name, teams set or
    not applied, corrections (rep, date, column, old → new) and warnings."""
    lines = []
    matched = report.total("matched_by_name")
    if matched:
        lines.append(f"{plural(matched, 'row')} matched an existing rep by name")
    if report.teams_set:
        lines.append(f"team set for {plural(report.teams_set, 'rep')}")
    lines += report.teams_not_applied
    if report.corrections_total:
        verb = "would correct" if report.dry_run else "corrected"
        lines.append(f"{verb} {plural(report.corrections_total, 'value')}:")
        lines += [f"  {c}" for c in report.corrections]
        rest = report.corrections_total - len(report.corrections)
        if rest > 0:
            lines.append(f"  ... and {rest} more")
    if report.warnings_total:
        lines.append(
            f"{plural(report.warnings_total, 'warning')} (imported, but check them;"
            " --strict refuses them):"
        )
        lines += [f"  {w}" for w in report.warnings]
        rest = report.warnings_total - len(report.warnings)
        if rest > 0:
            lines.append(f"  ... and {rest} more")
    return lines


def fill_findings(
    report: ImportReport, findings: Findings, units: dict[str, str] | None = None
) -> None:
    """REPORT's corrections, warnings, teams and matches from the writer's FINDINGS, worded.

    UNITS gives, per file path, what its lines count (line, record, row)."""
    paths = pending_paths(report)
    for index, rows in findings.matched_by_name.items():
        for file_report in report.files:
            if file_report.path == paths[index]:
                file_report.matched_by_name = rows
    report.corrections = [
        f"{c.rep}, {c.date}, {c.column}: {_number(c.old)} → {_number(c.new)}"
        for c in findings.corrections
    ]
    report.corrections_total = findings.corrections_total
    report.warnings = warning_problems(report, findings, units)
    report.warnings_total = findings.warnings_total
    report.teams_set = findings.teams_set
    report.teams_not_applied = _teams_not_applied(findings)


def warning_problems(
    report: ImportReport, findings: Findings, units: dict[str, str] | None = None
) -> list[Problem]:
    """FINDINGS' warnings located in REPORT's files (file:line where known)."""
    paths = pending_paths(report)
    units = units or {}
    return [
        Problem(
            paths[w.file_index],
            f"{w.rep}, {w.date}: {w.column} {_number(w.value)} moved by more than half of"
            f" {_number(w.previous)} ({w.previous_date}); a typo?",
            line=w.line,
            column=w.column,
            unit=units.get(paths[w.file_index], "line"),
        )
        for w in findings.warnings
    ]


def _teams_not_applied(findings: Findings) -> list[str]:
    """A line per team left unapplied, the first few, then a count."""
    shown = [
        f"team '{t.team}' for {t.rep} not applied: the file's dates are older than"
        f" {t.rep}'s newest snapshot ({t.newest}), which keeps '{t.kept}'"
        for t in findings.teams_not_applied[:5]
    ]
    rest = len(findings.teams_not_applied) - len(shown)
    if rest > 0:
        shown.append(f"... and {plural(rest, 'more team')} not applied, for the same reason")
    return shown


def _number(value: float | None) -> str:
    """A stored value as written, without float noise: 58.12, 58, blank."""
    return "blank" if value is None else f"{round(value, 6):g}"


def pending_paths(report: ImportReport) -> list[str]:
    """The paths of the files written (or to be), by file index (fill_counts' order)."""
    return [f.path for f in report.files if f.status not in ("already imported", "rejected")]


@contextmanager
def write_outcome(
    report: ImportReport, *, strict: bool, units: dict[str, str] | None = None
) -> Iterator[list[writer.Outcome]]:
    """A block that writes (or classifies) REPORT's files into the list it yields.

    A batch the writer refuses (a row that several reps could be, a warning under STRICT)
    leaves it as InvalidExportError, naming the file; nothing was written. A dry run with
    STRICT and warnings is refused too, as the import would be.
    """
    from ssi_tui.store import writer
    from ssi_tui.store.import_identity import Refused

    outcome: list[writer.Outcome] = []
    try:
        yield outcome
    except Refused as refused:
        paths = pending_paths(report)
        raise InvalidExportError(
            [Problem(paths[index], message, line=line) for index, line, message in refused.problems]
        ) from None
    except writer.StrictRefusal as refusal:
        raise InvalidExportError(warning_problems(report, refusal.findings, units)) from None
    if strict and outcome and outcome[0].findings.warnings_total:
        raise InvalidExportError(warning_problems(report, outcome[0].findings, units))
