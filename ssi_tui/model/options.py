"""How a manager wants the board shown: config file values, then command-line flags on top."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from ssi_tui.config import Config
from ssi_tui.model.view import BoardView

_VIEW_FIELDS = frozenset(f.name for f in fields(BoardView))


@dataclass(frozen=True)
class ViewOptions:
    """Everything the app and `ssi-tui leaderboard` need: the first view, and how to show it."""

    view: BoardView = field(default_factory=BoardView)
    """The board shown first (as-of, team, source, target, names hidden, reps left out)."""
    good: float = 70.0
    fair: float = 50.0
    theme: str | None = None
    standup: bool = False
    rotate: float = 15.0
    show_fallers: bool = False
    served: bool = False
    """A browser session of `ssi-tui serve`: view-only (see ui/served.py)."""

    @classmethod
    def from_config(cls, config: Config, **flags: Any) -> ViewOptions:
        """The config's values, overridden by every flag that was actually given (not None)."""
        given = {k: v for k, v in flags.items() if v is not None}
        view = BoardView(
            target=config.target, anonymise=config.anonymise, exclude=tuple(config.exclude)
        )
        view = replace(view, **{k: v for k, v in given.items() if k in _VIEW_FIELDS})
        options = cls(
            view=view,
            good=config.good,
            fair=config.fair,
            theme=config.theme,
            rotate=config.rotate,
            show_fallers=config.show_fallers,
        )
        return replace(options, **{k: v for k, v in given.items() if k not in _VIEW_FIELDS})
