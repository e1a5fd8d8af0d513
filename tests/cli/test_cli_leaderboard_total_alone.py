"""`ssi-tui leaderboard` with a snapshot of a total alone (its pillars not given): every
format shows the pillars as not given (`–`, null, empty), never as 0, and pillar sorts put
that rep last.

tests/fixtures/history.csv, with Ana Lima's 2026-01-19 snapshot (65; 17, 16, 15, 17) made a
total alone: she stays first by total (see test_cli_leaderboard.py for the board).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.db_helpers import forget_pillars

PILLARS = ("brand", "people", "insights", "relationships")
WIDE = {"COLUMNS": "200", "LINES": "50"}


@pytest.fixture
def total_alone_db(history_db: Path) -> Path:
    forget_pillars(history_db, "ana@acme.example", "2026-01-19")
    return history_db


def output(invoke, db: Path, *options: str) -> str:  # type: ignore[no-untyped-def]
    result = invoke("leaderboard", db, *options, env=WIDE)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_gives_null_pillars_and_the_total(invoke, total_alone_db: Path) -> None:
    data = json.loads(output(invoke, total_alone_db, "--format", "json"))
    ana = data[0]
    assert (ana["name"], ana["rank"], ana["ssi"], ana["change"]) == ("Ana Lima", 1, 65, 3)
    assert [ana[key] for key in PILLARS] == [None] * 4
    assert [data[1][key] for key in PILLARS] == [15, 14, 14.5, 14.5]  # Cleo's, untouched


def test_csv_leaves_the_pillar_cells_empty(invoke, total_alone_db: Path) -> None:
    records = list(csv.DictReader(io.StringIO(output(invoke, total_alone_db, "--format", "csv"))))
    assert records[0]["name"] == "Ana Lima"
    assert [records[0][key] for key in PILLARS] == [""] * 4
    assert records[0]["ssi"] == "65.0"


@pytest.mark.parametrize("form", ["table", "markdown"])
def test_table_and_markdown_show_a_dash_not_zero(invoke, total_alone_db: Path, form: str) -> None:
    lines = output(invoke, total_alone_db, "--format", form).splitlines()
    ana = next(line for line in lines if "Ana Lima" in line)
    cells = ana.replace("|", " ").split()
    # rank, Ana, Lima, Enterprise, 65, then the four pillars, then the week's change.
    assert cells[4:10] == ["65", "–", "–", "–", "–", "+3.0"]
    assert "0.00" not in ana


def test_html_shows_a_dash_in_each_pillar_cell(invoke, total_alone_db: Path) -> None:
    page = output(invoke, total_alone_db, "--format", "html")
    ana = next(line for line in page.splitlines() if "Ana Lima" in line)
    assert "<td>65</td><td>–</td><td>–</td><td>–</td><td>–</td><td>+3.0</td>" in ana


@pytest.mark.parametrize("pillar", PILLARS)
def test_a_pillar_sort_puts_the_total_alone_last(invoke, total_alone_db: Path, pillar: str) -> None:
    data = json.loads(output(invoke, total_alone_db, "--format", "json", "--sort", pillar))
    assert data[-1]["name"] == "Ana Lima"
    values = [d[pillar] for d in data[:-1]]
    assert values == sorted(values, reverse=True)


def test_the_total_sort_is_unaffected(invoke, total_alone_db: Path) -> None:
    data = json.loads(output(invoke, total_alone_db, "--format", "json", "--sort", "ssi"))
    assert [d["name"] for d in data][:2] == ["Ana Lima", "Cleo Wu"]
