"""The rep box of the entry form: completes a rep from the roster, and enter takes the name."""

from __future__ import annotations

from textual.suggester import Suggester

from ssi_tui.text import fold
from ssi_tui.ui.widgets.paste_area import PageInput


class RosterSuggester(Suggester):
    """Completes a rep from the roster (names first, then ids), case and accents ignored."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names: list[str] = []
        """Filled once the roster is read (a worker), and as reps are added."""

    async def get_suggestion(self, value: str) -> str | None:
        wanted = fold(value)
        if not wanted:
            return None
        for name in self.names:
            if fold(name).startswith(wanted) and len(name) > len(value):
                return name  # as the roster spells it: taking it mends case and accents
        return None


class RepInput(PageInput):
    """The rep box: enter first takes the name suggested, as → does; a page pasted into it goes
    to the paste box, as into every field of the form."""

    async def action_submit(self) -> None:
        self.cursor_position = len(self.value)
        self.action_cursor_right()  # at the end, this takes the suggestion (Textual's own way)
        await super().action_submit()
