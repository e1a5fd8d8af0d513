"""`ssi-tui import DB A B` and `ssi-tui import DB FOLDER` with files whose columns differ."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MIXED = FIXTURES / "mixed"

Dump = Callable[[Path], dict[str, list[tuple]]]


def test_files_with_different_optional_columns_combine(invoke, tmp_path: Path, dump: Dump) -> None:
    db = tmp_path / "team.duckdb"
    result = invoke("import", db, MIXED / "standup.csv", MIXED / "ssi_2026-11-16.csv")
    assert result.exit_code == 0, result.output
    assert "Imported into" in result.stdout and ": 3 new" in result.stdout
    snapshots = dump(db)["snapshots"]
    assert len(snapshots) == 3


@pytest.mark.parametrize("order", [1, -1], ids=["lacking-file-first", "lacking-file-last"])
def test_a_file_lacking_a_required_column_gets_its_own_message(
    invoke, history_db: Path, dump: Dump, order: int
) -> None:
    before, raw = dump(history_db), history_db.read_bytes()
    files = [MIXED / "no_people.csv", MIXED / "ssi_2026-11-16.csv"][::order]
    result = invoke("import", history_db, *files)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.stderr.splitlines()[1].startswith(f"{MIXED / 'no_people.csv'}:1: no 'people'")
    assert dump(history_db) == before and history_db.read_bytes() == raw


def test_a_folder_with_a_file_lacking_a_required_column_names_that_file(
    invoke, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    for name in ("no_people.csv", "ssi_2026-11-16.csv", "standup.csv"):
        shutil.copy(MIXED / name, folder / name)
    db = tmp_path / "team.duckdb"
    result = invoke("import", db, folder)
    assert result.exit_code == 1, result.output
    assert f"{(folder / 'no_people.csv').resolve()}:1: no 'people' column" in result.stderr
    assert not db.exists()


def test_skip_invalid_imports_the_other_files_of_a_mixed_folder(invoke, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    result = invoke(
        "import", "--skip-invalid", db, MIXED / "no_people.csv", MIXED / "ssi_2026-11-16.csv"
    )
    assert result.exit_code == 0, result.output
    assert "no_people.csv:1: no 'people' column" in result.stderr
    assert "ssi_2026-11-16.csv: 2 new" in result.stdout


def test_an_activity_export_lacking_names_beside_a_valid_one_names_its_file(
    invoke, tmp_path: Path
) -> None:
    db = tmp_path / "team.duckdb"
    result = invoke("import", db, MIXED / "activity.csv", MIXED / "activity_no_name.csv")
    assert result.exit_code == 1, result.output
    assert f"{MIXED / 'activity_no_name.csv'}:1: no 'name' column" in result.stderr
    assert not db.exists()


def test_a_hand_typed_sheet_and_a_sales_navigator_export_import_together(
    invoke, tmp_path: Path, dump: Dump
) -> None:
    db = tmp_path / "team.duckdb"
    result = invoke("import", db, MIXED / "weekly_sheet.csv", MIXED / "sales_navigator.csv")
    assert result.exit_code == 0, result.output
    assert "weekly_sheet.csv: 2 new" in result.stdout
    assert "sales_navigator.csv: 2 new" in result.stdout
    assert "ignored unknown column(s): Notes" in result.stderr
    snapshots = dump(db)["snapshots"]
    assert len(snapshots) == 4


def test_identical_files_dated_by_different_names_are_both_imported(
    invoke, tmp_path: Path, dump: Dump
) -> None:
    """Found by the pairs test: the same bytes under another dated name are another week,
    not a file imported before (they used to be skipped as "already imported")."""
    folder = tmp_path / "weeks"
    folder.mkdir()
    for name in ("ssi_2026-11-16.csv", "ssi_2026-11-23.csv"):
        shutil.copy(MIXED / "ssi_2026-11-16.csv", folder / name)
    db = tmp_path / "team.duckdb"
    result = invoke("import", db, folder / "ssi_2026-11-16.csv")
    assert result.exit_code == 0, result.output
    result = invoke("import", db, folder)
    assert result.exit_code == 0, result.output
    assert "ssi_2026-11-16.csv: already imported, skipped" in result.stdout
    assert "ssi_2026-11-23.csv: 2 new" in result.stdout
    assert len(dump(db)["snapshots"]) == 4
