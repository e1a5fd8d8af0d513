"""What `ssi-tui import` tells besides its counts: corrections (also in a dry run), values that
look like typos (--strict refuses them), teams, rows matched by name, in one wording."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ssi_tui.resources import sample_data_dir
from tests.cli.conftest import FIXTURES, Invoke
from tests.db_helpers import TableDump

FINDINGS = FIXTURES / "findings"
IDENTITY = FIXTURES / "identity"


def test_a_dry_run_lists_the_corrections_it_would_make_the_first_20_and_a_count(
    invoke: Invoke, tmp_path: Path, dump: Callable[[Path], TableDump]
) -> None:
    db = tmp_path / "team.duckdb"
    sample = sample_data_dir() / "team_ssi.csv"
    invoke("import", db, sample)
    header, *rows = sample.read_text(encoding="utf-8").splitlines()
    columns = header.split(",")
    latest = [row.split(",") for row in rows if row.startswith("2026-11-16,")]
    for cells in latest:  # one point less of insights, and so of the total
        for column in ("ssi", "insights"):
            at = columns.index(column)
            cells[at] = f"{float(cells[at]) - 1:g}"
    corrected = tmp_path / "corrected.csv"
    corrected.write_text("\n".join([header, *(",".join(c) for c in latest)]) + "\n")
    before = dump(db)

    result = invoke("import", "--dry-run", db, corrected)

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = lines.index("would correct 60 values:")
    shown = lines[start + 1 : start + 21]
    assert all(line.startswith("  ") and " → " in line for line in shown), shown
    assert shown[:2] == [
        "  Aisha Khan, 2026-11-16, ssi: 50 → 49",
        "  Aisha Khan, 2026-11-16, insights: 9.79 → 8.79",
    ]
    assert lines[start + 21] == "  ... and 40 more"
    assert f"Dry run: nothing written to {db}: 0 new, 30 corrected, 0 unchanged." in lines
    assert dump(db) == before


def test_a_typo_like_value_is_imported_and_listed_as_a_warning_with_its_line(
    invoke: Invoke, tmp_path: Path
) -> None:
    db = tmp_path / "team.duckdb"
    invoke("import", db, FINDINGS / "newest.csv")
    typo = FINDINGS / "typo.tsv"

    result = invoke("import", db, typo)

    assert result.exit_code == 0, result.output
    assert "1 warning (imported, but check them; --strict refuses them):" in result.stdout
    assert (
        f"  {typo}:2: column 'brand': Ann Lee, 2026-11-23: brand 1.65 moved by more than half"
        " of 16.21 (2026-11-16); a typo?"
    ) in result.stdout.splitlines()
    assert f"Imported into {db}: 2 new, 0 corrected, 0 unchanged." in result.stdout


def test_strict_refuses_a_typo_like_value_exits_1_and_writes_nothing(
    invoke: Invoke, tmp_path: Path, dump: Callable[[Path], TableDump]
) -> None:
    db = tmp_path / "team.duckdb"
    invoke("import", db, FINDINGS / "newest.csv")
    before = dump(db)

    result = invoke("import", "--strict", db, FINDINGS / "typo.csv")

    assert result.exit_code == 1
    assert "Import rejected: 1 problem; nothing was written" in result.stderr
    assert "brand 1.65 moved by more than half of 16.21" in result.stderr
    assert "Traceback" not in result.output
    assert dump(db) == before


def test_the_summary_says_which_teams_were_set_and_which_were_not_applied(
    invoke: Invoke, tmp_path: Path
) -> None:
    db = tmp_path / "team.duckdb"
    invoke("import", db, FINDINGS / "newest.csv")

    result = invoke("import", db, FINDINGS / "older_teams.csv")

    assert "team set for 1 rep" in result.stdout.splitlines()
    assert (
        "team 'Mid-Market' for Bo Kim not applied: the file's dates are older than Bo Kim's"
        " newest snapshot (2026-11-16), which keeps 'SMB'"
    ) in result.stdout.splitlines()


def test_the_summary_counts_rows_matched_by_name_and_reps_in_the_singular(
    invoke: Invoke, tmp_path: Path
) -> None:
    db = tmp_path / "team.duckdb"
    invoke("import", db, IDENTITY / "export_with_ids.csv")

    result = invoke("import", db, IDENTITY / "sheet_jon_only.csv")

    assert result.exit_code == 0, result.output
    assert (
        f"{IDENTITY / 'sheet_jon_only.csv'}: 1 new, 0 corrected, 0 unchanged"
        " (1 rep, 2026-11-23, 1 matched by name)"
    ) in result.stdout.splitlines()
    assert "1 row matched an existing rep by name" in result.stdout.splitlines()


def test_json_carries_corrections_warnings_teams_and_matches(
    invoke: Invoke, tmp_path: Path
) -> None:
    db = tmp_path / "team.duckdb"
    invoke("import", db, FINDINGS / "newest.csv")

    result = invoke("import", "--json", db, FINDINGS / "typo.csv")

    summary = json.loads(result.stdout)
    assert summary["warnings_total"] == 1
    assert summary["warnings"] == [
        f"{FINDINGS / 'typo.csv'}: column 'brand': Ann Lee, 2026-11-23: brand 1.65 moved by"
        " more than half of 16.21 (2026-11-16); a typo?"
    ]
    assert (summary["corrections_total"], summary["teams_set"], summary["matched_by_name"]) == (
        0,
        0,
        0,
    )


def test_reimporting_the_boards_csv_with_teams_filled_in_sets_them_and_says_so(
    invoke: Invoke, tmp_path: Path
) -> None:
    db = tmp_path / "team.duckdb"
    header, *rows = (sample_data_dir() / "team_ssi.csv").read_text(encoding="utf-8").splitlines()
    team = header.split(",").index("team")
    blank = [row.split(",") for row in rows]
    for cells in blank:
        cells[team] = ""
    no_teams = tmp_path / "no_teams.csv"
    no_teams.write_text("\n".join([header, *(",".join(c) for c in blank)]) + "\n")
    invoke("import", db, no_teams)
    board = invoke("leaderboard", db, "--format", "csv").stdout.splitlines()
    board_team = board[0].split(",").index("team")
    filled = []
    for line in board[1:]:
        cells = line.split(",")
        cells[board_team] = "Field"
        filled.append(",".join(cells))
    with_teams = tmp_path / "board_with_teams.csv"
    with_teams.write_text("\n".join([board[0], *filled]) + "\n")

    result = invoke("import", db, with_teams)

    assert result.exit_code == 0, result.output
    assert "team set for 30 reps" in result.stdout.splitlines()
    teams = invoke("leaderboard", db, "--format", "json").stdout
    assert {row["team"] for row in json.loads(teams)} == {"Field"}


def test_a_dry_run_into_a_file_of_schema_5_reads_it_as_it_is(
    invoke: Invoke, tmp_path: Path, dump: Callable[[Path], TableDump]
) -> None:
    """No rep has adopted an id in a file made before rep_aliases existed; nothing upgraded."""
    from tests.store.old_schema import as_version_5

    db = tmp_path / "team.duckdb"
    invoke("import", db, IDENTITY / "sheet_by_name.csv")
    as_version_5(db)
    before = dump(db)

    result = invoke("import", "--dry-run", db, IDENTITY / "export_with_ids.csv")

    assert result.exit_code == 0, result.output
    assert "3 rows matched an existing rep by name" in result.stdout.splitlines()
    assert dump(db) == before
