"""What the app says when the server holding its history is lost or back (issue #24)."""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen

from ssi_tui import store
from ssi_tui.boards.watch import ServerEvent

LOST_NOTICE_SECONDS = 3600.0
"""The lost-connection notice stays up until the server is back (or an hour)."""


def tell(screen: Screen[object], location: str | Path, event: ServerEvent) -> bool:
    """Say what EVENT means to the manager; whether the screen should read its data again."""
    where = store.shown(location)
    if event is ServerEvent.LOST:
        screen.notify(
            f"Lost the connection to {where}; retrying. The board shown is the last one read.",
            title="Connection lost",
            severity="warning",
            timeout=LOST_NOTICE_SECONDS,
            markup=False,
        )
        return False
    if event is ServerEvent.BACK:
        screen.app.clear_notifications()
        screen.notify(f"Connected to {where} again.", title="Connection back", markup=False)
        return True
    return event is ServerEvent.CHANGED
