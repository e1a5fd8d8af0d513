"""Which files an import reads: the files named, those under folders, and glob matches."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

from ssi_tui.errors import InvalidExportError, Problem

SUPPORTED_SUFFIXES: tuple[str, ...] = (
    ".csv",
    ".tsv",
    ".txt",
    ".json",
    ".jsonl",
    ".ndjson",
    ".xlsx",
)
"""What folders and globs pick up (ingest/readers.py reads each kind); others are skipped."""


def collect_paths(arguments: Iterable[str | Path]) -> list[Path]:
    """Files named, files under folders (recursively, supported types only) and glob matches."""
    found: list[Path] = []
    problems: list[Problem] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        elif path.is_file():
            found.append(path)
        elif glob.has_magic(str(argument)):
            matches = sorted(Path(m) for m in glob.glob(str(argument), recursive=True))
            found += [p for p in matches if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES]
        else:
            problems.append(Problem(str(argument), "no such file or folder"))
    if problems:
        raise InvalidExportError(problems)
    unique = list(dict.fromkeys(p.resolve() for p in found))
    if not unique:
        names = ", ".join(str(a) for a in arguments)
        raise InvalidExportError(
            [Problem(names, f"no exports found (expected {', '.join(SUPPORTED_SUFFIXES)} files)")]
        )
    return unique
