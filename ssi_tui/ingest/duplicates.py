"""Rows that say the same thing twice, or two different things about one rep and day.

An export (or several imported together) may repeat a row: identical repeats are harmless and
kept once, but two rows for one rep, date and source with different values cannot both be
right. Used for SSI rows (validate.py, and the importer across files) and for activity rows
(activity.py), each with its own key and values.
"""

from __future__ import annotations

import polars as pl

from ssi_tui.errors import Problem
from ssi_tui.ingest.columns import FILE, LINE, VALUE_COLUMNS


def drop_duplicate_snapshots(
    rows: pl.DataFrame,
    *,
    key: tuple[str, ...] = ("rep_id", "snapshot_date", "source"),
    values: tuple[str, ...] = VALUE_COLUMNS,
) -> tuple[pl.DataFrame, list[Problem]]:
    """Keep one row of identical duplicates; reject every row of conflicting ones.

    Two rows for the same rep, date and source with different values cannot both be right, so
    neither is imported and both lines are reported. KEY and VALUES let activity rows (keyed
    by rep and date, see ingest/activity.py) follow the same rule.
    """
    if {"rep_id", "snapshot_date"} <= set(key) and _one_row_per_rep_and_day(rows):
        return rows, []
    dupes = rows.filter(pl.struct(key).is_duplicated())
    if dupes.is_empty():
        return rows, []
    distinct_values = dupes.group_by(key).agg(
        pl.struct(values).n_unique().alias("variants"),
        pl.struct(FILE, LINE).alias("places"),
    )
    conflicting = distinct_values.filter(pl.col("variants") > 1)
    problems: list[Problem] = []
    rejected: set[tuple[str, int]] = set()
    for record in conflicting.iter_rows(named=True):
        rep_id, date, places = record["rep_id"], record["snapshot_date"], record["places"]
        spots = sorted((p[FILE], p[LINE]) for p in places)
        rejected.update(spots)
        for file, line in spots:
            others = ", ".join(
                str(n) if f == file else f"{f}:{n}" for f, n in spots if (f, n) != (file, line)
            )
            problems.append(
                Problem(
                    file,
                    f"conflicting rows for rep '{rep_id}' on {date} (also line {others});"
                    " expected one row per rep and date",
                    line=line,
                    column="date",
                )
            )
    is_rejected = pl.struct(FILE, LINE).is_in(
        pl.Series([{FILE: f, LINE: n} for f, n in sorted(rejected)]).implode()
    )
    kept = rows.filter(~is_rejected).unique(subset=list(key), keep="first", maintain_order=True)
    return kept, problems


def _one_row_per_rep_and_day(rows: pl.DataFrame) -> bool:
    """True when no two rows share a rep and a date (so no two share any key holding both).

    Counted as one integer per row (rep number, date): a million of those are distinct-counted
    several times faster than is_duplicated() finds duplicates among strings. Nulls count as
    one value, so two null keys merely send the caller down the exact path.
    """
    rep = pl.col("rep_id").cast(pl.Categorical).to_physical().cast(pl.Int64)
    day = pl.col("snapshot_date").cast(pl.Int32).cast(pl.Int64) + 2**31
    return rows.select((rep * 2**32 + day).n_unique()).item() == rows.height
