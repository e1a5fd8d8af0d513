"""Validation: every rule rejects the import with file, line, column and what was expected.

Each fixture under tests/fixtures/invalid/ has the header on line 1 and a valid row on line 2
(except duplicate.csv, whose conflicting rows include line 2); the bad rows follow.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ssi_tui.errors import InvalidExportError, Problem
from ssi_tui.importing.importer import run_import
from ssi_tui.importing.options import ImportOptions

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INVALID = FIXTURES / "invalid"
HEADER = "date,name,brand,people,insights,relationships,ssi\n"


def rejected(tmp_path: Path, *files: Path) -> list[Problem]:
    """The problems of an import that must be refused; the database must not appear."""
    db = tmp_path / "db.duckdb"
    with pytest.raises(InvalidExportError) as caught:
        run_import(db, list(files))
    assert not db.exists()
    return caught.value.problems


def assert_problems(
    problems: list[Problem], file: Path, expected: list[tuple[int, str, tuple[str, ...]]]
) -> None:
    """Each problem names FILE, its line and column, and contains every expected fragment."""
    assert [(p.line, p.column) for p in problems] == [(line, col) for line, col, _ in expected]
    for problem, (line, column, fragments) in zip(problems, expected, strict=True):
        text = str(problem)
        assert Path(problem.file).name == file.name
        assert text.startswith(f"{problem.file}:{line}: column '{column}': "), text
        assert file.name in text
        for fragment in fragments:
            assert fragment in text, (fragment, text)


def test_missing_required_values(tmp_path: Path) -> None:
    file = INVALID / "missing_value.csv"
    assert_problems(
        rejected(tmp_path, file),
        file,
        [
            (3, "people", ("missing value", "expected a number from 0 to 25")),
            (4, "name", ("missing value", "expected the rep's name")),
            (5, "date", ("missing value", "expected a date as YYYY-MM-DD")),
        ],
    )


def test_non_numeric_values(tmp_path: Path) -> None:
    file = INVALID / "non_numeric.csv"
    assert_problems(
        rejected(tmp_path, file),
        file,
        [
            (3, "people", ("expected a number from 0 to 25", "'twelve'")),
            (4, "relationships", ("expected a number from 0 to 25", "'10,5'")),
        ],
    )


def test_nan_values(tmp_path: Path) -> None:
    file = INVALID / "nan.csv"
    assert_problems(
        rejected(tmp_path, file),
        file,
        [
            (3, "insights", ("expected a number from 0 to 25", "'NaN'")),
            (4, "insights", ("expected a number from 0 to 25", "'nan'")),
        ],
    )


@pytest.mark.parametrize("total", ["nan", "inf", "Infinity"])
def test_a_non_finite_total_is_one_problem(tmp_path: Path, total: str) -> None:
    file = tmp_path / "total.csv"
    file.write_text(HEADER + f"2026-01-05,Cy Diaz,10,10,10,10,{total}\n", encoding="utf-8")
    problems = rejected(tmp_path, file)
    assert [(p.line, p.column) for p in problems] == [(2, "ssi")]


def test_infinite_values(tmp_path: Path) -> None:
    file = INVALID / "inf.csv"
    assert_problems(
        rejected(tmp_path, file),
        file,
        [
            (3, "brand", ("expected a number from 0 to 25", "'inf'")),
            (4, "relationships", ("expected a number from 0 to 25", "'-inf'")),
        ],
    )


def test_pillar_outside_0_to_25(tmp_path: Path) -> None:
    # Line 2 sits on the edges (25, 0, 25, 0 = 50) and is fine.
    file = INVALID / "pillar_range.csv"
    assert_problems(
        rejected(tmp_path, file),
        file,
        [
            (3, "brand", ("expected a number from 0 to 25", "'25.5'")),
            (4, "insights", ("expected a number from 0 to 25", "'-0.5'")),
        ],
    )


def test_total_outside_0_to_100(tmp_path: Path) -> None:
    # Line 2: 25 * 4 = 100 = total, fine. Line 3: 101 vs 100 and line 4: -1 vs 0 are within
    # 1.0 of the pillar sums, so the range is their only problem.
    file = INVALID / "total_range.csv"
    assert_problems(
        rejected(tmp_path, file),
        file,
        [
            (3, "ssi", ("expected a number from 0 to 100", "'101'")),
            (4, "ssi", ("expected a number from 0 to 100", "'-1'")),
        ],
    )


def test_total_differing_from_the_pillar_sum_by_more_than_one(tmp_path: Path) -> None:
    # Line 2: 10.25 * 4 = 41, total 41.5: off by 0.5, fine.
    # Line 3: 10 * 4 = 40, total 42: off by 2.   Line 4: total 38.5: off by 1.5.
    # Line 5: total 41: off by exactly 1.0, fine.
    file = INVALID / "total_sum.csv"
    assert_problems(
        rejected(tmp_path, file),
        file,
        [
            (3, "ssi", ("total 42", "sum of the pillars (40")),
            (4, "ssi", ("total 38.5", "sum of the pillars (40")),
        ],
    )


def test_impossible_or_non_iso_dates(tmp_path: Path) -> None:
    file = INVALID / "bad_date.csv"
    assert_problems(
        rejected(tmp_path, file),
        file,
        [
            (3, "date", ("expected a real date as YYYY-MM-DD", "'2026-02-30'")),
            (4, "date", ("expected a real date as YYYY-MM-DD", "'2026-13-01'")),
            (5, "date", ("expected a real date as YYYY-MM-DD", "'05/01/2026'")),
        ],
    )


def test_two_different_rows_for_one_rep_and_date(tmp_path: Path) -> None:
    # Ana on lines 2 and 4 with different values: both rejected. Bob's lines 3 and 5 are
    # identical, so they are one snapshot, not a conflict.
    file = INVALID / "duplicate.csv"
    problems = rejected(tmp_path, file)
    assert_problems(
        problems,
        file,
        [
            (
                2,
                "date",
                ("conflicting rows", "2026-01-05", "also line 4", "one row per rep and date"),
            ),
            (
                4,
                "date",
                ("conflicting rows", "2026-01-05", "also line 2", "one row per rep and date"),
            ),
        ],
    )


def test_skip_invalid_keeps_identical_duplicates_once(tmp_path: Path) -> None:
    report = run_import(
        tmp_path / "db.duckdb", [INVALID / "duplicate.csv"], ImportOptions(skip_invalid=True)
    )
    assert [(f.added, f.rejected) for f in report.files] == [(1, 2)]  # Bob once; Ana's two out


def test_every_problem_of_a_multi_file_import_is_reported(tmp_path: Path) -> None:
    problems = rejected(
        tmp_path, FIXTURES / "week4.csv", INVALID / "pillar_range.csv", INVALID / "bad_date.csv"
    )
    assert sorted((Path(p.file).name, p.line, p.column) for p in problems) == [
        # Both files hold a valid but different row for Ana Lima on 2026-01-05, on line 2
        # (25 + 0 + 25 + 0 = 50 against 15 * 4 = 60): a conflict across the files.
        ("bad_date.csv", 2, "date"),
        ("bad_date.csv", 3, "date"),
        ("bad_date.csv", 4, "date"),
        ("bad_date.csv", 5, "date"),
        ("pillar_range.csv", 2, "date"),
        ("pillar_range.csv", 3, "brand"),
        ("pillar_range.csv", 4, "insights"),
    ]
    conflict = next(p for p in problems if p.line == 2 and p.file.endswith("bad_date.csv"))
    assert "pillar_range.csv:2" in conflict.message


def test_optional_ranks_and_averages_are_range_checked(tmp_path: Path) -> None:
    file = tmp_path / "ranks.csv"
    file.write_text(
        "date,name,brand,people,insights,relationships,industry_rank,network_rank,"
        "industry_avg,network_avg\n"
        "2026-01-05,Ana Lima,10,10,10,10,100,0.1,0,100\n"  # every edge that is allowed
        "2026-01-05,Bob Stone,10,10,10,10,0,101,100.5,-1\n",
        encoding="utf-8",
    )
    problems = rejected(tmp_path, file)
    assert [(p.line, p.column) for p in problems] == [
        (3, "industry_rank"),
        (3, "network_rank"),
        (3, "industry_avg"),
        (3, "network_avg"),
    ]
    assert "expected a number above 0 to 100, got '0'" in str(problems[0])


def test_missing_required_column_names_the_file_and_header_line(tmp_path: Path) -> None:
    file = tmp_path / "no_brand.csv"
    file.write_text(
        "date,name,people,insights,relationships\n2026-01-05,Ana,1,1,1\n", encoding="utf-8"
    )
    problems = rejected(tmp_path, file)
    assert [(p.line, p.column) for p in problems] == [(1, None)]
    assert "no_brand.csv:1:" in str(problems[0]) and "'brand'" in str(problems[0])


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "empty"),
        (b"\xff\xfe\x00d\x00a\x00t\x00e", "not valid UTF-8"),
        (b"date,name,brand,people,insights,relationships\n2026-01-05,Ana,1,1,1,1,1,1\n", "CSV"),
    ],
    ids=["empty", "not-utf8", "ragged"],
)
def test_unusable_files_are_refused_with_their_name(
    tmp_path: Path, content: bytes, fragment: str
) -> None:
    file = tmp_path / "export.csv"
    file.write_bytes(content)
    problems = rejected(tmp_path, file)
    assert len(problems) == 1
    assert "export.csv" in str(problems[0]) and fragment in str(problems[0])


@pytest.mark.parametrize(
    ("bad_rows", "shown_tail"), [(25, "... and 5 more problems"), (21, "... and 1 more problem")]
)
def test_at_most_twenty_problems_are_shown_then_a_count(
    tmp_path: Path, bad_rows: int, shown_tail: str
) -> None:
    file = tmp_path / "many.csv"
    # One problem per row: brand 30 is over 25 (total absent, so no sum check).
    rows = "".join(f"2026-01-05,Rep {i:02d},30,10,10,10,\n" for i in range(bad_rows))
    file.write_text(HEADER + rows, encoding="utf-8")
    db = tmp_path / "db.duckdb"
    with pytest.raises(InvalidExportError) as caught:
        run_import(db, [file])
    assert len(caught.value.problems) == bad_rows
    lines = caught.value.describe().splitlines()
    assert len(lines) == 21
    assert all(
        f"many.csv:{n}: column 'brand'" in line
        for n, line in zip(range(2, 22), lines[:20], strict=True)
    )
    assert lines[20] == shown_tail


def test_exactly_twenty_problems_have_no_count_line(tmp_path: Path) -> None:
    file = tmp_path / "twenty.csv"
    rows = "".join(f"2026-01-05,Rep {i:02d},30,10,10,10,\n" for i in range(20))
    file.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(InvalidExportError) as caught:
        run_import(tmp_path / "db.duckdb", [file])
    lines = caught.value.describe().splitlines()
    assert len(lines) == 20 and "more problem" not in lines[-1]


def test_total_off_by_exactly_one_with_decimal_pillars_is_accepted(tmp_path: Path) -> None:
    file = tmp_path / "edge.csv"
    # 12.95 + 21.17 = 34.12; + 16.35 = 50.47; + 7.53 = 58.00. Total 57: off by exactly 1.00.
    file.write_text(HEADER + "2026-01-05,Ana Lima,12.95,21.17,16.35,7.53,57\n", encoding="utf-8")
    report = run_import(tmp_path / "db.duckdb", [file])
    assert report.total("added") == 1


def test_a_trailing_blank_line_is_not_a_row(tmp_path: Path) -> None:
    file = tmp_path / "trailing.csv"
    file.write_text(HEADER + "2026-01-05,Ana Lima,15,15,15,15,60\n\n", encoding="utf-8")
    report = run_import(tmp_path / "db.duckdb", [file])
    assert report.total("added") == 1


def test_line_numbers_count_physical_lines_after_a_multiline_cell(tmp_path: Path) -> None:
    file = tmp_path / "notes.csv"
    file.write_text(
        "date,name,brand,people,insights,relationships,Notes\n"  # line 1
        '2026-01-05,Ana Lima,10,10,10,10,"call back\n'  # line 2
        'on Monday"\n'  # line 3 (same record)
        "2026-01-05,Bob Stone,10,10,10,99,ok\n",  # line 4: relationships 99 > 25
        encoding="utf-8",
    )
    problems = rejected(tmp_path, file)
    assert [(p.line, p.column) for p in problems] == [(4, "relationships")]


def test_a_two_digit_year_is_not_an_iso_date(tmp_path: Path) -> None:
    file = tmp_path / "short_year.csv"
    file.write_text(HEADER + "26-01-05,Ana Lima,10,10,10,10,40\n", encoding="utf-8")
    problems = rejected(tmp_path, file)
    assert [(p.line, p.column) for p in problems] == [(2, "date")]
    assert "YYYY-MM-DD" in problems[0].message
