"""The history use case, shared by `ssi-tui history`/`undo` and the app's History screen: list
the changes, say what an undo would do, and undo one (the way back from an import).

An undo changes which files the database holds: the content keys import_skip.py remembered
for it are forgotten, so an undone file imports again at once.
"""

from __future__ import annotations

from pathlib import Path

from ssi_tui import store
from ssi_tui.errors import DatabaseError
from ssi_tui.importing import import_skip
from ssi_tui.store import history, undo
from ssi_tui.store.history import ChangeInfo
from ssi_tui.store.undo import UndoPlan, UndoResult


def list_changes(database: str | Path) -> list[ChangeInfo]:
    """Every change of DATABASE, newest first (read-only; an older file must be upgraded)."""
    _must_exist(database)
    with store.open_read(database) as conn:
        return history.list_changes(conn)


def plan_undo(database: str | Path, change_id: int | None = None) -> UndoPlan:
    """What undoing CHANGE_ID (None: the latest in force) would do; writes nothing."""
    _must_exist(database)
    with store.open_read(database) as conn:
        return undo.plan_undo(conn, change_id)


def undo_change(database: str | Path, change_id: int | None = None) -> UndoResult:
    """Undo CHANGE_ID (None: the latest in force); raises UndoRefused with nothing written."""
    _must_exist(database)
    with store.open_write(database, create=False) as conn:
        result = undo.undo(conn, change_id)
    import_skip.forget(store.location(database))
    return result


def _must_exist(database: str | Path) -> None:
    """A history that is not there is an error, never an empty one made on the spot."""
    where = store.location(database)
    if not (where.is_file() if isinstance(where, Path) else store.exists(where)):
        raise DatabaseError(f"{store.shown(database)}: no such database.")
