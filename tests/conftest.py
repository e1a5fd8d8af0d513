"""Project-wide test settings."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

# The throwaway PostgreSQL server of the PostgreSQL backend's tests (skipped without one).
from tests.pg_server import (  # noqa: F401
    postgres_server,
    postgres_url,
    private_postgres_server,
)

# CI runs the property tests on a fixed set of examples so that a landing never depends on
# luck; locally they keep exploring new examples on every run.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

# Boards kept between starts (ssi_tui/boards/board_cache.py) would make one test's start depend on
# another's: off everywhere, except in the tests of the cache, which give it a folder.
os.environ["SSI_TUI_CACHE_DIR"] = "off"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that compares a snapshot SVG `snapshot`, wherever it lives.

    The SVGs are drawn by the exact Textual and Rich the `test` extra pins; the floors run
    (constraints/minimum.txt) has older ones, so it deselects them with `-m "not snapshot"`.
    """
    for item in items:
        if "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.snapshot)
