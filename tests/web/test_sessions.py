"""Real served sessions, driven through the websocket as a browser does: nothing a viewer types
changes a byte on the server, and an anonymised board never sends a real name."""

from __future__ import annotations

import asyncio
import csv
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from ssi_tui.cli.serve import app_command
from ssi_tui.resources import sample_data_dir
from tests.ui.conftest import write_csv
from tests.web.support import keys, read_rest, read_until, served, walk

START_SECONDS = 30.0
"""How long a session's first frame may take (a cold interpreter imports Textual)."""
CTRL_P, CTRL_S, ESC, ENTER, TAB = "\x10", "\x13", "\x1b", "\r", "\t"


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under FOLDER and a digest of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def real_identities() -> tuple[set[str], set[str]]:
    """The sample team's full names and ids, and their last names and id local parts."""
    with (sample_data_dir() / "team_ssi.csv").open(encoding="utf-8") as sample:
        people = {(row["name"], row["rep_id"]) for row in csv.DictReader(sample)}
    whole = {name for name, _ in people} | {rep_id for _, rep_id in people}
    parts = {name.split()[-1] for name, _ in people} | {i.split("@")[0] for _, i in people}
    return whole, {part for part in parts if len(part) >= 4}


async def test_a_session_that_tries_everything_leaves_every_byte_as_it_was(
    sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Import (with a fake rep ready on disk), path completion, export, screenshot, the palette:
    the database, its folder, the server's folder and the board cache stay byte-for-byte."""
    data, cwd, cache = tmp_path / "data", tmp_path / "server", tmp_path / "cache"
    for folder in (data, cwd, cache):
        folder.mkdir()
    database = data / "team.duckdb"
    shutil.move(sample_db, database)
    write_csv(data / "fake.csv", ["2026-11-16,fake@x.example,Fake Rep,SMB,25,25,25,25,100"])
    monkeypatch.chdir(cwd)  # the sessions' working folder: where a screenshot would go
    monkeypatch.setenv("SSI_TUI_CACHE_DIR", str(cache))
    before = folder_state(tmp_path)

    async with served(app_command(database)) as site, site.client() as browser:
        tab = await browser.ws_connect(f"{site.base}/ws?width=120&height=40", headers=site.origin)
        _, shown = await read_until(tab, "SSI leaderboard", START_SECONDS)
        assert shown
        seen = await keys(tab, "i", *str(data / "fa"), TAB, ENTER, ENTER)  # import a fake rep
        seen += await keys(tab, ESC, "i", *"/etc/", TAB, ENTER, ESC)  # browse the server's disk
        seen += await keys(tab, "e", ENTER, ESC, CTRL_S, "a")  # export, screenshot, names
        for command in ("import", "save the rows", "screenshot", "pseudonym"):
            seen += await keys(tab, CTRL_P, *command, ENTER, ESC)
        seen += await keys(tab, "r")  # read the database again: still the same board
        seen += await read_rest(tab)
        await tab.close()
        for _ in range(100):
            if not site.server.sessions:
                break
            await asyncio.sleep(0.1)
    for never in ("Import into", "Export the", "Fake Rep", "passwd", "Saved "):
        assert never not in seen, never
    assert "Carlos Mendes" in seen  # names shown: the session was really there
    assert folder_state(tmp_path) == before


@pytest.mark.parametrize("anonymise", [True, False])
async def test_a_served_anonymised_board_never_sends_a_real_name_or_id(
    sample_db: Path, anonymise: bool
) -> None:
    """Board, drill-down (next, previous, history), stand-up pages, help, filter and palette,
    and `a`: the websocket carries pseudonyms only (and real names when not anonymised)."""
    whole, parts = real_identities()
    argv = app_command(sample_db, ["--anonymise"] if anonymise else [])
    async with served(argv) as site, site.client() as browser:
        tab = await browser.ws_connect(f"{site.base}/ws?width=140&height=45", headers=site.origin)
        first, shown = await read_until(tab, "SSI leaderboard", START_SECONDS)
        assert shown
        rest = await walk(tab, "a", ENTER, "n", "n", "p", "h", "h", ESC, "t", "o", "[", "9")
        rest += await walk(tab, "S", " ", " ", " ", " ", ESC, "?", ESC)
        rest += await walk(tab, "/", *"Carlos", ESC, CTRL_P, *"Carl", ESC)
        rest += await read_rest(tab)
        await tab.close()
    stream = first + rest
    for sign in ("Rep 2 of 30", "STAND-UP", "Biggest movers", "opens the command palette"):
        assert sign in stream, f"the walk never reached {sign!r}"
    found = {name for name in whole if name in stream}
    found |= {part for part in parts if re.search(rf"\b{re.escape(part)}\b", stream)}
    if anonymise:
        assert found == set()
        assert "Rep 01" in stream or "Rep 1" in stream
    else:
        assert found  # the same walk shows real names when they are allowed
