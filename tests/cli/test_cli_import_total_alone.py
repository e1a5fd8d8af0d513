"""`ssi-tui import` of a file giving totals alone: imported, the pillars stored as not given."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.cli.conftest import Invoke
from tests.db_helpers import query


def test_blank_pillars_with_a_total_import_as_null(invoke: Invoke, tmp_path: Path) -> None:
    export = tmp_path / "standup.csv"
    export.write_text(
        "date,name,ssi,brand,people,insights,relationships\n"
        "2026-12-07,Ann Lee,67,,,,\n"
        "2026-12-07,Bo Chen,58,15,,N/A,\n"
        "2026-12-07,Cy Diaz,,10,10,10,10.5\n",
        encoding="utf-8",
    )
    db = tmp_path / "team.duckdb"
    result = invoke("import", db, export)
    assert result.exit_code == 0, result.output
    assert "3 new, 0 corrected, 0 unchanged" in result.output
    assert query(
        db,
        "SELECT r.name, s.ssi, s.brand, s.people, s.insights, s.relationships"
        " FROM snapshots s JOIN reps r USING (rep_id) ORDER BY r.name",
    ) == [
        ("Ann Lee", 67.0, None, None, None, None),
        ("Bo Chen", 58.0, 15.0, None, None, None),
        ("Cy Diaz", 40.5, 10.0, 10.0, 10.0, 10.5),
    ]


def test_no_total_and_blank_pillars_is_refused_at_its_line(
    invoke: Invoke, tmp_path: Path, dump: Callable[[Path], dict]
) -> None:
    db = tmp_path / "team.duckdb"
    first = tmp_path / "first.csv"
    first.write_text(
        "date,name,ssi,brand,people,insights,relationships\n2026-11-30,Ann Lee,66,16,17,16,17\n"
    )
    assert invoke("import", db, first).exit_code == 0
    before = dump(db)
    export = tmp_path / "standup.csv"
    export.write_text(
        "date,name,ssi,brand,people,insights,relationships\n2026-12-07,Ann Lee,,16,,16,17\n",
        encoding="utf-8",
    )
    result = invoke("import", db, export)
    assert result.exit_code == 1
    assert f"{export}:2: column 'people': missing value; expected a number from 0 to 25" in (
        result.output
    )
    assert dump(db) == before
