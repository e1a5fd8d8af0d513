"""The first board of `ssi-tui DB`, ready before the app starts, and the boards kept for it.

A HeadStart takes the board kept from the last start (board_cache.py) when the file has not
changed, else reads it in a thread while the command line waits; keep() files it for the next
start (kept_boards.py reads the kept ones again after an import). A kept board comes in two
steps: its first PAGE_ROWS rows for the first frame, then the whole of it (complete). No
Textual here.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ssi_tui import store
from ssi_tui.boards import board_cache
from ssi_tui.boards.board_loader import FoldCache, PreparedBoard, prepare
from ssi_tui.boards.kept import KeptBoard, KeptPage
from ssi_tui.boards.quiet_collector import collector_paused
from ssi_tui.boards.watch import history_name
from ssi_tui.errors import SsiError
from ssi_tui.model.view import BoardView

HEAD_START_SECONDS = 1.0
"""How long `ssi-tui DB` waits for the first board before it starts the app anyway."""
PAGE_ROWS = 200
"""The rows of a kept board read for the first frame: more than a terminal shows at once, far
less than the whole board (docs/performance.md, "Kept boards")."""


class HeadStart:
    """The first board, ready before the app starts.

    `ssi-tui DB` makes one, waits for it a short while (HEAD_START_SECONDS), then starts the
    app, whose first screen shows the board on its first frame. When the file is unchanged
    since the last start, the board kept then (board_cache) is ready at once, without even
    importing DuckDB. Otherwise a thread reads it: waiting for that thread, rather than
    importing Textual meanwhile, is faster, as both are Python work that would only take
    turns on the GIL. A slow file (a huge history on a slow disk) does not hold the app back:
    after the wait it starts with "Loading…" and the screen's worker waits for the rest. The
    same connection first checks the file, so a bad file is reported on the command line
    before any screen appears.
    """

    def __init__(self, database: str | Path, view: BoardView) -> None:
        self.database = database
        self.view = view.board_view
        self.folds = FoldCache()
        self.from_cache = False
        """Whether the board is the one kept from an earlier start."""
        self._checked = threading.Event()
        self._done = threading.Event()
        self._error: SsiError | None = None
        self._prepared: PreparedBoard | None = None
        self._stamp: board_cache.FileStamp | None = None
        with collector_paused():
            kept = board_cache.load_page(database, self.view.kept_key())
            if kept is not None:
                try:
                    page, extras = kept
                    self._prepared = PreparedBoard.from_kept_page(
                        page,
                        KeptPage.from_json(extras),
                        self.folds,
                        history_name(database),
                        view.target,
                    )
                except Exception:  # kept by another version, or damaged: read the file
                    self._prepared = None
        if self._prepared is not None:
            self.from_cache = True
            self._checked.set()
            self._done.set()
            return
        threading.Thread(target=self._run, name="ssi-tui head start", daemon=True).start()

    def _run(self) -> None:
        try:
            with store.open_read(self.database) as conn:
                self._checked.set()
                # Taken before the read: an import meanwhile makes the kept board stale.
                self._stamp = board_cache.file_stamp(self.database)
                self._prepared = prepare(conn, self.view, self.folds)
                self._prepared.order("ssi", False)
        except SsiError as error:
            self._error = error
        except Exception:  # the screen's own load then reads again, and reports
            self._prepared = None
        finally:
            self._checked.set()
            self._done.set()

    def ready(self, timeout: float = 0.0) -> bool:
        """Whether the first board is read (or failed), waiting at most TIMEOUT seconds."""
        return self._done.wait(timeout)

    def check(self) -> None:
        """Wait until the file has been opened and checked; raise its SsiError if it failed."""
        self._checked.wait()
        if self._error is not None:
            raise self._error

    def result(self) -> PreparedBoard | None:
        """The first board (waits for it), or None if it could not be read.

        From a kept board, only its first page may be there (PreparedBoard.partial): complete()
        gives the whole of it.
        """
        self._done.wait()
        return self._prepared

    def complete(self) -> PreparedBoard | None:
        """The whole first board, once result() gave its first page; None if it can no longer
        be had from the kept board (the file or the kept board changed since): read the file."""
        page = self.result()
        if page is None or not page.partial:
            return page
        with collector_paused():
            kept = board_cache.load(self.database, self.view.kept_key())
            try:
                whole = (
                    None
                    if kept is None
                    else PreparedBoard.from_kept(kept[0], KeptBoard.from_json(kept[1]), self.folds)
                )
            except Exception:
                whole = None
        if whole is not None:
            whole.take_summaries(page)
        return whole

    def keep(self) -> None:
        """Keep the board read from the file for the next start (called once the app is closed,
        so the first frame never waits for the write)."""
        if self.from_cache or self._stamp is None or not self._done.is_set():
            return
        if board_cache.file_stamp(self.database) != self._stamp:
            return  # changed while open (an import): the board would be stale, and an import
            # from the app has kept a fresh one already
        if self._prepared is not None:
            keep_board(self.database, self.view, self._prepared, self._stamp)


def keep_board(
    database: str | Path, view: BoardView, prepared: PreparedBoard, stamp: board_cache.FileStamp
) -> None:
    """File PREPARED, read from DATABASE while it had STAMP, for the next start of VIEW:
    with its first page, and its summary line, apart for the first frame."""
    page = prepared.order("ssi", False)[:PAGE_ROWS]  # a start's first order (LeaderboardScreen)
    board_cache.save(
        database,
        view.kept_key(),
        prepared.board,
        stamp,
        prepared.to_kept().to_json(),
        page=page,
        page_extras=prepared.page_to_kept(history_name(database), view.target).to_json(),
    )
