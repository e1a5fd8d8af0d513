"""The leaderboard screen, driven by real keys, checked against what is drawn."""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Input

from ssi_tui.boards import board_loader
from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import load_board, sort_rows
from ssi_tui.model.options import ViewOptions
from ssi_tui.model.rep import load_rep
from ssi_tui.model.view import BoardView
from ssi_tui.text import fold
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.help import HelpScreen
from ssi_tui.ui.screens.leaderboard import LeaderboardScreen
from ssi_tui.ui.screens.rep import RepScreen
from ssi_tui.ui.widgets.board_table import BoardHeader, BoardTable
from ssi_tui.ui.widgets.history_table import HistoryTable
from ssi_tui.ui.widgets.summary import Summary
from tests.ui.conftest import write_csv
from tests.ui.helpers import (
    header_line,
    press_in_one_burst,
    screen_text,
    shown_names,
    visible_lines,
    wait_for_board,
    wait_until,
)


def _values(pilot, key: str) -> list[float]:  # type: ignore[no-untyped-def]
    return [row.value(key) for row in pilot.app.screen.query_one(BoardTable).rows]


def forbid(monkeypatch: pytest.MonkeyPatch, owner: object, name: str, what: str) -> None:
    """Make OWNER.NAME fail the test if called: WHAT must not happen from now on."""

    def forbidden(*_: object, **__: object) -> None:
        raise AssertionError(what)

    monkeypatch.setattr(owner, name, forbidden)


async def test_opens_with_every_rep_ranked_by_total(sample_db: Path) -> None:
    board = load_board(sample_db)
    async with SsiApp(sample_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        totals = _values(pilot, "ssi")
        assert len(totals) == len(board.rows) == 30
        assert totals == sorted(totals, reverse=True)
        first = visible_lines(pilot)[0]
        top = board.rows[0]
        assert top.name in first and f"{top.ssi:.0f}" in first
        assert "SSI ▼" in header_line(pilot)


async def test_number_keys_sort_and_the_same_key_reverses(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        for key, column in (
            ("2", "brand"),
            ("3", "people"),
            ("4", "insights"),
            ("5", "relationships"),
        ):
            await pilot.press(key)
            values = _values(pilot, column)
            assert values == sorted(values, reverse=True), column
            await pilot.press(key)
            values = _values(pilot, column)
            assert values == sorted(values), column
        await pilot.press("7")
        names = shown_names(pilot)
        assert names == sorted(names, key=str.lower)
        assert "Name ▲" in header_line(pilot)
        await pilot.press("7")
        assert shown_names(pilot) == sorted(names, key=str.lower, reverse=True)
        await pilot.press("6")
        changes = [c for c in _values(pilot, "change") if c is not None]
        assert changes == sorted(changes, reverse=True)
        await pilot.press("1")
        totals = _values(pilot, "ssi")
        assert totals == sorted(totals, reverse=True)


async def test_clicking_a_header_sorts(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        header = header_line(pilot)
        await pilot.click("#board-header", offset=(header.index("Insights") + 1, 0))
        values = _values(pilot, "insights")
        assert values == sorted(values, reverse=True)
        assert "Insights ▼" in header_line(pilot)


async def test_cursor_keys_move_and_stay_on_the_rep_after_sorting(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        table = pilot.app.screen.query_one(BoardTable)
        await pilot.press("j", "j", "down")
        assert table.cursor == 3
        await pilot.press("k")
        assert table.cursor == 2
        await pilot.press("G")
        assert table.cursor == 29
        await pilot.press("g")
        assert table.cursor == 0
        await pilot.press("pagedown")
        assert table.cursor > 10
        await pilot.press("pageup")
        assert table.cursor == 0
        await pilot.press("j")
        chosen = table.current
        assert chosen is not None
        await pilot.press("7")
        assert table.current == chosen


async def test_slash_filters_by_name_or_team_and_escape_clears(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("slash", "m", "u", "l", "l")
        assert shown_names(pilot) == ["Zoë Müller"]  # accents do not matter
        summary = pilot.app.screen.query_one(Summary)
        await wait_until(pilot, lambda: "mull" in str(summary.render()))  # written after a frame
        assert "1 rep" in str(summary.render())
        await pilot.press("escape")
        assert len(shown_names(pilot)) == 30
        await pilot.press("slash", *"smb")
        teams = {row.team for row in pilot.app.screen.query_one(BoardTable).rows}
        assert teams == {"SMB"}
        await pilot.press("backspace", "backspace", "backspace", *"nobody-like-this")
        assert shown_names(pilot) == []
        assert "No rep matches" in str(pilot.app.screen.query_one("#empty").render())
        await pilot.press("escape")
        assert len(shown_names(pilot)) == 30


async def test_keys_arriving_in_one_burst_after_slash_all_reach_the_filter(
    sample_db: Path,
) -> None:
    # A terminal delivers a paste, or keys typed faster than a frame, in one read: Textual
    # hands every key of it to the widget that had the focus, before `/` has moved it.
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await press_in_one_burst(pilot, *"/mull")
        assert pilot.app.screen.query_one("#filter", Input).value == "mull"
        assert shown_names(pilot) == ["Zoë Müller"]
        await pilot.press("slash", "x")  # in the filter, `/` is text ("EMEA/North")
        assert pilot.app.screen.query_one("#filter", Input).value == "mull/x"
        await pilot.press("escape")
        await press_in_one_burst(pilot, *"/a/b")
        assert pilot.app.screen.query_one("#filter", Input).value == "a/b"


async def test_a_second_enter_in_the_same_burst_opens_the_rep_the_filter_found(
    sample_db: Path,
) -> None:
    # Enter in the filter hands the board the focus; an Enter typed right behind it reached
    # the filter box before the focus had moved, and was lost.
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await press_in_one_burst(pilot, *"/mull", "enter", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, RepScreen)
        assert "Zoë Müller" in screen_text(pilot)


async def test_the_summary_line_follows_the_filter_even_when_keys_come_in_one_burst(
    sample_db: Path,
) -> None:
    # The filtered summary is made after the frame with the rows: one made for a filter
    # already changed or cleared must never replace the line.
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        summary = pilot.app.screen.query_one(Summary)
        await press_in_one_burst(pilot, *"/mu")
        await wait_until(pilot, lambda: "filter “mu”" in str(summary.render()))
        matching = len(shown_names(pilot))
        assert f"{matching} rep" in str(summary.render())
        screen = pilot.app.screen
        assert isinstance(screen, LeaderboardScreen)
        screen.view = replace(
            screen.view, filter="mul"
        )  # its summary is made after the next frame...
        screen.view = replace(screen.view, filter="")  # ...by when the filter is gone
        await pilot.pause()
        await pilot.pause()
        assert len(shown_names(pilot)) == 30
        assert "filter" not in str(summary.render())
        assert "30 reps" in str(summary.render())


async def test_t_cycles_through_the_teams_and_back_to_all(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        screen = await wait_for_board(pilot)
        seen = []
        for n, expected in enumerate(["Enterprise", "Mid-Market", "SMB", None], start=2):
            await pilot.press("t")
            await wait_for_board(pilot, loads=n)
            teams = {row.team for row in screen.query_one(BoardTable).rows}
            seen.append(teams)
            if expected is None:
                assert len(teams) == 3
            else:
                assert teams == {expected}
                ranks = [row.rank for row in screen.query_one(BoardTable).rows]
                assert ranks == list(range(1, len(ranks) + 1))  # ranked within the team


async def test_brackets_move_the_as_of_date_by_weeks_within_the_data(sample_db: Path) -> None:
    board = load_board(sample_db)
    last, first = board.dates[-1], board.dates[0]
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        screen = await wait_for_board(pilot)
        await pilot.press("right_square_bracket")  # already at the latest: stays
        await pilot.pause(0.1)
        assert screen.board.as_of == last
        await pilot.press("left_square_bracket")
        await wait_for_board(pilot, loads=2)
        assert screen.board.as_of == last - dt.timedelta(days=7)
        assert "as of " + (last - dt.timedelta(days=7)).isoformat() in str(
            screen.query_one(Summary).render()
        )
        earlier = load_board(sample_db, as_of=last - dt.timedelta(days=7))
        assert [r.ssi for r in screen.query_one(BoardTable).rows] == [r.ssi for r in earlier.rows]
        await pilot.press("right_square_bracket")
        await wait_for_board(pilot, loads=3)
        assert screen.board.as_of == last
        loads = 3
        for _ in range(len(board.dates) + 2):
            await pilot.press("left_square_bracket")
            await pilot.pause(0.05)
            if screen.board.as_of != first:
                loads += 1
                await wait_for_board(pilot, loads=loads)
        assert screen.board.as_of == first


async def test_the_weeks_either_side_are_read_ahead_and_shown_without_reading_the_file(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    last = load_board(sample_db).dates[-1]
    steps = (last - dt.timedelta(days=14), last - dt.timedelta(days=7))
    expected = {as_of: [r.name for r in load_board(sample_db, as_of=as_of).rows] for as_of in steps}
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        screen = await wait_for_board(pilot)
        await pilot.press("left_square_bracket")
        await wait_for_board(pilot, loads=2)
        await pilot.app.workers.wait_for_complete()

        forbid(monkeypatch, board_loader.store, "open_read", "the file was read again")
        for as_of in steps:
            key = "left_square_bracket" if as_of < screen.board.as_of else "right_square_bracket"
            await pilot.press(key)
            assert screen.board.as_of == as_of  # shown at once: no worker, no wait
            assert [r.name for r in screen.query_one(BoardTable).rows] == expected[as_of]
            await pilot.app.workers.wait_for_complete()
        assert not [n for n in pilot.app._notifications if n.severity == "error"]


async def test_reload_shows_an_import_made_while_open(sample_db: Path, tmp_path: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        screen = await wait_for_board(pilot)
        table = screen.query_one(BoardTable)
        await pilot.press("j", "j")
        kept = table.current
        newcomer = write_csv(
            tmp_path / "late.csv",
            ["2026-11-20,new@x.example,Newt Newcomer,SMB,25,25,25,24,99"],
        )
        run_import(sample_db, [newcomer])
        await pilot.press("r")
        await wait_for_board(pilot, loads=2)
        assert screen.board.as_of == dt.date(2026, 11, 20)
        assert shown_names(pilot)[0] == "Newt Newcomer"
        assert table.current is not None and kept is not None
        assert table.current.rep_id == kept.rep_id


async def test_question_mark_lists_every_key(sample_db: Path) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 40)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        text = screen_text(pilot)
        for words in ("Filter reps", "one week back", "Sort by name", "Quit", "Open the drill"):
            assert words in text
        # The sort keys in a row, though the screen declares ? and q between 1 and 2 (for the
        # footer's sake).
        inside = [line.split("│")[1].split() for line in text.splitlines() if line.count("│") == 2]
        keys = [words[0] for words in inside if words]
        first_sort = keys.index("1")
        assert keys[first_sort : first_sort + 9] == [str(n) for n in range(1, 10)]
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, HelpScreen)


@pytest.mark.parametrize("width", [80, 100])
async def test_the_footer_ends_with_the_palette_key_whatever_the_width(
    sample_db: Path, width: int
) -> None:
    async with SsiApp(sample_db).run_test(size=(width, 24)) as pilot:
        await wait_for_board(pilot)
        footer = screen_text(pilot).splitlines()[-1]
        # At 80 columns the keys scroll under the docked ^p key: none may show beyond it.
        assert footer.endswith("^p palette"), repr(footer)


async def test_q_quits(sample_db: Path) -> None:
    app = SsiApp(sample_db)
    async with app.run_test() as pilot:
        await wait_for_board(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def _history_of(pilot, rep_id: str) -> RepScreen:  # type: ignore[no-untyped-def]
    """Wait until the drill-down shows REP_ID's history."""
    for _ in range(500):
        await pilot.pause(0.01)
        screen = pilot.app.screen
        if isinstance(screen, RepScreen) and screen.detail and screen.detail.rep_id == rep_id:
            await pilot.pause()
            return screen
    raise AssertionError(f"the drill-down never showed {rep_id}'s history")


async def test_the_drill_down_opened_again_shows_only_the_new_rep_and_week(
    sample_db: Path,
) -> None:
    board = load_board(sample_db)
    first, second = board.rows[0], board.rows[1]
    week_back = board.dates[-1] - dt.timedelta(days=7)
    async with SsiApp(sample_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("enter")
        opened = await _history_of(pilot, first.rep_id)
        assert first.name in screen_text(pilot)
        await pilot.press("h")
        assert opened.focused is opened.query_one(HistoryTable)
        await pilot.press("escape", "down", "enter")
        again = await _history_of(pilot, second.rep_id)
        assert again is opened  # kept between Enters, so it must forget the first rep
        text = screen_text(pilot)
        assert second.name in text and first.name not in text
        assert f"Rep 2 of {len(board.rows)}" in text
        table = again.query_one(HistoryTable)
        assert again.focused is not table
        assert table.row_count == len(
            load_rep(sample_db, second.rep_id, as_of=board.dates[-1]).history
        )
        await pilot.press("escape", "left_square_bracket")
        await wait_for_board(pilot, loads=2)
        await pilot.press("enter")
        await _history_of(pilot, second.rep_id)
        assert f"as of {week_back.isoformat()}" in screen_text(pilot)
        latest = again.detail.latest if again.detail else None
        assert latest is not None and latest.date <= week_back
        assert table.row_count == len(load_rep(sample_db, second.rep_id, as_of=week_back).history)


async def test_the_drill_down_walks_the_order_shown_after_a_sort_or_a_filter(
    sample_db: Path,
) -> None:
    async with SsiApp(sample_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        board_screen = pilot.app.screen

        def shown_ids() -> tuple[str, ...]:
            return tuple(r.rep_id for r in board_screen.query_one(BoardTable).rows)

        # Enter in the filter box goes back to the board with the filter kept.
        for keys in ([], ["7"], ["7"], ["slash", "a", "n", "enter"], ["4"]):
            await pilot.press(*keys)
            await pilot.pause()
            expected = shown_ids()
            assert len(expected) > 2, keys
            await pilot.press("home", "enter")
            rep_screen = await _history_of(pilot, expected[0])
            assert rep_screen.order == expected, keys
            await pilot.press("n")
            await _history_of(pilot, expected[1])
            await pilot.press("escape")
            await pilot.pause()


async def test_the_drill_down_opened_again_after_a_theme_change_wears_the_new_theme(
    sample_db: Path,
) -> None:
    """The kept drill-down skips Textual's restyle on a push, unless the app's CSS changed."""
    async with SsiApp(sample_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        first_rep = load_board(sample_db).rows[0].rep_id
        await pilot.press("enter")
        opened = await _history_of(pilot, first_rep)
        position = opened.query_one("#position")
        dark_panel = position.styles.background
        await pilot.press("escape")
        await pilot.pause()
        pilot.app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("enter")
        again = await _history_of(pilot, first_rep)
        assert again is opened
        light_panel = pilot.app.theme_variables["panel"]
        assert position.styles.background != dark_panel
        assert position.styles.background.hex.lower() == light_panel.lower()[:7]


async def test_the_board_rows_wear_a_new_theme_at_once(sample_db: Path) -> None:
    """Rows are drawn once and kept: a theme chosen from the palette must redraw them."""
    async with SsiApp(sample_db).run_test(size=(120, 30)) as pilot:
        await wait_for_board(pilot)
        table = pilot.app.screen.query_one(BoardTable)

        def backgrounds(y: int) -> set[object]:
            return {s.style.bgcolor for s in table.render_line(y) if s.style is not None}

        dark = table.rich_style.bgcolor
        assert backgrounds(3) == {dark}
        pilot.app.theme = "textual-light"
        await pilot.pause()
        light = table.rich_style.bgcolor
        assert light != dark
        assert backgrounds(3) == {light}  # row 3: not under the cursor


@pytest.mark.parametrize("width", [60, 100])
async def test_the_summary_is_shown_whole_as_it_grows_and_shrinks(
    sample_db: Path, width: int
) -> None:
    """The summary's height follows its text (it is laid out again only when that changes)."""
    async with SsiApp(sample_db).run_test(size=(width, 30)) as pilot:
        screen = await wait_for_board(pilot)
        summary = screen.query_one(Summary)

        def drawn_whole() -> bool:
            words = str(summary.render()).split()
            return bool(words) and all(word in screen_text(pilot) for word in words)

        async def check_whole() -> None:
            await wait_until(pilot, drawn_whole)
            header = screen.query_one(BoardHeader)
            assert summary.region.bottom <= header.region.y

        await check_whole()
        await pilot.press("slash", *"a long filter that matches nobody at all")
        await check_whole()
        await pilot.press(*["backspace"] * 39)
        await check_whole()
        await pilot.press("escape", "left_square_bracket")
        await wait_for_board(pilot, loads=2)
        await check_whole()


async def test_the_first_filter_keystroke_finds_the_filter_text_made(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.app.workers.wait_for_complete()

        forbid(
            monkeypatch,
            board_loader.FoldCache,
            "search_text",
            "the filter text was made on the keystroke",
        )
        await pilot.press("slash", "m", "u", "l", "l")
        assert shown_names(pilot) == ["Zoë Müller"]


async def test_two_quick_week_steps_back_need_no_read(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    last = load_board(sample_db).dates[-1]
    two_back = last - dt.timedelta(days=14)
    expected = [r.name for r in load_board(sample_db, as_of=two_back).rows]
    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        screen = await wait_for_board(pilot)
        await pilot.app.workers.wait_for_complete()

        forbid(monkeypatch, board_loader.store, "open_read", "the file was read again")
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.board.as_of == two_back
        assert [r.name for r in screen.query_one(BoardTable).rows] == expected
        await pilot.app.workers.wait_for_complete()


async def test_the_app_collects_garbage_itself_while_open(sample_db: Path) -> None:
    assert gc.isenabled()
    app = SsiApp(sample_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        assert not gc.isenabled()  # the app's QuietCollector runs it between keypresses
    # Given back at exit; a worker still making a board read ahead (a thread outlives the app)
    # gives it back when it is done.
    for _ in range(1000):
        if gc.isenabled():
            break
        await asyncio.sleep(0.01)
    assert gc.isenabled()


async def test_every_sort_key_finds_its_order_made_ahead(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with SsiApp(sample_db).run_test(size=(160, 45)) as pilot:
        await wait_for_board(pilot)
        await pilot.app.workers.wait_for_complete()

        forbid(monkeypatch, board_loader, "order_rows", "a sort order was made on the key press")
        for key, column in (("2", "brand"), ("3", "people"), ("4", "insights"), ("1", "ssi")):
            await pilot.press(key)
            values = _values(pilot, column)
            assert values == sorted(values, reverse=True), column
        await pilot.press("7")
        names = shown_names(pilot)
        assert names == sorted(names, key=str.lower)


async def test_typing_and_deleting_filter_text_keeps_the_sort(sample_db: Path) -> None:
    board = load_board(sample_db)

    def expected(needle: str) -> list[str]:
        return [
            r.name
            for r in sort_rows(board.rows, "brand")
            if fold(needle) in fold(f"{r.name}\n{r.team or ''}")
        ]

    async with SsiApp(sample_db).run_test(size=(100, 30)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("2", "slash")
        typed = ""
        for key in ["a", "n", "backspace", "backspace", "e", "backspace", "s", "m", "b"]:
            await pilot.press(key)
            typed = typed[:-1] if key == "backspace" else typed + key
            assert shown_names(pilot) == expected(typed), typed
        assert expected("smb") and len(expected("a")) > len(expected("an")) > 0


async def test_the_palette_names_each_command_by_its_own_key(sample_db: Path) -> None:
    """The footer groups the sort keys as `1-9` and the weeks as `[ ]`; the palette must say
    which single key runs each command."""
    async with SsiApp(sample_db).run_test(size=(100, 40)) as pilot:
        await wait_for_board(pilot)
        await pilot.press("ctrl+p", *"total ssi")
        for _ in range(100):
            text = screen_text(pilot)
            if "Sort by total SSI" in text:
                break
            await pilot.pause(0.02)
        lines = text.splitlines()
        below = lines[next(i for i, line in enumerate(lines) if "Sort by total SSI" in line) + 1]
        assert below.split() == ["Key:", "1"], below
        await pilot.press("escape")


async def test_an_unknown_team_says_so_and_t_leads_to_the_teams(sample_db: Path) -> None:
    """`--team` with a typo (or a team since renamed): say there is no such team, not that it
    has no snapshots this week, and let `t` move on to the real ones."""
    async with SsiApp(sample_db, options=ViewOptions(view=BoardView(team="Nope"))).run_test(
        size=(100, 30)
    ) as pilot:
        await wait_for_board(pilot)
        text = " ".join(screen_text(pilot).split())
        assert "No team called Nope in this file (teams: Enterprise, Mid-Market, SMB)" in text
        await pilot.press("t")
        await wait_for_board(pilot, loads=2)
        assert shown_names(pilot) and "No team called" not in screen_text(pilot)


async def test_a_team_typed_in_another_case_is_that_team_and_t_moves_on_from_it(
    sample_db: Path,
) -> None:
    async with SsiApp(sample_db, options=ViewOptions(view=BoardView(team="smb"))).run_test(
        size=(100, 30)
    ) as pilot:
        await wait_for_board(pilot)
        assert "team SMB" in screen_text(pilot)
        smb = len(shown_names(pilot))
        await pilot.press("t")  # SMB is the last team: on to all teams
        await wait_for_board(pilot, loads=2)
        header = screen_text(pilot).splitlines()[1]
        assert "· team" not in header and f"· {len(load_board(sample_db).rows)} reps" in header
        assert len(shown_names(pilot)) > smb
