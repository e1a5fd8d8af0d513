"""`ssi-tui demo URL`: the sample team into a history on PostgreSQL, as `demo FILE` puts it into
a file, and the app opened on it (issue #24)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ssi_tui.ui.app import SsiApp
from tests.cli.conftest import FIXTURES, Invoke
from tests.pg_server import PostgresServer


def _boards(invoke: Invoke, database: str | Path) -> list[str]:
    """DATABASE's board in CSV and JSON, and as of an earlier week."""
    shown = []
    for args in (["--format", "csv"], ["--format", "json", "--as-of", "2026-01-12"]):
        result = invoke("leaderboard", database, *args)
        assert result.exit_code == 0, result.output
        shown.append(result.stdout)
    return shown


def test_demo_fills_a_server_with_the_board_a_demo_file_gets(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    url, path = postgres_url(), tmp_path / "demo.duckdb"
    with_password = url.replace("postgres@", "postgres:s3cret@")
    into_file = invoke("demo", path, "--no-open")
    into_server = invoke("demo", with_password, "--no-open")
    assert into_file.exit_code == 0, into_file.output
    assert into_server.exit_code == 0, into_server.output
    assert into_server.stdout == f"{url}\n"
    assert into_server.stderr == f"Demo database ready: {url}\n"
    assert "s3cret" not in into_server.output
    from_file = _boards(invoke, path)
    assert from_file[0].count("\n") == 31  # the header and the sample team's 30 reps
    assert _boards(invoke, url) == from_file


def test_demo_again_adds_nothing_on_a_server_as_on_a_file(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    url, path = postgres_url(), tmp_path / "demo.duckdb"
    for database in (path, url):
        assert invoke("demo", database, "--no-open").exit_code == 0
    first = _boards(invoke, url)
    again = [invoke("demo", database, "--no-open") for database in (path, url)]
    assert [result.exit_code for result in again] == [0, 0]
    assert again[1].stderr == again[0].stderr == ""  # nothing new: no "ready"
    assert _boards(invoke, url) == first == _boards(invoke, path)


def test_a_server_history_gets_the_demo_as_a_file_history_does(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    """`demo DB` on a database holding a history imports the sample team into it (its files
    are new ones), on a server as on a file: the same board after."""
    url, path = postgres_url(), tmp_path / "team.duckdb"
    for database in (path, url):
        assert invoke("import", database, FIXTURES / "history.csv").exit_code == 0
    into_file = invoke("demo", path, "--no-open")
    into_server = invoke("demo", url, "--no-open")
    assert into_file.exit_code == into_server.exit_code == 0
    assert into_server.stderr == into_file.stderr.replace(str(path), url)
    boards = _boards(invoke, url)
    assert "Ana Lima" in boards[0] and boards[0].count("\n") == 37
    assert boards == _boards(invoke, path)


def test_a_database_that_is_not_a_history_is_refused_as_a_file_that_is_not_one_is(
    invoke: Invoke, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    import psycopg

    url, path = postgres_server.new_database(), tmp_path / "notes.duckdb"
    path.write_text("not a database\n", encoding="utf-8")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(b"CREATE TABLE crm (id integer)")
    into_file = invoke("demo", path, "--no-open")
    into_server = invoke("demo", url, "--no-open")
    assert into_file.exit_code == into_server.exit_code == 1
    assert into_file.stderr.startswith(f"Error: {path}: not a DuckDB database file.")
    assert into_server.stderr.startswith(f"Error: {url}: not an ssi-tui database.")
    assert into_server.stderr.count("\n") == 1
    with psycopg.connect(url) as conn:
        tables = conn.execute(
            b"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
    assert tables == [("crm",)]
    assert path.read_text(encoding="utf-8") == "not a database\n"


def test_demo_on_a_server_that_is_not_running_is_one_clean_line(invoke: Invoke) -> None:
    result = invoke("demo", "postgresql://ana:s3cret@127.0.0.1:1/ssi", "--no-open")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: postgresql://ana@127.0.0.1:1/ssi: cannot reach the PostgreSQL server"
    )
    assert result.stderr.count("\n") == 1 and "s3cret" not in result.output


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, int]]:
    """Run the real app headless; once its board shows, note (database, rows) and quit."""
    seen: list[tuple[object, int]] = []
    real_run = SsiApp.run

    def run_headless(self: SsiApp, **kwargs: object) -> None:
        def look() -> None:
            board = getattr(self.screen, "board", None)
            if board is not None:
                seen.append((self.database, len(board.rows)))
                self.exit()

        self.call_later(self.set_interval, 0.05, look)
        real_run(self, headless=True)

    monkeypatch.setattr(SsiApp, "run", run_headless)
    return seen


def test_demo_opens_the_app_on_the_server(
    invoke: Invoke, postgres_url: Callable[[], str], opened: list[tuple[object, int]]
) -> None:
    url = postgres_url()
    result = invoke("demo", url)
    assert result.exit_code == 0, result.output
    assert opened == [(url, 30)]
