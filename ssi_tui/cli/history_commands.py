"""`ssi-tui history` and `ssi-tui undo`: every change to the data, and the way back from one."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ssi_tui.cli.database_argument import DATABASE, database_or_env, named
from ssi_tui.cli.support import fail, plain
from ssi_tui.errors import SsiError
from ssi_tui.model.undo_text import describe_plan, status
from ssi_tui.store.history import ChangeInfo


@click.command("history")
@database_or_env()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
def history_command(database: str | Path, output_format: str) -> None:
    """List every change to the data, newest first: imports, typed and pasted entries, roster
    changes and undos, each with its id (what `ssi-tui undo` takes)."""
    from ssi_tui.importing.history import list_changes

    try:
        found = list_changes(database)
    except SsiError as error:
        fail(str(error))
    if output_format == "json":
        click.echo(json.dumps([c.as_json() for c in found], indent=2, ensure_ascii=False))
        return
    if not found:
        click.echo(f"{named(database)}: no changes yet.")
        return
    _print_table(found)


def _print_table(found: list[ChangeInfo]) -> None:
    """The changes as a table at the terminal's width (its natural width when piped)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False)
    for title, justify in (
        ("ID", "right"),
        ("Time", "left"),
        ("Kind", "left"),
        ("Summary", "left"),
        ("Added", "right"),
        ("Corrected", "right"),
        ("Removed", "right"),
        ("Reps", "right"),
        ("Status", "left"),
    ):
        table.add_column(title, justify=justify)  # type: ignore[arg-type]
    for change in found:
        table.add_row(
            f"#{change.change_id}",
            change.made_at.strftime("%Y-%m-%d %H:%M"),
            change.kind_label,
            Text(plain(change.summary)),  # data: shown literally, never as markup
            str(change.added),
            str(change.corrected),
            str(change.removed),
            str(change.reps),
            status(change),
            style="dim" if change.undone_by is not None else None,
        )
    console = Console()
    if not console.is_terminal:
        console = Console(width=10_000)
    console.print(table)


@click.command("undo")
@click.argument("database", type=DATABASE)
@click.argument("change_id", metavar="[ID]", required=False, type=click.IntRange(min=1))
@click.option("--dry-run", is_flag=True, help="Say what the undo would do, writing nothing.")
def undo_command(database: str | Path, change_id: int | None, dry_run: bool) -> None:
    """Undo one change exactly (default: the latest not undone): the rows it added are
    removed, the values it corrected get their earlier values back, the reps it created are
    removed when nothing else refers to them. The undo is itself in `ssi-tui history`."""
    from ssi_tui.importing.history import plan_undo, undo_change

    try:
        if dry_run:
            plan = plan_undo(database, change_id)
        else:
            result = undo_change(database, change_id)
            plan = result.plan
    except SsiError as error:
        fail(str(error))
    for line in describe_plan(plan, done=not dry_run):
        click.echo(plain(line))
    if dry_run:
        click.echo("Nothing written (--dry-run).")
    else:
        click.echo(f"This undo is #{result.undo_id} in the history.")
