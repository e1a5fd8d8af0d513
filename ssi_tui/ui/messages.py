"""Messages that workers post to the screens (only message handlers touch widgets)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from ssi_tui.boards.board_loader import PreparedBoard
from ssi_tui.boards.watch import ServerEvent
from ssi_tui.model.view import BoardView

if TYPE_CHECKING:
    from ssi_tui.model.rep import RepDetail
    from ssi_tui.store.history import ChangeInfo
    from ssi_tui.store.undo import UndoPlan, UndoResult


class BoardLoaded(Message):
    """A worker finished reading (and preparing) the board from the database."""

    def __init__(
        self, prepared: PreparedBoard, view: BoardView, *, keep_rep: str | None = None
    ) -> None:
        self.prepared = prepared
        self.view = view
        """What was asked for: the screen shows it only if that is still what it wants."""
        self.keep_rep = keep_rep
        """The rep the cursor was on before the reload, to stay on."""
        super().__init__()


class BoardLoadFailed(Message):
    """The database could not be read (busy, removed, corrupt)."""

    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()


class HistoryLoaded(Message):
    """A worker read one rep's history (for the drill-down)."""

    def __init__(self, detail: RepDetail) -> None:
        self.detail = detail
        super().__init__()


class HistoryFailed(Message):
    """A rep's history could not be read (database busy, removed, rep gone)."""

    def __init__(self, rep_id: str, error: str) -> None:
        self.rep_id = rep_id
        self.error = error
        super().__init__()


class ChangesLoaded(Message):
    """A worker read the change history (for the History screen), newest first."""

    def __init__(self, changes: list[ChangeInfo]) -> None:
        self.changes = changes
        super().__init__()


class ChangesLoadFailed(Message):
    """The change history could not be read (busy, removed, an older file)."""

    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()


class UndoPlanned(Message):
    """A worker worked out what an undo would do (shown for confirmation)."""

    def __init__(self, plan: UndoPlan) -> None:
        self.plan = plan
        super().__init__()


class UndoFailed(Message):
    """An undo was refused (a later change first, an undo, undone already) or failed."""

    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()


class UndoDone(Message):
    """A worker made an undo."""

    def __init__(self, result: UndoResult) -> None:
        self.result = result
        super().__init__()


class ServerWatched(Message):
    """A look at a server's change counter found a change, or the server lost or back."""

    def __init__(self, event: ServerEvent) -> None:
        self.event = event
        super().__init__()
