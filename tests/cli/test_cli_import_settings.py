"""`ssi-tui import --remember`: --map and --date-format kept by the database for later imports,
and the day order learned from files whose dates tell (issue #23, item 6)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.db_helpers import query

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WILD = FIXTURES / "wild"

Dump = Callable[[Path], dict[str, list[tuple]]]

HEADER = "Stamp,Who,Brand,Prospecting,Insights,Relationships\n"


def _sheet(folder: Path, name: str, *rows: str) -> Path:
    """The weekly sheet as one team keeps it: its own headers, day-first dates."""
    path = folder / name
    path.write_text(HEADER + "".join(f"{row}\n" for row in rows), encoding="utf-8")
    return path


def _dates(db: Path) -> list[str]:
    return [str(d) for (d,) in query(db, "SELECT snapshot_date FROM snapshots ORDER BY 1")]


def test_remembered_map_and_date_format_import_the_next_sheet_without_options(
    invoke, tmp_path: Path
) -> None:
    db = tmp_path / "team.duckdb"
    week1 = _sheet(tmp_path, "week1.csv", "02/11/2026,Ann,15,14,13,12")
    week2 = _sheet(tmp_path, "week2.csv", "09/11/2026,Ann,16,14,13,12")
    refused = invoke("import", db, week2)
    assert refused.exit_code == 1 and not db.exists()
    first = invoke(
        "import",
        db,
        week1,
        "--map",
        "Stamp=date; Who=name; Prospecting=people",
        "--date-format",
        "%d/%m/%Y",
        "--remember",
    )
    assert first.exit_code == 0, first.output
    assert "remembered these settings" in first.stderr
    second = invoke("import", db, week2)
    assert second.exit_code == 0, second.output
    assert "week2.csv: 1 new" in second.stdout
    assert (
        'using the remembered --map "Stamp=date; Who=name; Prospecting=people" and'
        " --date-format %d/%m/%Y" in second.stderr
    )
    assert f"ssi-tui import --forget-settings {db}" in second.stderr
    assert _dates(db) == ["2026-11-02", "2026-11-09"]  # day first, as remembered


def test_explicit_options_win_for_that_run_only(invoke, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    week1 = _sheet(tmp_path, "week1.csv", "02/11/2026,Ann,15,14,13,12")
    mapping = ("--map", "Stamp=date; Who=name; Prospecting=people")
    assert (
        invoke("import", db, week1, *mapping, "--date-format", "%d/%m/%Y", "--remember").exit_code
        == 0
    )
    us = _sheet(tmp_path, "us.csv", "11/16/2026,Ann,15,14,13,12")
    typed = invoke("import", db, us, "--date-format", "%m/%d/%Y")
    assert typed.exit_code == 0, typed.output
    assert 'using the remembered --map "' in typed.stderr  # the map still is
    assert "--date-format %d/%m/%Y" not in typed.stderr
    assert "2026-11-16" in _dates(db)
    later = _sheet(tmp_path, "later.csv", "23/11/2026,Ann,15,14,13,12")
    assert invoke("import", db, later).exit_code == 0  # the remembered format again
    assert "2026-11-23" in _dates(db)


def test_a_remembered_header_missing_from_a_file_is_no_error(invoke, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "date,name,Brand,Prospecting,Insights,Relationships\n2026-11-09,Ann,15,14,13,12\n",
        encoding="utf-8",
    )
    mapping = ("--map", "Prospecting=people; Who=name", "--remember")
    typed = invoke("import", db, sheet, *mapping)
    assert typed.exit_code == 1 and "no file has a header 'Who'" in typed.stderr
    other = tmp_path / "other.csv"
    other.write_text(
        "date,Who,brand,Prospecting,insights,relationships\n2026-11-16,Ann,15,14,13,12\n",
        encoding="utf-8",
    )
    assert invoke("import", db, other, *mapping).exit_code == 0
    # Remembered (not typed), a header this week's file lacks is fine.
    result = invoke("import", db, sheet)
    assert result.exit_code == 0, result.output
    assert "sheet.csv: 1 new" in result.stdout


def test_the_same_file_read_with_other_remembered_settings_is_not_skipped(
    invoke, tmp_path: Path
) -> None:
    db = tmp_path / "team.duckdb"
    ambiguous = _sheet(tmp_path, "amb.csv", "05/01/2026,Ann,15,14,13,12")
    mapping = ("--map", "Stamp=date; Who=name; Prospecting=people")
    assert (
        invoke(
            "import", db, ambiguous, *mapping, "--date-format", "%d/%m/%Y", "--remember"
        ).exit_code
        == 0
    )
    assert "already imported" in invoke("import", db, ambiguous).stdout
    assert invoke("import", db, ambiguous, "--date-format", "%m/%d/%Y").exit_code == 0
    assert invoke("import", db, "--forget-settings").exit_code == 0
    assert (
        invoke(
            "import", db, ambiguous, *mapping, "--date-format", "%m/%d/%Y", "--remember"
        ).exit_code
        == 0
    )
    result = invoke("import", db, ambiguous)
    assert "already imported" in result.stdout  # read as the remembered month-first again
    assert _dates(db) == ["2026-01-05", "2026-05-01"]


def test_forget_settings_says_what_it_forgot_and_later_imports_need_options_again(
    invoke, tmp_path: Path, dump: Dump
) -> None:
    db = tmp_path / "team.duckdb"
    week1 = _sheet(tmp_path, "week1.csv", "02/11/2026,Ann,15,14,13,12")
    mapping = ("--map", "Stamp=date; Who=name; Prospecting=people")
    assert (
        invoke("import", db, week1, *mapping, "--date-format", "%d/%m/%Y", "--remember").exit_code
        == 0
    )
    forgot = invoke("import", "--forget-settings", db)
    assert forgot.exit_code == 0, forgot.output
    assert '--map "Stamp=date; Who=name; Prospecting=people"' in forgot.stdout
    assert "--date-format %d/%m/%Y" in forgot.stdout
    before = dump(db)
    week2 = _sheet(tmp_path, "week2.csv", "09/11/2026,Ann,16,14,13,12")
    refused = invoke("import", db, week2)
    assert refused.exit_code == 1 and "no 'name' column" in refused.stderr
    assert dump(db) == before
    assert "nothing (no settings" in invoke("import", "--forget-settings", db).stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--remember",), "give at least one"),
        ((), "give the files to import"),
    ],
)
def test_remember_usage_errors(invoke, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    files = (WILD / "ssi_2026-05-19.csv",) if args else ()
    result = invoke("import", tmp_path / "team.duckdb", *files, *args)
    assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path / "team.duckdb").exists()


def test_forget_settings_of_no_database_is_a_clean_error(invoke, tmp_path: Path) -> None:
    result = invoke("import", "--forget-settings", tmp_path / "none.duckdb")
    assert result.exit_code == 1 and "no such database" in result.stderr


def test_a_dry_run_remembers_nothing(invoke, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    week1 = _sheet(tmp_path, "week1.csv", "2026-11-02,Ann,15,14,13,12")
    mapping = ("--map", "Stamp=date; Who=name; Prospecting=people")
    assert invoke("import", db, week1, *mapping).exit_code == 0
    dry = invoke(
        "import", db, week1, *mapping, "--date-format", "%d/%m/%Y", "--remember", "--dry-run"
    )
    assert dry.exit_code == 0 and "remembered" not in dry.stderr
    assert "using the remembered" not in invoke("import", db, week1, *mapping).stderr


# The learned day order.


def test_ambiguous_dates_use_the_day_order_learned_from_an_earlier_import(
    invoke, tmp_path: Path
) -> None:
    db = tmp_path / "team.duckdb"
    refused = invoke("import", db, WILD / "dates_ambiguous.csv")
    assert refused.exit_code == 1 and "could be MM/DD/YYYY or DD/MM/YYYY" in refused.stderr
    taught = invoke("import", db, WILD / "dates_day_first.csv")
    assert taught.exit_code == 0, taught.output
    assert "learned that dates here are day first (%d/%m/%Y: '13/01/2026')" in taught.stderr
    result = invoke("import", db, WILD / "dates_ambiguous.csv")
    assert result.exit_code == 0, result.output
    assert (
        "dates such as '05/01/2026' could be day or month first; read day first (%d/%m/%Y),"
        " the order this database learned" in result.stderr
    )
    assert "2026-01-06" in _dates(db)  # 06/01 read day first


def test_a_month_first_file_teaches_the_other_order(invoke, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    assert invoke("import", db, WILD / "dates_month_first.csv").exit_code == 0
    result = invoke("import", db, WILD / "dates_ambiguous.csv", "--json")
    assert result.exit_code == 0, result.output
    assert "2026-06-01" in _dates(db)  # 06/01/2026 read month first
    report = json.loads(result.stdout)
    assert any("read month first (%m/%d/%Y)" in n for n in report["notices"])
    assert invoke("import", db, "--forget-settings").exit_code == 0
    again = tmp_path / "again.csv"
    again.write_text((WILD / "dates_ambiguous.csv").read_text().replace("2026", "2027"))
    assert invoke("import", db, again).exit_code == 1  # nothing learned any more


def test_files_that_disagree_teach_nothing(invoke, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    both = invoke("import", db, WILD / "dates_day_first.csv", WILD / "dates_month_first.csv")
    assert both.exit_code == 0, both.output
    assert "learned" not in both.stderr
    refused = invoke("import", db, WILD / "dates_ambiguous.csv")
    assert refused.exit_code == 1 and "could be MM/DD/YYYY or DD/MM/YYYY" in refused.stderr
