"""Excel .xlsx: the first sheet or --sheet, sheet row numbers in problems, clear refusals."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from wild_helpers import WILD, imported, refused, write_xlsx

HEADER = [
    "Date",
    "Full name",
    "Team",
    "PROFESSIONAL_BRAND",
    "FIND_RIGHT_PEOPLE",
    "INSIGHT_ENGAGEMENT",
    "STRONG_RELATIONSHIP",
    "Social Selling Index",
    "Industry SSI rank",
]
TEAM = [
    HEADER,
    # A real date cell, numbers, and text the way LinkedIn shows it.
    [dt.date(2026, 5, 19), "Ana Lima", "EMEA", 12.5, 11, 10.25, 14, 47.75, "Top 9%"],
    [None] * 9,  # an empty row in the middle (row 3) is skipped
    ["2026-05-19", "Bo Chen", "AMER", "20,5", 15, 12, 13, "60,5 out of 100", 2],
]
OTHER = [
    ["date", "name", "brand", "people", "insights", "relationships"],
    ["2026-06-01", "Cy Diaz", 10, 10, 10, 10],
]


def test_the_first_sheet_is_read(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "team.xlsx", {"Team": TEAM, "Other": OTHER})
    assert imported(tmp_path, book) == [
        ("Ana Lima", "2026-05-19", 47.75, 12.5, 11.0, 10.25, 14.0, 9.0, None, None, None),
        # 20.5 + 15 + 12 + 13 = 60.5
        ("Bo Chen", "2026-05-19", 60.5, 20.5, 15.0, 12.0, 13.0, 2.0, None, None, None),
    ]


def test_sheet_option_picks_a_sheet_by_name(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "team.xlsx", {"Team": TEAM, "Other": OTHER})
    assert imported(tmp_path, book, sheet="Other") == [
        ("Cy Diaz", "2026-06-01", 40.0, 10.0, 10.0, 10.0, 10.0, None, None, None, None),
    ]
    # Case does not matter when it picks one sheet.
    assert [r[0] for r in imported(tmp_path / "again", book, sheet="other")] == ["Cy Diaz"]


def test_a_bad_sheet_name_lists_the_sheets(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "team.xlsx", {"Team": TEAM, "Other": OTHER})
    [problem] = refused(tmp_path, book, sheet="Q3")
    assert str(problem) == f"{book}: no sheet named 'Q3'; the workbook's sheets are 'Team', 'Other'"


def test_problems_name_the_sheet_row(tmp_path: Path) -> None:
    rows = [list(r) for r in TEAM]
    rows[3][6] = 26  # Bo Chen's relationships, row 4 of the sheet (row 3 is empty)
    rows[3][7] = None
    book = write_xlsx(tmp_path / "team.xlsx", {"Team": rows})
    problems = refused(tmp_path, book)
    assert [(p.line, p.column) for p in problems] == [(4, "relationships")]
    assert str(problems[0]).startswith(f"{book}: row 4: column 'relationships': ")


def test_rows_are_counted_from_where_the_sheet_starts(tmp_path: Path) -> None:
    rows = [list(r) for r in OTHER]
    rows[1][2] = "ten"
    book = write_xlsx(tmp_path / "low.xlsx", {"Data": rows}, first_row=3)  # header in row 3
    problems = refused(tmp_path, book)
    assert [(p.line, p.column) for p in problems] == [(4, "brand")]


def test_a_long_sheet_is_pivoted(tmp_path: Path) -> None:
    long = [
        ["date", "rep", "metric", "value"],
        ["2026-05-19", "Ana Lima", "PROFESSIONAL_BRAND", 12.5],
        ["2026-05-19", "Ana Lima", "FIND_RIGHT_PEOPLE", 11],
        ["2026-05-19", "Ana Lima", "INSIGHT_ENGAGEMENT", 10.25],
        ["2026-05-19", "Ana Lima", "STRONG_RELATIONSHIP", 14],
        ["2026-05-19", "Ana Lima", "BRAVADO", 1],
    ]
    book = write_xlsx(tmp_path / "long.xlsx", {"Long": long})
    problems = refused(tmp_path, book)
    assert [(p.line, p.column) for p in problems] == [(6, "metric")]
    assert str(problems[0]).startswith(f"{book}: row 6: column 'metric': unknown metric 'BRAVADO'")
    assert [
        r[:3] for r in imported(tmp_path, write_xlsx(tmp_path / "ok.xlsx", {"L": long[:5]}))
    ] == [("Ana Lima", "2026-05-19", 47.75)]


def test_a_csv_renamed_xlsx_is_refused_without_a_traceback(tmp_path: Path) -> None:
    [problem] = refused(tmp_path, WILD / "csv_renamed.xlsx")
    assert str(problem) == (
        f"{WILD / 'csv_renamed.xlsx'}: not an Excel workbook: it holds text (a CSV export?);"
        " name it .csv to import it"
    )


def test_a_corrupt_workbook_is_refused_without_a_traceback(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "team.xlsx", {"Team": TEAM})
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(book.read_bytes()[:200])  # a zip header and little else
    [problem] = refused(tmp_path, broken)
    assert "cannot be read as an Excel workbook" in problem.message


def test_an_empty_sheet_is_refused(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "empty.xlsx", {"Nothing": [], "Team": TEAM})
    [problem] = refused(tmp_path, book)
    assert problem.file == str(book) and "empty" in problem.message


def test_xlsx_files_are_found_in_folders(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    write_xlsx(folder / "other.xlsx", {"Other": OTHER})
    shutil.copyfile(WILD / "tab.txt", folder / "tab.txt")
    assert [r[:2] for r in imported(tmp_path, folder)] == [
        ("Bo Chen", "2026-05-19"),
        ("Cy Diaz", "2026-06-01"),
    ]


def test_a_conflict_across_files_names_the_sheet_row(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "team.xlsx", {"Team": TEAM})
    problems = refused(tmp_path, book, WILD / "tab.txt")  # Bo Chen on 2026-05-19 in both
    assert sorted(str(p).split(": column")[0] for p in problems) == sorted(
        [f"{book}: row 4", f"{WILD / 'tab.txt'}:2"]
    )
