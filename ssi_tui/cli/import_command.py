"""`ssi-tui import`: exports in, one transaction, a clear report (or a clear refusal)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from ssi_tui.cli.database_argument import DATABASE, named
from ssi_tui.cli.support import EXIT_INVALID, fail, iso_date, plain
from ssi_tui.errors import InvalidExportError, SsiError
from ssi_tui.importing.import_report import file_summary, findings_lines, plural, total_summary
from ssi_tui.ingest.header_map import HeaderMap, HeaderMapError, parse_header_map


def _date_format(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A strptime pattern naming the day, month and year, checked before any file is read."""
    from ssi_tui.importing.options import date_format_problem

    if value is None:
        return None
    problem = date_format_problem(value)
    if problem is not None:
        raise click.BadParameter(problem)
    return value


def _header_map(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> HeaderMap:
    """Every --map checked before any file is read: a known column for each header."""
    try:
        return parse_header_map(values)
    except HeaderMapError as error:
        raise click.BadParameter(str(error)) from None


@click.command("import")
@click.argument("database", type=DATABASE)
@click.argument("paths", nargs=-1)
@click.option("--skip-invalid", is_flag=True, help="Import the valid rows; report the rest.")
@click.option("--dry-run", is_flag=True, help="Validate and report without writing anything.")
@click.option(
    "--strict",
    is_flag=True,
    help="Refuse values that look like typos (warnings) as invalid ones: nothing written.",
)
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable summary.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option(
    "--date-format",
    callback=_date_format,
    metavar="FORMAT",
    help="How to read dates that are not ISO, e.g. %d/%m/%Y or %m/%d/%Y.",
)
@click.option(
    "--date",
    "default_date",
    callback=iso_date,
    metavar="YYYY-MM-DD",
    help="Date of files with no date column (default: an ISO date in the file name).",
)
@click.option("--sheet", metavar="NAME", help="Excel sheet to read (default: the first).")
@click.option(
    "--model",
    "model_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Scoring model for activity exports (default: the shipped model).",
)
@click.option(
    "--map",
    "header_map",
    multiple=True,
    callback=_header_map,
    metavar='"HEADER=column"',
    help='Read HEADER as one of our columns, e.g. --map "Find People=people" (repeatable).',
)
@click.option(
    "--remember",
    is_flag=True,
    help="Keep this import's --map and --date-format in DATABASE for later imports.",
)
@click.option(
    "--forget-settings",
    is_flag=True,
    help="Forget DATABASE's remembered --map, --date-format and learned day order.",
)
def import_command(
    database: Path | str,
    paths: tuple[str, ...],
    skip_invalid: bool,
    dry_run: bool,
    strict: bool,
    as_json: bool,
    quiet: bool,
    date_format: str | None,
    default_date: dt.date | None,
    sheet: str | None,
    model_path: Path | None,
    header_map: HeaderMap,
    remember: bool,
    forget_settings: bool,
) -> None:
    """Import SSI exports (files, folders or globs; - reads one from standard input) into
    DATABASE, creating it if needed.

    DATABASE: a DuckDB file, or a PostgreSQL URL (postgresql://user@host/db).

    Reads CSV/TSV/TXT (any of , ; tab | delimiters, UTF-8, UTF-16 or Windows-1252), JSON,
    JSON Lines and Excel .xlsx, wide or long (one metric per row). The whole import is one
    transaction: any invalid row rejects it all (unless --skip-invalid), and the database is
    left exactly as it was. Activity exports (activity metrics, no pillar columns) are kept
    and scored into estimated SSI snapshots with the model of --model.

    With --remember, later imports without --map or --date-format use this one's; dates
    that could be day or month first are read in the order earlier imports showed.
    """
    from contextlib import nullcontext

    from ssi_tui.cli.import_stdin import standard_input_spooled
    from ssi_tui.cli.progress import DelayedProgress
    from ssi_tui.importing.importer import run_import
    from ssi_tui.importing.options import ImportOptions

    if forget_settings:
        _forget_settings(database, quiet=quiet or as_json)
        if not paths:
            return
    elif not paths:
        raise click.UsageError("give the files to import (or --forget-settings).")
    if remember and not header_map and date_format is None:
        raise click.UsageError("--remember keeps --map and --date-format: give at least one.")
    options = ImportOptions(
        remember=remember and not dry_run,
        dry_run=dry_run,
        skip_invalid=skip_invalid,
        strict=strict,
        date_format=date_format,
        default_date=default_date,
        sheet=sheet,
        header_map=header_map,
        model_path=model_path,
    )
    show_progress = not quiet and sys.stderr.isatty()
    try:
        with (
            standard_input_spooled(paths) as spooled,
            DelayedProgress() if show_progress else nullcontext() as progress,
        ):
            report = spooled.report(run_import(database, spooled.paths, options, progress=progress))
    except InvalidExportError as raised:
        error = spooled.error(raised)
        if as_json:
            click.echo(json.dumps({"ok": False, "problems": [str(p) for p in error.problems]}))
        count = len(error.problems)
        click.echo(
            f"Import rejected: {count} problem{'s' if count != 1 else ''};"
            f" nothing was written to {named(database)}.",
            err=True,
        )
        click.echo(plain(error.describe()), err=True)
        sys.exit(EXIT_INVALID)
    except SsiError as error:
        fail(str(error))
    if not dry_run:
        # The boards `ssi-tui DB` keeps for its next start (board_cache.py) are stale now.
        from ssi_tui.boards.kept_boards import keep_boards_fresh

        keep_boards_fresh(database)
    if as_json:
        click.echo(json.dumps({"ok": True, **report.as_dict()}, indent=2, default=str))
        return
    for notice in [] if quiet else report.notices:
        click.echo(f"Note: {plain(notice)}", err=True)
    if report.remembered_used and not quiet:
        used = " and ".join(report.remembered_used)
        click.echo(
            f"Note: using the remembered {plain(used)} (forget with"
            f" `ssi-tui import --forget-settings {named(database)}`).",
            err=True,
        )
    if report.settings_remembered and not quiet:
        click.echo(
            "Note: remembered these settings; later imports without --map or --date-format"
            " use them.",
            err=True,
        )
    if report.problems:
        click.echo(f"Skipped {plural(len(report.problems), 'problem')}:", err=True)
        click.echo(plain(InvalidExportError(report.problems).describe()), err=True)
    if quiet:
        return
    for f in report.files:
        if f.status == "already imported":
            click.echo(f"{f.path}: already imported, skipped")
        elif f.status != "rejected":
            click.echo(f"{f.path}: {plain(file_summary(f))}")
    for line in findings_lines(report):
        click.echo(plain(line))
    verb = "Dry run: nothing written to" if dry_run else "Imported into"
    click.echo(f"{verb} {named(database)}: {total_summary(report)}.")


def _forget_settings(database: Path | str, *, quiet: bool) -> None:
    """`--forget-settings`: the remembered options and the learned day order dropped."""
    from ssi_tui import store
    from ssi_tui.importing.import_settings import forget

    if not store.exists(database):
        fail(f"{named(database)}: no such database.")
    try:
        forgotten = forget(database)
    except SsiError as error:
        fail(str(error))
    if quiet:
        return
    parts = []
    if forgotten.header_map:
        parts.append(f'--map "{"; ".join(f"{h}={c}" for h, c in forgotten.header_map)}"')
    if forgotten.date_format:
        parts.append(f"--date-format {forgotten.date_format}")
    if forgotten.day_order:
        parts.append(f"the learned day order {forgotten.day_order}")
    what = ", ".join(parts) if parts else "nothing (no settings were remembered)"
    click.echo(f"Forgot {plain(what)} in {named(database)}.")
