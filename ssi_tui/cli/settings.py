"""`ssi-tui target` and `ssi-tui config`: the settings a manager changes now and then."""

from __future__ import annotations

from pathlib import Path

import click

from ssi_tui.cli.support import fail
from ssi_tui.errors import SsiError


@click.command("target")
@click.argument("database", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("value", required=False, type=click.FloatRange(0, 100, min_open=True))
@click.option("--team", metavar="NAME", help="Set the target of this team.")
@click.option("--rep", metavar="NAME_OR_ID", help="Set the target of this rep.")
@click.option("--clear", is_flag=True, help="Remove the team's or rep's own target.")
def target_command(
    database: Path, value: float | None, team: str | None, rep: str | None, clear: bool
) -> None:
    """Set, clear or list SSI targets: a rep's own beats their team's, which beats the default.

    \b
    ssi-tui target team.duckdb --team Enterprise 75
    ssi-tui target team.duckdb --rep "Ann Lee" 80
    ssi-tui target team.duckdb --clear --rep ann@acme.example
    ssi-tui target team.duckdb            (lists every stored target)
    """
    from ssi_tui.model.targets import list_targets, set_target

    if team and rep:
        raise click.UsageError("give --team or --rep, not both.")
    if not team and not rep:
        if value is not None or clear:
            raise click.UsageError("say whose target: --team NAME or --rep NAME_OR_ID.")
        try:
            stored = list_targets(database)
        except SsiError as error:
            fail(str(error))
        if not stored:
            click.echo("No team or rep targets stored; the default target applies to everyone.")
        for t in stored:
            click.echo(f"{t.scope:<5} {click.style(t.label, bold=True)}  {t.target:g}")
        return
    if clear == (value is not None):
        raise click.UsageError("give a VALUE to set, or --clear to remove (not both).")
    scope = "team" if team else "rep"
    try:
        stored_target = set_target(database, scope, team or rep or "", None if clear else value)
    except SsiError as error:
        fail(str(error))
    if clear:
        click.echo(f"Cleared the {scope} target of {stored_target.label}.")
    else:
        click.echo(f"Target of {scope} {stored_target.label}: {value:g}.")


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
