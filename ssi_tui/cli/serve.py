"""`ssi-tui serve`: the app in a web browser, view-only, for a meeting-room screen.

Every browser tab that connects gets its own `python -m ssi_tui open DB --served ...` process
(no shell), drawn in the page; the database is opened read-only, and a served session has no
key or command that reaches the server's files (ui/served.py). Who may connect, and how much
they may ask for, is ssi_tui/web's job: a token, Host and Origin checks, a session cap.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ssi_tui import store
from ssi_tui.cli.database_argument import ENV_VAR
from ssi_tui.errors import SsiError
from ssi_tui.store.postgres_sql import is_server_url
from ssi_tui.web.access import (
    Access,
    check_public_url,
    check_token,
    is_loopback,
    new_token,
    viewer_address,
)
from ssi_tui.web.limits import DEFAULT_MAX_SESSIONS

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
VIEWER_CAN = (
    "Viewers can: look at the board, sort, filter, change the week, team and source,"
    " open a rep's drill-down, the help and the stand-up pages."
)
VIEWER_CANNOT = (
    "Viewers cannot: import, export, save screenshots, change targets or settings,"
    " reach any file on this machine{anonymised}."
)

__all__ = ["app_command", "is_loopback", "new_token", "serve", "viewer_notice"]


def app_command(database: str | Path, extra_args: Sequence[str] = ()) -> list[str]:
    """The argument list each browser session runs: this Python, `-m ssi_tui open DB --served
    ...`. Run without a shell, so nothing in a path or a team name is ever interpreted. A
    server's URL is not on it (any user of the machine may read a command line, password and
    all): sessions find it in SSI_TUI_DATABASE, which serve() sets."""
    if is_server_url(database):
        return [sys.executable, "-m", "ssi_tui", "open", "--served", *extra_args]
    database = Path(database).resolve()
    return [sys.executable, "-m", "ssi_tui", "open", str(database), "--served", *extra_args]


def viewer_notice(anonymise: bool) -> str:
    """What a viewer can and cannot do, said when the server starts."""
    anonymised = ", or see a real name or id (pseudonyms only)" if anonymise else ""
    return f"{VIEWER_CAN}\n{VIEWER_CANNOT.format(anonymised=anonymised)}"


def serve(
    database: str | Path,
    *,
    token: str | None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    public_url: str | None = None,
    max_sessions: int = DEFAULT_MAX_SESSIONS,
    extra_args: Sequence[str] = (),
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve the app, view-only, on HOST:PORT until interrupted (Ctrl+C or SIGTERM).

    TOKEN (None: none needed, loopback only) guards every page and session. EXTRA_ARGS go to
    `ssi-tui open` (e.g. ["--standup", "--rotate", "20"]). Raises SsiError for a database that
    cannot be opened or an unsafe set-up, before anything listens; ANNOUNCE is then called with
    the address to open.
    """
    check_token(token, host)
    check_public_url(public_url)
    with store.open_read(database):
        pass
    if is_server_url(database):
        os.environ[ENV_VAR] = str(database)  # for the sessions (see app_command)
    try:
        from ssi_tui.web.server import ViewOnlyServer
    except ImportError:  # pragma: no cover - a packaging problem, reported plainly
        raise SsiError(
            "`ssi-tui serve` needs the textual-serve package: pip install textual-serve"
        ) from None
    server = ViewOnlyServer(
        app_command(database, extra_args),
        host=host,
        port=port,
        access=Access.for_server(host, token, public_url),
        max_sessions=max_sessions,
    )
    if announce is not None:
        announce(viewer_address(host, port, token, public_url))
    server.serve()
