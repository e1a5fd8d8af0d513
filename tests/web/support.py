"""Running the view-only server in the test's own event loop, and talking to it as a browser."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import socket
import sys
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import aiohttp
from aiohttp import web

from ssi_tui.web.access import Access
from ssi_tui.web.server import ViewOnlyServer

TOKEN = "test-token-0123456789"
FAKE_SESSION = Path(__file__).resolve().parents[1] / "fixtures" / "serve_fake_session.py"
ANSI = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fake_session(log: Path, *, stubborn: bool = False) -> list[str]:
    """The argument list of a stand-in session process (tests/fixtures/serve_fake_session.py)."""
    return [sys.executable, str(FAKE_SESSION), str(log), *(["--stubborn"] if stubborn else [])]


def logged(log: Path) -> list[dict[str, object]]:
    """The meta packets (and start) a fake session logged."""
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines() if line.strip()]


@dataclass
class Served:
    """A running server: its object (sessions, settings) and the address viewers use."""

    server: ViewOnlyServer
    port: int

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def origin(self) -> dict[str, str]:
        """The Origin header the server's own page sends."""
        return {"Origin": self.base}

    @property
    def cookie(self) -> dict[str, str]:
        return {self.server.cookie_name: TOKEN}

    def client(self, *, with_cookie: bool = True) -> aiohttp.ClientSession:
        """A browser, holding the token's cookie or not (it keeps the cookies it is given, even
        from an IP address, as a browser does)."""
        return aiohttp.ClientSession(
            cookies=self.cookie if with_cookie else None,
            cookie_jar=aiohttp.CookieJar(unsafe=True),
        )


@contextlib.asynccontextmanager
async def served(
    argv: Sequence[str],
    *,
    token: str | None = TOKEN,
    max_sessions: int = 8,
    host: str = "127.0.0.1",
    public_url: str | None = None,
) -> AsyncIterator[Served]:
    """ViewOnlyServer on a free loopback port, stopped (with its sessions) on the way out."""
    port = free_port()
    server = ViewOnlyServer(
        argv,
        host=host,
        port=port,
        access=Access.for_server(host, token, public_url),
        max_sessions=max_sessions,
    )
    runner = web.AppRunner(await server._make_app(), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield Served(server, port)
    finally:
        await runner.cleanup()


def _drawn(message: aiohttp.WSMessage) -> str | None:
    """The text a websocket message carries, or None when the session closed."""
    if message.type == aiohttp.WSMsgType.BINARY:
        return message.data.decode("utf-8", "replace")
    if message.type == aiohttp.WSMsgType.TEXT:
        return message.data
    return None


async def read_until(
    websocket: aiohttp.ClientWebSocketResponse, wanted: str, seconds: float
) -> tuple[str, bool]:
    """What the session draws (escape sequences removed) until WANTED shows or SECONDS pass."""
    raw = ""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            message = await websocket.receive(timeout=0.5)
        except TimeoutError:
            if wanted and wanted in ANSI.sub("", raw):
                break
            continue
        if (drawn := _drawn(message)) is None:
            break
        raw += drawn
        if wanted and wanted in ANSI.sub("", raw[-20000:]):
            break
    text = ANSI.sub("", raw)
    return text, bool(wanted) and wanted in text


KEY_GAP = 0.03
"""After a key: typed, not pasted (keys in one read are a paste to the app)."""
ESCAPE = "\x1b"


async def keys(websocket: aiohttp.ClientWebSocketResponse, *presses: str) -> str:
    """Keys as the page sends them (xterm.js's data, in textual-serve's envelope); what the
    session drew meanwhile. After an Escape, the next key waits until the session has drawn
    what Escape did: read with it by a busy app, the pair would be Alt+key, as in a terminal."""
    drawn = ""
    for press in presses:
        await websocket.send_str(json.dumps(["stdin", press]))
        if press == ESCAPE:
            drawn += await read_rest(websocket, quiet=0.2)
        else:
            await asyncio.sleep(KEY_GAP)
    return drawn


async def walk(websocket: aiohttp.ClientWebSocketResponse, *presses: str) -> str:
    """KEYS one at a time, each drawn before the next is sent (every page a key leads to is
    sent to the browser, none skipped by a faster key); what the session drew."""
    drawn = ""
    for press in presses:
        await websocket.send_str(json.dumps(["stdin", press]))
        drawn += await read_rest(websocket, quiet=0.15)
    return drawn


async def read_rest(
    websocket: aiohttp.ClientWebSocketResponse, quiet: float = 1.0, seconds: float = 10.0
) -> str:
    """What the session draws (escape sequences removed) until it has drawn nothing for QUIET
    seconds (the keys sent are handled), at most SECONDS."""
    raw = ""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            message = await websocket.receive(timeout=quiet)
        except TimeoutError:
            break
        if (drawn := _drawn(message)) is None:
            break
        raw += drawn
    return ANSI.sub("", raw)
