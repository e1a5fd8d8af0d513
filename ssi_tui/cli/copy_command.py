"""`ssi-tui copy SRC DST`: move a history between a DuckDB file and a PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import click

from ssi_tui.cli.database_argument import DATABASE, named
from ssi_tui.cli.support import fail
from ssi_tui.errors import SsiError


@click.command("copy")
@click.argument("source", type=DATABASE)
@click.argument("target", type=DATABASE)
def copy_command(source: Path | str, target: Path | str) -> None:
    """Copy the whole history SOURCE into TARGET, a new one: a file or a PostgreSQL URL.

    Every snapshot, correction, superseded value and change goes along, as it is. TARGET must not
    hold a history yet (on a server: an empty database); SOURCE is only read.
    """
    from ssi_tui.importing.history_copy import copy_history

    try:
        copied = copy_history(source, target)
    except SsiError as error:
        fail(str(error))
    rows = copied.rows
    click.echo(
        f"Copied {named(source)} into {named(target)}: {rows['snapshots']} snapshots of"
        f" {rows['reps']} reps, {rows['imports']} imports, {rows['changes']} changes."
    )
