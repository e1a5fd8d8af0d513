"""Undo one change, exactly, on the change-history tables alone (see store/changes.py).

An undo of change C removes every snapshot and activity row C wrote (kept under the undo's own
change_id: nothing is ever lost), puts back every row, rep and alias C replaced or removed,
removes the reps C created when nothing refers to them any more, works the board's points out
again for what it touched, and is itself a change in the history. It is refused when a later
change still in force touched what C touched (that one is to be undone first).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ssi_tui.errors import SsiError
from ssi_tui.store import changes, history
from ssi_tui.store.changes import ChangeKind
from ssi_tui.store.history import ChangeInfo
from ssi_tui.store.interface import Store

PLAN_ROWS_SHOWN = 20
"""How many snapshots a plan lists one by one (the counts cover them all)."""


class UndoRefused(SsiError):
    """The change cannot be undone (unknown, an undo, undone already, or a later change
    touched what it touched); the message says what to do instead."""


@dataclass(frozen=True)
class PlanRow:
    """One snapshot an undo removes or puts back: its total now and after (None: none)."""

    rep_id: str
    name: str
    snapshot_date: dt.date
    source: str
    now: float | None
    after: float | None


@dataclass(frozen=True)
class RepPlan:
    """A rep an undo puts back as it was (existed), or removes (a rep the change created)."""

    rep_id: str
    existed: bool
    name_now: str | None
    team_now: str | None
    name_then: str | None
    team_then: str | None


@dataclass(frozen=True)
class UndoPlan:
    """What undoing CHANGE does (or would do, for --dry-run)."""

    change: ChangeInfo
    restored: int
    """Snapshots the change removed, put back."""
    given_back: int
    """Snapshots the change corrected: their earlier values given back."""
    removed: int
    """Snapshots the change added, removed."""
    activities_removed: int
    activities_restored: int
    rows: tuple[PlanRow, ...]
    """The first PLAN_ROWS_SHOWN snapshots, by date and name."""
    reps: tuple[RepPlan, ...]

    @property
    def rows_not_shown(self) -> int:
        """Snapshots the plan counts but does not list."""
        return self.restored + self.given_back + self.removed - len(self.rows)


@dataclass(frozen=True)
class UndoResult:
    """An undo done: its own change id, and what it did."""

    undo_id: int
    plan: UndoPlan


def plan_undo(conn: Store, change_id: int | None = None) -> UndoPlan:
    """What undoing CHANGE_ID (None: the latest change in force) would do, writing nothing;
    raises UndoRefused as undo() would."""
    target = _target(conn, change_id)
    _refuse_clashes(conn, target)
    return _plan(conn, target)


def undo(conn: Store, change_id: int | None = None) -> UndoResult:
    """Undo CHANGE_ID (None: the latest change in force) in one transaction, itself recorded
    as a change of kind 'undo'. Raises UndoRefused with nothing written."""
    with conn.transaction():
        target = _target(conn, change_id)
        _refuse_clashes(conn, target)
        plan = _plan(conn, target)
        undo_id = changes.begin(conn, ChangeKind.UNDO, f"undo of {target.describe()}")
        conn.run("undo_ids", {"target": target.change_id, "undo": undo_id})
        for name in (
            "undo_snapshots",
            "undo_activities",
            "undo_aliases",
            "undo_reps",
            "undo_board_series",
            "board_points_rewrite",
            "undo_best_series",
            "board_best_rebuild",
            "undo_board_dates",
            "undo_mark",
        ):
            conn.run(name)
        reps = conn.first_row("change_reps_counted", [undo_id])
        changes.set_counts(
            conn,
            undo_id,
            added=plan.restored,
            corrected=plan.given_back,
            removed=plan.removed,
            reps=int(reps[0]) if reps else 0,
        )
    return UndoResult(undo_id, plan)


def _target(conn: Store, change_id: int | None) -> ChangeInfo:
    """The change to undo, or UndoRefused saying why it cannot be."""
    if change_id is None:
        row = conn.first_row("undo_default_target")
        if row is None or row[0] is None:
            raise UndoRefused("Nothing to undo: every change is undone already (or there is none).")
        change_id = int(row[0])
    target = history.change(conn, change_id)
    if target is None:
        raise UndoRefused(f"There is no change #{change_id}; `ssi-tui history` lists them.")
    if target.kind == ChangeKind.UNDO:
        raise UndoRefused(
            f"Change {target.describe()} is an undo, which cannot be undone; to have change"
            f" #{target.undoes}'s data again, import it (or enter it) again."
        )
    if target.undone_by is not None:
        raise UndoRefused(f"Change {target.describe()} was undone already, by #{target.undone_by}.")
    unrecorded = conn.first_row("undo_unrecorded", [target.change_id])
    if target.corrected and unrecorded and unrecorded[0]:
        raise UndoRefused(
            f"Change {target.describe()} was made by an older ssi-tui, which did not keep the"
            f" values it corrected: it cannot be undone. Import the earlier values again instead."
        )
    return target


def _refuse_clashes(conn: Store, target: ChangeInfo) -> None:
    """UndoRefused when a later change in force touched what TARGET touched."""
    later = conn.first_row("undo_later_changes", [target.change_id])
    if not later or not later[0]:
        return  # the usual undo, of the latest change: no need to look at any row
    clashing = conn.rows("undo_clashes", {"target": target.change_id})
    if not clashing:
        return
    first_id, first_kind, first_summary = clashing[0]
    first = f"#{first_id} {history.KIND_LABELS.get(first_kind, first_kind)} '{first_summary}'"
    others = ", ".join(f"#{change_id}" for change_id, _kind, _summary in clashing[1:])
    then = f" (then {others})" if others else ""
    raise UndoRefused(
        f"Change {target.describe()} cannot be undone while change {first}, made after it,"
        f" changes the same snapshots or reps: undo {first} first{then}."
    )


def _plan(conn: Store, target: ChangeInfo) -> UndoPlan:
    """What undoing TARGET does, read before anything is written."""
    counts = conn.first_row("undo_plan_counts", {"target": target.change_id})
    assert counts is not None
    rows = conn.rows("undo_plan_rows", {"target": target.change_id, "limit": PLAN_ROWS_SHOWN})
    reps = conn.rows("undo_plan_reps", {"target": target.change_id})
    return UndoPlan(
        target,
        *(int(n) for n in counts),
        tuple(PlanRow(*row) for row in rows),
        tuple(RepPlan(*row) for row in reps),
    )
