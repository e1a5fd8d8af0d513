"""What the board screen says of its board, as text: the line under the title (what is shown,
averages, how many reps are on target), and why no row is shown when none is.

No Textual here: board workers make it for each board they prepare (board_loader.py), so a
week step does not average 10,000 reps on the UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from rich.text import Text

from ssi_tui.model.board import Board, LeaderboardRow
from ssi_tui.pillars import PILLARS, pillar_text
from ssi_tui.text import printable


def _average(rows: Sequence[LeaderboardRow], key: str) -> float | None:
    """The mean of KEY over the rows that give it: a total alone leaves its pillars out."""
    values = [value for value in map(attrgetter(key), rows) if value is not None]
    return sum(values) / len(values) if values else None


def summary_text(
    database_name: str,
    board: Board,
    rows: Sequence[LeaderboardRow],
    *,
    target: float,
    filter_text: str = "",
) -> Text:
    """One plain line (no markup parsed) summing up the rows shown."""
    parts: list[Text] = [Text(printable(database_name), style="bold")]
    parts.append(Text(f"as of {board.as_of.isoformat() if board.as_of else '—'}"))
    if board.team:
        parts.append(Text(f"team {printable(board.team)}"))
    if filter_text:
        parts.append(Text(f"filter “{printable(filter_text)}”"))
    parts.append(Text(f"{len(rows)} rep{'s' if len(rows) != 1 else ''}"))
    total = _average(rows, "ssi")
    if total is not None:
        averages = " ".join(f"{p.short} {pillar_text(_average(rows, p.key), 1)}" for p in PILLARS)
        parts.append(Text(f"avg SSI {total:.1f} ({averages})"))
        on_target = sum(1 for r in rows if r.ssi >= r.target)
        targets = {r.target for r in rows}
        # One target for all (the config's, or the history's own default): name it.
        which = f"{targets.pop():g}" if len(targets) == 1 else "their target"
        parts.append(Text(f"{on_target}/{len(rows)} at or above {which}"))
    return Text(" · ").join(parts)


def empty_text(database_name: str, board: Board, filter_text: str) -> str:
    """Why BOARD, filtered by FILTER_TEXT, shows no row, and what to press (or run) next."""
    if not board.dates:
        return (
            "No snapshots yet.\n\nImport your team's exports with\n"
            f"ssi-tui import {database_name} exports/"
        )
    if board.team is not None and board.team not in board.teams:
        teams = ", ".join(printable(team) for team in board.teams)
        return (
            f"No team called {printable(board.team)} in this file (teams: {teams}).\n\n"
            "Press t to show each team in turn."
        )
    if not board.rows:
        when = board.as_of.isoformat() if board.as_of else "that date"
        team = f" for team {printable(board.team)}" if board.team else ""
        return f"No snapshots on or before {when}{team}.\n\nPress ] to move forward a week."
    return f"No rep matches “{printable(filter_text)}”.\n\nPress esc to clear."
