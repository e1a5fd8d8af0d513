"""The drill-down model: history, changes, 4-week falls, weakest pillar, coaching, peers.

No Textual here: everything the rep screen decides is decided in ssi_tui.model.rep.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import load_board
from ssi_tui.model.rep import (
    RepDetail,
    RepNotFoundError,
    Snapshot,
    coaching_for,
    load_rep,
    peer_averages,
    read_reps,
    weakest_of,
)
from ssi_tui.pillars import PILLARS, PILLARS_BY_KEY
from ssi_tui.store import database as store

HEADER = (
    "date,rep_id,name,team,ssi,brand,people,insights,relationships,"
    "industry_rank,network_rank,industry_avg,network_avg"
)
ROWS = (
    # Ann: weekly with gaps (no 01-19, no 02-02). Between 01-12 and 02-09 brand falls 2.40,
    # relationships exactly 2.00, people 1.50, insights 0.50; insights is weakest at the end.
    "2026-01-05,ann@x.example,Ann Archer,East,46,12,11,9,14,20,30,35.5,40.1",
    "2026-01-12,ann@x.example,Ann Archer,East,47,12.5,11,9.5,14,18,29,35.6,40.2",
    "2026-01-26,ann@x.example,Ann Archer,East,44.2,12,10,9.2,13,19,31,35.7,40.3",
    "2026-02-09,ann@x.example,Ann Archer,East,40.6,10.1,9.5,9,12,25,33,35.8,40.4",
    # Bob: no team, a single snapshot, no rank or averages.
    "2026-02-09,bob@x.example,Bob Brown,,60,15,15,15,15,,,,",
    # Cy: East, equal pillars (ties go to LinkedIn's order: brand first).
    "2026-02-09,cy@x.example,Cy Cole,East,52,13,13,13,13,10,10,35.8,40",
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A tiny database built through the real importer."""
    csv_path = tmp_path / "tiny.csv"
    csv_path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    path = tmp_path / "tiny.duckdb"
    run_import(path, [csv_path])
    return path


def add_estimated(db: Path, date: str, values: tuple[float, float, float, float]) -> None:
    """An 'estimated' snapshot for Ann, written as is: the drill-down reads no board point."""
    with store.open_write(db) as conn:
        conn.execute(
            "INSERT INTO snapshots (rep_id, snapshot_date, source, ssi, brand, people, insights,"
            " relationships, import_id, until) VALUES (?, ?, 'estimated', ?, ?, ?, ?, ?, 1,"
            " DATE '9999-12-31')",
            ["ann@x.example", dt.date.fromisoformat(date), sum(values), *values],
        )


def test_history_is_newest_first_with_stored_values(db: Path) -> None:
    detail = load_rep(db, "ann@x.example", as_of=dt.date(2026, 2, 9))
    assert (detail.rep_id, detail.name, detail.team) == ("ann@x.example", "Ann Archer", "East")
    assert [s.date.isoformat() for s in detail.history] == [
        "2026-02-09",
        "2026-01-26",
        "2026-01-12",
        "2026-01-05",
    ]
    latest = detail.latest
    assert latest == Snapshot(
        dt.date(2026, 2, 9), "official", 40.6, 10.1, 9.5, 9.0, 12.0, 25.0, 33.0, 35.8, 40.4
    )
    assert detail.history[-1].ssi == 46


def test_history_stops_at_as_of(db: Path) -> None:
    detail = load_rep(db, "ann@x.example", as_of=dt.date(2026, 1, 25))
    assert [s.date for s in detail.history] == [dt.date(2026, 1, 12), dt.date(2026, 1, 5)]
    before_any = load_rep(db, "ann@x.example", as_of=dt.date(2025, 12, 31))
    assert (before_any.name, before_any.team, before_any.history) == ("Ann Archer", "East", ())


def test_unknown_rep_is_an_error(db: Path) -> None:
    with pytest.raises(RepNotFoundError, match=r"nobody@x\.example"):
        load_rep(db, "nobody@x.example", as_of=dt.date(2026, 2, 9))


def test_several_reps_are_read_in_turn_on_one_connection(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    open_read = store.open_read

    def counted(path: Path, **kwargs: object) -> object:
        opened.append(path)
        return open_read(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "open_read", counted)
    as_of = dt.date(2026, 2, 9)
    ids = ["bob@x.example", "nobody@x.example", "ann@x.example"]
    read = list(read_reps(db, ids, as_of=as_of))
    assert len(opened) == 1
    assert [rep_id for rep_id, _ in read] == ids
    assert read[1][1] is None  # not in the database: no error, the others still come
    monkeypatch.setattr(store, "open_read", open_read)
    assert read[0][1] == load_rep(db, "bob@x.example", as_of=as_of)
    assert read[2][1] == load_rep(db, "ann@x.example", as_of=as_of)


def test_rep_without_team(db: Path) -> None:
    detail = load_rep(db, "bob@x.example", as_of=dt.date(2026, 2, 9))
    assert detail.team is None
    assert detail.latest is not None and detail.latest.industry_avg is None


def test_change_between_snapshots(db: Path) -> None:
    detail = load_rep(db, "ann@x.example", as_of=dt.date(2026, 2, 9))
    assert detail.change(0, "brand") == pytest.approx(-1.9)
    assert detail.change(0, "ssi") == pytest.approx(-3.6)
    assert detail.change(2, "insights") == pytest.approx(0.5)
    assert detail.change(3, "brand") is None  # the oldest: nothing to compare with
    assert detail.change(4, "brand") is None


def test_change_over_four_weeks_uses_latest_on_or_before_each_end(db: Path) -> None:
    # as_of 02-12 has no snapshot: now = 02-09; as_of - 28 = 01-15 has none either: then = 01-12.
    detail = load_rep(db, "ann@x.example", as_of=dt.date(2026, 2, 12))
    assert detail.change_over("brand") == pytest.approx(-2.4)
    assert detail.change_over("relationships") == pytest.approx(-2.0)
    assert detail.change_over("people") == pytest.approx(-1.5)
    assert detail.change_over("insights") == pytest.approx(-0.5)
    assert detail.change_over("ssi") == pytest.approx(-6.4)


def test_no_four_week_change_without_an_old_enough_snapshot(db: Path) -> None:
    detail = load_rep(db, "ann@x.example", as_of=dt.date(2026, 1, 26))
    assert detail.change_over("brand") is None  # nothing on or before 2025-12-29
    assert coaching_for(detail)[0].reasons == ("weakest pillar",)
    assert len(coaching_for(detail)) == 1


def test_weakest_pillar(db: Path) -> None:
    ann = load_rep(db, "ann@x.example", as_of=dt.date(2026, 2, 9))
    assert ann.weakest_pillar() is PILLARS_BY_KEY["insights"]
    cy = load_rep(db, "cy@x.example", as_of=dt.date(2026, 2, 9))
    assert cy.weakest_pillar() is PILLARS[0]  # all equal: LinkedIn's order decides
    empty = RepDetail("x", "X", None, dt.date(2026, 1, 1), "best", ())
    assert empty.weakest_pillar() is None
    assert coaching_for(empty) == []


def test_coaching_weakest_first_then_falls_biggest_first(db: Path) -> None:
    detail = load_rep(db, "ann@x.example", as_of=dt.date(2026, 2, 9))
    coaching = coaching_for(detail)
    assert [c.pillar.key for c in coaching] == ["insights", "brand", "relationships"]
    assert coaching[0].reasons == ("weakest pillar",)
    assert coaching[1].reasons == ("fell 2.40 over 4 weeks",)
    assert coaching[2].reasons == ("fell 2.00 over 4 weeks",)  # exactly 2 counts
    assert coaching[1].heading == "Establish your professional brand: fell 2.40 over 4 weeks"
    for item in coaching:
        assert item.suggestions == item.pillar.coaching[:2]
        assert 1 <= len(item.suggestions) <= 2


def test_coaching_thresholds_are_parameters(db: Path) -> None:
    detail = load_rep(db, "ann@x.example", as_of=dt.date(2026, 2, 9))
    keys = [c.pillar.key for c in coaching_for(detail, fall=1.5, per_pillar=1)]
    assert keys == ["insights", "brand", "relationships", "people"]
    assert all(len(c.suggestions) == 1 for c in coaching_for(detail, per_pillar=1))


def test_weakest_and_falling_pillar_is_listed_once_with_both_reasons(db: Path) -> None:
    add_estimated(db, "2026-02-16", (12.0, 11.0, 12.0, 7.0))
    detail = load_rep(db, "ann@x.example", as_of=dt.date(2026, 2, 16))
    # now 02-16 (estimated, the only one that day); then: latest on or before 01-19 = 01-12.
    coaching = coaching_for(detail)
    assert coaching[0].pillar.key == "relationships"
    assert coaching[0].reasons == ("weakest pillar", "fell 7.00 over 4 weeks")
    assert [c.pillar.key for c in coaching].count("relationships") == 1


def test_source_best_prefers_official_per_date(db: Path) -> None:
    add_estimated(db, "2026-02-09", (1.0, 1.0, 1.0, 1.0))
    add_estimated(db, "2026-02-16", (12.0, 11.0, 12.0, 7.0))
    best = load_rep(db, "ann@x.example", as_of=dt.date(2026, 2, 16), source="best")
    assert [(s.date.isoformat(), s.source) for s in best.history[:2]] == [
        ("2026-02-16", "estimated"),
        ("2026-02-09", "official"),
    ]
    assert best.history[1].brand == 10.1
    official = load_rep(db, "ann@x.example", as_of=dt.date(2026, 2, 16), source="official")
    assert official.history[0].date.isoformat() == "2026-02-09"
    assert {s.source for s in official.history} == {"official"}
    estimated = load_rep(db, "ann@x.example", as_of=dt.date(2026, 2, 16), source="estimated")
    assert [s.date.isoformat() for s in estimated.history] == ["2026-02-16", "2026-02-09"]
    assert estimated.history[1].brand == 1.0


def test_peer_averages_team_or_whole_board(db: Path) -> None:
    board = load_board(db, as_of=dt.date(2026, 2, 9))
    east = peer_averages(board.rows, "East")
    assert east.count == 2
    assert east.label == "East team average (2 reps)"
    assert east.average("brand") == pytest.approx((10.1 + 13) / 2)
    everyone = peer_averages(board.rows, None)
    assert everyone.count == 3
    assert everyone.label == "board average (3 reps; this rep has no team)"
    assert everyone.average("insights") == pytest.approx((9 + 15 + 13) / 3)
    assert peer_averages((), "West").average("brand") is None


def test_weakest_of_a_board_row_matches_the_history(db: Path) -> None:
    board = load_board(db, as_of=dt.date(2026, 2, 9))
    for row in board.rows:
        detail = load_rep(db, row.rep_id, as_of=dt.date(2026, 2, 9))
        assert weakest_of(row) is detail.weakest_pillar()
