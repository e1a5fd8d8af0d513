"""The PostgreSQL backend of the store interface: a history shared on a server (issue #24).

A history is the tables of queries/postgres/schema.sql in a database the URL names
(`postgresql://user@host/db`; credentials the libpq way: .pgpass, PGPASSWORD, service files).
psycopg is imported only by the functions that connect, like DuckDB: installed with the
`postgres` extra. Queries are the shared files or their spellings in queries/postgres/, with
psycopg's placeholders (postgres_sql.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ssi_tui import resources
from ssi_tui.errors import DatabaseError
from ssi_tui.store import (
    database,
    postgres_build,
    postgres_connect,
    postgres_load,
    postgres_sql,
)
from ssi_tui.store.interface import Backend, ChangeStamp, Params, Store

if TYPE_CHECKING:
    import psycopg

_HINT = "Create one with `ssi-tui import URL FILE...`."


class PostgresStore(Store):
    """One connection to a history on a PostgreSQL server."""

    dialect = "postgres"

    def __init__(
        self, conn: psycopg.Connection, url: str, *, writes: bool = False, wait: float = 0
    ) -> None:
        self._conn = conn
        self._url = url
        self._writes = writes  # its transactions take the write lock, waiting up to WAIT
        self._wait = wait

    def _execute(self, name: str, params: Params) -> psycopg.Cursor[Any]:
        """Run NAME's statements one by one (postgres_sql.statement); the last one's cursor."""
        cursor = None
        taken = 0
        shares = postgres_sql.positional_counts(resources.query_for(name, self.dialect))
        for index, positional in enumerate(shares):
            if params is None:  # sent as it is: no placeholders to bind, and `%` is only `%`
                cursor = self._conn.execute(
                    postgres_sql.statement(resources.query_for(name, self.dialect), index)  # type: ignore[arg-type]
                )
                continue
            bound = params if isinstance(params, dict) else params[taken : taken + positional]
            taken += positional
            cursor = self._conn.execute(
                postgres_sql.pyformat(
                    postgres_sql.statement(resources.query_for(name, self.dialect), index)
                ),  # type: ignore[arg-type]
                bound,
            )
        assert cursor is not None, f"{name}.sql holds no statement"
        return cursor

    def run(self, name: str, params: Params = None) -> None:
        self._execute(name, params)

    def run_naming(self, name: str, **names: str) -> None:
        """Run NAME, a statement naming roles or tables: each `{key}` in it filled in with
        NAMES[key] as a quoted identifier (psycopg's sql.Identifier), never as SQL text."""
        from psycopg import sql

        self._conn.execute(
            sql.SQL(resources.query_for(name, self.dialect)).format(  # type: ignore[arg-type]
                **{key: sql.Identifier(value) for key, value in names.items()}
            )
        )

    def rows(self, name: str, params: Params = None) -> list[tuple[Any, ...]]:
        cursor = self._execute(name, params)
        return cursor.fetchall() if cursor.description is not None else []

    def records(self, name: str, params: Params = None) -> list[dict[str, Any]]:
        cursor = self._execute(name, params)
        columns = [d.name for d in cursor.description or ()]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A transaction, or within one a savepoint: a block inside another is undone alone.

        A writer's transaction first takes the history's write lock, waiting up to its WAIT:
        one writer at a time, whichever machine it runs on; after that, "busy".
        """
        from psycopg import errors, pq

        outermost = self._conn.info.transaction_status == pq.TransactionStatus.IDLE
        try:
            with self._conn.transaction():
                if outermost and self._writes:
                    self.run("write_lock_wait", {"wait": f"{max(1, round(self._wait * 1000))}ms"})
                    self.run("write_lock")
                yield
        except errors.LockNotAvailable:
            raise DatabaseError(
                f"{postgres_sql.shown(self._url)}: database is busy (another ssi-tui client is"
                " writing to it); try again in a moment."
            ) from None

    def bound_memory(self, input_bytes: int) -> None:
        """Room for the import's sorts of its batch in the server's memory (postgres_load)."""
        self.run("import_work_mem", {"work_mem": postgres_load.work_mem_for(input_bytes)})

    @contextmanager
    def load(self, table: str, frame: object) -> Iterator[None]:
        """FRAME copied into the temp table TABLE, dropped after the block."""
        postgres_load.load_frame(self._conn, table, frame)
        try:
            yield
        finally:
            postgres_load.drop_frame(self._conn, table)

    def schema_version(self) -> int | None:
        if not self.first_row("meta_present")[0]:  # type: ignore[index]
            return None
        meta = dict(self.rows("meta_identity"))
        if meta.get("app") != database.APP_ID or "schema_version" not in meta:
            return None
        return int(meta["schema_version"])

    def change_stamp(self) -> ChangeStamp | None:
        if self.schema_version() is None:
            return None
        found = self.first_row("meta_changes")
        return (int(found[0]),) if found else None


class PostgresBackend(Backend):
    """A history in a PostgreSQL database, named by its URL."""

    @contextmanager
    def open_read(
        self,
        location: str | Path,
        *,
        wait: float = database.BUSY_WAIT_SECONDS,
        allow_older: bool = False,
    ) -> Iterator[Store]:
        url = str(location)
        with postgres_connect.connected(url) as conn:
            history = PostgresStore(conn, url)
            version = _existing_version(history, url)
            if version < database.SCHEMA_VERSION and not allow_older:
                raise DatabaseError(
                    f"{postgres_sql.shown(url)}: made by an older ssi-tui (schema version"
                    f" {version}); run `ssi-tui upgrade URL` to bring it up to date."
                )
            history.run("session_read_only")
            yield history

    @contextmanager
    def open_write(
        self,
        location: str | Path,
        *,
        create: bool = True,
        wait: float = database.BUSY_WAIT_SECONDS,
    ) -> Iterator[Store]:
        url = str(location)
        with postgres_connect.connected(url) as conn:
            history = PostgresStore(conn, url, writes=True, wait=wait)
            with history.transaction():
                _migrate(history, url, create=create)
            yield history

    @contextmanager
    def create_whole(self, location: str | Path) -> Iterator[Store]:
        """The schema and everything the block writes in ONE transaction: whole or not at all.

        The block writes a new local history, whose every row is then sent into the server's
        new one: a first import's million rows go by COPY rather than through the server's own
        windows over its batch (postgres_build.py).
        """
        url = str(location)
        with postgres_connect.connected(url) as conn:
            history = PostgresStore(conn, url, writes=True, wait=database.BUSY_WAIT_SECONDS)
            with history.transaction():
                history.run("schema_lock")
                if history.schema_version() is not None:
                    raise DatabaseError(
                        f"{postgres_sql.shown(url)}: another import created this history"
                        " meanwhile; import again."
                    )
                _migrate(history, url, create=True, indexes=False)
                # Written as into a new file, then sent whole (postgres_build.py).
                with postgres_build.built_locally(conn, history, url) as built:
                    yield built

    @contextmanager
    def open_scratch(self, location: str | Path, *, allow_older: bool = True) -> Iterator[Store]:
        """Everything in ONE transaction, always rolled back: temp tables work, nothing is
        written (the current schema made inside it when there is no history yet)."""
        import psycopg

        url = str(location)
        with postgres_connect.connected(url) as conn, conn.transaction() as everything:
            history = PostgresStore(conn, url)
            if history.schema_version() is None:
                _migrate(history, url, create=True)
            else:
                _check_version(url, _existing_version(history, url))
            yield history
            raise psycopg.Rollback(everything)

    def change_stamp(self, location: str | Path) -> ChangeStamp | None:
        """The history's change counter, or None when it cannot be read (no history, no
        server)."""
        url = str(location)
        try:
            with postgres_connect.connected(url, timeout=5) as conn:
                return PostgresStore(conn, url).change_stamp()
        except DatabaseError:
            return None


def _existing_version(history: PostgresStore, url: str) -> int:
    """The history's schema version; refused when there is none or it is too new."""
    version = history.schema_version()
    if version is None:
        if history.first_row("user_tables") != (0,):
            raise DatabaseError(f"{postgres_sql.shown(url)}: not an ssi-tui database. {_HINT}")
        raise DatabaseError(
            f"{postgres_sql.shown(url)}: no such database (no ssi-tui history in it yet). {_HINT}"
        )
    _check_version(url, version)
    return version


def _check_version(url: str, version: int) -> None:
    if version > database.SCHEMA_VERSION:
        raise DatabaseError(
            f"{postgres_sql.shown(url)}: written by a newer ssi-tui (schema version {version},"
            f" this one knows {database.SCHEMA_VERSION}). Upgrade ssi-tui to open it."
        )


def _migrate(history: PostgresStore, url: str, *, create: bool, indexes: bool = True) -> None:
    """Bring the schema up to SCHEMA_VERSION inside the caller's transaction, one client at a
    time: a database without a history gets the latest schema in one step (CREATE), one with
    other tables is refused."""
    history.run("schema_lock")
    version = history.schema_version()
    if version is None:
        if history.first_row("user_tables") != (0,):
            raise DatabaseError(f"{postgres_sql.shown(url)}: not an ssi-tui database. {_HINT}")
        if not create:
            raise DatabaseError(
                f"{postgres_sql.shown(url)}: no such database (no ssi-tui history in it yet)."
                f" {_HINT}"
            )
        history.run("schema")
        if indexes:  # else made once the caller's first rows are in (postgres_build.py)
            history.run("schema_indexes")
        history.run("meta_set", ["app", database.APP_ID])
        history.run("meta_set", ["schema_version", str(database.SCHEMA_VERSION)])
        return
    _check_version(url, version)
    for number in range(version, database.SCHEMA_VERSION):
        history.run(f"migrations/{database.MIGRATIONS[number]}")
        history.run("meta_set", ["schema_version", str(number + 1)])
