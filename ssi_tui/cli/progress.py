"""The import's progress bar on a terminal: shown only when there is time to watch it.

A quick import should print its summary and nothing else, so the bar appears only once the
import has run for DELAY seconds (a timer thread starts it with the latest state); Rich is
imported then, not before. It draws on stderr and vanishes when done, leaving stdout to the
summary.
"""

from __future__ import annotations

import threading
from types import TracebackType
from typing import Any

DELAY = 0.5
"""Seconds an import runs before the bar appears."""


class DelayedProgress:
    """A `run_import` progress callback that draws a Rich bar on stderr after DELAY seconds."""

    def __init__(self, delay: float = DELAY) -> None:
        self._lock = threading.Lock()
        self._state: tuple[str, int, int] = ("Starting", 0, 1)
        self._bar: Any = None
        self._task: Any = None
        self._closed = False
        self._timer = threading.Timer(delay, self._show)
        self._timer.daemon = True

    def __enter__(self) -> DelayedProgress:
        self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def __call__(self, what: str, done: int, total: int) -> None:
        with self._lock:
            self._state = (what, done, total)
            if self._bar is not None:
                self._bar.update(self._task, description=what, completed=done, total=total)

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        with self._lock:
            if self._closed:
                return
            what, done, total = self._state
            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(what, completed=done, total=total)

    def close(self) -> None:
        """Stop the timer, and the bar if it is showing (it leaves no trace on the screen)."""
        with self._lock:
            self._closed = True
            self._timer.cancel()
            if self._bar is not None:
                self._bar.stop()
                self._bar = None
