"""A total alone is a snapshot (issue #23): blank pillars with a stated total, in every format.

The blank pillars are stored NULL (unknown, never 0); a row with neither a total nor all four
pillars is refused at its line and column; the pillars given must not exceed the total.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from wild_helpers import imported, refused, snapshots, write_xlsx

from ssi_tui.importing import import_fast
from ssi_tui.importing.importer import run_import
from ssi_tui.importing.options import ImportOptions

HEADER = "date,name,ssi,brand,people,insights,relationships\n"
CANONICAL = "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"


def _csv(tmp_path: Path, body: str, header: str = HEADER, name: str = "standup.csv") -> Path:
    export = tmp_path / name
    export.write_text(header + body, encoding="utf-8")
    return export


def test_blank_pillars_with_a_total_are_stored_unknown(tmp_path: Path) -> None:
    export = _csv(
        tmp_path,
        "2026-12-07,Ann Lee,67,,,,\n"  # all four blank
        "2026-12-07,Bo Chen,58,15,,,\n"  # three blank
        "2026-12-07,Cy Diaz,44.5,11,11,N/A,11\n",  # one blank (a missing marker)
    )
    assert imported(tmp_path, export) == [
        ("Ann Lee", "2026-12-07", 67.0, None, None, None, None, None, None, None, None),
        ("Bo Chen", "2026-12-07", 58.0, 15.0, None, None, None, None, None, None, None),
        ("Cy Diaz", "2026-12-07", 44.5, 11.0, 11.0, None, 11.0, None, None, None, None),
    ]


def test_no_total_and_a_blank_pillar_is_refused_at_its_line_and_column(tmp_path: Path) -> None:
    export = _csv(tmp_path, "2026-12-07,Ann Lee,67,,,,\n2026-12-07,Bo Chen,,15,15,,15\n")
    problems = refused(tmp_path, export)
    assert [(p.line, p.column) for p in problems] == [(3, "insights")]
    assert "missing value; expected a number from 0 to 25" in str(problems[0])
    assert "give the total" in str(problems[0])


def test_pillars_given_above_the_total_are_refused(tmp_path: Path) -> None:
    # 20 + 20 + 12 = 52 > 50 + 1: whatever the blank pillar is, the total cannot be 50.
    export = _csv(tmp_path, "2026-12-07,Ann Lee,50,20,20,12,\n2026-12-07,Bo Chen,52.5,20,20,12,\n")
    problems = refused(tmp_path, export)
    assert [(p.line, p.column) for p in problems] == [(2, "ssi")]
    assert "total 50 is less than the pillars given (52.0) by more than 1" in str(problems[0])


def test_the_sum_check_still_applies_when_all_four_are_given(tmp_path: Path) -> None:
    export = _csv(tmp_path, "2026-12-07,Ann Lee,50,10,10,10,10\n")
    [problem] = refused(tmp_path, export)
    assert (problem.line, problem.column) == (2, "ssi")
    assert "differs from the sum of the pillars" in str(problem)


def test_our_own_columns_with_blank_pillars_take_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = _csv(
        tmp_path,
        "2026-12-07,ann@acme.example,Ann Lee,,67,,,,\n"
        "2026-12-07,bo@acme.example,Bo Chen,,40,10,10,10,10\n",
        header=CANONICAL,
    )
    answers: list[object] = []
    real = import_fast.try_import

    def spy(*args: object, **kwargs: object) -> object:
        answers.append(real(*args, **kwargs))
        return answers[-1]

    monkeypatch.setattr(import_fast, "try_import", spy)
    assert imported(tmp_path, export) == [
        ("Ann Lee", "2026-12-07", 67.0, None, None, None, None, None, None, None, None),
        ("Bo Chen", "2026-12-07", 40.0, 10.0, 10.0, 10.0, 10.0, None, None, None, None),
    ]
    assert answers and answers[0] is not None  # taken, not handed to the Polars path


def test_the_fast_path_steps_aside_for_pillars_above_the_total(tmp_path: Path) -> None:
    export = _csv(tmp_path, "2026-12-07,ann@acme.example,Ann Lee,,30,20,20,,\n", header=CANONICAL)
    [problem] = refused(tmp_path, export)
    assert (problem.line, problem.column) == (2, "ssi")


def test_excel_blank_pillar_cells(tmp_path: Path) -> None:
    book = write_xlsx(
        tmp_path / "standup.xlsx",
        {
            "Week": [
                ["date", "name", "ssi", "brand", "people", "insights", "relationships"],
                ["2026-12-07", "Ann Lee", 67, None, None, None, None],
                ["2026-12-07", "Bo Chen", 40, 10, 10, 10, 10],
            ]
        },
    )
    assert imported(tmp_path, book) == [
        ("Ann Lee", "2026-12-07", 67.0, None, None, None, None, None, None, None, None),
        ("Bo Chen", "2026-12-07", 40.0, 10.0, 10.0, 10.0, 10.0, None, None, None, None),
    ]


def test_json_flat_and_api_records_without_pillars(tmp_path: Path) -> None:
    flat = tmp_path / "flat.json"
    flat.write_text(
        json.dumps(
            [
                {"date": "2026-12-07", "name": "Ann Lee", "ssi": 67, "brand": None},
                {"date": "2026-12-07", "name": "Bo Chen", "ssi": 40, "brand": 10, "people": 10,
                 "insights": 10, "relationships": 10},
            ]
        ),
        encoding="utf-8",
    )  # fmt: skip
    api = tmp_path / "api.json"
    api.write_text(
        json.dumps(
            [
                {"date": "2026-12-14", "name": "Ann Lee", "memberScore": {"overall": 68}},
                {
                    "date": "2026-12-14",
                    "name": "Bo Chen",
                    "memberScore": {
                        "overall": 41,
                        "subScores": [
                            {"pillar": "PROFESSIONAL_BRAND", "score": 11},
                            {"pillar": "FIND_RIGHT_PEOPLE", "score": 10},
                            {"pillar": "INSIGHT_ENGAGEMENT", "score": 10},
                            {"pillar": "STRONG_RELATIONSHIP", "score": 10},
                        ],
                    },
                },
            ]
        ),
        encoding="utf-8",
    )
    stored = imported(tmp_path, flat, api)
    assert [row[:7] for row in stored] == [
        ("Ann Lee", "2026-12-07", 67.0, None, None, None, None),
        ("Bo Chen", "2026-12-07", 40.0, 10.0, 10.0, 10.0, 10.0),
        ("Ann Lee", "2026-12-14", 68.0, None, None, None, None),
        ("Bo Chen", "2026-12-14", 41.0, 11.0, 10.0, 10.0, 10.0),
    ]


def test_long_format_with_the_total_alone(tmp_path: Path) -> None:
    export = _csv(
        tmp_path,
        "2026-12-07,Ann Lee,ssi,67\n"
        "2026-12-07,Bo Chen,ssi,40\n"
        "2026-12-07,Bo Chen,brand,10\n"
        "2026-12-14,Cy Diaz,brand,10\n",
        header="date,name,metric,value\n",
    )
    problems = refused(tmp_path, export)
    # Cy Diaz has neither a total nor the other pillars: refused at his line; the rest is fine.
    assert {(p.line, p.column) for p in problems} == {
        (5, "people"),
        (5, "insights"),
        (5, "relationships"),
    }
    db = tmp_path / "long.duckdb"
    run_import(db, [export], ImportOptions(skip_invalid=True))
    assert [row[:7] for row in snapshots(db)] == [
        ("Ann Lee", "2026-12-07", 67.0, None, None, None, None),
        ("Bo Chen", "2026-12-07", 40.0, 10.0, None, None, None),
    ]


def test_a_total_alone_after_pillars_is_not_a_warning_for_the_blank_pillars(
    tmp_path: Path,
) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [_csv(tmp_path, "2026-11-30,Ann Lee,66,16,17,16,17\n", name="w1.csv")])
    report = run_import(db, [_csv(tmp_path, "2026-12-07,Ann Lee,67,,,,\n", name="w2.csv")])
    assert report.total("added") == 1
    assert report.as_dict()["warnings"] == []
    # Pillars after a total alone: a value is never compared with an unknown one.
    report = run_import(db, [_csv(tmp_path, "2026-12-14,Ann Lee,68,17,17,17,17\n", name="w3.csv")])
    assert report.as_dict()["warnings"] == []


def test_a_total_alone_equal_to_the_stored_one_keeps_the_stored_pillars(tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [_csv(tmp_path, "2026-12-07,Ann Lee,66.4,16,17,16.4,17\n", name="export.csv")])
    report = run_import(db, [_csv(tmp_path, "2026-12-07,Ann Lee,66,,,,\n", name="said.csv")])
    assert (report.total("added"), report.total("updated"), report.total("unchanged")) == (0, 0, 1)
    assert [row[2:7] for row in snapshots(db)] == [(66.4, 16.0, 17.0, 16.4, 17.0)]
    # Another total: the stored pillars no longer add up to it, so they become unknown.
    report = run_import(db, [_csv(tmp_path, "2026-12-07,Ann Lee,68,,,,\n", name="fixed.csv")])
    assert report.total("updated") == 1
    assert [row[2:7] for row in snapshots(db)] == [(68.0, None, None, None, None)]


def test_a_sheet_of_totals_alone_needs_no_pillar_columns(tmp_path: Path) -> None:
    sheet = _csv(
        tmp_path, "2026-12-07,Ann Lee,67\n2026-12-07,Bo Chen,58\n", header="Week of,Rep,SSI\n"
    )
    db = tmp_path / "team.duckdb"
    report = run_import(db, [sheet])
    assert report.notices == [
        f"{sheet}: no pillar columns; each total is stored alone (pillars not given)"
    ]
    assert [row[:7] for row in snapshots(db)] == [
        ("Ann Lee", "2026-12-07", 67.0, None, None, None, None),
        ("Bo Chen", "2026-12-07", 58.0, None, None, None, None),
    ]


def test_a_sheet_with_some_pillar_columns_still_needs_all_four(tmp_path: Path) -> None:
    sheet = _csv(tmp_path, "2026-12-07,Ann Lee,67,16\n", header="date,name,ssi,brand\n")
    problems = refused(tmp_path, sheet)
    assert [p.message.split(";")[0] for p in problems] == [
        "no 'people' column",
        "no 'insights' column",
        "no 'relationships' column",
    ]
