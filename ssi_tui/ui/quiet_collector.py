"""Python's cycle collector run on the app's schedule, so that it never stalls a keypress.

With a few boards of 10,000 reps at hand (read ahead, kept for `[` and `]`), a full
collection walks a million objects: 0.2–0.5 s, started by whatever allocation happens to
cross CPython's threshold, often the one that draws the frame a key asked for. The app
turns automatic collection off and calls this once a second instead: a young-generation
collection then (a few ms, and what frees nearly all cyclic garbage), a full one only once
the manager has not touched a key for a while.

No Textual here: the app feeds it the time of each input and calls tick() on a timer.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

TICK_SECONDS = 1.0
"""How often the app calls tick()."""
IDLE_SECONDS = 3.0
"""No input for this long: a full collection may run."""
FULL_EVERY_SECONDS = 30.0
"""At most one full collection in this long (they cost 0.2–0.5 s at 10,000 reps)."""


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
        """Give collection back to CPython, as it was before start()."""
        if self._was_enabled:
            gc.enable()
        self._was_enabled = None

    def note_input(self) -> None:
        """A key or the mouse: the manager is looking, keep full collections away."""
        self._last_input = self._clock()

    def tick(self) -> int:
        """Collect what is due now; returns the generation collected."""
        now = self._clock()
        idle = now - self._last_input >= IDLE_SECONDS
        due = now - self._last_full >= FULL_EVERY_SECONDS
        generation = 2 if idle and due else 1
        if generation == 2:
            self._last_full = now
        self._collect(generation)
        return generation
