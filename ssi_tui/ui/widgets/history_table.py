"""Every snapshot of one rep, newest first, each value with its change since the one before.

Looks and moves as Textual's DataTable (header, zebra stripes, a row cursor) but draws only
the lines on screen, as BoardTable does, so `n` never waits (docs/performance.md#the-drill-down).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ssi_tui.model.rep import RepDetail
from ssi_tui.pillars import NOT_GIVEN, PILLARS
from ssi_tui.text import printable
from ssi_tui.ui.widgets.rep_headline import format_total
from ssi_tui.ui.widgets.row_cursor import RowCursor

CHANGE_WIDTH = 5
"""'+0.45': the change inside each cell (wider ones just widen the column), so values line up."""
PADDING = 1
"""Blank cells either side of each column's content."""


def value_cell(value: float | None, change: float | None, *, total: bool = False) -> Text:
    """'20.99 +0.45' ('65 +1.00' for a whole total); the oldest is padded to line up; a dim
    NOT_GIVEN for a pillar a snapshot did not give (a total alone)."""
    if value is None:
        cell = Text(f"{NOT_GIVEN:>5} ", justify="right", style="dim")
        cell.append(" " * CHANGE_WIDTH)
        return cell
    cell = Text(f"{format_total(value) if total else f'{value:5.2f}'} ", justify="right")
    if change is None:
        cell.append(" " * CHANGE_WIDTH)
    else:
        style = "" if abs(change) < 0.005 else ("green" if change > 0 else "red")
        cell.append(f"{change:+.2f}".rjust(CHANGE_WIDTH), style=style)
    return cell


@dataclass(frozen=True)
class _Column:
    label: Text
    width: int
    """Content cells, without the padding either side."""


class HistoryTable(RowCursor, ScrollView, can_focus=True):
    """Date, total and the four pillars of every snapshot up to the board's as-of date.

    The header stays on the first line; the rows scroll under it. The cursor shows only
    while the table has the keys (otherwise it looks selected, and up/down walk through reps).
    """

    DEFAULT_CSS = """
    HistoryTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 16;
        scrollbar-size-vertical: 1;
        &:focus {
            background-tint: $foreground 5%;
            & > .history-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .history-table--header { background-tint: $foreground 5%; }
        }
        &:dark > .history-table--even-row { background: $surface-darken-1 40%; }
        & > .history-table--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .history-table--header { background: ansi_bright_blue; color: ansi_default; }
        & > .history-table--even-row { background: $surface-lighten-1 50%; }
    }
    """
    COMPONENT_CLASSES = {
        "history-table--header",
        "history-table--even-row",
        "history-table--cursor",
    }

    BINDINGS = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("home", "cursor_top", "Top", show=False),
        Binding("end", "cursor_bottom", "Bottom", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, repaint=False)
    """Index of the row under the cursor (0 = the newest snapshot)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._columns: list[_Column] = []
        self._rows: list[tuple[Text, ...]] = []
        self._strips: dict[int, Strip] = {}
        """Drawn rows by index, without the row's own background (zebra, cursor)."""

    # -- data -------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many snapshots are listed."""
        return len(self._rows)

    def get_row_at(self, index: int) -> tuple[Text, ...]:
        """The cells of row INDEX, left to right."""
        return self._rows[index]

    def clear(self) -> None:
        """No rows (and no columns)."""
        self._set_rows([], [])

    def show(self, detail: RepDetail) -> None:
        """Replace the rows with DETAIL's history."""
        mixed = any(s.source != "official" for s in detail.history)
        labels = [Text("Date"), Text("Total", justify="right")]
        labels += [Text(p.short, justify="right") for p in PILLARS]
        if mixed:
            labels.append(Text("Source"))
        rows: list[tuple[Text, ...]] = []
        for index, snapshot in enumerate(detail.history):
            cells = [Text(snapshot.date.isoformat())]
            cells.append(value_cell(snapshot.ssi, detail.change(index, "ssi"), total=True))
            cells += [
                value_cell(snapshot.value(p.key), detail.change(index, p.key)) for p in PILLARS
            ]
            if mixed:
                cells.append(Text(printable(snapshot.source)))
            rows.append(tuple(cells))
        columns = [
            _Column(label, max([label.cell_len, *(row[i].cell_len for row in rows)]))
            for i, label in enumerate(labels)
        ]
        self._set_rows(columns, rows)

    def _set_rows(self, columns: list[_Column], rows: list[tuple[Text, ...]]) -> None:
        self._columns, self._rows = columns, rows
        self._strips.clear()
        width = sum(column.width + 2 * PADDING for column in columns)
        self.virtual_size = Size(width, len(rows) + 1 if columns else 0)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.cursor_row = 0
        self.refresh()

    # -- drawing ----------------------------------------------------------------------------

    def _line(self, cells: tuple[Text, ...], style: Style) -> Strip:
        """One line of CELLS: each padded and justified to its column, on STYLE."""
        console = self.app.console
        segments: list[Segment] = []
        for column, cell in zip(self._columns, cells, strict=True):
            room = column.width - cell.cell_len
            left = room if cell.justify == "right" else 0
            segments.append(Segment(" " * (PADDING + left), style))
            for segment in cell.render(console, end=""):
                segments.append(Segment(segment.text, style + segment.style))
            segments.append(Segment(" " * (PADDING + room - left), style))
        return Strip(segments)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = self.scroll_offset
        base = self.rich_style
        if self._columns and y == 0:
            header = base + self.get_component_rich_style("history-table--header")
            strip = self._line(tuple(c.label for c in self._columns), header)
            return strip.crop_extend(scroll_x, scroll_x + width, header)
        index = scroll_y + y - 1
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._strips[index] = self._line(self._rows[index], Style())
        # Across the whole width, under each cell's own colours (a change's green or red).
        row_style = base
        if index % 2 == 0:
            row_style += self.get_component_rich_style("history-table--even-row")
        if index == self.cursor_row and self.has_focus:
            row_style += self.get_component_rich_style("history-table--cursor")
        return strip.crop_extend(scroll_x, scroll_x + width, None).apply_style(row_style)

    def on_focus(self) -> None:
        self.refresh()  # the cursor shows

    def on_blur(self) -> None:
        self.refresh()

    # -- keys and mouse ---------------------------------------------------------------------

    def watch_cursor_row(self, old: int, new: int) -> None:
        """Keep the cursor's row in view, under the header."""
        rows_shown = max(1, self.scrollable_content_region.height - 1)
        top = self.scroll_offset.y
        if new < top:
            top = new
        elif new >= top + rows_shown:
            top = new - rows_shown + 1
        self.scroll_to(y=top, animate=False, immediate=True)
        self.refresh()

    def _cursor_index(self) -> int:
        return self.cursor_row

    def _set_cursor(self, index: int) -> None:
        self.cursor_row = index

    def _row_total(self) -> int:
        return len(self._rows)

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)  # less the header

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            self._move(self.scroll_offset.y + event.y - 1)
