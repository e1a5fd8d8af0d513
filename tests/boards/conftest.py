"""The boards' tests read the same databases as the store's and the UI's tests."""

from __future__ import annotations

from tests.store.conftest import dump, history_db, history_template
from tests.ui.conftest import sample_db, sample_db_master

__all__ = ["dump", "history_db", "history_template", "sample_db", "sample_db_master"]
