"""The DATABASE argument of the commands: a DuckDB file's path, or a PostgreSQL URL (issue #24).

A URL stays the text it is (a Path would fold its `//`); messages show it without a password.
Commands whose only positional argument is DATABASE take SSI_TUI_DATABASE when it is left out.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ssi_tui import store
from ssi_tui.store.postgres_sql import is_server_url


class DatabaseArgument(click.ParamType):
    """A path to a DuckDB file (never a folder), or a `postgresql://` / `postgres://` URL."""

    name = "database"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> str | Path:
        if isinstance(value, Path) or is_server_url(value):
            return value  # type: ignore[return-value]
        path = click.Path(dir_okay=False, path_type=Path).convert(value, param, ctx)
        return path  # type: ignore[no-any-return]


DATABASE = DatabaseArgument()

ENV_VAR = "SSI_TUI_DATABASE"
"""The history a command uses when its DATABASE is left out (a file's path or a URL)."""


def database_or_env() -> Callable[[Any], Any]:
    """The DATABASE argument, SSI_TUI_DATABASE when it is left out: only for commands that take
    no other positional argument (elsewhere a left-out DATABASE would take the next one's place).
    """
    return click.argument("database", type=DATABASE, envvar=ENV_VAR)


def named(database: str | Path) -> str:
    """DATABASE as messages name it: a URL without its password."""
    return store.shown(database)
