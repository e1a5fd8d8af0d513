"""Every reliability test runs with HOME and the XDG folders in its tmp_path (no user config)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pilot_pace import pace_pilot

pace_pilot()


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, folder in (
        ("HOME", "home"),
        ("XDG_CONFIG_HOME", "xdg-config"),
        ("XDG_DATA_HOME", "xdg-data"),
    ):
        monkeypatch.setenv(name, str(tmp_path / folder))
    monkeypatch.delenv("SSI_TUI_CONFIG", raising=False)
