"""Coaching for the rep: which pillars need work, why they were picked, what to do."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ssi_tui.model.rep import Coaching


def coaching_heading(item: Coaching) -> Text:
    """'▸ Engage with insights: weakest pillar, fell 2.40 over 4 weeks'."""
    colour = Style(color=item.pillar.colour, bold=True)
    text = Text()
    text.append("▸ ", style=colour)
    text.append(item.pillar.label, style=colour)
    text.append(f": {', '.join(item.reasons)}", style="bold")
    return text


NO_SNAPSHOTS = "No snapshots to coach from."
NO_PILLARS = "No pillars given to coach from: every snapshot is a total alone."


def coaching_renderable(items: Sequence[Coaching], *, empty: str = NO_SNAPSHOTS) -> Group:
    """A title, then per pillar its heading and bullets with a hanging indent (EMPTY: why
    there is none)."""
    parts: list[Text | Table] = [Text("Coaching", style="bold underline")]
    if not items:
        parts.append(Text(empty, style="dim"))
    for item in items:
        parts.append(coaching_heading(item))
        bullets = Table.grid(padding=(0, 1), pad_edge=False)
        bullets.add_column(no_wrap=True)
        bullets.add_column(ratio=1)
        for suggestion in item.suggestions:
            bullets.add_row(Text("  •"), Text(suggestion))
        parts.append(bullets)
    return Group(*parts)


class CoachingPanel(Static):
    """Static text; replaced when the rep's history arrives."""

    DEFAULT_CSS = """
    CoachingPanel { height: auto; }
    """

    def show(self, items: Sequence[Coaching], *, snapshots: bool = True) -> None:
        """Show the coaching for ITEMS (from ssi_tui.model.rep.coaching_for), or why there is
        none: no SNAPSHOTS at all, or only snapshots without pillars."""
        self.update(coaching_renderable(items, empty=NO_PILLARS if snapshots else NO_SNAPSHOTS))
