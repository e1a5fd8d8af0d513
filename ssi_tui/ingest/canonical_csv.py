"""The fast path of an import: CSV files in exactly our own columns, read and checked by DuckDB.

Big files are mostly in our own format (the generator's, an admin's script, another ssi-tui).
DuckDB reads those in parallel straight into a temp table, and SQL checks prove every row is
one the Polars path (validate.py) would take exactly as written. Then Polars is never imported
and no cell becomes a Python object. Anything else (another dialect, an alias header, a cell
that needs mending, a problem to report with its line) answers False, and the importer takes
the Polars path, which stays the one definition of what is valid and what an error says.

No Polars here, and no Textual: this module is the data layer.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ssi_tui.pillars import PILLAR_MAX, TOTAL_MAX, TOTAL_TOLERANCE

if TYPE_CHECKING:
    from ssi_tui.store import Store

COLUMN_TYPES: dict[str, str] = {
    "date": "DATE",
    "rep_id": "VARCHAR",
    "name": "VARCHAR",
    "team": "VARCHAR",
    "ssi": "DOUBLE",
    "brand": "DOUBLE",
    "people": "DOUBLE",
    "insights": "DOUBLE",
    "relationships": "DOUBLE",
    "industry_rank": "DOUBLE",
    "network_rank": "DOUBLE",
    "industry_avg": "DOUBLE",
    "network_avg": "DOUBLE",
}
"""Our export's headers and how DuckDB reads each."""

REQUIRED_COLUMNS: frozenset[str] = frozenset(
    ("date", "rep_id", "name", "ssi", "brand", "people", "insights", "relationships")
)
"""Without these the Polars path derives something (an id, a total, a date): left to it."""

Staged = list[tuple[int, Path, dict[str, str]]]
"""The files to stage: (file index, path, header_columns) of each."""

_PATTERN_CHARACTERS = "*?[{~"
"""Characters DuckDB would read a path with as a pattern: such files take the Polars path."""

_HEADER_BYTES = 4096
"""More than any header of our own columns needs."""


def header_columns(path: Path) -> dict[str, str] | None:
    """The file's columns in its order, with their types, when its header is exactly ours.

    That is: a `.csv` whose first line is our own column names, each once, in any order,
    REQUIRED_COLUMNS among them, separated by commas and nothing else (no quotes, spaces or
    byte-order mark). None otherwise, for a file that cannot be read (the Polars path will
    say why), and for a path DuckDB would take as a pattern.
    """
    if path.suffix.lower() != ".csv" or any(c in str(path) for c in _PATTERN_CHARACTERS):
        return None
    try:
        with path.open("rb") as file:
            head = file.read(_HEADER_BYTES)
    except OSError:
        return None
    line, newline, _rest = head.partition(b"\n")
    if not newline:
        return None
    names = line.removesuffix(b"\r").split(b",")
    try:
        headers = [name.decode("ascii") for name in names]
    except UnicodeDecodeError:
        return None
    names_once = len(set(headers)) == len(headers)
    if not (names_once and REQUIRED_COLUMNS <= set(headers) <= COLUMN_TYPES.keys()):
        return None
    return {header: COLUMN_TYPES[header] for header in headers}


def stage(conn: Store, files: Staged) -> bool:
    """Read FILES into the temp table `incoming`.

    True when every row is valid exactly as written, so `incoming` is what the Polars path
    would have produced. False when any file fails to parse or any row fails a check, and when
    the store cannot read files itself (only a local DuckDB file can: issue #24): the caller
    then takes the Polars path. Confines CONN to reading FILES, for good: give it a connection
    of its own (the import's), stage once, and close it after (which also frees `incoming`,
    hundreds of megabytes for a big file).
    """
    from ssi_tui.store import Capability

    if not conn.supports(Capability.CSV_FAST_PATH):
        return False
    checks = {"pillar_max": PILLAR_MAX, "total_max": TOTAL_MAX, "tolerance": TOTAL_TOLERANCE + 1e-9}
    return conn.stage_csv(files, checks)
