"""The served tests use the Textual tests' databases (the bundled sample team)."""

from __future__ import annotations

from tests.pilot_pace import pace_pilot
from tests.ui.conftest import sample_db, sample_db_master

pace_pilot()

__all__ = ["sample_db", "sample_db_master"]
