"""Stand-up mode: the board for a screen across the room, rotating through a few pages.

Pages: the board top-down (a terminal-sized page at a time, the top three in large digits), the
week's biggest movers, team averages, and who is on target and for how many weeks in a row.
No header or footer: one line says where we are, one dim line lists the keys. The data comes
from ssi_tui.standup in a thread worker; pages are planned for the terminal's size and planned
again when it changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.message import Message
from textual.renderables.digits import Digits as DigitsRenderable
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Digits, Static

from ssi_tui.board import LeaderboardRow, Source
from ssi_tui.errors import SsiError
from ssi_tui.options import ViewOptions
from ssi_tui.pillars import PILLARS
from ssi_tui.standup import Standup, TeamAverage, load_standup
from ssi_tui.text import printable
from ssi_tui.ui.screens.help import HelpScreen
from ssi_tui.ui.widgets.board_table import Bands
from ssi_tui.ui.widgets.standup_rows import (
    TALL,
    Col,
    ShortRow,
    change_style,
    fit_pillars,
    header,
    line,
    movement_text,
    pillar_cell,
    pillar_cols,
    row_widget,
    signed,
    tall_count,
    width_of,
)

RELOAD_CHECK_SECONDS = 2.0
"""How often the screen looks for imports made elsewhere (the wall display follows them)."""
CHROME_LINES = 2
"""The top bar and the key hint line: the rest of the height is the page."""
PODIUM = 3
"""How many reps the first board page draws in large digits."""
MOVERS_SHOWN = 10
"""At most this many gainers (and fallers) on the movers page."""
SIDE_BY_SIDE = 120
"""From this width, gainers and fallers sit side by side."""
NAME_MIN, NAME_FIRST, NAME_MAX = 10, 24, 30
"""Name widths: at least, before the team and bars get room, at most."""
TEAM_MIN, TEAM_MAX = 6, 14
PAGE_DOTS_MAX = 10
"""More pages than this are counted (3/14) rather than drawn as dots."""

TITLES = {
    "board": "Leaderboard",
    "movers": "Biggest movers",
    "teams": "Team averages",
    "target": "On target",
    "empty": "Stand-up",
}


@dataclass(frozen=True)
class Page:
    """One page of the rotation: which kind, and for lists that continue, which slice."""

    kind: str
    start: int = 0
    stop: int = 0
    tall: int = 0
    """How many rows from `start` are drawn in large digits."""
    part: int = 1
    parts: int = 1

    @property
    def title(self) -> str:
        """What the top bar calls it, e.g. 'Leaderboard 2/3'."""
        title = TITLES[self.kind]
        return f"{title} {self.part}/{self.parts}" if self.parts > 1 else title


def _chunks(kind: str, count: int, first: int, rest: int, tall: int = 0) -> list[Page]:
    """Pages over COUNT items: FIRST on the first page (the first TALL of them tall), REST after."""
    first, rest = max(1, first), max(1, rest)
    bounds = [(0, min(count, first))]
    while bounds[-1][1] < count:
        start = bounds[-1][1]
        bounds.append((start, min(count, start + rest)))
    parts = len(bounds)
    return [
        Page(kind, start, stop, tall if number == 0 else 0, number + 1, parts)
        for number, (start, stop) in enumerate(bounds)
    ]


def target_lines(height: int) -> int:
    """Lines left for rows on an on-target page: minus the headline, a blank and the titles."""
    return height - CHROME_LINES - TALL - 2


def chase_lines(standup: Standup) -> int:
    """Lines of the 'closest to target' section (a blank, a title, the reps)."""
    return 2 + len(standup.chasing) if standup.chasing else 0


def plan_pages(standup: Standup | None, height: int) -> list[Page]:
    """The rotation for a terminal HEIGHT lines tall (pure: tested without a terminal).

    The board continues across pages; the movers fit one page; teams and on-target reps
    continue when there are more than fit.
    """
    if standup is None or not standup.board.rows:
        return [Page("empty")]
    body = max(1, height - CHROME_LINES - 1)  # minus the column titles
    rows = len(standup.board.rows)
    podium = min(PODIUM, rows) if body >= TALL * PODIUM + 3 else 0
    pages = _chunks("board", rows, podium + body - TALL * podium, body, podium)
    pages.append(Page("movers"))
    items = len(standup.teams) + (1 if len(standup.teams) > 1 else 0)
    if items <= body - 1:
        pages.append(Page("teams", 0, items, tall_count(body - 1, items, most=items)))
    else:
        pages += _chunks("teams", items, body, body)
    lines = max(1, target_lines(height))
    hits = len(standup.on_target)
    if hits == 0:
        pages.append(Page("target"))
    elif hits + chase_lines(standup) <= lines:
        pages.append(Page("target", 0, hits, tall_count(lines - chase_lines(standup), hits)))
    else:
        pages += _chunks("target", hits, lines, lines)
    return pages


# -- building a page ---------------------------------------------------------------------------


def _longest(values: Sequence[str | None]) -> int:
    return max((cell_len(printable(v)) for v in values if v), default=0)


def _grow_name(cols: list[Col], room: int, longest: int) -> list[Col]:
    """Give spare cells to the name column, up to the longest name (and NAME_MAX)."""
    out = []
    for col in cols:
        if col.key == "name" and room > 0:
            extra = min(room, max(0, min(longest, NAME_MAX) - col.width))
            col = Col(col.key, col.label, col.width + extra, col.align)
        out.append(col)
    return out


def fit_cols(
    width: int,
    before: list[Col],
    after: list[Col],
    *,
    names: Sequence[str],
    teams: Sequence[str | None],
    pillars: bool = False,
) -> list[Col]:
    """BEFORE + name (+ team) + AFTER (+ pillars) fitted to WIDTH.

    The name gets what it needs up to NAME_FIRST cells first (NAME_MIN at least, room allowing),
    then the team column if it fits, then pillar bars; anything left widens the name up to the
    longest name (NAME_MAX at most). Very narrow terminals cut names with an ellipsis.
    """
    longest_name = _longest(names)
    longest_team = _longest(teams)
    fixed = width_of([*before, Col("n", "", 0), *after])
    if pillars:
        fixed += width_of(pillar_cols(0)) + 1
    room = width - fixed
    name = max(1, min(room, max(NAME_MIN, min(longest_name, NAME_FIRST))))
    room -= name
    team_cols: list[Col] = []
    team_width = max(TEAM_MIN, min(longest_team, TEAM_MAX))
    if longest_team and room >= team_width + 1:
        team_cols = [Col("team", "Team", team_width)]
        room -= team_width + 1
    pillar_list: list[Col] = []
    if pillars:
        bar_width = fit_pillars(room)
        pillar_list = pillar_cols(bar_width)
        room -= width_of(pillar_list) - width_of(pillar_cols(0))
    cols = [*before, Col("name", "Name", name), *team_cols, *after, *pillar_list]
    return _grow_name(cols, room, longest_name)


def _bar_width(cols: Sequence[Col]) -> int:
    col = next((c for c in cols if c.key == PILLARS[0].key), None)
    return 0 if col is None or col.width <= 5 else col.width - 6


def _band(bands: Bands, total: float) -> tuple[Text, str, str]:
    """(marker, Rich style, Digits class) for a total."""
    marker, colour = bands.marker(total)
    klass = {"green": "-good", "yellow": "-fair"}.get(colour, "-low")
    return Text(marker, style=f"bold {colour}"), f"bold {colour}", klass


def _name_cells(row: LeaderboardRow) -> dict[str, str | Text]:
    return {
        "name": Text(printable(row.name), style="bold"),
        "team": Text(printable(row.team) if row.team is not None else "—"),
    }


def board_widgets(standup: Standup, page: Page, width: int, bands: Bands) -> list[Widget]:
    """Column titles, then the page's reps in rank order (the podium in large digits)."""
    rows = standup.board.rows
    cols = fit_cols(
        width,
        [
            Col("rank", "#", max(3, len(str(len(rows)))), "right"),
            Col("move", "±", max(4, *(cell_len(r.movement) for r in rows))),
        ],
        [Col("ssi", "SSI", 9, "right"), Col("mark", "", 1), Col("change", "Δ wk", 5, "right")],
        names=[r.name for r in rows],
        teams=[r.team for r in rows],
        pillars=True,
    )
    bar_width = _bar_width(cols)
    widgets: list[Widget] = [ShortRow(header(cols), classes="titles")]
    for index, row in enumerate(rows[page.start : page.stop]):
        mark, style, klass = _band(bands, row.ssi)
        cells: dict[str, str | Text] = {
            "rank": Text(str(row.rank), style="bold"),
            "move": movement_text(row.movement),
            **_name_cells(row),
            "mark": mark,
            "ssi": Text(f"{row.ssi:.0f}", style=style),
            "change": Text(signed(row.change), style=change_style(row.change)),
        }
        for pillar in PILLARS:
            value = float(getattr(row, pillar.key))
            cells[pillar.key] = pillar_cell(value, bar_width, pillar.colour)
        tall = index < page.tall
        widgets.append(
            row_widget(
                cols, cells, big="ssi", big_text=f"{row.ssi:.0f}", big_class=klass, tall=tall
            )
        )
    return widgets


def _mover_cols(width: int, shown: Sequence[LeaderboardRow]) -> list[Col]:
    """Columns for the movers, shared by gainers and fallers so that both line up."""
    big_width = max(6, *(DigitsRenderable.get_width(signed(r.change)) for r in shown))
    return fit_cols(
        width,
        [Col("pos", "", 2, "right")],
        [
            Col("change", "Δ week", big_width, "right"),
            Col("ssi", "SSI", 3, "right"),
            Col("rank", "Rank", max(4, *(cell_len(f"#{r.rank} {r.movement}") for r in shown))),
        ],
        names=[r.name for r in shown],
        teams=[r.team for r in shown],
    )


def _mover_section(
    shown: Sequence[LeaderboardRow], cols: list[Col], *, rising: bool, lines: int
) -> list[Widget]:
    """A title, column titles and the SHOWN movers in LINES lines (large digits if room)."""
    arrow, word, colour = ("▲", "gains", "green") if rising else ("▼", "falls", "red")
    title = Text(f"{arrow} Biggest {word} since last week", style=f"bold {colour}")
    widgets: list[Widget] = [ShortRow(title, classes="section")]
    if not shown:
        none = "No rep's total rose since last week." if rising else "No rep's total fell."
        widgets.append(ShortRow(Text(none, style="dim")))
        return widgets
    widgets.append(ShortRow(header(cols), classes="titles"))
    tall = tall_count(lines - 2, len(shown), most=MOVERS_SHOWN)
    for index, row in enumerate(shown):
        rank = Text(f"#{row.rank} ", style="bold")
        rank.append_text(movement_text(row.movement))
        cells: dict[str, str | Text] = {
            "pos": Text(str(index + 1), style="dim"),
            **_name_cells(row),
            "change": Text(signed(row.change), style=change_style(row.change)),
            "ssi": Text(f"{row.ssi:.0f}", style="bold"),
            "rank": rank,
        }
        widgets.append(
            row_widget(
                cols,
                cells,
                big="change",
                big_text=signed(row.change),
                big_class="-up" if rising else "-down",
                tall=index < tall,
            )
        )
    return widgets


def movers_widgets(standup: Standup, width: int, height: int, show_fallers: bool) -> list[Widget]:
    """Gainers (and with SHOW_FALLERS, fallers: side by side when wide, else stacked)."""
    lines = height - CHROME_LINES
    pair = show_fallers and width >= SIDE_BY_SIDE
    if show_fallers and not pair:
        lines = (lines - 1) // 2
    cap = max(0, min(MOVERS_SHOWN, lines - 2))
    gainers = standup.gainers[:cap]
    fallers = standup.fallers[:cap] if show_fallers else ()
    column = (width - 2) // 2 if pair else width
    cols = _mover_cols(column, [*gainers, *fallers]) if gainers or fallers else []
    up = _mover_section(gainers, cols, rising=True, lines=lines)
    if not show_fallers:
        return up
    down = _mover_section(fallers, cols, rising=False, lines=lines)
    if pair:
        return [Horizontal(Vertical(*up), Vertical(*down), classes="pair")]
    return [*up, Static(classes="gap"), *down]


def _best(teams: Sequence[TeamAverage], key: str) -> float | None:
    """The highest team average of KEY, when there are teams to compare."""
    return max(t.value(key) for t in teams) if len(teams) > 1 else None


def teams_widgets(standup: Standup, page: Page, width: int, bands: Bands) -> list[Widget]:
    """One row per team (average total in large digits when they fit), then everyone.

    ★ marks the best team in each pillar (a shape, so colour is never the only signal).
    """
    items: list[TeamAverage] = list(standup.teams)
    if len(standup.teams) > 1 and standup.overall is not None:
        items.append(standup.overall)
    cols = fit_cols(
        width,
        [],
        [Col("reps", "Reps", 4, "right"), Col("ssi", "Avg SSI", 10, "right")],
        names=[t.label for t in items],
        teams=[],
        pillars=True,
    )
    cols = [Col(c.key, "Team" if c.key == "name" else c.label, c.width, c.align) for c in cols]
    bar_width = _bar_width(cols)
    best = {p.key: _best(standup.teams, p.key) for p in PILLARS}
    widgets: list[Widget] = [ShortRow(header(cols), classes="titles")]
    for index, average in enumerate(items[page.start : page.stop], start=page.start):
        if average.overall and page.parts == 1:
            widgets.append(ShortRow(Text("─" * width_of(cols), style="dim")))
        _mark, style, klass = _band(bands, average.ssi)
        cells: dict[str, str | Text] = {
            "name": Text(
                printable(average.label), style="bold italic" if average.overall else "bold"
            ),
            "reps": Text(str(average.count)),
            "ssi": Text(f"{average.ssi:.1f}", style=style),
        }
        for pillar in PILLARS:
            value = average.value(pillar.key)
            star = "★" if not average.overall and value == best[pillar.key] else ""
            cells[pillar.key] = pillar_cell(value, bar_width, pillar.colour, mark=star)
        widgets.append(
            row_widget(
                cols,
                cells,
                big="ssi",
                big_text=f"{average.ssi:.1f}",
                big_class=klass,
                tall=index - page.start < page.tall,
            )
        )
    return widgets


def _target_note(standup: Standup) -> str:
    targets = {r.target for r in standup.board.rows}
    if len(targets) == 1:
        return f"target {next(iter(targets)):g} · streak: weeks in a row on target"
    return "each rep's own target · streak: weeks in a row on target"


def target_widgets(standup: Standup, page: Page, width: int, height: int) -> list[Widget]:
    """How many are on target (large), then each with their streak, then who is closest."""
    count, total = len(standup.on_target), len(standup.board.rows)
    reps = "rep is" if total == 1 else "reps are"
    words = Text("\n").join(
        [
            Text(""),
            Text(f"of {total} {reps} at or above target", style="bold"),
            Text(_target_note(standup), style="dim"),
        ]
    )
    widgets: list[Widget] = [
        Horizontal(Digits(str(count), classes="count"), Static(words), classes="headline"),
        Static(classes="gap"),
    ]
    shown = [h.row for h in standup.on_target] + list(standup.chasing)
    cols = fit_cols(
        width,
        [Col("pos", "", max(2, len(str(len(standup.on_target)))), "right")],
        [
            Col("ssi", "SSI", 3, "right"),
            Col("target", "Target", 6, "right"),
            Col("pct", "%", 5, "right"),
            Col("streak", "Streak", 9, "right"),
            Col("unit", "", 5),
        ],
        names=[r.name for r in shown],
        teams=[r.team for r in shown],
    )
    hits = standup.on_target[page.start : page.stop]
    lines = target_lines(height)
    if hits:
        widgets.append(ShortRow(header(cols), classes="titles"))
        used = 1 + len(hits) + (TALL - 1) * page.tall
    else:
        widgets.append(ShortRow(Text("No rep is at their target yet.", style="bold")))
        used = 1
    for index, hit in enumerate(hits, start=page.start):
        cells = _target_cells(hit.row, index + 1)
        cells["streak"] = Text(str(hit.streak), style="bold")
        cells["unit"] = Text("week" if hit.streak == 1 else "weeks")
        widgets.append(
            row_widget(
                cols,
                cells,
                big="streak",
                big_text=str(hit.streak),
                big_class="-good",
                tall=index - page.start < page.tall,
            )
        )
    last = page.part == page.parts
    if last and standup.chasing and used + chase_lines(standup) <= lines:
        widgets += [
            Static(classes="gap"),
            ShortRow(Text("Closest to target", style="bold"), classes="section"),
        ]
        for row in standup.chasing:
            cells = _target_cells(row, None)
            cells["streak"] = Text(f"+{row.target - row.ssi:.1f}".removesuffix(".0"), "bold")
            cells["unit"] = Text("to go")
            widgets.append(ShortRow(line(cols, cells)))
    return widgets


def _target_cells(row: LeaderboardRow, position: int | None) -> dict[str, str | Text]:
    """Position, name, team, total, target and % of target (streak and unit are the caller's)."""
    return {
        "pos": Text(str(position) if position else "·", style="dim"),
        **_name_cells(row),
        "ssi": Text(f"{row.ssi:.0f}", style="bold green" if row.ssi >= row.target else "bold"),
        "target": Text(f"{row.target:g}"),
        "pct": Text(f"{row.pct_of_target:.0f}%"),
    }


# -- the screen --------------------------------------------------------------------------------


class StandupLoaded(Message):
    """The worker read the stand-up data."""

    def __init__(self, standup: Standup) -> None:
        self.standup = standup
        super().__init__()


class StandupLoadFailed(Message):
    """The database could not be read."""

    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()


def _database_stamp(path: Path) -> tuple[float, ...]:
    """Modification times of the file and its write-ahead log: changes when anyone imports."""
    stamps = []
    for candidate in (path, path.with_name(path.name + ".wal")):
        try:
            stamps.append(candidate.stat().st_mtime)
        except OSError:
            stamps.append(0.0)
    return tuple(stamps)


class TopBar(Static):
    """Where we are: mode, page title, date and team, page dots, and PAUSED when paused."""

    DEFAULT_CSS = """
    TopBar { height: 1; width: 1fr; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.left = Text("")
        self.right = Text("")

    def show(self, left: Text, right: Text) -> None:
        """Replace both halves (the left one is cut first when they do not fit)."""
        self.left, self.right = left, right
        self.refresh()

    def render(self) -> Text:
        width = max(0, self.size.width - 2)
        right = self.right
        room = width - cell_len(right.plain) - 1
        left = self.left.copy()
        if room < cell_len(left.plain):
            left.truncate(max(0, room), overflow="ellipsis")
        pad = max(1, width - cell_len(left.plain) - cell_len(right.plain))
        return Text.assemble(left, " " * pad, right)


class StandupScreen(Screen[None]):
    """The stand-up display: large digits, no chrome, rotating every ROTATE seconds."""

    AUTO_FOCUS = ""
    DEFAULT_CSS = """
    /* Plain white on black whatever the theme: high contrast for a screen across the room. */
    StandupScreen { background: black; color: white; }
    StandupScreen #top { background: black; }
    StandupScreen #body { height: 1fr; padding: 0 1; overflow: hidden; }
    StandupScreen #hint { height: 1; padding: 0 1; color: $text-muted; }
    StandupScreen #message { height: 1fr; content-align: center middle; text-style: bold; }
    StandupScreen .titles { color: $text-muted; text-style: bold; }
    StandupScreen .gap { height: 1; }
    StandupScreen .pair { height: auto; }
    StandupScreen .pair > Vertical { width: 1fr; height: auto; margin-right: 2; }
    StandupScreen .headline { height: 3; }
    StandupScreen .headline > Digits { width: auto; margin-right: 2; text-style: bold;
                                       color: $text-success; }
    StandupScreen .headline > Static { width: 1fr; height: 3; }
    """

    BINDINGS = [
        Binding("space,right", "next_page", "Next", tooltip="Show the next page now"),
        Binding("left", "previous_page", "Previous", tooltip="Show the previous page"),
        Binding("p", "toggle_pause", "Pause", tooltip="Pause or resume the rotation"),
        Binding("escape", "back", "Back", tooltip="Back to the leaderboard"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Show every key"),
        Binding("q", "app.quit", "Quit", tooltip="Quit ssi-tui"),
    ]

    def __init__(
        self,
        database: Path,
        *,
        as_of: dt.date | None = None,
        team: str | None = None,
        target: float = 70.0,
        rotate: float = 15.0,
        show_fallers: bool = False,
        anonymise: bool = False,
        bands: Bands | None = None,
        exclude: Sequence[str] = (),
        source: Source = "best",
    ) -> None:
        super().__init__()
        self.database = database
        self.as_of = as_of
        """The date asked for; None follows the newest data (a reload picks up new weeks)."""
        self.team = team
        self.target = target
        self.rotate = rotate
        """Seconds per page; 0 or less: no rotation (space moves on)."""
        self.show_fallers = show_fallers
        self.anonymise = anonymise
        self.bands = bands or Bands()
        self.exclude = tuple(exclude)
        """Reps who opted out (rep_id or name): never shown."""
        self.source: Source = source
        self.standup: Standup | None = None
        self.pages: list[Page] = [Page("empty")]
        self.page_index = 0
        self.paused = False
        self.loads = 0
        """How many times data arrived from the database (tests wait on it)."""
        self._timer: Timer | None = None
        self._stamp = _database_stamp(database)
        self._message = "Loading…"

    @classmethod
    def from_options(cls, database: Path, options: ViewOptions) -> StandupScreen:
        """The stand-up screen for the app's view options (config file, then flags)."""
        return cls(
            database,
            as_of=options.as_of,
            team=options.team,
            target=options.target,
            rotate=options.rotate,
            show_fallers=options.show_fallers,
            anonymise=options.anonymise,
            bands=Bands(good=options.good, fair=options.fair),
            exclude=options.exclude,
            source=options.source,  # type: ignore[arg-type]
        )

    @property
    def page(self) -> Page:
        """The page on screen."""
        return self.pages[self.page_index]

    def compose(self) -> ComposeResult:
        yield TopBar(id="top")
        yield Vertical(Static(Text(self._message), id="message"), id="body")
        yield Static(id="hint")

    def on_mount(self) -> None:
        self._update_bars()
        self.load()
        self.set_interval(RELOAD_CHECK_SECONDS, self._reload_if_changed)

    # -- data ----------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="standup")
    def load(self) -> None:
        """Read everything the pages show, then post it."""
        try:
            standup = load_standup(
                self.database,
                as_of=self.as_of,
                team=self.team,
                default_target=self.target,
                anonymise=self.anonymise,
                source=self.source,
                exclude=self.exclude,
            )
        except SsiError as error:
            self.post_message(StandupLoadFailed(str(error)))
        except Exception as error:  # a safety net: the wall display reports, never crashes
            self.post_message(StandupLoadFailed(f"unexpected error: {error!r}"))
        else:
            self.post_message(StandupLoaded(standup))

    def _reload_if_changed(self) -> None:
        stamp = _database_stamp(self.database)
        if stamp != self._stamp:
            self._stamp = stamp
            self.load()

    async def on_standup_loaded(self, message: StandupLoaded) -> None:
        self.standup = message.standup
        board = message.standup.board
        if not board.dates:
            self._message = "No snapshots yet. Import exports with: ssi-tui import DB exports/"
        elif not board.rows:
            when = board.as_of.isoformat() if board.as_of else "that date"
            self._message = f"No snapshots on or before {when}."
        await self._replan()
        if self._timer is None and self.rotate > 0:  # the first page gets its full time
            self._timer = self.set_interval(self.rotate, self._tick, pause=self.paused)
        self.loads += 1

    async def on_standup_load_failed(self, message: StandupLoadFailed) -> None:
        self.notify(message.error, title="Cannot read the database", severity="error")
        if self.standup is None:  # nothing shown yet: say why instead of "Loading…"
            self._message = f"Cannot read the database: {message.error}"
            await self._show()

    # -- pages ---------------------------------------------------------------------------------

    async def on_resize(self, _event: Resize) -> None:
        if self.standup is not None:
            await self._replan()

    async def _replan(self) -> None:
        """Plan the pages for the current size and stay on (about) the same page."""
        current = self.page
        self.pages = plan_pages(self.standup, self.size.height)
        same = [i for i, p in enumerate(self.pages) if p.kind == current.kind]
        within = [i for i in same if self.pages[i].start <= current.start < self.pages[i].stop]
        self.page_index = (within or same or [0])[0]
        await self._show()

    def _widgets(self, page: Page) -> list[Widget]:
        standup = self.standup
        width = max(10, self.size.width - 2)
        height = self.size.height
        if standup is None or page.kind == "empty":
            return [Static(Text(self._message), id="message")]
        if page.kind == "board":
            return board_widgets(standup, page, width, self.bands)
        if page.kind == "movers":
            return movers_widgets(standup, width, height, self.show_fallers)
        if page.kind == "teams":
            return teams_widgets(standup, page, width, self.bands)
        return target_widgets(standup, page, width, height)

    async def _show(self) -> None:
        body = self.query_one("#body", Vertical)
        widgets = self._widgets(self.page)
        with self.app.batch_update():
            await body.remove_children()
            await body.mount_all(widgets)
        self._update_bars()

    def _update_bars(self) -> None:
        page = self.page
        left = Text(" SSI STAND-UP ", style="bold reverse")
        left.append("  ")
        left.append(page.title, style="bold")
        right = Text()
        board = self.standup.board if self.standup else None
        if board is not None and board.as_of is not None:
            right.append(board.as_of.isoformat(), style="bold")
            right.append(" · ")
            right.append(printable(board.team) if board.team else "All teams")
            if board.anonymised:
                right.append(" · anonymised")
            right.append("  ")
        right.append_text(self._dots())
        if self.paused:
            right.append("  ")
            right.append(" ❚❚ PAUSED ", style="bold reverse yellow")
        self.query_one(TopBar).show(left, right)
        keys = ["space next", "p resume" if self.paused else "p pause"]
        if self._can_go_back():
            keys.append("esc board")
        keys += ["? help", "q quit"]
        self.query_one("#hint", Static).update(Text("  ·  ".join(keys)))

    def _dots(self) -> Text:
        count = len(self.pages)
        if count <= 1:
            return Text("")
        if count > PAGE_DOTS_MAX:
            return Text(f"{self.page_index + 1}/{count}", style="bold")
        dots = Text()
        for index in range(count):
            current = index == self.page_index
            dots.append("●" if current else "○", style="bold" if current else "dim")
        return dots

    def _tick(self) -> None:
        # Timer callbacks run outside the message loop: queue the turn like a key press.
        self.call_next(self._auto_turn)

    async def _auto_turn(self) -> None:
        if not self.paused:  # a pause pressed while this turn was queued still holds
            await self._turn(1)

    async def _turn(self, step: int) -> None:
        self.page_index = (self.page_index + step) % len(self.pages)
        await self._show()

    # -- actions -------------------------------------------------------------------------------

    async def action_next_page(self) -> None:
        """Move on now; the new page gets its full time on screen."""
        if self._timer is not None:
            self._timer.reset()
        await self._turn(1)

    async def action_previous_page(self) -> None:
        if self._timer is not None:
            self._timer.reset()
        await self._turn(-1)

    def action_toggle_pause(self) -> None:
        self.paused = not self.paused
        if self._timer is not None:
            if self.paused:
                self._timer.pause()
            else:
                self._timer.reset()
                self._timer.resume()
        self._update_bars()

    def _can_go_back(self) -> bool:
        """Only when pushed over another screen of the app (e.g. the board)."""
        stack = self.app.screen_stack
        if self not in stack:
            return False
        below = stack[: stack.index(self)]
        return bool(below) and below[-1].id != "_default"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self._can_go_back()
        return True

    def action_back(self) -> None:
        if self._can_go_back():
            self.dismiss()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Stand-up keys", self.BINDINGS))
