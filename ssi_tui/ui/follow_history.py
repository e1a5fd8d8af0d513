"""Following the history while a screen shows it: another process's import, an undo, a
server lost and back, noticed within seconds and the screen's data read again."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.screen import Screen

from ssi_tui.boards.watch import ServerEvent, ServerWatch, database_stamp, on_server
from ssi_tui.ui.messages import ServerWatched
from ssi_tui.ui.server_notice import tell


class FollowsHistory(Screen[None]):
    """A screen that reads DATABASE again when it changes: a file's stamp (cheap enough for the
    UI thread), or a server's change counter (a round trip: looked at from a worker)."""

    def follow(self, database: str | Path) -> None:
        """Start from DATABASE as it is now (call in __init__; set_interval the check)."""
        self._followed = database
        self._stamp = database_stamp(database)
        self._server = ServerWatch(database) if on_server(database) else None

    def caught_up(self) -> None:
        """The screen wrote the history itself and reads it again: the stamp is not news."""
        self._stamp = database_stamp(self._followed)

    def read_again(self) -> None:
        """Read the screen's data from the history again."""
        raise NotImplementedError

    def _reload_if_changed(self) -> None:
        if self._server is not None:
            self._poll_server()
            return
        stamp = database_stamp(self._followed)
        if stamp != self._stamp:
            self._stamp = stamp
            self.read_again()

    @work(thread=True, exclusive=True, group="watch")
    def _poll_server(self) -> None:
        """One look at the server's change counter, never on the UI thread."""
        if self._server is not None:
            event = self._server.poll()
            if event is not ServerEvent.SAME:
                self.post_message(ServerWatched(event))

    def on_server_watched(self, message: ServerWatched) -> None:
        if tell(self, self._followed, message.event):
            self.read_again()
