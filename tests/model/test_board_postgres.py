"""The board with its trends, read from PostgreSQL, equals the one read from the same history in
a DuckDB file (issue #24): the app's reads, which the CLI's leaderboard (no trends) leaves out."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from ssi_tui.model.board import load_board
from tests.pg_server import copy_history

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def history_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ssi_tui.importing.importer import run_import

    db = tmp_path_factory.mktemp("history") / "history.duckdb"
    run_import(db, [FIXTURES / "history.csv"])
    return db


@pytest.mark.parametrize("as_of", [None, dt.date(2026, 1, 12), dt.date(2026, 1, 6)])
@pytest.mark.parametrize("team", [None, "Enterprise"])
def test_the_board_with_trends_is_the_same_on_both_backends(
    history_file: Path,
    tmp_path: Path,
    postgres_url: Callable[[], str],
    as_of: dt.date | None,
    team: str | None,
) -> None:
    path = tmp_path / "history.duckdb"
    shutil.copyfile(history_file, path)
    url = postgres_url()
    copy_history(path, url)
    options = {"as_of": as_of, "team": team, "with_trends": True, "exclude": ["bob stone"]}
    from_file = load_board(path, **options)
    assert len(from_file.rows) > 1 and any(row.trends for row in from_file.rows)
    assert load_board(url, **options) == from_file


def test_trends_of_values_halfway_between_tenths_are_the_same_on_both_backends(
    tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    """A trend is kept in tenths: 12.25 and 12.35 round as DuckDB rounds them (half away from
    zero, on the binary value), not as PostgreSQL's round() of a DOUBLE would (half to even)."""
    from ssi_tui.importing.importer import run_import

    export = tmp_path / "halves.csv"
    lines = ["date,rep_id,name,team,ssi,brand,people,insights,relationships"]
    for week in range(8):
        day = dt.date(2026, 3, 2) + dt.timedelta(weeks=week)
        for rep in range(4):
            pillars = [12.25 + 0.5 * rep + 0.1 * week, 12.35, 12.45 - 0.2 * rep, 12.15 + week]
            pillars = [round(p, 2) for p in pillars]
            total = round(sum(pillars), 2)
            values = ",".join(str(p) for p in (total, *pillars))
            lines.append(f"{day},rep{rep}@acme.example,Rep {rep},North,{values}")
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path, url = tmp_path / "halves.duckdb", postgres_url()
    for database in (path, url):
        run_import(database, [export])
    for as_of in (None, dt.date(2026, 4, 1)):
        from_file = load_board(path, as_of=as_of, with_trends=True)
        assert len(from_file.rows) == 4
        assert load_board(url, as_of=as_of, with_trends=True) == from_file


@pytest.mark.parametrize("as_of", [dt.date(2026, 1, 19), dt.date(2026, 1, 26)])
@pytest.mark.parametrize("source", ["best", "official"])
def test_the_standup_streaks_are_the_same_on_both_backends(
    tmp_path: Path, postgres_url: Callable[[], str], as_of: dt.date, source: str
) -> None:
    """Weeks on target, with the history's own default target (issue #23) and a team's."""
    from ssi_tui.importing.importer import run_import
    from ssi_tui.model.standup import load_streaks
    from ssi_tui.model.targets import set_target

    path = tmp_path / "history.duckdb"
    run_import(path, [FIXTURES / "history.csv", FIXTURES / "week4.csv"])
    url = postgres_url()
    copy_history(path, url)  # the rows; the settings in ssi_meta are set on each below
    for database in (path, url):
        set_target(database, "default", "", 50)
        set_target(database, "team", "SMB", 57)
    options = {"as_of": as_of, "source": source, "default_target": 90.0}
    from_file = load_streaks(path, **options)  # type: ignore[arg-type]
    assert max(from_file.values()) > 1 and min(from_file.values()) == 0
    assert load_streaks(url, **options) == from_file  # type: ignore[arg-type]


@pytest.mark.parametrize("source", ["best", "official", "estimated"])
def test_a_reps_history_is_the_same_on_both_backends(
    tmp_path: Path, postgres_url: Callable[[], str], source: str
) -> None:
    """The drill-down's read: official and estimated snapshots, a total alone (issue #23), a
    rep with no snapshot by the as-of date, and an unknown one."""
    from ssi_tui.importing.entry import Entry, add_entry
    from ssi_tui.importing.importer import run_import
    from ssi_tui.model.rep import read_reps

    path = tmp_path / "history.duckdb"
    run_import(path, [FIXTURES / "history.csv", FIXTURES / "mixed" / "activity.csv"])
    add_entry(path, Entry("Bob Stone", dt.date(2026, 1, 26), ssi="57"))
    url = postgres_url()
    copy_history(path, url)
    rep_ids = [*_all_reps(path), "nobody"]
    read = 0
    for as_of in (dt.date(2026, 1, 12), dt.date(2026, 12, 31)):
        options = {"as_of": as_of, "source": source}
        from_file = list(read_reps(path, rep_ids, **options))  # type: ignore[arg-type]
        read += sum(len(detail.history) for _, detail in from_file if detail)
        assert list(read_reps(url, rep_ids, **options)) == from_file  # type: ignore[arg-type]
    assert read > 0


def _all_reps(path: Path) -> list[str]:
    from tests.db_helpers import query

    return [rep_id for (rep_id,) in query(path, "SELECT rep_id FROM reps ORDER BY rep_id")]
