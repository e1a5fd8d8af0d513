"""Polars expressions over an export's text cells, shared by both validators.

The SSI validator (validate.py) and the activity validator (activity.py) read dates, names,
teams and rep ids by exactly the same rules, quote bad cells the same way and collect their
problems the same way: those rules live here, once.
"""

from __future__ import annotations

from collections.abc import Sequence, Set

import polars as pl

from ssi_tui.ingest.columns import LINE

PROBLEM_SCHEMA = {LINE: pl.Int64, "column": pl.String, "message": pl.String}
"""One problem per row of a problems frame: the line, the column and what is wrong."""
SHOWN_CHARS = 80
"""How much of a cell a problem message quotes."""
SHOWN_UNKNOWN_COLUMNS = 10
"""How many ignored headers the notice names before counting the rest."""
_LINKEDIN_SLUG = r"linkedin\.com/in/([^/?#\s]+)"
_BAD = "__bad__"


def text(column: str, clean: Set[str] = frozenset()) -> pl.Expr:
    """A cell as stripped text, blank meaning missing.

    A CLEAN column (see clean_columns) is that already, and is used as it is: stripping a
    million cells costs more than all the checks on them.
    """
    if column in clean:
        return pl.col(column)
    stripped = pl.col(column).str.strip_chars()
    return pl.when(stripped == "").then(None).otherwise(stripped)


def shown(text: pl.Expr) -> pl.Expr:
    """A cell as a message quotes it: cut after SHOWN_CHARS, so a 1 MB cell makes a short line."""
    return (
        pl.when(text.str.len_chars() > SHOWN_CHARS)
        .then(pl.concat_str(text.str.slice(0, SHOWN_CHARS), pl.lit("…")))
        .otherwise(text)
    )


def clean_columns(frame: pl.DataFrame) -> frozenset[str]:
    """Text columns whose every cell is already what text() makes of it.

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


def ids_as_given(frame: pl.DataFrame, clean: Set[str]) -> bool:
    """Whether rep_id_expr() would return the rep_id column unchanged.

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


def rep_id_expr(clean: Set[str] = frozenset()) -> pl.Expr:
    """A stable rep id: a lower-cased email, a LinkedIn profile slug, else a slug of the name."""
    given = text("rep_id", clean).str.to_lowercase()
    slug_of_url = given.str.extract(_LINKEDIN_SLUG, 1)
    name_slug = (
        text("name", clean)
        .str.normalize("NFKD")
        .str.replace_all(r"\p{M}", "")
        .str.to_lowercase()
        .str.replace_all(r"[^\p{L}\p{N}]+", "-")
        .str.strip_chars("-")
    )
    name_slug = (
        pl.when(name_slug == "").then(text("name", clean).str.to_lowercase()).otherwise(name_slug)
    )
    return pl.coalesce(slug_of_url, given, name_slug)


def iso_date(
    date_text: pl.Expr, date_hint: str | None
) -> tuple[pl.Expr, tuple[str, pl.Expr, pl.Expr]]:
    """DATE_TEXT read as a YYYY-MM-DD date, and the rule that reports one that is not.

    DATE_HINT (from cleaning.py, after a first pass failed) ends the message.
    """
    parsed = (
        # Year 0000 parses (as 1 BC) but no Python date can hold it: it would poison the store.
        pl.when(
            date_text.str.contains(r"^\d{4}-\d{1,2}-\d{1,2}$") & ~date_text.str.starts_with("0000")
        )
        .then(date_text)
        .otherwise(None)
        .str.strptime(pl.Date, "%Y-%m-%d", strict=False)
    )
    rule = (
        "date",
        date_text.is_not_null() & parsed.is_null(),
        pl.format(
            "expected a real date as YYYY-MM-DD, got '{}'{}",
            shown(date_text),
            pl.lit(date_hint or ""),
        ),
    )
    return parsed, rule


def find_problems(
    frame: pl.DataFrame, rules: Sequence[tuple[str | None, pl.Expr, pl.Expr]]
) -> pl.DataFrame:
    """Every (line, column, message) of RULES (column, is-bad, message) that FRAME breaks.

    One pass finds the rows breaking any rule (usually none); each rule then looks at those
    rows only, giving exactly the problems it would give on the whole frame.
    """
    any_bad = pl.any_horizontal(bad.fill_null(False) for _, bad, _ in rules).alias(_BAD)
    suspects = frame.lazy().with_columns(any_bad).filter(pl.col(_BAD)).drop(_BAD).collect()
    if suspects.is_empty():
        return pl.DataFrame(schema={**PROBLEM_SCHEMA, LINE: frame.schema[LINE]})
    return pl.concat(
        [
            suspects.filter(bad.fill_null(False)).select(
                pl.col(LINE),
                pl.lit(column, pl.String).alias("column"),
                message.alias("message"),
            )
            for column, bad, message in rules
        ],
        how="vertical",
    )
