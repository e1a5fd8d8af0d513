"""`ssi-tui reps`: the roster and its changes, as a manager types them (tests/fixtures/history.csv:
Ana, Bob, Gil in Enterprise; Cleo, Dev, Eve in SMB; see tests/store/test_store_board.py)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ssi_tui.boards import board_cache
from ssi_tui.boards.head_start import HeadStart
from ssi_tui.cli.main import cli
from ssi_tui.model.view import BoardView
from tests.cli.conftest import Invoke
from tests.db_helpers import TableDump, query

Dump = Callable[[Path], TableDump]


def _answering(answer: str, *args: str | Path) -> Result:
    """`ssi-tui ARGS...` with ANSWER typed at its prompt."""
    result = CliRunner().invoke(cli, [str(a) for a in args], input=answer)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def _board(invoke: Invoke, db: Path, as_of: str) -> list[str]:
    """The names on the board as of AS_OF, from `ssi-tui leaderboard --format csv`."""
    result = invoke("leaderboard", db, "--as-of", as_of, "--format", "csv")
    assert result.exit_code == 0, result.output
    return [line.split(",")[2] for line in result.output.splitlines()[1:]]


def test_list_prints_every_rep_with_their_snapshots_and_status(
    invoke: Invoke, history_db: Path
) -> None:
    invoke("reps", "leave", history_db, "Eve Park", "--date", "2026-01-10")
    result = invoke("reps", "list", history_db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    eve = next(line for line in lines if "eve@acme.example" in line)
    assert [cell.strip() for cell in eve.strip("│ ").split("│")] == [
        "eve@acme.example",
        "Eve Park",
        "SMB",
        "2026-01-05",
        "2026-01-05",
        "1",
        "left on 2026-01-10",
    ]
    assert lines[-1] == "6 reps, 1 left"


def test_list_as_json(invoke: Invoke, history_db: Path) -> None:
    result = invoke("reps", "list", history_db, "--format", "json")
    reps = json.loads(result.output)
    assert [r["name"] for r in reps] == [
        "Ana Lima",
        "Bob Stone",
        "Cleo Wu",
        "Dev Rao",
        "Eve Park",
        "Gil Moss",
    ]
    assert reps[5] == {
        "rep_id": "gil@acme.example",
        "name": "Gil Moss",
        "team": "Enterprise",
        "first_snapshot": "2026-01-05",
        "last_snapshot": "2026-01-19",
        "snapshots": 3,
        "left_on": None,
        "status": "active",
    }


def test_list_shows_names_literally(invoke: Invoke, tricky_db: Path) -> None:
    result = invoke("reps", "list", tricky_db, "--format", "table")
    assert "[bold]X[/]" in result.output
    assert "=cmd|' /C calc'!A0" in result.output


def test_rename_says_what_it_did_and_how_to_undo_it(invoke: Invoke, history_db: Path) -> None:
    result = invoke("reps", "rename", history_db, "ana lima", "Ana  Lima-Souza")
    assert result.exit_code == 0, result.output
    change_id = query(history_db, "SELECT max(change_id) FROM changes")[0][0]
    assert result.output == (
        "Renamed Ana Lima (ana@acme.example) to Ana Lima-Souza.\n"
        f"Undo with `ssi-tui undo {history_db} {change_id}`.\n"
    )
    assert "Ana Lima-Souza" in _board(invoke, history_db, "2026-01-19")


def test_an_ambiguous_rep_is_an_error_naming_the_candidates(
    invoke: Invoke, history_db: Path, dump: Dump
) -> None:
    invoke("reps", "rename", history_db, "bob@acme.example", "Ana Lima")
    before = dump(history_db)
    result = invoke("reps", "leave", history_db, "Ana Lima")
    assert result.exit_code == 1
    assert result.output == (
        "Error: several reps could be 'Ana Lima': ana@acme.example (Ana Lima),"
        " bob@acme.example (Ana Lima); give the rep_id.\n"
    )
    assert dump(history_db) == before


def test_an_unknown_rep_or_database_is_a_clean_error(invoke: Invoke, history_db: Path) -> None:
    result = invoke("reps", "rename", history_db, "Zed", "Zed Two")
    assert (result.exit_code, result.output) == (
        1,
        "Error: no rep with the id, alias or name 'Zed' (see `ssi-tui reps list`).\n",
    )
    result = invoke("reps", "list", history_db.with_name("missing.duckdb"))
    assert result.exit_code == 1
    assert "missing.duckdb: no such database" in result.output


def test_team_moves_several_reps(invoke: Invoke, history_db: Path) -> None:
    result = invoke("reps", "team", history_db, "smb", "Ana Lima", "gil@acme.example")
    assert result.output.splitlines()[0] == (
        "Moved Ana Lima (ana@acme.example), Gil Moss (gil@acme.example) to team SMB."
    )
    board = invoke("leaderboard", history_db, "--team", "Enterprise", "--format", "csv")
    assert [line.split(",")[2] for line in board.output.splitlines()[1:]] == ["Bob Stone"]


def test_leave_takes_a_rep_off_the_boards_after_that_date(invoke: Invoke, history_db: Path) -> None:
    result = invoke("reps", "leave", history_db, "Gil Moss", "--date", "2026-01-15")
    assert result.output.splitlines()[0] == "Gil Moss (gil@acme.example) left on 2026-01-15."
    assert "Gil Moss" in _board(invoke, history_db, "2026-01-12")
    assert "Gil Moss" in _board(invoke, history_db, "2026-01-15")
    assert "Gil Moss" not in _board(invoke, history_db, "2026-01-19")
    assert "Gil Moss" not in _board(invoke, history_db, "2026-01-26")


def test_leave_without_a_date_means_today(invoke: Invoke, history_db: Path) -> None:
    invoke("reps", "leave", history_db, "Gil Moss")
    assert query(history_db, "SELECT left_on FROM reps WHERE rep_id = 'gil@acme.example'") == [
        (dt.date.today(),)
    ]


def test_leave_with_a_bad_date_is_a_usage_error(invoke: Invoke, history_db: Path) -> None:
    result = invoke("reps", "leave", history_db, "Gil Moss", "--date", "15/01/2026")
    assert result.exit_code == 2
    assert "expected a date as YYYY-MM-DD" in result.output


def test_delete_asks_first_saying_how_many_snapshots_go(
    history_db: Path, dump: Dump, tmp_path: Path
) -> None:
    before = dump(history_db)
    result = _answering("n\n", "reps", "delete", history_db, "Gil Moss")
    assert result.output == (
        "Delete Gil Moss (gil@acme.example) and their 3 snapshots? [y/N]: n\nNothing deleted.\n"
    )
    assert dump(history_db) == before
    result = _answering("y\n", "reps", "delete", history_db, "Gil Moss")
    assert "Deleted Gil Moss (gil@acme.example) with 3 snapshots." in result.output
    assert query(history_db, "SELECT count(*) FROM reps WHERE rep_id LIKE 'gil%'") == [(0,)]


def test_delete_yes_does_not_ask(invoke: Invoke, history_db: Path) -> None:
    result = invoke("reps", "delete", history_db, "eve@acme.example", "--yes")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "Deleted Eve Park (eve@acme.example) with 1 snapshot."
    assert "Eve Park" not in _board(invoke, history_db, "2026-01-19")


def _second_bob(tmp_path: Path, invoke: Invoke, db: Path, ssi_0119: str) -> None:
    export = tmp_path / "bobby.csv"
    export.write_text(
        "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"
        "2026-01-12,bobby@other.example,Bobby Stone,Enterprise,52,13,13,13,13\n"
        f"2026-01-19,bobby@other.example,Bobby Stone,Enterprise,{ssi_0119}\n",
        encoding="utf-8",
    )
    assert invoke("import", db, export).exit_code == 0


def test_merge_lists_conflicting_days_and_merges_only_with_keep(
    invoke: Invoke, history_db: Path, tmp_path: Path, dump: Dump
) -> None:
    _second_bob(tmp_path, invoke, history_db, "54,14,13,13,14")
    before = dump(history_db)
    result = invoke("reps", "merge", history_db, "Bobby Stone", "Bob Stone")
    assert result.exit_code == 1
    assert result.output == (
        "Error: Bobby Stone and Bob Stone both have other numbers on 1 day(s):\n"
        "  2026-01-19 official: 54 (from) vs 55 (into)\n"
        "Nothing merged: keep one side's with --keep from or --keep into.\n"
    )
    assert dump(history_db) == before
    result = invoke("reps", "merge", history_db, "Bobby Stone", "Bob Stone", "--keep", "from")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "Merged Bobby Stone (bobby@other.example) into Bob Stone (bob@acme.example):"
        " 1 moved, 1 conflicting (kept Bobby Stone's)."
    )
    assert query(
        history_db,
        "SELECT snapshot_date::VARCHAR, ssi FROM snapshots WHERE rep_id LIKE 'bob%' ORDER BY 1",
    ) == [("2026-01-05", 50.0), ("2026-01-12", 52.0), ("2026-01-19", 54.0)]


def test_merge_dry_run_says_what_it_would_do_and_changes_nothing(
    invoke: Invoke, history_db: Path, tmp_path: Path, dump: Dump
) -> None:
    _second_bob(tmp_path, invoke, history_db, "54,14,13,13,14")
    before = dump(history_db)
    result = invoke("reps", "merge", history_db, "Bobby Stone", "Bob Stone", "--dry-run")
    assert result.exit_code == 0
    assert result.output == (
        "Would merge Bobby Stone (bobby@other.example) into Bob Stone (bob@acme.example):"
        " 1 moved, 1 conflicting.\n"
        "  2026-01-19 official: 54 (from) vs 55 (into)\n"
        "Refused without --keep from or --keep into.\n"
        "Nothing changed (--dry-run).\n"
    )
    assert dump(history_db) == before


def test_merge_of_identical_days_keeps_one_row(
    invoke: Invoke, history_db: Path, tmp_path: Path
) -> None:
    _second_bob(tmp_path, invoke, history_db, "55,14,13,13,15")
    result = invoke("reps", "merge", history_db, "bobby@other.example", "Bob Stone")
    assert result.exit_code == 0, result.output
    assert " 1 moved, 1 the same on both." in result.output.splitlines()[0]
    assert query(history_db, "SELECT count(*) FROM snapshots WHERE rep_id LIKE 'bob%'") == [(3,)]
    names = invoke("reps", "list", history_db, "--format", "json").output
    assert "Bobby Stone" not in names


def test_a_board_kept_for_the_next_start_follows_a_roster_change(
    invoke: Invoke, history_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(board_cache.ENV_VAR, str(tmp_path / "cache"))
    view = BoardView(None)
    earlier = HeadStart(history_db, view)
    assert earlier.result() is not None
    earlier.keep()
    invoke("reps", "rename", history_db, "Ana Lima", "Ana Lima-Souza")
    kept = HeadStart(history_db, view)
    assert kept.from_cache  # read again by the rename, not left stale
    result = kept.result()
    assert result is not None and result.board.rows[0].name == "Ana Lima-Souza"


@pytest.mark.parametrize(
    "command",
    [
        ("rename", "Ana Lima", "Ana Lima-Souza"),
        ("team", "SMB", "Ana Lima", "Gil Moss"),
        ("leave", "Gil Moss", "--date", "2026-01-12"),
        ("delete", "Gil Moss", "--yes"),
        ("merge", "Bobby Stone", "Bob Stone", "--keep", "from"),
    ],
)
def test_ssi_tui_undo_of_a_reps_command_gives_back_the_printed_board_byte_for_byte(
    invoke: Invoke, history_db: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    _second_bob(tmp_path, invoke, history_db, "54,14,13,13,14")
    dates = ("2026-01-05", "2026-01-12", "2026-01-15", "2026-01-19")

    def printed() -> list[str]:
        return [
            invoke("leaderboard", history_db, "--as-of", day, "--format", "csv").output
            for day in dates
        ]

    before = printed()
    result = invoke("reps", command[0], history_db, *command[1:])
    assert result.exit_code == 0, result.output
    assert printed() != before
    hint = result.output.splitlines()[-1]  # Undo with `ssi-tui undo DB N`.
    assert hint.startswith(f"Undo with `ssi-tui undo {history_db} ") and hint.endswith("`.")
    change_id = hint.removesuffix("`.").rsplit(" ", 1)[1]
    listed = invoke("history", history_db, "--format", "json").output
    assert {"id": int(change_id), "kind": command[0]}.items() <= json.loads(listed)[0].items()
    undone = invoke("undo", history_db, change_id)
    assert undone.exit_code == 0, undone.output
    assert printed() == before
