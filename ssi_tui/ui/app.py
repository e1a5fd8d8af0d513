"""The Textual application: opens the leaderboard on a database, read-only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.filter import LineFilter
from textual.screen import Screen

from ssi_tui.boards.head_start import HeadStart
from ssi_tui.boards.quiet_collector import TICK_SECONDS, QuietCollector
from ssi_tui.model.options import ViewOptions
from ssi_tui.ui.no_color import unstyled_safe
from ssi_tui.ui.screens.help import key_label
from ssi_tui.ui.screens.leaderboard import LeaderboardScreen
from ssi_tui.ui.served import TEXTUAL_COMMANDS_ABSENT_WHEN_SERVED, viewer_bindings

_INPUT_EVENTS = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)
"""What counts as the manager at the keyboard (see QuietCollector.note_input)."""


class SsiApp(App[None]):
    """ssi-tui: the team's Social Selling Index as a keyboard-driven leaderboard."""

    TITLE = "ssi-tui"
    CSS_PATH = "app.tcss"

    def __init__(
        self,
        database: str | Path,
        *,
        options: ViewOptions | None = None,
        as_of: dt.date | None = None,
        team: str | None = None,
        head_start: HeadStart | None = None,
    ) -> None:
        super().__init__()
        self.database = database
        self.head_start = head_start
        """The first board, already being read (see `ssi-tui DB`)."""
        options = options or ViewOptions()
        overrides = {k: v for k, v in {"as_of": as_of, "team": team}.items() if v is not None}
        self.options = replace(options, view=replace(options.view, **overrides))
        """What to show, from the config file and the command line."""
        self.collector = QuietCollector()
        """Garbage collection between keypresses, not during them (see quiet_collector.py)."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, _INPUT_EVENTS):
            self.collector.note_input()
        await super().on_event(event)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, with NO_COLOR's monochrome one safe for unstyled text."""
        filters = super().get_line_filters()
        return unstyled_safe(filters) if self.no_color else filters

    def on_mount(self) -> None:
        self.collector.start()
        self.set_interval(TICK_SECONDS, self.collector.tick, name="quiet collector")
        if self.options.theme and self.options.theme in self.available_themes:
            self.theme = self.options.theme
        self.push_screen(LeaderboardScreen(self.database, self.options, self.head_start))
        if self.options.standup:
            from ssi_tui.ui.screens.standup import StandupScreen

            # Over the board, so that escape leads back to it.
            self.push_screen(StandupScreen.from_options(self.database, self.options))

    def on_unmount(self) -> None:
        self.collector.stop()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key of the current screen is also a command in the palette (ctrl+p)."""
        served = self.options.served
        for command in super().get_system_commands(screen):
            if not (served and command.title in TEXTUAL_COMMANDS_ABSENT_WHEN_SERVED):
                yield command
        seen: set[str] = set()
        for binding in viewer_bindings(screen.BINDINGS, served):
            if isinstance(binding, tuple) or not binding.description:
                continue
            if binding.action in seen or binding.action.startswith("app."):
                continue
            seen.add(binding.action)
            yield SystemCommand(
                binding.tooltip or binding.description,
                f"Key: {key_label(binding)}",
                partial(screen.run_action, binding.action),
            )
