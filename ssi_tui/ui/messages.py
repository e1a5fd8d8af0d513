"""Messages that workers post to the screens (only message handlers touch widgets)."""

from __future__ import annotations

from textual.message import Message

from ssi_tui.ui.board_loader import BoardRequest, PreparedBoard


class BoardLoaded(Message):
    """A worker finished reading (and preparing) the board from the database."""

    def __init__(
        self, prepared: PreparedBoard, request: BoardRequest, *, keep_rep: str | None = None
    ) -> None:
        self.prepared = prepared
        self.request = request
        """What was asked for: the screen shows it only if that is still what it wants."""
        self.keep_rep = keep_rep
        """The rep the cursor was on before the reload, to stay on."""
        super().__init__()


class BoardLoadFailed(Message):
    """The database could not be read (busy, removed, corrupt)."""

    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()
