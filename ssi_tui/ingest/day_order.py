"""Which of `03/04/2026`'s numbers is the day: what dates.py reads a file by, and what the
database learns from a file whose dates tell. Pure Python (no Polars): the import's settings
use it before any file is read."""

from __future__ import annotations

from dataclasses import dataclass

DAY_FIRST = "%d/%m/%Y"
MONTH_FIRST = "%m/%d/%Y"

ORDER_NAMES = {DAY_FIRST: "day first", MONTH_FIRST: "month first"}


@dataclass
class DayOrder:
    """How one file's slashed dates (`03/04/2026`) are read: the database's learned order
    going in; what the file's own dates showed, or where the learned order was needed, out."""

    learned: str | None = None
    """DAY_FIRST or MONTH_FIRST as the database learned it; None: ask for --date-format."""
    settled: str | None = None
    """The order the file's own dates showed (a part above 12), to be learned."""
    settled_by: str = ""
    """A date of the file that showed it."""
    ambiguous_example: str = ""
    """A date that could be read either way, when the learned order was used for the file."""
