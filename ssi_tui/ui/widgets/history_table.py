"""Every snapshot of one rep, newest first, each value with its change since the one before.

A DataTable is enough: a rep has at most a few hundred snapshots (one a week for years).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from ssi_tui.pillars import PILLARS
from ssi_tui.rep import RepDetail
from ssi_tui.text import printable
from ssi_tui.ui.widgets.rep_headline import format_total

CHANGE_WIDTH = 5
"""'+0.45': the change inside each cell (wider ones just widen the column), so values line up."""


def value_cell(value: float, change: float | None, *, total: bool = False) -> Text:
    """'20.99 +0.45' ('65 +1.00' for a whole total); the oldest is padded to line up."""
    cell = Text(f"{format_total(value) if total else f'{value:5.2f}'} ", justify="right")
    if change is None:
        cell.append(" " * CHANGE_WIDTH)
    else:
        style = "" if abs(change) < 0.005 else ("green" if change > 0 else "red")
        cell.append(f"{change:+.2f}".rjust(CHANGE_WIDTH), style=style)
    return cell


class HistoryTable(DataTable[Text]):
    """Date, total and the four pillars of every snapshot up to the board's as-of date."""

    DEFAULT_CSS = """
    HistoryTable { height: auto; max-height: 16; scrollbar-size-vertical: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, show_cursor=False)

    def on_focus(self) -> None:
        """Show the cursor only while the table has the keys (otherwise it looks selected)."""
        self.show_cursor = True

    def on_blur(self) -> None:
        """Hide the cursor again: up/down walk through reps now."""
        self.show_cursor = False

    def show(self, detail: RepDetail) -> None:
        """Replace the rows with DETAIL's history."""
        self.clear(columns=True)
        mixed = any(s.source != "official" for s in detail.history)
        headers: list[tuple[str, Text]] = [("date", Text("Date"))]
        headers.append(("ssi", Text("Total", justify="right")))
        headers += [(p.key, Text(p.short, justify="right")) for p in PILLARS]
        if mixed:
            headers.append(("source", Text("Source")))
        rows: list[list[Text]] = []
        for index, snapshot in enumerate(detail.history):
            cells = [Text(snapshot.date.isoformat())]
            cells.append(value_cell(snapshot.ssi, detail.change(index, "ssi"), total=True))
            cells += [
                value_cell(snapshot.value(p.key), detail.change(index, p.key)) for p in PILLARS
            ]
            if mixed:
                cells.append(Text(printable(snapshot.source)))
            rows.append(cells)
        # Widths given up front: DataTable would otherwise measure the cells on its next idle,
        # and a screenshot taken before that shows header-wide, cut-off columns.
        for column, (key, label) in enumerate(headers):
            width = max([label.cell_len, *(row[column].cell_len for row in rows)])
            self.add_column(label, key=key, width=width)
        for snapshot, cells in zip(detail.history, rows, strict=True):
            self.add_row(*cells, key=snapshot.date.isoformat())
