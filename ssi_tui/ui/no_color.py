"""NO_COLOR without a crash: Textual's monochrome filter assumes every segment has a style.

Under NO_COLOR Textual greys every line through `Monochrome`, whose `monochrome_style(style)`
reads `style.color`; a widget drawing its own lines (`render_line`) may leave plain text
unstyled (`Segment("   #")`), as Rich allows, and the app ended in a traceback on its first
frame. This filter gives such segments the empty style first, so every widget, present and
future, is safe.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter, Monochrome

_UNSTYLED = Style()
"""What an unstyled segment means: the style underneath, unchanged."""


class UnstyledSafeMonochrome(Monochrome):
    """Textual's Monochrome, accepting segments without a style as Rich does."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        styled = [
            segment if segment.style is not None else Segment(segment.text, _UNSTYLED)
            for segment in segments
        ]
        return super().apply(styled, background)


SAFE_MONOCHROME = UnstyledSafeMonochrome()
"""One for every frame: like Textual's, it keeps no state."""


def unstyled_safe(filters: Sequence[LineFilter]) -> list[LineFilter]:
    """FILTERS with Textual's Monochrome swapped for the unstyled-safe one."""
    return [
        SAFE_MONOCHROME if type(line_filter) is Monochrome else line_filter
        for line_filter in filters
    ]
