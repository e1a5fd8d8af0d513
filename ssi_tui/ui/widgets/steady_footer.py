"""Textual's Footer, built again only when the keys it shows change.

The Footer makes its key widgets afresh whenever its screen's bindings may have changed, and
that includes every time the screen is shown again. The drill-down is one kept screen pushed on
every Enter: fresh keys to style and draw were a tenth of its first frame, for the same keys.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

ShownKeys = tuple[tuple[str, str, str, bool, bool, str], ...]


def shown_keys(screen: Screen[object]) -> ShownKeys:
    """What a Footer's keys on SCREEN are made from: every active binding, and whether it is
    shown and enabled (all of them: the command palette's key is shown without `show`)."""
    return tuple(
        (key, binding.action, binding.description, binding.show, enabled, tooltip)
        for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
    )


class SteadyFooter(Footer):
    """A Footer that keeps its key widgets while the keys to show stay the same."""

    _composed: ShownKeys | None = None

    def compose(self) -> ComposeResult:
        self._composed = shown_keys(self.screen) if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        unchanged = screen is self.screen and shown_keys(screen) == self._composed
        if not unchanged:
            super().bindings_changed(screen)
