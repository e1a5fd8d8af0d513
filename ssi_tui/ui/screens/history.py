"""The `H` screen: every change to the data, newest first, and the undo of the one selected.

The list and the undo's plan are read, and the undo made, in workers (the UI thread never
waits on the database); `u` shows what the undo would do and asks before doing it. Dismissed
with True when an undo was made, so the board reads the data again.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from ssi_tui.boards.watch import history_name
from ssi_tui.errors import SsiError
from ssi_tui.model.undo_text import describe_plan, status
from ssi_tui.store.history import ChangeInfo
from ssi_tui.store.undo import UndoPlan
from ssi_tui.ui.messages import (
    ChangesLoaded,
    ChangesLoadFailed,
    UndoDone,
    UndoFailed,
    UndoPlanned,
)
from ssi_tui.ui.screens.help import HelpScreen
from ssi_tui.ui.screens.undo_dialog import UndoConfirmScreen
from ssi_tui.ui.widgets.steady_footer import SteadyFooter

COLUMNS = ("ID", "Time", "Kind", "Summary", "Added", "Corrected", "Removed", "Reps", "Status")


class HistoryScreen(Screen[bool]):
    """The change history as a table; `u` undoes the highlighted change (after a confirm)."""

    DEFAULT_CSS = """
    HistoryScreen #changes { height: 1fr; }
    HistoryScreen #message { height: auto; padding: 0 1; color: $text-muted; }
    """

    BINDINGS = [
        Binding("u", "undo", "Undo", tooltip="Undo the highlighted change (asks first)"),
        Binding("r", "reload", "Reload", tooltip="Read the history again", show=False),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Show every key"),
        Binding("escape", "back", "Back", tooltip="Back to the board"),
    ]

    def __init__(self, database: str | Path) -> None:
        super().__init__()
        self.database = database
        self.changes: list[ChangeInfo] = []
        """The changes listed, newest first (the table's rows, in order)."""
        self.undone_any = False
        """Whether an undo was made here (the board then reads the data again)."""
        self.busy = False
        """An undo is being planned or made: `u` waits for it."""

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(Text("Loading…"), id="message")
        table: DataTable[Text] = DataTable(id="changes", cursor_type="row", zebra_stripes=True)
        yield table
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        self.title = "History"
        self.sub_title = history_name(self.database)
        self.action_reload()

    # -- reading (in a thread) -----------------------------------------------------------------

    def action_reload(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, group="history")
    def _read(self) -> None:
        from ssi_tui.importing.history import list_changes

        try:
            self.post_message(ChangesLoaded(list_changes(self.database)))
        except SsiError as error:
            self.post_message(ChangesLoadFailed(str(error)))
        except Exception as error:  # a safety net: the screen reports, never crashes the app
            self.post_message(ChangesLoadFailed(f"unexpected error: {error!r}"))

    def on_changes_loaded(self, message: ChangesLoaded) -> None:
        self.changes = message.changes
        table = self.query_one(DataTable)
        keep = table.cursor_row
        rows = [_cells(change) for change in self.changes]
        # Each column as wide as its widest cell, set here: left to the table's own measuring
        # (on an idle frame), the columns once stayed as narrow as their titles.
        table.clear(columns=True)
        for index, title in enumerate(COLUMNS):
            width = max([len(title), *(row[index].cell_len for row in rows)])
            table.add_column(title, key=title, width=width)
        for change, cells in zip(self.changes, rows, strict=True):
            table.add_row(*cells, key=str(change.change_id))
        if self.changes:
            table.move_cursor(row=min(keep, len(self.changes) - 1))
        self._say(
            f"{len(self.changes)} change{'s' if len(self.changes) != 1 else ''}, newest first."
            " u: undo the highlighted one."
            if self.changes
            else "No changes yet: import exports (i on the board) to start the history."
        )

    def on_changes_load_failed(self, message: ChangesLoadFailed) -> None:
        self._say(message.error)
        self.notify(message.error, title="Cannot read the history", severity="error", markup=False)

    # -- undo: plan, confirm, make -------------------------------------------------------------

    def action_undo(self) -> None:
        table = self.query_one(DataTable)
        if self.busy or not self.changes or table.cursor_row >= len(self.changes):
            return
        self.busy = True
        self._plan(self.changes[table.cursor_row].change_id)

    @work(thread=True, exclusive=True, group="undo")
    def _plan(self, change_id: int) -> None:
        from ssi_tui.importing.history import plan_undo

        try:
            self.post_message(UndoPlanned(plan_undo(self.database, change_id)))
        except SsiError as error:
            self.post_message(UndoFailed(str(error)))
        except Exception as error:
            self.post_message(UndoFailed(f"unexpected error: {error!r}"))

    def on_undo_planned(self, message: UndoPlanned) -> None:
        plan = message.plan
        self.app.push_screen(
            UndoConfirmScreen(describe_plan(plan, done=False)),
            lambda confirmed: self._confirmed(plan, confirmed),
        )

    def _confirmed(self, plan: UndoPlan, confirmed: bool | None) -> None:
        if not confirmed:
            self.busy = False
            self._say("Nothing undone.")
            return
        self._say(f"Undoing {plan.change.describe()}…")
        self._make(plan.change.change_id)

    @work(thread=True, exclusive=True, group="undo")
    def _make(self, change_id: int) -> None:
        from ssi_tui.importing.history import undo_change

        try:
            result = undo_change(self.database, change_id)
        except SsiError as error:
            self.post_message(UndoFailed(str(error)))
        except Exception as error:
            self.post_message(UndoFailed(f"unexpected error: {error!r}"))
        else:
            self.post_message(UndoDone(result))

    def on_undo_failed(self, message: UndoFailed) -> None:
        self.busy = False
        self._say(message.error)
        self.notify(message.error, title="Cannot undo", severity="error", markup=False)

    def on_undo_done(self, message: UndoDone) -> None:
        self.busy = False
        self.undone_any = True
        summary = describe_plan(message.result.plan, done=True)[0]
        self.notify(summary, title=f"Undo #{message.result.undo_id}", markup=False)
        self._say(summary)
        self.action_reload()

    # -- the rest ------------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.query_one("#message", Static).update(Text(text))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("History keys", self.BINDINGS))

    def action_back(self) -> None:
        self.dismiss(self.undone_any)


def _cells(change: ChangeInfo) -> list[Text]:
    """One row of the table; the summary (file names, rep names) shown literally."""
    return [
        Text(f"#{change.change_id}", justify="right"),
        Text(change.made_at.strftime("%Y-%m-%d %H:%M")),
        Text(change.kind_label),
        Text(change.summary),
        Text(str(change.added), justify="right"),
        Text(str(change.corrected), justify="right"),
        Text(str(change.removed), justify="right"),
        Text(str(change.reps), justify="right"),
        Text(status(change)),
    ]
