"""The drill-down's headline: who, the total in large digits, and how they stand.

Everything here comes from the board row the manager just saw, so it appears at once and can
never disagree with the leaderboard; only the history is read from the database afterwards.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from ssi_tui.board import LeaderboardRow
from ssi_tui.text import printable


def format_total(value: float) -> str:
    """A total as LinkedIn shows it: no decimals when whole, else up to two."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def signed(value: float | None) -> str:
    """A change with its sign, or an en dash when there is nothing to compare with."""
    return "–" if value is None else f"{value:+.2f}"


def _change_style(value: float | None) -> str:
    if value is None or abs(value) < 0.005:
        return ""
    return "green" if value > 0 else "red"


def name_text(name: str, team: str | None, rep_id: str) -> Text:
    """'Name · Team' in bold, then the id dimmed; imported text shown literally."""
    text = Text()
    text.append(printable(name), style="bold")
    text.append(" · ")
    text.append(printable(team) if team is not None else "no team", style="bold")
    text.append(f"  {printable(rep_id)}", style="dim")
    return text


def headline_facts(
    row: LeaderboardRow, board_size: int, board_as_of: dt.date | None, target: float
) -> Text:
    """Rank, changes, target gap, industry and network standing: one fact per line."""
    lines: list[Text] = []
    rank = Text()
    rank.append(f"#{row.rank} of {board_size}", style="bold")
    movement = {"NEW": "new this week", "–": "same as last week"}.get(
        row.movement, f"{row.movement} since last week"
    )
    rank.append(f" on the board  {movement}")
    lines.append(rank)
    changes = Text("Change: 1 week ")
    changes.append(signed(row.change), style=_change_style(row.change))
    changes.append("  ·  4 weeks ")
    changes.append(signed(row.change_4w), style=_change_style(row.change_4w))
    lines.append(changes)
    gap = row.ssi - target
    goal = Text(f"Target {target:g}: ")
    if gap >= 0:
        goal.append(f"reached ({gap:+.2f})", style="green")
    else:
        goal.append(f"{-gap:.2f} to go", style="yellow")
    lines.append(goal)
    lines.append(_standing("Industry", row.industry_rank, row.industry_avg, row.ssi))
    lines.append(_standing("Network", row.network_rank, row.network_avg, row.ssi))
    notes = []
    if board_as_of is not None and row.as_of != board_as_of:
        notes.append(f"latest snapshot {row.as_of.isoformat()}")
    if row.source == "estimated":
        lines.insert(
            0,
            Text("est. ", style="bold yellow")
            + Text("estimated from activity metrics, not LinkedIn's own number"),
        )
    elif row.source != "official":
        notes.append(f"{printable(row.source)} values")
    if notes:
        lines.append(Text(" · ".join(notes), style="dim"))
    return Text("\n").join(lines)


def _standing(what: str, rank: float | None, average: float | None, total: float) -> Text:
    """'Industry: Top 3% · avg 39.0 (+26.0)'; the parts LinkedIn did not give are left out."""
    text = Text(f"{what}: ")
    parts: list[str] = []
    if rank is not None:
        parts.append(f"Top {rank:g}%")
    if average is not None:
        parts.append(f"avg {average:.1f} ({total - average:+.1f})")
    text.append(" · ".join(parts) if parts else "not in this export", style="" if parts else "dim")
    return text


class RepHeadline(Vertical):
    """Name and team, the total in Digits, and the facts beside it."""

    DEFAULT_CSS = """
    RepHeadline { height: auto; }
    RepHeadline #rep-name { height: auto; }
    RepHeadline Horizontal { height: auto; }
    RepHeadline #rep-total { width: auto; min-width: 12; margin-right: 2; }
    RepHeadline #rep-facts { width: 1fr; height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="rep-name")
        with Horizontal():
            yield Digits(id="rep-total")
            yield Static(id="rep-facts")

    def show(
        self,
        name: str,
        team: str | None,
        rep_id: str,
        total: float | None,
        facts: Text,
    ) -> None:
        """Replace what is shown."""
        self.query_one("#rep-name", Static).update(name_text(name, team, rep_id))
        self.query_one("#rep-total", Digits).update(
            format_total(total) if total is not None else ""
        )
        self.query_one("#rep-facts", Static).update(facts)
