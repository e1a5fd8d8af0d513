"""The line under the title (its text: ui/board_summary.py)."""

from __future__ import annotations

from rich.text import Text
from textual.visual import visualize
from textual.widgets import Static


class Summary(Static):
    """Shows board_summary.summary_text: a Static given a Text, never read as markup."""

    _lines = 0
    """How many lines the text shown takes (0: not known yet)."""

    def show(self, text: Text) -> None:
        """Show TEXT; lay the screen out again only when it takes another number of lines.

        A new board changes the summary on every week step, and a layout pass of the whole
        screen would be most of what that step costs to paint.
        """
        width = self.content_region.width
        lines = visualize(self, text, markup=False).get_height(self.styles, width) if width else 0
        self.update(text, layout=not lines or lines != self._lines)
        self._lines = lines

    def on_resize(self) -> None:
        self._lines = 0  # wrapped anew at the new width: the next show lays out again

    DEFAULT_CSS = """
    Summary { height: auto; padding: 0 1; background: $boost; color: $text-muted; }
    """
