"""The `T` dialog: the highlighted rep's own target, their team's and the default, stored in
the database and shown by the board at once (issue #23, item 7)."""

from __future__ import annotations

from pathlib import Path

from ssi_tui.model.board import load_board
from ssi_tui.model.targets import default_target, list_targets
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.targets_dialog import TargetsScreen
from ssi_tui.ui.widgets.board_table import BoardTable
from tests.ui.helpers import screen_text, wait_for_board, wait_until


async def _open_targets(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("T")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, TargetsScreen))
    await wait_until(pilot, lambda: "is measured against" in screen_text(pilot))


def _current(pilot):  # type: ignore[no-untyped-def]
    return pilot.app.screen.query_one(BoardTable).current


async def test_setting_a_reps_own_target_reloads_the_board(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(120, 36)) as pilot:
        await wait_for_board(pilot)
        top = _current(pilot)
        assert top.target == 70  # the config's default
        await _open_targets(pilot)
        text = screen_text(pilot)
        assert f"Targets of {top.name}" in text
        assert f"Team target ({top.team})" in text
        assert "none: the config's 70" in text
        await pilot.press(*"40")
        await wait_until(pilot, lambda: "is measured against 40" in screen_text(pilot))
        await pilot.press("enter")
        await wait_for_board(pilot, loads=2)
        assert not isinstance(pilot.app.screen, TargetsScreen)
        mine = next(r for r in pilot.app.screen.board.rows if r.rep_id == top.rep_id)
        assert mine.target == 40 and mine.pct_of_target == round(100 * top.ssi / 40, 1)
        await pilot.press("9")  # sort by % of target: theirs is now far ahead
        await pilot.pause()
        assert pilot.app.screen.query_one(BoardTable).rows[0].rep_id == top.rep_id
        await pilot.app.workers.wait_for_complete()
    [stored] = list_targets(sample_db)
    assert (stored.scope, stored.key, stored.target) == ("rep", top.rep_id, 40)


async def test_team_and_default_targets_and_clearing(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(120, 36)) as pilot:
        await wait_for_board(pilot)
        top = _current(pilot)
        await _open_targets(pilot)
        await pilot.click("#team")
        await pilot.press(*"60")
        await pilot.click("#default")
        await pilot.press(*"50", "enter")
        await wait_for_board(pilot, loads=2)
        targets = {(r.team, r.target) for r in pilot.app.screen.board.rows}
        assert targets == {(top.team, 60)} | {(t, 50) for t, _ in targets if t != top.team}
        # Opened again: the boxes show what is stored; emptied, the team's is cleared.
        await _open_targets(pilot)
        assert pilot.app.screen.query_one("#team").value == "60"
        assert pilot.app.screen.query_one("#default").value == "50"
        await pilot.click("#team")
        await pilot.press("end", "backspace", "backspace", "enter")
        await wait_for_board(pilot, loads=3)
        assert {r.target for r in pilot.app.screen.board.rows} == {50}
        assert "at or above 50" in screen_text(pilot)  # the summary names the one target
        await pilot.app.workers.wait_for_complete()
    assert default_target(sample_db) == 50
    assert list_targets(sample_db) == []


async def test_an_invalid_target_is_refused_inline_and_nothing_is_written(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(120, 36)) as pilot:
        await wait_for_board(pilot)
        await _open_targets(pilot)
        for typed, shown in (("0", "got 0"), ("101", "got 101"), ("abc", "got 'abc'")):
            await pilot.press(*typed)
            await wait_until(pilot, lambda shown=shown: shown in screen_text(pilot))
            assert "Own target: expected a number above 0 up to 100" in screen_text(pilot)
            assert pilot.app.screen.query_one("#save").disabled
            await pilot.press("enter")  # refused: the dialog stays
            assert isinstance(pilot.app.screen, TargetsScreen)
            await pilot.press(*["backspace"] * len(typed))
        await pilot.press("escape")
        await wait_for_board(pilot)
    assert list_targets(sample_db) == [] and default_target(sample_db) is None
    assert {r.target for r in load_board(sample_db).rows} == {70}


async def test_a_served_session_has_no_targets_key(sample_db: Path) -> None:
    from ssi_tui.model.options import ViewOptions

    async with SsiApp(sample_db, options=ViewOptions(served=True)).run_test() as pilot:
        await wait_for_board(pilot)
        await pilot.press("T")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, TargetsScreen)
