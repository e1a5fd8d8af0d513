"""The roster: list reps, and rename, move to a team, mark as left or delete one (issue #23).

Each write is one change following the change contract (changes.py): the rows it alters or
removes are kept in superseded_* first, so the generic undo puts them back exactly. Merging
two reps lives in roster_merge.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ssi_tui.errors import SsiError
from ssi_tui.store import changes
from ssi_tui.store.changes import ChangeKind
from ssi_tui.store.interface import Store


@dataclass(frozen=True)
class RosterRep:
    """One rep of the roster, with the span and count of their snapshots."""

    rep_id: str
    name: str
    team: str | None
    left_on: dt.date | None
    first_date: dt.date | None
    last_date: dt.date | None
    snapshots: int

    @property
    def status(self) -> str:
        """`active`, or `left on 2026-03-31`."""
        return "active" if self.left_on is None else f"left on {self.left_on.isoformat()}"


@dataclass(frozen=True)
class RosterChange:
    """What a roster change did: its id (for `ssi-tui undo`) and one line saying it."""

    change_id: int
    summary: str


class AmbiguousRep(SsiError):
    """A name several reps answer to: the user must give one of their ids."""

    def __init__(self, who: str, candidates: list[tuple[str, str]]) -> None:
        self.candidates = candidates
        named = ", ".join(f"{rep_id} ({name})" for rep_id, name in candidates)
        super().__init__(f"several reps could be '{who}': {named}; give the rep_id.")


def _label(rep_id: str, name: str) -> str:
    """`Ana Lima (ana@acme.example)`: a rep as a change's summary names them."""
    return f"{name} ({rep_id})"


def roster(conn: Store) -> list[RosterRep]:
    """Every rep, by name."""
    return [RosterRep(*row) for row in conn.rows("roster_list")]


def find_rep(conn: Store, who: str) -> tuple[str, str]:
    """(rep_id, name) of the one rep WHO means: an id, an adopted alias, or a name as the
    importer matches names. Raises SsiError when none, AmbiguousRep when several."""
    conn.run("import_macros")
    found = conn.rows("roster_find", {"who": who.strip()})
    if not found:
        raise SsiError(f"no rep with the id, alias or name '{who}' (see `ssi-tui reps list`).")
    first_kind = found[0][2]
    candidates = list(dict.fromkeys((r, n) for r, n, how in found if how == first_kind))
    if len(candidates) > 1:
        raise AmbiguousRep(who, candidates)
    return candidates[0]


def tidy(conn: Store, text: str) -> str:
    """TEXT as the importer stores a name: stripped, with single spaces."""
    conn.run("import_macros")
    row = conn.first_row("roster_tidy", {"text": text.strip()})
    return str(row[0]) if row and row[0] is not None else ""


def rename(conn: Store, who: str, new_name: str) -> RosterChange:
    """Give the rep WHO the name NEW_NAME (tidied as the importer tidies names)."""
    with conn.transaction():
        rep_id, name = find_rep(conn, who)
        tidied = tidy(conn, new_name)
        if not tidied:
            raise SsiError("a rep's new name cannot be blank.")
        if tidied == name:
            raise SsiError(f"{_label(rep_id, name)} is already called that: nothing to change.")
        summary = f"Renamed {_label(rep_id, name)} to {tidied}"
        change_id = changes.begin(conn, ChangeKind.RENAME, summary)
        conn.run("roster_keep_rep", {"change_id": change_id, "rep_id": rep_id})
        conn.run("roster_rename", {"name": tidied, "rep_id": rep_id})
        changes.set_counts(conn, change_id, reps=1)
    return RosterChange(change_id, summary)


def move_to_team(conn: Store, team: str, reps: list[str]) -> RosterChange:
    """Put every rep of REPS in TEAM (a known team in any case keeps its spelling; a blank TEAM
    takes them out of any team)."""
    if not reps:
        raise SsiError("name at least one rep to move.")
    with conn.transaction():
        found = list(dict.fromkeys(find_rep(conn, who) for who in reps))
        tidied = tidy(conn, team)
        known = conn.first_row("roster_team_spelling", {"team": tidied})
        new_team = (known[0] if known and known[0] else tidied) or None
        names = ", ".join(_label(rep_id, name) for rep_id, name in found)
        summary = f"Moved {names} to team {new_team}" if new_team else f"Took {names} off teams"
        change_id = changes.begin(conn, ChangeKind.TEAM, summary)
        for rep_id, _name in found:
            conn.run("roster_keep_rep", {"change_id": change_id, "rep_id": rep_id})
            conn.run("roster_team", {"team": new_team, "rep_id": rep_id})
        changes.set_counts(conn, change_id, reps=len(found))
    return RosterChange(change_id, summary)


def leave(conn: Store, who: str, left_on: dt.date) -> RosterChange:
    """Mark the rep WHO as gone after LEFT_ON: off the boards of later dates, history kept."""
    with conn.transaction():
        rep_id, name = find_rep(conn, who)
        summary = f"{_label(rep_id, name)} left on {left_on.isoformat()}"
        change_id = changes.begin(conn, ChangeKind.LEAVE, summary)
        conn.run("roster_keep_rep", {"change_id": change_id, "rep_id": rep_id})
        conn.run("roster_leave", {"left_on": left_on, "rep_id": rep_id})
        changes.set_counts(conn, change_id, reps=1)
    return RosterChange(change_id, summary)


def snapshot_count(conn: Store, who: str) -> tuple[str, str, int]:
    """(rep_id, name, snapshots): what deleting WHO would remove, for the confirmation."""
    rep_id, name = find_rep(conn, who)
    row = conn.first_row("roster_snapshot_count", {"rep_id": rep_id})
    return rep_id, name, int(row[0]) if row else 0


def delete(conn: Store, who: str) -> RosterChange:
    """Remove the rep WHO with every snapshot, activity and alias (all kept for undo)."""
    with conn.transaction():
        rep_id, name, count = snapshot_count(conn, who)
        plural = "" if count == 1 else "s"
        summary = f"Deleted {_label(rep_id, name)} with {count} snapshot{plural}"
        change_id = changes.begin(conn, ChangeKind.DELETE, summary)
        conn.run("roster_target", {"change_id": change_id, "rep_id": rep_id})
        conn.run("roster_delete")
        changes.set_counts(conn, change_id, removed=count, reps=1)
    return RosterChange(change_id, summary)
