"""What one board view is: the one value the CLI, the screens and the kept-board cache share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from typing import Any

from ssi_tui.model.source import Source

SHOWN_ONLY = ("sort", "reverse", "filter")
"""Fields applied to a board once read: they never decide which board is read or kept."""


@dataclass(frozen=True)
class BoardView:
    """Which board is shown and how: a key press replaces it (dataclasses.replace).

    The sparklines' scale is not here: it changes how a row is drawn, not which rows are
    shown or in what order (BoardTable keeps it).
    """

    as_of: dt.date | None = None
    """None: the newest date in the file (the board follows new imports)."""
    team: str | None = None
    source: Source = Source.BEST
    target: float = 70.0
    """The default target (a team's or rep's own target, when stored, wins)."""
    anonymise: bool = False
    exclude: tuple[str, ...] = ()
    """Rep ids or names left out of every view and export (the config's opt-out list)."""
    sort: str = "ssi"
    reverse: bool = False
    filter: str = ""
    """Case-insensitive text a row's name or team must contain."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", Source(self.source))
        object.__setattr__(self, "exclude", tuple(self.exclude))

    @property
    def board_view(self) -> BoardView:
        """This view without what is applied after reading (SHOWN_ONLY): what a board is read,
        cached and compared under."""
        return replace(self, sort="ssi", reverse=False, filter="")

    def kept_key(self) -> dict[str, Any]:
        """The fields that decide the board as plain JSON values: what a kept board is filed
        under (board_cache), stable across runs."""
        key: dict[str, Any] = {}
        for field in fields(self):
            if field.name in SHOWN_ONLY:
                continue
            value = getattr(self, field.name)
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, Source):
                value = value.value
            elif isinstance(value, tuple):
                value = list(value)
            key[field.name] = value
        return key

    @classmethod
    def from_kept_key(cls, key: dict[str, Any]) -> BoardView:
        """The view a kept board was filed under (see kept_key)."""
        as_of = key.get("as_of")
        return cls(
            as_of=None if as_of is None else dt.date.fromisoformat(str(as_of)),
            team=None if key.get("team") is None else str(key["team"]),
            source=Source(key["source"]),
            target=float(key["target"]),
            anonymise=bool(key["anonymise"]),
            exclude=tuple(str(who) for who in key["exclude"]),
        )
