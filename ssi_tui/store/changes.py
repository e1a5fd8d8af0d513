"""The change history: every write is one change, so it can be listed and undone (issue #23).

A writer opens a change inside its transaction (`begin`), tags what it writes with it
(snapshots and activities through an imports row carrying its change_id), keeps a copy of
every row it replaces or removes in the superseded_* tables under its change_id, and sets its
counts (`set_counts`). Undo (undo.py) needs nothing else: it works on those tables alone.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ssi_tui.store.interface import Store


class ChangeKind(StrEnum):
    """What made a change: the words `ssi-tui history` shows."""

    FILES = "files"
    TYPED = "typed"
    PASTED = "pasted"
    RENAME = "rename"
    MERGE = "merge"
    TEAM = "team"
    LEAVE = "leave"
    DELETE = "delete"
    UNDO = "undo"


def begin(conn: Store, kind: ChangeKind, summary: str, *, now: dt.datetime | None = None) -> int:
    """A new change of KIND (SUMMARY: one line for the history); its change_id. Call it inside
    the transaction that writes the change."""
    made_at = now or dt.datetime.now().replace(microsecond=0)
    row = conn.first_row("change_begin", [str(kind), made_at, summary])
    assert row is not None
    return int(row[0])


def set_counts(
    conn: Store,
    change_id: int,
    *,
    added: int = 0,
    corrected: int = 0,
    removed: int = 0,
    reps: int = 0,
) -> None:
    """What the change did, as `ssi-tui history` counts it."""
    conn.run("change_counts", [added, corrected, removed, reps, change_id])


def log_source(conn: Store, change_id: int, label: str) -> int:
    """An imports row for a change that writes snapshots without a file (typed, pasted, merge):
    the import_id its rows carry. LABEL stands for the file name in the import log."""
    row = conn.first_row(
        "change_import_row", [label, dt.datetime.now().replace(microsecond=0), change_id]
    )
    assert row is not None
    return int(row[0])
