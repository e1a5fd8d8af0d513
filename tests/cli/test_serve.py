"""`ssi-tui serve`: the app behind a local web server (textual-serve), reached over HTTP."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from ssi_tui.cli.main import cli
from ssi_tui.cli.serve import app_command, serve
from ssi_tui.errors import SsiError
from ssi_tui.importing.importer import run_import
from tests.ui.conftest import write_csv

STARTUP_SECONDS = 30.0
"""How long the server may take to answer (a cold interpreter imports aiohttp and Textual)."""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A one-rep database in a folder whose name needs quoting in a shell."""
    folder = tmp_path / "team's data $(touch pwned)"
    folder.mkdir()
    export = write_csv(tmp_path / "ssi.csv", ["2026-11-16,ann@x.example,Ann,East,15,15,15,15,60"])
    path = folder / "team.duckdb"
    run_import(path, [export])
    return path


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_each_session_runs_this_python_on_the_database_served_without_a_shell(db: Path) -> None:
    command = app_command(db, ["--standup", "--rotate", "20", "--team", "East; rm -rf /"])
    assert command == [
        sys.executable,
        "-m",
        "ssi_tui",
        "open",
        str(db.resolve()),
        "--served",
        "--standup",
        "--rotate",
        "20",
        "--team",
        "East; rm -rf /",
    ]


def test_a_missing_database_is_refused_before_anything_listens(tmp_path: Path) -> None:
    with pytest.raises(SsiError, match="no such database"):
        serve(tmp_path / "missing.duckdb", token=None, port=free_port())


def test_the_command_does_not_announce_a_database_it_cannot_serve(tmp_path: Path) -> None:
    missing = tmp_path / "missing.duckdb"
    result = CliRunner().invoke(cli, ["serve", str(missing), "--port", str(free_port())])
    assert result.exit_code == 1
    assert "Serving" not in result.output
    assert f"Error: {missing}: no such database" in result.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--host", "0.0.0.0", "--no-token"], "--host 0.0.0.0 lets other machines connect"),
        (["--host", "192.168.1.20", "--no-token"], "they need a token"),
        (["--token", "short"], "too easy to guess"),
        (["--token", "a-long-enough-token", "--no-token"], "one or the other"),
        (["--public-url", "tv.local:8000"], "expected an address such as http://"),
    ],
)
def test_unsafe_or_unclear_set_ups_are_refused_before_anything_listens(
    db: Path, arguments: list[str], message: str
) -> None:
    result = CliRunner().invoke(
        cli, ["serve", str(db), "--port", str(free_port()), *arguments], catch_exceptions=False
    )
    assert result.exit_code == 1
    assert message in result.output and "Serving" not in result.output
    assert "Traceback" not in result.output


@pytest.fixture
def server(db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """`ssi-tui serve DB` in its own process on a free loopback port; yields the
    address it printed (with its random token)."""
    port = free_port()
    root = Path(__file__).resolve().parents[2]
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "ssi_tui", "serve", str(db), "--port", str(port)],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(root)},
        )
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            address = None
            while time.monotonic() < deadline and process.poll() is None and address is None:
                found = re.search(r"http://\S+\?token=\S+", log_path.read_text())
                if found is not None:
                    with contextlib.suppress(OSError):
                        socket.create_connection(("127.0.0.1", port), timeout=1).close()
                        address = found.group(0)
                time.sleep(0.1)
            assert process.poll() is None and address is not None, log_path.read_text()
            yield address
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def test_the_printed_address_opens_the_board_and_says_what_viewers_can_do(
    server: str, tmp_path: Path
) -> None:
    """As a viewer would: the printed address (token) -> cookie -> page -> a session that draws
    the board; the same page without the token is refused."""
    import aiohttp

    log = (tmp_path / "server.log").read_text()
    assert "Viewers cannot: import, export, save screenshots" in log
    base = server.split("/?", 1)[0]
    assert base.startswith("http://127.0.0.1:")

    async def visit() -> tuple[int, int, str]:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser:
            async with browser.get(f"{base}/") as refused:
                refused_status = refused.status
            async with browser.get(server) as page:  # follows the redirect, keeps the cookie
                page_status, body = page.status, await page.text()
            assert f'data-session-websocket-url="{base.replace("http", "ws")}/ws"' in body
            seen = ""
            async with browser.ws_connect(
                f"{base}/ws?width=100&height=30", headers={"Origin": base}
            ) as websocket:
                deadline = time.monotonic() + STARTUP_SECONDS
                while "Ann" not in seen and time.monotonic() < deadline:
                    try:
                        message = await websocket.receive(timeout=1)
                    except TimeoutError:
                        continue
                    if message.type == aiohttp.WSMsgType.BINARY:
                        seen += message.data.decode("utf-8", "replace")
                    elif message.type != aiohttp.WSMsgType.TEXT:
                        break
            return refused_status, page_status, seen

    refused_status, page_status, seen = asyncio.run(visit())
    assert (refused_status, page_status) == (403, 200)
    assert "Ann" in seen and "East" in seen
