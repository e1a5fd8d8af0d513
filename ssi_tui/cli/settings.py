"""`ssi-tui target` and `ssi-tui config`: the settings a manager changes now and then."""

from __future__ import annotations

from pathlib import Path

import click

from ssi_tui.cli.database_argument import DATABASE, named
from ssi_tui.cli.support import fail
from ssi_tui.errors import SsiError


@click.command("target")
@click.argument("database", type=DATABASE)
@click.argument("value", required=False, type=click.FloatRange(0, 100, min_open=True))
@click.option("--team", metavar="NAME", help="Set the target of this team.")
@click.option("--rep", metavar="NAME_OR_ID", help="Set the target of this rep.")
@click.option(
    "--default",
    "default",
    is_flag=True,
    help="Set the default target of everyone without their own or their team's.",
)
@click.option("--clear", is_flag=True, help="Remove the team's, rep's or default target.")
def target_command(
    database: str | Path,
    value: float | None,
    team: str | None,
    rep: str | None,
    default: bool,
    clear: bool,
) -> None:
    """Set, clear or list SSI targets: a rep's own beats their team's, which beats the default.

    The default is stored in DATABASE, so every manager opening it sees the same; without
    one, the config file's [targets] default applies.

    \b
    ssi-tui target team.duckdb --team Enterprise 75
    ssi-tui target team.duckdb --rep "Ann Lee" 80
    ssi-tui target team.duckdb --default 65
    ssi-tui target team.duckdb --clear --rep ann@acme.example
    ssi-tui target team.duckdb --clear --default
    ssi-tui target team.duckdb            (lists every stored target)
    """
    from ssi_tui.model.targets import set_target

    if sum(map(bool, (team, rep, default))) > 1:
        raise click.UsageError("give one of --team, --rep or --default.")
    if not team and not rep and not default:
        if value is not None or clear:
            raise click.UsageError("say whose target: --team NAME, --rep NAME_OR_ID or --default.")
        _list_targets(database)
        return
    if clear == (value is not None):
        raise click.UsageError("give a VALUE to set, or --clear to remove (not both).")
    scope = "team" if team else "rep" if rep else "default"
    try:
        stored_target = set_target(database, scope, team or rep or "", None if clear else value)
    except SsiError as error:
        fail(str(error))
    if scope == "default":
        if clear:
            fallback = _config_target()
            click.echo(
                f"Cleared the default target of {named(database)}:"
                f" the config's {fallback:g} applies."
            )
        else:
            click.echo(f"Default target of {named(database)}: {value:g}.")
    elif clear:
        click.echo(f"Cleared the {scope} target of {stored_target.label}.")
    else:
        click.echo(f"Target of {scope} {stored_target.label}: {value:g}.")


def _config_target() -> float:
    """The config file's default target (its own default when there is no file)."""
    from ssi_tui.config import load_config

    try:
        return float(load_config().target)
    except SsiError as error:
        fail(str(error))


def _list_targets(database: str | Path) -> None:
    """Every stored target, and the default that applies to everyone else (and where from)."""
    from ssi_tui.model.targets import default_target, list_targets

    try:
        stored = list_targets(database)
        own_default = default_target(database)
    except SsiError as error:
        fail(str(error))
    if own_default is None:
        click.echo(
            f"default {_config_target():g} (the config file's; none stored in {named(database)})"
        )
    else:
        click.echo(f"default {own_default:g} (stored in {named(database)})")
    if not stored:
        click.echo("No team or rep targets stored; the default target applies to everyone.")
    for t in stored:
        click.echo(f"{t.scope:<5} {click.style(t.label, bold=True)}  {t.target:g}")


@click.command("config")
@click.option("--path", "show_path", is_flag=True, help="Print where the config file lives.")
@click.option("--init", is_flag=True, help="Write a commented default config file.")
@click.option("--force", is_flag=True, help="With --init: overwrite an existing file.")
def config_command(show_path: bool, init: bool, force: bool) -> None:
    """Show or create the config file (band thresholds, target, rotation, theme, privacy)."""
    from ssi_tui.config import as_toml, config_path, load_config, write_default

    if init:
        try:
            written = write_default(force=force)
        except SsiError as error:
            fail(str(error))
        click.echo(f"Wrote {written}")
        return
    if show_path:
        click.echo(str(config_path()))
        return
    try:
        config = load_config()
    except SsiError as error:
        fail(str(error))
    click.echo(
        f"# {config.path or config_path()} ({'found' if config.path else 'not found: defaults'})"
    )
    click.echo(as_toml(config), nl=False)
