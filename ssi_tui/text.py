"""Showing imported text literally: control and escape characters made visible, never run."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ ␁ … ␛: the Unicode "control picture" of the byte
    if code == 0x7F:
        return "␡"
    return "\ufffd"


def printable(text: str) -> str:
    """TEXT with every control, escape or bidi-override character replaced by a visible one.

    A name holding `ESC[2J` must not clear the manager's screen, nor a right-to-left override
    reverse the rest of the row; the replacement shows that something odd was there.
    """
    return _CONTROL.sub(_visible, text)


def fold(text: str) -> str:
    """Lower-case, accents removed: what a filter compares, so `mull` finds Müller."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
