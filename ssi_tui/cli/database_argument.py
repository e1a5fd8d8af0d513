"""The DATABASE argument of the commands: a DuckDB file's path, or a PostgreSQL URL (issue #24).

A URL stays the text it is (a Path would fold its `//`); messages show it without a password.
"""

from __future__ import annotations

from pathlib import Path

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


def named(database: str | Path) -> str:
    """DATABASE as messages name it: a URL without its password."""
    return store.shown(database)
