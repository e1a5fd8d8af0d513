"""The main screen: the sortable, filterable leaderboard for one as-of date."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widgets import Header, Input, Static
from textual.worker import get_current_worker

from ssi_tui.errors import SsiError
from ssi_tui.model.board import Board, LeaderboardRow, known_team
from ssi_tui.model.options import ViewOptions
from ssi_tui.model.source import Source
from ssi_tui.model.view import BoardView

if TYPE_CHECKING:
    from ssi_tui.boards.head_start import HeadStart
    from ssi_tui.ui.screens.rep import RepScreen
from ssi_tui.boards.board_loader import BoardSource, PreparedBoard, neighbours
from ssi_tui.boards.board_summary import empty_text, summary_text
from ssi_tui.boards.layout import RowMeasure
from ssi_tui.boards.quiet_collector import set_aside
from ssi_tui.boards.watch import history_name
from ssi_tui.text import fold
from ssi_tui.ui.messages import BoardLoaded, BoardLoadFailed
from ssi_tui.ui.screens.board_dialogs import BoardDialogs
from ssi_tui.ui.screens.board_keys import BOARD_BINDINGS
from ssi_tui.ui.screens.help import HelpScreen
from ssi_tui.ui.served import is_absent, remove_absent_bindings, viewer_bindings
from ssi_tui.ui.widgets.board_table import Bands, BoardHeader, BoardTable
from ssi_tui.ui.widgets.steady_footer import SteadyFooter
from ssi_tui.ui.widgets.summary import Summary

RELOAD_CHECK_SECONDS = 2.0
"""How often the screen looks for imports from elsewhere (a file's modification time, a
server's change counter)."""


class LeaderboardScreen(BoardDialogs):
    """One row per rep; sort, filter, walk through weeks and teams, open a rep."""

    DEFAULT_CSS = """
    LeaderboardScreen #empty { height: 1fr; content-align: center middle; color: $text-muted; }
    LeaderboardScreen #filter { dock: bottom; display: none; }
    """

    BINDINGS = BOARD_BINDINGS

    view: reactive[BoardView] = reactive(BoardView(), init=False, repaint=False)
    """The view shown: as-of (None follows the newest), team, source, target, names hidden,
    sort and filter. Keys replace it (dataclasses.replace); watch_view reads the board a
    change asks for, or only sorts and filters the board at hand."""

    def __init__(
        self,
        database: str | Path,
        options: ViewOptions | None = None,
        head_start: HeadStart | None = None,
    ) -> None:
        super().__init__()
        options = options or ViewOptions()
        self.database = database
        self.options = options
        self.set_reactive(LeaderboardScreen.view, options.view)
        self.bands = Bands(good=options.good, fair=options.fair)
        self.board: Board | None = None
        self.shown: list[LeaderboardRow] = []
        self._shown_ids: tuple[list[LeaderboardRow], tuple[str, ...]] | None = None
        """The rep ids of a `shown` list, for the drill-down (see _order_shown)."""
        self.loads = 0
        """How many boards have arrived from the database (tests and benchmarks wait on it)."""
        self._summary_key: tuple[int, str] | None = None
        self._prepared: PreparedBoard | None = None
        self._boards = BoardSource(database, head_start)
        self.follow(database)
        self._rep_screen: RepScreen | None = None
        """The drill-down, kept between Enters once opened (see RepScreen.show_board)."""
        remove_absent_bindings(self, options.served)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A served session never runs what it must not reach, whatever asks for it."""
        return not is_absent(action, self.options.served)

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Summary(Text("Loading…"), id="summary")
        yield BoardHeader(id="board-header")
        yield BoardTable(bands=self.bands, id="board")
        yield Static(Text("Loading…"), id="empty")
        yield Input(placeholder="Filter by name or team — esc clears", id="filter")
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        self.title = "SSI leaderboard"
        self.load()
        if self.board is None:  # "Loading…" until a worker has read it
            # (Hidden only now: hiding the focused table and showing it again would restyle
            # the screen twice before a first frame that has the board at hand.)
            self.query_one("#board").display = False
        self.set_interval(RELOAD_CHECK_SECONDS, self._reload_if_changed)

    # -- loading (in a thread: the UI never waits on DuckDB) -----------------------------------

    def watch_view(self, old: BoardView, new: BoardView) -> None:
        """A new as-of, team, source or names setting reads a board; sort and filter only
        reorder and narrow the board at hand."""
        if new.board_view != old.board_view:
            self.load()
        else:
            self.refresh_rows()

    def load(self, keep_rep: str | None = None) -> None:
        """Show the board of the current view: at once when it was read ahead, else once a
        worker has read it."""
        view = self.view
        prepared = self._boards.cached(view)
        if prepared is not None:
            self.workers.cancel_group(self, "board")
            self._show(prepared, keep_rep)
        else:
            self._read(view, keep_rep)

    @work(thread=True, exclusive=True, group="board")
    def _read(self, view: BoardView, keep_rep: str | None) -> None:
        try:
            if self._server is not None:
                self._server.prime()  # before the read: a write during it is seen next poll
            # The first board goes up without the filter's search text (made on first use).
            (prepared,) = self._boards.load(
                [view], search=self.loads > 0, sort=(view.sort, view.reverse)
            )
        except SsiError as error:
            self.post_message(BoardLoadFailed(str(error)))
        except Exception as error:  # a safety net: the board reports, never crashes the app
            self.post_message(BoardLoadFailed(f"unexpected error: {error!r}"))
        else:
            self.post_message(BoardLoaded(prepared, view.board_view, keep_rep=keep_rep))

    def _read_ahead(self) -> None:
        """Read the boards `[` and `]` lead to while the manager looks at this one."""
        if self.board is None:
            return
        base = self.view.board_view
        wanted = [replace(base, as_of=as_of) for as_of in neighbours(self.board)]
        missing = [view for view in wanted if self._boards.cached(view) is None]
        shown = self._prepared
        unprepared = shown is not None and not (shown.has_search_text and shown.has_all_orders)
        if missing or unprepared:
            self._read_boards_ahead(missing)

    @work(thread=True, exclusive=True, group="read-ahead")
    def _read_boards_ahead(self, views: list[BoardView]) -> None:
        worker = get_current_worker()
        # The board shown first: its filter text (the first board goes up without it) and
        # every sort order, before a `/` or a sort key has to wait for them. Taken here, not
        # passed as an argument: a finished Worker keeps its arguments until a full garbage
        # collection.
        shown = self._prepared
        if shown is not None:
            shown.search_text  # noqa: B018
            shown.make_orders(cancelled=lambda: worker.is_cancelled)
        del shown
        try:
            sort = (self.view.sort, self.view.reverse)
            self._boards.load(views, sort=sort, cancelled=lambda: worker.is_cancelled)
        except Exception:  # reading ahead is a guess: the real load reports errors
            return

    def read_again(self) -> None:
        """The history changed (another import, an undo, the server back): read it."""
        self.action_reload()

    def on_board_loaded(self, message: BoardLoaded) -> None:
        if message.view == self.view.board_view:  # else the manager has moved on meanwhile
            self._show(message.prepared, message.keep_rep)

    def _show(self, prepared: PreparedBoard, keep_rep: str | None) -> None:
        set_aside()  # a board read before the app started, or read back from a kept one
        self._prepared = prepared
        self.board = prepared.board
        self.refresh_rows(keep_rep=keep_rep, measure=prepared.measure)
        drill_down = self._rep_screen
        if drill_down is not None and drill_down in self.app.screen_stack:
            drill_down.follow_board(prepared.board, self._order_shown())
        if prepared.partial:  # a warm start's first page: the whole board after this frame
            self.call_after_refresh(self._complete_board)
            return
        self.loads += 1
        self.call_after_refresh(self._read_ahead)

    def _complete_board(self) -> None:
        """Put up the whole board whose first page the first frame showed.

        On the UI thread, on purpose: it is quick (docs/performance.md), and any key pressed
        meanwhile then acts on the whole board.
        """
        completed = self._boards.complete()
        if completed is None:
            if self._prepared is not None and self._prepared.partial:
                self.load()  # the file changed since the board was kept: read it
            return
        view, whole = completed
        if view == self.view.board_view:
            self._show(whole, None)

    def on_board_load_failed(self, message: BoardLoadFailed) -> None:
        self.notify(message.error, title="Cannot read the database", severity="error")

    # -- what is shown -------------------------------------------------------------------------

    def refresh_rows(
        self, *, keep_rep: str | None = None, measure: RowMeasure | None = None
    ) -> None:
        """Apply filter and sort to the loaded board and redraw."""
        prepared = self._prepared
        if prepared is None:
            return
        board = prepared.board
        table = self.query_one(BoardTable)
        if keep_rep is None and table.current is not None:
            keep_rep = table.current.rep_id
        view = self.view
        needle = fold(view.filter.strip())
        self.shown = prepared.filtered(needle, view.sort, view.reverse)
        table.show_rows(self.shown, keep_rep=keep_rep, measure=measure, sorted_by=view.sort)
        self._update_header()
        # The summary depends on which rows are shown, not on their order: a re-sort of 10,000
        # reps should not pay for averaging them again.
        summary_key = (id(board), needle)
        if summary_key != self._summary_key:
            self._summary_key = summary_key
            if needle:
                # Averaging the reps a short filter matches: after the frame showing them.
                self.call_after_refresh(self._summarise_filtered, summary_key, self.shown)
            else:
                self.query_one(Summary).show(
                    prepared.summary(history_name(self.database), view.target)
                )
        empty = (
            None
            if self.shown
            else empty_text(history_name(self.database), board, view.filter.strip())
        )
        table.display = empty is None
        self.query_one("#empty", Static).display = empty is not None
        if empty is not None:
            self.query_one("#empty", Static).update(Text(empty))

    def _summarise_filtered(self, key: tuple[int, str], rows: list[LeaderboardRow]) -> None:
        """The summary line for the filtered ROWS, unless another board or filter came since."""
        prepared = self._prepared
        if key != self._summary_key or prepared is None:
            return
        self.query_one(Summary).show(
            summary_text(
                history_name(self.database),
                prepared.board,
                rows,
                target=self.view.target,
                filter_text=self.view.filter.strip(),
            )
        )

    def _update_header(self) -> None:
        ascending = (self.view.sort == "name") != self.view.reverse
        header = self.query_one(BoardHeader)
        header.show(header.columns, self.view.sort, ascending)

    @on(BoardTable.LayoutChanged)
    def _layout_changed(self, message: BoardTable.LayoutChanged) -> None:
        header = self.query_one(BoardHeader)
        header.show(message.columns, header.sort_key, header.ascending)

    # -- actions -------------------------------------------------------------------------------

    def action_sort(self, key: str) -> None:
        """Sort by KEY; the active key again reverses the direction."""
        reverse = not self.view.reverse if key == self.view.sort else False
        self.view = replace(self.view, sort=key, reverse=reverse)

    @on(BoardHeader.SortClicked)
    def _sort_clicked(self, message: BoardHeader.SortClicked) -> None:
        self.action_sort(message.key)

    def action_start_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if self.focused is filter_input:  # not has_focus: it lags until the Focus is handled
            raise SkipAction  # a `/` in the filter text ("EMEA/North")
        filter_input.display = True
        # Focus now, not on the next refresh, so keys typed right after `/` are not lost.
        self.set_focus(filter_input, scroll_visible=False)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.view = replace(self.view, filter=event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        table = self.query_one(BoardTable)
        if self.focused is table and self.app.screen is self:
            # An Enter typed right behind the one that left the filter: it reached the filter
            # box before the focus moved. On the board, Enter opens the rep.
            self.action_open_rep()
            return
        self.set_focus(table)  # now, not on the next refresh: the next Enter finds the board

    def key_escape(self) -> None:
        """Escape clears the filter (and leaves the filter box)."""
        filter_input = self.query_one("#filter", Input)
        if self.view.filter or filter_input.has_focus:
            filter_input.value = ""
            filter_input.display = False
            self.query_one(BoardTable).focus()

    def action_cycle_team(self) -> None:
        teams = list(self.board.teams) if self.board else []
        cycle: list[str | None] = [None, *teams]
        current = known_team(self.view.team, teams)  # `--team smb` is SMB's place in the cycle
        position = cycle.index(current) if current in cycle else 0
        team = cycle[(position + 1) % len(cycle)]
        self.notify(f"Team: {team or 'All'}", timeout=2, markup=False)
        self.view = replace(self.view, team=team)

    def action_cycle_source(self) -> None:
        """best -> official -> estimated -> best; estimated values are marked `est.`."""
        source = self.view.source.next
        self.sub_title = "" if source is Source.BEST else source.label
        self.notify(f"Source: {source.label}", timeout=2, markup=False)
        self.view = replace(self.view, source=source)

    def action_week(self, step: int) -> None:
        """Move the as-of date a week back or forward, never past the data."""
        board = self.board
        if board is None or board.as_of is None or not board.dates:
            return
        wanted = board.as_of + dt.timedelta(days=7 * step)
        first, last = board.dates[0], board.dates[-1]
        if step < 0 and board.as_of <= first:
            self.notify("No earlier data.", timeout=2)
            return
        if step > 0 and board.as_of >= last:
            self.notify("Already at the latest data.", timeout=2)
            return
        as_of = min(max(wanted, first), last)
        self.view = replace(self.view, as_of=None if as_of >= last else as_of)  # None: follow

    def action_reload(self) -> None:
        self._boards.forget()
        current = self.query_one(BoardTable).current
        self.load(current.rep_id if current else None)

    def roster_changed(self) -> None:
        """A roster change made in the app: read the board again now (an open drill-down
        follows it, see _show), not at the next look at the file."""
        self._written()

    def action_toggle_anonymise(self) -> None:
        anonymise = not self.view.anonymise
        self.notify("Names hidden" if anonymise else "Names shown", timeout=2)
        self.view = replace(self.view, anonymise=anonymise)

    def action_toggle_scale(self) -> None:
        """Sparklines on each rep's own range (the shape of their trend), or on the fixed
        scale (to compare rows); the header says which."""
        table = self.query_one(BoardTable)
        table.show_scale(not table.own_scale)
        scale = "each rep's own range" if table.own_scale else "fixed 0–25 (total 0–100)"
        self.notify(f"Sparklines: {scale}", timeout=2, markup=False)

    def action_standup(self) -> None:
        from ssi_tui.ui.screens.standup import StandupScreen

        # The stand-up takes the board's date, team and names, not its source (as before).
        view = replace(self.view.board_view, source=self.options.view.source)
        shown = replace(self.options, view=view)
        self.app.push_screen(StandupScreen.from_options(self.database, shown))

    def action_help(self) -> None:
        bindings = viewer_bindings([*self.BINDINGS, *BoardTable.BINDINGS], self.options.served)
        self.app.push_screen(HelpScreen("Leaderboard keys", bindings))

    @on(BoardTable.RowChosen)
    def _row_chosen(self, _message: BoardTable.RowChosen) -> None:
        self.action_open_rep()

    def action_open_rep(self) -> None:
        table = self.query_one(BoardTable)
        if self.board is None or table.current is None:
            return
        from ssi_tui.ui.screens.rep import RepScreen

        order = self._order_shown()
        screen = self._rep_screen
        if screen is not None and screen.reusable:
            screen.show_board(self.board, order, table.cursor, target=self.view.target)
        else:
            screen = RepScreen(
                self.database, self.board, order, table.cursor, target=self.view.target
            )
            screen.on_roster_change = self.roster_changed
            # Installed, so that leaving it keeps it for the next Enter (see show_board).
            self.app.install_screen(screen, f"rep-{id(self)}")
            self._rep_screen = screen
        self.app.push_screen(screen, self._rep_closed)

    def _order_shown(self) -> tuple[str, ...]:
        """The ids of the reps shown, in order (n and p walk them), made once per list shown
        rather than on every Enter (docs/performance.md)."""
        cached = self._shown_ids
        if cached is None or cached[0] is not self.shown:
            cached = self._shown_ids = (self.shown, tuple(r.rep_id for r in self.shown))
        return cached[1]

    def _rep_closed(self, rep_id: str | None) -> None:
        """Back from the drill-down: put the cursor on the rep last shown there."""
        if rep_id is not None:
            table = self.query_one(BoardTable)
            table.show_rows(self.shown, keep_rep=rep_id)
        self.query_one(BoardTable).focus()
