"""Crash safety (issue #7): an import killed with SIGKILL leaves the old state or the new one.

A real `python -m ssi_tui import DB big.csv -q` (20,000 rows) is killed at random moments,
over and over: a third anywhere in its run (start-up, reading, validating, writing), the rest
in the few tens of milliseconds while DuckDB's write-ahead log exists (the transaction and the
checkpoint that follows it). Each time, the file must open cleanly read-only and hold exactly
the state before the import or exactly the state after it -- snapshots and import log
together, never one without the other.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ssi_tui.importing.importer import run_import
from ssi_tui.store import database as store
from tests.hostile.support import make_template
from tools.synthetic import write_csv

ROWS = 20_000
KILLS = 20
ANYWHERE = 6
"""Kills at any moment of the run; the others strike while the write-ahead log exists."""
ROOT = Path(__file__).resolve().parents[2]

State = tuple[int, int, int, float, tuple[tuple[str, int], ...]]


def state(db: Path) -> State:
    """What an import changes, read through the product's own read-only opening."""
    with store.open_read(db) as conn:
        snapshots, total = conn.execute(
            "SELECT count(*), coalesce(sum(ssi), 0) FROM snapshots"
        ).fetchall()[0]
        (reps,) = conn.execute("SELECT count(*) FROM reps").fetchall()[0]
        log = tuple(
            conn.execute("SELECT file_name, rows_added FROM imports ORDER BY import_id").fetchall()
        )
        return snapshots, reps, len(log), round(total, 6), log


def start_import(db: Path, export: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "ssi_tui", "import", str(db), str(export), "-q"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wal(db: Path) -> Path:
    return db.with_name(db.name + ".wal")


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_old_or_new_state(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("SSI_TUI_CRASH_SEED", "20260601")))
    base = make_template(tmp_path / "base")
    export = tmp_path / "big.csv"
    assert write_csv(export, reps=400, weeks=50, seed=3) == ROWS
    old = state(base)

    # One import run to the end: the new state, and how long a run and its WAL phase take.
    full = tmp_path / "full.duckdb"
    shutil.copyfile(base, full)
    started = time.monotonic()
    process = start_import(full, export)
    wal_seen = wal_gone = None
    while process.poll() is None:
        if wal(full).exists():
            wal_seen = wal_seen or time.monotonic() - started
        elif wal_seen is not None and wal_gone is None:
            wal_gone = time.monotonic() - started
        time.sleep(0.001)
    run_time = time.monotonic() - started
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    new = state(full)
    assert new[0] == old[0] + ROWS and new[2] == old[2] + 1
    wal_window = max((wal_gone or run_time) - (wal_seen or 0.0), 0.02)

    delays = [rng.uniform(0.0, run_time) for _ in range(ANYWHERE)]
    delays += [rng.uniform(0.0, wal_window) for _ in range(KILLS - ANYWHERE)]

    def kill_once(attempt: int) -> tuple[State, bool]:
        """One import killed at a random moment: the state it left, and whether a WAL was live."""
        delay = delays[attempt]
        db = tmp_path / f"killed{attempt}.duckdb"
        shutil.copyfile(base, db)
        process = start_import(db, export)
        started = time.monotonic()
        if attempt >= ANYWHERE:
            # Wait for the write to begin, then strike inside the transaction or checkpoint.
            while not wal(db).exists() and process.poll() is None:
                if time.monotonic() - started > 30 * run_time + 30:
                    break
                time.sleep(0.0005)
        time.sleep(delay)
        live_wal = wal(db).exists()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        return state(db), live_wal  # opens cleanly, or DatabaseError fails the test

    # Two at a time (the machine has two cores): the same kills in half the wall time.
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(kill_once, range(KILLS)))
    outcomes = {"old": 0, "new": 0, "killed with a live WAL": 0}
    for attempt, (found, live_wal) in enumerate(results):
        assert found in (old, new), f"kill {attempt}: a partial import {found}"
        outcomes["old" if found == old else "new"] += 1
        outcomes["killed with a live WAL"] += live_wal

    # The last victim recovers: importing again completes it.
    last = tmp_path / f"killed{KILLS - 1}.duckdb"
    run_import(last, [export])
    assert state(last)[:4] == new[:4]
    print(f"SIGKILL outcomes over {KILLS} kills: {outcomes}")
