"""Faults of a history on a PostgreSQL server (issue #24): a connection lost mid-session is one
clear message and the next opening works; an import killed with SIGKILL leaves the old state or
the new one, never part of it (a new history: none, or all of it), and importing again
completes it."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ssi_tui.errors import DatabaseError
from ssi_tui.importing.importer import run_import
from ssi_tui.store.postgres_store import PostgresBackend
from tests.pg_server import PostgresServer
from tools.synthetic import write_csv

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ROOT = FIXTURES.parents[1]
BACKEND = PostgresBackend()

State = tuple[int, int, float, tuple[tuple[str, int], ...]]


def state(url: str) -> State:
    """What an import changes: snapshots, reps and the import log, as committed."""
    import psycopg

    with psycopg.connect(url) as conn:
        snapshots, total = conn.execute(
            b"SELECT count(*), coalesce(sum(ssi), 0) FROM snapshots"
        ).fetchone()  # type: ignore[misc]
        (reps,) = conn.execute(b"SELECT count(*) FROM reps").fetchone()  # type: ignore[misc]
        log = conn.execute(b"SELECT file_name, rows_added FROM imports ORDER BY import_id")
        return snapshots, reps, round(total, 6), tuple(log.fetchall())


def test_a_connection_lost_mid_session_is_one_clear_message_and_the_next_one_works(
    postgres_server: PostgresServer,
) -> None:
    url = postgres_server.new_database()
    run_import(url, [FIXTURES / "history.csv"])
    name = url.rsplit("/", 1)[1]
    with pytest.raises(DatabaseError) as lost, BACKEND.open_read(url) as history:
        assert history.rows("teams")
        postgres_server.admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            f" WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        )
        history.rows("teams")
    message = str(lost.value)
    assert message.startswith(f"{url}: lost the connection to the server (")
    assert "\n" not in message
    with BACKEND.open_read(url) as history:  # the server is still there: so is the history
        assert history.rows("teams")


def _start_import(url: str, export: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "ssi_tui", "import", url, str(export), "-q"],
        env={**os.environ, "PYTHONPATH": str(ROOT), "SSI_TUI_CACHE_DIR": "off"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


KILLS = 8

WRITING = (
    b"SELECT count(*) FILTER (WHERE l.objid::bigint = hashtext('ssi-tui write')::bigint"
    b" & 4294967295) = 1 AND count(*) = 1"
    b" FROM pg_locks AS l JOIN pg_database AS d ON d.oid = l.database"
    b" WHERE l.locktype = 'advisory' AND l.granted AND d.datname = %s"
)
"""Whether an import's write transaction is open: it holds the write lock alone (opening the
history holds the schema's lock with it)."""


def _wait_for_the_write(server: PostgresServer, url: str) -> bool:
    """Whether the import into URL began writing within a minute (it is killed either way)."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    deadline = time.monotonic() + 60
    with psycopg.connect(server.url("postgres"), autocommit=True) as watcher:
        while time.monotonic() < deadline:
            if watcher.execute(WRITING, [name]).fetchone() == (True,):
                return True
            time.sleep(0.005)
    return False


@pytest.mark.slow
def test_an_import_killed_at_random_moments_leaves_the_old_or_the_new_state(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    rng = random.Random(int(os.environ.get("SSI_TUI_CRASH_SEED", "20260601")))
    export = tmp_path / "big.csv"
    rows = write_csv(export, reps=200, weeks=50, seed=3)
    base = postgres_server.new_database()
    run_import(base, [FIXTURES / "history.csv"])
    old = state(base)
    base_name = base.rsplit("/", 1)[1]

    def copy_of_base(name: str) -> str:
        postgres_server.admin(f"CREATE DATABASE {name} TEMPLATE {base_name}")
        return postgres_server.url(name)

    full = copy_of_base("full_import")
    started = time.monotonic()
    process = _start_import(full, export)
    assert process.wait(timeout=300) == 0, process.stderr.read() if process.stderr else ""
    run_time = time.monotonic() - started
    new = state(full)
    assert new[0] == old[0] + rows and len(new[3]) == len(old[3]) + 1

    # Half anywhere in the run; half once its write transaction is open, within ~0.2 s of it.
    delays = [rng.uniform(0.0, run_time) for _ in range(KILLS // 2)]
    delays += [rng.uniform(0.0, 0.2) for _ in range(KILLS - KILLS // 2)]
    victims = [copy_of_base(f"killed_{attempt}") for attempt in range(KILLS)]

    def kill_once(attempt: int) -> tuple[State, bool]:
        process = _start_import(victims[attempt], export)
        writing = attempt >= KILLS // 2 and _wait_for_the_write(postgres_server, victims[attempt])
        time.sleep(delays[attempt])
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        return state(victims[attempt]), writing

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(kill_once, range(KILLS)))
    found = [left for left, _ in results]
    for attempt, left in enumerate(found):
        assert left in (old, new), f"kill {attempt} after {delays[attempt]:.2f} s: {left}"
    assert all(writing for _, writing in results[KILLS // 2 :])  # struck once writing

    # Importing again completes it (waiting, if need be, for the server to end the dead one).
    run_import(victims[-1], [export])
    assert state(victims[-1])[:3] == new[:3]
    print(f"kills: {sum(f == old for f in found)} left the old state, the rest the new")


def _history_tables(url: str) -> int:
    """How many tables the database at URL holds (0: no history)."""
    import psycopg

    with psycopg.connect(url) as conn:
        found = conn.execute(b"SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        return int(found.fetchone()[0])  # type: ignore[index]


@pytest.mark.slow
def test_a_new_history_killed_at_random_moments_is_not_there_or_there_whole(
    postgres_server: PostgresServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first import into an empty database writes a local history and sends it in the
    transaction that makes the schema (store/postgres_build.py): killed at any moment, the
    database holds no history, or all of it; importing again makes it."""
    rng = random.Random(int(os.environ.get("SSI_TUI_CRASH_SEED", "20260601")))
    export = tmp_path / "big.csv"
    rows = write_csv(export, reps=200, weeks=50, seed=3)
    # A killed import leaves its local history in the temporary folder: this test's own.
    (tmp_path / "tmp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    full = postgres_server.new_database()
    started = time.monotonic()
    process = _start_import(full, export)
    assert process.wait(timeout=300) == 0, process.stderr.read() if process.stderr else ""
    run_time = time.monotonic() - started
    whole = state(full)
    assert whole[0] == rows

    delays = [rng.uniform(0.0, run_time) for _ in range(KILLS)]
    victims = [postgres_server.new_database() for _ in range(KILLS)]

    def kill_once(attempt: int) -> State | None:
        process = _start_import(victims[attempt], export)
        time.sleep(delays[attempt])
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        # Only what committed is seen from here: the dead client's transaction, never.
        return state(victims[attempt]) if _history_tables(victims[attempt]) else None

    with ThreadPoolExecutor(max_workers=2) as pool:
        found = list(pool.map(kill_once, range(KILLS)))
    for attempt, left in enumerate(found):
        assert left in (None, whole), f"kill {attempt} after {delays[attempt]:.2f} s: {left}"

    emptied = next((url for url, left in zip(victims, found, strict=True) if left is None), None)
    if emptied is not None:
        run_import(emptied, [export])
        assert state(emptied)[:3] == whole[:3]
    print(f"kills: {sum(left is None for left in found)} left no history, the rest all of it")
