"""The synthetic data: reproducible, plausible, and the bundled demo file matches its generator."""

from __future__ import annotations

import csv
import datetime
from collections import defaultdict
from pathlib import Path

import pytest

from tools import synthetic

SAMPLE_CSV = Path(__file__).resolve().parents[2] / "sample_data" / "team_ssi.csv"
PILLAR_COLUMNS = ("brand", "people", "insights", "relationships")


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert tuple(reader.fieldnames or ()) == synthetic.HEADER
        return list(reader)


def assert_plausible(rows: list[dict[str, str]]) -> None:
    """Every row obeys the canonical format's ranges; insights trails relationships on average."""
    for row in rows:
        datetime.date.fromisoformat(row["date"])
        pillars = [float(row[key]) for key in PILLAR_COLUMNS]
        assert all(0.0 <= p <= 25.0 for p in pillars), row
        assert all(len(row[key].partition(".")[2]) <= 2 for key in PILLAR_COLUMNS), row
        # LinkedIn shows the total as a whole number, so it only matches the pillars to within 1.
        assert abs(int(row["ssi"]) - sum(pillars)) <= 1.0, row
        assert 1 <= int(row["industry_rank"]) <= 100, row
        assert 1 <= int(row["network_rank"]) <= 100, row
        assert 0.0 <= float(row["industry_avg"]) <= 100.0, row
        assert 0.0 <= float(row["network_avg"]) <= 100.0, row
    insights = sum(float(r["insights"]) for r in rows) / len(rows)
    relationships = sum(float(r["relationships"]) for r in rows) / len(rows)
    assert insights < relationships


def test_same_seed_same_rows_other_seed_other_rows() -> None:
    first = list(synthetic.generate_rows(40, 12, seed=3))
    assert first == list(synthetic.generate_rows(40, 12, seed=3))
    assert first != list(synthetic.generate_rows(40, 12, seed=4))


def test_write_csv_writes_reps_times_weeks_plausible_rows(tmp_path: Path) -> None:
    out = tmp_path / "big.csv"
    assert synthetic.write_csv(out, 150, 52, seed=11) == 150 * 52
    rows = read_rows(out)
    assert len(rows) == 150 * 52
    assert len({r["rep_id"] for r in rows}) == 150
    assert_plausible(rows)
    totals = sorted(int(r["ssi"]) for r in rows)
    # Mostly 25-85: allow the odd outlier at either end.
    assert totals[len(totals) // 100] >= 20
    assert totals[-len(totals) // 100] <= 90
    assert b"\r" not in out.read_bytes()


def test_dates_are_weekly_and_end_on_the_fixed_date_by_default() -> None:
    dates = sorted({row[0] for row in synthetic.generate_rows(3, 5)})
    assert dates == ["2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]
    start = datetime.date(2025, 1, 6)
    dates = sorted({row[0] for row in synthetic.generate_rows(3, 2, start=start)})
    assert dates == ["2025-01-06", "2025-01-13"]
    with pytest.raises(ValueError):
        synthetic.snapshot_dates(2, start=start, end=synthetic.DEFAULT_END)


def test_teams_default_to_about_ten_reps_each_and_all_are_used() -> None:
    assert {row[3] for row in synthetic.generate_rows(25, 1)} == {"Enterprise", "Mid-Market"}
    assert len({row[3] for row in synthetic.generate_rows(5, 1)}) == 1
    assert synthetic.default_team_count(1_000_000) == synthetic.MAX_DEFAULT_TEAMS
    assert len({row[3] for row in synthetic.generate_rows(60, 1, teams=30)}) == 30


def test_names_and_ids_stay_unique_past_the_name_pool() -> None:
    reps = len(synthetic.FIRST_NAMES) * len(synthetic.LAST_NAMES) + 50
    rows = list(synthetic.generate_rows(reps, 1))
    assert len({r[2] for r in rows}) == reps
    assert len({r[1] for r in rows}) == reps
    assert all(r[1].isascii() and r[1].endswith("@acme.example") for r in rows)


def test_email_folds_accents_to_ascii() -> None:
    assert synthetic.email_for("Zoë Müller") == "zoe.muller@acme.example"
    assert synthetic.email_for("Łukasz Van Dijk") == "lukasz.vandijk@acme.example"


def test_bundled_sample_is_what_the_generator_makes_now(tmp_path: Path) -> None:
    regenerated = tmp_path / "team_ssi.csv"
    synthetic.write_sample_csv(regenerated)
    assert SAMPLE_CSV.read_bytes() == regenerated.read_bytes(), (
        "sample_data/team_ssi.csv is stale: "
        "python scripts/generate_data.py sample_data/team_ssi.csv --sample"
    )


def test_bundled_sample_tells_the_demo_story() -> None:
    raw = SAMPLE_CSV.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    rows = read_rows(SAMPLE_CSV)
    assert_plausible(rows)
    assert all(25 <= int(r["ssi"]) <= 85 for r in rows)

    dates = sorted({r["date"] for r in rows})
    assert len(dates) == 26 and dates[-1] == "2026-11-16"
    assert {r["team"] for r in rows} == {"Enterprise", "Mid-Market", "SMB"}

    history: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        history[row["rep_id"]].append(row)
    assert 28 <= len(history) <= 32

    late = [rep for rep, h in history.items() if h[0]["date"] != dates[0]]
    assert len(late) == 1
    joined = dates.index(history[late[0]][0]["date"])
    assert [r["date"] for r in history[late[0]]] == dates[joined:]
    assert 9 <= len(dates) - 1 - joined <= 11

    gappy = [rep for rep, h in history.items() if rep not in late and len(h) < len(dates)]
    assert len(gappy) == 1
    seen = {r["date"] for r in history[gappy[0]]}
    missing = [i for i, d in enumerate(dates) if d not in seen]
    runs = sum(1 for i in missing if i - 1 not in missing)
    assert 2 <= runs <= 3 and dates[-1] in seen

    change = {rep: int(h[-1]["ssi"]) - int(h[0]["ssi"]) for rep, h in history.items()}
    assert sum(1 for c in change.values() if c >= 10) >= 3
    assert sum(1 for c in change.values() if c <= -10) >= 3

    lowest = sum(1 for r in rows if min(PILLAR_COLUMNS, key=lambda k: float(r[k])) == "insights")
    highest = sum(
        1 for r in rows if max(PILLAR_COLUMNS, key=lambda k: float(r[k])) == "relationships"
    )
    assert lowest > len(rows) / 2 and highest > len(rows) / 2

    names = {r["name"] for r in rows}
    assert any(not n.isascii() for n in names)
    assert sum(1 for n in names if n.isascii()) > len(names) // 2
    assert not any(set(n) & set("[]<>*_`\\") for n in names)


def test_bad_arguments_fail_before_the_file_is_created(tmp_path: Path) -> None:
    out = tmp_path / "never.csv"
    with pytest.raises(ValueError):
        synthetic.write_csv(out, 10, 0)
    with pytest.raises(ValueError):
        synthetic.write_csv(out, 0, 10)
    assert not out.exists()
