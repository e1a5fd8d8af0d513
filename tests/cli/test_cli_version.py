"""`ssi-tui --version` reports the installed distribution's version, written in one place."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import ssi_tui


def test_version_option_prints_the_installed_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ssi_tui", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ssi-tui, version {version('ssi-tui')}"
    assert version("ssi-tui") == ssi_tui.__version__
