"""store/settings.py: what the history keeps for everyone who opens it, in ssi_meta."""

from __future__ import annotations

from pathlib import Path

from ssi_tui import store
from ssi_tui.store import settings
from ssi_tui.store.settings import ImportSettings


def test_import_settings_round_trip_and_forget(history_db: Path) -> None:
    pairs = (("Week of", "date"), ('Rep "name"', "name"))
    with store.open_write(history_db) as conn:
        assert settings.import_settings(conn) == ImportSettings()
        settings.remember_import_options(conn, pairs, "%d/%m/%Y")
        settings.learn_day_order(conn, "%m/%d/%Y")
    with store.open_read(history_db) as conn:
        kept = settings.import_settings(conn)
    assert kept == ImportSettings(pairs, "%d/%m/%Y", "%m/%d/%Y")
    assert ImportSettings.from_json(kept.as_json()) == kept
    with store.open_write(history_db) as conn:
        assert settings.forget_import_settings(conn) == kept
        assert settings.import_settings(conn) == ImportSettings()


def test_remembering_no_map_forgets_the_map(history_db: Path) -> None:
    with store.open_write(history_db) as conn:
        settings.remember_import_options(conn, (("Rep", "name"),), None)
        settings.remember_import_options(conn, (), "%d.%m.%Y")
        assert settings.import_settings(conn) == ImportSettings((), "%d.%m.%Y", None)


def test_default_target_set_and_cleared(history_db: Path) -> None:
    with store.open_write(history_db) as conn:
        assert settings.default_target(conn) is None
        settings.set_default_target(conn, 62.5)
        assert settings.default_target(conn) == 62.5
        settings.set_default_target(conn, None)
        assert settings.default_target(conn) is None
