"""The web server of `ssi-tui serve`: textual-serve's, guarded and bounded.

Every request passes `_guard` (Host, Origin, token cookie) before any handler; the page is
textual-serve's own with its fonts served from here; each websocket is one ViewerSession, at
most `max_sessions` at once, its messages checked and its screen size clamped.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import aiohttp_jinja2
import jinja2
import textual_serve
from aiohttp import WSMsgType, web
from textual_serve.server import Server

from ssi_tui.web.access import Access
from ssi_tui.web.limits import MAX_MESSAGE_BYTES, clamp_font_size, clamp_size
from ssi_tui.web.session import ViewerSession

log = logging.getLogger("ssi-tui.serve")

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(textual_serve.__file__).parent / "static"
"""textual-serve's script, style sheet and fonts (the page needs nothing from elsewhere)."""
TRY_AGAIN_LATER = 1013
"""Websocket close code: the server is at its session limit."""
SECURITY_HEADERS = {
    # The page's own inline script and style, its own files and its own websocket; nothing else
    # (no third-party font, no framing by another site).
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
        " font-src 'self'; img-src 'self' data:; connect-src 'self';"
        " frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class ViewOnlyServer(Server):
    """textual-serve's Server with access control, limits and sessions that always end."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        host: str,
        port: int,
        access: Access,
        max_sessions: int,
        title: str = "ssi-tui",
    ) -> None:
        super().__init__(" ".join(argv), host=host, port=port, title=title)
        self.argv = tuple(argv)
        self.access = access
        self.max_sessions = max_sessions
        self.sessions: set[ViewerSession] = set()
        """Sessions running now (tests read their process ids)."""
        self._places = 0
        """Sessions running or starting: counted before any await, so a flood cannot race it."""

    @property
    def cookie_name(self) -> str:
        """Cookies are shared by every port of a host: one name per port."""
        return f"ssi-tui-serve-{self.port}"

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard], client_max_size=MAX_MESSAGE_BYTES)
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.static("/static", STATIC, show_index=False, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    def initialize_logging(self) -> None:
        """Warnings only: an access log would print every address asked for, tokens included."""
        logging.basicConfig(level="WARNING", format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """Quiet: `ssi-tui serve` prints its own address and warning."""

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C or SIGTERM: end every session's process before the server goes."""
        await asyncio.gather(*(s.stop() for s in list(self.sessions)), return_exceptions=True)

    # -- access -------------------------------------------------------------------------------

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Host, then Origin, then token: any failure is a plain 403 that says what to do."""
        host = request.headers.get("Host")
        if not self.access.host_allowed(host):
            return _refused(
                f"This server does not answer to the address {host!r}. Open the address"
                " `ssi-tui serve` printed, or start it with --public-url set to the address"
                " viewers use."
            )
        origin = request.headers.get("Origin")
        is_websocket = request.path == "/ws"
        if (origin is not None or is_websocket) and not self.access.origin_allowed(origin, host):
            return _refused(
                "Only this server's own page may open a session here"
                f" (the request came from {origin or 'no page'!r})."
            )
        given = request.query.get("token")
        if given is not None and request.path == "/" and self.access.token_matches(given):
            return self._exchange_token(request)
        if not self.access.token_matches(request.cookies.get(self.cookie_name)):
            return _refused(
                "This board needs its token: open the full address `ssi-tui serve` printed"
                " (it ends in ?token=...), or ask whoever runs it."
            )
        response = await handler(request)
        if not is_websocket:
            for name, value in SECURITY_HEADERS.items():
                response.headers.setdefault(name, value)
        return response

    def _exchange_token(self, request: web.Request) -> web.StreamResponse:
        """As Jupyter does: the token becomes a cookie, and the address loses it (so it is not
        left in the address bar, the history or a screen share)."""
        rest = [(k, v) for k, v in request.query.items() if k != "token"]
        response = web.Response(
            status=302, headers={"Location": "/" + (f"?{urlencode(rest)}" if rest else "")}
        )
        response.set_cookie(
            self.cookie_name,
            self.access.token or "",
            httponly=True,
            samesite="Strict",
            path="/",
            secure=request.scheme == "https",
        )
        response.headers.update(SECURITY_HEADERS)
        return response

    # -- the page -----------------------------------------------------------------------------

    async def handle_index(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        """The page, its addresses from the one the viewer used (or --public-url, when that
        is the one: its scheme may be https behind a proxy), never from the address the
        server is bound to (0.0.0.0 means nothing to a TV's browser)."""
        base = f"{request.scheme}://{request.host}"
        public = self.access.public_url
        if public is not None and urlsplit(public).netloc.lower() == request.host.lower():
            base = public
        websocket = ("wss:" if base.startswith("https:") else "ws:") + base.split(":", 1)[1]
        context = {
            "font_size": clamp_font_size(request.query.get("fontsize", "16")),
            "app_websocket_url": f"{websocket}/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("page.html", request, context)
        policy = SECURITY_HEADERS["Content-Security-Policy"]
        response.headers["Content-Security-Policy"] = policy.replace(
            "connect-src 'self';", f"connect-src 'self' {websocket}/ws;"
        )
        return response

    # -- sessions -----------------------------------------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser tab: one app process, while there is a place for it."""
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=MAX_MESSAGE_BYTES)
        if self._places >= self.max_sessions:
            await websocket.prepare(request)
            await websocket.close(
                code=TRY_AGAIN_LATER,
                message=(
                    f"ssi-tui serve: {self.max_sessions} viewers already (--max-sessions);"
                    " close a tab and reload."
                ).encode(),
            )
            return websocket
        self._places += 1
        session: ViewerSession | None = None
        try:
            await websocket.prepare(request)
            width, height = clamp_size(
                request.query.get("width", "80"), request.query.get("height", "24")
            )
            session = ViewerSession(
                self.argv,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=False,
            )
            self.sessions.add(session)
            await session.start(width, height)
            await self._process_messages(websocket, session)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                await websocket.close()
        except Exception as error:  # a session's failure must not take the server down
            log.warning("session ended: %s", error)
        finally:
            if session is not None:
                await asyncio.shield(session.stop())
                self.sessions.discard(session)
            self._places -= 1
        return websocket

    async def _process_messages(  # type: ignore[override]
        self, websocket: web.WebSocketResponse, app_service: ViewerSession
    ) -> None:
        """Keys, resizes, pings, focus: anything else (or malformed) is ignored."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await app_service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await app_service.set_terminal_size(
                    *clamp_size(data.get("width"), data.get("height"))
                )
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await app_service.blur()
            elif kind == "focus":
                await app_service.focus()


def _refused(text: str) -> web.Response:
    response = web.Response(status=403, text=f"ssi-tui serve: {text}\n")
    response.headers.update(SECURITY_HEADERS)
    return response


__all__ = ["ViewOnlyServer"]
