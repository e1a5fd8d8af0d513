"""One rep per person across imports: rows without a rep_id match an existing rep by name,
a rep known only by name adopts the e-mail a later export brings, ambiguity is refused, and
names are kept with single spaces. On both import paths (our own CSV through DuckDB, any
other file through Polars)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from ssi_tui.errors import InvalidExportError
from ssi_tui.importing.importer import run_import
from ssi_tui.store import database as store
from tests.db_helpers import TableDump, query
from tests.store.old_schema import as_version_5

IDENTITY = Path(__file__).resolve().parents[1] / "fixtures" / "identity"
SHEET = IDENTITY / "sheet_by_name.csv"
EXPORTS = {
    "fast path": IDENTITY / "export_with_ids.csv",
    "polars path": IDENTITY / "export_with_ids.tsv",
}


def _reps(db: Path) -> list[tuple]:
    return query(db, "SELECT rep_id, name, team FROM reps ORDER BY name")


def _history(db: Path, rep_id: str) -> list[tuple]:
    return query(
        db,
        "SELECT snapshot_date::VARCHAR, ssi FROM snapshots"
        f" WHERE rep_id = '{rep_id}' ORDER BY snapshot_date",
    )


@pytest.mark.parametrize("export", EXPORTS.values(), ids=EXPORTS.keys())
def test_an_export_with_emails_after_a_sheet_by_name_keeps_one_rep_each(
    tmp_path: Path, export: Path
) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [SHEET])
    report = run_import(db, [export])

    assert [(f.added, f.updated, f.unchanged, f.reps) for f in report.files] == [(3, 0, 0, 3)]
    assert report.total("matched_by_name") == 3
    # The ids made from the names stay the reps' ids, their history whole; the e-mails are theirs.
    assert [rep_id for rep_id, _, _ in _reps(db)] == ["ann-lee", "jon-smith", "jose-nunez"]
    assert _history(db, "jon-smith") == [
        ("2026-11-02", 58.0),
        ("2026-11-09", 59.0),
        ("2026-11-16", 60.12),
    ]
    assert query(db, "SELECT alias, rep_id FROM rep_aliases ORDER BY alias") == [
        ("ann.lee@acme.example", "ann-lee"),
        ("jon.smith@acme.example", "jon-smith"),
        ("jose.nunez@acme.example", "jose-nunez"),
    ]
    # The newest data names them: single spaces, the export's spelling.
    assert [name for _, name, _ in _reps(db)] == ["Ann Lee", "Jon Smith", "Jose Nunez"]


@pytest.mark.parametrize("export", EXPORTS.values(), ids=EXPORTS.keys())
def test_a_sheet_by_name_after_an_export_with_emails_matches_by_name(
    tmp_path: Path, export: Path
) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [export])
    report = run_import(db, [SHEET])

    assert [(f.added, f.matched_by_name, f.reps) for f in report.files] == [(6, 6, 3)]
    assert [rep_id for rep_id, _, _ in _reps(db)] == [
        "ann.lee@acme.example",
        "jon.smith@acme.example",
        "jose.nunez@acme.example",
    ]
    assert _history(db, "jon.smith@acme.example") == [
        ("2026-11-02", 58.0),
        ("2026-11-09", 59.0),
        ("2026-11-16", 60.12),
    ]


def test_a_later_export_by_email_is_read_as_the_rep_who_adopted_it(tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [SHEET])
    run_import(db, [EXPORTS["fast path"]])
    later = tmp_path / "later.csv"
    later.write_text(
        EXPORTS["fast path"].read_text().replace("2026-11-16", "2026-11-23"), encoding="utf-8"
    )
    report = run_import(db, [later])

    assert report.total("added") == 3 and report.total("matched_by_name") == 0
    assert len(_reps(db)) == 3
    assert [d for d, _ in _history(db, "ann-lee")][-1] == "2026-11-23"


def test_a_sheet_and_an_export_of_the_same_reps_in_one_import_make_one_rep_each(
    tmp_path: Path,
) -> None:
    db = tmp_path / "team.duckdb"
    report = run_import(db, [SHEET, EXPORTS["polars path"]])

    assert report.total("added") == 9
    assert [rep_id for rep_id, _, _ in _reps(db)] == [
        "ann.lee@acme.example",
        "jon.smith@acme.example",
        "jose.nunez@acme.example",
    ]


def test_a_name_that_several_reps_have_is_refused_naming_them(
    tmp_path: Path, dump: Callable[[Path], TableDump]
) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [IDENTITY / "same_name_two_ids.csv"])
    before = dump(db)
    with pytest.raises(InvalidExportError) as raised:
        run_import(db, [IDENTITY / "sheet_jon_only.csv"])

    (problem,) = raised.value.problems
    assert problem.file.endswith("sheet_jon_only.csv")
    assert "'JON SMITH' has no rep_id and matches several reps by name" in problem.message
    assert "jon.smith@acme.example (Jon Smith)" in problem.message
    assert "jon.smith@other.example (Jon Smith)" in problem.message
    assert dump(db) == before


def test_an_email_for_a_name_several_reps_have_only_by_name_is_refused(
    tmp_path: Path, dump: Callable[[Path], TableDump]
) -> None:
    db = tmp_path / "team.duckdb"
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "date,name,ssi,brand,people,insights,relationships\n"
        "2026-11-09,Jon Smith,58,16,14,13,15\n"
        "2026-11-09,JonSmith,40,10,10,10,10\n",
        encoding="utf-8",
    )
    run_import(db, [sheet])
    before = dump(db)
    with pytest.raises(InvalidExportError) as raised:
        run_import(db, [EXPORTS["fast path"]])

    (problem,) = raised.value.problems
    assert "rep_id 'jon.smith@acme.example' (Jon Smith) could be any of several reps" in (
        problem.message
    )
    assert "jon-smith (Jon Smith)" in problem.message and "jonsmith (JonSmith)" in problem.message
    assert dump(db) == before


def test_another_email_for_a_rep_with_one_is_another_rep(tmp_path: Path) -> None:
    """Only a rep known by name alone adopts an e-mail: two e-mails are two people."""
    db = tmp_path / "team.duckdb"
    run_import(db, [EXPORTS["fast path"]])
    other = tmp_path / "other.csv"
    other.write_text(
        EXPORTS["fast path"].read_text().replace("@acme.example", "@other.example"),
        encoding="utf-8",
    )
    report = run_import(db, [other])

    assert report.total("matched_by_name") == 0
    assert len(_reps(db)) == 6


@pytest.mark.parametrize("suffix", [".csv", ".tsv"], ids=["fast path", "polars path"])
def test_names_are_stored_with_single_spaces(tmp_path: Path, suffix: str) -> None:
    db = tmp_path / "team.duckdb"
    export = tmp_path / f"export{suffix}"
    sep = "," if suffix == ".csv" else "\t"
    export.write_text(
        sep.join(["date", "rep_id", "name", "ssi", "brand", "people", "insights", "relationships"])
        + "\n"
        + sep.join(["2026-11-16", "jon@acme.example", "Jon  Smith", "60", "15", "15", "15", "15"])
        + "\n",
        encoding="utf-8",
    )
    run_import(db, [export])
    assert _reps(db) == [("jon@acme.example", "Jon Smith", None)]


def test_upgrading_a_version_5_file_tidies_its_names_and_reads_adopted_ids(
    tmp_path: Path,
) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [SHEET])
    as_version_5(db)
    conn = duckdb.connect(str(db))
    try:
        conn.execute("UPDATE reps SET name = ' Jon   Smith ' WHERE rep_id = 'jon-smith'")
    finally:
        conn.close()

    with store.open_write(db):  # as `ssi-tui upgrade` or the next import does
        pass
    assert ("jon-smith", "Jon Smith", "SMB") in _reps(db)
    run_import(db, [EXPORTS["fast path"]])
    assert len(_reps(db)) == 3


def test_a_sheet_row_that_disagrees_with_the_export_of_the_same_week_is_refused(
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "date,name,ssi,brand,people,insights,relationships\n"
        "2026-11-16,Jon Smith,50,12.5,12.5,12.5,12.5\n",
        encoding="utf-8",
    )
    db = tmp_path / "team.duckdb"
    with pytest.raises(InvalidExportError) as raised:
        run_import(db, [sheet, EXPORTS["polars path"]])

    messages = [p.message for p in raised.value.problems]
    assert any(
        "Jon Smith on 2026-11-16: this row and another of the import for the same rep and date"
        " differ" in m
        for m in messages
    ), messages
    assert not db.exists()
