"""Reading boards for the leaderboard screen, off the UI thread, and keeping a few at hand.

A worker asks a BoardSource for the board of a BoardView (its board_view: sort and filter
apply after the read); what comes back is a
PreparedBoard: the board plus everything the screen would otherwise work out on the UI thread
(name order and sort orders, column widths, the text a filter searches). The source keeps the
last few boards in memory, so the weeks on either side of the one shown can be read ahead
while the manager looks, and `[` / `]` then show them at once. Cached boards are dropped when
the file changes.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from rich.text import Text

from ssi_tui import store
from ssi_tui.boards.board_summary import summary_text
from ssi_tui.boards.kept import KeptBoard, KeptPage
from ssi_tui.boards.layout import RowMeasure, measure_rows
from ssi_tui.boards.quiet_collector import collector_paused
from ssi_tui.boards.watch import database_stamp, history_name
from ssi_tui.model.board import (
    SORT_KEYS,
    Board,
    LeaderboardRow,
    by_name,
    in_total_order,
    order_rows,
    read_board,
)
from ssi_tui.model.view import BoardView
from ssi_tui.text import fold

READ_AHEAD_STEPS = 2
"""How many weeks either side of the board shown are read ahead: two quick presses of `[`
still find their board at hand."""
CACHED_BOARDS = 2 * READ_AHEAD_STEPS + 2
"""Boards kept: the one shown, the weeks read ahead, and one just left."""


@dataclass
class PreparedBoard:
    """A board and what the screen needs to show, sort and filter it without delay."""

    board: Board
    measure: RowMeasure
    folds: FoldCache = field(repr=False)
    partial: bool = False
    """Only the board's first rows, as a warm start's first frame shows them (head_start.py):
    the screen puts the whole board up right after that frame (BoardSource.complete)."""
    _search_text: dict[str, str] | None = field(default=None, repr=False)
    _by_name: list[LeaderboardRow] | None = field(default=None, repr=False)
    _orders: dict[tuple[str, bool], list[LeaderboardRow]] = field(default_factory=dict, repr=False)
    _summaries: dict[tuple[str, float], Text] = field(default_factory=dict, repr=False)
    _last_filter: tuple[tuple[str, bool], str, list[LeaderboardRow]] | None = field(
        default=None, repr=False
    )

    @property
    def by_name(self) -> list[LeaderboardRow]:
        """The rows in name order: every sort starts from it (see board.order_rows)."""
        if self._by_name is None:
            self._by_name = by_name(self.board.rows)
        return self._by_name

    def order(self, key: str, reverse: bool) -> list[LeaderboardRow]:
        """Every row in a sort order, worked out once per board (workers do the first)."""
        rows = self._orders.get((key, reverse))
        if rows is None:
            if (key, reverse) == ("ssi", False) and in_total_order(self.board.rows):
                rows = list(self.board.rows)  # the first board shown needs no sort at all
            else:
                rows = order_rows(self.by_name, key, reverse=reverse)
            self._orders[(key, reverse)] = rows
        return rows

    def filtered(self, needle: str, key: str, reverse: bool) -> list[LeaderboardRow]:
        """The rows whose name or team holds NEEDLE (folded, see text.fold), in KEY's order.

        Filters the sorted rows, which keeps their order (the sort is stable), so a keystroke
        sorts nothing; a needle that extends the last one looks only at the rows it kept.
        """
        ordered = self.order(key, reverse)
        if not needle:
            return ordered
        last = self._last_filter
        narrower = last is not None and last[0] == (key, reverse) and needle.startswith(last[1])
        candidates = last[2] if last is not None and narrower else ordered
        text = self.search_text
        rows = [r for r in candidates if needle in text[r.rep_id]]
        self._last_filter = ((key, reverse), needle, rows)
        return rows

    def make_orders(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        """Every sort key's order, made in a worker before a sort key has to wait for it.
        Stops once CANCELLED()."""
        for key in SORT_KEYS:
            if cancelled():
                return
            self.order(key, False)

    @property
    def has_all_orders(self) -> bool:
        """Whether make_orders has nothing left to do."""
        return all((key, False) in self._orders for key in SORT_KEYS)

    def summary(self, database_name: str, target: float) -> Text:
        """The summary line of the whole board (no filter), worked out once per board."""
        text = self._summaries.get((database_name, target))
        if text is None:
            text = summary_text(database_name, self.board, self.board.rows, target=target)
            self._summaries[(database_name, target)] = text
        return text

    @property
    def has_search_text(self) -> bool:
        """Whether search_text is made (a filter keystroke would not have to make it)."""
        return self._search_text is not None

    @property
    def search_text(self) -> dict[str, str]:
        """rep_id -> folded name and team: what a filter keystroke compares against.

        Made on first use (the first board of a session is shown without it) from folds
        shared by all boards, so later boards fold only names not seen before.
        """
        if self._search_text is None:
            self._search_text = self.folds.search_text(self.board.rows)
        return self._search_text

    def to_kept(self) -> KeptBoard:
        """What a kept board is stored with so that a start need not work it out again."""
        position = {id(row): at for at, row in enumerate(self.board.rows)}
        return KeptBoard(
            self.measure,
            tuple(position[id(row)] for row in self.by_name),
            tuple(position[id(row)] for row in self.order("ssi", False)),
        )

    @classmethod
    def from_kept(cls, board: Board, kept: KeptBoard, folds: FoldCache) -> PreparedBoard:
        """A kept board prepared as on the start that kept it (see to_kept)."""
        rows = board.rows
        prepared = cls(board, kept.measure, folds)
        prepared._by_name = [rows[at] for at in kept.by_name]
        prepared._orders[("ssi", False)] = [rows[at] for at in kept.by_total]
        return prepared

    def page_to_kept(self, database_name: str, target: float) -> KeptPage:
        """What a kept board's first page is stored with (see KeptPage)."""
        summary = self.summary(database_name, target)
        return KeptPage(self.measure, len(self.board.rows), summary)

    @classmethod
    def from_kept_page(
        cls,
        page: Board,
        kept: KeptPage,
        folds: FoldCache,
        database_name: str,
        target: float,
    ) -> PreparedBoard:
        """The first page of a kept board (see page_to_kept), prepared to be shown as it was
        kept: partial unless the page is the whole board."""
        prepared = cls(page, kept.measure, folds, partial=kept.rows != len(page.rows))
        prepared._orders[("ssi", False)] = list(page.rows)
        prepared._summaries[(database_name, target)] = kept.summary
        return prepared

    def take_summaries(self, other: PreparedBoard) -> None:
        """Reuse OTHER's summary lines: the same board (its first page), the same lines."""
        self._summaries.update(other._summaries)


class FoldCache:
    """Folded `name \\n team` per rep, kept across boards (names rarely change)."""

    def __init__(self) -> None:
        self._folded: dict[tuple[str, str | None], str] = {}

    def search_text(self, rows: tuple[LeaderboardRow, ...]) -> dict[str, str]:
        folded = self._folded
        out: dict[str, str] = {}
        for row in rows:
            key = (row.name, row.team)
            text = folded.get(key)
            if text is None:
                text = folded[key] = fold(f"{row.name}\n{row.team or ''}")
            out[row.rep_id] = text
        return out


class EarlyBoard(Protocol):
    """The first board made before the app started (head_start.HeadStart), as BoardSource
    takes it over: declared here so that this module need not import head_start."""

    view: BoardView
    folds: FoldCache

    def ready(self) -> bool: ...

    def result(self) -> PreparedBoard | None: ...

    def complete(self) -> PreparedBoard | None: ...


class BoardSource:
    """Boards of one database file for one screen: read, prepared and cached."""

    def __init__(self, database: str | Path, head_start: EarlyBoard | None = None) -> None:
        self.database = database
        self._folds = head_start.folds if head_start else FoldCache()
        self._lock = threading.Lock()
        self._cache: OrderedDict[BoardView, PreparedBoard] = OrderedDict()
        self._stamp = database_stamp(database)
        self._head_start = head_start
        self._completing: EarlyBoard | None = None
        """The head start whose first board is only its first page, until complete()."""
        if head_start is not None and head_start.ready():
            self._take_head_start()

    def cached(self, view: BoardView) -> PreparedBoard | None:
        """The prepared board for VIEW if it is at hand and the file has not changed."""
        with self._lock:
            self._drop_if_changed()
            prepared = self._cache.get(view.board_view)
            if prepared is not None:
                self._cache.move_to_end(view.board_view)
            return prepared

    def load(
        self,
        views: Sequence[BoardView],
        *,
        search: bool = True,
        sort: tuple[str, bool] = ("ssi", False),
        cancelled: Callable[[], bool] = lambda: False,
    ) -> list[PreparedBoard]:
        """Read and prepare the boards of VIEWS (in a worker: this waits on DuckDB).

        All are read on one connection, closed before returning so that an import in another
        process is never kept waiting for longer than one read. SORT is the order the screen
        will show them in. SEARCH=False leaves the filter text to be made on first use (the
        first board of a session). Stops early, with what it has, once CANCELLED().
        """
        if self._head_start is not None and self._head_start.view in [v.board_view for v in views]:
            self._take_head_start()
        out: list[PreparedBoard] = []
        with ExitStack() as stack:
            conn = None
            for view in views:
                prepared = self.cached(view)
                if prepared is None or prepared.partial:
                    if cancelled():
                        break
                    if conn is None:
                        conn = stack.enter_context(store.open_read(self.database))
                    with collector_paused():
                        prepared = self._read(conn, view)
                    self._remember(view, prepared)
                with collector_paused():
                    # Made here, in the worker, rather than on the UI thread when shown.
                    prepared.order(*sort)
                    prepared.summary(history_name(self.database), view.target)
                    if search:
                        prepared.search_text  # noqa: B018
                out.append(prepared)
        return out

    def _take_head_start(self) -> None:
        head_start, self._head_start = self._head_start, None
        early = head_start.result() if head_start else None
        if head_start is not None and early is not None:
            self._remember(head_start.view, early)
            if early.partial:
                self._completing = head_start

    def complete(self) -> tuple[BoardView, PreparedBoard] | None:
        """The whole board whose first page the head start gave (see PreparedBoard.partial),
        and its view: from the kept board, on the spot. None when
        there is none to complete, or it must be read from the file (the page is dropped, so
        load() reads it)."""
        head_start, self._completing = self._completing, None
        if head_start is None:
            return None
        whole = head_start.complete()
        if whole is None:
            with self._lock:
                self._cache.pop(head_start.view, None)
            return None
        self._remember(head_start.view, whole)
        return head_start.view, whole

    def _read(self, conn: Any, view: BoardView) -> PreparedBoard:
        return prepare(conn, view, self._folds)

    def _remember(self, view: BoardView, prepared: PreparedBoard) -> None:
        with self._lock:
            self._drop_if_changed()
            self._cache[view.board_view] = prepared
            while len(self._cache) > CACHED_BOARDS:
                self._cache.popitem(last=False)

    def forget(self) -> None:
        """Drop every cached board (a reload must read the file again)."""
        with self._lock:
            self._cache.clear()

    def _drop_if_changed(self) -> None:
        stamp = database_stamp(self.database)
        if stamp != self._stamp:
            self._stamp = stamp
            self._cache.clear()


def prepare(conn: Any, view: BoardView, folds: FoldCache) -> PreparedBoard:
    """Read the board of VIEW on CONN, with its column widths."""
    board = read_board(
        conn,
        as_of=view.as_of,
        team=view.team,
        source=view.source,
        with_trends=True,
        default_target=view.target,
        anonymise=view.anonymise,
        exclude=view.exclude,
    )
    return PreparedBoard(board, measure_rows(board.rows), folds)


def neighbours(board: Board, steps: int = READ_AHEAD_STEPS) -> list[dt.date | None]:
    """The as-of dates up to STEPS presses of `[` or `]` lead to from BOARD, nearest first.

    As the screen's action_week moves: a week at a time, never before the first date, and a
    step that reaches the newest date follows the newest (None).
    """
    if board.as_of is None or not board.dates:
        return []
    first, last = board.dates[0], board.dates[-1]
    week = dt.timedelta(days=7)
    back, forward = board.as_of, board.as_of
    out: list[dt.date | None] = []
    for _ in range(steps):
        if back is not None and back > first:
            back = max(back - week, first)
            out.append(back)
        else:
            back = None
        if forward is not None and forward < last:
            wanted = min(forward + week, last)
            forward = None if wanted >= last else wanted
            out.append(forward)
        else:
            forward = None
    return out
