"""Which snapshots a board shows: one type that carries its own words, so none are spelled twice."""

from __future__ import annotations

from enum import StrEnum


class Source(StrEnum):
    """best | official | estimated: the values the CLI takes, JSON prints and queries bind."""

    BEST = "best"
    OFFICIAL = "official"
    ESTIMATED = "estimated"

    @classmethod
    def of(cls, value: str) -> Source | None:
        """VALUE as a Source, or None when it is none (a board from elsewhere: say it as is)."""
        try:
            return cls(value)
        except ValueError:
            return None

    @property
    def label(self) -> str:
        """What the board says when `o` picks this source (the notice and the sub-title)."""
        return _LABELS[self]

    @property
    def note(self) -> str:
        """What the drill-down's top line says the values are."""
        return _NOTES[self]

    @property
    def next(self) -> Source:
        """The source `o` moves to: best -> official -> estimated -> best."""
        members = list(Source)
        return members[(members.index(self) + 1) % len(members)]


_LABELS = {
    Source.BEST: "official, else estimated from activity",
    Source.OFFICIAL: "official values only",
    Source.ESTIMATED: "estimated values only",
}
_NOTES = {
    Source.BEST: "official (else estimated) values",
    Source.OFFICIAL: "official values only",
    Source.ESTIMATED: "estimated values only",
}
