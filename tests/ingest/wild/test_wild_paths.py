"""Paths: files, folders (recursively, supported types only), globs; repeats are skipped."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from wild_helpers import WILD, snapshots, write_xlsx

from ssi_tui.importing.importer import run_import
from ssi_tui.importing.options import ImportOptions
from ssi_tui.importing.paths import SUPPORTED_SUFFIXES, collect_paths
from ssi_tui.ingest import readers


def make_tree(root: Path) -> Path:
    """A folder of exports in every format, with files to skip, some of them nested."""
    (root / "emea" / "week 21").mkdir(parents=True)
    shutil.copyfile(WILD / "semicolon.csv", root / "emea" / "semicolon.csv")
    # Comma-separated despite its .tsv name: the delimiter is sniffed, not assumed.
    shutil.copyfile(WILD / "dates_day_first.csv", root / "emea" / "week 21" / "ana.tsv")
    shutil.copyfile(WILD / "api.json", root / "api.JSON")  # suffixes match in any case
    shutil.copyfile(WILD / "records.ndjson", root / "emea" / "records.ndjson")
    write_xlsx(root / "emea" / "week 21" / "cy.xlsx", {"S": [["date", "name", "brand", "people",
        "insights", "relationships"], ["2026-05-19", "Cy Diaz", 10, 10, 10, 10]]})  # fmt: skip
    (root / "notes.md").write_text("# not an export\n", encoding="utf-8")
    (root / "emea" / "data.parquet").write_bytes(b"PAR1\x00\x00")
    (root / "emea" / "old.xls.bak").write_text("x", encoding="utf-8")
    return root


def test_folders_are_searched_recursively_for_every_supported_type(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "exports")
    found = [p.relative_to(root.resolve()).as_posix() for p in collect_paths([root])]
    assert sorted(found) == [
        "api.JSON",
        "emea/records.ndjson",
        "emea/semicolon.csv",
        "emea/week 21/ana.tsv",
        "emea/week 21/cy.xlsx",
    ]
    db = tmp_path / "db.duckdb"
    report = run_import(db, [root])
    assert report.problems == [] and report.total("added") == 9
    assert {row[0] for row in snapshots(db)} == {
        "Ana Lima", "Bo Chen", "Cy Diaz", "Doe; Jane", "Eve Fox", "Jürgen Müller",
    }  # fmt: skip


def test_globs_pick_supported_types(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "exports")
    found = collect_paths([str(root / "**" / "*.*")])
    assert sorted(p.name for p in found) == [
        "ana.tsv", "api.JSON", "cy.xlsx", "records.ndjson", "semicolon.csv",
    ]  # fmt: skip
    assert [p.name for p in collect_paths([str(root / "emea" / "*.ndjson")])] == ["records.ndjson"]


def test_the_importer_and_the_readers_agree_on_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) == set(readers.SUPPORTED_SUFFIXES)
    assert {".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".xlsx"} <= set(
        SUPPORTED_SUFFIXES
    )


def test_content_imported_before_is_skipped_and_reported(tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    run_import(db, [WILD / "api.json"])
    before = snapshots(db)
    renamed = tmp_path / "same content.json"
    shutil.copyfile(WILD / "api.json", renamed)
    report = run_import(db, [WILD / "api.json", renamed])
    assert [f.status for f in report.files] == ["already imported", "already imported"]
    assert report.total("added") == 0
    assert snapshots(db) == before


def test_the_same_content_twice_in_one_import_is_read_once(tmp_path: Path) -> None:
    copy = tmp_path / "copy.jsonl"
    shutil.copyfile(WILD / "records.jsonl", copy)
    report = run_import(tmp_path / "db.duckdb", [WILD / "records.jsonl", copy])
    assert [(f.status, f.added) for f in report.files] == [
        ("imported", 2),
        ("already imported", 0),
    ]


def test_a_workbook_read_with_another_sheet_is_not_skipped(tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "book.xlsx",
        {
            "A": [["date", "name", "brand", "people", "insights", "relationships"],
                  ["2026-05-19", "Ana Lima", 10, 10, 10, 10]],
            "B": [["date", "name", "brand", "people", "insights", "relationships"],
                  ["2026-05-19", "Bo Chen", 10, 10, 10, 10]],
        },
    )  # fmt: skip
    db = tmp_path / "db.duckdb"
    assert run_import(db, [book]).total("added") == 1
    assert run_import(db, [book], ImportOptions(sheet="B")).total("added") == 1
    assert run_import(db, [book], ImportOptions(sheet="B")).files[0].status == "already imported"


def test_a_date_less_file_given_another_date_is_not_skipped(tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    run_import(db, [WILD / "no_date.csv"], ImportOptions(default_date=dt.date(2026, 5, 19)))
    report = run_import(
        db, [WILD / "no_date.csv"], ImportOptions(default_date=dt.date(2026, 5, 26))
    )
    assert report.total("added") == 1
    assert [row[1] for row in snapshots(db)] == ["2026-05-19", "2026-05-26"]
