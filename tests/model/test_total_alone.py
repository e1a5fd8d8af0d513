"""A snapshot of a total alone (pillars NULL: not given, never 0) on the board and in the
drill-down model: pillars None, sparklines with a gap, pillar sorts put it last both ways,
averages and coaching leave it out.

Twelve weekly snapshots of three reps; Ann's week 5 (2025-11-17) and her last week
(2025-12-29) give the total alone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import MISSED_WEEK, LeaderboardRow, load_board, sort_rows
from ssi_tui.model.rep import coaching_for, load_rep, peer_averages, pillar_values, weakest_of
from ssi_tui.model.standup import load_standup, team_averages
from ssi_tui.pillars import PILLAR_KEYS
from tests.db_helpers import forget_pillars

WEEKS = [dt.date(2025, 10, 13) + dt.timedelta(days=7 * n) for n in range(12)]
GAP_WEEK, LAST_WEEK = WEEKS[5], WEEKS[-1]


def _brand(week: int) -> float:
    return round(21.6 + 2 * week / 11, 2)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = ["date,rep_id,name,team,ssi,brand,people,insights,relationships"]
    for n, day in enumerate(WEEKS):
        brand = _brand(n)  # climbs 21.6 -> 23.6: a climb on its own scale
        # Ann's insights fall 5 points over the last four weeks she gives them.
        insights = 20.0 if n < 8 else 15.0
        ann = (brand, 20.0, insights, 10.0)
        lines.append(f"{day},ann@x.example,Ann,East,{sum(ann):.2f},{','.join(map(str, ann))}")
        lines.append(f"{day},bob@x.example,Bob,East,60,15,15,15,15")
        lines.append(f"{day},cy@x.example,Cy,East,40,10,10,12,8")
    export = tmp_path_factory.mktemp("alone") / "weeks.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = export.with_suffix(".duckdb")
    run_import(path, [export])
    forget_pillars(path, "ann@x.example", GAP_WEEK.isoformat(), LAST_WEEK.isoformat())
    return path


@pytest.fixture(scope="module")
def rows(db: Path) -> dict[str, LeaderboardRow]:
    return {row.name: row for row in load_board(db, with_trends=True).rows}


def test_the_board_row_has_its_total_and_no_pillar(rows: dict[str, LeaderboardRow]) -> None:
    ann = rows["Ann"]
    assert ann.ssi == pytest.approx(23.6 + 20 + 15 + 10)
    assert [getattr(ann, key) for key in PILLAR_KEYS] == [None] * 4
    assert ann.change is not None  # the total's change is unaffected


@pytest.mark.parametrize("own_scale", [True, False], ids=["own", "fixed"])
def test_a_pillar_sparkline_skips_the_weeks_not_given(
    rows: dict[str, LeaderboardRow], own_scale: bool
) -> None:
    bars = rows["Ann"].trends.bars("brand", own_scale=own_scale)
    assert len(bars) == 12
    assert bars[5] == MISSED_WEEK and bars[11] == MISSED_WEEK  # a gap, not a dip to 0
    drawn = bars[:5] + bars[6:11]
    assert MISSED_WEEK not in drawn and " " not in drawn
    if own_scale:  # the rep's own range is that of the weeks given: 21.6 .. 23.4, a climb
        assert drawn[0] == "▁" and drawn[-1] in "▇█"
    else:  # on 0-25, 21.6 to 23.4 are high bars throughout
        assert set(drawn) <= set("▆▇█")
    total = rows["Ann"].trends.bars("ssi", own_scale=own_scale)
    assert MISSED_WEEK not in total  # the total was given every week


@pytest.mark.parametrize("key", PILLAR_KEYS)
@pytest.mark.parametrize("reverse", [False, True], ids=["descending", "ascending"])
def test_a_pillar_sort_puts_the_total_alone_last_both_ways(
    rows: dict[str, LeaderboardRow], key: str, reverse: bool
) -> None:
    ordered = sort_rows(list(rows.values()), key, reverse=reverse)
    assert ordered[-1].name == "Ann"
    values = [getattr(r, key) for r in ordered[:-1]]
    assert values == sorted(values, reverse=not reverse)


def test_the_total_sort_keeps_the_total_alone_in_its_place(
    rows: dict[str, LeaderboardRow],
) -> None:
    assert [r.name for r in sort_rows(list(rows.values()), "ssi")] == ["Ann", "Bob", "Cy"]


def test_board_and_peer_averages_leave_a_total_alone_out(
    db: Path, rows: dict[str, LeaderboardRow]
) -> None:
    board = load_board(db)
    assert board.average("brand") == pytest.approx((15 + 10) / 2)  # not (0 + 15 + 10) / 3
    peers = peer_averages(list(rows.values()), "East")
    assert peers.average("relationships") == pytest.approx((15 + 8) / 2)
    assert peers.count == 3


def test_a_total_alone_has_no_weakest_pillar(rows: dict[str, LeaderboardRow]) -> None:
    assert pillar_values(rows["Ann"]) == dict.fromkeys(PILLAR_KEYS)
    assert weakest_of(rows["Ann"]) is None
    assert weakest_of(rows["Cy"]) is not None and weakest_of(rows["Cy"]).key == "relationships"


def test_the_drill_down_model_skips_the_total_alone_for_pillars(db: Path) -> None:
    detail = load_rep(db, "ann@x.example", as_of=LAST_WEEK)
    latest = detail.latest
    assert latest is not None and latest.date == LAST_WEEK
    assert not latest.pillars_given and len(latest.pillars_missing) == 4
    assert detail.change(0, "ssi") is not None
    assert detail.change(0, "brand") is None  # nothing to change from: not given
    # The week after a total alone changes from the last week that gave the pillar.
    after_gap = next(i for i, s in enumerate(detail.history) if s.date == WEEKS[6])
    assert detail.change(after_gap, "brand") == pytest.approx(_brand(6) - _brand(4))
    # The weakest pillar comes from the latest snapshot that gives all four, and says when.
    assert detail.weakest_pillar() is not None
    assert detail.weakest_pillar().key == "relationships"  # type: ignore[union-attr]
    coaching = coaching_for(detail)
    assert coaching[0].pillar.key == "relationships"
    assert coaching[0].reasons[0] == f"weakest pillar on {WEEKS[10].isoformat()}"
    # The fall is measured between values given: insights 20 -> 15, not 20 -> 0.
    falls = {c.pillar.key: c.reasons for c in coaching}
    assert falls["insights"] == ("fell 5.00 over 4 weeks",)
    assert "brand" not in falls and "people" not in falls


def test_a_rep_who_never_gave_pillars_gets_no_weakest_pillar(db: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(db, copy)
    forget_pillars(copy, "cy@x.example", *(day.isoformat() for day in WEEKS))
    detail = load_rep(copy, "cy@x.example", as_of=LAST_WEEK)
    assert detail.weakest_pillar() is None
    assert coaching_for(detail) == []


def test_stand_up_team_averages_leave_a_total_alone_out(db: Path) -> None:
    standup = load_standup(db, as_of=LAST_WEEK)
    [east] = standup.teams
    assert east.count == 3
    assert east.ssi == pytest.approx((rows_total(db) + 60 + 40) / 3)  # every total counts
    assert east.value("brand") == pytest.approx((15 + 10) / 2)  # Ann's pillars not given
    assert team_averages([])[1] is None


def test_a_team_of_totals_alone_has_no_pillar_average(db: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(db, copy)
    for rep in ("bob@x.example", "cy@x.example"):
        forget_pillars(copy, rep, LAST_WEEK.isoformat())
    [east] = load_standup(copy, as_of=LAST_WEEK).teams
    assert [east.value(key) for key in PILLAR_KEYS] == [None] * 4
    assert east.ssi is not None


def rows_total(db: Path) -> float:
    return next(r.ssi for r in load_board(db).rows if r.name == "Ann")
