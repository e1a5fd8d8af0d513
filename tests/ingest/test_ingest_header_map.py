"""`--map "HEADER=column"` through the import use case: parsed, checked, applied to every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ssi_tui.importing.importer import run_import
from ssi_tui.importing.options import ImportOptions
from ssi_tui.ingest.header_map import HeaderMapError, parse_header_map
from tests.ingest.wild.wild_helpers import imported, refused, snapshots, write_xlsx

SHEET_HEADER = ["Week of", "Rep", "Brand", "Prospecting", "Engagement score", "Relationships"]
ANN = ["2026-11-09", "Ann Lee", 15, 14, 13, 12]
ANN_ROW = ("Ann Lee", "2026-11-09", 54.0, 15.0, 14.0, 13.0, 12.0, None, None, None, None)
PROSPECTING = parse_header_map(["Prospecting=people", "engagement score=Insights"])


def _csv(path: Path, rows: list[list[object]]) -> Path:
    path.write_text("".join(",".join(map(str, row)) + "\n" for row in rows), encoding="utf-8")
    return path


def test_parsing_accepts_repeats_and_comma_or_semicolon_separated_pairs() -> None:
    mapping = parse_header_map(["Find People=people; Week of = DATE", "Seat=name,"])
    assert mapping.pairs == (("Find People", "people"), ("Week of", "date"), ("Seat", "name"))
    assert mapping.column_for("find_people") == "people"
    assert mapping.column_for("Find the right people") is None


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        ("Find People", 'expected HEADER=column such as "Find People=people"'),
        ("=people", "expected HEADER=column"),
        ("Find People=", "expected HEADER=column"),
        ("Find People=peple", "unknown column 'peple' in 'Find People=peple'; expected one of:"),
        ("--=people", "has no letter or digit"),
    ],
)
def test_a_faulty_pair_is_refused_with_what_is_expected(entry: str, says: str) -> None:
    with pytest.raises(HeaderMapError) as refused_map:
        parse_header_map([entry])
    assert says in str(refused_map.value)


def test_one_header_mapped_to_two_columns_is_refused() -> None:
    with pytest.raises(HeaderMapError) as refused_map:
        parse_header_map(["Score=ssi", "score=brand"])
    assert "mapped twice, to 'ssi' and to 'brand'" in str(refused_map.value)


def test_a_csv_with_unknown_headers_imports_once_they_are_mapped(tmp_path: Path) -> None:
    sheet = _csv(tmp_path / "sheet.csv", [SHEET_HEADER, ANN])
    problems = refused(tmp_path, sheet)
    assert "no 'people' column" in problems[0].message
    assert imported(tmp_path, sheet, header_map=PROSPECTING) == [ANN_ROW]


def test_an_excel_sheet_and_a_json_export_are_mapped_alike(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "team.xlsx", {"Team": [SHEET_HEADER, ANN]})
    records = tmp_path / "team.json"
    bob = ["2026-11-16", "Bob Roe", 10, 11, 12, 13]
    records.write_text(json.dumps([dict(zip(SHEET_HEADER, bob, strict=True))]), encoding="utf-8")
    assert imported(tmp_path, book, records, header_map=PROSPECTING) == [
        ANN_ROW,
        ("Bob Roe", "2026-11-16", 46.0, 10.0, 11.0, 12.0, 13.0, None, None, None, None),
    ]


def test_metric_names_of_a_long_export_are_mapped_too(tmp_path: Path) -> None:
    long = _csv(
        tmp_path / "long.csv",
        [["date", "rep", "metric", "value"]]
        + [["2026-11-09", "Ann Lee", m, v] for m, v in zip(SHEET_HEADER[2:], ANN[2:], strict=True)],
    )
    assert imported(tmp_path, long, header_map=PROSPECTING) == [ANN_ROW]


def test_a_mapped_header_wins_over_a_header_the_alias_table_knows(tmp_path: Path) -> None:
    sheet = _csv(
        tmp_path / "sheet.csv",
        [[*SHEET_HEADER, "People"], [*ANN, 3]],  # People: how many people were met
    )
    db = tmp_path / "team.duckdb"
    report = run_import(db, [sheet], ImportOptions(header_map=PROSPECTING))
    assert snapshots(db) == [ANN_ROW]
    assert f"{sheet}: ignored column 'People': --map gives 'people' to 'Prospecting'" in (
        report.notices
    )


def test_a_mapped_header_in_one_file_only_is_fine(tmp_path: Path) -> None:
    sheet = _csv(tmp_path / "sheet.csv", [SHEET_HEADER, ANN])
    plain = _csv(
        tmp_path / "plain.csv",
        [
            ["date", "name", "brand", "people", "insights", "relationships"],
            ["2026-11-16", "Bob Roe", 10, 11, 12, 13],
        ],
    )
    assert len(imported(tmp_path, sheet, plain, header_map=PROSPECTING)) == 2


def test_a_mapped_header_in_no_file_is_an_error_and_nothing_is_written(tmp_path: Path) -> None:
    sheet = _csv(tmp_path / "sheet.csv", [SHEET_HEADER, ANN])
    typo = parse_header_map(["Prospecting=people", "Engagment score=insights"])
    problems = refused(tmp_path, sheet, header_map=typo)
    assert [str(p) for p in problems][-1] == (
        "--map \"Engagment score=insights\": no file has a header 'Engagment score' (case,"
        " spaces and punctuation ignored); expected a header of one of the files"
    )


def test_two_headers_of_one_file_mapped_to_one_column_are_refused(tmp_path: Path) -> None:
    sheet = _csv(tmp_path / "sheet.csv", [[*SHEET_HEADER, "Week"], [*ANN, "2026-11-09"]])
    mapping = parse_header_map(["Prospecting=people", "Engagement score=insights", "Week=date"])
    mapping = parse_header_map([str(mapping), "Week of=date"])
    problems = refused(tmp_path, sheet, header_map=mapping)
    assert [str(p) for p in problems] == [
        f"{sheet}:1: several columns are mapped to 'date': Week of, Week; expected one"
    ]


def test_the_mapping_is_part_of_what_makes_a_file_already_imported(tmp_path: Path) -> None:
    """The same bytes read with another mapping are other data: not skipped."""
    sheet = _csv(
        tmp_path / "sheet.csv",
        [
            ["Week of", "Rep", "Brand", "People", "Insights", "Relationships", "Prospecting"],
            [*ANN[:3], 3, *ANN[4:], 14],
        ],
    )
    db = tmp_path / "team.duckdb"
    first = run_import(db, [sheet])  # People read as the pillar
    assert first.total("added") == 1
    again = run_import(db, [sheet])
    assert [f.status for f in again.files] == ["already imported"]
    mapped = run_import(
        db, [sheet], ImportOptions(header_map=parse_header_map(["Prospecting=people"]))
    )
    assert [f.status for f in mapped.files] == ["imported"]
    assert mapped.total("updated") == 1
    assert snapshots(db) == [ANN_ROW]
    mapped_again = run_import(
        db, [sheet], ImportOptions(header_map=parse_header_map(["prospecting=People"]))
    )
    assert [f.status for f in mapped_again.files] == ["already imported"]


def test_a_file_in_our_own_columns_is_mapped_too(tmp_path: Path) -> None:
    """Such a file takes the DuckDB fast path, which knows nothing of mappings: with one, it
    takes the general path. Here two columns were typed the wrong way round."""
    canonical = _csv(
        tmp_path / "canonical.csv",
        [
            ["date", "rep_id", "name", "ssi", "brand", "people", "insights", "relationships"],
            ["2026-11-09", "ann@x.example", "Ann Lee", 54, 15, 13, 14, 12],
        ],
    )
    swapped = parse_header_map(["people=insights", "insights=people"])
    assert imported(tmp_path, canonical, header_map=swapped) == [ANN_ROW]


def test_an_activity_export_is_mapped_too(tmp_path: Path) -> None:
    activity = _csv(
        tmp_path / "activity.csv",
        [["date", "name", "Prospect searches", "Leads"], ["2026-11-09", "Ann Lee", 12, 4]],
    )
    refused_problems = refused(tmp_path, activity)
    assert "no 'brand' column" in refused_problems[0].message  # no measure known: an SSI export
    mapping = parse_header_map(["Prospect searches=searches; Leads=leads_saved"])
    db = tmp_path / "team.duckdb"
    report = run_import(db, [activity], ImportOptions(header_map=mapping))
    assert report.total("added") == 1
    assert any("estimated SSI from activity metrics" in n for n in report.notices)
