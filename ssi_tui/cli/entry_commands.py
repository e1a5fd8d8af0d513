"""`ssi-tui add`: one snapshot typed in, as at stand-up (importing/entry.py does the work)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from ssi_tui.cli.database_argument import database_or_env
from ssi_tui.cli.support import fail, iso_date, plain
from ssi_tui.errors import SsiError

EXIT_BAD_ENTRY = 2
"""A value or rep that cannot be written: the problems, as for a usage error."""


def _number_option(name: str, help_text: str) -> Any:
    return click.option(f"--{name.replace('_', '-')}", name, metavar="N", help=help_text)


@click.command("add")
@database_or_env()
@click.option("--rep", required=True, metavar="NAME", help="The rep's name (or rep_id / e-mail).")
@click.option(
    "--date", "day", metavar="YYYY-MM-DD", callback=iso_date, help="The snapshot's date (today)."
)
@_number_option("ssi", "The total, 0-100 (alone, the pillars are not given).")
@_number_option("brand", "Establish your professional brand, 0-25.")
@_number_option("people", "Find the right people, 0-25.")
@_number_option("insights", "Engage with insights, 0-25.")
@_number_option("relationships", "Build relationships, 0-25.")
@_number_option("industry_rank", 'The N of the industry rank "Top N%".')
@_number_option("network_rank", 'The N of the network rank "Top N%".')
@_number_option("industry_avg", "The industry's average SSI.")
@_number_option("network_avg", "The network's average SSI.")
@click.option("--new-rep", is_flag=True, help="The rep is new: add them to the roster.")
def add_command(
    database: str | Path, rep: str, day: dt.date | None, new_rep: bool, **values: str | None
) -> None:
    """Add one snapshot by hand: the total, or the four pillars, or both.

    \b
    ssi-tui add team.duckdb --rep "Ann Lee" --ssi 67
    ssi-tui add team.duckdb --rep "Ann Lee" --brand 16 --people 17 --insights 16 --relationships 18
    ssi-tui add team.duckdb --rep "Cy Diaz" --ssi 52 --new-rep

    It is written as an import of its own (listed by `ssi-tui history`): a value for a date
    the rep has already is a correction, old -> new.
    """
    from ssi_tui.importing.entry import Entry, EntryError, add_entry

    entry = Entry(rep, day or dt.date.today(), **values)
    try:
        outcome = add_entry(database, entry, new_rep_ok=new_rep)
    except EntryError as error:
        for problem in error.problems:
            click.echo(f"Error: {plain(problem)}", err=True)
        click.echo("Nothing was written.", err=True)
        sys.exit(EXIT_BAD_ENTRY)
    except SsiError as error:
        fail(str(error))
    click.echo(plain(outcome.describe()))
    for warning in outcome.warnings:
        click.echo(f"Warning: {plain(warning)}")
    if outcome.change_id is not None:
        # The boards `ssi-tui DB` keeps for its next start are stale now, as after an import.
        from ssi_tui.boards.kept_boards import keep_boards_fresh

        keep_boards_fresh(database)
