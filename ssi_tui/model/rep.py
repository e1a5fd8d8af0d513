"""The rep drill-down model: one rep's history up to the board's as-of date, and coaching.

Plain values and pure functions, no Textual and no Polars, so that the screen stays a thin view
and every rule here (changes, falls, weakest pillar, peer averages) is tested without a terminal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

from ssi_tui import store
from ssi_tui.errors import SsiError
from ssi_tui.model.board import LeaderboardRow, Source
from ssi_tui.pillars import PILLARS, Pillar
from ssi_tui.store.postgres_sql import is_server_url

FALL_POINTS = 2.0
"""A pillar that lost at least this much over FALL_DAYS gets coaching."""
FALL_DAYS = 28
SUGGESTIONS_PER_PILLAR = 2
_EPSILON = 1e-9
"""Stored values have two decimals; differences are compared with this much slack."""


class RepNotFoundError(SsiError):
    """The rep is not (or no longer) in the database, e.g. after a re-import elsewhere."""

    def __init__(self, rep_id: str, db_path: str | Path) -> None:
        where = store.shown(db_path) if is_server_url(db_path) else Path(db_path).name
        super().__init__(f"{rep_id}: no such rep in {where}")


@dataclass(frozen=True)
class Snapshot:
    """One dated SSI reading of one rep, from the source the board chose for that date."""

    date: dt.date
    source: str
    ssi: float
    brand: float | None
    """A pillar; None when the snapshot gave its total alone (never 0: not given)."""
    people: float | None
    insights: float | None
    relationships: float | None
    industry_rank: float | None = None
    network_rank: float | None = None
    industry_avg: float | None = None
    network_avg: float | None = None

    def value(self, key: str) -> float | None:
        """The total ('ssi') or one pillar, by key; None for a pillar not given."""
        value = getattr(self, key)
        return None if value is None else float(value)

    @property
    def pillars_given(self) -> bool:
        """Whether the snapshot gives all four pillars (else some or all are not given)."""
        return all(getattr(self, p.key) is not None for p in PILLARS)

    @property
    def pillars_missing(self) -> tuple[Pillar, ...]:
        """The pillars this snapshot does not give (all four for a total alone)."""
        return tuple(p for p in PILLARS if getattr(self, p.key) is None)


@dataclass(frozen=True)
class RepDetail:
    """Everything the drill-down shows that is not already on the board."""

    rep_id: str
    name: str
    team: str | None
    as_of: dt.date
    source: str
    history: tuple[Snapshot, ...]
    """Every snapshot on or before as_of, newest first (may be empty)."""

    @property
    def latest(self) -> Snapshot | None:
        """The snapshot the board shows for this rep."""
        return self.history[0] if self.history else None

    def at_or_before(self, date: dt.date) -> Snapshot | None:
        """The latest snapshot on or before DATE: the reading that was current then."""
        return next((s for s in self.history if s.date <= date), None)

    def change(self, index: int, key: str) -> float | None:
        """history[index]'s value minus the latest earlier snapshot that gives it; None for the
        oldest one, and for a pillar not given (a total alone is skipped, never read as 0)."""
        if not 0 <= index < len(self.history):
            return None
        value = self.history[index].value(key)
        before = next(
            (v for s in self.history[index + 1 :] if (v := s.value(key)) is not None), None
        )
        return None if value is None or before is None else round(value - before, 3)

    def given_at_or_before(self, date: dt.date, key: str) -> float | None:
        """KEY's value in the latest snapshot on or before DATE that gives it."""
        return next(
            (v for s in self.history if s.date <= date and (v := s.value(key)) is not None), None
        )

    def change_over(self, key: str, days: int = FALL_DAYS) -> float | None:
        """Latest value on or before as_of minus the latest on or before (as_of - DAYS).

        Anchored on the board's as-of date (not on the rep's last snapshot) so that a rep who
        stopped exporting is compared over the same window as everyone else.
        A snapshot of a total alone is skipped for a pillar: its latest given value counts.
        """
        now = self.given_at_or_before(self.as_of, key)
        then = self.given_at_or_before(self.as_of - dt.timedelta(days=days), key)
        if now is None or then is None:
            return None
        return round(now - then, 3)

    @property
    def latest_with_pillars(self) -> Snapshot | None:
        """The latest snapshot that gives all four pillars (a total alone has none to rank)."""
        return next((s for s in self.history if s.pillars_given), None)

    def weakest_pillar(self) -> Pillar | None:
        """The lowest pillar in the latest snapshot giving all four (ties: LinkedIn's order);
        None when none does: a weakest pillar is never picked among pillars not given."""
        latest = self.latest_with_pillars
        return None if latest is None else weakest_of(latest)


def _number(values: Snapshot | LeaderboardRow, key: str) -> float | None:
    """A numeric column of a snapshot or board row (LeaderboardRow.value also serves names);
    None for a pillar not given."""
    value = values.value(key)
    if value is None:
        return None
    if not isinstance(value, int | float):
        raise TypeError(f"{key} is not a number: {value!r}")
    return float(value)


def pillar_values(values: Snapshot | LeaderboardRow) -> dict[str, float | None]:
    """The four pillar values of a snapshot or a board row, by key (None: not given)."""
    return {p.key: _number(values, p.key) for p in PILLARS}


def not_given_note(values: Snapshot | LeaderboardRow, date: dt.date) -> str | None:
    """What the drill-down says of the pillars a snapshot did not give; None when all four are
    given. 'Pillars not given for 2026-12-06 (a total alone)'."""
    missing = [p.short for p in PILLARS if _number(values, p.key) is None]
    if not missing:
        return None
    if len(missing) == len(PILLARS):
        return f"Pillars not given for {date.isoformat()} (a total alone)"
    return f"{', '.join(missing)} not given for {date.isoformat()}"


def weakest_of(values: Snapshot | LeaderboardRow) -> Pillar | None:
    """The pillar with the lowest value (ties: LinkedIn's pillar order); None unless all four
    are given, since a pillar not given might be the lowest.

    All four are out of the same 25, so the lowest value is the one with most room to grow.
    """
    given = {key: value for key, value in pillar_values(values).items() if value is not None}
    if len(given) < len(PILLARS):
        return None
    return min(PILLARS, key=lambda p: given[p.key])


@dataclass(frozen=True)
class Coaching:
    """Suggestions for one pillar, with why that pillar was picked."""

    pillar: Pillar
    reasons: tuple[str, ...]
    """e.g. ('weakest pillar', 'fell 2.40 over 4 weeks')."""
    suggestions: tuple[str, ...]

    @property
    def heading(self) -> str:
        """The pillar's label and the reasons, for a one-line title."""
        return f"{self.pillar.label}: {', '.join(self.reasons)}"


def _as_of_note(detail: RepDetail) -> str:
    """When the weakest pillar comes from an older snapshot than the one shown (which gave a
    total alone), the date it is from: ` on 2026-11-29`."""
    source = detail.latest_with_pillars
    return "" if source is None or source is detail.latest else f" on {source.date.isoformat()}"


def _window(days: int) -> str:
    if days % 7 == 0:
        weeks = days // 7
        return f"{weeks} week{'s' if weeks != 1 else ''}"
    return f"{days} days"


def coaching_for(
    detail: RepDetail,
    *,
    fall: float = FALL_POINTS,
    days: int = FALL_DAYS,
    per_pillar: int = SUGGESTIONS_PER_PILLAR,
) -> list[Coaching]:
    """Coaching for the weakest pillar, then for each pillar that fell FALL or more over DAYS.

    The weakest pillar comes first; falling pillars follow, biggest fall first. A pillar that
    is both weakest and falling appears once, with both reasons.
    """
    if detail.latest is None:
        return []
    reasons: dict[str, list[str]] = {}
    weakest = detail.weakest_pillar()
    if weakest is not None:
        reasons[weakest.key] = ["weakest pillar" + _as_of_note(detail)]
    falls: list[tuple[float, int, Pillar]] = []
    for position, pillar in enumerate(PILLARS):
        delta = detail.change_over(pillar.key, days)
        if delta is not None and delta <= -fall + _EPSILON:
            falls.append((delta, position, pillar))
    for delta, _position, pillar in sorted(falls):
        reasons.setdefault(pillar.key, []).append(f"fell {-delta:.2f} over {_window(days)}")
    pillars = {p.key: p for p in PILLARS}
    return [
        Coaching(pillars[key], tuple(why), pillars[key].coaching[:per_pillar])
        for key, why in reasons.items()
    ]


@dataclass(frozen=True)
class PeerAverages:
    """Pillar averages of the rep's peers on the board: their team, or everyone shown."""

    label: str
    """What the average is over, e.g. 'Enterprise team average (12 reps)'."""
    values: tuple[tuple[str, float], ...]
    """(pillar key, average) pairs; empty when there are no peers."""
    count: int

    def average(self, key: str) -> float | None:
        """The peers' average of one pillar."""
        return dict(self.values).get(key)


def peer_averages(rows: Sequence[LeaderboardRow], team: str | None) -> PeerAverages:
    """Average of each pillar over the board's rows of TEAM, or over all rows when TEAM is None.

    The rep is one of their own peers here, as on the board. The label names which average it
    is, so a rep without a team is never compared with a 'team' that does not exist.
    """
    peers = [r for r in rows if r.team == team] if team is not None else list(rows)
    count = len(peers)
    reps = f"{count} rep{'s' if count != 1 else ''}"
    label = (
        f"{team} team average ({reps})"
        if team is not None
        else f"board average ({reps}; this rep has no team)"
    )
    # attrgetter and map: a tenth of a loop's time (docs/performance.md#the-drill-down).
    values = tuple(
        (p.key, average)
        for p in PILLARS
        if (average := _mean_given(map(attrgetter(p.key), peers))) is not None
    )
    return PeerAverages(label, values, count)


def _mean_given(values: Iterable[float | None]) -> float | None:
    """The mean of the values given (a total alone's pillars are left out, never read as 0)."""
    given = [value for value in values if value is not None]
    return sum(given) / len(given) if given else None


def load_rep(
    db_path: str | Path,
    rep_id: str,
    *,
    as_of: dt.date,
    source: Source | str = "best",
) -> RepDetail:
    """Read one rep's history up to AS_OF (read-only, connection closed before returning).

    Raises RepNotFoundError when the rep is not in the database.
    """
    [(_, detail)] = read_reps(db_path, [rep_id], as_of=as_of, source=source)
    if detail is None:
        raise RepNotFoundError(rep_id, db_path)
    return detail


def read_reps(
    db_path: str | Path,
    rep_ids: Sequence[str],
    *,
    as_of: dt.date,
    source: Source | str = "best",
) -> Iterator[tuple[str, RepDetail | None]]:
    """Each of REP_IDS with its history up to AS_OF (None: not in the database), in turn.

    All on one read-only connection, open until the last is read: opening one costs more than
    reading a history, so the drill-down reads the reps either side along with the one shown.
    """
    with store.open_read(db_path) as conn:
        for rep_id in rep_ids:
            params = {"rep_id": rep_id, "as_of": as_of, "source": source}
            records = conn.rows("rep_history", params)
            if not records:
                yield rep_id, None
                continue
            name, team = records[0][:2]
            # Without a snapshot by AS_OF, the one row holds only the name and team
            # (snapshot_date NULL).
            history = tuple(Snapshot(*record[2:]) for record in records if record[2] is not None)
            yield rep_id, RepDetail(rep_id, name, team, as_of, str(source), history)
