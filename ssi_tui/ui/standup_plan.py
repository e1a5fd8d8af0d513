"""Stand-up pages planned for the terminal: which page shows which reps (no widgets)."""

from __future__ import annotations

from dataclasses import dataclass

from ssi_tui.model.standup import Standup
from ssi_tui.ui.widgets.standup_rows import (
    TALL,
    tall_count,
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
