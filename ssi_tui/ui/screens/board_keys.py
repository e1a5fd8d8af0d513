"""Every key of the leaderboard screen, in the order the help screen and the palette list them.

Kept apart from the screen so the list reads as a reference: each binding has a description
(the Footer), a tooltip (the help screen and the command palette) and an action on the screen.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

BOARD_BINDINGS: list[BindingType] = [
    Binding(
        "enter",
        "open_rep",
        "Open",
        tooltip="Open the drill-down for the highlighted rep",
        show=False,
    ),
    # Priority: the app acts on it as it reads it, so the keys read with it (a paste, keys typed
    # faster than a frame) go to the filter it opens; in the filter, `/` is typed (SkipAction).
    Binding(
        "slash", "start_filter", "Filter", tooltip="Filter reps by name or team", priority=True
    ),
    Binding("t", "cycle_team", "Team", tooltip="Show all teams, then each team in turn"),
    Binding(
        "left_square_bracket",
        "week(-1)",
        "Week",
        key_display="[ ]",
        tooltip="Move the as-of date one week back",
    ),
    Binding(
        "right_square_bracket",
        "week(1)",
        "Week forward",
        key_display="]",
        show=False,
        tooltip="Move the as-of date one week forward",
    ),
    Binding(
        "1",
        "sort('ssi')",
        "Sort",
        key_display="1-9",
        tooltip="Sort by total SSI (again: reverse)",
    ),
    Binding("question_mark", "help", "Help", key_display="?", tooltip="Show every key"),
    Binding("q", "app.quit", "Quit", tooltip="Quit ssi-tui"),
    Binding(
        "2",
        "sort('brand')",
        "Sort by brand",
        show=False,
        tooltip="Sort by Establish your professional brand (again: reverse)",
    ),
    Binding(
        "3",
        "sort('people')",
        "Sort by people",
        show=False,
        tooltip="Sort by Find the right people (again: reverse)",
    ),
    Binding(
        "4",
        "sort('insights')",
        "Sort by insights",
        show=False,
        tooltip="Sort by Engage with insights (again: reverse)",
    ),
    Binding(
        "5",
        "sort('relationships')",
        "Sort by relationships",
        show=False,
        tooltip="Sort by Build relationships (again: reverse)",
    ),
    Binding(
        "6",
        "sort('change')",
        "Sort by change",
        show=False,
        tooltip="Sort by week-over-week change (again: reverse)",
    ),
    Binding(
        "7", "sort('name')", "Sort by name", show=False, tooltip="Sort by name (again: reverse)"
    ),
    Binding(
        "8",
        "sort('improvement')",
        "Sort by 4-week change",
        show=False,
        tooltip="Most improved: sort by 4-week change (again: reverse)",
    ),
    Binding(
        "9",
        "sort('target')",
        "Sort by % of target",
        show=False,
        tooltip="Sort by progress to target (again: reverse)",
    ),
    Binding("r", "reload", "Reload", tooltip="Read the database again", show=False),
    Binding("i", "import_exports", "Import", tooltip="Import exports into this database"),
    Binding(
        "H",
        "history",
        "History",
        tooltip="Every change to the data (imports, entries, roster, undos); undo one",
    ),
    Binding(
        "plus",
        "add_entry",
        "Add",
        key_display="+",
        show=False,
        tooltip="Type a snapshot in: rep, total and/or pillars (the entry form)",
    ),
    Binding("e", "export", "Export", tooltip="Save the rows shown as Markdown or CSV"),
    Binding(
        "T",
        "targets",
        "Targets",
        show=False,
        tooltip="Set the highlighted rep's target, their team's and the default",
    ),
    Binding(
        "ctrl+s",
        "screenshot",
        "Screenshot",
        show=False,
        tooltip="Save an SVG screenshot of the screen",
    ),
    Binding(
        "a",
        "toggle_anonymise",
        "Anonymise",
        show=False,
        tooltip="Show pseudonyms (Rep 07) instead of names, or names again",
    ),
    Binding(
        "o",
        "cycle_source",
        "Source",
        show=False,
        tooltip="Cycle the values shown: official else estimated, official, estimated",
    ),
    Binding(
        "s",
        "toggle_scale",
        "Scale",
        show=False,
        tooltip="Sparklines: each rep's own range (their shape), or fixed 0-25 to compare rows",
    ),
    Binding(
        "S",
        "standup",
        "Stand-up",
        tooltip="Stand-up mode: large rotating pages for the room",
    ),
]
