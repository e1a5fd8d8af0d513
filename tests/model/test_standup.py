"""The stand-up model: movers, team averages, on-target streaks, closest to target.

No Textual here: everything the stand-up pages decide is decided in ssi_tui.model.standup. The
expected numbers are worked out by hand in the comments from the rows below.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from ssi_tui.importing.importer import run_import
from ssi_tui.model.standup import (
    Standup,
    load_standup,
    load_streaks,
    moved,
    movers,
    team_averages,
)
from ssi_tui.model.targets import set_target

HEADER = "date,rep_id,name,team,brand,people,insights,relationships,ssi"
# ISO weeks (Mondays): W0 = 2026-03-02 holds the as-of date 2026-03-04 (a Wednesday);
# W1 = 02-23, W2 = 02-16, W3 = 02-09, W4 = 02-02.
# Targets: default 60 (passed in), team East 50, Cy's own 80.
ROWS = (
    # Ann (East, target 50): 48 (W4, below) 52 55, then 49 on Monday and 51 on Thursday of W1
    # (the week's last snapshot, 51, counts), 53 in W0 -> on target W0..W3: streak 4.
    # Change: 53 - latest on or before 02-23 (49) = +4.
    "2026-02-02,ann@x.example,Ann Archer,East,12,12,12,12,48",
    "2026-02-09,ann@x.example,Ann Archer,East,13,13,13,13,52",
    "2026-02-16,ann@x.example,Ann Archer,East,13.75,13.75,13.75,13.75,55",
    "2026-02-23,ann@x.example,Ann Archer,East,12.25,12.25,12.25,12.25,49",
    "2026-02-26,ann@x.example,Ann Archer,East,12.75,12.75,12.75,12.75,51",
    "2026-03-02,ann@x.example,Ann Archer,East,10,15,13,15,53",
    # Bob (West, 60): 65 in W2, nothing in W1, 62 on 03-03 -> streak 1 (the gap ends it).
    # Change: 62 - latest on or before 02-24 (65 on 02-16) = -3. The 40 on 03-05 is after
    # the as-of date and never counts.
    "2026-02-16,bob@x.example,Bob Brown,West,16.25,16.25,16.25,16.25,65",
    "2026-03-03,bob@x.example,Bob Brown,West,15,16,15,16,62",
    "2026-03-05,bob@x.example,Bob Brown,West,10,10,10,10,40",
    # Cy (East, own target 80 beats the team's 50): 75 then 78 -> below target, streak 0.
    # Change +3; closest to target: 78 / 80 = 97.5%.
    "2026-02-23,cy@x.example,Cy Cole,East,18.75,18.75,18.75,18.75,75",
    "2026-03-02,cy@x.example,Cy Cole,East,20,20,18,20,78",
    # Dee (West, 60): 70 in W3..W0, nothing in W4 -> streak 4. Change 0: not a mover.
    "2026-02-09,dee@x.example,Dee Dunn,West,17.5,17.5,17.5,17.5,70",
    "2026-02-16,dee@x.example,Dee Dunn,West,17.5,17.5,17.5,17.5,70",
    "2026-02-23,dee@x.example,Dee Dunn,West,17.5,17.5,17.5,17.5,70",
    "2026-03-02,dee@x.example,Dee Dunn,West,20,15,15,20,70",
    # Eve (no team, 60): one snapshot, 61 -> streak 1; change None (new): not a mover.
    "2026-03-02,eve@x.example,Eve Estes,,16,15,15,15,61",
    # Fay (West, 60): 58 then exactly 60 -> "at or above": on target, streak 1. Change +2.
    "2026-02-23,fay@x.example,Fay Ford,West,14.5,14.5,14.5,14.5,58",
    "2026-03-02,fay@x.example,Fay Ford,West,15,15,15,15,60",
    # Gus (East, 50): 45 then 44 -> below target (88%); change -1.
    "2026-02-23,gus@x.example,Gus Gray,East,11.25,11.25,11.25,11.25,45",
    "2026-03-02,gus@x.example,Gus Gray,East,11,11,11,11,44",
    # Hal (West, 60): 65 in W1 only. On the board (latest on or before the as-of date) and at
    # or above target, but no snapshot in the as-of week -> streak 0. Change None.
    "2026-02-23,hal@x.example,Hal Hunt,West,16.25,16.25,16.25,16.25,65",
)
AS_OF = dt.date(2026, 3, 4)
DEFAULT = 60.0


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The reps above, imported through the real importer, with team and rep targets."""
    export = tmp_path / "ssi.csv"
    export.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    path = tmp_path / "standup.duckdb"
    run_import(path, [export])
    set_target(path, "team", "East", 50)
    set_target(path, "rep", "cy@x.example", 80)
    return path


@pytest.fixture
def standup(db: Path) -> Standup:
    return load_standup(db, as_of=AS_OF, default_target=DEFAULT)


def names(rows) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.name for r in rows]


def test_streaks_count_weeks_on_target_back_from_the_as_of_week(db: Path) -> None:
    streaks = load_streaks(db, as_of=AS_OF, default_target=DEFAULT)
    assert streaks == {
        "ann@x.example": 4,  # W1's last snapshot (51) counts, not its first (49)
        "bob@x.example": 1,  # the missing W1 ends it
        "cy@x.example": 0,  # own target 80, not the team's 50
        "dee@x.example": 4,
        "eve@x.example": 1,
        "fay@x.example": 1,  # exactly on target counts
        "gus@x.example": 0,
        "hal@x.example": 0,  # nothing in the as-of week
    }


def test_streaks_follow_the_as_of_date_and_the_team(db: Path) -> None:
    # As of Sunday 03-01 (W1 is then the as-of week): Ann 51 (W1), 55, 52 on target, then 48
    # -> 3; Dee 70 W1..W3 -> 3; Bob has nothing in W1 -> 0; Cy 75 < 80 -> 0.
    streaks = load_streaks(db, as_of=dt.date(2026, 3, 1), default_target=DEFAULT)
    assert streaks["ann@x.example"] == 3
    assert streaks["dee@x.example"] == 3
    assert streaks["bob@x.example"] == 0
    assert streaks["cy@x.example"] == 0
    assert "eve@x.example" not in streaks  # no snapshot on or before that date
    east = load_streaks(db, as_of=AS_OF, team="East", default_target=DEFAULT)
    assert set(east) == {"ann@x.example", "cy@x.example", "gus@x.example"}


def test_the_default_target_applies_only_without_a_team_or_rep_target(db: Path) -> None:
    # With a default of 65: Dee 70 stays on (4), Bob 62 and Eve 61 and Fay 60 drop to 0;
    # Ann (team 50) and Cy (own 80) do not change.
    streaks = load_streaks(db, as_of=AS_OF, default_target=65)
    assert streaks["dee@x.example"] == 4
    assert streaks["bob@x.example"] == streaks["eve@x.example"] == streaks["fay@x.example"] == 0
    assert streaks["ann@x.example"] == 4
    assert streaks["cy@x.example"] == 0


def test_the_databases_default_target_beats_the_one_passed_in(db: Path) -> None:
    # The same 65 as above, stored in the database this time (`ssi-tui target --default`):
    # it wins over the config's default the app passes.
    set_target(db, "default", "", 65)
    streaks = load_streaks(db, as_of=AS_OF, default_target=DEFAULT)
    assert streaks["dee@x.example"] == 4
    assert streaks["bob@x.example"] == streaks["eve@x.example"] == streaks["fay@x.example"] == 0
    set_target(db, "default", "", None)
    assert load_streaks(db, as_of=AS_OF, default_target=DEFAULT)["bob@x.example"] == 1


def test_movers_biggest_gain_and_biggest_fall_first(standup: Standup) -> None:
    # Gains: Ann +4, Cy +3, Fay +2. Falls: Bob -3, Gus -1. Dee (0), Eve and Hal (None): neither.
    assert names(standup.gainers) == ["Ann Archer", "Cy Cole", "Fay Ford"]
    assert [r.change for r in standup.gainers] == [4.0, 3.0, 2.0]
    assert names(standup.fallers) == ["Bob Brown", "Gus Gray"]
    assert [r.change for r in standup.fallers] == [-3.0, -1.0]


def test_movers_ties_go_by_name_and_changes_that_show_as_zero_do_not_move(
    standup: Standup,
) -> None:
    rows = {r.name: r for r in standup.board.rows}
    tied = [
        replace(rows["Gus Gray"], change=2.0),
        replace(rows["Ann Archer"], change=2.0),
        replace(rows["Cy Cole"], change=0.04),  # shows as ±0
        replace(rows["Dee Dunn"], change=-0.04),
        replace(rows["Fay Ford"], change=-2.0),
        replace(rows["Bob Brown"], change=-2.0),
    ]
    gainers, fallers = movers(tied)
    assert names(gainers) == ["Ann Archer", "Gus Gray"]
    assert names(fallers) == ["Bob Brown", "Fay Ford"]
    assert moved(0.04) == 0.0 and moved(None) == 0.0 and moved(-0.06) == -0.06


def test_team_averages(standup: Standup) -> None:
    teams = {t.label: t for t in standup.teams}
    # Ordered by average total: West 64.25, East 58.33; reps without a team always last.
    assert [t.label for t in standup.teams] == ["West", "East", "No team"]
    west, east, loner = teams["West"], teams["East"], teams["No team"]
    # West: Bob 62 (15,16,15,16), Dee 70 (20,15,15,20), Fay 60 (15 x4), Hal 65 (16.25 x4).
    assert west.count == 4
    assert west.ssi == pytest.approx(257 / 4)  # 64.25
    assert west.brand == pytest.approx(66.25 / 4)  # 15+20+15+16.25
    assert west.people == pytest.approx(62.25 / 4)  # 16+15+15+16.25
    assert west.insights == pytest.approx(61.25 / 4)  # 15+15+15+16.25
    assert west.relationships == pytest.approx(67.25 / 4)  # 16+20+15+16.25
    # East: Ann 53 (10,15,13,15), Cy 78 (20,20,18,20), Gus 44 (11 x4).
    assert east.count == 3
    assert east.ssi == pytest.approx(175 / 3)
    assert (east.brand, east.people, east.insights, east.relationships) == pytest.approx(
        (41 / 3, 46 / 3, 42 / 3, 46 / 3)
    )
    assert loner.team is None and loner.count == 1 and loner.ssi == 61
    # Everyone: (175 + 257 + 61) / 8.
    assert standup.overall is not None and standup.overall.overall
    assert standup.overall.label == "Everyone"
    assert standup.overall.count == 8
    assert standup.overall.ssi == pytest.approx(493 / 8)
    assert standup.overall.value("brand") == pytest.approx((41 + 66.25 + 16) / 8)


def test_team_averages_of_nothing() -> None:
    assert team_averages([]) == ((), None)


def test_on_target_longest_streak_first_with_their_own_targets(standup: Standup) -> None:
    # At or above their own target: Dee 70 (4), Ann 53/50 (4), Bob 62 (1), Eve 61 (1),
    # Fay 60 (1), Hal 65 (0). Streak first, then the higher total, then the name.
    hits = [(h.row.name, h.streak, h.row.target) for h in standup.on_target]
    assert hits == [
        ("Dee Dunn", 4, 60),
        ("Ann Archer", 4, 50),
        ("Bob Brown", 1, 60),
        ("Eve Estes", 1, 60),
        ("Fay Ford", 1, 60),
        ("Hal Hunt", 0, 60),
    ]
    # A flat 60 would count Cy (78, own target 80) and not Ann (53, team target 50): 6 reps.
    assert standup.board.at_or_above(DEFAULT) == 6


def test_closest_to_target_by_share_of_target(standup: Standup) -> None:
    # Below their target: Cy 78/80 = 97.5%, Gus 44/50 = 88%.
    assert [(r.name, r.pct_of_target) for r in standup.chasing] == [
        ("Cy Cole", 97.5),
        ("Gus Gray", 88.0),
    ]


def test_the_as_of_date_defaults_to_the_latest_data(db: Path) -> None:
    latest = load_standup(db, default_target=DEFAULT)
    assert latest.as_of == dt.date(2026, 3, 5)
    bob = next(r for r in latest.board.rows if r.name == "Bob Brown")
    assert bob.ssi == 40 and latest.streaks["bob@x.example"] == 0


def test_a_team_filter_narrows_everything(db: Path) -> None:
    east = load_standup(db, as_of=AS_OF, team="East", default_target=DEFAULT)
    assert names(east.board.rows) == ["Cy Cole", "Ann Archer", "Gus Gray"]
    assert [t.label for t in east.teams] == ["East"]
    assert names(east.gainers) == ["Ann Archer", "Cy Cole"]
    assert [h.row.name for h in east.on_target] == ["Ann Archer"]


def test_anonymised_standups_carry_pseudonyms_and_keep_streaks(db: Path) -> None:
    anonymous = load_standup(db, as_of=AS_OF, default_target=DEFAULT, anonymise=True)
    shown = {r.name for r in anonymous.board.rows}
    assert all(name.startswith("Rep ") for name in shown)
    assert not shown & {"Ann Archer", "Dee Dunn"}
    assert [h.streak for h in anonymous.on_target] == [4, 4, 1, 1, 1, 0]
    assert all(r.name.startswith("Rep ") for r in anonymous.gainers + anonymous.fallers)


def test_excluded_reps_are_nowhere(db: Path) -> None:
    standup = load_standup(
        db, as_of=AS_OF, default_target=DEFAULT, exclude=["Ann Archer", "dee@x.example"]
    )
    everyone = [
        *standup.board.rows,
        *standup.gainers,
        *standup.fallers,
        *standup.chasing,
        *(h.row for h in standup.on_target),
    ]
    assert not {r.name for r in everyone} & {"Ann Archer", "Dee Dunn"}
    assert "ann@x.example" not in standup.streaks and "dee@x.example" not in standup.streaks
    assert standup.overall is not None and standup.overall.count == 6


def test_an_empty_database_gives_an_empty_standup(tmp_path: Path) -> None:
    from ssi_tui.store import database as store

    path = tmp_path / "empty.duckdb"
    with store.open_write(path):
        pass
    empty = load_standup(path)
    assert empty.as_of is None and empty.board.rows == ()
    assert empty.on_target == () and empty.teams == () and empty.overall is None
