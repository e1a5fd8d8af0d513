"""The confirm dialog of an undo: what it would do (its dry-run plan), then Undo or Cancel."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static


class UndoConfirmScreen(ModalScreen[bool]):
    """Shows PLAN_LINES (model/undo_text.describe_plan); True when the undo is confirmed."""

    DEFAULT_CSS = """
    UndoConfirmScreen { align: center middle; }
    UndoConfirmScreen > Vertical {
        width: 90; max-width: 100%; height: auto; max-height: 90%;
        border: round $warning; background: $surface; padding: 0 1;
    }
    UndoConfirmScreen Label { width: 100%; }
    /* The buttons stay on screen however long the plan and however small the terminal. */
    UndoConfirmScreen #plan { height: auto; max-height: 50vh; }
    UndoConfirmScreen #buttons { height: auto; align-horizontal: right; }
    UndoConfirmScreen #buttons Button { min-width: 10; }
    """
    BINDINGS = [
        Binding("y", "confirm", "Undo", tooltip="Undo the change"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without undoing"),
    ]

    def __init__(self, plan_lines: list[str]) -> None:
        super().__init__()
        self.plan_lines = plan_lines

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text("Undo this change? (y: undo, esc: cancel; an undo is final)"))
            with VerticalScroll(id="plan"):
                # Names and file names shown literally, never as markup.
                yield Static(Text("\n".join(self.plan_lines)), id="plan-text")
            with Horizontal(id="buttons"):
                yield Button("Undo", variant="warning", id="confirm")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
