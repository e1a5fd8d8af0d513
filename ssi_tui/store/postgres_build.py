"""A new history on a server, built in a local DuckDB file and sent whole (issue #24).

A history's first import writes every row it holds: into a new server history, it is written
as it would be into a new file (DuckDB, the reference of every query; its CSV fast path
included), in a temporary folder, and each table is then sent by COPY in the transaction that
created the server's schema: the same rows, in about half the time the server's own windows
and sorts over the batch took (docs/performance.md, *PostgreSQL*); whole or not at all.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ssi_tui import resources
from ssi_tui.errors import DatabaseError
from ssi_tui.store import database, postgres_load, postgres_sql
from ssi_tui.store.duckdb_store import DuckDBStore
from ssi_tui.store.interface import Store

if TYPE_CHECKING:
    import duckdb
    import psycopg


@contextmanager
def built_locally(conn: psycopg.Connection, history: Store, url: str) -> Iterator[Store]:
    """A new local history for the block to write; then its every row into HISTORY (the empty
    history CONN has just created, inside the transaction still open on it)."""
    with tempfile.TemporaryDirectory(prefix="ssi-tui-new-history-") as folder:
        local = Path(folder) / "history.duckdb"
        try:
            with database.open_write(local) as built:
                yield DuckDBStore(built, None)
                send(built, conn, history)
        except DatabaseError as error:  # named by the server's URL, never the folder's file
            if str(local) not in str(error):
                raise
            raise DatabaseError(str(error).replace(str(local), postgres_sql.shown(url))) from None


def send(built: duckdb.DuckDBPyConnection, conn: psycopg.Connection, history: Store) -> None:
    """Every table of the local history BUILT into the same empty tables of HISTORY (on CONN),
    then their indexes, the settings it keeps, and the id sequences going on after the ids
    sent."""
    for (table,) in built.execute(resources.query("build_tables")).fetchall():
        name = f"history_copy/read_{table}"  # every row of the table, as it is
        postgres_load.send_rows(conn, str(table), built.execute(resources.query(name)))
    history.run("schema_indexes")
    for key, value in built.execute(resources.query("build_settings")).fetchall():
        history.run("meta_set", [key, value])
    last_import, last_change = history.first_row("history_copy/max_ids")  # type: ignore[misc]
    history.run("history_copy/advance_import_ids", {"last": last_import})
    history.run("history_copy/advance_change_ids", {"last": last_change})
