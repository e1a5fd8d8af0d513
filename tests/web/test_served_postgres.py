"""`ssi-tui serve URL`: a served session on a history on a PostgreSQL server (issue #24), its
URL handed to the session in SSI_TUI_DATABASE, never on a command line others can read."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from ssi_tui.cli import serve as serve_module
from ssi_tui.cli.database_argument import ENV_VAR
from ssi_tui.cli.serve import app_command
from ssi_tui.importing.importer import run_import
from tests.web.support import read_until, served

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
START_SECONDS = 30.0


async def test_a_served_session_on_a_url_shows_its_board_and_no_command_line_holds_the_url(
    postgres_url: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = postgres_url()
    run_import(url, [FIXTURES / "history.csv"])
    with_password = url.replace("postgres@", "postgres:s3cret@")
    monkeypatch.setenv(ENV_VAR, "put back after the test")

    class Started(Exception):
        pass

    def started(argv: list[str], **_: object) -> None:
        raise Started(argv)

    import ssi_tui.web.server as web_server

    monkeypatch.setattr(web_server, "ViewOnlyServer", started)
    with pytest.raises(Started) as caught:
        serve_module.serve(with_password, token=None)
    argv = caught.value.args[0]
    assert argv == app_command(with_password)
    assert not [arg for arg in argv if "postgresql" in arg or "s3cret" in arg]
    assert os.environ[ENV_VAR] == with_password  # where the sessions find it

    async with served(argv) as site, site.client() as browser:
        tab = await browser.ws_connect(f"{site.base}/ws?width=140&height=40", headers=site.origin)
        seen, shown = await read_until(tab, "Ana Lima", START_SECONDS)
        await tab.close()
    assert shown, seen
    assert "SSI leaderboard" in seen and "s3cret" not in seen
