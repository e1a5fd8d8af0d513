"""The roster use cases on a database file, shared by `ssi-tui reps` and the app's Edit rep.

Each write opens the file for the length of one change (store/roster.py, roster_merge.py);
reads open it read-only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ssi_tui import store
from ssi_tui.store import roster, roster_merge
from ssi_tui.store.roster import AmbiguousRep, RosterChange, RosterRep
from ssi_tui.store.roster_merge import Keep, MergeConflict, MergeConflicts, MergePlan

__all__ = [
    "AmbiguousRep",
    "Keep",
    "MergeConflict",
    "MergeConflicts",
    "MergePlan",
    "RosterChange",
    "RosterRep",
    "delete",
    "find",
    "leave",
    "list_reps",
    "merge",
    "move_to_team",
    "plan_merge",
    "rename",
    "snapshot_count",
]


def list_reps(db: Path) -> list[RosterRep]:
    """Every rep of DB, by name."""
    with store.open_read(db) as conn:
        return roster.roster(conn)


def find(db: Path, who: str) -> tuple[str, str]:
    """(rep_id, name) of the one rep WHO means (see store/roster.find_rep)."""
    with store.open_read(db) as conn:
        return roster.find_rep(conn, who)


def snapshot_count(db: Path, who: str) -> tuple[str, str, int]:
    """(rep_id, name, snapshots) of WHO: what a delete would remove."""
    with store.open_read(db) as conn:
        return roster.snapshot_count(conn, who)


def plan_merge(db: Path, from_who: str, into_who: str) -> MergePlan:
    """What merging FROM_WHO into INTO_WHO would do, writing nothing."""
    with store.open_read(db) as conn:
        return roster_merge.plan_merge(conn, from_who, into_who)


def rename(db: Path, who: str, new_name: str) -> RosterChange:
    """Rename WHO to NEW_NAME: one change."""
    with store.open_write(db, create=False) as conn:
        return roster.rename(conn, who, new_name)


def move_to_team(db: Path, team: str, reps: list[str]) -> RosterChange:
    """Move REPS to TEAM: one change."""
    with store.open_write(db, create=False) as conn:
        return roster.move_to_team(conn, team, reps)


def leave(db: Path, who: str, left_on: dt.date) -> RosterChange:
    """WHO left on LEFT_ON: one change."""
    with store.open_write(db, create=False) as conn:
        return roster.leave(conn, who, left_on)


def merge(db: Path, from_who: str, into_who: str, keep: Keep | None = None) -> RosterChange:
    """Merge FROM_WHO into INTO_WHO (MergeConflicts unless KEEP when they disagree)."""
    with store.open_write(db, create=False) as conn:
        return roster_merge.merge(conn, from_who, into_who, keep)


def delete(db: Path, who: str) -> RosterChange:
    """Delete WHO with every snapshot: one change."""
    with store.open_write(db, create=False) as conn:
        return roster.delete(conn, who)
