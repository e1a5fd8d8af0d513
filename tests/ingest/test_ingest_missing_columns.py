"""A file lacking a required column says what it saw, what it accepts and how to map one."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssi_tui.errors import InvalidExportError
from ssi_tui.importing.importer import run_import


def _refusal(tmp_path: Path, name: str, text: str) -> str:
    export = tmp_path / name
    export.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidExportError) as refused:
        run_import(tmp_path / "team.duckdb", [export])
    assert not (tmp_path / "team.duckdb").exists()
    problem = refused.value.problems[0]
    assert problem.file == str(export) and problem.line == 1
    return problem.message


def test_a_missing_pillar_names_the_headers_seen_the_spellings_and_the_map_option(
    tmp_path: Path,
) -> None:
    message = _refusal(
        tmp_path,
        "sheet.csv",
        "Week of,Rep,SSI,Brand,Prospecting,Insights,Relationships\n"
        "2026-11-09,Ann Lee,60,15,15,15,15\n",
    )
    assert message.startswith("no 'people' column; ")
    assert "headers seen: Week of, Rep, SSI, Brand, Prospecting, Insights, Relationships;" in (
        message
    )
    assert "accepted for 'people': people, Find the right people, FIND_RIGHT_PEOPLE" in message
    assert message.endswith('--map "HEADER=people"')


def test_the_map_example_is_the_header_spelled_most_like_the_missing_column(
    tmp_path: Path,
) -> None:
    message = _refusal(
        tmp_path,
        "sheet.csv",
        "Date,Name,Brand,Find Ppl,Insights,Relationships,Notes\n2026-11-09,Ann,15,15,15,15,x\n",
    )
    assert message.endswith('--map "Find Ppl=people"')


def test_a_missing_date_still_says_how_to_date_the_file_and_lists_its_headers(
    tmp_path: Path,
) -> None:
    message = _refusal(
        tmp_path, "sheet.csv", "Rep,Brand,People,Insights,Relationships\nAnn,15,15,15,15\n"
    )
    assert "pass --date YYYY-MM-DD" in message
    assert "headers seen: Rep, Brand, People, Insights, Relationships;" in message
    assert "accepted for 'date': date, snapshot_date, recordedAt" in message
    assert '--map "HEADER=date"' in message


def test_a_huge_header_is_shown_cut_short(tmp_path: Path) -> None:
    message = _refusal(tmp_path, "one.csv", "x" * 100_000 + "\n1\n")
    assert len(message) < 2_000
    assert "headers seen: " + "x" * 40 + "…;" in message


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_a_json_export_lacking_a_column_blames_no_record(tmp_path: Path, suffix: str) -> None:
    """JSON has no header line: `record 1: no 'people' column` blamed the first record."""
    record = '{"date": "2026-11-09", "name": "Ann", "brand": 1, "insights": 1, "relationships": 1}'
    export = tmp_path / f"export{suffix}"
    export.write_text(f"[{record}]" if suffix == ".json" else record + "\n", encoding="utf-8")
    with pytest.raises(InvalidExportError) as refused:
        run_import(tmp_path / "team.duckdb", [export])
    [problem] = refused.value.problems
    assert str(problem).startswith(f"{export}: no 'people' column; headers seen: date, name,")
