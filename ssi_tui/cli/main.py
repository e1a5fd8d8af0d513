"""The `ssi-tui` command: open the app on a database, import exports, print the board.

Heavy modules (Textual, Polars) are imported inside the commands that need them, so
`ssi-tui leaderboard` never loads Textual and `ssi-tui DB` never loads Polars.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from ssi_tui import __version__
from ssi_tui.cli.database_argument import DATABASE, database_or_env, named
from ssi_tui.cli.open_app import options_from, run_app
from ssi_tui.cli.support import fail, iso_date
from ssi_tui.errors import SsiError
from ssi_tui.model.board import SORT_KEYS
from ssi_tui.model.source import Source


class _OpenByDefault(click.Group):
    """`ssi-tui team.duckdb` means `ssi-tui open team.duckdb`; a mistyped command (`frob`,
    `leaderbord`) gets click's "No such command … Did you mean", not "no such database"."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and _looks_like_a_database(args[0]):
            args = ["open", *args]
        return super().parse_args(ctx, args)


def _looks_like_a_database(argument: str) -> bool:
    """A file that is there, or a path (`team.duckdb`, `db/team`): what a command never is."""
    if argument.startswith("-"):
        return False
    path = Path(argument)
    return path.is_file() or bool(path.suffix) or "/" in argument or os.sep in argument


@click.group(cls=_OpenByDefault, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ssi-tui")
def cli() -> None:
    """Your team's LinkedIn Social Selling Index, as a leaderboard in the terminal.

    \b
    ssi-tui demo                      try it on the bundled sample team
    ssi-tui import team.duckdb exports/   build or update a database with your exports
    ssi-tui team.duckdb               open the leaderboard
    """


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
        type=click.Choice([source.value for source in Source]),
        default=None,
        help="best (default): official where a rep has it on a date, else estimated from activity.",
    )(function)


@cli.command("open")
@database_or_env()
@click.option(
    "--as-of", metavar="YYYY-MM-DD", callback=iso_date, help="Show the board as of this date."
)
@click.option("--team", metavar="NAME", help="Show only this team.")
@_anonymise_option
@click.option("--standup", is_flag=True, default=None, help="Open in stand-up mode.")
@click.option(
    "--rotate", metavar="SECONDS", type=click.FloatRange(1, 3600), help="Seconds per stand-up page."
)
@click.option("--show-fallers", is_flag=True, default=None, help="Stand-up: show fallers too.")
@click.option(
    "--target", metavar="TOTAL", type=click.FloatRange(0.1, 100), help="Default target total."
)
@_source_option
@click.option("--served", is_flag=True, default=None, hidden=True, help="ssi-tui serve's sessions.")
def open_command(database: Path | str, **flags: Any) -> None:
    """Open the leaderboard app on DATABASE (read-only).

    DATABASE: a DuckDB file, or a PostgreSQL URL (postgresql://user@host/db)."""
    run_app(database, options_from(**flags))


@cli.command("leaderboard")
@database_or_env()
@click.option("--as-of", metavar="YYYY-MM-DD", callback=iso_date, help="Latest date to consider.")
@click.option("--team", metavar="NAME", help="Only this team.")
@click.option(
    "--sort",
    type=click.Choice(SORT_KEYS),
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
@click.option(
    "--target", metavar="TOTAL", type=click.FloatRange(0.1, 100), help="Default target total."
)
@_source_option
def leaderboard_command(database: Path | str, sort: str, output_format: str, **flags: Any) -> None:
    """Print the leaderboard without the app (for scripts, chat posts and reports).

    DATABASE: a DuckDB file, or a PostgreSQL URL (postgresql://user@host/db)."""
    from ssi_tui.model import formats
    from ssi_tui.model.board import load_board, no_such_team, sort_rows

    view = options_from(sort=sort, **flags).view
    try:
        board = load_board(
            database,
            as_of=view.as_of,
            team=view.team,
            source=view.source,
            default_target=view.target,
            anonymise=view.anonymise,
            exclude=view.exclude,
        )
    except SsiError as error:
        fail(str(error))
    if view.team is not None and board.team not in board.teams:
        fail(no_such_team(view.team, board.teams))
    # An empty board is a true answer (and stays parseable): say why on stderr.
    if not board.dates:
        click.echo(f"{named(database)}: no snapshots yet.", err=True)
    elif board.as_of is not None and board.as_of < board.dates[0]:
        first = board.dates[0].isoformat()
        click.echo(
            f"{named(database)}: no snapshots on or before {board.as_of} (the first is {first}).",
            err=True,
        )
    rows = sort_rows(board.rows, view.sort)
    team = board.team
    if output_format == "html":
        title = f"SSI leaderboard as of {board.as_of or '—'}" + (f" · {team}" if team else "")
        click.echo(formats.to_html(rows, title, view.sort), nl=False)
    elif output_format == "json":
        click.echo(formats.to_json(rows))
    elif output_format == "csv":
        click.echo(formats.to_csv(rows), nl=False)
    elif output_format == "markdown":
        click.echo(formats.to_markdown(rows, view.sort), nl=False)
    else:
        from rich.console import Console

        title = f"SSI leaderboard as of {board.as_of or '—'}" + (f" · {team}" if team else "")
        console = Console()
        width: int | None = console.width
        if not console.is_terminal:
            # Piped or redirected: never squeeze names into 80 columns; print the natural width.
            console, width = Console(width=10_000), None
        console.print(formats.to_table(rows, title, view.sort, width))


@cli.command("upgrade")
@database_or_env()
def upgrade_command(database: Path | str) -> None:
    """Bring a database made by an older ssi-tui up to this version's schema.

    DATABASE: a DuckDB file, or a PostgreSQL URL (postgresql://user@host/db)."""
    from ssi_tui import store

    if isinstance(database, Path) and not database.is_file():
        fail(f"{database}: no such database.")
    try:
        with store.open_write(database, create=False) as conn:
            version = conn.schema_version()
    except SsiError as error:
        fail(str(error))
    click.echo(f"{named(database)}: schema version {version}, up to date.")


def default_demo_path() -> Path:
    """Where `ssi-tui demo` keeps its database when none is named."""
    from platformdirs import user_data_path

    return user_data_path("ssi-tui", appauthor=False) / "demo.duckdb"


@cli.command("demo")
@click.argument("database", required=False, type=DATABASE)
@click.option("--no-open", is_flag=True, help="Build the demo database but do not open the app.")
def demo_command(database: Path | str | None, no_open: bool) -> None:
    """Build a database from the bundled sample team and open it: start here.

    DATABASE (default: one in your data folder): a DuckDB file, or a PostgreSQL URL
    (postgresql://user@host/db) whose history the sample team is imported into."""
    from ssi_tui.importing.importer import run_import
    from ssi_tui.resources import sample_data_dir

    database = database or default_demo_path()
    try:
        report = run_import(database, [sample_data_dir()])
    except SsiError as error:
        fail(str(error))
    if report.total("added") or report.total("updated"):
        click.echo(f"Demo database ready: {named(database)}", err=True)
    if not no_open:
        run_app(database, options_from())
    else:
        click.echo(named(database))


@cli.command("serve")
@database_or_env()
@click.option(
    "--host",
    metavar="ADDRESS",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on.",
)
@click.option(
    "--port",
    metavar="PORT",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--token",
    metavar="TOKEN",
    envvar="SSI_TUI_SERVE_TOKEN",
    help="A fixed token (12+ characters) instead of a random one, e.g. for a TV's bookmark.",
)
@click.option(
    "--no-token", is_flag=True, help="No token: anyone on this machine may view (loopback only)."
)
@click.option(
    "--public-url",
    metavar="URL",
    help="The address viewers use, e.g. http://192.168.1.20:8000 (with --host 0.0.0.0).",
)
@click.option(
    "--max-sessions",
    metavar="COUNT",
    type=click.IntRange(1, 64),
    default=8,
    show_default=True,
    help="Browser tabs served at once.",
)
@click.option("--standup", is_flag=True, help="Open the browser view in stand-up mode.")
@_anonymise_option
def serve_command(
    database: str | Path,
    host: str,
    port: int,
    token: str | None,
    no_token: bool,
    public_url: str | None,
    max_sessions: int,
    standup: bool,
    anonymise: bool | None,
) -> None:
    """Serve the app, view-only, to a browser (e.g. the meeting-room TV).

    Prints an address with a random token: whoever opens it sees the board, nothing more.
    """
    from ssi_tui.cli.serve import new_token, serve, viewer_notice

    if token is not None and no_token:
        fail("--token and --no-token: give one or the other.")
    if not no_token and token is None:
        token = new_token()
    extra = [*(["--standup"] if standup else []), *(["--anonymise"] if anonymise else [])]

    def announce(address: str) -> None:
        where = named(database)
        click.echo(f"Serving {where}, view-only, on {host}:{port} (ctrl+c stops).", err=True)
        click.echo(viewer_notice(bool(anonymise)), err=True)
        if no_token:
            click.echo("No token: any program on this machine may view the board.", err=True)
        click.echo("Open this address (whoever has it sees the board):", err=True)
        click.echo(f"    {address}", err=True)

    try:
        serve(
            database,
            token=None if no_token else token,
            host=host,
            port=port,
            public_url=public_url,
            max_sessions=max_sessions,
            extra_args=extra,
            announce=announce,
        )
    except SsiError as error:
        fail(str(error))


def _register_settings_commands() -> None:
    from ssi_tui.cli.copy_command import copy_command
    from ssi_tui.cli.import_command import import_command
    from ssi_tui.cli.settings import config_command, target_command

    cli.add_command(import_command)
    cli.add_command(copy_command)
    cli.add_command(target_command)
    cli.add_command(config_command)


_register_settings_commands()


def _register_model_commands() -> None:
    from ssi_tui.cli.model_commands import model_command

    cli.add_command(model_command)


_register_model_commands()


def _register_reps_commands() -> None:
    from ssi_tui.cli.reps_commands import reps_command

    cli.add_command(reps_command)


_register_reps_commands()


def _register_history_commands() -> None:
    from ssi_tui.cli.history_commands import history_command, undo_command

    cli.add_command(history_command)
    cli.add_command(undo_command)


_register_history_commands()


def _register_entry_commands() -> None:
    from ssi_tui.cli.entry_commands import add_command

    cli.add_command(add_command)


_register_entry_commands()


def _register_paste_command() -> None:
    from ssi_tui.cli.paste_command import paste_command

    cli.add_command(paste_command)


_register_paste_command()


def _register_roles_command() -> None:
    from ssi_tui.cli.roles_commands import roles_command

    cli.add_command(roles_command)


_register_roles_command()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="ssi-tui")
