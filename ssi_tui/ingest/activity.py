"""Activity exports: recognising them, and validating them into typed activity rows.

An export is an activity export when its headers name at least one activity measure
(estimate/measures.py) and no SSI score column; both kinds in one file is an error. Date,
name, rep_id and team follow exactly the SSI rules (cells.py, shared with validate.py);
measures may be any subset, a blank cell is unknown (never zero), and every problem names
file, line, column.
"""

from __future__ import annotations

import datetime as dt

import polars as pl

from ssi_tui.errors import InvalidExportError, Problem
from ssi_tui.estimate.measures import MEASURE_KEYS, MEASURES, PARTS_OF_WHOLES
from ssi_tui.ingest import cells, cleaning
from ssi_tui.ingest.columns import FILE, LINE
from ssi_tui.ingest.day_order import DayOrder
from ssi_tui.ingest.duplicates import drop_duplicate_snapshots
from ssi_tui.ingest.file_names import date_from_file_name
from ssi_tui.ingest.headers import (
    MAP_HINT,
    OPTIONAL,
    REQUIRED,
    canonical_name,
    match_headers,
    missing_column_message,
)
from ssi_tui.ingest.validate import Validated, no_rows

ACTIVITY_COLUMNS: tuple[str, ...] = ("rep_id", "name", "team", "snapshot_date", *MEASURE_KEYS)
"""The typed columns of a validated activity batch."""
SCORE_COLUMNS: frozenset[str] = frozenset(
    c for c in (*REQUIRED, *OPTIONAL) if c not in ("date", "name", "rep_id", "team")
)
"""Columns only an SSI export has: the pillars, the total, ranks and averages."""
KEY: tuple[str, str] = ("rep_id", "snapshot_date")
_FLAG_TEXT: dict[str, float] = {
    **dict.fromkeys(("1", "1.0", "yes", "y", "true"), 1.0),
    **dict.fromkeys(("0", "0.0", "no", "n", "false"), 0.0),
}


def is_activity_export(headers: list[str], file: str, *, header_line: int | None = 1) -> bool:
    """Whether HEADERS are an activity export's; raises InvalidExportError for a mix (located
    at HEADER_LINE, None where there is no header line, as in JSON)."""
    canonical = {h: canonical_name(h) for h in headers if h != LINE}
    measures = [h for h, c in canonical.items() if c in MEASURE_KEYS]
    scores = [h for h, c in canonical.items() if c in SCORE_COLUMNS]
    if measures and scores:
        raise InvalidExportError(
            [
                Problem(
                    file,
                    f"mixes SSI score columns ({', '.join(scores)}) with activity columns"
                    f" ({', '.join(measures)}); put official scores and activity metrics in"
                    " separate files",
                    line=header_line,
                )
            ]
        )
    return bool(measures)


def _measure_rules(
    key: str, kind: str, clean: frozenset[str]
) -> tuple[pl.Expr, list[tuple[pl.Expr, pl.Expr]]]:
    """The parsed value of one measure column and its (is-bad, message) rules."""
    text = cells.text(key, clean)
    if kind == "flag":
        value = text.str.to_lowercase().replace_strict(
            _FLAG_TEXT, default=None, return_dtype=pl.Float64
        )
        message = pl.format("expected 0 or 1 (no photo or a photo), got '{}'", cells.shown(text))
        return value, [(text.is_not_null() & value.is_null(), message)]
    if kind == "percent":
        text = text.str.strip_suffix("%").str.strip_chars()
        high, expected = 100.0, "expected a percentage from 0 to 100"
    else:
        high, expected = float("inf"), "expected a count of 0 or more"
    value = text.cast(pl.Float64, strict=False)
    message = pl.format(f"{expected}, got '{{}}'", cells.shown(cells.text(key, clean)))
    return value, [
        (text.is_not_null() & value.is_null(), message),
        (value.is_nan() | value.is_infinite(), message),
        (value.is_not_null() & value.is_finite() & ((value < 0) | (value > high)), message),
    ]


def _date_fallback(
    raw: pl.DataFrame, file: str, headers: list[str], default_date: dt.date | None
) -> tuple[pl.DataFrame, list[str]]:
    """RAW dated by --date or the file name when it has no date column (as SSI exports are)."""
    if "date" not in match_headers(headers).missing(("date",)):
        return raw, []
    fallback = default_date or date_from_file_name(file)
    if fallback is None:
        return raw, []
    origin = "--date" if default_date else "its file name"
    notice = f"{file}: no date column; dated {fallback.isoformat()} from {origin}"
    return raw.with_columns(pl.lit(fallback.isoformat()).alias("date")), [notice]


def _header_problems(
    file: str,
    headers: list[str],
    missing: list[str],
    duplicates: dict[str, list[str]],
    header_line: int | None,
    map_hint: str,
) -> list[Problem]:
    problems = [
        Problem(
            file,
            "no 'date' column, no --date, and no YYYY-MM-DD date in the file name: add a date"
            " column, pass --date YYYY-MM-DD, or name the file like activity_2026-05-19.csv"
            + f"; {missing_column_message(name, headers, map_hint)}"
            if name == "date"
            else f"no '{name}' column; {missing_column_message(name, headers, map_hint)}",
            line=header_line,
        )
        for name in missing
    ]
    problems += [
        Problem(file, f"several columns mean '{name}': {', '.join(hs)}", line=header_line)
        for name, hs in duplicates.items()
    ]
    return problems


def validate_activities(
    raw: pl.DataFrame,
    file: str,
    *,
    decimal_comma: bool = False,
    date_format: str | None = None,
    default_date: dt.date | None = None,
    date_hint: str | None = None,
    header_line: int | None = 1,
    map_hint: str = MAP_HINT,
    day_order: DayOrder | None = None,
) -> Validated:
    """Check every rule on every row of an activity export; valid rows in ACTIVITY_COLUMNS.

    Options as validate.validate: cells that fail as written get one cleaning pass (missing
    markers such as `N/A`, decimal commas, dates in other forms) and a second check.
    """
    headers = [c for c in raw.columns if c != LINE]
    raw, notices = _date_fallback(raw, file, headers, default_date)
    match = match_headers([c for c in raw.columns if c != LINE])
    if match.unknown:
        shown = ", ".join(match.unknown[: cells.SHOWN_UNKNOWN_COLUMNS])
        rest = len(match.unknown) - cells.SHOWN_UNKNOWN_COLUMNS
        more = f" and {rest} more" if rest > 0 else ""
        notices.append(f"{file}: ignored unknown column(s): {shown}{more}")
    file_problems = _header_problems(
        file, headers, match.missing(("date", "name")), match.duplicates, header_line, map_hint
    )
    if file_problems:
        return Validated(no_rows(ACTIVITY_COLUMNS), file_problems, raw.height, notices)
    present = [k for k in MEASURE_KEYS if k in match.columns.values()]
    if date_hint is None and len(present) < len(MEASURE_KEYS):
        notices.append(
            f"{file}: activity export with {len(present)} of {len(MEASURE_KEYS)} measures;"
            " the others are unknown, and each pillar is scored over the measures it has"
        )

    frame = raw.select(
        pl.col(LINE), *(pl.col(h).alias(c) for h, c in match.columns.items())
    ).with_columns(
        pl.lit(None, pl.String).alias(c)
        for c in ("rep_id", "team", *MEASURE_KEYS)
        if c not in match.columns.values()
    )
    clean = cells.clean_columns(frame)

    rules: list[tuple[str | None, pl.Expr, pl.Expr]] = []
    parsed: dict[str, pl.Expr] = {}
    for measure in MEASURES:
        parsed[measure.key], found = _measure_rules(measure.key, measure.kind, clean)
        if measure.key in present:
            rules += [(measure.key, bad, msg) for bad, msg in found]
    for part, whole in PARTS_OF_WHOLES:
        if part in present and whole in present:
            rules.append(
                (
                    part,
                    parsed[part] > parsed[whole],
                    pl.format(
                        f"{part} ({{}}) is more than {whole} ({{}}) on the same row",
                        cells.shown(cells.text(part, clean)),
                        cells.shown(cells.text(whole, clean)),
                    ),
                )
            )
    rules.append(
        (
            None,
            pl.all_horizontal(cells.text(k, clean).is_null() for k in present),
            pl.lit("no activity value on this row; expected at least one measure"),
        )
    )

    date_text = cells.text("date", clean)
    parsed_date, date_rule = cells.iso_date(date_text, date_hint)
    rules.append(date_rule)
    rules.append(("date", date_text.is_null(), pl.lit("missing value; expected a date")))
    rules.append(
        (
            "name",
            cells.text("name", clean).is_null(),
            pl.lit("missing value; expected the rep's name"),
        )
    )

    problems = cells.find_problems(frame, rules)
    if date_hint is None and not problems.is_empty():
        again = cleaning.clean_and_check_again(
            raw,
            frame,
            problems,
            match.columns,
            tuple(m.key for m in MEASURES if m.kind != "flag"),
            decimal_comma=decimal_comma,
            date_format=date_format,
            notices=notices,
            day_order=day_order,
            check=lambda cleaned, hint: validate_activities(
                cleaned,
                file,
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
        *(parsed[k].alias(k) for k in MEASURE_KEYS),
    )
    return _finish(typed.collect(), problems, file, notices)


def _finish(
    typed: pl.DataFrame, problems: pl.DataFrame, file: str, notices: list[str]
) -> Validated:
    """Drop bad rows, then catch conflicting duplicates (same rep and date) among the rest."""
    bad_lines = problems.get_column(LINE).unique()
    good = typed.filter(~pl.col(LINE).is_in(bad_lines.implode())) if bad_lines.len() else typed
    good, conflicts = drop_duplicate_activities(good.with_columns(pl.lit(file).alias(FILE)))
    found = [
        Problem(file, message, line=line, column=column)
        for line, column, message in problems.sort(LINE, maintain_order=True).iter_rows()
    ]
    rejected = bad_lines.len() + len({p.line for p in conflicts})
    return Validated(
        good.select(FILE, LINE, *ACTIVITY_COLUMNS), found + conflicts, rejected, notices
    )


def drop_duplicate_activities(rows: pl.DataFrame) -> tuple[pl.DataFrame, list[Problem]]:
    """One row of identical duplicates kept; conflicting rows for one rep and date rejected."""
    return drop_duplicate_snapshots(rows, key=KEY, values=MEASURE_KEYS)
