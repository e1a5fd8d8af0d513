"""What each stand-up page shows: board, movers, team averages, on target (widget builders)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.containers import Horizontal, Vertical
from textual.renderables.digits import Digits as DigitsRenderable
from textual.widget import Widget
from textual.widgets import Digits, Static

from ssi_tui.model.board import LeaderboardRow
from ssi_tui.model.standup import Standup, TeamAverage
from ssi_tui.pillars import PILLARS
from ssi_tui.text import printable
from ssi_tui.ui.standup_plan import (
    CHROME_LINES,
    MOVERS_SHOWN,
    SIDE_BY_SIDE,
    Page,
    chase_lines,
    target_lines,
)
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

NAME_MIN, NAME_FIRST, NAME_MAX = 10, 24, 30
"""Name widths: at least, before the team and bars get room, at most."""
TEAM_MIN, TEAM_MAX = 6, 14


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
    longest name (NAME_MAX at most). Pillars are left out where they would leave the name less
    than NAME_MIN cells; very narrow terminals cut names with an ellipsis.
    """
    longest_name = _longest(names)
    longest_team = _longest(teams)
    fixed = width_of([*before, Col("n", "", 0), *after])
    pillars_fixed = width_of(pillar_cols(0)) + 1
    # Names before pillars: at 40 columns the pillars took every cell and names showed as `…`.
    pillars = pillars and width - fixed - pillars_fixed >= NAME_MIN
    if pillars:
        fixed += pillars_fixed
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
            cells[pillar.key] = pillar_cell(getattr(row, pillar.key), bar_width, pillar.colour)
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
    given = [value for t in teams if (value := t.value(key)) is not None]
    return max(given) if len(teams) > 1 and given else None


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
            best_team = value is not None and value == best[pillar.key]
            star = "★" if not average.overall and best_team else ""
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
