"""`ssi-tui leaderboard URL`: the board of a history on PostgreSQL is the board of the same
history in a DuckDB file, row for row, in every format and view (issue #24)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Invoke
from tests.pg_server import copy_history

VIEWS = [
    [],
    ["--as-of", "2026-01-12"],
    ["--as-of", "2026-01-05"],
    ["--team", "SMB"],
    ["--sort", "improvement"],
    ["--source", "official"],
    ["--anonymise"],
]


@pytest.fixture
def same_history(history_db: Path, postgres_url: Callable[[], str]) -> tuple[Path, str]:
    """tests/fixtures/history.csv imported into a file, and that file's rows on the server."""
    url = postgres_url()
    copy_history(history_db, url)
    return history_db, url


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: " ".join(v) or "latest")
def test_the_board_on_postgresql_is_the_files_board(
    invoke: Invoke, same_history: tuple[Path, str], view: list[str]
) -> None:
    path, url = same_history
    for output_format in ("csv", "json"):
        from_file = invoke("leaderboard", path, "--format", output_format, *view)
        from_server = invoke("leaderboard", url, "--format", output_format, *view)
        assert from_file.exit_code == 0, from_file.output
        assert from_server.exit_code == 0, from_server.output
        assert from_server.stdout == from_file.stdout
        assert from_file.stdout.count("\n") > 1


def test_an_empty_board_is_named_by_its_url_without_the_password(
    invoke: Invoke, same_history: tuple[Path, str]
) -> None:
    _, url = same_history
    with_password = url.replace("postgres@", "postgres:s3cret@")
    result = invoke("leaderboard", with_password, "--as-of", "2020-01-01", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert "no snapshots on or before 2020-01-01" in result.stderr
    assert url in result.stderr and "s3cret" not in result.output + result.stderr


def test_a_server_that_is_not_running_is_a_clean_error(invoke: Invoke) -> None:
    result = invoke("leaderboard", "postgresql://ana:s3cret@127.0.0.1:1/ssi")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: postgresql://ana@127.0.0.1:1/ssi: cannot reach")
    assert "s3cret" not in result.output + result.stderr
