"""Textual's Footer, built again only when the keys it shows change, showing whole keys only.

The Footer makes its key widgets afresh whenever its screen's bindings may have changed, and
that includes every time the screen is shown again. The drill-down is one kept screen pushed on
every Enter: fresh keys to style and draw were a tenth of its first frame, for the same keys.

A Footer wider than the terminal is cut mid-key ("e Ex" at 80 columns), and the help key may
be the one cut. This one shows the keys that fit, whole and in order, and always the help and
back keys: every key stays in the `?` help and the command palette.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ShownKeys = tuple[tuple[str, str, str, bool, bool, str], ...]


def shown_keys(screen: Screen[object]) -> ShownKeys:
    """What a Footer's keys on SCREEN are made from: every active binding, and whether it is
    shown and enabled (all of them: the command palette's key is shown without `show`)."""
    return tuple(
        (key, binding.action, binding.description, binding.show, enabled, tooltip)
        for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
    )


ALWAYS_SHOWN_ACTIONS = frozenset({"help", "close", "back", "dismiss"})
"""The keys a user needs to find the others, or the way back: shown whatever the width."""


def keys_that_fit(widths: Sequence[int], always: Sequence[bool], room: int) -> list[bool]:
    """Which keys to show in ROOM columns: every ALWAYS one, then the others in order until
    one does not fit (not a later, shorter one: the order is the keys' importance)."""
    left = room - sum(width for width, kept in zip(widths, always, strict=True) if kept)
    shown: list[bool] = []
    fitting = True
    for width, kept in zip(widths, always, strict=True):
        if not kept:
            fitting = fitting and width <= left
            left -= width if fitting else 0
        shown.append(kept or fitting)
    return shown


class SteadyFooter(Footer):
    """A Footer that keeps its key widgets while the keys to show stay the same, and shows
    only whole keys."""

    _composed: ShownKeys | None = None

    def compose(self) -> ComposeResult:
        self._composed = shown_keys(self.screen) if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        unchanged = screen is self.screen and shown_keys(screen) == self._composed
        if not unchanged:
            super().bindings_changed(screen)

    async def recompose(self) -> None:
        await super().recompose()
        self.call_after_refresh(self._fit_keys)

    def on_resize(self, _event: events.Resize) -> None:
        self._fit_keys()

    def _fit_keys(self) -> None:
        """Hide the keys that would be cut, keeping the help and back keys."""
        keys = [child for child in self.children if isinstance(child, FooterKey)]
        palette = [key for key in keys if key.has_class("-command-palette")]
        others = [key for key in keys if not key.has_class("-command-palette")]
        room = self.size.width - sum(self._width_of(key) for key in palette)
        shown = keys_that_fit(
            [self._width_of(key) for key in others],
            [key.action in ALWAYS_SHOWN_ACTIONS for key in others],
            room,
        )
        for key, show in zip(others, shown, strict=True):
            key.display = show

    def _width_of(self, key: FooterKey) -> int:
        """Columns KEY takes, whether it is shown now or not."""
        content = key.get_content_width(Size(0, 0), self.app.size)
        return content + key.styles.gutter.width + key.styles.margin.width
