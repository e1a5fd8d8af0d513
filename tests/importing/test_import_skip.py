"""Re-importing files a database holds is answered without DuckDB (import_skip.py), and only
while the database is as that import left it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from ssi_tui.boards import board_cache
from ssi_tui.importing.importer import run_import

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HISTORY, WEEK4 = FIXTURES / "history.csv", FIXTURES / "week4.csv"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(board_cache.ENV_VAR, str(folder))
    return folder


def _import_in_a_new_process(db: Path, *paths: Path, dry_run: bool = False) -> dict:
    """run_import in a fresh interpreter: what it reported, and whether it loaded DuckDB."""
    script = (
        "import json, sys\n"
        "from ssi_tui.importing.importer import run_import\n"
        "from ssi_tui.importing.options import ImportOptions\n"
        "how, db, *paths = sys.argv[1:]\n"
        "report = run_import(db, paths, ImportOptions(dry_run=how == 'dry-run'))\n"
        "print(json.dumps({'files': [(f.path, f.status, f.added) for f in report.files],"
        " 'duckdb': 'duckdb' in sys.modules}))\n"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            "dry-run" if dry_run else "write",
            str(db),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout)


def test_the_same_file_again_is_skipped_without_duckdb(cache: Path, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    assert run_import(db, [HISTORY]).total("added") == 12
    again = _import_in_a_new_process(db, HISTORY)
    assert again == {"files": [[str(HISTORY), "already imported", 0]], "duckdb": False}
    dry = _import_in_a_new_process(db, HISTORY, dry_run=True)
    assert dry == again


def test_a_new_file_among_known_ones_is_imported(cache: Path, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [HISTORY])
    both = _import_in_a_new_process(db, HISTORY, WEEK4)
    assert both["files"] == [[str(HISTORY), "already imported", 0], [str(WEEK4), "imported", 2]]
    assert _import_in_a_new_process(db, WEEK4)["duckdb"] is False  # remembered after it


def test_a_database_changed_since_is_asked_again(cache: Path, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [HISTORY])
    conn = duckdb.connect(str(db))  # another program forgets the import, and its rows
    try:
        conn.execute("DELETE FROM snapshots")
        conn.execute("DELETE FROM imports")
    finally:
        conn.close()
    again = _import_in_a_new_process(db, HISTORY)
    assert again == {"files": [[str(HISTORY), "imported", 12]], "duckdb": True}


def test_without_a_cache_folder_the_database_is_asked(tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"  # the test session's cache is off (tests/conftest.py)
    run_import(db, [HISTORY])
    assert _import_in_a_new_process(db, HISTORY)["duckdb"] is True


def test_remembered_settings_are_known_without_duckdb_too(cache: Path, tmp_path: Path) -> None:
    from ssi_tui.importing.options import ImportOptions
    from ssi_tui.ingest.header_map import parse_header_map

    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "date,Who,brand,people,insights,relationships\n13/11/2026,Ann,15,14,13,12\n",
        encoding="utf-8",
    )
    options = ImportOptions(
        header_map=parse_header_map(["Who=name"]), date_format="%d/%m/%Y", remember=True
    )
    db = tmp_path / "team.duckdb"
    assert run_import(db, [sheet], options).total("added") == 1
    # The key holds the remembered map and format: known as such without opening the file.
    again = _import_in_a_new_process(db, sheet)
    assert again == {"files": [[str(sheet), "already imported", 0]], "duckdb": False}


def test_forgotten_settings_are_not_used_from_the_cache(cache: Path, tmp_path: Path) -> None:
    from ssi_tui.errors import InvalidExportError
    from ssi_tui.importing.import_settings import forget
    from ssi_tui.importing.options import ImportOptions
    from ssi_tui.ingest.header_map import parse_header_map

    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "date,Who,brand,people,insights,relationships\n2026-11-13,Ann,15,14,13,12\n",
        encoding="utf-8",
    )
    db = tmp_path / "team.duckdb"
    run_import(db, [sheet], ImportOptions(header_map=parse_header_map(["Who=name"]), remember=True))
    assert run_import(db, [sheet]).files[0].status == "already imported"
    forget(db)
    with pytest.raises(InvalidExportError, match="no 'name' column"):
        run_import(db, [sheet])
