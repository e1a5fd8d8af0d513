"""`ssi-tui reps`: the roster, and the changes a manager makes to it (each one undoable)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import click

from ssi_tui.cli.database_argument import DATABASE, database_or_env, named
from ssi_tui.cli.support import fail, iso_date, plain
from ssi_tui.errors import SsiError

_DATABASE = click.argument("database", type=DATABASE)


@click.group("reps")
def reps_command() -> None:
    """List the reps, or rename, merge, move, mark as left or delete one.

    \b
    ssi-tui reps list team.duckdb
    ssi-tui reps rename team.duckdb "Ann Lee" "Ann Lee-Smith"
    ssi-tui reps merge team.duckdb "A. Lee" "Ann Lee"      (two spellings of one rep)
    ssi-tui reps team team.duckdb Enterprise "Ann Lee" bob@acme.example
    ssi-tui reps leave team.duckdb "Ann Lee" --date 2026-03-31
    ssi-tui reps delete team.duckdb "Test Rep"

    A REP is a rep_id, a name (case, accents, spacing and punctuation ignored) or an id the
    rep adopted. Every change is in `ssi-tui history` and undone by `ssi-tui undo`.
    """


def _done(database: str | Path, change: Any) -> None:
    """What the change did, and how to take it back; the boards kept for the app's next start
    (boards/board_cache.py) read again, as `ssi-tui import` does."""
    from ssi_tui.boards.kept_boards import keep_boards_fresh

    click.echo(plain(change.summary) + ".")
    click.echo(f"Undo with `ssi-tui undo {plain(named(database))} {change.change_id}`.")
    keep_boards_fresh(database)


@reps_command.command("list")
@database_or_env()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
def list_command(database: str | Path, output_format: str) -> None:
    """Every rep: id, name, team, first and last snapshot, how many, and whether they left."""
    from ssi_tui.model.roster import list_reps

    try:
        reps = list_reps(database)
    except SsiError as error:
        fail(str(error))
    if output_format == "json":
        click.echo(json.dumps([_as_json(rep) for rep in reps], indent=2, ensure_ascii=False))
        return
    _print_table(reps)


def _as_json(rep: Any) -> dict[str, object]:
    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "rep_id": rep.rep_id,
        "name": rep.name,
        "team": rep.team,
        "first_snapshot": day(rep.first_date),
        "last_snapshot": day(rep.last_date),
        "snapshots": rep.snapshots,
        "left_on": day(rep.left_on),
        "status": rep.status,
    }


def _print_table(reps: list[Any]) -> None:
    """The roster as a table; cells as literal text (never markup), control characters shown."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table()
    for header in ("rep_id", "name", "team", "first", "last", "snapshots", "status"):
        table.add_column(header, justify="right" if header == "snapshots" else "left")
    for rep in reps:
        table.add_row(
            *(
                Text(plain(value))
                for value in (
                    rep.rep_id,
                    rep.name,
                    rep.team or "–",
                    rep.first_date.isoformat() if rep.first_date else "–",
                    rep.last_date.isoformat() if rep.last_date else "–",
                    str(rep.snapshots),
                    rep.status,
                )
            )
        )
    console = Console()
    if not console.is_terminal:
        console = Console(width=10_000)  # piped: every column at its natural width
    console.print(table)
    gone = sum(1 for rep in reps if rep.left_on is not None)
    click.echo(
        f"{len(reps)} rep{'' if len(reps) == 1 else 's'}" + (f", {gone} left" if gone else "")
    )


@reps_command.command("rename")
@_DATABASE
@click.argument("rep")
@click.argument("new_name")
def rename_command(database: str | Path, rep: str, new_name: str) -> None:
    """Give REP the name NEW_NAME."""
    from ssi_tui.model.roster import rename

    try:
        _done(database, rename(database, rep, new_name))
    except SsiError as error:
        fail(str(error))


@reps_command.command("merge")
@_DATABASE
@click.argument("from_rep", metavar="FROM")
@click.argument("into_rep", metavar="INTO")
@click.option(
    "--keep",
    type=click.Choice(["from", "into"]),
    help="On a day both have other numbers, keep FROM's or INTO's.",
)
@click.option("--dry-run", is_flag=True, help="Say what the merge would do; change nothing.")
def merge_command(
    database: str | Path, from_rep: str, into_rep: str, keep: str | None, dry_run: bool
) -> None:
    """Merge FROM into INTO (two spellings or ids of one rep): FROM's snapshots move to INTO,
    and FROM's id becomes INTO's, so later exports with it land on INTO."""
    from ssi_tui.model.roster import merge, plan_merge

    try:
        if dry_run:
            plan = plan_merge(database, from_rep, into_rep)
            click.echo(plain(plan.describe("Would merge")) + ".")
            for conflict in plan.conflicts:
                click.echo(f"  {conflict}")
            if plan.conflicts and keep is None:
                click.echo("Refused without --keep from or --keep into.")
            click.echo("Nothing changed (--dry-run).")
            return
        _done(database, merge(database, from_rep, into_rep, keep))  # type: ignore[arg-type]
    except SsiError as error:
        fail(str(error))


@reps_command.command("team")
@_DATABASE
@click.argument("team")
@click.argument("reps", metavar="REP...", nargs=-1, required=True)
def team_command(database: str | Path, team: str, reps: tuple[str, ...]) -> None:
    """Move each REP to TEAM ("" for no team)."""
    from ssi_tui.model.roster import move_to_team

    try:
        _done(database, move_to_team(database, team, list(reps)))
    except SsiError as error:
        fail(str(error))


@reps_command.command("leave")
@_DATABASE
@click.argument("rep")
@click.option(
    "--date",
    "left_on",
    metavar="YYYY-MM-DD",
    callback=iso_date,
    help="Their last day on the boards (default: today).",
)
def leave_command(database: str | Path, rep: str, left_on: dt.date | None) -> None:
    """REP left the team: off the boards after that date, their history kept and shown for
    the weeks before."""
    from ssi_tui.model.roster import leave

    try:
        _done(database, leave(database, rep, left_on or dt.date.today()))
    except SsiError as error:
        fail(str(error))


@reps_command.command("delete")
@_DATABASE
@click.argument("rep")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def delete_command(database: str | Path, rep: str, yes: bool) -> None:
    """Delete REP with every snapshot (asks first; undoable)."""
    from ssi_tui.model.roster import delete, snapshot_count

    try:
        rep_id, name, count = snapshot_count(database, rep)
        if not yes:
            question = (
                f"Delete {plain(name)} ({plain(rep_id)}) and their {count}"
                f" snapshot{'' if count == 1 else 's'}?"
            )
            if not click.confirm(question, default=False):
                click.echo("Nothing deleted.")
                return
        _done(database, delete(database, rep_id))
    except SsiError as error:
        fail(str(error))
