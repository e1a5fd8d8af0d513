"""The `?` screen: every key of the screen it was opened from, built from that screen's bindings.

Built from the Binding objects themselves, so the help can never drift from the real keys.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def key_label(binding: Binding) -> str:
    """The keys of BINDING as a person types them (every key, not the footer's `1-9`)."""
    keys = [k.strip() for k in binding.key.split(",")]
    pretty = {
        "escape": "esc",
        "question_mark": "?",
        "slash": "/",
        "left_square_bracket": "[",
        "right_square_bracket": "]",
        "enter": "enter",
        "pageup": "pgup",
        "pagedown": "pgdn",
        "space": "space",
        "plus": "+",
    }
    return " / ".join(pretty.get(k, k) for k in keys)


def _family(binding: Binding) -> str:
    """The action without its arguments: `sort('brand')` and `sort('ssi')` are one family."""
    return binding.action.partition("(")[0]


def bindings_table(bindings: Iterable[Binding]) -> Table:
    """Two columns, key and what it does, in the order the screen declares them.

    Keys of one action family stay together, where its first key is declared: a screen may
    declare `?` and `q` between `1` and `2` to keep them early in the footer, but the help
    lists 1 to 9 in a row.
    """
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    seen: set[str] = set()
    families: dict[str, list[Binding]] = {}  # in the order each family is first declared
    for binding in bindings:
        if not binding.description or binding.action in seen:
            continue
        seen.add(binding.action)
        families.setdefault(_family(binding), []).append(binding)
    for family in families.values():
        for binding in family:
            table.add_row(Text(key_label(binding)), Text(binding.tooltip or binding.description))
    return table


class HelpScreen(ModalScreen[None]):
    """A modal list of keys; escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    HelpScreen .help-title { text-style: bold; margin-bottom: 1; }
    """
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help", show=True),
    ]

    def __init__(self, title: str, bindings: Iterable[Binding]) -> None:
        super().__init__()
        self._title = title
        self._keys_shown = list(bindings)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(self._title), classes="help-title")
            yield Static(bindings_table(self._keys_shown))
            yield Static(Text("ctrl+p opens the command palette: every action is there too."))
