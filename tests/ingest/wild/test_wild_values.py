"""Values as people type them: `Top 9%`, `53 out of 100`, `N/A`, stray spaces."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from wild_helpers import WILD, imported, refused

from ssi_tui.ingest.values import clean_number

HEADER = "date,name,ssi,brand,people,insights,relationships,industry_rank,industry_avg\n"


def test_ranks_fractions_and_missing_markers(tmp_path: Path) -> None:
    assert imported(tmp_path, WILD / "values.csv") == [
        # Top 9% / 9% -> 9; 38 de 100 -> 38; 41/100 -> 41; 53 out of 100 -> 53.
        ("Ana Lima", "2026-05-19", 53.0, 13.25, 13.25, 13.25, 13.25, 9.0, 9.0, 38.0, 41.0),
        # 20.5 out of 25 -> 20.5; `top 9 %` -> 9; ` Top 1% ` -> 1; N/A and - -> missing.
        ("Bo Chen", "2026-05-19", 53.0, 20.5, 10.5, 11.0, 11.0, 9.0, 1.0, None, None),
        # `  13.25 ` -> 13.25; n/a, blank, -, N/A -> missing.
        ("Cy Diaz", "2026-05-19", 53.0, 13.25, 13.25, 13.25, 13.25, None, None, None, None),
        # A total of `-` is missing: the pillar sum 10 + 10 + 10 + 10.5 is used.
        ("Di Eze", "2026-05-19", 40.5, 10.0, 10.0, 10.0, 10.5, None, None, None, None),
    ]


@pytest.mark.parametrize(
    ("row", "column", "fragment"),
    [
        # A rank form in a pillar, a total's scale on a pillar, a pillar's scale on a total.
        ("Top 9%,10,10,10,10,,", "ssi", "got 'Top 9%'"),
        ("40,10 out of 100,10,10,10,,", "brand", "got '10 out of 100'"),
        ("53 out of 25,10,10,10,10,,", "ssi", "got '53 out of 25'"),
        ("40,10,10,10,10,9 out of 100,", "industry_rank", "got '9 out of 100'"),
        ("40,10,10,10,10,,Top 9%", "industry_avg", "got 'Top 9%'"),
        # N/A in a pillar is a missing value, not a number: without a total, an error.
        (",N/A,10,10,10,,", "brand", "missing value"),
        # Still out of range once cleaned.
        ("40,10,10,10,10,Top 0%,", "industry_rank", "above 0 to 100, got '0'"),
    ],
)
def test_forms_that_do_not_fit_the_column_are_errors_at_line_and_column(
    tmp_path: Path, row: str, column: str, fragment: str
) -> None:
    export = tmp_path / "odd.csv"
    export.write_text(HEADER + f"2026-05-19,Ana Lima,{row}\n", encoding="utf-8")
    problems = refused(tmp_path, export)
    assert [(p.line, p.column) for p in problems] == [(2, column)]
    assert fragment in str(problems[0])
    assert str(problems[0]).startswith(f"{export}:2: column '{column}': ")


def test_nan_and_infinity_are_still_refused(tmp_path: Path) -> None:
    export = tmp_path / "nan.csv"
    export.write_text(HEADER + "2026-05-19,Ana Lima,,NaN,10,10,10,Top 9%,\n", encoding="utf-8")
    problems = refused(tmp_path, export)
    assert [(p.line, p.column) for p in problems] == [(2, "brand")]
    assert "'NaN'" in problems[0].message


@pytest.mark.parametrize(
    ("kind", "decimal_comma", "cells"),
    [
        (
            "industry_rank",
            True,
            {"Top 9%": "9", "9%": "9", "top 9 %": "9", " 9 ": "9", "Top 9,5 %": "9.5",
             "N/A": None, "n/a": None, "-": None, "": None, "NA": None},
        ),
        (
            "ssi",
            False,
            {"53 out of 100": "53", "53 de 100": "53", "53/100": "53", "53 OUT OF 100": "53",
             "\u00a053\u00a0": "53", "53,5/100": "53,5", "20 out of 25": "20 out of 25",
             "nan": "nan"},
        ),
        ("brand", True, {"20.5 out of 25": "20.5", "20,998": "20.998", "20 / 25": "20"}),
    ],
)  # fmt: skip
def test_clean_number(kind: str, decimal_comma: bool, cells: dict[str, str | None]) -> None:
    frame = pl.DataFrame({"cell": [*cells, None]})
    cleaned = frame.select(clean_number("cell", kind, decimal_comma=decimal_comma))
    assert cleaned.get_column("cell").to_list() == [*cells.values(), None]
