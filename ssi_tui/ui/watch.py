"""Noticing that another process (an import) changed the database file."""

from __future__ import annotations

from pathlib import Path


def database_stamp(path: Path) -> tuple[float, ...]:
    """Modification times of the file and its write-ahead log: changes when anyone imports."""
    stamps = []
    for candidate in (path, path.with_name(path.name + ".wal")):
        try:
            stamps.append(candidate.stat().st_mtime)
        except OSError:
            stamps.append(0.0)
    return tuple(stamps)
