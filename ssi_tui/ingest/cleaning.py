"""The second look at cells that are not in the canonical form (`Top 9%`, `19.05.2026`...).

Validation first parses every cell as a canonical export writes it, which is all a clean
export needs. Only when some number or date cell fails does validate() ask here which columns
are worth cleaning (judged on the failing rows alone), clean those (values.py, dates.py) and
validate again, so the million-row canonical import never pays for exports from the wild.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

import polars as pl

from ssi_tui.ingest import dates, values
from ssi_tui.ingest.day_order import DayOrder


class _Checked(Protocol):
    notices: list[str]


Checked = TypeVar("Checked", bound=_Checked)

LINE = "__line__"
DATE = "date"


def clean_and_check_again(
    raw: pl.DataFrame,
    frame: pl.DataFrame,
    problems: pl.DataFrame,
    headers: dict[str, str],
    columns: tuple[str, ...],
    *,
    decimal_comma: bool,
    date_format: str | None,
    notices: list[str],
    check: Callable[[pl.DataFrame, str], Checked],
    day_order: DayOrder | None = None,
) -> Checked | None:
    """The second look shared by validate() and validate_activities(): CHECK run again on RAW
    with its failing COLUMNS cleaned (given the date hint), keeping the first pass's NOTICES;
    None when no failing cell is worth cleaning."""
    wanted = columns_to_clean(frame, problems, columns)
    if not wanted:
        return None
    cleaned, hint = clean(
        raw,
        headers,
        wanted,
        decimal_comma=decimal_comma,
        date_format=date_format,
        day_order=day_order,
    )
    again = check(cleaned, hint)
    again.notices = notices
    return again


def columns_to_clean(
    frame: pl.DataFrame, problems: pl.DataFrame, columns: tuple[str, ...]
) -> list[str]:
    """Canonical columns among COLUMNS (and the date) with a failing cell that is not a number.

    FRAME holds the canonical columns as text; PROBLEMS the (LINE, column) of each problem.
    A number out of range, NaN or a missing cell is no reason to clean: only text that did
    not read as a number (or a date that did not read as ISO) is.
    """
    by_column = (
        problems.filter(pl.col("column").is_in([*columns, DATE]))
        .group_by("column")
        .agg(pl.col(LINE).unique())
    )
    wanted: list[str] = []
    for column, lines in by_column.iter_rows():
        cells = frame.filter(pl.col(LINE).is_in(lines)).get_column(column).str.strip_chars()
        present = cells.is_not_null() & (cells != "")
        unreadable = (
            present if column == DATE else present & cells.cast(pl.Float64, strict=False).is_null()
        )
        if unreadable.any():
            wanted.append(column)
    return wanted


def clean(
    raw: pl.DataFrame,
    headers: dict[str, str],
    wanted: list[str],
    *,
    decimal_comma: bool,
    date_format: str | None,
    day_order: DayOrder | None = None,
) -> tuple[pl.DataFrame, str]:
    """RAW with the WANTED canonical columns cleaned in place, and the hint for dates left unread.

    HEADERS maps each export header to its canonical column.
    """
    header_of = {canonical: header for header, canonical in headers.items()}
    numbers = [c for c in wanted if c != DATE]
    cleaned = raw.with_columns(
        values.clean_number(header_of[c], c, decimal_comma=decimal_comma) for c in numbers
    )
    hint = ""
    if DATE in wanted:
        cleaned, hint = dates.normalise(
            cleaned, header_of[DATE], date_format=date_format, day_order=day_order
        )
    return cleaned, hint
