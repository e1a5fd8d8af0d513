"""How an import reads and writes its files: one value from `ssi-tui import` or the dialog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ssi_tui.ingest.header_map import HeaderMap
from ssi_tui.ingest.headers import MAP_HINT
from ssi_tui.store.changes import ChangeKind

if TYPE_CHECKING:
    from ssi_tui.store.settings import ImportSettings


COMMON_DATE_FORMATS = ("%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y/%m/%d", "%d-%m-%Y", "%m-%d-%Y")
"""The date formats exports are met with (the dialog suggests them)."""


def date_format_problem(value: str) -> str | None:
    """What is wrong with VALUE as a --date-format (a strptime pattern naming the day, month
    and year), or None when it will do; checked before any file is read."""
    month = any(code in value for code in ("%m", "%b", "%B"))
    year = any(code in value for code in ("%Y", "%y"))
    if "%d" not in value or not month or not year:
        return f"expected a pattern with %d, %m and %Y such as %d/%m/%Y, got {value!r}"
    return None


@dataclass(frozen=True)
class ImportOptions:
    """Everything an import is asked to do besides which files: the CLI's flags, the dialog's."""

    dry_run: bool = False
    """Validate and count against the database, writing nothing."""
    skip_invalid: bool = False
    """Import the valid rows and report the others, rather than rejecting the whole import."""
    strict: bool = False
    """Refuse values that look like typos (report.warnings) as invalid ones are refused."""
    date_format: str | None = None
    """Reads dates that are not ISO (e.g. `%d/%m/%Y`)."""
    default_date: dt.date | None = None
    """The date of files that have no date column."""
    sheet: str | None = None
    """The sheet of workbooks to read."""
    header_map: HeaderMap | None = None
    """Headers named explicitly (--map); a mapped header in no file read is an error."""
    map_hint: str = MAP_HINT
    """How messages spell a mapping pair (`{pair}`): the CLI's `--map`, or the dialog's box."""
    model_path: str | Path | None = None
    """The model that scores activity exports (None: the shipped one)."""
    change_kind: ChangeKind = ChangeKind.FILES
    """What the import is in the history (`ssi-tui history`): files, or a typed or pasted entry."""
    remember: bool = False
    """Keep header_map and date_format in the database for later imports (`--remember`)."""
    use_remembered: bool = True
    """Fill a header_map or date_format not given from the database's remembered ones (the
    dialog shows them in its fields instead)."""
    map_remembered: bool = False
    """header_map came from the database: a header no file has is then no error."""
    date_format_remembered: bool = False
    """date_format came from the database."""
    day_order: str | None = None
    """The day order the database learned, for files whose dates cannot tell (dates.DayOrder).
    Not part of the content key: it only reads what would otherwise be refused."""

    def with_settings(self, kept: ImportSettings) -> ImportOptions:
        """These options with the database's KEPT settings where none was given."""
        options = replace(self, day_order=kept.day_order)
        if not self.use_remembered:
            return options
        if not self.header_map and kept.header_map:
            options = replace(options, header_map=HeaderMap(kept.header_map), map_remembered=True)
        if self.date_format is None and kept.date_format:
            options = replace(options, date_format=kept.date_format, date_format_remembered=True)
        return options

    def remembered_used(self) -> list[str]:
        """The remembered settings this import reads with, spelled as their options."""
        used = [f'--map "{self.header_map}"'] if self.map_remembered else []
        return used + ([f"--date-format {self.date_format}"] if self.date_format_remembered else [])

    def content_options(self) -> dict[str, object]:
        """The options that change what a file reads as: part of its content key, so the same
        file read another way is not skipped as already imported."""
        return {
            "sheet": self.sheet,
            "default_date": self.default_date,
            "date_format": self.date_format,
            "header_map": self.header_map.key() if self.header_map else None,
        }

    @property
    def fast_path_allowed(self) -> bool:
        """Whether our own CSV columns may take the fast path: a mapping renames headers and a
        model scores activities, which only the general path does."""
        return self.model_path is None and not self.header_map
