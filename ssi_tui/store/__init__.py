"""The store: the one door to the history for every layer above (see interface.py).

`open_read(location)` and its siblings pick the backend for LOCATION: a DuckDB file
(duckdb_store.py), or a PostgreSQL database named by its URL (postgres_store.py, issue #24),
with its own schema and its spellings in queries/postgres/.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from ssi_tui.store import database, postgres_sql
from ssi_tui.store.database import BUSY_WAIT_SECONDS
from ssi_tui.store.duckdb_store import DuckDBBackend
from ssi_tui.store.interface import Backend, Capability, ChangeStamp, Store
from ssi_tui.store.postgres_sql import is_server_url
from ssi_tui.store.postgres_store import PostgresBackend

__all__ = [
    "BUSY_WAIT_SECONDS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Backend",
    "Capability",
    "ChangeStamp",
    "Store",
    "backend_for",
    "change_stamp",
    "create_whole",
    "exists",
    "location",
    "open_read",
    "open_scratch",
    "open_write",
    "shown",
]

_DUCKDB = DuckDBBackend()
_POSTGRES = PostgresBackend()


def __getattr__(name: str) -> object:
    """MIGRATIONS and SCHEMA_VERSION: the schema's history, as database.py has it now."""
    if name in ("MIGRATIONS", "SCHEMA_VERSION"):
        return getattr(database, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def backend_for(location: str | Path) -> Backend:
    """The backend that holds the history at LOCATION: a `postgresql://` (or `postgres://`) URL
    PostgreSQL, anything else a DuckDB file."""
    return _POSTGRES if is_server_url(location) else _DUCKDB


def open_read(
    location: str | Path, *, wait: float = BUSY_WAIT_SECONDS, allow_older: bool = False
) -> AbstractContextManager[Store]:
    """Read-only, for the length of the block (see Backend.open_read)."""
    return backend_for(location).open_read(location, wait=wait, allow_older=allow_older)


def open_write(
    location: str | Path, *, create: bool = True, wait: float = BUSY_WAIT_SECONDS
) -> AbstractContextManager[Store]:
    """Read-write, created and migrated as needed (see Backend.open_write)."""
    return backend_for(location).open_write(location, create=create, wait=wait)


def create_whole(location: str | Path) -> AbstractContextManager[Store]:
    """A new history, whole or not at all (see Backend.create_whole)."""
    return backend_for(location).create_whole(location)


def open_scratch(
    location: str | Path, *, allow_older: bool = True
) -> AbstractContextManager[Store]:
    """For a dry run, writing nothing (see Backend.open_scratch)."""
    return backend_for(location).open_scratch(location, allow_older=allow_older)


def change_stamp(location: str | Path) -> ChangeStamp | None:
    """Changes when anyone writes the history at LOCATION; None when it is gone."""
    return backend_for(location).change_stamp(location)


def location(value: str | Path) -> str | Path:
    """Where a history is, as the user gave it: a server's URL as it is, else a file's Path."""
    return value if is_server_url(value) else Path(value)


def exists(location: str | Path) -> bool:
    """Whether there is a history (or, for a file, anything) at LOCATION to open, not create."""
    return change_stamp(location) is not None


def shown(location: str | Path) -> str:
    """LOCATION as messages name it: a URL without its password."""
    return postgres_sql.shown(location) if is_server_url(location) else str(location)
