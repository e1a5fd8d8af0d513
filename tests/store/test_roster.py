"""The roster's store operations over tests/fixtures/history.csv (see test_store_board.py for
its numbers): each one change, with what it replaced kept in superseded_* exactly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from ssi_tui.errors import SsiError
from ssi_tui.importing.importer import run_import
from ssi_tui.model import roster
from ssi_tui.model.board import load_board
from ssi_tui.model.standup import load_standup
from tests.db_helpers import TableDump, query

D = dt.date.fromisoformat
Dump = Callable[[Path], TableDump]


def _names(db: Path, as_of: str) -> list[str]:
    return [row.name for row in load_board(db, as_of=D(as_of)).rows]


def _change(db: Path, change_id: int) -> tuple:
    return query(
        db,
        "SELECT kind, summary, added, corrected, removed, reps, undoes, undone_by"
        f" FROM changes WHERE change_id = {change_id}",
    )[0]


def test_list_gives_each_rep_their_span_count_and_status(history_db: Path) -> None:
    roster.leave(history_db, "Eve Park", D("2026-01-10"))
    reps = roster.list_reps(history_db)
    assert [(r.rep_id, r.name, r.team, r.first_date, r.last_date, r.snapshots) for r in reps] == [
        ("ana@acme.example", "Ana Lima", "Enterprise", D("2026-01-05"), D("2026-01-19"), 3),
        ("bob@acme.example", "Bob Stone", "Enterprise", D("2026-01-05"), D("2026-01-19"), 2),
        ("cleo@acme.example", "Cleo Wu", "SMB", D("2026-01-19"), D("2026-01-19"), 1),
        ("dev@acme.example", "Dev Rao", "SMB", D("2026-01-12"), D("2026-01-19"), 2),
        ("eve@acme.example", "Eve Park", "SMB", D("2026-01-05"), D("2026-01-05"), 1),
        ("gil@acme.example", "Gil Moss", "Enterprise", D("2026-01-05"), D("2026-01-19"), 3),
    ]
    assert [r.status for r in reps] == ["active"] * 4 + ["left on 2026-01-10", "active"]


@pytest.mark.parametrize(
    "who", ["ana@acme.example", "ANA@ACME.EXAMPLE", "Ana Lima", "  ána   LIMA ", "ana-lima"]
)
def test_a_rep_is_found_by_id_or_by_name_as_the_importer_matches_names(
    history_db: Path, who: str
) -> None:
    assert roster.find(history_db, who) == ("ana@acme.example", "Ana Lima")


def test_a_rep_is_found_by_an_adopted_alias(history_db: Path, tmp_path: Path) -> None:
    roster.merge(history_db, "Eve Park", "Cleo Wu")  # eve@ becomes an alias of Cleo
    assert roster.find(history_db, "eve@acme.example") == ("cleo@acme.example", "Cleo Wu")


def test_a_name_several_reps_answer_to_is_an_error_naming_them(history_db: Path) -> None:
    roster.rename(history_db, "bob@acme.example", "Ana Lima")
    with pytest.raises(roster.AmbiguousRep) as error:
        roster.find(history_db, "ana lima")
    assert str(error.value) == (
        "several reps could be 'ana lima': ana@acme.example (Ana Lima),"
        " bob@acme.example (Ana Lima); give the rep_id."
    )
    # An id still says whom it means.
    assert roster.find(history_db, "bob@acme.example") == ("bob@acme.example", "Ana Lima")


def test_an_unknown_rep_is_an_error_and_changes_nothing(history_db: Path, dump: Dump) -> None:
    before = dump(history_db)
    for write in (
        lambda: roster.rename(history_db, "Zed", "Zed Two"),
        lambda: roster.move_to_team(history_db, "SMB", ["Ana Lima", "Zed"]),
        lambda: roster.leave(history_db, "Zed", D("2026-01-12")),
        lambda: roster.delete(history_db, "Zed"),
        lambda: roster.merge(history_db, "Zed", "Ana Lima"),
    ):
        with pytest.raises(SsiError, match="no rep with the id, alias or name 'Zed'"):
            write()
    assert dump(history_db) == before


def test_rename_tidies_the_name_and_keeps_the_rep_as_it_was(history_db: Path) -> None:
    done = roster.rename(history_db, "Ana Lima", "  Ana \u00a0 Lima-Souza ")
    assert done.summary == "Renamed Ana Lima (ana@acme.example) to Ana Lima-Souza"
    assert query(history_db, "SELECT name FROM reps WHERE rep_id = 'ana@acme.example'") == [
        ("Ana Lima-Souza",)
    ]
    assert query(
        history_db, f"SELECT * FROM superseded_reps WHERE change_id = {done.change_id}"
    ) == [(done.change_id, "ana@acme.example", True, "Ana Lima", "Enterprise", None)]
    assert _change(history_db, done.change_id) == ("rename", done.summary, 0, 0, 0, 1, None, None)
    assert "Ana Lima-Souza" in _names(history_db, "2026-01-19")


def test_rename_to_a_blank_name_is_refused(history_db: Path, dump: Dump) -> None:
    before = dump(history_db)
    with pytest.raises(SsiError, match="cannot be blank"):
        roster.rename(history_db, "Ana Lima", "   ")
    assert dump(history_db) == before


def test_team_moves_each_rep_into_the_team_as_it_is_spelled(history_db: Path) -> None:
    done = roster.move_to_team(history_db, "smb", ["Ana Lima", "gil@acme.example"])
    assert query(history_db, "SELECT rep_id, team FROM reps WHERE team = 'SMB' ORDER BY 1") == [
        ("ana@acme.example", "SMB"),
        ("cleo@acme.example", "SMB"),
        ("dev@acme.example", "SMB"),
        ("eve@acme.example", "SMB"),
        ("gil@acme.example", "SMB"),
    ]
    assert query(
        history_db, f"SELECT * FROM superseded_reps WHERE change_id = {done.change_id} ORDER BY 2"
    ) == [
        (done.change_id, "ana@acme.example", True, "Ana Lima", "Enterprise", None),
        (done.change_id, "gil@acme.example", True, "Gil Moss", "Enterprise", None),
    ]
    assert _change(history_db, done.change_id)[0::5] == ("team", 2)
    assert [r.name for r in load_board(history_db, team="Enterprise").rows] == ["Bob Stone"]


def test_a_new_team_is_made_by_moving_a_rep_into_it(history_db: Path) -> None:
    roster.move_to_team(history_db, "  Mid   Market ", ["Bob Stone"])
    assert load_board(history_db).teams == ("Enterprise", "Mid Market", "SMB")


def test_a_blank_team_takes_the_rep_out_of_any_team(history_db: Path) -> None:
    done = roster.move_to_team(history_db, "  ", ["Bob Stone"])
    assert done.summary == "Took Bob Stone (bob@acme.example) off teams"
    assert query(history_db, "SELECT team FROM reps WHERE rep_id = 'bob@acme.example'") == [(None,)]


def test_renaming_to_the_same_name_changes_nothing(history_db: Path, dump: Dump) -> None:
    before = dump(history_db)
    with pytest.raises(SsiError, match="is already called that"):
        roster.rename(history_db, "ana@acme.example", " Ana  Lima ")
    assert dump(history_db) == before


def test_leave_keeps_a_rep_on_the_boards_up_to_that_date_only(history_db: Path) -> None:
    done = roster.leave(history_db, "Gil Moss", D("2026-01-15"))
    assert query(
        history_db, f"SELECT * FROM superseded_reps WHERE change_id = {done.change_id}"
    ) == [(done.change_id, "gil@acme.example", True, "Gil Moss", "Enterprise", None)]
    assert "Gil Moss" in _names(history_db, "2026-01-12")
    assert "Gil Moss" in _names(history_db, "2026-01-15")  # the day they left
    assert "Gil Moss" not in _names(history_db, "2026-01-19")
    # Their history is kept: every snapshot is still there.
    gils = "SELECT count(*) FROM snapshots WHERE rep_id = 'gil@acme.example'"
    assert query(history_db, gils) == [(3,)]


def test_the_stand_up_leaves_out_a_rep_after_they_left(history_db: Path) -> None:
    roster.leave(history_db, "Ana Lima", D("2026-01-15"))
    standup = load_standup(history_db, as_of=D("2026-01-19"))
    assert "Ana Lima" not in [row.name for row in standup.board.rows]
    assert "Ana Lima" not in [row.name for row in standup.gainers]
    earlier = load_standup(history_db, as_of=D("2026-01-12"))
    assert "Ana Lima" in [row.name for row in earlier.board.rows]


def test_the_week_after_a_rep_left_ranks_the_others_last_week_as_they_stood(
    history_db: Path,
) -> None:
    before = {r.name: r.prev_rank for r in load_board(history_db, as_of=D("2026-01-19")).rows}
    roster.leave(history_db, "Ana Lima", D("2026-01-12"))
    after = {r.name: r.prev_rank for r in load_board(history_db, as_of=D("2026-01-19")).rows}
    # Ana was first on the board of 01-12 (she left that day): the others keep their places.
    assert after == {name: rank for name, rank in before.items() if name != "Ana Lima"}


def test_delete_removes_the_rep_and_keeps_every_row_in_superseded(history_db: Path) -> None:
    snapshots = query(
        history_db,
        "SELECT rep_id, snapshot_date, source, ssi, brand, people, insights, relationships,"
        " industry_rank, network_rank, industry_avg, network_avg, import_id"
        " FROM snapshots WHERE rep_id = 'gil@acme.example' ORDER BY snapshot_date",
    )
    done = roster.delete(history_db, "Gil Moss")
    assert done.summary == "Deleted Gil Moss (gil@acme.example) with 3 snapshots"
    kept = query(
        history_db,
        "SELECT * EXCLUDE (change_id) FROM superseded_snapshots"
        f" WHERE change_id = {done.change_id} ORDER BY snapshot_date",
    )
    assert kept == snapshots
    assert query(
        history_db, f"SELECT * FROM superseded_reps WHERE change_id = {done.change_id}"
    ) == [(done.change_id, "gil@acme.example", True, "Gil Moss", "Enterprise", None)]
    assert query(history_db, "SELECT count(*) FROM snapshots WHERE rep_id LIKE 'gil%'") == [(0,)]
    assert query(history_db, "SELECT count(*) FROM reps WHERE rep_id LIKE 'gil%'") == [(0,)]
    assert _change(history_db, done.change_id)[2:6] == (0, 0, 3, 1)
    # 01-15 was Gil's date alone: no longer a step of the as-of date.
    assert D("2026-01-15") not in load_board(history_db).dates
    assert "Gil Moss" not in _names(history_db, "2026-01-19")


def test_delete_keeps_the_reps_aliases(history_db: Path) -> None:
    roster.merge(history_db, "Eve Park", "Cleo Wu")
    done = roster.delete(history_db, "Cleo Wu")
    assert query(
        history_db, f"SELECT * FROM superseded_aliases WHERE change_id = {done.change_id}"
    ) == [(done.change_id, "eve@acme.example", "cleo@acme.example")]
    assert query(history_db, "SELECT count(*) FROM rep_aliases") == [(0,)]


def test_every_roster_change_is_its_own_change_in_the_history(history_db: Path) -> None:
    ids = [
        roster.rename(history_db, "Ana Lima", "Ana L").change_id,
        roster.move_to_team(history_db, "SMB", ["Bob Stone"]).change_id,
        roster.leave(history_db, "Dev Rao", D("2026-01-19")).change_id,
        roster.merge(history_db, "Eve Park", "Cleo Wu").change_id,
        roster.delete(history_db, "Gil Moss").change_id,
    ]
    assert query(history_db, "SELECT change_id, kind FROM changes ORDER BY change_id")[-5:] == [
        (ids[0], "rename"),
        (ids[1], "team"),
        (ids[2], "leave"),
        (ids[3], "merge"),
        (ids[4], "delete"),
    ]


def _import_csv(db: Path, tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    run_import(db, [path])


BOBBY = """date,rep_id,name,team,ssi,brand,people,insights,relationships
2026-01-12,bobby@other.example,Bobby Stone,Enterprise,52,13,13,13,13
2026-01-19,bobby@other.example,Bobby Stone,Enterprise,{ssi_0119}
2026-01-26,bobby@other.example,Bobby Stone,Enterprise,57,15,14,14,14
"""
SAME_0119 = "55,14,13,13,15"  # Bob Stone's own 01-19 snapshot
OTHER_0119 = "54,14,13,13,14"
ACTIVITY = """date,rep_id,name,team,searches,leads_saved,connections,posts_shared
2026-01-26,{rep_id},{name},Enterprise,12,4,800,3
"""


def _bobby(db: Path, tmp_path: Path, ssi_0119: str = SAME_0119, *, activity: bool = False) -> None:
    """Bob Stone's snapshots also under a second id and spelling, as a second export has them."""
    _import_csv(db, tmp_path, "bobby.csv", BOBBY.format(ssi_0119=ssi_0119))
    if activity:
        text = ACTIVITY.format(rep_id="bobby@other.example", name="Bobby Stone")
        _import_csv(db, tmp_path, "bobby_activity.csv", text)


def _as_bob(db: Path, tmp_path: Path, ssi_0119: str, *, activity: bool = False) -> None:
    """The same exports with Bob's rows under Bob's own id: what a merge should leave."""
    text = BOBBY.format(ssi_0119=ssi_0119)
    text = text.replace("bobby@other.example,Bobby", "bob@acme.example,Bob")
    _import_csv(db, tmp_path, "as_bob.csv", text)
    if activity:
        text = ACTIVITY.format(rep_id="bob@acme.example", name="Bob Stone")
        _import_csv(db, tmp_path, "as_bob_activity.csv", text)


def _boards(db: Path) -> list[list[tuple]]:
    """Every board of every source, as the rows' values (trends too)."""
    boards = []
    for source in ("best", "official", "estimated"):
        for as_of in load_board(db, source=source).dates:
            rows = load_board(db, as_of=as_of, source=source, with_trends=True).rows
            boards.append([tuple(vars(row).values()) for row in rows])
    return boards


_POINTS = (
    "SELECT rep_id, snapshot_date, source, ssi, brand, until, change, change_4w FROM snapshots"
    " ORDER BY ALL"
)


@pytest.mark.parametrize("activity", [False, True])
def test_merge_leaves_the_history_as_if_every_export_had_used_one_id(
    history_db: Path, tmp_path: Path, history_template: Path, activity: bool
) -> None:
    _bobby(history_db, tmp_path, activity=activity)
    plan = roster.plan_merge(history_db, "Bobby Stone", "bob stone")
    assert (plan.moved, plan.same, plan.conflicts) == (3 if activity else 2, 1, ())
    done = roster.merge(history_db, "Bobby Stone", "Bob Stone")
    expected = tmp_path / "expected.duckdb"
    expected.write_bytes(history_template.read_bytes())
    _as_bob(expected, tmp_path, SAME_0119, activity=activity)
    assert query(history_db, _POINTS) == query(expected, _POINTS)
    assert query(history_db, "SELECT * FROM best_points ORDER BY ALL") == query(
        expected, "SELECT * FROM best_points ORDER BY ALL"
    )
    activities = "SELECT * EXCLUDE (import_id) FROM activities ORDER BY ALL"
    assert query(history_db, activities) == query(expected, activities)
    assert _boards(history_db) == _boards(expected)
    assert query(history_db, "SELECT rep_id FROM reps WHERE rep_id LIKE 'bob%'") == [
        ("bob@acme.example",)
    ]
    # The moved rows carry the merge's own imports row.
    assert query(
        history_db,
        "SELECT DISTINCT i.change_id FROM snapshots AS s JOIN imports AS i USING (import_id)"
        " WHERE s.rep_id = 'bob@acme.example' AND s.snapshot_date = DATE '2026-01-26'",
    ) == [(done.change_id,)]


def test_merge_keeps_every_row_it_moves_or_drops_and_the_rep_it_removes(
    history_db: Path, tmp_path: Path
) -> None:
    _bobby(history_db, tmp_path)
    bobby_rows = query(
        history_db,
        "SELECT rep_id, snapshot_date, source, ssi, brand, people, insights, relationships,"
        " industry_rank, network_rank, industry_avg, network_avg, import_id"
        " FROM snapshots WHERE rep_id = 'bobby@other.example' ORDER BY snapshot_date",
    )
    done = roster.merge(history_db, "bobby@other.example", "bob@acme.example")
    assert done.summary == (
        "Merged Bobby Stone (bobby@other.example) into Bob Stone (bob@acme.example):"
        " 2 moved, 1 the same on both"
    )
    assert (
        query(
            history_db,
            "SELECT * EXCLUDE (change_id) FROM superseded_snapshots"
            f" WHERE change_id = {done.change_id} ORDER BY ALL",
        )
        == bobby_rows
    )
    assert query(
        history_db, f"SELECT * FROM superseded_reps WHERE change_id = {done.change_id}"
    ) == [(done.change_id, "bobby@other.example", True, "Bobby Stone", "Enterprise", None)]
    assert query(
        history_db, f"SELECT * FROM superseded_aliases WHERE change_id = {done.change_id}"
    ) == [(done.change_id, "bobby@other.example", None)]
    assert query(history_db, "SELECT * FROM rep_aliases") == [
        ("bobby@other.example", "bob@acme.example")
    ]
    assert _change(history_db, done.change_id)[:6] == ("merge", done.summary, 2, 0, 1, 2)


def test_a_later_export_with_the_merged_id_lands_on_the_rep_it_was_merged_into(
    history_db: Path, tmp_path: Path
) -> None:
    _bobby(history_db, tmp_path)
    roster.merge(history_db, "Bobby Stone", "Bob Stone")
    _import_csv(
        history_db,
        tmp_path,
        "later.csv",
        "date,rep_id,name,ssi,brand,people,insights,relationships\n"
        "2026-02-02,bobby@other.example,Bobby Stone,60,15,15,15,15\n",
    )
    assert query(history_db, "SELECT rep_id FROM snapshots WHERE snapshot_date = '2026-02-02'") == [
        ("bob@acme.example",)
    ]


def test_merge_of_days_with_other_numbers_is_refused_naming_them(
    history_db: Path, tmp_path: Path, dump: Dump
) -> None:
    _bobby(history_db, tmp_path, OTHER_0119)
    before = dump(history_db)
    with pytest.raises(roster.MergeConflicts) as error:
        roster.merge(history_db, "Bobby Stone", "Bob Stone")
    assert str(error.value) == (
        "Bobby Stone and Bob Stone both have other numbers on 1 day(s):\n"
        "  2026-01-19 official: 54 (from) vs 55 (into)\n"
        "Nothing merged: keep one side's with --keep from or --keep into."
    )
    assert dump(history_db) == before


@pytest.mark.parametrize(("keep", "kept_0119"), [("into", SAME_0119), ("from", OTHER_0119)])
def test_merge_with_keep_takes_that_sides_numbers_on_a_conflicting_day(
    history_db: Path, tmp_path: Path, history_template: Path, keep: str, kept_0119: str
) -> None:
    _bobby(history_db, tmp_path, OTHER_0119)
    done = roster.merge(history_db, "Bobby Stone", "Bob Stone", keep=keep)  # type: ignore[arg-type]
    expected = tmp_path / "expected.duckdb"
    expected.write_bytes(history_template.read_bytes())
    _as_bob(expected, tmp_path, kept_0119)
    assert query(history_db, _POINTS) == query(expected, _POINTS)
    assert _boards(history_db) == _boards(expected)
    replaced = query(
        history_db,
        "SELECT rep_id, ssi FROM superseded_snapshots WHERE snapshot_date = DATE '2026-01-19'"
        f" AND change_id = {done.change_id} ORDER BY rep_id",
    )
    if keep == "from":  # Bob's own 55 is kept aside, as Bobby's 54 is
        assert replaced == [("bob@acme.example", 55.0), ("bobby@other.example", 54.0)]
    else:
        assert replaced == [("bobby@other.example", 54.0)]
    assert _change(history_db, done.change_id)[2:5] == ((2, 1, 0) if keep == "from" else (2, 0, 1))


def test_a_rep_cannot_be_merged_into_themselves(history_db: Path) -> None:
    with pytest.raises(SsiError, match="are the same rep"):
        roster.merge(history_db, "Ana Lima", "ana@acme.example")
