"""The leaderboard table: a virtual list that renders only the rows on screen.

Textual's DataTable keeps a Python object per cell and re-adds every row on a re-sort or a
filter keystroke; at 10,000 reps that costs far more than a frame. This widget keeps the
plain row list, draws each visible line straight from it (Textual's line API), and caches
the few strips it has drawn, so sorting and filtering cost a list sort and one refresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from ssi_tui.boards.layout import (
    CHANGE_WIDTH,
    GAP,
    MOVE_WIDTH,
    PILLAR_VALUE_WIDTH,
    SSI_WIDTH,
    Layout,
    RowMeasure,
    fit_columns,
)
from ssi_tui.model.board import LeaderboardRow
from ssi_tui.pillars import NOT_GIVEN, PILLARS
from ssi_tui.text import printable
from ssi_tui.ui.widgets.row_cursor import RowCursor

EST_MARKER = " est."
"""After a total estimated from activity metrics rather than LinkedIn's own (issue #9)."""


@dataclass(frozen=True)
class Bands:
    """Where a total counts as good or fair (below fair is low)."""

    good: float = 70.0
    fair: float = 50.0

    def marker(self, total: float) -> tuple[str, str]:
        """A shape (so colour is never the only signal) and a colour for TOTAL."""
        if total >= self.good:
            return "●", "green"
        if total >= self.fair:
            return "◐", "yellow"
        return "○", "red"


@dataclass(frozen=True)
class Column:
    """One column as drawn: where it starts, how wide it is, what sorts it."""

    key: str
    label: str
    x: int
    width: int
    align: str = "left"
    notes: tuple[str, ...] = ()
    """Said after the title (and its sort arrow), the first that fits: the sparklines' scale."""


def columns_for(layout: Layout, *, own_scale: bool = True) -> list[Column]:
    """The visible columns, left to right, for a layout; with sparklines, the total's title
    says which scale they are drawn on (OWN_SCALE: each rep's own range; else fixed)."""
    specs: list[tuple[str, str, int, str]] = [
        ("rank", "#", layout.rank, "right"),
        ("move", "±", MOVE_WIDTH, "left"),
        ("name", "Name", layout.name, "left"),
    ]
    if layout.team:
        specs.append(("team", "Team", layout.team, "left"))
    specs.append(("ssi", "SSI", layout.ssi, "left"))
    specs.append(("change", "Δ wk", CHANGE_WIDTH, "right"))
    if layout.four_week:
        specs.append(("improvement", "Δ4wk", layout.four_week, "right"))
    if layout.target:
        specs.append(("target", "%Tgt", layout.target, "right"))
    specs += [
        (p.key, p.short if layout.pillar_spark else p.tiny, layout.pillar, "left") for p in PILLARS
    ]
    scale = (" · own scale", " own") if own_scale else (" · fixed scale", " fixed")
    scale = scale if layout.total_spark else ()
    columns, x = [], 0
    for key, label, width, align in specs:
        columns.append(Column(key, label, x, width, align, scale if key == "ssi" else ()))
        x += width + GAP
    return columns


def _fit(text: str, width: int, align: str = "left") -> str:
    """TEXT padded or cut (with an ellipsis) to exactly WIDTH cells."""
    if cell_len(text) > width:
        return set_cell_size(text, max(0, width - 1)) + "…" if width else ""
    pad = " " * (width - cell_len(text))
    return pad + text if align == "right" else text + pad


@cache
def _style(
    color: str | None = None,
    *,
    bold: bool | None = None,
    dim: bool | None = None,
    italic: bool | None = None,
) -> Style:
    """A Rich style made once, not per cell (docs/performance.md#the-board-table). None leaves
    an attribute to the style underneath, as Style does."""
    return Style(color=color, bold=bold, dim=dim, italic=italic)


def _change_style(value: float | None) -> Style:
    """Green for a gain, red for a loss, the row's own colour otherwise."""
    return _style(None if not value else ("green" if value > 0 else "red"))


def signed_change(value: float | None) -> str:
    """A change with its sign (so colour is never the only signal), one decimal for the whole
    column so the points line up: +2.0, -1.5, ±0.0, —."""
    if value is None:
        return "—"
    if round(value, 1) == 0:
        return "±0.0"
    return f"{value:+.1f}"


def stale_age(row: LeaderboardRow) -> str:
    """What a stale row shows where its change would be: how old its snapshot is (`2w old`)."""
    text = f"{row.age} old"
    return text if len(text) <= CHANGE_WIDTH else row.age


class BoardHeader(Widget):
    """The column titles; the active sort column shows its direction; a click sorts."""

    DEFAULT_CSS = """
    BoardHeader { height: 1; background: $panel; color: $text; text-style: bold; }
    """

    class SortClicked(Message):
        """A column title was clicked."""

        def __init__(self, key: str) -> None:
            self.key = key
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: list[Column] = []
        self.sort_key = "ssi"
        self.ascending = False

    def show(self, columns: list[Column], sort_key: str, ascending: bool) -> None:
        """Draw these columns, marking the active sort."""
        self.columns, self.sort_key, self.ascending = columns, sort_key, ascending
        self.refresh()

    def render_line(self, y: int) -> Strip:
        segments: list[Segment] = []
        active = Style(reverse=True)
        for column in self.columns:
            if column.key == self.sort_key:
                arrow = "▲" if self.ascending else "▼"
                if cell_len(column.label) + 2 <= column.width:
                    arrow = " " + arrow
                label = column.label
                if cell_len(label) + len(arrow) > column.width:
                    label = set_cell_size(label, max(0, column.width - len(arrow)))
                text = _fit(self._noted(label + arrow, column), column.width, column.align)
                segments.append(Segment(text, active))
            else:
                title = self._noted(column.label, column)
                segments.append(Segment(_fit(title, column.width, column.align)))
            segments.append(Segment(" " * GAP))
        return Strip(segments).crop(0, self.size.width)

    @staticmethod
    def _noted(title: str, column: Column) -> str:
        """TITLE followed by the first of the column's notes that fits with it."""
        for note in column.notes:
            if cell_len(title + note) <= column.width:
                return title + note
        return title

    def on_click(self, event: events.Click) -> None:
        for column in self.columns:
            if column.x <= event.x < column.x + column.width and column.key not in ("move",):
                key = "ssi" if column.key == "rank" else column.key
                self.post_message(self.SortClicked(key))
                return


class BoardTable(RowCursor, ScrollView, can_focus=True):
    """Rows of the leaderboard with a cursor; Enter asks to open the rep under it."""

    DEFAULT_CSS = """
    BoardTable { height: 1fr; overflow-x: hidden; }
    BoardTable > .board-table--cursor { background: $block-cursor-blurred-background; }
    BoardTable:focus > .board-table--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """
    COMPONENT_CLASSES = {"board-table--cursor"}

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("home,g", "cursor_top", "Top", show=False),
        Binding("end,G", "cursor_bottom", "Bottom", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("enter", "choose", "Open", tooltip="Open the drill-down for this rep"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)
    """Index of the highlighted row in the rows shown."""

    class RowChosen(Message):
        """Enter (or a click on the highlighted row) asked to open a rep."""

        def __init__(self, index: int, row: LeaderboardRow) -> None:
            self.index = index
            self.row = row
            super().__init__()

    class LayoutChanged(Message):
        """The terminal width changed which columns fit (the header follows)."""

        def __init__(self, columns: list[Column]) -> None:
            self.columns = columns
            super().__init__()

    def __init__(self, *, bands: Bands | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Sequence[LeaderboardRow] = ()
        self.bands = bands or Bands()
        self._layout: Layout | None = None
        self._columns: list[Column] = []
        self._cache: dict[int, tuple[LeaderboardRow, Strip]] = {}
        """Rows drawn, by the row's identity (with the row, which keeps that identity its own):
        a re-sort or a filter keystroke redraws only the rows new on screen."""
        self._cache_style: Style | None = None
        """The widget style the cached rows were drawn in (a new theme redraws them)."""
        self._measure = RowMeasure()
        self._sorted_by = "ssi"
        self.own_scale = True
        """Sparklines on each rep's own range (default), else on the fixed 0-25 (0-100) scale."""
        """The sort key shown: its figure keeps a column (see layout.fit_columns)."""

    # -- data -------------------------------------------------------------------------------

    def show_rows(
        self,
        rows: Sequence[LeaderboardRow],
        *,
        keep_rep: str | None = None,
        measure: RowMeasure | None = None,
        sorted_by: str | None = None,
    ) -> None:
        """Replace the rows; keep the cursor on KEEP_REP when it is still shown.

        Column widths follow MEASURE (measure_rows of the whole board, made by the worker
        that loaded it) and stay put without one, so a filter never moves them; SORTED_BY, the
        sort key, adds the column of its figure when the board has none (4-week change).
        """
        self.rows = rows
        if measure is not None:
            self._measure = measure
        if sorted_by is not None:
            self._sorted_by = sorted_by
        self._relayout()
        index = 0
        if keep_rep is not None:
            index = next((i for i, r in enumerate(rows) if r.rep_id == keep_rep), 0)
        self.virtual_size = Size(self.size.width, len(rows))
        self.cursor = min(index, max(0, len(rows) - 1))
        self.refresh()

    @property
    def current(self) -> LeaderboardRow | None:
        """The row under the cursor."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    # -- layout -----------------------------------------------------------------------------

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        measure = self._measure
        layout = fit_columns(
            width,
            measure.longest_name,
            measure.longest_team,
            estimated=measure.estimated,
            reps=measure.reps,
            sorted_by=self._sorted_by,
        )
        if layout != self._layout:
            self._layout = layout
            self._columns = columns_for(layout, own_scale=self.own_scale)
            self._cache.clear()
            self.post_message(self.LayoutChanged(self._columns))

    def show_scale(self, own_scale: bool) -> None:
        """Draw the sparklines on each rep's own range, or on the fixed scale (the header says
        which): only the rows on screen are drawn again."""
        self.own_scale = own_scale
        if self._layout is not None:
            self._columns = columns_for(self._layout, own_scale=own_scale)
            self.post_message(self.LayoutChanged(self._columns))
        self._cache.clear()
        self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        self._relayout()
        self.virtual_size = Size(self.size.width, len(self.rows))

    # -- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        base = self.rich_style  # worked out from every ancestor's styles: once a line
        if index >= len(self.rows) or self._layout is None:
            return Strip.blank(self.size.width, base)
        if base != self._cache_style:
            self._cache.clear()
            self._cache_style = base
        row = self.rows[index]
        cached = self._cache.get(id(row))
        if cached is not None and cached[0] is row:
            strip = cached[1]
        else:
            strip = self._render_row(row, base)
            if len(self._cache) > 400:
                self._cache.clear()
            self._cache[id(row)] = (row, strip)
        strip = strip.extend_cell_length(self.size.width, base).crop(0, self.size.width)
        if index == self.cursor:
            # Over each cell's own style (which carries the table's background), not under it.
            cursor = self.get_component_rich_style("board-table--cursor", partial=True)
            strip = Strip(Segment.apply_style(strip, post_style=cursor), strip.cell_length)
        return strip

    def _render_row(self, row: LeaderboardRow, base: Style) -> Strip:
        """ROW's line on BASE, the widget's own style."""
        layout = self._layout
        assert layout is not None
        segments: list[Segment] = []
        if row.stale:  # an old snapshot: the whole row dimmed, its age where its change was
            base = base + _style(dim=True)

        def cell(text: str, width: int, style: Style | None = None, align: str = "left") -> None:
            segments.append(Segment(_fit(text, width, align), base + style if style else base))
            segments.append(Segment(" " * GAP, base))

        cell(str(row.rank), layout.rank, align="right")
        move = row.movement
        move_colour = {"▲": "green", "▼": "red", "N": "cyan"}.get(move[0])
        cell(move, MOVE_WIDTH, _style(move_colour) if move_colour else _style(dim=True))
        cell(printable(row.name), layout.name)
        if layout.team:
            cell(printable(row.team or ""), layout.team, _style(dim=True))
        marker, colour = self.bands.marker(row.ssi)
        total, width = f"{marker} {row.ssi:.0f}", SSI_WIDTH + layout.est
        if layout.est and row.source == "estimated":
            segments.append(Segment(total, base + _style(colour, bold=True)))
            rest = _fit(EST_MARKER, width - cell_len(total))
            segments.append(Segment(rest, base + _style("yellow", italic=True)))
        else:
            segments.append(Segment(_fit(total, width), base + _style(colour, bold=True)))
        if layout.total_spark:
            segments.append(Segment(" " * GAP, base))
            segments.append(
                Segment(
                    row.trends.bars("ssi", own_scale=self.own_scale)[-layout.total_spark :],
                    base + _style("bright_white", dim=True),
                )
            )
        segments.append(Segment(" " * GAP, base))
        if row.stale:
            cell(stale_age(row), CHANGE_WIDTH, _style(italic=True), align="right")
        else:
            cell(signed_change(row.change), CHANGE_WIDTH, _change_style(row.change), "right")
        if layout.four_week:
            cell(
                signed_change(row.change_4w),
                layout.four_week,
                _change_style(row.change_4w),
                "right",
            )
        if layout.target:
            on_target = row.ssi >= row.target
            cell(
                f"{row.pct_of_target:.0f}%",
                layout.target,
                _style("green" if on_target else None, dim=not on_target),
                align="right",
            )
        for pillar in PILLARS:
            value = getattr(row, pillar.key)
            if value is None:  # a total alone: the pillar was not given (never 0)
                shown = _fit(NOT_GIVEN, PILLAR_VALUE_WIDTH, "right")
                segments.append(Segment(shown, base + _style(dim=True)))
            else:
                segments.append(Segment(_fit(f"{value:.2f}", PILLAR_VALUE_WIDTH, "right"), base))
            if layout.pillar_spark:
                spark = row.trends.bars(pillar.key, own_scale=self.own_scale)
                spark = spark[-layout.pillar_spark :]
                segments.append(Segment(" " * GAP, base))
                segments.append(Segment(spark, base + _style(pillar.colour)))
            segments.append(Segment(" " * GAP, base))
        return Strip(segments)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old - self.scroll_offset.y)
        self.refresh_line(new - self.scroll_offset.y)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, immediate=True)

    def refresh_line(self, y: int) -> None:
        """Repaint one visible line (y relative to the top of the widget)."""
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    # -- keys and mouse -----------------------------------------------------------------------

    def _cursor_index(self) -> int:
        return self.cursor

    def _set_cursor(self, index: int) -> None:
        self.cursor = index

    def _row_total(self) -> int:
        return len(self.rows)

    def _page_rows(self) -> int:
        return max(1, self.size.height - 1)

    def action_choose(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.RowChosen(self.cursor, row))

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if 0 <= index < len(self.rows):
            if index == self.cursor and event.chain >= 2:
                self.action_choose()
            self._move(index)
