"""The drill-down's keys (screens/rep.py): one table for the footer, the help and the palette."""

from __future__ import annotations

from textual.binding import Binding, BindingType

REP_BINDINGS: list[BindingType] = [
    # One binding per action, its keys comma-separated: the Footer shows the first key, the
    # help lists them all. up/down reach the screen only while the history table (which
    # uses them for its cursor) does not have focus.
    Binding(
        "n,down",
        "next_rep",
        "Next rep",
        tooltip="Next rep in board order (down: not in the history table)",
    ),
    Binding(
        "p,up",
        "previous_rep",
        "Prev rep",
        tooltip="Previous rep in board order (up: not in the history table)",
    ),
    Binding(
        "h",
        "toggle_history",
        "History",
        tooltip="Enter or leave the history table (arrows then move in it)",
    ),
    Binding(
        "e",
        "edit_rep",
        "Edit rep",
        tooltip="Rename, move, mark as left, merge or delete this rep",
    ),
    Binding(
        "pagedown",
        "scroll_panel('page_down')",
        "Scroll down",
        show=False,
        tooltip="Scroll the panel down a page",
    ),
    Binding(
        "pageup",
        "scroll_panel('page_up')",
        "Scroll up",
        show=False,
        tooltip="Scroll the panel up a page",
    ),
    Binding(
        "home",
        "scroll_panel('home')",
        "Top",
        show=False,
        tooltip="Scroll to the top of the panel",
    ),
    Binding(
        "end",
        "scroll_panel('end')",
        "Bottom",
        show=False,
        tooltip="Scroll to the bottom of the panel",
    ),
    Binding(
        "plus",
        "add_entry",
        "Add",
        key_display="+",
        show=False,
        tooltip="Type a snapshot in for this rep (the entry form)",
    ),
    Binding("escape", "close", "Back", tooltip="Back to the leaderboard, on this rep"),
    Binding("question_mark", "help", "Help", key_display="?", tooltip="Show these keys"),
]
