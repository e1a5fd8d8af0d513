"""What the history and an undo say, in words: shared by `ssi-tui history`/`undo` and the app."""

from __future__ import annotations

from ssi_tui.store.history import ChangeInfo
from ssi_tui.store.undo import RepPlan, UndoPlan


def status(change: ChangeInfo) -> str:
    """Whether CHANGE is in force: `undone by #7`, `undoes #5`, or blank."""
    if change.undone_by is not None:
        return f"undone by #{change.undone_by}"
    if change.undoes is not None:
        return f"undoes #{change.undoes}"
    return ""


def describe_plan(plan: UndoPlan, *, done: bool) -> list[str]:
    """The lines that say what an undo did (DONE) or would do: counts, then rows and reps."""
    change = plan.change
    when = change.made_at.strftime("%Y-%m-%d %H:%M")
    verb = "Undid" if done else "Would undo"
    counts = [
        _count(plan.removed, "snapshot", "removed"),
        _count(plan.given_back, "corrected snapshot", "given its earlier values back"),
        _count(plan.restored, "removed snapshot", "put back"),
        _count(plan.activities_removed, "activity row", "removed"),
        _count(plan.activities_restored, "activity row", "put back"),
    ]
    counts = [c for c in counts if c] or ["no snapshot changes"]
    lines = [f"{verb} {change.describe()} of {when}: {', '.join(counts)}."]
    for row in plan.rows:
        source = " (estimated)" if row.source == "estimated" else ""
        after = "removed" if row.after is None else f"{row.after:g}"
        before = "–" if row.now is None else f"{row.now:g}"
        lines.append(f"  {row.name}, {row.snapshot_date}{source}: SSI {before} → {after}")
    if plan.rows_not_shown > 0:
        lines.append(f"  ... and {plan.rows_not_shown} more")
    for rep in plan.reps:
        if not rep.existed:
            lines.append(
                f"  rep {rep.name_now or rep.rep_id} removed (nothing else refers to them)"
            )
        elif rep.name_now is None:
            lines.append(f"  rep {rep.name_then} put back")
        else:
            lines.append(f"  rep {rep.name_now}: {_rep_change(rep)}")
    return lines


def _rep_change(rep: RepPlan) -> str:
    """`name A → B, team X → Y`: what putting a rep back changes."""
    parts = []
    if rep.name_then != rep.name_now:
        parts.append(f"name {rep.name_now} → {rep.name_then}")
    if rep.team_then != rep.team_now:
        parts.append(f"team {rep.team_now or '–'} → {rep.team_then or '–'}")
    return ", ".join(parts) or "put back as it was"


def _count(n: int, noun: str, what: str) -> str:
    """`2 snapshots removed`; blank for none."""
    return f"{n} {noun}{'' if n == 1 else 's'} {what}" if n else ""
