"""The board last shown for a view of a database, kept on disk for the next start.

A stand-up opens the app on the same file, with the same options, day after day: a kept board
is read back far faster than DuckDB reads a new one (figures: docs/performance.md, "Kept
boards"). It is used only while the file is exactly as it was when the board was read: same size and
modification time of the file and of its write-ahead log, so any import since (from any
process) makes it stale. The app still opens the file right after its first frame (to read
the weeks either side and to watch for imports), so nothing read later comes from here.

`ssi-tui import` and the app's import dialog read the kept boards of the file they changed
again (stale_views), so the first start after the morning's import is at once too.

A kept board's first rows (as first shown) are stored apart, ahead of the rest: a start reads
only them for its first frame (load_page), and the whole board right after it (load).

The cache is one small file per database and view (the last KEPT_VIEWS views) under the
user's cache folder (SSI_TUI_CACHE_DIR overrides it; `off` turns the cache off), readable by
the user only. It holds the board's rows as the database does: names and rep ids, the ids
even for an anonymised view (whose names are pseudonyms). Anything unreadable in it is
treated as no cache at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import fields, replace
from pathlib import Path

from ssi_tui import __version__, store
from ssi_tui.model.board import Board, LeaderboardRow, Trends

ENV_VAR = "SSI_TUI_CACHE_DIR"
FORMAT = 5
"""Bump when what is stored changes shape."""
KEPT_VIEWS = 4
"""Boards kept per database (the views saved last): each costs an import one more read."""

_ROW_FIELDS = tuple(f.name for f in fields(LeaderboardRow))
_AS_OF = _ROW_FIELDS.index("as_of")
_TRENDS = _ROW_FIELDS.index("trends")

FileStamp = store.ChangeStamp
"""The store's change stamp (a DuckDB file: its and its write-ahead log's sizes and times)."""
Kept = tuple[Board, tuple[object, ...]]
ViewKey = dict[str, object]
"""A view as plain JSON values (BoardView.kept_key): what a kept board is filed under."""
"""A kept board (or its first page) and the extras kept with it."""


def cache_dir() -> Path | None:
    """Where boards are kept, or None when the cache is turned off."""
    override = os.environ.get(ENV_VAR)
    if override is not None:
        return None if override.strip().lower() in ("", "off", "0", "no") else Path(override)
    from platformdirs import user_cache_path

    return user_cache_path("ssi-tui", appauthor=False) / "boards"


def file_stamp(database: Path) -> FileStamp | None:
    """What must not change for a kept board to still be right (the store's change stamp,
    taken without opening the database); None if it is gone."""
    return store.change_stamp(database)


def _digest(value: object) -> str:
    """A short stable name for VALUE (a path, or a view's JSON with its keys sorted)."""
    text = repr(value) if isinstance(value, str) else json.dumps(value, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def folder_of(folder: Path, database: Path | str) -> Path:
    """Each database's kept boards in a folder of their own (found again after an import)."""
    where = str(database.resolve()) if isinstance(database, Path) else store.shown(database)
    return folder / _digest(where)  # a server's URL without its password


def _as_json(view: ViewKey) -> object:
    """VIEW as it reads back from JSON (tuples become lists), its keys in a stable order."""
    return json.loads(json.dumps(view, sort_keys=True))


def load(database: Path, view: ViewKey) -> Kept | None:
    """The board kept for DATABASE and VIEW, and the EXTRAS kept with it, if the file has not
    changed since the board was read."""
    return _load(database, view, whole=True)


def load_page(database: Path, view: ViewKey) -> Kept | None:
    """The first page of the board kept for DATABASE and VIEW (the board with only the rows
    saved as its page), and the PAGE_EXTRAS kept with it, if the file has not changed since.

    Reads only the start of the file, so the first frame never waits for the whole board.
    """
    return _load(database, view, whole=False)


def _load(database: Path, view: ViewKey, *, whole: bool) -> Kept | None:
    folder = cache_dir()
    stamp = file_stamp(database)
    if folder is None or stamp is None:
        return None
    try:
        with (folder_of(folder, database) / f"{_digest(view)}.board").open("rb") as kept:
            if json.loads(kept.readline()) != [FORMAT, __version__, list(stamp), _as_json(view)]:
                return None
            page = kept.readline()
            board, extras = json.loads(kept.read() if whole else page)
        return _board_from(board), tuple(extras)
    except Exception:  # a missing, partly written or foreign file is simply no cache
        return None


def stale_views(database: Path) -> list[ViewKey]:
    """The views of DATABASE whose kept board was read before the file last changed (as JSON
    objects): an import reads them again so that the next start of each is still at once."""
    folder = cache_dir()
    stamp = file_stamp(database)
    if folder is None or stamp is None:
        return []
    views = []
    for path in sorted(folder_of(folder, database).glob("*.board")):
        try:
            with path.open("rb") as kept:
                form, version, kept_stamp, view = json.loads(kept.readline())
        except Exception:  # unreadable: left for the next save to replace
            continue
        if (form, version) == (FORMAT, __version__) and kept_stamp != list(stamp):
            views.append(view)
    return views


def save(
    database: Path,
    view: ViewKey,
    board: Board,
    stamp: FileStamp,
    extras: tuple[object, ...] = (),
    *,
    page: Sequence[LeaderboardRow] = (),
    page_extras: tuple[object, ...] = (),
) -> None:
    """Keep BOARD, read while the file had STAMP (taken before the read), for the next start,
    with EXTRAS (what the caller worked out from the board, to skip next time: JSON values,
    given back by load() as JSON has them, tuples as lists). PAGE is the rows a start shows
    first and PAGE_EXTRAS what it needs besides (given back by load_page).

    A database keeps the boards of its KEPT_VIEWS views saved last. Best effort: a read-only
    or full disk only means the next start reads the file.
    """
    folder = cache_dir()
    if folder is None:
        return
    mine = folder_of(folder, database)
    try:
        head = json.dumps(
            [FORMAT, __version__, list(stamp), view], separators=(",", ":"), sort_keys=True
        )
        first = json.dumps(
            [_board_to(replace(board, rows=tuple(page))), page_extras], separators=(",", ":")
        )
        body = json.dumps([_board_to(board), extras], separators=(",", ":"))
        write_private(mine / f"{_digest(view)}.board", f"{head}\n{first}\n{body}".encode())
        kept = sorted(mine.glob("*.board"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in kept[KEPT_VIEWS:]:
            old.unlink(missing_ok=True)
    except (OSError, ValueError, TypeError):
        return


def write_private(path: Path, data: bytes) -> None:
    """DATA into PATH, under the cache folder: whole or not at all (a reader never meets half a
    file), readable by the user only. Raises OSError, leaving no temporary file behind."""
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise


def _board_to(board: Board) -> tuple[object, ...]:
    """The board as JSON values: dates as ordinals, trends as their packed codes."""
    rows = []
    for row in board.rows:
        values = [getattr(row, name) for name in _ROW_FIELDS]
        values[_AS_OF] = values[_AS_OF].toordinal()
        values[_TRENDS] = values[_TRENDS].codes
        rows.append(tuple(values))
    return (
        None if board.as_of is None else board.as_of.toordinal(),
        board.team,
        board.source,
        tuple(rows),
        tuple(d.toordinal() for d in board.dates),
        board.teams,
        board.anonymised,
    )


def _board_from(data: list) -> Board:  # type: ignore[type-arg]
    as_of, team, source, records, dates, teams, anonymised = data
    from_ordinal = dt.date.fromordinal
    days: dict[int, dt.date] = {}  # a board's rows share a few snapshot dates
    new = object.__new__
    rows = []
    for record in records:
        row = new(LeaderboardRow)
        values = row.__dict__  # as board._row does: the frozen __init__ costs 4 us a row
        values.update(zip(_ROW_FIELDS, record, strict=True))
        day = values["as_of"]
        values["as_of"] = days.get(day) or days.setdefault(day, from_ordinal(day))
        values["trends"] = Trends(values["trends"])
        rows.append(row)
    return Board(
        None if as_of is None else from_ordinal(as_of),
        team,
        source,
        tuple(rows),
        tuple(from_ordinal(d) for d in dates),
        tuple(teams),
        anonymised,
    )
