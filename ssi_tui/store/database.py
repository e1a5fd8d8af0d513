"""The DuckDB file: opening it safely, its schema version and forward-only migrations.

Viewers open the file read-only and only for the length of one query batch, so that an
import in another process can take the write lock in between. Writers wait a bounded time
for that lock, then give up with a clear "busy" message.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ssi_tui import resources
from ssi_tui.errors import DatabaseError

if TYPE_CHECKING:
    import duckdb

# DuckDB is imported by the functions that open or query a file, not here: a warm start (see
# board_cache.py) shows its first frame without it (docs/performance.md).

APP_ID = "ssi-tui"
MIGRATIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_targets",
    "0003_activities",
    "0004_board_points",
    "0005_points_in_snapshots",
    "0006_rep_aliases",
    "0007_changes",
)
"""Each entry is queries/migrations/NAME.sql; schema version N = the first N applied."""
SCHEMA_VERSION = len(MIGRATIONS)
BUSY_WAIT_SECONDS = 10.0

_HINT = "Create one with `ssi-tui import DB FILE...`, or try `ssi-tui demo`."


def _is_lock_conflict(error: duckdb.Error) -> bool:
    """Whether opening failed only because someone else has the file open right now.

    Another process: `IO Error: Could not set lock on file "...": Conflicting lock is held in
    ... (PID n)` (as DuckDB 2.0 words it). This process (the app's board reading in one thread
    while its import dialog writes in another): `Connection Error: Can't open a connection to
    same database file with a different configuration than existing connections`.
    """
    text = str(error).lower()
    return ("lock" in text and ("conflict" in text or "could not set" in text)) or (
        "different configuration than existing connections" in text
    )


_MAGIC = b"DUCK"
_MAGIC_AT = 8
"""Where every DuckDB database file says what it is."""


def _refuse_other_files(path: Path) -> None:
    """Refuse a file that is not a DuckDB database before DuckDB opens it.

    DuckDB says so itself for most such files, but goes by the name of some: an export named
    `.csv` (say, the two arguments of `import` swapped) failed with "Cannot launch in-memory
    database in read-only mode". An empty or unreadable file is left to DuckDB's own checks.
    """
    try:
        with path.open("rb") as file:
            head = file.read(_MAGIC_AT + len(_MAGIC))
    except OSError:
        return
    if head and head[_MAGIC_AT:] != _MAGIC:
        raise DatabaseError(f"{path}: not a DuckDB database file. {_HINT}")


def _connect(path: Path, *, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    import duckdb

    _refuse_other_files(path)
    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            return _quiet(duckdb.connect(str(path), read_only=read_only))
        except (duckdb.IOException, duckdb.ConnectionException) as error:
            if _is_lock_conflict(error):
                if time.monotonic() < deadline:
                    time.sleep(delay)
                    delay = min(delay * 2, 0.5)
                    continue
                raise DatabaseError(
                    f"{path}: database is busy (another ssi-tui import is writing to it);"
                    " try again in a moment."
                ) from None
            if "not a valid duckdb database" in str(error).lower():
                raise DatabaseError(f"{path}: not a DuckDB database file. {_HINT}") from None
            raise DatabaseError(f"{path}: cannot open the database: {error}") from None
        except duckdb.Error as error:
            raise DatabaseError(f"{path}: cannot open the database: {error}") from None


def _quiet(conn: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """CONN, never drawing DuckDB's own progress bar (see connection_settings.sql)."""
    conn.execute(resources.query("connection_settings"))
    return conn


def _is_damage(error: duckdb.Error) -> bool:
    """Whether a query failed because the file cannot be read or written, not because of SQL.

    DuckDB opens a truncated or corrupted file without complaint and fails on the first block
    it reads: `IO Error: Could not read enough bytes...`, or a plain Error `Corrupt database
    file: computed checksum...`; a full disk fails a write with an IO Error too.
    """
    import duckdb

    return isinstance(error, duckdb.IOException | duckdb.InternalError | duckdb.FatalException) or (
        "corrupt" in str(error).lower()
    )


def _first_line(error: duckdb.Error) -> str:
    """What DuckDB said, without its paragraphs of advice."""
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _out_of_memory(path: Path, error: duckdb.Error) -> DatabaseError:
    """DuckDB could not fit the work in its memory, even spilling: the write was rolled back."""
    detail = _first_line(error)
    return DatabaseError(
        f"{path}: not enough memory to finish ({detail}); nothing was written."
        " Close other programs, or import the exports a few at a time."
    )


def _damaged(path: Path, error: duckdb.Error) -> DatabaseError:
    detail = _first_line(error)
    return DatabaseError(
        f"{path}: cannot use the database ({detail}); the file may be damaged or the disk full."
        " Restore it from a backup, or import the exports into a new file."
    )


def first_row(conn: duckdb.DuckDBPyConnection, name: str, params: object = None) -> tuple | None:
    """The first row of a named query, with the result fully consumed.

    DuckDB 2 refuses new work on a connection whose last result was only partly fetched, so
    single-row look-ups fetch everything (one row) rather than calling fetchone().
    """
    rows = conn.execute(resources.query(name), params).fetchall()
    return rows[0] if rows else None


def schema_version(conn: duckdb.DuckDBPyConnection) -> int | None:
    """The file's schema version, or None when it is not an ssi-tui database."""
    import duckdb

    try:
        meta = dict(conn.execute(resources.query("meta_identity")).fetchall())
    except duckdb.CatalogException:  # no ssi_meta table: some other DuckDB file, or a new one
        return None
    if meta.get("app") != APP_ID or "schema_version" not in meta:
        return None
    return int(meta["schema_version"])


def _check_version(path: Path, version: int | None) -> None:
    if version is None:
        raise DatabaseError(f"{path}: not an ssi-tui database. {_HINT}")
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path}: written by a newer ssi-tui (schema version {version}, this one knows"
            f" {SCHEMA_VERSION}). Upgrade ssi-tui to open it."
        )


@contextmanager
def open_read(
    path: str | Path, *, wait: float = BUSY_WAIT_SECONDS, allow_older: bool = False
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to an existing ssi-tui database, closed on exit.

    Never creates or modifies the file, whatever it turns out to be. An older schema is
    refused unless ALLOW_OLDER (the importer reads its log before migrating it).
    """
    import duckdb

    path = Path(path)
    if not path.is_file():
        raise DatabaseError(f"{path}: no such database. {_HINT}")
    conn = _connect(path, read_only=True, wait=wait)
    try:
        version = schema_version(conn)
        _check_version(path, version)
        if version is not None and version < SCHEMA_VERSION and not allow_older:
            raise DatabaseError(
                f"{path}: made by an older ssi-tui (schema version {version});"
                f" run `ssi-tui upgrade {path}` to bring it up to date."
            )
        yield conn
    except duckdb.Error as error:
        if not _is_damage(error):
            raise
        raise _damaged(path, error) from None
    finally:
        conn.close()


@contextmanager
def open_write(
    path: str | Path,
    *,
    create: bool = True,
    wait: float = BUSY_WAIT_SECONDS,
    shown_as: Path | None = None,
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection, creating and migrating the file as needed; closed on exit.

    SHOWN_AS names the database in errors raised inside the block (create_whole builds under
    a hidden name).
    """
    import duckdb

    path = Path(path)
    is_new = not path.exists()
    if is_new and not create:
        raise DatabaseError(f"{path}: no such database. {_HINT}")
    if is_new:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(f"{path}: cannot create the database here ({error}).") from None
    conn = _connect(path, read_only=False, wait=wait)
    try:
        migrate(conn, path, is_new=is_new)
        yield conn
    except duckdb.OutOfMemoryException as error:
        raise _out_of_memory(shown_as or path, error) from None
    except duckdb.Error as error:
        if not _is_damage(error):
            raise
        raise _damaged(shown_as or path, error) from None
    finally:
        conn.close()


IMPORT_MEMORY_MB = 256
"""DuckDB's memory for one import (see import_memory.sql): flat whatever the export's size,
for a little more time (docs/performance.md, "Import")."""

IMPORT_MEMORY_MB_PER_THREAD = 32
"""At least this much per DuckDB thread: each holds buffers of its own (reading the CSV, its
part of a sort), and a bound too tight for them fails the query instead of spilling."""

SPILL_SUFFIX = ".import.tmp"
"""The folder an import spills into, beside the database (see bound_memory)."""


SMALL_IMPORT_BYTES = 16 * 1024 * 1024
"""An import of less runs on one DuckDB thread (see bound_memory)."""


def bound_memory(conn: duckdb.DuckDBPyConnection, input_bytes: int) -> None:
    """Keep an import's DuckDB memory flat: what does not fit is spilled beside the database.

    Into `<database>.import.tmp`, a folder of the imports' own: DuckDB removes it on closing,
    but an import killed meanwhile leaves it, with up to gigabytes in it. Imports take turns
    (CONN holds the file's write lock), so one found there is a dead import's: removed first.
    Only for a connection to a database file (an in-memory one has no folder to spill beside).

    An import of less than SMALL_IMPORT_BYTES (INPUT_BYTES: its files, or its batch) runs on
    one thread: each thread keeps buffers of its own, and for a small import a second one
    costs memory and gains no time (docs/performance.md, "Import").
    """
    if input_bytes < SMALL_IMPORT_BYTES:
        conn.execute(resources.query("import_one_thread"))
    threads = int(first_row(conn, "import_threads")[0])  # type: ignore[index]
    limit = max(IMPORT_MEMORY_MB, IMPORT_MEMORY_MB_PER_THREAD * threads)
    database = Path(first_row(conn, "import_database_path")[0])  # type: ignore[index]
    spill = database.with_name(database.name + SPILL_SUFFIX)
    shutil.rmtree(spill, ignore_errors=True)
    conn.execute(resources.query("import_memory"), {"limit": f"{limit}MB"})
    conn.execute(resources.query("import_spill"), {"spill": str(spill)})


@contextmanager
def create_whole(path: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a NEW database that appears at PATH whole or not at all.

    The file is built under a hidden name beside PATH and moved into place only when the
    block ends without an error; otherwise it is deleted. So a failed or interrupted import
    never leaves a half-made or empty database where the user asked for one. The hidden name
    is the same for every attempt, so a crash leaves at most one such file, which the next
    attempt discards (unless another import holds it: then it says so).
    """
    path = Path(path)
    building = path.with_name(f".{path.name}.building")
    wal = building.with_name(building.name + ".wal")
    if building.exists():
        try:
            _connect(building, read_only=False, wait=0).close()
        except DatabaseError:
            raise DatabaseError(
                f"{path}: another import is creating this database; try again in a moment."
            ) from None
        building.unlink()
        wal.unlink(missing_ok=True)
    try:
        with open_write(building, shown_as=path) as conn:
            yield conn
        if wal.exists():  # closing checkpoints into the file; if not, it must happen now
            _connect(building, read_only=False, wait=BUSY_WAIT_SECONDS).close()
        if wal.exists():
            raise DatabaseError(f"{path}: the new database could not be finished; import again.")
        _move_into_place(building, path)
    finally:
        for leftover in (building, wal):
            with contextlib.suppress(OSError):  # e.g. no folder to build in: already reported
                leftover.unlink(missing_ok=True)


def _move_into_place(built: Path, path: Path) -> None:
    """BUILT becomes PATH, unless PATH appeared meanwhile (never overwrite a database)."""
    meanwhile = DatabaseError(f"{path}: another program created this file meanwhile; import again.")
    try:
        os.link(built, path)  # fails if PATH exists, unlike a rename
    except FileExistsError:
        raise meanwhile from None
    except FileNotFoundError:  # another import took BUILT over and moved it first
        raise meanwhile from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise meanwhile from None
        os.replace(built, path)


@contextmanager
def open_scratch(
    path: str | Path, *, allow_older: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to classify an import against without writing anything (a dry run).

    The file read-only when it exists (temp tables still work), else an empty in-memory store
    with the current schema.
    """
    import duckdb

    path = Path(path)
    if path.exists():
        with open_read(path, allow_older=allow_older) as conn:
            yield conn
        return
    conn = _quiet(duckdb.connect(":memory:"))
    try:
        migrate(conn, path, is_new=True)
        yield conn
    finally:
        conn.close()


def migrate(conn: duckdb.DuckDBPyConnection, path: Path, *, is_new: bool) -> int:
    """Bring the schema up to SCHEMA_VERSION, each step in its own transaction.

    A new (empty) file gets the latest schema in one step (queries/schema.sql); a file with
    other tables but no ssi-tui marker is refused rather than written into.
    """
    version = schema_version(conn)
    if version is None:
        if not is_new and first_row(conn, "user_tables") != (0,):
            _check_version(path, None)  # some other DuckDB file
        version = 0
    _check_version(path, version if version else SCHEMA_VERSION)
    if version == 0:
        _step(conn, "schema", SCHEMA_VERSION, new=True)
    for number in range(version, SCHEMA_VERSION) if version else ():
        _step(conn, f"migrations/{MIGRATIONS[number]}", number + 1)
    return SCHEMA_VERSION


def _step(conn: duckdb.DuckDBPyConnection, query: str, version: int, *, new: bool = False) -> None:
    """Run QUERY and mark the file as at schema VERSION (NEW: and as ssi-tui's), all or nothing."""
    conn.begin()
    try:
        conn.execute(resources.query(query))
        if new:
            conn.execute(resources.query("meta_set"), ["app", APP_ID])
        conn.execute(resources.query("meta_set"), ["schema_version", str(version)])
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
