"""Who sees what on a shared history (issue #24): ssi-tui's group roles and per-team limits.

`setup` runs queries/postgres/roles_setup.sql (the roles ssi_viewer, ssi_importer and ssi_admin,
their grants, and row-level security by team); `grant` makes a login one of them, optionally
limited to some teams; `logins` lists them. A login's name reaches SQL only as a quoted
identifier (psycopg.sql.Identifier) or a bound value, never as text of a statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ssi_tui.errors import DatabaseError
from ssi_tui.store.postgres_refusal import LEVEL_NAMES, LEVELS
from ssi_tui.store.postgres_sql import shown
from ssi_tui.store.postgres_store import PostgresBackend, PostgresStore


@dataclass(frozen=True)
class Login:
    """A login holding one of ssi-tui's roles, and the teams it sees (empty: every team)."""

    name: str
    level: str
    teams: tuple[str, ...]


def setup(url: str) -> None:
    """The roles, grants and policies on the history at URL (its schema made when new)."""
    with PostgresBackend().open_write(url) as history, history.transaction():
        history.run("roles_setup")


def grant(url: str, login: str, level: str, teams: Sequence[str] = ()) -> None:
    """Make LOGIN exactly a LEVEL (its other ssi-tui roles taken), seeing only TEAMS (none:
    every team)."""
    if login in LEVEL_NAMES:
        raise DatabaseError(f"{login} is one of ssi-tui's group roles; name a login instead.")
    with PostgresBackend().open_write(url, create=False) as history, history.transaction():
        _require_setup(history, url)
        found = history.first_row("roles_login", [login])
        if found is None:
            raise DatabaseError(
                f"{shown(url)}: no role {login!r} on the server; its administrator creates the"
                f" login first (createuser {login})."
            )
        for (held,) in history.rows("roles_member_of", [login]):
            if held != LEVELS[level]:
                history.run_naming("roles_revoke", level=held, login=login)
        history.run_naming("roles_grant", level=LEVELS[level], login=login)
        history.run("roles_teams_clear", [login])
        for team in dict.fromkeys(teams):
            history.run("roles_team_add", [login, team])


def revoke(url: str, login: str) -> bool:
    """LOGIN holds none of ssi-tui's roles any more, nor team limits; whether it held one."""
    with PostgresBackend().open_write(url, create=False) as history, history.transaction():
        _require_setup(history, url)
        held = [role for (role,) in history.rows("roles_member_of", [login])]
        for role in held:
            history.run_naming("roles_revoke", level=role, login=login)
        history.run("roles_teams_clear", [login])
        return bool(held)


def logins(url: str) -> list[Login]:
    """Every login holding one of ssi-tui's roles, with its teams."""
    with PostgresBackend().open_read(url) as history:
        _require_setup(history, url)
        return [
            Login(row["login"], LEVEL_NAMES[row["level"]], _split(row["teams"]))
            for row in history.records("roles_list")
        ]


def _split(teams: str) -> tuple[str, ...]:
    return tuple(teams.split(", ")) if teams else ()


def _require_setup(history: PostgresStore, url: str) -> None:
    if not history.first_row("roles_present")[0]:  # type: ignore[index]
        raise DatabaseError(
            f"{shown(url)}: no roles set up on this history yet; run `ssi-tui roles URL setup`"
            " first."
        )
