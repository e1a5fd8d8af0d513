"""What an import did, file by file, and the content key that makes re-importing a no-op.

Shared by both import paths (importer.py, and the DuckDB fast path in import_fast.py), the CLI
and the in-app import dialog; imports nothing heavy.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ssi_tui.errors import Problem

if TYPE_CHECKING:
    from ssi_tui import writer

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


@dataclass
class ImportReport:
    """The whole import: per-file outcomes, problems (with --skip-invalid) and notices."""

    database: str
    dry_run: bool
    files: list[FileReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    content_keys: set[str] = field(default_factory=set, repr=False, compare=False)
    """The content keys this import logged (not reported: import_skip remembers them)."""

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
    from ssi_tui import writer  # loaded already by the caller (it imports DuckDB)

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
