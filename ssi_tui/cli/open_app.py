"""Opening the app on a database: shared by `ssi-tui DB` (entry.py, without click) and click's
`open` and `demo` commands (cli.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ssi_tui.cli.support import fail
from ssi_tui.errors import SsiError

if TYPE_CHECKING:
    from ssi_tui.model.options import ViewOptions


def options_from(**flags: Any) -> ViewOptions:
    """Config file first, then every flag given on the command line."""
    from ssi_tui.config import load_config
    from ssi_tui.model.options import ViewOptions

    try:
        config = load_config()
    except SsiError as error:
        fail(str(error))
    return ViewOptions.from_config(config, **flags)


def run_app(database: str | Path, options: ViewOptions) -> None:
    """Start the app on DATABASE, its first board read before its first frame; exit with the
    app's return code when it is not 0, so a crash is not a clean quit to scripts and CI."""
    from ssi_tui.boards.head_start import HEAD_START_SECONDS, HeadStart

    # Read the first board before the app starts, so its first frame shows data.
    head_start = HeadStart(database, options.view)
    try:
        head_start.check()
    except SsiError as error:
        fail(str(error))
    head_start.ready(HEAD_START_SECONDS)
    from ssi_tui.ui.app import SsiApp

    app = SsiApp(database, options=options, head_start=head_start)
    app.run()
    if not options.served:  # a served session writes nothing, not even the board cache
        head_start.keep()
    if app.return_code:
        sys.exit(app.return_code)
