"""What every `ssi-tui` command shares: clean errors, terminal-safe text, date options."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    import click

# click is imported where it is used: `ssi-tui DB` opens the app without it (see entry.py).

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
    import click

    click.echo(f"Error: {plain(message)}", err=True)
    sys.exit(EXIT_INVALID)


def iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    import click

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None
