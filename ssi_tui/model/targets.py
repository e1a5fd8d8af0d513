"""Setting and clearing SSI targets per team and per rep (the default lives in the config)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ssi_tui import store
from ssi_tui.errors import SsiError
from ssi_tui.model.board import known_team, no_such_team

Scope = Literal["team", "rep"]


@dataclass(frozen=True)
class StoredTarget:
    """One row of the targets table, with the rep's name when it is a rep target."""

    scope: str
    key: str
    target: float
    label: str


def _resolve_rep(conn, name_or_id: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    matches = conn.rows("rep_lookup", [name_or_id, name_or_id, name_or_id])
    if not matches:
        raise SsiError(f"no rep with the id or name '{name_or_id}'.")
    exact_ids = [m for m in matches if m[0].lower() == name_or_id.lower()]
    if exact_ids:
        return exact_ids[0][0], exact_ids[0][1]
    if len(matches) > 1:
        ids = ", ".join(m[0] for m in matches)
        raise SsiError(f"several reps are called '{name_or_id}' ({ids}); give the rep_id.")
    return matches[0][0], matches[0][1]


def _resolve_team(conn, team: str) -> str:  # type: ignore[no-untyped-def]
    teams = [t for (t,) in conn.rows("teams")]
    known = known_team(team, teams)
    if known is None:
        raise SsiError(no_such_team(team, teams))
    return known


def set_target(db: Path, scope: Scope, who: str, value: float | None) -> StoredTarget:
    """Store (or, with VALUE None, clear) the target of one team or rep."""
    if value is not None and not 0 < value <= 100:
        raise SsiError(f"a target is a total from above 0 to 100, got {value:g}.")
    with store.open_write(db, create=False) as conn:
        if scope == "rep":
            key, label = _resolve_rep(conn, who)
        else:
            key = label = _resolve_team(conn, who)
        if value is None:
            conn.run("target_clear", [scope, key])
        else:
            conn.run("target_set", [scope, key, value])
    return StoredTarget(scope, key, value if value is not None else float("nan"), label)


def list_targets(db: Path) -> list[StoredTarget]:
    """Every stored target, teams first."""
    with store.open_read(db) as conn:
        names = dict(conn.rows("rep_names"))
        return [
            StoredTarget(scope, key, target, names.get(key, key) if scope == "rep" else key)
            for scope, key, target in conn.rows("targets_all")
        ]
