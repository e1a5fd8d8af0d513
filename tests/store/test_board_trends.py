"""The board's sparklines (issue #20: #14 and #7): by default on each rep's own range, so a
climb of two points over twelve weeks shows as a climb; on the fixed 0-25 scale on request; a
week before a rep's first snapshot is blank, a missed week after it is `·`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import LeaderboardRow, load_board

FIRST_MONDAY = dt.date(2025, 10, 13)
WEEKS = [FIRST_MONDAY + dt.timedelta(days=7 * n) for n in range(12)]  # to 2025-12-29
EARLIER = dt.date(2025, 9, 1)  # before the twelve weeks


def _line(day: dt.date, rep: str, brand: float, rest: float = 15.0) -> str:
    total = round(brand + 3 * rest, 2)
    return f"{day},{rep}@x.example,{rep},{total},{brand},{rest},{rest},{rest}"


@pytest.fixture(scope="module")
def trends_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    lines = ["date,rep_id,name,ssi,brand,people,insights,relationships"]
    for n, day in enumerate(WEEKS):
        lines.append(_line(day, "Climber", round(21.6 + 2 * n / 11, 2)))  # 21.6 -> 23.6
        lines.append(_line(day, "Steady", (20.0, 20.1, 19.9)[n % 3]))  # tenths of noise
        if n >= 9:
            lines.append(_line(day, "Newbie", 10.0 + n))  # first seen three weeks ago
        if n in (0, 5, 11):
            lines.append(_line(day, "Gappy", 12.0 + n))
    lines.append(_line(EARLIER, "Returning", 8.0))
    lines.append(_line(WEEKS[-1], "Returning", 9.0))
    export = tmp_path_factory.mktemp("trends") / "weeks.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = export.with_suffix(".duckdb")
    run_import(db, [export])
    return db


@pytest.fixture(scope="module")
def rows(trends_db: Path) -> dict[str, LeaderboardRow]:
    board = load_board(trends_db, with_trends=True)
    assert board.as_of == WEEKS[-1]
    return {row.name: row for row in board.rows}


def test_a_two_point_climb_shows_as_a_climb_on_the_reps_own_scale(rows) -> None:  # type: ignore[no-untyped-def]
    bars = rows["Climber"].trends.brand
    assert bars[0] == "▁" and bars[-1] == "█", bars
    assert list(bars) == sorted(bars) and len(set(bars)) >= 6, bars
    # On the fixed 0-25 scale the same weeks are nearly one flat run: what #14 was about.
    fixed = rows["Climber"].trends.bars("brand", own_scale=False)
    assert len(set(fixed)) <= 2 and fixed[0] == "▇", fixed


def test_tenths_of_noise_stay_flat(rows) -> None:  # type: ignore[no-untyped-def]
    bars = rows["Steady"].trends.brand
    assert len(bars) == 12 and len(set(bars)) == 1, bars
    flat_people = rows["Climber"].trends.people  # 15.0 every week
    assert len(set(flat_people)) == 1 and flat_people[0] not in " ·", flat_people


def test_weeks_before_the_first_snapshot_are_blank_missed_weeks_after_it_dotted(rows) -> None:  # type: ignore[no-untyped-def]
    newbie = rows["Newbie"].trends
    for bars in (newbie.brand, newbie.ssi, newbie.bars("brand", own_scale=False)):
        assert bars[:9] == " " * 9 and "·" not in bars and " " not in bars[9:], repr(bars)
    gappy = rows["Gappy"].trends.brand
    assert gappy[0] != "·" and gappy[1:5] == "····" and gappy[6:11] == "·····", repr(gappy)
    # A snapshot before the twelve weeks: every week since without one is a missed week.
    assert rows["Returning"].trends.brand[:11] == "·" * 11


def test_the_fixed_scale_places_values_on_0_to_25_and_the_total_on_0_to_100(rows) -> None:  # type: ignore[no-untyped-def]
    gappy = rows["Gappy"].trends  # brand 12, 17, 23 (bars 3.84, 5.44, 7.36 of 8)
    assert gappy.bars("brand", own_scale=False) == "▄····▆·····█"
    # Totals 57, 62, 68: bars 4.56, 4.96, 5.44 of 8.
    assert gappy.bars("ssi", own_scale=False) == "▅····▅·····▆"
    assert gappy.ssi == "▁····▄·····█"  # its own scale: 57 to 68
