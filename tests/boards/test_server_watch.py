"""ServerWatch: what one look at a server's change counter tells the app (issue #24)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ssi_tui.boards import watch
from ssi_tui.boards.watch import ServerEvent, ServerWatch

URL = "postgresql://ana:s3cret@db.example/ssi"


def _answers(monkeypatch: pytest.MonkeyPatch, *answers: object) -> None:
    """The server's answers to each look in turn: a counter, None (unreachable) or an error."""
    queue: Iterator[object] = iter(answers)

    def change_stamp(location: object) -> object:
        assert location == URL
        answer = next(queue)
        if isinstance(answer, Exception):
            raise answer
        return answer

    monkeypatch.setattr(watch.store, "change_stamp", change_stamp)


def test_a_change_is_told_once_and_a_lost_server_once_until_it_is_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _answers(monkeypatch, (3,), (3,), (4,), (4,), None, None, RuntimeError("going"), (4,), (5,))
    seen = ServerWatch(URL)
    events = [seen.poll() for _ in range(9)]
    assert events == [
        ServerEvent.SAME,  # the first look only takes the counter
        ServerEvent.SAME,
        ServerEvent.CHANGED,
        ServerEvent.SAME,
        ServerEvent.LOST,
        ServerEvent.SAME,  # still lost: said once
        ServerEvent.SAME,  # the driver raising is no crash, still lost
        ServerEvent.BACK,
        ServerEvent.CHANGED,
    ]


def test_a_write_while_the_first_board_is_read_is_a_change_at_the_next_look(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _answers(monkeypatch, (7,), (8,))
    seen = ServerWatch(URL)
    seen.prime()  # before the read
    assert seen.poll() is ServerEvent.CHANGED


def test_a_server_history_is_named_without_its_password_and_stamped_without_asking_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert watch.history_name(URL) == "postgresql://ana@db.example/ssi"
    _answers(monkeypatch)  # any look at the server fails the test: the UI thread never waits
    assert watch.database_stamp(URL) == watch.database_stamp(URL)
