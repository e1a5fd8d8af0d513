"""Dates: ISO with or without a time, YYYY/MM/DD, DD.MM.YYYY, day- or month-first slashes."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from wild_helpers import WILD, imported, refused

from ssi_tui.ingest.file_names import date_from_file_name


def dates_and_brands(rows: list[tuple]) -> list[tuple[str, float]]:
    return [(row[1], row[3]) for row in rows]


def test_iso_datetimes_year_first_slashes_and_dotted_day_first(tmp_path: Path) -> None:
    assert dates_and_brands(imported(tmp_path, WILD / "dates_mixed.csv")) == [
        ("2026-05-19", 10.0),  # 2026-05-19T08:00:00Z: the time is dropped
        ("2026-05-26", 11.0),  # 2026/05/26
        ("2026-06-02", 12.0),  # 02.06.2026
        ("2026-06-09", 13.0),  # 2026-06-09 17:45
    ]


def test_day_first_is_decided_by_a_day_above_12(tmp_path: Path) -> None:
    # 05/01/2026 alone is ambiguous; 13/01/2026 in the same file makes it the 5th of January.
    assert dates_and_brands(imported(tmp_path, WILD / "dates_day_first.csv")) == [
        ("2026-01-05", 10.0),
        ("2026-01-13", 11.0),
    ]


def test_month_first_is_decided_by_a_day_above_12(tmp_path: Path) -> None:
    assert dates_and_brands(imported(tmp_path, WILD / "dates_month_first.csv")) == [
        ("2026-01-05", 10.0),
        ("2026-01-13", 11.0),
    ]


def test_ambiguous_slashed_dates_ask_for_date_format(tmp_path: Path) -> None:
    file = WILD / "dates_ambiguous.csv"
    problems = refused(tmp_path, file)
    assert [(p.line, p.column) for p in problems] == [(2, "date"), (3, "date")]
    text = str(problems[0])
    assert text.startswith(f"{file}:2: column 'date': ")
    assert "'05/01/2026'" in text
    assert "--date-format %d/%m/%Y" in text and "--date-format %m/%d/%Y" in text


@pytest.mark.parametrize(
    ("date_format", "expected"),
    [("%d/%m/%Y", ["2026-01-05", "2026-01-06"]), ("%m/%d/%Y", ["2026-05-01", "2026-06-01"])],
)
def test_date_format_settles_ambiguous_dates(
    tmp_path: Path, date_format: str, expected: list[str]
) -> None:
    rows = imported(tmp_path, WILD / "dates_ambiguous.csv", date_format=date_format)
    assert [row[1] for row in rows] == expected


def test_date_format_does_not_stop_iso_dates(tmp_path: Path) -> None:
    rows = imported(tmp_path, WILD / "dates_mixed.csv", date_format="%d/%m/%Y")
    assert [row[1] for row in rows] == ["2026-05-19", "2026-05-26", "2026-06-02", "2026-06-09"]


def test_a_date_that_fits_no_form_names_its_line(tmp_path: Path) -> None:
    export = tmp_path / "odd.csv"
    export.write_text(
        "date,name,brand,people,insights,relationships\n"
        "2026-05-19,Ana Lima,10,10,10,10\n"
        "19 May 2026,Bo Chen,10,10,10,10\n"
        "2026/02/30,Cy Diaz,10,10,10,10\n",
        encoding="utf-8",
    )
    problems = refused(tmp_path, export)
    assert [(p.line, p.column) for p in problems] == [(3, "date"), (4, "date")]
    assert "'19 May 2026'" in problems[0].message
    # 2026/02/30 is read as year-first, then refused as no real date.
    assert "expected a real date" in problems[1].message


def test_mixed_day_first_and_month_first_is_refused(tmp_path: Path) -> None:
    export = tmp_path / "mixed.csv"
    export.write_text(
        "date,name,brand,people,insights,relationships\n"
        "13/01/2026,Ana Lima,10,10,10,10\n"
        "01/13/2026,Bo Chen,10,10,10,10\n",
        encoding="utf-8",
    )
    problems = refused(tmp_path, export)
    assert [(p.line, p.column) for p in problems] == [(2, "date"), (3, "date")]
    assert "mix day-first" in problems[0].message and "--date-format" in problems[0].message


def test_a_file_without_a_date_column_is_dated_by_its_name(tmp_path: Path) -> None:
    report_rows = imported(tmp_path, WILD / "ssi_2026-05-19.csv")
    assert report_rows == [
        ("Ana Lima", "2026-05-19", 40.0, 10.0, 10.0, 10.0, 10.0, None, None, None, None)
    ]


def test_date_option_dates_a_file_without_a_date_column(tmp_path: Path) -> None:
    rows = imported(tmp_path, WILD / "no_date.csv", default_date=dt.date(2026, 5, 20))
    assert [row[1] for row in rows] == ["2026-05-20"]


def test_date_option_wins_over_the_file_name(tmp_path: Path) -> None:
    rows = imported(tmp_path, WILD / "ssi_2026-05-19.csv", default_date=dt.date(2026, 5, 20))
    assert [row[1] for row in rows] == ["2026-05-20"]


def test_date_option_leaves_a_date_column_alone(tmp_path: Path) -> None:
    rows = imported(tmp_path, WILD / "dates_day_first.csv", default_date=dt.date(2030, 1, 1))
    assert [row[1] for row in rows] == ["2026-01-05", "2026-01-13"]


def test_no_date_column_no_option_and_no_date_in_the_name_is_refused(tmp_path: Path) -> None:
    problems = refused(tmp_path, WILD / "no_date.csv")
    assert len(problems) == 1
    text = str(problems[0])
    assert text.startswith(f"{WILD / 'no_date.csv'}:1: ")
    assert "--date YYYY-MM-DD" in text and "file name" in text


def test_an_impossible_date_in_the_name_is_no_date(tmp_path: Path) -> None:
    export = tmp_path / "ssi_2026-02-30.csv"
    shutil.copyfile(WILD / "no_date.csv", export)
    assert "--date" in refused(tmp_path, export)[0].message


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ssi_2026-05-19.csv", dt.date(2026, 5, 19)),
        ("team 2026-05-12 to 2026-05-19.json", dt.date(2026, 5, 19)),
        ("ssi_20260519.csv", None),
        ("export-2026-13-01.csv", None),
    ],
)
def test_date_from_file_name(name: str, expected: dt.date | None) -> None:
    assert date_from_file_name(f"/some/folder/{name}") == expected
