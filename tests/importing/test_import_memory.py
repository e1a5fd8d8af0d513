"""An import's DuckDB memory is bounded (store.bound_memory), so a big export cannot take the
machine's memory, in the CLI or inside the viewer's process.

* Under a bound well below what its rows take, an export still imports whole, by either path,
  to the very rows an unbounded import stores, and the spill folder is gone afterwards.
* The bound grows with DuckDB's threads, each of which needs buffers of its own.
* When even spilling cannot fit the work, the error names the database, `ssi-tui import`
  exits 1 with no traceback, and the database is as it was (a new one never appears).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import duckdb
import pytest
from click.testing import CliRunner

from ssi_tui import resources
from ssi_tui.cli.main import cli
from ssi_tui.importing import import_fast
from ssi_tui.importing.importer import run_import
from ssi_tui.store import database as store
from tools import synthetic


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """104,000 snapshots (1,000 reps x 104 weeks): a 10 MB CSV, and more once DuckDB reads it."""
    path = tmp_path_factory.mktemp("export") / "team.csv"
    synthetic.write_csv(path, 1_000, 104, seed=5)
    return path


@pytest.fixture
def bound_to(monkeypatch: pytest.MonkeyPatch) -> Callable[[int, int], None]:
    """Sets the import's memory bound: at least FLOOR MB, and PER_THREAD MB per DuckDB thread."""

    def bind(floor: int, per_thread: int) -> None:
        monkeypatch.setattr(store, "IMPORT_MEMORY_MB", floor)
        monkeypatch.setattr(store, "IMPORT_MEMORY_MB_PER_THREAD", per_thread)

    return bind


def _rows_in_one_only(db: Path, other: Path) -> dict[str, tuple[int, int]]:
    """Per table (but the import log, which has times), its rows and those in one file only."""
    conn = duckdb.connect()
    try:
        conn.execute(f"ATTACH '{db}' AS a (READ_ONLY)")
        conn.execute(f"ATTACH '{other}' AS b (READ_ONLY)")
        return {
            table: conn.execute(
                f"SELECT (FROM a.{table} SELECT count(*)),"
                f" (SELECT count(*) FROM ((FROM a.{table} EXCEPT ALL FROM b.{table})"
                f" UNION ALL (FROM b.{table} EXCEPT ALL FROM a.{table})))"
            ).fetchall()[0]
            for table in ("snapshots", "reps", "best_points", "board_dates")
        }
    finally:
        conn.close()


def _files_beside(db: Path) -> list[str]:
    return sorted(path.name for path in db.parent.iterdir())


@pytest.mark.parametrize("path", ["fast", "polars"])
def test_an_export_bigger_than_the_bound_imports_whole_and_leaves_no_spill(
    path: str, export: Path, tmp_path: Path, bound_to: Callable[[int, int], None]
) -> None:
    roomy = tmp_path / "roomy" / "team.duckdb"
    bounded = tmp_path / "bounded" / "team.duckdb"
    with (
        mock.patch.object(import_fast, "try_import", return_value=None)
        if path == "polars"
        else contextlib.nullcontext()
    ):
        run_import(roomy, [export])
        # 24 MB (a small import runs on one thread): this export spills beside the database
        bound_to(0, 24)
        report = run_import(bounded, [export])
    assert report.total("added") == 1_000 * 104
    assert _rows_in_one_only(bounded, roomy) == {
        "snapshots": (104_000, 0),  # with the board's points (one source each)
        "reps": (1_000, 0),
        "best_points": (0, 0),
        "board_dates": (104, 0),
    }
    assert _files_beside(bounded) == ["team.duckdb"]


@pytest.mark.parametrize("existing", [True, False])
def test_a_spill_folder_left_by_a_killed_import_is_removed_by_the_next(
    existing: bool, export: Path, tmp_path: Path, bound_to: Callable[[int, int], None]
) -> None:
    db = tmp_path / "team.duckdb"
    if existing:
        run_import(db, [resources.sample_data_dir()])
    # A new database is built under a hidden name (store.create_whole), and spills beside it.
    built = db if existing else tmp_path / ".team.duckdb.building"
    leftover = built.with_name(built.name + store.SPILL_SUFFIX)
    leftover.mkdir()
    (leftover / "duckdb_temp_storage_S32K-0.tmp").write_bytes(b"\0" * 4096)
    bound_to(0, 24)
    run_import(db, [export])
    assert _files_beside(db) == ["team.duckdb"]


def _bound(conn: duckdb.DuckDBPyConnection, input_bytes: int) -> tuple[str, int]:
    store.bound_memory(conn, input_bytes)
    limit, threads = conn.execute(
        "SELECT current_setting('memory_limit'), current_setting('threads')"
    ).fetchall()[0]
    return limit, threads


def test_the_bound_grows_with_duckdbs_threads(tmp_path: Path) -> None:
    big = store.SMALL_IMPORT_BYTES
    conn = duckdb.connect(str(tmp_path / "team.duckdb"))
    try:
        limits = []
        for threads in (1, 32):
            conn.execute(f"SET threads = {threads}")
            limits.append(_bound(conn, big))
    finally:
        conn.close()
    # 256 MB at least, else 32 MB per thread
    assert limits == [("244.1 MiB", 1), ("976.5 MiB", 32)]


def test_a_small_import_runs_on_one_thread(tmp_path: Path) -> None:
    conn = duckdb.connect(str(tmp_path / "team.duckdb"))
    try:
        conn.execute("SET threads = 4")
        assert _bound(conn, store.SMALL_IMPORT_BYTES - 1) == ("244.1 MiB", 1)
    finally:
        conn.close()


def test_running_out_of_memory_says_so_and_leaves_the_database_as_it_was(
    export: Path, tmp_path: Path, bound_to: Callable[[int, int], None]
) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [resources.sample_data_dir()])
    before = db.read_bytes()
    bound_to(8, 0)  # below what DuckDB's threads need just to read the CSV
    result = CliRunner().invoke(cli, ["import", str(db), str(export)])
    assert result.exit_code == 1, result.output
    assert f"{db}: not enough memory to finish" in result.output
    assert "nothing was written" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert db.read_bytes() == before
    assert _files_beside(db) == ["team.duckdb"]


def test_running_out_of_memory_never_leaves_a_new_database(
    export: Path, tmp_path: Path, bound_to: Callable[[int, int], None]
) -> None:
    db = tmp_path / "team.duckdb"
    bound_to(8, 0)
    result = CliRunner().invoke(cli, ["import", str(db), str(export)])
    assert result.exit_code == 1, result.output
    assert f"{db}: not enough memory to finish" in result.output
    assert _files_beside(db) == []
