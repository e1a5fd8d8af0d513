"""The content keys a database holds, remembered beside its kept boards (board_cache.py).

Re-importing a file the database already holds (a scheduled job, a second try) is then
answered without DuckDB (see docs/performance.md#import): after each import the keys the file
held are remembered with its stamp (size and modification time, as a kept board is), and an
import whose every file is among them is answered from here while the file is unchanged.
A remembered key is still there at that stamp: a file changed by anything else (another
program, a restored copy, an undo) has another stamp, and the import opens it as before; an
undo also forgets the keys outright (`forget`), since it is the one write that removes keys.

The database's remembered import settings (store/settings.py) are kept beside the keys, as
they change what a file's key is.

Best effort, like the kept boards: no cache folder, or anything unreadable in it, only means
the import asks the database. Imports nothing heavy.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from pathlib import Path

from ssi_tui import __version__
from ssi_tui.boards import board_cache
from ssi_tui.store.settings import ImportSettings

_NAME = "imported.json"
FORMAT = 2


def known(database: Path) -> tuple[frozenset[str], ImportSettings] | None:
    """The content keys DATABASE holds and its import settings, if remembered since its last
    change; else None."""
    folder = board_cache.cache_dir()
    stamp = board_cache.file_stamp(database)
    if folder is None or stamp is None:
        return None
    try:
        with (board_cache.folder_of(folder, database) / _NAME).open("rb") as kept:
            form, version, kept_stamp, keys, settings = json.load(kept)
        if (form, version, kept_stamp) != (FORMAT, __version__, list(stamp)):
            return None
        return frozenset(keys), ImportSettings.from_json(settings)
    except Exception:  # missing, partly written or foreign: ask the database
        return None


def remember(database: Path, keys: Iterable[str], settings: ImportSettings) -> None:
    """Remember that DATABASE, as it is now (just after an import), holds KEYS and reads
    files with SETTINGS."""
    folder = board_cache.cache_dir()
    stamp = board_cache.file_stamp(database)
    if folder is None or stamp is None:
        return
    kept = [FORMAT, __version__, list(stamp), sorted(keys), settings.as_json()]
    text = json.dumps(kept, separators=(",", ":"))
    with contextlib.suppress(OSError):
        board_cache.write_private(board_cache.folder_of(folder, database) / _NAME, text.encode())


def forget(database: Path | str) -> None:
    """Forget the keys remembered for DATABASE (an undo took some of its files out)."""
    folder = board_cache.cache_dir()
    if folder is None:
        return
    with contextlib.suppress(OSError):
        (board_cache.folder_of(folder, database) / _NAME).unlink(missing_ok=True)
