"""The dialogs the board opens: those that write to the history (import, history and undo, a
typed entry, targets), after which it reads the board again, and those that save what it shows
(export, screenshot)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ssi_tui.ui.follow_history import FollowsHistory
from ssi_tui.ui.widgets.board_table import BoardTable

if TYPE_CHECKING:
    from ssi_tui.model.board import Board, LeaderboardRow
    from ssi_tui.model.view import BoardView
    from ssi_tui.ui.screens.import_dialog import ImportDone


class BoardDialogs(FollowsHistory):
    """The leaderboard's dialog keys (i, H, +, T, e, ctrl+s); LeaderboardScreen is the one
    screen made of it, and holds what they read."""

    view: BoardView
    board: Board | None
    shown: list[LeaderboardRow]

    def _written(self) -> None:
        """After this app's own write: the board read again now, not at the next look."""
        self.caught_up()
        self.read_again()

    def action_import_exports(self) -> None:
        from ssi_tui.ui.screens.import_dialog import ImportScreen

        self.workers.cancel_group(self, "read-ahead")  # the import needs the file to itself
        self.app.push_screen(ImportScreen(self.database), self._import_closed)

    def _import_closed(self, done: ImportDone | None) -> None:
        """After an import: show the new data and say what changed."""
        if done is None:
            return
        report = done.report
        from ssi_tui.importing.import_report import total_summary

        self.notify(f"{total_summary(report)}.", title="Import finished", markup=False)
        self._written()

    def action_history(self) -> None:
        from ssi_tui.ui.screens.history import HistoryScreen

        self.workers.cancel_group(self, "read-ahead")  # an undo needs the file to itself
        self.app.push_screen(HistoryScreen(self.database), self._history_closed)

    def _history_closed(self, undone: bool | None) -> None:
        """After an undo: show the data as it is now."""
        if undone:
            self._written()

    def action_add_entry(self) -> None:
        """The entry form, over the board; each save reloads the board behind it."""
        from ssi_tui.ui.screens.entry_form import EntryFormScreen

        self.workers.cancel_group(self, "read-ahead")  # a save needs the file to itself
        current = self.query_one(BoardTable).current
        rep = current.name if current and not self.view.anonymise else ""
        form = EntryFormScreen(
            self.database,
            rep=rep,
            on_saved=self._entry_saved,
            suggest_names=not self.view.anonymise,
        )
        self.app.push_screen(form)

    def _entry_saved(self, _outcome: object) -> None:
        self._written()

    def action_targets(self) -> None:
        """The highlighted rep's, their team's and the default target (model/targets.py)."""
        current = self.query_one(BoardTable).current
        if current is None:
            return
        from ssi_tui.ui.screens.targets_dialog import TargetsScreen

        screen = TargetsScreen(self.database, current.rep_id, current.name, self.view.target)
        self.app.push_screen(screen, self._targets_closed)

    def _targets_closed(self, saved: bool | None) -> None:
        """After saving targets: the board read again (% of target, sort 9)."""
        if saved:
            self._written()

    def action_export(self) -> None:
        from ssi_tui.ui.screens.export_dialog import ExportScreen

        as_of = self.board.as_of.isoformat() if self.board and self.board.as_of else "board"
        sort = (self.view.sort, self.view.reverse)
        self.app.push_screen(ExportScreen(self.shown, f"ssi-{as_of}", sort), self._exported)

    def _exported(self, path: Path | None) -> None:
        if path is not None:
            self.notify(f"Saved {path}", title="Export", markup=False)

    def action_screenshot(self) -> None:
        """An SVG of exactly what is on screen (Textual draws it), saved in the current folder."""
        path = self.app.save_screenshot(path=str(Path.cwd()))
        self.notify(f"Saved {path}", title="Screenshot", markup=False)
