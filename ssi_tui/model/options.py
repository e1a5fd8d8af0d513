"""How a manager wants the board shown: config file values, then command-line flags on top."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from ssi_tui.config import Config


@dataclass(frozen=True)
class ViewOptions:
    """Everything the app and `ssi-tui leaderboard` need to know about what to show."""

    as_of: dt.date | None = None
    team: str | None = None
    source: str = "best"
    target: float = 70.0
    """The default target (a team's or rep's own target, when stored, wins)."""
    good: float = 70.0
    fair: float = 50.0
    anonymise: bool = False
    exclude: tuple[str, ...] = field(default_factory=tuple)
    """Rep ids or names left out of every view and export (the config's opt-out list)."""
    theme: str | None = None
    standup: bool = False
    rotate: float = 15.0
    show_fallers: bool = False
    served: bool = False
    """A browser session of `ssi-tui serve`: view-only (see ui/served.py)."""

    @classmethod
    def from_config(cls, config: Config, **flags: Any) -> ViewOptions:
        """The config's values, overridden by every flag that was actually given (not None)."""
        options = cls(
            target=config.target,
            good=config.good,
            fair=config.fair,
            anonymise=config.anonymise,
            exclude=config.exclude,
            theme=config.theme,
            rotate=config.rotate,
            show_fallers=config.show_fallers,
        )
        given = {k: v for k, v in flags.items() if v is not None}
        return replace(options, **given)
