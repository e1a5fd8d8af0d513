"""How much one browser may ask of a served board: sessions, screen size, and a session's
process, which ends when its browser goes however it behaves."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import time
from pathlib import Path

import aiohttp
import pytest

from ssi_tui.cli.serve import app_command
from ssi_tui.web.limits import MAX_COLUMNS, MAX_ROWS, QUIT_GRACE_SECONDS, TERM_GRACE_SECONDS
from ssi_tui.web.session import SERVED_DRIVER
from tests.web.support import fake_session, logged, served


async def wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0.05)
    return bool(condition())


def alive(pid: int) -> bool:
    """True while PID runs (a zombie, ended but not yet reaped, counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


async def test_the_ninth_browser_tab_is_refused_with_a_reason(tmp_path: Path) -> None:
    log = tmp_path / "log"
    async with served(fake_session(log)) as site, site.client() as browser:
        tabs = [await browser.ws_connect(f"{site.base}/ws", headers=site.origin) for _ in range(8)]
        assert await wait_for(lambda: len(logged(log)) == 8, 20)
        ninth = await browser.ws_connect(f"{site.base}/ws", headers=site.origin)
        message = await ninth.receive(timeout=10)
        assert message.type == aiohttp.WSMsgType.CLOSE
        assert ninth.close_code == 1013
        assert "8 viewers already (--max-sessions)" in message.extra
        await asyncio.sleep(0.3)
        assert len(logged(log)) == 8  # no ninth process was started
        await tabs[0].close()  # a place frees up when a tab closes
        await wait_for(lambda: len(site.server.sessions) < 8, 10)
        tenth = await browser.ws_connect(f"{site.base}/ws", headers=site.origin)
        assert await wait_for(lambda: len(logged(log)) == 9, 20)
        for tab in [*tabs[1:], tenth]:
            await tab.close()


async def test_an_oversized_screen_is_clamped_before_it_reaches_the_session(
    tmp_path: Path,
) -> None:
    log = tmp_path / "log"
    async with served(fake_session(log)) as site, site.client() as browser:
        tab = await browser.ws_connect(
            f"{site.base}/ws?width=100000&height=100000", headers=site.origin
        )
        await tab.send_str(json.dumps(["resize", {"width": 100000, "height": 100000}]))
        await tab.send_str(json.dumps(["resize", {"width": -5, "height": "lots"}]))
        await tab.send_str("not json at all")  # ignored, the session carries on
        await tab.send_str(json.dumps(["resize", {"width": 120, "height": 40}]))
        assert await wait_for(lambda: len(logged(log)) >= 4, 10)
        await tab.close()
    started, *resizes = logged(log)[:4]
    assert (started["width"], started["height"]) == (MAX_COLUMNS, MAX_ROWS)
    sizes = [(m["width"], m["height"]) for m in resizes if m["type"] == "resize"]
    assert sizes == [(MAX_COLUMNS, MAX_ROWS), (1, 24), (120, 40)]


@pytest.mark.slow
async def test_a_process_that_ignores_quit_and_sigterm_is_killed_when_its_tab_closes(
    tmp_path: Path,
) -> None:
    log = tmp_path / "log"
    async with served(fake_session(log, stubborn=True)) as site, site.client() as browser:
        tab = await browser.ws_connect(f"{site.base}/ws", headers=site.origin)
        assert await wait_for(lambda: len(logged(log)) == 1, 10)
        pid = int(logged(log)[0]["pid"])  # type: ignore[call-overload]
        assert alive(pid)
        await tab.close()
        grace = QUIT_GRACE_SECONDS * 2 + TERM_GRACE_SECONDS
        assert await wait_for(lambda: not alive(pid), grace + 5), "the session outlived its tab"
        assert await wait_for(lambda: not site.server.sessions, 5)
    assert [m["type"] for m in logged(log)].count("quit") == 1  # asked first, then killed


def rss_mb(pid: int) -> float:
    """Resident memory of PID, in MB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def packet(kind: bytes, payload: bytes) -> bytes:
    """One packet of textual-serve's protocol to an app's stdin."""
    return kind + len(payload).to_bytes(4, "big") + payload


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
async def test_the_app_of_a_session_clamps_its_screen_and_exits_when_its_input_closes(
    sample_db: Path,
) -> None:
    """The app side of the same limits, whatever starts it: a 100000x100000 screen asked of
    the app itself stays small, and an app whose server is gone (stdin closed) exits."""
    env = {**os.environ, "TEXTUAL_DRIVER": SERVED_DRIVER, "COLUMNS": "100000", "ROWS": "100000"}
    process = await asyncio.create_subprocess_exec(
        *app_command(sample_db),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        env=env,
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        assert await asyncio.wait_for(process.stdout.readline(), 30) == b"__GANGLION__\n"
        huge = json.dumps({"type": "resize", "width": 100000, "height": 100000}).encode()
        process.stdin.write(packet(b"M", huge))
        await process.stdin.drain()
        drawn = 0
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:  # read what it draws, as the server would
            with contextlib.suppress(TimeoutError):
                drawn += len(await asyncio.wait_for(process.stdout.read(65536), 0.5))
        assert drawn > 0 and rss_mb(process.pid) < 250  # ~100 MB clamped; 400+ MB unclamped
        process.stdin.close()
        reader = asyncio.create_task(process.stdout.read())
        assert await asyncio.wait_for(process.wait(), 20) is not None
        reader.cancel()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
