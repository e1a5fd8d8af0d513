"""Reading what the leaderboard shows, as a user would see it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual import events
from textual.pilot import Pilot

from ssi_tui.ui.screens.leaderboard import LeaderboardScreen
from ssi_tui.ui.widgets.board_table import BoardHeader, BoardTable


async def wait_for_board(pilot: Pilot, *, loads: int = 1) -> LeaderboardScreen:
    """Wait until the board screen has shown data from LOADS loads (workers are threads)."""
    for _ in range(400):
        await pilot.pause(0.01)
        screen = pilot.app.screen
        if isinstance(screen, LeaderboardScreen) and screen.loads >= loads:
            await pilot.pause()
            return screen
    raise AssertionError("the board never loaded")


async def wait_until(
    pilot: Pilot, predicate: Callable[[], object], *, timeout: float = 10.0
) -> None:
    """Wait until PREDICATE holds (what a worker reads is drawn later), then for the screen to
    handle what is pending; the screen's text in the error when it never does."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(
                f"condition never became true; the screen shows:\n{screen_text(pilot)}"
            )
        await pilot.pause(0.01)
    await pilot.pause()


async def settle(pilot: Pilot) -> None:
    """Wait until no worker runs: one that a newer one replaced (an exclusive read) is done
    too, not a failure (Textual's wait_for_complete raises WorkerCancelled for it)."""
    for _ in range(50):
        running = [w for w in pilot.app.workers if not w.is_finished]
        if not running:
            return
        await asyncio.gather(*(w.wait() for w in running), return_exceptions=True)
    raise AssertionError("workers kept starting")


async def press_in_one_burst(pilot: Pilot, *keys: str) -> None:
    """Hand KEYS to the app as a terminal does a paste, or keys typed faster than a frame:
    all at once, each before the app has handled the one before (Pilot.press waits between
    keys). Then wait for them to be handled."""
    names = {"/": "slash"}
    for key in keys:
        character = key if len(key) == 1 else None
        pilot.app.post_message(events.Key(names.get(key, key), character))
    await pilot.pause()
    await pilot.pause()


def visible_lines(pilot: Pilot) -> list[str]:
    """The text of every drawn line of the board table."""
    table = pilot.app.screen.query_one(BoardTable)
    return [table.render_line(y).text.rstrip() for y in range(table.size.height)]


def header_line(pilot: Pilot) -> str:
    """The column titles as drawn."""
    return pilot.app.screen.query_one(BoardHeader).render_line(0).text.rstrip()


def shown_names(pilot: Pilot) -> list[str]:
    """Names of the rows in the order the table holds them (all rows, not only visible)."""
    table = pilot.app.screen.query_one(BoardTable)
    return [row.name for row in table.rows]


def screen_text(pilot: Pilot) -> str:
    """Every character on the terminal right now, line by line (what a user reads)."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)
