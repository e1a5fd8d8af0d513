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
from ssi_tui.ingest import cleaning, dates
from ssi_tui.ingest.headers import OPTIONAL, REQUIRED, match_headers
from ssi_tui.pillars import PILLAR_KEYS, PILLAR_MAX, TOTAL_MAX, TOTAL_TOLERANCE

LINE = "__line__"
FILE = "__file__"

SNAPSHOT_COLUMNS: tuple[str, ...] = (
    "rep_id",
    "name",
    "team",
    "snapshot_date",
    "source",
    "ssi",
    *PILLAR_KEYS,
    "industry_rank",
    "network_rank",
    "industry_avg",
    "network_avg",
)
"""The typed columns of a validated batch, in the order the writer expects."""

VALUE_COLUMNS: tuple[str, ...] = (
    "ssi",
    *PILLAR_KEYS,
    "industry_rank",
    "network_rank",
    "industry_avg",
    "network_avg",
)

_PROBLEM_SCHEMA = {LINE: pl.Int64, "column": pl.String, "message": pl.String}
_LINKEDIN_SLUG = r"linkedin\.com/in/([^/?#\s]+)"
_BAD = "__bad__"
SHOWN_CHARS = 80
"""How much of a cell a problem message quotes."""
SHOWN_UNKNOWN_COLUMNS = 10
"""How many ignored headers the notice names before counting the rest."""


@dataclass
class Validated:
    """The outcome of validating one export."""

    rows: pl.DataFrame
    """Valid rows, in SNAPSHOT_COLUMNS plus LINE."""
    problems: list[Problem] = field(default_factory=list)
    rejected_lines: int = 0
    """How many data rows had at least one problem."""
    notices: list[str] = field(default_factory=list)


def _text(column: str, clean: Set[str] = frozenset()) -> pl.Expr:
    """A cell as stripped text, blank meaning missing.

    A CLEAN column (see _clean_columns) is that already, and is used as it is: stripping a
    million cells costs more than all the checks on them.
    """
    if column in clean:
        return pl.col(column)
    stripped = pl.col(column).str.strip_chars()
    return pl.when(stripped == "").then(None).otherwise(stripped)


def _shown(text: pl.Expr) -> pl.Expr:
    """A cell as a message quotes it: cut after SHOWN_CHARS, so a 1 MB cell makes a short line."""
    return (
        pl.when(text.str.len_chars() > SHOWN_CHARS)
        .then(pl.concat_str(text.str.slice(0, SHOWN_CHARS), pl.lit("…")))
        .otherwise(text)
    )


def _number_rules(
    column: str,
    low: float,
    high: float,
    *,
    low_inclusive: bool = True,
    clean: Set[str] = frozenset(),
) -> tuple[pl.Expr, list[tuple[pl.Expr, pl.Expr]]]:
    """The parsed number for COLUMN and its (is-bad, message) rules."""
    text = _text(column, clean)
    value = text.cast(pl.Float64, strict=False)
    lower = f"{'from' if low_inclusive else 'above'} {low:g}"
    expected = f"expected a number {lower} to {high:g}"
    in_range = (value >= low) if low_inclusive else (value > low)
    message = pl.format(f"{expected}, got '{{}}'", _shown(text))
    rules = [
        (text.is_not_null() & value.is_null(), message),
        (value.is_nan() | value.is_infinite(), message),
        (value.is_not_null() & value.is_finite() & ~(in_range & (value <= high)), message),
    ]
    return value, rules


def _clean_columns(frame: pl.DataFrame) -> frozenset[str]:
    """Text columns whose every cell is already what _text() makes of it.

    That is: no empty cell and no cell with surrounding whitespace. Judged on the distinct
    values, which a big export has few of (dates, scores to two decimals, reps, teams).
    """
    clean = set()
    for name in frame.columns:
        column = frame.get_column(name)
        if name == LINE or column.dtype != pl.String:
            continue
        values = column.drop_nulls().unique()
        if not ((values == "") | (values.str.strip_chars() != values)).any():
            clean.add(name)
    return frozenset(clean)


def _ids_as_given(frame: pl.DataFrame, clean: Set[str]) -> bool:
    """Whether _rep_id_expr() would return the rep_id column unchanged.

    True when every row has a rep_id that is clean, lower-case and no LinkedIn profile URL
    (the common case: an email on every row), so a million ids need no string work at all.
    """
    if "rep_id" not in clean:
        return False
    ids = frame.get_column("rep_id")
    if ids.null_count():
        return False
    values = ids.unique()
    return not (
        (values.str.to_lowercase() != values).any() or values.str.contains(_LINKEDIN_SLUG).any()
    )


def _rep_id_expr(clean: Set[str] = frozenset()) -> pl.Expr:
    """A stable rep id: a lower-cased email, a LinkedIn profile slug, else a slug of the name."""
    given = _text("rep_id", clean).str.to_lowercase()
    slug_of_url = given.str.extract(_LINKEDIN_SLUG, 1)
    name_slug = (
        _text("name", clean)
        .str.normalize("NFKD")
        .str.replace_all(r"\p{M}", "")
        .str.to_lowercase()
        .str.replace_all(r"[^\p{L}\p{N}]+", "-")
        .str.strip_chars("-")
    )
    name_slug = (
        pl.when(name_slug == "").then(_text("name", clean).str.to_lowercase()).otherwise(name_slug)
    )
    return pl.coalesce(slug_of_url, given, name_slug)


def validate(
    raw: pl.DataFrame,
    file: str,
    *,
    source: str = "official",
    decimal_comma: bool = False,
    date_format: str | None = None,
    default_date: dt.date | None = None,
    date_hint: str | None = None,
) -> Validated:
    """Check every rule on every row; return the valid rows and every problem found.

    DECIMAL_COMMA reads `20,998` as 20.998; DATE_FORMAT (e.g. `%d/%m/%Y`) reads dates that
    are not ISO; a file without a date column is dated DEFAULT_DATE, else by an ISO date in
    its name. Cells that fail as written get one cleaning pass (ingest/cleaning.py) and a
    second check, which sets DATE_HINT: callers leave it alone.
    """
    headers = [c for c in raw.columns if c != LINE]
    match = match_headers(headers)
    notices = []
    if match.unknown:
        shown = ", ".join(match.unknown[:SHOWN_UNKNOWN_COLUMNS])
        rest = len(match.unknown) - SHOWN_UNKNOWN_COLUMNS
        more = f" and {rest} more" if rest > 0 else ""
        notices.append(f"{file}: ignored unknown column(s): {shown}{more}")
    if "date" in match.missing():
        fallback = default_date or dates.date_from_file_name(file)
        if fallback is not None:
            raw = raw.with_columns(pl.lit(fallback.isoformat()).alias("date"))
            match = match_headers([*headers, "date"])
            origin = "--date" if default_date else "its file name"
            notices.append(f"{file}: no date column; dated {fallback.isoformat()} from {origin}")
    file_problems = [
        Problem(
            file,
            "no 'date' column, no --date, and no YYYY-MM-DD date in the file name: add a date"
            " column, pass --date YYYY-MM-DD, or name the file like ssi_2026-05-19.csv"
            if name == "date"
            else f"no '{name}' column (expected one of its usual headers)",
            line=1,
        )
        for name in match.missing()
    ]
    file_problems += [
        Problem(file, f"several columns mean '{name}': {', '.join(hs)}", line=1)
        for name, hs in match.duplicates.items()
    ]
    if file_problems:
        return Validated(raw.head(0), file_problems, raw.height, notices)

    frame = raw.select(
        pl.col(LINE), *(pl.col(h).alias(c) for h, c in match.columns.items())
    ).with_columns(
        pl.lit(None, pl.String).alias(c) for c in OPTIONAL if c not in match.columns.values()
    )
    clean = _clean_columns(frame)

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

    date_text = _text("date", clean)
    parsed_date = (
        # Year 0000 parses (as 1 BC) but no Python date can hold it: it would poison the store.
        pl.when(
            date_text.str.contains(r"^\d{4}-\d{1,2}-\d{1,2}$") & ~date_text.str.starts_with("0000")
        )
        .then(date_text)
        .otherwise(None)
        .str.strptime(pl.Date, "%Y-%m-%d", strict=False)
    )
    rules.append(
        (
            "date",
            date_text.is_not_null() & parsed_date.is_null(),
            pl.format(
                "expected a real date as YYYY-MM-DD, got '{}'{}",
                _shown(date_text),
                pl.lit(date_hint or ""),
            ),
        )
    )
    for key in REQUIRED:
        expected = (
            "a date as YYYY-MM-DD"
            if key == "date"
            else ("the rep's name" if key == "name" else f"a number from 0 to {PILLAR_MAX:g}")
        )
        rules.append(
            (key, _text(key, clean).is_null(), pl.lit(f"missing value; expected {expected}"))
        )

    pillar_sum = pl.sum_horizontal(*(parsed[k] for k in PILLAR_KEYS))
    rules.append(
        (
            "ssi",
            parsed["ssi"].is_not_null()
            & pl.all_horizontal(*(parsed[k].is_not_null() for k in PILLAR_KEYS))
            & pillar_sum.is_finite()
            & parsed["ssi"].is_finite()
            # A hair of slack: 12.95 + 21.17 + 16.35 + 7.53 is 58.00000000000001 in floats.
            & ((parsed["ssi"] - pillar_sum).abs() > TOTAL_TOLERANCE + 1e-9),
            pl.format(
                "total {} differs from the sum of the pillars ({}) by more than {}",
                _text("ssi", clean),
                pillar_sum.round(2),
                pl.lit(f"{TOTAL_TOLERANCE:g}"),
            ),
        )
    )

    # One pass finds the rows breaking any rule (usually none); each rule then looks at those
    # rows only, giving exactly the problems it would give on the whole frame.
    problems = pl.DataFrame(schema=_PROBLEM_SCHEMA)
    if rules:
        any_bad = pl.any_horizontal(bad.fill_null(False) for _, bad, _ in rules).alias(_BAD)
        suspects = frame.lazy().with_columns(any_bad).filter(pl.col(_BAD)).drop(_BAD).collect()
        problems = (
            pl.concat(
                [
                    suspects.filter(bad.fill_null(False)).select(
                        pl.col(LINE), pl.lit(column).alias("column"), message.alias("message")
                    )
                    for column, bad, message in rules
                ],
                how="vertical",
            )
            if not suspects.is_empty()
            else pl.DataFrame(schema={**_PROBLEM_SCHEMA, LINE: frame.schema[LINE]})
        )

    if date_hint is None and not problems.is_empty():
        wanted = cleaning.columns_to_clean(frame, problems, VALUE_COLUMNS)
        if wanted:
            cleaned, hint = cleaning.clean(
                raw, match.columns, wanted, decimal_comma=decimal_comma, date_format=date_format
            )
            again = validate(
                cleaned,
                file,
                source=source,
                decimal_comma=decimal_comma,
                date_format=date_format,
                date_hint=hint,
            )
            again.notices = notices
            return again

    rep_id = pl.col("rep_id") if _ids_as_given(frame, clean) else _rep_id_expr(clean)
    typed = frame.lazy().select(
        pl.col(LINE),
        rep_id.alias("rep_id"),
        _text("name", clean).alias("name"),
        _text("team", clean).alias("team"),
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
