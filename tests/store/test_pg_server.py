"""The tests' throwaway PostgreSQL server (tests/pg_server.py): it runs, each test gets a database
of its own, and without PostgreSQL its tests skip, or fail where it is required."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests import pg_server


def test_each_call_gives_a_new_empty_database_on_loopback(
    postgres_url: Callable[[], str],
) -> None:
    import psycopg

    first, second = postgres_url(), postgres_url()
    assert first != second
    assert "127.0.0.1" in first
    with psycopg.connect(first) as conn:
        tables = conn.execute(
            b"SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
        assert tables == (0,)


def test_without_postgresql_its_tests_skip_saying_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pg_server.REQUIRE, raising=False)
    with pytest.raises(pytest.skip.Exception, match="initdb not found"):
        pg_server._unavailable("initdb not found")


def test_where_postgresql_is_required_its_tests_fail_instead(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(pg_server.REQUIRE, "1")
    with pytest.raises(pytest.fail.Exception, match="initdb not found"):
        pg_server._unavailable("initdb not found")


def test_the_binaries_are_found_off_the_path_too(monkeypatch: pytest.MonkeyPatch) -> None:
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        pytest.skip("PostgreSQL is not installed the Debian way here")
    monkeypatch.setenv("PATH", "/nonexistent")
    found = pg_server.binaries()
    assert found is not None and (found / "initdb").is_file()
