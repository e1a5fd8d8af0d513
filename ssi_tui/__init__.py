"""ssi-tui: a keyboard-first terminal leaderboard of LinkedIn Social Selling Index scores."""

from __future__ import annotations

__version__ = "0.1.0"
