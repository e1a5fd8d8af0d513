"""The DuckDB backend of the store interface: a local file (database.py opens and migrates it).

DuckDB itself is imported only by the functions that open a file, never at import time: a warm
start shows its first frame without it (see boards/board_cache.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ssi_tui import resources
from ssi_tui.store import database
from ssi_tui.store.interface import Backend, Capability, Params, StagedCsv, Store

if TYPE_CHECKING:
    import duckdb

FileStamp = tuple[int, int, int, int]
"""Size and modification time (ns) of the database file, then of its write-ahead log."""


def file_stamp(path: Path) -> FileStamp | None:
    """What changes when anyone writes the file (checkpointed or not); None if it is gone."""
    try:
        main = path.stat()
    except OSError:
        return None
    try:
        wal = path.with_name(path.name + ".wal").stat()
        wal_stamp = (wal.st_size, wal.st_mtime_ns)
    except OSError:
        wal_stamp = (0, 0)
    return (main.st_size, main.st_mtime_ns, *wal_stamp)


class DuckDBStore(Store):
    """One DuckDB connection to a file (or, for a dry run, to an empty in-memory history)."""

    dialect = "duckdb"

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: Path | None) -> None:
        self._conn = conn
        self._path = path

    def _execute(self, name: str, params: Params) -> duckdb.DuckDBPyConnection:
        return self._conn.execute(resources.query_for(name, self.dialect), params)

    def run(self, name: str, params: Params = None) -> None:
        self._execute(name, params)

    def rows(self, name: str, params: Params = None) -> list[tuple[Any, ...]]:
        return self._execute(name, params).fetchall()

    def records(self, name: str, params: Params = None) -> list[dict[str, Any]]:
        cursor = self._execute(name, params)
        columns = [d[0] for d in cursor.description or ()]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._conn.begin()
        try:
            yield
        except BaseException:
            self._conn.rollback()
            raise
        self._conn.commit()

    @contextmanager
    def load(self, table: str, frame: object) -> Iterator[None]:
        """A view over FRAME's Arrow stream: nothing is copied until a query reads it."""
        self._conn.register(table, frame)
        try:
            yield
        finally:
            self._conn.unregister(table)

    def schema_version(self) -> int | None:
        return database.schema_version(self._conn)

    def change_stamp(self) -> FileStamp | None:
        return file_stamp(self._path) if self._path is not None else None

    def supports(self, capability: Capability) -> bool:
        return capability is Capability.CSV_FAST_PATH

    def bound_memory(self, input_bytes: int) -> None:
        database.bound_memory(self._conn, input_bytes)

    def stage_csv(self, files: StagedCsv, checks: dict[str, float]) -> bool:
        """DuckDB reads FILES in parallel into `incoming`, then may read no other file, ever.

        Give it a connection of its own (the import's), stage once, and close it after.
        """
        import duckdb

        try:
            # DuckDB may now read these files and no other (and never a URL): the connection
            # stays as confined as the rest of the app, whose SQL never leaves its database.
            self.run("canonical_allow", {"paths": [str(p) for _, p, _ in files]})
            self.run("canonical_settings")
            self.run("canonical_incoming")
            for file_index, path, columns in files:
                self.run(
                    "canonical_stage",
                    {"file_index": file_index, "path": str(path), "columns": columns},
                )
            failed = self.rows("canonical_check", checks)
        except duckdb.OutOfMemoryException:
            raise  # not the file's fault: the Polars path would need more memory still
        except duckdb.Error:
            return False
        return failed[0][0] == 0


class DuckDBBackend(Backend):
    """A history in a local DuckDB file."""

    @contextmanager
    def open_read(
        self,
        location: str | Path,
        *,
        wait: float = database.BUSY_WAIT_SECONDS,
        allow_older: bool = False,
    ) -> Iterator[Store]:
        with database.open_read(location, wait=wait, allow_older=allow_older) as conn:
            yield DuckDBStore(conn, Path(location))

    @contextmanager
    def open_write(
        self,
        location: str | Path,
        *,
        create: bool = True,
        wait: float = database.BUSY_WAIT_SECONDS,
    ) -> Iterator[Store]:
        with database.open_write(location, create=create, wait=wait) as conn:
            yield DuckDBStore(conn, Path(location))

    @contextmanager
    def create_whole(self, location: str | Path) -> Iterator[Store]:
        with database.create_whole(location) as conn:
            yield DuckDBStore(conn, None)  # its stamp is the finished file's, once moved

    @contextmanager
    def open_scratch(self, location: str | Path, *, allow_older: bool = True) -> Iterator[Store]:
        with database.open_scratch(location, allow_older=allow_older) as conn:
            yield DuckDBStore(conn, Path(location) if Path(location).exists() else None)

    def change_stamp(self, location: str | Path) -> FileStamp | None:
        return file_stamp(Path(location))
