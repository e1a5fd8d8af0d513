"""Undo of each roster change (store/undo.py) gives back every table of the team's data and
every board exactly as before the change: the roster's writers keep to the change contract."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import ssi_tui.store
from ssi_tui.importing.importer import run_import
from ssi_tui.model import formats, roster
from ssi_tui.model.board import load_board
from ssi_tui.store import undo
from tests.db_helpers import TableDump, dump_tables

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
D = dt.date.fromisoformat
HISTORY_TABLES = {
    "changes",
    "imports",
    "superseded_snapshots",
    "superseded_activities",
    "superseded_reps",
    "superseded_aliases",
    "estimate_models",
}
"""What an undo adds to rather than puts back: the history itself."""

SECOND_BOB = """date,rep_id,name,team,ssi,brand,people,insights,relationships
2026-01-12,bobby@other.example,Bobby Stone,Enterprise,52,13,13,13,13
2026-01-19,bobby@other.example,Bobby Stone,Enterprise,54,14,13,13,14
2026-01-26,bobby@other.example,Bobby Stone,Enterprise,57,15,14,14,14
"""
ACTIVITY = """date,rep_id,name,team,searches,leads_saved,connections,posts_shared
2026-01-26,bobby@other.example,Bobby Stone,Enterprise,12,4,800,3
2026-01-26,bob@acme.example,Bob Stone,Enterprise,10,3,700,2
2026-01-26,gil@acme.example,Gil Moss,Enterprise,8,2,500,1
"""


@pytest.fixture(scope="module")
def team_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """history.csv, a second spelling of Bob with a conflicting day, and activity exports
    (estimated snapshots: Bob and Gil have both sources, so a 'best' board of their own)."""
    folder = tmp_path_factory.mktemp("team")
    db = folder / "team.duckdb"
    (folder / "bobby.csv").write_text(SECOND_BOB, encoding="utf-8")
    (folder / "activity.csv").write_text(ACTIVITY, encoding="utf-8")
    run_import(db, [FIXTURES / "history.csv"])
    run_import(db, [folder / "bobby.csv"])
    run_import(db, [folder / "activity.csv"])
    return db


@pytest.fixture
def team_db(team_template: Path, tmp_path: Path) -> Path:
    db = tmp_path / "team.duckdb"
    shutil.copyfile(team_template, db)
    return db


def data_tables(db: Path) -> TableDump:
    """Every table that holds the team's data (and the boards made from it)."""
    return {name: rows for name, rows in dump_tables(db).items() if name not in HISTORY_TABLES}


def boards_csv(db: Path) -> list[str]:
    """`ssi-tui leaderboard DB --format csv` on every date of every source."""
    boards = []
    for source in ("best", "official", "estimated"):
        for as_of in load_board(db, source=source).dates:
            board = load_board(db, as_of=as_of, source=source)
            boards.append(f"{source} {as_of}\n{formats.to_csv(board.rows)}")
    return boards


def _undo(db: Path, change_id: int) -> None:
    with ssi_tui.store.open_write(db) as conn:
        undo.undo(conn, change_id)


CHANGES: dict[str, Callable[[Path], roster.RosterChange]] = {
    "rename": lambda db: roster.rename(db, "Ana Lima", "Ana Lima-Souza"),
    "team": lambda db: roster.move_to_team(db, "SMB", ["Ana Lima", "gil@acme.example"]),
    "new team": lambda db: roster.move_to_team(db, "Mid Market", ["Bob Stone"]),
    "leave": lambda db: roster.leave(db, "Gil Moss", D("2026-01-12")),
    "delete": lambda db: roster.delete(db, "Gil Moss"),
    "delete with an alias": lambda db: roster.delete(db, "Eve Park"),
    "merge keeping from": lambda db: roster.merge(db, "Bobby Stone", "Bob Stone", "from"),
    "merge keeping into": lambda db: roster.merge(db, "Bobby Stone", "Bob Stone", "into"),
    "merge with no conflict": lambda db: roster.merge(db, "Eve Park", "Cleo Wu"),
}


@pytest.mark.parametrize("kind", list(CHANGES))
def test_undo_of_a_roster_change_gives_back_the_data_and_every_board_exactly(
    team_db: Path, kind: str
) -> None:
    if kind == "delete with an alias":
        roster.merge(team_db, "Bobby Stone", "Eve Park", "into")  # Eve gains an alias
    tables, boards = data_tables(team_db), boards_csv(team_db)
    done = CHANGES[kind](team_db)
    assert data_tables(team_db) != tables  # the change did change something
    _undo(team_db, done.change_id)
    assert data_tables(team_db) == tables
    assert boards_csv(team_db) == boards


def test_undo_of_a_merge_lets_a_later_export_with_the_old_id_make_that_rep_again(
    team_db: Path, tmp_path: Path
) -> None:
    done = roster.merge(team_db, "Bobby Stone", "Bob Stone", "into")
    _undo(team_db, done.change_id)
    export = tmp_path / "later.csv"
    export.write_text(
        "date,rep_id,name,ssi,brand,people,insights,relationships\n"
        "2026-02-02,bobby@other.example,Bobby Stone,60,15,15,15,15\n",
        encoding="utf-8",
    )
    run_import(team_db, [export])
    rows = load_board(team_db, as_of=D("2026-02-02"), source="official").rows
    assert [(r.rep_id, r.ssi) for r in rows if r.ssi == 60] == [("bobby@other.example", 60.0)]


def test_roster_changes_undone_newest_first_give_back_the_start(team_db: Path) -> None:
    tables, boards = data_tables(team_db), boards_csv(team_db)
    done = [
        roster.rename(team_db, "Ana Lima", "Ana Lima-Souza"),
        roster.move_to_team(team_db, "SMB", ["ana@acme.example", "Bob Stone"]),
        roster.leave(team_db, "ana@acme.example", D("2026-01-12")),
        roster.merge(team_db, "Bobby Stone", "Bob Stone", "from"),
        roster.delete(team_db, "Bob Stone"),
    ]
    for change in reversed(done):
        _undo(team_db, change.change_id)
    assert data_tables(team_db) == tables
    assert boards_csv(team_db) == boards
