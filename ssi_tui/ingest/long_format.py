"""Long ("tidy") exports: one metric per row, pivoted to one row per rep and date.

BI tools and API dumps write `date, rep, metric, value` with `metric` holding names such as
`PROFESSIONAL_BRAND` or `Social Selling Index`. Metric names go through the same alias table
as wide headers, so every name a wide export may use works here too; a name it does not know
is an error at its line, never a silently dropped score.
"""

from __future__ import annotations

from dataclasses import replace

import polars as pl

from ssi_tui.errors import InvalidExportError, Problem
from ssi_tui.ingest.header_map import HeaderMap
from ssi_tui.ingest.headers import canonical_name, normalise_header
from ssi_tui.pillars import PILLAR_KEYS

LINE = "__line__"
_METRIC = "__metric__"
_SEPARATOR = "\x1f"

METRIC_HEADERS: tuple[str, ...] = (
    "metric",
    "field",
    "measure",
    "metric_name",
    "pillar",
    "kpi",
    "indicator",
)
"""Headers of the column naming the metric in a long export."""

VALUE_HEADERS: tuple[str, ...] = ("value", "metric_value", "score", "val")
"""Headers of the column holding its value (`score` only once a metric column is present)."""

METRICS: tuple[str, ...] = (
    "ssi",
    *PILLAR_KEYS,
    "industry_rank",
    "network_rank",
    "industry_avg",
    "network_avg",
)
"""Canonical columns a metric name may stand for."""


def long_columns(headers: list[str]) -> tuple[str, str] | None:
    """(metric header, value header) when HEADERS describe a long export, else None.

    An export with pillar columns of its own is wide, whatever else it holds.
    """
    by_key = {normalise_header(h): h for h in headers if h != LINE}
    metric = next((by_key[k] for k in map(normalise_header, METRIC_HEADERS) if k in by_key), None)
    value = next((by_key[k] for k in map(normalise_header, VALUE_HEADERS) if k in by_key), None)
    if metric is None or value is None:
        return None
    if any(canonical_name(h) in PILLAR_KEYS for h in headers if h not in (metric, value)):
        return None
    return metric, value


def widen(
    frame: pl.DataFrame,
    file: str,
    metric: str,
    value: str,
    *,
    unit: str = "line",
    header_map: HeaderMap | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The wide table (one row per rep and date, LINE = its first line) and where cells came from.

    The second frame has LINE plus one column per metric giving the line that metric's value
    came from, so a problem found after pivoting still points at the right line.
    Raises InvalidExportError for unknown metric names and for one metric given twice with
    different values. HEADER_MAP (--map) names metrics explicitly, as it names headers.
    """
    names = frame.get_column(metric).str.strip_chars()
    explicit = header_map or HeaderMap()
    mapping = {
        name: target
        for name in names.drop_nulls().unique().to_list()
        if (target := explicit.column_for(name) or canonical_name(name)) in METRICS
    }
    long = frame.with_columns(
        names.replace_strict(mapping, default=None, return_dtype=pl.String).alias(_METRIC)
    )
    unknown = long.filter(pl.col(_METRIC).is_null())
    expected = "expected one of " + ", ".join(METRICS) + " or one of their usual names"
    problems = [
        Problem(
            file,
            f"unknown metric '{name}' ({expected})"
            if name
            else f"missing metric name ({expected})",
            line=line,
            column=metric,
            unit=unit,
        )
        for name, line in unknown.select(pl.col(metric).str.strip_chars(), LINE).iter_rows()
    ]
    index = [c for c in frame.columns if c not in (metric, value, LINE)]
    known = long.filter(pl.col(_METRIC).is_not_null())
    clashes = (
        known.group_by([*index, _METRIC])
        .agg(pl.col(value).n_unique().alias("n"), pl.col(LINE).sort().alias("lines"))
        .filter(pl.col("n") > 1)
    )
    for target, lines in clashes.select(_METRIC, "lines").iter_rows():
        problems += [
            Problem(
                file,
                f"'{target}' is given more than once for one rep and date with different values"
                f" ({unit}s {', '.join(map(str, lines))}); expected one value per metric",
                line=line,
                column=value,
                unit=unit,
            )
            for line in lines
        ]
    if problems:
        raise InvalidExportError(sorted(problems, key=lambda p: p.line or 0))

    distinct = known.unique(subset=[*index, _METRIC], keep="first", maintain_order=True)
    wide = distinct.pivot(
        on=_METRIC,
        index=index,
        values=[value, LINE],
        aggregate_function=None,
        maintain_order=True,
        separator=_SEPARATOR,
    )
    # A pillar no row names is missing on every row (reported per row, not as a column).
    wide = wide.with_columns(
        pl.lit(None, dtype).alias(f"{name}{_SEPARATOR}{key}")
        for key in PILLAR_KEYS
        for name, dtype in ((value, pl.String), (LINE, pl.Int64))
        if f"{value}{_SEPARATOR}{key}" not in wide.columns
    )
    targets = [t for t in METRICS if f"{value}{_SEPARATOR}{t}" in wide.columns]
    line_columns = [pl.col(f"{LINE}{_SEPARATOR}{t}") for t in targets]
    wide = wide.with_columns(pl.min_horizontal(line_columns).alias(LINE)).sort(LINE)
    cells = wide.select(LINE, *(c.alias(t) for c, t in zip(line_columns, targets, strict=True)))
    wide = wide.select(*index, *(pl.col(f"{value}{_SEPARATOR}{t}").alias(t) for t in targets), LINE)
    return wide, cells


def relocate(problems: list[Problem], cells: pl.DataFrame) -> list[Problem]:
    """Problems found on pivoted rows, moved to the line their cell came from."""
    wanted = [p for p in problems if p.line is not None and p.column in cells.columns]
    if not wanted:
        return problems
    lines = {p.line for p in wanted}
    origin = {
        (row[LINE], column): line
        for row in cells.filter(pl.col(LINE).is_in(list(lines))).iter_rows(named=True)
        for column, line in row.items()
        if column != LINE and line is not None
    }
    return [
        replace(p, line=origin.get((p.line, p.column), p.line)) if p.column else p for p in problems
    ]
