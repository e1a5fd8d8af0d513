"""The app's exit code reaches the shell: a crashed app must not look like a clean quit to a
script or CI (`ssi-tui DB`, `open`, `--standup`, `demo`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ssi_tui import entry
from ssi_tui.ui.app import SsiApp
from tests.cli.conftest import Invoke

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def headless(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the real app without a terminal, and quit as soon as it has started."""
    real_run = SsiApp.run

    def run_headless(self: SsiApp, **kwargs: object) -> None:
        self.call_later(self.exit)
        real_run(self, headless=True)

    monkeypatch.setattr(SsiApp, "run", run_headless)


@pytest.fixture
def crashing(headless: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app fails while starting, as any bug in a screen would."""

    def broken_mount(self: SsiApp) -> None:
        raise RuntimeError("forced failure")

    monkeypatch.setattr(SsiApp, "on_mount", broken_mount)


@pytest.fixture
def database(invoke: Invoke, tmp_path: Path) -> Path:
    db = tmp_path / "team.duckdb"
    assert invoke("import", db, FIXTURES / "history.csv").exit_code == 0
    return db


@pytest.mark.parametrize("arguments", [["open"], [], ["open", "--standup"]])
def test_a_clean_quit_exits_0(
    invoke: Invoke, database: Path, headless: None, arguments: list[str]
) -> None:
    result = invoke(*arguments, database)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "arguments", [["open"], [], ["open", "--standup"]], ids=["open", "default", "standup"]
)
def test_a_crashed_app_exits_non_zero(
    invoke: Invoke, database: Path, crashing: None, arguments: list[str]
) -> None:
    result = invoke(*arguments, database)
    assert result.exit_code not in (0, None), result.output


def test_a_crashed_demo_exits_non_zero(invoke: Invoke, tmp_path: Path, crashing: None) -> None:
    result = invoke("demo", tmp_path / "demo.duckdb")
    assert result.exit_code not in (0, None), result.output


def test_the_plain_form_exits_non_zero_when_the_app_crashed(
    database: Path, crashing: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ssi-tui DB` skips click (entry.py): it must pass the code on all the same."""
    monkeypatch.setattr(sys, "argv", ["ssi-tui", str(database)])
    with pytest.raises(SystemExit) as exited:
        entry.main()
    assert exited.value.code not in (0, None)
