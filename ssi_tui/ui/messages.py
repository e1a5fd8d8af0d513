"""Messages that workers post to the screens (only message handlers touch widgets)."""

from __future__ import annotations

from textual.message import Message

from ssi_tui.board import Board


class BoardLoaded(Message):
    """A worker finished reading the board from the database."""

    def __init__(
        self,
        board: Board,
        *,
        keep_rep: str | None = None,
        search_text: dict[str, str] | None = None,
    ) -> None:
        self.board = board
        self.keep_rep = keep_rep
        """The rep the cursor was on before the reload, to stay on."""
        self.search_text = search_text or {}
        """rep_id -> folded name and team, made in the worker so the UI thread only compares."""
        super().__init__()


class BoardLoadFailed(Message):
    """The database could not be read (busy, removed, corrupt)."""

    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()
