"""The `+` form: type a rep's snapshot at stand-up (the total, the pillars, or both) and save it.

Built for speed: enter moves to the next field and saves on the last, ctrl+s saves from any
field, and after saving the form stays open, cleared for the next rep, while the board behind
it reloads. The values are checked as they are typed (debounced, in a worker) by the
importer's own rules (importing/entry.py); the roster that completes the rep is read in a
worker too, and so is the save: the UI thread never waits on the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label, Static

from ssi_tui.boards.kept_boards import keep_boards_fresh
from ssi_tui.boards.watch import history_name
from ssi_tui.importing.entry import (
    VALUE_FIELDS,
    Entry,
    EntryError,
    EntryOutcome,
    add_entry,
    check_entry,
    find_rep,
)
from ssi_tui.importing.roster_names import completions, roster_names
from ssi_tui.pillars import PILLARS_BY_KEY
from ssi_tui.store.changes import ChangeKind
from ssi_tui.text import printable
from ssi_tui.ui.screens.confirm_dialog import ConfirmScreen
from ssi_tui.ui.screens.import_dialog import one_per_line
from ssi_tui.ui.widgets.paste_area import PageInput, PasteArea
from ssi_tui.ui.widgets.rep_input import RepInput, RosterSuggester

CHECK_DELAY = 0.25
"""Seconds of quiet typing before the entry is checked (one check per pause, not per key)."""
ENTER_ORDER: tuple[str, ...] = (*("rep", *VALUE_FIELDS), "date")
"""Where enter goes next: the rep, the total, the pillars, ranks and averages, then the date
(filled with today), where enter saves."""
_SHORT_LABELS = {
    **{key: pillar.short for key, pillar in PILLARS_BY_KEY.items()},
    "industry_rank": "Ind. rank",
    "network_rank": "Net. rank",
    "industry_avg": "Ind. avg",
    "network_avg": "Net. avg",
}
_HINT = "enter: next field (on a name: take it) · ctrl+s: save · esc: close"


class _RosterRead(Message):
    def __init__(self, names: list[str]) -> None:
        self.names = names
        super().__init__()


class _Checked(Message):
    def __init__(self, generation: int, problems: list[str], note: str) -> None:
        self.generation, self.problems, self.note = generation, problems, note
        super().__init__()


class _NeedsConfirmation(Message):
    def __init__(self, entry: Entry) -> None:
        self.entry = entry
        super().__init__()


class _Saved(Message):
    def __init__(self, outcome: EntryOutcome | None, problems: list[str]) -> None:
        self.outcome, self.problems = outcome, problems
        super().__init__()


def saved_line(outcome: EntryOutcome) -> str:
    """The one line after a save: `Saved Ann Lee: 67`, and what else it did."""
    total = outcome.stored.get("ssi")
    shown = "–" if total is None else f"{round(total, 6):g}"
    if outcome.status == "unchanged":
        return f"Unchanged: {outcome.rep_name} already has {shown} on {outcome.date}"
    more = " (new rep)" if outcome.new_rep else ""
    if outcome.status == "corrected":
        more += " (corrected)"
    return f"Saved {outcome.rep_name}: {shown}{more}"


class EntryFormScreen(ModalScreen[None]):
    """Rep, date, total, pillars, ranks and averages; saved as a typed change."""

    DEFAULT_CSS = """
    EntryFormScreen { align: center middle; }
    EntryFormScreen > Vertical {
        width: 78; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    EntryFormScreen .row { height: 1; margin-bottom: 1; }
    EntryFormScreen Label { margin-right: 1; }
    EntryFormScreen Input {
        border: none; height: 1; width: 7; padding: 0 1; margin-right: 2;
        background: $boost;
    }
    EntryFormScreen Input:focus { border: none; background: $accent 40%; }
    EntryFormScreen #rep { width: 38; }
    EntryFormScreen #date { width: 12; }
    EntryFormScreen #problems { color: $error; height: auto; }
    EntryFormScreen #status { color: $success; height: auto; }
    EntryFormScreen #hint { color: $text-muted; }
    EntryFormScreen #paste-area { height: auto; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Save this snapshot and clear for the next rep"),
        Binding("escape", "close", "Close", tooltip="Close the form"),
    ]

    def __init__(
        self,
        database: str | Path,
        *,
        rep: str = "",
        today: dt.date | None = None,
        on_saved: Callable[[EntryOutcome], None] | None = None,
        suggest_names: bool = True,
    ) -> None:
        super().__init__()
        self.database = database
        self.start_rep = rep
        self.today = today or dt.date.today()
        self.on_saved = on_saved
        self.suggest_names = suggest_names
        """Complete the rep from the roster (not while names are hidden: it would show them)."""
        """Called after each save (the board reloads)."""
        self.change_kind = ChangeKind.TYPED
        """What the next save is in the history (fill() from a paste makes it PASTED)."""
        self._suggester = RosterSuggester()
        self._check_timer: Timer | None = None
        self._generation = 0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(
                Text(f"Add a snapshot to {printable(history_name(self.database))}"), id="title"
            )
            with Horizontal(classes="row"):
                yield Label("Rep")
                yield RepInput(
                    self.start_rep,
                    placeholder="name or e-mail",
                    suggester=self._suggester,
                    id="rep",
                )
                yield Label("Date")
                yield PageInput(self.today.isoformat(), id="date")
            with Horizontal(classes="row"):
                yield Label("SSI")
                yield PageInput(id="ssi")
                for key in VALUE_FIELDS[1:5]:
                    yield Label(_SHORT_LABELS[key])
                    yield PageInput(id=key)
            with Horizontal(classes="row"):
                for key in VALUE_FIELDS[5:]:
                    yield Label(_SHORT_LABELS[key])
                    yield PageInput(id=key)
            yield Static("", id="problems")
            yield Static("", id="status")
            yield Static(Text(_HINT), id="hint")
            # A copied SSI page, pasted here (or into any field), fills the fields: _page_read.
            yield PasteArea(id="paste-area")

    def on_mount(self) -> None:
        self.query_one("#ssi" if self.start_rep else "#rep", Input).focus()
        if self.suggest_names:
            self.read_roster()

    # -- the paste engineer's door -------------------------------------------------------------

    @on(PasteArea.Read)
    def _page_read(self, message: PasteArea.Read) -> None:
        """The numbers of a pasted page replace the form's (the rep and date stay); a save is
        then a pasted change."""
        found = message.page.entry_fields()
        if found:
            self.fill({key: found.get(key) for key in VALUE_FIELDS}, kind=ChangeKind.PASTED)

    def fill(self, entry_fields: dict[str, Any], *, kind: ChangeKind | None = None) -> None:
        """Put ENTRY_FIELDS (field key -> value: a number, text, a date, or None to clear) into
        the form; KIND (e.g. PASTED) is what the next save is in the history."""
        for key, value in entry_fields.items():
            if key not in ENTER_ORDER:
                continue
            if isinstance(value, float | int):
                text = f"{float(value):.15g}"
            else:
                text = "" if value is None else str(value)
            self.query_one(f"#{key}", Input).value = text
        if kind is not None:
            self.change_kind = kind

    # -- typing --------------------------------------------------------------------------------

    def entry(self) -> Entry:
        """The form as an Entry (blank fields: not given)."""
        texts = {key: self.query_one(f"#{key}", Input).value.strip() for key in ENTER_ORDER}
        values = {key: texts[key] or None for key in VALUE_FIELDS}
        return Entry(texts["rep"], texts["date"] or None, **values)

    def _is_blank(self) -> bool:
        return not any(self.query_one(f"#{key}", Input).value.strip() for key in ENTER_ORDER[:-1])

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        key = event.input.id or ""
        if key not in ENTER_ORDER or key == ENTER_ORDER[-1]:
            self.action_save()
            return
        self.query_one(f"#{ENTER_ORDER[ENTER_ORDER.index(key) + 1]}", Input).focus()

    @on(Input.Changed)
    def _changed(self) -> None:
        self._generation += 1
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(CHECK_DELAY, self._check_now)

    def _check_now(self) -> None:
        self._check_timer = None
        if self._is_blank():
            self.query_one("#problems", Static).update("")
            return
        self.check(self.entry(), self._generation)

    @work(thread=True, exclusive=True, group="entry-check")
    def check(self, entry: Entry, generation: int) -> None:
        """The entry's problems by the importer's rules, and whether its rep is new."""
        try:
            problems = check_entry(self.database, entry)
            new = not problems and find_rep(self.database, entry.rep).is_new
        except Exception as error:  # a safety net: the form reports, never crashes the app
            problems, new = [f"cannot check: {error}"], False
        note = f"{entry.rep.strip()} is not on the roster: saving asks to add them." if new else ""
        self.post_message(_Checked(generation, problems, note))

    def on__checked(self, message: _Checked) -> None:
        if message.generation != self._generation:
            return  # typed on since: a newer check is coming
        lines = [*message.problems, *([message.note] if message.note else [])]
        self.query_one("#problems", Static).update(one_per_line(lines))

    # -- saving --------------------------------------------------------------------------------

    def action_save(self) -> None:
        self.save(self.entry(), self.change_kind, new_rep_ok=False)

    @work(thread=True, exclusive=True, group="entry-save")
    def save(self, entry: Entry, kind: ChangeKind, *, new_rep_ok: bool) -> None:
        """Check, ask about a new rep (through the UI thread), then write in one transaction."""
        try:
            problems = check_entry(self.database, entry)
            if problems:
                self.post_message(_Saved(None, problems))
                return
            if not new_rep_ok and find_rep(self.database, entry.rep).is_new:
                self.post_message(_NeedsConfirmation(entry))
                return
            outcome = add_entry(self.database, entry, kind=kind, new_rep_ok=new_rep_ok)
        except EntryError as error:
            self.post_message(_Saved(None, error.problems))
        except Exception as error:  # a safety net: the form reports, never crashes the app
            self.post_message(_Saved(None, [f"not saved: {error}"]))
        else:
            self.post_message(_Saved(outcome, []))
            if outcome.change_id is not None:
                # The boards `ssi-tui DB` keeps for its next start are stale now: read them
                # again, as the import dialog does.
                keep_boards_fresh(self.database)

    def on__needs_confirmation(self, message: _NeedsConfirmation) -> None:
        entry = message.entry
        kind = self.change_kind

        def answered(yes: bool | None) -> None:
            if yes:
                self.save(entry, kind, new_rep_ok=True)
            else:
                self.query_one("#rep", Input).focus()

        self.app.push_screen(
            ConfirmScreen(
                f"{entry.rep.strip()} is not on the roster. Add them as a new rep?", "Add rep"
            ),
            answered,
        )

    def on__saved(self, message: _Saved) -> None:
        outcome = message.outcome
        if outcome is None:
            self.query_one("#status", Static).update("")
            self.query_one("#problems", Static).update(
                one_per_line(["Not saved:", *message.problems])
            )
            return
        self.query_one("#status", Static).update(
            one_per_line([saved_line(outcome), *(f"Check: {w}" for w in outcome.warnings)])
        )
        self.query_one("#problems", Static).update("")
        if outcome.new_rep and self.suggest_names:
            self._suggester.names.append(outcome.rep_name)
        self.fill({key: None for key in ENTER_ORDER[:-1]})
        self.query_one(PasteArea).clear()
        self.change_kind = ChangeKind.TYPED
        self.query_one("#rep", Input).focus()
        if self.on_saved is not None:
            self.on_saved(outcome)

    # -- the roster ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="entry-roster")
    def read_roster(self) -> None:
        """The names (and ids) the rep box completes to."""
        try:
            names = completions(roster_names(self.database))
        except Exception:  # no completion is no reason to fail: the rep is still typed
            names = []
        self.post_message(_RosterRead(names))

    def on__roster_read(self, message: _RosterRead) -> None:
        self._suggester.names[:0] = message.names

    def action_close(self) -> None:
        self.dismiss(None)
