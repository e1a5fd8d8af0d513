"""What a file's name says: the date of an export that has no date column (`ssi_2026-05-19.csv`).

Pure Python: the importer keys files by it (import_skip) before any export is read.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def date_from_file_name(file: str | Path) -> dt.date | None:
    """The last real ISO date in a file's name (`ssi_2026-05-19.csv`), if any."""
    for year, month, day in reversed(_NAME_DATE.findall(Path(file).name)):
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None


def name_options(path: Path) -> dict[str, object]:
    """The part of PATH's name that can change what is read, as a content-key option.

    The same bytes under `ssi_2026-11-23.csv` are another week than under
    `ssi_2026-11-16.csv` when the file has no date column, so not a file imported before.
    """
    name_date = date_from_file_name(path)
    return {"file_name_date": name_date} if name_date else {}
