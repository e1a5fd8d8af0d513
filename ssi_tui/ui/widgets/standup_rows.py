"""The stand-up pages' building blocks: fixed-width cells, one-line rows and tall rows whose key
number is drawn in large digits, plus the column plans that fit them to a terminal width.

Every imported text (names, teams) goes through `printable` and into plain Text: never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Digits, Static

from ssi_tui.pillars import NOT_GIVEN, PILLAR_MAX, PILLARS
from ssi_tui.text import printable

GAP = 1
TALL = 3
"""Height of a row drawn with large digits (Textual's Digits are three lines tall)."""
BARS = " ▏▎▍▌▋▊▉█"
"""Eighths of a cell, for pillar bars."""


@dataclass(frozen=True)
class Col:
    """One column: a key for the cells, its title, width and alignment."""

    key: str
    label: str
    width: int
    align: str = "left"


def cell(value: str | Text, width: int, align: str = "left", style: str = "") -> Text:
    """VALUE cut (with an ellipsis) or padded to exactly WIDTH cells.

    A str is imported text or a number: shown literally (control characters made visible).
    """
    text = value.copy() if isinstance(value, Text) else Text(printable(value), style=style)
    text.no_wrap = True
    if cell_len(text.plain) > width:
        text.truncate(width, overflow="ellipsis")
    text.align(align, width)  # type: ignore[arg-type]
    return text


def line(cols: Sequence[Col], cells: dict[str, str | Text]) -> Text:
    """One row: each column's cell (blank when missing), separated by GAP spaces."""
    parts = [cell(cells.get(c.key, ""), c.width, c.align) for c in cols]
    return Text(" " * GAP).join(parts)


def header(cols: Sequence[Col]) -> Text:
    """The column titles."""
    return line(cols, {c.key: Text(c.label) for c in cols})


def width_of(cols: Sequence[Col]) -> int:
    """Cells taken by COLS with their gaps."""
    return sum(c.width for c in cols) + GAP * max(0, len(cols) - 1)


def bar(value: float, width: int, colour: str, maximum: float = PILLAR_MAX) -> Text:
    """A horizontal bar of WIDTH cells, full at MAXIMUM (eighth-cell steps)."""
    eighths = round(max(0.0, min(value, maximum)) / maximum * width * 8)
    full, part = divmod(eighths, 8)
    body = "█" * full + (BARS[part] if part else "")
    return Text(body.ljust(width), style=colour)


def pillar_cell(value: float | None, bar_width: int, colour: str, *, mark: str = "") -> Text:
    """A pillar value to one decimal (with an optional marker), then its bar when there is room;
    a dim NOT_GIVEN and no bar for a pillar not given (a total alone), never an empty bar of 0."""
    if value is None:
        text = cell(Text(NOT_GIVEN, style="dim"), 5, "right")
        return text.append(" " * (GAP + bar_width)) if bar_width else text
    text = cell(Text(f"{mark}{value:.1f}", style="bold"), 5, "right")
    if bar_width:
        text.append(" ")
        text.append_text(bar(value, bar_width, colour))
    return text


def pillar_cols(bar_width: int) -> list[Col]:
    """The four pillar columns: short titles when bars are shown, tiny ones otherwise."""
    width = 5 + (GAP + bar_width if bar_width else 0)
    return [Col(p.key, p.short if bar_width else p.tiny, width) for p in PILLARS]


def fit_pillars(room: int, most: int = 12) -> int:
    """The widest pillar bar (0: none) that lets four pillar columns fit in ROOM extra cells."""
    per_pillar = room // 4 - GAP
    return max(0, min(most, per_pillar)) if per_pillar >= 4 else 0


def signed(value: float | None) -> str:
    """A change with its sign, one decimal at most: +2, -1.5, ±0; — when unknown."""
    if value is None:
        return "—"
    if round(value, 1) == 0:
        return "±0"
    return f"{value:+.1f}".removesuffix(".0")


def change_style(value: float | None) -> str:
    """Green for a rise, red for a fall (the sign is always shown too)."""
    if value is None or round(value, 1) == 0:
        return "dim"
    return "bold green" if value > 0 else "bold red"


def movement_text(movement: str) -> Text:
    """Rank movement: ▲3 green, ▼1 red, NEW cyan, – dim."""
    if movement.startswith("▲"):
        return Text(movement, style="bold green")
    if movement.startswith("▼"):
        return Text(movement, style="bold red")
    if movement == "NEW":
        return Text(movement, style="bold cyan")
    return Text(movement, style="dim")


class ShortRow(Static):
    """A row of one line."""

    DEFAULT_CSS = """
    ShortRow { height: 1; width: 1fr; }
    """

    def __init__(self, content: Text, *, classes: str | None = None) -> None:
        super().__init__(content, classes=classes)


class TallRow(Horizontal):
    """A row three lines tall: text cells either side of a number in large digits.

    The text sits on the middle line, level with the middle of the digits.
    """

    DEFAULT_CSS = """
    TallRow { height: 3; width: 1fr; }
    TallRow > Static { height: 3; width: auto; }
    TallRow > Digits { height: 3; text-align: right; text-style: bold; color: $text; }
    TallRow > Digits.-good { color: $text-success; }
    TallRow > Digits.-fair { color: $text-warning; }
    TallRow > Digits.-low { color: $text-error; }
    TallRow > Digits.-up { color: $text-success; }
    TallRow > Digits.-down { color: $text-error; }
    """

    def __init__(
        self,
        left: Text,
        big: str,
        big_width: int,
        right: Text,
        *,
        big_class: str = "",
        classes: str | None = None,
    ) -> None:
        super().__init__(classes=classes)
        self._left = left
        self._big = big
        self._big_width = big_width
        self._right = right
        self._big_class = big_class

    def compose(self) -> ComposeResult:
        blank = Text("")
        if self._left.plain:
            left = Static(Text("\n").join([blank, self._left, blank]), classes="left")
            left.styles.width = cell_len(self._left.plain)
            yield left
        digits = Digits(self._big, classes=self._big_class)
        digits.styles.width = self._big_width
        yield digits
        if self._right.plain:
            right = Static(Text("\n").join([blank, self._right, blank]), classes="right")
            right.styles.width = cell_len(self._right.plain) + GAP
            right.styles.padding = (0, 0, 0, GAP)
            yield right


def row_widget(
    cols: Sequence[Col],
    cells: dict[str, str | Text],
    *,
    big: str | None = None,
    big_text: str | Text = "",
    big_class: str = "",
    tall: bool = False,
) -> Widget:
    """A ShortRow, or (TALL) a TallRow drawing column BIG's value BIG_TEXT in large digits.

    In a short row column BIG shows CELLS[BIG] as text, like any other column.
    """
    if not tall or big is None:
        return ShortRow(line(cols, cells))
    at = next(i for i, c in enumerate(cols) if c.key == big)
    left, right = cols[:at], cols[at + 1 :]
    digits = big_text.plain if isinstance(big_text, Text) else big_text
    return TallRow(
        line(left, cells) if left else Text(""),
        digits,
        cols[at].width + (GAP if left else 0),
        line(right, cells) if right else Text(""),
        big_class=big_class,
    )


def tall_count(lines: int, shown: int, most: int = 3) -> int:
    """How many of SHOWN one-line rows can be drawn TALL in LINES, without pushing any off."""
    spare = lines - shown
    return max(0, min(most, shown, spare // (TALL - 1)))
