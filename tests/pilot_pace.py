"""Pilot's idle wait, paced for tests that wait for what they assert on.

Textual's Pilot waits for the process to look idle after every key press and pause(), in
slices of 20 ms (textual._wait): at least 40 ms a key, most of a typing test's time, and a
wait that hid races (a test reading the screen before a worker's result was drawn passed
because of it). A 2 ms slice keeps the same idle test (process time under 5% of the wall
time); the tests wait for what they check explicitly (tests/ui/helpers.wait_until).
"""

from __future__ import annotations

import textual._wait

SLICE_SECONDS = 0.002


def pace_pilot() -> None:
    """Pilot's idle wait in 2 ms slices instead of 20 ms ones."""
    textual._wait.SLEEP_GRANULARITY = SLICE_SECONDS
    textual._wait.SLEEP_IDLE = SLICE_SECONDS / 20
