"""Dates as exports write them: ISO, ISO with a time, `2026/05/19`, `19.05.2026`, `05/19/2026`.

Everything becomes ISO `YYYY-MM-DD` text, which validate.py then parses strictly (so
`2026-02-30` is still an error). Whether `03/04/2026` is the 3rd of April or the 4th of March
is decided for the whole file at once, from any day above 12; when nothing decides it, the
order the database learned from an earlier file that did decide it is used (DayOrder), and
without one the user is asked for `--date-format` rather than guessed for.
"""

from __future__ import annotations

import polars as pl

from ssi_tui.ingest.day_order import DAY_FIRST, MONTH_FIRST, DayOrder

__all__ = ["DAY_FIRST", "MONTH_FIRST", "DayOrder", "normalise"]

_TIME_OF_DAY = (
    r"[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp][Mm])?"
    r"\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?"
)
"""A time of day after a date; always dropped (one snapshot per day)."""
_TIME = rf"(?:{_TIME_OF_DAY})?"

_YEAR_FIRST = rf"^(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_TIME}$"
_DOTTED_DAY_FIRST = rf"^(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}}){_TIME}$"
_SLASHED = rf"^(\d{{1,2}})[/-](\d{{1,2}})[/-](\d{{4}}){_TIME}$"


def _iso(year: pl.Expr, month: pl.Expr, day: pl.Expr) -> pl.Expr:
    return pl.format("{}-{}-{}", year, month.str.zfill(2), day.str.zfill(2))


def normalise(
    frame: pl.DataFrame,
    column: str,
    *,
    date_format: str | None = None,
    day_order: DayOrder | None = None,
) -> tuple[pl.DataFrame, str]:
    """FRAME with COLUMN's dates rewritten as ISO text, and a hint for the ones left unread.

    Cells no rule reads are left as they are (the date rule reports them); the hint, empty
    when there is nothing to add, says why a date could not be read, e.g. which
    `--date-format` to pass. DAY_ORDER (in and out): see DayOrder.
    """
    text = pl.col(column).str.strip_chars()
    year_first = text.str.extract_groups(_YEAR_FIRST)
    dotted = text.str.extract_groups(_DOTTED_DAY_FIRST)
    slashed = text.str.extract_groups(_SLASHED)
    candidates = [
        _iso(year_first.struct[0], year_first.struct[1], year_first.struct[2]),
    ]
    hint = ""
    if date_format is not None:
        parsed = text.str.strptime(pl.Date, date_format, strict=False, exact=True)
        without_time = text.str.replace(_TIME_OF_DAY + "$", "")
        parsed_date_only = without_time.str.strptime(pl.Date, date_format, strict=False)
        candidates.append(pl.coalesce(parsed, parsed_date_only).dt.to_string("%Y-%m-%d"))
        hint = f"; it does not match --date-format {date_format} either"
    candidates.append(_iso(dotted.struct[2], dotted.struct[1], dotted.struct[0]))
    if date_format is None:
        order, hint = _slash_order(frame, text, slashed, day_order or DayOrder())
        if order == DAY_FIRST:
            candidates.append(_iso(slashed.struct[2], slashed.struct[1], slashed.struct[0]))
        elif order == MONTH_FIRST:
            candidates.append(_iso(slashed.struct[2], slashed.struct[0], slashed.struct[1]))
    candidates.append(pl.col(column))
    return frame.with_columns(pl.coalesce(candidates).alias(column)), hint


def _slash_order(
    frame: pl.DataFrame, text: pl.Expr, slashed: pl.Expr, day_order: DayOrder
) -> tuple[str | None, str]:
    """DAY_FIRST or MONTH_FIRST for the file's `a/b/YYYY` dates, from any part above 12, else
    the order learned before (DAY_ORDER says which it was)."""
    first = slashed.struct[0].cast(pl.Int32, strict=False)
    second = slashed.struct[1].cast(pl.Int32, strict=False)
    facts = frame.select(
        text.filter(first.is_not_null()).first().alias("example"),
        text.filter(first > 12).first().alias("day_first"),
        text.filter(second > 12).first().alias("month_first"),
    ).row(0, named=True)
    if facts["example"] is None:
        return None, ""
    if facts["day_first"] is not None and facts["month_first"] is not None:
        return None, (
            f"; this file's dates mix day-first ('{facts['day_first']}') and month-first"
            f" ('{facts['month_first']}') order: pass --date-format {DAY_FIRST}"
            f" or --date-format {MONTH_FIRST}"
        )
    for order, key in ((DAY_FIRST, "day_first"), (MONTH_FIRST, "month_first")):
        if facts[key] is not None:
            day_order.settled, day_order.settled_by = order, str(facts[key])
            return order, ""
    if day_order.learned is not None:
        day_order.ambiguous_example = str(facts["example"])
        return day_order.learned, ""
    return None, (
        f"; dates such as '{facts['example']}' could be MM/DD/YYYY or DD/MM/YYYY, and no day"
        f" in the file is above 12 to tell: pass --date-format {DAY_FIRST}"
        f" or --date-format {MONTH_FIRST}"
    )
