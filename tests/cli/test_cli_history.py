"""`ssi-tui history` and `ssi-tui undo`: every change listed, and any one undone exactly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.cli.conftest import FIXTURES, Invoke
from tests.db_helpers import dump_tables
from tests.store.old_schema import as_version_6
from tests.store.test_undo import data_tables

AS_OF_DATES = ("2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02")


def _boards(invoke: Invoke, db: Path) -> dict[str, str]:
    """The board as CSV and JSON, as of several dates and the latest: what must come back."""
    boards = {}
    for output_format in ("csv", "json"):
        for as_of in (None, *AS_OF_DATES):
            args = ["leaderboard", db, "--format", output_format]
            args += ["--as-of", as_of] if as_of else []
            result = invoke(*args)
            assert result.exit_code == 0, result.output
            boards[f"{output_format} {as_of}"] = result.output
    return boards


def _history(invoke: Invoke, db: Path) -> list[dict[str, object]]:
    result = invoke("history", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_undo_of_an_import_gives_back_the_exact_board(
    invoke: Invoke, history_db: Path, tmp_path: Path
) -> None:
    boards, tables = _boards(invoke, history_db), data_tables(history_db)
    fix = tmp_path / "mistake.csv"
    fix.write_text(
        "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"
        "2026-01-19,bob@acme.example,Bob Stone,SMB,66,17,16,16,17\n"
        "2026-01-26,ana@acme.example,Ana Lima,Enterprise,66,17,16,16,17\n"
        "2026-02-02,zed@acme.example,Zed Zed,SMB,20,5,5,5,5\n",
        encoding="utf-8",
    )
    assert invoke("import", history_db, fix, "-q").exit_code == 0
    assert _boards(invoke, history_db) != boards
    result = invoke("undo", history_db)
    assert result.exit_code == 0, result.output
    assert "Undid #2 file import 'mistake.csv'" in result.output
    assert "2 snapshots removed, 1 corrected snapshot given its earlier values back" in (
        result.output
    )
    assert "Bob Stone, 2026-01-19: SSI 66 → 55" in result.output
    assert "rep Zed Zed removed" in result.output
    assert "rep Bob Stone: team SMB → Enterprise" in result.output
    assert _boards(invoke, history_db) == boards
    assert data_tables(history_db) == tables


def test_history_lists_every_change_newest_first(invoke: Invoke, history_db: Path) -> None:
    invoke("import", history_db, FIXTURES / "correction.csv", FIXTURES / "week4.csv", "-q")
    invoke("undo", history_db, "1", "--dry-run")  # a dry run is no change
    result = invoke("undo", history_db, "2")
    assert "This undo is #3 in the history." in result.output
    listed = _history(invoke, history_db)
    assert [(c["id"], c["kind"], c["summary"]) for c in listed] == [
        (3, "undo", "undo of #2 file import '2 files'"),
        (2, "files", "2 files"),
        (1, "files", "history.csv"),
    ]
    assert [(c["added"], c["corrected"], c["removed"], c["reps"]) for c in listed] == [
        (0, 1, 2, 0),
        (2, 1, 0, 0),
        (12, 0, 0, 6),
    ]
    assert (listed[0]["undoes"], listed[1]["undone_by"], listed[2]["undone_by"]) == (2, 3, None)
    assert set(listed[0]) == {
        "id", "made_at", "kind", "summary", "added", "corrected", "removed", "reps", "undoes",
        "undone_by",
    }  # fmt: skip
    table = invoke("history", history_db).output
    lines = table.splitlines()
    assert lines[0].split() == [
        "ID", "Time", "Kind", "Summary", "Added", "Corrected", "Removed", "Reps", "Status",
    ]  # fmt: skip
    assert "#3" in lines[1] and "undo" in lines[1] and "undoes #2" in lines[1]
    assert "#2" in lines[2] and "file import" in lines[2] and "undone by #3" in lines[2]
    assert "#1" in lines[3] and "history.csv" in lines[3]


def test_dry_run_says_what_and_changes_nothing(invoke: Invoke, history_db: Path) -> None:
    invoke("import", history_db, FIXTURES / "correction.csv", "-q")
    unchanged = dump_tables(history_db)
    result = invoke("undo", history_db, "--dry-run")
    assert result.exit_code == 0, result.output
    first, *rest = result.output.splitlines()
    assert first.startswith("Would undo #2 file import 'correction.csv' of 20")
    assert first.endswith(": 1 corrected snapshot given its earlier values back.")
    assert rest == ["  Bob Stone, 2026-01-19: SSI 56 → 55", "Nothing written (--dry-run)."]
    assert dump_tables(history_db) == unchanged


def test_a_clash_names_the_change_to_undo_first(
    invoke: Invoke, history_db: Path, tmp_path: Path
) -> None:
    invoke("import", history_db, FIXTURES / "week4.csv", "-q")
    fix = tmp_path / "week4_fix.csv"
    fix.write_text(
        "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"
        "2026-01-26,bob@acme.example,Bob Stone,Enterprise,58,15,14,14,15\n",
        encoding="utf-8",
    )
    invoke("import", history_db, fix, "-q")
    unchanged = dump_tables(history_db)
    for args in ((), ("--dry-run",)):
        result = invoke("undo", history_db, "2", *args)
        assert result.exit_code == 1
        assert "Traceback" not in result.output
        assert "undo #3 file import 'week4_fix.csv' first" in result.output
    assert dump_tables(history_db) == unchanged


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("undo", "{db}", "9"), "There is no change #9"),
        (("undo", "{tmp}/none.duckdb"), "none.duckdb: no such database"),
        (("history", "{tmp}/none.duckdb"), "none.duckdb: no such database"),
    ],
)
def test_bad_requests_are_clear_errors(
    invoke: Invoke, history_db: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    unchanged = dump_tables(history_db)
    result = invoke(*(a.format(db=history_db, tmp=tmp_path) for a in args))
    assert result.exit_code == 1
    assert message in result.output
    assert dump_tables(history_db) == unchanged
    assert not (tmp_path / "none.duckdb").exists()


def test_an_undone_file_imports_again_even_when_remembered(
    invoke: Invoke, history_db: Path, tmp_path: Path
) -> None:
    """The import's cache of the files a database holds (import_skip.py) forgets them."""
    env = {"SSI_TUI_CACHE_DIR": str(tmp_path / "cache")}
    assert "2 new" in invoke("import", history_db, FIXTURES / "week4.csv", env=env).output
    again = invoke("import", history_db, FIXTURES / "week4.csv", env=env).output
    assert "already imported" in again
    assert invoke("undo", history_db, env=env).exit_code == 0
    result = invoke("import", history_db, FIXTURES / "week4.csv", env=env)
    assert "already imported" not in result.output
    assert "2 new" in result.output


def test_history_of_an_older_file_asks_for_an_upgrade(invoke: Invoke, history_db: Path) -> None:
    as_version_6(history_db)
    unchanged = history_db.read_bytes()
    result = invoke("history", history_db)
    assert result.exit_code == 1
    assert f"run `ssi-tui upgrade {history_db}`" in result.output
    assert history_db.read_bytes() == unchanged


def test_an_older_files_imports_are_in_its_history_after_upgrade(
    invoke: Invoke, history_db: Path, tmp_path: Path
) -> None:
    """Imports made before the history was kept are changes too; one that corrected values
    it did not keep cannot be undone (the values are gone), and says so."""
    invoke("import", history_db, FIXTURES / "correction.csv", "-q")
    as_version_6(history_db)
    # Older files tell one import run from the next by its time (to the second).
    conn = duckdb.connect(str(history_db))
    conn.execute(
        "UPDATE imports SET imported_at = imported_at + INTERVAL 1 MINUTE WHERE import_id = 2"
    )
    conn.close()
    assert invoke("upgrade", history_db).exit_code == 0
    listed = _history(invoke, history_db)
    assert [(c["kind"], c["summary"], c["corrected"]) for c in listed] == [
        ("files", "correction.csv", 1),
        ("files", "history.csv", 0),
    ]
    result = invoke("undo", history_db, str(listed[0]["id"]))
    assert result.exit_code == 1
    assert "older ssi-tui, which did not keep the values it corrected" in result.output
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(history_db, copy)
    assert invoke("import", copy, FIXTURES / "week4.csv", "-q").exit_code == 0
    assert invoke("undo", copy).exit_code == 0  # what is recorded undoes as ever
