"""`ssi-tui model explain` and `ssi-tui model calibrate`: the do-it-yourself SSI's commands.

Only click is imported up front (the main CLI loads this module on every start); the
estimate package and Rich are imported inside the commands.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from ssi_tui.cli.database_argument import DATABASE, database_or_env, named
from ssi_tui.cli.support import fail
from ssi_tui.errors import SsiError


def _excluded() -> tuple[str, ...]:
    """The config's opt-out list: those reps are neither explained nor calibrated on."""
    from ssi_tui.config import load_config

    try:
        return load_config().exclude
    except SsiError as error:
        fail(str(error))
    return ()


def _console() -> Any:
    from rich.console import Console

    console = Console()
    # Piped or redirected: print the natural width rather than squeezing into 80 columns.
    return console if console.is_terminal else Console(width=200)


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


@click.group("model")
def model_command() -> None:
    """The estimated SSI's model: explain an estimate, or fit the weights to official scores.

    \b
    ssi-tui model explain team.duckdb "Ann Lee"
    ssi-tui model calibrate team.duckdb --out my_model.toml
    ssi-tui import team.duckdb activity/ --model my_model.toml
    """


@model_command.command("explain")
@click.argument("database", type=DATABASE)
@click.argument("rep")
@click.option(
    "--date",
    callback=_iso_date,
    metavar="YYYY-MM-DD",
    help="Date of the estimate (default: the rep's latest activity date).",
)
def explain_command(database: Path | str, rep: str, date: dt.date | None) -> None:
    """Show how REP's estimated SSI was reached: each pillar's points, term by term.

    DATABASE: a DuckDB file, or a PostgreSQL URL (postgresql://user@host/db). REP is a rep_id
    or a name. For each term: its value, cap, scale, weight and the points it earned; the
    points add up to the pillar, the pillars to the estimated SSI.
    """
    from ssi_tui.estimate.explain import load_explanation
    from ssi_tui.ui.estimate_render import explanation_renderable

    try:
        explanation = load_explanation(database, rep, date=date, exclude=_excluded())
    except SsiError as error:
        fail(str(error))
    _console().print(explanation_renderable(explanation))


def _source_name(database: Path | str) -> str:
    """What the fitted model's header says it was fitted from: a file's name, a URL without
    its password."""
    return database.name if isinstance(database, Path) else named(database)


def _mae(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


@model_command.command("calibrate")
@database_or_env()
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Model file to write (TOML).",
)
@click.option(
    "--model",
    "model_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Model to start from: its terms, caps and scales are kept (default: the shipped one).",
)
@click.option(
    "--holdout",
    metavar="SHARE",
    type=click.FloatRange(0, 0.9),
    default=0.25,
    show_default=True,
    help="Share of the latest weeks kept out of the fit, to measure it on.",
)
def calibrate_command(
    database: Path | str, out: Path, model_path: Path | None, holdout: float
) -> None:
    """Fit the model's weights to the official scores of reps with activity metrics too.

    Per pillar, base and weights are fitted by non-negative least squares on the earlier
    weeks; the mean absolute error before and after is reported on those and on the held-out
    latest weeks. Then import activity exports with `--model OUT` to use the fitted model.

    DATABASE: a DuckDB file, or a PostgreSQL URL (postgresql://user@host/db).
    """
    from rich.table import Table
    from rich.text import Text

    from ssi_tui.estimate.calibrate import calibrate, load_pairs, write_model
    from ssi_tui.estimate.model import load_model
    from ssi_tui.pillars import PILLARS_BY_KEY

    try:
        start = load_model(model_path)
        pairs = load_pairs(database, exclude=_excluded())
        result = calibrate(
            pairs, start, holdout=holdout, source=_source_name(database), origin=str(out)
        )
        write_model(result.model, out)
    except SsiError as error:
        fail(str(error))
    table = Table(title=Text("Mean absolute error, points"), title_justify="left")
    table.add_column("Pillar")
    table.add_column("Fitted")
    table.add_column("Rows (train / held out)", justify="right")
    table.add_column("Train before", justify="right")
    table.add_column("Train after", justify="right")
    table.add_column("Held out before", justify="right")
    table.add_column("Held out after", justify="right")
    for fit in result.pillars:
        e = fit.errors
        table.add_row(
            Text(PILLARS_BY_KEY[fit.key].short),
            "yes" if fit.fitted else "no (too few rows)",
            f"{e.train_rows} / {e.heldout_rows}",
            _mae(e.before_train),
            _mae(e.after_train),
            _mae(e.before_heldout),
            _mae(e.after_heldout),
        )
    t = result.total
    table.add_row(
        Text("SSI total", style="bold"),
        "",
        f"{t.train_rows} / {t.heldout_rows}",
        _mae(t.before_train),
        _mae(t.after_train),
        _mae(t.before_heldout),
        _mae(t.after_heldout),
    )
    console = _console()
    console.print(
        Text(
            f"{result.pairs} rep-dates with official scores and activity metrics;"
            f" {len(result.train_weeks)} weeks fitted, {len(result.heldout_weeks)} held out."
        )
    )
    console.print(table)
    console.print(Text(f"Wrote {out}. Use it with: ssi-tui import DB FILES --model {out}"))
