"""Noticing that another process (an import) changed the history, and naming it on screen.

A file's stamp is a stat, cheap on the UI thread. A server's is a query, so ServerWatch asks
for it from a worker thread, and also tells when the server stops and comes back (issue #24).
"""

from __future__ import annotations

import enum
import threading
from pathlib import Path

from ssi_tui import store
from ssi_tui.boards.board_cache import FileStamp, file_stamp
from ssi_tui.store.postgres_sql import is_server_url

_SERVER_STAMP: FileStamp = ()
"""What database_stamp says for a server: never changes (its ServerWatch tells instead)."""


def database_stamp(location: str | Path) -> FileStamp:
    """A file: size and modification time of it and its write-ahead log (zeros while gone),
    changed by anyone's import; a server: a constant, as asking it would wait on the network
    (see ServerWatch)."""
    if is_server_url(location):
        return _SERVER_STAMP
    return file_stamp(Path(location)) or (0, 0, 0, 0)


def on_server(location: str | Path) -> bool:
    """Whether the history is on a server, watched by a ServerWatch in a worker."""
    return is_server_url(location)


def history_name(location: str | Path) -> str:
    """The history as titles and summaries name it: a file's name, a URL without password."""
    return store.shown(location) if is_server_url(location) else Path(location).name


class ServerEvent(enum.Enum):
    """What one look at the server's change counter found."""

    SAME = "same"
    CHANGED = "changed"
    LOST = "lost"
    BACK = "back"


class ServerWatch:
    """The change counter of a history on a server, polled from a worker thread: a change
    since the last look, the server gone (lost) or reachable again (back)."""

    def __init__(self, location: str | Path) -> None:
        self.location = location
        self.lost = False
        self._stamp: FileStamp | None = None
        self._lock = threading.Lock()

    def _look(self) -> FileStamp | None:
        """The counter, or None: no server, or one going away between connecting and asking
        (whatever the driver raises then: a look never fails the app)."""
        try:
            return store.change_stamp(self.location)
        except Exception:
            return None

    def prime(self) -> None:
        """Take the counter before a board is read, so a write during the read is noticed."""
        stamp = self._look()
        with self._lock:
            if self._stamp is None and stamp is not None:
                self._stamp = stamp

    def poll(self) -> ServerEvent:
        """Look once (a short connection and one tiny query); in a worker, never the UI."""
        stamp = self._look()
        with self._lock:
            if stamp is None:
                if self.lost:
                    return ServerEvent.SAME
                self.lost = True
                return ServerEvent.LOST
            before, self._stamp = self._stamp, stamp
            if self.lost:
                self.lost = False
                return ServerEvent.BACK
            changed = before is not None and before != stamp
            return ServerEvent.CHANGED if changed else ServerEvent.SAME
