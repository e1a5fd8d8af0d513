"""JSON and JSON Lines: flat records with the usual keys, or LinkedIn's SSI API shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from wild_helpers import WILD, imported, refused

from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import load_board


def test_api_shaped_records(tmp_path: Path) -> None:
    assert imported(tmp_path, WILD / "api.json") == [
        # memberScore.overall 47.75 = 12.5 + 11 + 10.25 + 14; INDUSTRY rank 9 of avg 38.1,
        # NETWORK rank 12 of avg 41.5.
        ("Ana Lima", "2026-05-19", 47.75, 12.5, 11.0, 10.25, 14.0, 9.0, 12.0, 38.1, 41.5),
        # No NETWORK group; the date has a time, which is dropped.
        ("Bo Chen", "2026-05-19", 60.0, 20.0, 15.0, 12.0, 13.0, 2.0, None, 38.1, None),
    ]


def test_api_records_keep_rep_id_and_team(tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    run_import(db, [WILD / "api.json"])
    board = load_board(db)
    assert [(r.rep_id, r.name, r.team) for r in board.rows] == [
        ("bo-chen", "Bo Chen", "AMER"),
        ("ana.lima@acme.example", "Ana Lima", "EMEA"),
    ]


def test_flat_records_under_elements_with_aliases(tmp_path: Path) -> None:
    assert imported(tmp_path, WILD / "flat.json") == [
        # Top 5% -> 5; network_rank null -> missing.
        ("Cy Diaz", "2026-05-19", 40.5, 10.5, 10.0, 10.0, 10.0, 5.0, None, None, None),
        # "12,5" (a string) -> 12.5; "N/A" -> missing. 12.5 + 11 + 10 + 9.75 = 43.25.
        ("Di Eze", "2026-05-19", 43.25, 12.5, 11.0, 10.0, 9.75, 30.0, None, None, None),
    ]


@pytest.mark.parametrize("name", ["records.jsonl", "records.ndjson"])
def test_json_lines_flat_and_api_records_with_a_blank_line(tmp_path: Path, name: str) -> None:
    rep = "Ana Lima" if name.endswith(".jsonl") else "Eve Fox"
    assert imported(tmp_path, WILD / name) == [
        (rep, "2026-05-19", 47.75, 12.5, 11.0, 10.25, 14.0, None, None, None, None),
        (rep, "2026-05-26", 49.0, 13.5, 11.25, 10.25, 14.0, None, None, None, None),
    ]


def test_malformed_json_names_line_and_column(tmp_path: Path) -> None:
    export = tmp_path / "broken.json"
    export.write_text(
        '[\n  {"date": "2026-05-19", "name": "Ana" "brand": 1}\n]\n', encoding="utf-8"
    )
    [problem] = refused(tmp_path, export)
    assert problem.line == 2
    assert str(problem).startswith(f"{export}:2: malformed JSON at column 40: Expecting ','")


def test_malformed_json_lines_names_each_bad_line(tmp_path: Path) -> None:
    export = tmp_path / "broken.jsonl"
    export.write_text(
        '{"date": "2026-05-19", "name": "Ana", "brand": 1, "people": 1, "insights": 1,'
        ' "relationships": 1}\n'
        '{"date": "2026-05-19", "name": "Bo",\n'
        "\n"
        "[1, 2\n",
        encoding="utf-8",
    )
    problems = refused(tmp_path, export)
    assert [p.line for p in problems] == [2, 4]
    assert all("malformed JSON at column" in p.message for p in problems)


def test_value_problems_name_the_record(tmp_path: Path) -> None:
    records = json.loads((WILD / "api.json").read_text(encoding="utf-8"))
    records[1]["memberScore"]["subScores"][0]["score"] = 30  # over 25
    records[1]["memberScore"]["overall"] = 70  # = 30 + 15 + 12 + 13: only the pillar is wrong
    export = tmp_path / "api.json"
    export.write_text(json.dumps(records), encoding="utf-8")
    problems = refused(tmp_path, export)
    assert [(p.line, p.column) for p in problems] == [(2, "brand")]
    assert str(problems[0]).startswith(f"{export}: record 2: column 'brand': ")
    assert "got '30'" in str(problems[0])


def test_unknown_pillar_and_group_name_their_record_and_key(tmp_path: Path) -> None:
    records = json.loads((WILD / "api.json").read_text(encoding="utf-8"))
    records[0]["memberScore"]["subScores"][1]["pillar"] = "CHARISMA"
    records[1]["groupScore"][0]["groupType"] = "COMPANY"
    export = tmp_path / "api.json"
    export.write_text(json.dumps(records), encoding="utf-8")
    problems = refused(tmp_path, export)
    assert [(p.line, p.column) for p in problems] == [
        (1, "memberScore.subScores[1].pillar"),
        (2, "groupScore[0].groupType"),
    ]
    assert "unknown pillar 'CHARISMA'" in str(problems[0])
    assert "PROFESSIONAL_BRAND" in str(problems[0])
    assert str(problems[1]).startswith(f"{export}: record 2: column 'groupScore[0].groupType'")


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("42", "expected a JSON list of records"),
        ("[]", "no records"),
        ('[{"date": "2026-05-19"}, 7]', "expected an object"),
        ("", "empty"),
    ],
)
def test_json_that_holds_no_records_is_refused(tmp_path: Path, content: str, fragment: str) -> None:
    export = tmp_path / "odd.json"
    export.write_text(content, encoding="utf-8")
    problems = refused(tmp_path, export)
    assert len(problems) == 1 and fragment in str(problems[0])


def test_a_single_api_record_and_a_missing_date_from_the_name(tmp_path: Path) -> None:
    record = json.loads((WILD / "api.json").read_text(encoding="utf-8"))[0]
    del record["date"]
    export = tmp_path / "ana_2026-06-01.json"
    export.write_text(json.dumps(record), encoding="utf-8")
    assert [row[:3] for row in imported(tmp_path, export)] == [("Ana Lima", "2026-06-01", 47.75)]
