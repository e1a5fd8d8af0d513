"""After an import: read again the boards `ssi-tui DB` keeps (board_cache.py), so that the next
start of each of their views still shows its board at once.

Cheap to import: `ssi-tui import` calls it after every import, and a file that was never
opened in the app has nothing kept, so the board reader is loaded only when there is.
No Textual here.
"""

from __future__ import annotations

from pathlib import Path

from ssi_tui import store
from ssi_tui.boards import board_cache
from ssi_tui.model.view import BoardView


def keep_boards_fresh(database: str | Path) -> int:
    """Read again the boards kept for DATABASE's views; return how many were read.

    Costs the import one board read per view kept (docs/performance.md); a file with no
    kept boards (never opened in the app, or the cache turned off) costs nothing. Never
    fails: the import is done, and without a fresh board the next start reads the file.
    """
    try:
        return _read_kept_views(database)
    except Exception:
        return 0


def _read_kept_views(database: str | Path) -> int:
    views = board_cache.stale_views(database)
    if not views:
        return 0
    from ssi_tui.boards.board_loader import FoldCache, prepare
    from ssi_tui.boards.head_start import keep_board
    from ssi_tui.boards.quiet_collector import collector_paused

    folds = FoldCache()
    with store.open_read(database, wait=1.0) as conn, collector_paused():
        stamp = board_cache.file_stamp(database)
        if stamp is None:
            return 0
        for key in views:
            view = BoardView.from_kept_key(key)
            keep_board(database, view, prepare(conn, view, folds), stamp)
    return len(views)
