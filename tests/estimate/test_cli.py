"""`ssi-tui leaderboard --source` and `ssi-tui model explain`, as a user runs them."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from ssi_tui.estimate.measures import MEASURE_KEYS
from ssi_tui.importing.importer import run_import
from tests.db_helpers import query
from tests.estimate.conftest import ANA, FIXTURES, Invoke, random_activity, write_activity

ZED = {
    "date": "2026-01-26",
    "rep_id": "zed@acme.example",
    "name": "Zed Quinn",
    "team": "SMB",
    "searches": 20,
    "posts_shared": 4,
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """history.csv (official, 6 reps) plus activity for Ana (same date) and Zed (no official)."""
    path = tmp_path / "team.duckdb"
    run_import(path, [FIXTURES / "history.csv", write_activity(tmp_path / "a.csv", [ANA, ZED])])
    return path


def _board(invoke: Invoke, db: Path, *args: str) -> dict[str, dict]:
    result = invoke("leaderboard", db, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return {row["rep_id"]: row for row in json.loads(result.output)}


def test_source_picks_official_estimated_or_the_best_of_both(invoke: Invoke, db: Path) -> None:
    best = _board(invoke, db)
    assert best["ana@acme.example"]["ssi"] == 65.0  # official wins where it exists
    # else the estimate: Zed's searches 20 of 25 -> people 25 x 0.8 = 20 (the only people
    # measure known); posts 4 of 5 -> insights 25 x 0.8 = 20; brand and relationships 0.
    assert best["zed@acme.example"]["ssi"] == 40.0
    assert _board(invoke, db, "--source", "best") == best
    official = _board(invoke, db, "--source", "official")
    assert "zed@acme.example" not in official
    assert len(official) == 6
    estimated = _board(invoke, db, "--source", "estimated")
    assert set(estimated) == {"ana@acme.example", "zed@acme.example"}
    assert estimated["ana@acme.example"]["ssi"] == 46.75


def test_the_table_marks_estimated_totals(invoke: Invoke, db: Path) -> None:
    result = invoke("leaderboard", db)
    names = ("Zed Quinn", "Ana Lima")
    lines = {name: line for line in result.output.splitlines() for name in names if name in line}
    assert "40 est." in lines["Zed Quinn"]
    assert "est." not in lines["Ana Lima"]
    official = invoke("leaderboard", db, "--source", "official")
    assert "est." not in official.output
    assert invoke("leaderboard", db, "--source", "guessed").exit_code == 2


def _explained(output: str) -> tuple[list[tuple[float, float]], float]:
    """(sum of the shown points, shown pillar score) per pillar, and the shown total."""
    pillars, points, total = [], 0.0, None
    for line in output.splitlines():
        cells = [c.strip() for c in line.split("│")]
        if len(cells) < 2:
            continue
        first, last = cells[0], cells[-1]
        if first.startswith("= "):
            pillars.append((round(points, 2), float(last.split("/")[0])))
            points = 0.0
        elif first.startswith("SSI (est.)"):
            total = float(last)
        elif re.fullmatch(r"\d+\.\d\d", last):
            points += float(last)
    assert total is not None, output
    return pillars, total


def test_explain_shows_points_that_add_up_to_the_stored_estimate(
    invoke: Invoke, tmp_path: Path
) -> None:
    rng = random.Random(7)
    rows = []
    for i in range(6):
        activity = random_activity(rng)
        for key in rng.sample(MEASURE_KEYS, 4):
            activity[key] = None  # unknown measures: known weights are scaled up
        rows.append(
            {"date": "2026-02-02", "rep_id": f"r{i}@x.example", "name": f"R {i}", **activity}
        )
    db = tmp_path / "team.duckdb"
    run_import(db, [write_activity(tmp_path / "a.csv", rows)])
    for i in range(6):
        result = invoke("model", "explain", db, f"r{i}@x.example")
        assert result.exit_code == 0, result.output
        pillars, total = _explained(result.output)
        assert len(pillars) == 4
        for shown_points, shown_pillar in pillars:
            assert shown_points == shown_pillar
        stored = query(
            db,
            "SELECT brand, people, insights, relationships, ssi FROM snapshots"
            f" WHERE rep_id = 'r{i}@x.example' AND source = 'estimated'",
        )
        assert stored == [(*(p for _, p in pillars), total)]
        assert round(sum(p for _, p in pillars), 2) == total


def test_explain_by_name_by_id_and_by_date(invoke: Invoke, db: Path, tmp_path: Path) -> None:
    by_name = invoke("model", "explain", db, "ana lima")
    assert by_name.exit_code == 0, by_name.output
    assert (
        "Estimated SSI (est.) of Ana Lima (ana@acme.example, Enterprise) on 2026-01-19: 46.75"
        in by_name.output
    )
    assert "Official SSI that day: 65.00" in by_name.output
    assert "profile_views unknown" in by_name.output
    assert "Model: default (" in by_name.output
    by_id = invoke("model", "explain", db, "ANA@acme.example", "--date", "2026-01-19")
    assert by_id.output == by_name.output
    # Re-importing Ana a week later: the latest date is the default.
    later = write_activity(tmp_path / "later.csv", [{**ANA, "date": "2026-01-26"}])
    run_import(db, [later])
    assert "on 2026-01-26: 46.75" in invoke("model", "explain", db, "Ana Lima").output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Nobody",), "Error: no rep with the id or name 'Nobody'."),
        (
            ("Bob Stone",),
            "Error: 'bob@acme.example' has no activity metrics: nothing was estimated.",
        ),
        (
            ("Ana Lima", "--date", "2026-01-05"),
            "Error: 'ana@acme.example' has no activity metrics on 2026-01-05;"
            " dates with some: 2026-01-19.",
        ),
    ],
)
def test_explain_errors_are_one_clean_line(
    invoke: Invoke, db: Path, args: tuple[str, ...], message: str
) -> None:
    result = invoke("model", "explain", db, *args)
    assert result.exit_code == 1
    assert result.output.strip() == message


def test_explain_needs_a_database_and_a_real_date(invoke: Invoke, tmp_path: Path) -> None:
    missing = invoke("model", "explain", tmp_path / "none.duckdb", "Ana")
    assert missing.exit_code == 1
    assert "no such database" in missing.output
    assert invoke("model", "explain", tmp_path / "x.duckdb", "Ana", "--date", "soon").exit_code == 2


def test_two_reps_with_one_name_need_the_id(invoke: Invoke, tmp_path: Path) -> None:
    twins = [
        {**ANA, "rep_id": "ana1@acme.example"},
        {**ANA, "rep_id": "ana2@acme.example"},
    ]
    db = tmp_path / "team.duckdb"
    run_import(db, [write_activity(tmp_path / "a.csv", twins)])
    result = invoke("model", "explain", db, "Ana Lima")
    assert result.exit_code == 1
    assert "several reps are called 'Ana Lima' (ana1@acme.example, ana2@acme.example)" in (
        result.output
    )


def test_explain_shows_names_literally(invoke: Invoke, tmp_path: Path) -> None:
    odd = {**ANA, "name": "[bold red]Eve[/] \x1b[2J", "rep_id": "eve@acme.example"}
    db = tmp_path / "team.duckdb"
    run_import(db, [write_activity(tmp_path / "a.csv", [odd])])
    result = invoke("model", "explain", db, "eve@acme.example")
    assert result.exit_code == 0, result.output
    assert "[bold red]Eve[/] ␛[2J" in result.output
    assert "\x1b[2J" not in result.output


def test_reps_who_opted_out_are_neither_explained_nor_calibrated_on(
    invoke: Invoke, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[privacy]\nexclude = ["ANA LIMA"]\n', encoding="utf-8")
    monkeypatch.setenv("SSI_TUI_CONFIG", str(config))
    result = invoke("model", "explain", db, "ana@acme.example")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no rep with the id or name 'ana@acme.example'."
    # Ana is the only rep with both official scores and activity: nothing is left to fit.
    result = invoke("model", "calibrate", db, "--out", tmp_path / "m.toml")
    assert result.exit_code == 1
    assert "no rep and date has both" in result.output
