"""The leaderboard model over tests/fixtures/history.csv, every number worked out by hand.

history.csv (totals; pillars in the file sum to them exactly):

    rep   team        01-05  01-12  01-15  01-19
    Ana   Enterprise    60     62     .      65
    Bob   Enterprise    50     .      .      55    (missed the 01-12 week)
    Cleo  SMB           .      .      .      58
    Dev   SMB           .      56     .      58
    Eve   SMB           40     .      .      .     (nothing after 01-05)
    Gil   Enterprise    40     .      44     46    (an extra mid-week snapshot)

change = total - the rep's latest total on or before (snapshot date - 7 days).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ssi_tui.model.board import load_board, sort_rows

D = dt.date.fromisoformat


def summary(rows) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(r.rank, r.name, r.ssi, r.change, r.as_of.isoformat()) for r in rows]


def test_default_as_of_is_the_latest_date_in_the_file(history_db: Path) -> None:
    board = load_board(history_db)
    assert board.as_of == D("2026-01-19")
    assert board.dates == (D("2026-01-05"), D("2026-01-12"), D("2026-01-15"), D("2026-01-19"))
    assert board.teams == ("Enterprise", "SMB")
    assert summary(board.rows) == [
        # Ana: 65 - 62 (01-12 is exactly 7 days before 01-19, so it counts) = +3
        (1, "Ana Lima", 65.0, 3.0, "2026-01-19"),
        # Cleo and Dev tie on 58: broken by name, Cleo first. Cleo has no earlier snapshot.
        (2, "Cleo Wu", 58.0, None, "2026-01-19"),
        # Dev: 58 - 56 (01-12) = +2
        (3, "Dev Rao", 58.0, 2.0, "2026-01-19"),
        # Bob missed the 01-12 week: latest on or before 01-12 is 01-05 (50): 55 - 50 = +5
        (4, "Bob Stone", 55.0, 5.0, "2026-01-19"),
        # Gil: latest on or before 01-12 is 01-05 (40), not the 01-15 snapshot: 46 - 40 = +6
        (5, "Gil Moss", 46.0, 6.0, "2026-01-19"),
        # Eve's latest is 01-05; nothing on or before 12-29, so no change.
        (6, "Eve Park", 40.0, None, "2026-01-05"),
    ]


def test_as_of_shows_each_reps_latest_snapshot_on_or_before_and_leaves_out_the_rest(
    history_db: Path,
) -> None:
    board = load_board(history_db, as_of=D("2026-01-12"))
    assert summary(board.rows) == [
        (1, "Ana Lima", 62.0, 2.0, "2026-01-12"),  # 62 - 60 (01-05)
        (2, "Dev Rao", 56.0, None, "2026-01-12"),
        (3, "Bob Stone", 50.0, None, "2026-01-05"),
        (4, "Eve Park", 40.0, None, "2026-01-05"),  # ties Gil on 40: E before G
        (5, "Gil Moss", 40.0, None, "2026-01-05"),
    ]  # Cleo's only snapshot is after 01-12: left out.


def test_as_of_between_snapshot_dates(history_db: Path) -> None:
    board = load_board(history_db, as_of=D("2026-01-16"))
    assert summary(board.rows) == [
        (1, "Ana Lima", 62.0, 2.0, "2026-01-12"),
        (2, "Dev Rao", 56.0, None, "2026-01-12"),
        (3, "Bob Stone", 50.0, None, "2026-01-05"),
        # Gil on 01-15: 44 - latest on or before 01-08 (01-05: 40) = +4
        (4, "Gil Moss", 44.0, 4.0, "2026-01-15"),
        (5, "Eve Park", 40.0, None, "2026-01-05"),
    ]


def test_as_of_before_any_snapshot_is_an_empty_board(history_db: Path) -> None:
    board = load_board(history_db, as_of=D("2025-12-31"))
    assert board.rows == ()


def test_team_filter_ranks_within_the_team(history_db: Path) -> None:
    enterprise = load_board(history_db, team="Enterprise")
    assert summary(enterprise.rows) == [
        (1, "Ana Lima", 65.0, 3.0, "2026-01-19"),
        (2, "Bob Stone", 55.0, 5.0, "2026-01-19"),
        (3, "Gil Moss", 46.0, 6.0, "2026-01-19"),
    ]
    smb = load_board(history_db, team="SMB")
    assert [(r.rank, r.name) for r in smb.rows] == [(1, "Cleo Wu"), (2, "Dev Rao"), (3, "Eve Park")]
    assert load_board(history_db, team="Nobody").rows == ()
    # A team is found in any case, and the board spells it as the file does.
    lower = load_board(history_db, team="smb")
    assert lower.team == "SMB" and lower.rows == smb.rows


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        # ssi: 65, 58 (Cleo) = 58 (Dev), 55, 46, 40
        ("ssi", ["Ana", "Cleo", "Dev", "Bob", "Gil", "Eve"]),
        # brand: Ana 17, Cleo 15 = Dev 15, Bob 14, Gil 12, Eve 10
        ("brand", ["Ana", "Cleo", "Dev", "Bob", "Gil", "Eve"]),
        # people: Ana 16, Cleo 14 = Dev 14, Bob 13, Gil 11, Eve 10
        ("people", ["Ana", "Cleo", "Dev", "Bob", "Gil", "Eve"]),
        # insights: Ana 15, Cleo 14.5, Dev 14, Bob 13, Gil 11, Eve 10
        ("insights", ["Ana", "Cleo", "Dev", "Bob", "Gil", "Eve"]),
        # relationships: Ana 17, Bob 15 = Dev 15, Cleo 14.5, Gil 12, Eve 10
        ("relationships", ["Ana", "Bob", "Dev", "Cleo", "Gil", "Eve"]),
        # change: Gil +6, Bob +5, Ana +3, Dev +2, then the nulls by name: Cleo, Eve
        ("change", ["Gil", "Bob", "Ana", "Dev", "Cleo", "Eve"]),
        # name: ascending
        ("name", ["Ana", "Bob", "Cleo", "Dev", "Eve", "Gil"]),
    ],
)
def test_sorting_descending_ties_by_name_nulls_last_rank_unchanged(
    history_db: Path, key: str, expected: list[str]
) -> None:
    rows = sort_rows(load_board(history_db).rows, key)
    assert [r.name.split()[0] for r in rows] == expected
    ranks = {"Ana": 1, "Cleo": 2, "Dev": 3, "Bob": 4, "Gil": 5, "Eve": 6}
    assert [r.rank for r in rows] == [ranks[n] for n in expected]


def test_corrections_show_on_the_board(history_db: Path) -> None:
    from ssi_tui.importing.importer import run_import

    run_import(history_db, [Path(__file__).resolve().parents[1] / "fixtures" / "correction.csv"])
    bob = next(r for r in load_board(history_db).rows if r.name == "Bob Stone")
    # Bob corrected to 56: change 56 - 50 = +6
    assert (bob.rank, bob.ssi, bob.brand, bob.change) == (4, 56.0, 15.0, 6.0)


def test_a_row_older_than_the_boards_week_is_stale_with_no_change(history_db: Path) -> None:
    """Issue #7: two weeks after the last import, Ana's +3 is not this week's change."""
    board = load_board(history_db, as_of=D("2026-02-02"))
    ana = next(r for r in board.rows if r.name == "Ana Lima")
    assert (ana.as_of, ana.ssi, ana.weeks_old, ana.age) == (D("2026-01-19"), 65.0, 2, "2w")
    assert ana.stale and ana.change is None and ana.change_4w is None
    # Eve's 01-05 snapshot, on a board of the week of 01-19: two weeks old.
    eve = next(r for r in load_board(history_db).rows if r.name == "Eve Park")
    assert (eve.weeks_old, eve.age) == (2, "2w")


def test_a_snapshot_earlier_in_the_boards_week_is_current(history_db: Path) -> None:
    board = load_board(history_db, as_of=D("2026-01-16"))  # a Friday: its week began 01-12
    by_name = {r.name: r for r in board.rows}
    assert (by_name["Gil Moss"].weeks_old, by_name["Gil Moss"].change) == (0, 4.0)
    assert (by_name["Ana Lima"].weeks_old, by_name["Ana Lima"].change) == (0, 2.0)
    assert by_name["Bob Stone"].weeks_old == 1 and by_name["Bob Stone"].age == "1w"


def test_a_stale_row_has_no_four_week_change_either(tmp_path: Path) -> None:
    from ssi_tui.importing.importer import run_import

    export = tmp_path / "weekly.csv"
    weeks = [D("2025-12-01") + dt.timedelta(days=7 * n) for n in range(6)]  # to 2026-01-05
    lines = [f"{day},ana@x.example,Ana,40,10,10,10,10" for day in weeks[:-1]]
    lines.append(f"{weeks[-1]},ana@x.example,Ana,48,12,12,12,12")
    lines += [f"{day},bo@x.example,Bo,30,7.5,7.5,7.5,7.5" for day in weeks]
    lines.append("2026-01-19,bo@x.example,Bo,32,8,8,8,8")
    export.write_text(
        "date,rep_id,name,ssi,brand,people,insights,relationships\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "weekly.duckdb"
    run_import(db, [export])
    as_of_last = {r.name: r for r in load_board(db, as_of=D("2026-01-05")).rows}
    assert (as_of_last["Ana"].change, as_of_last["Ana"].change_4w) == (8.0, 8.0)
    later = {r.name: r for r in load_board(db, as_of=D("2026-01-19")).rows}
    assert (later["Ana"].change, later["Ana"].change_4w, later["Ana"].age) == (None, None, "2w")
    assert later["Bo"].change == 2.0 and later["Bo"].change_4w == 2.0 and not later["Bo"].stale
