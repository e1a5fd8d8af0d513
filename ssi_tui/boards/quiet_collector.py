"""Python's cycle collector run on the app's schedule, so that it never stalls a keypress.

A full collection over a few big boards takes long enough to stall a frame, so the app turns
automatic collection off and calls tick() once a second: a young collection, and a full one only
while the keyboard is quiet; a young one never walks a board (collector_paused, set_aside).
The figures: docs/performance.md#garbage-collection.

No Textual here: the app feeds it the time of each input and calls tick() on a timer.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

TICK_SECONDS = 1.0
"""How often the app calls tick()."""
IDLE_SECONDS = 3.0
"""No input for this long: a full collection may run."""
FULL_EVERY_SECONDS = 30.0
"""At most one full collection in this long (each is a visible pause on a large board)."""


class QuietCollector:
    """Decides, on each tick, which generation to collect (see the module's docstring)."""

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        collect: Callable[[int], object] = gc.collect,
    ) -> None:
        self._clock = clock
        self._collect = collect
        self._last_input = clock()
        self._last_full = clock()
        self._was_enabled: bool | None = None

    def start(self) -> None:
        """Take over from automatic collection (undone by stop())."""
        self._was_enabled = gc.isenabled()
        gc.disable()

    def stop(self) -> None:
        """Give collection back to CPython, as it was before start(), with all set aside."""
        gc.unfreeze()
        if self._was_enabled:
            gc.enable()
        self._was_enabled = None

    def note_input(self) -> None:
        """A key or the mouse: the manager is looking, keep full collections away."""
        self._last_input = self._clock()

    def tick(self) -> int:
        """Collect what is due now; returns the generation collected (-1: none, a board is
        being made, whose new objects a collection would only walk)."""
        if _Making.count:
            return -1
        now = self._clock()
        idle = now - self._last_input >= IDLE_SECONDS
        due = now - self._last_full >= FULL_EVERY_SECONDS
        generation = 2 if idle and due else 1
        if generation == 2:
            self._last_full = now
            gc.unfreeze()  # what set_aside() put by is looked at too
        self._collect(generation)
        return generation


class _Making:
    """How many boards are being made now, in any thread (see collector_paused)."""

    count = 0
    lock = threading.Lock()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector kept off a board's ~100,000 objects while they are made, and
    out of their way once they are (set_aside).

    Collections started by making them walked every object alive, the boards already cached
    included: with a few boards of 10,000 reps at hand that tripled the time to prepare one.
    The app's ticks skip collecting meanwhile (a worker makes them while the UI thread ticks).
    Rows hold no reference cycles, so nothing is lost by collecting later.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    with _Making.lock:
        _Making.count += 1
    try:
        yield
    finally:
        with _Making.lock:
            _Making.count -= 1
        if was_enabled:
            gc.enable()
        set_aside()


def set_aside() -> None:
    """Put every object alive now out of the young collections' way (gc.freeze, which costs
    nothing) while the app collects on its own schedule: called once a board is made.

    Boards hold no reference cycles, so walking them finds nothing; any cyclic garbage set aside
    with them is collected by the next full collection, which takes everything back first.
    Outside the app (automatic collection on) it does nothing.
    """
    if not gc.isenabled():
        gc.freeze()
