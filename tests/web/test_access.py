"""Who may reach a served board: the token (exchanged for a cookie), the Host, the Origin.

Each refusal is proven with a real HTTP/websocket client against a server on a loopback port;
the sessions behind it are stand-ins (tests/fixtures/serve_fake_session.py), so that a refusal
is seen as "no session process was started".
"""

from __future__ import annotations

import re
from pathlib import Path

import aiohttp
import pytest

from ssi_tui.errors import SsiError
from ssi_tui.web.access import Access, check_token, is_loopback
from tests.web.support import TOKEN, fake_session, logged, served


async def test_the_page_needs_the_token_which_becomes_a_cookie(tmp_path: Path) -> None:
    async with (
        served(fake_session(tmp_path / "log")) as site,
        site.client(with_cookie=False) as browser,
    ):
        for address in (f"{site.base}/", f"{site.base}/?token=wrong-{TOKEN}"):
            async with browser.get(address) as response:
                assert response.status == 403
                assert "needs its token" in await response.text()
        async with browser.get(f"{site.base}/static/js/textual.js") as response:
            assert response.status == 403  # the page's own files too
        async with browser.get(
            f"{site.base}/?token={TOKEN}&fontsize=24", allow_redirects=False
        ) as response:
            assert response.status == 302
            assert response.headers["Location"] == "/?fontsize=24"  # the token leaves the address
            cookie = response.cookies[site.server.cookie_name]
            assert cookie.value == TOKEN and cookie["httponly"] and cookie["samesite"] == "Strict"
        async with browser.get(f"{site.base}/?fontsize=24") as response:  # the cookie now
            assert response.status == 200
            assert 'data-font-size="24"' in await response.text()
        async with browser.get(f"{site.base}/static/js/textual.js") as response:
            assert response.status == 200


async def test_a_websocket_without_the_token_starts_no_session(tmp_path: Path) -> None:
    log = tmp_path / "log"
    async with served(fake_session(log)) as site:
        for cookie in (None, {site.server.cookie_name: "not-the-token"}):
            async with aiohttp.ClientSession(cookies=cookie) as browser:
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await browser.ws_connect(f"{site.base}/ws", headers=site.origin)
                assert refused.value.status == 403
        assert not site.server.sessions
    assert logged(log) == []


async def test_another_sites_page_cannot_open_a_session_even_with_the_cookie(
    tmp_path: Path,
) -> None:
    """A page on another origin, open in the manager's browser (which sends the cookie)."""
    log = tmp_path / "log"
    async with served(fake_session(log)) as site, site.client() as browser:
        for origin in ({"Origin": "http://evil.example"}, {"Origin": "null"}, {}):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await browser.ws_connect(f"{site.base}/ws", headers=origin)
            assert refused.value.status == 403, origin
        async with browser.get(f"{site.base}/", headers={"Origin": "http://evil.example"}) as r:
            assert r.status == 403
    assert logged(log) == []


async def test_a_wrong_host_is_refused_page_and_websocket(tmp_path: Path) -> None:
    """DNS rebinding: another site's name pointed at 127.0.0.1 reaches the port, not the board."""
    log = tmp_path / "log"
    async with served(fake_session(log)) as site, site.client() as browser:
        host = {"Host": f"evil.example:{site.port}"}
        async with browser.get(f"{site.base}/", headers=host) as response:
            assert response.status == 403
            assert "does not answer to the address" in await response.text()
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            origin = {"Origin": f"http://evil.example:{site.port}"}
            await browser.ws_connect(f"{site.base}/ws", headers={**host, **origin})
        assert refused.value.status == 403
    assert logged(log) == []


async def test_the_page_uses_the_address_the_viewer_used_and_no_other_site(
    tmp_path: Path,
) -> None:
    """Bound to every interface, the page must not send the TV to 0.0.0.0, nor to a font site."""
    public = "http://192.0.2.10:8000"
    async with (
        served(fake_session(tmp_path / "log"), host="0.0.0.0", public_url=public) as site,
        site.client() as browser,
    ):
        for host, websocket in [
            ("192.0.2.10:8000", "ws://192.0.2.10:8000/ws"),
            (f"localhost:{site.port}", f"ws://localhost:{site.port}/ws"),
        ]:
            async with browser.get(f"{site.base}/", headers={"Host": host}) as response:
                assert response.status == 200
                page = await response.text()
                policy = response.headers["Content-Security-Policy"]
            assert f'data-session-websocket-url="{websocket}"' in page
            assert "0.0.0.0" not in page
            addresses = re.findall(r'(?:src|href)="([^"]*)"|url\("([^"]*)"\)', page)
            fetched = [a or b for a, b in addresses]
            assert fetched and all(a.startswith("/static/") for a in fetched), fetched
            assert "googleapis" not in page and "font-src 'self'" in policy
        async with browser.get(
            f"{site.base}/static/fonts/RobotoMono-VariableFont_wght.ttf",
            headers={"Host": "192.0.2.10:8000"},
        ) as font:
            assert font.status == 200 and len(await font.read()) > 10_000


def test_hosts_and_origins_allowed() -> None:
    local = Access.for_server("127.0.0.1", TOKEN)
    assert local.host_allowed("127.0.0.1:8000") and local.host_allowed("localhost:8000")
    assert local.host_allowed("[::1]:8000")
    assert not local.host_allowed("evil.example:8000") and not local.host_allowed(None)
    assert local.origin_allowed("http://localhost:8000", "localhost:8000")
    assert not local.origin_allowed("http://localhost:8001", "localhost:8000")
    assert not local.origin_allowed(None, "localhost:8000")
    public = Access.for_server("0.0.0.0", TOKEN, "https://tv.example.com/")
    assert public.host_allowed("tv.example.com") and not public.host_allowed("evil.example")
    assert public.origin_allowed("https://tv.example.com", "tv.example.com")
    assert local.token_matches(TOKEN) and not local.token_matches(TOKEN[:-1])
    assert not local.token_matches(None) and Access.for_server("::1", None).token_matches(None)


def test_loopback_and_the_token_rule() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert is_loopback("127.0.1.1") and is_loopback("[::1]")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20")
    check_token(None, "127.0.0.1")
    check_token(TOKEN, "0.0.0.0")
    with pytest.raises(SsiError, match="need a token"):
        check_token(None, "0.0.0.0")
    with pytest.raises(SsiError, match="too easy to guess"):
        check_token("short", "127.0.0.1")


def test_the_server_side_never_loads_textual_or_polars(tmp_path: Path) -> None:
    """The web server is its own layer: only the sessions it starts run the app."""
    import os
    import subprocess
    import sys

    code = (
        "import sys, ssi_tui.cli.serve, ssi_tui.web.server, ssi_tui.web.session;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'polars')];"
        "assert not bad, bad"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(root)},
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_the_printed_address_is_one_a_viewer_can_open() -> None:
    from ssi_tui.web.access import viewer_address

    assert (
        viewer_address("127.0.0.1", 8000, "a+b/c", None) == "http://127.0.0.1:8000/?token=a%2Bb%2Fc"
    )
    assert viewer_address("::1", 8000, None, None) == "http://[::1]:8000/"
    public = viewer_address("0.0.0.0", 8000, TOKEN, "http://192.168.1.20:8000/")
    assert public == f"http://192.168.1.20:8000/?token={TOKEN}"
    assert "0.0.0.0" not in viewer_address("0.0.0.0", 8000, TOKEN, None)
