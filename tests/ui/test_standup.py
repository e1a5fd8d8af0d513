"""Stand-up mode, driven with real keys and real time, and checked by what it shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Digits, Footer, Header

from ssi_tui.importing.importer import run_import
from ssi_tui.model.options import ViewOptions
from ssi_tui.model.standup import load_standup
from ssi_tui.model.view import BoardView
from ssi_tui.ui.screens.help import HelpScreen
from ssi_tui.ui.screens.leaderboard import LeaderboardScreen
from ssi_tui.ui.screens.standup import StandupScreen
from ssi_tui.ui.standup_plan import CHROME_LINES, Page, plan_pages
from tests.ui.conftest import write_csv
from tests.ui.helpers import screen_text, wait_until

SnapCompare = Callable[..., bool]

AS_OF = dt.date(2026, 11, 16)
"""The last date in sample_data: nothing here depends on today's date."""
SMALL = (80, 24)
WIDE = (160, 45)
LONG = 3600.0
"""A rotation that never turns during a test."""


class StandupHost(App[None]):
    """Opens the stand-up screen, alone or (OVER_BOARD) pushed over the leaderboard."""

    def __init__(self, db: Path, *, over_board: bool = False, **options: object) -> None:
        super().__init__()
        self.db = db
        self.over_board = over_board
        self.options = {"as_of": AS_OF, "rotate": LONG, **options}

    def on_mount(self) -> None:
        if self.over_board:
            self.push_screen(LeaderboardScreen(self.db, ViewOptions(view=BoardView(as_of=AS_OF))))
        self.push_screen(StandupScreen(self.db, **self.options))  # type: ignore[arg-type]


async def wait_for_standup(pilot: Pilot, *, loads: int = 1) -> StandupScreen:
    """Wait until the stand-up screen has shown data from LOADS loads (workers are threads)."""
    for _ in range(500):
        await pilot.pause(0.01)
        screen = pilot.app.screen
        if isinstance(screen, StandupScreen) and screen.loads >= loads:
            await pilot.pause()
            return screen
    raise AssertionError("the stand-up data never loaded")


async def page_text(pilot: Pilot) -> str:
    """The screen once the page shown is drawn: its title in the bar and its body under it (a
    page's widgets are laid out a frame after the key that turned to it)."""
    screen = pilot.app.screen
    assert isinstance(screen, StandupScreen)

    def drawn() -> bool:
        lines = screen_text(pilot).splitlines()
        return screen.page.title in lines[0] and any(line.strip() for line in lines[1:-1])

    await wait_until(pilot, drawn)
    return screen_text(pilot)


def big_numbers(screen: StandupScreen) -> list[str]:
    """The values drawn in large digits on the page, top to bottom."""
    return [d.value for d in screen.query(Digits)]


def kinds(screen: StandupScreen) -> list[str]:
    return [p.kind for p in screen.pages]


# -- rotation and keys -----------------------------------------------------------------------


async def test_pages_rotate_by_themselves(sample_db: Path) -> None:
    # Slow enough that a busy CI machine's polling cannot miss a page, fast enough to be quick.
    app = StandupHost(sample_db, rotate=0.7)
    async with app.run_test(size=SMALL) as pilot:
        screen = await wait_for_standup(pilot)
        seen = [screen.page_index]

        def turned_twice() -> bool:
            if screen.page_index != seen[-1]:
                seen.append(screen.page_index)
            return len(seen) >= 3

        await wait_until(pilot, turned_twice, timeout=15.0)
        count = len(screen.pages)
        assert seen[1:] == [(seen[0] + 1) % count, (seen[0] + 2) % count]


async def test_space_advances_and_wraps_around_left_goes_back(sample_db: Path) -> None:
    async with StandupHost(sample_db).run_test(size=SMALL) as pilot:
        screen = await wait_for_standup(pilot)
        assert kinds(screen) == ["board", "board", "movers", "teams", "target"]
        assert screen.page_index == 0 and "Leaderboard 1/2" in screen_text(pilot)
        visited = []
        for _ in range(len(screen.pages)):
            await pilot.press("space")
            visited.append(screen.page.kind)
        assert visited == ["board", "movers", "teams", "target", "board"]
        assert screen.page_index == 0
        await pilot.press("left")
        assert screen.page.kind == "target" and "On target" in await page_text(pilot)


async def test_p_pauses_with_a_visible_marker_and_resumes(sample_db: Path) -> None:
    async with StandupHost(sample_db, rotate=0.2).run_test(size=SMALL) as pilot:
        screen = await wait_for_standup(pilot)
        await pilot.press("p")
        await wait_until(pilot, lambda: "PAUSED" in screen_text(pilot))
        assert screen.paused
        assert "p resume" in screen_text(pilot)
        page = screen.page_index
        await pilot.pause(0.7)  # more than three turns' worth
        assert screen.page_index == page
        await pilot.press("space")  # still moves by hand while paused
        assert screen.page_index == (page + 1) % len(screen.pages)
        await pilot.press("p")
        assert not screen.paused and "PAUSED" not in screen_text(pilot)
        page = screen.page_index
        await wait_until(pilot, lambda: screen.page_index != page)


async def test_escape_returns_to_the_board_it_was_opened_from(sample_db: Path) -> None:
    async with StandupHost(sample_db, over_board=True).run_test(size=SMALL) as pilot:
        await wait_for_standup(pilot)
        assert "esc board" in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LeaderboardScreen)


async def test_escape_does_nothing_when_stand_up_is_all_there_is_and_q_quits(
    sample_db: Path,
) -> None:
    app = StandupHost(sample_db)
    async with app.run_test(size=SMALL) as pilot:
        screen = await wait_for_standup(pilot)
        assert "esc" not in screen_text(pilot).splitlines()[-1]
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_help_lists_the_keys(sample_db: Path) -> None:
    async with StandupHost(sample_db).run_test(size=SMALL) as pilot:
        await wait_for_standup(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        text = screen_text(pilot)
        for words in ("Show the next page now", "Pause or resume the rotation", "Quit ssi-tui"):
            assert words in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StandupScreen)


async def test_no_chrome(sample_db: Path) -> None:
    async with StandupHost(sample_db).run_test(size=SMALL) as pilot:
        screen = await wait_for_standup(pilot)
        assert not screen.query(Header) and not screen.query(Footer)


# -- what the pages show (sample team as of 2026-11-16) ----------------------------------------


async def test_the_board_continues_across_pages_in_rank_order(sample_db: Path) -> None:
    board = load_standup(sample_db, as_of=AS_OF).board
    ranked = [r.name for r in board.rows]
    async with StandupHost(sample_db).run_test(size=SMALL) as pilot:
        screen = await wait_for_standup(pilot)
        first, second = screen.pages[0], screen.pages[1]
        # 22 lines under the bars, minus the titles: the top 3 take 3 lines each, then 12.
        assert (first.start, first.stop, first.tall) == (0, 15, 3)
        assert (second.start, second.stop, second.tall) == (15, 30, 0)
        text = screen_text(pilot)
        for name in ranked[:15]:
            assert name in text
        assert ranked[15] not in text
        assert big_numbers(screen) == ["79", "70", "65"]  # the podium's totals
        await pilot.press("space")
        text = await page_text(pilot)
        assert "Leaderboard 2/2" in text
        for name in ranked[15:]:
            assert name in text
        assert ranked[0] not in text and not big_numbers(screen)


async def test_one_page_holds_the_whole_board_on_a_big_screen(sample_db: Path) -> None:
    async with StandupHost(sample_db).run_test(size=WIDE) as pilot:
        screen = await wait_for_standup(pilot)
        assert kinds(screen) == ["board", "movers", "teams", "target"]
        assert "Chloe Martin" in screen_text(pilot)  # rank 30


async def test_movers_page_gainers_first_and_fallers_only_when_asked(sample_db: Path) -> None:
    async with StandupHost(sample_db).run_test(size=SMALL) as pilot:
        screen = await wait_for_standup(pilot)
        await pilot.press("space", "space")
        assert screen.page.kind == "movers"
        text = await page_text(pilot)
        assert "Biggest gains" in text and "Biggest falls" not in text
        assert big_numbers(screen)[0] == "+2"  # Fiona Walsh, the week's biggest gain
        lines = text.splitlines()
        fiona = next(i for i, line in enumerate(lines) if "Fiona Walsh" in line)
        aisha = next(i for i, line in enumerate(lines) if "Aisha Khan" in line)
        assert fiona < aisha
        assert "Chloe Martin" not in text  # fell 2
    async with StandupHost(sample_db, show_fallers=True).run_test(size=SMALL) as pilot:
        screen = await wait_for_standup(pilot)
        await pilot.press("space", "space")
        text = await page_text(pilot)
        assert "Biggest gains" in text and "Biggest falls" in text
        assert "Chloe Martin" in text and "Laura Jensen" in text  # -2 each, by name


async def test_teams_page_averages_total_in_large_digits(sample_db: Path) -> None:
    async with StandupHost(sample_db).run_test(size=SMALL) as pilot:
        screen = await wait_for_standup(pilot)
        await pilot.press("space", "space", "space")
        assert screen.page.kind == "teams"
        text = await page_text(pilot)
        # Enterprise 615/11, Mid-Market 476/9, SMB 423/10, everyone 1514/30.
        assert big_numbers(screen) == ["55.9", "52.9", "42.3", "50.5"]
        for label in ("Enterprise", "Mid-Market", "SMB", "Everyone"):
            assert label in text
        assert "★14.3" in text  # Enterprise has the best brand average


async def test_on_target_page_counts_and_streaks(sample_db: Path) -> None:
    async with StandupHost(sample_db).run_test(size=SMALL) as pilot:
        screen = await wait_for_standup(pilot)
        await pilot.press("left")
        assert screen.page.kind == "target"
        text = await page_text(pilot)
        # Two reps at 70 or more; Priya has been all 26 weeks, Maria reached 70 this week.
        assert big_numbers(screen) == ["2", "26", "1"]
        assert "of 30 reps are at or above target" in text
        assert "Priya Raman" in text and "Maria Garcia" in text
        assert "Closest to target" in text and "Olivia Bennett" in text


async def test_anonymised_stand_up_shows_pseudonyms_only(sample_db: Path) -> None:
    async with StandupHost(sample_db, anonymise=True).run_test(size=WIDE) as pilot:
        screen = await wait_for_standup(pilot)
        for _ in screen.pages:
            text = await page_text(pilot)
            assert "Priya Raman" not in text and "Fiona Walsh" not in text
            await pilot.press("space")
        text = await page_text(pilot)
        assert "Rep " in text and "anonymised" in text


async def test_names_are_shown_literally(tmp_path: Path) -> None:
    export = write_csv(
        tmp_path / "odd.csv",
        [
            "2026-11-09,m@x.example,[b]Mallory[/b] \x1b[2J,[i]East[/i],15,15,15,15,60",
            "2026-11-16,m@x.example,[b]Mallory[/b] \x1b[2J,[i]East[/i],20,20,20,20,80",
        ],
    )
    db = tmp_path / "odd.duckdb"
    run_import(db, [export])
    async with StandupHost(db, as_of=None).run_test(size=SMALL) as pilot:
        screen = await wait_for_standup(pilot)
        for page in screen.pages:
            shown = "[i]East[/i]" if page.kind == "teams" else "[b]Mallory[/b] ␛[2J"
            assert shown in await page_text(pilot)
            await pilot.press("space")


async def test_an_empty_database_says_so(tmp_path: Path) -> None:
    from ssi_tui.store import database as store

    db = tmp_path / "empty.duckdb"
    with store.open_write(db):
        pass
    async with StandupHost(db, as_of=None).run_test(size=SMALL) as pilot:
        screen = await wait_for_standup(pilot)
        assert kinds(screen) == ["empty"]
        assert "No snapshots yet" in screen_text(pilot)
        await pilot.press("space")  # nothing to turn to, nothing breaks
        assert screen.page_index == 0


async def test_a_missing_database_is_reported_on_the_page(tmp_path: Path) -> None:
    async with StandupHost(tmp_path / "gone.duckdb").run_test(size=SMALL) as pilot:
        await wait_until(pilot, lambda: "Cannot read the database" in screen_text(pilot))


async def test_resizing_plans_the_pages_again_and_stays_on_the_same_page(
    sample_db: Path,
) -> None:
    async with StandupHost(sample_db).run_test(size=SMALL) as pilot:
        screen = await wait_for_standup(pilot)
        await pilot.press("space", "space", "space")
        assert screen.page.kind == "teams"
        await pilot.resize_terminal(*WIDE)
        await wait_until(pilot, lambda: len(screen.pages) == 4)
        assert screen.page.kind == "teams"
        await pilot.resize_terminal(*SMALL)
        await wait_until(pilot, lambda: len(screen.pages) == 5)
        assert screen.page.kind == "teams"


# -- page planning (pure) ----------------------------------------------------------------------


@pytest.fixture
def sample_standup(sample_db: Path):  # type: ignore[no-untyped-def]
    return load_standup(sample_db, as_of=AS_OF)


def test_plan_every_rep_appears_once_on_the_board_pages(sample_standup) -> None:  # type: ignore[no-untyped-def]
    for height in (10, 16, 24, 33, 45, 80):
        boards = [p for p in plan_pages(sample_standup, height) if p.kind == "board"]
        covered = [i for p in boards for i in range(p.start, p.stop)]
        assert covered == list(range(30))
        for page in boards:
            lines = page.stop - page.start + 2 * page.tall
            assert lines <= max(1, height - CHROME_LINES - 1)  # never taller than the body
        assert [p.part for p in boards] == list(range(1, len(boards) + 1))


def test_plan_without_data_is_one_page() -> None:
    assert plan_pages(None, 24) == [Page("empty")]


# -- what it looks like ------------------------------------------------------------------------


@pytest.mark.parametrize("size", [SMALL, WIDE])
def test_snapshot_board_page(snap_compare: SnapCompare, sample_db: Path, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(StandupHost(sample_db), terminal_size=size, run_before=wait_for_standup)


@pytest.mark.parametrize("presses", [2, 3, 4], ids=["movers", "teams", "target"])
def test_snapshot_other_pages_small(snap_compare: SnapCompare, sample_db: Path, presses) -> None:  # type: ignore[no-untyped-def]
    async def turn(pilot: Pilot) -> None:
        await wait_for_standup(pilot)
        await pilot.press(*["space"] * presses)

    app = StandupHost(sample_db, show_fallers=True)
    assert snap_compare(app, terminal_size=SMALL, run_before=turn)
