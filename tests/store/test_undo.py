"""Undo (store/undo.py): any change reverted exactly, on the change-history tables alone.

Every table but the history's own (changes, imports, superseded_*, and the estimate models,
which the rows an undo removed still name) must read after an undo exactly as it did before
the change: the snapshots with their board points, best_points, board_dates, reps, aliases.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ssi_tui.store
from ssi_tui.importing.importer import run_import
from ssi_tui.importing.options import ImportOptions
from ssi_tui.store import changes, history, undo
from ssi_tui.store.changes import ChangeKind
from ssi_tui.store.undo import UndoRefused
from tests.db_helpers import TableDump, dump_tables, query
from tests.store.test_board_rollup import REPS, _write, snapshot

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
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


def data_tables(db: Path) -> TableDump:
    """Every table that holds the team's data (and the board made from it)."""
    return {name: rows for name, rows in dump_tables(db).items() if name not in HISTORY_TABLES}


def without_import_ids(tables: TableDump) -> TableDump:
    """TABLES with the snapshots' import ids left out (a file imported again has a new one)."""
    return tables | {"snapshots": [row[:12] + row[13:] for row in tables["snapshots"]]}


def _undo(db: Path, change_id: int | None = None) -> undo.UndoResult:
    with ssi_tui.store.open_write(db) as conn:
        return undo.undo(conn, change_id)


def _plan(db: Path, change_id: int | None = None) -> undo.UndoPlan:
    with ssi_tui.store.open_read(db) as conn:
        return undo.plan_undo(conn, change_id)


def _changes(db: Path) -> list[history.ChangeInfo]:
    with ssi_tui.store.open_read(db) as conn:
        return history.list_changes(conn)


def test_undo_of_a_correcting_import_gives_back_the_old_values(history_db: Path) -> None:
    before = data_tables(history_db)
    run_import(history_db, [FIXTURES / "correction.csv"])
    assert query(
        history_db,
        "SELECT ssi FROM snapshots WHERE rep_id = 'bob@acme.example'"
        " AND snapshot_date = DATE '2026-01-19'",
    ) == [(56.0,)]
    result = _undo(history_db)
    assert (result.plan.given_back, result.plan.removed, result.plan.restored) == (1, 0, 0)
    assert data_tables(history_db) == before
    # The corrected value is not lost either: the undo keeps it.
    assert (result.undo_id, 56.0) in query(
        history_db, "SELECT change_id, ssi FROM superseded_snapshots"
    )


def test_undo_of_an_import_that_added_a_week_and_new_reps(history_db: Path, tmp_path: Path) -> None:
    before = data_tables(history_db)
    week = tmp_path / "week5.csv"
    week.write_text(
        "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"
        "2026-01-26,ana@acme.example,Ana Lima,SMB,70,18,17,17,18\n"
        "2026-01-26,new@acme.example,Nia New,SMB,30,8,7,7,8\n",
        encoding="utf-8",
    )
    run_import(history_db, [week])
    assert query(history_db, "SELECT team FROM reps WHERE rep_id = 'ana@acme.example'") == [
        ("SMB",)
    ]
    plan = _plan(history_db)
    assert [r.rep_id for r in plan.reps] == ["ana@acme.example", "new@acme.example"]
    assert [(r.existed, r.team_then) for r in plan.reps] == [(True, "Enterprise"), (False, None)]
    _undo(history_db)
    assert data_tables(history_db) == before


def test_undo_keeps_a_created_rep_that_a_later_change_refers_to(
    history_db: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    header = "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"
    first.write_text(header + "2026-01-26,new@acme.example,Nia New,SMB,30,8,7,7,8\n")
    second.write_text(header + "2026-02-02,new@acme.example,Nia New,SMB,31,8,8,7,8\n")
    run_import(history_db, [first])
    run_import(history_db, [second])
    created_by = _changes(history_db)[1].change_id
    plan = _plan(history_db, created_by)
    assert plan.reps == ()  # she stays: the later import's snapshot is hers
    _undo(history_db, created_by)
    assert query(history_db, "SELECT name FROM reps WHERE rep_id = 'new@acme.example'") == [
        ("Nia New",)
    ]
    assert query(
        history_db, "SELECT snapshot_date, until FROM snapshots WHERE rep_id = 'new@acme.example'"
    ) == [(dt.date(2026, 2, 2), dt.date(9999, 12, 31))]
    # Once the later import is undone too, nothing refers to her: she is gone.
    assert [(r.rep_id, r.existed) for r in _plan(history_db).reps] == [("new@acme.example", False)]
    _undo(history_db)
    assert query(history_db, "SELECT count(*) FROM reps WHERE rep_id = 'new@acme.example'") == [
        (0,)
    ]


def test_undo_of_the_first_import_leaves_an_empty_history(tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [FIXTURES / "history.csv"])
    empty = {name: [] for name in data_tables(db)} | {"ssi_meta": data_tables(db)["ssi_meta"]}
    _undo(db)
    assert data_tables(db) == empty
    (undone, first) = _changes(db)
    assert (undone.kind, undone.undoes, undone.removed, undone.reps) == ("undo", 1, 12, 6)
    assert first.undone_by == undone.change_id


def test_an_undone_file_imports_again(history_db: Path) -> None:
    run_import(history_db, [FIXTURES / "week4.csv"])
    after = data_tables(history_db)
    _undo(history_db)
    again = run_import(history_db, [FIXTURES / "week4.csv"])
    assert again.files[0].status != "already imported"
    assert again.total("added") == 2
    assert without_import_ids(data_tables(history_db)) == without_import_ids(after)


def test_several_files_are_one_change_undone_together(history_db: Path) -> None:
    before = data_tables(history_db)
    run_import(history_db, [FIXTURES / "correction.csv", FIXTURES / "week4.csv"])
    latest = _changes(history_db)[0]
    assert (latest.kind, latest.summary, latest.added, latest.corrected) == (
        "files",
        "2 files",
        2,
        1,
    )
    assert query(
        history_db, f"SELECT count(*) FROM imports WHERE change_id = {latest.change_id}"
    ) == [(2,)]
    _undo(history_db)
    assert data_tables(history_db) == before


def test_adopted_aliases_and_teams_are_put_back(tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [FIXTURES / "identity" / "sheet_by_name.csv"])
    before = data_tables(db)
    run_import(db, [FIXTURES / "identity" / "export_with_ids.csv"])
    assert query(db, "SELECT count(*) FROM rep_aliases") != [(0,)]
    _undo(db)
    assert data_tables(db) == before


def test_activity_imports_and_their_estimates_are_undone(history_db: Path) -> None:
    shutil.copyfile(FIXTURES / "mixed" / "activity.csv", history_db.parent / "activity.csv")
    before = data_tables(history_db)
    run_import(history_db, [history_db.parent / "activity.csv"])
    assert query(history_db, "SELECT count(*) FROM snapshots WHERE source = 'estimated'") == [(1,)]
    assert query(history_db, "SELECT count(*) FROM activities") == [(1,)]
    plan = _plan(history_db)
    assert (plan.removed, plan.activities_removed) == (1, 1)
    _undo(history_db)
    assert data_tables(history_db) == before


def test_a_later_change_on_the_same_rows_must_be_undone_first(history_db: Path) -> None:
    run_import(history_db, [FIXTURES / "week4.csv"])
    week4 = _changes(history_db)[0]
    before_week4_fix = data_tables(history_db)
    fix = history_db.parent / "week4_fix.csv"
    fix.write_text(
        "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"
        "2026-01-26,ana@acme.example,Ana Lima,Enterprise,67,17,16,17,17\n",
        encoding="utf-8",
    )
    run_import(history_db, [fix])
    fixing = _changes(history_db)[0]
    unchanged = dump_tables(history_db)
    with pytest.raises(UndoRefused) as refused:
        _undo(history_db, week4.change_id)
    message = str(refused.value)
    assert f"undo #{fixing.change_id} file import 'week4_fix.csv' first" in message
    assert f"#{week4.change_id}" in message
    assert dump_tables(history_db) == unchanged
    with pytest.raises(UndoRefused):
        _plan(history_db, week4.change_id)
    _undo(history_db, fixing.change_id)
    assert data_tables(history_db) == before_week4_fix
    _undo(history_db, week4.change_id)  # now it can be


def test_a_later_change_elsewhere_does_not_block_an_undo(history_db: Path) -> None:
    before = data_tables(history_db)
    run_import(history_db, [FIXTURES / "correction.csv"])
    correcting = _changes(history_db)[0].change_id
    run_import(history_db, [FIXTURES / "week4.csv"])
    with_week4 = data_tables(history_db)
    _undo(history_db, correcting)
    # Bob's corrected 2026-01-19 is back to 55, and his week 4 change follows it.
    assert query(
        history_db,
        "SELECT ssi, change FROM snapshots WHERE rep_id = 'bob@acme.example'"
        " AND snapshot_date >= DATE '2026-01-19' ORDER BY snapshot_date",
    ) == [(55.0, 5.0), (57.0, 2.0)]
    _undo(history_db)  # week 4
    assert data_tables(history_db) == before
    assert with_week4 != before


def test_refusals_name_the_change_and_write_nothing(history_db: Path) -> None:
    unchanged = dump_tables(history_db)
    with pytest.raises(UndoRefused, match="no change #99"):
        _undo(history_db, 99)
    assert dump_tables(history_db) == unchanged
    result = _undo(history_db)
    with pytest.raises(UndoRefused, match=f"#{result.undo_id} undo .* cannot be undone"):
        _undo(history_db, result.undo_id)
    with pytest.raises(UndoRefused, match=f"undone already, by #{result.undo_id}"):
        _undo(history_db, 1)
    with pytest.raises(UndoRefused, match="Nothing to undo"):
        _undo(history_db)


def test_a_plan_writes_nothing_and_says_what_the_undo_does(history_db: Path) -> None:
    run_import(history_db, [FIXTURES / "correction.csv", FIXTURES / "week4.csv"])
    unchanged = dump_tables(history_db)
    plan = _plan(history_db)
    assert dump_tables(history_db) == unchanged
    assert [(r.name, str(r.snapshot_date), r.now, r.after) for r in plan.rows] == [
        ("Bob Stone", "2026-01-19", 56.0, 55.0),
        ("Ana Lima", "2026-01-26", 66.0, None),
        ("Bob Stone", "2026-01-26", 57.0, None),
    ]
    assert _undo(history_db).plan == plan


@pytest.mark.slow
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(imports=st.lists(st.lists(snapshot, min_size=1, max_size=12), min_size=1, max_size=4))
def test_undoing_imports_newest_first_walks_back_through_every_state(
    tmp_path_factory: pytest.TempPathFactory, imports: list[list[tuple[str, int, str, float]]]
) -> None:
    """Random histories (corrections, past dates, both sources, gaps): each undo, newest
    first, gives back exactly the tables as they were before that import."""
    db = tmp_path_factory.mktemp("undo") / "team.duckdb"
    states: list[TableDump] = []
    for number, batch in enumerate(imports):
        states.append(data_tables(db) if db.exists() else {})
        _write(db, number, batch)
    for state in reversed(states[1:]):
        _undo(db)
        assert data_tables(db) == state
    assert set(REPS) >= {r for (r,) in query(db, "SELECT rep_id FROM reps")}


def test_each_import_run_is_one_change_on_either_path(tmp_path: Path) -> None:
    """Our own CSV columns (DuckDB's fast path) and any other export (the Polars path) alike;
    a dry run, or a file imported already, is no change."""
    db = tmp_path / "team.duckdb"
    run_import(db, [FIXTURES / "history.csv"])  # the fast path
    run_import(db, [FIXTURES / "identity" / "sheet_by_name.csv"])  # the Polars path
    run_import(db, [FIXTURES / "week4.csv"], ImportOptions(dry_run=True))
    run_import(db, [FIXTURES / "history.csv"])  # already imported
    typed = run_import(db, [FIXTURES / "week4.csv"], ImportOptions(change_kind=ChangeKind.TYPED))
    assert typed.total("added") == 2
    assert [(c.kind, c.summary, c.added, c.reps) for c in _changes(db)] == [
        ("typed", "week4.csv", 2, 0),
        ("files", "sheet_by_name.csv", 6, 3),
        ("files", "history.csv", 12, 6),
    ]
    assert query(db, "SELECT change_id FROM imports ORDER BY import_id") == [(1,), (2,), (3,)]


def _roster_change(db: Path, kind: str, statements: list[str]) -> int:
    """A roster change written by hand as the change contract asks (store/changes.py): the
    rows it replaces or removes copied under its change_id first (`{c}` in STATEMENTS)."""
    with ssi_tui.store.open_write(db) as conn, conn.transaction():
        change_id = changes.begin(conn, ChangeKind(kind), f"a {kind} by hand")
    conn = duckdb.connect(str(db))
    try:
        conn.begin()
        for statement in statements:
            conn.execute(statement.format(c=change_id))
        conn.commit()
    finally:
        conn.close()
    return change_id


def test_a_roster_change_made_by_the_contract_undoes_too(history_db: Path) -> None:
    before = data_tables(history_db)
    team = _roster_change(
        history_db,
        "team",
        [
            "INSERT INTO superseded_reps SELECT {c}, rep_id, true, name, team, left_on"
            " FROM reps WHERE rep_id = 'eve@acme.example'",
            "UPDATE reps SET team = 'Enterprise' WHERE rep_id = 'eve@acme.example'",
        ],
    )
    removal = _roster_change(
        history_db,
        "delete",
        [
            "INSERT INTO superseded_snapshots SELECT {c}, * EXCLUDE (until, change, change_4w)"
            " FROM snapshots WHERE rep_id = 'gil@acme.example'",
            "DELETE FROM snapshots WHERE rep_id = 'gil@acme.example'",
            "INSERT INTO superseded_reps SELECT {c}, rep_id, true, name, team, left_on"
            " FROM reps WHERE rep_id = 'gil@acme.example'",
            "DELETE FROM reps WHERE rep_id = 'gil@acme.example'",
        ],
    )
    # The first import created Eve and Gil: it comes after the roster changes.
    with pytest.raises(UndoRefused, match=f"undo #{removal} delete 'a delete by hand' first"):
        _undo(history_db, 1)
    assert _plan(history_db, removal).restored == 3
    _undo(history_db, removal)
    assert query(history_db, "SELECT name FROM reps WHERE rep_id = 'gil@acme.example'") == [
        ("Gil Moss",)
    ]
    with pytest.raises(UndoRefused, match=f"undo #{team} team 'a team by hand' first"):
        _undo(history_db, 1)
    _undo(history_db, team)
    # Gil's points and the board's dates were worked out again as they were.
    assert data_tables(history_db) == before
