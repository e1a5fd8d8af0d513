"""Concurrency (issue #7): the app and imports share one file; imports queue or say "busy".

DuckDB lets one process write a file, or any number read it, never both at once. ssi-tui
keeps every connection short and retries a refused one for a bounded time (store._connect),
so an import waits for the app's read (and the app for the import) instead of failing; two
imports at once queue, or the second gives up with a clear "database is busy" message.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import load_board
from ssi_tui.store import database as store
from ssi_tui.ui.app import SsiApp
from tests.hostile.support import csv_text, dump_db, make_template, run_cli
from tests.ui.helpers import shown_names, wait_for_board
from tools.synthetic import write_csv

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
HOLD = (
    "import duckdb, sys, time\n"
    "conn = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro')\n"
    "print('held', flush=True)\n"
    "time.sleep(float(sys.argv[3]))\n"
)


@contextmanager
def held_by_another_process(db: Path, *, read_only: bool, seconds: float) -> Iterator[None]:
    """Another process holding DB open (read-write: the lock every other opener meets)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), "ro" if read_only else "rw", str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait(timeout=10)


def new_rep_export(folder: Path, name: str, rep: str, date: str = "2026-06-01") -> Path:
    path = folder / f"{rep}.csv"
    path.write_text(csv_text(f"{date},{rep}@acme.example,{name},West,10,10,10,10,40"), "utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return make_template(tmp_path / "db")


# -- what DuckDB says, and whether store recognises it ---------------------------------------------


@pytest.mark.parametrize("read_only", [False, True], ids=["writer", "reader"])
def test_duckdb_lock_conflict_text_is_recognised(db: Path, read_only: bool) -> None:
    with (
        held_by_another_process(db, read_only=False, seconds=30),
        pytest.raises(duckdb.Error) as caught,
    ):
        duckdb.connect(str(db), read_only=read_only)
    assert "Could not set lock" in str(caught.value)  # DuckDB's own words, checked for real
    assert store._is_lock_conflict(caught.value)


def test_an_in_process_reader_and_writer_wait_for_each_other(db: Path, tmp_path: Path) -> None:
    """The app reads in a worker thread while its import dialog writes in another.

    DuckDB refuses a read-write connection while this process has a read-only one open (and
    the reverse) with a ConnectionException, which store used to report at once as "cannot
    open the database" instead of waiting for the other connection to close.
    """
    export = new_rep_export(tmp_path, "Zed Zinc", "zed")
    opened = threading.Event()

    def read_for(seconds: float) -> None:
        with store.open_read(db):
            opened.set()
            time.sleep(seconds)

    reader = threading.Thread(target=read_for, args=(0.6,))
    reader.start()
    opened.wait(5)
    try:
        assert run_import(db, [export]).total("added") == 1
    finally:
        reader.join()

    written = threading.Event()

    def write_for(seconds: float) -> None:
        with store.open_write(db):
            written.set()
            time.sleep(seconds)

    writer = threading.Thread(target=write_for, args=(0.6,))
    writer.start()
    written.wait(5)
    try:
        assert "Zed Zinc" in [r.name for r in load_board(db).rows]
    finally:
        writer.join()


def test_a_busy_database_is_refused_clearly_after_a_bounded_wait(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_connect = store._connect

    def impatient(path: Path, *, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
        return real_connect(path, read_only=read_only, wait=min(wait, 0.5))

    monkeypatch.setattr(store, "_connect", impatient)
    export = new_rep_export(tmp_path, "Zed Zinc", "zed")
    before = dump_db(db)
    with held_by_another_process(db, read_only=False, seconds=30):
        started = time.monotonic()
        result = run_cli(["import", db, export], timeout=30)
        waited = time.monotonic() - started
    assert result.exit_code == 1, result.output
    assert "database is busy" in result.output
    assert str(db) in result.output
    assert "Traceback" not in result.output
    assert 0.5 <= waited < 10
    assert dump_db(db) == before


def test_the_busy_wait_is_bounded_by_default() -> None:
    assert 1 <= store.BUSY_WAIT_SECONDS <= 30


def test_two_imports_at_once_queue_or_say_busy(db: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    write_csv(first, reps=200, weeks=20, seed=11)  # 4,000 rows: reading overlaps writing
    second = new_rep_export(tmp_path, "Zed Zinc", "zed")
    before = dump_db(db)
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "ssi_tui", "import", str(db), str(export), "-q"],
            env=ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for export in (first, second)
    ]
    outcomes = []
    for process in processes:
        out, err = process.communicate(timeout=60)
        outcomes.append((process.returncode, out + err))
    for code, output in outcomes:
        assert "Traceback" not in output
        assert code == 0 or (code == 1 and "database is busy" in output), output
    logged = {name for (_id, name, *_rest) in dump_db(db)["imports"]}
    assert logged - {n for (_id, n, *_r) in before["imports"]} == {
        export.name
        for export, (code, _out) in zip((first, second), outcomes, strict=True)
        if code == 0
    }
    with store.open_read(db) as conn:
        (count,) = conn.execute("SELECT count(*) FROM snapshots").fetchall()[0]
    expected = len(before["snapshots"])
    expected += 4_000 if outcomes[0][0] == 0 else 0
    expected += 1 if outcomes[1][0] == 0 else 0
    assert count == expected


# -- the app open while another process imports ------------------------------------------------


async def _import_in_another_process(db: Path, export: Path) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "ssi_tui",
        "import",
        str(db),
        str(export),
        "-q",
        env=ENV,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(process.communicate(), timeout=60)
    return process.returncode or 0, out.decode()


async def test_the_app_follows_imports_from_another_process(db: Path, tmp_path: Path) -> None:
    async with SsiApp(db).run_test(size=(140, 30)) as pilot:
        screen = await wait_for_board(pilot)
        assert "Zed Zinc" not in shown_names(pilot)

        # Import while the app keeps reading (`r` pressed throughout): both wait their turn.
        task = asyncio.ensure_future(
            _import_in_another_process(db, new_rep_export(tmp_path, "Zed Zinc", "zed"))
        )
        while not task.done():
            await pilot.press("r")
            await pilot.pause(0.05)
        code, output = task.result()
        assert code == 0, output
        loads = screen.loads
        await pilot.press("r")
        await wait_for_board(pilot, loads=loads + 1)
        assert "Zed Zinc" in shown_names(pilot)

        # And without a key: the board notices the file changed and reloads by itself.
        code, output = await _import_in_another_process(
            db, new_rep_export(tmp_path, "Yan Yew", "yan", date="2026-06-02")
        )
        assert code == 0, output
        for _ in range(100):
            await pilot.pause(0.1)
            if "Yan Yew" in shown_names(pilot):
                break
        assert "Yan Yew" in shown_names(pilot)
        assert pilot.app.is_running
