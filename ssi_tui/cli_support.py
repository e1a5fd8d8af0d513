"""What every `ssi-tui` command shares: clean errors, terminal-safe text, date options."""

from __future__ import annotations

import datetime as dt
import sys
from typing import NoReturn

import click

EXIT_INVALID = 1
"""Exit code for invalid input or an unusable file (click itself uses 2 for usage errors)."""


def plain(text: str) -> str:
    """TEXT safe for a terminal: control and escape characters from data shown, never run.

    Messages quote file names, headers and cells; an `ESC]0;...` or `ESC[2J` in an export must
    not retitle or clear the user's terminal. Line breaks between messages are kept.
    """
    from ssi_tui.text import printable

    return "\n".join(printable(line) for line in text.split("\n"))


def fail(message: str) -> NoReturn:
    click.echo(f"Error: {plain(message)}", err=True)
    sys.exit(EXIT_INVALID)


def iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None
