"""One rep's estimated SSI on one date, re-derived term by term from the stored activity.

The model used is the one stored with the activity row (the one that wrote the estimate), so
the breakdown adds up to the number on the board even after imports with other models.
Shared by `ssi-tui model explain` and the drill-down's breakdown panel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ssi_tui import store
from ssi_tui.errors import SsiError
from ssi_tui.estimate.measures import MEASURE_KEYS
from ssi_tui.estimate.model import Model, parse_model
from ssi_tui.estimate.scoring import Estimate, score

SHOWN_DATES = 5
"""How many of a rep's activity dates an error names."""


class NoActivityError(SsiError):
    """The rep has no activity metrics (on that date), so there is no estimate to explain."""


@dataclass(frozen=True)
class Explanation:
    """An estimate and everything needed to show how it was reached."""

    rep_id: str
    name: str
    team: str | None
    date: dt.date
    model: Model
    activity: dict[str, float | None]
    estimate: Estimate
    stored: dict[str, float] | None
    """The estimated snapshot as stored (None if it is missing)."""
    official: dict[str, float] | None
    """LinkedIn's own numbers for that date, when imported too."""


def _records(conn: store.Store, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return conn.records(name, params)


def resolve_rep(conn: store.Store, who: str) -> tuple[str, str, str | None]:
    """(rep_id, name, team) of the rep WHO names: an exact id, else an exact name (any case)."""
    matches = conn.rows("rep_lookup", [who, who, who])
    exact = [m for m in matches if m[0].lower() == who.lower()]
    if exact:
        return exact[0]
    if not matches:
        raise SsiError(f"no rep with the id or name '{who}'.")
    if len(matches) > 1:
        ids = ", ".join(m[0] for m in matches)
        raise SsiError(f"several reps are called '{who}' ({ids}); give the rep_id.")
    return matches[0]


def _no_activity(conn: store.Store, rep_id: str, date: dt.date | None) -> SsiError:
    dates = [r["snapshot_date"] for r in _records(conn, "activity_dates", {"rep_id": rep_id})]
    if not dates:
        return NoActivityError(f"'{rep_id}' has no activity metrics: nothing was estimated.")
    shown = ", ".join(d.isoformat() for d in dates[:SHOWN_DATES])
    more = f" and {len(dates) - SHOWN_DATES} earlier" if len(dates) > SHOWN_DATES else ""
    return NoActivityError(
        f"'{rep_id}' has no activity metrics on {date}; dates with some: {shown}{more}."
    )


def explain_in(
    conn: store.Store,
    rep_id: str,
    name: str,
    team: str | None,
    date: dt.date | None = None,
) -> Explanation:
    """The explanation for REP_ID on DATE (default: their latest activity date)."""
    found = _records(conn, "explain_activity", {"rep_id": rep_id, "date": date})
    if not found:
        raise _no_activity(conn, rep_id, date)
    record = found[0]
    when: dt.date = record["snapshot_date"]
    model = parse_model(record["model_text"], f"model '{record['name']}' (stored)")
    activity = {key: record[key] for key in MEASURE_KEYS}
    by_source = {
        r["source"]: {k: r[k] for k in ("ssi", "brand", "people", "insights", "relationships")}
        for r in _records(conn, "explain_snapshots", {"rep_id": rep_id, "date": when})
    }
    return Explanation(
        rep_id,
        name,
        team,
        when,
        model,
        activity,
        score(model, activity),
        by_source.get("estimated"),
        by_source.get("official"),
    )


def load_explanation(
    db_path: str | Path,
    who: str,
    *,
    date: dt.date | None = None,
    exclude: Sequence[str] = (),
) -> Explanation:
    """Read-only: WHO (a rep_id or a name) and DATE (default: the latest) explained.

    A rep in EXCLUDE (the config's opt-out list: ids or names, any case) is not found, as if
    never imported.
    """
    excluded = {e.strip().lower() for e in exclude if e.strip()}
    with store.open_read(db_path) as conn:
        rep_id, name, team = resolve_rep(conn, who)
        if rep_id.lower() in excluded or name.lower() in excluded:
            raise SsiError(f"no rep with the id or name '{who}'.")
        return explain_in(conn, rep_id, name, team, date)


def load_for_rep(db_path: str | Path, rep_id: str, date: dt.date) -> Explanation | None:
    """Read-only, for the drill-down: REP_ID's estimate on DATE, or None without activity."""
    with store.open_read(db_path) as conn:
        info = conn.rows("rep_info", {"rep_id": rep_id})
        if not info:
            return None
        name, team = info[0]
        try:
            return explain_in(conn, rep_id, name, team, date)
        except NoActivityError:
            return None
