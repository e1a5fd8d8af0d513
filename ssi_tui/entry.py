"""The `ssi-tui` console script: `ssi-tui DB` straight to the app, everything else via click.

Opening a database is what a manager does every morning, and start-up time is a target
(README, Performance). click and the modules of the other commands cost ~40 ms of it, so the
plain form (one argument, an existing file, not a command's name) is recognised here first.
Everything else, including every option and every error, goes to cli.py's click group.
"""

from __future__ import annotations

import sys
from pathlib import Path

COMMANDS: frozenset[str] = frozenset(
    ("config", "demo", "import", "leaderboard", "model", "open", "serve", "target", "upgrade")
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
