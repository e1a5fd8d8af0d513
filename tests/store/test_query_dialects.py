"""A backend's own spelling of a query (queries/<dialect>/NAME.sql) is used instead of the shared
queries/NAME.sql where it exists, and only there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ssi_tui import resources
from ssi_tui.store import duckdb_store


@pytest.fixture
def queries(tmp_path: Path) -> Path:
    folder = tmp_path / "queries"
    (folder / "fake" / "migrations").mkdir(parents=True)
    (folder / "migrations").mkdir()
    (folder / "teams.sql").write_text("SELECT 'shared' AS team;", encoding="utf-8")
    (folder / "fake" / "teams.sql").write_text("SELECT 'fake' AS team;", encoding="utf-8")
    (folder / "rep_names.sql").write_text("SELECT 'shared', 'x';", encoding="utf-8")
    (folder / "migrations" / "0001_initial.sql").write_text("-- shared", encoding="utf-8")
    (folder / "fake" / "migrations" / "0001_initial.sql").write_text("-- fake", encoding="utf-8")
    return folder


def test_a_dialect_folder_overrides_only_the_queries_it_holds(queries: Path) -> None:
    assert resources.query_path(queries, "teams", "fake") == queries / "fake" / "teams.sql"
    assert resources.query_path(queries, "rep_names", "fake") == queries / "rep_names.sql"
    assert resources.query_path(queries, "teams", "other") == queries / "teams.sql"
    migration = resources.query_path(queries, "migrations/0001_initial", "fake")
    assert migration == queries / "fake" / "migrations" / "0001_initial.sql"


@pytest.fixture
def shipped_as(queries: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """QUERIES as the package's own queries folder (the lookups' caches emptied around it)."""
    monkeypatch.setattr(resources, "queries_dir", lambda: queries)
    resources.query.cache_clear()
    resources._own_spelling.cache_clear()
    yield queries
    resources.query.cache_clear()
    resources._own_spelling.cache_clear()


def test_a_store_runs_its_own_spelling_of_a_query(
    shipped_as: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import duckdb

    conn = duckdb.connect()
    try:
        history = duckdb_store.DuckDBStore(conn, None)
        assert history.rows("teams") == [("shared",)]  # no queries/duckdb/ folder: shared
        monkeypatch.setattr(duckdb_store.DuckDBStore, "dialect", "fake")
        assert history.rows("teams") == [("fake",)]
        assert history.rows("rep_names") == [("shared", "x")]
    finally:
        conn.close()


def test_duckdb_needs_no_spelling_of_its_own_yet() -> None:
    assert not (resources.queries_dir() / duckdb_store.DuckDBStore.dialect).exists()
