"""The real app in a real terminal (tmux): NO_COLOR, TERM=dumb, LANG=C, 80x24 and 40x12. It
must draw the board, quit on `q` with exit code 0, and leave no traceback on the screen."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ssi_tui.importing.importer import run_import
from ssi_tui.resources import sample_data_dir

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")


@pytest.fixture(scope="module")
def team_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("terminal") / "team.duckdb"
    run_import(db, [sample_data_dir()])
    return db


class Terminal:
    """One tmux server of its own, with one window of a given size."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        command = ["tmux", "-S", str(self.socket), *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=10).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app")

    def wait_for(
        self, condition: Callable[[], bool], seconds: float = 30.0, *, unless: Path | None = None
    ) -> None:
        """Wait for CONDITION; fail at once if the file UNLESS appears (the app has ended)."""
        deadline = time.monotonic() + seconds
        while not condition():
            ended = unless is not None and unless.exists()
            if ended or time.monotonic() > deadline:
                why = "the app ended" if ended else "timed out"
                raise AssertionError(f"{why}; the screen shows:\n{self.screen()}")
            time.sleep(0.2)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path / "tmux.sock")
    yield term
    term.tmux("kill-server")


@pytest.mark.parametrize(
    ("variables", "size"),
    [
        ({"NO_COLOR": "1"}, (80, 24)),
        ({"NO_COLOR": "1"}, (40, 12)),
        ({"TERM": "dumb"}, (80, 24)),
        ({"LANG": "C", "LC_ALL": "C"}, (80, 24)),
    ],
    ids=["NO_COLOR-80x24", "NO_COLOR-40x12", "TERM=dumb-80x24", "LANG=C-80x24"],
)
def test_the_app_runs_and_quits_cleanly_in_a_real_terminal(
    terminal: Terminal,
    team_db: Path,
    tmp_path: Path,
    variables: dict[str, str],
    size: tuple[int, int],
) -> None:
    exit_file = tmp_path / "exit-code"
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    env |= variables
    assignments = " ".join(f"{name}={shlex.quote(value)}" for name, value in env.items())
    app = f"{shlex.quote(sys.executable)} -m ssi_tui {shlex.quote(str(team_db))}"
    # The terminal's own size, not one inherited from the test run (Textual reads COLUMNS and
    # LINES first); the shell outlives the app, so that what it left on screen can be read.
    script = (
        f"env -u COLUMNS -u LINES {assignments} {app}; "
        f"echo $? > {shlex.quote(str(exit_file))}; sleep 60"
    )
    width, height = size
    terminal.tmux("new-session", "-d", "-s", "app", "-x", str(width), "-y", str(height), script)
    shows = terminal.screen
    terminal.wait_for(lambda: "Priya" in shows() and "? Help" in shows(), unless=exit_file)
    terminal.tmux("send-keys", "-t", "app", "Enter")
    terminal.wait_for(lambda: "Rep 1 of 30" in shows(), unless=exit_file)
    terminal.tmux("send-keys", "-t", "app", "Escape")
    terminal.wait_for(lambda: "Rep 1 of 30" not in shows(), unless=exit_file)
    terminal.tmux("send-keys", "-t", "app", "q")
    terminal.wait_for(exit_file.exists)
    terminal.wait_for(lambda: exit_file.read_text().strip() != "")
    assert exit_file.read_text().strip() == "0", terminal.screen()
    assert "Traceback" not in terminal.screen()
