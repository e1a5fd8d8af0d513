"""Merging two reps (two spellings of one person) into one, as one undoable change.

FROM's snapshots, activities and aliases move to INTO, and FROM's id becomes an alias of INTO
so later exports with it land on INTO. A day and source both hold is one row when the values
are the same, and a conflict otherwise: listed and refused unless KEEP says which side wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ssi_tui.errors import SsiError
from ssi_tui.store import changes
from ssi_tui.store.changes import ChangeKind
from ssi_tui.store.interface import Store
from ssi_tui.store.roster import RosterChange, find_rep

Keep = Literal["from", "into"]


@dataclass(frozen=True)
class MergeConflict:
    """A day (and source, or 'activity') both reps hold with different values."""

    snapshot_date: dt.date
    source: str
    from_ssi: float | None
    into_ssi: float | None

    def __str__(self) -> str:
        if self.from_ssi is None or self.into_ssi is None:
            return f"{self.snapshot_date.isoformat()} {self.source}: different activity figures"
        return (
            f"{self.snapshot_date.isoformat()} {self.source}: "
            f"{self.from_ssi:g} (from) vs {self.into_ssi:g} (into)"
        )


@dataclass(frozen=True)
class MergePlan:
    """What merging FROM into INTO does: rows moved, rows the same on both, conflicts."""

    from_rep: tuple[str, str]
    into_rep: tuple[str, str]
    moved: int
    same: int
    conflicts: tuple[MergeConflict, ...]

    @property
    def summary(self) -> str:
        """One line for the history: who into whom, and what moved."""
        return self.describe("Merged")

    def describe(self, verb: str) -> str:
        """The summary after VERB (`Merged`, or a dry run's `Would merge`)."""
        (from_id, from_name), (into_id, into_name) = self.from_rep, self.into_rep
        text = f"{verb} {from_name} ({from_id}) into {into_name} ({into_id}): {self.moved} moved"
        if self.same:
            text += f", {self.same} the same on both"
        if self.conflicts:
            text += f", {len(self.conflicts)} conflicting"
        return text


class MergeConflicts(SsiError):
    """The two reps disagree on some days: nothing merged until --keep says who wins."""

    def __init__(self, plan: MergePlan) -> None:
        self.plan = plan
        lines = "\n".join(f"  {conflict}" for conflict in plan.conflicts)
        super().__init__(
            f"{plan.from_rep[1]} and {plan.into_rep[1]} both have other numbers on"
            f" {len(plan.conflicts)} day(s):\n{lines}\n"
            "Nothing merged: keep one side's with --keep from or --keep into."
        )


def plan_merge(conn: Store, from_who: str, into_who: str) -> MergePlan:
    """What merging FROM_WHO into INTO_WHO would do (read-only)."""
    from_rep, into_rep = find_rep(conn, from_who), find_rep(conn, into_who)
    if from_rep[0] == into_rep[0]:
        raise SsiError(f"'{from_who}' and '{into_who}' are the same rep ({from_rep[0]}).")
    rows = conn.rows("roster_merge_plan", {"from": from_rep[0], "into": into_rep[0]})
    conflicts = tuple(MergeConflict(*row[:4]) for row in rows if row[4] == "conflict")
    # Activities come with the estimated snapshots they scored: count snapshots only.
    moved = sum(1 for row in rows if row[4] == "move" and row[1] != "activity")
    same = sum(1 for row in rows if row[4] == "same" and row[1] != "activity")
    return MergePlan(from_rep, into_rep, moved, same, conflicts)


def merge(conn: Store, from_who: str, into_who: str, keep: Keep | None = None) -> RosterChange:
    """Merge FROM_WHO into INTO_WHO; raises MergeConflicts (nothing written) when they
    disagree on a day and KEEP is None."""
    with conn.transaction():
        plan = plan_merge(conn, from_who, into_who)
        if plan.conflicts and keep is None:
            raise MergeConflicts(plan)
        winner = plan.from_rep if keep == "from" else plan.into_rep
        summary = plan.summary + (f" (kept {winner[1]}'s)" if plan.conflicts else "")
        change_id = changes.begin(conn, ChangeKind.MERGE, summary)
        import_id = changes.log_source(conn, change_id, f"merge of {plan.from_rep[0]}")
        params = {
            "change_id": change_id,
            "from": plan.from_rep[0],
            "into": plan.into_rep[0],
            "import_id": import_id,
            "keep": keep,
        }
        conn.run("roster_merge_pair", params)
        conn.run("roster_merge")
        conn.run("roster_touch", {"rep_id": plan.into_rep[0]})
        for name in ("roster_points", "board_points_rewrite", "board_best_rebuild"):
            conn.run(name)
        replaced = len(plan.conflicts) if keep == "from" else 0
        changes.set_counts(
            conn,
            change_id,
            added=plan.moved,
            corrected=replaced,
            removed=plan.same + len(plan.conflicts) - replaced,
            reps=2,
        )
    return RosterChange(change_id, summary)
