"""When the app collects garbage: young generations every tick, a full collection only once
the manager has left the keyboard alone, and never twice in a short while (no Textual)."""

from __future__ import annotations

import gc

from ssi_tui.boards.quiet_collector import (
    FULL_EVERY_SECONDS,
    IDLE_SECONDS,
    QuietCollector,
    collector_paused,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_full_collections_wait_for_a_quiet_keyboard_and_stay_rare() -> None:
    clock, collected = Clock(), []
    collector = QuietCollector(clock=clock, collect=collected.append)
    clock.now += FULL_EVERY_SECONDS  # long since the last full one, but typing:
    collector.note_input()
    assert collector.tick() == 1
    clock.now += IDLE_SECONDS / 2
    assert collector.tick() == 1
    clock.now += IDLE_SECONDS  # quiet now
    assert collector.tick() == 2
    clock.now += IDLE_SECONDS  # still quiet, but one ran just now
    assert collector.tick() == 1
    clock.now += FULL_EVERY_SECONDS
    assert collector.tick() == 2
    assert collected == [1, 1, 2, 1, 2]


def test_start_and_stop_hand_collection_back_as_it_was() -> None:
    assert gc.isenabled()
    collector = QuietCollector()
    collector.start()
    try:
        assert not gc.isenabled()
    finally:
        collector.stop()
    assert gc.isenabled()
    gc.disable()
    try:
        collector.start()
        collector.stop()
        assert not gc.isenabled()  # it was off before: left off
    finally:
        gc.enable()


def test_no_collection_while_a_board_is_being_made() -> None:
    clock, collected = Clock(), []
    collector = QuietCollector(clock=clock, collect=collected.append)
    with collector_paused():  # a worker making a board's objects
        assert collector.tick() == -1
    assert collector.tick() == 1
    assert collected == [1]


def test_a_board_made_while_the_app_collects_is_set_aside_until_a_full_collection() -> None:
    clock = Clock()
    collector = QuietCollector(clock=clock)
    collector.start()
    try:
        with collector_paused():
            made = [{"row": n} for n in range(1000)]
        assert gc.get_freeze_count() >= len(made)  # young collections will not walk them
        clock.now += FULL_EVERY_SECONDS + IDLE_SECONDS
        assert collector.tick() == 2
        assert gc.get_freeze_count() == 0  # the full one looked at everything
        with collector_paused():
            made = [{"row": n} for n in range(1000)]
        collector.stop()  # the app closes: CPython gets everything back
        assert gc.get_freeze_count() == 0 and gc.isenabled()
    finally:
        collector.stop()
        gc.unfreeze()


def test_outside_the_app_nothing_is_set_aside() -> None:
    assert gc.isenabled()
    with collector_paused():
        made = [{"row": n} for n in range(1000)]
    assert gc.isenabled() and len(made) == 1000
    assert gc.get_freeze_count() == 0
