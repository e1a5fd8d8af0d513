"""A throwaway PostgreSQL server for the tests of the PostgreSQL backend (issue #24).

`postgres_server` (one per test session, so one per xdist worker): a cluster made by initdb in a
temporary folder, trusting connections on 127.0.0.1 only, started on a free port and removed at
the end. `postgres_url` gives each test a new, empty database on it. Without PostgreSQL's
programs (or psycopg) the tests that use them skip, saying why; with SSI_TUI_REQUIRE_POSTGRES=1
(as CI sets it) they fail instead, so CI never passes by skipping them.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REQUIRE = "SSI_TUI_REQUIRE_POSTGRES"
"""Set to 1 where PostgreSQL must be there (CI): its tests fail rather than skip."""

PASSWORD_ROLE = "ssi_with_password"
"""The one role that logs in with a password (the admin creates it when a test needs it)."""

_DEBIAN_BINARIES = "/usr/lib/postgresql/*/bin"
"""Where Debian and Ubuntu install the server's programs, off the PATH."""

_SETTINGS = (
    "-c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
    " -c full_page_writes=off -c max_connections=60"
)
"""Loopback only; durability off: a test cluster is thrown away, and this makes it fast."""


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl: on the PATH, else the newest Debian install."""
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).resolve().parent
    installed = sorted(
        Path("/").glob(_DEBIAN_BINARIES.lstrip("/")),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    found = [p for p in installed if (p / "initdb").is_file() and (p / "pg_ctl").is_file()]
    return found[-1] if found else None


def _unavailable(reason: str) -> None:
    message = f"PostgreSQL tests need a PostgreSQL server: {reason}"
    if os.environ.get(REQUIRE) == "1":
        pytest.fail(f"{message} ({REQUIRE}=1)", pytrace=False)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """COMMAND as the `postgres` user when we are root (the server refuses to run as root)."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@dataclass
class PostgresServer:
    """A running throwaway cluster; every test database is made on it by `new_database`."""

    port: int
    data: Path
    user: str
    bin_dir: Path | None = None
    _names: Iterator[int] = field(default_factory=itertools.count)

    def url(self, database: str) -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def admin(self, statement: str) -> None:
        """Run one administrative statement (tests only) on the server's `postgres` database."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(statement.encode())

    def stop(self) -> None:
        """Stop the server, its sessions ended (tests of a connection lost mid-session). Fast,
        not immediate: with durability off, a crash may lose the last commits."""
        assert self.bin_dir is not None
        stop = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data / "cluster"), "-m", "fast"]
        _run(_as_server_user([*stop, "-w", "stop"]), "pg_ctl stop")

    def start(self) -> None:
        """Start the stopped server again, on its port (tests of a connection coming back)."""
        assert self.bin_dir is not None
        start = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data / "cluster"), "-w"]
        options = f"-p {self.port} -k {self.data} {_SETTINGS}"
        log = ["-l", str(self.data / "log")]
        _run(_as_server_user([*start, *log, "-t", "60", "-o", options, "start"]), "pg_ctl start")

    def new_database(self) -> str:
        """The URL of a new, empty database (its name unique within this cluster)."""
        name = f"ssi_test_{next(self._names)}"
        self.admin(f"CREATE DATABASE {name}")
        return self.url(name)


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed ({done.returncode}): {done.stderr or done.stdout}")


def _start(bin_dir: Path) -> PostgresServer:
    """initdb a cluster in a new temporary folder and start it; the caller stops it."""
    data = Path(tempfile.mkdtemp(prefix="ssi-tui-pg-"))
    user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
    cluster = data / "cluster"
    _run(
        _as_server_user(
            [
                str(bin_dir / "initdb"),
                "-D", str(cluster), "-U", user, "--auth=trust", "--no-sync",
                "-E", "UTF8", "--locale=C.UTF-8",
            ]
        ),
        "initdb",
    )  # fmt: skip
    # One role must give its password (tests of a refused login); everyone else is trusted.
    hba = cluster / "pg_hba.conf"
    hba.write_text(  # rewritten in place: still the server user's file
        f"host all {PASSWORD_ROLE} 127.0.0.1/32 scram-sha-256\n" + hba.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    for _attempt in range(3):  # another process may take the free port before the server does
        port = _free_port()
        options = f"-p {port} -k {data} {_SETTINGS}"
        start = [str(bin_dir / "pg_ctl"), "-D", str(cluster), "-l", str(data / "log"), "-w"]
        done = subprocess.run(
            _as_server_user([*start, "-t", "60", "-o", options, "start"]),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 0:
            return PostgresServer(port, data, user, bin_dir)
    log = (data / "log").read_text(encoding="utf-8", errors="replace")
    _stop(bin_dir, data)
    raise RuntimeError(f"PostgreSQL did not start: {log[-2000:]}")


def _stop(bin_dir: Path, data: Path) -> None:
    stop = [str(bin_dir / "pg_ctl"), "-D", str(data / "cluster"), "-m", "immediate", "stop"]
    with contextlib.suppress(OSError):
        subprocess.run(_as_server_user(stop), capture_output=True, check=False)
    shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL cluster for the session (or the xdist worker)."""
    bin_dir = binaries()
    if bin_dir is None:
        _unavailable("initdb and pg_ctl not found (install PostgreSQL: apt-get install postgresql)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install -e '.[test]')")
    assert bin_dir is not None
    server = _start(bin_dir)
    try:
        yield server
    finally:
        _stop(bin_dir, server.data)


@pytest.fixture
def private_postgres_server() -> Iterator[PostgresServer]:
    """A throwaway cluster for one test alone, which it may stop and start (the shared one
    serves the other tests of this xdist worker)."""
    bin_dir = binaries()
    if bin_dir is None:
        _unavailable("initdb and pg_ctl not found (install PostgreSQL: apt-get install postgresql)")
    assert bin_dir is not None
    server = _start(bin_dir)
    try:
        yield server
    finally:
        _stop(bin_dir, server.data)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Callable[[], str]:
    """Make a new, empty database on the test server; its URL."""
    return postgres_server.new_database


def copy_history(duckdb_file: Path, url: str) -> None:
    """Every row of the DuckDB history DUCKDB_FILE into a new history at URL, as it is (tests
    only: the same history on both backends, to compare what each answers)."""
    import duckdb
    import psycopg

    from ssi_tui.store.postgres_store import PostgresBackend

    with PostgresBackend().open_write(url):
        pass  # the schema
    source = duckdb.connect(str(duckdb_file), read_only=True)
    try:
        tables = [
            name
            for (name,) in source.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = 'main' AND table_name <> 'ssi_meta'"
            ).fetchall()
        ]
        with psycopg.connect(url) as target, target.cursor() as cursor:
            for table in tables:
                rows = source.execute(f'SELECT * FROM "{table}"').fetchall()
                with cursor.copy(f'COPY "{table}" FROM STDIN'.encode()) as copy:
                    for row in rows:
                        copy.write_row(row)
    finally:
        source.close()
