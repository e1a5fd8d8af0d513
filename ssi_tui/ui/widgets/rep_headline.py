"""The drill-down's headline: who, the total in large digits, and how they stand.

Everything here comes from the board row the manager just saw, so it appears at once and can
never disagree with the leaderboard; only the history is read from the database afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from ssi_tui.model.board import LeaderboardRow
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


@dataclass(frozen=True)
class Fact:
    """One line of the headline's facts, in parts that are never broken apart."""

    parts: tuple[Text, ...]
    separator: str = "  ·  "
    """Between the parts while the whole fact fits on one line."""


def fit_facts(facts: Sequence[Fact], width: int) -> Text:
    """One fact per line; a fact wider than WIDTH gives each further part an indented line
    of its own, rather than wrapping mid-phrase ('4 / weeks -1.00'). WIDTH 0: not laid out."""
    lines: list[Text] = []
    for fact in facts:
        whole = Text(fact.separator).join(fact.parts)
        if width <= 0 or whole.cell_len <= width:
            lines.append(whole)
        else:
            lines.append(fact.parts[0])
            lines += [Text("  ") + part for part in fact.parts[1:]]
    return Text("\n").join(lines)


def _coloured(label: str, value: float | None) -> Text:
    text = Text(label)
    text.append(signed(value), style=_change_style(value))
    return text


def headline_facts(
    row: LeaderboardRow, board_size: int, board_as_of: dt.date | None, target: float
) -> list[Fact]:
    """Rank, changes, target gap, industry and network standing: one fact per line."""
    facts: list[Fact] = []
    rank = Text()
    rank.append(f"#{row.rank} of {board_size}", style="bold")
    rank.append(" on the board")
    movement = {"NEW": "new this week", "–": "same as last week"}.get(
        row.movement, f"{row.movement} since last week"
    )
    facts.append(Fact((rank, Text(movement)), "  "))
    changes = (_coloured("Change: 1 week ", row.change), _coloured("4 weeks ", row.change_4w))
    facts.append(Fact(changes))
    gap = row.ssi - target
    if gap >= 0:
        goal = Text(f"reached ({gap:+.2f})", style="green")
    else:
        goal = Text(f"{-gap:.2f} to go", style="yellow")
    facts.append(Fact((Text(f"Target {target:g}:"), goal), " "))
    facts.append(_standing("Industry", row.industry_rank, row.industry_avg, row.ssi))
    facts.append(_standing("Network", row.network_rank, row.network_avg, row.ssi))
    notes = []
    if board_as_of is not None and row.as_of != board_as_of:
        notes.append(Text(f"latest snapshot {row.as_of.isoformat()}", style="dim"))
    if row.source == "estimated":
        estimated = Text("est. ", style="bold yellow")
        estimated.append("estimated from activity metrics, not LinkedIn's own number")
        facts.insert(0, Fact((estimated,)))
    elif row.source != "official":
        notes.append(Text(f"{printable(row.source)} values", style="dim"))
    if notes:
        facts.append(Fact(tuple(notes), " · "))
    return facts


def _standing(what: str, rank: float | None, average: float | None, total: float) -> Fact:
    """'Industry: Top 3% · avg 39.0 (+26.0)'; the parts LinkedIn did not give are left out."""
    parts: list[str] = []
    if rank is not None:
        parts.append(f"Top {rank:g}%")
    if average is not None:
        parts.append(f"avg {average:.1f} ({total - average:+.1f})")
    if not parts:
        return Fact((Text(f"{what}: ") + Text("not in this export", style="dim"),))
    return Fact((Text(f"{what}: {parts[0]}"), *(Text(part) for part in parts[1:])), " · ")


class _Facts(Static):
    """The facts, fitted again to their width whenever it changes."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._facts: Text | Sequence[Fact] = Text()
        self._fitted_to = -1

    def show(self, facts: Text | Sequence[Fact]) -> None:
        self._facts = facts
        self._fitted_to = -1
        self._fit()

    def _fit(self) -> None:
        width = self.content_size.width
        if width != self._fitted_to:
            self._fitted_to = width
            facts = self._facts
            self.update(facts if isinstance(facts, Text) else fit_facts(facts, width))

    def on_resize(self) -> None:
        self._fit()


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
            yield _Facts(id="rep-facts")

    def show(
        self,
        name: str,
        team: str | None,
        rep_id: str,
        total: float | None,
        facts: Text | Sequence[Fact],
    ) -> None:
        """Replace what is shown (FACTS: headline_facts, or one message)."""
        self.query_one("#rep-name", Static).update(name_text(name, team, rep_id))
        self.query_one("#rep-total", Digits).update(
            format_total(total) if total is not None else ""
        )
        self.query_one("#rep-facts", _Facts).show(facts)
