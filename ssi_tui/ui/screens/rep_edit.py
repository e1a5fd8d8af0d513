"""The drill-down's `e` dialog: rename a rep, move them to a team, mark them as left, merge
them into another rep or delete them; each write one undoable change (model/roster.py).

The roster (for the completions and the delete count) is read and every change written in
thread workers; the database is opened for writing only for the length of one change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from ssi_tui.boards.kept_boards import keep_boards_fresh
from ssi_tui.errors import SsiError
from ssi_tui.model import roster
from ssi_tui.text import printable


@dataclass(frozen=True)
class RepEdited:
    """What the dialog returns when it changed something."""

    change_id: int
    summary: str
    gone: bool
    """The rep is no more (deleted, or merged into another): back to the board."""
    shown_next: str | None = None
    """The rep the board's cursor should go to (the one merged into)."""


class _RosterRead(Message):
    def __init__(self, reps: list[roster.RosterRep]) -> None:
        self.reps = reps
        super().__init__()


class _Written(Message):
    def __init__(self, edited: RepEdited | None, error: str | None, conflicts: bool) -> None:
        self.edited, self.error, self.conflicts = edited, error, conflicts
        super().__init__()


class CompletingInput(Input):
    """A box whose tab takes the suggested completion (a team, a rep), and moves on to the
    next control when there is nothing to complete, as the import dialog's path box does."""

    BINDINGS = [Binding("tab", "complete", "Complete", show=False)]

    def action_complete(self) -> None:
        before = self.value
        self.cursor_position = len(before)
        self.action_cursor_right()  # at the end, this takes the suggestion (Textual's own way)
        if self.value == before:
            self.screen.focus_next()


class RepEditScreen(ModalScreen[RepEdited | None]):
    """One rep's roster changes; escape closes without changing anything."""

    DEFAULT_CSS = """
    RepEditScreen { align: center middle; }
    RepEditScreen > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    RepEditScreen Horizontal { height: auto; }
    RepEditScreen .field { width: 14; padding: 1 0 0 0; }
    RepEditScreen Input { width: 1fr; }
    RepEditScreen Horizontal Button { width: 18; }
    RepEditScreen #message { height: auto; margin: 1 0 0 0; }
    RepEditScreen #message.-error { color: $error; }
    RepEditScreen #keep-row { display: none; }
    RepEditScreen.-conflicts #keep-row { display: block; }
    RepEditScreen #buttons { align-horizontal: right; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without changing anything")]
    AUTO_FOCUS = "#name"

    def __init__(self, database: str | Path, rep_id: str, name: str, team: str | None) -> None:
        super().__init__()
        self.database = database
        self.rep_id = rep_id
        self.rep_name = name
        self.team = team
        self.snapshots: int | None = None
        """How many snapshots a delete would remove (once the roster is read)."""
        self._confirming_delete = False
        self._writing = False

    def compose(self) -> ComposeResult:
        title = f"Edit {self.rep_name} ({self.rep_id})" + (f" · {self.team}" if self.team else "")
        with Vertical():
            yield Label(Text(printable(title)), id="title")
            yield from self._row("Rename to", Input(self.rep_name, id="name"), "Rename", "rename")
            team = CompletingInput(self.team or "", placeholder="a team (tab completes)", id="team")
            yield from self._row("Move to team", team, "Move", "move")
            left = Input(placeholder="YYYY-MM-DD (blank: today)", id="left-on")
            yield from self._row("Left on", left, "Left the team", "leave")
            into = CompletingInput(placeholder="a rep's name or id (tab completes)", id="into")
            yield from self._row("Merge into", into, "Merge", "merge")
            yield Static(Text("Reading the roster…"), id="message")
            with Horizontal(id="keep-row"):
                yield Button("Keep this rep's", id="keep-from")
                yield Button("Keep theirs", id="keep-into")
            with Horizontal(id="buttons"):
                yield Button("Delete…", variant="error", id="delete")
                yield Button("Cancel", id="cancel")

    @staticmethod
    def _row(label: str, field: Input, button: str, action: str) -> ComposeResult:
        with Horizontal():
            yield Label(label, classes="field")
            yield field
            yield Button(button, id=action)

    def on_mount(self) -> None:
        self._read_roster()

    # -- the roster, for completions and the delete count ------------------------------------

    @work(thread=True, exclusive=True, group="rep-edit-roster")
    def _read_roster(self) -> None:
        try:
            reps = roster.list_reps(self.database)
        except SsiError:
            reps = []  # the write says what is wrong, if it comes to that
        self.post_message(_RosterRead(reps))

    def on__roster_read(self, message: _RosterRead) -> None:
        teams = sorted({rep.team for rep in message.reps if rep.team})
        others = [rep.name for rep in message.reps if rep.rep_id != self.rep_id]
        self.query_one("#team", Input).suggester = SuggestFromList(teams, case_sensitive=False)
        self.query_one("#into", Input).suggester = SuggestFromList(others, case_sensitive=False)
        self.snapshots = next(
            (rep.snapshots for rep in message.reps if rep.rep_id == self.rep_id), None
        )
        self._say("Enter in a box, or its button, makes that change (each can be undone).")

    def _say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#message", Static)
        message.update(Text(printable(text)))
        message.set_class(error, "-error")

    # -- the changes ---------------------------------------------------------------------------

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#rename")
    def _rename(self) -> None:
        self._write("rename", self.query_one("#name", Input).value)

    @on(Input.Submitted, "#team")
    @on(Button.Pressed, "#move")
    def _move(self) -> None:
        self._write("team", self.query_one("#team", Input).value)

    @on(Input.Submitted, "#left-on")
    @on(Button.Pressed, "#leave")
    def _leave(self) -> None:
        text = self.query_one("#left-on", Input).value.strip() or dt.date.today().isoformat()
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            self._say(f"Left on: expected a date as YYYY-MM-DD, got '{text}'.", error=True)
            return
        self._write("leave", text)

    @on(Input.Submitted, "#into")
    @on(Button.Pressed, "#merge")
    def _merge(self) -> None:
        self._write("merge", self.query_one("#into", Input).value)

    @on(Button.Pressed, "#keep-from")
    def _keep_from(self) -> None:
        self._write("merge", self.query_one("#into", Input).value, keep="from")

    @on(Button.Pressed, "#keep-into")
    def _keep_into(self) -> None:
        self._write("merge", self.query_one("#into", Input).value, keep="into")

    @on(Button.Pressed, "#delete")
    def _delete(self) -> None:
        if not self._confirming_delete:
            self._confirming_delete = True
            count = "every snapshot" if self.snapshots is None else _snapshots(self.snapshots)
            self._say(f"Delete {self.rep_name} and {count}? Press Delete again to confirm.")
            self.query_one("#delete", Button).label = "Confirm delete"
            return
        self._write("delete", "")

    def _write(self, kind: str, value: str, keep: roster.Keep | None = None) -> None:
        if self._writing:
            return
        if kind != "delete":
            self._confirming_delete = False
            self.query_one("#delete", Button).label = "Delete…"
        self._writing = True
        self.remove_class("-conflicts")
        for widget in self.query("Button, Input"):
            widget.disabled = True
        self._say("Saving…")
        self._change(kind, value, keep)

    @work(thread=True, exclusive=True, group="rep-edit-write")
    def _change(self, kind: str, value: str, keep: roster.Keep | None) -> None:
        """The change itself: one transaction, a write connection only for its length."""
        db, rep_id = self.database, self.rep_id
        try:
            if kind == "rename":
                done, gone, into = roster.rename(db, rep_id, value), False, None
            elif kind == "team":
                done, gone, into = roster.move_to_team(db, value, [rep_id]), False, None
            elif kind == "leave":
                done = roster.leave(db, rep_id, dt.date.fromisoformat(value))
                gone, into = False, None
            elif kind == "merge":
                into = roster.find(db, value)[0] if value.strip() else None
                if into is None:
                    raise SsiError("Merge into: name the rep to merge this one into.")
                done, gone = roster.merge(db, rep_id, into, keep), True
            else:
                done, gone, into = roster.delete(db, rep_id), True, None
        except roster.MergeConflicts as error:
            self.post_message(_Written(None, str(error), conflicts=True))
        except SsiError as error:
            self.post_message(_Written(None, str(error), conflicts=False))
        except Exception as error:  # a safety net: the dialog reports, never crashes the app
            self.post_message(_Written(None, f"unexpected error: {error!r}", conflicts=False))
        else:
            self.post_message(
                _Written(RepEdited(done.change_id, done.summary, gone, into), None, False)
            )
            keep_boards_fresh(db)  # the boards kept for the next start are stale now

    def on__written(self, message: _Written) -> None:
        if message.edited is not None:
            self.dismiss(message.edited)
            return
        self._writing = False
        for widget in self.query("Button, Input"):
            widget.disabled = False
        error = (message.error or "").replace("--keep from or --keep into", "a Keep button")
        self._say(error, error=True)
        self.set_class(message.conflicts, "-conflicts")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without changing anything (not while a change is being written)."""
        if not self._writing:
            self.dismiss(None)


def _snapshots(count: int) -> str:
    return f"their {count} snapshot" + ("" if count == 1 else "s")
