"""What an import does beyond adding rows, on both paths (our own CSV through DuckDB, a TSV
through Polars): teams from older files, values rounded at a coarser precision, typo-like
values, and the summary that tells each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ssi_tui.errors import InvalidExportError
from ssi_tui.importing.importer import run_import
from ssi_tui.importing.options import ImportOptions
from tests.db_helpers import TableDump, query

FINDINGS = Path(__file__).resolve().parents[1] / "fixtures" / "findings"
NEWEST = FINDINGS / "newest.csv"
PATHS = pytest.mark.parametrize("suffix", [".csv", ".tsv"], ids=["fast path", "polars path"])


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Ann (no team) and Bo (SMB), with precise values from 2026-11-16."""
    path = tmp_path / "team.duckdb"
    run_import(path, [NEWEST])
    return path


def _teams(db: Path) -> list[tuple]:
    return query(db, "SELECT name, team FROM reps ORDER BY name")


def _values(db: Path) -> list[tuple]:
    return query(
        db,
        "SELECT rep_id, snapshot_date::VARCHAR, ssi, brand, people, insights, relationships"
        " FROM snapshots ORDER BY ALL",
    )


@PATHS
def test_an_older_file_fills_a_blank_team_and_says_which_team_it_left(
    db: Path, suffix: str
) -> None:
    report = run_import(db, [FINDINGS / f"older_teams{suffix}"])

    assert _teams(db) == [("Ann Lee", "Enterprise"), ("Bo Kim", "SMB")]
    assert report.teams_set == 1
    assert report.teams_not_applied == [
        "team 'Mid-Market' for Bo Kim not applied: the file's dates are older than Bo Kim's"
        " newest snapshot (2026-11-16), which keeps 'SMB'"
    ]


@PATHS
def test_a_rounded_sheet_over_precise_values_changes_nothing(db: Path, suffix: str) -> None:
    before = _values(db)
    report = run_import(db, [FINDINGS / f"rounded{suffix}"])

    assert [(f.added, f.updated, f.unchanged) for f in report.files] == [(0, 0, 2)]
    assert report.corrections_total == 0
    assert _values(db) == before


@PATHS
def test_a_value_that_differs_at_its_own_precision_is_a_correction(db: Path, suffix: str) -> None:
    dry = run_import(db, [FINDINGS / f"rounded_one_changed{suffix}"], ImportOptions(dry_run=True))
    report = run_import(db, [FINDINGS / f"rounded_one_changed{suffix}"])

    for outcome in (dry, report):
        assert [(f.added, f.updated, f.unchanged) for f in outcome.files] == [(0, 1, 1)]
        assert outcome.corrections == [
            "Ann Lee, 2026-11-16, ssi: 61.13 → 60",
            "Ann Lee, 2026-11-16, insights: 14.5 → 13",
        ]
        assert outcome.corrections_total == 2
    ann = [row for row in _values(db) if row[0] == "ann.lee@acme.example"]
    # The values equal at their precision keep their decimals.
    assert ann == [("ann.lee@acme.example", "2026-11-16", 60.0, 16.21, 15.2, 13.0, 15.22)]


@PATHS
def test_a_value_that_moved_by_more_than_half_is_imported_with_a_warning(
    db: Path, suffix: str
) -> None:
    typo = FINDINGS / f"typo{suffix}"
    report = run_import(db, [typo])

    assert report.total("added") == 2
    assert report.warnings_total == 1
    (warning,) = report.warnings
    # The Polars path knows the line; the fast path names the file.
    assert (warning.file, warning.line) == (str(typo), None if suffix == ".csv" else 2)
    assert warning.column == "brand"
    assert warning.message == (
        "Ann Lee, 2026-11-23: brand 1.65 moved by more than half of 16.21 (2026-11-16); a typo?"
    )


@PATHS
def test_strict_refuses_a_typo_like_value_and_writes_nothing(
    db: Path, suffix: str, dump: Callable[[Path], TableDump]
) -> None:
    before = dump(db)
    for dry_run in (True, False):
        with pytest.raises(InvalidExportError) as raised:
            run_import(
                db, [FINDINGS / f"typo{suffix}"], ImportOptions(strict=True, dry_run=dry_run)
            )
        (problem,) = raised.value.problems
        assert "brand 1.65 moved by more than half of 16.21" in problem.message
    assert dump(db) == before


def test_a_rounded_row_and_a_precise_one_of_one_rep_and_date_keep_the_precise_one(
    tmp_path: Path,
) -> None:
    """A sheet by name and an export by e-mail of the same week, in one import: one snapshot."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "date,name,ssi,brand,people,insights,relationships\n2026-11-16,Ann Lee,61,16,15,14.5,15\n",
        encoding="utf-8",
    )
    db = tmp_path / "team.duckdb"
    report = run_import(db, [sheet, NEWEST])

    assert report.total("added") == 2 and report.total("unchanged") == 1
    assert _values(db)[0] == ("ann.lee@acme.example", "2026-11-16", 61.13, 16.21, 15.2, 14.5, 15.22)


def test_a_typo_within_one_file_is_warned_at_its_line(tmp_path: Path) -> None:
    """The previous value may be the file's own row of the week before."""
    weeks = tmp_path / "weeks.tsv"
    weeks.write_text(
        "date\tname\tssi\tbrand\tpeople\tinsights\trelationships\n"
        "2026-11-02\tAnn Lee\t60\t16.2\t15\t14\t14.8\n"
        "2026-11-09\tAnn Lee\t45.45\t1.65\t15\t14\t14.8\n",
        encoding="utf-8",
    )
    report = run_import(tmp_path / "team.duckdb", [weeks])

    assert [(w.line, w.column) for w in report.warnings] == [(3, "brand")]


def _week(path: Path, rows: list[tuple[str, float]]) -> Path:
    """A file of Ann's weeks, (date, brand) each, the other pillars steady: our own CSV (the
    fast path) or a TSV (the Polars path), by PATH's suffix."""
    sep = "\t" if path.suffix == ".tsv" else ","
    lines = ["date,rep_id,name,team,ssi,brand,people,insights,relationships"]
    ann = "ann.lee@acme.example,Ann Lee,"
    lines += [f"{d},{ann},{44 + brand:g},{brand},15,14,15" for d, brand in rows]
    path.write_text("\n".join(line.replace(",", sep) for line in lines) + "\n", encoding="utf-8")
    return path


@PATHS
def test_the_correct_value_after_a_typo_is_not_warned(tmp_path: Path, suffix: str) -> None:
    """A lone outlier is warned; the return to normal after it is not (nor refused by
    --strict), though it too moved by more than half of its previous value."""
    db = tmp_path / "team.duckdb"
    run_import(db, [_week(tmp_path / f"a{suffix}", [("2026-11-30", 13.5)])])
    typo = run_import(db, [_week(tmp_path / f"b{suffix}", [("2026-12-04", 1.34)])])
    fixed = tmp_path / f"c{suffix}"
    _week(fixed, [("2026-12-07", 13.6)])
    strict = run_import(db, [fixed], ImportOptions(strict=True, dry_run=True))
    back = run_import(db, [fixed])

    assert [w.message for w in typo.warnings] == [
        "Ann Lee, 2026-12-04: brand 1.34 moved by more than half of 13.5 (2026-11-30); a typo?"
    ]
    assert (strict.warnings_total, back.warnings_total, back.total("added")) == (0, 0, 1)


@PATHS
def test_a_typo_after_two_normal_weeks_is_warned_in_one_file_or_across_files(
    tmp_path: Path, suffix: str
) -> None:
    """The value before the previous one is the batch's own, or the stored one."""
    weeks = [("2026-11-23", 13.4), ("2026-11-30", 13.5), ("2026-12-07", 1.34), ("2026-12-14", 13.6)]
    one = run_import(tmp_path / "one.duckdb", [_week(tmp_path / f"all{suffix}", weeks)])
    across = tmp_path / "across.duckdb"
    run_import(across, [_week(tmp_path / f"first{suffix}", weeks[:2])])
    rest = run_import(across, [_week(tmp_path / f"rest{suffix}", weeks[2:])])

    for report in (one, rest):
        assert report.warnings_total == 1
        assert report.warnings[0].message == (
            "Ann Lee, 2026-12-07: brand 1.34 moved by more than half of 13.5 (2026-11-30); a typo?"
        )
