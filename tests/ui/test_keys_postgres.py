"""Keys on a history on a PostgreSQL server (issue #24: every keystroke within 50 ms of its
frame): no key waits on the server, and the weeks either side are read ahead as for a file."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

import pytest

from ssi_tui.boards import board_loader
from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import load_board
from ssi_tui.resources import sample_data_dir
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.leaderboard import LeaderboardScreen
from ssi_tui.ui.screens.rep import RepScreen
from ssi_tui.ui.widgets.board_table import BoardTable
from tests.ui.helpers import settle, shown_names, wait_for_board


@pytest.fixture
def sample_on_server(postgres_url: Callable[[], str]) -> str:
    """The bundled sample team (30 reps, 26 weeks) imported into a new database on the server."""
    url = postgres_url()
    run_import(url, [sample_data_dir()])
    return url


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Every connection to the server, by the URL it went to: opened on the UI (main) thread,
    and in workers."""
    import psycopg

    opened: dict[str, list[str]] = {"ui": [], "worker": []}
    real_connect = psycopg.connect

    def connect(url: str, *args: object, **kwargs: object) -> object:
        on_ui = threading.current_thread() is threading.main_thread()
        opened["ui" if on_ui else "worker"].append(url)
        return real_connect(url, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(psycopg, "connect", connect)
    return opened


async def test_on_a_server_the_weeks_either_side_are_read_ahead_and_shown_without_asking_it(
    sample_on_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = sample_on_server
    last = load_board(url).dates[-1]
    steps = (last - dt.timedelta(days=14), last - dt.timedelta(days=7))
    expected = {as_of: [r.name for r in load_board(url, as_of=as_of).rows] for as_of in steps}
    async with SsiApp(url).run_test(size=(100, 30)) as pilot:
        screen = await wait_for_board(pilot)
        await pilot.press("left_square_bracket")
        await wait_for_board(pilot, loads=2)
        await settle(pilot)

        def forbidden(*_: object, **__: object) -> None:
            raise AssertionError("the server was asked for a board read ahead")

        monkeypatch.setattr(board_loader.store, "open_read", forbidden)
        for as_of in steps:
            key = "left_square_bracket" if as_of < screen.board.as_of else "right_square_bracket"
            await pilot.press(key)
            assert screen.board.as_of == as_of  # shown at once: no worker, no wait
            assert [r.name for r in screen.query_one(BoardTable).rows] == expected[as_of]
            await settle(pilot)
        assert not [n for n in pilot.app._notifications if n.severity == "error"]


async def test_no_key_opens_a_connection_to_the_server_on_the_ui_thread(
    sample_on_server: str, connections: dict[str, list[str]]
) -> None:
    async with SsiApp(sample_on_server).run_test(size=(120, 40)) as pilot:
        screen = await wait_for_board(pilot)
        first = shown_names(pilot)
        for keys in (["2"], ["1"], ["left_square_bracket"], ["right_square_bracket"]):
            await pilot.press(*keys)
            await settle(pilot)
        await pilot.press("slash", "a", "escape")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RepScreen)
        rep_screen = pilot.app.screen
        for _ in range(100):
            await pilot.pause(0.02)
            if rep_screen.detail is not None:
                break
        assert rep_screen.detail is not None  # the history came, from a worker
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, LeaderboardScreen) and screen.loads >= 1
        assert shown_names(pilot) == first
    assert connections["ui"] == []
    assert connections["worker"]  # the reads were made, each in a worker
