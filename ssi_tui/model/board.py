"""The leaderboard model: plain values built from the named queries, shared by CLI and app.

No Textual and no Polars here: this is what the viewer loads on start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from itertools import islice
from operator import attrgetter, le
from pathlib import Path
from typing import Any, Literal

from ssi_tui import store
from ssi_tui.model.source import Source
from ssi_tui.pillars import PILLAR_KEYS

SortKey = Literal[
    "ssi",
    "brand",
    "people",
    "insights",
    "relationships",
    "change",
    "name",
    "target",
    "improvement",
]
SORT_KEYS: tuple[str, ...] = ("ssi", *PILLAR_KEYS, "change", "name", "target", "improvement")
_SORT_FIELDS = {"target": "pct_of_target", "improvement": "change_4w"}
"""Sort keys whose value lives under another name."""
DEFAULT_TARGET = 70.0
TREND_WEEKS = 12
NO_TREND = "·" * TREND_WEEKS


_BARS = "▁▂▃▄▅▆▇█"
BEFORE_FIRST = " "
"""A week before the rep's first snapshot: nothing to draw."""
MISSED_WEEK = "·"
"""A week without a snapshot after the rep's first one; in a pillar's trend, also a week whose
snapshot gave the total alone (a gap, never a bar of 0)."""
_WEEK_BITS = 10
_WEEK_MASK = (1 << _WEEK_BITS) - 1
PILLAR_TOP, TOTAL_TOP = 25.0, 100.0
"""The fixed scale's top: a pillar is 0-25, the total 0-100."""
MIN_SPAN = {PILLAR_TOP: 2.0, TOTAL_TOP: 4.0}
"""The narrowest range a rep's own scale spans: a pillar moving by tenths (the total by a few
tenths on each of four pillars) is noise and stays a flat run, not a mountain range."""


_BARS_TO_8 = _BARS + _BARS[-1]
"""Bars by height 0-8: the top of the range, height 8, is the highest bar too."""
_GAPS = (BEFORE_FIRST, MISSED_WEEK)
_OLDEST_FIRST = tuple(range(_WEEK_BITS * (TREND_WEEKS - 1), -1, -_WEEK_BITS))
"""Bit offsets of the weeks in a trend's two halves put together, oldest first (see
queries/leaderboard.sql)."""


@lru_cache(maxsize=16384)
def spell_trend(
    recent: int | None, older: int | None = 0, top: float = PILLAR_TOP, *, own_scale: bool = True
) -> str:
    """A packed trend (see queries/leaderboard.sql: weeks ago 0-5 in RECENT, 6-11 in OLDER) as
    TREND_WEEKS bars, oldest week first.

    OWN_SCALE: the bars span the rep's own lowest to highest value over the weeks (at least
    MIN_SPAN[TOP]), so a climb from 21.6 to 23.6 shows as one; else the fixed scale 0-TOP, on
    which rows compare. Worked in tenths, so no rounding moves a bar.
    """
    if recent is None:
        return NO_TREND
    code = (older or 0) << (_WEEK_BITS * TREND_WEEKS // 2) | recent
    digits = [code >> shift & _WEEK_MASK for shift in _OLDEST_FIRST]
    tenths = [digit - 2 for digit in digits if digit > 1]
    if not tenths:
        return "".join([_GAPS[digit] for digit in digits])
    low, high = min(tenths), max(tenths)
    # Bar height of a value t: (t - bottom) * 8 / span, in sixteenths to stay in integers.
    if not own_scale:
        bottom16, span = 0, round(top * 10)
    elif high - low >= round(MIN_SPAN[top] * 10):
        bottom16, span = 16 * low, high - low
    else:
        # Narrower than MIN_SPAN: the values' middle drawn mid-bar (height 4.5), so a tenth
        # either side of it stays the same bar.
        span = round(MIN_SPAN[top] * 10)
        bottom16 = 8 * (low + high) - 9 * span
    # digit - 2 = t: the height is ((digit - 2) * 16 - bottom16) * 8 // (16 * span), which is
    # 0-8 for every value of the range (on the fixed scale: for every value within 0-TOP).
    offset, step, bars = 32 + bottom16, 2 * span, _BARS_TO_8
    if not own_scale and (low < 0 or high > span):  # stored outside 0-TOP: clamped
        heights = [min(8, max(0, (16 * digit - offset) // step)) for digit in digits]
        return "".join(
            [bars[h] if d > 1 else _GAPS[d] for h, d in zip(heights, digits, strict=True)]
        )
    return "".join([bars[(16 * d - offset) // step] if d > 1 else _GAPS[d] for d in digits])


class Trends:
    """The weekly values of the total and each pillar, one per ISO week, last 12 weeks.

    Kept packed (two integers per series) and spelled out as bars on first use: a board of
    10,000 reps only ever draws the rows on screen, on whichever scale is shown.
    """

    __slots__ = ("codes",)

    def __init__(self, codes: Sequence[int | None] = (None,) * 10) -> None:
        self.codes = tuple(codes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Trends) and other.codes == self.codes

    def __hash__(self) -> int:
        return hash(self.codes)

    def __repr__(self) -> str:
        return f"Trends(ssi={self.ssi!r}, brand={self.brand!r}, people={self.people!r}, ...)"

    def bars(self, series: str, *, own_scale: bool = True) -> str:
        """SERIES (`ssi` or a pillar key) as bars, on the rep's own scale or the fixed one."""
        index = _SERIES.index(series)
        top = TOTAL_TOP if index == 0 else PILLAR_TOP
        codes = self.codes
        return spell_trend(codes[2 * index], codes[2 * index + 1], top, own_scale=own_scale)

    ssi = property(lambda self: self.bars("ssi"), doc="The total's bars, on its own scale.")
    brand = property(lambda self: self.bars("brand"))
    people = property(lambda self: self.bars("people"))
    insights = property(lambda self: self.bars("insights"))
    relationships = property(lambda self: self.bars("relationships"))


_SERIES = ("ssi", *PILLAR_KEYS)


@dataclass(frozen=True)
class LeaderboardRow:
    """One rep on the board: their latest snapshot on or before the as-of date."""

    rank: int
    """Standing by total SSI on this board (ties broken by name)."""
    rep_id: str
    name: str
    team: str | None
    ssi: float
    brand: float | None
    """A pillar; None when the snapshot gave its total alone (never 0: not given)."""
    people: float | None
    insights: float | None
    relationships: float | None
    change: float | None
    """Total minus the latest total on or before (this snapshot's date - 7 days); None when the
    row is stale (see weeks_old)."""
    change_4w: float | None
    as_of: dt.date
    """Date of the snapshot shown (may be before the board's as-of date)."""
    prev_rank: int | None
    """Standing on the board a week earlier; None when the rep was not on it."""
    industry_rank: float | None = None
    network_rank: float | None = None
    industry_avg: float | None = None
    network_avg: float | None = None
    source: str = "official"
    weeks_old: int = 0
    """ISO weeks between this snapshot's week and the board's: above 0 the row is stale (its
    change and change_4w are then None, not carried from weeks before)."""
    trends: Trends = field(default_factory=Trends)
    target: float = DEFAULT_TARGET
    """The rep's target total: their own, else their team's, else the default."""
    alias: str | None = None
    """Set when the board is anonymised: the pseudonymous id shown instead of rep_id."""

    @property
    def pct_of_target(self) -> float:
        """Progress to target: 100 x total / target, one decimal."""
        return round(100 * self.ssi / self.target, 1)

    @property
    def stale(self) -> bool:
        """Whether the snapshot shown is from a week before the board's."""
        return self.weeks_old > 0

    @property
    def age(self) -> str:
        """How old a stale row's snapshot is, as shown beside it (`2w`); empty when current."""
        return f"{self.weeks_old}w" if self.weeks_old > 0 else ""

    @property
    def public_id(self) -> str:
        """The id safe to show and export (a pseudonym when anonymised)."""
        return self.alias or self.rep_id

    def value(self, key: str) -> float | str | None:
        """The value a sort key refers to."""
        return getattr(self, _SORT_FIELDS.get(key, key))

    @property
    def movement(self) -> str:
        """Rank movement since last week: ▲3, ▼1, – (same) or NEW."""
        if self.prev_rank is None:
            return "NEW"
        step = self.prev_rank - self.rank
        if step > 0:
            return f"▲{step}"
        if step < 0:
            return f"▼{-step}"
        return "–"


@dataclass(frozen=True)
class Board:
    """Everything the leaderboard shows for one as-of date, team and source."""

    as_of: dt.date | None
    """None when the database holds no snapshots at all."""
    team: str | None
    source: str
    rows: tuple[LeaderboardRow, ...]
    dates: tuple[dt.date, ...] = ()
    """Every snapshot date in the file, oldest first."""
    teams: tuple[str, ...] = ()
    anonymised: bool = False

    def average(self, key: str) -> float | None:
        """Mean of one numeric column over the rows shown."""
        values = [v for r in self.rows if (v := r.value(key)) is not None]
        return sum(values) / len(values) if values else None  # type: ignore[arg-type]

    def at_or_above(self, target: float) -> int:
        """How many reps are on or over the target total."""
        return sum(1 for r in self.rows if r.ssi >= target)


def sort_rows(
    rows: Sequence[LeaderboardRow], key: str = "ssi", *, reverse: bool = False
) -> list[LeaderboardRow]:
    """Board order: descending, except `name` ascending; ties by name; missing values last.

    `reverse` flips the direction of the key only: ties stay by name, missing values stay last.
    """
    return order_rows(by_name(rows), key, reverse=reverse)


def by_name(rows: Sequence[LeaderboardRow]) -> list[LeaderboardRow]:
    """ROWS in name order (case-insensitive, then rep_id): the tie-break of every sort."""
    return sorted(rows, key=lambda row: (row.name.lower(), row.rep_id))


def order_rows(
    named: Sequence[LeaderboardRow], key: str = "ssi", *, reverse: bool = False
) -> list[LeaderboardRow]:
    """sort_rows for rows already in by_name order (the app keeps that order per board).

    Python's sort is stable, also with reverse=True, so one sort on the bare value keeps
    ties in name order: a 10,000-row re-sort costs a few milliseconds instead of forty.
    """
    if key not in SORT_KEYS:
        raise ValueError(f"unknown sort key {key!r}; expected one of {', '.join(SORT_KEYS)}")
    if key == "name":
        return list(reversed(named)) if reverse else list(named)
    value = attrgetter(_SORT_FIELDS.get(key, key))
    present = [r for r in named if value(r) is not None]
    missing = [r for r in named if value(r) is None]
    present.sort(key=value, reverse=not reverse)
    return present + missing


def in_total_order(rows: Sequence[LeaderboardRow]) -> bool:
    """Whether ROWS are in sort_rows(ROWS) order, as a board arrives ranked by total, then
    lower(name), then rep_id. DuckDB's lower() may differ from Python's beyond ASCII, so that
    is checked, not assumed: far cheaper than sorting (docs/performance.md#preparing-a-board)."""
    keys = [(-r.ssi, r.name.lower(), r.rep_id) for r in rows]
    return all(map(le, keys, islice(keys, 1, None)))


def known_team(team: str | None, teams: Sequence[str]) -> str | None:
    """TEAM as the file spells it (`smb` finds SMB), or None when no team of TEAMS is it."""
    if team is None:
        return None
    return next((known for known in teams if known.lower() == team.lower()), None)


def no_such_team(team: str, teams: Sequence[str]) -> str:
    """What to say when TEAM names no team of the file: the teams it has."""
    return f"no team called '{team}' (teams: {', '.join(teams) or 'none yet'})."


def _query(conn: store.Store, name: str, params: dict[str, object]) -> list[tuple]:
    return conn.rows(name, params)


def load_board(
    db_path: str | Path,
    *,
    as_of: dt.date | None = None,
    team: str | None = None,
    source: Source | str = Source.BEST,
    with_trends: bool = False,
    default_target: float = DEFAULT_TARGET,
    anonymise: bool = False,
    exclude: Sequence[str] = (),
) -> Board:
    """Read the board from the database (read-only, connection closed before returning).

    Reps named in EXCLUDE (by rep_id or name, any case) are left out before ranking, as if
    they were never imported: they opted out of being shown.
    """
    with store.open_read(db_path) as conn:
        return read_board(
            conn,
            as_of=as_of,
            team=team,
            source=source,
            with_trends=with_trends,
            default_target=default_target,
            anonymise=anonymise,
            exclude=exclude,
        )


def read_board(
    conn: Any,
    *,
    as_of: dt.date | None = None,
    team: str | None = None,
    source: Source | str = Source.BEST,
    with_trends: bool = False,
    default_target: float = DEFAULT_TARGET,
    anonymise: bool = False,
    exclude: Sequence[str] = (),
) -> Board:
    """load_board on an open read connection (the app keeps one between loads)."""
    source = Source(source).value  # a bad source fails here, not in the query
    dates = tuple(d for (d,) in _query(conn, "snapshot_dates", {"source": source}))
    teams = tuple(t for (t,) in _query(conn, "teams", {}))
    team = known_team(team, teams) or team
    if as_of is None:
        as_of = dates[-1] if dates else None
    if as_of is None:
        return Board(None, team, source, (), dates, teams, anonymise)
    params = {
        "as_of": as_of,
        "team": team,
        "source": source,
        "excluded": [who.strip().lower() for who in exclude if who.strip()],
        "with_trends": with_trends,
        "default_target": default_target,
    }
    rows = tuple(_row(record) for record in _query(conn, "leaderboard", params))
    if anonymise:
        aliases = pseudonyms(conn)
        rows = tuple(_anonymised(row, aliases) for row in rows)
    return Board(as_of, team, source, rows, dates, teams, anonymise)


_ROW_FIELDS = tuple(f.name for f in fields(LeaderboardRow))
_TRENDS_AT = _ROW_FIELDS.index("trends")
"""queries/leaderboard.sql returns the row's fields in order up to `trends`, then the two
packed halves of each of the five trends, then the target."""


def _row(record: tuple) -> LeaderboardRow:
    """A LeaderboardRow from one query record, without the frozen dataclass's __init__.

    That __init__ sets each field through object.__setattr__ (about 4 us a row); the app
    builds a board of up to 10,000 rows on every as-of change, so the fields go into the
    instance dict in one step instead (same result: a frozen, fully set row).
    """
    row = object.__new__(LeaderboardRow)
    values = (
        *record[:_TRENDS_AT],
        Trends(record[_TRENDS_AT : _TRENDS_AT + 10]),
        record[_TRENDS_AT + 10],
        None,
    )
    row.__dict__.update(zip(_ROW_FIELDS, values, strict=True))
    return row


def pseudonyms(conn: Any) -> dict[str, int]:
    """rep_id -> stable pseudonym number (see queries/rep_pseudonyms.sql)."""
    return {rep_id: number for rep_id, number in _query(conn, "rep_pseudonyms", {})}


def pseudonym(number: int, width: int = 2) -> str:
    """`Rep 07`: what an anonymised view shows instead of a name."""
    return f"Rep {number:0{width}d}"


def _anonymised(row: LeaderboardRow, numbers: dict[str, int]) -> LeaderboardRow:
    width = max(2, len(str(len(numbers))))
    number = numbers.get(row.rep_id, 0)
    return replace(row, name=pseudonym(number, width), alias=f"rep-{number:0{width}d}")
