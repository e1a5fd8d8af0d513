"""How much one browser may ask of the server: screen size, sessions, message size, time to exit."""

from __future__ import annotations

MAX_COLUMNS = 500
"""Widest screen a viewer may ask for (a 4K TV at a small font is ~400 columns)."""
MAX_ROWS = 200
"""Tallest screen a viewer may ask for; a larger ask is drawn at this size."""
DEFAULT_MAX_SESSIONS = 8
"""Browser tabs served at once (each is one app process of ~60-100 MB)."""
MAX_MESSAGE_BYTES = 64 * 1024
"""Largest websocket message a browser may send (keys and resizes are a few bytes)."""
QUIT_GRACE_SECONDS = 2.0
"""How long a session's process may take to quit when asked, before SIGTERM."""
TERM_GRACE_SECONDS = 2.0
"""How long after SIGTERM before SIGKILL."""
FONT_SIZES = (6, 96)
"""The `?fontsize=` range the page accepts (pixels)."""


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """A screen size a viewer asked for, made safe: whole numbers within 1..MAX (80x24 if not
    numbers at all)."""
    return _clamp(width, 80, MAX_COLUMNS), _clamp(height, 24, MAX_ROWS)


def clamp_font_size(value: object) -> int:
    """`?fontsize=` within FONT_SIZES (16 when not a number)."""
    low, high = FONT_SIZES
    return min(max(_whole(value, 16), low), high)


def _clamp(value: object, default: int, most: int) -> int:
    return min(max(_whole(value, default), 1), most)


def _whole(value: object, default: int) -> int:
    if isinstance(value, bool):
        return default
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        return default
