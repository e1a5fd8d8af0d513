"""The import dialog's path box: completes file and folder names as a shell does."""

from __future__ import annotations

import os

from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input


class PathSuggester(Suggester):
    """Completes the last part of a path from what is on disk (→ or tab accepts it)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        expanded = os.path.expanduser(value)
        folder, prefix = os.path.split(expanded)
        try:
            # Only the names that fit are looked at (is_dir may ask the disk): a keystroke in a
            # folder of thousands of files stays instant.
            with os.scandir(folder or ".") as entries:
                fitting = [
                    e for e in entries if e.name.startswith(prefix) and not e.name.startswith(".")
                ]
            names = sorted(e.name + ("/" if e.is_dir() else "") for e in fitting)
        except OSError:
            return None
        for name in names:
            if name != prefix:
                return value[: len(value) - len(prefix)] + name
        return None


class PathInput(Input):
    """The path box: tab takes the suggested completion, as a shell's does, and moves on to
    the next control when there is nothing to complete (Textual's Input leaves tab to focus)."""

    BINDINGS = [Binding("tab", "complete", "Complete the path", show=False)]

    def action_complete(self) -> None:
        before = self.value
        self.cursor_position = len(before)
        self.action_cursor_right()  # at the end, this takes the suggestion (Textual's own way)
        if self.value == before:
            self.screen.focus_next()
