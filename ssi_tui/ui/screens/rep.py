"""The rep drill-down: one rep's headline, pillars, trend, history and coaching.

Opened from the leaderboard with the board it was showing and the reps in their displayed
order, so `n`/`p` walk through exactly the list the manager was looking at. The headline and
the bars come from that board (instant, and never disagreeing with it); the history is read
from the database in a thread worker, which posts a message that fills the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path
from typing import TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.events import Resize, ScreenResume
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import get_current_worker

from ssi_tui.boards.watch import history_name
from ssi_tui.errors import SsiError
from ssi_tui.model.board import Board, LeaderboardRow
from ssi_tui.model.rep import (
    PeerAverages,
    RepDetail,
    RepNotFoundError,
    Snapshot,
    coaching_for,
    not_given_note,
    peer_averages,
    pillar_values,
    read_reps,
    weakest_of,
)
from ssi_tui.model.source import Source
from ssi_tui.text import printable
from ssi_tui.ui.messages import HistoryFailed, HistoryLoaded
from ssi_tui.ui.screens.help import HelpScreen
from ssi_tui.ui.screens.rep_bindings import REP_BINDINGS
from ssi_tui.ui.screens.rep_edit import RepEdited, RepEditScreen
from ssi_tui.ui.served import is_absent, remove_absent_bindings, viewer_bindings
from ssi_tui.ui.widgets.coaching import CoachingPanel
from ssi_tui.ui.widgets.estimate_breakdown import EstimateBreakdown
from ssi_tui.ui.widgets.history_table import HistoryTable
from ssi_tui.ui.widgets.pillar_bars import PillarBars
from ssi_tui.ui.widgets.rep_headline import RepHeadline, headline_facts
from ssi_tui.ui.widgets.steady_footer import SteadyFooter
from ssi_tui.ui.widgets.trend_chart import TrendChart

WIDE = 120
"""From this many columns, headline/bars/coaching sit left of the chart and history."""
WidgetType = TypeVar("WidgetType", bound=Widget)
NOT_ON_BOARD = "Not on this board (filtered out, or no snapshot by its as-of date)."
WAITING = "Reading the history…"
"""Shown in the chart and the coaching until the rep's history arrives."""


def coaching_waiting() -> Text:
    """The coaching panel's text until the history arrives."""
    return Text(f"Coaching: {WAITING}", style="dim")


class _Body(VerticalScroll, can_focus=False):
    """Scrolls with the mouse and page keys; not focusable, so up/down stay free for n/p."""


class RepScreen(Screen[str | None]):
    """One rep in detail; dismissed with the rep_id last shown (for the board's cursor)."""

    AUTO_FOCUS = ""
    """Nothing focused at first: up/down walk through reps until the history table is entered."""

    DEFAULT_CSS = """
    RepScreen #position { height: auto; padding: 0 1; background: $panel; }
    RepScreen #body { height: 1fr; padding: 0 0 0 1; scrollbar-size-vertical: 1; }
    RepScreen #left, RepScreen #right { height: auto; }
    RepScreen .section { height: 1; margin-top: 1; text-style: bold; }
    RepScreen PillarBars { margin-top: 1; }
    RepScreen CoachingPanel { margin-top: 1; }
    RepScreen TrendChart { height: 26; margin-top: 1; }
    RepScreen #empty { height: 1fr; content-align: center middle; color: $text-muted; }
    RepScreen.-wide #body { layout: horizontal; overflow-y: hidden; }
    RepScreen.-wide #left { width: 2fr; max-width: 76; height: 100%; overflow-y: auto;
                            margin-right: 2; }
    /* The history's six columns take 74 cells, and 76 with its scrollbar and a wider change
       ("+10.00"): the left side gives way first (at 120 columns, to about 40). */
    RepScreen.-wide #right { width: 3fr; min-width: 77; height: 100%; }
    RepScreen.-wide TrendChart { height: 1fr; margin-top: 0; }
    RepScreen.-wide HistoryTable { height: 14; max-height: 14; }
    RepScreen #history-waiting { height: auto; color: $text-muted; }
    RepScreen.-wide #history-waiting { height: 14; }
    """

    BINDINGS = REP_BINDINGS

    def __init__(
        self,
        db_path: str | Path,
        board: Board,
        order: Sequence[str],
        index: int,
        *,
        target: float = 70.0,
    ) -> None:
        super().__init__()
        self.db_path = db_path
        self.detail: RepDetail | None = None
        """The history shown, once loaded (None while loading the current rep)."""
        self._cache: dict[str, RepDetail] = {}
        self._parts: dict[tuple[type[Widget], str | None], Widget] = {}
        self._built = False
        """Whether compose has built the panel (see reusable)."""
        self._history_focused = False
        """Whether the history table had the focus when hidden (it gets it back when shown)."""
        self._styled_for: object = None
        """The app's CSS generation this screen was last fully styled for (see _resumed)."""
        self.on_roster_change: Callable[[], None] | None = None
        """Called after a roster change made here (the leaderboard reads its board again)."""
        self._take(board, order, index, target)

    def _take(self, board: Board, order: Sequence[str], index: int, target: float) -> None:
        """What to show: rep INDEX of ORDER on BOARD (histories read for another board go)."""
        if board is not getattr(self, "board", None):
            # Per board, not per Enter: 10,000 rows make these a few milliseconds each.
            self._rows: dict[str, LeaderboardRow] = {}
            self._teams: dict[str | None, list[LeaderboardRow]] = {}
            """The board's reps by team: averaging a team then looks at its reps alone."""
            for row in board.rows:
                self._rows[row.rep_id] = row
                self._teams.setdefault(row.team, []).append(row)
            self._peers: dict[str | None, PeerAverages] = {}
            self._cache.clear()  # histories depend on the board's date and source
        self.board = board
        self.order: tuple[str, ...] = tuple(order)
        self.index = max(0, min(index, len(self.order) - 1))
        self.target = target

    def _peer_averages(self, team: str | None) -> PeerAverages:
        """The board's pillar averages for TEAM (see rep.peer_averages), once per board."""
        if team not in self._peers:
            peers = self.board.rows if team is None else self._teams.get(team, [])
            self._peers[team] = peer_averages(peers, team)
        return self._peers[team]

    def _part(self, kind: type[WidgetType], selector: str | None = None) -> WidgetType:
        """The panel's widget of KIND (and SELECTOR), found once: the screen is kept between
        Enters, and DOM walks slowed each Enter (docs/performance.md#the-drill-down)."""
        key = (kind, selector)
        widget = self._parts.get(key)
        if widget is None:
            widget = self._parts[key] = self.query_one(selector or kind, kind)  # type: ignore[arg-type]
        return widget  # type: ignore[return-value]

    @property
    def rep_id(self) -> str | None:
        """The rep shown now (None when the board's order was empty)."""
        return self.order[self.index] if self.order else None

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="position")
        rep_id = self.rep_id
        if rep_id is None or self.board.as_of is None:
            yield Static(Text("No rep to show. Press esc to go back."), id="empty")
        else:
            # The widgets the history fills start out waiting for it (it is read after the
            # first frame); on_mount shows what the board knows.
            self._read_histories()
            # The layout is picked now, not on mount, so that the widgets are styled only once.
            self._apply_width(self.app.size.width)
            self._built = True
            with _Body(id="body"):
                with Vertical(id="left"):
                    yield RepHeadline()
                    yield PillarBars(id="bars")
                    yield EstimateBreakdown(id="estimate")
                    yield CoachingPanel(coaching_waiting(), id="coaching")
                with Vertical(id="right"):
                    yield TrendChart(WAITING, id="trend")
                    yield Static(Text("History, newest first"), classes="section")
                    yield Static(Text(WAITING), id="history-waiting")
                    table = HistoryTable(id="history")
                    table.display = False
                    yield table
        yield SteadyFooter()

    @property
    def _served(self) -> bool:
        """A served (browser) session: it never writes (ui/served.py)."""
        options = getattr(self.app, "options", None)
        return bool(getattr(options, "served", False))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A served session never runs what it must not reach, whatever asks for it."""
        return not is_absent(action, self._served)

    def on_mount(self) -> None:
        remove_absent_bindings(self, self._served)
        self._apply_width(self.size.width)
        self._show_position()
        rep_id = self.rep_id
        if rep_id is not None and self.board.as_of is not None:
            self._show_board_row(rep_id, self._rows.get(rep_id))

    @on(ScreenResume)
    def _resumed(self, event: ScreenResume) -> None:
        """Pushed again: restyle every node only if the app's CSS changed (a new theme) since.

        Textual restyles a resumed screen whole, to catch such changes; for this screen,
        reused on every Enter, that was a fifth of the time to its first frame. Runs before
        Textual's own handler. Without the counter (another Textual), it always restyles.
        """
        generation = getattr(self.app, "_css_update_count", None)
        if generation is not None and generation == self._styled_for:
            event.refresh_styles = False
        self._styled_for = generation

    def on_resize(self, event: Resize) -> None:
        self._apply_width(event.size.width)

    @property
    def reusable(self) -> bool:
        """Whether show_board can make this screen show another rep: its panel is built."""
        return self._built

    def show_board(
        self, board: Board, order: Sequence[str], index: int, *, target: float = 70.0
    ) -> None:
        """Show rep INDEX of ORDER on BOARD, as a new screen would, before being pushed again.

        The leaderboard keeps one drill-down and pushes it again on every Enter: building its
        widgets and styling them took most of the time to its first frame.
        """
        self._take(board, order, index, target)
        self.set_focus(None)
        self._history_focused = False
        self._apply_width(self.app.size.width)
        self._show_current()

    def _apply_width(self, width: int) -> None:
        self.set_class(width >= WIDE, "-wide")

    # -- what is shown -------------------------------------------------------------------------

    def _show_position(self) -> None:
        """The line at the top: which rep of how many, and what the board shows."""
        position = Text(f"Rep {self.index + 1} of {len(self.order)}")
        if self.board.as_of is not None:
            position.append(f" · as of {self.board.as_of.isoformat()}")
        source = Source.of(self.board.source)
        position.append(f" · {source.note if source else printable(self.board.source)}")
        if self.board.team is not None:
            position.append(f" · team {printable(self.board.team)}")
        self._part(Static, "#position").update(position)

    def _show_current(self) -> None:
        """Show what the board knows about the current rep now; read the history in a worker."""
        self._show_position()
        rep_id = self.rep_id
        if rep_id is None or self.board.as_of is None:
            return
        self._scroll_to_top()
        row = self._rows.get(rep_id)
        self.detail = None
        self._show_board_row(rep_id, row)
        # Never leave the previous rep's history under this rep's name, even for a moment.
        self._part(TrendChart).show_message(WAITING)
        self._show_history_table(False)
        self._part(CoachingPanel).update(coaching_waiting())
        if rep_id in self._cache:
            # Even when at hand, after the frame showing what the board knows: the charts and
            # the table would hold back that frame (docs/performance.md#the-drill-down).
            self.call_after_refresh(self._show_cached, rep_id)
        self._read_histories()

    def _scroll_to_top(self) -> None:
        """Each rep opens at its name: after PgDn, n/p opened the next one mid-page."""
        self._part(_Body, "#body").scroll_home(animate=False, immediate=True)
        for panel in (self._part(Vertical, "#left"), self._part(Vertical, "#right")):
            panel.scroll_home(animate=False, immediate=True)

    def _show_cached(self, rep_id: str) -> None:
        """REP_ID's history, read already, if REP_ID is still the rep shown."""
        cached = self._cache.get(rep_id)
        if cached is not None and rep_id == self.rep_id:
            self._show_detail(cached)

    def _show_board_row(self, rep_id: str, row: LeaderboardRow | None) -> None:
        """Headline and bars straight from the board: instant, and the same numbers as on it."""
        headline = self._part(RepHeadline)
        bars = self._part(PillarBars)
        bars.display = row is not None
        estimated = row is not None and row.source == "estimated"
        self._part(EstimateBreakdown).show_for(
            self.db_path, rep_id, row.as_of if row is not None and estimated else None
        )
        if row is None:
            shown = "Rep —" if self.board.anonymised else rep_id
            headline.show(
                shown, None, "" if self.board.anonymised else rep_id, None, Text(NOT_ON_BOARD)
            )
            return
        facts = headline_facts(row, len(self.board.rows), self.board.as_of, row.target)
        headline.show(row.name, row.team, row.public_id, row.ssi, facts)
        self._show_bars(row, row.as_of, self._peer_averages(row.team))

    def _show_detail(self, detail: RepDetail) -> None:
        """Chart, history and coaching from the rep's history."""
        self.detail = detail
        latest = detail.latest
        if detail.rep_id not in self._rows:
            # Not on the board (e.g. the order came from another filter): use the history.
            total = latest.ssi if latest is not None else None
            # An anonymised board never shows a real name or id, even for a rep not on it.
            name, shown_id = (
                ("Rep —", "") if self.board.anonymised else (detail.name, detail.rep_id)
            )
            self._part(RepHeadline).show(name, detail.team, shown_id, total, Text(NOT_ON_BOARD))
            if latest is not None:
                bars = self._part(PillarBars)
                bars.display = True
                self._show_bars(latest, latest.date, self._peer_averages(detail.team))
                if latest.source == "estimated":
                    self._part(EstimateBreakdown).show_for(self.db_path, detail.rep_id, latest.date)
        row = self._rows.get(detail.rep_id)
        self._part(TrendChart).show(detail, row.target if row is not None else self.target)
        self._part(HistoryTable).show(detail)
        self._show_history_table(True)
        self._part(CoachingPanel).show(coaching_for(detail), snapshots=bool(detail.history))

    def _show_bars(
        self, values: LeaderboardRow | Snapshot, date: dt.date, peers: PeerAverages
    ) -> None:
        """The pillar bars of VALUES (a board row or a snapshot of DATE), saying which pillars
        it did not give; the weakest flagged only when all four are given."""
        weakest = weakest_of(values)
        note = not_given_note(values, date)
        self._part(PillarBars).show(
            pillar_values(values), peers, weakest.key if weakest else None, note
        )

    def _show_history_table(self, shown: bool, waiting: str = WAITING) -> None:
        """The history table, or WAITING in its place (and as high) while there is none.

        Hidden, not just emptied: emptying it changes its scrollbar, and Textual then lays out
        the whole screen twice before the first frame (docs/performance.md#the-drill-down).
        """
        table = self._part(HistoryTable)
        waiting_line = self._part(Static, "#history-waiting")
        if not shown:
            # Hidden, it loses the focus: someone reading the history with n keeps reading it.
            self._history_focused = self._history_focused or self.focused is table
            table.clear()
            waiting_line.update(Text(waiting))
        table.display = shown
        waiting_line.display = not shown
        if shown and self._history_focused:
            self._history_focused = False
            self.set_focus(table)  # at once, as action_toggle_history does

    def _read_histories(self) -> None:
        """Read the current rep's history, and those of the reps either side of it (so that
        n and p show theirs at once), in a worker once the frame showing what the board knows
        is out (the app's QuietCollector keeps garbage collection out of that frame)."""
        around = (self.index, self.index + 1, self.index - 1)
        wanted = [
            self.order[i]
            for i in around
            if 0 <= i < len(self.order) and self.order[i] not in self._cache
        ]
        if wanted:
            self.call_after_refresh(self._load_histories, wanted)

    @work(thread=True, exclusive=True, group="rep-history")
    def _load_histories(self, rep_ids: list[str]) -> None:
        """Read the reps' histories off the UI thread; only the message handlers touch widgets."""
        assert self.board.as_of is not None
        worker = get_current_worker()
        histories = read_reps(
            self.db_path, rep_ids, as_of=self.board.as_of, source=self.board.source
        )
        try:
            with closing(histories):  # its connection closes even when cancelled half-way
                for rep_id, detail in histories:
                    if worker.is_cancelled:
                        return
                    if detail is None:
                        error = RepNotFoundError(rep_id, self.db_path)
                        self.post_message(HistoryFailed(rep_id, str(error)))
                    else:
                        self.post_message(HistoryLoaded(detail))
        except SsiError as error:
            for rep_id in rep_ids:
                self.post_message(HistoryFailed(rep_id, str(error)))

    @on(HistoryLoaded)
    def _history_loaded(self, message: HistoryLoaded) -> None:
        self._cache[message.detail.rep_id] = message.detail
        if message.detail.rep_id == self.rep_id:
            self._show_detail(message.detail)

    @on(HistoryFailed)
    def _history_failed(self, message: HistoryFailed) -> None:
        if message.rep_id == self.rep_id:
            self._part(TrendChart).show_message(printable(message.error))
            self._part(CoachingPanel).update(Text(printable(message.error)))
            self._show_history_table(False, printable(message.error))
            self.notify(
                printable(message.error),
                title="Cannot read the history",
                severity="error",
                markup=False,
            )

    # -- actions -------------------------------------------------------------------------------

    def action_next_rep(self) -> None:
        """Move to the next rep in the board's order; at the end, stay and say so."""
        if self.index >= len(self.order) - 1:
            self.notify("last rep", timeout=2)
            return
        self.index += 1
        self._show_current()

    def action_previous_rep(self) -> None:
        """Move to the previous rep in the board's order; at the start, stay and say so."""
        if self.index <= 0:
            self.notify("first rep", timeout=2)
            return
        self.index -= 1
        self._show_current()

    def action_toggle_history(self) -> None:
        """Focus the history table, or leave it so that up/down walk through reps again."""
        if not self.order:
            return
        table = self._part(HistoryTable)
        # Now, not on the next refresh (as table.focus() would): arrows typed with `h` in one
        # burst (faster than a frame, or a paste) then move in the table, not through reps.
        # And asking the screen: the table's has_focus lags until its Focus event is handled.
        # Hidden while reading, it may still hold the focus until the next layout.
        has_it = self.focused is table or (not table.display and self._history_focused)
        self._history_focused = False
        if table.display:
            self.set_focus(None if has_it else table)
            return
        if self.focused is table:
            self.set_focus(None)
        self._history_focused = not has_it  # the table takes the focus when its history arrives

    def action_scroll_panel(self, how: str) -> None:
        """Page keys for the panel (it is not focusable, to keep up/down for walking)."""
        if not self.order:
            return
        wide = self.has_class("-wide")
        target = self._part(Vertical, "#left") if wide else self._part(_Body, "#body")
        scroll = {
            "page_down": target.scroll_page_down,
            "page_up": target.scroll_page_up,
            "home": target.scroll_home,
            "end": target.scroll_end,
        }[how]
        scroll(animate=False)

    def follow_board(self, board: Board, order: Sequence[str]) -> None:
        """The board was read again (a roster change, an import): the same rep, on it."""
        rep_id = self.rep_id
        if rep_id is None or rep_id not in order:  # e.g. they left before the board's date
            order, index = self.order, self.index
        else:
            index = list(order).index(rep_id)
        self._take(board, order, index, self.target)
        if self._built:
            self._show_current()

    def action_edit_rep(self) -> None:
        """The Edit rep dialog (rep_edit.py) for the rep shown."""
        rep_id = self.rep_id
        if rep_id is None:
            return
        if self.board.anonymised:
            self.notify("Show names (a on the board) to edit a rep.", timeout=3)
            return
        row = self._rows.get(rep_id)
        detail = self.detail if self.detail and self.detail.rep_id == rep_id else None
        name = row.name if row else detail.name if detail else rep_id
        team = row.team if row else detail.team if detail else None
        self.app.push_screen(RepEditScreen(self.db_path, rep_id, name, team), self._edited)

    def _edited(self, edited: RepEdited | None) -> None:
        """After a roster change: say what it did, and show the board (and this rep) anew."""
        if edited is None:
            return
        self.notify(
            f"{edited.summary}. Undo: ssi-tui undo {history_name(self.db_path)} {edited.change_id}",
            title="Rep changed",
            markup=False,
        )
        if self.on_roster_change is not None:
            self.on_roster_change()
        if edited.gone:
            self.dismiss(edited.shown_next)

    def action_add_entry(self) -> None:
        """The entry form, filled with this rep (by name; by id when names are hidden)."""
        from ssi_tui.ui.screens.entry_form import EntryFormScreen

        row = self._rows.get(self.rep_id or "")
        rep = "" if self.board.anonymised else (row.name if row else self.rep_id or "")
        form = EntryFormScreen(self.db_path, rep=rep, suggest_names=not self.board.anonymised)
        self.app.push_screen(form)

    def action_close(self) -> None:
        """Back to the board, telling it which rep was shown last."""
        self.dismiss(self.rep_id)

    def action_help(self) -> None:
        """The keys of this screen, built from BINDINGS so the help cannot drift."""
        bindings = viewer_bindings(self.BINDINGS, self._served)
        self.app.push_screen(HelpScreen("Rep drill-down: keys", bindings))
