"""Files shipped with the package: the SQL in queries/ and the demo data in sample_data/.

In a wheel both live inside the package (see pyproject's force-include); in a source checkout
or editable install they sit at the top of the repository, next to the package.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped_dir(name: str) -> Path:
    inside = _PACKAGE_DIR / name
    return inside if inside.is_dir() else _PACKAGE_DIR.parent / name


def queries_dir() -> Path:
    """Folder of the .sql files."""
    return _shipped_dir("queries")


def sample_data_dir() -> Path:
    """Folder of the bundled demo exports."""
    return _shipped_dir("sample_data")


@cache
def query(name: str) -> str:
    """The text of queries/NAME.sql (NAME may contain a sub-folder, e.g. 'migrations/0001')."""
    path = queries_dir() / f"{name}.sql"
    return path.read_text(encoding="utf-8")


def query_for(name: str, dialect: str) -> str:
    """The text of NAME as backend DIALECT runs it: its own spelling, else the shared one."""
    own = _own_spelling(name, dialect)
    return query(name) if own is None else own


@cache
def _own_spelling(name: str, dialect: str) -> str | None:
    path = query_path(queries_dir(), name, dialect)
    return None if path == queries_dir() / f"{name}.sql" else path.read_text(encoding="utf-8")


def query_path(folder: Path, name: str, dialect: str) -> Path:
    """FOLDER/DIALECT/NAME.sql when that backend spells NAME its own way, else FOLDER/NAME.sql."""
    own = folder / dialect / f"{name}.sql"
    return own if own.is_file() else folder / f"{name}.sql"
