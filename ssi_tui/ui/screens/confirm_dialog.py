"""A yes/no question before an action that cannot be taken back by escape (a new rep)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """QUESTION (shown literally) with a confirming button and Cancel; y / n answer too."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 60; max-width: 100%; height: auto;
        border: round $warning; background: $surface; padding: 0 1;
    }
    ConfirmScreen #buttons { height: auto; align-horizontal: right; }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", tooltip="Confirm"),
        Binding("n,escape", "answer(False)", "No", tooltip="Cancel"),
    ]

    def __init__(self, question: str, confirm: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.confirm = confirm

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.question), id="question")
            with Horizontal(id="buttons"):
                yield Button(self.confirm, variant="warning", id="yes")
                yield Button("Cancel", id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
