"""Stand-up mode: the board for a screen across the room, rotating through a few pages.

Pages: the board top-down (a terminal-sized page at a time, the top three in large digits), the
week's biggest movers, team averages, and who is on target and for how many weeks in a row.
No header or footer: one line says where we are, one dim line lists the keys. The data comes
from ssi_tui.model.standup in a thread worker; pages are planned for the terminal's size and planned
again when it changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Resize
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from ssi_tui.errors import SsiError
from ssi_tui.model.board import Source
from ssi_tui.model.options import ViewOptions
from ssi_tui.model.standup import Standup, load_standup
from ssi_tui.text import printable
from ssi_tui.ui.follow_history import FollowsHistory
from ssi_tui.ui.screens.help import HelpScreen
from ssi_tui.ui.standup_plan import PAGE_DOTS_MAX, RELOAD_CHECK_SECONDS, Page, plan_pages
from ssi_tui.ui.widgets.board_table import Bands
from ssi_tui.ui.widgets.standup_pages import (
    board_widgets,
    movers_widgets,
    target_widgets,
    teams_widgets,
)
from ssi_tui.ui.widgets.steady_footer import keys_that_fit

HINT_SEPARATOR = "  ·  "
"""Between the keys on the stand-up's hint line."""


class StandupLoaded(Message):
    """The worker read the stand-up data."""

    def __init__(self, standup: Standup) -> None:
        self.standup = standup
        super().__init__()


class StandupLoadFailed(Message):
    """The database could not be read."""

    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()


class TopBar(Static):
    """Where we are: mode, page title, date and team, page dots, and PAUSED when paused."""

    DEFAULT_CSS = """
    TopBar { height: 1; width: 1fr; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.left = Text("")
        self.right = Text("")

    def show(self, left: Text, right: Text) -> None:
        """Replace both halves (the left one is cut first when they do not fit)."""
        self.left, self.right = left, right
        self.refresh()

    def render(self) -> Text:
        width = max(0, self.size.width - 2)
        right = self.right
        room = width - cell_len(right.plain) - 1
        left = self.left.copy()
        if room < cell_len(left.plain):
            left.truncate(max(0, room), overflow="ellipsis")
        pad = max(1, width - cell_len(left.plain) - cell_len(right.plain))
        return Text.assemble(left, " " * pad, right)


class StandupScreen(FollowsHistory):
    """The stand-up display: large digits, no chrome, rotating every ROTATE seconds."""

    AUTO_FOCUS = ""
    DEFAULT_CSS = """
    /* Plain white on black whatever the theme: high contrast for a screen across the room. */
    StandupScreen { background: black; color: white; }
    StandupScreen #top { background: black; }
    StandupScreen #body { height: 1fr; padding: 0 1; overflow: hidden; }
    StandupScreen #hint { height: 1; padding: 0 1; color: $text-muted; }
    StandupScreen #message { height: 1fr; content-align: center middle; text-style: bold; }
    StandupScreen .titles { color: $text-muted; text-style: bold; }
    StandupScreen .gap { height: 1; }
    StandupScreen .pair { height: auto; }
    StandupScreen .pair > Vertical { width: 1fr; height: auto; margin-right: 2; }
    StandupScreen .headline { height: 3; }
    StandupScreen .headline > Digits { width: auto; margin-right: 2; text-style: bold;
                                       color: $text-success; }
    StandupScreen .headline > Static { width: 1fr; height: 3; }
    """

    BINDINGS = [
        Binding("space,right", "next_page", "Next", tooltip="Show the next page now"),
        Binding("left", "previous_page", "Previous", tooltip="Show the previous page"),
        Binding("p", "toggle_pause", "Pause", tooltip="Pause or resume the rotation"),
        Binding("escape", "back", "Back", tooltip="Back to the leaderboard"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Show every key"),
        Binding("q", "app.quit", "Quit", tooltip="Quit ssi-tui"),
    ]

    def __init__(
        self,
        database: str | Path,
        *,
        as_of: dt.date | None = None,
        team: str | None = None,
        target: float = 70.0,
        rotate: float = 15.0,
        show_fallers: bool = False,
        anonymise: bool = False,
        bands: Bands | None = None,
        exclude: Sequence[str] = (),
        source: Source = "best",
    ) -> None:
        super().__init__()
        self.database = database
        self.as_of = as_of
        """The date asked for; None follows the newest data (a reload picks up new weeks)."""
        self.team = team
        self.target = target
        self.rotate = rotate
        """Seconds per page; 0 or less: no rotation (space moves on)."""
        self.show_fallers = show_fallers
        self.anonymise = anonymise
        self.bands = bands or Bands()
        self.exclude = tuple(exclude)
        """Reps who opted out (rep_id or name): never shown."""
        self.source: Source = source
        self.standup: Standup | None = None
        self.pages: list[Page] = [Page("empty")]
        self.page_index = 0
        self.paused = False
        self.loads = 0
        """How many times data arrived from the database (tests wait on it)."""
        self._timer: Timer | None = None
        self.follow(database)
        self._message = "Loading…"

    @classmethod
    def from_options(cls, database: str | Path, options: ViewOptions) -> StandupScreen:
        """The stand-up screen for the app's view options (config file, then flags)."""
        view = options.view
        return cls(
            database,
            as_of=view.as_of,
            team=view.team,
            target=view.target,
            rotate=options.rotate,
            show_fallers=options.show_fallers,
            anonymise=view.anonymise,
            bands=Bands(good=options.good, fair=options.fair),
            exclude=view.exclude,
            source=view.source,
        )

    @property
    def page(self) -> Page:
        """The page on screen."""
        return self.pages[self.page_index]

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        yield Vertical(Static(Text(self._message), id="message"), id="body")
        yield Static(id="hint")

    def on_mount(self) -> None:
        self._update_bars()
        self.load()
        self.set_interval(RELOAD_CHECK_SECONDS, self._reload_if_changed)

    # -- data ----------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="standup")
    def load(self) -> None:
        """Read everything the pages show, then post it."""
        try:
            if self._server is not None:
                self._server.prime()  # before the read: a write during it is seen next poll
            standup = load_standup(
                self.database,
                as_of=self.as_of,
                team=self.team,
                default_target=self.target,
                anonymise=self.anonymise,
                source=self.source,
                exclude=self.exclude,
            )
        except SsiError as error:
            self.post_message(StandupLoadFailed(str(error)))
        except Exception as error:  # a safety net: the wall display reports, never crashes
            self.post_message(StandupLoadFailed(f"unexpected error: {error!r}"))
        else:
            self.post_message(StandupLoaded(standup))

    def read_again(self) -> None:
        """The history changed (another import, an undo, the server back): read it."""
        self.load()

    async def on_standup_loaded(self, message: StandupLoaded) -> None:
        self.standup = message.standup
        board = message.standup.board
        if not board.dates:
            self._message = "No snapshots yet. Import exports with: ssi-tui import DB exports/"
        elif not board.rows:
            when = board.as_of.isoformat() if board.as_of else "that date"
            self._message = f"No snapshots on or before {when}."
        await self._replan()
        if self._timer is None and self.rotate > 0:  # the first page gets its full time
            self._timer = self.set_interval(self.rotate, self._tick, pause=self.paused)
        self.loads += 1

    async def on_standup_load_failed(self, message: StandupLoadFailed) -> None:
        self.notify(message.error, title="Cannot read the database", severity="error")
        if self.standup is None:  # nothing shown yet: say why instead of "Loading…"
            self._message = f"Cannot read the database: {message.error}"
            await self._show()

    # -- pages ---------------------------------------------------------------------------------

    async def on_resize(self, _event: Resize) -> None:
        if self.standup is not None:
            await self._replan()

    async def _replan(self) -> None:
        """Plan the pages for the current size and stay on (about) the same page."""
        current = self.page
        self.pages = plan_pages(self.standup, self.size.height)
        same = [i for i, p in enumerate(self.pages) if p.kind == current.kind]
        within = [i for i in same if self.pages[i].start <= current.start < self.pages[i].stop]
        self.page_index = (within or same or [0])[0]
        await self._show()

    def _widgets(self, page: Page) -> list[Widget]:
        standup = self.standup
        width = max(10, self.size.width - 2)
        height = self.size.height
        if standup is None or page.kind == "empty":
            return [Static(Text(self._message), id="message")]
        if page.kind == "board":
            return board_widgets(standup, page, width, self.bands)
        if page.kind == "movers":
            return movers_widgets(standup, width, height, self.show_fallers)
        if page.kind == "teams":
            return teams_widgets(standup, page, width, self.bands)
        return target_widgets(standup, page, width, height)

    async def _show(self) -> None:
        body = self.query_one("#body", Vertical)
        widgets = self._widgets(self.page)
        with self.app.batch_update():
            await body.remove_children()
            await body.mount_all(widgets)
        self._update_bars()

    def _update_bars(self) -> None:
        page = self.page
        left = Text(" SSI STAND-UP ", style="bold reverse")
        left.append("  ")
        left.append(page.title, style="bold")
        right = Text()
        board = self.standup.board if self.standup else None
        if board is not None and board.as_of is not None:
            right.append(board.as_of.isoformat(), style="bold")
            right.append(" · ")
            right.append(printable(board.team) if board.team else "All teams")
            if board.anonymised:
                right.append(" · anonymised")
            right.append("  ")
        right.append_text(self._dots())
        if self.paused:
            right.append("  ")
            right.append(" ❚❚ PAUSED ", style="bold reverse yellow")
        self.query_one(TopBar).show(left, right)
        keys = ["space next", "p resume" if self.paused else "p pause"]
        if self._can_go_back():
            keys.append("esc board")
        keys += ["? help", "q quit"]
        self.query_one("#hint", Static).update(Text(HINT_SEPARATOR.join(self._fitting(keys))))

    def _fitting(self, keys: list[str]) -> list[str]:
        """The KEYS that fit on the hint line, whole; the help and the way back always."""
        separator = cell_len(HINT_SEPARATOR)
        room = self.size.width - 2 + separator  # the line's padding; no separator before the first
        widths = [cell_len(key) + separator for key in keys]
        always = [key in ("? help", "esc board") for key in keys]
        return [
            key
            for key, shown in zip(keys, keys_that_fit(widths, always, room), strict=True)
            if shown
        ]

    def _dots(self) -> Text:
        count = len(self.pages)
        if count <= 1:
            return Text("")
        if count > PAGE_DOTS_MAX:
            return Text(f"{self.page_index + 1}/{count}", style="bold")
        dots = Text()
        for index in range(count):
            current = index == self.page_index
            dots.append("●" if current else "○", style="bold" if current else "dim")
        return dots

    def _tick(self) -> None:
        # Timer callbacks run outside the message loop: queue the turn like a key press.
        self.call_next(self._auto_turn)

    async def _auto_turn(self) -> None:
        if not self.paused:  # a pause pressed while this turn was queued still holds
            await self._turn(1)

    async def _turn(self, step: int) -> None:
        self.page_index = (self.page_index + step) % len(self.pages)
        await self._show()

    # -- actions -------------------------------------------------------------------------------

    async def action_next_page(self) -> None:
        """Move on now; the new page gets its full time on screen."""
        if self._timer is not None:
            self._timer.reset()
        await self._turn(1)

    async def action_previous_page(self) -> None:
        if self._timer is not None:
            self._timer.reset()
        await self._turn(-1)

    def action_toggle_pause(self) -> None:
        self.paused = not self.paused
        if self._timer is not None:
            if self.paused:
                self._timer.pause()
            else:
                self._timer.reset()
                self._timer.resume()
        self._update_bars()

    def _can_go_back(self) -> bool:
        """Only when pushed over another screen of the app (e.g. the board)."""
        stack = self.app.screen_stack
        if self not in stack:
            return False
        below = stack[: stack.index(self)]
        return bool(below) and below[-1].id != "_default"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self._can_go_back()
        return True

    def action_back(self) -> None:
        if self._can_go_back():
            self.dismiss()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Stand-up keys", self.BINDINGS))
