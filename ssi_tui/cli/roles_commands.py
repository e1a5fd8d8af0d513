"""`ssi-tui roles URL setup|grant|list`: who sees what on a shared history (issue #24)."""

from __future__ import annotations

import click

from ssi_tui.cli.database_argument import named
from ssi_tui.cli.support import fail, plain
from ssi_tui.errors import SsiError
from ssi_tui.store.postgres_sql import is_server_url

LEVEL_CHOICES = ("viewer", "importer", "admin")


@click.group("roles")
@click.argument("url")
@click.pass_context
def roles_command(ctx: click.Context, url: str) -> None:
    """Roles on a history shared on PostgreSQL: viewer (reads), importer (also writes: import,
    add, paste, undo, reps, target) and admin (also grants), each optionally limited to teams."""
    if not is_server_url(url):
        raise click.BadParameter(
            f"{url!r}: roles belong to a PostgreSQL history; give its postgresql:// URL.",
            param_hint="URL",
        )
    ctx.obj = url


@roles_command.command("setup")
@click.pass_obj
def setup_command(url: str) -> None:
    """Create the roles, their grants and per-team row-level security (again after upgrade)."""
    from ssi_tui.store import postgres_roles

    try:
        postgres_roles.setup(url)
    except SsiError as error:
        fail(str(error))
    click.echo(f"Roles set up on {named(url)}: ssi_viewer, ssi_importer, ssi_admin.")


@roles_command.command("grant")
@click.argument("login")
@click.argument("level", type=click.Choice(LEVEL_CHOICES))
@click.option(
    "--team",
    "teams",
    multiple=True,
    metavar="TEAM",
    help="Only this team's reps (repeat for several); without it, every team.",
)
@click.pass_obj
def grant_command(url: str, login: str, level: str, teams: tuple[str, ...]) -> None:
    """Make the server login LOGIN a viewer, importer or admin of the history (only that)."""
    from ssi_tui.store import postgres_roles

    try:
        postgres_roles.grant(url, login, level, teams)
    except SsiError as error:
        fail(str(error))
    seen = f"the teams {', '.join(teams)}" if teams else "every team"
    click.echo(plain(f"{login} is now {_article(level)} {level} of {named(url)}, seeing {seen}."))


@roles_command.command("revoke")
@click.argument("login")
@click.pass_obj
def revoke_command(url: str, login: str) -> None:
    """Take every ssi-tui role (and team limit) from LOGIN: it can no longer read the history."""
    from ssi_tui.store import postgres_roles

    try:
        held = postgres_roles.revoke(url, login)
    except SsiError as error:
        fail(str(error))
    if not held:
        click.echo(plain(f"{login} held no ssi-tui role on {named(url)}."), err=True)
        return
    click.echo(plain(f"{login} no longer holds an ssi-tui role on {named(url)}."))


@roles_command.command("list")
@click.pass_obj
def list_command(url: str) -> None:
    """Every login holding a role (roles belong to the whole server), its role and its teams
    on this history."""
    from ssi_tui.store import postgres_roles

    try:
        found = postgres_roles.logins(url)
    except SsiError as error:
        fail(str(error))
    if not found:
        click.echo(f"No logins hold a role on {named(url)} yet.", err=True)
        return
    for login in found:
        teams = ", ".join(login.teams) if login.teams else "every team"
        click.echo(plain(f"{login.name}: {login.level}, {teams}"))


def _article(level: str) -> str:
    return "an" if level[0] in "aeiou" else "a"
