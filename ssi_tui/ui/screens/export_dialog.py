"""The `e` dialog: save the board exactly as shown (filter, sort, as-of, anonymised) to a file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ssi_tui.model import formats
from ssi_tui.model.board import LeaderboardRow

EXPORTERS = {"markdown": ".md", "csv": ".csv"}


def export_rows(
    rows: Sequence[LeaderboardRow], path: Path, kind: str, sort: tuple[str, bool] = ("ssi", False)
) -> Path:
    """Write ROWS as KIND (markdown or csv) to a new file at PATH, fixing the suffix when it
    is missing, and return the file written. SORT (key, reversed) is the order they are in:
    Markdown marks its column.

    Never over an existing file: the second export of a day is `ssi-2026-11-16-2.csv`, so the
    first (say, one team's view) is not lost to the default name. The app says which name.
    """
    suffix = EXPORTERS[kind]
    if path.suffix.lower() != suffix:
        path = path.with_suffix(suffix)
    if kind == "markdown":
        text = formats.to_markdown(rows, sort[0], reverse=sort[1])
    else:
        text = formats.to_csv(rows)
    candidate, attempt = path, 1
    while True:
        try:
            with candidate.open("x", encoding="utf-8") as file:  # "x": never an existing file
                file.write(text)
            return candidate
        except FileExistsError:
            attempt += 1
            candidate = path.with_name(f"{path.stem}-{attempt}{suffix}")


class ExportScreen(ModalScreen[Path | None]):
    """Pick a file name, then Markdown or CSV; returns the file written (None: cancelled)."""

    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical {
        width: 72; max-width: 100%; height: auto; border: round $accent;
        background: $surface; padding: 0 1;
    }
    ExportScreen #buttons { height: auto; align-horizontal: right; }
    /* Three buttons of Textual's 16 cells did not fit a 40-column terminal: Cancel was cut. */
    ExportScreen #buttons Button { min-width: 10; }
    ExportScreen #error { color: $error; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", tooltip="Close without saving")]

    def __init__(
        self,
        rows: Sequence[LeaderboardRow],
        default_stem: str,
        sort: tuple[str, bool] = ("ssi", False),
    ) -> None:
        super().__init__()
        self.rows = list(rows)
        self.default_stem = default_stem
        self.sort = sort
        """The sort key the rows are in, and whether reversed (Markdown marks its column)."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(f"Export the {len(self.rows)} rows shown"))
            yield Input(value=self.default_stem, id="path")
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield Button("Markdown", variant="primary", id="markdown")
                yield Button("CSV", id="csv")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed, "#markdown, #csv")
    def _save(self, event: Button.Pressed) -> None:
        kind = event.button.id or "markdown"
        raw = self.query_one("#path", Input).value.strip() or self.default_stem
        try:
            written = export_rows(self.rows, Path(raw).expanduser(), kind, self.sort)
        except OSError as error:
            self.query_one("#error", Static).update(Text(f"Cannot write there: {error}"))
            return
        self.dismiss(written)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
