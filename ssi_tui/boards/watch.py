"""Noticing that another process (an import) changed the database file."""

from __future__ import annotations

from pathlib import Path

from ssi_tui.boards.board_cache import FileStamp, file_stamp


def database_stamp(path: Path) -> FileStamp:
    """Size and modification time of the file and its write-ahead log: changes when anyone
    imports (the same stamp a kept board is checked against; zeros while the file is gone)."""
    return file_stamp(path) or (0, 0, 0, 0)
