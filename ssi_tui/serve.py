"""`ssi-tui serve`: the app in a web browser, for a meeting-room screen or a video call.

textual-serve runs a small web server; every browser tab that connects gets its own
`python -m ssi_tui open DB ...` process, drawn in the page. The database is opened read-only
by each of them, exactly as in the terminal.

Binding to anything but the loopback address shows the team's data to the whole network: the
default is 127.0.0.1, and the command line should say so when another host is given.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ssi_tui import store
from ssi_tui.errors import SsiError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def app_command(database: Path, extra_args: Sequence[str] = ()) -> str:
    """The shell command each browser session runs: this Python, `-m ssi_tui open DB ...`.

    textual-serve starts it through the shell, so every part is quoted (paths with spaces or
    quotes stay one argument, and nothing in them is run).
    """
    parts = [sys.executable, "-m", "ssi_tui", "open", str(Path(database).resolve()), *extra_args]
    if os.name == "nt":
        return subprocess.list2cmdline(parts)
    return shlex.join(parts)


def is_loopback(host: str) -> bool:
    """True when only this machine can reach HOST."""
    return host in LOOPBACK or host.startswith("127.")


def serve(
    database: Path,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    extra_args: Sequence[str] = (),
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve the app on http://HOST:PORT/ until interrupted (Ctrl+C or SIGTERM).

    EXTRA_ARGS go to `ssi-tui open` (e.g. ["--standup", "--rotate", "20"]). Raises SsiError
    when the database cannot be opened, before anything listens; ANNOUNCE is then called with
    the address (so "Serving ..." is never said of a database that cannot be served).
    """
    with store.open_read(database):
        pass
    try:
        from textual_serve.server import Server
    except ImportError:  # pragma: no cover - a packaging problem, reported plainly
        raise SsiError(
            "`ssi-tui serve` needs the textual-serve package: pip install textual-serve"
        ) from None
    server = Server(
        app_command(database, extra_args),
        host=host,
        port=port,
        title="ssi-tui",
    )
    if announce is not None:
        announce(f"http://{host}:{port}/")
    server.serve()
