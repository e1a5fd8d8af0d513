"""`ssi-tui paste`: a rep's SSI page, copied whole, stored as their snapshot (a pasted change)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ssi_tui.cli.database_argument import DATABASE, named
from ssi_tui.cli.support import fail, iso_date, plain

EXIT_NOT_STORED = 2
"""Nothing to store (no SSI in the text) or an entry refused: as `ssi-tui add` exits."""
_STDIN_NAME = "(stdin)"


@click.command("paste")
@click.argument("database", type=DATABASE)
@click.argument(
    "file", required=False, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path)
)
@click.option(
    "--rep", required=True, metavar="NAME", help="Whose page it is: their name or rep_id."
)
@click.option(
    "--date",
    "snapshot_date",
    callback=iso_date,
    metavar="YYYY-MM-DD",
    help="The snapshot's date (default: today, the day of the paste).",
)
@click.option("--new-rep", is_flag=True, help="NAME is not in the database yet: add them.")
def paste_command(
    database: str | Path, file: Path | None, rep: str, snapshot_date: dt.date | None, new_rep: bool
) -> None:
    """Store a rep's SSI page as their snapshot: on linkedin.com/sales/ssi select all, copy,
    and paste it into FILE or standard input (when there is no FILE).

    The total ("58 out of 100"), the four pillars, the industry and network ranks ("Top 18%")
    and averages are found in any order, amid the page's menus. A total without its pillars is
    stored alone; four pillars without a total make it their sum.
    """
    from ssi_tui.ingest.ssi_page import read_ssi_page

    text, source = _page_text(file)
    page = read_ssi_page(text)
    click.echo(plain(page.describe()))
    if not page.is_snapshot:
        pillars = "all four pillars" if page.pillars else "the pillars"
        click.echo(
            f"Error: {plain(source)}: no SSI to store: found neither the total nor {pillars};"
            " expected the text of an"
            " SSI page (on linkedin.com/sales/ssi select all, copy) with the total"
            ' ("58 out of 100") or the four pillars. Nothing was written.',
            err=True,
        )
        sys.exit(EXIT_NOT_STORED)
    _store(database, rep, snapshot_date or dt.date.today(), page.entry_fields(), new_rep)


def _store(
    database: str | Path, rep: str, date: dt.date, fields: dict[str, float], new_rep: bool
) -> None:
    """The page's values as REP's entry of DATE: one pasted change, or the reasons it is not."""
    from ssi_tui.errors import SsiError
    from ssi_tui.importing.entry import Entry, EntryError, add_entry
    from ssi_tui.store.changes import ChangeKind

    try:
        outcome = add_entry(
            database, Entry(rep, date, **fields), kind=ChangeKind.PASTED, new_rep_ok=new_rep
        )
    except EntryError as error:
        click.echo(f"Not stored; nothing was written to {plain(named(database))}:", err=True)
        click.echo(plain("\n".join(error.problems)), err=True)
        sys.exit(EXIT_NOT_STORED)
    except SsiError as error:
        fail(str(error))
    for warning in outcome.warnings:
        click.echo(f"Warning: {plain(warning)}", err=True)
    click.echo(plain(f"{outcome.describe()}."))
    if outcome.status != "unchanged":
        # The boards `ssi-tui DB` keeps for its next start (board_cache.py) are stale now.
        from ssi_tui.boards.kept_boards import keep_boards_fresh

        keep_boards_fresh(database)


def _page_text(file: Path | None) -> tuple[str, str]:
    """The pasted text, from FILE or standard input, and what messages call it."""
    from ssi_tui.ingest.ssi_page import decode_page

    if file is None or str(file) == "-":
        if sys.stdin.isatty():
            click.echo(
                "Paste the SSI page, then press ctrl+d on a line of its own (ctrl+z on Windows):",
                err=True,
            )
        return decode_page(sys.stdin.buffer.read()), _STDIN_NAME
    try:
        return decode_page(file.read_bytes()), str(file)
    except OSError as error:
        fail(f"{file}: cannot be read ({error.strerror or error})")
