"""A host for snapshot tests of the rep drill-down: the sample board at a fixed as-of date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.app import App

from ssi_tui.model.board import load_board
from ssi_tui.ui.screens.rep import RepScreen

AS_OF = dt.date(2026, 11, 16)
"""The last date in sample_data: the snapshots never depend on today's date."""


class RepApp(App[None]):
    """Loads the board (like the leaderboard does) and opens the rep at INDEX in rank order."""

    def __init__(self, db_path: Path, index: int, *, as_of: dt.date = AS_OF) -> None:
        super().__init__()
        self.db_path = db_path
        self.index = index
        self.as_of = as_of

    def on_mount(self) -> None:
        board = load_board(self.db_path, as_of=self.as_of, with_trends=True)
        order = [r.rep_id for r in board.rows]
        self.push_screen(RepScreen(self.db_path, board, order, self.index))
