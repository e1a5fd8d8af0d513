"""`ssi-tui leaderboard URL`: the board of a history on PostgreSQL is the board of the same
history in a DuckDB file, row for row, in every format and view (issue #24)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from ssi_tui.store import SCHEMA_VERSION
from tests.cli.conftest import Invoke
from tests.db_helpers import dump_tables
from tests.pg_server import copy_history

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

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


def _tables(url: str) -> dict[str, list[tuple]]:
    """Every table of the history at URL but the log's times and the change counter, sorted."""
    import psycopg

    with psycopg.connect(url) as conn:
        names = [
            name
            for (name,) in conn.execute(
                b"SELECT table_name FROM information_schema.tables"
                b" WHERE table_schema = 'public' ORDER BY table_name"
            ).fetchall()
        ]
        return {
            n: sorted(conn.execute(f'SELECT * FROM "{n}"'.encode()).fetchall(), key=repr)
            for n in names
        }


def test_an_import_into_a_url_makes_the_board_an_import_into_a_file_makes(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    url, path = postgres_url(), tmp_path / "team.duckdb"
    export = FIXTURES / "history.csv"
    for database in (path, url):
        result = invoke("import", database, export)
        assert result.exit_code == 0, result.output
        assert "12 new, 0 corrected" in result.output
    for view in VIEWS:
        from_file = invoke("leaderboard", path, "--format", "json", *view)
        assert invoke("leaderboard", url, "--format", "json", *view).stdout == from_file.stdout
    again = invoke("import", url, export)
    assert again.exit_code == 0 and "already imported" in again.output


def test_a_rejected_import_leaves_the_server_as_it_was(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    url = postgres_url()
    assert invoke("import", url, FIXTURES / "history.csv").exit_code == 0
    before = _tables(url)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"
        "2026-01-26,ana,Ana Lima,Enterprise,66,17,16,16,17\n"
        "2026-01-26,bob,Bob Stone,Enterprise,999,14,13,13,15\n",
        encoding="utf-8",
    )
    result = invoke("import", url.replace("postgres@", "postgres:s3cret@"), bad)
    assert result.exit_code == 1
    assert "nothing was written to " + url in result.stderr
    assert "s3cret" not in result.output + result.stderr
    assert _tables(url) == before


WEEKS = (
    "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"
    "2026-11-09,ann,Ann Lee,SMB,61,16.2,15.2,14.5,15.1\n"
    "2026-11-16,ann,Ann Lee,SMB,61,16.3,15.2,14.5,15.0\n"
)
TYPO = "2026-11-23,ann,Ann Lee,SMB,46.6,1.65,15.2,14.5,15.25\n"
"""Ann's Brand 1.65 after 16.3 and 16.2: a value that looks like a typo (of 16.5)."""


def test_a_first_import_into_a_new_server_reports_word_for_word_as_into_a_new_file(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    """A new server history is written as a new file is (store/postgres_build.py), by DuckDB's
    CSV fast path: the same report, its warnings without line numbers alike."""
    export = tmp_path / "weeks.csv"
    export.write_text(WEEKS + TYPO, encoding="utf-8")
    url, path = postgres_url(), tmp_path / "team.duckdb"
    into_file, into_server = invoke("import", path, export), invoke("import", url, export)
    assert into_server.exit_code == into_file.exit_code == 0, into_server.output
    assert "1.65" in into_server.output
    assert into_server.output.replace(url, "DB") == into_file.output.replace(str(path), "DB")
    assert _comparable(_tables(url)) == _comparable(dump_tables(path))


def test_a_later_import_into_a_server_names_the_line_of_a_value_that_looks_like_a_typo(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    """Into a history that exists, the server's own queries write the Polars path's batch,
    which knows each row's line (import_warnings.sql reads it from the staged rows)."""
    first, later = tmp_path / "weeks.csv", tmp_path / "later.csv"
    first.write_text(WEEKS, encoding="utf-8")
    later.write_text(
        WEEKS.splitlines(keepends=True)[0]
        + "2026-11-23,bo,Bo Kim,SMB,50,12.5,12.5,12.5,12.5\n"
        + TYPO,
        encoding="utf-8",
    )
    url = postgres_url()
    assert invoke("import", url, first).exit_code == 0
    result = invoke("import", url, later)
    assert result.exit_code == 0, result.output
    assert "later.csv:3" in result.output, result.output
    assert "later.csv:2" not in result.output


def test_a_snapshot_added_by_hand_makes_a_new_server_history_as_it_makes_a_new_file(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    """`add --new-rep` creates a history too (sent whole, store/postgres_build.py); the next
    change goes on after it on either backend."""
    url, path = postgres_url(), tmp_path / "team.duckdb"
    for database in (path, url):
        first = invoke("add", database, "--rep", "Cy Diaz", "--ssi", "52", "--date", "2026-05-18",
                       "--new-rep")  # fmt: skip
        assert first.exit_code == 0, first.output
        later = invoke("add", database, "--rep", "Cy Diaz", "--ssi", "55", "--date", "2026-05-25")
        assert later.exit_code == 0, later.output
    assert _comparable(_tables(url)) == _comparable(dump_tables(path))
    assert [row[0] for row in _tables(url)["changes"]] == [1, 2]


SEQUENCES = [
    ["history.csv"],
    ["mixed/activity.csv", "history.csv"],  # a new history of activities and their estimates
    ["history.csv", "correction.csv", "week4.csv"],
    ["findings/older_teams.csv", "findings/newest.csv", "findings/typo.csv"],
    ["findings/rounded.csv", "findings/rounded_one_changed.csv"],
    ["identity/export_with_ids.csv", "identity/sheet_by_name.csv"],
    ["identity/sheet_jon_only.csv", "identity/export_with_ids.csv"],
]


def _comparable(tables: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """TABLES without what differs by backend or moment: the import and change times, and
    ssi_meta."""
    kept = {name: rows for name, rows in tables.items() if name != "ssi_meta"}
    kept["imports"] = sorted((row[:7] + row[8:] for row in kept["imports"]), key=repr)
    kept["changes"] = sorted((row[:2] + row[3:] for row in kept["changes"]), key=repr)
    return kept


def _report(output: str, database: str) -> str:
    return re.sub(r"\.csv:\d+: ", ".csv: ", output.replace(database, "DB"))


@pytest.mark.parametrize("files", SEQUENCES, ids=lambda files: "+".join(files))
def test_imports_into_a_url_write_what_they_write_into_a_file(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str], files: list[str]
) -> None:
    url, path = postgres_url(), tmp_path / "team.duckdb"
    for name in files:
        into_file = invoke("import", path, FIXTURES / name)
        into_server = invoke("import", url, FIXTURES / name)
        assert into_server.exit_code == into_file.exit_code, into_server.output
        # A file takes DuckDB's CSV fast path, which knows no line numbers, and so does a new
        # server history (written locally); a later import into a server the Polars path,
        # which names the line: the rest of the report is the same.
        assert _report(into_server.output, url) == _report(into_file.output, str(path))
        assert _comparable(_tables(url)) == _comparable(dump_tables(path))


def test_a_dry_run_into_a_url_reports_what_a_file_would_get_and_writes_nothing(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    url, path = postgres_url(), tmp_path / "team.duckdb"
    for database in (url, path):
        assert invoke("import", database, FIXTURES / "history.csv").exit_code == 0
    before = _tables(url)
    for flags in (["--dry-run"], ["--dry-run", "--strict"]):
        into_file = invoke("import", path, FIXTURES / "correction.csv", *flags)
        into_server = invoke("import", url, FIXTURES / "correction.csv", *flags)
        assert into_server.exit_code == into_file.exit_code == 0
        assert "1 corrected" in into_server.output
        assert _report(into_server.output, url) == _report(into_file.output, str(path))
    assert _tables(url) == before


def test_upgrade_takes_a_url_and_creates_nothing(
    invoke: Invoke, postgres_url: Callable[[], str]
) -> None:
    url = postgres_url()
    missing = invoke("upgrade", url)
    assert missing.exit_code == 1 and "no such database" in missing.stderr
    assert _tables(url) == {}
    assert invoke("import", url, FIXTURES / "history.csv").exit_code == 0
    result = invoke("upgrade", url.replace("postgres@", "postgres:s3cret@"))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{url}: schema version {SCHEMA_VERSION}, up to date.\n"


def test_an_import_never_shows_the_password_a_url_holds(
    invoke: Invoke, postgres_url: Callable[[], str]
) -> None:
    url = postgres_url()
    with_password = url.replace("postgres@", "postgres:s3cret@")
    for flags in ([], ["--json"]):
        result = invoke("import", with_password, FIXTURES / "history.csv", *flags)
        assert result.exit_code == 0, result.output
        assert url in result.output and "s3cret" not in result.output + result.stderr


def test_the_app_opens_on_a_url_as_it_does_on_a_file(
    invoke: Invoke, same_history: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ssi_tui.ui.app import SsiApp

    _, url = same_history
    opened: list[object] = []
    monkeypatch.setattr(SsiApp, "run", lambda app: opened.append(app.database))
    for args in ([url], ["open", url]):
        result = invoke(*args)
        assert result.exit_code == 0, result.output
    assert opened == [url, url]  # the URL as it is (a Path would fold its `//`)


def test_opening_the_app_on_a_server_that_is_not_running_is_a_clean_error(
    invoke: Invoke,
) -> None:
    for args in (["postgresql://ana:s3cret@127.0.0.1:1/ssi"], ["open", "postgres://127.0.0.1:1/s"]):
        result = invoke(*args)
        assert result.exit_code == 1
        assert "cannot reach" in result.stderr, result.stderr
        assert "s3cret" not in result.output + result.stderr


def test_a_write_a_read_only_server_refuses_is_one_line_and_changes_nothing(
    invoke: Invoke, same_history: tuple[Path, str]
) -> None:
    """A hot standby, or a database its admin made read-only: the server's refusal, said."""
    _, url = same_history
    before = _tables(url)
    read_only = {"PGOPTIONS": "-c default_transaction_read_only=on"}
    for args in (
        ["import", url, FIXTURES / "correction.csv"],
        ["add", url, "--rep", "ana@acme.example", "--ssi", "61", "--date", "2026-02-02"],
        ["target", url, "--default", "65"],
    ):
        result = invoke(*args, env=read_only)
        assert result.exit_code == 1, result.output
        assert "the server refused the statement" in result.stderr, result.stderr
        assert "read-only transaction" in result.stderr
        assert "Traceback" not in result.output
    assert _tables(url) == before
