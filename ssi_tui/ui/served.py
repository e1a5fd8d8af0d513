"""Served mode (`ssi-tui serve`): a browser viewer may look at the board, never act on the server.

The keys and palette commands that write files, read paths or lift anonymisation are removed
from a served session (absent, not refused), so neither the footer, the help, the palette nor a
key press can reach them; a served screen also refuses their actions should anything ask.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingsMap, BindingType
from textual.dom import DOMNode

ABSENT_WHEN_SERVED: frozenset[str] = frozenset(
    (
        "import_exports",
        "add_entry",
        "export",
        "screenshot",
        "toggle_anonymise",
        "history",
        "edit_rep",
        "targets",
    )
)
"""Actions a viewer must not reach: import (server paths, writes the database), add (the
entry form writes it), export and screenshot (write into the server's folders), anonymise
(would show real names), history (its undo writes the database), edit rep and targets
(write the database)."""
TEXTUAL_COMMANDS_ABSENT_WHEN_SERVED: frozenset[str] = frozenset(("Screenshot",))
"""Textual's own palette commands that would write into the server's folders."""


def action_name(action: str) -> str:
    """`sort('ssi')` -> `sort`, `app.quit` -> `quit`: the action a binding names."""
    return action.split("(", 1)[0].rsplit(".", 1)[-1]


def is_absent(action: str, served: bool) -> bool:
    """True when ACTION must not exist in this session."""
    return served and action_name(action) in ABSENT_WHEN_SERVED


def viewer_bindings(bindings: Iterable[BindingType], served: bool) -> list[BindingType]:
    """BINDINGS without those absent in a served session (for the help and the palette)."""
    return [b for b in bindings if not (isinstance(b, Binding) and is_absent(b.action, served))]


def remove_absent_bindings(node: DOMNode, served: bool) -> None:
    """Take the absent actions' keys out of NODE's live bindings (footer and key presses)."""
    if not served:
        return
    kept: dict[str, list[Binding]] = {}
    for key, bindings in node._bindings.key_to_bindings.items():
        remaining = [b for b in bindings if not is_absent(b.action, served)]
        if remaining:
            kept[key] = remaining
    node._bindings = BindingsMap.from_keys(kept)
