"""SSI_TUI_DATABASE: the history a command uses when its DATABASE is left out, a file's path or
a PostgreSQL URL (issue #24), for the commands that take no other positional argument."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Invoke
from tests.pg_server import copy_history

ENV = "SSI_TUI_DATABASE"

LEFT_OUT = [
    ["leaderboard", "--format", "csv"],
    ["history", "--format", "json"],
    ["reps", "list", "--format", "json"],
    ["upgrade"],
]
"""Each command as typed without its DATABASE, and with it (DATABASE goes after the names)."""


def _with_database(args: list[str], database: str | Path) -> list[str | Path]:
    place = 2 if args[0] == "reps" else 1
    return [*args[:place], database, *args[place:]]


@pytest.mark.parametrize("args", LEFT_OUT, ids=lambda a: " ".join(a[:2]))
def test_a_left_out_database_is_the_one_the_variable_names(
    invoke: Invoke, history_db: Path, args: list[str]
) -> None:
    given = invoke(*_with_database(args, history_db))
    from_env = invoke(*args, env={ENV: str(history_db)})
    assert given.exit_code == 0, given.output
    assert from_env.exit_code == 0, from_env.output
    assert from_env.stdout == given.stdout and from_env.stdout


def test_add_writes_into_the_database_the_variable_names(invoke: Invoke, history_db: Path) -> None:
    added = ["add", "--rep", "Ana Lima", "--ssi", "71", "--date", "2026-01-26"]
    result = invoke(*added, env={ENV: str(history_db)})
    assert result.exit_code == 0, result.output
    board = invoke("leaderboard", history_db, "--format", "csv")
    assert "Ana Lima" in board.stdout and ",71" in board.stdout


def test_a_database_given_wins_over_the_variable(
    invoke: Invoke, history_db: Path, tmp_path: Path
) -> None:
    result = invoke("leaderboard", history_db, env={ENV: str(tmp_path / "other.duckdb")})
    assert result.exit_code == 0, result.output
    assert "Ana Lima" in result.stdout


def test_without_the_variable_a_left_out_database_is_missing(invoke: Invoke) -> None:
    result = invoke("leaderboard", env={ENV: None})  # type: ignore[dict-item]
    assert result.exit_code == 2
    assert "Missing argument 'DATABASE'" in result.stderr


def test_the_variable_may_name_a_server_and_its_password_is_never_shown(
    invoke: Invoke, history_db: Path, postgres_url: Callable[[], str]
) -> None:
    url = postgres_url()
    copy_history(history_db, url)
    from_file = invoke("leaderboard", history_db, "--format", "csv")
    from_server = invoke("leaderboard", "--format", "csv", env={ENV: url})
    assert from_server.exit_code == 0, from_server.output
    assert from_server.stdout == from_file.stdout
    with_password = url.replace("postgres@", "postgres:s3cret@")
    empty = invoke("leaderboard", "--as-of", "2020-01-01", env={ENV: with_password})
    assert url in empty.stderr and "s3cret" not in empty.output + empty.stderr


def test_open_and_serve_take_the_variable(
    invoke: Invoke, history_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ssi_tui.cli import serve
    from ssi_tui.ui.app import SsiApp

    opened: list[object] = []
    monkeypatch.setattr(SsiApp, "run", lambda app: opened.append(app.database))
    monkeypatch.setattr(serve, "serve", lambda database, **_: opened.append(database))
    for args in (["open"], ["serve", "--no-token", "--port", "8123"]):
        result = invoke(*args, env={ENV: str(history_db)})
        assert result.exit_code == 0, result.output
    assert opened == [history_db, history_db]
