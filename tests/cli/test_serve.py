"""`ssi-tui serve`: the app behind a local web server (textual-serve), reached over HTTP."""

from __future__ import annotations

import asyncio
import os
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from ssi_tui.cli import cli
from ssi_tui.errors import SsiError
from ssi_tui.importer import run_import
from ssi_tui.serve import app_command, is_loopback, serve
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


def test_command_runs_this_python_on_the_database_with_every_argument_quoted(db: Path) -> None:
    command = app_command(db, ["--standup", "--rotate", "20", "--team", "East; rm -rf /"])
    assert shlex.split(command) == [
        sys.executable,
        "-m",
        "ssi_tui",
        "open",
        str(db.resolve()),
        "--standup",
        "--rotate",
        "20",
        "--team",
        "East; rm -rf /",
    ]


def test_loopback_hosts() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20")


def test_a_missing_database_is_refused_before_anything_listens(tmp_path: Path) -> None:
    with pytest.raises(SsiError, match="no such database"):
        serve(tmp_path / "missing.duckdb", port=free_port())


def test_the_command_does_not_announce_a_database_it_cannot_serve(tmp_path: Path) -> None:
    missing = tmp_path / "missing.duckdb"
    result = CliRunner().invoke(cli, ["serve", str(missing), "--port", str(free_port())])
    assert result.exit_code == 1
    assert "Serving" not in result.output
    assert f"Error: {missing}: no such database" in result.output


@pytest.fixture
def server(db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """`serve(DB)` running in its own process on a free localhost port; yields the port."""
    port = free_port()
    script = (
        "import sys; from pathlib import Path; from ssi_tui.serve import serve;"
        " serve(Path(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]),"
        " extra_args=['--team', 'East'])"
    )
    root = Path(__file__).resolve().parents[2]
    log_path = tmp_path / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-c", script, str(db), str(port)],
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(root)},
        )
        try:
            deadline = time.monotonic() + STARTUP_SECONDS
            while time.monotonic() < deadline and process.poll() is None:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=1):
                        break
                except OSError:
                    time.sleep(0.1)
            assert process.poll() is None, log_path.read_text()
            yield port
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def test_the_page_is_served_on_localhost(server: int) -> None:
    with urllib.request.urlopen(f"http://127.0.0.1:{server}/", timeout=10) as response:
        status, body = response.status, response.read().decode("utf-8", "replace")
    assert status == 200
    assert "/ws" in body  # the page connects the browser to an app session there


def test_a_browser_session_runs_the_app_on_the_database(server: int) -> None:
    """What a browser tab does: open the websocket, and the app draws the board into it."""
    import aiohttp

    async def session_output() -> str:
        seen = ""
        url = f"http://127.0.0.1:{server}/ws?width=100&height=30"
        async with aiohttp.ClientSession() as client, client.ws_connect(url) as websocket:
            deadline = time.monotonic() + STARTUP_SECONDS
            while "Ann" not in seen and time.monotonic() < deadline:
                try:
                    message = await websocket.receive(timeout=1)
                except TimeoutError:
                    continue
                if message.type == aiohttp.WSMsgType.BINARY:
                    seen += message.data.decode("utf-8", "replace")
                elif message.type == aiohttp.WSMsgType.TEXT:
                    seen += message.data
                elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    break
        return seen

    assert "Ann" in asyncio.run(session_output())
