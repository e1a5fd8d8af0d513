"""Targets, the config file and privacy on the command line (`target`, `config`, flags)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from ssi_tui.config import load_config
from ssi_tui.importing.importer import run_import

# Three reps over four weeks (2026-02-02 .. 2026-03-02, 28 days apart):
#   Ann  40 -> 50  (change_4w +10)   team North
#   Ben  60 -> 62  (change_4w +2)    team North
#   Cy   only 2026-03-02, 30         team South (change_4w null)
ROWS = [
    "2026-02-02,ann@x.example,Ann Lee,North,10,10,10,10,40",
    "2026-02-02,ben@x.example,Ben Ode,North,15,15,15,15,60",
    "2026-03-02,ann@x.example,Ann Lee,North,12.5,12.5,12.5,12.5,50",
    "2026-03-02,ben@x.example,Ben Ode,North,15.5,15.5,15.5,15.5,62",
    "2026-03-02,cy@x.example,Cy Park,South,7.5,7.5,7.5,7.5,30",
]


@pytest.fixture
def team_db(tmp_path: Path) -> Path:
    export = tmp_path / "team.csv"
    header = "date,rep_id,name,team,brand,people,insights,relationships,ssi"
    export.write_text("\n".join([header, *ROWS]) + "\n", encoding="utf-8")
    db = tmp_path / "team.duckdb"
    run_import(db, [export])
    return db


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "conf" / "config.toml"
    monkeypatch.setenv("SSI_TUI_CONFIG", str(path))
    return path


def board(invoke, db: Path, *options: str) -> list[dict]:  # type: ignore[no-untyped-def]
    result = invoke("leaderboard", db, "--format", "json", *options)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_targets_rep_beats_team_beats_default(invoke, team_db: Path, config_file: Path) -> None:
    assert invoke("target", team_db, "--team", "north", "55").exit_code == 0
    result = invoke("target", team_db, "--rep", "ann lee", "80")
    assert result.exit_code == 0 and "Ann Lee: 80" in result.output
    targets = {d["name"]: (d["target"], d["pct_of_target"]) for d in board(invoke, team_db)}
    # Ann: own 80 -> 50/80 = 62.5 %; Ben: team 55 -> 62/55 = 112.7 %; Cy: default 70 -> 42.9 %
    assert targets == {"Ann Lee": (80, 62.5), "Ben Ode": (55, 112.7), "Cy Park": (70, 42.9)}
    listing = invoke("target", team_db).output
    assert "Ann Lee" in listing and "North" in listing
    assert invoke("target", team_db, "--clear", "--rep", "ann@x.example").exit_code == 0
    targets = {d["name"]: d["target"] for d in board(invoke, team_db)}
    assert targets["Ann Lee"] == 55


def test_target_errors_are_clean(invoke, team_db: Path, config_file: Path) -> None:
    missing = invoke("target", team_db, "--rep", "Nobody", "70")
    assert missing.exit_code == 1 and "no rep" in missing.output
    no_team = invoke("target", team_db, "--team", "West", "70")
    assert no_team.exit_code == 1 and "North" in no_team.output
    assert invoke("target", team_db, "--team", "North", "120").exit_code == 2
    assert invoke("target", team_db, "--team", "North").exit_code == 2
    assert invoke("target", team_db, "--team", "North", "--rep", "x", "5").exit_code == 2


def test_sort_by_target_and_by_improvement(invoke, team_db: Path, config_file: Path) -> None:
    by_target = [d["name"] for d in board(invoke, team_db, "--sort", "target")]
    assert by_target == ["Ben Ode", "Ann Lee", "Cy Park"]  # 88.6 %, 71.4 %, 42.9 %
    improved = board(invoke, team_db, "--sort", "improvement")
    assert [(d["name"], d["change_4w"]) for d in improved] == [
        ("Ann Lee", 10.0),
        ("Ben Ode", 2.0),
        ("Cy Park", None),
    ]


def test_config_path_init_and_show(invoke, config_file: Path) -> None:
    assert invoke("config", "--path").output.strip() == str(config_file)
    assert invoke("config", "--init").exit_code == 0
    assert "[bands]" in config_file.read_text()
    again = invoke("config", "--init")
    assert again.exit_code == 1 and "already exists" in again.output
    assert "good = 70" in invoke("config").output


def test_config_shows_the_settings_as_a_file_that_reads_back_the_same(
    invoke, config_file: Path, tmp_path: Path
) -> None:
    """`ssi-tui config` prints what is in force in the file's own layout (it printed Python
    values such as `False` and `None`, and `target` for the file's `[targets] default`)."""
    config_file.parent.mkdir(parents=True)
    config_file.write_text(
        "[bands]\ngood = 72.5\nfair = 40\n[targets]\ndefault = 65\n"
        "[standup]\nrotate = 20\nshow_fallers = true\n"
        '[display]\ntheme = "nord"\nanonymise = true\n'
        '[privacy]\nexclude = ["zoë@acme.example", "Ann \\"Nan\\" Lee"]\n',
        encoding="utf-8",
    )
    shown = invoke("config").output
    assert "show_fallers = true" in shown and "False" not in shown
    copy = tmp_path / "copy.toml"
    copy.write_text(shown, encoding="utf-8")
    assert replace(load_config(copy), path=None) == replace(load_config(config_file), path=None)


def test_config_values_apply_and_flags_win(invoke, team_db: Path, config_file: Path) -> None:
    config_file.parent.mkdir(parents=True)
    config_file.write_text("[targets]\ndefault = 60\n[display]\nanonymise = true\n")
    records = board(invoke, team_db)
    assert {d["target"] for d in records} == {60}
    assert all(d["name"].startswith("Rep ") for d in records)
    records = board(invoke, team_db, "--target", "50")
    assert {d["target"] for d in records} == {50}


def test_excluded_reps_vanish_from_every_output(invoke, team_db: Path, config_file: Path) -> None:
    config_file.parent.mkdir(parents=True)
    config_file.write_text('[privacy]\nexclude = ["ben@x.example", "cy park"]\n')
    records = board(invoke, team_db)
    assert [(d["rank"], d["name"]) for d in records] == [(1, "Ann Lee")]
    for fmt in ("csv", "markdown", "html", "table"):
        output = invoke("leaderboard", team_db, "--format", fmt).output
        assert "Ben" not in output and "Cy" not in output and "Ann Lee" in output


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("[bands]\ngood = 70\nfair = = 3\n", "3", "not valid TOML"),
        ('[bands]\ngood = "high"\n', "2", "wrong type"),
        ("[standup]\nrotate = 0\n", "2", "must be from"),
        ("[display]\ncolour = 1\n", "2", "unknown setting"),
    ],
)
def test_a_malformed_config_names_file_and_line(  # type: ignore[no-untyped-def]
    invoke, team_db: Path, config_file: Path, text: str, line: str, says: str
) -> None:
    config_file.parent.mkdir(parents=True)
    config_file.write_text(text)
    result = invoke("leaderboard", team_db)
    assert result.exit_code == 1
    assert str(config_file) in result.output and says in result.output
    assert f"line {line}" in result.output or f"{config_file}:{line}" in result.output


def test_anonymise_hides_names_and_ids_in_every_format(
    invoke, team_db: Path, config_file: Path
) -> None:
    for flag in ("--anonymise", "--anonymize"):
        for fmt in ("json", "csv", "markdown", "html", "table"):
            output = invoke("leaderboard", team_db, "--format", fmt, flag).output
            for secret in ("Ann", "Ben", "Cy Park", "@x.example"):
                assert secret not in output, (fmt, secret)
            assert "Rep 0" in output
    ids = {d["rep_id"] for d in board(invoke, team_db, "--anonymise")}
    assert ids == {"rep-01", "rep-02", "rep-03"}


def test_html_is_self_contained_and_escaped(tmp_path: Path, invoke, config_file: Path) -> None:
    export = tmp_path / "x.csv"
    export.write_text(
        "date,name,brand,people,insights,relationships\n"
        '2026-01-05,"<script>alert(1)</script>",10,10,10,10\n'
    )
    db = tmp_path / "x.duckdb"
    run_import(db, [export])
    html = invoke("leaderboard", db, "--format", "html").output
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


# The default target kept in the database (`--default`): every manager opening it sees the
# same; the config file's default is the fallback.


def _targets(invoke, db: Path) -> dict[str, float]:  # type: ignore[no-untyped-def]
    result = invoke("leaderboard", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return {row["name"]: row["target"] for row in json.loads(result.stdout)}


def test_the_databases_default_beats_the_configs(invoke, team_db: Path, config_file: Path) -> None:
    config_file.parent.mkdir(parents=True)
    config_file.write_text("[targets]\ndefault = 60\n", encoding="utf-8")
    assert _targets(invoke, team_db) == {"Ann Lee": 60, "Ben Ode": 60, "Cy Park": 60}
    set_it = invoke("target", team_db, "--default", "75")
    assert set_it.exit_code == 0 and "Default target of" in set_it.stdout and "75" in set_it.stdout
    assert invoke("target", team_db, "--team", "North", "55").exit_code == 0
    assert _targets(invoke, team_db) == {"Ann Lee": 55, "Ben Ode": 55, "Cy Park": 75}
    listing = invoke("target", team_db).stdout
    assert "default 75 (stored in" in listing
    cleared = invoke("target", team_db, "--clear", "--default")
    assert cleared.exit_code == 0 and "the config's 60 applies" in cleared.stdout
    assert _targets(invoke, team_db)["Cy Park"] == 60
    assert "default 60 (the config file's" in invoke("target", team_db).stdout


def test_the_default_reaches_the_summary_and_the_percentages(
    invoke, team_db: Path, config_file: Path
) -> None:
    assert invoke("target", team_db, "--default", "50").exit_code == 0
    rows = json.loads(invoke("leaderboard", team_db, "--format", "json").stdout)
    assert {r["name"]: r["pct_of_target"] for r in rows}["Cy Park"] == 60.0  # 30 / 50


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--default", "0"), 2),
        (("--default", "101"), 2),
        (("--default",), 2),
        (("--default", "--team", "North", "50"), 2),
        (("--clear", "--default", "50"), 2),
    ],
)
def test_default_target_usage_errors(
    invoke,
    team_db: Path,
    config_file: Path,
    args: tuple[str, ...],
    expected: int,
    dump,  # type: ignore[no-untyped-def]
) -> None:
    before = dump(team_db)
    result = invoke("target", team_db, *args)
    assert result.exit_code == expected, result.output
    assert dump(team_db) == before
