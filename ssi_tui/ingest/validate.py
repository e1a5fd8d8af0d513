"""Validation: turn an export's text cells into typed snapshot rows, or say exactly what is wrong.

Input is a frame of strings (every cell as text) with a `__line__` column giving each row's
line in the file; output is a typed frame in canonical columns plus every problem found.
All checks are vectorised Polars expressions, so a million rows validate in well under a second.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Set
from dataclasses import dataclass, field

import polars as pl

from ssi_tui.errors import Problem
from ssi_tui.ingest import cells, cleaning
from ssi_tui.ingest.columns import FILE, LINE, SNAPSHOT_COLUMNS, VALUE_COLUMNS
from ssi_tui.ingest.day_order import DayOrder
from ssi_tui.ingest.duplicates import drop_duplicate_snapshots
from ssi_tui.ingest.file_names import date_from_file_name
from ssi_tui.ingest.headers import (
    MAP_HINT,
    OPTIONAL,
    REQUIRED,
    match_headers,
    missing_column_message,
)
from ssi_tui.pillars import PILLAR_KEYS, PILLAR_MAX, TOTAL_MAX, TOTAL_TOLERANCE


@dataclass
class Validated:
    """The outcome of validating one export."""

    rows: pl.DataFrame
    """Valid rows, in SNAPSHOT_COLUMNS plus LINE."""
    problems: list[Problem] = field(default_factory=list)
    rejected_lines: int = 0
    """How many data rows had at least one problem."""
    notices: list[str] = field(default_factory=list)


def no_rows(columns: tuple[str, ...] = SNAPSHOT_COLUMNS) -> pl.DataFrame:
    """No valid rows, in the schema of valid ones: a file refused whole still combines with the
    other files of its import (with --skip-invalid, or to report every file's problems)."""
    text_columns = {"rep_id", "name", "team", "source"}
    schema: dict[str, pl.DataType] = {FILE: pl.String(), LINE: pl.Int64()}
    for column in columns:
        if column in text_columns:
            schema[column] = pl.String()
        elif column == "snapshot_date":
            schema[column] = pl.Date()
        else:
            schema[column] = pl.Float64()
    return pl.DataFrame(schema=schema)


def _number_rules(
    column: str,
    low: float,
    high: float,
    *,
    low_inclusive: bool = True,
    clean: Set[str] = frozenset(),
) -> tuple[pl.Expr, list[tuple[pl.Expr, pl.Expr]]]:
    """The parsed number for COLUMN and its (is-bad, message) rules."""
    text = cells.text(column, clean)
    value = text.cast(pl.Float64, strict=False)
    lower = f"{'from' if low_inclusive else 'above'} {low:g}"
    expected = f"expected a number {lower} to {high:g}"
    in_range = (value >= low) if low_inclusive else (value > low)
    message = pl.format(f"{expected}, got '{{}}'", cells.shown(text))
    rules = [
        (text.is_not_null() & value.is_null(), message),
        (value.is_nan() | value.is_infinite(), message),
        (value.is_not_null() & value.is_finite() & ~(in_range & (value <= high)), message),
    ]
    return value, rules


def validate(
    raw: pl.DataFrame,
    file: str,
    *,
    source: str = "official",
    decimal_comma: bool = False,
    date_format: str | None = None,
    default_date: dt.date | None = None,
    date_hint: str | None = None,
    header_line: int | None = 1,
    map_hint: str = MAP_HINT,
    day_order: DayOrder | None = None,
) -> Validated:
    """Check every rule on every row; return the valid rows and every problem found.

    DECIMAL_COMMA reads `20,998` as 20.998; DATE_FORMAT (e.g. `%d/%m/%Y`) reads dates that
    are not ISO; a file without a date column is dated DEFAULT_DATE, else by an ISO date in
    its name. Cells that fail as written get one cleaning pass (ingest/cleaning.py) and a
    second check, which sets DATE_HINT: callers leave it alone. A missing or doubled column is
    reported at HEADER_LINE (None where there is no header line, as in JSON), with the mapping
    that would fix it spelled by MAP_HINT (headers.missing_column_message). DAY_ORDER reads
    dates that could be day or month first by the order learned before (dates.DayOrder).
    """
    headers = [c for c in raw.columns if c != LINE]
    match = match_headers(headers)
    notices = []
    if match.unknown:
        shown = ", ".join(match.unknown[: cells.SHOWN_UNKNOWN_COLUMNS])
        rest = len(match.unknown) - cells.SHOWN_UNKNOWN_COLUMNS
        more = f" and {rest} more" if rest > 0 else ""
        notices.append(f"{file}: ignored unknown column(s): {shown}{more}")
    if "date" in match.missing():
        fallback = default_date or date_from_file_name(file)
        if fallback is not None:
            raw = raw.with_columns(pl.lit(fallback.isoformat()).alias("date"))
            match = match_headers([*headers, "date"])
            origin = "--date" if default_date else "its file name"
            notices.append(f"{file}: no date column; dated {fallback.isoformat()} from {origin}")
            headers = [*headers, "date"]
    given = set(match.columns.values())
    if "ssi" in given and not given & set(PILLAR_KEYS):
        # A sheet of totals alone (what is said at stand-up): no pillar is given on any row.
        # A file with some pillar columns still needs all four: a missing one is more likely
        # a header to map than pillars nobody gave.
        raw = raw.with_columns(pl.lit(None, pl.String).alias(key) for key in PILLAR_KEYS)
        match = match_headers([*headers, *PILLAR_KEYS])
        notices.append(f"{file}: no pillar columns; each total is stored alone (pillars not given)")
    file_problems = [
        Problem(
            file,
            "no 'date' column, no --date, and no YYYY-MM-DD date in the file name: add a date"
            " column, pass --date YYYY-MM-DD, or name the file like ssi_2026-05-19.csv"
            + f"; {missing_column_message(name, headers, map_hint)}"
            if name == "date"
            else f"no '{name}' column; {missing_column_message(name, headers, map_hint)}",
            line=header_line,
        )
        for name in match.missing()
    ]
    file_problems += [
        Problem(file, f"several columns mean '{name}': {', '.join(hs)}", line=header_line)
        for name, hs in match.duplicates.items()
    ]
    if file_problems:
        return Validated(no_rows(), file_problems, raw.height, notices)

    frame = raw.select(
        pl.col(LINE), *(pl.col(h).alias(c) for h, c in match.columns.items())
    ).with_columns(
        pl.lit(None, pl.String).alias(c) for c in OPTIONAL if c not in match.columns.values()
    )
    clean = cells.clean_columns(frame)

    rules: list[tuple[str, pl.Expr, pl.Expr]] = []
    parsed: dict[str, pl.Expr] = {}
    for key in PILLAR_KEYS:
        parsed[key], found = _number_rules(key, 0, PILLAR_MAX, clean=clean)
        rules += [(key, bad, msg) for bad, msg in found]
    parsed["ssi"], found = _number_rules("ssi", 0, TOTAL_MAX, clean=clean)
    rules += [("ssi", bad, msg) for bad, msg in found]
    for key in ("industry_rank", "network_rank"):
        parsed[key], found = _number_rules(key, 0, 100, low_inclusive=False, clean=clean)
        rules += [(key, bad, msg) for bad, msg in found]
    for key in ("industry_avg", "network_avg"):
        parsed[key], found = _number_rules(key, 0, TOTAL_MAX, clean=clean)
        rules += [(key, bad, msg) for bad, msg in found]

    date_text = cells.text("date", clean)
    parsed_date, date_rule = cells.iso_date(date_text, date_hint)
    rules.append(date_rule)
    for key in REQUIRED:
        if key in PILLAR_KEYS:
            continue  # below: a stated total may stand alone
        expected = "a date as YYYY-MM-DD" if key == "date" else "the rep's name"
        rules.append(
            (key, cells.text(key, clean).is_null(), pl.lit(f"missing value; expected {expected}"))
        )
    # A total alone is a snapshot (what is said at stand-up): its blank pillars stay unknown,
    # never 0. Without a total, all four pillars are needed to make one.
    no_total = cells.text("ssi", clean).is_null()
    rules += [
        (
            key,
            no_total & cells.text(key, clean).is_null(),
            pl.lit(
                f"missing value; expected a number from 0 to {PILLAR_MAX:g}"
                " (or leave every pillar blank and give the total, in 'ssi')"
            ),
        )
        for key in PILLAR_KEYS
    ]

    pillar_sum = pl.sum_horizontal(*(parsed[k] for k in PILLAR_KEYS))
    all_pillars = pl.all_horizontal(*(parsed[k].is_not_null() for k in PILLAR_KEYS))
    rules.append(
        (
            "ssi",
            parsed["ssi"].is_not_null()
            & ~all_pillars
            & pillar_sum.is_finite()
            & parsed["ssi"].is_finite()
            & (pillar_sum - parsed["ssi"] > TOTAL_TOLERANCE + 1e-9),
            pl.format(
                "total {} is less than the pillars given ({}) by more than {}",
                cells.text("ssi", clean),
                pillar_sum.round(2),
                pl.lit(f"{TOTAL_TOLERANCE:g}"),
            ),
        )
    )
    rules.append(
        (
            "ssi",
            parsed["ssi"].is_not_null()
            & all_pillars
            & pillar_sum.is_finite()
            & parsed["ssi"].is_finite()
            # A hair of slack: 12.95 + 21.17 + 16.35 + 7.53 is 58.00000000000001 in floats.
            & ((parsed["ssi"] - pillar_sum).abs() > TOTAL_TOLERANCE + 1e-9),
            pl.format(
                "total {} differs from the sum of the pillars ({}) by more than {}",
                cells.text("ssi", clean),
                pillar_sum.round(2),
                pl.lit(f"{TOTAL_TOLERANCE:g}"),
            ),
        )
    )

    problems = cells.find_problems(frame, rules)

    if date_hint is None and not problems.is_empty():
        again = cleaning.clean_and_check_again(
            raw,
            frame,
            problems,
            match.columns,
            VALUE_COLUMNS,
            decimal_comma=decimal_comma,
            date_format=date_format,
            notices=notices,
            day_order=day_order,
            check=lambda cleaned, hint: validate(
                cleaned,
                file,
                source=source,
                decimal_comma=decimal_comma,
                date_format=date_format,
                date_hint=hint,
            ),
        )
        if again is not None:
            return again

    rep_id = pl.col("rep_id") if cells.ids_as_given(frame, clean) else cells.rep_id_expr(clean)
    typed = frame.lazy().select(
        pl.col(LINE),
        rep_id.alias("rep_id"),
        cells.text("name", clean).alias("name"),
        cells.text("team", clean).alias("team"),
        parsed_date.alias("snapshot_date"),
        pl.lit(source).alias("source"),
        pl.coalesce(parsed["ssi"], pillar_sum.round(3)).alias("ssi"),
        *(
            parsed[k].alias(k)
            for k in (*PILLAR_KEYS, "industry_rank", "network_rank", "industry_avg", "network_avg")
        ),
    )
    return _finish(typed.collect(), problems, file, notices)


def _finish(
    typed: pl.DataFrame, problems: pl.DataFrame, file: str, notices: list[str]
) -> Validated:
    """Drop bad rows, then catch conflicting duplicates among the good ones."""
    bad_lines = problems.get_column(LINE).unique()
    good = typed.filter(~pl.col(LINE).is_in(bad_lines.implode())) if bad_lines.len() else typed
    good, conflicts = drop_duplicate_snapshots(good.with_columns(pl.lit(file).alias(FILE)))
    all_problems = [
        Problem(file, message, line=line, column=column)
        for line, column, message in problems.sort(LINE).iter_rows()
    ]
    all_problems += conflicts
    rejected = bad_lines.len() + len({p.line for p in conflicts})
    return Validated(good.select(FILE, LINE, *SNAPSHOT_COLUMNS), all_problems, rejected, notices)
