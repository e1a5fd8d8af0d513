"""`ssi-tui import --map "HEADER=column"`: a usage error when wrong, else headers named."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MIXED = FIXTURES / "mixed"

Dump = Callable[[Path], dict[str, list[tuple]]]


def test_the_missing_column_message_shows_the_map_that_imports_the_file(
    invoke, tmp_path: Path, dump: Dump
) -> None:
    db = tmp_path / "team.duckdb"
    refused = invoke("import", db, MIXED / "no_people.csv")
    assert refused.exit_code == 1
    assert '--map "HEADER=people"' in refused.stderr
    result = invoke("import", db, MIXED / "no_people.csv", "--map", "prospecting=people")
    assert result.exit_code == 0, result.output
    assert "no_people.csv: 1 new" in result.stdout
    [snapshot] = dump(db)["snapshots"]
    assert 62.0 in snapshot and 16.0 in snapshot


def test_repeated_maps_combine(invoke, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "Stamp,Who,Brand,Prospecting,Insights,Relationships\n2026-11-09,Ann,15,14,13,12\n",
        encoding="utf-8",
    )
    result = invoke(
        "import",
        tmp_path / "db.duckdb",
        sheet,
        "--map",
        "Stamp=date",
        "--map",
        "Who=name; Prospecting=people",
    )
    assert result.exit_code == 0, result.output
    assert "sheet.csv: 1 new" in result.stdout


def test_an_unknown_column_is_a_usage_error_listing_the_valid_names(invoke, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    result = invoke("import", db, MIXED / "no_people.csv", "--map", "Prospecting=peple")
    assert result.exit_code == 2
    assert "Invalid value for '--map': unknown column 'peple'" in result.stderr
    assert "expected one of: date, name, rep_id, team, ssi, brand, people," in result.stderr
    assert not db.exists()


def test_a_pair_without_equals_is_a_usage_error(invoke, tmp_path: Path) -> None:
    result = invoke("import", tmp_path / "db.duckdb", MIXED / "no_people.csv", "--map", "people")
    assert result.exit_code == 2
    assert 'expected HEADER=column such as "Find People=people"' in result.stderr


def test_a_header_in_no_file_is_refused_naming_the_map(
    invoke, history_db: Path, dump: Dump
) -> None:
    before = dump(history_db)
    result = invoke(
        "import",
        history_db,
        MIXED / "no_people.csv",
        MIXED / "standup.csv",
        "--map",
        "Prospectng=people",
    )
    assert result.exit_code == 1
    assert "--map \"Prospectng=people\": no file has a header 'Prospectng'" in result.stderr
    assert dump(history_db) == before
