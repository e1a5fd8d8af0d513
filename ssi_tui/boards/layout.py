"""Which leaderboard columns fit a terminal width, and how wide each one is.

Columns give way in a fixed order as the terminal narrows: pillar sparklines shrink, then
hide; then the total's sparkline; then progress to target; then the team; only then is a
name cut. The figure the board is sorted by never gives way. A pure function,
so the rules are tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rich.cells import cell_len

from ssi_tui.model.board import TREND_WEEKS, LeaderboardRow
from ssi_tui.text import printable

GAP = 1
RANK_WIDTH = 4
MOVE_WIDTH = 4
SSI_WIDTH = 6
CHANGE_WIDTH = 6
PILLAR_VALUE_WIDTH = 5
MIN_SPARK = 4
MIN_NAME = 10
MIN_TEAM = 5
TARGET_WIDTH = 5
EST_WIDTH = 5
"""Room for ` est.` after an estimated total (only when the board has estimated rows)."""


@dataclass(frozen=True)
class RowMeasure:
    """What the column widths depend on in a board's rows (measured once per board)."""

    longest_name: int = 12
    longest_team: int = 0
    estimated: bool = False
    """Whether any row is an estimate (its total then gets an `est.` marker)."""
    reps: int = 0
    """How many rows: the rank column is as wide as the lowest rank (10,000 takes 5 cells)."""


def measure_rows(rows: Sequence[LeaderboardRow]) -> RowMeasure:
    """Widest name and team as shown; a pass over every row, so workers do it, not the UI."""
    if not rows:
        return RowMeasure()
    return RowMeasure(
        longest_name=max(map(_shown_width, {r.name for r in rows})),
        longest_team=max(map(_shown_width, {r.team or "" for r in rows})),
        estimated=any(r.source == "estimated" for r in rows),
        reps=len(rows),
    )


def _shown_width(text: str) -> int:
    """Cells TEXT takes once made printable (plain ASCII: its length, the common case)."""
    if text.isascii() and text.isprintable():
        return len(text)
    return cell_len(printable(text))


@dataclass(frozen=True)
class Layout:
    """Column widths for one terminal width (0 means hidden)."""

    name: int
    team: int
    total_spark: int
    pillar_spark: int
    target: int = 0
    """Width of the progress-to-target column (0: hidden)."""
    est: int = 0
    """Width of the `est.` marker after the total (0: no estimated row on the board)."""
    rank: int = RANK_WIDTH
    """Width of the rank column: wider than RANK_WIDTH only from 10,000 reps."""
    four_week: int = 0
    """Width of the 4-week change column, shown while the board is sorted by it (0: hidden)."""

    @property
    def pillar(self) -> int:
        """Width of a pillar cell: value, then (when shown) a space and its sparkline."""
        return PILLAR_VALUE_WIDTH + (GAP + self.pillar_spark if self.pillar_spark else 0)

    @property
    def ssi(self) -> int:
        """Width of the total cell: value, then (when shown) a space and its sparkline."""
        return SSI_WIDTH + self.est + (GAP + self.total_spark if self.total_spark else 0)


def _fixed(name: int, team: int, total_spark: int, pillar_spark: int, target: int = 0) -> int:
    layout = Layout(name, team, total_spark, pillar_spark, target)
    widths = [RANK_WIDTH, MOVE_WIDTH, name, layout.ssi, CHANGE_WIDTH, *[layout.pillar] * 4]
    if team:
        widths.append(team)
    if target:
        widths.append(target)
    return sum(widths) + GAP * (len(widths) - 1)


def fit_columns(
    width: int,
    longest_name: int,
    longest_team: int,
    *,
    estimated: bool = False,
    reps: int = 0,
    sorted_by: str = "ssi",
) -> Layout:
    """The richest layout that fits WIDTH, giving way in the documented order.

    ESTIMATED (some row is an estimate) reserves EST_WIDTH after the total for its marker;
    REPS, the number of rows, widens the rank column when its ranks need more digits. The
    figure a board is SORTED_BY is always shown: the 4-week change gets a column of its own,
    and progress to target keeps its column however narrow the terminal.
    """
    if sorted_by == "improvement":
        room = width - CHANGE_WIDTH - GAP
        layout = fit_columns(room, longest_name, longest_team, estimated=estimated, reps=reps)
        return replace(layout, four_week=CHANGE_WIDTH)
    if sorted_by == "target":
        layout = fit_columns(width, longest_name, longest_team, estimated=estimated, reps=reps)
        if not layout.target:
            room = width - TARGET_WIDTH - GAP
            layout = fit_columns(room, longest_name, longest_team, estimated=estimated, reps=reps)
            layout = replace(layout, target=TARGET_WIDTH)
        return layout
    rank = max(RANK_WIDTH, len(str(reps)))
    if rank > RANK_WIDTH:
        layout = fit_columns(
            width - (rank - RANK_WIDTH), longest_name, longest_team, estimated=estimated
        )
        return replace(layout, rank=rank)
    if estimated:
        layout = fit_columns(width - EST_WIDTH, longest_name, longest_team)
        return replace(layout, est=EST_WIDTH)
    name = max(MIN_NAME, min(longest_name, 28))
    team = max(MIN_TEAM, min(longest_team, 14)) if longest_team else 0

    tgt = TARGET_WIDTH
    for spark in range(TREND_WEEKS, MIN_SPARK - 1, -1):
        if _fixed(name, team, spark, spark, tgt) <= width:
            return _grow(width, Layout(name, team, spark, spark, tgt), longest_name)
    for spark in range(TREND_WEEKS, MIN_SPARK - 1, -1):
        if _fixed(name, team, spark, 0, tgt) <= width:
            return _grow(width, Layout(name, team, spark, 0, tgt), longest_name)
    if _fixed(name, team, 0, 0, tgt) <= width:
        return _grow(width, Layout(name, team, 0, 0, tgt), longest_name)
    if _fixed(name, team, 0, 0) <= width:
        return _grow(width, Layout(name, team, 0, 0), longest_name)
    if team:
        for shrunk in range(team, MIN_TEAM - 1, -1):
            if _fixed(name, shrunk, 0, 0) <= width:
                return Layout(name, shrunk, 0, 0)
    room_for_name = width - _fixed(0, 0, 0, 0)
    return Layout(max(MIN_NAME, min(name, room_for_name)), 0, 0, 0)


def _grow(width: int, layout: Layout, longest_name: int) -> Layout:
    """Give spare width back to a name that was capped."""
    spare = width - _fixed(
        layout.name, layout.team, layout.total_spark, layout.pillar_spark, layout.target
    )
    extra = max(0, min(spare, longest_name - layout.name))
    return replace(layout, name=layout.name + extra)
