"""What to say when the server refuses a login a read or a write (issue #24): which of
ssi-tui's roles the login holds on the history, and who can change that."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ssi_tui import resources
from ssi_tui.errors import DatabaseError
from ssi_tui.store.postgres_sql import shown

if TYPE_CHECKING:
    import psycopg

LEVELS = {"viewer": "ssi_viewer", "importer": "ssi_importer", "admin": "ssi_admin"}
"""What `ssi-tui roles grant` calls each group role (queries/postgres/roles_setup.sql)."""

LEVEL_NAMES = {role: level for level, role in LEVELS.items()}


def refusal(conn: psycopg.Connection, url: str, detail: str) -> DatabaseError:
    """One line for a refused statement (DETAIL: the server's words) on CONN, idle again."""
    import psycopg

    try:
        found = conn.execute(resources.query_for("roles_mine", "postgres")).fetchone()  # type: ignore[arg-type]
        teams = (
            [t for (t,) in conn.execute(resources.query_for("roles_teams_of", "postgres"))]  # type: ignore[arg-type]
            if "row-level security" in detail
            else []
        )
    except psycopg.Error:  # the connection cannot say more (say, no roles set up): the server's
        return DatabaseError(f"{shown(url)}: {detail}")
    user, role = found if found else ("this login", None)
    where = shown(url)
    if "row-level security" in detail and "undo" in detail:
        return DatabaseError(
            f"{where}: permission denied: {user} sees only the teams {', '.join(teams)}; only a"
            " login that sees every team can undo (an undo puts back every team's rows)."
        )
    if "row-level security" in detail:
        return DatabaseError(
            f"{where}: permission denied: {user} may see and change only the teams"
            f" {', '.join(teams)}; a rep of another team is not theirs to write."
        )
    if role is None:
        return DatabaseError(
            f"{where}: permission denied: {user} has no ssi-tui role on this history; an admin"
            f" gives it one: ssi-tui roles URL grant {user} viewer"
        )
    level = LEVEL_NAMES[role]
    if level == "viewer":
        return DatabaseError(
            f"{where}: permission denied: {user} is a viewer (read-only); an admin can make it"
            f" an importer: ssi-tui roles URL grant {user} importer"
        )
    article = "an" if level[0] in "aeiou" else "a"
    return DatabaseError(f"{where}: permission denied: {user} is {article} {level} ({detail}).")


def hidden_duplicate(conn: psycopg.Connection, url: str) -> DatabaseError | None:
    """A key the login cannot see was taken: for a team-limited login, a rep (or alias) of
    another team its write named; None when the login sees every team (a real error)."""
    import psycopg

    try:
        found = conn.execute(resources.query_for("roles_mine", "postgres")).fetchone()  # type: ignore[arg-type]
        teams = [t for (t,) in conn.execute(resources.query_for("roles_teams_of", "postgres"))]  # type: ignore[arg-type]
    except psycopg.Error:  # no roles set up: nobody is limited
        return None
    if not teams or not found:
        return None
    return DatabaseError(
        f"{shown(url)}: permission denied: {found[0]} sees only the teams {', '.join(teams)}, and"
        " a rep id this names belongs to another team's rep; nothing was written. A login that"
        " sees every team can write it."
    )
