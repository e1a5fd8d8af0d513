"""The drill-down's trend: total SSI with the target line, and the four pillars, over time.

Chart choice: textual-plotext (`PlotextPlot`). It works in Textual 8.2.8 (it renders plotext's
ANSI output as a Rich Text, so it is deterministic in snapshot tests) and gives what
`Sparkline` cannot: real y axes with values, a dated x axis, a horizontal target line and
several coloured series in one frame. Two plots share one date axis: the total (0-100, with
the target) and the pillars (0-25). One plot with a second y axis was tried and rejected: an
average pillar sits exactly on total/4, so the lines lay on top of each other.

Axes are zoomed to rounded bounds (tens for the total, fives for pillars) that always include
the target, so a 2-point change is visible yet the scale rarely jumps when walking through reps.
x is "days since the first snapshot", labelled with our own ISO dates: plotext parses dates as
UTC but formats its tick labels in the local time zone, so they could shift a day between machines.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult, RenderResult
from textual.color import Color
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static
from textual_plotext import PlotextPlot

from ssi_tui.model.rep import RepDetail
from ssi_tui.pillars import NOT_GIVEN, PILLAR_MAX, PILLARS, TOTAL_MAX

RGB = tuple[int, int, int]
TICK_SPACING = 16
"""Columns per x tick label (an ISO date is 10): fewer labels on narrow terminals."""


def rich_rgb(colour: str) -> RGB:
    """A Rich colour name (as in pillars.py) as an RGB triple for plotext."""
    r, g, b = RichColor.parse(colour).get_truecolor()
    return (r, g, b)


@dataclass(frozen=True)
class Series:
    """One line of a plot."""

    label: str
    values: tuple[float | None, ...]
    """One per date; None where the snapshot did not give it (a total alone): skipped."""
    colour: RGB

    def points(self, days: Sequence[int]) -> tuple[list[int], list[float]]:
        """The (days, values) given, the ones not given skipped: the line joins its neighbours
        rather than dipping to 0."""
        given = [(day, v) for day, v in zip(days, self.values, strict=True) if v is not None]
        return [day for day, _ in given], [v for _, v in given]


def axis_bounds(values: Sequence[float], *, step: float, top: float) -> tuple[float, float]:
    """Bounds rounded out to STEP with a little room, clipped to 0..TOP."""
    low, high = min(values), max(values)
    room = step / 4
    lower = max(0.0, math.floor((low - room) / step) * step)
    upper = min(top, math.ceil((high + room) / step) * step)
    if upper <= lower:
        upper = min(top, lower + step)
    return lower, upper


def axis_ticks(lower: float, upper: float, rows: int, steps: Sequence[float]) -> list[float]:
    """Evenly spaced y ticks: the finest of STEPS that leaves two rows per label."""
    span = upper - lower
    step = next((s for s in steps if span / s <= max(1, rows // 2)), steps[-1])
    first = math.ceil(lower / step) * step
    count = int((upper - first) // step) + 1
    return [first + i * step for i in range(count)]


def date_ticks(days: Sequence[int], width: int) -> list[int]:
    """Snapshot days to label: first, last, and evenly spaced in time, never crowded.

    Labels sit on real snapshot dates, about TICK_SPACING columns apart whatever the gaps
    in a rep's history.
    """
    if len(days) <= 1:
        return list(days)
    first, last = days[0], days[-1]
    span = last - first
    wanted = max(2, width // TICK_SPACING)
    gap = span * TICK_SPACING / max(width, 1)  # fewest days between two labels at this width
    picks = [first]
    for i in range(1, wanted):
        aim = first + span * i / (wanted - 1)
        nearest = min(days, key=lambda d: abs(d - aim))
        if nearest - picks[-1] >= gap:
            picks.append(nearest)
    if picks[-1] != last:
        if last - picks[-1] < gap and len(picks) > 1:
            picks.pop()
        picks.append(last)
    return picks


class SeriesPlot(PlotextPlot):
    """A plotext plot of dated series; ticks are recomputed for the size at each render."""

    DEFAULT_CSS = """
    SeriesPlot { height: 1fr; min-height: 6; }
    """

    def __init__(
        self, *, top: float, round_to: float, steps: Sequence[float], id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._top = top
        self._round_to = round_to
        self._steps = tuple(steps)
        self._start: dt.date | None = None
        self._days: list[int] = []
        self._bounds: tuple[float, float] = (0.0, top)

    def show(
        self,
        dates: Sequence[dt.date],
        series: Sequence[Series],
        *,
        target: float | None = None,
        target_colour: RGB | None = None,
    ) -> None:
        """Replace the plotted data (dates oldest first, each series aligned with them)."""
        plt = self.plt
        plt.clear_data()
        self._start = dates[0] if dates else None
        self._days = [(d - dates[0]).days for d in dates]
        values = [v for s in series for v in s.values if v is not None]
        if target is not None:
            values.append(target)
        self._bounds = (
            axis_bounds(values, step=self._round_to, top=self._top) if values else (0, self._top)
        )
        for line in series:
            days, given = line.points(self._days)
            if len(days) == 1:  # a lone braille dot is all but invisible
                plt.scatter(days, given, marker="●", color=line.colour)
            elif days:
                plt.plot(days, given, marker="braille", color=line.colour)
        if target is not None:
            plt.horizontal_line(target, color=target_colour)
        plt.ylim(*self._bounds)
        if len(self._days) == 1:
            plt.xlim(-1, 1)
        elif self._days:
            plt.xlim(self._days[0], self._days[-1])
        self.refresh()

    def render(self) -> RenderResult:
        """Draw with ticks that fit the current size."""
        plt = self.plt
        if self._start is not None:
            start = self._start
            ticks = date_ticks(self._days, self.size.width)
            plt.xticks(ticks, [(start + dt.timedelta(days=t)).isoformat() for t in ticks])
        ys = axis_ticks(*self._bounds, self.size.height - 3, self._steps)
        # Same label width on both plots, so their date axes line up.
        plt.yticks(ys, [f"{y:>3g}" for y in ys])
        return super().render()


class TrendChart(Vertical):
    """Total (with the target line) above the pillars, with legends naming every line.

    The two plots are mounted after the first frame (or by an earlier `show`): until there is
    a history to plot the chart is only a message, so the drill-down's first frame does not
    wait for them, and they are ready, hidden, when the history arrives.
    """

    DEFAULT_CSS = """
    TrendChart { height: auto; }
    TrendChart .legend { height: auto; }
    TrendChart #trend-empty { color: $text-muted; height: auto; }
    """

    def __init__(self, message: str | None = None, *, id: str | None = None) -> None:
        """MESSAGE: start empty, saying why (as show_message), e.g. while the history loads."""
        super().__init__(id=id)
        self._message = message
        self._empty = message is not None
        """Showing the message rather than the plots (see _show_plots)."""
        self._plot_pair: tuple[SeriesPlot, SeriesPlot] | None = None

    def compose(self) -> ComposeResult:
        for legend in ("total-legend", "pillar-legend"):
            yield self._shown_with_plots(Static(id=legend, classes="legend"))
        empty = Static(Text(self._message or ""), id="trend-empty")
        empty.display = self._empty
        yield empty

    def _shown_with_plots(self, widget: Widget) -> Widget:
        widget.display = not self._empty
        return widget

    def _show_plots(self, shown: bool) -> None:
        """The plots and their legends, or the message.

        By each child's display, not by a class on the chart: a class restyles the whole
        chart, which was a tenth of the drill-down's first frame on every Enter.
        """
        if self._empty != shown:
            return
        self._empty = not shown
        for child in self.children:
            child.display = (child.id == "trend-empty") != shown

    def on_mount(self) -> None:
        self.call_after_refresh(self._mount_plots)

    def _mount_plots(self) -> None:
        """Mount the plots once the first frame is out (unless the chart is gone by then)."""
        if self.is_attached:
            self._plots()

    def _plots(self) -> tuple[SeriesPlot, SeriesPlot]:
        """The total's and the pillars' plots, each under its legend (mounted on the first call)."""
        if self._plot_pair is None:
            total = SeriesPlot(
                top=TOTAL_MAX, round_to=10, steps=(2, 5, 10, 20, 25, 50), id="total-plot"
            )
            pillars = SeriesPlot(
                top=PILLAR_MAX, round_to=5, steps=(1, 2, 5, 10, 25), id="pillar-plot"
            )
            self.mount(self._shown_with_plots(total), after="#total-legend")
            self.mount(self._shown_with_plots(pillars), after="#pillar-legend")
            self._plot_pair = (total, pillars)
        return self._plot_pair

    def _theme_rgb(self, variable: str, fallback: str) -> RGB:
        value = self.app.theme_variables.get(variable, fallback)
        r, g, b = Color.parse(value).rgb
        return (r, g, b)

    def show_message(self, message: str) -> None:
        """Hide the plots and say why (loading, nothing to plot, an error)."""
        self._show_plots(False)
        self.query_one("#trend-empty", Static).update(Text(message))

    def show(self, detail: RepDetail, target: float) -> None:
        """Plot the rep's whole history (up to the board's as-of date)."""
        history = list(reversed(detail.history))
        if not history:
            self.show_message(f"No snapshots on or before {detail.as_of.isoformat()}.")
            return
        self._show_plots(True)
        dates = [s.date for s in history]
        total_colour = self._theme_rgb("foreground", "#e0e0e0")
        target_colour = self._theme_rgb("error", "#ff4040")
        total_plot, pillar_plot = self._plots()
        total_plot.show(
            dates,
            [Series("Total SSI", tuple(s.ssi for s in history), total_colour)],
            target=target,
            target_colour=target_colour,
        )
        pillar_series = [
            Series(p.short, tuple(s.value(p.key) for s in history), rich_rgb(p.colour))
            for p in PILLARS
        ]
        pillar_plot.show(dates, pillar_series)

        total = Text()
        total.append("Total SSI ", style="bold")
        total.append("━━", style=Style(color=f"rgb{total_colour}"))
        total.append(" total (0-100)  ")
        total.append("──", style=Style(color=f"rgb{target_colour}"))
        total.append(f" target {target:g}  ")
        count = len(history)
        total.append(f"· {count} snapshot{'s' if count != 1 else ''}", style="dim")
        self.query_one("#total-legend", Static).update(total)
        pillars = Text()
        pillars.append("Pillars (0-25) ", style="bold")
        for line in pillar_series:
            pillars.append("━━", style=Style(color=f"rgb{line.colour}"))
            pillars.append(f" {line.label}  ")
        alone = sum(1 for s in history if not s.pillars_given)
        if alone:
            pillars.append(
                f"· {NOT_GIVEN} {alone} snapshot{'s' if alone != 1 else ''} without pillars",
                style="dim",
            )
        self.query_one("#pillar-legend", Static).update(pillars)
