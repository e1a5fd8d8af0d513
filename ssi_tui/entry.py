"""The `ssi-tui` console script: `ssi-tui DB` straight to the app, everything else via click.

The plain form (one argument, an existing file, not a command's name) is recognised here,
before click loads (see docs/performance.md#start-up-path); everything else, every option and
every error included, goes to cli/main.py's click group.
"""

from __future__ import annotations

import sys
from pathlib import Path

COMMANDS: frozenset[str] = frozenset(
    (
        "add",
        "config",
        "copy",
        "demo",
        "history",
        "import",
        "leaderboard",
        "model",
        "open",
        "paste",
        "reps",
        "roles",
        "serve",
        "target",
        "undo",
        "upgrade",
    )
)
"""The click group's command names (a test holds this to cli.cli.commands)."""


def main() -> None:
    """Console-script entry point."""
    args = sys.argv[1:]
    if len(args) == 1 and _names_a_database(args[0]):
        from ssi_tui.cli.open_app import options_from, run_app

        run_app(Path(args[0]), options_from())
        return
    from ssi_tui.cli.main import main as click_main

    click_main()


def _names_a_database(argument: str) -> bool:
    """`ssi-tui ARGUMENT` means `ssi-tui open ARGUMENT`, and the file is there to open."""
    return not argument.startswith("-") and argument not in COMMANDS and Path(argument).is_file()
