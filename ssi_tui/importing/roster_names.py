"""The roster as the entry form completes it: every rep's name and id, read once per form."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ssi_tui import store


@dataclass(frozen=True)
class RosterName:
    """One rep the form can complete to."""

    rep_id: str
    name: str
    team: str | None


def roster_names(db: str | Path) -> list[RosterName]:
    """Every rep of DB by name (none when DB does not exist yet)."""
    if not store.exists(db):
        return []
    with store.open_read(db) as conn:
        return [RosterName(*row) for row in conn.rows("roster_names")]


def completions(roster: list[RosterName]) -> list[str]:
    """What a rep field completes to: each name, then each id that is not a name."""
    names = [r.name for r in roster]
    return [*names, *(r.rep_id for r in roster if r.rep_id not in names)]
