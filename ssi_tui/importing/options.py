"""How an import reads and writes its files: one value from `ssi-tui import` or the dialog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ssi_tui.ingest.headers import MAP_HINT
from ssi_tui.store.changes import ChangeKind

if TYPE_CHECKING:
    from ssi_tui.ingest.header_map import HeaderMap


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
