"""What a kept board (board_cache.py) is stored with besides its rows, as typed values.

A start reads these back instead of working them out again; each turns into the plain JSON
values board_cache stores (to_json) and back (from_json).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple, dataclass
from typing import Any

from rich.text import Span, Text

from ssi_tui.boards.layout import RowMeasure


@dataclass(frozen=True)
class KeptBoard:
    """The whole board's extras: the column measure, and the name and total orders as
    positions in the board's rows (sorting 10,000 reps again would cost the start)."""

    measure: RowMeasure
    by_name: tuple[int, ...]
    by_total: tuple[int, ...]

    def to_json(self) -> tuple[object, ...]:
        """The extras as board_cache stores them."""
        return (astuple(self.measure), self.by_name, self.by_total)

    @classmethod
    def from_json(cls, data: Sequence[Any]) -> KeptBoard:
        """The extras as board_cache gives them back (lists for tuples)."""
        measure, by_name, by_total = data
        return cls(RowMeasure(*measure), tuple(by_name), tuple(by_total))


@dataclass(frozen=True)
class KeptPage:
    """The first page's extras: the column measure, the whole board's row count (the page
    is partial when it has fewer) and the whole board's summary line."""

    measure: RowMeasure
    rows: int
    summary: Text

    def to_json(self) -> tuple[object, ...]:
        """The extras as board_cache stores them: the summary as plain text and style spans."""
        spans = [(s.start, s.end, str(s.style)) for s in self.summary.spans]
        return (astuple(self.measure), self.rows, (self.summary.plain, spans))

    @classmethod
    def from_json(cls, data: Sequence[Any]) -> KeptPage:
        """The extras as board_cache gives them back."""
        measure, rows, (plain, spans) = data
        summary = Text(plain, spans=[Span(start, end, style) for start, end, style in spans])
        return cls(RowMeasure(*measure), int(rows), summary)
