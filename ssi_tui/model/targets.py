"""Setting and clearing SSI targets per team and per rep, and the history's default target
(the config file's default applies when the history has none)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ssi_tui import store
from ssi_tui.errors import SsiError
from ssi_tui.model.board import known_team, no_such_team
from ssi_tui.store import settings

Scope = Literal["team", "rep", "default"]


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


@dataclass(frozen=True)
class RepTargets:
    """The three targets that may apply to one rep, nearest first (None: not set)."""

    rep_id: str
    name: str
    team: str | None
    own: float | None
    team_target: float | None
    stored_default: float | None
    """The history's own default target; None when the config file's applies."""

    def default(self, fallback: float) -> float:
        """The default target everyone without their own or their team's gets."""
        return self.stored_default if self.stored_default is not None else fallback

    def applies(self, fallback: float) -> float:
        """The target the board measures this rep against."""
        for value in (self.own, self.team_target):
            if value is not None:
                return value
        return self.default(fallback)


def check_target(value: float | None) -> None:
    """A target is a total above 0 and at most 100 (None: clear)."""
    if value is not None and not 0 < value <= 100:
        raise SsiError(f"a target is a total from above 0 to 100, got {value:g}.")


def set_target(db: Path, scope: Scope, who: str, value: float | None) -> StoredTarget:
    """Store (or, with VALUE None, clear) the target of one team or rep, or the history's
    default (WHO unused)."""
    check_target(value)
    with store.open_write(db, create=False) as conn:
        if scope == "default":
            settings.set_default_target(conn, value)
            return StoredTarget(scope, "", value if value is not None else float("nan"), "")
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


def default_target(db: Path) -> float | None:
    """The history's own default target, or None when the config file's applies."""
    with store.open_read(db) as conn:
        return settings.default_target(conn)


def rep_targets(db: Path, rep_id: str) -> RepTargets:
    """REP_ID's own target, their team's and the history's default, as stored now."""
    with store.open_read(db) as conn:
        row = conn.first_row("rep_info", {"rep_id": rep_id})
        if row is None:
            raise SsiError(f"no rep with the id '{rep_id}'.")
        name, team = row
        stored = {(scope, key): target for scope, key, target in conn.rows("targets_all")}
        return RepTargets(
            rep_id,
            name,
            team,
            stored.get(("rep", rep_id)),
            stored.get(("team", team)) if team else None,
            settings.default_target(conn),
        )


def save_rep_targets(
    db: Path, rep_id: str, own: float | None, team: float | None, default: float | None
) -> None:
    """Set (or, where None, clear) REP_ID's own target, their team's and the default, together."""
    for value in (own, team, default):
        check_target(value)
    with store.open_write(db, create=False) as conn, conn.transaction():
        row = conn.first_row("rep_info", {"rep_id": rep_id})
        if row is None:
            raise SsiError(f"no rep with the id '{rep_id}'.")
        rep_team = row[1]
        for scope, key, value in (("rep", rep_id, own), ("team", rep_team, team)):
            if not key:
                continue
            if value is None:
                conn.run("target_clear", [scope, key])
            else:
                conn.run("target_set", [scope, key, value])
        settings.set_default_target(conn, default)
