"""The rep drill-down, driven with real keys as a manager would, and checked by what it shows."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise
from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Digits, Static
from textual_plotext import PlotextPlot

from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import Board, load_board
from ssi_tui.model.rep import Coaching, coaching_for, load_rep, weakest_of
from ssi_tui.pillars import PILLARS
from ssi_tui.store import database as store
from ssi_tui.ui.screens import rep as rep_module
from ssi_tui.ui.screens.help import HelpScreen
from ssi_tui.ui.screens.rep import RepScreen
from ssi_tui.ui.widgets.coaching import CoachingPanel
from ssi_tui.ui.widgets.history_table import HistoryTable
from ssi_tui.ui.widgets.pillar_bars import PillarBars, bar_cells, marker_cell
from ssi_tui.ui.widgets.rep_headline import Fact, fit_facts, format_total
from ssi_tui.ui.widgets.trend_chart import TICK_SPACING, axis_bounds, date_ticks
from tests.ui.conftest import write_csv
from tests.ui.helpers import press_in_one_burst, screen_text, wait_until
from tests.ui.snapshot_apps.rep_app import RepApp

SnapCompare = Callable[..., bool]
"""pytest-textual-snapshot's fixture: (app, terminal_size=..., run_before=...) -> matched."""

SMALL = (80, 24)
WIDE = (160, 45)


class Host(App[None]):
    """Loads the board like the leaderboard does and opens the drill-down on one rep."""

    def __init__(
        self,
        db: Path,
        index: int = 0,
        order: Sequence[str] | None = None,
        *,
        team: str | None = None,
        screen_db: Path | None = None,
    ) -> None:
        super().__init__()
        self.db = db
        self.index = index
        self.order = order
        self.team = team
        self.screen_db = screen_db or db
        """Where the screen reads histories (a missing file tests the error path)."""
        self.board: Board | None = None
        self.dismissed: list[str | None] = []

    def on_mount(self) -> None:
        self.board = load_board(self.db, team=self.team, with_trends=True)
        order = self.order if self.order is not None else [r.rep_id for r in self.board.rows]
        screen = RepScreen(self.screen_db, self.board, order, self.index)
        self.push_screen(screen, self.dismissed.append)


def rep_screen(app: App[None]) -> RepScreen:
    screen = app.screen
    assert isinstance(screen, RepScreen)
    return screen


async def settle(pilot: Pilot[None]) -> RepScreen:
    """Wait until the current rep's history (read in a thread worker) is on screen."""
    for _ in range(500):
        await pilot.pause(0.01)
        screen = pilot.app.screen
        detail = screen.detail if isinstance(screen, RepScreen) else None
        if isinstance(screen, RepScreen) and detail is not None and detail.rep_id == screen.rep_id:
            await pilot.pause()
            return screen
    raise AssertionError("the history never arrived")


def text_of(widget: Widget) -> str:
    """Every line the widget draws (also when scrolled out of view)."""
    return "\n".join(widget.render_line(y).text.rstrip() for y in range(widget.size.height))


def placed(widget: Widget, root: Widget) -> Region:
    """WIDGET's region in ROOT's scrollable content (virtual regions are parent-relative)."""
    region = widget.virtual_region
    node = widget.parent
    while node is not root:
        assert isinstance(node, Widget)
        region = region.translate(node.virtual_region.offset)
        node = node.parent
    return region


def plain(static: Static) -> str:
    """The text a Static was given (always a Rich Text on this screen, never markup)."""
    content = static.content
    assert isinstance(content, Text), content
    return content.plain


def name_shown(screen: RepScreen) -> str:
    return plain(screen.query_one("#rep-name", Static))


def digits_shown(screen: RepScreen) -> str:
    return screen.query_one("#rep-total", Digits).value


def stored_total(db: Path, rep_id: str, board: Board) -> float:
    """The total as stored in the file, read without the app's queries."""
    with store.open_read(db) as conn:
        row = conn.execute(
            "SELECT ssi FROM snapshots WHERE rep_id = ? AND snapshot_date <= ?"
            " ORDER BY snapshot_date DESC LIMIT 1",
            [rep_id, board.as_of],
        ).fetchone()
    assert row is not None
    return float(row[0])


async def test_headline_shows_the_stored_values(sample_db: Path) -> None:
    app = Host(sample_db, index=2)
    async with app.run_test(size=SMALL) as pilot:
        screen = await settle(pilot)
        assert app.board is not None
        row = app.board.rows[2]
        assert name_shown(screen).startswith(f"{row.name} · {row.team}")
        assert digits_shown(screen) == format_total(stored_total(sample_db, row.rep_id, app.board))
        facts = plain(screen.query_one("#rep-facts", Static))
        assert f"#3 of {len(app.board.rows)}" in facts
        assert f"Change: 1 week {row.change:+.2f}" in facts
        assert f"4 weeks {row.change_4w:+.2f}" in facts
        assert f"Industry: Top {row.industry_rank:g}% · avg {row.industry_avg:.1f}" in facts
        assert f"Network: Top {row.network_rank:g}% · avg {row.network_avg:.1f}" in facts
        bars = text_of(screen.query_one(PillarBars))
        for pillar in PILLARS:
            assert f"{row.value(pillar.key):5.2f}/25" in bars
        assert f"{row.team} team average" in bars


async def test_n_and_p_walk_the_order_and_stop_at_both_ends(sample_db: Path) -> None:
    """Each step shows the next (previous) rep of the order; a step past either end stays put
    and says so. Three steps at each end prove it; walking all 30 reps proved nothing more."""
    rows = load_board(sample_db).rows
    app = Host(sample_db, index=len(rows) - 3)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        screen = await settle(pilot)
        assert name_shown(screen).startswith(rows[-3].name)
        for row in rows[-2:]:
            await pilot.press("n")
            assert name_shown(screen).startswith(row.name)
            assert digits_shown(screen) == format_total(row.ssi)
        await pilot.press("n")
        await pilot.pause()
        assert screen.rep_id == rows[-1].rep_id
        await wait_until(pilot, lambda: "last rep" in screen_text(pilot))  # a notice, drawn later
        await pilot.press("p")
        assert name_shown(screen).startswith(rows[-2].name)
        assert app.screen is screen  # never went back to the host
    app = Host(sample_db, index=2)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        screen = await settle(pilot)
        for row in reversed(rows[:2]):
            await pilot.press("p")
            assert name_shown(screen).startswith(row.name)
            assert digits_shown(screen) == format_total(row.ssi)
        await pilot.press("p")
        await pilot.pause()
        assert screen.rep_id == rows[0].rep_id
        await wait_until(pilot, lambda: "first rep" in screen_text(pilot))
        await pilot.press("n")
        assert name_shown(screen).startswith(rows[1].name)
        assert app.screen is screen


async def test_escape_dismisses_with_the_rep_last_shown(sample_db: Path) -> None:
    app = Host(sample_db, index=4)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert app.board is not None
        await pilot.press("n", "n", "p")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RepScreen)
        assert app.dismissed == [app.board.rows[5].rep_id]


async def test_walks_the_order_given_not_the_rank_order(sample_db: Path) -> None:
    board = load_board(sample_db)
    order = [r.rep_id for r in sorted(board.rows, key=lambda r: r.name)][::-1]
    app = Host(sample_db, index=1, order=order)
    async with app.run_test(size=SMALL) as pilot:
        screen = await settle(pilot)
        assert screen.rep_id == order[1]
        await pilot.press("n")
        assert screen.rep_id == order[2]
        await settle(pilot)
        assert screen.detail is not None and screen.detail.rep_id == order[2]


async def test_down_and_up_walk_unless_the_history_table_has_focus(sample_db: Path) -> None:
    app = Host(sample_db, index=3)
    async with app.run_test(size=SMALL) as pilot:
        screen = await settle(pilot)
        assert app.board is not None
        await pilot.press("down")
        assert screen.rep_id == app.board.rows[4].rep_id
        await pilot.press("up", "up")
        assert screen.rep_id == app.board.rows[2].rep_id
        await settle(pilot)
        await pilot.press("h")
        table = screen.query_one("#history", HistoryTable)
        assert screen.focused is table
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        assert screen.rep_id == app.board.rows[2].rep_id
        await pilot.press("n")  # n still walks
        assert screen.rep_id == app.board.rows[3].rep_id
        await pilot.press("h")
        assert screen.focused is None, screen.focused
        await pilot.press("down")
        assert screen.rep_id == app.board.rows[4].rep_id


async def test_coaching_names_the_weakest_pillar(sample_db: Path) -> None:
    app = Host(sample_db, index=0)
    async with app.run_test(size=SMALL) as pilot:
        screen = await settle(pilot)
        assert app.board is not None
        weakest = weakest_of(app.board.rows[0])
        coaching = text_of(screen.query_one(CoachingPanel))
        assert f"▸ {weakest.label}: weakest pillar" in coaching
        assert weakest.coaching[0].split()[0] in coaching
        bars = text_of(screen.query_one(PillarBars)).splitlines()
        flagged = [line for line in bars if "◀ weakest" in line]
        assert len(flagged) == 1 and weakest.label in flagged[0]


async def test_coaching_names_a_pillar_that_fell(sample_db: Path) -> None:
    board = load_board(sample_db)
    falling = [
        (i, c)
        for i, r in enumerate(board.rows)
        for c in load_rep_coaching(sample_db, r.rep_id, board)
        if any(reason.startswith("fell ") for reason in c.reasons)
    ]
    if not falling:
        pytest.skip("no rep in the sample data fell 2 points in 4 weeks")
    index, item = falling[0]
    app = Host(sample_db, index=index)
    async with app.run_test(size=WIDE) as pilot:
        screen = await settle(pilot)
        coaching = text_of(screen.query_one(CoachingPanel))
        assert f"{item.pillar.label}: {', '.join(item.reasons)}" in coaching


def load_rep_coaching(db: Path, rep_id: str, board: Board) -> list[Coaching]:
    assert board.as_of is not None
    return coaching_for(load_rep(db, rep_id, as_of=board.as_of, source=board.source))


async def test_arrows_typed_with_h_in_one_burst_move_in_the_history_table(
    sample_db: Path,
) -> None:
    # Keys typed faster than a frame come in one read: without `h` moving the focus as it
    # arrives, the arrows after it would walk through reps instead.
    app = Host(sample_db, index=3)
    async with app.run_test(size=SMALL) as pilot:
        screen = await settle(pilot)
        assert app.board is not None
        shown = screen.rep_id
        await press_in_one_burst(pilot, "h", "down", "down")
        table = screen.query_one("#history", HistoryTable)
        assert screen.rep_id == shown
        assert screen.focused is table and table.cursor_row == 2
        await press_in_one_burst(pilot, "h", "down")  # and out again
        assert screen.focused is None
        assert screen.rep_id == app.board.rows[4].rep_id


async def test_n_then_h_in_one_burst_leaves_the_history_table(sample_db: Path) -> None:
    """`h` right after `n`, before the next rep's history is drawn, used to be undone when it
    arrived: the table took the focus back and up/down moved in it instead of through reps."""
    app = Host(sample_db, index=3)
    async with app.run_test(size=SMALL) as pilot:
        screen = await settle(pilot)
        assert app.board is not None
        await pilot.press("h")
        table = screen.query_one("#history", HistoryTable)
        assert screen.focused is table
        await press_in_one_burst(pilot, "n", "h")
        screen = await settle(pilot)
        assert screen.rep_id == app.board.rows[4].rep_id
        await wait_until(pilot, lambda: table.display)
        assert screen.focused is None
        await pilot.press("down")
        assert screen.rep_id == app.board.rows[5].rep_id


async def test_h_while_the_history_is_read_focuses_the_table_when_it_arrives(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = Host(sample_db, index=0)
    async with app.run_test(size=WIDE) as pilot:
        screen = await settle(pilot)
        history_read = threading.Event()
        before_reading(monkeypatch, lambda _: history_read.wait(10))
        await pilot.press("n", "n")  # the third rep was not read with the first
        await pilot.press("h")
        table = screen.query_one("#history", HistoryTable)
        assert not table.display and screen.focused is None
        history_read.set()
        await settle(pilot)
        assert table.display and screen.focused is table


async def test_history_table_keys_scroll_under_its_header_and_the_cursor_shows_when_focused(
    sample_db: Path,
) -> None:
    app = Host(sample_db, index=1)
    async with app.run_test(size=WIDE) as pilot:
        screen = await settle(pilot)
        assert screen.detail is not None
        history = screen.detail.history
        table = screen.query_one("#history", HistoryTable)

        def lines() -> list[str]:
            return [table.render_line(y).text for y in range(table.size.height)]

        def cursor_shown() -> bool:
            cursor = table.get_component_rich_style("history-table--cursor").bgcolor
            row = table.render_line(table.cursor_row - table.scroll_offset.y + 1)
            return any(s.style is not None and s.style.bgcolor == cursor for s in row)

        assert len(history) > table.size.height  # some rows are below the fold
        assert history[0].date.isoformat() in lines()[1]
        assert not cursor_shown()  # not focused: up/down walk through reps
        await pilot.press("h", "end")
        assert table.cursor_row == len(history) - 1
        shown = lines()
        assert shown[0].split()[:2] == ["Date", "Total"]  # the header stays
        assert history[-1].date.isoformat() in shown[-1]
        assert not any(history[0].date.isoformat() in line for line in shown)
        assert cursor_shown()
        await pilot.press("pageup")
        assert table.cursor_row == len(history) - 1 - (table.size.height - 2)
        assert history[table.cursor_row].date.isoformat() in lines()[1]
        await pilot.press("home")
        assert table.cursor_row == 0 and history[0].date.isoformat() in lines()[1]
        await pilot.press("h")
        assert not cursor_shown()


async def test_history_table_lists_every_snapshot_newest_first(sample_db: Path) -> None:
    app = Host(sample_db, index=1)
    async with app.run_test(size=SMALL) as pilot:
        screen = await settle(pilot)
        detail = screen.detail
        assert detail is not None
        table = screen.query_one("#history", HistoryTable)
        assert table.row_count == len(detail.history) > 1
        first = table.get_row_at(0)
        assert first[0].plain == detail.history[0].date.isoformat()
        change = detail.history[0].brand - detail.history[1].brand
        assert first[2].plain.split() == [f"{detail.history[0].brand:.2f}", f"{change:+.2f}"]
        last = table.get_row_at(table.row_count - 1)
        assert last[0].plain == detail.history[-1].date.isoformat()
        assert last[2].plain.split() == [f"{detail.history[-1].brand:.2f}"]  # nothing before


@pytest.mark.parametrize("size", [(120, 40), WIDE])
async def test_every_history_column_and_the_whole_bar_legend_show_side_by_side(
    sample_db: Path, size: tuple[int, int]
) -> None:
    app = Host(sample_db, index=1)  # a change in every column, the widest cells
    async with app.run_test(size=size) as pilot:
        screen = await settle(pilot)
        assert screen.has_class("-wide")
        table = screen.query_one("#history", HistoryTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert table.max_scroll_x == 0
        header = table.render_line(0).text
        assert header.split()[-1] == PILLARS[-1].short
        bars = text_of(screen.query_one(PillarBars))
        assert "team average" in bars and bars.endswith("bars out of 25")


async def test_trend_chart_has_dates_and_the_target_line(sample_db: Path) -> None:
    app = Host(sample_db, index=0)
    async with app.run_test(size=WIDE) as pilot:
        screen = await settle(pilot)
        detail = screen.detail
        assert detail is not None
        total = text_of(screen.query_one("#total-plot", PlotextPlot))
        assert detail.history[-1].date.isoformat() in total
        assert detail.history[0].date.isoformat() in total
        assert " 70├" in total  # the target's tick, where the target line starts
        legend = plain(screen.query_one("#total-legend", Static))
        assert "target 70" in legend
        pillars = text_of(screen.query_one("#pillar-plot", PlotextPlot))
        assert detail.history[0].date.isoformat() in pillars


async def test_a_name_with_markup_or_escapes_shows_literally(tmp_path: Path) -> None:
    csv_path = write_csv(
        tmp_path / "odd.csv",
        [
            "2026-02-02,eve,[bold red]Eve[/],[i]Ops,10,11,12,13,46",
            "2026-02-02,esc,Esc\x1b[2JName,,14,14,14,14,56",
        ],
    )
    db = tmp_path / "odd.duckdb"
    run_import(db, [csv_path])
    app = Host(db, index=0)
    async with app.run_test(size=SMALL) as pilot:
        screen = await settle(pilot)
        assert name_shown(screen).startswith("Esc␛[2JName · no team")
        assert "board average (2 reps; this rep has no team)" in text_of(
            screen.query_one(PillarBars)
        )
        await pilot.press("n")
        screen = await settle(pilot)
        assert name_shown(screen).startswith("[bold red]Eve[/] · [i]Ops")
        assert "[bold red]Eve[/] · [i]Ops" in screen_text(pilot)
        assert "[i]Ops team average (1 rep)" in text_of(screen.query_one(PillarBars))


async def test_help_lists_the_screens_own_bindings(sample_db: Path) -> None:
    app = Host(sample_db, index=0)
    async with app.run_test(size=SMALL) as pilot:
        screen = await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause(0.1)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(pilot)
        for binding in RepScreen.BINDINGS:
            assert binding.description, binding
            assert (binding.tooltip or binding.description) in shown
        assert "n / down" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert app.dismissed == []


async def test_fast_walking_ends_on_the_last_reps_history(sample_db: Path) -> None:
    app = Host(sample_db, index=0)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press(*"nnnnnn")
        screen = await settle(pilot)
        assert app.board is not None
        assert screen.rep_id == app.board.rows[6].rep_id
        assert screen.detail is not None and screen.detail.rep_id == screen.rep_id
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.detail.rep_id == app.board.rows[6].rep_id


@pytest.mark.parametrize(("width", "one_line"), [(120, False), (160, True)])
async def test_headline_facts_break_between_phrases_never_inside_one(
    sample_db: Path, width: int, one_line: bool
) -> None:
    app = Host(sample_db, index=2)
    async with app.run_test(size=(width, 40)) as pilot:
        screen = await settle(pilot)
        assert app.board is not None
        row = app.board.rows[2]
        facts = screen.query_one("#rep-facts", Static)
        lines = plain(facts).splitlines()
        assert max(len(line) for line in lines) <= facts.content_size.width
        change, four_weeks = f"Change: 1 week {row.change:+.2f}", f"4 weeks {row.change_4w:+.2f}"
        industry = f"Industry: Top {row.industry_rank:g}%"
        average = f"avg {row.industry_avg:.1f} ({row.ssi - row.industry_avg:+.1f})"
        gap = row.ssi - row.target
        status = f"reached ({gap:+.2f})" if gap >= 0 else f"{-gap:.2f} to go"
        assert any(line.endswith(status) for line in lines)  # never cut apart
        if one_line:
            assert f"{change}  ·  {four_weeks}" in lines
            assert f"{industry} · {average}" in lines
        else:  # the second phrase on a line of its own, indented
            assert lines[lines.index(change) + 1] == f"  {four_weeks}"
            assert lines[lines.index(industry) + 1] == f"  {average}"


def test_fit_facts_keeps_a_fact_whole_while_it_fits() -> None:
    facts = [Fact((Text("#1 of 3"),)), Fact((Text("Change: 1 week +1.00"), Text("4 weeks -2.00")))]
    assert fit_facts(facts, 0).plain == "#1 of 3\nChange: 1 week +1.00  ·  4 weeks -2.00"
    assert fit_facts(facts, 38).plain == "#1 of 3\nChange: 1 week +1.00  ·  4 weeks -2.00"
    assert fit_facts(facts, 37).plain == "#1 of 3\nChange: 1 week +1.00\n  4 weeks -2.00"


async def test_a_rep_not_on_the_board_is_shown_from_the_history(sample_db: Path) -> None:
    everyone = load_board(sample_db)
    outsider = next(r for r in everyone.rows if r.team != "SMB")
    insider = next(r for r in everyone.rows if r.team == "SMB")
    app = Host(sample_db, index=0, order=[outsider.rep_id, insider.rep_id], team="SMB")
    async with app.run_test(size=SMALL) as pilot:
        screen = await settle(pilot)
        assert name_shown(screen).startswith(f"{outsider.name} · {outsider.team}")
        assert digits_shown(screen) == format_total(outsider.ssi)
        facts = plain(screen.query_one("#rep-facts", Static))
        assert facts.startswith("Not on this board")
        assert f"{outsider.team} team average (0 reps)" in text_of(screen.query_one(PillarBars))
        await pilot.press("n")
        assert name_shown(screen).startswith(f"{insider.name} · SMB")


async def test_an_unreadable_history_is_reported_not_left_stale(
    sample_db: Path, tmp_path: Path
) -> None:
    app = Host(sample_db, index=0, screen_db=tmp_path / "gone.duckdb")
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        for _ in range(200):
            await pilot.pause(0.01)
            if "no such database" in " ".join(screen_text(pilot).split()):
                break
        screen = rep_screen(app)
        assert screen.detail is None
        assert "no such database" in " ".join(text_of(screen.query_one(CoachingPanel)).split())
        assert screen.query_one("#history", HistoryTable).row_count == 0
        assert "no such database" in plain(screen.query_one("#history-waiting", Static))
        assert app.board is not None
        assert name_shown(screen).startswith(app.board.rows[0].name)  # the board still shows


def before_reading(monkeypatch: pytest.MonkeyPatch, hook: Callable[[list[str]], object]) -> None:
    """The drill-down's history reads call HOOK with their rep ids first (in the worker)."""
    read_reps = rep_module.read_reps

    def hooked(db: Path, rep_ids: list[str], **kwargs: object) -> Iterator[object]:
        hook(list(rep_ids))
        yield from read_reps(db, rep_ids, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(rep_module, "read_reps", hooked)


async def test_the_next_rep_never_shows_the_last_ones_history_while_reading_its_own(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = Host(sample_db, index=0)
    async with app.run_test(size=WIDE) as pilot:
        screen = await settle(pilot)
        assert app.board is not None
        history_read = threading.Event()
        before_reading(monkeypatch, lambda _: history_read.wait(10))
        await pilot.press("h")  # reading the history table: n walks on, and it stays read
        await pilot.press("n", "n")  # the second rep was read with the first; the third not
        await pilot.pause()
        table = screen.query_one("#history", HistoryTable)
        waiting = screen.query_one("#history-waiting", Static)
        assert screen.detail is None
        assert not table.display and table.row_count == 0
        assert waiting.display and "Reading the history" in screen_text(pilot)
        history_read.set()
        await settle(pilot)
        assert table.display and not waiting.display
        assert screen.detail is not None
        assert table.row_count == len(screen.detail.history)
        assert screen.detail.rep_id == app.board.rows[2].rep_id
        assert screen.focused is table


async def test_the_reps_either_side_are_read_with_the_one_opened_so_n_and_p_show_at_once(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = Host(sample_db, index=1)
    async with app.run_test(size=WIDE) as pilot:
        screen = await settle(pilot)
        assert app.board is not None
        await app.workers.wait_for_complete()
        await pilot.pause()
        reads: list[list[str]] = []
        before_reading(monkeypatch, reads.append)
        rows = app.board.rows
        for key, shown in [("n", 2), ("p", 1), ("p", 0)]:
            await pilot.press(key)
            # Shown after the frame with the board's numbers (call_after_refresh), unread.
            wanted = rows[shown].rep_id
            await wait_until(
                pilot,
                lambda wanted=wanted: screen.detail is not None and screen.detail.rep_id == wanted,
            )
            assert screen.detail is not None
            assert app.board.as_of is not None
            expected = load_rep(sample_db, rows[shown].rep_id, as_of=app.board.as_of)
            assert screen.detail.history == expected.history
            table = screen.query_one("#history", HistoryTable)
            assert table.display and table.row_count == len(expected.history)
        await app.workers.wait_for_complete()
        # Each step read only the rep it brought next to the one shown, never one shown.
        assert reads == [[rows[3].rep_id]]


@pytest.mark.parametrize("size", [SMALL, WIDE])
async def test_layout_blocks_do_not_overlap(sample_db: Path, size: tuple[int, int]) -> None:
    app = Host(sample_db, index=0)
    async with app.run_test(size=size) as pilot:
        screen = await settle(pilot)
        body = screen.query_one("#body")
        ids = ["RepHeadline", "#bars", "#coaching", "#trend", "#history"]
        regions = [placed(screen.query_one(selector), body) for selector in ids]
        for i, a in enumerate(regions):
            assert a.area > 0, ids[i]
            for j in range(i + 1, len(regions)):
                assert not a.overlaps(regions[j]), (ids[i], ids[j])
        if size == WIDE:
            assert screen.has_class("-wide")
            left = screen.query_one("#left").region
            chart = screen.query_one("#trend").region
            assert chart.x >= left.right and chart.width >= 70
            assert screen.query_one("#history").region.bottom <= body.region.bottom
        else:
            assert not screen.has_class("-wide")
            assert body.max_scroll_y > 0  # the rest is reached by scrolling
            await pilot.press("end")
            table = screen.query_one("#history")
            await wait_until(pilot, lambda: body.region.contains_region(table.region))


@pytest.mark.parametrize("size", [SMALL, (160, 16)], ids=["small", "wide-and-short"])
@pytest.mark.parametrize("key", ["n", "p"])
async def test_the_next_or_previous_rep_opens_at_the_top(
    sample_db: Path, size: tuple[int, int], key: str
) -> None:
    """After PgDn, n/p opened the next rep mid-page with the name off screen."""
    app = Host(sample_db, index=5)
    async with app.run_test(size=size) as pilot:
        screen = await settle(pilot)
        screen.query_one("#history").focus()
        await pilot.pause()
        await pilot.press("end", "h")  # the history's cursor at its end, then leave the table
        screen.set_focus(None)
        await pilot.press("pagedown", "pagedown", "end")
        panel = screen.query_one("#left" if screen.has_class("-wide") else "#body")
        await wait_until(pilot, lambda: panel.scroll_y > 0)  # scrolled away from the name
        await pilot.press(key)
        screen = await settle(pilot)
        assert panel.scroll_y == 0
        table = screen.query_one(HistoryTable)
        assert (table.cursor_row, table.scroll_offset.y) == (0, 0)
        assert screen.query_one("#body").scroll_y == 0
        assert app.board is not None
        assert app.board.rows[screen.index].name in screen_text(pilot)


# -- the widgets' pure helpers -------------------------------------------------------------------


def test_bar_cells_and_marker_positions() -> None:
    assert bar_cells(25, 40) == (40, "")
    assert bar_cells(12.5, 40) == (20, "")
    assert bar_cells(25 / 80, 40) == (0, "▌")  # half a cell
    assert bar_cells(-1, 40) == (0, "") and bar_cells(99, 40) == (40, "")
    assert marker_cell(0, 40) == 0 and marker_cell(25, 40) == 39 and marker_cell(12.5, 40) == 20


def test_axis_bounds_hold_the_data_and_the_target() -> None:
    assert axis_bounds([55, 65, 70], step=10, top=100) == (50, 80)
    assert axis_bounds([98, 70], step=10, top=100) == (60, 100)
    assert axis_bounds([0.5, 24.9], step=5, top=25) == (0, 25)


@pytest.mark.parametrize(
    "days",
    [list(range(0, 182, 7)), [0, 1, 2, 3, 4, 5, 6, 7, 300], [0, 7], list(range(0, 700, 3))],
)
@pytest.mark.parametrize("width", [40, 76, 95])
def test_date_ticks_are_real_dates_first_to_last_and_never_crowded(
    days: list[int], width: int
) -> None:
    ticks = date_ticks(days, width)
    assert ticks[0] == days[0] and ticks[-1] == days[-1]
    assert set(ticks) <= set(days)
    span = days[-1] - days[0]
    columns = [(t - days[0]) / span * width for t in ticks]
    assert all(b - a >= TICK_SPACING - 1e-9 for a, b in pairwise(columns))


# -- snapshots (fixed as-of date: the last in sample_data) --------------------------------------


async def _loaded(pilot: Pilot[None]) -> None:
    await settle(pilot)


async def _loaded_and_scrolled_to_end(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("end")
    await pilot.pause()


@pytest.mark.parametrize("size", [SMALL, WIDE])
def test_snapshot(snap_compare: SnapCompare, sample_db: Path, size: tuple[int, int]) -> None:
    assert snap_compare(RepApp(sample_db, 2), terminal_size=size, run_before=_loaded)


def test_snapshot_small_scrolled_to_history(snap_compare: SnapCompare, sample_db: Path) -> None:
    assert snap_compare(
        RepApp(sample_db, 2), terminal_size=SMALL, run_before=_loaded_and_scrolled_to_end
    )
