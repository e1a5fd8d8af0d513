"""The cursor keys of the tables that draw their own rows (BoardTable, HistoryTable).

Both keep a cursor on one of their rows and move it the same way: a row up or down, to the top
or the bottom, a page either way, never past the rows there are. Each table says where its
cursor is, how many rows it has and how many make a page; the moves live here, once.
"""

from __future__ import annotations


class RowCursor:
    """The cursor moves of a table; mix in before the widget class."""

    def _cursor_index(self) -> int:
        """Where the cursor is (0 = the first row)."""
        raise NotImplementedError

    def _set_cursor(self, index: int) -> None:
        """Put the cursor on row INDEX (always one of the rows)."""
        raise NotImplementedError

    def _row_total(self) -> int:
        """How many rows the table has."""
        raise NotImplementedError

    def _page_rows(self) -> int:
        """How far a page key moves: the rows the table shows at once, less one kept in view."""
        raise NotImplementedError

    def _move(self, index: int) -> None:
        """The cursor to INDEX, or as near as the rows allow; nothing when there are none."""
        total = self._row_total()
        if total:
            self._set_cursor(max(0, min(index, total - 1)))

    def action_cursor_up(self) -> None:
        self._move(self._cursor_index() - 1)

    def action_cursor_down(self) -> None:
        self._move(self._cursor_index() + 1)

    def action_cursor_top(self) -> None:
        self._move(0)

    def action_cursor_bottom(self) -> None:
        self._move(self._row_total() - 1)

    def action_page_up(self) -> None:
        self._move(self._cursor_index() - self._page_rows())

    def action_page_down(self) -> None:
        self._move(self._cursor_index() + self._page_rows())
