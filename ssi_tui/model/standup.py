"""Stand-up mode model: the board plus the week's movers, team averages and on-target streaks.

Plain values and pure functions (no Textual, no Polars), so that the stand-up screen stays a thin
view that rotates through pages, and every rule here is tested without a terminal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ssi_tui import store
from ssi_tui.model.board import DEFAULT_TARGET, Board, LeaderboardRow, Source, load_board
from ssi_tui.pillars import PILLAR_KEYS

TOTAL_KEYS: tuple[str, ...] = ("ssi", *PILLAR_KEYS)
"""The total, then the four pillars: what a team average holds."""
CHASING_SHOWN = 3
"""How many reps just below their target the on-target page names."""


@dataclass(frozen=True)
class TeamAverage:
    """Mean total and pillars over one team's reps on the board (or over the whole board)."""

    team: str | None
    """The team's name; None for reps without a team, or for the whole board (see `overall`)."""
    count: int
    ssi: float
    brand: float | None
    """A pillar's mean over the reps who give it; None when none does (totals alone)."""
    people: float | None
    insights: float | None
    relationships: float | None
    overall: bool = False
    """True for the average over every rep on the board."""

    @property
    def label(self) -> str:
        """What to call it on screen (imported team names are shown literally by the view)."""
        if self.overall:
            return "Everyone"
        return self.team if self.team is not None else "No team"

    def value(self, key: str) -> float | None:
        """The average total ('ssi') or one pillar (None: no rep of the team gives it)."""
        value = getattr(self, key)
        return None if value is None else float(value)


@dataclass(frozen=True)
class OnTarget:
    """A rep at or above their target, and for how many weeks in a row."""

    row: LeaderboardRow
    streak: int
    """Consecutive ISO weeks on target, counting back from the as-of week (the last snapshot
    of each week); 0 when the rep has no snapshot in the as-of week itself."""


@dataclass(frozen=True)
class Standup:
    """Everything the stand-up pages show, for one as-of date and team."""

    board: Board
    gainers: tuple[LeaderboardRow, ...] = ()
    """Reps whose total rose since last week, biggest gain first."""
    fallers: tuple[LeaderboardRow, ...] = ()
    """Reps whose total fell since last week, biggest fall first."""
    teams: tuple[TeamAverage, ...] = ()
    """One average per team on the board, highest total first (reps without a team last)."""
    overall: TeamAverage | None = None
    """The average over every rep on the board; None when the board is empty."""
    on_target: tuple[OnTarget, ...] = ()
    """Reps at or above their target: longest streak first, then highest total."""
    chasing: tuple[LeaderboardRow, ...] = ()
    """The reps closest to their target from below (highest % of target first)."""
    streaks: dict[str, int] = field(default_factory=dict)
    """rep_id -> on-target streak, for every rep on the board."""

    @property
    def as_of(self) -> dt.date | None:
        """The board's as-of date (None when the database has no snapshots)."""
        return self.board.as_of


def _by_name(row: LeaderboardRow) -> tuple[str, str]:
    return (row.name.lower(), row.rep_id)


def moved(change: float | None) -> float:
    """A week-over-week change as the movers page counts it: 0 unless it shows as a move.

    Changes are shown to one decimal, so one that rounds to 0.0 is no move at all.
    """
    if change is None or round(change, 1) == 0:
        return 0.0
    return change


def movers(
    rows: Iterable[LeaderboardRow],
) -> tuple[tuple[LeaderboardRow, ...], tuple[LeaderboardRow, ...]]:
    """(gainers, fallers): biggest rise first, biggest fall first; ties by name.

    Reps without a snapshot a week earlier (change None) are neither.
    """
    rows = list(rows)
    gainers = sorted((r for r in rows if moved(r.change) > 0), key=_by_name)
    gainers.sort(key=lambda r: -moved(r.change))
    fallers = sorted((r for r in rows if moved(r.change) < 0), key=_by_name)
    fallers.sort(key=lambda r: moved(r.change))
    return tuple(gainers), tuple(fallers)


def _average(team: str | None, rows: Sequence[LeaderboardRow], *, overall: bool) -> TeamAverage:
    means = [_mean_given([getattr(r, key) for r in rows]) for key in TOTAL_KEYS]
    return TeamAverage(team, len(rows), *means, overall=overall)  # type: ignore[arg-type]


def _mean_given(values: Sequence[float | None]) -> float | None:
    """The mean of the values given: a total alone's pillars are left out, never read as 0."""
    given = [float(value) for value in values if value is not None]
    return sum(given) / len(given) if given else None


def team_averages(
    rows: Sequence[LeaderboardRow],
) -> tuple[tuple[TeamAverage, ...], TeamAverage | None]:
    """(one average per team, the average over all ROWS).

    Teams are ordered by average total, highest first, ties by name; reps without a team form
    their own group, always last. The overall average is None when there are no rows.
    """
    groups: dict[str | None, list[LeaderboardRow]] = {}
    for row in rows:
        groups.setdefault(row.team, []).append(row)
    named = [_average(team, members, overall=False) for team, members in groups.items() if team]
    named.sort(key=lambda a: (-a.ssi, (a.team or "").lower(), a.team or ""))
    if None in groups:
        named.append(_average(None, groups[None], overall=False))
    overall = _average(None, rows, overall=True) if rows else None
    return tuple(named), overall


def on_target(rows: Iterable[LeaderboardRow], streaks: dict[str, int]) -> tuple[OnTarget, ...]:
    """Reps whose total is at or above their own target, longest streak first.

    Ties: higher total first, then by name.
    """
    hits = [OnTarget(r, streaks.get(r.rep_id, 0)) for r in rows if r.ssi >= r.target]
    hits.sort(key=lambda h: _by_name(h.row))
    hits.sort(key=lambda h: (-h.streak, -h.row.ssi))
    return tuple(hits)


def chasing(
    rows: Iterable[LeaderboardRow], count: int = CHASING_SHOWN
) -> tuple[LeaderboardRow, ...]:
    """The COUNT reps closest to their target from below: highest % of target first."""
    below = sorted((r for r in rows if r.ssi < r.target), key=_by_name)
    below.sort(key=lambda r: -r.ssi / r.target)
    return tuple(below[:count])


def load_streaks(
    db_path: str | Path,
    *,
    as_of: dt.date,
    team: str | None = None,
    source: Source = "best",
    default_target: float = DEFAULT_TARGET,
) -> dict[str, int]:
    """rep_id -> on-target streak (see queries/standup_streaks.sql); read-only."""
    params = {
        "as_of": as_of,
        "team": team,
        "source": source,
        "default_target": default_target,
    }
    with store.open_read(db_path) as conn:
        records = conn.rows("standup_streaks", params)
    return {rep_id: int(streak) for rep_id, _target, streak in records}


def load_standup(
    db_path: str | Path,
    *,
    as_of: dt.date | None = None,
    team: str | None = None,
    default_target: float = DEFAULT_TARGET,
    anonymise: bool = False,
    source: Source = "best",
    exclude: Sequence[str] = (),
) -> Standup:
    """Read the board and the streaks (each in one short read-only connection) and derive the
    rest. AS_OF None means the latest date in the file; reps in EXCLUDE (opted out, by rep_id
    or name) are left out of everything, as on the board."""
    board = load_board(
        db_path,
        as_of=as_of,
        team=team,
        source=source,
        default_target=default_target,
        anonymise=anonymise,
        exclude=exclude,
    )
    if board.as_of is None:
        return Standup(board)
    shown = {r.rep_id for r in board.rows}
    streaks = {
        rep_id: streak
        for rep_id, streak in load_streaks(
            db_path, as_of=board.as_of, team=team, source=source, default_target=default_target
        ).items()
        if rep_id in shown
    }
    gainers, fallers = movers(board.rows)
    teams, overall = team_averages(board.rows)
    return Standup(
        board,
        gainers=gainers,
        fallers=fallers,
        teams=teams,
        overall=overall,
        on_target=on_target(board.rows, streaks),
        chasing=chasing(board.rows),
        streaks=streaks,
    )
