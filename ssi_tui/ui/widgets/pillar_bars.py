"""The four pillars as horizontal bars out of 25, with the peers' average marked on each.

Industry average: LinkedIn exports give one industry average for the *total* SSI only. Dividing
it by four would invent a per-pillar number nobody measured (pillars are not equal shares of a
typical total), so it is not drawn here: the headline shows it against the total instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.widget import Widget

from ssi_tui.model.rep import PeerAverages
from ssi_tui.pillars import NOT_GIVEN, PILLAR_MAX, PILLARS, pillar_text
from ssi_tui.text import printable

_EIGHTHS = " ▏▎▍▌▋▊▉"
MARKER = "┃"
WEAKEST_TAG = "◀ weakest"


def bar_cells(value: float, width: int) -> tuple[int, str]:
    """Full cells and the partial-cell character for VALUE out of PILLAR_MAX in WIDTH cells."""
    eighths = round(max(0.0, min(value, PILLAR_MAX)) / PILLAR_MAX * width * 8)
    full, rest = divmod(eighths, 8)
    return full, _EIGHTHS[rest] if rest else ""


def marker_cell(value: float, width: int) -> int:
    """The cell (0-based) a marker for VALUE out of PILLAR_MAX falls in."""
    return min(width - 1, max(0, int(value / PILLAR_MAX * width)))


class PillarBars(Widget):
    """Two lines per pillar (label and numbers, then the bar), then the legend (one or two)."""

    DEFAULT_CSS = """
    PillarBars { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._values: dict[str, float | None] = {}
        self._peers: PeerAverages | None = None
        self._weakest: str | None = None
        self._note: str | None = None

    def show(
        self,
        values: Mapping[str, float | None],
        peers: PeerAverages,
        weakest: str | None,
        note: str | None = None,
    ) -> None:
        """Bars for VALUES (pillar key to value; None: not given), markers at PEERS' averages;
        WEAKEST flagged; NOTE (e.g. which pillars the snapshot did not give) above them."""
        self._values = dict(values)
        self._peers = peers
        self._weakest = weakest
        self._note = note
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The note's line, two lines per pillar and the legend's (or one line when empty)."""
        if not self._values:
            return 1
        return len(self._note_lines(width)) + 2 * len(PILLARS) + len(self._legend(width))

    def _note_lines(self, width: int) -> list[Text]:
        """The note, wrapped to WIDTH (none without a note)."""
        if not self._note:
            return []
        return list(Text(self._note, style="bold").wrap(self.app.console, max(10, width)))

    def render(self) -> RenderResult:
        """Lay the bars out for the current width."""
        if not self._values:
            return Text("No pillar values.", style="dim")
        width = max(10, self.size.width)
        variables = self.app.theme_variables
        track = variables.get("panel", "#303030")
        marker_colour = variables.get("foreground", "#e0e0e0")
        lines: list[Text] = self._note_lines(width)
        for pillar in PILLARS:
            value = self._values[pillar.key]
            peer = self._peers.average(pillar.key) if self._peers else None
            weakest = pillar.key == self._weakest
            numbers = f"{pillar_text(value):>5}/{PILLAR_MAX:g}"
            if peer is not None:
                numbers += f"  avg {peer:5.2f}"
            tag = f" {WEAKEST_TAG}" if weakest else ""
            room = width - len(numbers) - len(tag) - 1
            label = pillar.label if len(pillar.label) <= room else pillar.short
            head = Text()
            head.append(label, style=Style(bold=True, reverse=weakest, color=pillar.colour))
            head.append(tag, style="bold")
            head.append(" " * max(1, width - len(label) - len(tag) - len(numbers)))
            head.append(numbers)
            lines.append(head)
            if value is None:  # not given: no bar at all, never an empty bar of 0
                lines.append(Text(f"{NOT_GIVEN} not given", style="dim"))
            else:
                lines.append(self._bar(value, peer, width, pillar.colour, track, marker_colour))
        lines += self._legend(width)
        return Text("\n").join(lines)

    def _legend(self, width: int) -> list[Text]:
        """What the marker stands for, then the scale: on two lines when one cannot hold both."""
        marker = Text()
        marker.append(MARKER, style="bold")
        if self._peers is not None:
            marker.append(f" {printable(self._peers.label)}")
        scale = f"bars out of {PILLAR_MAX:g}"
        if marker.cell_len + len(" · ") + len(scale) <= width:
            marker.append(f" · {scale}", style="dim")
            return [marker]
        marker.truncate(width, overflow="ellipsis")
        return [marker, Text(scale, style="dim")]

    @staticmethod
    def _bar(
        value: float, peer: float | None, width: int, colour: str, track: str, marker: str
    ) -> Text:
        full, partial = bar_cells(value, width)
        cells = [("█", Style(color=colour, bgcolor=track))] * full
        if partial:
            cells.append((partial, Style(color=colour, bgcolor=track)))
        cells += [(" ", Style(bgcolor=track))] * (width - len(cells))
        if peer is not None:
            at = marker_cell(peer, width)
            under = colour if at < full else track
            cells[at] = (MARKER, Style(color=marker, bgcolor=under, bold=True))
        # One span per run of cells in the same style: a span per cell made the first frame of
        # the drill-down wait several milliseconds for four bars.
        bar = Text()
        start = 0
        for end in range(1, len(cells) + 1):
            if end == len(cells) or cells[end][1] != cells[start][1]:
                bar.append("".join(char for char, _ in cells[start:end]), style=cells[start][1])
                start = end
        return bar
