"""The `T` dialog: the highlighted rep's own target, their team's and the default, set together.

The targets live in the database (model/targets.py), so every manager opening it sees the same;
an empty box clears that target (the next one applies). Read and written in thread workers.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ssi_tui.errors import SsiError
from ssi_tui.model.targets import RepTargets, rep_targets, save_rep_targets
from ssi_tui.text import printable

FIELDS = ("own", "team", "default")


def parse_target(text: str) -> float | None:
    """A box's target: None when empty (clear it); ValueError saying what is expected."""
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"expected a number above 0 up to 100, got '{text}'") from None
    if not 0 < value <= 100:
        raise ValueError(f"expected a number above 0 up to 100, got {value:g}")
    return value


class _Loaded(Message):
    def __init__(self, targets: RepTargets | None, error: str | None) -> None:
        self.targets, self.error = targets, error
        super().__init__()


class _Saved(Message):
    def __init__(self, error: str | None) -> None:
        self.error = error
        super().__init__()


class TargetsScreen(ModalScreen[bool]):
    """Three boxes (rep, team, default) → Save / Cancel; returns whether it saved."""

    DEFAULT_CSS = """
    TargetsScreen { align: center middle; }
    TargetsScreen > Vertical {
        width: 64; max-width: 100%; height: auto; border: round $accent;
        background: $surface; padding: 0 1;
    }
    TargetsScreen .row { height: auto; }
    TargetsScreen .row Label { width: 28; padding: 1 1 0 0; }
    TargetsScreen .row Input { width: 1fr; }
    TargetsScreen #problems { color: $error; }
    TargetsScreen #buttons { height: auto; align-horizontal: right; }
    TargetsScreen #buttons Button { min-width: 10; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without saving")]

    def __init__(self, database: str | Path, rep_id: str, shown_name: str, fallback: float) -> None:
        super().__init__()
        self.database = database
        self.rep_id = rep_id
        self.shown_name = shown_name
        """The name the board shows (a pseudonym when names are hidden)."""
        self.fallback = fallback
        """The config file's default target: what applies when no default is stored."""
        self.targets: RepTargets | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Targets of {printable(self.shown_name)}"), id="title")
            for field, label in zip(FIELDS, ("Own target", "Team target", "Default"), strict=True):
                with Horizontal(classes="row"):
                    yield Label(Text(label), id=f"{field}-label")
                    yield Input(placeholder="none", id=field, disabled=True)
            yield Static(Text("Loading…"), id="applies")
            yield Static("", id="problems")
            with Horizontal(id="buttons"):
                yield Button("Save", variant="primary", id="save", disabled=True)
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="targets-read")
    def load(self) -> None:
        try:
            self.post_message(_Loaded(rep_targets(self.database, self.rep_id), None))
        except SsiError as error:
            self.post_message(_Loaded(None, str(error)))

    def on__loaded(self, message: _Loaded) -> None:
        if message.targets is None:
            self.query_one("#problems", Static).update(Text(message.error or ""))
            return
        targets = self.targets = message.targets
        team = targets.team
        self.query_one("#team-label", Label).update(
            Text(f"Team target ({printable(team)})" if team else "Team target (no team)")
        )
        self.query_one("#default-label", Label).update(Text("Default (everyone else)"))
        self.query_one("#default", Input).placeholder = f"none: the config's {self.fallback:g}"
        for field, value in zip(
            FIELDS, (targets.own, targets.team_target, targets.stored_default), strict=True
        ):
            box = self.query_one(f"#{field}", Input)
            box.value = "" if value is None else f"{value:g}"
            box.disabled = field == "team" and not team
        self.query_one("#own", Input).focus()
        self._check()

    @on(Input.Changed)
    def _check(self) -> None:
        """Validated as typed: the problem shown, Save only when every box is a target."""
        if self.targets is None:
            return
        problems, values = [], []
        for field in FIELDS:
            try:
                values.append(parse_target(self.query_one(f"#{field}", Input).value))
            except ValueError as error:
                problems.append(f"{self.query_one(f'#{field}-label', Label).content}: {error}")
        self.query_one("#problems", Static).update(Text("\n".join(problems)))
        self.query_one("#save", Button).disabled = bool(problems)
        if not problems:
            own, team, default = values
            applies = own or team or default or self.fallback
            self.query_one("#applies", Static).update(
                Text(f"{printable(self.shown_name)} is measured against {applies:g}.")
            )

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        if self.targets is None or self.query_one("#save", Button).disabled:
            return
        own, team, default = (parse_target(self.query_one(f"#{f}", Input).value) for f in FIELDS)
        for widget in self.query("Button, Input"):
            widget.disabled = True
        self.save(own, team if self.targets.team else None, default)

    @work(thread=True, exclusive=True, group="targets-write")
    def save(self, own: float | None, team: float | None, default: float | None) -> None:
        """One transaction: the three targets as the boxes say."""
        try:
            save_rep_targets(self.database, self.rep_id, own, team, default)
        except SsiError as error:
            self.post_message(_Saved(str(error)))
        else:
            self.post_message(_Saved(None))

    def on__saved(self, message: _Saved) -> None:
        if message.error is not None:
            self.query_one("#problems", Static).update(Text(message.error))
            for widget in self.query("Button, Input"):
                widget.disabled = False
            return
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
