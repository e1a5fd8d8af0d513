"""`ssi-tui leaderboard DB` and `ssi-tui DB`: formats, options, exit codes, nothing created.

Numbers are those of tests/fixtures/history.csv, worked out in tests/store/test_store_board.py:

    rank  name       team        ssi  brand people insights relationships change  as_of
    1     Ana Lima   Enterprise  65   17    16     15       17            +3      2026-01-19
    2     Cleo Wu    SMB         58   15    14     14.5     14.5          null    2026-01-19
    3     Dev Rao    SMB         58   15    14     14       15            +2      2026-01-19
    4     Bob Stone  Enterprise  55   14    13     13       15            +5      2026-01-19
    5     Gil Moss   Enterprise  46   12    11     11       12            +6      2026-01-19
    6     Eve Park   SMB         40   10    10     10       10            null    2026-01-05
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from ssi_tui.store import database as store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ROOT = FIXTURES.parents[1]
KEYS = [
    "rank",
    "rep_id",
    "name",
    "team",
    "ssi",
    "brand",
    "people",
    "insights",
    "relationships",
    "change",
    "as_of",
    "target",
    "pct_of_target",
    "change_4w",
]
WIDE = {"COLUMNS": "200", "LINES": "50"}


def row(rank, rep, name, team, ssi, b, p, i, r, change, as_of):  # type: ignore[no-untyped-def]
    # Default target 70, so pct_of_target = round(100 * ssi / 70, 1), e.g. 65 -> 92.857 -> 92.9.
    # change_4w is null for everyone: no snapshot is on or before 2026-01-19 - 28 days.
    pct = round(100 * ssi / 70, 1)
    values = [rank, rep, name, team, ssi, b, p, i, r, change, as_of, 70, pct, None]
    return dict(zip(KEYS, values, strict=True))


BOARD = [
    # pct_of_target by hand: 65/70 = 92.9, 58/70 = 82.9, 55/70 = 78.6, 46/70 = 65.7, 40/70 = 57.1
    row(1, "ana@acme.example", "Ana Lima", "Enterprise", 65, 17, 16, 15, 17, 3, "2026-01-19"),
    row(2, "cleo@acme.example", "Cleo Wu", "SMB", 58, 15, 14, 14.5, 14.5, None, "2026-01-19"),
    row(3, "dev@acme.example", "Dev Rao", "SMB", 58, 15, 14, 14, 15, 2, "2026-01-19"),
    row(4, "bob@acme.example", "Bob Stone", "Enterprise", 55, 14, 13, 13, 15, 5, "2026-01-19"),
    row(5, "gil@acme.example", "Gil Moss", "Enterprise", 46, 12, 11, 11, 12, 6, "2026-01-19"),
    row(6, "eve@acme.example", "Eve Park", "SMB", 40, 10, 10, 10, 10, None, "2026-01-05"),
]


def board_json(invoke, db: Path, *options: str) -> list[dict]:  # type: ignore[no-untyped-def]
    result = invoke("leaderboard", db, "--format", "json", *options)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), os.stat(path).st_mtime_ns


def test_json_is_exactly_the_contract(invoke, history_db: Path) -> None:
    data = board_json(invoke, history_db)
    assert data == BOARD
    for record in data:
        assert list(record) == KEYS
        assert type(record["rank"]) is int
        for key in ("ssi", "brand", "people", "insights", "relationships"):
            assert type(record[key]) in (int, float)
        assert record["change"] is None or type(record["change"]) in (int, float)


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("ssi", ["Ana", "Cleo", "Dev", "Bob", "Gil", "Eve"]),
        ("brand", ["Ana", "Cleo", "Dev", "Bob", "Gil", "Eve"]),
        ("people", ["Ana", "Cleo", "Dev", "Bob", "Gil", "Eve"]),
        ("insights", ["Ana", "Cleo", "Dev", "Bob", "Gil", "Eve"]),
        ("relationships", ["Ana", "Bob", "Dev", "Cleo", "Gil", "Eve"]),
        ("change", ["Gil", "Bob", "Ana", "Dev", "Cleo", "Eve"]),
        ("name", ["Ana", "Bob", "Cleo", "Dev", "Eve", "Gil"]),
    ],
)
def test_sort_keeps_each_reps_rank(invoke, history_db: Path, sort: str, order: list[str]) -> None:
    data = board_json(invoke, history_db, "--sort", sort)
    assert [d["name"].split()[0] for d in data] == order
    by_name = {d["name"]: d for d in BOARD}
    assert data == [by_name[d["name"]] for d in data]


def test_as_of_and_missed_week(invoke, history_db: Path) -> None:
    data = board_json(invoke, history_db, "--as-of", "2026-01-16")
    assert [(d["rank"], d["name"], d["ssi"], d["change"], d["as_of"]) for d in data] == [
        (1, "Ana Lima", 62, 2, "2026-01-12"),  # 62 - 60 (01-05)
        (2, "Dev Rao", 56, None, "2026-01-12"),
        (3, "Bob Stone", 50, None, "2026-01-05"),
        (4, "Gil Moss", 44, 4, "2026-01-15"),  # 44 - 40 (latest on or before 01-08)
        (5, "Eve Park", 40, None, "2026-01-05"),
    ]  # Cleo (first seen 01-19) is left out


def test_team_filter(invoke, history_db: Path) -> None:
    data = board_json(invoke, history_db, "--team", "SMB", "--sort", "name")
    assert [(d["rank"], d["name"], d["team"]) for d in data] == [
        (1, "Cleo Wu", "SMB"),
        (2, "Dev Rao", "SMB"),
        (3, "Eve Park", "SMB"),
    ]
    # Any case finds the team, and the title spells it as the file does.
    assert board_json(invoke, history_db, "--team", "smb", "--sort", "name") == data
    assert "· SMB" in invoke("leaderboard", history_db, "--team", "smb").output


def test_an_unknown_team_is_an_error_naming_the_teams(invoke, history_db: Path) -> None:
    """A typo must not print an empty board (and exit 0) as if the team had no reps."""
    for output_format in ("json", "table"):
        result = invoke("leaderboard", history_db, "--team", "Nobody", "--format", output_format)
        assert result.exit_code == 1, result.output
        assert "no team called 'Nobody' (teams: Enterprise, SMB)" in result.output
        assert "[" not in result.stdout and "┃" not in result.stdout


def test_as_of_before_any_data_is_an_empty_board(invoke, history_db: Path) -> None:
    assert board_json(invoke, history_db, "--as-of", "2025-01-01") == []
    result = invoke("leaderboard", history_db, "--as-of", "2025-01-01")
    assert "no snapshots on or before 2025-01-01 (the first is 2026-01-05)" in result.stderr


def test_a_database_without_snapshots_prints_an_empty_board_and_says_why(
    invoke, tmp_path: Path
) -> None:
    db = tmp_path / "new.duckdb"
    with store.open_write(db):
        pass  # the schema, no snapshot yet
    result = invoke("leaderboard", db, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    assert f"{db}: no snapshots yet." in result.stderr


def test_csv_output(invoke, history_db: Path) -> None:
    result = invoke("leaderboard", history_db, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == KEYS
    assert rows[1] == ["1", "ana@acme.example", "Ana Lima", "Enterprise", "65.0", "17.0", "16.0",
                       "15.0", "17.0", "3.0", "2026-01-19", "70.0", "92.9", ""]  # fmt: skip
    assert rows[2][2] == "Cleo Wu" and rows[2][9] == ""  # null change: empty cell
    assert [r[2] for r in rows[1:]] == [d["name"] for d in BOARD]


def test_csv_neutralises_formula_cells(invoke, tricky_db: Path) -> None:
    result = invoke("leaderboard", tricky_db, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    # Totals 60, 56, 52, 48, 44, 40 (each pillar a quarter of it), so this order:
    assert [r["name"] for r in rows] == [
        "a|b *c* _d_ `e` <f> #g",
        "[bold]X[/]",
        "'@Home",
        "'-Minus",
        "'+SUM(A1)",
        "'=cmd|' /C calc'!A0",
    ]
    assert rows[-1]["team"] == '\'=HYPERLINK("http://evil.example")'
    for record in rows:
        for value in record.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_csv_keeps_negative_numbers_as_numbers(invoke, tmp_path: Path) -> None:
    export = tmp_path / "drop.csv"
    export.write_text(
        "date,name,brand,people,insights,relationships\n"
        "2026-01-05,Ana Lima,12.5,12.5,12.5,12.5\n"  # 50
        "2026-01-12,Ana Lima,12,12,11.5,11.5\n",  # 47: change 47 - 50 = -3
        encoding="utf-8",
    )
    db = tmp_path / "drop.duckdb"
    assert invoke("import", db, export).exit_code == 0
    result = invoke("leaderboard", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert (rows[0]["ssi"], rows[0]["change"]) == ("47.0", "-3.0")


def test_markdown_escapes_table_syntax(invoke, tricky_db: Path) -> None:
    result = invoke("leaderboard", tricky_db, "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("| # | Name |")
    assert set(lines[1]) <= set("|-")
    assert len(lines) == 2 + 6
    header_cells = len(re.split(r"(?<!\\)\|", lines[0]))
    for line in lines[2:]:
        # Splitting on unescaped pipes gives as many cells as the header: no cell broke out.
        assert len(re.split(r"(?<!\\)\|", line)) == header_cells, line
    first = lines[2]
    assert "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\<f\\> \\#g" in first
    assert "\\[bold\\]X\\[/\\]" in lines[3]
    assert " 60 " in first  # 15 * 4


def test_table_shows_names_literally(invoke, tricky_db: Path) -> None:
    result = invoke("leaderboard", tricky_db, env=WIDE)
    assert result.exit_code == 0, result.output
    assert "SSI leaderboard as of 2026-02-02" in result.stdout
    assert "[bold]X[/]" in result.stdout
    assert "a|b *c* _d_ `e` <f> #g" in result.stdout
    assert "=cmd|' /C calc'!A0" in result.stdout


def test_table_default_output(invoke, history_db: Path) -> None:
    result = invoke("leaderboard", history_db, "--team", "Enterprise", env=WIDE)
    assert result.exit_code == 0, result.output
    assert "SSI leaderboard as of 2026-01-19 · Enterprise" in result.stdout
    lines = [line for line in result.stdout.splitlines() if "acme" in line or "Lima" in line]
    assert any("Ana Lima" in line and "65" in line and "+3.0" in line for line in lines)
    assert "Cleo" not in result.stdout


@pytest.mark.parametrize("command", [["leaderboard"], []], ids=["leaderboard", "open"])
@pytest.mark.parametrize("kind", ["missing", "text", "foreign-duckdb", "newer"])
def test_opening_what_is_not_an_ssi_tui_database_exits_1_and_touches_nothing(
    invoke, tmp_path: Path, history_db: Path, command: list[str], kind: str
) -> None:
    db = tmp_path / "target.duckdb"
    if kind == "text":
        db.write_text("just text\n", encoding="utf-8")
    elif kind == "foreign-duckdb":
        conn = duckdb.connect(str(db))
        conn.execute("CREATE TABLE invoices (id INTEGER)")
        conn.close()
    elif kind == "newer":
        db = history_db
        conn = duckdb.connect(str(db))
        newer = str(store.SCHEMA_VERSION + 1)
        conn.execute("UPDATE ssi_meta SET value = ? WHERE key = 'schema_version'", [newer])
        conn.close()
    before = fingerprint(db) if db.exists() else None
    result = invoke(*command, db)
    assert result.exit_code == 1
    message = result.stderr
    assert message.startswith("Error: ") and message.count("\n") == 1, message
    assert str(db) in message
    if kind == "newer":
        assert "newer" in message
    else:
        assert "ssi-tui import" in message or "ssi-tui demo" in message
    if before is None:
        assert not db.exists()
    else:
        assert fingerprint(db) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".wal") == []


def test_leaderboard_leaves_the_database_untouched(invoke, history_db: Path) -> None:
    before = fingerprint(history_db)
    for fmt in ("table", "csv", "json", "markdown"):
        assert invoke("leaderboard", history_db, "--format", fmt).exit_code == 0
    assert fingerprint(history_db) == before


@pytest.mark.parametrize(
    "options",
    [
        ["--sort", "height"],
        ["--format", "xml"],
        ["--as-of", "2026-02-30"],
        ["--as-of", "last week"],
        ["--frobnicate"],
    ],
    ids=["bad-sort", "bad-format", "impossible-date", "not-a-date", "unknown-option"],
)
def test_leaderboard_usage_errors_exit_2(invoke, history_db: Path, options: list[str]) -> None:
    result = invoke("leaderboard", history_db, *options)
    assert result.exit_code == 2
    assert "Usage:" in result.stderr


def run_real(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(cwd), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "ssi_tui", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=60,
    )


def test_real_process_exit_codes_and_no_traceback(tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    missing = run_real("leaderboard", tmp_path / "missing.duckdb", cwd=tmp_path)
    assert (missing.returncode, missing.stdout) == (1, "")
    assert missing.stderr.count("\n") == 1 and "ssi-tui import" in missing.stderr
    bad = run_real("import", db, FIXTURES / "invalid" / "bad_date.csv", cwd=tmp_path)
    assert bad.returncode == 1 and "bad_date.csv:3: column 'date'" in bad.stderr
    assert not db.exists()
    usage = run_real("leaderboard", "--sort", "height", db, cwd=tmp_path)
    assert usage.returncode == 2
    ok = run_real("import", db, FIXTURES / "history.csv", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    board = run_real("leaderboard", db, "--format", "json", cwd=tmp_path)
    assert board.returncode == 0 and json.loads(board.stdout) == BOARD
    for result in (missing, bad, usage, ok, board):
        assert "Traceback" not in result.stderr


def test_table_shows_names_literally_at_80_columns(invoke, tricky_db: Path) -> None:
    result = invoke("leaderboard", tricky_db, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "[bold]X[/]" in result.stdout
    assert "2026-02-02" in result.stdout.split("\n", 1)[1]  # the As of cells, not the title


def test_the_plain_form_on_a_file_that_is_not_a_database_exits_1_without_traceback(
    tmp_path: Path,
) -> None:
    """`ssi-tui FILE` skips click (entry.py) and still fails as the `open` command does."""
    notes = tmp_path / "notes.duckdb"
    notes.write_text("just text\n", encoding="utf-8")
    before = fingerprint(notes)
    result = run_real(notes, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert str(notes) in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(notes) == before


def test_a_stale_row_has_null_changes_and_says_how_old_it_is(invoke, history_db: Path) -> None:
    """Issue #7: as of 2026-02-02 Ana's latest snapshot (01-19) is two weeks old: her +3 then
    is not this week's change."""
    data = {d["name"]: d for d in board_json(invoke, history_db, "--as-of", "2026-02-02")}
    assert (data["Ana Lima"]["ssi"], data["Ana Lima"]["as_of"]) == (65, "2026-01-19")
    assert data["Ana Lima"]["change"] is None and data["Ana Lima"]["change_4w"] is None
    assert list(data["Ana Lima"]) == KEYS
    markdown = invoke("leaderboard", history_db, "--format", "markdown").stdout
    eve = next(line for line in markdown.splitlines() if "Eve Park" in line)
    assert "– (2w old)" in eve  # her 01-05 snapshot on the board of 01-19
    table = invoke("leaderboard", history_db, "--as-of", "2026-02-02", env=WIDE).stdout
    ana = next(line for line in table.splitlines() if "Ana Lima" in line)
    assert "2026-01-19 (2w old)" in ana and "+3" not in ana
    as_csv = invoke("leaderboard", history_db, "--as-of", "2026-02-02", "--format", "csv")
    first = next(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert (first["name"], first["change"], first["as_of"]) == ("Ana Lima", "", "2026-01-19")


def test_a_narrow_terminal_leaves_out_as_of_and_says_the_age_in_the_week_column(
    invoke, history_db: Path
) -> None:
    """Where names would be cut to a few letters, the As-of column goes first; a stale row then
    says its age where its week's change would be, as Markdown does."""
    terminal = {"COLUMNS": "80", "LINES": "24", "TTY_COMPATIBLE": "1", "NO_COLOR": "1"}
    result = invoke("leaderboard", history_db, "--as-of", "2026-02-02", env=terminal)
    table = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert "As of" not in table and max(len(line) for line in table.splitlines()) <= 80, table
    ana = next(line for line in table.splitlines() if "Ana Lima" in line)
    assert "– (2w old)" in ana and "2026-01-19" not in ana


@pytest.fixture
def improving_db(invoke, tmp_path: Path) -> Path:
    """Five weekly snapshots: Ana +8 over four weeks, Bo +2, Cy -4."""
    lines = ["date,rep_id,name,ssi,brand,people,insights,relationships"]
    for week, (ana, bo, cy) in enumerate([(40, 50, 60), (42, 50, 59), (44, 51, 58), (46, 51, 57),
                                          (48, 52, 56)]):  # fmt: skip
        day = f"2026-01-{5 + 7 * week:02d}" if week < 4 else "2026-02-02"
        for rep, total in (("ana", ana), ("bo", bo), ("cy", cy)):
            q = total / 4
            lines.append(f"{day},{rep}@x.example,{rep.title()},{total},{q},{q},{q},{q}")
    export = tmp_path / "weeks.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "weeks.duckdb"
    assert invoke("import", db, export).exit_code == 0
    return db


def test_sorting_by_improvement_shows_the_4_week_change_and_marks_its_column(
    invoke, improving_db: Path
) -> None:
    """Issue #8: `--sort improvement` showed no 4-week change anywhere."""
    markdown = invoke("leaderboard", improving_db, "--sort", "improvement", "--format", "markdown")
    lines = markdown.stdout.splitlines()
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert "Δ 4 wk ▼" in header and "SSI" in header
    column = header.index("Δ 4 wk ▼")
    cells = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
    assert [(row[1], row[column]) for row in cells] == [
        ("Ana", "+8.0"),
        ("Bo", "+2.0"),
        ("Cy", "-4.0"),
    ]
    table = invoke("leaderboard", improving_db, "--sort", "improvement", env=WIDE).stdout
    assert "Δ 4 wk ▼" in table
    assert re.search(r"Ana .*\+8\.0", table) and re.search(r"Cy .*-4\.0", table)


def test_the_sorted_column_is_marked_and_percent_of_target_shown(
    invoke, improving_db: Path
) -> None:
    plain = invoke("leaderboard", improving_db, "--format", "markdown").stdout.splitlines()[0]
    assert "| SSI ▼ |" in plain and "Δ 4 wk" not in plain
    by_name = invoke("leaderboard", improving_db, "--format", "markdown", "--sort", "name")
    assert "| Name ▲ |" in by_name.stdout.splitlines()[0]
    table = invoke("leaderboard", improving_db, "--sort", "target", env=WIDE).stdout
    assert "% target ▼" in table
    assert re.search(r"Cy .* 80\.0 ", table)  # 56 of 70
    assert "SSI ▼" in invoke("leaderboard", improving_db, env=WIDE).stdout
