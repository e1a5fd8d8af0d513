"""Connecting to a PostgreSQL server, and what to tell the user when that fails (issue #24).

Every message names the database by its URL without a password (postgres_sql.shown), and never
repeats one the server or libpq may have quoted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ssi_tui import resources
from ssi_tui.errors import DatabaseError
from ssi_tui.store.postgres_refusal import hidden_duplicate, refusal
from ssi_tui.store.postgres_sql import shown

if TYPE_CHECKING:
    import psycopg

CONNECT_TIMEOUT_SECONDS = 10
"""How long to wait for a server that does not answer before saying so."""


def _number_loader() -> type:
    """A loader of NUMERIC (what PostgreSQL's sum() of integers gives) as int, or float when it
    has decimals: the values DuckDB's queries give, where Decimal would surprise the layers
    above."""
    from psycopg.adapt import Loader

    class NumberLoader(Loader):
        def load(self, data: bytes | bytearray | memoryview) -> int | float:
            text = bytes(data)
            try:
                return int(text)
            except ValueError:
                return float(text)

    return NumberLoader


@contextmanager
def connected(url: str, *, timeout: int = CONNECT_TIMEOUT_SECONDS) -> Iterator[psycopg.Connection]:
    """An autocommit connection to URL (a statement outside `transaction()` commits alone),
    closed after the block; failing to connect, or losing the connection, a DatabaseError."""
    try:
        import psycopg
    except ImportError:
        raise DatabaseError(
            f"{shown(url)}: a PostgreSQL history needs psycopg: pip install 'ssi-tui[postgres]'"
        ) from None
    try:
        conn = psycopg.connect(
            url, autocommit=True, connect_timeout=timeout, application_name="ssi-tui"
        )
    except psycopg.Error as error:
        raise connection_error(url, error) from None
    try:
        conn.adapters.register_loader("numeric", _number_loader())
        conn.execute(resources.query_for("session_settings", "postgres"))  # type: ignore[arg-type]
        yield conn
    except psycopg.errors.InsufficientPrivilege as error:
        raise refusal(conn, url, _first_line(url, error)) from None
    except psycopg.errors.UniqueViolation:
        hidden = hidden_duplicate(conn, url)
        if hidden is None:
            raise
        raise hidden from None
    except psycopg.OperationalError as error:
        if not conn.closed and not conn.broken:  # a timeout, a deadlock, a full disk...
            raise DatabaseError(
                f"{shown(url)}: the server stopped the statement ({_first_line(url, error)});"
                " nothing of it was written."
            ) from None
        raise DatabaseError(
            f"{shown(url)}: lost the connection to the server ({_first_line(url, error)})."
        ) from None
    except psycopg.ProgrammingError:  # a statement of ours the server cannot run: a bug to see
        raise
    except psycopg.Error as error:  # the server's own refusal, say a read-only replica's
        raise DatabaseError(
            f"{shown(url)}: the server refused the statement ({_first_line(url, error)});"
            " nothing of it was written."
        ) from None
    finally:
        conn.close()


def connection_error(url: str, error: Exception) -> DatabaseError:
    """One line saying why URL could not be opened, and what to do about it."""
    detail = _first_line(url, error)
    text = detail.lower()
    where = shown(url)
    if "does not exist" in text and "database" in text:
        return DatabaseError(
            f"{where}: no such database on the server ({detail}); its administrator creates it"
            " (createdb NAME)."
        )
    if "password" in text or "authentication" in text or "role" in text:
        return DatabaseError(
            f"{where}: the server refused the login ({detail}); give the password the libpq"
            " way (~/.pgpass or PGPASSWORD), never in the URL you type."
        )
    if "connection refused" in text or "no such file" in text or "timeout" in text:
        return DatabaseError(
            f"{where}: cannot reach the PostgreSQL server; is it running? ({detail})"
        )
    if "could not translate host name" in text or "failed to resolve host" in text:
        return DatabaseError(f"{where}: no such server ({detail}).")
    return DatabaseError(f"{where}: cannot open the database ({detail}).")


def _first_line(url: str, error: Exception) -> str:
    """What psycopg said, on one line (for a failed connection, only why: the URL is shown
    already), with any password from URL taken out."""
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    detail = lines[0] if lines else type(error).__name__
    if detail.startswith("connection failed:") and " failed: " in detail[len("connection") :]:
        detail = detail.rsplit(" failed: ", 1)[1]
    detail = " ".join(detail.split())
    for secret in _passwords(url):
        detail = detail.replace(secret, "***")
    return detail


def _passwords(url: str) -> list[str]:
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    try:
        password = conninfo_to_dict(url).get("password")
    except psycopg.Error:  # a URL libpq cannot parse: it never connected, and says so
        return []
    return [str(password)] if password else []
