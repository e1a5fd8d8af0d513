"""`ssi-tui import DB PATH...`: exit codes 0/1/2, messages, and what reaches the database."""

from __future__ import annotations

import json
import os
import pathlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INVALID = FIXTURES / "invalid"

Dump = Callable[[Path], dict[str, list[tuple]]]


def fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), os.stat(path).st_mtime_ns


def test_import_creates_the_database_and_reports_counts(invoke, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    result = invoke("import", db, FIXTURES / "history.csv")
    assert result.exit_code == 0, result.output
    assert db.is_file()
    assert (
        f"{FIXTURES / 'history.csv'}: 12 new, 0 corrected, 0 unchanged"
        " (6 reps, 2026-01-05 to 2026-01-19)" in result.stdout
    )
    assert f"Imported into {db}: 12 new, 0 corrected, 0 unchanged." in result.stdout
    assert result.stderr == ""


def test_reimport_is_skipped_and_changes_nothing(invoke, history_db: Path, dump: Dump) -> None:
    before = dump(history_db)
    result = invoke("import", history_db, FIXTURES / "history.csv")
    assert result.exit_code == 0, result.output
    assert "history.csv: already imported, skipped" in result.stdout
    assert "0 new, 0 corrected, 0 unchanged." in result.stdout
    assert dump(history_db) == before


def test_correction_is_reported_as_corrected(invoke, history_db: Path) -> None:
    result = invoke("import", history_db, FIXTURES / "correction.csv")
    assert result.exit_code == 0, result.output
    assert "correction.csv: 0 new, 1 corrected, 1 unchanged" in result.stdout


def test_folders_are_searched_recursively_for_exports(invoke, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    result = invoke("import", db, FIXTURES / "import_dir")
    assert result.exit_code == 0, result.output
    assert "team_a.csv: 1 new" in result.stdout
    assert "team_b.csv: 1 new" in result.stdout
    assert "README" not in result.output
    assert f"Imported into {db}: 2 new" in result.stdout


def test_unknown_columns_give_a_one_line_notice(invoke, tmp_path: Path) -> None:
    result = invoke("import", tmp_path / "db.duckdb", FIXTURES / "aliases_linkedin.csv")
    assert result.exit_code == 0, result.output
    notes = [line for line in result.stderr.splitlines() if line.startswith("Note:")]
    assert len(notes) == 1
    assert "aliases_linkedin.csv" in notes[0] and "Notes" in notes[0]


@pytest.mark.parametrize(
    ("fixture", "first"),
    [
        ("missing_value.csv", (3, "people")),
        ("non_numeric.csv", (3, "people")),
        ("nan.csv", (3, "insights")),
        ("inf.csv", (3, "brand")),
        ("pillar_range.csv", (3, "brand")),
        ("total_range.csv", (3, "ssi")),
        ("total_sum.csv", (3, "ssi")),
        ("bad_date.csv", (3, "date")),
        ("duplicate.csv", (2, "date")),
    ],
)
def test_each_invalid_fixture_is_rejected_with_exit_1_and_located_messages(
    invoke, tmp_path: Path, fixture: str, first: tuple[int, str]
) -> None:
    db = tmp_path / "db.duckdb"
    result = invoke("import", db, INVALID / fixture)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Import rejected: ")
    assert lines[0].endswith(f"nothing was written to {db}.")
    line, column = first
    assert lines[1].startswith(f"{INVALID / fixture}:{line}: column '{column}': ")
    assert "expected" in lines[1] or "differs from the sum of the pillars" in lines[1]
    assert "Traceback" not in result.output
    assert not db.exists()


def test_twenty_problems_are_listed_then_a_count(invoke, tmp_path: Path) -> None:
    export = tmp_path / "many.csv"
    rows = "".join(f"2026-01-05,Rep {i:02d},10,10,10,26\n" for i in range(23))  # 26 > 25
    export.write_text("date,name,brand,people,insights,relationships\n" + rows, encoding="utf-8")
    result = invoke("import", tmp_path / "db.duckdb", export)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Import rejected: 23 problems;")
    assert len(lines) == 1 + 20 + 1
    assert lines[1].startswith(f"{export}:2: column 'relationships': ")
    assert lines[20].startswith(f"{export}:21: column 'relationships': ")
    assert lines[21] == "... and 3 more problems"


def test_rejected_two_file_import_leaves_every_table_as_it_was(
    invoke, history_db: Path, dump: Dump
) -> None:
    before = dump(history_db)
    raw = fingerprint(history_db)
    result = invoke("import", history_db, FIXTURES / "week4.csv", INVALID / "total_sum.csv")
    assert result.exit_code == 1
    assert "total_sum.csv:3: column 'ssi'" in result.stderr
    assert dump(history_db) == before
    assert fingerprint(history_db) == raw


def test_skip_invalid_imports_valid_rows_and_reports_the_rest(invoke, tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    result = invoke("import", "--skip-invalid", db, INVALID / "total_sum.csv")
    assert result.exit_code == 0, result.output
    assert "Skipped 2 problems:" in result.stderr
    assert f"{INVALID / 'total_sum.csv'}:3: column 'ssi'" in result.stderr
    assert f"{INVALID / 'total_sum.csv'}:4: column 'ssi'" in result.stderr
    assert "total_sum.csv: 2 new, 0 corrected, 0 unchanged, 2 rejected" in result.stdout
    conn = duckdb.connect(str(db), read_only=True)
    # Lines 2 (10.25 * 4 = 41, total 41.5) and 5 (10 * 4 = 40, total 41) are valid.
    assert conn.execute("SELECT ssi FROM snapshots ORDER BY ssi").fetchall() == [(41.0,), (41.5,)]
    conn.close()


def test_dry_run_reports_without_creating_the_database(invoke, tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    result = invoke("import", "--dry-run", db, FIXTURES / "history.csv")
    assert result.exit_code == 0, result.output
    assert "history.csv: 12 new" in result.stdout
    assert f"Dry run: nothing written to {db}: 12 new, 0 corrected, 0 unchanged." in result.stdout
    assert not db.exists()


def test_dry_run_of_invalid_input_exits_1_and_creates_nothing(invoke, tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    result = invoke("import", "--dry-run", db, INVALID / "bad_date.csv")
    assert result.exit_code == 1
    assert "bad_date.csv:3: column 'date'" in result.stderr
    assert not db.exists()


def test_dry_run_against_an_existing_database(invoke, history_db: Path) -> None:
    raw = fingerprint(history_db)
    result = invoke("import", "--dry-run", history_db, FIXTURES / "correction.csv")
    assert result.exit_code == 0, result.output
    assert "correction.csv: 0 new, 1 corrected, 1 unchanged" in result.stdout
    assert fingerprint(history_db) == raw


def test_json_summary(invoke, tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    ok = invoke("import", "--json", db, FIXTURES / "week4.csv")
    assert ok.exit_code == 0, ok.output
    summary = json.loads(ok.stdout)
    assert (summary["ok"], summary["added"], summary["updated"], summary["rejected"]) == (
        True,
        2,
        0,
        0,
    )
    bad = invoke("import", "--json", db, INVALID / "pillar_range.csv")
    assert bad.exit_code == 1
    refused = json.loads(bad.stdout)
    assert refused["ok"] is False and len(refused["problems"]) == 2


def test_quiet_prints_nothing_on_success(invoke, tmp_path: Path) -> None:
    result = invoke("import", "-q", tmp_path / "db.duckdb", FIXTURES / "week4.csv")
    assert result.exit_code == 0 and result.output == ""


@pytest.mark.parametrize(
    ("kind", "fragment"),
    [
        ("missing-file", "no such file or folder"),
        ("folder-without-exports", "no exports found"),
        ("empty-file", "empty"),
        ("binary-file", "not valid UTF-8"),
    ],
)
def test_unusable_inputs_exit_1_without_traceback(
    invoke, tmp_path: Path, kind: str, fragment: str
) -> None:
    path = tmp_path / ("exports" if kind == "folder-without-exports" else "export.csv")
    if kind == "folder-without-exports":
        path.mkdir()
        (path / "notes.md").write_text("no exports here\n", encoding="utf-8")
    elif kind == "empty-file":
        path.write_bytes(b"")
    elif kind == "binary-file":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\x00\x00")
    db = tmp_path / "db.duckdb"
    result = invoke("import", db, path)
    assert result.exit_code == 1
    assert fragment in result.stderr
    assert str(path) in result.stderr
    assert not db.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["import"],
        ["import", "db.duckdb"],
        ["import", "--no-such-option", "db.duckdb", "x.csv"],
        ["--no-such-option"],
        ["leaderboard"],
    ],
    ids=["no-args", "no-paths", "bad-option", "bad-global-option", "leaderboard-no-db"],
)
def test_usage_errors_exit_2(invoke, tmp_path: Path, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert "Usage:" in result.stderr
    assert not (tmp_path / "db.duckdb").exists()


@pytest.mark.parametrize("kind", ["text", "foreign-duckdb", "newer"])
def test_import_into_a_file_that_is_not_ours_is_refused(
    invoke, tmp_path: Path, history_db: Path, kind: str
) -> None:
    if kind == "text":
        db = tmp_path / "notes.duckdb"
        db.write_text("hello\n", encoding="utf-8")
        fragment = "ssi-tui import"
    elif kind == "foreign-duckdb":
        db = tmp_path / "crm.duckdb"
        conn = duckdb.connect(str(db))
        conn.execute("CREATE TABLE customers (id INTEGER)")
        conn.close()
        fragment = "not an ssi-tui database"
    else:
        db = history_db
        conn = duckdb.connect(str(db))
        conn.execute("UPDATE ssi_meta SET value = '42' WHERE key = 'schema_version'")
        conn.close()
        fragment = "newer"
    before = fingerprint(db)
    result = invoke("import", db, FIXTURES / "week4.csv")
    assert result.exit_code == 1
    assert fragment in result.stderr
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert fingerprint(db) == before


def test_unreadable_export_exits_1_without_traceback(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, where chmod 000 does not stop reading: simulate the OS refusing.
    export = tmp_path / "locked.csv"
    export.write_bytes((FIXTURES / "week4.csv").read_bytes())
    real_open = pathlib.Path.open

    def refusing_open(self: pathlib.Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "locked.csv":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", refusing_open)  # read_bytes opens through it
    result = invoke("import", tmp_path / "db.duckdb", export, allow_crash=True)
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    assert "locked.csv" in result.stderr


def test_database_path_under_a_file_exits_1_without_traceback(invoke, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "exports.csv"
    not_a_folder.write_text("x\n", encoding="utf-8")
    result = invoke(
        "import", not_a_folder / "team.duckdb", FIXTURES / "week4.csv", allow_crash=True
    )
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")


def test_globs_are_expanded(invoke, tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    result = invoke("import", db, str(FIXTURES / "import_dir" / "*.csv"))
    assert result.exit_code == 0, result.output
    assert "team_a.csv: 1 new" in result.stdout
    assert "team_b.csv" not in result.stdout  # nested/ is not matched by a plain *


def test_skip_invalid_passes_over_an_unusable_file(invoke, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    db = tmp_path / "db.duckdb"
    result = invoke("import", "--skip-invalid", db, empty, FIXTURES / "week4.csv")
    assert result.exit_code == 0, result.output
    assert f"{empty}: the file is empty" in result.stderr
    assert "week4.csv: 2 new" in result.stdout


def test_the_entry_point_knows_every_command_name() -> None:
    """entry.py sends `ssi-tui X` to click whenever X is a command, without importing click."""
    from ssi_tui.cli.main import cli
    from ssi_tui.entry import COMMANDS

    assert set(cli.commands) == COMMANDS
