"""The `ssi-tui` command: open the app on a database, import exports, print the board.

Heavy modules (Textual, Polars) are imported inside the commands that need them, so
`ssi-tui leaderboard` never loads Textual and `ssi-tui DB` never loads Polars.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ssi_tui import __version__
from ssi_tui.errors import InvalidExportError, SsiError

if TYPE_CHECKING:
    from ssi_tui.options import ViewOptions

EXIT_INVALID = 1


class _OpenByDefault(click.Group):
    """`ssi-tui team.duckdb` means `ssi-tui open team.duckdb`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            args = ["open", *args]
        return super().parse_args(ctx, args)


def _plain(text: str) -> str:
    """TEXT safe for a terminal: control and escape characters from data shown, never run.

    Messages quote file names, headers and cells; an `ESC]0;...` or `ESC[2J` in an export must
    not retitle or clear the user's terminal. Line breaks between messages are kept.
    """
    from ssi_tui.text import printable

    return "\n".join(printable(line) for line in text.split("\n"))


def _fail(message: str) -> None:
    click.echo(f"Error: {_plain(message)}", err=True)
    sys.exit(EXIT_INVALID)


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


@click.group(cls=_OpenByDefault, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ssi-tui")
def cli() -> None:
    """Your team's LinkedIn Social Selling Index, as a leaderboard in the terminal.

    \b
    ssi-tui demo                      try it on the bundled sample team
    ssi-tui import team.duckdb exports/   build or update a database from exports
    ssi-tui team.duckdb               open the leaderboard
    """


def _options(**flags: Any) -> ViewOptions:
    """Config file first, then every flag given on the command line."""
    from ssi_tui.config import load_config
    from ssi_tui.options import ViewOptions

    try:
        config = load_config()
    except SsiError as error:
        _fail(str(error))
    return ViewOptions.from_config(config, **flags)


def _anonymise_option(function: Any) -> Any:
    return click.option(
        "--anonymise",
        "--anonymize",
        "anonymise",
        is_flag=True,
        default=None,
        help="Show stable pseudonyms (Rep 07) instead of names.",
    )(function)


def _source_option(function: Any) -> Any:
    return click.option(
        "--source",
        type=click.Choice(["best", "official", "estimated"]),
        default=None,
        help="best (default): official where a rep has it on a date, else estimated from activity.",
    )(function)


@cli.command("open")
@click.argument("database", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--as-of", callback=_iso_date, help="Show the board as of this date (YYYY-MM-DD).")
@click.option("--team", help="Show only this team.")
@_anonymise_option
@click.option("--standup", is_flag=True, default=None, help="Open in stand-up mode.")
@click.option("--rotate", type=click.FloatRange(1, 3600), help="Seconds per stand-up page.")
@click.option("--show-fallers", is_flag=True, default=None, help="Stand-up: show fallers too.")
@click.option("--target", type=click.FloatRange(0.1, 100), help="Default target total.")
@_source_option
def open_command(database: Path, **flags: Any) -> None:
    """Open the leaderboard app on DATABASE (read-only)."""
    _run_app(database, _options(**flags))


def _run_app(database: Path, options: ViewOptions) -> None:
    from ssi_tui import store

    try:
        with store.open_read(database):
            pass
    except SsiError as error:
        _fail(str(error))
    from ssi_tui.ui.app import SsiApp

    SsiApp(database, options=options).run()


def _date_format(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A strptime pattern naming the day, month and year, checked before any file is read."""
    if value is None:
        return None
    month = any(code in value for code in ("%m", "%b", "%B"))
    year = any(code in value for code in ("%Y", "%y"))
    if "%d" not in value or not month or not year:
        raise click.BadParameter(
            f"expected a pattern with %d, %m and %Y such as %d/%m/%Y, got {value!r}"
        )
    return value


@cli.command("import")
@click.argument("database", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("paths", nargs=-1, required=True)
@click.option("--skip-invalid", is_flag=True, help="Import the valid rows; report the rest.")
@click.option("--dry-run", is_flag=True, help="Validate and report without writing anything.")
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
    callback=_iso_date,
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
def import_command(
    database: Path,
    paths: tuple[str, ...],
    skip_invalid: bool,
    dry_run: bool,
    as_json: bool,
    quiet: bool,
    date_format: str | None,
    default_date: dt.date | None,
    sheet: str | None,
    model_path: Path | None,
) -> None:
    """Import SSI exports (files, folders or globs) into DATABASE, creating it if needed.

    Reads CSV/TSV/TXT (any of , ; tab | delimiters, UTF-8, UTF-16 or Windows-1252), JSON,
    JSON Lines and Excel .xlsx, wide or long (one metric per row). The whole import is one
    transaction: any invalid row rejects it all (unless --skip-invalid), and the database is
    left exactly as it was. Activity exports (activity metrics, no pillar columns) are kept
    and scored into estimated SSI snapshots with the model of --model.
    """
    from contextlib import nullcontext

    from ssi_tui.importer import run_import
    from ssi_tui.progress import DelayedProgress

    show_progress = not quiet and sys.stderr.isatty()
    try:
        with DelayedProgress() if show_progress else nullcontext() as progress:
            report = run_import(
                database,
                paths,
                skip_invalid=skip_invalid,
                dry_run=dry_run,
                progress=progress,
                date_format=date_format,
                default_date=default_date,
                sheet=sheet,
                model_path=model_path,
            )
    except InvalidExportError as error:
        if as_json:
            click.echo(json.dumps({"ok": False, "problems": [str(p) for p in error.problems]}))
        count = len(error.problems)
        click.echo(
            f"Import rejected: {count} problem{'s' if count != 1 else ''};"
            f" nothing was written to {database}.",
            err=True,
        )
        click.echo(_plain(error.describe()), err=True)
        sys.exit(EXIT_INVALID)
    except SsiError as error:
        _fail(str(error))
    if as_json:
        click.echo(json.dumps({"ok": True, **report.as_dict()}, indent=2, default=str))
        return
    for notice in [] if quiet else report.notices:
        click.echo(f"Note: {_plain(notice)}", err=True)
    if report.problems:
        click.echo(f"Skipped {len(report.problems)} problem(s):", err=True)
        click.echo(_plain(InvalidExportError(report.problems).describe()), err=True)
    if quiet:
        return
    for f in report.files:
        if f.status == "already imported":
            click.echo(f"{f.path}: already imported, skipped")
        elif f.status != "rejected":
            span = f", {f.first_date} to {f.last_date}" if f.first_date else ""
            click.echo(
                f"{f.path}: {f.added} added, {f.updated} updated, {f.unchanged} unchanged"
                f"{', ' + str(f.rejected) + ' rejected' if f.rejected else ''}"
                f" ({f.reps} reps{span})"
            )
    verb = "Dry run: nothing written to" if dry_run else "Imported into"
    click.echo(
        f"{verb} {database}: {report.total('added')} added, {report.total('updated')} updated,"
        f" {report.total('unchanged')} unchanged."
    )


@cli.command("leaderboard")
@click.argument("database", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--as-of", callback=_iso_date, help="Latest date to consider (YYYY-MM-DD).")
@click.option("--team", help="Only this team.")
@click.option(
    "--sort",
    type=click.Choice(
        [
            "ssi",
            "brand",
            "people",
            "insights",
            "relationships",
            "change",
            "name",
            "target",
            "improvement",
        ]
    ),
    default="ssi",
    show_default=True,
    help="target: % of target; improvement: 4-week change.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "json", "markdown", "html"]),
    default="table",
    show_default=True,
)
@_anonymise_option
@click.option("--target", type=click.FloatRange(0.1, 100), help="Default target total.")
@_source_option
def leaderboard_command(database: Path, sort: str, output_format: str, **flags: Any) -> None:
    """Print the leaderboard without the app (for scripts, chat posts and reports)."""
    from ssi_tui import formats
    from ssi_tui.board import load_board, sort_rows

    options = _options(**flags)
    try:
        board = load_board(
            database,
            as_of=options.as_of,
            team=options.team,
            source=options.source,  # type: ignore[arg-type]
            default_target=options.target,
            anonymise=options.anonymise,
            exclude=options.exclude,
        )
    except SsiError as error:
        _fail(str(error))
    rows = sort_rows(board.rows, sort)
    team = options.team
    if output_format == "html":
        title = f"SSI leaderboard as of {board.as_of or '—'}" + (f" · {team}" if team else "")
        click.echo(formats.to_html(rows, title), nl=False)
    elif output_format == "json":
        click.echo(formats.to_json(rows))
    elif output_format == "csv":
        click.echo(formats.to_csv(rows), nl=False)
    elif output_format == "markdown":
        click.echo(formats.to_markdown(rows), nl=False)
    else:
        from rich.console import Console

        title = f"SSI leaderboard as of {board.as_of or '—'}" + (f" · {team}" if team else "")
        console = Console()
        if not console.is_terminal:
            # Piped or redirected: never squeeze names into 80 columns; print the natural width.
            console = Console(width=10_000)
        console.print(formats.to_table(rows, title))


@cli.command("upgrade")
@click.argument("database", type=click.Path(dir_okay=False, path_type=Path))
def upgrade_command(database: Path) -> None:
    """Bring a database made by an older ssi-tui up to this version's schema."""
    from ssi_tui import store

    if not database.is_file():
        _fail(f"{database}: no such database.")
    try:
        with store.open_write(database, create=False) as conn:
            version = store.schema_version(conn)
    except SsiError as error:
        _fail(str(error))
    click.echo(f"{database}: schema version {version}, up to date.")


def default_demo_path() -> Path:
    """Where `ssi-tui demo` keeps its database when none is named."""
    from platformdirs import user_data_path

    return user_data_path("ssi-tui", appauthor=False) / "demo.duckdb"


@cli.command("demo")
@click.argument("database", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-open", is_flag=True, help="Build the demo database but do not open the app.")
def demo_command(database: Path | None, no_open: bool) -> None:
    """Build a database from the bundled sample team and open it: start here."""
    from ssi_tui.importer import run_import
    from ssi_tui.resources import sample_data_dir

    database = database or default_demo_path()
    try:
        report = run_import(database, [sample_data_dir()])
    except SsiError as error:
        _fail(str(error))
    if report.total("added") or report.total("updated"):
        click.echo(f"Demo database ready: {database}", err=True)
    if not no_open:
        _run_app(database, _options())
    else:
        click.echo(str(database))


@cli.command("serve")
@click.argument("database", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--standup", is_flag=True, help="Open the browser view in stand-up mode.")
@_anonymise_option
def serve_command(
    database: Path, host: str, port: int, standup: bool, anonymise: bool | None
) -> None:
    """Serve the app to a browser (textual-serve), e.g. for the meeting-room TV."""
    from ssi_tui.serve import is_loopback, serve

    if not is_loopback(host):
        click.echo(
            f"Warning: listening on {host}: anyone who can reach it sees the board.", err=True
        )
    extra = [*(["--standup"] if standup else []), *(["--anonymise"] if anonymise else [])]
    click.echo(f"Serving {database} on http://{host}:{port}/ (ctrl+c stops)", err=True)
    try:
        serve(database, host=host, port=port, extra_args=extra)
    except SsiError as error:
        _fail(str(error))


def _register_settings_commands() -> None:
    from ssi_tui.cli_settings import config_command, target_command

    cli.add_command(target_command)
    cli.add_command(config_command)


_register_settings_commands()


def _register_model_commands() -> None:
    from ssi_tui.estimate.commands import model_command

    cli.add_command(model_command)


_register_model_commands()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="ssi-tui")
